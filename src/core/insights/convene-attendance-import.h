/* convene-attendance-import.h: a meeting tool's participant report (the
 * CSV Zoom, Jitsi or Google Meet exports) read into one session's
 * attendance. */
#pragma once

#include <glib.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

typedef struct {
  char  *name;
  char  *email;
  guint  line;
} ConveneUnmatchedParticipant;

typedef struct {
  GArray    *people;      /* gint64: the people marked as attending, by id */
  GArray    *minutes;     /* int: their minutes in the call, rejoins summed */
  guint      rows;        /* participant rows read */
  GPtrArray *unmatched;   /* ConveneUnmatchedParticipant, one a name */
  GPtrArray *warnings;
} ConveneAttendanceResult;

/* A participant the report matched to no one, to be added as a person. */
typedef struct {
  const char *name;
  const char *email;      /* or NULL */
  int         sector;     /* ConveneSector */
  const char *region;     /* or NULL */
} ConveneNewParticipant;

void     convene_attendance_result_clear (ConveneAttendanceResult *result);
gboolean convene_attendance_write        (ConveneStore                *store,
                                          gint64                       session,
                                          GDateTime                   *occurrence,
                                          GArray                      *people,
                                          const ConveneNewParticipant *additions,
                                          guint                        n_additions,
                                          GError                     **error);
gboolean convene_attendance_import       (ConveneStore            *store,
                                          gint64                   session,
                                          const char              *name,
                                          const char              *contents,
                                          gsize                    length,
                                          gboolean                 dry_run,
                                          ConveneAttendanceResult *result,
                                          GError                 **error);

G_END_DECLS
