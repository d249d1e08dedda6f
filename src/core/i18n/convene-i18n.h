/* convene-i18n.h: Convene's message catalogues, for the language the user
 * runs in and for a language named at run time (an invitation written in
 * Spanish from an English session). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        convene_i18n_init            (void);
const char *convene_i18n_get_locale_dir  (void);

char       *convene_i18n_normalize       (const char *language);
gboolean    convene_i18n_is_available    (const char *language);

const char *convene_i18n_pgettext        (const char *domain,
                                          const char *language,
                                          const char *context,
                                          const char *msgid);
const char *convene_i18n_npgettext       (const char *domain,
                                          const char *language,
                                          const char *context,
                                          const char *msgid,
                                          const char *msgid_plural,
                                          gulong      n);

G_END_DECLS
