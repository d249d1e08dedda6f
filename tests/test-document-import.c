/* test-document-import.c: the action-plan documents of shared/seeds/ and
 * plain-text meeting announcements, read as a coordinator would expect;
 * every doubtful line warned about, on its line; bad input refused. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "import/convene-document-import.h"
#include "import/convene-import.h"
#include "model/convene-values.h"

static ConveneImportResult *
import_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  ConveneImportResult *result = convene_document_import ("plan.md", text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static ConveneImportResult *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ConveneImportResult *result;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  result = convene_document_import (path, contents, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static ConveneSession *
find_session (ConveneImportResult *result,
              const char          *topic_start)
{
  for (guint i = 0; i < result->sessions->len; i++)
    if (g_str_has_prefix (convene_session_get_topic (result->sessions->pdata[i]), topic_start))
      return result->sessions->pdata[i];
  g_error ("no session starts with “%s”", topic_start);
  return NULL;
}

static char *
start_of (ConveneSession *session)
{
  return convene_instant_to_string (convene_session_get_start (session));
}

/* The warning on @line that says @words, or NULL. */
static ConveneImportWarning *
find_warning (ConveneImportResult *result,
              guint                line,
              const char          *words)
{
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *warning = result->warnings->pdata[i];

      if (warning->line == line && strstr (warning->message, words) != NULL)
        return warning;
    }
  return NULL;
}

static void
assert_warning (ConveneImportResult *result,
                guint                line,
                const char          *words)
{
  if (find_warning (result, line, words) != NULL)
    return;
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *warning = result->warnings->pdata[i];

      g_printerr ("  %s:%u: %s\n", warning->file, warning->line, warning->message);
    }
  g_error ("no warning on line %u saying “%s”", line, words);
}

static void
assert_dated (ConveneImportResult *result,
              const char          *topic,
              const char          *start,
              const char          *zone,
              const char          *lead)
{
  ConveneSession *session = find_session (result, topic);
  g_autofree char *written = start_of (session);

  g_assert_cmpstr (written, ==, start);
  g_assert_cmpstr (convene_session_get_timezone (session), ==, zone);
  g_assert_cmpstr (convene_session_get_lead (session), ==, lead);
  g_assert_cmpint (convene_session_get_status (session), ==, CONVENE_SESSION_STATUS_SCHEDULED);
  g_assert_cmpint (convene_session_get_duration_minutes (session), ==, 60);
}

static void
assert_undated (ConveneImportResult  *result,
                const char           *topic,
                const char           *month,
                ConveneSessionStatus  status,
                ConveneSessionFormat  format)
{
  ConveneSession *session = find_session (result, topic);

  g_assert_null (convene_session_get_start (session));
  g_assert_cmpstr (convene_session_get_month (session), ==, month);
  g_assert_cmpint (convene_session_get_status (session), ==, status);
  g_assert_cmpint (convene_session_get_format (session), ==, format);
  g_assert_cmpint (convene_session_get_timing (session), ==,
                   month != NULL ? CONVENE_SESSION_TIMING_MONTH : CONVENE_SESSION_TIMING_TBC);
}

static void
check_seed_000_plan (ConveneImportResult *result)
{
  ConvenePlan *plan = result->plans->pdata[0];
  const char * const *extra = convene_plan_get_extra_timezones (plan);
  ConveneGoal *goal;

  g_assert_cmpuint (result->plans->len, ==, 1);
  g_assert_cmpstr (convene_plan_get_title (plan), ==, "Action Plan 2021");
  g_assert_cmpstr (convene_plan_get_group (plan), ==, "Implementation Working Group");
  g_assert_cmpint (convene_plan_get_year (plan), ==, 2021);
  g_assert_cmpstr (convene_plan_get_timezone (plan), ==, "Europe/London");
  g_assert_nonnull (extra);
  g_assert_cmpstr (extra[0], ==, "America/New_York");
  g_assert_cmpstr (extra[1], ==, "Africa/Nairobi");
  g_assert_null (extra[2]);

  /* The goals' titles come back later as headings: more text, not goals. */
  g_assert_cmpuint (result->goals->len, ==, 3);
  goal = result->goals->pdata[0];
  g_assert_cmpstr (convene_goal_get_title (goal), ==, "Building a diverse, inclusive and equitable IWG");
  g_assert_true (g_str_has_prefix (convene_goal_get_description (goal), "To enable inclusive participation"));
  g_assert_nonnull (strstr (convene_goal_get_description (goal), "\n\nThe purpose of the Implementation"));
  g_assert_nonnull (strstr (convene_goal_get_description (goal), "additional actions to include more governments"));
  g_assert_cmpint (convene_goal_get_position (result->goals->pdata[2]), ==, 3);
  g_assert_cmpstr (convene_goal_get_title (result->goals->pdata[2]), ==, "Enabling meaningful engagements");

  g_assert_cmpuint (result->actions->len, ==, 7);
  g_assert_cmpstr (convene_action_get_title (result->actions->pdata[1]), ==, "Identify IWG outputs and volunteers");
  g_assert_cmpint (convene_action_get_plan (result->actions->pdata[6]), ==, 1);
}

