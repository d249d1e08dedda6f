/* convene-occurrence-list.c: a plan's sessions with each series standing as
 * its occurrences.
 *
 * The list follows the store's live list of sessions item by item: a single
 * session passes through as it is, and a dated series is replaced by one
 * item per occurrence over the range set, worked out by the time room's
 * engine (time/convene-occurrences.h) on the wall clock of the series' zone.
 * Each occurrence is a copy of its series with the occurrence's start (and
 * what its exception changes); the copy carries the occurrence's instant,
 * so that opening it opens that occurrence.  A change to one session
 * touches only its own items, so a plan of 100,000 sessions stays one pass
 * when it is loaded and one item when a session changes.
 */
#include "config.h"

#include "ui/convene-occurrence-list.h"

#include <string.h>

#include "ui/convene-subscription-badge.h"
#include "model/convene-session-exception.h"
#include "time/convene-occurrences.h"
#include "time/convene-zone.h"

/* A moved occurrence may land inside the range from outside it: a range is
 * expanded this far either side, and views keep what falls on their days. */
#define MOVE_MARGIN (62 * G_GINT64_CONSTANT (86400))

#define OCCURRENCE_KEY "convene-occurrence"

/* Set in a session's count when it is a dated series, so that a change of
 * range or of exceptions visits only the series. */
#define SERIES_FLAG (1u << 31)

typedef struct {
  gint64   instant;
  gboolean moved;
} OccurrenceInfo;

struct _ConveneOccurrenceList
{
  GObject       parent_instance;

  GListModel   *sessions;
  ConveneStore *store;
  gboolean      by_year;
  int           year;       /* 0: the year of each series' first start */
  gint64        from;
  gint64        to;
  GArray       *counts;     /* guint: how many items each session gives */
  guint         n_series;   /* how many of the sessions are dated series */
  GPtrArray    *items;
  GHashTable   *zones;      /* name → GTimeZone */
  GHashTable   *exceptions; /* gint64 session id → GPtrArray of its exceptions;
                             * read at once, dropped when one changes */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConveneOccurrenceList, convene_occurrence_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
list_get_item_type (GListModel *model)
{
  return CONVENE_TYPE_SESSION;
}

static guint
list_get_n_items (GListModel *model)
{
  return CONVENE_OCCURRENCE_LIST (model)->items->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  ConveneOccurrenceList *self = CONVENE_OCCURRENCE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

/* Expanding */

static GTimeZone *
zone_for (ConveneOccurrenceList *self,
          const char            *zone)
{
  GTimeZone *tz;

  if (zone == NULL)
    zone = "UTC";
  tz = g_hash_table_lookup (self->zones, zone);
  if (tz == NULL)
    {
      tz = convene_timezone_new (zone);
      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      g_hash_table_insert (self->zones, g_strdup (zone), tz);
    }
  return tz;
}

static gboolean
is_dated_series (ConveneSession *session)
{
  const char *rule = convene_session_get_recurrence (session);

  return rule != NULL && *rule != '\0' && convene_session_get_start (session) != NULL;
}

/* The instants the rule is expanded over for @series. */
static void
series_range (ConveneOccurrenceList *self,
              ConveneSession        *series,
              GTimeZone             *tz,
              gint64                *from,
              gint64                *to)
{
  GDateTime *start = convene_session_get_start (series);
  g_autoptr(GDateTime) there = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (!self->by_year)
    {
      *from = self->from - MOVE_MARGIN;
      *to = self->to + MOVE_MARGIN;
      return;
    }
  there = g_date_time_to_timezone (start, tz);
  end = g_date_time_new (tz, MAX (self->year, g_date_time_get_year (there)) + 1, 1, 1, 0, 0, 0);
  *from = g_date_time_to_unix (start);
  *to = end != NULL ? g_date_time_to_unix (end) : *from + 1;
}

/* Every series' exceptions in one query, rather than one a series: a
 * plan may hold thousands of series. */
static GPtrArray *
exceptions_of (ConveneOccurrenceList *self,
               gint64                 series)
{
  if (self->exceptions == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) all = convene_store_query (self->store, CONVENE_TYPE_SESSION_EXCEPTION,
                                                      NULL, 0, &error);

      self->exceptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
      if (all == NULL)
        g_warning ("Could not read the series' exceptions: %s", error->message);
      for (guint i = 0; all != NULL && i < all->len; i++)
        {
          ConveneSessionException *e = g_ptr_array_index (all, i);
          gint64 id = convene_session_exception_get_session (e);
          GPtrArray *list = g_hash_table_lookup (self->exceptions, &id);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (self->exceptions, g_memdup2 (&id, sizeof id), list);
            }
          g_ptr_array_add (list, g_object_ref (e));
        }
    }
  return g_hash_table_lookup (self->exceptions, &series);
}

