/* test-ics.c: iCalendar import and export: what each fixture becomes, the
 * warnings a coordinator sees, bad files refused with their line, and the
 * round trip import → export → import for what iCalendar carries. */
#include <glib/gstdio.h>
#include <string.h>

#include "export/convene-ics-export.h"
#include "import/convene-ics-import.h"
#include "import/convene-ics-splitter.h"
#include "time/convene-ics-zones.h"
#include "import/convene-json-import.h"
#include "import/convene-import-writer.h"
#include "model/convene-values.h"

/* ---- helpers ---- */

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static ConveneImportResult *
import_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *contents = read_fixture (name, &length);
  ConveneImportResult *result = convene_ics_import (name, contents, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static ConveneImportResult *
import_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  ConveneImportResult *result = convene_ics_import ("test.ics", text, strlen (text), &error);

  g_assert_no_error (error);
  return result;
}

static ConveneSession *
find_session (ConveneImportResult *result,
              const char          *topic)
{
  for (guint i = 0; i < result->sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (result->sessions, i);

      if (g_str_has_prefix (convene_session_get_topic (session), topic))
        return session;
    }
  g_error ("no session “%s”", topic);
  return NULL;
}

static void
assert_time (ConveneSession *session,
             const char     *start,
             const char     *zone,
             int             minutes,
             const char     *month)
{
  g_autofree char *text = convene_instant_to_string (convene_session_get_start (session));

  g_assert_cmpstr (text, ==, start);
  g_assert_cmpstr (convene_session_get_timezone (session), ==, zone);
  g_assert_cmpint (convene_session_get_duration_minutes (session), ==, minutes);
  g_assert_cmpstr (convene_session_get_month (session), ==, month);
}

