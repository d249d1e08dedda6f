/* test-document-dues.c: work plans as other groups lay them out, read by
 * the document importer from their structure: deliverables in a table with
 * a due-date column, months with their deliverables as bullets, goals
 * named in a sentence, a list of dates with no times; and what it cannot
 * place (a section, a dated line) said in a warning that quotes it. */
#include <string.h>

#include "import/convene-document-import.h"
#include "import/convene-import.h"

static ConveneImportResult *
import_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  ConveneImportResult *result = convene_document_import ("plan.md", text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static ConveneAction *
find_action (ConveneImportResult *result,
             const char          *title)
{
  for (guint i = 0; i < result->actions->len; i++)
    if (g_str_equal (convene_action_get_title (result->actions->pdata[i]), title))
      return result->actions->pdata[i];
  g_error ("no action “%s”", title);
  return NULL;
}

static void
assert_due (ConveneImportResult *result,
            const char          *title,
            const char          *due)
{
  g_assert_cmpstr (convene_action_get_due (find_action (result, title)), ==, due);
}

/* The warning on @line whose message holds @words; fails showing them all. */
static void
assert_warning (ConveneImportResult *result,
                guint                line,
                const char          *words)
{
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *warning = result->warnings->pdata[i];

      if (warning->line == line && strstr (warning->message, words) != NULL)
        return;
    }
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *warning = result->warnings->pdata[i];

      g_printerr ("  %u: %s\n", warning->line, warning->message);
    }
  g_error ("no warning on line %u saying “%s”", line, words);
}

static void
assert_no_warning_with (ConveneImportResult *result,
                        const char          *words)
{
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *warning = result->warnings->pdata[i];

      if (strstr (warning->message, words) != NULL)
        g_error ("unexpected warning on line %u: %s", warning->line, warning->message);
    }
}

/* A Markdown table whose header names its due-date and task columns; a
 * range is due at its end, a date Convene cannot read is said. */
static void
test_due_table (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Work Plan 2022\n"
    "\n"
    "| Due date | Spec | Description | Owner |\n"
    "| --- | --- | --- | --- |\n"
    "| Feb 4, 2022 | All | Consistency check | Ana, Bo |\n"
    "| Sep 12-16, 2022 (tentative) | All | Plenary week | |\n"
    "| Apr 23 - May 2 | TD | Review | |\n"
    "| soon | TD | Freeze | |\n");

  g_assert_cmpuint (result->actions->len, ==, 4);
  g_assert_cmpuint (result->sessions->len, ==, 0);
  assert_due (result, "Consistency check", "2022-02-04");
  assert_due (result, "Plenary week", "2022-09-16");
  assert_due (result, "Review", "2022-05-02");
  assert_due (result, "Freeze", NULL);
  g_assert_cmpstr (convene_action_get_owners (find_action (result, "Consistency check"))[0], ==, "Ana");
  g_assert_cmpstr (convene_action_get_owners (find_action (result, "Consistency check"))[1], ==, "Bo");
  assert_warning (result, 8, "“soon”");
}

/* The same as an HTML table, header in <th>, rows split by the frame. */
static void
test_due_html_table (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "## Release Planning 2024\n"
    "<table border=\"1\">\n"
    "  <thead>\n"
    "    <tr><th>Date</th><th>Tasks</th><th>Comments</th></tr>\n"
    "  </thead>\n"
    "  <tbody>\n"
    "    <tr><td>Apr 23 - Apr 30</td><td>Final review</td><td>Freeze.</td></tr>\n"
    "    <tr><td>Jun 3</td><td>Ratify the <b>release</b></td><td></td></tr>\n"
    "  </tbody>\n"
    "</table>\n");

  g_assert_cmpuint (result->actions->len, ==, 2);
  assert_due (result, "Final review", "2024-04-30");
  assert_due (result, "Ratify the release", "2024-06-03");
}

/* A table of topics and months is still a schedule, not deliverables. */
static void
test_schedule_table_stays (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Action Plan 2021\n"
    "\n"
    "## Schedule\n"
    "\n"
    "| Topic | Month | Date |\n"
    "|---|---|---|\n"
    "| Open contracting | March | TBC |\n");

  g_assert_cmpuint (result->actions->len, ==, 0);
  g_assert_cmpuint (result->sessions->len, ==, 1);
}

