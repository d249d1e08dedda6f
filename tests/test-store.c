/* test-store.c: the SQLite store: every entity's life, cascades, live lists,
 * migrations and refusals. */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "convene-test-dir.h"
#include "store/convene-store-private.h"
#include "model/convene-plan.h"
#include "model/convene-goal.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "model/convene-person.h"
#include "model/convene-attendance.h"
#include "model/convene-resource.h"

typedef struct {
  char         *dir;
  char         *path;
  ConveneStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = convene_test_dir_new ("store");
  f->path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (f->path, &error);
  g_assert_no_error (error);
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

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = convene_store_new (f->path, &error);
  g_assert_no_error (error);
}

static ConvenePlan *
add_plan (Fixture    *f,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  ConvenePlan *plan = convene_plan_new ();

  convene_plan_set_title (plan, title);
  convene_plan_set_group (plan, "Implementation Working Group");
  convene_plan_set_year (plan, 2021);
  convene_plan_set_timezone (plan, "Europe/London");
  convene_plan_set_extra_timezones (plan, (const char *[]) { "America/New_York", "Africa/Nairobi", NULL });
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (plan), &error));
  g_assert_no_error (error);
  g_assert_cmpint (convene_entity_get_id (CONVENE_ENTITY (plan)), >, 0);
  return plan;
}

static ConveneSession *
add_session (Fixture    *f,
             gint64      plan_id,
             const char *topic,
             const char *start)
{
  g_autoptr(GError) error = NULL;
  ConveneSession *session = convene_session_new ();

  convene_session_set_plan (session, plan_id);
  convene_session_set_topic (session, topic);
  if (start != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (start, NULL);

      convene_session_set_start (session, dt);
      convene_session_set_timezone (session, "Europe/London");
    }
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (session), &error));
  g_assert_no_error (error);
  return session;
}

/* Create, read back after reopening, update, delete: for one entity. */
static void
check_life_value (Fixture       *f,
                  ConveneEntity *entity,
                  const char    *property,
                  const GValue  *new_value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneEntity) loaded = NULL;
  g_autoptr(ConveneEntity) updated = NULL;
  g_autoptr(ConveneEntity) gone = NULL;
  GType type = G_OBJECT_TYPE (entity);
  gint64 id;

  g_assert_true (convene_store_add (f->store, entity, &error));
  g_assert_no_error (error);
  id = convene_entity_get_id (entity);
  g_assert_cmpint (id, >, 0);

  reopen (f);
  loaded = convene_store_load (f->store, type, id, &error);
  g_assert_no_error (error);
  g_assert_true (convene_entity_equal (loaded, entity));

  g_object_set_property (G_OBJECT (loaded), property, new_value);
  g_assert_true (convene_store_update (f->store, loaded, &error));
  g_assert_no_error (error);
  reopen (f);
  updated = convene_store_load (f->store, type, id, &error);
  g_assert_no_error (error);
  g_assert_true (convene_entity_equal (updated, loaded));
  g_assert_false (convene_entity_equal (updated, entity));

  g_assert_true (convene_store_remove (f->store, updated, &error));
  g_assert_no_error (error);
  reopen (f);
  gone = convene_store_load (f->store, type, id, &error);
  g_assert_null (gone);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
}

static void
check_life (Fixture       *f,
            ConveneEntity *entity,
            const char    *property,
            const char    *new_value)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, new_value);
  check_life_value (f, entity, property, &value);
}

static void
test_plan_life (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = convene_plan_new ();

  convene_plan_set_title (plan, "Action Plan 2021");
  convene_plan_set_status (plan, CONVENE_PLAN_STATUS_APPROVED);
  convene_plan_set_extra_timezones (plan, (const char *[]) { "Africa/Nairobi", NULL });
  check_life (f, CONVENE_ENTITY (plan), "title", "Action Plan 2022");
}

