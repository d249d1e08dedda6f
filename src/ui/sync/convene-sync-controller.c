/* convene-sync-controller.c: the window's side of CalDAV sync (see the
 * header).
 *
 * A sync runs on a second connection to the same database file: core's
 * sync uses its store from a worker thread until it finishes, and the
 * window's own store feeds live lists on the main thread, which must never
 * see a signal from another thread.  When the sync ends, the window's store
 * is told to look (convene_store_notice_others()), as it would for
 * convene-cli writing the same file, and every list reloads.
 */
#include "config.h"

#include "ui/sync/convene-sync-controller.h"

#include <glib/gi18n.h>

#include "store/convene-sync-rows.h"
#include "sync/convene-sync.h"
#include "time/convene-clock.h"
#include "ui/sync/convene-sync-conflict-dialog.h"

typedef struct {
  GDateTime *when;
  char      *error;       /* NULL when it went well */
  ConveneSyncReport report;
} PlanStatus;

struct _ConveneSyncController
{
  GObject       parent_instance;

  ConveneStore *store;
  AdwBanner    *banner;     /* weak: the window's */
  ConvenePlan  *plan;
  gint64        account_id;
  GCancellable *cancellable;  /* the sync under way, or NULL */
  gint64        running_plan;
  GHashTable   *status;     /* plan id → PlanStatus */
  gboolean      dismissed;  /* the banner's last message was put away */
};

G_DEFINE_FINAL_TYPE (ConveneSyncController, convene_sync_controller, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
plan_status_free (gpointer data)
{
  PlanStatus *status = data;

  g_clear_pointer (&status->when, g_date_time_unref);
  g_free (status->error);
  convene_sync_report_clear (&status->report);
  g_free (status);
}

static PlanStatus *
lookup_status (ConveneSyncController *self,
               gint64                 plan_id)
{
  return g_hash_table_lookup (self->status, &plan_id);
}

static gint64
current_plan_id (ConveneSyncController *self)
{
  return self->plan != NULL ? convene_entity_get_id (CONVENE_ENTITY (self->plan)) : 0;
}

guint
convene_sync_controller_get_n_conflicts (ConveneSyncController *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;

  g_return_val_if_fail (CONVENE_IS_SYNC_CONTROLLER (self), 0);

  conflicts = convene_store_list_sync_conflicts (self->store, 0, NULL);
  return conflicts != NULL ? conflicts->len : 0;
}

/* What the banner says, most pressing first: a sync under way, one that
 * failed, conflicts waiting, events left alone; else it hides. */
static void
update_banner (ConveneSyncController *self)
{
  PlanStatus *status = lookup_status (self, current_plan_id (self));
  guint n_conflicts = convene_sync_controller_get_n_conflicts (self);
  g_autofree char *title = NULL;
  const char *button = NULL;

  if (self->banner == NULL)
    return;
  if (self->cancellable != NULL)
    {
      g_autoptr(ConvenePlan) plan = convene_store_load (self->store, CONVENE_TYPE_PLAN,
                                                        self->running_plan, NULL);

      /* Translators: the banner while a plan is synced; %s is its title */
      title = g_strdup_printf (_("Syncing “%s” with the calendar server…"),
                               plan != NULL ? convene_plan_get_title (plan) : "");
      button = _("_Cancel");
    }
  else if (status != NULL && status->error != NULL && !self->dismissed)
    {
      /* Translators: the banner when a sync failed; %s says why */
      title = g_strdup_printf (_("Sync failed: %s"), status->error);
      button = _("_Try Again");
    }
  else if (n_conflicts > 0)
    {
      title = g_strdup_printf (ngettext ("%u event was changed on both sides: choose which to keep",
                                         "%u events were changed on both sides: choose which to keep",
                                         n_conflicts), n_conflicts);
      button = _("_Compare");
    }
  else if (status != NULL && status->report.foreign != NULL && !self->dismissed)
    {
      guint n = g_strv_length (status->report.foreign);
      g_autofree char *names = g_strjoinv ("; ", status->report.foreign);

      title = g_strdup_printf (ngettext ("%u event on the calendar was not made in Convene and is left there: %s",
                                         "%u events on the calendar were not made in Convene and are left there: %s",
                                         n), n, names);
      button = _("_Dismiss");
    }
  else if (status != NULL && status->report.warnings != NULL && !self->dismissed)
    {
      guint n = g_strv_length (status->report.warnings);
      g_autofree char *what = g_strjoinv ("; ", status->report.warnings);

      /* Translators: the banner after a sync; %u counts, %s says what was
       * left out */
      title = g_strdup_printf (ngettext ("%u change on the calendar could not be taken: %s",
                                         "%u changes on the calendar could not be taken: %s",
                                         n), n, what);
      button = _("_Dismiss");
    }
  adw_banner_set_title (self->banner, title != NULL ? title : "");
  adw_banner_set_button_label (self->banner, button);
  adw_banner_set_revealed (self->banner, title != NULL);
}

void
convene_sync_controller_update (ConveneSyncController *self)
{
  g_return_if_fail (CONVENE_IS_SYNC_CONTROLLER (self));

  update_banner (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_banner_button_clicked_cb (AdwBanner             *banner,
                             ConveneSyncController *self)
{
  PlanStatus *status = lookup_status (self, current_plan_id (self));

  if (self->cancellable != NULL)
    convene_sync_controller_cancel (self);
  else if (status != NULL && status->error != NULL && !self->dismissed)
    convene_sync_controller_sync (self, NULL);
  else if (convene_sync_controller_get_n_conflicts (self) > 0)
    convene_sync_controller_show_conflict (self, GTK_WIDGET (banner));
  else
    {
      self->dismissed = TRUE;
      update_banner (self);
    }
}

/* "Published 3, taken from the server 1", the parts that are not naught. */
static char *
describe_report (const ConveneSyncReport *report)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (report->published > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u sent", "%u sent", report->published),
                                             report->published));
  if (report->pulled > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u taken from the server",
                                                       "%u taken from the server", report->pulled),
                                             report->pulled));
  if (report->deleted_remote + report->deleted_local > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u deleted", "%u deleted",
                                                       report->deleted_remote + report->deleted_local),
                                             report->deleted_remote + report->deleted_local));
  if (report->conflicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u conflict", "%u conflicts", report->conflicts),
                                             report->conflicts));
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (_("nothing to change")));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);
  g_ptr_array_unref (parts);
  return g_steal_pointer (&joined);
}

