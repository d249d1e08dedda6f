/* convene-recurrence-rule.c: a series' rule as people choose it, and its
 * sentence.
 *
 * The RRULE is read and written by libical (icalrecurrencetype_from_string,
 * icalrecurrencetype_as_string_r), never by hand, so what the editor writes
 * is what every calendar reads.  Weekday and month names come from the C
 * library's locale through GDateTime, and every count goes through
 * ngettext, so the sentence needs no table of words of its own.
 */
#include "config.h"

#include "time/convene-recurrence-rule.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (convene-recurrence-rule-error-quark, convene_recurrence_rule_error)

void
convene_recurrence_rule_init (ConveneRecurrenceRule *rule)
{
  g_return_if_fail (rule != NULL);

  memset (rule, 0, sizeof *rule);
  rule->frequency = CONVENE_REPEAT_NONE;
  rule->interval = 1;
  rule->weekday = G_DATE_BAD_WEEKDAY;
}

/* libical counts weekdays from Sunday (1) to Saturday (7), GLib from
 * Monday (1) to Sunday (7). */
static icalrecurrencetype_weekday
to_ical_weekday (GDateWeekday weekday)
{
  return (icalrecurrencetype_weekday) (weekday % 7 + 1);
}

static GDateWeekday
from_ical_weekday (icalrecurrencetype_weekday weekday)
{
  return weekday == ICAL_SUNDAY_WEEKDAY ? G_DATE_SUNDAY : (GDateWeekday) (weekday - 1);
}

/* The inverse of icalrecurrencetype_day_day_of_week() and
 * icalrecurrencetype_day_position(), which libical 3.0 does not export. */
static short
encode_day (GDateWeekday weekday,
            int          position)
{
  short day = (short) (ABS (position) * 8 + to_ical_weekday (weekday));

  return position < 0 ? -day : day;
}

