/* convene-announce.c: the invitation to a session, as a coordinator sends it
 * to the group's list: topic, lead, date, the time in the organiser's zone
 * and in the plan's zones, and the link to join.
 *
 * The text is in the language asked for, whatever the language of the
 * desktop.  Every message goes through convene_i18n_pgettext() with that
 * language, which reads Convene's catalogue itself (convene-i18n.c says why
 * gettext with a switched locale would not do).  For the same reason the
 * weekday and month names are Convene's own messages: the C library's need
 * the language's locale to be installed, and the coordinator writing to
 * Spanish-speaking members often has only an English one.
 * g_date_time_format() writes the rest (day, hour, minutes).
 */
#include "config.h"

#include "export/convene-announce.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "i18n/convene-language-names.h"
#include "time/convene-place-names.h"
#include "model/convene-plan.h"
#include "model/convene-values.h"

/* In the language being written; xgettext finds the message in N_(). */
#define TR(msgid) convene_i18n_pgettext (NULL, language, NULL, (msgid))

/* In the order of g_date_time_get_day_of_week (): Monday is 1. */
static const char *weekdays[] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

static const char *months[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"), NC_("month", "July"),
  NC_("month", "August"), NC_("month", "September"), NC_("month", "October"),
  NC_("month", "November"), NC_("month", "December"),
};

static const char *
weekday_name (GDateTime  *when,
              const char *language)
{
  return convene_i18n_pgettext (NULL, language, "weekday",
                                weekdays[g_date_time_get_day_of_week (when) - 1]);
}

/* g_date_time_format () with %A and %B taken from the catalogue. */
static char *
format_date (GDateTime  *when,
             const char *format,
             const char *language)
{
  g_autoptr(GString) pattern = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      if (*p == '%' && (p[1] == 'A' || p[1] == 'B'))
        {
          const char *name = p[1] == 'A'
            ? weekday_name (when, language)
            : convene_i18n_pgettext (NULL, language, "month", months[g_date_time_get_month (when) - 1]);

          for (const char *n = name; *n != '\0'; n++)
            {
              if (*n == '%')
                g_string_append_c (pattern, '%');
              g_string_append_c (pattern, *n);
            }
          p++;
        }
      else if (*p == '%' && p[1] != '\0')
        {
          g_string_append_c (pattern, *p++);
          g_string_append_c (pattern, *p);
        }
      else
        g_string_append_c (pattern, *p);
    }
  return g_date_time_format (when, pattern->str);
}

/* The language to write in when none is named: the user's, if Convene
 * has a catalogue for it, else English. */
static char *
resolve_language (const char *language)
{
  const char *messages;
  const char * const *names;

  if (language != NULL)
    return convene_i18n_normalize (language);

  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    return g_strdup ("en");
  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL && !g_str_equal (names[i], "C"); i++)
    if (convene_i18n_is_available (names[i]))
      return convene_i18n_normalize (names[i]);
  return g_strdup ("en");
}

static gboolean
same_language (const char *a,
               const char *b)
{
  g_autofree char *na = convene_i18n_normalize (a);
  g_autofree char *nb = convene_i18n_normalize (b);

  if (na == NULL || nb == NULL)
    return FALSE;
  return strncmp (na, nb, MAX (strcspn (na, "_"), strcspn (nb, "_"))) == 0;
}

/* The zones the time is given in: the organiser's, the plan's own, then
 * the plan's extra zones, each once. */
static GPtrArray *
collect_zones (ConveneSession *session,
               ConvenePlan    *plan)
{
  GPtrArray *zones = g_ptr_array_new ();
  const char * const *extra = convene_plan_get_extra_timezones (plan);
  const char *candidates[2] = { convene_session_get_timezone (session), convene_plan_get_timezone (plan) };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && !g_ptr_array_find_with_equal_func (zones, candidates[i], g_str_equal, NULL))
      g_ptr_array_add (zones, (gpointer) candidates[i]);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (zones, extra[i], g_str_equal, NULL))
      g_ptr_array_add (zones, (gpointer) extra[i]);
  return zones;
}

/* The start as the organiser's clock shows it. */
static GDateTime *
organiser_time (ConveneSession *session)
{
  g_autoptr(GTimeZone) home = convene_timezone_new (convene_session_get_timezone (session));

  if (home == NULL)
    home = g_time_zone_new_utc ();
  return g_date_time_to_timezone (convene_session_get_start (session), home);
}

