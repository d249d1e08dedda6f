/* test-sync-rows.c: what the store keeps of CalDAV calendars: a database of
 * the previous version gains the tables, accounts are one a server and
 * user, a new calendar forgets the old one's token and items, and removing
 * an account or a plan takes its items and conflicts with it. */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "store/convene-store-private.h"
#include "store/convene-sync-rows.h"
#include "model/convene-plan.h"

static char *
new_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("convene-sync-rows-XXXXXX", NULL);

  return g_build_filename (dir, "convene.db", NULL);
}

static ConvenePlan *
add_plan (ConveneStore *store)
{
  g_autoptr(GError) error = NULL;
  ConvenePlan *plan = g_object_new (CONVENE_TYPE_PLAN, "title", "Action Plan 2021", "year", 2021, NULL);

  g_assert_true (convene_store_add (store, CONVENE_ENTITY (plan), &error));
  g_assert_no_error (error);
  return plan;
}

static ConveneSyncItem *
new_item (gint64      account,
          gint64      plan,
          const char *uid)
{
  ConveneSyncItem *item = g_new0 (ConveneSyncItem, 1);

  item->account = account;
  item->plan = plan;
  item->uid = g_strdup (uid);
  item->href = g_strdup_printf ("http://127.0.0.1/coordinator/convene/%s.ics", uid);
  item->etag = g_strdup ("\"1\"");
  item->synced = g_strdup ("BEGIN:VCALENDAR");
  return item;
}

static void
test_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ();
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  /* The version before the sync tables, as a user's file would be. */
  g_assert_true (_convene_store_create_at_version (path, CONVENE_STORE_SCHEMA_VERSION - 1, &error));
  g_assert_no_error (error);
  store = convene_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (convene_store_get_schema_version (store), ==, CONVENE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (convene_store_add_sync_account (store, "http://127.0.0.1:5232/", "coordinator", &error),
                   >, 0);
  g_assert_no_error (error);
  accounts = convene_store_list_sync_accounts (store, &error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (((ConveneSyncAccount *) g_ptr_array_index (accounts, 0))->user, ==, "coordinator");
  g_assert_null (((ConveneSyncAccount *) g_ptr_array_index (accounts, 0))->calendar_url);
}

static void
test_one_account (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ();
  g_autoptr(ConveneStore) store = convene_store_new (path, &error);

  g_assert_cmpint (convene_store_add_sync_account (store, "https://dav.example.org/", "ana", &error), ==, 1);
  g_assert_cmpint (convene_store_add_sync_account (store, "https://dav.example.org/", "ana", &error), ==, 0);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Another user on the same server is another account. */
  g_assert_cmpint (convene_store_add_sync_account (store, "https://dav.example.org/", "luis", &error), ==, 2);
  g_assert_false (convene_store_remove_sync_account (store, 7, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
}

static void
test_new_calendar_forgets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ();
  g_autoptr(ConveneStore) store = convene_store_new (path, &error);
  g_autoptr(ConvenePlan) plan = add_plan (store);
  gint64 plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));
  gint64 account = convene_store_add_sync_account (store, "https://dav.example.org/", "ana", &error);
  g_autoptr(ConveneSyncItem) item = new_item (account, plan_id, "session-1@convene");
  g_autoptr(ConveneSyncAccount) read = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_assert_true (convene_store_set_sync_calendar (store, account, "https://dav.example.org/a/", &error));
  g_assert_true (convene_store_set_sync_token (store, account, "token-1", &error));
  g_assert_true (convene_store_put_sync_item (store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item->id, >, 0);

  /* The same calendar again keeps everything. */
  g_assert_true (convene_store_set_sync_calendar (store, account, "https://dav.example.org/a/", &error));
  read = convene_store_get_sync_account (store, account, &error);
  g_assert_cmpstr (read->sync_token, ==, "token-1");
  items = convene_store_list_sync_items (store, account, plan_id, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&read, convene_sync_account_free);

  /* Another one: its token and items would name the old calendar's. */
  g_assert_true (convene_store_set_sync_calendar (store, account, "https://dav.example.org/b/", &error));
  read = convene_store_get_sync_account (store, account, &error);
  g_assert_null (read->sync_token);
  g_assert_cmpstr (read->calendar_url, ==, "https://dav.example.org/b/");
  items = convene_store_list_sync_items (store, account, 0, &error);
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_conflicts_go_with_their_account (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ();
  g_autoptr(ConveneStore) store = convene_store_new (path, &error);
  g_autoptr(ConvenePlan) plan = add_plan (store);
  gint64 plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));
  gint64 account = convene_store_add_sync_account (store, "https://dav.example.org/", "ana", &error);
  g_autoptr(ConveneSyncItem) item = new_item (account, plan_id, "session-1@convene");
  g_autoptr(ConveneSyncItem) other = new_item (account, plan_id, "action-2@convene");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(ConveneSyncConflict) conflict = NULL;

  g_assert_true (convene_store_put_sync_item (store, item, &error));
  g_assert_true (convene_store_put_sync_item (store, other, &error));
  g_assert_true (convene_store_add_sync_conflict (store, item->id, "mine", NULL, NULL, &error));
  /* A second conflict on the same item replaces the first: one choice an item. */
  g_assert_true (convene_store_add_sync_conflict (store, item->id, "mine", "theirs", "\"2\"", &error));
  g_assert_no_error (error);
  conflicts = convene_store_list_sync_conflicts (store, 0, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = convene_store_get_sync_conflict (store, ((ConveneSyncConflict *) g_ptr_array_index (conflicts, 0))->id,
                                              &error);
  g_assert_cmpstr (conflict->uid, ==, "session-1@convene");
  g_assert_cmpstr (conflict->local, ==, "mine");
  g_assert_cmpstr (conflict->remote, ==, "theirs");
  g_assert_cmpstr (conflict->remote_etag, ==, "\"2\"");
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  g_assert_true (convene_store_remove_sync_account (store, account, &error));
  conflicts = convene_store_list_sync_conflicts (store, 0, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = convene_store_list_sync_items (store, account, 0, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/sync/upgrade-from-previous-version", test_upgrade);
  g_test_add_func ("/store/sync/one-account-a-server-and-user", test_one_account);
  g_test_add_func ("/store/sync/new-calendar-forgets-the-old", test_new_calendar_forgets);
  g_test_add_func ("/store/sync/conflicts-go-with-their-account", test_conflicts_go_with_their_account);
  return g_test_run ();
}
