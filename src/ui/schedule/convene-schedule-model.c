/* convene-schedule-model.c: the schedule's rows, loaded as they are shown.
 *
 * The model keeps an index of what the schedule lists, one small entry a
 * row (session id, occurrence, month, start), read in list order straight
 * from SQLite by convene_occurrence_rows_foreach(): a single session once,
 * a series once a meeting through the plan's year.  The search words and
 * the filters are applied while the rows stream past, so a search is one
 * pass over the rows and never a pass over objects.  A row becomes a
 * ConveneSession only when GTK asks for it, that is when it is on screen;
 * a plan of 100,000 sessions makes a few dozen objects to show its first
 * frame.  The months are the sections, found in the index.
 *
 * A committed change reads the index again and tells GTK only what moved:
 * the rows before the first difference and after the last stay as they
 * were, with their objects.  The events of subscribed calendars in the
 * plan's year are merged in, in list order.
 */
#include "config.h"

#include "ui/schedule/convene-schedule-model.h"

#include <stdlib.h>
#include <string.h>

#include "ui/convene-occurrence-list.h"
#include "model/convene-session-exception.h"
#include "model/convene-subscription.h"
#include "store/convene-occurrence-rows.h"
#include "sync/convene-subscription-list.h"
#include "time/convene-clock.h"
#include "time/convene-zone.h"

#define NO_MONTH G_MAXUINT32

#define CONVENE_TYPE_SCHEDULE_ROWS (convene_schedule_rows_get_type ())
G_DECLARE_FINAL_TYPE (ConveneScheduleRows, convene_schedule_rows, CONVENE, SCHEDULE_ROWS, GObject)

typedef struct {
  gint64  id;          /* the session, or the event's own id */
  gint64  occurrence;  /* a series' occurrence as the rule gives it, or 0 */
  gint64  start;       /* when dated */
  guint32 month;       /* year × 12 + month − 1, or NO_MONTH when to be confirmed */
  guint32 event;       /* 1 + the event's position among the subscriptions' events, or 0 */
  guint8  dated;
  guint8  in_series;
} Entry;

struct _ConveneScheduleModel
{
  GObject         parent_instance;

  ConveneStore   *store;
  gint64          plan;
  GListModel     *events;     /* the subscriptions' events of the plan's year */

  GArray         *entries;    /* Entry, in list order */
  GPtrArray      *items;      /* beside the entries: NULL until asked for */
  ConveneScheduleRows *rows;  /* what the list shows: the entries with a header a month */
  GHashTable     *sessions;   /* gint64 id → ConveneSession as stored */
  GHashTable     *exceptions; /* gint64 id → GPtrArray of a series' exceptions */

  /* What a change made stale, until the index is read again. */
  GHashTable     *stale;      /* gint64 ids */
  gboolean        stale_all;
  gboolean        stale_series;
  gboolean        stale_events;

  char          **words;
  int             status;
  int             format;
  char           *language;
  char           *lead;

  guint           n_sessions;
  GPtrArray      *languages;
  GPtrArray      *leads;
  ConveneSession *next;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);
static void section_model_iface_init (GtkSectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConveneScheduleModel, convene_schedule_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SECTION_MODEL, section_model_iface_init))

/* ---- making a row's object ------------------------------------------------- */

/* The items array holds NULL for the rows not yet asked for. */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static ConveneSession *
stored_session (ConveneScheduleModel *self,
                gint64                id)
{
  ConveneSession *session = g_hash_table_lookup (self->sessions, &id);
  g_autoptr(GError) error = NULL;

  if (session != NULL)
    return session;
  session = convene_store_load (self->store, CONVENE_TYPE_SESSION, id, &error);
  if (session == NULL)
    {
      /* Removed by another program since the index was read: the next
       * notice of it reads the index again. */
      g_debug ("Session %" G_GINT64_FORMAT " is gone: %s", id, error->message);
      session = convene_session_new ();
    }
  g_hash_table_insert (self->sessions, g_memdup2 (&id, sizeof id), session);
  return session;
}

