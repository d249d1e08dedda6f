/* convene-add-meeting-dialog.c: one extra meeting for a series.
 *
 * "The weekly call also meets on Thursday 11 March at 19:00": a day and a
 * start time read in the series' own zone, which the dialog names, since
 * that is where the series is fixed.  It opens on the series' usual time
 * of day and the next day its meetings leave free, and refuses, saying
 * why, a time that is no time, one the clocks skip, or one the series
 * already meets at.  The dialog only chooses; the page writes.
 */
#include "config.h"

#include "ui/session/convene-add-meeting-dialog.h"

#include <glib/gi18n.h>

#include "model/convene-session-exception.h"
#include "time/convene-clock.h"
#include "time/convene-occurrences.h"
#include "time/convene-time-expr.h"
#include "time/convene-time-format.h"
#include "time/convene-zone.h"

#define DAY_SECONDS 86400
#define MAX_DAYS_AHEAD 400

struct _ConveneAddMeetingDialog
{
  AdwDialog parent_instance;

  GtkWidget   *group;
  GtkWidget   *date_button;
  GtkCalendar *calendar;
  GtkWidget   *time_row;
  GtkWidget   *message_label;
  GtkWidget   *add_button;

  ConveneSession    *series;
  GPtrArray         *exceptions;
  GTimeZone         *tz;
  ConveneRecurrence *meetings;    /* the rule with its added and removed dates */
  gint64             chosen;      /* 0 while what is shown cannot be added */
};

G_DEFINE_FINAL_TYPE (ConveneAddMeetingDialog, convene_add_meeting_dialog, ADW_TYPE_DIALOG)

enum {
  MEETING_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The series' meetings */

static void
load_meetings (ConveneAddMeetingDialog *self,
               ConveneStore            *store)
{
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (self->series));
  GDateTime *start = convene_session_get_start (self->series);

  self->tz = convene_timezone_new (convene_session_get_timezone (self->series));
  if (self->tz == NULL)
    self->tz = g_time_zone_new_utc ();
  self->exceptions = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION, "session", id, NULL);
  if (self->exceptions == NULL)
    self->exceptions = g_ptr_array_new_with_free_func (g_object_unref);
  if (start == NULL)
    return;
  self->meetings = convene_recurrence_new_with_tz (convene_session_get_recurrence (self->series), self->tz,
                                                   g_date_time_to_unix (start), NULL);
  for (guint i = 0; self->meetings != NULL && i < self->exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (self->exceptions, i);
      GDateTime *when = convene_session_exception_get_occurrence (e);
      gint64 instant;

      if (when == NULL)
        continue;
      instant = g_date_time_to_unix (when);
      if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_REMOVED)
        convene_recurrence_add_exdates (self->meetings, &instant, 1);
      else if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_ADDED)
        convene_recurrence_add_dates (self->meetings, &instant, 1);
    }
}

/* Whether a meeting of the series starts in [@from, @to): as its rule and
 * its dates give it, or moved there. */
static gboolean
meets_between (ConveneAddMeetingDialog *self,
               gint64                   from,
               gint64                   to)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->meetings != NULL)
    convene_recurrence_expand (self->meetings, from, to, starts);
  if (starts->len > 0)
    return TRUE;
  for (guint i = 0; i < self->exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (self->exceptions, i);
      GDateTime *moved = convene_session_exception_get_start (e);

      if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_CHANGED && moved != NULL &&
          g_date_time_to_unix (moved) >= from && g_date_time_to_unix (moved) < to)
        return TRUE;
    }
  return FALSE;
}

/* The instant 00:00 of @day in the series' zone begins, whatever the
 * clocks do that night. */
static gint64
day_start (ConveneAddMeetingDialog *self,
           GDateTime               *day)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (self->tz, g_date_time_get_year (day),
                                                   g_date_time_get_month (day),
                                                   g_date_time_get_day_of_month (day), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

/* The first day from tomorrow (or from the series' first day, if later)
 * on which the series does not meet, in its zone. */
static GDateTime *
first_free_day (ConveneAddMeetingDialog *self)
{
  g_autoptr(GDateTime) now = convene_now_in (self->tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 1);
  GDateTime *first = convene_session_get_start (self->series);

  if (first != NULL && g_date_time_compare (first, day) > 0)
    {
      g_date_time_unref (day);
      day = g_date_time_to_timezone (first, self->tz);
    }
  for (guint i = 0; i < MAX_DAYS_AHEAD; i++)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);

      if (!meets_between (self, day_start (self, day), day_start (self, next)))
        break;
      g_date_time_unref (day);
      day = g_steal_pointer (&next);
    }
  return g_steal_pointer (&day);
}

/* Checking what is shown */

static void
show_message (ConveneAddMeetingDialog *self,
              const char              *message)
{
  gtk_label_set_label (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->time_row, "error");
  else
    gtk_widget_remove_css_class (self->time_row, "error");
}

