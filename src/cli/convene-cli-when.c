/* convene-cli-when.c: `convene-cli when`, a meeting time as people write it,
 * resolved to an instant and shown in other zones. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "convene-cli.h"
#include "time/convene-clock.h"
#include "time/convene-time-expr.h"
#include "model/convene-values.h"

typedef struct {
  char *name;  /* as given: "Singapore" */
  char *zone;  /* "Asia/Singapore" */
} Target;

static void
target_clear (gpointer data)
{
  Target *target = data;

  g_free (target->name);
  g_free (target->zone);
}

/* The user's own zone, as a name the parser knows; UTC when the system's
 * zone has no IANA name. */
static char *
local_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  char *zone = convene_zone_lookup (g_time_zone_get_identifier (tz), NULL);

  return zone != NULL ? zone : g_strdup ("UTC");
}

/* NULL when the instant cannot be written in @zone: GDateTime holds the
 * years 1 to 9999 only, and 31 December 9999 at 23:00 UTC is already
 * 1 January 10000 in Kiritimati. */
static char *
format_local (GDateTime  *instant,
              const char *zone,
              const char *format)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) local = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (instant, tz);
  return local != NULL ? g_date_time_format (local, format) : NULL;
}

/* Every zone the answer is shown in can hold the instant; otherwise a
 * message on stderr, rather than "(null)". */
static gboolean
check_showable (ConveneTimeExpr *expr,
                GArray          *targets)
{
  for (guint i = 0; i <= targets->len; i++)
    {
      const char *zone = i < targets->len ? g_array_index (targets, Target, i).zone : expr->timezone;
      g_autofree char *local = format_local (expr->start, zone, "%Y");
      g_autofree char *start = NULL;

      if (local != NULL)
        continue;
      start = g_date_time_format (expr->start, "%Y-%m-%dT%H:%M:%SZ");
      g_printerr (_("convene-cli when: %s cannot be shown in %s: there it is past the year 9999\n"),
                  start, zone);
      return FALSE;
    }
  return TRUE;
}

/* The shape DESIGN.md and scripts expect: one line, ", " and ": " between
 * items, keys in the order they were added. */
static void
append_json (GString  *out,
             JsonNode *node)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonArray *array;
  g_autofree char *scalar = NULL;
  gboolean first = TRUE;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      g_string_append_c (out, '{');
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_autoptr(JsonNode) key = json_node_init_string (json_node_alloc (), name);
          g_autofree char *quoted = json_to_string (key, FALSE);

          g_string_append_printf (out, "%s%s: ", first ? "" : ", ", quoted);
          append_json (out, member);
          first = FALSE;
        }
      g_string_append_c (out, '}');
      break;

    case JSON_NODE_ARRAY:
      array = json_node_get_array (node);
      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_json (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
      break;

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      scalar = json_to_string (node, FALSE);
      g_string_append (out, scalar);
      break;
    }
}

static void
print_json (ConveneTimeExpr *expr,
            GArray          *targets)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *start = g_date_time_format (expr->start, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *end = expr->end != NULL ? g_date_time_format (expr->end, "%Y-%m-%dT%H:%M:%SZ")
                                           : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, start);
  json_builder_set_member_name (builder, "end");
  if (end != NULL)
    json_builder_add_string_value (builder, end);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "timezone");
  json_builder_add_string_value (builder, expr->timezone);

  json_builder_set_member_name (builder, "times");
  json_builder_begin_array (builder);
  for (guint i = 0; i < targets->len; i++)
    {
      Target *target = &g_array_index (targets, Target, i);
      g_autofree char *local = format_local (expr->start, target->zone, "%Y-%m-%dT%H:%M:%S%:z");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "zone");
      json_builder_add_string_value (builder, target->zone);
      json_builder_set_member_name (builder, "local");
      json_builder_add_string_value (builder, local);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < expr->warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (expr->warnings, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  append_json (out, root);
  g_print ("%s\n", out->str);
}

