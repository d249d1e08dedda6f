/* convene-time-words.c: the words and tokens of a time expression.
 * See convene-time-words.h. */
#include "time/convene-time-words.h"

#include <string.h>

typedef struct {
  const char *word;
  int         value;
} WordValue;

static int
find_word (const WordValue *table,
           gsize            n,
           const char      *word)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (table[i].word, word) == 0)
      return table[i].value;
  return 0;
}

static void
clear_token (gpointer data)
{
  ConveneTimeToken *token = data;

  g_free (token->text);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_dash (gunichar c)
{
  /* Hyphens, en and em dashes, the minus sign: people type any of them
   * between two times and in front of an offset. */
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
         c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

static gunichar
base_letter (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    return decomposed[0];
  return c;
}

static gboolean
is_letter (gunichar c)
{
  return g_unichar_isalpha (base_letter (c)) || g_unichar_ismark (c);
}

/* One pass over the characters: numbers, words and punctuation are told
 * apart by their first character, and kept in one loop so that the byte
 * positions every token records come from one place. */
GArray *
convene_time_words_tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (ConveneTimeToken));
  const char *p = text;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, tokens);

  g_array_set_clear_func (tokens, clear_token);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      ConveneTimeToken token = { 0 };
      GString *folded;

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }

      token.start = p - text;
      token.space_before = space || tokens->len == 0;
      space = FALSE;

      if (c >= '0' && c <= '9')
        {
          const char *q = p;

          while (*q >= '0' && *q <= '9')
            q++;
          token.kind = CONVENE_TIME_TOKEN_NUMBER;
          token.text = g_strndup (p, q - p);
          token.digits = q - p;
          token.value = token.digits <= 9 ? (int) g_ascii_strtoll (token.text, NULL, 10) : -1;
          p = q;
        }
      else if (is_letter (c))
        {
          folded = g_string_new (NULL);
          token.kind = CONVENE_TIME_TOKEN_WORD;
          token.upper = TRUE;
          token.capital = g_unichar_isupper (c);

          while (*p != '\0')
            {
              c = g_utf8_get_char (p);
              if (is_apostrophe (c) && folded->len > 0 &&
                  is_letter (g_utf8_get_char (g_utf8_next_char (p))))
                {
                  /* "John's" is one word, as "Johns" in the tz database. */
                  p = g_utf8_next_char (p);
                  continue;
                }
              if (!is_letter (c))
                break;
              if (g_unichar_isalpha (c) && !g_unichar_isupper (c))
                token.upper = FALSE;
              if (!g_unichar_ismark (c) && !g_unichar_ismark (base_letter (c)))
                g_string_append_unichar (folded, g_unichar_tolower (base_letter (c)));
              p = g_utf8_next_char (p);
            }
          token.text = g_string_free (folded, FALSE);
        }
      else
        {
          token.kind = CONVENE_TIME_TOKEN_PUNCT;
          token.text = is_dash (c) ? g_strdup ("-")
                                   : g_strndup (p, g_utf8_next_char (p) - p);
          p = g_utf8_next_char (p);
        }

      token.end = p - text;
      g_array_append_val (tokens, token);
    }

  return tokens;
}

int
convene_time_words_month (const char *word)
{
  static const WordValue months[] = {
    { "january", 1 }, { "jan", 1 }, { "enero", 1 }, { "ene", 1 },
    { "february", 2 }, { "feb", 2 }, { "febrero", 2 },
    { "march", 3 }, { "mar", 3 }, { "marzo", 3 },
    { "april", 4 }, { "apr", 4 }, { "abril", 4 }, { "abr", 4 },
    { "may", 5 }, { "mayo", 5 },
    { "june", 6 }, { "jun", 6 }, { "junio", 6 },
    { "july", 7 }, { "jul", 7 }, { "julio", 7 },
    { "august", 8 }, { "aug", 8 }, { "agosto", 8 }, { "ago", 8 },
    { "september", 9 }, { "sep", 9 }, { "sept", 9 }, { "septiembre", 9 }, { "setiembre", 9 },
    { "october", 10 }, { "oct", 10 }, { "octubre", 10 },
    { "november", 11 }, { "nov", 11 }, { "noviembre", 11 },
    { "december", 12 }, { "dec", 12 }, { "diciembre", 12 }, { "dic", 12 },
  };

  return find_word (months, G_N_ELEMENTS (months), word);
}

