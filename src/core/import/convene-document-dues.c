/* convene-document-dues.c: deliverables and milestones, with the day or
 * month they are due.
 *
 * Work plans give their deliverables a due date in many shapes: a table
 * whose header names a due-date column and a task column ("| Due date |
 * Spec. | Description |", an HTML table of "Date" and "Tasks"), a list of
 * months each with its deliverables as bullets below it ("1. **May:**" /
 * "   * Create Rough Draft..."), or items that start with their month or
 * day ("- **December 2016**: Identify initial set..."), and a range of
 * days ("Apr 23 - Apr 30") is due at its end.  These readers go by the
 * header row, the labels and the indentation, never by one plan's words.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "import/convene-document-private.h"

static const char * const due_headers[] = {
  "due", "due date", "due dates", "deadline", "deadlines", "target date", "date", "dates", "when",
  "fecha", "fechas", "fecha límite", "fecha limite", "plazo", "plazos", "vencimiento", "cuándo", NULL,
};
static const char * const task_headers[] = {
  "task", "tasks", "deliverable", "deliverables", "milestone", "milestones", "description",
  "action", "actions", "activity", "activities", "output", "outputs", "tarea", "tareas",
  "entregable", "entregables", "hito", "hitos", "descripción", "descripcion", "actividad",
  "actividades", "acción", "acciones", "producto", "productos", NULL,
};
static const char * const owner_headers[] = {
  "owner", "owners", "responsible", "who", "lead", "leads", "responsable", "responsables",
  "quién", "quien", NULL,
};

/* Words that make a dated item a deadline rather than a meeting. */
static const char * const deadline_words[] = {
  "deadline", "due", "last day", "closing date", "submission", "fecha límite", "fecha limite",
  "plazo", "último día", "ultimo dia", "cierre", "vence", "a más tardar", NULL,
};

static gboolean
names_header (const char         *cell,
              const char * const *names)
{
  g_autofree char *text = convene_text_strip_markup (cell);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  gsize n;

  g_strstrip (lower);
  /* "Spec." and "Date:" name their columns as well. */
  n = strlen (lower);
  while (n > 0 && (lower[n - 1] == '.' || lower[n - 1] == ':'))
    lower[--n] = '\0';
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (lower, names[i]))
      return TRUE;
  return FALSE;
}

/* "May", "December 2016", "enero de 2023": a month and its year, as a
 * due ("2016-12"); the plan's year when none is written. */
static gboolean
read_month (ConveneDocument *doc,
            const char      *text,
            char           **due)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ,", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  int month, year = doc->year;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && g_ascii_strcasecmp (words[i], "de") != 0 && g_ascii_strcasecmp (words[i], "of") != 0)
      g_ptr_array_add (kept, words[i]);
  if (kept->len == 0 || kept->len > 2 || (month = convene_time_words_month_from_name (g_ptr_array_index (kept, 0))) == 0)
    return FALSE;
  if (kept->len == 2)
    {
      const char *word = g_ptr_array_index (kept, 1);

      if (strlen (word) != 4 || !g_ascii_isdigit (word[0]) || strspn (word, "0123456789") != 4)
        return FALSE;
      year = atoi (word);
    }
  if (year < 1900 || year > 2200)
    return FALSE;
  *due = g_strdup_printf ("%04d-%02d", year, month);
  return TRUE;
}

/* "Feb 4, 2022", "Jun 3", "9 de febrero": one day and nothing else. */
static gboolean
read_day (ConveneDocument *doc,
          const char      *text,
          char           **due)
{
  g_autoptr(ConveneTimeExpr) expr = NULL;
  GDate reference;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_JANUARY, doc->year);
  expr = convene_time_expr_parse (text, &reference, "UTC", _convene_document_time_flags (doc), NULL);
  if (expr == NULL || !expr->date_from_text || expr->has_time || expr->rrule != NULL ||
      !g_date_valid (&expr->date) || (expr->unread != NULL && expr->unread[0] != NULL))
    return FALSE;
  *due = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&expr->date), g_date_get_month (&expr->date),
                          g_date_get_day (&expr->date));
  return TRUE;
}

/* Where a range of days ends: "Apr 23 - Apr 30" at "Apr 30", "Sep 12-16,
 * 2022" at "Sep 16, 2022" (the month of its start, written once),
 * "11-12 October 2021" at its second day.  NULL when @text is no range:
 * its start must be a day or a month itself ("plan for Nov 22 - Oct 23"
 * is none). */
