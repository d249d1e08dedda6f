/* test-import-stream.c: importing a large calendar straight into the
 * database, as convene-cli import does.  The file is read a chunk at a time
 * and written as it is read, yet it must give the same database as the
 * preview-then-write path, and stay all or nothing: an error near the end of
 * the file, a plan already there, a line that is not UTF-8 leave the
 * database as it was. */
#include <glib/gstdio.h>
#include <string.h>

#include "import/convene-import.h"
#include "export/convene-json-export.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"

/* More than a few chunks of the file and batches of the writer. */
#define N_EVENTS 3000

typedef struct {
  char *dir;
  char *ics;
} Fixture;

static const char * const zones[] = {
  "Europe/London", "America/Mexico_City", "Africa/Nairobi", "Asia/Kolkata", "America/Sao_Paulo",
};

/* Folds @line at 75 octets as RFC 5545 asks; the text is ASCII, so any
 * octet is a character boundary. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line);

  for (gsize at = 0; at < len; at += at == 0 ? 75 : 74)
    {
      if (at > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line + at, MIN (at == 0 ? 75 : 74, len - at));
      g_string_append (out, "\r\n");
    }
}

/* A year of meetings in five zones: long folded descriptions, some series,
 * a summary with accents. */
static GString *
make_calendar (guint n_events)
{
  GString *text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene tests//EN\r\n"
                                 "X-WR-CALNAME:Implementation Working Group\r\n");

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *description = NULL;
      g_autofree char *line = NULL;
      guint month = 1 + i % 12, day = 1 + (i * 7) % 28, hour = 6 + i % 12;

      g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:event-%u@convene.test\r\n", i);
      g_string_append_printf (text, "DTSTART;TZID=%s:2025%02u%02uT%02u%02u00\r\n",
                              zones[i % G_N_ELEMENTS (zones)], month, day, hour, (i % 4) * 15);
      g_string_append_printf (text, "DTEND;TZID=%s:2025%02u%02uT%02u%02u00\r\n",
                              zones[i % G_N_ELEMENTS (zones)], month, day, hour + 1, (i % 4) * 15);
      g_string_append_printf (text, "SUMMARY:Sesión %u: datos abiertos\r\n", i);
      description = g_strdup_printf ("Meeting %u of the working group. Agenda: progress on the action "
                                     "plan, the survey of members, the next roundtable, open questions "
                                     "from the chat, and who takes the notes next time (%u).", i, i * 31);
      line = g_strconcat ("DESCRIPTION:", description, NULL);
      append_folded (text, line);
      if (i % 20 == 0)
        g_string_append (text, "RRULE:FREQ=MONTHLY;COUNT=6\r\n");
      if (i % 9 == 0)
        g_string_append (text, "STATUS:TENTATIVE\r\n");
      g_string_append (text, "END:VEVENT\r\n");
    }
  g_string_append (text, "END:VCALENDAR\r\n");
  return text;
}

static void
write_file (const char *path,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) text = make_calendar (N_EVENTS);

  f->dir = g_dir_make_tmp ("convene-stream-XXXXXX", NULL);
  f->ics = g_build_filename (f->dir, "year.ics", NULL);
  write_file (f->ics, text->str, text->len);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->ics);
  g_free (f->dir);
}

static ConveneStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  ConveneStore *store = convene_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static char *
export (ConveneStore *store)
{
  g_autoptr(GError) error = NULL;
  char *json = convene_json_export (store, 0, &error);

  g_assert_no_error (error);
  return json;
}

static guint
count_rows (ConveneStore *store,
            GType         type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = convene_store_query (store, type, NULL, 0, &error);

  g_assert_no_error (error);
  return rows->len;
}

