/* test-ui-series.c: a weekly call imported from an .ics file, seen from
 * Mexico City: every meeting in the schedule and on the calendar, in its
 * place across both of London's clock changes, a cancelled one and a moved
 * one marked, the next meeting as what's next, and each one opening the
 * series' page for itself.
 *
 * The series is endless ("every Tuesday at 19:00 London" from 4 March
 * 2025): the schedule shows it through the plan's year, the calendar
 * through the year it shows.  Expected instants come from the tz database
 * (GTimeZone), stepping the wall-clock dates in London.  Screenshots in
 * English, or in Spanish when CONVENE_UI_TEST_LANG=es.
 */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "model/convene-session-exception.h"
#include "time/convene-clock.h"
#include "time/convene-time-format.h"
#include "ui/calendar/convene-calendar-view.h"
#include "ui/convene-occurrence-list.h"
#include "ui/schedule/convene-schedule-model.h"
#include "ui/schedule/convene-schedule-view.h"
#include "ui/schedule/convene-session-row.h"
#include "ui/session/convene-session-page.h"

/* CONVENE_NOW for this test: between the 18 and the 25 March meetings. */
#define NOW "2025-03-20T12:00:00Z"

static const char *lang = "en";

typedef struct {
  gint64   rule;       /* the start the rule gives */
  gint64   start;      /* where it is: moved or not */
  gboolean cancelled;
  gboolean moved;
} Meeting;

typedef struct {
  char               *database;
  ConveneApplication *app;
  ConveneWindow      *window;
  gint64              series;
  GTimeZone          *london;
  GArray             *meetings; /* Meeting, in the order of their starts */
} Fixture;

static gint64
london_instant (Fixture *f,
                int      year,
                int      month,
                int      day,
                int      hour)
{
  g_autoptr(GDateTime) there = g_date_time_new (f->london, year, month, day, hour, 0, 0);

  return g_date_time_to_unix (there);
}

static void
add_exception (Fixture              *f,
               gint64                occurrence,
               gint64                moved_to,
               ConveneSessionStatus  status)
{
  g_autoptr(ConveneSessionException) e = convene_session_exception_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (occurrence);
  g_autoptr(GDateTime) start = moved_to != 0 ? g_date_time_new_from_unix_utc (moved_to) : NULL;
  g_autoptr(GError) error = NULL;

  convene_session_exception_set_session (e, f->series);
  convene_session_exception_set_occurrence (e, when);
  convene_session_exception_set_kind (e, CONVENE_EXCEPTION_KIND_CHANGED);
  convene_session_exception_set_start (e, start);
  convene_session_exception_set_status (e, status);
  g_assert_true (convene_store_add (convene_window_get_store (f->window), CONVENE_ENTITY (e), &error));
  g_assert_no_error (error);
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  const Meeting *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Every Tuesday from 4 March to the end of 2025 at 19:00 London; the 25
 * March meeting cancelled, the 8 April one moved to Thursday 10 April at
 * 17:00. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "ui", "weekly-call.ics", NULL);
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 cancelled, moved, moved_to;
  GDate day;

  f->london = g_time_zone_new_identifier ("Europe/London");
  g_assert_nonnull (f->london);
  f->database = convene_ui_test_temp_db ();
  f->app = convene_ui_test_app_new (f->database);
  f->window = convene_ui_test_window (f->app);
  g_assert_true (convene_ui_test_import_file (f->window, ics));
  g_assert_nonnull (convene_window_get_plan (f->window));
  sessions = convene_store_query (convene_window_get_store (f->window), CONVENE_TYPE_SESSION, "plan",
                                  convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (f->window))),
                                  NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_nonnull (convene_session_get_recurrence (g_ptr_array_index (sessions, 0)));
  f->series = convene_entity_get_id (g_ptr_array_index (sessions, 0));

  cancelled = london_instant (f, 2025, 3, 25, 19);
  moved = london_instant (f, 2025, 4, 8, 19);
  moved_to = london_instant (f, 2025, 4, 10, 17);
  add_exception (f, cancelled, 0, CONVENE_SESSION_STATUS_CANCELLED);
  add_exception (f, moved, moved_to, CONVENE_SESSION_STATUS_SCHEDULED);

  f->meetings = g_array_new (FALSE, FALSE, sizeof (Meeting));
  g_date_clear (&day, 1);
  for (g_date_set_dmy (&day, 4, G_DATE_MARCH, 2025); g_date_get_year (&day) == 2025;
       g_date_add_days (&day, 7))
    {
      Meeting m = { 0 };

      m.rule = m.start = london_instant (f, 2025, g_date_get_month (&day), g_date_get_day (&day), 19);
      m.cancelled = m.rule == cancelled;
      if (m.rule == moved)
        {
          m.start = moved_to;
          m.moved = TRUE;
        }
      g_array_append_val (f->meetings, m);
    }
  g_array_sort (f->meetings, compare_meetings);
  convene_ui_test_wait (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_ui_test_finish (f->app);
  g_unlink (f->database);
  g_free (f->database);
  g_array_unref (f->meetings);
  g_time_zone_unref (f->london);
}