char *
convene_sync_controller_describe (ConveneSyncController *self,
                                  gint64                 plan_id)
{
  PlanStatus *status;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (CONVENE_IS_SYNC_CONTROLLER (self), NULL);

  if (self->cancellable != NULL && self->running_plan == plan_id)
    return g_strdup (_("Syncing…"));
  status = lookup_status (self, plan_id);
  if (status == NULL)
    return g_strdup (_("Not synced since Convene was opened"));
  local = g_date_time_to_local (status->when);
  /* Translators: when a plan was last synced; see g_date_time_format() */
  when = g_date_time_format (local, _("%-d %b, %H:%M"));
  if (status->error != NULL)
    /* Translators: a plan's sync state: when it failed, and why */
    return g_strdup_printf (_("Sync failed %s: %s"), when, status->error);
  what = describe_report (&status->report);
  /* Translators: a plan's sync state: when it last synced, and what it did */
  return g_strdup_printf (_("Last synced %s: %s"), when, what);
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ConveneSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  PlanStatus *status = g_new0 (PlanStatus, 1);
  gboolean ok = convene_sync_run_finish (result, &status->report, &error);
  gint64 *key = g_new (gint64, 1);

  g_clear_object (&self->cancellable);
  status->when = convene_now ();
  if (!ok)
    status->error = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                    ? g_strdup (_("it was cancelled")) : g_strdup (error->message);
  *key = self->running_plan;
  g_hash_table_replace (self->status, key, status);
  self->dismissed = FALSE;
  /* What the sync wrote through its own connection shows here now. */
  convene_store_notice_others (self->store);
  convene_sync_controller_update (self);
  /* A banner left up (conflicts, changes not taken) says what matters, and
   * a toast would float over its words; the plan's status row still says
   * what the sync did. */
  if (ok && self->banner != NULL && !adw_banner_get_revealed (self->banner))
    {
      g_autofree char *what = describe_report (&status->report);
      /* Translators: a toast after a sync; %s says what it did */
      g_autofree char *message = g_strdup_printf (_("Synced: %s"), what);

      gtk_widget_activate_action (GTK_WIDGET (self->banner), "win.toast", "s", message);
    }
}

gboolean
convene_sync_controller_sync (ConveneSyncController  *self,
                              GError                **error)
{
  g_autoptr(ConveneStore) second = NULL;
  gint64 account_id;

  g_return_val_if_fail (CONVENE_IS_SYNC_CONTROLLER (self), FALSE);

  if (self->cancellable != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("A sync is already under way"));
      return FALSE;
    }
  if (self->plan == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose a plan to sync first"));
      return FALSE;
    }
  account_id = convene_sync_controller_get_account (self);
  if (account_id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Add a calendar server account first"));
      return FALSE;
    }
  second = convene_store_new (convene_store_get_path (self->store), error);
  if (second == NULL)
    return FALSE;
  self->cancellable = g_cancellable_new ();
  self->running_plan = current_plan_id (self);
  convene_sync_run_async (second, account_id, self->running_plan, NULL, self->cancellable,
                          sync_done_cb, g_object_ref (self));
  convene_sync_controller_update (self);
  return TRUE;
}

