/* test-json.c: the JSON export's shape, its byte-identical round trip, ids
 * rewritten on import into a database that has data, and bad files refused. */
#include <glib/gstdio.h>
#include <string.h>

#include "export/convene-json-export.h"
#include "import/convene-json-import.h"
#include "import/convene-import-writer.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static ConveneStore *
new_store (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-json-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "convene.db", NULL);
  ConveneStore *store = convene_store_new (path, &error);

  g_assert_no_error (error);
  *dir_out = g_steal_pointer (&dir);
  return store;
}

static char *
import_and_export (ConveneStore *store,
                   const char   *file,
                   const char   *contents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_json_import (file, contents, strlen (contents), &error);
  char *text;

  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  text = convene_json_export (store, 0, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_round_trip (void)
{
  g_autofree char *path = fixture_path ("every-state.json");
  g_autofree char *contents = NULL;
  g_autofree char *dir1 = NULL, *dir2 = NULL;
  g_autoptr(ConveneStore) first = new_store (&dir1);
  g_autoptr(ConveneStore) second = new_store (&dir2);
  g_autofree char *export1 = NULL;
  g_autofree char *export2 = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  export1 = import_and_export (first, path, contents);
  export2 = import_and_export (second, "export1.json", export1);
  g_assert_cmpstr (export1, ==, export2);

  /* The states the design names are all there, as written. */
  g_assert_nonnull (strstr (export1, "\"status\" : \"no-meeting\""));
  g_assert_nonnull (strstr (export1, "\"status\" : \"in-progress\""));
  g_assert_nonnull (strstr (export1, "\"sector\" : \"national-government\""));
  g_assert_nonnull (strstr (export1, "\"kind\" : \"best-practice\""));
  g_assert_nonnull (strstr (export1, "\"start\" : \"2021-02-23T19:00:00Z\""));
  g_assert_nonnull (strstr (export1, "\"timezone\" : \"-06:00\""));
  g_assert_nonnull (strstr (export1, "\"due\" : \"2016\""));
  g_assert_nonnull (strstr (export1, "\"language\" : \"es\""));
  g_assert_nonnull (strstr (export1, "\"recurrence\" : \"FREQ=WEEKLY;BYDAY=MO\""));
}

/* Keys in the order of DESIGN.md. */
static void
test_key_order (void)
{
  static const char * const session_keys[] = {
    "\"id\"", "\"topic\"", "\"description\"", "\"month\"", "\"start\"", "\"timezone\"",
    "\"duration_minutes\"", "\"recurrence\"", "\"status\"", "\"format\"", "\"language\"",
    "\"lead\"", "\"speakers\"", "\"principles\"", "\"location\"", "\"recording_url\"",
    "\"recorded\"", "\"blog\"", "\"notes\"", "\"attendance\"",
  };
  g_autofree char *path = fixture_path ("every-state.json");
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(ConveneStore) store = new_store (&dir);
  g_autofree char *text = NULL;
  const char *session;
  const char *at;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = import_and_export (store, path, contents);
  g_assert_true (g_str_has_prefix (text, "{\n  \"plans\" : ["));
  g_assert_nonnull (strstr (text, "\n  \"people\" : ["));
  g_assert_true (strstr (text, "\"goals\"") < strstr (text, "\"actions\""));
  g_assert_true (strstr (text, "\"actions\"") < strstr (text, "\"sessions\""));
  g_assert_true (strstr (text, "\"sessions\"") < strstr (text, "\"resources\""));

  session = strstr (text, "\"topic\" : \"Present the Policy+ Initiative\"");
  g_assert_nonnull (session);
  while (session > text && strncmp (session, "\"id\"", 4) != 0)
    session--;
  at = session;
  for (guint i = 0; i < G_N_ELEMENTS (session_keys); i++)
    {
      const char *next = strstr (at, session_keys[i]);

      g_assert_nonnull (next);
      g_assert_true (next >= at);
      at = next;
    }
}

static void
test_new_ids_rewrite_references (void)
{
  g_autofree char *path = fixture_path ("every-state.json");
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(ConveneStore) store = new_store (&dir);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConvenePerson) someone = convene_person_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  ConveneSession *feb = NULL;
  g_autoptr(GArray) attendance = NULL;

  convene_person_set_name (someone, "Someone already here");
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (someone), &error));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  result = convene_json_import (path, contents, strlen (contents), &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);

  sessions = convene_store_query (store, CONVENE_TYPE_SESSION, NULL, 0, &error);
  for (guint i = 0; i < sessions->len; i++)
    if (g_strcmp0 (convene_session_get_topic (g_ptr_array_index (sessions, i)), "Present the Policy+ Initiative") == 0)
      feb = g_ptr_array_index (sessions, i);
  g_assert_nonnull (feb);

  /* Paul and Flor were people 1 and 2 in the file; here they come after the one already stored. */
  attendance = convene_store_get_attendance (store, convene_entity_get_id (CONVENE_ENTITY (feb)), &error);
  g_assert_cmpuint (attendance->len, ==, 2);
  for (guint i = 0; i < attendance->len; i++)
    {
      g_autoptr(ConvenePerson) person = convene_store_load (store, CONVENE_TYPE_PERSON,
                                                            g_array_index (attendance, gint64, i), &error);

      g_assert_no_error (error);
      g_assert_true (g_str_equal (convene_person_get_name (person), "Paul") ||
                     g_str_equal (convene_person_get_name (person), "Flor"));
    }

  actions = convene_store_query (store, CONVENE_TYPE_ACTION, NULL, 0, &error);
  for (guint i = 0; i < actions->len; i++)
    {
      ConveneAction *action = g_ptr_array_index (actions, i);

      if (convene_action_get_goal (action) != 0)
        {
          g_autoptr(ConveneGoal) goal = convene_store_load (store, CONVENE_TYPE_GOAL,
                                                            convene_action_get_goal (action), &error);
          g_assert_no_error (error);
          g_assert_cmpint (convene_goal_get_plan (goal), ==, convene_action_get_plan (action));
        }
    }
}

