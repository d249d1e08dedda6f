/* convene-ics-series.c: what an iCalendar series' exceptions become.
 *
 * A series is one VEVENT with an RRULE.  Its EXDATEs take dates out and its
 * RDATEs add some; other VEVENTs with the same UID and a RECURRENCE-ID
 * change one occurrence each (moved, another SUMMARY, lead or ORGANIZER,
 * STATUS:CANCELLED).  All of them become the series' exceptions
 * (model/convene-session-exception.h), never sessions of their own, but
 * for an override with RANGE=THISANDFUTURE, which splits its series in
 * two: the meetings before it, and a new series from it on.
 *
 * Google, Outlook and Thunderbird write the overriding events after their
 * series, but nothing in RFC 5545 says they must: they are held until the
 * whole file has been read.  A series is kept by its UID with a reference
 * to its session, whose provisional id its exceptions name even after a
 * streamed import has written it; a split then has it written again
 * (convene_import_result_rewrite()).
 */
#include "config.h"

#include "import/convene-ics-import-private.h"
#include "import/convene-import-writer.h"
#include "time/convene-occurrences.h"

#include <glib/gi18n.h>

typedef struct _ConveneIcsSeries ConveneIcsSeries;

struct _ConveneIcsSeries {
  gint64            id;          /* the session's provisional id */
  ConveneSession   *session;
  char             *organizer;   /* the ORGANIZER's CN, or NULL */
  GArray           *added;       /* gint64: its RDATEs */
  GArray           *removed;     /* gint64: its EXDATEs */
  GHashTable       *changed;     /* gint64 occurrences an override already changed */
  /* Set once a RANGE=THISANDFUTURE override moved every meeting: what the
   * file's RECURRENCE-IDs name is @moved_by later on the series' clock. */
  gint64            moved_by;
  /* Set once one split the series: the meetings from @split_at (on this
   * series' times) are @successor's, @shift later on the clock. */
  ConveneIcsSeries *successor;
  gint64            split_at;
  gint64            shift;
};

void
_convene_ics_series_free (gpointer data)
{
  ConveneIcsSeries *series = data;

  g_clear_pointer (&series->successor, _convene_ics_series_free);
  g_object_unref (series->session);
  g_free (series->organizer);
  g_array_unref (series->added);
  g_array_unref (series->removed);
  g_hash_table_unref (series->changed);
  g_free (series);
}

void
_convene_ics_override_free (gpointer data)
{
  ConveneIcsOverride *override = data;

  g_clear_pointer (&override->event, icalcomponent_free);
  g_free (override);
}

static char *
organizer_name (icalcomponent *event)
{
  icalproperty *organizer = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  icalparameter *cn = organizer != NULL
    ? icalproperty_get_first_parameter (organizer, ICAL_CN_PARAMETER) : NULL;
  const char *name = cn != NULL ? icalparameter_get_cn (cn) : NULL;

  return name != NULL && *name != '\0' ? g_strstrip (g_strdup (name)) : NULL;
}

/* Seconds after midnight of the series' first start, on its own clock: a
 * date-only exception names that time of that day. */
static int
series_time_of_day (ConveneIcsImport *self,
                    ConveneSession   *session)
{
  GTimeZone *tz = _convene_ics_get_zone (self, convene_session_get_timezone (session));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (convene_session_get_start (session), tz);

  return g_date_time_get_hour (local) * 3600 + g_date_time_get_minute (local) * 60 +
         g_date_time_get_second (local);
}

static gboolean
array_contains (GArray *array,
                gint64  value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == value)
      return TRUE;
  return FALSE;
}

static void
take_exception (ConveneIcsImport     *self,
                ConveneIcsSeries     *series,
                ConveneExceptionKind  kind,
                GDateTime            *occurrence)
{
  ConveneSessionException *exception = convene_session_exception_new ();

  convene_session_exception_set_session (exception, series->id);
  convene_session_exception_set_occurrence (exception, occurrence);
  convene_session_exception_set_kind (exception, kind);
  convene_import_result_take (self->result, exception);
}

