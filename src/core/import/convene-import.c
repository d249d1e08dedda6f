/* convene-import.c: the dispatcher.  The one table of importers, and the
 * choice among them for a file: by content first, then by name. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "import/convene-import.h"
#include "import/convene-announcement-import.h"
#include "import/convene-document-import.h"
#include "import/convene-ics-import.h"
#include "import/convene-json-import.h"
#include "time/convene-zone.h"

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

/* The largest file read whole (documents, JSON exports): far above any
 * plan people write, far below what would exhaust memory.  iCalendar files
 * are streamed and have no such bound. */
#define MAX_WHOLE_SIZE (64 * 1024 * 1024)

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

static int find_byte_order_mark (const char *head,
                                 gsize       length);

/* @head in UTF-8 when a byte order mark says it is UTF-16 or UTF-32; a
 * character cut at the end of the head is left out.  %NULL otherwise. */
static char *
convert_head (const char *head,
              gsize       length,
              gsize      *converted_length);

const ConveneImporter *
convene_import_sniff (const char *file,
                      const char *head,
                      gsize       length)
{
  const ConveneImporter *candidates[N_IMPORTERS];
  g_autofree char *converted = NULL;
  gsize converted_length;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (head != NULL || length == 0, NULL);

  if ((converted = convert_head (head, length, &converted_length)) != NULL)
    return sniff_candidates (file, converted, converted_length, candidates) > 0 ? candidates[0] : NULL;
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

/* ---- one open per input ------------------------------------------------------ */

/* An input as the importers see it: opened once, UTF-8 from its first byte
 * (a byte order mark skipped, UTF-16 and UTF-32 converted as it is read),
 * with its first SNIFF_SIZE bytes held in a buffer for the sniffers.  Pipes,
 * FIFOs and /dev/stdin cannot be opened again, so nothing ever is. */
typedef struct {
  const char   *path;
  const char   *encoding;  /* what the byte order mark said, or NULL for UTF-8 */
  GInputStream *stream;    /* buffered: the head is its buffer */
  const char   *head;
  gsize         head_length;
} Input;

static void
input_clear (Input *input)
{
  g_clear_object (&input->stream);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Input, input_clear)

/* A byte order mark and the encoding it names; UTF-32's before UTF-16's,
 * whose mark begins it. */
static const struct {
  const char *mark;
  gsize       length;
  const char *encoding;
} byte_order_marks[] = {
  { "\xEF\xBB\xBF", 3, NULL },
  { "\xFF\xFE\0\0", 4, "UTF-32LE" },
  { "\0\0\xFE\xFF", 4, "UTF-32BE" },
  { "\xFF\xFE", 2, "UTF-16LE" },
  { "\xFE\xFF", 2, "UTF-16BE" },
};

/* Which mark @head starts with, or -1. */
static int
find_byte_order_mark (const char *head,
                      gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (byte_order_marks); i++)
    if (length >= byte_order_marks[i].length &&
        memcmp (head, byte_order_marks[i].mark, byte_order_marks[i].length) == 0)
      return i;
  return -1;
}

static char *
convert_head (const char *head,
              gsize       length,
              gsize      *converted_length)
{
  int mark = find_byte_order_mark (head, length);
  const char *encoding = mark >= 0 ? byte_order_marks[mark].encoding : NULL;
  gsize unit, skip;

  if (encoding == NULL)
    return NULL;
  skip = byte_order_marks[mark].length;
  unit = g_str_has_prefix (encoding, "UTF-32") ? 4 : 2;
  length = skip + (length - skip) / unit * unit;
  /* At most a surrogate pair can be cut in two. */
  for (guint tries = 0; tries < 2 && length >= skip; tries++, length -= unit)
    {
      char *text = g_convert (head + skip, length - skip, "UTF-8", encoding, NULL, converted_length, NULL);

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* Says what is wrong with a read that failed: bytes that are not the
 * encoding the byte order mark promised are not a disk's fault. */
static void
set_input_error (GError      **error,
                 const Input  *input,
                 GError       *cause)
{
  if (input->encoding != NULL &&
      (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
       g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT)))
    g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
                 /* Translators: a file name, then an encoding such as UTF-16LE, twice */
                 _("%s: the file starts with the byte order mark of %s, but the rest is not %s text"),
                 input->path, input->encoding, input->encoding);
  else
    set_read_error (error, input->path, cause);
}

/* Fills @stream's buffer up to SNIFF_SIZE or the end of the input: a pipe
 * hands out what its writer wrote so far, one read at a time. */
