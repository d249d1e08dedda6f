/* convene-sync-dialog.c: syncing a plan with a CalDAV server, set up and
 * run from one dialog.
 *
 * An account is added from its address, user name and password: the row
 * goes into the database and the password into the keyring (libsecret,
 * asynchronously); if the keyring refuses it, the row is taken out again,
 * since an account without its password would only fail later.  The
 * calendars are listed from the server in the background, and a new one
 * can be made there.  Removing an account asks first: what Convene knows
 * of the calendar (which event is which) cannot be put back by an Undo.
 * Sync Now, the plan's state and the conflicts are the window's
 * ConveneSyncController's, so they go on when the dialog is closed.
 */
#include "config.h"

#include "ui/sync/convene-sync-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/convene-sync-rows.h"
#include "sync/convene-account.h"
#include "sync/convene-sync.h"
#include "ui/sync/convene-sync-conflict-dialog.h"

struct _ConveneSyncDialog
{
  AdwDialog              parent_instance;

  AdwActionRow          *status_row;
  GtkWidget             *sync_spinner;
  GtkWidget             *sync_button;
  AdwPreferencesGroup   *accounts_group;
  GtkListBox            *accounts_list;
  AdwPreferencesGroup   *add_group;
  AdwEntryRow           *url_row;
  AdwEntryRow           *user_row;
  AdwPasswordEntryRow   *password_row;
  GtkLabel              *account_error_label;
  GtkWidget             *add_spinner;
  GtkWidget             *add_button;
  AdwPreferencesGroup   *calendar_group;
  AdwComboRow           *calendar_row;
  GtkWidget             *calendar_spinner;
  AdwEntryRow           *new_calendar_row;
  GtkLabel              *calendar_error_label;
  AdwPreferencesGroup   *conflicts_group;
  GtkListBox            *conflicts_list;

  ConveneSyncController *controller;
  GCancellable          *cancellable;  /* the dialog's own requests */
  GPtrArray             *calendars;    /* ConveneCaldavCalendar, as the combo lists them */
  gboolean               filling;      /* the combo is being filled, not chosen from */
  gboolean               adding;
};

G_DEFINE_FINAL_TYPE (ConveneSyncDialog, convene_sync_dialog, ADW_TYPE_DIALOG)

static void
show_label (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static ConveneStore *
get_store (ConveneSyncDialog *self)
{
  return convene_sync_controller_get_store (self->controller);
}

static ConveneSyncAccount *
current_account (ConveneSyncDialog *self)
{
  gint64 id = convene_sync_controller_get_account (self->controller);

  return id != 0 ? convene_store_get_sync_account (get_store (self), id, NULL) : NULL;
}

/* ---- the plan's state and Sync Now ----------------------------------- */

static void
update_status (ConveneSyncDialog *self)
{
  ConvenePlan *plan = convene_sync_controller_get_plan (self->controller);
  gint64 plan_id = plan != NULL ? convene_entity_get_id (CONVENE_ENTITY (plan)) : 0;
  g_autofree char *line = convene_sync_controller_describe (self->controller, plan_id);
  g_autofree char *escaped = g_markup_escape_text (line, -1);
  g_autofree char *title = g_markup_escape_text (plan != NULL ? convene_plan_get_title (plan)
                                                              : _("No plan chosen"), -1);
  gboolean running = convene_sync_controller_is_running (self->controller);
  gboolean failed = convene_sync_controller_has_failed (self->controller, plan_id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), escaped);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "sync-failed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "sync-failed");
  gtk_widget_set_visible (self->sync_spinner, running);
  /* The account and its calendar stay as they are while a sync uses them. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->accounts_group), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_group), !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.now",
                                 !running && plan != NULL &&
                                 convene_sync_controller_get_account (self->controller) != 0);
}

static void
sync_now_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConveneSyncDialog *self = CONVENE_SYNC_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!convene_sync_controller_sync (self->controller, &error))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), error->message);
}

/* ---- conflicts ---------------------------------------------------------- */

static void
fill_conflicts (ConveneSyncDialog *self)
{
  g_autoptr(GPtrArray) conflicts = convene_store_list_sync_conflicts (get_store (self), 0, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list))) != NULL)
    gtk_list_box_remove (self->conflicts_list, child);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      ConveneSyncConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *mine = convene_sync_describe_version (conflict->local, conflict->remote);
      g_autofree char *theirs = convene_sync_describe_version (conflict->remote, conflict->local);
      /* Translators: a conflict's two versions in a list: this computer's, the server's */
      g_autofree char *subtitle = g_strdup_printf (_("Mine: %s\nTheirs: %s"), mine, theirs);
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("C_ompare…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     conflict->local != NULL ? _("Changed on both sides")
                                                             : _("Deleted here, changed there"));
      if (conflict->remote == NULL)
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Changed here, deleted there"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sync.compare");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", conflict->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->conflicts_list, row);
    }
  /* Shown only when something waits: an empty list is no news. */
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), conflicts != NULL && conflicts->len > 0);
}

