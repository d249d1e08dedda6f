/* convene-document-dates.c: the days and times a document names outside
 * its schedule tables.
 *
 * Groups write a meeting wherever it fits: a bullet under a heading
 * ("- November 13th, 2024 at 17:00 UTC"), a line of its own below the
 * meeting's name ("Tuesday 16th of October 2018 at 7:30 pm."), a day on
 * one line and its time on the next ("Day: Thursdays" / "Time: 14:00
 * UTC"), a series and, further down, the day it starts ("We meet bi-weekly
 * on Mondays at 9:30 Pacific" ... "The next call will be Monday 3 July
 * 2023").  Each becomes a session named after the heading it stands
 * under.  Every line the document's readers used for a time is noted, and
 * once the whole document is read, a line that names a day and a time
 * nobody used is a warning: a meeting is never dropped without a word.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "import/convene-document-private.h"

/* "Date: Every 4th Thursday", "Horario: de 16:00 a 17:00 (CET)": the
 * value after a label of one or two words, or @text itself. */
static const char *
value_of (const char *text)
{
  const char *colon = strstr (text, ": ");
  guint words = 1;

  if (colon == NULL || colon - text > 24)
    return text;
  for (const char *p = text; p < colon; p++)
    {
      if (g_ascii_isdigit (*p))
        return text;
      words += *p == ' ';
    }
  return words <= 2 ? colon + 2 : text;
}

static guint
count_words (const char *text)
{
  guint n = 1;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

static ConveneLine *
line_near (ConveneDocument   *doc,
           const ConveneLine *line,
           int                offset)
{
  /* Numbers are 1-based and lines[] holds every line of the file. */
  int index = (int) line->number - 1 + offset;

  if (index < 0 || index >= (int) doc->lines->len)
    return NULL;
  return g_ptr_array_index (doc->lines, index);
}

static gboolean
is_paragraph_line (const ConveneLine *line)
{
  return line != NULL && line->kind == CONVENE_LINE_TEXT;
}

/* Longer, a sentence names days for more than one meeting or reason. */
#define MAX_WORDS 30

static ConveneTimeExpr *parse (ConveneDocument *doc, const char *text);
static gboolean names_meeting (ConveneTimeExpr *expr);
static gboolean names_day_only (ConveneTimeExpr *expr);

/* The sentences of @text: a sentence ends at ". ", "! " or "? " before a
 * capital letter, or at the end. */
static GPtrArray *
split_sentences (const char *text)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text; *p != '\0'; p++)
    if (strchr (".!?", *p) != NULL && p[1] == ' ' && g_unichar_isupper (g_utf8_get_char (p + 2)))
      {
        g_ptr_array_add (sentences, g_strndup (start, p + 1 - start));
        start = p + 2;
      }
  if (*start != '\0')
    g_ptr_array_add (sentences, g_strdup (start));
  return sentences;
}

/* "This is currently UTC+7.": a sentence that only names a zone or an
 * offset, more of the sentence before it. */
static gboolean
names_zone_only (ConveneDocument *doc,
                 const char      *sentence)
{
  g_autoptr(ConveneTimeExpr) expr = parse (doc, sentence);

  return expr != NULL && expr->zone_from_text && !expr->has_time && !expr->date_from_text && expr->rrule == NULL;
}

/* The one sentence of the paragraph starting at @line that names a
 * meeting, with a sentence after it that only names its zone; else the
 * first that names a day without a time; NULL when there is none, or
 * when two sentences name meetings (the warning about unused lines then
 * quotes the paragraph). */