/* The EXDATEs or RDATEs of @event: each date once, since a series names
 * one date once for each kind. */
static void
read_dates (ConveneIcsImport  *self,
            ConveneIcsSeries  *series,
            icalcomponent     *event,
            icalproperty_kind  kind,
            guint              line)
{
  const char *zone = convene_session_get_timezone (series->session);
  int time_of_day = series_time_of_day (self, series->session);
  gboolean removing = kind == ICAL_EXDATE_PROPERTY;

  for (icalproperty *p = icalcomponent_get_first_property (event, kind);
       p != NULL;
       p = icalcomponent_get_next_property (event, kind))
    {
      struct icaltimetype t = removing ? icalproperty_get_exdate (p) : icalproperty_get_rdate (p).time;
      g_autoptr(GDateTime) instant = NULL;
      gint64 at;

      if (!removing && icaltime_is_null_time (t))
        t = icalproperty_get_rdate (p).period.start;
      instant = _convene_ics_read_instant (self, p, &t, zone, time_of_day, line);
      if (instant == NULL)
        {
          g_autofree char *value = icalproperty_get_value_as_string_r (p);

          convene_import_result_warn (self->result, line,
                                      _("The date “%s” of this series is not one that exists: "
                                        "it is left out."), value);
          continue;
        }
      at = g_date_time_to_unix (instant);
      if (array_contains (removing ? series->removed : series->added, at))
        continue;
      g_array_append_val (removing ? series->removed : series->added, at);
      take_exception (self, series,
                      removing ? CONVENE_EXCEPTION_KIND_REMOVED : CONVENE_EXCEPTION_KIND_ADDED,
                      instant);
    }
}

void
_convene_ics_note_series (ConveneIcsImport *self,
                          ConveneSession   *session,
                          icalcomponent    *event,
                          guint             line)
{
  const char *uid = icalcomponent_get_uid (event);
  ConveneIcsSeries *series;

  if (convene_session_get_recurrence (session) == NULL || convene_session_get_start (session) == NULL)
    return;
  /* A series without a UID can have no overrides, but its dates count. */
  series = g_new0 (ConveneIcsSeries, 1);
  series->id = convene_entity_get_id (CONVENE_ENTITY (session));
  series->session = g_object_ref (session);
  series->organizer = organizer_name (event);
  series->added = g_array_new (FALSE, FALSE, sizeof (gint64));
  series->removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  series->changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  read_dates (self, series, event, ICAL_EXDATE_PROPERTY, line);
  read_dates (self, series, event, ICAL_RDATE_PROPERTY, line);

  if (uid == NULL || *uid == '\0' || g_hash_table_contains (self->series, uid))
    {
      if (uid != NULL && *uid != '\0')
        convene_import_result_warn (self->result, line,
                                    _("Another series has the UID “%s”: changes to single "
                                      "meetings are read as the first one's."), uid);
      _convene_ics_series_free (series);
      return;
    }
  g_hash_table_insert (self->series, g_strdup (uid), series);
}

void
_convene_ics_hold_override (ConveneIcsImport *self,
                            icalcomponent    *event,
                            guint             line,
                            guint             rid_line,
                            guint             end_line)
{
  ConveneIcsOverride *override = g_new0 (ConveneIcsOverride, 1);

  override->event = event;
  override->line = line;
  override->rid_line = rid_line;
  override->end_line = end_line;
  g_ptr_array_add (self->overrides, override);
}

