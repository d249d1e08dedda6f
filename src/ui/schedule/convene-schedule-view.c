/* convene-schedule-view.c: the Schedule section.
 *
 * The plan's sessions, each series standing as its occurrences through the
 * plan's year, in list order with a header a month: a model that reads an
 * index of the rows from the store and makes objects only for the rows on
 * screen (ui/schedule/convene-schedule-model.h), filtered there by the
 * search words and the filter popover, shown by a grid view of one column
 * whose rows are recycled: it opens and stays smooth with a hundred
 * thousand sessions.  The months' headers are rows of their own: a grid
 * view keeps about 30 rows alive, a list view 200 whatever its height.
 */
#include "config.h"

#include "ui/schedule/convene-schedule-view.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/convene-format.h"
#include "ui/convene-occurrence-list.h"
#include "ui/convene-subscription-badge.h"
#include "ui/schedule/convene-schedule-model.h"
#include "ui/schedule/convene-session-row.h"
#include "model/convene-session.h"
#include "model/convene-values.h"

struct _ConveneScheduleView
{
  ConvenePlanView parent_instance;

  AdwWindowTitle     *window_title;
  GtkToggleButton    *search_button;
  GtkMenuButton      *filter_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  AdwBanner          *next_banner;
  GtkStack           *content_stack;
  GtkGridView        *rows_view;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *format_dropdown;
  GtkDropDown        *language_dropdown;
  GtkDropDown        *lead_dropdown;

  ConveneScheduleModel *model;

  char              **search_words;  /* casefolded */
  int                 status_filter; /* -1: any */
  int                 format_filter;
  char               *language_filter;
  char               *lead_filter;
  GPtrArray          *language_codes; /* beside the language drop-down's items */
  GPtrArray          *lead_names;
  gboolean            updating_filters;

  guint               cursor;        /* the row month jumps start from */
  gboolean            want_scroll_to_next;
  guint               scroll_target;
  guint               scroll_tick;
  gboolean            scrolled_below; /* the first half of scroll_to_top() is done */
};

G_DEFINE_FINAL_TYPE (ConveneScheduleView, convene_schedule_view, CONVENE_TYPE_PLAN_VIEW)

/* Filtering */

static gboolean
filters_active (ConveneScheduleView *self)
{
  return self->status_filter >= 0 || self->format_filter >= 0 || self->language_filter != NULL ||
         self->lead_filter != NULL;
}

