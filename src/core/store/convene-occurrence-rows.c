/* convene-occurrence-rows.c: every occurrence of a plan's sessions, in list
 * order.
 *
 * The dated series are read first (they are few: a series is one row
 * however often it meets), with their exceptions, and expanded over the
 * months asked for by the time room's engine (time/convene-occurrences.h);
 * their occurrences are put in list order, then merged into the stream of
 * the other sessions, which still comes straight from SQLite a row at a
 * time (convene_session_rows_foreach()).  A year of 100,000 sessions stays
 * one pass over the month index plus the series' own occurrences.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "store/convene-occurrence-rows.h"
#include "store/convene-store-private.h"
#include "model/convene-enum-types.h"
#include "time/convene-occurrences.h"
#include "time/convene-zone.h"

/* A moved occurrence may land in another month: occurrences are expanded
 * this far either side of the months asked for, then kept by their month. */
#define MOVE_MARGIN (62 * 86400)

typedef struct {
  gint64                occurrence;
  ConveneExceptionKind  kind;
  gboolean              moved;
  gint64                start;
  char                 *topic;
  char                 *lead;
  ConveneSessionStatus  status;
} Exception;

typedef struct {
  ConveneSessionRow  row;        /* its strings are owned by the Series */
  char              *strings[8]; /* month, timezone, language, lead, topic, recurrence,
                                  * notes, speakers */
  int                plan_year;
  GArray            *exceptions; /* Exception */
} Series;

typedef struct {
  Series               *series;
  gint64                start;
  gint64                occurrence;
  const char           *topic;
  const char           *lead;
  ConveneSessionStatus  status;
  char                  month[8];
} Occurrence;

static void
exception_clear (gpointer data)
{
  Exception *e = data;

  g_free (e->topic);
  g_free (e->lead);
}

static void
series_free (gpointer data)
{
  Series *s = data;

  for (guint i = 0; i < G_N_ELEMENTS (s->strings); i++)
    g_free (s->strings[i]);
  g_clear_pointer (&s->exceptions, g_array_unref);
  g_free (s);
}

static gboolean
fail_read (ConveneStore  *store,
           GError       **error)
{
  sqlite3 *db = _convene_store_get_db (store);

  return _convene_store_set_sqlite_error (store, sqlite3_errcode (db), error);
}

static const char *
column_dup (sqlite3_stmt  *stmt,
            int            column,
            char         **slot)
{
  *slot = g_strdup ((const char *) sqlite3_column_text (stmt, column));
  return *slot;
}