/* Whether the series meets at @at, as its rule and dates say. */
static gboolean
series_meets_at (ConveneIcsSeries *series,
                 gint64            at)
{
  ConveneSession *session = series->session;
  g_autoptr(ConveneRecurrence) recurrence = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));

  recurrence = convene_recurrence_new (convene_session_get_recurrence (session),
                                       convene_session_get_timezone (session),
                                       g_date_time_to_unix (convene_session_get_start (session)),
                                       NULL);
  if (recurrence == NULL)
    return FALSE;
  convene_recurrence_add_dates (recurrence, (gint64 *) (gpointer) series->added->data,
                                series->added->len);
  convene_recurrence_add_exdates (recurrence, (gint64 *) (gpointer) series->removed->data,
                                  series->removed->len);
  convene_recurrence_expand (recurrence, at, at + 1, found);
  return found->len == 1;
}

/* "UID “x”, RECURRENCE-ID 20250310T190000, “Weekly call”": the override as
 * the file writes it, so that the coordinator can find it. */
static char *
quote_override (icalcomponent *event,
                icalproperty  *rid)
{
  g_autofree char *when = icalproperty_get_value_as_string_r (rid);
  const char *uid = icalcomponent_get_uid (event);
  const char *summary = icalcomponent_get_summary (event);

  return g_strdup_printf ("UID “%s”, RECURRENCE-ID %s, “%s”", uid != NULL ? uid : "",
                          when != NULL ? when : "", summary != NULL ? summary : "");
}

/* What @event changes of the occurrence at @occurrence, against its series;
 * NULL when it changes nothing. */
static ConveneSessionException *
read_change (ConveneIcsImport   *self,
             ConveneIcsSeries   *series,
             ConveneIcsOverride *override,
             GDateTime          *occurrence)
{
  ConveneSession *session = series->session;
  icalcomponent *event = override->event;
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_autoptr(ConveneSessionException) exception = convene_session_exception_new ();
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *topic = _convene_ics_property_text (icalcomponent_get_first_property (event, ICAL_SUMMARY_PROPERTY));
  g_autofree char *lead = _convene_ics_x_text (event, "X-CONVENE-LEAD");
  g_autofree char *organizer = organizer_name (event);
  ConveneSessionStatus status = _convene_ics_event_status (event);
  gboolean changed = status != convene_session_get_status (session);
  int minutes;

  if (dtstart != NULL)
    {
      struct icaltimetype t = icalproperty_get_dtstart (dtstart);

      start = _convene_ics_read_instant (self, dtstart, &t, convene_session_get_timezone (session),
                                         series_time_of_day (self, session), override->line);
    }
  if (start == NULL)
    start = g_date_time_ref (occurrence);
  minutes = dtstart != NULL ? _convene_ics_event_minutes (self, event, start, override->end_line)
                            : convene_session_get_duration_minutes (session);
  /* Another organiser for one date is another lead for it. */
  if (lead == NULL && organizer != NULL && g_strcmp0 (organizer, series->organizer) != 0)
    lead = g_steal_pointer (&organizer);

  convene_session_exception_set_session (exception, series->id);
  convene_session_exception_set_occurrence (exception, occurrence);
  convene_session_exception_set_kind (exception, CONVENE_EXCEPTION_KIND_CHANGED);
  convene_session_exception_set_status (exception, status);
  /* Only what differs from the series is the meeting's own. */
  if (!g_date_time_equal (start, occurrence))
    convene_session_exception_set_start (exception, start);
  if (minutes != convene_session_get_duration_minutes (session))
    convene_session_exception_set_duration_minutes (exception, minutes);
  if (topic != NULL && g_strcmp0 (topic, convene_session_get_topic (session)) != 0)
    convene_session_exception_set_topic (exception, topic);
  if (lead != NULL && g_strcmp0 (lead, convene_session_get_lead (session)) != 0)
    convene_session_exception_set_lead (exception, lead);
  changed = changed ||
            convene_session_exception_get_start (exception) != NULL ||
            convene_session_exception_get_duration_minutes (exception) != 0 ||
            convene_session_exception_get_topic (exception) != NULL ||
            convene_session_exception_get_lead (exception) != NULL;
  return changed ? g_steal_pointer (&exception) : NULL;
}

