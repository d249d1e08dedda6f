/* convene-ics-export.c: a plan's schedule and actions as an iCalendar file.
 *
 * Components are built with libical one at a time and written out at once,
 * so a large plan never becomes one tree in memory.  VTIMEZONEs come from
 * libical's copy of the tz database, named by their plain IANA names, which
 * every calendar program understands.
 */
#include "config.h"

#include <inttypes.h>

#include "export/convene-ics-export.h"
#include "model/convene-action.h"
#include "model/convene-plan.h"
#include "model/convene-session-exception.h"
#include "model/convene-values.h"
#include "time/convene-clock.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

typedef struct {
  GString    *out;
  GPtrArray  *plans;         /* ConvenePlan */
  GPtrArray  *sessions;      /* ConveneSession, of every exported plan */
  GPtrArray  *actions;       /* ConveneAction */
  GHashTable *zones;         /* IANA name → earliest year it is used */
  GHashTable *exceptions;    /* session id → GPtrArray of its ConveneSessionException */
  const char *default_zone;  /* where all-day events are, as X-WR-TIMEZONE says */
  struct icaltimetype stamp;
} IcsExport;

char *
convene_ics_session_uid (ConveneSession *session)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  return g_strdup_printf ("session-%" G_GINT64_FORMAT "@convene",
                          convene_entity_get_id (CONVENE_ENTITY (session)));
}

static void
append_component (IcsExport     *self,
                  icalcomponent *comp)
{
  char *text = icalcomponent_as_ical_string_r (comp);

  g_string_append (self->out, text);
  icalmemory_free_buffer (text);
  icalcomponent_free (comp);
}

static void
append_property (IcsExport    *self,
                 icalproperty *prop)
{
  char *text = icalproperty_as_ical_string_r (prop);

  g_string_append (self->out, text);
  icalmemory_free_buffer (text);
  icalproperty_free (prop);
}

static icalproperty *
new_x_property (const char *name,
                const char *value)
{
  icalproperty *prop = icalproperty_new_x (value);

  icalproperty_set_x_name (prop, name);
  return prop;
}

/* An IANA zone that libical can describe in a VTIMEZONE; UTC and fixed
 * offsets are written in UTC instead. */
static gboolean
zone_has_vtimezone (const char *zone)
{
  icaltimezone *builtin;

  if (zone == NULL || g_str_equal (zone, "UTC") || zone[0] == '+' || zone[0] == '-')
    return FALSE;
  builtin = icaltimezone_get_builtin_timezone (zone);
  return builtin != NULL && icaltimezone_get_component (builtin) != NULL;
}

static struct icaltimetype
local_time (GDateTime *local,
            gboolean   is_date)
{
  struct icaltimetype t = is_date ? icaltime_null_date () : icaltime_null_time ();

  t.year = g_date_time_get_year (local);
  t.month = g_date_time_get_month (local);
  t.day = g_date_time_get_day_of_month (local);
  if (!is_date)
    {
      t.hour = g_date_time_get_hour (local);
      t.minute = g_date_time_get_minute (local);
      t.second = g_date_time_get_second (local);
    }
  return t;
}

static struct icaltimetype
utc_time (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (instant);
  struct icaltimetype t = local_time (utc, FALSE);

  t.zone = icaltimezone_get_utc_timezone ();
  return t;
}

static icalproperty *
with_tzid (icalproperty *prop,
           const char   *zone)
{
  if (zone != NULL)
    icalproperty_add_parameter (prop, icalparameter_new_tzid (zone));
  return prop;
}

static gboolean
is_all_day (IcsExport      *self,
            ConveneSession *session,
            GDateTime      *local)
{
  return g_strcmp0 (convene_session_get_timezone (session), self->default_zone) == 0 &&
         g_date_time_get_hour (local) == 0 && g_date_time_get_minute (local) == 0 &&
         g_date_time_get_second (local) == 0 &&
         convene_session_get_duration_minutes (session) % (24 * 60) == 0;
}

