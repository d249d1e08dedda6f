/* convene-insights-view.c: the Insights section.
 *
 * Participation by sector and by region and the nights of each region, as
 * bar charts with the same numbers beside them in a selectable table (and
 * a button that copies it as tab-separated text, for a spreadsheet); the
 * night-time ledger of every member; the planner's grid for a date; and
 * a rotation of the plan's sessions, shown before it is applied, applied
 * as one change that one Undo takes back.
 *
 * The numbers come from core's insights room and take milliseconds even
 * for 2,000 members (bench/bench-insights.c), so they are computed on the
 * main loop when the store changes.  While no member has a zone and no
 * one's attendance is recorded there is nothing to show: the empty state
 * says what will appear. */
#include "config.h"

#include "ui/insights/convene-insights-view.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "insights/convene-insights.h"
#include "insights/convene-roster-import.h"
#include "insights/convene-rotation.h"
#include "insights/convene-session-moves.h"
#include "model/convene-enum-labels.h"
#include "model/convene-enum-types.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "time/convene-clock.h"
#include "time/convene-zone.h"
#include "ui/convene-application.h"
#include "ui/convene-format.h"
#include "ui/insights/convene-bar-chart.h"
#include "ui/insights/convene-participants-dialog.h"
#include "ui/insights/convene-planner-grid.h"

struct _ConveneInsightsView
{
  ConvenePlanView     parent_instance;

  AdwWindowTitle     *window_title;
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkBox             *content_box;

  GtkLabel           *summary_label;
  ConveneBarChart    *sector_chart;
  GtkLabel           *sector_table;
  ConveneBarChart    *region_chart;
  GtkLabel           *region_table;
  ConveneBarChart    *night_chart;
  GtkLabel           *night_table;
  GtkLabel           *ledger_table;
  GtkLabel           *sessions_table;
  ConveneBarChart    *government_chart;
  GtkLabel           *government_table;
  GtkEntry           *date_entry;
  ConvenePlannerGrid *planner_grid;
  GtkLabel           *planner_label;
  GtkWidget          *create_button;
  GtkWidget          *cancel_move_button;
  GtkSpinButton      *slots_spin;
  GtkLabel           *rotation_label;
  GtkWidget          *apply_button;

  ConveneInsights    *insights;
  ConveneRotation    *rotation;
  ConveneSessionMoves *undo;        /* the last rotation or move, for its Undo */
  gint64              moving;        /* the session the planner moves, or 0 */
  gint64              report_for;    /* the session a participant report is for, or 0 */
  GSignalGroup       *store_signals;
  GSettings          *settings;      /* the application's, for the hours and weights */
  guint               reload_idle;
  gboolean            needs_reload;  /* changed while not shown */
  gboolean            forcing;       /* reloading for a caller who needs the numbers */
};

G_DEFINE_FINAL_TYPE (ConveneInsightsView, convene_insights_view, CONVENE_TYPE_PLAN_VIEW)

static void
show_error (ConveneInsightsView *self,
            const char          *heading,
            const char          *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", heading, message);
}

static void
copy_clicked_cb (GtkButton *button,
                 GtkLabel  *table)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), gtk_label_get_text (table));
}

/* A heading and a box for a section's parts. */
static GtkBox *
add_section (GtkBox     *parent,
             const char *title)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (parent, label);
  gtk_box_append (parent, box);
  return GTK_BOX (box);
}

/* A selectable table of tab-separated text, and the button that copies it. */
static GtkLabel *
add_table (GtkBox *box)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *scroller;

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_tooltip_text (copy, _("Copy the Table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the Table"), -1);
  gtk_widget_set_valign (copy, GTK_ALIGN_START);
  gtk_widget_add_css_class (copy, "flat");
  g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked_cb), label, 0);
  /* a wide table scrolls on its own rather than widening the window */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_box_append (GTK_BOX (row), scroller);
  gtk_box_append (GTK_BOX (row), copy);
  gtk_box_append (box, row);
  return GTK_LABEL (label);
}

static ConveneBarChart *
add_chart (GtkBox *box)
{
  GtkWidget *chart = convene_bar_chart_new ();

  gtk_box_append (box, chart);
  return CONVENE_BAR_CHART (chart);
}

/* Rows padded to their columns' widths; cells split by tabs. */
static char *
format_table (GPtrArray *rows)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (glong));
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      g_auto(GStrv) cells = g_strsplit (g_ptr_array_index (rows, r), "\t", -1);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          if (widths->len <= c)
            g_array_set_size (widths, c + 1);
          g_array_index (widths, glong, c) = MAX (g_array_index (widths, glong, c), g_utf8_strlen (cells[c], -1));
        }
    }
  for (guint r = 0; r < rows->len; r++)
    {
      g_auto(GStrv) cells = g_strsplit (g_ptr_array_index (rows, r), "\t", -1);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_string_append (out, cells[c]);
          if (cells[c + 1] != NULL)
            {
              /* a tab keeps the copy a spreadsheet's; spaces line it up */
              for (glong n = g_utf8_strlen (cells[c], -1); n < g_array_index (widths, glong, c); n++)
                g_string_append_c (out, ' ');
              g_string_append (out, "\t");
            }
        }
      if (r + 1 < rows->len)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The hours and weights of the settings, or the defaults without them. */
