/* convene-markdown-export.c: a plan as the working group would write it.
 *
 * The shape of the seed documents: the group and the title, the summary,
 * numbered goals with bold titles (a goal's longer text under its own
 * heading, as seed 000 does), the specific actions as bullets, and a "|
 * Topic | Month | Date |" schedule whose date cell reads "Tuesday 23rd at
 * 7pm London time (2pm ET) <i>Paul leads</i>".  Every time written here is
 * read back by the document importer to the same instant, zone, length and
 * recurrence; when a phrase would not be, a plainer one is written.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "export/convene-markdown-export.h"
#include "export/convene-export-occurrences.h"
#include "text/convene-text-lines.h"
#include "text/convene-text-words.h"
#include "model/convene-plan.h"
#include "model/convene-goal.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"
#include "model/convene-values.h"
#include "time/convene-time-expr.h"
#include "time/convene-time-words.h"

/* Names that people in the seeds' groups use, tried before the city. */
static const struct {
  const char *zone;
  const char *name;
} zone_names[] = {
  { "Europe/London", "London time" },
  { "America/New_York", "ET" },
  { "America/Chicago", "CT" },
  { "America/Denver", "MT" },
  { "America/Los_Angeles", "PT" },
  { "Africa/Nairobi", "EAT" },
  { "Africa/Lagos", "WAT" },
  { "Africa/Johannesburg", "SAST" },
  { "UTC", "UTC" },
};

static gboolean
names_zone (const char *name,
            const char *zone)
{
  gboolean ambiguous = FALSE;
  g_autofree char *found = convene_zone_lookup (name, &ambiguous);

  return found != NULL && !ambiguous && g_str_equal (found, zone);
}

/* How a zone is written beside a time: "London time", "ET", "GMT-6",
 * "Mexico City time", always a name the time parser reads back. */
static char *
zone_label (const char *zone)
{
  g_autofree char *city = NULL;
  const char *slash;

  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    if (g_str_equal (zone, zone_names[i].zone))
      {
        g_autofree char *bare = g_strdup (zone_names[i].name);

        if (g_str_has_suffix (bare, " time"))
          bare[strlen (bare) - strlen (" time")] = '\0';
        if (names_zone (bare, zone))
          return g_strdup (zone_names[i].name);
      }
  if (zone[0] == '+' || zone[0] == '-')
    {
      int hours = atoi (zone + 1), minutes = atoi (zone + 4);
      g_autofree char *name = minutes != 0 ? g_strdup_printf ("GMT%c%d:%02d", zone[0], hours, minutes)
                                           : g_strdup_printf ("GMT%c%d", zone[0], hours);

      if (names_zone (name, zone))
        return g_steal_pointer (&name);
    }
  slash = strrchr (zone, '/');
  city = g_strdelimit (g_strdup (slash != NULL ? slash + 1 : zone), "_", ' ');
  if (names_zone (city, zone))
    return g_strdup_printf ("%s time", city);
  return g_strdup (zone);
}

/* "7pm", "7:30pm", "12pm" for noon. */
static void
append_clock (GString   *out,
              GDateTime *local)
{
  int hour = g_date_time_get_hour (local), minute = g_date_time_get_minute (local);
  int twelve = hour % 12 == 0 ? 12 : hour % 12;

  if (minute == 0)
    g_string_append_printf (out, "%d%s", twelve, hour < 12 ? "am" : "pm");
  else
    g_string_append_printf (out, "%d:%02d%s", twelve, minute, hour < 12 ? "am" : "pm");
}

