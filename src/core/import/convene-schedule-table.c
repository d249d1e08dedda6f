/* convene-schedule-table.c: a plan's meeting schedule, as people tabulate it.
 *
 * "| Topic | Month | Date |" in Markdown or "Topic<TAB>Month" pasted from a
 * spreadsheet.  A table with an empty header row continues the one above
 * it.  The date cell says everything at once: "Tuesday 23rd at 7pm London
 * time (2pm ET) <i>Paul leads</i>", "<i>No meeting</i>", or a sentence about
 * the time slot still to be decided; the month cell may say "TBC".
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "import/convene-document-private.h"
#include "model/convene-values.h"

static const char * const topic_headers[] = {
  "topic", "topics", "tema", "temas", "theme", "themes", "subject", "session", "sessions",
  "title", "título", "titulo", "asunto", "what", "name", "nombre", "event", "evento", NULL,
};
static const char * const month_headers[] = { "month", "months", "mes", "meses", NULL };
static const char * const date_headers[] = {
  "date", "dates", "fecha", "fechas", "when", "time", "date and time", "date & time",
  "fecha y hora", "hora", "day", "día", "time slot", "horario", NULL,
};
/* A column of times beside a column of dates: "| Date | Time |". */
static const char * const time_headers[] = {
  "time", "times", "hora", "horas", "horario", "start", "start time", "hora de inicio", NULL,
};
static const char * const lead_headers[] = {
  "lead", "leads", "led by", "host", "chair", "responsable", "moderator", "lidera", NULL,
};

static const char * const no_meeting_words[] = {
  "no meeting", "no meetings", "no session", "no call", "sin reunión", "sin reunion",
  "no hay reunión", "break", "holiday", "holidays", "receso", "vacaciones", "recess", NULL,
};
static const char * const cancelled_words[] = {
  "cancelled", "canceled", "cancelada", "cancelado", "suspendida", NULL,
};
static const char * const tbc_words[] = {
  "tbc", "tbd", "tba", "to be confirmed", "to be decided", "to be defined", "por confirmar",
  "por definir", "a confirmar", "pending", "pendiente", NULL,
};

static gboolean
matches_header (const char         *cell,
                const char * const *names)
{
  g_autofree char *text = convene_text_strip_markup (cell);
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (lower, names[i]))
      return TRUE;
  return FALSE;
}

/* Which column is which, from a header row.  FALSE when the row names no
 * column Convene knows (it is then a row of data, or an empty header). */
static gboolean
columns_from_header (char           **cells,
                     ConveneColumns  *columns)
{
  ConveneColumns found = { -1, -1, -1, -1, -1 };

  for (int i = 0; cells[i] != NULL; i++)
    {
      if (found.topic < 0 && matches_header (cells[i], topic_headers))
        found.topic = i;
      else if (found.date >= 0 && found.time < 0 && matches_header (cells[i], time_headers))
        found.time = i;
      else if (found.month < 0 && matches_header (cells[i], month_headers))
        found.month = i;
      else if (found.date < 0 && matches_header (cells[i], date_headers))
        found.date = i;
      else if (found.lead < 0 && matches_header (cells[i], lead_headers))
        found.lead = i;
    }
  /* "| Time | Date |": the time came first and took the date's place. */
  if (found.date >= 0 && found.time < 0 && matches_header (cells[found.date], time_headers))
    for (int i = found.date + 1; cells[i] != NULL; i++)
      if (i != found.topic && i != found.lead && matches_header (cells[i], date_headers) &&
          !matches_header (cells[i], time_headers))
        {
          found.time = found.date;
          found.date = i;
          break;
        }
  if (found.topic < 0 && found.month < 0 && found.date < 0)
    return FALSE;
  if (found.topic < 0)
    found.topic = found.month != 0 && found.date != 0 ? 0 : 1;
  *columns = found;
  return TRUE;
}

