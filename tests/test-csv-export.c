/* test-csv-export.c: the schedule as a spreadsheet reads it: RFC 4180 quoting
 * of commas, quotes and line breaks, CRLF rows, times in UTC and in the
 * organiser's zone, and sessions without a date kept as empty cells. */
#include <glib/gstdio.h>
#include <string.h>

#include "export/convene-csv-export.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"
#include "model/convene-values.h"

#include "convene-test-store.h"

typedef struct {
  char         *dir;
  ConveneStore *store;
  gint64        plan;
} Fixture;

#define HEADER "id,topic,month,start,timezone,local_start,duration_minutes,status,format," \
               "language,lead,speakers,location,recurrence\r\n"

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ConvenePlan) plan = convene_plan_new ();

  f->dir = g_dir_make_tmp ("convene-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (path, &error);
  g_assert_no_error (error);

  convene_plan_set_title (plan, "Action Plan 2021");
  convene_plan_set_timezone (plan, "Europe/London");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (plan), &error));
  g_assert_no_error (error);
  f->plan = convene_entity_get_id (CONVENE_ENTITY (plan));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "convene.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static ConveneSession *
add_session (Fixture    *f,
             const char *topic,
             const char *start,
             const char *zone,
             const char *month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) instant = start != NULL ? convene_instant_parse (start) : NULL;
  ConveneSession *session = convene_session_new ();

  convene_session_set_plan (session, f->plan);
  convene_session_set_topic (session, topic);
  convene_session_set_start (session, instant);
  convene_session_set_timezone (session, zone);
  convene_session_set_month (session, month);
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (session), &error));
  g_assert_no_error (error);
  return session;
}

static char *
export (Fixture *f,
        gint64   plan)
{
  g_autoptr(GError) error = NULL;
  char *text = convene_csv_export (f->store, plan, &error);

  g_assert_no_error (error);
  return text;
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *text = export (f, f->plan);

  /* A header row alone: a spreadsheet still knows the columns. */
  g_assert_cmpstr (text, ==, HEADER);
}

static void
test_dated (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ConveneSession) s = add_session (f, "Present the Policy+ Initiative",
                                             "2021-02-23T19:00:00Z", "Europe/London", "2021-02");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  convene_session_set_lead (s, "Paul");
  convene_session_set_speakers (s, (const char *[]) { "Ana", "Kwame", NULL });
  convene_session_set_status (s, CONVENE_SESSION_STATUS_HELD);
  convene_session_set_format (s, CONVENE_SESSION_FORMAT_PANEL);
  convene_session_set_recurrence (s, "FREQ=MONTHLY;BYDAY=-1TU");
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (s), &error));
  g_assert_no_error (error);

  text = export (f, f->plan);
  g_assert_cmpstr (text, ==,
                   HEADER
                   "1,Present the Policy+ Initiative,2021-02,2021-02-23T19:00:00Z,Europe/London,"
                   "2021-02-23T19:00:00+00:00,60,held,panel,en,Paul,Ana; Kwame,,"
                   "FREQ=MONTHLY;BYDAY=-1TU\r\n");
}

static void
test_quoting (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ConveneSession) s = add_session (f, "Open data, \"open\" cities\nand regions",
                                             "2021-03-30T14:00:00Z", "-06:00", "2021-03");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  convene_session_set_location (s, "Room 4, \"Casa de la Cultura\"\r\nSan José");
  convene_session_set_language (s, "es");
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (s), &error));
  g_assert_no_error (error);

  text = export (f, f->plan);
  /* RFC 4180: quoted, inner quotes doubled, line breaks kept inside the quotes. */
  g_assert_cmpstr (text, ==,
                   HEADER
                   "1,\"Open data, \"\"open\"\" cities\nand regions\",2021-03,2021-03-30T14:00:00Z,"
                   "-06:00,2021-03-30T08:00:00-06:00,60,scheduled,meeting,es,,,"
                   "\"Room 4, \"\"Casa de la Cultura\"\"\r\nSan José\",\r\n");
}

static void
test_without_dates (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConveneSession) month = add_session (f, "Standards", NULL, NULL, "2021-09");
  g_autoptr(ConveneSession) tbc = add_session (f, "Chief Data Officers roundtable",
                                               NULL, NULL, NULL);
  g_autofree char *text = export (f, 0);

  /* Only a month, or nothing yet: empty cells, never a made-up date. */
  g_assert_cmpstr (text, ==,
                   HEADER
                   "1,Standards,2021-09,,,,60,scheduled,meeting,en,,,,\r\n"
                   "2,Chief Data Officers roundtable,,,,,60,scheduled,meeting,en,,,,\r\n");
}