static guint
count_values (const short *values,
              guint        size)
{
  guint n = 0;

  while (n < size && values[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;
  return n;
}

static gboolean
unsupported (GError     **error,
             const char  *rrule)
{
  g_set_error (error, CONVENE_RECURRENCE_RULE_ERROR, CONVENE_RECURRENCE_RULE_ERROR_UNSUPPORTED,
               "“%s” says more than the editor shows", rrule);
  return FALSE;
}

/* BYDAY of a monthly rule: one weekday with its position ("3TU", "-1FR"),
 * or "TU" with BYSETPOS=3 as Outlook writes it. */
static gboolean
read_monthly_day (ConveneRecurrenceRule           *rule,
                  const struct icalrecurrencetype *r)
{
  guint n_days = count_values (r->by_day, ICAL_BY_DAY_SIZE);
  guint n_pos = count_values (r->by_set_pos, ICAL_BY_SETPOS_SIZE);
  int position;

  if (n_days != 1 || n_pos > 1)
    return FALSE;
  position = icalrecurrencetype_day_position (r->by_day[0]);
  if (n_pos == 1)
    {
      if (position != 0)
        return FALSE;
      position = r->by_set_pos[0];
    }
  rule->weekday = from_ical_weekday (icalrecurrencetype_day_day_of_week (r->by_day[0]));
  if (position == -1)
    rule->monthly = CONVENE_REPEAT_ON_LAST_WEEKDAY;
  else if (position >= 1 && position <= 5)
    {
      rule->monthly = CONVENE_REPEAT_ON_NTH_WEEKDAY;
      rule->week = position;
    }
  else
    return FALSE;
  return TRUE;
}

/* What the frequency's BY parts say, or FALSE for a shape the structure
 * cannot hold. */
static gboolean
read_by_parts (ConveneRecurrenceRule           *rule,
               const struct icalrecurrencetype *r)
{
  guint n_days = count_values (r->by_day, ICAL_BY_DAY_SIZE);
  guint n_month_days = count_values (r->by_month_day, ICAL_BY_MONTHDAY_SIZE);

  if (count_values (r->by_second, ICAL_BY_SECOND_SIZE) > 0 ||
      count_values (r->by_minute, ICAL_BY_MINUTE_SIZE) > 0 ||
      count_values (r->by_hour, ICAL_BY_HOUR_SIZE) > 0 ||
      count_values (r->by_year_day, ICAL_BY_YEARDAY_SIZE) > 0 ||
      count_values (r->by_week_no, ICAL_BY_WEEKNO_SIZE) > 0 ||
      count_values (r->by_month, ICAL_BY_MONTH_SIZE) > 0 ||
      r->rscale != NULL ||
      (r->week_start != ICAL_MONDAY_WEEKDAY && r->week_start != ICAL_NO_WEEKDAY))
    return FALSE;

  switch (r->freq)
    {
    case ICAL_DAILY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
      rule->frequency = r->freq == ICAL_DAILY_RECURRENCE ? CONVENE_REPEAT_DAILY : CONVENE_REPEAT_YEARLY;
      return n_days == 0 && n_month_days == 0 &&
             count_values (r->by_set_pos, ICAL_BY_SETPOS_SIZE) == 0;

    case ICAL_WEEKLY_RECURRENCE:
      rule->frequency = CONVENE_REPEAT_WEEKLY;
      if (n_month_days > 0 || count_values (r->by_set_pos, ICAL_BY_SETPOS_SIZE) > 0)
        return FALSE;
      for (guint i = 0; i < n_days; i++)
        {
          if (icalrecurrencetype_day_position (r->by_day[i]) != 0)
            return FALSE;
          rule->weekdays |= 1u << from_ical_weekday (icalrecurrencetype_day_day_of_week (r->by_day[i]));
        }
      return TRUE;

    case ICAL_MONTHLY_RECURRENCE:
      rule->frequency = CONVENE_REPEAT_MONTHLY;
      if (n_days > 0)
        return n_month_days == 0 && read_monthly_day (rule, r);
      if (count_values (r->by_set_pos, ICAL_BY_SETPOS_SIZE) > 0 || n_month_days > 1)
        return FALSE;
      rule->monthly = CONVENE_REPEAT_ON_DATE;
      rule->month_day = n_month_days == 1 ? r->by_month_day[0] : 0;
      return rule->month_day >= 0;

    default:
      return FALSE;
    }
}

/* UNTIL as a day: a date is that day; an instant is its day in @tz. */
static void
read_until (ConveneRecurrenceRule     *rule,
            struct icaltimetype        until,
            GTimeZone                 *tz)
{
  if (until.is_date || !icaltime_is_utc (until))
    {
      rule->until_year = until.year;
      rule->until_month = until.month;
      rule->until_day = until.day;
    }
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_new_utc (until.year, until.month, until.day,
                                                      until.hour, until.minute, until.second);
      g_autoptr(GTimeZone) fallback = g_time_zone_new_utc ();
      g_autoptr(GDateTime) there = NULL;

      if (utc == NULL)
        return;
      there = g_date_time_to_timezone (utc, tz != NULL ? tz : fallback);
      g_date_time_get_ymd (there, &rule->until_year, &rule->until_month, &rule->until_day);
    }
  rule->end = CONVENE_REPEAT_END_UNTIL;
}

/**
 * convene_recurrence_rule_parse:
 *
 * Returns: whether @rule now holds what @rrule says
 */
gboolean
convene_recurrence_rule_parse (ConveneRecurrenceRule  *rule,
                               const char             *rrule,
                               GTimeZone              *tz,
                               GError                **error)
{
  g_autofree char *text = NULL;
  const char *body;
  struct icalrecurrencetype r;
  gboolean ok;

  g_return_val_if_fail (rule != NULL, FALSE);

  convene_recurrence_rule_init (rule);
  text = g_strstrip (g_strdup (rrule != NULL ? rrule : ""));
  if (*text == '\0')
    return TRUE;
  body = g_ascii_strncasecmp (text, "RRULE:", 6) == 0 ? text + 6 : text;

  icalerror_clear_errno ();
  r = icalrecurrencetype_from_string (body);
  icalerror_clear_errno ();
  if (r.freq == ICAL_NO_RECURRENCE)
    {
      g_set_error (error, CONVENE_RECURRENCE_RULE_ERROR, CONVENE_RECURRENCE_RULE_ERROR_INVALID,
                   "“%s” is not a recurrence rule", body);
      return FALSE;
    }

  ok = read_by_parts (rule, &r) && r.interval >= 1;
  rule->interval = r.interval;
  if (r.count > 0)
    {
      rule->end = CONVENE_REPEAT_END_COUNT;
      rule->count = r.count;
    }
  else if (!icaltime_is_null_time (r.until))
    read_until (rule, r.until, tz);
  free (r.rscale);

  if (!ok)
    {
      convene_recurrence_rule_init (rule);
      return unsupported (error, body);
    }
  return TRUE;
}

/* The last second of the until day in @tz, in UTC: every occurrence that
 * day is still in. */
static struct icaltimetype
until_instant (const ConveneRecurrenceRule *rule,
               GTimeZone                   *tz)
{
  g_autoptr(GTimeZone) fallback = g_time_zone_new_utc ();
  g_autoptr(GDateTime) there = g_date_time_new (tz != NULL ? tz : fallback, rule->until_year,
                                                rule->until_month, rule->until_day, 23, 59, 59);
  g_autoptr(GDateTime) utc = NULL;
  struct icaltimetype t = icaltime_null_time ();

  if (there == NULL)
    return t;
  utc = g_date_time_to_utc (there);
  t.year = g_date_time_get_year (utc);
  t.month = g_date_time_get_month (utc);
  t.day = g_date_time_get_day_of_month (utc);
  t.hour = g_date_time_get_hour (utc);
  t.minute = g_date_time_get_minute (utc);
  t.second = g_date_time_get_second (utc);
  t.zone = icaltimezone_get_utc_timezone ();
  return t;
}

static void
write_by_parts (const ConveneRecurrenceRule *rule,
                struct icalrecurrencetype   *r)
{
  guint n = 0;

  switch (rule->frequency)
    {
    case CONVENE_REPEAT_WEEKLY:
      for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
        if (rule->weekdays & (1u << d))
          r->by_day[n++] = encode_day (d, 0);
      r->by_day[n] = ICAL_RECURRENCE_ARRAY_MAX;
      break;
    case CONVENE_REPEAT_MONTHLY:
      if (rule->monthly == CONVENE_REPEAT_ON_DATE && rule->month_day != 0)
        {
          r->by_month_day[0] = (short) rule->month_day;
          r->by_month_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
        }
      else if (rule->monthly != CONVENE_REPEAT_ON_DATE && g_date_valid_weekday (rule->weekday))
        {
          r->by_day[0] = encode_day (rule->weekday,
                                     rule->monthly == CONVENE_REPEAT_ON_LAST_WEEKDAY ? -1 : rule->week);
          r->by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
        }
      break;
    case CONVENE_REPEAT_NONE:
    case CONVENE_REPEAT_DAILY:
    case CONVENE_REPEAT_YEARLY:
    default:
      break;
    }
}

char *
convene_recurrence_rule_to_string (const ConveneRecurrenceRule *rule,
                                   GTimeZone                   *tz)
{
  static const icalrecurrencetype_frequency freqs[] = {
    [CONVENE_REPEAT_DAILY] = ICAL_DAILY_RECURRENCE,
    [CONVENE_REPEAT_WEEKLY] = ICAL_WEEKLY_RECURRENCE,
    [CONVENE_REPEAT_MONTHLY] = ICAL_MONTHLY_RECURRENCE,
    [CONVENE_REPEAT_YEARLY] = ICAL_YEARLY_RECURRENCE,
  };
  struct icalrecurrencetype r;
  char *written;
  char *result;

  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->frequency == CONVENE_REPEAT_NONE || rule->frequency >= G_N_ELEMENTS (freqs))
    return NULL;

  icalrecurrencetype_clear (&r);
  r.freq = freqs[rule->frequency];
  r.interval = (short) MAX (rule->interval, 1);
  if (rule->end == CONVENE_REPEAT_END_COUNT && rule->count > 0)
    r.count = rule->count;
  else if (rule->end == CONVENE_REPEAT_END_UNTIL &&
           g_date_valid_dmy (rule->until_day, rule->until_month, rule->until_year))
    r.until = until_instant (rule, tz);
  write_by_parts (rule, &r);

  written = icalrecurrencetype_as_string_r (&r);
  result = g_strdup (written);
  icalmemory_free_buffer (written);
  return result;
}

