/* convene-account.h: a CalDAV account's password, in the Secret Service.
 *
 * The password is stored through libsecret under Convene's own schema,
 * keyed by the server URL and the user name; it never goes into the
 * database, the settings or a message.  Inside a Flatpak libsecret keeps it
 * through the Secret portal.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      convene_account_store_password_async   (const char          *url,
                                                  const char          *user,
                                                  const char          *password,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean  convene_account_store_password_finish  (GAsyncResult        *result,
                                                  GError             **error);

void      convene_account_clear_password_async   (const char          *url,
                                                  const char          *user,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean  convene_account_clear_password_finish  (GAsyncResult        *result,
                                                  GError             **error);

/* For a worker thread only: it waits for the Secret Service.  NULL with
 * @error set when there is no password, or the service cannot be reached. */
char     *convene_account_lookup_password_sync   (const char          *url,
                                                  const char          *user,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

G_END_DECLS
