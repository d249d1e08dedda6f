/* convene-bar-chart.c: a bar chart for the Insights section.
 *
 * Each row is a label, a bar whose length is its share of the largest
 * value, and the value.  Screen readers read the summary given with the
 * bars (the chart is an image to them); the same numbers are in a
 * selectable table beside the chart. */
#include "config.h"

#include "ui/insights/convene-bar-chart.h"

#define ROW_HEIGHT 22
#define LABEL_WIDTH 190
#define VALUE_WIDTH 40

struct _ConveneBarChart
{
  GtkWidget  parent_instance;

  GPtrArray *labels;
  GArray    *values;
  int        scale;   /* the value a full bar stands for; 0 for the largest */
};

G_DEFINE_FINAL_TYPE (ConveneBarChart, convene_bar_chart, GTK_TYPE_WIDGET)

static void
convene_bar_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  ConveneBarChart *self = CONVENE_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH / 2 + VALUE_WIDTH + 40;
      *natural = LABEL_WIDTH + VALUE_WIDTH + 320;
    }
  else
    *minimum = *natural = MAX (1, (int) self->values->len) * ROW_HEIGHT;
}

static void
convene_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ConveneBarChart *self = CONVENE_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  /* a narrow window gives the labels half their room before the bars */
  int label_width = width < LABEL_WIDTH + VALUE_WIDTH + 120 ? LABEL_WIDTH / 2 : LABEL_WIDTH;
  int bar_space = MAX (10, width - label_width - VALUE_WIDTH - 8);
  int max = MAX (1, self->scale);
  GdkRGBA bar, text;

  gtk_widget_get_color (widget, &text);
  /* the accent blue of the GNOME palette, readable on light and dark */
  gdk_rgba_parse (&bar, "#3584e4");
  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, int, i));
  for (guint i = 0; i < self->values->len; i++)
    {
      int value = g_array_index (self->values, int, i);
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, g_ptr_array_index (self->labels, i));
      g_autofree char *number = g_strdup_printf ("%d", value);
      g_autoptr(PangoLayout) count = gtk_widget_create_pango_layout (widget, number);
      float y = i * ROW_HEIGHT;

      pango_layout_set_width (label, (label_width - 8) * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + 2));
      gtk_snapshot_append_layout (snapshot, label, &text);
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_append_color (snapshot, &bar,
                                 &GRAPHENE_RECT_INIT (label_width, y + 4,
                                                      MAX (value > 0 ? 2 : 0, bar_space * value / max),
                                                      ROW_HEIGHT - 8));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (label_width + bar_space * value / max + 6, y + 2));
      gtk_snapshot_append_layout (snapshot, count, &text);
      gtk_snapshot_restore (snapshot);
    }
}

static void
convene_bar_chart_finalize (GObject *object)
{
  ConveneBarChart *self = CONVENE_BAR_CHART (object);

  g_ptr_array_unref (self->labels);
  g_array_unref (self->values);
  G_OBJECT_CLASS (convene_bar_chart_parent_class)->finalize (object);
}

static void
convene_bar_chart_class_init (ConveneBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = convene_bar_chart_finalize;
  widget_class->measure = convene_bar_chart_measure;
  widget_class->snapshot = convene_bar_chart_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "barchart");
}

static void
convene_bar_chart_init (ConveneBarChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (int));
}

GtkWidget *
convene_bar_chart_new (void)
{
  return g_object_new (CONVENE_TYPE_BAR_CHART, NULL);
}

void
convene_bar_chart_set_bars (ConveneBarChart    *self,
                            const char * const *labels,
                            const int          *values,
                            guint               n_bars,
                            const char         *summary)
{
  g_return_if_fail (CONVENE_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n_bars; i++)
    g_ptr_array_add (self->labels, g_strdup (labels[i]));
  g_array_append_vals (self->values, values, n_bars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Bars of percentages are drawn against 100, not against the largest. */
void
convene_bar_chart_set_scale (ConveneBarChart *self,
                             int              scale)
{
  g_return_if_fail (CONVENE_IS_BAR_CHART (self));
  self->scale = MAX (0, scale);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
