/* convene-window.c: the main window.
 *
 * A sidebar with the plans and the sections of the selected plan, the
 * section's view beside it, and a navigation view on top of which a
 * session's page is pushed.  The window owns the actions that cross views:
 * plans, import and export, opening and deleting with Undo.
 */
#include "config.h"

#include "ui/convene-window.h"
#include "ui/convene-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/calendar/convene-calendar-view.h"
#include "ui/goals/convene-goals-view.h"
#include "ui/people/convene-people-view.h"
#include "ui/resources/convene-resources-view.h"
#include "ui/insights/convene-insights-view.h"
#include "ui/schedule/convene-schedule-view.h"
#include "ui/session/convene-session-page.h"
#include "model/convene-session.h"
#include "store/convene-undo.h"
#include "model/convene-session-exception.h"
#include "ui/subscriptions/convene-subscriptions-dialog.h"
#include "ui/sync/convene-sync-controller.h"
#include "ui/sync/convene-sync-dialog.h"
#include "ui/convene-format.h"
#include "time/convene-zone.h"

#define MAX_UNDO 20

struct _ConveneWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwNavigationSplitView *split_view;
  GtkListBox           *plans_list;
  GtkListBox           *sections_list;
  GtkMenuButton        *plan_menu_button;
  AdwNavigationPage    *content_page;
  AdwNavigationView    *content_nav;
  AdwNavigationPage    *section_page;
  GtkStack             *section_stack;
  GtkWidget            *schedule_view;
  GtkWidget            *calendar_view;
  GtkWidget            *goals_view;
  GtkWidget            *people_view;
  GtkWidget            *resources_view;
  GtkWidget            *insights_view;
  GMenu                *export_menu;

  ConveneStore         *store;
  GListModel           *plans;       /* sorted, newest year first */
  ConvenePlan          *plan;
  char                 *section;
  GQueue                undo;        /* ConveneUndo, newest first */
  GSettings            *settings;
  gint64                wanted_plan; /* to select once the list has it */
  ConveneSyncController *sync;       /* CalDAV: the banner, the sync under way */
};

G_DEFINE_FINAL_TYPE (ConveneWindow, convene_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_PLAN,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *name;
  const char *title;
} sections[] = {
  { "schedule", N_("Schedule") },
  { "calendar", N_("Calendar") },
  { "goals", N_("Goals & Actions") },
  { "people", N_("People") },
  { "resources", N_("Resources") },
  { "insights", N_("Insights") },
};

/* A deleted object's name for its toast: a topic, a title or a name. */
static char *
dup_entity_name (ConveneEntity *entity)
{
  static const char *names[] = { "topic", "title", "name" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), names[i]);

      if (pspec != NULL && pspec->value_type == G_TYPE_STRING)
        {
          char *text = NULL;

          g_object_get (entity, names[i], &text, NULL);
          return text;
        }
    }
  return NULL;
}

/* Plans */

