/* convene-occurrence-list.h: what the schedule, the calendar and "what's
 * next" share to show a series once a meeting: a list model of a plan's
 * sessions in which each dated series stands as its occurrences over the
 * range being shown, with what its exceptions change (moved, another topic
 * or lead, cancelled, taken out, added). */
#pragma once

#include <gtk/gtk.h>

#include "model/convene-session.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_OCCURRENCE_LIST (convene_occurrence_list_get_type ())

G_DECLARE_FINAL_TYPE (ConveneOccurrenceList, convene_occurrence_list, CONVENE, OCCURRENCE_LIST, GObject)

/* @sessions: the store's live list of ConveneSession (a plan's). Until a
 * range is set, a series is expanded through the end of the year of its
 * first start. */
ConveneOccurrenceList *convene_occurrence_list_new        (GListModel            *sessions,
                                                           ConveneStore          *store);
/* Each series from its first start through the end of @year (or of the
 * year of its first start, when later): what a plan's schedule shows. */
void                   convene_occurrence_list_set_year   (ConveneOccurrenceList *self,
                                                           int                    year);
/* Only the occurrences whose start as the rule gives it falls in
 * [@from, @to) (UTC instants), and those moved from there. */
void                   convene_occurrence_list_set_range  (ConveneOccurrenceList *self,
                                                           gint64                 from,
                                                           gint64                 to);

/* An item of the list that stands for one occurrence of a series: its id
 * is the series', its start the occurrence's own. */
ConveneSession        *convene_occurrence_new             (ConveneSession        *series,
                                                           GPtrArray             *exceptions,
                                                           gint64                 instant);
gboolean               convene_occurrence_is_occurrence   (ConveneSession        *session);
/* That occurrence's start as the rule gives it (its RECURRENCE-ID), in
 * Unix seconds; 0 for anything else. */
gint64                 convene_occurrence_get_instant     (ConveneSession        *session);
/* Whether an exception moved the occurrence away from that start. */
gboolean               convene_occurrence_is_moved        (ConveneSession        *session);
/* Whether @a and @b are the same item: the same session, and the same
 * occurrence of it when a series. */
/* Points @actionable at opening @session: at win.open-occurrence for an
 * occurrence, and as convene_subscription_event_set_action() otherwise. */
void                   convene_occurrence_set_action      (GtkActionable         *actionable,
                                                           ConveneSession        *session);

G_END_DECLS
