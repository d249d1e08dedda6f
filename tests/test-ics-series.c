/* test-ics-series.c: recurring series through iCalendar.
 *
 * Files in the shapes Google Calendar, Outlook and Thunderbird write
 * (tests/fixtures/ics-*-series.ics) import as one session a series, their
 * EXDATEs, RDATEs and overriding events (RECURRENCE-ID) as the series'
 * exceptions; Convene's export writes a series as its master VEVENT and
 * one VEVENT an override, and export → import → export gives the same file
 * and the same meetings.  Expected instants come from the tz database
 * (GTimeZone), never from the files under test.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export/convene-ics-export.h"
#include "import/convene-ics-import.h"
#include "import/convene-import-writer.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"
#include "store/convene-occurrence-rows.h"
#include "time/convene-occurrences.h"

#include "convene-test-store.h"

static GDateTime *
wall (const char *zone,
      int         year,
      int         month,
      int         day,
      int         hour,
      int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) local = NULL;

  g_assert_nonnull (tz);
  local = g_date_time_new (tz, year, month, day, hour, minute, 0);
  return g_date_time_to_utc (local);
}

static ConveneImportResult *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ConveneImportResult *result;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  result = convene_ics_import (name, contents, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static ConveneSession *
find_session (ConveneImportResult *result,
              const char          *topic)
{
  for (guint i = 0; i < result->sessions->len; i++)
    if (g_str_equal (convene_session_get_topic (g_ptr_array_index (result->sessions, i)), topic))
      return g_ptr_array_index (result->sessions, i);
  g_error ("no session “%s”", topic);
  return NULL;
}

/* The exception of @series at @occurrence, of @kind. */
static ConveneSessionException *
find_exception (ConveneImportResult  *result,
                ConveneSession       *series,
                ConveneExceptionKind  kind,
                GDateTime            *occurrence)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (series));

  for (guint i = 0; i < result->exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (result->exceptions, i);

      if (convene_session_exception_get_session (e) == id &&
          convene_session_exception_get_kind (e) == kind &&
          g_date_time_equal (convene_session_exception_get_occurrence (e), occurrence))
        return e;
    }
  g_error ("no such exception of “%s”", convene_session_get_topic (series));
  return NULL;
}

static guint
count_exceptions (ConveneImportResult *result,
                  ConveneSession      *series)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (series));
  guint n = 0;

  for (guint i = 0; i < result->exceptions->len; i++)
    n += convene_session_exception_get_session (g_ptr_array_index (result->exceptions, i)) == id;
  return n;
}

static gboolean
has_warning (ConveneImportResult *result,
             const char          *fragment)
{
  for (guint i = 0; i < result->warnings->len; i++)
    if (strstr (((ConveneImportWarning *) g_ptr_array_index (result->warnings, i))->message, fragment))
      return TRUE;
  return FALSE;
}

/* Google: a weekly London call across both changes, with two EXDATEs, a
 * meeting moved to the Wednesday, one cancelled, one with another
 * organiser; a UTC series whose override comes before it; an override of a
 * series that is not in the file. */
