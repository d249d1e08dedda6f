/* convene-format.h: how the window writes sessions, months and the model's
 * enumerations for people (translated, in the user's locale). */
#pragma once

#include <gio/gio.h>

#include "model/convene-enums.h"
#include "model/convene-enum-types.h"
#include "model/convene-session.h"
/* The clock, zone labels and times in zones are core's, for the command
 * line and the exporters too; the window reaches them through here. */
#include "time/convene-clock.h"
#include "time/convene-time-format.h"

G_BEGIN_DECLS

char       *convene_format_session_times   (ConveneSession      *session,
                                            const char * const  *extra_zones,
                                            gboolean             markup);
char       *convene_format_session_date    (ConveneSession      *session);
char       *convene_format_next            (ConveneSession      *session,
                                            const char * const  *extra_zones);
char       *convene_format_month           (const char          *month);

const char *convene_enum_label             (GType                enum_type,
                                            int                  value);
GListModel *convene_enum_label_model       (GType                enum_type);
char       *convene_language_name          (const char          *code);
char       *convene_join_strv              (const char * const  *strv);
char      **convene_split_list             (const char          *text);
gboolean    convene_is_link                (const char          *location);

G_END_DECLS