/* A screenshot of the window named after @what and the language. */
static void
shoot (Fixture    *f,
       const char *what)
{
  g_autofree char *name = g_strdup_printf ("series-%s-%s", what, lang);

  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), name));
}

/* "19:00" (in the locale's way) of @instant in @tz. */
static char *
clock_in (gint64     instant,
          GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, tz);

  return convene_format_clock (there);
}

static GDateTime *
local_of (gint64 instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, convene_local_zone ());
}

static AdwNavigationPage *
visible_page (Fixture *f)
{
  return adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (f->window), CONVENE_TYPE_WINDOW, "content_nav")));
}

static void
assert_opened (Fixture *f,
               gint64   occurrence)
{
  AdwNavigationPage *page = visible_page (f);

  g_assert_true (CONVENE_IS_SESSION_PAGE (page));
  g_assert_cmpint (convene_session_page_get_session_id (CONVENE_SESSION_PAGE (page)), ==, f->series);
  g_assert_cmpint (convene_session_page_get_occurrence (CONVENE_SESSION_PAGE (page)), ==, occurrence);
}

/* The schedule */

/* Long because it walks every meeting of the year through the rows: its
 * place, its month, its badges and its times here and in London. */
static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  ConveneScheduleView *view = CONVENE_SCHEDULE_VIEW (convene_window_get_view (f->window, "schedule"));
  GListModel *model = convene_schedule_view_get_model (view);
  ConvenePlan *plan = convene_window_get_plan (f->window);
  g_autoptr(GDateTime) now = convene_now ();
  const Meeting *next = NULL;
  ConveneSession *shown_next;
  GtkGridView *rows_view;
  guint next_position = GTK_INVALID_LIST_POSITION;
  g_autofree char *march_here = clock_in (london_instant (f, 2025, 3, 4, 19), convene_local_zone ());
  g_autofree char *april_here = clock_in (london_instant (f, 2025, 4, 1, 19), convene_local_zone ());
  g_autofree char *october_here = clock_in (london_instant (f, 2025, 10, 21, 19), convene_local_zone ());
  g_autofree char *november_here = clock_in (london_instant (f, 2025, 10, 28, 19), convene_local_zone ());

  /* Seen from Mexico City, London's changes move the meeting an hour. */
  g_assert_cmpstr (march_here, !=, april_here);
  g_assert_cmpstr (october_here, !=, november_here);

  /* One row a meeting, in order, through the end of the plan's year. */
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, f->meetings->len);
  for (guint i = 0; i < f->meetings->len; i++)
    {
      const Meeting *m = &g_array_index (f->meetings, Meeting, i);
      g_autoptr(ConveneSession) item = g_list_model_get_item (model, i);
      GtkWidget *row = g_object_ref_sink (convene_session_row_new ());
      g_autoptr(GDateTime) in_london = g_date_time_to_timezone (convene_session_get_start (item),
                                                                f->london);
      g_autofree char *month = g_date_time_format (in_london, "%Y-%m");
      g_autofree char *london_clock = clock_in (m->start, f->london);
      g_autofree char *local_clock = clock_in (m->start, convene_local_zone ());
      g_auto(GStrv) badges = NULL;
      const char *times;
      guint start, end;

      g_assert_cmpint (convene_entity_get_id (CONVENE_ENTITY (item)), ==, f->series);
      g_assert_true (convene_occurrence_is_occurrence (item));
      g_assert_cmpint (convene_occurrence_get_instant (item), ==, m->rule);
      g_assert_cmpint (g_date_time_to_unix (convene_session_get_start (item)), ==, m->start);
      g_assert_cmpstr (convene_session_get_month (item), ==, month);

      /* Under its month's header. */
      gtk_section_model_get_section (GTK_SECTION_MODEL (model), i, &start, &end);
      for (guint j = start; j < end; j++)
        {
          g_autoptr(ConveneSession) other = g_list_model_get_item (model, j);
          g_assert_cmpstr (convene_session_get_month (other), ==, month);
        }

      convene_session_row_bind (CONVENE_SESSION_ROW (row), item, plan);
      badges = convene_session_row_dup_badges (CONVENE_SESSION_ROW (row));
      times = convene_session_row_get_times (CONVENE_SESSION_ROW (row));
      g_assert_true (g_strv_contains ((const char * const *) badges, C_("badge", "Series")));
      g_assert_cmpint (g_strv_contains ((const char * const *) badges, C_("badge", "Cancelled")), ==,
                       m->cancelled);
      g_assert_cmpint (g_strv_contains ((const char * const *) badges, C_("badge", "Moved")), ==,
                       m->moved);
      g_assert_true (g_str_has_prefix (times, london_clock));
      g_assert_nonnull (strstr (times, local_clock));
      g_object_unref (row);

      if (next == NULL && !m->cancelled && m->start >= g_date_time_to_unix (now))
        {
          next = m;
          next_position = i;
        }
    }

  /* What's next is the series' next meeting, past the cancelled one. */
  g_assert_nonnull (next);
  shown_next = convene_schedule_view_get_next (view);
  g_assert_nonnull (shown_next);
  g_assert_cmpint (convene_schedule_view_get_next_id (view), ==, f->series);
  g_assert_cmpint (convene_occurrence_get_instant (shown_next), ==, next->rule);
  shoot (f, "schedule");

  /* Opening a row opens the series' page for that meeting. */
  rows_view = GTK_GRID_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), CONVENE_TYPE_SCHEDULE_VIEW,
                                                            "rows_view"));
  g_signal_emit_by_name (rows_view, "activate",
                         convene_schedule_model_row_of (CONVENE_SCHEDULE_MODEL (model), next_position));
  convene_ui_test_wait (100);
  assert_opened (f, next->rule);
}