static gboolean
fill_head (Input   *input,
           GError **error)
{
  GBufferedInputStream *buffered = G_BUFFERED_INPUT_STREAM (input->stream);
  g_autoptr(GError) local = NULL;
  gssize n;

  while (g_buffered_input_stream_get_available (buffered) < SNIFF_SIZE)
    {
      n = g_buffered_input_stream_fill (buffered, -1, NULL, &local);
      if (n < 0)
        {
          set_input_error (error, input, local);
          return FALSE;
        }
      if (n == 0)
        break;
    }
  input->head = g_buffered_input_stream_peek_buffer (buffered, &input->head_length);
  return TRUE;
}

/* Opens @path once and reads its head.  A byte order mark is skipped; for
 * UTF-16 and UTF-32 the rest is converted to UTF-8 as it is read, so every
 * importer sniffs and reads UTF-8. */
static gboolean
input_open (Input       *input,
            const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) raw = NULL;
  g_autoptr(GCharsetConverter) converter = NULL;
  g_autoptr(GInputStream) converted = NULL;
  g_autoptr(GError) local = NULL;
  int mark;

  input->path = path;
  raw = g_file_read (file, NULL, &local);
  if (raw == NULL)
    {
      set_read_error (error, path, local);
      return FALSE;
    }
  input->stream = g_buffered_input_stream_new_sized (G_INPUT_STREAM (raw), SNIFF_SIZE);
  if (!fill_head (input, error))
    return FALSE;
  mark = find_byte_order_mark (input->head, input->head_length);
  if (mark < 0)
    return TRUE;

  /* The mark is in the buffer: skipping it reads nothing. */
  g_input_stream_skip (input->stream, byte_order_marks[mark].length, NULL, NULL);
  input->encoding = byte_order_marks[mark].encoding;
  if (input->encoding == NULL)
    return fill_head (input, error);

  converter = g_charset_converter_new ("UTF-8", input->encoding, &local);
  if (converter == NULL)
    {
      set_read_error (error, path, local);
      return FALSE;
    }
  converted = g_converter_input_stream_new (input->stream, G_CONVERTER (converter));
  g_object_unref (input->stream);
  input->stream = g_buffered_input_stream_new_sized (converted, SNIFF_SIZE);
  return fill_head (input, error);
}

/* The whole input, for the formats that are read in one piece.  Bounded:
 * /dev/zero or a runaway pipe would otherwise be read until memory runs
 * out.  Returns: (transfer full): nul-terminated text, or %NULL */
static char *
input_read_whole (Input   *input,
                  gsize   *length,
                  GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new (input->head_length + 1);
  g_autoptr(GError) local = NULL;
  gsize chunk = SNIFF_SIZE;

  for (;;)
    {
      gsize before = bytes->len;
      gssize n;

      if (before > MAX_WHOLE_SIZE)
        {
          g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_READ,
                       /* Translators: a file name, then a size in MiB, twice */
                       _("%s: the file is larger than %d MiB; Convene reads plan documents "
                         "and JSON exports of up to %d MiB"),
                       input->path, MAX_WHOLE_SIZE >> 20, MAX_WHOLE_SIZE >> 20);
          return NULL;
        }
      g_byte_array_set_size (bytes, before + chunk);
      n = g_input_stream_read (input->stream, bytes->data + before, chunk, NULL, &local);
      g_byte_array_set_size (bytes, before + MAX (n, 0));
      if (n < 0)
        {
          set_input_error (error, input, local);
          return NULL;
        }
      if (n == 0)
        break;
      chunk = MIN (MAX (chunk, bytes->len), 4 * 1024 * 1024);
    }
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* ---- reading ----------------------------------------------------------------- */

/* The line of the first NUL byte in @contents, or 0 when there is none. */
static guint
nul_byte_line (const char *contents,
               gsize       length)
{
  const char *nul = memchr (contents, '\0', length);
  guint line = 1;

  if (nul == NULL)
    return 0;
  for (const char *p = contents; (p = memchr (p, '\n', nul - p)) != NULL; p++)
    line++;
  return line;
}

static ConveneImportResult *
read_with (const ConveneImporter       *importer,
           const char                  *path,
           const char                  *contents,
           gsize                        length,
           const ConveneImportOptions  *options,
           GError                     **error)
{
  guint nul_line;

  if ((importer->flags & CONVENE_IMPORTER_FLAG_UTF8) && (nul_line = nul_byte_line (contents, length)) > 0)
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
                   /* Translators: a file name and a line number, then the line number again */
                   _("%s:%u: the file contains a NUL byte at line %u: it is not a text file"),
                   path, nul_line, nul_line);
      return NULL;
    }
  if ((importer->flags & CONVENE_IMPORTER_FLAG_UTF8) && !g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
                   _("%s: this is not UTF-8 text"), path);
      return NULL;
    }
  return importer->read (path, contents, length, options, error);
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

