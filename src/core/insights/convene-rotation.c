/* convene-rotation.c: the planner's grid and the rotation of a plan's
 * sessions between slots of the UTC day.
 *
 * Members who share a region and a zone have the same night on every
 * date, so both the grid and the search work on those groups, not on
 * people: a group of 2,000 members in forty zones is forty rows of work.
 * Each date is converted in each zone on its own, so a slot that is 19:00
 * in London in February is 20:00 there in April. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "insights/convene-rotation.h"

ConveneHourKind
convene_hour_kind (const ConveneInsightsOptions *options,
                   int                           minute,
                   int                           weekday)
{
  if (convene_insights_is_night (options, minute))
    return CONVENE_HOUR_NIGHT;
  if (convene_insights_is_working (options, minute, weekday))
    return CONVENE_HOUR_WORKING;
  return CONVENE_HOUR_EVENING;
}

char *
convene_rotation_slot_name (int slot)
{
  return g_strdup_printf ("%02d:%02d", slot / 2, (slot % 2) * 30);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const ConveneInsightsMember *x = *(ConveneInsightsMember **) a;
  const ConveneInsightsMember *y = *(ConveneInsightsMember **) b;
  int c = strcmp (x->region, y->region);

  if (c != 0)
    return c;
  c = g_strcmp0 (x->name, y->name);
  return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

/**
 * convene_planner_compute:
 * @members: #ConveneInsightsMember values (those without a zone are left out)
 * @day: the UTC midnight of the date, in Unix seconds
 *
 * Returns: (transfer full): each member's local time and its kind for each
 *   start every 30 minutes across the UTC day
 */
ConvenePlanner *
convene_planner_compute (GPtrArray                    *members,
                         gint64                        day,
                         const ConveneInsightsOptions *options)
{
  ConvenePlanner *self = g_new0 (ConvenePlanner, 1);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint n;

  self->day = day;
  self->members = g_ptr_array_new ();
  for (guint i = 0; i < members->len; i++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (members, i);

      if (member->tz != NULL)
        g_ptr_array_add (self->members, member);
    }
  g_ptr_array_sort (self->members, compare_members);
  n = self->members->len;
  self->minutes = g_new (int, (gsize) n * CONVENE_ROTATION_N_SLOTS + 1);
  self->kinds = g_new (guint8, (gsize) n * CONVENE_ROTATION_N_SLOTS + 1);
  self->night = g_new0 (int, CONVENE_ROTATION_N_SLOTS);
  for (guint i = 0; i < n; i++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (self->members, i);
      int *row = g_hash_table_lookup (zones, member->timezone);

      if (row == NULL)
        {
          /* minute and kind of each slot, once per zone */
          row = g_new (int, 2 * CONVENE_ROTATION_N_SLOTS);
          for (int s = 0; s < CONVENE_ROTATION_N_SLOTS; s++)
            {
              int weekday;

              row[s] = convene_insights_local_minute (member->tz, day + s * 1800, &weekday);
              row[CONVENE_ROTATION_N_SLOTS + s] = convene_hour_kind (options, row[s], weekday);
            }
          g_hash_table_insert (zones, member->timezone, row);
        }
      for (int s = 0; s < CONVENE_ROTATION_N_SLOTS; s++)
        {
          self->minutes[i * CONVENE_ROTATION_N_SLOTS + s] = row[s];
          self->kinds[i * CONVENE_ROTATION_N_SLOTS + s] = row[CONVENE_ROTATION_N_SLOTS + s];
          if (row[CONVENE_ROTATION_N_SLOTS + s] == CONVENE_HOUR_NIGHT)
            self->night[s]++;
        }
    }
  return self;
}

void
convene_planner_free (ConvenePlanner *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->members);
  g_free (self->minutes);
  g_free (self->kinds);
  g_free (self->night);
  g_free (self);
}

static char *
generate (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
add_slot_names (JsonBuilder *builder,
                const char  *key,
                const int   *slots,
                guint        n)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = convene_rotation_slot_name (slots != NULL ? slots[i] : (int) i);

      json_builder_add_string_value (builder, name);
    }
  json_builder_end_array (builder);
}

/* The grid as JSON: slots, then regions with their members' rows. */
/* Long because the regions' arrays open and close as the sorted members cross from one region
 * to the next, which reads best in one loop. */
