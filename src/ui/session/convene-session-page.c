/* convene-session-page.c: a session's page, pushed over the section views.
 *
 * The page edits its own copy of the session.  Each row writes its value
 * into the copy as soon as it is valid, and the copy is saved a moment after
 * the last change (and at once when the page goes away), so nothing typed
 * is lost.  A value that cannot be saved — an address that is not one, a
 * time that does not exist because the clocks change that night — is marked
 * on its row and named in a banner, and the last good value stays stored.
 * Opened on one meeting of a series, the page edits that meeting alone or
 * the whole series, as the user chooses.
 */
#include "config.h"

#include "ui/session/convene-session-page.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "export/convene-announce.h"
#include "ui/session/convene-add-meeting-dialog.h"
#include "ui/session/convene-attendance-group.h"
#include "ui/session/convene-occurrence-edit.h"
#include "ui/session/convene-people-popover.h"
#include "ui/session/convene-repeat-row.h"
#include "ui/editors/convene-editor-dialog.h"
#include "ui/convene-entity-row.h"
#include "ui/convene-format.h"
#include "model/convene-person.h"
#include "model/convene-resource.h"
#include "model/convene-validate.h"
#include "model/convene-values.h"
#include "ui/editors/convene-zone-chooser.h"
#include "time/convene-time-expr.h"

#define SAVE_DELAY_MS 400

struct _ConveneSessionPage
{
  AdwNavigationPage parent_instance;

  GtkWidget      *join_button;
  GtkWidget      *occurrence_group;
  GtkWidget      *occurrence_row;
  GtkWidget      *this_one_button;
  GtkWidget      *whole_series_button;
  GtkWidget      *cancel_occurrence_button;
  AdwBanner      *error_banner;
  AdwBanner      *conflict_banner;
  GtkWidget      *topic_row;
  GtkWidget      *status_row;
  GtkWidget      *format_row;
  GtkWidget      *language_row;
  GtkWidget      *lead_row;
  GtkWidget      *speakers_row;
  ConvenePeoplePopover *lead_people;
  ConvenePeoplePopover *speakers_people;
  GtkWidget      *principles_row;
  GtkWidget      *timing_row;
  GtkWidget      *month_row;
  GtkWidget      *date_row;
  GtkWidget      *date_button;
  GtkCalendar    *calendar;
  GtkWidget      *time_row;
  GtkWidget      *zone_row;
  GtkWidget      *duration_row;
  GtkWidget      *times_row;
  GtkWidget      *recurrence_row;
  GtkWidget      *add_meeting_row;
  GtkWidget      *location_row;
  GtkTextView    *description_view;
  GtkWidget      *recording_url_row;
  GtkWidget      *recorded_row;
  GtkWidget      *blog_author_row;
  GtkWidget      *blog_url_row;
  GtkWidget      *blog_state_row;
  GtkTextView    *notes_view;
  GtkListBox     *resources_list;
  ConveneAttendanceGroup *attendance_group;

  ConveneStore   *store;
  ConvenePlan    *plan;
  ConveneSession *session;      /* our copy */
  ConveneSession *stored;       /* the row as this page last read or wrote it */
  gboolean        saving;       /* our own write: not a change made elsewhere */
  GListModel     *resources;
  GHashTable     *errors;       /* row → message */
  GPtrArray      *language_codes;
  GDate           date;         /* the day in the session's zone */
  int             hour;
  int             minute;
  guint           save_source;
  gboolean        loading;
  gboolean        has_occurrence;
  gint64          occurrence;   /* the meeting's start as the rule gives it */
  gboolean        this_one;     /* edits go to that meeting's exception */
};

G_DEFINE_FINAL_TYPE (ConveneSessionPage, convene_session_page, ADW_TYPE_NAVIGATION_PAGE)

/* Errors */

static void
show_errors (ConveneSessionPage *self)
{
  GHashTableIter iter;
  gpointer row, message;
  const char *first = NULL;

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, &row, &message))
    if (first == NULL)
      first = message;
  adw_banner_set_title (self->error_banner, first != NULL ? first : "");
  adw_banner_set_revealed (self->error_banner, first != NULL);
}

static void
set_row_error (ConveneSessionPage *self,
               GtkWidget          *row,
               const char         *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      g_hash_table_replace (self->errors, row, g_strdup (message));
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      g_hash_table_remove (self->errors, row);
    }
  show_errors (self);
}

/* Changes made elsewhere
 *
 * convene-cli, a script or a second window may write the session while this
 * page has it open; the store announces what it notices.  The page keeps
 * the row as it last read or wrote it: when the row in the file is no
 * longer that, someone else wrote it.  Without edits of ours the page just
 * shows theirs; with edits it saves nothing and asks, in a banner, whose
 * version to keep.  Either way the kept version is stored whole.
 */

static void load_fields (ConveneSessionPage *self);
static void show_occurrence_view (ConveneSessionPage *self);

static ConveneSession *
load_stored (ConveneSessionPage *self)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (self->session));

  return convene_store_load (self->store, CONVENE_TYPE_SESSION, id, NULL);
}

static void
remember_stored (ConveneSessionPage *self)
{
  ConveneSession *stored = load_stored (self);

  g_clear_object (&self->stored);
  self->stored = stored != NULL ? stored
                                : CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (self->session)));
}

static gboolean write_exception (ConveneSessionPage  *self,
                                 GError             **error);

