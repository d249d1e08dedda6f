/* convene-zone-chooser.c: a searchable list of every time zone.
 *
 * The zones are the tz database's (zone1970.tab), "UTC", and fixed offsets
 * such as -06:00 for what people write as "8am GMT-6".  Each is found by its
 * city, its current abbreviation (EAT, GMT, EST), its IANA name or offset.
 */
#include "config.h"

#include "ui/editors/convene-zone-chooser.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/convene-format.h"
#include "model/convene-values.h"

/* One zone in the list. */

#define CONVENE_TYPE_ZONE_ITEM (convene_zone_item_get_type ())
G_DECLARE_FINAL_TYPE (ConveneZoneItem, convene_zone_item, CONVENE, ZONE_ITEM, GObject)

struct _ConveneZoneItem
{
  GObject parent_instance;
  char *id;
  char *label;
  char *detail;
  char *keywords;
};

G_DEFINE_FINAL_TYPE (ConveneZoneItem, convene_zone_item, G_TYPE_OBJECT)

static void
convene_zone_item_finalize (GObject *object)
{
  ConveneZoneItem *self = CONVENE_ZONE_ITEM (object);

  g_free (self->id);
  g_free (self->label);
  g_free (self->detail);
  g_free (self->keywords);
  G_OBJECT_CLASS (convene_zone_item_parent_class)->finalize (object);
}

static void
convene_zone_item_class_init (ConveneZoneItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_zone_item_finalize;
}

static void
convene_zone_item_init (ConveneZoneItem *self)
{
}

static char *
offset_label (gint32 seconds)
{
  int minutes = ABS (seconds) / 60;

  if (minutes % 60 == 0)
    return g_strdup_printf ("UTC%s%d", seconds < 0 ? "−" : "+", minutes / 60);
  return g_strdup_printf ("UTC%s%d:%02d", seconds < 0 ? "−" : "+", minutes / 60, minutes % 60);
}

static ConveneZoneItem *
zone_item_new (const char *id,
               gint64      now)
{
  g_autoptr(GTimeZone) tz = convene_timezone_new (id);
  ConveneZoneItem *item;
  int interval;
  const char *abbreviation;
  g_autofree char *offset = NULL;
  g_autofree char *gmt = NULL;

  if (tz == NULL)
    return NULL;
  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, now);
  abbreviation = g_time_zone_get_abbreviation (tz, interval);
  offset = offset_label (g_time_zone_get_offset (tz, interval));
  gmt = g_strdup (offset);
  memcpy (gmt, "GMT", 3);

  item = g_object_new (CONVENE_TYPE_ZONE_ITEM, NULL);
  item->id = g_strdup (id);
  item->label = convene_zone_label (id);
  /* Numeric abbreviations ("-03") say nothing the offset does not. */
  if (abbreviation != NULL && g_ascii_isalpha (abbreviation[0]) && !g_str_equal (id, "UTC") &&
      !g_str_has_prefix (offset, abbreviation))
    item->detail = g_strdup_printf ("%s · %s · %s", id, abbreviation, offset);
  else if (g_str_equal (item->label, offset) || g_str_equal (id, "UTC"))
    item->detail = g_strdup (id);
  else
    item->detail = g_strdup_printf ("%s · %s", id, offset);
  item->keywords = g_strdup_printf ("%s %s %s %s %s %s", item->label, id,
                                    abbreviation != NULL ? abbreviation : "", offset, gmt,
                                    item->id[0] == '-' || item->id[0] == '+' ? item->id : "");
  return item;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ConveneZoneItem *ia = (ConveneZoneItem *) a;
  ConveneZoneItem *ib = (ConveneZoneItem *) b;

  return g_utf8_collate (ia->label, ib->label);
}

/* Every zone, built once: reading four hundred zone files takes a moment. */
static GListModel *
all_zones (void)
{
  static GListStore *zones;
  g_autofree char *contents = NULL;
  const char *tzdir = g_getenv ("TZDIR");
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now_dt = NULL;
  gint64 now;

  if (zones != NULL)
    return G_LIST_MODEL (g_object_ref (zones));

  zones = g_list_store_new (CONVENE_TYPE_ZONE_ITEM);
  g_object_add_weak_pointer (G_OBJECT (zones), (gpointer *) &zones);
  now_dt = convene_now ();
  now = g_date_time_to_unix (now_dt);
  path = g_build_filename (tzdir != NULL ? tzdir : "/usr/share/zoneinfo", "zone1970.tab", NULL);

  if (g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) columns = NULL;
          ConveneZoneItem *item;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          columns = g_strsplit (lines[i], "\t", -1);
          if (g_strv_length (columns) < 3)
            continue;
          item = zone_item_new (columns[2], now);
          if (item != NULL)
            g_list_store_append (zones, item);
          g_clear_object (&item);
        }
    }
  else
    {
      /* Without the tz database's table, at least the groups' usual zones. */
      static const char *fallback[] = {
        "Europe/London", "America/New_York", "America/Mexico_City", "America/Bogota",
        "America/Sao_Paulo", "Africa/Nairobi", "Africa/Lagos", "Asia/Kolkata", "Asia/Tokyo",
        "Australia/Sydney", "Pacific/Auckland",
      };
      for (guint i = 0; i < G_N_ELEMENTS (fallback); i++)
        {
          g_autoptr(ConveneZoneItem) item = zone_item_new (fallback[i], now);

          if (item != NULL)
            g_list_store_append (zones, item);
        }
    }
  g_list_store_sort (zones, compare_items, NULL);

  {
    g_autoptr(ConveneZoneItem) utc = zone_item_new ("UTC", now);
    g_list_store_insert (zones, 0, utc);
  }
  for (int minutes = -12 * 60; minutes <= 14 * 60; minutes += 30)
    {
      g_autofree char *id = NULL;
      g_autoptr(ConveneZoneItem) item = NULL;

      /* Whole hours, and the half hours people actually use. */
      if (minutes == 0 || (minutes % 60 != 0 && minutes != 330 && minutes != 570 &&
                           minutes != -210 && minutes != 210 && minutes != 270))
        continue;
      id = g_strdup_printf ("%c%02d:%02d", minutes < 0 ? '-' : '+', ABS (minutes) / 60,
                            ABS (minutes) % 60);
      item = zone_item_new (id, now);
      if (item != NULL)
        g_list_store_append (zones, item);
    }
  return G_LIST_MODEL (zones);
}

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
  ConveneZoneItem *zone = item;

  if (self->search == NULL)
    return TRUE;
  return g_str_match_string (self->search, zone->keywords, TRUE);
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
  g_autoptr(ConveneZoneItem) item = NULL;

  g_return_if_fail (CONVENE_IS_ZONE_CHOOSER (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (item == NULL)
    return;
  g_signal_emit (self, signals[ZONE_CHOSEN], 0, item->id);
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
  ConveneZoneItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), item->label);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), item->detail);
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
  self->filtered = gtk_filter_list_model_new (all_zones (), g_object_ref (GTK_FILTER (self->filter)));
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
  g_autoptr(ConveneZoneItem) item = NULL;

  g_return_val_if_fail (CONVENE_IS_ZONE_CHOOSER (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  return item != NULL ? g_strdup (item->id) : NULL;
}