static GPtrArray *
exceptions_of (ConveneScheduleModel *self,
               gint64                id)
{
  GPtrArray *list = g_hash_table_lookup (self->exceptions, &id);
  g_autoptr(GError) error = NULL;

  if (list != NULL)
    return list;
  list = convene_store_query (self->store, CONVENE_TYPE_SESSION_EXCEPTION, "session", id, &error);
  if (list == NULL)
    {
      g_warning ("Could not read the series’ exceptions: %s", error->message);
      list = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_hash_table_insert (self->exceptions, g_memdup2 (&id, sizeof id), list);
  return list;
}

static gpointer
make_item (ConveneScheduleModel *self,
           const Entry          *entry)
{
  ConveneSession *session;

  if (entry->event > 0)
    return g_list_model_get_item (self->events, entry->event - 1);
  session = stored_session (self, entry->id);
  if (entry->in_series)
    return convene_occurrence_new (session, exceptions_of (self, entry->id), entry->occurrence);
  return g_object_ref (session);
}

/* ---- GListModel and GtkSectionModel ---------------------------------------- */

static GType
list_get_item_type (GListModel *model)
{
  return CONVENE_TYPE_SESSION;
}

static guint
list_get_n_items (GListModel *model)
{
  return CONVENE_SCHEDULE_MODEL (model)->entries->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  ConveneScheduleModel *self = CONVENE_SCHEDULE_MODEL (model);

  if (position >= self->entries->len)
    return NULL;
  if (self->items->pdata[position] == NULL)
    self->items->pdata[position] = make_item (self, &g_array_index (self->entries, Entry, position));
  return g_object_ref (self->items->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

/* The rows of @position's month: the index is in month order, so its
 * edges are found by halving. */
static void
section_get_section (GtkSectionModel *model,
                     guint            position,
                     guint           *out_start,
                     guint           *out_end)
{
  ConveneScheduleModel *self = CONVENE_SCHEDULE_MODEL (model);
  const Entry *entries = (const Entry *) (gpointer) self->entries->data;
  guint n = self->entries->len;
  guint32 month;
  guint lo, hi;

  if (position >= n)
    {
      *out_start = n;
      *out_end = G_MAXUINT;
      return;
    }
  month = entries[position].month;
  for (lo = 0, hi = position; lo < hi;)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entries[mid].month < month)
        lo = mid + 1;
      else
        hi = mid;
    }
  *out_start = lo;
  for (lo = position + 1, hi = n; lo < hi;)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entries[mid].month <= month)
        lo = mid + 1;
      else
        hi = mid;
    }
  *out_end = lo;
}

static void
section_model_iface_init (GtkSectionModelInterface *iface)
{
  iface->get_section = section_get_section;
}

/* ---- the rows shown: a header a month, then its sessions ------------------- */

/* The list shows its months as rows of their own: a header is an item, not
 * a GtkListHeader, so that the schedule can be a one-column GtkGridView,
 * which keeps about 30 rows alive where a GtkListView keeps 200 whatever
 * its height; each is a session row to lay out, the most of a frame. */

struct _ConveneScheduleMonth
{
  GObject parent_instance;

  char    month[8];  /* "YYYY-MM", or "" for the sessions to be confirmed */
  guint   n_items;
};

G_DEFINE_FINAL_TYPE (ConveneScheduleMonth, convene_schedule_month, G_TYPE_OBJECT)

static void
convene_schedule_month_class_init (ConveneScheduleMonthClass *klass)
{
}

static void
convene_schedule_month_init (ConveneScheduleMonth *self)
{
}

/* Returns: (nullable): the month as "YYYY-MM", or %NULL for the sessions
 * still to be confirmed */
const char *
convene_schedule_month_get_month (ConveneScheduleMonth *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MONTH (self), NULL);
  return self->month[0] != '\0' ? self->month : NULL;
}

/* How many rows the month has under its header. */
guint
convene_schedule_month_get_n_items (ConveneScheduleMonth *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MONTH (self), 0);
  return self->n_items;
}

typedef struct {
  guint32  month;
  guint32  count;   /* a header: the rows of its month */
  guint    index;   /* a session: its position in the model; a header: its month's first */
  gboolean header;
} Row;

struct _ConveneScheduleRows
{
  GObject               parent_instance;

  ConveneScheduleModel *model;    /* not owned: the model owns its rows */
  GArray               *rows;     /* Row */
  GPtrArray            *headers;  /* beside the rows: a header's object, NULL until asked for */
  GArray               *starts;   /* guint: each header's row, in order */
};

static void rows_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConveneScheduleRows, convene_schedule_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rows_iface_init))