/* The dated series of @plan (or of every plan), by id. */
static gboolean
read_series (ConveneStore  *store,
             gint64         plan,
             GHashTable    *by_id,
             GPtrArray     *all,
             GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (_convene_store_get_db (store),
                          "SELECT s.id, s.plan, s.month, s.start, s.timezone, s.status, s.language,"
                          " s.lead, s.topic, s.recurrence, p.year, s.format, s.duration_minutes,"
                          " s.notes, s.speakers"
                          " FROM sessions s JOIN plans p ON p.id = s.plan"
                          " WHERE s.recurrence IS NOT NULL AND s.start IS NOT NULL"
                          " AND (?1 = 0 OR s.plan = ?1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return fail_read (store, error);
  sqlite3_bind_int64 (stmt, 1, plan);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Series *s = g_new0 (Series, 1);

      s->row.id = sqlite3_column_int64 (stmt, 0);
      s->row.plan = sqlite3_column_int64 (stmt, 1);
      s->row.month = column_dup (stmt, 2, &s->strings[0]);
      s->row.dated = _convene_store_parse_instant ((const char *) sqlite3_column_text (stmt, 3),
                                                   &s->row.start);
      s->row.timezone = column_dup (stmt, 4, &s->strings[1]);
      s->row.status = _convene_store_parse_session_status ((const char *) sqlite3_column_text (stmt, 5));
      s->row.language = column_dup (stmt, 6, &s->strings[2]);
      s->row.lead = column_dup (stmt, 7, &s->strings[3]);
      s->row.topic = column_dup (stmt, 8, &s->strings[4]);
      if (s->row.topic == NULL)
        s->row.topic = "";
      s->row.recurrence = column_dup (stmt, 9, &s->strings[5]);
      s->plan_year = sqlite3_column_int (stmt, 10);
      s->row.format = _convene_store_parse_session_format ((const char *) sqlite3_column_text (stmt, 11));
      s->row.duration_minutes = sqlite3_column_int (stmt, 12);
      s->row.notes = column_dup (stmt, 13, &s->strings[6]);
      s->row.speakers = column_dup (stmt, 14, &s->strings[7]);
      s->exceptions = g_array_new (FALSE, TRUE, sizeof (Exception));
      g_array_set_clear_func (s->exceptions, exception_clear);
      if (!s->row.dated)
        {
          series_free (s);
          continue;
        }
      g_ptr_array_add (all, s);
      g_hash_table_insert (by_id, &s->row.id, s);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || fail_read (store, error);
}

static int
parse_enum (GType       type,
            const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value != NULL ? value->value : 0;
}

static gboolean
read_exceptions (ConveneStore  *store,
                 gint64         plan,
                 GHashTable    *by_id,
                 GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (g_hash_table_size (by_id) == 0)
    return TRUE;
  if (sqlite3_prepare_v2 (_convene_store_get_db (store),
                          "SELECT e.session, e.occurrence, e.kind, e.start, e.topic, e.lead, e.status"
                          " FROM session_exceptions e JOIN sessions s ON s.id = e.session"
                          " WHERE (?1 = 0 OR s.plan = ?1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return fail_read (store, error);
  sqlite3_bind_int64 (stmt, 1, plan);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Series *s = g_hash_table_lookup (by_id, &id);
      Exception e = { 0 };

      if (s == NULL ||
          !_convene_store_parse_instant ((const char *) sqlite3_column_text (stmt, 1), &e.occurrence))
        continue;
      e.kind = parse_enum (CONVENE_TYPE_EXCEPTION_KIND, (const char *) sqlite3_column_text (stmt, 2));
      e.moved = _convene_store_parse_instant ((const char *) sqlite3_column_text (stmt, 3), &e.start);
      e.topic = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e.lead = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      e.status = _convene_store_parse_session_status ((const char *) sqlite3_column_text (stmt, 6));
      g_array_append_val (s->exceptions, e);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || fail_read (store, error);
}

/* "YYYY-MM" of a wall-clock time (Unix seconds read as if in UTC). */
static void
month_of_wall (gint64  wall,
               char    out[8])
{
  GDate date;
  gint64 days = wall >= 0 ? wall / 86400 : -((-wall + 86399) / 86400);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (days + 719163));
  g_snprintf (out, 8, "%04d-%02d", g_date_get_year (&date), g_date_get_month (&date));
}

/* The first instant of "YYYY-MM" read as UTC; @next for the month after. */
static gint64
month_start (const char *month,
             gboolean    next)
{
  int year = atoi (month), m = atoi (month + 5);
  GDate date;

  if (next && ++m > 12)
    m = 1, year++;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, m, year);
  return ((gint64) g_date_get_julian (&date) - 719163) * 86400;
}

static GTimeZone *
zone_for (GHashTable *zones,
          const char *zone)
{
  GTimeZone *tz;

  if (zone == NULL)
    zone = "UTC";
  tz = g_hash_table_lookup (zones, zone);
  if (tz == NULL)
    {
      tz = convene_timezone_new (zone);
      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      g_hash_table_insert (zones, g_strdup (zone), tz);
    }
  return tz;
}

/* Appends @s's occurrences whose month (in the series' zone) is within
 * [@first, @last] to @out; FALSE when its rule cannot be read, so that it
 * is listed as it is stored. */
static gboolean
expand_series (Series     *s,
               GTimeZone  *tz,
               const char *first,
               const char *last,
               GArray     *out)
{
  g_autoptr(ConveneRecurrence) r = convene_recurrence_new_with_tz (s->row.recurrence, tz,
                                                                   s->row.start, NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  ConveneZoneOffsets offsets;

  if (r == NULL)
    return FALSE;
  convene_zone_offsets_init (&offsets, tz);
  for (guint i = 0; i < s->exceptions->len; i++)
    {
      Exception *e = &g_array_index (s->exceptions, Exception, i);

      if (e->kind == CONVENE_EXCEPTION_KIND_REMOVED)
        g_array_append_val (removed, e->occurrence);
      else if (e->kind == CONVENE_EXCEPTION_KIND_ADDED)
        g_array_append_val (added, e->occurrence);
    }
  convene_recurrence_add_exdates (r, (gint64 *) (gpointer) removed->data, removed->len);
  convene_recurrence_add_dates (r, (gint64 *) (gpointer) added->data, added->len);
  convene_recurrence_expand (r, month_start (first, FALSE) - MOVE_MARGIN,
                             month_start (last, TRUE) + MOVE_MARGIN, starts);

  for (guint i = 0; i < starts->len; i++)
    {
      Occurrence o = { s, 0, 0, s->row.topic, s->row.lead, s->row.status, "" };

      o.occurrence = o.start = g_array_index (starts, gint64, i);
      for (guint j = 0; j < s->exceptions->len; j++)
        {
          Exception *e = &g_array_index (s->exceptions, Exception, j);

          if (e->kind != CONVENE_EXCEPTION_KIND_CHANGED || e->occurrence != o.occurrence)
            continue;
          if (e->moved)
            o.start = e->start;
          if (e->topic != NULL)
            o.topic = e->topic;
          if (e->lead != NULL)
            o.lead = e->lead;
          o.status = e->status;
        }
      month_of_wall (convene_zone_offsets_instant_to_wall (&offsets, o.start), o.month);
      if (strcmp (o.month, first) >= 0 && strcmp (o.month, last) <= 0)
        g_array_append_val (out, o);
    }
  return TRUE;
}

/* List order: by month, by start, by id; one series' occurrences by start. */
static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  const Occurrence *x = a, *y = b;
  int cmp = strcmp (x->month, y->month);

  if (cmp != 0)
    return cmp;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->series->row.id != y->series->row.id)
    return x->series->row.id < y->series->row.id ? -1 : 1;
  return (x->occurrence > y->occurrence) - (x->occurrence < y->occurrence);
}

