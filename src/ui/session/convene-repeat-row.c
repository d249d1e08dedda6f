/* convene-repeat-row.c: the session page's Repeat row.
 *
 * The controls show a ConveneRecurrenceRule (time/convene-recurrence-rule.h)
 * and write it back as an RRULE on every change; the row's subtitle is the
 * rule's sentence, so the user reads what they chose rather than decodes
 * it.  A rule from another calendar that says more than the controls can
 * show (BYHOUR, several month days...) is never rewritten behind the user's
 * back: the controls step aside and the text is edited under Advanced.
 */
#include "config.h"

#include "ui/session/convene-repeat-row.h"

#include <glib/gi18n.h>

#include "model/convene-session.h"
#include "model/convene-validate.h"
#include "time/convene-clock.h"
#include "time/convene-recurrence-rule.h"

#define N_MONTHLY 3

struct _ConveneRepeatRow
{
  AdwExpanderRow parent_instance;

  GtkWidget *frequency_row;
  GtkWidget *interval_row;
  GtkWidget *weekdays_row;
  GtkWidget *day_buttons[8];     /* by GDateWeekday */
  GtkWidget *monthly_row;
  GtkWidget *end_row;
  GtkWidget *count_row;
  GtkWidget *until_row;
  GtkWidget *until_button;
  GtkCalendar *until_calendar;
  GtkWidget *advanced_row;
  GtkWidget *rule_row;

  ConveneRecurrenceRule rule;
  ConveneRecurrenceRule monthly[N_MONTHLY];  /* what the monthly choices mean */
  char      *text;               /* the RRULE, or NULL */
  char      *error;
  gboolean   custom;             /* a rule the controls cannot show */
  GDateTime *start;
  gboolean   loading;
};

enum {
  PROP_0,
  PROP_RULE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConveneRepeatRow, convene_repeat_row, ADW_TYPE_EXPANDER_ROW)

static GTimeZone *
start_zone (ConveneRepeatRow *self)
{
  return self->start != NULL ? g_date_time_get_timezone (self->start) : NULL;
}

/* Showing */

/* The monthly choices for this series: on its day of the month, on its
 * nth weekday, on its last weekday (the rule's own values first). */
static void
fill_monthly (ConveneRepeatRow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean is_last = FALSE;
  int week = self->start != NULL ? convene_recurrence_week_of_month (self->start, &is_last) : 1;
  GDateWeekday weekday = self->start != NULL ? (GDateWeekday) g_date_time_get_day_of_week (self->start)
                                             : G_DATE_MONDAY;

  for (guint i = 0; i < N_MONTHLY; i++)
    {
      ConveneRecurrenceRule *choice = &self->monthly[i];
      g_autofree char *label = NULL;

      convene_recurrence_rule_init (choice);
      choice->frequency = CONVENE_REPEAT_MONTHLY;
      choice->interval = MAX (self->rule.interval, 1);
      choice->monthly = (ConveneRepeatMonthly) i;
      choice->week = week;
      choice->weekday = weekday;
      if (self->rule.frequency == CONVENE_REPEAT_MONTHLY)
        {
          if (i == CONVENE_REPEAT_ON_DATE)
            choice->month_day = self->rule.month_day;
          else if (self->rule.monthly != CONVENE_REPEAT_ON_DATE)
            choice->weekday = self->rule.weekday;
          if (i == CONVENE_REPEAT_ON_NTH_WEEKDAY && self->rule.monthly == CONVENE_REPEAT_ON_NTH_WEEKDAY)
            choice->week = self->rule.week;
        }
      label = convene_recurrence_rule_describe (choice, self->start);
      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->monthly_row), G_LIST_MODEL (labels));
}

static void
update_subtitle (ConveneRepeatRow *self)
{
  g_autofree char *sentence = NULL;

  if (self->custom)
    /* Translators: a rule from another calendar the Repeat controls cannot show */
    sentence = g_strdup_printf (_("Custom rule: %s"), self->text);
  else
    sentence = convene_recurrence_rule_describe (&self->rule, self->start);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                 sentence != NULL ? sentence
                                                  : C_("repeat frequency", "Does not repeat"));
}

