/* test-session-rows.c: the sessions streamed straight from SQLite come in
 * the order the lists show (convene_entity_compare()), over every fixture
 * and seed: dated sessions by start within their month, month-only ones
 * after them, to-be-confirmed ones last; and each row says what its
 * session holds. */
#include <glib/gstdio.h>
#include <string.h>

#include "convene-test-dir.h"
#include "store/convene-session-rows.h"
#include "model/convene-entity-order.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"

typedef struct {
  char         *dir;
  char         *path;
  ConveneStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = convene_test_dir_new ("session-rows");
  f->path = g_build_filename (f->dir, "convene.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  convene_test_dir_remove (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
collect_id_cb (const ConveneSessionRow *row,
               gpointer                 user_data)
{
  g_array_append_val ((GArray *) user_data, row->id);
  return TRUE;
}

/* The ids convene_session_rows_foreach() gives, as text. */
static char *
streamed_ids (ConveneStore *store,
              gint64        plan,
              const char   *first_month,
              const char   *last_month)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_session_rows_foreach (store, plan, first_month, last_month,
                                               collect_id_cb, ids, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", g_array_index (ids, gint64, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return convene_entity_compare (*(gpointer *) a, *(gpointer *) b);
}

/* The ids of the same sessions, loaded whole and put in order by the
 * comparator; with month bounds, only the sessions of those months. */
static char *
compared_ids (ConveneStore *store,
              gint64        plan,
              const char   *first_month,
              const char   *last_month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = convene_store_query (store, CONVENE_TYPE_SESSION,
                                                       plan != 0 ? "plan" : NULL, plan, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean bounded = first_month != NULL || last_month != NULL;

  g_assert_no_error (error);
  g_ptr_array_sort (sessions, compare_items);
  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *s = g_ptr_array_index (sessions, i);
      const char *month = convene_session_get_month (s);

      if (bounded && (month == NULL ||
                      (first_month != NULL && strcmp (month, first_month) < 0) ||
                      (last_month != NULL && strcmp (month, last_month) > 0)))
        continue;
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len > 0 ? " " : "",
                              convene_entity_get_id (CONVENE_ENTITY (s)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
import_fixtures (Fixture            *f,
                 const char * const *names)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (args, g_strdup (g_getenv ("CONVENE_CLI")));
  g_ptr_array_add (args, g_strdup ("--database"));
  g_ptr_array_add (args, g_strdup (f->path));
  g_ptr_array_add (args, g_strdup ("import"));
  /* Every file into the one database: plans of many years side by side. */
  g_ptr_array_add (args, g_strdup ("--on-existing"));
  g_ptr_array_add (args, g_strdup ("new"));
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (args, g_test_build_filename (G_TEST_DIST, "fixtures", names[i], NULL));
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("import failed: %s", err);
  f->store = convene_store_new (f->path, &error);
  g_assert_no_error (error);
}

static void
test_fixtures (Fixture       *f,
               gconstpointer  data)
{
  const char * const names[] = {
    "sessions-three-years.json", "every-state.json", "seed-000-iwg-2021.txt",
    "seed-001-iwg-2024.txt", "seed-002-ogp-2016.txt", "ics-iwg-2024.ics",
    "ics-outlook-zones.ics", "announcement-lac-series.txt", NULL
  };
  const char *ranges[][2] = {
    { "2021-01", "2021-12" }, { "2024-12", "2025-03" }, { "2025-03", NULL }, { NULL, "2021-06" },
  };
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *expected = NULL;

  if (g_getenv ("CONVENE_CLI") == NULL)
    {
      g_test_skip ("CONVENE_CLI is not set");
      return;
    }
  import_fixtures (f, names);

  all = streamed_ids (f->store, 0, NULL, NULL);
  expected = compared_ids (f->store, 0, NULL, NULL);
  g_assert_cmpstr (all, ==, expected);
  /* Enough sessions for the order to mean something. */
  g_assert_cmpuint (strlen (all), >, 100);

  plans = convene_store_query (f->store, CONVENE_TYPE_PLAN, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, >=, 6);
  for (guint i = 0; i < plans->len; i++)
    {
      gint64 plan = convene_entity_get_id (g_ptr_array_index (plans, i));
      g_autofree char *streamed = streamed_ids (f->store, plan, NULL, NULL);
      g_autofree char *compared = compared_ids (f->store, plan, NULL, NULL);

      g_assert_cmpstr (streamed, ==, compared);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *streamed = streamed_ids (f->store, 0, ranges[i][0], ranges[i][1]);
      g_autofree char *compared = compared_ids (f->store, 0, ranges[i][0], ranges[i][1]);

      g_assert_cmpstr (streamed, ==, compared);
    }
}

typedef struct {
  GString *text;
  GArray  *starts;
} Seen;

static gboolean
describe_row_cb (const ConveneSessionRow *row,
                 gpointer                 user_data)
{
  Seen *seen = user_data;

  g_string_append_printf (seen->text, "%s%s/%s", seen->text->len > 0 ? "; " : "",
                          row->topic, row->month != NULL ? row->month : "TBC");
  g_array_append_val (seen->starts, row->start);
  if (!row->dated)
    g_assert_cmpint (row->start, ==, 0);
  return TRUE;
}

static gboolean
stop_cb (const ConveneSessionRow *row,
         gpointer                 user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

static ConveneSession *
add_session (Fixture    *f,
             gint64      plan,
             const char *topic,
             const char *month,
             GDateTime  *start)
{
  g_autoptr(GError) error = NULL;
  ConveneSession *session = convene_session_new ();

  convene_session_set_plan (session, plan);
  convene_session_set_topic (session, topic);
  convene_session_set_month (session, month);
  if (start != NULL)
    {
      convene_session_set_start (session, start);
      convene_session_set_timezone (session, "Europe/London");
    }
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (session), &error));
  g_assert_no_error (error);
  return session;
}

static gboolean
collect_month_topic_cb (const ConveneSessionRow *row,
                        gpointer                 user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%s %s", row->month != NULL ? row->month : "TBC", row->topic));
  return TRUE;
}

static void
test_month_only_and_tbc (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConvenePlan) plan = convene_plan_new ();
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) feb23 = g_date_time_new (london, 2021, 2, 23, 19, 0, 0);
  g_autoptr(GDateTime) feb2 = g_date_time_new (london, 2021, 2, 2, 19, 0, 0);
  /* 00:30 on 1 April in London is still 31 March in UTC: the month is the
   * organiser's, so it is an April session. */
  g_autoptr(GDateTime) april1 = g_date_time_new (london, 2021, 4, 1, 0, 30, 0);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  Seen seen = { text, starts };
  gint64 plan_id;
  guint calls = 0;

  f->store = convene_store_new (f->path, &error);
  g_assert_no_error (error);
  convene_plan_set_title (plan, "Action Plan 2021");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (plan), &error));
  plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));

  /* Added out of order on purpose. */
  g_object_unref (add_session (f, plan_id, "Chief Data Officers", NULL, NULL));
  g_object_unref (add_session (f, plan_id, "Data fair", "2021-02", NULL));
  g_object_unref (add_session (f, plan_id, "Policy+", NULL, feb23));
  g_object_unref (add_session (f, plan_id, "Survey", NULL, NULL));
  g_object_unref (add_session (f, plan_id, "Open by Default", "2021-04", NULL));
  g_object_unref (add_session (f, plan_id, "Kick-off", NULL, feb2));
  g_object_unref (add_session (f, plan_id, "Climate", NULL, april1));

  g_assert_true (convene_session_rows_foreach (f->store, plan_id, NULL, NULL,
                                               describe_row_cb, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text->str, ==,
                   "Kick-off/2021-02; Policy+/2021-02; Data fair/2021-02; "
                   "Climate/2021-04; Open by Default/2021-04; "
                   "Chief Data Officers/TBC; Survey/TBC");
  g_assert_cmpint (g_array_index (starts, gint64, 0), ==, g_date_time_to_unix (feb2));
  g_assert_cmpint (g_array_index (starts, gint64, 1), ==, g_date_time_to_unix (feb23));
  g_assert_cmpint (g_array_index (starts, gint64, 3), ==, g_date_time_to_unix (april1));

  /* In month order only, each month's sessions still come together, the
   * months in order and those to be confirmed last. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
    ConveneRowQuery query = { NULL, TRUE };
    static const char *sorted[] = {
      "2021-02 Data fair", "2021-02 Kick-off", "2021-02 Policy+",
      "2021-04 Climate", "2021-04 Open by Default", "TBC Chief Data Officers", "TBC Survey",
    };

    g_assert_true (convene_session_rows_foreach_matching (f->store, plan_id, NULL, NULL, &query,
                                                          collect_month_topic_cb, rows, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (sorted));
    for (guint i = 1; i < rows->len; i++)
      g_assert_cmpint (strncmp (g_ptr_array_index (rows, i - 1), g_ptr_array_index (rows, i), 7), <=, 0);
    g_ptr_array_sort_values (rows, (GCompareFunc) g_strcmp0);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpstr (g_ptr_array_index (rows, i), ==, sorted[i]);
  }

  /* Bounded by months, sessions to be confirmed are left out. */
  g_string_truncate (text, 0);
  g_array_set_size (starts, 0);
  g_assert_true (convene_session_rows_foreach (f->store, 0, "2021-03", "2021-12",
                                               describe_row_cb, &seen, &error));
  g_assert_cmpstr (text->str, ==, "Climate/2021-04; Open by Default/2021-04");

  /* Stopping early is not a failure, and stops. */
  g_assert_true (convene_session_rows_foreach (f->store, 0, NULL, NULL, stop_cb, &calls, &error));
  g_assert_cmpuint (calls, ==, 1);
}