static gboolean
write_session (ConveneSessionPage  *self,
               GError             **error)
{
  gboolean ok;

  if (self->has_occurrence && self->this_one)
    return write_exception (self, error);
  self->saving = TRUE;
  ok = convene_store_update (self->store, CONVENE_ENTITY (self->session), error);
  self->saving = FALSE;
  if (ok)
    remember_stored (self);
  return ok;
}

static gboolean
has_unsaved_edits (ConveneSessionPage *self)
{
  /* One meeting's copy differs from the series by its exception. */
  if (self->has_occurrence && self->this_one)
    return self->save_source != 0;
  return self->save_source != 0 ||
         !convene_entity_equal (CONVENE_ENTITY (self->session), CONVENE_ENTITY (self->stored));
}

static void
show_conflict (ConveneSessionPage *self,
               gboolean            deleted)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  adw_banner_set_title (self->conflict_banner,
                        deleted ? _("This session was deleted elsewhere; your edits are not saved")
                                : _("This session was changed elsewhere; your edits are not saved yet"));
  adw_banner_set_button_label (self->conflict_banner, deleted ? NULL : _("_Resolve…"));
  adw_banner_set_revealed (self->conflict_banner, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.keep-theirs", !deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.overwrite", !deleted);
}

/* Whether the row in the file is no longer the one this page last saw;
 * if so the banner says so and nothing may be saved until it is settled. */
static gboolean
changed_elsewhere (ConveneSessionPage *self)
{
  g_autoptr(ConveneSession) theirs = NULL;

  if (adw_banner_get_revealed (self->conflict_banner))
    return TRUE;
  theirs = load_stored (self);
  if (theirs != NULL && convene_entity_equal (CONVENE_ENTITY (theirs), CONVENE_ENTITY (self->stored)))
    return FALSE;
  show_conflict (self, theirs == NULL);
  return TRUE;
}

static void
take_theirs (ConveneSessionPage *self,
             ConveneSession     *theirs)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_set_object (&self->stored, theirs);
  g_clear_object (&self->session);
  self->session = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (theirs)));
  if (self->has_occurrence && self->this_one)
    show_occurrence_view (self);
  convene_people_popover_set_chosen (self->speakers_people, convene_session_get_speakers (theirs));
  load_fields (self);
  adw_banner_set_revealed (self->conflict_banner, FALSE);
}

/* Leaving the page with the question open: say, where the user will still
 * see it, that the edits were not saved rather than drop them quietly. */
static void
warn_unsettled (ConveneSessionPage *self)
{
  if (!adw_banner_get_revealed (self->conflict_banner) || self->stored == NULL ||
      convene_entity_equal (CONVENE_ENTITY (self->session), CONVENE_ENTITY (self->stored)))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                              _("Your edits were not saved: the session was changed elsewhere"));
}

static void
on_store_changed_cb (ConveneSessionPage *self,
                     GType               type,
                     gint64              id,
                     guint               change)
{
  g_autoptr(ConveneSession) theirs = NULL;

  if (self->saving || type != CONVENE_TYPE_SESSION || self->stored == NULL ||
      (change != CONVENE_STORE_CHANGE_RESET &&
       id != convene_entity_get_id (CONVENE_ENTITY (self->session))))
    return;
  theirs = load_stored (self);
  if (theirs != NULL && convene_entity_equal (CONVENE_ENTITY (theirs), CONVENE_ENTITY (self->stored)))
    return;
  if (theirs != NULL && !has_unsaved_edits (self))
    take_theirs (self, theirs);
  else
    show_conflict (self, theirs == NULL);
}

static void
keep_theirs_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);
  g_autoptr(ConveneSession) theirs = load_stored (self);

  if (theirs != NULL)
    take_theirs (self, theirs);
}

static void
overwrite_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!write_session (self, &error))
    {
      adw_banner_set_title (self->error_banner, error->message);
      adw_banner_set_revealed (self->error_banner, TRUE);
      return;
    }
  adw_banner_set_revealed (self->conflict_banner, FALSE);
}

static void
on_resolve_response_cb (ConveneSessionPage *self,
                        const char         *response)
{
  if (g_str_equal (response, "theirs"))
    gtk_widget_activate_action (GTK_WIDGET (self), "session.keep-theirs", NULL);
  else if (g_str_equal (response, "mine"))
    gtk_widget_activate_action (GTK_WIDGET (self), "session.overwrite", NULL);
}

static void
resolve_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Session Changed Elsewhere"),
                                 _("Another program or window changed this session while you were "
                                   "editing it. Keep their version and drop your edits, or overwrite "
                                   "theirs with yours?"));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "theirs", _("_Keep Theirs"),
                                  "mine", _("_Overwrite"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "mine",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_resolve_response_cb),
                           widget, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

/* Saving */

/**
 * convene_session_page_save:
 *
 * Writes what is pending now rather than after the short delay.
 *
 * Returns: whether the session is stored as shown
 */
