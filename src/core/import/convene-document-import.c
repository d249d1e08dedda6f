/* convene-document-import.c: an action plan written by people, read.
 *
 * A plan document has a title ("Action Plan 2021", often under the group's
 * name), goals, specific actions and a meeting schedule; a news item may
 * list its goals as "Name, description" lines after a sentence ending in a
 * colon.  This file walks the classified lines, keeps track of the section
 * it is in and builds the plan, its goals and its actions; the schedule
 * tables and meeting announcements have their own files.
 *
 * Defaults, as the JSON export shows them: a session with no stated length
 * lasts 60 minutes; a session with only a month is "tentative", as is one
 * to be confirmed; the format is "meeting" unless the text names another
 * (roundtable, fair, survey, panel, workshop, meetup); the language is "en"
 * unless the row, or the whole document, is Spanish (or names another); a
 * named lead becomes a person.  Nothing is written to the database here.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "import/convene-document-import.h"
#include "import/convene-document-private.h"
#include "time/convene-clock.h"

typedef enum {
  SECTION_NONE,       /* before any heading after the title */
  SECTION_NARRATIVE,  /* a heading Convene has no place for: its text joins the summary */
  SECTION_GOALS,
  SECTION_ACTIONS,
  SECTION_SCHEDULE,
  SECTION_GOAL_TEXT,  /* a goal's title again, as a heading: more of its description */
} Section;

typedef enum {
  LIST_NONE,
  LIST_GOALS,
  LIST_ACTIONS,
} List;

typedef struct {
  ConveneDocument *doc;
  Section          section;
  ConveneGoal     *goal;        /* under SECTION_GOAL_TEXT */
  List             list;        /* announced by a sentence ending in ':' */
  ConveneLineKind  list_style;  /* the kind of its first item; BLANK before it */
  guint            list_items;
  gboolean         after_blank;
  GString         *summary;
  GHashTable      *goal_titles; /* normalised title → ConveneGoal, borrowed */
  int              title_index; /* -1 when the document has no title line */
  int              group_index;
  GArray          *spans;       /* SectionSpan, one a heading read as a section */
  guint           *made_at;     /* by line index: goals, actions and sessions made before it */
} Walk;

/* A section of goals, actions or meetings, from its heading to the next
 * heading of its level or above (its subsections are part of it), so
 * that one that made nothing is said. */
typedef struct {
  const ConveneLine *heading;
  guint              first;     /* index of the heading's line */
  Section            section;
} SectionSpan;

static const char * const goal_words[] = {
  "goal", "goals", "objective", "objectives", "objetivo", "objetivos", "aims", "metas", NULL,
};

static const char * const action_words[] = {
  "actions", "specific action", "action items", "acciones", "activities", "actividades",
  "deliverables", "products", "productos", "outputs", "tasks", "tareas", "milestones", "timeline",
  "hitos", "entregables", NULL,
};

static const char * const schedule_words[] = {
  "schedul*", "calendar*", "cronograma", "meetings", "sessions", "sesiones", "reuniones",
  "agenda", "programme", "program", NULL,
};

static GRegex *
title_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter_pointer (&regex))
    {
      const char *pattern =
        "\\b(?:action|work|working|annual|strategic)\\s+plan\\b"
        "|\\bplan\\s+(?:de\\s+)?(?:acci[oó]n|trabajo|anual)\\b"
        "|\\bplan(?:es)?\\s+(?:19|20)\\d\\d\\b|\\broad\\s?map\\b|\\bhoja de ruta\\b";

      g_once_init_leave_pointer (&regex, g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE,
                                                      0, NULL));
    }
  return regex;
}

static ConveneLine *
line_at (ConveneDocument *doc,
         int              i)
{
  return g_ptr_array_index (doc->lines, i);
}

/* "Action Plan 2021" and the group's name on the heading above it ("##
 * **Implementation Working Group**"); a news item's headline otherwise. */
