/* convene-store.c: Convene's SQLite database.
 *
 * One file per user, in WAL mode with foreign keys on; the schema version is
 * PRAGMA user_version and grows by forward migrations.  Rows map to entities
 * through each entity class's field table, so there is one generic insert,
 * update, select and delete, all prepared once with bound parameters.  Every
 * change runs in a transaction (nested calls use savepoints), and listeners
 * hear of changes only once they are committed.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "store/convene-store-private.h"
#include "model/convene-validate.h"
#include "model/convene-values.h"
#include "model/convene-plan.h"
#include "model/convene-goal.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "model/convene-person.h"
#include "model/convene-attendance.h"
#include "model/convene-resource.h"

typedef struct {
  GType              type;
  gint64             id;
  ConveneStoreChange change;
} PendingChange;

struct _ConveneStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GHashTable *inserts;      /* GType → its INSERT statement, prepared once */
  GHashTable *updates;      /* GType → its UPDATE statement, prepared once */
  guint       depth;        /* transaction nesting */
  GArray     *pending;      /* PendingChange, emitted on the outermost commit */
};

G_DEFINE_FINAL_TYPE (ConveneStore, convene_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (convene-store-error-quark, convene_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* More pending changes than this are announced as one reset per type. */
#define MAX_SINGLE_CHANGES 64

/* Each entry takes the schema from version i to i + 1. */
static const char * const migrations[] = {
  /* 1: the model of DESIGN.md */
  "CREATE TABLE plans ("
  "  id INTEGER PRIMARY KEY, title TEXT NOT NULL, \"group\" TEXT,"
  "  year INTEGER NOT NULL DEFAULT 0, summary TEXT, status TEXT NOT NULL,"
  "  timezone TEXT, extra_timezones TEXT);"
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, organisation TEXT,"
  "  sector TEXT NOT NULL, country TEXT, region TEXT, timezone TEXT,"
  "  languages TEXT, role TEXT);"
  "CREATE TABLE goals ("
  "  id INTEGER PRIMARY KEY,"
  "  plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, description TEXT);"
  "CREATE TABLE actions ("
  "  id INTEGER PRIMARY KEY,"
  "  plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  goal INTEGER REFERENCES goals (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL, owners TEXT, due TEXT, status TEXT NOT NULL);"
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  topic TEXT NOT NULL, description TEXT, month TEXT, start TEXT, timezone TEXT,"
  "  duration_minutes INTEGER NOT NULL DEFAULT 60, recurrence TEXT,"
  "  status TEXT NOT NULL, format TEXT NOT NULL, language TEXT, lead TEXT,"
  "  speakers TEXT, principles TEXT, location TEXT, recording_url TEXT,"
  "  recorded TEXT, blog TEXT, notes TEXT);"
  "CREATE TABLE attendance ("
  "  id INTEGER PRIMARY KEY,"
  "  session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  UNIQUE (session, person));"
  "CREATE TABLE resources ("
  "  id INTEGER PRIMARY KEY,"
  "  plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  session INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL, title TEXT NOT NULL, url TEXT, date TEXT,"
  "  shared_by INTEGER REFERENCES people (id) ON DELETE SET NULL);",

  /* 2: indexes for the views that list a plan's rows and a person's sessions */
  "CREATE INDEX sessions_by_plan ON sessions (plan, month, start);"
  "CREATE INDEX goals_by_plan ON goals (plan);"
  "CREATE INDEX actions_by_plan ON actions (plan);"
  "CREATE INDEX resources_by_plan ON resources (plan);"
  "CREATE INDEX attendance_by_person ON attendance (person);",

  /* 3: sessions by month, so a year's listing is one range scan (each
   * month's sessions are put in order as they are read); the plan's index
   * only by plan, as its foreign key needs.  Short keys keep a large
   * import cheap: an index on the start's text cost a tenth of its time. */
  "DROP INDEX sessions_by_plan;"
  "CREATE INDEX sessions_by_plan ON sessions (plan);"
  "CREATE INDEX sessions_by_month ON sessions (month);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CONVENE_STORE_SCHEMA_VERSION);

const GType *
convene_store_get_entity_types (guint *n_types)
{
  /* In an order where every reference points backwards. */
  static GType types[7];

  if (types[0] == 0)
    {
      types[0] = CONVENE_TYPE_PERSON;
      types[1] = CONVENE_TYPE_PLAN;
      types[2] = CONVENE_TYPE_GOAL;
      types[3] = CONVENE_TYPE_ACTION;
      types[4] = CONVENE_TYPE_SESSION;
      types[5] = CONVENE_TYPE_ATTENDANCE;
      types[6] = CONVENE_TYPE_RESOURCE;
      /* Kept for the life of the process: the store peeks at their field tables. */
      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        g_type_class_ref (types[i]);
    }
  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (types);
  return types;
}

static gboolean
set_sqlite_error (ConveneStore  *self,
                  int            rc,
                  GError       **error)
{
  int code = CONVENE_STORE_ERROR_FAILED;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    code = CONVENE_STORE_ERROR_CONFLICT;
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
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Returns a cached, reset statement for @sql. */
static sqlite3_stmt *
prepare (ConveneStore  *self,
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
      set_sqlite_error (self, rc, error);
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

/* ---- schema and migrations ---------------------------------------------- */

static int
read_user_version (sqlite3 *db,
                   int     *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  *rc_out = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (*rc_out == SQLITE_OK)
    {
      *rc_out = sqlite3_step (stmt);
      if (*rc_out == SQLITE_ROW)
        {
          version = sqlite3_column_int (stmt, 0);
          *rc_out = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return version;
}

/* Runs the migrations from @from up to @to, each in its own transaction. */
static gboolean
migrate (sqlite3     *db,
         const char  *path,
         int          from,
         int          to,
         GError     **error)
{
  for (int v = from; v < to; v++)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
                                              migrations[v], v + 1);
      char *message = NULL;

      if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                       _("The database “%s” could not be upgraded to version %d: %s"),
                       path, v + 1, message);
          sqlite3_free (message);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

static sqlite3 *
open_database (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_OPEN,
                   _("The folder “%s” could not be made: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db,
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA busy_timeout = 5000;"
                       "PRAGMA journal_mode = WAL;"
                       "PRAGMA synchronous = FULL;"
                       /* 16 MB, taken only as used: a large import's
                        * indexes stay in memory instead of being written
                        * out and read back in the middle of its
                        * transaction. */
                       "PRAGMA cache_size = -16384;",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_OPEN,
                   _("“%s” could not be opened as a Convene database: %s"),
                   path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

gboolean
_convene_store_create_at_version (const char  *path,
                                  int          version,
                                  GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (version >= 0 && version <= CONVENE_STORE_SCHEMA_VERSION, FALSE);

  db = open_database (path, error);
  if (db == NULL)
    return FALSE;
  ok = migrate (db, path, 0, version, error);
  sqlite3_close (db);
  return ok;
}

/* ---- the object ----------------------------------------------------------- */

static void
convene_store_finalize (GObject *object)
{
  ConveneStore *self = CONVENE_STORE (object);

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
  int version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CONVENE_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->db = open_database (path, error);
  if (self->db == NULL)
    return NULL;

  version = read_user_version (self->db, &rc);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_OPEN,
                   _("“%s” could not be opened as a Convene database: %s"),
                   path, sqlite3_errstr (rc));
      return NULL;
    }
  if (version > CONVENE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer Convene (schema version %d; this one knows up to %d)"),
                   path, version, CONVENE_STORE_SCHEMA_VERSION);
      return NULL;
    }
  if (!migrate (self->db, path, version, CONVENE_STORE_SCHEMA_VERSION, error))
    return NULL;

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
  return read_user_version (self->db, &rc);
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

  stmt = prepare (self, "SELECT NOT EXISTS (SELECT 1 FROM plans) AND NOT EXISTS (SELECT 1 FROM people)", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
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
    emit_pending (self);
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

/* ---- rows ------------------------------------------------------------------ */

static char *
column_name (const ConveneField *field)
{
  g_autofree char *name = convene_field_dup_key (field);

  return g_strdup_printf ("\"%s\"", name);
}

static ConveneEntityClass *
entity_class (GType type)
{
  convene_store_get_entity_types (NULL);
  return g_type_class_peek (type);
}

static const char *
enum_nick (const ConveneField *field,
           int                 value)
{
  GEnumClass *klass = g_type_class_peek (field->enum_type ());
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

static char *
strv_to_json (char **strv)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

static char **
strv_from_json (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static char *
blog_to_json (ConveneBlogPost *post)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  GEnumClass *klass = g_type_class_ref (CONVENE_TYPE_BLOG_STATE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, post->author);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, post->url);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, g_enum_get_value (klass, post->state)->value_nick);
  json_builder_end_object (builder);
  g_type_class_unref (klass);
  node = json_builder_get_root (builder);
  return json_to_string (node, FALSE);
}

static ConveneBlogPost *
blog_from_json (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  GEnumClass *klass;
  GEnumValue *ev;
  JsonObject *object;
  ConveneBlogPost *post;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  klass = g_type_class_ref (CONVENE_TYPE_BLOG_STATE);
  ev = g_enum_get_value_by_nick (klass, json_object_get_string_member_with_default (object, "state", ""));
  post = convene_blog_post_new (json_object_get_string_member_with_default (object, "author", NULL),
                                json_object_get_string_member_with_default (object, "url", NULL),
                                ev != NULL ? ev->value : CONVENE_BLOG_STATE_PLANNED);
  g_type_class_unref (klass);
  return post;
}

/* Binds @field's value as parameter @index. */
static void
bind_field (sqlite3_stmt       *stmt,
            int                 index,
            ConveneEntity      *entity,
            const ConveneField *field)
{
  gpointer ptr = CONVENE_FIELD_PTR (entity, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
      sqlite3_bind_int (stmt, index, *(int *) ptr);
      break;
    case CONVENE_FIELD_REF:
      if (*(gint64 *) ptr != 0)
        sqlite3_bind_int64 (stmt, index, *(gint64 *) ptr);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case CONVENE_FIELD_STRING:
      /* The entity outlives the step, and every use clears the bindings. */
      sqlite3_bind_text (stmt, index, *(char **) ptr, -1, SQLITE_STATIC);
      break;
    case CONVENE_FIELD_ENUM:
      sqlite3_bind_text (stmt, index, enum_nick (field, *(int *) ptr), -1, SQLITE_STATIC);
      break;
    case CONVENE_FIELD_STRV:
      if (*(char ***) ptr != NULL)
        sqlite3_bind_text (stmt, index, strv_to_json (*(char ***) ptr), -1, g_free);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case CONVENE_FIELD_DATETIME:
      if (*(GDateTime **) ptr != NULL)
        sqlite3_bind_text (stmt, index, convene_instant_to_string (*(GDateTime **) ptr), -1, g_free);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case CONVENE_FIELD_BLOG:
      if (*(ConveneBlogPost **) ptr != NULL)
        sqlite3_bind_text (stmt, index, blog_to_json (*(ConveneBlogPost **) ptr), -1, g_free);
      else
        sqlite3_bind_null (stmt, index);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Reads column @index into @field, replacing what was there. */
static void
read_field (sqlite3_stmt       *stmt,
            int                 index,
            ConveneEntity      *entity,
            const ConveneField *field)
{
  gpointer ptr = CONVENE_FIELD_PTR (entity, field);
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  convene_field_clear_value (entity, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
      *(int *) ptr = sqlite3_column_int (stmt, index);
      break;
    case CONVENE_FIELD_REF:
      *(gint64 *) ptr = sqlite3_column_int64 (stmt, index);
      break;
    case CONVENE_FIELD_STRING:
      *(char **) ptr = g_strdup (text);
      break;
    case CONVENE_FIELD_ENUM:
      {
        GEnumValue *ev = text != NULL ? g_enum_get_value_by_nick (
          g_type_class_peek (field->enum_type ()), text) : NULL;

        *(int *) ptr = ev != NULL ? ev->value : 0;
        break;
      }
    case CONVENE_FIELD_STRV:
      *(char ***) ptr = text != NULL ? strv_from_json (text) : NULL;
      break;
    case CONVENE_FIELD_DATETIME:
      *(GDateTime **) ptr = convene_instant_parse (text);
      break;
    case CONVENE_FIELD_BLOG:
      *(ConveneBlogPost **) ptr = text != NULL ? blog_from_json (text) : NULL;
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
select_sql (GType       type,
            const char *where)
{
  ConveneEntityClass *klass = entity_class (type);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  guint n_fields;
  const ConveneField *fields = convene_entity_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = column_name (&fields[i]);

      g_string_append_printf (sql, ", %s", column);
    }
  g_string_append_printf (sql, " FROM %s", convene_entity_class_get_table (klass));
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, " ORDER BY id");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static ConveneEntity *
entity_from_row (GType         type,
                 sqlite3_stmt *stmt)
{
  ConveneEntity *entity = g_object_new (type, NULL);
  guint n_fields;
  const ConveneField *fields = convene_entity_class_get_fields (entity_class (type), &n_fields);

  convene_entity_set_id (entity, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < n_fields; i++)
    read_field (stmt, i + 1, entity, &fields[i]);
  return entity;
}

/* ---- validation ------------------------------------------------------------- */

/**
 * convene_store_validate:
 * @self: (nullable): the store, or %NULL to check before one is open
 *
 * Checks @entity against the model's rules (model/convene-validate.h):
 * required values, months, dues, dates, zones, addresses and repetitions
 * in their formats.
 */
gboolean
convene_store_validate (ConveneStore   *self,
                        ConveneEntity  *entity,
                        GError        **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (CONVENE_IS_ENTITY (entity), FALSE);

  if (convene_entity_validate (entity, &message))
    return TRUE;
  /* Translators: "“Climate Justice Data”: the month “2021-13” is not a month (YYYY-MM)" */
  g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID,
               _("“%s”: %s"), convene_entity_get_label (entity), message);
  return FALSE;
}

/* A dated session without a month gets the month of its start, in its zone. */
static void
fill_session_month (ConveneSession *session)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *month = NULL;

  if (convene_session_get_start (session) == NULL || convene_session_get_month (session) != NULL)
    return;
  tz = convene_timezone_new (convene_session_get_timezone (session));
  if (tz == NULL)
    return;
  local = g_date_time_to_timezone (convene_session_get_start (session), tz);
  month = g_date_time_format (local, "%Y-%m");
  convene_session_set_month (session, month);
}

/* ---- writing ------------------------------------------------------------------- */

static char *
insert_sql (GType type)
{
  ConveneEntityClass *klass = entity_class (type);
  g_autoptr(GString) columns = g_string_new ("id");
  g_autoptr(GString) values = g_string_new ("?1");
  guint n_fields;
  const ConveneField *fields = convene_entity_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = column_name (&fields[i]);

      g_string_append_printf (columns, ", %s", column);
      g_string_append_printf (values, ", ?%u", i + 2);
    }
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                          convene_entity_class_get_table (klass), columns->str, values->str);
}

static char *
update_sql (GType type)
{
  ConveneEntityClass *klass = entity_class (type);
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_fields;
  const ConveneField *fields = convene_entity_class_get_fields (klass, &n_fields);

  g_string_printf (sql, "UPDATE %s SET ", convene_entity_class_get_table (klass));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = column_name (&fields[i]);

      g_string_append_printf (sql, "%s%s = ?%u", i > 0 ? ", " : "", column, i + 2);
    }
  g_string_append (sql, " WHERE id = ?1");
  return g_string_free (g_steal_pointer (&sql), FALSE);
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
  stmt = prepare (self, sql, error);
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
  guint n_fields;
  const ConveneField *fields;
  int rc;

  if (stmt == NULL)
    return FALSE;

  fields = convene_entity_class_get_fields (CONVENE_ENTITY_GET_CLASS (entity), &n_fields);
  if (convene_entity_get_id (entity) != 0)
    sqlite3_bind_int64 (stmt, 1, convene_entity_get_id (entity));
  else
    sqlite3_bind_null (stmt, 1);
  for (guint i = 0; i < n_fields; i++)
    bind_field (stmt, i + 2, entity, &fields[i]);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
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
  sqlite3_stmt *stmt = prepare_for_type (self, self->inserts, type, insert_sql, error);

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

  if (CONVENE_IS_SESSION (entity))
    fill_session_month (CONVENE_SESSION (entity));
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
  sqlite3_stmt *stmt = prepare_for_type (self, self->updates, type, update_sql, error);

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

  if (CONVENE_IS_SESSION (entity))
    fill_session_month (CONVENE_SESSION (entity));
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
                                          convene_entity_class_get_table (entity_class (type)));
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, convene_entity_get_id (entity));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
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

  sql = select_sql (type, "id = ?1");
  stmt = prepare (self, sql, error);
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
      set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  entity = entity_from_row (type, stmt);
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
  sql = select_sql (type, where);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (column != NULL)
    sqlite3_bind_int64 (stmt, 1, value);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, entity_from_row (type, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* ---- attendance ------------------------------------------------------------------- */

/**
 * convene_store_get_attendance:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the people who
 *   attended, in ascending order
 */
GArray *
convene_store_get_attendance (ConveneStore  *self,
                              gint64         session_id,
                              GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT person FROM attendance WHERE session = ?1 ORDER BY person", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
convene_store_set_attended (ConveneStore  *self,
                            gint64         session_id,
                            gint64         person_id,
                            gboolean       attended,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  if (attended)
    {
      g_autoptr(ConveneAttendance) row = convene_attendance_new ();

      convene_attendance_set_session (row, session_id);
      convene_attendance_set_person (row, person_id);
      stmt = prepare (self, "SELECT 1 FROM attendance WHERE session = ?1 AND person = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        return TRUE;
      return convene_store_add (self, CONVENE_ENTITY (row), error);
    }
  else
    {
      g_autoptr(GPtrArray) rows = convene_store_query (self, CONVENE_TYPE_ATTENDANCE,
                                                       "session", session_id, error);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        if (convene_attendance_get_person (g_ptr_array_index (rows, i)) == person_id)
          return convene_store_remove (self, g_ptr_array_index (rows, i), error);
      return TRUE;
    }
}

/* ---- checking ---------------------------------------------------------------------- */

/**
 * convene_store_check:
 * @ok: (out): whether the database is sound
 *
 * Runs SQLite's integrity and foreign-key checks.
 *
 * Returns: (transfer full): a report for a person, one finding per line
 */
char *
convene_store_check (ConveneStore  *self,
                     gboolean      *ok,
                     GError       **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean sound = TRUE;
  guint problems = 0;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          sound = FALSE;
          g_string_append_printf (report, _("Integrity: %s\n"), line);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (sound)
    g_string_append (report, _("Integrity: ok\n"));

  stmt = prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      problems++;
      g_string_append_printf (report, _("Reference: row %" PRId64 " of %s points to a missing row of %s\n"),
                              (gint64) sqlite3_column_int64 (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (problems == 0)
    g_string_append (report, _("References: ok\n"));
  else
    sound = FALSE;

  g_string_append_printf (report, _("Schema version: %d (this Convene writes %d)\n"),
                          convene_store_get_schema_version (self), CONVENE_STORE_SCHEMA_VERSION);
  if (ok != NULL)
    *ok = sound;
  return g_string_free (g_steal_pointer (&report), FALSE);
}
