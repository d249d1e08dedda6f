/* main.c: starts Convene. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ui/convene-application.h"
#include "i18n/convene-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConveneApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* CONVENE_LOCALEDIR lets a build that is not installed find its catalogues. */
  convene_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  app = convene_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