gboolean
convene_session_page_save (ConveneSessionPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CONVENE_IS_SESSION_PAGE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->session == NULL || self->store == NULL)
    return FALSE;
  if (changed_elsewhere (self))
    return FALSE;
  if (!write_session (self, &error))
    {
      adw_banner_set_title (self->error_banner, error->message);
      adw_banner_set_revealed (self->error_banner, TRUE);
      return FALSE;
    }
  show_errors (self);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  ConveneSessionPage *self = user_data;

  self->save_source = 0;
  convene_session_page_save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (ConveneSessionPage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_hiding_cb (ConveneSessionPage *self)
{
  if (self->save_source != 0)
    convene_session_page_save (self);
  warn_unsettled (self);
}

/* Showing */

static char *
row_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_text (GtkWidget  *row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The Repeat row reads weekdays and end dates in the session's own zone. */
static void
show_series_start (ConveneSessionPage *self)
{
  GDateTime *start = convene_session_get_start (self->session);
  g_autoptr(GTimeZone) tz = convene_timezone_new (convene_session_get_timezone (self->session));
  g_autoptr(GDateTime) there = NULL;

  if (start != NULL)
    there = g_date_time_to_timezone (start, tz != NULL ? tz : convene_local_zone ());
  convene_repeat_row_set_start (CONVENE_REPEAT_ROW (self->recurrence_row), there);
}

static void
update_times (ConveneSessionPage *self)
{
  g_autofree char *times = NULL;
  g_autofree char *zone = NULL;
  const char *location = convene_session_get_location (self->session);
  g_autofree char *day = NULL;

  times = convene_format_session_times (self->session,
                                        self->plan != NULL ? convene_plan_get_extra_timezones (self->plan)
                                                           : NULL,
                                        FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->times_row), times != NULL ? times : "");
  gtk_widget_set_visible (self->times_row, times != NULL);

  zone = convene_zone_label (convene_session_get_timezone (self->session));
  if (convene_session_get_timezone (self->session) != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s (%s)", zone,
                                                   convene_session_get_timezone (self->session));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->zone_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->zone_row), _("Not set"));

  if (g_date_valid (&self->date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (&self->date),
                                                     g_date_get_month (&self->date),
                                                     g_date_get_day (&self->date), 12, 0, 0);
      /* Translators: the date of a session on its page; see g_date_time_format() */
      day = g_date_time_format (dt, _("%A %-d %B %Y"));
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), day != NULL ? day : "");

  show_series_start (self);
  gtk_widget_set_visible (self->join_button, convene_is_link (location));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.join", convene_is_link (location));
  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self),
                                 convene_session_get_topic (self->session) != NULL
                                   ? convene_session_get_topic (self->session) : _("Session"));
}

static void
update_visibility (ConveneSessionPage *self)
{
  guint timing = adw_combo_row_get_selected (ADW_COMBO_ROW (self->timing_row));
  gboolean instant = timing == CONVENE_SESSION_TIMING_INSTANT;

  gtk_widget_set_visible (self->month_row, timing == CONVENE_SESSION_TIMING_MONTH);
  gtk_widget_set_visible (self->date_row, instant);
  gtk_widget_set_visible (self->time_row, instant);
  gtk_widget_set_visible (self->zone_row, instant);
  gtk_widget_set_visible (self->duration_row, instant);
  gtk_widget_set_visible (self->recurrence_row, instant);
  gtk_widget_set_visible (self->add_meeting_row,
                          instant && convene_session_get_recurrence (self->session) != NULL);
}

static void
select_enum (GtkWidget *row,
             GType      type,
             int        value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == value)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
}

static int
selected_enum (GtkWidget *row,
               GType      type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return selected < klass->n_values ? klass->values[selected].value : 0;
}

static void
fill_languages (ConveneSessionPage *self)
{
  static const char *common[] = { "en", "es", "fr", "pt" };
  const char *current = convene_session_get_language (self->session);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->language_codes, g_ptr_array_unref);
  self->language_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    g_ptr_array_add (self->language_codes, g_strdup (common[i]));
  if (current != NULL && !g_ptr_array_find_with_equal_func (self->language_codes, current,
                                                            g_str_equal, NULL))
    g_ptr_array_add (self->language_codes, g_strdup (current));

  for (guint i = 0; i < self->language_codes->len; i++)
    {
      g_autofree char *name = convene_language_name (g_ptr_array_index (self->language_codes, i));

      gtk_string_list_append (names, name);
      if (g_strcmp0 (current, g_ptr_array_index (self->language_codes, i)) == 0)
        selected = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->language_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->language_row), selected);
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* Reads the day and time of the start in the session's own zone. */
static void
load_date (ConveneSessionPage *self)
{
  GDateTime *start = convene_session_get_start (self->session);
  const char *month = convene_session_get_month (self->session);
  g_autoptr(GTimeZone) tz = convene_timezone_new (convene_session_get_timezone (self->session));

  g_date_clear (&self->date, 1);
  self->hour = 19;
  self->minute = 0;
  if (start != NULL)
    {
      g_autoptr(GDateTime) there = g_date_time_to_timezone (start, tz != NULL ? tz : convene_local_zone ());

      g_date_set_dmy (&self->date, g_date_time_get_day_of_month (there),
                      g_date_time_get_month (there), g_date_time_get_year (there));
      self->hour = g_date_time_get_hour (there);
      self->minute = g_date_time_get_minute (there);
    }
  else if (convene_month_is_valid (month))
    g_date_set_dmy (&self->date, 1, atoi (month + 5), atoi (month));
  else
    {
      g_autoptr(GDateTime) now = convene_now ();

      g_date_set_dmy (&self->date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
}

static void
load_fields (ConveneSessionPage *self)
{
  ConveneSession *s = self->session;
  ConveneBlogPost *blog = convene_session_get_blog (s);
  g_autofree char *speakers = convene_join_strv (convene_session_get_speakers (s));
  g_autofree char *principles = convene_join_strv (convene_session_get_principles (s));
  g_autofree char *clock = NULL;
  g_autoptr(GDateTime) calendar_day = NULL;

  self->loading = TRUE;
  load_date (self);
  clock = g_strdup_printf ("%02d:%02d", self->hour, self->minute);

  set_row_text (self->topic_row, convene_session_get_topic (s));
  select_enum (self->status_row, CONVENE_TYPE_SESSION_STATUS, convene_session_get_status (s));
  select_enum (self->format_row, CONVENE_TYPE_SESSION_FORMAT, convene_session_get_format (s));
  fill_languages (self);
  set_row_text (self->lead_row, convene_session_get_lead (s));
  set_row_text (self->speakers_row, speakers);
  set_row_text (self->principles_row, principles);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->timing_row), convene_session_get_timing (s));
  set_row_text (self->month_row, convene_session_get_month (s));
  set_row_text (self->time_row, clock);
  adw_spin_row_set_value (ADW_SPIN_ROW (self->duration_row), convene_session_get_duration_minutes (s));
  show_series_start (self);
  convene_repeat_row_set_rule (CONVENE_REPEAT_ROW (self->recurrence_row), convene_session_get_recurrence (s));
  set_row_text (self->location_row, convene_session_get_location (s));
  set_text_view (self->description_view, convene_session_get_description (s));
  set_row_text (self->recording_url_row, convene_session_get_recording_url (s));
  set_row_text (self->recorded_row, convene_session_get_recorded (s));
  set_row_text (self->blog_author_row, blog != NULL ? blog->author : NULL);
  set_row_text (self->blog_url_row, blog != NULL ? blog->url : NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->blog_state_row),
                              blog != NULL ? (guint) blog->state : 0);
  set_text_view (self->notes_view, convene_session_get_notes (s));

  calendar_day = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                        g_date_get_day (&self->date), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, calendar_day);

  update_visibility (self);
  update_times (self);
  self->loading = FALSE;
}

