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
 */
#pragma once

#include "store/convene-store.h"

G_BEGIN_DECLS

/* Every plan when @plan_id is 0. */
char *convene_csv_export (ConveneStore  *store,
                          gint64         plan_id,
                          GError       **error);

G_END_DECLS
