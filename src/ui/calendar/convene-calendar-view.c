/* convene-calendar-view.c: the Calendar section.
 *
 * A month grid with each dated session as a chip on its day (in the user's
 * own zone: the day it falls on for them), a series once a meeting on each
 * of its days (ui/convene-occurrence-list.h, expanded over the year shown),
 * the sessions that have only a month in a strip above the grid, the ones to
 * be confirmed in a side list, and a year overview of twelve months like the
 * tables of the plans.
 * Clicking a session opens it.  The grid is rebuilt when it is shown, so a
 * hidden calendar costs nothing while a large schedule changes.
 */
#include "config.h"

#include "ui/calendar/convene-calendar-view.h"

#include <glib/gi18n.h>
#include <string.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include "ui/convene-format.h"
#include "ui/convene-occurrence-list.h"
#include "ui/convene-plan-view.h"
#include "ui/convene-subscription-badge.h"
#include "model/convene-entity-order.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "store/convene-store.h"
#include "model/convene-values.h"

#define N_CELLS 42

struct _ConveneCalendarView
{
  ConvenePlanView parent_instance;

  AdwWindowTitle *window_title;
  GtkStack       *mode_stack;
  GtkWidget      *month_strip;
  GtkFlowBox     *month_chips;
  GtkGrid        *month_grid;
  GtkListBox     *tbc_list;
  GtkFlowBox     *year_grid;

  GListModel     *sessions;
  ConveneOccurrenceList *occurrences; /* the plan's own, inside @sessions */
  gboolean        ranging;          /* the occurrences follow the year shown */
  char           *mode;
  int             year;
  int             month;
  int             week_start;       /* 0 Sunday … 6 Saturday */
  GtkWidget      *cells[N_CELLS];
  int             first_cell_day;   /* the index of the 1st of the month */
  gboolean        dirty;
  gboolean        needs_sessions;
  gboolean        month_chosen;   /* by the user, since the plan was chosen */
};

G_DEFINE_FINAL_TYPE (ConveneCalendarView, convene_calendar_view, CONVENE_TYPE_PLAN_VIEW)

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The locale's first day of the week, as GTK's own calendar reads it. */
static int
locale_week_start (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } info;
  int first_weekday, week_1stday = 0;
  unsigned int week_origin;

  info.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = info.string[0];
  info.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = info.word;
  if (week_origin == 19971130)      /* a Sunday */
    week_1stday = 0;
  else if (week_origin == 19971201) /* a Monday */
    week_1stday = 1;
  return (week_1stday + first_weekday - 1) % 7;
#else
  return 1;
#endif
}

/* Chips */

static GtkWidget *
session_chip (ConveneSession *session,
              gboolean        with_time)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  const char *topic = convene_session_get_topic (session);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *times = convene_format_session_times (session, NULL, FALSE);
  ConveneSessionStatus status = convene_session_get_status (session);

  if (with_time && convene_session_get_start (session) != NULL)
    {
      g_autoptr(GDateTime) here = g_date_time_to_timezone (convene_session_get_start (session),
                                                           convene_local_zone ());
      g_autofree char *clock = convene_format_clock (here);

      text = g_strdup_printf ("%s %s", clock, topic != NULL ? topic : "");
    }
  else
    text = g_strdup (topic != NULL ? topic : "");

  tooltip = times != NULL ? g_strdup_printf ("%s\n%s", topic != NULL ? topic : "", times)
                          : g_strdup (topic);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "session-chip");
  if (status == CONVENE_SESSION_STATUS_NO_MEETING || status == CONVENE_SESSION_STATUS_CANCELLED)
    gtk_widget_add_css_class (button, "inactive");
  if (status == CONVENE_SESSION_STATUS_TENTATIVE)
    gtk_widget_add_css_class (button, "tentative");
  if (convene_session_get_recurrence (session) != NULL)
    {
      /* The row's badge words, so the tooltip says it as the schedule does. */
      g_autofree char *longer = g_strdup_printf ("%s\n%s", tooltip,
                                                 convene_occurrence_is_moved (session)
                                                   ? _("This meeting of the series was moved from its usual time")
                                                   : _("One meeting of a repeating series"));

      g_free (tooltip);
      tooltip = g_steal_pointer (&longer);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "series");
    }
  convene_occurrence_set_action (GTK_ACTIONABLE (button), session);
  if (convene_subscription_event_get_subscription (session) != NULL)
    {
      g_autofree char *described = convene_subscription_event_describe (session);

      gtk_widget_add_css_class (button, "subscription");
      gtk_widget_set_tooltip_text (button, described);
    }
  return button;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

