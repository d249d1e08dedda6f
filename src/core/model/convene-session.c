/* convene-session.c: one meeting of a plan's schedule. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/convene-session.h"

struct _ConveneSession
{
  ConveneEntity parent_instance;

  gint64 plan;
  char *topic;
  char *description;
  char *month;
  GDateTime *start;
  char *timezone;
  int duration_minutes;
  char *recurrence;
  ConveneSessionStatus status;
  ConveneSessionFormat format;
  char *language;
  char *lead;
  char **speakers;
  char **principles;
  char *location;
  char *recording_url;
  char *recorded;
  ConveneBlogPost *blog;
  char *notes;
};

G_DEFINE_FINAL_TYPE (ConveneSession, convene_session, CONVENE_TYPE_ENTITY)

static const ConveneField fields[] = {
  { "plan", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneSession, plan), NULL, "plans",
    CONVENE_FIELD_FLAG_PARENT, "The plan",
    CONVENE_VALUE_TEXT, N_("it belongs to no plan") },
  { "topic", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, topic), NULL, NULL,
    CONVENE_FIELD_FLAG_REQUIRED, "What the session is about",
    CONVENE_VALUE_TEXT, N_("the topic may not be empty") },
  { "description", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, description), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "A longer description",
    CONVENE_VALUE_TEXT, NULL },
  { "month", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, month), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "YYYY-MM, or NULL when to be confirmed",
    CONVENE_VALUE_MONTH, NULL },
  { "start", CONVENE_FIELD_DATETIME, G_STRUCT_OFFSET (ConveneSession, start), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The start instant in UTC, or NULL",
    CONVENE_VALUE_TEXT, NULL },
  { "timezone", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, timezone), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The zone the organiser fixed the time in",
    CONVENE_VALUE_ZONE, NULL },
  { "duration-minutes", CONVENE_FIELD_INT, G_STRUCT_OFFSET (ConveneSession, duration_minutes), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "How long it lasts",
    CONVENE_VALUE_TEXT, NULL },
  { "recurrence", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, recurrence), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "An RRULE for a series, or NULL",
    CONVENE_VALUE_RECURRENCE, NULL },
  { "status", CONVENE_FIELD_ENUM, G_STRUCT_OFFSET (ConveneSession, status), convene_session_status_get_type, NULL,
    CONVENE_FIELD_FLAG_NONE, "Scheduled, tentative, no meeting, cancelled or held",
    CONVENE_VALUE_TEXT, NULL },
  { "format", CONVENE_FIELD_ENUM, G_STRUCT_OFFSET (ConveneSession, format), convene_session_format_get_type, NULL,
    CONVENE_FIELD_FLAG_NONE, "Meeting, panel, roundtable...",
    CONVENE_VALUE_TEXT, NULL },
  { "language", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, language), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The language spoken, such as \"en\" or \"es\"",
    CONVENE_VALUE_TEXT, NULL },
  { "lead", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, lead), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The name of who leads it",
    CONVENE_VALUE_TEXT, NULL },
  { "speakers", CONVENE_FIELD_STRV, G_STRUCT_OFFSET (ConveneSession, speakers), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The names of the speakers",
    CONVENE_VALUE_TEXT, NULL },
  { "principles", CONVENE_FIELD_STRV, G_STRUCT_OFFSET (ConveneSession, principles), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Principles the session is tagged with",
    CONVENE_VALUE_TEXT, NULL },
  { "location", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, location), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "A place or a join link",
    CONVENE_VALUE_TEXT, NULL },
  { "recording-url", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, recording_url), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Where the recording is",
    CONVENE_VALUE_URL, NULL },
  { "recorded", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, recorded), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "What was recorded",
    CONVENE_VALUE_TEXT, NULL },
  { "blog", CONVENE_FIELD_BLOG, G_STRUCT_OFFSET (ConveneSession, blog), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The post written after the session",
    CONVENE_VALUE_TEXT, NULL },
  { "notes", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneSession, notes), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Notes",
    CONVENE_VALUE_TEXT, NULL },
};

static void
convene_session_class_init (ConveneSessionClass *klass)
{
  convene_entity_class_install_fields (CONVENE_ENTITY_CLASS (klass), "sessions",
                                       fields, G_N_ELEMENTS (fields));
}

static void
convene_session_init (ConveneSession *self)
{
  /* The documented defaults: an hour, in English. */
  self->duration_minutes = 60;
  self->language = g_strdup ("en");
}

