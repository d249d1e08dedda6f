/* convene-time-series.c: series and languages in a time expression:
 * "Wednesdays", "every other Monday", "every two weeks", "the first Tuesday
 * of the month", "cada quince días", "in English and Spanish". */
#include "config.h"

#include "time/convene-time-expr-private.h"
#include "time/convene-time-words.h"

#include <string.h>

guint
_convene_time_read_weekdays (ConveneTimeParser *p,
                             guint              j,
                             guint             *mask)
{
  gboolean plural, short_form;
  int day;

  *mask = 0;
  while (tok (p, j) != NULL && tok (p, j)->kind == CONVENE_TIME_TOKEN_WORD &&
         (day = convene_time_words_weekday (tok (p, j)->text, &plural, &short_form)) != 0 &&
         (!short_form || tok (p, j)->capital))
    {
      *mask |= 1u << day;
      j++;
      if ((is_punct (p, j, ",") || is_punct (p, j, "/") || is_punct (p, j, "&") ||
           is_word_in (p, j, (const char * const[]) { "and", "y", "e", NULL })) &&
          tok (p, j + 1) != NULL && tok (p, j + 1)->kind == CONVENE_TIME_TOKEN_WORD &&
          convene_time_words_weekday (tok (p, j + 1)->text, NULL, NULL) != 0)
        j++;
    }
  return j;
}

void
_convene_time_set_series (ConveneTimeParser *p,
                          ConveneTimeFreq    freq,
                          int                interval,
                          guint              byday,
                          int                ordinal)
{
  ConveneTimeReading *r = p->r;

  if (r->freq == CONVENE_TIME_FREQ_NONE)
    r->freq = freq;
  if (interval > 1 && r->interval == 0)
    r->interval = interval;
  r->byday |= byday;
  if (ordinal != 0 && r->ordinal == 0)
    r->ordinal = ordinal;
  if (ordinal != 0)
    r->ordinals |= 1u << (ordinal > 0 ? ordinal : 6);
}

/* One ordinal of a list: "2nd", "second", "segundo"; its token after, or 0. */
static guint
read_ordinal (ConveneTimeParser *p,
              guint              i,
              int               *ordinal)
{
  ConveneTimeToken *t = tok (p, i);

  if (t == NULL)
    return 0;
  if (t->kind == CONVENE_TIME_TOKEN_NUMBER && t->value >= 1 && t->value <= 5 && _convene_time_is_day_suffix (p, i + 1))
    {
      *ordinal = t->value;  /* "2nd Wednesday" */
      return i + 2;
    }
  if (t->kind == CONVENE_TIME_TOKEN_WORD && (*ordinal = convene_time_words_ordinal (t->text)) != 0)
    return i + 1;
  return 0;
}

/* "1st, 2nd, and 4th", "primero y tercero": every ordinal of a list, as
 * a mask of 1 << n (1 << 6 for the last); the token after it, or 0. */
static guint
read_ordinals (ConveneTimeParser *p,
               guint              i,
               int               *first,
               guint             *mask)
{
  static const char * const joins[] = { "and", "y", "e", "&", NULL };
  guint j = read_ordinal (p, i, first), next;
  int ordinal;

  *mask = 0;
  if (j == 0)
    return 0;
  *mask = 1u << (*first > 0 ? *first : 6);
  for (;;)
    {
      guint k = j;

      if (is_punct (p, k, ","))
        k++;
      if (is_word_in (p, k, joins) || is_punct (p, k, "&"))
        k++;
      if (k == j || (next = read_ordinal (p, k, &ordinal)) == 0)
        return j;
      *mask |= 1u << (ordinal > 0 ? ordinal : 6);
      j = next;
    }
}

/* "first Tuesday of the month", "el primer martes de cada mes", "the 1st,
 * 2nd, and 4th Wednesdays of each month", and, after a weekday, "(primero
 * y tercero del mes)". */
