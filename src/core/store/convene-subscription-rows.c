/* convene-subscription-rows.c: the rows of followed calendars and their
 * events.  Events are written with the session columns they need to be
 * shown (topic, time, place, status); they are never edited here. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "store/convene-subscription-rows.h"
#include "store/convene-store-private.h"
#include "model/convene-enum-types.h"
#include "model/convene-values.h"

#define SUBSCRIPTION_COLUMNS \
  "s.id, s.url, s.name, s.etag, s.last_modified, s.state, s.error, s.checked," \
  " (SELECT count(*) FROM subscription_events e WHERE e.subscription = s.id)"

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

static ConveneSubscription *
subscription_from_row (sqlite3_stmt *stmt)
{
  ConveneSubscription *self = convene_subscription_new ();
  ConveneSubscriptionState state = CONVENE_SUBSCRIPTION_STATE_NEW;
  const char *checked = (const char *) sqlite3_column_text (stmt, 7);

  convene_subscription_set_id (self, sqlite3_column_int64 (stmt, 0));
  convene_subscription_set_url (self, (const char *) sqlite3_column_text (stmt, 1));
  convene_subscription_set_name (self, (const char *) sqlite3_column_text (stmt, 2));
  convene_subscription_set_etag (self, (const char *) sqlite3_column_text (stmt, 3));
  convene_subscription_set_last_modified (self, (const char *) sqlite3_column_text (stmt, 4));
  convene_subscription_state_from_string ((const char *) sqlite3_column_text (stmt, 5), &state);
  convene_subscription_set_state (self, state);
  convene_subscription_set_error (self, (const char *) sqlite3_column_text (stmt, 6));
  if (checked != NULL)
    {
      g_autoptr(GDateTime) instant = convene_instant_parse (checked);

      convene_subscription_set_checked (self, instant);
    }
  convene_subscription_set_n_events (self, sqlite3_column_int (stmt, 8));
  return self;
}

static GPtrArray *
select_subscriptions (ConveneStore  *store,
                      gint64         id,
                      GError       **error)
{
  sqlite3_stmt *stmt = _convene_store_prepare (store,
                                               "SELECT " SUBSCRIPTION_COLUMNS " FROM subscriptions s"
                                               " WHERE ?1 = 0 OR s.id = ?1 ORDER BY s.name, s.id",
                                               error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, subscription_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/**
 * convene_store_list_subscriptions:
 *
 * Returns: (transfer container): every subscription, by name
 */
GPtrArray *
convene_store_list_subscriptions (ConveneStore  *store,
                                  GError       **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  return select_subscriptions (store, 0, error);
}

ConveneSubscription *
convene_store_load_subscription (ConveneStore  *store,
                                 gint64         id,
                                 GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  found = id > 0 ? select_subscriptions (store, id, error) : NULL;
  if (found == NULL && id > 0)
    return NULL;
  if (found == NULL || found->len == 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                   _("There is no subscription %" PRId64), id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

static gboolean
step_done (ConveneStore  *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_CONFLICT,
                   _("That calendar is already subscribed to"));
      return FALSE;
    }
  return _convene_store_set_sqlite_error (store, rc, error);
}

