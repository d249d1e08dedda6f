/* convene-time-series.c: series and languages in a time expression:
 * "Wednesdays", "every other Monday", "every two weeks", "the first Tuesday
 * of the month", "cada quince días", "in English and Spanish". */
#include "config.h"

#include "convene-time-expr-private.h"
#include "convene-time-words.h"

#include <string.h>

static guint
read_weekdays (ConveneTimeParser *p,
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
}

/* "first Tuesday of the month", "el primer martes de cada mes" */
static guint
read_monthly (ConveneTimeParser *p,
              guint              i)
{
  guint mask, j = i + 1;
  int ordinal;
  ConveneTimeToken *t = tok (p, i);

  if (t == NULL)
    return 0;
  if (t->kind == CONVENE_TIME_TOKEN_NUMBER && t->value >= 1 && t->value <= 5 && _convene_time_is_day_suffix (p, i + 1))
    ordinal = t->value, j++;  /* "2nd Wednesday" */
  else if (t->kind != CONVENE_TIME_TOKEN_WORD || (ordinal = convene_time_words_ordinal (t->text)) == 0)
    return 0;
  j = read_weekdays (p, j, &mask);
  if (mask == 0)
    return 0;
  if (is_word_in (p, j, (const char * const[]) { "of", "de", "del", "in", NULL }))
    {
      j++;
      if (is_word_in (p, j, (const char * const[]) { "the", "each", "every", "cada", "el", NULL }))
        j++;
      if (is_word_in (p, j, (const char * const[]) { "month", "mes", NULL }))
        {
          _convene_time_set_series (p, CONVENE_TIME_FREQ_MONTHLY, 0, mask, ordinal);
          return j + 1;
        }
    }
  return 0;
}

gboolean
_convene_time_try_series (ConveneTimeParser *p)
{
  static const char * const weekly[] = { "weekly", "semanal", "semanalmente", NULL };
  static const char * const biweekly[] = { "biweekly", "fortnightly", "quincenal", "quincenalmente", NULL };
  static const char * const monthly[] = { "monthly", "mensual", "mensualmente", NULL };
  guint i = p->i, j, mask, next;
  int n;

  if ((next = read_monthly (p, i)) > 0)
    {
      p->i = next;
      return TRUE;
    }

  if (is_word_in (p, i, weekly))
    return _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 0, 0, 0), p->i = i + 1, TRUE;
  if (is_word_in (p, i, biweekly))
    return _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, 0, 0), p->i = i + 1, TRUE;
  if (is_word (p, i, "bi") && is_punct (p, i + 1, "-") && is_word (p, i + 2, "weekly"))
    return _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, 0, 0), p->i = i + 3, TRUE;
  if (is_word_in (p, i, monthly))
    return _convene_time_set_series (p, CONVENE_TIME_FREQ_MONTHLY, 0, 0, 0), p->i = i + 1, TRUE;
  if (is_word (p, i, "daily") || is_word (p, i, "diariamente"))
    return _convene_time_set_series (p, CONVENE_TIME_FREQ_DAILY, 0, 0, 0), p->i = i + 1, TRUE;

  if (is_word_in (p, i, (const char * const[]) { "alternate", "alternating", NULL }))
    {
      j = read_weekdays (p, i + 1, &mask);
      if (mask != 0 || is_word_in (p, i + 1, (const char * const[]) { "week", "weeks", NULL }))
        {
          _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, mask, 0);
          p->i = mask != 0 ? j : i + 2;
          return TRUE;
        }
      return FALSE;
    }

  if (is_word (p, i, "todos") && is_word_in (p, i + 1, (const char * const[]) { "los", "las", NULL }))
    j = i + 2;
  else if (is_word_in (p, i, (const char * const[]) { "every", "each", "cada", NULL }))
    j = i + 1;
  else
    return FALSE;

  /* "every first Tuesday of the month" */
  if ((next = read_monthly (p, j)) > 0)
    {
      p->i = next;
      return TRUE;
    }

  n = 1;
  if (is_word_in (p, j, (const char * const[]) { "other", "second", "alternate", "otro", NULL }))
    n = 2, j++;
  else if (number_at (p, j) != NULL && number_at (p, j)->value <= 99)
    n = number_at (p, j)->value, j++;
  else if (convene_time_words_number (tok (p, j) != NULL ? tok (p, j)->text : "") != 0)
    n = convene_time_words_number (tok (p, j)->text), j++;
  if (n < 1)
    return FALSE;

  next = read_weekdays (p, j, &mask);
  if (mask != 0)
    _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, n, mask, 0);
  else if (is_word_in (p, j, (const char * const[]) { "week", "weeks", "semana", "semanas", NULL }))
    _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, n, 0, 0), next = j + 1;
  else if (is_word_in (p, j, (const char * const[]) { "fortnight", "quincena", NULL }))
    _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2 * n, 0, 0), next = j + 1;
  else if (is_word_in (p, j, (const char * const[]) { "month", "months", "mes", "meses", NULL }))
    _convene_time_set_series (p, CONVENE_TIME_FREQ_MONTHLY, n, 0, 0), next = j + 1;
  else if (is_word_in (p, j, (const char * const[]) { "weekday", "weekdays", NULL }))
    _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, n, 0x3e, 0), next = j + 1;  /* Monday to Friday */
  else if (is_word_in (p, j, (const char * const[]) { "day", "days", "dia", "dias", NULL }))
    {
      /* "cada quince días" is Spanish for every two weeks; "every 14 days"
       * is a weekly series too. */
      if (n == 15 && is_word_in (p, j, (const char * const[]) { "dia", "dias", NULL }))
        _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, 0, 0);
      else if (n % 7 == 0)
        _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, n / 7, 0, 0);
      else
        _convene_time_set_series (p, CONVENE_TIME_FREQ_DAILY, n, 0, 0);
      next = j + 1;
    }
  else
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
