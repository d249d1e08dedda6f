/* convene-attendance-group.h: who attended a session, checked off person by person. */
#pragma once

#include <adwaita.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_ATTENDANCE_GROUP (convene_attendance_group_get_type ())

G_DECLARE_FINAL_TYPE (ConveneAttendanceGroup, convene_attendance_group, CONVENE, ATTENDANCE_GROUP,
                      AdwPreferencesGroup)

void  convene_attendance_group_load         (ConveneAttendanceGroup *self,
                                             ConveneStore           *store,
                                             gint64                  session_id);
void  convene_attendance_group_set_occurrence (ConveneAttendanceGroup *self,
                                              GDateTime              *occurrence);
guint convene_attendance_group_get_n_present (ConveneAttendanceGroup *self);

G_END_DECLS
