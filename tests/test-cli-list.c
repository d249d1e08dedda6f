/* test-cli-list.c: `convene-cli list sessions` as its reader sees it: which
 * sessions, in which order, at which local times, and the table itself. */
#include <glib/gstdio.h>
#include <string.h>

#include "convene-test-cli.h"
#include "convene-test-dir.h"

typedef struct {
  char *dir;
  char *db;
} Fixture;

static int
run_cli_argv (Fixture            *f,
              const char         *tz,
              char              **out,
              char              **err,
              const char * const *argv)
{
  g_autofree char *zone = g_strdup_printf ("TZ=%s", tz);
  const char * const env[] = { zone, NULL };

  return convene_test_cli_run (f->db, env, out, err, argv);
}

/* Runs convene-cli on the fixture's database for a user in @tz, in English. */
static int
run_cli_in (Fixture     *f,
            const char  *tz,
            char       **out,
            char       **err,
            const char  *first,
            ...)
{
  g_autofree char *zone = g_strdup_printf ("TZ=%s", tz);
  const char * const env[] = { zone, NULL };
  va_list ap;
  int status;

  va_start (ap, first);
  status = convene_test_cli_run_va (f->db, env, out, err, first, ap);
  va_end (ap);
  return status;
}

/* The sessions `list sessions ARGS...` shows to a user in Mexico City, as
 * the first column of every line but the header, space-separated. */
static char *
list_ids (Fixture            *f,
          const char * const *options)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  g_ptr_array_add (argv, "list");
  g_ptr_array_add (argv, "sessions");
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) options[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (run_cli_argv (f, "America/Mexico_City", &out, NULL,
                                 (const char * const *) argv->pdata), ==, 0);

  lines = g_strsplit (out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "ID  "));
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autofree char *id = g_strndup (lines[i], strcspn (lines[i], " "));

      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define OPTIONS(...) ((const char * const []) { __VA_ARGS__ })

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sessions = g_test_build_filename (G_TEST_DIST, "fixtures", "sessions-three-years.json", NULL);
  g_autofree char *report = NULL;

  if (g_getenv ("CONVENE_CLI") == NULL)
    {
      g_test_skip ("CONVENE_CLI is not set");
      return;
    }
  f->dir = convene_test_dir_new ("cli-list");
  f->db = g_build_filename (f->dir, "convene.db", NULL);
  g_assert_cmpint (run_cli_in (f, "UTC", &report, NULL, "import", sessions, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dir != NULL)
    convene_test_dir_remove (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static void
test_year (Fixture *f, gconstpointer data)
{
  g_autofree char *y2025 = NULL;
  g_autofree char *y2024 = NULL;
  g_autofree char *y2030 = NULL;

  if (f->dir == NULL)
    return;
  /* By month; in March the dated sessions by start (18 is on 1 March in
   * Tokyo, 28 February in UTC; 11 and 21 share a start), then the session
   * with only a month.  Sessions to be confirmed have no year. */
  y2025 = list_ids (f, OPTIONS ("--year", "2025", NULL));
  g_assert_cmpstr (y2025, ==, "20 18 11 21 12 10 16 22");
  /* The year is the organiser's: 2 am UTC on New Year's Day is still
   * New Year's Eve in California. */
  y2024 = list_ids (f, OPTIONS ("--year", "2024", NULL));
  g_assert_cmpstr (y2024, ==, "13 17");
  y2030 = list_ids (f, OPTIONS ("--year", "2030", NULL));
  g_assert_cmpstr (y2030, ==, "");
}

static void
test_everything_tbc_last (Fixture *f, gconstpointer data)
{
  g_autofree char *all = NULL;

  if (f->dir == NULL)
    return;
  all = list_ids (f, OPTIONS (NULL));
  g_assert_cmpstr (all, ==, "13 17 20 18 11 21 12 10 16 22 14 15 23");
}

static void
test_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *plan2 = NULL;
  g_autofree char *plan2_2025 = NULL;
  g_autofree char *plan1_2026 = NULL;

  if (f->dir == NULL)
    return;
  plan2 = list_ids (f, OPTIONS ("--plan", "2", NULL));
  g_assert_cmpstr (plan2, ==, "20 21 22 23");
  plan2_2025 = list_ids (f, OPTIONS ("--year", "2025", "--plan", "2", NULL));
  g_assert_cmpstr (plan2_2025, ==, "20 21 22");
  plan1_2026 = list_ids (f, OPTIONS ("--plan", "1", "--year", "2026", NULL));
  g_assert_cmpstr (plan1_2026, ==, "14");
}

/* The line of the session with @id, from the listing in @out. */
static char *
line_of (const char *out,
         const char *id)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], id) && lines[i][strlen (id)] == ' ')
      return g_strdup (lines[i]);
  g_error ("no session %s in:\n%s", id, out);
}