/* Weekdays in full, English and Spanish, folded. */
static const WordValue weekdays[] = {
  { "monday", G_DATE_MONDAY }, { "tuesday", G_DATE_TUESDAY },
  { "wednesday", G_DATE_WEDNESDAY }, { "thursday", G_DATE_THURSDAY },
  { "friday", G_DATE_FRIDAY }, { "saturday", G_DATE_SATURDAY },
  { "sunday", G_DATE_SUNDAY },
  { "lunes", G_DATE_MONDAY }, { "martes", G_DATE_TUESDAY },
  { "miercoles", G_DATE_WEDNESDAY }, { "jueves", G_DATE_THURSDAY },
  { "viernes", G_DATE_FRIDAY }, { "sabado", G_DATE_SATURDAY },
  { "domingo", G_DATE_SUNDAY },
};

int
convene_time_words_weekday (const char *word,
                            gboolean   *plural,
                            gboolean   *short_form)
{
  static const WordValue plurals[] = {
    { "mondays", G_DATE_MONDAY }, { "tuesdays", G_DATE_TUESDAY },
    { "wednesdays", G_DATE_WEDNESDAY }, { "thursdays", G_DATE_THURSDAY },
    { "fridays", G_DATE_FRIDAY }, { "saturdays", G_DATE_SATURDAY },
    { "sundays", G_DATE_SUNDAY },
    { "sabados", G_DATE_SATURDAY }, { "domingos", G_DATE_SUNDAY },
  };
  /* No Spanish short forms: "mar" is March far more often than martes. */
  static const WordValue shorts[] = {
    { "mon", G_DATE_MONDAY }, { "tue", G_DATE_TUESDAY }, { "tues", G_DATE_TUESDAY },
    { "wed", G_DATE_WEDNESDAY }, { "weds", G_DATE_WEDNESDAY },
    { "thu", G_DATE_THURSDAY }, { "thur", G_DATE_THURSDAY }, { "thurs", G_DATE_THURSDAY },
    { "fri", G_DATE_FRIDAY }, { "sat", G_DATE_SATURDAY }, { "sun", G_DATE_SUNDAY },
  };
  int day;

  if (plural != NULL)
    *plural = FALSE;
  if (short_form != NULL)
    *short_form = FALSE;

  if ((day = find_word (weekdays, G_N_ELEMENTS (weekdays), word)) != 0)
    return day;
  if ((day = find_word (plurals, G_N_ELEMENTS (plurals), word)) != 0)
    {
      if (plural != NULL)
        *plural = TRUE;
      return day;
    }
  if ((day = find_word (shorts, G_N_ELEMENTS (shorts), word)) != 0)
    {
      if (short_form != NULL)
        *short_form = TRUE;
      return day;
    }
  return 0;
}

