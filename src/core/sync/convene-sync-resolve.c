/* convene-sync-resolve.c: a conflict settled here, by keeping this side's
 * version, the server's, or both; the next sync tells the server. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "import/convene-ics-import.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "store/convene-sync-rows.h"
#include "sync/convene-sync-private.h"

/* ---- conflicts --------------------------------------------------------- */

/* Makes a new object here from the server's version, and returns it. */
static ConveneEntity *
add_from_remote (ConveneStore         *store,
                 ConveneSyncConflict  *conflict,
                 GError              **error)
{
  g_autoptr(ConveneEntity) entity = NULL;
  gboolean is_session = g_str_has_prefix (conflict->uid, "session-") ||
                        strstr (conflict->remote, "BEGIN:VEVENT") != NULL;

  entity = g_object_new (is_session ? CONVENE_TYPE_SESSION : CONVENE_TYPE_ACTION,
                         "plan", conflict->plan, NULL);
  if (is_session)
    g_object_set (entity, "topic", "", NULL);
  else
    g_object_set (entity, "title", "", NULL);
  /* Its fields come from the server's text; the add gives it an id. */
  {
    g_autoptr(ConveneImportResult) result = convene_ics_import (_("the calendar"), conflict->remote,
                                                                strlen (conflict->remote), error);
    GPtrArray *from = result == NULL ? NULL : is_session ? result->sessions : result->actions;

    if (from == NULL || from->len == 0)
      {
        if (from != NULL)
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The server’s version holds no event or to-do Convene can read"));
        return NULL;
      }
    convene_entity_assign (entity, g_ptr_array_index (from, 0));
    convene_entity_set_id (entity, 0);
    convene_entity_set_ref_field (entity, "plan", conflict->plan);
  }
  if (!convene_store_add (store, entity, error))
    return NULL;
  return g_steal_pointer (&entity);
}

static ConveneSyncItem *
find_item (ConveneStore         *store,
           ConveneSyncConflict  *conflict,
           GError              **error)
{
  g_autoptr(GPtrArray) items = convene_store_list_sync_items (store, conflict->account, conflict->plan, error);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ConveneSyncItem *item = g_ptr_array_index (items, i);

      if (item->id == conflict->item)
        return g_ptr_array_steal_index (items, i);
    }
  if (items != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The conflict’s item is gone"));
  return NULL;
}

/* Settles one conflict by changing only this side: the item's stored ETag
 * becomes the server's, so the next sync sends this side's version with
 * If-Match on it, or sees the two agree.  Long because each of the three
 * choices meets each side's deletion. */
static gboolean
resolve (ConveneStore         *store,
         ConveneSyncConflict  *conflict,
         ConveneSyncKeep       keep,
         GError              **error)
{
  g_autoptr(ConveneSyncItem) item = find_item (store, conflict, error);
  g_autoptr(ConveneEntity) entity = NULL;
  g_autoptr(GHashTable) local = NULL;
  LocalItem *now;

  if (item == NULL)
    return FALSE;
  entity = _convene_sync_load_by_uid (store, item->uid);
  if (keep == CONVENE_SYNC_KEEP_BOTH && (conflict->local == NULL || conflict->remote == NULL))
    keep = conflict->local == NULL ? CONVENE_SYNC_KEEP_REMOTE : CONVENE_SYNC_KEEP_LOCAL;

  if (keep == CONVENE_SYNC_KEEP_LOCAL)
    {
      if (conflict->remote == NULL)
        /* Deleted there: this side's is published again as new. */
        return convene_store_remove_sync_item (store, item->id, error);
      g_set_str (&item->etag, conflict->remote_etag);
      /* Differs from any text: the next sync sends this side's. */
      g_set_str (&item->synced, "");
      return convene_store_put_sync_item (store, item, error) &&
             convene_store_remove_sync_conflict (store, conflict->id, error);
    }

  if (conflict->remote == NULL)
    return (entity == NULL || convene_store_remove (store, entity, error)) &&
           convene_store_remove_sync_item (store, item->id, error);
  if (keep == CONVENE_SYNC_KEEP_BOTH && entity != NULL)
    {
      /* This side's version lives on as a copy, published next time. */
      g_autoptr(ConveneEntity) copy = convene_entity_copy (entity);

      convene_entity_set_id (copy, 0);
      if (!convene_store_add (store, copy, error))
        return FALSE;
    }
  if (entity == NULL)
    {
      /* Deleted here, edited there: the server's comes back under a new
       * UID, and the old one is deleted there by the next sync. */
      g_autoptr(ConveneEntity) added = add_from_remote (store, conflict, error);

      if (added == NULL)
        return FALSE;
      g_set_str (&item->etag, conflict->remote_etag);
      g_set_str (&item->synced, "");
      return convene_store_put_sync_item (store, item, error) &&
             convene_store_remove_sync_conflict (store, conflict->id, error);
    }
  if (!_convene_sync_apply_remote (store, entity, conflict->remote, NULL, error))
    return FALSE;
  local = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _convene_sync_local_item_free);
  if (!_convene_sync_add_local_items (store, item->plan, local, error))
    return FALSE;
  now = g_hash_table_lookup (local, item->uid);
  g_set_str (&item->etag, conflict->remote_etag);
  g_set_str (&item->synced, now != NULL ? now->normalized : NULL);
  return convene_store_put_sync_item (store, item, error) &&
         convene_store_remove_sync_conflict (store, conflict->id, error);
}