/* "Tuesday, 23 February · 19:00 London · 14:00 New York · 22:00 Nairobi" */
static char *
describe_instant (ConveneSession *session,
                  ConvenePlan    *plan,
                  const char     *language)
{
  g_autoptr(GDateTime) there = organiser_time (session);
  g_autoptr(GPtrArray) zones = collect_zones (session, plan);
  g_autoptr(GString) text = NULL;
  g_autofree char *date = NULL;

  /* Translators: the date of a session in an invitation, in the notation
   * of g_date_time_format(): %A is the weekday, %B the month, %-d the day */
  date = format_date (there, TR (N_("%A, %-d %B")), language);
  text = g_string_new (date);

  for (guint i = 0; i < zones->len; i++)
    {
      g_autoptr(GTimeZone) tz = convene_timezone_new (g_ptr_array_index (zones, i));
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *clock = NULL;
      g_autofree char *place = NULL;

      if (tz == NULL)
        continue;
      local = g_date_time_to_timezone (convene_session_get_start (session), tz);
      /* Translators: a time of day, in the notation of g_date_time_format() */
      clock = format_date (local, TR (N_("%H:%M")), language);
      place = convene_place_names_lookup (g_ptr_array_index (zones, i), language);
      g_string_append (text, " · ");
      if (g_date_time_get_day_of_year (local) != g_date_time_get_day_of_year (there))
        g_string_append_printf (text,
                                convene_i18n_pgettext (NULL, language, "time, place, other day",
                                                       /* Translators: a time, the place whose
                                                        * zone it is in, and the weekday when that
                                                        * is another day there: "04:00 Tokyo
                                                        * (Wednesday)" */
                                                       NC_("time, place, other day", "%1$s %2$s (%3$s)")),
                                clock, place, weekday_name (local, language));
      else
        g_string_append_printf (text,
                                convene_i18n_pgettext (NULL, language, "time, place",
                                                       /* Translators: a time and the place whose
                                                        * zone it is in: "19:00 London" */
                                                       NC_("time, place", "%1$s %2$s")),
                                clock, place);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the "When" line says: an instant, a month, or that it is not fixed. */
static char *
describe_when (ConveneSession *session,
               ConvenePlan    *plan,
               const char     *language)
{
  switch (convene_session_get_timing (session))
    {
    case CONVENE_SESSION_TIMING_INSTANT:
      return describe_instant (session, plan, language);

    case CONVENE_SESSION_TIMING_MONTH:
      {
        const char *month = convene_session_get_month (session);
        g_autoptr(GDateTime) first = g_date_time_new_utc (atoi (month), atoi (month + 5), 1, 0, 0, 0);
        /* Translators: a month and its year, in the notation of
         * g_date_time_format(): %B is the month */
        g_autofree char *name = format_date (first, TR (N_("%B %Y")), language);

        /* Translators: a session whose month is known but not its day */
        return g_strdup_printf (TR (N_("%s (the date is to be confirmed)")), name);
      }

    case CONVENE_SESSION_TIMING_TBC:
    default:
      return g_strdup (TR (N_("to be confirmed")));
    }
}

/* "1 h", "90 min", "1 h 30 min": unit symbols, which need no plural. */
static char *
describe_duration (int         minutes,
                   const char *language)
{
  if (minutes % 60 == 0)
    /* Translators: a length in hours, with the symbol of the hour */
    return g_strdup_printf (TR (N_("%d h")), minutes / 60);
  if (minutes < 60)
    /* Translators: a length in minutes, with the symbol of the minute */
    return g_strdup_printf (TR (N_("%d min")), minutes);
  /* Translators: a length in hours and minutes, as in "1 h 30 min" */
  return g_strdup_printf (TR (N_("%d h %d min")), minutes / 60, minutes % 60);
}

/* Only the plain repetitions are worth a line; any other rule is left to
 * the calendar the invitation links to. */
static const char *
describe_recurrence (const char *rule,
                     const char *language)
{
  g_auto(GStrv) parts = NULL;
  const char *frequency = NULL;

  if (rule == NULL)
    return NULL;
  parts = g_strsplit (rule, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "FREQ="))
        frequency = parts[i] + strlen ("FREQ=");
      else if (g_str_has_prefix (parts[i], "INTERVAL=") && !g_str_equal (parts[i], "INTERVAL=1"))
        return NULL;
    }
  if (frequency == NULL)
    return NULL;
  if (g_str_equal (frequency, "DAILY"))
    return TR (N_("Every day"));
  if (g_str_equal (frequency, "WEEKLY"))
    return TR (N_("Every week"));
  if (g_str_equal (frequency, "MONTHLY"))
    return TR (N_("Every month"));
  if (g_str_equal (frequency, "YEARLY"))
    return TR (N_("Every year"));
  return NULL;
}

