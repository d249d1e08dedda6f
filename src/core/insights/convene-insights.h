/* convene-insights.h: what a plan's year says about its members: the
 * sessions that count, who attended by sector and region, and the
 * night-time ledger (whose night, and whose working day, each start fell
 * in). */
#pragma once

#include <glib.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

/* Hours are minutes after local midnight.  A night that wraps past
 * midnight has night_start > night_end. */
typedef struct {
  int    night_start;     /* 22:00 */
  int    night_end;       /* 07:00 */
  int    work_start;      /* 09:00 */
  int    work_end;        /* 18:00 */
  double early_weight;    /* a start in the night after midnight */
  double late_weight;     /* a start in the night before midnight */
} ConveneInsightsOptions;

void convene_insights_options_init (ConveneInsightsOptions *options);

/* One start the ledger counts: a session, or one occurrence of a series
 * (convene_insights_collect_starts() is the one place that decides). */
typedef struct {
  gint64     session;
  gint64     when;        /* Unix seconds, UTC */
  gboolean   month_only;  /* placed on the 15th at the plan's usual slot */
  gboolean   in_series;   /* one occurrence of a series */
  gint64     occurrence;  /* then its start as the rule gives it (Unix seconds) */
} ConveneInsightsStart;

/* One member of the ledger. */
typedef struct {
  gint64     id;
  char      *name;
  char      *region;      /* "" when unknown */
  char      *timezone;    /* NULL when unknown: no counts */
  int        sector;      /* ConveneSector */
  GTimeZone *tz;
  int        night;       /* starts in their night */
  int        early;       /* of those, after midnight */
  int        late;        /* of those, before midnight */
  int        outside_hours;
  double     weighted;    /* early * early_weight + late * late_weight */
  int        attended;
} ConveneInsightsMember;

typedef struct {
  char *region;
  int   members;          /* with a zone */
  int   night_sessions;   /* starts in the night of at least half of them */
  int   attended;
} ConveneInsightsRegion;

typedef struct {
  gint64      plan;
  GArray     *starts;           /* ConveneInsightsStart, by time */
  GPtrArray  *members;          /* ConveneInsightsMember, by id */
  GPtrArray  *regions;          /* ConveneInsightsRegion, by name */
  int         by_sector[7];     /* attendance rows by the person's sector */
  int         attendance_rows;
  /* per start: how many members had it in their night, and the regions */
  int        *night_members;    /* starts->len */
  int        *attended;         /* starts->len, attendance rows per start */
  int        *government;       /* starts->len, of those, national or local government */
  GPtrArray  *night_regions;    /* starts->len GStrv: the regions each start finds at night */
  char       *usual_zone;       /* the plan's usual slot, or NULL */
  int         usual_minute;
} ConveneInsights;

GArray          *convene_insights_collect_starts (ConveneStore                 *store,
                                                  gint64                        plan,
                                                  char                        **usual_zone,
                                                  int                          *usual_minute,
                                                  GError                      **error);
ConveneInsights *convene_insights_compute        (ConveneStore                 *store,
                                                  gint64                        plan,
                                                  const ConveneInsightsOptions *options,
                                                  GError                      **error);
void             convene_insights_free           (ConveneInsights              *self);
int              convene_insights_local_minute   (GTimeZone                    *tz,
                                                  gint64                        when,
                                                  int                          *weekday);
gboolean         convene_insights_is_night       (const ConveneInsightsOptions *options,
                                                  int                           minute);
gboolean         convene_insights_is_working     (const ConveneInsightsOptions *options,
                                                  int                           minute,
                                                  int                           weekday);
char            *convene_insights_to_json        (ConveneInsights              *self);
GPtrArray       *convene_insights_load_members   (ConveneStore                 *store,
                                                  GError                      **error);
void             convene_insights_member_free    (ConveneInsightsMember        *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneInsights, convene_insights_free)

G_END_DECLS
