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
#include "ui/insights/convene-participants-dialog.h"
#include "model/convene-person.h"

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

/* Runs the main loop until the view shows the last change: under the
 * sanitizers a reload can wait behind several slow frames. */
static gboolean
reload_done (gpointer view)
{
  return !convene_insights_view_is_reload_pending (CONVENE_INSIGHTS_VIEW (view));
}

static void
settle (GtkWidget *view)
{
  convene_ui_test_wait (50);
  g_assert_true (convene_ui_test_wait_for (reload_done, view, CONVENE_UI_TEST_PATIENCE));
  convene_ui_test_wait (100);
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
  settle (view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  shoot (window, "empty");

  read_fixture (window, view, store, march_session (store));
  settle (view);
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
    settle (view);
    g_assert_cmpint (count_in_table (gtk_label_get_text (GTK_LABEL (find_night_table (view)))), ==, 0);
    g_settings_reset (settings, "insights-night-start");
    g_settings_reset (settings, "insights-night-end");
    settle (view);
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
  settle (view);
  applied = starts_of (store, plan);
  g_assert_cmpstr (applied, !=, before);
  g_assert_true (convene_insights_view_undo (CONVENE_INSIGHTS_VIEW (view)));
  settle (view);
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
    settle (view);
    grid = convene_ui_test_find (view, CONVENE_TYPE_PLANNER_GRID, NULL, NULL);
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

/* The first of a kind: the session chooser is a dialog's only menu button. */
static gboolean
is_any (GtkWidget *widget,
        gpointer   data)
{
  return TRUE;
}

static gboolean
button_has_label (GtkWidget *widget,
                  gpointer   data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* Who attended @session, as ids. */
static GArray *
attendance_of (ConveneStore *store,
               gint64        session)
{
  GArray *people = convene_store_get_attendance (store, session, NULL);

  g_assert_nonnull (people);
  return people;
}

static ConvenePerson *
person_named (ConveneStore *store,
              const char   *name)
{
  g_autoptr(GPtrArray) people = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, NULL);

  for (guint i = 0; i < people->len; i++)
    if (g_strcmp0 (convene_person_get_name (g_ptr_array_index (people, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (people, i));
  return NULL;
}

/* A Zoom report through the window's preview: the matched people and the
 * stranger shown, nothing written until Record; the stranger added with
 * the sector and region picked, and marked with the others, at once. */
/* Long because it is one story: the report read, looked at, answered and checked. */
static void
test_participants (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  ConveneStore *store = convene_window_get_store (window);
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "fixtures", "insights", "members.csv", NULL);
  g_autofree char *report = g_test_build_filename (G_TEST_DIST, "fixtures", "insights", "zoom-march.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ConveneInsights) insights = NULL;
  g_autoptr(GArray) attended = NULL;
  g_autoptr(ConvenePerson) fatima = NULL;
  g_autoptr(GPtrArray) people_before = NULL;
  g_autoptr(GPtrArray) people_after = NULL;
  ConveneRosterResult added;
  GtkWidget *view, *chooser;
  AdwDialog *dialog;
  gint64 plan = convene_ui_test_import_seed (window);
  gint64 march = march_session (store);
  gsize length;
  guint march_index = G_MAXUINT;

  g_assert_true (g_file_get_contents (roster, &contents, &length, &error));
  g_assert_true (convene_roster_import (store, roster, contents, length, FALSE, &added, &error));
  convene_roster_result_clear (&added);
  g_clear_pointer (&contents, g_free);
  view = convene_window_get_view (window, "insights");
  convene_ui_test_resize (GTK_WINDOW (window), 1200, 800);
  convene_window_show_section (window, "insights");
  convene_ui_test_wait (200);

  g_assert_true (g_file_get_contents (report, &contents, &length, &error));
  bytes = g_bytes_new (contents, length);
  people_before = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, NULL);
  dialog = convene_insights_view_preview_participants (CONVENE_INSIGHTS_VIEW (view), 0, report, bytes);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpuint (convene_participants_dialog_get_n_unmatched (dialog), ==, 1);
  /* the session chooser lists the plan's counted sessions: pick March's */
  insights = convene_insights_compute (store, plan, NULL, NULL);
  for (guint i = 0; i < insights->starts->len; i++)
    if (g_array_index (insights->starts, ConveneInsightsStart, i).session == march)
      march_index = i;
  g_assert_cmpuint (march_index, !=, G_MAXUINT);
  g_assert_cmpuint (convene_participants_dialog_get_n_sessions (dialog), ==, insights->starts->len);
  convene_participants_dialog_select_session (dialog, march_index);
  chooser = convene_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_MENU_BUTTON, is_any, NULL);
  g_assert_nonnull (chooser);
  /* the button names the session chosen, by its topic */
  {
    g_autoptr(ConveneSession) session = convene_store_load (store, CONVENE_TYPE_SESSION, march, NULL);

    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (chooser), convene_session_get_topic (session)));
  }
  convene_participants_dialog_set_addition (dialog, 0, TRUE, CONVENE_SECTOR_CIVIL_SOCIETY, "Africa");
  convene_ui_test_wait (250);
  shoot (window, "participants-preview");
  attended = attendance_of (store, march);
  g_assert_cmpuint (attended->len, ==, 0);
  g_clear_pointer (&attended, g_array_unref);

  g_assert_true (convene_participants_dialog_import (dialog, &error));
  g_assert_no_error (error);
  adw_dialog_force_close (dialog);
  convene_ui_test_wait (100);
  attended = attendance_of (store, march);
  /* Paul, María (twice), Wanjiru, Émilie, Aroha (twice) and the stranger */
  g_assert_cmpuint (attended->len, ==, 6);
  fatima = person_named (store, "Fatima Diallo");
  g_assert_nonnull (fatima);
  g_assert_cmpint (convene_person_get_sector (fatima), ==, CONVENE_SECTOR_CIVIL_SOCIETY);
  g_assert_cmpstr (convene_person_get_region (fatima), ==, "Africa");
  g_assert_cmpstr (convene_person_get_email (fatima), ==, "fatima@example.net");
  people_after = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, NULL);
  g_assert_cmpuint (people_after->len, ==, people_before->len + 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < attended->len; i++)
      found |= g_array_index (attended, gint64, i) == convene_entity_get_id (CONVENE_ENTITY (fatima));
    g_assert_true (found);
  }
  /* a report that is not one changes nothing and says why */
  {
    g_autoptr(GBytes) bad = g_bytes_new_static ("when,minutes\n10:00,5\n", 21);

    dialog = convene_insights_view_preview_participants (CONVENE_INSIGHTS_VIEW (view), march, "bad.csv", bad);
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "participant"));
    convene_ui_test_wait (150);
    shoot (window, "participants-bad");
    adw_dialog_force_close (dialog);
  }

  convene_ui_test_finish (app);
  g_unlink (database);
}

