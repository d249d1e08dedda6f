/* convene-people-view.c: the People section.
 *
 * People belong to the database, not to one plan: the list is the same
 * whichever plan is selected.  Each row says what the schedule's fairness
 * depends on: sector, region, zone and languages.
 */
#include "config.h"

#include "ui/people/convene-people-view.h"

#include <glib/gi18n.h>

#include "ui/editors/convene-editor-dialog.h"
#include "ui/convene-entity-row.h"
#include "ui/convene-format.h"
#include "model/convene-person.h"
#include "model/convene-plan.h"
#include "store/convene-store.h"

struct _ConvenePeopleView
{
  ConvenePlanView parent_instance;

  GtkStack            *stack;
  AdwPreferencesGroup *group;
  GtkListBox          *people_list;

  GListModel          *people;
};

G_DEFINE_FINAL_TYPE (ConvenePeopleView, convene_people_view, CONVENE_TYPE_PLAN_VIEW)

static GtkWidget *
create_person_row_cb (gpointer item,
                      gpointer user_data)
{
  ConvenePerson *person = item;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char * const *languages = convene_person_get_languages (person);
  g_autofree char *zone = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) language_names = NULL;
  g_autofree char *joined = NULL;

  convene_subtitle_append (subtitle, convene_person_get_organisation (person));
  convene_subtitle_append (subtitle, convene_enum_label (CONVENE_TYPE_SECTOR, convene_person_get_sector (person)));
  convene_subtitle_append (subtitle, convene_person_get_region (person));
  if (convene_person_get_timezone (person) != NULL)
    zone = convene_zone_label (convene_person_get_timezone (person));
  convene_subtitle_append (subtitle, zone);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *name = convene_language_name (languages[i]);
      g_strv_builder_add (names, name);
    }
  language_names = g_strv_builder_end (names);
  joined = convene_join_strv ((const char * const *) language_names);
  convene_subtitle_append (subtitle, joined);

  return convene_entity_row_new (CONVENE_ENTITY (person), convene_person_get_name (person),
                                 subtitle->str, "people.edit");
}

static void
update_stack (ConvenePeopleView *self)
{
  guint n = self->people != NULL ? g_list_model_get_n_items (self->people) : 0;
  g_autofree char *count = g_strdup_printf (ngettext ("%u person", "%u people", n), n);

  adw_preferences_group_set_title (self->group, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
reload (ConvenePeopleView *self)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));

  g_clear_object (&self->people);
  if (store != NULL)
    {
      self->people = convene_store_list (store, CONVENE_TYPE_PERSON, NULL, 0);
      g_signal_connect_object (self->people, "items-changed", G_CALLBACK (update_stack), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->people_list, self->people, create_person_row_cb, self, NULL);
  update_stack (self);
}

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (widget));

  if (store != NULL)
    adw_dialog_present (convene_editor_dialog_new_for_person (store, NULL), widget);
}

static void
edit_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (widget));
  g_autoptr(ConvenePerson) person = convene_store_load (store, CONVENE_TYPE_PERSON,
                                                        g_variant_get_int64 (parameter), NULL);

  if (person != NULL)
    adw_dialog_present (convene_editor_dialog_new_for_person (store, person), widget);
}

static void
convene_people_view_reload (ConvenePlanView *view)
{
  reload (CONVENE_PEOPLE_VIEW (view));
}

/* People belong to the database, not to one plan: nothing to reload. */
static void
convene_people_view_plan_changed (ConvenePlanView *view)
{
}

static void
convene_people_view_dispose (GObject *object)
{
  ConvenePeopleView *self = CONVENE_PEOPLE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_PEOPLE_VIEW);
  g_clear_object (&self->people);

  G_OBJECT_CLASS (convene_people_view_parent_class)->dispose (object);
}

static void
convene_people_view_class_init (ConvenePeopleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ConvenePlanViewClass *plan_view_class = CONVENE_PLAN_VIEW_CLASS (klass);

  object_class->dispose = convene_people_view_dispose;
  plan_view_class->reload = convene_people_view_reload;
  plan_view_class->plan_changed = convene_people_view_plan_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/people/convene-people-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConvenePeopleView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConvenePeopleView, group);
  gtk_widget_class_bind_template_child (widget_class, ConvenePeopleView, people_list);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "people.edit", "x", edit_cb);
}

static void
convene_people_view_init (ConvenePeopleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_stack (self);
}