/* The calendar */

typedef struct {
  gint64     instant;
  GtkWidget *button;
} Chip;

/* The occurrence chips under @widget, in order. */
static void
collect_chips (GtkWidget *widget,
               gint64     series,
               GArray    *chips)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "session-chip"))
        {
          GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));
          Chip chip = { 0, child };
          gint64 id;

          g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), ==,
                           "win.open-occurrence");
          g_variant_get (target, "(xx)", &id, &chip.instant);
          g_assert_cmpint (id, ==, series);
          g_array_append_val (chips, chip);
          continue;
        }
      collect_chips (child, series, chips);
    }
}

static const Meeting *
meeting_of (Fixture *f,
            gint64   rule)
{
  for (guint i = 0; i < f->meetings->len; i++)
    if (g_array_index (f->meetings, Meeting, i).rule == rule)
      return &g_array_index (f->meetings, Meeting, i);
  return NULL;
}

/* The meetings on each day of @month, as the grid shows them: every chip is
 * a meeting on that day for the viewer, at its time for the viewer, and
 * every meeting of the month has its chip. */
static void
check_month (Fixture             *f,
             ConveneCalendarView *view,
             int                  month)
{
  guint expected = 0, shown = 0;

  convene_calendar_view_show_month (view, 2025, month);
  for (guint i = 0; i < f->meetings->len; i++)
    {
      g_autoptr(GDateTime) here = local_of (g_array_index (f->meetings, Meeting, i).start);

      expected += g_date_time_get_year (here) == 2025 && g_date_time_get_month (here) == month;
    }
  for (int day = 1; day <= g_date_get_days_in_month (month, 2025); day++)
    {
      g_autoptr(GArray) chips = g_array_new (FALSE, FALSE, sizeof (Chip));

      collect_chips (convene_calendar_view_get_day_cell (view, day), f->series, chips);
      for (guint c = 0; c < chips->len; c++)
        {
          Chip *chip = &g_array_index (chips, Chip, c);
          const Meeting *m = meeting_of (f, chip->instant);
          g_autoptr(GDateTime) here = NULL;
          g_autofree char *clock = NULL;
          const char *label;

          g_assert_nonnull (m);
          here = local_of (m->start);
          clock = clock_in (m->start, convene_local_zone ());
          g_assert_cmpint (g_date_time_get_month (here), ==, month);
          g_assert_cmpint (g_date_time_get_day_of_month (here), ==, day);
          label = gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (chip->button))));
          g_assert_true (g_str_has_prefix (label, clock));
          g_assert_cmpint (gtk_widget_has_css_class (chip->button, "inactive"), ==, m->cancelled);
        }
      shown += chips->len;
    }
  g_assert_cmpuint (shown, ==, expected);
}