static void
update_stack (ConveneScheduleView *self)
{
  guint total = self->model != NULL ? convene_schedule_model_get_n_sessions (self->model) : 0;
  guint shown = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  if (filters_active (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
refilter (ConveneScheduleView *self)
{
  ConveneScheduleFilter filter = {
    self->search_words, self->status_filter, self->format_filter, self->language_filter,
    self->lead_filter,
  };

  if (self->model != NULL)
    convene_schedule_model_set_filter (self->model, &filter);
  update_stack (self);
}

static void
on_search_changed_cb (ConveneScheduleView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_words, g_strfreev);
  if (text != NULL && *text != '\0')
    {
      g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_strv_builder_add (builder, words[i]);
      self->search_words = g_strv_builder_end (builder);
      if (self->search_words[0] == NULL)
        g_clear_pointer (&self->search_words, g_strfreev);
    }
  refilter (self);
}

static void
on_stop_search_cb (ConveneScheduleView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static const char *
selected_value (GtkDropDown *dropdown,
                GPtrArray   *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || values == NULL ||
      selected - 1 >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected - 1);
}

static void
on_filter_changed_cb (ConveneScheduleView *self)
{
  guint status, format;

  if (self->updating_filters)
    return;
  status = gtk_drop_down_get_selected (self->status_dropdown);
  format = gtk_drop_down_get_selected (self->format_dropdown);
  self->status_filter = status == 0 || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1;
  self->format_filter = format == 0 || format == GTK_INVALID_LIST_POSITION ? -1 : (int) format - 1;
  g_free (self->language_filter);
  self->language_filter = g_strdup (selected_value (self->language_dropdown, self->language_codes));
  g_free (self->lead_filter);
  self->lead_filter = g_strdup (selected_value (self->lead_dropdown, self->lead_names));
  refilter (self);
}

static GtkStringList *
labels_with_any (const char *any,
                 GListModel *labels)
{
  GtkStringList *list = gtk_string_list_new ((const char *[]) { any, NULL });

  for (guint i = 0; labels != NULL && i < g_list_model_get_n_items (labels); i++)
    gtk_string_list_append (list, gtk_string_list_get_string (GTK_STRING_LIST (labels), i));
  return list;
}

/* The languages and leads the plan's sessions use, for the drop-downs. */
static void
on_filter_popover_show_cb (ConveneScheduleView *self)
{
  g_autoptr(GtkStringList) language_list = NULL;
  g_autoptr(GtkStringList) lead_list = NULL;
  guint language_pos = 0, lead_pos = 0;

  g_clear_pointer (&self->language_codes, g_ptr_array_unref);
  g_clear_pointer (&self->lead_names, g_ptr_array_unref);
  self->language_codes = self->model != NULL ? g_ptr_array_ref (convene_schedule_model_get_languages (self->model))
                                             : g_ptr_array_new ();
  self->lead_names = self->model != NULL ? g_ptr_array_ref (convene_schedule_model_get_leads (self->model))
                                         : g_ptr_array_new ();

  language_list = gtk_string_list_new ((const char *[]) { _("Any language"), NULL });
  for (guint i = 0; i < self->language_codes->len; i++)
    {
      g_autofree char *name = convene_language_name (g_ptr_array_index (self->language_codes, i));

      gtk_string_list_append (language_list, name);
      if (g_strcmp0 (self->language_filter, g_ptr_array_index (self->language_codes, i)) == 0)
        language_pos = i + 1;
    }
  lead_list = gtk_string_list_new ((const char *[]) { _("Anyone"), NULL });
  for (guint i = 0; i < self->lead_names->len; i++)
    {
      gtk_string_list_append (lead_list, g_ptr_array_index (self->lead_names, i));
      if (g_strcmp0 (self->lead_filter, g_ptr_array_index (self->lead_names, i)) == 0)
        lead_pos = i + 1;
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (language_list));
  gtk_drop_down_set_selected (self->language_dropdown, language_pos);
  gtk_drop_down_set_model (self->lead_dropdown, G_LIST_MODEL (lead_list));
  gtk_drop_down_set_selected (self->lead_dropdown, lead_pos);
  self->updating_filters = FALSE;
}

static void
clear_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneScheduleView *self = CONVENE_SCHEDULE_VIEW (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->format_dropdown, 0);
  gtk_drop_down_set_selected (self->language_dropdown, 0);
  gtk_drop_down_set_selected (self->lead_dropdown, 0);
  self->updating_filters = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_words, g_strfreev);
  on_filter_changed_cb (self);
}

/* Rows and headers */

static GtkWidget *
header_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *month = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (month), 0);
  gtk_widget_set_hexpand (month, TRUE);
  gtk_widget_add_css_class (month, "heading");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (box, "month-header");
  gtk_box_append (GTK_BOX (box), month);
  gtk_box_append (GTK_BOX (box), count);
  return box;
}

static void
bind_header (GtkListItem          *item,
             ConveneScheduleMonth *month)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *name = convene_schedule_month_get_month (month);
  guint n = convene_schedule_month_get_n_items (month);
  g_autofree char *title = name != NULL ? convene_format_month (name) : g_strdup (_("To be confirmed"));
  g_autofree char *count = g_strdup_printf (ngettext ("%u session", "%u sessions", n), n);
  g_autofree char *label = g_strdup_printf ("%s, %s", title, count);

  if (!GTK_IS_BOX (box))
    gtk_list_item_set_child (item, box = header_new ());
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), count);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_accessible_label (item, label);
}

