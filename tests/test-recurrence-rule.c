/* test-recurrence-rule.c: the Repeat editor's rule, read from and written
 * to an RRULE, the meetings it gives, and its sentence in English and in
 * Spanish (LANGUAGE=es LANG=es_ES.UTF-8, the build's catalogue). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "time/convene-occurrences.h"
#include "time/convene-recurrence-rule.h"

static gboolean have_spanish_locale;

static ConveneRecurrenceRule
weekly (int   interval,
        guint weekdays)
{
  ConveneRecurrenceRule rule;

  convene_recurrence_rule_init (&rule);
  rule.frequency = CONVENE_REPEAT_WEEKLY;
  rule.interval = interval;
  rule.weekdays = weekdays;
  return rule;
}

static void
assert_same_rule (const ConveneRecurrenceRule *a,
                  const ConveneRecurrenceRule *b)
{
  g_assert_cmpint (a->frequency, ==, b->frequency);
  g_assert_cmpint (a->interval, ==, b->interval);
  g_assert_cmpuint (a->weekdays, ==, b->weekdays);
  if (a->frequency == CONVENE_REPEAT_MONTHLY)
    {
      g_assert_cmpint (a->monthly, ==, b->monthly);
      g_assert_cmpint (a->month_day, ==, b->month_day);
      if (a->monthly != CONVENE_REPEAT_ON_DATE)
        g_assert_cmpint (a->weekday, ==, b->weekday);
      if (a->monthly == CONVENE_REPEAT_ON_NTH_WEEKDAY)
        g_assert_cmpint (a->week, ==, b->week);
    }
  g_assert_cmpint (a->end, ==, b->end);
  if (a->end == CONVENE_REPEAT_END_COUNT)
    g_assert_cmpint (a->count, ==, b->count);
  if (a->end == CONVENE_REPEAT_END_UNTIL)
    {
      g_assert_cmpint (a->until_year, ==, b->until_year);
      g_assert_cmpint (a->until_month, ==, b->until_month);
      g_assert_cmpint (a->until_day, ==, b->until_day);
    }
}

/* structure → RRULE → structure → RRULE: the same rule and the same text. */
static void
assert_round_trip (const ConveneRecurrenceRule *rule,
                   GTimeZone                   *tz)
{
  g_autofree char *written = convene_recurrence_rule_to_string (rule, tz);
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  ConveneRecurrenceRule read;

  g_assert_nonnull (written);
  g_assert_true (convene_recurrence_rule_parse (&read, written, tz, &error));
  g_assert_no_error (error);
  assert_same_rule (rule, &read);
  again = convene_recurrence_rule_to_string (&read, tz);
  g_assert_cmpstr (again, ==, written);
}

static void
test_every_shape_round_trips (void)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GTimeZone) sydney = g_time_zone_new_identifier ("Australia/Sydney");
  ConveneRecurrenceRule rule;

  convene_recurrence_rule_init (&rule);
  rule.frequency = CONVENE_REPEAT_DAILY;
  assert_round_trip (&rule, london);
  rule.interval = 3;
  assert_round_trip (&rule, london);

  rule = weekly (1, 0);
  assert_round_trip (&rule, london);
  rule = weekly (1, 1u << G_DATE_MONDAY | 1u << G_DATE_WEDNESDAY | 1u << G_DATE_SUNDAY);
  assert_round_trip (&rule, london);
  rule = weekly (2, 1u << G_DATE_MONDAY);
  rule.end = CONVENE_REPEAT_END_UNTIL;
  rule.until_year = 2026;
  rule.until_month = 6;
  rule.until_day = 30;
  assert_round_trip (&rule, london);
  assert_round_trip (&rule, sydney);
  rule.end = CONVENE_REPEAT_END_COUNT;
  rule.count = 10;
  assert_round_trip (&rule, london);

  convene_recurrence_rule_init (&rule);
  rule.frequency = CONVENE_REPEAT_MONTHLY;
  rule.monthly = CONVENE_REPEAT_ON_DATE;
  assert_round_trip (&rule, london);
  rule.month_day = 23;
  assert_round_trip (&rule, london);
  rule.monthly = CONVENE_REPEAT_ON_NTH_WEEKDAY;
  rule.month_day = 0;
  rule.week = 3;
  rule.weekday = G_DATE_TUESDAY;
  assert_round_trip (&rule, london);
  rule.monthly = CONVENE_REPEAT_ON_LAST_WEEKDAY;
  rule.weekday = G_DATE_FRIDAY;
  rule.interval = 2;
  assert_round_trip (&rule, london);

  convene_recurrence_rule_init (&rule);
  rule.frequency = CONVENE_REPEAT_YEARLY;
  rule.end = CONVENE_REPEAT_END_COUNT;
  rule.count = 5;
  assert_round_trip (&rule, london);

  /* No rule is no text, and no text is no rule. */
  convene_recurrence_rule_init (&rule);
  g_assert_null (convene_recurrence_rule_to_string (&rule, london));
  g_assert_true (convene_recurrence_rule_parse (&rule, "  ", london, NULL));
  g_assert_cmpint (rule.frequency, ==, CONVENE_REPEAT_NONE);
}

