/* convene-link-check.c: a link's status and its page's title.
 *
 * The title is found in the first bytes of the page with a small scan
 * rather than an HTML parser: Convene links no HTML library, and a <title>
 * is plain text between two tags.  Numeric character references are decoded
 * in full; of the named ones, the few that titles use (the XML five and
 * &nbsp;), others are left as written.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

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

static void
append_reference (GString    *out,
                  const char *name,
                  gsize       n)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", 0x00a0 },
  };
  guint64 value = 0;
  gboolean numeric = n > 1 && name[0] == '#';

  if (numeric)
    {
      g_autofree char *digits = g_strndup (name + 1 + (name[1] == 'x' || name[1] == 'X'),
                                           n - 1 - (name[1] == 'x' || name[1] == 'X'));
      int base = name[1] == 'x' || name[1] == 'X' ? 16 : 10;

      if (*digits != '\0' && g_ascii_string_to_unsigned (digits, base, 1, 0x10ffff, &value, NULL) &&
          g_unichar_validate ((gunichar) value))
        {
          g_string_append_unichar (out, (gunichar) value);
          return;
        }
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (named); i++)
      if (strlen (named[i].name) == n && strncmp (name, named[i].name, n) == 0)
        {
          g_string_append_unichar (out, named[i].c);
          return;
        }
  g_string_append_c (out, '&');
  g_string_append_len (out, name, n);
  g_string_append_c (out, ';');
}

/* Decodes character references and folds every run of white space (a
 * title may be spread over lines) into one space. */
static char *
clean_title (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      const char *semicolon = *p == '&' ? strchr (p, ';') : NULL;

      if (semicolon != NULL && semicolon - p <= 10 && semicolon > p + 1)
        {
          append_reference (out, p + 1, semicolon - p - 1);
          p = semicolon + 1;
        }
      else if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
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