static void
test_seed_000 (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("seed-000-iwg-2021.txt");

  check_seed_000_plan (result);
  g_assert_cmpuint (result->sessions->len, ==, 13);
  assert_dated (result, "Present the Policy+", "2021-02-23T19:00:00Z", "Europe/London", "Paul");
  assert_dated (result, "Climate Justice Data", "2021-03-30T14:00:00Z", "Africa/Nairobi", "Flor");
  assert_dated (result, "Leadership", "2021-04-27T18:00:00Z", "Europe/London", "Paul");
  assert_dated (result, "Trust", "2021-05-25T14:00:00Z", "Africa/Nairobi", "Flor");
  /* Kept as written, a Sunday, with a warning on its own line. */
  assert_dated (result, "Transparency", "2021-06-27T18:00:00Z", "Europe/London", "Paul");
  assert_warning (result, 63, "27 June 2021 is a Sunday, not a Tuesday");
  g_assert_cmpstr (convene_session_get_description (find_session (result, "Leadership")), ==,
                   "Strengthening skills in open data. What is needed to increase data literacy skills? "
                   "How can / should this group (and leaders) be responding?");

  assert_undated (result, "Sharing draft action plan", "2021-01", CONVENE_SESSION_STATUS_NO_MEETING,
                  CONVENE_SESSION_FORMAT_MEETING);
  assert_undated (result, "IWG Summer break", "2021-08", CONVENE_SESSION_STATUS_NO_MEETING,
                  CONVENE_SESSION_FORMAT_MEETING);
  assert_undated (result, "End of year survey", "2021-12", CONVENE_SESSION_STATUS_NO_MEETING,
                  CONVENE_SESSION_FORMAT_SURVEY);
  /* "Paul lead", as typed. */
  assert_undated (result, "Open by Default", "2021-07", CONVENE_SESSION_STATUS_TENTATIVE,
                  CONVENE_SESSION_FORMAT_MEETING);
  g_assert_cmpstr (convene_session_get_lead (find_session (result, "Open by Default")), ==, "Paul");
  assert_undated (result, "Standards", "2021-09", CONVENE_SESSION_STATUS_TENTATIVE, CONVENE_SESSION_FORMAT_MEETING);
  assert_undated (result, "Collaboration", "2021-10", CONVENE_SESSION_STATUS_TENTATIVE, CONVENE_SESSION_FORMAT_MEETING);
  assert_undated (result, "Equity", "2021-11", CONVENE_SESSION_STATUS_TENTATIVE, CONVENE_SESSION_FORMAT_MEETING);
  g_assert_true (g_str_has_prefix (convene_session_get_notes (find_session (result, "Equity")),
                                   "Based on the first half of the year"));
  assert_undated (result, "Chief Data Officers roundtable", NULL, CONVENE_SESSION_STATUS_TENTATIVE,
                  CONVENE_SESSION_FORMAT_ROUNDTABLE);

  for (guint i = 0; i < result->sessions->len; i++)
    {
      g_assert_cmpstr (convene_session_get_language (result->sessions->pdata[i]), ==, "en");
      g_assert_cmpint (convene_session_get_plan (result->sessions->pdata[i]), ==, 1);
    }
  g_assert_cmpuint (result->people->len, ==, 2);
  g_assert_cmpstr (convene_person_get_name (result->people->pdata[0]), ==, "Paul");
  g_assert_cmpstr (convene_person_get_name (result->people->pdata[1]), ==, "Flor");
  /* Only the June line is doubtful. */
  g_assert_cmpuint (result->warnings->len, ==, 1);
}

static void
test_seed_001 (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("seed-001-iwg-2024.txt");
  ConvenePlan *plan = result->plans->pdata[0];
  ConveneSession *undated;

  g_assert_cmpstr (convene_plan_get_title (plan), ==, "Action Plan 2024");
  g_assert_cmpstr (convene_plan_get_group (plan), ==, "Implementation Working Group");
  g_assert_cmpint (convene_plan_get_year (plan), ==, 2024);
  /* The introduction, its bullets included, is the summary, not actions. */
  g_assert_true (g_str_has_prefix (convene_plan_get_summary (plan), "Since 2023, the ODC IW"));
  g_assert_nonnull (strstr (convene_plan_get_summary (plan), "approaches to\n\n- Expand and improve"));

  g_assert_cmpuint (result->goals->len, ==, 5);
  g_assert_cmpstr (convene_goal_get_title (result->goals->pdata[0]), ==,
                   "Support a shared capabilities framework for public servants committed to developing "
                   "and maintaining open data");
  g_assert_cmpuint (result->actions->len, ==, 6);
  g_assert_true (g_str_has_prefix (convene_action_get_title (result->actions->pdata[0]), "Onboard our ODC adopters"));
  g_assert_true (g_str_has_prefix (convene_action_get_title (result->actions->pdata[5]), "Strengthen communication"));

  g_assert_cmpuint (result->sessions->len, ==, 10);
  assert_undated (result, "Capabilities / capacity building", "2024-04", CONVENE_SESSION_STATUS_TENTATIVE,
                  CONVENE_SESSION_FORMAT_MEETING);
  assert_undated (result, "Data projects fair", "2024-06", CONVENE_SESSION_STATUS_TENTATIVE,
                  CONVENE_SESSION_FORMAT_FAIR);
  assert_undated (result, "SUMMER BREAK", "2024-08", CONVENE_SESSION_STATUS_NO_MEETING,
                  CONVENE_SESSION_FORMAT_MEETING);
  assert_undated (result, "End of year survey", "2024-12", CONVENE_SESSION_STATUS_TENTATIVE,
                  CONVENE_SESSION_FORMAT_SURVEY);
  /* The row with an empty month: kept, to be confirmed, and warned about. */
  undated = find_session (result, "Opening data in practice: lessons learned from govtech");
  assert_undated (result, "Opening data in practice: lessons learned from govtech", NULL,
                  CONVENE_SESSION_STATUS_TENTATIVE, CONVENE_SESSION_FORMAT_MEETING);
  g_assert_true (undated == result->sessions->pdata[3]);
  assert_warning (result, 50, "has no month");
  g_assert_cmpuint (result->warnings->len, ==, 1);
  g_assert_cmpuint (result->people->len, ==, 0);
  g_assert_null (convene_plan_get_timezone (plan));
}

