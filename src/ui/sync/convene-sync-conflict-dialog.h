/* convene-sync-conflict-dialog.h: one conflict's two versions side by
 * side, field by field, and the choice: keep mine, keep theirs, or both. */
#pragma once

#include <adwaita.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SYNC_CONFLICT_DIALOG (convene_sync_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSyncConflictDialog, convene_sync_conflict_dialog, CONVENE, SYNC_CONFLICT_DIALOG, AdwDialog)

AdwDialog *convene_sync_conflict_dialog_new (ConveneStore *store,
                                             gint64        conflict_id);

G_END_DECLS
