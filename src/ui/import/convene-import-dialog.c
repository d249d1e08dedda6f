/* convene-import-dialog.c: the preview of an import.
 *
 * The file is read in a worker thread by the importers' dry run; the dialog
 * then lists the plan, its sessions with their times, the counts of
 * everything else and every warning, and writes nothing until Import is
 * pressed (in one transaction, all or nothing).  When some times name no
 * zone and the text no place, a row says the zone they were read in (UTC,
 * as convene-cli reads them) and lets the user choose another: the file is
 * then read again in it, as `convene-cli import --zone` would.
 */
#include "config.h"

#include "ui/import/convene-import-dialog.h"

#include <glib/gi18n.h>

#include "ui/convene-format.h"
#include "ui/editors/convene-zone-chooser.h"
#include "import/convene-import.h"

struct _ConveneImportDialog
{
  AdwDialog parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *summary_group;
  GtkListBox          *summary_list;
  AdwPreferencesGroup *existing_group;
  AdwComboRow         *existing_row;
  AdwPreferencesGroup *warnings_group;
  GtkListBox          *warnings_list;
  AdwPreferencesGroup *sessions_group;
  GtkListBox          *sessions_list;
  AdwPreferencesGroup *zone_group;
  AdwActionRow        *zone_row;

  ConveneStore        *store;
  GFile               *file;
  char                *default_zone;  /* chosen for times without a zone, or NULL: UTC */
  ConveneImportResult *result;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (ConveneImportDialog, convene_import_dialog, ADW_TYPE_DIALOG)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
info_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  if (subtitle != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
  return row;
}

static const char *
plan_extra_zones (ConveneImportResult *result,
                  ConveneSession      *session,
                  const char * const **zones)
{
  for (guint i = 0; i < result->plans->len; i++)
    {
      ConvenePlan *plan = g_ptr_array_index (result->plans, i);

      if (convene_entity_get_id (CONVENE_ENTITY (plan)) == convene_session_get_plan (session))
        {
          *zones = convene_plan_get_extra_timezones (plan);
          return convene_plan_get_title (plan);
        }
    }
  *zones = NULL;
  return NULL;
}

static gboolean
plan_exists (ConveneImportDialog *self)
{
  g_autoptr(GPtrArray) stored = convene_store_query (self->store, CONVENE_TYPE_PLAN, NULL, 0, NULL);

  for (guint i = 0; i < self->result->plans->len; i++)
    for (guint s = 0; stored != NULL && s < stored->len; s++)
      {
        ConvenePlan *plan = g_ptr_array_index (self->result->plans, i);
        ConvenePlan *old = g_ptr_array_index (stored, s);

        if (g_strcmp0 (convene_plan_get_title (plan), convene_plan_get_title (old)) == 0 &&
            g_strcmp0 (convene_plan_get_group (plan), convene_plan_get_group (old)) == 0)
          return TRUE;
      }
  return FALSE;
}

/* Appends "3 goals" to the list of what will be created; none, nothing. */
static void
append_count (GString    *created,
              guint       n,
              const char *format)
{
  if (n == 0)
    return;
  if (created->len > 0)
    g_string_append (created, ", ");
  g_string_append_printf (created, format, n);
}

static void
show_counts (ConveneImportDialog *self)
{
  ConveneImportResult *r = self->result;
  g_autofree char *name = g_file_get_basename (self->file);
  g_autoptr(GString) created = g_string_new (NULL);
  g_autofree char *description = NULL;

  adw_preferences_group_set_title (self->summary_group, name);
  for (guint i = 0; i < r->plans->len; i++)
    {
      ConvenePlan *plan = g_ptr_array_index (r->plans, i);
      g_autofree char *subtitle = NULL;

      if (convene_plan_get_group (plan) != NULL && convene_plan_get_year (plan) != 0)
        subtitle = g_strdup_printf ("%s · %d", convene_plan_get_group (plan), convene_plan_get_year (plan));
      else if (convene_plan_get_group (plan) != NULL)
        subtitle = g_strdup (convene_plan_get_group (plan));
      gtk_list_box_append (self->summary_list, info_row (convene_plan_get_title (plan), subtitle));
    }

  append_count (created, r->goals->len, ngettext ("%u goal", "%u goals", r->goals->len));
  append_count (created, r->actions->len, ngettext ("%u action", "%u actions", r->actions->len));
  append_count (created, r->sessions->len, ngettext ("%u session", "%u sessions", r->sessions->len));
  append_count (created, r->people->len, ngettext ("%u person", "%u people", r->people->len));
  append_count (created, r->resources->len,
                ngettext ("%u resource", "%u resources", r->resources->len));
  append_count (created, r->attendance->len,
                ngettext ("%u attendance record", "%u attendance records", r->attendance->len));

  /* Translators: what an import will add, as in "Will create 3 goals, 13 sessions" */
  description = g_strdup_printf (_("Will create %s"), created->len > 0 ? created->str : _("nothing"));
  adw_preferences_group_set_description (self->summary_group, description);
}

static void
show_warnings (ConveneImportDialog *self)
{
  GPtrArray *warnings = self->result->warnings;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), warnings->len > 0);
  title = g_strdup_printf (ngettext ("%u Warning", "%u Warnings", warnings->len), warnings->len);
  adw_preferences_group_set_title (self->warnings_group, title);
  adw_preferences_group_set_description (self->warnings_group,
                                         _("Check these before importing; you can correct them afterwards"));
  for (guint i = 0; i < warnings->len; i++)
    {
      ConveneImportWarning *warning = g_ptr_array_index (warnings, i);
      g_autofree char *where = warning->line > 0
        ? g_strdup_printf (_("Line %u"), warning->line) : NULL;
      GtkWidget *row = info_row (warning->message, where);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->warnings_list, row);
    }
}

