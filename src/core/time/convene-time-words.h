/* convene-time-words.h: the words and tokens of a time expression.
 *
 * The time-expression parser reads tokens, not characters: a word folded to
 * lower case without accents ("miércoles" → "miercoles"), a run of digits, or
 * one punctuation character (every dash, minus and en dash become "-").  The
 * tables here say what the words mean, in English and Spanish.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CONVENE_TIME_TOKEN_WORD,
  CONVENE_TIME_TOKEN_NUMBER,
  CONVENE_TIME_TOKEN_PUNCT,
} ConveneTimeTokenKind;

typedef struct {
  ConveneTimeTokenKind kind;
  char                *text;          /* folded word, the digits, or the character */
  int                  value;         /* numbers: the value, -1 past nine digits */
  guint                digits;        /* numbers: how many digits were written */
  gboolean             space_before;  /* something separated it from the token before */
  gboolean             upper;         /* a word written in capitals: "ET", "CEST" */
  gboolean             capital;       /* a word starting with a capital: "London" */
  gsize                start;         /* bytes in the original text */
  gsize                end;
} ConveneTimeToken;

/* @text must be valid UTF-8.  An array of ConveneTimeToken that frees the
 * tokens' text with itself. */
GArray      *convene_time_words_tokenize (const char *text);

/* 1 to 12, or 0.  "mar", "may" and other short forms too: the parser only
 * takes them next to a day number. */
int          convene_time_words_month    (const char *word);

/* A GDateWeekday, or 0.  @plural for "mondays", "sábados"; @short_form for
 * "Tue", which the parser only takes when written with a capital. */
int          convene_time_words_weekday  (const char *word,
                                          gboolean   *plural,
                                          gboolean   *short_form);

/* "two" → 2, "dos" → 2, "quince" → 15; 0 for any other word. */
int          convene_time_words_number   (const char *word);

/* "first" → 1, "tercer" → 3, "last" → -1; 0 for any other word. */
int          convene_time_words_ordinal  (const char *word);

/* "spanish", "espanol" → "es"; NULL for any other word. */
const char  *convene_time_words_language (const char *word);

/* Leans on function words to tell Spanish text from English: positive for
 * Spanish, negative for English. */
int          convene_time_words_spanish_score (const char *word);

/* Words on their own, as documents write them: "February", "Feb.",
 * "febrero", "SEPT" give 2 and 9; 0 for anything else. */
int          convene_time_words_month_from_name   (const char   *name);

/* "Tuesday", "Tue", "Tuesdays", "martes", "miércoles"; G_DATE_BAD_WEEKDAY
 * for anything else. */
GDateWeekday convene_time_words_weekday_from_name (const char   *name);

/* "February" for 2, "Tuesday" for G_DATE_TUESDAY: the English names. */
const char  *convene_time_words_month_name        (int           month);
const char  *convene_time_words_weekday_name      (GDateWeekday  weekday);

G_END_DECLS
