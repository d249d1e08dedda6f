/* convene-schedule-model.h: the schedule's rows, read from the store as an
 * index and made into objects only when shown. */
#pragma once

#include <gtk/gtk.h>

#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SCHEDULE_MODEL (convene_schedule_model_get_type ())

G_DECLARE_FINAL_TYPE (ConveneScheduleModel, convene_schedule_model, CONVENE, SCHEDULE_MODEL, GObject)

#define CONVENE_TYPE_SCHEDULE_MONTH (convene_schedule_month_get_type ())
G_DECLARE_FINAL_TYPE (ConveneScheduleMonth, convene_schedule_month, CONVENE, SCHEDULE_MONTH, GObject)

/* What the schedule shows: every field that is set must hold. */
typedef struct {
  char       **words;    /* casefolded or not: matched as g_str_match_string() does */
  int          status;   /* a ConveneSessionStatus, or -1 for any */
  int          format;   /* a ConveneSessionFormat, or -1 for any */
  const char  *language;
  const char  *lead;
} ConveneScheduleFilter;

ConveneScheduleModel *convene_schedule_model_new           (ConveneStore                *store,
                                                            ConvenePlan                 *plan,
                                                            const ConveneScheduleFilter *filter);
void                  convene_schedule_model_set_filter    (ConveneScheduleModel        *self,
                                                            const ConveneScheduleFilter *filter);
guint                 convene_schedule_model_get_n_sessions (ConveneScheduleModel       *self);
guint                 convene_schedule_model_find          (ConveneScheduleModel        *self,
                                                            ConveneSession              *session);
ConveneSession       *convene_schedule_model_get_next      (ConveneScheduleModel        *self);
GPtrArray            *convene_schedule_model_get_languages (ConveneScheduleModel        *self);
GPtrArray            *convene_schedule_model_get_leads     (ConveneScheduleModel        *self);
GListModel           *convene_schedule_model_get_rows      (ConveneScheduleModel        *self);
guint                 convene_schedule_model_row_of        (ConveneScheduleModel        *self,
                                                            guint                        position);
guint                 convene_schedule_model_find_month    (ConveneScheduleModel        *self,
                                                            guint                        row,
                                                            int                          delta);

const char           *convene_schedule_month_get_month     (ConveneScheduleMonth        *self);
guint                 convene_schedule_month_get_n_items   (ConveneScheduleMonth        *self);

G_END_DECLS
