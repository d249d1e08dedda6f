/* convene-session-page.h: one session, every field editable in place. */
#pragma once

#include <adwaita.h>

#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SESSION_PAGE (convene_session_page_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSessionPage, convene_session_page, CONVENE, SESSION_PAGE, AdwNavigationPage)

AdwNavigationPage *convene_session_page_new            (ConveneStore       *store,
                                                        ConvenePlan        *plan,
                                                        ConveneSession     *session);
gint64             convene_session_page_get_session_id (ConveneSessionPage *self);
ConveneSession    *convene_session_page_get_session    (ConveneSessionPage *self);
gboolean           convene_session_page_save           (ConveneSessionPage *self);
void               convene_session_page_set_zone       (ConveneSessionPage *self,
                                                        const char         *zone);
void               convene_session_page_set_occurrence (ConveneSessionPage *self,
                                                        gint64              occurrence_unix);
gint64             convene_session_page_get_occurrence (ConveneSessionPage *self);

G_END_DECLS
