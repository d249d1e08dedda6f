/* convene-insights.c: the sessions of a plan's year that count, the
 * night-time ledger of its members and regions, and attendance by sector
 * and region.
 *
 * Every member is in the ledger (people belong to the database, not to a
 * plan); a member without a zone is listed with no counts.  Attendance
 * counts every attendance row of the plan's sessions, so the totals by
 * sector and by region add up to the rows themselves. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "insights/convene-insights.h"
#include "model/convene-attendance.h"
#include "model/convene-enum-types.h"
#include "model/convene-person.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "store/convene-occurrence-rows.h"
#include "time/convene-zone.h"

void
convene_insights_options_init (ConveneInsightsOptions *options)
{
  options->night_start = 22 * 60;
  options->night_end = 7 * 60;
  options->work_start = 9 * 60;
  options->work_end = 18 * 60;
  /* Members of rotating groups say a late evening is bearable and an early
   * morning is not. */
  options->early_weight = 2.0;
  options->late_weight = 1.0;
}

/* Minutes after local midnight of @when in @tz; @weekday 1 (Monday) .. 7. */
int
convene_insights_local_minute (GTimeZone *tz,
                               gint64     when,
                               int       *weekday)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, when);
  gint64 local = when + g_time_zone_get_offset (tz, interval);
  gint64 day = local >= 0 ? local / 86400 : (local - 86399) / 86400;

  if (weekday != NULL)
    /* 1970-01-01 was a Thursday (4). */
    *weekday = (int) (((day % 7) + 7 + 3) % 7) + 1;
  return (int) ((local - day * 86400) / 60);
}

gboolean
convene_insights_is_night (const ConveneInsightsOptions *options,
                           int                           minute)
{
  if (options->night_start > options->night_end)
    return minute >= options->night_start || minute < options->night_end;
  return minute >= options->night_start && minute < options->night_end;
}

gboolean
convene_insights_is_working (const ConveneInsightsOptions *options,
                             int                           minute,
                             int                           weekday)
{
  return weekday <= 5 && minute >= options->work_start && minute < options->work_end;
}

static gboolean
is_counted_status (ConveneSessionStatus status)
{
  return status != CONVENE_SESSION_STATUS_NO_MEETING && status != CONVENE_SESSION_STATUS_CANCELLED;
}

/* The plan's usual slot: the zone and local time most of its fixed
 * sessions share (the earliest session wins a tie). */
static gboolean
find_usual_slot (GPtrArray  *sessions,
                 char      **zone_out,
                 int        *minute_out)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint best = 0;

  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, i);
      GDateTime *start = convene_session_get_start (session);
      const char *zone = convene_session_get_timezone (session);
      g_autoptr(GTimeZone) tz = NULL;
      g_autofree char *key = NULL;
      guint n;

      if (start == NULL || zone == NULL || !is_counted_status (convene_session_get_status (session)))
        continue;
      tz = convene_timezone_new (zone);
      if (tz == NULL)
        continue;
      key = g_strdup_printf ("%d %s",
                             convene_insights_local_minute (tz, g_date_time_to_unix (start), NULL),
                             zone);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
      g_hash_table_replace (counts, g_strdup (key), GUINT_TO_POINTER (n));
      if (n > best)
        {
          const char *space = strchr (key, ' ');

          best = n;
          g_free (*zone_out);
          *zone_out = g_strdup (space + 1);
          *minute_out = atoi (key);
        }
    }
  return best > 0;
}

