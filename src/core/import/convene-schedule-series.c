/* convene-schedule-series.c: a series' meetings in a schedule table, read
 * back as its exceptions.
 *
 * The Markdown export writes a series' row (its first meeting and its
 * rule) and then one row for each of its meetings through the end of the
 * plan's year, as its exceptions leave them, marked "One meeting of the
 * series" (text/convene-text-words.h); a moved one adds "moved from" and
 * the day and time its rule gives it, and one the rule does not give
 * "added".  Here the rule is expanded over the same months and the rows
 * are told from it: a meeting of the rule with no row was taken out, a
 * row moved from a meeting or with another topic, lead, length or status
 * changes that meeting, an added one is added, and a "taken out" one (only
 * ever the first, which the series' own row would otherwise stand for) is
 * taken out.  A row may be moved from a meeting after the plan's year.  A row that is no
 * meeting of its series is said, and left out.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "import/convene-document-private.h"
#include "time/convene-occurrences.h"

void
_convene_series_meeting_free (gpointer data)
{
  ConveneSeriesMeeting *meeting = data;

  g_clear_object (&meeting->series);
  g_free (meeting->row);
  g_free (meeting->topic);
  g_free (meeting->lead);
  g_free (meeting->when);
  g_free (meeting->moved_from);
  g_free (meeting);
}

/* The first instant after the last day of @year on @tz's clock. */
static gint64
end_of_year (GTimeZone *tz,
             int        year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year + 1);
  return convene_zone_wall_to_instant (tz, ((gint64) g_date_get_julian (&date) - 719163) * 86400);
}

/* The meetings the rule of @series gives from its first through the end
 * of the plan's year (or of its first start's, when later), as the export
 * lists them; NULL when the rule cannot be read. */
static GArray *
expand_rule (ConveneDocument *doc,
             ConveneSession  *series,
             GTimeZone       *tz)
{
  gint64 first = g_date_time_to_unix (convene_session_get_start (series));
  g_autoptr(ConveneRecurrence) rule = convene_recurrence_new_with_tz (convene_session_get_recurrence (series),
                                                                      tz, first, NULL);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (convene_session_get_start (series), tz);
  GArray *occurrences;

  if (rule == NULL)
    return NULL;
  occurrences = g_array_new (FALSE, FALSE, sizeof (gint64));
  convene_recurrence_expand (rule, first,
                             end_of_year (tz, MAX (doc->year, g_date_time_get_year (local))),
                             occurrences);
  return occurrences;
}

static gboolean
contains (GArray *instants,
          gint64  at)
{
  for (guint i = 0; i < instants->len; i++)
    if (g_array_index (instants, gint64, i) == at)
      return TRUE;
  return FALSE;
}

/* Whether the rule of @series gives a meeting at @at, however far past the
 * plan's year: a meeting of the next year may be moved into this one, and
 * the export writes the row where it now is. */
static gboolean
rule_meets_at (ConveneSession *series,
               GTimeZone      *tz,
               gint64          at)
{
  gint64 first = g_date_time_to_unix (convene_session_get_start (series));
  g_autoptr(ConveneRecurrence) rule = convene_recurrence_new_with_tz (convene_session_get_recurrence (series),
                                                                      tz, first, NULL);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (rule == NULL)
    return FALSE;
  convene_recurrence_expand (rule, at, at + 1, found);
  return found->len == 1;
}

/* The instant @text names, read on the series' clock; 0 when it names no
 * time of day. */
static gint64
read_instant (ConveneDocument *doc,
              const char      *text,
              const GDate     *reference,
              const char      *zone,
              int             *minutes)
{
  g_autoptr(ConveneTimeExpr) expr = convene_time_expr_parse (text, reference, zone,
                                                             _convene_document_time_flags (doc), NULL);

  if (expr == NULL || expr->start == NULL || !expr->has_time)
    return 0;
  if (minutes != NULL)
    *minutes = expr->end != NULL && g_date_time_compare (expr->end, expr->start) > 0
               ? (int) (g_date_time_difference (expr->end, expr->start) / G_TIME_SPAN_MINUTE) : 60;
  return g_date_time_to_unix (expr->start);
}

