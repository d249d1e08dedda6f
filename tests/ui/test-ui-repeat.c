/* test-ui-repeat.c: the session page's Repeat row and one meeting of a
 * series: a fortnightly Monday call chosen with the controls, saved and
 * read back; one meeting cancelled, moved and removed (with Undo); the
 * series deleted and brought back.  In English, or in Spanish when
 * CONVENE_UI_TEST_LANG=es; screenshots in tests/ui/screenshots/. */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "model/convene-session-exception.h"
#include "store/convene-occurrence-rows.h"
#include "time/convene-occurrences.h"
#include "time/convene-recurrence-rule.h"
#include "ui/session/convene-repeat-row.h"
#include "ui/session/convene-session-page.h"

static const char *lang = "en";

typedef struct {
  char               *database;
  ConveneApplication *app;
  ConveneWindow      *window;
  ConveneStore       *store;
  gint64              plan;
  gint64              february;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;

  f->database = convene_ui_test_temp_db ();
  f->app = convene_ui_test_app_new (f->database);
  f->window = convene_ui_test_window (f->app);
  convene_ui_test_resize (GTK_WINDOW (f->window), 1200, 1000);
  f->plan = convene_ui_test_import_seed (f->window);
  f->store = convene_window_get_store (f->window);

  sessions = convene_store_query (f->store, CONVENE_TYPE_SESSION, "plan", f->plan, NULL);
  for (guint i = 0; i < sessions->len; i++)
    if (g_strcmp0 (convene_session_get_month (g_ptr_array_index (sessions, i)), "2021-02") == 0)
      f->february = convene_entity_get_id (g_ptr_array_index (sessions, i));
  g_assert_cmpint (f->february, !=, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->app != NULL)
    convene_ui_test_finish (f->app);
  g_unlink (f->database);
  g_free (f->database);
}

static GtkWidget *
child_of (gpointer    widget,
          GType       type,
          const char *name)
{
  GtkWidget *found = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));

  g_assert_nonnull (found);
  return found;
}

#define PAGE_CHILD(page, name) child_of ((page), CONVENE_TYPE_SESSION_PAGE, (name))
#define ROW_CHILD(row, name) child_of ((row), CONVENE_TYPE_REPEAT_ROW, (name))

static gboolean
is_spanish (void)
{
  return g_str_equal (lang, "es");
}

static char *
shot_name (const char *name)
{
  return g_strdup_printf ("%s-%s", lang, name);
}

/* Scrolls the page so that @widget is in the screenshot. */
static void
show_widget (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  g_assert_nonnull (scrolled);
  convene_ui_test_wait (50);
  if (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + point.y - 24);
    }
  convene_ui_test_wait (100);
}

static gint64
february_start (Fixture *f)
{
  g_autoptr(ConveneSession) s = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);

  g_assert_nonnull (convene_session_get_start (s));
  return g_date_time_to_unix (convene_session_get_start (s));
}

/* Every other Monday until 30 June, chosen with the controls as a person
 * would; saved; and read back on a new page.  Long because it follows the
 * one edit from the controls to the file and back. */