static GType
rows_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
rows_get_n_items (GListModel *model)
{
  return CONVENE_SCHEDULE_ROWS (model)->rows->len;
}

static gpointer
rows_get_item (GListModel *model,
               guint       position)
{
  ConveneScheduleRows *self = CONVENE_SCHEDULE_ROWS (model);
  const Row *row;

  if (position >= self->rows->len || self->model == NULL)
    return NULL;
  row = &g_array_index (self->rows, Row, position);
  if (!row->header)
    return g_list_model_get_item (G_LIST_MODEL (self->model), row->index);
  if (self->headers->pdata[position] == NULL)
    {
      ConveneScheduleMonth *month = g_object_new (CONVENE_TYPE_SCHEDULE_MONTH, NULL);

      if (row->month != NO_MONTH)
        g_snprintf (month->month, sizeof month->month, "%04u-%02u", row->month / 12, row->month % 12 + 1);
      month->n_items = row->count;
      self->headers->pdata[position] = month;
    }
  return g_object_ref (self->headers->pdata[position]);
}

static void
rows_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rows_get_item_type;
  iface->get_n_items = rows_get_n_items;
  iface->get_item = rows_get_item;
}

static void
convene_schedule_rows_finalize (GObject *object)
{
  ConveneScheduleRows *self = CONVENE_SCHEDULE_ROWS (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);

  G_OBJECT_CLASS (convene_schedule_rows_parent_class)->finalize (object);
}

static void
convene_schedule_rows_class_init (ConveneScheduleRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_schedule_rows_finalize;
}

static void
convene_schedule_rows_init (ConveneScheduleRows *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->headers = g_ptr_array_new_with_free_func (unref_item);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* The rows for @entries, and where their headers are. */
static GArray *
rows_for (GArray  *entries,
          GArray **out_starts)
{
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), entries->len + 16);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint header = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      Row row = { e->month, 0, i, FALSE };

      if (i == 0 || e->month != g_array_index (entries, Entry, i - 1).month)
        {
          Row first = { e->month, 0, i, TRUE };

          header = rows->len;
          g_array_append_val (starts, header);
          g_array_append_val (rows, first);
        }
      g_array_index (rows, Row, header).count++;
      g_array_append_val (rows, row);
    }
  *out_starts = starts;
  return rows;
}

/* ---- reading the index ------------------------------------------------------- */

static guint32
month_key (const char *month)
{
  if (month == NULL || strlen (month) != 7 || month[4] != '-')
    return NO_MONTH;
  return (guint32) (atoi (month) * 12 + atoi (month + 5) - 1);
}