/* 15 YYYY-MM at @minute in @zone, as Unix seconds; -1 when impossible. */
static gint64
month_start (const char *month,
             const char *zone,
             int         minute)
{
  g_autoptr(GTimeZone) tz = convene_timezone_new (zone);
  g_autoptr(GDateTime) when = NULL;
  guint64 year, mon;

  if (tz == NULL || month == NULL || strlen (month) != 7 ||
      !g_ascii_string_to_unsigned (month + 5, 10, 1, 12, &mon, NULL))
    return -1;
  {
    g_autofree char *y = g_strndup (month, 4);

    if (!g_ascii_string_to_unsigned (y, 10, 1, 9999, &year, NULL))
      return -1;
  }
  when = g_date_time_new (tz, (int) year, (int) mon, 15, minute / 60, minute % 60, 0);
  return when != NULL ? g_date_time_to_unix (when) : -1;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const ConveneInsightsStart *x = a, *y = b;

  if (x->when != y->when)
    return x->when < y->when ? -1 : 1;
  return x->session < y->session ? -1 : x->session > y->session;
}

typedef struct {
  GArray     *starts;
  const char *zone;        /* the usual slot's, or NULL without one */
  int         minute;
} Collect;

static gboolean
collect_row_cb (const ConveneSessionRow *row,
                gpointer                 user_data)
{
  Collect *c = user_data;
  ConveneInsightsStart item = { row->id, -1, FALSE, row->in_series, row->occurrence };

  if (!is_counted_status (row->status))
    return TRUE;
  if (row->dated)
    item.when = row->start;
  else if (c->zone != NULL && row->month != NULL)
    {
      item.when = month_start (row->month, c->zone, c->minute);
      item.month_only = TRUE;
    }
  if (item.when >= 0)
    g_array_append_val (c->starts, item);
  return TRUE;
}

/**
 * convene_insights_collect_starts:
 * @usual_zone: (out) (optional): the zone of the plan's usual slot, or %NULL
 * @usual_minute: (out) (optional): its local time, in minutes after midnight
 *
 * The starts the ledger counts, in time order: every session of @plan that
 * is neither "no meeting" nor cancelled and has a start or a month, and
 * every occurrence of a dated series (through the plan's year) that is
 * neither, as its exceptions leave it.  A month-only session is placed on
 * the 15th of its month at the plan's usual slot.
 *
 * Returns: (transfer full): #ConveneInsightsStart values, or %NULL
 */
GArray *
convene_insights_collect_starts (ConveneStore  *store,
                                 gint64         plan,
                                 char         **usual_zone,
                                 int           *usual_minute,
                                 GError       **error)
{
  g_autoptr(GPtrArray) sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", plan, error);
  g_autoptr(GArray) starts = NULL;
  g_autofree char *zone = NULL;
  Collect c = { NULL, NULL, 0 };

  if (sessions == NULL)
    return NULL;
  starts = g_array_new (FALSE, TRUE, sizeof (ConveneInsightsStart));
  /* the usual slot is the sessions' as they are written, a series once */
  if (find_usual_slot (sessions, &zone, &c.minute))
    c.zone = zone;
  c.starts = starts;
  if (!convene_occurrence_rows_foreach (store, plan, NULL, NULL, collect_row_cb, &c, error))
    return NULL;
  g_array_sort (starts, compare_starts);
  if (usual_zone != NULL)
    *usual_zone = g_steal_pointer (&zone);
  if (usual_minute != NULL)
    *usual_minute = c.minute;
  return g_steal_pointer (&starts);
}

void
convene_insights_member_free (ConveneInsightsMember *member)
{
  g_free (member->name);
  g_free (member->region);
  g_free (member->timezone);
  g_clear_pointer (&member->tz, g_time_zone_unref);
  g_free (member);
}

/**
 * convene_insights_load_members:
 *
 * Returns: (transfer full): every person as a #ConveneInsightsMember, by id
 */
GPtrArray *
convene_insights_load_members (ConveneStore  *store,
                               GError       **error)
{
  g_autoptr(GPtrArray) people = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, error);
  GPtrArray *members;

  if (people == NULL)
    return NULL;
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) convene_insights_member_free);
  for (guint i = 0; i < people->len; i++)
    {
      ConvenePerson *person = g_ptr_array_index (people, i);
      ConveneInsightsMember *member = g_new0 (ConveneInsightsMember, 1);
      const char *region = convene_person_get_region (person);
      const char *zone = convene_person_get_timezone (person);

      member->id = convene_entity_get_id (CONVENE_ENTITY (person));
      member->name = g_strdup (convene_person_get_name (person));
      member->region = g_strdup (region != NULL ? region : "");
      member->sector = convene_person_get_sector (person);
      member->tz = zone != NULL ? convene_timezone_new (zone) : NULL;
      member->timezone = member->tz != NULL ? g_strdup (zone) : NULL;
      g_ptr_array_add (members, member);
    }
  return members;
}

