/* convene-add-meeting-dialog.h: a day and a time the series' rule does
 * not give, chosen to add one meeting to it (an RDATE). */
#pragma once

#include <adwaita.h>

#include "model/convene-session.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_ADD_MEETING_DIALOG (convene_add_meeting_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ConveneAddMeetingDialog, convene_add_meeting_dialog, CONVENE, ADD_MEETING_DIALOG, AdwDialog)

/* @series: a session with a rule, as stored.  The dialog emits
 * "meeting-chosen" with the meeting's start (Unix seconds) and closes. */
AdwDialog *convene_add_meeting_dialog_new (ConveneStore   *store,
                                           ConveneSession *series);

G_END_DECLS