static void
read_options (ConveneInsightsView    *self,
              ConveneInsightsOptions *options)
{
  convene_insights_options_init (options);
  if (self->settings == NULL)
    return;
  options->night_start = g_settings_get_int (self->settings, "insights-night-start");
  options->night_end = g_settings_get_int (self->settings, "insights-night-end");
  options->work_start = g_settings_get_int (self->settings, "insights-work-start");
  options->work_end = g_settings_get_int (self->settings, "insights-work-end");
  options->early_weight = g_settings_get_double (self->settings, "insights-early-weight");
  options->late_weight = g_settings_get_double (self->settings, "insights-late-weight");
}

static void
show_participation (ConveneInsightsView *self)
{
  ConveneInsights *in = self->insights;
  const char *labels[CONVENE_SECTOR_OTHER + 1];
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) region_rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) night_rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) attended = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) nights = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *table = NULL;
  g_autofree char *summary = NULL;

  g_ptr_array_add (rows, g_strdup_printf ("%s\t%s", _("Sector"), _("Attendances")));
  for (int s = 0; s <= CONVENE_SECTOR_OTHER; s++)
    {
      labels[s] = convene_enum_label (CONVENE_TYPE_SECTOR, s);
      g_ptr_array_add (rows, g_strdup_printf ("%s\t%d", labels[s], in->by_sector[s]));
    }
  table = format_table (rows);
  gtk_label_set_text (self->sector_table, table);
  convene_bar_chart_set_bars (self->sector_chart, labels, in->by_sector, CONVENE_SECTOR_OTHER + 1, table);

  g_ptr_array_add (region_rows, g_strdup_printf ("%s\t%s\t%s", _("Region"), _("Members"), _("Attendances")));
  g_ptr_array_add (night_rows, g_strdup_printf ("%s\t%s", _("Region"), _("Sessions in its night")));
  for (guint r = 0; r < in->regions->len; r++)
    {
      ConveneInsightsRegion *region = g_ptr_array_index (in->regions, r);
      const char *name = *region->region != '\0' ? region->region : _("No region");

      if (region->members == 0 && region->attended == 0)
        continue;
      g_ptr_array_add (names, (gpointer) name);
      g_array_append_val (attended, region->attended);
      g_array_append_val (nights, region->night_sessions);
      g_ptr_array_add (region_rows, g_strdup_printf ("%s\t%d\t%d", name, region->members, region->attended));
      g_ptr_array_add (night_rows, g_strdup_printf ("%s\t%d", name, region->night_sessions));
    }
  g_clear_pointer (&table, g_free);
  table = format_table (region_rows);
  gtk_label_set_text (self->region_table, table);
  convene_bar_chart_set_bars (self->region_chart, (const char * const *) names->pdata,
                              (int *) attended->data, attended->len, table);
  g_clear_pointer (&table, g_free);
  table = format_table (night_rows);
  gtk_label_set_text (self->night_table, table);
  convene_bar_chart_set_bars (self->night_chart, (const char * const *) names->pdata,
                              (int *) nights->data, nights->len, table);
  summary = g_strdup_printf (ngettext ("%u session counted, %d attendances recorded",
                                       "%u sessions counted, %d attendances recorded", in->starts->len),
                             in->starts->len, in->attendance_rows);
  gtk_label_set_text (self->summary_label, summary);
}

/* The seeds track how many government participants came: the share of
 * each counted session's attendees from national or local government. */
static void
show_government (ConveneInsightsView *self)
{
  ConveneInsights *in = self->insights;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree int *shares = g_new0 (int, in->starts->len + 1);
  g_autofree char *table = NULL;

  g_ptr_array_add (rows, g_strdup_printf ("%s\t%s\t%s\t%s", _("Date (UTC)"), _("Attendances"),
                                          _("Government"), _("Share")));
  for (guint i = 0; i < in->starts->len; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (
        g_array_index (in->starts, ConveneInsightsStart, i).when);

      shares[i] = in->attended[i] > 0 ? (100 * in->government[i] + in->attended[i] / 2) / in->attended[i] : 0;
      g_ptr_array_add (labels, g_date_time_format (when, "%Y-%m-%d"));
      g_ptr_array_add (rows, g_strdup_printf ("%s\t%d\t%d\t%d%%", (char *) g_ptr_array_index (labels, i),
                                              in->attended[i], in->government[i], shares[i]));
    }
  table = format_table (rows);
  gtk_label_set_text (self->government_table, table);
  convene_bar_chart_set_bars (self->government_chart, (const char * const *) labels->pdata, shares,
                              in->starts->len, table);
}

