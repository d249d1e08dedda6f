/* convene-zone-names.c: the names people give time zones, and the IANA zones
 * they mean.  See convene-zone-names.h. */
#include "config.h"

#include "time/convene-zone-names.h"
#include "time/convene-zone.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Abbreviations as meeting announcements use them.  "ET", "PT" and friends
 * follow the local clock all year; "EST" or "BST" name one half of the year,
 * and the parser warns when the date falls in the other half.  Where an
 * abbreviation has several meanings, the table keeps the one a working group
 * spread over the Americas, Europe, Africa and Asia most likely means. */
static const ConveneZoneAbbreviation abbreviations[] = {
  { "ACDT", "Australia/Adelaide", 1, NULL },
  { "ACST", "Australia/Adelaide", 0, NULL },
  { "ADT", "America/Halifax", 1, NULL },
  { "AEDT", "Australia/Sydney", 1, NULL },
  { "AEST", "Australia/Sydney", 0, NULL },
  { "AET", "Australia/Sydney", -1, NULL },
  { "AKDT", "America/Anchorage", 1, NULL },
  { "AKST", "America/Anchorage", 0, NULL },
  { "ART", "America/Argentina/Buenos_Aires", -1, NULL },
  { "AST", "America/Halifax", 0,
    N_("“AST” can mean Atlantic or Arabia Standard Time; read as Atlantic time (America/Halifax).") },
  { "AWST", "Australia/Perth", 0, NULL },
  { "BOT", "America/La_Paz", -1, NULL },
  { "BRT", "America/Sao_Paulo", -1, NULL },
  { "BST", "Europe/London", 1, NULL },
  { "CAT", "Africa/Maputo", -1, NULL },
  { "CDT", "America/Chicago", 1, NULL },
  { "CEST", "Europe/Brussels", 1, NULL },
  { "CET", "Europe/Brussels", 0, NULL },
  { "CLST", "America/Santiago", 1, NULL },
  { "CLT", "America/Santiago", 0, NULL },
  { "COT", "America/Bogota", -1, NULL },
  { "CST", "America/Chicago", 0,
    N_("“CST” can mean US Central, China or Cuba Standard Time; read as US Central time (America/Chicago).") },
  { "CT", "America/Chicago", -1,
    N_("“CT” can mean US Central or China time; read as US Central time (America/Chicago).") },
  { "EAT", "Africa/Nairobi", -1, NULL },
  { "ECT", "America/Guayaquil", -1, NULL },
  { "EDT", "America/New_York", 1, NULL },
  { "EEST", "Europe/Athens", 1, NULL },
  { "EET", "Europe/Athens", 0, NULL },
  { "EST", "America/New_York", 0, NULL },
  { "ET", "America/New_York", -1, NULL },
  { "GMT", "UTC", -1, NULL },
  { "GST", "Asia/Dubai", -1, NULL },
  { "HKT", "Asia/Hong_Kong", -1, NULL },
  { "HST", "Pacific/Honolulu", -1, NULL },
  { "ICT", "Asia/Bangkok", -1, NULL },
  { "IST", "Asia/Kolkata", -1,
    N_("“IST” can mean India, Irish or Israel Standard Time; read as India time (Asia/Kolkata).") },
  { "JST", "Asia/Tokyo", -1, NULL },
  { "KST", "Asia/Seoul", -1, NULL },
  { "MDT", "America/Denver", 1, NULL },
  { "MSK", "Europe/Moscow", -1, NULL },
  { "MST", "America/Denver", 0, NULL },
  { "MT", "America/Denver", -1, NULL },
  { "MYT", "Asia/Kuala_Lumpur", -1, NULL },
  { "NDT", "America/St_Johns", 1, NULL },
  { "NPT", "Asia/Kathmandu", -1, NULL },
  { "NST", "America/St_Johns", 0, NULL },
  { "NZDT", "Pacific/Auckland", 1, NULL },
  { "NZST", "Pacific/Auckland", 0, NULL },
  { "NZT", "Pacific/Auckland", -1, NULL },
  { "PDT", "America/Los_Angeles", 1, NULL },
  { "PET", "America/Lima", -1, NULL },
  { "PHT", "Asia/Manila", -1, NULL },
  { "PKT", "Asia/Karachi", -1, NULL },
  { "PST", "America/Los_Angeles", 0, NULL },
  { "PT", "America/Los_Angeles", -1, NULL },
  { "PYT", "America/Asuncion", -1, NULL },
  { "SAST", "Africa/Johannesburg", -1, NULL },
  { "SGT", "Asia/Singapore", -1, NULL },
  { "TRT", "Europe/Istanbul", -1, NULL },
  { "UT", "UTC", -1, NULL },
  { "UTC", "UTC", -1, NULL },
  { "UYT", "America/Montevideo", -1, NULL },
  { "VET", "America/Caracas", -1, NULL },
  { "WAT", "Africa/Lagos", -1, NULL },
  { "WEST", "Europe/Lisbon", 1, NULL },
  { "WET", "Europe/Lisbon", 0, NULL },
  { "WIB", "Asia/Jakarta", -1, NULL },
  { "Z", "UTC", -1, NULL },
};

