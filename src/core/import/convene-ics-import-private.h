/* convene-ics-import-private.h: what the parts of the iCalendar importer share.
 *
 * convene-ics-import.c reads the file and what its components say;
 * convene-ics-times.c reads their times, zones and lengths.
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

G_END_DECLS
