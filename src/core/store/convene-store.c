/* convene-store.c: Convene's SQLite database: the object, its transactions
 * and change signals, and adding, changing, removing and reading objects.
 *
 * One file per user, in WAL mode with foreign keys on (its schema and
 * migrations are in convene-store-schema.c).  Rows map to entities through
 * each entity class's field table (convene-store-rows.c), so there is one
 * generic insert, update, select and delete, all prepared once with bound
 * parameters.  Every change runs in a transaction (nested calls use
 * savepoints), and listeners hear of changes only once they are committed.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "store/convene-store-private.h"
#include "model/convene-validate.h"
#include "model/convene-plan.h"
#include "model/convene-goal.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "model/convene-person.h"
#include "model/convene-attendance.h"
#include "model/convene-session-exception.h"
#include "model/convene-resource.h"

typedef struct {
  GType              type;
  gint64             id;
  ConveneStoreChange change;
} PendingChange;

G_DEFINE_FINAL_TYPE (ConveneStore, convene_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (convene-store-error-quark, convene_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* More pending changes than this are announced as one reset per type. */
#define MAX_SINGLE_CHANGES 64

const GType *
convene_store_get_entity_types (guint *n_types)
{
  /* In an order where every reference points backwards. */
  static GType types[8];

  if (types[0] == 0)
    {
      types[0] = CONVENE_TYPE_PERSON;
      types[1] = CONVENE_TYPE_PLAN;
      types[2] = CONVENE_TYPE_GOAL;
      types[3] = CONVENE_TYPE_ACTION;
      types[4] = CONVENE_TYPE_SESSION;
      types[5] = CONVENE_TYPE_ATTENDANCE;
      types[6] = CONVENE_TYPE_RESOURCE;
      types[7] = CONVENE_TYPE_SESSION_EXCEPTION;
      /* Kept for the life of the process: the store peeks at their field tables. */
      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        g_type_class_ref (types[i]);
    }
  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (types);
  return types;
}

/* Says what is really wrong where SQLite's own words would mislead: a
 * damaged file, a lock held by another program, a file that cannot be
 * written. */