static void
update_visibility (ConveneRepeatRow *self)
{
  ConveneRepeatFrequency frequency = self->rule.frequency;
  gboolean repeats = !self->custom && frequency != CONVENE_REPEAT_NONE;

  gtk_widget_set_visible (self->frequency_row, !self->custom);
  gtk_widget_set_visible (self->interval_row, repeats);
  gtk_widget_set_visible (self->weekdays_row, repeats && frequency == CONVENE_REPEAT_WEEKLY);
  gtk_widget_set_visible (self->monthly_row, repeats && frequency == CONVENE_REPEAT_MONTHLY);
  gtk_widget_set_visible (self->end_row, repeats);
  gtk_widget_set_visible (self->count_row, repeats && self->rule.end == CONVENE_REPEAT_END_COUNT);
  gtk_widget_set_visible (self->until_row, repeats && self->rule.end == CONVENE_REPEAT_END_UNTIL);
}

static void
set_interval_unit (ConveneRepeatRow *self)
{
  int n = MAX (self->rule.interval, 1);
  const char *unit = NULL;

  switch (self->rule.frequency)
    {
    /* Translators: the unit beside the Repeat row's "Every" number */
    case CONVENE_REPEAT_DAILY: unit = ngettext ("day", "days", n); break;
    case CONVENE_REPEAT_WEEKLY: unit = ngettext ("week", "weeks", n); break;
    case CONVENE_REPEAT_MONTHLY: unit = ngettext ("month", "months", n); break;
    case CONVENE_REPEAT_YEARLY: unit = ngettext ("year", "years", n); break;
    case CONVENE_REPEAT_NONE:
    default: break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->interval_row), unit != NULL ? unit : "");
}

static void
show_until (ConveneRepeatRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *label = NULL;

  if (!g_date_valid_dmy (self->rule.until_day, self->rule.until_month, self->rule.until_year))
    return;
  day = g_date_time_new_local (self->rule.until_year, self->rule.until_month, self->rule.until_day,
                               12, 0, 0);
  gtk_calendar_select_day (self->until_calendar, day);
  /* The same words as the sentence's "until 30 June 2026". */
  label = g_date_time_format (day, C_("repeat sentence", "%-d %B %Y"));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->until_button), label);
}

/* Puts the rule into every control, without writing it back. */
static void
show_rule (ConveneRepeatRow *self)
{
  guint days = self->rule.weekdays;

  self->loading = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->frequency_row), self->rule.frequency);
  adw_spin_row_set_value (ADW_SPIN_ROW (self->interval_row), MAX (self->rule.interval, 1));
  if (days == 0 && self->start != NULL)
    days = 1u << g_date_time_get_day_of_week (self->start);
  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[d]), (days & (1u << d)) != 0);
  fill_monthly (self);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->monthly_row), self->rule.monthly);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->end_row), self->rule.end);
  if (self->rule.count > 0)
    adw_spin_row_set_value (ADW_SPIN_ROW (self->count_row), self->rule.count);
  show_until (self);
  gtk_editable_set_text (GTK_EDITABLE (self->rule_row), self->text != NULL ? self->text : "");
  set_interval_unit (self);
  update_visibility (self);
  update_subtitle (self);
  self->loading = FALSE;
}

static void
set_error (ConveneRepeatRow *self,
           const char       *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    gtk_widget_add_css_class (self->rule_row, "error");
  else
    gtk_widget_remove_css_class (self->rule_row, "error");
  gtk_widget_set_tooltip_text (self->rule_row, message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_text (ConveneRepeatRow *self,
          const char       *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULE]);
}

/* Editing */

/* An end date for a series that had none: three months after its start. */
static void
default_until (ConveneRepeatRow *self)
{
  g_autoptr(GDateTime) from = self->start != NULL ? g_date_time_ref (self->start) : convene_now ();
  g_autoptr(GDateTime) until = g_date_time_add_months (from, 3);

  g_date_time_get_ymd (until, &self->rule.until_year, &self->rule.until_month, &self->rule.until_day);
}

