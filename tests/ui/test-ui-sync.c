/* test-ui-sync.c: CalDAV from the window, against a real Radicale on
 * 127.0.0.1 and a real gnome-keyring on a private D-Bus, which
 * tests/sync/run-with-caldav.py starts around this program and names in
 * CONVENE_TEST_CALDAV_URL, _USER and _PASSWORD.
 *
 * An account added in the sync dialog, a calendar made there, Sync Now; an
 * edit made on the server with curl shows in the schedule after the next
 * sync; an edit on both sides shows both versions side by side, and Keep
 * Theirs takes the server's; an event a member made on their phone is
 * named on the banner and left alone; a refused password is said on the
 * banner and the plan's status; Cancel on the banner ends a sync that
 * waits on a silent server; a series' change that cannot be taken is named
 * on the banner.  Screenshots sync-*.png (es-sync-*.png in Spanish,
 * CONVENE_UI_TEST_SPANISH) for a person to look at.
 */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "model/convene-session.h"
#include "store/convene-sync-rows.h"
#include "ui/schedule/convene-session-row.h"
#include "ui/sync/convene-sync-conflict-dialog.h"
#include "ui/sync/convene-sync-dialog.h"

static gboolean spanish;
static const char *server_url;
static const char *server_user;
static const char *server_password;

static void
shoot (ConveneWindow *window,
       const char    *name)
{
  g_autofree char *full = g_strdup_printf ("%s%s", spanish ? "es-" : "", name);
  g_autofree char *path = convene_ui_test_screenshot (GTK_WIDGET (window), full);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gpointer
child (GtkWidget  *dialog,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (dialog, type, name);

  g_assert_nonnull (object);
  return object;
}

/* ---- the server, as another client (curl) ---------------------------- */

/* Sends @method to @url as another CalDAV client would; the body, the
 * status and the answer's ETag.  Long for curl's arguments, one a line. */
static char *
curl (const char  *method,
      const char  *url,
      const char  *body,
      const char  *if_match,
      guint       *status,
      char       **etag)
{
  g_autofree char *dir = g_dir_make_tmp ("convene-curl-XXXXXX", NULL);
  g_autofree char *headers_path = g_build_filename (dir, "headers", NULL);
  g_autofree char *body_path = g_build_filename (dir, "body", NULL);
  g_autofree char *auth = g_strdup_printf ("%s:%s", server_user, server_password);
  g_autofree char *match = if_match != NULL ? g_strdup_printf ("If-Match: %s", if_match) : NULL;
  g_autofree char *data = body != NULL ? g_strdup_printf ("@%s", body_path) : NULL;
  g_autofree char *out = NULL;
  g_autofree char *headers = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GRegex) etag_re = g_regex_new ("(?im)^etag:\\s*(.+?)\\s*$", 0, 0, NULL);
  char *code;
  int wait_status;

  if (body != NULL)
    g_assert_true (g_file_set_contents (body_path, body, -1, NULL));
  g_ptr_array_add (argv, (gpointer) "curl");
  g_ptr_array_add (argv, (gpointer) "-s");
  g_ptr_array_add (argv, (gpointer) "-S");
  g_ptr_array_add (argv, (gpointer) "-u");
  g_ptr_array_add (argv, auth);
  g_ptr_array_add (argv, (gpointer) "-X");
  g_ptr_array_add (argv, (gpointer) method);
  g_ptr_array_add (argv, (gpointer) "-D");
  g_ptr_array_add (argv, headers_path);
  g_ptr_array_add (argv, (gpointer) "-w");
  g_ptr_array_add (argv, (gpointer) "\n%{http_code}");
  if (match != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "-H");
      g_ptr_array_add (argv, match);
    }
  if (data != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "-H");
      g_ptr_array_add (argv, (gpointer) "Content-Type: text/calendar");
      g_ptr_array_add (argv, (gpointer) "--data-binary");
      g_ptr_array_add (argv, data);
    }
  g_ptr_array_add (argv, (gpointer) url);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (headers_path, &headers, NULL, NULL));
  if (etag != NULL)
    *etag = g_regex_match (etag_re, headers, 0, &info) ? g_match_info_fetch (info, 1) : NULL;
  code = strrchr (out, '\n');
  g_assert_nonnull (code);
  *code = '\0';
  *status = (guint) g_ascii_strtoull (code + 1, NULL, 10);
  g_unlink (headers_path);
  g_unlink (body_path);
  g_rmdir (dir);
  return g_steal_pointer (&out);
}