static ConveneInsightsRegion *
find_region (GPtrArray  *regions,
             GHashTable *by_name,
             const char *name)
{
  ConveneInsightsRegion *region = g_hash_table_lookup (by_name, name);

  if (region == NULL)
    {
      region = g_new0 (ConveneInsightsRegion, 1);
      region->region = g_strdup (name);
      g_ptr_array_add (regions, region);
      g_hash_table_insert (by_name, region->region, region);
    }
  return region;
}

static void
region_free (ConveneInsightsRegion *region)
{
  g_free (region->region);
  g_free (region);
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const ConveneInsightsRegion *x = *(ConveneInsightsRegion **) a;
  const ConveneInsightsRegion *y = *(ConveneInsightsRegion **) b;

  return strcmp (x->region, y->region);
}

/* Counts each start against each member with a zone, and against each
 * region whose members it found at night, at least half of them. */
static void
count_nights (ConveneInsights              *self,
              GHashTable                   *by_name,
              const ConveneInsightsOptions *options)
{
  for (guint s = 0; s < self->starts->len; s++)
    {
      gint64 when = g_array_index (self->starts, ConveneInsightsStart, s).when;
      g_autoptr(GHashTable) at_night = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint m = 0; m < self->members->len; m++)
        {
          ConveneInsightsMember *member = g_ptr_array_index (self->members, m);
          int weekday, minute;

          if (member->tz == NULL)
            continue;
          minute = convene_insights_local_minute (member->tz, when, &weekday);
          if (!convene_insights_is_working (options, minute, weekday))
            member->outside_hours++;
          if (!convene_insights_is_night (options, minute))
            continue;
          member->night++;
          self->night_members[s]++;
          if (minute < 12 * 60)
            member->early++;
          else
            member->late++;
          g_hash_table_insert (at_night, member->region,
                               GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (at_night, member->region)) + 1));
        }
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

      for (guint r = 0; r < self->regions->len; r++)
        {
          ConveneInsightsRegion *region = g_ptr_array_index (self->regions, r);
          int n = GPOINTER_TO_INT (g_hash_table_lookup (at_night, region->region));

          if (region->members > 0 && 2 * n >= region->members)
            {
              region->night_sessions++;
              g_strv_builder_add (names, region->region);
            }
        }
      g_ptr_array_add (self->night_regions, g_strv_builder_end (names));
    }
  for (guint m = 0; m < self->members->len; m++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (self->members, m);

      member->weighted = member->early * options->early_weight + member->late * options->late_weight;
    }
  (void) by_name;
}

/* "session" or "session@occurrence": the key that finds a start from an
 * attendance row, which names an occurrence of a series by its start as
 * the rule gives it. */
