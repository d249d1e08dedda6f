/* convene-i18n.c: message catalogues by language.
 *
 * The language the user runs in goes through gettext as usual.  A language
 * named at run time cannot: glibc's gettext follows $LANGUAGE before the
 * thread's locale, and changing either is process-wide (setenv) or needs
 * that language's locale to be installed (uselocale), which a coordinator
 * writing to Spanish members from an English desktop rarely has.  So for a
 * named language the .mo file itself is read, once, into a table that never
 * changes afterwards: lookups are thread-safe and depend only on the
 * catalogues that are installed with the application.
 */
#include "config.h"

#include "i18n/convene-i18n.h"

#include <glib/gi18n.h>
#include <string.h>

#define MO_MAGIC 0x950412deU

typedef enum {
  PLURAL_NOT_ONE,    /* English, Spanish, German...: n != 1 */
  PLURAL_ABOVE_ONE,  /* French, Brazilian Portuguese: n > 1 */
  PLURAL_NONE,       /* Japanese, Chinese...: one form */
} PluralRule;

typedef struct {
  const char *text;    /* the forms, one after the other, each ending in NUL */
  gsize       length;  /* of all the forms, without the last NUL */
} Message;

typedef struct {
  GBytes     *bytes;     /* the .mo file; keys and messages point into it */
  GHashTable *messages;  /* "context\004msgid" or "msgid" → Message */
  PluralRule  plural;
} Catalog;

static GMutex catalogs_lock;
static GHashTable *catalogs;  /* "domain/language" → Catalog, or NULL when none is installed */

/**
 * convene_i18n_get_locale_dir:
 *
 * Returns: where Convene's catalogues are: the installed folder, or
 *   $CONVENE_LOCALEDIR when set (the tests run from the build tree)
 */
