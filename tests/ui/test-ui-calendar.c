/* test-ui-calendar.c: seed 000 on the calendar. */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gstdio.h>

#include "ui/calendar/convene-calendar-view.h"
#include "ui/session/convene-session-page.h"

typedef struct {
  char                *database;
  ConveneApplication  *app;
  ConveneWindow       *window;
  ConveneCalendarView *view;
  gint64               february;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 plan_id;

  f->database = convene_ui_test_temp_db ();
  f->app = convene_ui_test_app_new (f->database);
  f->window = convene_ui_test_window (f->app);
  plan_id = convene_ui_test_import_seed (f->window);
  convene_window_show_section (f->window, "calendar");
  f->view = CONVENE_CALENDAR_VIEW (convene_window_get_view (f->window, "calendar"));
  convene_ui_test_wait (100);

  sessions = convene_store_query (convene_window_get_store (f->window), CONVENE_TYPE_SESSION,
                                  "plan", plan_id, NULL);
  for (guint i = 0; i < sessions->len; i++)
    if (g_strcmp0 (convene_session_get_month (g_ptr_array_index (sessions, i)), "2021-02") == 0)
      f->february = convene_entity_get_id (g_ptr_array_index (sessions, i));
  g_assert_cmpint (f->february, !=, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_ui_test_finish (f->app);
  g_unlink (f->database);
  g_free (f->database);
}

/* The session ids of the chips in a container. */
static GArray *
chip_ids (GtkWidget *container)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *child;

  if (container == NULL)
    return ids;
  for (child = gtk_widget_get_first_child (container); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = GTK_IS_FLOW_BOX_CHILD (child)
        ? gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)) : child;
      GVariant *target;

      if (!GTK_IS_BUTTON (button) || !gtk_widget_has_css_class (button, "session-chip"))
        continue;
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
      g_array_append_val (ids, (gint64) { g_variant_get_int64 (target) });
    }
  return ids;
}

static void
test_february (Fixture       *f,
               gconstpointer  data)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                           CONVENE_TYPE_CALENDAR_VIEW,
                                                                           "window_title"));
  g_autoptr(GArray) on_23 = NULL;
  AdwNavigationPage *page;

  convene_calendar_view_show_month (f->view, 2021, 2);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "February 2021");

  /* The session is on the 23rd, and on no other day. */
  on_23 = chip_ids (convene_calendar_view_get_day_cell (f->view, 23));
  g_assert_cmpuint (on_23->len, ==, 1);
  g_assert_cmpint (g_array_index (on_23, gint64, 0), ==, f->february);
  for (int day = 1; day <= 28; day++)
    if (day != 23)
      {
        g_autoptr(GArray) ids = chip_ids (convene_calendar_view_get_day_cell (f->view, day));
        g_assert_cmpuint (ids->len, ==, 0);
      }
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "calendar-february"));

  /* Clicking it opens it. */
  gtk_widget_activate (gtk_widget_get_last_child (convene_calendar_view_get_day_cell (f->view, 23)));
  /* A button shows itself pressed for a moment before it is clicked. */
  convene_ui_test_wait (400);
  page = adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (f->window), CONVENE_TYPE_WINDOW, "content_nav")));
  g_assert_true (CONVENE_IS_SESSION_PAGE (page));
  g_assert_cmpint (convene_session_page_get_session_id (CONVENE_SESSION_PAGE (page)), ==, f->february);
}

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                           CONVENE_TYPE_CALENDAR_VIEW,
                                                                           "window_title"));
  g_autoptr(GArray) month_only = NULL;
  g_autoptr(GArray) tbc = NULL;

  /* Today (10 February 2021 for the tests), then next and previous. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.today", NULL);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "February 2021");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-month", NULL);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "March 2021");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-month", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-month", NULL);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "January 2021");

  /* July has a month but no day: it sits in the strip above the grid. */
  convene_calendar_view_show_month (f->view, 2021, 7);
  month_only = chip_ids (convene_calendar_view_get_month_strip (f->view));
  g_assert_cmpuint (month_only->len, ==, 1);

  /* The roundtable has neither: it is in the side list. */
  tbc = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (GtkWidget *row = gtk_widget_get_first_child (convene_calendar_view_get_tbc_list (f->view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_array_append_val (tbc, (gint64) { 1 });
  g_assert_cmpuint (tbc->len, ==, 1);

  /* The year overview, like the plan's own table. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.mode", "s", "year");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "2021");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "calendar-year"));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.show-month", "i", 3);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "March 2021");
}

int
main (int   argc,
      char *argv[])
{
  convene_ui_test_init (&argc, &argv);

  g_test_add ("/ui/calendar/february", Fixture, NULL,
              fixture_set_up, test_february, fixture_tear_down);
  g_test_add ("/ui/calendar/navigation", Fixture, NULL,
              fixture_set_up, test_navigation, fixture_tear_down);
  return g_test_run ();
}