static void
test_goal_life (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  g_autoptr(ConveneGoal) goal = convene_goal_new ();

  convene_goal_set_plan (goal, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_goal_set_position (goal, 1);
  convene_goal_set_title (goal, "Bridging knowledge with practice");
  check_life (f, CONVENE_ENTITY (goal), "description", "Connect knowledge with practice.");
}

static void
test_action_life (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2016");
  g_autoptr(ConveneAction) action = convene_action_new ();

  convene_action_set_plan (action, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_action_set_title (action, "Identify IWG outputs and volunteers");
  convene_action_set_owners (action, (const char *[]) { "volunteers", NULL });
  convene_action_set_due (action, "2016");
  convene_action_set_status (action, CONVENE_ACTION_STATUS_IN_PROGRESS);
  check_life (f, CONVENE_ENTITY (action), "due", "2016-06");
}

static void
test_session_life (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2021-02-23T19:00:00Z", NULL);
  g_autoptr(ConveneBlogPost) blog = convene_blog_post_new ("Flor", "https://blog.example.org/feb",
                                                           CONVENE_BLOG_STATE_DRAFT);

  convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_session_set_topic (session, "Present the Policy+ Initiative");
  convene_session_set_start (session, start);
  convene_session_set_timezone (session, "Europe/London");
  convene_session_set_status (session, CONVENE_SESSION_STATUS_HELD);
  convene_session_set_format (session, CONVENE_SESSION_FORMAT_PANEL);
  convene_session_set_speakers (session, (const char *[]) { "Ana", "Kenji", NULL });
  convene_session_set_blog (session, blog);
  check_life (f, CONVENE_ENTITY (session), "topic", "Policy+ and the OECD");
}

static void
test_session_month_only (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  g_autoptr(ConveneSession) month_only = convene_session_new ();
  g_autoptr(ConveneSession) tbc = convene_session_new ();
  g_autoptr(ConveneSession) dated = add_session (f, convene_entity_get_id (CONVENE_ENTITY (plan)),
                                                 "Policy+", "2021-02-23T19:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSession) a = NULL;
  g_autoptr(ConveneSession) b = NULL;

  convene_session_set_plan (month_only, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_session_set_topic (month_only, "Standards");
  convene_session_set_month (month_only, "2021-09");
  convene_session_set_status (month_only, CONVENE_SESSION_STATUS_TENTATIVE);
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (month_only), &error));
  convene_session_set_plan (tbc, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_session_set_topic (tbc, "Chief Data Officers roundtable");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (tbc), &error));

  reopen (f);
  a = convene_store_load (f->store, CONVENE_TYPE_SESSION, convene_entity_get_id (CONVENE_ENTITY (month_only)), &error);
  b = convene_store_load (f->store, CONVENE_TYPE_SESSION, convene_entity_get_id (CONVENE_ENTITY (tbc)), &error);
  g_assert_cmpint (convene_session_get_timing (a), ==, CONVENE_SESSION_TIMING_MONTH);
  g_assert_null (convene_session_get_start (a));
  g_assert_cmpint (convene_session_get_timing (b), ==, CONVENE_SESSION_TIMING_TBC);
  g_assert_null (convene_session_get_month (b));
  /* A dated session is given the month of its start in its own zone. */
  g_assert_cmpstr (convene_session_get_month (dated), ==, "2021-02");
  g_assert_cmpint (convene_session_get_timing (dated), ==, CONVENE_SESSION_TIMING_INSTANT);
}

static void
test_person_life (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePerson) person = convene_person_new ();

  convene_person_set_name (person, "Flor");
  convene_person_set_sector (person, CONVENE_SECTOR_CIVIL_SOCIETY);
  convene_person_set_timezone (person, "America/Mexico_City");
  convene_person_set_languages (person, (const char *[]) { "es", "en", NULL });
  check_life (f, CONVENE_ENTITY (person), "organisation", "ILDA");
}