static gboolean
write_state (ConveneStore         *store,
             ConveneSubscription  *subscription,
             GError              **error)
{
  sqlite3_stmt *stmt = _convene_store_prepare (store,
                                               "UPDATE subscriptions SET name = ?2, etag = ?3,"
                                               " last_modified = ?4, state = ?5, error = ?6,"
                                               " checked = ?7 WHERE id = ?1",
                                               error);
  GDateTime *checked = convene_subscription_get_checked (subscription);
  g_autofree char *checked_text = checked != NULL ? convene_instant_to_string (checked) : NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, convene_subscription_get_id (subscription));
  bind_text (stmt, 2, convene_subscription_get_name (subscription));
  bind_text (stmt, 3, convene_subscription_get_etag (subscription));
  bind_text (stmt, 4, convene_subscription_get_last_modified (subscription));
  bind_text (stmt, 5, convene_subscription_state_to_string (convene_subscription_get_state (subscription)));
  bind_text (stmt, 6, convene_subscription_get_error (subscription));
  bind_text (stmt, 7, checked_text);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_convene_store_get_db (store)) == 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                   _("There is no subscription %" PRId64),
                   convene_subscription_get_id (subscription));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_event (ConveneStore    *store,
             gint64           subscription_id,
             ConveneSession  *session,
             GError         **error)
{
  sqlite3_stmt *stmt = _convene_store_prepare (store,
                                               "INSERT INTO subscription_events (subscription, topic,"
                                               " description, location, month, start, timezone,"
                                               " duration_minutes, recurrence, status)"
                                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                               error);
  GDateTime *start = convene_session_get_start (session);
  g_autofree char *start_text = start != NULL ? convene_instant_to_string (start) : NULL;
  GEnumClass *statuses = g_type_class_peek (CONVENE_TYPE_SESSION_STATUS);
  GEnumValue *status = g_enum_get_value (statuses, convene_session_get_status (session));

  if (stmt == NULL)
    return FALSE;
  _convene_store_fill_session_month (CONVENE_ENTITY (session));
  sqlite3_bind_int64 (stmt, 1, subscription_id);
  bind_text (stmt, 2, convene_session_get_topic (session) != NULL ? convene_session_get_topic (session) : "");
  bind_text (stmt, 3, convene_session_get_description (session));
  bind_text (stmt, 4, convene_session_get_location (session));
  bind_text (stmt, 5, convene_session_get_month (session));
  bind_text (stmt, 6, start_text);
  bind_text (stmt, 7, convene_session_get_timezone (session));
  sqlite3_bind_int (stmt, 8, convene_session_get_duration_minutes (session));
  bind_text (stmt, 9, convene_session_get_recurrence (session));
  bind_text (stmt, 10, status != NULL ? status->value_nick : "scheduled");
  return step_done (store, stmt, error);
}

static gboolean
write_events (ConveneStore  *store,
              gint64         subscription_id,
              GPtrArray     *events,
              GError       **error)
{
  sqlite3_stmt *stmt = _convene_store_prepare (store,
                                               "DELETE FROM subscription_events WHERE subscription = ?",
                                               error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subscription_id);
  if (!step_done (store, stmt, error))
    return FALSE;
  g_type_class_ref (CONVENE_TYPE_SESSION_STATUS);
  for (guint i = 0; events != NULL && i < events->len; i++)
    if (!write_event (store, subscription_id, g_ptr_array_index (events, i), error))
      return FALSE;
  return TRUE;
}

/**
 * convene_store_add_subscription:
 * @events: (element-type ConveneSession) (nullable): its first events
 *
 * Adds @subscription (its id is set) with @events, in one transaction.
 */
gboolean
convene_store_add_subscription (ConveneStore         *store,
                                ConveneSubscription  *subscription,
                                GPtrArray            *events,
                                GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);
  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION (subscription), FALSE);
  g_return_val_if_fail (convene_subscription_get_url (subscription) != NULL, FALSE);

  if (!convene_store_begin (store, error))
    return FALSE;
  stmt = _convene_store_prepare (store, "INSERT INTO subscriptions (url, name) VALUES (?, ?)", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, convene_subscription_get_url (subscription));
      bind_text (stmt, 2, convene_subscription_get_name (subscription));
    }
  if (stmt == NULL || !step_done (store, stmt, error))
    goto failed;
  convene_subscription_set_id (subscription, sqlite3_last_insert_rowid (_convene_store_get_db (store)));
  if (!write_state (store, subscription, error) ||
      !write_events (store, convene_subscription_get_id (subscription), events, error))
    goto failed;
  if (!convene_store_commit (store, error))
    goto failed_committed;
  convene_subscription_set_n_events (subscription, events != NULL ? events->len : 0);
  return TRUE;

failed:
  convene_store_rollback (store);
failed_committed:
  convene_subscription_set_id (subscription, 0);
  return FALSE;
}

/**
 * convene_store_replace_subscription_events:
 * @events: (element-type ConveneSession): the whole new copy
 *
 * Replaces the events of @subscription and saves its state, validators and
 * name with them, in one transaction: all of it, or nothing.
 */
