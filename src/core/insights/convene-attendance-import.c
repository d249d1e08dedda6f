/* convene-attendance-import.c: a participant report into a session's
 * attendance, in one transaction.
 *
 * Zoom writes a summary block before its participants ("Meeting ID,
 * Topic, ..."), so the header is the first row naming a participant's
 * name.  A participant is matched to a person by name, its words in any
 * order with accents and case aside ("Pérez, María" is María Pérez), then
 * by the part of the email before the @ read as a name (maria.perez@...);
 * Zoom's "Name (Original Name)" is tried both ways.  A person who left and
 * joined again is one attendance; their minutes are summed.  Names that
 * match no one are listed, once each, for the window to offer creating. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "insights/convene-attendance-import.h"
#include "insights/convene-table-file.h"
#include "model/convene-person.h"
#include "model/convene-values.h"
#include "model/convene-session.h"

static const char * const name_columns[] = {
  "name", "name original name", "full name", "participant", "display name", "nombre",
  "participant name", NULL };
static const char * const first_columns[] = { "first name", "nombre de pila", NULL };
static const char * const last_columns[] = { "last name", "surname", "apellido", "apellidos", NULL };
static const char * const email_columns[] = {
  "email", "user email", "e mail", "email address", "participant email", "correo", NULL };
static const char * const duration_columns[] = {
  "duration", "duration minutes", "total duration minutes", "time in call", "duracion",
  "duracion minutos", NULL };

void
convene_attendance_result_clear (ConveneAttendanceResult *result)
{
  g_clear_pointer (&result->people, g_array_unref);
  g_clear_pointer (&result->minutes, g_array_unref);
  g_clear_pointer (&result->unmatched, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
}

static void
unmatched_free (ConveneUnmatchedParticipant *p)
{
  g_free (p->name);
  g_free (p->email);
  g_free (p);
}

typedef struct {
  int name, first, last, email, duration;
} Columns;

static const char *
cell_at (const ConveneTableRow *row,
         int                    column)
{
  if (column < 0 || column >= (int) g_strv_length (row->cells))
    return NULL;
  return *row->cells[column] != '\0' ? row->cells[column] : NULL;
}

/* Minutes from "42", "42.5", "1:02:03" (h:m:s) or "1 h 2 min"; -1 when none. */
static int
read_minutes (const char *text)
{
  g_auto(GStrv) parts = NULL;
  int total = 0;
  guint n;

  if (text == NULL)
    return -1;
  parts = g_strsplit (text, ":", -1);
  n = g_strv_length (parts);
  if (n == 3 || n == 2)
    {
      guint64 a, b;

      if (!g_ascii_string_to_unsigned (parts[0], 10, 0, 10000, &a, NULL) ||
          !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &b, NULL))
        return -1;
      return n == 3 ? (int) (a * 60 + b) : (int) a;
    }
  for (const char *p = text; *p != '\0';)
    {
      char *end;
      double value = g_ascii_strtod (p, &end);

      if (end == p)
        {
          p++;
          continue;
        }
      while (*end == ' ')
        end++;
      total += (int) (*end == 'h' ? value * 60 : (*end == 's' ? value / 60 : value));
      p = end;
    }
  return total;
}

/* The person a participant is, by their email, by name, by Zoom's
 * bracketed original name, or by their email's local part; NULL when none. */
static ConvenePerson *
match (GHashTable *people,
       const char *name,
       const char *email)
{
  g_autofree char *key = convene_table_file_name_key (name);
  g_autofree char *email_key = email != NULL ? g_strconcat ("@", email, NULL) : NULL;
  ConvenePerson *person = NULL;
  const char *open;

  /* the email a person was given first: it stays when the name is spelt
   * another way */
  if (email_key != NULL)
    {
      g_autofree char *lower = g_utf8_strdown (email_key, -1);

      person = g_hash_table_lookup (people, lower);
    }
  if (person == NULL)
    person = g_hash_table_lookup (people, key);

  if (person == NULL && name != NULL && (open = strchr (name, '(')) != NULL)
    {
      g_autofree char *outside = g_strndup (name, open - name);
      g_autofree char *inside = g_strdup (open + 1);
      g_autofree char *a = NULL, *b = NULL;

      g_strdelimit (inside, ")", '\0');
      a = convene_table_file_name_key (outside);
      b = convene_table_file_name_key (inside);
      person = g_hash_table_lookup (people, b);
      if (person == NULL)
        person = g_hash_table_lookup (people, a);
    }
  if (person == NULL && email != NULL && strchr (email, '@') != NULL)
    {
      g_autofree char *local = g_strndup (email, strchr (email, '@') - email);
      g_autofree char *local_key = convene_table_file_name_key (g_strdelimit (local, "._-+", ' '));

      if (*local_key != '\0' && strchr (local_key, ' ') != NULL)
        person = g_hash_table_lookup (people, local_key);
    }
  return person;
}

