/* convene-ics-import.c: iCalendar files as a plan's sessions and actions.
 *
 * The splitter hands over one component at a time; libical parses that
 * component alone, so its TZIDs are only labels here: Convene maps them to
 * IANA zones itself and reads wall-clock times with GLib, as every view
 * does.  A file's own VTIMEZONE is used only for a TZID that names no zone
 * Convene knows; such events wait until the whole file has been read, since
 * the VTIMEZONE may come after them.
 */
#include "config.h"

#include "import/convene-ics-import-private.h"
#include "import/convene-ics-splitter.h"
#include "import/convene-import-writer.h"
#include "time/convene-ics-zones.h"
#include "model/convene-values.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

typedef struct {
  ConveneSession *session;
  icalcomponent  *event;
  guint           line;
  guint           end_line;
} PendingEvent;

static void
tzid_entry_free (gpointer data)
{
  ConveneIcsTzid *entry = data;

  g_free (entry->zone);
  g_free (entry);
}

static void
vtimezone_free (gpointer data)
{
  icaltimezone_free (data, 1);
}

static void
pending_event_clear (gpointer data)
{
  PendingEvent *pending = data;

  icalcomponent_free (pending->event);
}

static void
ics_import_init (ConveneIcsImport    *self,
                 ConveneImportResult *result)
{
  g_autofree char *base = g_path_get_basename (result->file);
  char *dot = strrchr (base, '.');

  memset (self, 0, sizeof *self);
  self->file = result->file;
  self->result = result;
  self->default_zone = g_strdup ("UTC");
  self->tzids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, tzid_entry_free);
  self->vtimezones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, vtimezone_free);
  self->gzones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_time_zone_unref);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingEvent));
  g_array_set_clear_func (self->pending, pending_event_clear);
  self->years = g_hash_table_new (NULL, NULL);
  self->zone_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _convene_ics_series_free);
  self->overrides = g_ptr_array_new_with_free_func (_convene_ics_override_free);

  /* The calendar's name replaces this when it has one. */
  if (dot != NULL && dot != base)
    *dot = '\0';
  self->plan = convene_plan_new ();
  convene_plan_set_title (self->plan, base);
  convene_import_result_take (self->result, self->plan);
}

static void
ics_import_clear (ConveneIcsImport *self)
{
  g_clear_pointer (&self->default_zone, g_free);
  g_clear_pointer (&self->tzids, g_hash_table_unref);
  g_clear_pointer (&self->vtimezones, g_hash_table_unref);
  g_clear_pointer (&self->gzones, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);
  g_clear_pointer (&self->zone_use, g_hash_table_unref);
  g_clear_pointer (&self->ignored, g_hash_table_unref);
  g_clear_pointer (&self->series, g_hash_table_unref);
  g_clear_pointer (&self->overrides, g_ptr_array_unref);
}

void
_convene_ics_warn_repeated (ConveneIcsImport *self,
                            ConveneIcsRepeat  repeat,
                            guint             line,
                            const char       *format,
                            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->repeats[repeat]++ >= MAX_REPEATED_WARNINGS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  convene_import_result_warn (self->result, line, "%s", message);
}

gboolean
_convene_ics_syntax_error (ConveneIcsImport  *self,
                           GError           **error,
                           guint              line,
                           const char        *message)
{
  g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
               "%s:%u: %s", self->file, line, message);
  return FALSE;
}

