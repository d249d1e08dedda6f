/* test-csv-export.c: the schedule as a spreadsheet reads it: RFC 4180 quoting
 * of commas, quotes and line breaks, CRLF rows, times in UTC and in the
 * organiser's zone, and sessions without a date kept as empty cells. */
#include <glib/gstdio.h>
#include <string.h>

#include "export/convene-csv-export.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "model/convene-values.h"

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

  return g_test_run ();
}