static void
show_ledger (ConveneInsightsView *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *table = NULL;

  g_ptr_array_add (rows, g_strdup_printf ("%s\t%s\t%s\t%s\t%s", _("Member"), _("Region"), _("Zone"),
                                          _("Night"), _("Outside working hours")));
  for (guint m = 0; m < self->insights->members->len; m++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (self->insights->members, m);

      if (member->tz == NULL)
        continue;
      g_ptr_array_add (rows, g_strdup_printf ("%s\t%s\t%s\t%d\t%d", member->name, member->region,
                                              member->timezone, member->night, member->outside_hours));
    }
  table = format_table (rows);
  gtk_label_set_text (self->ledger_table, table);

  g_ptr_array_set_size (rows, 0);
  g_ptr_array_add (rows, g_strdup_printf ("%s\t%s\t%s\t%s", _("Date (UTC)"), _("Members at night"),
                                          _("Regions at night"), _("Attendances")));
  for (guint i = 0; i < self->insights->starts->len; i++)
    {
      ConveneInsightsStart *start = &g_array_index (self->insights->starts, ConveneInsightsStart, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (start->when);
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d %H:%M");
      g_autofree char *regions = g_strjoinv (", ", g_ptr_array_index (self->insights->night_regions, i));

      g_ptr_array_add (rows, g_strdup_printf ("%s\t%d\t%s\t%d", date, self->insights->night_members[i],
                                              *regions != '\0' ? regions : "—", self->insights->attended[i]));
    }
  g_clear_pointer (&table, g_free);
  table = format_table (rows);
  gtk_label_set_text (self->sessions_table, table);
  show_government (self);
}

/* The planner for the date in the entry (the first counted session's
 * date when the entry is empty). */
static void
show_planner (ConveneInsightsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  ConveneInsightsOptions options;
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;

  read_options (self, &options);
  if (sscanf (text, "%d-%d-%d", &y, &m, &d) == 3)
    day = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (day == NULL && self->insights->starts->len > 0)
    {
      g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (
        g_array_index (self->insights->starts, ConveneInsightsStart, 0).when);
      g_autofree char *date = g_date_time_format (first, "%Y-%m-%d");

      day = g_date_time_new_utc (g_date_time_get_year (first), g_date_time_get_month (first),
                                 g_date_time_get_day_of_month (first), 0, 0, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
    }
  if (day == NULL)
    day = convene_now ();
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  convene_planner_grid_set_planner (self->planner_grid,
                                    convene_planner_compute (self->insights->members,
                                                             g_date_time_to_unix (day), &options));
}

static void
date_activate_cb (GtkEntry            *entry,
                  ConveneInsightsView *self)
{
  int y, m, d;
  g_autoptr(GDateTime) day = NULL;

  if (sscanf (gtk_editable_get_text (GTK_EDITABLE (entry)), "%d-%d-%d", &y, &m, &d) == 3)
    day = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (day == NULL || self->insights == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  show_planner (self);
}

static void
selected_changed_cb (ConvenePlannerGrid  *grid,
                     GParamSpec          *pspec,
                     ConveneInsightsView *self)
{
  int slot = convene_planner_grid_get_selected (grid);
  g_autofree char *name = convene_rotation_slot_name (slot);
  g_autofree char *text = NULL;
  int night = convene_planner_grid_get_night (grid, slot);

  text = g_strdup_printf (ngettext ("A start at %s UTC is in the night of %d member",
                                    "A start at %s UTC is in the night of %d members", night),
                          name, night);
  gtk_label_set_text (self->planner_label, text);
  gtk_widget_set_sensitive (self->create_button, slot >= 0);
}

static gboolean move_with_undo (ConveneInsightsView        *self,
                                const ConveneInsightsStart *starts,
                                guint                       n,
                                const char                 *message);

/* The planner's button: a new session at the selected start, or the
 * session the planner was opened for moved there. */
static void
update_planner_button (ConveneInsightsView *self,
                       const char          *topic)
{
  g_autofree char *label = NULL;

  if (self->moving == 0)
    {
      gtk_button_set_label (GTK_BUTTON (self->create_button), _("_New Session at This Start"));
      gtk_widget_remove_css_class (self->create_button, "suggested-action");
      gtk_widget_set_visible (self->cancel_move_button, FALSE);
      return;
    }
  /* what the coordinator came here for */
  gtk_widget_add_css_class (self->create_button, "suggested-action");
  /* Translators: %s is a session's topic */
  label = g_strdup_printf (_("_Move “%s” to This Start"), topic);
  gtk_button_set_label (GTK_BUTTON (self->create_button), label);
  gtk_widget_set_visible (self->cancel_move_button, TRUE);
}

static void
create_clicked_cb (GtkButton           *button,
                   ConveneInsightsView *self)
{
  if (self->moving != 0)
    convene_insights_view_move_session (self);
  else
    convene_insights_view_create_session (self);
}

static void
cancel_move_clicked_cb (GtkButton           *button,
                        ConveneInsightsView *self)
{
  self->moving = 0;
  update_planner_button (self, NULL);
}

static void reload (ConveneInsightsView *self);

/* The numbers are worked out when the section is shown; whoever needs them
 * before that (a participant report, a move from another section) has
 * them worked out at once. */
static void
make_current (ConveneInsightsView *self)
{
  if (!self->needs_reload)
    return;
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  self->forcing = TRUE;
  reload (self);
  self->forcing = FALSE;
}

/**
 * convene_insights_view_plan_session:
 * @session_id: the session to find a start for
 *
 * Opens the planner on @session_id's date, its button set to move that
 * session to the start picked.
 */
gboolean
convene_insights_view_plan_session (ConveneInsightsView *self,
                                    gint64               session_id)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  GDateTime *start;

  g_return_val_if_fail (CONVENE_IS_INSIGHTS_VIEW (self), FALSE);

  make_current (self);
  if (store == NULL || (session = convene_store_load (store, CONVENE_TYPE_SESSION, session_id, &error)) == NULL)
    {
      show_error (self, _("Cannot Open the Session"), error != NULL ? error->message : "");
      return FALSE;
    }
  start = convene_session_get_start (session);
  if (start != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (start);

      date = g_date_time_format (utc, "%Y-%m-%d");
    }
  else if (convene_session_get_month (session) != NULL)
    date = g_strdup_printf ("%s-15", convene_session_get_month (session));
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  self->moving = session_id;
  if (self->insights != NULL)
    show_planner (self);
  update_planner_button (self, convene_session_get_topic (session));
  gtk_widget_grab_focus (GTK_WIDGET (self->planner_grid));
  return TRUE;
}

/**
 * convene_insights_view_move_session:
 *
 * Moves the session the planner was opened for to the selected start, as
 * one change that the toast's Undo takes back.
 */
gboolean
convene_insights_view_move_session (ConveneInsightsView *self)
{
  int slot = convene_planner_grid_get_selected (self->planner_grid);
  ConveneInsightsStart start = { self->moving, 0, FALSE, FALSE, 0 };
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CONVENE_IS_INSIGHTS_VIEW (self), FALSE);

  make_current (self);
  if (self->moving == 0 || slot < 0 || self->insights == NULL)
    return FALSE;
  start.when = convene_planner_grid_get_day (self->planner_grid) + slot * 1800;
  name = convene_rotation_slot_name (slot);
  message = g_strdup_printf (_("The session moved to %s UTC"), name);
  if (!move_with_undo (self, &start, 1, message))
    return FALSE;
  self->moving = 0;
  update_planner_button (self, NULL);
  return TRUE;
}

gboolean
convene_insights_view_create_session (ConveneInsightsView *self)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  ConvenePlan *plan = convene_plan_view_get_plan (CONVENE_PLAN_VIEW (self));
  int slot = convene_planner_grid_get_selected (self->planner_grid);
  gint64 day = convene_planner_grid_get_day (self->planner_grid);
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (day + slot * 1800);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  const char *zone;

  if (store == NULL || plan == NULL || slot < 0)
    return FALSE;
  /* fixed in the plan's home zone, as a coordinator would write it */
  zone = convene_plan_get_timezone (plan);
  tz = zone != NULL ? convene_timezone_new (zone) : NULL;
  if (tz == NULL)
    {
      zone = "UTC";
      tz = convene_timezone_new (zone);
    }
  local = g_date_time_to_timezone (start, tz);
  month = g_date_time_format (local, "%Y-%m");
  convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (plan)));
  convene_session_set_topic (session, _("New session"));
  convene_session_set_month (session, month);
  convene_session_set_timezone (session, zone);
  convene_session_set_start (session, start);
  if (!convene_store_add (store, CONVENE_ENTITY (session), &error))
    {
      show_error (self, _("The Session Was Not Created"), error->message);
      return FALSE;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-session", "x",
                              convene_entity_get_id (CONVENE_ENTITY (session)));
  return TRUE;
}