/* Editing */

/* Makes the start from the day, the time and the zone; says so when the
 * clocks skip that time. */
static void
apply_start (ConveneSessionPage *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *month = NULL;
  const char *zone = convene_session_get_timezone (self->session);

  if (zone == NULL)
    {
      zone = self->plan != NULL ? convene_plan_get_timezone (self->plan) : NULL;
      if (zone == NULL)
        zone = convene_local_zone_id () != NULL ? convene_local_zone_id () : "UTC";
      convene_session_set_timezone (self->session, zone);
    }
  tz = convene_timezone_new (zone);
  if (tz == NULL || !g_date_valid (&self->date))
    return;

  local = g_date_time_new (tz, g_date_get_year (&self->date), g_date_get_month (&self->date),
                           g_date_get_day (&self->date), self->hour, self->minute, 0);
  if (local == NULL || g_date_time_get_hour (local) != self->hour ||
      g_date_time_get_minute (local) != self->minute ||
      g_date_time_get_day_of_month (local) != g_date_get_day (&self->date))
    {
      g_autofree char *label = convene_zone_label (zone);
      g_autofree char *message = NULL;
      char day[64];

      g_date_strftime (day, sizeof day, "%x", &self->date);
      /* Translators: a start time skipped by a daylight-saving change,
       * as in "01:30 on 28/03/21 does not exist in London: the clocks go forward" */
      message = g_strdup_printf (_("%02d:%02d on %s does not exist in %s: the clocks go forward"),
                                 self->hour, self->minute, day, label);
      set_row_error (self, self->time_row, message);
      return;
    }
  set_row_error (self, self->time_row, NULL);

  utc = g_date_time_to_utc (local);
  month = g_date_time_format (local, "%Y-%m");
  convene_session_set_start (self->session, utc);
  convene_session_set_month (self->session, month);
}

static void
apply_timing (ConveneSessionPage *self,
              ConveneSessionTiming timing)
{
  switch (timing)
    {
    case CONVENE_SESSION_TIMING_INSTANT:
      apply_start (self);
      break;
    case CONVENE_SESSION_TIMING_MONTH:
      {
        g_autofree char *month = g_strdup_printf ("%04d-%02d", g_date_get_year (&self->date),
                                                  g_date_get_month (&self->date));
        convene_session_set_start (self->session, NULL);
        convene_session_set_month (self->session, month);
        self->loading = TRUE;
        set_row_text (self->month_row, month);
        self->loading = FALSE;
        break;
      }
    case CONVENE_SESSION_TIMING_TBC:
    default:
      convene_session_set_start (self->session, NULL);
      convene_session_set_month (self->session, NULL);
      break;
    }
}

static char **
list_from_row (GtkWidget *row)
{
  g_autofree char *text = row_text (row);

  return convene_split_list (text);
}

/* Marks @row with what the model's validator says of @value for the
 * session's @field; returns whether the value may be stored. */
static gboolean
check_field (ConveneSessionPage *self,
             GtkWidget          *row,
             const char         *field,
             const char         *value)
{
  g_autofree char *message = NULL;
  gboolean valid = convene_entity_validate_field (CONVENE_TYPE_SESSION, field, value, &message);

  set_row_error (self, row, message);
  return valid;
}

static void
apply_blog (ConveneSessionPage *self)
{
  g_autofree char *author = row_text (self->blog_author_row);
  g_autofree char *url = row_text (self->blog_url_row);
  ConveneBlogState state = adw_combo_row_get_selected (ADW_COMBO_ROW (self->blog_state_row));
  g_autoptr(ConveneBlogPost) post = NULL;
  g_autofree char *message = NULL;

  convene_value_validate (CONVENE_VALUE_URL, *url != '\0' ? url : NULL, &message);
  set_row_error (self, self->blog_url_row, message);
  if (message != NULL)
    return;
  if (*author != '\0' || *url != '\0' || state != CONVENE_BLOG_STATE_PLANNED)
    post = convene_blog_post_new (*author != '\0' ? author : NULL, *url != '\0' ? url : NULL, state);
  convene_session_set_blog (self->session, post);
}

