/* convene-text-lines.c: a document's lines, classified, and their
 * words without Markdown or HTML.
 *
 * Plans arrive as Markdown, as text pasted from a word processor, or as a web
 * page saved as text, so a heading may be "## **Goals**", "**Goals**" or just
 * "Goals" on a line of its own.  Everything here works on the text alone.
 */
#include "config.h"

#include <string.h>

#include "text/convene-text-lines.h"

static void
convene_line_free (gpointer data)
{
  ConveneLine *line = data;

  g_free (line->raw);
  g_free (line->text);
  g_free (line);
}

static gboolean
is_blank (const char *s)
{
  while (*s != '\0')
    {
      gunichar c = g_utf8_get_char (s);

      if (!g_unichar_isspace (c) && c != 0xA0 && c != 0xFEFF)
        return FALSE;
      s = g_utf8_next_char (s);
    }
  return TRUE;
}

/* Appends the HTML entity at *p, if it is one people paste, and moves past it. */
static gboolean
take_entity (GString     *out,
             const char **p)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&nbsp;", " " }, { "&lt;", "<" }, { "&gt;", ">" },
    { "&quot;", "\"" }, { "&#39;", "'" }, { "&apos;", "'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_ascii_strncasecmp (*p, entities[i].name, strlen (entities[i].name)) == 0)
      {
        g_string_append (out, entities[i].text);
        *p += strlen (entities[i].name);
        return TRUE;
      }
  return FALSE;
}

/* Skips an inline HTML tag such as <i> or </strong>; a "<" that starts no
 * known tag stays text ("< 5 people"). */
static gboolean
skip_tag (GString     *out,
          const char **p)
{
  static const char * const tags[] = { "i", "b", "em", "strong", "u", "span", "br", "p", "div", "s" };
  const char *q = *p + 1;
  gsize n;

  if (*q == '/')
    q++;
  for (n = 0; g_ascii_isalpha (q[n]); n++)
    ;
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (n == strlen (tags[i]) && g_ascii_strncasecmp (q, tags[i], n) == 0)
      {
        const char *end = strchr (q + n, '>');

        if (end == NULL || (end - q) > 200)
          return FALSE;
        if (g_ascii_strncasecmp (tags[i], "br", 2) == 0 || g_str_equal (tags[i], "p"))
          g_string_append_c (out, ' ');
        *p = end + 1;
        return TRUE;
      }
  return FALSE;
}

/* [text](url) keeps its text. */
static gboolean
take_link (GString     *out,
           const char **p)
{
  const char *close = strchr (*p + 1, ']');

  if (close == NULL || close[1] != '(' || strchr (close + 2, ')') == NULL ||
      memchr (*p, '\n', close - *p) != NULL)
    return FALSE;
  g_string_append_len (out, *p + 1, close - (*p + 1));
  *p = strchr (close + 2, ')') + 1;
  return TRUE;
}

/* Collapses runs of white space (no-break spaces included) into one space
 * and trims both ends. */
char *
convene_text_squeeze (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0xFEFF || c == 0x200B)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The words of a line without its Markdown or HTML dress: "<i>Paul leads</i>",
 * "**Goals**" and "[Policy+ initiative](#)" become plain text. */
char *
convene_text_strip_markup (const char *text)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (text));
  g_autofree char *squeezed = NULL;
  const char *p = text;
  gsize len;

  while (*p != '\0')
    {
      if (*p == '<' && skip_tag (out, &p))
        continue;
      if (*p == '&' && take_entity (out, &p))
        continue;
      if (*p == '[' && take_link (out, &p))
        continue;
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
        {
          p += 2;
          continue;
        }
      if (p[0] == '\\' && p[1] != '\0' && strchr ("|*_#[]()\\<>-", p[1]) != NULL)
        p++;
      g_string_append_c (out, *p);
      p++;
    }

  squeezed = convene_text_squeeze (out->str);
  /* A whole cell in *emphasis* or _emphasis_. */
  len = strlen (squeezed);
  if (len > 2 && (squeezed[0] == '*' || squeezed[0] == '_') && squeezed[len - 1] == squeezed[0] &&
      squeezed[1] != ' ' && strchr (squeezed + 1, squeezed[0]) == squeezed + len - 1)
    return g_strndup (squeezed + 1, len - 2);
  return g_steal_pointer (&squeezed);
}

static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

/* Where @lower (lower case) holds @word as a whole word, from @from on; a
 * word ending in '*' matches as a prefix ("schedul*" matches "scheduled").
 * Words may be phrases ("no meeting"). */