static void
add_times (IcsExport      *self,
           icalcomponent  *event,
           ConveneSession *session)
{
  const char *zone = convene_session_get_timezone (session);
  GDateTime *start = convene_session_get_start (session);
  g_autoptr(GDateTime) end = convene_session_dup_end (session);
  g_autoptr(GTimeZone) tz = convene_timezone_new (zone);
  g_autoptr(GDateTime) local_start = NULL;
  g_autoptr(GDateTime) local_end = NULL;
  struct icaltimetype start_t, end_t;
  const char *tzid;
  gboolean all_day;

  if (end == NULL)
    end = g_date_time_add_minutes (start, convene_session_get_duration_minutes (session));
  if (tz == NULL || !zone_has_vtimezone (zone))
    {
      icalcomponent_add_property (event, icalproperty_new_dtstart (utc_time (start)));
      icalcomponent_add_property (event, icalproperty_new_dtend (utc_time (end)));
      /* "8am GMT-6" has no VTIMEZONE: keep what the organiser said for Convene. */
      if (zone != NULL && (zone[0] == '+' || zone[0] == '-'))
        icalcomponent_add_property (event, new_x_property ("X-CONVENE-TIMEZONE", zone));
      return;
    }

  local_start = g_date_time_to_timezone (start, tz);
  local_end = g_date_time_to_timezone (end, tz);
  all_day = is_all_day (self, session, local_start);
  tzid = all_day ? NULL : zone;
  start_t = local_time (local_start, all_day);
  icalcomponent_add_property (event, with_tzid (icalproperty_new_dtstart (start_t), tzid));
  /* An end on the other side of a clock change may be a wall-clock time
   * that happens twice: the length says it exactly. */
  if (!all_day &&
      g_date_time_get_utc_offset (local_start) != g_date_time_get_utc_offset (local_end))
    {
      int seconds = convene_session_get_duration_minutes (session) * 60;

      icalcomponent_add_property (event,
                                  icalproperty_new_duration (icaldurationtype_from_int (seconds)));
      return;
    }
  end_t = local_time (local_end, all_day);
  icalcomponent_add_property (event, with_tzid (icalproperty_new_dtend (end_t), tzid));
}

static void
add_status (icalcomponent  *event,
            ConveneSession *session)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (CONVENE_TYPE_SESSION_STATUS);
  g_autoptr(GEnumClass) formats = g_type_class_ref (CONVENE_TYPE_SESSION_FORMAT);
  ConveneSessionStatus status = convene_session_get_status (session);
  ConveneSessionFormat format = convene_session_get_format (session);

  switch (status)
    {
    case CONVENE_SESSION_STATUS_TENTATIVE:
      icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_TENTATIVE));
      break;
    case CONVENE_SESSION_STATUS_CANCELLED:
    case CONVENE_SESSION_STATUS_NO_MEETING:
      icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CANCELLED));
      break;
    case CONVENE_SESSION_STATUS_SCHEDULED:
    case CONVENE_SESSION_STATUS_HELD:
    default:
      icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
      break;
    }
  if (status == CONVENE_SESSION_STATUS_HELD || status == CONVENE_SESSION_STATUS_NO_MEETING)
    icalcomponent_add_property (event,
                                new_x_property ("X-CONVENE-STATUS",
                                                g_enum_get_value (statuses, status)->value_nick));
  if (format != CONVENE_SESSION_FORMAT_MEETING)
    icalcomponent_add_property (event,
                                new_x_property ("X-CONVENE-FORMAT",
                                                g_enum_get_value (formats, format)->value_nick));
}

static void
add_text (icalcomponent  *event,
          ConveneSession *session)
{
  const char *language = convene_session_get_language (session);
  const char *description = convene_session_get_description (session);
  const char *location = convene_session_get_location (session);
  icalproperty *summary = icalproperty_new_summary (convene_session_get_topic (session));

  if (language != NULL && *language != '\0')
    icalproperty_add_parameter (summary, icalparameter_new_language (language));
  icalcomponent_add_property (event, summary);
  if (description != NULL)
    icalcomponent_add_property (event, icalproperty_new_description (description));
  if (location != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (location));
  if (location != NULL && convene_url_is_valid (location))
    icalcomponent_add_property (event, icalproperty_new_url (location));
  /* iCalendar's ORGANIZER is an address; Convene's lead is a name. */
  if (convene_session_get_lead (session) != NULL)
    icalcomponent_add_property (event, new_x_property ("X-CONVENE-LEAD",
                                                       convene_session_get_lead (session)));
}

/* How a series names one of its dates (RECURRENCE-ID, EXDATE, RDATE): on
 * its own clock with its TZID, as a date for an all-day series, or in UTC
 * for a series with no VTIMEZONE.  Sets @tzid to the TZID to add, if any. */
static struct icaltimetype
series_time (IcsExport       *self,
             ConveneSession  *session,
             GDateTime       *instant,
             const char     **tzid)
{
  const char *zone = convene_session_get_timezone (session);
  g_autoptr(GTimeZone) tz = convene_timezone_new (zone);
  g_autoptr(GDateTime) local_start = NULL;
  g_autoptr(GDateTime) local = NULL;
  gboolean all_day;

  *tzid = NULL;
  if (tz == NULL || !zone_has_vtimezone (zone))
    return utc_time (instant);
  local_start = g_date_time_to_timezone (convene_session_get_start (session), tz);
  local = g_date_time_to_timezone (instant, tz);
  all_day = is_all_day (self, session, local_start);
  if (!all_day)
    *tzid = zone;
  return local_time (local, all_day);
}