/* The value of a text property, unescaped; NULL when empty. */
char *
_convene_ics_property_text (icalproperty *prop)
{
  icalvalue *value;
  const char *text = NULL;
  g_autofree char *copy = NULL;

  if (prop == NULL || (value = icalproperty_get_value (prop)) == NULL)
    return NULL;
  switch (icalvalue_isa (value))
    {
    case ICAL_TEXT_VALUE:
      text = icalvalue_get_text (value);
      break;
    case ICAL_X_VALUE:
      text = icalvalue_get_x (value);
      break;
    default:
      text = icalproperty_get_value_as_string (prop);
      break;
    }
  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

char *
_convene_ics_x_text (icalcomponent *comp,
                     const char    *name)
{
  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    if (g_ascii_strcasecmp (icalproperty_get_x_name (p), name) == 0)
      return _convene_ics_property_text (p);
  return NULL;
}

static char *
component_text (icalcomponent     *comp,
                icalproperty_kind  kind)
{
  return _convene_ics_property_text (icalcomponent_get_first_property (comp, kind));
}

GTimeZone *
_convene_ics_get_zone (ConveneIcsImport *self,
                       const char       *zone)
{
  GTimeZone *tz = g_hash_table_lookup (self->gzones, zone);

  if (tz == NULL)
    {
      tz = convene_timezone_new (zone);
      g_assert (tz != NULL);
      g_hash_table_insert (self->gzones, g_strdup (zone), tz);
    }
  return tz;
}

ConveneIcsTzid *
_convene_ics_lookup_tzid (ConveneIcsImport *self,
                          const char       *tzid)
{
  ConveneIcsTzid *entry = g_hash_table_lookup (self->tzids, tzid);

  if (entry != NULL)
    return entry;

  entry = g_new0 (ConveneIcsTzid, 1);
  entry->zone = convene_ics_zone_from_tzid (tzid, &entry->guessed);
  g_hash_table_insert (self->tzids, g_strdup (tzid), entry);
  return entry;
}

void
_convene_ics_count_use (ConveneIcsImport *self,
                        int               year,
                        const char       *zone)
{
  gpointer key = GINT_TO_POINTER (year);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->years, key));

  g_hash_table_insert (self->years, key, GUINT_TO_POINTER (n + 1));
  if (zone != NULL)
    {
      gpointer stored_zone, count;

      /* The name already stored is put back: no copy for every session. */
      if (g_hash_table_steal_extended (self->zone_use, zone, &stored_zone, &count))
        g_hash_table_insert (self->zone_use, stored_zone,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      else
        g_hash_table_insert (self->zone_use, g_strdup (zone), GUINT_TO_POINTER (1));
    }
}

/* ---- what an event and a to-do say ---- */

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  GEnumClass *klass;
  GEnumValue *found;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found != NULL)
    *value = found->value;
  g_type_class_unref (klass);
  return found != NULL;
}

/* "es" from SUMMARY;LANGUAGE=es-MX: Convene speaks of languages, not
 * regional variants. */
static char *
summary_language (icalproperty *summary)
{
  icalparameter *param;
  const char *tag;
  gsize n = 0;

  if (summary == NULL ||
      (param = icalproperty_get_first_parameter (summary, ICAL_LANGUAGE_PARAMETER)) == NULL ||
      (tag = icalparameter_get_language (param)) == NULL)
    return NULL;
  while (g_ascii_isalpha (tag[n]))
    n++;
  if (n < 2 || n > 3 || (tag[n] != '\0' && tag[n] != '-' && tag[n] != '_'))
    return NULL;
  return g_ascii_strdown (tag, n);
}

static void
fill_session_text (ConveneIcsImport *self,
                   ConveneSession   *session,
                   icalcomponent    *event,
                   guint             line)
{
  icalproperty *summary = icalcomponent_get_first_property (event, ICAL_SUMMARY_PROPERTY);
  g_autofree char *topic = _convene_ics_property_text (summary);
  g_autofree char *language = summary_language (summary);
  g_autofree char *description = NULL;
  g_autofree char *location = NULL;
  g_autofree char *lead = _convene_ics_x_text (event, "X-CONVENE-LEAD");

  description = component_text (event, ICAL_DESCRIPTION_PROPERTY);
  location = component_text (event, ICAL_LOCATION_PROPERTY);
  if (location == NULL)
    location = component_text (event, ICAL_URL_PROPERTY);
  if (topic == NULL)
    {
      topic = g_strdup (_("Untitled meeting"));
      convene_import_result_warn (self->result, line,
                                  _("This event has no title (SUMMARY): it is called “%s”."),
                                  topic);
    }

  convene_session_set_topic (session, topic);
  convene_session_set_description (session, description);
  convene_session_set_location (session, location);
  if (language != NULL)
    convene_session_set_language (session, language);
  convene_session_set_lead (session, lead);
}

