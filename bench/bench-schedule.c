/* bench-schedule.c: does a plan with 100,000 sessions open and scroll?
 *
 * Makes two databases, one empty and one with a single plan of 100,000
 * sessions (dated, month-only and to be confirmed, across nine years), and
 * starts the real application on each in a child process under the current
 * display.  Each child reports the time from its start to the first frame
 * that shows the schedule, its memory (resident set, and the peak), the time
 * the store takes to list the sessions on its own, frame times while the
 * schedule scrolls from top to bottom, the time a search takes, and the
 * time one edited session takes to reach the views.
 *
 * The floor is a bare GtkListView of as many plain labels (the sessions'
 * topics), in a window of the same size, scrolled and searched the same way
 * (a GtkStringFilter): what GTK itself costs, which the schedule's scroll
 * frames and search are held against.
 *
 *   bench-schedule [--sessions N]          run all three and compare
 *   bench-schedule --make DATABASE         only make the 100,000-session database
 *   bench-schedule --child DATABASE        one measurement, as key=value lines
 *   bench-schedule --floor N               the floor's measurement, likewise
 *
 * Run it with `meson test --benchmark -C BUILDDIR` under Xvfb.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "convene-ui-test.h"
#include "model/convene-plan.h"
#include "ui/schedule/convene-schedule-view.h"
#include "model/convene-session.h"

static gint64 process_start;

/* ---- making the database ------------------------------------------------------ */

static void
fill_database (const char *path,
               guint       n_sessions)
{
  static const char *zones[] = { "Europe/London", "Africa/Nairobi", "America/Mexico_City",
                                 "Asia/Kolkata", "America/New_York" };
  static const char *leads[] = { "Paul", "Flor", "Ana", "Kwame", "Mei", "Lucía" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneStore) store = convene_store_new (path, &error);
  g_autoptr(ConvenePlan) plan = convene_plan_new ();
  const char *extra[] = { "America/New_York", "Africa/Nairobi", NULL };
  g_autoptr(GDateTime) base = g_date_time_new_utc (2021, 1, 5, 14, 0, 0);
  gint64 started = g_get_monotonic_time ();

  g_assert_no_error (error);
  convene_plan_set_title (plan, "Benchmark plan");
  convene_plan_set_group (plan, "A very busy working group");
  convene_plan_set_year (plan, 2021);
  convene_plan_set_timezone (plan, "Europe/London");
  convene_plan_set_extra_timezones (plan, extra);
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (plan), &error));

  g_assert_true (convene_store_begin (store, &error));
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(ConveneSession) session = convene_session_new ();
      g_autofree char *topic = g_strdup_printf ("Session %u: open data in practice, part %u",
                                                i, i % 97);

      convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (plan)));
      convene_session_set_topic (session, topic);
      convene_session_set_lead (session, leads[i % G_N_ELEMENTS (leads)]);
      if (i % 50 == 49)
        ;  /* to be confirmed: neither month nor start */
      else if (i % 10 == 9)
        {
          g_autoptr(GDateTime) when = g_date_time_add_minutes (base, (gint64) i * 47);
          g_autofree char *month = g_date_time_format (when, "%Y-%m");

          convene_session_set_month (session, month);
        }
      else
        {
          g_autoptr(GDateTime) when = g_date_time_add_minutes (base, (gint64) i * 47);

          convene_session_set_start (session, when);
          convene_session_set_timezone (session, zones[i % G_N_ELEMENTS (zones)]);
        }
      if (i % 13 == 0)
        convene_session_set_language (session, "es");
      if (i % 17 == 0)
        convene_session_set_status (session, CONVENE_SESSION_STATUS_NO_MEETING);
      g_assert_true (convene_store_add (store, CONVENE_ENTITY (session), &error));
    }
  g_assert_true (convene_store_commit (store, &error));
  g_print ("made %u sessions in %.1f s\n", n_sessions,
           (g_get_monotonic_time () - started) / 1e6);
}

/* ---- one measurement, in a child ---------------------------------------------- */

static void
read_memory (long *rss_kb,
             long *peak_kb)
{
  g_autofree char *status = NULL;

  *rss_kb = *peak_kb = 0;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  for (char *line = status; line != NULL && *line != '\0';)
    {
      char *next = strchr (line, '\n');

      if (g_str_has_prefix (line, "VmRSS:"))
        *rss_kb = atol (line + 6);
      else if (g_str_has_prefix (line, "VmHWM:"))
        *peak_kb = atol (line + 6);
      line = next != NULL ? next + 1 : NULL;
    }
}

