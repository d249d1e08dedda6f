/* convene-session-rows.c: sessions streamed from SQLite in list order,
 * without building a model object per row.  The order is the one
 * convene_entity_compare() gives, and its ORDER BY is written from the same
 * keys (model/convene-entity-order.h): SQLite walks the sessions_by_month
 * index and sorts only within each month. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/convene-enum-types.h"
#include "store/convene-session-rows.h"
#include "store/convene-store-private.h"
#include "model/convene-entity-order.h"
#include "model/convene-session.h"
#include "model/convene-values.h"

#define COLUMNS "id, plan, month, start, timezone, status, language, lead, topic, recurrence," \
  " format, duration_minutes, notes, speakers"

/* Every stored start is "YYYY-MM-DDTHH:MM:SSZ" (convene_instant_to_string);
 * those are read by hand, anything else the way the store reads it. */
gboolean
_convene_store_parse_instant (const char *text,
                              gint64     *seconds)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  g_autoptr(GDateTime) instant = NULL;
  int year, month, day, hour, minute, second;
  GDate date;

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      goto slow;
  if (text[sizeof pattern - 1] != '\0')
    goto slow;

#define DIGITS2(p) (((p)[0] - '0') * 10 + ((p)[1] - '0'))
  year = DIGITS2 (text) * 100 + DIGITS2 (text + 2);
  month = DIGITS2 (text + 5);
  day = DIGITS2 (text + 8);
  hour = DIGITS2 (text + 11);
  minute = DIGITS2 (text + 14);
  second = DIGITS2 (text + 17);
#undef DIGITS2
  if (year < 1000 || year > 9998 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year) || hour > 23 || minute > 59 || second > 59)
    goto slow;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  /* Day 1 of GDate is 0001-01-01; 1970-01-01 is day 719163. */
  *seconds = ((gint64) g_date_get_julian (&date) - 719163) * 86400 + hour * 3600 + minute * 60 + second;
  return TRUE;

slow:
  instant = convene_instant_parse (text);
  if (instant == NULL)
    return FALSE;
  *seconds = g_date_time_to_unix (instant);
  return TRUE;
}

/* An enum's value by its nick, 0 when unknown; the class is kept. */
static int
parse_nick (GType        type,
            GEnumClass **klass,
            const char  *nick)
{
  GEnumValue *value;

  if (*klass == NULL)
    *klass = g_type_class_ref (type);
  value = nick != NULL ? g_enum_get_value_by_nick (*klass, nick) : NULL;
  return value != NULL ? value->value : 0;
}

ConveneSessionStatus
_convene_store_parse_session_status (const char *nick)
{
  static GEnumClass *klass;

  return parse_nick (CONVENE_TYPE_SESSION_STATUS, &klass, nick);
}

ConveneSessionFormat
_convene_store_parse_session_format (const char *nick)
{
  static GEnumClass *klass;

  return parse_nick (CONVENE_TYPE_SESSION_FORMAT, &klass, nick);
}

static gboolean
set_read_error (ConveneStore  *store,
                GError       **error)
{
  int rc = sqlite3_errcode (_convene_store_get_db (store));

  /* A damaged file or a held lock is said as the store says it. */
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ||
      (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return _convene_store_set_sqlite_error (store, rc, error);
  g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
               /* Translators: the first %s is a file name, the second SQLite's own words */
               _("The database “%s” could not be read: %s"),
               convene_store_get_path (store), sqlite3_errmsg (_convene_store_get_db (store)));
  return FALSE;
}

/* Runs one prepared query to its end, or until @func says stop.
 * Returns 1 to go on, 0 when stopped, -1 on an error. */
