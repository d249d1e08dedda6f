/* convene-entity-list.h: a live GListModel of one table's rows. */
#pragma once

#include <gio/gio.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_ENTITY_LIST (convene_entity_list_get_type ())

G_DECLARE_FINAL_TYPE (ConveneEntityList, convene_entity_list, CONVENE, ENTITY_LIST, GObject)

ConveneEntityList *convene_entity_list_new (ConveneStore *store,
                                            GType         type,
                                            const char   *column,
                                            gint64        value);

G_END_DECLS