static gboolean
range_is_this_and_future (icalproperty *rid)
{
  icalparameter *range = icalproperty_get_first_parameter (rid, ICAL_RANGE_PARAMETER);

  return range != NULL && icalparameter_get_range (range) == ICAL_RANGE_THISANDFUTURE;
}

/* @at moved @shift seconds on @tz's wall clock: 19:00 London plus an hour
 * is 20:00 London, in summer as in winter. */
static gint64
shift_on_clock (GTimeZone *tz,
                gint64     at,
                gint64     shift)
{
  if (shift == 0)
    return at;
  return convene_zone_wall_to_instant (tz, convene_zone_instant_to_wall (tz, at) + shift);
}

/* The series that holds the meeting the file names at @at, following the
 * splits made so far, with @at moved to that series' own times. */
static ConveneIcsSeries *
follow_splits (ConveneIcsImport *self,
               ConveneIcsSeries *series,
               gint64           *at)
{
  GTimeZone *tz = _convene_ics_get_zone (self, convene_session_get_timezone (series->session));

  *at = shift_on_clock (tz, *at, series->moved_by);
  while (series->successor != NULL && *at >= series->split_at)
    {
      *at = shift_on_clock (tz, *at, series->shift);
      series = series->successor;
    }
  return series;
}

static gint64
floor_day (gint64 wall)
{
  return wall >= 0 ? wall / 86400 : -((-wall + 86399) / 86400);
}

/* The rule's plain weekdays (BYDAY=TU,TH) moved @days later; FALSE when
 * a day has a position (BYDAY=2TU), which a move of days cannot keep. */
static gboolean
shift_weekdays (struct icalrecurrencetype *rule,
                gint64                     days)
{
  for (int i = 0; i < ICAL_BY_DAY_SIZE && rule->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      int weekday;

      if (icalrecurrencetype_day_position (rule->by_day[i]) != 0)
        return FALSE;
      weekday = icalrecurrencetype_day_day_of_week (rule->by_day[i]) - 1;
      rule->by_day[i] = (short) ((((weekday + days) % 7) + 7) % 7 + 1);
    }
  return TRUE;
}

static struct icaltimetype
utc_time (gint64 instant)
{
  return icaltime_from_timet_with_zone ((time_t) instant, FALSE, icaltimezone_get_utc_timezone ());
}

static char *
rule_to_string (struct icalrecurrencetype *rule)
{
  char *text = icalrecurrencetype_as_string_r (rule);
  char *copy = g_strdup (text);

  icalmemory_free_buffer (text);
  return copy;
}

/* The meetings @rrule gives from @first in [@from, @to), EXDATEs and
 * RDATEs aside. */
static GArray *
expand_rule (const char *rrule,
             GTimeZone  *tz,
             gint64      first,
             gint64      from,
             gint64      to)
{
  g_autoptr(ConveneRecurrence) recurrence = convene_recurrence_new_with_tz (rrule, tz, first, NULL);
  GArray *found = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (recurrence != NULL)
    convene_recurrence_expand (recurrence, from, to, found);
  return found;
}

/* Whether the new rule, from @start, gives the series' meetings from @at
 * each moved @shift on the clock: checked over the next three years, so
 * that a rule whose BY parts the move does not keep (a month's 31st, a
 * BYHOUR) is never split into a series that meets elsewhere. */
static gboolean
rule_keeps_meetings (const char *rrule,
                     const char *new_rrule,
                     GTimeZone  *tz,
                     gint64      first,
                     gint64      at,
                     gint64      start,
                     gint64      shift)
{
  gint64 to = at + (gint64) 3 * 366 * 86400;
  g_autoptr(GArray) before = expand_rule (rrule, tz, first, at, to);
  g_autoptr(GArray) after = expand_rule (new_rrule, tz, start, start, shift_on_clock (tz, to, shift));

  if (before->len == 0 || before->len != after->len)
    return FALSE;
  for (guint i = 0; i < before->len; i++)
    if (shift_on_clock (tz, g_array_index (before, gint64, i), shift) != g_array_index (after, gint64, i))
      return FALSE;
  return TRUE;
}