typedef struct {
  GArray                *occurrences;
  guint                  next;
  GHashTable            *expanded;   /* gint64 id of a series listed by occurrence */
  ConveneSessionRowFunc  func;
  gpointer               user_data;
  gboolean               stopped;
} Merge;

/* Whether occurrence @o comes before @row in list order. */
static gboolean
comes_before (const Occurrence        *o,
              const ConveneSessionRow *row)
{
  int cmp;

  if (row->month == NULL)
    return TRUE;
  cmp = strcmp (o->month, row->month);
  if (cmp != 0)
    return cmp < 0;
  if (!row->dated)
    return TRUE;
  if (o->start != row->start)
    return o->start < row->start;
  return o->series->row.id < row->id;
}

static gboolean
emit_occurrence (Merge      *m,
                 Occurrence *o)
{
  ConveneSessionRow row = o->series->row;

  row.month = o->month;
  row.start = o->start;
  row.topic = o->topic != NULL ? o->topic : "";
  row.lead = o->lead;
  row.status = o->status;
  row.in_series = TRUE;
  row.occurrence = o->occurrence;
  m->stopped = !m->func (&row, m->user_data);
  return !m->stopped;
}

static gboolean
merge_row_cb (const ConveneSessionRow *row,
              gpointer                 user_data)
{
  Merge *m = user_data;

  if (row->recurrence != NULL && g_hash_table_contains (m->expanded, &row->id))
    return TRUE;
  for (; m->next < m->occurrences->len; m->next++)
    {
      Occurrence *o = &g_array_index (m->occurrences, Occurrence, m->next);

      if (!comes_before (o, row))
        break;
      if (!emit_occurrence (m, o))
        return FALSE;
    }
  m->stopped = !m->func (row, m->user_data);
  return !m->stopped;
}

/* The months a series is expanded over: those asked for, or (without
 * bounds) from its first start through the end of its plan's year. */
static void
series_months (Series     *s,
               GTimeZone  *tz,
               const char *first_month,
               const char *last_month,
               char        first[8],
               char        last[8])
{
  char start_month[8];

  month_of_wall (convene_zone_instant_to_wall (tz, s->row.start), start_month);
  g_strlcpy (first, first_month != NULL ? first_month : start_month, 8);
  if (last_month != NULL)
    g_strlcpy (last, last_month, 8);
  else
    g_snprintf (last, 8, "%04d-12", MAX (s->plan_year, atoi (start_month)));
}

gboolean
convene_occurrence_rows_foreach (ConveneStore          *store,
                                 gint64                 plan,
                                 const char            *first_month,
                                 const char            *last_month,
                                 ConveneSessionRowFunc  func,
                                 gpointer               user_data,
                                 GError               **error)
{
  return convene_occurrence_rows_foreach_matching (store, plan, first_month, last_month, NULL,
                                                   func, user_data, error);
}

/* Like convene_occurrence_rows_foreach(), reading as @query asks
 * (convene_session_rows_foreach_matching()): the single sessions that
 * cannot match its words are left out, every series' meetings are still
 * given; in month order only, a month's meetings still come together. */
gboolean
convene_occurrence_rows_foreach_matching (ConveneStore          *store,
                                          gint64                 plan,
                                          const char            *first_month,
                                          const char            *last_month,
                                          const ConveneRowQuery *query,
                                          ConveneSessionRowFunc  func,
                                          gpointer               user_data,
                                          GError               **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (series_free);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_time_zone_unref);
  g_autoptr(GHashTable) expanded = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  Merge m = { occurrences, 0, expanded, func, user_data, FALSE };

  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!read_series (store, plan, by_id, all, error) || !read_exceptions (store, plan, by_id, error))
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      Series *s = g_ptr_array_index (all, i);
      GTimeZone *tz = zone_for (zones, s->row.timezone);
      char first[8], last[8];

      series_months (s, tz, first_month, last_month, first, last);
      if (expand_series (s, tz, first, last, occurrences))
        g_hash_table_add (expanded, &s->row.id);
    }
  g_array_sort (occurrences, compare_occurrences);

  if (!convene_session_rows_foreach_matching (store, plan, first_month, last_month, query,
                                              merge_row_cb, &m, error))
    return FALSE;
  /* What is left comes after the last stored row (or there were none). */
  for (; !m.stopped && m.next < occurrences->len; m.next++)
    if (!emit_occurrence (&m, &g_array_index (occurrences, Occurrence, m.next)))
      break;
  return TRUE;
}
