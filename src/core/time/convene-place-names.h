/* convene-place-names.h: a time zone by the place people know it by, in the
 * user's language or in a language named at run time: "Europe/London" is
 * "London", or "Londres" in Spanish. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *convene_place_names_lookup (const char *zone,
                                  const char *language);

G_END_DECLS