static void
test_google (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-google-series.ics");
  ConveneSession *weekly = find_session (result, "Weekly standards call");
  ConveneSession *sync = find_session (result, "Co-chairs' sync");
  ConveneSession *lunch = find_session (result, "Lunch talk: open contracting (moved)");
  g_autoptr(GDateTime) apr1 = wall ("Europe/London", 2025, 4, 1, 19, 0);
  g_autoptr(GDateTime) apr2 = wall ("Europe/London", 2025, 4, 2, 18, 0);
  g_autoptr(GDateTime) apr15 = wall ("Europe/London", 2025, 4, 15, 19, 0);
  g_autoptr(GDateTime) aug26 = wall ("Europe/London", 2025, 8, 26, 19, 0);
  g_autoptr(GDateTime) may27 = wall ("Europe/London", 2025, 5, 27, 19, 0);
  g_autoptr(GDateTime) oct28 = wall ("Europe/London", 2025, 10, 28, 19, 0);
  g_autoptr(GDateTime) mar4 = wall ("UTC", 2025, 3, 4, 15, 0);
  g_autoptr(GDateTime) lunch_start = wall ("Europe/London", 2025, 6, 12, 13, 0);
  ConveneSessionException *e;

  /* Three series and events, not one session per override. */
  g_assert_cmpuint (result->sessions->len, ==, 3);
  g_assert_cmpstr (convene_session_get_recurrence (weekly), ==,
                   "FREQ=WEEKLY;UNTIL=20251104T190000Z;BYDAY=TU");
  g_assert_cmpuint (count_exceptions (result, weekly), ==, 5);
  find_exception (result, weekly, CONVENE_EXCEPTION_KIND_REMOVED, apr15);
  find_exception (result, weekly, CONVENE_EXCEPTION_KIND_REMOVED, aug26);

  e = find_exception (result, weekly, CONVENE_EXCEPTION_KIND_CHANGED, apr1);
  g_assert_true (g_date_time_equal (convene_session_exception_get_start (e), apr2));
  g_assert_cmpint (convene_session_exception_get_duration_minutes (e), ==, 90);
  g_assert_cmpstr (convene_session_exception_get_topic (e), ==, "Weekly standards call (moved to Wednesday)");

  e = find_exception (result, weekly, CONVENE_EXCEPTION_KIND_CHANGED, may27);
  g_assert_cmpint (convene_session_exception_get_status (e), ==, CONVENE_SESSION_STATUS_CANCELLED);
  g_assert_null (convene_session_exception_get_start (e));
  g_assert_null (convene_session_exception_get_topic (e));

  /* After the October change 19:00 London is 19:00 UTC: the override names it so. */
  e = find_exception (result, weekly, CONVENE_EXCEPTION_KIND_CHANGED, oct28);
  g_assert_cmpstr (convene_session_exception_get_lead (e), ==, "Flor Martínez");
  g_assert_null (convene_session_exception_get_start (e));

  g_assert_cmpuint (count_exceptions (result, sync), ==, 1);
  e = find_exception (result, sync, CONVENE_EXCEPTION_KIND_CHANGED, mar4);
  g_assert_cmpstr (convene_session_exception_get_topic (e), ==, "Co-chairs' sync: the budget");

  /* The orphan is a session of its own, and the warning quotes it. */
  g_assert_true (g_date_time_equal (convene_session_get_start (lunch), lunch_start));
  g_assert_null (convene_session_get_recurrence (lunch));
  g_assert_true (has_warning (result, "UID “lunch-talks-2024@google.com”, RECURRENCE-ID 20250611T120000"));
  g_assert_true (has_warning (result, "imported as a single session"));
}

/* Outlook: Windows zone names, the 3rd Tuesday and the last Friday, a
 * moved meeting, one "Canceled: ", another ORGANIZER, an all-day series
 * with a RECURRENCE-ID;VALUE=DATE. */