static guint
read_monthly (ConveneTimeParser *p,
              guint              i)
{
  guint mask, ordinals, j;
  int ordinal;

  if ((j = read_ordinals (p, i, &ordinal, &ordinals)) == 0)
    return 0;
  j = _convene_time_read_weekdays (p, j, &mask);
  /* "jueves (primero y tercero del mes)": the weekday came first. */
  if (mask == 0 && p->r->weekday != 0)
    mask = 1u << p->r->weekday;
  else if (mask == 0 && p->r->byday != 0)
    mask = p->r->byday;
  if (mask == 0)
    return 0;
  if (is_word_in (p, j, (const char * const[]) { "of", "de", "del", "in", NULL }))
    {
      j++;
      if (is_word_in (p, j, (const char * const[]) { "the", "each", "every", "cada", "el", NULL }))
        j++;
      if (is_word_in (p, j, (const char * const[]) { "month", "mes", NULL }))
        {
          /* "Thursdays (first and third of the month)": the plural said
           * weekly, the ordinals say which weeks. */
          if (p->r->freq == CONVENE_TIME_FREQ_WEEKLY && p->r->interval == 0)
            p->r->freq = CONVENE_TIME_FREQ_MONTHLY;
          _convene_time_set_series (p, CONVENE_TIME_FREQ_MONTHLY, 0, mask, ordinal);
          p->r->ordinals |= ordinals;
          /* A weekday written before its ordinals is the series' day, not
           * a day of its own. */
          if (p->r->weekday != 0 && (mask & (1u << p->r->weekday)))
            p->r->weekday = 0;
          return j + 1;
        }
    }
  return 0;
}

/* "weekly", "bi-weekly", "quincenal", "monthly", "alternate Mondays",
 * "even weeks" */
static gboolean
try_series_word (ConveneTimeParser *p)
{
  static const char * const weekly[] = { "weekly", "semanal", "semanalmente", NULL };
  static const char * const biweekly[] = { "biweekly", "fortnightly", "quincenal", "quincenalmente", NULL };
  static const char * const monthly[] = { "monthly", "mensual", "mensualmente", NULL };
  static const char * const daily[] = { "daily", "diariamente", NULL };
  guint i = p->i, next = i + 1, mask = 0;
  ConveneTimeFreq freq = CONVENE_TIME_FREQ_WEEKLY;
  int interval = 0;

  if (is_word_in (p, i, weekly))
    ;
  else if (is_word_in (p, i, biweekly))
    interval = 2;
  else if (is_word (p, i, "bi") && is_punct (p, i + 1, "-") && is_word (p, i + 2, "weekly"))
    interval = 2, next = i + 3;
  else if (is_word_in (p, i, monthly))
    freq = CONVENE_TIME_FREQ_MONTHLY;
  else if (is_word_in (p, i, daily))
    freq = CONVENE_TIME_FREQ_DAILY;
  /* "on even weeks", "semanas impares": every other week, the weeks of
   * the year counted as ISO 8601 does. */
  else if (is_word_in (p, i, (const char * const[]) { "even", "odd", NULL }) &&
           is_word_in (p, i + 1, (const char * const[]) { "week", "weeks", NULL }))
    {
      interval = 2, next = i + 2;
      p->r->week_parity = is_word (p, i, "even") ? 2 : 1;
    }
  else if (is_word_in (p, i, (const char * const[]) { "semana", "semanas", NULL }) &&
           is_word_in (p, i + 1, (const char * const[]) { "par", "pares", "impar", "impares", NULL }))
    {
      interval = 2, next = i + 2;
      p->r->week_parity = is_word_in (p, i + 1, (const char * const[]) { "par", "pares", NULL }) ? 2 : 1;
    }
  else if (is_word_in (p, i, (const char * const[]) { "alternate", "alternating", NULL }))
    {
      interval = 2;
      next = _convene_time_read_weekdays (p, i + 1, &mask);
      if (mask == 0 && !is_word_in (p, i + 1, (const char * const[]) { "week", "weeks", NULL }))
        return FALSE;
      if (mask == 0)
        next = i + 2;
    }
  else
    return FALSE;

  _convene_time_set_series (p, freq, interval, mask, 0);
  p->i = next;
  return TRUE;
}

/* What follows "every", "cada", "todos los": "other Monday", "two weeks",
 * "month", "weekday", "quince días"; returns the token after it, or 0. */