const char *
convene_text_find_word (const char *lower,
                         const char *from,
                         const char *word)
{
  gsize n = strlen (word);
  gboolean prefix = n > 0 && word[n - 1] == '*';

  if (prefix)
    n--;
  if (n == 0)
    return NULL;
  for (const char *p = from; *p != '\0'; p++)
    if (*p == word[0] && strncmp (p, word, n) == 0 &&
        (p == lower || !is_word_byte (p[-1])) &&
        (prefix || !is_word_byte (p[n])))
      return p;
  return NULL;
}

gboolean
convene_text_has_word (const char *lower,
                        const char *word)
{
  return convene_text_find_word (lower, lower, word) != NULL;
}

/* Whether @text (any case) holds one of @words. */
gboolean
convene_text_has_any_word (const char         *text,
                            const char * const *words)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (convene_text_has_word (lower, words[i]))
      return TRUE;
  return FALSE;
}

/* "<tr><th>Date</th><td>Tasks</td></tr>": the content of each cell, its
 * own markup kept, as a pipe row's. */
static char **
split_html_row (const char *raw)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  const char *p = raw;

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *open = p, *close;

      p++;
      if (g_ascii_strncasecmp (open, "<td", 3) != 0 && g_ascii_strncasecmp (open, "<th", 3) != 0)
        continue;
      if ((open[3] != '>' && open[3] != ' ') || (open = strchr (open, '>')) == NULL)
        continue;
      open++;
      for (close = open; *close != '\0'; close++)
        if (g_ascii_strncasecmp (close, "</td", 4) == 0 || g_ascii_strncasecmp (close, "</th", 4) == 0 ||
            g_ascii_strncasecmp (close, "<td", 3) == 0 || g_ascii_strncasecmp (close, "<th", 3) == 0 ||
            g_ascii_strncasecmp (close, "</tr", 4) == 0)
          break;
      g_strv_builder_take (cells, g_strstrip (g_strndup (open, close - open)));
      p = close;
    }
  return g_strv_builder_end (cells);
}

static gboolean
is_html_row (const char *s)
{
  return g_ascii_strncasecmp (s, "<tr>", 4) == 0 || g_ascii_strncasecmp (s, "<tr ", 4) == 0;
}

/* "<table border=1>", "</thead>", "<tbody>": the frame of an HTML table,
 * which holds no cells; read as a table's rule so that the rows on either
 * side stay one table. */
static gboolean
is_html_table_frame (const char *s)
{
  static const char * const tags[] = {
    "<table", "</table>", "<thead>", "</thead>", "<tbody>", "</tbody>", "<tfoot>", "</tfoot>", NULL,
  };

  for (guint i = 0; tags[i] != NULL; i++)
    if (g_ascii_strncasecmp (s, tags[i], strlen (tags[i])) == 0 && strchr (s, '>') == s + strlen (s) - 1)
      return TRUE;
  return FALSE;
}

/* The cells of a table row as written, markup included: "| a | b |",
 * "a<TAB>b<TAB>" or an HTML table's "<tr><td>a</td>...".  A "\|" inside
 * a pipe cell is text, not a border. */
char **
convene_text_split_row (const ConveneLine *line)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = line->raw;
  gboolean pipes = line->kind == CONVENE_LINE_PIPE_ROW || line->kind == CONVENE_LINE_PIPE_RULE;
  char separator = pipes ? '|' : '\t';

  while (*p == ' ' || (pipes && *p == '\t'))
    p++;
  if (pipes && is_html_row (p))
    return split_html_row (p);
  if (pipes && *p == '|')
    p++;
  for (; *p != '\0'; p++)
    {
      if (pipes && p[0] == '\\' && p[1] == '|')
        {
          g_string_append (cell, "\\|");
          p++;
          continue;
        }
      if (*p == separator)
        {
          g_strv_builder_take (cells, g_strstrip (g_strdup (cell->str)));
          g_string_truncate (cell, 0);
          continue;
        }
      g_string_append_c (cell, *p);
    }
  /* A pipe row's last border closes nothing; a tab row's last cell may be
   * empty on purpose (a topic without a month). */
  if (!pipes || !is_blank (cell->str))
    g_strv_builder_take (cells, g_strstrip (g_strdup (cell->str)));
  return g_strv_builder_end (cells);
}

static gboolean
is_rule (const char *s,
         char        mark)
{
  guint n = 0;

  for (; *s != '\0'; s++)
    {
      if (*s == mark)
        n++;
      else if (*s != ' ')
        return FALSE;
    }
  return n >= 3;
}

