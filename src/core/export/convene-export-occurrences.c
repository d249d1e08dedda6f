/* convene-export-occurrences.c: the meetings of a plan's series, for the
 * exports that write one row a meeting. */
#include "config.h"

#include "export/convene-export-occurrences.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"
#include "store/convene-occurrence-rows.h"
#include "time/convene-occurrences.h"
#include "time/convene-zone.h"

static void
occurrence_clear (gpointer data)
{
  ConveneExportOccurrence *o = data;

  g_free (o->topic);
  g_free (o->lead);
}

static gboolean
collect_cb (const ConveneSessionRow *row,
            gpointer                 user_data)
{
  GHashTable *by_series = user_data;
  GArray *list;
  ConveneExportOccurrence o = { row->start, row->occurrence, "", NULL, NULL, row->status, 0, FALSE };

  if (!row->in_series)
    return TRUE;
  o.topic = g_strdup (row->topic);
  o.lead = g_strdup (row->lead);
  list = g_hash_table_lookup (by_series, &row->id);
  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (ConveneExportOccurrence));
      g_array_set_clear_func (list, occurrence_clear);
      g_hash_table_insert (by_series, g_memdup2 (&row->id, sizeof row->id), list);
    }
  g_strlcpy (o.month, row->month, sizeof o.month);
  g_array_append_val (list, o);
  return TRUE;
}

/* What the listing's rows do not carry: a changed meeting's own length,
 * and whether a meeting was added to the rule. */
static void
fill_from_exceptions (GHashTable *by_series,
                      GPtrArray  *exceptions)
{
  for (guint i = 0; i < exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (exceptions, i);
      gint64 session = convene_session_exception_get_session (e);
      gint64 at = g_date_time_to_unix (convene_session_exception_get_occurrence (e));
      GArray *list = g_hash_table_lookup (by_series, &session);

      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          ConveneExportOccurrence *o = &g_array_index (list, ConveneExportOccurrence, j);

          if (o->occurrence != at)
            continue;
          if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_ADDED)
            o->added = TRUE;
          else if (convene_session_exception_get_duration_minutes (e) > 0)
            o->duration_minutes = convene_session_exception_get_duration_minutes (e);
        }
    }
}

/* The instant the wall-clock day @year-@month-01 starts on @tz's clock. */
static gint64
month_start (GTimeZone *tz,
             int        year,
             int        month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, year);
  return convene_zone_wall_to_instant (tz, ((gint64) g_date_get_julian (&date) - 719163) * 86400);
}

static gboolean
has_meeting (GArray *list,
             gint64  occurrence)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_array_index (list, ConveneExportOccurrence, i).occurrence == occurrence)
      return TRUE;
  return FALSE;
}

/* Whether the rule of @series, with the dates @exceptions add and take
 * out, gives a meeting at @at. */
static gboolean
series_meets_at (ConveneSession *series,
                 GTimeZone      *tz,
                 GPtrArray      *exceptions,
                 gint64          at)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (series));
  g_autoptr(ConveneRecurrence) rule = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));

  rule = convene_recurrence_new_with_tz (convene_session_get_recurrence (series), tz,
                                         g_date_time_to_unix (convene_session_get_start (series)), NULL);
  if (rule == NULL)
    return FALSE;
  for (guint i = 0; i < exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (exceptions, i);
      gint64 when = g_date_time_to_unix (convene_session_exception_get_occurrence (e));

      if (convene_session_exception_get_session (e) != id)
        continue;
      if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_REMOVED)
        convene_recurrence_add_exdates (rule, &when, 1);
      else if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_ADDED)
        convene_recurrence_add_dates (rule, &when, 1);
    }
  convene_recurrence_expand (rule, at, at + 1, found);
  return found->len == 1;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const ConveneExportOccurrence *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->occurrence > y->occurrence) - (x->occurrence < y->occurrence);
}