static void
test_seed_002 (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("seed-002-ogp-2016.txt");
  ConvenePlan *plan = result->plans->pdata[0];
  static const char * const goals[][2] = {
    { "Reviewing of action plan", "providing clear guidelines" },
    { "Learning networks", "designed to facilitate the exchange" },
    { "Creating community", "exploring new opportunities" },
    { "Dissemination", "in order to increase participation" },
    { "Implementation", "developing resources" },
  };

  g_assert_cmpstr (convene_plan_get_title (plan), ==, "New open data work plan of OGP");
  g_assert_cmpstr (convene_plan_get_group (plan), ==,
                   "Open data working group in the Open Government Partnership (OGP)");
  /* "Fecha de la noticia: 06-04-2016" dates the news item: the plan's
   * year, not a meeting. */
  g_assert_cmpint (convene_plan_get_year (plan), ==, 2016);
  g_assert_cmpuint (result->sessions->len, ==, 0);
  g_assert_nonnull (strstr (convene_plan_get_summary (plan), "has as its main task"));

  g_assert_cmpuint (result->goals->len, ==, G_N_ELEMENTS (goals));
  for (guint i = 0; i < G_N_ELEMENTS (goals); i++)
    {
      ConveneGoal *goal = result->goals->pdata[i];

      g_assert_cmpstr (convene_goal_get_title (goal), ==, goals[i][0]);
      g_assert_true (g_str_has_prefix (convene_goal_get_description (goal), goals[i][1]));
      g_assert_cmpint (convene_goal_get_position (goal), ==, i + 1);
    }
  g_assert_cmpuint (result->actions->len, ==, 5);
  g_assert_cmpstr (convene_action_get_title (result->actions->pdata[0]), ==,
                   "Guidelines to incorporate the principles of Open Data Charter in the action plans of governments");
  g_assert_cmpstr (convene_action_get_title (result->actions->pdata[4]), ==,
                   "Participation in the development of the resource center of International Open Data Charter");
  /* The closing paragraph ends the list of products. */
  g_assert_nonnull (strstr (convene_plan_get_summary (plan), "Moreover, the group is renewing positions"));
  g_assert_cmpuint (result->warnings->len, ==, 0);
}

static void
test_announcement_call (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("announcement-iwg-call.txt");
  ConveneSession *session;
  g_autofree char *start = NULL;
  const char * const *speakers;

  g_assert_cmpuint (result->sessions->len, ==, 1);
  session = result->sessions->pdata[0];
  start = start_of (session);
  g_assert_cmpstr (start, ==, "2021-03-30T14:00:00Z");
  g_assert_cmpstr (convene_session_get_timezone (session), ==, "UTC");
  g_assert_cmpint (convene_session_get_duration_minutes (session), ==, 90);
  g_assert_cmpstr (convene_session_get_topic (session), ==, "IWG call: Climate Justice Data");
  g_assert_cmpstr (convene_session_get_language (session), ==, "en");
  g_assert_cmpstr (convene_session_get_notes (session), ==, "Languages: English, with interpretation into Spanish");
  g_assert_cmpstr (convene_session_get_lead (session), ==, "Flor");
  g_assert_cmpstr (convene_session_get_location (session), ==, "https://meet.example.org/iwg-climate");
  g_assert_null (convene_session_get_recurrence (session));
  g_assert_cmpint (convene_session_get_status (session), ==, CONVENE_SESSION_STATUS_SCHEDULED);
  g_assert_true (g_str_has_prefix (convene_session_get_description (session), "Our next Implementation Working Group"));
  speakers = convene_session_get_speakers (session);
  g_assert_cmpstr (speakers[0], ==, "Wanjiru Kamau");
  g_assert_cmpstr (speakers[1], ==, "Diego Hernández");
  g_assert_null (speakers[2]);
  /* The email's own Date: header is when it was sent, not a meeting. */
  g_assert_cmpuint (result->people->len, ==, 3);
  g_assert_cmpstr (convene_plan_get_group (result->plans->pdata[0]), ==, "Implementation Working Group");
  g_assert_cmpint (convene_plan_get_year (result->plans->pdata[0]), ==, 2021);
  g_assert_cmpuint (result->warnings->len, ==, 0);
}

