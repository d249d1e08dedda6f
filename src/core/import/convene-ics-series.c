/* convene-ics-series.c: what an iCalendar series' exceptions become.
 *
 * A series is one VEVENT with an RRULE.  Its EXDATEs take dates out and its
 * RDATEs add some; other VEVENTs with the same UID and a RECURRENCE-ID
 * change one occurrence each (moved, another SUMMARY, lead or ORGANIZER,
 * STATUS:CANCELLED).  All of them become the series' exceptions
 * (model/convene-session-exception.h), never sessions of their own.
 *
 * Google, Outlook and Thunderbird write the overriding events after their
 * series, but nothing in RFC 5545 says they must: they are held until the
 * whole file has been read.  A series is kept by its UID with a reference
 * to its session, whose provisional id its exceptions name even after a
 * streamed import has written it.
 */
#include "config.h"

#include "import/convene-ics-import-private.h"
#include "time/convene-occurrences.h"

#include <glib/gi18n.h>

typedef struct {
  gint64          id;          /* the session's provisional id */
  ConveneSession *session;
  char           *organizer;   /* the ORGANIZER's CN, or NULL */
  GArray         *added;       /* gint64: its RDATEs */
  GArray         *removed;     /* gint64: its EXDATEs */
  GHashTable     *changed;     /* gint64 occurrences an override already changed */
} ConveneIcsSeries;

void
_convene_ics_series_free (gpointer data)
{
  ConveneIcsSeries *series = data;

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
  g_hash_table_add (series->changed, g_memdup2 (&at, sizeof at));
  /* RFC 5545's RANGE=THISANDFUTURE changes every later meeting too.  A
   * series is not split on import: the later meetings keep the series'
   * own time and topic, and the coordinator is told so rather than left
   * to find them wrong. */
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
