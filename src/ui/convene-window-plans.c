/* convene-window-plans.c: the window's actions on plans: add, rename,
 * edit the details, delete (with Undo, through the window). */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/editors/convene-editor-dialog.h"
#include "ui/convene-format.h"
#include "ui/convene-window.h"
#include "ui/convene-window-private.h"

/* Plans: add, rename, edit, delete */

static void
on_plan_title_response_cb (AdwAlertDialog *dialog,
                           const char     *response,
                           ConveneWindow  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  ConvenePlan *existing = g_object_get_data (G_OBJECT (dialog), "plan");
  g_autoptr(ConvenePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "save") || *title == '\0')
    return;

  if (existing != NULL)
    {
      plan = CONVENE_PLAN (convene_entity_copy (CONVENE_ENTITY (existing)));
      convene_plan_set_title (plan, title);
      ok = convene_store_update (convene_window_get_store (self), CONVENE_ENTITY (plan), &error);
    }
  else
    {
      g_autoptr(GDateTime) now = convene_now ();
      const char *zone = convene_local_zone_id ();

      plan = convene_plan_new ();
      convene_plan_set_title (plan, title);
      convene_plan_set_year (plan, g_date_time_get_year (now));
      convene_plan_set_timezone (plan, zone != NULL ? zone : "UTC");
      ok = convene_store_add (convene_window_get_store (self), CONVENE_ENTITY (plan), &error);
      if (ok)
        convene_window_select_plan (self, convene_entity_get_id (CONVENE_ENTITY (plan)));
    }
  if (!ok)
    convene_window_show_error (self, _("Cannot Save the Plan"), error);
}

static void
on_plan_title_changed_cb (GtkEditable    *entry,
                          AdwAlertDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_alert_dialog_set_response_enabled (dialog, "save", *title != '\0');
}

static void
ask_plan_title (ConveneWindow *self,
                ConvenePlan   *plan)
{
  AdwAlertDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (plan != NULL ? _("Rename Plan") : _("New Plan"),
                                                   NULL));
  adw_alert_dialog_add_responses (dialog,
                                  "cancel", _("_Cancel"),
                                  "save", plan != NULL ? _("_Rename") : _("_Create"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (dialog, "save");
  adw_alert_dialog_set_close_response (dialog, "cancel");

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Action Plan 2021"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  if (plan != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), convene_plan_get_title (plan));
      g_object_set_data_full (G_OBJECT (dialog), "plan", g_object_ref (plan), g_object_unref);
    }
  adw_alert_dialog_set_extra_child (dialog, entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_plan_title_changed_cb), dialog);
  on_plan_title_changed_cb (GTK_EDITABLE (entry), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_plan_title_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
new_plan_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ask_plan_title (CONVENE_WINDOW (widget), NULL);
}

static void
rename_plan_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (convene_window_get_plan (self) != NULL)
    ask_plan_title (self, convene_window_get_plan (self));
}

static void
edit_plan_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  AdwDialog *dialog;

  if (convene_window_get_plan (self) == NULL)
    return;
  dialog = convene_editor_dialog_new_for_plan (convene_window_get_store (self), convene_window_get_plan (self));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
delete_plan_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (convene_window_get_plan (self) != NULL)
    convene_window_delete (self, CONVENE_ENTITY (convene_window_get_plan (self)));
}

void
_convene_window_class_add_plan_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_cb);
  gtk_widget_class_install_action (widget_class, "win.rename-plan", NULL, rename_plan_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-plan", NULL, edit_plan_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-plan", NULL, delete_plan_cb);
}
