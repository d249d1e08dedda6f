/* convene-time-resolve.c: from what a time expression says to an instant.
 *
 * Fixes the zone (the first one on the line), the day (from the text or
 * the reference), converts the wall-clock time with GTimeZone, and checks
 * what only a date can tell: a weekday that does not match, a time the
 * clocks skip or repeat, an abbreviation for the wrong half of the year,
 * two zones on one line that disagree.
 */
#include "config.h"

#include "time/convene-clock.h"
#include "time/convene-time-expr-private.h"
#include "time/convene-zone-names.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef enum {
  WALL_CLOCK_NORMAL,
  WALL_CLOCK_SKIPPED,   /* the clocks jump over it */
  WALL_CLOCK_REPEATED,  /* the clocks go through it twice */
} WallClock;

static const char * const day_codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static void
warn (ConveneTimeExpr *expr,
      const char      *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (ConveneTimeExpr *expr,
      const char      *format,
      ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  for (guint i = 0; i < expr->warnings->len; i++)
    if (strcmp (g_ptr_array_index (expr->warnings, i), message) == 0)
      {
        g_free (message);
        return;
      }
  g_ptr_array_add (expr->warnings, message);
}

static gint32
offset_at (GTimeZone *tz,
           gint64     instant)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant));
}

/* The instant of a wall-clock time.  A time the clocks skip is read with
 * the offset before the gap, and a repeated one as its first occurrence,
 * as RFC 5545 (3.3.5) has calendars do. */
static gint64
wall_clock_to_instant (GTimeZone   *tz,
                       const GDate *date,
                       int          minutes,
                       WallClock   *kind)
{
  /* 719163 is 1 January 1970 as a GDate Julian day; GDate counts further
   * than GDateTime, so a far reference day still has a number. */
  gint64 local = ((gint64) g_date_get_julian (date) - 719163) * 86400 + (gint64) minutes * 60;
  gint32 before = offset_at (tz, local - 86400);
  gint32 after = offset_at (tz, local + 86400);
  gint64 t1 = local - before, t2 = local - after;
  gboolean ok1 = offset_at (tz, t1) == before;
  gboolean ok2 = offset_at (tz, t2) == after;

  if (kind != NULL)
    *kind = WALL_CLOCK_NORMAL;
  if (ok1 && ok2 && t1 != t2)
    {
      if (kind != NULL)
        *kind = WALL_CLOCK_REPEATED;
      return MIN (t1, t2);
    }
  if (ok1)
    return t1;
  if (ok2)
    return t2;
  if (kind != NULL)
    *kind = WALL_CLOCK_SKIPPED;
  return t1;
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                 g_date_get_day (date), 12, 0, 0);

  /* GDateTime stops at year 9999, GDate does not. */
  if (dt == NULL)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date));
  /* Translators: a day in a warning, as g_date_time_format() writes it */
  return g_date_time_format (dt, C_("warning date", "%-d %B %Y"));
}

static char *
format_minutes (int minutes)
{
  minutes %= 1440;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static char *
weekday_name (GDateWeekday weekday)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2024, 1, weekday, 12, 0, 0);

  return g_date_time_format (dt, "%A");
}

