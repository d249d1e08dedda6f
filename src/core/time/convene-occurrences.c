/* convene-occurrences.c: the instants a recurring series meets at.
 *
 * libical's recurrence iterator walks the rule; it is given the first start
 * as a floating wall-clock time of the series' zone, so that every
 * occurrence it gives is a wall-clock time too, and GLib's tz database turns
 * each into an instant.  The iterator is started near the range asked for
 * (icalrecur_iterator_set_start), so a weekly call that began in 2015 costs
 * the same to show for 2025 as one that began this year.
 */
#include "config.h"

#include "time/convene-occurrences.h"
#include "time/convene-zone.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

/* Wall-clock times and instants differ by at most a day (UTC-12 to
 * UTC+14): the iterator is started and stopped this far outside the range,
 * and what falls outside it is then dropped by its instant. */
#define WALL_MARGIN (26 * 3600)

struct _ConveneRecurrence
{
  GTimeZone                 *tz;
  ConveneZoneOffsets         offsets;      /* of tz */
  gboolean                   has_rule;
  struct icalrecurrencetype  rule;
  struct icaltimetype        first_wall;   /* floating */
  gint64                     first_start;
  GArray                    *rdates;       /* gint64, sorted on use */
  GArray                    *exdates;      /* gint64, sorted on use */
  gboolean                   sorted;
};

G_DEFINE_QUARK (convene-recurrence-error-quark, convene_recurrence_error)

/* Instants GLib can hold (years 1 to 9999): outside them nothing is kept. */
#define FIRST_INSTANT G_GINT64_CONSTANT (-62135596800)
#define LAST_INSTANT  G_GINT64_CONSTANT (253402300799)
/* A span looked up once, whose intervals are not yet known. */
#define UNKNOWN (-2)

void
convene_zone_offsets_init (ConveneZoneOffsets *self,
                           GTimeZone          *tz)
{
  self->tz = tz;
  self->span = G_MININT64;
  self->interval = UNKNOWN;
}

int
convene_zone_offsets_interval (ConveneZoneOffsets *self,
                               gint64              instant)
{
  gint64 span, first, last;

  if (instant < FIRST_INSTANT || instant > LAST_INSTANT)
    return g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, instant);
  /* Rounded down, also before 1970. */
  span = instant >= 0 ? instant / CONVENE_ZONE_OFFSETS_SPAN
                      : -((-instant - 1) / CONVENE_ZONE_OFFSETS_SPAN) - 1;
  if (span != self->span)
    {
      /* A span met once (a monthly series' next meeting) is looked up as
       * it is; one met again is worth knowing whole. */
      self->span = span;
      self->interval = UNKNOWN;
    }
  else if (self->interval == UNKNOWN)
    {
      /* A zone's intervals follow each other without gaps: when the first
       * and the last second of the span are in one, so is all of it. */
      first = span * CONVENE_ZONE_OFFSETS_SPAN;
      last = first + CONVENE_ZONE_OFFSETS_SPAN - 1;
      self->interval = g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, first);
      if (g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, last) != self->interval)
        self->interval = -1;
    }
  if (self->interval >= 0)
    return self->interval;
  return g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, instant);
}

static gint32
offset_at (ConveneZoneOffsets *offsets,
           gint64              instant)
{
  int interval = convene_zone_offsets_interval (offsets, instant);

  return interval >= 0 ? g_time_zone_get_offset (offsets->tz, interval) : 0;
}

gint64
convene_zone_offsets_instant_to_wall (ConveneZoneOffsets *self,
                                      gint64              instant)
{
  return instant + offset_at (self, instant);
}

gint64
convene_zone_offsets_wall_to_instant (ConveneZoneOffsets *self,
                                      gint64              wall)
{
  gint32 before, after;

  /* The offsets a day either side: a wall-clock time near a change can be
   * read only with one of them.  Changes are months apart. */
  before = offset_at (self, wall - 86400);
  after = offset_at (self, wall + 86400);
  if (before == after)
    return wall - before;
  /* Near a change: the later offset when the time exists only with it,
   * otherwise (skipped, or twice) the offset before the change. */
  if (offset_at (self, wall - before) != before && offset_at (self, wall - after) == after)
    return wall - after;
  return wall - before;
}