/* The dates of @from (EXDATEs or RDATEs) at or after @at go to @to, moved
 * @shift on the clock. */
static void
move_dates (GArray    *from,
            GArray    *to,
            GTimeZone *tz,
            gint64     at,
            gint64     shift)
{
  for (guint i = from->len; i > 0; i--)
    {
      gint64 date = g_array_index (from, gint64, i - 1);

      if (date < at)
        continue;
      g_array_remove_index (from, i - 1);
      date = shift_on_clock (tz, date, shift);
      g_array_append_val (to, date);
    }
}

/* The exceptions of @series at or after @at become @target's (the new
 * series, or the same one moved), at their meetings' new times; a meeting
 * an override had moved stays where it was moved to. */
static void
move_exceptions (ConveneIcsImport *self,
                 ConveneIcsSeries *series,
                 ConveneIcsSeries *target,
                 GTimeZone        *tz,
                 gint64            at,
                 gint64            shift)
{
  GPtrArray *exceptions = self->result->exceptions;
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (exceptions, i);
      gint64 occurrence = g_date_time_to_unix (convene_session_exception_get_occurrence (e));
      GDateTime *start = convene_session_exception_get_start (e);
      g_autoptr(GDateTime) moved = NULL;

      if (convene_session_exception_get_session (e) != series->id || occurrence < at)
        continue;
      moved = g_date_time_new_from_unix_utc (shift_on_clock (tz, occurrence, shift));
      convene_session_exception_set_session (e, target->id);
      convene_session_exception_set_occurrence (e, moved);
      if (start != NULL && g_date_time_equal (start, moved))
        convene_session_exception_set_start (e, NULL);
    }
  move_dates (series->added, target->added, tz, at, shift);
  move_dates (series->removed, target->removed, tz, at, shift);
  g_hash_table_iter_init (&iter, series->changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(gint64 *) key >= at)
      {
        gint64 date = shift_on_clock (tz, *(gint64 *) key, shift);

        g_hash_table_add (changed, g_memdup2 (&date, sizeof date));
        g_hash_table_iter_remove (&iter);
      }
  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_add (target->changed, key);
    }
}

/* @session with what @change (read from the override) says of its
 * meetings: their start, length, topic, lead and status. */
static void
apply_change (ConveneIcsImport        *self,
              ConveneSession          *session,
              ConveneSessionException *change,
              GDateTime               *start)
{
  GTimeZone *tz = _convene_ics_get_zone (self, convene_session_get_timezone (session));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (start, tz);
  g_autofree char *month = g_strdup_printf ("%04d-%02d", g_date_time_get_year (local),
                                            g_date_time_get_month (local));

  convene_session_set_start (session, start);
  convene_session_set_month (session, month);
  convene_session_set_status (session, convene_session_exception_get_status (change));
  if (convene_session_exception_get_duration_minutes (change) > 0)
    convene_session_set_duration_minutes (session, convene_session_exception_get_duration_minutes (change));
  if (convene_session_exception_get_topic (change) != NULL)
    convene_session_set_topic (session, convene_session_exception_get_topic (change));
  if (convene_session_exception_get_lead (change) != NULL)
    convene_session_set_lead (session, convene_session_exception_get_lead (change));
}

/* RFC 5545's RANGE=THISANDFUTURE: the override changes the meeting at @at
 * and every later one, each moved as far on the series' clock as this one
 * is.  The series ends before @at (its COUNT cut to the meetings before, or
 * an UNTIL just before) and a new series starts at the override's DTSTART
 * with its details and the rest of the rule, taking over the exceptions
 * from @at on; when @at is the series' first meeting, the series itself
 * changes.  FALSE, with nothing changed, when that cannot be done: the
 * rule would not give the moved meetings.  A series a long file's import
 * has already written is written again. */