static void
find_title (Walk *walk)
{
  ConveneDocument *doc = walk->doc;
  int first = -1, previous = -1;

  walk->title_index = walk->group_index = -1;
  for (guint i = 0; i < doc->lines->len; i++)
    {
      ConveneLine *line = line_at (doc, i);

      if (line->kind != CONVENE_LINE_HEADING)
        {
          if (line->kind != CONVENE_LINE_BLANK)
            previous = -1;
          continue;
        }
      if (g_regex_match (title_regex (), line->text, 0, NULL))
        {
          walk->title_index = i;
          walk->group_index = previous;
          return;
        }
      if (first < 0)
        first = i;
      previous = i;
    }
  /* "## Group" then "# Title", as the Markdown export writes them. */
  if (first >= 0 && line_at (doc, first)->level > 1)
    {
      guint next = first + 1;

      while (next < doc->lines->len && line_at (doc, next)->kind == CONVENE_LINE_BLANK)
        next++;
      if (next < doc->lines->len && line_at (doc, next)->kind == CONVENE_LINE_HEADING &&
          line_at (doc, next)->level == 1)
        {
          walk->group_index = first;
          walk->title_index = next;
          return;
        }
    }
  /* No "plan" anywhere: the first heading names the document, unless it
   * is a section ("Goals"). */
  if (first >= 0 &&
      !convene_text_has_any_word (line_at (doc, first)->text, goal_words) &&
      !convene_text_has_any_word (line_at (doc, first)->text, action_words) &&
      !convene_text_has_any_word (line_at (doc, first)->text, schedule_words))
    walk->title_index = first;
}

static int
year_in (const char *text,
         gboolean    dated_only)
{
  static GRegex *dated, *bare;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year = NULL;

  if (g_once_init_enter_pointer (&dated))
    g_once_init_leave_pointer (&dated, g_regex_new (
      "\\b\\d{1,2}[-/.]\\d{1,2}[-/.]((?:19|20)\\d\\d)\\b|\\b((?:19|20)\\d\\d)-\\d\\d-\\d\\d\\b"
      "|\\b\\p{L}{3,10}\\.?,?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d\\d)\\b"
      /* "28 de abril de 2018", as Spanish writes a day */
      "|\\b\\d{1,2}\\s+de\\s+\\p{L}{4,10}\\s+(?:de|del)\\s+((?:19|20)\\d\\d)\\b",
      G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter_pointer (&bare))
    g_once_init_leave_pointer (&bare, g_regex_new ("\\b((?:19|20)\\d\\d)\\b", G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (dated_only ? dated : bare, text, 0, &match))
    return 0;
  for (int group = 1; group <= 4 && (year == NULL || *year == '\0'); group++)
    {
      g_free (year);
      year = g_match_info_fetch (match, group);
    }
  if (year == NULL || *year == '\0')
    return 0;
  /* "March 2021" counts, "Since 2023" does not: only month names. */
  if (dated_only)
    {
      g_autofree char *whole = g_match_info_fetch (match, 0);
      g_auto(GStrv) words = g_strsplit_set (whole, " ,.", 2);

      if (g_ascii_isalpha (whole[0]) && convene_time_words_month_from_name (words[0]) == 0)
        {
          int start = 0, end = 0;

          g_match_info_fetch_pos (match, 0, &start, &end);
          return year_in (text + end, TRUE);
        }
    }
  return atoi (year);
}

/* The plan's year: from the title, then from a heading ("IWG meeting
 * scheduled for 2024"), then from the first date in the text, then from
 * any year it names. */
static int
find_year (Walk *walk)
{
  ConveneDocument *doc = walk->doc;
  int year = 0;

  if (walk->title_index >= 0)
    year = year_in (line_at (doc, walk->title_index)->text, FALSE);
  for (guint i = 0; year == 0 && i < doc->lines->len; i++)
    if (line_at (doc, i)->kind == CONVENE_LINE_HEADING)
      year = year_in (line_at (doc, i)->text, FALSE);
  for (guint i = 0; year == 0 && i < doc->lines->len; i++)
    year = year_in (line_at (doc, i)->text, TRUE);
  for (guint i = 0; year == 0 && i < doc->lines->len; i++)
    year = year_in (line_at (doc, i)->text, FALSE);
  return year;
}

/* Copies the time parser's warnings, each once per line.  A line's
 * warnings are added while that line is read, so they are the last ones in
 * the list: only those are compared.  (Comparing with every warning before
 * made a long table with a warning on each row quadratic.) */
void
_convene_document_warn_expr (ConveneDocument *doc,
                             guint            line,
                             ConveneTimeExpr *expr)
{
  GPtrArray *warnings = doc->result->warnings;

  for (guint i = 0; expr->warnings != NULL && i < expr->warnings->len; i++)
    {
      const char *message = g_ptr_array_index (expr->warnings, i);
      gboolean seen = FALSE;

      for (guint k = warnings->len; k > 0 && !seen; k--)
        {
          ConveneImportWarning *warning = g_ptr_array_index (warnings, k - 1);

          if (warning->line != line)
            break;
          seen = g_strcmp0 (warning->message, message) == 0;
        }
      if (!seen)
        convene_import_result_warn (doc->result, line, "%s", message);
    }
}

static gboolean
is_item (const char *line_start)
{
  return g_str_has_prefix (line_start, "- ") ||
         (g_ascii_isdigit (line_start[0]) && strstr (line_start, ". ") != NULL &&
          strstr (line_start, ". ") - line_start <= 3);
}

/* Adds @text to @prose as it was written: a line cut in the middle of a
 * sentence joins it, a list item takes a line of its own, anything else
 * starts a paragraph. */
static void
prose_append (GString    *prose,
              const char *text,
              const char *marker,
              gboolean    adjacent)
{
  const char *last_line;
  char last;

  if (*text == '\0')
    return;
  if (prose->len == 0)
    {
      g_string_append_printf (prose, "%s%s", marker != NULL ? marker : "", text);
      return;
    }
  last_line = strrchr (prose->str, '\n');
  last_line = last_line != NULL ? last_line + 1 : prose->str;
  last = prose->str[prose->len - 1];
  /* A hard-wrapped line, or a sentence a page break cut in two. */
  if (marker == NULL && strchr (".!?:", last) == NULL &&
      (adjacent || g_unichar_islower (g_utf8_get_char (text))) && !is_item (last_line))
    g_string_append_printf (prose, " %s", text);
  else if (marker != NULL && is_item (last_line))
    g_string_append_printf (prose, "\n%s%s", marker, text);
  else
    g_string_append_printf (prose, "\n\n%s%s", marker != NULL ? marker : "", text);
}

static char *
strip_final_period (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));
  gsize n = strlen (copy);

  if (n > 1 && (copy[n - 1] == '.' || copy[n - 1] == ':') && copy[n - 2] != '.')
    copy[n - 1] = '\0';
  return g_strchomp (copy);
}