static gboolean
collect_topic_cb (const ConveneSessionRow *row,
                  gpointer                 user_data)
{
  g_ptr_array_add (user_data, g_strdup (row->topic));
  return TRUE;
}

/* The topics SQLite leaves in for @search, sorted and joined. */
static char *
left_in (Fixture    *f,
         gint64      plan,
         const char *search)
{
  g_auto(GStrv) words = g_strsplit (search, " ", -1);
  ConveneRowQuery query = { (const char * const *) words, FALSE };
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_session_rows_foreach_matching (f->store, plan, NULL, NULL, &query,
                                                        collect_topic_cb, topics, &error));
  g_assert_no_error (error);
  g_ptr_array_sort_values (topics, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (topics, NULL);
  return g_strjoinv ("; ", (char **) topics->pdata);
}

/* A search leaves out in SQLite only the rows that cannot match: every row
 * that g_str_match_string() would match on its topic, lead, notes or
 * speakers stays, in any case, and so does one whose letters are not all
 * ASCII ("Lucía" may be what "lucia" names); LIKE's own signs are words. */
static void
test_matching (Fixture       *f,
               gconstpointer  data)
{
  static const char *topics[] = {
    "Open data in practice", "OPEN contracting", "Reopening", "Closed doors",
    "Lucía's review", "100% open", "a_b tests",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ConvenePlan) plan = convene_plan_new ();
  g_autoptr(ConveneSession) led = NULL;
  gint64 plan_id;
  char *text;

  f->store = convene_store_new (f->path, &error);
  g_assert_no_error (error);
  convene_plan_set_title (plan, "Search");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (plan), &error));
  plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    g_object_unref (add_session (f, plan_id, topics[i], "2021-03", NULL));
  led = add_session (f, plan_id, "Budget", "2021-04", NULL);
  convene_session_set_lead (led, "Paul Openshaw");
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (led), &error));

  /* "open" is in five rows (a prefix of a word, or inside one, which the
   * caller then checks word by word); Lucía's row stays for its í. */
  text = left_in (f, plan_id, "open");
  g_assert_cmpstr (text, ==, "100% open; Budget; Lucía's review; OPEN contracting; "
                             "Open data in practice; Reopening");
  g_free (text);
  text = left_in (f, plan_id, "open data");
  g_assert_cmpstr (text, ==, "Lucía's review; Open data in practice");
  g_free (text);
  /* % and _ are letters to look for, not LIKE's wildcards. */
  text = left_in (f, plan_id, "100%");
  g_assert_cmpstr (text, ==, "100% open; Lucía's review");
  g_free (text);
  text = left_in (f, plan_id, "a_b");
  g_assert_cmpstr (text, ==, "Lucía's review; a_b tests");
  g_free (text);
  /* A word beyond ASCII is left to the caller: every row stays. */
  text = left_in (f, plan_id, "lucía");
  g_assert_cmpstr (text, ==, "100% open; Budget; Closed doors; Lucía's review; OPEN contracting; "
                             "Open data in practice; Reopening; a_b tests");
  g_free (text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/session-rows/fixtures", test_fixtures);
  ADD ("/session-rows/month-only-and-tbc", test_month_only_and_tbc);
  ADD ("/session-rows/matching", test_matching);
#undef ADD

  return g_test_run ();
}