typedef struct {
  gint64  first_frame;
  guint   frames;
  gint64  last_paint;
  GArray *intervals;   /* gint64 µs between paints while scrolling */
  gboolean scrolling;
} Frames;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();

  if (frames->first_frame == 0)
    frames->first_frame = now;
  if (frames->scrolling && frames->last_paint != 0)
    g_array_append_val (frames->intervals, (gint64) { now - frames->last_paint });
  frames->last_paint = now;
  frames->frames++;
}

static gboolean
painted (gpointer data)
{
  return ((Frames *) data)->first_frame != 0;
}

static guint frames_target;

static gboolean
reached_frames (gpointer data)
{
  return ((Frames *) data)->frames >= frames_target;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Scrolling from top to bottom in 200 steps, one frame each, then as a
 * wheel or touchpad does; the same for the schedule and the floor. */
static void
measure_scrolling (GtkAdjustment *adjustment,
                   Frames        *f)
{
  gint64 t0, t1;

  f->scrolling = TRUE;
  f->last_paint = 0;
  t0 = g_get_monotonic_time ();
  for (guint step = 1; step <= 200; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * step / 200.0);
      frames_target = f->frames + 1;
      convene_ui_test_wait_for (reached_frames, f, 5000);
    }
  t1 = g_get_monotonic_time ();
  f->scrolling = FALSE;
  g_array_sort (f->intervals, compare_gint64);
  if (f->intervals->len > 0)
    g_print ("scroll_steps=200\nscroll_total_ms=%.1f\nframe_median_ms=%.1f\nframe_p95_ms=%.1f\nframe_max_ms=%.1f\n",
             (t1 - t0) / 1e3,
             g_array_index (f->intervals, gint64, f->intervals->len / 2) / 1e3,
             g_array_index (f->intervals, gint64, f->intervals->len * 95 / 100) / 1e3,
             g_array_index (f->intervals, gint64, f->intervals->len - 1) / 1e3);

  /* Scrolling as a wheel or touchpad does: 60 pixels a frame. */
  gtk_adjustment_set_value (adjustment, 0);
  frames_target = f->frames + 2;
  convene_ui_test_wait_for (reached_frames, f, 5000);
  g_array_set_size (f->intervals, 0);
  f->scrolling = TRUE;
  f->last_paint = 0;
  t0 = g_get_monotonic_time ();
  for (guint step = 1; step <= 300; step++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 60);
      frames_target = f->frames + 1;
      convene_ui_test_wait_for (reached_frames, f, 5000);
    }
  t1 = g_get_monotonic_time ();
  f->scrolling = FALSE;
  g_array_sort (f->intervals, compare_gint64);
  if (f->intervals->len > 0)
    g_print ("wheel_steps=300\nwheel_total_ms=%.1f\nwheel_frame_median_ms=%.1f\nwheel_frame_p95_ms=%.1f\nwheel_frame_max_ms=%.1f\n",
             (t1 - t0) / 1e3,
             g_array_index (f->intervals, gint64, f->intervals->len / 2) / 1e3,
             g_array_index (f->intervals, gint64, f->intervals->len * 95 / 100) / 1e3,
             g_array_index (f->intervals, gint64, f->intervals->len - 1) / 1e3);
}

