/* convene-csv-export.h: a plan's schedule as CSV, for spreadsheets.
 *
 * RFC 4180: a header row, then one row per session ordered by id, fields
 * separated by commas, rows ended by CRLF, and a field quoted (its quotes
 * doubled) when it holds a comma, a quote or a line break.  The columns:
 *
 *   id, topic, month, start, timezone, local_start, duration_minutes,
 *   status, format, language, lead, speakers, location, recurrence
 *
 * start is the UTC instant ("2021-02-23T19:00:00Z"); local_start the same
 * moment in the zone the organiser fixed it in ("2021-02-23T19:00:00+00:00");
 * both are empty for a session with only a month or none.  Speakers are
 * separated by "; ".  Status and format are the JSON export's words.
 *
 * convene_csv_export() writes a series once, as it is stored (its first
 * start and its RRULE).  convene_csv_export_occurrences(), what people
 * export, writes one row per meeting of a series instead, in place of the
 * series' row, through the end of its plan's year as the listing shows it:
 * its own start, month, topic, lead, status and length (a moved or
 * cancelled meeting as its exception leaves it; one taken out is not
 * there), and a last column
 *
 *   occurrence
 *
 * naming the meeting by its start as the rule gives it (its RECURRENCE-ID,
 * UTC); it is empty on the rows of sessions that are not series.
 */
#pragma once

#include "store/convene-store.h"

G_BEGIN_DECLS

/* Every plan when @plan_id is 0. */
char *convene_csv_export             (ConveneStore  *store,
                                      gint64         plan_id,
                                      GError       **error);
char *convene_csv_export_occurrences (ConveneStore  *store,
                                      gint64         plan_id,
                                      GError       **error);

G_END_DECLS