static void
test_weekly_through_the_row (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *page = convene_window_open_session (f->window, f->february);
  GtkWidget *row = PAGE_CHILD (page, "recurrence_row");
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) last_day = g_date_time_new (london, 2021, 6, 30, 23, 59, 59);
  g_autoptr(GDateTime) last_day_utc = g_date_time_to_utc (last_day);
  g_autofree char *until = g_date_time_format (last_day_utc, "UNTIL=%Y%m%dT%H%M%SZ");
  g_autoptr(GDateTime) june_30 = g_date_time_new_local (2021, 6, 30, 12, 0, 0);
  g_autoptr(ConveneSession) stored = NULL;
  g_autoptr(ConveneRecurrence) series = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const char *expected = is_spanish () ? "Cada 2 semanas el lunes, hasta el 30 de junio de 2021"
                                       : "Every 2 weeks on Monday, until 30 June 2021";
  g_autofree char *name = NULL;
  ConveneRecurrenceRule rule;
  AdwNavigationPage *again;
  const char *rrule;

  convene_ui_test_wait (50);
  g_assert_true (CONVENE_IS_REPEAT_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  /* A session that does not repeat says so, and hides the other controls. */
  g_assert_false (gtk_widget_get_visible (ROW_CHILD (row, "interval_row")));

  adw_combo_row_set_selected (ADW_COMBO_ROW (ROW_CHILD (row, "frequency_row")), CONVENE_REPEAT_WEEKLY);
  /* Weekly starts on the session's own day, Tuesday 23 February. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ROW_CHILD (row, "tuesday_button"))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ROW_CHILD (row, "monday_button")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ROW_CHILD (row, "tuesday_button")), FALSE);
  adw_spin_row_set_value (ADW_SPIN_ROW (ROW_CHILD (row, "interval_row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ROW_CHILD (row, "end_row")), CONVENE_REPEAT_END_UNTIL);
  gtk_calendar_select_day (GTK_CALENDAR (ROW_CHILD (row, "until_calendar")), june_30);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, expected);
  show_widget (row);
  name = shot_name ("repeat-weekly");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), name));

  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  stored = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  rrule = convene_session_get_recurrence (stored);
  g_assert_nonnull (rrule);
  g_assert_true (convene_recurrence_rule_parse (&rule, rrule, london, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rule.frequency, ==, CONVENE_REPEAT_WEEKLY);
  g_assert_cmpint (rule.interval, ==, 2);
  g_assert_cmpuint (rule.weekdays, ==, 1u << G_DATE_MONDAY);
  /* The end is the last second of 30 June in London, as an instant. */
  g_assert_nonnull (strstr (rrule, until));

  /* What was stored meets on Mondays at 19:00 London, the last on 28 June. */
  series = convene_recurrence_new (rrule, convene_session_get_timezone (stored),
                                   g_date_time_to_unix (convene_session_get_start (stored)), &error);
  g_assert_no_error (error);
  convene_recurrence_expand (series, g_date_time_to_unix (convene_session_get_start (stored)) + 1,
                             g_date_time_to_unix (last_day) + 365 * 86400, starts);
  g_assert_cmpuint (starts->len, >, 0);
  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g_array_index (starts, gint64, i));
      g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, london);

      g_assert_cmpint (g_date_time_get_day_of_week (there), ==, G_DATE_MONDAY);
      g_assert_cmpint (g_date_time_get_hour (there), ==, 19);
      g_assert_true (g_date_time_compare (there, last_day) <= 0);
    }

  /* Read back: a new page shows the same sentence and the same controls. */
  again = g_object_ref_sink (convene_session_page_new (f->store, NULL, stored));
  row = child_of (again, CONVENE_TYPE_SESSION_PAGE, "recurrence_row");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, expected);
  g_assert_cmpstr (convene_repeat_row_get_rule (CONVENE_REPEAT_ROW (row)), ==, rrule);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ROW_CHILD (row, "frequency_row"))), ==,
                    CONVENE_REPEAT_WEEKLY);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ROW_CHILD (row, "monday_button"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ROW_CHILD (row, "tuesday_button"))));
  g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (ROW_CHILD (row, "interval_row"))), ==, 2);
  g_object_unref (again);
}

/* A rule the controls cannot show is kept as written, under Advanced; a
 * rule that is no rule is marked and not stored. */