/* One switch over the page's text rows, long because each row writes its
 * own field; the rows share the checking and the delayed save. */
static void
on_text_row_changed_cb (ConveneSessionPage *self,
                        GtkWidget          *row)
{
  g_autofree char *text = NULL;
  const char *value;

  if (self->loading || self->session == NULL)
    return;
  text = row_text (row);
  value = *text != '\0' ? text : NULL;

  if (row == self->topic_row)
    {
      if (!check_field (self, row, "topic", value))
        return;
      convene_session_set_topic (self->session, value);
    }
  else if (row == self->lead_row)
    convene_session_set_lead (self->session, value);
  else if (row == self->speakers_row || row == self->principles_row)
    {
      g_auto(GStrv) items = list_from_row (row);

      if (row == self->speakers_row)
        {
          convene_session_set_speakers (self->session, (const char * const *) items);
          convene_people_popover_set_chosen (self->speakers_people, (const char * const *) items);
        }
      else
        convene_session_set_principles (self->session, (const char * const *) items);
    }
  else if (row == self->month_row)
    {
      /* The month row is there when the session has only a month: empty,
       * it is an empty month, which the validator refuses. */
      if (!check_field (self, row, "month", value != NULL ? value : ""))
        return;
      convene_session_set_month (self->session, value);
      g_date_set_dmy (&self->date, 1, atoi (value + 5), atoi (value));
    }
  else if (row == self->time_row)
    {
      if (value == NULL || !convene_time_parse_clock (value, &self->hour, &self->minute))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a time of day (19:00)"),
                                                      value != NULL ? value : "");
          set_row_error (self, row, message);
          return;
        }
      apply_start (self);
    }
  else if (row == self->location_row)
    convene_session_set_location (self->session, value);
  else if (row == self->recording_url_row)
    {
      if (!check_field (self, row, "recording-url", value))
        return;
      convene_session_set_recording_url (self->session, value);
    }
  else if (row == self->recorded_row)
    convene_session_set_recorded (self->session, value);
  else if (row == self->blog_author_row || row == self->blog_url_row)
    apply_blog (self);

  update_times (self);
  schedule_save (self);
}

static void
on_repeat_changed_cb (ConveneSessionPage *self)
{
  ConveneRepeatRow *row = CONVENE_REPEAT_ROW (self->recurrence_row);

  if (self->loading || self->session == NULL)
    return;
  set_row_error (self, self->recurrence_row, convene_repeat_row_get_error (row));
  if (convene_repeat_row_get_error (row) != NULL ||
      g_strcmp0 (convene_repeat_row_get_rule (row), convene_session_get_recurrence (self->session)) == 0)
    return;
  convene_session_set_recurrence (self->session, convene_repeat_row_get_rule (row));
  update_visibility (self);
  schedule_save (self);
}

static void
on_lead_chosen_cb (ConveneSessionPage   *self,
                   const char           *name,
                   gboolean              chosen,
                   ConvenePeoplePopover *popover)
{
  set_row_text (self->lead_row, name);
}

/* Checking a person adds them to the speakers, unchecking removes them. */
static void
on_speaker_toggled_cb (ConveneSessionPage   *self,
                       const char           *name,
                       gboolean              chosen,
                       ConvenePeoplePopover *popover)
{
  g_auto(GStrv) speakers = list_from_row (self->speakers_row);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; speakers[i] != NULL; i++)
    if (!g_str_equal (speakers[i], name))
      g_strv_builder_add (builder, speakers[i]);
  if (chosen)
    g_strv_builder_add (builder, name);
  result = g_strv_builder_end (builder);
  text = convene_join_strv ((const char * const *) result);
  set_row_text (self->speakers_row, text);
}

static void
on_combo_row_changed_cb (ConveneSessionPage *self,
                         GParamSpec         *pspec,
                         GtkWidget          *row)
{
  if (self->loading || self->session == NULL)
    return;

  if (row == self->status_row)
    convene_session_set_status (self->session,
                                selected_enum (row, CONVENE_TYPE_SESSION_STATUS));
  else if (row == self->format_row)
    convene_session_set_format (self->session,
                                selected_enum (row, CONVENE_TYPE_SESSION_FORMAT));
  else if (row == self->language_row)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

      if (selected < self->language_codes->len)
        convene_session_set_language (self->session, g_ptr_array_index (self->language_codes, selected));
    }
  else if (row == self->duration_row)
    convene_session_set_duration_minutes (self->session,
                                          (int) adw_spin_row_get_value (ADW_SPIN_ROW (row)));
  else if (row == self->blog_state_row)
    apply_blog (self);

  update_times (self);
  schedule_save (self);
}

static void
on_timing_changed_cb (ConveneSessionPage *self)
{
  if (self->loading || self->session == NULL)
    return;
  update_visibility (self);
  apply_timing (self, adw_combo_row_get_selected (ADW_COMBO_ROW (self->timing_row)));
  update_times (self);
  schedule_save (self);
}

static void
on_day_selected_cb (ConveneSessionPage *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  if (self->loading || self->session == NULL)
    return;
  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  apply_start (self);
  update_times (self);
  schedule_save (self);
}

static void
on_text_view_changed_cb (GtkTextBuffer      *buffer,
                         ConveneSessionPage *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading || self->session == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (buffer == gtk_text_view_get_buffer (self->description_view))
    convene_session_set_description (self->session, *text != '\0' ? text : NULL);
  else
    convene_session_set_notes (self->session, *text != '\0' ? text : NULL);
  schedule_save (self);
}

