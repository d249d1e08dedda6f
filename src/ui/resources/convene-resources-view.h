/* convene-resources-view.h: events, best practices and links shared with a
 * plan and its sessions. */
#pragma once

#include "ui/convene-plan-view.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_RESOURCES_VIEW (convene_resources_view_get_type ())

G_DECLARE_FINAL_TYPE (ConveneResourcesView, convene_resources_view, CONVENE, RESOURCES_VIEW, ConvenePlanView)

G_END_DECLS
