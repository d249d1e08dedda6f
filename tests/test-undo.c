/* test-undo.c: deleting with a way back.  What the user deleted, and
 * everything that hung off it, comes back with its references whole; a
 * restore that cannot be done writes nothing. */
#include <glib/gstdio.h>

#include "store/convene-store.h"
#include "store/convene-undo.h"
#include "model/convene-action.h"
#include "model/convene-attendance.h"
#include "model/convene-goal.h"
#include "model/convene-person.h"
#include "model/convene-plan.h"
#include "model/convene-resource.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"
#include "store/convene-occurrence-rows.h"

#include "convene-test-store.h"

typedef struct {
  char         *dir;
  char         *path;
  ConveneStore *store;
  gint64        plan;
  gint64        flor;
  gint64        paul;
  gint64        session;
  gint64        resource;
} Fixture;

static gint64
add (Fixture  *f,
     gpointer  entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneEntity) owned = entity;

  convene_store_add (f->store, owned, &error);
  g_assert_no_error (error);
  return convene_entity_get_id (owned);
}

static void
attend (Fixture *f,
        gint64   session,
        gint64   person)
{
  g_autoptr(GError) error = NULL;

  convene_store_set_attended (f->store, session, person, TRUE, &error);
  g_assert_no_error (error);
}

static gint64
add_session (Fixture    *f,
             const char *topic,
             const char *month)
{
  ConveneSession *session = convene_session_new ();

  convene_session_set_plan (session, f->plan);
  convene_session_set_topic (session, topic);
  convene_session_set_month (session, month);
  return add (f, session);
}

/* A plan with a goal and its action, two people, a February session that
 * both attended and a resource Flor shared for it. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ConvenePlan *plan = convene_plan_new ();
  ConvenePerson *flor = convene_person_new ();
  ConvenePerson *paul = convene_person_new ();
  ConveneGoal *goal = convene_goal_new ();
  ConveneAction *action = convene_action_new ();
  ConveneResource *resource = convene_resource_new ();
  gint64 goal_id;

  f->dir = g_dir_make_tmp ("convene-undo-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (f->path, &error);
  g_assert_no_error (error);

  convene_plan_set_title (plan, "Action Plan 2021");
  convene_plan_set_year (plan, 2021);
  convene_plan_set_timezone (plan, "Europe/London");
  f->plan = add (f, plan);

  convene_person_set_name (flor, "Flor");
  f->flor = add (f, flor);
  convene_person_set_name (paul, "Paul");
  f->paul = add (f, paul);

  convene_goal_set_plan (goal, f->plan);
  convene_goal_set_title (goal, "Support the adoption of the Charter");
  goal_id = add (f, goal);
  convene_action_set_plan (action, f->plan);
  convene_action_set_goal (action, goal_id);
  convene_action_set_title (action, "Draft the 2021 calendar");
  add (f, action);

  f->session = add_session (f, "Climate Justice Data", "2021-02");
  attend (f, f->session, f->flor);
  attend (f, f->session, f->paul);

  convene_resource_set_plan (resource, f->plan);
  convene_resource_set_session (resource, f->session);
  convene_resource_set_shared_by (resource, f->flor);
  convene_resource_set_kind (resource, CONVENE_RESOURCE_KIND_BEST_PRACTICE);
  convene_resource_set_title (resource, "Climate data guide");
  f->resource = add (f, resource);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->store);
  g_remove (f->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static guint
count (Fixture    *f,
       GType       type,
       const char *column,
       gint64      value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = convene_store_query (f->store, type, column, value, &error);

  g_assert_no_error (error);
  return found->len;
}

static gboolean
attended (Fixture *f,
          gint64   session,
          gint64   person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = convene_store_get_attendance (f->store, session, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    if (g_array_index (people, gint64, i) == person)
      return TRUE;
  return FALSE;
}

static ConveneUndo *
delete (Fixture *f,
        GType    type,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneEntity) entity = convene_store_load (f->store, type, id, &error);
  ConveneUndo *undo;

  g_assert_no_error (error);
  g_assert_nonnull (entity);
  undo = convene_undo_delete (f->store, entity, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  return undo;
}

static void
restore (Fixture     *f,
         ConveneUndo *undo)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_undo_restore (undo, f->store, &error));
  g_assert_no_error (error);
}

/* The February session goes with its attendance and its resource; Undo
 * brings back the session under its own id, both attendees and the
 * resource pointing at it. */
