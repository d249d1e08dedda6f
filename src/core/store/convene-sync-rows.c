/* convene-sync-rows.c: the rows of CalDAV accounts, items and conflicts
 * (see convene-sync-rows.h); every statement prepared once, with bound
 * parameters. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/convene-store-private.h"
#include "store/convene-sync-rows.h"

void
convene_sync_account_free (ConveneSyncAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->url);
  g_free (account->user);
  g_free (account->calendar_url);
  g_free (account->sync_token);
  g_free (account);
}

void
convene_sync_item_free (ConveneSyncItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uid);
  g_free (item->href);
  g_free (item->etag);
  g_free (item->synced);
  g_free (item);
}

void
convene_sync_conflict_free (ConveneSyncConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->uid);
  g_free (conflict->href);
  g_free (conflict->local);
  g_free (conflict->remote);
  g_free (conflict->remote_etag);
  g_free (conflict);
}

/* The id is written apart: G_GINT64_FORMAT inside a translatable string
 * would cut it short for xgettext. */
static void
set_not_found (GError     **error,
               const char  *format,
               gint64       id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND, format, text);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Steps a statement that returns no rows. */
static gboolean
run (ConveneStore  *self,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _convene_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

gint64
convene_store_add_sync_account (ConveneStore  *self,
                                const char    *url,
                                const char    *user,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONVENE_IS_STORE (self), 0);
  g_return_val_if_fail (url != NULL && user != NULL, 0);

  stmt = _convene_store_prepare (self, "INSERT INTO sync_accounts (url, user) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, url);
  bind_text (stmt, 2, user);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = sqlite3_extended_errcode (_convene_store_get_db (self));

      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_CONFLICT,
                     _("There is already an account for “%s” at %s"), user, url);
      else
        _convene_store_set_sqlite_error (self, rc, error);
      return 0;
    }
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (_convene_store_get_db (self));
}