static char *
paragraph_sentence (ConveneDocument   *doc,
                    const ConveneLine *line)
{
  g_autoptr(GString) joined = g_string_new (line->text);
  g_autoptr(GPtrArray) sentences = NULL;
  const ConveneLine *next;
  char *meeting = NULL, *day = NULL;
  int found = -1;

  for (int k = 1; is_paragraph_line (next = line_near (doc, line, k)); k++)
    g_string_append_printf (joined, " %s", next->text);
  if (joined->len > 2000)
    return NULL;
  sentences = split_sentences (joined->str);
  for (guint i = 0; i < sentences->len; i++)
    {
      const char *sentence = g_ptr_array_index (sentences, i);
      g_autoptr(ConveneTimeExpr) expr = NULL;

      if (count_words (sentence) > MAX_WORDS || (expr = parse (doc, sentence)) == NULL)
        continue;
      if (names_meeting (expr))
        {
          if (found >= 0)
            {
              g_free (day);
              return NULL;
            }
          found = i;
        }
      else if (names_day_only (expr) && day == NULL)
        day = g_strdup (sentence);
    }
  if (found < 0)
    return day;
  g_free (day);
  meeting = g_strdup (g_ptr_array_index (sentences, found));
  if ((guint) found + 1 < sentences->len && names_zone_only (doc, g_ptr_array_index (sentences, found + 1)))
    {
      char *more = g_strdup_printf ("%s %s", meeting, (char *) g_ptr_array_index (sentences, found + 1));

      g_free (meeting);
      meeting = more;
    }
  return meeting;
}

/* "..., so the first of these will be **4pm BST (3pm UTC), Monday 13
 * September**.": in a paragraph too long to read as one meeting, the one
 * part its writer set in bold that names a day and a time; NULL when none
 * or several do. */
static char *
bold_meeting (ConveneDocument   *doc,
              const ConveneLine *line)
{
  char *found = NULL;
  const ConveneLine *next = line;

  for (int k = 1; next != NULL; next = line_near (doc, line, k++))
    {
      const char *p = next->raw;

      if (k > 1 && !is_paragraph_line (next))
        break;
      while ((p = strstr (p, "**")) != NULL)
        {
          const char *close = strstr (p + 2, "**");
          g_autofree char *bold = NULL;
          g_autoptr(ConveneTimeExpr) expr = NULL;

          if (close == NULL)
            break;
          bold = g_strndup (p + 2, close - (p + 2));
          p = close + 2;
          if (strlen (bold) > 200 || !names_meeting (expr = parse (doc, bold)))
            continue;
          if (found != NULL)
            {
              g_free (found);
              return NULL;
            }
          found = g_steal_pointer (&bold);
        }
    }
  return found;
}

static ConveneTimeExpr *
parse (ConveneDocument *doc,
       const char      *text)
{
  GDate reference;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_JANUARY, doc->year);
  return convene_time_expr_parse (text, &reference, "UTC", _convene_document_time_flags (doc),
                                  NULL);
}

static gboolean
names_meeting (ConveneTimeExpr *expr)
{
  return expr != NULL && expr->has_time && expr->start != NULL && (expr->date_from_text || expr->rrule != NULL);
}

static gboolean
names_day_only (ConveneTimeExpr *expr)
{
  return expr != NULL && !expr->has_time && (expr->date_from_text || expr->rrule != NULL);
}

static gboolean
names_time_only (ConveneTimeExpr *expr)
{
  return expr != NULL && expr->has_time && !expr->date_from_text && expr->rrule == NULL;
}

void
_convene_document_note_line (ConveneDocument *doc,
                             guint            line)
{
  if (doc->used_lines == NULL)
    doc->used_lines = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_hash_table_add (doc->used_lines, GUINT_TO_POINTER (line));
}

static gboolean
line_used (ConveneDocument *doc,
           guint            line)
{
  return doc->used_lines != NULL && g_hash_table_contains (doc->used_lines, GUINT_TO_POINTER (line));
}

gboolean
_convene_document_line_used (ConveneDocument *doc,
                             guint            line)
{
  return line_used (doc, line);
}

/* The same meeting written twice ("the first will be Monday 13
 * September", then the list of dates) is one session. */
