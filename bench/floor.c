/* floor.c: the least work an iCalendar import and a year's listing can be.
 *
 *   floor import FILE.ics DB   libical parses the whole file, then one SQLite
 *                              transaction inserts a row per VEVENT through
 *                              one prepared statement
 *   floor list DB YEAR         one range query over an index, every row printed
 *   floor expand DB YEAR       the same year with every series expanded by
 *                              libical's recurrence iterator in the series'
 *                              zone (icaltimezone_get_builtin_timezone), one
 *                              line an occurrence, all sorted by start
 *   floor iterate DB YEAR      libical's recurrence iterator alone: every
 *                              series is read first, then only stepping
 *                              through its occurrences of the year on its
 *                              wall clock is timed (CPU, in the process)
 *
 * floor iterate and a bare start of this program (which loads libical and
 * SQLite and does nothing) are a bound: no listing that expands series
 * with libical's iterator can take less than their sum on this machine.
 *
 * No checks, no warnings, no model objects: what is left is the price of
 * libical and SQLite themselves, the floor Convene's import and list are
 * measured against.  Build: see bench/README.md.
 */
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *
read_file (const char *path)
{
  FILE *file = fopen (path, "rb");
  char *text;
  long size;

  if (file == NULL || fseek (file, 0, SEEK_END) != 0 || (size = ftell (file)) < 0)
    {
      perror (path);
      exit (1);
    }
  rewind (file);
  text = malloc (size + 1);
  if (text == NULL || fread (text, 1, size, file) != (size_t) size)
    {
      perror (path);
      exit (1);
    }
  text[size] = '\0';
  fclose (file);
  return text;
}

static void
check (sqlite3 *db,
       int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "sqlite: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
}

static void
insert_event (sqlite3_stmt  *insert,
              icalcomponent *event)
{
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaldurationtype duration = icalcomponent_get_duration (event);
  icalproperty *rrule = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  const char *tzid = icaltime_get_tzid (start);
  char *recurrence = NULL;

  if (rrule != NULL)
    {
      struct icalrecurrencetype recur = icalproperty_get_rrule (rrule);

      recurrence = icalrecurrencetype_as_string_r (&recur);
    }
  sqlite3_reset (insert);
  sqlite3_bind_text (insert, 1, icalcomponent_get_summary (event), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 2, (sqlite3_int64) icaltime_as_timet_with_zone (start, start.zone));
  sqlite3_bind_text (insert, 3, tzid != NULL ? tzid : "UTC", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (insert, 4, icaldurationtype_as_int (duration) / 60);
  sqlite3_bind_text (insert, 5, recurrence, -1, SQLITE_TRANSIENT);
  sqlite3_step (insert);
  free (recurrence);
}

static int
import (const char *path,
        const char *db_path)
{
  char *text = read_file (path);
  icalcomponent *calendar = icalparser_parse_string (text);
  sqlite3_stmt *insert;
  sqlite3 *db;
  int n = 0;

  free (text);
  check (NULL, sqlite3_open (db_path, &db));
  check (db, sqlite3_exec (db, "PRAGMA journal_mode=WAL;"
                               "CREATE TABLE IF NOT EXISTS sessions (id INTEGER PRIMARY KEY,"
                               " topic TEXT, start INTEGER, timezone TEXT, minutes INTEGER,"
                               " recurrence TEXT);"
                               "CREATE INDEX IF NOT EXISTS sessions_start ON sessions (start);"
                               "BEGIN;", NULL, NULL, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT INTO sessions (topic, start, timezone, minutes,"
                                     " recurrence) VALUES (?, ?, ?, ?, ?)", -1, &insert, NULL));
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT), n++)
    insert_event (insert, event);
  sqlite3_finalize (insert);
  check (db, sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL));
  sqlite3_close (db);
  icalcomponent_free (calendar);
  fprintf (stderr, "%d events\n", n);
  return 0;
}