gboolean
_convene_store_set_sqlite_error (ConveneStore  *self,
                                 int            rc,
                                 GError       **error)
{
  int code = CONVENE_STORE_ERROR_FAILED;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                   _("The database “%s” is damaged; “convene-cli check” says where"),
                   self->path);
      return FALSE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_BUSY,
                   _("The database “%s” is busy: another program is writing to it"),
                   self->path);
      return FALSE;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    case SQLITE_CONSTRAINT:
      code = CONVENE_STORE_ERROR_CONFLICT;
      break;
    default:
      break;
    }
  g_set_error (error, CONVENE_STORE_ERROR, code,
               /* Translators: the first %s is a file name, the second SQLite's own words */
               _("The database “%s” could not be changed: %s"),
               self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec_sql (ConveneStore  *self,
          const char    *sql,
          GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _convene_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Returns a cached, reset statement for @sql. */
sqlite3_stmt *
_convene_store_prepare (ConveneStore  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}
/* ---- the object ----------------------------------------------------------- */

static void
convene_store_finalize (GObject *object)
{
  ConveneStore *self = CONVENE_STORE (object);

  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->inserts, g_hash_table_unref);
  g_clear_pointer (&self->updates, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (convene_store_parent_class)->finalize (object);
}

static void
convene_store_class_init (ConveneStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = convene_store_finalize;

  /**
   * ConveneStore::changed:
   * @type: the entity type
   * @id: the object's id, 0 with %CONVENE_STORE_CHANGE_RESET
   * @change: a #ConveneStoreChange
   *
   * Emitted once a change is committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_GTYPE, G_TYPE_INT64, G_TYPE_UINT);
}

static void
convene_store_init (ConveneStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  /* The statements themselves belong to self->statements. */
  self->inserts = g_hash_table_new (NULL, NULL);
  self->updates = g_hash_table_new (NULL, NULL);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
}

/* Counts the commits of other connections to the file (SQLite's own do
 * not move it); -1 if it could not be read. */
static gint64
read_data_version (ConveneStore *self)
{
  sqlite3_stmt *stmt = _convene_store_prepare (self, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

char *
convene_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "convene", "convene.db", NULL);
}

/**
 * convene_store_new:
 * @path: the database file; made, with its folder, if missing
 * @error: return location for a #GError
 *
 * Opens the database and upgrades its schema to this version's.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ConveneStore *
convene_store_new (const char  *path,
                   GError     **error)
{
  g_autoptr(ConveneStore) self = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CONVENE_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->db = _convene_store_open_database (path, &version, error);
  if (self->db == NULL)
    return NULL;
  if (!_convene_store_migrate (self->db, path, version, CONVENE_STORE_SCHEMA_VERSION, error) ||
      !_convene_store_mark (self->db, path, error))
    return NULL;
  self->data_version = read_data_version (self);

  return g_steal_pointer (&self);
}

const char *
convene_store_get_path (ConveneStore *self)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);
  return self->path;
}

int
convene_store_get_schema_version (ConveneStore *self)
{
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), -1);
  return _convene_store_read_version (self->db, &rc);
}

sqlite3 *
_convene_store_get_db (ConveneStore *self)
{
  return self->db;
}

gboolean
convene_store_is_empty (ConveneStore *self)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  stmt = _convene_store_prepare (self, "SELECT NOT EXISTS (SELECT 1 FROM plans) AND NOT EXISTS (SELECT 1 FROM people)", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
}

/* ---- changes made by other programs ------------------------------------- */

/**
 * convene_store_notice_others:
 *
 * Looks whether another program (convene-cli import, a script) committed a
 * change to the file since the last look, and if so announces a reset of
 * every type, so that live lists reload.
 *
 * Returns: whether another program changed the file
 */
gboolean
convene_store_notice_others (ConveneStore *self)
{
  guint n_types;
  const GType *types;
  gint64 version;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  /* Inside a transaction the file cannot change under us. */
  if (self->depth > 0)
    return FALSE;
  version = read_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;
  self->data_version = version;

  types = convene_store_get_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    g_signal_emit (self, signals[CHANGED], 0, types[i], (gint64) 0,
                   (guint) CONVENE_STORE_CHANGE_RESET);
  return TRUE;
}

static gboolean
watch_cb (gpointer user_data)
{
  convene_store_notice_others (user_data);
  return G_SOURCE_CONTINUE;
}

/**
 * convene_store_watch_others:
 * @interval_ms: how often to look, or 0 to stop looking
 *
 * Calls convene_store_notice_others() every @interval_ms from the main
 * loop, at low priority so that it runs only when the loop is idle.
 * Reading data_version is one read of the file's header, cheap enough to
 * poll; a file monitor on the -wal file would miss checkpoints.
 */
void
convene_store_watch_others (ConveneStore *self,
                            guint         interval_ms)
{
  g_return_if_fail (CONVENE_IS_STORE (self));

  g_clear_handle_id (&self->watch_source, g_source_remove);
  if (interval_ms > 0)
    self->watch_source = g_timeout_add_full (G_PRIORITY_LOW, interval_ms, watch_cb, self, NULL);
}

/* ---- transactions and change notification -------------------------------- */

gboolean
convene_store_begin (ConveneStore  *self,
                     GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT level%u", self->depth);
  if (!exec_sql (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static void
emit_pending (ConveneStore *self)
{
  g_autoptr(GArray) changes = self->pending;

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));

  if (changes->len > MAX_SINGLE_CHANGES)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < changes->len; i++)
        {
          PendingChange *c = &g_array_index (changes, PendingChange, i);

          if (g_hash_table_add (seen, GSIZE_TO_POINTER (c->type)))
            g_signal_emit (self, signals[CHANGED], 0, c->type, (gint64) 0,
                           (guint) CONVENE_STORE_CHANGE_RESET);
        }
      return;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *c = &g_array_index (changes, PendingChange, i);

      g_signal_emit (self, signals[CHANGED], 0, c->type, c->id, (guint) c->change);
    }
}

/**
 * convene_store_set_mapped:
 * @mapped: whether reads go through a map of the file
 *
 * Reads map the file by default.  A write that touches most of it (a
 * large import) is better without: every page it reads through the map
 * stays counted as the process's memory, which then grows with the file.
 */
void
convene_store_set_mapped (ConveneStore *self,
                          gboolean      mapped)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (CONVENE_IS_STORE (self));

  sql = g_strdup_printf ("PRAGMA mmap_size = %d", mapped ? CONVENE_STORE_MAP_SIZE : 0);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("The file's map was not changed: %s", sqlite3_errmsg (self->db));
}

gboolean
convene_store_commit (ConveneStore  *self,
                      GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE level%u", self->depth - 1);
  if (!exec_sql (self, sql, error))
    return FALSE;
  self->depth--;
  if (self->depth == 0)
    {
      /* A change too large to tell row by row may have changed what the
       * planner should know of a table's size. */
      if (self->pending->len > MAX_SINGLE_CHANGES)
        _convene_store_optimize (self->db);
      emit_pending (self);
    }
  return TRUE;
}

