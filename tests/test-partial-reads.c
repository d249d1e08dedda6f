/* test-partial-reads.c: over the whole corpus of documents (the real texts
 * of other groups in fixtures/real/, the seeds and the announcements), no
 * imported session has an instant that came from a time expression read in
 * part without a word.
 *
 * For every session an import gives with a start, the lines of the text
 * that give that same instant when read alone (in the plan's zone) are its
 * sources.  A source whose reading passed over something time-like (a
 * clock, a date, a year, an ordinal day, a month or weekday name, a zone
 * abbreviation or identifier) must have a warning, from the parser or on
 * its line of the import.  Every line of the corpus is also read alone:
 * whenever the parser gives an instant while passing over something
 * time-like, it says so. */
#include <glib/gstdio.h>
#include <string.h>

#include "import/convene-document-import.h"
#include "import/convene-import.h"
#include "time/convene-time-expr.h"
#include "time/convene-time-words.h"

static gboolean
is_time_like (const char *word)
{
  static GRegex *clock;
  g_autofree char *bare = g_strstrip (g_strdup (word));
  gsize n = strlen (bare);

  if (g_once_init_enter_pointer (&clock))
    g_once_init_leave_pointer (&clock, g_regex_new (
      "^\\d{1,2}[:.h]\\d\\d|^\\d{1,2}\\s?(?:am|pm|hs?)\\b|^(?:19|20)\\d\\d\\b|^\\d{1,2}(?:st|nd|rd|th)\\b"
      "|^\\d{1,4}[-/]\\d{1,2}",
      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  while (n > 0 && strchr (".,;:()*`", bare[n - 1]) != NULL)
    bare[--n] = '\0';
  if (n == 0)
    return FALSE;
  if (g_regex_match (clock, bare, 0, NULL))
    return TRUE;
  if (convene_time_words_month_from_name (bare) != 0 ||
      convene_time_words_weekday_from_name (bare) != G_DATE_BAD_WEEKDAY)
    return n > 2;
  /* "EST", "CEST", "PDT": capitals ending in T; "Europe/Berlin". */
  if (n >= 3 && n <= 5 && bare[n - 1] == 'T' && !g_str_equal (bare, "DST"))
    {
      gboolean capitals = TRUE;

      for (gsize k = 0; k < n; k++)
        capitals = capitals && g_ascii_isupper (bare[k]);
      if (capitals)
        return TRUE;
    }
  return strchr (bare, '/') != NULL && g_ascii_isupper (bare[0]) && g_ascii_isalpha (bare[n - 1]);
}

/* The first time-like word the reading of @expr passed over, or NULL. */
static char *
passed_over (ConveneTimeExpr *expr)
{
  for (guint i = 0; expr->unread != NULL && expr->unread[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (expr->unread[i], " \t", -1);

      for (guint k = 0; words[k] != NULL; k++)
        if (is_time_like (words[k]))
          return g_strdup (words[k]);
    }
  return NULL;
}

static char *
read_text (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  /* A real text's header ends at its "---" line. */
  body = strstr (contents, "\n---\n");
  if (strstr (path, "/real/") != NULL && body != NULL)
    return g_strdup (body + strlen ("\n---\n"));
  return g_steal_pointer (&contents);
}

static GPtrArray *
corpus (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char * const folders[] = { "fixtures/real", "fixtures" };

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, folders[f], NULL);
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      g_assert_nonnull (listing);
      while ((name = g_dir_read_name (listing)) != NULL)
        if (g_str_has_suffix (name, ".txt") && !g_str_equal (name, "time-expressions.txt"))
          g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >=, 30);
  return paths;
}

static gboolean
warned_on (ConveneImportResult *result,
           guint                line)
{
  for (guint i = 0; i < result->warnings->len; i++)
    if (((ConveneImportWarning *) g_ptr_array_index (result->warnings, i))->line == line)
      return TRUE;
  return FALSE;
}

static GDate
plan_reference (ConveneImportResult *result)
{
  GDate reference;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_JANUARY, convene_plan_get_year (result->plans->pdata[0]));
  return reference;
}

/* Every session with a start, against the lines that give its instant. */
static void
test_sessions (void)
{
  g_autoptr(GPtrArray) paths = corpus ();
  guint traced = 0, sessions = 0;

  for (guint p = 0; p < paths->len; p++)
    {
      const char *path = g_ptr_array_index (paths, p);
      g_autofree char *text = read_text (path);
      g_autoptr(ConveneImportResult) result = convene_document_import (path, text, strlen (text), NULL);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      GDate reference;

      if (result == NULL || result->plans->len == 0)
        continue;
      reference = plan_reference (result);
      for (guint s = 0; s < result->sessions->len; s++)
        {
          ConveneSession *session = g_ptr_array_index (result->sessions, s);
          GDateTime *start = convene_session_get_start (session);
          const char *zone = convene_plan_get_timezone (result->plans->pdata[0]);

          if (start == NULL)
            continue;
          sessions++;
          for (guint l = 0; lines[l] != NULL; l++)
            {
              g_autoptr(ConveneTimeExpr) expr = NULL;
              g_autofree char *word = NULL;

              expr = convene_time_expr_parse (lines[l], &reference, zone != NULL ? zone : "UTC",
                                              CONVENE_TIME_EXPR_DEFAULT, NULL);
              if (expr == NULL || expr->start == NULL || !g_date_time_equal (expr->start, start))
                continue;
              traced++;
              word = passed_over (expr);
              if (word != NULL && expr->warnings->len == 0 && !warned_on (result, l + 1))
                g_error ("%s:%u: the session at this line's instant was read past “%s” without a warning: %s",
                         path, l + 1, word, lines[l]);
            }
        }
    }
  g_test_message ("%u sessions with a start, %u source lines traced", sessions, traced);
  g_assert_cmpuint (traced, >, 0);
}

/* Every line of the corpus, read alone. */
static void
test_lines (void)
{
  g_autoptr(GPtrArray) paths = corpus ();
  GDate reference;
  guint read = 0;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_JANUARY, 2024);
  for (guint p = 0; p < paths->len; p++)
    {
      const char *path = g_ptr_array_index (paths, p);
      g_autofree char *text = read_text (path);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          /* A table row is read a cell at a time, as the importer does. */
          g_auto(GStrv) cells = g_strsplit_set (lines[l], "|\t", -1);

          for (guint c = 0; cells[c] != NULL; c++)
            {
              g_autoptr(ConveneTimeExpr) expr = NULL;
              g_autofree char *word = NULL;

              expr = convene_time_expr_parse (cells[c], &reference, NULL, CONVENE_TIME_EXPR_DEFAULT, NULL);
              if (expr == NULL || expr->start == NULL)
                continue;
              read++;
              word = passed_over (expr);
              if (word != NULL && expr->warnings->len == 0)
                g_error ("%s:%u: an instant was read past “%s” without a warning: %s", path, l + 1, word,
                         cells[c]);
            }
        }
    }
  g_test_message ("%u lines or cells gave an instant", read);
  g_assert_cmpuint (read, >, 30);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/partial-reads/sessions", test_sessions);
  g_test_add_func ("/partial-reads/lines", test_lines);
  return g_test_run ();
}
