/* convene-time-of-day.c: times of day, ranges and lengths in a time
 * expression: "19:00", "7pm", "19h30", "03:30 PM - 05:00 PM", "1-2pm",
 * "de 10 a 12 horas", "(90 minutes)"; and a time of day on its own, as a
 * field that asks for one reads it. */
#include "config.h"

#include "time/convene-time-expr-private.h"
#include "time/convene-time-words.h"
#include "time/convene-zone-names.h"

#include <string.h>

typedef struct {
  int      hour;
  int      minute;
  char     meridiem;  /* 'a', 'p' or 0 */
  gboolean strong;    /* unmistakably a time: "19:00", "7pm", "19h" */
  gboolean marked;    /* "pm", "h", "horas": says which hour of the day it is */
  gboolean midnight;
  guint    next;
} Clock;

static guint
read_meridiem (ConveneTimeParser *p,
               guint              j,
               char              *meridiem)
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
zone_follows (ConveneTimeParser *p,
              guint              j)
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

static const char * const hour_markers[] = { "hrs", "hr", "hs", "horas", "uhr", NULL };

/* "noon", "midnight", "mediodía" */
static gboolean
read_named_clock (ConveneTimeParser *p,
                  guint              i,
                  Clock             *clock)
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

/* "1400 UTC", "1400Z", "1900 hrs": four digits only with a zone or marker
 * after them, or every year would be a time. */
static gboolean
read_military_clock (ConveneTimeParser *p,
                     guint              i,
                     Clock             *clock)
{
  ConveneTimeToken *t = tok (p, i);
  guint j = i + 1;

  if (t->value / 100 > 23 || t->value % 100 > 59 ||
      !((is_word (p, j, "z") && adjacent (p, j)) ||
        is_word_in (p, j, (const char * const[]) { "utc", "gmt", "h", NULL }) ||
        is_word_in (p, j, hour_markers)))
    return FALSE;
  clock->hour = t->value / 100;
  clock->minute = t->value % 100;
  clock->strong = TRUE;
  clock->next = is_word (p, j, "h") || is_word_in (p, j, hour_markers) ? j + 1 : j;
  return TRUE;
}

/* The minutes after an hour: ":30", ".30" (only written without spaces),
 * "h30"; returns the token after them. */
static guint
read_minutes (ConveneTimeParser *p,
              guint              j,
              Clock             *clock,
              gboolean          *minutes,
              gboolean          *dotted,
              gboolean          *marker)
{
  ConveneTimeToken *m;

  if (is_punct (p, j, ":") && (m = number_at (p, j + 1)) != NULL && m->digits == 2 && m->value < 60)
    {
      clock->minute = m->value;
      *minutes = TRUE;
      j += 2;
      if (is_punct (p, j, ":") && (m = number_at (p, j + 1)) != NULL && m->digits == 2)
        j += 2;  /* seconds, always :00 in announcements */
    }
  else if (is_punct (p, j, ".") && adjacent (p, j) && (m = number_at (p, j + 1)) != NULL &&
           adjacent (p, j + 1) && m->digits == 2 && m->value < 60)
    {
      clock->minute = m->value;
      *dotted = TRUE;
      j += 2;
    }
  else if (is_word (p, j, "h"))
    {
      /* "19h", "19h30", "19 h" */
      *marker = TRUE;
      j++;
      if ((m = number_at (p, j)) != NULL && adjacent (p, j) && m->digits == 2 && m->value < 60)
        {
          clock->minute = m->value;
          *minutes = TRUE;
          j++;
        }
    }
  return j;
}

/* One time of day at @i.  @context says a bare hour is a time ("at 7");
 * otherwise the caller decides from clock->strong. */
