/* test-series.c: a recurring series with its exceptions, stored, listed
 * once a meeting and carried through the JSON export: a moved meeting, a
 * cancelled one, one taken out, one added, another lead for one date, and
 * a person who attended one occurrence.  Expected instants come from the
 * tz database (GTimeZone). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export/convene-json-export.h"
#include "import/convene-json-import.h"
#include "import/convene-import-writer.h"
#include "model/convene-plan.h"
#include "model/convene-person.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"
#include "store/convene-occurrence-rows.h"

#include "convene-test-store.h"

static GDateTime *
london (int month,
        int day,
        int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) local = g_date_time_new (tz, 2025, month, day, hour, 0, 0);

  return g_date_time_to_utc (local);
}

/* A weekly Monday call at 19:00 London in March 2025, with its exceptions. */
static gint64
make_series (ConveneStore *store,
             gint64       *person_id)
{
  g_autoptr(ConvenePlan) plan = convene_plan_new ();
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(ConvenePerson) person = convene_person_new ();
  g_autoptr(GDateTime) first = london (3, 3, 19);
  g_autoptr(GDateTime) m10 = london (3, 10, 19), m11 = london (3, 11, 17);
  g_autoptr(GDateTime) m17 = london (3, 17, 19), m24 = london (3, 24, 19);
  g_autoptr(GDateTime) m31 = london (3, 31, 19), m27 = london (3, 27, 12);
  g_autoptr(GError) error = NULL;
  gint64 id;

  convene_plan_set_title (plan, "Weekly calls 2025");
  convene_plan_set_year (plan, 2025);
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (plan), &error));
  convene_person_set_name (person, "Flor");
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (person), &error));
  *person_id = convene_entity_get_id (CONVENE_ENTITY (person));
  convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_session_set_topic (session, "Weekly call");
  convene_session_set_lead (session, "Paul");
  convene_session_set_start (session, first);
  convene_session_set_timezone (session, "Europe/London");
  convene_session_set_month (session, "2025-03");
  convene_session_set_recurrence (session, "FREQ=WEEKLY;UNTIL=20250331T190000Z");
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (session), &error));
  g_assert_no_error (error);
  id = convene_entity_get_id (CONVENE_ENTITY (session));

  convene_test_add_exception (store, id, m10, CONVENE_EXCEPTION_KIND_CHANGED,
                              &(ConveneTestChange) { .start = m11 });
  convene_test_add_exception (store, id, m17, CONVENE_EXCEPTION_KIND_CHANGED,
                              &(ConveneTestChange) { .status = CONVENE_SESSION_STATUS_CANCELLED });
  convene_test_add_exception (store, id, m24, CONVENE_EXCEPTION_KIND_REMOVED, NULL);
  convene_test_add_exception (store, id, m27, CONVENE_EXCEPTION_KIND_ADDED, NULL);
  convene_test_add_exception (store, id, m31, CONVENE_EXCEPTION_KIND_CHANGED,
                              &(ConveneTestChange) { .lead = "Flor" });
  g_assert_true (convene_store_set_occurrence_attended (store, id, first, *person_id, TRUE, &error));
  g_assert_no_error (error);
  return id;
}

typedef struct {
  gint64               start;
  gint64               occurrence;
  ConveneSessionStatus status;
  char                *lead;
} Seen;

static gboolean
collect_cb (const ConveneSessionRow *row,
            gpointer                 user_data)
{
  Seen seen = { row->start, row->occurrence, row->status, g_strdup (row->lead) };

  g_assert_true (row->in_series);
  g_array_append_val (user_data, seen);
  return TRUE;
}

static void
clear_seen (gpointer data)
{
  g_free (((Seen *) data)->lead);
}

/* The listing a person reads: 3 March; 10 March moved to 11 March 17:00;
 * 17 March cancelled but shown; 24 March gone; 27 March added; 31 March
 * led by Flor. */
static void
assert_listing (ConveneStore *store)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, TRUE, sizeof (Seen));
  g_autoptr(GError) error = NULL;
  struct { GDateTime *start; GDateTime *occurrence; ConveneSessionStatus status; const char *lead; } want[] = {
    { london (3, 3, 19), london (3, 3, 19), CONVENE_SESSION_STATUS_SCHEDULED, "Paul" },
    { london (3, 11, 17), london (3, 10, 19), CONVENE_SESSION_STATUS_SCHEDULED, "Paul" },
    { london (3, 17, 19), london (3, 17, 19), CONVENE_SESSION_STATUS_CANCELLED, "Paul" },
    { london (3, 27, 12), london (3, 27, 12), CONVENE_SESSION_STATUS_SCHEDULED, "Paul" },
    { london (3, 31, 19), london (3, 31, 19), CONVENE_SESSION_STATUS_SCHEDULED, "Flor" },
  };

  g_array_set_clear_func (seen, clear_seen);
  g_assert_true (convene_occurrence_rows_foreach (store, 0, "2025-01", "2025-12", collect_cb, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      Seen *s = &g_array_index (seen, Seen, i);

      g_assert_cmpint (s->start, ==, g_date_time_to_unix (want[i].start));
      g_assert_cmpint (s->occurrence, ==, g_date_time_to_unix (want[i].occurrence));
      g_assert_cmpint (s->status, ==, want[i].status);
      g_assert_cmpstr (s->lead, ==, want[i].lead);
      g_date_time_unref (want[i].start);
      g_date_time_unref (want[i].occurrence);
    }
}

static void
test_series_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-series-XXXXXX", &error);
  g_autoptr(ConveneStore) first = convene_test_store_new (dir, "first.db");
  g_autoptr(ConveneStore) second = convene_test_store_new (dir, "second.db");
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GArray) came = NULL;
  g_autoptr(GDateTime) march3 = london (3, 3, 19);
  g_autofree char *export1 = NULL, *export2 = NULL;
  gint64 person, session;

  session = make_series (first, &person);
  assert_listing (first);
  export1 = convene_json_export (first, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (export1, "\"exceptions\""));
  g_assert_nonnull (strstr (export1, "\"occurrence_attendance\""));

  result = convene_json_import ("export1.json", export1, strlen (export1), &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, second, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  export2 = convene_json_export (second, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (export1, ==, export2);
  assert_listing (second);

  /* Flor attended the 3 March call, not the series. */
  came = convene_store_get_occurrence_attendance (second, session, march3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (came->len, ==, 1);
  g_assert_cmpint (g_array_index (came, gint64, 0), ==, person);
  g_clear_pointer (&came, g_array_unref);
  came = convene_store_get_attendance (second, session, &error);
  g_assert_cmpuint (came->len, ==, 0);

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
  g_test_add_func ("/series/json-round-trip", test_series_json_round_trip);
  return g_test_run ();
}