ConveneSessionStatus
_convene_ics_event_status (icalcomponent *event)
{
  g_autofree char *status_nick = _convene_ics_x_text (event, "X-CONVENE-STATUS");
  int value;

  /* What Convene's own exporter wrote, where STATUS says too little. */
  if (enum_from_nick (CONVENE_TYPE_SESSION_STATUS, status_nick, &value))
    return value;
  switch (icalcomponent_get_status (event))
    {
    case ICAL_STATUS_TENTATIVE:
      return CONVENE_SESSION_STATUS_TENTATIVE;
    case ICAL_STATUS_CANCELLED:
      return CONVENE_SESSION_STATUS_CANCELLED;
    default:
      return CONVENE_SESSION_STATUS_SCHEDULED;
    }
}

static void
fill_session_status (ConveneSession *session,
                     icalcomponent  *event)
{
  g_autofree char *format_nick = _convene_ics_x_text (event, "X-CONVENE-FORMAT");
  int value;

  convene_session_set_status (session, _convene_ics_event_status (event));
  if (enum_from_nick (CONVENE_TYPE_SESSION_FORMAT, format_nick, &value))
    convene_session_set_format (session, value);
}

static void
fill_session_series (ConveneIcsImport      *self,
                     ConveneSession        *session,
                     icalcomponent         *event,
                     guint                  line)
{
  icalproperty *rrule = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);

  if (rrule != NULL)
    {
      struct icalrecurrencetype recur = icalproperty_get_rrule (rrule);
      char *text = icalrecurrencetype_as_string_r (&recur);

      convene_session_set_recurrence (session, text);
      icalmemory_free_buffer (text);
      if (icalcomponent_get_next_property (event, ICAL_RRULE_PROPERTY) != NULL)
        convene_import_result_warn (self->result, line,
                                    _("This event has more than one RRULE: only the first "
                                      "is kept."));
      return;
    }
  /* A series' EXDATEs and RDATEs become its exceptions once its start is
   * known (_convene_ics_note_series); without a rule there is no series. */
  if (icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY) != NULL ||
      icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY) != NULL)
    convene_import_result_warn (self->result, line,
                                _("This event has extra dates (RDATE) or dates taken out "
                                  "(EXDATE) but no rule (RRULE): they are left out, and it "
                                  "is one session."));
}

/* Takes @event_owned.  At the end of the file (@final) nothing waits. */
static gboolean
add_session (ConveneIcsImport  *self,
             icalcomponent     *event_owned,
             guint              line,
             guint              start_line,
             guint              end_line,
             gboolean           final,
             GError           **error)
{
  g_autoptr(icalcomponent) event = event_owned;
  ConveneSession *session = convene_session_new ();
  gboolean deferred = FALSE;

  convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (self->plan)));
  fill_session_text (self, session, event, line);
  fill_session_status (session, event);
  fill_session_series (self, session, event, start_line);
  convene_import_result_take (self->result, session);

  if (!_convene_ics_set_times (self, session, event, start_line, end_line, final, &deferred, error))
    return FALSE;
  if (deferred)
    {
      PendingEvent pending = { session, g_steal_pointer (&event), start_line, end_line };

      g_array_append_val (self->pending, pending);
    }
  else
    _convene_ics_note_series (self, session, event, start_line);
  return TRUE;
}

gboolean
_convene_ics_add_session (ConveneIcsImport  *self,
                          icalcomponent     *event,
                          guint              line,
                          guint              start_line,
                          guint              end_line,
                          GError           **error)
{
  return add_session (self, event, line, start_line, end_line, TRUE, error);
}

static gboolean
import_event (ConveneIcsImport       *self,
              icalcomponent          *event,
              const ConveneIcsPiece  *piece,
              GError                **error)
{
  guint line = convene_ics_block_find_line (piece->text, piece->line, "DTSTART");
  guint end_line = convene_ics_block_find_line (piece->text, piece->line, "DTEND");

  line = line != 0 ? line : piece->line;
  end_line = end_line != 0 ? end_line : line;
  /* One occurrence of a series, changed: its series may come later. */
  if (icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL)
    {
      guint rid_line = convene_ics_block_find_line (piece->text, piece->line, "RECURRENCE-ID");

      _convene_ics_hold_override (self, event, piece->line, rid_line != 0 ? rid_line : piece->line,
                                  end_line);
      return TRUE;
    }
  return add_session (self, event, piece->line, line, end_line, FALSE, error);
}