static const char *
ordinal_suffix (int day)
{
  if (day % 100 >= 11 && day % 100 <= 13)
    return "th";
  switch (day % 10)
    {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

static GDateTime *
dup_local (GDateTime  *instant,
           const char *zone)
{
  g_autoptr(GTimeZone) tz = convene_timezone_new (zone);

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  return g_date_time_to_timezone (instant, tz);
}

static const char *
session_zone (ConveneSession *session,
              ConvenePlan    *plan)
{
  if (convene_session_get_timezone (session) != NULL)
    return convene_session_get_timezone (session);
  if (convene_plan_get_timezone (plan) != NULL)
    return convene_plan_get_timezone (plan);
  return "UTC";
}

/* "Tuesday 23rd", with the month when the day is not in the session's
 * month row, and the year when it is not the plan's. */
static void
append_day (GString        *out,
            GDateTime      *local,
            ConveneSession *session,
            ConvenePlan    *plan)
{
  g_autofree char *month = g_strdup_printf ("%04d-%02d", g_date_time_get_year (local), g_date_time_get_month (local));
  int day = g_date_time_get_day_of_month (local);

  g_string_append_printf (out, "%s %d%s",
                          convene_time_words_weekday_name (g_date_time_get_day_of_week (local)),
                          day, ordinal_suffix (day));
  if (g_strcmp0 (month, convene_session_get_month (session)) != 0 ||
      g_date_time_get_year (local) != convene_plan_get_year (plan))
    g_string_append_printf (out, " %s %d", convene_time_words_month_name (g_date_time_get_month (local)),
                            g_date_time_get_year (local));
}

/* The time in the session's zone, then in the plan's other zones:
 * "7pm London time (2pm ET, 10pm EAT)". */
static void
append_clocks (GString        *out,
               ConveneSession *session,
               ConvenePlan    *plan,
               gboolean        with_others)
{
  const char *zone = session_zone (session, plan);
  GDateTime *start = convene_session_get_start (session);
  g_autoptr(GDateTime) local = dup_local (start, zone);
  g_autofree char *label = zone_label (zone);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);
  const char * const *extra = convene_plan_get_extra_timezones (plan);

  append_clock (out, local);
  if (convene_session_get_duration_minutes (session) != 60)
    {
      g_autoptr(GDateTime) end = g_date_time_add_minutes (local, convene_session_get_duration_minutes (session));

      g_string_append (out, " - ");
      append_clock (out, end);
    }
  g_string_append_printf (out, " %s", label);

  if (!with_others)
    return;
  if (convene_plan_get_timezone (plan) != NULL)
    g_ptr_array_add (others, (gpointer) convene_plan_get_timezone (plan));
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (others, (gpointer) extra[i]);
  for (guint i = 0; i < others->len; i++)
    {
      const char *other = g_ptr_array_index (others, i);
      g_autoptr(GDateTime) there = NULL;
      g_autofree char *other_label = NULL;

      if (g_str_equal (other, zone) || !convene_timezone_is_valid (other))
        continue;
      there = dup_local (start, other);
      other_label = zone_label (other);
      g_string_append (list, list->len == 0 ? "" : ", ");
      append_clock (list, there);
      g_string_append_printf (list, " %s", other_label);
    }
  if (list->len > 0)
    g_string_append_printf (out, " (%s)", list->str);
}

/* Whether the importer reads @text back to @session's start, zone, length
 * and recurrence (@rrule, which may differ from the session's when the
 * text leaves it out). */
static gboolean
reads_back (const char     *text,
            ConveneSession *session,
            const char     *zone,
            const char     *rrule)
{
  g_autoptr(ConveneTimeExpr) expr = NULL;
  g_autoptr(GDateTime) local = dup_local (convene_session_get_start (session), zone);
  GDate reference;
  int minutes = 60;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, g_date_time_get_month (local), g_date_time_get_year (local));
  expr = convene_time_expr_parse (text, &reference, NULL, CONVENE_TIME_EXPR_DEFAULT, NULL);
  if (expr == NULL || expr->start == NULL || !expr->has_time ||
      !g_date_time_equal (expr->start, convene_session_get_start (session)) ||
      g_strcmp0 (expr->timezone, zone) != 0)
    return FALSE;
  if (expr->end != NULL)
    minutes = (int) (g_date_time_difference (expr->end, expr->start) / G_TIME_SPAN_MINUTE);
  return minutes == convene_session_get_duration_minutes (session) &&
         g_strcmp0 (expr->rrule, rrule) == 0;
}

static const char *
rrule_part (char       **parts,
            const char  *name)
{
  gsize n = strlen (name);

  for (guint i = 0; parts[i] != NULL; i++)
    if (strncmp (parts[i], name, n) == 0 && parts[i][n] == '=')
      return parts[i] + n + 1;
  return NULL;
}

