/* convene-importer.c: what the sniffers of every importer share, so that
 * each says only what tells its own format apart. */
#include "config.h"

#include <string.h>

#include "import/convene-importer.h"

/**
 * convene_importer_skip_blank:
 * @rest: (out): how many bytes are left after the returned pointer
 *
 * Returns: where the content starts, after a UTF-8 byte order mark and
 *   white space
 */
const char *
convene_importer_skip_blank (const char *head,
                             gsize       length,
                             gsize      *rest)
{
  const char *p = head;
  const char *end = head + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  *rest = end - p;
  return p;
}

/* Whether the content, after blanks, starts with @word, in any case. */
gboolean
convene_importer_starts_with (const char *head,
                              gsize       length,
                              const char *word)
{
  gsize rest;
  const char *p = convene_importer_skip_blank (head, length, &rest);

  return rest >= strlen (word) && g_ascii_strncasecmp (p, word, strlen (word)) == 0;
}

/* Text as the document importers read it: UTF-16 with its byte order mark,
 * or anything without NUL bytes (UTF-8 or Windows-1252). */
gboolean
convene_importer_looks_like_text (const char *head,
                                  gsize       length)
{
  const guchar *bytes = (const guchar *) head;

  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    return TRUE;
  return length == 0 || memchr (head, '\0', length) == NULL;
}

/* Whether @file's name ends with one of @suffixes (".md"), in any case. */
gboolean
convene_importer_name_ends_with (const char         *file,
                                 const char * const *suffixes)
{
  g_autofree char *lower = g_ascii_strdown (file, -1);

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

ConveneImporterMatch
convene_importer_match_text (const char         *file,
                             const char         *head,
                             gsize               length,
                             const char * const *suffixes)
{
  if (!convene_importer_looks_like_text (head, length))
    return CONVENE_IMPORTER_NO;
  return convene_importer_name_ends_with (file, suffixes) ? CONVENE_IMPORTER_LIKELY : CONVENE_IMPORTER_POSSIBLE;
}
