/* convene-rotation.h: the planner's grid (every member's local hour for
 * each start across a UTC day) and the rotation of a plan's sessions
 * between two or three slots that spares the worst-off region. */
#pragma once

#include <glib.h>

#include "insights/convene-insights.h"

G_BEGIN_DECLS

#define CONVENE_ROTATION_N_SLOTS 48      /* every 30 minutes of the UTC day */
#define CONVENE_ROTATION_MAX_SLOTS 3

typedef enum {
  CONVENE_HOUR_WORKING,
  CONVENE_HOUR_EVENING,   /* awake, outside working hours */
  CONVENE_HOUR_NIGHT,
} ConveneHourKind;

ConveneHourKind convene_hour_kind (const ConveneInsightsOptions *options,
                                   int                           minute,
                                   int                           weekday);

/* The planner: members[i]'s local time at slot s is minutes[i * 48 + s]. */
typedef struct {
  gint64     day;        /* Unix seconds of the UTC day's midnight */
  GPtrArray *members;    /* ConveneInsightsMember with a zone, by region then name (borrowed) */
  int       *minutes;
  guint8    *kinds;      /* ConveneHourKind */
  int       *night;      /* per slot: members at night */
} ConvenePlanner;

ConvenePlanner *convene_planner_compute (GPtrArray                    *members,
                                         gint64                        day,
                                         const ConveneInsightsOptions *options);
void            convene_planner_free    (ConvenePlanner               *self);
char           *convene_planner_to_json (ConvenePlanner               *self);

typedef struct {
  guint    n_slots;
  int      slots[CONVENE_ROTATION_MAX_SLOTS];    /* slot indices, 0 = 00:00 UTC */
  int      worst_region_night;
  char    *worst_region;
  int      best_fixed_slot;
  int      best_fixed_worst_region_night;
  GArray  *starts;        /* ConveneInsightsStart, moved to their slots */
  /* The Node.js TSC picker's fairness view: the standard deviation of
   * members' summed convenience, over slots at least 60% can attend. */
  double   spread;                      /* of the proposal */
  double   best_fixed_spread;
  gboolean tsc_found;
  int      tsc_slots[CONVENE_ROTATION_MAX_SLOTS];
  double   tsc_spread;
} ConveneRotation;

ConveneRotation *convene_rotation_compute (GPtrArray                    *members,
                                           GArray                       *starts,
                                           const ConveneInsightsOptions *options,
                                           guint                         n_slots);
void             convene_rotation_free    (ConveneRotation              *self);
char            *convene_rotation_to_json (ConveneRotation              *self);
char            *convene_rotation_slot_name (int                         slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConvenePlanner, convene_planner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneRotation, convene_rotation_free)

G_END_DECLS
