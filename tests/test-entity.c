/* test-entity.c: entities as GObjects: properties that notify only on
 * change, copies, equality, defaults and enum nicks. */
#include "model/convene-session.h"
#include "model/convene-person.h"
#include "model/convene-values.h"

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify_on_change_only (void)
{
  g_autoptr(ConveneSession) session = convene_session_new ();
  guint count = 0;

  g_signal_connect (session, "notify::topic", G_CALLBACK (on_notify_cb), &count);
  convene_session_set_topic (session, "Climate Justice Data");
  convene_session_set_topic (session, "Climate Justice Data");
  g_assert_cmpuint (count, ==, 1);
  convene_session_set_topic (session, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (convene_session_get_topic (session));
}

static void
test_defaults (void)
{
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(ConvenePerson) person = convene_person_new ();

  /* The documented defaults: an hour, in English, a meeting, scheduled, TBC. */
  g_assert_cmpint (convene_session_get_duration_minutes (session), ==, 60);
  g_assert_cmpstr (convene_session_get_language (session), ==, "en");
  g_assert_cmpint (convene_session_get_format (session), ==, CONVENE_SESSION_FORMAT_MEETING);
  g_assert_cmpint (convene_session_get_status (session), ==, CONVENE_SESSION_STATUS_SCHEDULED);
  g_assert_cmpint (convene_session_get_timing (session), ==, CONVENE_SESSION_TIMING_TBC);
  g_assert_cmpint (convene_person_get_sector (person), ==, CONVENE_SECTOR_OTHER);
}

static void
test_copy_and_equal (void)
{
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(ConveneSession) copy = NULL;
  g_autoptr(GDateTime) start = convene_instant_parse ("2021-03-30T17:00:00+03:00");
  g_autoptr(GDateTime) end = NULL;

  convene_session_set_topic (session, "Climate Justice Data");
  convene_session_set_start (session, start);
  convene_session_set_timezone (session, "Africa/Nairobi");
  convene_session_set_speakers (session, (const char *[]) { "Flor", NULL });
  copy = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (session)));
  g_assert_true (convene_entity_equal (CONVENE_ENTITY (session), CONVENE_ENTITY (copy)));
  convene_session_set_speakers (copy, NULL);
  g_assert_false (convene_entity_equal (CONVENE_ENTITY (session), CONVENE_ENTITY (copy)));

  /* Instants are kept in UTC: 17:00 in Nairobi is 14:00Z. */
  g_assert_cmpint (g_date_time_get_hour (convene_session_get_start (session)), ==, 14);
  end = convene_session_dup_end (session);
  g_assert_cmpint (g_date_time_difference (end, convene_session_get_start (session)), ==, 60 * G_TIME_SPAN_MINUTE);
}

static void
test_values (void)
{
  g_assert_true (convene_month_is_valid ("2021-02"));
  g_assert_false (convene_month_is_valid ("2021-13"));
  g_assert_false (convene_month_is_valid ("Feb 2021"));
  g_assert_true (convene_due_is_valid ("2016"));
  g_assert_true (convene_due_is_valid ("2016-06"));
  g_assert_true (convene_due_is_valid ("2016-06-30"));
  g_assert_false (convene_due_is_valid ("2016-02-30"));
  g_assert_true (convene_timezone_is_valid ("Europe/London"));
  g_assert_true (convene_timezone_is_valid ("UTC"));
  g_assert_true (convene_timezone_is_valid ("-06:00"));
  /* "GMT-6" as people write it is UTC−6, but GLib would read it as a POSIX
   * rule meaning UTC+6; only the explicit offset is a stored zone. */
  g_assert_false (convene_timezone_is_valid ("GMT-6"));
  g_assert_false (convene_timezone_is_valid ("Mars/Olympus_Mons"));
  g_assert_true (convene_url_is_valid ("https://example.org/x"));
  g_assert_false (convene_url_is_valid ("example.org"));
  g_assert_null (convene_instant_parse ("2021-02-23T19:00:00"));
}

static void
test_enum_nicks (void)
{
  GEnumClass *klass = g_type_class_ref (CONVENE_TYPE_SESSION_STATUS);

  g_assert_cmpstr (g_enum_get_value (klass, CONVENE_SESSION_STATUS_NO_MEETING)->value_nick, ==, "no-meeting");
  g_type_class_unref (klass);
  klass = g_type_class_ref (CONVENE_TYPE_SECTOR);
  g_assert_cmpstr (g_enum_get_value (klass, CONVENE_SECTOR_CIVIL_SOCIETY)->value_nick, ==, "civil-society");
  g_type_class_unref (klass);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity/notify-on-change-only", test_notify_on_change_only);
  g_test_add_func ("/entity/defaults", test_defaults);
  g_test_add_func ("/entity/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/entity/values", test_values);
  g_test_add_func ("/entity/enum-nicks", test_enum_nicks);

  return g_test_run ();
}