/* The href of @session's event, as the store remembers it. */
static char *
href_of (ConveneStore *store,
         gint64        session_id)
{
  g_autoptr(GPtrArray) accounts = convene_store_list_sync_accounts (store, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *uid = g_strdup_printf ("session-%" G_GINT64_FORMAT "@convene", session_id);

  g_assert_cmpuint (accounts->len, ==, 1);
  items = convene_store_list_sync_items (store, ((ConveneSyncAccount *) g_ptr_array_index (accounts, 0))->id,
                                         0, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ConveneSyncItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->uid, uid))
        return g_strdup (item->href);
    }
  return NULL;
}

/* Gives the event of @session_id the topic @topic on the server, with
 * If-Match on its ETag there, as a phone's calendar would. */
static void
edit_on_server (ConveneStore *store,
                gint64        session_id,
                const char   *topic)
{
  g_autofree char *href = href_of (store, session_id);
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *line = g_strdup_printf ("SUMMARY:%s", topic);
  g_autoptr(GRegex) summary = g_regex_new ("(?m)^SUMMARY[^:\\r\\n]*:.*$", 0, 0, NULL);
  g_autoptr(GRegex) folded = g_regex_new ("\\r\\n[ \\t]", 0, 0, NULL);
  guint status = 0;

  g_assert_nonnull (href);
  text = curl ("GET", href, NULL, NULL, &status, &etag);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (etag);
  /* Lines folded by the server are unfolded, so the SUMMARY is whole. */
  unfolded = g_regex_replace_literal (folded, text, -1, 0, "", 0, NULL);
  edited = g_regex_replace_literal (summary, unfolded, -1, 0, line, 0, NULL);
  g_free (curl ("PUT", href, edited, etag, &status, NULL));
  g_assert_true (status == 200 || status == 201 || status == 204);
}

/* The SUMMARY the server holds for @session_id's event, read by libical. */
static char *
summary_on_server (ConveneStore *store,
                   gint64        session_id)
{
  g_autofree char *href = href_of (store, session_id);
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  char *summary;
  guint status = 0;

  g_assert_nonnull (href);
  text = curl ("GET", href, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  summary = g_strdup (icalcomponent_get_summary (icalcomponent_get_first_real_component (calendar)));
  icalcomponent_free (calendar);
  return summary;
}

/* ---- the window ------------------------------------------------------- */

static gboolean
spinner_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
has_account (gpointer data)
{
  g_autoptr(GPtrArray) accounts = convene_store_list_sync_accounts (data, NULL);

  return accounts != NULL && accounts->len == 1;
}

static gboolean
has_calendar (gpointer data)
{
  g_autoptr(GPtrArray) accounts = convene_store_list_sync_accounts (data, NULL);

  return accounts != NULL && accounts->len == 1 &&
         ((ConveneSyncAccount *) g_ptr_array_index (accounts, 0))->calendar_url != NULL;
}

static gboolean
is_row_with_topic (GtkWidget *widget,
                   gpointer   data)
{
  ConveneSession *session = convene_session_row_get_session (CONVENE_SESSION_ROW (widget));

  return session != NULL && g_strcmp0 (convene_session_get_topic (session), data) == 0;
}

typedef struct {
  GtkWidget  *view;
  const char *topic;
} RowWanted;

static gboolean
row_shows (gpointer data)
{
  RowWanted *wanted = data;

  return convene_ui_test_find (wanted->view, CONVENE_TYPE_SESSION_ROW, is_row_with_topic,
                               (gpointer) wanted->topic) != NULL;
}

static gboolean
is_label_with (GtkWidget *widget,
               gpointer   data)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_sync_banner (GtkWidget *widget,
                gpointer   data)
{
  return gtk_widget_has_css_class (widget, "sync-banner");
}

static GtkWidget *
open_dialog (ConveneWindow *window)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-settings", NULL);
  dialog = convene_ui_test_find (GTK_WIDGET (window), CONVENE_TYPE_SYNC_DIALOG, NULL, NULL);
  g_assert_nonnull (dialog);
  return dialog;
}