static const char *
describe_status (ConveneSessionStatus  status,
                 const char           *language)
{
  switch (status)
    {
    case CONVENE_SESSION_STATUS_CANCELLED:
      return TR (N_("This session is cancelled."));
    case CONVENE_SESSION_STATUS_NO_MEETING:
      return TR (N_("There is no meeting this month."));
    case CONVENE_SESSION_STATUS_TENTATIVE:
      return TR (N_("The date is not final yet."));
    case CONVENE_SESSION_STATUS_SCHEDULED:
    case CONVENE_SESSION_STATUS_HELD:
    default:
      return NULL;
    }
}

/* "When: …", "Led by: …": one line of label and value. */
static void
append_field (GString    *text,
              const char *format,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (text, format, value);
  g_string_append_c (text, '\n');
}

/**
 * convene_announcement_text:
 * @language: (nullable): "en", "es"...; %NULL for the user's language
 *
 * Returns: (transfer full): the invitation to @session, ready to paste into
 *   an email; %NULL with @error set when the session's plan cannot be read
 *   or Convene has no translation into @language
 *
 * Long because the invitation is written in the order an email reads:
 * subject, topic, status, when, lead and speakers, language, the link;
 * each part is a line or two.
 */
char *
convene_announcement_text (ConveneStore    *store,
                           ConveneSession  *session,
                           const char      *language,
                           GError         **error)
{
  g_autoptr(ConvenePlan) plan = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *when = NULL;
  g_autofree char *short_when = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *speakers = NULL;
  g_autofree char *spoken = NULL;
  const char *group;
  const char *location;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (language != NULL && !convene_i18n_is_available (language))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("There is no translation of Convene into “%s”"), language);
      return NULL;
    }
  plan = convene_store_load (store, CONVENE_TYPE_PLAN, convene_session_get_plan (session), error);
  if (plan == NULL)
    return NULL;
  lang = resolve_language (language);
  language = lang;

  when = describe_when (session, plan, language);
  if (convene_session_get_timing (session) == CONVENE_SESSION_TIMING_INSTANT)
    {
      g_autoptr(GDateTime) there = organiser_time (session);

      short_when = format_date (there, TR (N_("%A, %-d %B")), language);
      if (convene_session_get_duration_minutes (session) > 0)
        duration = describe_duration (convene_session_get_duration_minutes (session), language);
    }
  else
    short_when = g_strdup (when);

  text = g_string_new (NULL);
  group = convene_plan_get_group (plan) != NULL ? convene_plan_get_group (plan)
                                                : convene_plan_get_title (plan);
  {
    /* Translators: an invitation's subject line: the group, the topic of
     * the session and its date */
    g_autofree char *subject = g_strdup_printf (TR (N_("%1$s: %2$s — %3$s")), group,
                                                convene_session_get_topic (session), short_when);

    /* Translators: the first line of an invitation, ready for an email */
    append_field (text, TR (N_("Subject: %s")), subject);
  }
  g_string_append_c (text, '\n');
  append_field (text, "%s", convene_session_get_topic (session));
  append_field (text, "%s", convene_session_get_description (session));
  g_string_append_c (text, '\n');

  append_field (text, "%s", describe_status (convene_session_get_status (session), language));
  append_field (text, TR (N_("When: %s")), when);
  append_field (text, TR (N_("Repeats: %s")),
                describe_recurrence (convene_session_get_recurrence (session), language));
  append_field (text, TR (N_("Duration: %s")), duration);
  /* Translators: the person who leads the session */
  append_field (text, TR (N_("Led by: %s")), convene_session_get_lead (session));
  if (convene_session_get_speakers (session) != NULL)
    /* Translators: the separator between names in a list, as in "Paul, Flor" */
    speakers = g_strjoinv (TR (N_(", ")), (char **) convene_session_get_speakers (session));
  append_field (text, TR (N_("Speakers: %s")), speakers);
  /* Only worth saying when it is not the language of the invitation. */
  if (convene_session_get_language (session) != NULL &&
      !same_language (convene_session_get_language (session), language))
    spoken = convene_language_names_lookup (convene_session_get_language (session), language);
  /* Translators: the language the session is held in */
  append_field (text, TR (N_("Language: %s")), spoken);

  location = convene_session_get_location (session);
  if (location != NULL && convene_url_is_valid (location))
    /* Translators: the link to the video call */
    append_field (text, TR (N_("Join: %s")), location);
  else
    /* Translators: where the session takes place */
    append_field (text, TR (N_("Where: %s")), location);

  g_string_append_c (text, '\n');
  if (convene_plan_get_group (plan) != NULL)
    g_string_append_printf (text, "%s · %s\n", convene_plan_get_group (plan), convene_plan_get_title (plan));
  else
    g_string_append_printf (text, "%s\n", convene_plan_get_title (plan));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
