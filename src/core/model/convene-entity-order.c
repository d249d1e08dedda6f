/* convene-entity-order.c: the list order of every type, from one table of
 * keys, and the comparators that apply it. */
#include "model/convene-entity-order.h"

#include <string.h>

#include "model/convene-goal.h"
#include "model/convene-person.h"
#include "model/convene-session.h"

/* A month-only session comes after the dated ones of its month, a session
 * to be confirmed (no month) after every month. */
static const ConveneOrderKey session_order[] = {
  { "month", FALSE },
  { "start", FALSE },
};

static const ConveneOrderKey goal_order[] = {
  { "position", FALSE },
};

static const ConveneOrderKey person_order[] = {
  { "name", TRUE },
};

/**
 * convene_entity_type_get_order:
 * @type: an entity type
 * @n_keys: (out): how many keys it has
 *
 * Returns: (array length=n_keys): the keys @type's lists are sorted by, most
 *   significant first; the id, which always comes last, is not among them
 */
const ConveneOrderKey *
convene_entity_type_get_order (GType  type,
                               guint *n_keys)
{
  g_return_val_if_fail (n_keys != NULL, NULL);

  if (g_type_is_a (type, CONVENE_TYPE_SESSION))
    return (*n_keys = G_N_ELEMENTS (session_order), session_order);
  if (g_type_is_a (type, CONVENE_TYPE_GOAL))
    return (*n_keys = G_N_ELEMENTS (goal_order), goal_order);
  if (g_type_is_a (type, CONVENE_TYPE_PERSON))
    return (*n_keys = G_N_ELEMENTS (person_order), person_order);
  *n_keys = 0;
  return NULL;
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return (a > b) - (a < b);
}

/* Only one side empty: that side last. */
#define EMPTY_LAST(pa, pb) ((pa) == NULL) - ((pb) == NULL)

static int
compare_key (ConveneEntity         *a,
             ConveneEntity         *b,
             const ConveneOrderKey *key)
{
  const ConveneField *field =
    convene_entity_class_find_field (CONVENE_ENTITY_GET_CLASS (a), key->field);
  gpointer pa, pb;

  g_assert (field != NULL);
  pa = CONVENE_FIELD_PTR (a, field);
  pb = CONVENE_FIELD_PTR (b, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_STRING:
      {
        const char *sa = *(char **) pa, *sb = *(char **) pb;

        if (sa == NULL || sb == NULL)
          return EMPTY_LAST (sa, sb);
        return key->collate ? g_utf8_collate (sa, sb) : strcmp (sa, sb);
      }
    case CONVENE_FIELD_DATETIME:
      {
        GDateTime *da = *(GDateTime **) pa, *db = *(GDateTime **) pb;

        if (da == NULL || db == NULL)
          return EMPTY_LAST (da, db);
        return g_date_time_compare (da, db);
      }
    case CONVENE_FIELD_INT:
    case CONVENE_FIELD_ENUM:
      return compare_int64 (*(int *) pa, *(int *) pb);
    case CONVENE_FIELD_REF:
      return compare_int64 (*(gint64 *) pa, *(gint64 *) pb);
    default:
      g_assert_not_reached ();
    }
}

/**
 * convene_entity_compare:
 * @a: (type ConveneEntity): an entity
 * @b: (type ConveneEntity): another of the same type
 *
 * The order lists show entities in: by the type's keys
 * (convene_entity_type_get_order()), then by id.
 *
 * Returns: less than, equal to or greater than zero, as for qsort()
 */
int
convene_entity_compare (gconstpointer a,
                        gconstpointer b)
{
  ConveneEntity *ea = CONVENE_ENTITY ((gpointer) a);
  ConveneEntity *eb = CONVENE_ENTITY ((gpointer) b);
  guint n_keys;
  const ConveneOrderKey *keys = convene_entity_type_get_order (G_OBJECT_TYPE (ea), &n_keys);

  for (guint i = 0; i < n_keys; i++)
    {
      int c = compare_key (ea, eb, &keys[i]);

      if (c != 0)
        return c;
    }
  return compare_int64 (convene_entity_get_id (ea), convene_entity_get_id (eb));
}

/**
 * convene_entity_compare_data:
 *
 * convene_entity_compare() as a #GCompareDataFunc, for a GtkCustomSorter.
 */
int
convene_entity_compare_data (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  return convene_entity_compare (a, b);
}

/**
 * convene_entity_compare_first:
 *
 * Compares only by the type's first key (a session's month): what a list
 * groups its items by, such as the schedule's month headers.
 */
int
convene_entity_compare_first (gconstpointer a,
                              gconstpointer b,
                              gpointer      user_data)
{
  ConveneEntity *ea = CONVENE_ENTITY ((gpointer) a);
  ConveneEntity *eb = CONVENE_ENTITY ((gpointer) b);
  guint n_keys;
  const ConveneOrderKey *keys = convene_entity_type_get_order (G_OBJECT_TYPE (ea), &n_keys);

  return n_keys > 0 ? compare_key (ea, eb, &keys[0]) : 0;
}