static guint
words_before (const char *text,
              const char *at)
{
  guint n = 1;

  for (const char *p = text; p < at; p++)
    n += *p == ' ';
  return n;
}

/* "Learning networks designed to facilitate...": a name ends where a
 * participle or "to", "that", "for" begins the description. */
static const char *
name_end (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", 7);
  const char *p = text;

  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL && i < 6; i++)
    {
      gsize n = strlen (words[i]);

      if (i >= 1 &&
          ((n >= 5 && g_str_has_suffix (words[i], "ed")) || g_str_equal (words[i], "to") ||
           g_str_equal (words[i], "that") || g_str_equal (words[i], "which") ||
           g_str_equal (words[i], "for")))
        return p - 1;
      p += n + 1;
    }
  return NULL;
}

/* A goal's title and description from "**Title.** Description", "Title:
 * description", "Name, description", "Title. Description", or the whole
 * text as its title. */
static void
split_goal (const ConveneLine  *line,
            gboolean            name_first,
            char              **title,
            char              **description)
{
  const char *body = line->raw + line->body;
  const char *text = line->text;
  const char *cut = NULL;
  gsize skip = 0;

  if (g_str_has_prefix (body, "**") && strstr (body + 2, "**") != NULL)
    {
      const char *close = strstr (body + 2, "**");
      g_autofree char *bold = g_strndup (body + 2, close - (body + 2));
      g_autofree char *rest = convene_text_strip_markup (close + 2);

      *title = strip_final_period (bold);
      *description = *rest != '\0' ? g_steal_pointer (&rest) : NULL;
      return;
    }
  if ((cut = strstr (text, ": ")) != NULL && words_before (text, cut) <= 6)
    skip = 2;
  else if ((cut = strstr (text, ", ")) != NULL && words_before (text, cut) <= 4)
    skip = 2;
  else if (name_first && (cut = name_end (text)) != NULL)
    skip = 1;
  else if ((cut = strstr (text, ". ")) != NULL && words_before (text, cut) <= 8)
    skip = 2;
  else
    cut = NULL;

  if (cut == NULL)
    {
      *title = strip_final_period (text);
      *description = NULL;
      return;
    }
  *title = g_strndup (text, cut - text);
  *description = g_strdup (cut + skip);
}

