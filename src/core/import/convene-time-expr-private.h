/* convene-time-expr-private.h: what the time-expression reader found in the
 * text, before it is turned into an instant.
 *
 * convene-time-expr.c reads the words (dates, times, zones, series,
 * languages) into a ConveneTimeReading; convene-time-resolve.c fixes the day,
 * converts with GTimeZone and writes the warnings that need a date (a
 * weekday that does not match, a time that does not exist, two zones that
 * disagree).
 */
#pragma once

#include "convene-time-expr.h"

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
  guint            byday;         /* 1 << GDateWeekday */
  int              ordinal;       /* monthly: the 1st..5th or last (-1) weekday; 0 for none */

  GPtrArray       *languages;     /* char *, ISO 639-1 */
  GPtrArray       *warnings;      /* char *, already translated */
} ConveneTimeReading;

void _convene_time_resolve (ConveneTimeReading *reading,
                            const GDate        *reference,
                            const char         *default_zone,
                            ConveneTimeExpr    *expr);

G_END_DECLS
