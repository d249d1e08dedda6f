/* fuzz-json-import.c: libFuzzer target for reading JSON exports.
 *
 * A file is either refused with an import error that names it, or it keeps
 * every promise of the preview: it writes whole into an empty database, and
 * what that database exports reads back and exports again to the same text.
 */
#include "export/convene-json-export.h"
#include "import/convene-json-import.h"
#include "import/convene-import-writer.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *
write_and_export (ConveneImportResult *result)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  store = convene_store_new (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
  text = convene_json_export (store, 0, &error);
  g_assert_no_error (error);
  return text;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(ConveneImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  result = convene_json_import ("fuzz.json", (const char *) data, size, &error);
  if (result == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CONVENE_IMPORT_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
      return 0;
    }
  g_assert_no_error (error);

  first = write_and_export (result);
  again = convene_json_import ("export.json", first, strlen (first), &error);
  g_assert_no_error (error);
  second = write_and_export (again);
  g_assert_cmpstr (first, ==, second);
  return 0;
}