static GtkWidget *
create_plan_row_cb (gpointer item,
                    gpointer user_data)
{
  ConvenePlan *plan = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property (plan, "title", label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (plan, "title", label, "tooltip-text", G_BINDING_SYNC_CREATE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static guint
find_plan (ConveneWindow *self,
           gint64         plan_id)
{
  guint n = g_list_model_get_n_items (self->plans);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneEntity) plan = g_list_model_get_item (self->plans, i);

      if (convene_entity_get_id (plan) == plan_id)
        return i;
    }
  return G_MAXUINT;
}

static void
set_plan (ConveneWindow *self,
          ConvenePlan   *plan)
{
  if (self->plan == plan)
    return;

  /* A session page belongs to the plan it was opened from; the same plan
   * read again (another program wrote the file) keeps its pages open. */
  if (plan == NULL || self->plan == NULL ||
      convene_entity_get_id (CONVENE_ENTITY (plan)) != convene_entity_get_id (CONVENE_ENTITY (self->plan)))
    adw_navigation_view_pop_to_page (self->content_nav, self->section_page);
  g_set_object (&self->plan, plan);
  if (plan != NULL && self->settings != NULL)
    {
      g_autoptr(GVariant) old = g_settings_get_value (self->settings, "last-plan");
      gint64 id = convene_entity_get_id (CONVENE_ENTITY (plan));

      if (g_variant_is_of_type (old, G_VARIANT_TYPE_INT64))
        g_settings_set_int64 (self->settings, "last-plan", id);
      else if (g_variant_is_of_type (old, G_VARIANT_TYPE_INT32))
        g_settings_set_int (self->settings, "last-plan", (int) id);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
on_plan_row_selected_cb (ConveneWindow *self,
                         GtkListBoxRow *row)
{
  g_autoptr(ConvenePlan) plan = NULL;

  if (row == NULL)
    return;
  plan = g_list_model_get_item (self->plans, gtk_list_box_row_get_index (row));
  set_plan (self, plan);
}

static void
on_plan_row_activated_cb (ConveneWindow *self,
                          GtkListBoxRow *row)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* Keeps the selection on the chosen plan as the list changes under it. */
static void
sync_plan_selection (ConveneWindow *self)
{
  guint n = g_list_model_get_n_items (self->plans);
  gint64 want = self->wanted_plan;
  guint index;

  if (want == 0 && self->plan != NULL)
    want = convene_entity_get_id (CONVENE_ENTITY (self->plan));
  index = want != 0 ? find_plan (self, want) : G_MAXUINT;
  if (index == G_MAXUINT && n > 0)
    index = 0;
  if (index != G_MAXUINT)
    self->wanted_plan = 0;

  if (self->store != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, n > 0 ? "main" : "welcome");

  if (index == G_MAXUINT)
    {
      set_plan (self, NULL);
      return;
    }
  gtk_list_box_select_row (self->plans_list, gtk_list_box_get_row_at_index (self->plans_list, index));
  {
    g_autoptr(ConvenePlan) plan = g_list_model_get_item (self->plans, index);
    set_plan (self, plan);
  }
}

static void
on_plans_changed_cb (ConveneWindow *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  sync_plan_selection (self);
}

/**
 * convene_window_select_plan:
 * @self: the window
 * @plan_id: a plan's id; selected as soon as the plan list holds it
 */
void
convene_window_select_plan (ConveneWindow *self,
                            gint64         plan_id)
{
  g_return_if_fail (CONVENE_IS_WINDOW (self));

  self->wanted_plan = plan_id;
  sync_plan_selection (self);
}

/* Sections */

static void
update_section (ConveneWindow *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, self->section) == 0)
      {
        gtk_stack_set_visible_child_name (self->section_stack, sections[i].name);
        adw_navigation_page_set_title (self->section_page, _(sections[i].title));
        adw_navigation_page_set_title (self->content_page, _(sections[i].title));
        row = gtk_list_box_get_row_at_index (self->sections_list, i);
        gtk_list_box_select_row (self->sections_list, row);
      }
  adw_navigation_view_pop_to_page (self->content_nav, self->section_page);
}

const char *
convene_window_get_section (ConveneWindow *self)
{
  g_return_val_if_fail (CONVENE_IS_WINDOW (self), NULL);
  return self->section;
}

void
convene_window_show_section (ConveneWindow *self,
                             const char    *section)
{
  g_return_if_fail (CONVENE_IS_WINDOW (self));

  if (g_strcmp0 (self->section, section) != 0)
    {
      g_free (self->section);
      self->section = g_strdup (section);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
    }
  update_section (self);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
on_section_row_activated_cb (ConveneWindow *self,
                             GtkListBoxRow *row)
{
  convene_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

GtkWidget *
convene_window_get_view (ConveneWindow *self,
                         const char    *section)
{
  g_return_val_if_fail (CONVENE_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->section_stack, section);
}

/* Toasts, errors, Undo */

void
convene_window_toast (ConveneWindow *self,
                      const char    *message)
{
  g_return_if_fail (CONVENE_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
present_error (ConveneWindow *self,
               const char    *heading,
               const char    *message)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
convene_window_show_error (ConveneWindow *self,
                           const char    *heading,
                           const GError  *error)
{
  g_return_if_fail (CONVENE_IS_WINDOW (self));

  present_error (self, heading, error != NULL ? error->message : NULL);
}

/* win.toast and win.show-error let the views and pages inside the window
 * speak through it without knowing its type. */
static void
toast_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  convene_window_toast (CONVENE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Calendars subscribed to: their dialog and their refresh. */
static void
subscriptions_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (self->store == NULL)
    return;
  if (g_str_equal (action_name, "win.refresh-subscriptions"))
    convene_subscriptions_refresh (widget, self->store);
  else
    adw_dialog_present (convene_subscriptions_dialog_new (self->store), widget);
}

/* CalDAV: its dialog, and Sync Now (which opens the dialog when there is
 * no account to sync with yet). */
static void
sync_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (self->sync == NULL)
    return;
  if (g_str_equal (action_name, "win.sync") && convene_sync_controller_get_account (self->sync) != 0)
    {
      g_autoptr(GError) error = NULL;

      if (!convene_sync_controller_sync (self->sync, &error))
        convene_window_toast (self, error->message);
      return;
    }
  adw_dialog_present (convene_sync_dialog_new (self->sync), widget);
}

static void
show_error_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *heading;
  const char *message;

  g_variant_get (parameter, "(&s&s)", &heading, &message);
  present_error (CONVENE_WINDOW (widget), heading, message);
}

static void
pop_pages_of (ConveneWindow *self,
              ConveneEntity *entity)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->content_nav);

  if (CONVENE_IS_SESSION_PAGE (page) && CONVENE_IS_SESSION (entity) &&
      convene_session_page_get_session_id (CONVENE_SESSION_PAGE (page)) ==
        convene_entity_get_id (entity))
    adw_navigation_view_pop (self->content_nav);
}

/* Keeps @undo for win.undo and says what happened in a toast with an
 * Undo button. */
static void
offer_undo (ConveneWindow *self,
            ConveneUndo   *undo,
            const char    *message)
{
  AdwToast *toast;

  g_queue_push_head (&self->undo, undo);
  while (g_queue_get_length (&self->undo) > MAX_UNDO)
    convene_undo_free (g_queue_pop_tail (&self->undo));

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * convene_window_delete:
 * @self: the window
 * @entity: a plan, session, goal, action, person or resource
 *
 * Deletes @entity and what hangs off it, and offers to undo it in a toast.
 */
void
convene_window_delete (ConveneWindow *self,
                       ConveneEntity *entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneEntity) keep = g_object_ref (entity);
  g_autofree char *message = NULL;
  g_autofree char *name = dup_entity_name (entity);
  ConveneUndo *undo;

  g_return_if_fail (CONVENE_IS_WINDOW (self));

  pop_pages_of (self, entity);
  undo = convene_undo_delete (self->store, entity, &error);
  if (undo == NULL)
    {
      convene_window_show_error (self, _("Cannot Delete"), error);
      return;
    }
  if (name != NULL && *name != '\0')
    /* Translators: a toast after deleting, with the deleted thing's name */
    message = g_strdup_printf (_("“%s” deleted"), name);
  else
    message = g_strdup (_("Deleted"));
  offer_undo (self, undo, message);
}

/* The exception of @kind the series has at @instant, if any. */
static ConveneSessionException *
find_exception (ConveneWindow        *self,
                gint64                session_id,
                gint64                instant,
                ConveneExceptionKind  kind)
{
  g_autoptr(GPtrArray) all = convene_store_query (self->store, CONVENE_TYPE_SESSION_EXCEPTION, "session",
                                                  session_id, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (all, i);
      GDateTime *when = convene_session_exception_get_occurrence (e);

      if (convene_session_exception_get_kind (e) == kind && when != NULL &&
          g_date_time_to_unix (when) == instant)
        return g_object_ref (e);
    }
  return NULL;
}

/* Adds (@kind ADDED) or takes out (REMOVED) one meeting of a series, with
 * Undo.  A meeting the series was given is taken out by forgetting its
 * date, and a date taken out comes back the same way, so that the series
 * never holds a date both added and taken out. */
static ConveneUndo *
change_dates (ConveneWindow         *self,
              gint64                 session_id,
              gint64                 instant,
              ConveneExceptionKind   kind,
              GError               **error)
{
  ConveneExceptionKind opposite = kind == CONVENE_EXCEPTION_KIND_ADDED ? CONVENE_EXCEPTION_KIND_REMOVED
                                                                      : CONVENE_EXCEPTION_KIND_ADDED;
  g_autoptr(ConveneSessionException) undone = find_exception (self, session_id, instant, opposite);
  g_autoptr(ConveneSessionException) exception = NULL;
  g_autoptr(GDateTime) occurrence = NULL;

  if (undone != NULL)
    return convene_undo_delete (self->store, CONVENE_ENTITY (undone), error);
  exception = convene_session_exception_new ();
  occurrence = g_date_time_new_from_unix_utc (instant);
  convene_session_exception_set_session (exception, session_id);
  convene_session_exception_set_occurrence (exception, occurrence);
  convene_session_exception_set_kind (exception, kind);
  return convene_undo_add (self->store, CONVENE_ENTITY (exception), error);
}

/* One meeting of a series taken out of it (an EXDATE, or the RDATE that
 * added it), with Undo; the parameter is the series' id and the meeting's
 * start as its rule gives it, in Unix seconds. */
static void
remove_occurrence_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 session_id, instant;
  ConveneUndo *undo;

  g_variant_get (parameter, "(xx)", &session_id, &instant);
  undo = change_dates (self, session_id, instant, CONVENE_EXCEPTION_KIND_REMOVED, &error);
  if (undo == NULL)
    {
      convene_window_show_error (self, _("Cannot Remove the Meeting"), error);
      return;
    }
  offer_undo (self, undo, _("Meeting removed from the series"));
}

