/* convene-session-moves.c: sessions, and occurrences of a series, moved to
 * new starts in one transaction, and moved back.
 *
 * A session row takes its new start (and the zone it is fixed in, when it
 * had none: a month-only session gets the plan's usual zone).  An
 * occurrence of a series is moved the way an organiser moves one meeting
 * of a weekly call: a "changed" exception of that occurrence gets the new
 * start, made when the occurrence had none, so the series' rule is left
 * as it was.  Each change is remembered with what it replaced, so that
 * one revert (the window's Undo) puts back exactly what was there. */
#include "config.h"

#include "insights/convene-session-moves.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"
#include "time/convene-zone.h"

typedef struct {
  GType      type;       /* a session or an exception */
  gint64     id;
  gboolean   created;    /* an exception made by the move: removed on revert */
  GDateTime *start;      /* what was there before */
  char      *zone;
  char      *month;
} Move;

struct _ConveneSessionMoves
{
  GArray *moves;         /* Move, in the order they were made */
};

static void
move_clear (gpointer data)
{
  Move *m = data;

  g_clear_pointer (&m->start, g_date_time_unref);
  g_clear_pointer (&m->zone, g_free);
  g_clear_pointer (&m->month, g_free);
}

void
convene_session_moves_free (ConveneSessionMoves *moves)
{
  if (moves == NULL)
    return;
  g_clear_pointer (&moves->moves, g_array_unref);
  g_free (moves);
}

guint
convene_session_moves_get_n (ConveneSessionMoves *moves)
{
  g_return_val_if_fail (moves != NULL, 0);
  return moves->moves->len;
}

/* "YYYY-MM" of @when where the session is fixed. */
static char *
local_month (GDateTime  *when,
             const char *zone)
{
  g_autoptr(GTimeZone) tz = zone != NULL ? convene_timezone_new (zone) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (when, tz);
  return g_date_time_format (local, "%Y-%m");
}

static gboolean
move_session (ConveneStore  *store,
              gint64         id,
              GDateTime     *when,
              const char    *zone,
              GArray        *done,
              GError       **error)
{
  g_autoptr(ConveneSession) session = convene_store_load (store, CONVENE_TYPE_SESSION, id, error);
  g_autofree char *month = NULL;
  Move m = { CONVENE_TYPE_SESSION, id, FALSE, NULL, NULL, NULL };

  if (session == NULL)
    return FALSE;
  if (convene_session_get_start (session) != NULL)
    m.start = g_date_time_ref (convene_session_get_start (session));
  m.zone = g_strdup (convene_session_get_timezone (session));
  m.month = g_strdup (convene_session_get_month (session));
  if (convene_session_get_timezone (session) == NULL)
    convene_session_set_timezone (session, zone);
  convene_session_set_start (session, when);
  /* the schedule lists a session under its month: keep it where it meets */
  month = local_month (when, convene_session_get_timezone (session));
  convene_session_set_month (session, month);
  if (!convene_store_update (store, CONVENE_ENTITY (session), error))
    {
      move_clear (&m);
      return FALSE;
    }
  g_array_append_val (done, m);
  return TRUE;
}

/* The "changed" exception of @session's occurrence @occurrence, or NULL. */
static ConveneSessionException *
find_changed (ConveneStore  *store,
              gint64         session,
              gint64         occurrence,
              GError       **error,
              gboolean      *failed)
{
  g_autoptr(GPtrArray) exceptions = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION,
                                                         "session", session, error);

  *failed = exceptions == NULL;
  for (guint i = 0; exceptions != NULL && i < exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (exceptions, i);
      GDateTime *o = convene_session_exception_get_occurrence (e);

      if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_CHANGED &&
          o != NULL && g_date_time_to_unix (o) == occurrence)
        return g_object_ref (e);
    }
  return NULL;
}

