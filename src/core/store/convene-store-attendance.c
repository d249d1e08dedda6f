/* convene-store-attendance.c: who attended which session, or which
 * occurrence of a series.
 *
 * Attendance rows are entities like the others (so they are validated,
 * announced and exported the same way); these calls read and set them by
 * session, occurrence and person, as the session page's check boxes do.
 * An occurrence is named by its start as the series' rule gives it, so
 * moving that one meeting keeps who came to it.
 */
#include "config.h"

#include "store/convene-store-private.h"
#include "model/convene-attendance.h"
#include "model/convene-values.h"

static void
bind_occurrence (sqlite3_stmt *stmt,
                 int           index,
                 GDateTime    *occurrence)
{
  if (occurrence != NULL)
    sqlite3_bind_text (stmt, index, convene_instant_to_string (occurrence), -1, g_free);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * convene_store_get_occurrence_attendance:
 * @occurrence: (nullable): one occurrence of a series, or %NULL for the
 *   session itself
 *
 * Returns: (transfer full) (element-type gint64): the ids of the people who
 *   attended, in ascending order
 */
GArray *
convene_store_get_occurrence_attendance (ConveneStore  *self,
                                         gint64         session_id,
                                         GDateTime     *occurrence,
                                         GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = _convene_store_prepare (self, "SELECT person FROM attendance WHERE session = ?1"
                                       " AND occurrence IS ?2 ORDER BY person", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  bind_occurrence (stmt, 2, occurrence);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * convene_store_get_attendance:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the people who
 *   attended the session (not one occurrence of it), in ascending order
 */
GArray *
convene_store_get_attendance (ConveneStore  *self,
                              gint64         session_id,
                              GError       **error)
{
  return convene_store_get_occurrence_attendance (self, session_id, NULL, error);
}

GPtrArray *
convene_store_get_attended_occurrences (ConveneStore  *self,
                                        gint64         session_id,
                                        GError       **error)
{
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = _convene_store_prepare (self, "SELECT DISTINCT occurrence FROM attendance WHERE session = ?1"
                                       " AND occurrence IS NOT NULL ORDER BY occurrence", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDateTime *at = convene_instant_parse ((const char *) sqlite3_column_text (stmt, 0));

      if (at != NULL)
        g_ptr_array_add (occurrences, at);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&occurrences);
}

gboolean
convene_store_set_occurrence_attended (ConveneStore  *self,
                                       gint64         session_id,
                                       GDateTime     *occurrence,
                                       gint64         person_id,
                                       gboolean       attended,
                                       GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  if (attended)
    {
      g_autoptr(ConveneAttendance) row = convene_attendance_new ();

      convene_attendance_set_session (row, session_id);
      convene_attendance_set_person (row, person_id);
      convene_attendance_set_occurrence (row, occurrence);
      stmt = _convene_store_prepare (self, "SELECT 1 FROM attendance WHERE session = ?1 AND person = ?2"
                                           " AND occurrence IS ?3", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      bind_occurrence (stmt, 3, occurrence);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc == SQLITE_ROW)
        return TRUE;
      return convene_store_add (self, CONVENE_ENTITY (row), error);
    }

  rows = convene_store_query (self, CONVENE_TYPE_ATTENDANCE, "session", session_id, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      ConveneAttendance *row = g_ptr_array_index (rows, i);
      GDateTime *at = convene_attendance_get_occurrence (row);

      if (convene_attendance_get_person (row) == person_id &&
          ((at == NULL && occurrence == NULL) ||
           (at != NULL && occurrence != NULL && g_date_time_equal (at, occurrence))))
        return convene_store_remove (self, CONVENE_ENTITY (row), error);
    }
  return TRUE;
}

gboolean
convene_store_set_attended (ConveneStore  *self,
                            gint64         session_id,
                            gint64         person_id,
                            gboolean       attended,
                            GError       **error)
{
  return convene_store_set_occurrence_attended (self, session_id, NULL, person_id, attended, error);
}
