/* convene-format.c: times across zones, months, and the model's enumerations
 * as words people read.  Every format string is translatable, so that Spanish
 * gets "martes, 23 de febrero" where English gets "Tuesday 23 February". */
#include "config.h"

#include "ui/convene-format.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "model/convene-enum-labels.h"
#include "i18n/convene-language-names.h"
#include "time/convene-place-names.h"
#include "model/convene-values.h"

static GTimeZone *local_zone;

/**
 * convene_now:
 *
 * The current instant.  `CONVENE_NOW` (an RFC 3339 instant) pins it, so that
 * tests and screenshots of a 2021 plan see what a member saw in 2021.
 *
 * Returns: (transfer full): now, in UTC
 */
GDateTime *
convene_now (void)
{
  const char *pinned = g_getenv ("CONVENE_NOW");

  if (pinned != NULL && *pinned != '\0')
    {
      GDateTime *dt = convene_instant_parse (pinned);

      if (dt != NULL)
        return dt;
    }
  return g_date_time_new_now_utc ();
}

/* The user's own zone, from TZ or the system. */
GTimeZone *
convene_local_zone (void)
{
  if (local_zone == NULL)
    local_zone = g_time_zone_new_local ();
  return local_zone;
}

/* The IANA name of the user's zone, or NULL when the system does not say. */
const char *
convene_local_zone_id (void)
{
  const char *id = g_time_zone_get_identifier (convene_local_zone ());

  if (id == NULL || *id == '\0' || *id == '/' || *id == ':' || g_str_equal (id, "Local"))
    return NULL;
  return id;
}

/* Tests change TZ between cases. */
void
convene_format_reset_local_zone (void)
{
  g_clear_pointer (&local_zone, g_time_zone_unref);
}

/**
 * convene_zone_label:
 * @zone: an IANA name, "UTC" or a fixed offset ("-06:00")
 *
 * Returns: (transfer full): "London" ("Londres" in Spanish), "UTC", "UTC−6"
 */
char *
convene_zone_label (const char *zone)
{
  char *label = convene_place_names_lookup (zone, NULL);

  return label != NULL ? label : g_strdup (_("your time"));
}

/* "19:00" */
char *
convene_format_clock (GDateTime *instant)
{
  /* Translators: the time of day of a meeting, as in "19:00"; see
   * g_date_time_format() for the codes (%I:%M %p gives "7:00 PM"). */
  return g_date_time_format (instant, _("%H:%M"));
}

static int
day_difference (GDateTime *a,
                GDateTime *b)
{
  int ya, ma, da, yb, mb, db;
  g_autoptr(GDate) ga = NULL;
  g_autoptr(GDate) gb = NULL;

  g_date_time_get_ymd (a, &ya, &ma, &da);
  g_date_time_get_ymd (b, &yb, &mb, &db);
  ga = g_date_new_dmy (da, ma, ya);
  gb = g_date_new_dmy (db, mb, yb);
  return g_date_days_between (ga, gb);
}

static void
append_zone_time (GString    *out,
                  GDateTime  *start,
                  GDateTime  *organiser_time,
                  const char *zone,
                  gboolean    is_local,
                  gboolean    markup)
{
  g_autoptr(GTimeZone) tz = is_local ? g_time_zone_ref (convene_local_zone ())
                                     : convene_timezone_new (zone);
  g_autoptr(GDateTime) there = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  int shift;

  if (tz == NULL)
    return;
  there = g_date_time_to_timezone (start, tz);
  clock = convene_format_clock (there);
  label = convene_zone_label (zone);
  shift = day_difference (organiser_time, there);

  if (out->len > 0)
    g_string_append (out, " · ");
  if (shift != 0)
    /* Translators: a time in another zone that falls on another day,
     * as in "04:00 Tokyo (+1)": clock, place, days later or earlier. */
    text = g_strdup_printf (_("%s %s (%+d)"), clock, label, shift);
  else
    /* Translators: a time and the place it is in, as in "19:00 London". */
    text = g_strdup_printf (_("%s %s"), clock, label);

  if (markup && is_local)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_string_append_printf (out, "<b>%s</b>", escaped);
    }
  else if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_string_append (out, escaped);
    }
  else
    g_string_append (out, text);
}

static gboolean
zone_seen (GPtrArray  *seen,
           const char *zone)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_strcmp0 (g_ptr_array_index (seen, i), zone) == 0)
      return TRUE;
  g_ptr_array_add (seen, (gpointer) zone);
  return FALSE;
}

/**
 * convene_format_session_times:
 * @session: a session with a start
 * @extra_zones: (nullable): the plan's extra zones
 * @markup: whether to return Pango markup (the user's own time in bold)
 *
 * The start in the organiser's zone, the user's zone and the plan's extra
 * zones: "19:00 London · 13:00 Mexico City · 14:00 New York · 22:00 Nairobi".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL without a start
 */