static void
show_sessions (ConveneImportDialog *self)
{
  GPtrArray *sessions = self->result->sessions;
  g_autofree char *title = g_strdup_printf (ngettext ("%u Session", "%u Sessions", sessions->len),
                                            sessions->len);

  gtk_widget_set_visible (GTK_WIDGET (self->sessions_group), sessions->len > 0);
  adw_preferences_group_set_title (self->sessions_group, title);
  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, i);
      const char * const *zones = NULL;
      g_autofree char *when = convene_format_session_date (session);
      g_autofree char *times = NULL;
      g_autofree char *subtitle = NULL;
      const char *status = NULL;

      plan_extra_zones (self->result, session, &zones);
      times = convene_format_session_times (session, zones, FALSE);
      if (convene_session_get_status (session) != CONVENE_SESSION_STATUS_SCHEDULED)
        status = convene_enum_label (CONVENE_TYPE_SESSION_STATUS, convene_session_get_status (session));
      subtitle = g_strjoin (" · ", when, status != NULL ? status : times,
                            status != NULL ? times : NULL, NULL);
      gtk_list_box_append (self->sessions_list,
                           info_row (convene_session_get_topic (session), subtitle));
    }
}

/* The zone the times without one were read in, when the reader took the
 * one it was given (a text naming no place): the row to choose another. */
static void
show_zone (ConveneImportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->zone_group), self->result->uses_default_zone);
  adw_action_row_set_subtitle (self->zone_row, self->default_zone != NULL ? self->default_zone : "UTC");
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  /* The dialog's reference from start_read(), dropped here on the main
   * thread. */
  g_autoptr(ConveneImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ConveneImportResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (result == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_clear_pointer (&self->result, convene_import_result_free);
  self->result = result;
  gtk_list_box_remove_all (self->summary_list);
  gtk_list_box_remove_all (self->warnings_list);
  gtk_list_box_remove_all (self->sessions_list);
  show_counts (self);
  show_zone (self);
  show_warnings (self);
  show_sessions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->existing_group), plan_exists (self));
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", TRUE);
}

/* What the worker reads: its own copies, as the user may choose again. */
typedef struct {
  GFile *file;
  char  *default_zone;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_object_unref (job->file);
  g_free (job->default_zone);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autoptr(GError) error = NULL;
  const ConveneImportOptions options = { .default_zone = job->default_zone };
  ConveneImportResult *result;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only files on this computer can be imported"));
      return;
    }
  result = convene_import_file_full (path, NULL, CONVENE_ON_EXISTING_FAIL, &options, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) convene_import_result_free);
}

/* Reads the file in the worker, in the zone chosen; the preview shows the
 * spinner until it is read, and nothing can be imported meanwhile. */
static void
start_read (ConveneImportDialog *self)
{
  /* The dialog is not the task's source: the worker drops its reference
   * to the task last, at times after the dialog has closed, and a widget
   * must never be finalized off the main thread. */
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_read_cb, g_object_ref (self));
  ReadJob *job = g_new0 (ReadJob, 1);

  job->file = g_object_ref (self->file);
  job->default_zone = g_strdup (self->default_zone);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  g_task_set_task_data (task, job, read_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_thread);
}