/* What the last proposal says, before it is applied. */
static void
show_rotation (ConveneInsightsView *self)
{
  g_autoptr(GString) slots = g_string_new (NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *text = NULL;
  ConveneRotation *r = self->rotation;

  gtk_widget_set_sensitive (self->apply_button, r != NULL && r->starts->len > 0);
  if (r == NULL)
    {
      gtk_label_set_text (self->rotation_label,
                          _("Propose slots for the plan’s sessions to take in turn: the worst-off "
                            "region’s nights are kept as few as can be"));
      return;
    }
  for (guint j = 0; j < r->n_slots; j++)
    {
      g_autofree char *name = convene_rotation_slot_name (r->slots[j]);

      g_string_append_printf (slots, "%s%s", j > 0 ? " · " : "", name);
    }
  fixed = convene_rotation_slot_name (r->best_fixed_slot);
  text = g_strdup_printf (_("Rotate %s UTC: the worst-off region meets %d times in its night "
                            "(%s). The best fixed slot, %s UTC: %d times. Spread of members’ "
                            "convenience (the Node.js TSC’s measure): %.2f rotating, %.2f fixed."),
                          slots->str, r->worst_region_night,
                          r->worst_region != NULL ? r->worst_region : "—", fixed,
                          r->best_fixed_worst_region_night, r->spread, r->best_fixed_spread);
  gtk_label_set_text (self->rotation_label, text);
}

gboolean
convene_insights_view_propose (ConveneInsightsView *self,
                               guint                n_slots)
{
  ConveneInsightsOptions options;

  g_return_val_if_fail (CONVENE_IS_INSIGHTS_VIEW (self), FALSE);

  make_current (self);
  if (self->insights == NULL || n_slots < 1 || n_slots > CONVENE_ROTATION_MAX_SLOTS)
    return FALSE;
  read_options (self, &options);
  g_clear_pointer (&self->rotation, convene_rotation_free);
  self->rotation = convene_rotation_compute (self->insights->members, self->insights->starts,
                                             &options, n_slots);
  show_rotation (self);
  return TRUE;
}

static void
propose_clicked_cb (GtkButton           *button,
                    ConveneInsightsView *self)
{
  convene_insights_view_propose (self, (guint) gtk_spin_button_get_value_as_int (self->slots_spin));
}

static void
undo_clicked_cb (AdwToast            *toast,
                 ConveneInsightsView *self)
{
  convene_insights_view_undo (self);
}

gboolean
convene_insights_view_undo (ConveneInsightsView *self)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  g_autoptr(ConveneSessionMoves) moves = g_steal_pointer (&self->undo);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CONVENE_IS_INSIGHTS_VIEW (self), FALSE);
  if (moves == NULL)
    return FALSE;
  if (!convene_session_moves_revert (store, moves, &error))
    {
      show_error (self, _("The Sessions Were Not Moved Back"), error->message);
      return FALSE;
    }
  return TRUE;
}

