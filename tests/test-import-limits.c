/* test-import-limits.c: the dispatcher's bounds on what it reads.  An
 * input is opened once (a FIFO is read, not waited on twice), in UTF-8,
 * UTF-16 or UTF-32 with a byte order mark, and never beyond 64 MiB when it
 * is read whole; JSON ids stay within 1 .. 2^53; and each refusal names
 * the file and what is really wrong. */
#include <glib/gstdio.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "convene-test-dir.h"
#include "import/convene-import.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = convene_test_dir_new ("limits");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_test_dir_remove (f->dir);
  g_free (f->dir);
}

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

/* @text (UTF-8) in @encoding, after its byte order mark. */
static GBytes *
encode (const char *text,
        const char *encoding)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  char *converted = g_convert ("\xEF\xBB\xBF", -1, encoding, "UTF-8", NULL, NULL, &error);
  g_autofree char *body = g_convert (text, -1, encoding, "UTF-8", NULL, &length, &error);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize mark_length = g_str_has_prefix (encoding, "UTF-32") ? 4 : 2;

  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) converted, mark_length);
  g_byte_array_append (bytes, (const guint8 *) body, length);
  g_free (converted);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static const char export_text[] = "{\"plans\": [{\"id\": 1, \"title\": \"Plan für alle\"}], \"people\": []}";
static const char calendar_text[] =
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Réunions\r\nBEGIN:VEVENT\r\nUID:1\r\n"
  "DTSTART:20250204T190000Z\r\nDTEND:20250204T200000Z\r\nSUMMARY:Call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/* A JSON export or a calendar in any Unicode encoding is sniffed as what
 * it is, not as a plain-text document. */
static void
test_sniff_byte_order_marks (void)
{
  const char *encodings[] = { "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GBytes) json = encode (export_text, encodings[i]);
      g_autoptr(GBytes) ics = encode (calendar_text, encodings[i]);
      gsize length;
      const char *data;

      data = g_bytes_get_data (json, &length);
      g_assert_cmpstr (convene_import_sniff ("plans.txt", data, length)->name, ==, "json");
      /* A head cut inside a character still says what the file is. */
      g_assert_cmpstr (convene_import_sniff ("plans.txt", data, length - 1)->name, ==, "json");
      data = g_bytes_get_data (ics, &length);
      g_assert_cmpstr (convene_import_sniff ("calendar.txt", data, length)->name, ==, "icalendar");
    }
  g_assert_cmpstr (convene_import_sniff ("plans.txt", "\xEF\xBB\xBF{}", 5)->name, ==, "json");
}

static void
test_read_byte_order_marks (Fixture       *f,
                            gconstpointer  data)
{
  const char *encodings[] = { "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GBytes) json = encode (export_text, encodings[i]);
      g_autoptr(GBytes) ics = encode (calendar_text, encodings[i]);
      g_autofree char *json_path = write_file (f, "plans.json", g_bytes_get_data (json, NULL), g_bytes_get_size (json));
      g_autofree char *ics_path = write_file (f, "calendar.ics", g_bytes_get_data (ics, NULL), g_bytes_get_size (ics));
      g_autoptr(GError) error = NULL;
      g_autoptr(ConveneImportResult) plans = convene_import_file (json_path, &error);
      g_autoptr(ConveneImportResult) calendar = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (convene_plan_get_title (g_ptr_array_index (plans->plans, 0)), ==, "Plan für alle");
      calendar = convene_import_file (ics_path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (calendar->sessions->len, ==, 1);
      g_assert_cmpstr (convene_plan_get_title (g_ptr_array_index (calendar->plans, 0)), ==, "Réunions");
    }
}

/* A byte order mark that lies is named with its encoding. */
static void
test_broken_utf16 (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (f, "plans.json", "\xFF\xFE{\0\"\0\x00\xD8", 8);
  g_autoptr(GError) error = NULL;

  g_assert_null (convene_import_file (path, &error));
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "UTF-16LE"));
}

static gpointer
feed_fifo (gpointer data)
{
  const char *path = data;
  g_autofree char *plan = NULL;
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-000-iwg-2021.txt", NULL);
  gsize length;
  int fd;

  g_assert_true (g_file_get_contents (seed, &plan, &length, NULL));
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, plan, length), ==, (gssize) length);
  close (fd);
  return NULL;
}

/* A FIFO can be opened once: the plan in it is read, not an empty file
 * after the sniffer took its bytes, and the import does not hang. */
