/* test-ui-import-zone.c: the import dialog's zone row.  A neighbourhood
 * notice whose "15hs." names no zone, in a text that names no city, is
 * previewed as UTC with the row that says so; choosing Buenos Aires reads
 * the file again there, and Import writes the session at the instant
 * GTimeZone gives for 15:00 in Buenos Aires.  A text that names its city
 * shows no row.  Screenshots in English, or in Spanish when
 * CONVENE_UI_TEST_LANG=es.
 */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "ui/editors/convene-zone-chooser.h"
#include "ui/import/convene-import-dialog.h"

#define BUENOS_AIRES "America/Argentina/Buenos_Aires"

static const char *lang = "en";

typedef struct {
  char               *database;
  ConveneApplication *app;
  ConveneWindow      *window;
  char               *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->database = convene_ui_test_temp_db ();
  f->app = convene_ui_test_app_new (f->database);
  f->window = convene_ui_test_window (f->app);
  f->path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "ui", "import-zone.txt", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unlink (f->path);
  convene_ui_test_finish (f->app);
  g_unlink (f->database);
  g_free (f->path);
  g_free (f->database);
}

static gboolean
dialog_read (gpointer data)
{
  return g_strcmp0 (convene_import_dialog_get_state (data), "loading") != 0;
}

/* Opens the import dialog on @text and waits for its preview. */
static ConveneImportDialog *
open_preview (Fixture    *f,
              const char *text)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  dialog = g_object_ref (convene_window_import_file (f->window, file));
  g_assert_true (convene_ui_test_wait_for (dialog_read, dialog, CONVENE_UI_TEST_PATIENCE));
  g_assert_cmpstr (convene_import_dialog_get_state (CONVENE_IMPORT_DIALOG (dialog)), ==, "preview");
  return CONVENE_IMPORT_DIALOG (dialog);
}

static char *
shot_name (const char *what)
{
  return g_strdup_printf ("import-zone-%s-%s", what, lang);
}

static gboolean
is_zone_row (GtkWidget *widget,
             gpointer   data)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  return g_str_equal (title, _("_Times without a zone are in"));
}

/* The row the user sees, and the zone it names. */
static const char *
zone_row_subtitle (ConveneImportDialog *dialog)
{
  GtkWidget *row = convene_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, is_zone_row, NULL);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
test_choose_zone (Fixture *f, gconstpointer data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (BUENOS_AIRES);
  g_autoptr(GDateTime) there = g_date_time_new (tz, 2018, 4, 28, 15, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *shot = NULL;
  ConveneImportDialog *dialog;
  ConveneZoneChooser *chooser;
  ConveneSession *session;
  GListModel *zones;
  guint position;
  gboolean shown = FALSE;

  dialog = open_preview (f,
                         "ASAMBLEA DEL CONSEJO VECINAL\n"
                         "\n"
                         "Se invita a los vecinos a la asamblea del sábado 28 de abril de 2018 a las 15hs. "
                         "en el salón de la calle Castro Barros 400.\n");
  /* Read as UTC, as convene-cli does, and said so in the row. */
  g_assert_null (convene_import_dialog_get_default_zone (dialog, &shown));
  g_assert_true (shown);
  g_assert_cmpstr (zone_row_subtitle (dialog), ==, "UTC");
  convene_ui_test_resize (GTK_WINDOW (f->window), 900, 900);
  shot = shot_name ("utc");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), shot));

  /* Choose… opens the zone chooser; a city picked there reads the file
   * again in its zone. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.choose-zone", NULL);
  convene_ui_test_wait (100);
  chooser = CONVENE_ZONE_CHOOSER (convene_ui_test_find (GTK_WIDGET (f->window), CONVENE_TYPE_ZONE_CHOOSER,
                                                        NULL, NULL));
  g_assert_nonnull (chooser);
  convene_zone_chooser_set_search (chooser, "Buenos Aires");
  zones = convene_zone_chooser_get_model (chooser);
  for (position = 0; position < g_list_model_get_n_items (zones); position++)
    {
      g_autofree char *zone = convene_zone_chooser_dup_zone (chooser, position);

      if (g_strcmp0 (zone, BUENOS_AIRES) == 0)
        break;
    }
  g_assert_cmpuint (position, <, g_list_model_get_n_items (zones));
  convene_zone_chooser_choose (chooser, position);
  g_assert_cmpstr (convene_import_dialog_get_state (dialog), ==, "loading");
  g_assert_true (convene_ui_test_wait_for (dialog_read, dialog, CONVENE_UI_TEST_PATIENCE));
  g_assert_cmpstr (convene_import_dialog_get_state (dialog), ==, "preview");
  g_assert_cmpstr (zone_row_subtitle (dialog), ==, BUENOS_AIRES);
  g_clear_pointer (&shot, g_free);
  shot = shot_name ("buenos-aires");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), shot));

  g_assert_true (convene_import_dialog_import (dialog));
  g_object_unref (dialog);
  convene_ui_test_wait (100);
  sessions = convene_store_query (convene_window_get_store (f->window), CONVENE_TYPE_SESSION, NULL, 0, NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = g_ptr_array_index (sessions, 0);
  g_assert_true (g_date_time_equal (convene_session_get_start (session), there));
  g_assert_cmpstr (convene_session_get_timezone (session), ==, BUENOS_AIRES);
}

/* A text that names its city is read there: nothing to choose. */
static void
test_city_named (Fixture *f, gconstpointer data)
{
  ConveneImportDialog *dialog;
  gboolean shown = TRUE;

  dialog = open_preview (f,
                         "REUNIÓN DE LA MESA DE DATOS ABIERTOS\n"
                         "\n"
                         "La mesa se reúne el jueves 26 de abril de 2018 a las 18:00 en la sede de "
                         "la alcaldía, Carrera 8, Bogotá.\n");
  convene_import_dialog_get_default_zone (dialog, &shown);
  g_assert_false (shown);
  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_object_unref (dialog);
  convene_ui_test_wait (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  g_setenv ("CONVENE_NOW", "2018-04-20T12:00:00Z", TRUE);
  if (g_strcmp0 (g_getenv ("CONVENE_UI_TEST_LANG"), "es") == 0)
    {
      lang = "es";
      g_setenv ("LANGUAGE", "es", TRUE);
      g_setenv ("LANG", "es_ES.UTF-8", TRUE);
      g_unsetenv ("LC_ALL");
      g_unsetenv ("LC_MESSAGES");
    }
  convene_ui_test_init (&argc, &argv);
  /* gtk_test_init() switched to en_US: Spanish comes back after it. */
  if (g_str_equal (lang, "es") && setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    return 77;
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
  convene_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/ui/import-zone/choose", Fixture, NULL, fixture_set_up, test_choose_zone, fixture_tear_down);
  g_test_add ("/ui/import-zone/city-named", Fixture, NULL, fixture_set_up, test_city_named, fixture_tear_down);
  return g_test_run ();
}