static void
test_advanced_rule (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *page = convene_window_open_session (f->window, f->february);
  GtkWidget *row = PAGE_CHILD (page, "recurrence_row");
  GtkWidget *text = ROW_CHILD (row, "rule_row");
  g_autoptr(ConveneSession) stored = NULL;
  g_autofree char *name = NULL;

  convene_ui_test_wait (50);
  gtk_editable_set_text (GTK_EDITABLE (text), "FREQ=WEEKLY;BYHOUR=9,17");
  g_assert_false (gtk_widget_get_visible (ROW_CHILD (row, "frequency_row")));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "BYHOUR=9,17"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ROW_CHILD (row, "advanced_row")), TRUE);
  show_widget (row);
  name = shot_name ("repeat-custom");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), name));
  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  stored = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  g_assert_cmpstr (convene_session_get_recurrence (stored), ==, "FREQ=WEEKLY;BYHOUR=9,17");
  g_clear_object (&stored);

  /* One keystroke more and libical can no longer read it. */
  {
    int position = 0;

    gtk_editable_insert_text (GTK_EDITABLE (text), "x", -1, &position);
  }
  g_assert_true (gtk_widget_has_css_class (text, "error"));
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (PAGE_CHILD (page, "error_banner"))));
  convene_session_page_save (CONVENE_SESSION_PAGE (page));
  stored = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  g_assert_cmpstr (convene_session_get_recurrence (stored), ==, "FREQ=WEEKLY;BYHOUR=9,17");
  g_clear_object (&stored);
  gtk_editable_set_text (GTK_EDITABLE (text), "every other week");
  g_assert_true (gtk_widget_has_css_class (text, "error"));

  /* Typed in a shape the controls know, the controls take it back. */
  gtk_editable_set_text (GTK_EDITABLE (text), "FREQ=MONTHLY;BYDAY=-1FR");
  g_assert_true (gtk_widget_get_visible (ROW_CHILD (row, "monthly_row")));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ROW_CHILD (row, "monthly_row"))), ==,
                    CONVENE_REPEAT_ON_LAST_WEEKDAY);
  g_free (name);
  name = shot_name ("repeat-monthly");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), name));
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (PAGE_CHILD (page, "error_banner"))));
}

/* Makes February's session a weekly Tuesday series and opens its second
 * meeting, 2 March, as the schedule would. */
static GtkWidget *
open_second_meeting (Fixture *f,
                     gint64  *occurrence)
{
  g_autoptr(ConveneSession) s = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  GtkWidget *page;

  convene_session_set_recurrence (s, "FREQ=WEEKLY;COUNT=8");
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (s), NULL));
  /* One week later on London's wall clock (no change of offset between). */
  *occurrence = february_start (f) + 7 * 86400;
  page = convene_window_open_session (f->window, f->february);
  convene_ui_test_wait (50);
  convene_session_page_set_occurrence (CONVENE_SESSION_PAGE (page), *occurrence);
  convene_ui_test_wait (50);
  return page;
}

static GPtrArray *
exceptions_of (Fixture *f)
{
  return convene_store_query (f->store, CONVENE_TYPE_SESSION_EXCEPTION, "session", f->february, NULL);
}

static guint
count_sessions (Fixture *f)
{
  g_autoptr(GPtrArray) sessions = convene_store_query (f->store, CONVENE_TYPE_SESSION, "plan", f->plan, NULL);

  return sessions->len;
}

typedef struct {
  gint64 occurrence;
  gint64 start;
  ConveneSessionStatus status;
  guint  meetings;
} Listed;

static gboolean
on_row_cb (const ConveneSessionRow *row,
           gpointer                 data)
{
  Listed *listed = data;

  if (!row->in_series)
    return TRUE;
  listed->meetings++;
  if (row->occurrence == listed->occurrence)
    {
      listed->start = row->start;
      listed->status = row->status;
    }
  return TRUE;
}

static Listed
list_meeting (Fixture *f,
              gint64   occurrence)
{
  Listed listed = { occurrence, 0, 0, 0 };

  g_assert_true (convene_occurrence_rows_foreach (f->store, f->plan, "2021-01", "2021-12",
                                                  on_row_cb, &listed, NULL));
  return listed;
}

/* "This one": cancelling and moving the 2 March meeting writes one
 * exception; the series and the number of sessions stay as they were.
 * Long because each step is checked in the file and in the listing. */