static int
run_child (const char *database)
{
  ConveneApplication *app;
  ConveneWindow *window;
  ConveneScheduleView *view;
  GListModel *model;
  GtkWidget *list;
  GtkAdjustment *adjustment;
  Frames frames = { 0 };
  long rss, peak;
  gint64 t0, t1;
  guint n;

  process_start = g_get_monotonic_time ();
  frames.intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  app = convene_ui_test_app_new (database);
  window = CONVENE_WINDOW (convene_application_open_window (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &frames);
  g_assert_true (convene_ui_test_wait_for (painted, &frames, 120000));
  read_memory (&rss, &peak);
  g_print ("first_frame_ms=%.1f\nrss_kb=%ld\npeak_kb=%ld\n",
           (frames.first_frame - process_start) / 1e3, rss, peak);

  view = CONVENE_SCHEDULE_VIEW (convene_window_get_view (window, "schedule"));
  model = convene_schedule_view_get_model (view);
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_print ("sessions_shown=%u\n", n);

  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CONVENE_TYPE_SCHEDULE_VIEW,
                                                    "rows_view"));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  if (n > 0)
    {
      measure_scrolling (adjustment, &frames);

      /* A search over every session. */
      t0 = g_get_monotonic_time ();
      convene_schedule_view_set_search (view, "4242");
      t1 = g_get_monotonic_time ();
      g_print ("search_ms=%.1f\nsearch_matches=%u\n", (t1 - t0) / 1e3, g_list_model_get_n_items (model));
      convene_schedule_view_set_search (view, NULL);

      /* One session edited, as the session page saves it: the time until
       * the store has told every view, the schedule's index read again. */
      {
        ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (view));
        g_autoptr(ConveneSession) shown = g_list_model_get_item (model, n / 2);
        g_autoptr(ConveneSession) edited =
          convene_store_load (store, CONVENE_TYPE_SESSION, convene_entity_get_id (CONVENE_ENTITY (shown)), NULL);
        g_autoptr(GError) error = NULL;

        convene_session_set_topic (edited, "Edited by the benchmark");
        t0 = g_get_monotonic_time ();
        g_assert_true (convene_store_update (store, CONVENE_ENTITY (edited), &error));
        t1 = g_get_monotonic_time ();
        g_assert_no_error (error);
        g_print ("edit_ms=%.1f\n", (t1 - t0) / 1e3);
      }
    }
  /* The store alone, last (so that its memory does not count above):
   * listing every session as objects. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ConveneStore) store = convene_store_new (database, &error);
    g_autoptr(GListModel) sessions = NULL;
    long before_rss, before_peak, after_rss, after_peak;

    g_assert_no_error (error);
    read_memory (&before_rss, &before_peak);
    t0 = g_get_monotonic_time ();
    sessions = convene_store_list (store, CONVENE_TYPE_SESSION, NULL, 0);
    t1 = g_get_monotonic_time ();
    read_memory (&after_rss, &after_peak);
    g_print ("store_list_ms=%.1f\nstore_list_items=%u\nstore_list_kb=%ld\n", (t1 - t0) / 1e3,
             g_list_model_get_n_items (sessions), after_rss - before_rss);
  }

  read_memory (&rss, &peak);
  g_print ("end_rss_kb=%ld\nend_peak_kb=%ld\n", rss, peak);

  convene_ui_test_finish (app);
  return 0;
}

/* ---- the floor ------------------------------------------------------------------ */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* The schedule's own way to match a word (ui/schedule: g_str_match_string()). */
static const char *floor_search;

static gboolean
match_search_cb (gpointer item,
                 gpointer user_data)
{
  const char *word = *(const char **) user_data;

  return word == NULL || g_str_match_string (word, gtk_string_object_get_string (item), TRUE);
}

/* A bare GtkListView of @n_labels topics, in a window like the app's,
 * measured as run_child() measures the schedule. */
static int
run_floor (guint n_labels)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkCustomFilter *filter = gtk_custom_filter_new (match_search_cb, &floor_search, NULL);
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window, *scrolled, *list;
  Frames frames = { 0 };
  long rss, peak;
  gint64 t0, t1;

  process_start = g_get_monotonic_time ();
  frames.intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_labels; i++)
    {
      g_autofree char *topic = g_strdup_printf ("Session %u: open data in practice, part %u", i, i % 97);

      gtk_string_list_append (strings, topic);
    }
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (strings)), GTK_FILTER (filter));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))), factory);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &frames);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (convene_ui_test_wait_for (painted, &frames, 120000));
  read_memory (&rss, &peak);
  g_print ("first_frame_ms=%.1f\nrss_kb=%ld\npeak_kb=%ld\nsessions_shown=%u\n",
           (frames.first_frame - process_start) / 1e3, rss, peak, n_labels);

  measure_scrolling (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list)), &frames);
  t0 = g_get_monotonic_time ();
  floor_search = "4242";
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_MORE_STRICT);
  t1 = g_get_monotonic_time ();
  g_print ("search_ms=%.1f\nsearch_matches=%u\n", (t1 - t0) / 1e3,
           g_list_model_get_n_items (G_LIST_MODEL (filtered)));
  read_memory (&rss, &peak);
  g_print ("end_rss_kb=%ld\nend_peak_kb=%ld\n", rss, peak);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* ---- the comparison ------------------------------------------------------------ */

