/* convene-store-private.h: what tests and the store's own helpers use. */
#pragma once

#include <sqlite3.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

gboolean  _convene_store_create_at_version (const char   *path,
                                            int           version,
                                            GError      **error);
sqlite3  *_convene_store_get_db            (ConveneStore *self);

G_END_DECLS
