/* convene-roster-import.c: a members' roster into the database, in one
 * transaction.
 *
 * Columns are found by their header (English or Spanish, any order, any
 * letter case): name, email, organisation, sector, country, region,
 * timezone, languages, role; or a vCard file, its cards read as rows
 * (convene_table_file_read_vcards()).  A zone may be an IANA name or a city
 * (convene_zone_lookup()); a sector its nick or its English or Spanish
 * label; languages are separated by spaces, commas or semicolons.  A
 * person already known by name (its words in any order, accents and case
 * aside) is updated with the cells the roster fills.  The database keeps
 * no email addresses (its schema has no column for them), so an email
 * only tells two rows of the same file apart.
 *
 * What cannot be read in a row is a warning and the row keeps the rest; a
 * file that is not a roster (no header naming a name column, a quote
 * never closed, a row with more cells than the header) is an error naming
 * the file and line, and nothing is written. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "insights/convene-roster-import.h"
#include "insights/convene-table-file.h"
#include "model/convene-enum-labels.h"
#include "model/convene-enum-types.h"
#include "model/convene-person.h"
#include "model/convene-values.h"
#include "time/convene-zone.h"
#include "time/convene-zone-names.h"

enum {
  COL_NAME, COL_EMAIL, COL_ORGANISATION, COL_SECTOR, COL_COUNTRY, COL_REGION,
  COL_TIMEZONE, COL_LANGUAGES, COL_ROLE, N_COLUMNS
};

/* Header words as convene_zone_names_fold() gives them. */
static const char * const column_names[N_COLUMNS][6] = {
  { "name", "full name", "nombre", "member", NULL },
  { "email", "e mail", "email address", "correo", "correo electronico", NULL },
  { "organisation", "organization", "organizacion", "affiliation", NULL },
  { "sector", NULL },
  { "country", "pais", NULL },
  { "region", NULL },
  { "timezone", "time zone", "zone", "zona horaria", "huso horario", NULL },
  { "languages", "language", "idiomas", "idioma", NULL },
  { "role", "rol", NULL },
};

void
convene_roster_result_clear (ConveneRosterResult *result)
{
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
}

static void
warn (ConveneRosterResult *result,
      const char          *name,
      guint                line,
      const char          *message)
{
  g_ptr_array_add (result->warnings, g_strdup_printf ("%s:%u: %s", name, line, message));
}

/* A sector by its nick ("civil-society") or its English or Spanish label. */
static gboolean
find_sector (const char *text,
             int        *sector)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CONVENE_TYPE_SECTOR);
  g_autofree char *folded = convene_zone_names_fold (text, -1);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *languages[] = { "en", "es" };
      g_autofree char *nick = convene_zone_names_fold (klass->values[i].value_nick, -1);

      if (strcmp (nick, folded) == 0)
        return *sector = klass->values[i].value, TRUE;
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          const char *label = convene_enum_labels_lookup (CONVENE_TYPE_SECTOR, klass->values[i].value,
                                                          languages[l]);
          g_autofree char *label_folded = convene_zone_names_fold (label, -1);

          if (strcmp (label_folded, folded) == 0)
            return *sector = klass->values[i].value, TRUE;
        }
    }
  return FALSE;
}

static const char *
cell (const ConveneTableRow *row,
      const int             *columns,
      int                    which)
{
  if (columns[which] < 0 || columns[which] >= (int) g_strv_length (row->cells))
    return NULL;
  return *row->cells[columns[which]] != '\0' ? row->cells[columns[which]] : NULL;
}

/* An email written in other capitals is the same address: a roster that
 * shouts it does not rewrite the one already kept. */
static gboolean
same_email (const char *a,
            const char *b)
{
  g_autofree char *x = a != NULL ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *y = b != NULL ? g_utf8_casefold (b, -1) : NULL;

  return g_strcmp0 (x, y) == 0;
}

/* Fills @person with the cells @row has; what cannot be read is a warning. */
/* Long because it is one short rule a column (sector, zone, languages each warn in their own
 * words), read top to bottom. */
