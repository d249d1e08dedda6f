/* convene-ui-test-server.h: the test web server of tests/convene-test-server.c
 * (its routes are listed in tests/convene-test-server.h), as the UI tests use
 * it.  A test includes only headers beside it, so the few functions a UI test
 * calls are declared again here; the server itself stays opaque. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ConveneTestServer ConveneTestServer;

ConveneTestServer *convene_test_server_new          (void);
void               convene_test_server_free         (ConveneTestServer *self);
char              *convene_test_server_url          (ConveneTestServer *self,
                                                     const char        *path);
void               convene_test_server_set_calendar (ConveneTestServer *self,
                                                     const char        *calendar,
                                                     const char        *etag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneTestServer, convene_test_server_free)

G_END_DECLS
