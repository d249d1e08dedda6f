/* test-ui-screenshots.c: every view at 800×600 and 1400×900 (and the narrow
 * layout), written as PNGs into tests/ui/screenshots/ of the build directory
 * for a person to look at. */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gstdio.h>

#include "ui/calendar/convene-calendar-view.h"
#include "ui/import/convene-import-dialog.h"
#include "ui/session/convene-session-page.h"

static const struct {
  int width;
  int height;
} sizes[] = {
  { 800, 600 },
  { 1400, 900 },
  { 400, 720 },
};

static char *
shot_name (const char *view,
           guint       size)
{
  return g_strdup_printf ("%s-%dx%d", view, sizes[size].width, sizes[size].height);
}

static void
shoot (ConveneWindow *window,
       const char    *view,
       guint          size)
{
  g_autofree char *name = shot_name (view, size);
  g_autofree char *path = convene_ui_test_screenshot (GTK_WIDGET (window), name);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gboolean
is_session_page_part (GtkWidget *widget,
                      gpointer   data)
{
  return gtk_widget_get_ancestor (widget, CONVENE_TYPE_SESSION_PAGE) != NULL &&
         gtk_widget_get_mapped (widget);
}

static gboolean
dialog_read (gpointer data)
{
  return g_strcmp0 (convene_import_dialog_get_state (data), "loading") != 0;
}

/* A work plan laid out unlike the seeds: its preview shows the
 * deliverables with their dues, the dates kept without a time and the
 * section nothing was read from, each warning quoting its line.  Only
 * previewed, so the views keep the seed alone. */
static void
shoot_work_plan_preview (ConveneWindow *window)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "ui", "work-plan-2022.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path,
    "# Work Plan 2022\n"
    "\n"
    "| Due date | Spec. | Description |\n"
    "| --- | --- | --- |\n"
    "| Feb 4, 2022 | All | Document consistency check complete |\n"
    "| Sep 12-16, 2022 (tentative) | All | TPAC 2022 |\n"
    "| after TPAC | All | Charter review |\n"
    "\n"
    "## Management Committee Meetings\n"
    "\n"
    "- **24 October 2022** Meeting 2\n"
    "- **11-12 October 2021** Meeting 1\n"
    "\n"
    "## Sessions\n"
    "\n"
    "Members meet whenever they like, somewhere nice.\n", -1, &error));
  g_assert_no_error (error);
  dialog = g_object_ref (convene_window_import_file (window, file));
  g_assert_true (convene_ui_test_wait_for (dialog_read, dialog, CONVENE_UI_TEST_PATIENCE));
  g_assert_cmpstr (convene_import_dialog_get_state (CONVENE_IMPORT_DIALOG (dialog)), ==, "preview");
  g_assert_cmpuint (convene_import_dialog_get_n_warnings (CONVENE_IMPORT_DIALOG (dialog)), ==, 4);
  for (guint s = 0; s < 2; s++)
    {
      convene_ui_test_resize (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
      shoot (window, "import-warnings", s);
    }
  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_object_unref (dialog);
  convene_ui_test_wait (100);
  g_unlink (path);
}