static GTimeZone *
zone_new (const char *zone)
{
  GTimeZone *tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

/* "11:00 CET – 12:00 CET": the second time is the end of the first. */
static void
merge_ranges (ConveneTimeReading *r)
{
  for (guint k = 1; k < r->times->len; k++)
    {
      ConveneTimeGroup *a = &g_array_index (r->times, ConveneTimeGroup, k - 1);
      ConveneTimeGroup *b = &g_array_index (r->times, ConveneTimeGroup, k);
      const char *za, *zb;

      if (a->merged || !b->after_range || a->end >= 0)
        continue;
      za = a->zone >= 0 ? g_array_index (r->zones, ConveneZoneMention, a->zone).zone : NULL;
      zb = b->zone >= 0 ? g_array_index (r->zones, ConveneZoneMention, b->zone).zone : NULL;
      if (za != NULL && zb != NULL && strcmp (za, zb) != 0)
        continue;

      a->end = b->start > a->start ? b->start : b->start + 1440;
      if (a->zone < 0)
        a->zone = b->zone;
      b->merged = TRUE;
    }
}

/* A zone not written right after a time ("UTC 14:00", "Time zone: CET")
 * belongs to the next time without one, or else the last. */
static void
attach_zones (ConveneTimeReading *r)
{
  for (guint m = 0; m < r->zones->len; m++)
    {
      ConveneZoneMention *mention = &g_array_index (r->zones, ConveneZoneMention, m);
      int chosen = -1;

      if (mention->time >= 0 || mention->extra)
        continue;
      for (guint k = 0; k < r->times->len; k++)
        {
          ConveneTimeGroup *group = &g_array_index (r->times, ConveneTimeGroup, k);

          if (group->merged || group->zone >= 0)
            continue;
          chosen = k;
          if (group->text_start > mention->text_start)
            break;
        }
      if (chosen >= 0)
        {
          g_array_index (r->times, ConveneTimeGroup, chosen).zone = m;
          mention->time = chosen;
        }
    }
}

/* The @ordinal (1..5, or -1 for the last) @weekday of @month's month. */
static GDate
nth_weekday_of (const GDate  *month,
                GDateWeekday  weekday,
                int           ordinal)
{
  GDate candidate = *month;

  g_date_set_day (&candidate, 1);
  if (ordinal > 0)
    {
      while (g_date_get_weekday (&candidate) != weekday)
        g_date_add_days (&candidate, 1);
      g_date_add_days (&candidate, 7 * (ordinal - 1));
    }
  else
    {
      g_date_set_day (&candidate, g_date_get_days_in_month (g_date_get_month (month), g_date_get_year (month)));
      while (g_date_get_weekday (&candidate) != weekday)
        g_date_subtract_days (&candidate, 1);
    }
  return candidate;
}

/* The first day on or after @reference that is one of @ordinals' weekdays
 * of @byday in its month. */
static void
nth_weekday_on_or_after (GDate       *date,
                         const GDate *reference,
                         guint        byday,
                         guint        ordinals)
{
  GDate month = *reference;

  g_date_set_day (&month, 1);
  for (int months = 0; months < 14; months++)
    {
      gboolean found = FALSE;
      GDate best;

      for (GDateWeekday weekday = G_DATE_MONDAY; weekday <= G_DATE_SUNDAY; weekday++)
        for (int n = 1; n <= 6 && (byday & (1u << weekday)); n++)
          {
            GDate candidate;

            if ((ordinals & (1u << n)) == 0)
              continue;
            candidate = nth_weekday_of (&month, weekday, n == 6 ? -1 : n);
            if (g_date_get_month (&candidate) == g_date_get_month (&month) &&
                g_date_compare (&candidate, reference) >= 0 && (!found || g_date_compare (&candidate, &best) < 0))
              {
                best = candidate;
                found = TRUE;
              }
          }
      if (found)
        {
          *date = best;
          return;
        }
      g_date_add_months (&month, 1);
    }
  *date = *reference;
}

static gboolean
resolve_day (ConveneTimeReading *r,
             const GDate        *reference,
             ConveneTimeExpr    *expr)
{
  GDate *date = &expr->date;

  if (r->date_invalid)
    return FALSE;

  if (r->date_named)
    {
      int year = r->year != 0 ? r->year : g_date_get_year (reference);
      int month = r->month != 0 ? r->month : (int) g_date_get_month (reference);

      if (!g_date_valid_dmy (r->day, month, year))
        {
          if (r->month == 0)
            {
              g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 12, 0, 0);
              g_autofree char *month_name = dt != NULL ? g_date_time_format (dt, "%B %Y")
                                                       : g_strdup_printf ("%04d-%02d", year, month);

              warn (expr, _("“%s” is not a day of %s."), r->date_written, month_name);
            }
          else
            warn (expr, _("“%s” is not a day of the calendar in %d."), r->date_written, year);
          return FALSE;
        }
      g_date_set_dmy (date, r->day, month, year);
      expr->date_from_text = TRUE;
      return TRUE;
    }

  if (r->relative_days >= 0)
    {
      *date = *reference;
      g_date_add_days (date, r->relative_days);
    }
  else if (r->freq == CONVENE_TIME_FREQ_MONTHLY && r->ordinal != 0 && r->byday != 0)
    nth_weekday_on_or_after (date, reference, r->byday, r->ordinals);
  else
    {
      guint days = r->byday | (r->weekday != 0 ? 1u << r->weekday : 0);

      /* A weekday alone is the first such day on or after the reference. */
      *date = *reference;
      for (int k = 0; days != 0 && k < 7 && (days & (1u << g_date_get_weekday (date))) == 0; k++)
        g_date_add_days (date, 1);
      /* "on even weeks": the first such day in a week of that parity. */
      if (r->week_parity != 0 && (int) (g_date_get_iso8601_week_of_year (date) % 2) != r->week_parity % 2)
        g_date_add_days (date, 7);
    }
  return TRUE;
}

