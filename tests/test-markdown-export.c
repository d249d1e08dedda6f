/* test-markdown-export.c: a plan written back in the seeds' own shape, and
 * read back by the document importer to the same plan and sessions. */
#include <glib/gstdio.h>
#include <string.h>

#include "convene-test-dir.h"
#include "import/convene-document-import.h"
#include "import/convene-ics-import.h"
#include "import/convene-json-import.h"
#include "import/convene-import-writer.h"
#include "import/convene-import.h"
#include "export/convene-markdown-export.h"
#include "model/convene-values.h"

typedef struct {
  char         *dir;
  ConveneStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = convene_test_dir_new ("md");
  path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  convene_test_dir_remove (f->dir);
  g_free (f->dir);
}

static ConveneImportResult *
import_document (const char *file,
                 const char *contents,
                 gsize       length)
{
  g_autoptr(GError) error = NULL;
  ConveneImportResult *result = convene_document_import (file, contents, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Imports a fixture into the store and returns the Markdown export. */
static char *
import_and_export (Fixture    *f,
                   const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *markdown;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  result = import_document (path, contents, length);
  g_assert_true (convene_import_result_write (result, f->store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  markdown = convene_markdown_export (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (markdown);
  g_assert_true (g_str_has_suffix (markdown, "\n"));
  return markdown;
}

static char *
dup_field (ConveneEntity      *entity,
           const ConveneField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (field->kind == CONVENE_FIELD_DATETIME)
    return convene_instant_to_string (*(GDateTime **) CONVENE_FIELD_PTR (entity, field));
  if (field->kind == CONVENE_FIELD_BLOG)
    return g_strdup (*(gpointer *) CONVENE_FIELD_PTR (entity, field) != NULL ? "blog" : "none");
  g_object_get_property (G_OBJECT (entity), field->name, &value);
  return g_strdup_value_contents (&value);
}

/* Every field the same, named on failure. */
static void
assert_same (gpointer stored,
             gpointer read_back)
{
  guint n_fields;
  const ConveneField *fields =
    convene_entity_class_get_fields (CONVENE_ENTITY_GET_CLASS (stored), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *a = dup_field (stored, &fields[i]);
      g_autofree char *b = dup_field (read_back, &fields[i]);

      if (g_strcmp0 (a, b) != 0)
        g_error ("%s %" G_GINT64_FORMAT ": %s was %s, read back as %s",
                 G_OBJECT_TYPE_NAME (stored), convene_entity_get_id (stored), fields[i].name, a, b);
    }
}

static void
assert_same_list (ConveneStore *store,
                  GType         type,
                  GPtrArray    *read_back)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = convene_store_query (store, type, "plan", 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, read_back->len);
  for (guint i = 0; i < stored->len; i++)
    assert_same (stored->pdata[i], read_back->pdata[i]);
}

/* Export, import the export: the same plan, goals, actions and sessions. */
static void
assert_round_trip (Fixture    *f,
                   const char *markdown)
{
  g_autoptr(ConveneImportResult) again = import_document ("export.md", markdown, strlen (markdown));
  g_autoptr(GError) error = NULL;
  g_autoptr(ConvenePlan) plan = convene_store_load (f->store, CONVENE_TYPE_PLAN, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (again->plans->len, ==, 1);
  assert_same (plan, again->plans->pdata[0]);
  assert_same_list (f->store, CONVENE_TYPE_GOAL, again->goals);
  assert_same_list (f->store, CONVENE_TYPE_ACTION, again->actions);
  assert_same_list (f->store, CONVENE_TYPE_SESSION, again->sessions);
  /* Nothing doubtful in what Convene itself wrote. */
  for (guint i = 0; i < again->warnings->len; i++)
    g_error ("export.md:%u: %s", ((ConveneImportWarning *) again->warnings->pdata[i])->line,
             ((ConveneImportWarning *) again->warnings->pdata[i])->message);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("the export has no “%s”:\n%s", part, text);
}

static void
test_seed_000 (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *markdown = import_and_export (f, "seed-000-iwg-2021.txt");

  g_assert_true (g_str_has_prefix (markdown, "## Implementation Working Group\n\n# Action Plan 2021\n\n## Goals\n\n"));
  assert_contains (markdown, "\n1. **Building a diverse, inclusive and equitable IWG.** To enable inclusive participation");
  assert_contains (markdown, "\n3. **Enabling meaningful engagements.** To enable more");
  assert_contains (markdown, "\n### Building a diverse, inclusive and equitable IWG\n\nThe purpose of the");
  assert_contains (markdown, "\n## Specific actions\n\n- Draft 2021 calendar using");
  assert_contains (markdown, "\n## Meeting schedule\n\n| Topic | Month | Date |\n|--|--|--|\n");
  assert_contains (markdown, "| Sharing draft action plan and gathering feedback/approval | January | <i>No meeting</i> |\n");
  assert_contains (markdown, " | February | Tuesday 23rd at 7pm London time (2pm ET, 10pm EAT) <i>Paul leads</i> |\n");
  assert_contains (markdown, "| Climate Justice Data: Using data to support climate action | March | "
                             "Tuesday 30th at 5pm EAT (3pm London time, 10am ET) <i>Flor leads</i> |\n");
  assert_contains (markdown, "| Leadership: Steering the design and delivery of data release - <i>Strengthening skills");
  assert_contains (markdown, " | June | Sunday 27th at 7pm London time (2pm ET, 9pm EAT) <i>Paul leads</i> |\n");
  assert_contains (markdown, "| Open by Default | July | <i>Paul leads</i> |\n");
  assert_contains (markdown, " - <i>Building data capabilities</i> - <i>Open data in Subnational governments</i> - ");
  assert_contains (markdown, "| Chief Data Officers roundtable (across government system) | TBC | <i>Based on the first half");
  assert_contains (markdown, "| End of year survey | December | <i>No meeting</i> |\n");
  assert_round_trip (f, markdown);
}

static void
test_seed_001 (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *markdown = import_and_export (f, "seed-001-iwg-2024.txt");

  assert_contains (markdown, "# Action Plan 2024\n\nSince 2023, the ODC IW");
  assert_contains (markdown, "| Data projects fair | June |  |\n");
  assert_contains (markdown, "| SUMMER BREAK | August | <i>No meeting</i> |\n");
  assert_contains (markdown, "chief data officer for education | TBC |  |\n");
  assert_round_trip (f, markdown);
}

static void
test_seed_002 (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *markdown = import_and_export (f, "seed-002-ogp-2016.txt");

  assert_contains (markdown, "# New open data work plan of OGP\n");
  assert_contains (markdown, "1. **Reviewing of action plan.** providing clear guidelines");
  g_assert_null (strstr (markdown, "Meeting schedule"));
  assert_round_trip (f, markdown);
}

static void
test_announcement_call (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *markdown = import_and_export (f, "announcement-iwg-call.txt");

  /* What the seeds have no column for: a length, speakers, a link. */
  assert_contains (markdown, "## Meeting schedule 2021\n");
  assert_contains (markdown, " | March | Tuesday 30th at 2pm - 3:30pm UTC (5pm EAT) "
                             "<i>Notes: Languages: English, with interpretation into Spanish</i> <i>Flor leads</i> "
                             "<i>Speakers: Wanjiru Kamau; Diego Hernández</i> "
                             "<i>Join: https://meet.example.org/iwg-climate</i> |\n");
  assert_round_trip (f, markdown);
}

static void
test_announcement_spanish (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *markdown = import_and_export (f, "announcement-reunion-es.txt");

  /* The text around is Spanish: its sessions are, without saying so. */
  assert_contains (markdown, " | July | Thursday 11th at 10am - 11:30am Mexico City time <i>Lucía Ramírez leads</i>");
  assert_round_trip (f, markdown);
}

static void
test_series (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *markdown = import_and_export (f, "announcement-lac-series.txt");

  assert_contains (markdown, " | January | Monday 8th at 3pm Bogota time (5pm Santiago time, 8pm UTC), "
                             "every other Monday <i>Spanish session</i>");
  assert_contains (markdown, "<i>María Fernández leads</i>");
  assert_round_trip (f, markdown);
}

/* A lead beside a weekly series' rule and beside a cancelled session's
 * status, each in its own italics: read back as the lead alone, the rule
 * and the status kept. */
static void
test_leads (Fixture       *f,
            gconstpointer  data)
{
  static const char json[] =
    "{ \"plans\": [ { \"id\": 1, \"title\": \"Co-chairs 2021\", \"year\": 2021,"
    "  \"status\": \"draft\", \"timezone\": \"America/New_York\", \"extra_timezones\": [],"
    "  \"sessions\": ["
    "    { \"id\": 1, \"topic\": \"Weekly co-chairs call\", \"month\": \"2021-11\","
    "      \"start\": \"2021-11-01T14:00:00Z\", \"timezone\": \"America/New_York\","
    "      \"duration_minutes\": 60, \"recurrence\": \"FREQ=WEEKLY;BYDAY=MO\","
    "      \"status\": \"scheduled\", \"format\": \"meeting\", \"language\": \"en\","
    "      \"lead\": \"Paul\" },"
    "    { \"id\": 2, \"topic\": \"Budget review\", \"month\": \"2021-12\","
    "      \"start\": \"2021-12-07T15:00:00Z\", \"timezone\": \"America/New_York\","
    "      \"duration_minutes\": 60, \"status\": \"cancelled\", \"format\": \"meeting\","
    "      \"language\": \"en\", \"lead\": \"Flor Martínez\" } ] } ] }";
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  result = convene_json_import ("plan.json", json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, f->store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  markdown = convene_markdown_export (f->store, 1, &error);
  g_assert_no_error (error);
  assert_contains (markdown, ", every Monday <i>Paul leads</i> |\n");
  assert_contains (markdown, "<i>Cancelled</i> <i>Flor Martínez leads</i> |\n");
  assert_round_trip (f, markdown);
}

/* A series from Google Calendar with its changed meetings: the series'
 * row, then a row for each meeting as it will be (moved, cancelled, led by
 * someone else), none for the two taken out; read back, the series is one
 * session again and its meetings no sessions of their own. */
static void
test_series_meetings (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ics-google-series.ics", NULL);
  g_autofree char *contents = NULL, *markdown = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConveneImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  result = convene_ics_import (path, contents, length, &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, f->store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  markdown = convene_markdown_export (f->store, 1, &error);
  g_assert_no_error (error);

  assert_contains (markdown, "| Weekly standards call | March | Tuesday 11th at 7pm London time "
                             "<i>One meeting of the series</i> |\n");
  assert_contains (markdown, "| Weekly standards call (moved to Wednesday) | April | Wednesday 2nd at "
                             "6pm - 7:30pm London time <i>One meeting of the series, moved from "
                             "Tuesday 1 April 2025 at 7pm</i> |\n");
  assert_contains (markdown, "| May | Tuesday 27th at 7pm London time <i>Cancelled</i> "
                             "<i>One meeting of the series</i> |\n");
  assert_contains (markdown, "| October | Tuesday 28th at 7pm London time <i>Flor Martínez leads</i> "
                             "<i>One meeting of the series</i> |\n");
  /* The EXDATEs: 15 April and 26 August are not there; 1 April moved. */
  g_assert_null (strstr (markdown, "| April | Tuesday 15th at 7pm"));
  g_assert_null (strstr (markdown, "| August | Tuesday 26th at 7pm"));
  g_assert_null (strstr (markdown, "| April | Tuesday 1st at 7pm"));

  again = import_document ("export.md", markdown, strlen (markdown));
  g_assert_cmpuint (again->sessions->len, ==, 3);
  g_assert_cmpstr (convene_session_get_recurrence (again->sessions->pdata[0]), ==,
                   "FREQ=WEEKLY;UNTIL=20251104T190000Z;BYDAY=TU");
  for (guint i = 0; i < again->warnings->len; i++)
    g_error ("export.md:%u: %s", ((ConveneImportWarning *) again->warnings->pdata[i])->line,
             ((ConveneImportWarning *) again->warnings->pdata[i])->message);
}

/* A weekly series through the year with one meeting moved to the Wednesday, one
 * cancelled, one led by someone else and one taken out. */
#define SERIES_JSON(title, summary, topic, rule, language) \
  "{ \"plans\": [ { \"id\": 1, \"title\": \"" title "\", \"year\": 2021," \
  "  \"summary\": \"" summary "\", \"status\": \"draft\"," \
  "  \"timezone\": \"America/New_York\", \"extra_timezones\": [\"Europe/London\"]," \
  "  \"sessions\": [ { \"id\": 1, \"topic\": \"" topic "\"," \
  "    \"month\": \"2021-02\", \"start\": \"2021-02-01T15:00:00Z\"," \
  "    \"timezone\": \"America/New_York\", \"duration_minutes\": 30," \
  "    \"recurrence\": \"" rule "\", \"status\": \"scheduled\"," \
  "    \"format\": \"meeting\", \"language\": \"" language "\", \"lead\": \"Paul\"," \
  "    \"exceptions\": [" \
  "      { \"occurrence\": \"2021-02-15T15:00:00Z\", \"kind\": \"changed\"," \
  "        \"start\": \"2021-02-17T16:00:00Z\", \"status\": \"scheduled\" }," \
  "      { \"occurrence\": \"2021-03-01T15:00:00Z\", \"kind\": \"changed\"," \
  "        \"status\": \"cancelled\" }," \
  "      { \"occurrence\": \"2021-03-08T15:00:00Z\", \"kind\": \"removed\" }," \
  "      { \"occurrence\": \"2021-02-25T16:00:00Z\", \"kind\": \"added\" }," \
  "      { \"occurrence\": \"2021-02-25T16:00:00Z\", \"kind\": \"changed\"," \
  "        \"topic\": \"Extra co-chairs call\", \"status\": \"scheduled\" }," \
  "      { \"occurrence\": \"2021-03-22T14:00:00Z\", \"kind\": \"changed\"," \
  "        \"lead\": \"Flor\", \"topic\": \"Co-chairs call: the budget\"," \
  "        \"status\": \"scheduled\" } ] } ] } ] }"

static const char series_json[] =
  SERIES_JSON ("Co-chairs 2021", "The co-chairs meet every Monday.", "Weekly co-chairs call",
               "FREQ=WEEKLY;BYDAY=MO", "en");
/* Ten meetings, so that the rows' few English words do not outweigh the
 * Spanish of the plan: the importer reads it as Spanish. */
static const char series_json_es[] =
  SERIES_JSON ("Plan de trabajo 2021",
               "El grupo de trabajo se reúne cada lunes para revisar los datos abiertos de la región "
               "y de sus países, con las personas que lo coordinan y con los equipos de cada uno de "
               "los gobiernos de la red, para que la llamada sea una de las que se esperan.",
               "Llamada semanal de coordinación", "FREQ=WEEKLY;COUNT=10;BYDAY=MO", "es");

/* Imports @json into @store and returns the plan's Markdown export. */
static char *
json_to_markdown (ConveneStore *store,
                  const char   *json)
{
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *markdown;

  result = convene_json_import ("plan.json", json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  markdown = convene_markdown_export (store, 1, &error);
  g_assert_no_error (error);
  return markdown;
}

/* Every exception in @store, one line each, its series named by topic, in
 * order: what two stores are compared by. */
static char *
describe_exceptions (ConveneStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exceptions = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION, NULL, 0, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < exceptions->len; i++)
    {
      ConveneEntity *e = exceptions->pdata[i];
      g_autoptr(ConveneSession) series = convene_store_load (store, CONVENE_TYPE_SESSION,
                                                             convene_session_exception_get_session (exceptions->pdata[i]),
                                                             &error);
      g_autoptr(GString) line = g_string_new (convene_session_get_topic (series));
      guint n_fields;
      const ConveneField *fields = convene_entity_class_get_fields (CONVENE_ENTITY_GET_CLASS (e), &n_fields);

      g_assert_no_error (error);
      for (guint f = 0; f < n_fields; f++)
        if (!g_str_equal (fields[f].name, "id") && !g_str_equal (fields[f].name, "session"))
          {
            g_autofree char *value = dup_field (e, &fields[f]);

            g_string_append_printf (line, " %s=%s", fields[f].name, value);
          }
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  g_ptr_array_sort_values (lines, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* JSON, the store, Markdown, the document importer, a second store: the
 * series' exceptions the same in both stores, none of its meetings a
 * session of its own, and nothing to warn about. */
static void
assert_exceptions_round_trip (Fixture    *f,
                              const char *json,
                              const char *spanish)
{
  g_autofree char *markdown = json_to_markdown (f->store, json);
  g_autofree char *path = g_build_filename (f->dir, "again.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneStore) again = convene_store_new (path, &error);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_no_error (error);
  assert_contains (markdown, "| February | Wednesday 17th at 11am - 11:30am ET (4pm London time) "
                             "<i>Paul leads</i> <i>One meeting of the series, moved from "
                             "Monday 15 February 2021 at 10am</i> |\n");
  assert_contains (markdown, "| March | Monday 1st at 10am - 10:30am ET (3pm London time) "
                             "<i>Cancelled</i> <i>Paul leads</i> <i>One meeting of the series</i> |\n");
  assert_contains (markdown, "| Co-chairs call: the budget | March | Monday 22nd at 10am - 10:30am ET "
                             "(2pm London time) <i>Flor leads</i> <i>One meeting of the series</i> |\n");
  assert_contains (markdown, "| Extra co-chairs call | February | Thursday 25th at 11am - 11:30am ET "
                             "(4pm London time) <i>Paul leads</i> <i>One meeting of the series, "
                             "added</i> |\n");
  g_assert_null (strstr (markdown, "| March | Monday 8th"));
  result = import_document ("export.md", markdown, strlen (markdown));
  for (guint i = 0; i < result->warnings->len; i++)
    g_error ("export.md:%u: %s", ((ConveneImportWarning *) result->warnings->pdata[i])->line,
             ((ConveneImportWarning *) result->warnings->pdata[i])->message);
  g_assert_cmpuint (result->sessions->len, ==, 1);
  g_assert_cmpstr (convene_session_get_language (result->sessions->pdata[0]), ==, spanish ? "es" : "en");
  g_assert_true (convene_import_result_write (result, again, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);

  before = describe_exceptions (f->store);
  after = describe_exceptions (again);
  g_assert_cmpstr (after, ==, before);
  /* The JSON's five, none lost on the way. */
  g_assert_nonnull (strstr (before, "start=2021-02-17T16:00:00Z"));
  g_assert_nonnull (strstr (before, "CONVENE_SESSION_STATUS_CANCELLED"));
  g_assert_nonnull (strstr (before, "CONVENE_EXCEPTION_KIND_REMOVED"));
  g_assert_nonnull (strstr (before, "lead=\"Flor\""));
  g_assert_nonnull (strstr (before, "CONVENE_EXCEPTION_KIND_ADDED"));
  g_assert_nonnull (strstr (before, "topic=\"Extra co-chairs call\""));
}

static void
test_series_exceptions (Fixture       *f,
                        gconstpointer  data)
{
  assert_exceptions_round_trip (f, series_json, NULL);
}

/* The same in a plan written in Spanish, whose sessions are Spanish
 * without saying so. */
static void
test_series_exceptions_spanish (Fixture       *f,
                                gconstpointer  data)
{
  assert_exceptions_round_trip (f, series_json_es, "es");
}

/* The Google Calendar series, exported and read back: its exceptions the
 * same, the two taken out included. */
static void
test_series_exceptions_ics (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ics-google-series.ics", NULL);
  g_autofree char *again_path = g_build_filename (f->dir, "again.db", NULL);
  g_autofree char *contents = NULL, *markdown = NULL, *before = NULL, *after = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConveneImportResult) read_back = NULL;
  g_autoptr(ConveneStore) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  result = convene_ics_import (path, contents, length, &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, f->store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  markdown = convene_markdown_export (f->store, 1, &error);
  g_assert_no_error (error);
  read_back = import_document ("export.md", markdown, strlen (markdown));
  g_assert_cmpuint (read_back->warnings->len, ==, 0);
  again = convene_store_new (again_path, &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (read_back, again, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);

  before = describe_exceptions (f->store);
  after = describe_exceptions (again);
  g_assert_cmpstr (after, ==, before);
}

/* A weekly Monday call of the plan's year 2021, 10am New York, with
 * @exceptions (JSON objects, comma-separated). */
#define EDGE_JSON(rule, exceptions) \
  "{ \"plans\": [ { \"id\": 1, \"title\": \"Co-chairs 2021\", \"year\": 2021," \
  "  \"summary\": \"The co-chairs meet on Mondays.\", \"status\": \"draft\"," \
  "  \"timezone\": \"America/New_York\"," \
  "  \"sessions\": [ { \"id\": 1, \"topic\": \"Weekly co-chairs call\"," \
  "    \"month\": \"2021-11\", \"start\": \"2021-11-01T14:00:00Z\"," \
  "    \"timezone\": \"America/New_York\", \"duration_minutes\": 30," \
  "    \"recurrence\": \"" rule "\", \"status\": \"scheduled\"," \
  "    \"format\": \"meeting\", \"language\": \"en\", \"lead\": \"Paul\"," \
  "    \"exceptions\": [ " exceptions " ] } ] } ] }"

/* JSON, the store, Markdown, the document importer, a second store: the
 * same series (rule, first start and every other field), the same
 * exceptions, one session, no warning, and the second store's export the
 * same text as the first's.  Returns the first export. */
static char *
assert_edge_round_trip (Fixture    *f,
                        const char *json)
{
  g_autofree char *markdown = json_to_markdown (f->store, json);
  g_autofree char *path = g_build_filename (f->dir, "again.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneStore) again = convene_store_new (path, &error);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConveneSession) series = NULL;
  g_autoptr(ConveneSession) series_again = NULL;
  g_autofree char *before = NULL, *after = NULL, *markdown_again = NULL;

  g_assert_no_error (error);
  result = import_document ("export.md", markdown, strlen (markdown));
  for (guint i = 0; i < result->warnings->len; i++)
    g_error ("export.md:%u: %s\n%s", ((ConveneImportWarning *) result->warnings->pdata[i])->line,
             ((ConveneImportWarning *) result->warnings->pdata[i])->message, markdown);
  g_assert_cmpuint (result->sessions->len, ==, 1);
  g_assert_true (convene_import_result_write (result, again, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  before = describe_exceptions (f->store);
  after = describe_exceptions (again);
  if (g_strcmp0 (before, after) != 0)
    g_error ("the exceptions were\n%sand were read back as\n%sfrom\n%s", before, after, markdown);
  series = convene_store_load (f->store, CONVENE_TYPE_SESSION, 1, &error);
  g_assert_no_error (error);
  series_again = convene_store_load (again, CONVENE_TYPE_SESSION, 1, &error);
  g_assert_no_error (error);
  assert_same (series, series_again);
  markdown_again = convene_markdown_export (again, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (markdown_again, ==, markdown);
  return g_steal_pointer (&markdown);
}

/* Every other meeting taken out, the last one too. */
static void
test_series_every_other_taken_out (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *markdown = NULL;

  markdown = assert_edge_round_trip (f, EDGE_JSON ("FREQ=WEEKLY;COUNT=6;BYDAY=MO",
    "{ \"occurrence\": \"2021-11-08T15:00:00Z\", \"kind\": \"removed\" },"
    "{ \"occurrence\": \"2021-11-22T15:00:00Z\", \"kind\": \"removed\" },"
    "{ \"occurrence\": \"2021-12-06T15:00:00Z\", \"kind\": \"removed\" }"));
}

/* The first meeting taken out (an EXDATE on the DTSTART): the series' row
 * still names the day the rule starts, and a row under it says that
 * meeting was taken out, so it is not read back as a meeting. */
static void
test_series_first_taken_out (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *markdown = NULL;

  markdown = assert_edge_round_trip (f, EDGE_JSON ("FREQ=WEEKLY;COUNT=6;BYDAY=MO",
    "{ \"occurrence\": \"2021-11-01T14:00:00Z\", \"kind\": \"removed\" },"
    "{ \"occurrence\": \"2021-11-15T15:00:00Z\", \"kind\": \"removed\" }"));
  assert_contains (markdown, "| Weekly co-chairs call | November | Monday 1st at 10am - 10:30am ET, "
                             "RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=MO <i>Paul leads</i> |\n");
  assert_contains (markdown, "| Weekly co-chairs call | November | Monday 1st at 10am - 10:30am ET "
                             "<i>One meeting of the series, taken out</i> |\n");
  g_assert_null (strstr (markdown, "Monday 15th"));
}

/* The last meeting of the year moved into the next (27 December to
 * Tuesday 4 January): listed where it is, in January 2022, and read back
 * as moved rather than taken out. */
static void
test_series_moved_after_year (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *markdown = NULL;

  markdown = assert_edge_round_trip (f, EDGE_JSON ("FREQ=WEEKLY;BYDAY=MO",
    "{ \"occurrence\": \"2021-12-27T15:00:00Z\", \"kind\": \"changed\","
    "  \"start\": \"2022-01-04T15:00:00Z\", \"topic\": \"New year co-chairs call\","
    "  \"status\": \"scheduled\" }"));
  assert_contains (markdown, "| New year co-chairs call | January 2022 | Tuesday 4th January 2022 at 10am - "
                             "10:30am ET <i>Paul leads</i> <i>One meeting of the series, moved from "
                             "Monday 27 December 2021 at 10am</i> |\n");
}

/* A meeting of the next year moved into this one, from further than a
 * month or two away (7 March 2022 to Thursday 30 December), and a first
 * meeting moved into the month before the series starts: each listed
 * where it is, and read back moved. */
static void
test_series_moved_into_year (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *markdown = NULL;

  markdown = assert_edge_round_trip (f, EDGE_JSON ("FREQ=WEEKLY;BYDAY=MO",
    "{ \"occurrence\": \"2022-03-07T15:00:00Z\", \"kind\": \"changed\","
    "  \"start\": \"2021-12-30T15:00:00Z\", \"status\": \"scheduled\" },"
    "{ \"occurrence\": \"2021-11-01T14:00:00Z\", \"kind\": \"changed\","
    "  \"start\": \"2021-10-29T14:00:00Z\", \"status\": \"scheduled\" }"));
  assert_contains (markdown, "| December | Thursday 30th at 10am - 10:30am ET <i>Paul leads</i> "
                             "<i>One meeting of the series, moved from Monday 7 March 2022 at 10am</i> |\n");
  assert_contains (markdown, "| October | Friday 29th at 10am - 10:30am ET <i>Paul leads</i> "
                             "<i>One meeting of the series, moved from Monday 1 November 2021 at 10am</i> |\n");
}

static const ConveneImportWarning *
warning_on (ConveneImportResult *result,
            const char          *markdown,
            const char          *row)
{
  const char *at = strstr (markdown, row);
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = markdown; p < at; p++)
    line += *p == '\n';
  for (guint i = 0; i < result->warnings->len; i++)
    {
      const ConveneImportWarning *w = result->warnings->pdata[i];

      if (w->line == line)
        return w;
    }
  g_error ("no warning on line %u (%s)", line, row);
  return NULL;
}

/* A row of a meeting the rule does not give, moved from none, or under no
 * series is said, quoted, and makes neither a session nor an exception. */
static void
test_series_stray_meeting (Fixture       *f,
                           gconstpointer  data)
{
  static const char stray[] =
    "| Weekly co-chairs call | February | Thursday 11th at 10am - 10:30am ET <i>Paul leads</i> "
    "<i>One meeting of the series</i> |\n";
  static const char nowhere[] =
    "| Weekly co-chairs call | February | Friday 19th at 10am - 10:30am ET <i>Paul leads</i> "
    "<i>One meeting of the series, moved from Tuesday 16 February 2021 at 10am</i> |\n";
  static const char again[] =
    "| Weekly co-chairs call | February | Monday 22nd at 10am - 10:30am ET <i>Paul leads</i> "
    "<i>One meeting of the series, added</i> |\n";
  static const char orphan[] =
    "| Lone call | June | Monday 7th at 10am ET <i>One meeting of the series</i> |\n";
  g_autofree char *markdown = json_to_markdown (f->store, series_json);
  g_autoptr(GString) edited = g_string_new (markdown);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConveneImportResult) plain = NULL;
  const char *after = strstr (markdown, "Monday 8th at 10am - 10:30am ET (3pm London time) <i>Paul leads</i>");
  const ConveneImportWarning *w;

  g_assert_nonnull (after);
  after = strchr (after, '\n') + 1;
  g_string_insert (edited, after - markdown, again);
  g_string_insert (edited, after - markdown, nowhere);
  g_string_insert (edited, after - markdown, stray);
  g_string_append (edited, "\n## Other meetings\n\n| Topic | Month | Date |\n|--|--|--|\n");
  g_string_append (edited, orphan);

  plain = import_document ("export.md", markdown, strlen (markdown));
  result = import_document ("edited.md", edited->str, edited->len);
  g_assert_cmpuint (result->sessions->len, ==, 1);
  g_assert_cmpuint (result->exceptions->len, ==, plain->exceptions->len);
  g_assert_cmpuint (result->warnings->len, ==, 4);
  w = warning_on (result, edited->str, stray);
  g_assert_nonnull (strstr (w->message, "Thursday 11th at 10am - 10:30am ET"));
  w = warning_on (result, edited->str, nowhere);
  g_assert_nonnull (strstr (w->message, "Tuesday 16 February 2021 at 10am"));
  g_assert_nonnull (strstr (w->message, "Friday 19th at 10am"));
  w = warning_on (result, edited->str, again);
  g_assert_nonnull (strstr (w->message, "already meets"));
  w = warning_on (result, edited->str, orphan);
  g_assert_nonnull (strstr (w->message, "Lone call"));
}

static void
test_missing_plan (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = convene_markdown_export (f->store, 0, &error);

  g_assert_null (markdown);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  markdown = convene_markdown_export (f->store, 42, &error);
  g_assert_null (markdown);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "42"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/markdown/round-trip/seed-000", test_seed_000, NULL);
  ADD ("/markdown/round-trip/seed-001", test_seed_001, NULL);
  ADD ("/markdown/round-trip/seed-002", test_seed_002, NULL);
  ADD ("/markdown/round-trip/announcement-call", test_announcement_call, NULL);
  ADD ("/markdown/round-trip/announcement-spanish", test_announcement_spanish, NULL);
  ADD ("/markdown/round-trip/series", test_series, NULL);
  ADD ("/markdown/round-trip/leads", test_leads, NULL);
  ADD ("/markdown/series-meetings", test_series_meetings, NULL);
  ADD ("/markdown/round-trip/series-exceptions", test_series_exceptions, NULL);
  ADD ("/markdown/round-trip/series-exceptions-spanish", test_series_exceptions_spanish, NULL);
  ADD ("/markdown/round-trip/series-exceptions-ics", test_series_exceptions_ics, NULL);
  ADD ("/markdown/round-trip/series-every-other-taken-out", test_series_every_other_taken_out, NULL);
  ADD ("/markdown/round-trip/series-first-taken-out", test_series_first_taken_out, NULL);
  ADD ("/markdown/round-trip/series-moved-after-year", test_series_moved_after_year, NULL);
  ADD ("/markdown/round-trip/series-moved-into-year", test_series_moved_into_year, NULL);
  ADD ("/markdown/series-stray-meeting", test_series_stray_meeting, NULL);
  ADD ("/markdown/missing-plan", test_missing_plan, NULL);
#undef ADD
  return g_test_run ();
}