static int
list (const char *db_path,
      int         year)
{
  sqlite3_stmt *query;
  sqlite3 *db;
  char from[32], to[32];

  snprintf (from, sizeof from, "%d-01-01", year);
  snprintf (to, sizeof to, "%d-01-01", year + 1);
  check (NULL, sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL));
  check (db, sqlite3_prepare_v2 (db, "SELECT id, topic, datetime(start, 'unixepoch'), timezone,"
                                     " minutes FROM sessions WHERE start >= unixepoch(?)"
                                     " AND start < unixepoch(?) ORDER BY start", -1, &query, NULL));
  sqlite3_bind_text (query, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (query, 2, to, -1, SQLITE_STATIC);
  while (sqlite3_step (query) == SQLITE_ROW)
    printf ("%lld\t%s\t%s\t%s\t%d\n", sqlite3_column_int64 (query, 0),
            (const char *) sqlite3_column_text (query, 2),
            (const char *) sqlite3_column_text (query, 3),
            (const char *) sqlite3_column_text (query, 1), sqlite3_column_int (query, 4));
  sqlite3_finalize (query);
  sqlite3_close (db);
  return 0;
}

/* One occurrence to print: its start and the row it comes from. */
typedef struct {
  long long start;
  long long row;
} Occurrence;

typedef struct {
  Occurrence *items;
  size_t      len, size;
} Occurrences;

static void
add_occurrence (Occurrences *out,
                long long    start,
                long long    row)
{
  if (out->len == out->size)
    {
      out->size = out->size ? 2 * out->size : 4096;
      out->items = realloc (out->items, out->size * sizeof *out->items);
      if (out->items == NULL)
        exit (1);
    }
  out->items[out->len].start = start;
  out->items[out->len++].row = row;
}

static int
compare_occurrences (const void *a,
                     const void *b)
{
  const Occurrence *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->row > y->row) - (x->row < y->row);
}

/* The starts of a series' occurrences in [@from, @to): libical's iterator
 * from the first start's wall clock in its zone, which is itself always
 * an occurrence (RFC 5545 counts it first even when the rule would not
 * give it, as Convene does). */
static void
expand_series (Occurrences *out,
               long long    row,
               long long    first,
               const char  *tzid,
               const char  *rule_text,
               long long    from,
               long long    to)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (tzid);
  struct icalrecurrencetype rule = icalrecurrencetype_from_string (rule_text);
  struct icaltimetype start;
  icalrecur_iterator *it;

  if (zone == NULL)
    zone = icaltimezone_get_utc_timezone ();
  start = icaltime_from_timet_with_zone ((time_t) first, 0, zone);
  if (first >= from && first < to)
    add_occurrence (out, first, row);
  it = icalrecur_iterator_new (rule, start);
  if (it == NULL)
    return;
  for (struct icaltimetype next = icalrecur_iterator_next (it);
       !icaltime_is_null_time (next);
       next = icalrecur_iterator_next (it))
    {
      long long instant = (long long) icaltime_as_timet_with_zone (next, zone);

      if (instant >= to)
        break;
      if (instant >= from && instant != first)
        add_occurrence (out, instant, row);
    }
  icalrecur_iterator_free (it);
}

static int
expand (const char *db_path,
        int         year)
{
  sqlite3_stmt *query;
  sqlite3 *db;
  Occurrences out = { NULL, 0, 0 };
  struct tm tm = { 0 };
  long long from, to;
  char text[32];

  tm.tm_mday = 1;
  tm.tm_year = year - 1900;
  from = (long long) timegm (&tm);
  tm.tm_year = year + 1 - 1900;
  to = (long long) timegm (&tm);
  check (NULL, sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL));
  /* The year's single sessions over the index, and every series. */
  check (db, sqlite3_prepare_v2 (db, "SELECT id, start, timezone, recurrence FROM sessions"
                                     " WHERE (start >= ?1 AND start < ?2) OR recurrence IS NOT NULL",
                                 -1, &query, NULL));
  sqlite3_bind_int64 (query, 1, from);
  sqlite3_bind_int64 (query, 2, to);
  while (sqlite3_step (query) == SQLITE_ROW)
    {
      long long row = sqlite3_column_int64 (query, 0), start = sqlite3_column_int64 (query, 1);
      const char *rule = (const char *) sqlite3_column_text (query, 3);

      if (rule == NULL)
        add_occurrence (&out, start, row);
      else
        expand_series (&out, row, start, (const char *) sqlite3_column_text (query, 2), rule,
                       from, to);
    }
  sqlite3_finalize (query);
  qsort (out.items, out.len, sizeof *out.items, compare_occurrences);

  check (db, sqlite3_prepare_v2 (db, "SELECT topic, timezone, minutes FROM sessions WHERE id = ?",
                                 -1, &query, NULL));
  for (size_t i = 0; i < out.len; i++)
    {
      time_t start = (time_t) out.items[i].start;

      gmtime_r (&start, &tm);
      strftime (text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
      sqlite3_bind_int64 (query, 1, out.items[i].row);
      if (sqlite3_step (query) == SQLITE_ROW)
        printf ("%lld\t%s\t%s\t%s\t%d\n", out.items[i].row, text,
                (const char *) sqlite3_column_text (query, 1),
                (const char *) sqlite3_column_text (query, 0), sqlite3_column_int (query, 2));
      sqlite3_reset (query);
    }
  sqlite3_finalize (query);
  sqlite3_close (db);
  fprintf (stderr, "%zu occurrences\n", out.len);
  free (out.items);
  return 0;
}