/* Long because it goes through the months around both clock changes, then
 * the year overview, then opens the moved meeting. */
static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  ConveneCalendarView *view;
  GtkWidget *year_grid;
  g_autoptr(GArray) moved_chips = g_array_new (FALSE, FALSE, sizeof (Chip));
  const Meeting *moved = NULL;
  g_autoptr(GDateTime) moved_here = NULL;
  int card = 0;

  convene_window_show_section (f->window, "calendar");
  view = CONVENE_CALENDAR_VIEW (convene_window_get_view (f->window, "calendar"));
  convene_ui_test_wait (100);

  for (int month = 3; month <= 12; month++)
    check_month (f, view, month);
  convene_calendar_view_show_month (view, 2025, 3);
  shoot (f, "march");
  convene_calendar_view_show_month (view, 2025, 4);
  shoot (f, "april");
  convene_calendar_view_show_month (view, 2025, 10);
  shoot (f, "october");

  /* An endless series shows in any year the calendar goes to: 2026 too,
   * on its Tuesdays there. */
  convene_calendar_view_show_month (view, 2026, 1);
  {
    g_autoptr(GArray) chips = g_array_new (FALSE, FALSE, sizeof (Chip));
    gint64 first_2026 = london_instant (f, 2026, 1, 6, 19);
    g_autoptr(GDateTime) here = local_of (first_2026);

    collect_chips (convene_calendar_view_get_day_cell (view, g_date_time_get_day_of_month (here)),
                   f->series, chips);
    g_assert_cmpuint (chips->len, ==, 1);
    g_assert_cmpint (g_array_index (chips, Chip, 0).instant, ==, first_2026);
  }

  /* The year overview: each month's card lists that month's meetings. */
  convene_calendar_view_show_month (view, 2025, 3);
  gtk_widget_activate_action (GTK_WIDGET (view), "calendar.mode", "s", "year");
  year_grid = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (view), CONVENE_TYPE_CALENDAR_VIEW, "year_grid");
  for (GtkWidget *child = gtk_widget_get_first_child (year_grid); child != NULL && card < 12;
       child = gtk_widget_get_next_sibling (child), card++)
    {
      g_autoptr(GArray) chips = g_array_new (FALSE, FALSE, sizeof (Chip));
      guint expected = 0;

      collect_chips (child, f->series, chips);
      for (guint i = 0; i < f->meetings->len; i++)
        {
          g_autoptr(GDateTime) here = local_of (g_array_index (f->meetings, Meeting, i).start);

          expected += g_date_time_get_year (here) == 2025 && g_date_time_get_month (here) == card + 1;
        }
      g_assert_cmpuint (chips->len, ==, expected);
      for (guint c = 0; c < chips->len; c++)
        {
          g_autoptr(GDateTime) here = local_of (meeting_of (f, g_array_index (chips, Chip, c).instant)->start);

          g_assert_cmpint (g_date_time_get_month (here), ==, card + 1);
        }
    }
  g_assert_cmpint (card, ==, 12);
  shoot (f, "year");

  /* The moved meeting is on its new day; clicking it opens it. */
  for (guint i = 0; i < f->meetings->len && moved == NULL; i++)
    if (g_array_index (f->meetings, Meeting, i).moved)
      moved = &g_array_index (f->meetings, Meeting, i);
  g_assert_nonnull (moved);
  moved_here = local_of (moved->start);
  convene_calendar_view_show_month (view, 2025, g_date_time_get_month (moved_here));
  collect_chips (convene_calendar_view_get_day_cell (view, g_date_time_get_day_of_month (moved_here)),
                 f->series, moved_chips);
  g_assert_cmpuint (moved_chips->len, ==, 1);
  g_assert_cmpint (g_array_index (moved_chips, Chip, 0).instant, ==, moved->rule);
  gtk_widget_activate (g_array_index (moved_chips, Chip, 0).button);
  /* A button shows itself pressed for a moment before it is clicked. */
  convene_ui_test_wait (400);
  assert_opened (f, moved->rule);
}

typedef struct {
  GListModel *model;
  const char *topic;
  guint       n;
} TopicWanted;

static gboolean
all_have_topic (gpointer data)
{
  TopicWanted *want = data;
  guint n = g_list_model_get_n_items (want->model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) item = g_list_model_get_item (want->model, i);

      if (g_strcmp0 (convene_session_get_topic (item), want->topic) != 0)
        return FALSE;
    }
  return n == want->n;
}