static gboolean
words_match (char       **words,
             const char **fields,
             guint        n_fields,
             const char * const *more)
{
  for (guint w = 0; words[w] != NULL; w++)
    {
      gboolean found = FALSE;

      for (guint f = 0; f < n_fields && !found; f++)
        found = fields[f] != NULL && g_str_match_string (words[w], fields[f], TRUE);
      for (guint m = 0; more != NULL && more[m] != NULL && !found; m++)
        found = g_str_match_string (words[w], more[m], TRUE);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
row_matches (ConveneScheduleModel    *self,
             const ConveneSessionRow *row)
{
  /* The speakers as stored: a JSON array, whose quotes and commas split
   * words as spaces do. */
  const char *fields[] = { row->topic, row->lead, row->notes, row->speakers };

  if (self->status >= 0 && (int) row->status != self->status)
    return FALSE;
  if (self->format >= 0 && (int) row->format != self->format)
    return FALSE;
  if (self->language != NULL && g_strcmp0 (row->language, self->language) != 0)
    return FALSE;
  if (self->lead != NULL && g_strcmp0 (row->lead, self->lead) != 0)
    return FALSE;
  return self->words == NULL || words_match (self->words, fields, G_N_ELEMENTS (fields), NULL);
}

static gboolean
event_matches (ConveneScheduleModel *self,
               ConveneSession       *event)
{
  const char *fields[] = {
    convene_session_get_topic (event),
    convene_session_get_lead (event),
    convene_session_get_notes (event),
  };

  if (self->status >= 0 && (int) convene_session_get_status (event) != self->status)
    return FALSE;
  if (self->format >= 0 && (int) convene_session_get_format (event) != self->format)
    return FALSE;
  if (self->language != NULL && g_strcmp0 (convene_session_get_language (event), self->language) != 0)
    return FALSE;
  if (self->lead != NULL && g_strcmp0 (convene_session_get_lead (event), self->lead) != 0)
    return FALSE;
  return self->words == NULL ||
         words_match (self->words, fields, G_N_ELEMENTS (fields), convene_session_get_speakers (event));
}

typedef struct {
  ConveneScheduleModel *self;
  gboolean              counting;   /* every row passes: count and find what's next */
  GArray               *entries;
  GHashTable           *series;     /* gint64 ids of the series seen */
  GHashTable           *languages;  /* interned strings */
  GHashTable           *leads;
  guint                 n_sessions;
  gint64                now;
  gboolean              have_next;
  gint64                next_start;
  gint64                next_id;
  gint64                next_occurrence;
  gboolean              next_in_series;
} Reading;

static gboolean
read_row_cb (const ConveneSessionRow *row,
             gpointer                 user_data)
{
  Reading *r = user_data;
  Entry entry = { 0 };

  if (!r->counting)
    goto filter;
  if (!row->in_series)
    r->n_sessions++;
  else if (!g_hash_table_contains (r->series, &row->id))
    {
      g_hash_table_add (r->series, g_memdup2 (&row->id, sizeof row->id));
      r->n_sessions++;
    }
  if (row->language != NULL && *row->language != '\0' && !g_hash_table_contains (r->languages, row->language))
    g_hash_table_add (r->languages, g_strdup (row->language));
  if (row->lead != NULL && *row->lead != '\0' && !g_hash_table_contains (r->leads, row->lead))
    g_hash_table_add (r->leads, g_strdup (row->lead));

  /* What's next, over every row whatever is filtered: a session is still
   * next while it runs. */
  if (row->dated && row->status != CONVENE_SESSION_STATUS_NO_MEETING &&
      row->status != CONVENE_SESSION_STATUS_CANCELLED &&
      row->start + (gint64) MAX (row->duration_minutes, 0) * 60 >= r->now &&
      (!r->have_next || row->start < r->next_start))
    {
      r->have_next = TRUE;
      r->next_start = row->start;
      r->next_id = row->id;
      r->next_occurrence = row->in_series ? row->occurrence : 0;
      r->next_in_series = row->in_series;
    }

filter:
  if (!row_matches (r->self, row))
    return TRUE;
  entry.id = row->id;
  entry.occurrence = row->in_series ? row->occurrence : 0;
  entry.dated = row->dated;
  entry.start = row->dated ? row->start : 0;
  entry.month = month_key (row->month);
  entry.in_series = row->in_series;
  g_array_append_val (r->entries, entry);
  return TRUE;
}

/* List order, as convene_entity_compare() gives it: by month (to be
 * confirmed last), the dated rows by start before those with only a month,
 * then by id. */
static int
compare_entries (const Entry *a,
                 const Entry *b)
{
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->dated != b->dated)
    return a->dated ? -1 : 1;
  if (a->dated && a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->id != b->id)
    return a->id < b->id ? -1 : 1;
  return (a->occurrence > b->occurrence) - (a->occurrence < b->occurrence);
}

static int
compare_entries_cb (gconstpointer a,
                    gconstpointer b)
{
  return compare_entries (a, b);
}

/* Puts each month's entries, which come together, in list order. */
static void
sort_months (GArray *entries)
{
  Entry *e = (Entry *) (gpointer) entries->data;

  for (guint i = 0, j; i < entries->len; i = j)
    {
      for (j = i + 1; j < entries->len && e[j].month == e[i].month; j++)
        ;
      qsort (e + i, j - i, sizeof (Entry), compare_entries_cb);
    }
}

static guint32
event_month (ConveneSession *event)
{
  GDateTime *start = convene_session_get_start (event);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) there = NULL;

  if (convene_session_get_month (event) != NULL)
    return month_key (convene_session_get_month (event));
  if (start == NULL)
    return NO_MONTH;
  tz = convene_timezone_new (convene_session_get_timezone (event) != NULL
                               ? convene_session_get_timezone (event) : "UTC");
  there = g_date_time_to_timezone (start, tz != NULL ? tz : convene_local_zone ());
  return (guint32) (g_date_time_get_year (there) * 12 + g_date_time_get_month (there) - 1);
}

/* Merges the subscriptions' events that pass the filter into @entries,
 * which is in list order. */