/* Fills the account form as a person would and presses Add Account. */
static void
add_account (ConveneWindow *window,
             GtkWidget     *dialog,
             const char    *user,
             const char    *password)
{
  ConveneStore *store = convene_window_get_store (window);
  GtkWidget *url_row = child (dialog, CONVENE_TYPE_SYNC_DIALOG, "url_row");
  GtkWidget *add_button = child (dialog, CONVENE_TYPE_SYNC_DIALOG, "add_button");
  GtkWidget *error_label = child (dialog, CONVENE_TYPE_SYNC_DIALOG, "account_error_label");

  /* Not an address: said so, and nothing can be added. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "calendar.example.org");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, CONVENE_TYPE_SYNC_DIALOG, "user_row")), user);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, CONVENE_TYPE_SYNC_DIALOG, "password_row")), password);
  g_assert_false (gtk_widget_get_sensitive (add_button));
  g_assert_true (gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (url_row), server_url);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_get_sensitive (add_button));
  g_signal_emit_by_name (add_button, "clicked");
  g_assert_true (convene_ui_test_wait_for (has_account, store, CONVENE_UI_TEST_PATIENCE));
  g_assert_true (convene_ui_test_wait_for (spinner_hidden,
                                           child (dialog, CONVENE_TYPE_SYNC_DIALOG, "add_spinner"), CONVENE_UI_TEST_PATIENCE));
  g_assert_false (gtk_widget_get_visible (error_label));
  /* The form is emptied: the password stays on screen no longer than needed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, CONVENE_TYPE_SYNC_DIALOG, "password_row"))),
                   ==, "");
}

static void
sync_now (GtkWidget *dialog)
{
  GtkWidget *button = child (dialog, CONVENE_TYPE_SYNC_DIALOG, "sync_button");
  GtkWidget *spinner = child (dialog, CONVENE_TYPE_SYNC_DIALOG, "sync_spinner");

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  /* Under way: the main loop runs on (this test's own waits are it). */
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (convene_ui_test_wait_for (spinner_hidden, spinner, CONVENE_UI_TEST_PATIENCE));
  g_test_message ("after the sync: %s",
                  adw_action_row_get_subtitle (child (dialog, CONVENE_TYPE_SYNC_DIALOG, "status_row")));
}

static gint64
first_dated_session (ConveneStore *store,
                     gint64        plan)
{
  g_autoptr(GPtrArray) sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", plan, NULL);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, i);

      if (convene_session_get_start (session) != NULL)
        return convene_entity_get_id (CONVENE_ENTITY (session));
    }
  return 0;
}

