/* convene-time-expr-private.h: what the time-expression reader found in the
 * text, before it is turned into an instant.
 *
 * convene-time-expr.c reads the tokens left to right, with the recognisers
 * of convene-time-of-day.c (times, ranges, lengths), convene-time-zones.c
 * (zone names) and convene-time-series.c (series, languages) beside its own
 * (dates, days), into a ConveneTimeReading; convene-time-resolve.c fixes the
 * day, converts with GTimeZone and writes the warnings that need a date (a
 * weekday that does not match, a time that does not exist, two zones that
 * disagree).
 */
#pragma once

#include "time/convene-time-expr.h"
#include "time/convene-time-words.h"

#include <string.h>

G_BEGIN_DECLS

typedef struct {
  int      start;        /* minutes after midnight */
  int      end;          /* minutes after midnight, past 1440 on the next day; -1 for none */
  int      zone;         /* index into the reading's zones, -1 for none */
  gboolean after_range;  /* written right after "-", "to", "hasta": maybe the end of the time before */
  gboolean merged;       /* was the end of the time before it */
  gsize    text_start;   /* bytes in the text, for warnings */
  gsize    text_end;
} ConveneTimeGroup;

typedef struct {
  char       *zone;       /* IANA name, "UTC" or "+HH:MM"; NULL when not known */
  char       *written;    /* as in the text: "ET", "London time" */
  int         dst;        /* 1: names summer time, 0: winter time, -1: either */
  const char *ambiguity;  /* untranslated sentence, or NULL */
  int         time;       /* index into the reading's times, -1 for none */
  gboolean    extra;      /* a second name for a time that already had a zone */
  gsize       text_start; /* bytes in the text */
} ConveneZoneMention;

typedef enum {
  CONVENE_TIME_FREQ_NONE,
  CONVENE_TIME_FREQ_DAILY,
  CONVENE_TIME_FREQ_WEEKLY,
  CONVENE_TIME_FREQ_MONTHLY,
} ConveneTimeFreq;

typedef struct {
  /* The day as written; 0 for what the text does not say (a year of 0 is
   * the reference's year, a month of 0 the reference's month). */
  int              year;
  int              month;
  int              day;
  gboolean         date_named;    /* a full date or a day number was written */
  gboolean         date_invalid;  /* it was written but is no day of the calendar */
  char            *date_written;
  int              weekday;       /* GDateWeekday named for the day, 0 for none */
  int              relative_days; /* "today" 0, "tomorrow" 1, -1 for none */

  GArray          *times;         /* ConveneTimeGroup */
  GArray          *zones;         /* ConveneZoneMention */
  int              duration;      /* minutes, -1 for none */

  ConveneTimeFreq  freq;
  int              interval;      /* 0 when not written */
  int              week_parity;   /* "even weeks" 2, "odd weeks" 1 (ISO 8601 weeks), 0 for none */
  guint            byday;         /* 1 << GDateWeekday */
  int              ordinal;       /* monthly: the 1st..5th or last (-1) weekday; 0 for none */
  guint            ordinals;      /* monthly: every ordinal named, 1 << n for the nth, 1 << 6 for
                                   * the last ("the 1st, 2nd and 4th Wednesdays"); 0 for none */

  GPtrArray       *languages;     /* char *, ISO 639-1 */
  GPtrArray       *warnings;      /* char *, already translated */
  GPtrArray       *unread;        /* char *, what no recogniser took, as written */
  const char      *text;          /* the text read (valid UTF-8), which text_start/end index */
} ConveneTimeReading;

typedef struct {
  const char         *text;
  GArray             *tokens;        /* ConveneTimeToken */
  guint               i;             /* the token being read */
  gboolean            day_first;
  gboolean            asia;          /* CONVENE_TIME_EXPR_ASIA */
  int                 open_time;     /* the time group a zone written next belongs to, -1 */
  guint               after_weekday; /* token after a weekday, where "23" is a day; 0 for none */
  ConveneTimeReading *r;
} ConveneTimeParser;

/* Looking at tokens: NULL or FALSE past the end, so that recognisers can
 * peek ahead freely. */

static inline ConveneTimeToken *
tok (ConveneTimeParser *p,
     guint              i)
{
  return i < p->tokens->len ? &g_array_index (p->tokens, ConveneTimeToken, i) : NULL;
}

static inline gboolean
is_word (ConveneTimeParser *p,
         guint              i,
         const char        *word)
{
  ConveneTimeToken *t = tok (p, i);

  return t != NULL && t->kind == CONVENE_TIME_TOKEN_WORD && strcmp (t->text, word) == 0;
}

static inline gboolean
is_word_in (ConveneTimeParser  *p,
            guint               i,
            const char * const *words)
{
  for (; *words != NULL; words++)
    if (is_word (p, i, *words))
      return TRUE;
  return FALSE;
}

static inline gboolean
is_punct (ConveneTimeParser *p,
          guint              i,
          const char        *c)
{
  ConveneTimeToken *t = tok (p, i);

  return t != NULL && t->kind == CONVENE_TIME_TOKEN_PUNCT && strcmp (t->text, c) == 0;
}

static inline ConveneTimeToken *
number_at (ConveneTimeParser *p,
           guint              i)
{
  ConveneTimeToken *t = tok (p, i);

  return t != NULL && t->kind == CONVENE_TIME_TOKEN_NUMBER && t->value >= 0 ? t : NULL;
}

static inline gboolean
adjacent (ConveneTimeParser *p,
          guint              i)
{
  ConveneTimeToken *t = tok (p, i);

  return t != NULL && !t->space_before;
}

/* Each _convene_time_try_*() looks at the token at p->i; when it recognises
 * something, it records it, moves p->i past it and returns TRUE. */
gboolean _convene_time_try_times      (ConveneTimeParser *p);
gboolean _convene_time_try_duration   (ConveneTimeParser *p);
gboolean _convene_time_try_zone       (ConveneTimeParser *p);
gboolean _convene_time_try_series     (ConveneTimeParser *p);
gboolean _convene_time_try_languages  (ConveneTimeParser *p);

/* The text of tokens @first to @last, as written. */
char    *_convene_time_written        (ConveneTimeParser *p,
                                       guint              first,
                                       guint              last);
/* "st", "nd", "rd", "th", "º" right after a number. */
gboolean _convene_time_is_day_suffix  (ConveneTimeParser *p,
                                       guint              i);
/* "at", "a las", "from"...: a bare number after them is a time. */
gboolean _convene_time_context        (ConveneTimeParser *p,
                                       guint              i);
/* "Monday", "Mondays and Thursdays", "lunes y jueves": the days as bits
 * (1 << GDateWeekday) in @mask; returns the token after the list. */
guint    _convene_time_read_weekdays  (ConveneTimeParser *p,
                                       guint              j,
                                       guint             *mask);
void     _convene_time_set_series     (ConveneTimeParser *p,
                                       ConveneTimeFreq    freq,
                                       int                interval,
                                       guint              byday,
                                       int                ordinal);

/* For tests: @func sees every text parsed, and what it gave (NULL when
 * nothing was understood), so that a test can follow what importers made of
 * each time they read.  Not thread-safe: set it before anything parses. */
typedef void (*ConveneTimeExprObserver) (const char            *text,
                                         const ConveneTimeExpr *expr,
                                         gpointer               user_data);
void _convene_time_expr_set_observer (ConveneTimeExprObserver func,
                                      gpointer                user_data);

void _convene_time_resolve (ConveneTimeReading *reading,
                            const GDate        *reference,
                            const char         *default_zone,
                            ConveneTimeExpr    *expr);

G_END_DECLS
