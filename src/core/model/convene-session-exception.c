/* convene-session-exception.c: what differs for one occurrence of a series. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/convene-session-exception.h"

struct _ConveneSessionException
{
  ConveneEntity parent_instance;

  gint64 session;
  GDateTime *occurrence;
  ConveneExceptionKind kind;
  GDateTime *start;
  int duration_minutes;
  char *topic;
  char *lead;
  ConveneSessionStatus status;
};

G_DEFINE_FINAL_TYPE (ConveneSessionException, convene_session_exception, CONVENE_TYPE_ENTITY)

/* The session is the parent: nested in it in JSON, as a plan's sessions
 * are nested in the plan. */
static const ConveneField fields[] = {
  { "session", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneSessionException, session), NULL, "sessions",
    CONVENE_FIELD_FLAG_PARENT, "The series",
    CONVENE_VALUE_TEXT, N_("it belongs to no session") },
  { "occurrence", CONVENE_FIELD_DATETIME, G_STRUCT_OFFSET (ConveneSessionException, occurrence), NULL, NULL,
    CONVENE_FIELD_FLAG_REQUIRED, "The occurrence's start as the rule gives it, in UTC",
    CONVENE_VALUE_TEXT, N_("it names no occurrence") },
  { "kind", CONVENE_FIELD_ENUM, G_STRUCT_OFFSET (ConveneSessionException, kind), convene_exception_kind_get_type, NULL,
    CONVENE_FIELD_FLAG_NONE, "Changed, removed or added",
    CONVENE_VALUE_TEXT, NULL },
  { "start", CONVENE_FIELD_DATETIME, G_STRUCT_OFFSET (ConveneSessionException, start), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Where a moved occurrence went, in UTC, or NULL",
    CONVENE_VALUE_TEXT, NULL },
  { "duration-minutes", CONVENE_FIELD_INT, G_STRUCT_OFFSET (ConveneSessionException, duration_minutes), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Its own length, or 0 for the series'",
    CONVENE_VALUE_TEXT, NULL },
  { "topic", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSessionException, topic), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Its own topic, or NULL",
    CONVENE_VALUE_TEXT, NULL },
  { "lead", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSessionException, lead), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Its own lead, or NULL",
    CONVENE_VALUE_TEXT, NULL },
  { "status", CONVENE_FIELD_ENUM, G_STRUCT_OFFSET (ConveneSessionException, status), convene_session_status_get_type, NULL,
    CONVENE_FIELD_FLAG_NONE, "Scheduled, cancelled, held...",
    CONVENE_VALUE_TEXT, NULL },
};

static void
convene_session_exception_class_init (ConveneSessionExceptionClass *klass)
{
  convene_entity_class_install_fields (CONVENE_ENTITY_CLASS (klass), "session_exceptions",
                                       fields, G_N_ELEMENTS (fields));
}

static void
convene_session_exception_init (ConveneSessionException *self)
{
}

ConveneSessionException *
convene_session_exception_new (void)
{
  return g_object_new (CONVENE_TYPE_SESSION_EXCEPTION, NULL);
}

gint64
convene_session_exception_get_session (ConveneSessionException *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_EXCEPTION (self), 0);
  return self->session;
}

void
convene_session_exception_set_session (ConveneSessionException *self,
                                       gint64                   session)
{
  g_return_if_fail (CONVENE_IS_SESSION_EXCEPTION (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "session", session);
}

GDateTime *
convene_session_exception_get_occurrence (ConveneSessionException *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_EXCEPTION (self), NULL);
  return self->occurrence;
}

void
convene_session_exception_set_occurrence (ConveneSessionException *self,
                                          GDateTime               *occurrence)
{
  g_return_if_fail (CONVENE_IS_SESSION_EXCEPTION (self));
  g_object_set (self, "occurrence", occurrence, NULL);
}

ConveneExceptionKind
convene_session_exception_get_kind (ConveneSessionException *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_EXCEPTION (self), 0);
  return self->kind;
}

void
convene_session_exception_set_kind (ConveneSessionException *self,
                                    ConveneExceptionKind     kind)
{
  g_return_if_fail (CONVENE_IS_SESSION_EXCEPTION (self));
  g_object_set (self, "kind", kind, NULL);
}

GDateTime *
convene_session_exception_get_start (ConveneSessionException *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_EXCEPTION (self), NULL);
  return self->start;
}

void
convene_session_exception_set_start (ConveneSessionException *self,
                                     GDateTime               *start)
{
  g_return_if_fail (CONVENE_IS_SESSION_EXCEPTION (self));
  g_object_set (self, "start", start, NULL);
}

int
convene_session_exception_get_duration_minutes (ConveneSessionException *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_EXCEPTION (self), 0);
  return self->duration_minutes;
}

void
convene_session_exception_set_duration_minutes (ConveneSessionException *self,
                                                int                      minutes)
{
  g_return_if_fail (CONVENE_IS_SESSION_EXCEPTION (self));
  convene_entity_set_int_field (CONVENE_ENTITY (self), "duration-minutes", minutes);
}

const char *
convene_session_exception_get_topic (ConveneSessionException *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_EXCEPTION (self), NULL);
  return self->topic;
}

void
convene_session_exception_set_topic (ConveneSessionException *self,
                                     const char              *topic)
{
  g_return_if_fail (CONVENE_IS_SESSION_EXCEPTION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "topic", topic);
}

const char *
convene_session_exception_get_lead (ConveneSessionException *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_EXCEPTION (self), NULL);
  return self->lead;
}

void
convene_session_exception_set_lead (ConveneSessionException *self,
                                    const char              *lead)
{
  g_return_if_fail (CONVENE_IS_SESSION_EXCEPTION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "lead", lead);
}

ConveneSessionStatus
convene_session_exception_get_status (ConveneSessionException *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_EXCEPTION (self), 0);
  return self->status;
}

void
convene_session_exception_set_status (ConveneSessionException *self,
                                      ConveneSessionStatus     status)
{
  g_return_if_fail (CONVENE_IS_SESSION_EXCEPTION (self));
  g_object_set (self, "status", status, NULL);
}