static char *
todo_due (ConveneIcsImport *self,
          icalcomponent    *todo)
{
  icalproperty *due = icalcomponent_get_first_property (todo, ICAL_DUE_PROPERTY);
  g_autofree char *text = _convene_ics_x_text (todo, "X-CONVENE-DUE");
  struct icaltimetype t;

  /* A month or a year, as Convene's exporter keeps them beside the DUE. */
  if (text != NULL && convene_due_is_valid (text))
    return g_steal_pointer (&text);
  if (due == NULL)
    return NULL;

  t = icalproperty_get_due (due);
  if (!t.is_date && icaltime_is_utc (t))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, 0);
      g_autoptr(GDateTime) local = NULL;

      if (utc == NULL)
        return NULL;
      local = g_date_time_to_timezone (utc, _convene_ics_get_zone (self, self->default_zone));
      t.year = g_date_time_get_year (local);
      t.month = g_date_time_get_month (local);
      t.day = g_date_time_get_day_of_month (local);
    }
  g_free (text);
  text = g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
  return convene_date_is_valid (text) ? g_steal_pointer (&text) : NULL;
}

static ConveneActionStatus
todo_status (icalcomponent *todo)
{
  switch (icalcomponent_get_status (todo))
    {
    case ICAL_STATUS_INPROCESS:
      return CONVENE_ACTION_STATUS_IN_PROGRESS;
    case ICAL_STATUS_COMPLETED:
      return CONVENE_ACTION_STATUS_DONE;
    case ICAL_STATUS_CANCELLED:
      return CONVENE_ACTION_STATUS_DROPPED;
    default:
      if (icalcomponent_get_first_property (todo, ICAL_COMPLETED_PROPERTY) != NULL)
        return CONVENE_ACTION_STATUS_DONE;
      return CONVENE_ACTION_STATUS_PLANNED;
    }
}

static gboolean
import_todo (ConveneIcsImport      *self,
             icalcomponent         *todo_owned,
             const ConveneIcsPiece *piece)
{
  g_autoptr(icalcomponent) todo = todo_owned;
  ConveneAction *action = convene_action_new ();
  g_autofree char *title = NULL;
  g_autofree char *due = todo_due (self, todo);

  title = component_text (todo, ICAL_SUMMARY_PROPERTY);
  if (title == NULL)
    {
      title = g_strdup (_("Untitled action"));
      convene_import_result_warn (self->result, piece->line,
                                  _("This to-do has no title (SUMMARY): it is called “%s”."),
                                  title);
    }
  convene_action_set_plan (action, convene_entity_get_id (CONVENE_ENTITY (self->plan)));
  convene_action_set_title (action, title);
  convene_action_set_due (action, due);
  convene_action_set_status (action, todo_status (todo));
  if (due != NULL)
    _convene_ics_count_use (self, atoi (due), NULL);
  convene_import_result_take (self->result, action);
  return TRUE;
}

/* A VTIMEZONE matters only for a TZID that names no zone Convene knows,
 * and then its X-LIC-LOCATION often does. */
static gboolean
import_vtimezone (ConveneIcsImport      *self,
                  icalcomponent         *vtz_owned,
                  const ConveneIcsPiece *piece)
{
  g_autoptr(icalcomponent) vtz = vtz_owned;
  icalproperty *prop = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
  const char *tzid = prop != NULL ? icalproperty_get_tzid (prop) : NULL;
  ConveneIcsTzid *entry;
  char *location;
  icaltimezone *zone;

  if (tzid == NULL || *tzid == '\0')
    return TRUE;
  entry = _convene_ics_lookup_tzid (self, tzid);
  if (entry->zone != NULL || g_hash_table_contains (self->vtimezones, tzid))
    return TRUE;

  location = icaltimezone_get_location_from_vtimezone (vtz);
  if (location != NULL)
    entry->zone = convene_ics_zone_from_tzid (location, NULL);
  icalmemory_free_buffer (location);
  if (entry->zone != NULL)
    return TRUE;

  zone = icaltimezone_new ();
  if (!icaltimezone_set_component (zone, vtz))
    {
      icaltimezone_free (zone, 1);
      return TRUE;
    }
  g_steal_pointer (&vtz);
  g_hash_table_insert (self->vtimezones, g_strdup (tzid), zone);
  return TRUE;
}