static gboolean
is_duplicate (ConveneDocument *doc,
              ConveneSession  *session)
{
  GDateTime *start = convene_session_get_start (session);

  for (guint i = 0; start != NULL && i < doc->result->sessions->len; i++)
    {
      ConveneSession *other = g_ptr_array_index (doc->result->sessions, i);

      if (other != session && convene_session_get_start (other) != NULL &&
          g_date_time_equal (convene_session_get_start (other), start) &&
          g_strcmp0 (convene_session_get_recurrence (other), convene_session_get_recurrence (session)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a reader took a time from @line or, for a line of a
 * paragraph, from any line of that paragraph. */
static gboolean
paragraph_used (ConveneDocument   *doc,
                const ConveneLine *line)
{
  const ConveneLine *other;

  if (line_used (doc, line->number))
    return TRUE;
  if (line->kind != CONVENE_LINE_TEXT)
    return FALSE;
  for (int step = -1; step <= 1; step += 2)
    for (int k = step; is_paragraph_line (other = line_near (doc, line, k)); k += step)
      if (line_used (doc, other->number))
        return TRUE;
  return FALSE;
}

/* "From:", "Date:", "Subject:" at the top of a saved email: when it was
 * sent, not when anyone meets. */
static gboolean
in_mail_header (ConveneDocument   *doc,
                const ConveneLine *line)
{
  for (guint i = 0; i < doc->lines->len; i++)
    {
      ConveneLine *other = g_ptr_array_index (doc->lines, i);

      if (other->kind == CONVENE_LINE_BLANK)
        return FALSE;
      if (!g_regex_match_simple ("^[\\p{L}-]{2,12}: ", other->text, 0, 0))
        return FALSE;
      if (other == line)
        return TRUE;
    }
  return FALSE;
}

static void
forget_pending (ConveneDocument *doc)
{
  g_clear_pointer (&doc->pending_day, g_free);
  doc->pending_day_line = 0;
}

void
_convene_document_dates_section (ConveneDocument *doc,
                                 const char      *title)
{
  /* A series stays open: "## NOTE WELL / The next call will be Monday 3
   * July 2023" still speaks of the group's one call. */
  forget_pending (doc);
  g_free (doc->section_title);
  doc->section_title = g_strdup (title);
}

/* A session at @when, named after the heading it stands under. */
static ConveneSession *
add_dated (ConveneDocument *doc,
           const char      *when,
           gboolean         cancelled,
           guint            line)
{
  const char *topic = doc->section_title != NULL ? doc->section_title : convene_plan_get_title (doc->plan);
  ConveneSession *session = _convene_schedule_add_session (doc, topic != NULL ? topic : _("Meeting"));
  GDate reference;

  /* A series with no first day starts in the plan's year, as a schedule
   * row's does. */
  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_JANUARY, doc->year);
  if (!_convene_session_set_time (doc, session, when, &reference, line) || is_duplicate (doc, session))
    {
      g_ptr_array_remove (doc->result->sessions, session);
      return NULL;
    }
  if (cancelled)
    convene_session_set_status (session, CONVENE_SESSION_STATUS_CANCELLED);
  doc->dated_sessions++;
  return session;
}

/* "The next call will be Monday 3 July 2023", below a series that named
 * no first day: the day the series starts, when its weekday agrees. */
static gboolean
start_open_series (ConveneDocument *doc,
                   const char      *day,
                   ConveneTimeExpr *expr,
                   guint            line)
{
  /* RRULE's weekdays in GDateWeekday's order, Monday first. */
  static const char codes[] = "MOTUWETHFRSASU";
  g_autofree char *byday = NULL;
  g_autofree char *when = NULL;
  const char *rrule = convene_session_get_recurrence (doc->open_series);
  const char *at;

  if (!expr->date_from_text || !g_date_valid (&expr->date) || rrule == NULL ||
      (at = strstr (rrule, "BYDAY=")) == NULL)
    return FALSE;
  byday = g_strndup (at + strlen ("BYDAY="), strcspn (at + strlen ("BYDAY="), ";"));
  if (strlen (byday) != 2 || strstr (codes, byday) == NULL || (strstr (codes, byday) - codes) % 2 != 0 ||
      (GDateWeekday) ((strstr (codes, byday) - codes) / 2 + 1) != g_date_get_weekday (&expr->date))
    return FALSE;
  when = g_strdup_printf ("%s, %s", day, doc->open_series_when);
  if (!_convene_session_set_time (doc, doc->open_series, when, &expr->date, line))
    return FALSE;
  convene_session_set_recurrence (doc->open_series, rrule);
  doc->open_series = NULL;
  return TRUE;
}

/* Reads @line if it names a meeting (or the day or the time of one) that
 * the schedule readers would not take; TRUE when it was used.  Why long:
 * the four ways a line takes part (a whole meeting, a day waiting for its
 * time, the time of the day before, the first day of an open series) share
 * the line's one parse. */
gboolean
_convene_document_dates_read (ConveneDocument   *doc,
                              const ConveneLine *line,
                              gboolean           in_schedule)
{
  g_autofree char *text = NULL;
  g_autofree char *topic = NULL, *when = NULL;
  g_autoptr(ConveneTimeExpr) expr = NULL;
  g_autoptr(ConveneTimeExpr) joined = NULL;
  g_autofree char *both = NULL;
  gboolean cancelled = FALSE;
  const char *value;
  guint day_line;
  gsize n;

  if (line->kind == CONVENE_LINE_BLANK)
    {
      forget_pending (doc);
      return FALSE;
    }
  text = g_strstrip (g_strdup (line->text));
  n = strlen (text);
  /* "~~December 25th, 2024 at 14:00 UTC~~": struck out, so cancelled. */
  if (n > 4 && g_str_has_prefix (text, "~~") && g_str_has_suffix (text, "~~"))
    {
      text[n - 2] = '\0';
      memmove (text, text + 2, n - 1);
      cancelled = TRUE;
    }
  value = value_of (text);
  if (line->kind == CONVENE_LINE_TEXT)
    {
      /* "Date: Tuesday 30 March 2021" on a line of its own is an
       * announcement's; a paragraph is read once, at its first line, for
       * the sentence that names its meeting. */
      if (value != text || is_paragraph_line (line_near (doc, line, -1)))
        return FALSE;
      g_free (text);
      if ((text = paragraph_sentence (doc, line)) == NULL && (text = bold_meeting (doc, line)) == NULL)
        {
          forget_pending (doc);
          return FALSE;
        }
      value = text;
    }
  /* A long item names days for more than one reason ("the 2nd in the
   * month, so the first will be Monday 13 September"): not read as one
   * meeting; the warning about unused lines quotes it. */
  else if (count_words (value) > MAX_WORDS)
    return FALSE;
  if (strlen (value) > 400 || (expr = parse (doc, value)) == NULL)
    {
      forget_pending (doc);
      return FALSE;
    }

  if (names_meeting (expr))
    {
      ConveneSession *session;

      forget_pending (doc);
      /* "- Data fair (Tuesday 9 March at 2pm UTC)": an item with a topic of
       * its own, which the schedule's reader of items takes out, in a
       * schedule or not.  A sentence is named after its heading. */
      if (line->kind != CONVENE_LINE_TEXT && _convene_split_topic_and_time (doc, value, NULL, &topic, &when))
        {
          guint before = doc->result->sessions->len;

          if (in_schedule)
            return FALSE;
          _convene_schedule_read_item (doc, line);
          doc->dated_sessions += doc->result->sessions->len - before;
          return TRUE;
        }
      session = add_dated (doc, value, cancelled, line->number);
      if (session != NULL && !expr->date_from_text)
        {
          doc->open_series = session;
          g_free (doc->open_series_when);
          doc->open_series_when = g_strdup (value);
        }
      return TRUE;
    }
  if (names_day_only (expr))
    {
      if (doc->open_series != NULL && start_open_series (doc, value, expr, line->number))
        return TRUE;
      g_free (doc->pending_day);
      doc->pending_day = g_strdup (value);
      doc->pending_day_line = line->number;
      return FALSE;
    }
  if (!names_time_only (expr) || doc->pending_day == NULL)
    {
      /* The time of a day is on the line after it, or not at all. */
      forget_pending (doc);
      return FALSE;
    }
  both = g_strdup_printf ("%s, %s", doc->pending_day, value);
  joined = parse (doc, both);
  day_line = doc->pending_day_line;
  forget_pending (doc);
  if (!names_meeting (joined) || add_dated (doc, both, cancelled, line->number) == NULL)
    return FALSE;
  _convene_document_note_line (doc, day_line);
  return TRUE;
}

static gboolean
said (ConveneImportResult        *result,
      const ConveneImportWarning *warning)
{
  for (guint i = 0; i < result->warnings->len; i++)
    {
      const ConveneImportWarning *other = g_ptr_array_index (result->warnings, i);

      if (other->line == warning->line && g_strcmp0 (other->message, warning->message) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "Subject:", "Asunto:", "Date:", "Hora:" on lines of their own: an email
 * or an announcement written like one. */
static gboolean
looks_like_mail (ConveneDocument *doc)
{
  static GRegex *labels;

  if (g_once_init_enter_pointer (&labels))
    g_once_init_leave_pointer (&labels, g_regex_new (
      "^(?:subject|asunto|from|de|to|para|date|fecha|time|hora|when|cuándo|host|lead|link|join"
      "|enlace|modera|speakers|languages|idioma)\\s*:",
      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  for (guint i = 0; i < doc->lines->len; i++)
    {
      ConveneLine *line = g_ptr_array_index (doc->lines, i);

      if (line->kind == CONVENE_LINE_TEXT && g_regex_match (labels, line->text, 0, NULL))
        return TRUE;
    }
  return FALSE;
}

/* A document whose only meetings are dated lines may be an email that
 * announces them, which the announcement reader knows better (its link,
 * its language, its lead): when it reads like one, that reader is asked, and the dated lines' sessions
 * and warnings come back only when it finds nothing.  TRUE when the
 * announcement reader took the document. */
gboolean
_convene_document_dates_or_announcement (ConveneDocument *doc,
                                         guint            first_warning)
{
  ConveneImportResult *result = doc->result;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  if (doc->dated_sessions == 0 || doc->dated_sessions != result->sessions->len ||
      result->goals->len + result->actions->len > 0 || !looks_like_mail (doc))
    return FALSE;
  sessions = g_ptr_array_new_with_free_func (g_object_unref);
  while (result->sessions->len > 0)
    g_ptr_array_add (sessions, g_ptr_array_steal_index (result->sessions, 0));
  /* Borrowed: each goes back to result->warnings or is freed below. */
  warnings = g_ptr_array_new ();
  while (result->warnings->len > first_warning)
    g_ptr_array_add (warnings, g_ptr_array_steal_index (result->warnings, first_warning));
  if (_convene_announcement_read (doc))
    {
      /* What the dated lines warned about and the reader did not say
       * again is still true. */
      for (guint i = 0; i < warnings->len; i++)
        {
          ConveneImportWarning *warning = g_ptr_array_index (warnings, i);

          if (said (result, warning))
            {
              g_free (warning->file);
              g_free (warning->message);
              g_free (warning);
            }
          else
            g_ptr_array_add (result->warnings, warning);
        }
      g_ptr_array_set_size (warnings, 0);
      return TRUE;
    }
  for (guint i = 0; i < sessions->len; i++)
    g_ptr_array_add (result->sessions, g_object_ref (g_ptr_array_index (sessions, i)));
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_insert (result->warnings, first_warning + i, g_ptr_array_index (warnings, i));
  g_ptr_array_set_size (warnings, 0);
  return FALSE;
}

/* The day @text names and nothing else, as "YYYY-MM-DD" (a range of days
 * by its end); NULL for anything else, a month alone included. */
static char *
day_of (ConveneDocument *doc,
        const char      *text)
{
  g_autofree char *due = NULL;

  if (!_convene_document_due_read (doc, text, &due) || strlen (due) != 10)
    return NULL;
  return g_steal_pointer (&due);
}

/* "**17 de enero** Sesión de Comité Académico", "Meeting 2: 24 October
 * 2022": an item or heading that is a day and a name, either way round.
 * TRUE with the day ("YYYY-MM-DD"), the name and the day as written. */
static gboolean
split_day_and_name (ConveneDocument   *doc,
                    const ConveneLine *line,
                    char             **day,
                    char             **name,
                    char             **written)
{
  g_autofree char *label = NULL, *rest = NULL;
  const char *colon;

  if (_convene_document_split_label (line, &label, &rest) && *rest != '\0' &&
      (*day = day_of (doc, label)) != NULL)
    {
      *name = g_steal_pointer (&rest);
      *written = g_steal_pointer (&label);
      return TRUE;
    }
  if ((colon = strstr (line->text, ": ")) == NULL)
    return FALSE;
  g_clear_pointer (&label, g_free);
  g_clear_pointer (&rest, g_free);
  label = g_strndup (line->text, colon - line->text);
  rest = g_strstrip (g_strdup (colon + 2));
  if (*rest != '\0' && (*day = day_of (doc, label)) != NULL)
    {
      *name = g_steal_pointer (&rest);
      *written = g_steal_pointer (&label);
      return TRUE;
    }
  if (*label != '\0' && (*day = day_of (doc, rest)) != NULL)
    {
      *name = g_steal_pointer (&label);
      *written = g_steal_pointer (&rest);
      return TRUE;
    }
  return FALSE;
}

/* "- **24 October 2022** Meeting 2" in a schedule: a day and a name with
 * no time, which _convene_document_dates_read_undated() keeps in its
 * month; the schedule's reader of items leaves it to that. */
gboolean
_convene_document_is_undated_item (ConveneDocument   *doc,
                                   const ConveneLine *line)
{
  g_autofree char *day = NULL, *name = NULL, *written = NULL;
  g_autoptr(ConveneTimeExpr) expr = NULL;

  if (!split_day_and_name (doc, line, &day, &name, &written))
    return FALSE;
  expr = parse (doc, line->text);
  return expr == NULL || !expr->has_time;
}

/* Whether a session already stands on @day ("YYYY-MM-DD") in its zone:
 * the same meeting, written once with its time and once without. */
static gboolean
day_has_session (ConveneDocument *doc,
                 const char      *day)
{
  for (guint i = 0; i < doc->result->sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (doc->result->sessions, i);
      GDateTime *start = convene_session_get_start (session);
      g_autoptr(GTimeZone) zone = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *text = NULL;

      if (start == NULL || convene_session_get_timezone (session) == NULL)
        continue;
      zone = convene_timezone_new (convene_session_get_timezone (session));
      if (zone == NULL)
        continue;
      local = g_date_time_to_timezone (start, zone);
      text = g_date_time_format (local, "%Y-%m-%d");
      if (g_str_equal (text, day))
        return TRUE;
    }
  return FALSE;
}

static void
add_deadline (ConveneDocument *doc,
              const char      *title,
              const char      *day)
{
  g_autoptr(ConveneAction) action = convene_action_new ();

  convene_action_set_plan (action, doc->plan_id);
  convene_action_set_title (action, title);
  convene_action_set_due (action, day);
  convene_action_set_status (action, CONVENE_ACTION_STATUS_PLANNED);
  convene_import_result_take (doc->result, g_steal_pointer (&action));
}

/* A list of dates without times, or a meeting's heading with its day and
 * no time: each is a session kept in its month with no start, and a
 * warning says that no time was given; a dated deadline ("Fecha límite
 * para...") is an action due that day.  Only items and headings no
 * reader used, and no day that already has its session. */
void
_convene_document_dates_read_undated (ConveneDocument *doc)
{
  for (guint i = 0; i < doc->lines->len; i++)
    {
      ConveneLine *line = g_ptr_array_index (doc->lines, i);
      g_autofree char *day = NULL, *name = NULL, *written = NULL, *month = NULL;
      ConveneSession *session;

      if ((line->kind != CONVENE_LINE_BULLET && line->kind != CONVENE_LINE_NUMBERED &&
           line->kind != CONVENE_LINE_HEADING) || line_used (doc, line->number) ||
          strlen (line->text) > 200 || !split_day_and_name (doc, line, &day, &name, &written))
        continue;
      _convene_document_note_line (doc, line->number);
      if (_convene_document_is_deadline (name))
        {
          add_deadline (doc, name, day);
          continue;
        }
      if (day_has_session (doc, day))
        continue;
      month = g_strndup (day, 7);
      session = _convene_schedule_add_session (doc, name);
      convene_session_set_month (session, month);
      convene_session_set_notes (session, written);
      /* Translators: a line of the document, quoted */
      convene_import_result_warn (doc->result, line->number,
                                  _("“%s” gives a day but no time of day; the session is kept in its month, with no time."),
                                  line->text);
    }
}

/* An item, a heading or a table row that is a day of the calendar and
 * nothing else ("- 24 October 2022", "| Sep 12-16, 2022 | |"), or
 * starts with one ("**9 February**"): a line of a list of dates.  Prose
 * mentions days in passing, and "2/3 of the globe" is no day: neither
 * is counted. */
static gboolean
names_unused_day (ConveneDocument   *doc,
                  const ConveneLine *line)
{
  g_autofree char *day = NULL;
  g_autofree char *label = NULL, *rest = NULL;

  if (line->kind == CONVENE_LINE_TEXT || line->kind == CONVENE_LINE_PIPE_RULE || line->kind == CONVENE_LINE_BLANK)
    return FALSE;
  if (line->kind == CONVENE_LINE_PIPE_ROW || line->kind == CONVENE_LINE_TAB_ROW)
    {
      g_auto(GStrv) cells = convene_text_split_row (line);

      for (guint i = 0; cells[i] != NULL; i++)
        if (*cells[i] != '\0')
          return (day = day_of (doc, cells[i])) != NULL;
      return FALSE;
    }
  if ((day = day_of (doc, line->text)) != NULL)
    return TRUE;
  return _convene_document_split_label (line, &label, &rest) && (day = day_of (doc, label)) != NULL;
}

/* Every line that names a day and a time no reader used, and every item
 * or row of a day that none used: said, quoted. */
void
_convene_document_dates_warn_unused (ConveneDocument *doc)
{
  for (guint i = 0; i < doc->lines->len; i++)
    {
      ConveneLine *line = g_ptr_array_index (doc->lines, i);
      g_autoptr(ConveneTimeExpr) expr = NULL;
      g_autofree char *quoted = NULL;

      if (line->kind == CONVENE_LINE_BLANK || paragraph_used (doc, line) || strlen (line->text) > 400 ||
          in_mail_header (doc, line))
        continue;
      expr = parse (doc, value_of (line->text));
      if (!names_meeting (expr) && !names_unused_day (doc, line))
        continue;
      quoted = g_utf8_strlen (line->text, -1) > 80
               ? g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (line->text, 79) - line->text), line->text)
               : g_strdup (line->text);
      if (names_meeting (expr))
        /* Translators: a line of the document, quoted */
        convene_import_result_warn (doc->result, line->number,
                                    _("“%s” names a day and a time, but no session was made from it."), quoted);
      else
        /* Translators: a line of the document, quoted */
        convene_import_result_warn (doc->result, line->number,
                                    _("“%s” names a day, but nothing was made from it."), quoted);
    }
}