static void
add_series_dates (IcsExport      *self,
                  icalcomponent  *event,
                  ConveneSession *session,
                  GPtrArray      *exceptions)
{
  for (guint i = 0; exceptions != NULL && i < exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (exceptions, i);
      ConveneExceptionKind kind = convene_session_exception_get_kind (e);
      struct icaldatetimeperiodtype rdate = { 0 };
      const char *tzid;
      icalproperty *prop;

      if (kind == CONVENE_EXCEPTION_KIND_CHANGED)
        continue;
      rdate.time = series_time (self, session, convene_session_exception_get_occurrence (e), &tzid);
      rdate.period = icalperiodtype_null_period ();
      prop = kind == CONVENE_EXCEPTION_KIND_REMOVED ? icalproperty_new_exdate (rdate.time)
                                                    : icalproperty_new_rdate (rdate);
      icalcomponent_add_property (event, with_tzid (prop, tzid));
    }
}

/* One occurrence as its exception changes it, in an event of its own with
 * the series' UID, DTSTAMP and SEQUENCE, named by its RECURRENCE-ID. */
static void
add_override (IcsExport               *self,
              ConveneSession          *session,
              ConveneSessionException *e)
{
  g_autoptr(ConveneSession) occurrence = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (session)));
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *uid = convene_ics_session_uid (session);
  GDateTime *rule_start = convene_session_exception_get_occurrence (e);
  GDateTime *start = convene_session_exception_get_start (e);
  const char *tzid;
  struct icaltimetype rid = series_time (self, session, rule_start, &tzid);

  convene_session_set_recurrence (occurrence, NULL);
  convene_session_set_start (occurrence, start != NULL ? start : rule_start);
  if (convene_session_exception_get_duration_minutes (e) > 0)
    convene_session_set_duration_minutes (occurrence, convene_session_exception_get_duration_minutes (e));
  if (convene_session_exception_get_topic (e) != NULL)
    convene_session_set_topic (occurrence, convene_session_exception_get_topic (e));
  if (convene_session_exception_get_lead (e) != NULL)
    convene_session_set_lead (occurrence, convene_session_exception_get_lead (e));
  convene_session_set_status (occurrence, convene_session_exception_get_status (e));

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (self->stamp));
  icalcomponent_add_property (event, icalproperty_new_sequence (0));
  icalcomponent_add_property (event, with_tzid (icalproperty_new_recurrenceid (rid), tzid));
  add_times (self, event, occurrence);
  add_text (event, occurrence);
  add_status (event, occurrence);
  append_component (self, event);
}

static void
add_session (IcsExport      *self,
             ConveneSession *session)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *uid = convene_ics_session_uid (session);
  const char *recurrence = convene_session_get_recurrence (session);
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (session));
  GPtrArray *exceptions = NULL;

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (self->stamp));
  if (recurrence != NULL)
    {
      struct icalrecurrencetype recur;

      if (g_str_has_prefix (recurrence, "RRULE:"))
        recurrence += strlen ("RRULE:");
      recur = icalrecurrencetype_from_string (recurrence);
      if (recur.freq != ICAL_NO_RECURRENCE)
        exceptions = g_hash_table_lookup (self->exceptions, &id);
      /* The series and its overrides say the same SEQUENCE: calendar
       * programs match an override to its series by UID and SEQUENCE. */
      if (exceptions != NULL)
        icalcomponent_add_property (event, icalproperty_new_sequence (0));
      add_times (self, event, session);
      if (recur.freq != ICAL_NO_RECURRENCE)
        icalcomponent_add_property (event, icalproperty_new_rrule (recur));
      add_series_dates (self, event, session, exceptions);
    }
  else
    add_times (self, event, session);
  add_text (event, session);
  add_status (event, session);
  append_component (self, event);

  for (guint i = 0; exceptions != NULL && i < exceptions->len; i++)
    if (convene_session_exception_get_kind (g_ptr_array_index (exceptions, i)) == CONVENE_EXCEPTION_KIND_CHANGED)
      add_override (self, session, g_ptr_array_index (exceptions, i));
}

