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
#include "model/convene-session-exception.h"
#include "sync/convene-sync-private.h"

void
_convene_sync_local_item_free (gpointer data)
{
  LocalItem *item = data;

  g_free (item->text);
  g_free (item->normalized);
  g_free (item);
}

/* Adds to @calendar a copy of each VTIMEZONE that @component's times name
 * and that is not in @added yet. */
static void
add_zones_used (icalcomponent *calendar,
                icalcomponent *component,
                GHashTable    *zones,
                GHashTable    *added)
{
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

/* One item: the components of one UID (a series and the VEVENTs of its
 * changed meetings share one, and CalDAV keeps them in one resource). */
static char *
calendar_text (GPtrArray  *components,
               GHashTable *zones,
               gboolean    stamped)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  char *text;

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//Convene//Convene " PACKAGE_VERSION "//EN"));
  for (guint i = 0; i < components->len; i++)
    add_zones_used (calendar, g_ptr_array_index (components, i), zones, added);
  for (guint i = 0; i < components->len; i++)
    {
      icalcomponent *copy = icalcomponent_new_clone (g_ptr_array_index (components, i));
      icalproperty *stamp = icalcomponent_get_first_property (copy, ICAL_DTSTAMP_PROPERTY);

      if (!stamped && stamp != NULL)
        {
          icalcomponent_remove_property (copy, stamp);
          icalproperty_free (stamp);
        }
      icalcomponent_add_component (calendar, copy);
    }
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
  GHashTable *by_uid;  /* UID → its components, in the file's order */
  GHashTableIter iter;
  gpointer uid_key, list;
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
  by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (icalcomponent *component = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       component != NULL;
       component = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (component);
      const char *uid = icalcomponent_get_uid (component);
      GPtrArray *same;

      if ((kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTODO_COMPONENT) || uid == NULL)
        continue;
      same = g_hash_table_lookup (by_uid, uid);
      if (same == NULL)
        g_hash_table_insert (by_uid, (gpointer) uid, (same = g_ptr_array_new ()));
      g_ptr_array_add (same, component);
    }
  g_hash_table_iter_init (&iter, by_uid);
  while (g_hash_table_iter_next (&iter, &uid_key, &list))
    {
      LocalItem *item = g_new0 (LocalItem, 1);

      item->plan = plan_id;
      item->text = calendar_text (list, zones, TRUE);
      item->normalized = calendar_text (list, zones, FALSE);
      g_hash_table_replace (items, g_strdup (uid_key), item);
    }
  g_clear_pointer (&by_uid, g_hash_table_unref);
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

/* Gives @series (stored as @series_id) the exceptions the server's text
 * has for it (@provisional names it in @result), in place of the ones it
 * has here: the EXDATEs, RDATEs and changed meetings are the series' as
 * much as its rule is, and a meeting changed there only is otherwise lost
 * without a word.  Runs in the caller's transaction with the series'
 * fields. */
static gboolean
replace_exceptions (ConveneStore         *store,
                    gint64                series_id,
                    ConveneImportResult  *result,
                    gint64                provisional,
                    GError              **error)
{
  g_autoptr(GPtrArray) here = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION,
                                                   "session", series_id, error);

  if (here == NULL)
    return FALSE;
  for (guint i = 0; i < here->len; i++)
    if (!convene_store_remove (store, g_ptr_array_index (here, i), error))
      return FALSE;
  for (guint i = 0; i < result->exceptions->len; i++)
    {
      ConveneSessionException *there = g_ptr_array_index (result->exceptions, i);

      if (convene_session_exception_get_session (there) != provisional)
        continue;
      convene_entity_set_id (CONVENE_ENTITY (there), 0);
      convene_session_exception_set_session (there, series_id);
      if (!convene_store_add (store, CONVENE_ENTITY (there), error))
        return FALSE;
    }
  return TRUE;
}

/* Gives @entity what the server's text says of the fields iCalendar
 * carries; the rest (lead, speakers, notes...) stays as it is here.  A
 * series takes the server's exceptions too.  What the importer warned of
 * (a meeting changed that the rule does not have, left out) is added to
 * @warnings, named after the item, so that nothing is dropped unsaid. */
gboolean
_convene_sync_apply_remote (ConveneStore   *store,
              ConveneEntity  *entity,
              const char     *text,
              GPtrArray      *warnings,
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
  ConveneEntity *theirs;

  if (result == NULL)
    return FALSE;
  if (from->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server’s version holds no event or to-do Convene can read"));
      return FALSE;
    }
  theirs = g_ptr_array_index (from, 0);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (theirs), fields[i], &value);
      g_object_set_property (G_OBJECT (entity), fields[i], &value);
    }
  /* A savepoint: the caller keeps what cannot be taken as a conflict, in
   * the same transaction, so a half-taken series must leave nothing. */
  if (!convene_store_begin (store, error))
    return FALSE;
  if (!convene_store_update (store, entity, error) ||
      (is_session && !replace_exceptions (store, convene_entity_get_id (entity), result,
                                          convene_entity_get_id (theirs), error)))
    {
      convene_store_rollback (store);
      return FALSE;
    }
  if (!convene_store_commit (store, error))
    return FALSE;
  for (guint i = 0; warnings != NULL && i < result->warnings->len; i++)
    {
      ConveneImportWarning *warning = g_ptr_array_index (result->warnings, i);

      /* Translators: a warning about one item taken from the calendar
       * server; %s is its topic, %s what was wrong */
      g_ptr_array_add (warnings, g_strdup_printf (_("“%s”: %s"),
                                                  is_session ? convene_session_get_topic (CONVENE_SESSION (theirs))
                                                  : convene_action_get_title (CONVENE_ACTION (theirs)),
                                                  warning->message));
    }
  return TRUE;
}
