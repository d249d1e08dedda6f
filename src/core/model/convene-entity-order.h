/* convene-entity-order.h: the order in which lists show each type.
 *
 * The order is written once, as keys over the type's fields: sessions by
 * month then start, goals by position, people by name, and every type last
 * by id.  An empty value sorts after every other.  The store's live lists
 * and the schedule sort with the comparators below; the store's streamed
 * session listing builds its ORDER BY from the same keys.
 */
#pragma once

#include "model/convene-entity.h"

G_BEGIN_DECLS

typedef struct {
  const char *field;    /* a property name of the type's field table */
  gboolean    collate;  /* text in the order people sort it, not byte by byte */
} ConveneOrderKey;

const ConveneOrderKey *convene_entity_type_get_order (GType          type,
                                                      guint         *n_keys);
int                    convene_entity_compare        (gconstpointer  a,
                                                      gconstpointer  b);
int                    convene_entity_compare_data   (gconstpointer  a,
                                                      gconstpointer  b,
                                                      gpointer       user_data);
int                    convene_entity_compare_first  (gconstpointer  a,
                                                      gconstpointer  b,
                                                      gpointer       user_data);

G_END_DECLS
