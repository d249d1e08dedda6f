/* convene-import.c: the dispatcher.  The one table of importers, and the
 * choice among them for a file: by content first, then by name. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "import/convene-import.h"
#include "import/convene-announcement-import.h"
#include "import/convene-document-import.h"
#include "import/convene-ics-import.h"
#include "import/convene-json-import.h"

/* Every format Convene reads; a new importer is added here.  On an equal
 * match the earlier one is tried first. */
static const ConveneImporter * const importers[] = {
  &convene_json_importer,
  &convene_ics_importer,
  &convene_document_importer,
  &convene_announcement_importer,
};

#define N_IMPORTERS G_N_ELEMENTS (importers)

/* How much of a file is looked at to tell its kind. */
#define SNIFF_SIZE (64 * 1024)

/* Fills @candidates with the importers to try, surest first: a certain one
 * alone, else the likely ones, then the possible ones.  Returns how many. */
static guint
sniff_candidates (const char             *file,
                  const char             *head,
                  gsize                   length,
                  const ConveneImporter  *candidates[N_IMPORTERS])
{
  ConveneImporterMatch matches[N_IMPORTERS];
  guint n = 0;

  for (guint i = 0; i < N_IMPORTERS; i++)
    {
      matches[i] = importers[i]->sniff (file, head, length);
      if (matches[i] == CONVENE_IMPORTER_CERTAIN)
        {
          candidates[0] = importers[i];
          return 1;
        }
    }
  for (ConveneImporterMatch m = CONVENE_IMPORTER_LIKELY; m >= CONVENE_IMPORTER_POSSIBLE; m--)
    for (guint i = 0; i < N_IMPORTERS; i++)
      if (matches[i] == m)
        candidates[n++] = importers[i];
  return n;
}

const ConveneImporter *
convene_import_sniff (const char *file,
                      const char *head,
                      gsize       length)
{
  const ConveneImporter *candidates[N_IMPORTERS];

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (head != NULL || length == 0, NULL);

  return sniff_candidates (file, head, length, candidates) > 0 ? candidates[0] : NULL;
}

static void
set_read_error (GError     **error,
                const char  *path,
                GError      *cause)
{
  g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_READ,
               _("%s: could not be read: %s"), path, cause->message);
}

static void
set_unknown_error (GError     **error,
                   const char  *path)
{
  g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
               _("%s: this is not a text document that Convene can read"), path);
}

static ConveneImportResult *
read_with (const ConveneImporter  *importer,
           const char             *path,
           const char             *contents,
           gsize                   length,
           GError                **error)
{
  if ((importer->flags & CONVENE_IMPORTER_FLAG_UTF8) && !g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
                   _("%s: this is not UTF-8 text"), path);
      return NULL;
    }
  return importer->read (path, contents, length, error);
}

/* Importers that share a reader (documents and announcements) would only
 * fail again on the same text. */
static gboolean
shares_reader (const ConveneImporter **candidates,
               guint                   i)
{
  for (guint j = 0; j < i; j++)
    if (candidates[j]->read == candidates[i]->read)
      return TRUE;
  return FALSE;
}

/**
 * convene_import_file:
 * @path: a JSON export, an action-plan document, a meeting announcement or
 *   an iCalendar file
 *
 * Recognises the kind of file from its content, then its name.  When an
 * importer finds nothing it understands, the next likely one is tried; if
 * none does, the error is the surest one's.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
ConveneImportResult *
convene_import_file (const char  *path,
                     GError     **error)
{
  const ConveneImporter *candidates[N_IMPORTERS];
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GError) first = NULL;
  gsize length;
  guint n;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      set_read_error (error, path, local);
      return NULL;
    }
  n = sniff_candidates (path, contents, length, candidates);
  if (n == 0)
    {
      set_unknown_error (error, path);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      ConveneImportResult *result;

      if (shares_reader (candidates, i))
        continue;
      result = read_with (candidates[i], path, contents, length, &local);

      if (result != NULL)
        return result;
      if (!g_error_matches (local, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EMPTY))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (first == NULL)
        first = g_steal_pointer (&local);
      g_clear_error (&local);
    }
  g_propagate_error (error, g_steal_pointer (&first));
  return NULL;
}

ConveneImportResult *
convene_import_file_into (const char         *path,
                          ConveneStore       *store,
                          ConveneOnExisting   on_existing,
                          GError            **error)
{
  const ConveneImporter *candidates[N_IMPORTERS];
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) local = NULL;
  const char *head;
  gsize available;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local);
  buffered = stream != NULL ? g_buffered_input_stream_new_sized (G_INPUT_STREAM (stream), SNIFF_SIZE) : NULL;
  if (buffered == NULL ||
      g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), SNIFF_SIZE, NULL, &local) < 0)
    {
      set_read_error (error, path, local);
      return NULL;
    }
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &available);

  /* Only a file that one importer alone may read is streamed: trying
   * another one after a failure would need the file again. */
  if (sniff_candidates (path, head, available, candidates) != 1 || candidates[0]->stream == NULL)
    {
      /* Documents and JSON exports are small: read whole, then written. */
      g_clear_object (&buffered);
      result = convene_import_file (path, error);
      if (result == NULL || !convene_import_result_write (result, store, on_existing, error))
        return NULL;
      return g_steal_pointer (&result);
    }

  result = convene_import_result_new (path);
  if (!convene_import_result_begin_write (result, store, on_existing, error))
    return NULL;
  if (!candidates[0]->stream (result, buffered, error))
    {
      convene_import_result_cancel_write (result);
      return NULL;
    }
  if (!convene_import_result_end_write (result, error))
    return NULL;
  return g_steal_pointer (&result);
}
