/* convene-undo.h: what a delete removed, kept so that Undo can put it back. */
#pragma once

#include "store/convene-store.h"

G_BEGIN_DECLS

typedef struct _ConveneUndo ConveneUndo;

ConveneUndo *convene_undo_delete      (ConveneStore   *store,
                                       ConveneEntity  *entity,
                                       GError        **error);
ConveneUndo *convene_undo_add         (ConveneStore   *store,
                                       ConveneEntity  *entity,
                                       GError        **error);
gboolean     convene_undo_restore     (ConveneUndo    *undo,
                                       ConveneStore   *store,
                                       GError        **error);
GType        convene_undo_get_entity_type (ConveneUndo *undo);
gint64       convene_undo_get_restored_id (ConveneUndo *undo);
void         convene_undo_free        (ConveneUndo    *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneUndo, convene_undo_free)

G_END_DECLS
