/* test-ui-schedule.c: the Schedule of seed 000, as a member sees it. */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/schedule/convene-schedule-model.h"
#include "ui/schedule/convene-schedule-view.h"
#include "model/convene-plan.h"
#include "ui/schedule/convene-session-row.h"
#include "ui/convene-occurrence-list.h"
#include "model/convene-values.h"
#include "time/convene-zone.h"

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

  /* On screen, each month is a header row of its own, above its sessions,
   * with how many it has. */
  {
    ConveneScheduleModel *model = CONVENE_SCHEDULE_MODEL (f->model);
    GListModel *rows = convene_schedule_model_get_rows (model);
    guint row = 0;

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 13 + 13);
    for (guint i = 0; i < 13; i++)
      {
        g_autoptr(ConveneScheduleMonth) header = g_list_model_get_item (rows, row);
        g_autoptr(ConveneSession) session = g_list_model_get_item (rows, row + 1);
        g_autoptr(ConveneSession) same = g_list_model_get_item (f->model, i);

        g_assert_true (CONVENE_IS_SCHEDULE_MONTH (header));
        g_assert_cmpstr (convene_schedule_month_get_month (header), ==, months[i]);
        g_assert_cmpuint (convene_schedule_month_get_n_items (header), ==, 1);
        g_assert_true (session == same);
        g_assert_cmpuint (convene_schedule_model_row_of (model, i), ==, row + 1);
        g_assert_cmpuint (convene_schedule_model_find_month (model, row + 1, 0), ==, row);
        if (i > 0)
          g_assert_cmpuint (convene_schedule_model_find_month (model, row, -1), ==, row - 2);
        row += 2;
      }
    g_assert_cmpuint (convene_schedule_model_find_month (model, 0, -1), ==, GTK_INVALID_LIST_POSITION);
    g_assert_cmpuint (convene_schedule_model_find_month (model, row - 1, 1), ==, GTK_INVALID_LIST_POSITION);
  }

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

static gboolean
is_mapped_february_row (GtkWidget *widget,
                        gpointer   data)
{
  return gtk_widget_get_mapped (widget) && is_february_row (widget, data);
}

static gboolean
shows_february (gpointer view)
{
  return convene_ui_test_find (view, CONVENE_TYPE_SESSION_ROW, is_mapped_february_row, NULL) != NULL;
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

  /* The row on screen, once the view has scrolled to what's next: 19:00 in
   * London, and the user's own time (TZ). */
  g_assert_true (convene_ui_test_wait_for (shows_february, f->view, CONVENE_UI_TEST_PATIENCE));
  row = convene_ui_test_find (GTK_WIDGET (f->view), CONVENE_TYPE_SESSION_ROW, is_mapped_february_row, NULL);
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

/* A plan of many sessions: 1,500 more in the seed's plan, a month apart in
 * turn over its year, and a weekly call at 19:00 London from 5 January with
 * no end.  The schedule lists every one, a series once a meeting. */
#define N_BULK 1500

static gint64
add_bulk (Fixture *f)
{
  ConveneStore *store = convene_window_get_store (f->window);
  gint64 plan = convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (f->window)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) london = convene_timezone_new ("Europe/London");
  g_autoptr(GDateTime) first = g_date_time_new (london, 2021, 1, 5, 19, 0, 0);
  g_autoptr(ConveneSession) series = convene_session_new ();

  g_assert_true (convene_store_begin (store, &error));
  for (guint i = 0; i < N_BULK; i++)
    {
      g_autoptr(ConveneSession) session = convene_session_new ();
      g_autofree char *topic = g_strdup_printf ("Bulk session %u", i);
      g_autoptr(GDateTime) when = g_date_time_new_utc (2021, 1 + i % 12, 1 + i % 28, 9 + i % 8, 0, 0);

      convene_session_set_plan (session, plan);
      convene_session_set_topic (session, topic);
      convene_session_set_start (session, when);
      convene_session_set_timezone (session, "UTC");
      g_assert_true (convene_store_add (store, CONVENE_ENTITY (session), &error));
    }
  convene_session_set_plan (series, plan);
  convene_session_set_topic (series, "Weekly bulk call");
  convene_session_set_start (series, first);
  convene_session_set_timezone (series, "Europe/London");
  convene_session_set_recurrence (series, "FREQ=WEEKLY");
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (series), &error));
  g_assert_true (convene_store_commit (store, &error));
  g_assert_no_error (error);
  return convene_entity_get_id (CONVENE_ENTITY (series));
}

/* The weekly call's meetings in 2021, counted on London's wall clock. */
static guint
weekly_meetings_in_2021 (void)
{
  g_autoptr(GTimeZone) london = convene_timezone_new ("Europe/London");
  guint n = 0;

  for (int day = 0;; day += 7)
    {
      g_autoptr(GDateTime) start = g_date_time_new (london, 2021, 1, 5, 19, 0, 0);
      g_autoptr(GDateTime) meeting = g_date_time_add_days (start, day);

      if (g_date_time_get_year (meeting) != 2021)
        return n;
      n++;
    }
}

