/* test-ui-schedule.c: the Schedule of seed 000, as a member sees it. */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ui/schedule/convene-schedule-view.h"
#include "ui/schedule/convene-session-row.h"
#include "model/convene-values.h"

typedef struct {
  char               *database;
  ConveneApplication *app;
  ConveneWindow      *window;
  ConveneScheduleView *view;
  GListModel         *model;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->database = convene_ui_test_temp_db ();
  f->app = convene_ui_test_app_new (f->database);
  f->window = convene_ui_test_window (f->app);
  convene_ui_test_import_seed (f->window);
  f->view = CONVENE_SCHEDULE_VIEW (convene_window_get_view (f->window, "schedule"));
  f->model = convene_schedule_view_get_model (f->view);
  g_assert_nonnull (f->model);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_ui_test_finish (f->app);
  g_unlink (f->database);
  g_free (f->database);
}

static ConveneSession *
find_session (GListModel *model,
              const char *topic_start)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (model, i);

      if (g_str_has_prefix (convene_session_get_topic (session), topic_start))
        return session;
    }
  return NULL;
}

static char **
badges_of (ConveneSession *session,
           ConvenePlan    *plan)
{
  GtkWidget *row = g_object_ref_sink (convene_session_row_new ());
  char **badges;

  convene_session_row_bind (CONVENE_SESSION_ROW (row), session, plan);
  badges = convene_session_row_dup_badges (CONVENE_SESSION_ROW (row));
  g_object_unref (row);
  return badges;
}

static void
test_grouped_by_month (Fixture       *f,
                       gconstpointer  data)
{
  ConvenePlan *plan = convene_window_get_plan (f->window);
  static const char *months[] = {
    "2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06",
    "2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12", NULL,
  };
  guint position = 0, section = 0;

  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, 13);
  g_assert_true (GTK_IS_SECTION_MODEL (f->model));

  /* One section a month, January to December, then the ones to be confirmed. */
  while (position < 13)
    {
      guint start, end;
      g_autoptr(ConveneSession) first = NULL;

      gtk_section_model_get_section (GTK_SECTION_MODEL (f->model), position, &start, &end);
      g_assert_cmpuint (start, ==, position);
      g_assert_cmpuint (section, <, G_N_ELEMENTS (months));
      for (guint i = start; i < end; i++)
        {
          g_autoptr(ConveneSession) session = g_list_model_get_item (f->model, i);
          g_assert_cmpstr (convene_session_get_month (session), ==, months[section]);
        }
      position = end;
      section++;
    }
  g_assert_cmpuint (section, ==, 13);

  /* The right badges. */
  {
    struct { const char *topic; const char *badge; } expected[] = {
      { "Sharing draft action plan", "No meeting" },
      { "IWG Summer break", "No meeting" },
      { "End of year survey", "No meeting" },
      { "Chief Data Officers roundtable", "TBC" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        ConveneSession *session = find_session (f->model, expected[i].topic);
        g_auto(GStrv) badges = NULL;

        g_assert_nonnull (session);
        badges = badges_of (session, plan);
        g_assert_true (g_strv_contains ((const char * const *) badges, expected[i].badge));
      }
    for (guint i = 0; i < 13; i++)
      {
        g_autoptr(ConveneSession) session = g_list_model_get_item (f->model, i);
        g_auto(GStrv) badges = badges_of (session, plan);
        gboolean no_meeting = convene_session_get_status (session) == CONVENE_SESSION_STATUS_NO_MEETING;
        gboolean tbc = convene_session_get_month (session) == NULL;

        g_assert_cmpint (g_strv_contains ((const char * const *) badges, "No meeting"), ==, no_meeting);
        g_assert_cmpint (g_strv_contains ((const char * const *) badges, "TBC"), ==, tbc);
      }
  }
}

static gboolean
is_february_row (GtkWidget *widget,
                 gpointer   data)
{
  ConveneSession *session = convene_session_row_get_session (CONVENE_SESSION_ROW (widget));

  return session != NULL && g_strcmp0 (convene_session_get_month (session), "2021-02") == 0;
}

