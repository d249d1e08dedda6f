/* convene-csv-export.c: a plan's schedule as CSV, for spreadsheets. */
#include "config.h"

#include "export/convene-csv-export.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "model/convene-values.h"
#include "export/convene-export-occurrences.h"

#include <glib/gi18n.h>
#include <string.h>

static const char * const columns[] = {
  "id", "topic", "month", "start", "timezone", "local_start", "duration_minutes",
  "status", "format", "language", "lead", "speakers", "location", "recurrence",
  "occurrence",
};
/* The occurrence column is the last, and only in the export by occurrence. */
#define N_SESSION_COLUMNS (G_N_ELEMENTS (columns) - 1)

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
local_start (ConveneSession *session,
             GDateTime      *start)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (start == NULL)
    return NULL;
  tz = convene_timezone_new (convene_session_get_timezone (session));
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (start, tz);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static const char *
enum_nick (GType type,
           int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* The enum classes of the model stay loaded: the nick outlives this. */
  g_type_class_unref (klass);
  return found != NULL ? found->value_nick : NULL;
}

/* A session's row; with @o, one meeting of its series, which says its own
 * start, topic, lead, status and length, and its occurrence column. */
static void
append_session (GString                       *out,
                ConveneSession                *session,
                const ConveneExportOccurrence *o,
                gboolean                       by_occurrence)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         convene_entity_get_id (CONVENE_ENTITY (session)));
  g_autoptr(GDateTime) at = o != NULL ? g_date_time_new_from_unix_utc (o->start) : NULL;
  g_autoptr(GDateTime) rule_at = o != NULL ? g_date_time_new_from_unix_utc (o->occurrence) : NULL;
  GDateTime *instant = at != NULL ? at : convene_session_get_start (session);
  g_autofree char *start = convene_instant_to_string (instant);
  g_autofree char *local = local_start (session, instant);
  g_autofree char *occurrence = rule_at != NULL ? convene_instant_to_string (rule_at) : NULL;
  int minutes = o != NULL && o->duration_minutes > 0 ? o->duration_minutes
                                                     : convene_session_get_duration_minutes (session);
  g_autofree char *duration = g_strdup_printf ("%d", minutes);
  g_autofree char *speakers = NULL;
  const char * const *names = convene_session_get_speakers (session);

  if (names != NULL && names[0] != NULL)
    speakers = g_strjoinv ("; ", (char **) names);

  append_field (out, id, TRUE);
  append_field (out, o != NULL ? o->topic : convene_session_get_topic (session), FALSE);
  append_field (out, o != NULL ? o->month : convene_session_get_month (session), FALSE);
  append_field (out, start, FALSE);
  append_field (out, start != NULL ? convene_session_get_timezone (session) : NULL, FALSE);
  append_field (out, local, FALSE);
  append_field (out, duration, FALSE);
  append_field (out, enum_nick (CONVENE_TYPE_SESSION_STATUS,
                                o != NULL ? o->status : convene_session_get_status (session)), FALSE);
  append_field (out, enum_nick (CONVENE_TYPE_SESSION_FORMAT,
                                convene_session_get_format (session)), FALSE);
  append_field (out, convene_session_get_language (session), FALSE);
  append_field (out, o != NULL ? o->lead : convene_session_get_lead (session), FALSE);
  append_field (out, speakers, FALSE);
  append_field (out, convene_session_get_location (session), FALSE);
  append_field (out, convene_session_get_recurrence (session), FALSE);
  if (by_occurrence)
    append_field (out, occurrence, FALSE);
  g_string_append (out, "\r\n");
}

static char *
export (ConveneStore  *store,
        gint64         plan_id,
        gboolean       by_occurrence,
        GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GHashTable) by_series = NULL;
  guint n_columns = by_occurrence ? G_N_ELEMENTS (columns) : N_SESSION_COLUMNS;

  if (plan_id != 0)
    {
      g_autoptr(ConvenePlan) plan = convene_store_load (store, CONVENE_TYPE_PLAN, plan_id, error);

      if (plan == NULL)
        return NULL;
    }
  sessions = convene_store_query (store, CONVENE_TYPE_SESSION,
                                  plan_id != 0 ? "plan" : NULL, plan_id, error);
  if (sessions == NULL)
    return NULL;
  by_series = by_occurrence ? convene_export_collect_occurrences (store, plan_id, error)
                            : g_hash_table_new (g_int64_hash, g_int64_equal);
  if (by_series == NULL)
    return NULL;

  for (guint i = 0; i < n_columns; i++)
    append_field (out, columns[i], i == 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, i);
      gint64 id = convene_entity_get_id (CONVENE_ENTITY (session));
      GArray *list = g_hash_table_lookup (by_series, &id);

      if (list == NULL)
        append_session (out, session, NULL, by_occurrence);
      for (guint j = 0; list != NULL && j < list->len; j++)
        append_session (out, session, &g_array_index (list, ConveneExportOccurrence, j), by_occurrence);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * convene_csv_export:
 * @plan_id: the plan to export, or 0 for all
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
char *
convene_csv_export (ConveneStore  *store,
                    gint64         plan_id,
                    GError       **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return export (store, plan_id, FALSE, error);
}

/**
 * convene_csv_export_occurrences:
 * @plan_id: the plan to export, or 0 for all
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
char *
convene_csv_export_occurrences (ConveneStore  *store,
                                gint64         plan_id,
                                GError       **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return export (store, plan_id, TRUE, error);
}