static ConveneImportResult *
import_into (ConveneStore      *store,
             const char        *path,
             ConveneOnExisting  on_existing)
{
  g_autoptr(GError) error = NULL;
  ConveneImportResult *result = convene_import_file_into (path, store, on_existing, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The streamed import and the preview's write give the same database. */
static void
test_same_as_preview (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ConveneStore) streamed = open_store (f, "streamed.db");
  g_autoptr(ConveneStore) previewed = open_store (f, "previewed.db");
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConveneImportResult) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *streamed_json = NULL;
  g_autofree char *previewed_json = NULL;

  result = import_into (streamed, f->ics, CONVENE_ON_EXISTING_FAIL);
  preview = convene_import_file (f->ics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->sessions->len, ==, N_EVENTS);
  g_assert_true (convene_import_result_write (preview, previewed, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);

  streamed_json = export (streamed);
  previewed_json = export (previewed);
  g_assert_cmpstr (streamed_json, ==, previewed_json);
  g_assert_cmpuint (count_rows (streamed, CONVENE_TYPE_SESSION), ==, N_EVENTS);
  g_assert_nonnull (strstr (streamed_json, "\"title\" : \"Implementation Working Group\""));
  g_assert_nonnull (strstr (streamed_json, "\"year\" : 2025"));
  /* A folded description that crossed a chunk boundary comes back whole. */
  g_assert_nonnull (strstr (streamed_json, "who takes the notes next time (92969)"));

  /* What the user is told: every session counted, the first ones shown. */
  g_assert_cmpuint (convene_import_result_count (result, CONVENE_TYPE_SESSION), ==, N_EVENTS);
  g_assert_cmpuint (result->sessions->len, <, 100);
  description = convene_import_result_describe (result);
  expected = g_strdup_printf ("%u sessions", N_EVENTS);
  g_assert_nonnull (strstr (description, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("… and %u more sessions", N_EVENTS - result->sessions->len);
  g_assert_nonnull (strstr (description, expected));
}

/* A broken line near the end: the error names it and nothing is written,
 * though thousands of sessions were written before it was read. */
static void
test_late_error_writes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(ConveneStore) store = open_store (f, "late.db");
  g_autoptr(GString) text = make_calendar (N_EVENTS);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *broken = g_build_filename (f->dir, "broken.ics", NULL);
  g_autoptr(ConveneImportResult) first = import_into (store, f->ics, CONVENE_ON_EXISTING_FAIL);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  const char *last_event = g_strrstr (text->str, "BEGIN:VEVENT");
  guint line = 1;

  for (const char *p = text->str; p < last_event; p++)
    line += *p == '\n';
  g_string_insert (text, last_event - text->str, "this line is not a property\r\n");
  write_file (broken, text->str, text->len);
  before = export (store);

  result = convene_import_file_into (broken, store, CONVENE_ON_EXISTING_NEW, &error);
  g_assert_null (result);
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX);
  where = g_strdup_printf ("%s:%u:", broken, line);
  g_assert_true (g_str_has_prefix (error->message, where));

  after = export (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_rows (store, CONVENE_TYPE_PLAN), ==, 1);
}

/* A plan already in the database is not duplicated silently. */
static void
test_existing_plan (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConveneStore) store = open_store (f, "existing.db");
  g_autoptr(ConveneImportResult) first = import_into (store, f->ics, CONVENE_ON_EXISTING_FAIL);
  g_autoptr(ConveneImportResult) replaced = NULL;
  g_autoptr(ConveneImportResult) beside = NULL;
  g_autoptr(ConveneImportResult) refused = NULL;
  g_autoptr(GError) error = NULL;

  refused = convene_import_file_into (f->ics, store, CONVENE_ON_EXISTING_FAIL, &error);
  g_assert_null (refused);
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“Implementation Working Group” is already in the database"));
  g_assert_cmpuint (count_rows (store, CONVENE_TYPE_PLAN), ==, 1);
  g_assert_cmpuint (count_rows (store, CONVENE_TYPE_SESSION), ==, N_EVENTS);

  replaced = import_into (store, f->ics, CONVENE_ON_EXISTING_REPLACE);
  g_assert_cmpuint (count_rows (store, CONVENE_TYPE_PLAN), ==, 1);
  g_assert_cmpuint (count_rows (store, CONVENE_TYPE_SESSION), ==, N_EVENTS);

  beside = import_into (store, f->ics, CONVENE_ON_EXISTING_NEW);
  g_assert_cmpuint (count_rows (store, CONVENE_TYPE_PLAN), ==, 2);
  g_assert_cmpuint (count_rows (store, CONVENE_TYPE_SESSION), ==, 2 * N_EVENTS);
}

