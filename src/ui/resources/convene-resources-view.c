/* convene-resources-view.c: the Resources section.
 *
 * Everything shared with the plan, its sessions' included, newest first in
 * the store's order: kind, date, who shared it and for which session.
 */
#include "config.h"

#include "ui/resources/convene-resources-view.h"

#include <glib/gi18n.h>

#include "ui/editors/convene-editor-dialog.h"
#include "ui/resources/convene-link-check-dialog.h"
#include "ui/convene-entity-row.h"
#include "ui/convene-format.h"
#include "model/convene-person.h"
#include "ui/convene-plan-view.h"
#include "model/convene-plan.h"
#include "model/convene-resource.h"
#include "model/convene-session.h"
#include "store/convene-store.h"
#include "model/convene-values.h"

struct _ConveneResourcesView
{
  ConvenePlanView parent_instance;

  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwPreferencesGroup *group;
  GtkListBox          *resources_list;

  GListModel          *resources;
};

G_DEFINE_FINAL_TYPE (ConveneResourcesView, convene_resources_view, CONVENE_TYPE_PLAN_VIEW)

/* "Check link", before the row's other buttons. */
static void
add_check_button (GtkWidget       *row,
                  ConveneResource *resource)
{
  GtkWidget *check = gtk_button_new_from_icon_name ("network-transmit-receive-symbolic");

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (check, "flat");
  gtk_widget_set_tooltip_text (check, _("Check Link"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "resources.check-link");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (check), "x",
                                    convene_entity_get_id (CONVENE_ENTITY (resource)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  gtk_widget_insert_after (check, gtk_widget_get_parent (check), NULL);
}

static GtkWidget *
create_resource_row_cb (gpointer item,
                        gpointer user_data)
{
  ConveneResourcesView *self = user_data;
  ConveneResource *resource = item;
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  g_autofree char *subtitle = convene_resource_describe (store, resource, TRUE);
  GtkWidget *row = convene_entity_row_new (CONVENE_ENTITY (resource),
                                           convene_resource_get_title (resource), subtitle,
                                           "resources.edit");
  const char *url = convene_resource_get_url (resource);

  if (convene_url_is_valid (url))
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("web-browser-symbolic");

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open in Browser"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "resources.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", url);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      gtk_widget_insert_after (open, gtk_widget_get_parent (open), NULL);
      add_check_button (row, resource);
    }
  return row;
}

static void
update_stack (ConveneResourcesView *self)
{
  guint n = self->resources != NULL ? g_list_model_get_n_items (self->resources) : 0;
  g_autofree char *count = g_strdup_printf (ngettext ("%u resource", "%u resources", n), n);

  adw_preferences_group_set_title (self->group, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
convene_resources_view_reload (ConvenePlanView *view)
{
  ConveneResourcesView *self = CONVENE_RESOURCES_VIEW (view);
  ConveneStore *store = convene_plan_view_get_store (view);
  ConvenePlan *plan = convene_plan_view_get_plan (view);

  g_clear_object (&self->resources);
  if (store != NULL && plan != NULL)
    {
      self->resources = convene_store_list (store, CONVENE_TYPE_RESOURCE, "plan",
                                            convene_entity_get_id (CONVENE_ENTITY (plan)));
      g_signal_connect_object (self->resources, "items-changed", G_CALLBACK (update_stack), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->resources_list, self->resources, create_resource_row_cb, self, NULL);
  update_stack (self);
}

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ConvenePlanView *view = CONVENE_PLAN_VIEW (widget);
  ConveneStore *store = convene_plan_view_get_store (view);
  ConvenePlan *plan = convene_plan_view_get_plan (view);

  if (plan != NULL)
    adw_dialog_present (convene_editor_dialog_new_for_resource (store, plan, 0, NULL), widget);
}

static void
edit_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConvenePlanView *view = CONVENE_PLAN_VIEW (widget);
  ConveneStore *store = convene_plan_view_get_store (view);
  ConvenePlan *plan = convene_plan_view_get_plan (view);
  g_autoptr(ConveneResource) resource = convene_store_load (store, CONVENE_TYPE_RESOURCE,
                                                            g_variant_get_int64 (parameter), NULL);

  if (resource != NULL)
    adw_dialog_present (convene_editor_dialog_new_for_resource (store, plan, 0, resource), widget);
}

static void
open_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (g_variant_get_string (parameter, NULL));

  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL, NULL);
}

static void
check_link_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (widget));
  g_autoptr(ConveneResource) resource = convene_store_load (store, CONVENE_TYPE_RESOURCE,
                                                            g_variant_get_int64 (parameter), NULL);

  if (resource != NULL && convene_url_is_valid (convene_resource_get_url (resource)))
    convene_link_check_dialog_present (widget, store, resource);
}

static void
convene_resources_view_dispose (GObject *object)
{
  ConveneResourcesView *self = CONVENE_RESOURCES_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_RESOURCES_VIEW);
  g_clear_object (&self->resources);

  G_OBJECT_CLASS (convene_resources_view_parent_class)->dispose (object);
}

static void
convene_resources_view_class_init (ConveneResourcesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ConvenePlanViewClass *plan_view_class = CONVENE_PLAN_VIEW_CLASS (klass);

  object_class->dispose = convene_resources_view_dispose;
  plan_view_class->reload = convene_resources_view_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/resources/convene-resources-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneResourcesView, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConveneResourcesView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneResourcesView, group);
  gtk_widget_class_bind_template_child (widget_class, ConveneResourcesView, resources_list);

  gtk_widget_class_install_action (widget_class, "resources.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "resources.edit", "x", edit_cb);
  gtk_widget_class_install_action (widget_class, "resources.open", "s", open_cb);
  gtk_widget_class_install_action (widget_class, "resources.check-link", "x", check_link_cb);
}

static void
convene_resources_view_init (ConveneResourcesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_expression_bind (gtk_property_expression_new (CONVENE_TYPE_PLAN,
                         gtk_property_expression_new (CONVENE_TYPE_RESOURCES_VIEW, NULL, "plan"),
                         "title"),
                       self->window_title, "subtitle", self);
  update_stack (self);
}
