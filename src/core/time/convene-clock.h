/* convene-clock.h: the one "now" of Convene, and the user's own zone.
 *
 * Core, the command line and the window all ask here, so that one test
 * override pins them together: CONVENE_NOW, an RFC 3339 instant
 * ("2021-02-23T18:00:00Z"), makes tests and screenshots of a 2021 plan see
 * what a member saw in 2021.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Now, in UTC (CONVENE_NOW when it is set to an instant with a zone). */
GDateTime  *convene_now                (void);

/* Now, as a clock in @tz shows it. */
GDateTime  *convene_now_in             (GTimeZone *tz);

/* The user's own zone, from TZ or the system; (transfer none). */
GTimeZone  *convene_local_zone         (void);

/* The IANA name of the user's zone, or NULL when the system does not say. */
const char *convene_local_zone_id      (void);

/* Reads the user's zone again: tests change TZ between cases. */
void        convene_local_zone_reset   (void);

G_END_DECLS