/**
 * convene_import_dialog_set_default_zone:
 * @zone: (nullable): an IANA name, "UTC" or "+HH:MM"; %NULL for UTC
 *
 * Reads the file again with @zone as the zone of times that name none, in
 * a text that names no place; the preview shows the new reading.
 */
void
convene_import_dialog_set_default_zone (ConveneImportDialog *self,
                                        const char          *zone)
{
  g_return_if_fail (CONVENE_IS_IMPORT_DIALOG (self));

  if (g_strcmp0 (zone, self->default_zone) == 0)
    return;
  g_free (self->default_zone);
  self->default_zone = g_strdup (zone);
  start_read (self);
}

static void
on_zone_chosen_cb (ConveneZoneChooser  *chooser,
                   const char          *zone,
                   ConveneImportDialog *self)
{
  convene_import_dialog_set_default_zone (self, zone);
}

static void
choose_zone_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneImportDialog *self = CONVENE_IMPORT_DIALOG (widget);
  AdwDialog *chooser = convene_zone_chooser_new ();

  g_signal_connect_object (chooser, "zone-chosen", G_CALLBACK (on_zone_chosen_cb), self, 0);
  adw_dialog_present (chooser, widget);
}

/**
 * convene_import_dialog_import:
 *
 * Writes the preview into the store and closes the dialog.
 *
 * Returns: whether it was written
 */
gboolean
convene_import_dialog_import (ConveneImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  ConveneOnExisting on_existing = CONVENE_ON_EXISTING_NEW;
  gint64 plan_id = 0;

  g_return_val_if_fail (CONVENE_IS_IMPORT_DIALOG (self), FALSE);

  if (self->result == NULL)
    return FALSE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->existing_group)) &&
      adw_combo_row_get_selected (self->existing_row) == 1)
    on_existing = CONVENE_ON_EXISTING_REPLACE;

  if (!convene_import_result_write (self->result, self->store, on_existing, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
      return FALSE;
    }

  /* The plan just written is the newest with its title. */
  plans = convene_store_query (self->store, CONVENE_TYPE_PLAN, NULL, 0, NULL);
  for (guint i = 0; self->result->plans->len > 0 && plans != NULL && i < plans->len; i++)
    {
      ConvenePlan *plan = g_ptr_array_index (plans, i);

      if (g_strcmp0 (convene_plan_get_title (plan),
                     convene_plan_get_title (g_ptr_array_index (self->result->plans, 0))) == 0)
        plan_id = MAX (plan_id, convene_entity_get_id (CONVENE_ENTITY (plan)));
    }
  g_signal_emit (self, signals[IMPORTED], 0, plan_id);
  adw_dialog_close (ADW_DIALOG (self));
  return TRUE;
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  convene_import_dialog_import (CONVENE_IMPORT_DIALOG (widget));
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
convene_import_dialog_dispose (GObject *object)
{
  ConveneImportDialog *self = CONVENE_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->default_zone, g_free);
  g_clear_pointer (&self->result, convene_import_result_free);

  G_OBJECT_CLASS (convene_import_dialog_parent_class)->dispose (object);
}

static void
convene_import_dialog_class_init (ConveneImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_import_dialog_dispose;

  /**
   * ConveneImportDialog::imported:
   * @plan_id: the plan written, or 0 when the file held none
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/import/convene-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, summary_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, existing_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, existing_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, zone_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneImportDialog, zone_row);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_cb);
  gtk_widget_class_install_action (widget_class, "import.choose-zone", NULL, choose_zone_cb);
}

static void
convene_import_dialog_init (ConveneImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
}

AdwDialog *
convene_import_dialog_new (ConveneStore *store,
                           GFile        *file)
{
  ConveneImportDialog *self;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CONVENE_TYPE_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  start_read (self);
  return ADW_DIALOG (self);
}

/* "loading", "error" or "preview" */
const char *
convene_import_dialog_get_state (ConveneImportDialog *self)
{
  g_return_val_if_fail (CONVENE_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
convene_import_dialog_get_n_warnings (ConveneImportDialog *self)
{
  g_return_val_if_fail (CONVENE_IS_IMPORT_DIALOG (self), 0);
  return self->result != NULL ? self->result->warnings->len : 0;
}

/* The zone the preview read times without one in, %NULL for UTC; whether
 * the row to choose it is shown. */
const char *
convene_import_dialog_get_default_zone (ConveneImportDialog *self,
                                        gboolean            *shown)
{
  g_return_val_if_fail (CONVENE_IS_IMPORT_DIALOG (self), NULL);
  if (shown != NULL)
    *shown = gtk_widget_get_visible (GTK_WIDGET (self->zone_group));
  return self->default_zone;
}
