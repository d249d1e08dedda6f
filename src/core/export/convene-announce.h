/* convene-announce.h: a session's invitation, ready to paste into an email,
 * in English or in a language Convene has a catalogue for. */
#pragma once

#include "model/convene-session.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

char *convene_announcement_text (ConveneStore   *store,
                                 ConveneSession *session,
                                 const char     *language,
                                 GError        **error);

G_END_DECLS