static void
set_topic (ConveneStore *store,
           gint64        session_id,
           const char   *topic)
{
  g_autoptr(ConveneSession) session = convene_store_load (store, CONVENE_TYPE_SESSION, session_id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (session);
  convene_session_set_topic (session, topic);
  g_assert_true (convene_store_update (store, CONVENE_ENTITY (session), &error));
  g_assert_no_error (error);
}

static char *
topic_of (ConveneStore *store,
          gint64        session_id)
{
  g_autoptr(ConveneSession) session = convene_store_load (store, CONVENE_TYPE_SESSION, session_id, NULL);

  return session != NULL ? g_strdup (convene_session_get_topic (session)) : NULL;
}

/* Long because it walks one story: add an account, make a calendar, sync,
 * see the server's edit here, then an edit on both sides settled. */
static void
test_sync_in_window (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  ConveneStore *store = convene_window_get_store (window);
  GtkWidget *dialog, *banner, *conflict_dialog, *grid, *schedule;
  g_autofree char *theirs = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *on_server = NULL;
  RowWanted wanted;
  gint64 plan, session;

  convene_ui_test_resize (GTK_WINDOW (window), 1400, 900);
  plan = convene_ui_test_import_seed (window);
  g_assert_cmpint (plan, >, 0);
  session = first_dated_session (store, plan);
  g_assert_cmpint (session, >, 0);

  dialog = open_dialog (window);
  /* No account yet: nothing to sync with. */
  g_assert_false (gtk_widget_get_sensitive (child (dialog, CONVENE_TYPE_SYNC_DIALOG, "sync_button")));
  convene_ui_test_wait (200);
  shoot (window, "sync-dialog-empty");
  add_account (window, dialog, server_user, server_password);

  /* A new user's home has no calendar: one is made from the dialog. */
  g_assert_true (convene_ui_test_wait_for (spinner_hidden,
                                           child (dialog, CONVENE_TYPE_SYNC_DIALOG, "calendar_spinner"), CONVENE_UI_TEST_PATIENCE));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, CONVENE_TYPE_SYNC_DIALOG, "new_calendar_row")),
                         "Working Group 2021");
  g_signal_emit_by_name (child (dialog, CONVENE_TYPE_SYNC_DIALOG, "new_calendar_row"), "apply");
  g_assert_true (convene_ui_test_wait_for (has_calendar, store, CONVENE_UI_TEST_PATIENCE));
  g_assert_true (convene_ui_test_wait_for (spinner_hidden,
                                           child (dialog, CONVENE_TYPE_SYNC_DIALOG, "calendar_spinner"), CONVENE_UI_TEST_PATIENCE));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (
                      child (dialog, CONVENE_TYPE_SYNC_DIALOG, "calendar_row"))), ==, 1);

  sync_now (dialog);
  g_assert_false (gtk_widget_has_css_class (child (dialog, CONVENE_TYPE_SYNC_DIALOG, "status_row"),
                                            "sync-failed"));
  /* The session is on the server as it is here. */
  mine = topic_of (store, session);
  on_server = summary_on_server (store, session);
  g_assert_cmpstr (on_server, ==, mine);
  convene_ui_test_wait (200);
  shoot (window, "sync-dialog");

  /* An edit made on the server (a member's phone) shows after Sync. */
  edit_on_server (store, session, "Edited on the phone");
  sync_now (dialog);
  g_clear_pointer (&mine, g_free);
  mine = topic_of (store, session);
  g_assert_cmpstr (mine, ==, "Edited on the phone");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  convene_window_show_section (window, "schedule");
  schedule = convene_window_get_view (window, "schedule");
  wanted.view = schedule;
  wanted.topic = "Edited on the phone";
  g_assert_true (convene_ui_test_wait_for (row_shows, &wanted, CONVENE_UI_TEST_PATIENCE));
  convene_ui_test_wait (200);
  shoot (window, "sync-pulled");

  /* Both sides change it: nothing is overwritten, the banner says so. */
  set_topic (store, session, "Edited here");
  edit_on_server (store, session, "Edited there");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL);
  banner = convene_ui_test_find (GTK_WIDGET (window), ADW_TYPE_BANNER, is_sync_banner, NULL);
  g_assert_nonnull (banner);
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (banner)));
  dialog = open_dialog (window);
  g_assert_true (convene_ui_test_wait_for (spinner_hidden,
                                           child (dialog, CONVENE_TYPE_SYNC_DIALOG, "sync_spinner"), CONVENE_UI_TEST_PATIENCE));
  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_clear_pointer (&mine, g_free);
  mine = topic_of (store, session);
  g_assert_cmpstr (mine, ==, "Edited here");
  g_clear_pointer (&on_server, g_free);
  on_server = summary_on_server (store, session);
  g_assert_cmpstr (on_server, ==, "Edited there");
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (banner)));
  convene_ui_test_wait (200);
  shoot (window, "sync-conflict-banner");

  /* The banner's button shows both versions, field by field. */
  g_test_message ("the banner: %s", adw_banner_get_title (ADW_BANNER (banner)));
  g_signal_emit_by_name (banner, "button-clicked");
  conflict_dialog = convene_ui_test_find (GTK_WIDGET (window), CONVENE_TYPE_SYNC_CONFLICT_DIALOG, NULL, NULL);
  g_assert_nonnull (conflict_dialog);
  grid = child (conflict_dialog, CONVENE_TYPE_SYNC_CONFLICT_DIALOG, "grid");
  g_assert_nonnull (convene_ui_test_find (grid, GTK_TYPE_LABEL, is_label_with, (gpointer) "Edited here"));
  g_assert_nonnull (convene_ui_test_find (grid, GTK_TYPE_LABEL, is_label_with, (gpointer) "Edited there"));
  g_assert_true (gtk_widget_has_css_class (convene_ui_test_find (grid, GTK_TYPE_LABEL, is_label_with,
                                                                 (gpointer) "Edited there"),
                                           "conflict-changed"));
  convene_ui_test_wait (300);
  shoot (window, "sync-conflict");

  /* Keep Theirs: the server's version here, and nothing more waits. */
  g_signal_emit_by_name (child (conflict_dialog, CONVENE_TYPE_SYNC_CONFLICT_DIALOG, "keep_theirs_button"),
                         "clicked");
  g_clear_pointer (&mine, g_free);
  mine = topic_of (store, session);
  g_assert_cmpstr (mine, ==, "Edited there");
  {
    g_autoptr(GPtrArray) conflicts = convene_store_list_sync_conflicts (store, 0, NULL);

    g_assert_cmpuint (conflicts->len, ==, 0);
  }
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));
  wanted.topic = "Edited there";
  g_assert_true (convene_ui_test_wait_for (row_shows, &wanted, CONVENE_UI_TEST_PATIENCE));

  /* The next sync leaves the server's version as it is. */
  dialog = open_dialog (window);
  sync_now (dialog);
  g_clear_pointer (&on_server, g_free);
  on_server = summary_on_server (store, session);
  g_assert_cmpstr (on_server, ==, "Edited there");
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));

  /* A member adds an event on their phone: it is named, left on the
   * server, and not made a session. */
  {
    g_autoptr(ConveneSyncAccount) account = convene_store_get_sync_account (store, 1, NULL);
    g_autofree char *href = NULL;
    g_autoptr(GPtrArray) before = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", plan, NULL);
    g_autoptr(GPtrArray) after = NULL;
    guint status = 0;

    g_assert_nonnull (account);
    href = g_strconcat (account->calendar_url, "phone-event.ics", NULL);
    g_free (curl ("PUT", href,
                  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//Calendar//EN\r\nBEGIN:VEVENT\r\n"
                  "UID:4F1C-phone-event@example.org\r\nDTSTAMP:20210401T120000Z\r\n"
                  "DTSTART:20210504T210000Z\r\nDURATION:PT30M\r\nSUMMARY:Call from the phone\r\n"
                  "END:VEVENT\r\nEND:VCALENDAR\r\n", NULL, &status, NULL));
    g_assert_true (status == 201 || status == 204);
    sync_now (dialog);
    adw_dialog_force_close (ADW_DIALOG (dialog));
    g_assert_true (adw_banner_get_revealed (ADW_BANNER (banner)));
    g_assert_nonnull (strstr (adw_banner_get_title (ADW_BANNER (banner)), "Call from the phone"));
    after = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", plan, NULL);
    g_assert_cmpuint (after->len, ==, before->len);
    g_free (curl ("GET", href, NULL, NULL, &status, NULL));
    g_assert_cmpuint (status, ==, 200);
    convene_ui_test_wait (200);
    shoot (window, "sync-foreign");
    /* Dismissed, it goes. */
    g_signal_emit_by_name (banner, "button-clicked");
    g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));
  }

  convene_ui_test_finish (app);
}


