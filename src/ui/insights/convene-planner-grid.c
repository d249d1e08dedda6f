/* convene-planner-grid.c: the planner's grid, drawn with GtkSnapshot.
 *
 * One row a member under a row naming the region; the local hour is
 * written in each cell on the hour.  The grid is a few thousand
 * rectangles for a large group, cheap to draw in one frame (see
 * bench/bench-insights.c for the computing); the selected column is
 * outlined and announced through the "selected" property. */
#include "config.h"

#include "ui/insights/convene-planner-grid.h"

#define NAME_WIDTH 200
#define CELL_WIDTH 18
#define ROW_HEIGHT 18
#define HEADER_HEIGHT 20

struct _ConvenePlannerGrid
{
  GtkWidget       parent_instance;

  ConvenePlanner *planner;
  int             selected;
  guint           n_rows;      /* members and region headings */
};

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConvenePlannerGrid, convene_planner_grid, GTK_TYPE_WIDGET)

static guint
count_rows (ConvenePlanner *planner)
{
  const char *region = NULL;
  guint n = 0;

  for (guint i = 0; planner != NULL && i < planner->members->len; i++)
    {
      ConveneInsightsMember *m = g_ptr_array_index (planner->members, i);

      if (region == NULL || g_strcmp0 (region, m->region) != 0)
        n++, region = m->region;
      n++;
    }
  return n;
}

static void
convene_planner_grid_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  ConvenePlannerGrid *self = CONVENE_PLANNER_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = NAME_WIDTH + CONVENE_ROTATION_N_SLOTS * CELL_WIDTH;
  else
    *minimum = *natural = HEADER_HEIGHT + self->n_rows * ROW_HEIGHT;
}

static void
draw_text (GtkWidget   *widget,
           GtkSnapshot *snapshot,
           const char  *text,
           float        x,
           float        y,
           int          width,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The hours of the UTC day along the top, then a row a member. */
/* Long because headings, rows and the selected column are drawn in one pass over the members,
 * in the order they appear. */
static void
convene_planner_grid_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ConvenePlannerGrid *self = CONVENE_PLANNER_GRID (widget);
  GdkRGBA text, kinds[3], outline;
  const char *region = NULL;
  float y = HEADER_HEIGHT;

  if (self->planner == NULL)
    return;
  gtk_widget_get_color (widget, &text);
  gdk_rgba_parse (&kinds[CONVENE_HOUR_WORKING], "#8ff0a4");
  gdk_rgba_parse (&kinds[CONVENE_HOUR_EVENING], "#f9f06b");
  gdk_rgba_parse (&kinds[CONVENE_HOUR_NIGHT], "#1a5fb4");
  gdk_rgba_parse (&outline, "#e01b24");
  for (int s = 0; s < CONVENE_ROTATION_N_SLOTS; s += 4)
    {
      g_autofree char *hour = g_strdup_printf ("%02d", s / 2);

      draw_text (widget, snapshot, hour, NAME_WIDTH + s * CELL_WIDTH, 0, CELL_WIDTH * 4, &text);
    }
  for (guint i = 0; i < self->planner->members->len; i++)
    {
      ConveneInsightsMember *m = g_ptr_array_index (self->planner->members, i);

      if (region == NULL || g_strcmp0 (region, m->region) != 0)
        {
          g_autofree char *bold = g_markup_printf_escaped ("%s", *m->region != '\0' ? m->region : "—");

          region = m->region;
          draw_text (widget, snapshot, bold, 0, y, NAME_WIDTH + 600, &text);
          y += ROW_HEIGHT;
        }
      draw_text (widget, snapshot, m->name, 12, y, NAME_WIDTH - 16, &text);
      for (int s = 0; s < CONVENE_ROTATION_N_SLOTS; s++)
        {
          guint8 kind = self->planner->kinds[i * CONVENE_ROTATION_N_SLOTS + s];
          int minute = self->planner->minutes[i * CONVENE_ROTATION_N_SLOTS + s];

          gtk_snapshot_append_color (snapshot, &kinds[kind],
                                     &GRAPHENE_RECT_INIT (NAME_WIDTH + s * CELL_WIDTH, y + 1,
                                                          CELL_WIDTH - 1, ROW_HEIGHT - 2));
          if (s % 4 == 0)
            {
              g_autofree char *hour = g_strdup_printf ("%d", minute / 60);
              GdkRGBA white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };

              draw_text (widget, snapshot, hour, NAME_WIDTH + s * CELL_WIDTH + 2, y, CELL_WIDTH * 2,
                         kind == CONVENE_HOUR_NIGHT ? &white : &black);
            }
        }
      y += ROW_HEIGHT;
    }
  if (self->selected >= 0)
    {
      GskRoundedRect rect;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { outline, outline, outline, outline };

      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (NAME_WIDTH + self->selected * CELL_WIDTH - 1,
                                                                   HEADER_HEIGHT - 2, CELL_WIDTH + 1,
                                                                   y - HEADER_HEIGHT + 4), 0);
      gtk_snapshot_append_border (snapshot, &rect, widths, colors);
    }
}