/* One meeting added to a series (an RDATE), with Undo; the parameter is
 * the series' id and the meeting's start, in Unix seconds. */
static void
add_occurrence_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  g_autoptr(ConveneSession) series = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *message = NULL;
  gint64 session_id, instant;
  ConveneUndo *undo;

  g_variant_get (parameter, "(xx)", &session_id, &instant);
  series = convene_store_load (self->store, CONVENE_TYPE_SESSION, session_id, &error);
  undo = series != NULL ? change_dates (self, session_id, instant, CONVENE_EXCEPTION_KIND_ADDED, &error)
                        : NULL;
  if (undo == NULL)
    {
      convene_window_show_error (self, _("Cannot Add the Meeting"), error);
      return;
    }
  tz = convene_timezone_new (convene_session_get_timezone (series));
  utc = g_date_time_new_from_unix_utc (instant);
  there = g_date_time_to_timezone (utc, tz != NULL ? tz : convene_local_zone ());
  /* Translators: the day in the toast after adding a meeting; see g_date_time_format() */
  day = g_date_time_format (there, _("%A %-d %B"));
  clock = convene_format_clock (there);
  /* Translators: a toast: "Meeting added on Thursday 3 April, 19:00" */
  message = g_strdup_printf (_("Meeting added on %s, %s"), day, clock);
  offer_undo (self, undo, message);
}

