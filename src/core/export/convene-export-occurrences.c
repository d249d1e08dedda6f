/* convene-export-occurrences.c: the meetings of a plan's series, for the
 * exports that write one row a meeting. */
#include "config.h"

#include "export/convene-export-occurrences.h"
#include "model/convene-session-exception.h"
#include "store/convene-occurrence-rows.h"

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
static gboolean
fill_from_exceptions (ConveneStore  *store,
                GHashTable    *by_series,
                GError       **error)
{
  g_autoptr(GPtrArray) exceptions = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION,
                                                         NULL, 0, error);

  if (exceptions == NULL)
    return FALSE;
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
  return TRUE;
}

GHashTable *
convene_export_collect_occurrences (ConveneStore  *store,
                                    gint64         plan_id,
                                    GError       **error)
{
  g_autoptr(GHashTable) by_series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  if (!convene_occurrence_rows_foreach (store, plan_id, NULL, NULL, collect_cb, by_series, error) ||
      !fill_from_exceptions (store, by_series, error))
    return NULL;
  return g_steal_pointer (&by_series);
}
