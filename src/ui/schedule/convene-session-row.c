/* convene-session-row.c: a row of the schedule.
 *
 * Rows are recycled by the list view: bind() points one at another session,
 * and a signal group follows that session's changes while it is shown.
 */
#include "config.h"

#include "ui/schedule/convene-session-row.h"

#include <glib/gi18n.h>

#include "ui/convene-format.h"
#include "ui/convene-occurrence-list.h"
#include "model/convene-values.h"
#include "ui/convene-subscription-badge.h"

struct _ConveneSessionRow
{
  GtkWidget parent_instance;

  GtkLabel *day_label;
  GtkLabel *weekday_label;
  GtkLabel *topic_label;
  GtkLabel *details_label;
  GtkLabel *times_label;
  GtkWidget *series_badge;
  GtkWidget *moved_badge;
  GtkWidget *tbc_badge;
  GtkWidget *no_meeting_badge;
  GtkWidget *tentative_badge;
  GtkWidget *cancelled_badge;
  GtkWidget *held_badge;
  GtkLabel *language_badge;
  GtkLabel *subscription_badge;

  ConveneSession *session;
  ConvenePlan *plan;
  GSignalGroup *session_signals;
  char *times;   /* without markup, for tests and tooltips */
};

G_DEFINE_FINAL_TYPE (ConveneSessionRow, convene_session_row, GTK_TYPE_WIDGET)

static void
show_date (ConveneSessionRow *self)
{
  ConveneSession *session = self->session;

  switch (convene_session_get_timing (session))
    {
    case CONVENE_SESSION_TIMING_INSTANT:
      {
        g_autoptr(GTimeZone) tz = convene_timezone_new (convene_session_get_timezone (session));
        g_autoptr(GDateTime) there =
          g_date_time_to_timezone (convene_session_get_start (session),
                                   tz != NULL ? tz : convene_local_zone ());
        g_autofree char *day = g_date_time_format (there, "%-d");
        /* Translators: the short weekday under a day number; see g_date_time_format() */
        g_autofree char *weekday = g_date_time_format (there, _("%a"));

        gtk_label_set_label (self->day_label, day);
        gtk_label_set_label (self->weekday_label, weekday);
        break;
      }
    case CONVENE_SESSION_TIMING_MONTH:
      {
        const char *month = convene_session_get_month (session);
        g_autoptr(GDateTime) first = g_date_time_new_utc (atoi (month), atoi (month + 5), 1, 0, 0, 0);
        /* Translators: a short month name standing for "some day this month";
         * see g_date_time_format() */
        g_autofree char *name = first != NULL ? g_date_time_format (first, _("%b")) : NULL;

        gtk_label_set_label (self->day_label, name != NULL ? name : "");
        gtk_label_set_label (self->weekday_label, C_("day of a month-only session", "any day"));
        break;
      }
    case CONVENE_SESSION_TIMING_TBC:
    default:
      gtk_label_set_label (self->day_label, "?");
      gtk_label_set_label (self->weekday_label, "");
      break;
    }
}

static void
show_badges (ConveneSessionRow *self)
{
  ConveneSessionStatus status = convene_session_get_status (self->session);
  const char *language = convene_session_get_language (self->session);
  gboolean tbc = convene_session_get_timing (self->session) == CONVENE_SESSION_TIMING_TBC;

  gtk_widget_set_visible (self->series_badge, convene_session_get_recurrence (self->session) != NULL);
  gtk_widget_set_visible (self->moved_badge, convene_occurrence_is_moved (self->session));
  gtk_widget_set_visible (self->tbc_badge, tbc);
  gtk_widget_set_visible (self->no_meeting_badge, status == CONVENE_SESSION_STATUS_NO_MEETING);
  gtk_widget_set_visible (self->tentative_badge, status == CONVENE_SESSION_STATUS_TENTATIVE);
  gtk_widget_set_visible (self->cancelled_badge, status == CONVENE_SESSION_STATUS_CANCELLED);
  gtk_widget_set_visible (self->held_badge, status == CONVENE_SESSION_STATUS_HELD);
  convene_subscription_badge_update (self->subscription_badge, self->session);

  /* English is the groups' working language: only other languages stand out. */
  if (language != NULL && *language != '\0' && !g_str_equal (language, "en"))
    {
      g_autofree char *name = convene_language_name (language);
      /* Translators: a badge on a session held in another language,
       * as in "Spanish session" */
      g_autofree char *text = g_strdup_printf (_("%s session"), name);

      gtk_label_set_label (self->language_badge, text);
      gtk_widget_set_visible (GTK_WIDGET (self->language_badge), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->language_badge), FALSE);
}

static void
show_details (ConveneSessionRow *self)
{
  const char *lead = convene_session_get_lead (self->session);
  ConveneSessionFormat format = convene_session_get_format (self->session);
  g_autoptr(GString) details = g_string_new (NULL);

  if (lead != NULL && *lead != '\0')
    /* Translators: who leads a session, as in "Led by Paul" */
    g_string_append_printf (details, _("Led by %s"), lead);
  if (format != CONVENE_SESSION_FORMAT_MEETING)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, convene_enum_label (CONVENE_TYPE_SESSION_FORMAT, format));
    }
  gtk_label_set_label (self->details_label, details->str);
}