/* Places and regions the tz database has no file for: capitals and big
 * cities that share a zone with another city, Spanish spellings, countries
 * with one zone (or one that nearly everybody means), and the region names
 * of "Eastern time" or "hora del Este".  Keys are folded. */
static const struct {
  const char *name;
  const char *zone;
} places[] = {
  /* regions, as in "Eastern time", "East Africa Time", "hora del Este" */
  { "eastern", "America/New_York" },
  { "us eastern", "America/New_York" },
  { "east coast", "America/New_York" },
  { "este", "America/New_York" },
  { "del este", "America/New_York" },
  { "central", "America/Chicago" },
  { "us central", "America/Chicago" },
  { "mountain", "America/Denver" },
  { "pacific", "America/Los_Angeles" },
  { "us pacific", "America/Los_Angeles" },
  { "west coast", "America/Los_Angeles" },
  { "pacifico", "America/Los_Angeles" },
  { "del pacifico", "America/Los_Angeles" },
  { "atlantic", "America/Halifax" },
  { "alaska", "America/Anchorage" },
  { "hawaii", "Pacific/Honolulu" },
  { "newfoundland", "America/St_Johns" },
  { "greenwich", "UTC" },
  { "greenwich mean", "UTC" },
  { "de greenwich", "UTC" },
  { "universal", "UTC" },
  { "coordinated universal", "UTC" },
  { "universal coordinado", "UTC" },
  { "utc", "UTC" },
  { "gmt", "UTC" },
  { "british", "Europe/London" },
  { "uk", "Europe/London" },
  { "united kingdom", "Europe/London" },
  { "britain", "Europe/London" },
  { "great britain", "Europe/London" },
  { "england", "Europe/London" },
  { "irish", "Europe/Dublin" },
  { "ireland", "Europe/Dublin" },
  { "central european", "Europe/Brussels" },
  { "central europe", "Europe/Brussels" },
  { "europa central", "Europe/Brussels" },
  { "de europa central", "Europe/Brussels" },
  { "centroeuropea", "Europe/Brussels" },
  { "eastern european", "Europe/Athens" },
  { "western european", "Europe/Lisbon" },
  { "east africa", "Africa/Nairobi" },
  { "east african", "Africa/Nairobi" },
  { "eastern africa", "Africa/Nairobi" },
  { "west africa", "Africa/Lagos" },
  { "west african", "Africa/Lagos" },
  { "central africa", "Africa/Maputo" },
  { "central african", "Africa/Maputo" },
  { "south africa", "Africa/Johannesburg" },
  { "south african", "Africa/Johannesburg" },
  { "sudafrica", "Africa/Johannesburg" },
  { "india", "Asia/Kolkata" },
  { "indian", "Asia/Kolkata" },
  { "arabia", "Asia/Riyadh" },
  { "arabian", "Asia/Riyadh" },
  { "gulf", "Asia/Dubai" },
  { "china", "Asia/Shanghai" },
  { "chinese", "Asia/Shanghai" },
  { "japan", "Asia/Tokyo" },
  { "japanese", "Asia/Tokyo" },
  { "japon", "Asia/Tokyo" },
  { "korea", "Asia/Seoul" },
  { "korean", "Asia/Seoul" },
  { "south korea", "Asia/Seoul" },
  { "corea", "Asia/Seoul" },
  { "philippine", "Asia/Manila" },
  { "philippines", "Asia/Manila" },
  { "filipinas", "Asia/Manila" },
  { "indochina", "Asia/Bangkok" },
  { "thailand", "Asia/Bangkok" },
  { "vietnam", "Asia/Ho_Chi_Minh" },
  { "indonesia", "Asia/Jakarta" },
  { "western indonesia", "Asia/Jakarta" },
  { "malaysia", "Asia/Kuala_Lumpur" },
  { "taiwan", "Asia/Taipei" },
  { "pakistan", "Asia/Karachi" },
  { "bangladesh", "Asia/Dhaka" },
  { "nepal", "Asia/Kathmandu" },
  { "sri lanka", "Asia/Colombo" },
  { "israel", "Asia/Jerusalem" },
  { "jordan", "Asia/Amman" },
  { "lebanon", "Asia/Beirut" },
  { "turkey", "Europe/Istanbul" },
  { "turkiye", "Europe/Istanbul" },
  { "uae", "Asia/Dubai" },
  { "australian eastern", "Australia/Sydney" },
  { "australia eastern", "Australia/Sydney" },
  { "australian central", "Australia/Adelaide" },
  { "australian western", "Australia/Perth" },
  { "new zealand", "Pacific/Auckland" },
  { "nueva zelanda", "Pacific/Auckland" },
  { "nz", "Pacific/Auckland" },
  { "kenya", "Africa/Nairobi" },
  { "nigeria", "Africa/Lagos" },
  { "ghana", "Africa/Accra" },
  { "ethiopia", "Africa/Addis_Ababa" },
  { "uganda", "Africa/Kampala" },
  { "tanzania", "Africa/Dar_es_Salaam" },
  { "rwanda", "Africa/Kigali" },
  { "egypt", "Africa/Cairo" },
  { "morocco", "Africa/Casablanca" },
  { "senegal", "Africa/Dakar" },
  { "france", "Europe/Paris" },
  { "francia", "Europe/Paris" },
  { "spain", "Europe/Madrid" },
  { "espana", "Europe/Madrid" },
  { "de espana", "Europe/Madrid" },
  { "peninsular", "Europe/Madrid" },
  { "germany", "Europe/Berlin" },
  { "alemania", "Europe/Berlin" },
  { "italy", "Europe/Rome" },
  { "italia", "Europe/Rome" },
  { "netherlands", "Europe/Amsterdam" },
  { "holland", "Europe/Amsterdam" },
  { "paises bajos", "Europe/Amsterdam" },
  { "belgium", "Europe/Brussels" },
  { "belgica", "Europe/Brussels" },
  { "sweden", "Europe/Stockholm" },
  { "suecia", "Europe/Stockholm" },
  { "norway", "Europe/Oslo" },
  { "denmark", "Europe/Copenhagen" },
  { "finland", "Europe/Helsinki" },
  { "poland", "Europe/Warsaw" },
  { "greece", "Europe/Athens" },
  { "ukraine", "Europe/Kyiv" },
  { "switzerland", "Europe/Zurich" },
  { "austria", "Europe/Vienna" },
  { "mexico", "America/Mexico_City" },
  { "central mexico", "America/Mexico_City" },
  { "centro", "America/Mexico_City" },
  { "del centro", "America/Mexico_City" },
  { "centro de mexico", "America/Mexico_City" },
  { "del centro de mexico", "America/Mexico_City" },
  { "brasilia", "America/Sao_Paulo" },
  { "de brasilia", "America/Sao_Paulo" },
  { "brazil", "America/Sao_Paulo" },
  { "brasil", "America/Sao_Paulo" },
  { "argentina", "America/Argentina/Buenos_Aires" },
  { "chile", "America/Santiago" },
  { "chile continental", "America/Santiago" },
  { "colombia", "America/Bogota" },
  { "peru", "America/Lima" },
  { "ecuador", "America/Guayaquil" },
  { "venezuela", "America/Caracas" },
  { "bolivia", "America/La_Paz" },
  { "uruguay", "America/Montevideo" },
  { "paraguay", "America/Asuncion" },
  { "costa rica", "America/Costa_Rica" },
  { "honduras", "America/Tegucigalpa" },
  { "nicaragua", "America/Managua" },
  { "dominican republic", "America/Santo_Domingo" },
  { "republica dominicana", "America/Santo_Domingo" },
  { "cuba", "America/Havana" },
  { "trinidad", "America/Port_of_Spain" },
  { "trinidad and tobago", "America/Port_of_Spain" },

  /* cities that share another city's zone */
  { "washington", "America/New_York" },
  { "washington dc", "America/New_York" },
  { "washington d c", "America/New_York" },
  { "dc", "America/New_York" },
  { "nyc", "America/New_York" },
  { "new york city", "America/New_York" },
  { "nueva york", "America/New_York" },
  { "boston", "America/New_York" },
  { "philadelphia", "America/New_York" },
  { "atlanta", "America/New_York" },
  { "miami", "America/New_York" },
  { "ottawa", "America/Toronto" },
  { "montreal", "America/Toronto" },
  { "quebec", "America/Toronto" },
  { "san francisco", "America/Los_Angeles" },
  { "seattle", "America/Los_Angeles" },
  { "los angeles", "America/Los_Angeles" },
  { "houston", "America/Chicago" },
  { "dallas", "America/Chicago" },
  { "austin", "America/Chicago" },
  { "minneapolis", "America/Chicago" },
  { "guadalajara", "America/Mexico_City" },
  { "ciudad de mexico", "America/Mexico_City" },
  { "la ciudad de mexico", "America/Mexico_City" },
  { "cdmx", "America/Mexico_City" },
  { "mexico df", "America/Mexico_City" },
  { "quito", "America/Guayaquil" },
  { "san jose", "America/Costa_Rica" },
  { "ciudad de panama", "America/Panama" },
  { "ciudad de guatemala", "America/Guatemala" },
  { "guatemala city", "America/Guatemala" },
  { "san salvador", "America/El_Salvador" },
  { "la habana", "America/Havana" },
  { "kingston", "America/Jamaica" },
  { "san juan", "America/Puerto_Rico" },
  { "santiago de chile", "America/Santiago" },
  { "rio", "America/Sao_Paulo" },
  { "rio de janeiro", "America/Sao_Paulo" },
  { "san pablo", "America/Sao_Paulo" },
  { "porto alegre", "America/Sao_Paulo" },
  { "buenos aires", "America/Argentina/Buenos_Aires" },
  { "londres", "Europe/London" },
  { "edinburgh", "Europe/London" },
  { "manchester", "Europe/London" },
  { "cardiff", "Europe/London" },
  { "belfast", "Europe/London" },
  { "paris", "Europe/Paris" },
  { "lyon", "Europe/Paris" },
  { "bruselas", "Europe/Brussels" },
  { "the hague", "Europe/Amsterdam" },
  { "la haya", "Europe/Amsterdam" },
  { "rotterdam", "Europe/Amsterdam" },
  { "geneva", "Europe/Zurich" },
  { "ginebra", "Europe/Zurich" },
  { "bern", "Europe/Zurich" },
  { "berlin", "Europe/Berlin" },
  { "munich", "Europe/Berlin" },
  { "frankfurt", "Europe/Berlin" },
  { "hamburg", "Europe/Berlin" },
  { "bonn", "Europe/Berlin" },
  { "roma", "Europe/Rome" },
  { "milan", "Europe/Rome" },
  { "lisboa", "Europe/Lisbon" },
  { "barcelona", "Europe/Madrid" },
  { "sevilla", "Europe/Madrid" },
  { "seville", "Europe/Madrid" },
  { "estocolmo", "Europe/Stockholm" },
  { "moscu", "Europe/Moscow" },
  { "kiev", "Europe/Kyiv" },
  { "el cairo", "Africa/Cairo" },
  { "abuja", "Africa/Lagos" },
  { "cape town", "Africa/Johannesburg" },
  { "ciudad del cabo", "Africa/Johannesburg" },
  { "pretoria", "Africa/Johannesburg" },
  { "durban", "Africa/Johannesburg" },
  { "johannesburgo", "Africa/Johannesburg" },
  { "addis abeba", "Africa/Addis_Ababa" },
  { "tel aviv", "Asia/Jerusalem" },
  { "abu dhabi", "Asia/Dubai" },
  { "doha", "Asia/Qatar" },
  { "islamabad", "Asia/Karachi" },
  { "lahore", "Asia/Karachi" },
  { "delhi", "Asia/Kolkata" },
  { "new delhi", "Asia/Kolkata" },
  { "nueva delhi", "Asia/Kolkata" },
  { "mumbai", "Asia/Kolkata" },
  { "bombay", "Asia/Kolkata" },
  { "bangalore", "Asia/Kolkata" },
  { "bengaluru", "Asia/Kolkata" },
  { "chennai", "Asia/Kolkata" },
  { "madras", "Asia/Kolkata" },
  { "hyderabad", "Asia/Kolkata" },
  { "pune", "Asia/Kolkata" },
  { "calcutta", "Asia/Kolkata" },
  { "beijing", "Asia/Shanghai" },
  { "peking", "Asia/Shanghai" },
  { "pekin", "Asia/Shanghai" },
  { "shenzhen", "Asia/Shanghai" },
  { "guangzhou", "Asia/Shanghai" },
  { "hanoi", "Asia/Ho_Chi_Minh" },
  { "saigon", "Asia/Ho_Chi_Minh" },
  { "ho chi minh city", "Asia/Ho_Chi_Minh" },
  { "rangoon", "Asia/Yangon" },
  { "singapur", "Asia/Singapore" },
  { "tokio", "Asia/Tokyo" },
  { "osaka", "Asia/Tokyo" },
  { "kyoto", "Asia/Tokyo" },
  { "canberra", "Australia/Sydney" },
  { "sidney", "Australia/Sydney" },
  { "wellington", "Pacific/Auckland" },
};

