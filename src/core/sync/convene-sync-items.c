/* convene-sync-items.c: a plan's sessions and actions as CalDAV items,
 * each in a calendar of its own with the VTIMEZONEs it names, cut from
 * what the iCalendar exporter writes (never written here); and the
 * server's version of an item taken into the store through the iCalendar
 * importer. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "export/convene-ics-export.h"
#include "import/convene-ics-import.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "sync/convene-sync-private.h"

void
_convene_sync_local_item_free (gpointer data)
{
  LocalItem *item = data;

  g_free (item->text);
  g_free (item->normalized);
  g_free (item);
}

/* Adds to @calendar a copy of each VTIMEZONE that @component's times name. */
static void
add_zones_used (icalcomponent *calendar,
                icalcomponent *component,
                GHashTable    *zones)
{
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);

  for (icalproperty *prop = icalcomponent_get_first_property (component, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_ANY_PROPERTY))
    {
      icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
      const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;
      icalcomponent *zone = tzid != NULL ? g_hash_table_lookup (zones, tzid) : NULL;

      if (zone != NULL && g_hash_table_add (added, (gpointer) tzid))
        icalcomponent_add_component (calendar, icalcomponent_new_clone (zone));
    }
}

static char *
calendar_text (icalcomponent *component,
               GHashTable    *zones,
               gboolean       stamped)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  icalcomponent *copy = icalcomponent_new_clone (component);
  char *text;

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//Convene//Convene " PACKAGE_VERSION "//EN"));
  add_zones_used (calendar, copy, zones);
  if (!stamped)
    {
      icalproperty *stamp = icalcomponent_get_first_property (copy, ICAL_DTSTAMP_PROPERTY);

      if (stamp != NULL)
        {
          icalcomponent_remove_property (copy, stamp);
          icalproperty_free (stamp);
        }
    }
  icalcomponent_add_component (calendar, copy);
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  return text;
}

/* The plan's items by UID, each in a calendar of its own, as the
 * exporter writes them: the exporter is the one writer of Convene's
 * iCalendar. */
gboolean
_convene_sync_add_local_items (ConveneStore  *store,
                 gint64         plan_id,
                 GHashTable    *items,
                 GError       **error)
{
  g_autofree char *text = convene_ics_export (store, plan_id, error);
  g_autoptr(GHashTable) zones = NULL;
  icalcomponent *calendar;

  if (text == NULL)
    return FALSE;
  calendar = icalparser_parse_string (text);
  if (calendar == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The plan’s calendar could not be read back"));
      return FALSE;
    }
  zones = g_hash_table_new (g_str_hash, g_str_equal);
  for (icalcomponent *zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       zone != NULL;
       zone = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *tzid = icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY);

      if (tzid != NULL)
        g_hash_table_insert (zones, (gpointer) icalproperty_get_tzid (tzid), zone);
    }
  for (icalcomponent *component = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       component != NULL;
       component = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (component);
      const char *uid = icalcomponent_get_uid (component);
      LocalItem *item;

      if ((kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTODO_COMPONENT) || uid == NULL)
        continue;
      item = g_new0 (LocalItem, 1);
      item->plan = plan_id;
      item->text = calendar_text (component, zones, TRUE);
      item->normalized = calendar_text (component, zones, FALSE);
      g_hash_table_replace (items, g_strdup (uid), item);
    }
  icalcomponent_free (calendar);
  return TRUE;
}

/* The stored object a UID of Convene's names, or NULL. */
ConveneEntity *
_convene_sync_load_by_uid (ConveneStore *store,
             const char   *uid)
{
  gint64 id = 0;
  GType type = G_TYPE_INVALID;
  const char *rest = NULL;

  if (g_str_has_prefix (uid, "session-"))
    type = CONVENE_TYPE_SESSION, rest = uid + strlen ("session-");
  else if (g_str_has_prefix (uid, "action-"))
    type = CONVENE_TYPE_ACTION, rest = uid + strlen ("action-");
  if (rest == NULL || !g_str_has_suffix (rest, "@convene"))
    return NULL;
  id = g_ascii_strtoll (rest, NULL, 10);
  if (id <= 0)
    return NULL;
  return convene_store_load (store, type, id, NULL);
}

/* Gives @entity what the server's text says of the fields iCalendar
 * carries; the rest (lead, speakers, notes...) stays as it is here. */
gboolean
_convene_sync_apply_remote (ConveneStore   *store,
              ConveneEntity  *entity,
              const char     *text,
              GError        **error)
{
  static const char * const session_fields[] = {
    "topic", "description", "month", "start", "timezone", "duration-minutes", "recurrence",
    "status", "format", "language", "location", NULL
  };
  static const char * const action_fields[] = { "title", "due", "status", NULL };
  g_autoptr(ConveneImportResult) result = convene_ics_import (_("the calendar"), text, strlen (text), error);
  gboolean is_session = CONVENE_IS_SESSION (entity);
  GPtrArray *from = result == NULL ? NULL : is_session ? result->sessions : result->actions;
  const char * const *fields = is_session ? session_fields : action_fields;

  if (result == NULL)
    return FALSE;
  if (from->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server’s version holds no event or to-do Convene can read"));
      return FALSE;
    }
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (g_ptr_array_index (from, 0)), fields[i], &value);
      g_object_set_property (G_OBJECT (entity), fields[i], &value);
    }
  return convene_store_update (store, entity, error);
}
