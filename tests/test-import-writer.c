/* test-import-writer.c: writing a preview into the database.  A coordinator
 * relies on two things: a file is imported whole or not at all, and what it
 * holds keeps pointing at the right plan, goal, session and person once the
 * database has given it ids of its own. */
#include <glib/gstdio.h>

#include "convene-test-dir.h"
#include "import/convene-import-writer.h"

typedef struct {
  char         *dir;
  ConveneStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = convene_test_dir_new ("writer");
  path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  convene_test_dir_remove (f->dir);
  g_free (f->dir);
}

static guint
count (Fixture *f,
       GType    type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = convene_store_query (f->store, type, NULL, 0, &error);

  g_assert_no_error (error);
  return rows->len;
}

static gpointer
only_with_title (Fixture    *f,
                 GType       type,
                 const char *title)
{
  g_autoptr(GPtrArray) rows = convene_store_query (f->store, type, NULL, 0, NULL);
  gpointer found = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = NULL;

      g_object_get (g_ptr_array_index (rows, i), type == CONVENE_TYPE_SESSION ? "topic" :
                                                 type == CONVENE_TYPE_PERSON ? "name" : "title",
                    &text, NULL);
      if (g_strcmp0 (text, title) == 0)
        {
          g_assert_null (found);
          found = g_object_ref (g_ptr_array_index (rows, i));
        }
    }
  g_assert_nonnull (found);
  return found;
}

static gint64
id_with_title (Fixture    *f,
               GType       type,
               const char *title)
{
  g_autoptr(ConveneEntity) entity = only_with_title (f, type, title);

  return convene_entity_get_id (entity);
}

/* The one object of @type in the plan @plan_id. */
static gpointer
only_of_plan (Fixture *f,
              GType    type,
              gint64   plan_id)
{
  g_autoptr(GPtrArray) rows = convene_store_query (f->store, type, "plan", plan_id, NULL);

  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_object_ref (rows->pdata[0]);
}

/* A plan with a goal, an action towards it, two people, a session that one
 * of them attended and a resource of that session she shared. */
static ConveneImportResult *
make_plan (const char *title)
{
  ConveneImportResult *result = convene_import_result_new ("plan.md");
  ConvenePlan *plan = convene_plan_new ();
  ConveneGoal *goal = convene_goal_new ();
  ConveneAction *action = convene_action_new ();
  ConveneSession *session = convene_session_new ();
  ConveneAttendance *attendance = convene_attendance_new ();
  ConveneResource *resource = convene_resource_new ();
  ConvenePerson *ana, *ben;

  convene_plan_set_title (plan, title);
  convene_plan_set_group (plan, "Implementation Working Group");
  convene_import_result_take (result, plan);
  convene_goal_set_plan (goal, 1);
  convene_goal_set_title (goal, "Open data by default");
  convene_import_result_take (result, goal);
  convene_action_set_plan (action, 1);
  convene_action_set_goal (action, 1);
  convene_action_set_title (action, "Publish the guide");
  convene_import_result_take (result, action);
  ana = convene_import_result_ensure_person (result, "Ana");
  ben = convene_import_result_ensure_person (result, "Ben");
  convene_session_set_plan (session, 1);
  convene_session_set_topic (session, "Data for climate");
  convene_session_set_month (session, "2025-03");
  convene_import_result_take (result, session);
  convene_attendance_set_session (attendance, 1);
  convene_attendance_set_person (attendance, convene_entity_get_id (CONVENE_ENTITY (ben)));
  convene_import_result_take (result, attendance);
  convene_resource_set_plan (resource, 1);
  convene_resource_set_session (resource, 1);
  convene_resource_set_title (resource, "Slides");
  convene_resource_set_shared_by (resource, convene_entity_get_id (CONVENE_ENTITY (ben)));
  convene_import_result_take (result, resource);
  g_assert_cmpint (convene_entity_get_id (CONVENE_ENTITY (ana)), ==, 1);
  return result;
}

static void
write_ok (Fixture             *f,
          ConveneImportResult *result,
          ConveneOnExisting    on_existing)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_import_result_write (result, f->store, on_existing, &error));
  g_assert_no_error (error);
}

