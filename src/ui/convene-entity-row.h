/* convene-entity-row.h: the rows of the short lists (goals, actions, people,
 * resources): a title, a subtitle, and edit and delete buttons. */
#pragma once

#include <adwaita.h>

#include "model/convene-entity.h"

G_BEGIN_DECLS

GtkWidget *convene_entity_row_new    (ConveneEntity *entity,
                                      const char    *title,
                                      const char    *subtitle,
                                      const char    *edit_action);
void       convene_entity_row_add_badge (GtkWidget  *row,
                                         const char *text,
                                         const char *css_class);
GtkWidget *convene_list_placeholder_new (const char *text);

G_END_DECLS
