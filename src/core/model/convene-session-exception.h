/* convene-session-exception.h: what differs for one occurrence of a series.
 *
 * A series (a session with a recurrence) meets on the dates its rule gives;
 * an exception names one of them by its start as the rule gives it (its
 * RECURRENCE-ID) and changes it (moved, another topic or lead, cancelled),
 * takes it out (an EXDATE), or adds a date the rule does not give (an
 * RDATE).  Values left unset (NULL, 0) are the series' own.
 */
#pragma once

#include "model/convene-entity.h"
#include "model/convene-enums.h"
#include "model/convene-enum-types.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SESSION_EXCEPTION (convene_session_exception_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSessionException, convene_session_exception, CONVENE, SESSION_EXCEPTION, ConveneEntity)

ConveneSessionException *convene_session_exception_new (void);
gint64 convene_session_exception_get_session (ConveneSessionException *self);
void convene_session_exception_set_session (ConveneSessionException *self, gint64 session);
GDateTime *convene_session_exception_get_occurrence (ConveneSessionException *self);
void convene_session_exception_set_occurrence (ConveneSessionException *self, GDateTime *occurrence);
ConveneExceptionKind convene_session_exception_get_kind (ConveneSessionException *self);
void convene_session_exception_set_kind (ConveneSessionException *self, ConveneExceptionKind kind);
GDateTime *convene_session_exception_get_start (ConveneSessionException *self);
void convene_session_exception_set_start (ConveneSessionException *self, GDateTime *start);
int convene_session_exception_get_duration_minutes (ConveneSessionException *self);
void convene_session_exception_set_duration_minutes (ConveneSessionException *self, int minutes);
const char *convene_session_exception_get_topic (ConveneSessionException *self);
void convene_session_exception_set_topic (ConveneSessionException *self, const char *topic);
const char *convene_session_exception_get_lead (ConveneSessionException *self);
void convene_session_exception_set_lead (ConveneSessionException *self, const char *lead);
ConveneSessionStatus convene_session_exception_get_status (ConveneSessionException *self);
void convene_session_exception_set_status (ConveneSessionException *self, ConveneSessionStatus status);

G_END_DECLS
