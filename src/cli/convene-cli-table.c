/* convene-cli-table.c: what every listing prints with.  A table keeps every
 * cell in one growing string, so a hundred thousand rows cost a few large
 * allocations rather than one per cell, and is written out in large blocks. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "convene-cli.h"
#include "model/convene-values.h"

typedef struct {
  guint32 end;    /* where the cell ends in the text, in bytes */
  guint32 chars;  /* its width, in characters */
} Cell;

struct _ConveneCliTable {
  GString *text;
  GArray  *cells;
  guint   *widths;
  guint    n_columns;
};

ConveneCliTable *
convene_cli_table_new (guint n_columns)
{
  ConveneCliTable *self = g_new0 (ConveneCliTable, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  self->text = g_string_sized_new (4096);
  self->cells = g_array_sized_new (FALSE, FALSE, sizeof (Cell), 64);
  self->widths = g_new0 (guint, n_columns);
  self->n_columns = n_columns;
  return self;
}

void
convene_cli_table_free (ConveneCliTable *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_array_unref (self->cells);
  g_free (self->widths);
  g_free (self);
}

/* The characters of valid UTF-8 text: every byte but the continuation
 * ones.  A plain loop the compiler vectorises, where g_utf8_strlen() was a
 * tenth of a long listing. */
static guint
count_chars (const char *text,
             gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    n += ((guchar) text[i] & 0xC0) != 0x80;
  return n;
}

/* Closes the cell that the text written since the previous one makes up. */
static void
end_cell (ConveneCliTable *self,
          gsize            start)
{
  guint column = self->cells->len % self->n_columns;
  Cell cell;

  cell.end = self->text->len;
  cell.chars = count_chars (self->text->str + start, self->text->len - start);
  self->widths[column] = MAX (self->widths[column], cell.chars);
  g_array_append_val (self->cells, cell);
}

static gsize
cell_start (ConveneCliTable *self)
{
  return self->cells->len > 0 ? g_array_index (self->cells, Cell, self->cells->len - 1).end : 0;
}

/**
 * convene_cli_table_add:
 * @text: (nullable): the cell, %NULL for an empty one
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * Adds the next cell, filling the rows left to right.
 */
void
convene_cli_table_add (ConveneCliTable *self,
                       const char      *text,
                       gssize           length)
{
  gsize start = cell_start (self);

  if (text != NULL)
    g_string_append_len (self->text, text, length >= 0 ? length : (gssize) strlen (text));
  end_cell (self, start);
}

/* Adds a cell from at most @max_length bytes of scratch space that the
 * caller fills through the pointer this returns, then passes to _commit. */
char *
convene_cli_table_reserve (ConveneCliTable *self,
                           gsize            max_length)
{
  gsize start = cell_start (self);

  g_string_set_size (self->text, start + max_length);
  return self->text->str + start;
}

void
convene_cli_table_commit (ConveneCliTable *self,
                          gsize            length)
{
  gsize start = cell_start (self);

  g_string_truncate (self->text, start + length);
  end_cell (self, start);
}

void
convene_cli_table_add_int (ConveneCliTable *self,
                           gint64           value)
{
  char digits[24];
  int i = sizeof digits;
  guint64 rest = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      digits[--i] = '0' + rest % 10;
      rest /= 10;
    }
  while (rest > 0);
  if (value < 0)
    digits[--i] = '-';
  convene_cli_table_add (self, digits + i, sizeof digits - i);
}

/* Writes like g_print(), which turns text into the terminal's character set
 * when that is not UTF-8, but one block at a time. */
static void
write_block (GString *block)
{
  const char *charset;
  g_autofree char *converted = NULL;
  gsize length = 0;

  if (block->len == 0)
    return;
  if (!g_get_console_charset (&charset))
    converted = g_convert_with_fallback (block->str, block->len, charset, "UTF-8", "?",
                                         NULL, &length, NULL);
  if (converted != NULL)
    convene_cli_write (converted, length);
  else
    convene_cli_write (block->str, block->len);
  g_string_truncate (block, 0);
}

/**
 * convene_cli_table_print:
 *
 * Prints the rows: columns two spaces apart, padded by characters (so that
 * accented names line up); the last one not padded; no trailing spaces.
 */
void
convene_cli_table_print (ConveneCliTable *self)
{
  g_autoptr(GString) block = g_string_sized_new (1 << 17);
  const Cell *cells = (const Cell *) (gpointer) self->cells->data;
  guint n_cells = self->cells->len - self->cells->len % self->n_columns;
  gsize start = 0;

  for (guint i = 0; i < n_cells; i += self->n_columns)
    {
      gsize line = block->len;

      for (guint c = 0; c < self->n_columns; c++)
        {
          const Cell *cell = &cells[i + c];

          g_string_append_len (block, self->text->str + start, cell->end - start);
          start = cell->end;
          if (c + 1 < self->n_columns)
            {
              guint pad = self->widths[c] - cell->chars + 2;
              gsize at = block->len;

              g_string_set_size (block, at + pad);
              memset (block->str + at, ' ', pad);
            }
        }
      while (block->len > line && block->str[block->len - 1] == ' ')
        block->len--;
      g_string_append_c (block, '\n');
      if (block->len >= (1 << 16))
        write_block (block);
    }
  write_block (block);
  fflush (stdout);
}
