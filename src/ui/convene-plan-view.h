/* convene-plan-view.h: the base of the sections that show one plan from the
 * store. */
#pragma once

#include <adwaita.h>

#include "model/convene-plan.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PLAN_VIEW (convene_plan_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (ConvenePlanView, convene_plan_view, CONVENE, PLAN_VIEW, AdwBin)

struct _ConvenePlanViewClass
{
  AdwBinClass parent_class;

  /* Called when the store has changed, before the notify. */
  void (*reload)       (ConvenePlanView *self);
  /* Called when the plan has changed, before the notify; reloads unless a
   * section overrides it (people belong to the database, not to a plan). */
  void (*plan_changed) (ConvenePlanView *self);

  gpointer padding[3];
};

ConveneStore *convene_plan_view_get_store (ConvenePlanView *self);
ConvenePlan  *convene_plan_view_get_plan  (ConvenePlanView *self);

G_END_DECLS