static char *
normalize_title (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  gsize n = strlen (g_strstrip (lower));

  while (n > 0 && strchr (".:;!?", lower[n - 1]) != NULL)
    lower[--n] = '\0';
  return g_steal_pointer (&lower);
}

static void
add_goal (Walk              *walk,
          const ConveneLine *line,
          gboolean           name_first)
{
  g_autoptr(ConveneGoal) goal = convene_goal_new ();
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  split_goal (line, name_first, &title, &description);
  if (*title == '\0')
    return;
  convene_goal_set_plan (goal, walk->doc->plan_id);
  convene_goal_set_position (goal, walk->doc->result->goals->len + 1);
  convene_goal_set_title (goal, title);
  convene_goal_set_description (goal, description);
  g_hash_table_insert (walk->goal_titles, normalize_title (title), goal);
  _convene_document_note_line (walk->doc, line->number);
  convene_import_result_take (walk->doc->result, g_steal_pointer (&goal));
}

/* An action from a list item or a line of a list; its due from the label
 * it starts with or the month item above it (convene-document-dues.c). */
static void
add_action (Walk              *walk,
            const ConveneLine *line)
{
  g_autoptr(ConveneAction) action = NULL;
  g_autofree char *text = NULL, *due = NULL, *title = NULL;

  if (!_convene_document_dues_item (walk->doc, line, &text, &due))
    return;
  title = strip_final_period (text);
  if (*title == '\0')
    return;
  action = convene_action_new ();
  convene_action_set_plan (action, walk->doc->plan_id);
  convene_action_set_title (action, title);
  convene_action_set_status (action, CONVENE_ACTION_STATUS_PLANNED);
  convene_action_set_due (action, due);
  _convene_document_note_line (walk->doc, line->number);
  convene_import_result_take (walk->doc->result, g_steal_pointer (&action));
}

static const char *last_word (const char *lower, const char * const *words);

static void
add_goal_titled (Walk       *walk,
                 const char *title,
                 guint       line)
{
  g_autoptr(ConveneGoal) goal = convene_goal_new ();

  convene_goal_set_plan (goal, walk->doc->plan_id);
  convene_goal_set_position (goal, walk->doc->result->goals->len + 1);
  convene_goal_set_title (goal, title);
  g_hash_table_insert (walk->goal_titles, normalize_title (title), goal);
  _convene_document_note_line (walk->doc, line);
  convene_import_result_take (walk->doc->result, g_steal_pointer (&goal));
}

/* "...has set several goals ..., namely Vocabulary & Definitions,
 * Communication Plan, The Process, and Vision.": goals named in a
 * sentence, as a list after the word that announces it.  Each name is
 * short and capitalised, or this is prose about goals, not a list. */
static gboolean
read_goal_sentence (Walk              *walk,
                    const ConveneLine *line)
{
  static GRegex *intro, *separator;
  g_autofree char *lower = g_utf8_strdown (line->text, -1);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) names = NULL;
  const char *goal_at = last_word (lower, goal_words);
  int start, end;
  guint n = 0;
  gsize len;

  if (goal_at == NULL)
    return FALSE;
  if (g_once_init_enter_pointer (&intro))
    g_once_init_leave_pointer (&intro, g_regex_new (
      ",?\\s*(?:\\bnamely\\b|\\bwhich are\\b|\\bare\\b|\\binclud(?:e|ing)\\b|\\ba saber\\b|\\bes decir\\b"
      "|\\bque son\\b|\\bson\\b|\\bincluyen\\b|:)\\s+",
      G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter_pointer (&separator))
    g_once_init_leave_pointer (&separator, g_regex_new ("\\s*,\\s*(?:and\\s+|y\\s+|e\\s+)?|\\s+(?:and|y|e)\\s+",
                                                        G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match_full (intro, line->text, -1, goal_at - lower, 0, &match, NULL))
    return FALSE;
  g_match_info_fetch_pos (match, 0, &start, &end);
  list = g_strdup (line->text + end);
  len = strlen (list);
  while (len > 0 && strchr (". ", list[len - 1]) != NULL)
    list[--len] = '\0';
  if (strchr (list, '.') != NULL)
    return FALSE;
  names = g_regex_split (separator, list, 0);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (*names[i] == '\0')
        continue;
      if (!g_unichar_isupper (g_utf8_get_char (names[i])) || strlen (names[i]) > 60 ||
          words_before (names[i], names[i] + strlen (names[i])) > 6)
        return FALSE;
      n++;
    }
  if (n < 2)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      add_goal_titled (walk, names[i], line->number);
  return TRUE;
}

