/* convene-link-check-dialog.h: "Check link" on a resource: whether its link
 * answers, where it leads, and its page's title, offered as the resource's. */
#pragma once

#include <adwaita.h>

#include "store/convene-store.h"
#include "model/convene-resource.h"

G_BEGIN_DECLS

/* Presents a dialog over @parent that checks @resource's link at once. */
void convene_link_check_dialog_present (GtkWidget       *parent,
                                        ConveneStore    *store,
                                        ConveneResource *resource);

G_END_DECLS