gint64
convene_zone_instant_to_wall (GTimeZone *tz,
                              gint64     instant)
{
  int interval;

  g_return_val_if_fail (tz != NULL, instant);
  /* One lookup: no span worth keeping. */
  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant);
  return instant + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);
}

gint64
convene_zone_wall_to_instant (GTimeZone *tz,
                              gint64     wall)
{
  ConveneZoneOffsets offsets;

  g_return_val_if_fail (tz != NULL, wall);
  convene_zone_offsets_init (&offsets, tz);
  return convene_zone_offsets_wall_to_instant (&offsets, wall);
}

static struct icaltimetype
floating_from_wall (gint64 wall)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (wall);
  struct icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (dt);
  t.month = g_date_time_get_month (dt);
  t.day = g_date_time_get_day_of_month (dt);
  t.hour = g_date_time_get_hour (dt);
  t.minute = g_date_time_get_minute (dt);
  t.second = g_date_time_get_second (dt);
  t.is_date = 0;
  t.zone = NULL;
  return t;
}

/* Seconds of a floating time as if it were UTC (days from the civil date,
 * so no zone and no libc state is involved). */
static gint64
wall_of (struct icaltimetype t)
{
  GDate date;
  gint64 days;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, t.day, t.month, t.year);
  /* Julian day 719163 is 1970-01-01. */
  days = (gint64) g_date_get_julian (&date) - 719163;
  return days * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

ConveneRecurrence *
convene_recurrence_new_with_tz (const char  *rrule,
                                GTimeZone   *tz,
                                gint64       first_start,
                                GError     **error)
{
  g_autoptr(ConveneRecurrence) self = g_new0 (ConveneRecurrence, 1);

  g_return_val_if_fail (tz != NULL, NULL);

  self->tz = g_time_zone_ref (tz);
  convene_zone_offsets_init (&self->offsets, self->tz);
  self->first_start = first_start;
  self->first_wall = floating_from_wall (convene_zone_instant_to_wall (tz, first_start));
  self->rdates = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->exdates = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sorted = TRUE;

  if (rrule != NULL)
    {
      if (g_str_has_prefix (rrule, "RRULE:"))
        rrule += strlen ("RRULE:");
      icalerror_clear_errno ();
      self->rule = icalrecurrencetype_from_string (rrule);
      if (self->rule.freq == ICAL_NO_RECURRENCE)
        {
          icalerror_clear_errno ();
          g_set_error (error, CONVENE_RECURRENCE_ERROR, CONVENE_RECURRENCE_ERROR_INVALID,
                       "“%s” is not a recurrence rule", rrule);
          return NULL;
        }
      self->has_rule = TRUE;
      /* The first start is an occurrence even when the rule would not
       * give it (a series fixed on a Friday that then meets on the last
       * Tuesday): RFC 5545 counts DTSTART as the first occurrence, and
       * Google Calendar, Apple's and libical's own
       * icalcomponent_foreach_recurrence() all show it, though libical's
       * bare iterator does not.  When the rule does give it, the merge in
       * convene_recurrence_expand() keeps it once. */
      g_array_append_val (self->rdates, first_start);
      /* An UNTIL in UTC is an instant; the iterator compares it with
       * floating wall-clock times, so it becomes one of those. */
      if (!icaltime_is_null_time (self->rule.until) && !self->rule.until.is_date &&
          icaltime_is_utc (self->rule.until))
        {
          gint64 until = wall_of (self->rule.until);

          self->rule.until = floating_from_wall (convene_zone_instant_to_wall (tz, until));
        }
    }
  else
    {
      /* The first start is itself an occurrence of an RDATE-only set. */
      g_array_append_val (self->rdates, first_start);
    }
  return g_steal_pointer (&self);
}

