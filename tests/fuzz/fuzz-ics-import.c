/* fuzz-ics-import.c: libFuzzer target for the iCalendar importer.
 *
 * The input is the whole file, bytes as they come.  Besides not crashing,
 * leaking or hanging, the importer must either refuse the file with an
 * import error that names it, or give a preview that keeps the model's
 * rules: every session has a topic, and a start comes with a zone Convene
 * can read, its month and a positive length.
 */
#include "convene-ics-import.h"
#include "convene-values.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_session (ConveneSession *session)
{
  GDateTime *start = convene_session_get_start (session);
  g_autoptr(GTimeZone) tz = NULL;

  g_assert_nonnull (convene_session_get_topic (session));
  if (start == NULL)
    return;
  tz = convene_timezone_new (convene_session_get_timezone (session));
  g_assert_nonnull (tz);
  g_assert_true (convene_month_is_valid (convene_session_get_month (session)));
  g_assert_cmpint (convene_session_get_duration_minutes (session), >, 0);
}

static void
check_result (ConveneImportResult *result,
              gboolean             utf8)
{
  g_assert_cmpuint (result->plans->len, ==, 1);
  g_assert_true (result->sessions->len + result->actions->len > 0);
  for (guint i = 0; i < result->sessions->len; i++)
    check_session (g_ptr_array_index (result->sessions, i));
  for (guint i = 0; i < result->actions->len; i++)
    {
      const char *due = convene_action_get_due (g_ptr_array_index (result->actions, i));

      g_assert_true (due == NULL || convene_due_is_valid (due));
    }
  for (guint i = 0; i < result->warnings->len && utf8; i++)
    {
      ConveneImportWarning *warning = g_ptr_array_index (result->warnings, i);

      g_assert_true (g_utf8_validate (warning->message, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = convene_ics_import ("fuzz.ics", (const char *) data, size, &error);
  if (result != NULL)
    {
      g_assert_no_error (error);
      check_result (result, g_utf8_validate ((const char *) data, size, NULL));
      return 0;
    }
  g_assert_nonnull (error);
  g_assert_true (error->domain == CONVENE_IMPORT_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "fuzz.ics"));
  return 0;
}