static void
test_announcement_series (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("announcement-lac-series.txt");
  ConvenePlan *plan = result->plans->pdata[0];
  ConveneSession *session;
  g_autofree char *start = NULL;

  g_assert_cmpuint (result->sessions->len, ==, 1);
  session = result->sessions->pdata[0];
  start = start_of (session);
  g_assert_cmpstr (start, ==, "2024-01-08T20:00:00Z");
  g_assert_cmpstr (convene_session_get_timezone (session), ==, "America/Bogota");
  g_assert_cmpint (convene_session_get_duration_minutes (session), ==, 60);
  g_assert_cmpstr (convene_session_get_recurrence (session), ==, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
  g_assert_cmpstr (convene_session_get_language (session), ==, "es");
  g_assert_cmpstr (convene_session_get_topic (session), ==, "Regional calls 2024");
  g_assert_cmpstr (convene_session_get_lead (session), ==, "María Fernández");
  g_assert_cmpstr (convene_plan_get_title (plan), ==, "Open Data Working Group: Latin America and the Caribbean");
  g_assert_cmpstr (convene_plan_get_timezone (plan), ==, "America/Bogota");
  g_assert_cmpint (convene_plan_get_year (plan), ==, 2024);
  g_assert_cmpuint (result->warnings->len, ==, 0);
}

static void
test_announcement_spanish (void)
{
  g_autoptr(ConveneImportResult) result = import_fixture ("announcement-reunion-es.txt");
  ConveneSession *session;
  g_autofree char *start = NULL;

  g_assert_cmpuint (result->sessions->len, ==, 1);
  session = result->sessions->pdata[0];
  start = start_of (session);
  /* Spanish text: 11/07/2019 is 11 July, a Thursday as written. */
  g_assert_cmpstr (start, ==, "2019-07-11T15:00:00Z");
  g_assert_cmpstr (convene_session_get_timezone (session), ==, "America/Mexico_City");
  g_assert_cmpint (convene_session_get_duration_minutes (session), ==, 90);
  g_assert_cmpstr (convene_session_get_language (session), ==, "es");
  g_assert_cmpstr (convene_session_get_lead (session), ==, "Lucía Ramírez");
  g_assert_cmpstr (convene_plan_get_group (result->plans->pdata[0]), ==, "Grupo de Trabajo de Datos Abiertos");
  assert_warning (result, 9, "11 July 2019");
}

/* One line for each doubt the issue names; each warning on its own line. */
static const char warnings_plan[] =
  "# Action Plan 2021\n"
  "\n"
  "## Meeting schedule\n"
  "\n"
  "| Topic | Month | Date |\n"
  "|--|--|--|\n"
  "| Winter call | January | Tuesday 12th at 7pm London time (3pm ET) |\n"   /* 7 */
  "| India call | February | Tuesday 9th at 6pm IST |\n"
  "| Spring forward | March | Sunday 28th at 1:30am London time |\n"
  "| Fall back | October | Sunday 31st at 1:30am London time |\n"         /* 10 */
  "| Gotham call | April | Tuesday 13th at 7pm Gotham time |\n"
  "| Next year | May | Tuesday 4 January 2022 at 7pm London time |\n"
  "| Topic without a month | | |\n"
  "| June call | June | Tuesday 27th at 7pm London time |\n"
  "| Someday | Spring | |\n"                                                /* 15 */
  "| Agreeing zones | March | Tuesday 30th at 5pm EAT / 8am GMT-6 |\n";

static void
test_warnings (void)
{
  g_autoptr(ConveneImportResult) result = import_text (warnings_plan);
  ConveneSession *session;

  g_assert_cmpuint (result->sessions->len, ==, 10);
  assert_warning (result, 7, "not 15:00 as written");
  assert_warning (result, 8, "IST");
  assert_warning (result, 9, "does not exist");
  assert_warning (result, 10, "happens twice");
  assert_warning (result, 11, "Gotham");
  assert_warning (result, 12, "outside the plan’s year, 2021");
  assert_warning (result, 13, "has no month");
  assert_warning (result, 14, "27 June 2021 is a Sunday, not a Tuesday");
  assert_warning (result, 15, "“Spring” is not a month");
  /* "5pm EAT / 8am GMT-6" agree: nothing to say about line 16. */
  g_assert_null (find_warning (result, 16, ""));
  for (guint i = 0; i < result->warnings->len; i++)
    g_assert_cmpstr (((ConveneImportWarning *) result->warnings->pdata[i])->file, ==, "plan.md");

  /* The first zone on the line is the one kept. */
  session = find_session (result, "Winter call");
  g_assert_cmpstr (convene_session_get_timezone (session), ==, "Europe/London");
  session = find_session (result, "Agreeing zones");
  g_assert_cmpstr (convene_session_get_timezone (session), ==, "Africa/Nairobi");
}

static void
assert_refused (const char *text,
                gsize       length,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = NULL;

  result = convene_document_import ("notes/minutes.txt", text, length, &error);
  g_assert_null (result);
  g_assert_error (error, CONVENE_IMPORT_ERROR, code);
  /* The message starts with the file, as every import error does. */
  g_assert_true (g_str_has_prefix (error->message, "notes/minutes.txt: "));
}

static void
test_refused (void)
{
  static const char binary[] = { 'P', 'K', 3, 4, 0, 0, 8, 0, 'x', 'l', '/' };
  const char *prose = "Thanks to everyone who came yesterday.\nThe notes will follow soon.\n";

  assert_refused ("", 0, CONVENE_IMPORT_ERROR_EMPTY);
  assert_refused (" \n\n\t\n", 5, CONVENE_IMPORT_ERROR_EMPTY);
  assert_refused (prose, strlen (prose), CONVENE_IMPORT_ERROR_EMPTY);
  assert_refused ("# Action Plan 2021\n\n## Goals\n", 28, CONVENE_IMPORT_ERROR_EMPTY);
  assert_refused (binary, sizeof binary, CONVENE_IMPORT_ERROR_SYNTAX);
}

/* Shapes people use besides the seeds': "**Goals**" and underlined
 * headings, goals numbered without bold, a Windows-1252 file, CRLF. */
static void
test_other_shapes (void)
{
  const char *latin1 =
    "Plan de trabajo 2022\r\n"
    "====================\r\n"
    "\r\n"
    "**Objetivos**\r\n"
    "\r\n"
    "1) Capacidades: formar a las personas servidoras p\xfa" "blicas en datos abiertos.\r\n"
    "2) Comunidad: crear una red de ciudades de la regi\xf3n.\r\n"
    "\r\n"
    "**Acciones**\r\n"
    "\r\n"
    "* Publicar el calendario de reuniones\r\n"
    "\r\n"
    "Calendario\r\n"
    "\r\n"
    "Tema\tMes\tFecha\r\n"
    "Datos locales\tmarzo\tmartes 8 de marzo, 10:00 hora de Bogot\xe1\r\n"
    "Mesa redonda de ciudades\tabril\t\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  ConveneSession *session;
  g_autofree char *start = NULL;

  result = convene_document_import ("plan.txt", latin1, strlen (latin1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_plan_get_title (result->plans->pdata[0]), ==, "Plan de trabajo 2022");
  g_assert_cmpint (convene_plan_get_year (result->plans->pdata[0]), ==, 2022);
  g_assert_cmpuint (result->goals->len, ==, 2);
  g_assert_cmpstr (convene_goal_get_title (result->goals->pdata[0]), ==, "Capacidades");
  g_assert_cmpstr (convene_goal_get_description (result->goals->pdata[1]), ==,
                   "crear una red de ciudades de la región.");
  g_assert_cmpuint (result->actions->len, ==, 1);
  g_assert_cmpuint (result->sessions->len, ==, 2);
  session = result->sessions->pdata[0];
  start = start_of (session);
  g_assert_cmpstr (start, ==, "2022-03-08T15:00:00Z");
  g_assert_cmpstr (convene_session_get_timezone (session), ==, "America/Bogota");
  /* A Spanish document: Spanish sessions. */
  g_assert_cmpstr (convene_session_get_language (session), ==, "es");
  session = result->sessions->pdata[1];
  g_assert_cmpint (convene_session_get_format (session), ==, CONVENE_SESSION_FORMAT_ROUNDTABLE);
  g_assert_cmpstr (convene_session_get_month (session), ==, "2022-04");
  assert_warning (result, 0, "Windows-1252");
}


/* ---- through convene-cli, as a coordinator's script would ---------------- */

typedef struct {
  char *dir;
  char *db;
} Cli;

static void
cli_set_up (Cli           *f,
            gconstpointer  data)
{
  if (g_getenv ("CONVENE_CLI") == NULL)
    {
      g_test_skip ("CONVENE_CLI is not set");
      return;
    }
  f->dir = g_dir_make_tmp ("convene-doc-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "convene.db", NULL);
}

static void
cli_tear_down (Cli           *f,
               gconstpointer  data)
{
  g_autoptr(GDir) dir = f->dir != NULL ? g_dir_open (f->dir, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  if (f->dir != NULL)
    g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static int
run_cli (const char  *db,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("CONVENE_CLI"));
  g_ptr_array_add (args, "--database");
  g_ptr_array_add (args, (gpointer) db);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_setenv (env, "TZ", "America/New_York", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "en", TRUE);
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static char *
export_json (const char *db)
{
  char *out = NULL;

  g_assert_cmpint (run_cli (db, &out, NULL, "export", "--format", "json", NULL), ==, 0);
  return out;
}

static JsonObject *
json_session (JsonNode   *root,
              const char *topic_start)
{
  JsonArray *sessions = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "plans"), 0),
    "sessions");

  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *session = json_array_get_object_element (sessions, i);

      if (g_str_has_prefix (json_object_get_string_member (session, "topic"), topic_start))
        return session;
    }
  g_error ("no session starts with “%s”", topic_start);
  return NULL;
}

static void
test_cli_seed_000 (Cli           *f,
                   gconstpointer  data)
{
  g_autofree char *seed = fixture_path ("seed-000-iwg-2021.txt");
  g_autofree char *out = NULL, *err = NULL, *json = NULL, *warning = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *plan, *session;

  if (f->db == NULL)
    return;
  g_assert_cmpint (run_cli (f->db, &out, &err, "import", seed, NULL), ==, 0);
  warning = g_strdup_printf ("%s:63: warning: 27 June 2021 is a Sunday, not a Tuesday", seed);
  g_assert_nonnull (strstr (err, warning));
  g_assert_nonnull (strstr (out, "3 goals, 7 actions, 13 sessions"));

  json = export_json (f->db);
  root = json_from_string (json, &error);
  g_assert_no_error (error);
  plan = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "plans"), 0);
  g_assert_cmpstr (json_object_get_string_member (plan, "title"), ==, "Action Plan 2021");
  g_assert_cmpstr (json_object_get_string_member (plan, "group"), ==, "Implementation Working Group");
  g_assert_cmpstr (json_object_get_string_member (plan, "timezone"), ==, "Europe/London");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (plan, "goals")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (plan, "actions")), ==, 7);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (plan, "sessions")), ==, 13);

  session = json_session (root, "Present the Policy+");
  g_assert_cmpstr (json_object_get_string_member (session, "start"), ==, "2021-02-23T19:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (session, "timezone"), ==, "Europe/London");
  g_assert_cmpstr (json_object_get_string_member (session, "lead"), ==, "Paul");
  /* The documented defaults, as the JSON shows them. */
  g_assert_cmpint (json_object_get_int_member (session, "duration_minutes"), ==, 60);
  g_assert_cmpstr (json_object_get_string_member (session, "format"), ==, "meeting");
  g_assert_cmpstr (json_object_get_string_member (session, "language"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (session, "status"), ==, "scheduled");
  session = json_session (root, "Climate Justice Data");
  g_assert_cmpstr (json_object_get_string_member (session, "start"), ==, "2021-03-30T14:00:00Z");
  session = json_session (root, "Standards");
  g_assert_cmpstr (json_object_get_string_member (session, "month"), ==, "2021-09");
  g_assert_true (json_object_get_null_member (session, "start"));
  g_assert_cmpstr (json_object_get_string_member (session, "status"), ==, "tentative");
  session = json_session (root, "Chief Data Officers roundtable");
  g_assert_true (json_object_get_null_member (session, "month"));
  g_assert_cmpstr (json_object_get_string_member (session, "format"), ==, "roundtable");
  session = json_session (root, "End of year survey");
  g_assert_cmpstr (json_object_get_string_member (session, "status"), ==, "no-meeting");
  g_assert_cmpstr (json_object_get_string_member (session, "format"), ==, "survey");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "people")), ==, 2);
}

