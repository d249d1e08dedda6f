/* convene-json.h: the JSON export of DESIGN.md, written and read back. */
#pragma once

#include "import/convene-import.h"

G_BEGIN_DECLS

/* plan_id 0 exports every plan.  The text ends with a newline. */
char                *convene_json_export (ConveneStore *store,
                                          gint64        plan_id,
                                          GError      **error);
ConveneImportResult *convene_json_import (const char   *file,
                                          const char   *contents,
                                          gsize         length,
                                          GError      **error);

G_END_DECLS
