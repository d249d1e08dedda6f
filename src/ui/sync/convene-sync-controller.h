/* convene-sync-controller.h: the window's side of CalDAV sync.
 *
 * One a window: the account a plan is synced with, the sync under way
 * (with the window's GCancellable), how each plan's last sync went, and the
 * banner that says it.  The sync dialog and the window's actions speak to
 * it; it never blocks the main loop.
 */
#pragma once

#include <adwaita.h>

#include "model/convene-plan.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SYNC_CONTROLLER (convene_sync_controller_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSyncController, convene_sync_controller, CONVENE, SYNC_CONTROLLER, GObject)

/* Puts the banner under @page's child (the window's content column). */
ConveneSyncController *convene_sync_controller_new          (ConveneStore          *store,
                                                             AdwNavigationPage     *page);
ConveneStore          *convene_sync_controller_get_store    (ConveneSyncController *self);

/* The plan the banner speaks of. */
void                   convene_sync_controller_set_plan     (ConveneSyncController *self,
                                                             ConvenePlan           *plan);
ConvenePlan           *convene_sync_controller_get_plan     (ConveneSyncController *self);

/* The account to sync with: the one chosen, else the first there is; 0
 * when there is none. */
gint64                 convene_sync_controller_get_account  (ConveneSyncController *self);
void                   convene_sync_controller_set_account  (ConveneSyncController *self,
                                                             gint64                 account_id);

/* Starts syncing the current plan; FALSE with @error when there is no
 * plan or no account, or a sync is under way. */
gboolean               convene_sync_controller_sync         (ConveneSyncController *self,
                                                             GError               **error);
void                   convene_sync_controller_cancel       (ConveneSyncController *self);
gboolean               convene_sync_controller_is_running   (ConveneSyncController *self);
/* Whether @plan_id's last sync failed (and no sync is under way). */
gboolean               convene_sync_controller_has_failed   (ConveneSyncController *self,
                                                             gint64                 plan_id);
/* One line for @plan_id: not synced yet, syncing, when it last synced and
 * what it did, or why it failed. */
char                  *convene_sync_controller_describe     (ConveneSyncController *self,
                                                             gint64                 plan_id);
guint                  convene_sync_controller_get_n_conflicts (ConveneSyncController *self);
/* Shows the first conflict's two versions, over @parent. */
void                   convene_sync_controller_show_conflict (ConveneSyncController *self,
                                                              GtkWidget             *parent);
/* The banner shows the state again: after a change of accounts or conflicts. */
void                   convene_sync_controller_update       (ConveneSyncController *self);

G_END_DECLS