static void
test_cli_dry_run (Cli           *f,
                  gconstpointer  data)
{
  g_autofree char *seed = fixture_path ("seed-001-iwg-2024.txt");
  g_autofree char *out = NULL, *err = NULL, *json = NULL, *warning = NULL;

  if (f->db == NULL)
    return;
  g_assert_cmpint (run_cli (f->db, &out, &err, "import", "--dry-run", seed, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Plan “Action Plan 2024” (Implementation Working Group): 5 goals, 6 actions, 10 sessions"));
  warning = g_strdup_printf ("%s:50: warning: ", seed);
  g_assert_nonnull (strstr (err, warning));
  g_assert_nonnull (strstr (err, "has no month"));
  /* Nothing written. */
  json = export_json (f->db);
  g_assert_nonnull (strstr (json, "\"plans\" : []"));
}

static void
test_cli_on_existing (Cli           *f,
                      gconstpointer  data)
{
  g_autofree char *seed = fixture_path ("seed-000-iwg-2021.txt");
  g_autofree char *before = NULL, *after = NULL, *err = NULL, *json = NULL;

  if (f->db == NULL)
    return;
  g_assert_cmpint (run_cli (f->db, NULL, NULL, "import", seed, NULL), ==, 0);
  before = export_json (f->db);
  g_assert_cmpint (run_cli (f->db, NULL, &err, "import", seed, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Action Plan 2021"));
  g_assert_nonnull (strstr (err, "--on-existing"));
  after = export_json (f->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (run_cli (f->db, NULL, NULL, "import", "--on-existing=new", seed, NULL), ==, 0);
  json = export_json (f->db);
  g_assert_nonnull (strstr (json, "\"id\" : 2,\n      \"title\" : \"Action Plan 2021\""));
  g_clear_pointer (&json, g_free);
  g_assert_cmpint (run_cli (f->db, NULL, NULL, "import", "--on-existing=replace", seed, NULL), ==, 0);
  json = export_json (f->db);
  g_assert_null (strstr (json, "\"id\" : 2,\n      \"title\""));
  g_assert_nonnull (strstr (json, "\"title\" : \"Action Plan 2021\""));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f->db, NULL, &err, "import", "--on-existing=maybe", seed, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "maybe"));
}

static void
test_cli_bad_files (Cli           *f,
                    gconstpointer  data)
{
  g_autofree char *seed = fixture_path ("seed-002-ogp-2016.txt");
  g_autofree char *empty = NULL, *prose = NULL, *before = NULL, *after = NULL, *err = NULL;

  if (f->db == NULL)
    return;
  empty = g_build_filename (f->dir, "empty.md", NULL);
  prose = g_build_filename (f->dir, "thanks.txt", NULL);
  g_assert_cmpint (run_cli (f->db, NULL, NULL, "import", seed, NULL), ==, 0);
  before = export_json (f->db);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (prose, "Thanks for coming.\nSee you soon.\n", -1, NULL));

  g_assert_cmpint (run_cli (f->db, NULL, &err, "import", empty, NULL), ==, 1);
  g_assert_nonnull (strstr (err, empty));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f->db, NULL, &err, "import", prose, NULL), ==, 1);
  g_assert_nonnull (strstr (err, prose));
  g_assert_nonnull (strstr (err, "no plan, goals, actions or meetings in it"));
  after = export_json (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* Export as Markdown, import that into a new database: the same JSON. */
static void
test_cli_markdown_round_trip (Cli           *f,
                              gconstpointer  data)
{
  g_autofree char *seed = fixture_path ("seed-000-iwg-2021.txt");
  g_autofree char *md = NULL, *other = NULL, *err = NULL, *first = NULL, *second = NULL;

  if (f->db == NULL)
    return;
  md = g_build_filename (f->dir, "plan.md", NULL);
  other = g_build_filename (f->dir, "other.db", NULL);
  g_assert_cmpint (run_cli (f->db, NULL, NULL, "import", seed, NULL), ==, 0);
  g_assert_cmpint (run_cli (f->db, NULL, NULL, "export", "--format", "md", "-o", md, NULL), ==, 0);
  g_assert_cmpint (run_cli (other, NULL, &err, "import", md, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  first = export_json (f->db);
  second = export_json (other);
  g_assert_cmpstr (first, ==, second);
}

/* A table with a date and a lead column but no month, under a heading
 * that does not say "schedule". */
static void
test_date_column (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Open Data Network — Work plan 2022\n"
    "\n"
    "## Upcoming\n"
    "\n"
    "| Session | Date | Lead |\n"
    "|---|---|---|\n"
    "| Data for cities | 4 March 2022, 14:00 UTC | Ana Pérez |\n"
    "| Open contracting panel | 12/04/2022 15:00-16:30 CEST | |\n"
    "| Taller de datos abiertos (en español) | 10 May 2022 at 10am Bogotá | Juan |\n");
  ConveneSession *session;
  g_autofree char *start = NULL;

  g_assert_cmpuint (result->sessions->len, ==, 3);
  session = result->sessions->pdata[0];
  g_assert_cmpstr (convene_session_get_lead (session), ==, "Ana Pérez");
  g_assert_cmpstr (convene_session_get_month (session), ==, "2022-03");
  session = result->sessions->pdata[1];
  g_assert_cmpint (convene_session_get_format (session), ==, CONVENE_SESSION_FORMAT_PANEL);
  g_assert_cmpint (convene_session_get_duration_minutes (session), ==, 90);
  /* English text: month first, and said so. */
  assert_warning (result, 8, "4 December 2022");
  session = result->sessions->pdata[2];
  start = start_of (session);
  g_assert_cmpstr (start, ==, "2022-05-10T15:00:00Z");
  g_assert_cmpint (convene_session_get_format (session), ==, CONVENE_SESSION_FORMAT_WORKSHOP);
  g_assert_cmpstr (convene_session_get_language (session), ==, "es");
  g_assert_cmpuint (result->people->len, ==, 2);
}

/* A schedule written as a list, as emails and wikis have it. */
static void
test_schedule_list (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Action Plan 2022\n"
    "\n"
    "## Calendar\n"
    "\n"
    "All calls are on Zoom.\n"
    "\n"
    "- February: Open contracting (Tuesday 22nd at 3pm UTC), Ana leads\n"
    "- March – Climate data — Tuesday 29th at 5pm EAT\n"
    "- April: Data fair\n"
    "- July: Summer break\n"
    "- Chief Data Officers roundtable (to be confirmed)\n"
    "September: Gender data (Tuesday 27th at 2pm UTC)\n");
  ConveneSession *session;
  g_autofree char *start = NULL;

  g_assert_cmpuint (result->sessions->len, ==, 6);
  session = find_session (result, "Open contracting");
  start = start_of (session);
  g_assert_cmpstr (start, ==, "2022-02-22T15:00:00Z");
  g_assert_cmpstr (convene_session_get_topic (session), ==, "Open contracting");
  g_assert_cmpstr (convene_session_get_lead (session), ==, "Ana");
  assert_dated (result, "Climate data", "2022-03-29T14:00:00Z", "Africa/Nairobi", NULL);
  assert_undated (result, "Data fair", "2022-04", CONVENE_SESSION_STATUS_TENTATIVE, CONVENE_SESSION_FORMAT_FAIR);
  assert_undated (result, "Summer break", "2022-07", CONVENE_SESSION_STATUS_NO_MEETING,
                  CONVENE_SESSION_FORMAT_MEETING);
  assert_undated (result, "Chief Data Officers roundtable", NULL, CONVENE_SESSION_STATUS_TENTATIVE,
                  CONVENE_SESSION_FORMAT_ROUNDTABLE);
  g_assert_cmpstr (convene_session_get_topic (find_session (result, "Chief")), ==, "Chief Data Officers roundtable");
  assert_dated (result, "Gender data", "2022-09-27T14:00:00Z", "UTC", NULL);
  g_assert_null (convene_plan_get_summary (result->plans->pdata[0]));
  g_assert_cmpuint (result->warnings->len, ==, 0);
}

/* The UTC instant of @hour:@minute on a day in @zone, by the tz database. */
static char *
instant_in (const char *zone,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_assert_nonnull (tz);
  local = g_date_time_new (tz, year, month, day, hour, minute, 0);
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* A row without a zone is read in the plan's zone (the one its other rows
 * are fixed in), and the warning on its line says which zone that was,
 * even when the zone is first named further down. */
static void
test_no_zone_in_plan_zone (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Work Plan 2024\n"
    "\n"
    "## Meetings\n"
    "\n"
    "- March: Data standards (Tuesday 12 March at 18:00)\n"
    "- April: Open budgets (Tuesday 9 April at 18:00 Europe/Berlin)\n"
    "- May: Procurement (Tuesday 14 May at 18:00 Europe/Berlin)\n");
  g_autofree char *march = instant_in ("Europe/Berlin", 2024, 3, 12, 18, 0);
  g_autofree char *april = instant_in ("Europe/Berlin", 2024, 4, 9, 18, 0);

  assert_dated (result, "Data standards", march, "Europe/Berlin", NULL);
  assert_dated (result, "Open budgets", april, "Europe/Berlin", NULL);
  assert_warning (result, 5, "No time zone given; read as Europe/Berlin.");
  g_assert_null (find_warning (result, 6, "No time zone"));
  g_assert_cmpstr (convene_plan_get_timezone (result->plans->pdata[0]), ==, "Europe/Berlin");
}

/* "All times are Buenos Aires time" names the plan's zone when no row
 * does; with no zone anywhere the time is UTC, and the warning says so. */
static void
test_no_zone_stated_or_none (void)
{
  g_autoptr(ConveneImportResult) stated = import_text (
    "# Plan de trabajo 2023\n"
    "\n"
    "Todas las horas son de America/Argentina/Buenos_Aires.\n"
    "\n"
    "## Reuniones\n"
    "\n"
    "- Marzo: Datos de salud (martes 14 de marzo, 10:00)\n");
  g_autoptr(ConveneImportResult) none = import_text (
    "# Work Plan 2024\n"
    "\n"
    "## Meetings\n"
    "\n"
    "- March: Data standards (Tuesday 12 March at 18:00)\n");
  g_autofree char *buenos_aires = instant_in ("America/Argentina/Buenos_Aires", 2023, 3, 14, 10, 0);
  g_autofree char *utc = instant_in ("UTC", 2024, 3, 12, 18, 0);

  assert_dated (stated, "Datos de salud", buenos_aires, "America/Argentina/Buenos_Aires", NULL);
  assert_warning (stated, 7, "read as America/Argentina/Buenos_Aires.");
  assert_dated (none, "Data standards", utc, "UTC", NULL);
  assert_warning (none, 5, "No time zone given; read as UTC.");
}

/* A plan whose times name no zone but whose text names the city it meets
 * in ("1040 Brussels"): its times are that city's, said; a capitalised
 * first word ("Reunión") is no city. */
static void
test_no_zone_city (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Members meetings 2018\n"
    "\n"
    "## Third Tuesday meeting\n"
    "\n"
    "Reunión de socios. Open to everybody.\n"
    "\n"
    "12, Belliard street, 1040 Brussels.\n"
    "\n"
    "Tuesday 16th of October 2018 at 7:30 pm.\n");
  g_autofree char *brussels = instant_in ("Europe/Brussels", 2018, 10, 16, 19, 30);

  assert_dated (result, "Third Tuesday meeting", brussels, "Europe/Brussels", NULL);
  assert_warning (result, 9, "No time zone given; read as Europe/Brussels.");
}