/* Rules as other calendars write them: any order, "RRULE:", Outlook's
 * BYSETPOS, a date-only UNTIL. */
static void
test_read_from_others (void)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  ConveneRecurrenceRule rule;
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_recurrence_rule_parse (&rule, "RRULE:BYDAY=MO;INTERVAL=2;FREQ=WEEKLY",
                                                london, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rule.frequency, ==, CONVENE_REPEAT_WEEKLY);
  g_assert_cmpint (rule.interval, ==, 2);
  g_assert_cmpuint (rule.weekdays, ==, 1u << G_DATE_MONDAY);

  g_assert_true (convene_recurrence_rule_parse (&rule, "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3", london, NULL));
  g_assert_cmpint (rule.monthly, ==, CONVENE_REPEAT_ON_NTH_WEEKDAY);
  g_assert_cmpint (rule.week, ==, 3);
  g_assert_cmpint (rule.weekday, ==, G_DATE_TUESDAY);

  g_assert_true (convene_recurrence_rule_parse (&rule, "FREQ=MONTHLY;BYDAY=-1FR", london, NULL));
  g_assert_cmpint (rule.monthly, ==, CONVENE_REPEAT_ON_LAST_WEEKDAY);
  g_assert_cmpint (rule.weekday, ==, G_DATE_FRIDAY);

  g_assert_true (convene_recurrence_rule_parse (&rule, "FREQ=WEEKLY;UNTIL=20260630", london, NULL));
  g_assert_cmpint (rule.end, ==, CONVENE_REPEAT_END_UNTIL);
  g_assert_cmpint (rule.until_day, ==, 30);

  /* 23:30 UTC on 30 June is already 1 July in London (summer time). */
  g_assert_true (convene_recurrence_rule_parse (&rule, "FREQ=WEEKLY;UNTIL=20260630T233000Z", london, NULL));
  g_assert_cmpint (rule.until_month, ==, 7);
  g_assert_cmpint (rule.until_day, ==, 1);
}

static void
test_unsupported_and_invalid (void)
{
  static const char *unsupported[] = {
    "FREQ=WEEKLY;BYHOUR=9,17",
    "FREQ=MONTHLY;BYMONTHDAY=1,15",
    "FREQ=MONTHLY;BYDAY=1MO,3MO",
    "FREQ=MONTHLY;BYDAY=TU",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU",
    "FREQ=HOURLY",
  };
  ConveneRecurrenceRule rule;

  for (guint i = 0; i < G_N_ELEMENTS (unsupported); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (convene_recurrence_rule_parse (&rule, unsupported[i], NULL, &error));
      g_assert_error (error, CONVENE_RECURRENCE_RULE_ERROR, CONVENE_RECURRENCE_RULE_ERROR_UNSUPPORTED);
      g_assert_null (convene_recurrence_describe (unsupported[i], NULL));
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (convene_recurrence_rule_parse (&rule, "every other week", NULL, &error));
    g_assert_error (error, CONVENE_RECURRENCE_RULE_ERROR, CONVENE_RECURRENCE_RULE_ERROR_INVALID);
  }
}

/* What the editor writes meets when the user meant: every other Monday at
 * 19:00 London until 30 June 2026, across the March change, the last one
 * on 29 June (the expected days worked out with GDateTime). */
static void
test_written_rule_meets (void)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) first = g_date_time_new (london, 2026, 1, 5, 19, 0, 0);
  ConveneRecurrenceRule rule = weekly (2, 1u << G_DATE_MONDAY);
  g_autofree char *rrule = NULL;
  g_autoptr(ConveneRecurrence) series = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint n = 0;

  rule.end = CONVENE_REPEAT_END_UNTIL;
  rule.until_year = 2026;
  rule.until_month = 6;
  rule.until_day = 30;
  rrule = convene_recurrence_rule_to_string (&rule, london);
  series = convene_recurrence_new (rrule, "Europe/London", g_date_time_to_unix (first), &error);
  g_assert_no_error (error);
  convene_recurrence_expand (series, g_date_time_to_unix (first), g_date_time_to_unix (first) + 400 * 86400,
                             starts);

  for (g_autoptr(GDateTime) day = g_date_time_ref (first); g_date_time_get_month (day) <= 6;)
    {
      GDateTime *next;

      g_assert_cmpuint (n, <, starts->len);
      g_assert_cmpint (g_array_index (starts, gint64, n), ==, g_date_time_to_unix (day));
      n++;
      next = g_date_time_add_days (day, 14);
      g_date_time_unref (day);
      day = next;
    }
  g_assert_cmpuint (starts->len, ==, n);
  g_assert_cmpuint (n, ==, 13);
}