static gboolean
row_is_empty (char **cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *text = convene_text_strip_markup (cells[i]);

      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

static const char *
cell_at (char **cells,
         int    column)
{
  if (column < 0 || column >= (int) g_strv_length (cells))
    return "";
  return cells[column];
}

/* "Leadership: Steering... - <i>Strengthening skills...</i>": the topic,
 * and the italic notes after " - " as the description, one per line. */
static void
split_topic (const char  *raw,
             char       **topic,
             char       **description)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) parts = g_string_new (NULL);
  int first = -1;

  if (g_once_init_enter_pointer (&regex))
    g_once_init_leave_pointer (&regex, g_regex_new ("\\s+[-–—]\\s*<(?:i|em)>(.*?)</(?:i|em)>",
                                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (regex, raw, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *part = g_match_info_fetch (match, 1);
      g_autofree char *text = convene_text_strip_markup (part);
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (first < 0)
        first = start;
      if (*text != '\0')
        g_string_append_printf (parts, "%s%s", parts->len > 0 ? "\n" : "", text);
      g_match_info_next (match, NULL);
    }

  if (first > 0)
    {
      g_autofree char *head = g_strndup (raw, first);

      *topic = convene_text_strip_markup (head);
      if (**topic != '\0')
        {
          *description = parts->len > 0 ? g_strdup (parts->str) : NULL;
          return;
        }
      g_free (*topic);
    }
  *topic = convene_text_strip_markup (raw);
  *description = NULL;
}

typedef enum {
  MONTH_NAMED,
  MONTH_TBC,
  MONTH_EMPTY,
  MONTH_UNKNOWN,
} MonthCell;

/* "February", "<i>January</i>", "March 2022", "2021-03", "TBC". */
static MonthCell
read_month_cell (ConveneDocument *doc,
                 const char      *cell,
                 int             *year,
                 int             *month)
{
  g_autofree char *text = convene_text_strip_markup (cell);
  g_auto(GStrv) words = g_strsplit_set (text, " ,", 3);

  *year = doc->year;
  *month = 0;
  if (*text == '\0')
    return MONTH_EMPTY;
  if ((*month = convene_time_words_month_from_name (words[0])) != 0)
    {
      if (words[1] != NULL && strlen (words[1]) == 4 && g_ascii_isdigit (words[1][0]))
        *year = atoi (words[1]);
      return MONTH_NAMED;
    }
  if (strlen (text) == 7 && text[4] == '-' && convene_month_is_valid (text))
    {
      *year = atoi (text);
      *month = atoi (text + 5);
      return MONTH_NAMED;
    }
  if (convene_text_has_any_word (text, tbc_words) || g_str_equal (text, "?"))
    return MONTH_TBC;
  return MONTH_UNKNOWN;
}

/* The whole of @text is one of @words, give or take punctuation. */
static gboolean
is_only (const char         *text,
         const char * const *words)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (g_strdelimit (lower, ".!()[]", ' '));
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (lower, words[i]))
      return TRUE;
  return FALSE;
}

static void
set_lead (ConveneDocument *doc,
          ConveneSession  *session,
          const char      *name)
{
  g_autofree char *clean = convene_text_strip_markup (name);

  if (*clean == '\0')
    return;
  convene_session_set_lead (session, clean);
  convene_import_result_ensure_person (doc->result, clean);
}

/* A session of the plan with the documented defaults, already in the result. */
ConveneSession *
_convene_schedule_add_session (ConveneDocument *doc,
                               const char      *topic)
{
  g_autoptr(ConveneSession) session = convene_session_new ();
  ConveneSession *borrowed = session;

  convene_session_set_plan (session, doc->plan_id);
  convene_session_set_topic (session, topic);
  convene_session_set_duration_minutes (session, 60);
  convene_session_set_status (session, CONVENE_SESSION_STATUS_TENTATIVE);
  convene_session_set_format (session, CONVENE_SESSION_FORMAT_MEETING);
  convene_session_set_language (session, doc->spanish ? "es" : "en");
  convene_import_result_take (doc->result, g_steal_pointer (&session));
  return borrowed;
}

static void
set_speakers (ConveneDocument *doc,
              ConveneSession  *session,
              const char      *text)
{
  g_auto(GStrv) names = g_strsplit_set (text, strchr (text, ';') != NULL ? ";" : ",", -1);
  g_autoptr(GStrvBuilder) speakers = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (*g_strstrip (names[i]) != '\0')
      {
        g_strv_builder_add (speakers, names[i]);
        convene_import_result_ensure_person (doc->result, names[i]);
      }
  list = g_strv_builder_end (speakers);
  convene_session_set_speakers (session, (const char * const *) list);
}

