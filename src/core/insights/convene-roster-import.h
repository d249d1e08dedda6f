/* convene-roster-import.h: a roster of members (CSV or TSV with a header
 * row naming its columns in any order) read into the people of the
 * database, a known person updated rather than added twice. */
#pragma once

#include <glib.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

typedef struct {
  guint      created;
  guint      updated;
  GPtrArray *warnings;   /* "FILE:LINE: what" */
} ConveneRosterResult;

void     convene_roster_result_clear (ConveneRosterResult *result);
gboolean convene_roster_import       (ConveneStore        *store,
                                      const char          *name,
                                      const char          *contents,
                                      gsize                length,
                                      gboolean             dry_run,
                                      ConveneRosterResult *result,
                                      GError             **error);

G_END_DECLS
