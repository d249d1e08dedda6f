/* convene-store-attendance.c: who attended which session.
 *
 * Attendance rows are entities like the others (so they are validated,
 * announced and exported the same way); these calls read and set them by
 * session and person, as the session page's check boxes do.
 */
#include "config.h"

#include "store/convene-store-private.h"
#include "model/convene-attendance.h"

/**
 * convene_store_get_attendance:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the people who
 *   attended, in ascending order
 */
GArray *
convene_store_get_attendance (ConveneStore  *self,
                              gint64         session_id,
                              GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = _convene_store_prepare (self, "SELECT person FROM attendance WHERE session = ?1 ORDER BY person", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
convene_store_set_attended (ConveneStore  *self,
                            gint64         session_id,
                            gint64         person_id,
                            gboolean       attended,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);

  if (attended)
    {
      g_autoptr(ConveneAttendance) row = convene_attendance_new ();

      convene_attendance_set_session (row, session_id);
      convene_attendance_set_person (row, person_id);
      stmt = _convene_store_prepare (self, "SELECT 1 FROM attendance WHERE session = ?1 AND person = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        return TRUE;
      return convene_store_add (self, CONVENE_ENTITY (row), error);
    }
  else
    {
      g_autoptr(GPtrArray) rows = convene_store_query (self, CONVENE_TYPE_ATTENDANCE,
                                                       "session", session_id, error);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        if (convene_attendance_get_person (g_ptr_array_index (rows, i)) == person_id)
          return convene_store_remove (self, g_ptr_array_index (rows, i), error);
      return TRUE;
    }
}