static void
fill_person (ConvenePerson         *person,
             const ConveneTableRow *row,
             const int             *columns,
             const char            *name,
             ConveneRosterResult   *result)
{
  const char *text;
  int sector;

  convene_person_set_name (person, cell (row, columns, COL_NAME));
  if ((text = cell (row, columns, COL_ORGANISATION)) != NULL)
    convene_person_set_organisation (person, text);
  if ((text = cell (row, columns, COL_COUNTRY)) != NULL)
    convene_person_set_country (person, text);
  if ((text = cell (row, columns, COL_REGION)) != NULL)
    convene_person_set_region (person, text);
  if ((text = cell (row, columns, COL_ROLE)) != NULL)
    convene_person_set_role (person, text);
  if ((text = cell (row, columns, COL_EMAIL)) != NULL && !convene_email_is_valid (text))
    {
      g_autofree char *m = g_strdup_printf (_("“%s” is not an email address; it is left out"), text);

      warn (result, name, row->line, m);
    }
  else if (text != NULL && !same_email (convene_person_get_email (person), text))
    convene_person_set_email (person, text);
  if ((text = cell (row, columns, COL_SECTOR)) != NULL)
    {
      if (find_sector (text, &sector))
        convene_person_set_sector (person, sector);
      else
        {
          g_autofree char *m = g_strdup_printf (_("“%s” is not a sector; expected one such as "
                                                  "civil-society or “National government”"), text);
          warn (result, name, row->line, m);
        }
    }
  if ((text = cell (row, columns, COL_TIMEZONE)) != NULL)
    {
      gboolean ambiguous = FALSE;
      g_autofree char *zone = convene_zone_lookup (text, &ambiguous);

      if (zone == NULL)
        {
          g_autofree char *m = g_strdup_printf (_("“%s” is not a time zone or a city Convene knows; "
                                                  "the zone is left as it was"), text);
          warn (result, name, row->line, m);
        }
      else
        {
          if (ambiguous)
            {
              g_autofree char *m = g_strdup_printf (_("“%s” could mean several zones; read as %s"),
                                                    text, zone);
              warn (result, name, row->line, m);
            }
          convene_person_set_timezone (person, zone);
        }
    }
  if ((text = cell (row, columns, COL_LANGUAGES)) != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (text, " ,;", -1);
      g_autoptr(GPtrArray) languages = g_ptr_array_new ();

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_ptr_array_add (languages, words[i]);
      g_ptr_array_add (languages, NULL);
      convene_person_set_languages (person, (const char * const *) languages->pdata);
    }
}

/* The columns of the header row; FALSE when it names no name column, or a
 * column twice. */
static gboolean
read_header (const ConveneTableRow *header,
             const char            *name,
             int                   *columns,
             ConveneRosterResult   *result,
             GError               **error)
{
  for (int c = 0; c < N_COLUMNS; c++)
    columns[c] = convene_table_file_column (header, column_names[c]);
  if (columns[COL_NAME] < 0)
    {
      g_set_error (error, CONVENE_INSIGHTS_ERROR, CONVENE_INSIGHTS_ERROR_INVALID,
                   _("%s:%u: the header row names no “name” column; expected a header such as "
                     "name, email, organisation, sector, country, region, timezone, languages, role"),
                   name, header->line);
      return FALSE;
    }
  for (guint i = 0; header->cells[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (int c = 0; c < N_COLUMNS; c++)
        known |= columns[c] == (int) i;
      if (!known)
        {
          g_autofree char *m = g_strdup_printf (_("the column “%s” is not one Convene reads; it is left out"),
                                                header->cells[i]);
          warn (result, name, header->line, m);
        }
    }
  return TRUE;
}

/* The people of the database by name key; @emails gets each one's email
 * (in lower case) to that key, so a row with a known email finds its
 * person even under a new name. */
static GHashTable *
index_people (ConveneStore  *store,
              GHashTable    *emails,
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

      if (email != NULL && *email != '\0')
        g_hash_table_insert (emails, g_utf8_strdown (email, -1), g_strdup (key));
      if (!g_hash_table_contains (by_key, key))
        g_hash_table_insert (by_key, key, g_object_ref (person));
      else
        g_free (key);
    }
  return by_key;
}

