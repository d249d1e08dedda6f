/* convene-occurrence-edit.c: one meeting of a series as the session page
 * edits it.
 *
 * The page edits a session; for one meeting that session is a view, the
 * series with the meeting's exception applied, so every row of the page
 * works unchanged.  Saving compares the view with the series and writes
 * only what differs (another start, length, topic, lead or status) as the
 * meeting's exception: never the series row, never a new session.
 */
#include "config.h"

#include "ui/session/convene-occurrence-edit.h"

#include "model/convene-session-exception.h"
#include "model/convene-values.h"
#include "time/convene-zone.h"

/* The exception that changes the meeting, if there is one. */
static ConveneSessionException *
find_exception (ConveneStore   *store,
                ConveneSession *series,
                gint64          occurrence)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (series));
  g_autoptr(GPtrArray) found = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION,
                                                    "session", id, NULL);

  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (found, i);
      GDateTime *when = convene_session_exception_get_occurrence (e);

      if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_CHANGED &&
          when != NULL && g_date_time_to_unix (when) == occurrence)
        return g_object_ref (e);
    }
  return NULL;
}

ConveneSession *
convene_occurrence_edit_view (ConveneStore   *store,
                              ConveneSession *series,
                              gint64          occurrence)
{
  g_autoptr(ConveneSessionException) e = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) there = NULL;
  g_autofree char *month = NULL;
  ConveneSession *view;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (series), NULL);

  e = find_exception (store, series, occurrence);
  start = g_date_time_new_from_unix_utc (occurrence);
  view = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (series)));
  if (e != NULL)
    {
      if (convene_session_exception_get_start (e) != NULL)
        {
          g_date_time_unref (start);
          start = g_date_time_ref (convene_session_exception_get_start (e));
        }
      if (convene_session_exception_get_duration_minutes (e) > 0)
        convene_session_set_duration_minutes (view, convene_session_exception_get_duration_minutes (e));
      if (convene_session_exception_get_topic (e) != NULL)
        convene_session_set_topic (view, convene_session_exception_get_topic (e));
      if (convene_session_exception_get_lead (e) != NULL)
        convene_session_set_lead (view, convene_session_exception_get_lead (e));
      convene_session_set_status (view, convene_session_exception_get_status (e));
    }
  tz = convene_timezone_new (convene_session_get_timezone (series));
  there = g_date_time_to_timezone (start, tz != NULL ? tz : utc);
  month = g_date_time_format (there, "%Y-%m");
  convene_session_set_start (view, start);
  convene_session_set_month (view, month);
  return view;
}

gboolean
convene_occurrence_edit_save (ConveneStore    *store,
                              ConveneSession  *series,
                              ConveneSession  *meeting,
                              gint64           occurrence,
                              GError         **error)
{
  g_autoptr(ConveneSessionException) e = NULL;
  g_autoptr(GDateTime) rule_start = g_date_time_new_from_unix_utc (occurrence);
  GDateTime *start;
  gboolean moved, other_topic, other_lead, other_length;
  ConveneSessionStatus status;
  int minutes;

  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);
  g_return_val_if_fail (CONVENE_IS_SESSION (series) && CONVENE_IS_SESSION (meeting), FALSE);

  e = find_exception (store, series, occurrence);
  start = convene_session_get_start (meeting);
  moved = start != NULL && !g_date_time_equal (start, rule_start);
  other_topic = g_strcmp0 (convene_session_get_topic (meeting), convene_session_get_topic (series)) != 0;
  other_lead = g_strcmp0 (convene_session_get_lead (meeting), convene_session_get_lead (series)) != 0;
  minutes = convene_session_get_duration_minutes (meeting);
  other_length = minutes != convene_session_get_duration_minutes (series);
  status = convene_session_get_status (meeting);

  if (!moved && !other_topic && !other_lead && !other_length && status == convene_session_get_status (series))
    return e == NULL || convene_store_remove (store, CONVENE_ENTITY (e), error);

  if (e == NULL)
    {
      e = convene_session_exception_new ();
      convene_session_exception_set_session (e, convene_entity_get_id (CONVENE_ENTITY (series)));
      convene_session_exception_set_occurrence (e, rule_start);
      convene_session_exception_set_kind (e, CONVENE_EXCEPTION_KIND_CHANGED);
    }
  convene_session_exception_set_start (e, moved ? start : NULL);
  convene_session_exception_set_duration_minutes (e, other_length ? minutes : 0);
  convene_session_exception_set_topic (e, other_topic ? convene_session_get_topic (meeting) : NULL);
  convene_session_exception_set_lead (e, other_lead ? convene_session_get_lead (meeting) : NULL);
  convene_session_exception_set_status (e, status);
  return convene_entity_get_id (CONVENE_ENTITY (e)) == 0
           ? convene_store_add (store, CONVENE_ENTITY (e), error)
           : convene_store_update (store, CONVENE_ENTITY (e), error);
}
