/* convene-values.h: the small value formats of the model (months, dues,
 * dates, URLs, instants) and their checks. */
#pragma once

#include <glib.h>

/* The zone functions are the time room's; the model's values name them. */
#include "time/convene-zone.h"

G_BEGIN_DECLS

gboolean   convene_month_is_valid    (const char *month);
gboolean   convene_due_is_valid      (const char *due);
gboolean   convene_date_is_valid     (const char *date);
gboolean   convene_url_is_valid      (const char *url);
gboolean   convene_email_is_valid    (const char *email);
char      *convene_instant_to_string (GDateTime  *instant);
GDateTime *convene_instant_parse     (const char *text);

G_END_DECLS