static ConveneSyncAccount *
read_account (sqlite3_stmt *stmt)
{
  ConveneSyncAccount *account = g_new0 (ConveneSyncAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  account->url = column_text (stmt, 1);
  account->user = column_text (stmt, 2);
  account->calendar_url = column_text (stmt, 3);
  account->sync_token = column_text (stmt, 4);
  return account;
}

#define ACCOUNT_COLUMNS "SELECT id, url, user, calendar_url, sync_token FROM sync_accounts"

GPtrArray *
convene_store_list_sync_accounts (ConveneStore  *self,
                                  GError       **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) convene_sync_account_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = _convene_store_prepare (self, ACCOUNT_COLUMNS " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (accounts, read_account (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

ConveneSyncAccount *
convene_store_get_sync_account (ConveneStore  *self,
                                gint64         id,
                                GError       **error)
{
  ConveneSyncAccount *account = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = _convene_store_prepare (self, ACCOUNT_COLUMNS " WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    account = read_account (stmt);
  sqlite3_reset (stmt);
  if (account == NULL)
    set_not_found (error, _("There is no account %s"), id);
  return account;
}

static gboolean
run_with_id (ConveneStore  *self,
             const char    *sql,
             gint64         id,
             GError       **error)
{
  sqlite3_stmt *stmt = _convene_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return run (self, stmt, error);
}

gboolean
convene_store_remove_sync_account (ConveneStore  *self,
                                   gint64         id,
                                   GError       **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  if (!run_with_id (self, "DELETE FROM sync_accounts WHERE id = ?", id, error))
    return FALSE;
  if (sqlite3_changes (_convene_store_get_db (self)) == 0)
    {
      set_not_found (error, _("There is no account %s"), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
convene_store_set_sync_calendar (ConveneStore  *self,
                                 gint64         account,
                                 const char    *calendar_url,
                                 GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  if (!convene_store_begin (self, error))
    return FALSE;
  stmt = _convene_store_prepare (self,
                                 "UPDATE sync_accounts SET calendar_url = ?, sync_token = NULL"
                                 " WHERE id = ? AND calendar_url IS NOT ?", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, calendar_url);
      sqlite3_bind_int64 (stmt, 2, account);
      bind_text (stmt, 3, calendar_url);
    }
  if (stmt == NULL || !run (self, stmt, error) ||
      (sqlite3_changes (_convene_store_get_db (self)) > 0 &&
       !run_with_id (self, "DELETE FROM sync_items WHERE account = ?", account, error)))
    {
      convene_store_rollback (self);
      return FALSE;
    }
  return convene_store_commit (self, error);
}

gboolean
convene_store_set_sync_token (ConveneStore  *self,
                              gint64         account,
                              const char    *token,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  stmt = _convene_store_prepare (self, "UPDATE sync_accounts SET sync_token = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, token);
  sqlite3_bind_int64 (stmt, 2, account);
  return run (self, stmt, error);
}

GPtrArray *
convene_store_list_sync_items (ConveneStore  *self,
                               gint64         account,
                               gint64         plan,
                               GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) convene_sync_item_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = _convene_store_prepare (self,
                                 "SELECT id, account, plan, uid, href, etag, synced FROM sync_items"
                                 " WHERE account = ? AND (? = 0 OR plan = ?) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account);
  sqlite3_bind_int64 (stmt, 2, plan);
  sqlite3_bind_int64 (stmt, 3, plan);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConveneSyncItem *item = g_new0 (ConveneSyncItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->account = sqlite3_column_int64 (stmt, 1);
      item->plan = sqlite3_column_int64 (stmt, 2);
      item->uid = column_text (stmt, 3);
      item->href = column_text (stmt, 4);
      item->etag = column_text (stmt, 5);
      item->synced = column_text (stmt, 6);
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

gboolean
convene_store_put_sync_item (ConveneStore     *self,
                             ConveneSyncItem  *item,
                             GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL && item->uid != NULL && item->href != NULL, FALSE);

  stmt = _convene_store_prepare (self,
                                 "INSERT INTO sync_items (account, plan, uid, href, etag, synced)"
                                 " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account, uid) DO UPDATE"
                                 " SET plan = excluded.plan, href = excluded.href,"
                                 " etag = excluded.etag, synced = excluded.synced"
                                 " RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->account);
  sqlite3_bind_int64 (stmt, 2, item->plan);
  bind_text (stmt, 3, item->uid);
  bind_text (stmt, 4, item->href);
  bind_text (stmt, 5, item->etag);
  bind_text (stmt, 6, item->synced);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      item->id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _convene_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

gboolean
convene_store_remove_sync_item (ConveneStore  *self,
                                gint64         id,
                                GError       **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  return run_with_id (self, "DELETE FROM sync_items WHERE id = ?", id, error);
}

#define CONFLICT_COLUMNS \
  "SELECT c.id, c.item, i.account, i.plan, i.uid, i.href, c.local, c.remote, c.remote_etag" \
  " FROM sync_conflicts c JOIN sync_items i ON i.id = c.item"

static ConveneSyncConflict *
read_conflict (sqlite3_stmt *stmt)
{
  ConveneSyncConflict *conflict = g_new0 (ConveneSyncConflict, 1);

  conflict->id = sqlite3_column_int64 (stmt, 0);
  conflict->item = sqlite3_column_int64 (stmt, 1);
  conflict->account = sqlite3_column_int64 (stmt, 2);
  conflict->plan = sqlite3_column_int64 (stmt, 3);
  conflict->uid = column_text (stmt, 4);
  conflict->href = column_text (stmt, 5);
  conflict->local = column_text (stmt, 6);
  conflict->remote = column_text (stmt, 7);
  conflict->remote_etag = column_text (stmt, 8);
  return conflict;
}

GPtrArray *
convene_store_list_sync_conflicts (ConveneStore  *self,
                                   gint64         account,
                                   GError       **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) convene_sync_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = _convene_store_prepare (self, CONFLICT_COLUMNS " WHERE ? = 0 OR i.account = ? ORDER BY c.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account);
  sqlite3_bind_int64 (stmt, 2, account);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (conflicts, read_conflict (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&conflicts);
}

ConveneSyncConflict *
convene_store_get_sync_conflict (ConveneStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  ConveneSyncConflict *conflict = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = _convene_store_prepare (self, CONFLICT_COLUMNS " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    conflict = read_conflict (stmt);
  sqlite3_reset (stmt);
  if (conflict == NULL)
    set_not_found (error, _("There is no conflict %s"), id);
  return conflict;
}

gboolean
convene_store_add_sync_conflict (ConveneStore  *self,
                                 gint64         item,
                                 const char    *local,
                                 const char    *remote,
                                 const char    *remote_etag,
                                 GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  stmt = _convene_store_prepare (self,
                                 "INSERT INTO sync_conflicts (item, local, remote, remote_etag)"
                                 " VALUES (?, ?, ?, ?) ON CONFLICT (item) DO UPDATE"
                                 " SET local = excluded.local, remote = excluded.remote,"
                                 " remote_etag = excluded.remote_etag", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item);
  bind_text (stmt, 2, local);
  bind_text (stmt, 3, remote);
  bind_text (stmt, 4, remote_etag);
  return run (self, stmt, error);
}

gboolean
convene_store_remove_sync_conflict (ConveneStore  *self,
                                    gint64         id,
                                    GError       **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  return run_with_id (self, "DELETE FROM sync_conflicts WHERE id = ?", id, error);
}