static char *
start_key (gint64    session,
           gboolean  in_series,
           gint64    occurrence)
{
  if (in_series)
    return g_strdup_printf ("%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT, session, occurrence);
  return g_strdup_printf ("%" G_GINT64_FORMAT, session);
}

/* Attendance rows of the plan's sessions, by the person's sector and
 * region, and per counted start: an occurrence's own rows go to that
 * occurrence.  A row of a series that names no occurrence counts in the
 * totals but in no one start's. */
static gboolean
count_attendance (ConveneInsights  *self,
                  ConveneStore     *store,
                  GHashTable       *by_name,
                  GError          **error)
{
  g_autoptr(GPtrArray) rows = convene_store_query (store, CONVENE_TYPE_ATTENDANCE, NULL, 0, error);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) members = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) by_start = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (rows == NULL)
    return FALSE;
  sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", self->plan, error);
  if (sessions == NULL)
    return FALSE;
  for (guint i = 0; i < sessions->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = convene_entity_get_id (g_ptr_array_index (sessions, i));
      g_hash_table_add (ours, key);
    }
  for (guint m = 0; m < self->members->len; m++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (self->members, m);

      g_hash_table_insert (members, &member->id, member);
    }
  for (guint s = 0; s < self->starts->len; s++)
    {
      ConveneInsightsStart *start = &g_array_index (self->starts, ConveneInsightsStart, s);

      g_hash_table_insert (by_start, start_key (start->session, start->in_series, start->occurrence),
                           GUINT_TO_POINTER (s + 1));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      ConveneAttendance *row = g_ptr_array_index (rows, i);
      gint64 session = convene_attendance_get_session (row);
      gint64 person = convene_attendance_get_person (row);
      GDateTime *occurrence = convene_attendance_get_occurrence (row);
      ConveneInsightsMember *member = g_hash_table_lookup (members, &person);
      g_autofree char *key = NULL;
      guint s;

      if (!g_hash_table_contains (ours, &session) || member == NULL)
        continue;
      self->attendance_rows++;
      member->attended++;
      self->by_sector[CLAMP (member->sector, 0, 6)]++;
      find_region (self->regions, by_name, member->region)->attended++;
      key = start_key (session, occurrence != NULL,
                       occurrence != NULL ? g_date_time_to_unix (occurrence) : 0);
      s = GPOINTER_TO_UINT (g_hash_table_lookup (by_start, key));
      if (s == 0)
        continue;
      self->attended[s - 1]++;
      self->government[s - 1] += member->sector == CONVENE_SECTOR_NATIONAL_GOVERNMENT ||
                                 member->sector == CONVENE_SECTOR_LOCAL_GOVERNMENT;
    }
  return TRUE;
}

/**
 * convene_insights_compute:
 * @options: (nullable): the hours and weights; %NULL for the defaults
 *
 * Returns: (transfer full): the ledger and participation of @plan, or %NULL
 */
ConveneInsights *
convene_insights_compute (ConveneStore                 *store,
                          gint64                        plan,
                          const ConveneInsightsOptions *options,
                          GError                      **error)
{
  g_autoptr(ConveneInsights) self = g_new0 (ConveneInsights, 1);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GObject) plan_object = NULL;
  ConveneInsightsOptions defaults;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  if (options == NULL)
    {
      convene_insights_options_init (&defaults);
      options = &defaults;
    }
  plan_object = convene_store_load (store, CONVENE_TYPE_PLAN, plan, error);
  if (plan_object == NULL)
    return NULL;
  self->plan = plan;
  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) region_free);
  self->starts = convene_insights_collect_starts (store, plan, &self->usual_zone,
                                                  &self->usual_minute, error);
  if (self->starts == NULL)
    return NULL;
  self->members = convene_insights_load_members (store, error);
  if (self->members == NULL)
    return NULL;
  self->night_members = g_new0 (int, self->starts->len + 1);
  self->night_regions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->attended = g_new0 (int, self->starts->len + 1);
  self->government = g_new0 (int, self->starts->len + 1);
  for (guint m = 0; m < self->members->len; m++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (self->members, m);
      ConveneInsightsRegion *region = find_region (self->regions, by_name, member->region);

      if (member->tz != NULL)
        region->members++;
    }
  count_nights (self, by_name, options);
  if (!count_attendance (self, store, by_name, error))
    return NULL;
  g_ptr_array_sort (self->regions, compare_regions);
  return g_steal_pointer (&self);
}

void
convene_insights_free (ConveneInsights *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->night_regions, g_ptr_array_unref);
  g_free (self->night_members);
  g_free (self->attended);
  g_free (self->government);
  g_free (self->usual_zone);
  g_free (self);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *key,
                     const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static char *