/* A series' change on the server that Convene cannot take (a meeting the
 * rule does not have): the rest is taken, and the banner names what was
 * left out until it is dismissed. */
static void
test_series_warning (void)
{
  static const char series[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Series//EN\r\nX-WR-CALNAME:Weekly plan\r\n"
    "BEGIN:VEVENT\r\nUID:weekly-call@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
    "DTSTART;TZID=Europe/London:20260303T180000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=8\r\n"
    "SUMMARY:Weekly call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  static const char stray[] =
    "BEGIN:VEVENT\r\nUID:session-%" G_GINT64_FORMAT "@convene\r\nDTSTAMP:20260201T120000Z\r\n"
    "RECURRENCE-ID;TZID=Europe/London:20260325T180000\r\n"
    "DTSTART;TZID=Europe/London:20260325T180000\r\nDURATION:PT1H\r\nSUMMARY:Weekly call\r\n"
    "STATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR";
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  ConveneStore *store = convene_window_get_store (window);
  g_autofree char *dir = g_dir_make_tmp ("convene-series-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "series.ics", NULL);
  g_autofree char *href = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  g_autofree char *head = NULL;
  g_autofree char *end = NULL;
  g_autofree char *edited = NULL;
  GtkWidget *dialog, *banner;
  gint64 session;
  guint status = 0;

  convene_ui_test_resize (GTK_WINDOW (window), 1400, 900);
  g_assert_true (g_file_set_contents (path, series, -1, NULL));
  g_assert_true (convene_ui_test_import_file (window, path));
  g_unlink (path);
  g_rmdir (dir);
  session = first_dated_session (store, convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (window))));
  g_assert_cmpint (session, >, 0);

  /* The account the first test added, its password already in the
   * keyring: the calendar it made is the one found. */
  g_assert_cmpint (convene_store_add_sync_account (store, server_url, server_user, NULL), >, 0);
  dialog = open_dialog (window);
  g_assert_true (convene_ui_test_wait_for (spinner_hidden,
                                           child (dialog, CONVENE_TYPE_SYNC_DIALOG, "calendar_spinner"), CONVENE_UI_TEST_PATIENCE));
  sync_now (dialog);

  /* A phone cancels a meeting on a Wednesday the weekly rule never gives. */
  href = href_of (store, session);
  g_assert_nonnull (href);
  text = curl ("GET", href, NULL, NULL, &status, &etag);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (text, "END:VCALENDAR"));
  end = g_strdup_printf (stray, session);
  head = g_strndup (text, strstr (text, "END:VCALENDAR") - text);
  edited = g_strconcat (head, end, "\r\n", NULL);
  g_free (curl ("PUT", href, edited, etag, &status, NULL));
  g_assert_true (status == 200 || status == 201 || status == 204);
  sync_now (dialog);
  adw_dialog_force_close (ADW_DIALOG (dialog));

  banner = convene_ui_test_find (GTK_WIDGET (window), ADW_TYPE_BANNER, is_sync_banner, NULL);
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (banner)));
  g_test_message ("the banner: %s", adw_banner_get_title (ADW_BANNER (banner)));
  /* It names the series and the meeting, as the server wrote it. */
  g_assert_nonnull (strstr (adw_banner_get_title (ADW_BANNER (banner)), "20260325T180000"));
  g_assert_nonnull (strstr (adw_banner_get_title (ADW_BANNER (banner)), "Weekly call"));
  convene_ui_test_wait (200);
  shoot (window, "sync-series-warning");
  g_signal_emit_by_name (banner, "button-clicked");
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));

  convene_ui_test_finish (app);
}

