/* convene-time-zones.c: zone names in a time expression: "Europe/Berlin",
 * "UTC", "GMT-6", "ET", "London time", "Eastern Standard Time", "hora de
 * Londres", and a city right after a time ("4pm Johannesburg").  What the names mean is in
 * convene-zone-names.c. */
#include "config.h"

#include "time/convene-time-expr-private.h"
#include "time/convene-zone-names.h"

#include <string.h>

static void
add_zone (ConveneTimeParser *p,
          const char        *zone,
          guint              first,
          guint              last,
          int                dst,
          const char        *ambiguity)
{
  ConveneZoneMention mention = { 0 };
  ConveneTimeGroup *group = NULL;

  mention.zone = g_strdup (zone);
  mention.written = _convene_time_written (p, first, last);
  mention.dst = dst;
  mention.ambiguity = ambiguity;
  mention.time = -1;
  mention.text_start = tok (p, first)->start;

  if (p->open_time >= 0)
    group = &g_array_index (p->r->times, ConveneTimeGroup, p->open_time);
  if (group != NULL && group->zone < 0)
    {
      mention.time = p->open_time;
      group->zone = p->r->zones->len;
    }
  else if (group != NULL)
    mention.extra = TRUE;  /* "CEST (Central European Summer Time)" */

  /* "EET/EEST" with no time before it: one zone, in either season. */
  if (!mention.extra && first > 0 && is_punct (p, first - 1, "/") && p->r->zones->len > 0)
    {
      ConveneZoneMention *before = &g_array_index (p->r->zones, ConveneZoneMention, p->r->zones->len - 1);

      if (g_strcmp0 (before->zone, zone) == 0)
        {
          mention.extra = TRUE;
          before->dst = -1;
        }
    }

  g_array_append_val (p->r->zones, mention);
  p->i = last + 1;
}

/* "UTC", "GMT-6", "UTC+05:30", "GMT -06:00" */
static gboolean
try_offset_zone (ConveneTimeParser *p)
{
  guint i = p->i, j = i + 1;
  ConveneTimeToken *h, *m;
  g_autofree char *offset_text = NULL;
  g_autofree char *zone = NULL;
  int minutes;

  if (!is_word_in (p, i, (const char * const[]) { "utc", "gmt", NULL }))
    return FALSE;

  if ((is_punct (p, j, "+") || is_punct (p, j, "-") || is_punct (p, j, "\xc2\xb1")) &&
      (h = number_at (p, j + 1)) != NULL && adjacent (p, j + 1) &&
      (adjacent (p, j) || !is_punct (p, j + 2, ":")))
    {
      guint last = j + 1;

      if (h->digits <= 2 && is_punct (p, j + 2, ":") && (m = number_at (p, j + 3)) != NULL &&
          m->digits == 2)
        last = j + 3;
      offset_text = g_strconcat (is_punct (p, j, "\xc2\xb1") ? "\xc2\xb1" : tok (p, j)->text,
                                 h->text, last > j + 1 ? ":" : "",
                                 last > j + 1 ? tok (p, last)->text : "", NULL);
      if (convene_zone_names_parse_offset (offset_text, &minutes))
        {
          zone = convene_zone_names_format_offset (minutes);
          add_zone (p, zone, i, last, -1, NULL);
          return TRUE;
        }
      /* "GMT+25", written as one word: an offset no zone has, never UTC. */
      if (adjacent (p, j))
        {
          add_zone (p, NULL, i, last, -1, NULL);
          return TRUE;
        }
    }

  add_zone (p, "UTC", i, i, -1, NULL);
  return TRUE;
}

/* The last token of an identifier written from @i ("Europe/Berlin",
 * "America/Argentina/Buenos_Aires", "Etc/GMT+5"): a run of adjacent words
 * and numbers joined by "/", "_", "-" or "+", with at least one "/" before
 * a word.  0 when there is none. */
