/* test-ui-insights.c: the Insights section with a real window under Xvfb.
 *
 * Seed 000 alone shows the empty state (its people have no zones); after
 * the fixture roster of 22 members and a Zoom report for the March
 * session, the section shows the charts and tables, whose numbers are the
 * attendance rows; a proposed rotation is shown before it is applied,
 * moves the sessions when applied, and one Undo puts every start back.
 * Screenshots in English, or in Spanish when CONVENE_UI_TEST_LANG=es.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "convene-ui-test.h"
#include "i18n/convene-i18n.h"
#include "insights/convene-attendance-import.h"
#include "insights/convene-insights.h"
#include "insights/convene-roster-import.h"
#include "model/convene-session.h"
#include "ui/insights/convene-insights-view.h"
#include "ui/insights/convene-bar-chart.h"
#include "ui/insights/convene-planner-grid.h"

static const char *lang = "en";

static void
shoot (ConveneWindow *window,
       const char    *what)
{
  g_autofree char *name = g_strdup_printf ("%s-insights-%s", lang, what);
  g_autofree char *path = convene_ui_test_screenshot (GTK_WIDGET (window), name);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_test_message ("screenshot: %s", path);
}

static gboolean
label_starts_with (GtkWidget *widget,
                   gpointer   data)
{
  return g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

/* The third bar chart of the section: the government share. */
static gboolean
is_third_chart (GtkWidget *widget,
                gpointer   data)
{
  static int seen;

  return ++seen == 3;
}

/* The table of each region's night sessions: its header's second column. */
static gboolean
is_night_table (GtkWidget *widget,
                gpointer   data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (widget));
  const char *newline = strchr (text, '\n');
  g_autofree char *first = g_strndup (text, newline != NULL ? newline - text : (gssize) strlen (text));

  return g_str_has_prefix (text, _("Region")) && g_str_has_suffix (first, _("Sessions in its night"));
}

static GtkWidget *
find_night_table (GtkWidget *view)
{
  GtkWidget *table = convene_ui_test_find (view, GTK_TYPE_LABEL, is_night_table, NULL);

  g_assert_nonnull (table);
  return table;
}

/* The sum of the last column of a table's rows. */
static int
count_in_table (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  int sum = 0;

  for (guint i = 1; lines[i] != NULL; i++)
    sum += atoi (strrchr (lines[i], '\t') + 1);
  return sum;
}

static void
read_fixture (ConveneWindow *window,
              GtkWidget     *view,
              ConveneStore  *store,
              gint64         march)
{
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "fixtures", "insights", "members.csv", NULL);
  g_autofree char *report = g_test_build_filename (G_TEST_DIST, "fixtures", "insights", "zoom-march.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ConveneRosterResult people;
  ConveneAttendanceResult attendance;
  gsize length;

  g_assert_true (g_file_get_contents (roster, &contents, &length, &error));
  /* the roster through its preview, as from the header's button */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (contents, length);
    AdwDialog *dialog = convene_insights_view_preview_roster (CONVENE_INSIGHTS_VIEW (view), roster, bytes);
    g_autoptr(GPtrArray) before = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, NULL);
    g_autoptr(GPtrArray) after = NULL;
    g_autofree char *expected = g_strdup_printf (ngettext ("%u person will be added", "%u people will be added", 22), 22);

    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), expected));
    convene_ui_test_wait (200);
    shoot (window, "roster-preview");
    {
      /* nothing is written before the preview is answered */
      g_autoptr(GPtrArray) previewed = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, NULL);

      g_assert_cmpuint (previewed->len, ==, before->len);
    }
    g_signal_emit_by_name (dialog, "response", "import");
    adw_dialog_force_close (dialog);
    after = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, NULL);
    g_assert_cmpuint (after->len, ==, before->len + 22);
  }
  (void) people;
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (report, &contents, &length, &error));
  g_assert_true (convene_attendance_import (store, march, report, contents, length, FALSE, &attendance, &error));
  g_assert_cmpuint (attendance.people->len, ==, 5);
  convene_attendance_result_clear (&attendance);
}