/* The meeting the day and the time make, or 0 with why it cannot be added. */
static gint64
read_meeting (ConveneAddMeetingDialog  *self,
              char                    **message)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_row))));
  g_autoptr(GDateTime) there = NULL;
  g_autofree char *label = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;
  int hour, minute;
  gint64 instant;

  if (!convene_time_parse_clock (text, &hour, &minute))
    {
      *message = g_strdup_printf (_("“%s” is not a time of day (19:00)"), text);
      return 0;
    }
  there = g_date_time_new (self->tz, g_date_time_get_year (day), g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day), hour, minute, 0);
  label = convene_zone_label (convene_session_get_timezone (self->series));
  if (there == NULL || g_date_time_get_hour (there) != hour || g_date_time_get_minute (there) != minute)
    {
      g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_time_get_year (day), g_date_time_get_month (day),
                                                       g_date_time_get_day_of_month (day), 12, 0, 0);

      date = g_date_time_format (noon, "%x");
      *message = g_strdup_printf (_("%02d:%02d on %s does not exist in %s: the clocks go forward"),
                                  hour, minute, date, label);
      return 0;
    }
  instant = g_date_time_to_unix (there);
  if (meets_between (self, instant, instant + 1))
    {
      /* Translators: the day is written by g_date_time_format() */
      date = g_date_time_format (there, _("%A %-d %B %Y"));
      clock = convene_format_clock (there);
      /* Translators: "The series already meets on Tuesday 8 April 2025 at 19:00" */
      *message = g_strdup_printf (_("The series already meets on %s at %s"), date, clock);
      return 0;
    }
  return instant;
}

static void
on_changed_cb (ConveneAddMeetingDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_time_get_year (day), g_date_time_get_month (day),
                                                   g_date_time_get_day_of_month (day), 12, 0, 0);
  /* Translators: the date of a session on its page; see g_date_time_format() */
  g_autofree char *label = g_date_time_format (noon, _("%A %-d %B %Y"));
  g_autofree char *message = NULL;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), label);
  self->chosen = read_meeting (self, &message);
  show_message (self, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-meeting.add", self->chosen != 0);
}

/* Actions */

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ConveneAddMeetingDialog *self = CONVENE_ADD_MEETING_DIALOG (widget);

  on_changed_cb (self);
  if (self->chosen == 0)
    return;
  g_signal_emit (self, signals[MEETING_CHOSEN], 0, self->chosen);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

/* Life */

static void
convene_add_meeting_dialog_dispose (GObject *object)
{
  ConveneAddMeetingDialog *self = CONVENE_ADD_MEETING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_ADD_MEETING_DIALOG);
  g_clear_object (&self->series);
  g_clear_pointer (&self->exceptions, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, convene_recurrence_free);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (convene_add_meeting_dialog_parent_class)->dispose (object);
}

static void
convene_add_meeting_dialog_class_init (ConveneAddMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_add_meeting_dialog_dispose;

  /**
   * ConveneAddMeetingDialog::meeting-chosen:
   * @start: the meeting's start, Unix seconds
   */
  signals[MEETING_CHOSEN] = g_signal_new ("meeting-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/session/convene-add-meeting-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneAddMeetingDialog, group);
  gtk_widget_class_bind_template_child (widget_class, ConveneAddMeetingDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneAddMeetingDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, ConveneAddMeetingDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneAddMeetingDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneAddMeetingDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);

  gtk_widget_class_install_action (widget_class, "add-meeting.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "add-meeting.cancel", NULL, cancel_cb);
}

static void
convene_add_meeting_dialog_init (ConveneAddMeetingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwDialog *
convene_add_meeting_dialog_new (ConveneStore   *store,
                                ConveneSession *series)
{
  ConveneAddMeetingDialog *self;
  GDateTime *start;
  g_autoptr(GDateTime) usual = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *label = NULL;
  g_autofree char *zone_text = NULL;
  const char *zone;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (series), NULL);

  self = g_object_new (CONVENE_TYPE_ADD_MEETING_DIALOG, NULL);
  self->series = CONVENE_SESSION (convene_entity_copy (CONVENE_ENTITY (series)));
  load_meetings (self, store);

  zone = convene_session_get_timezone (series) != NULL ? convene_session_get_timezone (series) : "UTC";
  label = convene_zone_label (zone);
  /* Translators: under the dialog's title: "Date and time in London (Europe/London)" */
  zone_text = g_strdup_printf (_("Date and time in %s (%s)"), label, zone);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), zone_text);

  start = convene_session_get_start (series);
  usual = start != NULL ? g_date_time_to_timezone (start, self->tz) : NULL;
  clock = g_strdup_printf ("%02d:%02d", usual != NULL ? g_date_time_get_hour (usual) : 19,
                           usual != NULL ? g_date_time_get_minute (usual) : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), clock);
  day = first_free_day (self);
  {
    /* GtkCalendar reads its day in the local zone: the same date at noon. */
    g_autoptr(GDateTime) shown = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                        g_date_time_get_day_of_month (day), 12, 0, 0);

    gtk_calendar_select_day (self->calendar, shown);
  }
  on_changed_cb (self);
  return ADW_DIALOG (self);
}