typedef struct {
  GHashTable *places;       /* folded name → zone; the table above, then the tz cities */
  GHashTable *identifiers;  /* lower-case IANA name or link → IANA name */
  GHashTable *regions;      /* lower-case first parts of those names: "europe", "us" */
} ZoneIndex;

static int
count_slashes (const char *s)
{
  int n = 0;

  for (; *s != '\0'; s++)
    if (*s == '/')
      n++;
  return n;
}

static void
index_city (ZoneIndex  *index,
            const char *identifier)
{
  g_autofree char *folded = convene_zone_names_fold (strrchr (identifier, '/') + 1, -1);
  const char *old;

  g_hash_table_replace (index->identifiers, g_ascii_strdown (identifier, -1),
                        g_strdup (identifier));

  /* Where a city appears twice, the deeper name is the current one
   * (America/Argentina/Buenos_Aires, not the older America/Buenos_Aires);
   * ties go to the alphabetically first so the answer never depends on the
   * order of the folder. */
  old = g_hash_table_lookup (index->places, folded);
  if (old != NULL &&
      (count_slashes (old) > count_slashes (identifier) ||
       (count_slashes (old) == count_slashes (identifier) && strcmp (old, identifier) < 0)))
    return;
  g_hash_table_replace (index->places, g_steal_pointer (&folded), g_strdup (identifier));
}