static void
append_goal_text (Walk       *walk,
                  const char *text,
                  const char *marker)
{
  g_autoptr(GString) prose = g_string_new (convene_goal_get_description (walk->goal));

  prose_append (prose, text, marker, !walk->after_blank);
  convene_goal_set_description (walk->goal, prose->str);
}

/* Seed plans list their goals first, then come back to each one under a
 * heading that repeats its title: that heading is more of the goal, not a
 * new one. */
static ConveneGoal *
goal_titled (Walk       *walk,
             const char *text)
{
  g_autofree char *wanted = normalize_title (text);

  return g_hash_table_lookup (walk->goal_titles, wanted);
}

static guint
made_so_far (ConveneDocument *doc)
{
  return doc->result->goals->len + doc->result->actions->len + doc->result->sessions->len;
}

/* A section of goals, actions or meetings with text in it, of which no
 * reader made anything nor used a line (the readers after the walk
 * included): said, quoting its heading, rather than dropped. */
static void
warn_skipped_sections (Walk *walk)
{
  ConveneDocument *doc = walk->doc;

  for (guint i = 0; i < walk->spans->len; i++)
    {
      const SectionSpan *span = &g_array_index (walk->spans, SectionSpan, i);
      gboolean text = FALSE, used = FALSE;
      guint end;

      for (end = span->first + 1; end < doc->lines->len; end++)
        if (line_at (doc, end)->kind == CONVENE_LINE_HEADING && line_at (doc, end)->level <= span->heading->level)
          break;
      if (walk->made_at[end] > walk->made_at[span->first])
        continue;
      for (guint k = span->first + 1; k < end && !used; k++)
        {
          const ConveneLine *line = line_at (doc, k);

          text |= line->kind != CONVENE_LINE_BLANK && *line->text != '\0';
          used = _convene_document_line_used (doc, line->number);
        }
      if (text && !used)
        /* Translators: a heading of the document, quoted */
        convene_import_result_warn (doc->result, span->heading->number,
                                    _("Nothing was imported from the section “%s”: Convene found no goal, action or meeting in it that it could read."),
                                    span->heading->text);
    }
}

static void
read_heading (Walk              *walk,
              const ConveneLine *line)
{
  const char *text = line->text;

  walk->list = LIST_NONE;
  g_clear_pointer (&walk->doc->due_context, g_free);
  _convene_document_dates_section (walk->doc, text);
  walk->goal = goal_titled (walk, text);
  if (walk->goal != NULL)
    walk->section = SECTION_GOAL_TEXT;
  else if (convene_text_has_any_word (text, goal_words))
    walk->section = SECTION_GOALS;
  else if (convene_text_has_any_word (text, action_words) &&
           !g_regex_match (title_regex (), text, 0, NULL))
    walk->section = SECTION_ACTIONS;
  else if (convene_text_has_any_word (text, schedule_words))
    walk->section = SECTION_SCHEDULE;
  else
    walk->section = SECTION_NARRATIVE;
  if (walk->section == SECTION_GOALS || walk->section == SECTION_ACTIONS || walk->section == SECTION_SCHEDULE)
    {
      SectionSpan span = { line, line->number - 1, walk->section };

      g_array_append_val (walk->spans, span);
    }
}

static const char *
last_word (const char         *lower,
           const char * const *words)
{
  const char *last = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    for (const char *p = convene_text_find_word (lower, lower, words[i]); p != NULL;
         p = convene_text_find_word (lower, p + 1, words[i]))
      if (last == NULL || p > last)
        last = p;
  return last;
}

static List
list_announced_by (Walk       *walk,
                   const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *goal_at = NULL, *action_at = NULL;

  if (walk->section == SECTION_GOALS)
    return LIST_GOALS;
  if (walk->section == SECTION_ACTIONS)
    return LIST_ACTIONS;
  /* "...the forthcoming goals of the group which will be focused on:" and
   * "Among new products expected... should be highlighted:" */
  goal_at = last_word (lower, goal_words);
  action_at = last_word (lower, action_words);
  if (goal_at == NULL && action_at == NULL)
    return LIST_NONE;
  if (action_at == NULL || (goal_at != NULL && goal_at > action_at))
    return LIST_GOALS;
  return LIST_ACTIONS;
}