/* The exceptions that take out or add dates go to the rule; the others
 * are returned to be applied one occurrence at a time. */
static GPtrArray *
apply_dates (ConveneOccurrenceList *self,
             ConveneSession        *series,
             ConveneRecurrence     *rule)
{
  GPtrArray *all = exceptions_of (self, convene_entity_get_id (CONVENE_ENTITY (series)));
  GPtrArray *changed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (all, i);
      GDateTime *when = convene_session_exception_get_occurrence (e);
      gint64 instant;

      if (when == NULL)
        continue;
      instant = g_date_time_to_unix (when);
      switch (convene_session_exception_get_kind (e))
        {
        case CONVENE_EXCEPTION_KIND_REMOVED:
          convene_recurrence_add_exdates (rule, &instant, 1);
          break;
        case CONVENE_EXCEPTION_KIND_ADDED:
          convene_recurrence_add_dates (rule, &instant, 1);
          break;
        case CONVENE_EXCEPTION_KIND_CHANGED:
        default:
          g_ptr_array_add (changed, g_object_ref (e));
          break;
        }
    }
  return changed;
}

static ConveneSession *
make_occurrence (ConveneSession *series,
                 GTimeZone      *tz,
                 gint64          instant,
                 GPtrArray      *changed)
{
  ConveneSession *o = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (series)));
  OccurrenceInfo *info = g_new0 (OccurrenceInfo, 1);
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) there = NULL;
  g_autofree char *month = NULL;

  info->instant = instant;
  for (guint i = 0; i < changed->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (changed, i);
      GDateTime *moved = convene_session_exception_get_start (e);

      if (g_date_time_to_unix (convene_session_exception_get_occurrence (e)) != instant)
        continue;
      if (moved != NULL && g_date_time_to_unix (moved) != instant)
        {
          g_date_time_unref (start);
          start = g_date_time_to_utc (moved);
          info->moved = TRUE;
        }
      if (convene_session_exception_get_duration_minutes (e) > 0)
        convene_session_set_duration_minutes (o, convene_session_exception_get_duration_minutes (e));
      if (convene_session_exception_get_topic (e) != NULL)
        convene_session_set_topic (o, convene_session_exception_get_topic (e));
      if (convene_session_exception_get_lead (e) != NULL)
        convene_session_set_lead (o, convene_session_exception_get_lead (e));
      convene_session_set_status (o, convene_session_exception_get_status (e));
    }
  there = g_date_time_to_timezone (start, tz);
  month = g_date_time_format (there, "%Y-%m");
  convene_session_set_start (o, start);
  convene_session_set_month (o, month);
  g_object_set_data_full (G_OBJECT (o), OCCURRENCE_KEY, info, g_free);
  return o;
}

/* Appends the items @session gives to @out; returns how many. */
static guint
expand (ConveneOccurrenceList *self,
        ConveneSession        *session,
        GPtrArray             *out)
{
  g_autoptr(ConveneRecurrence) rule = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  GTimeZone *tz = NULL;
  gint64 from, to;

  if (is_dated_series (session))
    {
      tz = zone_for (self, convene_session_get_timezone (session));
      rule = convene_recurrence_new_with_tz (convene_session_get_recurrence (session), tz,
                                             g_date_time_to_unix (convene_session_get_start (session)),
                                             NULL);
    }
  if (rule == NULL)
    {
      /* A single session, or a rule that cannot be read: listed as stored. */
      g_ptr_array_add (out, g_object_ref (session));
      return 1;
    }

  changed = apply_dates (self, session, rule);
  series_range (self, session, tz, &from, &to);
  starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  convene_recurrence_expand (rule, from, to, starts);
  for (guint i = 0; i < starts->len; i++)
    g_ptr_array_add (out, make_occurrence (session, tz, g_array_index (starts, gint64, i), changed));
  return starts->len;
}

