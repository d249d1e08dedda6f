/* convene-text-words.h: the words that name a session's format or its
 * language, in English and Spanish, and whether a text is Spanish. */
#pragma once

#include "model/convene-enums.h"
#include "text/convene-text-lines.h"

G_BEGIN_DECLS

/* Whether the lines are mostly Spanish, by their commonest small words. */
gboolean              convene_text_looks_spanish   (GPtrArray            *lines);

/* The format @text names ("roundtable", "mesa redonda"), else @fallback. */
ConveneSessionFormat  convene_text_find_format     (const char           *text,
                                                    ConveneSessionFormat  fallback);

/* The first language @text names, as a code ("es"), or NULL. */
const char           *convene_text_find_language   (const char           *text);

/* How many languages @text names. */
guint                 convene_text_count_languages (const char           *text);

/* The words the Markdown export puts on the row of one meeting of the
 * series above it, so that the document importer does not read that row
 * as a session of its own. */
#define CONVENE_TEXT_SERIES_MEETING "One meeting of the series"

/* Put after the marker when the meeting is not at the time the series'
 * rule gives it: "One meeting of the series, moved from Tuesday 1 April
 * 2025 at 7pm", the rule's day and time on the series' own clock. */
#define CONVENE_TEXT_SERIES_MOVED_FROM "moved from"

/* Put after the marker when the rule does not give the meeting at all (an
 * RDATE): "One meeting of the series, added". */
#define CONVENE_TEXT_SERIES_ADDED "added"

/* Put after the marker on the row of a series' first meeting when it was
 * taken out (an EXDATE on its DTSTART): the series' own row names that
 * meeting, so its absence alone would not say it.  "One meeting of the
 * series, taken out". */
#define CONVENE_TEXT_SERIES_TAKEN_OUT "taken out"

/* Whether @text (a schedule row's cell) says it is such a row. */
gboolean              convene_text_is_series_meeting (const char         *text);

/* @text without its "<i>One meeting of the series...</i>"; @added is set
 * to whether it says "added", @taken_out to whether it says "taken out",
 * @moved_from to what follows "moved from" in it (the day and time it was
 * moved from), or NULL when it was not moved. */
char                 *convene_text_take_series_meeting (const char       *text,
                                                        gboolean        *added,
                                                        gboolean        *taken_out,
                                                        char            **moved_from);

G_END_DECLS
