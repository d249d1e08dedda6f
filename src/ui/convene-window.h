/* convene-window.h: the main window: plans and sections beside the views. */
#pragma once

#include <adwaita.h>

#include "ui/convene-application.h"
#include "model/convene-plan.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_WINDOW (convene_window_get_type ())

G_DECLARE_FINAL_TYPE (ConveneWindow, convene_window, CONVENE, WINDOW, AdwApplicationWindow)

ConveneWindow *convene_window_new              (ConveneApplication *app,
                                                ConveneStore       *store,
                                                const GError       *store_error);
ConveneStore  *convene_window_get_store        (ConveneWindow      *self);
ConvenePlan   *convene_window_get_plan         (ConveneWindow      *self);
void           convene_window_select_plan      (ConveneWindow      *self,
                                                gint64              plan_id);
const char    *convene_window_get_section      (ConveneWindow      *self);
void           convene_window_show_section     (ConveneWindow      *self,
                                                const char         *section);
GtkWidget     *convene_window_get_view         (ConveneWindow      *self,
                                                const char         *section);
GtkWidget     *convene_window_open_session     (ConveneWindow      *self,
                                                gint64              session_id);
void           convene_window_delete           (ConveneWindow      *self,
                                                ConveneEntity      *entity);
gboolean       convene_window_undo             (ConveneWindow      *self);
void           convene_window_toast            (ConveneWindow      *self,
                                                const char         *message);
void           convene_window_show_error       (ConveneWindow      *self,
                                                const char         *heading,
                                                const GError       *error);
GtkWidget     *convene_window_import_file      (ConveneWindow      *self,
                                                GFile              *file);

G_END_DECLS