static void
check_weekday (ConveneTimeReading *r,
               ConveneTimeExpr    *expr)
{
  GDateWeekday named = r->weekday;
  GDateWeekday actual;

  if (!expr->date_from_text)
    return;
  if (named == 0 && r->freq == CONVENE_TIME_FREQ_WEEKLY && r->byday != 0 &&
      (r->byday & (r->byday - 1)) == 0)
    for (named = G_DATE_MONDAY; (r->byday & (1u << named)) == 0; named++)
      ;
  if (named == 0)
    return;

  actual = g_date_get_weekday (&expr->date);
  if (actual != named)
    {
      g_autofree char *date = format_date (&expr->date);
      g_autofree char *actual_name = weekday_name (actual);
      g_autofree char *named_name = weekday_name (named);

      /* The date is kept as written: which of the two is wrong is for the
       * coordinator to say. */
      warn (expr, _("%s is a %s, not a %s."), date, actual_name, named_name);
    }
}

static void
check_wall_clock (ConveneTimeExpr *expr,
                  GTimeZone       *tz,
                  int              minutes,
                  WallClock        kind)
{
  g_autofree char *date = NULL;
  g_autofree char *as_written = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *read_as = NULL;

  if (kind == WALL_CLOCK_NORMAL)
    return;

  date = format_date (&expr->date);
  as_written = format_minutes (minutes);
  local = g_date_time_to_timezone (expr->start, tz);

  if (kind == WALL_CLOCK_SKIPPED)
    {
      read_as = g_date_time_format (local, "%H:%M %Z");
      warn (expr, _("%s on %s does not exist in %s: the clocks go forward that night. Read as %s."),
            as_written, date, expr->timezone, read_as);
    }
  else
    {
      read_as = g_date_time_format (local, "%Z");
      warn (expr, _("%s on %s happens twice in %s: the clocks go back that night. Read as the first one (%s)."),
            as_written, date, expr->timezone, read_as);
    }
}

static const ConveneZoneMention *primary_zone (ConveneTimeReading *r);

/* Ambiguous abbreviations, and "EST" in July or "BST" in February; zones
 * Convene does not know besides the first (that one is resolve_zone()'s). */