/* "2021-03" is due by the end of March; "2021", by the end of the year. */
static struct icaltimetype
due_date (const char *due)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = atoi (due);
  t.month = strlen (due) >= 7 ? atoi (due + 5) : 12;
  t.day = strlen (due) >= 10 ? atoi (due + 8) : icaltime_days_in_month (t.month, t.year);
  return t;
}

static void
add_action (IcsExport     *self,
            ConveneAction *action)
{
  icalcomponent *todo = icalcomponent_new_vtodo ();
  g_autofree char *uid = g_strdup_printf ("action-%" G_GINT64_FORMAT "@convene",
                                          convene_entity_get_id (CONVENE_ENTITY (action)));
  const char *due = convene_action_get_due (action);
  ConveneActionStatus status = convene_action_get_status (action);
  static const icalproperty_status statuses[] = {
    [CONVENE_ACTION_STATUS_PLANNED] = ICAL_STATUS_NEEDSACTION,
    [CONVENE_ACTION_STATUS_IN_PROGRESS] = ICAL_STATUS_INPROCESS,
    [CONVENE_ACTION_STATUS_DONE] = ICAL_STATUS_COMPLETED,
    [CONVENE_ACTION_STATUS_DROPPED] = ICAL_STATUS_CANCELLED,
  };

  icalcomponent_add_property (todo, icalproperty_new_uid (uid));
  icalcomponent_add_property (todo, icalproperty_new_dtstamp (self->stamp));
  icalcomponent_add_property (todo, icalproperty_new_summary (convene_action_get_title (action)));
  if (due != NULL && convene_due_is_valid (due))
    {
      icalcomponent_add_property (todo, icalproperty_new_due (due_date (due)));
      if (!convene_date_is_valid (due))
        icalcomponent_add_property (todo, new_x_property ("X-CONVENE-DUE", due));
    }
  icalcomponent_add_property (todo, icalproperty_new_status (statuses[status]));
  append_component (self, todo);
}

/* Only the rules from the first year a zone is used: a VTIMEZONE holding a
 * zone's whole history is several kilobytes. */
static void
add_vtimezone (IcsExport  *self,
               const char *zone,
               int         first_year)
{
  icaltimezone *builtin = icaltimezone_get_builtin_timezone (zone);
  icalcomponent *vtz = icalcomponent_new_clone (icaltimezone_get_component (builtin));
  icalproperty *tzid = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
  struct icaltimetype from = icaltime_null_time ();

  from.year = first_year;
  from.month = from.day = 1;
  icaltimezone_truncate_vtimezone (vtz, from, icaltime_null_time (), 0);
  icalproperty_set_tzid (tzid, zone);
  append_component (self, vtz);
}

static void
note_zone (IcsExport      *self,
           ConveneSession *session)
{
  const char *zone = convene_session_get_timezone (session);
  g_autoptr(GTimeZone) tz = convene_timezone_new (zone);
  g_autoptr(GDateTime) local = NULL;
  gpointer year;

  if (tz == NULL || !zone_has_vtimezone (zone))
    return;
  local = g_date_time_to_timezone (convene_session_get_start (session), tz);
  year = g_hash_table_lookup (self->zones, zone);
  if (year == NULL || GPOINTER_TO_INT (year) > g_date_time_get_year (local))
    g_hash_table_insert (self->zones, g_strdup (zone),
                         GINT_TO_POINTER (g_date_time_get_year (local)));
}

static gboolean
gather_plan (IcsExport     *self,
             ConveneStore  *store,
             ConvenePlan   *plan,
             GError       **error)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (plan));
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) actions = NULL;

  sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", id, error);
  if (sessions == NULL)
    return FALSE;
  actions = convene_store_query (store, CONVENE_TYPE_ACTION, "plan", id, error);
  if (actions == NULL)
    return FALSE;

  g_ptr_array_add (self->plans, g_object_ref (plan));
  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, i);

      if (convene_session_get_timing (session) != CONVENE_SESSION_TIMING_INSTANT)
        continue;
      note_zone (self, session);
      g_ptr_array_add (self->sessions, g_object_ref (session));
    }
  for (guint i = 0; i < actions->len; i++)
    g_ptr_array_add (self->actions, g_object_ref (g_ptr_array_index (actions, i)));
  return TRUE;
}

/* Overrides in the order of their occurrences, then EXDATE before RDATE. */
static int
compare_exceptions (gconstpointer a,
                    gconstpointer b)
{
  ConveneSessionException *x = *(ConveneSessionException **) a;
  ConveneSessionException *y = *(ConveneSessionException **) b;
  int cmp = g_date_time_compare (convene_session_exception_get_occurrence (x),
                                 convene_session_exception_get_occurrence (y));

  if (cmp != 0)
    return cmp;
  return (int) convene_session_exception_get_kind (x) - (int) convene_session_exception_get_kind (y);
}