static void
test_outlook (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-outlook-series.ics");
  ConveneSession *third = find_session (result, "Third Tuesday open data call");
  ConveneSession *africa = find_session (result, "Africa regional call");
  ConveneSession *survey = find_session (result, "Members' survey week");
  g_autoptr(GDateTime) first = wall ("Europe/London", 2025, 1, 21, 19, 0);
  g_autoptr(GDateTime) mar18 = wall ("Europe/London", 2025, 3, 18, 19, 0);
  g_autoptr(GDateTime) mar20 = wall ("Europe/London", 2025, 3, 20, 18, 0);
  g_autoptr(GDateTime) aug19 = wall ("Europe/London", 2025, 8, 19, 19, 0);
  g_autoptr(GDateTime) oct21 = wall ("Europe/London", 2025, 10, 21, 19, 0);
  g_autoptr(GDateTime) fri = wall ("Africa/Nairobi", 2025, 3, 28, 16, 0);
  g_autoptr(GDateTime) jun16 = wall ("UTC", 2025, 6, 16, 0, 0);
  ConveneSessionException *e;

  g_assert_cmpuint (result->sessions->len, ==, 3);
  g_assert_cmpstr (convene_session_get_timezone (third), ==, "Europe/London");
  g_assert_true (g_date_time_equal (convene_session_get_start (third), first));
  g_assert_cmpstr (convene_session_get_timezone (africa), ==, "Africa/Nairobi");
  g_assert_cmpuint (count_exceptions (result, third), ==, 3);
  find_exception (result, third, CONVENE_EXCEPTION_KIND_REMOVED, aug19);
  e = find_exception (result, third, CONVENE_EXCEPTION_KIND_CHANGED, mar18);
  g_assert_true (g_date_time_equal (convene_session_exception_get_start (e), mar20));
  e = find_exception (result, third, CONVENE_EXCEPTION_KIND_CHANGED, oct21);
  g_assert_cmpint (convene_session_exception_get_status (e), ==, CONVENE_SESSION_STATUS_CANCELLED);

  e = find_exception (result, africa, CONVENE_EXCEPTION_KIND_CHANGED, fri);
  g_assert_cmpstr (convene_session_exception_get_lead (e), ==, "Amina Yusuf");
  e = find_exception (result, survey, CONVENE_EXCEPTION_KIND_CHANGED, jun16);
  g_assert_cmpstr (convene_session_exception_get_topic (e), ==, "Members' survey week: last reminders");
  /* Nothing of Outlook's own properties is worth a warning. */
  g_assert_false (has_warning (result, "X-MICROSOFT"));
  g_assert_false (has_warning (result, "left out"));
}

/* Thunderbird: Santiago across both of its changes, an EXDATE in UTC, a
 * moved and a cancelled meeting; Sydney across April's change with a
 * RECURRENCE-ID in UTC. */
static void
test_thunderbird (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-thunderbird-series.ics");
  ConveneSession *chile = find_session (result, "Reunión regional de datos abiertos");
  ConveneSession *pacific = find_session (result, "Pacific members' call");
  g_autoptr(GDateTime) apr3 = wall ("America/Santiago", 2025, 4, 3, 10, 0);
  g_autoptr(GDateTime) apr3_noon = wall ("America/Santiago", 2025, 4, 3, 12, 0);
  g_autoptr(GDateTime) apr17 = wall ("America/Santiago", 2025, 4, 17, 10, 0);
  g_autoptr(GDateTime) sep18 = wall ("America/Santiago", 2025, 9, 18, 10, 0);
  g_autoptr(GDateTime) apr14 = wall ("Australia/Sydney", 2025, 4, 14, 8, 0);
  ConveneSessionException *e;

  g_assert_cmpuint (result->sessions->len, ==, 2);
  g_assert_cmpstr (convene_session_get_language (chile), ==, "es");
  find_exception (result, chile, CONVENE_EXCEPTION_KIND_REMOVED, apr17);
  e = find_exception (result, chile, CONVENE_EXCEPTION_KIND_CHANGED, apr3);
  g_assert_true (g_date_time_equal (convene_session_exception_get_start (e), apr3_noon));
  e = find_exception (result, chile, CONVENE_EXCEPTION_KIND_CHANGED, sep18);
  g_assert_cmpint (convene_session_exception_get_status (e), ==, CONVENE_SESSION_STATUS_CANCELLED);
  e = find_exception (result, pacific, CONVENE_EXCEPTION_KIND_CHANGED, apr14);
  g_assert_cmpstr (convene_session_exception_get_topic (e), ==,
                   "Pacific members' call: data for disaster response");
}

/* An override naming a meeting the series does not have, and two for one
 * meeting: each left out with a warning, nothing else lost. */
