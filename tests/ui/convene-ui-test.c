/* convene-ui-test.c: what every UI test does: start the real application on
 * a temporary database, wait for it, import the seed plan, take screenshots. */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gstdio.h>
#include <execinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "ui/convene-format.h"
#include "ui/import/convene-import-dialog.h"

/* A fatal warning in a UI test is often a reference dropped too early,
 * seen once in many runs: the stack where it was logged is printed with
 * it (module and offset, for addr2line on the same build). */
static gboolean
print_stack_cb (const char     *log_domain,
                GLogLevelFlags  log_level,
                const char     *message,
                gpointer        user_data)
{
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  g_printerr ("fatal: %s: %s\nstack:\n", log_domain ? log_domain : "", message);
  backtrace_symbols_fd (frames, n, STDERR_FILENO);
  return TRUE;
}

/**
 * convene_ui_test_init:
 *
 * Sets up the GLib test framework, the user's zone (TZ) and today's date,
 * and exits with 77 (skipped) when there is no display.
 */
void
convene_ui_test_init (int    *argc,
                      char ***argv)
{
  g_setenv ("TZ", CONVENE_UI_TEST_TZ, TRUE);
  tzset ();
  if (g_getenv ("CONVENE_NOW") == NULL)
    g_setenv ("CONVENE_NOW", CONVENE_UI_TEST_NOW, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  if (g_getenv ("GSETTINGS_BACKEND") == NULL)
    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  convene_local_zone_reset ();

  g_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (print_stack_cb, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the UI tests\n");
      exit (77);
    }
  /* Screenshots and waits should not depend on animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* A fresh database file in the test's own temporary directory. */
char *
convene_ui_test_temp_db (void)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("convene-test-%u-%u.db", (guint) getpid (), counter++);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

ConveneApplication *
convene_ui_test_app_new (const char *database)
{
  ConveneApplication *app = convene_application_new (G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;

  convene_application_set_database (app, database);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

ConveneWindow *
convene_ui_test_window (ConveneApplication *app)
{
  GtkWindow *window = convene_application_open_window (app);

  g_assert_true (CONVENE_IS_WINDOW (window));
  g_assert_true (convene_ui_test_wait_for (window_mapped, window, 5000));
  convene_ui_test_wait (100);
  return CONVENE_WINDOW (window);
}

static void
stop_activate_cb (GApplication *app)
{
  g_signal_stop_emission_by_name (app, "activate");
}

/* Closes every window (which saves what is pending) and drops the app. */
void
convene_ui_test_finish (ConveneApplication *app)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      AdwDialog *dialog;

      /* An open dialog would take the close request for itself. */
      while (ADW_IS_APPLICATION_WINDOW (l->data) &&
             (dialog = adw_application_window_get_visible_dialog (l->data)) != NULL)
        adw_dialog_force_close (dialog);
      gtk_window_close (l->data);
    }
  convene_ui_test_wait (50);
  /* Only g_application_run() takes an application down cleanly: run it once
   * more without its window; with nothing left to show it shuts down. */
  g_signal_connect (app, "activate", G_CALLBACK (stop_activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &app);
  g_object_unref (app);
  g_test_message ("application finalized: %s", app == NULL ? "yes" : "no");
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
convene_ui_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until @done says so; FALSE after @timeout_ms. */
gboolean
convene_ui_test_wait_for (gboolean (*done) (gpointer data),
                          gpointer   data,
                          guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, set_flag_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  return done (data);
}

static gboolean
dialog_read (gpointer data)
{
  return g_strcmp0 (convene_import_dialog_get_state (data), "loading") != 0;
}

static gboolean
import_into (ConveneWindow *window,
             const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog = convene_window_import_file (window, file);

  g_object_ref (dialog);
  g_assert_true (convene_ui_test_wait_for (dialog_read, dialog, 10000));
  if (g_strcmp0 (convene_import_dialog_get_state (CONVENE_IMPORT_DIALOG (dialog)), "preview") != 0)
    {
      adw_dialog_force_close (ADW_DIALOG (dialog));
      g_object_unref (dialog);
      return FALSE;
    }
  g_assert_true (convene_import_dialog_import (CONVENE_IMPORT_DIALOG (dialog)));
  g_object_unref (dialog);
  convene_ui_test_wait (100);
  return TRUE;
}

/**
 * convene_ui_test_import_file:
 * @path: a file the import dialog reads
 *
 * Imports @path through the import dialog, as a user would.
 *
 * Returns: whether the dialog showed a preview and imported it
 */
gboolean
convene_ui_test_import_file (ConveneWindow *window,
                             const char    *path)
{
  return import_into (window, path);
}

/**
 * convene_ui_test_import_seed:
 *
 * Imports seed 000 (the IWG's 2021 action plan) through the import dialog,
 * as a user would.  While the plan-document importer cannot read it, the
 * same plan as a JSON export is imported instead.
 *
 * Returns: the plan's id
 */
gint64
convene_ui_test_import_seed (ConveneWindow *window)
{
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-000-iwg-2021.txt", NULL);
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "ui", "seed-000-iwg-2021.json", NULL);
  ConvenePlan *plan;

  if (!import_into (window, seed))
    {
      g_test_message ("The plan document importer cannot read seed 000 yet: importing %s", json);
      g_assert_true (import_into (window, json));
    }
  plan = convene_window_get_plan (window);
  g_assert_nonnull (plan);
  g_assert_cmpstr (convene_plan_get_title (plan), ==, "Action Plan 2021");
  return convene_entity_get_id (CONVENE_ENTITY (plan));
}

typedef struct {
  GtkWidget *widget;
  int width;
  int height;
} SizeWanted;

static gboolean
has_size (gpointer data)
{
  SizeWanted *want = data;

  return gtk_widget_get_width (want->widget) == want->width &&
         gtk_widget_get_height (want->widget) == want->height;
}

void
convene_ui_test_resize (GtkWindow *window,
                        int        width,
                        int        height)
{
  SizeWanted want = { GTK_WIDGET (window), width, height };

  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, width, height);
  if (!convene_ui_test_wait_for (has_size, &want, 2000))
    {
      /* Some servers only honour a new size on a fresh map. */
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      gtk_window_present (window);
      convene_ui_test_wait_for (has_size, &want, 3000);
    }
  convene_ui_test_wait (300);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits for the next frame GTK draws of @widget (or a second at most). */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  if (clock == NULL)
    {
      convene_ui_test_wait (100);
      return;
    }
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  convene_ui_test_wait_for (is_true, &painted, 1000);
  g_signal_handler_disconnect (clock, handler);
}

/**
 * convene_ui_test_screenshot:
 * @window: what to photograph
 * @name: the file's name, without ".png"
 *
 * Renders @window as GTK draws it into `tests/ui/screenshots/NAME.png` in
 * the build directory.
 *
 * Returns: (transfer full): the file's path
 */
char *
convene_ui_test_screenshot (GtkWidget  *window,
                            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir != NULL ? builddir : ".", "ui", "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  char *path = g_build_filename (dir, file, NULL);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  /* The window must have been drawn since its last change. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      wait_for_paint (window);
      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return path;
}

/* The first widget of @type under @root (depth first) that @match accepts. */
GtkWidget *
convene_ui_test_find (GtkWidget  *root,
                      GType       type,
                      gboolean  (*match) (GtkWidget *widget,
                                          gpointer   data),
                      gpointer    data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = convene_ui_test_find (child, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}
