/* convene-zone-chooser.c: a searchable list of every time zone.
 *
 * The list and what each zone is found by are core's
 * (time/convene-zone-list.h); this dialog shows and filters it.
 */
#include "config.h"

#include "ui/editors/convene-zone-chooser.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/convene-format.h"
#include "time/convene-zone-list.h"

/* The chooser */

struct _ConveneZoneChooser
{
  AdwDialog parent_instance;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;

  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *search;
};

G_DEFINE_FINAL_TYPE (ConveneZoneChooser, convene_zone_chooser, ADW_TYPE_DIALOG)

enum {
  ZONE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_zone_cb (gpointer item,
                gpointer user_data)
{
  ConveneZoneChooser *self = user_data;
  return convene_zone_entry_matches (item, self->search);
}

static void
on_search_changed_cb (ConveneZoneChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_strdup (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                      ? "list" : "empty");
}

void
convene_zone_chooser_choose (ConveneZoneChooser *self,
                             guint               position)
{
  g_autoptr(ConveneZoneEntry) item = NULL;

  g_return_if_fail (CONVENE_IS_ZONE_CHOOSER (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (item == NULL)
    return;
  g_signal_emit (self, signals[ZONE_CHOSEN], 0, convene_zone_entry_get_id (item));
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_list_activate_cb (ConveneZoneChooser *self,
                     guint               position)
{
  convene_zone_chooser_choose (self, position);
}

static void
on_search_activate_cb (ConveneZoneChooser *self)
{
  convene_zone_chooser_choose (self, 0);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  ConveneZoneEntry *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), convene_zone_entry_get_label (item));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), convene_zone_entry_get_detail (item));
}

static void
convene_zone_chooser_dispose (GObject *object)
{
  ConveneZoneChooser *self = CONVENE_ZONE_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_ZONE_CHOOSER);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (convene_zone_chooser_parent_class)->dispose (object);
}

static void
convene_zone_chooser_class_init (ConveneZoneChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_zone_chooser_dispose;

  /**
   * ConveneZoneChooser::zone-chosen:
   * @zone: an IANA name, "UTC" or a fixed offset such as "-06:00"
   */
  signals[ZONE_CHOSEN] = g_signal_new ("zone-chosen", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/editors/convene-zone-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneZoneChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConveneZoneChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneZoneChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
}

static void
convene_zone_chooser_init (ConveneZoneChooser *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_zone_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (convene_zone_list_get (), g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  {
    g_autoptr(GtkNoSelection) selection =
      gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

AdwDialog *
convene_zone_chooser_new (void)
{
  return g_object_new (CONVENE_TYPE_ZONE_CHOOSER, NULL);
}

/* Searches at once, without the entry's typing delay. */
void
convene_zone_chooser_set_search (ConveneZoneChooser *self,
                                 const char         *text)
{
  g_return_if_fail (CONVENE_IS_ZONE_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed_cb (self);
}

/* Returns: (transfer none): the zones that match the search */
GListModel *
convene_zone_chooser_get_model (ConveneZoneChooser *self)
{
  g_return_val_if_fail (CONVENE_IS_ZONE_CHOOSER (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/* Returns: (transfer full) (nullable): the zone at @position of the matches */
char *
convene_zone_chooser_dup_zone (ConveneZoneChooser *self,
                               guint               position)
{
  g_autoptr(ConveneZoneEntry) item = NULL;

  g_return_val_if_fail (CONVENE_IS_ZONE_CHOOSER (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  return item != NULL ? g_strdup (convene_zone_entry_get_id (item)) : NULL;
}
