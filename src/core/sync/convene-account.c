/* convene-account.c: CalDAV passwords in the Secret Service (libsecret). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "sync/convene-account.h"

static const SecretSchema *
account_schema (void)
{
  static const SecretSchema schema = {
    "io.github.convene.Convene.CalDAV", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

void
convene_account_store_password_async (const char          *url,
                                      const char          *user,
                                      const char          *password,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  /* Translators: the label of the password in the keyring; %s is a user, then a server */
  g_autofree char *label = g_strdup_printf (_("Convene calendar account %s at %s"), user, url);

  g_return_if_fail (url != NULL && user != NULL && password != NULL);

  secret_password_store (account_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, callback, user_data,
                         "url", url, "user", user, NULL);
}

gboolean
convene_account_store_password_finish (GAsyncResult  *result,
                                       GError       **error)
{
  return secret_password_store_finish (result, error);
}

void
convene_account_clear_password_async (const char          *url,
                                      const char          *user,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (url != NULL && user != NULL);

  secret_password_clear (account_schema (), cancellable, callback, user_data,
                         "url", url, "user", user, NULL);
}

gboolean
convene_account_clear_password_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* No password to clear is not a failure: the account goes all the same. */
  secret_password_clear_finish (result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

char *
convene_account_lookup_password_sync (const char    *url,
                                      const char    *user,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret;
  char *password;

  g_return_val_if_fail (url != NULL && user != NULL, NULL);

  secret = secret_password_lookup_nonpageable_sync (account_schema (), cancellable, &local_error,
                                                    "url", url, "user", user, NULL);
  if (secret == NULL)
    {
      if (local_error != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("The password for %s at %s could not be read from the keyring: %s"),
                     user, url, local_error->message);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The keyring holds no password for %s at %s; add the account again"),
                     user, url);
      return NULL;
    }
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}
