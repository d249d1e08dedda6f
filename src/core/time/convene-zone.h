/* convene-zone.h: time zones as Convene records them, and every other name
 * that means one.
 *
 * A session's zone is an IANA name ("Europe/London"), "UTC" or a fixed
 * offset ("-06:00").  People and files write others: "London", "ET",
 * "GMT-6" (convene_zone_lookup()), old IANA names ("US/Eastern",
 * "Asia/Calcutta") and Windows ids ("W. Europe Standard Time").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @zone is an IANA name, "UTC" or a fixed offset such as "-06:00".
 * Returns the zone (each read once per process), or NULL when @zone names
 * none. */
GTimeZone *convene_timezone_new         (const char *zone);
gboolean   convene_timezone_is_valid    (const char *zone);

/* Zone names as people write them: "London", "ET", "EAT", "GMT-6", "Nairobi",
 * "Europe/London".  Returns an IANA name, "UTC" or "+HH:MM"; sets
 * @ambiguous for abbreviations such as IST or CST. */
char      *convene_zone_lookup          (const char *name,
                                         gboolean   *ambiguous);

/* "UTC", "Etc/GMT", "Zulu"... in any letter case: TRUE for every name of
 * UTC itself. */
gboolean   convene_zone_is_utc_name     (const char *name);

/* An old name that files still carry ("US/Eastern", "Europe/Kiev") as the
 * zone the tz database now calls it; NULL for any other name. */
const char *convene_zone_from_alias     (const char *alias);

/* A Windows zone id, as Outlook and Exchange write it ("W. Europe Standard
 * Time", in any letter case), as an IANA name, "UTC" or a fixed offset;
 * NULL for any other name. */
char      *convene_zone_from_windows_id (const char *windows_id);

/* The tz database's folder, where GTimeZone reads its files (TZDIR, or
 * /usr/share/zoneinfo). */
const char *convene_zone_directory      (void);

G_END_DECLS
