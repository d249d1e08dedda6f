/* convene-table-file.c: CSV (RFC 4180, with quoted cells over several
 * lines) and TSV rows with their line numbers, and the key people's names
 * are matched by.  Spreadsheets and meeting tools write a byte-order mark,
 * CRLF line ends, and semicolons where the decimal mark is a comma: all are
 * read. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "insights/convene-table-file.h"
#include "time/convene-zone-names.h"

G_DEFINE_QUARK (convene-insights-error-quark, convene_insights_error)

static void
row_free (ConveneTableRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

/* The separator of the first line: a tab, else whichever of , and ; it
 * has more of outside quotes. */
static char
guess_separator (const char *text)
{
  int commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0' && *p != '\n'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\t')
        return '\t';
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static void
end_row (GPtrArray *rows,
         GPtrArray *cells,
         guint      line)
{
  gboolean empty = TRUE;
  ConveneTableRow *row;

  for (guint i = 0; i < cells->len; i++)
    empty &= *(char *) g_ptr_array_index (cells, i) == '\0';
  if (empty)
    {
      g_ptr_array_set_size (cells, 0);
      return;
    }
  g_ptr_array_add (cells, NULL);
  row = g_new0 (ConveneTableRow, 1);
  row->line = line;
  row->cells = (GStrv) g_ptr_array_steal (cells, NULL);
  g_ptr_array_add (rows, row);
}

/**
 * convene_table_file_read:
 * @name: the file's name, for messages
 *
 * Returns: (transfer full) (element-type ConveneTableRow): the non-empty
 *   rows, the header first; %NULL with a message naming the file and line
 */
/* Long because it is one state machine (quoted or not, the line a quote opened on) over the
 * bytes of the file. */