void
convene_planner_grid_select (ConvenePlannerGrid *self,
                             int                 slot)
{
  g_return_if_fail (CONVENE_IS_PLANNER_GRID (self));
  g_return_if_fail (slot >= -1 && slot < CONVENE_ROTATION_N_SLOTS);

  if (slot == self->selected)
    return;
  self->selected = slot;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Left and Right move the selected start by half an hour. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ConvenePlannerGrid    *self)
{
  int step = keyval == GDK_KEY_Left ? -1 : keyval == GDK_KEY_Right ? 1 : 0;

  if (step == 0)
    return FALSE;
  convene_planner_grid_select (self, CLAMP (self->selected < 0 ? 0 : self->selected + step, 0,
                                            CONVENE_ROTATION_N_SLOTS - 1));
  return TRUE;
}

static void
pressed_cb (GtkGestureClick    *gesture,
            int                 n_press,
            double              x,
            double              y,
            ConvenePlannerGrid *self)
{
  int slot = (int) ((x - NAME_WIDTH) / CELL_WIDTH);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (x < NAME_WIDTH || slot < 0 || slot >= CONVENE_ROTATION_N_SLOTS)
    return;
  convene_planner_grid_select (self, slot);
}

static void
convene_planner_grid_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConvenePlannerGrid *self = CONVENE_PLANNER_GRID (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_planner_grid_finalize (GObject *object)
{
  ConvenePlannerGrid *self = CONVENE_PLANNER_GRID (object);

  g_clear_pointer (&self->planner, convene_planner_free);
  G_OBJECT_CLASS (convene_planner_grid_parent_class)->finalize (object);
}

static void
convene_planner_grid_class_init (ConvenePlannerGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = convene_planner_grid_get_property;
  object_class->finalize = convene_planner_grid_finalize;
  widget_class->measure = convene_planner_grid_measure;
  widget_class->snapshot = convene_planner_grid_snapshot;
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, CONVENE_ROTATION_N_SLOTS - 1, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "plannergrid");
}

static void
convene_planner_grid_init (ConvenePlannerGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key;

  self->selected = -1;
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
convene_planner_grid_new (void)
{
  return g_object_new (CONVENE_TYPE_PLANNER_GRID, NULL);
}

void
convene_planner_grid_set_planner (ConvenePlannerGrid *self,
                                  ConvenePlanner     *planner)
{
  g_return_if_fail (CONVENE_IS_PLANNER_GRID (self));

  g_clear_pointer (&self->planner, convene_planner_free);
  self->planner = planner;
  self->n_rows = count_rows (planner);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
convene_planner_grid_get_selected (ConvenePlannerGrid *self)
{
  g_return_val_if_fail (CONVENE_IS_PLANNER_GRID (self), -1);
  return self->selected;
}

/* How many members a start at @slot finds at night. */
int
convene_planner_grid_get_night (ConvenePlannerGrid *self,
                                int                 slot)
{
  g_return_val_if_fail (CONVENE_IS_PLANNER_GRID (self), 0);
  if (self->planner == NULL || slot < 0 || slot >= CONVENE_ROTATION_N_SLOTS)
    return 0;
  return self->planner->night[slot];
}

/* The UTC midnight of the grid's date, in Unix seconds; 0 without one. */
gint64
convene_planner_grid_get_day (ConvenePlannerGrid *self)
{
  g_return_val_if_fail (CONVENE_IS_PLANNER_GRID (self), 0);
  return self->planner != NULL ? self->planner->day : 0;
}