/**
 * convene_window_undo:
 *
 * Restores what the latest delete removed.
 *
 * Returns: whether there was something to undo and it came back
 */
gboolean
convene_window_undo (ConveneWindow *self)
{
  g_autoptr(ConveneUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CONVENE_IS_WINDOW (self), FALSE);

  undo = g_queue_pop_head (&self->undo);
  if (undo == NULL)
    return FALSE;
  if (!convene_undo_restore (undo, self->store, &error))
    {
      convene_window_show_error (self, _("Cannot Undo"), error);
      return FALSE;
    }
  if (convene_undo_get_entity_type (undo) == CONVENE_TYPE_PLAN)
    convene_window_select_plan (self, convene_undo_get_restored_id (undo));
  return TRUE;
}

/* Sessions */

/**
 * convene_window_open_session:
 * @self: the window
 * @session_id: a session's id
 *
 * Shows the session's page on top of the current section.
 *
 * Returns: (transfer none) (nullable): the page
 */
GtkWidget *
convene_window_open_session (ConveneWindow *self,
                             gint64         session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSession) session = NULL;
  AdwNavigationPage *page;

  g_return_val_if_fail (CONVENE_IS_WINDOW (self), NULL);

  session = convene_store_load (self->store, CONVENE_TYPE_SESSION, session_id, &error);
  if (session == NULL)
    {
      convene_window_show_error (self, _("Cannot Open the Session"), error);
      return NULL;
    }
  adw_navigation_view_pop_to_page (self->content_nav, self->section_page);
  page = convene_session_page_new (self->store, self->plan, session);
  adw_navigation_view_push (self->content_nav, page);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  return GTK_WIDGET (page);
}

static void
open_session_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  convene_window_open_session (CONVENE_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* win.find-time and win.import-participants: the Insights section's
 * planner, or its participant report import, for the session whose page
 * is open. */
static void
session_insights_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->content_nav);
  ConveneInsightsView *view = CONVENE_INSIGHTS_VIEW (self->insights_view);
  gint64 id;

  if (!CONVENE_IS_SESSION_PAGE (page))
    return;
  id = convene_session_page_get_session_id (CONVENE_SESSION_PAGE (page));
  if (g_str_equal (action_name, "win.import-participants"))
    {
      convene_insights_view_import_participants (view, id);
      return;
    }
  adw_navigation_view_pop_to_page (self->content_nav, self->section_page);
  convene_window_show_section (self, "insights");
  convene_insights_view_plan_session (view, id);
}

