/* convene-recurrence-rule.h: a series' rule as people choose it.
 *
 * The Repeat editor offers the shapes groups use: none, every N days, every
 * N weeks on chosen weekdays, every N months on a date or on the nth or last
 * weekday, every N years; ending never, after N times or on a date.  This
 * is that choice as a structure, read from and written to an RRULE through
 * libical, and the sentence that says it in the user's language ("Every 2
 * weeks on Monday, until 30 June 2026").  A rule that says more than the
 * structure can hold is reported as such, so that it is kept as written.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONVENE_RECURRENCE_RULE_ERROR (convene_recurrence_rule_error_quark ())

typedef enum {
  CONVENE_RECURRENCE_RULE_ERROR_INVALID,      /* not an RRULE */
  CONVENE_RECURRENCE_RULE_ERROR_UNSUPPORTED,  /* an RRULE the editor cannot show */
} ConveneRecurrenceRuleError;

typedef enum {
  CONVENE_REPEAT_NONE,
  CONVENE_REPEAT_DAILY,
  CONVENE_REPEAT_WEEKLY,
  CONVENE_REPEAT_MONTHLY,
  CONVENE_REPEAT_YEARLY,
} ConveneRepeatFrequency;

typedef enum {
  CONVENE_REPEAT_ON_DATE,         /* monthly on day 23 (or the start's day) */
  CONVENE_REPEAT_ON_NTH_WEEKDAY,  /* monthly on the third Tuesday */
  CONVENE_REPEAT_ON_LAST_WEEKDAY, /* monthly on the last Friday */
} ConveneRepeatMonthly;

typedef enum {
  CONVENE_REPEAT_END_NEVER,
  CONVENE_REPEAT_END_COUNT,
  CONVENE_REPEAT_END_UNTIL,
} ConveneRepeatEnd;

typedef struct {
  ConveneRepeatFrequency frequency;
  int                    interval;   /* 1 or more */
  guint                  weekdays;   /* weekly: 1 << GDateWeekday each; 0 is the start's day */
  ConveneRepeatMonthly   monthly;
  int                    month_day;  /* on a date: 1 to 31; 0 is the start's day */
  int                    week;       /* on the nth weekday: 1 to 5 */
  GDateWeekday           weekday;    /* on the nth or last weekday */
  ConveneRepeatEnd       end;
  int                    count;      /* ends after: 1 or more */
  int                    until_year; /* ends on: a day in the series' zone */
  int                    until_month;
  int                    until_day;
} ConveneRecurrenceRule;

GQuark    convene_recurrence_rule_error_quark (void);

/* A rule that does not repeat. */
void      convene_recurrence_rule_init        (ConveneRecurrenceRule       *rule);

/* Reads @rrule ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", with or without
 * "RRULE:"; NULL or "" is no rule).  An UNTIL instant is read as its day in
 * @tz (NULL: UTC).  Fails with UNSUPPORTED for a rule the structure cannot
 * hold (BYHOUR, several month days, a week starting on Sunday...). */
gboolean  convene_recurrence_rule_parse       (ConveneRecurrenceRule       *rule,
                                               const char                  *rrule,
                                               GTimeZone                   *tz,
                                               GError                     **error);

/* The RRULE, without "RRULE:", or NULL for no rule.  UNTIL is written as
 * the last second of its day in @tz, in UTC, as RFC 5545 asks of a series
 * fixed in a zone. */
char     *convene_recurrence_rule_to_string   (const ConveneRecurrenceRule *rule,
                                               GTimeZone                   *tz);

/* "Every 2 weeks on Monday, until 30 June 2026", in the user's language;
 * @start (nullable, in the series' zone) names what the rule leaves to it,
 * such as the weekday of a weekly rule without BYDAY.  NULL for no rule. */
char     *convene_recurrence_rule_describe    (const ConveneRecurrenceRule *rule,
                                               GDateTime                   *start);

/* The same from an RRULE; NULL when it is none or one the editor cannot
 * show. */
char     *convene_recurrence_describe         (const char                  *rrule,
                                               GDateTime                   *start);

/* Which week of its month @day falls in (1 to 5), and whether it is the
 * last such weekday of the month: what "the fourth Tuesday" offers. */
int       convene_recurrence_week_of_month    (GDateTime                   *day,
                                               gboolean                    *is_last);

G_END_DECLS
