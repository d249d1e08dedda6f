/* test-ui-subscriptions.c: a calendar subscribed to through the window's
 * dialog, from a libsoup server on 127.0.0.1, shown read-only beside the
 * seed plan's sessions in the schedule (with its name as a badge) and the
 * calendar; its failed refresh said on its events; screenshots for a person
 * to look at (subscriptions-*.png, or es-subscriptions-*.png when
 * CONVENE_UI_TEST_SPANISH is set: LANGUAGE=es, es_ES.UTF-8). */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "convene-ui-test-server.h"
#include "i18n/convene-i18n.h"
#include "model/convene-resource.h"
#include "sync/convene-subscription-list.h"
#include "ui/calendar/convene-calendar-view.h"
#include "ui/schedule/convene-session-row.h"
#include "ui/subscriptions/convene-subscriptions-dialog.h"

static gboolean spanish;

static char *
shot_name (const char *name)
{
  return g_strdup_printf ("%s%s", spanish ? "es-" : "", name);
}

static void
shoot (ConveneWindow *window,
       const char    *name)
{
  g_autofree char *full = shot_name (name);
  g_autofree char *path = convene_ui_test_screenshot (GTK_WIDGET (window), full);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gboolean
has_subscriptions (gpointer data)
{
  return g_list_model_get_n_items (data) > 0;
}

static gboolean
not_refreshing (gpointer data)
{
  return !convene_subscription_list_is_refreshing (data);
}

static gboolean
is_subscription_row (GtkWidget *widget,
                     gpointer   data)
{
  ConveneSession *session = convene_session_row_get_session (CONVENE_SESSION_ROW (widget));

  return session != NULL && convene_subscription_event_get_subscription (session) != NULL &&
         g_strcmp0 (convene_session_get_topic (session), data) == 0 && gtk_widget_get_mapped (widget);
}

static gboolean
is_subscription_chip (GtkWidget *widget,
                      gpointer   data)
{
  return gtk_widget_has_css_class (widget, "subscription") && gtk_widget_get_mapped (widget);
}

static gboolean
row_shows (gpointer data)
{
  return convene_ui_test_find (data, CONVENE_TYPE_SESSION_ROW, is_subscription_row,
                               (gpointer) "Beneficial ownership call") != NULL;
}

static gboolean
badges_include (ConveneSessionRow *row,
                const char        *text)
{
  g_auto(GStrv) badges = convene_session_row_dup_badges (row);

  for (guint i = 0; badges[i] != NULL; i++)
    if (strstr (badges[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* Subscribes through the dialog as a person would: the address typed,
 * Subscribe pressed, the list filled. */
static void
subscribe_in_dialog (ConveneWindow     *window,
                     ConveneTestServer *server)
{
  ConveneSubscriptionList *list = convene_subscription_list_get_for_store (convene_window_get_store (window));
  g_autofree char *url = convene_test_server_url (server, "/calendar.ics");
  GtkWidget *dialog, *url_row, *button, *error_label;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.subscriptions", NULL);
  dialog = convene_ui_test_find (GTK_WIDGET (window), CONVENE_TYPE_SUBSCRIPTIONS_DIALOG, NULL, NULL);
  g_assert_nonnull (dialog);
  url_row = GTK_WIDGET (gtk_widget_get_template_child (dialog, CONVENE_TYPE_SUBSCRIPTIONS_DIALOG, "url_row"));
  button = GTK_WIDGET (gtk_widget_get_template_child (dialog, CONVENE_TYPE_SUBSCRIPTIONS_DIALOG, "subscribe_button"));
  error_label = GTK_WIDGET (gtk_widget_get_template_child (dialog, CONVENE_TYPE_SUBSCRIPTIONS_DIALOG, "error_label"));

  /* What is not an address is said so, and cannot be subscribed to. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "ftp://example.org/calendar.ics");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_get_visible (error_label));
  convene_ui_test_wait (300);
  shoot (window, "subscriptions-dialog-invalid");

  gtk_editable_set_text (GTK_EDITABLE (url_row), url);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (convene_ui_test_wait_for (has_subscriptions, convene_subscription_list_get_subscriptions (list),
                                           CONVENE_UI_TEST_PATIENCE));
  g_assert_false (gtk_widget_get_visible (error_label));
  convene_ui_test_wait (200);
  shoot (window, "subscriptions-dialog");
  adw_dialog_force_close (ADW_DIALOG (dialog));
}

/* Long because it walks one story: subscribe, see the events in the
 * schedule and the calendar, see a failed refresh said on them. */
static void
test_events_shown (void)
{
  /* Its calendar: two events of "Open Contracting calls" (see
   * tests/convene-test-server.h). */
  g_autoptr(ConveneTestServer) server = convene_test_server_new ();
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  ConveneSubscriptionList *list;
  GtkWidget *schedule, *calendar, *row, *chip;
  const char *failed_words;

  convene_ui_test_resize (GTK_WINDOW (window), 1400, 900);
  g_assert_cmpint (convene_ui_test_import_seed (window), >, 0);
  list = convene_subscription_list_get_for_store (convene_window_get_store (window));

  subscribe_in_dialog (window, server);

  /* The schedule: the two events among the plan's sessions, each with the
   * calendar's name as a badge; opening one says it is read-only. */
  convene_window_show_section (window, "schedule");
  schedule = convene_window_get_view (window, "schedule");
  g_assert_true (convene_ui_test_wait_for (row_shows, schedule, CONVENE_UI_TEST_PATIENCE));
  row = convene_ui_test_find (schedule, CONVENE_TYPE_SESSION_ROW, is_subscription_row,
                              (gpointer) "Beneficial ownership call");
  g_assert_true (badges_include (CONVENE_SESSION_ROW (row), "Open Contracting calls"));
  convene_ui_test_wait (200);
  shoot (window, "subscriptions-schedule");

  /* The calendar: February 2021 has the event on its day, in the user's
   * zone (17:00 in London is 11:00 in Mexico City, the same day). */
  convene_window_show_section (window, "calendar");
  calendar = convene_window_get_view (window, "calendar");
  convene_calendar_view_set_mode (CONVENE_CALENDAR_VIEW (calendar), "month");
  convene_calendar_view_show_month (CONVENE_CALENDAR_VIEW (calendar), 2021, 2);
  convene_ui_test_wait (200);
  chip = convene_ui_test_find (convene_calendar_view_get_day_cell (CONVENE_CALENDAR_VIEW (calendar), 23),
                               GTK_TYPE_BUTTON, is_subscription_chip, NULL);
  g_assert_nonnull (chip);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (chip)), ==, "win.toast");
  shoot (window, "subscriptions-calendar");

  /* The server fails: a refresh from the window says so on the events,
   * which stay. */
  convene_test_server_set_calendar (server, NULL, "\"gone\"");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh-subscriptions", NULL);
  g_assert_true (convene_ui_test_wait_for (not_refreshing, list, CONVENE_UI_TEST_PATIENCE));
  convene_window_show_section (window, "schedule");
  g_assert_true (convene_ui_test_wait_for (row_shows, schedule, CONVENE_UI_TEST_PATIENCE));
  row = convene_ui_test_find (schedule, CONVENE_TYPE_SESSION_ROW, is_subscription_row,
                              (gpointer) "Beneficial ownership call");
  /* Translators' words, looked up as the badge is written. */
  failed_words = g_dgettext (GETTEXT_PACKAGE, "%s · not refreshed");
  g_assert_true (badges_include (CONVENE_SESSION_ROW (row), strstr (failed_words, "·")));
  convene_ui_test_wait (300);
  shoot (window, "subscriptions-schedule-failed");

  convene_ui_test_finish (app);
}

static gboolean
is_check_link_button (GtkWidget *widget,
                      gpointer   data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "resources.check-link") == 0 &&
         gtk_widget_get_mapped (widget);
}

static gboolean
link_checked (gpointer data)
{
  GtkWidget *dialog = convene_ui_test_find (data, ADW_TYPE_ALERT_DIALOG, NULL, NULL);

  return dialog != NULL &&
         g_strcmp0 (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), _("The Link Works")) == 0;
}

/* Check Link on a resource: the status and redirect said, the page's
 * title offered and, once taken, the resource's. */
static void
test_check_link (void)
{
  g_autoptr(ConveneTestServer) server = convene_test_server_new ();
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  g_autoptr(ConveneResource) resource = convene_resource_new ();
  g_autoptr(ConveneResource) stored = NULL;
  g_autofree char *url = convene_test_server_url (server, "/to/page.html");
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *button, *dialog;
  gint64 plan;

  convene_ui_test_resize (GTK_WINDOW (window), 1400, 900);
  plan = convene_ui_test_import_seed (window);
  convene_resource_set_plan (resource, plan);
  convene_resource_set_kind (resource, CONVENE_RESOURCE_KIND_RESOURCE);
  convene_resource_set_title (resource, "Cities guide");
  convene_resource_set_url (resource, url);
  g_assert_true (convene_store_add (convene_window_get_store (window), CONVENE_ENTITY (resource), &error));
  g_assert_no_error (error);

  convene_window_show_section (window, "resources");
  view = convene_window_get_view (window, "resources");
  convene_ui_test_wait (200);
  button = convene_ui_test_find (view, GTK_TYPE_BUTTON, is_check_link_button, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (convene_ui_test_wait_for (link_checked, window, CONVENE_UI_TEST_PATIENCE));
  dialog = convene_ui_test_find (GTK_WIDGET (window), ADW_TYPE_ALERT_DIALOG, NULL, NULL);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "200 OK"));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "use-title"));
  convene_ui_test_wait (300);
  shoot (window, "subscriptions-check-link");

  g_signal_emit_by_name (dialog, "response", "use-title");
  stored = convene_store_load (convene_window_get_store (window), CONVENE_TYPE_RESOURCE,
                               convene_entity_get_id (CONVENE_ENTITY (resource)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_resource_get_title (stored), ==, "Open Data & Cities \u2014 Caf\u00e9 Guide");
  adw_dialog_force_close (ADW_DIALOG (dialog));

  convene_ui_test_finish (app);
}

int
main (int   argc,
      char *argv[])
{
  spanish = g_getenv ("CONVENE_UI_TEST_SPANISH") != NULL;
  if (spanish)
    {
      g_setenv ("LANGUAGE", "es", TRUE);
      g_setenv ("LANG", "es_ES.UTF-8", TRUE);
      g_unsetenv ("LC_ALL");
      g_unsetenv ("LC_MESSAGES");
    }
  convene_ui_test_init (&argc, &argv);
  if (spanish)
    {
      g_autofree char *locale_dir = NULL;

      if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
        {
          g_printerr ("The es_ES.UTF-8 locale is not installed: skipping\n");
          return 77;
        }
      locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
      convene_i18n_init ();
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/ui/subscriptions/events-shown", test_events_shown);
  g_test_add_func ("/ui/subscriptions/check-link", test_check_link);
  return g_test_run ();
}