static gboolean
split_series (ConveneIcsImport   *self,
              ConveneIcsSeries   *series,
              ConveneIcsOverride *override,
              GDateTime          *occurrence)
{
  ConveneSession *session = series->session;
  const char *rrule = convene_session_get_recurrence (session);
  GTimeZone *tz = _convene_ics_get_zone (self, convene_session_get_timezone (session));
  gint64 at = g_date_time_to_unix (occurrence);
  gint64 first = g_date_time_to_unix (convene_session_get_start (session));
  g_autoptr(ConveneSessionException) change = read_change (self, series, override, occurrence);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GArray) before = NULL;
  g_autofree char *new_rrule = NULL;
  g_autofree char *old_rrule = NULL;
  struct icalrecurrencetype rule = icalrecurrencetype_from_string (rrule);
  struct icalrecurrencetype cut = rule;
  gint64 shift, days;
  gboolean in_place;
  ConveneIcsSeries *target;

  if (rule.freq == ICAL_NO_RECURRENCE)
    return FALSE;
  if (change == NULL)
    return TRUE;  /* the same as the series: nothing changes */
  start = convene_session_exception_get_start (change) != NULL
          ? g_date_time_ref (convene_session_exception_get_start (change)) : g_date_time_ref (occurrence);
  shift = convene_zone_instant_to_wall (tz, g_date_time_to_unix (start)) - convene_zone_instant_to_wall (tz, at);
  days = floor_day (convene_zone_instant_to_wall (tz, g_date_time_to_unix (start))) -
         floor_day (convene_zone_instant_to_wall (tz, at));
  before = expand_rule (rrule, tz, first, first, at);
  in_place = before->len == 0;

  /* The rest of the rule, from the new start: the meetings left to COUNT,
   * the same last meeting moved as the others. */
  if (rule.count > 0)
    {
      rule.count -= (int) before->len;
      cut.count = (int) before->len;
    }
  else if (!icaltime_is_null_time (rule.until))
    {
      gint64 until = icaltime_is_utc (rule.until) || rule.until.is_date
                     ? (gint64) icaltime_as_timet_with_zone (rule.until, icaltimezone_get_utc_timezone ())
                     : convene_zone_wall_to_instant (tz, (gint64) icaltime_as_timet (rule.until));

      rule.until = utc_time (shift_on_clock (tz, until, shift));
      cut.until = utc_time (at - 1);
    }
  else
    cut.until = utc_time (at - 1);
  if (days != 0 && !shift_weekdays (&rule, days))
    return FALSE;
  new_rrule = rule_to_string (&rule);
  old_rrule = rule_to_string (&cut);
  if (!rule_keeps_meetings (rrule, new_rrule, tz, first, at, g_date_time_to_unix (start), shift))
    return FALSE;

  if (in_place)
    target = series;
  else
    {
      ConveneSession *next = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (session)));

      /* A series written in place carries its database ids: the new one
       * is the file's, like every session taken. */
      convene_session_set_plan (next, convene_entity_get_id (CONVENE_ENTITY (self->plan)));
      convene_import_result_take (self->result, next);
      target = g_new0 (ConveneIcsSeries, 1);
      target->id = convene_entity_get_id (CONVENE_ENTITY (next));
      target->session = g_object_ref (next);
      target->organizer = g_strdup (series->organizer);
      target->added = g_array_new (FALSE, FALSE, sizeof (gint64));
      target->removed = g_array_new (FALSE, FALSE, sizeof (gint64));
      target->changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      convene_session_set_recurrence (session, old_rrule);
    }
  convene_session_set_recurrence (target->session, new_rrule);
  apply_change (self, target->session, change, start);
  move_exceptions (self, series, target, tz, at, shift);
  convene_import_result_rewrite (self->result, session);

  if (in_place)
    {
      /* What the file names from now on is this much earlier. */
      series->moved_by += shift;
      if (series->successor != NULL)
        {
          series->split_at = shift_on_clock (tz, series->split_at, shift);
          series->shift -= shift;
        }
      return TRUE;
    }
  /* A later split of the same series stays after this one. */
  target->successor = series->successor;
  if (target->successor != NULL)
    {
      target->split_at = shift_on_clock (tz, series->split_at, shift);
      target->shift = series->shift - shift;
    }
  series->successor = target;
  series->split_at = at;
  series->shift = shift;
  return TRUE;
}