static GArray *
merge_events (ConveneScheduleModel *self,
              GArray               *entries)
{
  guint n = self->events != NULL ? g_list_model_get_n_items (self->events) : 0;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Entry));
  GArray *merged;
  guint i = 0, j = 0;

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(ConveneSession) event = g_list_model_get_item (self->events, k);
      GDateTime *start = convene_session_get_start (event);
      Entry entry = { 0 };

      if (!event_matches (self, event))
        continue;
      entry.id = convene_entity_get_id (CONVENE_ENTITY (event));
      entry.event = k + 1;
      entry.dated = start != NULL;
      entry.start = start != NULL ? g_date_time_to_unix (start) : 0;
      entry.month = event_month (event);
      g_array_append_val (events, entry);
    }
  if (events->len == 0)
    return g_array_ref (entries);

  g_array_sort (events, compare_entries_cb);
  merged = g_array_sized_new (FALSE, FALSE, sizeof (Entry), entries->len + events->len);
  while (i < entries->len || j < events->len)
    {
      const Entry *a = i < entries->len ? &g_array_index (entries, Entry, i) : NULL;
      const Entry *b = j < events->len ? &g_array_index (events, Entry, j) : NULL;

      if (b == NULL || (a != NULL && compare_entries (a, b) <= 0))
        g_array_append_val (merged, *a), i++;
      else
        g_array_append_val (merged, *b), j++;
    }
  return merged;
}

static gboolean
same_entry (ConveneScheduleModel *self,
            const Entry          *a,
            const Entry          *b)
{
  if (a->id != b->id || a->occurrence != b->occurrence || a->start != b->start ||
      a->month != b->month || a->event != b->event || a->dated != b->dated ||
      a->in_series != b->in_series)
    return FALSE;
  if (self->stale_all)
    return FALSE;
  if (a->event > 0)
    return !self->stale_events;
  if (a->in_series && self->stale_series)
    return FALSE;
  return !g_hash_table_contains (self->stale, &a->id);
}

/* Takes the strings out of @set, sorted as people read them. */
static GPtrArray *
sorted_strings (GHashTable *set)
{
  GPtrArray *strings = g_hash_table_steal_all_keys (set);

  g_ptr_array_sort_values (strings, (GCompareFunc) g_utf8_collate);
  return strings;
}

static void
set_next (ConveneScheduleModel *self,
          Reading              *r)
{
  g_autoptr(ConveneSession) next = NULL;

  if (r->have_next)
    {
      ConveneSession *session = stored_session (self, r->next_id);

      next = r->next_in_series
               ? convene_occurrence_new (session, exceptions_of (self, r->next_id), r->next_occurrence)
               : g_object_ref (session);
    }
  g_set_object (&self->next, next);
}

typedef struct {
  ConveneScheduleModel *self;
  GArray               *old;
  GArray               *fresh;
  GArray               *old_rows;
  GArray               *fresh_rows;
} Diff;

typedef gboolean (*SameAt) (Diff *diff,
                            guint old_position,
                            guint new_position);

static gboolean
same_entry_at (Diff *d,
               guint i,
               guint j)
{
  return same_entry (d->self, &g_array_index (d->old, Entry, i), &g_array_index (d->fresh, Entry, j));
}

static gboolean
same_row_at (Diff *d,
             guint i,
             guint j)
{
  const Row *a = &g_array_index (d->old_rows, Row, i);
  const Row *b = &g_array_index (d->fresh_rows, Row, j);

  if (a->header != b->header || a->month != b->month)
    return FALSE;
  if (a->header)
    return a->count == b->count;
  return same_entry_at (d, a->index, b->index);
}

/* How many of the first and of the last items are the same before and after. */
static void
common_ends (Diff   *diff,
             SameAt  same,
             guint   old_n,
             guint   new_n,
             guint  *out_prefix,
             guint  *out_suffix)
{
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n && same (diff, prefix, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         same (diff, old_n - 1 - suffix, new_n - 1 - suffix))
    suffix++;
  *out_prefix = prefix;
  *out_suffix = suffix;
}

/* Takes @old's objects into an array of @new_n, where the items that did
 * not change keep theirs and the others are made again when asked for. */