/* win.open-occurrence (series id, occurrence instant): the series' page,
 * told which of its occurrences was opened. */
static void
open_occurrence_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gint64 id, occurrence;
  GtkWidget *page;

  g_variant_get (parameter, "(xx)", &id, &occurrence);
  page = convene_window_open_session (CONVENE_WINDOW (widget), id);
  if (page != NULL)
    convene_session_page_set_occurrence (CONVENE_SESSION_PAGE (page), occurrence);
}

static void
delete_session_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  g_autoptr(ConveneEntity) session = NULL;
  g_autoptr(GError) error = NULL;

  session = convene_store_load (self->store, CONVENE_TYPE_SESSION,
                                g_variant_get_int64 (parameter), &error);
  if (session == NULL)
    {
      convene_window_show_error (self, _("Cannot Delete"), error);
      return;
    }
  convene_window_delete (self, session);
}

static void
delete_entity_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  g_autoptr(ConveneEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  const char *table;
  gint64 id;
  guint n_types;
  const GType *types = convene_store_get_entity_types (&n_types);

  g_variant_get (parameter, "(&sx)", &table, &id);
  for (guint i = 0; i < n_types && entity == NULL; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (convene_entity_class_get_table (CONVENE_ENTITY_CLASS (klass)), table) == 0)
        {
          entity = convene_store_load (self->store, types[i], id, &error);
          if (entity == NULL)
            {
              convene_window_show_error (self, _("Cannot Delete"), error);
              return;
            }
        }
    }
  if (entity != NULL)
    convene_window_delete (self, entity);
}

static void
new_session_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  g_autoptr(ConveneSession) session = convene_session_new ();
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;
  convene_session_set_plan (session, convene_entity_get_id (CONVENE_ENTITY (self->plan)));
  convene_session_set_topic (session, _("New session"));
  convene_session_set_timezone (session, convene_plan_get_timezone (self->plan));
  convene_session_set_status (session, CONVENE_SESSION_STATUS_TENTATIVE);
  if (!convene_store_add (self->store, CONVENE_ENTITY (session), &error))
    {
      convene_window_show_error (self, _("Cannot Add a Session"), error);
      return;
    }
  convene_window_open_session (self, convene_entity_get_id (CONVENE_ENTITY (session)));
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  convene_window_undo (CONVENE_WINDOW (widget));
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (self->plan == NULL)
    return;
  convene_window_show_section (self, "schedule");
  convene_schedule_view_start_search (CONVENE_SCHEDULE_VIEW (self->schedule_view));
}

static void
move_month_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  int delta = g_str_equal (action_name, "win.previous-month") ? -1
            : g_str_equal (action_name, "win.next-month") ? 1 : 0;

  if (g_strcmp0 (self->section, "schedule") == 0)
    {
      convene_schedule_view_move_month (CONVENE_SCHEDULE_VIEW (self->schedule_view), delta);
      return;
    }
  if (g_strcmp0 (self->section, "calendar") != 0)
    convene_window_show_section (self, "calendar");
  convene_calendar_view_move (CONVENE_CALENDAR_VIEW (self->calendar_view), delta);
}

/* Window */

static void
update_actions (ConveneWindow *self)
{
  gboolean has_plan = self->plan != NULL;
  static const char *plan_actions[] = {
    "win.rename-plan", "win.edit-plan", "win.delete-plan", "win.new-session", "win.export",
    "win.search", "win.previous-month", "win.next-month", "win.today", "win.sync",
  };

  for (guint i = 0; i < G_N_ELEMENTS (plan_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), plan_actions[i], has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-sample", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-settings", self->store != NULL);
}

static void
on_plan_notify_cb (ConveneWindow *self)
{
  update_actions (self);
  if (self->sync != NULL)
    convene_sync_controller_set_plan (self->sync, self->plan);
}

