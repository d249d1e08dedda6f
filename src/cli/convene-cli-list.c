/* convene-cli-list.c: `convene-cli list`, readable tables of what is stored. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "convene-cli.h"
#include "model/convene-enum-labels.h"
#include "store/convene-entity-list.h"
#include "model/convene-plan.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "store/convene-session-rows.h"
#include "store/convene-occurrence-rows.h"
#include "model/convene-person.h"
#include "time/convene-time-format.h"

/* Statuses and sectors as people read them, in the user's language. */
static const char *
nick (GType       enum_type,
      int         value)
{
  return convene_enum_labels_lookup (enum_type, value, NULL);
}

/* A table whose first row is @first and the headers after it, up to NULL. */
static ConveneCliTable *
new_table (guint       n_columns,
           const char *first,
           ...)
{
  ConveneCliTable *table = convene_cli_table_new (n_columns);
  va_list args;

  va_start (args, first);
  for (const char *h = first; h != NULL; h = va_arg (args, const char *))
    convene_cli_table_add (table, h, -1);
  va_end (args);
  return table;
}

/* Cells joined by ", " (an action's owners, a person's languages). */
static void
add_joined (ConveneCliTable    *table,
            const char * const *items)
{
  g_autofree char *joined = items != NULL ? g_strjoinv (", ", (char **) items) : NULL;

  convene_cli_table_add (table, joined, -1);
}

static void
list_plans (GPtrArray *plans)
{
  g_autoptr(ConveneCliTable) table = new_table (5, _("ID"), _("YEAR"), _("STATUS"), _("GROUP"), _("TITLE"), NULL);

  for (guint i = 0; i < plans->len; i++)
    {
      ConvenePlan *plan = g_ptr_array_index (plans, i);

      convene_cli_table_add_int (table, convene_entity_get_id (CONVENE_ENTITY (plan)));
      if (convene_plan_get_year (plan) > 0)
        convene_cli_table_add_int (table, convene_plan_get_year (plan));
      else
        convene_cli_table_add (table, NULL, 0);
      convene_cli_table_add (table, nick (CONVENE_TYPE_PLAN_STATUS, convene_plan_get_status (plan)), -1);
      convene_cli_table_add (table, convene_plan_get_group (plan), -1);
      convene_cli_table_add (table, convene_plan_get_title (plan), -1);
    }
  convene_cli_table_print (table);
}

/* What one pass over the sessions needs beside the table. */
typedef struct {
  ConveneCliTable   *table;
  ConveneTimeWriter *clock;
  const char        *status_labels[CONVENE_SESSION_STATUS_HELD + 1];
  const char        *tbc;
} SessionListing;

static void
add_time (SessionListing *listing,
          gint64          seconds,
          const char     *zone)
{
  char *cell = convene_cli_table_reserve (listing->table, CONVENE_TIME_WRITER_MAX);

  convene_cli_table_commit (listing->table,
                            convene_time_writer_write (listing->clock, seconds, zone, cell));
}

static void
add_shortened (ConveneCliTable *table,
               const char      *text,
               glong            max)
{
  static const char ellipsis[] = "…";
  const char *cut;
  char *cell;

  if (text == NULL || g_utf8_strlen (text, -1) <= max)
    {
      convene_cli_table_add (table, text, -1);
      return;
    }
  cut = g_utf8_offset_to_pointer (text, max - 1);
  cell = convene_cli_table_reserve (table, (cut - text) + sizeof ellipsis - 1);
  memcpy (cell, text, cut - text);
  memcpy (cell + (cut - text), ellipsis, sizeof ellipsis - 1);
  convene_cli_table_commit (table, (cut - text) + sizeof ellipsis - 1);
}

static const char *
status_label (SessionListing       *listing,
              ConveneSessionStatus  status)
{
  if ((guint) status >= G_N_ELEMENTS (listing->status_labels))
    return nick (CONVENE_TYPE_SESSION_STATUS, status);
  if (listing->status_labels[status] == NULL)
    listing->status_labels[status] = nick (CONVENE_TYPE_SESSION_STATUS, status);
  return listing->status_labels[status];
}

static gboolean
add_session_cb (const ConveneSessionRow *row,
                gpointer                 user_data)
{
  SessionListing *listing = user_data;
  ConveneCliTable *table = listing->table;

  convene_cli_table_add_int (table, row->id);
  convene_cli_table_add_int (table, row->plan);
  /* When: in the organiser's zone (a session without one in the user's),
   * then in the user's zone; a month or TBC have no time to convert. */
  if (row->dated)
    {
      add_time (listing, row->start, row->timezone);
      add_time (listing, row->start, NULL);
    }
  else
    {
      convene_cli_table_add (table, row->month != NULL ? row->month : listing->tbc, -1);
      convene_cli_table_add (table, NULL, 0);
    }
  convene_cli_table_add (table, status_label (listing, row->status), -1);
  convene_cli_table_add (table, row->language, -1);
  convene_cli_table_add (table, row->lead, -1);
  add_shortened (table, row->topic, 60);
  return TRUE;
}

