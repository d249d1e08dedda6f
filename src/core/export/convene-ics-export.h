/* convene-ics-export.h: a plan's schedule and actions as an iCalendar file.
 *
 * Each session with a start becomes a VEVENT fixed in its own zone
 * (DTSTART;TZID=Europe/London, with a VTIMEZONE for every zone used), with
 * DTEND (DURATION when the session spans a clock change), its RRULE, SUMMARY (with the session's LANGUAGE), DESCRIPTION,
 * LOCATION (and URL when the location is a link) and STATUS: CANCELLED for
 * cancelled sessions and for "no meeting", TENTATIVE for tentative ones,
 * CONFIRMED otherwise.  Sessions fixed in UTC or at a fixed offset such as
 * "-06:00" are written in UTC, the offset kept in X-CONVENE-TIMEZONE.  A session that starts at midnight in the
 * calendar's zone and lasts whole days is an all-day event.
 *
 * A series is one VEVENT with its RRULE, an EXDATE for each date taken out
 * and an RDATE for each date added (in the series' zone, with its TZID),
 * followed by one VEVENT for each occurrence an exception changes (moved,
 * another topic, lead or length, cancelled): the series' UID, DTSTAMP and
 * SEQUENCE, and a RECURRENCE-ID naming the occurrence in the series' zone,
 * as GNOME Calendar and Thunderbird expect.  The lead is X-CONVENE-LEAD.
 *
 * Sessions with only a month, and sessions to be confirmed, are left out:
 * iCalendar has no event without a date, and Convene does not invent one.
 *
 * Each action becomes a VTODO with its title, status and DUE; an action
 * due in a month or a year is due on its last day, and X-CONVENE-DUE keeps
 * what was meant.  X-CONVENE-STATUS and X-CONVENE-FORMAT keep what STATUS
 * cannot say ("held", "no-meeting") and the session's format, so that
 * Convene reads its own files back as they were.
 */
#pragma once

#include "store/convene-store.h"
#include "model/convene-session.h"

G_BEGIN_DECLS

/* Every plan when @plan_id is 0. */
char *convene_ics_export      (ConveneStore   *store,
                               gint64          plan_id,
                               GError        **error);

/* "session-12@convene": the same session has the same UID in every export. */
char *convene_ics_session_uid (ConveneSession *session);

G_END_DECLS
