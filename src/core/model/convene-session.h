/* convene-session.h: one meeting of a plan's schedule. */
#pragma once

#include "model/convene-entity.h"
#include "model/convene-enums.h"
#include "model/convene-enum-types.h"
#include "model/convene-blog-post.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SESSION (convene_session_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSession, convene_session, CONVENE, SESSION, ConveneEntity)

ConveneSession *convene_session_new (void);
gint64 convene_session_get_plan (ConveneSession *self);
void convene_session_set_plan (ConveneSession *self, gint64 plan);
const char *convene_session_get_topic (ConveneSession *self);
void convene_session_set_topic (ConveneSession *self, const char *topic);
const char *convene_session_get_description (ConveneSession *self);
void convene_session_set_description (ConveneSession *self, const char *description);
const char *convene_session_get_month (ConveneSession *self);
void convene_session_set_month (ConveneSession *self, const char *month);
GDateTime *convene_session_get_start (ConveneSession *self);
void convene_session_set_start (ConveneSession *self, GDateTime *start);
const char *convene_session_get_timezone (ConveneSession *self);
void convene_session_set_timezone (ConveneSession *self, const char *zone);
int convene_session_get_duration_minutes (ConveneSession *self);
void convene_session_set_duration_minutes (ConveneSession *self, int duration_minutes);
const char *convene_session_get_recurrence (ConveneSession *self);
void convene_session_set_recurrence (ConveneSession *self, const char *recurrence);
ConveneSessionStatus convene_session_get_status (ConveneSession *self);
void convene_session_set_status (ConveneSession *self, ConveneSessionStatus status);
ConveneSessionFormat convene_session_get_format (ConveneSession *self);
void convene_session_set_format (ConveneSession *self, ConveneSessionFormat format);
const char *convene_session_get_language (ConveneSession *self);
void convene_session_set_language (ConveneSession *self, const char *language);
const char *convene_session_get_lead (ConveneSession *self);
void convene_session_set_lead (ConveneSession *self, const char *lead);
const char * const *convene_session_get_speakers (ConveneSession *self);
void convene_session_set_speakers (ConveneSession *self, const char * const *speakers);
const char * const *convene_session_get_principles (ConveneSession *self);
void convene_session_set_principles (ConveneSession *self, const char * const *principles);
const char *convene_session_get_location (ConveneSession *self);
void convene_session_set_location (ConveneSession *self, const char *location);
const char *convene_session_get_recording_url (ConveneSession *self);
void convene_session_set_recording_url (ConveneSession *self, const char *recording_url);
const char *convene_session_get_recorded (ConveneSession *self);
void convene_session_set_recorded (ConveneSession *self, const char *recorded);
ConveneBlogPost *convene_session_get_blog (ConveneSession *self);
void convene_session_set_blog (ConveneSession *self, ConveneBlogPost *blog);
const char *convene_session_get_notes (ConveneSession *self);
void convene_session_set_notes (ConveneSession *self, const char *notes);
ConveneSessionTiming convene_session_get_timing (ConveneSession *self);
GDateTime *convene_session_dup_end (ConveneSession *self);

G_END_DECLS