static void
index_folder (ZoneIndex  *index,
              const char *root,
              const char *relative,
              int         depth)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL || depth > 3)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_strconcat (relative, "/", name, NULL);
      g_autofree char *child_path = g_build_filename (root, child, NULL);

      if (name[0] == '.' || !g_ascii_isupper (name[0]))
        continue;
      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        index_folder (index, root, child, depth + 1);
      else
        index_city (index, child);
    }
}

/* The tz database's links ("L America/Los_Angeles US/Pacific" in its
 * tzdata.zi): old names that files and people still write, which Debian
 * no longer installs as files of their own.  Only names with a region, and
 * not the Etc ones, for the reason zone_index_build() gives; a link counts
 * only when the zone it points to is installed. */
static void
index_links (ZoneIndex  *index,
             const char *root)
{
  g_autofree char *path = g_build_filename (root, "tzdata.zi", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *target = NULL;
      g_autofree char *link = NULL;
      const char *zone;

      if (!g_str_has_prefix (lines[i], "L "))
        continue;
      fields = g_strsplit (lines[i], " ", -1);
      if (g_strv_length (fields) != 3 || strchr (fields[2], '/') == NULL ||
          g_ascii_strncasecmp (fields[2], "Etc/", 4) == 0)
        continue;
      target = g_ascii_strdown (fields[1], -1);
      link = g_ascii_strdown (fields[2], -1);
      zone = g_hash_table_lookup (index->identifiers, target);
      /* A link installed as a file is already a zone of its own name. */
      if (zone != NULL && !g_hash_table_contains (index->identifiers, link))
        g_hash_table_insert (index->identifiers, g_steal_pointer (&link), g_strdup (zone));
    }
}