/* Month grid */

static void
build_grid (ConveneCalendarView *self)
{
  g_autoptr(GDateTime) first = g_date_time_new (convene_local_zone (), self->year, self->month, 1,
                                                0, 0, 0);
  g_autoptr(GDateTime) now = convene_now ();
  g_autoptr(GDateTime) today = g_date_time_to_timezone (now, convene_local_zone ());
  int days = g_date_get_days_in_month (self->month, self->year);
  int weekday = g_date_time_get_day_of_week (first) % 7;   /* 0 Sunday */

  clear_box (GTK_WIDGET (self->month_grid));
  self->first_cell_day = (weekday - self->week_start + 7) % 7;

  /* Weekday names, from a week that starts on a Sunday (1 August 2021). */
  for (int col = 0; col < 7; col++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (2021, 8, 1 + (self->week_start + col) % 7,
                                                      12, 0, 0);
      /* Translators: a weekday above the calendar's columns; see g_date_time_format() */
      g_autofree char *name = g_date_time_format (day, _("%a"));
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->month_grid, label, col, 0, 1, 1);
    }

  for (int i = 0; i < N_CELLS; i++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *number = gtk_label_new (NULL);
      int day = i - self->first_cell_day + 1;

      gtk_widget_add_css_class (cell, "day-cell");
      gtk_widget_set_size_request (cell, -1, 64);
      gtk_widget_set_hexpand (cell, TRUE);
      gtk_label_set_xalign (GTK_LABEL (number), 0);
      gtk_widget_add_css_class (number, "numeric");
      if (day >= 1 && day <= days)
        {
          g_autofree char *text = g_strdup_printf ("%d", day);

          gtk_label_set_label (GTK_LABEL (number), text);
          if (g_date_time_get_year (today) == self->year &&
              g_date_time_get_month (today) == self->month &&
              g_date_time_get_day_of_month (today) == day)
            gtk_widget_add_css_class (cell, "today");
        }
      else
        gtk_widget_add_css_class (cell, "other-month");
      gtk_box_append (GTK_BOX (cell), number);
      gtk_grid_attach (self->month_grid, cell, i % 7, 1 + i / 7, 1, 1);
      self->cells[i] = cell;
    }
}

/* Long because one pass over the plan's sessions sorts each into its day
 * cell, the month's chips or the TBC list, by its timing. */
static void
fill_month (ConveneCalendarView *self)
{
  g_autofree char *month_key = g_strdup_printf ("%04d-%02d", self->year, self->month);
  guint n = self->sessions != NULL ? g_list_model_get_n_items (self->sessions) : 0;
  gboolean any_month_only = FALSE;

  clear_box (GTK_WIDGET (self->month_chips));
  clear_box (GTK_WIDGET (self->tbc_list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (self->sessions, i);

      switch (convene_session_get_timing (session))
        {
        case CONVENE_SESSION_TIMING_INSTANT:
          {
            g_autoptr(GDateTime) here =
              g_date_time_to_timezone (convene_session_get_start (session), convene_local_zone ());
            int index;

            if (g_date_time_get_year (here) != self->year ||
                g_date_time_get_month (here) != self->month)
              break;
            index = self->first_cell_day + g_date_time_get_day_of_month (here) - 1;
            gtk_box_append (GTK_BOX (self->cells[index]), session_chip (session, TRUE));
            break;
          }
        case CONVENE_SESSION_TIMING_MONTH:
          if (g_strcmp0 (convene_session_get_month (session), month_key) == 0)
            {
              gtk_flow_box_append (self->month_chips, session_chip (session, FALSE));
              any_month_only = TRUE;
            }
          break;
        case CONVENE_SESSION_TIMING_TBC:
        default:
          {
            GtkWidget *row = adw_action_row_new ();
            g_autofree char *title = g_markup_escape_text (convene_session_get_topic (session), -1);

            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
            adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
            gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
            convene_occurrence_set_action (GTK_ACTIONABLE (row), session);
            gtk_list_box_append (self->tbc_list, row);
            break;
          }
        }
    }

  gtk_widget_set_visible (self->month_strip, any_month_only);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->tbc_list)) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Nothing to confirm"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->tbc_list, label);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->tbc_list, 0), FALSE);
    }
}

/* Year overview */

