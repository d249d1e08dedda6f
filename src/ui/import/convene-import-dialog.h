/* convene-import-dialog.h: what a file would create, before anything is written. */
#pragma once

#include <adwaita.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_IMPORT_DIALOG (convene_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ConveneImportDialog, convene_import_dialog, CONVENE, IMPORT_DIALOG, AdwDialog)

AdwDialog  *convene_import_dialog_new          (ConveneStore        *store,
                                                GFile               *file);
const char *convene_import_dialog_get_state    (ConveneImportDialog *self);
guint       convene_import_dialog_get_n_warnings (ConveneImportDialog *self);
gboolean    convene_import_dialog_import       (ConveneImportDialog *self);
void        convene_import_dialog_set_default_zone (ConveneImportDialog *self,
                                                    const char          *zone);
const char *convene_import_dialog_get_default_zone (ConveneImportDialog *self,
                                                    gboolean            *shown);

G_END_DECLS
