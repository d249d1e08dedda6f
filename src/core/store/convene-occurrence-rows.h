/* convene-occurrence-rows.h: every occurrence of a plan's sessions, in list
 * order: a single session once, a series once a meeting, with what its
 * exceptions change (moved, another topic or lead, cancelled, taken out,
 * added).  Only the months asked for are expanded. */
#pragma once

#include "store/convene-session-rows.h"

G_BEGIN_DECLS

/* Like convene_session_rows_foreach(), but a dated series gives one row
 * per occurrence (with in_series set) instead of one row.  Without month
 * bounds, a series is expanded through the end of its plan's year, or of
 * the year of its first start when that is later: an endless series is
 * never expanded without an end. */
gboolean convene_occurrence_rows_foreach (ConveneStore          *store,
                                          gint64                 plan,
                                          const char            *first_month,
                                          const char            *last_month,
                                          ConveneSessionRowFunc  func,
                                          gpointer               user_data,
                                          GError               **error);

gboolean convene_occurrence_rows_foreach_matching (ConveneStore          *store,
                                                   gint64                 plan,
                                                   const char            *first_month,
                                                   const char            *last_month,
                                                   const ConveneRowQuery *query,
                                                   ConveneSessionRowFunc  func,
                                                   gpointer               user_data,
                                                   GError               **error);

G_END_DECLS