/* A warning on @line (0: any line) that says @fragment. */
static gboolean
has_warning (ConveneImportResult *result,
             guint                line,
             const char          *fragment)
{
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *warning = g_ptr_array_index (result->warnings, i);

      if ((line == 0 || warning->line == line) && strstr (warning->message, fragment) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
print_warnings (ConveneImportResult *result)
{
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *warning = g_ptr_array_index (result->warnings, i);

      g_test_message ("%s:%u: %s", warning->file, warning->line, warning->message);
    }
}

#define assert_warning(result, line, fragment) \
  G_STMT_START { \
    if (!has_warning ((result), (line), (fragment))) \
      { \
        print_warnings (result); \
        g_error ("no warning on line %u saying “%s”", (guint) (line), (fragment)); \
      } \
  } G_STMT_END

static ConveneStore *
new_store (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-ics-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "convene.db", NULL);
  ConveneStore *store;

  g_assert_no_error (error);
  store = convene_store_new (path, &error);
  g_assert_no_error (error);
  *dir_out = g_steal_pointer (&dir);
  return store;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
write_result (ConveneImportResult *result,
              ConveneStore        *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_import_result_write (result, store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
}

/* Imports @name into a new database and exports that as iCalendar. */
static char *
export_fixture (const char *name)
{
  g_autoptr(ConveneImportResult) result = import_fixture (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(ConveneStore) store = new_store (&dir);
  char *text;

  write_result (result, store);
  text = convene_ics_export (store, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  remove_dir (dir);
  return text;
}

/* ---- what each fixture becomes ---- */

static void
test_import_calendar (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-iwg-2024.ics");
  ConvenePlan *plan;

  g_assert_cmpuint (result->plans->len, ==, 1);
  plan = g_ptr_array_index (result->plans, 0);
  g_assert_cmpstr (convene_plan_get_title (plan), ==, "Implementation Working Group 2024");
  g_assert_cmpstr (convene_plan_get_timezone (plan), ==, "Europe/London");
  g_assert_cmpint (convene_plan_get_year (plan), ==, 2024);
  g_assert_true (g_str_has_prefix (convene_plan_get_summary (plan),
                                   "Monthly sessions of the Open Data Charter's Implementation "
                                   "Working Group, with"));
  /* Nine events, one of them a change to one meeting of the series. */
  g_assert_cmpuint (result->sessions->len, ==, 8);
  g_assert_cmpuint (result->actions->len, ==, 3);
  for (guint i = 0; i < result->sessions->len; i++)
    g_assert_cmpint (convene_session_get_plan (g_ptr_array_index (result->sessions, i)), ==,
                     convene_entity_get_id (CONVENE_ENTITY (plan)));
}

static void
test_import_tzid (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-iwg-2024.ics");
  ConveneSession *session = find_session (result, "Open data in cities");

  /* 18:00 in Berlin in July is 16:00 UTC. */
  assert_time (session, "2024-07-16T16:00:00Z", "Europe/Berlin", 90, "2024-07");
  g_assert_cmpstr (convene_session_get_location (session), ==, "Rotes Rathaus, Berlin");
  g_assert_cmpstr (convene_session_get_description (session), ==,
                   "Berlin, Montevideo and Nairobi present their portals.");
  g_assert_cmpint (convene_session_get_status (session), ==, CONVENE_SESSION_STATUS_SCHEDULED);
  g_assert_cmpstr (convene_session_get_language (session), ==, "en");
}

static void
test_import_dst_change_date (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-iwg-2024.ics");
  ConveneSession *session = find_session (result, "Open data and climate action");

  /* Berlin went to summer time that morning: 18:00 is 16:00 UTC, not 17:00. */
  assert_time (session, "2024-03-31T16:00:00Z", "Europe/Berlin", 90, "2024-03");
  g_assert_cmpint (convene_session_get_status (session), ==, CONVENE_SESSION_STATUS_TENTATIVE);
}

static void
test_import_utc (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-iwg-2024.ics");
  ConveneSession *session = find_session (result, "Data standards roundtable");

  assert_time (session, "2024-05-14T13:00:00Z", "UTC", 90, "2024-05");
  /* No LOCATION: the URL is where people join. */
  g_assert_cmpstr (convene_session_get_location (session), ==,
                   "https://meet.example.org/standards");
}

static void
test_import_floating (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-iwg-2024.ics");
  ConveneSession *session = find_session (result, "Members' survey debrief");

  /* 15:00 with no zone, in a calendar whose zone is London (summer time). */
  assert_time (session, "2024-09-10T14:00:00Z", "Europe/London", 60, "2024-09");
  assert_warning (result, 141, "has no time zone");
  assert_warning (result, 141, "Europe/London");
}

static void
test_import_all_day (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-iwg-2024.ics");
  ConveneSession *session = find_session (result, "Open Data Day fair");

  assert_time (session, "2024-03-02T00:00:00Z", "Europe/London", 24 * 60, "2024-03");
  g_assert_cmpint (convene_session_get_format (session), ==, CONVENE_SESSION_FORMAT_FAIR);
}

/* A wall-clock time in @zone, as the tz database has it. */
static GDateTime *
wall_in (const char *zone,
         int         year,
         int         month,
         int         day,
         int         hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

  return g_date_time_new (tz, year, month, day, hour, 0, 0);
}

/* The one exception of @result: its kind, its occurrence and where it went. */
static ConveneSessionException *
only_exception (ConveneImportResult  *result,
                ConveneSession       *series,
                ConveneExceptionKind  kind,
                GDateTime            *occurrence)
{
  ConveneSessionException *exception;

  g_assert_cmpuint (result->exceptions->len, ==, 1);
  exception = g_ptr_array_index (result->exceptions, 0);
  g_assert_cmpint (convene_session_exception_get_session (exception), ==,
                   convene_entity_get_id (CONVENE_ENTITY (series)));
  g_assert_cmpint (convene_session_exception_get_kind (exception), ==, kind);
  g_assert_true (g_date_time_equal (convene_session_exception_get_occurrence (exception), occurrence));
  return exception;
}

static void
test_import_series (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-iwg-2024.ics");
  ConveneSession *session = find_session (result, "Monthly coordination call");
  guint n = 0;

  /* 14:00 in New York in February (EST) is 19:00 UTC; the series is one session. */
  assert_time (session, "2024-02-27T19:00:00Z", "America/New_York", 60, "2024-02");
  g_assert_cmpstr (convene_session_get_recurrence (session), ==,
                   "FREQ=MONTHLY;COUNT=10;BYDAY=-1TU");
  g_assert_cmpstr (convene_session_get_location (session), ==,
                   "https://meet.example.org/iwg-monthly");
  g_assert_true (g_str_has_suffix (convene_session_get_description (session),
                                   "and the survey.\nJoin link in the location."));
  for (guint i = 0; i < result->sessions->len; i++)
    n += g_str_has_prefix (convene_session_get_topic (g_ptr_array_index (result->sessions, i)),
                           "Monthly coordination call");
  g_assert_cmpuint (n, ==, 1);
  /* The April meeting moved an hour later is the series' exception. */
  {
    g_autoptr(GDateTime) april = wall_in ("America/New_York", 2024, 4, 30, 14);
    g_autoptr(GDateTime) later = wall_in ("America/New_York", 2024, 4, 30, 15);
    ConveneSessionException *moved = only_exception (result, session, CONVENE_EXCEPTION_KIND_CHANGED, april);

    g_assert_true (g_date_time_equal (convene_session_exception_get_start (moved), later));
    g_assert_cmpstr (convene_session_exception_get_topic (moved), ==,
                     "Monthly coordination call (moved an hour later)");
  }
}

static void
test_import_language_and_status (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-iwg-2024.ics");
  ConveneSession *spanish = find_session (result, "Sesión en español");
  ConveneSession *cancelled = find_session (result, "Summer session");

  /* Mexico City has kept standard time all year since 2022. */
  assert_time (spanish, "2024-06-20T16:00:00Z", "America/Mexico_City", 90, "2024-06");
  g_assert_cmpstr (convene_session_get_language (spanish), ==, "es");
  g_assert_cmpint (convene_session_get_status (cancelled), ==, CONVENE_SESSION_STATUS_CANCELLED);
}

static void
test_import_todos (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-iwg-2024.ics");
  ConveneAction *survey = g_ptr_array_index (result->actions, 0);
  ConveneAction *library = g_ptr_array_index (result->actions, 1);
  ConveneAction *review = g_ptr_array_index (result->actions, 2);

  g_assert_cmpstr (convene_action_get_title (survey), ==,
                   "Publish the results of the members' survey");
  g_assert_cmpstr (convene_action_get_due (survey), ==, "2024-11-30");
  g_assert_cmpint (convene_action_get_status (survey), ==, CONVENE_ACTION_STATUS_PLANNED);
  g_assert_cmpstr (convene_action_get_due (library), ==, "2024-06-30");
  g_assert_cmpint (convene_action_get_status (library), ==, CONVENE_ACTION_STATUS_IN_PROGRESS);
  g_assert_null (convene_action_get_due (review));
  g_assert_cmpint (convene_action_get_status (review), ==, CONVENE_ACTION_STATUS_DONE);
  g_assert_cmpint (convene_action_get_plan (review), ==, 1);
}

static void
test_import_windows_zones (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-outlook-zones.ics");
  ConveneSession *berlin = find_session (result, "Open data and anti-corruption");
  ConveneSession *editors = find_session (result, "Fortnightly editors' call");
  ConveneSession *nairobi = find_session (result, "Regional call for Africa");

  g_assert_cmpstr (convene_plan_get_title (g_ptr_array_index (result->plans, 0)), ==,
                   "OGP open data working group");
  assert_time (berlin, "2024-03-12T16:00:00Z", "Europe/Berlin", 90, "2024-03");
  assert_time (editors, "2024-03-04T14:00:00Z", "America/New_York", 30, "2024-03");
  g_assert_cmpstr (convene_session_get_recurrence (editors), ==,
                   "FREQ=WEEKLY;UNTIL=20241216T140000Z;INTERVAL=2;BYDAY=MO");
  /* Its EXDATE, in Outlook's zone name, takes out the 27 May call. */
  {
    g_autoptr(GDateTime) may = wall_in ("America/New_York", 2024, 5, 27, 9);

    only_exception (result, editors, CONVENE_EXCEPTION_KIND_REMOVED, may);
  }
  /* A display name is only a guess, and says so. */
  assert_time (nairobi, "2024-04-24T14:00:00Z", "Africa/Nairobi", 60, "2024-04");
  assert_warning (result, 87, "check that this is right");
}

static void
test_import_dst_edges (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-outlook-zones.ics");

  /* 02:30 on the night Berlin skips an hour: read with the offset before (RFC 5545). */
  assert_time (find_session (result, "Night session"), "2024-03-31T01:30:00Z",
               "Europe/Berlin", 60, "2024-03");
  assert_warning (result, 94, "does not exist in Europe/Berlin");
  /* 01:30 happens twice in New York in November: the first one. */
  assert_time (find_session (result, "Early call for Asia"), "2024-11-03T05:30:00Z",
               "America/New_York", 45, "2024-11");
  assert_warning (result, 101, "happens twice");
  /* The southern hemisphere: Sydney goes back in April, Santiago forward in September. */
  assert_time (find_session (result, "Pacific members' call"), "2024-04-06T15:30:00Z",
               "Australia/Sydney", 60, "2024-04");
  assert_warning (result, 108, "happens twice in Australia/Sydney");
  assert_time (find_session (result, "Latin America call"), "2024-09-08T04:00:00Z",
               "America/Santiago", 60, "2024-09");
  assert_warning (result, 115, "does not exist in America/Santiago");
}

static void
test_import_unknown_zones (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("ics-outlook-zones.ics");
  ConveneSession *head_office = find_session (result, "Call fixed in a zone nobody defined");
  ConveneSession *partner = find_session (result, "Call in the partner's own zone");
  ConveneSession *party = find_session (result, "Year-end celebration");

  /* No X-WR-TIMEZONE: a zone nobody describes is read as UTC. */
  assert_time (head_office, "2024-10-15T10:00:00Z", "UTC", 60, "2024-10");
  assert_warning (result, 122, "“Head Office Time” is unknown");
  /* Described by a VTIMEZONE that comes after the event. */
  assert_time (partner, "2024-10-22T04:30:00Z", "+05:30", 60, "2024-10");
  assert_warning (result, 129, "keeps its offset from UTC at the start, +05:30");
  /* No DTSTART: a session to be confirmed, not a made-up date. */
  g_assert_null (convene_session_get_start (party));
  g_assert_null (convene_session_get_month (party));
  g_assert_cmpint (convene_session_get_timing (party), ==, CONVENE_SESSION_TIMING_TBC);
  g_assert_cmpint (convene_session_get_status (party), ==, CONVENE_SESSION_STATUS_TENTATIVE);
  assert_warning (result, 133, "no start (DTSTART)");
}

static void
test_import_line_endings (void)
{
  const char *crlf = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                     "DTSTART:20240101T100000Z\r\n"
                     "SUMMARY:Kick-\r\n off\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  const char *lf = "\xEF\xBB\xBF" "BEGIN:VCALENDAR\nVERSION:2.0\n\nBEGIN:VEVENT\n"
                   "DTSTART:20240101T100000Z\n"
                   "SUMMARY:Kick-\n\toff\nEND:VEVENT\nEND:VCALENDAR";
  g_autoptr(ConveneImportResult) a = import_text (crlf);
  g_autoptr(ConveneImportResult) b = import_text (lf);

  g_assert_cmpstr (convene_session_get_topic (g_ptr_array_index (a->sessions, 0)), ==, "Kick-off");
  g_assert_cmpstr (convene_session_get_topic (g_ptr_array_index (b->sessions, 0)), ==, "Kick-off");
  g_assert_cmpuint (a->warnings->len, ==, 0);
  g_assert_cmpuint (b->warnings->len, ==, 0);
  /* Without a name the plan is called after the file. */
  g_assert_cmpstr (convene_plan_get_title (g_ptr_array_index (a->plans, 0)), ==, "test");
}

static void
test_import_repeated_warnings (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\n");
  g_autoptr(ConveneImportResult) result = NULL;

  for (int i = 1; i <= 25; i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nSUMMARY:Call %d\r\nDTSTART:202403%02dT100000\r\n"
                            "END:VEVENT\r\n", i, i);
  g_string_append (text, "END:VCALENDAR\r\n");
  result = import_text (text->str);

  /* Ten warnings by line, then one that counts the rest. */
  g_assert_cmpuint (result->sessions->len, ==, 25);
  g_assert_cmpuint (result->warnings->len, ==, 11);
  assert_warning (result, 0, "15 more events have no time zone");
}

/* ---- bad files ---- */

static void
assert_refused (const char *file,
                const char *text,
                gssize      length,
                int         code,
                const char *where,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = NULL;

  result = convene_ics_import (file, text, length < 0 ? strlen (text) : (gsize) length, &error);
  g_assert_null (result);
  g_assert_error (error, CONVENE_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, where));
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_bad_truncated (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("ics-truncated.ics", &length);

  assert_refused ("ics-truncated.ics", text, length, CONVENE_IMPORT_ERROR_SYNTAX,
                  "ics-truncated.ics:12: ", "begins on line 9");
}

static void
test_bad_garbage (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("ics-garbage.ics", &length);

  assert_refused ("ics-garbage.ics", text, length, CONVENE_IMPORT_ERROR_SYNTAX,
                  "ics-garbage.ics:8: ", "not an iCalendar property");
}

static void
test_bad_structure (void)
{
  static const char binary[] = "BEGIN:VCALENDAR\nX-A:\0b\nEND:VCALENDAR\n";

  assert_refused ("a.ics", "", 0, CONVENE_IMPORT_ERROR_SYNTAX, "a.ics:1: ", "empty");
  assert_refused ("b.ics", "Dear members, our next meeting\n", -1, CONVENE_IMPORT_ERROR_SYNTAX,
                  "b.ics:1: ", "not an iCalendar file");
  assert_refused ("c.ics", "VERSION:2.0\n", -1, CONVENE_IMPORT_ERROR_SYNTAX,
                  "c.ics:1: ", "does not begin with BEGIN:VCALENDAR");
  assert_refused ("d.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n", -1,
                  CONVENE_IMPORT_ERROR_SYNTAX, "d.ics:3: ", "END:VTODO where END:VEVENT");
  assert_refused ("e.ics", "BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR\n", -1,
                  CONVENE_IMPORT_ERROR_SYNTAX, "e.ics:2: ", "no BEGIN:VEVENT");
  assert_refused ("f.ics", "BEGIN:VCALENDAR\nVERSION:2.0\n", -1,
                  CONVENE_IMPORT_ERROR_SYNTAX, "f.ics:2: ", "no END:VCALENDAR");
  assert_refused ("g.ics", "BEGIN:VCALENDAR\nEND:VCALENDAR\nhello: there\n", -1,
                  CONVENE_IMPORT_ERROR_SYNTAX, "g.ics:3: ", "after END:VCALENDAR");
  assert_refused ("h.ics", binary, sizeof binary - 1,
                  CONVENE_IMPORT_ERROR_SYNTAX, "h.ics:2: ", "binary");
}

static void
test_bad_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\nBEGIN:VEVENT\n");

  for (int i = 0; i < 100; i++)
    g_string_append (text, "BEGIN:VALARM\n");
  assert_refused ("deep.ics", text->str, -1, CONVENE_IMPORT_ERROR_SYNTAX,
                  "deep.ics:10: ", "nested too deeply");
}

static void
test_bad_values (void)
{
  /* Without a readable start the event cannot be placed: an error, not a guess. */
  assert_refused ("start.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Call\nDTSTART:next tuesday\n"
                  "END:VEVENT\nEND:VCALENDAR\n", -1, CONVENE_IMPORT_ERROR_SYNTAX,
                  "start.ics:4: ", "DTSTART");
  assert_refused ("rrule.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Call\n"
                  "DTSTART:20240101T100000Z\nRRULE:FREQ=SOMETIMES\nEND:VEVENT\nEND:VCALENDAR\n", -1,
                  CONVENE_IMPORT_ERROR_SYNTAX, "rrule.ics:5: ", "RRULE");
  assert_refused ("date.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Call\n"
                  "DTSTART:20240231T100000Z\nEND:VEVENT\nEND:VCALENDAR\n", -1,
                  CONVENE_IMPORT_ERROR_SYNTAX, "date.ics:4: ", "not a date that exists");
  /* Found by the fuzzer: a year the model cannot write.  The date exists;
   * the message says which years are accepted. */
  assert_refused ("year.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Call\n"
                  "DTSTART;TZID=Europe/Berlin:00240331T180000\nEND:VEVENT\nEND:VCALENDAR\n", -1,
                  CONVENE_IMPORT_ERROR_SYNTAX, "year.ics:4: ", "in the year 24; Convene accepts years from 1001 to 9998");
  /* Nothing Convene can use in it. */
  assert_refused ("nothing.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VJOURNAL\nSUMMARY:x\n"
                  "END:VJOURNAL\nEND:VCALENDAR\n", -1, CONVENE_IMPORT_ERROR_EMPTY,
                  "nothing.ics: ", "no events or to-dos");
}

static void
test_impossible_offset (void)
{
  /* Found by the fuzzer: a VTIMEZONE 29 hours from UTC is no zone at all. */
  g_autoptr(ConveneImportResult) result =
    import_text ("BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Office\nBEGIN:STANDARD\n"
                 "DTSTART:16010101T000000\nTZOFFSETFROM:+0100\nTZOFFSETTO:-2931\nEND:STANDARD\n"
                 "END:VTIMEZONE\nBEGIN:VEVENT\nDTSTART;TZID=Office:20240407T023000\n"
                 "SUMMARY:Call\nEND:VEVENT\nEND:VCALENDAR\n");

  assert_time (g_ptr_array_index (result->sessions, 0), "2024-04-07T02:30:00Z", "UTC", 60,
               "2024-04");
  assert_warning (result, 11, "“Office” is unknown");
}

static void
test_lenient_values (void)
{
  /* A value that does not matter to the schedule is left out with a warning. */
  g_autoptr(ConveneImportResult) result =
    import_text ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Call\nDTSTART:20240101T100000Z\n"
                 "CREATED:yesterday\nEND:VEVENT\nBEGIN:VJOURNAL\nEND:VJOURNAL\nEND:VCALENDAR\n");

  g_assert_cmpuint (result->sessions->len, ==, 1);
  assert_warning (result, 5, "CREATED");
  assert_warning (result, 7, "VJOURNAL components are not imported");
}

static void
test_zone_names (void)
{
  static const struct {
    const char *tzid;
    const char *zone;
    gboolean    guessed;
  } cases[] = {
    { "Europe/Berlin", "Europe/Berlin", FALSE },
    { "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin", "Europe/Berlin", FALSE },
    { "/citadel.org/20190914_1/America/Sao_Paulo", "America/Sao_Paulo", FALSE },
    { "W. Europe Standard Time", "Europe/Berlin", FALSE },
    { "india standard time", "Asia/Kolkata", FALSE },
    { "SA Pacific Standard Time", "America/Bogota", FALSE },
    { "UTC-11", "-11:00", FALSE },
    { "Etc/UTC", "UTC", FALSE },
    { "GMT", "UTC", FALSE },
    { "US/Eastern", "America/New_York", FALSE },
    { "Asia/Calcutta", "Asia/Kolkata", FALSE },
    { "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Amsterdam", TRUE },
    { "(GMT-06.00) Central America", "-06:00", TRUE },
    { "(UTC) Coordinated Universal Time", "UTC", TRUE },
    { "Head Office Time", NULL, FALSE },
    { "", NULL, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean guessed = !cases[i].guessed;
      g_autofree char *zone = convene_ics_zone_from_tzid (cases[i].tzid, &guessed);

      g_test_message ("%s", cases[i].tzid);
      g_assert_cmpstr (zone, ==, cases[i].zone);
      if (zone != NULL)
        g_assert_cmpint (guessed, ==, cases[i].guessed);
    }
}

static void
test_splitter_lines (void)
{
  const char *block = "BEGIN:VEVENT\r\nSUMMARY:a\r\n long\r\nDTSTART;TZID=X:1\r\nEND:VEVENT\r\n";

  g_assert_cmpuint (convene_ics_block_find_line (block, 10, "DTSTART"), ==, 13);
  g_assert_cmpuint (convene_ics_block_find_line (block, 10, "summary"), ==, 11);
  g_assert_cmpuint (convene_ics_block_find_line (block, 10, "DTEND"), ==, 0);
  g_assert_cmpuint (convene_ics_block_find_line (block, 10, "DTSTAR"), ==, 0);
}

/* ---- export ---- */

static void
assert_contains (const char *text,
                 const char *fragment)
{
  if (strstr (text, fragment) == NULL)
    g_error ("“%s” is not in:\n%s", fragment, text);
}

static guint
count_occurrences (const char *text,
                   const char *fragment)
{
  guint n = 0;

  for (const char *p = strstr (text, fragment); p != NULL; p = strstr (p + 1, fragment))
    n++;
  return n;
}

/* The JSON fixture, every state a session can be in, exported as iCalendar. */
static char *
export_every_state (gint64 plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(ConveneStore) store = new_store (&dir);
  gsize length;
  g_autofree char *json = read_fixture ("every-state.json", &length);
  g_autoptr(ConveneImportResult) result =
    convene_json_import ("every-state.json", json, length, &error);
  char *text;

  g_assert_no_error (error);
  write_result (result, store);
  text = convene_ics_export (store, plan_id, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  remove_dir (dir);
  return text;
}

static void
test_export_shape (void)
{
  g_autofree char *text = export_fixture ("ics-iwg-2024.ics");

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  assert_contains (text, "PRODID:-//Convene//Convene ");
  assert_contains (text, "VERSION:2.0\r\n");
  assert_contains (text, "X-WR-CALNAME:Implementation Working Group 2024\r\n");
  assert_contains (text, "X-WR-TIMEZONE:Europe/London\r\n");
  /* One VTIMEZONE for each zone used, named plainly. */
  assert_contains (text, "BEGIN:VTIMEZONE\r\nTZID:America/Mexico_City\r\n");
  assert_contains (text, "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n");
  assert_contains (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n");
  assert_contains (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n");
  g_assert_cmpuint (count_occurrences (text, "BEGIN:VTIMEZONE"), ==, 4);

  assert_contains (text, "DTSTART;TZID=Europe/Berlin:20240716T180000\r\n");
  assert_contains (text, "DTEND;TZID=Europe/Berlin:20240716T193000\r\n");
  assert_contains (text, "DTSTART:20240514T130000Z\r\n");
  assert_contains (text, "DTSTART;VALUE=DATE:20240302\r\nDTEND;VALUE=DATE:20240303\r\n");
  assert_contains (text, "RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=-1TU\r\n");
  assert_contains (text, "SUMMARY;LANGUAGE=es:Sesión en español: datos abiertos municipales\r\n");
  assert_contains (text, "LOCATION:Rotes Rathaus\\, Berlin\r\n");
  assert_contains (text, "URL:https://meet.example.org/iwg-monthly\r\n");
  assert_contains (text, "STATUS:CANCELLED\r\n");
  assert_contains (text, "STATUS:TENTATIVE\r\n");
  assert_contains (text, "UID:session-1@convene\r\n");
  /* Eight sessions and the moved April meeting; three to-dos. */
  g_assert_cmpuint (count_occurrences (text, "BEGIN:VEVENT"), ==, 8 + 1);
  g_assert_cmpuint (count_occurrences (text, "DTSTAMP:"), ==, 11 + 1);
  assert_contains (text, "BEGIN:VTODO\r\n");
  assert_contains (text, "DUE;VALUE=DATE:20241130\r\n");
  assert_contains (text, "STATUS:IN-PROCESS\r\n");
}

static void
test_export_every_state (void)
{
  g_autofree char *text = export_every_state (1);

  /* Month-only and to-be-confirmed sessions get no made-up date. */
  g_assert_cmpuint (count_occurrences (text, "BEGIN:VEVENT"), ==, 3);
  g_assert_null (strstr (text, "Sharing draft action plan"));
  g_assert_null (strstr (text, "Chief Data Officers roundtable"));
  /* A fixed offset such as "8am GMT-6" is written in UTC. */
  assert_contains (text, "DTSTART:20210330T140000Z\r\nDTEND:20210330T153000Z\r\n");
  assert_contains (text, "X-CONVENE-TIMEZONE:-06:00\r\n");
  assert_contains (text, "DTSTART;TZID=Europe/London:20210223T190000\r\n");
  assert_contains (text, "DTSTART;TZID=America/New_York:20210201T100000\r\n");
  assert_contains (text, "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n");
  assert_contains (text, "X-CONVENE-STATUS:held\r\n");
  assert_contains (text, "X-CONVENE-FORMAT:panel\r\n");
  /* Actions due in a month or a year are due on its last day. */
  assert_contains (text, "DUE;VALUE=DATE:20211231\r\nX-CONVENE-DUE:2021\r\n");
  assert_contains (text, "DUE;VALUE=DATE:20210630\r\nX-CONVENE-DUE:2021-06\r\n");
  assert_contains (text, "DUE;VALUE=DATE:20210131\r\nSTATUS:COMPLETED\r\n");
  g_assert_null (strstr (text, "Launch the first thematic"));
}

static void
test_export_unknown_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(ConveneStore) store = new_store (&dir);
  g_autofree char *text = convene_ics_export (store, 42, &error);

  g_assert_null (text);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
  g_clear_object (&store);
  remove_dir (dir);
}

/* ---- round trips ---- */

static void
assert_same_session (ConveneSession *a,
                     ConveneSession *b)
{
  g_autofree char *start_a = convene_instant_to_string (convene_session_get_start (a));
  g_autofree char *start_b = convene_instant_to_string (convene_session_get_start (b));

  g_test_message ("%s", convene_session_get_topic (a));
  g_assert_cmpstr (convene_session_get_topic (a), ==, convene_session_get_topic (b));
  g_assert_cmpstr (start_a, ==, start_b);
  g_assert_cmpstr (convene_session_get_timezone (a), ==, convene_session_get_timezone (b));
  g_assert_cmpstr (convene_session_get_month (a), ==, convene_session_get_month (b));
  g_assert_cmpint (convene_session_get_duration_minutes (a), ==,
                   convene_session_get_duration_minutes (b));
  g_assert_cmpstr (convene_session_get_recurrence (a), ==, convene_session_get_recurrence (b));
  g_assert_cmpint (convene_session_get_status (a), ==, convene_session_get_status (b));
  g_assert_cmpint (convene_session_get_format (a), ==, convene_session_get_format (b));
  g_assert_cmpstr (convene_session_get_language (a), ==, convene_session_get_language (b));
  g_assert_cmpstr (convene_session_get_description (a), ==, convene_session_get_description (b));
  g_assert_cmpstr (convene_session_get_location (a), ==, convene_session_get_location (b));
}

/* What iCalendar carries: the dated sessions, in order, and every action. */
static void
assert_same_schedule (ConveneImportResult *before,
                      ConveneImportResult *after)
{
  guint n = 0;

  for (guint i = 0; i < before->sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (before->sessions, i);

      if (convene_session_get_start (session) == NULL)
        continue;
      g_assert_cmpuint (n, <, after->sessions->len);
      assert_same_session (session, g_ptr_array_index (after->sessions, n++));
    }
  g_assert_cmpuint (n, ==, after->sessions->len);

  g_assert_cmpuint (before->actions->len, ==, after->actions->len);
  for (guint i = 0; i < before->actions->len; i++)
    {
      ConveneAction *a = g_ptr_array_index (before->actions, i);
      ConveneAction *b = g_ptr_array_index (after->actions, i);

      g_assert_cmpstr (convene_action_get_title (a), ==, convene_action_get_title (b));
      g_assert_cmpstr (convene_action_get_due (a), ==, convene_action_get_due (b));
      g_assert_cmpint (convene_action_get_status (a), ==, convene_action_get_status (b));
    }
}

/* DTSTAMP says when a file was written: everything else must be equal. */
static char *
without_stamps (const char *text)
{
  g_autoptr(GRegex) stamp = g_regex_new ("^DTSTAMP:.*\r\n", G_REGEX_MULTILINE, 0, NULL);

  return g_regex_replace_literal (stamp, text, -1, 0, "", 0, NULL);
}

static void
test_round_trip (gconstpointer data)
{
  const char *name = data;
  g_autoptr(ConveneImportResult) first = import_fixture (name);
  g_autofree char *export1 = export_fixture (name);
  g_autoptr(ConveneImportResult) second = import_text (export1);
  g_autofree char *dir = NULL;
  g_autoptr(ConveneStore) store = new_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *export2 = NULL;
  g_autofree char *bare1 = NULL, *bare2 = NULL;

  assert_same_schedule (first, second);
  g_assert_cmpstr (convene_plan_get_title (g_ptr_array_index (first->plans, 0)), ==,
                   convene_plan_get_title (g_ptr_array_index (second->plans, 0)));

  /* And a second export of the file Convene wrote is that file again. */
  write_result (second, store);
  export2 = convene_ics_export (store, 0, &error);
  g_assert_no_error (error);
  bare1 = without_stamps (export1);
  bare2 = without_stamps (export2);
  g_assert_cmpstr (bare1, ==, bare2);
  g_clear_object (&store);
  remove_dir (dir);
}

static void
test_round_trip_every_state (void)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *json = read_fixture ("every-state.json", &length);
  g_autoptr(ConveneImportResult) first =
    convene_json_import ("every-state.json", json, length, &error);
  g_autofree char *text = export_every_state (1);
  g_autoptr(ConveneImportResult) second = import_text (text);

  g_assert_no_error (error);
  /* Only the first plan was exported: keep its actions alone. */
  for (guint i = first->actions->len; i > 0; i--)
    if (convene_action_get_plan (g_ptr_array_index (first->actions, i - 1)) != 1)
      g_ptr_array_remove_index (first->actions, i - 1);
  for (guint i = first->sessions->len; i > 0; i--)
    if (convene_session_get_plan (g_ptr_array_index (first->sessions, i - 1)) != 1)
      g_ptr_array_remove_index (first->sessions, i - 1);
  assert_same_schedule (first, second);
  g_assert_cmpstr (convene_plan_get_timezone (g_ptr_array_index (second->plans, 0)), ==,
                   "Europe/London");
}

/* ---- through convene-cli ---- */

static int
run_cli (const char  *db,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("CONVENE_CLI"));
  g_ptr_array_add (args, "--database");
  g_ptr_array_add (args, (gpointer) db);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *fixture =
    g_test_build_filename (G_TEST_DIST, "fixtures", "ics-iwg-2024.ics", NULL);
  g_autofree char *truncated =
    g_test_build_filename (G_TEST_DIST, "fixtures", "ics-truncated.ics", NULL);
  g_autofree char *dir = NULL, *db = NULL, *exported = NULL;
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *written = NULL;

  if (g_getenv ("CONVENE_CLI") == NULL)
    {
      g_test_skip ("CONVENE_CLI is not set");
      return;
    }
  dir = g_dir_make_tmp ("convene-ics-cli-XXXXXX", NULL);
  db = g_build_filename (dir, "convene.db", NULL);
  exported = g_build_filename (dir, "exported.ics", NULL);

  g_assert_cmpint (run_cli (db, NULL, &err, "import", fixture, NULL), ==, 0);
  /* Warnings go to stderr, with the file and the line. */
  g_assert_nonnull (strstr (err, "ics-iwg-2024.ics:141:"));
  g_assert_cmpint (run_cli (db, &out, NULL, "export", "--format", "ics", NULL), ==, 0);
  assert_contains (out, "DTSTART;TZID=Europe/Berlin:20240716T180000\r\n");
  /* Eight sessions, and the series' moved April meeting as its own VEVENT. */
  g_assert_cmpuint (count_occurrences (out, "BEGIN:VEVENT"), ==, 8 + 1);
  g_assert_cmpuint (count_occurrences (out, "RECURRENCE-ID"), ==, 1);

  /* A broken file is refused, naming the file and the line; nothing is written. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, NULL, &err, "import", truncated, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "ics-truncated.ics:12:"));
  g_assert_cmpint (run_cli (db, &out2, &err2, "export", "--format", "ics", "-o", exported,
                            NULL), ==, 0);
  g_assert_true (g_file_get_contents (exported, &written, NULL, NULL));
  g_assert_cmpuint (count_occurrences (written, "BEGIN:VEVENT"), ==, 8 + 1);

  g_unlink (exported);
  g_unlink (db);
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/import/calendar", test_import_calendar);
  g_test_add_func ("/ics/import/tzid", test_import_tzid);
  g_test_add_func ("/ics/import/dst-change-date", test_import_dst_change_date);
  g_test_add_func ("/ics/import/utc", test_import_utc);
  g_test_add_func ("/ics/import/floating", test_import_floating);
  g_test_add_func ("/ics/import/all-day", test_import_all_day);
  g_test_add_func ("/ics/import/series", test_import_series);
  g_test_add_func ("/ics/import/language-and-status", test_import_language_and_status);
  g_test_add_func ("/ics/import/todos", test_import_todos);
  g_test_add_func ("/ics/import/windows-zones", test_import_windows_zones);
  g_test_add_func ("/ics/import/dst-edges", test_import_dst_edges);
  g_test_add_func ("/ics/import/unknown-zones", test_import_unknown_zones);
  g_test_add_func ("/ics/import/line-endings", test_import_line_endings);
  g_test_add_func ("/ics/import/repeated-warnings", test_import_repeated_warnings);
  g_test_add_func ("/ics/import/lenient-values", test_lenient_values);
  g_test_add_func ("/ics/import/impossible-offset", test_impossible_offset);
  g_test_add_func ("/ics/import/splitter-lines", test_splitter_lines);
  g_test_add_func ("/ics/import/zone-names", test_zone_names);
  g_test_add_func ("/ics/bad/truncated", test_bad_truncated);
  g_test_add_func ("/ics/bad/garbage", test_bad_garbage);
  g_test_add_func ("/ics/bad/structure", test_bad_structure);
  g_test_add_func ("/ics/bad/nesting", test_bad_nesting);
  g_test_add_func ("/ics/bad/values", test_bad_values);
  g_test_add_func ("/ics/export/shape", test_export_shape);
  g_test_add_func ("/ics/export/every-state", test_export_every_state);
  g_test_add_func ("/ics/export/unknown-plan", test_export_unknown_plan);
  g_test_add_data_func ("/ics/round-trip/iwg-2024", "ics-iwg-2024.ics", test_round_trip);
  g_test_add_data_func ("/ics/round-trip/outlook-zones", "ics-outlook-zones.ics", test_round_trip);
  g_test_add_func ("/ics/round-trip/every-state", test_round_trip_every_state);
  g_test_add_func ("/ics/cli", test_cli);

  return g_test_run ();
}
