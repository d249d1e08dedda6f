/* convene-cli-insights.c: `convene-cli insights`, `planner` and `rotate`:
 * the night-time ledger and participation of a plan, the planner's grid
 * for a date, and the rotation of a plan's sessions between slots. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "convene-cli.h"
#include "insights/convene-insights.h"
#include "insights/convene-rotation.h"
#include "insights/convene-session-moves.h"
#include "model/convene-enum-labels.h"
#include "model/convene-enum-types.h"
#include "model/convene-plan.h"

/* The options every insights command shares. */
typedef struct {
  char   *plan_text;
  char   *night;
  char   *hours;
  double  early_weight;
  double  late_weight;
  gboolean json;
} CommonOptions;

static void
common_options_clear (CommonOptions *o)
{
  g_free (o->plan_text);
  g_free (o->night);
  g_free (o->hours);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CommonOptions, common_options_clear)

static void
add_common_entries (GOptionContext *context,
                    CommonOptions  *o)
{
  const GOptionEntry entries[] = {
    { "plan", 'p', 0, G_OPTION_ARG_STRING, &o->plan_text, N_("The plan (default: the only one)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Print JSON"), NULL },
    { "night", 0, 0, G_OPTION_ARG_STRING, &o->night,
      N_("Local hours counted as night (default: 22:00-07:00)"), N_("HH:MM-HH:MM") },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &o->hours,
      N_("Working hours on weekdays (default: 09:00-18:00)"), N_("HH:MM-HH:MM") },
    { "early-weight", 0, 0, G_OPTION_ARG_DOUBLE, &o->early_weight,
      N_("Weight of a start after midnight (default: 2)"), N_("N") },
    { "late-weight", 0, 0, G_OPTION_ARG_DOUBLE, &o->late_weight,
      N_("Weight of a start before midnight (default: 1)"), N_("N") },
    { NULL }
  };

  o->early_weight = -1;
  o->late_weight = -1;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
parse_clock (const char *text,
             int        *minute)
{
  guint64 h, m;
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 24, &h, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL) ||
      h * 60 + m > 24 * 60)
    return FALSE;
  *minute = (int) (h * 60 + m);
  return TRUE;
}

static gboolean
parse_range (const char *text,
             int        *from,
             int        *to)
{
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);

  return g_strv_length (parts) == 2 && parse_clock (parts[0], from) && parse_clock (parts[1], to) &&
         *from != *to;
}

/* Reads the hours and weights into @options; FALSE after a usage message. */
static gboolean
read_options (const char             *command,
              CommonOptions          *o,
              ConveneInsightsOptions *options)
{
  convene_insights_options_init (options);
  if (o->night != NULL && !parse_range (o->night, &options->night_start, &options->night_end))
    {
      g_printerr (_("convene-cli %s: “%s” is not a range of hours such as 22:00-07:00\n"), command, o->night);
      return FALSE;
    }
  if (o->hours != NULL && (!parse_range (o->hours, &options->work_start, &options->work_end) ||
                           options->work_start > options->work_end))
    {
      g_printerr (_("convene-cli %s: “%s” is not a range of hours such as 09:00-18:00\n"), command, o->hours);
      return FALSE;
    }
  if (o->early_weight >= 0)
    options->early_weight = o->early_weight;
  if (o->late_weight >= 0)
    options->late_weight = o->late_weight;
  return TRUE;
}

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