/* ---- the file ---- */

/* "Can't parse as DATE-TIME value in DTSTART property. Removing entire
 * property: garbage" names DTSTART. */
static char *
error_property_name (const char *text)
{
  const char *in = text != NULL ? strstr (text, " in ") : NULL;
  const char *end = in != NULL ? strstr (in + 4, " property") : NULL;

  if (end == NULL || end == in + 4)
    return NULL;
  return g_strndup (in + 4, end - (in + 4));
}

/* libical leaves X-LIC-ERROR where a value could not be read.  Without its
 * times an event cannot be placed, so those are errors; the rest is left out
 * with a warning. */
static gboolean
check_parse_errors (ConveneIcsImport       *self,
                    icalcomponent          *comp,
                    const ConveneIcsPiece  *piece,
                    GError                **error)
{
  static const char * const essential[] = { "DTSTART", "DTEND", "DUE", "DURATION", "RRULE", NULL };

  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_XLICERROR_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (comp, ICAL_XLICERROR_PROPERTY))
    {
      g_autofree char *name = error_property_name (icalproperty_get_xlicerror (p));
      g_autofree char *message = NULL;
      guint line = name != NULL ? convene_ics_block_find_line (piece->text, piece->line, name) : 0;

      line = line != 0 ? line : piece->line;
      if (name != NULL && g_strv_contains (essential, name))
        {
          message = g_strdup_printf (_("The value of %s cannot be read."), name);
          return _convene_ics_syntax_error (self, error, line, message);
        }
      if (name != NULL)
        convene_import_result_warn (self->result, line,
                                    _("The value of %s cannot be read: it is left out."), name);
      else
        convene_import_result_warn (self->result, line,
                                    _("A line of this %s cannot be read: it is left out."),
                                    piece->name);
    }
  return TRUE;
}

static void
import_calendar_property (ConveneIcsImport      *self,
                          const ConveneIcsPiece *piece)
{
  icalproperty *prop;
  g_autofree char *value = NULL;
  g_autofree char *zone = NULL;

  if (!g_str_has_prefix (piece->name, "X-WR-"))
    return;
  prop = icalproperty_new_from_string (piece->text);
  value = _convene_ics_property_text (prop);
  g_clear_pointer (&prop, icalproperty_free);
  if (value == NULL)
    return;

  if (g_str_equal (piece->name, "X-WR-CALNAME"))
    convene_plan_set_title (self->plan, value);
  else if (g_str_equal (piece->name, "X-WR-CALDESC"))
    convene_plan_set_summary (self->plan, value);
  else if (g_str_equal (piece->name, "X-WR-TIMEZONE"))
    {
      zone = convene_ics_zone_from_tzid (value, NULL);
      if (zone == NULL)
        {
          convene_import_result_warn (self->result, piece->line,
                                      _("The calendar's time zone “%s” is unknown: times "
                                        "without a zone are read as UTC."), value);
          return;
        }
      g_free (self->default_zone);
      self->default_zone = g_strdup (zone);
      convene_plan_set_timezone (self->plan, zone);
    }
}

/* libical's own string reader looks for the end of the line again for
 * every 80 bytes it hands out, which made one long unfolded line cost the
 * square of its length: this one remembers where the line ends. */
typedef struct {
  const char *pos;
  const char *end;
  const char *line_end;  /* after the '\n' of the line at pos */
} BlockReader;