static void
on_conflict_resolved_cb (ConveneSyncDialog *self)
{
  convene_sync_controller_update (self->controller);
}

static void
compare_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ConveneSyncDialog *self = CONVENE_SYNC_DIALOG (widget);
  AdwDialog *dialog = convene_sync_conflict_dialog_new (get_store (self), g_variant_get_int64 (parameter));

  g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_conflict_resolved_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

/* ---- calendars ---------------------------------------------------------- */

static void
fill_calendars (ConveneSyncDialog *self)
{
  g_autoptr(ConveneSyncAccount) account = current_account (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->calendars != NULL && i < self->calendars->len; i++)
    {
      ConveneCaldavCalendar *calendar = g_ptr_array_index (self->calendars, i);

      gtk_string_list_append (names, calendar->display_name != NULL && *calendar->display_name != '\0'
                                     ? calendar->display_name : calendar->url);
      if (account != NULL && g_strcmp0 (account->calendar_url, calendar->url) == 0)
        selected = i;
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->calendar_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->calendar_row, selected);
  self->filling = FALSE;
  if (account != NULL && account->calendar_url != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->calendar_row), account->calendar_url);
  else if (self->calendars != NULL && self->calendars->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->calendar_row),
                                 _("The account has no calendar yet: make one below"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->calendar_row),
                                 _("None chosen: the first one is used"));
}

static void
calendars_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ConveneSyncDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *calendars = convene_sync_list_calendars_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_visible (self->calendar_spinner, FALSE);
  if (calendars == NULL)
    {
      show_label (self->calendar_error_label, error->message);
      return;
    }
  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  self->calendars = calendars;
  fill_calendars (self);
}

static void
list_calendars (ConveneSyncDialog *self)
{
  g_autoptr(ConveneSyncAccount) account = current_account (self);

  gtk_widget_set_visible (GTK_WIDGET (self->calendar_group), account != NULL);
  if (account == NULL)
    return;
  show_label (self->calendar_error_label, NULL);
  gtk_widget_set_visible (self->calendar_spinner, TRUE);
  convene_sync_list_calendars_async (account->url, account->user, self->cancellable,
                                     calendars_listed_cb, g_object_ref (self));
}

static void
refresh_calendars_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  list_calendars (CONVENE_SYNC_DIALOG (widget));
}

static void
on_calendar_selected_cb (ConveneSyncDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->calendar_row);
  g_autoptr(ConveneSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  ConveneCaldavCalendar *calendar;

  if (self->filling || self->calendars == NULL || selected >= self->calendars->len)
    return;
  calendar = g_ptr_array_index (self->calendars, selected);
  account = current_account (self);
  if (account == NULL || g_strcmp0 (account->calendar_url, calendar->url) == 0)
    return;
  if (!convene_store_set_sync_calendar (get_store (self), account->id, calendar->url, &error))
    show_label (self->calendar_error_label, error->message);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->calendar_row), calendar->url);
}

static void
calendar_made_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ConveneSyncDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = convene_sync_make_calendar_finish (result, &error);
  g_autoptr(ConveneSyncAccount) account = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_calendar_row), TRUE);
  gtk_widget_set_visible (self->calendar_spinner, FALSE);
  account = current_account (self);
  if (url == NULL || account == NULL ||
      !convene_store_set_sync_calendar (get_store (self), account->id, url, &error))
    {
      show_label (self->calendar_error_label, error != NULL ? error->message : NULL);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_calendar_row), "");
  list_calendars (self);
}