static ZoneIndex *
zone_index_build (void)
{
  /* Only the geographic folders: Etc/GMT-6 and the POSIX-style names would
   * turn "GMT-6" into UTC+6, which nobody writing a meeting time means. */
  static const char * const regions[] = {
    "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
    "Australia", "Europe", "Indian", "Pacific",
  };
  ZoneIndex *index = g_new0 (ZoneIndex, 1);
  GHashTableIter iter;
  gpointer key;

  index->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->identifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (gsize i = 0; i < G_N_ELEMENTS (regions); i++)
    index_folder (index, convene_zone_directory (), regions[i], 1);

  index_links (index, convene_zone_directory ());

  for (gsize i = 0; i < G_N_ELEMENTS (places); i++)
    g_hash_table_replace (index->places, g_strdup (places[i].name), g_strdup (places[i].zone));

  g_hash_table_replace (index->identifiers, g_strdup ("utc"), g_strdup ("UTC"));
  g_hash_table_replace (index->identifiers, g_strdup ("etc/utc"), g_strdup ("UTC"));
  g_hash_table_replace (index->identifiers, g_strdup ("etc/gmt"), g_strdup ("UTC"));

  /* "etc" too: "Etc/GMT+5" is written as a zone, even where it is not read. */
  index->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, index->identifiers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (strchr (key, '/') != NULL)
      g_hash_table_add (index->regions, g_strndup (key, strcspn (key, "/")));

  return index;
}

