/* test-ui-kill-window.c: the window killed in the middle of a run of edits.
 *
 * This program runs itself again as the editor (CONVENE_TEST_ROLE=editor):
 * a real window that makes 1,000 edits (250 under AddressSanitizer)
 * through its session pages — topics, start times, attendance, deletes and
 * their Undo — and prints a line for each one once the page says it is
 * saved.  The test kills it with SIGKILL after a random number of those
 * lines, then checks the database as a user would: `convene-cli check`
 * passes and every edit that was reported saved is there.
 */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui/session/convene-attendance-group.h"
#include "ui/session/convene-session-page.h"

/* Each edit builds a session page, thousands of GTK allocations.  Under
 * AddressSanitizer (the sanitizer pass unwinds the stack of every one, for
 * its leak report) an edit takes about five times as long, so that pass
 * makes fewer: still every kind of edit many times over, and a kill at a
 * random point among them. */
#if defined(__SANITIZE_ADDRESS__)
#define N_EDITS 250
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define N_EDITS 250
#endif
#endif
#ifndef N_EDITS
#define N_EDITS 1000
#endif

/* ---- the editor ---------------------------------------------------------- */

static GtkWidget *
page_child (GtkWidget  *page,
            const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (page, CONVENE_TYPE_SESSION_PAGE, name));

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
is_check (GtkWidget *widget,
          gpointer   data)
{
  return g_object_get_data (G_OBJECT (widget), "person") != NULL;
}

/* One line on the standard output, at once: the test reads it as it comes. */
static void G_GNUC_PRINTF (1, 2)
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

/* Edit @i on session @id through its page.  It says "will" and the edit
 * before it begins, and the edit again once the page reports it saved. */
static void
edit_once (ConveneWindow *window,
           guint          i,
           gint64         id)
{
  g_autofree char *clock = g_strdup_printf ("%02u:%02u", 6 + i % 14, (i % 4) * 15);
  g_autofree char *topic = g_strdup_printf ("Edit %u", i);
  GtkWidget *page;

  switch (i % 10)
    {
    case 7: /* a start time */
      say ("will time %u %" G_GINT64_FORMAT " %s", i, id, clock);
      page = convene_window_open_session (window, id);
      gtk_editable_set_text (GTK_EDITABLE (page_child (page, "time_row")), clock);
      g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
      say ("time %u %" G_GINT64_FORMAT " %s", i, id, clock);
      break;
    case 8: /* who came: the check box of one member */
      {
        ConveneAttendanceGroup *group;
        GtkWidget *check;
        guint n_present;
        gboolean now;
        gint64 person;

        say ("will attend %u %" G_GINT64_FORMAT, i, id);
        page = convene_window_open_session (window, id);
        group = CONVENE_ATTENDANCE_GROUP (page_child (page, "attendance_group"));
        check = convene_ui_test_find (GTK_WIDGET (group), GTK_TYPE_CHECK_BUTTON, is_check, NULL);
        g_assert_nonnull (check);
        person = *(gint64 *) g_object_get_data (G_OBJECT (check), "person");
        n_present = convene_attendance_group_get_n_present (group);
        now = !gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), now);
        /* The group counts only what it stored. */
        g_assert_cmpuint (convene_attendance_group_get_n_present (group), ==, n_present + (now ? 1 : -1));
        say ("attend %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d", i, id, person, now);
      }
      break;
    case 9: /* deleted, then Undo in the toast */
      {
        g_autoptr(ConveneSession) session = NULL;

        say ("will delete %u %" G_GINT64_FORMAT, i, id);
        page = convene_window_open_session (window, id);
        session = g_object_ref (convene_session_page_get_session (CONVENE_SESSION_PAGE (page)));
        convene_window_delete (window, CONVENE_ENTITY (session));
        say ("delete %u %" G_GINT64_FORMAT, i, id);
        say ("will undo %u %" G_GINT64_FORMAT, i, id);
        g_assert_true (convene_window_undo (window));
        say ("undo %u %" G_GINT64_FORMAT, i, id);
      }
      break;
    default: /* a topic */
      say ("will topic %u %" G_GINT64_FORMAT " %s", i, id, topic);
      page = convene_window_open_session (window, id);
      gtk_editable_set_text (GTK_EDITABLE (page_child (page, "topic_row")), topic);
      g_assert_true (convene_session_page_save (CONVENE_SESSION_PAGE (page)));
      say ("topic %u %" G_GINT64_FORMAT " %s", i, id, topic);
    }
}

