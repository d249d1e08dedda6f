/* convene-json-export.h: the JSON export of DESIGN.md (read back by
 * import/convene-json-import.h). */
#pragma once

#include "store/convene-store.h"

G_BEGIN_DECLS

/* plan_id 0 exports every plan.  The text ends with a newline. */
char *convene_json_export (ConveneStore *store,
                           gint64        plan_id,
                           GError      **error);

G_END_DECLS