ConveneSession *
convene_session_new (void)
{
  return g_object_new (CONVENE_TYPE_SESSION, NULL);
}

gint64
convene_session_get_plan (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), 0);
  return self->plan;
}

void
convene_session_set_plan (ConveneSession *self,
                          gint64 plan)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "plan", plan);
}

const char *
convene_session_get_topic (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->topic;
}

void
convene_session_set_topic (ConveneSession *self,
                           const char *topic)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "topic", topic);
}

const char *
convene_session_get_description (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->description;
}

void
convene_session_set_description (ConveneSession *self,
                                 const char *description)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "description", description);
}

const char *
convene_session_get_month (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->month;
}

void
convene_session_set_month (ConveneSession *self,
                           const char *month)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "month", month);
}

GDateTime *
convene_session_get_start (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->start;
}

void
convene_session_set_start (ConveneSession *self,
                           GDateTime *start)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  g_object_set (self, "start", start, NULL);
}

const char *
convene_session_get_timezone (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->timezone;
}

void
convene_session_set_timezone (ConveneSession *self,
                              const char *zone)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "timezone", zone);
}

int
convene_session_get_duration_minutes (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), 0);
  return self->duration_minutes;
}

void
convene_session_set_duration_minutes (ConveneSession *self,
                                      int duration_minutes)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_int_field (CONVENE_ENTITY (self), "duration-minutes", duration_minutes);
}

const char *
convene_session_get_recurrence (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->recurrence;
}

void
convene_session_set_recurrence (ConveneSession *self,
                                const char *recurrence)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "recurrence", recurrence);
}

ConveneSessionStatus
convene_session_get_status (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), 0);
  return self->status;
}

void
convene_session_set_status (ConveneSession *self,
                            ConveneSessionStatus status)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  g_object_set (self, "status", status, NULL);
}

ConveneSessionFormat
convene_session_get_format (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), 0);
  return self->format;
}

void
convene_session_set_format (ConveneSession *self,
                            ConveneSessionFormat format)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  g_object_set (self, "format", format, NULL);
}

const char *
convene_session_get_language (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->language;
}

void
convene_session_set_language (ConveneSession *self,
                              const char *language)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "language", language);
}

const char *
convene_session_get_lead (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->lead;
}

void
convene_session_set_lead (ConveneSession *self,
                          const char *lead)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "lead", lead);
}

const char * const *
convene_session_get_speakers (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return (const char * const *) self->speakers;
}

void
convene_session_set_speakers (ConveneSession *self,
                              const char * const *speakers)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_strv_field (CONVENE_ENTITY (self), "speakers", speakers);
}

const char * const *
convene_session_get_principles (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return (const char * const *) self->principles;
}

void
convene_session_set_principles (ConveneSession *self,
                                const char * const *principles)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_strv_field (CONVENE_ENTITY (self), "principles", principles);
}

const char *
convene_session_get_location (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->location;
}

void
convene_session_set_location (ConveneSession *self,
                              const char *location)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "location", location);
}

const char *
convene_session_get_recording_url (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->recording_url;
}

void
convene_session_set_recording_url (ConveneSession *self,
                                   const char *recording_url)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "recording-url", recording_url);
}

const char *
convene_session_get_recorded (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->recorded;
}

void
convene_session_set_recorded (ConveneSession *self,
                              const char *recorded)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "recorded", recorded);
}

ConveneBlogPost *
convene_session_get_blog (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->blog;
}

void
convene_session_set_blog (ConveneSession *self,
                          ConveneBlogPost *blog)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  g_object_set (self, "blog", blog, NULL);
}

const char *
convene_session_get_notes (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->notes;
}

void
convene_session_set_notes (ConveneSession *self,
                           const char *notes)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "notes", notes);
}

/**
 * convene_session_get_timing:
 *
 * Returns: whether the session has a start instant, only a month, or nothing
 *   yet (to be confirmed).
 */
ConveneSessionTiming
convene_session_get_timing (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), CONVENE_SESSION_TIMING_TBC);

  if (self->start != NULL)
    return CONVENE_SESSION_TIMING_INSTANT;
  if (self->month != NULL)
    return CONVENE_SESSION_TIMING_MONTH;
  return CONVENE_SESSION_TIMING_TBC;
}

/**
 * convene_session_dup_end:
 *
 * Returns: (transfer full) (nullable): the end instant, or %NULL without a start.
 */
GDateTime *
convene_session_dup_end (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);

  if (self->start == NULL)
    return NULL;
  return g_date_time_add_minutes (self->start, self->duration_minutes);
}
