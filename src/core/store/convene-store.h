/* convene-store.h: the SQLite file every plan, session and person lives in. */
#pragma once

#include <gio/gio.h>

#include "model/convene-entity.h"

G_BEGIN_DECLS

#define CONVENE_STORE_SCHEMA_VERSION 7

#define CONVENE_STORE_ERROR (convene_store_error_quark ())

typedef enum {
  CONVENE_STORE_ERROR_OPEN,       /* the file cannot be opened, or is not Convene's database */
  CONVENE_STORE_ERROR_TOO_NEW,    /* written by a newer Convene */
  CONVENE_STORE_ERROR_INVALID,    /* a value breaks the model's rules */
  CONVENE_STORE_ERROR_NOT_FOUND,  /* no object with that id */
  CONVENE_STORE_ERROR_CONFLICT,   /* a reference or uniqueness rule */
  CONVENE_STORE_ERROR_FAILED,     /* anything else SQLite reports */
  CONVENE_STORE_ERROR_DAMAGED,    /* a corrupted page, an impossible schema version */
  CONVENE_STORE_ERROR_BUSY,       /* another program held the lock too long */
  CONVENE_STORE_ERROR_READ_ONLY,  /* the file or its folder cannot be written */
} ConveneStoreError;

typedef enum {
  CONVENE_STORE_CHANGE_ADDED,
  CONVENE_STORE_CHANGE_UPDATED,
  CONVENE_STORE_CHANGE_REMOVED,
  CONVENE_STORE_CHANGE_RESET,     /* many objects of the type changed: reload */
} ConveneStoreChange;

#define CONVENE_TYPE_STORE (convene_store_get_type ())

G_DECLARE_FINAL_TYPE (ConveneStore, convene_store, CONVENE, STORE, GObject)

GQuark         convene_store_error_quark        (void);
char          *convene_store_dup_default_path   (void);

ConveneStore  *convene_store_new                (const char     *path,
                                                 GError        **error);
const char    *convene_store_get_path           (ConveneStore   *self);
int            convene_store_get_schema_version (ConveneStore   *self);
gboolean       convene_store_is_empty           (ConveneStore   *self);

const GType   *convene_store_get_entity_types   (guint          *n_types);

gboolean       convene_store_notice_others      (ConveneStore   *self);
void           convene_store_watch_others       (ConveneStore   *self,
                                                 guint           interval_ms);

void           convene_store_set_mapped         (ConveneStore   *self,
                                                 gboolean        mapped);
gboolean       convene_store_begin              (ConveneStore   *self,
                                                 GError        **error);
gboolean       convene_store_commit             (ConveneStore   *self,
                                                 GError        **error);
void           convene_store_rollback           (ConveneStore   *self);

gboolean       convene_store_validate           (ConveneStore   *self,
                                                 ConveneEntity  *entity,
                                                 GError        **error);
gboolean       convene_store_add                (ConveneStore   *self,
                                                 ConveneEntity  *entity,
                                                 GError        **error);
gboolean       convene_store_update             (ConveneStore   *self,
                                                 ConveneEntity  *entity,
                                                 GError        **error);
gboolean       convene_store_remove             (ConveneStore   *self,
                                                 ConveneEntity  *entity,
                                                 GError        **error);
gpointer       convene_store_load               (ConveneStore   *self,
                                                 GType           type,
                                                 gint64          id,
                                                 GError        **error);
GPtrArray     *convene_store_query              (ConveneStore   *self,
                                                 GType           type,
                                                 const char     *column,
                                                 gint64          value,
                                                 GError        **error);
GListModel    *convene_store_list               (ConveneStore   *self,
                                                 GType           type,
                                                 const char     *column,
                                                 gint64          value);

GArray        *convene_store_get_attendance     (ConveneStore   *self,
                                                 gint64          session_id,
                                                 GError        **error);
gboolean       convene_store_set_attended       (ConveneStore   *self,
                                                 gint64          session_id,
                                                 gint64          person_id,
                                                 gboolean        attended,
                                                 GError        **error);
/* The same for one occurrence of a series, named by its start as the rule
 * gives it; a NULL @occurrence is the session itself. */
GArray        *convene_store_get_occurrence_attendance (ConveneStore *self,
                                                        gint64        session_id,
                                                        GDateTime    *occurrence,
                                                        GError      **error);
gboolean       convene_store_set_occurrence_attended   (ConveneStore *self,
                                                        gint64        session_id,
                                                        GDateTime    *occurrence,
                                                        gint64        person_id,
                                                        gboolean      attended,
                                                        GError      **error);
/* The occurrences of @session_id that have attendance of their own, in
 * order (GDateTime *, UTC). */
GPtrArray     *convene_store_get_attended_occurrences  (ConveneStore *self,
                                                        gint64        session_id,
                                                        GError      **error);

char          *convene_store_check              (ConveneStore   *self,
                                                 gboolean       *ok,
                                                 GError        **error);

G_END_DECLS
