/* convene-import-writer.h: writing a preview into the store.
 *
 * The writer owns the transaction and the id remapping: a file is written
 * all or nothing, and every provisional id of the preview (see
 * convene-import-result.h) becomes the database's, in every reference.  Into
 * an empty database a JSON export keeps its own ids.
 */
#pragma once

#include "import/convene-import-result.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_ON_EXISTING_FAIL,     /* a plan with the same title and group: refuse */
  CONVENE_ON_EXISTING_REPLACE,  /* delete the old plan, then write */
  CONVENE_ON_EXISTING_NEW,      /* keep both */
} ConveneOnExisting;

gboolean             convene_import_result_write     (ConveneImportResult *result,
                                                      ConveneStore        *store,
                                                      ConveneOnExisting    on_existing,
                                                      GError             **error);

/* Writing while importing, for files too large to hold: begin_write opens
 * the transaction; importers call flush between the parts they read, which
 * writes what was taken so far and lets go of most sessions (the first few
 * stay for the description); end_write writes the rest, deals with a plan
 * already in the database, and commits.  cancel_write rolls everything
 * back: a file is still imported whole or not at all. */
gboolean             convene_import_result_begin_write  (ConveneImportResult *result,
                                                         ConveneStore        *store,
                                                         ConveneOnExisting    on_existing,
                                                         GError             **error);
gboolean             convene_import_result_flush        (ConveneImportResult *result,
                                                         GError             **error);
gboolean             convene_import_result_end_write    (ConveneImportResult *result,
                                                         GError             **error);
void                 convene_import_result_cancel_write (ConveneImportResult *result);
void                 convene_import_result_rewrite      (ConveneImportResult *result,
                                                         ConveneSession      *session);

G_END_DECLS