void
convene_store_rollback (ConveneStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (CONVENE_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_array_set_size (self->pending, 0);
      return;
    }
  /* What a rolled-back savepoint did is announced anyway: listeners reload
   * and find it unchanged, which is harmless. */
  sql = g_strdup_printf ("ROLLBACK TO level%u; RELEASE level%u", self->depth, self->depth);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

static void
note_change (ConveneStore       *self,
             GType               type,
             gint64              id,
             ConveneStoreChange  change)
{
  PendingChange c = { type, id, change };

  /* Past the limit every change becomes a reset of its type, announced
   * once: a large import keeps one entry per type, not one per row. */
  if (self->pending->len >= MAX_SINGLE_CHANGES)
    {
      c.id = 0;
      c.change = CONVENE_STORE_CHANGE_RESET;
      for (guint i = MAX_SINGLE_CHANGES; i < self->pending->len; i++)
        if (g_array_index (self->pending, PendingChange, i).type == type)
          return;
    }
  g_array_append_val (self->pending, c);
}

/* Rows of other tables that a removal may cascade into. */
static void
note_dependents (ConveneStore *self,
                 GType         type)
{
  guint n_types;
  const GType *types = convene_store_get_entity_types (&n_types);
  const char *table = convene_entity_class_get_table (g_type_class_peek (type));

  for (guint i = 0; i < n_types; i++)
    {
      guint n_fields;
      const ConveneField *fields =
        convene_entity_class_get_fields (g_type_class_peek (types[i]), &n_fields);

      for (guint f = 0; f < n_fields; f++)
        if (fields[f].kind == CONVENE_FIELD_REF && g_strcmp0 (fields[f].ref_table, table) == 0)
          {
            note_change (self, types[i], 0, CONVENE_STORE_CHANGE_RESET);
            note_dependents (self, types[i]);
            break;
          }
    }
}
/* The statement @build writes for @type, found by type: an import runs it
 * once a row, and hashing its text each time would show. */
static sqlite3_stmt *
prepare_for_type (ConveneStore  *self,
                  GHashTable    *cache,
                  GType          type,
                  char        *(*build) (GType),
                  GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, GSIZE_TO_POINTER (type));
  g_autofree char *sql = NULL;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  sql = build (type);
  stmt = _convene_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (cache, GSIZE_TO_POINTER (type), stmt);
  return stmt;
}

static gboolean
bind_and_step (ConveneStore   *self,
               sqlite3_stmt   *stmt,
               ConveneEntity  *entity,
               GError        **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;

  _convene_store_bind_entity (stmt, entity);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _convene_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Runs @step, one SQL statement, inside its own transaction.  Within an
 * open transaction no savepoint is needed: SQLite undoes a failed statement
 * whole, and a savepoint per row would double the cost of an import. */
static gboolean
in_transaction (ConveneStore   *self,
                gboolean      (*step) (ConveneStore *, ConveneEntity *, GError **),
                ConveneEntity  *entity,
                GError        **error)
{
  if (self->depth > 0)
    return step (self, entity, error);
  if (!convene_store_begin (self, error))
    return FALSE;
  if (!step (self, entity, error))
    {
      convene_store_rollback (self);
      return FALSE;
    }
  return convene_store_commit (self, error);
}

static gboolean
add_step (ConveneStore   *self,
          ConveneEntity  *entity,
          GError        **error)
{
  GType type = G_OBJECT_TYPE (entity);
  sqlite3_stmt *stmt = prepare_for_type (self, self->inserts, type, _convene_store_insert_sql, error);

  if (!bind_and_step (self, stmt, entity, error))
    return FALSE;
  convene_entity_set_id (entity, sqlite3_last_insert_rowid (self->db));
  note_change (self, type, convene_entity_get_id (entity), CONVENE_STORE_CHANGE_ADDED);
  return TRUE;
}

/**
 * convene_store_add:
 * @entity: an object to store; with id 0 it gets a new id, otherwise it keeps
 *   its own (an Undo, an import into an empty database)
 *
 * Returns: whether it was stored; on failure nothing changed
 */
gboolean
convene_store_add (ConveneStore   *self,
                   ConveneEntity  *entity,
                   GError        **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);
  g_return_val_if_fail (CONVENE_IS_ENTITY (entity), FALSE);

  _convene_store_fill_session_month (entity);
  if (!convene_store_validate (self, entity, error))
    return FALSE;
  return in_transaction (self, add_step, entity, error);
}