static GtkWidget *
year_line (ConveneSession *session)
{
  GtkWidget *button = session_chip (session, FALSE);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
  g_autofree char *text = NULL;

  if (convene_session_get_status (session) == CONVENE_SESSION_STATUS_NO_MEETING)
    /* Translators: a month of the year overview with no meeting, and its topic */
    text = g_strdup_printf (_("No meeting · %s"), convene_session_get_topic (session));
  else if (convene_session_get_start (session) != NULL)
    {
      g_autoptr(GDateTime) here = g_date_time_to_timezone (convene_session_get_start (session),
                                                           convene_local_zone ());
      /* Translators: the day of a session in the year overview; see g_date_time_format() */
      g_autofree char *day = g_date_time_format (here, _("%a %-d"));

      text = g_strdup_printf ("%s · %s", day, convene_session_get_topic (session));
    }
  if (text != NULL)
    gtk_label_set_label (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  /* Narrow cards, so that three or four months fit side by side. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  return button;
}

/* Long because the twelve month cards are built in one pass over the
 * sessions, as the seeds' year tables are laid out. */
static void
build_year (ConveneCalendarView *self)
{
  guint n = self->sessions != NULL ? g_list_model_get_n_items (self->sessions) : 0;
  GtkWidget *lists[12];
  GtkWidget *tbc = NULL;

  clear_box (GTK_WIDGET (self->year_grid));
  for (int m = 0; m < 12; m++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = gtk_button_new_with_label ("");
      g_autofree char *name = convene_format_month_of (self->year, m + 1);

      gtk_button_set_label (GTK_BUTTON (heading), name);
      gtk_widget_add_css_class (heading, "flat");
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_halign (heading, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (heading), "calendar.show-month");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (heading), "i", m + 1);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "year-month");
      gtk_box_append (GTK_BOX (card), heading);
      lists[m] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (card), lists[m]);
      gtk_flow_box_append (self->year_grid, card);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (self->sessions, i);
      const char *month = convene_session_get_month (session);
      GDateTime *start = convene_session_get_start (session);

      /* A dated session is in the month of its day for the viewer, as on
       * the month grid. */
      if (start != NULL)
        {
          g_autoptr(GDateTime) here = g_date_time_to_timezone (start, convene_local_zone ());

          if (g_date_time_get_year (here) == self->year)
            gtk_box_append (GTK_BOX (lists[g_date_time_get_month (here) - 1]), year_line (session));
          continue;
        }
      if (month == NULL)
        {
          /* Like the plans' tables, a last row for what has no month yet. */
          if (tbc == NULL)
            {
              GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
              GtkWidget *heading = gtk_label_new (_("To Be Confirmed"));

              gtk_label_set_xalign (GTK_LABEL (heading), 0);
              gtk_widget_set_margin_start (heading, 12);
              gtk_widget_set_margin_top (heading, 8);
              gtk_widget_set_margin_bottom (heading, 4);
              gtk_widget_add_css_class (heading, "heading");
              gtk_widget_add_css_class (card, "card");
              gtk_widget_add_css_class (card, "year-month");
              gtk_box_append (GTK_BOX (card), heading);
              tbc = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
              gtk_box_append (GTK_BOX (card), tbc);
              gtk_flow_box_append (self->year_grid, card);
            }
          gtk_box_append (GTK_BOX (tbc), year_line (session));
          continue;
        }
      if (!convene_month_is_valid (month) || atoi (month) != self->year)
        continue;
      gtk_box_append (GTK_BOX (lists[atoi (month + 5) - 1]), year_line (session));
    }
  for (int m = 0; m < 12; m++)
    if (gtk_widget_get_first_child (lists[m]) == NULL)
      {
        GtkWidget *label = gtk_label_new (_("Nothing planned"));

        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_widget_set_margin_start (label, 12);
        gtk_widget_add_css_class (label, "dim-label");
        gtk_box_append (GTK_BOX (lists[m]), label);
      }
}

/* Refreshing */

static void load_sessions (ConveneCalendarView *self);

/* The series' meetings of the year shown (a margin either side comes from
 * the list): the month grid and the year overview never ask for more, so
 * a series without an end costs one year of meetings. */
static void
expand_year_shown (ConveneCalendarView *self)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;

  if (self->occurrences == NULL)
    return;
  first = g_date_time_new (convene_local_zone (), self->year, 1, 1, 0, 0, 0);
  last = g_date_time_new (convene_local_zone (), self->year + 1, 1, 1, 0, 0, 0);
  if (first == NULL || last == NULL)
    return;
  self->ranging = TRUE;
  convene_occurrence_list_set_range (self->occurrences, g_date_time_to_unix (first),
                                     g_date_time_to_unix (last));
  self->ranging = FALSE;
}

