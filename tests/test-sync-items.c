/* test-sync-items.c: a plan's CalDAV items as the exporter writes them.
 *
 * CalDAV keeps a series and the VEVENTs of its changed meetings (the same
 * UID, each with a RECURRENCE-ID) in one resource (RFC 4791, 4.1): the
 * item of a series must hold them all, with each VTIMEZONE once, or a
 * calendar client would see the last changed meeting in place of the
 * series. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "import/convene-ics-import.h"
#include "import/convene-import-writer.h"
#include "sync/convene-sync-private.h"

static guint
count (const char *text,
       const char *part)
{
  guint n = 0;

  for (const char *p = strstr (text, part); p != NULL; p = strstr (p + 1, part))
    n++;
  return n;
}

static void
test_series_in_one_item (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-sync-items-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "convene.db", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ics-google-series.ics", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(ConveneStore) store = convene_store_new (db, &error);
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       _convene_sync_local_item_free);
  LocalItem *weekly, *lunch;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  result = convene_ics_import (path, contents, length, &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);

  g_assert_true (_convene_sync_add_local_items (store, 1, items, &error));
  g_assert_no_error (error);
  /* Two series and one single session: three items, not one a VEVENT. */
  g_assert_cmpuint (g_hash_table_size (items), ==, 3);
  weekly = g_hash_table_lookup (items, "session-1@convene");
  lunch = g_hash_table_lookup (items, "session-3@convene");
  g_assert_nonnull (weekly);
  g_assert_nonnull (lunch);
  /* The weekly call and its three changed meetings. */
  g_assert_cmpuint (count (weekly->text, "BEGIN:VEVENT"), ==, 1 + 3);
  g_assert_cmpuint (count (weekly->text, "RECURRENCE-ID;TZID=Europe/London:"), ==, 3);
  g_assert_cmpuint (count (weekly->text, "BEGIN:VTIMEZONE"), ==, 1);
  g_assert_cmpuint (count (weekly->normalized, "DTSTAMP"), ==, 0);
  g_assert_cmpuint (count (lunch->text, "BEGIN:VEVENT"), ==, 1);

  g_clear_object (&store);
  for (const char *const *f = (const char *const[]) { "convene.db", "convene.db-wal", "convene.db-shm",
                                                      NULL }; *f != NULL; f++)
    {
      g_autofree char *file = g_build_filename (dir, *f, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync-items/series-in-one-item", test_series_in_one_item);
  return g_test_run ();
}