static gboolean
update_step (ConveneStore   *self,
             ConveneEntity  *entity,
             GError        **error)
{
  GType type = G_OBJECT_TYPE (entity);
  sqlite3_stmt *stmt = prepare_for_type (self, self->updates, type, _convene_store_update_sql, error);

  if (!bind_and_step (self, stmt, entity, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                   _("“%s” is no longer in the database"), convene_entity_get_label (entity));
      return FALSE;
    }
  note_change (self, type, convene_entity_get_id (entity), CONVENE_STORE_CHANGE_UPDATED);
  return TRUE;
}

gboolean
convene_store_update (ConveneStore   *self,
                      ConveneEntity  *entity,
                      GError        **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);
  g_return_val_if_fail (CONVENE_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (convene_entity_get_id (entity) != 0, FALSE);

  _convene_store_fill_session_month (entity);
  if (!convene_store_validate (self, entity, error))
    return FALSE;
  return in_transaction (self, update_step, entity, error);
}

static gboolean
remove_step (ConveneStore   *self,
             ConveneEntity  *entity,
             GError        **error)
{
  GType type = G_OBJECT_TYPE (entity);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1",
                                          convene_entity_class_get_table (_convene_store_entity_class (type)));
  sqlite3_stmt *stmt = _convene_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, convene_entity_get_id (entity));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _convene_store_set_sqlite_error (self, rc, error);
  note_change (self, type, convene_entity_get_id (entity), CONVENE_STORE_CHANGE_REMOVED);
  note_dependents (self, type);
  return TRUE;
}

/**
 * convene_store_remove:
 *
 * Deletes @entity.  What belongs to it goes too (a plan's sessions, a
 * session's attendance); what only refers to it loses the reference (a
 * removed person's resources keep their other values).
 */
gboolean
convene_store_remove (ConveneStore   *self,
                      ConveneEntity  *entity,
                      GError        **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);
  g_return_val_if_fail (CONVENE_IS_ENTITY (entity), FALSE);

  return in_transaction (self, remove_step, entity, error);
}

/* ---- reading ------------------------------------------------------------------- */

static const char *
not_found_message (GType type)
{
  if (type == CONVENE_TYPE_PLAN)
    return _("There is no plan with id %" PRId64 " in the database");
  if (type == CONVENE_TYPE_GOAL)
    return _("There is no goal with id %" PRId64 " in the database");
  if (type == CONVENE_TYPE_ACTION)
    return _("There is no action with id %" PRId64 " in the database");
  if (type == CONVENE_TYPE_SESSION)
    return _("There is no session with id %" PRId64 " in the database");
  if (type == CONVENE_TYPE_PERSON)
    return _("There is no person with id %" PRId64 " in the database");
  if (type == CONVENE_TYPE_RESOURCE)
    return _("There is no resource with id %" PRId64 " in the database");
  return _("There is no attendance record with id %" PRId64 " in the database");
}

/**
 * convene_store_load:
 *
 * Returns: (transfer full) (type ConveneEntity): the object of @type with @id
 */
gpointer
convene_store_load (ConveneStore  *self,
                    GType          type,
                    gint64         id,
                    GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  ConveneEntity *entity;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CONVENE_TYPE_ENTITY), NULL);

  sql = _convene_store_select_sql (type, "id = ?1");
  stmt = _convene_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                   not_found_message (type), id);
      sqlite3_reset (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  entity = _convene_store_entity_from_row (type, stmt);
  sqlite3_reset (stmt);
  return entity;
}

/**
 * convene_store_query:
 * @column: (nullable): a reference field ("plan", "session"...), or %NULL for all
 * @value: the id it must hold
 *
 * Returns: (transfer full) (element-type ConveneEntity): the objects, by id
 */
GPtrArray *
convene_store_query (ConveneStore  *self,
                     GType          type,
                     const char    *column,
                     gint64         value,
                     GError       **error)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CONVENE_TYPE_ENTITY), NULL);

  g_type_class_ref (type);
  if (column != NULL)
    {
      g_autofree char *name = g_strdelimit (g_strdup (column), "-", '_');

      where = g_strdup_printf ("\"%s\" = ?1", name);
    }
  sql = _convene_store_select_sql (type, where);
  stmt = _convene_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (column != NULL)
    sqlite3_bind_int64 (stmt, 1, value);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, _convene_store_entity_from_row (type, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}