/* A recycled cell becomes a header or a session's row, as its item is;
 * headers are few, so a cell rarely changes from one to the other. */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ConveneScheduleView      *self)
{
  gpointer object = gtk_list_item_get_item (item);
  ConveneSession *session;
  GtkWidget *row = gtk_list_item_get_child (item);
  g_autofree char *label = NULL;
  const char *topic;

  if (CONVENE_IS_SCHEDULE_MONTH (object))
    {
      bind_header (item, object);
      return;
    }
  session = object;
  if (!CONVENE_IS_SESSION_ROW (row))
    gtk_list_item_set_child (item, row = convene_session_row_new ());
  convene_session_row_bind (CONVENE_SESSION_ROW (row), session,
                            convene_plan_view_get_plan (CONVENE_PLAN_VIEW (self)));
  topic = convene_session_get_topic (session);
  label = g_strdup_printf ("%s, %s", topic != NULL ? topic : "",
                           convene_session_row_get_times (CONVENE_SESSION_ROW (row)));
  gtk_list_item_set_activatable (item, TRUE);
  gtk_list_item_set_accessible_label (item, label);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ConveneScheduleView      *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (CONVENE_IS_SESSION_ROW (row))
    convene_session_row_bind (CONVENE_SESSION_ROW (row), NULL, NULL);
}

/* A series' occurrence opens the series' page for that occurrence. */
static void
open_session (ConveneScheduleView *self,
              ConveneSession      *session)
{
  if (convene_occurrence_is_occurrence (session))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-occurrence", "(xx)",
                                convene_entity_get_id (CONVENE_ENTITY (session)),
                                convene_occurrence_get_instant (session));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-session", "x",
                                convene_entity_get_id (CONVENE_ENTITY (session)));
}

static void
on_list_activate_cb (ConveneScheduleView *self,
                     guint                position)
{
  g_autoptr(GObject) object = g_list_model_get_item (convene_schedule_model_get_rows (self->model), position);
  ConveneSession *session;

  if (!CONVENE_IS_SESSION (object))
    return;
  session = CONVENE_SESSION (object);
  self->cursor = position;
  if (convene_subscription_event_get_subscription (session) != NULL)
    {
      g_autofree char *message = convene_subscription_event_describe (session);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
      return;
    }
  open_session (self, session);
}

/* Scrolling */

static guint
n_rows (ConveneScheduleView *self)
{
  return g_list_model_get_n_items (convene_schedule_model_get_rows (self->model));
}

static guint
position_of (ConveneScheduleView *self,
             ConveneSession      *session)
{
  return convene_schedule_model_row_of (self->model, convene_schedule_model_find (self->model, session));
}

static gboolean
finish_scroll_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  ConveneScheduleView *self = CONVENE_SCHEDULE_VIEW (widget);

  /* Not before the list has a size: scrolled earlier, GTK 4.18 clamps the
   * scroll to an empty list and then shows none of its rows. */
  if (gtk_widget_get_height (GTK_WIDGET (self->rows_view)) == 0)
    return G_SOURCE_CONTINUE;
  if (!self->scrolled_below && self->model != NULL)
    {
      gtk_grid_view_scroll_to (self->rows_view, n_rows (self) - 1, GTK_LIST_SCROLL_NONE, NULL);
      self->scrolled_below = TRUE;
      return G_SOURCE_CONTINUE;
    }
  self->scroll_tick = 0;
  if (self->model != NULL && self->scroll_target < n_rows (self))
    gtk_grid_view_scroll_to (self->rows_view, self->scroll_target, GTK_LIST_SCROLL_FOCUS, NULL);
  return G_SOURCE_REMOVE;
}

/* Brings @position to the top of the view: coming from below, the list
 * view's smallest scroll puts an item at the top edge. */
static void
scroll_to_top (ConveneScheduleView *self,
               guint                position)
{
  guint n = n_rows (self);

  if (position >= n)
    return;
  self->cursor = position;
  self->scroll_target = position;
  if (position == 0)
    {
      gtk_grid_view_scroll_to (self->rows_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
      return;
    }
  self->scrolled_below = gtk_widget_get_height (GTK_WIDGET (self->rows_view)) > 0;
  if (self->scrolled_below)
    gtk_grid_view_scroll_to (self->rows_view, n - 1, GTK_LIST_SCROLL_NONE, NULL);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), finish_scroll_cb, NULL, NULL);
}

/**
 * convene_schedule_view_move_month:
 * @self: the view
 * @delta: -1 for the previous month, 1 for the next, 0 for the coming session
 */
