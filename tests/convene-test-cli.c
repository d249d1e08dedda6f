/* convene-test-cli.c: convene-cli run as a script runs it. */
#include "convene-test-cli.h"

#include <sys/wait.h>

int
convene_test_cli_run (const char         *db,
                      const char * const *env,
                      char              **out,
                      char              **err,
                      const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) environment = g_get_environ ();
  int status = 0;

  g_ptr_array_add (args, (gpointer) g_getenv ("CONVENE_CLI"));
  g_ptr_array_add (args, "--database");
  g_ptr_array_add (args, (gpointer) db);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  environment = g_environ_setenv (environment, "LANGUAGE", "en", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_assert_cmpuint (g_strv_length (pair), ==, 2);
      environment = g_environ_setenv (environment, pair[0], pair[1], TRUE);
    }
  g_spawn_sync (NULL, (char **) args->pdata, environment, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

int
convene_test_cli_run_va (const char         *db,
                         const char * const *env,
                         char              **out,
                         char              **err,
                         const char         *first,
                         va_list             args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  g_ptr_array_add (argv, NULL);
  return convene_test_cli_run (db, env, out, err, (const char * const *) argv->pdata);
}