/* A byte that is not UTF-8, far into the file, is reported on its line. */
static void
test_not_utf8 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ConveneStore) store = open_store (f, "utf8.db");
  g_autoptr(GString) text = make_calendar (N_EVENTS);
  g_autofree char *bad = g_build_filename (f->dir, "latin1.ics", NULL);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  char *summary = strstr (text->str, "SUMMARY:Sesión 2500:");
  guint line = 1;

  for (const char *p = text->str; p < summary; p++)
    line += *p == '\n';
  /* "Sesión" as Windows-1252 writes it. */
  memmove (summary + strlen ("SUMMARY:Sesi") + 1, summary + strlen ("SUMMARY:Sesi") + 2,
           strlen (summary + strlen ("SUMMARY:Sesi") + 2) + 1);
  summary[strlen ("SUMMARY:Sesi")] = '\xf3';
  write_file (bad, text->str, -1);

  result = convene_import_file_into (bad, store, CONVENE_ON_EXISTING_FAIL, &error);
  g_assert_null (result);
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX);
  where = g_strdup_printf ("%s:%u: This line is not UTF-8 text.", bad, line);
  g_assert_cmpstr (error->message, ==, where);
  g_assert_true (convene_store_is_empty (store));
}

/* Events in a zone only the file's own VTIMEZONE (at its end) explains are
 * held back until it is read, and then written with the right times. */
static void
test_vtimezone_at_the_end (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ConveneStore) streamed = open_store (f, "vtz-streamed.db");
  g_autoptr(ConveneStore) previewed = open_store (f, "vtz-previewed.db");
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                          "X-WR-CALNAME:Coordinators\r\n");
  g_autofree char *path = g_build_filename (f->dir, "custom-zone.ics", NULL);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConveneImportResult) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *streamed_json = NULL;
  g_autofree char *previewed_json = NULL;

  for (guint i = 0; i < 700; i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:c%u\r\nSUMMARY:Call %u\r\n"
                            "DTSTART;TZID=Coordinators Time:2025%02u%02uT090000\r\n"
                            "END:VEVENT\r\n", i, i, 1 + i % 12, 1 + i % 28);
  g_string_append (text, "BEGIN:VTIMEZONE\r\nTZID:Coordinators Time\r\n"
                         "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\n"
                         "TZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n");
  write_file (path, text->str, text->len);

  result = import_into (streamed, path, CONVENE_ON_EXISTING_FAIL);
  preview = convene_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (preview, previewed, CONVENE_ON_EXISTING_FAIL, &error));

  streamed_json = export (streamed);
  previewed_json = export (previewed);
  g_assert_cmpstr (streamed_json, ==, previewed_json);
  /* 09:00 at +03:00 is 06:00 UTC. */
  g_assert_nonnull (strstr (streamed_json, "\"start\" : \"2025-01-01T06:00:00Z\""));
  g_assert_cmpuint (convene_import_result_count (result, CONVENE_TYPE_SESSION), ==, 700);
}

/* Series far into a large file, each with a meeting moved by an override
 * at the file's end: the sessions written while reading have let go of
 * their objects, and each override still reaches its own series. */
