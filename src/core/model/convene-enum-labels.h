/* convene-enum-labels.h: the model's enumerations as people read them
 * ("No meeting", "Sin reunión"), not as files store them ("no-meeting"). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *convene_enum_labels_lookup (GType       enum_type,
                                        int         value,
                                        const char *language);

G_END_DECLS