/* Something the database already holds, so that its ids are taken. */
static void
fill_database (Fixture *f)
{
  g_autoptr(ConveneImportResult) first = make_plan ("Action Plan 2021");

  write_ok (f, first, CONVENE_ON_EXISTING_FAIL);
  g_assert_cmpuint (count (f, CONVENE_TYPE_PLAN), ==, 1);
}

static void
test_ids_remapped (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ConveneImportResult) result = make_plan ("Action Plan 2025");
  g_autoptr(ConvenePlan) plan = NULL;
  g_autoptr(ConveneGoal) goal = NULL;
  g_autoptr(ConveneAction) action = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneResource) resource = NULL;
  g_autoptr(ConvenePerson) ben = NULL;
  g_autoptr(GArray) attended = NULL;
  gint64 plan_id;

  fill_database (f);
  write_ok (f, result, CONVENE_ON_EXISTING_FAIL);

  plan = only_with_title (f, CONVENE_TYPE_PLAN, "Action Plan 2025");
  plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));
  g_assert_cmpint (plan_id, !=, 1);
  /* Everything is the new plan's, not the old one's that had ids 1. */
  g_assert_cmpuint (count (f, CONVENE_TYPE_GOAL), ==, 2);
  goal = only_of_plan (f, CONVENE_TYPE_GOAL, plan_id);
  action = only_of_plan (f, CONVENE_TYPE_ACTION, plan_id);
  session = only_of_plan (f, CONVENE_TYPE_SESSION, plan_id);
  resource = only_of_plan (f, CONVENE_TYPE_RESOURCE, plan_id);
  g_assert_cmpint (convene_action_get_goal (action), ==, convene_entity_get_id (CONVENE_ENTITY (goal)));

  /* People are found by name: Ana and Ben are the group's already. */
  g_assert_cmpuint (count (f, CONVENE_TYPE_PERSON), ==, 2);
  ben = only_with_title (f, CONVENE_TYPE_PERSON, "Ben");
  attended = convene_store_get_attendance (f->store, convene_entity_get_id (CONVENE_ENTITY (session)), NULL);
  g_assert_cmpuint (attended->len, ==, 1);
  g_assert_cmpint (g_array_index (attended, gint64, 0), ==, convene_entity_get_id (CONVENE_ENTITY (ben)));
  g_assert_cmpint (convene_resource_get_session (resource), ==, convene_entity_get_id (CONVENE_ENTITY (session)));
  g_assert_cmpint (convene_resource_get_shared_by (resource), ==, convene_entity_get_id (CONVENE_ENTITY (ben)));
}

static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ConveneImportResult) result = make_plan ("Action Plan 2025");
  g_autoptr(GError) error = NULL;
  ConveneSession *broken = convene_session_new ();

  fill_database (f);
  /* The last thing written is refused: a session needs a topic. */
  convene_session_set_plan (broken, 1);
  convene_session_set_month (broken, "2025-04");
  convene_import_result_take (result, broken);

  g_assert_false (convene_import_result_write (result, f->store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_nonnull (error);
  /* The message says which file failed. */
  g_assert_true (g_str_has_prefix (error->message, "plan.md: "));
  g_assert_cmpuint (count (f, CONVENE_TYPE_PLAN), ==, 1);
  g_assert_cmpuint (count (f, CONVENE_TYPE_GOAL), ==, 1);
  g_assert_cmpuint (count (f, CONVENE_TYPE_ACTION), ==, 1);
  g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION), ==, 1);
  g_assert_cmpuint (count (f, CONVENE_TYPE_RESOURCE), ==, 1);
  g_assert_cmpuint (count (f, CONVENE_TYPE_PERSON), ==, 2);

  /* The failed write left no transaction open: the next one works. */
  g_clear_error (&error);
  convene_session_set_topic (broken, "Open contracting");
  write_ok (f, result, CONVENE_ON_EXISTING_FAIL);
  g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION), ==, 3);
}