/* One row: found or made, filled, written.  FALSE only for a store error. */
static gboolean
import_row (ConveneStore          *store,
            GHashTable            *people,
            GHashTable            *emails,
            const ConveneTableRow *row,
            const int             *columns,
            const char            *name,
            ConveneRosterResult   *result,
            GError               **error)
{
  const char *person_name = cell (row, columns, COL_NAME);
  const char *cell_email = cell (row, columns, COL_EMAIL);
  g_autofree char *email = cell_email != NULL ? g_utf8_strdown (cell_email, -1) : NULL;
  g_autofree char *key = NULL;
  g_autoptr(ConvenePerson) person = NULL;
  gboolean known;

  if (person_name == NULL)
    {
      warn (result, name, row->line, _("the row has no name; it is left out"));
      return TRUE;
    }
  key = convene_table_file_name_key (person_name);
  if (email != NULL && g_hash_table_contains (emails, email))
    {
      /* an email already known, in the database or earlier in this file:
       * the same person, maybe renamed */
      g_free (key);
      key = g_strdup (g_hash_table_lookup (emails, email));
    }
  person = g_hash_table_lookup (people, key);
  known = person != NULL;
  person = known ? g_object_ref (person) : convene_person_new ();
  fill_person (person, row, columns, name, result);
  if (!(known ? convene_store_update (store, CONVENE_ENTITY (person), error)
              : convene_store_add (store, CONVENE_ENTITY (person), error)))
    {
      g_prefix_error (error, "%s:%u: ", name, row->line);
      return FALSE;
    }
  if (known)
    result->updated++;
  else
    result->created++;
  if (email != NULL)
    g_hash_table_replace (emails, g_strdup (email), g_strdup (key));
  g_hash_table_replace (people, g_steal_pointer (&key), g_steal_pointer (&person));
  return TRUE;
}

/* A vCard file starts with its first card, after blank lines or a BOM. */
static gboolean
looks_like_vcard (const char *contents,
                  gsize       length)
{
  const char *p = contents, *end = contents + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return end - p >= 11 && g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) == 0 &&
         g_utf8_validate_len (contents, length, NULL);
}

/**
 * convene_roster_import:
 * @name: the file's name, for messages
 * @dry_run: read and check everything, then write nothing
 *
 * Returns: %TRUE when every row was read (with warnings in @result)
 */
gboolean
convene_roster_import (ConveneStore        *store,
                       const char          *name,
                       const char          *contents,
                       gsize                length,
                       gboolean             dry_run,
                       ConveneRosterResult *result,
                       GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int columns[N_COLUMNS];
  guint n_header;

  memset (result, 0, sizeof *result);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  if (looks_like_vcard (contents, length))
    rows = convene_table_file_read_vcards (name, contents, length, error);
  else
    rows = convene_table_file_read (name, contents, length, error);
  if (rows == NULL || !read_header (g_ptr_array_index (rows, 0), name, columns, result, error))
    return FALSE;
  n_header = g_strv_length (((ConveneTableRow *) g_ptr_array_index (rows, 0))->cells);
  for (guint i = 1; i < rows->len; i++)
    {
      ConveneTableRow *row = g_ptr_array_index (rows, i);

      if (g_strv_length (row->cells) > n_header)
        {
          g_set_error (error, CONVENE_INSIGHTS_ERROR, CONVENE_INSIGHTS_ERROR_INVALID,
                       _("%s:%u: %u cells where the header has %u columns; expected one cell a column"),
                       name, row->line, g_strv_length (row->cells), n_header);
          return FALSE;
        }
    }
  people = index_people (store, emails, error);
  if (people == NULL || !convene_store_begin (store, error))
    return FALSE;
  for (guint i = 1; i < rows->len; i++)
    if (!import_row (store, people, emails, g_ptr_array_index (rows, i), columns, name, result, error))
      {
        convene_store_rollback (store);
        return FALSE;
      }
  if (dry_run)
    {
      convene_store_rollback (store);
      return TRUE;
    }
  return convene_store_commit (store, error);
}
