/* convene-sync-private.h: what the files of a sync share.
 *
 *   convene-sync.c          one sync: publish, pull, conflicts found
 *   convene-sync-items.c    a plan's items as the exporter writes them, and
 *                           the server's version taken into the store
 *   convene-sync-resolve.c  a conflict settled
 */
#pragma once

#include "sync/convene-sync.h"

G_BEGIN_DECLS

/* One session or action as the exporter writes it. */
typedef struct {
  gint64  plan;
  char   *text;        /* what is sent: a VCALENDAR with its VTIMEZONEs */
  char   *normalized;  /* the same without DTSTAMP: what is compared */
} LocalItem;

void           _convene_sync_local_item_free (gpointer        data);
/* Adds @plan_id's items to @items, UID → LocalItem. */
gboolean       _convene_sync_add_local_items (ConveneStore   *store,
                                              gint64          plan_id,
                                              GHashTable     *items,
                                              GError        **error);
/* The stored session or action a UID of Convene's names, or NULL. */
ConveneEntity *_convene_sync_load_by_uid     (ConveneStore   *store,
                                              const char     *uid);
/* Takes the server's @text into @entity (a series' exceptions too), in the
 * caller's transaction; the importer's warnings go to @warnings (char *,
 * nullable). */
gboolean       _convene_sync_apply_remote    (ConveneStore   *store,
                                              ConveneEntity  *entity,
                                              const char     *text,
                                              GPtrArray      *warnings,
                                              GError        **error);

G_END_DECLS