static void
keep_ends (GPtrArray **items,
           guint       new_n,
           guint       prefix,
           guint       suffix)
{
  GPtrArray *old = *items;
  GPtrArray *kept = g_ptr_array_new_full (new_n, unref_item);

  g_ptr_array_set_size (kept, new_n);
  for (guint i = 0; i < prefix; i++)
    kept->pdata[i] = g_steal_pointer (&old->pdata[i]);
  for (guint i = 0; i < suffix; i++)
    kept->pdata[new_n - 1 - i] = g_steal_pointer (&old->pdata[old->len - 1 - i]);
  g_ptr_array_unref (old);
  *items = kept;
}

static void
rows_changed (ConveneScheduleRows *rows,
              guint                prefix,
              guint                suffix,
              guint                old_n)
{
  guint new_n = rows->rows->len;

  if (prefix + suffix == old_n && prefix + suffix == new_n)
    return;
  /* GtkListView (4.18) showed no rows after one change that replaced
   * every row of a list with sections; told in two steps, it did.  The
   * grid view is told the same way. */
  if (prefix == 0 && suffix == 0 && old_n > 0 && new_n > 0)
    {
      GArray *shown = rows->rows;

      rows->rows = g_array_new (FALSE, FALSE, sizeof (Row));
      g_list_model_items_changed (G_LIST_MODEL (rows), 0, old_n, 0);
      g_array_unref (rows->rows);
      rows->rows = shown;
      old_n = 0;
    }
  g_list_model_items_changed (G_LIST_MODEL (rows), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
}

/* Reads the index again and says what changed: one items-changed from the
 * first row that differs to the last, in the model and in its rows.  With
 * @counting, every row is read (the count of sessions, what's next, the
 * leads and languages); without, only the filter changed, and SQLite leaves
 * out the rows that cannot match the search words. */
static void
reload (ConveneScheduleModel *self,
        gboolean              counting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) read = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) leads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = convene_now ();
  Reading r = { self, counting, read, series, languages, leads, 0, g_date_time_to_unix (now) };
  ConveneScheduleRows *rows = self->rows;
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GArray) fresh_rows = NULL;
  g_autoptr(GArray) starts = NULL;
  guint prefix, suffix, row_prefix, row_suffix, old_n, new_n, old_rows_n;
  /* Month by month: each month is sorted here, cheaper than in SQLite. */
  ConveneRowQuery query = { counting ? NULL : (const char * const *) self->words, TRUE };
  Diff diff;

  if (self->plan != 0 &&
      !convene_occurrence_rows_foreach_matching (self->store, self->plan, NULL, NULL, &query,
                                                 read_row_cb, &r, &error))
    g_warning ("Could not read the schedule: %s", error->message);
  sort_months (read);
  fresh = merge_events (self, read);
  fresh_rows = rows_for (fresh, &starts);

  /* Compared while the changes are still marked stale. */
  diff = (Diff) { self, self->entries, fresh, rows->rows, fresh_rows };
  old_n = self->entries->len;
  new_n = fresh->len;
  old_rows_n = rows->rows->len;
  common_ends (&diff, same_entry_at, old_n, new_n, &prefix, &suffix);
  common_ends (&diff, same_row_at, old_rows_n, fresh_rows->len, &row_prefix, &row_suffix);

  /* The items that did not change keep their objects. */
  keep_ends (&self->items, new_n, prefix, suffix);
  keep_ends (&rows->headers, fresh_rows->len, row_prefix, row_suffix);
  g_array_unref (self->entries);
  self->entries = g_steal_pointer (&fresh);
  g_array_unref (rows->rows);
  rows->rows = g_steal_pointer (&fresh_rows);
  g_array_unref (rows->starts);
  rows->starts = g_steal_pointer (&starts);

  if (counting)
    {
      self->n_sessions = r.n_sessions;
      g_clear_pointer (&self->languages, g_ptr_array_unref);
      g_clear_pointer (&self->leads, g_ptr_array_unref);
      self->languages = sorted_strings (languages);
      self->leads = sorted_strings (leads);
      set_next (self, &r);
    }

  self->stale_all = self->stale_series = self->stale_events = FALSE;
  g_hash_table_remove_all (self->stale);
  if (prefix + suffix < old_n || prefix + suffix < new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                                new_n - prefix - suffix);
  rows_changed (rows, row_prefix, row_suffix, old_rows_n);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_store_changed_cb (ConveneScheduleModel *self,
                     GType                 type,
                     gint64                id,
                     guint                 change,
                     ConveneStore         *store)
{
  if (type == CONVENE_TYPE_SESSION)
    {
      if (change == CONVENE_STORE_CHANGE_RESET || id == 0)
        {
          self->stale_all = TRUE;
          g_hash_table_remove_all (self->sessions);
          g_hash_table_remove_all (self->exceptions);
        }
      else
        {
          g_hash_table_add (self->stale, g_memdup2 (&id, sizeof id));
          g_hash_table_remove (self->sessions, &id);
          g_hash_table_remove (self->exceptions, &id);
        }
    }
  else if (type == CONVENE_TYPE_SESSION_EXCEPTION)
    {
      self->stale_series = TRUE;
      g_hash_table_remove_all (self->exceptions);
    }
  else if (type != CONVENE_TYPE_PLAN)
    return;
  reload (self, TRUE);
}