/* Every series' exceptions, read at once: a query a session would cost a
 * plan of many sessions one statement each. */
static gboolean
gather_exceptions (IcsExport     *self,
                   ConveneStore  *store,
                   GError       **error)
{
  g_autoptr(GPtrArray) all = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION, NULL, 0, error);
  GHashTableIter iter;
  gpointer list;

  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (all, i);
      gint64 session = convene_session_exception_get_session (e);
      GPtrArray *same = g_hash_table_lookup (self->exceptions, &session);

      if (same == NULL)
        {
          same = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->exceptions, g_memdup2 (&session, sizeof session), same);
        }
      g_ptr_array_add (same, g_object_ref (e));
    }
  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    g_ptr_array_sort (list, compare_exceptions);
  return TRUE;
}

static gboolean
gather (IcsExport     *self,
        ConveneStore  *store,
        gint64         plan_id,
        GError       **error)
{
  g_autoptr(GPtrArray) plans = convene_store_query (store, CONVENE_TYPE_PLAN, NULL, 0, error);

  if (plans == NULL || !gather_exceptions (self, store, error))
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      ConvenePlan *plan = g_ptr_array_index (plans, i);

      if (plan_id != 0 && convene_entity_get_id (CONVENE_ENTITY (plan)) != plan_id)
        continue;
      if (!gather_plan (self, store, plan, error))
        return FALSE;
    }
  if (plan_id != 0 && self->plans->len == 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                   _("There is no plan with id %" PRId64), plan_id);
      return FALSE;
    }
  return TRUE;
}

/* One plan names the calendar; several share one without a name. */
static void
append_header (IcsExport *self)
{
  ConvenePlan *plan = self->plans->len == 1 ? g_ptr_array_index (self->plans, 0) : NULL;
  const char *zone = plan != NULL ? convene_plan_get_timezone (plan) : NULL;

  g_string_append (self->out, "BEGIN:VCALENDAR\r\n");
  append_property (self, icalproperty_new_prodid ("-//Convene//Convene " PACKAGE_VERSION "//EN"));
  append_property (self, icalproperty_new_version ("2.0"));
  append_property (self, icalproperty_new_calscale ("GREGORIAN"));
  append_property (self, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  if (plan == NULL)
    return;
  append_property (self, new_x_property ("X-WR-CALNAME", convene_plan_get_title (plan)));
  if (convene_plan_get_summary (plan) != NULL)
    append_property (self, new_x_property ("X-WR-CALDESC", convene_plan_get_summary (plan)));
  if (zone != NULL && (g_str_equal (zone, "UTC") || zone_has_vtimezone (zone)))
    {
      append_property (self, new_x_property ("X-WR-TIMEZONE", zone));
      self->default_zone = zone;
    }
}

static void
ics_export_clear (IcsExport *self)
{
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->zones, g_hash_table_unref);
  g_clear_pointer (&self->exceptions, g_hash_table_unref);
}

/**
 * convene_ics_export:
 * @plan_id: the plan to export, or 0 for all
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 */
char *
convene_ics_export (ConveneStore  *store,
                    gint64         plan_id,
                    GError       **error)
{
  IcsExport self = { 0 };
  g_autoptr(GDateTime) now = convene_now ();
  g_autoptr(GList) zones = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self.plans = g_ptr_array_new_with_free_func (g_object_unref);
  self.sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self.actions = g_ptr_array_new_with_free_func (g_object_unref);
  self.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.exceptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  self.default_zone = "UTC";
  self.stamp = utc_time (now);
  if (!gather (&self, store, plan_id, error))
    {
      ics_export_clear (&self);
      return NULL;
    }

  self.out = g_string_new (NULL);
  append_header (&self);
  /* Sorted, so that the same plan gives the same file. */
  zones = g_list_sort (g_hash_table_get_keys (self.zones), (GCompareFunc) g_strcmp0);
  for (GList *l = zones; l != NULL; l = l->next)
    add_vtimezone (&self, l->data, GPOINTER_TO_INT (g_hash_table_lookup (self.zones, l->data)));
  for (guint i = 0; i < self.sessions->len; i++)
    add_session (&self, g_ptr_array_index (self.sessions, i));
  for (guint i = 0; i < self.actions->len; i++)
    add_action (&self, g_ptr_array_index (self.actions, i));
  g_string_append (self.out, "END:VCALENDAR\r\n");

  ics_export_clear (&self);
  return g_string_free (self.out, FALSE);
}