static gboolean
list_sessions (ConveneStore  *store,
               gint64         plan_id,
               int            year,
               gboolean       series,
               GError       **error)
{
  const char *headers[] = { _("ID"), _("PLAN"), _("WHEN (ORGANISER)"), _("YOUR TIME"),
                            _("STATUS"), _("LANG"), _("LEAD"), _("TOPIC") };
  g_autoptr(ConveneCliTable) table = convene_cli_table_new (G_N_ELEMENTS (headers));
  g_autoptr(ConveneTimeWriter) clock = convene_time_writer_new ();
  SessionListing listing = { table, clock, { NULL }, NULL };
  char first[8], last[8];

  /* Translators: a session whose date is to be confirmed */
  listing.tbc = _("TBC");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    convene_cli_table_add (table, headers[i], -1);
  if (year > 0)
    {
      g_snprintf (first, sizeof first, "%04d-01", year);
      g_snprintf (last, sizeof last, "%04d-12", year);
    }
  /* A series once a meeting, unless asked to list it once. */
  if (!(series ? convene_session_rows_foreach : convene_occurrence_rows_foreach)
        (store, plan_id, year > 0 ? first : NULL, year > 0 ? last : NULL,
         add_session_cb, &listing, error))
    return FALSE;
  convene_cli_table_print (table);
  return TRUE;
}

static void
list_actions (GPtrArray *actions)
{
  g_autoptr(ConveneCliTable) table = new_table (6, _("ID"), _("PLAN"), _("DUE"), _("STATUS"), _("OWNERS"),
                                                _("ACTION"), NULL);

  for (guint i = 0; i < actions->len; i++)
    {
      ConveneAction *action = g_ptr_array_index (actions, i);

      convene_cli_table_add_int (table, convene_entity_get_id (CONVENE_ENTITY (action)));
      convene_cli_table_add_int (table, convene_action_get_plan (action));
      convene_cli_table_add (table, convene_action_get_due (action), -1);
      convene_cli_table_add (table, nick (CONVENE_TYPE_ACTION_STATUS, convene_action_get_status (action)), -1);
      add_joined (table, convene_action_get_owners (action));
      add_shortened (table, convene_action_get_title (action), 70);
    }
  convene_cli_table_print (table);
}

static void
list_people (GPtrArray *people)
{
  g_autoptr(ConveneCliTable) table = new_table (7, _("ID"), _("NAME"), _("ORGANISATION"), _("SECTOR"),
                                                _("REGION"), _("TIME ZONE"), _("LANGUAGES"), NULL);

  for (guint i = 0; i < people->len; i++)
    {
      ConvenePerson *person = g_ptr_array_index (people, i);

      convene_cli_table_add_int (table, convene_entity_get_id (CONVENE_ENTITY (person)));
      convene_cli_table_add (table, convene_person_get_name (person), -1);
      convene_cli_table_add (table, convene_person_get_organisation (person), -1);
      convene_cli_table_add (table, nick (CONVENE_TYPE_SECTOR, convene_person_get_sector (person)), -1);
      convene_cli_table_add (table, convene_person_get_region (person), -1);
      convene_cli_table_add (table, convene_person_get_timezone (person), -1);
      add_joined (table, convene_person_get_languages (person));
    }
  convene_cli_table_print (table);
}

/* "2025": four digits, as months are written ("2025-03"), and not year 0. */
static gboolean
parse_year (const char *text,
            int        *year)
{
  guint64 value;

  if (strlen (text) != 4 || !g_ascii_string_to_unsigned (text, 10, 1, 9999, &value, NULL))
    return FALSE;
  *year = (int) value;
  return TRUE;
}

/* Long because it is the whole command: its options and their checks,
 * then one call per kind of listing; split, the checks would be passed
 * around as a struct of options for no reader's gain. */
int
convene_cli_list (int    argc,
                  char **argv)
{
  g_autofree char *plan_text = NULL;
  g_autofree char *year_text = NULL;
  gboolean series = FALSE;
  const GOptionEntry entries[] = {
    { "plan", 'p', 0, G_OPTION_ARG_STRING, &plan_text, _("Only what belongs to the plan with this id"), _("ID") },
    /* Translators: YYYY stands for a year written with four digits */
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text, _("Only the sessions of this year"), _("YYYY") },
    { "series", 's', 0, G_OPTION_ARG_NONE, &series, _("A recurring series once, not once a meeting"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[plans|sessions|actions|people]"));
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *what;
  gint64 plan_id = 0;
  int year = 0;
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
  if (year_text != NULL && type != CONVENE_TYPE_SESSION)
    {
      g_printerr ("%s\n", _("convene-cli list: --year applies to sessions only"));
      return CONVENE_CLI_USAGE;
    }
  if (series && type != CONVENE_TYPE_SESSION)
    {
      g_printerr ("%s\n", _("convene-cli list: --series applies to sessions only"));
      return CONVENE_CLI_USAGE;
    }
  if (year_text != NULL && !parse_year (year_text, &year))
    {
      g_printerr (_("convene-cli list: “%s” is not a year (four digits, such as 2025)\n"), year_text);
      return CONVENE_CLI_USAGE;
    }

  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;

  /* Sessions are read straight from the store: a year of them can be
   * a hundred thousand rows. */
  if (type == CONVENE_TYPE_SESSION)
    {
      if (!list_sessions (store, plan_id, year, series, &error))
        {
          g_printerr ("convene-cli list: %s\n", error->message);
          return CONVENE_CLI_BAD_INPUT;
        }
      return CONVENE_CLI_OK;
    }

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
  else if (type == CONVENE_TYPE_ACTION)
    list_actions (rows);
  else
    list_people (rows);
  return CONVENE_CLI_OK;
}
