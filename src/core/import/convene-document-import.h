/* convene-document-import.h: action-plan documents and meeting announcements.
 *
 * Reads what people write, in Markdown or plain text: a plan's title, goals,
 * specific actions and meeting schedule (pipe or tab-separated tables), or an
 * email announcing one meeting or a series.  The structure comes from the
 * content, never from the file name.
 */
#pragma once

#include "import/convene-importer.h"

G_BEGIN_DECLS

/* Any text people wrote: a plan, else a meeting announcement. */
extern const ConveneImporter convene_document_importer;

/* @file names the document in warnings and errors; @contents need not be
 * nul-terminated.  Fails with CONVENE_IMPORT_ERROR_EMPTY when nothing in it
 * is a plan or a meeting. */
ConveneImportResult *convene_document_import (const char  *file,
                                              const char  *contents,
                                              gsize        length,
                                              GError     **error);

/* As convene_document_import(), with what the person importing says:
 * @options->default_zone is the zone of the times that name none, in a
 * text that names no zone or place of its own (one that does keeps it). */
ConveneImportResult *convene_document_import_full (const char                  *file,
                                                   const char                  *contents,
                                                   gsize                        length,
                                                   const ConveneImportOptions  *options,
                                                   GError                     **error);

G_END_DECLS