int
convene_time_words_number (const char *word)
{
  static const WordValue numbers[] = {
    { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
    { "uno", 1 }, { "una", 1 }, { "dos", 2 }, { "tres", 3 }, { "cuatro", 4 }, { "cinco", 5 },
    { "seis", 6 }, { "quince", 15 },
  };

  return find_word (numbers, G_N_ELEMENTS (numbers), word);
}

int
convene_time_words_ordinal (const char *word)
{
  static const WordValue ordinals[] = {
    { "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 }, { "fifth", 5 },
    { "last", -1 },
    { "primer", 1 }, { "primero", 1 }, { "primera", 1 },
    { "segundo", 2 }, { "segunda", 2 },
    { "tercer", 3 }, { "tercero", 3 }, { "tercera", 3 },
    { "cuarto", 4 }, { "cuarta", 4 }, { "quinto", 5 }, { "quinta", 5 },
    { "ultimo", -1 }, { "ultima", -1 },
  };

  return find_word (ordinals, G_N_ELEMENTS (ordinals), word);
}

const char *
convene_time_words_language (const char *word)
{
  static const struct {
    const char *word;
    const char *code;
  } languages[] = {
    { "english", "en" }, { "ingles", "en" },
    { "spanish", "es" }, { "espanol", "es" }, { "castellano", "es" },
    { "french", "fr" }, { "frances", "fr" },
    { "portuguese", "pt" }, { "portugues", "pt" },
    { "arabic", "ar" }, { "arabe", "ar" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    if (strcmp (languages[i].word, word) == 0)
      return languages[i].code;
  return NULL;
}

int
convene_time_words_spanish_score (const char *word)
{
  static const char * const spanish[] = {
    "de", "del", "la", "las", "el", "los", "y", "en", "al", "cada", "hora", "horas",
    "semana", "semanas", "mes", "dias", "fecha", "reunion", "sesion", "todos", "proxima",
    "noticia", "manana", "tarde", "noche", "por", "para", "con", "se", "que",
  };
  static const char * const english[] = {
    "the", "at", "on", "of", "and", "in", "every", "time", "from", "to", "meeting", "is",
    "will", "be", "join", "us", "call", "week", "weeks", "our", "we", "for", "with", "each",
  };
  gboolean plural, short_form;
  int month = convene_time_words_month (word);
  int day = convene_time_words_weekday (word, &plural, &short_form);

  for (gsize i = 0; i < G_N_ELEMENTS (spanish); i++)
    if (strcmp (spanish[i], word) == 0)
      return 1;
  for (gsize i = 0; i < G_N_ELEMENTS (english); i++)
    if (strcmp (english[i], word) == 0)
      return -1;

  /* Month and day names weigh more than function words. */
  if ((month != 0 && strlen (word) > 4) || (day != 0 && !short_form))
    {
      gboolean english_name = g_str_has_suffix (word, "day") || g_str_has_suffix (word, "days") ||
                              strcmp (word, "march") == 0 || strcmp (word, "june") == 0 ||
                              strcmp (word, "july") == 0 || g_str_has_suffix (word, "ary") ||
                              g_str_has_suffix (word, "ber") || strcmp (word, "april") == 0 ||
                              strcmp (word, "august") == 0;

      return english_name ? -2 : 2;
    }
  return 0;
}

/* ---- words on their own, as documents write them ------------------------ */

/* The English names, as the Markdown export writes them (the seeds are
 * English). */
static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

/* @name folded as a time expression's word ("Miércoles." → "miercoles"),
 * without a final full stop; NULL unless it is one word of at least three
 * letters. */
static char *
fold_name (const char *name)
{
  g_autoptr(GArray) tokens = NULL;
  g_autofree char *text = g_strstrip (g_strdup (name));
  gsize n = strlen (text);
  ConveneTimeToken *token;

  if (n > 0 && text[n - 1] == '.')
    text[--n] = '\0';
  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  tokens = convene_time_words_tokenize (text);
  if (tokens->len != 1)
    return NULL;
  token = &g_array_index (tokens, ConveneTimeToken, 0);
  if (token->kind != CONVENE_TIME_TOKEN_WORD || strlen (token->text) < 3)
    return NULL;
  return g_steal_pointer (&token->text);
}

int
convene_time_words_month_from_name (const char *name)
{
  g_autofree char *word = NULL;

  g_return_val_if_fail (name != NULL, 0);

  word = fold_name (name);
  return word != NULL ? convene_time_words_month (word) : 0;
}

GDateWeekday
convene_time_words_weekday_from_name (const char *name)
{
  g_autofree char *word = NULL;
  gsize n;
  int day;

  g_return_val_if_fail (name != NULL, G_DATE_BAD_WEEKDAY);

  word = fold_name (name);
  if (word == NULL)
    return G_DATE_BAD_WEEKDAY;
  n = strlen (word);
  /* "Tuesdays" is Tuesday; Spanish plurals are not taken here. */
  if (n > 4 && g_str_has_suffix (word, "days"))
    word[--n] = '\0';
  if ((day = find_word (weekdays, G_N_ELEMENTS (weekdays), word)) != 0)
    return (GDateWeekday) day;
  /* "Tue", "Thurs", "Wedne": the start of an English name. */
  for (gsize i = 0; n <= 5 && i < 7; i++)
    if (strncmp (word, weekdays[i].word, n) == 0)
      return (GDateWeekday) weekdays[i].value;
  return G_DATE_BAD_WEEKDAY;
}

const char *
convene_time_words_month_name (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return month_names[month - 1];
}

const char *
convene_time_words_weekday_name (GDateWeekday weekday)
{
  static const char * const names[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  };

  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, NULL);

  return names[weekday - 1];
}
