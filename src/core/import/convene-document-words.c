/* convene-document-words.c: the words of action plans and announcements.
 *
 * The words that name a session's format or language, how people name a
 * lead ("Paul leads", "Lidera: Flor") and their working group, and whether
 * a document is written in Spanish.  Month and weekday names are the time
 * room's (time/convene-time-words.h).
 */
#include "config.h"

#include <string.h>

#include "import/convene-document-private.h"

/* Whether the document is written in Spanish, by its commonest small words:
 * then 11/07/2019 is 11 July and its sessions are Spanish sessions. */
gboolean
_convene_lines_look_spanish (GPtrArray *lines)
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
_convene_format_from_text (const char           *text,
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
    if (_convene_text_has_any_word (text, formats[i].words))
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
_convene_languages_count (const char *text)
{
  guint n = 0;

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (languages); i++)
    n += _convene_text_has_any_word (text, languages[i].words);
  return n;
}

/* The language a session is said to be held in ("Spanish session", "en
 * español"), as a language code, or NULL when the text names none. */
const char *
_convene_language_from_text (const char *text)
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
        const char *at = _convene_text_find_word (lower, lower, languages[i].words[w]);

        if (at != NULL && (best_at == NULL || at < best_at))
          {
            best = languages[i].code;
            best_at = at;
          }
      }
  return best;
}

static GRegex *
lead_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter_pointer (&regex))
    {
      /* "Paul leads", "Paul lead" (as typed), "Flor will lead", "led by Ana
       * Pérez", "Lead: Paul", "Lidera: Flor". */
      const char *pattern =
        "(?<name>\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,2})\\s+"
        "(?:will\\s+)?(?:leads?|leading|lidera|modera)\\b"
        "|\\b(?:led|hosted|chaired|moderated|facilitated|liderad[oa]|moderad[oa])\\s+(?:by|por)\\s+"
        "(?<name2>\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,2})"
        "|\\b(?i:lead|host|chair|moderator|facilitator|lidera|modera)\\s*:\\s*"
        "(?<name3>\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,2})";

      g_once_init_leave_pointer (&regex, g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL));
    }
  return regex;
}

/* Takes "Paul leads" out of @text (edited in place) and returns "Paul", or
 * NULL when no lead is named. */
char *
_convene_lead_take_from_text (char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *name = NULL;
  int start, end;

  if (!g_regex_match (lead_regex (), text, 0, &match))
    return NULL;
  for (guint i = 0; i < 3 && (name == NULL || *name == '\0'); i++)
    {
      static const char * const groups[] = { "name", "name2", "name3" };

      g_free (name);
      name = g_match_info_fetch_named (match, groups[i]);
    }
  if (name == NULL || *name == '\0' || !g_match_info_fetch_pos (match, 0, &start, &end))
    return NULL;
  memmove (text + start, text + end, strlen (text + end) + 1);
  g_strstrip (text);
  return g_steal_pointer (&name);
}

static GRegex *
group_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter_pointer (&regex))
    g_once_init_leave_pointer (&regex, g_regex_new (
      "\\b((?:\\p{Lu}[\\p{L}+&-]*\\s+){1,4}Working Group)\\b"
      "|\\b(Grupo de Trabajo(?:\\s+(?:de|sobre|en)(?:\\s+\\p{Lu}[\\p{L}-]*)+)?)"
      "|\\b((?:\\p{Ll}+\\s+){1,3}working group\\s+(?:in|of)\\s+the\\s+"
      "(?:\\p{Lu}[\\p{L}-]*\\s+)*\\p{Lu}[\\p{L}-]*(?:\\s+\\(\\p{Lu}+\\))?)",
      G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* The working group a text names: "Implementation Working Group", "Grupo de
 * Trabajo de Datos Abiertos", "the open data working group in the Open
 * Government Partnership (OGP)"; NULL when it names none. */
char *
_convene_text_find_group (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (group_regex (), text, 0, &match))
    return NULL;
  for (int group = 1; group <= 3; group++)
    {
      g_autofree char *found = g_match_info_fetch (match, group);

      if (found != NULL && *found != '\0')
        {
          g_autofree char *rest = g_strdup (g_utf8_next_char (found));
          g_autofree char *first = g_utf8_strup (found, g_utf8_next_char (found) - found);

          return g_strconcat (first, rest, NULL);
        }
    }
  return NULL;
}
