/* main.c: starts Convene. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "convene-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConveneApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = convene_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