void
convene_schedule_view_move_month (ConveneScheduleView *self,
                                  int                  delta)
{
  guint n, row;

  g_return_if_fail (CONVENE_IS_SCHEDULE_VIEW (self));

  if (self->model == NULL || (n = n_rows (self)) == 0)
    return;
  if (delta == 0)
    {
      ConveneSession *next = convene_schedule_model_get_next (self->model);
      guint pos = next != NULL ? position_of (self, next) : 0;

      scroll_to_top (self, pos == GTK_INVALID_LIST_POSITION ? 0 : pos);
      return;
    }

  row = convene_schedule_model_find_month (self->model, MIN (self->cursor, n - 1), delta);
  if (row != GTK_INVALID_LIST_POSITION)
    scroll_to_top (self, row);
}

/* What's next */

static void
update_next (ConveneScheduleView *self)
{
  ConveneSession *next = self->model != NULL ? convene_schedule_model_get_next (self->model) : NULL;

  if (next != NULL)
    {
      ConvenePlan *plan = convene_plan_view_get_plan (CONVENE_PLAN_VIEW (self));
      g_autofree char *title = convene_format_next (next, convene_plan_get_extra_timezones (plan));

      adw_banner_set_title (self->next_banner, title);
      adw_banner_set_button_label (self->next_banner,
                                   convene_is_link (convene_session_get_location (next))
                                     ? _("_Join") : _("_Open"));
    }
  adw_banner_set_revealed (self->next_banner, next != NULL);
}

static void
on_next_banner_clicked_cb (ConveneScheduleView *self)
{
  ConveneSession *next = self->model != NULL ? convene_schedule_model_get_next (self->model) : NULL;
  const char *location;

  if (next == NULL)
    return;
  location = convene_session_get_location (next);
  if (convene_is_link (location))
    {
      g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (location);

      gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               NULL, NULL, NULL);
      return;
    }
  open_session (self, next);
}

static void
on_model_changed_cb (ConveneScheduleView *self)
{
  update_next (self);
  update_stack (self);
  if (self->want_scroll_to_next && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      self->want_scroll_to_next = FALSE;
      convene_schedule_view_move_month (self, 0);
    }
}

/* Plan and store */

/* Takes the old model down and sets the new one up with its factories. */
static void
reload (ConveneScheduleView *self)
{
  ConveneStore *store;
  ConvenePlan *plan;
  GtkSignalListItemFactory *factory;
  ConveneScheduleFilter filter = {
    self->search_words, self->status_filter, self->format_filter, self->language_filter,
    self->lead_filter,
  };

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_grid_view_set_model (self->rows_view, NULL);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_object (&self->model);
  self->cursor = 0;

  store = convene_plan_view_get_store (CONVENE_PLAN_VIEW (self));
  plan = convene_plan_view_get_plan (CONVENE_PLAN_VIEW (self));
  if (store == NULL || plan == NULL)
    {
      update_next (self);
      update_stack (self);
      return;
    }

  self->model = convene_schedule_model_new (store, plan, &filter);

  factory = GTK_SIGNAL_LIST_ITEM_FACTORY (gtk_signal_list_item_factory_new ());
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);

  /* The model first, then the scroll to what's next, then the factory:
   * the view makes its rows where it is scrolled to, rather than at the
   * top and then again there. */
  gtk_grid_view_set_factory (self->rows_view, NULL);
  gtk_grid_view_set_model (self->rows_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (convene_schedule_model_get_rows (self->model)))));
  /* gtk_grid_view_set_model() took its own reference. */
  g_object_unref (gtk_grid_view_get_model (self->rows_view));

  g_signal_connect_object (self->model, "changed", G_CALLBACK (on_model_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->want_scroll_to_next = TRUE;
  on_model_changed_cb (self);

  gtk_grid_view_set_factory (self->rows_view, GTK_LIST_ITEM_FACTORY (factory));
  g_object_unref (factory);
}

static void
convene_schedule_view_reload (ConvenePlanView *view)
{
  reload (CONVENE_SCHEDULE_VIEW (view));
}

/* Another plan's leads and languages differ: its filters start afresh,
 * unless the change comes from restoring them. */
static void
convene_schedule_view_plan_changed (ConvenePlanView *view)
{
  ConveneScheduleView *self = CONVENE_SCHEDULE_VIEW (view);

  if (self->updating_filters == FALSE)
    {
      g_clear_pointer (&self->language_filter, g_free);
      g_clear_pointer (&self->lead_filter, g_free);
    }
  reload (self);
}

static void
convene_schedule_view_dispose (GObject *object)
{
  ConveneScheduleView *self = CONVENE_SCHEDULE_VIEW (object);

  if (self->rows_view != NULL)
    gtk_grid_view_set_model (self->rows_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_SCHEDULE_VIEW);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (convene_schedule_view_parent_class)->dispose (object);
}

static void
convene_schedule_view_finalize (GObject *object)
{
  ConveneScheduleView *self = CONVENE_SCHEDULE_VIEW (object);

  g_strfreev (self->search_words);
  g_free (self->language_filter);
  g_free (self->lead_filter);
  g_clear_pointer (&self->language_codes, g_ptr_array_unref);
  g_clear_pointer (&self->lead_names, g_ptr_array_unref);

  G_OBJECT_CLASS (convene_schedule_view_parent_class)->finalize (object);
}

static void
convene_schedule_view_class_init (ConveneScheduleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ConvenePlanViewClass *plan_view_class = CONVENE_PLAN_VIEW_CLASS (klass);

  object_class->dispose = convene_schedule_view_dispose;
  object_class->finalize = convene_schedule_view_finalize;
  plan_view_class->reload = convene_schedule_view_reload;
  plan_view_class->plan_changed = convene_schedule_view_plan_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/schedule/convene-schedule-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, search_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, next_banner);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, rows_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConveneScheduleView, lead_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_banner_clicked_cb);

  gtk_widget_class_install_action (widget_class, "schedule.clear-filters", NULL, clear_filters_cb);
}