/**
 * convene_session_page_set_zone:
 * @zone: the zone the organiser fixes the time in
 *
 * Keeps the day and the clock time: "19:00" now means 19:00 in @zone.
 */
void
convene_session_page_set_zone (ConveneSessionPage *self,
                               const char         *zone)
{
  g_return_if_fail (CONVENE_IS_SESSION_PAGE (self));

  if (!convene_timezone_is_valid (zone))
    return;
  convene_session_set_timezone (self->session, zone);
  if (convene_session_get_timing (self->session) == CONVENE_SESSION_TIMING_INSTANT)
    apply_start (self);
  update_times (self);
  schedule_save (self);
}

static void
on_zone_chosen_cb (ConveneSessionPage *self,
                   const char         *zone)
{
  convene_session_page_set_zone (self, zone);
}

static void
choose_zone_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AdwDialog *chooser = convene_zone_chooser_new ();

  g_signal_connect_object (chooser, "zone-chosen", G_CALLBACK (on_zone_chosen_cb), widget,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (chooser, widget);
}

static void
join_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);
  const char *location = convene_session_get_location (self->session);
  g_autoptr(GtkUriLauncher) launcher = NULL;

  if (!convene_is_link (location))
    return;
  launcher = gtk_uri_launcher_new (location);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL, NULL);
}

/* The invitation for an email, in the language the parameter names ("en",
 * "es"), whatever the language of the window. */
static void
copy_invitation_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  convene_session_page_save (self);
  text = convene_announcement_text (self->store, self->session,
                                    g_variant_get_string (parameter, NULL), &error);
  if (text == NULL)
    {
      gtk_widget_activate_action (widget, "win.show-error", "(ss)",
                                  _("The invitation could not be written"), error->message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  gtk_widget_activate_action (widget, "win.toast", "s", _("Invitation copied"));
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);

  /* Whatever is still being typed is saved first, so that Undo brings it back. */
  convene_session_page_save (self);
  gtk_widget_activate_action (widget, "win.delete-session", "x",
                              convene_entity_get_id (CONVENE_ENTITY (self->session)));
}

/* One meeting of a series
 *
 * Opened on one occurrence, the page asks whether edits are for that
 * meeting or for the whole series.  For "this one" the page's copy is the
 * series with that meeting's exception applied, and saving writes the
 * exception (another start, length, topic, lead or status), never the
 * series row and never a new session.
 */

/* The page's copy becomes the meeting: the series as that meeting is. */
static void
show_occurrence_view (ConveneSessionPage *self)
{
  ConveneSession *view = convene_occurrence_edit_view (self->store, self->stored, self->occurrence);

  g_clear_object (&self->session);
  self->session = view;
}

static gboolean
write_exception (ConveneSessionPage  *self,
                 GError             **error)
{
  gboolean ok;

  self->saving = TRUE;
  ok = convene_occurrence_edit_save (self->store, self->stored, self->session, self->occurrence, error);
  self->saving = FALSE;
  return ok;
}

/* For one meeting, the rows that belong to the whole series are shown but
 * not edited; the meeting's own buttons say what they would do now. */
static void
update_scope (ConveneSessionPage *self)
{
  GtkWidget *series_rows[] = {
    self->speakers_row, self->principles_row, self->format_row, self->language_row,
    self->timing_row, self->month_row, self->zone_row, self->recurrence_row, self->location_row,
    GTK_WIDGET (self->description_view), self->recording_url_row, self->recorded_row,
    self->blog_author_row, self->blog_url_row, self->blog_state_row, GTK_WIDGET (self->notes_view),
    GTK_WIDGET (self->resources_list),
  };
  gboolean one = self->has_occurrence && self->this_one;
  gboolean cancelled = one && convene_session_get_status (self->session) == CONVENE_SESSION_STATUS_CANCELLED;

  for (guint i = 0; i < G_N_ELEMENTS (series_rows); i++)
    gtk_widget_set_sensitive (series_rows[i], !one);
  /* Attendance is a meeting's own: who came on 2 March, not "to the series". */
  {
    g_autoptr(GDateTime) meeting = one ? g_date_time_new_from_unix_utc (self->occurrence) : NULL;

    convene_attendance_group_set_occurrence (self->attendance_group, meeting);
  }
  gtk_button_set_label (GTK_BUTTON (self->cancel_occurrence_button),
                        cancelled ? _("_Restore Meeting") : _("_Cancel Meeting"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->occurrence_row),
                               !self->has_occurrence ? ""
                               : cancelled ? _("One meeting of a series · cancelled")
                               : one ? _("Edits change only this meeting")
                               : _("Edits change every meeting of the series"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.cancel-occurrence", self->has_occurrence);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.delete-occurrence", self->has_occurrence);
}

static void
set_scope (ConveneSessionPage *self,
           gboolean            this_one)
{
  if (this_one == self->this_one)
    return;
  /* What was typed for the other scope is saved there first. */
  convene_session_page_save (self);
  self->this_one = this_one;
  if (this_one)
    show_occurrence_view (self);
  else
    {
      g_clear_object (&self->session);
      self->session = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (self->stored)));
    }
  load_fields (self);
  update_scope (self);
}

static void
on_scope_toggled_cb (ConveneSessionPage *self)
{
  if (self->loading || !self->has_occurrence)
    return;
  set_scope (self, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->this_one_button)));
}

