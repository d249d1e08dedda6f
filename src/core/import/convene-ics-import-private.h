/* convene-ics-import-private.h: what the parts of the iCalendar importer share.
 *
 * convene-ics-import.c reads the file and what its components say;
 * convene-ics-times.c reads their times, zones and lengths;
 * convene-ics-series.c reads what a series' dates and its overriding
 * events (RECURRENCE-ID) change: the series' exceptions.
 */
#pragma once

#include "import/convene-ics-import.h"

#include <libical/ical.h>

G_BEGIN_DECLS

/* A warning that every event of a large file could earn is given for this
 * many events, then counted. */
#define MAX_REPEATED_WARNINGS 10

typedef enum {
  CONVENE_ICS_REPEAT_FLOATING,
  CONVENE_ICS_REPEAT_NO_START,
  CONVENE_ICS_N_REPEATS
} ConveneIcsRepeat;

typedef struct {
  char     *zone;      /* an IANA name, "UTC", "+HH:MM", or NULL when unknown */
  gboolean  guessed;   /* from a display name: the coordinator should check it */
  gboolean  reported;  /* a guess or an unknown name was already warned about */
} ConveneIcsTzid;

/* The state of one import. */
typedef struct {
  const char          *file;
  ConveneImportResult *result;
  ConvenePlan         *plan;
  char                *default_zone;
  GHashTable          *tzids;       /* TZID → ConveneIcsTzid */
  GHashTable          *vtimezones;  /* TZID → icaltimezone, for TZIDs no zone matched */
  GHashTable          *gzones;      /* zone → GTimeZone */
  GArray              *pending;     /* PendingEvent */
  GHashTable          *years;       /* year → how many sessions and actions */
  GHashTable          *zone_use;    /* zone → how many sessions */
  GHashTable          *ignored;     /* component names already warned about */
  GHashTable          *series;      /* UID → ConveneIcsSeries, the series read so far */
  GPtrArray           *overrides;   /* ConveneIcsOverride, read once every series is known */
  guint                repeats[CONVENE_ICS_N_REPEATS];
} ConveneIcsImport;

void          _convene_ics_warn_repeated   (ConveneIcsImport  *self,
                                            ConveneIcsRepeat   repeat,
                                            guint              line,
                                            const char        *format,
                                            ...) G_GNUC_PRINTF (4, 5);
gboolean      _convene_ics_syntax_error    (ConveneIcsImport  *self,
                                            GError           **error,
                                            guint              line,
                                            const char        *message);
char         *_convene_ics_property_text   (icalproperty      *prop);
char         *_convene_ics_x_text          (icalcomponent     *comp,
                                            const char        *name);
GTimeZone    *_convene_ics_get_zone        (ConveneIcsImport  *self,
                                            const char        *zone);
ConveneIcsTzid *_convene_ics_lookup_tzid   (ConveneIcsImport  *self,
                                            const char        *tzid);
void          _convene_ics_count_use       (ConveneIcsImport  *self,
                                            int                year,
                                            const char        *zone);
gboolean      _convene_ics_set_times       (ConveneIcsImport  *self,
                                            ConveneSession    *session,
                                            icalcomponent     *event,
                                            guint              line,
                                            guint              end_line,
                                            gboolean           final,
                                            gboolean          *deferred,
                                            GError           **error);

/* An event that overrides one occurrence of a series (RECURRENCE-ID),
 * held until the end of the file: its series may come after it. */
typedef struct {
  icalcomponent *event;
  guint          line;      /* of BEGIN:VEVENT */
  guint          rid_line;  /* of RECURRENCE-ID */
  guint          end_line;  /* of DTEND, for the event's length */
} ConveneIcsOverride;

void          _convene_ics_override_free   (gpointer           data);
void          _convene_ics_series_free     (gpointer           data);

/* The instant of a time value of @prop (DTSTART, RECURRENCE-ID, EXDATE,
 * RDATE...), read without warnings; a date is the day at @zone's
 * @wall_time_of_day (seconds after midnight), a floating time is read in
 * @zone.  NULL when the value is not a time that exists. */
GDateTime    *_convene_ics_read_instant    (ConveneIcsImport          *self,
                                            icalproperty              *prop,
                                            const struct icaltimetype *t,
                                            const char                *zone,
                                            int                        wall_time_of_day,
                                            guint                      line);
/* The length in minutes of @event starting at @start (DTEND or DURATION). */
int           _convene_ics_event_minutes   (ConveneIcsImport          *self,
                                            icalcomponent             *event,
                                            GDateTime                 *start,
                                            guint                      end_line);
ConveneSessionStatus _convene_ics_event_status (icalcomponent         *event);
/* A session made from @event, as every event without a series is. */
gboolean      _convene_ics_add_session     (ConveneIcsImport          *self,
                                            icalcomponent             *event,
                                            guint                      line,
                                            guint                      start_line,
                                            guint                      end_line,
                                            GError                   **error);

/* Remembers @session (just given its times) as the series of its UID and
 * makes its EXDATEs and RDATEs exceptions. */
void          _convene_ics_note_series     (ConveneIcsImport          *self,
                                            ConveneSession            *session,
                                            icalcomponent             *event,
                                            guint                      line);
/* Holds @event (with a RECURRENCE-ID; taken) for _convene_ics_settle_overrides(). */
void          _convene_ics_hold_override   (ConveneIcsImport          *self,
                                            icalcomponent             *event,
                                            guint                      line,
                                            guint                      rid_line,
                                            guint                      end_line);
/* Makes every held override its series' exception, once the whole file
 * has been read. */
gboolean      _convene_ics_settle_overrides (ConveneIcsImport         *self,
                                             GError                  **error);

G_END_DECLS
