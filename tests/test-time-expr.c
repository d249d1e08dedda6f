/* test-time-expr.c: the time-expression parser against the corpus in
 * tests/fixtures/time-expressions.txt, and the zone names on their own. */
#include "time/convene-time-expr.h"
#include "time/convene-zone-names.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  guint      line;
  GHashTable *fields;    /* key → value, the last one wins */
  GPtrArray  *warnings;  /* the "warn:" lines, in order */
} CorpusCase;

static void
corpus_case_free (gpointer data)
{
  CorpusCase *c = data;

  g_hash_table_unref (c->fields);
  g_ptr_array_unref (c->warnings);
  g_free (c);
}

static CorpusCase *
corpus_case_new (guint line)
{
  CorpusCase *c = g_new0 (CorpusCase, 1);

  c->line = line;
  c->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->warnings = g_ptr_array_new_with_free_func (g_free);
  return c;
}

static GPtrArray *
read_corpus (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "time-expressions.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (corpus_case_free);
  CorpusCase *current = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *colon;

      if (line[0] == '#')
        continue;
      if (*g_strstrip (line) == '\0')
        {
          current = NULL;
          continue;
        }
      colon = strstr (line, ": ");
      if (colon == NULL)
        g_error ("time-expressions.txt:%u: no “key: value”", i + 1);
      *colon = '\0';

      if (current == NULL)
        {
          current = corpus_case_new (i + 1);
          g_ptr_array_add (cases, current);
        }
      if (strcmp (line, "warn") == 0)
        g_ptr_array_add (current->warnings, g_strdup (colon + 2));
      else
        g_hash_table_replace (current->fields, g_strdup (line), g_strdup (colon + 2));
    }
  return cases;
}