/* Reads every control into the rule. */
static void
read_controls (ConveneRepeatRow *self)
{
  ConveneRecurrenceRule *rule = &self->rule;
  guint monthly = adw_combo_row_get_selected (ADW_COMBO_ROW (self->monthly_row));
  g_autoptr(GDateTime) until = gtk_calendar_get_date (self->until_calendar);
  ConveneRepeatEnd end = adw_combo_row_get_selected (ADW_COMBO_ROW (self->end_row));

  rule->frequency = adw_combo_row_get_selected (ADW_COMBO_ROW (self->frequency_row));
  rule->interval = (int) adw_spin_row_get_value (ADW_SPIN_ROW (self->interval_row));
  rule->weekdays = 0;
  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->day_buttons[d])))
      rule->weekdays |= 1u << d;
  if (monthly < N_MONTHLY)
    {
      rule->monthly = self->monthly[monthly].monthly;
      rule->month_day = self->monthly[monthly].month_day;
      rule->week = self->monthly[monthly].week;
      rule->weekday = self->monthly[monthly].weekday;
    }
  if (end == CONVENE_REPEAT_END_UNTIL && rule->end != CONVENE_REPEAT_END_UNTIL &&
      !g_date_valid_dmy (rule->until_day, rule->until_month, rule->until_year))
    default_until (self);
  else if (end == CONVENE_REPEAT_END_UNTIL && rule->end == CONVENE_REPEAT_END_UNTIL)
    g_date_time_get_ymd (until, &rule->until_year, &rule->until_month, &rule->until_day);
  rule->end = end;
  rule->count = (int) adw_spin_row_get_value (ADW_SPIN_ROW (self->count_row));
}

static void
on_control_changed_cb (ConveneRepeatRow *self)
{
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  read_controls (self);
  self->custom = FALSE;
  text = convene_recurrence_rule_to_string (&self->rule, start_zone (self));
  set_error (self, NULL);
  show_rule (self);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->rule_row), text != NULL ? text : "");
  self->loading = FALSE;
  set_text (self, text);
}

/* The RRULE typed under Advanced: checked by the model's rule for the
 * field, then shown in the controls when they can show it. */
static void
on_rule_text_changed_cb (ConveneRepeatRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  const char *value;

  if (self->loading)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rule_row))));
  value = *text != '\0' ? text : NULL;
  if (!convene_entity_validate_field (CONVENE_TYPE_SESSION, "recurrence", value, &message))
    {
      set_error (self, message);
      return;
    }
  self->custom = !convene_recurrence_rule_parse (&self->rule, value, start_zone (self), &error);
  if (g_error_matches (error, CONVENE_RECURRENCE_RULE_ERROR, CONVENE_RECURRENCE_RULE_ERROR_INVALID))
    {
      g_autofree char *refusal = g_strdup_printf (_("“%s” is not a rule calendars can read"), value);

      set_error (self, refusal);
      return;
    }
  set_error (self, NULL);
  g_free (self->text);
  self->text = g_strdup (value);
  self->loading = TRUE;
  show_rule (self);
  self->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULE]);
}

/**
 * convene_repeat_row_set_rule:
 * @rrule: (nullable): the series' RRULE
 */
void
convene_repeat_row_set_rule (ConveneRepeatRow *self,
                             const char       *rrule)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CONVENE_IS_REPEAT_ROW (self));

  self->custom = !convene_recurrence_rule_parse (&self->rule, rrule, start_zone (self), &error);
  set_error (self, NULL);
  show_rule (self);
  if (self->custom)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->advanced_row), TRUE);
  set_text (self, rrule != NULL && *rrule != '\0' ? rrule : NULL);
}

void
convene_repeat_row_set_start (ConveneRepeatRow *self,
                              GDateTime        *start)
{
  g_return_if_fail (CONVENE_IS_REPEAT_ROW (self));

  /* The same instant in another zone is another start: its end dates are
   * read in that zone. */
  if (start == self->start ||
      (start != NULL && self->start != NULL && g_date_time_equal (start, self->start) &&
       g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (start)),
                  g_time_zone_get_identifier (g_date_time_get_timezone (self->start))) == 0))
    return;
  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = start != NULL ? g_date_time_ref (start) : NULL;
  show_rule (self);
}