static void
convene_schedule_view_init (ConveneScheduleView *self)
{
  g_autoptr(GListModel) statuses = convene_enum_label_model (CONVENE_TYPE_SESSION_STATUS);
  g_autoptr(GListModel) formats = convene_enum_label_model (CONVENE_TYPE_SESSION_FORMAT);
  g_autoptr(GtkStringList) status_list = NULL;
  g_autoptr(GtkStringList) format_list = NULL;

  self->status_filter = -1;
  self->format_filter = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating_filters = TRUE;
  status_list = labels_with_any (_("Any status"), statuses);
  format_list = labels_with_any (_("Any format"), formats);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_list));
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (format_list));
  on_filter_popover_show_cb (self);
  self->updating_filters = FALSE;

  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  gtk_expression_bind (gtk_property_expression_new (CONVENE_TYPE_PLAN,
                         gtk_property_expression_new (CONVENE_TYPE_SCHEDULE_VIEW, NULL, "plan"),
                         "title"),
                       self->window_title, "subtitle", self);
  update_stack (self);
}

void
convene_schedule_view_start_search (ConveneScheduleView *self)
{
  g_return_if_fail (CONVENE_IS_SCHEDULE_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Searches at once, without the search entry's typing delay. */
void
convene_schedule_view_set_search (ConveneScheduleView *self,
                                  const char          *text)
{
  g_return_if_fail (CONVENE_IS_SCHEDULE_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  on_search_changed_cb (self);
}

/**
 * convene_schedule_view_get_model:
 *
 * Returns: (transfer none) (nullable): the sessions shown, in order, with
 *   their month sections (a #GtkSectionModel)
 */
GListModel *
convene_schedule_view_get_model (ConveneScheduleView *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_VIEW (self), NULL);
  return G_LIST_MODEL (self->model);
}

/* The coming session's id, or 0. */
gint64
convene_schedule_view_get_next_id (ConveneScheduleView *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_VIEW (self), 0);
  ConveneSession *next = self->model != NULL ? convene_schedule_model_get_next (self->model) : NULL;

  return next != NULL ? convene_entity_get_id (CONVENE_ENTITY (next)) : 0;
}

/**
 * convene_schedule_view_get_next:
 *
 * Returns: (transfer none) (nullable): the coming session, or the coming
 *   occurrence of a series (convene_occurrence_get_instant() names it)
 */
ConveneSession *
convene_schedule_view_get_next (ConveneScheduleView *self)
{
  g_return_val_if_fail (CONVENE_IS_SCHEDULE_VIEW (self), NULL);
  return self->model != NULL ? convene_schedule_model_get_next (self->model) : NULL;
}