/* "<i>Speakers: ...</i>", "<i>Join: https://...</i>", "<i>Notes: ...</i>"
 * in a date cell, as the Markdown export writes what the seeds have no
 * column for.  Returns the cell without them. */
static char *
take_labelled (ConveneDocument *doc,
               ConveneSession  *session,
               const char      *cell)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) rest = g_string_new (NULL);
  int last = 0;

  if (g_once_init_enter_pointer (&regex))
    g_once_init_leave_pointer (&regex, g_regex_new (
      "<(i|em)>\\s*(speakers|join|where|notes)\\s*:\\s*(.*?)</\\1>",
      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (regex, cell, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *label = g_match_info_fetch (match, 2);
      g_autofree char *raw = g_match_info_fetch (match, 3);
      g_autofree char *value = convene_text_strip_markup (raw);
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (rest, cell + last, start - last);
      last = end;
      if (g_ascii_strcasecmp (label, "speakers") == 0)
        set_speakers (doc, session, value);
      else if (g_ascii_strcasecmp (label, "notes") == 0)
        convene_session_set_notes (session, value);
      else
        convene_session_set_location (session, value);
      g_match_info_next (match, NULL);
    }
  g_string_append (rest, cell + last);
  return g_string_free (g_steal_pointer (&rest), FALSE);
}

/* "<i>Paul leads</i>", as the Markdown export writes a lead: read from its
 * own span, so that the word before the span ("<i>Cancelled</i>", "every
 * Monday") is no part of the name.  Returns @cell without that span, with
 * the lead in @lead, or @cell and NULL when no span is only a lead. */
static char *
take_italic_lead (const char  *cell,
                  char       **lead)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter_pointer (&regex))
    g_once_init_leave_pointer (&regex, g_regex_new ("<(i|em)>(.*?)</\\1>",
                                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  *lead = NULL;
  g_regex_match (regex, cell, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *inner = g_match_info_fetch (match, 2);
      g_autofree char *text = convene_text_strip_markup (inner);
      g_autofree char *name = _convene_lead_take_from_text (text);
      int start, end;

      if (name == NULL || *g_strstrip (text) != '\0')
        continue;
      g_match_info_fetch_pos (match, 0, &start, &end);
      *lead = g_steal_pointer (&name);
      return g_strdup_printf ("%.*s%s", start, cell, cell + end);
    }
  return g_strdup (cell);
}

/* The date cell: a lead, "No meeting", a date and time, or a sentence kept
 * as the session's notes. */
static void
read_date_cell (ConveneDocument *doc,
                ConveneSession  *session,
                const char      *cell,
                const GDate     *reference,
                guint            line)
{
  g_autofree char *lead = NULL;
  g_autofree char *rest = take_italic_lead (cell, &lead);
  g_autofree char *text = convene_text_strip_markup (rest);
  gsize n;

  if (lead == NULL)
    lead = _convene_lead_take_from_text (text);

  n = strlen (text);
  if (lead != NULL)
    {
      set_lead (doc, session, lead);
      /* "...(2pm ET). Paul leads" leaves a stray full stop. */
      while (n > 0 && (text[n - 1] == '.' || text[n - 1] == ' ' || text[n - 1] == ','))
        text[--n] = '\0';
    }
  if (n == 0 || is_only (text, tbc_words))
    return;
  if (convene_text_has_any_word (text, no_meeting_words))
    {
      convene_session_set_status (session, CONVENE_SESSION_STATUS_NO_MEETING);
      if (!is_only (text, no_meeting_words))
        convene_session_set_notes (session, text);
      return;
    }
  if (convene_text_has_any_word (text, cancelled_words))
    convene_session_set_status (session, CONVENE_SESSION_STATUS_CANCELLED);
  if (!_convene_session_set_time (doc, session, text, reference, line))
    {
      if (convene_session_get_notes (session) == NULL)
        convene_session_set_notes (session, text);
    }
  else if (convene_text_has_any_word (text, tbc_words))
    convene_session_set_status (session, CONVENE_SESSION_STATUS_TENTATIVE);
}

/* A row of one meeting of the series above it, as the Markdown export
 * writes it: kept, with its topic, lead and status, until the series'
 * time is known and the meeting can be told from the one its rule gives. */
static void
hold_series_meeting (ConveneDocument   *doc,
                     const ConveneLine *line,
                     char             **cells)
{
  const ConveneColumns *columns = &doc->columns;
  ConveneSeriesMeeting *meeting = g_new0 (ConveneSeriesMeeting, 1);
  g_autofree char *description = NULL, *date = NULL, *rest = NULL, *text = NULL;
  int year, month;
  gsize n;

  _convene_document_note_line (doc, line->number);
  meeting->series = doc->last_row_session != NULL ? g_object_ref (doc->last_row_session) : NULL;
  meeting->line = line->number;
  meeting->row = convene_text_strip_markup (line->raw);
  split_topic (cell_at (cells, columns->topic), &meeting->topic, &description);
  g_date_clear (&meeting->reference, 1);
  if (read_month_cell (doc, cell_at (cells, columns->month), &year, &month) == MONTH_NAMED && year > 0)
    g_date_set_dmy (&meeting->reference, 1, month, year);
  else
    g_date_set_dmy (&meeting->reference, 1, G_DATE_JANUARY, doc->year > 0 ? doc->year : 2000);

  date = convene_text_take_series_meeting (cell_at (cells, columns->date), &meeting->added,
                                           &meeting->taken_out, &meeting->moved_from);
  rest = take_italic_lead (date, &meeting->lead);
  text = convene_text_strip_markup (rest);
  if (meeting->lead == NULL)
    meeting->lead = _convene_lead_take_from_text (text);
  if (meeting->lead == NULL && columns->lead >= 0 && *cell_at (cells, columns->lead) != '\0')
    meeting->lead = convene_text_strip_markup (cell_at (cells, columns->lead));
  n = strlen (text);
  while (n > 0 && (text[n - 1] == '.' || text[n - 1] == ' ' || text[n - 1] == ','))
    text[--n] = '\0';
  if (convene_text_has_any_word (text, no_meeting_words))
    meeting->status = CONVENE_SESSION_STATUS_NO_MEETING;
  else if (convene_text_has_any_word (text, cancelled_words))
    meeting->status = CONVENE_SESSION_STATUS_CANCELLED;
  else if (convene_text_has_any_word (text, tbc_words))
    meeting->status = CONVENE_SESSION_STATUS_TENTATIVE;
  else
    meeting->status = CONVENE_SESSION_STATUS_SCHEDULED;
  meeting->when = g_steal_pointer (&text);
  g_ptr_array_add (doc->series_meetings, meeting);
}

/* One row of a schedule table as a session.  Why long: each column (topic,
 * month, lead, date and its time) has its own reading and its own warning,
 * and they share the row's one reference day. */
static void
read_row (ConveneDocument   *doc,
          const ConveneLine *line,
          char             **cells)
{
  const ConveneColumns *columns = &doc->columns;
  g_autofree char *topic = NULL, *description = NULL, *date = NULL, *all = NULL;
  ConveneSession *session;
  MonthCell month_cell;
  int year, month;
  GDate reference;
  const char *language;

  if (row_is_empty (cells))
    return;
  /* Convene's export lists a series' meetings under its row: the series
   * is read from its own row, with its rule, and its meetings' rows become
   * its exceptions once its time is known. */
  if (convene_text_is_series_meeting (cell_at (cells, columns->date)))
    {
      hold_series_meeting (doc, line, cells);
      return;
    }
  split_topic (cell_at (cells, columns->topic), &topic, &description);
  if (*topic == '\0')
    {
      g_free (topic);
      topic = g_strdup (_("Meeting"));
      convene_import_result_warn (doc->result, line->number, _("This row has no topic; it is called “%s”."), topic);
    }
  session = _convene_schedule_add_session (doc, topic);
  doc->last_row_session = session;
  convene_session_set_description (session, description);

  month_cell = read_month_cell (doc, cell_at (cells, columns->month), &year, &month);
  g_date_clear (&reference, 1);
  if (month_cell == MONTH_NAMED && year > 0)
    {
      g_autofree char *text = g_strdup_printf ("%04d-%02d", year, month);

      convene_session_set_month (session, text);
      g_date_set_dmy (&reference, 1, month, year);
    }
  else
    {
      g_date_set_dmy (&reference, 1, G_DATE_JANUARY, doc->year > 0 ? doc->year : 2000);
      if (month_cell == MONTH_EMPTY && columns->month >= 0)
        convene_import_result_warn (doc->result, line->number,
                                    _("“%s” has no month; it is kept as to be confirmed."), topic);
      else if (month_cell == MONTH_UNKNOWN)
        {
          g_autofree char *written = convene_text_strip_markup (cell_at (cells, columns->month));

          convene_import_result_warn (doc->result, line->number,
                                      _("“%s” is not a month; “%s” is kept as to be confirmed."),
                                      written, topic);
        }
    }

  if (columns->lead >= 0 && *cell_at (cells, columns->lead) != '\0')
    set_lead (doc, session, cell_at (cells, columns->lead));
  date = take_labelled (doc, session, cell_at (cells, columns->date));
  if (columns->time >= 0 && *cell_at (cells, columns->time) != '\0')
    {
      /* "| 2023-07-21 | 04:00 UTC |": the day and its time, read as one. */
      char *both = g_strdup_printf ("%s %s", date, cell_at (cells, columns->time));

      g_free (date);
      date = both;
    }
  read_date_cell (doc, session, date, &reference, line->number);

  if (convene_text_has_any_word (topic, (const char * const[]) { "break", "summer break", "receso", NULL }))
    convene_session_set_status (session, CONVENE_SESSION_STATUS_NO_MEETING);
  all = g_strjoin (" ", topic, date, NULL);
  convene_session_set_format (session, convene_text_find_format (all, CONVENE_SESSION_FORMAT_MEETING));
  if ((language = convene_text_find_language (all)) != NULL)
    convene_session_set_language (session, language);
}

static gboolean
same_table (const ConveneLine *first,
            const ConveneLine *line)
{
  if (first->kind == CONVENE_LINE_TAB_ROW)
    return line->kind == CONVENE_LINE_TAB_ROW;
  return line->kind == CONVENE_LINE_PIPE_ROW || line->kind == CONVENE_LINE_PIPE_RULE;
}

typedef struct {
  const ConveneLine  *line;
  char              **cells;
} Row;

static void
row_clear (gpointer data)
{
  g_strfreev (((Row *) data)->cells);
}

/* The rows of the table at @index, up to @end.  The row above a rule row
 * ("|--|--|") is the header; a tab table's first row is one if it names
 * the columns. */
static GArray *
collect_rows (ConveneDocument *doc,
              guint            index,
              guint           *end,
              gboolean        *has_header)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  const ConveneLine *first = g_ptr_array_index (doc->lines, index);
  guint i;

  g_array_set_clear_func (rows, row_clear);
  *has_header = FALSE;
  for (i = index; i < doc->lines->len && same_table (first, g_ptr_array_index (doc->lines, i)); i++)
    {
      const ConveneLine *line = g_ptr_array_index (doc->lines, i);
      Row row = { line, NULL };

      if (line->kind == CONVENE_LINE_PIPE_RULE)
        {
          *has_header |= rows->len == 1 && i == index + 1;
          continue;
        }
      row.cells = convene_text_split_row (line);
      g_array_append_val (rows, row);
    }
  *end = i;
  return rows;
}