const char *
convene_i18n_get_locale_dir (void)
{
  const char *dir = g_getenv ("CONVENE_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* Binds the text domain; the caller has called setlocale () already. */
void
convene_i18n_init (void)
{
  bindtextdomain (GETTEXT_PACKAGE, convene_i18n_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

/**
 * convene_i18n_normalize:
 * @language: a language tag or locale name: "es", "es-MX", "es_MX.UTF-8"
 *
 * Returns: (transfer full) (nullable): the name as gettext's folders spell
 *   it ("es", "es_MX"), or %NULL when @language is not one
 */
char *
convene_i18n_normalize (const char *language)
{
  g_autoptr(GString) out = NULL;
  gboolean territory = FALSE;

  if (language == NULL || !g_ascii_isalpha (language[0]))
    return NULL;
  if (g_str_equal (language, "C") || g_str_equal (language, "POSIX"))
    return g_strdup ("C");

  out = g_string_new (NULL);
  for (const char *p = language; *p != '\0' && *p != '.' && *p != '@'; p++)
    {
      if (*p == '-' || *p == '_')
        {
          if (territory || out->len == 0)
            return NULL;
          territory = TRUE;
          g_string_append_c (out, '_');
        }
      else if (g_ascii_isalnum (*p))
        g_string_append_c (out, territory ? g_ascii_toupper (*p) : g_ascii_tolower (*p));
      else
        return NULL;
    }
  if (out->len < 2 || out->str[out->len - 1] == '_')
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
read_word (const guint8 *data,
           gsize         size,
           gsize         offset,
           gboolean      swap,
           guint32      *value)
{
  guint32 word;

  if (offset > size || size - offset < 4)
    return FALSE;
  memcpy (&word, data + offset, 4);
  *value = swap ? GUINT32_SWAP_LE_BE (word) : word;
  return TRUE;
}

/* A string of the file: inside it, and ending in the NUL the format promises. */
static gboolean
read_string (const guint8 *data,
             gsize         size,
             gsize         table,
             guint32       index,
             gboolean      swap,
             Message      *out)
{
  guint32 length, offset;

  if (!read_word (data, size, table + 8 * (gsize) index, swap, &length) ||
      !read_word (data, size, table + 8 * (gsize) index + 4, swap, &offset))
    return FALSE;
  if (offset > size || length >= size - offset || data[offset + length] != '\0')
    return FALSE;
  out->text = (const char *) data + offset;
  out->length = length;
  return TRUE;
}

static PluralRule
read_plural_rule (GHashTable *messages)
{
  Message *header = g_hash_table_lookup (messages, "");
  const char *forms;

  if (header == NULL || (forms = strstr (header->text, "Plural-Forms:")) == NULL)
    return PLURAL_NOT_ONE;
  if (strstr (forms, "nplurals=1") != NULL)
    return PLURAL_NONE;
  if (strstr (forms, "n > 1") != NULL || strstr (forms, "n>1") != NULL)
    return PLURAL_ABOVE_ONE;
  return PLURAL_NOT_ONE;
}

static void
catalog_free (gpointer data)
{
  Catalog *catalog = data;

  if (catalog == NULL)
    return;
  g_hash_table_unref (catalog->messages);
  g_bytes_unref (catalog->bytes);
  g_free (catalog);
}

/* Returns: (transfer full) (nullable): the catalogue, or NULL if the file is
 * missing or not a .mo file */
static Catalog *
catalog_load (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) messages = NULL;
  const guint8 *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swap;
  Catalog *catalog;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return NULL;
  data = (const guint8 *) contents;
  if (!read_word (data, size, 0, FALSE, &magic))
    return NULL;
  if (magic == MO_MAGIC)
    swap = FALSE;
  else if (GUINT32_SWAP_LE_BE (magic) == MO_MAGIC)
    swap = TRUE;
  else
    return NULL;
  if (!read_word (data, size, 8, swap, &n) ||
      !read_word (data, size, 12, swap, &originals) ||
      !read_word (data, size, 16, swap, &translations))
    return NULL;

  messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      Message original, translation;

      if (!read_string (data, size, originals, i, swap, &original) ||
          !read_string (data, size, translations, i, swap, &translation))
        return NULL;
      /* The key stops at the first NUL: a plural's original is "one\0many". */
      g_hash_table_replace (messages, (gpointer) original.text, g_memdup2 (&translation, sizeof translation));
    }

  catalog = g_new0 (Catalog, 1);
  catalog->bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  catalog->messages = g_steal_pointer (&messages);
  catalog->plural = read_plural_rule (catalog->messages);
  return catalog;
}

static Catalog *
get_catalog (const char *domain,
             const char *language)
{
  g_autofree char *key = g_strconcat (domain, "/", language, NULL);
  Catalog *catalog;

  g_mutex_lock (&catalogs_lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, catalog_free);
  if (!g_hash_table_lookup_extended (catalogs, key, NULL, (gpointer *) &catalog))
    {
      /* bindtextdomain () with NULL only reads the folder the domain was bound to. */
      const char *dir = g_str_equal (domain, GETTEXT_PACKAGE) ? convene_i18n_get_locale_dir ()
                                                              : bindtextdomain (domain, NULL);
      g_autofree char *file = g_strconcat (domain, ".mo", NULL);
      g_autofree char *path = g_build_filename (dir, language, "LC_MESSAGES", file, NULL);

      catalog = catalog_load (path);
      g_hash_table_insert (catalogs, g_steal_pointer (&key), catalog);
    }
  g_mutex_unlock (&catalogs_lock);
  return catalog;
}

static guint
plural_form (PluralRule rule,
             gulong     n)
{
  switch (rule)
    {
    case PLURAL_NONE:
      return 0;
    case PLURAL_ABOVE_ONE:
      return n > 1;
    case PLURAL_NOT_ONE:
    default:
      return n != 1;
    }
}

/* The form of a message, or NULL when the catalogue leaves it untranslated. */
static const char *
message_form (const Message *message,
              guint          form)
{
  const char *text = message->text;
  const char *end = message->text + message->length;

  for (guint i = 0; i < form; i++)
    {
      text += strlen (text) + 1;
      if (text > end)
        return NULL;
    }
  return *text != '\0' ? text : NULL;
}

/* Looks @key up in the catalogue of @language, then of its base language
 * ("es_MX", then "es"); falls back to the English of the sources. */
static const char *
lookup (const char *domain,
        const char *language,
        const char *key,
        const char *msgid,
        const char *msgid_plural,
        gulong      n)
{
  g_autofree char *normal = convene_i18n_normalize (language);
  char *candidates[3] = { normal, NULL, NULL };
  g_autofree char *base = NULL;

  if (normal == NULL || g_str_equal (normal, "C"))
    candidates[0] = NULL;
  else if (strchr (normal, '_') != NULL)
    candidates[1] = base = g_strndup (normal, strchr (normal, '_') - normal);

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      Catalog *catalog = get_catalog (domain, candidates[i]);
      const Message *message;
      const char *text;

      if (catalog == NULL || (message = g_hash_table_lookup (catalog->messages, key)) == NULL)
        continue;
      text = message_form (message, msgid_plural != NULL ? plural_form (catalog->plural, n) : 0);
      if (text != NULL)
        return text;
    }
  return msgid_plural != NULL && n != 1 ? msgid_plural : msgid;
}

/**
 * convene_i18n_pgettext:
 * @domain: (nullable): a text domain; %NULL for Convene's own
 * @language: (nullable): a language ("es", "es_MX"); %NULL for the user's
 * @context: (nullable): the message's context, as in C_()
 *
 * Returns: the translation of @msgid into @language, or @msgid
 */
const char *
convene_i18n_pgettext (const char *domain,
                       const char *language,
                       const char *context,
                       const char *msgid)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (domain == NULL)
    domain = GETTEXT_PACKAGE;
  if (language == NULL)
    return context != NULL ? g_dpgettext2 (domain, context, msgid) : g_dgettext (domain, msgid);
  if (context != NULL)
    key = g_strconcat (context, "\004", msgid, NULL);
  return lookup (domain, language, key != NULL ? key : msgid, msgid, NULL, 0);
}

/**
 * convene_i18n_npgettext:
 *
 * Like convene_i18n_pgettext(), for a message with a plural.
 *
 * Returns: the form of the translation that @n takes
 */
const char *
convene_i18n_npgettext (const char *domain,
                        const char *language,
                        const char *context,
                        const char *msgid,
                        const char *msgid_plural,
                        gulong      n)
{
  g_autofree char *key = NULL;
  const char *text;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (domain == NULL)
    domain = GETTEXT_PACKAGE;
  if (context != NULL)
    key = g_strconcat (context, "\004", msgid, NULL);
  if (language != NULL)
    return lookup (domain, language, key != NULL ? key : msgid, msgid, msgid_plural, n);

  text = g_dngettext (domain, key != NULL ? key : msgid, msgid_plural, n);
  /* gettext hands back the key itself when the catalogue lacks it. */
  return text == key ? msgid : text;
}

/**
 * convene_i18n_is_available:
 * @language: a language tag or locale name
 *
 * Returns: whether Convene can write in @language: English, the language
 *   of its sources, or one it has a catalogue for
 */
gboolean
convene_i18n_is_available (const char *language)
{
  g_autofree char *normal = convene_i18n_normalize (language);
  g_autofree char *base = NULL;

  if (normal == NULL)
    return FALSE;
  base = g_strndup (normal, strcspn (normal, "_"));
  if (g_str_equal (base, "en") || g_str_equal (base, "C"))
    return TRUE;
  return get_catalog (GETTEXT_PACKAGE, normal) != NULL || get_catalog (GETTEXT_PACKAGE, base) != NULL;
}