/* One held override: its series' exception, a single session when its
 * series is not in the file, or left out with a warning. */
static gboolean
settle_override (ConveneIcsImport    *self,
                 ConveneIcsOverride  *override,
                 GError             **error)
{
  icalcomponent *event = override->event;
  icalproperty *rid = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
  const char *uid = icalcomponent_get_uid (event);
  ConveneIcsSeries *series = uid != NULL ? g_hash_table_lookup (self->series, uid) : NULL;
  g_autofree char *quoted = quote_override (event, rid);
  g_autoptr(GDateTime) occurrence = NULL;
  struct icaltimetype t = icalproperty_get_recurrenceid (rid);
  ConveneSessionException *exception;
  gint64 at;

  if (series == NULL)
    {
      /* The meeting still happens: nothing the file says is lost. */
      convene_import_result_warn (self->result, override->line,
                                  _("This event changes one meeting of a series that is not in "
                                    "the file (%s): it is imported as a single session."),
                                  quoted);
      override->event = NULL;
      return _convene_ics_add_session (self, event, override->line, override->line,
                                       override->end_line, error);
    }

  occurrence = _convene_ics_read_instant (self, rid, &t,
                                          convene_session_get_timezone (series->session),
                                          series_time_of_day (self, series->session),
                                          override->rid_line);
  at = occurrence != NULL ? g_date_time_to_unix (occurrence) : 0;
  if (occurrence != NULL)
    {
      /* A RANGE=THISANDFUTURE before it may have moved this meeting. */
      series = follow_splits (self, series, &at);
      g_date_time_unref (occurrence);
      occurrence = g_date_time_new_from_unix_utc (at);
    }
  if (occurrence == NULL || !series_meets_at (series, at))
    {
      convene_import_result_warn (self->result, override->rid_line,
                                  _("This event changes a meeting its series does not have "
                                    "(%s): it is left out."), quoted);
      return TRUE;
    }
  if (g_hash_table_contains (series->changed, &at))
    {
      convene_import_result_warn (self->result, override->line,
                                  _("Another event already changes this meeting (%s): this one "
                                    "is left out."), quoted);
      return TRUE;
    }
  if (range_is_this_and_future (rid) && split_series (self, series, override, occurrence))
    return TRUE;
  g_hash_table_add (series->changed, g_memdup2 (&at, sizeof at));
  /* What a split could not do: the later meetings keep the series' own
   * time and topic, and the coordinator is told so rather than left to
   * find them wrong. */
  if (range_is_this_and_future (rid))
    convene_import_result_warn (self->result, override->rid_line,
                                _("This event changes this meeting and every later one "
                                  "(RANGE=THISANDFUTURE, %s): only this meeting is changed; "
                                  "the later ones keep the series’ own details."), quoted);
  exception = read_change (self, series, override, occurrence);
  if (exception != NULL)
    convene_import_result_take (self->result, exception);
  return TRUE;
}

gboolean
_convene_ics_settle_overrides (ConveneIcsImport  *self,
                               GError           **error)
{
  for (guint i = 0; i < self->overrides->len; i++)
    if (!settle_override (self, g_ptr_array_index (self->overrides, i), error))
      return FALSE;
  g_ptr_array_set_size (self->overrides, 0);
  return TRUE;
}