/* Without a header: the column where months are written, the topic before
 * it and the date after it. */
static gboolean
guess_columns_in (GArray         *rows,
                  gboolean        skip_first,
                  ConveneColumns *columns)
{
  for (guint r = skip_first ? 1 : 0; r < rows->len; r++)
    {
      char **cells = g_array_index (rows, Row, r).cells;

      for (int i = 1; cells[0] != NULL && cells[i] != NULL; i++)
        {
          g_autofree char *text = convene_text_strip_markup (cells[i]);
          g_auto(GStrv) words = g_strsplit (text, " ", 2);

          if (words[0] != NULL && convene_time_words_month_from_name (words[0]) != 0)
            {
              *columns = (ConveneColumns) { 0, i, cells[i + 1] != NULL ? i + 1 : -1, -1, -1 };
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* Which column is which: from the header, from the table above when the
 * header is empty, or from where the months are. */
static gboolean
find_columns (ConveneDocument *doc,
              GArray          *rows,
              gboolean         has_header,
              gboolean         in_schedule,
              ConveneColumns  *columns)
{
  char **first = rows->len > 0 ? g_array_index (rows, Row, 0).cells : NULL;

  if (first != NULL && columns_from_header (first, columns))
    return TRUE;
  if (first != NULL && has_header && row_is_empty (first) && doc->have_columns)
    {
      *columns = doc->columns;
      return TRUE;
    }
  if (guess_columns_in (rows, has_header, columns))
    return TRUE;
  if (in_schedule && doc->have_columns)
    {
      *columns = doc->columns;
      return TRUE;
    }
  return FALSE;
}

/* "| Day | Europe & Asia Pacific | Asia Pacific & US |": a header that
 * names a day column and no topic, whose other columns are named after
 * the meetings that take turns; a row's times stand in the column of its
 * meeting ("| Tuesday, 9th July 2024 | | 8am CST / 8pm EDT |").  Each
 * time is a session named after its column.  FALSE when the table is not
 * that shape: a cell that is not a time, or fewer than two such columns.
 * Why long: the whole table is checked before any session is made, so
 * that a table of another shape is left whole to the row reader. */
static gboolean
read_slot_table (ConveneDocument *doc,
                 GArray          *rows,
                 const ConveneColumns *columns)
{
  char **header = g_array_index (rows, Row, 0).cells;
  guint slots = 0;

  if (columns->date < 0 || columns->month >= 0 || columns->time >= 0)
    return FALSE;
  for (int i = 0; header[i] != NULL; i++)
    {
      if (matches_header (header[i], topic_headers))
        return FALSE;
      if (i != columns->date && i != columns->lead)
        slots++;
    }
  if (slots < 2)
    return FALSE;
  for (guint r = 1; r < rows->len; r++)
    {
      char **cells = g_array_index (rows, Row, r).cells;

      for (int i = 0; cells[i] != NULL; i++)
        {
          g_autofree char *text = convene_text_strip_markup (cells[i]);
          g_autoptr(ConveneTimeExpr) expr = NULL;
          GDate reference;

          if (i == columns->date || i == columns->lead || *g_strstrip (text) == '\0')
            continue;
          g_date_clear (&reference, 1);
          g_date_set_dmy (&reference, 1, G_DATE_JANUARY, doc->year);
          expr = convene_time_expr_parse (text, &reference, NULL, _convene_document_time_flags (doc), NULL);
          if (expr == NULL || !expr->has_time || expr->date_from_text)
            return FALSE;
        }
    }
  for (guint r = 1; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      const char *day = cell_at (row->cells, columns->date);

      for (int i = 0; row->cells[i] != NULL && header[i] != NULL; i++)
        {
          g_autofree char *topic = convene_text_strip_markup (header[i]);
          g_autofree char *when = NULL;
          ConveneSession *session;
          GDate reference;

          if (i == columns->date || i == columns->lead || *g_strstrip (row->cells[i]) == '\0')
            continue;
          when = g_strdup_printf ("%s, %s", day, row->cells[i]);
          g_date_clear (&reference, 1);
          g_date_set_dmy (&reference, 1, G_DATE_JANUARY, doc->year);
          session = _convene_schedule_add_session (doc, topic);
          if (columns->lead >= 0)
            set_lead (doc, session, cell_at (row->cells, columns->lead));
          read_date_cell (doc, session, when, &reference, row->line->number);
        }
    }
  return TRUE;
}

/* Reads the table at @index into sessions when it is a schedule (it has a
 * month or date column, or its section is the schedule).  Returns the
 * index after the table, or @index for a lone line with a tab in it: a
 * sentence. */
guint
_convene_schedule_read_table (ConveneDocument *doc,
                              guint            index,
                              gboolean         in_schedule)
{
  g_autoptr(GArray) rows = NULL;
  ConveneColumns columns;
  gboolean has_header, header_named;
  guint end;

  rows = collect_rows (doc, index, &end, &has_header);
  if (!find_columns (doc, rows, has_header, in_schedule, &columns) ||
      (columns.month < 0 && columns.date < 0 && !in_schedule))
    {
      const ConveneLine *first = g_ptr_array_index (doc->lines, index);

      return first->kind == CONVENE_LINE_TAB_ROW && end == index + 1 ? index : end;
    }

  doc->columns = columns;
  doc->have_columns = TRUE;
  doc->last_row_session = NULL;
  header_named = rows->len > 0 && columns_from_header (g_array_index (rows, Row, 0).cells, &columns);
  if (header_named && read_slot_table (doc, rows, &columns))
    return end;
  for (guint r = (has_header || header_named) ? 1 : 0; r < rows->len; r++)
    read_row (doc, g_array_index (rows, Row, r).line, g_array_index (rows, Row, r).cells);
  return end;
}

/* "February: Policy+ initiative (Tuesday 23rd at 7pm London time)":
 * the month a schedule line starts with, and the rest.  0 without one. */
static int
take_month (const char  *text,
            const char **rest)
{
  g_autofree char *word = g_strndup (text, strcspn (text, " :,.-–—"));
  int month = convene_time_words_month_from_name (word);

  *rest = text;
  if (month == 0)
    return 0;
  *rest = text + strlen (word);
  while (**rest != '\0' && strchr (" :,.-", **rest) != NULL)
    (*rest)++;
  while (g_str_has_prefix (*rest, "–") || g_str_has_prefix (*rest, "—"))
    *rest += strlen ("–");
  while (**rest == ' ')
    (*rest)++;
  return month;
}

/* "Open contracting ," once its time and lead are taken out; "Chief Data
 * Officers roundtable (to be confirmed)" says no more than its missing
 * month does. */
static void
tidy_topic (char *topic)
{
  char *open = strrchr (topic, '(');
  gsize n;

  if (open != NULL && g_str_has_suffix (open, ")"))
    {
      g_autofree char *inner = g_strndup (open + 1, strlen (open) - 2);

      if (is_only (inner, tbc_words))
        *open = '\0';
    }
  n = strlen (topic);
  while (n > 0 && strchr (" ,;:-", topic[n - 1]) != NULL)
    topic[--n] = '\0';
}

/* A schedule written as a list rather than a table: "- March: Climate
 * data (Tuesday 30th at 5pm EAT), Flor leads", "- Chief Data Officers
 * roundtable (TBC)". */
void
_convene_schedule_read_item (ConveneDocument   *doc,
                             const ConveneLine *line)
{
  g_autofree char *text = g_strdup (line->text);
  g_autofree char *lead = _convene_lead_take_from_text (text);
  g_autofree char *topic = NULL, *when = NULL, *clean = NULL;
  ConveneSession *session;
  const char *rest, *language;
  char *empty;
  GDate reference;
  int month;

  if (_convene_document_is_undated_item (doc, line))
    return;
  /* "(Paul leads)" leaves "()" behind. */
  while ((empty = strstr (text, "()")) != NULL)
    memmove (empty, empty + 2, strlen (empty + 2) + 1);
  clean = convene_text_squeeze (text);
  month = take_month (clean, &rest);
  if (*rest == '\0')
    return;
  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, month > 0 ? month : G_DATE_JANUARY, doc->year);
  if (!_convene_split_topic_and_time (doc, rest, &reference, &topic, &when))
    topic = g_strdup (rest);
  tidy_topic (topic);
  if (*topic == '\0')
    return;

  session = _convene_schedule_add_session (doc, topic);
  if (month > 0)
    {
      g_autofree char *text_month = g_strdup_printf ("%04d-%02d", doc->year, month);

      convene_session_set_month (session, text_month);
    }
  if (lead != NULL)
    set_lead (doc, session, lead);
  if (convene_text_has_any_word (clean, no_meeting_words))
    convene_session_set_status (session, CONVENE_SESSION_STATUS_NO_MEETING);
  else if (when != NULL)
    _convene_session_set_time (doc, session, when, &reference, line->number);
  convene_session_set_format (session, convene_text_find_format (clean, CONVENE_SESSION_FORMAT_MEETING));
  if ((language = convene_text_find_language (clean)) != NULL)
    convene_session_set_language (session, language);
}