static int
read_rows (ConveneStore           *store,
           sqlite3_stmt           *stmt,
           ConveneSessionRowFunc   func,
           gpointer                user_data,
           GError                **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConveneSessionRow row = { 0 };

      row.id = sqlite3_column_int64 (stmt, 0);
      row.plan = sqlite3_column_int64 (stmt, 1);
      row.month = (const char *) sqlite3_column_text (stmt, 2);
      row.dated = _convene_store_parse_instant ((const char *) sqlite3_column_text (stmt, 3), &row.start);
      row.timezone = (const char *) sqlite3_column_text (stmt, 4);
      row.status = _convene_store_parse_session_status ((const char *) sqlite3_column_text (stmt, 5));
      row.language = (const char *) sqlite3_column_text (stmt, 6);
      row.lead = (const char *) sqlite3_column_text (stmt, 7);
      row.topic = (const char *) sqlite3_column_text (stmt, 8);
      if (row.topic == NULL)
        row.topic = "";
      row.recurrence = (const char *) sqlite3_column_text (stmt, 9);
      row.format = _convene_store_parse_session_format ((const char *) sqlite3_column_text (stmt, 10));
      row.duration_minutes = sqlite3_column_int (stmt, 11);
      row.notes = (const char *) sqlite3_column_text (stmt, 12);
      row.speakers = (const char *) sqlite3_column_text (stmt, 13);
      if (!func (&row, user_data))
        return 0;
    }
  if (rc != SQLITE_DONE)
    {
      set_read_error (store, error);
      return -1;
    }
  return 1;
}

/* The search words SQLite can rule rows out by: those of plain ASCII, for
 * which a row that matches (as g_str_match_string() matches) holds the word
 * as ASCII letters in any case, unless it has letters of another script
 * that could stand for it ("Lucía" for "lucia").  So a row stays when it
 * holds each such word, or has a character outside ASCII, or is a series
 * (whose meetings may have a topic or lead of their own). */
static gboolean
is_ascii_word (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return *word != '\0';
}

static void
append_words (GString            *sql,
              const char * const *words)
{
  static const char *columns[] = { "topic", "lead", "notes", "speakers" };

  for (guint w = 0; words != NULL && words[w] != NULL; w++)
    {
      if (!is_ascii_word (words[w]))
        continue;
      g_string_append (sql, " AND (recurrence IS NOT NULL");
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        g_string_append_printf (sql, " OR %s LIKE :w%u ESCAPE '\\' OR %s GLOB :other",
                                columns[c], w, columns[c]);
      g_string_append (sql, ")");
    }
}

static void
bind_words (sqlite3_stmt       *stmt,
            const char * const *words)
{
  /* Any character past ASCII, in GLOB's terms. */
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":other"), "*[^\x01-\x7f]*", -1,
                     SQLITE_STATIC);
  for (guint w = 0; words != NULL && words[w] != NULL; w++)
    {
      g_autofree char *name = g_strdup_printf (":w%u", w);
      g_autoptr(GString) pattern = g_string_new ("%");
      int index = sqlite3_bind_parameter_index (stmt, name);

      if (index == 0)
        continue;
      for (const char *p = words[w]; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      sqlite3_bind_text (stmt, index, pattern->str, -1, SQLITE_TRANSIENT);
    }
}

static int
run_query (ConveneStore           *store,
           const char             *sql,
           gint64                  plan,
           const char             *first_month,
           const char             *last_month,
           const char * const     *words,
           ConveneSessionRowFunc   func,
           gpointer                user_data,
           GError                **error)
{
  sqlite3_stmt *stmt = NULL;
  int result;

  if (sqlite3_prepare_v2 (_convene_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_read_error (store, error);
      return -1;
    }
  /* Unused parameters are simply absent from the statement. */
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "?1"), plan);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "?2"), first_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "?3"), last_month, -1, SQLITE_STATIC);
  bind_words (stmt, words);
  result = read_rows (store, stmt, func, user_data, error);
  sqlite3_finalize (stmt);
  return result;
}

/* The session order's keys from @first on, as SQL: an empty value last
 * ("start IS NULL, start"), then the id.  A key the WHERE clause already
 * holds present needs no "IS NULL" term, and without one SQLite reads the
 * month index in order instead of sorting.  Text order is the comparator's:
 * months are "YYYY-MM" and starts the fixed-width UTC text that
 * convene_instant_to_string() writes, so bytes sort as instants do. */
static void
append_order (GString  *sql,
              guint     first,
              gboolean  first_present)
{
  guint n_keys;
  const ConveneOrderKey *keys = convene_entity_type_get_order (CONVENE_TYPE_SESSION, &n_keys);

  g_string_append (sql, " ORDER BY ");
  for (guint i = first; i < n_keys; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (CONVENE_TYPE_SESSION);
      g_autofree char *column = convene_field_dup_key (
        convene_entity_class_find_field (CONVENE_ENTITY_CLASS (klass), keys[i].field));

      g_assert (!keys[i].collate);
      if (i == first && first_present)
        g_string_append_printf (sql, "%s, ", column);
      else
        g_string_append_printf (sql, "%s IS NULL, %s, ", column, column);
    }
  g_string_append (sql, "id");
}

