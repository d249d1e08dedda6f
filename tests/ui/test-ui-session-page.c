/* test-ui-session-page.c: editing a session in place, deleting it, Undo. */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ui/schedule/convene-schedule-view.h"
#include "ui/session/convene-session-page.h"
#include "model/convene-values.h"
#include "ui/editors/convene-zone-chooser.h"

typedef struct {
  char               *database;
  ConveneApplication *app;
  ConveneWindow      *window;
  ConveneStore       *store;
  gint64              february;
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
  f->store = convene_window_get_store (f->window);

  sessions = convene_store_query (f->store, CONVENE_TYPE_SESSION, "plan", plan_id, NULL);
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
child (gpointer    page,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                 CONVENE_TYPE_SESSION_PAGE, name));
  g_assert_nonnull (widget);
  return widget;
}

static void
test_edit_topic_persists (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *page = convene_window_open_session (f->window, f->february);
  g_autoptr(ConveneStore) reopened = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (CONVENE_IS_SESSION_PAGE (page));
  convene_ui_test_wait (50);
  gtk_editable_set_text (GTK_EDITABLE (child (page, "topic_row")), "Policy+ with the OECD");

  /* Destroyed at once, before the short saving delay has passed. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  convene_ui_test_finish (f->app);
  f->app = NULL;

  reopened = convene_store_new (f->database, &error);
  g_assert_no_error (error);
  session = convene_store_load (reopened, CONVENE_TYPE_SESSION, f->february, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_session_get_topic (session), ==, "Policy+ with the OECD");
}

static void
test_inline_validation (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *page = convene_window_open_session (f->window, f->february);
  GtkWidget *recording = child (page, "recording_url_row");
  GtkWidget *time = child (page, "time_row");
  AdwBanner *banner = ADW_BANNER (child (page, "error_banner"));
  g_autoptr(GDateTime) clocks_change = NULL;
  g_autoptr(ConveneSession) stored = NULL;

  convene_ui_test_wait (50);

  /* An address that is not one is marked, named, and not saved. */
  gtk_editable_set_text (GTK_EDITABLE (recording), "not an address");
  g_assert_true (gtk_widget_has_css_class (recording, "error"));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "not an address"));
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "session-invalid-url"));
  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  stored = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  g_assert_null (convene_session_get_recording_url (stored));
  g_clear_object (&stored);

  gtk_editable_set_text (GTK_EDITABLE (recording), "https://example.org/iwg-february");
  g_assert_false (gtk_widget_has_css_class (recording, "error"));
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  stored = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  g_assert_cmpstr (convene_session_get_recording_url (stored), ==, "https://example.org/iwg-february");
  g_clear_object (&stored);

  /* 01:30 on 28 March 2021 never happened in London. */
  convene_session_page_set_zone (CONVENE_SESSION_PAGE (page), "Europe/London");
  clocks_change = g_date_time_new_local (2021, 3, 28, 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (child (page, "calendar")), clocks_change);
  gtk_editable_set_text (GTK_EDITABLE (time), "01:30");
  g_assert_true (gtk_widget_has_css_class (time, "error"));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "does not exist in London"));

  /* 19:00 that day is fine, and is 18:00 UTC (summer time has begun). */
  gtk_editable_set_text (GTK_EDITABLE (time), "19:00");
  g_assert_false (gtk_widget_has_css_class (time, "error"));
  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  stored = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  {
    g_autofree char *start = convene_instant_to_string (convene_session_get_start (stored));
    g_assert_cmpstr (start, ==, "2021-03-28T18:00:00Z");
    g_assert_cmpstr (convene_session_get_month (stored), ==, "2021-03");
  }
}

static void
test_people_pickers (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page = convene_window_open_session (f->window, f->february);
  GtkWidget *speakers = child (page, "speakers_people");
  g_autoptr(ConveneSession) stored = NULL;
  const char * const *names;

  convene_ui_test_wait (50);
  /* Opening lists the group's people (a popover is a surface of its own,
   * outside the window's screenshots). */
  gtk_popover_popup (GTK_POPOVER (speakers));
  convene_ui_test_wait (100);

  /* Checking people adds them to the speakers; unchecking removes them. */
  g_signal_emit_by_name (speakers, "person-toggled", "Flor", TRUE);
  g_signal_emit_by_name (speakers, "person-toggled", "Paul", TRUE);
  g_signal_emit_by_name (speakers, "person-toggled", "Flor", FALSE);
  gtk_popover_popdown (GTK_POPOVER (speakers));
  g_signal_emit_by_name (child (page, "lead_people"), "person-toggled", "Flor", TRUE);

  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  stored = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  names = convene_session_get_speakers (stored);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 1);
  g_assert_cmpstr (names[0], ==, "Paul");
  g_assert_cmpstr (convene_session_get_lead (stored), ==, "Flor");
}

