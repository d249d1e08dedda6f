/* convene-language-names.c: language names from iso-codes.
 *
 * iso-codes is the maintained list (ISO 639-2 and 639-3, with translations
 * into a hundred languages as the "iso_639-3" and "iso_639-2" gettext
 * domains).  Its JSON files are read once; the English name found there is
 * the msgid of its translation.  Regions ("pt-BR") take their country names
 * from the same package (ISO 3166-1).  Without iso-codes the code itself is
 * shown.
 *
 * Packaging: the Flatpak needs what Debian's "iso-codes" package installs,
 * share/iso-codes/json/iso_639-2.json, iso_639-3.json and iso_3166-1.json
 * and the iso_639-2, iso_639-3 and iso_3166-1 catalogues under share/locale,
 * in the runtime or as a module of the manifest (it is found in any of the
 * XDG data folders, /app/share included).
 */
#include "config.h"

#include "i18n/convene-language-names.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "i18n/convene-i18n.h"

typedef struct {
  const char *domain;  /* the iso-codes domain that translates the name */
  char       *name;    /* in English, as iso-codes writes it */
} Entry;

typedef struct {
  GHashTable *languages;  /* alpha-2 and alpha-3 code → Entry */
  GHashTable *countries;  /* alpha-2 code → Entry */
} Tables;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static void
add_entry (GHashTable *table,
           const char *code,
           const char *domain,
           const char *name)
{
  Entry *entry;

  if (code == NULL || name == NULL)
    return;
  entry = g_new (Entry, 1);
  entry->domain = domain;
  entry->name = g_strdup (name);
  g_hash_table_replace (table, g_ascii_strdown (code, -1), entry);
}

/* The members of iso-codes' JSON file @file, whose top key is @key, and
 * binds @domain to the locale folder beside it. */
static JsonArray *
load_iso_codes (JsonParser *parser,
                const char *file,
                const char *key,
                const char *domain)
{
  const char * const *dirs = g_get_system_data_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "iso-codes", "json", file, NULL);
      g_autofree char *locale_dir = NULL;
      JsonNode *root;

      if (!json_parser_load_from_file (parser, path, NULL))
        continue;
      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_OBJECT (root) ||
          !json_object_has_member (json_node_get_object (root), key) ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), key)))
        continue;
      /* The translations are installed by the same package, under the
       * same prefix (/usr, or /app in a Flatpak). */
      locale_dir = g_build_filename (dirs[i], "locale", NULL);
      bindtextdomain (domain, locale_dir);
      bind_textdomain_codeset (domain, "UTF-8");
      return json_object_get_array_member (json_node_get_object (root), key);
    }
  return NULL;
}

static const char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static Tables *
load_tables (void)
{
  Tables *tables = g_new0 (Tables, 1);
  g_autoptr(JsonParser) parser639_3 = json_parser_new ();
  g_autoptr(JsonParser) parser639_2 = json_parser_new ();
  g_autoptr(JsonParser) parser3166 = json_parser_new ();
  JsonArray *array;

  tables->languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  tables->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);

  /* ISO 639-3 first: its names are the plain ones ("Spanish", not
   * "Spanish; Castilian"). */
  array = load_iso_codes (parser639_3, "iso_639-3.json", "639-3", "iso_639-3");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      add_entry (tables->languages, member (object, "alpha_3"), "iso_639-3", member (object, "name"));
      add_entry (tables->languages, member (object, "alpha_2"), "iso_639-3", member (object, "name"));
    }

  /* ISO 639-2 for the collective codes that 639-3 lacks, and for the
   * macrolanguages, which 639-3 calls "Swahili (macrolanguage)". */
  array = load_iso_codes (parser639_2, "iso_639-2.json", "639-2", "iso_639-2");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *codes[] = { member (object, "alpha_2"), member (object, "alpha_3"),
                              member (object, "bibliographic") };

      for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
        {
          Entry *known;

          if (codes[c] == NULL)
            continue;
          known = g_hash_table_lookup (tables->languages, codes[c]);
          if (known == NULL || g_str_has_suffix (known->name, " (macrolanguage)"))
            add_entry (tables->languages, codes[c], "iso_639-2", member (object, "name"));
        }
    }

  array = load_iso_codes (parser3166, "iso_3166-1.json", "3166-1", "iso_3166-1");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *name = member (object, "common_name");

      add_entry (tables->countries, member (object, "alpha_2"), "iso_3166-1",
                 name != NULL ? name : member (object, "name"));
    }

  return tables;
}

static Tables *
get_tables (void)
{
  static Tables *tables;

  if (g_once_init_enter_pointer (&tables))
    g_once_init_leave_pointer (&tables, load_tables ());
  return tables;
}

static gpointer
preload_thread (gpointer data)
{
  get_tables ();
  return NULL;
}

/**
 * convene_language_names_preload:
 *
 * Reads iso-codes' tables in a thread of their own: reading them takes
 * about 60 ms, which the first name asked for (a language badge in the
 * schedule's first frame) would otherwise wait.  A name asked for before
 * they are read still waits for them.
 */
void
convene_language_names_preload (void)
{
  static gsize started;

  if (g_once_init_enter (&started))
    {
      g_thread_unref (g_thread_new ("language-names", preload_thread, NULL));
      g_once_init_leave (&started, 1);
    }
}

/* "Spanish; Castilian" → "Spanish"; "Modern Greek (1453-)" → "Modern Greek":
 * what people call the language, in whichever language. */
static char *
tidy_name (const char *name)
{
  g_autofree char *text = g_strndup (name, strcspn (name, ";"));
  char *open = strrchr (text, '(');

  if (open != NULL && open > text && open[-1] == ' ' && strpbrk (open, "0123456789") != NULL)
    open[-1] = '\0';
  return g_strdup (g_strstrip (text));
}

/**
 * convene_language_names_lookup:
 * @code: an ISO 639 code, with a region or not: "es", "spa", "pt-BR"
 * @language: (nullable): the language to write the name in; %NULL for the
 *   user's own
 *
 * Returns: (transfer full) (nullable): "Spanish", "Español", "Portugués
 *   (Brasil)"; @code itself when iso-codes does not know it; %NULL when
 *   @code is %NULL or empty
 */
char *
convene_language_names_lookup (const char *code,
                               const char *language)
{
  Tables *tables;
  g_autofree char *lower = NULL;
  g_autofree char *name = NULL;
  const char *separator;
  Entry *entry;

  if (code == NULL || *code == '\0')
    return NULL;

  tables = get_tables ();
  separator = strpbrk (code, "-_");
  lower = g_ascii_strdown (code, separator != NULL ? separator - code : -1);
  entry = g_hash_table_lookup (tables->languages, lower);
  if (entry == NULL)
    return g_strdup (code);
  name = tidy_name (convene_i18n_pgettext (entry->domain, language, NULL, entry->name));

  if (separator != NULL && strlen (separator + 1) == 2)
    {
      g_autofree char *region = g_ascii_strdown (separator + 1, -1);
      Entry *country = g_hash_table_lookup (tables->countries, region);

      if (country != NULL)
        {
          const char *format = convene_i18n_pgettext (NULL, language, "language and region",
                                                      /* Translators: a language and the country
                                                       * of its variant, as in "Portuguese (Brazil)" */
                                                      NC_("language and region", "%s (%s)"));

          return g_strdup_printf (format, name,
                                  convene_i18n_pgettext (country->domain, language, NULL, country->name));
        }
    }
  return g_steal_pointer (&name);
}