static void
test_bad_overrides (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:s1\r\nSUMMARY:Weekly\r\n"
    "DTSTART;TZID=Europe/London:20250304T190000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:s1\r\nSUMMARY:Not a meeting of it\r\n"
    "RECURRENCE-ID;TZID=Europe/London:20250305T190000\r\n"
    "DTSTART;TZID=Europe/London:20250305T190000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:s1\r\nSUMMARY:First change\r\n"
    "RECURRENCE-ID;TZID=Europe/London:20250311T190000\r\n"
    "DTSTART;TZID=Europe/London:20250311T190000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:s1\r\nSUMMARY:Second change\r\n"
    "RECURRENCE-ID:20250311T190000Z\r\n"
    "DTSTART;TZID=Europe/London:20250311T190000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_ics_import ("bad.ics", text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (result->sessions->len, ==, 1);
  g_assert_cmpuint (result->exceptions->len, ==, 1);
  g_assert_cmpstr (convene_session_exception_get_topic (g_ptr_array_index (result->exceptions, 0)), ==,
                   "First change");
  g_assert_true (has_warning (result, "its series does not have"));
  g_assert_true (has_warning (result, "Another event already changes this meeting"));
}

/* The meetings @series gives in the two years from its first, with the
 * dates its exceptions in @result take out and add: the occurrence
 * engine's expansion, as the schedule lists them. */
static GArray *
expand_series (ConveneImportResult *result,
               ConveneSession      *series)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (series));
  gint64 first = g_date_time_to_unix (convene_session_get_start (series));
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneRecurrence) recurrence = convene_recurrence_new (convene_session_get_recurrence (series),
                                                                    convene_session_get_timezone (series),
                                                                    first, &error);
  GArray *found = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < result->exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (result->exceptions, i);
      gint64 at = g_date_time_to_unix (convene_session_exception_get_occurrence (e));

      if (convene_session_exception_get_session (e) != id)
        continue;
      if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_REMOVED)
        convene_recurrence_add_exdates (recurrence, &at, 1);
      else if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_ADDED)
        convene_recurrence_add_dates (recurrence, &at, 1);
    }
  convene_recurrence_expand (recurrence, first, first + (gint64) 2 * 366 * 86400, found);
  return found;
}

/* @series meets exactly on @days ({ month, day } of @year) at @hour:00 in
 * Europe/London, each instant worked out with the tz database. */
static void
assert_meetings (ConveneImportResult *result,
                 ConveneSession      *series,
                 int                  year,
                 const int          (*days)[2],
                 guint                n_days,
                 int                  hour)
{
  g_autoptr(GArray) found = expand_series (result, series);

  if (found->len != n_days)
    g_error ("“%s” meets %u times, not %u", convene_session_get_topic (series), found->len, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) expected = wall ("Europe/London", year, days[i][0], days[i][1], hour, 0);

      g_assert_cmpint (g_array_index (found, gint64, i), ==, g_date_time_to_unix (expected));
    }
}

static void
assert_no_warning (ConveneImportResult *result)
{
  for (guint i = 0; i < result->warnings->len; i++)
    g_error ("line %u: %s", ((ConveneImportWarning *) result->warnings->pdata[i])->line,
             ((ConveneImportWarning *) result->warnings->pdata[i])->message);
}

/* Imports @text, which must read without an error or a warning into
 * @n_sessions sessions. */
static ConveneImportResult *
import_clean (const char *text,
              guint       n_sessions)
{
  g_autoptr(GError) error = NULL;
  ConveneImportResult *result = convene_ics_import ("range.ics", text, strlen (text), &error);

  g_assert_no_error (error);
  assert_no_warning (result);
  g_assert_cmpuint (result->sessions->len, ==, n_sessions);
  return result;
}

/* RANGE=THISANDFUTURE changes this meeting and every later one: a weekly
 * series of six, the third moved an hour later and renamed, is two
 * series, the first two meetings at 19:00 and the last four at 20:00 on
 * the new topic. */
