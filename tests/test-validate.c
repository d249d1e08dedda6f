/* test-validate.c: the model's one validator: each value kind with the
 * message a person reads, required values, the rules that bind a session's
 * fields, and the store refusing what the validator refuses. */
#include <glib/gstdio.h>
#include <string.h>

#include "model/convene-validate.h"
#include "model/convene-action.h"
#include "model/convene-attendance.h"
#include "model/convene-plan.h"
#include "model/convene-resource.h"
#include "model/convene-session.h"
#include "store/convene-store.h"

/* @text must be refused for @type's @field with exactly @expected. */
static void
assert_refused (GType       type,
                const char *field,
                const char *text,
                const char *expected)
{
  g_autofree char *message = NULL;

  g_assert_false (convene_entity_validate_field (type, field, text, &message));
  g_assert_cmpstr (message, ==, expected);
}

static void
assert_accepted (GType       type,
                 const char *field,
                 const char *text)
{
  g_autofree char *message = NULL;

  g_assert_true (convene_entity_validate_field (type, field, text, &message));
  g_assert_null (message);
}

static void
test_kinds (void)
{
  assert_refused (CONVENE_TYPE_SESSION, "month", "2021-13",
                  "the month “2021-13” is not a month (YYYY-MM)");
  assert_accepted (CONVENE_TYPE_SESSION, "month", "2021-03");

  assert_refused (CONVENE_TYPE_ACTION, "due", "June",
                  "the due date “June” is not a year, month or day (YYYY, YYYY-MM or YYYY-MM-DD)");
  assert_accepted (CONVENE_TYPE_ACTION, "due", "2021");
  assert_accepted (CONVENE_TYPE_ACTION, "due", "2021-06");
  assert_accepted (CONVENE_TYPE_ACTION, "due", "2021-06-30");

  assert_refused (CONVENE_TYPE_RESOURCE, "date", "2021-02-30",
                  "the date “2021-02-30” is not a day (YYYY-MM-DD)");
  assert_accepted (CONVENE_TYPE_RESOURCE, "date", "2021-03-01");

  /* "GMT-6" is a POSIX rule that means six hours east: refused, with the
   * offset people mean as the example. */
  assert_refused (CONVENE_TYPE_SESSION, "timezone", "GMT-6",
                  "“GMT-6” is not a time zone (an IANA name such as Europe/London, UTC, "
                  "or an offset such as -06:00)");
  assert_accepted (CONVENE_TYPE_SESSION, "timezone", "-06:00");
  assert_accepted (CONVENE_TYPE_PLAN, "timezone", "Europe/London");
  assert_accepted (CONVENE_TYPE_PLAN, "extra-timezones", "Africa/Nairobi");
  assert_refused (CONVENE_TYPE_PLAN, "extra-timezones", "Nairobi",
                  "“Nairobi” is not a time zone (an IANA name such as Europe/London, UTC, "
                  "or an offset such as -06:00)");

  assert_refused (CONVENE_TYPE_RESOURCE, "url", "opendatacharter",
                  "“opendatacharter” is not a web address");
  assert_refused (CONVENE_TYPE_SESSION, "recording-url", "not an address",
                  "“not an address” is not a web address");
  assert_accepted (CONVENE_TYPE_SESSION, "recording-url", "https://example.org/iwg-february");

  assert_refused (CONVENE_TYPE_SESSION, "recurrence", "every week",
                  "the repetition “every week” is not a rule such as FREQ=WEEKLY;INTERVAL=2");
  assert_accepted (CONVENE_TYPE_SESSION, "recurrence", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
  assert_accepted (CONVENE_TYPE_SESSION, "recurrence", "RRULE:FREQ=MONTHLY;BYDAY=-1TU");

  /* Free text has no format; an unknown value is always allowed. */
  assert_accepted (CONVENE_TYPE_SESSION, "lead", "anything at all");
  assert_accepted (CONVENE_TYPE_SESSION, "month", NULL);
  assert_accepted (CONVENE_TYPE_RESOURCE, "url", NULL);
}

static void
test_value_kind (void)
{
  g_autofree char *message = NULL;

  /* The blog post's address has no field of its own: checked by kind. */
  g_assert_false (convene_value_validate (CONVENE_VALUE_URL, "blog", &message));
  g_assert_cmpstr (message, ==, "“blog” is not a web address");
  g_clear_pointer (&message, g_free);
  g_assert_true (convene_value_validate (CONVENE_VALUE_TEXT, "", &message));
  g_assert_null (message);
  /* A caller that only wants the answer. */
  g_assert_false (convene_value_validate (CONVENE_VALUE_MONTH, "", NULL));
}

static void
test_required (void)
{
  assert_refused (CONVENE_TYPE_SESSION, "topic", NULL, "the topic may not be empty");
  assert_refused (CONVENE_TYPE_SESSION, "topic", "", "the topic may not be empty");
  assert_refused (CONVENE_TYPE_PLAN, "title", "", "the title may not be empty");
  assert_refused (CONVENE_TYPE_ACTION, "title", NULL, "the title may not be empty");
  assert_accepted (CONVENE_TYPE_SESSION, "topic", "Climate Justice Data");
  /* Optional text may be empty. */
  assert_accepted (CONVENE_TYPE_SESSION, "notes", "");
}

static void
test_entity (void)
{
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(ConveneAttendance) attendance = convene_attendance_new ();
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) start = g_date_time_new (london, 2021, 2, 23, 19, 0, 0);
  char *message = NULL;

  /* Fields are checked in table order: the plan comes first. */
  convene_session_set_month (session, "2021-13");
  g_assert_false (convene_entity_validate (CONVENE_ENTITY (session), &message));
  g_assert_cmpstr (message, ==, "it belongs to no plan");
  g_clear_pointer (&message, g_free);

  convene_session_set_plan (session, 1);
  convene_session_set_topic (session, "Climate Justice Data");
  g_assert_false (convene_entity_validate (CONVENE_ENTITY (session), &message));
  g_assert_cmpstr (message, ==, "the month “2021-13” is not a month (YYYY-MM)");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (convene_entity_get_label (CONVENE_ENTITY (session)), ==, "Climate Justice Data");

  convene_session_set_month (session, "2021-02");
  convene_session_set_start (session, start);
  g_assert_false (convene_entity_validate (CONVENE_ENTITY (session), &message));
  g_assert_cmpstr (message, ==, "a session with a start time needs the time zone it was fixed in");
  g_clear_pointer (&message, g_free);

  convene_session_set_timezone (session, "Europe/London");
  convene_session_set_duration_minutes (session, -5);
  g_assert_false (convene_entity_validate (CONVENE_ENTITY (session), &message));
  g_assert_cmpstr (message, ==, "the length may not be negative");
  g_clear_pointer (&message, g_free);

  convene_session_set_duration_minutes (session, 90);
  g_assert_true (convene_entity_validate (CONVENE_ENTITY (session), &message));
  g_assert_null (message);

  /* Each item of a list of zones is checked. */
  {
    g_autoptr(ConvenePlan) plan = convene_plan_new ();

    convene_plan_set_title (plan, "Action Plan 2021");
    convene_plan_set_extra_timezones (plan, (const char *[]) { "America/New_York", "Mars/Olympus", NULL });
    g_assert_false (convene_entity_validate (CONVENE_ENTITY (plan), &message));
    g_assert_nonnull (strstr (message, "“Mars/Olympus” is not a time zone"));
    g_clear_pointer (&message, g_free);
  }

  /* No title, topic or name: called by its type. */
  g_assert_false (convene_entity_validate (CONVENE_ENTITY (attendance), &message));
  g_assert_cmpstr (message, ==, "it belongs to no session");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (convene_entity_get_label (CONVENE_ENTITY (attendance)), ==, "Attendance");
  convene_attendance_set_session (attendance, 4);
  g_assert_false (convene_entity_validate (CONVENE_ENTITY (attendance), &message));
  g_assert_cmpstr (message, ==, "it names no person");
  g_clear_pointer (&message, g_free);
}

static void
test_store_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-validate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "convene.db", NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConvenePlan) plan = convene_plan_new ();
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_no_error (error);
  store = convene_store_new (path, &error);
  g_assert_no_error (error);

  convene_plan_set_title (plan, "Action Plan 2021");
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (plan), &error));
  convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_session_set_topic (session, "Climate Justice Data");
  convene_session_set_recurrence (session, "every week");

  /* The validator's words, with the session named in front. */
  g_assert_false (convene_store_add (store, CONVENE_ENTITY (session), &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“Climate Justice Data”: the repetition “every week” is not a rule "
                   "such as FREQ=WEEKLY;INTERVAL=2");
  g_clear_error (&error);
  g_assert_cmpint (convene_entity_get_id (CONVENE_ENTITY (session)), ==, 0);

  convene_session_set_recurrence (session, "FREQ=MONTHLY;BYDAY=-1TU");
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (session), &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/kinds", test_kinds);
  g_test_add_func ("/validate/value-kind", test_value_kind);
  g_test_add_func ("/validate/required", test_required);
  g_test_add_func ("/validate/entity", test_entity);
  g_test_add_func ("/validate/store-refuses", test_store_refuses);

  return g_test_run ();
}