static void
test_local_times (Fixture *f, gconstpointer data)
{
  g_autofree char *mexico = NULL;
  g_autofree char *kolkata = NULL;
  g_autofree char *line = NULL;

  if (f->dir == NULL)
    return;
  g_assert_cmpint (run_cli_in (f, "America/Mexico_City", &mexico, NULL, "list", "sessions", NULL), ==, 0);
  /* 13:00 UTC in March: 14:00 in Madrid, 07:00 in Mexico City. */
  line = line_of (mexico, "11");
  g_assert_nonnull (strstr (line, "2025-03-04 14:00 CET   2025-03-04 07:00 CST"));
  g_clear_pointer (&line, g_free);
  /* Summer time in London, none in Mexico since 2022. */
  line = line_of (mexico, "16");
  g_assert_nonnull (strstr (line, "2025-07-01 17:00 BST   2025-07-01 10:00 CST"));
  g_clear_pointer (&line, g_free);
  /* Summer time in Sydney is in January, and the day before in Mexico. */
  line = line_of (mexico, "20");
  g_assert_nonnull (strstr (line, "2025-01-15 11:00 AEDT  2025-01-14 18:00 CST"));
  g_clear_pointer (&line, g_free);

  g_assert_cmpint (run_cli_in (f, "Asia/Kolkata", &kolkata, NULL, "list", "sessions", "--year", "2025", NULL), ==, 0);
  line = line_of (kolkata, "12");
  g_assert_nonnull (strstr (line, "2025-03-20 18:00 JST   2025-03-20 14:30 IST"));
}

static void
test_bad_year (Fixture *f, gconstpointer data)
{
  const char *bad[] = { "20x5", "0", "0000", "202", "20255", "-2025", "" };

  if (f->dir == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s” is not a year", bad[i]);

      g_assert_cmpint (run_cli_in (f, "UTC", &out, &err, "list", "sessions", "--year", bad[i], NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      if (strstr (err, quoted) == NULL)
        g_error ("expected “%s” in “%s”", quoted, err);
    }

  /* Only sessions have a year to list by. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli_in (f, "UTC", NULL, &err, "list", "plans", "--year", "2025", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "--year"));
  }
}

/* The whole table: columns padded by characters (José Ñúñez), two spaces
 * apart, the last one unpadded, long topics cut with an ellipsis. */
static void
test_table (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  const char *expected =
    "ID  PLAN  WHEN (ORGANISER)       YOUR TIME             STATUS      LANG  LEAD        TOPIC\n"
    "13  1     2024-12-10 15:00 GMT   2024-12-10 09:00 CST  Held        en                Last year\n"
    "17  1     2024-12-31 18:00 PST   2024-12-31 20:00 CST  Scheduled   en                New Year's Eve in California\n"
    "20  2     2025-01-15 11:00 AEDT  2025-01-14 18:00 CST  Scheduled   en    Flor        Sydney morning\n"
    "18  1     2025-03-01 08:30 JST   2025-02-28 17:30 CST  Scheduled   en                Early March in Tokyo\n"
    "11  1     2025-03-04 14:00 CET   2025-03-04 07:00 CST  Scheduled   en    Ana         Madrid call\n"
    "21  2     2025-03-04 14:00 CET   2025-03-04 07:00 CST  Scheduled   es    José Ñúñez  Reunión de coordinación regional sobre datos abiertos y par…\n"
    "12  1     2025-03-20 18:00 JST   2025-03-20 03:00 CST  Scheduled   ja    Kenji       Tokyo call\n"
    "10  1     2025-03                                      Tentative   en                Month-only in March\n"
    "16  1     2025-07-01 17:00 BST   2025-07-01 10:00 CST  Cancelled   en                Summer in London\n"
    "22  2     2025-12                                      No meeting  en                Year-end review\n"
    "14  1     2026-01-05 10:00 UTC   2026-01-05 04:00 CST  Scheduled   en                Next year\n"
    "15  1     TBC                                          Tentative   en                Date to be confirmed\n"
    "23  2     TBC                                          Tentative   en                Someday\n";

  if (f->dir == NULL)
    return;
  g_assert_cmpint (run_cli_in (f, "America/Mexico_City", &out, NULL, "list", "sessions", NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/list/sessions/year", test_year);
  ADD ("/cli/list/sessions/everything-tbc-last", test_everything_tbc_last);
  ADD ("/cli/list/sessions/plan", test_plan);
  ADD ("/cli/list/sessions/local-times", test_local_times);
  ADD ("/cli/list/sessions/bad-year", test_bad_year);
  ADD ("/cli/list/sessions/table", test_table);
#undef ADD

  return g_test_run ();
}
