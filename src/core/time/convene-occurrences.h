/* convene-occurrences.h: the instants a recurring series meets at.
 *
 * A series is its first start, the zone it was fixed in and an RRULE, with
 * extra dates (RDATE) and dates taken out (EXDATE).  Its occurrences are
 * worked out on the wall clock of that zone, as RFC 5545 says: a weekly
 * call at 19:00 London stays at 19:00 London across both changes, seen from
 * anywhere.  Only the range asked for is expanded, so a series without an
 * end costs what its shown occurrences cost, never more.
 *
 * Instants are Unix seconds (UTC); the caller applies what one occurrence
 * changes (moved, another topic, cancelled), which the model knows.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ConveneRecurrence ConveneRecurrence;

#define CONVENE_RECURRENCE_ERROR (convene_recurrence_error_quark ())

typedef enum {
  CONVENE_RECURRENCE_ERROR_INVALID,  /* the rule could not be read */
} ConveneRecurrenceError;

GQuark              convene_recurrence_error_quark (void);

/* @rrule: "FREQ=WEEKLY;BYDAY=TU", with or without "RRULE:"; NULL for a set
 * made only of RDATEs.  @zone: an IANA name, "UTC" or a fixed offset; NULL
 * is UTC.  @first_start: the series' first start, as a UTC instant. */
ConveneRecurrence  *convene_recurrence_new         (const char         *rrule,
                                                    const char         *zone,
                                                    gint64              first_start,
                                                    GError            **error);
ConveneRecurrence  *convene_recurrence_new_with_tz (const char         *rrule,
                                                    GTimeZone          *tz,
                                                    gint64              first_start,
                                                    GError            **error);
void                convene_recurrence_free        (ConveneRecurrence  *self);

/* Extra occurrences (RDATE) and occurrences taken out (EXDATE), as UTC
 * instants; an EXDATE takes out an RDATE too.  Each call adds. */
void                convene_recurrence_add_dates   (ConveneRecurrence  *self,
                                                    const gint64       *instants,
                                                    guint               n_instants);
void                convene_recurrence_add_exdates (ConveneRecurrence  *self,
                                                    const gint64       *instants,
                                                    guint               n_instants);

/* Appends to @out (a GArray of gint64) the start of every occurrence with
 * @from <= start < @to, in order, without repeats. */
void                convene_recurrence_expand      (ConveneRecurrence  *self,
                                                    gint64              from,
                                                    gint64              to,
                                                    GArray             *out);

/* Whether the series has no last occurrence (no COUNT, no UNTIL). */
gboolean            convene_recurrence_is_endless  (ConveneRecurrence  *self);

/* The UTC instant of a wall-clock time (Unix seconds read as if in UTC) in
 * @tz, as RFC 5545 reads it: a time clocks skipped, and a time that happens
 * twice, both take the offset in force before the change. */
gint64              convene_zone_wall_to_instant   (GTimeZone          *tz,
                                                    gint64              wall);
/* The wall-clock time (as Unix seconds read as if in UTC) of @instant. */
gint64              convene_zone_instant_to_wall   (GTimeZone          *tz,
                                                    gint64              instant);

/* One zone's offsets, for many lookups near each other in time (a listing,
 * a series' occurrences).  GLib finds an instant's interval by going
 * through the zone's changes from the first; this keeps the interval of
 * the last span of CONVENE_ZONE_OFFSETS_SPAN seconds looked up, when no
 * change falls inside it, and gives exactly what GLib gives.  The zone is
 * not referenced: it must outlive the cache. */
#define CONVENE_ZONE_OFFSETS_SPAN (1 << 21)   /* about 24 days */

typedef struct {
  GTimeZone *tz;
  gint64     span;        /* the span last looked up, or G_MININT64 */
  int        interval;    /* its interval; -1 when a change falls inside,
                           * -2 when not yet known */
} ConveneZoneOffsets;

void                convene_zone_offsets_init      (ConveneZoneOffsets *self,
                                                    GTimeZone          *tz);
/* g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, @instant). */
int                 convene_zone_offsets_interval  (ConveneZoneOffsets *self,
                                                    gint64              instant);
/* The same as convene_zone_wall_to_instant() and _instant_to_wall(). */
gint64              convene_zone_offsets_wall_to_instant (ConveneZoneOffsets *self,
                                                          gint64              wall);
gint64              convene_zone_offsets_instant_to_wall (ConveneZoneOffsets *self,
                                                          gint64              instant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneRecurrence, convene_recurrence_free)

G_END_DECLS