static void
read_item (Walk              *walk,
           const ConveneLine *line)
{
  List list = walk->section == SECTION_GOALS ? LIST_GOALS :
              walk->section == SECTION_ACTIONS ? LIST_ACTIONS : walk->list;
  const char *marker = line->kind == CONVENE_LINE_BULLET ? "- " : "1. ";

  if (walk->list != LIST_NONE && walk->list_style == CONVENE_LINE_BLANK)
    walk->list_style = line->kind;
  walk->list_items++;

  if (list == LIST_GOALS)
    add_goal (walk, line, FALSE);
  else if (list == LIST_ACTIONS)
    add_action (walk, line);
  else if (walk->section == SECTION_GOAL_TEXT)
    append_goal_text (walk, line->text, marker);
  else if (walk->section == SECTION_SCHEDULE)
    _convene_schedule_read_item (walk->doc, line);
  else if (walk->section == SECTION_NONE || walk->section == SECTION_NARRATIVE)
    prose_append (walk->summary, line->text, marker, !walk->after_blank);
}

static gboolean
starts_with_month (const char *text)
{
  g_autofree char *word = g_strndup (text, strcspn (text, " :,.-"));

  return convene_time_words_month_from_name (word) != 0;
}

static void
read_text (Walk              *walk,
           const ConveneLine *line)
{
  const char *text = line->text;
  gsize n = strlen (text);

  if (walk->section != SECTION_GOAL_TEXT && walk->section != SECTION_GOALS && read_goal_sentence (walk, line))
    return;
  if (n > 0 && text[n - 1] == ':' && walk->section != SECTION_SCHEDULE &&
      walk->section != SECTION_GOAL_TEXT && (walk->list = list_announced_by (walk, text)) != LIST_NONE)
    {
      walk->list_style = CONVENE_LINE_BLANK;
      walk->list_items = 0;
      return;
    }
  if (walk->list != LIST_NONE &&
      (walk->list_style == CONVENE_LINE_BLANK || walk->list_style == CONVENE_LINE_TEXT))
    {
      walk->list_style = CONVENE_LINE_TEXT;
      walk->list_items++;
      if (walk->list == LIST_GOALS)
        add_goal (walk, line, TRUE);
      else
        add_action (walk, line);
      return;
    }
  /* A sentence after the items ends their list. */
  walk->list = LIST_NONE;
  if (walk->section == SECTION_GOAL_TEXT)
    append_goal_text (walk, text, NULL);
  else if (walk->section == SECTION_SCHEDULE && starts_with_month (text))
    _convene_schedule_read_item (walk->doc, line);
  else if (walk->section == SECTION_NONE || walk->section == SECTION_NARRATIVE)
    prose_append (walk->summary, text, NULL, !walk->after_blank);
}

/* A meeting's day and time wherever it stands, outside goals and actions
 * (convene-document-dates.c). */
static gboolean
read_dated (Walk              *walk,
            const ConveneLine *line)
{
  if (walk->list != LIST_NONE || (walk->section != SECTION_NONE && walk->section != SECTION_NARRATIVE &&
                                  walk->section != SECTION_SCHEDULE))
    return FALSE;
  return _convene_document_dates_read (walk->doc, line, walk->section == SECTION_SCHEDULE);
}

static void
walk_lines (Walk *walk)
{
  ConveneDocument *doc = walk->doc;

  for (guint i = 0; i < doc->lines->len;)
    {
      ConveneLine *line = line_at (doc, i);

      walk->made_at[i] = made_so_far (doc);
      switch (line->kind)
        {
        case CONVENE_LINE_BLANK:
          /* A blank line ends a list of plain lines, once it has items. */
          if (walk->list_style == CONVENE_LINE_TEXT && walk->list_items > 0)
            walk->list = LIST_NONE;
          _convene_document_dates_read (doc, line, FALSE);
          break;
        case CONVENE_LINE_HEADING:
          if ((int) i != walk->title_index && (int) i != walk->group_index)
            read_heading (walk, line);
          break;
        case CONVENE_LINE_PIPE_ROW:
        case CONVENE_LINE_PIPE_RULE:
        case CONVENE_LINE_TAB_ROW:
          {
            guint next = _convene_document_dues_read_table (doc, i);

            if (next == i)
              next = _convene_schedule_read_table (doc, i, walk->section == SECTION_SCHEDULE);

            walk->list = LIST_NONE;
            if (next > i)
              {
                i = next;
                continue;
              }
            read_text (walk, line);
          }
          break;
        case CONVENE_LINE_NUMBERED:
        case CONVENE_LINE_BULLET:
          if (!read_dated (walk, line))
            read_item (walk, line);
          break;
        case CONVENE_LINE_TEXT:
        default:
          if (!read_dated (walk, line))
            read_text (walk, line);
          break;
        }
      walk->after_blank = line->kind == CONVENE_LINE_BLANK;
      i++;
    }
  walk->made_at[doc->lines->len] = made_so_far (doc);
}