/* The sentence */

/* A weekday's name in the user's language: the C library's, through a day
 * that falls on it (1 January 2001 was a Monday). */
static char *
weekday_name (GDateWeekday weekday)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (2001, 1, weekday, 12, 0, 0);

  return g_date_time_format (day, "%A");
}

/* "Monday", "Monday and Wednesday", "Monday, Wednesday and Friday". */
static char *
weekday_list (guint weekdays)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *list = g_string_new (NULL);

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    if (weekdays & (1u << d))
      {
        g_autofree char *name = weekday_name (d);

        /* Translators: one weekday in "Every week on Monday and Wednesday";
         * Spanish puts the article before each: "el lunes y el miércoles" */
        g_ptr_array_add (names, g_strdup_printf (C_("weekday in a repeat sentence", "%s"), name));
      }
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0 && i == names->len - 1)
        /* Translators: before the last weekday of a list: "Monday and Friday" */
        g_string_append (list, C_("weekday list", " and "));
      else if (i > 0)
        /* Translators: between weekdays of a list: "Monday, Wednesday and Friday" */
        g_string_append (list, C_("weekday list", ", "));
      g_string_append (list, g_ptr_array_index (names, i));
    }
  return g_string_free (list, FALSE);
}

/* "Every 2 weeks", "Cada mes".  One period on its own message, with a
 * context: it starts a sentence here, and the invitations use the bare
 * "Every week" inside one. */
