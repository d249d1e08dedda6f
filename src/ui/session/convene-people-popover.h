/* convene-people-popover.h: choose a session's lead or speakers among the
 * group's people. */
#pragma once

#include <gtk/gtk.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PEOPLE_POPOVER (convene_people_popover_get_type ())

G_DECLARE_FINAL_TYPE (ConvenePeoplePopover, convene_people_popover, CONVENE, PEOPLE_POPOVER, GtkPopover)

void convene_people_popover_set_store  (ConvenePeoplePopover *self,
                                        ConveneStore         *store);
void convene_people_popover_set_chosen (ConvenePeoplePopover *self,
                                        const char * const   *names);

G_END_DECLS
