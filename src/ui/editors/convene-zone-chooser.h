/* convene-zone-chooser.h: pick a time zone by city, abbreviation or name. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_ZONE_CHOOSER (convene_zone_chooser_get_type ())

G_DECLARE_FINAL_TYPE (ConveneZoneChooser, convene_zone_chooser, CONVENE, ZONE_CHOOSER, AdwDialog)

AdwDialog  *convene_zone_chooser_new        (void);
void        convene_zone_chooser_set_search (ConveneZoneChooser *self,
                                             const char         *text);
GListModel *convene_zone_chooser_get_model  (ConveneZoneChooser *self);
void        convene_zone_chooser_choose     (ConveneZoneChooser *self,
                                             guint               position);
char       *convene_zone_chooser_dup_zone   (ConveneZoneChooser *self,
                                             guint               position);

G_END_DECLS