ConveneRecurrence *
convene_recurrence_new (const char  *rrule,
                        const char  *zone,
                        gint64       first_start,
                        GError     **error)
{
  g_autoptr(GTimeZone) tz = zone != NULL ? convene_timezone_new (zone) : g_time_zone_new_utc ();

  if (tz == NULL)
    {
      g_set_error (error, CONVENE_RECURRENCE_ERROR, CONVENE_RECURRENCE_ERROR_INVALID,
                   "“%s” is not a time zone", zone);
      return NULL;
    }
  return convene_recurrence_new_with_tz (rrule, tz, first_start, error);
}

void
convene_recurrence_free (ConveneRecurrence *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->rdates, g_array_unref);
  g_clear_pointer (&self->exdates, g_array_unref);
  g_free (self);
}

void
convene_recurrence_add_dates (ConveneRecurrence *self,
                              const gint64      *instants,
                              guint              n_instants)
{
  g_return_if_fail (self != NULL);
  g_array_append_vals (self->rdates, instants, n_instants);
  self->sorted = FALSE;
}

void
convene_recurrence_add_exdates (ConveneRecurrence *self,
                                const gint64      *instants,
                                guint              n_instants)
{
  g_return_if_fail (self != NULL);
  g_array_append_vals (self->exdates, instants, n_instants);
  self->sorted = FALSE;
}

gboolean
convene_recurrence_is_endless (ConveneRecurrence *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_rule && self->rule.count == 0 && icaltime_is_null_time (self->rule.until);
}

static int
compare_instants (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
is_excluded (ConveneRecurrence *self,
             gint64             instant)
{
  return self->exdates->len > 0 &&
         bsearch (&instant, self->exdates->data, self->exdates->len, sizeof (gint64),
                  compare_instants) != NULL;
}

/* The rule's occurrences in [@from, @to), appended to @out in order. */
static void
expand_rule (ConveneRecurrence *self,
             gint64             from,
             gint64             to,
             GArray            *out)
{
  icalrecur_iterator *it = icalrecur_iterator_new (self->rule, self->first_wall);
  gint64 first_wall = wall_of (self->first_wall);
  gint64 from_wall = from + offset_at (&self->offsets, from) - WALL_MARGIN;
  gint64 last_wall = to + WALL_MARGIN;

  if (it == NULL)
    {
      icalerror_clear_errno ();
      return;
    }
  /* Jump near the range; a rule with a COUNT cannot jump (its count starts
   * at the first occurrence), but it is finite. */
  if (from_wall > first_wall && self->rule.count == 0)
    icalrecur_iterator_set_start (it, floating_from_wall (from_wall));

  for (struct icaltimetype next = icalrecur_iterator_next (it);
       !icaltime_is_null_time (next);
       next = icalrecur_iterator_next (it))
    {
      gint64 wall = wall_of (next);
      gint64 instant;

      if (wall > last_wall)
        break;
      instant = convene_zone_offsets_wall_to_instant (&self->offsets, wall);
      if (instant < from || instant >= to || is_excluded (self, instant))
        continue;
      g_array_append_val (out, instant);
    }
  icalrecur_iterator_free (it);
  icalerror_clear_errno ();
}

void
convene_recurrence_expand (ConveneRecurrence *self,
                           gint64             from,
                           gint64             to,
                           GArray            *out)
{
  guint first = out->len;
  gboolean merged = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  if (!self->sorted)
    {
      g_array_sort (self->rdates, compare_instants);
      g_array_sort (self->exdates, compare_instants);
      self->sorted = TRUE;
    }
  if (to <= from)
    return;

  if (self->has_rule && to > self->first_start)
    expand_rule (self, from, to, out);
  for (guint i = 0; i < self->rdates->len; i++)
    {
      gint64 instant = g_array_index (self->rdates, gint64, i);

      if (instant >= from && instant < to && !is_excluded (self, instant))
        {
          g_array_append_val (out, instant);
          merged = TRUE;
        }
    }
  if (!merged)
    return;

  /* An RDATE may fall among the rule's occurrences, or on one of them. */
  qsort (&g_array_index (out, gint64, first), out->len - first, sizeof (gint64),
         compare_instants);
  {
    gint64 *v = &g_array_index (out, gint64, 0);
    guint n = first;

    for (guint i = first; i < out->len; i++)
      if (i == first || v[i] != v[n - 1])
        v[n++] = v[i];
    g_array_set_size (out, n);
  }
}
