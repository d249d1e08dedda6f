/* convene-language-names.h: a session's language ("es", "pt-BR") by its
 * name in the user's language, or in a language named at run time. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *convene_language_names_lookup  (const char *code,
                                      const char *language);
void  convene_language_names_preload (void);

G_END_DECLS
