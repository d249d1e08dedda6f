/* convene-zone-list.c: every zone a person may choose, as a chooser lists
 * them.  See convene-zone-list.h.
 *
 * The zones are the tz database's own table of them (zone1970.tab, one zone
 * a region since 1970, in the folder GTimeZone reads), "UTC", and fixed
 * offsets.
 */
#include "config.h"

#include "time/convene-zone-list.h"

#include <string.h>

#include "time/convene-clock.h"
#include "time/convene-time-format.h"
#include "time/convene-zone.h"

struct _ConveneZoneEntry
{
  GObject parent_instance;
  char *id;
  char *label;
  char *detail;
  char *keywords;
};

G_DEFINE_FINAL_TYPE (ConveneZoneEntry, convene_zone_entry, G_TYPE_OBJECT)

static void
convene_zone_entry_finalize (GObject *object)
{
  ConveneZoneEntry *self = CONVENE_ZONE_ENTRY (object);

  g_free (self->id);
  g_free (self->label);
  g_free (self->detail);
  g_free (self->keywords);
  G_OBJECT_CLASS (convene_zone_entry_parent_class)->finalize (object);
}

static void
convene_zone_entry_class_init (ConveneZoneEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_zone_entry_finalize;
}

static void
convene_zone_entry_init (ConveneZoneEntry *self)
{
}

static char *
offset_label (gint32 seconds)
{
  int minutes = ABS (seconds) / 60;

  if (minutes % 60 == 0)
    return g_strdup_printf ("UTC%s%d", seconds < 0 ? "−" : "+", minutes / 60);
  return g_strdup_printf ("UTC%s%d:%02d", seconds < 0 ? "−" : "+", minutes / 60, minutes % 60);
}

const char *
convene_zone_entry_get_id (ConveneZoneEntry *self)
{
  g_return_val_if_fail (CONVENE_IS_ZONE_ENTRY (self), NULL);

  return self->id;
}

const char *
convene_zone_entry_get_label (ConveneZoneEntry *self)
{
  g_return_val_if_fail (CONVENE_IS_ZONE_ENTRY (self), NULL);

  return self->label;
}

const char *
convene_zone_entry_get_detail (ConveneZoneEntry *self)
{
  g_return_val_if_fail (CONVENE_IS_ZONE_ENTRY (self), NULL);

  return self->detail;
}

gboolean
convene_zone_entry_matches (ConveneZoneEntry *self,
                            const char       *search)
{
  g_return_val_if_fail (CONVENE_IS_ZONE_ENTRY (self), FALSE);

  return search == NULL || g_str_match_string (search, self->keywords, TRUE);
}

static ConveneZoneEntry *
zone_item_new (const char *id,
               gint64      now)
{
  g_autoptr(GTimeZone) tz = convene_timezone_new (id);
  ConveneZoneEntry *item;
  int interval;
  const char *abbreviation;
  g_autofree char *offset = NULL;
  g_autofree char *gmt = NULL;

  if (tz == NULL)
    return NULL;
  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, now);
  abbreviation = g_time_zone_get_abbreviation (tz, interval);
  offset = offset_label (g_time_zone_get_offset (tz, interval));
  gmt = g_strdup (offset);
  memcpy (gmt, "GMT", 3);

  item = g_object_new (CONVENE_TYPE_ZONE_ENTRY, NULL);
  item->id = g_strdup (id);
  item->label = convene_zone_label (id);
  /* Numeric abbreviations ("-03") say nothing the offset does not. */
  if (abbreviation != NULL && g_ascii_isalpha (abbreviation[0]) && !g_str_equal (id, "UTC") &&
      !g_str_has_prefix (offset, abbreviation))
    item->detail = g_strdup_printf ("%s · %s · %s", id, abbreviation, offset);
  else if (g_str_equal (item->label, offset) || g_str_equal (id, "UTC"))
    item->detail = g_strdup (id);
  else
    item->detail = g_strdup_printf ("%s · %s", id, offset);
  item->keywords = g_strdup_printf ("%s %s %s %s %s %s", item->label, id,
                                    abbreviation != NULL ? abbreviation : "", offset, gmt,
                                    item->id[0] == '-' || item->id[0] == '+' ? item->id : "");
  return item;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ConveneZoneEntry *ia = (ConveneZoneEntry *) a;
  ConveneZoneEntry *ib = (ConveneZoneEntry *) b;

  return g_utf8_collate (ia->label, ib->label);
}

/* The tz database's zones, from its own table; FALSE without the table. */
static gboolean
append_tz_table (GListStore *zones,
                 gint64      now)
{
  g_autofree char *path = g_build_filename (convene_zone_directory (), "zone1970.tab", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      g_autoptr(ConveneZoneEntry) item = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (columns) < 3)
        continue;
      item = zone_item_new (columns[2], now);
      if (item != NULL)
        g_list_store_append (zones, item);
    }
  return TRUE;
}

/* Without the tz database's table, at least the groups' usual zones. */
static void
append_usual_zones (GListStore *zones,
                    gint64      now)
{
  static const char *fallback[] = {
    "Europe/London", "America/New_York", "America/Mexico_City", "America/Bogota",
    "America/Sao_Paulo", "Africa/Nairobi", "Africa/Lagos", "Asia/Kolkata", "Asia/Tokyo",
    "Australia/Sydney", "Pacific/Auckland",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fallback); i++)
    {
      g_autoptr(ConveneZoneEntry) item = zone_item_new (fallback[i], now);

      if (item != NULL)
        g_list_store_append (zones, item);
    }
}

/* Whole hours, and the half hours people actually use. */
static void
append_offsets (GListStore *zones,
                gint64      now)
{
  for (int minutes = -12 * 60; minutes <= 14 * 60; minutes += 30)
    {
      g_autofree char *id = NULL;
      g_autoptr(ConveneZoneEntry) item = NULL;

      if (minutes == 0 || (minutes % 60 != 0 && minutes != 330 && minutes != 570 &&
                           minutes != -210 && minutes != 210 && minutes != 270))
        continue;
      id = g_strdup_printf ("%c%02d:%02d", minutes < 0 ? '-' : '+', ABS (minutes) / 60,
                            ABS (minutes) % 60);
      item = zone_item_new (id, now);
      if (item != NULL)
        g_list_store_append (zones, item);
    }
}

GListModel *
convene_zone_list_get (void)
{
  static GListStore *zones;
  g_autoptr(GDateTime) now_dt = NULL;
  g_autoptr(ConveneZoneEntry) utc = NULL;
  gint64 now;

  if (zones != NULL)
    return G_LIST_MODEL (g_object_ref (zones));

  /* Kept while someone holds it, and built again after. */
  zones = g_list_store_new (CONVENE_TYPE_ZONE_ENTRY);
  g_object_add_weak_pointer (G_OBJECT (zones), (gpointer *) &zones);
  now_dt = convene_now ();
  now = g_date_time_to_unix (now_dt);

  if (!append_tz_table (zones, now))
    append_usual_zones (zones, now);
  g_list_store_sort (zones, compare_items, NULL);

  utc = zone_item_new ("UTC", now);
  g_list_store_insert (zones, 0, utc);
  append_offsets (zones, now);
  return G_LIST_MODEL (zones);
}
