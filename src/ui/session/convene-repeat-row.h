/* convene-repeat-row.h: the session page's Repeat row, a series' rule
 * chosen with controls and said as a sentence; the RRULE under Advanced. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_REPEAT_ROW (convene_repeat_row_get_type ())

G_DECLARE_FINAL_TYPE (ConveneRepeatRow, convene_repeat_row, CONVENE, REPEAT_ROW, AdwExpanderRow)

GtkWidget  *convene_repeat_row_new       (void);

/* The series' first start, in the zone it is fixed in (nullable): what a
 * rule leaves to it (the weekday, the day of the month) and the zone an
 * end date is read in. */
void        convene_repeat_row_set_start (ConveneRepeatRow *self,
                                          GDateTime        *start);

/* The RRULE, NULL for none.  A rule the controls cannot show stays as
 * written and is edited under Advanced. */
void        convene_repeat_row_set_rule  (ConveneRepeatRow *self,
                                          const char       *rrule);
const char *convene_repeat_row_get_rule  (ConveneRepeatRow *self);

/* Why the RRULE typed under Advanced cannot be stored; NULL when it can. */
const char *convene_repeat_row_get_error (ConveneRepeatRow *self);

G_END_DECLS