static void
test_every_view (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  AdwNavigationSplitView *split = ADW_NAVIGATION_SPLIT_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (window), CONVENE_TYPE_WINDOW, "split_view"));
  static const char *sections[] = { "schedule", "calendar", "goals", "people", "resources", "insights" };
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-000-iwg-2021.txt", NULL);
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "ui", "seed-000-iwg-2021.json", NULL);

  /* A new database: the welcome page. */
  for (guint s = 0; s < 2; s++)
    {
      convene_ui_test_resize (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
      shoot (window, "welcome", s);
    }

  /* The import preview, before anything is written. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (seed);
    GtkWidget *dialog = g_object_ref (convene_window_import_file (window, file));

    g_assert_true (convene_ui_test_wait_for (dialog_read, dialog, CONVENE_UI_TEST_PATIENCE));
    if (g_strcmp0 (convene_import_dialog_get_state (CONVENE_IMPORT_DIALOG (dialog)), "preview") != 0)
      {
        g_autoptr(GFile) fallback = g_file_new_for_path (json);

        shoot (window, "import-error", 1);
        adw_dialog_force_close (ADW_DIALOG (dialog));
        g_object_unref (dialog);
        dialog = g_object_ref (convene_window_import_file (window, fallback));
        g_assert_true (convene_ui_test_wait_for (dialog_read, dialog, CONVENE_UI_TEST_PATIENCE));
      }
    for (guint s = 0; s < 2; s++)
      {
        convene_ui_test_resize (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
        shoot (window, "import-preview", s);
      }
    g_assert_true (convene_import_dialog_import (CONVENE_IMPORT_DIALOG (dialog)));
    g_object_unref (dialog);
    convene_ui_test_wait (100);
  }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      convene_ui_test_resize (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          g_test_message ("%s at %d×%d", sections[i], sizes[s].width, sizes[s].height);
          convene_window_show_section (window, sections[i]);
          if (g_str_equal (sections[i], "calendar"))
            convene_calendar_view_show_month (CONVENE_CALENDAR_VIEW (
              convene_window_get_view (window, "calendar")), 2021, 2);
          convene_ui_test_wait (150);
          shoot (window, sections[i], s);
        }

      convene_window_show_section (window, "calendar");
      gtk_widget_activate_action (convene_window_get_view (window, "calendar"), "calendar.mode", "s", "year");
      convene_ui_test_wait (150);
      shoot (window, "calendar-year", s);
      gtk_widget_activate_action (convene_window_get_view (window, "calendar"), "calendar.mode", "s", "month");

      /* The February session's page. */
      {
        g_autoptr(GPtrArray) sessions = convene_store_query (convene_window_get_store (window),
                                                             CONVENE_TYPE_SESSION, NULL, 0, NULL);

        for (guint i = 0; i < sessions->len; i++)
          if (g_strcmp0 (convene_session_get_month (g_ptr_array_index (sessions, i)), "2021-02") == 0)
            convene_window_open_session (window, convene_entity_get_id (g_ptr_array_index (sessions, i)));
        convene_ui_test_wait (150);
        shoot (window, "session", s);

        /* Its end: resources and attendance. */
        {
          GtkWidget *page = convene_ui_test_find (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_PAGE,
                                                  is_session_page_part, NULL);
          GtkWidget *scrolled = convene_ui_test_find (page, GTK_TYPE_SCROLLED_WINDOW, NULL, NULL);
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          convene_ui_test_wait (150);
          shoot (window, "session-end", s);
        }
      }

      /* The plan's details. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-plan", NULL);
      convene_ui_test_wait (150);
      shoot (window, "plan-details", s);
      gtk_widget_activate_action (GTK_WIDGET (window), "editor.cancel", NULL);
      {
        AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
        if (dialog != NULL)
          adw_dialog_force_close (dialog);
      }
      convene_ui_test_wait (100);

      /* Narrow windows show one pane at a time: the sidebar too. */
      if (adw_navigation_split_view_get_collapsed (split))
        {
          adw_navigation_split_view_set_show_content (split, FALSE);
          convene_ui_test_wait (150);
          shoot (window, "sidebar", s);
        }
      convene_window_show_section (window, "schedule");
    }

  /* About, over the window. */
  convene_ui_test_resize (GTK_WINDOW (window), 800, 600);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  convene_ui_test_wait (200);
  shoot (window, "about", 0);

  {
    AdwDialog *about = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

    if (about != NULL)
      adw_dialog_force_close (about);
  }

  /* The keyboard shortcuts, in a window of their own. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  convene_ui_test_wait (300);
  {
    GtkWidget *shortcuts = GTK_WIDGET (
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_widget_get_visible (shortcuts));
    g_free (convene_ui_test_screenshot (shortcuts, "shortcuts"));
    gtk_window_close (GTK_WINDOW (shortcuts));
  }

  shoot_work_plan_preview (window);
  convene_ui_test_finish (app);
  g_unlink (database);
}

int
main (int   argc,
      char *argv[])
{
  convene_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/screenshots/every-view", test_every_view);
  return g_test_run ();
}