/* An announcement whose time names no zone, in a plan whose other
 * meeting names one: read in that zone, said on the line. */
static void
test_no_zone_announcement (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "Subject: Steering committee calls\n"
    "\n"
    "Dear all,\n"
    "\n"
    "Our calls this spring:\n"
    "\n"
    "- Budget review: Thursday 7 March 2024, 16:00 America/New_York\n"
    "- Roadmap: Thursday 4 April 2024, 16:00\n");
  g_autofree char *april = instant_in ("America/New_York", 2024, 4, 4, 16, 0);

  assert_dated (result, "Roadmap", april, "America/New_York", NULL);
  assert_warning (result, 8, "No time zone given; read as America/New_York.");
}

/* Meetings written outside a schedule table: a dated bullet under its
 * heading, a day and its time on two bullets, a series whose first day
 * comes later, a struck-out date; and a dated line nothing used is said. */
static void
test_dated_lines (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Working Group Plan 2024\n"
    "\n"
    "## Core calls\n"
    "\n"
    "- November 13th, 2024 at 17:00 UTC\n"
    "- ~~November 27th, 2024 at 14:00 UTC~~\n"
    "\n"
    "## Hosting team\n"
    "\n"
    "* Day: Thursdays (first and third of the month)\n"
    "* Time: 16:00 to 17:00 (Europe/Madrid)\n"
    "\n"
    "## Subcommittee\n"
    "\n"
    "We meet every two weeks on Mondays at 9:30 America/Los_Angeles.\n"
    "\n"
    "The next call will be Monday 3 June 2024.\n"
    "\n"
    "| Past | calls |\n"
    "\n"
    "Tuesday 4 June 2024 at 10:00 UTC, with the board, was held in the old office, long before the subcommittee started to meet regularly on Mondays every fortnight as it does now.\n");
  g_autofree char *hosting = instant_in ("Europe/Madrid", 2024, 1, 4, 16, 0);
  g_autofree char *sub = instant_in ("America/Los_Angeles", 2024, 6, 3, 9, 30);
  ConveneSession *session;

  assert_dated (result, "Core calls", "2024-11-13T17:00:00Z", "UTC", NULL);
  session = result->sessions->pdata[1];
  g_assert_cmpint (convene_session_get_status (session), ==, CONVENE_SESSION_STATUS_CANCELLED);
  session = find_session (result, "Hosting team");
  g_autofree char *start = start_of (session);
  g_assert_cmpstr (start, ==, hosting);
  g_assert_cmpstr (convene_session_get_recurrence (session), ==, "FREQ=MONTHLY;BYDAY=1TH,3TH");
  session = find_session (result, "Subcommittee");
  g_autofree char *sub_start = start_of (session);
  g_assert_cmpstr (sub_start, ==, sub);
  g_assert_cmpstr (convene_session_get_recurrence (session), ==, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
  assert_warning (result, 21, "names a day and a time, but no session was made from it");
  g_assert_cmpuint (result->sessions->len, ==, 4);
}