static char *
range_end (ConveneDocument *doc,
           const char      *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *start = NULL, *end = NULL, *month = NULL, *first = NULL;

  if (g_once_init_enter_pointer (&regex))
    g_once_init_leave_pointer (&regex, g_regex_new (
      "^(.*?\\d)\\s*(?:-|–|—|\\bto\\b|\\buntil\\b|\\bal\\b|\\bhasta\\b)\\s*(\\S.*)$",
      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  start = g_match_info_fetch (match, 1);
  end = g_match_info_fetch (match, 2);
  month = g_strndup (start, strcspn (start, " .,"));
  /* "11-12 October 2021": a day's number, its month after the second. */
  if (strspn (start, "0123456789") == strlen (start) && strlen (start) <= 2 && g_ascii_isdigit (end[0]))
    return g_steal_pointer (&end);
  if (!read_month (doc, start, &first) && !read_day (doc, start, &first))
    return NULL;
  if (g_ascii_isdigit (end[0]) && convene_time_words_month_from_name (month) != 0)
    return g_strdup_printf ("%s %s", month, end);
  return g_steal_pointer (&end);
}

/* A due written in @text: a day, a month, or the end of a range of
 * either, with "(tentative)" and a final colon set aside. */
gboolean
_convene_document_due_read (ConveneDocument *doc,
                            const char      *text,
                            char           **due)
{
  g_autofree char *plain = convene_text_strip_markup (text);
  g_autofree char *end = NULL;
  char *paren;
  gsize n;

  g_return_val_if_fail (due != NULL, FALSE);

  *due = NULL;
  if ((paren = strchr (plain, '(')) != NULL && paren > plain)
    *paren = '\0';
  g_strstrip (plain);
  n = strlen (plain);
  while (n > 0 && strchr (":.,", plain[n - 1]) != NULL)
    plain[--n] = '\0';
  if (n == 0 || n > 60)
    return FALSE;
  /* The parser reads a range as its first day: its end is tried first.
   * "2022-02-04" is one day, not a range. */
  if (!g_regex_match_simple ("^\\d{4}-\\d\\d(?:-\\d\\d)?$", plain, 0, 0) &&
      (end = range_end (doc, plain)) != NULL && (read_month (doc, end, due) || read_day (doc, end, due)))
    return TRUE;
  return read_month (doc, plain, due) || read_day (doc, plain, due);
}

gboolean
_convene_document_is_deadline (const char *text)
{
  return convene_text_has_any_word (text, deadline_words);
}

/* The label an item starts with and the rest: "**December 2016**:
 * Identify...", "December 2016: Identify...".  FALSE without one. */
gboolean
_convene_document_split_label (const ConveneLine  *line,
                               char              **label,
                               char              **rest)
{
  const char *body = line->raw + line->body;
  const char *colon;

  while (*body == ' ')
    body++;
  if (g_str_has_prefix (body, "**") && strstr (body + 2, "**") != NULL)
    {
      const char *close = strstr (body + 2, "**");
      g_autofree char *bold = g_strndup (body + 2, close - (body + 2));
      g_autofree char *after = convene_text_strip_markup (close + 2);

      *label = convene_text_strip_markup (bold);
      *rest = g_strdup (g_strstrip (after) + strspn (after, ":-–— "));
      return TRUE;
    }
  if ((colon = strstr (line->text, ": ")) != NULL && colon - line->text <= 30)
    {
      *label = g_strndup (line->text, colon - line->text);
      *rest = g_strdup (colon + 2);
      return TRUE;
    }
  return FALSE;
}

static guint
indent_of (const ConveneLine *line)
{
  guint n = 0;

  for (const char *p = line->raw; *p == ' ' || *p == '\t'; p++)
    n += *p == '\t' ? 4 : 1;
  return n;
}

/* An item of a list of deliverables: its title and its due.  A month or
 * day written alone ("1. **May:**") is due of the items indented below
 * it, and gives no action of its own (returns FALSE); a label of its own
 * ("- **December 2016**: Identify...") is the item's due. */
gboolean
_convene_document_dues_item (ConveneDocument   *doc,
                             const ConveneLine *line,
                             char             **title,
                             char             **due)
{
  g_autofree char *label = NULL, *rest = NULL, *labelled = NULL;
  guint indent = indent_of (line);

  *title = NULL;
  *due = NULL;
  if (doc->due_context != NULL && indent <= doc->due_indent)
    g_clear_pointer (&doc->due_context, g_free);
  if (_convene_document_split_label (line, &label, &rest) && _convene_document_due_read (doc, label, &labelled))
    {
      if (*rest == '\0')
        {
          g_free (doc->due_context);
          doc->due_context = g_steal_pointer (&labelled);
          doc->due_indent = indent;
          _convene_document_note_line (doc, line->number);
          return FALSE;
        }
      *title = g_steal_pointer (&rest);
      *due = g_steal_pointer (&labelled);
      _convene_document_note_line (doc, line->number);
      return TRUE;
    }
  /* "May:" as the text of a numbered item, no bold. */
  if (_convene_document_due_read (doc, line->text, &labelled) && g_str_has_suffix (line->text, ":"))
    {
      g_free (doc->due_context);
      doc->due_context = g_steal_pointer (&labelled);
      doc->due_indent = indent;
      _convene_document_note_line (doc, line->number);
      return FALSE;
    }
  *title = g_strdup (line->text);
  *due = g_strdup (doc->due_context);
  return TRUE;
}

typedef struct {
  int due;
  int task;
  int owner;
} DueColumns;

static gboolean
due_columns (char       **cells,
             DueColumns  *columns)
{
  *columns = (DueColumns) { -1, -1, -1 };
  for (int i = 0; cells[i] != NULL; i++)
    {
      if (columns->due < 0 && names_header (cells[i], due_headers))
        columns->due = i;
      else if (columns->task < 0 && names_header (cells[i], task_headers))
        columns->task = i;
      else if (columns->owner < 0 && names_header (cells[i], owner_headers))
        columns->owner = i;
    }
  return columns->due >= 0 && columns->task >= 0;
}

static const char *
cell_of (char **cells,
         int    column)
{
  if (column < 0 || column >= (int) g_strv_length (cells))
    return "";
  return cells[column];
}

static void
set_owners (ConveneAction *action,
            const char    *cell)
{
  g_autofree char *text = convene_text_strip_markup (cell);
  g_auto(GStrv) names = g_regex_split_simple ("\\s*(?:,|;|\\band\\b|\\by\\b|&)\\s*", text, 0, 0);
  g_autoptr(GStrvBuilder) owners = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (*g_strstrip (names[i]) != '\0')
      g_strv_builder_add (owners, names[i]);
  list = g_strv_builder_end (owners);
  if (list[0] != NULL)
    convene_action_set_owners (action, (const char * const *) list);
}

static void
read_due_row (ConveneDocument   *doc,
              const ConveneLine *line,
              char             **cells,
              const DueColumns  *columns)
{
  g_autoptr(ConveneAction) action = NULL;
  g_autofree char *title = convene_text_strip_markup (cell_of (cells, columns->task));
  g_autofree char *written = convene_text_strip_markup (cell_of (cells, columns->due));
  g_autofree char *due = NULL;

  g_strstrip (title);
  g_strstrip (written);
  if (*title == '\0')
    {
      if (*written != '\0')
        /* Translators: a cell of a table of deliverables, quoted */
        convene_import_result_warn (doc->result, line->number,
                                    _("“%s” is a due date with no task beside it; nothing was made from it."),
                                    written);
      return;
    }
  action = convene_action_new ();
  convene_action_set_plan (action, doc->plan_id);
  convene_action_set_title (action, title);
  convene_action_set_status (action, CONVENE_ACTION_STATUS_PLANNED);
  if (_convene_document_due_read (doc, written, &due))
    convene_action_set_due (action, due);
  else if (*written != '\0')
    convene_import_result_warn (doc->result, line->number,
                                _("“%s” is not a date Convene can read; “%s” has no due date."), written, title);
  if (columns->owner >= 0)
    set_owners (action, cell_of (cells, columns->owner));
  _convene_document_note_line (doc, line->number);
  convene_import_result_take (doc->result, g_steal_pointer (&action));
}

static gboolean
is_table_line (const ConveneLine *line)
{
  return line->kind == CONVENE_LINE_PIPE_ROW || line->kind == CONVENE_LINE_PIPE_RULE ||
         line->kind == CONVENE_LINE_TAB_ROW;
}

/* A table of deliverables at @index: its first row names a due column
 * and a task column.  Each row is an action.  Returns the index after
 * the table, or @index when it is no such table. */
guint
_convene_document_dues_read_table (ConveneDocument *doc,
                                   guint            index)
{
  DueColumns columns;
  gboolean header = FALSE;
  guint i;

  for (i = index; i < doc->lines->len && is_table_line (g_ptr_array_index (doc->lines, i)); i++)
    {
      const ConveneLine *line = g_ptr_array_index (doc->lines, i);
      g_auto(GStrv) cells = NULL;

      if (line->kind == CONVENE_LINE_PIPE_RULE)
        continue;
      cells = convene_text_split_row (line);
      if (!header)
        {
          /* The first row with cells is the header, or this is no table of
           * deliverables. */
          if (!due_columns (cells, &columns))
            return index;
          header = TRUE;
          continue;
        }
      read_due_row (doc, line, cells, &columns);
    }
  return header ? i : index;
}
