/* convene-calendar-view.h: a month grid and a year overview of a plan. */
#pragma once

#include "ui/convene-plan-view.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_CALENDAR_VIEW (convene_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (ConveneCalendarView, convene_calendar_view, CONVENE, CALENDAR_VIEW, ConvenePlanView)

void       convene_calendar_view_move         (ConveneCalendarView *self,
                                               int                  delta);
void       convene_calendar_view_show_month   (ConveneCalendarView *self,
                                               int                  year,
                                               int                  month);
void       convene_calendar_view_set_mode     (ConveneCalendarView *self,
                                               const char          *mode);
GtkWidget *convene_calendar_view_get_day_cell (ConveneCalendarView *self,
                                               int                  day);
GtkWidget *convene_calendar_view_get_month_strip (ConveneCalendarView *self);
GtkWidget *convene_calendar_view_get_tbc_list (ConveneCalendarView *self);

G_END_DECLS