/* Moves @starts in one change and offers its Undo in a toast. */
static gboolean
move_with_undo (ConveneInsightsView        *self,
                const ConveneInsightsStart *starts,
                guint                       n,
                const char                 *message)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  g_autoptr(ConveneSessionMoves) moves = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!convene_session_moves_apply (store, starts, n,
                                    self->insights->usual_zone != NULL ? self->insights->usual_zone : "UTC",
                                    &moves, &error))
    {
      show_error (self, _("The Sessions Were Not Moved"), error->message);
      return FALSE;
    }
  g_clear_pointer (&self->undo, convene_session_moves_free);
  self->undo = g_steal_pointer (&moves);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

/**
 * convene_insights_view_apply:
 *
 * Moves the plan's counted sessions (and a series' occurrences) to the
 * proposal's starts, as one change that the toast's Undo takes back.
 */
gboolean
convene_insights_view_apply (ConveneInsightsView *self)
{
  g_autofree char *message = NULL;
  guint n;

  g_return_val_if_fail (CONVENE_IS_INSIGHTS_VIEW (self), FALSE);

  make_current (self);
  if (self->rotation == NULL || self->insights == NULL)
    return FALSE;
  n = self->rotation->starts->len;
  message = g_strdup_printf (ngettext ("The rotation moved %u session", "The rotation moved %u sessions", n), n);
  return move_with_undo (self, (ConveneInsightsStart *) (gpointer) self->rotation->starts->data, n, message);
}

static void
apply_clicked_cb (GtkButton           *button,
                  ConveneInsightsView *self)
{
  convene_insights_view_apply (self);
}

/* A roster read but not written yet, for its preview. */
typedef struct {
  ConveneInsightsView *self;
  char                *name;
  GBytes              *contents;
} RosterPreview;

static void
roster_preview_free (RosterPreview *p)
{
  g_object_unref (p->self);
  g_free (p->name);
  g_bytes_unref (p->contents);
  g_free (p);
}

static void
roster_preview_notify (gpointer  data,
                       GClosure *closure)
{
  roster_preview_free (data);
}

static void
roster_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    RosterPreview  *p)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (p->self));
  ConveneRosterResult result;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (p->contents, &length);

  if (g_str_equal (response, "import"))
    {
      if (!convene_roster_import (store, p->name, data, length, FALSE, &result, &error))
        show_error (p->self, _("The Roster Was Not Imported"), error->message);
      else
        {
          g_autofree char *message = g_strdup_printf (ngettext ("%u person added, %u updated",
                                                                "%u people added, %u updated",
                                                                result.created),
                                                      result.created, result.updated);

          adw_toast_overlay_add_toast (p->self->toast_overlay, adw_toast_new (message));
        }
      convene_roster_result_clear (&result);
    }
}

/* Reads @contents without writing, and shows what an import would do:
 * how many people it adds and updates, and every warning. */
