/* fuzz-time-expr.c: libFuzzer target for the time-expression parser and the
 * zone-name lookup.
 *
 * The first byte picks the default zone and the flags (0x80 day first,
 * 0x40 a text that speaks of Asia), the second the
 * reference day (so that the inputs land on both sides of the DST changes
 * of 2021); the rest is the text.  Besides not crashing, leaking or
 * hanging, a result must keep the promises of convene-time-expr.h.
 */
#include "time/convene-time-expr.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
abort_on_log (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  g_printerr ("%s: %s\n", domain != NULL ? domain : "", message);
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning is a broken promise too.  abort(), not GLib's
   * breakpoint trap, is what libFuzzer catches and keeps the input of. */
  g_log_set_default_handler (abort_on_log, NULL);
  return 0;
}

static void
check_result (const ConveneTimeExpr *expr)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_assert_nonnull (expr->timezone);
  tz = g_time_zone_new_identifier (expr->timezone);
  g_assert_nonnull (tz);
  g_assert_nonnull (expr->warnings);
  for (guint i = 0; i < expr->warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (expr->warnings, i), -1, NULL));

  if (expr->start != NULL)
    {
      g_assert_true (expr->has_time);
      g_assert_true (expr->has_date);
      g_assert_cmpint (g_date_time_get_utc_offset (expr->start), ==, 0);
    }
  if (expr->end != NULL)
    g_assert_nonnull (expr->start);
  if (expr->has_date)
    g_assert_true (g_date_valid (&expr->date));
  if (expr->rrule != NULL)
    g_assert_true (g_str_has_prefix (expr->rrule, "FREQ="));
  if (expr->unknown_zone != NULL)
    g_assert_true (g_utf8_validate (expr->unknown_zone, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const zones[] = {
    NULL, "UTC", "Europe/London", "America/New_York", "Australia/Sydney",
    "America/Santiago", "-06:00", "Nowhere/Else",
  };
  g_autoptr(ConveneTimeExpr) expr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *zone = NULL;
  GDate reference;

  if (size < 2)
    return 0;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_JANUARY, 2021);
  g_date_add_days (&reference, data[1] * 365 / 256);

  text = g_strndup ((const char *) data + 2, size - 2);
  expr = convene_time_expr_parse (text, &reference, zones[data[0] % G_N_ELEMENTS (zones)],
                                  ((data[0] & 0x80) ? CONVENE_TIME_EXPR_DAY_FIRST : 0) |
                                  ((data[0] & 0x40) ? CONVENE_TIME_EXPR_ASIA : 0), &error);
  if (expr != NULL)
    check_result (expr);
  else
    g_assert_nonnull (error);

  zone = convene_zone_lookup (text, NULL);
  if (zone != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

      g_assert_nonnull (tz);
    }
  return 0;
}
