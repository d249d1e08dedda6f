/* test-ui-two-writers.c: the window open while another program writes the
 * same database.  The other writer is a second process: this program run
 * again as one (CONVENE_TEST_ROLE=writer), writing through core as a second
 * window would, and convene-cli importing a file as a cron job would. */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "ui/schedule/convene-schedule-view.h"
#include "ui/session/convene-session-page.h"

typedef struct {
  char               *database;
  ConveneApplication *app;
  ConveneWindow      *window;
  ConveneStore       *store;
  gint64              plan;
  gint64              february;
} Fixture;

/* ---- the other process ---------------------------------------------------- */

/* Sets session CONVENE_TEST_SESSION's topic to CONVENE_TEST_TOPIC and, when
 * CONVENE_TEST_ADD is set, adds a session of that topic to its plan. */
static int
run_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneStore) store = convene_store_new (g_getenv ("CONVENE_TEST_DB"), &error);
  g_autoptr(ConveneSession) session = NULL;
  const char *add = g_getenv ("CONVENE_TEST_ADD");

  g_assert_no_error (error);
  session = convene_store_load (store, CONVENE_TYPE_SESSION,
                                g_ascii_strtoll (g_getenv ("CONVENE_TEST_SESSION"), NULL, 10), &error);
  g_assert_no_error (error);
  convene_session_set_topic (session, g_getenv ("CONVENE_TEST_TOPIC"));
  g_assert_true (convene_store_update (store, CONVENE_ENTITY (session), &error));
  if (add != NULL)
    {
      g_autoptr(ConveneSession) added = convene_session_new ();

      convene_session_set_plan (added, convene_session_get_plan (session));
      convene_session_set_topic (added, add);
      convene_session_set_month (added, "2021-09");
      g_assert_true (convene_store_add (store, CONVENE_ENTITY (added), &error));
    }
  g_assert_no_error (error);
  return 0;
}

/* Runs this program again as the other writer, and waits for it. */
static void
write_elsewhere (Fixture    *f,
                 gint64      session,
                 const char *topic,
                 const char *add)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, session);
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "CONVENE_TEST_ROLE", "writer", TRUE);
  g_subprocess_launcher_setenv (launcher, "CONVENE_TEST_DB", f->database, TRUE);
  g_subprocess_launcher_setenv (launcher, "CONVENE_TEST_SESSION", id, TRUE);
  g_subprocess_launcher_setenv (launcher, "CONVENE_TEST_TOPIC", topic, TRUE);
  if (add != NULL)
    g_subprocess_launcher_setenv (launcher, "CONVENE_TEST_ADD", add, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, "/proc/self/exe", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

/* convene-cli imports a plan, as a cron job would. */
static void
import_with_cli (Fixture    *f,
                 const char *title)
{
  g_autofree char *json = g_strdup_printf (
    "{\"plans\": [{\"id\": 1, \"title\": \"%s\", \"group\": \"IWG\", \"year\": 2022,"
    " \"summary\": null, \"status\": \"draft\", \"timezone\": \"Europe/London\","
    " \"extra_timezones\": [], \"goals\": [], \"actions\": [], \"sessions\": [],"
    " \"resources\": []}], \"people\": []}", title);
  g_autofree char *path = g_strconcat (f->database, ".import.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("CONVENE_CLI"),
                              "--database", f->database, "import", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

/* ---- the window -------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;

  f->database = convene_ui_test_temp_db ();
  f->app = convene_ui_test_app_new (f->database);
  f->window = convene_ui_test_window (f->app);
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
child (gpointer    page,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                 CONVENE_TYPE_SESSION_PAGE, name));
  g_assert_nonnull (widget);
  return widget;
}

static char *
stored_topic (Fixture *f,
              gint64   id)
{
  g_autoptr(ConveneSession) session = convene_store_load (f->store, CONVENE_TYPE_SESSION, id, NULL);

  return session != NULL ? g_strdup (convene_session_get_topic (session)) : NULL;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} Wanted;

static gboolean
label_is (GtkWidget *widget,
          gpointer   data)
{
  return gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Whether a label showing exactly @text is on the screen. */
static gboolean
label_shown (gpointer data)
{
  Wanted *want = data;

  return convene_ui_test_find (want->root, GTK_TYPE_LABEL, label_is, (gpointer) want->text) != NULL;
}

static gboolean
text_shown (gpointer data)
{
  Wanted *want = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (want->root)), want->text) == 0;
}

static gboolean
schedule_lists (gpointer data)
{
  Wanted *want = data;
  GListModel *model = convene_schedule_view_get_model (CONVENE_SCHEDULE_VIEW (want->root));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (CONVENE_IS_SESSION (item) &&
          g_strcmp0 (convene_session_get_topic (CONVENE_SESSION (item)), want->text) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
banner_revealed (gpointer data)
{
  return adw_banner_get_revealed (data);
}

/* The window open on a session: another process renames it and adds one,
 * convene-cli imports a plan; the window shows all three, no restart. */
static void
test_changes_appear (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page = convene_window_open_session (f->window, f->february);
  GtkWidget *schedule = convene_window_get_view (f->window, "schedule");
  Wanted topic = { child (page, "topic_row"), "Open data in cities, renamed elsewhere" };
  Wanted title = { GTK_WIDGET (f->window), "Open data in cities, renamed elsewhere" };
  Wanted added = { schedule, "A call a script added" };
  Wanted plan = { GTK_WIDGET (f->window), "Action Plan 2022 from cron" };

  g_assert_true (CONVENE_IS_SCHEDULE_VIEW (schedule));
  convene_ui_test_wait (50);
  g_assert_false (schedule_lists (&added));
  g_assert_false (label_shown (&plan));

  write_elsewhere (f, f->february, topic.text, added.text);
  import_with_cli (f, plan.text);

  /* The page had no edits of its own: it shows theirs, title and row. */
  g_assert_true (convene_ui_test_wait_for (text_shown, &topic, CONVENE_UI_TEST_PATIENCE));
  g_assert_true (convene_ui_test_wait_for (label_shown, &title, CONVENE_UI_TEST_PATIENCE));
  g_assert_true (convene_ui_test_wait_for (schedule_lists, &added, CONVENE_UI_TEST_PATIENCE));
  g_assert_true (convene_ui_test_wait_for (label_shown, &plan, CONVENE_UI_TEST_PATIENCE));
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (child (page, "conflict_banner"))));
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "two-writers-followed"));

  /* Back on the schedule, the added session is a row a search finds. */
  convene_window_show_section (f->window, "schedule");
  convene_schedule_view_set_search (CONVENE_SCHEDULE_VIEW (schedule), "script");
  added.root = GTK_WIDGET (f->window);
  g_assert_true (convene_ui_test_wait_for (label_shown, &added, CONVENE_UI_TEST_PATIENCE));
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "two-writers-added-row"));
}