/* libical's iterator alone over a year, on each series' wall clock.  The
 * rows are read and each first start put on its zone's wall clock (by the
 * C library) before the clock starts, without calling libical; what is
 * timed is libical itself: reading each rule, its one-time set-up of ICU
 * on the first iterator, and stepping through the year. */
static int
iterate (const char *db_path,
         int         year)
{
  typedef struct { char *rule; struct icaltimetype start; } Series;
  sqlite3_stmt *query;
  sqlite3 *db;
  Series *series = NULL;
  size_t n = 0, size = 0;
  long long count = 0;
  struct icaltimetype end = icaltime_null_time ();
  struct timespec t0, t1;

  end.year = year;
  end.month = 12;
  end.day = 31;
  end.hour = 23;
  end.minute = 59;
  end.second = 59;
  check (NULL, sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL));
  check (db, sqlite3_prepare_v2 (db, "SELECT start, timezone, recurrence FROM sessions"
                                     " WHERE recurrence IS NOT NULL", -1, &query, NULL));
  while (sqlite3_step (query) == SQLITE_ROW)
    {
      time_t first = (time_t) sqlite3_column_int64 (query, 0);
      const char *tzid = (const char *) sqlite3_column_text (query, 1);
      struct tm wall;

      if (n == size)
        {
          size = size ? 2 * size : 1024;
          series = realloc (series, size * sizeof *series);
          if (series == NULL)
            exit (1);
        }
      setenv ("TZ", tzid != NULL ? tzid : "UTC", 1);
      tzset ();
      localtime_r (&first, &wall);
      series[n].rule = strdup ((const char *) sqlite3_column_text (query, 2));
      series[n].start = end;
      series[n].start.year = wall.tm_year + 1900;
      series[n].start.month = wall.tm_mon + 1;
      series[n].start.day = wall.tm_mday;
      series[n].start.hour = wall.tm_hour;
      series[n].start.minute = wall.tm_min;
      series[n].start.second = wall.tm_sec;
      n++;
    }
  sqlite3_finalize (query);
  sqlite3_close (db);

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t0);
  for (size_t i = 0; i < n; i++)
    {
      icalrecur_iterator *it = icalrecur_iterator_new (icalrecurrencetype_from_string (series[i].rule),
                                                       series[i].start);

      if (it == NULL)
        continue;
      for (struct icaltimetype next = icalrecur_iterator_next (it);
           !icaltime_is_null_time (next) && icaltime_compare (next, end) <= 0;
           next = icalrecur_iterator_next (it))
        count++;
      icalrecur_iterator_free (it);
    }
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t1);
  printf ("%lld occurrences of %zu series, iterator %.6f s\n", count, n,
          (double) (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
  for (size_t i = 0; i < n; i++)
    free (series[i].rule);
  free (series);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && strcmp (argv[1], "import") == 0)
    return import (argv[2], argv[3]);
  if (argc == 4 && strcmp (argv[1], "list") == 0)
    return list (argv[2], atoi (argv[3]));
  if (argc == 4 && strcmp (argv[1], "expand") == 0)
    return expand (argv[2], atoi (argv[3]));
  if (argc == 4 && strcmp (argv[1], "iterate") == 0)
    return iterate (argv[2], atoi (argv[3]));
  fprintf (stderr, "usage: floor import FILE.ics DB | floor list DB YEAR | floor expand DB YEAR"
                   " | floor iterate DB YEAR\n");
  return 2;
}
