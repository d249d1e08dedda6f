/* convene-sync-dialog.h: the CalDAV accounts, the calendar a plan goes to,
 * Sync Now and how the last sync went, and the conflicts waiting. */
#pragma once

#include <adwaita.h>

#include "ui/sync/convene-sync-controller.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SYNC_DIALOG (convene_sync_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSyncDialog, convene_sync_dialog, CONVENE, SYNC_DIALOG, AdwDialog)

AdwDialog *convene_sync_dialog_new (ConveneSyncController *controller);

G_END_DECLS