static void
parse_day (const char *text,
           GDate      *date)
{
  int y, m, d;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static char *
format_instant (GDateTime *dt)
{
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static void
test_corpus_case (gconstpointer data)
{
  const CorpusCase *c = data;
  const char *text = g_hash_table_lookup (c->fields, "text");
  const char *flags = g_hash_table_lookup (c->fields, "flags");
  const char *start = g_hash_table_lookup (c->fields, "start");
  const char *date = g_hash_table_lookup (c->fields, "date");
  g_autoptr(ConveneTimeExpr) expr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got_start = NULL;
  g_autofree char *got_end = NULL;
  g_autofree char *got_languages = NULL;
  GDate reference;

  g_test_message ("time-expressions.txt:%u: %s", c->line, text);
  g_assert_nonnull (text);
  parse_day (g_hash_table_lookup (c->fields, "ref"), &reference);

  expr = convene_time_expr_parse (text, &reference, g_hash_table_lookup (c->fields, "default"),
                                  (flags != NULL && strstr (flags, "day-first") != NULL ? CONVENE_TIME_EXPR_DAY_FIRST : 0) |
                                  (flags != NULL && strstr (flags, "asia") != NULL ? CONVENE_TIME_EXPR_ASIA : 0),
                                  &error);
  if (g_hash_table_contains (c->fields, "error"))
    {
      g_assert_error (error, CONVENE_TIME_EXPR_ERROR, CONVENE_TIME_EXPR_ERROR_NOT_UNDERSTOOD);
      g_assert_null (expr);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (expr);

  for (guint i = 0; i < expr->warnings->len; i++)
    g_test_message ("warning: %s", (const char *) g_ptr_array_index (expr->warnings, i));

  got_start = format_instant (expr->start);
  g_assert_cmpstr (got_start, ==, g_strcmp0 (start, "-") == 0 ? NULL : start);
  got_end = format_instant (expr->end);
  g_assert_cmpstr (got_end, ==, g_hash_table_lookup (c->fields, "end"));
  g_assert_cmpstr (expr->timezone, ==, g_hash_table_lookup (c->fields, "zone"));
  g_assert_cmpstr (expr->rrule, ==, g_hash_table_lookup (c->fields, "rrule"));
  g_assert_cmpstr (expr->unknown_zone, ==, g_hash_table_lookup (c->fields, "unknown"));
  got_languages = expr->languages != NULL ? g_strjoinv (",", expr->languages) : NULL;
  g_assert_cmpstr (got_languages, ==, g_hash_table_lookup (c->fields, "lang"));

  if (expr->start != NULL)
    {
      g_assert_true (expr->has_time);
      g_assert_true (expr->has_date);
    }
  if (date != NULL)
    {
      char got[16];

      g_assert_true (expr->has_date);
      g_date_strftime (got, sizeof got, "%Y-%m-%d", &expr->date);
      g_assert_cmpstr (got, ==, date);
    }

  g_assert_cmpuint (expr->warnings->len, ==, c->warnings->len);
  for (guint i = 0; i < c->warnings->len; i++)
    {
      const char *got = g_ptr_array_index (expr->warnings, i);
      const char *want = g_ptr_array_index (c->warnings, i);

      if (strstr (got, want) == NULL)
        g_error ("warning %u is “%s”, expected it to contain “%s”", i, got, want);
    }
}

static void
test_corpus_size (void)
{
  g_autoptr(GPtrArray) cases = read_corpus ();

  /* The issue asks for at least forty realistic phrasings. */
  g_assert_cmpuint (cases->len, >=, 40);
}

static void
test_zone_lookup (void)
{
  static const struct {
    const char *name;
    const char *zone;
    gboolean    ambiguous;
  } cases[] = {
    { "London", "Europe/London", FALSE },
    { "london", "Europe/London", FALSE },
    { "Europe/London", "Europe/London", FALSE },
    { "europe/london", "Europe/London", FALSE },
    { "London time", "Europe/London", FALSE },
    { "hora de Londres", "Europe/London", FALSE },
    { "ET", "America/New_York", FALSE },
    { "et", "America/New_York", FALSE },
    { "EAT", "Africa/Nairobi", FALSE },
    { "Nairobi", "Africa/Nairobi", FALSE },
    { "IST", "Asia/Kolkata", TRUE },
    { "CST", "America/Chicago", TRUE },
    { "CT", "America/Chicago", TRUE },
    { "GMT-6", "-06:00", FALSE },
    { "UTC+05:30", "+05:30", FALSE },
    { "UTC−3", "-03:00", FALSE },
    { "GMT", "UTC", FALSE },
    { "UTC+0", "UTC", FALSE },
    { "+0200", "+02:00", FALSE },
    { "Washington", "America/New_York", FALSE },
    { "Washington DC", "America/New_York", FALSE },
    { "Delhi", "Asia/Kolkata", FALSE },
    { "New Delhi", "Asia/Kolkata", FALSE },
    { "Bombay", "Asia/Kolkata", FALSE },
    { "Mumbai", "Asia/Kolkata", FALSE },
    { "Rio", "America/Sao_Paulo", FALSE },
    { "São Paulo", "America/Sao_Paulo", FALSE },
    { "Sao Paulo", "America/Sao_Paulo", FALSE },
    { "Beijing", "Asia/Shanghai", FALSE },
    { "Nueva York", "America/New_York", FALSE },
    { "Ciudad de México", "America/Mexico_City", FALSE },
    { "Mexico City", "America/Mexico_City", FALSE },
    { "Buenos Aires", "America/Argentina/Buenos_Aires", FALSE },
    { "Bogotá", "America/Bogota", FALSE },
    { "Central European Summer Time", "Europe/Brussels", FALSE },
    { "Eastern Standard Time", "America/New_York", FALSE },
    { "Port-au-Prince", "America/Port-au-Prince", FALSE },
    { "St. John's", "America/St_Johns", FALSE },
    { "Dar es Salaam", "Africa/Dar_es_Salaam", FALSE },
    { "Kiev", "Europe/Kyiv", FALSE },
    { "Gotham", NULL, FALSE },
    { "Etc/GMT-6", NULL, FALSE },
    { "GMT+15", NULL, FALSE },
    { "", NULL, FALSE },
    { "   ", NULL, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean ambiguous = !cases[i].ambiguous;
      g_autofree char *zone = convene_zone_lookup (cases[i].name, &ambiguous);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (zone, ==, cases[i].zone);
      g_assert_cmpint (ambiguous, ==, cases[i].ambiguous);
    }
}

static void
test_zone_tables (void)
{
  g_auto(GStrv) abbreviations = convene_zone_names_dup_abbreviations ();
  g_auto(GStrv) zones = convene_zone_names_dup_table_zones ();

  /* The abbreviations are searched by bisection: out of order, one would
   * go missing. */
  for (guint i = 0; abbreviations[i] != NULL; i++)
    g_assert_nonnull (convene_zone_names_find_abbreviation (abbreviations[i]));

  /* Every zone the tables name must be in the installed tz database, with
   * today's names (Europe/Kyiv, Asia/Kolkata). */
  for (guint i = 0; zones[i] != NULL; i++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[i]);

      g_test_message ("%s", zones[i]);
      g_assert_nonnull (tz);
    }
}

static void
test_fold (void)
{
  static const char * const cases[][2] = {
    { "São Paulo", "sao paulo" },
    { "Sao_Paulo", "sao paulo" },
    { "Port-au-Prince", "port au prince" },
    { "St. John’s", "st johns" },
    { "  BOGOTÁ  ", "bogota" },
    { "miércoles", "miercoles" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = convene_zone_names_fold (cases[i][0], -1);

      g_assert_cmpstr (folded, ==, cases[i][1]);
    }
}

static void
test_offsets (void)
{
  static const struct {
    const char *text;
    gboolean    valid;
    int         minutes;
  } cases[] = {
    { "+3", TRUE, 180 },
    { "-6", TRUE, -360 },
    { "-06:00", TRUE, -360 },
    { "+0530", TRUE, 330 },
    { "+05:45", TRUE, 345 },
    { "\xe2\x88\x92" "4", TRUE, -240 },
    { "\xc2\xb1" "0", TRUE, 0 },
    { "\xc2\xb1" "3", FALSE, 0 },
    { "+15", FALSE, 0 },
    { "+5:60", FALSE, 0 },
    { "+123", FALSE, 0 },
    { "5", FALSE, 0 },
    { "+", FALSE, 0 },
    { "+5h", FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int minutes = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (convene_zone_names_parse_offset (cases[i].text, &minutes), ==, cases[i].valid);
      if (cases[i].valid)
        g_assert_cmpint (minutes, ==, cases[i].minutes);
    }
}

static ConveneTimeExpr *
parse_on (const char *text,
          const char *day,
          const char *default_zone)
{
  g_autoptr(GError) error = NULL;
  ConveneTimeExpr *expr;
  GDate reference;

  parse_day (day, &reference);
  expr = convene_time_expr_parse (text, &reference, default_zone, CONVENE_TIME_EXPR_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (expr);
  return expr;
}

static void
assert_warned (ConveneTimeExpr *expr,
               const char      *piece)
{
  for (guint i = 0; i < expr->warnings->len; i++)
    if (strstr (g_ptr_array_index (expr->warnings, i), piece) != NULL)
      return;
  g_error ("no warning contains “%s”", piece);
}

static void
test_not_a_day (void)
{
  g_autoptr(ConveneTimeExpr) invalid = parse_on ("31 February 2022 at 10:00 UTC", "2022-02-01", NULL);
  g_autoptr(ConveneTimeExpr) short_month = parse_on ("Tuesday 30th at 5pm EAT", "2021-02-01", NULL);
  g_autoptr(ConveneTimeExpr) leap = parse_on ("29 February at 10:00 UTC", "2022-02-01", NULL);

  /* A time with no day to stand on has no instant, and says why. */
  g_assert_true (invalid->has_time);
  g_assert_false (invalid->has_date);
  g_assert_null (invalid->start);
  assert_warned (invalid, "“31 February 2022” is not a day of the calendar");

  g_assert_null (short_month->start);
  assert_warned (short_month, "“30th” is not a day of February 2021");

  g_assert_null (leap->start);
  assert_warned (leap, "not a day of the calendar in 2022");
}

static void
test_not_a_numeric_day (void)
{
  g_autoptr(ConveneTimeExpr) both_large = parse_on ("19-50-06", "2021-01-01", NULL);
  g_autoptr(ConveneTimeExpr) zero = parse_on ("0/5/2020 13:00 UTC", "2021-01-01", NULL);

  /* Found by fuzzing: neither reading is a day, so there is nothing to
   * choose between. */
  g_assert_false (both_large->has_date);
  g_assert_cmpuint (both_large->warnings->len, ==, 1);
  assert_warned (both_large, "“19-50-06” is not a day of the calendar");

  g_assert_false (zero->has_date);
  g_assert_null (zero->start);
  assert_warned (zero, "“0/5/2020” is not a day of the calendar");
}

static void
test_far_days (void)
{
  g_autoptr(ConveneTimeExpr) far_text = parse_on ("9999-12-31 23:00 UTC-6", "2021-01-01", NULL);
  g_autoptr(ConveneTimeExpr) far_reference = parse_on ("tomorrow at 23:00 UTC-6", "9999-12-31", NULL);

  /* No working group meets in year 9999; the day is refused, and a
   * reference that far gives no instant rather than a crash. */
  g_assert_false (far_text->has_date);
  assert_warned (far_text, "“9999-12-31” is not a day of the calendar");
  g_assert_true (far_reference->has_date);
  g_assert_null (far_reference->start);
}

static void
test_series (void)
{
  static const char * const cases[][2] = {
    { "weekly on Tuesdays", "FREQ=WEEKLY;BYDAY=TU" },
    { "every 3 weeks", "FREQ=WEEKLY;INTERVAL=3" },
    { "every three weeks on Friday", "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR" },
    { "monthly", "FREQ=MONTHLY" },
    { "every month", "FREQ=MONTHLY" },
    { "daily", "FREQ=DAILY" },
    { "every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
    { "every 14 days", "FREQ=WEEKLY;INTERVAL=2" },
    { "every 10 days", "FREQ=DAILY;INTERVAL=10" },
    { "cada quince días", "FREQ=WEEKLY;INTERVAL=2" },
    { "cada 15 días", "FREQ=WEEKLY;INTERVAL=2" },
    { "todos los lunes", "FREQ=WEEKLY;BYDAY=MO" },
    { "los martes y jueves", "FREQ=WEEKLY;BYDAY=TU,TH" },
    { "cada mes", "FREQ=MONTHLY" },
    { "quincenal", "FREQ=WEEKLY;INTERVAL=2" },
    { "fortnightly", "FREQ=WEEKLY;INTERVAL=2" },
    { "every fortnight", "FREQ=WEEKLY;INTERVAL=2" },
    { "on alternate Mondays", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO" },
    { "Mondays and Thursdays", "FREQ=WEEKLY;BYDAY=MO,TH" },
    { "the last Thursday of the month", "FREQ=MONTHLY;BYDAY=-1TH" },
    { "every 2nd Wednesday of the month", "FREQ=MONTHLY;BYDAY=2WE" },
    { "el primer martes de cada mes", "FREQ=MONTHLY;BYDAY=1TU" },
    { "every second Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ConveneTimeExpr) expr = parse_on (cases[i][0], "2022-03-01", "UTC");

      g_test_message ("%s", cases[i][0]);
      g_assert_cmpstr (expr->rrule, ==, cases[i][1]);
    }
}

static void
test_zones_named (void)
{
  g_autoptr(ConveneTimeExpr) two = parse_on ("7pm London time (2pm ET)", "2021-02-01", "Asia/Tokyo");
  g_autoptr(ConveneTimeExpr) same = parse_on ("03:30 PM - 05:00 PM [CEST (Central European Summer Time)]",
                                              "2022-06-14", NULL);
  g_autoptr(ConveneTimeExpr) none = parse_on ("at 9", "2021-02-01", "Asia/Tokyo");
  const char * const london_new_york[] = { "Europe/London", "America/New_York", NULL };
  const char * const brussels[] = { "Europe/Brussels", NULL };

  g_assert_true (two->zone_from_text);
  g_assert_true (g_strv_equal ((const char * const *) two->zones, london_new_york));
  g_assert_true (g_strv_equal ((const char * const *) same->zones, brussels));
  g_assert_false (none->zone_from_text);
  g_assert_null (none->zones);
  g_assert_cmpstr (none->timezone, ==, "Asia/Tokyo");
}

static void
test_no_zone (void)
{
  g_autoptr(ConveneTimeExpr) bare = parse_on ("at 9", "2022-03-01", NULL);
  g_autoptr(ConveneTimeExpr) defaulted = parse_on ("at 9", "2022-07-01", "Europe/London");
  g_autoptr(ConveneTimeExpr) city_default = parse_on ("at 9", "2022-07-01", "Nairobi");
  g_autofree char *a = g_date_time_format (bare->start, "%FT%TZ");
  g_autofree char *b = g_date_time_format (defaulted->start, "%FT%TZ");
  g_autofree char *c = g_date_time_format (city_default->start, "%FT%TZ");

  g_assert_cmpstr (bare->timezone, ==, "UTC");
  g_assert_cmpstr (a, ==, "2022-03-01T09:00:00Z");
  assert_warned (bare, "No time zone given");

  g_assert_cmpstr (defaulted->timezone, ==, "Europe/London");
  g_assert_cmpstr (b, ==, "2022-07-01T08:00:00Z");
  /* The default is a guess too: issue 11 has it said which zone was taken. */
  g_assert_cmpuint (defaulted->warnings->len, ==, 1);
  assert_warned (defaulted, "No time zone given; read as Europe/London.");

  g_assert_cmpstr (city_default->timezone, ==, "Africa/Nairobi");
  g_assert_cmpstr (c, ==, "2022-07-01T06:00:00Z");
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  ConveneTimeExpr *expr;

  expr = convene_time_expr_parse ("", NULL, NULL, CONVENE_TIME_EXPR_DEFAULT, &error);
  g_assert_null (expr);
  g_assert_error (error, CONVENE_TIME_EXPR_ERROR, CONVENE_TIME_EXPR_ERROR_NOT_UNDERSTOOD);
  g_clear_error (&error);

  expr = convene_time_expr_parse ("Paul leads", NULL, NULL, CONVENE_TIME_EXPR_DEFAULT, &error);
  g_assert_null (expr);
  g_assert_error (error, CONVENE_TIME_EXPR_ERROR, CONVENE_TIME_EXPR_ERROR_NOT_UNDERSTOOD);
  g_clear_error (&error);

  while (long_text->len < 20000)
    g_string_append (long_text, "7pm London time ");
  expr = convene_time_expr_parse (long_text->str, NULL, NULL, CONVENE_TIME_EXPR_DEFAULT, &error);
  g_assert_null (expr);
  g_assert_error (error, CONVENE_TIME_EXPR_ERROR, CONVENE_TIME_EXPR_ERROR_TOO_LONG);
  g_clear_error (&error);

  /* Broken UTF-8 is read around, not refused. */
  expr = convene_time_expr_parse ("13:00 \xff\xfe UTC", NULL, NULL, CONVENE_TIME_EXPR_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (expr);
  g_assert_cmpstr (expr->timezone, ==, "UTC");
  convene_time_expr_free (expr);

  convene_time_expr_free (NULL);
}

static void
test_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneTimeExpr) expr = NULL;
  g_autoptr(GDateTime) now = NULL;

  /* Without a reference, the day is today in the expression's zone. */
  expr = convene_time_expr_parse ("13:00 UTC", NULL, NULL, CONVENE_TIME_EXPR_DEFAULT, &error);
  now = g_date_time_new_now_utc ();
  g_assert_no_error (error);
  g_assert_true (expr->has_date);
  g_assert_false (expr->date_from_text);
  g_assert_cmpint (g_date_get_day (&expr->date), ==, g_date_time_get_day_of_month (now));
  g_assert_cmpint (g_date_time_get_hour (expr->start), ==, 13);
}

static void
test_date_from_text (void)
{
  g_autoptr(ConveneTimeExpr) named = parse_on ("Tuesday 23rd at 7pm London time", "2021-02-01", NULL);
  g_autoptr(ConveneTimeExpr) weekday = parse_on ("Tuesday at 7pm London time", "2021-02-01", NULL);
  g_autoptr(ConveneTimeExpr) reference = parse_on ("7pm London time", "2021-02-01", NULL);

  g_assert_true (named->date_from_text);
  g_assert_false (weekday->date_from_text);
  g_assert_cmpint (g_date_get_day (&weekday->date), ==, 2);
  g_assert_false (reference->date_from_text);
  g_assert_cmpint (g_date_get_day (&reference->date), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = NULL;

  /* Warnings name months and weekdays in the user's language; the corpus
   * expects English. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-expr/corpus-size", test_corpus_size);
  g_test_add_func ("/time-expr/zone-lookup", test_zone_lookup);
  g_test_add_func ("/time-expr/zone-tables", test_zone_tables);
  g_test_add_func ("/time-expr/fold", test_fold);
  g_test_add_func ("/time-expr/offsets", test_offsets);
  g_test_add_func ("/time-expr/not-a-day", test_not_a_day);
  g_test_add_func ("/time-expr/not-a-numeric-day", test_not_a_numeric_day);
  g_test_add_func ("/time-expr/zones-named", test_zones_named);
  g_test_add_func ("/time-expr/far-days", test_far_days);
  g_test_add_func ("/time-expr/series", test_series);
  g_test_add_func ("/time-expr/no-zone", test_no_zone);
  g_test_add_func ("/time-expr/errors", test_errors);
  g_test_add_func ("/time-expr/today", test_today);
  g_test_add_func ("/time-expr/date-from-text", test_date_from_text);

  cases = read_corpus ();
  for (guint i = 0; i < cases->len; i++)
    {
      CorpusCase *c = g_ptr_array_index (cases, i);
      g_autofree char *path = g_strdup_printf ("/time-expr/corpus/line-%u", c->line);

      g_test_add_data_func (path, c, test_corpus_case);
    }

  return g_test_run ();
}
