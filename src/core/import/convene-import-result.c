/* convene-import-result.c: the preview every importer fills, and what it
 * says to the person importing.  Writing it is convene-import-writer.c's. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "import/convene-import-result.h"
#include "model/convene-enum-labels.h"
#include "model/convene-values.h"

G_DEFINE_QUARK (convene-import-error-quark, convene_import_error)

ConveneImportResult *
convene_import_result_new (const char *file)
{
  ConveneImportResult *result = g_new0 (ConveneImportResult, 1);

  result->file = g_strdup (file);
  result->plans = g_ptr_array_new_with_free_func (g_object_unref);
  result->goals = g_ptr_array_new_with_free_func (g_object_unref);
  result->actions = g_ptr_array_new_with_free_func (g_object_unref);
  result->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  result->people = g_ptr_array_new_with_free_func (g_object_unref);
  result->attendance = g_ptr_array_new_with_free_func (g_object_unref);
  result->resources = g_ptr_array_new_with_free_func (g_object_unref);
  result->exceptions = g_ptr_array_new_with_free_func (g_object_unref);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  result->let_go = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return result;
}

static void
warning_free (ConveneImportWarning *warning)
{
  g_free (warning->file);
  g_free (warning->message);
  g_free (warning);
}

void
convene_import_result_free (ConveneImportResult *result)
{
  if (result == NULL)
    return;
  if (result->writer != NULL)
    result->cancel_write (result);
  g_free (result->file);
  g_hash_table_unref (result->let_go);
  g_clear_pointer (&result->people_by_name, g_hash_table_unref);
  g_ptr_array_unref (result->plans);
  g_ptr_array_unref (result->goals);
  g_ptr_array_unref (result->actions);
  g_ptr_array_unref (result->sessions);
  g_ptr_array_unref (result->people);
  g_ptr_array_unref (result->attendance);
  g_ptr_array_unref (result->resources);
  g_ptr_array_unref (result->exceptions);
  g_ptr_array_set_free_func (result->warnings, (GDestroyNotify) warning_free);
  g_ptr_array_unref (result->warnings);
  g_free (result);
}

static GPtrArray *
list_for_type (ConveneImportResult *result,
               GType                type)
{
  if (type == CONVENE_TYPE_PLAN)
    return result->plans;
  if (type == CONVENE_TYPE_GOAL)
    return result->goals;
  if (type == CONVENE_TYPE_ACTION)
    return result->actions;
  if (type == CONVENE_TYPE_SESSION)
    return result->sessions;
  if (type == CONVENE_TYPE_PERSON)
    return result->people;
  if (type == CONVENE_TYPE_ATTENDANCE)
    return result->attendance;
  if (type == CONVENE_TYPE_RESOURCE)
    return result->resources;
  if (type == CONVENE_TYPE_SESSION_EXCEPTION)
    return result->exceptions;
  g_return_val_if_reached (NULL);
}

/**
 * convene_import_result_take:
 * @entity: (transfer full): a new object
 *
 * Gives @entity the next provisional id of its type and appends it.
 */
void
convene_import_result_take (ConveneImportResult *result,
                            gpointer             entity)
{
  GPtrArray *list = list_for_type (result, G_OBJECT_TYPE (entity));
  gint64 next = 1;

  /* Ids grow along each list, so the last one is the largest. */
  if (list->len > 0)
    next = convene_entity_get_id (g_ptr_array_index (list, list->len - 1)) + 1;
  /* A streamed import lets go of the sessions it has written (the list
   * keeps only its first few), but their ids are still named by what comes
   * later, such as a series' overrides: an id is never given twice. */
  if (list == result->sessions)
    next = MAX (next, (gint64) list->len + result->n_let_go + 1);
  convene_entity_set_id (entity, next);
  g_ptr_array_add (list, entity);
}

static gint
compare_warning_lines (gconstpointer a,
                       gconstpointer b)
{
  const ConveneImportWarning *x = *(ConveneImportWarning * const *) a;
  const ConveneImportWarning *y = *(ConveneImportWarning * const *) b;

  return (x->line > y->line) - (x->line < y->line);
}

void
convene_import_result_sort_warnings (ConveneImportResult *result)
{
  g_return_if_fail (result != NULL);

  g_ptr_array_sort (result->warnings, compare_warning_lines);
}

void
convene_import_result_warn (ConveneImportResult *result,
                            guint                line,
                            const char          *format,
                            ...)
{
  ConveneImportWarning *warning = g_new0 (ConveneImportWarning, 1);
  va_list args;

  va_start (args, format);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  warning->file = g_strdup (result->file);
  warning->line = line;
  g_ptr_array_add (result->warnings, warning);
}

/* The people by name, brought up to date with those taken since: a long
 * schedule with a lead on every row looked each one up in a scan. */