/* An edit of the series reaches every meeting; taking back an exception
 * puts that meeting back where the rule has it. */
static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  ConveneScheduleView *view = CONVENE_SCHEDULE_VIEW (convene_window_get_view (f->window, "schedule"));
  GListModel *model = convene_schedule_view_get_model (view);
  ConveneStore *store = convene_window_get_store (f->window);
  g_autoptr(ConveneSession) series = convene_store_load (store, CONVENE_TYPE_SESSION, f->series, NULL);
  g_autoptr(GPtrArray) exceptions = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION, "session",
                                                         f->series, NULL);
  TopicWanted want = { model, "Co-chairs' sync", f->meetings->len };
  g_autoptr(GError) error = NULL;

  convene_session_set_topic (series, want.topic);
  g_assert_true (convene_store_update (store, CONVENE_ENTITY (series), &error));
  g_assert_no_error (error);
  g_assert_true (convene_ui_test_wait_for (all_have_topic, &want, CONVENE_UI_TEST_PATIENCE));

  /* Without its exceptions, every meeting is on a Tuesday, none cancelled. */
  g_assert_cmpuint (exceptions->len, ==, 2);
  for (guint i = 0; i < exceptions->len; i++)
    {
      g_assert_true (convene_store_remove (store, g_ptr_array_index (exceptions, i), &error));
      g_assert_no_error (error);
    }
  convene_ui_test_wait (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, f->meetings->len);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ConveneSession) item = g_list_model_get_item (model, i);
      g_autoptr(GDateTime) there = g_date_time_to_timezone (convene_session_get_start (item), f->london);

      g_assert_cmpint (g_date_time_get_day_of_week (there), ==, 2);
      g_assert_cmpint (g_date_time_get_hour (there), ==, 19);
      g_assert_cmpint (convene_occurrence_get_instant (item), ==,
                       g_date_time_to_unix (convene_session_get_start (item)));
      g_assert_false (convene_occurrence_is_moved (item));
      g_assert_cmpint (convene_session_get_status (item), !=, CONVENE_SESSION_STATUS_CANCELLED);
    }
}

/* The schedule lists what `convene-cli list sessions` lists, row for row,
 * at the same organiser's times: the window and the command line read a
 * series and its exceptions the same way. */
static void
test_agrees_with_cli (Fixture       *f,
                      gconstpointer  data)
{
  ConveneScheduleView *view = CONVENE_SCHEDULE_VIEW (convene_window_get_view (f->window, "schedule"));
  GListModel *model = convene_schedule_view_get_model (view);
  const char *cli = g_getenv ("CONVENE_CLI");
  g_autofree char *plan = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (f->window))));
  const char *argv[] = { cli, "--database", f->database, "list", "sessions", "--plan", plan, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;
  guint row = 0;

  if (cli == NULL)
    {
      g_test_skip ("CONVENE_CLI is not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  /* The first line names the columns: ID PLAN WHEN (ORGANISER) … */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (lines[i], " ", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) cells = NULL;
      g_autoptr(ConveneSession) item = NULL;
      g_autoptr(GDateTime) there = NULL;
      g_autofree char *when = NULL;
      g_autofree char *printed = NULL;

      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          g_strv_builder_add (builder, words[w]);
      cells = g_strv_builder_end (builder);
      if (g_strv_length (cells) < 4)
        continue;
      item = g_list_model_get_item (model, row++);
      g_assert_nonnull (item);
      g_assert_cmpint (g_ascii_strtoll (cells[0], NULL, 10), ==, convene_entity_get_id (CONVENE_ENTITY (item)));
      there = g_date_time_to_timezone (convene_session_get_start (item), f->london);
      when = g_date_time_format (there, "%Y-%m-%d %H:%M");
      printed = g_strdup_printf ("%s %s", cells[2], cells[3]);
      g_assert_cmpstr (printed, ==, when);
    }
  g_assert_cmpuint (row, ==, g_list_model_get_n_items (model));
  g_assert_cmpuint (row, ==, f->meetings->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  g_setenv ("CONVENE_NOW", NOW, TRUE);
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

  g_test_add ("/ui/series/schedule", Fixture, NULL, fixture_set_up, test_schedule, fixture_tear_down);
  g_test_add ("/ui/series/calendar", Fixture, NULL, fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/ui/series/edits", Fixture, NULL, fixture_set_up, test_edits, fixture_tear_down);
  g_test_add ("/ui/series/agrees-with-cli", Fixture, NULL, fixture_set_up, test_agrees_with_cli,
              fixture_tear_down);
  return g_test_run ();
}