static void
check_abbreviations (ConveneTimeReading *r,
                     ConveneTimeExpr    *expr,
                     gint64              instant)
{
  for (guint m = 0; m < r->zones->len; m++)
    {
      const ConveneZoneMention *mention = &g_array_index (r->zones, ConveneZoneMention, m);
      g_autoptr(GTimeZone) tz = NULL;
      int interval;
      gboolean dst;

      if (mention->zone == NULL && mention != primary_zone (r))
        warn (expr, _("Convene does not know the time zone “%s”; it was left out."),
              mention->written);
      if (mention->zone == NULL || mention->extra)
        continue;
      if (mention->ambiguity != NULL)
        warn (expr, "%s", _(mention->ambiguity));
      if (mention->dst < 0)
        continue;

      tz = zone_new (mention->zone);
      interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant);
      dst = g_time_zone_is_dst (tz, interval);
      if (dst != (mention->dst == 1))
        {
          g_autofree char *date = format_date (&expr->date);

          if (mention->dst == 1)
            warn (expr, _("“%s” names summer time, but on %s %s is on winter time (%s); read as %s local time."),
                  mention->written, date, mention->zone,
                  g_time_zone_get_abbreviation (tz, interval), mention->zone);
          else
            warn (expr, _("“%s” names winter time, but on %s %s is on summer time (%s); read as %s local time."),
                  mention->written, date, mention->zone,
                  g_time_zone_get_abbreviation (tz, interval), mention->zone);
        }
    }
}

/* "9:30 Pacific. This is currently UTC+7.": an offset the text states
 * for its time, with no time of its own, that the time's zone does not
 * have on that day. */
static void
check_stated_offsets (ConveneTimeReading *r,
                      ConveneTimeExpr    *expr,
                      gint64              instant)
{
  const ConveneZoneMention *primary = primary_zone (r);
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *actual = NULL;

  if (expr->timezone == NULL || (expr->timezone[0] == '+' || expr->timezone[0] == '-'))
    return;
  for (guint m = 0; m < r->zones->len; m++)
    {
      const ConveneZoneMention *mention = &g_array_index (r->zones, ConveneZoneMention, m);
      g_autofree char *date = NULL;

      if (mention == primary || mention->time >= 0 || mention->extra || mention->zone == NULL ||
          (mention->zone[0] != '+' && mention->zone[0] != '-'))
        continue;
      if (tz == NULL)
        {
          tz = zone_new (expr->timezone);
          actual = convene_zone_names_format_offset (
            g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant)) / 60);
        }
      if (g_str_equal (mention->zone, actual))
        continue;
      date = format_date (&expr->date);
      warn (expr, _("“%s” is not the offset of %s on %s, which is UTC%s."),
            mention->written, expr->timezone, date, actual);
    }
}

/* "7pm London time (3pm ET)" in winter: the times do not agree. */
static void
check_other_times (ConveneTimeReading *r,
                   ConveneTimeExpr    *expr,
                   const char         *primary_label,
                   int                 primary_minutes)
{
  for (guint k = 1; k < r->times->len; k++)
    {
      const ConveneTimeGroup *group = &g_array_index (r->times, ConveneTimeGroup, k);
      const ConveneZoneMention *mention;
      g_autoptr(GTimeZone) tz = NULL;
      g_autoptr(GDateTime) local = NULL;
      int minutes;

      if (group->merged)
        continue;
      mention = group->zone >= 0 ? &g_array_index (r->zones, ConveneZoneMention, group->zone) : NULL;
      /* "at 7 pm or 8pm", "15:30 UTC during US DST / 16:30 UTC otherwise":
       * a second time in the same zone is not the same moment written
       * again, and only the first is used. */
      if ((mention == NULL || g_strcmp0 (mention->zone, expr->timezone) == 0) &&
          group->start % 1440 != primary_minutes % 1440)
        {
          g_autofree char *primary = format_minutes (primary_minutes);
          g_autofree char *second = g_strndup (r->text + group->text_start, group->text_end - group->text_start);

          warn (expr, _("“%s” is a second time for the same meeting; only the first, %s, was used."),
                g_strstrip (second), primary);
          continue;
        }
      if (mention == NULL || mention->zone == NULL || strcmp (mention->zone, expr->timezone) == 0)
        continue;

      tz = zone_new (mention->zone);
      local = g_date_time_to_timezone (expr->start, tz);
      minutes = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
      if (minutes != group->start % 1440)
        {
          g_autofree char *date = format_date (&expr->date);
          g_autofree char *primary = format_minutes (primary_minutes);
          g_autofree char *there = format_minutes (minutes);
          g_autofree char *as_written = format_minutes (group->start);

          warn (expr, _("On %s, %s %s is %s %s, not %s as written; the first time was kept."),
                date, primary, primary_label, there, mention->written, as_written);
        }
    }
}