/* "every other Monday", "every two weeks", "every month": the common
 * series in words, or NULL for anything else. */
static char *
recurrence_phrase (const char *rrule)
{
  static const char * const days[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  static const char * const counts[] = { NULL, NULL, "two", "three", "four" };
  g_auto(GStrv) parts = g_strsplit (rrule, ";", -1);
  const char *freq = rrule_part (parts, "FREQ");
  const char *interval = rrule_part (parts, "INTERVAL");
  const char *byday = rrule_part (parts, "BYDAY");
  int every = interval != NULL ? atoi (interval) : 1;
  guint known = 1 + (interval != NULL) + (byday != NULL);
  GDateWeekday day = G_DATE_BAD_WEEKDAY;

  if (freq == NULL || g_strv_length (parts) != known || every < 1 || every > 4)
    return NULL;
  for (guint i = 0; byday != NULL && i < G_N_ELEMENTS (days); i++)
    if (g_str_equal (byday, days[i]))
      day = (GDateWeekday) (i + 1);
  if (byday != NULL && (day == G_DATE_BAD_WEEKDAY || !g_str_equal (freq, "WEEKLY") || every > 2))
    return NULL;

  if (g_str_equal (freq, "WEEKLY") && day != G_DATE_BAD_WEEKDAY)
    return g_strdup_printf (every == 2 ? "every other %s" : "every %s",
                            convene_time_words_weekday_name (day));
  if (g_str_equal (freq, "WEEKLY"))
    return every == 1 ? g_strdup ("every week") : g_strdup_printf ("every %s weeks", counts[every]);
  if (g_str_equal (freq, "MONTHLY") && every == 1)
    return g_strdup ("every month");
  if (g_str_equal (freq, "DAILY") && every == 1)
    return g_strdup ("every day");
  return NULL;
}

/* "Tuesday 23rd at 7pm London time (2pm ET)"; should the parser read that
 * differently, the day in full and no other zones to disagree with. */
static char *
format_when (ConveneSession *session,
             ConvenePlan    *plan)
{
  const char *zone = session_zone (session, plan);
  g_autoptr(GDateTime) local = dup_local (convene_session_get_start (session), zone);
  g_autoptr(GString) out = g_string_new (NULL);

  append_day (out, local, session, plan);
  g_string_append (out, " at ");
  append_clocks (out, session, plan, TRUE);
  if (reads_back (out->str, session, zone, NULL))
    return g_string_free (g_steal_pointer (&out), FALSE);

  g_string_truncate (out, 0);
  g_string_append_printf (out, "%s %d %s %d at ",
                          convene_time_words_weekday_name (g_date_time_get_day_of_week (local)),
                          g_date_time_get_day_of_month (local),
                          convene_time_words_month_name (g_date_time_get_month (local)),
                          g_date_time_get_year (local));
  append_clocks (out, session, plan, FALSE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The date cell's time, with a series written the way people say it
 * ("every two weeks") when the importer reads that back, or as its RRULE. */
static char *
format_time (ConveneSession *session,
             ConvenePlan    *plan)
{
  const char *rrule = convene_session_get_recurrence (session);
  g_autofree char *when = format_when (session, plan);
  g_autofree char *phrase = NULL;
  g_autofree char *spoken = NULL;

  if (rrule == NULL)
    return g_steal_pointer (&when);
  phrase = recurrence_phrase (rrule);
  if (phrase != NULL)
    {
      spoken = g_strdup_printf ("%s, %s", when, phrase);
      if (reads_back (spoken, session, session_zone (session, plan), rrule))
        return g_steal_pointer (&spoken);
    }
  return g_strdup_printf ("%s, RRULE:%s", when, rrule);
}

/* A table cell: one line, its pipes escaped. */
static void
append_cell_text (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static void
append_topic_cell (GString        *out,
                   ConveneSession *session)
{
  const char *description = convene_session_get_description (session);

  append_cell_text (out, convene_session_get_topic (session));
  if (description != NULL && *description != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (description, "\n", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          {
            g_string_append (out, " - <i>");
            append_cell_text (out, parts[i]);
            g_string_append (out, "</i>");
          }
    }
}

static void
append_month_cell (GString        *out,
                   ConveneSession *session,
                   ConvenePlan    *plan)
{
  const char *month = convene_session_get_month (session);
  g_autofree char *derived = NULL;
  int year;

  if (month == NULL && convene_session_get_start (session) != NULL)
    {
      g_autoptr(GDateTime) local = dup_local (convene_session_get_start (session), session_zone (session, plan));

      month = derived = g_strdup_printf ("%04d-%02d", g_date_time_get_year (local), g_date_time_get_month (local));
    }
  if (month == NULL || !convene_month_is_valid (month))
    {
      g_string_append (out, "TBC");
      return;
    }
  year = atoi (month);
  g_string_append (out, convene_time_words_month_name (atoi (month + 5)));
  if (year != convene_plan_get_year (plan))
    g_string_append_printf (out, " %d", year);
}

static const char *
format_word (ConveneSessionFormat format)
{
  static const char * const words[] = {
    "Meeting", "Panel", "Open discussion", "Meetup", "Roundtable", "Fair", "Workshop", "Survey",
  };

  return format < G_N_ELEMENTS (words) ? words[format] : NULL;
}

static const char *
language_words (const char *code)
{
  static const struct { const char *code; const char *words; } languages[] = {
    { "es", "Spanish session" }, { "pt", "Portuguese session" }, { "fr", "French session" },
    { "en", "English session" },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (code, languages[i].code))
      return languages[i].words;
  return NULL;
}

static void
append_italic (GString    *out,
               const char *text)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  g_string_append (out, "<i>");
  append_cell_text (out, text);
  g_string_append (out, "</i>");
}

static void
append_people_and_place (GString        *cell,
                         ConveneSession *session)
{
  const char * const *speakers = convene_session_get_speakers (session);
  const char *location = convene_session_get_location (session);

  if (speakers != NULL && speakers[0] != NULL)
    {
      g_autofree char *names = g_strjoinv ("; ", (char **) speakers);
      g_autofree char *text = g_strdup_printf ("Speakers: %s", names);

      append_italic (cell, text);
    }
  if (location != NULL && *location != '\0')
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", convene_url_is_valid (location) ? "Join" : "Where",
                                               location);

      append_italic (cell, text);
    }
}

/* What the date cell says besides the time: status, format, language and
 * lead, each only where the importer would not assume it. */
static void
append_date_extras (GString        *cell,
                    ConveneSession *session,
                    gboolean        spanish)
{
  ConveneSessionFormat format = convene_session_get_format (session);
  const char *language = convene_session_get_language (session);
  g_autofree char *said = g_strjoin (" ", convene_session_get_topic (session), cell->str, NULL);
  const char *lead = convene_session_get_lead (session);
  const char *implied;

  if (convene_session_get_status (session) == CONVENE_SESSION_STATUS_CANCELLED)
    append_italic (cell, "Cancelled");
  else if (convene_session_get_status (session) == CONVENE_SESSION_STATUS_TENTATIVE &&
           convene_session_get_start (session) != NULL)
    append_italic (cell, "To be confirmed");
  if (format != CONVENE_SESSION_FORMAT_MEETING &&
      convene_text_find_format (said, CONVENE_SESSION_FORMAT_MEETING) != format)
    append_italic (cell, format_word (format));
  implied = convene_text_find_language (said);
  if (implied == NULL)
    implied = spanish ? "es" : "en";
  if (language != NULL && !g_str_equal (language, implied) && language_words (language) != NULL)
    append_italic (cell, language_words (language));
  if (lead != NULL && *lead != '\0')
    {
      g_autofree char *leads = g_strdup_printf ("%s leads", lead);

      append_italic (cell, leads);
    }
  append_people_and_place (cell, session);
}

static void
append_date_cell (GString        *out,
                  ConveneSession *session,
                  ConvenePlan    *plan,
                  gboolean        spanish)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *notes = convene_session_get_notes (session);

  gboolean undated = FALSE;

  if (convene_session_get_status (session) == CONVENE_SESSION_STATUS_NO_MEETING)
    append_italic (cell, "No meeting");
  else if (convene_session_get_start (session) != NULL)
    {
      g_autofree char *when = format_time (session, plan);

      append_cell_text (cell, when);
    }
  else
    undated = TRUE;
  /* A session without a time has its notes where the time would be, as
   * seed 000 does; otherwise they are labelled. */
  if (notes != NULL && *notes != '\0')
    {
      g_autofree char *labelled = g_strdup_printf ("Notes: %s", notes);

      append_italic (cell, undated ? notes : labelled);
    }
  append_date_extras (cell, session, spanish);
  g_string_append_printf (out, "%s", cell->str);
}

static void
append_row (GString        *out,
            ConveneSession *session,
            ConvenePlan    *plan,
            gboolean        spanish,
            const char     *marker)
{
  g_string_append (out, "| ");
  append_topic_cell (out, session);
  g_string_append (out, " | ");
  append_month_cell (out, session, plan);
  g_string_append (out, " | ");
  append_date_cell (out, session, plan, spanish);
  if (marker != NULL)
    g_string_append_printf (out, " <i>%s</i>", marker);
  g_string_append (out, " |\n");
}

/* The row of the series itself says its first meeting: a meeting the same
 * as that one needs no row of its own. */
static gboolean
is_series_row (ConveneSession                *series,
               const ConveneExportOccurrence *o)
{
  gint64 first = g_date_time_to_unix (convene_session_get_start (series));

  return o->occurrence == first && o->start == first && o->duration_minutes == 0 &&
         o->status == convene_session_get_status (series) &&
         g_strcmp0 (o->topic, convene_session_get_topic (series)) == 0 &&
         g_strcmp0 (o->lead, convene_session_get_lead (series)) == 0;
}

/* The marker of a meeting of @series; one the rule does not give says
 * "added", and a moved one names the day and time it was moved from, on
 * the series' clock ("Tuesday 1 April 2025 at 7pm"), which the importer
 * reads back to find the meeting it replaces. */
static char *
meeting_marker (ConveneSession                *series,
                ConvenePlan                   *plan,
                const ConveneExportOccurrence *o)
{
  g_autoptr(GDateTime) occurrence = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GString) out = g_string_new (CONVENE_TEXT_SERIES_MEETING);

  if (o->added)
    g_string_append (out, ", " CONVENE_TEXT_SERIES_ADDED);
  if (o->start == o->occurrence)
    return g_string_free (g_steal_pointer (&out), FALSE);
  occurrence = g_date_time_new_from_unix_utc (o->occurrence);
  local = dup_local (occurrence, session_zone (series, plan));
  g_string_append (out, ", " CONVENE_TEXT_SERIES_MOVED_FROM " ");
  g_string_append_printf (out, "%s %d %s %d at ",
                          convene_time_words_weekday_name (g_date_time_get_day_of_week (local)),
                          g_date_time_get_day_of_month (local),
                          convene_time_words_month_name (g_date_time_get_month (local)),
                          g_date_time_get_year (local));
  append_clock (out, local);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The row of a series' first meeting when it was taken out: the series'
 * row names that day, so this row says it is not a meeting after all.  It
 * is the day and time alone, with none of the series' other details. */
static void
append_first_taken_out (GString        *out,
                        ConveneSession *series,
                        ConvenePlan    *plan,
                        gboolean        spanish)
{
  g_autoptr(ConveneSession) meeting = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (series)));

  convene_session_set_recurrence (meeting, NULL);
  convene_session_set_status (meeting, CONVENE_SESSION_STATUS_SCHEDULED);
  convene_session_set_lead (meeting, NULL);
  convene_session_set_description (meeting, NULL);
  convene_session_set_notes (meeting, NULL);
  convene_session_set_speakers (meeting, NULL);
  convene_session_set_location (meeting, NULL);
  append_row (out, meeting, plan, spanish,
              CONVENE_TEXT_SERIES_MEETING ", " CONVENE_TEXT_SERIES_TAKEN_OUT);
}

