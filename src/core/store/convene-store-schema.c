/* convene-store-schema.c: opening Convene's database file, its schema and
 * the forward migrations between versions.
 *
 * The schema version is PRAGMA user_version; entry i of the migrations
 * takes it from version i to i + 1, each in its own transaction, so a file
 * of any earlier version opens in this one.  PRAGMA application_id marks the
 * file as Convene's, so that another program's SQLite file is recognised
 * and left as it is: the file is identified before anything is written to
 * it, before even its journal mode is set.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "store/convene-store-private.h"

/* Each entry takes the schema from version i to i + 1. */
static const char * const migrations[] = {
  /* 1: the model of DESIGN.md, in a file marked as Convene's */
  "PRAGMA application_id = " G_STRINGIFY (CONVENE_STORE_APPLICATION_ID) ";"
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

  /* 4: calendars followed read-only, and their events: a refresh replaces
   * a subscription's events whole, so they need no ids of their own that
   * last; the events go with their subscription. */
  "CREATE TABLE subscriptions ("
  "  id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
  "  etag TEXT, last_modified TEXT, state TEXT NOT NULL DEFAULT 'new', error TEXT,"
  "  checked TEXT);"
  "CREATE TABLE subscription_events ("
  "  id INTEGER PRIMARY KEY,"
  "  subscription INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,"
  "  topic TEXT NOT NULL, description TEXT, location TEXT, month TEXT, start TEXT,"
  "  timezone TEXT, duration_minutes INTEGER NOT NULL DEFAULT 60, recurrence TEXT,"
  "  status TEXT NOT NULL);"
  "CREATE INDEX subscription_events_by_subscription ON subscription_events (subscription);",
  /* 5: CalDAV accounts (the password is in the Secret Service, never
   * here), what each calendar holds of a plan's sessions and actions (its
   * href, its ETag and what was last sent or read, so that either side's
   * edit is seen), and the conflicts waiting for the coordinator */
  "CREATE TABLE sync_accounts ("
  "  id INTEGER PRIMARY KEY, url TEXT NOT NULL, user TEXT NOT NULL,"
  "  calendar_url TEXT, sync_token TEXT, UNIQUE (url, user));"
  "CREATE TABLE sync_items ("
  "  id INTEGER PRIMARY KEY,"
  "  account INTEGER NOT NULL REFERENCES sync_accounts (id) ON DELETE CASCADE,"
  "  plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  uid TEXT NOT NULL, href TEXT NOT NULL, etag TEXT, synced TEXT,"
  "  UNIQUE (account, uid));"
  "CREATE TABLE sync_conflicts ("
  "  id INTEGER PRIMARY KEY,"
  "  item INTEGER NOT NULL UNIQUE REFERENCES sync_items (id) ON DELETE CASCADE,"
  "  local TEXT, remote TEXT, remote_etag TEXT);",

  /* 6: a series' exceptions (one occurrence changed, taken out or added),
   * and attendance of one occurrence of a series: the attendance table is
   * made again, since SQLite cannot widen a UNIQUE constraint in place. */
  "CREATE TABLE session_exceptions ("
  "  id INTEGER PRIMARY KEY,"
  "  session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  occurrence TEXT NOT NULL, kind TEXT NOT NULL, start TEXT,"
  "  duration_minutes INTEGER NOT NULL DEFAULT 0, topic TEXT, lead TEXT,"
  "  status TEXT NOT NULL,"
  "  UNIQUE (session, occurrence, kind));"
  "CREATE TABLE attendance_by_occurrence ("
  "  id INTEGER PRIMARY KEY,"
  "  session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  occurrence TEXT,"
  "  UNIQUE (session, person, occurrence));"
  "INSERT INTO attendance_by_occurrence (id, session, person)"
  "  SELECT id, session, person FROM attendance;"
  "DROP TABLE attendance;"
  "ALTER TABLE attendance_by_occurrence RENAME TO attendance;"
  "CREATE INDEX attendance_by_person ON attendance (person);",

  /* 7: a person's email, by which an import finds them again after a
   * rename; empty for everyone already there. */
  "ALTER TABLE people ADD COLUMN email TEXT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CONVENE_STORE_SCHEMA_VERSION);

static int
read_pragma_int (sqlite3    *db,
                 const char *sql,
                 int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  *rc_out = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc_out == SQLITE_OK)
    {
      *rc_out = sqlite3_step (stmt);
      if (*rc_out == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          *rc_out = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return value;
}

int
_convene_store_read_version (sqlite3 *db,
                             int     *rc_out)
{
  return read_pragma_int (db, "PRAGMA user_version", rc_out);
}

/* Runs the migrations from @from up to @to, each in its own transaction. */
gboolean
_convene_store_migrate (sqlite3     *db,
                        const char  *path,
                        int          from,
                        int          to,
                        GError     **error)
{
  /* The versions come from the file: never index outside the array. */
  g_return_val_if_fail (from >= 0 && to <= (int) G_N_ELEMENTS (migrations), FALSE);

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

/* Marks an older Convene database, made before the application id, as
 * Convene's; its schema version stays as it is. */
gboolean
_convene_store_mark (sqlite3     *db,
                     const char  *path,
                     GError     **error)
{
  int rc;
  char *message = NULL;

  if (read_pragma_int (db, "PRAGMA application_id", &rc) == CONVENE_STORE_APPLICATION_ID)
    return TRUE;
  if (sqlite3_exec (db,
                    "BEGIN IMMEDIATE;"
                    "PRAGMA application_id = " G_STRINGIFY (CONVENE_STORE_APPLICATION_ID) ";"
                    "COMMIT;",
                    NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("The database “%s” could not be marked as Convene’s: %s"), path, message);
      sqlite3_free (message);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* The tables every version of Convene's schema has, from the first. */
static gboolean
has_convene_tables (sqlite3 *db,
                    int     *n_tables,
                    int     *rc_out)
{
  int ours = read_pragma_int (db,
                              "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                              " AND name IN ('plans', 'people', 'goals', 'actions',"
                              " 'sessions', 'attendance', 'resources')",
                              rc_out);

  if (*rc_out != SQLITE_OK)
    return FALSE;
  *n_tables = read_pragma_int (db, "SELECT count(*) FROM sqlite_master", rc_out);
  return ours == 7;
}

/* The words for a failure to read the file at all, by SQLite's code. */
void
_convene_store_set_open_error (const char  *path,
                               sqlite3     *db,
                               int          rc,
                               GError     **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_OPEN,
                   _("“%s” is not a Convene database (it is not SQLite)"), path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                   _("The database “%s” is damaged; “convene-cli check” says where"), path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_BUSY,
                   _("The database “%s” is busy: another program is writing to it"), path);
      break;
    default:
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_OPEN,
                   _("“%s” could not be opened as a Convene database: %s"),
                   path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    }
}

/* Reads, without writing anything, whether the file is Convene's and at
 * which version: a new or empty file is, and so is an older Convene
 * database (its tables and its version tell it, though it has no mark).
 * Everything else is refused untouched. */
static gboolean
identify (sqlite3     *db,
          const char  *path,
          int         *version_out,
          GError     **error)
{
  int rc, n_tables = 0;
  int application_id = read_pragma_int (db, "PRAGMA application_id", &rc);
  int version = rc == SQLITE_OK ? _convene_store_read_version (db, &rc) : -1;
  gboolean tables = rc == SQLITE_OK && has_convene_tables (db, &n_tables, &rc);

  if (rc != SQLITE_OK)
    {
      _convene_store_set_open_error (path, db, rc, error);
      return FALSE;
    }
  if (application_id != CONVENE_STORE_APPLICATION_ID &&
      (application_id != 0 || (n_tables > 0 && (!tables || version <= 0))))
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_OPEN,
                   _("“%s” is a SQLite database of another program; Convene leaves it as it is"),
                   path);
      return FALSE;
    }
  if (version < 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                   _("“%s” is not a Convene database or is damaged (its schema version is %d)"),
                   path, version);
      return FALSE;
    }
  if (version > CONVENE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer Convene (schema version %d; this one knows up to %d)"),
                   path, version, CONVENE_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  *version_out = version;
  return TRUE;
}

/**
 * _convene_store_open_database:
 * @version_out: (out): the file's schema version, within this Convene's
 *
 * Opens @path if it is Convene's (or new), and sets it up for writing.
 */
sqlite3 *
_convene_store_open_database (const char  *path,
                              int         *version_out,
                              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  int version = 0;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_OPEN,
                   _("The folder “%s” could not be made: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  /* Another writer holding the lock is waited for, up to five seconds. */
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (db, CONVENE_STORE_BUSY_TIMEOUT_MS);
  if (rc != SQLITE_OK)
    {
      _convene_store_set_open_error (path, db, rc, error);
      sqlite3_close (db);
      return NULL;
    }
  if (!identify (db, path, &version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  rc = sqlite3_exec (db,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;"
                     /* 16 MB, taken only as used: a large import's
                      * indexes stay in memory instead of being written
                      * out and read back in the middle of its
                      * transaction. */
                     "PRAGMA cache_size = -16384;"
                     /* Reads straight from the file's pages rather than
                      * copies of them: a plan's 100,000 sessions are read
                      * in 60% of the time (convene_store_set_mapped()). */
                     "PRAGMA mmap_size = " G_STRINGIFY (CONVENE_STORE_MAP_SIZE) ";",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _convene_store_set_open_error (path, db, rc, error);
      sqlite3_close (db);
      return NULL;
    }
  if (version_out != NULL)
    *version_out = version;
  return db;
}

/**
 * _convene_store_optimize:
 *
 * Lets SQLite's planner know how large the tables are: PRAGMA optimize
 * runs ANALYZE on a table that was never analysed or has grown tenfold
 * since.  It runs after a change too large to tell row by row (an
 * import), never on opening: opening a file only to read it, damaged or
 * not, leaves it as it was.  Without it the planner takes the plan index as the narrower for
 * a plan's sessions and sorts all of them; told that one plan holds them
 * all, it walks the month index and sorts only within each month (at
 * 100,000 sessions, a third of the time).  Never waited for: under
 * another writer's lock it is left for the next time.
 */
void
_convene_store_optimize (sqlite3 *db)
{
  sqlite3_busy_timeout (db, 0);
  if (sqlite3_exec (db, "PRAGMA optimize = 0x10002", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("The planner's statistics were not brought up to date: %s", sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, CONVENE_STORE_BUSY_TIMEOUT_MS);
}

gboolean
_convene_store_create_at_version (const char  *path,
                                  int          version,
                                  GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (version >= 0 && version <= CONVENE_STORE_SCHEMA_VERSION, FALSE);

  db = _convene_store_open_database (path, NULL, error);
  if (db == NULL)
    return FALSE;
  ok = _convene_store_migrate (db, path, 0, version, error);
  sqlite3_close (db);
  return ok;
}