static guint
identifier_end (ConveneTimeParser *p,
                guint              i)
{
  guint j = i;
  gboolean slash = FALSE;

  while (TRUE)
    {
      ConveneTimeToken *sep = tok (p, j + 1), *next = tok (p, j + 2);

      if (sep == NULL || next == NULL || sep->kind != CONVENE_TIME_TOKEN_PUNCT ||
          next->kind == CONVENE_TIME_TOKEN_PUNCT || !adjacent (p, j + 1) || !adjacent (p, j + 2) ||
          strlen (sep->text) != 1 || strchr ("/_-+", sep->text[0]) == NULL)
        break;
      if (sep->text[0] == '/')
        {
          if (next->kind != CONVENE_TIME_TOKEN_WORD)
            break;
          slash = TRUE;
        }
      j += 2;
    }
  return slash ? j : 0;
}

static guint match_place (ConveneTimeParser  *p,
                          guint               i,
                          const char        **zone);

/* "Europe/Berlin", "asia/kolkata", "US/Pacific", "Asia/Calcutta": a zone's
 * IANA name in any case, or an old link to one.  A name written the same
 * way that is no zone ("Europe/Berlinn", "18:00 Mars/Olympus") is an
 * unknown zone, never left out: one of the tz database's regions, or a
 * capitalised name right after a time that is not a place ("London/Paris"
 * is two places). */
static gboolean
try_identifier_zone (ConveneTimeParser *p)
{
  ConveneTimeToken *t = tok (p, p->i);
  guint last = identifier_end (p, p->i);
  g_autofree char *written = NULL;
  const char *zone;

  if (last == 0)
    return FALSE;
  written = _convene_time_written (p, p->i, last);
  zone = convene_zone_names_find_identifier (written);
  if (zone != NULL)
    {
      add_zone (p, zone, p->i, last, -1, NULL);
      return TRUE;
    }
  if (convene_zone_names_is_region (t->text) ||
      (p->open_time >= 0 && t->capital && !t->upper && match_place (p, p->i, &zone) == 0))
    {
      add_zone (p, NULL, p->i, last, -1, NULL);
      return TRUE;
    }
  return FALSE;
}

/* The longest run of words from @i that names a place: "Mexico City",
 * "Rio de Janeiro", "Port-au-Prince".  Returns the number of tokens. */
static guint
match_place (ConveneTimeParser  *p,
             guint               i,
             const char        **zone)
{
  guint ends[6];
  guint n = 0, j = i;

  /* Where each candidate phrase may end. */
  while (n < G_N_ELEMENTS (ends) && tok (p, j) != NULL && tok (p, j)->kind == CONVENE_TIME_TOKEN_WORD)
    {
      ends[n++] = j;
      if (is_punct (p, j + 1, "-") && adjacent (p, j + 1) && adjacent (p, j + 2))
        j += 2;
      else
        j++;
    }

  while (n > 0)
    {
      g_autofree char *phrase = _convene_time_written (p, i, ends[n - 1]);
      g_autofree char *folded = convene_zone_names_fold (phrase, -1);

      if ((*zone = convene_zone_names_find_place (folded)) != NULL)
        return ends[n - 1] - i + 1;
      n--;
    }
  return 0;
}

/* "hora de Londres", "hora del Este", "hora de la Ciudad de México" */
static gboolean
try_hora_zone (ConveneTimeParser *p)
{
  guint i = p->i, j = i + 1, n, last;
  const char *zone;

  if (!is_word (p, i, "hora") || _convene_time_context (p, i))
    return FALSE;

  if (is_word (p, j, "de") && is_word (p, j + 1, "la"))
    j += 2;
  else if (is_word_in (p, j, (const char * const[]) { "de", "del", "en", NULL }))
    j++;

  if ((n = match_place (p, j, &zone)) > 0)
    {
      add_zone (p, zone, i, j + n - 1, -1, NULL);
      return TRUE;
    }

  /* Not a place Convene knows; a capital says a name was meant
   * ("hora de Gotham"), where "hora de inicio" is only a start time. */
  if (tok (p, j) == NULL || tok (p, j)->kind != CONVENE_TIME_TOKEN_WORD || !tok (p, j)->capital)
    return FALSE;
  for (last = j; last < j + 2 && tok (p, last + 1) != NULL &&
       tok (p, last + 1)->kind == CONVENE_TIME_TOKEN_WORD && tok (p, last + 1)->capital; last++)
    ;
  add_zone (p, NULL, i, last, -1, NULL);
  return TRUE;
}