/* After a series' row, one row for each of its meetings, as its exceptions
 * leave them (a cancelled one says so; one taken out has no row, but for
 * the first).  The marker tells the document importer that the row is a
 * meeting of the series above, not a session of its own, and where a
 * moved one was. */
static void
append_meetings (GString        *out,
                 ConveneSession *series,
                 ConvenePlan    *plan,
                 gboolean        spanish,
                 GArray         *meetings,
                 gboolean        first_taken_out)
{
  if (first_taken_out)
    append_first_taken_out (out, series, plan, spanish);
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      const ConveneExportOccurrence *o = &g_array_index (meetings, ConveneExportOccurrence, i);
      g_autoptr(ConveneSession) meeting = NULL;
      g_autoptr(GDateTime) start = NULL;
      g_autofree char *marker = NULL;

      if (is_series_row (series, o))
        continue;
      meeting = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (series)));
      start = g_date_time_new_from_unix_utc (o->start);
      convene_session_set_recurrence (meeting, NULL);
      convene_session_set_start (meeting, start);
      convene_session_set_month (meeting, o->month);
      convene_session_set_topic (meeting, o->topic);
      convene_session_set_lead (meeting, o->lead);
      convene_session_set_status (meeting, o->status);
      if (o->duration_minutes > 0)
        convene_session_set_duration_minutes (meeting, o->duration_minutes);
      /* What the series' row already says once. */
      convene_session_set_description (meeting, NULL);
      convene_session_set_notes (meeting, NULL);
      convene_session_set_speakers (meeting, NULL);
      convene_session_set_location (meeting, NULL);
      marker = meeting_marker (series, plan, o);
      append_row (out, meeting, plan, spanish, marker);
    }
}