const char *
convene_repeat_row_get_rule (ConveneRepeatRow *self)
{
  g_return_val_if_fail (CONVENE_IS_REPEAT_ROW (self), NULL);
  return self->text;
}

const char *
convene_repeat_row_get_error (ConveneRepeatRow *self)
{
  g_return_val_if_fail (CONVENE_IS_REPEAT_ROW (self), NULL);
  return self->error;
}

GtkWidget *
convene_repeat_row_new (void)
{
  return g_object_new (CONVENE_TYPE_REPEAT_ROW, NULL);
}

/* Life */

static void
convene_repeat_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConveneRepeatRow *self = CONVENE_REPEAT_ROW (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_string (value, self->text);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_repeat_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_RULE:
      convene_repeat_row_set_rule (CONVENE_REPEAT_ROW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_repeat_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CONVENE_TYPE_REPEAT_ROW);
  G_OBJECT_CLASS (convene_repeat_row_parent_class)->dispose (object);
}

static void
convene_repeat_row_finalize (GObject *object)
{
  ConveneRepeatRow *self = CONVENE_REPEAT_ROW (object);

  g_free (self->text);
  g_free (self->error);
  g_clear_pointer (&self->start, g_date_time_unref);
  G_OBJECT_CLASS (convene_repeat_row_parent_class)->finalize (object);
}

static void
convene_repeat_row_class_init (ConveneRepeatRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = convene_repeat_row_get_property;
  object_class->set_property = convene_repeat_row_set_property;
  object_class->dispose = convene_repeat_row_dispose;
  object_class->finalize = convene_repeat_row_finalize;

  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/session/convene-repeat-row.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ConveneRepeatRow, name)
  BIND (frequency_row);
  BIND (interval_row);
  BIND (weekdays_row);
  BIND (monthly_row);
  BIND (end_row);
  BIND (count_row);
  BIND (until_row);
  BIND (until_button);
  BIND (until_calendar);
  BIND (advanced_row);
  BIND (rule_row);
#undef BIND
  gtk_widget_class_bind_template_child_full (widget_class, "monday_button", FALSE,
                                             G_STRUCT_OFFSET (ConveneRepeatRow, day_buttons[G_DATE_MONDAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "tuesday_button", FALSE,
                                             G_STRUCT_OFFSET (ConveneRepeatRow, day_buttons[G_DATE_TUESDAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "wednesday_button", FALSE,
                                             G_STRUCT_OFFSET (ConveneRepeatRow, day_buttons[G_DATE_WEDNESDAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "thursday_button", FALSE,
                                             G_STRUCT_OFFSET (ConveneRepeatRow, day_buttons[G_DATE_THURSDAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "friday_button", FALSE,
                                             G_STRUCT_OFFSET (ConveneRepeatRow, day_buttons[G_DATE_FRIDAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "saturday_button", FALSE,
                                             G_STRUCT_OFFSET (ConveneRepeatRow, day_buttons[G_DATE_SATURDAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "sunday_button", FALSE,
                                             G_STRUCT_OFFSET (ConveneRepeatRow, day_buttons[G_DATE_SUNDAY]));
  gtk_widget_class_bind_template_callback (widget_class, on_control_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rule_text_changed_cb);
}

/* The weekday buttons: the locale's short names, the full one for screen
 * readers and tooltips (1 January 2001 was a Monday). */
static void
label_weekdays (ConveneRepeatRow *self)
{
  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (2001, 1, d, 12, 0, 0);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");

      gtk_button_set_label (GTK_BUTTON (self->day_buttons[d]), short_name);
      gtk_widget_set_tooltip_text (self->day_buttons[d], name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_buttons[d]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static void
convene_repeat_row_init (ConveneRepeatRow *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  convene_recurrence_rule_init (&self->rule);
  label_weekdays (self);
  self->loading = FALSE;
  show_rule (self);
}