static void
show_times (ConveneSessionRow *self)
{
  const char * const *extra = self->plan != NULL ? convene_plan_get_extra_timezones (self->plan)
                                                 : NULL;
  g_autofree char *markup = NULL;

  g_clear_pointer (&self->times, g_free);
  switch (convene_session_get_timing (self->session))
    {
    case CONVENE_SESSION_TIMING_INSTANT:
      self->times = convene_format_session_times (self->session, extra, FALSE);
      markup = convene_format_session_times (self->session, extra, TRUE);
      break;
    case CONVENE_SESSION_TIMING_MONTH:
      self->times = g_strdup (_("Day and time to be decided"));
      break;
    case CONVENE_SESSION_TIMING_TBC:
    default:
      self->times = g_strdup (_("Month to be decided"));
      break;
    }

  if (markup == NULL)
    markup = g_markup_escape_text (self->times, -1);
  gtk_label_set_markup (self->times_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->times_label),
                          convene_session_get_status (self->session) !=
                            CONVENE_SESSION_STATUS_NO_MEETING);
  if (convene_session_get_timing (self->session) == CONVENE_SESSION_TIMING_INSTANT)
    gtk_widget_remove_css_class (GTK_WIDGET (self->times_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->times_label), "dim-label");
}

static void
refresh (ConveneSessionRow *self)
{
  const char *topic;
  ConveneSessionStatus status;

  if (self->session == NULL)
    return;

  topic = convene_session_get_topic (self->session);
  status = convene_session_get_status (self->session);
  gtk_label_set_label (self->topic_label, topic != NULL ? topic : "");
  show_date (self);
  show_badges (self);
  show_details (self);
  show_times (self);

  if (status == CONVENE_SESSION_STATUS_NO_MEETING || status == CONVENE_SESSION_STATUS_CANCELLED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "inactive");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "inactive");
}

/* The whole topic, when the row had to shorten it; asked for only on hover,
 * so that binding a row stays cheap. */
static gboolean
on_topic_query_tooltip_cb (ConveneSessionRow *self,
                           int                x,
                           int                y,
                           gboolean           keyboard,
                           GtkTooltip        *tooltip)
{
  const char *topic;

  if (self->session == NULL || !pango_layout_is_ellipsized (gtk_label_get_layout (self->topic_label)))
    return FALSE;
  topic = convene_session_get_topic (self->session);
  gtk_tooltip_set_text (tooltip, topic);
  return topic != NULL;
}

static void
on_session_notify_cb (ConveneSessionRow *self)
{
  refresh (self);
}

static void
convene_session_row_dispose (GObject *object)
{
  ConveneSessionRow *self = CONVENE_SESSION_ROW (object);
  GtkWidget *child;

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_SESSION_ROW);
  /* The template's unnamed boxes are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (convene_session_row_parent_class)->dispose (object);
}

static void
convene_session_row_finalize (GObject *object)
{
  ConveneSessionRow *self = CONVENE_SESSION_ROW (object);

  g_free (self->times);

  G_OBJECT_CLASS (convene_session_row_parent_class)->finalize (object);
}

static void
convene_session_row_class_init (ConveneSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_session_row_dispose;
  object_class->finalize = convene_session_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/schedule/convene-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, weekday_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, topic_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, times_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, series_badge);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, moved_badge);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, tbc_badge);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, subscription_badge);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, no_meeting_badge);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, tentative_badge);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, cancelled_badge);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, held_badge);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, language_badge);
  gtk_widget_class_set_css_name (widget_class, "sessionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
convene_session_row_init (ConveneSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_signals = g_signal_group_new (CONVENE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify",
                                  G_CALLBACK (on_session_notify_cb), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->topic_label), TRUE);
  g_signal_connect_swapped (self->topic_label, "query-tooltip",
                            G_CALLBACK (on_topic_query_tooltip_cb), self);
}

GtkWidget *
convene_session_row_new (void)
{
  return g_object_new (CONVENE_TYPE_SESSION_ROW, NULL);
}

/**
 * convene_session_row_bind:
 * @self: the row
 * @session: (nullable): the session to show, or %NULL when recycled
 * @plan: (nullable): its plan, for the extra zones
 */
void
convene_session_row_bind (ConveneSessionRow *self,
                          ConveneSession    *session,
                          ConvenePlan       *plan)
{
  g_return_if_fail (CONVENE_IS_SESSION_ROW (self));

  g_set_object (&self->plan, plan);
  if (g_set_object (&self->session, session))
    g_signal_group_set_target (self->session_signals, session);
  refresh (self);
}

ConveneSession *
convene_session_row_get_session (ConveneSessionRow *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_ROW (self), NULL);
  return self->session;
}

/* The labels of the badges shown, in order, for tests and accessibility. */
char **
convene_session_row_dup_badges (ConveneSessionRow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkWidget *badges[] = {
    self->series_badge, self->moved_badge, self->tbc_badge, self->no_meeting_badge, self->tentative_badge, self->cancelled_badge,
    self->held_badge, GTK_WIDGET (self->language_badge), GTK_WIDGET (self->subscription_badge),
  };

  g_return_val_if_fail (CONVENE_IS_SESSION_ROW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    if (gtk_widget_get_visible (badges[i]))
      g_strv_builder_add (builder, gtk_label_get_label (GTK_LABEL (badges[i])));
  return g_strv_builder_end (builder);
}

/* "19:00 London · 13:00 Mexico City · …" without markup */
const char *
convene_session_row_get_times (ConveneSessionRow *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_ROW (self), NULL);
  return self->times;
}