static void
test_february_times (Fixture       *f,
                     gconstpointer  data)
{
  ConveneSession *february = find_session (f->model, "Present the Policy+ Initiative");
  GtkWidget *row;
  const char *times;

  g_assert_nonnull (february);
  g_assert_nonnull (convene_session_get_start (february));

  /* The row on screen: 19:00 in London, and the user's own time (TZ). */
  row = convene_ui_test_find (GTK_WIDGET (f->view), CONVENE_TYPE_SESSION_ROW, is_february_row, NULL);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  times = convene_session_row_get_times (CONVENE_SESSION_ROW (row));
  g_test_message ("February: %s", times);
  g_assert_true (g_str_has_prefix (times, "19:00 London"));
  g_assert_nonnull (strstr (times, "13:00 Mexico City"));

  /* What's next, on 10 February 2021: the February session. */
  g_assert_cmpint (convene_schedule_view_get_next_id (f->view), ==,
                   convene_entity_get_id (CONVENE_ENTITY (february)));
}

typedef struct {
  GListModel *model;
  guint       n;
} CountWanted;

static gboolean
has_count (gpointer data)
{
  CountWanted *want = data;

  return g_list_model_get_n_items (want->model) == want->n;
}

static guint
count_led_by (GListModel *model,
              const char *lead)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (model, i);
      n += g_strcmp0 (convene_session_get_lead (session), lead) == 0;
    }
  return n;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                    CONVENE_TYPE_SCHEDULE_VIEW,
                                                                    "search_entry"));
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                              CONVENE_TYPE_SCHEDULE_VIEW,
                                                              "content_stack"));
  guint by_paul = count_led_by (f->model, "Paul");
  CountWanted want = { f->model, 1 };
  g_autoptr(ConveneSession) found = NULL;

  g_assert_cmpuint (by_paul, >=, 3);

  /* Ctrl+F opens the search; typing filters as the user types. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (
    GTK_SEARCH_BAR (gtk_widget_get_template_child (GTK_WIDGET (f->view), CONVENE_TYPE_SCHEDULE_VIEW,
                                                   "search_bar"))));
  gtk_editable_set_text (entry, "climate");
  g_assert_true (convene_ui_test_wait_for (has_count, &want, CONVENE_UI_TEST_PATIENCE));
  found = g_list_model_get_item (f->model, 0);
  g_assert_true (g_str_has_prefix (convene_session_get_topic (found), "Climate Justice Data"));
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "schedule-search"));

  /* Leads count too. */
  want.n = by_paul;
  gtk_editable_set_text (entry, "paul");
  g_assert_true (convene_ui_test_wait_for (has_count, &want, CONVENE_UI_TEST_PATIENCE));

  /* Nothing matches: the empty state says so. */
  want.n = 0;
  gtk_editable_set_text (entry, "zzzz");
  g_assert_true (convene_ui_test_wait_for (has_count, &want, CONVENE_UI_TEST_PATIENCE));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");

  /* Clearing brings every session back. */
  want.n = 13;
  gtk_widget_activate_action (GTK_WIDGET (f->view), "schedule.clear-filters", NULL);
  g_assert_true (convene_ui_test_wait_for (has_count, &want, CONVENE_UI_TEST_PATIENCE));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

static void
test_status_filter (Fixture       *f,
                    gconstpointer  data)
{
  GtkDropDown *status = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                      CONVENE_TYPE_SCHEDULE_VIEW,
                                                                      "status_dropdown"));
  guint no_meeting = 0;
  CountWanted want = { f->model, 0 };

  for (guint i = 0; i < g_list_model_get_n_items (f->model); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (f->model, i);
      no_meeting += convene_session_get_status (session) == CONVENE_SESSION_STATUS_NO_MEETING;
    }
  g_assert_cmpuint (no_meeting, ==, 3);

  /* "Any status" comes first, then the statuses in their order. */
  want.n = no_meeting;
  gtk_drop_down_set_selected (status, 1 + CONVENE_SESSION_STATUS_NO_MEETING);
  g_assert_true (convene_ui_test_wait_for (has_count, &want, CONVENE_UI_TEST_PATIENCE));
  want.n = 13;
  gtk_drop_down_set_selected (status, 0);
  g_assert_true (convene_ui_test_wait_for (has_count, &want, CONVENE_UI_TEST_PATIENCE));
}

int
main (int   argc,
      char *argv[])
{
  convene_ui_test_init (&argc, &argv);

  g_test_add ("/ui/schedule/grouped-by-month", Fixture, NULL,
              fixture_set_up, test_grouped_by_month, fixture_tear_down);
  g_test_add ("/ui/schedule/february-times", Fixture, NULL,
              fixture_set_up, test_february_times, fixture_tear_down);
  g_test_add ("/ui/schedule/search", Fixture, NULL,
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/ui/schedule/status-filter", Fixture, NULL,
              fixture_set_up, test_status_filter, fixture_tear_down);
  return g_test_run ();
}