static ZoneIndex *
zone_index (void)
{
  static ZoneIndex *index;

  /* Built once and kept for the life of the process. */
  if (g_once_init_enter_pointer (&index))
    g_once_init_leave_pointer (&index, zone_index_build ());
  return index;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

char *
convene_zone_names_fold (const char *text,
                         gssize      length)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, length);
  out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

      /* "São" → "Sao", "Bogotá" → "Bogota": people and the tz database
       * disagree about accents. */
      if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
        c = decomposed[0];

      if (g_unichar_ismark (c) || is_apostrophe (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, g_unichar_tolower (c));
        }
      else
        pending_space = out->len > 0;
    }

  return g_string_free (out, FALSE);
}

/* The abbreviations whose likeliest meaning changes when the text around
 * them speaks of Asia.  Still a guess, so still a warning. */
static const ConveneZoneAbbreviation asian_abbreviations[] = {
  { "CST", "Asia/Shanghai", -1,
    N_("“CST” can mean China or US Central Standard Time; the text speaks of Asia, so it was read as China Standard Time (Asia/Shanghai).") },
  { "CT", "Asia/Shanghai", -1,
    N_("“CT” can mean China or US Central time; the text speaks of Asia, so it was read as China time (Asia/Shanghai).") },
};

const ConveneZoneAbbreviation *
convene_zone_names_find_abbreviation_in_asia (const char *abbreviation)
{
  g_return_val_if_fail (abbreviation != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (asian_abbreviations); i++)
    if (strcmp (abbreviation, asian_abbreviations[i].abbreviation) == 0)
      return &asian_abbreviations[i];
  return NULL;
}