/* The ids of the series of @sessions whose first meeting was taken out,
 * or NULL on a failed read. */
static GHashTable *
find_first_taken_out (ConveneStore  *store,
                      GPtrArray     *sessions,
                      GError       **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, i);
      gint64 id = convene_entity_get_id (CONVENE_ENTITY (session));
      g_autoptr(GPtrArray) exceptions = NULL;

      if (convene_session_get_recurrence (session) == NULL || convene_session_get_start (session) == NULL)
        continue;
      exceptions = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION, "session", id, error);
      if (exceptions == NULL)
        return NULL;
      for (guint j = 0; j < exceptions->len; j++)
        {
          ConveneSessionException *e = g_ptr_array_index (exceptions, j);

          if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_REMOVED &&
              g_date_time_equal (convene_session_exception_get_occurrence (e),
                                 convene_session_get_start (session)))
            g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
        }
    }
  return g_steal_pointer (&ids);
}

static void
append_schedule (GString    *out,
                 ConvenePlan *plan,
                 GPtrArray  *sessions,
                 GHashTable *meetings,
                 GHashTable *first_taken_out,
                 gboolean    spanish)
{
  g_autofree char *year = g_strdup_printf ("%d", convene_plan_get_year (plan));

  if (sessions->len == 0)
    return;
  /* The months below are of the plan's year: say which, when the title
   * does not. */
  if (convene_plan_get_year (plan) > 0 && strstr (convene_plan_get_title (plan), year) == NULL)
    g_string_append_printf (out, "## Meeting schedule %s\n\n", year);
  else
    g_string_append (out, "## Meeting schedule\n\n");
  g_string_append (out, "| Topic | Month | Date |\n|--|--|--|\n");
  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, i);
      gint64 id = convene_entity_get_id (CONVENE_ENTITY (session));

      append_row (out, session, plan, spanish, NULL);
      append_meetings (out, session, plan, spanish, g_hash_table_lookup (meetings, &id),
                       g_hash_table_contains (first_taken_out, &id));
    }
  g_string_append_c (out, '\n');
}

