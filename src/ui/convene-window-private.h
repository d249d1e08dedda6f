/* convene-window-private.h: the parts of the window kept in files of their
 * own (plan actions, import and export), which use only its public API. */
#pragma once

#include "ui/convene-window.h"

G_BEGIN_DECLS

void _convene_window_class_add_plan_actions     (GtkWidgetClass *widget_class);
void _convene_window_class_add_transfer_actions (GtkWidgetClass *widget_class);
void _convene_window_fill_export_menu           (GMenu          *menu);

G_END_DECLS