/* Types into the topic, and before the page saves another process writes
 * the same row: the page must not save over it, and must say so. */
static GtkWidget *
edit_against_change (Fixture    *f,
                     const char *mine,
                     const char *theirs)
{
  GtkWidget *page;
  AdwBanner *banner;
  g_autofree char *stored = NULL;

  page = convene_window_open_session (f->window, f->february);
  banner = ADW_BANNER (child (page, "conflict_banner"));
  convene_ui_test_wait (50);
  gtk_editable_set_text (GTK_EDITABLE (child (page, "topic_row")), mine);
  write_elsewhere (f, f->february, theirs, NULL);

  /* Either the page notices first or it tries to save first: both ask. */
  g_assert_true (convene_ui_test_wait_for (banner_revealed, banner, CONVENE_UI_TEST_PATIENCE));
  g_assert_false (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  stored = stored_topic (f, f->february);
  g_assert_cmpstr (stored, ==, theirs);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, "topic_row"))), ==, mine);
  return page;
}

static gboolean
button_is (GtkWidget *widget,
           gpointer   data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static void
test_keep_theirs (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *page = edit_against_change (f, "My topic", "Their topic");
  AdwBanner *banner = ADW_BANNER (child (page, "conflict_banner"));
  g_autofree char *stored = NULL;
  g_autofree char *screenshot = g_strdup_printf ("two-writers-banner-%s",
                                                 g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en");

  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), screenshot));
  g_assert_true (gtk_widget_activate_action (page, "session.keep-theirs", NULL));
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, "topic_row"))), ==, "Their topic");
  stored = stored_topic (f, f->february);
  g_assert_cmpstr (stored, ==, "Their topic");

  /* Edits from there on are saved again. */
  gtk_editable_set_text (GTK_EDITABLE (child (page, "topic_row")), "Their topic, then mine");
  g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
  g_clear_pointer (&stored, g_free);
  stored = stored_topic (f, f->february);
  g_assert_cmpstr (stored, ==, "Their topic, then mine");
}

/* Overwrite, chosen in the dialog the banner's button opens. */
static void
test_overwrite (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *page = edit_against_change (f, "My topic", "Their topic");
  AdwBanner *banner = ADW_BANNER (child (page, "conflict_banner"));
  g_autofree char *stored = NULL;
  g_autofree char *screenshot = g_strdup_printf ("two-writers-dialog-%s",
                                                 g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en");
  AdwDialog *dialog;
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (page, "session.resolve-conflict", NULL));
  convene_ui_test_wait (200);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), screenshot));
  button = convene_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, button_is, _("_Overwrite"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  convene_ui_test_wait (200);

  g_assert_false (adw_banner_get_revealed (banner));
  stored = stored_topic (f, f->february);
  g_assert_cmpstr (stored, ==, "My topic");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, "topic_row"))), ==, "My topic");
}

/* Leaving the page with the question open: the edits are not saved, and
 * the window says so. */
static void
test_leaving_says_so (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *stored = NULL;
  Wanted toast = { GTK_WIDGET (f->window), _("Your edits were not saved: the session was changed elsewhere") };

  edit_against_change (f, "My topic", "Their topic");
  convene_window_show_section (f->window, "calendar");
  g_assert_true (convene_ui_test_wait_for (label_shown, &toast, CONVENE_UI_TEST_PATIENCE));
  stored = stored_topic (f, f->february);
  g_assert_cmpstr (stored, ==, "Their topic");
}

int
main (int   argc,
      char *argv[])
{
  if (g_strcmp0 (g_getenv ("CONVENE_TEST_ROLE"), "writer") == 0)
    return run_writer ();

  convene_ui_test_init (&argc, &argv);
  /* LANGUAGE=es LANG=es_ES.UTF-8 takes the screenshots in Spanish. */
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "es") == 0)
    {
      g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      setlocale (LC_ALL, "es_ES.UTF-8");
      g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
      convene_i18n_init ();
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add ("/ui/two-writers/changes-appear", Fixture, NULL,
              fixture_set_up, test_changes_appear, fixture_tear_down);
  g_test_add ("/ui/two-writers/keep-theirs", Fixture, NULL,
              fixture_set_up, test_keep_theirs, fixture_tear_down);
  g_test_add ("/ui/two-writers/overwrite", Fixture, NULL,
              fixture_set_up, test_overwrite, fixture_tear_down);
  g_test_add ("/ui/two-writers/leaving-says-so", Fixture, NULL,
              fixture_set_up, test_leaving_says_so, fixture_tear_down);
  return g_test_run ();
}