static void
take_exception (ConveneDocument      *doc,
                ConveneSession       *series,
                ConveneExceptionKind  kind,
                gint64                occurrence)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (occurrence);
  ConveneSessionException *exception = convene_session_exception_new ();

  convene_session_exception_set_session (exception, convene_entity_get_id (CONVENE_ENTITY (series)));
  convene_session_exception_set_occurrence (exception, at);
  convene_session_exception_set_kind (exception, kind);
  convene_import_result_take (doc->result, exception);
}

/* What @meeting changes of the series' meeting at @occurrence: an
 * exception of only what differs, or none when nothing does. */
static void
read_change (ConveneDocument      *doc,
             ConveneSeriesMeeting *meeting,
             gint64                occurrence,
             gint64                start,
             int                   minutes)
{
  ConveneSession *series = meeting->series;
  g_autoptr(ConveneSessionException) exception = convene_session_exception_new ();
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (occurrence);
  gboolean changed = meeting->status != convene_session_get_status (series);

  convene_session_exception_set_session (exception, convene_entity_get_id (CONVENE_ENTITY (series)));
  convene_session_exception_set_occurrence (exception, at);
  convene_session_exception_set_kind (exception, CONVENE_EXCEPTION_KIND_CHANGED);
  convene_session_exception_set_status (exception, meeting->status);
  if (start != occurrence)
    {
      g_autoptr(GDateTime) moved = g_date_time_new_from_unix_utc (start);

      convene_session_exception_set_start (exception, moved);
      changed = TRUE;
    }
  if (minutes != convene_session_get_duration_minutes (series))
    {
      convene_session_exception_set_duration_minutes (exception, minutes);
      changed = TRUE;
    }
  if (*meeting->topic != '\0' && g_strcmp0 (meeting->topic, convene_session_get_topic (series)) != 0)
    {
      convene_session_exception_set_topic (exception, meeting->topic);
      changed = TRUE;
    }
  if (meeting->lead != NULL && g_strcmp0 (meeting->lead, convene_session_get_lead (series)) != 0)
    {
      convene_session_exception_set_lead (exception, meeting->lead);
      changed = TRUE;
    }
  if (changed)
    convene_import_result_take (doc->result, g_steal_pointer (&exception));
}

/* Which of the series' meetings @meeting is: the one it was moved from,
 * else the one at its own time.  0, with a warning, when it is none, or
 * one another row already gave. */
static gint64
find_occurrence (ConveneDocument      *doc,
                 ConveneSeriesMeeting *meeting,
                 const char           *zone,
                 GTimeZone            *tz,
                 GArray               *occurrences,
                 GArray               *given,
                 gint64                start)
{
  const char *topic = convene_session_get_topic (meeting->series);
  gint64 occurrence = start;

  if (meeting->added)
    {
      /* Its own time, or the one it was moved from: a time the rule
       * does not give. */
      if (meeting->moved_from != NULL)
        occurrence = read_instant (doc, meeting->moved_from, &meeting->reference, zone, NULL);
      if (occurrence == 0 || contains (occurrences, occurrence) || contains (given, occurrence))
        {
          convene_import_result_warn (doc->result, meeting->line,
                                      _("This row says it adds a meeting to the series “%s”, "
                                        "but the series already meets then: it is left out "
                                        "(“%s”)."), topic, meeting->row);
          return 0;
        }
      g_array_append_val (given, occurrence);
      take_exception (doc, meeting->series, CONVENE_EXCEPTION_KIND_ADDED, occurrence);
      return occurrence;
    }
  if (meeting->moved_from != NULL)
    {
      occurrence = read_instant (doc, meeting->moved_from, &meeting->reference, zone, NULL);
      if (occurrence == 0 ||
          (!contains (occurrences, occurrence) && !rule_meets_at (meeting->series, tz, occurrence)))
        {
          convene_import_result_warn (doc->result, meeting->line,
                                      _("The series “%s” has no meeting on %s, which this row "
                                        "says it was moved from: it is left out (“%s”)."),
                                      topic, meeting->moved_from, meeting->row);
          return 0;
        }
    }
  else if (!contains (occurrences, occurrence))
    {
      convene_import_result_warn (doc->result, meeting->line,
                                  _("The series “%s” has no meeting at this row’s time, and the "
                                    "row does not say which one it was moved from: it is left "
                                    "out (“%s”)."), topic, meeting->row);
      return 0;
    }
  if (contains (given, occurrence))
    {
      convene_import_result_warn (doc->result, meeting->line,
                                  _("Another row already gives this meeting of the series “%s”: "
                                    "this one is left out (“%s”)."), topic, meeting->row);
      return 0;
    }
  g_array_append_val (given, occurrence);
  return occurrence;
}