/* The planner opened from a session's page moves that session to the
 * start picked; the toast's Undo puts it back. */
static void
test_planner_move (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  ConveneStore *store = convene_window_get_store (window);
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "fixtures", "insights", "members.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSession) before = NULL;
  g_autoptr(ConveneSession) moved = NULL;
  g_autoptr(ConveneSession) back = NULL;
  g_autoptr(GDateTime) want = g_date_time_new_utc (2021, 3, 30, 11, 30, 0);
  ConveneRosterResult added;
  GtkWidget *view, *grid;
  gint64 march;
  gsize length;

  convene_ui_test_import_seed (window);
  march = march_session (store);
  g_assert_true (g_file_get_contents (roster, &contents, &length, &error));
  g_assert_true (convene_roster_import (store, roster, contents, length, FALSE, &added, &error));
  convene_roster_result_clear (&added);
  convene_ui_test_resize (GTK_WINDOW (window), 1200, 800);
  convene_ui_test_wait (200);
  before = convene_store_load (store, CONVENE_TYPE_SESSION, march, NULL);

  /* from the session's page, as its menu does */
  g_assert_nonnull (convene_window_open_session (window, march));
  convene_ui_test_wait (150);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-time", NULL));
  convene_ui_test_wait (200);
  g_assert_cmpstr (convene_window_get_section (window), ==, "insights");
  view = convene_window_get_view (window, "insights");
  grid = convene_ui_test_find (view, CONVENE_TYPE_PLANNER_GRID, NULL, NULL);
  g_assert_nonnull (grid);
  /* the planner is on the session's own date */
  g_assert_cmpint (convene_planner_grid_get_day (CONVENE_PLANNER_GRID (grid)), ==,
                   g_date_time_to_unix (want) - (11 * 3600 + 1800));
  label = g_strdup_printf (_("_Move “%s” to This Start"), convene_session_get_topic (before));
  /* its button says which session it moves */
  g_assert_nonnull (convene_ui_test_find (view, GTK_TYPE_BUTTON, button_has_label, label));
  convene_planner_grid_select (CONVENE_PLANNER_GRID (grid), 23);
  {
    GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (view, CONVENE_TYPE_INSIGHTS_VIEW, "content_box"));
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (box, GTK_TYPE_SCROLLED_WINDOW)));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (grid, box, &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (v, at.y - 90);
    convene_ui_test_wait (150);
    shoot (window, "planner-move");
  }
  g_assert_true (convene_insights_view_move_session (CONVENE_INSIGHTS_VIEW (view)));
  moved = convene_store_load (store, CONVENE_TYPE_SESSION, march, NULL);
  g_assert_true (g_date_time_equal (convene_session_get_start (moved), want));
  g_assert_cmpstr (convene_session_get_timezone (moved), ==, convene_session_get_timezone (before));
  /* moved once: the button makes new sessions again */
  g_assert_false (convene_insights_view_move_session (CONVENE_INSIGHTS_VIEW (view)));
  g_assert_true (convene_insights_view_undo (CONVENE_INSIGHTS_VIEW (view)));
  back = convene_store_load (store, CONVENE_TYPE_SESSION, march, NULL);
  g_assert_true (g_date_time_equal (convene_session_get_start (back), convene_session_get_start (before)));
  g_assert_cmpstr (convene_session_get_month (back), ==, convene_session_get_month (before));

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
  g_test_add_func ("/ui/insights/participant-report", test_participants);
  g_test_add_func ("/ui/insights/planner-moves-a-session", test_planner_move);
  return g_test_run ();
}