static gboolean
is_pipe_rule (const char *s)
{
  gboolean dash = FALSE;

  for (; *s != '\0'; s++)
    {
      if (*s == '-')
        dash = TRUE;
      else if (strchr ("|: \t", *s) == NULL)
        return FALSE;
    }
  return dash;
}

/* "1. ", "2) ": the length of the marker, or 0. */
static gsize
numbered_marker (const char *s)
{
  gsize n = 0;

  while (g_ascii_isdigit (s[n]) && n < 3)
    n++;
  if (n == 0 || (s[n] != '.' && s[n] != ')') || (s[n + 1] != ' ' && s[n + 1] != '\t'))
    return 0;
  return n + 2;
}

static gsize
bullet_marker (const char *s)
{
  if ((s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t'))
    return 2;
  /* U+2022 BULLET and U+2013 EN DASH, as word processors paste them. */
  if ((g_str_has_prefix (s, "\xe2\x80\xa2") || g_str_has_prefix (s, "\xe2\x80\x93")) &&
      (s[3] == ' ' || s[3] == '\t'))
    return 4;
  return 0;
}

static gsize
heading_marker (const char *s,
                int        *level)
{
  gsize n = 0;

  while (s[n] == '#' && n < 7)
    n++;
  if (n == 0 || n > 6 || (s[n] != ' ' && s[n] != '\0'))
    return 0;
  *level = (int) n;
  return n;
}

/* A line that is all **bold**: a heading in many Markdown plans. */
static gboolean
is_bold_line (const char *s)
{
  gsize n = strlen (s);
  const char *inner;

  if (n < 5 || !g_str_has_prefix (s, "**") || !g_str_has_suffix (s, "**"))
    return FALSE;
  inner = strstr (s + 2, "**");
  return inner == s + n - 2;
}

static void
classify_marked (ConveneLine *line)
{
  const char *s = line->raw;
  gsize n;

  while (*s == ' ')
    s++;
  line->body = s - line->raw;

  if (is_blank (s) || is_rule (s, '-') || is_rule (s, '*') || is_rule (s, '_'))
    line->kind = CONVENE_LINE_BLANK;
  else if ((n = heading_marker (s, &line->level)) > 0)
    {
      g_autofree char *text = g_strdup (s + n);
      gsize len = strlen (g_strchomp (text));

      /* "## Goals ##" */
      while (len > 0 && text[len - 1] == '#')
        text[--len] = '\0';
      line->kind = CONVENE_LINE_HEADING;
      line->text = convene_text_strip_markup (text);
    }
  else if (*s == '|')
    line->kind = is_pipe_rule (s) ? CONVENE_LINE_PIPE_RULE : CONVENE_LINE_PIPE_ROW;
  else if (is_html_row (s))
    line->kind = CONVENE_LINE_PIPE_ROW;
  else if (is_html_table_frame (s))
    line->kind = CONVENE_LINE_PIPE_RULE;
  else if ((n = numbered_marker (s)) > 0)
    {
      line->kind = CONVENE_LINE_NUMBERED;
      line->body += n;
      line->text = convene_text_strip_markup (s + n);
    }
  else if ((n = bullet_marker (s)) > 0)
    {
      line->kind = CONVENE_LINE_BULLET;
      line->body += n;
      line->text = convene_text_strip_markup (s + n);
    }
  else if (strchr (s, '\t') != NULL)
    line->kind = CONVENE_LINE_TAB_ROW;
  else if (is_bold_line (s))
    {
      line->kind = CONVENE_LINE_HEADING;
      line->level = 7;
    }
  else
    line->kind = CONVENE_LINE_TEXT;

  if (line->text == NULL)
    line->text = convene_text_strip_markup (s);
}

static gboolean
ends_with_function_word (const char *text)
{
  static const char * const words[] = {
    "to", "and", "or", "of", "the", "a", "an", "in", "for", "with", "by", "on", "at",
    "from", "as", "that", "de", "la", "el", "y", "en", "para", "con", "que", "del",
    "los", "las", "por",
  };
  const char *last = strrchr (text, ' ');

  last = last != NULL ? last + 1 : text;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (last, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (; *text != '\0'; text++)
    {
      if (*text == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }
  return n;
}

/* A short line on its own that reads like a title: "Goals", "Meeting
 * schedule", "Building a diverse, inclusive and equitable IWG".  Not a
 * sentence cut by a page break ("We might also explore additional actions
 * to"), nor a label ("Date: 5 March"). */
static gboolean
looks_like_bare_heading (const ConveneLine *line,
                         const ConveneLine *prev,
                         const ConveneLine *next,
                         const ConveneLine *next_text,
                         gboolean           first)
{
  const char *text = line->text;
  gsize n = strlen (text);
  gunichar c0;
  char last;

  if (n == 0 || n > 90 || count_words (text) > 10)
    return FALSE;
  c0 = g_utf8_get_char (text);
  last = text[n - 1];
  if (g_unichar_islower (c0) || !(g_unichar_isalnum (c0) || c0 == '"' || c0 == 0x201C) ||
      strchr (".,;:!", last) != NULL || strstr (text, ": ") != NULL ||
      strstr (text, "://") != NULL || ends_with_function_word (text))
    return FALSE;
  if (next_text != NULL && next_text->kind == CONVENE_LINE_TEXT &&
      g_unichar_islower (g_utf8_get_char (next_text->text)))
    return FALSE;
  if (first)
    return TRUE;
  return (prev == NULL || prev->kind == CONVENE_LINE_BLANK) &&
         (next == NULL || next->kind == CONVENE_LINE_BLANK || next->kind == CONVENE_LINE_HEADING);
}

static ConveneLine *
nearest_line (GPtrArray *lines,
              guint      i,
              int        step)
{
  for (int j = (int) i + step; j >= 0 && j < (int) lines->len; j += step)
    {
      ConveneLine *line = g_ptr_array_index (lines, j);

      if (line->kind != CONVENE_LINE_BLANK)
        return line;
    }
  return NULL;
}

static void
find_bare_headings (GPtrArray *lines)
{
  gboolean seen_text = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      ConveneLine *line = g_ptr_array_index (lines, i);
      ConveneLine *prev = i > 0 ? g_ptr_array_index (lines, i - 1) : NULL;
      ConveneLine *next = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;

      if (line->kind == CONVENE_LINE_TEXT)
        {
          /* The line after an underline of '=' or '-' is a heading too. */
          if (next != NULL && (is_rule (next->raw, '=') ||
                               (is_rule (next->raw, '-') && next->kind == CONVENE_LINE_BLANK &&
                                !is_blank (next->raw) && i + 1 < lines->len)))
            {
              line->kind = CONVENE_LINE_HEADING;
              line->level = g_str_has_prefix (next->raw, "=") ? 1 : 2;
              next->kind = CONVENE_LINE_BLANK;
            }
          else if (looks_like_bare_heading (line, prev, next, nearest_line (lines, i, 1), !seen_text))
            {
              line->kind = CONVENE_LINE_HEADING;
              line->level = 8;
            }
        }
      if (line->kind != CONVENE_LINE_BLANK)
        seen_text = TRUE;
    }
}

/* "Number | Name | Date" above a rule row, and "#4 | Meetup | 2023-07-21"
 * below it: a table written without its outer pipes, as GitHub reads
 * it.  Only lines next to a rule row are taken, so a sentence with a "|"
 * in it stays a sentence. */
static void
find_pipeless_rows (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      ConveneLine *rule = g_ptr_array_index (lines, i);

      if (rule->kind != CONVENE_LINE_PIPE_RULE || strchr (rule->raw, '|') == NULL)
        continue;
      if (i > 0)
        {
          ConveneLine *header = g_ptr_array_index (lines, i - 1);

          if (header->kind == CONVENE_LINE_TEXT && strchr (header->raw, '|') != NULL)
            header->kind = CONVENE_LINE_PIPE_ROW;
        }
      for (guint k = i + 1; k < lines->len; k++)
        {
          ConveneLine *row = g_ptr_array_index (lines, k);

          if (row->kind != CONVENE_LINE_TEXT || strchr (row->raw, '|') == NULL)
            break;
          row->kind = CONVENE_LINE_PIPE_ROW;
        }
    }
}

/* The lines of @contents (valid UTF-8), classified. */
GPtrArray *
convene_text_lines_split (const char *contents)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (convene_line_free);
  const char *p = contents;
  guint number = 0;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      ConveneLine *line = g_new0 (ConveneLine, 1);
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);

      /* Trailing spaces and a CR go; tabs stay, they separate cells. */
      while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' '))
        n--;
      line->number = ++number;
      line->raw = g_strndup (p, n);
      classify_marked (line);
      g_ptr_array_add (lines, line);
      if (end == NULL)
        break;
      p = end + 1;
    }
  find_pipeless_rows (lines);
  find_bare_headings (lines);
  return g_steal_pointer (&lines);
}