/* The meeting @e moves, when the listing left it out although it is one of
 * the plan's year: the listing keeps a meeting by the month it is moved
 * to, so one of December moved into January, or one of the series' first
 * month moved into the month before, has no row there; nor has one of the
 * next year moved into this one from further than the listing looks.  A
 * meeting is the year's when the rule gives it in the months the listing
 * expands (its first start's month through the end of the plan's year),
 * or when it is moved into them. */
static gboolean
add_moved_across (ConveneStore             *store,
                  gint64                    plan_id,
                  GHashTable               *by_series,
                  GPtrArray                *exceptions,
                  ConveneSessionException  *e,
                  GError                  **error)
{
  gint64 id = convene_session_exception_get_session (e);
  gint64 at = g_date_time_to_unix (convene_session_exception_get_occurrence (e));
  gint64 start = g_date_time_to_unix (convene_session_exception_get_start (e));
  GArray *list = g_hash_table_lookup (by_series, &id);
  g_autoptr(ConveneSession) series = NULL;
  g_autoptr(ConvenePlan) plan = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) moved = NULL;
  ConveneExportOccurrence o = { start, at, "", NULL, NULL, convene_session_exception_get_status (e), 0, FALSE };
  gint64 from, to;

  if (has_meeting (list, at))
    return TRUE;
  series = convene_store_load (store, CONVENE_TYPE_SESSION, id, error);
  if (series == NULL)
    return FALSE;
  if ((plan_id != 0 && convene_session_get_plan (series) != plan_id) ||
      convene_session_get_recurrence (series) == NULL || convene_session_get_start (series) == NULL)
    return TRUE;
  plan = convene_store_load (store, CONVENE_TYPE_PLAN, convene_session_get_plan (series), error);
  if (plan == NULL)
    return FALSE;
  tz = convene_timezone_new (convene_session_get_timezone (series));
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  first = g_date_time_to_timezone (convene_session_get_start (series), tz);
  from = month_start (tz, g_date_time_get_year (first), g_date_time_get_month (first));
  to = month_start (tz, MAX (convene_plan_get_year (plan), g_date_time_get_year (first)) + 1, 1);
  if (!((at >= from && at < to) || (start >= from && start < to)) ||
      !series_meets_at (series, tz, exceptions, at))
    return TRUE;

  moved = g_date_time_to_timezone (convene_session_exception_get_start (e), tz);
  g_snprintf (o.month, sizeof o.month, "%04d-%02d", g_date_time_get_year (moved), g_date_time_get_month (moved));
  o.topic = g_strdup (convene_session_exception_get_topic (e) != NULL
                      ? convene_session_exception_get_topic (e) : convene_session_get_topic (series));
  o.lead = g_strdup (convene_session_exception_get_lead (e) != NULL
                     ? convene_session_exception_get_lead (e) : convene_session_get_lead (series));
  if (o.topic == NULL)
    o.topic = g_strdup ("");
  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (ConveneExportOccurrence));
      g_array_set_clear_func (list, occurrence_clear);
      g_hash_table_insert (by_series, g_memdup2 (&id, sizeof id), list);
    }
  g_array_append_val (list, o);
  g_array_sort (list, compare_starts);
  return TRUE;
}

GHashTable *
convene_export_collect_occurrences (ConveneStore  *store,
                                    gint64         plan_id,
                                    GError       **error)
{
  g_autoptr(GHashTable) by_series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) exceptions = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  if (!convene_occurrence_rows_foreach (store, plan_id, NULL, NULL, collect_cb, by_series, error))
    return NULL;
  exceptions = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION, NULL, 0, error);
  if (exceptions == NULL)
    return NULL;
  for (guint i = 0; i < exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (exceptions, i);

      if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_CHANGED &&
          convene_session_exception_get_start (e) != NULL &&
          !add_moved_across (store, plan_id, by_series, exceptions, e, error))
        return NULL;
    }
  fill_from_exceptions (by_series, exceptions);
  return g_steal_pointer (&by_series);
}