gboolean
convene_sync_resolve (ConveneStore     *store,
                      gint64            conflict_id,
                      ConveneSyncKeep   keep,
                      GError          **error)
{
  g_autoptr(ConveneSyncConflict) conflict = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);

  conflict = convene_store_get_sync_conflict (store, conflict_id, error);
  if (conflict == NULL || !convene_store_begin (store, error))
    return FALSE;
  if (!resolve (store, conflict, keep, error))
    {
      convene_store_rollback (store);
      return FALSE;
    }
  return convene_store_commit (store, error);
}

/* A time as people read it: the date, the hour, and its zone. */
static char *
format_instant (struct icaltimetype  t,
                icalproperty        *prop)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

  if (t.is_date)
    return g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
  /* A floating time (no zone) is written without one. */
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d%s%s", t.year, t.month, t.day, t.hour, t.minute,
                          param != NULL || icaltime_is_utc (t) ? " " : "",
                          param != NULL ? icalparameter_get_tzid (param)
                          : icaltime_is_utc (t) ? "UTC" : "");
}

static char *
format_time (icalproperty *prop)
{
  return format_instant (icalvalue_get_datetime (icalproperty_get_value (prop)), prop);
}

/* The event or to-do an item is about: a series' own VEVENT, not one of
 * its changed meetings, whichever order the server keeps them in. */
static icalcomponent *
main_component (icalcomponent *calendar)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    if ((icalcomponent_isa (c) == ICAL_VEVENT_COMPONENT || icalcomponent_isa (c) == ICAL_VTODO_COMPONENT) &&
        icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY) == NULL)
      return c;
  return icalcomponent_get_first_real_component (calendar);
}

char *
convene_sync_describe_item (const char *text)
{
  icalcomponent *calendar;
  icalcomponent *component;
  GString *out;

  if (text == NULL)
    return g_strdup (_("(deleted)"));
  calendar = icalparser_parse_string (text);
  if (calendar == NULL)
    return g_strdup (_("(unreadable)"));
  component = main_component (calendar);
  out = g_string_new (component != NULL && icalcomponent_get_summary (component) != NULL
                      ? icalcomponent_get_summary (component) : "");
  if (component != NULL && icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY) != NULL)
    {
      g_autofree char *when = format_time (icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY));

      g_string_append_printf (out, " (%s)", when);
    }
  icalcomponent_free (calendar);
  return g_string_free (out, FALSE);
}

/* ---- the meetings of a series two versions give differently ------------ */

/* What a changed meeting says that Convene takes (see convene-ics-series.c),
 * as one text: SEQUENCE, DTSTAMP and the order of properties, which
 * clients rewrite at will, are left out. */
