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

G_END_DECLS