char *
convene_format_session_times (ConveneSession     *session,
                              const char * const *extra_zones,
                              gboolean            markup)
{
  GDateTime *start = convene_session_get_start (session);
  const char *zone = convene_session_get_timezone (session);
  const char *local = convene_local_zone_id ();
  g_autoptr(GTimeZone) organiser_tz = NULL;
  g_autoptr(GDateTime) organiser_time = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GString *out;

  if (start == NULL)
    return NULL;
  if (zone == NULL || (organiser_tz = convene_timezone_new (zone)) == NULL)
    {
      zone = "UTC";
      organiser_tz = g_time_zone_new_utc ();
    }
  organiser_time = g_date_time_to_timezone (start, organiser_tz);

  out = g_string_new (NULL);
  append_zone_time (out, start, organiser_time, zone, g_strcmp0 (zone, local) == 0, markup);
  zone_seen (seen, zone);
  if (!zone_seen (seen, local))
    append_zone_time (out, start, organiser_time, local, TRUE, markup);
  for (guint i = 0; extra_zones != NULL && extra_zones[i] != NULL; i++)
    if (!zone_seen (seen, extra_zones[i]))
      append_zone_time (out, start, organiser_time, extra_zones[i],
                        g_strcmp0 (extra_zones[i], local) == 0, markup);

  return g_string_free (out, FALSE);
}

/* "Tuesday 23 February 2021", "February 2021" or "To be confirmed". */
char *
convene_format_session_date (ConveneSession *session)
{
  switch (convene_session_get_timing (session))
    {
    case CONVENE_SESSION_TIMING_INSTANT:
      {
        g_autoptr(GTimeZone) tz = convene_timezone_new (convene_session_get_timezone (session));
        g_autoptr(GDateTime) there =
          g_date_time_to_timezone (convene_session_get_start (session),
                                   tz != NULL ? tz : convene_local_zone ());

        /* Translators: a meeting's day; see g_date_time_format() */
        return g_date_time_format (there, _("%A %-d %B %Y"));
      }
    case CONVENE_SESSION_TIMING_MONTH:
      return convene_format_month (convene_session_get_month (session));
    case CONVENE_SESSION_TIMING_TBC:
    default:
      return g_strdup (_("To be confirmed"));
    }
}

/* "Tuesday 23 February, 19:00 London · 20:00 your time" */
char *
convene_format_next (ConveneSession     *session,
                     const char * const *extra_zones)
{
  GDateTime *start = convene_session_get_start (session);
  const char *zone = convene_session_get_timezone (session);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) there = NULL;
  g_autoptr(GDateTime) here = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *label = NULL;
  g_autofree char *local_clock = NULL;

  if (start == NULL)
    {
      g_autofree char *when = convene_format_session_date (session);
      /* Translators: the coming session has only a month or no date yet */
      return g_strdup_printf (_("Next: %s"), when);
    }

  tz = convene_timezone_new (zone);
  if (tz == NULL)
    {
      tz = g_time_zone_new_utc ();
      zone = "UTC";
    }
  there = g_date_time_to_timezone (start, tz);
  here = g_date_time_to_timezone (start, convene_local_zone ());
  /* Translators: the day of the coming session; see g_date_time_format() */
  day = g_date_time_format (there, _("%A %-d %B"));
  clock = convene_format_clock (there);
  label = convene_zone_label (zone);
  local_clock = convene_format_clock (here);

  if (g_strcmp0 (zone, convene_local_zone_id ()) == 0)
    /* Translators: "Next: Tuesday 23 February, 19:00 London" */
    return g_strdup_printf (_("Next: %s, %s %s"), day, clock, label);

  /* Translators: "Next: Tuesday 23 February, 19:00 London · 20:00 your time" */
  return g_strdup_printf (_("Next: %s, %s %s · %s your time"), day, clock, label, local_clock);
}

/* "February 2021" from "2021-02" */
char *
convene_format_month (const char *month)
{
  if (!convene_month_is_valid (month))
    return g_strdup (_("To be confirmed"));
  return convene_format_month_of (atoi (month), atoi (month + 5));
}

char *
convene_format_month_of (int year,
                         int month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  if (dt == NULL)
    return g_strdup ("");
  /* Translators: a month heading, "February 2021"; %OB is the month's name
   * on its own (nominative), see g_date_time_format() */
  return g_date_time_format (dt, C_("month heading", "%OB %Y"));
}

/**
 * convene_enum_label:
 * @enum_type: one of the model's enum types
 * @value: a value of it
 *
 * Returns: (transfer none): the translated label
 */
const char *
convene_enum_label (GType enum_type,
                    int   value)
{
  const char *label = convene_enum_labels_lookup (enum_type, value, NULL);

  return label != NULL ? label : "";
}

/**
 * convene_enum_label_model:
 * @enum_type: one of the model's enum types
 *
 * Returns: (transfer full): a #GtkStringList of the labels in value order,
 *   for combo rows and drop-downs
 */
GListModel *
convene_enum_label_model (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, convene_enum_label (enum_type, klass->values[i].value));
  return G_LIST_MODEL (list);
}

/* "es" → "Spanish" ("español" in Spanish), from iso-codes */
char *
convene_language_name (const char *code)
{
  char *name = convene_language_names_lookup (code, NULL);

  return name != NULL ? name : g_strdup (_("Unknown language"));
}

/* "Paul, Flor" */
char *
convene_join_strv (const char * const *strv)
{
  if (strv == NULL)
    return g_strdup ("");
  /* Translators: the separator between names in a list, as in "Paul, Flor" */
  return g_strjoinv (_(", "), (char **) strv);
}

/* "Paul, Flor ,, " → {"Paul", "Flor"} */
char **
convene_split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", ",;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);

      if (*item != '\0')
        g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

/* Whether a session's location is a join link rather than a place. */
gboolean
convene_is_link (const char *location)
{
  return location != NULL && convene_url_is_valid (location) &&
         !g_str_has_prefix (location, "mailto:");
}
