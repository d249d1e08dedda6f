/* convene-people-popover.c: the group's people, to pick from.
 *
 * With "multiple" set (speakers) each person has a check box and the
 * popover stays open; otherwise (the lead) a click chooses and closes.
 * The list is read again each time the popover opens, so it always shows
 * the people as they are now.
 */
#include "config.h"

#include "ui/session/convene-people-popover.h"

#include <glib/gi18n.h>

#include "ui/convene-entity-row.h"
#include "model/convene-person.h"

struct _ConvenePeoplePopover
{
  GtkPopover    parent_instance;

  GtkListBox   *people_list;

  ConveneStore *store;
  GStrv         chosen;
  gboolean      multiple;
};

G_DEFINE_FINAL_TYPE (ConvenePeoplePopover, convene_people_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_MULTIPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PERSON_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_check_toggled_cb (GtkCheckButton       *check,
                     ConvenePeoplePopover *self)
{
  g_signal_emit (self, signals[PERSON_TOGGLED], 0,
                 g_object_get_data (G_OBJECT (check), "name"),
                 gtk_check_button_get_active (check));
}

static void
on_row_activated_cb (ConvenePeoplePopover *self,
                     GtkListBoxRow        *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "name");

  if (name == NULL || self->multiple)
    return;
  g_signal_emit (self, signals[PERSON_TOGGLED], 0, name, TRUE);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_show_cb (ConvenePeoplePopover *self)
{
  g_autoptr(GPtrArray) people = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  if (self->store != NULL)
    people = convene_store_query (self->store, CONVENE_TYPE_PERSON, NULL, 0, NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const char *name = convene_person_get_name (g_ptr_array_index (people, i));
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *content;

      if (self->multiple)
        {
          content = gtk_check_button_new_with_label (name);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (content),
                                       self->chosen != NULL &&
                                       g_strv_contains ((const char * const *) self->chosen, name));
          g_object_set_data_full (G_OBJECT (content), "name", g_strdup (name), g_free);
          g_signal_connect_object (content, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
        }
      else
        {
          content = gtk_label_new (name);
          gtk_label_set_xalign (GTK_LABEL (content), 0);
          g_object_set_data_full (G_OBJECT (row), "name", g_strdup (name), g_free);
        }
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
      gtk_list_box_append (self->people_list, row);
    }
  if (people == NULL || people->len == 0)
    gtk_list_box_append (self->people_list, convene_list_placeholder_new (_("No People Yet")));
}

void
convene_people_popover_set_store (ConvenePeoplePopover *self,
                                  ConveneStore         *store)
{
  g_return_if_fail (CONVENE_IS_PEOPLE_POPOVER (self));
  g_set_object (&self->store, store);
}

/* The names checked when the popover opens. */
void
convene_people_popover_set_chosen (ConvenePeoplePopover *self,
                                   const char * const   *names)
{
  g_return_if_fail (CONVENE_IS_PEOPLE_POPOVER (self));

  g_strfreev (self->chosen);
  self->chosen = g_strdupv ((char **) names);
}

static void
convene_people_popover_dispose (GObject *object)
{
  ConvenePeoplePopover *self = CONVENE_PEOPLE_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_PEOPLE_POPOVER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (convene_people_popover_parent_class)->dispose (object);
}

static void
convene_people_popover_finalize (GObject *object)
{
  ConvenePeoplePopover *self = CONVENE_PEOPLE_POPOVER (object);

  g_strfreev (self->chosen);

  G_OBJECT_CLASS (convene_people_popover_parent_class)->finalize (object);
}

static void
convene_people_popover_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ConvenePeoplePopover *self = CONVENE_PEOPLE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_people_popover_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ConvenePeoplePopover *self = CONVENE_PEOPLE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      if (self->multiple != g_value_get_boolean (value))
        {
          self->multiple = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_people_popover_class_init (ConvenePeoplePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_people_popover_dispose;
  object_class->finalize = convene_people_popover_finalize;
  object_class->get_property = convene_people_popover_get_property;
  object_class->set_property = convene_people_popover_set_property;

  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ConvenePeoplePopover::person-toggled:
   * @name: the person's name
   * @chosen: whether they are now chosen
   */
  signals[PERSON_TOGGLED] = g_signal_new ("person-toggled", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/session/convene-people-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ConvenePeoplePopover, people_list);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
convene_people_popover_init (ConvenePeoplePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