static void
on_create_calendar_cb (ConveneSyncDialog *self)
{
  g_autoptr(ConveneSyncAccount) account = current_account (self);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_calendar_row))));

  if (account == NULL || *name == '\0')
    return;
  show_label (self->calendar_error_label, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_calendar_row), FALSE);
  gtk_widget_set_visible (self->calendar_spinner, TRUE);
  convene_sync_make_calendar_async (account->url, account->user, name, self->cancellable,
                                    calendar_made_cb, g_object_ref (self));
}

/* ---- accounts ----------------------------------------------------------- */

static void
fill_accounts (ConveneSyncDialog *self)
{
  g_autoptr(GPtrArray) accounts = convene_store_list_sync_accounts (get_store (self), NULL);
  gint64 chosen = convene_sync_controller_get_account (self->controller);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))) != NULL)
    gtk_list_box_remove (self->accounts_list, child);
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      ConveneSyncAccount *account = g_ptr_array_index (accounts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = g_markup_escape_text (account->user, -1);
      g_autofree char *subtitle = g_markup_escape_text (account->url, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* With several accounts, the row chosen is the one synced with. */
      if (accounts->len > 1)
        {
          GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_widget_set_opacity (check, account->id == chosen ? 1.0 : 0.0);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "sync.choose-account");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", account->id);
        }
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Account"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "sync.remove-account");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", account->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->accounts_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->accounts_group), accounts != NULL && accounts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->add_group), accounts == NULL || accounts->len == 0);
}

static void
on_controller_changed_cb (ConveneSyncDialog *self)
{
  fill_accounts (self);
  fill_conflicts (self);
  update_status (self);
}

static void
choose_account_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ConveneSyncDialog *self = CONVENE_SYNC_DIALOG (widget);

  convene_sync_controller_set_account (self->controller, g_variant_get_int64 (parameter));
  list_calendars (self);
}

static void
on_account_changed_cb (ConveneSyncDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  gboolean url_ok = uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
                    (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 ||
                     g_strcmp0 (g_uri_get_scheme (uri), "https") == 0);

  /* Said only once something is typed: an empty field is no mistake. */
  if (!url_ok && *url != '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      show_label (self->account_error_label, _("The server address starts with https:// (or http://)"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
      show_label (self->account_error_label, NULL);
    }
  gtk_widget_set_sensitive (self->add_button,
                            url_ok && !self->adding &&
                            *gtk_editable_get_text (GTK_EDITABLE (self->user_row)) != '\0' &&
                            *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0');
}

static void
set_adding (ConveneSyncDialog *self,
            gboolean           adding)
{
  self->adding = adding;
  gtk_widget_set_visible (self->add_spinner, adding);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !adding);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !adding);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !adding);
  on_account_changed_cb (self);
}

typedef struct {
  ConveneSyncDialog *self;
  gint64             account_id;
} Adding;

static void
password_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Adding *adding = user_data;
  g_autoptr(ConveneSyncDialog) self = adding->self;
  g_autoptr(GError) error = NULL;
  gint64 account_id = adding->account_id;

  g_free (adding);
  if (!convene_account_store_password_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* An account without its password would only fail later. */
      convene_store_remove_sync_account (get_store (self), account_id, NULL);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_adding (self, FALSE);
      /* Translators: %s is the keyring's own words */
      message = g_strdup_printf (_("The password could not be kept in the keyring: %s"), error->message);
      show_label (self->account_error_label, message);
      return;
    }
  set_adding (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), "");
  convene_sync_controller_set_account (self->controller, account_id);
  convene_sync_controller_update (self->controller);
  list_calendars (self);
}