static GHashTable *
index_people (ConveneStore  *store,
              GError       **error)
{
  g_autoptr(GPtrArray) people = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, error);
  GHashTable *by_key;

  if (people == NULL)
    return NULL;
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < people->len; i++)
    {
      ConvenePerson *person = g_ptr_array_index (people, i);
      char *key = convene_table_file_name_key (convene_person_get_name (person));
      const char *email = convene_person_get_email (person);

      /* "@" and the email in lower case: no name key starts with "@" */
      if (email != NULL && *email != '\0')
        {
          g_autofree char *at = g_strconcat ("@", email, NULL);

          g_hash_table_insert (by_key, g_utf8_strdown (at, -1), g_object_ref (person));
        }
      if (!g_hash_table_contains (by_key, key))
        g_hash_table_insert (by_key, key, g_object_ref (person));
      else
        g_free (key);
    }
  return by_key;
}

/* The first row naming a participant column, and its columns. */
static guint
find_header (GPtrArray  *rows,
             Columns    *c)
{
  for (guint i = 0; i < rows->len; i++)
    {
      ConveneTableRow *row = g_ptr_array_index (rows, i);

      c->name = convene_table_file_column (row, name_columns);
      c->first = convene_table_file_column (row, first_columns);
      c->last = convene_table_file_column (row, last_columns);
      c->email = convene_table_file_column (row, email_columns);
      c->duration = convene_table_file_column (row, duration_columns);
      if (c->name >= 0 || c->first >= 0)
        return i;
    }
  return G_MAXUINT;
}

/* Reads the participants after the header into @result: who was there
 * (rejoins once), their minutes, and the names that match no one. */
/* Long because one pass does the three things a row needs (its name from one or two columns,
 * its match, its rejoin or its stranger) and splitting them would pass the same five tables
 * around. */
static void
read_participants (GPtrArray               *rows,
                   guint                    header,
                   const Columns           *c,
                   GHashTable              *people,
                   const char              *name,
                   ConveneAttendanceResult *result)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = header + 1; i < rows->len; i++)
    {
      ConveneTableRow *row = g_ptr_array_index (rows, i);
      const char *email = cell_at (row, c->email);
      g_autofree char *full = NULL;
      ConvenePerson *person;
      int minutes = read_minutes (cell_at (row, c->duration));

      if (c->name >= 0)
        full = g_strdup (cell_at (row, c->name));
      else
        full = g_strjoin (" ", cell_at (row, c->first) ? cell_at (row, c->first) : "",
                          cell_at (row, c->last) ? cell_at (row, c->last) : "", NULL);
      if (full == NULL || *g_strstrip (full) == '\0')
        {
          g_ptr_array_add (result->warnings,
                           g_strdup_printf ("%s:%u: %s", name, row->line,
                                            _("the row names no participant; it is left out")));
          continue;
        }
      result->rows++;
      person = match (people, full, email);
      if (person != NULL)
        {
          gint64 id = convene_entity_get_id (CONVENE_ENTITY (person));
          gpointer at;

          if (!g_hash_table_lookup_extended (index, &id, NULL, &at))
            {
              int zero = 0;

              g_array_append_val (result->people, id);
              g_array_append_val (result->minutes, zero);
              at = GUINT_TO_POINTER (result->people->len - 1);
              g_hash_table_insert (index, g_memdup2 (&id, sizeof id), at);
            }
          if (minutes > 0)
            g_array_index (result->minutes, int, GPOINTER_TO_UINT (at)) += minutes;
        }
      else
        {
          char *key = convene_table_file_name_key (full);

          if (!g_hash_table_contains (seen, key))
            {
              ConveneUnmatchedParticipant *p = g_new0 (ConveneUnmatchedParticipant, 1);

              p->name = g_strdup (full);
              p->email = g_strdup (email);
              p->line = row->line;
              g_ptr_array_add (result->unmatched, p);
              g_hash_table_add (seen, key);
            }
          else
            g_free (key);
        }
    }
}