static void
test_session_comes_back_whole (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(ConveneUndo) undo = delete (f, CONVENE_TYPE_SESSION, f->session);
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneResource) resource = NULL;

  g_assert_null (convene_store_load (f->store, CONVENE_TYPE_SESSION, f->session, NULL));
  g_assert_false (attended (f, f->session, f->flor));
  g_assert_cmpuint (count (f, CONVENE_TYPE_RESOURCE, "session", f->session), ==, 0);

  restore (f, undo);
  g_assert_true (convene_undo_get_entity_type (undo) == CONVENE_TYPE_SESSION);
  g_assert_cmpint (convene_undo_get_restored_id (undo), ==, f->session);
  session = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->session, NULL);
  g_assert_nonnull (session);
  g_assert_cmpstr (convene_session_get_topic (session), ==, "Climate Justice Data");
  g_assert_true (attended (f, f->session, f->flor));
  g_assert_true (attended (f, f->session, f->paul));
  resource = convene_store_load (f->store, CONVENE_TYPE_RESOURCE, f->resource, NULL);
  g_assert_nonnull (resource);
  g_assert_cmpint (convene_resource_get_session (resource), ==, f->session);
  g_assert_cmpint (convene_resource_get_shared_by (resource), ==, f->flor);
}

/* Deleting the plan takes its goals, actions, sessions and resources;
 * Undo brings all of them back, the action still under its goal. */
static void
test_plan_comes_back_whole (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ConveneUndo) undo = delete (f, CONVENE_TYPE_PLAN, f->plan);
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  gint64 plan;

  g_assert_cmpuint (count (f, CONVENE_TYPE_GOAL, "plan", f->plan), ==, 0);
  g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION, "plan", f->plan), ==, 0);

  restore (f, undo);
  plan = convene_undo_get_restored_id (undo);
  g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION, "plan", plan), ==, 1);
  g_assert_cmpuint (count (f, CONVENE_TYPE_RESOURCE, "plan", plan), ==, 1);
  goals = convene_store_query (f->store, CONVENE_TYPE_GOAL, "plan", plan, NULL);
  actions = convene_store_query (f->store, CONVENE_TYPE_ACTION, "plan", plan, NULL);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpint (convene_action_get_goal (g_ptr_array_index (actions, 0)), ==,
                   convene_entity_get_id (g_ptr_array_index (goals, 0)));
  g_assert_true (attended (f, f->session, f->flor));
}

/* A person who leaves takes their attendance with them, and the resource
 * they shared stays without its "shared by"; Undo gives both back. */
static void
test_person_references_come_back (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(ConveneUndo) undo = delete (f, CONVENE_TYPE_PERSON, f->flor);
  g_autoptr(ConveneResource) kept = NULL;
  g_autoptr(ConveneResource) resource = NULL;

  kept = convene_store_load (f->store, CONVENE_TYPE_RESOURCE, f->resource, NULL);
  g_assert_nonnull (kept);
  g_assert_cmpint (convene_resource_get_shared_by (kept), ==, 0);
  g_assert_false (attended (f, f->session, f->flor));
  g_assert_true (attended (f, f->session, f->paul));

  restore (f, undo);
  resource = convene_store_load (f->store, CONVENE_TYPE_RESOURCE, f->resource, NULL);
  g_assert_cmpint (convene_resource_get_shared_by (resource), ==, convene_undo_get_restored_id (undo));
  g_assert_true (attended (f, f->session, convene_undo_get_restored_id (undo)));
}

/* A session added after the delete may take the deleted one's id; Undo
 * then gives the old session a new id and leaves the new one alone. */