static void
print_text (ConveneTimeExpr *expr,
            GArray          *targets)
{
  g_autofree char *start = g_date_time_format (expr->start, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *there = format_local (expr->start, expr->timezone, "%A %-d %B %Y, %H:%M %Z");

  g_print ("%s %s\n", _("Start:"), start);
  if (expr->end != NULL)
    {
      g_autofree char *end = g_date_time_format (expr->end, "%Y-%m-%dT%H:%M:%SZ");

      g_print ("%s %s\n", _("End:"), end);
    }
  /* TRANSLATORS: the zone the time was fixed in, then the time there */
  g_print (_("Zone: %s (%s)\n"), expr->timezone, there);
  if (expr->rrule != NULL)
    g_print ("%s %s\n", _("Repeats:"), expr->rrule);
  if (expr->languages != NULL)
    {
      g_autofree char *languages = g_strjoinv (", ", expr->languages);

      g_print ("%s %s\n", _("Languages:"), languages);
    }
  for (guint i = 0; i < targets->len; i++)
    {
      Target *target = &g_array_index (targets, Target, i);
      g_autofree char *local = format_local (expr->start, target->zone, "%A %-d %B %Y, %H:%M %Z");

      g_print ("%s: %s\n", target->zone, local);
    }
  for (guint i = 0; i < expr->warnings->len; i++)
    g_printerr (_("warning: %s\n"), (const char *) g_ptr_array_index (expr->warnings, i));
}

static gboolean
parse_reference (const char *text,
                 GDate      *date)
{
  if (!convene_date_is_valid (text))
    return FALSE;
  g_date_set_dmy (date, atoi (text + 8), atoi (text + 5), atoi (text));
  return TRUE;
}

/* --date, or today where the user is. */
static gboolean
reference_day (const char *date_text,
               const char *zone,
               GDate      *reference)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_date_clear (reference, 1);
  if (date_text != NULL)
    return parse_reference (date_text, reference);

  tz = g_time_zone_new_identifier (zone);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  now = convene_now_in (tz);
  g_date_set_dmy (reference, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return TRUE;
}

/* An instant, or a message on stderr saying why there is none. */
static gboolean
check_resolved (ConveneTimeExpr *expr,
                const char      *text)
{
  if (expr->unknown_zone != NULL)
    {
      g_printerr (_("convene-cli when: unknown time zone or city “%s” in “%s”\n"),
                  expr->unknown_zone, text);
      return FALSE;
    }
  if (expr->start != NULL)
    return TRUE;

  for (guint i = 0; i < expr->warnings->len; i++)
    g_printerr (_("warning: %s\n"), (const char *) g_ptr_array_index (expr->warnings, i));
  if (expr->has_time)
    g_printerr (_("convene-cli when: no day to put the time of “%s” on\n"), text);
  else
    g_printerr (_("convene-cli when: “%s” gives no time of day\n"), text);
  return FALSE;
}

/* "--in London --in Nairobi" or "--in London,Nairobi" */
static gboolean
resolve_targets (char   **names,
                 GArray  *targets)
{
  for (char **name = names; name != NULL && *name != NULL; name++)
    {
      g_auto(GStrv) parts = g_strsplit (*name, ",", -1);

      for (char **part = parts; *part != NULL; part++)
        {
          Target target;

          if (*g_strstrip (*part) == '\0')
            continue;
          target.name = g_strdup (*part);
          target.zone = convene_zone_lookup (*part, NULL);
          if (target.zone == NULL)
            {
              g_printerr (_("convene-cli when: unknown time zone or city “%s”\n"), *part);
              g_free (target.name);
              return FALSE;
            }
          g_array_append_val (targets, target);
        }
    }
  return TRUE;
}

/* Long because it is the whole command: options, the reference day, the
 * expression, then its zones; each step reads in order. */
int
convene_cli_when (int    argc,
                  char **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *zone_text = NULL;
  g_auto(GStrv) in_zones = NULL;
  gboolean json = FALSE, day_first = FALSE;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the meeting when the expression names none (default: today)"), N_("YYYY-MM-DD") },
    { "zone", 0, 0, G_OPTION_ARG_STRING, &zone_text,
      N_("Read a time that names no zone in this zone or city (default: your own)"), N_("ZONE") },
    { "in", 0, 0, G_OPTION_ARG_STRING_ARRAY, &in_zones,
      N_("Also show the time in this zone or city (repeatable)"), N_("ZONE") },
    { "day-first", 0, 0, G_OPTION_ARG_NONE, &day_first,
      N_("Read 11/07/2019 as 11 July"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("EXPRESSION…"));
  g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (Target));
  g_autoptr(ConveneTimeExpr) expr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *zone = NULL;
  GDate reference;
  int status;

  g_array_set_clear_func (targets, target_clear);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Resolves a meeting time as people write it (“Tuesday 23rd at 7pm London "
                                  "time (2pm ET)”) to a UTC instant, and shows it in other zones.  Put "
                                  "“--” before an expression that starts with a dash."));
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;

  if (argc < 2)
    {
      g_printerr (_("convene-cli when: no expression given\n"));
      return CONVENE_CLI_USAGE;
    }

  if (zone_text != NULL)
    {
      zone = convene_zone_lookup (zone_text, NULL);
      if (zone == NULL)
        {
          g_printerr (_("convene-cli when: unknown time zone or city “%s”\n"), zone_text);
          return CONVENE_CLI_BAD_INPUT;
        }
    }
  else
    zone = local_zone ();
  if (!reference_day (date_text, zone, &reference))
    {
      g_printerr (_("convene-cli when: “%s” is not a date; write YYYY-MM-DD\n"), date_text);
      return CONVENE_CLI_USAGE;
    }

  if (!resolve_targets (in_zones, targets))
    return CONVENE_CLI_BAD_INPUT;

  text = g_strjoinv (" ", argv + 1);
  expr = convene_time_expr_parse (text, &reference, zone,
                                  day_first ? CONVENE_TIME_EXPR_DAY_FIRST : CONVENE_TIME_EXPR_DEFAULT,
                                  &error);
  if (expr == NULL)
    {
      g_printerr ("convene-cli when: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  if (!check_resolved (expr, text) || !check_showable (expr, targets))
    return CONVENE_CLI_BAD_INPUT;

  if (json)
    print_json (expr, targets);
  else
    print_text (expr, targets);
  return CONVENE_CLI_OK;
}