static void
test_zone_chooser (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *page = convene_window_open_session (f->window, f->february);
  ConveneZoneChooser *chooser;
  GListModel *zones;
  gboolean nairobi = FALSE;
  g_autoptr(ConveneSession) stored = NULL;
  g_autofree char *start = NULL;

  convene_ui_test_wait (50);
  gtk_widget_activate_action (page, "session.choose-zone", NULL);
  convene_ui_test_wait (100);
  chooser = CONVENE_ZONE_CHOOSER (convene_ui_test_find (GTK_WIDGET (f->window),
                                                        CONVENE_TYPE_ZONE_CHOOSER, NULL, NULL));
  g_assert_nonnull (chooser);

  /* By abbreviation: EAT is Nairobi's; by what people write: GMT-6. */
  convene_zone_chooser_set_search (chooser, "EAT");
  zones = convene_zone_chooser_get_model (chooser);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autofree char *zone = convene_zone_chooser_dup_zone (chooser, i);
      nairobi |= g_strcmp0 (zone, "Africa/Nairobi") == 0;
    }
  g_assert_true (nairobi);
  convene_zone_chooser_set_search (chooser, "GMT-6");
  {
    gboolean fixed = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
      {
        g_autofree char *zone = convene_zone_chooser_dup_zone (chooser, i);
        fixed |= g_strcmp0 (zone, "-06:00") == 0;
      }
    g_assert_true (fixed);
  }
  convene_zone_chooser_set_search (chooser, "Nairobi");
  g_assert_cmpuint (g_list_model_get_n_items (zones), >=, 1);
  {
    g_autofree char *first = convene_zone_chooser_dup_zone (chooser, 0);
    g_assert_cmpstr (first, ==, "Africa/Nairobi");
  }
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "zone-chooser"));

  /* Choosing keeps the clock time: 19:00 is now 19:00 in Nairobi. */
  convene_zone_chooser_choose (chooser, 0);
  convene_ui_test_wait (50);
  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  stored = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, NULL);
  g_assert_cmpstr (convene_session_get_timezone (stored), ==, "Africa/Nairobi");
  start = convene_instant_to_string (convene_session_get_start (stored));
  g_assert_cmpstr (start, ==, "2021-02-23T16:00:00Z");
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) people = convene_store_query (f->store, CONVENE_TYPE_PERSON, NULL, 0, NULL);
  ConveneScheduleView *schedule = CONVENE_SCHEDULE_VIEW (convene_window_get_view (f->window, "schedule"));
  g_autoptr(GArray) attendance = NULL;
  g_autoptr(ConveneSession) gone = NULL;
  g_autoptr(ConveneSession) back = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  /* Everyone came to February's session. */
  g_assert_cmpuint (people->len, >=, 1);
  for (guint i = 0; i < people->len; i++)
    g_assert_true (convene_store_set_attended (f->store, f->february,
                                               convene_entity_get_id (g_ptr_array_index (people, i)),
                                               TRUE, NULL));

  page = convene_window_open_session (f->window, f->february);
  convene_ui_test_wait (50);
  gtk_widget_activate_action (page, "session.delete", NULL);
  convene_ui_test_wait (50);
  gone = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, &error);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (convene_schedule_view_get_model (schedule)), ==, 12);
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "schedule-deleted-toast"));

  /* Undo (the toast's button, or Ctrl+Z) brings it back with its attendance. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  convene_ui_test_wait (50);
  back = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->february, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (convene_session_get_topic (back), "Present the Policy+"));
  attendance = convene_store_get_attendance (f->store, f->february, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendance->len, ==, people->len);
  g_assert_cmpuint (g_list_model_get_n_items (convene_schedule_view_get_model (schedule)), ==, 13);
}

typedef struct {
  char *text;
} ClipboardRead;

static void
on_text_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (read->text == NULL)
    read->text = g_strdup ("");
}

static gboolean
text_was_read (gpointer data)
{
  return ((ClipboardRead *) data)->text != NULL;
}

/* From an English window, the invitation a coordinator pastes into an
 * email to the Spanish-speaking members. */
static void
test_copy_invitation (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = convene_window_open_session (f->window, f->february);
  g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  ClipboardRead read = { NULL };

  g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
  convene_ui_test_wait (50);
  g_assert_true (gtk_widget_activate_action (page, "session.copy-invitation", "s", "es"));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (page), NULL, on_text_read_cb, &read);
  g_assert_true (convene_ui_test_wait_for (text_was_read, &read, CONVENE_UI_TEST_PATIENCE));
  if (g_test_verbose ())
    g_test_message ("%s", read.text);
  g_assert_nonnull (strstr (read.text, "martes, 23 de febrero"));
  g_assert_nonnull (strstr (read.text, "19:00 Londres"));
  g_assert_nonnull (strstr (read.text, "14:00 Nueva York"));
  g_assert_nonnull (strstr (read.text, "22:00 Nairobi"));
  g_free (read.text);
}

int
main (int   argc,
      char *argv[])
{
  convene_ui_test_init (&argc, &argv);

  g_test_add ("/ui/session/edit-topic-persists", Fixture, NULL,
              fixture_set_up, test_edit_topic_persists, fixture_tear_down);
  g_test_add ("/ui/session/inline-validation", Fixture, NULL,
              fixture_set_up, test_inline_validation, fixture_tear_down);
  g_test_add ("/ui/session/people-pickers", Fixture, NULL,
              fixture_set_up, test_people_pickers, fixture_tear_down);
  g_test_add ("/ui/session/zone-chooser", Fixture, NULL,
              fixture_set_up, test_zone_chooser, fixture_tear_down);
  g_test_add ("/ui/session/delete-and-undo", Fixture, NULL,
              fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/ui/session/copy-invitation", Fixture, NULL,
              fixture_set_up, test_copy_invitation, fixture_tear_down);
  return g_test_run ();
}