static void
expect_refused (const char *contents,
                int         code,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_json_import ("bad.json", contents, strlen (contents), &error);

  g_assert_null (result);
  g_assert_error (error, CONVENE_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "bad.json"));
  if (strstr (error->message, needle) == NULL)
    g_error ("expected “%s” in “%s”", needle, error->message);
}

static void
test_bad_input (void)
{
  expect_refused ("{\"plans\": [{\"id\": 1, \"title\": 2021}], \"people\": []}",
                  CONVENE_IMPORT_ERROR_INVALID, "plans[0].title: expected text");
  expect_refused ("{\"plans\": [{\"id\": 1, \"title\": \"P\", \"sessions\": [{\"id\": 1, \"topic\": \"T\", \"status\": \"maybe\"}]}]}",
                  CONVENE_IMPORT_ERROR_INVALID, "plans[0].sessions[0].status: “maybe” is not one of scheduled");
  expect_refused ("{\"plans\": [{\"id\": 1, \"title\": \"P\", \"sessions\": [{\"id\": 1, \"topic\": \"T\", \"attendance\": [7]}]}], \"people\": []}",
                  CONVENE_IMPORT_ERROR_INVALID, "person 7");
  expect_refused ("{\"plans\": [{\"id\": 1, \"title\": \"P\", \"sessions\": [{\"id\": 1, \"topic\": \"T\", \"attendance\": [1, 1]}]}], \"people\": [{\"id\": 1, \"name\": \"Flor\"}]}",
                  CONVENE_IMPORT_ERROR_INVALID, "as attending twice");
  expect_refused ("{\"plans\": [{\"id\": 1, \"title\": \"P\", \"actions\": [{\"id\": 1, \"title\": \"A\", \"goal\": 4}]}]}",
                  CONVENE_IMPORT_ERROR_INVALID, "goal 4");
  expect_refused ("{\"plans\": [{\"id\": 1, \"title\": \"P\", \"sessions\": [{\"id\": 1, \"topic\": \"T\", \"start\": \"2021-02-23 19:00\"}]}]}",
                  CONVENE_IMPORT_ERROR_INVALID, "2021-02-23 19:00");
  expect_refused ("{\"plans\": [{\"id\": 1, \"title\": \"P\", \"sessions\": [{\"id\": 1, \"topic\": \"T\", \"month\": \"2021-13\"}]}]}",
                  CONVENE_IMPORT_ERROR_INVALID, "2021-13");
  expect_refused ("{\"plans\": [{\"id\": 1, \"title\": \"P\"}, {\"id\": 1, \"title\": \"Q\"}]}",
                  CONVENE_IMPORT_ERROR_INVALID, "used twice");
  expect_refused ("{\"plans\": [{\"id\": 1, \"title\": \"P\", \"sessions\": [",
                  CONVENE_IMPORT_ERROR_SYNTAX, "not complete JSON");
  expect_refused ("[]", CONVENE_IMPORT_ERROR_INVALID, "expected an object");
  expect_refused ("{}", CONVENE_IMPORT_ERROR_EMPTY, "no plans");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/round-trip/byte-identical", test_round_trip);
  g_test_add_func ("/json/shape/key-order", test_key_order);
  g_test_add_func ("/json/import/new-ids-rewrite-references", test_new_ids_rewrite_references);
  g_test_add_func ("/json/import/bad-input", test_bad_input);

  return g_test_run ();
}