/* Numbered months, each with its deliverables indented below; an item
 * that starts with its month; goals named in a sentence. */
static void
test_months_and_goals (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Roadmap group 2024\n"
    "\n"
    "The group has set several goals, namely Vocabulary & Definitions, Communication Plan, and Vision.\n"
    "\n"
    "## Key Milestones\n"
    "\n"
    "1. **May:**\n"
    "   * Draft the plan\n"
    "   * Submit the vocabulary\n"
    "2. **June:**\n"
    "   * Map the current state\n"
    "3. Publish the roadmap\n"
    "- **December 2025**: Close the year.\n");

  g_assert_cmpuint (result->goals->len, ==, 3);
  g_assert_cmpstr (convene_goal_get_title (result->goals->pdata[0]), ==, "Vocabulary & Definitions");
  g_assert_cmpstr (convene_goal_get_title (result->goals->pdata[1]), ==, "Communication Plan");
  g_assert_cmpstr (convene_goal_get_title (result->goals->pdata[2]), ==, "Vision");
  g_assert_cmpuint (result->actions->len, ==, 5);
  assert_due (result, "Draft the plan", "2024-05");
  assert_due (result, "Submit the vocabulary", "2024-05");
  assert_due (result, "Map the current state", "2024-06");
  /* Back at the months' own indentation: no longer June's. */
  assert_due (result, "Publish the roadmap", NULL);
  assert_due (result, "Close the year", "2025-12");
}

/* Prose about goals that lists nothing makes none. */
static void
test_goal_prose_is_no_list (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Action Plan 2021\n"
    "\n"
    "Our goals are ambitious, and we will review them in June.\n"
    "\n"
    "## Actions\n"
    "\n"
    "- Publish the survey\n");

  g_assert_cmpuint (result->goals->len, ==, 0);
  g_assert_cmpuint (result->actions->len, ==, 1);
}

/* A list of dates with no times: sessions kept in their month, each with
 * a warning that quotes it; a deadline is an action due that day. */
static void
test_dates_without_times (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Calendario 2023\n"
    "\n"
    "### Enero\n"
    "\n"
    "- **17 de enero** Sesión de Comité\n"
    "\n"
    "### Febrero\n"
    "\n"
    "- **9 de febrero** Fecha límite para solicitar cambios\n"
    "- **14 de febrero** Sesión de Comité\n");

  g_assert_cmpuint (result->sessions->len, ==, 2);
  for (guint i = 0; i < result->sessions->len; i++)
    {
      ConveneSession *session = result->sessions->pdata[i];

      g_assert_cmpstr (convene_session_get_topic (session), ==, "Sesión de Comité");
      g_assert_null (convene_session_get_start (session));
    }
  g_assert_cmpstr (convene_session_get_month (result->sessions->pdata[0]), ==, "2023-01");
  g_assert_cmpstr (convene_session_get_month (result->sessions->pdata[1]), ==, "2023-02");
  assert_warning (result, 5, "“17 de enero Sesión de Comité”");
  assert_warning (result, 10, "“14 de febrero Sesión de Comité”");
  g_assert_cmpuint (result->actions->len, ==, 1);
  assert_due (result, "Fecha límite para solicitar cambios", "2023-02-09");
}

/* A meeting's heading with its day and no time, a range of days too. */
static void
test_dated_headings (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Management Committee\n"
    "\n"
    "**Meeting 2: 24 October 2022**\n"
    "\n"
    "- minutes\n"
    "\n"
    "**Meeting 1: 11-12 October 2021**\n"
    "\n"
    "- minutes\n");

  g_assert_cmpuint (result->sessions->len, ==, 2);
  g_assert_cmpstr (convene_session_get_topic (result->sessions->pdata[0]), ==, "Meeting 2");
  g_assert_cmpstr (convene_session_get_month (result->sessions->pdata[0]), ==, "2022-10");
  g_assert_cmpstr (convene_session_get_month (result->sessions->pdata[1]), ==, "2021-10");
  assert_warning (result, 3, "“Meeting 2: 24 October 2022”");
  assert_warning (result, 7, "“Meeting 1: 11-12 October 2021”");
}