static guint
read_every (ConveneTimeParser *p,
            guint              j)
{
  guint mask, next;
  int n = 1;

  if (is_word_in (p, j, (const char * const[]) { "other", "second", "alternate", "otro", NULL }))
    n = 2, j++;
  else if (number_at (p, j) != NULL && number_at (p, j)->value <= 99)
    n = number_at (p, j)->value, j++;
  else if (tok (p, j) != NULL && convene_time_words_number (tok (p, j)->text) != 0)
    n = convene_time_words_number (tok (p, j)->text), j++;
  if (n < 1)
    return 0;

  next = _convene_time_read_weekdays (p, j, &mask);
  if (mask != 0)
    _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, n, mask, 0);
  else if (is_word_in (p, j, (const char * const[]) { "week", "weeks", "semana", "semanas", NULL }))
    _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, n, 0, 0);
  else if (is_word_in (p, j, (const char * const[]) { "fortnight", "quincena", NULL }))
    _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2 * n, 0, 0);
  else if (is_word_in (p, j, (const char * const[]) { "month", "months", "mes", "meses", NULL }))
    _convene_time_set_series (p, CONVENE_TIME_FREQ_MONTHLY, n, 0, 0);
  else if (is_word_in (p, j, (const char * const[]) { "weekday", "weekdays", NULL }))
    _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, n, 0x3e, 0);  /* Monday to Friday */
  else if (is_word_in (p, j, (const char * const[]) { "dia", "dias", NULL }) && n == 15)
    _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, 0, 0);  /* "cada quince días": every two weeks */
  else if (is_word_in (p, j, (const char * const[]) { "day", "days", "dia", "dias", NULL }))
    _convene_time_set_series (p, n % 7 == 0 ? CONVENE_TIME_FREQ_WEEKLY : CONVENE_TIME_FREQ_DAILY,
                              n % 7 == 0 ? n / 7 : n, 0, 0);
  else
    return 0;

  return mask != 0 ? next : j + 1;
}

gboolean
_convene_time_try_series (ConveneTimeParser *p)
{
  guint i = p->i, j, next;

  if ((next = read_monthly (p, i)) > 0 || try_series_word (p))
    {
      if (next > 0)
        p->i = next;
      return TRUE;
    }

  if (is_word (p, i, "todos") && is_word_in (p, i + 1, (const char * const[]) { "los", "las", NULL }))
    j = i + 2;
  else if (is_word_in (p, i, (const char * const[]) { "every", "each", "cada", NULL }))
    j = i + 1;
  else
    return FALSE;

  /* "every first Tuesday of the month", then "every other Monday"... */
  if ((next = read_monthly (p, j)) == 0 && (next = read_every (p, j)) == 0)
    return FALSE;
  p->i = next;
  return TRUE;
}

/* Languages: "in English and Spanish", "en español", "(English/Spanish)",
 * "Spanish session". */
gboolean
_convene_time_try_languages (ConveneTimeParser *p)
{
  static const char * const before[] = {
    "in", "en", "into", "al", "interpretation", "interpretacion", "traduccion", "translation",
    "subtitles", "subtitulos", "idioma", "idiomas", "language", "languages", NULL,
  };
  static const char * const after[] = {
    "session", "sessions", "sesion", "sesiones", "interpretation", "language", "version",
    "edition", NULL,
  };
  static const char * const joins[] = { "and", "y", "e", "or", "o", NULL };
  guint i = p->i, j;
  ConveneTimeToken *t = tok (p, i);
  const char *code;
  gboolean list;

  if (t->kind != CONVENE_TIME_TOKEN_WORD || (code = convene_time_words_language (t->text)) == NULL)
    return FALSE;

  list = (is_punct (p, i + 1, "/") || is_punct (p, i + 1, ",") || is_word_in (p, i + 1, joins)) &&
         tok (p, i + 2) != NULL && convene_time_words_language (tok (p, i + 2)->text) != NULL;
  if (!(i > 0 && (is_word_in (p, i - 1, before) || is_punct (p, i - 1, "("))) &&
      !is_word_in (p, i + 1, after) && !list)
    return FALSE;

  for (j = i;;)
    {
      gboolean seen = FALSE;

      code = convene_time_words_language (tok (p, j)->text);
      for (guint k = 0; k < p->r->languages->len; k++)
        seen = seen || strcmp (g_ptr_array_index (p->r->languages, k), code) == 0;
      if (!seen)
        g_ptr_array_add (p->r->languages, g_strdup (code));
      j++;

      if ((is_punct (p, j, "/") || is_punct (p, j, ",") || is_punct (p, j, "&") ||
           is_word_in (p, j, joins)) &&
          tok (p, j + 1) != NULL && tok (p, j + 1)->kind == CONVENE_TIME_TOKEN_WORD &&
          convene_time_words_language (tok (p, j + 1)->text) != NULL)
        j++;
      else
        break;
    }
  p->i = j;
  return TRUE;
}