static char *
meeting_text (icalcomponent *meeting)
{
  static const icalproperty_kind kinds[] = {
    ICAL_SUMMARY_PROPERTY, ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY, ICAL_DURATION_PROPERTY,
    ICAL_STATUS_PROPERTY, ICAL_ORGANIZER_PROPERTY, ICAL_X_PROPERTY,
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (icalproperty *p = icalcomponent_get_first_property (meeting, kinds[i]);
         p != NULL;
         p = icalcomponent_get_next_property (meeting, kinds[i]))
      {
        g_autofree char *line = icalproperty_as_ical_string_r (p);

        g_string_append (out, line);
      }
  return g_string_free (out, FALSE);
}

/* A series' meetings as a version gives them: "WHEN\tc" → what a changed
 * meeting says, "WHEN\tr" for a date taken out (EXDATE), "WHEN\ta" for one
 * added (RDATE); WHEN as people read it, so that the keys sort by date. */
static GHashTable *
read_meetings (icalcomponent *calendar)
{
  GHashTable *meetings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  icalcomponent *series = main_component (calendar);

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *rid = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);

      if (rid != NULL)
        {
          g_autofree char *when = format_time (rid);

          g_hash_table_replace (meetings, g_strconcat (when, "\tc", NULL), meeting_text (c));
          continue;
        }
      if (c != series)
        continue;
      for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_EXDATE_PROPERTY);
           p != NULL;
           p = icalcomponent_get_next_property (c, ICAL_EXDATE_PROPERTY))
        {
          g_autofree char *when = format_instant (icalproperty_get_exdate (p), p);

          g_hash_table_replace (meetings, g_strconcat (when, "\tr", NULL), g_strdup (""));
        }
      for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY);
           p != NULL;
           p = icalcomponent_get_next_property (c, ICAL_RDATE_PROPERTY))
        {
          struct icaldatetimeperiodtype date = icalproperty_get_rdate (p);
          g_autofree char *when = format_instant (icaltime_is_null_time (date.time)
                                                  ? date.period.start : date.time, p);

          g_hash_table_replace (meetings, g_strconcat (when, "\ta", NULL), g_strdup (""));
        }
    }
  return meetings;
}

/* The changed meeting @when names in @calendar, or NULL. */
static icalcomponent *
find_meeting (icalcomponent *calendar,
              const char    *when)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *rid = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);
      g_autofree char *at = rid != NULL ? format_time (rid) : NULL;

      if (g_strcmp0 (at, when) == 0)
        return c;
    }
  return NULL;
}

/* "2026-03-24 18:00 Europe/London: “Weekly call”, cancelled": one meeting
 * as @calendar has it, @kind being c, r or a (see read_meetings()); @mine
 * is FALSE when only the other version has it. */
static char *
describe_meeting (icalcomponent *calendar,
                  const char    *when,
                  char           kind,
                  gboolean       mine)
{
  icalcomponent *meeting;
  icalproperty *start;
  const char *summary;
  g_autofree char *moved = NULL;

  if (kind == 'r')
    /* Translators: %s is a meeting's date and time, taken out of its series */
    return g_strdup_printf (mine ? _("%s: taken out") : _("%s: not taken out"), when);
  if (kind == 'a')
    /* Translators: %s is a date and time added to a series */
    return g_strdup_printf (mine ? _("%s: added") : _("%s: not added"), when);
  meeting = mine ? find_meeting (calendar, when) : NULL;
  if (meeting == NULL)
    /* Translators: %s is a meeting's date and time, not changed in this version */
    return g_strdup_printf (_("%s: as the series has it"), when);
  summary = icalcomponent_get_summary (meeting) != NULL ? icalcomponent_get_summary (meeting) : "";
  if (icalcomponent_get_status (meeting) == ICAL_STATUS_CANCELLED)
    /* Translators: a meeting of a series; %s its date and time, “%s” its topic */
    return g_strdup_printf (_("%s: “%s”, cancelled"), when, summary);
  start = icalcomponent_get_first_property (meeting, ICAL_DTSTART_PROPERTY);
  moved = start != NULL ? format_time (start) : NULL;
  if (moved != NULL && !g_str_equal (moved, when))
    /* Translators: a meeting of a series; %s its date and time, “%s” its
     * topic, the last %s where it was moved to */
    return g_strdup_printf (_("%s: “%s”, moved to %s"), when, summary, moved);
  /* Translators: a meeting of a series; %s its date and time, “%s” its topic */
  return g_strdup_printf (_("%s: “%s”"), when, summary);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Each meeting of the series that @text gives otherwise than @other does. */
static void
append_meetings (GString    *out,
                 const char *text,
                 const char *other)
{
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *theirs = other != NULL ? icalparser_parse_string (other) : NULL;
  g_autoptr(GHashTable) mine = NULL;
  g_autoptr(GHashTable) others = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (calendar == NULL || theirs == NULL)
    goto done;
  mine = read_meetings (calendar);
  others = read_meetings (theirs);
  g_hash_table_iter_init (&iter, mine);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (others, key)) != 0)
      g_ptr_array_add (keys, key);
  g_hash_table_iter_init (&iter, others);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (mine, key))
      g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);
      const char *tab = strrchr (k, '\t');
      g_autofree char *when = g_strndup (k, tab - k);
      g_autofree char *one = describe_meeting (calendar, when, tab[1], g_hash_table_contains (mine, k));

      g_string_append (out, i == 0 ? " — " : "; ");
      g_string_append (out, one);
    }

done:
  g_clear_pointer (&calendar, icalcomponent_free);
  g_clear_pointer (&theirs, icalcomponent_free);
}

