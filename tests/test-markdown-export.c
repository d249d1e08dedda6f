/* test-markdown-export.c: a plan written back in the seeds' own shape, and
 * read back by the document importer to the same plan and sessions. */
#include <glib/gstdio.h>
#include <string.h>

#include "import/convene-document-import.h"
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

  f->dir = g_dir_make_tmp ("convene-md-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
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
  ADD ("/markdown/missing-plan", test_missing_plan, NULL);
#undef ADD
  return g_test_run ();
}