/* The document as UTF-8 text.  Word processors save "Unicode text" as
 * UTF-16 and older editors as Windows-1252: both are read, with a warning
 * for the latter since a guess is involved. */
static char *
decode_text (const char  *file,
             const char  *contents,
             gsize        length,
             gboolean    *guessed,
             GError     **error)
{
  const guchar *bytes = (const guchar *) contents;
  g_autofree char *text = NULL;

  *guessed = FALSE;
  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    text = g_convert (contents + 2, length - 2, "UTF-8", bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                      NULL, NULL, NULL);
  else if (memchr (contents, '\0', length) != NULL)
    text = NULL;
  else if (g_utf8_validate_len (contents, length, NULL))
    text = g_strndup (contents, length);
  else if ((text = g_convert (contents, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL)) != NULL)
    *guessed = TRUE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
                   _("%s: this is not a text document that Convene can read"), file);
      return NULL;
    }
  /* A byte order mark is not part of the first line. */
  if (g_str_has_prefix (text, "\xef\xbb\xbf"))
    memmove (text, text + 3, strlen (text + 3) + 1);
  return g_steal_pointer (&text);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0xA0)
      return FALSE;
  return TRUE;
}

static char *
dup_file_stem (const char *file)
{
  g_autofree char *base = g_path_get_basename (file);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* "Asia Pacific", "4pm in China": a text that names Asia, where "CST" is
 * more likely China Standard Time than US Central (still warned). */
static gboolean
speaks_of_asia (ConveneDocument *doc)
{
  static const char * const words[] = {
    "asia", "asian", "apac", "china", "chinese", "beijing", "shanghai", "shenzhen", "hong kong",
    "taiwan", "taipei", "singapore", NULL,
  };

  for (guint i = 0; i < doc->lines->len; i++)
    if (convene_text_has_any_word (line_at (doc, i)->text, words))
      return TRUE;
  return FALSE;
}

static void
start_plan (ConveneDocument *doc,
            Walk            *walk)
{
  g_autoptr(ConvenePlan) plan = convene_plan_new ();

  find_title (walk);
  if (walk->title_index >= 0)
    convene_plan_set_title (plan, line_at (doc, walk->title_index)->text);
  if (walk->group_index >= 0)
    convene_plan_set_group (plan, line_at (doc, walk->group_index)->text);
  doc->year = find_year (walk);
  if (doc->year == 0)
    {
      g_autoptr(GDateTime) now = convene_now_in (convene_local_zone ());

      doc->year = g_date_time_get_year (now);
      doc->year_guessed = TRUE;
    }
  doc->spanish = convene_text_looks_spanish (doc->lines);
  doc->asia = speaks_of_asia (doc);

  doc->plan = plan;
  convene_import_result_take (doc->result, g_steal_pointer (&plan));
  doc->plan_id = convene_entity_get_id (CONVENE_ENTITY (doc->plan));
}

static gboolean
found_anything (ConveneDocument *doc)
{
  return doc->result->goals->len + doc->result->actions->len + doc->result->sessions->len > 0;
}

static void
finish_plan (ConveneDocument *doc,
             Walk            *walk)
{
  if (convene_plan_get_title (doc->plan) == NULL)
    {
      g_autofree char *stem = dup_file_stem (doc->result->file);

      convene_plan_set_title (doc->plan, stem);
      convene_import_result_warn (doc->result, 0,
                                  _("The document has no title; the plan is called “%s”."), stem);
    }
  if (walk->summary->len > 0 && convene_plan_get_summary (doc->plan) == NULL)
    convene_plan_set_summary (doc->plan, walk->summary->str);
  /* A news item names its group in a sentence rather than a heading. */
  if (convene_plan_get_group (doc->plan) == NULL && walk->summary->len > 0)
    {
      g_autofree char *group = _convene_text_find_group (walk->summary->str);

      convene_plan_set_group (doc->plan, group);
    }
  if (doc->year_guessed)
    convene_import_result_warn (doc->result, 0, _("The document names no year; Convene assumed %d."),
                                doc->year);
  convene_plan_set_year (doc->plan, doc->year);
  _convene_plan_set_zones (doc);
  _convene_session_times_settle (doc);
  _convene_schedule_series_settle (doc);
}

static void
convene_document_clear (ConveneDocument *doc)
{
  g_clear_pointer (&doc->lines, g_ptr_array_unref);
  g_clear_pointer (&doc->zones, g_ptr_array_unref);
  g_clear_pointer (&doc->fixed_zones, g_ptr_array_unref);
  g_clear_pointer (&doc->pending_times, g_ptr_array_unref);
  g_clear_pointer (&doc->used_lines, g_hash_table_unref);
  g_clear_pointer (&doc->section_title, g_free);
  g_clear_pointer (&doc->pending_day, g_free);
  g_clear_pointer (&doc->open_series_when, g_free);
  g_clear_pointer (&doc->due_context, g_free);
  g_clear_pointer (&doc->series_meetings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ConveneDocument, convene_document_clear)

ConveneImportResult *
convene_document_import (const char  *file,
                         const char  *contents,
                         gsize        length,
                         GError     **error)
{
  const ConveneImportOptions options = { 0 };

  return convene_document_import_full (file, contents, length, &options, error);
}

/* Why long: the steps of one import in their order (decode, split, walk,
 * the readers that look at the whole document, the plan's last details),
 * each of which needs what the one before it left. */
ConveneImportResult *
convene_document_import_full (const char                  *file,
                              const char                  *contents,
                              gsize                        length,
                              const ConveneImportOptions  *options,
                              GError                     **error)
{
  g_autoptr(ConveneImportResult) result = NULL;
  g_auto(ConveneDocument) doc = { 0 };
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GHashTable) goal_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = NULL;
  gboolean guessed;
  guint first_warning;
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (SectionSpan));
  g_autofree guint *made_at = NULL;
  Walk walk = { 0 };

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((text = decode_text (file, contents != NULL ? contents : "", length, &guessed, error)) == NULL)
    return NULL;
  if (is_blank (text))
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EMPTY, _("%s: the file is empty"), file);
      return NULL;
    }

  result = convene_import_result_new (file);
  if (guessed)
    convene_import_result_warn (result, 0, _("The document is not in UTF-8; it was read as Windows-1252 text."));
  doc.result = result;
  doc.default_zone = options->default_zone;
  doc.lines = convene_text_lines_split (text);
  doc.zones = g_ptr_array_new_with_free_func (g_free);
  doc.fixed_zones = g_ptr_array_new_with_free_func (g_free);
  doc.series_meetings = g_ptr_array_new_with_free_func (_convene_series_meeting_free);
  doc.columns = (ConveneColumns) { -1, -1, -1, -1, -1 };
  walk.doc = &doc;
  walk.summary = summary;
  walk.goal_titles = goal_titles;
  walk.spans = spans;
  walk.made_at = made_at = g_new0 (guint, doc.lines->len + 1);

  start_plan (&doc, &walk);
  first_warning = result->warnings->len;
  walk_lines (&walk);
  /* An announcement's text is about its meeting, which has it as its
   * description; it is not a plan's summary. */
  if ((!found_anything (&doc) && _convene_announcement_read (&doc)) ||
      _convene_document_dates_or_announcement (&doc, first_warning))
    g_string_truncate (summary, 0);
  _convene_document_dates_read_undated (&doc);
  _convene_document_dates_warn_unused (&doc);
  warn_skipped_sections (&walk);
  if (!found_anything (&doc))
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EMPTY,
                   _("%s: Convene found no plan, goals, actions or meetings in it"), file);
      return NULL;
    }
  finish_plan (&doc, &walk);
  return g_steal_pointer (&result);
}

/* Anything that is text may be a plan someone wrote; a Markdown file is
 * likely one (a .txt says nothing: emails are saved as text too).  What
 * the text holds decides, not this order. */
static ConveneImporterMatch
sniff_document (const char *file,
                const char *head,
                gsize       length)
{
  static const char * const names[] = { ".md", ".markdown", NULL };

  return convene_importer_match_text (file, head, length, names);
}

const ConveneImporter convene_document_importer = {
  .name = "document", .sniff = sniff_document, .read = convene_document_import_full,
};
