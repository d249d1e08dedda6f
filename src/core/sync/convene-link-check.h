/* convene-link-check.h: whether a resource's link answers, and the title of
 * the page it leads to.
 *
 * A check GETs the URL through sync/convene-http.h (redirects followed up
 * to CONVENE_HTTP_MAX_REDIRECTS, a loop named as one), reads only the head
 * of the page (CONVENE_LINK_CHECK_HEAD_BYTES), and finds its <title> there,
 * in the page's own character set, its HTML character references decoded.
 * Any HTTP status is a report (a 404 is an answer about the link); only a
 * link that cannot be reached at all is an error.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CONVENE_LINK_CHECK_HEAD_BYTES (64 * 1024)

typedef struct {
  char    *url;          /* as checked */
  guint    status;       /* of the last answer */
  char    *reason;       /* its reason phrase */
  char    *final_url;    /* after redirects */
  guint    n_redirects;
  char    *title;        /* the page's <title>, or NULL */
} ConveneLinkReport;

void               convene_link_check_async      (const char         *url,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
ConveneLinkReport *convene_link_check_finish     (GAsyncResult       *result,
                                                  GError            **error);

/* Whether the link leads to a page (a 2xx status after redirects). */
gboolean           convene_link_report_is_ok     (const ConveneLinkReport *report);
/* "200 OK", "404 Not Found": the status as the CLI and the view say it. */
char              *convene_link_report_dup_status (const ConveneLinkReport *report);
void               convene_link_report_free      (ConveneLinkReport  *report);

/* The <title> of the start of an HTML page, in UTF-8, or NULL; @content_type
 * (nullable) may name its charset. */
char              *convene_link_find_title       (const char         *html,
                                                  gsize               length,
                                                  const char         *content_type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneLinkReport, convene_link_report_free)

G_END_DECLS
