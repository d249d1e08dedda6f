/* convene-time-format.h: an instant written for people, in one zone or
 * several: "19:00", "19:00 London · 13:00 Mexico City · 04:00 Tokyo (+1)",
 * "February 2021", and the fixed "2021-02-23 19:00 GMT" of long listings.
 *
 * The window, the command line and the exporters all write times through
 * here; words and formats are translatable, so Spanish gets its own.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "London" ("Londres" in Spanish), "UTC", "UTC−6"; "your time" for a zone
 * that has no place name. */
char  *convene_zone_label            (const char         *zone);

/* The time of day of @instant in its own zone: "19:00" (or "7:00 PM"
 * where the translation says so). */
char  *convene_format_clock          (GDateTime          *instant);

/* @start in @zone (UTC when it names none), in the user's own zone and in
 * each of @extra_zones, each zone once, with the day shift from @zone:
 * "19:00 London · 13:00 Mexico City · 04:00 Tokyo (+1)".  With @markup,
 * Pango markup with the user's own time in bold. */
char  *convene_format_in_zones       (GDateTime          *start,
                                      const char         *zone,
                                      const char * const *extra_zones,
                                      gboolean            markup);

/* "February 2021", the month's name on its own (nominative). */
char  *convene_format_month_of       (int                 year,
                                      int                 month);

/* Many instants in many zones, each zone read once, written as
 * g_date_time_format() would with "%Y-%m-%d %H:%M %Z" ("2021-02-23 19:00
 * GMT") but without its cost: the command line lists a hundred thousand. */
typedef struct _ConveneTimeWriter ConveneTimeWriter;

#define CONVENE_TIME_WRITER_MAX 64

ConveneTimeWriter *convene_time_writer_new   (void);
void               convene_time_writer_free  (ConveneTimeWriter *self);
gsize              convene_time_writer_write (ConveneTimeWriter *self,
                                              gint64             seconds,
                                              const char        *zone,
                                              char              *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneTimeWriter, convene_time_writer_free)

G_END_DECLS