static GHashTable *
people_by_name (ConveneImportResult *result)
{
  if (result->people_by_name == NULL)
    result->people_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (; result->people_indexed < result->people->len; result->people_indexed++)
    {
      ConvenePerson *person = g_ptr_array_index (result->people, result->people_indexed);
      const char *name = convene_person_get_name (person);

      /* The first of two people with one name is the one found. */
      if (name != NULL && !g_hash_table_contains (result->people_by_name, name))
        g_hash_table_insert (result->people_by_name, g_strdup (name), person);
    }
  return result->people_by_name;
}

ConvenePerson *
convene_import_result_ensure_person (ConveneImportResult *result,
                                     const char          *name)
{
  ConvenePerson *person;

  if (name != NULL && (person = g_hash_table_lookup (people_by_name (result), name)) != NULL)
    return person;
  if (name == NULL)
    for (guint i = 0; i < result->people->len; i++)
      if (convene_person_get_name (g_ptr_array_index (result->people, i)) == NULL)
        return g_ptr_array_index (result->people, i);

  person = convene_person_new ();
  convene_person_set_name (person, name);
  convene_import_result_take (result, person);
  return person;
}

/* ---- the preview ------------------------------------------------------------- */

static void
describe_session (GString        *text,
                  ConveneSession *session)
{
  GDateTime *start = convene_session_get_start (session);
  g_autofree char *when = NULL;

  if (start != NULL)
    {
      g_autoptr(GTimeZone) tz = convene_timezone_new (convene_session_get_timezone (session));
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *clock = NULL;

      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      local = g_date_time_to_timezone (start, tz);
      clock = g_date_time_format (local, "%Y-%m-%d %H:%M");

      when = g_strdup_printf ("%s %s", clock, convene_session_get_timezone (session));
    }
  else if (convene_session_get_month (session) != NULL)
    when = g_strdup (convene_session_get_month (session));
  else
    /* Translators: a session whose date is to be confirmed */
    when = g_strdup (_("TBC"));

  g_string_append_printf (text, "    %-28s %s [%s]", when, convene_session_get_topic (session),
                          convene_enum_labels_lookup (CONVENE_TYPE_SESSION_STATUS,
                                                      convene_session_get_status (session), NULL));
  if (convene_session_get_lead (session) != NULL)
    g_string_append_printf (text, _(" — led by %s"), convene_session_get_lead (session));
  g_string_append_c (text, '\n');
}

/**
 * convene_import_result_describe:
 *
 * Returns: (transfer full): what would be created, for a person to read
 */
char *
convene_import_result_describe (ConveneImportResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < result->plans->len; p++)
    {
      ConvenePlan *plan = g_ptr_array_index (result->plans, p);
      gint64 id = convene_entity_get_id (CONVENE_ENTITY (plan));
      guint goals = 0, actions = 0, sessions = 0, let_go;

      for (guint i = 0; i < result->goals->len; i++)
        goals += convene_goal_get_plan (g_ptr_array_index (result->goals, i)) == id;
      for (guint i = 0; i < result->actions->len; i++)
        actions += convene_action_get_plan (g_ptr_array_index (result->actions, i)) == id;
      for (guint i = 0; i < result->sessions->len; i++)
        sessions += convene_session_get_plan (g_ptr_array_index (result->sessions, i)) == id;
      let_go = GPOINTER_TO_UINT (g_hash_table_lookup (result->let_go, &id));
      sessions += let_go;

      g_string_append_printf (text, _("Plan “%s”"), convene_plan_get_title (plan));
      if (convene_plan_get_group (plan) != NULL)
        g_string_append_printf (text, " (%s)", convene_plan_get_group (plan));
      g_string_append (text, ": ");
      g_string_append_printf (text, ngettext ("%u goal", "%u goals", goals), goals);
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u action", "%u actions", actions), actions);
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u session", "%u sessions", sessions), sessions);
      g_string_append_c (text, '\n');

      for (guint i = 0; i < result->sessions->len; i++)
        if (convene_session_get_plan (g_ptr_array_index (result->sessions, i)) == id)
          describe_session (text, g_ptr_array_index (result->sessions, i));
      if (let_go > 0)
        {
          g_string_append (text, "    ");
          /* Translators: after the first sessions of a large import */
          g_string_append_printf (text, ngettext ("… and %u more session\n", "… and %u more sessions\n",
                                                  let_go), let_go);
        }
    }
  g_string_append_printf (text, ngettext ("%u person\n", "%u people\n", result->people->len),
                          result->people->len);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

guint
convene_import_result_count (ConveneImportResult *result,
                             GType                type)
{
  g_return_val_if_fail (result != NULL, 0);

  return list_for_type (result, type)->len + (type == CONVENE_TYPE_SESSION ? result->n_let_go : 0);
}

