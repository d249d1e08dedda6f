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

#include "convene-time-expr-private.h"
#include "convene-time-words.h"
#include "convene-zone-names.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A line of an announcement or a table row is far shorter; past this the
 * text is not a time expression. */
#define MAX_TEXT_LENGTH 16384

G_DEFINE_QUARK (convene-time-expr-error-quark, convene_time_expr_error)

typedef struct {
  const char         *text;
  GArray             *tokens;
  guint               i;
  gboolean            day_first;
  int                 open_time;     /* the time group a zone written next belongs to, -1 */
  guint               after_weekday; /* token after a weekday, where "23" is a day; 0 for none */
  ConveneTimeReading *r;
} Parser;

typedef struct {
  int      hour;
  int      minute;
  char     meridiem;  /* 'a', 'p' or 0 */
  gboolean strong;    /* unmistakably a time: "19:00", "7pm", "19h" */
  gboolean marked;    /* "pm", "h", "horas": says which hour of the day it is */
  gboolean midnight;
  guint    next;
} Clock;

static ConveneTimeToken *
tok (Parser *p,
     guint   i)
{
  return i < p->tokens->len ? &g_array_index (p->tokens, ConveneTimeToken, i) : NULL;
}

static gboolean
is_word (Parser     *p,
         guint       i,
         const char *word)
{
  ConveneTimeToken *t = tok (p, i);

  return t != NULL && t->kind == CONVENE_TIME_TOKEN_WORD && strcmp (t->text, word) == 0;
}

static gboolean
is_word_in (Parser            *p,
            guint              i,
            const char * const *words)
{
  for (; *words != NULL; words++)
    if (is_word (p, i, *words))
      return TRUE;
  return FALSE;
}

static gboolean
is_punct (Parser     *p,
          guint       i,
          const char *c)
{
  ConveneTimeToken *t = tok (p, i);

  return t != NULL && t->kind == CONVENE_TIME_TOKEN_PUNCT && strcmp (t->text, c) == 0;
}

static ConveneTimeToken *
number_at (Parser *p,
           guint   i)
{
  ConveneTimeToken *t = tok (p, i);

  return t != NULL && t->kind == CONVENE_TIME_TOKEN_NUMBER && t->value >= 0 ? t : NULL;
}

static gboolean
adjacent (Parser *p,
          guint   i)
{
  ConveneTimeToken *t = tok (p, i);

  return t != NULL && !t->space_before;
}

static char *
written (Parser *p,
         guint   first,
         guint   last)
{
  ConveneTimeToken *a = tok (p, first), *b = tok (p, last);

  return g_strndup (p->text + a->start, b->end - a->start);
}