const ConveneZoneAbbreviation *
convene_zone_names_find_abbreviation (const char *abbreviation)
{
  gsize lo = 0, hi = G_N_ELEMENTS (abbreviations);

  g_return_val_if_fail (abbreviation != NULL, NULL);

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      int cmp = strcmp (abbreviation, abbreviations[mid].abbreviation);

      if (cmp == 0)
        return &abbreviations[mid];
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

const char *
convene_zone_names_find_place (const char *folded)
{
  g_return_val_if_fail (folded != NULL, NULL);

  return g_hash_table_lookup (zone_index ()->places, folded);
}

const char *
convene_zone_names_find_identifier (const char *identifier)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (identifier != NULL, NULL);

  lower = g_ascii_strdown (identifier, -1);
  return g_hash_table_lookup (zone_index ()->identifiers, lower);
}

gboolean
convene_zone_names_is_region (const char *region)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (region != NULL, FALSE);

  lower = g_ascii_strdown (region, -1);
  return g_hash_table_contains (zone_index ()->regions, lower);
}

char *
convene_zone_names_format_offset (int minutes)
{
  int magnitude = ABS (minutes);

  if (minutes == 0)
    return g_strdup ("UTC");
  return g_strdup_printf ("%c%02d:%02d", minutes < 0 ? '-' : '+',
                          magnitude / 60, magnitude % 60);
}

gboolean
convene_zone_names_parse_offset (const char *text,
                                 int        *minutes)
{
  const char *p = text;
  int sign, hours = 0, mins = 0, digits = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*p == '+')
    sign = 1, p++;
  else if (*p == '-')
    sign = -1, p++;
  else if (g_str_has_prefix (p, "\xe2\x88\x92"))  /* U+2212 MINUS SIGN */
    sign = -1, p += 3;
  else if (g_str_has_prefix (p, "\xc2\xb1"))      /* U+00B1, only for ±0 */
    sign = 0, p += 2;
  else
    return FALSE;

  while (g_ascii_isdigit (p[digits]))
    digits++;

  if (digits == 1 || digits == 2)
    {
      hours = (int) g_ascii_strtoll (p, NULL, 10);
      p += digits;
      if (*p == ':')
        {
          if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
            return FALSE;
          mins = (p[1] - '0') * 10 + (p[2] - '0');
          p += 3;
        }
    }
  else if (digits == 4)
    {
      hours = (p[0] - '0') * 10 + (p[1] - '0');
      mins = (p[2] - '0') * 10 + (p[3] - '0');
      p += 4;
    }
  else
    return FALSE;

  if (*p != '\0' || hours > 14 || mins >= 60 || (sign == 0 && (hours != 0 || mins != 0)))
    return FALSE;

  if (minutes != NULL)
    *minutes = sign * (hours * 60 + mins);
  return TRUE;
}

GStrv
convene_zone_names_dup_abbreviations (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    g_strv_builder_add (builder, abbreviations[i].abbreviation);
  return g_strv_builder_end (builder);
}

GStrv
convene_zone_names_dup_table_zones (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    g_strv_builder_add (builder, abbreviations[i].zone);
  for (gsize i = 0; i < G_N_ELEMENTS (places); i++)
    g_strv_builder_add (builder, places[i].zone);
  return g_strv_builder_end (builder);
}