static gboolean
is_first_bulk_label (GtkWidget *widget,
                     gpointer   data)
{
  return gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "Bulk session 0") == 0;
}

static gboolean
shows_first_bulk (gpointer view)
{
  return convene_ui_test_find (view, GTK_TYPE_LABEL, is_first_bulk_label, NULL) != NULL;
}

static guint
month_of (ConveneSession *session)
{
  const char *month = convene_session_get_month (session);

  return month != NULL ? (guint) (atoi (month) * 12 + atoi (month + 5)) : G_MAXUINT;
}

static void
test_many_sessions (Fixture       *f,
                    gconstpointer  data)
{
  gint64 series = add_bulk (f);
  guint weekly = weekly_meetings_in_2021 ();
  guint n = g_list_model_get_n_items (f->model);
  g_autoptr(GTimeZone) london = convene_timezone_new ("Europe/London");
  g_autoptr(ConveneSession) previous = NULL;
  guint meetings = 0;

  /* The rows are on screen once the change is painted, not only in the model. */
  g_assert_true (convene_ui_test_wait_for (shows_first_bulk, f->view, CONVENE_UI_TEST_PATIENCE));
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "schedule-many"));

  /* Every session, and every meeting of the series. */
  g_assert_cmpuint (weekly, ==, 52);
  g_assert_cmpuint (n, ==, 13 + N_BULK + weekly);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) item = g_list_model_get_item (f->model, i);
      guint start = 0, end = 0;

      /* In list order, and each month its own section. */
      if (previous != NULL)
        g_assert_cmpint (month_of (previous), <=, month_of (item));
      gtk_section_model_get_section (GTK_SECTION_MODEL (f->model), i, &start, &end);
      g_assert_cmpuint (start, <=, i);
      g_assert_cmpuint (i, <, end);
      if (start == i)
        {
          /* The month's header row is just above its first session. */
          g_autoptr(ConveneScheduleMonth) header =
            g_list_model_get_item (convene_schedule_model_get_rows (CONVENE_SCHEDULE_MODEL (f->model)),
                                   convene_schedule_model_row_of (CONVENE_SCHEDULE_MODEL (f->model), i) - 1);

          g_assert_true (CONVENE_IS_SCHEDULE_MONTH (header));
          g_assert_cmpuint (convene_schedule_month_get_n_items (header), ==, end - start);
        }
      if (start == i && i > 0)
        g_assert_cmpint (month_of (previous), <, month_of (item));
      else if (i > 0)
        g_assert_cmpint (month_of (previous), ==, month_of (item));

      if (convene_entity_get_id (CONVENE_ENTITY (item)) == series)
        {
          g_autoptr(GDateTime) there = g_date_time_to_timezone (convene_session_get_start (item), london);

          /* At 19:00 London across both changes of the clocks. */
          g_assert_true (convene_occurrence_is_occurrence (item));
          g_assert_cmpint (g_date_time_get_hour (there), ==, 19);
          g_assert_cmpint (g_date_time_get_day_of_week (there), ==, 2);
          meetings++;
        }
      g_set_object (&previous, item);
    }
  g_assert_cmpuint (meetings, ==, weekly);
}

static guint
position_of_topic (GListModel *model,
                   const char *topic)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ConveneSession) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (convene_session_get_topic (item), topic) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* A change to one session changes its row; the rows elsewhere keep their
 * objects, so the list does not jump; a search finds what it names. */
static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  ConveneStore *store = convene_window_get_store (f->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSession) first = NULL;
  g_autoptr(ConveneSession) again = NULL;
  g_autoptr(ConveneSession) edited = NULL;
  g_autoptr(ConveneSession) stored = NULL;
  guint n, at;
  CountWanted want = { f->model, 0 };

  add_bulk (f);
  n = g_list_model_get_n_items (f->model);
  first = g_list_model_get_item (f->model, 0);
  at = position_of_topic (f->model, "Bulk session 700");
  g_assert_cmpuint (at, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (at, >, 0);

  {
    g_autoptr(ConveneSession) item = g_list_model_get_item (f->model, at);

    stored = convene_store_load (store, CONVENE_TYPE_SESSION,
                                 convene_entity_get_id (CONVENE_ENTITY (item)), &error);
    g_assert_no_error (error);
  }
  convene_session_set_topic (stored, "Bulk session 700, renamed");
  g_assert_true (convene_store_update (store, CONVENE_ENTITY (stored), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, n);
  edited = g_list_model_get_item (f->model, at);
  g_assert_cmpstr (convene_session_get_topic (edited), ==, "Bulk session 700, renamed");
  again = g_list_model_get_item (f->model, 0);
  g_assert_true (again == first);

  /* Removed, it leaves; the others stay. */
  g_assert_true (convene_store_remove (store, CONVENE_ENTITY (stored), &error));
  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, n - 1);
  g_assert_cmpuint (position_of_topic (f->model, "Bulk session 700, renamed"), ==,
                    GTK_INVALID_LIST_POSITION);

  /* "bulk 7" is every word starting so: 7, 70 to 79 and 700 to 799, less
   * the one removed, and the weekly call does not have a 7. */
  want.n = 1 + 10 + 100 - 1;
  convene_schedule_view_set_search (f->view, "bulk 7");
  g_assert_true (convene_ui_test_wait_for (has_count, &want, CONVENE_UI_TEST_PATIENCE));
  for (guint i = 0; i < want.n; i++)
    {
      g_autoptr(ConveneSession) item = g_list_model_get_item (f->model, i);

      g_assert_true (g_str_has_prefix (convene_session_get_topic (item), "Bulk session 7"));
    }
  convene_schedule_view_set_search (f->view, NULL);
  want.n = n - 1;
  g_assert_true (convene_ui_test_wait_for (has_count, &want, CONVENE_UI_TEST_PATIENCE));
}