static void
test_cancel_and_move_one (Fixture       *f,
                          gconstpointer  data)
{
  guint sessions_before = count_sessions (f);
  gint64 occurrence;
  GtkWidget *page = open_second_meeting (f, &occurrence);
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(ConveneSession) series = NULL;
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) moved = NULL;
  g_autofree char *name = NULL;
  ConveneSessionException *e;
  Listed listed;

  g_assert_true (gtk_widget_get_visible (PAGE_CHILD (page, "occurrence_group")));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (PAGE_CHILD (page, "this_one_button"))));
  /* The page shows that meeting's day, and what belongs to the series waits. */
  g_assert_false (gtk_widget_get_sensitive (PAGE_CHILD (page, "recurrence_row")));

  g_assert_true (gtk_widget_activate_action (page, "session.cancel-occurrence", NULL));
  convene_ui_test_wait (50);
  exceptions = exceptions_of (f);
  g_assert_cmpuint (exceptions->len, ==, 1);
  e = g_ptr_array_index (exceptions, 0);
  g_assert_cmpint (convene_session_exception_get_kind (e), ==, CONVENE_EXCEPTION_KIND_CHANGED);
  g_assert_cmpint (convene_session_exception_get_status (e), ==, CONVENE_SESSION_STATUS_CANCELLED);
  g_assert_cmpint (g_date_time_to_unix (convene_session_exception_get_occurrence (e)), ==, occurrence);
  g_assert_cmpuint (count_sessions (f), ==, sessions_before);
  series = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  g_assert_cmpint (convene_session_get_status (series), ==, CONVENE_SESSION_STATUS_SCHEDULED);
  listed = list_meeting (f, occurrence);
  g_assert_cmpuint (listed.meetings, ==, 8);
  g_assert_cmpint (listed.status, ==, CONVENE_SESSION_STATUS_CANCELLED);
  show_widget (PAGE_CHILD (page, "occurrence_group"));
  name = shot_name ("repeat-one-meeting");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), name));

  /* Back on, then an hour later that day: still one exception, the
   * meeting moved, the series' own start untouched. */
  g_assert_true (gtk_widget_activate_action (page, "session.cancel-occurrence", NULL));
  gtk_editable_set_text (GTK_EDITABLE (PAGE_CHILD (page, "time_row")), "20:00");
  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  g_clear_pointer (&exceptions, g_ptr_array_unref);
  exceptions = exceptions_of (f);
  g_assert_cmpuint (exceptions->len, ==, 1);
  e = g_ptr_array_index (exceptions, 0);
  g_assert_cmpint (convene_session_exception_get_status (e), ==, CONVENE_SESSION_STATUS_SCHEDULED);
  moved = g_date_time_new (london, 2021, 3, 2, 20, 0, 0);
  g_assert_nonnull (convene_session_exception_get_start (e));
  g_assert_true (g_date_time_equal (convene_session_exception_get_start (e), moved));
  listed = list_meeting (f, occurrence);
  g_assert_cmpint (listed.start, ==, g_date_time_to_unix (moved));
  g_clear_object (&series);
  series = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  g_assert_cmpint (g_date_time_to_unix (convene_session_get_start (series)), ==, occurrence - 7 * 86400);
  g_assert_cmpuint (count_sessions (f), ==, sessions_before);

  /* "The whole series": the same page now edits the series row. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (PAGE_CHILD (page, "whole_series_button")), TRUE);
  g_assert_true (gtk_widget_get_sensitive (PAGE_CHILD (page, "recurrence_row")));
  gtk_editable_set_text (GTK_EDITABLE (PAGE_CHILD (page, "topic_row")), "Weekly co-chairs call");
  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  g_clear_object (&series);
  series = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  g_assert_cmpstr (convene_session_get_topic (series), ==, "Weekly co-chairs call");
  g_assert_cmpint (g_date_time_to_unix (convene_session_get_start (series)), ==, occurrence - 7 * 86400);
}

/* Removing one meeting takes it out of the series; Undo puts it back.
 * Deleting the series, Undo brings it back with its exceptions. */
