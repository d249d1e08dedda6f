/* convene-goals-view.c: the Goals & actions section.
 *
 * Two boxed lists bound to the store's live lists of the plan's goals and
 * actions; adding and editing go through the editor dialog, deleting through
 * the window (which offers Undo).
 */
#include "config.h"

#include "ui/goals/convene-goals-view.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/convene-action.h"
#include "ui/editors/convene-editor-dialog.h"
#include "ui/convene-entity-row.h"
#include "ui/convene-format.h"
#include "model/convene-goal.h"
#include "ui/convene-plan-view.h"
#include "model/convene-plan.h"
#include "store/convene-store.h"

struct _ConveneGoalsView
{
  ConvenePlanView parent_instance;

  AdwWindowTitle *window_title;
  GtkListBox     *goals_list;
  GtkListBox     *actions_list;

  GListModel     *goals;
  GListModel     *actions;
};

G_DEFINE_FINAL_TYPE (ConveneGoalsView, convene_goals_view, CONVENE_TYPE_PLAN_VIEW)

static GtkWidget *
create_goal_row_cb (gpointer item,
                    gpointer user_data)
{
  ConveneGoal *goal = item;
  g_autofree char *title = g_strdup_printf ("%d. %s", convene_goal_get_position (goal),
                                            convene_goal_get_title (goal));

  return convene_entity_row_new (CONVENE_ENTITY (goal), title, convene_goal_get_description (goal),
                                 "goals.edit-goal");
}

static char *
describe_due (const char *due)
{
  if (due == NULL)
    return NULL;
  if (strlen (due) == 4)
    /* Translators: an action due "through the year 2021" */
    return g_strdup_printf (_("through %s"), due);
  if (strlen (due) == 7)
    return convene_format_month (due);
  return g_strdup (due);
}

static GtkWidget *
create_action_row_cb (gpointer item,
                      gpointer user_data)
{
  ConveneGoalsView *self = user_data;
  ConveneAction *action = item;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *owners = convene_join_strv (convene_action_get_owners (action));
  g_autofree char *due = describe_due (convene_action_get_due (action));
  ConveneActionStatus status = convene_action_get_status (action);
  GtkWidget *row;
  static const char *status_classes[] = { "planned", "in-progress", "done", "dropped" };

  if (*owners != '\0')
    /* Translators: who carries out an action */
    g_string_append_printf (subtitle, _("Owners: %s"), owners);
  if (due != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: when an action is due */
      g_string_append_printf (subtitle, _("Due %s"), due);
    }
  if (convene_action_get_goal (action) != 0)
    {
      ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
      g_autoptr(ConveneGoal) goal = convene_store_load (store, CONVENE_TYPE_GOAL,
                                                        convene_action_get_goal (action), NULL);
      if (goal != NULL)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* Translators: the goal an action serves, by its number */
          g_string_append_printf (subtitle, _("Goal %d"), convene_goal_get_position (goal));
        }
    }

  row = convene_entity_row_new (CONVENE_ENTITY (action), convene_action_get_title (action),
                                subtitle->str, "goals.edit-action");
  convene_entity_row_add_badge (row, convene_enum_label (CONVENE_TYPE_ACTION_STATUS, status),
                                status < G_N_ELEMENTS (status_classes) ? status_classes[status] : NULL);
  return row;
}

static void
convene_goals_view_reload (ConvenePlanView *view)
{
  ConveneGoalsView *self = CONVENE_GOALS_VIEW (view);
  ConveneStore *store = convene_plan_view_get_store (view);
  ConvenePlan *plan = convene_plan_view_get_plan (view);

  g_clear_object (&self->goals);
  g_clear_object (&self->actions);

  if (store != NULL && plan != NULL)
    {
      gint64 plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));

      self->goals = convene_store_list (store, CONVENE_TYPE_GOAL, "plan", plan_id);
      self->actions = convene_store_list (store, CONVENE_TYPE_ACTION, "plan", plan_id);
    }
  gtk_list_box_bind_model (self->goals_list, self->goals, create_goal_row_cb, self, NULL);
  gtk_list_box_bind_model (self->actions_list, self->actions, create_action_row_cb, self, NULL);
}

/* goals.add-goal and goals.add-action open an empty editor; goals.edit-goal
 * and goals.edit-action, given an id, the editor of that goal or action. */
static void
open_editor_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneGoalsView *self = CONVENE_GOALS_VIEW (widget);
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  ConvenePlan *plan = convene_plan_view_get_plan (CONVENE_PLAN_VIEW (self));
  gboolean for_goal = g_str_has_suffix (action_name, "-goal");
  g_autoptr(ConveneEntity) entity = NULL;
  AdwDialog *dialog;

  if (store == NULL || plan == NULL)
    return;
  if (parameter != NULL)
    {
      entity = convene_store_load (store, for_goal ? CONVENE_TYPE_GOAL : CONVENE_TYPE_ACTION,
                                   g_variant_get_int64 (parameter), NULL);
      if (entity == NULL)
        return;
    }
  if (for_goal)
    dialog = convene_editor_dialog_new_for_goal (store, plan, CONVENE_GOAL (entity));
  else
    dialog = convene_editor_dialog_new_for_action (store, plan, CONVENE_ACTION (entity));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
convene_goals_view_dispose (GObject *object)
{
  ConveneGoalsView *self = CONVENE_GOALS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_GOALS_VIEW);
  g_clear_object (&self->goals);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (convene_goals_view_parent_class)->dispose (object);
}

static void
convene_goals_view_class_init (ConveneGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ConvenePlanViewClass *plan_view_class = CONVENE_PLAN_VIEW_CLASS (klass);

  object_class->dispose = convene_goals_view_dispose;
  plan_view_class->reload = convene_goals_view_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/goals/convene-goals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneGoalsView, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConveneGoalsView, goals_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneGoalsView, actions_list);

  gtk_widget_class_install_action (widget_class, "goals.add-goal", NULL, open_editor_cb);
  gtk_widget_class_install_action (widget_class, "goals.edit-goal", "x", open_editor_cb);
  gtk_widget_class_install_action (widget_class, "goals.add-action", NULL, open_editor_cb);
  gtk_widget_class_install_action (widget_class, "goals.edit-action", "x", open_editor_cb);
}

static void
convene_goals_view_init (ConveneGoalsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->goals_list,
                                convene_list_placeholder_new (_("No goals yet")));
  gtk_list_box_set_placeholder (self->actions_list,
                                convene_list_placeholder_new (_("No actions yet")));
  gtk_expression_bind (gtk_property_expression_new (CONVENE_TYPE_PLAN,
                         gtk_property_expression_new (CONVENE_TYPE_GOALS_VIEW, NULL, "plan"),
                         "title"),
                       self->window_title, "subtitle", self);
}
