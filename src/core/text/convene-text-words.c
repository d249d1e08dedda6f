/* convene-text-words.c: the words that name a session's format or its
 * language, and whether a text is written in Spanish.  The document importer
 * reads them, and the Markdown export uses the same words to write what the
 * importer will read back.
 */
#include "config.h"

#include <string.h>

#include "text/convene-text-words.h"

/* Whether the document is written in Spanish, by its commonest small words:
 * then 11/07/2019 is 11 July and its sessions are Spanish sessions. */
gboolean
convene_text_looks_spanish (GPtrArray *lines)
{
  static const char * const spanish[] = {
    "de", "la", "el", "los", "las", "y", "que", "para", "con", "del", "por", "una", "se", "es",
  };
  static const char * const english[] = {
    "the", "and", "of", "to", "for", "with", "that", "is", "are", "on", "by", "we", "our", "will",
  };
  guint es = 0, en = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      ConveneLine *line = g_ptr_array_index (lines, i);
      g_autofree char *lower = g_utf8_strdown (line->text, -1);
      g_auto(GStrv) words = g_strsplit_set (lower, " ,.;:()¿?¡!\"", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          for (guint k = 0; k < G_N_ELEMENTS (spanish); k++)
            es += g_str_equal (words[w], spanish[k]);
          for (guint k = 0; k < G_N_ELEMENTS (english); k++)
            en += g_str_equal (words[w], english[k]);
        }
    }
  return es >= 5 && es > en + en / 4;
}

/* The format a topic or a note names: "Chief Data Officers roundtable",
 * "Data projects fair", "End of year survey". */
ConveneSessionFormat
convene_text_find_format (const char           *text,
                           ConveneSessionFormat  fallback)
{
  static const struct {
    const char *words[6];
    ConveneSessionFormat format;
  } formats[] = {
    { { "roundtable*", "round table*", "round-table*", "mesa redonda", "mesas redondas", NULL },
      CONVENE_SESSION_FORMAT_ROUNDTABLE },
    { { "fair", "fairs", "feria", "ferias", NULL }, CONVENE_SESSION_FORMAT_FAIR },
    { { "survey", "surveys", "encuesta", "encuestas", NULL }, CONVENE_SESSION_FORMAT_SURVEY },
    { { "panel", "panels", "panel discussion", NULL }, CONVENE_SESSION_FORMAT_PANEL },
    { { "workshop*", "taller", "talleres", NULL }, CONVENE_SESSION_FORMAT_WORKSHOP },
    { { "meetup", "meetups", "meet-up", "meet-ups", NULL }, CONVENE_SESSION_FORMAT_MEETUP },
    { { "open discussion", "group discussion", "discussion session", "conversatorio", NULL },
      CONVENE_SESSION_FORMAT_DISCUSSION },
  };

  if (text == NULL)
    return fallback;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (convene_text_has_any_word (text, formats[i].words))
      return formats[i].format;
  return fallback;
}

static const struct {
  const char *words[6];
  const char *code;
} languages[] = {
  { { "spanish", "español", "espanol", "castellano", NULL }, "es" },
  { { "portuguese", "português", "portugués", "portugues", NULL }, "pt" },
  { { "french", "français", "francés", "frances", NULL }, "fr" },
  { { "english", "inglés", "ingles", NULL }, "en" },
};

/* How many languages @text names: "English, with interpretation into
 * Spanish" names two. */
guint
convene_text_count_languages (const char *text)
{
  guint n = 0;

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (languages); i++)
    n += convene_text_has_any_word (text, languages[i].words);
  return n;
}

/* The language a session is said to be held in ("Spanish session", "en
 * español"), as a language code, or NULL when the text names none. */
const char *
convene_text_find_language (const char *text)
{
  g_autofree char *lower = NULL;
  const char *best = NULL;
  const char *best_at = NULL;

  if (text == NULL)
    return NULL;
  lower = g_utf8_strdown (text, -1);
  /* The first language named is the one the session is held in. */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    for (guint w = 0; languages[i].words[w] != NULL; w++)
      {
        const char *at = convene_text_find_word (lower, lower, languages[i].words[w]);

        if (at != NULL && (best_at == NULL || at < best_at))
          {
            best = languages[i].code;
            best_at = at;
          }
      }
  return best;
}

gboolean
convene_text_is_series_meeting (const char *text)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  g_autofree char *marker = g_utf8_casefold (CONVENE_TEXT_SERIES_MEETING, -1);

  return folded != NULL && strstr (folded, marker) != NULL;
}

char *
convene_text_take_series_meeting (const char  *text,
                                  gboolean    *added,
                                  gboolean    *taken_out,
                                  char       **moved_from)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *from = NULL;
  g_autofree char *added_word = NULL;
  g_autofree char *taken_out_words = NULL;
  int start, end;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (added != NULL, NULL);
  g_return_val_if_fail (taken_out != NULL, NULL);
  g_return_val_if_fail (moved_from != NULL, NULL);

  if (g_once_init_enter_pointer (&regex))
    g_once_init_leave_pointer (&regex, g_regex_new ("\\s*(?:<(?:i|em)>\\s*)?"
                                                    CONVENE_TEXT_SERIES_MEETING
                                                    "(?:\\s*,\\s*(" CONVENE_TEXT_SERIES_ADDED "))?"
                                                    "(?:\\s*,\\s*(" CONVENE_TEXT_SERIES_TAKEN_OUT "))?"
                                                    "(?:\\s*,\\s*" CONVENE_TEXT_SERIES_MOVED_FROM
                                                    "\\s+(.*?))?\\s*(?:</(?:i|em)>|$)",
                                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  *added = FALSE;
  *taken_out = FALSE;
  *moved_from = NULL;
  if (!g_regex_match (regex, text, 0, &match))
    return g_strdup (text);
  added_word = g_match_info_fetch (match, 1);
  *added = added_word != NULL && *added_word != '\0';
  taken_out_words = g_match_info_fetch (match, 2);
  *taken_out = taken_out_words != NULL && *taken_out_words != '\0';
  from = g_match_info_fetch (match, 3);
  if (from != NULL && *g_strstrip (from) != '\0')
    *moved_from = g_steal_pointer (&from);
  g_match_info_fetch_pos (match, 0, &start, &end);
  return g_strdup_printf ("%.*s%s", start, text, text + end);
}