static void
test_unknown_plan (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = convene_csv_export (f->store, 99, &error);

  g_assert_null (text);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
}

/* "2025-03-24T19:00:00Z" of 19:00 London on that day, from the tz database. */
static char *
london (int month,
        int day,
        int hour,
        int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) local = g_date_time_new (tz, 2025, month, day, hour, minute, 0);

  return convene_instant_to_string (local);
}

/* The same time as the organiser's zone writes it, with its offset then. */
static char *
london_local (const char *instant)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) utc = convene_instant_parse (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
add_exception (Fixture              *f,
               gint64                session,
               const char           *occurrence,
               ConveneExceptionKind  kind,
               const char           *start,
               int                   minutes,
               ConveneSessionStatus  status)
{
  g_autoptr(GDateTime) at = convene_instant_parse (occurrence);
  g_autoptr(GDateTime) moved = start != NULL ? convene_instant_parse (start) : NULL;

  convene_test_add_exception (f->store, session, at, kind,
                              &(ConveneTestChange) { .start = moved, .duration_minutes = minutes,
                                                     .status = status });
}

/* A weekly Monday call at 19:00 London across the March change, four
 * times: 24 March moved to Tuesday 18:00 for 90 minutes, 31 March
 * cancelled, 7 April taken out.  By occurrence, a row for each meeting
 * left, in the series' place; by session, the series once. */
static void
test_occurrences (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = london (3, 17, 19, 0);
  g_autofree char *m24 = london (3, 24, 19, 0), *m25 = london (3, 25, 18, 0);
  g_autofree char *m31 = london (3, 31, 19, 0), *a7 = london (4, 7, 19, 0);
  g_autoptr(ConveneSession) single = add_session (f, "Kick-off", "2025-03-01T10:00:00Z", "UTC", "2025-03");
  g_autoptr(ConveneSession) s = add_session (f, "Weekly call", first, "Europe/London", "2025-03");
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (s));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *once = NULL, *want = NULL;
  g_autofree char *l17 = london_local (first), *l25 = london_local (m25), *l31 = london_local (m31);

  convene_session_set_recurrence (s, "FREQ=WEEKLY;COUNT=4");
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (s), &error));
  g_assert_no_error (error);
  add_exception (f, id, m24, CONVENE_EXCEPTION_KIND_CHANGED, m25, 90, CONVENE_SESSION_STATUS_SCHEDULED);
  add_exception (f, id, m31, CONVENE_EXCEPTION_KIND_CHANGED, NULL, 0, CONVENE_SESSION_STATUS_CANCELLED);
  add_exception (f, id, a7, CONVENE_EXCEPTION_KIND_REMOVED, NULL, 0, CONVENE_SESSION_STATUS_SCHEDULED);

  text = convene_csv_export_occurrences (f->store, f->plan, &error);
  g_assert_no_error (error);
  /* 19:00 London is 19:00 UTC before 30 March and 18:00 UTC after it. */
  want = g_strconcat ("id,topic,month,start,timezone,local_start,duration_minutes,status,format,"
                      "language,lead,speakers,location,recurrence,occurrence\r\n"
                      "1,Kick-off,2025-03,2025-03-01T10:00:00Z,UTC,2025-03-01T10:00:00+00:00,60,"
                      "scheduled,meeting,en,,,,,\r\n"
                      "2,Weekly call,2025-03,", first, ",Europe/London,", l17, ",60,"
                      "scheduled,meeting,en,,,,FREQ=WEEKLY;COUNT=4,", first, "\r\n"
                      "2,Weekly call,2025-03,", m25, ",Europe/London,", l25, ",90,"
                      "scheduled,meeting,en,,,,FREQ=WEEKLY;COUNT=4,", m24, "\r\n"
                      "2,Weekly call,2025-03,", m31, ",Europe/London,", l31, ",60,"
                      "cancelled,meeting,en,,,,FREQ=WEEKLY;COUNT=4,", m31, "\r\n", NULL);
  g_assert_cmpstr (text, ==, want);
  g_assert_null (strstr (text, a7));

  once = convene_csv_export (f->store, f->plan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (once, "2,Weekly call,2025-03,"));
  g_assert_null (strstr (once, m25));
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/csv-export/empty", test_empty);
  ADD ("/csv-export/dated", test_dated);
  ADD ("/csv-export/quoting", test_quoting);
  ADD ("/csv-export/without-dates", test_without_dates);
  ADD ("/csv-export/unknown-plan", test_unknown_plan);
  ADD ("/csv-export/occurrences", test_occurrences);

  return g_test_run ();
}