static void
on_events_changed_cb (ConveneScheduleModel *self)
{
  self->stale_events = TRUE;
  reload (self, TRUE);
}

/* ---- the object ---------------------------------------------------------------- */

static void
convene_schedule_model_dispose (GObject *object)
{
  ConveneScheduleModel *self = CONVENE_SCHEDULE_MODEL (object);

  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
  g_clear_object (&self->store);
  g_clear_object (&self->next);
  if (self->rows != NULL)
    self->rows->model = NULL;

  G_OBJECT_CLASS (convene_schedule_model_parent_class)->dispose (object);
}

static void
convene_schedule_model_finalize (GObject *object)
{
  ConveneScheduleModel *self = CONVENE_SCHEDULE_MODEL (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->exceptions, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->leads, g_ptr_array_unref);

  G_OBJECT_CLASS (convene_schedule_model_parent_class)->finalize (object);
}

static void
convene_schedule_model_class_init (ConveneScheduleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = convene_schedule_model_dispose;
  object_class->finalize = convene_schedule_model_finalize;

  /**
   * ConveneScheduleModel::changed:
   *
   * Emitted each time the index is read again, after items-changed if any
   * row moved: the count of sessions, what is next, or the leads and
   * languages may have changed even when no shown row did.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
convene_schedule_model_init (ConveneScheduleModel *self)
{
  self->status = -1;
  self->format = -1;
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->items = g_ptr_array_new_with_free_func (unref_item);
  self->rows = g_object_new (CONVENE_TYPE_SCHEDULE_ROWS, NULL);
  self->rows->model = self;
  self->sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->exceptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->languages = g_ptr_array_new ();
  self->leads = g_ptr_array_new ();
}

static void
apply_filter (ConveneScheduleModel        *self,
              const ConveneScheduleFilter *filter)
{
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->lead, g_free);
  self->status = filter != NULL ? filter->status : -1;
  self->format = filter != NULL ? filter->format : -1;
  if (filter != NULL)
    {
      self->words = filter->words != NULL && filter->words[0] != NULL ? g_strdupv (filter->words) : NULL;
      self->language = g_strdup (filter->language);
      self->lead = g_strdup (filter->lead);
    }
}

/**
 * convene_schedule_model_new:
 * @store: the store to read
 * @plan: the plan whose sessions are listed
 * @filter: (nullable): what is shown, as convene_schedule_model_set_filter()
 *
 * Returns: (transfer full): the plan's schedule, read at once and kept
 *   following the store
 */
ConveneScheduleModel *
convene_schedule_model_new (ConveneStore                *store,
                            ConvenePlan                 *plan,
                            const ConveneScheduleFilter *filter)
{
  ConveneScheduleModel *self;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (CONVENE_IS_PLAN (plan), NULL);

  self = g_object_new (CONVENE_TYPE_SCHEDULE_MODEL, NULL);
  self->store = g_object_ref (store);
  self->plan = convene_entity_get_id (CONVENE_ENTITY (plan));
  self->events = g_object_ref (convene_subscription_list_get_events (
                                 convene_subscription_list_get_for_store (store),
                                 convene_plan_get_year (plan)));
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "items-changed", G_CALLBACK (on_events_changed_cb), self,
                           G_CONNECT_SWAPPED);
  apply_filter (self, filter);
  reload (self, TRUE);
  return self;
}

/**
 * convene_schedule_model_set_filter:
 *
 * Shows only the rows that pass @filter (or every row, with %NULL).
 */