static char *
block_next_part (char   *out,
                 size_t  size,
                 void   *data)
{
  BlockReader *reader = data;
  gsize n;

  if (reader->pos >= reader->end || *reader->pos == '\0')
    return NULL;
  if (reader->pos >= reader->line_end)
    {
      const char *nl = memchr (reader->pos, '\n', reader->end - reader->pos);

      reader->line_end = nl != NULL ? nl + 1 : reader->end;
    }
  n = MIN ((gsize) (reader->line_end - reader->pos), size - 1);
  memcpy (out, reader->pos, n);
  out[n] = '\0';
  reader->pos += n;
  return out;
}

/* What icalparser_parse_string() does, with the reader above. */
static icalcomponent *
parse_block (const char *text,
             gsize       length)
{
  BlockReader reader = { text, text + length, text };
  icalerrorstate state = icalerror_get_error_state (ICAL_MALFORMEDDATA_ERROR);
  icalparser *parser = icalparser_new ();
  icalcomponent *comp;

  icalparser_set_gen_data (parser, &reader);
  icalerror_set_error_state (ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
  comp = icalparser_parse (parser, block_next_part);
  icalerror_set_error_state (ICAL_MALFORMEDDATA_ERROR, state);
  icalparser_free (parser);
  return comp;
}

static gboolean
import_component (ConveneIcsImport       *self,
                  const ConveneIcsPiece  *piece,
                  GError                **error)
{
  icalcomponent_kind kind = icalcomponent_string_to_kind (piece->name);
  icalcomponent *comp;

  if (kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTODO_COMPONENT &&
      kind != ICAL_VTIMEZONE_COMPONENT)
    {
      if (!g_hash_table_contains (self->ignored, piece->name))
        convene_import_result_warn (self->result, piece->line,
                                    _("%s components are not imported."), piece->name);
      g_hash_table_add (self->ignored, g_strdup (piece->name));
      return TRUE;
    }

  comp = parse_block (piece->text, piece->length);
  if (comp == NULL || icalcomponent_isa (comp) != kind)
    {
      g_clear_pointer (&comp, icalcomponent_free);
      return _convene_ics_syntax_error (self, error, piece->line,
                                        _("This component cannot be read."));
    }
  if (!check_parse_errors (self, comp, piece, error))
    {
      icalcomponent_free (comp);
      return FALSE;
    }

  if (kind == ICAL_VEVENT_COMPONENT)
    return import_event (self, comp, piece, error);
  if (kind == ICAL_VTODO_COMPONENT)
    return import_todo (self, comp, piece);
  return import_vtimezone (self, comp, piece);
}

static void
warn_repeats_left_out (ConveneIcsImport *self)
{
  guint floating = self->repeats[CONVENE_ICS_REPEAT_FLOATING];
  guint no_start = self->repeats[CONVENE_ICS_REPEAT_NO_START];
  const char *message;

  if (floating > MAX_REPEATED_WARNINGS)
    {
      floating -= MAX_REPEATED_WARNINGS;
      message = g_dngettext (NULL,
                             "%u more event has no time zone: its time is read as %s time.",
                             "%u more events have no time zone: their times are read as %s time.",
                             floating);
      convene_import_result_warn (self->result, 0, message, floating, self->default_zone);
    }
  if (no_start > MAX_REPEATED_WARNINGS)
    {
      no_start -= MAX_REPEATED_WARNINGS;
      message = g_dngettext (NULL,
                             "%u more event has no start: its date is kept as to be confirmed.",
                             "%u more events have no start: their dates are kept as to be "
                             "confirmed.",
                             no_start);
      convene_import_result_warn (self->result, 0, message, no_start);
    }
}

/* The key with the highest count; the smallest key breaks ties, so the same
 * file always gives the same plan. */
static gpointer
most_used (GHashTable   *counts,
           GCompareFunc  compare)
{
  GHashTableIter iter;
  gpointer key, value, best = NULL;
  guint best_count = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count ||
        (GPOINTER_TO_UINT (value) == best_count && compare (key, best) < 0))
      {
        best = key;
        best_count = GPOINTER_TO_UINT (value);
      }
  return best;
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return GPOINTER_TO_INT (a) - GPOINTER_TO_INT (b);
}