/**
 * convene_session_page_set_occurrence:
 * @occurrence_unix: the meeting's start as the series' rule gives it
 *   (its RECURRENCE-ID), in Unix seconds
 *
 * Shows one meeting of the series, and asks whether edits are for it
 * alone (the default) or for the whole series.
 */
void
convene_session_page_set_occurrence (ConveneSessionPage *self,
                                     gint64              occurrence_unix)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) there = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (CONVENE_IS_SESSION_PAGE (self));

  convene_session_page_save (self);
  self->has_occurrence = TRUE;
  self->occurrence = occurrence_unix;
  self->this_one = FALSE;
  self->loading = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->this_one_button), TRUE);
  self->loading = FALSE;
  set_scope (self, TRUE);

  utc = g_date_time_new_from_unix_utc (occurrence_unix);
  tz = convene_timezone_new (convene_session_get_timezone (self->stored));
  there = g_date_time_to_timezone (utc, tz != NULL ? tz : convene_local_zone ());
  day = g_date_time_format (there, _("%A %-d %B %Y"));
  clock = convene_format_clock (there);
  /* Translators: one meeting of a series: "Tuesday 2 March 2021, 19:00" */
  title = g_strdup_printf (_("%s, %s"), day, clock);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->occurrence_row), title);
  gtk_widget_set_visible (self->occurrence_group, TRUE);
  update_scope (self);
}

/* Cancels this meeting alone (an exception with the cancelled status), or
 * gives it back the series' status. */
static void
cancel_occurrence_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);
  gboolean cancelled;

  if (!self->has_occurrence)
    return;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->this_one_button), TRUE);
  cancelled = convene_session_get_status (self->session) == CONVENE_SESSION_STATUS_CANCELLED;
  select_enum (self->status_row, CONVENE_TYPE_SESSION_STATUS,
               cancelled ? convene_session_get_status (self->stored) : CONVENE_SESSION_STATUS_CANCELLED);
  if (!convene_session_page_save (self))
    return;
  update_scope (self);
  gtk_widget_activate_action (widget, "win.toast", "s",
                              cancelled ? _("The meeting is back on") : _("This meeting is cancelled"));
}

/* Takes this meeting out of the series (an EXDATE), with Undo in the
 * window's toast, and leaves the page: the meeting is no longer there. */
static void
delete_occurrence_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);

  if (!self->has_occurrence)
    return;
  convene_session_page_save (self);
  gtk_widget_activate_action (widget, "win.remove-occurrence", "(xx)",
                              convene_entity_get_id (CONVENE_ENTITY (self->stored)), self->occurrence);
  gtk_widget_activate_action (widget, "navigation.pop", NULL);
}

/* One meeting more */

static void
on_meeting_chosen_cb (ConveneSessionPage *self,
                      gint64              start)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-occurrence", "(xx)",
                              convene_entity_get_id (CONVENE_ENTITY (self->stored)), start);
}

/* A date the rule does not give (an RDATE), chosen in a dialog and added
 * by the window, which offers Undo.  The series is saved first, so that
 * the dialog reads the rule as it is shown. */
static void
add_meeting_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);
  AdwDialog *dialog;

  convene_session_page_save (self);
  if (self->stored == NULL || convene_session_get_recurrence (self->stored) == NULL ||
      convene_session_get_start (self->stored) == NULL)
    return;
  dialog = convene_add_meeting_dialog_new (self->store, self->stored);
  g_signal_connect_object (dialog, "meeting-chosen", G_CALLBACK (on_meeting_chosen_cb), widget,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

/* Resources and attendance */


static GtkWidget *
create_resource_row_cb (gpointer item,
                        gpointer user_data)
{
  ConveneSessionPage *self = user_data;
  ConveneResource *resource = item;
  g_autofree char *subtitle = convene_resource_describe (self->store, resource, FALSE);

  return convene_entity_row_new (CONVENE_ENTITY (resource), convene_resource_get_title (resource),
                                 subtitle, "session.edit-resource");
}

static void
add_resource_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);

  if (self->plan == NULL)
    return;
  adw_dialog_present (convene_editor_dialog_new_for_resource (self->store, self->plan,
                        convene_entity_get_id (CONVENE_ENTITY (self->session)), NULL),
                      widget);
}

static void
edit_resource_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (widget);
  g_autoptr(ConveneResource) resource = convene_store_load (self->store, CONVENE_TYPE_RESOURCE,
                                                            g_variant_get_int64 (parameter), NULL);

  if (resource != NULL && self->plan != NULL)
    adw_dialog_present (convene_editor_dialog_new_for_resource (self->store, self->plan, 0, resource),
                        widget);
}

static void
on_attendance_failed_cb (ConveneSessionPage *self,
                         const char         *message)
{
  adw_banner_set_title (self->error_banner, message);
  adw_banner_set_revealed (self->error_banner, TRUE);
}

static void
load_lists (ConveneSessionPage *self)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (self->session));

  self->resources = convene_store_list (self->store, CONVENE_TYPE_RESOURCE, "session", id);
  gtk_list_box_bind_model (self->resources_list, self->resources, create_resource_row_cb, self, NULL);
  convene_attendance_group_load (self->attendance_group, self->store, id);
}

/* Life */

static void
convene_session_page_dispose (GObject *object)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (object);

  if (self->save_source != 0)
    convene_session_page_save (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_SESSION_PAGE);
  g_clear_object (&self->resources);
  g_clear_object (&self->session);
  g_clear_object (&self->stored);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (convene_session_page_parent_class)->dispose (object);
}

