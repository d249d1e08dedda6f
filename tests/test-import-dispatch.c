/* test-import-dispatch.c: which importer reads a file.  The content decides
 * what a file is (a JSON export called notes.txt is still an export), the
 * name only which reader is tried first, and a file Convene cannot read is
 * refused with a message naming it. */
#include <glib/gstdio.h>
#include <string.h>

#include "convene-test-dir.h"
#include "import/convene-import.h"
#include "import/convene-document-import.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = convene_test_dir_new ("dispatch");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_test_dir_remove (f->dir);
  g_free (f->dir);
}

static char *
fixture_contents (const char *name,
                  gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* Writes @length bytes of @contents to a file called @name; returns its path. */
static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static const char *
sniffed (const char *file,
         const char *head,
         gssize      length)
{
  const ConveneImporter *importer = convene_import_sniff (file, head, length >= 0 ? (gsize) length : strlen (head));

  return importer != NULL ? importer->name : NULL;
}

static void
test_sniff_by_content (void)
{
  /* Content wins over the name. */
  g_assert_cmpstr (sniffed ("notes.txt", "\xef\xbb\xbf\n  {\"plans\": []}", -1), ==, "json");
  g_assert_cmpstr (sniffed ("plan.md", "\r\nbegin:vcalendar\r\nVERSION:2.0\r\n", -1), ==, "icalendar");
  g_assert_cmpstr (sniffed ("calendar.ics", "# Action Plan 2021\n", -1), ==, "document");
  /* An email's headers point at an announcement, whatever its name. */
  g_assert_cmpstr (sniffed ("message.txt", "From: Ana <ana@example.org>\nSubject: Next call\n", -1), ==,
                   "announcement");
  g_assert_cmpstr (sniffed ("Convocatoria", "Asunto: Reunión de marzo\n", -1), ==, "announcement");
  /* A saved email, by its name. */
  g_assert_cmpstr (sniffed ("invitation.EML", "Dear all,\n", -1), ==, "announcement");
  /* Other text is read as a plan first. */
  g_assert_cmpstr (sniffed ("notes", "We meet on Tuesday.\n", -1), ==, "document");
  g_assert_cmpstr (sniffed ("empty.txt", "", 0), ==, "document");
  /* UTF-16 text, as word processors save it. */
  g_assert_cmpstr (sniffed ("plan.txt", "\xff\xfe#\0 \0P\0", 8), ==, "document");
  /* Bytes that are no text are nobody's. */
  g_assert_null (sniffed ("photo.jpg", "\xff\xd8\xff\xe0\0\x10JFIF\0", 11));
}

static void
test_json_whatever_its_name (Fixture       *f,
                             gconstpointer  data)
{
  gsize length;
  g_autofree char *contents = fixture_contents ("every-state.json", &length);
  g_autofree char *path = write_file (f, "notes.txt", contents, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_import_file (path, &error);

  g_assert_no_error (error);
  /* Only a JSON export keeps its own ids. */
  g_assert_true (result->keep_ids);
  g_assert_cmpuint (result->plans->len, >, 0);
}

static void
test_icalendar (Fixture       *f,
                gconstpointer  data)
{
  gsize length;
  g_autofree char *contents = fixture_contents ("ics-iwg-2024.ics", &length);
  g_autofree char *path = write_file (f, "export.json", contents, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_import_file (path, &error);

  g_assert_no_error (error);
  g_assert_false (result->keep_ids);
  g_assert_cmpuint (result->plans->len, ==, 1);
  g_assert_cmpuint (result->sessions->len, >, 0);
}

/* Reading @fixture through the dispatcher under another name gives what the
 * document reader gives. */
static void
assert_read_as_document (Fixture    *f,
                         const char *fixture,
                         const char *name)
{
  gsize length;
  g_autofree char *contents = fixture_contents (fixture, &length);
  g_autofree char *path = write_file (f, name, contents, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) expected = convene_document_import (path, contents, length, &error);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  result = convene_import_file (path, &error);
  g_assert_no_error (error);
  want = convene_import_result_describe (expected);
  got = convene_import_result_describe (result);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpuint (result->warnings->len, ==, expected->warnings->len);
}

static void
test_plan_document (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  assert_read_as_document (f, "seed-000-iwg-2021.txt", "seed.md");
  /* Named like an email, still a plan: the announcement reader hands it on. */
  assert_read_as_document (f, "seed-002-ogp-2016.txt", "seed.eml");

  path = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-001-iwg-2024.txt", NULL);
  result = convene_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->goals->len, >, 0);
}

static void
test_announcement (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  assert_read_as_document (f, "announcement-iwg-call.txt", "call.txt");
  assert_read_as_document (f, "announcement-lac-series.txt", "series.eml");
  assert_read_as_document (f, "announcement-reunion-es.txt", "reunion");

  /* A plan that starts like an email is still read as the plan. */
  path = write_file (f, "forwarded.txt",
                     "From: Ana\nSubject: our plan\n\n# Action Plan 2025\n\n## Goals\n\n"
                     "1. Open data by default\n2. Data for climate\n", -1);
  result = convene_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->goals->len, ==, 2);
}

static void
test_unknown_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (f, "photo.jpg", "\xff\xd8\xff\xe0\0\x10JFIF\0", 11);
  g_autofree char *missing = g_build_filename (f->dir, "missing.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_import_file (path, &error);

  g_assert_null (result);
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);

  g_assert_null (convene_import_file (missing, &error));
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, missing));
}

/* Text in which no importer finds anything: the error is the first one's,
 * which speaks of plans and meetings alike, and names the file. */
static void
test_nothing_found (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *blank = write_file (f, "blank.txt", " \n\n\t\n", -1);
  g_autofree char *prose = write_file (f, "prose.eml", "Thank you all for coming.\n", -1);
  g_autofree char *not_utf8 = write_file (f, "calendar.ics", "BEGIN:VCALENDAR\r\nX-WR-CALNAME:\xe9t\xe9\r\n", -1);
  g_autoptr(GError) error = NULL;

  g_assert_null (convene_import_file (blank, &error));
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, blank));
  g_clear_error (&error);

  g_assert_null (convene_import_file (prose, &error));
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, prose));
  g_assert_null (strstr (error->message, "action plan, not"));
  g_clear_error (&error);

  /* iCalendar is UTF-8 by its specification. */
  g_assert_null (convene_import_file (not_utf8, &error));
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, not_utf8));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/dispatch/sniff", test_sniff_by_content);
  g_test_add ("/import/dispatch/json", Fixture, NULL, fixture_set_up, test_json_whatever_its_name, fixture_tear_down);
  g_test_add ("/import/dispatch/icalendar", Fixture, NULL, fixture_set_up, test_icalendar, fixture_tear_down);
  g_test_add ("/import/dispatch/plan-document", Fixture, NULL, fixture_set_up, test_plan_document, fixture_tear_down);
  g_test_add ("/import/dispatch/announcement", Fixture, NULL, fixture_set_up, test_announcement, fixture_tear_down);
  g_test_add ("/import/dispatch/unknown-file", Fixture, NULL, fixture_set_up, test_unknown_file, fixture_tear_down);
  g_test_add ("/import/dispatch/nothing-found", Fixture, NULL, fixture_set_up, test_nothing_found, fixture_tear_down);
  return g_test_run ();
}