/**
 * convene_sync_describe_version:
 * @text: (nullable): one version of an item, as a conflict keeps it
 * @other: (nullable): the other version
 *
 * What convene_sync_describe_item() says of @text, then each meeting of a
 * series that @text gives otherwise than @other (changed, cancelled, moved,
 * taken out, added, or as the series has it), so that an edit to one
 * meeting on both sides is named where the two versions are listed.
 *
 * Returns: (transfer full): the description
 */
char *
convene_sync_describe_version (const char *text,
                               const char *other)
{
  GString *out = g_string_new_take (convene_sync_describe_item (text));
  if (text != NULL)
    append_meetings (out, text, other);
  return g_string_free (out, FALSE);
}

/* ---- the fields of a version, side by side ----------------------------- */

void
convene_sync_field_free (ConveneSyncField *field)
{
  if (field == NULL)
    return;
  g_free (field->value);
  g_free (field);
}

/* iCalendar's status words (RFC 5545, 3.8.1.11) as people read them. */
static char *
format_status (icalproperty *prop)
{
  switch (icalproperty_get_status (prop))
    {
    case ICAL_STATUS_TENTATIVE:
      return g_strdup (C_("event status", "Tentative"));
    case ICAL_STATUS_CONFIRMED:
      return g_strdup (C_("event status", "Confirmed"));
    case ICAL_STATUS_CANCELLED:
      return g_strdup (C_("event status", "Cancelled"));
    case ICAL_STATUS_NEEDSACTION:
      return g_strdup (C_("to-do status", "To do"));
    case ICAL_STATUS_INPROCESS:
      return g_strdup (C_("to-do status", "In progress"));
    case ICAL_STATUS_COMPLETED:
      return g_strdup (C_("to-do status", "Done"));
    default:
      return g_strdup (icalproperty_get_value_as_string (prop));
    }
}

/**
 * convene_sync_item_fields:
 * @text: (nullable): a version of an item, as a conflict keeps it
 *
 * The fields of the item that iCalendar carries and Convene takes, in a
 * fixed order and with a name each, so that two versions can be shown
 * field by field.  A field the version lacks is there with a NULL value.
 *
 * Returns: (transfer full) (element-type ConveneSyncField): the fields, or
 *   NULL when @text is NULL (deleted) or cannot be read
 */
GPtrArray *
convene_sync_item_fields (const char *text)
{
  static const struct {
    icalproperty_kind kind;
    const char       *label;
    gboolean          time;
  } fields[] = {
    { ICAL_SUMMARY_PROPERTY, N_("Topic"), FALSE },
    { ICAL_DTSTART_PROPERTY, N_("Start"), TRUE },
    { ICAL_DTEND_PROPERTY, N_("End"), TRUE },
    { ICAL_DURATION_PROPERTY, N_("Duration"), FALSE },
    { ICAL_DUE_PROPERTY, N_("Due"), TRUE },
    { ICAL_RRULE_PROPERTY, N_("Repeats"), FALSE },
    { ICAL_STATUS_PROPERTY, N_("Status"), FALSE },
    { ICAL_LOCATION_PROPERTY, N_("Location"), FALSE },
    { ICAL_DESCRIPTION_PROPERTY, N_("Description"), FALSE },
  };
  icalcomponent *calendar;
  icalcomponent *component;
  GPtrArray *out;

  if (text == NULL || (calendar = icalparser_parse_string (text)) == NULL)
    return NULL;
  component = main_component (calendar);
  if (component == NULL)
    {
      icalcomponent_free (calendar);
      return NULL;
    }
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) convene_sync_field_free);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      icalproperty *prop = icalcomponent_get_first_property (component, fields[i].kind);
      ConveneSyncField *field = g_new0 (ConveneSyncField, 1);

      field->label = g_dgettext (GETTEXT_PACKAGE, fields[i].label);
      if (prop != NULL && fields[i].time)
        field->value = format_time (prop);
      else if (prop != NULL && fields[i].kind == ICAL_STATUS_PROPERTY)
        field->value = format_status (prop);
      else if (prop != NULL && icalvalue_isa (icalproperty_get_value (prop)) == ICAL_TEXT_VALUE)
        /* Text as it was typed: not escaped as iCalendar writes it. */
        field->value = g_strdup (icalvalue_get_text (icalproperty_get_value (prop)));
      else if (prop != NULL)
        field->value = g_strdup (icalproperty_get_value_as_string (prop));
      g_ptr_array_add (out, field);
    }
  icalcomponent_free (calendar);
  return out;
}