static void
on_add_account_cb (ConveneSyncDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  Adding *adding;
  gint64 id;

  if (self->adding || !gtk_widget_get_sensitive (self->add_button))
    return;
  id = convene_store_add_sync_account (get_store (self), url, user, &error);
  if (id == 0)
    {
      show_label (self->account_error_label, error->message);
      return;
    }
  set_adding (self, TRUE);
  adding = g_new0 (Adding, 1);
  adding->self = g_object_ref (self);
  adding->account_id = id;
  convene_account_store_password_async (url, user, gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                        self->cancellable, password_stored_cb, adding);
}

static void
password_cleared_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ConveneSyncDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!convene_account_clear_password_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message =
        g_strdup_printf (_("The account is removed, but its password could not be taken from the keyring: %s"),
                         error->message);

      show_label (self->account_error_label, message);
    }
}

static void
on_remove_response_cb (AdwAlertDialog *alert,
                       const char     *response,
                       gpointer        user_data)
{
  ConveneSyncDialog *self = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (alert), "account"));
  g_autoptr(ConveneSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;
  account = convene_store_get_sync_account (get_store (self), id, &error);
  if (account == NULL || !convene_store_remove_sync_account (get_store (self), id, &error))
    {
      show_label (self->account_error_label, error->message);
      return;
    }
  /* Not the dialog's cancellable: the password goes even if it closes. */
  convene_account_clear_password_async (account->url, account->user, NULL, password_cleared_cb,
                                        g_object_ref (self));
  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  convene_sync_controller_update (self->controller);
  list_calendars (self);
}

static void
remove_account_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ConveneSyncDialog *self = CONVENE_SYNC_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(ConveneSyncAccount) account = convene_store_get_sync_account (get_store (self), id, NULL);
  AdwDialog *alert;
  g_autofree char *heading = NULL;

  if (account == NULL)
    return;
  /* Translators: %s is a user name, %s the server's address */
  heading = g_strdup_printf (_("Remove %s at %s?"), account->user, account->url);
  alert = adw_alert_dialog_new (heading,
                                _("Convene forgets which events it published there, and its password "
                                  "is taken out of the keyring. The calendar and its events stay on "
                                  "the server."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert), "cancel", _("_Cancel"),
                                  "remove", _("_Remove"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "cancel");
  g_object_set_data (G_OBJECT (alert), "account", GSIZE_TO_POINTER (id));
  g_signal_connect_object (alert, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  adw_dialog_present (alert, widget);
}

/* ---- the dialog --------------------------------------------------------- */

static void
convene_sync_dialog_dispose (GObject *object)
{
  ConveneSyncDialog *self = CONVENE_SYNC_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_SYNC_DIALOG);
  g_clear_object (&self->controller);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  G_OBJECT_CLASS (convene_sync_dialog_parent_class)->dispose (object);
}

static void
convene_sync_dialog_class_init (ConveneSyncDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_sync_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/sync/convene-sync-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, sync_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, account_error_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, add_spinner);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, calendar_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, calendar_spinner);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, new_calendar_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, calendar_error_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncDialog, conflicts_list);
  gtk_widget_class_bind_template_callback (widget_class, on_account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_account_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_calendar_cb);

  gtk_widget_class_install_action (widget_class, "sync.now", NULL, sync_now_cb);
  gtk_widget_class_install_action (widget_class, "sync.compare", "x", compare_cb);
  gtk_widget_class_install_action (widget_class, "sync.choose-account", "x", choose_account_cb);
  gtk_widget_class_install_action (widget_class, "sync.remove-account", "x", remove_account_cb);
  gtk_widget_class_install_action (widget_class, "sync.refresh-calendars", NULL, refresh_calendars_cb);
}

static void
convene_sync_dialog_init (ConveneSyncDialog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  placeholder = gtk_label_new (_("Nothing waits for a choice"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->conflicts_list, placeholder);
}

AdwDialog *
convene_sync_dialog_new (ConveneSyncController *controller)
{
  ConveneSyncDialog *self;

  g_return_val_if_fail (CONVENE_IS_SYNC_CONTROLLER (controller), NULL);

  self = g_object_new (CONVENE_TYPE_SYNC_DIALOG, NULL);
  self->controller = g_object_ref (controller);
  g_signal_connect_object (controller, "changed", G_CALLBACK (on_controller_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_controller_changed_cb (self);
  list_calendars (self);
  return ADW_DIALOG (self);
}
