/* convene-zone-list.h: every zone a person may choose for a session, as a
 * chooser lists them: "UTC" first, the tz database's zones by place name,
 * then fixed offsets such as -06:00 for what people write as "8am GMT-6".
 * Each entry is found by its place, its current abbreviation (EAT, GMT,
 * EST), its IANA name or its offset.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_ZONE_ENTRY (convene_zone_entry_get_type ())
G_DECLARE_FINAL_TYPE (ConveneZoneEntry, convene_zone_entry, CONVENE, ZONE_ENTRY, GObject)

/* "Africa/Nairobi", "UTC", "-06:00" */
const char *convene_zone_entry_get_id       (ConveneZoneEntry *self);
/* "Nairobi" ("Nairobi" in Spanish too), "UTC", "UTC−6" */
const char *convene_zone_entry_get_label    (ConveneZoneEntry *self);
/* "Africa/Nairobi · EAT · UTC+3" */
const char *convene_zone_entry_get_detail   (ConveneZoneEntry *self);
/* Whether @search (as a person types it: "eat", "nairo", "gmt+3") finds
 * this zone. */
gboolean    convene_zone_entry_matches      (ConveneZoneEntry *self,
                                             const char       *search);

/* (transfer full): the list of ConveneZoneEntry, shared while anyone holds
 * it (reading four hundred zone files takes a moment), with the
 * abbreviations and offsets in force when it was built. */
GListModel *convene_zone_list_get           (void);

G_END_DECLS