static GHashTable *
measure (const char *self_path,
         const char *mode,
         const char *what)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self_path, mode, what, NULL };
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int status;
  g_auto(GStrv) lines = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s\n%s\n", error->message, err != NULL ? err : "");
      exit (1);
    }
  if (g_getenv ("CONVENE_BENCH_VERBOSE") != NULL)
    g_printerr ("child said:\n%s\n%s\n", out, err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* The test framework prints our lines as (indented) TAP comments. */
      char *line = g_strchug (lines[i]);
      char *eq;

      if (g_str_has_prefix (line, "# "))
        line += 2;
      eq = strchr (line, '=');

      if (eq != NULL)
        g_hash_table_insert (values, g_strndup (line, eq - line), g_strdup (eq + 1));
    }
  return values;
}

static double
value_of (GHashTable *values,
          const char *key)
{
  const char *text = g_hash_table_lookup (values, key);

  return text != NULL ? g_ascii_strtod (text, NULL) : 0;
}

/* The targets: a first frame within 1.5× of an empty database's,
 * scroll frames and a search within 1.5× of the floor's. */
static void
print_targets (GHashTable *empty,
               GHashTable *full,
               GHashTable *floor_values)
{
  static const struct { const char *key; gboolean against_empty; } targets[] = {
    { "first_frame_ms", TRUE },
    { "frame_median_ms", FALSE },
    { "frame_p95_ms", FALSE },
    { "wheel_frame_median_ms", FALSE },
    { "wheel_frame_p95_ms", FALSE },
    { "search_ms", FALSE },
  };

  g_print ("\n%-22s %10s %10s %8s %s\n", "target (1.5x)", "sessions", "against", "ratio", "");
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      double ours = value_of (full, targets[i].key);
      double base = value_of (targets[i].against_empty ? empty : floor_values, targets[i].key);
      double ratio = base > 0 ? ours / base : 0;

      g_print ("%-22s %10.1f %10.1f %7.2fx %s (%s)\n", targets[i].key, ours, base, ratio,
               ratio > 0 && ratio <= 1.5 ? "met" : "not met",
               targets[i].against_empty ? "empty database" : "floor");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *empty = NULL;
  g_autofree char *full = NULL;
  g_autoptr(GHashTable) a = NULL;
  g_autoptr(GHashTable) b = NULL;
  g_autoptr(GHashTable) c = NULL;
  g_autofree char *n_text = NULL;
  guint n_sessions = 100000;
  static const char *keys[] = {
    "first_frame_ms", "rss_kb", "peak_kb", "store_list_ms", "store_list_kb", "sessions_shown",
    "scroll_total_ms", "frame_median_ms", "frame_p95_ms", "frame_max_ms",
    "wheel_total_ms", "wheel_frame_median_ms", "wheel_frame_p95_ms", "wheel_frame_max_ms", "search_ms",
    "search_matches", "edit_ms", "end_rss_kb", "end_peak_kb",
  };

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    {
      convene_ui_test_init (&argc, &argv);
      return run_child (argv[2]);
    }
  if (argc == 3 && g_str_equal (argv[1], "--floor"))
    {
      convene_ui_test_init (&argc, &argv);
      return run_floor ((guint) atoi (argv[2]));
    }
  if (argc == 3 && g_str_equal (argv[1], "--sessions"))
    n_sessions = (guint) atoi (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--make"))
    {
      fill_database (argv[2], n_sessions);
      return 0;
    }

  {
    /* Only to skip cleanly without a display. */
    int fake_argc = 1;
    char **fake_argv = argv;

    convene_ui_test_init (&fake_argc, &fake_argv);
  }

  empty = convene_ui_test_temp_db ();
  full = convene_ui_test_temp_db ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ConveneStore) store = convene_store_new (empty, &error);
    g_assert_no_error (error);
  }
  fill_database (full, n_sessions);
  if (g_getenv ("CONVENE_BENCH_SESSIONS") != NULL)
    n_sessions = (guint) atoi (g_getenv ("CONVENE_BENCH_SESSIONS"));

  n_text = g_strdup_printf ("%u", n_sessions);
  a = measure (argv[0], "--child", empty);
  b = measure (argv[0], "--child", full);
  c = measure (argv[0], "--floor", n_text);

  g_print ("\n%-22s %12s %12s %12s\n", "", "empty", "sessions", "floor");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_print ("%-22s %12s %12s %12s\n", keys[i],
             (const char *) (g_hash_table_lookup (a, keys[i]) ?: "-"),
             (const char *) (g_hash_table_lookup (b, keys[i]) ?: "-"),
             (const char *) (g_hash_table_lookup (c, keys[i]) ?: "-"));
  print_targets (a, b, c);

  g_unlink (empty);
  g_unlink (full);
  return 0;
}