static char *
describe (const char *rrule,
          GDateTime  *start)
{
  char *sentence = convene_recurrence_describe (rrule, start);

  g_assert_nonnull (sentence);
  return sentence;
}

#define ASSERT_SENTENCE(rrule, start, expected) \
  G_STMT_START { \
    g_autofree char *s_ = describe ((rrule), (start)); \
    g_assert_cmpstr (s_, ==, (expected)); \
  } G_STMT_END

static void
test_sentences_english (void)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) tuesday = g_date_time_new (london, 2026, 2, 24, 19, 0, 0);
  ConveneRecurrenceRule rule = weekly (2, 1u << G_DATE_MONDAY);
  g_autofree char *rrule = NULL;

  rule.end = CONVENE_REPEAT_END_UNTIL;
  rule.until_year = 2026;
  rule.until_month = 6;
  rule.until_day = 30;
  rrule = convene_recurrence_rule_to_string (&rule, london);
  ASSERT_SENTENCE (rrule, tuesday, "Every 2 weeks on Monday, until 30 June 2026");

  ASSERT_SENTENCE ("FREQ=WEEKLY", tuesday, "Every week on Tuesday");
  ASSERT_SENTENCE ("FREQ=WEEKLY;BYDAY=MO,WE,FR", tuesday, "Every week on Monday, Wednesday and Friday");
  ASSERT_SENTENCE ("FREQ=DAILY", tuesday, "Every day");
  ASSERT_SENTENCE ("FREQ=DAILY;INTERVAL=3;COUNT=1", tuesday, "Every 3 days, 1 time");
  ASSERT_SENTENCE ("FREQ=MONTHLY;BYDAY=3TU", tuesday, "Every month on the third Tuesday");
  ASSERT_SENTENCE ("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;COUNT=6", tuesday,
                   "Every 2 months on the last Friday, 6 times");
  ASSERT_SENTENCE ("FREQ=MONTHLY", tuesday, "Every month on day 24");
  ASSERT_SENTENCE ("FREQ=YEARLY", tuesday, "Every year on 24 February");
}

static void
test_sentences_spanish (void)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) tuesday = g_date_time_new (london, 2026, 2, 24, 19, 0, 0);
  ConveneRecurrenceRule rule = weekly (2, 1u << G_DATE_MONDAY);
  g_autofree char *rrule = NULL;

  if (!have_spanish_locale)
    {
      g_test_skip ("no es_ES.UTF-8 locale on this machine");
      return;
    }
  /* GLib decides once per process whether to translate: Spanish runs in a
   * process of its own, which main() starts in Spanish. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  rule.end = CONVENE_REPEAT_END_UNTIL;
  rule.until_year = 2026;
  rule.until_month = 6;
  rule.until_day = 30;
  rrule = convene_recurrence_rule_to_string (&rule, london);
  ASSERT_SENTENCE (rrule, tuesday, "Cada 2 semanas el lunes, hasta el 30 de junio de 2026");
  ASSERT_SENTENCE ("FREQ=WEEKLY;BYDAY=MO,WE", tuesday, "Cada semana el lunes y el miércoles");
  ASSERT_SENTENCE ("FREQ=DAILY;COUNT=10", tuesday, "Cada día, 10 veces");
  ASSERT_SENTENCE ("FREQ=MONTHLY;BYDAY=3TU", tuesday, "Cada mes el tercer martes");
  ASSERT_SENTENCE ("FREQ=MONTHLY;BYDAY=-1FR", tuesday, "Cada mes el último viernes");
  ASSERT_SENTENCE ("FREQ=MONTHLY;BYMONTHDAY=23", tuesday, "Cada mes el día 23");
  ASSERT_SENTENCE ("FREQ=YEARLY;INTERVAL=2", tuesday, "Cada 2 años el 24 de febrero");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *locale_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* English, with no catalogue in the way; the Spanish case's own process
   * in Spanish, with the build's catalogues. */
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
  g_unsetenv ("LC_ALL");
  have_spanish_locale = setlocale (LC_ALL, "es_ES.UTF-8") != NULL;
  g_setenv ("LANGUAGE", g_test_subprocess () ? "es" : "en", TRUE);
  if (!g_test_subprocess ())
    setlocale (LC_ALL, "C.UTF-8");
  convene_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/time/recurrence-rule/round-trip", test_every_shape_round_trips);
  g_test_add_func ("/time/recurrence-rule/read-from-others", test_read_from_others);
  g_test_add_func ("/time/recurrence-rule/unsupported", test_unsupported_and_invalid);
  g_test_add_func ("/time/recurrence-rule/written-rule-meets", test_written_rule_meets);
  g_test_add_func ("/time/recurrence-rule/sentence-en", test_sentences_english);
  g_test_add_func ("/time/recurrence-rule/sentence-es", test_sentences_spanish);

  return g_test_run ();
}