/* The starts of the plan's sessions, as text, in id order. */
static char *
starts_of (ConveneStore *store,
           gint64        plan)
{
  g_autoptr(GPtrArray) sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", plan, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sessions->len; i++)
    {
      GDateTime *start = convene_session_get_start (g_ptr_array_index (sessions, i));
      g_autofree char *text = start != NULL ? g_date_time_format_iso8601 (start) : g_strdup ("-");

      g_string_append_printf (out, "%s %s\n", text, convene_session_get_timezone (g_ptr_array_index (sessions, i)));
    }
  return g_string_free (out, FALSE);
}

static gint64
march_session (ConveneStore *store)
{
  g_autoptr(GPtrArray) sessions = convene_store_query (store, CONVENE_TYPE_SESSION, NULL, 0, NULL);

  for (guint i = 0; i < sessions->len; i++)
    if (g_strcmp0 (convene_session_get_month (g_ptr_array_index (sessions, i)), "2021-03") == 0)
      return convene_entity_get_id (g_ptr_array_index (sessions, i));
  g_assert_not_reached ();
}

/* Long because it is one story a coordinator goes through: empty, filled, proposed, applied,
 * undone. */
static void
test_insights (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  ConveneStore *store = convene_window_get_store (window);
  GtkWidget *view;
  GtkStack *stack;
  GtkWidget *table;
  g_autoptr(ConveneInsights) insights = NULL;
  g_autofree char *before = NULL, *applied = NULL, *undone = NULL;
  gint64 plan = convene_ui_test_import_seed (window);
  int sum = 0;

  view = convene_window_get_view (window, "insights");
  g_assert_true (CONVENE_IS_INSIGHTS_VIEW (view));
  stack = GTK_STACK (gtk_widget_get_template_child (view, CONVENE_TYPE_INSIGHTS_VIEW, "stack"));
  convene_ui_test_resize (GTK_WINDOW (window), 1200, 800);
  convene_window_show_section (window, "insights");
  convene_ui_test_wait (150);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  shoot (window, "empty");

  read_fixture (window, view, store, march_session (store));
  convene_ui_test_wait (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");

  /* the sector table's numbers are the attendance rows */
  insights = convene_insights_compute (store, plan, NULL, NULL);
  table = convene_ui_test_find (view, GTK_TYPE_LABEL, label_starts_with, (gpointer) _("Sector"));
  g_assert_nonnull (table);
  {
    g_auto(GStrv) lines = g_strsplit (gtk_label_get_text (GTK_LABEL (table)), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 8);
    for (guint i = 1; lines[i] != NULL; i++)
      sum += atoi (strrchr (lines[i], '\t') + 1);
  }
  g_assert_cmpint (sum, ==, 5);
  g_assert_cmpint (sum, ==, insights->attendance_rows);
  shoot (window, "charts");

  /* the night is a setting: an empty night leaves no region a night session */
  {
    GSettings *settings = convene_application_get_settings (app);
    GtkWidget *nights;
    g_autofree char *before_nights = NULL;

    g_assert_nonnull (settings);
    nights = find_night_table (view);
    before_nights = g_strdup (gtk_label_get_text (GTK_LABEL (nights)));
    g_assert_true (count_in_table (before_nights) > 0);
    g_settings_set_int (settings, "insights-night-start", 0);
    g_settings_set_int (settings, "insights-night-end", 1);
    convene_ui_test_wait (200);
    g_assert_cmpint (count_in_table (gtk_label_get_text (GTK_LABEL (find_night_table (view)))), ==, 0);
    g_settings_reset (settings, "insights-night-start");
    g_settings_reset (settings, "insights-night-end");
    convene_ui_test_wait (200);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_night_table (view))), ==, before_nights);
  }

  /* the planner, then the rotation proposed, scrolled into sight */
  g_assert_true (convene_insights_view_propose (CONVENE_INSIGHTS_VIEW (view), 2));
  {
    GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (view, CONVENE_TYPE_INSIGHTS_VIEW, "content_box"));
    GtkWidget *grid = convene_ui_test_find (view, CONVENE_TYPE_PLANNER_GRID, NULL, NULL);
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (box, GTK_TYPE_SCROLLED_WINDOW)));
    graphene_point_t at;

    g_assert_nonnull (grid);
    g_assert_true (gtk_widget_compute_point (grid, box, &GRAPHENE_POINT_INIT (0, 0), &at));
    {
      /* the government share and each region's nights, the charts below the first two */
      GtkWidget *chart = convene_ui_test_find (view, CONVENE_TYPE_BAR_CHART, is_third_chart, NULL);
      graphene_point_t chart_at;
      g_assert_nonnull (chart);
      g_assert_true (gtk_widget_compute_point (chart, box, &GRAPHENE_POINT_INIT (0, 0), &chart_at));
      gtk_adjustment_set_value (v, chart_at.y - 60);
      convene_ui_test_wait (150);
      shoot (window, "government-nights");
    }
    gtk_adjustment_set_value (v, at.y - 90);
    /* 11:30 UTC on the first session’s date, picked as the keyboard would */
    convene_planner_grid_select (CONVENE_PLANNER_GRID (grid), 23);
    gtk_widget_grab_focus (grid);
    convene_ui_test_wait (100);
    shoot (window, "planner");
    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    convene_ui_test_wait (200);
    shoot (window, "rotation");
  }

  before = starts_of (store, plan);
  g_assert_true (convene_insights_view_apply (CONVENE_INSIGHTS_VIEW (view)));
  convene_ui_test_wait (200);
  applied = starts_of (store, plan);
  g_assert_cmpstr (applied, !=, before);
  g_assert_true (convene_insights_view_undo (CONVENE_INSIGHTS_VIEW (view)));
  convene_ui_test_wait (200);
  undone = starts_of (store, plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (convene_insights_view_undo (CONVENE_INSIGHTS_VIEW (view)));

  /* a new session at the picked start: 11:30 UTC on 23 February 2021 */
  {
    GtkWidget *grid = convene_ui_test_find (view, CONVENE_TYPE_PLANNER_GRID, NULL, NULL);
    g_autoptr(GPtrArray) sessions = NULL;
    g_autoptr(GDateTime) want = g_date_time_new_utc (2021, 2, 23, 11, 30, 0);
    gboolean found = FALSE;

    convene_window_show_section (window, "insights");
    convene_ui_test_wait (100);
    convene_planner_grid_select (CONVENE_PLANNER_GRID (grid), 23);
    g_assert_true (convene_insights_view_create_session (CONVENE_INSIGHTS_VIEW (view)));
    sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", plan, NULL);
    for (guint i = 0; i < sessions->len; i++)
      {
        GDateTime *start = convene_session_get_start (g_ptr_array_index (sessions, i));

        found |= start != NULL && g_date_time_equal (start, want) &&
                 g_strcmp0 (convene_session_get_month (g_ptr_array_index (sessions, i)), "2021-02") == 0;
      }
    g_assert_true (found);
  }

  convene_ui_test_finish (app);
  g_unlink (database);
}

int
main (int   argc,
      char *argv[])
{
  if (g_strcmp0 (g_getenv ("CONVENE_UI_TEST_LANG"), "es") == 0)
    {
      lang = "es";
      g_setenv ("LANGUAGE", "es", TRUE);
      g_setenv ("LANG", "es_ES.UTF-8", TRUE);
      g_unsetenv ("LC_ALL");
      g_unsetenv ("LC_MESSAGES");
    }
  convene_ui_test_init (&argc, &argv);
  if (g_str_equal (lang, "es"))
    {
      g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
        return 77;
      g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
    }
  else
    {
      g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      /* the Spanish sector labels of the roster are read from the catalogue */
      g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
    }
  convene_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  g_test_add_func ("/ui/insights/charts-ledger-planner-rotation", test_insights);
  return g_test_run ();
}
