/* convene-time-expr.c: reading meeting times as people write them.
 *
 * The text is cut into tokens (convene-time-words.c) and read left to right;
 * at each token a few recognisers are tried in turn (a series, a date, a
 * time or a range of times, a length, a zone, languages, a weekday or a day
 * number) and the first that matches consumes its tokens.  Anything else is
 * skipped: announcements are full of words that are not about time.  What
 * was found goes to a ConveneTimeReading that convene-time-resolve.c turns
 * into an instant.
 */
#include "config.h"

#include "time/convene-time-expr-private.h"
#include "time/convene-time-words.h"
#include "time/convene-zone-names.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A line of an announcement or a table row is far shorter; past this the
 * text is not a time expression. */
#define MAX_TEXT_LENGTH 16384

G_DEFINE_QUARK (convene-time-expr-error-quark, convene_time_expr_error)

/* Set by tests only, before any thread parses. */
static ConveneTimeExprObserver observer;
static gpointer observer_data;

void
_convene_time_expr_set_observer (ConveneTimeExprObserver func,
                                 gpointer                user_data)
{
  observer = func;
  observer_data = user_data;
}

char *
_convene_time_written (ConveneTimeParser *p,
                       guint              first,
                       guint              last)
{
  ConveneTimeToken *a = tok (p, first), *b = tok (p, last);

  return g_strndup (p->text + a->start, b->end - a->start);
}

