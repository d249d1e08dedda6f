/* convene-attendance.h: that one person attended one session, or one
 * occurrence of a series. */
#pragma once

#include "model/convene-entity.h"
#include "model/convene-enums.h"
#include "model/convene-enum-types.h"
#include "model/convene-blog-post.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_ATTENDANCE (convene_attendance_get_type ())

G_DECLARE_FINAL_TYPE (ConveneAttendance, convene_attendance, CONVENE, ATTENDANCE, ConveneEntity)

ConveneAttendance *convene_attendance_new (void);
gint64 convene_attendance_get_session (ConveneAttendance *self);
void convene_attendance_set_session (ConveneAttendance *self, gint64 session);
gint64 convene_attendance_get_person (ConveneAttendance *self);
void convene_attendance_set_person (ConveneAttendance *self, gint64 person);
GDateTime *convene_attendance_get_occurrence (ConveneAttendance *self);
void convene_attendance_set_occurrence (ConveneAttendance *self, GDateTime *occurrence);

G_END_DECLS