static void
test_this_and_future (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:s2\r\nSUMMARY:Weekly\r\n"
    "DTSTART;TZID=Europe/London:20250107T190000\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:s2\r\nSUMMARY:Weekly\\, an hour later\r\n"
    "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20250121T190000\r\n"
    "DTSTART;TZID=Europe/London:20250121T200000\r\n"
    "DTEND;TZID=Europe/London:20250121T213000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  static const int before[][2] = { { 1, 7 }, { 1, 14 } };
  static const int after[][2] = { { 1, 21 }, { 1, 28 }, { 2, 4 }, { 2, 11 } };
  g_autoptr(ConveneImportResult) result = import_clean (text, 2);
  g_autoptr(GDateTime) jan21 = wall ("Europe/London", 2025, 1, 21, 20, 0);
  ConveneSession *first, *later;

  g_assert_cmpuint (result->exceptions->len, ==, 0);
  first = find_session (result, "Weekly");
  later = find_session (result, "Weekly, an hour later");
  g_assert_cmpstr (convene_session_get_recurrence (first), ==, "FREQ=WEEKLY;COUNT=2");
  g_assert_cmpstr (convene_session_get_recurrence (later), ==, "FREQ=WEEKLY;COUNT=4");
  g_assert_true (g_date_time_equal (convene_session_get_start (later), jan21));
  g_assert_cmpstr (convene_session_get_timezone (later), ==, "Europe/London");
  g_assert_cmpint (convene_session_get_duration_minutes (first), ==, 60);
  g_assert_cmpint (convene_session_get_duration_minutes (later), ==, 90);
  assert_meetings (result, first, 2025, before, G_N_ELEMENTS (before), 19);
  assert_meetings (result, later, 2025, after, G_N_ELEMENTS (after), 20);
}

/* Across the March change: moved from 19:00 to 20:00 London, the later
 * meetings stay at 20:00 London in summer time, not 20:00 GMT. */
static void
test_this_and_future_dst (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:s2\r\nSUMMARY:Weekly\r\n"
    "DTSTART;TZID=Europe/London:20250304T190000\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:s2\r\nSUMMARY:Weekly\r\n"
    "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20250318T190000\r\n"
    "DTSTART;TZID=Europe/London:20250318T200000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  static const int before[][2] = { { 3, 4 }, { 3, 11 } };
  static const int after[][2] = { { 3, 18 }, { 3, 25 }, { 4, 1 }, { 4, 8 } };
  g_autoptr(ConveneImportResult) result = import_clean (text, 2);

  assert_meetings (result, result->sessions->pdata[0], 2025, before, G_N_ELEMENTS (before), 19);
  assert_meetings (result, result->sessions->pdata[1], 2025, after, G_N_ELEMENTS (after), 20);
}

/* A series that ends on a date: the first part ends just before the
 * split, the second on the same last meeting, an hour later, which an
 * UNTIL left as it was would leave out. */
static void
test_this_and_future_until (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:s2\r\nSUMMARY:Weekly\r\n"
    "DTSTART;TZID=Europe/London:20250304T190000\r\n"
    "RRULE:FREQ=WEEKLY;UNTIL=20250408T180000Z\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:s2\r\nSUMMARY:Later\r\n"
    "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20250318T190000\r\n"
    "DTSTART;TZID=Europe/London:20250318T200000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  static const int before[][2] = { { 3, 4 }, { 3, 11 } };
  static const int after[][2] = { { 3, 18 }, { 3, 25 }, { 4, 1 }, { 4, 8 } };
  g_autoptr(ConveneImportResult) result = import_clean (text, 2);
  ConveneSession *first, *later;

  first = find_session (result, "Weekly");
  later = find_session (result, "Later");
  g_assert_nonnull (strstr (convene_session_get_recurrence (first), "UNTIL="));
  g_assert_nonnull (strstr (convene_session_get_recurrence (later), "UNTIL="));
  assert_meetings (result, first, 2025, before, G_N_ELEMENTS (before), 19);
  assert_meetings (result, later, 2025, after, G_N_ELEMENTS (after), 20);
}

/* From the first meeting on: the series itself changes, one session. */
static void
test_this_and_future_first (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:s4\r\nSUMMARY:Weekly\r\n"
    "DTSTART;TZID=Europe/London:20250107T190000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:s4\r\nSUMMARY:Weekly, later\r\n"
    "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20250107T190000\r\n"
    "DTSTART;TZID=Europe/London:20250107T200000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  static const int all[][2] = { { 1, 7 }, { 1, 14 }, { 1, 21 } };
  g_autoptr(ConveneImportResult) result = import_clean (text, 1);
  ConveneSession *series;

  series = find_session (result, "Weekly, later");
  g_assert_cmpstr (convene_session_get_recurrence (series), ==, "FREQ=WEEKLY;COUNT=3");
  assert_meetings (result, series, 2025, all, G_N_ELEMENTS (all), 20);
}