void
convene_schedule_model_set_filter (ConveneScheduleModel        *self,
                                   const ConveneScheduleFilter *filter)
{
  g_return_if_fail (CONVENE_IS_SCHEDULE_MODEL (self));

  apply_filter (self, filter);
  reload (self, FALSE);
}

/* How many sessions the plan has, whatever is filtered: a series counts once. */
guint
convene_schedule_model_get_n_sessions (ConveneScheduleModel *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MODEL (self), 0);
  return self->n_sessions;
}

/**
 * convene_schedule_model_find:
 *
 * Returns: the position of @session (or of the same occurrence of its
 *   series), or %GTK_INVALID_LIST_POSITION; no object is made to find it
 */
guint
convene_schedule_model_find (ConveneScheduleModel *self,
                             ConveneSession       *session)
{
  gint64 id, occurrence;
  gboolean event;

  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MODEL (self), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), GTK_INVALID_LIST_POSITION);

  id = convene_entity_get_id (CONVENE_ENTITY (session));
  occurrence = convene_occurrence_get_instant (session);
  event = convene_subscription_event_get_subscription (session) != NULL;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = &g_array_index (self->entries, Entry, i);

      if (e->id == id && e->occurrence == occurrence && (e->event > 0) == event)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/**
 * convene_schedule_model_get_next:
 *
 * Returns: (transfer none) (nullable): the coming session, or the coming
 *   occurrence of a series, whatever is filtered
 */
ConveneSession *
convene_schedule_model_get_next (ConveneScheduleModel *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MODEL (self), NULL);
  return self->next;
}

/* Returns: (transfer none) (element-type utf8): the languages the plan's
 * sessions are held in, sorted */
GPtrArray *
convene_schedule_model_get_languages (ConveneScheduleModel *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MODEL (self), NULL);
  return self->languages;
}

/* Returns: (transfer none) (element-type utf8): the leads, sorted */
GPtrArray *
convene_schedule_model_get_leads (ConveneScheduleModel *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MODEL (self), NULL);
  return self->leads;
}

/**
 * convene_schedule_model_get_rows:
 *
 * Returns: (transfer none): what the list shows: each month's header (a
 *   #ConveneScheduleMonth), then its sessions, the same objects as the
 *   model's own items
 */
GListModel *
convene_schedule_model_get_rows (ConveneScheduleModel *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MODEL (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* The header of the month @k among the rows. */
static const Row *
month_header (ConveneScheduleRows *rows,
              guint                k)
{
  return &g_array_index (rows->rows, Row, g_array_index (rows->starts, guint, k));
}

/* Returns: where the model's item at @position is among the rows, or
 * %GTK_INVALID_LIST_POSITION */
guint
convene_schedule_model_row_of (ConveneScheduleModel *self,
                               guint                 position)
{
  ConveneScheduleRows *rows;
  guint lo = 0, hi;

  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MODEL (self), GTK_INVALID_LIST_POSITION);

  if (position >= self->entries->len)
    return GTK_INVALID_LIST_POSITION;
  /* Every month whose first item is at or before @position adds a header. */
  rows = self->rows;
  for (hi = rows->starts->len; lo < hi;)
    {
      guint mid = lo + (hi - lo) / 2;

      if (month_header (rows, mid)->index <= position)
        lo = mid + 1;
      else
        hi = mid;
    }
  return position + lo;
}

/**
 * convene_schedule_model_find_month:
 * @row: a position among the rows
 * @delta: how many months on (or back, when negative) from @row's
 *
 * Returns: the row of that month's header, or %GTK_INVALID_LIST_POSITION
 *   when the list has no such month
 */
guint
convene_schedule_model_find_month (ConveneScheduleModel *self,
                                   guint                 row,
                                   int                   delta)
{
  GArray *starts;
  guint lo = 0, hi;
  gint64 k;

  g_return_val_if_fail (CONVENE_IS_SCHEDULE_MODEL (self), GTK_INVALID_LIST_POSITION);

  starts = self->rows->starts;
  if (starts->len == 0)
    return GTK_INVALID_LIST_POSITION;
  /* The month @row is in: the last header at or before it. */
  for (hi = starts->len; lo < hi;)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (starts, guint, mid) <= row)
        lo = mid + 1;
      else
        hi = mid;
    }
  k = (gint64) lo - 1 + delta;
  if (k < 0 || k >= starts->len)
    return GTK_INVALID_LIST_POSITION;
  return g_array_index (starts, guint, k);
}