char *
convene_planner_to_json (ConvenePlanner *self)
{
  static const char * const kind_names[] = { "working", "evening", "night" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (self->day);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  const char *region = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  add_slot_names (builder, "slots", NULL, CONVENE_ROTATION_N_SLOTS);
  json_builder_set_member_name (builder, "night_members");
  json_builder_begin_array (builder);
  for (int s = 0; s < CONVENE_ROTATION_N_SLOTS; s++)
    json_builder_add_int_value (builder, self->night[s]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->members->len; i++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (self->members, i);

      if (region == NULL || strcmp (region, member->region) != 0)
        {
          if (region != NULL)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          region = member->region;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "region");
          json_builder_add_string_value (builder, region);
          json_builder_set_member_name (builder, "members");
          json_builder_begin_array (builder);
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, member->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, member->name);
      json_builder_set_member_name (builder, "timezone");
      json_builder_add_string_value (builder, member->timezone);
      json_builder_set_member_name (builder, "local");
      json_builder_begin_array (builder);
      for (int s = 0; s < CONVENE_ROTATION_N_SLOTS; s++)
        {
          int m = self->minutes[i * CONVENE_ROTATION_N_SLOTS + s];
          g_autofree char *text = g_strdup_printf ("%02d:%02d", m / 60, m % 60);

          json_builder_add_string_value (builder, text);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "kinds");
      json_builder_begin_array (builder);
      for (int s = 0; s < CONVENE_ROTATION_N_SLOTS; s++)
        json_builder_add_string_value (builder, kind_names[self->kinds[i * CONVENE_ROTATION_N_SLOTS + s]]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  if (region != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return generate (builder);
}

/* Members sharing a region and a zone. */
typedef struct {
  GTimeZone *tz;
  guint      region;
  int        count;
} Group;

/* What the search reads: for region r, session i, slot s, whether at least
 * half of r's members are at night (night[(r * n + i) * 48 + s]); for
 * group g, its convenience (0 night, 1 awake, 2 working); per session and
 * slot, whether at least 60% of all members can attend. */
typedef struct {
  guint      n_regions, n_sessions, n_groups;
  GPtrArray *region_names;
  int       *region_members;
  GArray    *groups;
  guint8    *night;
  guint8    *convenience;
  guint8    *eligible;
  int        total_members;
} Tables;

static void
tables_clear (Tables *t)
{
  g_ptr_array_unref (t->region_names);
  g_free (t->region_members);
  g_array_unref (t->groups);
  g_free (t->night);
  g_free (t->convenience);
  g_free (t->eligible);
}

static void
group_members (Tables    *t,
               GPtrArray *members)
{
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (int));

  t->region_names = g_ptr_array_new ();
  t->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  for (guint i = 0; i < members->len; i++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (members, i);
      g_autofree char *key = NULL;
      gpointer r, g;

      if (member->tz == NULL)
        continue;
      if (!g_hash_table_lookup_extended (regions, member->region, NULL, &r))
        {
          int zero = 0;

          r = GUINT_TO_POINTER (t->region_names->len);
          g_hash_table_insert (regions, member->region, r);
          g_ptr_array_add (t->region_names, member->region);
          g_array_append_val (counts, zero);
        }
      g_array_index (counts, int, GPOINTER_TO_UINT (r))++;
      key = g_strconcat (member->region, "\n", member->timezone, NULL);
      if (!g_hash_table_lookup_extended (groups, key, NULL, &g))
        {
          Group group = { member->tz, GPOINTER_TO_UINT (r), 0 };

          g = GUINT_TO_POINTER (t->groups->len);
          g_array_append_val (t->groups, group);
          g_hash_table_insert (groups, g_steal_pointer (&key), g);
        }
      g_array_index (t->groups, Group, GPOINTER_TO_UINT (g)).count++;
      t->total_members++;
    }
  t->n_regions = t->region_names->len;
  t->n_groups = t->groups->len;
  /* One more than the regions, so that a group of no region reads a count;
   * only the regions' own counts are copied from @counts. */
  t->region_members = g_new0 (int, counts->len + 1);
  if (counts->len > 0)
    memcpy (t->region_members, counts->data, sizeof (int) * counts->len);
}

/* Fills the tables: every group's local time for every slot on every
 * session's own UTC date. */
static void
fill_tables (Tables                       *t,
             GPtrArray                    *members,
             GArray                       *starts,
             const ConveneInsightsOptions *options)
{
  const guint S = CONVENE_ROTATION_N_SLOTS;
  g_autofree int *at_night = NULL;
  int awake;

  group_members (t, members);
  t->n_sessions = starts->len;
  t->night = g_new0 (guint8, (gsize) t->n_regions * t->n_sessions * S + 1);
  t->convenience = g_new0 (guint8, (gsize) t->n_groups * t->n_sessions * S + 1);
  t->eligible = g_new0 (guint8, (gsize) t->n_sessions * S + 1);
  at_night = g_new (int, t->n_regions + 1);
  for (guint i = 0; i < t->n_sessions; i++)
    {
      gint64 when = g_array_index (starts, ConveneInsightsStart, i).when;
      gint64 day = (when >= 0 ? when / 86400 : (when - 86399) / 86400) * 86400;

      for (guint s = 0; s < S; s++)
        {
          memset (at_night, 0, sizeof (int) * (t->n_regions + 1));
          awake = 0;
          for (guint g = 0; g < t->n_groups; g++)
            {
              Group *group = &g_array_index (t->groups, Group, g);
              int weekday;
              int minute = convene_insights_local_minute (group->tz, day + s * 1800, &weekday);
              ConveneHourKind kind = convene_hour_kind (options, minute, weekday);

              t->convenience[((gsize) g * t->n_sessions + i) * S + s] =
                kind == CONVENE_HOUR_NIGHT ? 0 : kind == CONVENE_HOUR_EVENING ? 1 : 2;
              if (kind == CONVENE_HOUR_NIGHT)
                at_night[group->region] += group->count;
              else
                awake += group->count;
            }
          for (guint r = 0; r < t->n_regions; r++)
            t->night[((gsize) r * t->n_sessions + i) * S + s] = 2 * at_night[r] >= t->region_members[r];
          t->eligible[(gsize) i * S + s] = 10 * awake >= 6 * t->total_members;
        }
    }
}

/* Decodes the tuple number @index into @k slots. */
static void
decode_tuple (guint index,
              guint k,
              int  *slots)
{
  for (guint j = 0; j < k; j++)
    {
      slots[j] = index % CONVENE_ROTATION_N_SLOTS;
      index /= CONVENE_ROTATION_N_SLOTS;
    }
}

static guint
count_distinct (const int *slots,
                guint      k)
{
  guint n = 0;

  for (guint j = 0; j < k; j++)
    {
      gboolean seen = FALSE;

      for (guint l = 0; l < j; l++)
        seen |= slots[l] == slots[j];
      n += !seen;
    }
  return n;
}

/* The standard deviation, over members, of their convenience summed over
 * the sessions, session i at slot slots[i % k]; @sums[g][j][s] is group g's
 * convenience summed over the sessions of residue j. */
static double
tuple_spread (const Tables *t,
              const int    *sums,
              const int    *slots,
              guint         k)
{
  const guint S = CONVENE_ROTATION_N_SLOTS;
  double mean = 0, square = 0;

  if (t->total_members == 0)
    return 0;
  for (guint g = 0; g < t->n_groups; g++)
    {
      int count = g_array_index (t->groups, Group, g).count;
      double x = 0;

      for (guint j = 0; j < k; j++)
        x += sums[((gsize) g * k + j) * S + slots[j]];
      mean += count * x;
      square += count * x * x;
    }
  mean /= t->total_members;
  return sqrt (MAX (0.0, square / t->total_members - mean * mean));
}

/* The rotation's search: every ordered k-tuple of slots, session i taking
 * slot i mod k.  Least worst region first, then the fewest nights over all
 * regions, then the most distinct slots, then the earliest slots. */
static void
search_nights (const Tables    *t,
               guint            k,
               ConveneRotation *self)
{
  const guint S = CONVENE_ROTATION_N_SLOTS;
  g_autofree int *c = g_new0 (int, (gsize) t->n_regions * k * S + 1);
  guint n_tuples = 1;
  int best_worst = G_MAXINT, best_total = G_MAXINT;
  guint best_distinct = 0;

  for (guint r = 0; r < t->n_regions; r++)
    for (guint i = 0; i < t->n_sessions; i++)
      for (guint s = 0; s < S; s++)
        c[((gsize) r * k + i % k) * S + s] += t->night[((gsize) r * t->n_sessions + i) * S + s];
  for (guint j = 0; j < k; j++)
    n_tuples *= S;
  for (guint index = 0; index < n_tuples; index++)
    {
      int slots[CONVENE_ROTATION_MAX_SLOTS];
      int worst = 0, total = 0;
      guint distinct;

      decode_tuple (index, k, slots);
      for (guint r = 0; r < t->n_regions && worst <= best_worst; r++)
        {
          int sum = 0;

          for (guint j = 0; j < k; j++)
            sum += c[((gsize) r * k + j) * S + slots[j]];
          worst = MAX (worst, sum);
          total += sum;
        }
      if (worst > best_worst)
        continue;
      distinct = count_distinct (slots, k);
      if (worst < best_worst ||
          (worst == best_worst && (total < best_total ||
                                   (total == best_total && distinct > best_distinct))))
        {
          best_worst = worst;
          best_total = total;
          best_distinct = distinct;
          memcpy (self->slots, slots, sizeof (int) * k);
        }
    }
  self->worst_region_night = t->n_regions > 0 ? best_worst : 0;
  if (t->n_regions == 0)
    memset (self->slots, 0, sizeof self->slots);
}

/* The best fixed slot, and which region is worst off under the proposal. */
static void
compare_fixed (const Tables    *t,
               ConveneRotation *self)
{
  const guint S = CONVENE_ROTATION_N_SLOTS;
  int best = G_MAXINT, best_total = G_MAXINT, worst_of_proposal = -1;

  self->best_fixed_slot = 0;
  for (guint s = 0; s < S; s++)
    {
      int worst = 0, total = 0;

      for (guint r = 0; r < t->n_regions; r++)
        {
          int sum = 0;

          for (guint i = 0; i < t->n_sessions; i++)
            sum += t->night[((gsize) r * t->n_sessions + i) * S + s];
          worst = MAX (worst, sum);
          total += sum;
        }
      if (worst < best || (worst == best && total < best_total))
        {
          best = worst;
          best_total = total;
          self->best_fixed_slot = s;
        }
    }
  self->best_fixed_worst_region_night = t->n_regions > 0 ? best : 0;
  for (guint r = 0; r < t->n_regions; r++)
    {
      int sum = 0;

      for (guint i = 0; i < t->n_sessions; i++)
        sum += t->night[((gsize) r * t->n_sessions + i) * S + self->slots[i % self->n_slots]];
      /* no region is worst off when none meets at night */
      if (sum > worst_of_proposal && sum > 0)
        {
          worst_of_proposal = sum;
          g_free (self->worst_region);
          self->worst_region = g_strdup (g_ptr_array_index (t->region_names, r));
        }
    }
}

/* The TSC picker's view: the spread of the proposal and of the best fixed
 * slot, and the k slots (each one that 60% can attend on every date it
 * serves) with the least spread. */
static void
search_spread (const Tables    *t,
               guint            k,
               ConveneRotation *self)
{
  const guint S = CONVENE_ROTATION_N_SLOTS;
  g_autofree int *sums = g_new0 (int, (gsize) t->n_groups * k * S + 1);
  g_autofree int *fixed = g_new0 (int, (gsize) t->n_groups * S + 1);
  g_autofree guint8 *eligible = g_new (guint8, (gsize) k * S);
  guint n_tuples = 1;

  memset (eligible, 1, (gsize) k * S);
  for (guint g = 0; g < t->n_groups; g++)
    for (guint i = 0; i < t->n_sessions; i++)
      for (guint s = 0; s < S; s++)
        {
          int value = t->convenience[((gsize) g * t->n_sessions + i) * S + s];

          sums[((gsize) g * k + i % k) * S + s] += value;
          fixed[(gsize) g * S + s] += value;
        }
  for (guint i = 0; i < t->n_sessions; i++)
    for (guint s = 0; s < S; s++)
      eligible[(i % k) * S + s] &= t->eligible[(gsize) i * S + s];
  self->spread = tuple_spread (t, sums, self->slots, k);
  self->best_fixed_spread = tuple_spread (t, fixed, &self->best_fixed_slot, 1);
  for (guint j = 0; j < k; j++)
    n_tuples *= S;
  self->tsc_found = FALSE;
  for (guint index = 0; index < n_tuples; index++)
    {
      int slots[CONVENE_ROTATION_MAX_SLOTS];
      gboolean ok = TRUE;
      double spread;

      decode_tuple (index, k, slots);
      for (guint j = 0; j < k && ok; j++)
        ok = eligible[j * S + slots[j]];
      if (!ok)
        continue;
      spread = tuple_spread (t, sums, slots, k);
      if (!self->tsc_found || spread < self->tsc_spread - 1e-9)
        {
          self->tsc_found = TRUE;
          self->tsc_spread = spread;
          memcpy (self->tsc_slots, slots, sizeof (int) * k);
        }
    }
}

/**
 * convene_rotation_compute:
 * @members: #ConveneInsightsMember values
 * @starts: the counted starts, in date order (convene_insights_collect_starts())
 * @n_slots: 1 to %CONVENE_ROTATION_MAX_SLOTS
 *
 * Returns: (transfer full): the slots that minimise the worst region's
 *   night count when the sessions take them in turn on their own dates
 */
ConveneRotation *
convene_rotation_compute (GPtrArray                    *members,
                          GArray                       *starts,
                          const ConveneInsightsOptions *options,
                          guint                         n_slots)
{
  ConveneRotation *self = g_new0 (ConveneRotation, 1);
  Tables t = { 0 };

  g_return_val_if_fail (n_slots >= 1 && n_slots <= CONVENE_ROTATION_MAX_SLOTS, NULL);

  self->n_slots = n_slots;
  fill_tables (&t, members, starts, options);
  search_nights (&t, n_slots, self);
  compare_fixed (&t, self);
  search_spread (&t, n_slots, self);
  self->starts = g_array_copy (starts);
  for (guint i = 0; i < self->starts->len; i++)
    {
      ConveneInsightsStart *start = &g_array_index (self->starts, ConveneInsightsStart, i);
      gint64 day = (start->when >= 0 ? start->when / 86400 : (start->when - 86399) / 86400) * 86400;

      start->when = day + self->slots[i % n_slots] * 1800;
    }
  tables_clear (&t);
  return self;
}

void
convene_rotation_free (ConveneRotation *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->starts, g_array_unref);
  g_free (self->worst_region);
  g_free (self);
}

/* The shape of `convene-cli rotate --json` (issue 13). */
char *
convene_rotation_to_json (ConveneRotation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *fixed = convene_rotation_slot_name (self->best_fixed_slot);

  json_builder_begin_object (builder);
  add_slot_names (builder, "slots", self->slots, self->n_slots);
  json_builder_set_member_name (builder, "worst_region_night");
  json_builder_add_int_value (builder, self->worst_region_night);
  json_builder_set_member_name (builder, "worst_region");
  if (self->worst_region != NULL)
    json_builder_add_string_value (builder, self->worst_region);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "best_fixed_slot");
  json_builder_add_string_value (builder, fixed);
  json_builder_set_member_name (builder, "best_fixed_worst_region_night");
  json_builder_add_int_value (builder, self->best_fixed_worst_region_night);
  json_builder_set_member_name (builder, "spread");
  json_builder_add_double_value (builder, self->spread);
  json_builder_set_member_name (builder, "best_fixed_spread");
  json_builder_add_double_value (builder, self->best_fixed_spread);
  json_builder_set_member_name (builder, "tsc");
  if (self->tsc_found)
    {
      json_builder_begin_object (builder);
      add_slot_names (builder, "slots", self->tsc_slots, self->n_slots);
      json_builder_set_member_name (builder, "spread");
      json_builder_add_double_value (builder, self->tsc_spread);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "sessions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->starts->len; i++)
    {
      ConveneInsightsStart *start = &g_array_index (self->starts, ConveneInsightsStart, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (start->when);
      g_autofree char *text = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, start->session);
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, text);
      if (start->in_series)
        {
          g_autoptr(GDateTime) rule = g_date_time_new_from_unix_utc (start->occurrence);
          g_autofree char *occurrence = g_date_time_format (rule, "%Y-%m-%dT%H:%M:%SZ");

          /* which meeting of the series: its start as the rule gives it */
          json_builder_set_member_name (builder, "occurrence");
          json_builder_add_string_value (builder, occurrence);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return generate (builder);
}