static char *
describe_period (const ConveneRecurrenceRule *rule)
{
  int n = MAX (rule->interval, 1);

  switch (rule->frequency)
    {
    case CONVENE_REPEAT_DAILY:
      return n == 1 ? g_strdup (C_("repeat sentence", "Every day"))
                    : g_strdup_printf (ngettext ("Every %d day", "Every %d days", n), n);
    case CONVENE_REPEAT_WEEKLY:
      return n == 1 ? g_strdup (C_("repeat sentence", "Every week"))
                    : g_strdup_printf (ngettext ("Every %d week", "Every %d weeks", n), n);
    case CONVENE_REPEAT_MONTHLY:
      return n == 1 ? g_strdup (C_("repeat sentence", "Every month"))
                    : g_strdup_printf (ngettext ("Every %d month", "Every %d months", n), n);
    case CONVENE_REPEAT_YEARLY:
      return n == 1 ? g_strdup (C_("repeat sentence", "Every year"))
                    : g_strdup_printf (ngettext ("Every %d year", "Every %d years", n), n);
    case CONVENE_REPEAT_NONE:
    default:
      return NULL;
    }
}

/* "Every month on the third Tuesday": one message per position, since
 * languages agree ordinals with the weekday's gender. */
static char *
describe_nth_weekday (const char   *period,
                      int           week,
                      GDateWeekday  weekday)
{
  g_autofree char *day = weekday_name (weekday);
  const char *format;

  switch (week)
    {
    case 1: format = C_("repeat sentence", "%1$s on the first %2$s"); break;
    case 2: format = C_("repeat sentence", "%1$s on the second %2$s"); break;
    case 3: format = C_("repeat sentence", "%1$s on the third %2$s"); break;
    case 4: format = C_("repeat sentence", "%1$s on the fourth %2$s"); break;
    case 5: format = C_("repeat sentence", "%1$s on the fifth %2$s"); break;
    default: format = C_("repeat sentence", "%1$s on the last %2$s"); break;
    }
  return g_strdup_printf (format, period, day);
}