static gboolean
read_clock (ConveneTimeParser *p,
            guint              i,
            gboolean           context,
            Clock             *clock)
{
  ConveneTimeToken *t = tok (p, i);
  gboolean minutes = FALSE, dotted = FALSE, marker = FALSE;
  guint j;

  memset (clock, 0, sizeof *clock);
  if (t == NULL)
    return FALSE;
  if (t->kind == CONVENE_TIME_TOKEN_WORD)
    return read_named_clock (p, i, clock);
  if (t->kind != CONVENE_TIME_TOKEN_NUMBER || t->value < 0)
    return FALSE;
  if (t->digits == 4)
    return read_military_clock (p, i, clock);
  if (t->digits > 2)
    return FALSE;

  clock->hour = t->value;
  j = read_minutes (p, i + 1, clock, &minutes, &dotted, &marker);
  /* "7:75": minutes no hour has; not 7 o'clock with the rest left out. */
  if (!minutes && is_punct (p, i + 1, ":") && adjacent (p, i + 1) && number_at (p, i + 2) != NULL &&
      number_at (p, i + 2)->digits == 2 && adjacent (p, i + 2))
    return FALSE;
  j = read_meridiem (p, j, &clock->meridiem);
  if (clock->meridiem == 0 && is_word_in (p, j, hour_markers) && (minutes || dotted || context))
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
is_range_separator (ConveneTimeParser *p,
                    guint              i,
                    gboolean           between)
{
  return is_punct (p, i, "-") || is_punct (p, i, "~") ||
         is_word_in (p, i, (const char * const[]) { "to", "until", "till", "til", "through",
                                                    "a", "al", "hasta", NULL }) ||
         (between && is_word_in (p, i, (const char * const[]) { "and", "y", NULL }));
}

gboolean
_convene_time_context (ConveneTimeParser *p,
                       guint              i)
{
  return i > 0 &&
         (is_punct (p, i - 1, "@") ||
          is_word_in (p, i - 1, (const char * const[]) { "at", "las", "from", "desde", "between",
                                                         "entre", "around", "approx", "by", NULL }));
}

/* "19:00", "7pm", "03:30 PM - 05:00 PM", "1-2pm", "de 10 a 12 horas" */
gboolean
_convene_time_try_times (ConveneTimeParser *p)
{
  guint i = p->i, k;
  gboolean context = _convene_time_context (p, i);
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

/* "(90 minutes)", "for one hour", "durante 2 horas", "a 60-minute call".
 * Longer than most: each way of writing the amount (digits, "an", number
 * words, "half an") leads into the same unit and range checks, which read
 * best in one place. */
gboolean
_convene_time_try_duration (ConveneTimeParser *p)
{
  static const char * const hours[] = { "hour", "hours", "hr", "hrs", "hora", "horas", NULL };
  static const char * const mins[] = { "minute", "minutes", "min", "mins", "minutos", NULL };
  guint i = p->i, j;
  ConveneTimeToken *t = tok (p, i), *n;
  int amount = 0, tenths = 0, minutes;

  if (_convene_time_context (p, i))
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

gboolean
convene_time_parse_clock (const char *text,
                          int        *hour,
                          int        *minute)
{
  ConveneTimeReading reading = { 0 };
  ConveneTimeParser p = { 0 };
  g_autoptr(GArray) tokens = NULL;
  ConveneTimeToken *t;
  Clock clock;
  int minutes;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  tokens = convene_time_words_tokenize (text);
  p.text = text;
  p.tokens = tokens;
  p.open_time = -1;
  p.r = &reading;

  t = tok (&p, 0);
  if (t != NULL && tokens->len == 1 && t->kind == CONVENE_TIME_TOKEN_NUMBER && t->digits == 4)
    {
      /* "1900" alone: in a field that only takes a time of day it is one,
       * though in running text it would be a year. */
      if (t->value / 100 > 23 || t->value % 100 > 59)
        return FALSE;
      minutes = t->value / 100 * 60 + t->value % 100;
    }
  else if (read_clock (&p, 0, TRUE, &clock) && clock.next == tokens->len)
    minutes = clock_minutes (&clock, clock.meridiem);
  else
    return FALSE;

  if (minutes >= 24 * 60)
    return FALSE;
  if (hour != NULL)
    *hour = minutes / 60;
  if (minute != NULL)
    *minute = minutes % 60;
  return TRUE;
}