void
convene_sync_controller_cancel (ConveneSyncController *self)
{
  g_return_if_fail (CONVENE_IS_SYNC_CONTROLLER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
convene_sync_controller_is_running (ConveneSyncController *self)
{
  g_return_val_if_fail (CONVENE_IS_SYNC_CONTROLLER (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
convene_sync_controller_has_failed (ConveneSyncController *self,
                                    gint64                 plan_id)
{
  PlanStatus *status;

  g_return_val_if_fail (CONVENE_IS_SYNC_CONTROLLER (self), FALSE);

  status = lookup_status (self, plan_id);
  return self->cancellable == NULL && status != NULL && status->error != NULL;
}

gint64
convene_sync_controller_get_account (ConveneSyncController *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  gint64 first = 0;

  g_return_val_if_fail (CONVENE_IS_SYNC_CONTROLLER (self), 0);

  accounts = convene_store_list_sync_accounts (self->store, NULL);
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      ConveneSyncAccount *account = g_ptr_array_index (accounts, i);

      if (account->id == self->account_id)
        return account->id;
      if (first == 0)
        first = account->id;
    }
  return first;
}

void
convene_sync_controller_set_account (ConveneSyncController *self,
                                     gint64                 account_id)
{
  g_return_if_fail (CONVENE_IS_SYNC_CONTROLLER (self));

  if (self->account_id == account_id)
    return;
  self->account_id = account_id;
  convene_sync_controller_update (self);
}

ConveneStore *
convene_sync_controller_get_store (ConveneSyncController *self)
{
  g_return_val_if_fail (CONVENE_IS_SYNC_CONTROLLER (self), NULL);

  return self->store;
}

void
convene_sync_controller_set_plan (ConveneSyncController *self,
                                  ConvenePlan           *plan)
{
  g_return_if_fail (CONVENE_IS_SYNC_CONTROLLER (self));

  if (g_set_object (&self->plan, plan))
    update_banner (self);
}

ConvenePlan *
convene_sync_controller_get_plan (ConveneSyncController *self)
{
  g_return_val_if_fail (CONVENE_IS_SYNC_CONTROLLER (self), NULL);

  return self->plan;
}

static void
on_conflict_resolved_cb (ConveneSyncController *self)
{
  convene_sync_controller_update (self);
}

void
convene_sync_controller_show_conflict (ConveneSyncController *self,
                                       GtkWidget             *parent)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  AdwDialog *dialog;

  g_return_if_fail (CONVENE_IS_SYNC_CONTROLLER (self));

  conflicts = convene_store_list_sync_conflicts (self->store, 0, NULL);
  if (conflicts == NULL || conflicts->len == 0)
    return;
  dialog = convene_sync_conflict_dialog_new (self->store,
                                             ((ConveneSyncConflict *) g_ptr_array_index (conflicts, 0))->id);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_conflict_resolved_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, parent);
}

static void
convene_sync_controller_dispose (GObject *object)
{
  ConveneSyncController *self = CONVENE_SYNC_CONTROLLER (object);

  /* The window is closing: the sync under way ends with it. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->banner != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->banner, self);
      g_object_remove_weak_pointer (G_OBJECT (self->banner), (gpointer *) &self->banner);
      self->banner = NULL;
    }
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (convene_sync_controller_parent_class)->dispose (object);
}

static void
convene_sync_controller_finalize (GObject *object)
{
  ConveneSyncController *self = CONVENE_SYNC_CONTROLLER (object);

  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->status);
  G_OBJECT_CLASS (convene_sync_controller_parent_class)->finalize (object);
}

static void
convene_sync_controller_class_init (ConveneSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = convene_sync_controller_dispose;
  object_class->finalize = convene_sync_controller_finalize;

  /* The state changed: a sync started or ended, accounts or conflicts. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
convene_sync_controller_init (ConveneSyncController *self)
{
  self->status = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, plan_status_free);
}

/* The banner goes under the content column rather than over it: each
 * view has a header bar of its own, and a banner above those would sit
 * between the window's edge and its titles. */
static AdwBanner *
add_banner (AdwNavigationPage *page)
{
  g_autoptr(GtkWidget) child = g_object_ref (adw_navigation_page_get_child (page));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *banner = adw_banner_new ("");

  gtk_widget_add_css_class (banner, "sync-banner");
  adw_navigation_page_set_child (page, NULL);
  gtk_widget_set_vexpand (child, TRUE);
  gtk_box_append (GTK_BOX (box), child);
  gtk_box_append (GTK_BOX (box), banner);
  adw_navigation_page_set_child (page, box);
  return ADW_BANNER (banner);
}

ConveneSyncController *
convene_sync_controller_new (ConveneStore      *store,
                             AdwNavigationPage *page)
{
  ConveneSyncController *self;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (ADW_IS_NAVIGATION_PAGE (page), NULL);

  self = g_object_new (CONVENE_TYPE_SYNC_CONTROLLER, NULL);
  self->store = g_object_ref (store);
  self->banner = add_banner (page);
  g_object_add_weak_pointer (G_OBJECT (self->banner), (gpointer *) &self->banner);
  g_signal_connect (self->banner, "button-clicked", G_CALLBACK (on_banner_button_clicked_cb), self);
  update_banner (self);
  return self;
}
