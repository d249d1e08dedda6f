/* convene-sync-rows.h: what Convene keeps of its CalDAV calendars.
 *
 * An account is a server URL and a user name (the password is in the
 * Secret Service, see sync/convene-account.h), the calendar it publishes
 * to and the calendar's last sync token.  An item is one session or action
 * of a plan as that calendar holds it: its UID, href, ETag, and the text
 * both sides last agreed on, so that an edit on either side is seen.  A
 * conflict keeps both versions of an item until the coordinator chooses.
 */
#pragma once

#include "store/convene-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *url;
  char   *user;
  char   *calendar_url;  /* NULL until one is chosen or discovered */
  char   *sync_token;    /* NULL before the first sync */
} ConveneSyncAccount;

typedef struct {
  gint64  id;            /* 0 until stored */
  gint64  account;
  gint64  plan;
  char   *uid;
  char   *href;          /* absolute URL */
  char   *etag;
  char   *synced;        /* the item's text both sides last agreed on */
} ConveneSyncItem;

typedef struct {
  gint64  id;
  gint64  item;
  gint64  account;
  gint64  plan;
  char   *uid;
  char   *href;
  char   *local;         /* this side's text, NULL when deleted here */
  char   *remote;        /* the server's text, NULL when deleted there */
  char   *remote_etag;
} ConveneSyncConflict;

void                 convene_sync_account_free   (ConveneSyncAccount  *account);
void                 convene_sync_item_free      (ConveneSyncItem     *item);
void                 convene_sync_conflict_free  (ConveneSyncConflict *conflict);

gint64               convene_store_add_sync_account    (ConveneStore  *self,
                                                        const char    *url,
                                                        const char    *user,
                                                        GError       **error);
GPtrArray           *convene_store_list_sync_accounts  (ConveneStore  *self,
                                                        GError       **error);
ConveneSyncAccount  *convene_store_get_sync_account    (ConveneStore  *self,
                                                        gint64         id,
                                                        GError       **error);
gboolean             convene_store_remove_sync_account (ConveneStore  *self,
                                                        gint64         id,
                                                        GError       **error);
/* A new calendar forgets the old one's token and items. */
gboolean             convene_store_set_sync_calendar   (ConveneStore  *self,
                                                        gint64         account,
                                                        const char    *calendar_url,
                                                        GError       **error);
gboolean             convene_store_set_sync_token      (ConveneStore  *self,
                                                        gint64         account,
                                                        const char    *token,
                                                        GError       **error);

/* The items of @account, of one plan or of all when @plan is 0. */
GPtrArray           *convene_store_list_sync_items     (ConveneStore  *self,
                                                        gint64         account,
                                                        gint64         plan,
                                                        GError       **error);
/* Adds @item, or updates the one of its account and UID; sets its id. */
gboolean             convene_store_put_sync_item       (ConveneStore     *self,
                                                        ConveneSyncItem  *item,
                                                        GError          **error);
gboolean             convene_store_remove_sync_item    (ConveneStore  *self,
                                                        gint64         id,
                                                        GError       **error);

/* Every conflict of @account, or of every account when it is 0. */
GPtrArray           *convene_store_list_sync_conflicts (ConveneStore  *self,
                                                        gint64         account,
                                                        GError       **error);
ConveneSyncConflict *convene_store_get_sync_conflict   (ConveneStore  *self,
                                                        gint64         id,
                                                        GError       **error);
gboolean             convene_store_add_sync_conflict   (ConveneStore  *self,
                                                        gint64         item,
                                                        const char    *local,
                                                        const char    *remote,
                                                        const char    *remote_etag,
                                                        GError       **error);
gboolean             convene_store_remove_sync_conflict (ConveneStore *self,
                                                         gint64        id,
                                                         GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneSyncAccount, convene_sync_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneSyncItem, convene_sync_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneSyncConflict, convene_sync_conflict_free)

G_END_DECLS
