/* test-ui-add-meeting.c: one meeting added to a weekly London call from its
 * page ("it also meets on Thursday 3 April at 19:00"), in the dialog that
 * reads the day and the time in London: the date the dialog opens on, the
 * times it refuses and why, the one exception written, the schedule's row
 * more, Undo; and an added meeting removed again from its own page.
 *
 * The series is weekly-call.ics: every Tuesday at 19:00 London from 4 March
 * 2025.  Expected instants come from the tz database (GTimeZone).
 * Screenshots in English, or in Spanish when CONVENE_UI_TEST_LANG=es.
 */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "model/convene-session-exception.h"
#include "ui/convene-occurrence-list.h"
#include "ui/schedule/convene-schedule-view.h"
#include "ui/session/convene-add-meeting-dialog.h"
#include "ui/session/convene-session-page.h"

/* CONVENE_NOW for this test: Thursday, between the 18 and 25 March meetings. */
#define NOW "2025-03-20T12:00:00Z"

static const char *lang = "en";

typedef struct {
  char               *database;
  ConveneApplication *app;
  ConveneWindow      *window;
  ConveneStore       *store;
  gint64              series;
  GTimeZone          *london;
  GListModel         *schedule;
  guint               rows;      /* the schedule's rows before any change */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "ui", "weekly-call.ics", NULL);
  g_autoptr(GPtrArray) sessions = NULL;
  ConveneScheduleView *view;

  f->london = g_time_zone_new_identifier ("Europe/London");
  g_assert_nonnull (f->london);
  f->database = convene_ui_test_temp_db ();
  f->app = convene_ui_test_app_new (f->database);
  f->window = convene_ui_test_window (f->app);
  convene_ui_test_resize (GTK_WINDOW (f->window), 1100, 860);
  g_assert_true (convene_ui_test_import_file (f->window, ics));
  f->store = convene_window_get_store (f->window);
  sessions = convene_store_query (f->store, CONVENE_TYPE_SESSION, "plan",
                                  convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (f->window))),
                                  NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  f->series = convene_entity_get_id (g_ptr_array_index (sessions, 0));
  view = CONVENE_SCHEDULE_VIEW (convene_window_get_view (f->window, "schedule"));
  f->schedule = convene_schedule_view_get_model (view);
  convene_ui_test_wait (100);
  f->rows = g_list_model_get_n_items (f->schedule);
  g_assert_cmpuint (f->rows, >, 40);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_ui_test_finish (f->app);
  g_unlink (f->database);
  g_free (f->database);
  g_time_zone_unref (f->london);
}

static gboolean
is_spanish (void)
{
  return g_str_equal (lang, "es");
}

static void
shoot (Fixture    *f,
       const char *what)
{
  g_autofree char *name = g_strdup_printf ("add-meeting-%s-%s", what, lang);

  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), name));
}

static gint64
london_instant (Fixture *f,
                int      month,
                int      day,
                int      hour)
{
  g_autoptr(GDateTime) there = g_date_time_new (f->london, 2025, month, day, hour, 0, 0);

  return g_date_time_to_unix (there);
}

static GPtrArray *
exceptions_of (Fixture *f)
{
  return convene_store_query (f->store, CONVENE_TYPE_SESSION_EXCEPTION, "session", f->series, NULL);
}

/* Waiting for the schedule, which follows the store from an idle */

typedef struct {
  Fixture *f;
  guint    rows;
  gint64   instant;    /* a meeting that must be there (or, with rows, not) */
  gboolean present;
} ScheduleWanted;

static gboolean
schedule_is (gpointer data)
{
  ScheduleWanted *want = data;
  guint n = g_list_model_get_n_items (want->f->schedule);
  gboolean found = FALSE;

  for (guint i = 0; i < n && !found; i++)
    {
      g_autoptr(ConveneSession) item = g_list_model_get_item (want->f->schedule, i);

      found = convene_occurrence_is_occurrence (item) &&
              convene_occurrence_get_instant (item) == want->instant &&
              g_date_time_to_unix (convene_session_get_start (item)) == want->instant;
    }
  return n == want->rows && found == want->present;
}

static void
assert_schedule (Fixture  *f,
                 guint     rows,
                 gint64    instant,
                 gboolean  present)
{
  ScheduleWanted want = { f, rows, instant, present };

  g_assert_true (convene_ui_test_wait_for (schedule_is, &want, CONVENE_UI_TEST_PATIENCE));
}

