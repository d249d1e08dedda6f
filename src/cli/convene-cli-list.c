/* convene-cli-list.c: `convene-cli list`, readable tables of what is stored. */
#include "config.h"

#include <glib/gi18n.h>

#include "convene-cli.h"
#include "convene-enum-labels.h"
#include "convene-entity-list.h"
#include "convene-plan.h"
#include "convene-action.h"
#include "convene-session.h"
#include "convene-person.h"

/* Statuses and sectors as people read them, in the user's language. */
static const char *
nick (GType       enum_type,
      int         value)
{
  return convene_enum_labels_lookup (enum_type, value, NULL);
}

static char *
id_text (gpointer entity)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, convene_entity_get_id (entity));
}

/* Long topics are cut so that a table stays readable in a terminal. */
static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *start = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max - 1);
  return g_strconcat (start, "…", NULL);
}

static GPtrArray *
new_table (const char *first,
           ...)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *h = first; h != NULL; h = va_arg (args, const char *))
    g_strv_builder_add (header, h);
  va_end (args);
  g_ptr_array_add (rows, g_strv_builder_end (header));
  return rows;
}

/* Cells may be NULL while filling; the row is freed as a GStrv, so none may stay NULL. */
static void
add_row (GPtrArray *rows,
         char     **row,
         guint      n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    if (row[i] == NULL)
      row[i] = g_strdup ("");
  g_ptr_array_add (rows, row);
}

static void
list_plans (GPtrArray *plans)
{
  g_autoptr(GPtrArray) rows = new_table (_("ID"), _("YEAR"), _("STATUS"), _("GROUP"), _("TITLE"), NULL);

  for (guint i = 0; i < plans->len; i++)
    {
      ConvenePlan *plan = g_ptr_array_index (plans, i);
      char **row = g_new0 (char *, 6);

      row[0] = id_text (plan);
      row[1] = convene_plan_get_year (plan) > 0 ? g_strdup_printf ("%d", convene_plan_get_year (plan)) : g_strdup ("");
      row[2] = g_strdup (nick (CONVENE_TYPE_PLAN_STATUS, convene_plan_get_status (plan)));
      row[3] = g_strdup (convene_plan_get_group (plan));
      row[4] = g_strdup (convene_plan_get_title (plan));
      add_row (rows, row, 5);
    }
  convene_cli_print_table (rows, 5);
}

static char *
session_when (ConveneSession *session,
              gboolean        own_zone)
{
  switch (convene_session_get_timing (session))
    {
    case CONVENE_SESSION_TIMING_INSTANT:
      return convene_cli_format_local (convene_session_get_start (session),
                                       own_zone ? NULL : convene_session_get_timezone (session));
    case CONVENE_SESSION_TIMING_MONTH:
      return own_zone ? g_strdup ("") : g_strdup (convene_session_get_month (session));
    case CONVENE_SESSION_TIMING_TBC:
    default:
      /* Translators: a session whose date is to be confirmed */
      return own_zone ? g_strdup ("") : g_strdup (_("TBC"));
    }
}

static void
list_sessions (GPtrArray *sessions)
{
  g_autoptr(GPtrArray) rows = new_table (_("ID"), _("PLAN"), _("WHEN (ORGANISER)"), _("YOUR TIME"),
                                         _("STATUS"), _("LANG"), _("LEAD"), _("TOPIC"), NULL);

  g_ptr_array_sort_values (sessions, convene_entity_compare);
  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, i);
      char **row = g_new0 (char *, 9);

      row[0] = id_text (session);
      row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, convene_session_get_plan (session));
      row[2] = session_when (session, FALSE);
      row[3] = session_when (session, TRUE);
      row[4] = g_strdup (nick (CONVENE_TYPE_SESSION_STATUS, convene_session_get_status (session)));
      row[5] = g_strdup (convene_session_get_language (session));
      row[6] = g_strdup (convene_session_get_lead (session));
      row[7] = shorten (convene_session_get_topic (session), 60);
      add_row (rows, row, 8);
    }
  convene_cli_print_table (rows, 8);
}