/* The period and the days it falls on, without its end. */
static char *
describe_days (const ConveneRecurrenceRule *rule,
               GDateTime                   *start)
{
  g_autofree char *period = describe_period (rule);

  if (rule->frequency == CONVENE_REPEAT_WEEKLY)
    {
      guint days = rule->weekdays;
      g_autofree char *list = NULL;

      if (days == 0 && start != NULL)
        days = 1u << g_date_time_get_day_of_week (start);
      if (days == 0)
        return g_steal_pointer (&period);
      list = weekday_list (days);
      /* Translators: "Every 2 weeks" and "Monday and Wednesday" */
      return g_strdup_printf (C_("repeat sentence", "%1$s on %2$s"), period, list);
    }
  if (rule->frequency == CONVENE_REPEAT_MONTHLY)
    {
      int day = rule->month_day != 0 ? rule->month_day
                : start != NULL ? g_date_time_get_day_of_month (start) : 0;

      if (rule->monthly == CONVENE_REPEAT_ON_DATE && day > 0)
        return g_strdup_printf (C_("repeat sentence", "%1$s on day %2$d"), period, day);
      if (rule->monthly == CONVENE_REPEAT_ON_DATE)
        return g_steal_pointer (&period);
      return describe_nth_weekday (period,
                                   rule->monthly == CONVENE_REPEAT_ON_LAST_WEEKDAY ? -1 : rule->week,
                                   rule->weekday);
    }
  if (rule->frequency == CONVENE_REPEAT_YEARLY && start != NULL)
    {
      /* Translators: a day of the year, see g_date_time_format(): "on 23 February" */
      g_autofree char *date = g_date_time_format (start, C_("repeat sentence", "on %-d %B"));

      /* Translators: "Every year" and "on 23 February" */
      return g_strdup_printf (C_("repeat sentence", "%1$s %2$s"), period, date);
    }
  return g_steal_pointer (&period);
}

char *
convene_recurrence_rule_describe (const ConveneRecurrenceRule *rule,
                                  GDateTime                   *start)
{
  g_autofree char *days = NULL;

  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->frequency == CONVENE_REPEAT_NONE)
    return NULL;
  days = describe_days (rule, start);
  if (rule->end == CONVENE_REPEAT_END_COUNT && rule->count > 0)
    /* Translators: "Every week on Monday, 10 times" */
    return g_strdup_printf (ngettext ("%s, %d time", "%s, %d times", rule->count), days, rule->count);
  if (rule->end == CONVENE_REPEAT_END_UNTIL &&
      g_date_valid_dmy (rule->until_day, rule->until_month, rule->until_year))
    {
      g_autoptr(GDateTime) until = g_date_time_new_utc (rule->until_year, rule->until_month,
                                                        rule->until_day, 12, 0, 0);
      /* Translators: the last day of a series, see g_date_time_format(): "30 June 2026" */
      g_autofree char *date = g_date_time_format (until, C_("repeat sentence", "%-d %B %Y"));

      /* Translators: "Every 2 weeks on Monday" and "30 June 2026" */
      return g_strdup_printf (C_("repeat sentence", "%1$s, until %2$s"), days, date);
    }
  return g_steal_pointer (&days);
}

char *
convene_recurrence_describe (const char *rrule,
                             GDateTime  *start)
{
  ConveneRecurrenceRule rule;

  if (!convene_recurrence_rule_parse (&rule, rrule,
                                      start != NULL ? g_date_time_get_timezone (start) : NULL, NULL))
    return NULL;
  return convene_recurrence_rule_describe (&rule, start);
}

int
convene_recurrence_week_of_month (GDateTime *day,
                                  gboolean  *is_last)
{
  int d;

  g_return_val_if_fail (day != NULL, 0);

  d = g_date_time_get_day_of_month (day);
  if (is_last != NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, d, g_date_time_get_month (day), g_date_time_get_year (day));
      *is_last = d + 7 > g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date));
    }
  return (d - 1) / 7 + 1;
}