static gboolean
finish (ConveneIcsImport  *self,
        GError           **error)
{
  const char *zone;

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingEvent *pending = &g_array_index (self->pending, PendingEvent, i);
      gboolean deferred;

      if (!_convene_ics_set_times (self, pending->session, pending->event, pending->line,
                              pending->end_line, TRUE, &deferred, error))
        return FALSE;
      _convene_ics_note_series (self, pending->session, pending->event, pending->line);
    }
  if (!_convene_ics_settle_overrides (self, error))
    return FALSE;
  warn_repeats_left_out (self);

  if (self->result->sessions->len == 0 && self->result->actions->len == 0)
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EMPTY,
                   _("%s: the calendar has no events or to-dos."), self->file);
      return FALSE;
    }

  if (g_hash_table_size (self->years) > 0)
    convene_plan_set_year (self->plan, GPOINTER_TO_INT (most_used (self->years, compare_years)));
  zone = most_used (self->zone_use, (GCompareFunc) g_strcmp0);
  if (convene_plan_get_timezone (self->plan) == NULL && zone != NULL)
    convene_plan_set_timezone (self->plan, zone);
  return TRUE;
}

/* Reads every piece of the file into self->result, writing as it goes when
 * the result has a writer; the sessions of events that wait for a
 * VTIMEZONE are held until the end, when their times are known. */
static gboolean
run (ConveneIcsImport    *self,
     ConveneIcsSplitter  *splitter,
     GError             **error)
{
  ConveneIcsPiece piece;
  GError *local_error = NULL;

  while (convene_ics_splitter_next (splitter, &piece, &local_error))
    {
      if (piece.kind == CONVENE_ICS_PIECE_PROPERTY)
        import_calendar_property (self, &piece);
      else if (!import_component (self, &piece, &local_error))
        break;
      else if (self->pending->len == 0 && !convene_import_result_flush (self->result, &local_error))
        break;
    }
  if (local_error != NULL || !finish (self, &local_error))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

ConveneImportResult *
convene_ics_import (const char  *file,
                    const char  *contents,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(ConveneIcsSplitter) splitter = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  ConveneIcsImport self;
  gboolean ok;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  splitter = convene_ics_splitter_new (file, contents, length);
  result = convene_import_result_new (file);
  ics_import_init (&self, result);
  ok = run (&self, splitter, error);
  ics_import_clear (&self);
  return ok ? g_steal_pointer (&result) : NULL;
}

/**
 * convene_ics_import_stream:
 * @result: an empty result, usually with a writer (see
 *   convene_import_result_begin_write()), named after the file
 * @stream: the file, read a chunk at a time
 *
 * Returns: whether the whole file was read; on %FALSE, @error is set and
 *   the caller cancels the write
 */
gboolean
convene_ics_import_stream (ConveneImportResult  *result,
                           GInputStream         *stream,
                           GError              **error)
{
  g_autoptr(ConveneIcsSplitter) splitter = NULL;
  ConveneIcsImport self;
  gboolean ok;

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  splitter = convene_ics_splitter_new_for_stream (result->file, stream);
  ics_import_init (&self, result);
  ok = run (&self, splitter, error);
  ics_import_clear (&self);
  return ok;
}

/* A calendar says what it is in its first line (RFC 5545, 3.4), whatever
 * the file is called. */
static ConveneImporterMatch
sniff_ics (const char *file,
           const char *head,
           gsize       length)
{
  return convene_importer_starts_with (head, length, "BEGIN:VCALENDAR") ? CONVENE_IMPORTER_CERTAIN
                                                                         : CONVENE_IMPORTER_NO;
}

/* A calendar names its times' zones, or its own (X-WR-TIMEZONE), and a
 * floating time is read in that one or as UTC, with a warning: the same
 * in the preview as in a streamed import, which is given no options. */
static ConveneImportResult *
read_ics (const char                  *file,
          const char                  *contents,
          gsize                        length,
          const ConveneImportOptions  *options,
          GError                     **error)
{
  return convene_ics_import (file, contents, length, error);
}

const ConveneImporter convene_ics_importer = {
  .name = "icalendar", .flags = CONVENE_IMPORTER_FLAG_UTF8, .sniff = sniff_ics,
  .read = read_ics, .stream = convene_ics_import_stream,
};
