/* convene-document-words.c: the words of action plans and announcements:
 * how people name a lead ("Paul leads", "Lidera: Flor") and their working
 * group.  The words that name a format or a language, and whether a text is
 * Spanish, are the text room's (text/convene-text-words.h); month and
 * weekday names are the time room's (time/convene-time-words.h).
 */
#include "config.h"

#include <string.h>

#include "import/convene-document-private.h"

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

/* "Monday", "Mondays": a weekday in full, which no one's name starts with
 * ("Frida" and "Sun" are names, and also how some write Friday and Sunday). */
static gboolean
is_weekday_in_full (const char *word)
{
  GDateWeekday day = convene_time_words_weekday_from_name (word);
  const char *name = day != G_DATE_BAD_WEEKDAY ? convene_time_words_weekday_name (day) : NULL;
  gsize n = name != NULL ? strlen (name) : 0;

  return name != NULL && g_ascii_strncasecmp (word, name, n) == 0 &&
         (word[n] == '\0' || (word[n] == 's' && word[n + 1] == '\0'));
}

/* "Monday Paul" in "..., every Monday Paul leads": the weekday is the
 * series' rule, not the lead's first name.  Returns how many bytes of
 * @name are such words. */
static gsize
weekdays_before_name (const char *name)
{
  const char *rest = name;

  for (;;)
    {
      const char *space = strchr (rest, ' ');
      g_autofree char *word = space != NULL ? g_strndup (rest, space - rest) : NULL;

      if (word == NULL || !is_weekday_in_full (word))
        return rest - name;
      rest = space;
      while (*rest == ' ')
        rest++;
    }
}

/* Takes "Paul leads" out of @text (edited in place) and returns "Paul", or
 * NULL when no lead is named. */
char *
_convene_lead_take_from_text (char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *name = NULL;
  int start, end;
  gsize skip = 0;

  if (!g_regex_match (lead_regex (), text, 0, &match))
    return NULL;
  for (guint i = 0; i < 3 && (name == NULL || *name == '\0'); i++)
    {
      static const char * const groups[] = { "name", "name2", "name3" };

      g_free (name);
      name = g_match_info_fetch_named (match, groups[i]);
      /* Only the name before "leads" starts the match. */
      if (i == 0 && name != NULL)
        skip = weekdays_before_name (name);
    }
  if (name == NULL || *name == '\0' || !g_match_info_fetch_pos (match, 0, &start, &end))
    return NULL;
  if (skip > 0)
    {
      char *kept = g_strdup (name + skip);

      g_free (name);
      name = kept;
      start += skip;
    }
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