static AdwDialog *
preview_roster (ConveneInsightsView *self,
                const char          *name,
                GBytes              *contents)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  ConveneRosterResult result;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  AdwDialog *dialog;
  RosterPreview *p;
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  if (!convene_roster_import (store, name, data, length, TRUE, &result, &error))
    {
      dialog = adw_alert_dialog_new (_("The Roster Cannot Be Read"), error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      convene_roster_result_clear (&result);
      adw_dialog_present (dialog, GTK_WIDGET (self));
      return dialog;
    }
  g_string_append_printf (body, ngettext ("%u person will be added", "%u people will be added", result.created),
                          result.created);
  g_string_append (body, "; ");
  g_string_append_printf (body, ngettext ("%u will be updated.", "%u will be updated.", result.updated),
                          result.updated);
  for (guint i = 0; i < result.warnings->len; i++)
    g_string_append_printf (body, "\n• %s", (char *) g_ptr_array_index (result.warnings, i));
  convene_roster_result_clear (&result);
  dialog = adw_alert_dialog_new (_("Import the Roster?"), body->str);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "import");
  p = g_new0 (RosterPreview, 1);
  p->self = g_object_ref (self);
  p->name = g_strdup (name);
  p->contents = g_bytes_ref (contents);
  g_signal_connect_data (dialog, "response", G_CALLBACK (roster_response_cb), p,
                         roster_preview_notify, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

/**
 * convene_insights_view_preview_roster:
 * @name: the file's name, for messages
 *
 * Shows the preview of a roster's import (for tests and drops).
 *
 * Returns: (transfer none): the dialog
 */
AdwDialog *
convene_insights_view_preview_roster (ConveneInsightsView *self,
                                      const char          *name,
                                      GBytes              *contents)
{
  g_return_val_if_fail (CONVENE_IS_INSIGHTS_VIEW (self), NULL);

  make_current (self);
  return preview_roster (self, name, contents);
}

static void
roster_loaded_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      data)
{
  g_autoptr(ConveneInsightsView) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = g_file_load_bytes_finish (G_FILE (source), res, NULL, &error);
  g_autofree char *name = g_file_get_parse_name (G_FILE (source));

  if (contents == NULL)
    {
      show_error (self, _("The File Cannot Be Read"), error->message);
      return;
    }
  preview_roster (self, name, contents);
}

static void
roster_chosen_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      data)
{
  g_autoptr(ConveneInsightsView) self = data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), res, NULL);

  if (file != NULL)
    g_file_load_bytes_async (file, NULL, roster_loaded_cb, g_object_ref (self));
}

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Rosters (CSV, TSV, vCard)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "vcf");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Import a Roster"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, roster_chosen_cb,
                        g_object_ref (widget));
}

/* The sessions and occurrences a participant report may be of: those of
 * @session_id (all of the plan's counted ones for 0), and which to offer
 * first: the last one already begun, since a report comes after its call. */
static GArray *
report_starts (ConveneInsightsView *self,
               gint64               session_id,
               guint               *selected)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  GArray *starts = g_array_new (FALSE, TRUE, sizeof (ConveneInsightsStart));
  g_autoptr(GDateTime) now = convene_now ();

  *selected = 0;
  for (guint i = 0; self->insights != NULL && i < self->insights->starts->len; i++)
    {
      ConveneInsightsStart *start = &g_array_index (self->insights->starts, ConveneInsightsStart, i);

      if (session_id != 0 && start->session != session_id)
        continue;
      if (start->when <= g_date_time_to_unix (now))
        *selected = starts->len;
      g_array_append_val (starts, *start);
    }
  if (starts->len == 0 && session_id != 0)
    {
      /* a session the ledger does not count (to be confirmed, say) still has its attendance */
      g_autoptr(ConveneSession) session = convene_store_load (store, CONVENE_TYPE_SESSION, session_id, NULL);
      ConveneInsightsStart only = { session_id, g_date_time_to_unix (now), TRUE, FALSE, 0 };

      if (session != NULL && convene_session_get_start (session) != NULL)
        {
          only.when = g_date_time_to_unix (convene_session_get_start (session));
          only.month_only = FALSE;
        }
      if (session != NULL)
        g_array_append_val (starts, only);
    }
  return starts;
}

AdwDialog *
convene_insights_view_preview_participants (ConveneInsightsView *self,
                                            gint64               session_id,
                                            const char          *name,
                                            GBytes              *contents)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;
  guint selected;

  g_return_val_if_fail (CONVENE_IS_INSIGHTS_VIEW (self), NULL);

  make_current (self);
  if (store == NULL)
    return NULL;
  starts = report_starts (self, session_id, &selected);
  if (starts->len == 0)
    {
      dialog = adw_alert_dialog_new (_("No Session to Record It For"),
                                     _("The plan has no session with a date or a month yet. Add one, "
                                       "then import its participant report."));
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
    }
  else if ((dialog = convene_participants_dialog_new (store, starts, selected, name, contents, &error)) == NULL)
    {
      dialog = adw_alert_dialog_new (_("Not a Participant Report"), error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
    }
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

static void
report_loaded_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      data)
{
  g_autoptr(ConveneInsightsView) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = g_file_load_bytes_finish (G_FILE (source), res, NULL, &error);
  g_autofree char *name = g_file_get_parse_name (G_FILE (source));

  if (contents == NULL)
    {
      show_error (self, _("The File Cannot Be Read"), error->message);
      return;
    }
  convene_insights_view_preview_participants (self, self->report_for, name, contents);
}

static void
report_chosen_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      data)
{
  g_autoptr(ConveneInsightsView) self = data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), res, NULL);

  if (file != NULL)
    g_file_load_bytes_async (file, NULL, report_loaded_cb, g_object_ref (self));
}