static void
refresh (ConveneCalendarView *self)
{
  g_autofree char *title = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  if (self->needs_sessions)
    load_sessions (self);
  expand_year_shown (self);

  if (g_strcmp0 (self->mode, "year") == 0)
    {
      title = g_strdup_printf ("%d", self->year);
      build_year (self);
    }
  else
    {
      title = convene_format_month_of (self->year, self->month);
      build_grid (self);
      fill_month (self);
    }
  adw_window_title_set_title (self->window_title, title);
  gtk_stack_set_visible_child_name (self->mode_stack, self->mode);
}

static void
convene_calendar_view_map (GtkWidget *widget)
{
  ConveneCalendarView *self = CONVENE_CALENDAR_VIEW (widget);

  GTK_WIDGET_CLASS (convene_calendar_view_parent_class)->map (widget);
  if (self->dirty)
    refresh (self);
}

static void
on_sessions_changed_cb (ConveneCalendarView *self)
{
  if (!self->ranging)
    refresh (self);
}

/* The month to open on: the coming session's, today's within the plan's
 * year, or the plan's first month with a session. */
static void
choose_start_month (ConveneCalendarView *self)
{
  g_autoptr(GDateTime) now = convene_now ();
  g_autoptr(GDateTime) here = g_date_time_to_timezone (now, convene_local_zone ());
  ConvenePlan *plan = convene_plan_view_get_plan (CONVENE_PLAN_VIEW (self));
  int plan_year = plan != NULL ? convene_plan_get_year (plan) : 0;
  guint n = self->sessions != NULL ? g_list_model_get_n_items (self->sessions) : 0;

  self->year = g_date_time_get_year (here);
  self->month = g_date_time_get_month (here);
  if (plan_year == 0 || plan_year == self->year)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (self->sessions, i);
      const char *month = convene_session_get_month (session);

      if (convene_month_is_valid (month) &&
          convene_session_get_status (session) != CONVENE_SESSION_STATUS_NO_MEETING)
        {
          self->year = atoi (month);
          self->month = atoi (month + 5);
          return;
        }
    }
  self->year = plan_year;
  self->month = 1;
}

/* The sessions are listed when the calendar is first shown: a plan of many
 * sessions then costs the window nothing until someone looks at it. */
