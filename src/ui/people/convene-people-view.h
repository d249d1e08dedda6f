/* convene-people-view.h: the group's members, kept from year to year. */
#pragma once

#include <adwaita.h>

#include "ui/convene-plan-view.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PEOPLE_VIEW (convene_people_view_get_type ())

G_DECLARE_FINAL_TYPE (ConvenePeopleView, convene_people_view, CONVENE, PEOPLE_VIEW, ConvenePlanView)

G_END_DECLS
