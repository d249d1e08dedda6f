/* convene-schedule-view.h: a plan's sessions as a list grouped by month. */
#pragma once

#include <adwaita.h>

#include "ui/convene-plan-view.h"

#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SCHEDULE_VIEW (convene_schedule_view_get_type ())

G_DECLARE_FINAL_TYPE (ConveneScheduleView, convene_schedule_view, CONVENE, SCHEDULE_VIEW, ConvenePlanView)

void        convene_schedule_view_start_search (ConveneScheduleView *self);
void        convene_schedule_view_set_search   (ConveneScheduleView *self,
                                                const char          *text);
void        convene_schedule_view_move_month   (ConveneScheduleView *self,
                                                int                  delta);
GListModel *convene_schedule_view_get_model    (ConveneScheduleView *self);
gint64      convene_schedule_view_get_next_id  (ConveneScheduleView *self);
ConveneSession *convene_schedule_view_get_next (ConveneScheduleView *self);

G_END_DECLS
