/* test-sync-resolve.c: a conflict's two versions as the window shows
 * them, field by field (convene_sync_item_fields()), and as a listing names
 * them (convene_sync_describe_item(), and _describe_version() for the
 * meetings of a series).  No network: the texts are what a
 * server answers. */
#include "config.h"

#include <glib.h>

#include "sync/convene-sync.h"

/* As Radicale hands back an event a phone edited: folded, escaped, with a
 * zone of its own. */
static const char edited[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Phone//Calendar//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:session-2@convene\r\n"
  "DTSTAMP:20210401T120000Z\r\n"
  "DTSTART;TZID=Europe/London:20210223T190000\r\n"
  "DTEND;TZID=Europe/London:20210223T200000\r\n"
  "SUMMARY:Present the Policy+ Initiative\\, toge\r\n"
  " ther with its projects\r\n"
  "STATUS:TENTATIVE\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static const char *
value_of (GPtrArray  *fields,
          const char *label)
{
  for (guint i = 0; i < fields->len; i++)
    {
      ConveneSyncField *field = g_ptr_array_index (fields, i);

      if (g_str_equal (field->label, label))
        return field->value;
    }
  g_assert_not_reached ();
}

static void
test_fields (void)
{
  g_autoptr(GPtrArray) fields = convene_sync_item_fields (edited);

  g_assert_nonnull (fields);
  /* Unfolded and unescaped, as the person typed it on the phone. */
  g_assert_cmpstr (value_of (fields, "Topic"), ==, "Present the Policy+ Initiative, together with its projects");
  /* The wall-clock time in the zone it was fixed in, and the zone. */
  g_assert_cmpstr (value_of (fields, "Start"), ==, "2021-02-23 19:00 Europe/London");
  g_assert_cmpstr (value_of (fields, "End"), ==, "2021-02-23 20:00 Europe/London");
  g_assert_cmpstr (value_of (fields, "Status"), ==, "Tentative");
  /* What the version lacks is there, empty, so both columns line up. */
  g_assert_null (value_of (fields, "Location"));
  g_assert_null (value_of (fields, "Repeats"));
}

static void
test_fields_same_order (void)
{
  g_autoptr(GPtrArray) mine = convene_sync_item_fields (edited);
  g_autoptr(GPtrArray) theirs = convene_sync_item_fields (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VTODO\r\nUID:action-1@convene\r\n"
    "DTSTAMP:20210401T120000Z\r\nSUMMARY:Draft the survey\r\nDUE;VALUE=DATE:20210331\r\n"
    "STATUS:COMPLETED\r\nEND:VTODO\r\nEND:VCALENDAR\r\n");

  /* Row i of one side is row i of the other, whatever each holds. */
  g_assert_cmpuint (mine->len, ==, theirs->len);
  for (guint i = 0; i < mine->len; i++)
    g_assert_cmpstr (((ConveneSyncField *) g_ptr_array_index (mine, i))->label, ==,
                     ((ConveneSyncField *) g_ptr_array_index (theirs, i))->label);
  g_assert_cmpstr (value_of (theirs, "Due"), ==, "2021-03-31");
  g_assert_cmpstr (value_of (theirs, "Status"), ==, "Done");
}

static void
test_deleted_and_unreadable (void)
{
  g_autofree char *deleted = convene_sync_describe_item (NULL);
  g_autofree char *unreadable = convene_sync_describe_item ("not a calendar");

  g_assert_null (convene_sync_item_fields (NULL));
  g_assert_null (convene_sync_item_fields ("not a calendar"));
  g_assert_cmpstr (deleted, ==, "(deleted)");
  g_assert_cmpstr (unreadable, ==, "(unreadable)");
}

static void
test_describe (void)
{
  g_autofree char *utc = convene_sync_describe_item (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:phone@example.org\r\n"
    "DTSTAMP:20210401T120000Z\r\nDTSTART:20210504T210000Z\r\nSUMMARY:Call from the phone\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n");
  g_autofree char *zoned = convene_sync_describe_item (edited);

  g_assert_cmpstr (utc, ==, "Call from the phone (2021-05-04 21:00 UTC)");
  g_assert_cmpstr (zoned, ==, "Present the Policy+ Initiative, together with its projects "
                              "(2021-02-23 19:00 Europe/London)");
}

/* A series as a phone might keep it: its changed meeting first, SEQUENCE
 * raised on both, a meeting taken out. */
#define SERIES_HEAD \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//Calendar//EN\r\n" \
  "BEGIN:VEVENT\r\nUID:session-4@convene\r\nDTSTAMP:20260201T120000Z\r\nSEQUENCE:%d\r\n" \
  "RECURRENCE-ID;TZID=Europe/London:20260310T180000\r\n" \
  "DTSTART;TZID=Europe/London:20260311T180000\r\nDURATION:PT1H\r\nSUMMARY:%s\r\nEND:VEVENT\r\n" \
  "BEGIN:VEVENT\r\nUID:session-4@convene\r\nDTSTAMP:20260201T120000Z\r\nSEQUENCE:%d\r\n" \
  "DTSTART;TZID=Europe/London:20260303T180000\r\nDURATION:PT1H\r\n" \
  "RRULE:FREQ=WEEKLY;COUNT=8\r\n%sSUMMARY:Weekly call\r\nEND:VEVENT\r\n"

static void
test_describe_series (void)
{
  g_autofree char *mine = g_strdup_printf (SERIES_HEAD "END:VCALENDAR\r\n", 0, "Mine", 0, "");
  g_autofree char *theirs = g_strdup_printf (SERIES_HEAD
    "BEGIN:VEVENT\r\nUID:session-4@convene\r\nDTSTAMP:20260201T120000Z\r\n"
    "RECURRENCE-ID;TZID=Europe/London:20260324T180000\r\n"
    "DTSTART;TZID=Europe/London:20260324T180000\r\nSUMMARY:Weekly call\r\nSTATUS:CANCELLED\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n",
    3, "Theirs", 3, "EXDATE;TZID=Europe/London:20260407T180000\r\n");
  g_autofree char *same = g_strdup_printf (SERIES_HEAD "END:VCALENDAR\r\n", 5, "Mine", 5, "");
  g_autofree char *item = convene_sync_describe_item (mine);
  g_autofree char *here = convene_sync_describe_version (mine, theirs);
  g_autofree char *there = convene_sync_describe_version (theirs, mine);
  g_autofree char *agreed = convene_sync_describe_version (mine, same);
  g_autofree char *deleted = convene_sync_describe_version (mine, NULL);

  /* The series is named by its own event, not by the meeting before it. */
  g_assert_cmpstr (item, ==, "Weekly call (2026-03-03 18:00 Europe/London)");
  /* Each side says what it makes of each meeting the two give otherwise,
   * by date. */
  g_assert_cmpstr (here, ==, "Weekly call (2026-03-03 18:00 Europe/London) — "
                             "2026-03-10 18:00 Europe/London: “Mine”, moved to 2026-03-11 18:00 Europe/London; "
                             "2026-03-24 18:00 Europe/London: as the series has it; "
                             "2026-04-07 18:00 Europe/London: not taken out");
  g_assert_cmpstr (there, ==, "Weekly call (2026-03-03 18:00 Europe/London) — "
                              "2026-03-10 18:00 Europe/London: “Theirs”, moved to 2026-03-11 18:00 Europe/London; "
                              "2026-03-24 18:00 Europe/London: “Weekly call”, cancelled; "
                              "2026-04-07 18:00 Europe/London: taken out");
  /* A raised SEQUENCE or another DTSTAMP changes no meeting. */
  g_assert_cmpstr (agreed, ==, item);
  g_assert_cmpstr (deleted, ==, item);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/resolve/fields", test_fields);
  g_test_add_func ("/sync/resolve/fields-same-order", test_fields_same_order);
  g_test_add_func ("/sync/resolve/deleted-and-unreadable", test_deleted_and_unreadable);
  g_test_add_func ("/sync/resolve/describe", test_describe);
  g_test_add_func ("/sync/resolve/describe-series", test_describe_series);
  return g_test_run ();
}