static char *
build_rrule (ConveneTimeReading *r)
{
  static const char * const freqs[] = { NULL, "DAILY", "WEEKLY", "MONTHLY" };
  GString *rule;
  guint byday = r->byday;
  gboolean first = TRUE;

  if (r->freq == CONVENE_TIME_FREQ_NONE)
    return NULL;

  rule = g_string_new ("FREQ=");
  g_string_append (rule, freqs[r->freq]);
  if (r->interval > 1)
    g_string_append_printf (rule, ";INTERVAL=%d", r->interval);

  /* "every two weeks ... Tuesday 23rd": the weekday written with the date
   * is the series' day. */
  if (byday == 0 && r->weekday != 0 && r->freq == CONVENE_TIME_FREQ_WEEKLY)
    byday = 1u << r->weekday;
  if (r->freq == CONVENE_TIME_FREQ_DAILY || (r->freq == CONVENE_TIME_FREQ_MONTHLY && r->ordinal == 0))
    byday = 0;

  /* "1WE,2WE,4WE": each ordinal of each weekday, the last as -1. */
  for (int day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    for (int n = 1; n <= 6 && (byday & (1u << day)); n++)
      {
        if (r->freq == CONVENE_TIME_FREQ_MONTHLY && (r->ordinals & (1u << n)) == 0)
          continue;
        if (r->freq != CONVENE_TIME_FREQ_MONTHLY && n > 1)
          break;
        g_string_append (rule, first ? ";BYDAY=" : ",");
        if (r->freq == CONVENE_TIME_FREQ_MONTHLY)
          g_string_append_printf (rule, "%d", n == 6 ? -1 : n);
        g_string_append (rule, day_codes[day]);
        first = FALSE;
      }

  return g_string_free (rule, FALSE);
}

static char **
list_zones (ConveneTimeReading *r)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint m = 0; m < r->zones->len; m++)
    {
      const char *zone = g_array_index (r->zones, ConveneZoneMention, m).zone;

      if (zone != NULL && !g_ptr_array_find_with_equal_func (seen, zone, g_str_equal, NULL))
        g_ptr_array_add (seen, (gpointer) zone);
    }
  if (seen->len == 0)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint k = 0; k < seen->len; k++)
    g_strv_builder_add (builder, g_ptr_array_index (seen, k));
  return g_strv_builder_end (builder);
}

/* The zone the time was fixed in: the one written with the first time, or
 * else the first on the line, or else the caller's default. */
static const ConveneZoneMention *
primary_zone (ConveneTimeReading *r)
{
  if (r->times->len > 0)
    {
      const ConveneTimeGroup *group = &g_array_index (r->times, ConveneTimeGroup, 0);

      if (group->zone >= 0)
        return &g_array_index (r->zones, ConveneZoneMention, group->zone);
    }
  for (guint m = 0; m < r->zones->len; m++)
    if (!g_array_index (r->zones, ConveneZoneMention, m).extra)
      return &g_array_index (r->zones, ConveneZoneMention, m);
  return NULL;
}

/* Fixes expr->timezone (the text's first zone, else the default, else
 * UTC) and returns it as a GTimeZone; @label is how the text names it. */