static void
list_actions (GPtrArray *actions)
{
  g_autoptr(GPtrArray) rows = new_table (_("ID"), _("PLAN"), _("DUE"), _("STATUS"), _("OWNERS"), _("ACTION"), NULL);

  for (guint i = 0; i < actions->len; i++)
    {
      ConveneAction *action = g_ptr_array_index (actions, i);
      char **row = g_new0 (char *, 7);
      const char * const *owners = convene_action_get_owners (action);

      row[0] = id_text (action);
      row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, convene_action_get_plan (action));
      row[2] = g_strdup (convene_action_get_due (action));
      row[3] = g_strdup (nick (CONVENE_TYPE_ACTION_STATUS, convene_action_get_status (action)));
      row[4] = owners != NULL ? g_strjoinv (", ", (char **) owners) : g_strdup ("");
      row[5] = shorten (convene_action_get_title (action), 70);
      add_row (rows, row, 6);
    }
  convene_cli_print_table (rows, 6);
}

static void
list_people (GPtrArray *people)
{
  g_autoptr(GPtrArray) rows = new_table (_("ID"), _("NAME"), _("ORGANISATION"), _("SECTOR"),
                                         _("REGION"), _("TIME ZONE"), _("LANGUAGES"), NULL);

  for (guint i = 0; i < people->len; i++)
    {
      ConvenePerson *person = g_ptr_array_index (people, i);
      char **row = g_new0 (char *, 8);
      const char * const *languages = convene_person_get_languages (person);

      row[0] = id_text (person);
      row[1] = g_strdup (convene_person_get_name (person));
      row[2] = g_strdup (convene_person_get_organisation (person));
      row[3] = g_strdup (nick (CONVENE_TYPE_SECTOR, convene_person_get_sector (person)));
      row[4] = g_strdup (convene_person_get_region (person));
      row[5] = g_strdup (convene_person_get_timezone (person));
      row[6] = languages != NULL ? g_strjoinv (", ", (char **) languages) : g_strdup ("");
      add_row (rows, row, 7);
    }
  convene_cli_print_table (rows, 7);
}

int
convene_cli_list (int    argc,
                  char **argv)
{
  g_autofree char *plan_text = NULL;
  const GOptionEntry entries[] = {
    { "plan", 'p', 0, G_OPTION_ARG_STRING, &plan_text, _("Only what belongs to the plan with this id"), _("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[plans|sessions|actions|people]"));
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *what;
  gint64 plan_id = 0;
  GType type;
  int status;

  g_option_context_set_summary (context, _("Lists what the database holds; plans when nothing is named. "
                                           "Session times are shown in the organiser’s zone and in yours."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;

  what = argc > 1 ? argv[1] : "plans";
  if (g_str_equal (what, "plans"))
    type = CONVENE_TYPE_PLAN;
  else if (g_str_equal (what, "sessions"))
    type = CONVENE_TYPE_SESSION;
  else if (g_str_equal (what, "actions"))
    type = CONVENE_TYPE_ACTION;
  else if (g_str_equal (what, "people"))
    type = CONVENE_TYPE_PERSON;
  else
    {
      g_printerr (_("convene-cli list: “%s” is not one of plans, sessions, actions, people\n"), what);
      return CONVENE_CLI_USAGE;
    }
  if (argc > 2)
    {
      g_printerr (_("convene-cli list: unexpected argument “%s”\n"), argv[2]);
      return CONVENE_CLI_USAGE;
    }
  if (plan_text != NULL && !convene_cli_parse_id (plan_text, &plan_id))
    {
      g_printerr (_("convene-cli list: “%s” is not a plan id\n"), plan_text);
      return CONVENE_CLI_USAGE;
    }

  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;

  if (plan_id != 0 && type != CONVENE_TYPE_PERSON)
    rows = convene_store_query (store, type, type == CONVENE_TYPE_PLAN ? "id" : "plan", plan_id, &error);
  else
    rows = convene_store_query (store, type, NULL, 0, &error);
  if (rows == NULL)
    {
      g_printerr ("convene-cli list: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }

  if (type == CONVENE_TYPE_PLAN)
    list_plans (rows);
  else if (type == CONVENE_TYPE_SESSION)
    list_sessions (rows);
  else if (type == CONVENE_TYPE_ACTION)
    list_actions (rows);
  else
    list_people (rows);
  return CONVENE_CLI_OK;
}