/* The dialog */

static gboolean
dialog_shown (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) == NULL;
}

static GtkWidget *
dialog_child (AdwDialog  *dialog,
              const char *name)
{
  GtkWidget *found = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                 CONVENE_TYPE_ADD_MEETING_DIALOG, name));

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
open_series (Fixture *f)
{
  GtkWidget *page = convene_window_open_session (f->window, f->series);
  GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (page, CONVENE_TYPE_SESSION_PAGE,
                                                               "add_meeting_row"));

  convene_ui_test_wait (50);
  /* Shown for a series, with a mnemonic, and in the page's own words. */
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (strchr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), '_'));
  if (is_spanish ())
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), !=, "Add a _Meeting…");
  return page;
}

/* Scrolls the page so that its Add a Meeting row is in the screenshot. */
static void
show_row (GtkWidget *page)
{
  GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (page, CONVENE_TYPE_SESSION_PAGE,
                                                               "add_meeting_row"));
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  g_assert_nonnull (scrolled);
  if (gtk_widget_compute_point (row, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + point.y - 300);
    }
  convene_ui_test_wait (100);
}

static gboolean
button_mapped (gpointer data)
{
  return gtk_widget_get_mapped (dialog_child (data, "add_button"));
}

static AdwDialog *
open_dialog (Fixture   *f,
             GtkWidget *page)
{
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (page, "session.add-meeting", NULL));
  g_assert_true (convene_ui_test_wait_for (dialog_shown, f->window, CONVENE_UI_TEST_PATIENCE));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  /* A button that is not yet on screen ignores gtk_widget_activate(): on
   * a slow run the dialog can take longer than its animation to map. */
  g_assert_true (convene_ui_test_wait_for (button_mapped, dialog, CONVENE_UI_TEST_PATIENCE));
  /* The dialog's opening animation, for the screenshots. */
  convene_ui_test_wait (400);
  return dialog;
}

static void
choose (AdwDialog  *dialog,
        int         month,
        int         day,
        const char *clock)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2025, month, day, 12, 0, 0);

  gtk_calendar_select_day (GTK_CALENDAR (dialog_child (dialog, "calendar")), date);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "time_row")), clock);
}

static const char *
refusal (AdwDialog *dialog)
{
  GtkWidget *label = dialog_child (dialog, "message_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* Long because it follows the one meeting from the dialog to the file, the
 * schedule and back out with Undo, with the refusals on the way. */
static void
test_add_and_undo (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *page = open_series (f);
  AdwDialog *dialog = NULL;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GPtrArray) exceptions = NULL;
  gint64 thursday = london_instant (f, 4, 3, 19);
  gint64 tuesday = london_instant (f, 4, 8, 19);
  ConveneSessionException *e;
  const char *zone;

  show_row (page);
  shoot (f, "row");
  dialog = open_dialog (f, page);

  /* It opens on tomorrow in London (a Friday, which the rule leaves free)
   * at the series' 19:00, and names the zone it reads them in. */
  shown = gtk_calendar_get_date (GTK_CALENDAR (dialog_child (dialog, "calendar")));
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 21);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "time_row"))), ==, "19:00");
  g_assert_null (refusal (dialog));
  zone = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (dialog_child (dialog, "group")));
  g_assert_nonnull (strstr (zone, "Europe/London"));
  g_assert_nonnull (strstr (zone, is_spanish () ? "Londres" : "London"));
  shoot (f, "dialog");

  /* A Tuesday at 19:00 is a meeting already: refused, and nothing written. */
  choose (dialog, 4, 8, "19:00");
  g_assert_nonnull (refusal (dialog));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "add_button")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "add-meeting.add", NULL);
  g_assert_true (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window)) == dialog);
  exceptions = exceptions_of (f);
  g_assert_cmpuint (exceptions->len, ==, 0);
  g_clear_pointer (&exceptions, g_ptr_array_unref);
  shoot (f, "refused");

  /* No time of day, and a time London's clocks skip (30 March, 01:30). */
  choose (dialog, 4, 3, "25:70");
  g_assert_nonnull (refusal (dialog));
  g_assert_nonnull (strstr (refusal (dialog), "25:70"));
  choose (dialog, 3, 30, "01:30");
  g_assert_nonnull (refusal (dialog));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "add_button")));
  /* Another time on a Tuesday is another meeting. */
  choose (dialog, 4, 8, "10:00");
  g_assert_null (refusal (dialog));

  /* Thursday 3 April at 19:00 London: one ADDED exception at that instant. */
  choose (dialog, 4, 3, "19:00");
  g_assert_null (refusal (dialog));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "add_button")));
  gtk_widget_activate (dialog_child (dialog, "add_button"));
  g_assert_true (convene_ui_test_wait_for (dialog_gone, f->window, CONVENE_UI_TEST_PATIENCE));
  exceptions = exceptions_of (f);
  g_assert_cmpuint (exceptions->len, ==, 1);
  e = g_ptr_array_index (exceptions, 0);
  g_assert_cmpint (convene_session_exception_get_kind (e), ==, CONVENE_EXCEPTION_KIND_ADDED);
  g_assert_cmpint (g_date_time_to_unix (convene_session_exception_get_occurrence (e)), ==, thursday);
  g_clear_pointer (&exceptions, g_ptr_array_unref);
  assert_schedule (f, f->rows + 1, thursday, TRUE);
  assert_schedule (f, f->rows + 1, tuesday, TRUE);
  convene_ui_test_wait (300);
  shoot (f, "added-toast");

  /* Undo takes it away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  exceptions = exceptions_of (f);
  g_assert_cmpuint (exceptions->len, ==, 0);
  assert_schedule (f, f->rows, thursday, FALSE);
}

/* An added meeting opened from the schedule is removed by forgetting its
 * date, not by taking out a date the rule never gave; Undo brings it back. */