/* A password the server refuses: the banner and the plan's status say
 * so, and nothing is written. */
static void
test_refused_password (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  ConveneStore *store = convene_window_get_store (window);
  GtkWidget *dialog, *banner, *status_row;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) items = NULL;

  convene_ui_test_resize (GTK_WINDOW (window), 1400, 900);
  g_assert_cmpint (convene_ui_test_import_seed (window), >, 0);
  dialog = open_dialog (window);
  add_account (window, dialog, "intruder", "not-the-password");
  sync_now (dialog);
  status_row = child (dialog, CONVENE_TYPE_SYNC_DIALOG, "status_row");
  g_assert_true (gtk_widget_has_css_class (status_row, "sync-failed"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)), "401"));
  banner = convene_ui_test_find (GTK_WIDGET (window), ADW_TYPE_BANNER, is_sync_banner, NULL);
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (banner)));
  g_assert_nonnull (strstr (adw_banner_get_title (ADW_BANNER (banner)), "401"));
  accounts = convene_store_list_sync_accounts (store, NULL);
  g_assert_cmpuint (accounts->len, ==, 1);
  items = convene_store_list_sync_items (store, ((ConveneSyncAccount *) g_ptr_array_index (accounts, 0))->id,
                                         0, NULL);
  g_assert_cmpuint (items->len, ==, 0);
  convene_ui_test_wait (300);
  shoot (window, "sync-failed");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  convene_ui_test_wait (200);
  shoot (window, "sync-failed-banner");

  convene_ui_test_finish (app);
}

