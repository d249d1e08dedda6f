/* convene-import.h: importing any file Convene reads, the room's front door.
 *
 * The dispatcher (convene-import.c) asks every importer to sniff the file
 * and lets the surest read it: a JSON export, an iCalendar file, an
 * action-plan document or a meeting announcement.  What an import creates is
 * a ConveneImportResult (convene-import-result.h); it is written with
 * convene-import-writer.h.  The CLI and the window include this header;
 * importers never do.
 */
#pragma once

#include "import/convene-importer.h"
#include "import/convene-import-result.h"
#include "import/convene-import-writer.h"

G_BEGIN_DECLS

/* The importer that would read a file starting with @head, named @file;
 * %NULL when none can. */
const ConveneImporter *convene_import_sniff    (const char          *file,
                                                const char          *head,
                                                gsize                length);

/* Reads any supported file: JSON export, plan document, announcement, iCalendar. */
ConveneImportResult   *convene_import_file     (const char          *path,
                                                GError             **error);

/* Reads @path and writes what it holds into @store as it goes, in one
 * transaction: memory stays small whatever the size of an iCalendar file.
 * Returns: (transfer full): what was imported (warnings, the first sessions,
 *   the counts), or %NULL with @error set and nothing written */
ConveneImportResult   *convene_import_file_into (const char         *path,
                                                 ConveneStore       *store,
                                                 ConveneOnExisting   on_existing,
                                                 GError            **error);

/* Either of the above (a preview when @store is %NULL), with what the
 * person importing says the file may not (convene-importer.h). */
ConveneImportResult   *convene_import_file_full (const char                  *path,
                                                 ConveneStore                *store,
                                                 ConveneOnExisting            on_existing,
                                                 const ConveneImportOptions  *options,
                                                 GError                     **error);

G_END_DECLS