static void
warn (ConveneTimeParser *p,
      const char        *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (ConveneTimeParser *p,
      const char        *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (p->r->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Dates */

static gboolean
set_date (ConveneTimeParser *p,
          int                year,
          int                month,
          int                day,
          guint              first,
          guint              last)
{
  ConveneTimeReading *r = p->r;

  /* The first date on the line is the meeting's; later ones are often the
   * date of the announcement itself. */
  if (r->date_named)
    return TRUE;

  r->date_named = TRUE;
  r->date_written = _convene_time_written (p, first, last);
  /* A year of 0 is the reference's; past 2199 or before 1900 no working
   * group meets, and GDateTime could not even hold some of those times. */
  if (month < 1 || month > 12 || day < 1 || day > 31 ||
      (year != 0 && (year < 1900 || year > 2199 || !g_date_valid_dmy (day, month, year))))
    {
      r->date_invalid = TRUE;
      warn (p, _("“%s” is not a day of the calendar."), r->date_written);
      return TRUE;
    }
  r->year = year;
  r->month = month;
  r->day = day;
  return TRUE;
}

/* 2019-05-06, 2019/05/06 */
static gboolean
try_iso_date (ConveneTimeParser *p)
{
  guint i = p->i;
  ConveneTimeToken *y = number_at (p, i), *m = number_at (p, i + 2), *d = number_at (p, i + 4);
  const char *sep;

  if (y == NULL || y->digits != 4 || m == NULL || m->digits > 2 || d == NULL || d->digits > 2)
    return FALSE;
  sep = tok (p, i + 1)->text;
  if ((!is_punct (p, i + 1, "-") && !is_punct (p, i + 1, "/")) || !is_punct (p, i + 3, sep) ||
      !adjacent (p, i + 1) || !adjacent (p, i + 2) || !adjacent (p, i + 3) || !adjacent (p, i + 4))
    return FALSE;

  set_date (p, y->value, m->value, d->value, i, i + 4);
  p->i = i + 5;
  return TRUE;
}

/* 11/07/2019, 06-04-2016, 23.02.2021, 11/07/19, 11/07 */
/* Kept in one function, though long: day-first and month-first readings
 * share the same digits and are decided together. */
static gboolean
try_numeric_date (ConveneTimeParser *p)
{
  guint i = p->i, last;
  ConveneTimeToken *a = number_at (p, i), *b = number_at (p, i + 2), *c;
  const char *sep;
  int year = 0, day, month;
  gboolean day_first;

  if (a == NULL || a->digits > 2 || b == NULL || b->digits > 2 ||
      !adjacent (p, i + 1) || !adjacent (p, i + 2))
    return FALSE;
  sep = tok (p, i + 1)->text;
  if (!is_punct (p, i + 1, "/") && !is_punct (p, i + 1, "-") && !is_punct (p, i + 1, "."))
    return FALSE;

  c = number_at (p, i + 4);
  if (is_punct (p, i + 3, sep) && adjacent (p, i + 3) && adjacent (p, i + 4) &&
      c != NULL && (c->digits == 4 || c->digits == 2))
    {
      year = c->digits == 2 ? 2000 + c->value : c->value;
      last = i + 4;
    }
  else if (strcmp (sep, "/") == 0 && !is_punct (p, i + 3, "/") &&
           !is_word_in (p, i + 3, (const char * const[]) { "hour", "hours", "hora", NULL }))
    last = i + 2;  /* "11/07": the reference's year */
  else
    return FALSE;

  /* Dots are only ever day first; otherwise a number over 12 decides, and
   * when both readings are days, the text's language or the caller does. */
  if (strcmp (sep, ".") == 0 || (a->value > 12 && b->value <= 12))
    day_first = TRUE;
  else if (b->value > 12 && a->value <= 12)
    day_first = FALSE;
  else
    {
      day_first = p->day_first;
      if (a->value != b->value && a->value >= 1 && b->value >= 1 &&
          a->value <= 12 && b->value <= 12 && !p->r->date_named)
        {
          /* Both numbers are 12 or less, so both readings are days of any
           * year; a leap year stands in when the text gives none. */
          /* Translators: a day in a warning, as g_date_time_format() writes it */
          const char *format = year != 0 ? C_("warning date", "%-d %B %Y") : C_("warning date", "%-d %B");
          g_autoptr(GDateTime) mf = g_date_time_new_utc (year != 0 ? year : 2000,
                                                         a->value, b->value, 12, 0, 0);
          g_autoptr(GDateTime) df = g_date_time_new_utc (year != 0 ? year : 2000,
                                                         b->value, a->value, 12, 0, 0);
          g_autofree char *text = _convene_time_written (p, i, last);
          g_autofree char *month_first = g_date_time_format (mf, format);
          g_autofree char *day_first_text = g_date_time_format (df, format);

          if (day_first)
            warn (p, _("“%s” can be read as %s or %s; read as %s (day first)."),
                  text, day_first_text, month_first, day_first_text);
          else
            warn (p, _("“%s” can be read as %s or %s; read as %s (month first)."),
                  text, month_first, day_first_text, month_first);
        }
    }

  day = day_first ? a->value : b->value;
  month = day_first ? b->value : a->value;
  set_date (p, year, month, day, i, last);
  p->i = last + 1;
  return TRUE;
}

gboolean
_convene_time_is_day_suffix (ConveneTimeParser *p,
                             guint              i)
{
  return adjacent (p, i) &&
         (is_word_in (p, i, (const char * const[]) { "st", "nd", "rd", "th", NULL }) ||
          is_punct (p, i, "\xc2\xba") || is_punct (p, i, "\xc2\xb0"));
}

static guint
skip_year (ConveneTimeParser *p,
           guint              j,
           int               *year)
{
  ConveneTimeToken *y;
  guint k = j;

  if (is_punct (p, k, ","))
    k++;
  if (is_word_in (p, k, (const char * const[]) { "de", "del", NULL }))
    k++;
  y = number_at (p, k);
  if (y != NULL && y->digits == 4 && y->value >= 1900 && y->value <= 2199 &&
      !is_punct (p, k + 1, ":"))
    {
      *year = y->value;
      return k + 1;
    }
  return j;
}

/* "4 March 2022", "23rd of February", "23 de febrero de 2021", "March 4, 2022",
 * "Feb. 23rd" */
static gboolean
try_text_date (ConveneTimeParser *p)
{
  guint i = p->i, j;
  ConveneTimeToken *d;
  int month, year = 0;

  d = number_at (p, i);
  if (d != NULL && d->digits <= 2)
    {
      j = i + 1;
      if (_convene_time_is_day_suffix (p, j))
        j++;
      if (is_word_in (p, j, (const char * const[]) { "of", "de", NULL }))
        j++;
      if (tok (p, j) == NULL || tok (p, j)->kind != CONVENE_TIME_TOKEN_WORD ||
          (month = convene_time_words_month (tok (p, j)->text)) == 0)
        return FALSE;
      j++;
      if (is_punct (p, j, ".") && adjacent (p, j))
        j++;
      j = skip_year (p, j, &year);
      set_date (p, year, month, d->value, i, j - 1);
      p->i = j;
      return TRUE;
    }

  if (tok (p, i)->kind != CONVENE_TIME_TOKEN_WORD ||
      (month = convene_time_words_month (tok (p, i)->text)) == 0)
    return FALSE;
  j = i + 1;
  if (is_punct (p, j, ".") && adjacent (p, j))
    j++;
  d = number_at (p, j);
  if (d == NULL || d->digits > 2 || is_punct (p, j + 1, ":") ||
      (is_punct (p, j + 1, ".") && number_at (p, j + 2) != NULL))
    return FALSE;
  j++;
  if (_convene_time_is_day_suffix (p, j))
    j++;
  j = skip_year (p, j, &year);
  set_date (p, year, month, d->value, i, j - 1);
  p->i = j;
  return TRUE;
}

/* Weekdays, day numbers, "today" */
/* Kept in one function, though long: a weekday and a day number written
 * beside it ("Tuesday 23rd") are one reading and checked against each
 * other. */
static gboolean
try_day (ConveneTimeParser *p)
{
  guint i = p->i, j;
  ConveneTimeToken *t = tok (p, i);
  gboolean plural, short_form;
  int day;

  if (t->kind == CONVENE_TIME_TOKEN_WORD &&
      (day = convene_time_words_weekday (t->text, &plural, &short_form)) != 0 &&
      (!short_form || t->capital))
    {
      j = i + 1;
      /* "los martes" are Tuesdays; "martes por medio" every other one. */
      if (i > 0 && is_word_in (p, i - 1, (const char * const[]) { "los", "las", NULL }))
        plural = TRUE;
      if (is_word (p, j, "por") && is_word (p, j + 1, "medio"))
        {
          _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, 1u << day, 0);
          p->i = j + 2;
          return TRUE;
        }
      if (plural)
        {
          guint days;

          /* "los martes y jueves": the whole list repeats. */
          p->i = _convene_time_read_weekdays (p, i, &days);
          _convene_time_set_series (p, CONVENE_TIME_FREQ_WEEKLY, 0, days, 0);
          return TRUE;
        }
      if (p->r->weekday == 0)
        p->r->weekday = day;
      if (is_punct (p, j, ".") && short_form)
        j++;
      if (is_punct (p, j, ","))
        j++;
      p->after_weekday = j;
      p->i = j;
      return TRUE;
    }

  /* "the 32nd": written as a day, so never left out. */
  if (t->kind == CONVENE_TIME_TOKEN_NUMBER && t->digits <= 2 && (t->value < 1 || t->value > 31) &&
      _convene_time_is_day_suffix (p, i + 1) && !is_punct (p, i + 1, "\xc2\xb0"))
    {
      g_autofree char *written = _convene_time_written (p, i, i + 1);

      warn (p, _("“%s” is not a day of the calendar."), written);
      if (!p->r->date_named)
        {
          p->r->date_named = TRUE;
          p->r->date_invalid = TRUE;
          p->r->date_written = g_steal_pointer (&written);
        }
      p->i = i + 2;
      return TRUE;
    }

  if (t->kind == CONVENE_TIME_TOKEN_NUMBER && t->digits <= 2 && t->value >= 1 && t->value <= 31 &&
      (_convene_time_is_day_suffix (p, i + 1) || (p->after_weekday == i && i > 0)))
    {
      if (!p->r->date_named)
        {
          p->r->date_named = TRUE;
          p->r->day = t->value;
          p->r->date_written = _convene_time_written (p, i, _convene_time_is_day_suffix (p, i + 1) ? i + 1 : i);
        }
      p->i = _convene_time_is_day_suffix (p, i + 1) ? i + 2 : i + 1;
      return TRUE;
    }

  if (is_word_in (p, i, (const char * const[]) { "today", "tonight", "hoy", NULL }))
    day = 0;
  else if (is_word (p, i, "tomorrow") ||
           (is_word (p, i, "manana") && !(i > 0 && is_word (p, i - 1, "la"))))
    day = 1;
  else
    return FALSE;
  if (p->r->relative_days < 0)
    p->r->relative_days = day;
  p->i = i + 1;
  return TRUE;
}

static void
clear_zone_mention (gpointer data)
{
  ConveneZoneMention *mention = data;

  g_free (mention->zone);
  g_free (mention->written);
}

/* A clock the recognisers refused ("25:00", "7:75") is a time written
 * wrong, not a word of the sentence: it is warned about, with its minutes,
 * so that they are not read as something else.  Returns the last token. */
static guint
check_refused_clock (ConveneTimeParser *p)
{
  ConveneTimeToken *t = tok (p, p->i), *m = number_at (p, p->i + 2);
  g_autofree char *written = NULL;

  if (t->kind != CONVENE_TIME_TOKEN_NUMBER || t->digits > 2 || !is_punct (p, p->i + 1, ":") ||
      !adjacent (p, p->i + 1) || m == NULL || m->digits != 2 || !adjacent (p, p->i + 2))
    return p->i;
  written = _convene_time_written (p, p->i, p->i + 2);
  warn (p, _("“%s” is not a time of day."), written);
  return p->i + 2;
}

/* What the recognisers passed over, as written, each run of adjacent
 * tokens once ("Paul", "leads</i>"), punctuation alone left out: the
 * parser's account of what it did not read, for ConveneTimeExpr.unread. */
static void
flush_unread (ConveneTimeParser *p,
              guint              run_first,
              guint              run_last)
{
  for (guint k = run_first; k <= run_last; k++)
    if (tok (p, k)->kind != CONVENE_TIME_TOKEN_PUNCT)
      {
        g_ptr_array_add (p->r->unread, _convene_time_written (p, run_first, run_last));
        return;
      }
}

static void
note_unread (ConveneTimeParser *p,
             guint              first,
             guint              last,
             guint             *run_first,
             guint             *run_last)
{
  if (*run_last != G_MAXUINT && *run_last + 1 == first && adjacent (p, first))
    {
      *run_last = last;
      return;
    }
  if (*run_last != G_MAXUINT)
    flush_unread (p, *run_first, *run_last);
  *run_first = first;
  *run_last = last;
}

static void
read_tokens (ConveneTimeParser *p)
{
  guint run_first = 0, run_last = G_MAXUINT;
  int score = 0;

  for (guint k = 0; k < p->tokens->len; k++)
    if (tok (p, k)->kind == CONVENE_TIME_TOKEN_WORD)
      score += convene_time_words_spanish_score (tok (p, k)->text);
  p->day_first = p->day_first || score > 0;

  while (p->i < p->tokens->len)
    {
      guint before = p->i, last;
      ConveneTimeToken *t = tok (p, p->i);

      if (_convene_time_try_series (p) || try_iso_date (p) || try_numeric_date (p) || try_text_date (p) ||
          _convene_time_try_times (p) || _convene_time_try_duration (p) || _convene_time_try_zone (p) || _convene_time_try_languages (p) || try_day (p))
        {
          g_assert (p->i > before);
          continue;
        }

      /* A zone written after other words no longer belongs to the time;
       * brackets and commas do not count ("7pm (London)"). */
      if (t->kind != CONVENE_TIME_TOKEN_PUNCT && !is_word_in (p, p->i, (const char * const[]) { "in", "en", NULL }))
        p->open_time = -1;
      last = check_refused_clock (p);
      note_unread (p, p->i, last, &run_first, &run_last);
      p->i = last + 1;
    }
  if (run_last != G_MAXUINT)
    flush_unread (p, run_first, run_last);
}

ConveneTimeExpr *
convene_time_expr_parse (const char            *text,
                         const GDate           *reference,
                         const char            *default_zone,
                         ConveneTimeExprFlags   flags,
                         GError               **error)
{
  g_autofree char *valid = NULL;
  g_autoptr(GArray) tokens = NULL;
  ConveneTimeReading reading = { 0 };
  ConveneTimeExpr *expr;
  ConveneTimeParser p = { 0 };
  gboolean understood;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strlen (text) > MAX_TEXT_LENGTH)
    {
      g_set_error (error, CONVENE_TIME_EXPR_ERROR, CONVENE_TIME_EXPR_ERROR_TOO_LONG,
                   _("The text is too long to be a meeting time."));
      return NULL;
    }

  valid = g_utf8_make_valid (text, -1);
  tokens = convene_time_words_tokenize (valid);

  reading.relative_days = -1;
  reading.duration = -1;
  reading.times = g_array_new (FALSE, TRUE, sizeof (ConveneTimeGroup));
  reading.zones = g_array_new (FALSE, TRUE, sizeof (ConveneZoneMention));
  g_array_set_clear_func (reading.zones, clear_zone_mention);
  reading.languages = g_ptr_array_new_with_free_func (g_free);
  reading.warnings = g_ptr_array_new_with_free_func (g_free);
  reading.unread = g_ptr_array_new_with_free_func (g_free);

  p.text = valid;
  reading.text = valid;
  p.tokens = tokens;
  p.day_first = (flags & CONVENE_TIME_EXPR_DAY_FIRST) != 0;
  p.asia = (flags & CONVENE_TIME_EXPR_ASIA) != 0;
  p.open_time = -1;
  p.r = &reading;
  read_tokens (&p);

  /* A time written wrong ("at 25:00") is understood enough to be warned
   * about. */
  understood = reading.date_named || reading.weekday != 0 || reading.relative_days >= 0 ||
               reading.times->len > 0 || reading.zones->len > 0 ||
               reading.freq != CONVENE_TIME_FREQ_NONE || reading.languages->len > 0 ||
               reading.warnings->len > 0;

  expr = NULL;
  if (understood)
    {
      expr = g_new0 (ConveneTimeExpr, 1);
      g_date_clear (&expr->date, 1);
      expr->warnings = g_ptr_array_new_with_free_func (g_free);
      _convene_time_resolve (&reading, reference, default_zone, expr);
      g_ptr_array_add (reading.unread, NULL);
      expr->unread = (char **) g_ptr_array_steal (reading.unread, NULL);
    }
  else
    g_set_error (error, CONVENE_TIME_EXPR_ERROR, CONVENE_TIME_EXPR_ERROR_NOT_UNDERSTOOD,
                 _("No date, time or time zone found in “%s”."), valid);

  g_free (reading.date_written);
  g_array_unref (reading.times);
  g_array_unref (reading.zones);
  g_ptr_array_unref (reading.languages);
  g_ptr_array_unref (reading.warnings);
  g_ptr_array_unref (reading.unread);
  if (observer != NULL)
    observer (valid, expr, observer_data);
  return expr;
}

void
convene_time_expr_free (ConveneTimeExpr *expr)
{
  if (expr == NULL)
    return;

  g_clear_pointer (&expr->start, g_date_time_unref);
  g_clear_pointer (&expr->end, g_date_time_unref);
  g_free (expr->timezone);
  g_free (expr->rrule);
  g_strfreev (expr->languages);
  g_clear_pointer (&expr->warnings, g_ptr_array_unref);
  g_free (expr->unknown_zone);
  g_strfreev (expr->zones);
  g_strfreev (expr->unread);
  g_free (expr);
}