static void
test_existing_plan (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConveneImportResult) again = make_plan ("Action Plan 2021");
  g_autoptr(ConvenePlan) kept = NULL;
  g_autoptr(GError) error = NULL;

  fill_database (f);
  kept = only_with_title (f, CONVENE_TYPE_PLAN, "Action Plan 2021");

  g_assert_false (convene_import_result_write (again, f->store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EXISTS);
  g_assert_cmpuint (count (f, CONVENE_TYPE_PLAN), ==, 1);
  g_assert_cmpuint (count (f, CONVENE_TYPE_GOAL), ==, 1);

  write_ok (f, again, CONVENE_ON_EXISTING_NEW);
  g_assert_cmpuint (count (f, CONVENE_TYPE_PLAN), ==, 2);

  /* Replacing removes every plan of that title and group but the new one. */
  write_ok (f, again, CONVENE_ON_EXISTING_REPLACE);
  g_assert_cmpuint (count (f, CONVENE_TYPE_PLAN), ==, 1);
  g_assert_cmpuint (count (f, CONVENE_TYPE_GOAL), ==, 1);
  g_assert_null (convene_store_load (f->store, CONVENE_TYPE_PLAN,
                                     convene_entity_get_id (CONVENE_ENTITY (kept)), NULL));
}

static void
test_keeps_ids_when_empty (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ConveneImportResult) result = convene_import_result_new ("export.json");
  g_autoptr(ConveneImportResult) again = NULL;
  ConvenePlan *plan = convene_plan_new ();

  /* A JSON export's ids are its own, not 1, 2, 3... */
  convene_plan_set_title (plan, "Action Plan 2016");
  convene_entity_set_id (CONVENE_ENTITY (plan), 42);
  g_ptr_array_add (result->plans, plan);
  result->keep_ids = TRUE;
  write_ok (f, result, CONVENE_ON_EXISTING_FAIL);
  g_assert_cmpint (id_with_title (f, CONVENE_TYPE_PLAN, "Action Plan 2016"), ==, 42);

  /* Into a database that has data, the id is the database's. */
  again = make_plan ("Action Plan 2017");
  again->keep_ids = TRUE;
  write_ok (f, again, CONVENE_ON_EXISTING_FAIL);
  g_assert_cmpint (id_with_title (f, CONVENE_TYPE_PLAN, "Action Plan 2017"), !=, 1);
}

/* Writing as a file is read: what was flushed is rolled back on cancel, and
 * on freeing a result whose write was never ended. */
static void
test_streamed_cancel (Fixture       *f,
                      gconstpointer  data)
{
  fill_database (f);
  for (guint round = 0; round < 2; round++)
    {
      ConveneImportResult *result = make_plan ("Action Plan 2025");
      g_autoptr(GError) error = NULL;

      g_assert_true (convene_import_result_begin_write (result, f->store, CONVENE_ON_EXISTING_FAIL, &error));
      for (guint i = 0; i < 600; i++)
        {
          ConveneSession *session = convene_session_new ();
          g_autofree char *topic = g_strdup_printf ("Session %u", i);

          convene_session_set_plan (session, 1);
          convene_session_set_topic (session, topic);
          convene_import_result_take (result, session);
          g_assert_true (convene_import_result_flush (result, &error));
          g_assert_no_error (error);
        }
      /* Most sessions were written and let go of, yet still counted. */
      g_assert_cmpuint (result->sessions->len, <, 600);
      g_assert_cmpuint (convene_import_result_count (result, CONVENE_TYPE_SESSION), ==, 601);
      if (round == 0)
        convene_import_result_cancel_write (result);
      convene_import_result_free (result);
      g_assert_cmpuint (count (f, CONVENE_TYPE_PLAN), ==, 1);
      g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION), ==, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/writer/ids-remapped", Fixture, NULL, fixture_set_up, test_ids_remapped, fixture_tear_down);
  g_test_add ("/import/writer/all-or-nothing", Fixture, NULL, fixture_set_up, test_all_or_nothing, fixture_tear_down);
  g_test_add ("/import/writer/existing-plan", Fixture, NULL, fixture_set_up, test_existing_plan, fixture_tear_down);
  g_test_add ("/import/writer/keeps-ids-when-empty", Fixture, NULL, fixture_set_up, test_keeps_ids_when_empty,
              fixture_tear_down);
  g_test_add ("/import/writer/streamed-cancel", Fixture, NULL, fixture_set_up, test_streamed_cancel,
              fixture_tear_down);
  return g_test_run ();
}
