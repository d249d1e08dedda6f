/* test-cli-import-zone.c: `convene-cli import --zone`, the zone a
 * coordinator gives for the times a document writes without one, as a
 * script sees it: the instants exported, the warning naming the zone, a
 * zone Convene does not know refused with nothing written, and a text that
 * names its own place keeping it.  Runs the convene-cli that $CONVENE_CLI
 * names; expected instants are worked out with GTimeZone. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "convene-test-cli.h"
#include "convene-test-dir.h"

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *cli = g_getenv ("CONVENE_CLI");

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("CONVENE_CLI does not name a built convene-cli");
      return;
    }
  f->dir = convene_test_dir_new ("import-zone");
  f->db = g_build_filename (f->dir, "convene.db", NULL);
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

/* Runs convene-cli on the fixture's database with ARGS..., in English, the
 * user's own zone Tokyo's (so that a time read in it would show), the
 * clock pinned before the meetings below. */
static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  static const char * const env[] = {
    "TZ=Asia/Tokyo", "LC_ALL=C.UTF-8", "CONVENE_NOW=2018-04-20T12:00:00Z", NULL
  };
  va_list ap;
  int status;

  va_start (ap, first);
  status = convene_test_cli_run_va (f->db, env, out, err, first, ap);
  va_end (ap);
  return status;
}