/* A section of meetings from which nothing could be read is said,
 * quoting its heading; one whose subsection made a session is not. */
static void
test_skipped_section (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Action Plan 2024\n"
    "\n"
    "## Goals\n"
    "\n"
    "- Open data for all\n"
    "\n"
    "## Meetings\n"
    "\n"
    "Members meet whenever they like, somewhere nice.\n"
    "\n"
    "## Calls\n"
    "\n"
    "Our calls, by team.\n"
    "\n"
    "### Design\n"
    "\n"
    "The call is on Tuesday 5 March 2024 at 14:00 UTC.\n");

  g_assert_cmpuint (result->goals->len, ==, 1);
  g_assert_cmpuint (result->sessions->len, ==, 1);
  assert_warning (result, 7, "“Meetings”");
  assert_no_warning_with (result, "“Calls”");
  assert_no_warning_with (result, "“Goals”");
}

/* A dated line no reader used: said, quoting it; prose that mentions a
 * day in passing, or "2/3 of the globe", is not. */
static void
test_unused_day (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Action Plan 2022\n"
    "\n"
    "## Goals\n"
    "\n"
    "- Better data\n"
    "\n"
    "## Notes\n"
    "\n"
    "- 24 October 2022\n"
    "- Reach 2/3 of the globe\n"
    "\n"
    "The plan was approved on 3 May 2022 by the members.\n");

  assert_warning (result, 9, "“24 October 2022”");
  assert_no_warning_with (result, "2/3");
  assert_no_warning_with (result, "3 May 2022");
}

/* A table written without its outer pipes, its day and its time in two
 * columns (the time first in the second table): each row one session. */
static void
test_pipeless_table_with_times (void)
{
  g_autoptr(ConveneImportResult) result = import_text (
    "# Meetups 2023\n"
    "\n"
    "Number | Name | Date | Time | Link\n"
    "|-------|------|------|------|------|\n"
    "#4 | Meetup #4 | 2023-07-21 | 04:00 UTC | Register\n"
    "#3 | Meetup #3 | 2023-06-16 | 16:00 Europe/Berlin | TBD\n"
    "\n"
    "| Name | Time | Date |\n"
    "|---|---|---|\n"
    "| Meetup #2 | 04:00 UTC | 2023-05-26 |\n");
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) wall = g_date_time_new (berlin, 2023, 6, 16, 16, 0, 0);
  g_autoptr(GDateTime) expected = g_date_time_to_utc (wall);

  g_assert_cmpuint (result->sessions->len, ==, 3);
  g_assert_cmpstr (convene_session_get_topic (result->sessions->pdata[0]), ==, "Meetup #4");
  g_assert_true (g_date_time_equal (convene_session_get_start (result->sessions->pdata[1]), expected));
  g_assert_cmpstr (convene_session_get_timezone (result->sessions->pdata[1]), ==, "Europe/Berlin");
  g_assert_cmpstr (convene_session_get_topic (result->sessions->pdata[2]), ==, "Meetup #2");
  g_assert_nonnull (convene_session_get_start (result->sessions->pdata[2]));
}

/* A paragraph too long to be one meeting, whose writer set its meeting
 * in bold: that part is read; two such parts are not, and are said. */
static void
test_bold_in_long_paragraph (void)
{
  g_autoptr(ConveneImportResult) one = import_text (
    "# Regular meetings 2021\n"
    "\n"
    "By far the most popular slot was 4pm (UK time) on Mondays, and I have arbitrarily picked the "
    "2nd in the month, so the first of these will be **4pm BST (3pm UTC), Monday 13 September**.\n");
  g_autoptr(ConveneImportResult) two = import_text (
    "# Action Plan 2021\n"
    "\n"
    "## Goals\n"
    "\n"
    "- Better data\n"
    "\n"
    "## Regular meetings\n"
    "\n"
    "By far the most popular slot was 4pm (UK time) on Mondays, and I have arbitrarily picked the "
    "2nd in the month, so the first will be **4pm BST, Monday 13 September** or "
    "**4pm BST, Monday 20 September**.\n");
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) wall = g_date_time_new (london, 2021, 9, 13, 16, 0, 0);

  g_assert_cmpuint (one->sessions->len, ==, 1);
  g_assert_true (g_date_time_equal (convene_session_get_start (one->sessions->pdata[0]), wall));
  g_assert_cmpstr (convene_session_get_timezone (one->sessions->pdata[0]), ==, "Europe/London");
  g_assert_cmpuint (two->sessions->len, ==, 0);
  assert_warning (two, 9, "names a day and a time");
}