typedef struct {
  GtkWidget  *view;
  const char *topic;
} TopicOnTop;

static gboolean
is_topic_label (GtkWidget *widget,
                gpointer   data)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Whether the row of @topic is on screen, within a row's height of the
 * list's top, the list scrolled down to it. */
static gboolean
topic_on_top (gpointer data)
{
  TopicOnTop *want = data;
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (want->view),
                                                               CONVENE_TYPE_SCHEDULE_VIEW, "rows_view"));
  GtkWidget *label = convene_ui_test_find (list, GTK_TYPE_LABEL, is_topic_label, (gpointer) want->topic);
  graphene_point_t at;

  /* and the scroll bar says so: GTK 4.18 could place the rows while
   * leaving the list scrolled to its top, where nothing was drawn. */
  return label != NULL &&
         gtk_widget_compute_point (label, list, &GRAPHENE_POINT_INIT (0, 0), &at) &&
         at.y >= 0 && at.y < 120 &&
         gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list))) > 0;
}

/* Started on a plan of 2,000 sessions, 47 minutes apart from 5 January,
 * the window opens on what's next (10 February, about 1,100 rows down),
 * with its rows on screen: before, the list stayed empty until scrolled. */
static void
test_opens_on_next (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) base = g_date_time_new_utc (2021, 1, 5, 14, 0, 0);
  TopicOnTop want = { NULL, NULL };
  ConveneApplication *app;
  GtkWindow *window;
  ConveneScheduleView *view;
  ConveneSession *next;

  {
    g_autoptr(ConveneStore) store = convene_store_new (database, &error);
    g_autoptr(ConvenePlan) plan = convene_plan_new ();

    g_assert_no_error (error);
    convene_plan_set_title (plan, "A busy plan");
    convene_plan_set_year (plan, 2021);
    convene_plan_set_timezone (plan, "Europe/London");
    g_assert_true (convene_store_add (store, CONVENE_ENTITY (plan), &error));
    g_assert_true (convene_store_begin (store, &error));
    for (guint i = 0; i < 2000; i++)
      {
        g_autoptr(ConveneSession) session = convene_session_new ();
        g_autofree char *topic = g_strdup_printf ("Busy session %u", i);
        g_autoptr(GDateTime) when = g_date_time_add_minutes (base, (gint64) i * 47);

        convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (plan)));
        convene_session_set_topic (session, topic);
        /* Some to be confirmed, some with only a month, as plans have. */
        if (i % 50 == 49)
          ;
        else if (i % 10 == 9)
          {
            g_autofree char *month = g_date_time_format (when, "%Y-%m");

            convene_session_set_month (session, month);
          }
        else
          {
            convene_session_set_start (session, when);
            convene_session_set_timezone (session, "Europe/London");
          }
        g_assert_true (convene_store_add (store, CONVENE_ENTITY (session), &error));
      }
    g_assert_true (convene_store_commit (store, &error));
    g_assert_no_error (error);
  }

  app = convene_ui_test_app_new (database);
  window = convene_application_open_window (app);
  gtk_window_set_default_size (window, 1100, 700);
  view = CONVENE_SCHEDULE_VIEW (convene_window_get_view (CONVENE_WINDOW (window), "schedule"));
  next = convene_schedule_view_get_next (view);
  g_assert_nonnull (next);
  want.view = GTK_WIDGET (view);
  want.topic = convene_session_get_topic (next);
  g_assert_cmpuint (position_of_topic (convene_schedule_view_get_model (view), want.topic), >, 1000);

  g_assert_true (convene_ui_test_wait_for (topic_on_top, &want, CONVENE_UI_TEST_PATIENCE));
  g_free (convene_ui_test_screenshot (GTK_WIDGET (window), "schedule-opens-on-next"));
  convene_ui_test_finish (app);
  g_unlink (database);
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
  g_test_add ("/ui/schedule/many-sessions", Fixture, NULL,
              fixture_set_up, test_many_sessions, fixture_tear_down);
  g_test_add ("/ui/schedule/follows-changes", Fixture, NULL,
              fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add_func ("/ui/schedule/opens-on-next", test_opens_on_next);
  return g_test_run ();
}