static void
test_new_session_keeps_its_id (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(ConveneUndo) undo = delete (f, CONVENE_TYPE_SESSION, f->session);
  gint64 added = add_session (f, "Trust: Safeguarding data privacy", "2021-05");
  g_autoptr(ConveneSession) now_added = NULL;
  g_autoptr(ConveneSession) restored = NULL;

  restore (f, undo);
  now_added = convene_store_load (f->store, CONVENE_TYPE_SESSION, added, NULL);
  restored = convene_store_load (f->store, CONVENE_TYPE_SESSION,
                                 convene_undo_get_restored_id (undo), NULL);
  g_assert_cmpstr (convene_session_get_topic (now_added), ==, "Trust: Safeguarding data privacy");
  g_assert_cmpstr (convene_session_get_topic (restored), ==, "Climate Justice Data");
  g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION, "plan", f->plan), ==, 2);
  g_assert_true (attended (f, convene_undo_get_restored_id (undo), f->paul));
  g_assert_false (attended (f, added, f->paul));
}

/* Undo of a session whose plan has gone since cannot be done: it says so
 * and writes nothing, not even the attendance. */
static void
test_impossible_restore_writes_nothing (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(ConveneUndo) undo = delete (f, CONVENE_TYPE_SESSION, f->session);
  g_autoptr(ConveneUndo) plan_undo = delete (f, CONVENE_TYPE_PLAN, f->plan);
  g_autoptr(GError) error = NULL;

  g_assert_false (convene_undo_restore (undo, f->store, &error));
  g_assert_nonnull (error);
  g_assert_null (convene_store_load (f->store, CONVENE_TYPE_SESSION, f->session, NULL));
  g_assert_false (attended (f, f->session, f->paul));
  g_assert_cmpuint (count (f, CONVENE_TYPE_RESOURCE, "session", f->session), ==, 0);
}

static gboolean
count_meeting_cb (const ConveneSessionRow *row,
                  gpointer                 data)
{
  if (row->in_series)
    (*(guint *) data)++;
  return TRUE;
}

static guint
count_meetings (Fixture *f)
{
  guint n = 0;

  g_assert_true (convene_occurrence_rows_foreach (f->store, f->plan, "2021-01", "2021-12",
                                                  count_meeting_cb, &n, NULL));
  return n;
}

/* One meeting taken out of a series (an EXDATE) comes back with Undo;
 * an Undo whose exception is already gone changes nothing. */
static void
test_removed_meeting_comes_back (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(ConveneSession) series = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->session, NULL);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) first = g_date_time_new (london, 2021, 2, 23, 19, 0, 0);
  g_autoptr(GDateTime) second = g_date_time_add_weeks (first, 1);
  g_autoptr(ConveneSessionException) removed = convene_session_exception_new ();
  g_autoptr(ConveneUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  convene_session_set_start (series, first);
  convene_session_set_timezone (series, "Europe/London");
  convene_session_set_duration_minutes (series, 60);
  convene_session_set_recurrence (series, "FREQ=WEEKLY;COUNT=4");
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (series), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_meetings (f), ==, 4);

  convene_session_exception_set_session (removed, f->session);
  convene_session_exception_set_occurrence (removed, second);
  convene_session_exception_set_kind (removed, CONVENE_EXCEPTION_KIND_REMOVED);
  undo = convene_undo_add (f->store, CONVENE_ENTITY (removed), &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpuint (count_meetings (f), ==, 3);
  g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION_EXCEPTION, "session", f->session), ==, 1);

  g_assert_true (convene_undo_restore (undo, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_meetings (f), ==, 4);
  g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION_EXCEPTION, "session", f->session), ==, 0);

  g_assert_true (convene_undo_restore (undo, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_meetings (f), ==, 4);
}

static guint
count_attending (Fixture   *f,
                 GDateTime *occurrence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = convene_store_get_occurrence_attendance (f->store, f->session, occurrence, &error);

  g_assert_no_error (error);
  return people->len;
}

/* A meeting added to a series, then given another topic and attended by
 * Flor, is removed whole: its change and its attendance go with its date,
 * so that adding the same date again gives a plain meeting.  Undo brings
 * all three back; the series' other meetings keep theirs throughout. */
