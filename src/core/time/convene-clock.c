/* convene-clock.c: the one "now" of Convene, and the user's own zone.
 * See convene-clock.h. */
#include "config.h"

#include "time/convene-clock.h"

static GTimeZone *local_zone;

GDateTime *
convene_now (void)
{
  const char *pinned = g_getenv ("CONVENE_NOW");

  if (pinned != NULL && *pinned != '\0')
    {
      /* Without a default zone GLib refuses a floating time, which could
       * mean any instant. */
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (pinned, NULL);

      if (dt != NULL)
        return g_date_time_to_utc (dt);
    }
  return g_date_time_new_now_utc ();
}

GDateTime *
convene_now_in (GTimeZone *tz)
{
  g_autoptr(GDateTime) now = convene_now ();

  g_return_val_if_fail (tz != NULL, NULL);

  return g_date_time_to_timezone (now, tz);
}

GTimeZone *
convene_local_zone (void)
{
  if (local_zone == NULL)
    local_zone = g_time_zone_new_local ();
  return local_zone;
}

const char *
convene_local_zone_id (void)
{
  const char *id = g_time_zone_get_identifier (convene_local_zone ());

  if (id == NULL || *id == '\0' || *id == '/' || *id == ':' || g_str_equal (id, "Local"))
    return NULL;
  return id;
}

void
convene_local_zone_reset (void)
{
  g_clear_pointer (&local_zone, g_time_zone_unref);
}
