/* convene-store-validate.c: the model's rules at the store's boundary.
 *
 * Nothing is written that breaks them: every add and update first runs the
 * one validator of the model (model/convene-validate.h), and a refused
 * value is reported with the object's title, topic or name in front.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/convene-store-private.h"
#include "model/convene-session.h"
#include "model/convene-validate.h"
#include "model/convene-values.h"

/**
 * convene_store_validate:
 * @self: (nullable): the store, or %NULL to check before one is open
 *
 * Checks @entity against the model's rules: required values, months, dues,
 * dates, zones, addresses and repetitions in their formats.
 */
gboolean
convene_store_validate (ConveneStore   *self,
                        ConveneEntity  *entity,
                        GError        **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (CONVENE_IS_ENTITY (entity), FALSE);

  if (convene_entity_validate (entity, &message))
    return TRUE;
  /* Translators: "“Climate Justice Data”: the month “2021-13” is not a month (YYYY-MM)" */
  g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID,
               _("“%s”: %s"), convene_entity_get_label (entity), message);
  return FALSE;
}

/* A dated session without a month gets the month of its start, in its zone. */
void
_convene_store_fill_session_month (ConveneEntity *entity)
{
  ConveneSession *session;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *month = NULL;

  if (!CONVENE_IS_SESSION (entity))
    return;
  session = CONVENE_SESSION (entity);
  if (convene_session_get_start (session) == NULL || convene_session_get_month (session) != NULL)
    return;
  tz = convene_timezone_new (convene_session_get_timezone (session));
  if (tz == NULL)
    return;
  local = g_date_time_to_timezone (convene_session_get_start (session), tz);
  month = g_date_time_format (local, "%Y-%m");
  convene_session_set_month (session, month);
}