/* Following the sessions */

static guint
output_position (ConveneOccurrenceList *self,
                 guint                  position)
{
  guint out = 0;

  for (guint i = 0; i < position; i++)
    out += g_array_index (self->counts, guint, i) & ~SERIES_FLAG;
  return out;
}

/* Replaces the items of @removed sessions at @position, which start at
 * item @out, with those of the @added sessions now there; returns how
 * many items those give. */
static guint
replace (ConveneOccurrenceList *self,
         guint                  position,
         guint                  removed,
         guint                  added,
         guint                  out)
{
  guint out_removed = 0, out_added = 0;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) counts = g_array_sized_new (FALSE, FALSE, sizeof (guint), added);

  for (guint i = 0; i < removed; i++)
    {
      guint n = g_array_index (self->counts, guint, position + i);

      if (n & SERIES_FLAG)
        self->n_series--;
      out_removed += n & ~SERIES_FLAG;
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (self->sessions, position + i);
      guint n = expand (self, session, fresh);

      out_added += n;
      if (is_dated_series (session))
        {
          n |= SERIES_FLAG;
          self->n_series++;
        }
      g_array_append_val (counts, n);
    }

  g_array_remove_range (self->counts, position, removed);
  g_array_insert_vals (self->counts, position, counts->data, counts->len);
  if (out_removed > 0)
    g_ptr_array_remove_range (self->items, out, out_removed);
  if (out_added > 0)
    {
      /* Make room, then fill it: one move of the tail, whatever the count. */
      g_ptr_array_set_size (self->items, self->items->len + out_added);
      memmove (self->items->pdata + out + out_added, self->items->pdata + out,
               (self->items->len - out - out_added) * sizeof (gpointer));
      for (guint i = 0; i < out_added; i++)
        self->items->pdata[out + i] = fresh->pdata[i];
      /* The list holds them now. */
      g_ptr_array_set_free_func (fresh, NULL);
    }
  if (out_removed > 0 || out_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), out, out_removed, out_added);
  return out_added;
}

static void
on_sessions_changed_cb (ConveneOccurrenceList *self,
                        guint                  position,
                        guint                  removed,
                        guint                  added)
{
  replace (self, position, removed, added, output_position (self, position));
}

/* Every series again: after its exceptions changed, or the range did. */
static void
reexpand_series (ConveneOccurrenceList *self)
{
  guint n = g_list_model_get_n_items (self->sessions);
  guint out = 0;

  /* One pass, counting the items as it goes, whatever the number of series. */
  for (guint i = 0; i < n && self->n_series > 0; i++)
    {
      guint count = g_array_index (self->counts, guint, i);

      if (count & SERIES_FLAG)
        out += replace (self, i, 1, 1, out);
      else
        out += count;
    }
}

static void
on_store_changed_cb (ConveneOccurrenceList *self,
                     GType                  type,
                     gint64                 id,
                     guint                  change,
                     ConveneStore          *store)
{
  if (type != CONVENE_TYPE_SESSION_EXCEPTION)
    return;
  g_clear_pointer (&self->exceptions, g_hash_table_unref);
  reexpand_series (self);
}

static void
convene_occurrence_list_dispose (GObject *object)
{
  ConveneOccurrenceList *self = CONVENE_OCCURRENCE_LIST (object);

  if (self->sessions != NULL)
    g_signal_handlers_disconnect_by_data (self->sessions, self);
  g_clear_object (&self->sessions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (convene_occurrence_list_parent_class)->dispose (object);
}

static void
convene_occurrence_list_finalize (GObject *object)
{
  ConveneOccurrenceList *self = CONVENE_OCCURRENCE_LIST (object);

  g_clear_pointer (&self->counts, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->zones, g_hash_table_unref);
  g_clear_pointer (&self->exceptions, g_hash_table_unref);

  G_OBJECT_CLASS (convene_occurrence_list_parent_class)->finalize (object);
}

static void
convene_occurrence_list_class_init (ConveneOccurrenceListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_occurrence_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = convene_occurrence_list_finalize;
}

static void
convene_occurrence_list_init (ConveneOccurrenceList *self)
{
  self->by_year = TRUE;
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_time_zone_unref);
}