static void
test_resource_life (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  g_autoptr(ConveneResource) resource = convene_resource_new ();

  convene_resource_set_plan (resource, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_resource_set_kind (resource, CONVENE_RESOURCE_KIND_BEST_PRACTICE);
  convene_resource_set_title (resource, "Open by default guide");
  convene_resource_set_url (resource, "https://example.org/guide");
  convene_resource_set_date (resource, "2021-03-01");
  check_life (f, CONVENE_ENTITY (resource), "url", "https://example.org/guide-v2");
}

static void
test_attendance_life (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  g_autoptr(ConveneSession) s1 = add_session (f, convene_entity_get_id (CONVENE_ENTITY (plan)), "One", NULL);
  g_autoptr(ConveneSession) s2 = add_session (f, convene_entity_get_id (CONVENE_ENTITY (plan)), "Two", NULL);
  g_autoptr(ConvenePerson) person = convene_person_new ();
  g_autoptr(ConveneAttendance) row = convene_attendance_new ();
  g_autoptr(GError) error = NULL;

  convene_person_set_name (person, "Paul");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (person), &error));
  convene_attendance_set_session (row, convene_entity_get_id (CONVENE_ENTITY (s1)));
  convene_attendance_set_person (row, convene_entity_get_id (CONVENE_ENTITY (person)));
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_INT64);
    g_value_set_int64 (&value, convene_entity_get_id (CONVENE_ENTITY (s2)));
    check_life_value (f, CONVENE_ENTITY (row), "session", &value);
  }
}

static void
test_cascade_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  g_autoptr(ConvenePlan) other = add_plan (f, "Action Plan 2024");
  gint64 plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));
  g_autoptr(ConveneSession) s1 = add_session (f, plan_id, "Policy+", "2021-02-23T19:00:00Z");
  g_autoptr(ConveneSession) s2 = add_session (f, convene_entity_get_id (CONVENE_ENTITY (other)), "Fair", NULL);
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_store_remove (f->store, CONVENE_ENTITY (plan), &error));
  g_assert_no_error (error);
  reopen (f);
  left = convene_store_query (f->store, CONVENE_TYPE_SESSION, NULL, 0, &error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpstr (convene_session_get_topic (g_ptr_array_index (left, 0)), ==, "Fair");
}

