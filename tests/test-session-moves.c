/* test-session-moves.c: sessions and occurrences of a series moved to new
 * starts in one transaction (a rotation applied, a slot picked in the
 * planner), and moved back.  A weekly series across the UK's change of
 * clocks with one exception already there, and a month-only session: the
 * ledger's starts after the move are the new ones, the series' rule is
 * left alone, and the revert leaves the file as it was.  Expected instants
 * come from the tz database (GTimeZone). */
#include "config.h"

#include <glib/gstdio.h>

#include "export/convene-json-export.h"
#include "insights/convene-insights.h"
#include "insights/convene-session-moves.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"

typedef struct {
  char         *dir;
  ConveneStore *store;
  gint64        plan;
  gint64        series;
  gint64        single;
} Fixture;

static GDateTime *
london (int month,
        int day,
        int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) local = g_date_time_new (tz, 2021, month, day, hour, 0, 0);

  return g_date_time_to_utc (local);
}

static gint64
add_session (ConveneStore *store,
             gint64        plan,
             const char   *topic,
             GDateTime    *start,
             const char   *month,
             const char   *rule)
{
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(GError) error = NULL;

  convene_session_set_plan (session, plan);
  convene_session_set_topic (session, topic);
  convene_session_set_month (session, month);
  if (start != NULL)
    {
      convene_session_set_timezone (session, "Europe/London");
      convene_session_set_start (session, start);
    }
  convene_session_set_recurrence (session, rule);
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (session), &error));
  g_assert_no_error (error);
  return convene_entity_get_id (CONVENE_ENTITY (session));
}