static void
warn (Parser     *p,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (Parser     *p,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (p->r->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Dates */

static gboolean
set_date (Parser *p,
          int     year,
          int     month,
          int     day,
          guint   first,
          guint   last)
{
  ConveneTimeReading *r = p->r;

  /* The first date on the line is the meeting's; later ones are often the
   * date of the announcement itself. */
  if (r->date_named)
    return TRUE;

  r->date_named = TRUE;
  r->date_written = written (p, first, last);
  if (month < 1 || month > 12 || day < 1 || day > 31 ||
      (year != 0 && !g_date_valid_dmy (day, month, year)))
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
try_iso_date (Parser *p)
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
static gboolean
try_numeric_date (Parser *p)
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
      if (a->value != b->value && a->value >= 1 && b->value >= 1 && !p->r->date_named)
        {
          /* Both numbers are 12 or less, so both readings are days of any
           * year; a leap year stands in when the text gives none. */
          const char *format = year != 0 ? "%-d %B %Y" : "%-d %B";
          g_autoptr(GDateTime) mf = g_date_time_new_utc (year != 0 ? year : 2000,
                                                         a->value, b->value, 12, 0, 0);
          g_autoptr(GDateTime) df = g_date_time_new_utc (year != 0 ? year : 2000,
                                                         b->value, a->value, 12, 0, 0);
          g_autofree char *text = written (p, i, last);
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

static gboolean
is_day_suffix (Parser *p,
               guint   i)
{
  return adjacent (p, i) &&
         (is_word_in (p, i, (const char * const[]) { "st", "nd", "rd", "th", NULL }) ||
          is_punct (p, i, "\xc2\xba") || is_punct (p, i, "\xc2\xb0"));
}

static guint
skip_year (Parser *p,
           guint   j,
           int    *year)
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
try_text_date (Parser *p)
{
  guint i = p->i, j;
  ConveneTimeToken *d;
  int month, year = 0;

  d = number_at (p, i);
  if (d != NULL && d->digits <= 2)
    {
      j = i + 1;
      if (is_day_suffix (p, j))
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
  if (is_day_suffix (p, j))
    j++;
  j = skip_year (p, j, &year);
  set_date (p, year, month, d->value, i, j - 1);
  p->i = j;
  return TRUE;
}

/* Times */

static guint
read_meridiem (Parser *p,
               guint   j,
               char   *meridiem)
{
  if (is_word (p, j, "am") || is_word (p, j, "pm"))
    {
      *meridiem = tok (p, j)->text[0];
      return j + 1;
    }
  /* "a.m.", "p. m." */
  if ((is_word (p, j, "a") || is_word (p, j, "p")) && is_punct (p, j + 1, ".") &&
      is_word (p, j + 2, "m"))
    {
      *meridiem = tok (p, j)->text[0];
      j += 3;
      return is_punct (p, j, ".") ? j + 1 : j;
    }
  /* "10 de la mañana", "7 de la tarde" */
  if (is_word (p, j, "de") && is_word (p, j + 1, "la"))
    {
      if (is_word_in (p, j + 2, (const char * const[]) { "manana", "madrugada", NULL }))
        {
          *meridiem = 'a';
          return j + 3;
        }
      if (is_word_in (p, j + 2, (const char * const[]) { "tarde", "noche", NULL }))
        {
          *meridiem = 'p';
          return j + 3;
        }
    }
  return j;
}

static gboolean
zone_follows (Parser *p,
              guint   j)
{
  ConveneTimeToken *t = tok (p, j);
  g_autofree char *upper = NULL;

  if (is_word_in (p, j, (const char * const[]) { "utc", "gmt", NULL }))
    return TRUE;
  if (t == NULL || t->kind != CONVENE_TIME_TOKEN_WORD || !t->upper)
    return FALSE;
  upper = g_ascii_strup (t->text, -1);
  return convene_zone_names_find_abbreviation (upper) != NULL;
}

static gboolean
read_clock (Parser  *p,
            guint    i,
            gboolean context,
            Clock   *clock)
{
  static const char * const markers[] = { "hrs", "hr", "hs", "horas", "uhr", NULL };
  ConveneTimeToken *t = tok (p, i), *m;
  gboolean minutes = FALSE, dotted = FALSE, marker = FALSE;
  guint j;

  memset (clock, 0, sizeof *clock);
  if (t == NULL)
    return FALSE;

  if (t->kind == CONVENE_TIME_TOKEN_WORD)
    {
      if (is_word_in (p, i, (const char * const[]) { "noon", "midday", "mediodia", NULL }))
        clock->hour = 12;
      else if (is_word_in (p, i, (const char * const[]) { "midnight", "medianoche", NULL }))
        clock->midnight = TRUE;
      else
        return FALSE;
      clock->strong = TRUE;
      clock->next = i + 1;
      return TRUE;
    }
  if (t->kind != CONVENE_TIME_TOKEN_NUMBER || t->value < 0)
    return FALSE;

  /* "1400 UTC", "1400Z", "1900 hrs": four digits only with a zone or marker
   * after them, or every year would be a time. */
  if (t->digits == 4)
    {
      j = i + 1;
      if (t->value / 100 > 23 || t->value % 100 > 59 ||
          !((is_word (p, j, "z") && adjacent (p, j)) ||
            is_word_in (p, j, (const char * const[]) { "utc", "gmt", "h", NULL }) ||
            is_word_in (p, j, markers)))
        return FALSE;
      clock->hour = t->value / 100;
      clock->minute = t->value % 100;
      clock->strong = TRUE;
      clock->next = is_word (p, j, "h") || is_word_in (p, j, markers) ? j + 1 : j;
      return TRUE;
    }
  if (t->digits > 2)
    return FALSE;

  clock->hour = t->value;
  j = i + 1;
  if (is_punct (p, j, ":") && (m = number_at (p, j + 1)) != NULL && m->digits == 2 && m->value < 60)
    {
      clock->minute = m->value;
      minutes = TRUE;
      j += 2;
      if (is_punct (p, j, ":") && (m = number_at (p, j + 1)) != NULL && m->digits == 2)
        j += 2;  /* seconds, always :00 in announcements */
    }
  else if (is_punct (p, j, ".") && adjacent (p, j) && (m = number_at (p, j + 1)) != NULL &&
           adjacent (p, j + 1) && m->digits == 2 && m->value < 60)
    {
      clock->minute = m->value;
      dotted = TRUE;
      j += 2;
    }
  else if (is_word (p, j, "h"))
    {
      /* "19h", "19h30", "19 h" */
      marker = TRUE;
      j++;
      if ((m = number_at (p, j)) != NULL && adjacent (p, j) && m->digits == 2 && m->value < 60)
        {
          clock->minute = m->value;
          minutes = TRUE;
          j++;
        }
    }

  j = read_meridiem (p, j, &clock->meridiem);
  if (clock->meridiem == 0 && is_word_in (p, j, markers) && (minutes || dotted || context))
    {
      marker = TRUE;
      j++;
    }

  /* "2.30" alone is as likely a number as a time; "9.30 CET" is a time. */
  if (dotted && clock->meridiem == 0 && !marker && !context && !zone_follows (p, j))
    return FALSE;

  if (clock->meridiem != 0)
    {
      if (clock->hour == 0 || (clock->hour > 12 && clock->meridiem == 'a'))
        return FALSE;
    }
  else if (clock->hour > 24 || (clock->hour == 24 && clock->minute != 0))
    return FALSE;

  clock->marked = marker || clock->meridiem != 0;
  clock->strong = minutes || dotted || clock->marked;
  clock->next = j;
  return TRUE;
}

static int
clock_minutes (const Clock *clock,
               char         meridiem)
{
  int hour = clock->hour;

  if (clock->midnight)
    return 0;
  if (meridiem == 'a' && hour == 12)
    hour = 0;
  else if (meridiem == 'p' && hour < 12)
    hour += 12;
  return hour * 60 + clock->minute;
}

static gboolean
is_range_separator (Parser *p,
                    guint   i,
                    gboolean between)
{
  return is_punct (p, i, "-") || is_punct (p, i, "~") ||
         is_word_in (p, i, (const char * const[]) { "to", "until", "till", "til", "through",
                                                    "a", "al", "hasta", NULL }) ||
         (between && is_word_in (p, i, (const char * const[]) { "and", "y", NULL }));
}

static gboolean
time_context (Parser *p,
              guint   i)
{
  return i > 0 &&
         (is_punct (p, i - 1, "@") ||
          is_word_in (p, i - 1, (const char * const[]) { "at", "las", "from", "desde", "between",
                                                         "entre", "around", "approx", "by", NULL }));
}

/* "19:00", "7pm", "03:30 PM - 05:00 PM", "1-2pm", "de 10 a 12 horas" */
static gboolean
try_times (Parser *p)
{
  guint i = p->i, k;
  gboolean context = time_context (p, i);
  gboolean between = i > 0 && is_word_in (p, i - 1, (const char * const[]) { "between", "entre", NULL });
  gboolean range = FALSE;
  ConveneTimeGroup group = { .end = -1, .zone = -1 };
  Clock a, b;
  char ma, mb;

  if (!read_clock (p, i, context, &a))
    return FALSE;

  k = a.next;
  if (is_range_separator (p, k, between))
    {
      k++;
      if (is_word_in (p, k, (const char * const[]) { "las", "la", NULL }))
        k++;
      range = read_clock (p, k, TRUE, &b) && !(b.hour == 24 && !b.strong);
    }

  /* A bare "1" is a time only before "- 2pm" ("de 10 a 12 horas") or
   * after "at". */
  if (!a.strong && !context && !(range && b.marked))
    return FALSE;
  if (a.hour == 24)
    return FALSE;

  ma = a.meridiem;
  mb = range ? b.meridiem : 0;
  if (range && mb != 0 && ma == 0 && a.hour <= 12)
    {
      /* "1-2pm" is 13:00 to 14:00, "11-1pm" is 11:00 to 13:00 */
      ma = clock_minutes (&a, mb) > clock_minutes (&b, mb) ? (mb == 'a' ? 'p' : 'a') : mb;
    }
  else if (range && ma != 0 && mb == 0 && b.hour <= 12)
    {
      mb = clock_minutes (&b, ma) <= clock_minutes (&a, ma) ? (ma == 'a' ? 'p' : 'a') : ma;
    }

  group.start = clock_minutes (&a, ma);
  if (range)
    {
      group.end = b.midnight || b.hour == 24 ? 1440 : clock_minutes (&b, mb);
      if (group.end <= group.start)
        group.end += 1440;  /* "22:00 - 01:00" ends the next day */
    }
  group.after_range = i > 0 && is_range_separator (p, i - 1, FALSE);
  group.text_start = tok (p, i)->start;
  group.text_end = tok (p, (range ? b.next : a.next) - 1)->end;

  g_array_append_val (p->r->times, group);
  p->open_time = p->r->times->len - 1;
  p->i = range ? b.next : a.next;
  return TRUE;
}

/* "(90 minutes)", "for one hour", "durante 2 horas", "a 60-minute call" */
static gboolean
try_duration (Parser *p)
{
  static const char * const hours[] = { "hour", "hours", "hr", "hrs", "hora", "horas", NULL };
  static const char * const mins[] = { "minute", "minutes", "min", "mins", "minutos", NULL };
  guint i = p->i, j;
  ConveneTimeToken *t = tok (p, i), *n;
  int amount = 0, tenths = 0, minutes;

  if (time_context (p, i))
    return FALSE;

  if (t->kind == CONVENE_TIME_TOKEN_NUMBER && t->value >= 0 && t->digits <= 3)
    {
      amount = t->value;
      j = i + 1;
      if ((is_punct (p, j, ".") || is_punct (p, j, ",")) && adjacent (p, j) &&
          (n = number_at (p, j + 1)) != NULL && n->digits == 1 && adjacent (p, j + 1))
        {
          tenths = n->value;
          j += 2;
        }
    }
  else if (is_word_in (p, i, (const char * const[]) { "an", "a", NULL }) && is_word (p, i + 1, "hour"))
    {
      amount = 1;
      j = i + 1;
    }
  else if ((amount = convene_time_words_number (t->text)) != 0 && amount <= 6)
    j = i + 1;
  else if (is_word (p, i, "half") && is_word (p, i + 1, "an") && is_word (p, i + 2, "hour"))
    {
      p->r->duration = p->r->duration < 0 ? 30 : p->r->duration;
      p->i = i + 3;
      return TRUE;
    }
  else if (is_word (p, i, "media") && is_word (p, i + 1, "hora"))
    {
      p->r->duration = p->r->duration < 0 ? 30 : p->r->duration;
      p->i = i + 2;
      return TRUE;
    }
  else
    return FALSE;

  if (is_punct (p, j, "-") && adjacent (p, j) && adjacent (p, j + 1))
    j++;  /* "60-minute" */

  if (is_word_in (p, j, hours))
    {
      if (amount > 12)
        return FALSE;
      minutes = amount * 60 + tenths * 6;
      j++;
      if ((is_word (p, j, "and") && is_word (p, j + 1, "a") && is_word (p, j + 2, "half")))
        minutes += 30, j += 3;
      else if (is_word (p, j, "y") && is_word (p, j + 1, "media"))
        minutes += 30, j += 2;
      else if ((n = number_at (p, j)) != NULL && n->value < 60 && is_word_in (p, j + 1, mins))
        minutes += n->value, j += 2;
    }
  else if (is_word_in (p, j, mins) && tenths == 0)
    {
      if (amount > 720)
        return FALSE;
      minutes = amount;
      j++;
    }
  else
    return FALSE;

  if (p->r->duration < 0 && minutes > 0)
    p->r->duration = minutes;
  p->i = j;
  return TRUE;
}

/* Zones */

static void
add_zone (Parser                        *p,
          const char                    *zone,
          guint                          first,
          guint                          last,
          int                            dst,
          const char                    *ambiguity)
{
  ConveneZoneMention mention = { 0 };
  ConveneTimeGroup *group = NULL;

  mention.zone = g_strdup (zone);
  mention.written = written (p, first, last);
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

  g_array_append_val (p->r->zones, mention);
  p->i = last + 1;
}

/* "UTC", "GMT-6", "UTC+05:30", "GMT -06:00" */
static gboolean
try_offset_zone (Parser *p)
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
    }

  add_zone (p, "UTC", i, i, -1, NULL);
  return TRUE;
}

/* The longest run of words from @i that names a place: "Mexico City",
 * "Rio de Janeiro", "Port-au-Prince".  Returns the number of tokens. */
static guint
match_place (Parser      *p,
             guint        i,
             const char **zone)
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
      g_autofree char *phrase = written (p, i, ends[n - 1]);
      g_autofree char *folded = convene_zone_names_fold (phrase, -1);

      if ((*zone = convene_zone_names_find_place (folded)) != NULL)
        return ends[n - 1] - i + 1;
      n--;
    }
  return 0;
}

/* "hora de Londres", "hora del Este", "hora de la Ciudad de México" */
static gboolean
try_hora_zone (Parser *p)
{
  guint i = p->i, j = i + 1, n, last;
  const char *zone;

  if (!is_word (p, i, "hora") || time_context (p, i))
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
try_place_zone (Parser *p)
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

static gboolean
try_zone (Parser *p)
{
  ConveneTimeToken *t = tok (p, p->i);
  gboolean after_time = p->open_time >= 0;

  if (t->kind != CONVENE_TIME_TOKEN_WORD)
    return FALSE;

  if (try_offset_zone (p))
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
      const ConveneZoneAbbreviation *abbreviation = convene_zone_names_find_abbreviation (upper);
      gsize len = strlen (upper);

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

/* Series */

static guint
read_weekdays (Parser *p,
               guint   j,
               guint  *mask)
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

static void
set_series (Parser         *p,
            ConveneTimeFreq freq,
            int             interval,
            guint           byday,
            int             ordinal)
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
read_monthly (Parser *p,
              guint   i)
{
  guint mask, j = i + 1;
  int ordinal;
  ConveneTimeToken *t = tok (p, i);

  if (t == NULL)
    return 0;
  if (t->kind == CONVENE_TIME_TOKEN_NUMBER && t->value >= 1 && t->value <= 5 && is_day_suffix (p, i + 1))
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
          set_series (p, CONVENE_TIME_FREQ_MONTHLY, 0, mask, ordinal);
          return j + 1;
        }
    }
  return 0;
}

static gboolean
try_series (Parser *p)
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
    return set_series (p, CONVENE_TIME_FREQ_WEEKLY, 0, 0, 0), p->i = i + 1, TRUE;
  if (is_word_in (p, i, biweekly))
    return set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, 0, 0), p->i = i + 1, TRUE;
  if (is_word (p, i, "bi") && is_punct (p, i + 1, "-") && is_word (p, i + 2, "weekly"))
    return set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, 0, 0), p->i = i + 3, TRUE;
  if (is_word_in (p, i, monthly))
    return set_series (p, CONVENE_TIME_FREQ_MONTHLY, 0, 0, 0), p->i = i + 1, TRUE;
  if (is_word (p, i, "daily") || is_word (p, i, "diariamente"))
    return set_series (p, CONVENE_TIME_FREQ_DAILY, 0, 0, 0), p->i = i + 1, TRUE;

  if (is_word_in (p, i, (const char * const[]) { "alternate", "alternating", NULL }))
    {
      j = read_weekdays (p, i + 1, &mask);
      if (mask != 0 || is_word_in (p, i + 1, (const char * const[]) { "week", "weeks", NULL }))
        {
          set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, mask, 0);
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
    set_series (p, CONVENE_TIME_FREQ_WEEKLY, n, mask, 0);
  else if (is_word_in (p, j, (const char * const[]) { "week", "weeks", "semana", "semanas", NULL }))
    set_series (p, CONVENE_TIME_FREQ_WEEKLY, n, 0, 0), next = j + 1;
  else if (is_word_in (p, j, (const char * const[]) { "fortnight", "quincena", NULL }))
    set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2 * n, 0, 0), next = j + 1;
  else if (is_word_in (p, j, (const char * const[]) { "month", "months", "mes", "meses", NULL }))
    set_series (p, CONVENE_TIME_FREQ_MONTHLY, n, 0, 0), next = j + 1;
  else if (is_word_in (p, j, (const char * const[]) { "weekday", "weekdays", NULL }))
    set_series (p, CONVENE_TIME_FREQ_WEEKLY, n, 0x3e, 0), next = j + 1;  /* Monday to Friday */
  else if (is_word_in (p, j, (const char * const[]) { "day", "days", "dia", "dias", NULL }))
    {
      /* "cada quince días" is Spanish for every two weeks; "every 14 days"
       * is a weekly series too. */
      if (n == 15 && is_word_in (p, j, (const char * const[]) { "dia", "dias", NULL }))
        set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, 0, 0);
      else if (n % 7 == 0)
        set_series (p, CONVENE_TIME_FREQ_WEEKLY, n / 7, 0, 0);
      else
        set_series (p, CONVENE_TIME_FREQ_DAILY, n, 0, 0);
      next = j + 1;
    }
  else
    return FALSE;

  p->i = next;
  return TRUE;
}