/* The ledger and participation as tables. */
static void
print_insights (ConveneInsights *insights)
{
  g_autoptr(ConveneCliTable) members = new_table (6, _("ID"), _("NAME"), _("REGION"), _("ZONE"),
                                                  _("NIGHT"), _("OUTSIDE HOURS"), NULL);
  g_autoptr(ConveneCliTable) regions = new_table (4, _("REGION"), _("MEMBERS"), _("NIGHT SESSIONS"),
                                                  _("ATTENDED"), NULL);
  g_autoptr(ConveneCliTable) sectors = new_table (2, _("SECTOR"), _("ATTENDED"), NULL);
  g_autoptr(ConveneCliTable) sessions = new_table (5, _("SESSION"), _("START (UTC)"), _("MEMBERS AT NIGHT"),
                                                   _("REGIONS AT NIGHT"), _("ATTENDED"), NULL);

  g_print (ngettext ("%u session counted\n\n", "%u sessions counted\n\n", insights->starts->len),
           insights->starts->len);
  for (guint m = 0; m < insights->members->len; m++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (insights->members, m);

      convene_cli_table_add_int (members, member->id);
      convene_cli_table_add (members, member->name, -1);
      convene_cli_table_add (members, member->region, -1);
      convene_cli_table_add (members, member->timezone, -1);
      if (member->tz != NULL)
        {
          convene_cli_table_add_int (members, member->night);
          convene_cli_table_add_int (members, member->outside_hours);
        }
      else
        {
          convene_cli_table_add (members, NULL, 0);
          convene_cli_table_add (members, NULL, 0);
        }
    }
  convene_cli_table_print (members);
  g_print ("\n");
  for (guint r = 0; r < insights->regions->len; r++)
    {
      ConveneInsightsRegion *region = g_ptr_array_index (insights->regions, r);

      convene_cli_table_add (regions, region->region, -1);
      convene_cli_table_add_int (regions, region->members);
      convene_cli_table_add_int (regions, region->night_sessions);
      convene_cli_table_add_int (regions, region->attended);
    }
  convene_cli_table_print (regions);
  g_print ("\n");
  for (int s = CONVENE_SECTOR_NATIONAL_GOVERNMENT; s <= CONVENE_SECTOR_OTHER; s++)
    {
      convene_cli_table_add (sectors, convene_enum_labels_lookup (CONVENE_TYPE_SECTOR, s, NULL), -1);
      convene_cli_table_add_int (sectors, insights->by_sector[s]);
    }
  convene_cli_table_print (sectors);
  g_print ("\n");
  for (guint i = 0; i < insights->starts->len; i++)
    {
      ConveneInsightsStart *start = &g_array_index (insights->starts, ConveneInsightsStart, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (start->when);
      g_autofree char *text = g_date_time_format (when, "%Y-%m-%d %H:%M");
      g_autofree char *at_night = g_strjoinv (", ", g_ptr_array_index (insights->night_regions, i));

      convene_cli_table_add_int (sessions, start->session);
      convene_cli_table_add (sessions, text, -1);
      convene_cli_table_add_int (sessions, insights->night_members[i]);
      convene_cli_table_add (sessions, at_night, -1);
      convene_cli_table_add_int (sessions, insights->attended[i]);
    }
  convene_cli_table_print (sessions);
}

/* Parses, opens the store and finds the plan: what every command begins
 * with.  Returns -1 to go on, or the exit status. */
static int
begin (const char             *command,
       GOptionContext         *context,
       CommonOptions          *o,
       int                    *argc,
       char                 ***argv,
       ConveneInsightsOptions *options,
       ConveneStore          **store,
       gint64                 *plan)
{
  int status;

  if ((status = convene_cli_parse (context, argc, argv)) >= 0)
    return status;
  if (*argc > 1)
    {
      g_printerr (_("convene-cli %s: unexpected argument “%s”\n"), command, (*argv)[1]);
      return CONVENE_CLI_USAGE;
    }
  if (!read_options (command, o, options))
    return CONVENE_CLI_USAGE;
  *store = convene_cli_open_store ();
  if (*store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  if (plan != NULL && !convene_cli_find_plan (command, *store, o->plan_text, plan))
    return CONVENE_CLI_BAD_INPUT;
  return -1;
}

int
convene_cli_insights (int    argc,
                      char **argv)
{
  g_auto(CommonOptions) o = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneInsights) insights = NULL;
  g_autoptr(GError) error = NULL;
  ConveneInsightsOptions options;
  gint64 plan = 0;
  int status;

  g_option_context_set_summary (context,
                                _("Prints, for each member, how many of the plan’s sessions start in "
                                  "their night or outside their working hours; for each region, how "
                                  "many start in the night of at least half of its members; and the "
                                  "attendance by sector and by region."));
  add_common_entries (context, &o);
  if ((status = begin ("insights", context, &o, &argc, &argv, &options, &store, &plan)) >= 0)
    return status;
  insights = convene_insights_compute (store, plan, &options, &error);
  if (insights == NULL)
    {
      g_printerr ("convene-cli insights: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  if (o.json)
    {
      g_autofree char *json = convene_insights_to_json (insights);

      g_print ("%s\n", json);
    }
  else
    print_insights (insights);
  return CONVENE_CLI_OK;
}

static gboolean
parse_date (const char *text,
            gint64     *day)
{
  g_autoptr(GDateTime) dt = NULL;
  guint64 y, m, d;
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);

  if (g_strv_length (parts) != 3 || strlen (parts[0]) != 4 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL))
    return FALSE;
  dt = g_date_time_new_utc ((int) y, (int) m, (int) d, 0, 0, 0);
  if (dt == NULL || g_date_time_get_day_of_month (dt) != (int) d)
    return FALSE;
  *day = g_date_time_to_unix (dt);
  return TRUE;
}

/* The grid as text: a row a member, a column every hour (the half hours
 * are in the JSON); "." working, "~" evening, "#" night. */
static void
print_planner (ConvenePlanner *planner)
{
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "%-28s", "UTC");
  for (int s = 0; s < CONVENE_ROTATION_N_SLOTS; s += 2)
    g_string_append_printf (line, "%3d", s / 2);
  g_print ("%s\n", line->str);
  for (guint i = 0; i < planner->members->len; i++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (planner->members, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", member->name, member->region);
      glong chars = g_utf8_strlen (label, -1);

      g_string_truncate (line, 0);
      if (chars > 27)
        g_string_append_len (line, label, g_utf8_offset_to_pointer (label, 27) - label);
      else
        g_string_append (line, label);
      for (glong c = MIN (chars, 27); c < 28; c++)
        g_string_append_c (line, ' ');
      for (int s = 0; s < CONVENE_ROTATION_N_SLOTS; s += 2)
        {
          static const char marks[] = ".~#";
          int minute = planner->minutes[i * CONVENE_ROTATION_N_SLOTS + s];

          g_string_append_printf (line, " %2d", minute / 60);
          line->str[line->len - 3] = marks[planner->kinds[i * CONVENE_ROTATION_N_SLOTS + s]];
        }
      g_print ("%s\n", line->str);
    }
  g_string_free (line, TRUE);
}

int
convene_cli_planner (int    argc,
                     char **argv)
{
  g_auto(CommonOptions) o = { 0 };
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("The date (UTC)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(ConvenePlanner) planner = NULL;
  g_autoptr(GError) error = NULL;
  ConveneInsightsOptions options;
  gint64 day;
  int status;

  g_option_context_set_summary (context,
                                _("Prints every member’s local hour, grouped by region, for each start "
                                  "every 30 minutes across the UTC day of the date: working hours, "
                                  "evening or night."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_common_entries (context, &o);
  if ((status = begin ("planner", context, &o, &argc, &argv, &options, &store, NULL)) >= 0)
    return status;
  if (date == NULL || !parse_date (date, &day))
    {
      g_printerr ("%s\n", _("convene-cli planner: name the date with --date YYYY-MM-DD"));
      return CONVENE_CLI_USAGE;
    }
  members = convene_insights_load_members (store, &error);
  if (members == NULL)
    {
      g_printerr ("convene-cli planner: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  planner = convene_planner_compute (members, day, &options);
  if (o.json)
    {
      g_autofree char *json = convene_planner_to_json (planner);

      g_print ("%s\n", json);
    }
  else
    print_planner (planner);
  return CONVENE_CLI_OK;
}

static void
print_rotation (ConveneRotation *rotation)
{
  g_autofree char *fixed = convene_rotation_slot_name (rotation->best_fixed_slot);
  g_autoptr(GString) slots = g_string_new (NULL);

  for (guint j = 0; j < rotation->n_slots; j++)
    {
      g_autofree char *name = convene_rotation_slot_name (rotation->slots[j]);

      g_string_append_printf (slots, "%s%s UTC", j > 0 ? ", " : "", name);
    }
  g_print (_("Rotation: %s; the worst-off region has %d sessions at night (%s)\n"),
           slots->str, rotation->worst_region_night,
           rotation->worst_region != NULL ? rotation->worst_region : "");
  g_print (_("Best fixed slot: %s UTC; the worst-off region has %d sessions at night\n"),
           fixed, rotation->best_fixed_worst_region_night);
  g_print (_("Spread of members’ convenience: %.2f rotating, %.2f fixed\n"),
           rotation->spread, rotation->best_fixed_spread);
  for (guint i = 0; i < rotation->starts->len; i++)
    {
      ConveneInsightsStart *start = &g_array_index (rotation->starts, ConveneInsightsStart, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (start->when);
      g_autofree char *text = g_date_time_format (when, "%Y-%m-%d %H:%M UTC");

      g_print ("  %" G_GINT64_FORMAT "  %s\n", start->session, text);
    }
}

int
convene_cli_rotate (int    argc,
                    char **argv)
{
  g_auto(CommonOptions) o = { 0 };
  int n_slots = 2;
  gboolean apply = FALSE;
  const GOptionEntry entries[] = {
    { "slots", 'n', 0, G_OPTION_ARG_INT, &n_slots, N_("How many slots to alternate: 1, 2 or 3 (default: 2)"), N_("N") },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply,
      N_("Move the sessions to the proposed starts, all in one change"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(ConveneRotation) rotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *zone = NULL;
  ConveneInsightsOptions options;
  gint64 plan = 0;
  int status;

  g_option_context_set_summary (context,
                                _("Proposes slots of the UTC day, every 30 minutes, for the plan’s "
                                  "sessions to take in turn, so that the region with the most "
                                  "sessions in its night has as few as can be."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_common_entries (context, &o);
  if ((status = begin ("rotate", context, &o, &argc, &argv, &options, &store, &plan)) >= 0)
    return status;
  if (n_slots < 1 || n_slots > CONVENE_ROTATION_MAX_SLOTS)
    {
      g_printerr ("%s\n", _("convene-cli rotate: --slots takes 1, 2 or 3"));
      return CONVENE_CLI_USAGE;
    }
  members = convene_insights_load_members (store, &error);
  if (members != NULL)
    starts = convene_insights_collect_starts (store, plan, &zone, NULL, &error);
  if (starts == NULL)
    {
      g_printerr ("convene-cli rotate: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  rotation = convene_rotation_compute (members, starts, &options, (guint) n_slots);
  if (apply && !convene_session_moves_apply (store, (ConveneInsightsStart *) (gpointer) rotation->starts->data,
                                             rotation->starts->len, zone, NULL, &error))
    {
      g_printerr ("convene-cli rotate: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  if (o.json)
    {
      g_autofree char *json = convene_rotation_to_json (rotation);

      g_print ("%s\n", json);
    }
  else
    print_rotation (rotation);
  if (apply && !o.json)
    g_print (ngettext ("%u session moved\n", "%u sessions moved\n", rotation->starts->len),
             rotation->starts->len);
  return CONVENE_CLI_OK;
}
