/* convene-editor-dialog.h: a dialog to add or edit a plan, goal, action,
 * person or resource, with every value checked as it is typed. */
#pragma once

#include <adwaita.h>

#include "model/convene-action.h"
#include "model/convene-goal.h"
#include "model/convene-person.h"
#include "model/convene-plan.h"
#include "model/convene-resource.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_EDITOR_DIALOG (convene_editor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ConveneEditorDialog, convene_editor_dialog, CONVENE, EDITOR_DIALOG, AdwDialog)

AdwDialog     *convene_editor_dialog_new_for_plan     (ConveneStore        *store,
                                                       ConvenePlan         *plan);
AdwDialog     *convene_editor_dialog_new_for_goal     (ConveneStore        *store,
                                                       ConvenePlan         *plan,
                                                       ConveneGoal         *goal);
AdwDialog     *convene_editor_dialog_new_for_action   (ConveneStore        *store,
                                                       ConvenePlan         *plan,
                                                       ConveneAction       *action);
AdwDialog     *convene_editor_dialog_new_for_person   (ConveneStore        *store,
                                                       ConvenePerson       *person);
AdwDialog     *convene_editor_dialog_new_for_resource (ConveneStore        *store,
                                                       ConvenePlan         *plan,
                                                       gint64               session_id,
                                                       ConveneResource     *resource);
ConveneEntity *convene_editor_dialog_get_entity       (ConveneEditorDialog *self);
GtkWidget     *convene_editor_dialog_get_row          (ConveneEditorDialog *self,
                                                       const char          *property);
gboolean       convene_editor_dialog_save             (ConveneEditorDialog *self);

G_END_DECLS