/* A monthly series on the first Tuesday moved to a Wednesday: "the first
 * Tuesday, a day later" is no rule, so only that meeting is changed, and
 * the warning on the RECURRENCE-ID's line says the later ones were not. */
static void
test_this_and_future_unplaced (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:s3\r\nSUMMARY:Monthly\r\n"
    "DTSTART;TZID=Europe/London:20250107T190000\r\nRRULE:FREQ=MONTHLY;COUNT=6;BYDAY=1TU\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:s3\r\nSUMMARY:Monthly\r\n"
    "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20250304T190000\r\n"
    "DTSTART;TZID=Europe/London:20250305T190000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_ics_import ("range.ics", text, strlen (text), &error);
  g_autoptr(GDateTime) mar4 = wall ("Europe/London", 2025, 3, 4, 19, 0);
  g_autoptr(GDateTime) mar5 = wall ("Europe/London", 2025, 3, 5, 19, 0);
  ConveneSessionException *e;
  gboolean on_its_line = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (result->sessions->len, ==, 1);
  e = find_exception (result, g_ptr_array_index (result->sessions, 0), CONVENE_EXCEPTION_KIND_CHANGED, mar4);
  g_assert_true (g_date_time_equal (convene_session_exception_get_start (e), mar5));
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *w = g_ptr_array_index (result->warnings, i);

      if (strstr (w->message, "every later one") != NULL && strstr (w->message, "THISANDFUTURE") != NULL)
        on_its_line = w->line == 12; /* the RECURRENCE-ID */
    }
  g_assert_true (on_its_line);
}

/* An EXDATE after the split is the new series' meeting taken out, at its
 * new time; one before it stays the first series'. */
static void
test_this_and_future_exdate (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:s2\r\nSUMMARY:Weekly\r\n"
    "DTSTART;TZID=Europe/London:20250304T190000\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\n"
    "EXDATE;TZID=Europe/London:20250311T190000\r\n"
    "EXDATE;TZID=Europe/London:20250401T190000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:s2\r\nSUMMARY:Later\r\n"
    "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20250318T190000\r\n"
    "DTSTART;TZID=Europe/London:20250318T200000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  static const int before[][2] = { { 3, 4 } };
  static const int after[][2] = { { 3, 18 }, { 3, 25 }, { 4, 8 } };
  g_autoptr(ConveneImportResult) result = import_clean (text, 2);
  g_autoptr(GDateTime) mar11 = wall ("Europe/London", 2025, 3, 11, 19, 0);
  g_autoptr(GDateTime) apr1 = wall ("Europe/London", 2025, 4, 1, 20, 0);
  ConveneSession *first, *later;

  g_assert_cmpuint (result->exceptions->len, ==, 2);
  first = find_session (result, "Weekly");
  later = find_session (result, "Later");
  find_exception (result, first, CONVENE_EXCEPTION_KIND_REMOVED, mar11);
  find_exception (result, later, CONVENE_EXCEPTION_KIND_REMOVED, apr1);
  assert_meetings (result, first, 2025, before, G_N_ELEMENTS (before), 19);
  assert_meetings (result, later, 2025, after, G_N_ELEMENTS (after), 20);
}

/* A weekly Monday call at 19:00 London from March to May 2025, across the
 * March change: 10 March moved to Tuesday 17:00, 17 March cancelled, 24
 * March taken out, Thursday 27 March added, 7 April on another topic. */
