/* convene-session-row.h: one session in the schedule: date, topic, lead,
 * badges and its time in every zone that matters. */
#pragma once

#include <gtk/gtk.h>

#include "model/convene-plan.h"
#include "model/convene-session.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SESSION_ROW (convene_session_row_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSessionRow, convene_session_row, CONVENE, SESSION_ROW, GtkWidget)

GtkWidget      *convene_session_row_new         (void);
void            convene_session_row_bind        (ConveneSessionRow *self,
                                                 ConveneSession    *session,
                                                 ConvenePlan       *plan);
ConveneSession *convene_session_row_get_session (ConveneSessionRow *self);
char          **convene_session_row_dup_badges  (ConveneSessionRow *self);
const char     *convene_session_row_get_times   (ConveneSessionRow *self);

G_END_DECLS
