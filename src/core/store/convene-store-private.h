/* convene-store-private.h: what the store's own files share, and what its
 * tests and the session-row reader use.
 *
 * The store is one object in several files, one concern each:
 *   convene-store.c             the object, transactions, change signals, CRUD
 *   convene-store-schema.c      opening the file, the schema and its migrations
 *   convene-store-rows.c        entity <-> row, through each type's field table
 *   convene-store-validate.c    the model's rules at the boundary, on write
 *   convene-store-attendance.c  who attended a session
 *   convene-store-check.c       integrity and reference checks
 */
#pragma once

#include <sqlite3.h>

#include "store/convene-store.h"
#include "model/convene-enums.h"

G_BEGIN_DECLS

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
  gint64      data_version; /* PRAGMA data_version when others' changes were last seen */
  guint       watch_source; /* polls data_version, see convene_store_watch_others() */
};

/* convene-store.c */
sqlite3_stmt       *_convene_store_prepare          (ConveneStore        *self,
                                                     const char          *sql,
                                                     GError             **error);
gboolean            _convene_store_set_sqlite_error (ConveneStore        *self,
                                                     int                  rc,
                                                     GError             **error);
sqlite3            *_convene_store_get_db           (ConveneStore        *self);
void                _convene_store_optimize         (sqlite3             *db);

/* convene-store-schema.c */

/* PRAGMA application_id of Convene's files: 0x436f6e76, "Conv" in ASCII
 * (in decimal, as the SQL that sets it is made from it). */
#define CONVENE_STORE_APPLICATION_ID 1131376246
/* How long a write waits for another program's before it gives up. */
#define CONVENE_STORE_BUSY_TIMEOUT_MS 5000
/* How much of the file reads map: 256 MB. */
#define CONVENE_STORE_MAP_SIZE 268435456

sqlite3            *_convene_store_open_database    (const char          *path,
                                                     int                 *version_out,
                                                     GError             **error);
void                _convene_store_set_open_error   (const char          *path,
                                                     sqlite3             *db,
                                                     int                  rc,
                                                     GError             **error);
gboolean            _convene_store_mark             (sqlite3             *db,
                                                     const char          *path,
                                                     GError             **error);
int                 _convene_store_read_version     (sqlite3             *db,
                                                     int                 *rc_out);
gboolean            _convene_store_migrate          (sqlite3             *db,
                                                     const char          *path,
                                                     int                  from,
                                                     int                  to,
                                                     GError             **error);
gboolean            _convene_store_create_at_version (const char         *path,
                                                      int                 version,
                                                      GError            **error);

/* convene-store-rows.c */
ConveneEntityClass *_convene_store_entity_class     (GType                type);
char               *_convene_store_select_sql       (GType                type,
                                                     const char          *where);
char               *_convene_store_insert_sql       (GType                type);
char               *_convene_store_update_sql       (GType                type);
void                _convene_store_bind_entity      (sqlite3_stmt        *stmt,
                                                     ConveneEntity       *entity);
ConveneEntity      *_convene_store_entity_from_row  (GType                type,
                                                     sqlite3_stmt        *stmt);

/* convene-store-validate.c */
void                _convene_store_fill_session_month (ConveneEntity     *entity);

/* A stored instant ("YYYY-MM-DDTHH:MM:SSZ") as Unix seconds, and a stored
 * session status nick as its value: the listings read rows with them. */
gboolean             _convene_store_parse_instant        (const char *text,
                                                          gint64     *seconds);
ConveneSessionStatus _convene_store_parse_session_status (const char *nick);
ConveneSessionFormat _convene_store_parse_session_format (const char *nick);

G_END_DECLS