ConveneOccurrenceList *
convene_occurrence_list_new (GListModel   *sessions,
                             ConveneStore *store)
{
  ConveneOccurrenceList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (sessions), NULL);
  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  self = g_object_new (CONVENE_TYPE_OCCURRENCE_LIST, NULL);
  self->sessions = g_object_ref (sessions);
  self->store = g_object_ref (store);
  g_signal_connect_object (sessions, "items-changed", G_CALLBACK (on_sessions_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_sessions_changed_cb (self, 0, 0, g_list_model_get_n_items (sessions));
  return self;
}

void
convene_occurrence_list_set_year (ConveneOccurrenceList *self,
                                  int                    year)
{
  g_return_if_fail (CONVENE_IS_OCCURRENCE_LIST (self));

  if (self->by_year && self->year == year)
    return;
  self->by_year = TRUE;
  self->year = year;
  reexpand_series (self);
}

void
convene_occurrence_list_set_range (ConveneOccurrenceList *self,
                                   gint64                 from,
                                   gint64                 to)
{
  g_return_if_fail (CONVENE_IS_OCCURRENCE_LIST (self));

  if (!self->by_year && self->from == from && self->to == to)
    return;
  self->by_year = FALSE;
  self->from = from;
  self->to = to;
  reexpand_series (self);
}

/* One occurrence */

/**
 * convene_occurrence_new:
 * @series: a dated series
 * @exceptions: (element-type ConveneSessionException) (nullable): the
 *   series' exceptions; those that change @instant are applied
 * @instant: the occurrence, as the rule gives it (its RECURRENCE-ID)
 *
 * Returns: (transfer full): the occurrence, as the list's own items are
 */
ConveneSession *
convene_occurrence_new (ConveneSession *series,
                        GPtrArray      *exceptions,
                        gint64          instant)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  g_return_val_if_fail (CONVENE_IS_SESSION (series), NULL);

  tz = convene_timezone_new (convene_session_get_timezone (series) != NULL
                               ? convene_session_get_timezone (series) : "UTC");
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  for (guint i = 0; exceptions != NULL && i < exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (exceptions, i);

      if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_CHANGED &&
          convene_session_exception_get_occurrence (e) != NULL)
        g_ptr_array_add (changed, e);
    }
  return make_occurrence (series, tz, instant, changed);
}

gboolean
convene_occurrence_is_occurrence (ConveneSession *session)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (session), FALSE);
  return g_object_get_data (G_OBJECT (session), OCCURRENCE_KEY) != NULL;
}

gint64
convene_occurrence_get_instant (ConveneSession *session)
{
  OccurrenceInfo *info;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), 0);
  info = g_object_get_data (G_OBJECT (session), OCCURRENCE_KEY);
  return info != NULL ? info->instant : 0;
}

gboolean
convene_occurrence_is_moved (ConveneSession *session)
{
  OccurrenceInfo *info;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), FALSE);
  info = g_object_get_data (G_OBJECT (session), OCCURRENCE_KEY);
  return info != NULL && info->moved;
}

void
convene_occurrence_set_action (GtkActionable  *actionable,
                               ConveneSession *session)
{
  g_return_if_fail (GTK_IS_ACTIONABLE (actionable));

  if (!convene_occurrence_is_occurrence (session))
    {
      convene_subscription_event_set_action (actionable, session);
      return;
    }
  gtk_actionable_set_action_name (actionable, "win.open-occurrence");
  gtk_actionable_set_action_target (actionable, "(xx)",
                                    convene_entity_get_id (CONVENE_ENTITY (session)),
                                    convene_occurrence_get_instant (session));
}