static void
test_overrides_after_many (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ConveneStore) streamed = open_store (f, "overrides-streamed.db");
  g_autoptr(ConveneStore) previewed = open_store (f, "overrides-previewed.db");
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  g_autofree char *path = g_build_filename (f->dir, "late-overrides.ics", NULL);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConveneImportResult) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *streamed_json = NULL;
  g_autofree char *previewed_json = NULL;

  for (guint i = 0; i < 700; i++)
    {
      g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:e%u\r\nSUMMARY:Call %u\r\n"
                              "DTSTART:2025%02u%02uT090000Z\r\n", i, i, 1 + i % 12, 1 + i % 28);
      if (i % 100 == 99)
        g_string_append (text, "RRULE:FREQ=WEEKLY;COUNT=4\r\n");
      g_string_append (text, "END:VEVENT\r\n");
    }
  /* Each series' second meeting, an hour later and under another topic. */
  for (guint i = 99; i < 700; i += 100)
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (2025, 1 + i % 12, 1 + i % 28, 9, 0, 0);
      g_autoptr(GDateTime) second = g_date_time_add_weeks (first, 1);
      g_autoptr(GDateTime) moved = g_date_time_add_hours (second, 1);
      g_autofree char *occurrence = g_date_time_format (second, "%Y%m%dT%H%M%SZ");
      g_autofree char *start = g_date_time_format (moved, "%Y%m%dT%H%M%SZ");

      g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:e%u\r\nRECURRENCE-ID:%s\r\n"
                              "DTSTART:%s\r\nSUMMARY:Moved call %u\r\nEND:VEVENT\r\n",
                              i, occurrence, start, i);
    }
  g_string_append (text, "END:VCALENDAR\r\n");
  write_file (path, text->str, text->len);

  result = import_into (streamed, path, CONVENE_ON_EXISTING_FAIL);
  preview = convene_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (preview, previewed, CONVENE_ON_EXISTING_FAIL, &error));

  streamed_json = export (streamed);
  previewed_json = export (previewed);
  g_assert_cmpstr (streamed_json, ==, previewed_json);
  for (guint i = 99; i < 700; i += 100)
    {
      g_autoptr(GPtrArray) sessions = convene_store_query (streamed, CONVENE_TYPE_SESSION, NULL, 0, &error);
      g_autofree char *topic = g_strdup_printf ("Call %u", i);
      gint64 id = 0;

      g_assert_no_error (error);
      for (guint s = 0; s < sessions->len; s++)
        if (g_str_equal (convene_session_get_topic (g_ptr_array_index (sessions, s)), topic))
          id = convene_entity_get_id (g_ptr_array_index (sessions, s));
      g_assert_cmpint (id, !=, 0);
      {
        g_autoptr(GPtrArray) exceptions = convene_store_query (streamed, CONVENE_TYPE_SESSION_EXCEPTION,
                                                               "session", id, &error);
        g_autofree char *moved_topic = g_strdup_printf ("Moved call %u", i);

        g_assert_no_error (error);
        g_assert_cmpuint (exceptions->len, ==, 1);
        g_assert_cmpstr (convene_session_exception_get_topic (g_ptr_array_index (exceptions, 0)), ==, moved_topic);
      }
    }
}

static gboolean
warns_of_range (ConveneImportResult *result)
{
  for (guint i = 0; i < result->warnings->len; i++)
    if (strstr (((ConveneImportWarning *) g_ptr_array_index (result->warnings, i))->message, "THISANDFUTURE"))
      return TRUE;
  return FALSE;
}

/* RANGE=THISANDFUTURE at the end of a large file, on weekly London series
 * the import has already written: one still held (the file's sixth
 * event), one let go (the 400th), one changed from its first meeting on
 * (the 600th).  Each is split, or changed, as the preview does it, with no
 * warning; the later meetings an hour later on London's clock. */