static void
test_remove_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  gint64 occurrence;
  GtkWidget *page = open_second_meeting (f, &occurrence);
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(ConveneSession) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  Listed listed;

  g_assert_true (gtk_widget_activate_action (page, "session.delete-occurrence", NULL));
  convene_ui_test_wait (100);
  exceptions = exceptions_of (f);
  g_assert_cmpuint (exceptions->len, ==, 1);
  g_assert_cmpint (convene_session_exception_get_kind (g_ptr_array_index (exceptions, 0)), ==,
                   CONVENE_EXCEPTION_KIND_REMOVED);
  listed = list_meeting (f, occurrence);
  g_assert_cmpuint (listed.meetings, ==, 7);
  name = shot_name ("repeat-removed-toast");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), name));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  convene_ui_test_wait (50);
  g_clear_pointer (&exceptions, g_ptr_array_unref);
  exceptions = exceptions_of (f);
  g_assert_cmpuint (exceptions->len, ==, 0);
  listed = list_meeting (f, occurrence);
  g_assert_cmpuint (listed.meetings, ==, 8);

  /* The series with one meeting cancelled, deleted whole, and back. */
  page = convene_window_open_session (f->window, f->february);
  convene_ui_test_wait (50);
  convene_session_page_set_occurrence (CONVENE_SESSION_PAGE (page), occurrence);
  g_assert_true (gtk_widget_activate_action (page, "session.cancel-occurrence", NULL));
  g_assert_true (gtk_widget_activate_action (page, "session.delete", NULL));
  convene_ui_test_wait (50);
  g_assert_null (convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  convene_ui_test_wait (50);
  back = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (convene_session_get_recurrence (back), ==, "FREQ=WEEKLY;COUNT=8");
  listed = list_meeting (f, occurrence);
  g_assert_cmpuint (listed.meetings, ==, 8);
  g_assert_cmpint (listed.status, ==, CONVENE_SESSION_STATUS_CANCELLED);
}

/* Who came is a meeting's own: checked on 2 March, the series' own list
 * and the other meetings stay as they were. */
static void
test_attendance_of_one_meeting (Fixture       *f,
                                gconstpointer  data)
{
  gint64 occurrence;
  GtkWidget *page = open_second_meeting (f, &occurrence);
  GtkWidget *group = PAGE_CHILD (page, "attendance_group");
  GtkWidget *check = convene_ui_test_find (group, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_autoptr(GDateTime) meeting = g_date_time_new_from_unix_utc (occurrence);
  g_autoptr(GDateTime) next = g_date_time_new_from_unix_utc (occurrence + 7 * 86400);
  g_autoptr(GArray) came = NULL;
  g_autoptr(GArray) series = NULL;
  g_autoptr(GArray) later = NULL;

  g_assert_nonnull (check);
  g_assert_true (gtk_widget_is_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  came = convene_store_get_occurrence_attendance (f->store, f->february, meeting, NULL);
  series = convene_store_get_attendance (f->store, f->february, NULL);
  later = convene_store_get_occurrence_attendance (f->store, f->february, next, NULL);
  g_assert_cmpuint (came->len, ==, 1);
  g_assert_cmpuint (series->len, ==, 0);
  g_assert_cmpuint (later->len, ==, 0);

  /* The whole series shows the series' own list again, and back. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (PAGE_CHILD (page, "whole_series_button")), TRUE);
  check = convene_ui_test_find (group, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (PAGE_CHILD (page, "this_one_button")), TRUE);
  check = convene_ui_test_find (group, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  if (g_strcmp0 (g_getenv ("CONVENE_UI_TEST_LANG"), "es") == 0)
    {
      lang = "es";
      g_setenv ("LANGUAGE", "es", TRUE);
      g_setenv ("LANG", "es_ES.UTF-8", TRUE);
      g_unsetenv ("LC_ALL");
      g_unsetenv ("LC_MESSAGES");
    }
  convene_ui_test_init (&argc, &argv);
  if (is_spanish () && setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    return 77;
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
  convene_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/repeat/weekly-through-the-row", test_weekly_through_the_row);
  ADD ("/ui/repeat/advanced-rule", test_advanced_rule);
  ADD ("/ui/repeat/cancel-and-move-one", test_cancel_and_move_one);
  ADD ("/ui/repeat/remove-and-undo", test_remove_and_undo);
  ADD ("/ui/repeat/attendance-of-one-meeting", test_attendance_of_one_meeting);
#undef ADD
  return g_test_run ();
}
