/* convene-store-check.c: `convene-cli check`: SQLite's integrity and
 * foreign-key checks and the schema version, as a report for a person. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "store/convene-store-private.h"

/**
 * convene_store_check:
 * @ok: (out): whether the database is sound
 *
 * Runs SQLite's integrity and foreign-key checks.
 *
 * Returns: (transfer full): a report for a person, one finding per line
 */
char *
convene_store_check (ConveneStore  *self,
                     gboolean      *ok,
                     GError       **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean sound = TRUE;
  guint problems = 0;
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  stmt = _convene_store_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          sound = FALSE;
          g_string_append_printf (report, _("Integrity: %s\n"), line);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _convene_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (sound)
    g_string_append (report, _("Integrity: ok\n"));

  stmt = _convene_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      problems++;
      g_string_append_printf (report, _("Reference: row %" PRId64 " of %s points to a missing row of %s\n"),
                              (gint64) sqlite3_column_int64 (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (problems == 0)
    g_string_append (report, _("References: ok\n"));
  else
    sound = FALSE;

  g_string_append_printf (report, _("Schema version: %d (this Convene writes %d)\n"),
                          convene_store_get_schema_version (self), CONVENE_STORE_SCHEMA_VERSION);
  if (ok != NULL)
    *ok = sound;
  return g_string_free (g_steal_pointer (&report), FALSE);
}