/* "London time", "Eastern Standard Time", "East Africa Time"; right after a
 * time also a place alone: "4pm Johannesburg", "2pm Eastern". */
static gboolean
try_place_zone (ConveneTimeParser *p)
{
  guint i = p->i, n, k;
  gboolean after_time = p->open_time >= 0;
  const char *zone = NULL;
  int dst = -1;

  if (after_time && is_word_in (p, i, (const char * const[]) { "in", "en", NULL }) &&
      tok (p, i + 1) != NULL && tok (p, i + 1)->capital && match_place (p, i + 1, &zone) > 0)
    i++;

  n = match_place (p, i, &zone);
  if (n > 0)
    {
      k = i + n;
      if (is_word (p, k, "standard"))
        dst = 0, k++;
      else if (is_word_in (p, k, (const char * const[]) { "daylight", "summer", NULL }))
        dst = 1, k++;
      if (is_word (p, k, "time"))
        {
          add_zone (p, zone, i, k, dst, NULL);
          return TRUE;
        }
      if (after_time && dst < 0 && tok (p, i)->capital)
        {
          add_zone (p, zone, i, k - 1, -1, NULL);
          return TRUE;
        }
    }

  /* "7pm Gotham time": a name right after a time, then "time". */
  if (!after_time || !tok (p, i)->capital || tok (p, i)->kind != CONVENE_TIME_TOKEN_WORD)
    return FALSE;
  for (k = i + 1; k <= i + 4 && tok (p, k) != NULL && tok (p, k)->kind == CONVENE_TIME_TOKEN_WORD; k++)
    if (is_word (p, k, "time"))
      {
        add_zone (p, NULL, i, k, -1, NULL);
        return TRUE;
      }
  return FALSE;
}

gboolean
_convene_time_try_zone (ConveneTimeParser *p)
{
  ConveneTimeToken *t = tok (p, p->i);
  gboolean after_time = p->open_time >= 0;

  if (t->kind != CONVENE_TIME_TOKEN_WORD)
    return FALSE;

  if (try_identifier_zone (p) || try_offset_zone (p))
    return TRUE;

  /* "14:00Z" */
  if (is_word (p, p->i, "z") && after_time && adjacent (p, p->i) && p->i > 0 &&
      number_at (p, p->i - 1) != NULL)
    {
      add_zone (p, "UTC", p->i, p->i, -1, NULL);
      return TRUE;
    }

  /* Abbreviations count only in capitals, so that "at", "eat" or "art" in
   * a sentence stay words; two-letter ones ("ET", "PT") only after a time. */
  if (t->upper && strlen (t->text) >= 2 && (after_time || strlen (t->text) >= 3))
    {
      g_autofree char *upper = g_ascii_strup (t->text, -1);
      const ConveneZoneAbbreviation *abbreviation = NULL;
      gsize len = strlen (upper);

      if (p->asia)
        abbreviation = convene_zone_names_find_abbreviation_in_asia (upper);
      if (abbreviation == NULL)
        abbreviation = convene_zone_names_find_abbreviation (upper);
      if (abbreviation != NULL)
        {
          add_zone (p, abbreviation->zone, p->i, p->i, abbreviation->dst, abbreviation->ambiguity);
          if (is_word (p, p->i, "time"))
            p->i++;
          return TRUE;
        }
      if (after_time && len >= 3 && len <= 5 && upper[len - 1] == 'T')
        {
          add_zone (p, NULL, p->i, p->i, -1, NULL);
          return TRUE;
        }
    }

  return try_hora_zone (p) || try_place_zone (p);
}