/* The column of the order's first key: what the two queries split on. */
static char *
first_key_column (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CONVENE_TYPE_SESSION);
  guint n_keys;
  const ConveneOrderKey *keys = convene_entity_type_get_order (CONVENE_TYPE_SESSION, &n_keys);

  g_assert (n_keys > 0);
  return convene_field_dup_key (convene_entity_class_find_field (CONVENE_ENTITY_CLASS (klass),
                                                                 keys[0].field));
}

/**
 * convene_session_rows_foreach:
 * @store: the store to read
 * @plan: only the sessions of this plan, or 0 for every plan
 * @first_month: (nullable): only sessions of this month ("YYYY-MM") or later
 * @last_month: (nullable): only sessions of this month or earlier
 * @func: called with each session in turn
 * @user_data: passed to @func
 * @error: where a failure to read is reported
 *
 * Calls @func for each session, in the order lists show them
 * (convene_entity_compare()): by month; within a month the dated sessions
 * by start, then those with only the month; the same start by id; sessions
 * to be confirmed, which have no month, last.  When a month bound is given,
 * sessions without a month are left out.
 *
 * Returns: %FALSE if reading failed; stopping early through @func is not a
 *   failure
 */
gboolean
convene_session_rows_foreach (ConveneStore          *store,
                              gint64                 plan,
                              const char            *first_month,
                              const char            *last_month,
                              ConveneSessionRowFunc  func,
                              gpointer               user_data,
                              GError               **error)
{
  return convene_session_rows_foreach_matching (store, plan, first_month, last_month, NULL,
                                                func, user_data, error);
}

/**
 * convene_session_rows_foreach_matching:
 * @query: (nullable): what else the reading asks for
 *
 * Like convene_session_rows_foreach(), but SQLite leaves out rows that
 * cannot match @query's words as g_str_match_string() would on the topic,
 * lead, notes or speakers.  Rows that are left in need not match: @func
 * still checks each one.  With @query's month_order, the rows of a month
 * come in no set order: SQLite reads them in the month index's order and
 * sorts nothing (at 100,000 sessions, sorting within the months is most
 * of the reading).
 */
gboolean
convene_session_rows_foreach_matching (ConveneStore          *store,
                                       gint64                 plan,
                                       const char            *first_month,
                                       const char            *last_month,
                                       const ConveneRowQuery *query,
                                       ConveneSessionRowFunc  func,
                                       gpointer               user_data,
                                       GError               **error)
{
  const char * const *words = query != NULL ? query->words : NULL;
  gboolean month_order = query != NULL && query->month_order;
  g_autofree char *month = first_key_column ();
  g_autoptr(GString) dated = g_string_new (NULL);
  g_autoptr(GString) undated = g_string_new (NULL);
  const char *plan_clause = plan != 0 ? " AND plan = ?1" : "";
  int result;

  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan >= 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* By month from the index; within a month, as lists show them. */
  g_string_printf (dated, "SELECT " COLUMNS " FROM sessions WHERE %s IS NOT NULL", month);
  if (first_month != NULL)
    g_string_append_printf (dated, " AND %s >= ?2", month);
  if (last_month != NULL)
    g_string_append_printf (dated, " AND %s <= ?3", month);
  g_string_append (dated, plan_clause);
  append_words (dated, words);
  if (month_order)
    g_string_append_printf (dated, " ORDER BY %s", month);
  else
    append_order (dated, 0, TRUE);
  result = run_query (store, dated->str, plan, first_month, last_month, words, func, user_data, error);
  if (result <= 0 || first_month != NULL || last_month != NULL)
    return result >= 0;

  /* Sessions without a month: NULL sorts first in SQLite, last in lists. */
  g_string_printf (undated, "SELECT " COLUMNS " FROM sessions WHERE %s IS NULL%s", month, plan_clause);
  append_words (undated, words);
  if (!month_order)
    append_order (undated, 1, FALSE);
  return run_query (store, undated->str, plan, NULL, NULL, words, func, user_data, error) >= 0;
}