/* Languages: "in English and Spanish", "en español", "(English/Spanish)",
 * "Spanish session". */
static gboolean
try_languages (Parser *p)
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

/* Weekdays, day numbers, "today" */
static gboolean
try_day (Parser *p)
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
          set_series (p, CONVENE_TIME_FREQ_WEEKLY, 2, 1u << day, 0);
          p->i = j + 2;
          return TRUE;
        }
      if (plural)
        set_series (p, CONVENE_TIME_FREQ_WEEKLY, 0, 1u << day, 0);
      else if (p->r->weekday == 0)
        p->r->weekday = day;
      if (is_punct (p, j, ".") && short_form)
        j++;
      if (is_punct (p, j, ","))
        j++;
      p->after_weekday = j;
      p->i = j;
      return TRUE;
    }

  if (t->kind == CONVENE_TIME_TOKEN_NUMBER && t->digits <= 2 && t->value >= 1 && t->value <= 31 &&
      (is_day_suffix (p, i + 1) || (p->after_weekday == i && i > 0)))
    {
      if (!p->r->date_named)
        {
          p->r->date_named = TRUE;
          p->r->day = t->value;
          p->r->date_written = written (p, i, is_day_suffix (p, i + 1) ? i + 1 : i);
        }
      p->i = is_day_suffix (p, i + 1) ? i + 2 : i + 1;
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

static void
read_tokens (Parser *p)
{
  int score = 0;

  for (guint k = 0; k < p->tokens->len; k++)
    if (tok (p, k)->kind == CONVENE_TIME_TOKEN_WORD)
      score += convene_time_words_spanish_score (tok (p, k)->text);
  p->day_first = p->day_first || score > 0;

  while (p->i < p->tokens->len)
    {
      guint before = p->i;
      ConveneTimeToken *t = tok (p, p->i);

      if (try_series (p) || try_iso_date (p) || try_numeric_date (p) || try_text_date (p) ||
          try_times (p) || try_duration (p) || try_zone (p) || try_languages (p) || try_day (p))
        {
          g_assert (p->i > before);
          continue;
        }

      /* A zone written after other words no longer belongs to the time;
       * brackets and commas do not count ("7pm (London)"). */
      if (t->kind != CONVENE_TIME_TOKEN_PUNCT && !is_word_in (p, p->i, (const char * const[]) { "in", "en", NULL }))
        p->open_time = -1;
      p->i++;
    }
}

ConveneTimeExpr *
convene_time_expr_parse (const char           *text,
                         const GDate          *reference,
                         const char           *default_zone,
                         ConveneTimeExprFlags  flags,
                         GError              **error)
{
  g_autofree char *valid = NULL;
  g_autoptr(GArray) tokens = NULL;
  ConveneTimeReading reading = { 0 };
  ConveneTimeExpr *expr;
  Parser p = { 0 };
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

  p.text = valid;
  p.tokens = tokens;
  p.day_first = (flags & CONVENE_TIME_EXPR_DAY_FIRST) != 0;
  p.open_time = -1;
  p.r = &reading;
  read_tokens (&p);

  understood = reading.date_named || reading.weekday != 0 || reading.relative_days >= 0 ||
               reading.times->len > 0 || reading.zones->len > 0 ||
               reading.freq != CONVENE_TIME_FREQ_NONE || reading.languages->len > 0;

  expr = NULL;
  if (understood)
    {
      expr = g_new0 (ConveneTimeExpr, 1);
      g_date_clear (&expr->date, 1);
      expr->warnings = g_ptr_array_new_with_free_func (g_free);
      _convene_time_resolve (&reading, reference, default_zone, expr);
    }
  else
    g_set_error (error, CONVENE_TIME_EXPR_ERROR, CONVENE_TIME_EXPR_ERROR_NOT_UNDERSTOOD,
                 _("No date, time or time zone found in “%s”."), valid);

  g_free (reading.date_written);
  g_array_unref (reading.times);
  g_array_unref (reading.zones);
  g_ptr_array_unref (reading.languages);
  g_ptr_array_unref (reading.warnings);
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
  g_free (expr);
}