format_utc (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/* The members' part of the JSON: one object a person. */
static void
build_members (JsonBuilder     *builder,
               ConveneInsights *self)
{
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint m = 0; m < self->members->len; m++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (self->members, m);
      g_autoptr(GEnumClass) sectors = g_type_class_ref (CONVENE_TYPE_SECTOR);
      GEnumValue *sector = g_enum_get_value (sectors, member->sector);

      json_builder_begin_object (builder);
      add_int (builder, "id", member->id);
      add_nullable_string (builder, "name", member->name);
      add_nullable_string (builder, "region", *member->region != '\0' ? member->region : NULL);
      add_nullable_string (builder, "timezone", member->timezone);
      add_nullable_string (builder, "sector", sector != NULL ? sector->value_nick : NULL);
      json_builder_set_member_name (builder, "night");
      if (member->tz != NULL)
        json_builder_add_int_value (builder, member->night);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "outside_hours");
      if (member->tz != NULL)
        json_builder_add_int_value (builder, member->outside_hours);
      else
        json_builder_add_null_value (builder);
      add_int (builder, "early", member->early);
      add_int (builder, "late", member->late);
      json_builder_set_member_name (builder, "weighted_night");
      json_builder_add_double_value (builder, member->weighted);
      add_int (builder, "attended", member->attended);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * convene_insights_to_json:
 *
 * The shape `convene-cli insights --json` prints (issue 13): plan,
 * sessions_counted, members, regions, by_sector, by_region, and the
 * starts counted with their night and attendance counts.
 */
/* Long because it writes the JSON shape issue 13 fixes, key after key, in one place a reader
 * can check against it. */
char *
convene_insights_to_json (ConveneInsights *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GEnumClass) sectors = g_type_class_ref (CONVENE_TYPE_SECTOR);

  json_builder_begin_object (builder);
  add_int (builder, "plan", self->plan);
  add_int (builder, "sessions_counted", self->starts->len);
  build_members (builder, self);
  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  for (guint r = 0; r < self->regions->len; r++)
    {
      ConveneInsightsRegion *region = g_ptr_array_index (self->regions, r);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "region", *region->region != '\0' ? region->region : NULL);
      add_int (builder, "members", region->members);
      add_int (builder, "night_sessions", region->night_sessions);
      add_int (builder, "attended", region->attended);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "by_sector");
  json_builder_begin_object (builder);
  for (guint i = 0; i < sectors->n_values; i++)
    add_int (builder, sectors->values[i].value_nick, self->by_sector[sectors->values[i].value]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "by_region");
  json_builder_begin_object (builder);
  for (guint r = 0; r < self->regions->len; r++)
    {
      ConveneInsightsRegion *region = g_ptr_array_index (self->regions, r);

      add_int (builder, *region->region != '\0' ? region->region : "", region->attended);
    }
  json_builder_end_object (builder);
  add_int (builder, "attendance_rows", self->attendance_rows);
  json_builder_set_member_name (builder, "sessions");
  json_builder_begin_array (builder);
  for (guint s = 0; s < self->starts->len; s++)
    {
      ConveneInsightsStart *start = &g_array_index (self->starts, ConveneInsightsStart, s);
      g_autofree char *text = format_utc (start->when);

      json_builder_begin_object (builder);
      add_int (builder, "id", start->session);
      add_nullable_string (builder, "start", text);
      if (start->in_series)
        {
          g_autofree char *occurrence = format_utc (start->occurrence);

          add_nullable_string (builder, "occurrence", occurrence);
        }
      json_builder_set_member_name (builder, "month_only");
      json_builder_add_boolean_value (builder, start->month_only);
      add_int (builder, "night_members", self->night_members[s]);
      json_builder_set_member_name (builder, "night_regions");
      json_builder_begin_array (builder);
      for (GStrv r = g_ptr_array_index (self->night_regions, s); *r != NULL; r++)
        json_builder_add_string_value (builder, *r);
      json_builder_end_array (builder);
      add_int (builder, "attended", self->attended[s]);
      add_int (builder, "government", self->government[s]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