/**
 * convene_attendance_import:
 * @session: the session the report is of
 * @name: the file's name, for messages
 * @dry_run: read and match, write nothing
 *
 * Returns: %TRUE when the report was read; the matched people are marked
 *   as attending @session, added to whoever was marked before
 */
gboolean
convene_attendance_import (ConveneStore            *store,
                           gint64                   session,
                           const char              *name,
                           const char              *contents,
                           gsize                    length,
                           gboolean                 dry_run,
                           ConveneAttendanceResult *result,
                           GError                 **error)
{
  g_autoptr(GObject) object = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) people = NULL;
  Columns columns;
  guint header;

  memset (result, 0, sizeof *result);
  result->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->minutes = g_array_new (FALSE, FALSE, sizeof (int));
  result->unmatched = g_ptr_array_new_with_free_func ((GDestroyNotify) unmatched_free);
  result->warnings = g_ptr_array_new_with_free_func (g_free);

  object = convene_store_load (store, CONVENE_TYPE_SESSION, session, error);
  if (object == NULL)
    return FALSE;
  rows = convene_table_file_read (name, contents, length, error);
  if (rows == NULL)
    return FALSE;
  header = find_header (rows, &columns);
  if (header == G_MAXUINT)
    {
      g_set_error (error, CONVENE_INSIGHTS_ERROR, CONVENE_INSIGHTS_ERROR_INVALID,
                   _("%s: no row names a participant column; expected a participant report with "
                     "a header such as Name, Email, Join time, Leave time, Duration"), name);
      return FALSE;
    }
  people = index_people (store, error);
  if (people == NULL)
    return FALSE;
  read_participants (rows, header, &columns, people, name, result);
  if (dry_run)
    return TRUE;
  return convene_attendance_write (store, session, NULL, result->people, NULL, 0, error);
}

/**
 * convene_attendance_write:
 * @occurrence: (nullable): the occurrence of a series, or %NULL for the session
 * @people: (nullable): gint64 ids of the people who attended
 * @additions: the participants to add as people, who attended too
 *
 * Marks @people and the new people made of @additions as attending, in
 * one transaction: all of it or, on an error, none of it.
 */
gboolean
convene_attendance_write (ConveneStore                *store,
                          gint64                       session,
                          GDateTime                   *occurrence,
                          GArray                      *people,
                          const ConveneNewParticipant *additions,
                          guint                        n_additions,
                          GError                     **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);
  g_return_val_if_fail (additions != NULL || n_additions == 0, FALSE);

  if (!convene_store_begin (store, error))
    return FALSE;
  for (guint i = 0; people != NULL && i < people->len; i++)
    if (!convene_store_set_occurrence_attended (store, session, occurrence,
                                                g_array_index (people, gint64, i), TRUE, error))
      goto failed;
  for (guint i = 0; i < n_additions; i++)
    {
      g_autoptr(ConvenePerson) person = convene_person_new ();

      convene_person_set_name (person, additions[i].name);
      /* a meeting tool writes what a guest typed: an address only if it is one */
      if (convene_email_is_valid (additions[i].email))
        convene_person_set_email (person, additions[i].email);
      convene_person_set_sector (person, additions[i].sector);
      convene_person_set_region (person, additions[i].region);
      if (!convene_store_add (store, CONVENE_ENTITY (person), error) ||
          !convene_store_set_occurrence_attended (store, session, occurrence,
                                                  convene_entity_get_id (CONVENE_ENTITY (person)), TRUE, error))
        goto failed;
    }
  return convene_store_commit (store, error);

failed:
  convene_store_rollback (store);
  return FALSE;
}
