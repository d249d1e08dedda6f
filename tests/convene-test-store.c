/* convene-test-store.c: a store and a series' exceptions for the core tests. */
#include "convene-test-store.h"

ConveneStore *
convene_test_store_new (const char *dir,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ConveneStore *store = convene_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

void
convene_test_add_exception (ConveneStore            *store,
                            gint64                   session,
                            GDateTime               *occurrence,
                            ConveneExceptionKind     kind,
                            const ConveneTestChange *change)
{
  g_autoptr(ConveneSessionException) e = convene_session_exception_new ();
  g_autoptr(GError) error = NULL;

  convene_session_exception_set_session (e, session);
  convene_session_exception_set_occurrence (e, occurrence);
  convene_session_exception_set_kind (e, kind);
  if (change != NULL)
    {
      convene_session_exception_set_start (e, change->start);
      convene_session_exception_set_duration_minutes (e, change->duration_minutes);
      convene_session_exception_set_topic (e, change->topic);
      convene_session_exception_set_lead (e, change->lead);
      convene_session_exception_set_status (e, change->status);
    }
  g_assert_true (convene_store_add (store, CONVENE_ENTITY (e), &error));
  g_assert_no_error (error);
}