static gboolean
move_occurrence (ConveneStore  *store,
                 gint64         id,
                 gint64         occurrence,
                 GDateTime     *when,
                 GArray        *done,
                 GError       **error)
{
  gboolean failed;
  g_autoptr(ConveneSessionException) e = find_changed (store, id, occurrence, error, &failed);
  Move m = { CONVENE_TYPE_SESSION_EXCEPTION, 0, e == NULL, NULL, NULL, NULL };

  if (failed)
    return FALSE;
  if (e == NULL)
    {
      g_autoptr(ConveneSession) series = convene_store_load (store, CONVENE_TYPE_SESSION, id, error);
      g_autoptr(GDateTime) rule_start = g_date_time_new_from_unix_utc (occurrence);

      if (series == NULL)
        return FALSE;
      e = convene_session_exception_new ();
      convene_session_exception_set_session (e, id);
      convene_session_exception_set_occurrence (e, rule_start);
      convene_session_exception_set_kind (e, CONVENE_EXCEPTION_KIND_CHANGED);
      /* a changed occurrence has its own status: the series' */
      convene_session_exception_set_status (e, convene_session_get_status (series));
      convene_session_exception_set_start (e, when);
      if (!convene_store_add (store, CONVENE_ENTITY (e), error))
        return FALSE;
    }
  else
    {
      if (convene_session_exception_get_start (e) != NULL)
        m.start = g_date_time_ref (convene_session_exception_get_start (e));
      convene_session_exception_set_start (e, when);
      if (!convene_store_update (store, CONVENE_ENTITY (e), error))
        {
          move_clear (&m);
          return FALSE;
        }
    }
  m.id = convene_entity_get_id (CONVENE_ENTITY (e));
  g_array_append_val (done, m);
  return TRUE;
}

/**
 * convene_session_moves_apply:
 * @starts: the sessions and occurrences, each with its new start in @when
 * @zone: the zone a session without one is fixed in (the plan's usual zone)
 * @moves: (out) (optional): what it takes to move them back
 *
 * Moves every start of @starts in one transaction: all of them or, on an
 * error, none.
 */
gboolean
convene_session_moves_apply (ConveneStore               *store,
                             const ConveneInsightsStart *starts,
                             guint                       n_starts,
                             const char                 *zone,
                             ConveneSessionMoves       **moves,
                             GError                    **error)
{
  g_autoptr(GArray) done = g_array_new (FALSE, TRUE, sizeof (Move));

  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);
  g_return_val_if_fail (starts != NULL || n_starts == 0, FALSE);

  g_array_set_clear_func (done, move_clear);
  if (zone == NULL)
    zone = "UTC";
  if (!convene_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_starts; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (starts[i].when);
      gboolean ok = starts[i].in_series
                      ? move_occurrence (store, starts[i].session, starts[i].occurrence, when, done, error)
                      : move_session (store, starts[i].session, when, zone, done, error);

      if (!ok)
        {
          convene_store_rollback (store);
          return FALSE;
        }
    }
  if (!convene_store_commit (store, error))
    return FALSE;
  if (moves != NULL)
    {
      *moves = g_new0 (ConveneSessionMoves, 1);
      (*moves)->moves = g_steal_pointer (&done);
    }
  return TRUE;
}

static gboolean
revert_one (ConveneStore  *store,
            const Move    *m,
            GError       **error)
{
  g_autoptr(ConveneEntity) entity = convene_store_load (store, m->type, m->id, error);

  if (entity == NULL)
    return FALSE;
  if (m->created)
    return convene_store_remove (store, entity, error);
  if (m->type == CONVENE_TYPE_SESSION_EXCEPTION)
    convene_session_exception_set_start (CONVENE_SESSION_EXCEPTION (entity), m->start);
  else
    {
      ConveneSession *session = CONVENE_SESSION (entity);

      /* the start first: a zone without a start is what a month-only session had */
      convene_session_set_start (session, m->start);
      convene_session_set_timezone (session, m->zone);
      convene_session_set_month (session, m->month);
    }
  return convene_store_update (store, entity, error);
}

/**
 * convene_session_moves_revert:
 *
 * Puts back what convene_session_moves_apply() changed, in one
 * transaction, last change first.
 */
gboolean
convene_session_moves_revert (ConveneStore         *store,
                              ConveneSessionMoves  *moves,
                              GError              **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);
  g_return_val_if_fail (moves != NULL, FALSE);

  if (!convene_store_begin (store, error))
    return FALSE;
  for (guint i = moves->moves->len; i > 0; i--)
    if (!revert_one (store, &g_array_index (moves->moves, Move, i - 1), error))
      {
        convene_store_rollback (store);
        return FALSE;
      }
  return convene_store_commit (store, error);
}