/* The rows of one series' meetings (@first to the last row of the same
 * series), against its rule. */
static void
settle_series (ConveneDocument *doc,
               guint            first)
{
  ConveneSeriesMeeting *head = g_ptr_array_index (doc->series_meetings, first);
  ConveneSession *series = head->series;
  const char *zone = convene_session_get_timezone (series) != NULL
                     ? convene_session_get_timezone (series) : "UTC";
  g_autoptr(GTimeZone) tz = convene_timezone_new (zone);
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GArray) given = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 series_start = g_date_time_to_unix (convene_session_get_start (series));

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  occurrences = expand_rule (doc, series, tz);
  for (guint i = first; i < doc->series_meetings->len; i++)
    {
      ConveneSeriesMeeting *meeting = g_ptr_array_index (doc->series_meetings, i);
      gint64 start, occurrence;
      int minutes = 60;

      if (meeting->series != series)
        continue;
      start = read_instant (doc, meeting->when, &meeting->reference, zone, &minutes);
      if (occurrences == NULL || start == 0)
        {
          convene_import_result_warn (doc->result, meeting->line,
                                      _("This meeting of the series “%s” names no time "
                                        "Convene can read: it is left out (“%s”)."),
                                      convene_session_get_topic (series), meeting->row);
          continue;
        }
      occurrence = find_occurrence (doc, meeting, zone, tz, occurrences, given, start);
      if (occurrence == 0)
        continue;
      /* The series' own row names its first meeting: a row says when that
       * one was taken out.  "Taken out" beside "added" or "moved from"
       * says nothing a meeting can be. */
      if (meeting->taken_out && !meeting->added && meeting->moved_from == NULL)
        take_exception (doc, series, CONVENE_EXCEPTION_KIND_REMOVED, occurrence);
      else
        read_change (doc, meeting, occurrence, start, minutes);
    }
  /* The series' own row stands for its first meeting (unless a row says
   * it was taken out); a meeting of the rule that no row gives was taken
   * out. */
  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      gint64 at = g_array_index (occurrences, gint64, i);

      if (at != series_start && !contains (given, at))
        take_exception (doc, series, CONVENE_EXCEPTION_KIND_REMOVED, at);
    }
}

static gboolean
is_series (ConveneDocument *doc,
           ConveneSession  *session)
{
  return session != NULL && g_ptr_array_find (doc->result->sessions, session, NULL) &&
         convene_session_get_recurrence (session) != NULL &&
         convene_session_get_start (session) != NULL;
}

void
_convene_schedule_series_settle (ConveneDocument *doc)
{
  g_autoptr(GPtrArray) settled = g_ptr_array_new ();
  guint warnings = doc->result->warnings->len;

  for (guint i = 0; i < doc->series_meetings->len; i++)
    {
      ConveneSeriesMeeting *meeting = g_ptr_array_index (doc->series_meetings, i);

      if (!is_series (doc, meeting->series))
        convene_import_result_warn (doc->result, meeting->line,
                                    _("This row is one meeting of a series, but the row above "
                                      "it is no series: it is left out (“%s”)."), meeting->row);
      else if (!g_ptr_array_find (settled, meeting->series, NULL))
        {
          g_ptr_array_add (settled, meeting->series);
          settle_series (doc, i);
        }
    }
  if (doc->result->warnings->len > warnings)
    convene_import_result_sort_warnings (doc->result);
}
