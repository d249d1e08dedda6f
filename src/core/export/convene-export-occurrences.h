/* convene-export-occurrences.h: the meetings of a plan's series, for the
 * exports that write one row a meeting (CSV, Markdown).
 *
 * Read once through convene_occurrence_rows_foreach(), so the exports list
 * what the schedule and `convene-cli list sessions` list: through the end of
 * the plan's year, each meeting as its exception leaves it, a meeting taken
 * out not at all.  A meeting moved across the edge of those months (from
 * December into the next year, from the series' first month into the one
 * before, from the next year into this one) is listed too, where it is
 * moved to, so that reading the export back loses no meeting of the year. */
#pragma once

#include "store/convene-store.h"
#include "model/convene-enums.h"

G_BEGIN_DECLS

typedef struct {
  gint64                start;             /* its own, moved or not (UTC seconds) */
  gint64                occurrence;        /* its start as the rule gives it */
  char                  month[8];          /* "YYYY-MM", in the series' zone */
  char                 *topic;
  char                 *lead;              /* or NULL */
  ConveneSessionStatus  status;
  int                   duration_minutes;  /* its own length, or 0 for the series' */
  gboolean              added;             /* a meeting the rule does not give (an RDATE) */
} ConveneExportOccurrence;

/* Session id (gint64) → GArray of ConveneExportOccurrence, in order, for
 * every series of @plan_id (0: every plan) that has meetings. */
GHashTable *convene_export_collect_occurrences (ConveneStore  *store,
                                                gint64         plan_id,
                                                GError       **error);

G_END_DECLS