/* A weekly call at 19:00 London from 16 March 2021 (the clocks change on
 * the 28th), its second meeting given another topic; and a session known
 * only by its month. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConvenePlan) plan = convene_plan_new ();
  g_autoptr(ConveneSessionException) e = convene_session_exception_new ();
  g_autoptr(GDateTime) first = london (3, 16, 19);
  g_autoptr(GDateTime) second = london (3, 23, 19);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("convene-moves-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (path, &error);
  g_assert_no_error (error);
  convene_plan_set_title (plan, "Action Plan 2021");
  convene_plan_set_year (plan, 2021);
  convene_plan_set_timezone (plan, "Europe/London");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (plan), &error));
  f->plan = convene_entity_get_id (CONVENE_ENTITY (plan));
  f->series = add_session (f->store, f->plan, "Weekly call", first, "2021-03", "FREQ=WEEKLY;COUNT=3");
  convene_session_exception_set_session (e, f->series);
  convene_session_exception_set_occurrence (e, second);
  convene_session_exception_set_kind (e, CONVENE_EXCEPTION_KIND_CHANGED);
  convene_session_exception_set_topic (e, "Open by default");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (e), &error));
  g_assert_no_error (error);
  /* the plan's usual slot, 19:00 London, puts it on 15 May */
  f->single = add_session (f->store, f->plan, "Survey results", NULL, "2021-05", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "convene.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GArray *
starts_of (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GArray *starts = convene_insights_collect_starts (f->store, f->plan, NULL, NULL, &error);

  g_assert_no_error (error);
  return starts;
}

static char *
export (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *json = convene_json_export (f->store, 0, &error);

  g_assert_no_error (error);
  return json;
}

/* Every start moved to 12:00 UTC on its own UTC day. */
static GArray *
at_noon (GArray *starts)
{
  GArray *moved = g_array_copy (starts);

  for (guint i = 0; i < moved->len; i++)
    {
      ConveneInsightsStart *s = &g_array_index (moved, ConveneInsightsStart, i);

      s->when = s->when / 86400 * 86400 + 12 * 3600;
    }
  return moved;
}

static void
test_apply_and_revert (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GArray) before = starts_of (f);
  g_autoptr(GArray) moved = at_noon (before);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) back = NULL;
  g_autoptr(ConveneSessionMoves) moves = NULL;
  g_autoptr(ConveneSession) series = NULL;
  g_autoptr(ConveneSession) single = NULL;
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(GDateTime) third = london (3, 30, 19);
  g_autoptr(GError) error = NULL;
  g_autofree char *json_before = export (f);
  g_autofree char *json_back = NULL;

  /* three meetings of the series and the month-only session, by date */
  g_assert_cmpuint (before->len, ==, 4);
  g_assert_true (g_array_index (before, ConveneInsightsStart, 0).in_series);
  g_assert_cmpint (g_array_index (before, ConveneInsightsStart, 2).occurrence, ==, g_date_time_to_unix (third));
  g_assert_true (g_array_index (before, ConveneInsightsStart, 3).month_only);

  g_assert_true (convene_session_moves_apply (f->store, (ConveneInsightsStart *) (gpointer) moved->data,
                                              moved->len, "Europe/London", &moves, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (convene_session_moves_get_n (moves), ==, 4);
  after = starts_of (f);
  g_assert_cmpuint (after->len, ==, 4);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (g_array_index (after, ConveneInsightsStart, i).when, ==,
                     g_array_index (moved, ConveneInsightsStart, i).when);

  /* the series keeps its rule and first start; its meetings moved by exceptions */
  series = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->series, &error);
  g_assert_cmpstr (convene_session_get_recurrence (series), ==, "FREQ=WEEKLY;COUNT=3");
  {
    g_autoptr(GDateTime) first = london (3, 16, 19);

    g_assert_true (g_date_time_equal (convene_session_get_start (series), first));
  }
  exceptions = convene_store_query (f->store, CONVENE_TYPE_SESSION_EXCEPTION, "session", f->series, &error);
  g_assert_cmpuint (exceptions->len, ==, 3);
  for (guint i = 0; i < exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (exceptions, i);
      g_autoptr(GDateTime) second = london (3, 23, 19);

      /* the one already there keeps its topic and gains a start */
      if (g_date_time_equal (convene_session_exception_get_occurrence (e), second))
        g_assert_cmpstr (convene_session_exception_get_topic (e), ==, "Open by default");
      g_assert_nonnull (convene_session_exception_get_start (e));
    }
  /* the month-only session is fixed in the plan's zone, on its own day */
  single = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->single, &error);
  g_assert_cmpstr (convene_session_get_timezone (single), ==, "Europe/London");
  g_assert_cmpstr (convene_session_get_month (single), ==, "2021-05");

  g_assert_true (convene_session_moves_revert (f->store, moves, &error));
  g_assert_no_error (error);
  back = starts_of (f);
  for (guint i = 0; i < back->len; i++)
    g_assert_cmpint (g_array_index (back, ConveneInsightsStart, i).when, ==,
                     g_array_index (before, ConveneInsightsStart, i).when);
  json_back = export (f);
  g_assert_cmpstr (json_back, ==, json_before);
}

/* A start naming a session that is gone: nothing at all is moved. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) before = starts_of (f);
  g_autoptr(GArray) moved = at_noon (before);
  g_autoptr(ConveneSessionMoves) moves = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_before = export (f);
  g_autofree char *json_after = NULL;
  ConveneInsightsStart gone = { 9999, 0, FALSE, FALSE, 0 };

  g_array_append_val (moved, gone);
  g_assert_false (convene_session_moves_apply (f->store, (ConveneInsightsStart *) (gpointer) moved->data,
                                               moved->len, "Europe/London", &moves, &error));
  g_assert_nonnull (error);
  g_assert_null (moves);
  json_after = export (f);
  g_assert_cmpstr (json_after, ==, json_before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/session-moves/apply-and-revert", Fixture, NULL, fixture_set_up, test_apply_and_revert,
              fixture_tear_down);
  g_test_add ("/session-moves/all-or-nothing", Fixture, NULL, fixture_set_up, test_all_or_nothing,
              fixture_tear_down);
  return g_test_run ();
}
