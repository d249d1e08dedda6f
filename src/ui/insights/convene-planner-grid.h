/* convene-planner-grid.h: the planner's grid: a row a member (grouped by
 * region), a column every 30 minutes of the UTC day, each cell coloured
 * working / evening / night; a click picks a column. */
#pragma once

#include <gtk/gtk.h>

#include "insights/convene-rotation.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PLANNER_GRID (convene_planner_grid_get_type ())

G_DECLARE_FINAL_TYPE (ConvenePlannerGrid, convene_planner_grid, CONVENE, PLANNER_GRID, GtkWidget)

GtkWidget *convene_planner_grid_new          (void);
/* takes @planner */
void       convene_planner_grid_set_planner  (ConvenePlannerGrid *self,
                                              ConvenePlanner     *planner);
int        convene_planner_grid_get_selected (ConvenePlannerGrid *self);
void       convene_planner_grid_select       (ConvenePlannerGrid *self,
                                              int                 slot);
gint64     convene_planner_grid_get_day      (ConvenePlannerGrid *self);
int        convene_planner_grid_get_night    (ConvenePlannerGrid *self,
                                              int                 slot);

G_END_DECLS