/* An email listing several meetings, one a line, each with its topic. */
static void
test_announcement_list (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "Subject: Open data working group: sessions for the first half of 2021\n"
    "\n"
    "Dear members,\n"
    "\n"
    "These are our next sessions; all of them are on Zoom at https://zoom.example.org/j/123.\n"
    "\n"
    "- Tuesday 9 March 2021, 14:00 UTC: Data for climate action\n"
    "- Tuesday 13 April 2021, 15:00 UTC: Gender data (en español)\n"
    "- Data and elections — Tuesday 11 May 2021 at 3pm UTC\n"
    "\n"
    "Best wishes,\n"
    "Ana\n");

  g_assert_cmpuint (result->sessions->len, ==, 3);
  assert_dated (result, "Data for climate action", "2021-03-09T14:00:00Z", "UTC", NULL);
  assert_dated (result, "Gender data (en español)", "2021-04-13T15:00:00Z", "UTC", NULL);
  assert_dated (result, "Data and elections", "2021-05-11T15:00:00Z", "UTC", NULL);
  g_assert_cmpstr (convene_session_get_language (find_session (result, "Data for climate")), ==, "en");
  g_assert_cmpstr (convene_session_get_language (find_session (result, "Gender data")), ==, "es");
  g_assert_cmpstr (convene_session_get_location (find_session (result, "Data and elections")), ==,
                   "https://zoom.example.org/j/123");
  g_assert_cmpstr (convene_plan_get_title (result->plans->pdata[0]), ==,
                   "Open data working group: sessions for the first half of 2021");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/seed/000-iwg-2021", test_seed_000);
  g_test_add_func ("/document/seed/001-iwg-2024", test_seed_001);
  g_test_add_func ("/document/seed/002-ogp-2016", test_seed_002);
  g_test_add_func ("/document/announcement/single-call", test_announcement_call);
  g_test_add_func ("/document/announcement/series", test_announcement_series);
  g_test_add_func ("/document/announcement/spanish", test_announcement_spanish);
  g_test_add_func ("/document/warnings/each-on-its-line", test_warnings);
  g_test_add_func ("/document/refused/empty-or-unreadable", test_refused);
  g_test_add_func ("/document/shapes/spanish-latin1-crlf", test_other_shapes);
  g_test_add_func ("/document/shapes/date-column-without-month", test_date_column);
  g_test_add_func ("/document/shapes/schedule-as-a-list", test_schedule_list);
  g_test_add_func ("/document/announcement/list-of-meetings", test_announcement_list);
  g_test_add_func ("/document/no-zone/plan-zone", test_no_zone_in_plan_zone);
  g_test_add_func ("/document/no-zone/stated-or-none", test_no_zone_stated_or_none);
  g_test_add_func ("/document/no-zone/announcement", test_no_zone_announcement);
  g_test_add_func ("/document/no-zone/city-named", test_no_zone_city);
  g_test_add_func ("/document/shapes/dated-lines", test_dated_lines);
  g_test_add ("/document/cli/seed-000", Cli, NULL, cli_set_up, test_cli_seed_000, cli_tear_down);
  g_test_add ("/document/cli/dry-run", Cli, NULL, cli_set_up, test_cli_dry_run, cli_tear_down);
  g_test_add ("/document/cli/on-existing", Cli, NULL, cli_set_up, test_cli_on_existing, cli_tear_down);
  g_test_add ("/document/cli/bad-files-change-nothing", Cli, NULL, cli_set_up, test_cli_bad_files, cli_tear_down);
  g_test_add ("/document/cli/markdown-round-trip", Cli, NULL, cli_set_up, test_cli_markdown_round_trip,
              cli_tear_down);
  return g_test_run ();
}
