/* convene-application.h: the application, its database and its actions. */
#pragma once

#include <adwaita.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_APPLICATION (convene_application_get_type ())

G_DECLARE_FINAL_TYPE (ConveneApplication, convene_application, CONVENE, APPLICATION, AdwApplication)

ConveneApplication *convene_application_new          (GApplicationFlags   flags);
void                convene_application_set_database (ConveneApplication *self,
                                                      const char         *path);
const char         *convene_application_get_database (ConveneApplication *self);
ConveneStore       *convene_application_get_store    (ConveneApplication *self);
GSettings          *convene_application_get_settings (ConveneApplication *self);
GtkWindow          *convene_application_open_window  (ConveneApplication *self);

G_END_DECLS