static void
test_cascade_person (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  g_autoptr(ConveneSession) session = add_session (f, convene_entity_get_id (CONVENE_ENTITY (plan)), "Policy+", NULL);
  gint64 sid = convene_entity_get_id (CONVENE_ENTITY (session));
  g_autoptr(ConvenePerson) paul = convene_person_new ();
  g_autoptr(ConvenePerson) flor = convene_person_new ();
  g_autoptr(ConveneSession) kept = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;

  convene_person_set_name (paul, "Paul");
  convene_person_set_name (flor, "Flor");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (paul), &error));
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (flor), &error));
  g_assert_true (convene_store_set_attended (f->store, sid, convene_entity_get_id (CONVENE_ENTITY (paul)), TRUE, &error));
  g_assert_true (convene_store_set_attended (f->store, sid, convene_entity_get_id (CONVENE_ENTITY (flor)), TRUE, &error));
  /* Ticking twice does not count twice. */
  g_assert_true (convene_store_set_attended (f->store, sid, convene_entity_get_id (CONVENE_ENTITY (flor)), TRUE, &error));
  before = convene_store_get_attendance (f->store, sid, &error);
  g_assert_cmpuint (before->len, ==, 2);

  g_assert_true (convene_store_remove (f->store, CONVENE_ENTITY (paul), &error));
  reopen (f);
  kept = convene_store_load (f->store, CONVENE_TYPE_SESSION, sid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_session_get_topic (kept), ==, "Policy+");
  after = convene_store_get_attendance (f->store, sid, &error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (g_array_index (after, gint64, 0), ==, convene_entity_get_id (CONVENE_ENTITY (flor)));
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(ConvenePerson) person = convene_person_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_session_set_topic (session, "Climate Justice Data");
  convene_session_set_month (session, "2021-13");
  g_assert_false (convene_store_add (f->store, CONVENE_ENTITY (session), &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2021-13"));
  g_assert_nonnull (strstr (error->message, "Climate Justice Data"));
  g_clear_error (&error);

  convene_session_set_month (session, "2021-03");
  convene_session_set_timezone (session, "GMT-6");
  g_assert_false (convene_store_add (f->store, CONVENE_ENTITY (session), &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  convene_person_set_timezone (person, "Europe/London");
  g_assert_false (convene_store_add (f->store, CONVENE_ENTITY (person), &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A session that points at no plan is refused by the database itself. */
  convene_session_set_timezone (session, "-06:00");
  convene_session_set_plan (session, 999);
  g_assert_false (convene_store_add (f->store, CONVENE_ENTITY (session), &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_CONFLICT);

  sessions = convene_store_query (f->store, CONVENE_TYPE_SESSION, NULL, 0, NULL);
  g_assert_cmpuint (sessions->len, ==, 0);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_live_list (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  gint64 plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));
  g_autoptr(GListModel) list = convene_store_list (f->store, CONVENE_TYPE_SESSION, "plan", plan_id);
  g_autoptr(ConveneSession) april = NULL;
  g_autoptr(ConveneSession) feb = NULL;
  g_autoptr(ConveneSession) first = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  april = add_session (f, plan_id, "Leadership", "2021-04-27T18:00:00Z");
  feb = add_session (f, plan_id, "Policy+", "2021-02-23T19:00:00Z");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (changes, ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (convene_session_get_topic (first), ==, "Policy+");

  /* An edit saved elsewhere reaches the object the list holds. */
  convene_session_set_topic (feb, "Policy+ with the OECD");
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (feb), &error));
  g_assert_cmpstr (convene_session_get_topic (first), ==, "Policy+ with the OECD");

  g_assert_true (convene_store_remove (f->store, CONVENE_ENTITY (april), &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* Removing the plan empties the list through the cascade. */
  g_assert_true (convene_store_remove (f->store, CONVENE_ENTITY (plan), &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
test_transaction_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr(ConvenePlan) plan = add_plan (f, "Action Plan 2021");
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_store_begin (f->store, &error));
  g_clear_object (&plan);
  for (int i = 0; i < 5; i++)
    g_object_unref (add_session (f, 1, "Draft", NULL));
  convene_store_rollback (f->store);
  reopen (f);
  sessions = convene_store_query (f->store, CONVENE_TYPE_SESSION, NULL, 0, &error);
  g_assert_cmpuint (sessions->len, ==, 0);
}

static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_true (_convene_store_create_at_version (path, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO plans (id, title, year, status) VALUES (1, 'Action Plan 2021', 2021, 'approved');"
                                 "INSERT INTO sessions (id, plan, topic, month, duration_minutes, status, format, language)"
                                 " VALUES (1, 1, 'Policy+', '2021-02', 60, 'scheduled', 'meeting', 'en');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = convene_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (convene_store_get_schema_version (store), ==, CONVENE_STORE_SCHEMA_VERSION);
  sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", 1, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpstr (convene_session_get_topic (g_ptr_array_index (sessions, 0)), ==, "Policy+");

  g_assert_cmpint (sqlite3_prepare_v2 (_convene_store_get_db (store),
                                       "SELECT 1 FROM sqlite_master WHERE name = 'sessions_by_plan'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);
  /* Version 3: a year's sessions are found through an index by month. */
  g_assert_cmpint (sqlite3_prepare_v2 (_convene_store_get_db (store),
                                       "SELECT 1 FROM sqlite_master WHERE name = 'sessions_by_month'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);

  g_clear_object (&store);
  convene_test_dir_remove (dir);
}

static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-refuse-XXXXXX", NULL);
  g_autofree char *garbage = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(ConveneStore) store = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (garbage, "Meeting notes, not a database.\n", -1, NULL));
  store = convene_store_new (garbage, &error);
  g_assert_null (store);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL);
  sqlite3_close (db);
  store = convene_store_new (newer, &error);
  g_assert_null (store);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_TOO_NEW);

  convene_test_dir_remove (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/plan/life", test_plan_life);
  ADD ("/store/goal/life", test_goal_life);
  ADD ("/store/action/life", test_action_life);
  ADD ("/store/session/life", test_session_life);
  ADD ("/store/session/month-only", test_session_month_only);
  ADD ("/store/person/life", test_person_life);
  ADD ("/store/resource/life", test_resource_life);
  ADD ("/store/attendance/life", test_attendance_life);
  ADD ("/store/cascade/plan-removes-sessions", test_cascade_plan);
  ADD ("/store/cascade/person-keeps-session", test_cascade_person);
  ADD ("/store/validation", test_validation);
  ADD ("/store/list/live", test_live_list);
  ADD ("/store/transaction/rollback", test_transaction_rollback);
#undef ADD
  g_test_add_func ("/store/migration/from-version-1", test_migration);
  g_test_add_func ("/store/refuses/garbage-and-newer", test_refusals);

  return g_test_run ();
}
