/* convene-cli-common.c: opening the store, option parsing and tables for
 * every command. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "convene-cli.h"

ConveneStore *
convene_cli_open_store (void)
{
  g_autoptr(GError) error = NULL;
  ConveneStore *store = convene_store_new (convene_cli_get_database_path (), &error);

  if (store == NULL)
    g_printerr ("convene-cli: %s\n", error->message);
  return store;
}

/**
 * convene_cli_parse:
 *
 * Returns: -1 to go on, or the exit code (after --help, or a usage error)
 */
int
convene_cli_parse (GOptionContext   *context,
                   int              *argc,
                   char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("convene-cli %s: %s\n", (*argv)[0], error->message);
      return CONVENE_CLI_USAGE;
    }
  return -1;
}

gboolean
convene_cli_parse_id (const char *text,
                      gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/* Pads by characters, not bytes, so that accented names line up. */
static void
print_padded (GString    *line,
              const char *cell,
              guint       width)
{
  glong length = g_utf8_strlen (cell, -1);

  g_string_append (line, cell);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (line, ' ');
}

/**
 * convene_cli_print_table:
 * @rows: (element-type GStrv): the header row first, then one row per line
 *
 * Prints aligned columns, two spaces apart; the last column is not padded.
 */
void
convene_cli_print_table (GPtrArray *rows,
                         guint      n_columns)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c] != NULL ? row[c] : "", -1));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = row[c] != NULL ? row[c] : "";

          if (c + 1 < n_columns)
            {
              print_padded (line, cell, widths[c]);
              g_string_append (line, "  ");
            }
          else
            g_string_append (line, cell);
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}
