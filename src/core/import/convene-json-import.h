/* convene-json-import.h: the JSON export of DESIGN.md, read back (written
 * by export/convene-json-export.h). */
#pragma once

#include "import/convene-importer.h"

G_BEGIN_DECLS

extern const ConveneImporter convene_json_importer;

ConveneImportResult *convene_json_import (const char   *file,
                                          const char   *contents,
                                          gsize         length,
                                          GError      **error);

G_END_DECLS
