/* convene-format.h: how the window writes times, zones, months and the
 * model's enumerations for people (translated, in the user's locale). */
#pragma once

#include <gio/gio.h>

#include "model/convene-enums.h"
#include "model/convene-enum-types.h"
#include "model/convene-session.h"

G_BEGIN_DECLS

GDateTime  *convene_now                    (void);
GTimeZone  *convene_local_zone             (void);
const char *convene_local_zone_id          (void);
void        convene_format_reset_local_zone (void);

char       *convene_zone_label             (const char          *zone);
char       *convene_format_clock           (GDateTime           *instant);
char       *convene_format_session_times   (ConveneSession      *session,
                                            const char * const  *extra_zones,
                                            gboolean             markup);
char       *convene_format_session_date    (ConveneSession      *session);
char       *convene_format_next            (ConveneSession      *session,
                                            const char * const  *extra_zones);
char       *convene_format_month           (const char          *month);
char       *convene_format_month_of        (int                  year,
                                            int                  month);

const char *convene_enum_label             (GType                enum_type,
                                            int                  value);
GListModel *convene_enum_label_model       (GType                enum_type);
char       *convene_language_name          (const char          *code);
char       *convene_join_strv              (const char * const  *strv);
char      **convene_split_list             (const char          *text);
gboolean    convene_is_link                (const char          *location);

G_END_DECLS