static void
make_series (ConveneStore *store)
{
  g_autoptr(ConvenePlan) plan = convene_plan_new ();
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(GDateTime) first = wall ("Europe/London", 2025, 3, 3, 19, 0);
  g_autoptr(GDateTime) m10 = wall ("Europe/London", 2025, 3, 10, 19, 0);
  g_autoptr(GDateTime) m11 = wall ("Europe/London", 2025, 3, 11, 17, 0);
  g_autoptr(GDateTime) m17 = wall ("Europe/London", 2025, 3, 17, 19, 0);
  g_autoptr(GDateTime) m24 = wall ("Europe/London", 2025, 3, 24, 19, 0);
  g_autoptr(GDateTime) m27 = wall ("Europe/London", 2025, 3, 27, 12, 0);
  g_autoptr(GDateTime) a7 = wall ("Europe/London", 2025, 4, 7, 19, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  convene_plan_set_title (plan, "Weekly calls 2025");
  convene_plan_set_year (plan, 2025);
  convene_plan_set_timezone (plan, "Europe/London");
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (plan), &error));
  convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_session_set_topic (session, "Weekly call");
  convene_session_set_lead (session, "Paul");
  convene_session_set_start (session, first);
  convene_session_set_timezone (session, "Europe/London");
  convene_session_set_month (session, "2025-03");
  convene_session_set_duration_minutes (session, 60);
  convene_session_set_recurrence (session, "FREQ=WEEKLY;UNTIL=20250526T180000Z");
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (session), &error));
  g_assert_no_error (error);
  id = convene_entity_get_id (CONVENE_ENTITY (session));

  convene_test_add_exception (store, id, m10, CONVENE_EXCEPTION_KIND_CHANGED,
                              &(ConveneTestChange) { .start = m11 });
  convene_test_add_exception (store, id, m17, CONVENE_EXCEPTION_KIND_CHANGED,
                              &(ConveneTestChange) { .status = CONVENE_SESSION_STATUS_CANCELLED });
  convene_test_add_exception (store, id, m24, CONVENE_EXCEPTION_KIND_REMOVED, NULL);
  convene_test_add_exception (store, id, m27, CONVENE_EXCEPTION_KIND_ADDED, NULL);
  convene_test_add_exception (store, id, a7, CONVENE_EXCEPTION_KIND_CHANGED,
                              &(ConveneTestChange) { .topic = "Budget" });
}

static gboolean
describe_cb (const ConveneSessionRow *row,
             gpointer                 user_data)
{
  g_string_append_printf (user_data, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %s %s\n",
                          row->start, row->occurrence, row->status, row->topic,
                          row->lead != NULL ? row->lead : "-");
  return TRUE;
}

static char *
describe_occurrences (ConveneStore *store)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_occurrence_rows_foreach (store, 0, "2025-01", "2025-12", describe_cb, out, &error));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static char *
export_ics (ConveneStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = convene_ics_export (store, 0, &error);

  g_assert_no_error (error);
  return text;
}

/* The exported series: one master with its EXDATE and RDATE in London's
 * TZID, one VEVENT for each changed meeting with the master's UID, DTSTAMP
 * and SEQUENCE, and lines folded at 75 octets. */
