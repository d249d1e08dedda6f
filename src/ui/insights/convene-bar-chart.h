/* convene-bar-chart.h: horizontal bars with their labels and numbers,
 * drawn with GtkSnapshot; the numbers are also in the table beside it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_BAR_CHART (convene_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (ConveneBarChart, convene_bar_chart, CONVENE, BAR_CHART, GtkWidget)

GtkWidget *convene_bar_chart_new      (void);
void       convene_bar_chart_set_bars (ConveneBarChart    *self,
                                       const char * const *labels,
                                       const int          *values,
                                       guint               n_bars,
                                       const char         *summary);

void       convene_bar_chart_set_scale (ConveneBarChart    *self,
                                        int                 scale);

G_END_DECLS
