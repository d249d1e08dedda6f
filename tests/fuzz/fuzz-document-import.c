/* fuzz-document-import.c: libFuzzer target for the action-plan document and
 * announcement importer.
 *
 * The input is the whole file, bytes as they come.  Besides not crashing,
 * leaking or hanging, the importer must either refuse the file with an
 * import error that names it, or give a preview that keeps the model's
 * rules: one titled plan that everything refers to, goals numbered from 1,
 * sessions with a topic, a valid month, and a start only with a zone
 * Convene can read and a positive length; warnings in UTF-8, on lines the
 * file has.
 */
#include "import/convene-document-import.h"
#include "model/convene-values.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_session (ConveneSession *session)
{
  const char *month = convene_session_get_month (session);
  g_autoptr(GTimeZone) tz = NULL;

  g_assert_nonnull (convene_session_get_topic (session));
  g_assert_cmpint (convene_session_get_plan (session), ==, 1);
  g_assert_true (month == NULL || convene_month_is_valid (month));
  if (convene_session_get_start (session) == NULL)
    return;
  tz = convene_timezone_new (convene_session_get_timezone (session));
  g_assert_nonnull (tz);
  g_assert_nonnull (month);
  g_assert_cmpint (convene_session_get_duration_minutes (session), >, 0);
}

static void
check_result (ConveneImportResult *result,
              guint                n_lines)
{
  g_assert_cmpuint (result->plans->len, ==, 1);
  g_assert_nonnull (convene_plan_get_title (result->plans->pdata[0]));
  g_assert_true (result->goals->len + result->actions->len + result->sessions->len > 0);
  for (guint i = 0; i < result->goals->len; i++)
    {
      g_assert_cmpint (convene_goal_get_position (result->goals->pdata[i]), ==, i + 1);
      g_assert_nonnull (convene_goal_get_title (result->goals->pdata[i]));
    }
  for (guint i = 0; i < result->actions->len; i++)
    g_assert_cmpint (convene_action_get_plan (result->actions->pdata[i]), ==, 1);
  for (guint i = 0; i < result->sessions->len; i++)
    check_session (g_ptr_array_index (result->sessions, i));
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *warning = g_ptr_array_index (result->warnings, i);

      g_assert_true (g_utf8_validate (warning->message, -1, NULL));
      g_assert_cmpuint (warning->line, <=, n_lines);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lines = 1;

  for (size_t i = 0; i < size; i++)
    n_lines += data[i] == '\n';
  result = convene_document_import ("fuzz.md", (const char *) data, size, &error);
  if (result != NULL)
    {
      g_assert_no_error (error);
      check_result (result, n_lines);
      return 0;
    }
  g_assert_nonnull (error);
  g_assert_true (error->domain == CONVENE_IMPORT_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "fuzz.md: "));
  return 0;
}
