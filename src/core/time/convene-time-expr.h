/* convene-time-expr.h: how people write meeting times, understood.
 *
 * "Tuesday 23rd at 7pm London time (2pm ET)", "5pm EAT / 8am GMT-6",
 * "13:00 - 14:30 UTC", "Wednesdays at 9am PT", "every two weeks"...
 * The result is always an instant plus the zone it was fixed in (an IANA
 * name, "UTC", or a fixed offset such as "-06:00"), with warnings a
 * coordinator understands.  Used by the importers, `convene-cli when` and
 * the planner.
 */
#pragma once

#include <glib.h>

#include "time/convene-zone.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_TIME_EXPR_DEFAULT   = 0,
  CONVENE_TIME_EXPR_DAY_FIRST = 1 << 0,  /* 11/07/2019 is 11 July (Spanish text...) */
  CONVENE_TIME_EXPR_ASIA      = 1 << 1,  /* the text around speaks of Asia: "CST" is China's */
} ConveneTimeExprFlags;

typedef struct {
  GDateTime *start;          /* UTC; NULL when the text names no time of day */
  GDateTime *end;            /* UTC, or NULL when no end or length is given */
  char      *timezone;       /* the zone the time was fixed in (the first one on the line) */
  GDate      date;           /* the calendar day in that zone, if has_date */
  gboolean   has_date;       /* the text named a day (or the reference day was used) */
  gboolean   date_from_text; /* the day came from the text, not from the reference */
  gboolean   has_time;
  char      *rrule;          /* "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", or NULL */
  char     **languages;      /* languages the text says are offered, or NULL */
  GPtrArray *warnings;       /* char *, sentences for a coordinator */
  char      *unknown_zone;   /* a zone or city named in the text that is not known, or NULL;
                              * the time was then read in the default zone */
  gboolean   zone_from_text; /* the text names @timezone; it is not the default */
  char     **zones;          /* every known zone the text names, in order, each once
                              * ("7pm London time (2pm ET)": London, New York); or NULL */
  char     **unread;         /* the parser's account of what it did not read: each run of
                              * words, numbers and signs it passed over, as written ("Paul",
                              * "leads</i>"); empty when the whole text was read */
} ConveneTimeExpr;

#define CONVENE_TIME_EXPR_ERROR (convene_time_expr_error_quark ())

typedef enum {
  CONVENE_TIME_EXPR_ERROR_NOT_UNDERSTOOD,  /* no date, time, zone or recurrence in the text */
  CONVENE_TIME_EXPR_ERROR_TOO_LONG,        /* longer than any line of an announcement */
} ConveneTimeExprError;

GQuark           convene_time_expr_error_quark (void);

/* @reference is the day used when the text names none (today in the zone
 * when NULL): "23rd" is that day of its month, a weekday the first such day
 * on or after it, a date without a year in its year.  @default_zone (an
 * IANA name, "UTC", an offset or any name convene_zone_lookup() knows) is
 * the zone when the text names none; NULL means UTC, with a warning.
 * Returns NULL and sets @error only when nothing in the text is understood. */
ConveneTimeExpr *convene_time_expr_parse (const char           *text,
                                          const GDate          *reference,
                                          const char           *default_zone,
                                          ConveneTimeExprFlags  flags,
                                          GError              **error);
void             convene_time_expr_free  (ConveneTimeExpr      *expr);

/* A time of day on its own, as a field that asks for one reads it: "19:00",
 * "7:30", "19.00", "1900", "7pm", "19h30", "noon".  FALSE for anything
 * else, also for a time that is not one of the day ("25:00"). */
gboolean         convene_time_parse_clock (const char          *text,
                                           int                 *hour,
                                           int                 *minute);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneTimeExpr, convene_time_expr_free)

G_END_DECLS
