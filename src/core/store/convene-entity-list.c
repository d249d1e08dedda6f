/* convene-entity-list.c: a GListModel over one table's rows (optionally those
 * whose reference column holds one id) that follows the store's changes.
 *
 * Single changes move, insert or remove one item, so views keep their scroll
 * position and the objects they hold; a reset (an import, a cascade) reloads.
 * The list follows the store's "changed" signal; the store knows nothing of
 * it.  Items are in the model's list order (model/convene-entity-order.h).
 */
#include "store/convene-entity-list.h"
#include "model/convene-entity-order.h"

struct _ConveneEntityList
{
  GObject       parent_instance;

  ConveneStore *store;
  GType         type;
  char         *column;
  gint64        value;
  GPtrArray    *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConveneEntityList, convene_entity_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
list_get_item_type (GListModel *model)
{
  return CONVENE_ENTITY_LIST (model)->type;
}

static guint
list_get_n_items (GListModel *model)
{
  return CONVENE_ENTITY_LIST (model)->items->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  ConveneEntityList *self = CONVENE_ENTITY_LIST (model);

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

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return convene_entity_compare (*(gpointer *) a, *(gpointer *) b);
}

static void
reload (ConveneEntityList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = convene_store_query (self->store, self->type,
                                                   self->column, self->value, &error);
  guint removed = self->items->len;

  if (rows == NULL)
    {
      g_warning ("Could not list %s: %s", g_type_name (self->type), error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_ptr_array_sort (rows, compare_items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&rows);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

static gboolean
find_id (ConveneEntityList *self,
         gint64             id,
         guint             *position)
{
  for (guint i = 0; i < self->items->len; i++)
    if (convene_entity_get_id (g_ptr_array_index (self->items, i)) == id)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

static guint
insertion_point (ConveneEntityList *self,
                 ConveneEntity     *entity)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (convene_entity_compare (g_ptr_array_index (self->items, mid), entity) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
matches (ConveneEntityList *self,
         ConveneEntity     *entity)
{
  gint64 value = 0;

  if (self->column == NULL)
    return TRUE;
  g_object_get (entity, self->column, &value, NULL);
  return value == self->value;
}

static void
remove_at (ConveneEntityList *self,
           guint              position)
{
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* An object was added or changed: put the stored version in its place,
 * keeping the object views already hold. */
static void
place (ConveneEntityList *self,
       gint64             id)
{
  g_autoptr(ConveneEntity) fresh = convene_store_load (self->store, self->type, id, NULL);
  g_autoptr(ConveneEntity) entity = NULL;
  guint old, pos;
  gboolean present = find_id (self, id, &old);

  if (fresh == NULL || !matches (self, fresh))
    {
      if (present)
        remove_at (self, old);
      return;
    }

  if (present)
    {
      entity = g_object_ref (g_ptr_array_index (self->items, old));
      convene_entity_assign (entity, fresh);
      g_ptr_array_remove_index (self->items, old);
      pos = insertion_point (self, entity);
      g_ptr_array_insert (self->items, pos, g_object_ref (entity));
      if (pos == old)
        g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 1);
      else
        {
          g_list_model_items_changed (G_LIST_MODEL (self), old, 1, 0);
          g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
        }
      return;
    }

  pos = insertion_point (self, fresh);
  g_ptr_array_insert (self->items, pos, g_object_ref (fresh));
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
}

static void
on_store_changed_cb (ConveneEntityList *self,
                     GType              type,
                     gint64             id,
                     guint              change,
                     ConveneStore      *store)
{
  guint position;

  if (type != self->type)
    return;

  switch ((ConveneStoreChange) change)
    {
    case CONVENE_STORE_CHANGE_RESET:
      reload (self);
      break;
    case CONVENE_STORE_CHANGE_REMOVED:
      if (find_id (self, id, &position))
        remove_at (self, position);
      break;
    case CONVENE_STORE_CHANGE_ADDED:
    case CONVENE_STORE_CHANGE_UPDATED:
      place (self, id);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
convene_entity_list_finalize (GObject *object)
{
  ConveneEntityList *self = CONVENE_ENTITY_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->column, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (convene_entity_list_parent_class)->finalize (object);
}

static void
convene_entity_list_class_init (ConveneEntityListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_entity_list_finalize;
}

static void
convene_entity_list_init (ConveneEntityList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

ConveneEntityList *
convene_entity_list_new (ConveneStore *store,
                         GType         type,
                         const char   *column,
                         gint64        value)
{
  ConveneEntityList *self = g_object_new (CONVENE_TYPE_ENTITY_LIST, NULL);

  self->store = g_object_ref (store);
  self->type = type;
  self->column = g_strdup (column);
  self->value = value;
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

/**
 * convene_store_list:
 * @column: (nullable): a reference field to filter on, or %NULL for all
 *
 * Defined here, beside the list it makes, so that the store itself needs
 * nothing of its lists.
 *
 * Returns: (transfer full): a #GListModel of @type's objects that follows
 *   every committed change; sessions by month and start, goals by position,
 *   people by name, the rest by id (convene_entity_compare())
 */
GListModel *
convene_store_list (ConveneStore *self,
                    GType         type,
                    const char   *column,
                    gint64        value)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CONVENE_TYPE_ENTITY), NULL);

  return G_LIST_MODEL (convene_entity_list_new (self, type, column, value));
}