gboolean
convene_store_replace_subscription_events (ConveneStore         *store,
                                           ConveneSubscription  *subscription,
                                           GPtrArray            *events,
                                           GError              **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);
  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION (subscription), FALSE);

  if (!convene_store_begin (store, error))
    return FALSE;
  if (!write_state (store, subscription, error) ||
      !write_events (store, convene_subscription_get_id (subscription), events, error))
    {
      convene_store_rollback (store);
      return FALSE;
    }
  if (!convene_store_commit (store, error))
    return FALSE;
  convene_subscription_set_n_events (subscription, events != NULL ? events->len : 0);
  return TRUE;
}

/* Saves the state, error, check time, validators and name; the events stay. */
gboolean
convene_store_save_subscription_state (ConveneStore         *store,
                                       ConveneSubscription  *subscription,
                                       GError              **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);
  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION (subscription), FALSE);

  return write_state (store, subscription, error);
}

gboolean
convene_store_remove_subscription (ConveneStore  *store,
                                   gint64         id,
                                   GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);

  stmt = _convene_store_prepare (store, "DELETE FROM subscriptions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_convene_store_get_db (store)) == 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                   _("There is no subscription %" PRId64), id);
      return FALSE;
    }
  return TRUE;
}

static ConveneSession *
event_from_row (sqlite3_stmt *stmt,
                GHashTable   *subscriptions)
{
  ConveneSession *session = convene_session_new ();
  const char *start = (const char *) sqlite3_column_text (stmt, 6);
  GEnumClass *statuses = g_type_class_peek (CONVENE_TYPE_SESSION_STATUS);
  GEnumValue *status = g_enum_get_value_by_nick (statuses, (const char *) sqlite3_column_text (stmt, 10));
  ConveneSubscription *subscription =
    g_hash_table_lookup (subscriptions, &(gint64) { sqlite3_column_int64 (stmt, 1) });

  /* Negative, so that a plan's session and an event never share an id. */
  convene_entity_set_id (CONVENE_ENTITY (session), -sqlite3_column_int64 (stmt, 0));
  convene_session_set_topic (session, (const char *) sqlite3_column_text (stmt, 2));
  convene_session_set_description (session, (const char *) sqlite3_column_text (stmt, 3));
  convene_session_set_location (session, (const char *) sqlite3_column_text (stmt, 4));
  convene_session_set_month (session, (const char *) sqlite3_column_text (stmt, 5));
  if (start != NULL)
    {
      g_autoptr(GDateTime) instant = convene_instant_parse (start);

      convene_session_set_start (session, instant);
    }
  convene_session_set_timezone (session, (const char *) sqlite3_column_text (stmt, 7));
  convene_session_set_duration_minutes (session, sqlite3_column_int (stmt, 8));
  convene_session_set_recurrence (session, (const char *) sqlite3_column_text (stmt, 9));
  if (status != NULL)
    convene_session_set_status (session, status->value);
  convene_subscription_event_set_subscription (session, subscription);
  return session;
}

/**
 * convene_store_list_subscription_events:
 * @year: only the events of that year (by their month), or 0 for all
 *
 * Returns: (transfer container) (element-type ConveneSession): every
 *   subscription's events, each carrying its subscription
 */
GPtrArray *
convene_store_list_subscription_events (ConveneStore  *store,
                                        int            year,
                                        GError       **error)
{
  g_autoptr(GPtrArray) subscriptions = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *prefix = g_strdup_printf ("%04d-", year);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  subscriptions = convene_store_list_subscriptions (store, error);
  if (subscriptions == NULL)
    return NULL;
  for (guint i = 0; i < subscriptions->len; i++)
    {
      ConveneSubscription *subscription = g_ptr_array_index (subscriptions, i);
      gint64 *key = g_new (gint64, 1);

      *key = convene_subscription_get_id (subscription);
      g_hash_table_insert (by_id, key, subscription);
    }

  stmt = _convene_store_prepare (store,
                                 "SELECT id, subscription, topic, description, location, month, start,"
                                 " timezone, duration_minutes, recurrence, status"
                                 " FROM subscription_events"
                                 " WHERE ?1 = 0 OR substr (month, 1, 5) = ?2 ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  bind_text (stmt, 2, prefix);
  g_type_class_ref (CONVENE_TYPE_SESSION_STATUS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt, by_id));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}