static void
test_remove_added (Fixture       *f,
                   gconstpointer  data)
{
  gint64 thursday = london_instant (f, 4, 3, 19);
  g_autoptr(GPtrArray) exceptions = NULL;
  AdwNavigationPage *page;
  GtkWidget *content_nav;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-occurrence", "(xx)",
                                             f->series, thursday));
  assert_schedule (f, f->rows + 1, thursday, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-occurrence", "(xx)",
                                             f->series, thursday));
  convene_ui_test_wait (100);
  content_nav = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), CONVENE_TYPE_WINDOW,
                                                           "content_nav"));
  page = adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (content_nav));
  g_assert_true (CONVENE_IS_SESSION_PAGE (page));
  g_assert_cmpint (convene_session_page_get_occurrence (CONVENE_SESSION_PAGE (page)), ==, thursday);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.delete-occurrence", NULL));

  exceptions = exceptions_of (f);
  g_assert_cmpuint (exceptions->len, ==, 0);
  g_clear_pointer (&exceptions, g_ptr_array_unref);
  assert_schedule (f, f->rows, thursday, FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  exceptions = exceptions_of (f);
  g_assert_cmpuint (exceptions->len, ==, 1);
  g_assert_cmpint (convene_session_exception_get_kind (g_ptr_array_index (exceptions, 0)), ==,
                   CONVENE_EXCEPTION_KIND_ADDED);
  assert_schedule (f, f->rows + 1, thursday, TRUE);
}

static gboolean
no_exceptions (gpointer data)
{
  g_autoptr(GPtrArray) exceptions = exceptions_of (data);

  return exceptions->len == 0;
}

/* A Tuesday taken out of the series can be added back in the dialog: the
 * date taken out is forgotten rather than given twice. */
static void
test_add_back_removed (Fixture       *f,
                       gconstpointer  data)
{
  gint64 tuesday = london_instant (f, 4, 8, 19);
  GtkWidget *page;
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-occurrence", "(xx)",
                                             f->series, tuesday));
  assert_schedule (f, f->rows - 1, tuesday, FALSE);

  page = open_series (f);
  dialog = open_dialog (f, page);
  choose (dialog, 4, 8, "19:00");
  g_assert_null (refusal (dialog));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "add_button")));
  gtk_widget_activate (dialog_child (dialog, "add_button"));
  g_assert_true (convene_ui_test_wait_for (no_exceptions, f, CONVENE_UI_TEST_PATIENCE));
  assert_schedule (f, f->rows, tuesday, TRUE);
  g_assert_true (convene_ui_test_wait_for (dialog_gone, f->window, CONVENE_UI_TEST_PATIENCE));
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
  if (is_spanish () && setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    return 77;
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
  convene_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/add-meeting/add-and-undo", test_add_and_undo);
  ADD ("/ui/add-meeting/remove-added", test_remove_added);
  ADD ("/ui/add-meeting/add-back-removed", test_add_back_removed);
#undef ADD
  return g_test_run ();
}