static GDateTime *
wall_clock (const char *zone,
            int         year,
            int         month,
            int         day,
            int         hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

  return g_date_time_new (tz, year, month, day, hour, 0, 0);
}

/* A table of rotating slots: a day column, one column a meeting, each
 * time a session named after its column.  In a text that speaks of Asia
 * "CST" is China's, said in a warning; in one that does not, US
 * Central's, said too. */
static void
test_slot_table (void)
{
  const char *table =
    "| Day | Europe & Asia Pacific | Asia Pacific & US |\n"
    "| --- | --- | --- |\n"
    "| Tuesday, 25th June 2024 | 10 am CEST / 4 pm CST | |\n"
    "| Tuesday, 9th July 2024 | | 8am CST / 8pm EDT |\n";
  g_autofree char *asia = g_strconcat ("# SIG meetings 2024\n\n", table, NULL);
  g_autofree char *us = g_strconcat ("# SIG meetings 2024\n\n",
                                     "| Day | Morning call | Evening call |\n"
                                     "| --- | --- | --- |\n"
                                     "| Tuesday, 9th July 2024 | 8am CST | |\n", NULL);
  g_autoptr(ConveneImportResult) read_asia = import_text (asia);
  g_autoptr(ConveneImportResult) read_us = import_text (us);
  g_autoptr(GDateTime) first = wall_clock ("Europe/Brussels", 2024, 6, 25, 10);
  g_autoptr(GDateTime) china = wall_clock ("Asia/Shanghai", 2024, 7, 9, 8);
  g_autoptr(GDateTime) chicago = wall_clock ("America/Chicago", 2024, 7, 9, 8);

  g_assert_cmpuint (read_asia->sessions->len, ==, 2);
  g_assert_cmpstr (convene_session_get_topic (read_asia->sessions->pdata[0]), ==, "Europe & Asia Pacific");
  g_assert_true (g_date_time_equal (convene_session_get_start (read_asia->sessions->pdata[0]), first));
  g_assert_cmpstr (convene_session_get_topic (read_asia->sessions->pdata[1]), ==, "Asia Pacific & US");
  g_assert_true (g_date_time_equal (convene_session_get_start (read_asia->sessions->pdata[1]), china));
  g_assert_cmpstr (convene_session_get_timezone (read_asia->sessions->pdata[1]), ==, "Asia/Shanghai");
  assert_warning (read_asia, 6, "“CST”");

  g_assert_cmpuint (read_us->sessions->len, ==, 1);
  g_assert_cmpstr (convene_session_get_topic (read_us->sessions->pdata[0]), ==, "Morning call");
  g_assert_true (g_date_time_equal (convene_session_get_start (read_us->sessions->pdata[0]), chicago));
  assert_warning (read_us, 5, "“CST”");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/dues/table", test_due_table);
  g_test_add_func ("/document/dues/html-table", test_due_html_table);
  g_test_add_func ("/document/dues/schedule-table-stays", test_schedule_table_stays);
  g_test_add_func ("/document/dues/months-and-goals", test_months_and_goals);
  g_test_add_func ("/document/dues/goal-prose-is-no-list", test_goal_prose_is_no_list);
  g_test_add_func ("/document/dates/without-times", test_dates_without_times);
  g_test_add_func ("/document/dates/dated-headings", test_dated_headings);
  g_test_add_func ("/document/tables/pipeless-with-times", test_pipeless_table_with_times);
  g_test_add_func ("/document/dates/bold-in-long-paragraph", test_bold_in_long_paragraph);
  g_test_add_func ("/document/tables/rotating-slots", test_slot_table);
  g_test_add_func ("/document/unplaced/skipped-section", test_skipped_section);
  g_test_add_func ("/document/unplaced/unused-day", test_unused_day);

  return g_test_run ();
}
