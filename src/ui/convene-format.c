/* convene-format.c: sessions, months and the model's enumerations as words
 * people read; the clock and times across zones are core's (time/).  Every format string is translatable, so that Spanish
 * gets "martes, 23 de febrero" where English gets "Tuesday 23 February". */
#include "config.h"

#include "ui/convene-format.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "model/convene-enum-labels.h"
#include "i18n/convene-language-names.h"
#include "model/convene-values.h"

/* The start in the organiser's zone, the user's zone and the plan's extra
 * zones: "19:00 London · 13:00 Mexico City · 14:00 New York · 22:00 Nairobi";
 * %NULL without a start. */
char *
convene_format_session_times (ConveneSession     *session,
                              const char * const *extra_zones,
                              gboolean            markup)
{
  return convene_format_in_zones (convene_session_get_start (session),
                                  convene_session_get_timezone (session),
                                  extra_zones, markup);
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