/**
 * convene_insights_view_import_participants:
 * @session_id: the session the report is of, or 0 to choose among the plan's
 *
 * Asks for a participant report (the CSV Zoom, Jitsi or Google Meet
 * exports) through the file portal, then shows its preview.
 */
void
convene_insights_view_import_participants (ConveneInsightsView *self,
                                           gint64               session_id)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_return_if_fail (CONVENE_IS_INSIGHTS_VIEW (self));

  make_current (self);
  self->report_for = session_id;
  gtk_file_filter_set_name (filter, _("Participant reports (CSV, TSV)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Import a Participant Report"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, report_chosen_cb,
                        g_object_ref (self));
}

static void
import_participants_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  convene_insights_view_import_participants (CONVENE_INSIGHTS_VIEW (widget), 0);
}

static gboolean
has_something_to_show (ConveneInsights *insights)
{
  if (insights->attendance_rows > 0)
    return TRUE;
  for (guint m = 0; m < insights->members->len; m++)
    if (((ConveneInsightsMember *) g_ptr_array_index (insights->members, m))->tz != NULL)
      return TRUE;
  return FALSE;
}

static void reload (ConveneInsightsView *self);

static gboolean
reload_idle_cb (gpointer data)
{
  ConveneInsightsView *self = data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Any change can move a number: an attendance, a person's zone, a start.
 * One reload for a burst of changes (an import is many). */
static void
store_changed_cb (ConveneStore        *store,
                  GType                type,
                  gint64               id,
                  guint                change,
                  ConveneInsightsView *self)
{
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

gboolean
convene_insights_view_is_reload_pending (ConveneInsightsView *self)
{
  g_return_val_if_fail (CONVENE_IS_INSIGHTS_VIEW (self), FALSE);

  return self->reload_idle != 0;
}

static void
settings_changed_cb (GSettings           *settings,
                     const char          *key,
                     ConveneInsightsView *self)
{
  if (g_str_has_prefix (key, "insights-") && self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
reload (ConveneInsightsView *self)
{
  ConveneStore *store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  ConvenePlan *plan = convene_plan_view_get_plan (CONVENE_PLAN_VIEW (self));
  g_autoptr(ConveneInsights) old = g_steal_pointer (&self->insights);
  g_autoptr(GError) error = NULL;
  ConveneInsightsOptions options;

  if (self->settings == NULL && CONVENE_IS_APPLICATION (g_application_get_default ()))
    {
      GSettings *settings = convene_application_get_settings (CONVENE_APPLICATION (g_application_get_default ()));

      if (settings != NULL)
        {
          self->settings = g_object_ref (settings);
          g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, 0);
        }
    }
  read_options (self, &options);
  g_signal_group_set_target (self->store_signals, store);
  adw_window_title_set_subtitle (self->window_title, plan != NULL ? convene_plan_get_title (plan) : NULL);
  if (store == NULL || plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      convene_planner_grid_set_planner (self->planner_grid, NULL);
      return;
    }
  /* The numbers are worked out when the section is shown: a plan of many
   * sessions then costs the window's first frame nothing. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->forcing)
    {
      /* The last numbers stay until then: the planner's grid and the
       * proposed rotation point into them. */
      self->insights = g_steal_pointer (&old);
      self->needs_reload = TRUE;
      return;
    }
  self->needs_reload = FALSE;
  self->insights = convene_insights_compute (store, convene_entity_get_id (CONVENE_ENTITY (plan)), &options, &error);
  /* the grid and the proposal point into the members of the old numbers */
  g_clear_pointer (&self->rotation, convene_rotation_free);
  if (self->insights == NULL || !has_something_to_show (self->insights))
    {
      convene_planner_grid_set_planner (self->planner_grid, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      show_rotation (self);
      return;
    }
  show_participation (self);
  show_ledger (self);
  show_planner (self);
  show_rotation (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
on_map_cb (ConveneInsightsView *self)
{
  if (self->needs_reload && self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
convene_insights_view_reload (ConvenePlanView *view)
{
  reload (CONVENE_INSIGHTS_VIEW (view));
}

/* The parts of the content that the template leaves to code: one section
 * a question, each a chart and its table. */
/* Long because it lays the section out from top to bottom, in the order a person reads it. */
static void
build_content (ConveneInsightsView *self)
{
  GtkBox *box;
  GtkWidget *row, *scroller, *button;

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_box_append (self->content_box, GTK_WIDGET (self->summary_label));

  box = add_section (self->content_box, _("Participation by Sector"));
  self->sector_chart = add_chart (box);
  self->sector_table = add_table (box);
  box = add_section (self->content_box, _("Participation by Region"));
  self->region_chart = add_chart (box);
  self->region_table = add_table (box);
  box = add_section (self->content_box, _("Government Participation, Session by Session (%)"));
  self->government_chart = add_chart (box);
  convene_bar_chart_set_scale (self->government_chart, 100);
  self->government_table = add_table (box);
  box = add_section (self->content_box, _("Sessions in Each Region’s Night"));
  self->night_chart = add_chart (box);
  self->night_table = add_table (box);
  box = add_section (self->content_box, _("The Night-Time Ledger"));
  self->ledger_table = add_table (box);
  box = add_section (self->content_box, _("Each Session’s Night"));
  self->sessions_table = add_table (box);

  box = add_section (self->content_box, _("Planner"));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 10);
  gtk_entry_set_placeholder_text (self->date_entry, _("YYYY-MM-DD"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The planner’s date"), -1);
  g_signal_connect_object (self->date_entry, "activate", G_CALLBACK (date_activate_cb), self, 0);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->date_entry));
  self->planner_label = GTK_LABEL (gtk_label_new (_("Click a column to see who a start suits")));
  gtk_widget_add_css_class (GTK_WIDGET (self->planner_label), "dim-label");
  gtk_label_set_wrap (self->planner_label, TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->planner_label));
  gtk_box_append (box, row);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  self->planner_grid = CONVENE_PLANNER_GRID (convene_planner_grid_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->planner_grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Every member’s local hour for each start across the UTC day"), -1);
  g_signal_connect_object (self->planner_grid, "notify::selected", G_CALLBACK (selected_changed_cb), self, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->planner_grid));
  gtk_box_append (box, scroller);
  self->create_button = gtk_button_new_with_mnemonic (_("_New Session at This Start"));
  gtk_widget_set_sensitive (self->create_button, FALSE);
  g_signal_connect_object (self->create_button, "clicked", G_CALLBACK (create_clicked_cb), self, 0);
  self->cancel_move_button = gtk_button_new_with_mnemonic (_("_Keep Its Start"));
  gtk_widget_set_visible (self->cancel_move_button, FALSE);
  g_signal_connect_object (self->cancel_move_button, "clicked", G_CALLBACK (cancel_move_clicked_cb), self, 0);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), self->create_button);
  gtk_box_append (GTK_BOX (row), self->cancel_move_button);
  gtk_box_append (box, row);
  {
    GtkWidget *legend = gtk_label_new (_("Green: working hours · yellow: early morning or evening · "
                                         "blue: night. The hours along the top are UTC; each cell "
                                         "shows the member’s local hour."));

    gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
    gtk_label_set_xalign (GTK_LABEL (legend), 0);
    gtk_widget_add_css_class (legend, "caption");
    gtk_box_append (box, legend);
  }

  box = add_section (self->content_box, _("Rotation"));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->slots_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, CONVENE_ROTATION_MAX_SLOTS, 1));
  gtk_spin_button_set_value (self->slots_spin, 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slots_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How many slots to alternate"), -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->slots_spin));
  button = gtk_button_new_with_mnemonic (_("_Propose"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (propose_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (row), button);
  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply to the Sessions"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  g_signal_connect_object (self->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), self, 0);
  gtk_box_append (box, row);
  gtk_widget_set_halign (self->apply_button, GTK_ALIGN_START);
  gtk_box_append (box, self->apply_button);
  self->rotation_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->rotation_label, TRUE);
  gtk_label_set_xalign (self->rotation_label, 0);
  gtk_label_set_selectable (self->rotation_label, TRUE);
  gtk_box_append (box, GTK_WIDGET (self->rotation_label));
}

static void
convene_insights_view_dispose (GObject *object)
{
  ConveneInsightsView *self = CONVENE_INSIGHTS_VIEW (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_INSIGHTS_VIEW);
  G_OBJECT_CLASS (convene_insights_view_parent_class)->dispose (object);
}

static void
convene_insights_view_finalize (GObject *object)
{
  ConveneInsightsView *self = CONVENE_INSIGHTS_VIEW (object);

  g_clear_pointer (&self->rotation, convene_rotation_free);
  g_clear_pointer (&self->insights, convene_insights_free);
  g_clear_pointer (&self->undo, convene_session_moves_free);
  G_OBJECT_CLASS (convene_insights_view_parent_class)->finalize (object);
}

static void
convene_insights_view_class_init (ConveneInsightsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ConvenePlanViewClass *plan_view_class = CONVENE_PLAN_VIEW_CLASS (klass);

  object_class->dispose = convene_insights_view_dispose;
  object_class->finalize = convene_insights_view_finalize;
  plan_view_class->reload = convene_insights_view_reload;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/ui/insights/convene-insights-view.ui");
  gtk_widget_class_install_action (widget_class, "insights.import-roster", NULL, import_roster_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "insights.import-roster", NULL);
  gtk_widget_class_install_action (widget_class, "insights.import-participants", NULL, import_participants_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "insights.import-participants", NULL);
  gtk_widget_class_bind_template_child (widget_class, ConveneInsightsView, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConveneInsightsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConveneInsightsView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneInsightsView, content_box);
}

static void
convene_insights_view_init (ConveneInsightsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->store_signals = g_signal_group_new (CONVENE_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed", G_CALLBACK (store_changed_cb), self, 0);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  build_content (self);
  show_rotation (self);
}