static void
test_this_and_future_after_many (Fixture       *f,
                                 gconstpointer  data)
{
  static const guint series[] = { 5, 399, 599 };
  g_autoptr(ConveneStore) streamed = open_store (f, "range-streamed.db");
  g_autoptr(ConveneStore) previewed = open_store (f, "range-previewed.db");
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  g_autofree char *path = g_build_filename (f->dir, "late-range.ics", NULL);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConveneImportResult) preview = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *streamed_json = NULL;
  g_autofree char *previewed_json = NULL;
  guint later = 0;

  for (guint i = 0; i < 700; i++)
    {
      g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:e%u\r\nSUMMARY:Call %u\r\n", i, i);
      if (i == series[0] || i == series[1] || i == series[2])
        g_string_append (text, "DTSTART;TZID=Europe/London:20250304T190000\r\n"
                               "RRULE:FREQ=WEEKLY;COUNT=6\r\n");
      else
        g_string_append_printf (text, "DTSTART:2025%02u%02uT090000Z\r\n", 1 + i % 12, 1 + i % 28);
      g_string_append (text, "END:VEVENT\r\n");
    }
  for (guint k = 0; k < G_N_ELEMENTS (series); k++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:e%u\r\nSUMMARY:Later call %u\r\n"
                            "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:202503%sT190000\r\n"
                            "DTSTART;TZID=Europe/London:202503%sT200000\r\nEND:VEVENT\r\n",
                            series[k], series[k], k == 2 ? "04" : "18", k == 2 ? "04" : "18");
  g_string_append (text, "END:VCALENDAR\r\n");
  write_file (path, text->str, text->len);

  result = import_into (streamed, path, CONVENE_ON_EXISTING_FAIL);
  g_assert_false (warns_of_range (result));
  preview = convene_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_false (warns_of_range (preview));
  g_assert_true (convene_import_result_write (preview, previewed, CONVENE_ON_EXISTING_FAIL, &error));
  streamed_json = export (streamed);
  previewed_json = export (previewed);
  g_assert_cmpstr (streamed_json, ==, previewed_json);

  /* Two series split in two, the third changed whole. */
  g_assert_cmpuint (count_rows (streamed, CONVENE_TYPE_SESSION), ==, 702);
  sessions = convene_store_query (streamed, CONVENE_TYPE_SESSION, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < sessions->len; s++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, s);
      g_autoptr(GDateTime) there = NULL;

      if (!g_str_has_prefix (convene_session_get_topic (session), "Later call "))
        {
          if (convene_session_get_recurrence (session) != NULL)
            g_assert_cmpstr (convene_session_get_recurrence (session), ==, "FREQ=WEEKLY;COUNT=2");
          continue;
        }
      later++;
      there = g_date_time_to_timezone (convene_session_get_start (session), london);
      g_assert_cmpint (g_date_time_get_hour (there), ==, 20);
      if (g_str_equal (convene_session_get_topic (session), "Later call 599"))
        {
          g_assert_cmpint (g_date_time_get_day_of_month (there), ==, 4);
          g_assert_cmpstr (convene_session_get_recurrence (session), ==, "FREQ=WEEKLY;COUNT=6");
        }
      else
        {
          g_assert_cmpint (g_date_time_get_day_of_month (there), ==, 18);
          g_assert_cmpstr (convene_session_get_recurrence (session), ==, "FREQ=WEEKLY;COUNT=4");
        }
    }
  g_assert_cmpuint (later, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-stream/same-as-preview", Fixture, NULL,
              fixture_set_up, test_same_as_preview, fixture_tear_down);
  g_test_add ("/import-stream/late-error-writes-nothing", Fixture, NULL,
              fixture_set_up, test_late_error_writes_nothing, fixture_tear_down);
  g_test_add ("/import-stream/existing-plan", Fixture, NULL,
              fixture_set_up, test_existing_plan, fixture_tear_down);
  g_test_add ("/import-stream/not-utf8", Fixture, NULL,
              fixture_set_up, test_not_utf8, fixture_tear_down);
  g_test_add ("/import-stream/vtimezone-at-the-end", Fixture, NULL,
              fixture_set_up, test_vtimezone_at_the_end, fixture_tear_down);
  g_test_add ("/import-stream/overrides-after-many", Fixture, NULL,
              fixture_set_up, test_overrides_after_many, fixture_tear_down);
  g_test_add ("/import-stream/this-and-future-after-many", Fixture, NULL,
              fixture_set_up, test_this_and_future_after_many, fixture_tear_down);
  return g_test_run ();
}
