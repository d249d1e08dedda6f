/* convene-session-rows.h: sessions read straight from the store, one plain
 * row at a time and already in list order, for callers that only print or
 * count them (convene-cli list) and would pay more for a ConveneSession per
 * row than for the query itself. */
#pragma once

#include "model/convene-enums.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

/* One session, as far as a listing needs it.  The strings belong to the
 * reader and are only valid during the callback that receives the row. */
typedef struct {
  gint64                id;
  gint64                plan;
  const char           *month;     /* "YYYY-MM", or NULL when to be confirmed */
  gboolean              dated;     /* whether the session has a start instant */
  gint64                start;     /* that instant, in seconds since 1970 UTC */
  const char           *timezone;  /* the zone the organiser fixed it in, or NULL */
  ConveneSessionStatus  status;
  const char           *language;  /* or NULL */
  const char           *lead;      /* or NULL */
  const char           *topic;
  const char           *recurrence; /* the series' RRULE, or NULL */
  ConveneSessionFormat  format;
  int                   duration_minutes;
  const char           *notes;     /* or NULL */
  const char           *speakers;  /* the names as stored (a JSON array), or NULL */
  /* Set by convene_occurrence_rows_foreach() on one occurrence of a series:
   * @start is then the occurrence's own (moved or not), @occurrence its
   * start as the rule gives it (its RECURRENCE-ID). */
  gboolean              in_series;
  gint64                occurrence;
} ConveneSessionRow;

/* What a reading asks for beyond the plan and the months. */
typedef struct {
  /* (nullable): SQLite leaves out the rows that cannot match these words */
  const char * const *words;
  /* the rows come month by month, in no set order within a month, for a
   * caller that sorts them itself: SQLite then sorts nothing */
  gboolean            month_order;
} ConveneRowQuery;

/* Returns FALSE to stop reading. */
typedef gboolean (*ConveneSessionRowFunc) (const ConveneSessionRow *row,
                                           gpointer                 user_data);

gboolean convene_session_rows_foreach (ConveneStore          *store,
                                       gint64                 plan,
                                       const char            *first_month,
                                       const char            *last_month,
                                       ConveneSessionRowFunc  func,
                                       gpointer               user_data,
                                       GError               **error);

gboolean convene_session_rows_foreach_matching (ConveneStore          *store,
                                                gint64                 plan,
                                                const char            *first_month,
                                                const char            *last_month,
                                                const ConveneRowQuery *query,
                                                ConveneSessionRowFunc  func,
                                                gpointer               user_data,
                                                GError               **error);

G_END_DECLS
