/* convene-test-store.h: a store in a test's folder, and the exceptions of
 * a series written into it, for the core tests. */
#pragma once

#include "store/convene-store.h"
#include "model/convene-session-exception.h"

G_BEGIN_DECLS

/* A new store in the file @name of @dir. */
ConveneStore *convene_test_store_new (const char *dir,
                                      const char *name);

/* What one meeting's exception sets besides its occurrence and kind; a
 * field left 0 or NULL is the series' own. */
typedef struct {
  GDateTime            *start;
  int                   duration_minutes;
  const char           *topic;
  const char           *lead;
  ConveneSessionStatus  status;
} ConveneTestChange;

/* Stores an exception of @kind for the meeting of the series @session at
 * @occurrence (its start as the rule gives it). */
void convene_test_add_exception (ConveneStore            *store,
                                 gint64                   session,
                                 GDateTime               *occurrence,
                                 ConveneExceptionKind     kind,
                                 const ConveneTestChange *change);

G_END_DECLS
