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