/* Keys added to the schema over time are used only when it has them. */
static gboolean
has_key (ConveneWindow *self,
         const char    *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static gboolean
convene_window_close_request (GtkWindow *window)
{
  ConveneWindow *self = CONVENE_WINDOW (window);
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->content_nav);
  int width, height;

  /* A session page saves what is still being typed. */
  if (CONVENE_IS_SESSION_PAGE (page))
    convene_session_page_save (CONVENE_SESSION_PAGE (page));

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (has_key (self, "last-section"))
        g_settings_set_string (self->settings, "last-section", self->section);
    }
  return GTK_WINDOW_CLASS (convene_window_parent_class)->close_request (window);
}

static void
restore_state (ConveneWindow *self)
{
  g_autoptr(GVariant) last = NULL;
  int width = 1100, height = 720;

  if (self->settings != NULL)
    {
      width = g_settings_get_int (self->settings, "window-width");
      height = g_settings_get_int (self->settings, "window-height");
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      if (has_key (self, "last-section"))
        {
          g_free (self->section);
          self->section = g_settings_get_string (self->settings, "last-section");
        }
      if (has_key (self, "calendar-view"))
        g_settings_bind (self->settings, "calendar-view", self->calendar_view, "mode",
                         G_SETTINGS_BIND_DEFAULT);
      if (has_key (self, "sidebar-width-fraction"))
        g_settings_bind (self->settings, "sidebar-width-fraction", self->split_view,
                         "sidebar-width-fraction", G_SETTINGS_BIND_DEFAULT);
      last = g_settings_get_value (self->settings, "last-plan");
      if (g_variant_is_of_type (last, G_VARIANT_TYPE_INT64))
        self->wanted_plan = g_variant_get_int64 (last);
      else if (g_variant_is_of_type (last, G_VARIANT_TYPE_INT32))
        self->wanted_plan = g_variant_get_int32 (last);
    }
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
}

static void
convene_window_constructed (GObject *object)
{
  ConveneWindow *self = CONVENE_WINDOW (object);
  GtkWidget *views[] = {
    self->schedule_view, self->calendar_view, self->goals_view, self->people_view,
    self->resources_view, self->insights_view,
  };

  G_OBJECT_CLASS (convene_window_parent_class)->constructed (object);

  restore_state (self);

  _convene_window_fill_export_menu (self->export_menu);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_object_set (views[i], "store", self->store, NULL);
      g_object_bind_property (self, "plan", views[i], "plan", G_BINDING_SYNC_CREATE);
    }

  if (self->store != NULL)
    {
      /* Newest year first, then by title. */
      GtkSorter *by_year = GTK_SORTER (gtk_numeric_sorter_new (
        gtk_property_expression_new (CONVENE_TYPE_PLAN, NULL, "year")));
      GtkSorter *by_title = GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (CONVENE_TYPE_PLAN, NULL, "title")));
      GtkMultiSorter *multi = gtk_multi_sorter_new ();

      gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (by_year), GTK_SORT_DESCENDING);
      gtk_multi_sorter_append (multi, by_year);
      gtk_multi_sorter_append (multi, by_title);
      self->plans = G_LIST_MODEL (gtk_sort_list_model_new (
        convene_store_list (self->store, CONVENE_TYPE_PLAN, NULL, 0), GTK_SORTER (multi)));
      gtk_list_box_bind_model (self->plans_list, self->plans, create_plan_row_cb, self, NULL);
      g_signal_connect_object (self->plans, "items-changed", G_CALLBACK (on_plans_changed_cb),
                               self, G_CONNECT_SWAPPED);
      self->sync = convene_sync_controller_new (self->store, self->content_page);
      sync_plan_selection (self);
      convene_subscriptions_watch (GTK_WIDGET (self), self->store);
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "error");

  update_section (self);
  update_actions (self);
}

static void
convene_window_dispose (GObject *object)
{
  ConveneWindow *self = CONVENE_WINDOW (object);

  if (self->store != NULL)
    convene_subscriptions_unwatch (self->store);
  /* A sync under way ends with its window. */
  if (self->sync != NULL)
    convene_sync_controller_cancel (self->sync);
  g_clear_object (&self->sync);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_WINDOW);
  g_clear_object (&self->plans);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_queue_clear_full (&self->undo, (GDestroyNotify) convene_undo_free);

  G_OBJECT_CLASS (convene_window_parent_class)->dispose (object);
}

static void
convene_window_finalize (GObject *object)
{
  ConveneWindow *self = CONVENE_WINDOW (object);

  g_clear_object (&self->store);
  g_free (self->section);

  G_OBJECT_CLASS (convene_window_parent_class)->finalize (object);
}