static char *
write_text (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The first plan of the database's JSON export. */
static JsonObject *
export_first_plan (Fixture    *f,
                   JsonParser *parser)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *plans;

  g_assert_cmpint (run_cli (f, &out, NULL, "export", "--format", "json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  plans = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "plans");
  g_assert_cmpuint (json_array_get_length (plans), ==, 1);
  return json_array_get_object_element (plans, 0);
}

/* @hour:00 on @day of April 2018 in @zone, as the export writes a start. */
static char *
expected_start (const char *zone,
                int         day,
                int         hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_assert_nonnull (tz);
  local = g_date_time_new (tz, 2018, 4, day, hour, 0, 0);
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Imports @path with @zone_option (NULL for none) into a new database and
 * checks its one session: at @hour on @day read in @zone, fixed in it, and
 * the warning saying that @zone was assumed. */
static void
check_one_session (Fixture    *f,
                   const char *path,
                   const char *zone_option,
                   const char *zone,
                   int         day,
                   int         hour)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *err = NULL;
  g_autofree char *start = expected_start (zone, day, hour);
  g_autofree char *warning = g_strdup_printf ("warning: No time zone given; read as %s.", zone);
  JsonObject *plan;
  JsonArray *sessions;
  JsonObject *session;

  g_remove (f->db);
  if (zone_option != NULL)
    g_assert_cmpint (run_cli (f, NULL, &err, "import", "--zone", zone_option, path, NULL), ==, 0);
  else
    g_assert_cmpint (run_cli (f, NULL, &err, "import", path, NULL), ==, 0);
  if (strstr (err, warning) == NULL)
    g_error ("expected “%s” in “%s”", warning, err);

  plan = export_first_plan (f, parser);
  sessions = json_object_get_array_member (plan, "sessions");
  g_assert_cmpuint (json_array_get_length (sessions), ==, 1);
  session = json_array_get_object_element (sessions, 0);
  g_assert_cmpstr (json_object_get_string_member (session, "start"), ==, start);
  g_assert_cmpstr (json_object_get_string_member (session, "timezone"), ==, zone);
  /* The plan's home zone is the one its times were read in: its sessions
   * are shown there.  A plan read as UTC for want of any has none. */
  if (g_strcmp0 (zone, "UTC") != 0)
    g_assert_cmpstr (json_object_get_string_member (plan, "timezone"), ==, zone);
}

/* A notice of a neighbourhood assembly that names a street and no city:
 * "15hs." is three in the afternoon where the coordinator says. */
static const char notice[] =
  "ASAMBLEA DEL CONSEJO VECINAL\n"
  "\n"
  "Se invita a los vecinos a la asamblea del sábado 28 de abril de 2018 a las 15hs. "
  "en el salón de la calle Castro Barros 400.\n";

static void
test_zone_assumed (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  if (f->dir == NULL)
    return;
  path = write_text (f, "asamblea.txt", notice);
  check_one_session (f, path, "America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires", 28, 15);
  /* A city the zone chooser knows will do as well as the IANA name. */
  check_one_session (f, path, "Buenos Aires", "America/Argentina/Buenos_Aires", 28, 15);
  /* Without the option the time is UTC, as before, and said so. */
  check_one_session (f, path, NULL, "UTC", 28, 15);
}

static void
test_zone_dry_run (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (f->dir == NULL)
    return;
  path = write_text (f, "asamblea.txt", notice);
  g_assert_cmpint (run_cli (f, &out, &err, "import", "--dry-run", "--zone", "America/Argentina/Buenos_Aires",
                            path, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "No time zone given; read as America/Argentina/Buenos_Aires."));
  /* The preview lists the session at 15:00 in the zone assumed. */
  g_assert_nonnull (strstr (out, "2018-04-28 15:00 America/Argentina/Buenos_Aires"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_zone_unknown (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  if (f->dir == NULL)
    return;
  path = write_text (f, "asamblea.txt", notice);
  g_assert_cmpint (run_cli (f, &out, &err, "import", "--zone", "Mars/Olympus_Mons", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "unknown time zone or city “Mars/Olympus_Mons”"));
  g_assert_cmpstr (out, ==, "");
  /* Refused before anything was opened: not even an empty database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  /* Into a database that holds a plan already, it stays as it was. */
  g_assert_cmpint (run_cli (f, NULL, NULL, "import", path, NULL), ==, 0);
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *other = write_text (f, "otra.txt",
                                         "OTRA ASAMBLEA\n\nEl sábado 5 de mayo de 2018 a las 10hs.\n");

    g_assert_cmpint (run_cli (f, &before, NULL, "export", "--format", "json", NULL), ==, 0);
    g_assert_cmpint (run_cli (f, NULL, NULL, "import", "--zone", "Nowhere", other, NULL), ==, 1);
    g_assert_cmpint (run_cli (f, &after, NULL, "export", "--format", "json", NULL), ==, 0);
    g_assert_cmpstr (before, ==, after);
  }
}

/* A text that names its city keeps it: --zone is the default for texts
 * that say nothing, never an override of what is written. */
static void
test_zone_text_names_city (Fixture *f, gconstpointer data)
{
  g_autofree char *city = NULL;
  g_autofree char *stated = NULL;
  g_autofree char *err = NULL;

  if (f->dir == NULL)
    return;
  city = write_text (f, "bogota.txt",
                     "REUNIÓN DE LA MESA DE DATOS ABIERTOS\n"
                     "\n"
                     "La mesa se reúne el jueves 26 de abril de 2018 a las 18:00 en la sede de "
                     "la alcaldía, Carrera 8, Bogotá.\n");
  check_one_session (f, city, "America/Argentina/Buenos_Aires", "America/Bogota", 26, 18);

  /* A time that names its zone has nothing to assume, and says nothing. */
  stated = write_text (f, "madrid.txt",
                       "REUNIÓN DEL GRUPO\n"
                       "\n"
                       "El grupo se reúne el jueves 26 de abril de 2018 a las 18:00 Europe/Madrid.\n");
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *start = expected_start ("Europe/Madrid", 26, 18);
    JsonObject *session;

    g_remove (f->db);
    g_assert_cmpint (run_cli (f, NULL, &err, "import", "--zone", "America/Argentina/Buenos_Aires", stated,
                              NULL), ==, 0);
    g_assert_null (strstr (err, "No time zone given"));
    session = json_array_get_object_element (
        json_object_get_array_member (export_first_plan (f, parser), "sessions"), 0);
    g_assert_cmpstr (json_object_get_string_member (session, "start"), ==, start);
    g_assert_cmpstr (json_object_get_string_member (session, "timezone"), ==, "Europe/Madrid");
  }
}

/* An iCalendar file's floating time is read as the file says (its
 * X-WR-TIMEZONE, else UTC), whatever --zone says: the option is for the
 * documents people write. */
static void
test_zone_leaves_icalendar (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  g_autofree char *start = expected_start ("UTC", 28, 15);
  JsonObject *session;

  if (f->dir == NULL)
    return;
  path = write_text (f, "floating.ics",
                     "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                     "BEGIN:VEVENT\r\nUID:floating-1\r\nDTSTAMP:20180401T000000Z\r\n"
                     "DTSTART:20180428T150000\r\nSUMMARY:Asamblea\r\nEND:VEVENT\r\n"
                     "END:VCALENDAR\r\n");
  g_assert_cmpint (run_cli (f, NULL, NULL, "import", "--zone", "America/Argentina/Buenos_Aires", path, NULL),
                   ==, 0);
  session = json_array_get_object_element (
      json_object_get_array_member (export_first_plan (f, parser), "sessions"), 0);
  g_assert_cmpstr (json_object_get_string_member (session, "start"), ==, start);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/import/zone/assumed", test_zone_assumed);
  ADD ("/cli/import/zone/dry-run", test_zone_dry_run);
  ADD ("/cli/import/zone/unknown", test_zone_unknown);
  ADD ("/cli/import/zone/text-names-city", test_zone_text_names_city);
  ADD ("/cli/import/zone/leaves-icalendar", test_zone_leaves_icalendar);
#undef ADD

  return g_test_run ();
}