/* Reads the whole text with each candidate in turn.  When an importer
 * finds nothing it understands, the next likely one is tried; if none
 * does, the error is the surest one's. */
static ConveneImportResult *
read_candidates (const ConveneImporter      **candidates,
                 guint                        n,
                 const char                  *path,
                 const char                  *contents,
                 gsize                        length,
                 const ConveneImportOptions  *options,
                 GError                     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GError) first = NULL;

  for (guint i = 0; i < n; i++)
    {
      ConveneImportResult *result;

      if (shares_reader (candidates, i))
        continue;
      result = read_with (candidates[i], path, contents, length, options, &local);

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

/* Streams @input into a new result, written into @store as it is read
 * when there is one (a preview holds it all). */
static ConveneImportResult *
stream_input (const ConveneImporter  *importer,
              Input                  *input,
              ConveneStore           *store,
              ConveneOnExisting       on_existing,
              GError                **error)
{
  g_autoptr(ConveneImportResult) result = convene_import_result_new (input->path);

  if (store != NULL && !convene_import_result_begin_write (result, store, on_existing, error))
    return NULL;
  if (!importer->stream (result, input->stream, error))
    {
      convene_import_result_cancel_write (result);
      return NULL;
    }
  if (store != NULL && !convene_import_result_end_write (result, error))
    return NULL;
  return g_steal_pointer (&result);
}

/* The one way in: the input is opened once, sniffed from its head, then
 * streamed by the one importer that may read it, or read whole (bounded)
 * and tried by each candidate. */
static ConveneImportResult *
import_input (const char                  *path,
              ConveneStore                *store,
              ConveneOnExisting            on_existing,
              const ConveneImportOptions  *options,
              GError                     **error)
{
  const ConveneImporter *candidates[N_IMPORTERS];
  g_auto(Input) input = { 0 };
  g_autoptr(ConveneImportResult) result = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint n;

  if (!input_open (&input, path, error))
    return NULL;
  n = sniff_candidates (path, input.head, input.head_length, candidates);
  if (n == 0)
    {
      set_unknown_error (error, path);
      return NULL;
    }
  /* Only a file that one importer alone may read is streamed: trying
   * another one after a failure would need the bytes again. */
  if (n == 1 && candidates[0]->stream != NULL)
    return stream_input (candidates[0], &input, store, on_existing, error);

  contents = input_read_whole (&input, &length, error);
  if (contents == NULL)
    return NULL;
  result = read_candidates (candidates, n, path, contents, length, options, error);
  if (result == NULL ||
      (store != NULL && !convene_import_result_write (result, store, on_existing, error)))
    return NULL;
  return g_steal_pointer (&result);
}

/**
 * convene_import_file:
 * @path: a JSON export, an action-plan document, a meeting announcement or
 *   an iCalendar file; a pipe or a FIFO will do, it is read once
 *
 * Recognises the kind of file from its content, then its name.  UTF-8,
 * UTF-16 and UTF-32 with a byte order mark are all read.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
ConveneImportResult *
convene_import_file (const char  *path,
                     GError     **error)
{
  const ConveneImportOptions options = { 0 };

  g_return_val_if_fail (path != NULL, NULL);

  return import_input (path, NULL, CONVENE_ON_EXISTING_FAIL, &options, error);
}

ConveneImportResult *
convene_import_file_into (const char         *path,
                          ConveneStore       *store,
                          ConveneOnExisting   on_existing,
                          GError            **error)
{
  const ConveneImportOptions options = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  return import_input (path, store, on_existing, &options, error);
}

/**
 * convene_import_file_full:
 * @store: (nullable): where to write, or %NULL for a preview
 * @options: (nullable): what the person importing says the file may not
 *   (the zone of times written without one)
 *
 * convene_import_file() when @store is %NULL, else
 * convene_import_file_into(), with @options.  @options->default_zone must
 * be a zone Convene records (convene_zone_lookup() gives one).
 */
ConveneImportResult *
convene_import_file_full (const char                  *path,
                          ConveneStore                *store,
                          ConveneOnExisting            on_existing,
                          const ConveneImportOptions  *options,
                          GError                     **error)
{
  const ConveneImportOptions none = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (store == NULL || CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (options == NULL || options->default_zone == NULL ||
                        convene_timezone_is_valid (options->default_zone), NULL);

  return import_input (path, store, on_existing, options != NULL ? options : &none, error);
}