static void
assert_export_shape (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  guint masters = 0, overrides = 0;
  const char *stamp = NULL;

  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
  g_assert_nonnull (strstr (text, "EXDATE;TZID=Europe/London:20250324T190000\r\n"));
  g_assert_nonnull (strstr (text, "RDATE;TZID=Europe/London:20250327T120000\r\n"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=Europe/London:20250310T190000\r\n"
                                  "DTSTART;TZID=Europe/London:20250311T170000\r\n"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=Europe/London:20250317T190000\r\n"));
  /* 7 April is after the change: 19:00 BST, still 19:00 on London's clock. */
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=Europe/London:20250407T190000\r\n"));
  g_assert_nonnull (strstr (text, ":Budget\r\n"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      if (g_str_equal (lines[i], "UID:session-1@convene"))
        {
          g_assert_true (g_str_has_prefix (lines[i + 1], "DTSTAMP:"));
          if (stamp == NULL)
            stamp = lines[i + 1];
          g_assert_cmpstr (lines[i + 1], ==, stamp);
          g_assert_cmpstr (lines[i + 2], ==, "SEQUENCE:0");
          if (g_str_has_prefix (lines[i + 3], "RECURRENCE-ID"))
            overrides++;
          else
            masters++;
        }
    }
  g_assert_cmpuint (masters, ==, 1);
  g_assert_cmpuint (overrides, ==, 3);
  g_assert_null (strstr (text, "UID:session-2@convene"));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Mondays from @month/@day to @last_month/@last_day 2025, both included. */
static guint
count_mondays (int month,
               int day,
               int last_month,
               int last_day)
{
  GDate date, last;
  guint n = 0;

  g_date_clear (&date, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&date, day, month, 2025);
  g_date_set_dmy (&last, last_day, last_month, 2025);
  for (; g_date_compare (&date, &last) <= 0; g_date_add_days (&date, 1))
    n += g_date_get_weekday (&date) == G_DATE_MONDAY;
  return n;
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-ics-series-XXXXXX", &error);
  g_autoptr(ConveneStore) first = convene_test_store_new (dir, "first.db");
  g_autoptr(ConveneStore) second = convene_test_store_new (dir, "second.db");
  g_autoptr(ConveneImportResult) result = NULL;
  g_autofree char *export1 = NULL, *export2 = NULL, *listed1 = NULL, *listed2 = NULL;
  g_autoptr(GDateTime) m11 = wall ("Europe/London", 2025, 3, 11, 17, 0);
  g_autoptr(GDateTime) m24 = wall ("Europe/London", 2025, 3, 24, 19, 0);
  g_autofree char *moved = NULL, *gone = NULL;

  g_setenv ("CONVENE_NOW", "2025-02-01T12:00:00Z", TRUE);
  make_series (first);
  export1 = export_ics (first);
  assert_export_shape (export1);

  result = convene_ics_import ("export1.ics", export1, strlen (export1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->sessions->len, ==, 1);
  g_assert_cmpuint (result->exceptions->len, ==, 5);
  g_assert_true (convene_import_result_write (result, second, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  export2 = export_ics (second);
  g_assert_cmpstr (export1, ==, export2);

  /* The same meetings: the moved one at its new time, the cancelled one
   * shown cancelled, the one taken out gone. */
  listed1 = describe_occurrences (first);
  listed2 = describe_occurrences (second);
  g_assert_cmpstr (listed1, ==, listed2);
  moved = g_strdup_printf ("%" G_GINT64_FORMAT " ", g_date_time_to_unix (m11));
  gone = g_strdup_printf ("\n%" G_GINT64_FORMAT " ", g_date_time_to_unix (m24));
  g_assert_nonnull (strstr (listed2, moved));
  g_assert_null (strstr (listed2, gone));
  g_assert_cmpuint (count_lines (listed2), ==, count_mondays (3, 3, 5, 26) - 1 + 1);

  g_clear_object (&first);
  g_clear_object (&second);
  for (const char *const *f = (const char *const[]) { "first.db", "first.db-wal", "first.db-shm",
                                                      "second.db", "second.db-wal", "second.db-shm",
                                                      NULL }; *f != NULL; f++)
    {
      g_autofree char *path = g_build_filename (dir, *f, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ics-series/google", test_google);
  g_test_add_func ("/ics-series/outlook", test_outlook);
  g_test_add_func ("/ics-series/thunderbird", test_thunderbird);
  g_test_add_func ("/ics-series/bad-overrides", test_bad_overrides);
  g_test_add_func ("/ics-series/this-and-future", test_this_and_future);
  g_test_add_func ("/ics-series/this-and-future/dst", test_this_and_future_dst);
  g_test_add_func ("/ics-series/this-and-future/until", test_this_and_future_until);
  g_test_add_func ("/ics-series/this-and-future/exdate", test_this_and_future_exdate);
  g_test_add_func ("/ics-series/this-and-future/unplaced", test_this_and_future_unplaced);
  g_test_add_func ("/ics-series/this-and-future/first", test_this_and_future_first);
  g_test_add_func ("/ics-series/round-trip", test_round_trip);
  return g_test_run ();
}