static void
test_added_meeting_goes_whole (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(ConveneSession) series = convene_store_load (f->store, CONVENE_TYPE_SESSION, f->session, NULL);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) first = g_date_time_new (london, 2021, 2, 23, 19, 0, 0);
  g_autoptr(GDateTime) second = g_date_time_add_weeks (first, 1);
  g_autoptr(GDateTime) thursday = g_date_time_new (london, 2021, 3, 4, 19, 0, 0);
  ConveneTestChange topic = { .topic = "Open contracting, extra meeting" };
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(ConveneSessionException) added = NULL;
  g_autoptr(ConveneUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  convene_session_set_start (series, first);
  convene_session_set_timezone (series, "Europe/London");
  convene_session_set_duration_minutes (series, 60);
  convene_session_set_recurrence (series, "FREQ=WEEKLY;COUNT=4");
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (series), &error));
  g_assert_no_error (error);

  convene_test_add_exception (f->store, f->session, thursday, CONVENE_EXCEPTION_KIND_ADDED, NULL);
  convene_test_add_exception (f->store, f->session, thursday, CONVENE_EXCEPTION_KIND_CHANGED, &topic);
  convene_test_add_exception (f->store, f->session, second, CONVENE_EXCEPTION_KIND_CHANGED, &topic);
  g_assert_true (convene_store_set_occurrence_attended (f->store, f->session, thursday, f->flor, TRUE, &error));
  g_assert_true (convene_store_set_occurrence_attended (f->store, f->session, second, f->paul, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_meetings (f), ==, 5);

  exceptions = convene_store_query (f->store, CONVENE_TYPE_SESSION_EXCEPTION, "session", f->session, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < exceptions->len && added == NULL; i++)
    if (convene_session_exception_get_kind (g_ptr_array_index (exceptions, i)) == CONVENE_EXCEPTION_KIND_ADDED)
      added = g_object_ref (g_ptr_array_index (exceptions, i));
  g_assert_nonnull (added);

  undo = delete (f, CONVENE_TYPE_SESSION_EXCEPTION, convene_entity_get_id (CONVENE_ENTITY (added)));
  g_assert_cmpuint (count_meetings (f), ==, 4);
  /* Only the other meeting's change is left, and only its attendance. */
  g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION_EXCEPTION, "session", f->session), ==, 1);
  g_assert_cmpuint (count_attending (f, thursday), ==, 0);
  g_assert_cmpuint (count_attending (f, second), ==, 1);
  g_assert_true (attended (f, f->session, f->paul));

  restore (f, undo);
  g_assert_cmpuint (count_meetings (f), ==, 5);
  g_assert_cmpuint (count (f, CONVENE_TYPE_SESSION_EXCEPTION, "session", f->session), ==, 3);
  g_assert_cmpuint (count_attending (f, thursday), ==, 1);
  g_assert_cmpuint (count_attending (f, second), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/undo/session/comes-back-whole", Fixture, NULL,
              fixture_set_up, test_session_comes_back_whole, fixture_tear_down);
  g_test_add ("/undo/plan/comes-back-whole", Fixture, NULL,
              fixture_set_up, test_plan_comes_back_whole, fixture_tear_down);
  g_test_add ("/undo/person/references-come-back", Fixture, NULL,
              fixture_set_up, test_person_references_come_back, fixture_tear_down);
  g_test_add ("/undo/session/new-one-keeps-its-id", Fixture, NULL,
              fixture_set_up, test_new_session_keeps_its_id, fixture_tear_down);
  g_test_add ("/undo/impossible-restore-writes-nothing", Fixture, NULL,
              fixture_set_up, test_impossible_restore_writes_nothing, fixture_tear_down);
  g_test_add ("/undo/occurrence/removed-comes-back", Fixture, NULL,
              fixture_set_up, test_removed_meeting_comes_back, fixture_tear_down);
  g_test_add ("/undo/occurrence/added-goes-whole", Fixture, NULL,
              fixture_set_up, test_added_meeting_goes_whole, fixture_tear_down);

  return g_test_run ();
}