static void
convene_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ConveneWindow *self = CONVENE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ConveneWindow *self = CONVENE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SECTION:
      if (g_strcmp0 (self->section, g_value_get_string (value)) != 0)
        {
          g_free (self->section);
          self->section = g_value_dup_string (value);
          update_section (self);
          if (gtk_widget_get_realized (GTK_WIDGET (self)))
            adw_navigation_split_view_set_show_content (self->split_view, TRUE);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Long because it lists every template child, action and shortcut of the
 * window, one line each. */
static void
convene_window_class_init (ConveneWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = convene_window_constructed;
  object_class->dispose = convene_window_dispose;
  object_class->finalize = convene_window_finalize;
  object_class->get_property = convene_window_get_property;
  object_class->set_property = convene_window_set_property;
  window_class->close_request = convene_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONVENE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where the window keeps its size, plan and section; NULL for none. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CONVENE_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "schedule",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONVENE_TYPE_SCHEDULE_VIEW);
  g_type_ensure (CONVENE_TYPE_CALENDAR_VIEW);
  g_type_ensure (CONVENE_TYPE_GOALS_VIEW);
  g_type_ensure (CONVENE_TYPE_PEOPLE_VIEW);
  g_type_ensure (CONVENE_TYPE_RESOURCES_VIEW);
  g_type_ensure (CONVENE_TYPE_INSIGHTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/ui/convene-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, plans_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, sections_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, plan_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, content_nav);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, section_page);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, schedule_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, goals_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, people_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, resources_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, insights_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, export_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_row_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");
  _convene_window_class_add_plan_actions (widget_class);
  _convene_window_class_add_transfer_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, new_session_cb);
  gtk_widget_class_install_action (widget_class, "win.open-session", "x", open_session_cb);
  gtk_widget_class_install_action (widget_class, "win.open-occurrence", "(xx)", open_occurrence_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-session", "x", delete_session_cb);
  gtk_widget_class_install_action (widget_class, "win.remove-occurrence", "(xx)", remove_occurrence_cb);
  gtk_widget_class_install_action (widget_class, "win.add-occurrence", "(xx)", add_occurrence_cb);
  gtk_widget_class_install_action (widget_class, "win.find-time", NULL, session_insights_cb);
  gtk_widget_class_install_action (widget_class, "win.import-participants", NULL, session_insights_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-entity", "(sx)", delete_entity_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_cb);
  gtk_widget_class_install_action (widget_class, "win.show-error", "(ss)", show_error_cb);
  gtk_widget_class_install_action (widget_class, "win.subscriptions", NULL, subscriptions_cb);
  gtk_widget_class_install_action (widget_class, "win.refresh-subscriptions", NULL, subscriptions_cb);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_cb);
  gtk_widget_class_install_action (widget_class, "win.sync-settings", NULL, sync_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-month", NULL, move_month_cb);
  gtk_widget_class_install_action (widget_class, "win.next-month", NULL, move_month_cb);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, move_month_cb);

  /* Bound on the window rather than the application, so that a text field
   * with the focus keeps its own Ctrl+Z. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh-subscriptions", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.sync", NULL);
}

static void
convene_window_init (ConveneWindow *self)
{
  self->section = g_strdup ("schedule");
  g_queue_init (&self->undo);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::plan", G_CALLBACK (on_plan_notify_cb), NULL);
}

/**
 * convene_window_new:
 * @app: the application
 * @store: (nullable): the open database, or %NULL if it could not be opened
 * @store_error: (nullable): why it could not
 */
ConveneWindow *
convene_window_new (ConveneApplication *app,
                    ConveneStore       *store,
                    const GError       *store_error)
{
  ConveneWindow *self = g_object_new (CONVENE_TYPE_WINDOW,
                                      "application", app,
                                      "store", store,
                                      "settings", convene_application_get_settings (app),
                                      NULL);

  if (store == NULL && store_error != NULL)
    adw_status_page_set_description (self->error_page, store_error->message);
  return self;
}

ConveneStore *
convene_window_get_store (ConveneWindow *self)
{
  g_return_val_if_fail (CONVENE_IS_WINDOW (self), NULL);
  return self->store;
}

ConvenePlan *
convene_window_get_plan (ConveneWindow *self)
{
  g_return_val_if_fail (CONVENE_IS_WINDOW (self), NULL);
  return self->plan;
}