GPtrArray *
convene_table_file_read (const char  *name,
                         const char  *contents,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = contents, *end = contents + length;
  guint line = 1, row_line = 1, quote_line = 0;
  gboolean quoted = FALSE;
  char separator;

  if (!g_utf8_validate_len (contents, length, NULL) || memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, CONVENE_INSIGHTS_ERROR, CONVENE_INSIGHTS_ERROR_INVALID,
                   _("%s: not a text file in UTF-8; expected a CSV or TSV table"), name);
      return NULL;
    }
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  separator = guess_separator (p);
  for (; p < end; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p + 1 < end && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            {
              line += *p == '\n';
              g_string_append_c (cell, *p);
            }
          continue;
        }
      if (*p == '"' && separator != '\t')
        {
          quoted = TRUE;
          quote_line = line;
        }
      else if (*p == separator || *p == '\n')
        {
          g_ptr_array_add (cells, g_strstrip (g_string_free (g_steal_pointer (&cell), FALSE)));
          cell = g_string_new (NULL);
          if (*p == '\n')
            {
              end_row (rows, cells, row_line);
              row_line = ++line;
            }
        }
      else if (*p != '\r')
        g_string_append_c (cell, *p);
    }
  if (quoted)
    {
      g_set_error (error, CONVENE_INSIGHTS_ERROR, CONVENE_INSIGHTS_ERROR_INVALID,
                   _("%s:%u: a quoted cell is never closed; expected a closing \""), name, quote_line);
      return NULL;
    }
  g_ptr_array_add (cells, g_strstrip (g_string_free (g_steal_pointer (&cell), FALSE)));
  end_row (rows, cells, row_line);
  if (rows->len == 0)
    {
      g_set_error (error, CONVENE_INSIGHTS_ERROR, CONVENE_INSIGHTS_ERROR_INVALID,
                   _("%s: the file is empty; expected a header row and a row a person"), name);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The index of the first header cell that folds to one of @names, or -1. */
int
convene_table_file_column (const ConveneTableRow *header,
                           const char * const    *names)
{
  for (guint i = 0; header->cells[i] != NULL; i++)
    {
      g_autofree char *folded = convene_zone_names_fold (header->cells[i], -1);

      if (g_strv_contains (names, folded))
        return (int) i;
    }
  return -1;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

/**
 * convene_table_file_name_key:
 *
 * A person's name as a key: accents and case dropped, its words sorted, so
 * that "Pérez, María" and "maria perez" match.  "" for no name.
 */
char *
convene_table_file_name_key (const char *name)
{
  g_autofree char *folded = convene_zone_names_fold (name != NULL ? name : "", -1);
  g_auto(GStrv) words = g_strsplit (g_strstrip (folded), " ", -1);
  guint n = g_strv_length (words);

  qsort (words, n, sizeof (char *), compare_words);
  return g_strjoinv (" ", words);
}

/* A vCard property's value with its escapes read (\n, \, \; \\). */
static char *
unescape_vcard (const char *value,
                gssize      length)
{
  GString *out = g_string_new (NULL);
  const char *end = value + (length < 0 ? (gssize) strlen (value) : length);

  for (const char *p = value; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          g_string_append_c (out, *p == 'n' || *p == 'N' ? ' ' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* The @index-th part of a structured value ("a;b;c"), escapes read. */
static char *
vcard_part (const char *value,
            guint       index)
{
  const char *start = value;

  for (guint i = 0; i < index; i++)
    {
      while (*start != '\0' && (*start != ';' || (start > value && start[-1] == '\\')))
        start++;
      if (*start == '\0')
        return g_strdup ("");
      start++;
    }
  {
    const char *end = start;

    while (*end != '\0' && (*end != ';' || (end > start && end[-1] == '\\')))
      end++;
    return unescape_vcard (start, end - start);
  }
}

static const char * const vcard_header[] = {
  "name", "email", "organisation", "country", "region", "timezone", "languages", "role", "sector", NULL
};

/* One card's lines (already unfolded) as a roster row. */
static ConveneTableRow *
card_row (GPtrArray *lines,
          guint      line)
{
  ConveneTableRow *row = g_new0 (ConveneTableRow, 1);
  GStrvBuilder *languages = g_strv_builder_new ();
  char **cells = g_new0 (char *, G_N_ELEMENTS (vcard_header));
  g_auto(GStrv) langs = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *text = g_ptr_array_index (lines, i);
      const char *colon = strchr (text, ':');
      g_autofree char *name = NULL;
      const char *value;
      char *semi;
      int column = -1;

      if (colon == NULL)
        continue;
      name = g_ascii_strup (text, colon - text);
      if ((semi = strchr (name, ';')) != NULL)
        *semi = '\0';
      value = colon + 1;
      if (g_str_has_prefix (name, "ITEM") && strchr (name, '.') != NULL)
        memmove (name, strchr (name, '.') + 1, strlen (strchr (name, '.') + 1) + 1);
      if (g_str_equal (name, "FN")) column = 0;
      else if (g_str_equal (name, "EMAIL")) column = 1;
      else if (g_str_equal (name, "ROLE") || g_str_equal (name, "TITLE")) column = 7;
      else if (g_str_equal (name, "X-SECTOR")) column = 8;
      else if (g_str_equal (name, "X-REGION")) column = 4;
      else if (g_str_equal (name, "TZ")) column = 5;
      if (column >= 0 && cells[column] == NULL)
        cells[column] = unescape_vcard (value, -1);
      else if (g_str_equal (name, "ORG") && cells[2] == NULL)
        cells[2] = vcard_part (value, 0);
      else if (g_str_equal (name, "ADR") && cells[3] == NULL)
        cells[3] = vcard_part (value, 6);
      else if (g_str_equal (name, "LANG"))
        g_strv_builder_take (languages, unescape_vcard (value, -1));
    }
  langs = g_strv_builder_end (languages);
  g_strv_builder_unref (languages);
  cells[6] = g_strjoinv (" ", langs);
  for (guint c = 0; c + 1 < G_N_ELEMENTS (vcard_header); c++)
    if (cells[c] == NULL)
      cells[c] = g_strdup ("");
  row->line = line;
  row->cells = cells;
  return row;
}

/**
 * convene_table_file_read_vcards:
 * @name: the file's name, for messages
 *
 * The cards of a vCard file (3.0 or 4.0) as roster rows under a header
 * of the roster's own column names: FN, EMAIL, ORG, the country of ADR,
 * TZ, LANG, ROLE (or TITLE), and X-SECTOR and X-REGION, which a group's
 * own export may carry.
 *
 * Returns: (transfer full) (element-type ConveneTableRow): the header and
 *   a row a card, or %NULL with a message naming the file and line
 */
GPtrArray *
convene_table_file_read_vcards (const char  *name,
                                const char  *contents,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = g_strndup (contents, length);
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);
  ConveneTableRow *header = g_new0 (ConveneTableRow, 1);
  guint begin = 0;

  header->line = 1;
  header->cells = g_strdupv ((char **) vcard_header);
  g_ptr_array_add (rows, header);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *l = raw[i];
      gsize n = strlen (l);

      if (n > 0 && l[n - 1] == '\r')
        l[--n] = '\0';
      if ((*l == ' ' || *l == '\t') && begin > 0 && lines->len > 0)
        {
          /* a folded line goes on the one before it */
          char *last = g_ptr_array_index (lines, lines->len - 1);

          g_ptr_array_index (lines, lines->len - 1) = g_strconcat (last, l + 1, NULL);
          g_free (last);
          continue;
        }
      if (g_ascii_strncasecmp (l, "BEGIN:VCARD", 11) == 0)
        {
          if (begin > 0)
            break;
          begin = i + 1;
          g_ptr_array_set_size (lines, 0);
        }
      else if (g_ascii_strncasecmp (l, "END:VCARD", 9) == 0 && begin > 0)
        {
          g_ptr_array_add (rows, card_row (lines, begin));
          begin = 0;
        }
      else if (begin > 0)
        g_ptr_array_add (lines, g_strdup (l));
    }
  if (begin > 0)
    {
      g_set_error (error, CONVENE_INSIGHTS_ERROR, CONVENE_INSIGHTS_ERROR_INVALID,
                   _("%s:%u: a card begins here and never ends; expected END:VCARD"), name, begin);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
