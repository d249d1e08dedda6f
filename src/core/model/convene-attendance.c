/* convene-attendance.c: that one person attended one session, or one
 * occurrence of a series. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/convene-attendance.h"

struct _ConveneAttendance
{
  ConveneEntity parent_instance;

  gint64 session;
  gint64 person;
  GDateTime *occurrence;
};

G_DEFINE_FINAL_TYPE (ConveneAttendance, convene_attendance, CONVENE_TYPE_ENTITY)

static const ConveneField fields[] = {
  { "session", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneAttendance, session), NULL, "sessions",
    CONVENE_FIELD_FLAG_REQUIRED, "The session",
    CONVENE_VALUE_TEXT, N_("it belongs to no session") },
  { "person", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneAttendance, person), NULL, "people",
    CONVENE_FIELD_FLAG_REQUIRED, "The person",
    CONVENE_VALUE_TEXT, N_("it names no person") },
  { "occurrence", CONVENE_FIELD_DATETIME, G_STRUCT_OFFSET (ConveneAttendance, occurrence), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "One occurrence of a series (its start as the rule gives it), or NULL",
    CONVENE_VALUE_TEXT, NULL },
};

static void
convene_attendance_class_init (ConveneAttendanceClass *klass)
{
  convene_entity_class_install_fields (CONVENE_ENTITY_CLASS (klass), "attendance",
                                       fields, G_N_ELEMENTS (fields));
}

static void
convene_attendance_init (ConveneAttendance *self)
{
}

ConveneAttendance *
convene_attendance_new (void)
{
  return g_object_new (CONVENE_TYPE_ATTENDANCE, NULL);
}

gint64
convene_attendance_get_session (ConveneAttendance *self)
{
  g_return_val_if_fail (CONVENE_IS_ATTENDANCE (self), 0);
  return self->session;
}

void
convene_attendance_set_session (ConveneAttendance *self,
                                gint64 session)
{
  g_return_if_fail (CONVENE_IS_ATTENDANCE (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "session", session);
}

gint64
convene_attendance_get_person (ConveneAttendance *self)
{
  g_return_val_if_fail (CONVENE_IS_ATTENDANCE (self), 0);
  return self->person;
}

void
convene_attendance_set_person (ConveneAttendance *self,
                               gint64 person)
{
  g_return_if_fail (CONVENE_IS_ATTENDANCE (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "person", person);
}

GDateTime *
convene_attendance_get_occurrence (ConveneAttendance *self)
{
  g_return_val_if_fail (CONVENE_IS_ATTENDANCE (self), NULL);
  return self->occurrence;
}

void
convene_attendance_set_occurrence (ConveneAttendance *self,
                                   GDateTime         *occurrence)
{
  g_return_if_fail (CONVENE_IS_ATTENDANCE (self));
  g_object_set (self, "occurrence", occurrence, NULL);
}