static void
test_fifo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "plan.fifo", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  GThread *writer;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  writer = g_thread_new ("fifo", feed_fifo, path);
  result = convene_import_file (path, &error);
  g_thread_join (writer);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_plan_get_title (g_ptr_array_index (result->plans, 0)), ==, "Action Plan 2021");
  g_assert_cmpuint (result->sessions->len, >, 10);
}

/* A document read whole stops at 64 MiB (a sparse file: nothing large is
 * written to disk) with a message that says the bound. */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Action Plan 2025\n\nMeeting schedule\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* Text past the 64 KiB the sniffers look at; holes after it. */
  while (text->len < 128 * 1024)
    g_string_append (text, "- Our next meeting is on Tuesday.\n");
  path = write_file (f, "plan.txt", text->str, text->len);

  g_assert_cmpint (truncate (path, 65 * 1024 * 1024), ==, 0);
  g_assert_null (convene_import_file (path, &error));
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "larger than 64 MiB"));
}

static void
assert_json_refused (Fixture    *f,
                     const char *text,
                     const char *fragment)
{
  g_autofree char *path = write_file (f, "plans.json", text, -1);
  g_autoptr(GError) error = NULL;

  g_assert_null (convene_import_file (path, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, fragment));
}

/* Ids go from 1 to 2^53; a larger one was clamped by the parser. */
static void
test_id_range (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *edge = write_file (f, "edge.json",
                                      "{\"plans\": [{\"id\": 9007199254740992, \"title\": \"Edge\"}]}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_import_file (edge, &error);

  g_assert_no_error (error);
  g_assert_cmpint (convene_entity_get_id (g_ptr_array_index (result->plans, 0)), ==,
                   G_GINT64_CONSTANT (1) << 53);

  assert_json_refused (f, "{\"plans\": [{\"id\": 9007199254740993, \"title\": \"P\"}]}",
                       "plans[0].id: the id 9007199254740993 is out of range");
  assert_json_refused (f, "{\"plans\": [{\"id\": 9223372036854775808, \"title\": \"P\"}]}",
                       "plans[0].id: the id");
  assert_json_refused (f, "{\"plans\": [{\"id\": 1, \"title\": \"P\", \"goals\": [{\"id\": 99999999999999999999}]}]}",
                       "plans[0].goals[0].id");
  assert_json_refused (f, "{\"plans\": [{\"id\": 1, \"title\": \"P\", \"actions\": "
                       "[{\"id\": 1, \"title\": \"A\", \"goal\": 9007199254740993}]}]}",
                       "plans[0].actions[0].goal");
}

/* JSON that is not an export is said to be JSON. */
static void
test_not_an_export (Fixture       *f,
                    gconstpointer  data)
{
  assert_json_refused (f, "[]", "this is JSON, but not a Convene export");
  assert_json_refused (f, "  [1, 2, 3]\n", "found a list");
  assert_json_refused (f, "\"hello\"", "found text");
  assert_json_refused (f, "{\"events\": []}", "not a Convene export");
}

/* A NUL byte is not a question of encoding. */
static void
test_nul_byte (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_file (f, "plans.json", "{\"plans\":\n[\n\0]}", 15);
  g_autoptr(GError) error = NULL;

  g_assert_null (convene_import_file (path, &error));
  g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, ":3: "));
  g_assert_nonnull (strstr (error->message, "NUL byte at line 3"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/limits/sniff-byte-order-marks", test_sniff_byte_order_marks);
  g_test_add ("/import/limits/read-byte-order-marks", Fixture, NULL, fixture_set_up, test_read_byte_order_marks, fixture_tear_down);
  g_test_add ("/import/limits/broken-utf16", Fixture, NULL, fixture_set_up, test_broken_utf16, fixture_tear_down);
  g_test_add ("/import/limits/fifo", Fixture, NULL, fixture_set_up, test_fifo, fixture_tear_down);
  g_test_add ("/import/limits/too-large", Fixture, NULL, fixture_set_up, test_too_large, fixture_tear_down);
  g_test_add ("/import/limits/id-range", Fixture, NULL, fixture_set_up, test_id_range, fixture_tear_down);
  g_test_add ("/import/limits/not-an-export", Fixture, NULL, fixture_set_up, test_not_an_export, fixture_tear_down);
  g_test_add ("/import/limits/nul-byte", Fixture, NULL, fixture_set_up, test_nul_byte, fixture_tear_down);
  return g_test_run ();
}
