/* convene-zone-names.h: the names people give time zones, and the IANA zones
 * they mean.
 *
 * Three kinds of names: abbreviations ("ET", "CEST", "EAT"), places and
 * regions ("London", "Nueva York", "Eastern", "East Africa"), and UTC offsets
 * ("GMT-6", "UTC+05:30").  Places come from a table of names the tz database
 * does not carry (Washington, Delhi, Rio, Spanish spellings, countries) and
 * then from the tz database's own city names, read from the zoneinfo folder
 * GTimeZone itself uses.  Used by the time-expression parser and by
 * convene_zone_lookup().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *abbreviation;  /* as written, in capitals */
  const char *zone;          /* IANA name or "UTC" */
  gint8       dst;           /* 1: names summer time, 0: winter time, -1: either */
  const char *ambiguity;     /* translatable sentence when the reading is a guess */
} ConveneZoneAbbreviation;

/* Lower case, accents dropped, every run of other characters one space:
 * "São Paulo" and "Sao_Paulo" both give "sao paulo". */
char                          *convene_zone_names_fold              (const char *text,
                                                                     gssize      length);

/* @abbreviation as written ("IST"); NULL when unknown. */
const ConveneZoneAbbreviation *convene_zone_names_find_abbreviation (const char *abbreviation);
/* @abbreviation as a text that speaks of Asia means it, when that differs
 * ("CST": China Standard Time, still with a warning); NULL otherwise. */
const ConveneZoneAbbreviation *convene_zone_names_find_abbreviation_in_asia (const char *abbreviation);

/* @folded is a place or region as convene_zone_names_fold() gives it
 * ("mexico city", "hora" and "time" already removed); NULL when unknown. */
const char                    *convene_zone_names_find_place        (const char *folded);

/* An IANA name in any letter case ("europe/london"), or one of the tz
 * database's old links ("US/Pacific", "Asia/Calcutta"); returns the zone as
 * the tz database spells it (a link as the zone it points to), or NULL. */
const char                    *convene_zone_names_find_identifier   (const char *identifier);

/* The first part of a zone's IANA name or link, in any letter case:
 * "Europe", "america", "US". */
gboolean                       convene_zone_names_is_region         (const char *region);

/* "UTC" for 0, otherwise "+05:30" / "-06:00". */
char                          *convene_zone_names_format_offset     (int         minutes);

/* Reads "+5", "-06:00", "+0530", "−6" (the sign included); FALSE unless the
 * whole of @text is an offset of at most 14 hours. */
gboolean                       convene_zone_names_parse_offset      (const char *text,
                                                                     int        *minutes);

/* For tests: every abbreviation of the table, and every zone the tables
 * name, so that a zone missing from the installed tz database shows. */
GStrv                          convene_zone_names_dup_abbreviations (void);
GStrv                          convene_zone_names_dup_table_zones   (void);

G_END_DECLS
