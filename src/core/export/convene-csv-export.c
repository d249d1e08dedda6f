/* convene-csv-export.c: a plan's schedule as CSV, for spreadsheets. */
#include "config.h"

#include "export/convene-csv-export.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "model/convene-values.h"

#include <glib/gi18n.h>
#include <string.h>

static const char * const columns[] = {
  "id", "topic", "month", "start", "timezone", "local_start", "duration_minutes",
  "status", "format", "language", "lead", "speakers", "location", "recurrence",
};

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
local_start (ConveneSession *session)
{
  GDateTime *start = convene_session_get_start (session);
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

static void
append_session (GString        *out,
                ConveneSession *session)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         convene_entity_get_id (CONVENE_ENTITY (session)));
  g_autofree char *start = convene_instant_to_string (convene_session_get_start (session));
  g_autofree char *local = local_start (session);
  g_autofree char *duration = g_strdup_printf ("%d",
                                               convene_session_get_duration_minutes (session));
  g_autofree char *speakers = NULL;
  const char * const *names = convene_session_get_speakers (session);

  if (names != NULL && names[0] != NULL)
    speakers = g_strjoinv ("; ", (char **) names);

  append_field (out, id, TRUE);
  append_field (out, convene_session_get_topic (session), FALSE);
  append_field (out, convene_session_get_month (session), FALSE);
  append_field (out, start, FALSE);
  append_field (out, start != NULL ? convene_session_get_timezone (session) : NULL, FALSE);
  append_field (out, local, FALSE);
  append_field (out, duration, FALSE);
  append_field (out, enum_nick (CONVENE_TYPE_SESSION_STATUS,
                                convene_session_get_status (session)), FALSE);
  append_field (out, enum_nick (CONVENE_TYPE_SESSION_FORMAT,
                                convene_session_get_format (session)), FALSE);
  append_field (out, convene_session_get_language (session), FALSE);
  append_field (out, convene_session_get_lead (session), FALSE);
  append_field (out, speakers, FALSE);
  append_field (out, convene_session_get_location (session), FALSE);
  append_field (out, convene_session_get_recurrence (session), FALSE);
  g_string_append (out, "\r\n");
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
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) sessions = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_field (out, columns[i], i == 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < sessions->len; i++)
    append_session (out, g_ptr_array_index (sessions, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}