static void
convene_session_page_finalize (GObject *object)
{
  ConveneSessionPage *self = CONVENE_SESSION_PAGE (object);

  g_hash_table_unref (self->errors);
  g_clear_pointer (&self->language_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (convene_session_page_parent_class)->finalize (object);
}

/* Long because it names every template child, callback and action once. */
static void
convene_session_page_class_init (ConveneSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_session_page_dispose;
  object_class->finalize = convene_session_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/session/convene-session-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ConveneSessionPage, name)
  BIND (join_button);
  BIND (occurrence_group);
  BIND (occurrence_row);
  BIND (this_one_button);
  BIND (whole_series_button);
  BIND (cancel_occurrence_button);
  BIND (error_banner);
  BIND (conflict_banner);
  BIND (topic_row);
  BIND (status_row);
  BIND (format_row);
  BIND (language_row);
  BIND (lead_row);
  BIND (speakers_row);
  BIND (lead_people);
  BIND (speakers_people);
  BIND (principles_row);
  BIND (timing_row);
  BIND (month_row);
  BIND (date_row);
  BIND (date_button);
  BIND (calendar);
  BIND (time_row);
  BIND (zone_row);
  BIND (duration_row);
  BIND (times_row);
  BIND (recurrence_row);
  BIND (add_meeting_row);
  BIND (location_row);
  BIND (description_view);
  BIND (recording_url_row);
  BIND (recorded_row);
  BIND (blog_author_row);
  BIND (blog_url_row);
  BIND (blog_state_row);
  BIND (notes_view);
  BIND (resources_list);
  BIND (attendance_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_hiding_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_combo_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timing_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_repeat_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_attendance_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lead_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_speaker_toggled_cb);

  gtk_widget_class_install_action (widget_class, "session.choose-zone", NULL, choose_zone_cb);
  gtk_widget_class_install_action (widget_class, "session.join", NULL, join_cb);
  gtk_widget_class_install_action (widget_class, "session.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "session.cancel-occurrence", NULL, cancel_occurrence_cb);
  gtk_widget_class_install_action (widget_class, "session.delete-occurrence", NULL, delete_occurrence_cb);
  gtk_widget_class_install_action (widget_class, "session.add-meeting", NULL, add_meeting_cb);
  gtk_widget_class_install_action (widget_class, "session.copy-invitation", "s", copy_invitation_cb);
  gtk_widget_class_install_action (widget_class, "session.add-resource", NULL, add_resource_cb);
  gtk_widget_class_install_action (widget_class, "session.edit-resource", "x", edit_resource_cb);
  gtk_widget_class_install_action (widget_class, "session.resolve-conflict", NULL, resolve_cb);
  gtk_widget_class_install_action (widget_class, "session.keep-theirs", NULL, keep_theirs_cb);
  gtk_widget_class_install_action (widget_class, "session.overwrite", NULL, overwrite_cb);
}

static void
convene_session_page_init (ConveneSessionPage *self)
{
  g_autoptr(GListModel) statuses = convene_enum_label_model (CONVENE_TYPE_SESSION_STATUS);
  g_autoptr(GListModel) formats = convene_enum_label_model (CONVENE_TYPE_SESSION_FORMAT);
  g_autoptr(GListModel) blog_states = convene_enum_label_model (CONVENE_TYPE_BLOG_STATE);

  self->loading = TRUE;
  g_type_ensure (CONVENE_TYPE_ATTENDANCE_GROUP);
  g_type_ensure (CONVENE_TYPE_PEOPLE_POPOVER);
  g_type_ensure (CONVENE_TYPE_REPEAT_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->errors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_date_clear (&self->date, 1);

  gtk_list_box_set_placeholder (self->resources_list,
                                convene_list_placeholder_new (_("No Resources Yet")));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status_row), statuses);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->format_row), formats);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->blog_state_row), blog_states);
  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed",
                    G_CALLBACK (on_text_view_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_text_view_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.cancel-occurrence", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.delete-occurrence", FALSE);
  self->loading = FALSE;
}

/**
 * convene_session_page_new:
 * @store: the store
 * @plan: (nullable): the session's plan, for its extra zones
 * @session: the session; the page edits a copy
 */
AdwNavigationPage *
convene_session_page_new (ConveneStore   *store,
                          ConvenePlan    *plan,
                          ConveneSession *session)
{
  ConveneSessionPage *self;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  self = g_object_new (CONVENE_TYPE_SESSION_PAGE, NULL);
  self->store = g_object_ref (store);
  self->plan = plan != NULL ? g_object_ref (plan) : NULL;
  self->session = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (session)));
  convene_people_popover_set_store (self->lead_people, store);
  convene_people_popover_set_store (self->speakers_people, store);
  convene_people_popover_set_chosen (self->speakers_people, convene_session_get_speakers (session));
  load_fields (self);
  load_lists (self);
  remember_stored (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return ADW_NAVIGATION_PAGE (self);
}

gint64
convene_session_page_get_session_id (ConveneSessionPage *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_PAGE (self), 0);
  return self->session != NULL ? convene_entity_get_id (CONVENE_ENTITY (self->session)) : 0;
}

/* Returns: (transfer none): the page's copy, with the edits not yet saved */
ConveneSession *
convene_session_page_get_session (ConveneSessionPage *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_PAGE (self), NULL);
  return self->session;
}

/**
 * convene_session_page_get_occurrence:
 *
 * Returns: the start of the meeting of a series the page shows, as the
 *   series' rule gives it, in Unix seconds; 0 when it shows the session
 *   itself
 */
gint64
convene_session_page_get_occurrence (ConveneSessionPage *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_PAGE (self), 0);
  return self->has_occurrence ? self->occurrence : 0;
}
