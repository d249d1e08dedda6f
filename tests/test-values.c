/* test-values.c: the value formats of the model, as people type them: a
 * month, a due date, a day and a web address, each accepted or refused. */
#include "model/convene-values.h"

static void
test_month (void)
{
  const char *good[] = { "2021-01", "2021-12", "1999-07" };
  const char *bad[] = { "2021-13", "2021-00", "2021-1", "2021/02", "21-02", "2021-02-01",
                        "Spring", "", " 2021-02", "2021-0a" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (convene_month_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("month %s", bad[i]);
      g_assert_false (convene_month_is_valid (bad[i]));
    }
  g_assert_false (convene_month_is_valid (NULL));
}

static void
test_date (void)
{
  const char *good[] = { "2021-06-30", "2024-02-29", "2021-01-01" };
  /* 2021 is not a leap year; April has 30 days. */
  const char *bad[] = { "2021-02-29", "2021-04-31", "2021-06-00", "2021-13-01", "2021-6-30",
                        "2021-06-30T10:00", "30/06/2021", "2021-06", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (convene_date_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("date %s", bad[i]);
      g_assert_false (convene_date_is_valid (bad[i]));
    }
  g_assert_false (convene_date_is_valid (NULL));
}

static void
test_due (void)
{
  /* Through the year, a month, or a day. */
  const char *good[] = { "2021", "2021-06", "2021-06-30" };
  const char *bad[] = { "202", "20211", "2021-13", "2021-02-30", "June 2021", "Q3", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (convene_due_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("due %s", bad[i]);
      g_assert_false (convene_due_is_valid (bad[i]));
    }
  g_assert_false (convene_due_is_valid (NULL));
}

static void
test_url (void)
{
  const char *good[] = { "https://opendatacharter.net/principles/", "http://example.org",
                         "HTTPS://EXAMPLE.ORG/a?b=c#d", "mailto:iwg@example.org" };
  /* A bare host, another scheme, or a web address without a host. */
  const char *bad[] = { "opendatacharter", "not an address", "ftp://example.org/file",
                        "https://", "https:///path", "file:///etc/passwd", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (convene_url_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("url %s", bad[i]);
      g_assert_false (convene_url_is_valid (bad[i]));
    }
  g_assert_false (convene_url_is_valid (NULL));
}

static void
test_email (void)
{
  const char *good[] = { "wanjiru.kamau@example.org", "Paul+iwg@Example.ORG", "maría@correo.gob.mx" };
  /* No "@", two of them, nothing either side, a space, a host that is no host. */
  const char *bad[] = { "wanjiru", "a@b@example.org", "@example.org", "ann@", "ann smith@example.org",
                        "ann@example", "ann@exa mple.org", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (convene_email_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("email %s", bad[i]);
      g_assert_false (convene_email_is_valid (bad[i]));
    }
  g_assert_false (convene_email_is_valid (NULL));
}

static void
test_instant (void)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) evening = g_date_time_new (london, 2021, 2, 23, 19, 0, 0);
  g_autoptr(GDateTime) summer = g_date_time_new (london, 2021, 6, 22, 19, 0, 0);
  g_autoptr(GDateTime) read = NULL;
  g_autofree char *text = convene_instant_to_string (evening);
  g_autofree char *summer_text = convene_instant_to_string (summer);
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) summer_utc = g_date_time_to_utc (summer);

  /* Stored in UTC, whatever zone the organiser used. */
  expected = g_date_time_format (summer_utc, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (summer_text, ==, expected);
  read = convene_instant_parse (text);
  g_assert_nonnull (read);
  g_assert_true (g_date_time_equal (read, evening));

  /* A floating time says nowhere, and is refused. */
  g_assert_null (convene_instant_parse ("2021-02-23T19:00:00"));
  g_assert_null (convene_instant_parse ("2021-02-23"));
  g_assert_null (convene_instant_parse (NULL));
  g_clear_pointer (&read, g_date_time_unref);
  read = convene_instant_parse ("2021-02-23T14:00:00-05:00");
  g_assert_nonnull (read);
  g_assert_true (g_date_time_equal (read, evening));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/values/month", test_month);
  g_test_add_func ("/values/date", test_date);
  g_test_add_func ("/values/due", test_due);
  g_test_add_func ("/values/url", test_url);
  g_test_add_func ("/values/email", test_email);
  g_test_add_func ("/values/instant", test_instant);

  return g_test_run ();
}