/* "1. **Title.** Description"; a description of several paragraphs keeps
 * the first here and the rest under the goal's own heading, later. */
static void
append_goals (GString   *out,
              GPtrArray *goals)
{
  if (goals->len == 0)
    return;
  g_string_append (out, "## Goals\n\n");
  for (guint i = 0; i < goals->len; i++)
    {
      ConveneGoal *goal = g_ptr_array_index (goals, i);
      const char *title = convene_goal_get_title (goal);
      const char *description = convene_goal_get_description (goal);
      gsize n = strlen (title);
      g_autofree char *first = NULL;

      g_string_append_printf (out, "%u. **%s%s**", i + 1, title,
                              n > 0 && strchr (".?!", title[n - 1]) != NULL ? "" : ".");
      if (description != NULL && *description != '\0')
        {
          const char *end = strstr (description, "\n\n");

          first = end != NULL ? g_strndup (description, end - description) : g_strdup (description);
          g_string_append_printf (out, " %s", g_strdelimit (first, "\n", ' '));
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < goals->len; i++)
    {
      ConveneGoal *goal = g_ptr_array_index (goals, i);
      const char *description = convene_goal_get_description (goal);
      const char *rest = description != NULL ? strstr (description, "\n\n") : NULL;

      if (rest != NULL && *(rest + 2) != '\0')
        g_string_append_printf (out, "### %s\n\n%s\n\n", convene_goal_get_title (goal), rest + 2);
    }
}

static void
append_actions (GString   *out,
                GPtrArray *actions)
{
  if (actions->len == 0)
    return;
  g_string_append (out, "## Specific actions\n\n");
  for (guint i = 0; i < actions->len; i++)
    {
      g_autofree char *title = g_strdup (convene_action_get_title (g_ptr_array_index (actions, i)));

      g_string_append_printf (out, "- %s\n", g_strdelimit (title, "\n", ' '));
    }
  g_string_append_c (out, '\n');
}

/* Whether the importer will take the document for Spanish: then it gives
 * every session Spanish unless told otherwise. */
static gboolean
text_looks_spanish (const char *text)
{
  g_autoptr(GPtrArray) lines = convene_text_lines_split (text);

  return convene_text_looks_spanish (lines);
}

static gboolean
append_plan (GString       *out,
             ConveneStore  *store,
             ConvenePlan   *plan,
             GError       **error)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (plan));
  g_autoptr(GPtrArray) goals = convene_store_query (store, CONVENE_TYPE_GOAL, "plan", id, error);
  g_autoptr(GPtrArray) actions = goals != NULL ? convene_store_query (store, CONVENE_TYPE_ACTION, "plan", id, error) : NULL;
  g_autoptr(GPtrArray) sessions = actions != NULL ? convene_store_query (store, CONVENE_TYPE_SESSION, "plan", id, error) : NULL;
  g_autoptr(GHashTable) meetings = sessions != NULL ? convene_export_collect_occurrences (store, id, error) : NULL;
  g_autoptr(GHashTable) first_taken_out = meetings != NULL ? find_first_taken_out (store, sessions, error) : NULL;
  gsize start = out->len;

  if (first_taken_out == NULL)
    return FALSE;
  /* The group above the title, as the seeds have it. */
  if (convene_plan_get_group (plan) != NULL)
    g_string_append_printf (out, "## %s\n\n", convene_plan_get_group (plan));
  g_string_append_printf (out, "# %s\n\n", convene_plan_get_title (plan));
  if (convene_plan_get_summary (plan) != NULL)
    g_string_append_printf (out, "%s\n\n", convene_plan_get_summary (plan));
  append_goals (out, goals);
  append_actions (out, actions);
  append_schedule (out, plan, sessions, meetings, first_taken_out, text_looks_spanish (out->str + start));
  return TRUE;
}

char *
convene_markdown_export (ConveneStore  *store,
                         gint64         plan_id,
                         GError       **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plans = convene_store_query (store, CONVENE_TYPE_PLAN, NULL, 0, error);
  if (plans == NULL)
    return NULL;
  for (guint i = 0; i < plans->len; i++)
    {
      ConvenePlan *plan = g_ptr_array_index (plans, i);

      if (plan_id != 0 && convene_entity_get_id (CONVENE_ENTITY (plan)) != plan_id)
        continue;
      if (out->len > 0)
        g_string_append (out, "---\n\n");
      if (!append_plan (out, store, plan, error))
        return NULL;
    }
  if (out->len == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);

      if (plan_id != 0)
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                     _("There is no plan with id %s"), id);
      else
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                     _("There is no plan to export."));
      return NULL;
    }
  /* One newline at the end, not two. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