static int
run_editor (void)
{
  ConveneApplication *app = convene_ui_test_app_new (g_getenv ("CONVENE_TEST_DB"));
  ConveneWindow *window = convene_ui_test_window (app);
  ConveneStore *store = convene_window_get_store (window);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Sessions with a start, so that every kind of edit applies to each. */
  sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan",
                                  convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (window))),
                                  NULL);
  for (guint k = 0; k < sessions->len; k++)
    if (convene_session_get_start (g_ptr_array_index (sessions, k)) != NULL)
      {
        gint64 id = convene_entity_get_id (g_ptr_array_index (sessions, k));
        g_array_append_val (ids, id);
      }
  g_assert_cmpuint (ids->len, >, 1);
  say ("ready");
  for (guint i = 0; i < N_EDITS; i++)
    {
      edit_once (window, i, g_array_index (ids, gint64, i % ids->len));
      g_main_context_iteration (NULL, FALSE);
    }
  say ("done");
  convene_ui_test_finish (app);
  return 0;
}

/* ---- the test ------------------------------------------------------------ */

/* What the editor reported saved, and the one edit it had begun and not
 * reported when it died: that one may or may not have been committed. */
typedef struct {
  GHashTable *values;     /* "kind id [person]" → the value last reported saved */
  GHashTable *deleted;    /* "id" → present while a delete is not undone */
  GStrv       pending;    /* the "will ..." line not followed by its report */
  guint       edits;      /* reports read */
} Reported;

/* "topic 12 3 Edit 12" → key "topic 3", value "Edit 12"; attendance is
 * keyed by session and person, a delete and its Undo by session. */
static void
reported_read (Reported   *r,
               const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", 4);

  /* GLib's own test messages share the output. */
  if (line[0] == '#' || line[0] == '\0')
    return;
  g_assert_cmpuint (g_strv_length (words), >=, 3);
  if (g_str_equal (words[0], "will"))
    {
      g_clear_pointer (&r->pending, g_strfreev);
      r->pending = g_strsplit (line + 5, " ", 4);
      return;
    }
  g_clear_pointer (&r->pending, g_strfreev);
  r->edits++;
  if (g_str_equal (words[0], "delete"))
    g_hash_table_add (r->deleted, g_strdup (words[2]));
  else if (g_str_equal (words[0], "undo"))
    g_hash_table_remove (r->deleted, words[2]);
  else if (g_str_equal (words[0], "attend"))
    {
      g_auto(GStrv) pair = g_strsplit (words[3], " ", 2);

      g_hash_table_replace (r->values, g_strdup_printf ("attend %s %s", words[2], pair[0]),
                            g_strdup (pair[1]));
    }
  else
    g_hash_table_replace (r->values, g_strdup_printf ("%s %s", words[0], words[2]),
                          g_strdup (words[3]));
}

static gboolean
session_of_key_is (const char *key,
                   const char *id)
{
  g_auto(GStrv) words = g_strsplit (key, " ", 3);

  return g_strv_length (words) >= 2 && g_str_equal (words[1], id);
}

/* Whether the edit begun and not reported may have written @value under
 * @key ("topic 3", "attend 3 7"): a value it may have committed is no loss. */
static gboolean
pending_wrote (Reported   *r,
               const char *key,
               const char *value)
{
  g_autofree char *pending_key = NULL;

  if (r->pending == NULL || g_strv_length (r->pending) < 3)
    return FALSE;
  /* A check box of that session was about to be toggled: either state. */
  if (g_str_equal (r->pending[0], "attend"))
    return g_str_has_prefix (key, "attend ") && session_of_key_is (key, r->pending[2]);
  if (g_strv_length (r->pending) < 4)
    return FALSE;
  pending_key = g_strdup_printf ("%s %s", r->pending[0], r->pending[2]);
  return g_str_equal (pending_key, key) && g_strcmp0 (r->pending[3], value) == 0;
}

/* Whether session @id may be missing: deleted and not (yet) undone. */
static gboolean
may_be_gone (Reported   *r,
             const char *id)
{
  return g_hash_table_contains (r->deleted, id) ||
         (r->pending != NULL && g_str_equal (r->pending[0], "delete") && g_str_equal (r->pending[2], id));
}

/* Runs the editor until it has reported @kill_after edits, SIGKILLs it,
 * then reads what it had reported before it died. */