static void
load_sessions (ConveneCalendarView *self)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  ConvenePlan *plan = convene_plan_view_get_plan (CONVENE_PLAN_VIEW (self));

  self->needs_sessions = FALSE;
  if (store != NULL && plan != NULL)
    {
      g_autoptr(GListModel) stored = convene_store_list (store, CONVENE_TYPE_SESSION, "plan",
                                                         convene_entity_get_id (CONVENE_ENTITY (plan)));

      self->occurrences = convene_occurrence_list_new (stored, store);

      /* Every subscribed event too (the calendar goes to any month), in
       * the order of time with the plan's own, so that a day's chips are. */
      self->sessions = G_LIST_MODEL (gtk_sort_list_model_new (
        convene_subscription_events_with (G_LIST_MODEL (self->occurrences), store, 0),
        GTK_SORTER (gtk_custom_sorter_new (convene_entity_compare_data, NULL, NULL))));
      g_signal_connect_object (self->sessions, "items-changed",
                               G_CALLBACK (on_sessions_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (!self->month_chosen)
    choose_start_month (self);
}

static void
convene_calendar_view_reload (ConvenePlanView *view)
{
  ConveneCalendarView *self = CONVENE_CALENDAR_VIEW (view);

  if (self->sessions != NULL)
    g_signal_handlers_disconnect_by_data (self->sessions, self);
  g_clear_object (&self->sessions);
  g_clear_object (&self->occurrences);
  self->needs_sessions = TRUE;
  self->month_chosen = FALSE;
  refresh (self);
}

/**
 * convene_calendar_view_move:
 * @self: the calendar
 * @delta: -1 for the previous month (or year), 1 for the next, 0 for today
 */
void
convene_calendar_view_move (ConveneCalendarView *self,
                            int                  delta)
{
  g_return_if_fail (CONVENE_IS_CALENDAR_VIEW (self));

  self->month_chosen = TRUE;
  if (delta == 0)
    {
      g_autoptr(GDateTime) now = convene_now ();
      g_autoptr(GDateTime) here = g_date_time_to_timezone (now, convene_local_zone ());

      self->year = g_date_time_get_year (here);
      self->month = g_date_time_get_month (here);
    }
  else if (g_strcmp0 (self->mode, "year") == 0)
    self->year += delta;
  else
    {
      int index = self->year * 12 + (self->month - 1) + delta;

      self->year = index / 12;
      self->month = index % 12 + 1;
    }
  refresh (self);
}

void
convene_calendar_view_show_month (ConveneCalendarView *self,
                                  int                  year,
                                  int                  month)
{
  g_return_if_fail (CONVENE_IS_CALENDAR_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->month_chosen = TRUE;
  self->year = year;
  self->month = month;
  convene_calendar_view_set_mode (self, "month");
  refresh (self);
}

void
convene_calendar_view_set_mode (ConveneCalendarView *self,
                                const char          *mode)
{
  g_return_if_fail (CONVENE_IS_CALENDAR_VIEW (self));

  if (g_strcmp0 (self->mode, mode) == 0)
    return;
  g_free (self->mode);
  self->mode = g_strdup (g_strcmp0 (mode, "year") == 0 ? "year" : "month");
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static void
show_month_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConveneCalendarView *self = CONVENE_CALENDAR_VIEW (widget);

  convene_calendar_view_show_month (self, self->year, g_variant_get_int32 (parameter));
}

/**
 * convene_calendar_view_get_day_cell:
 * @day: a day of the month shown
 *
 * Returns: (transfer none) (nullable): the box of that day's chips
 */
GtkWidget *
convene_calendar_view_get_day_cell (ConveneCalendarView *self,
                                    int                  day)
{
  int index;

  g_return_val_if_fail (CONVENE_IS_CALENDAR_VIEW (self), NULL);

  index = self->first_cell_day + day - 1;
  if (day < 1 || index >= N_CELLS || self->cells[0] == NULL)
    return NULL;
  return self->cells[index];
}

GtkWidget *
convene_calendar_view_get_month_strip (ConveneCalendarView *self)
{
  g_return_val_if_fail (CONVENE_IS_CALENDAR_VIEW (self), NULL);
  return GTK_WIDGET (self->month_chips);
}

GtkWidget *
convene_calendar_view_get_tbc_list (ConveneCalendarView *self)
{
  g_return_val_if_fail (CONVENE_IS_CALENDAR_VIEW (self), NULL);
  return GTK_WIDGET (self->tbc_list);
}

static void
convene_calendar_view_dispose (GObject *object)
{
  ConveneCalendarView *self = CONVENE_CALENDAR_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_CALENDAR_VIEW);
  memset (self->cells, 0, sizeof self->cells);
  if (self->sessions != NULL)
    g_signal_handlers_disconnect_by_data (self->sessions, self);
  g_clear_object (&self->sessions);
  g_clear_object (&self->occurrences);

  G_OBJECT_CLASS (convene_calendar_view_parent_class)->dispose (object);
}

static void
convene_calendar_view_finalize (GObject *object)
{
  ConveneCalendarView *self = CONVENE_CALENDAR_VIEW (object);

  g_free (self->mode);

  G_OBJECT_CLASS (convene_calendar_view_parent_class)->finalize (object);
}

static void
convene_calendar_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConveneCalendarView *self = CONVENE_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_calendar_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ConveneCalendarView *self = CONVENE_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      convene_calendar_view_set_mode (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_calendar_view_class_init (ConveneCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ConvenePlanViewClass *plan_view_class = CONVENE_PLAN_VIEW_CLASS (klass);

  object_class->dispose = convene_calendar_view_dispose;
  object_class->finalize = convene_calendar_view_finalize;
  object_class->get_property = convene_calendar_view_get_property;
  object_class->set_property = convene_calendar_view_set_property;
  widget_class->map = convene_calendar_view_map;
  plan_view_class->reload = convene_calendar_view_reload;

  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/calendar/convene-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneCalendarView, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConveneCalendarView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneCalendarView, month_strip);
  gtk_widget_class_bind_template_child (widget_class, ConveneCalendarView, month_chips);
  gtk_widget_class_bind_template_child (widget_class, ConveneCalendarView, month_grid);
  gtk_widget_class_bind_template_child (widget_class, ConveneCalendarView, tbc_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneCalendarView, year_grid);

  gtk_widget_class_install_property_action (widget_class, "calendar.mode", "mode");
  gtk_widget_class_install_action (widget_class, "calendar.show-month", "i", show_month_cb);
}

static void
convene_calendar_view_init (ConveneCalendarView *self)
{
  self->mode = g_strdup ("month");
  self->week_start = locale_week_start ();
  self->dirty = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_expression_bind (gtk_property_expression_new (CONVENE_TYPE_PLAN,
                         gtk_property_expression_new (CONVENE_TYPE_CALENDAR_VIEW, NULL, "plan"),
                         "title"),
                       self->window_title, "subtitle", self);
  choose_start_month (self);
}
