/* fuzz-ics-import.c: libFuzzer target for the iCalendar importer.
 *
 * The input is the whole file, bytes as they come.  Besides not crashing,
 * leaking or hanging, the importer must either refuse the file with an
 * import error that names it, or give a preview that keeps the model's
 * rules: every session has a topic, and a start comes with a zone Convene
 * can read, its month and a positive length.  Read as a stream a few bytes
 * at a time (as convene-cli import reads large files, a chunk at a time),
 * the same bytes must give the same answer; bytes that are not UTF-8 must
 * be refused there.
 */
#include "import/convene-ics-import.h"
#include "model/convene-values.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A stream that gives at most a few bytes a read, so that lines, folds,
 * CRLF pairs and the byte order mark are cut at every place. */
#define SHORT_READ 7

typedef struct {
  GFilterInputStream parent_instance;
} ShortReadStream;

typedef struct {
  GFilterInputStreamClass parent_class;
} ShortReadStreamClass;

static GType short_read_stream_get_type (void);
G_DEFINE_TYPE (ShortReadStream, short_read_stream, G_TYPE_FILTER_INPUT_STREAM)

static gssize
short_read_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));

  return g_input_stream_read (base, buffer, MIN (count, SHORT_READ), cancellable, error);
}

static void
short_read_stream_class_init (ShortReadStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = short_read_stream_read;
}

static void
short_read_stream_init (ShortReadStream *self)
{
}

static void
check_stream_agrees (const uint8_t       *data,
                     size_t               size,
                     ConveneImportResult *whole,
                     const GError        *whole_error)
{
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GInputStream) stream = g_object_new (short_read_stream_get_type (),
                                                 "base-stream", memory, NULL);
  g_autoptr(ConveneImportResult) streamed = convene_import_result_new ("fuzz.ics");
  g_autoptr(GError) error = NULL;
  gboolean ok = convene_ics_import_stream (streamed, stream, &error);

  g_assert_true (ok == (error == NULL));
  if (!g_utf8_validate_len ((const char *) data, size, NULL))
    {
      g_assert_false (ok);
      return;
    }
  g_assert_true (ok == (whole != NULL));
  if (!ok)
    {
      g_assert_cmpstr (error->message, ==, whole_error->message);
      return;
    }
  g_assert_cmpuint (streamed->sessions->len, ==, whole->sessions->len);
  g_assert_cmpuint (streamed->actions->len, ==, whole->actions->len);
  g_assert_cmpuint (streamed->warnings->len, ==, whole->warnings->len);
  g_assert_cmpstr (convene_plan_get_title (g_ptr_array_index (streamed->plans, 0)), ==,
                   convene_plan_get_title (g_ptr_array_index (whole->plans, 0)));
}

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
  check_stream_agrees (data, size, result, error);
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