static GTimeZone *
resolve_zone (ConveneTimeReading  *r,
              const char          *default_zone,
              ConveneTimeExpr     *expr,
              const char         **label)
{
  const ConveneZoneMention *mention = primary_zone (r);
  g_autofree char *fallback = default_zone != NULL ? convene_zone_lookup (default_zone, NULL) : NULL;
  GTimeZone *tz;

  if (mention != NULL && mention->zone != NULL)
    {
      expr->timezone = g_strdup (mention->zone);
      expr->zone_from_text = TRUE;
      *label = mention->written;
    }
  else
    {
      expr->timezone = g_strdup (fallback != NULL ? fallback : "UTC");
      *label = expr->timezone;
      if (mention != NULL)
        {
          expr->unknown_zone = g_strdup (mention->written);
          warn (expr, _("Convene does not know the time zone “%s”; read as %s."),
                mention->written, expr->timezone);
        }
      else if (fallback == NULL && r->times->len > 0)
        warn (expr, _("No time zone given; read as UTC."));
      else if (r->times->len > 0)
        /* The caller's default is a guess too (the plan's zone, the
         * user's): it is said which one was taken. */
        warn (expr, _("No time zone given; read as %s."), expr->timezone);
    }

  tz = g_time_zone_new_identifier (expr->timezone);
  if (tz == NULL)
    {
      warn (expr, _("The time zone “%s” is not installed on this computer; read as UTC."),
            expr->timezone);
      g_free (expr->timezone);
      expr->timezone = g_strdup ("UTC");
      *label = expr->timezone;
      tz = g_time_zone_new_utc ();
    }
  return tz;
}

static void
reference_day (const GDate *reference,
               GTimeZone   *tz,
               GDate       *day)
{
  g_autoptr(GDateTime) now = NULL;

  g_date_clear (day, 1);
  if (reference != NULL && g_date_valid (reference))
    {
      *day = *reference;
      return;
    }
  now = convene_now_in (tz);
  g_date_set_dmy (day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Start and end of the first time on the line, on expr->date. */
static void
resolve_instants (ConveneTimeReading     *r,
                  ConveneTimeExpr        *expr,
                  GTimeZone              *tz,
                  const ConveneTimeGroup *group,
                  const char             *label)
{
  WallClock kind;
  gint64 instant = wall_clock_to_instant (tz, &expr->date, group->start, &kind);

  /* NULL only past year 9999, for a reference day that far. */
  expr->start = g_date_time_new_from_unix_utc (instant);
  if (expr->start == NULL)
    {
      g_autofree char *date = format_date (&expr->date);
      g_autofree char *as_written = format_minutes (group->start);

      warn (expr, _("%s on %s in %s is past the last day Convene can hold (31 December 9999 UTC)."),
            as_written, date, expr->timezone);
      return;
    }
  check_wall_clock (expr, tz, group->start, kind);

  if (group->end >= 0)
    expr->end = g_date_time_new_from_unix_utc (wall_clock_to_instant (tz, &expr->date,
                                                                      group->end, NULL));
  else if (r->duration > 0)
    expr->end = g_date_time_add_minutes (expr->start, r->duration);

  check_other_times (r, expr, label, group->start);
}

void
_convene_time_resolve (ConveneTimeReading *r,
                       const GDate        *reference,
                       const char         *default_zone,
                       ConveneTimeExpr    *expr)
{
  const ConveneTimeGroup *group = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  const char *label = NULL;
  GDate ref;

  for (guint k = 0; k < r->warnings->len; k++)
    warn (expr, "%s", (const char *) g_ptr_array_index (r->warnings, k));

  merge_ranges (r);
  attach_zones (r);
  if (r->times->len > 0)
    group = &g_array_index (r->times, ConveneTimeGroup, 0);

  tz = resolve_zone (r, default_zone, expr, &label);
  reference_day (reference, tz, &ref);

  expr->has_time = group != NULL;
  expr->has_date = resolve_day (r, &ref, expr);
  if (expr->has_date)
    {
      check_weekday (r, expr);
      if (group != NULL)
        resolve_instants (r, expr, tz, group, label);
      check_abbreviations (r, expr, expr->start != NULL
                                    ? g_date_time_to_unix (expr->start)
                                    : wall_clock_to_instant (tz, &expr->date, 12 * 60, NULL));
      if (expr->start != NULL)
        check_stated_offsets (r, expr, g_date_time_to_unix (expr->start));
    }

  expr->zones = list_zones (r);
  expr->rrule = build_rrule (r);
  if (r->languages->len > 0)
    {
      g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();

      for (guint k = 0; k < r->languages->len; k++)
        g_strv_builder_add (languages, g_ptr_array_index (r->languages, k));
      expr->languages = g_strv_builder_end (languages);
    }
}