static void
run_and_kill (const char *database,
              guint       kill_after,
              Reported   *r)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) editor = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  char *line;

  g_subprocess_launcher_setenv (launcher, "CONVENE_TEST_ROLE", "editor", TRUE);
  g_subprocess_launcher_setenv (launcher, "CONVENE_TEST_DB", database, TRUE);
  editor = g_subprocess_launcher_spawn (launcher, &error, "/proc/self/exe", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (editor));

  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL &&
         !g_str_equal (line, "ready"))
    g_free (line);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_free (line);
  while (r->edits < kill_after &&
         (line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      reported_read (r, line);
      g_free (line);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (r->edits, ==, kill_after);
  /* Not always between two edits: anywhere in the next few. */
  g_usleep (g_test_rand_int_range (0, 30000));
  g_subprocess_send_signal (editor, SIGKILL);
  g_subprocess_wait (editor, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (editor));
  g_assert_cmpint (g_subprocess_get_term_sig (editor), ==, SIGKILL);

  /* What it printed between our last read and its death was reported too. */
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      g_assert_cmpstr (line, !=, "done");
      reported_read (r, line);
      g_free (line);
    }
  g_test_message ("killed after %u reported edits, %s", r->edits,
                  r->pending != NULL ? "one more begun" : "none begun");
}

static char *
clock_of (ConveneSession *session)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (convene_session_get_timezone (session));
  g_autoptr(GDateTime) there = NULL;

  g_assert_nonnull (tz);
  there = g_date_time_to_timezone (convene_session_get_start (session), tz);
  return g_date_time_format (there, "%H:%M");
}

static char *
stored_value (ConveneStore *store,
              const char   *key,
              gboolean     *gone)
{
  g_auto(GStrv) words = g_strsplit (key, " ", 3);
  g_autoptr(ConveneSession) s = convene_store_load (store, CONVENE_TYPE_SESSION,
                                                    g_ascii_strtoll (words[1], NULL, 10), NULL);

  *gone = s == NULL;
  if (s == NULL)
    return NULL;
  if (g_str_equal (words[0], "topic"))
    return g_strdup (convene_session_get_topic (s));
  if (g_str_equal (words[0], "time"))
    return clock_of (s);
  {
    g_autoptr(GArray) people = convene_store_get_attendance (store, convene_entity_get_id (CONVENE_ENTITY (s)), NULL);
    gint64 person = g_ascii_strtoll (words[2], NULL, 10);

    for (guint i = 0; people != NULL && i < people->len; i++)
      if (g_array_index (people, gint64, i) == person)
        return g_strdup ("1");
    return g_strdup ("0");
  }
}

static void
check_database (const char *database,
                Reported   *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) check = NULL;
  g_autoptr(ConveneStore) store = NULL;
  g_autofree char *out = NULL;
  GHashTableIter iter;
  gpointer key, value;

  check = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("CONVENE_CLI"),
                            "--database", database, "check", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (check, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("convene-cli check: %s", out);
  g_assert_true (g_subprocess_get_if_exited (check));
  g_assert_cmpint (g_subprocess_get_exit_status (check), ==, 0);

  store = convene_store_new (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (r->values), >, 0);
  g_hash_table_iter_init (&iter, r->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) words = g_strsplit (key, " ", 3);
      gboolean gone;
      g_autofree char *stored = stored_value (store, key, &gone);

      if (gone)
        {
          g_assert_true (may_be_gone (r, words[1]));
          continue;
        }
      if (!pending_wrote (r, key, stored))
        g_assert_cmpstr (stored, ==, value);
    }
}

static void
test_killed_mid_run (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  guint kill_after = (guint) g_test_rand_int_range (20, N_EDITS - 20);
  Reported r = { 0 };

  /* The seed plan, imported and the window closed before the editor opens it. */
  convene_ui_test_import_seed (window);
  convene_ui_test_finish (app);

  r.values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_test_message ("killing the window after %u reported edits", kill_after);
  run_and_kill (database, kill_after, &r);
  check_database (database, &r);

  g_hash_table_unref (r.values);
  g_hash_table_unref (r.deleted);
  g_strfreev (r.pending);
  g_unlink (database);
}

int
main (int   argc,
      char *argv[])
{
  convene_ui_test_init (&argc, &argv);
  if (g_strcmp0 (g_getenv ("CONVENE_TEST_ROLE"), "editor") == 0)
    return run_editor ();

  g_test_add_func ("/ui/kill-window/every-saved-edit-kept", test_killed_mid_run);
  return g_test_run ();
}
