/* convene-importer.h: what every importer offers the dispatcher.
 *
 * One file format, one ConveneImporter, defined beside its reader
 * (convene-json-import.c, convene-ics-import.c, convene-document-import.c,
 * convene-announcement-import.c) and listed in convene-import.c's table:
 *  - sniff: from the first bytes of a file and its name, how sure the
 *    importer is that the file is its own;
 *  - read: the whole file in memory, into a preview (the CLI's --dry-run,
 *    the import dialog);
 *  - stream: optional, for formats whose files can be larger than memory:
 *    reads the file into a result that has a writer, writing as it goes.
 * An importer includes the result and writer headers, never the dispatcher.
 */
#pragma once

#include <gio/gio.h>

#include "import/convene-import-result.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_IMPORTER_NO,        /* not this format */
  CONVENE_IMPORTER_POSSIBLE,  /* text this importer can try */
  CONVENE_IMPORTER_LIKELY,    /* the name or the first lines point at it */
  CONVENE_IMPORTER_CERTAIN,   /* the content says so: no other importer is tried */
} ConveneImporterMatch;

typedef enum {
  CONVENE_IMPORTER_FLAG_NONE = 0,
  CONVENE_IMPORTER_FLAG_UTF8 = 1 << 0,  /* UTF-8 by its specification: the dispatcher
                                         * refuses other bytes before reading */
} ConveneImporterFlags;

/* What the person importing says that the file may not: passed to every
 * reader, which takes what applies to its format. */
typedef struct {
  /* The zone of a time written without one, when the text names no zone
   * or place of its own (an IANA name, "UTC" or "+HH:MM"); NULL for UTC.
   * Read by the document and announcement reader; a JSON export names
   * every zone, and an iCalendar file reads a floating time in its
   * X-WR-TIMEZONE or as UTC, with a warning, whatever this says. */
  const char *default_zone;
} ConveneImportOptions;

typedef struct {
  const char            *name;   /* for tests and debugging, not shown to users */
  ConveneImporterFlags   flags;

  /* @head is the start of the file (all of it, or its first 64 KiB), not
   * nul-terminated; @file is its name as the user gave it. */
  ConveneImporterMatch (*sniff)  (const char           *file,
                                  const char           *head,
                                  gsize                 length);
  /* Fails with CONVENE_IMPORT_ERROR_EMPTY when the file holds nothing this
   * importer understands: the dispatcher then tries the next one it sniffed.
   * @options is never NULL. */
  ConveneImportResult *(*read)   (const char                  *file,
                                  const char                  *contents,
                                  gsize                        length,
                                  const ConveneImportOptions  *options,
                                  GError                     **error);
  /* (nullable): see convene_ics_import_stream() */
  gboolean             (*stream) (ConveneImportResult  *result,
                                  GInputStream         *stream,
                                  GError              **error);
} ConveneImporter;

/* Helpers for sniffers. */
const char *convene_importer_skip_blank     (const char         *head,
                                             gsize               length,
                                             gsize              *rest);
gboolean    convene_importer_starts_with    (const char         *head,
                                             gsize               length,
                                             const char         *word);
gboolean    convene_importer_looks_like_text (const char        *head,
                                             gsize               length);
gboolean    convene_importer_name_ends_with (const char         *file,
                                             const char * const *suffixes);
/* For readers of any text: NO for bytes that are no text, LIKELY when the
 * name ends with one of @suffixes, else POSSIBLE. */
ConveneImporterMatch convene_importer_match_text (const char         *file,
                                                  const char         *head,
                                                  gsize               length,
                                                  const char * const *suffixes);

G_END_DECLS
