/* convene-link-check.c: a link's status and its page's title.
 *
 * The title is found in the first bytes of the page with a small scan (the
 * body is cut at CONVENE_LINK_CHECK_HEAD_BYTES, so a whole-page parse would
 * meet a torn document), and its text is read by libxml2's HTML parser,
 * which knows every character reference a page may use.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "sync/convene-link-check.h"
#include "sync/convene-http.h"

void
convene_link_report_free (ConveneLinkReport *report)
{
  if (report == NULL)
    return;
  g_free (report->url);
  g_free (report->reason);
  g_free (report->final_url);
  g_free (report->title);
  g_free (report);
}

gboolean
convene_link_report_is_ok (const ConveneLinkReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return SOUP_STATUS_IS_SUCCESSFUL (report->status);
}

char *
convene_link_report_dup_status (const ConveneLinkReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return g_strdup_printf ("%u %s", report->status,
                          report->reason != NULL && *report->reason != '\0'
                            ? report->reason : soup_status_get_phrase (report->status));
}

/* Finds @word (lower case ASCII) in @text, ignoring case. */
static const char *
find_ascii_nocase (const char *text,
                   const char *end,
                   const char *word)
{
  gsize n = strlen (word);

  for (const char *p = text; p + n <= end; p++)
    if (g_ascii_strncasecmp (p, word, n) == 0)
      return p;
  return NULL;
}

/* The charset a Content-Type, or a <meta> in the head, names; NULL for none. */
static char *
find_charset (const char *html,
              const char *end,
              const char *content_type)
{
  g_autofree char *lower_type = content_type != NULL ? g_ascii_strdown (content_type, -1) : NULL;
  const char *at = lower_type != NULL ? strstr (lower_type, "charset=") : NULL;
  const char *start;
  gsize n = 0;

  if (at != NULL)
    {
      start = at + strlen ("charset=");
      start += *start == '"' ? 1 : 0;
      while (start[n] != '\0' && (g_ascii_isalnum (start[n]) || strchr ("-_:.", start[n]) != NULL))
        n++;
      return n > 0 ? g_strndup (start, n) : NULL;
    }
  at = find_ascii_nocase (html, end, "charset=");
  if (at == NULL)
    return NULL;
  start = at + strlen ("charset=");
  while (start < end && (*start == '"' || *start == '\''))
    start++;
  while (start + n < end && (g_ascii_isalnum (start[n]) || strchr ("-_:.", start[n]) != NULL))
    n++;
  return n > 0 ? g_strndup (start, n) : NULL;
}

/* The first <title> element under @node. */
static xmlNode *
find_title_element (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, "title") == 0)
        return node;
      if ((found = find_title_element (node->children)) != NULL)
        return found;
    }
  return NULL;
}

/* The text of a title written as @utf8 (UTF-8, between the tags): its
 * character references decoded by the HTML parser, and every run of white
 * space (a title may be spread over lines) folded into one space. */
static char *
clean_title (const char *utf8)
{
  g_autofree char *page = g_strconcat ("<html><head><meta charset=\"utf-8\"><title>", utf8,
                                       "</title></head></html>", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  xmlChar *content = NULL;
  htmlDocPtr doc;
  xmlNode *title;

  doc = htmlReadMemory (page, (int) strlen (page), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET);
  if (doc == NULL)
    return NULL;
  title = find_title_element (xmlDocGetRootElement (doc));
  if (title != NULL)
    content = xmlNodeGetContent (title);
  for (const char *p = (const char *) content; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  xmlFree (content);
  xmlFreeDoc (doc);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0 || !g_utf8_validate (out->str, out->len, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
convene_link_find_title (const char *html,
                         gsize       length,
                         const char *content_type)
{
  const char *end = html + length;
  const char *open = find_ascii_nocase (html, end, "<title");
  const char *text, *close;
  g_autofree char *charset = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *utf8 = NULL;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  /* "<title" followed by ">" or attributes, not "<titles". */
  while (open != NULL && open + 6 < end && open[6] != '>' && !g_ascii_isspace (open[6]))
    open = find_ascii_nocase (open + 6, end, "<title");
  if (open == NULL || (text = memchr (open, '>', end - open)) == NULL)
    return NULL;
  text++;
  close = find_ascii_nocase (text, end, "</title");
  if (close == NULL)
    return NULL;

  raw = g_strndup (text, close - text);
  charset = find_charset (html, end, content_type);
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0 &&
      g_ascii_strcasecmp (charset, "utf8") != 0)
    utf8 = g_convert (raw, -1, "UTF-8", charset, NULL, NULL, NULL);
  if (utf8 == NULL)
    utf8 = g_utf8_make_valid (raw, -1);
  return clean_title (utf8);
}

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(ConveneHttpResponse) response = convene_http_fetch_finish (result, &error);
  ConveneLinkReport *report;
  gsize length;
  const char *body;

  if (response == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  report = g_new0 (ConveneLinkReport, 1);
  report->url = g_strdup (g_task_get_task_data (task));
  report->status = response->status;
  report->reason = g_strdup (response->reason);
  report->final_url = g_strdup (response->url);
  report->n_redirects = response->n_redirects;
  body = g_bytes_get_data (response->body, &length);
  if (SOUP_STATUS_IS_SUCCESSFUL (response->status) && length > 0)
    report->title = convene_link_find_title (body, length, response->content_type);
  g_task_return_pointer (task, report, (GDestroyNotify) convene_link_report_free);
}

/**
 * convene_link_check_async:
 * @url: an http or https URL
 *
 * Checks @url: its status, where it redirects, its page's title.
 */
void
convene_link_check_async (const char         *url,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, convene_link_check_async);
  g_task_set_task_data (task, g_strdup (url), g_free);
  convene_http_fetch_async (url, NULL, NULL, CONVENE_LINK_CHECK_HEAD_BYTES,
                            CONVENE_HTTP_FETCH_HEAD_ONLY, cancellable, fetch_cb, task);
}

/**
 * convene_link_check_finish:
 *
 * Returns: (transfer full): the report, or %NULL when the link could not be
 *   reached (CONVENE_HTTP_ERROR)
 */
ConveneLinkReport *
convene_link_check_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
