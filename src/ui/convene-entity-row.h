/* convene-entity-row.h: the rows of the short lists (goals, actions, people,
 * resources): a title, a subtitle, and edit and delete buttons. */
#pragma once

#include <adwaita.h>

#include "model/convene-entity.h"
#include "model/convene-resource.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

GtkWidget *convene_entity_row_new    (ConveneEntity *entity,
                                      const char    *title,
                                      const char    *subtitle,
                                      const char    *edit_action);
void       convene_entity_row_add_badge (GtkWidget  *row,
                                         const char *text,
                                         const char *css_class);
GtkWidget *convene_list_placeholder_new (const char *text);

/* Appends @part to a row's subtitle, " · " between parts; nothing for an
 * empty part. */
void       convene_subtitle_append      (GString         *text,
                                         const char      *part);

/* "Best practice · 2021-03-01 · shared by Flor · for “Climate Justice Data”":
 * a resource's row subtitle, in the Resources view and on the session page. */
char      *convene_resource_describe    (ConveneStore    *store,
                                         ConveneResource *resource,
                                         gboolean         with_session);

G_END_DECLS