static gboolean
spinner_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* A server that takes the connection and never answers: Cancel on the
 * banner ends the sync at once (well inside the requests' own timeout),
 * and the plan's state says it was cancelled. */
static void
test_cancel (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  g_autoptr(GSocket) silent = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  const char *real_url = server_url;
  GtkWidget *dialog, *banner, *spinner, *status_row;
  g_autoptr(GError) error = NULL;

  /* Listening, so the connection is made, but nothing ever reads it. */
  g_assert_true (g_socket_bind (silent, any, TRUE, &error));
  g_assert_true (g_socket_listen (silent, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (silent, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u/", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  convene_ui_test_resize (GTK_WINDOW (window), 1400, 900);
  g_assert_cmpint (convene_ui_test_import_seed (window), >, 0);
  dialog = open_dialog (window);
  server_url = url;
  add_account (window, dialog, "coordinator", "whatever");
  server_url = real_url;
  spinner = child (dialog, CONVENE_TYPE_SYNC_DIALOG, "sync_spinner");
  g_signal_emit_by_name (child (dialog, CONVENE_TYPE_SYNC_DIALOG, "sync_button"), "clicked");
  g_assert_true (spinner_shown (spinner));
  adw_dialog_force_close (ADW_DIALOG (dialog));
  banner = convene_ui_test_find (GTK_WIDGET (window), ADW_TYPE_BANNER, is_sync_banner, NULL);
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (banner)));
  convene_ui_test_wait (300);
  shoot (window, "sync-running");

  /* The banner's button is Cancel while the sync runs. */
  g_signal_emit_by_name (banner, "button-clicked");
  dialog = open_dialog (window);
  spinner = child (dialog, CONVENE_TYPE_SYNC_DIALOG, "sync_spinner");
  g_assert_true (convene_ui_test_wait_for (spinner_hidden, spinner, CONVENE_UI_TEST_PATIENCE));
  status_row = child (dialog, CONVENE_TYPE_SYNC_DIALOG, "status_row");
  g_assert_true (gtk_widget_has_css_class (status_row, "sync-failed"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)),
                            g_dgettext (GETTEXT_PACKAGE, "it was cancelled")));
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
  /* Nothing but the test's own Sync Now talks to the server. */
  g_setenv ("CONVENE_NO_REFRESH", "1", TRUE);
  convene_ui_test_init (&argc, &argv);
  server_url = g_getenv ("CONVENE_TEST_CALDAV_URL");
  server_user = g_getenv ("CONVENE_TEST_CALDAV_USER");
  server_password = g_getenv ("CONVENE_TEST_CALDAV_PASSWORD");
  if (server_url == NULL || server_user == NULL || server_password == NULL)
    {
      g_printerr ("No CalDAV server: run through tests/sync/run-with-caldav.py\n");
      return 77;
    }
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

  g_test_add_func ("/ui/sync/in-window", test_sync_in_window);
  g_test_add_func ("/ui/sync/refused-password", test_refused_password);
  g_test_add_func ("/ui/sync/series-warning", test_series_warning);
  g_test_add_func ("/ui/sync/cancel", test_cancel);
  return g_test_run ();
}
