/* convene-window-transfer.c: the window's import and export actions.
 *
 * Import asks for a file, then shows what it would create (the import
 * dialog); the sample plan is imported the same way.  Export writes the
 * selected plan in each format an exporter exists for.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ui/import/convene-import-dialog.h"
#include "export/convene-json-export.h"
#include "ui/convene-window.h"
#include "ui/convene-window-private.h"
#ifdef HAVE_ICS_EXPORT
#include "export/convene-ics-export.h"
#endif
#ifdef HAVE_CSV_EXPORT
#include "export/convene-csv-export.h"
#endif
#ifdef HAVE_MARKDOWN_EXPORT
#include "export/convene-markdown-export.h"
#endif

/* Import */

static void
on_imported_cb (ConveneImportDialog *dialog,
                gint64               plan_id,
                ConveneWindow       *self)
{
  if (plan_id != 0)
    convene_window_select_plan (self, plan_id);
  convene_window_show_section (self, "schedule");
}

/**
 * convene_window_import_file:
 * @self: the window
 * @file: a plan document, an iCalendar file or a JSON export
 *
 * Shows what importing @file would create, and imports it if the user agrees.
 *
 * Returns: (transfer none): the import dialog
 */
GtkWidget *
convene_window_import_file (ConveneWindow *self,
                            GFile         *file)
{
  AdwDialog *dialog;

  g_return_val_if_fail (CONVENE_IS_WINDOW (self), NULL);

  dialog = convene_import_dialog_new (convene_window_get_store (self), file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return GTK_WIDGET (dialog);
}

static void
on_import_file_chosen_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(ConveneWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    convene_window_import_file (self, file);
}

static GtkFileFilter *
make_filter (const char *name,
             const char *first_pattern,
             ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_pattern);
  for (const char *p = first_pattern; p != NULL; p = va_arg (args, const char *))
    gtk_file_filter_add_suffix (filter, p);
  va_end (args);
  return filter;
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = make_filter (_("Plans and calendars"), "md", "txt", "tsv",
                                              "ics", "json", NULL);
  g_autoptr(GtkFileFilter) documents = make_filter (_("Plan documents"), "md", "txt", "tsv", NULL);
  g_autoptr(GtkFileFilter) ics = make_filter (_("iCalendar files"), "ics", NULL);
  g_autoptr(GtkFileFilter) json = make_filter (_("Convene exports (JSON)"), "json", NULL);

  g_list_store_append (filters, all);
  g_list_store_append (filters, documents);
  g_list_store_append (filters, ics);
  g_list_store_append (filters, json);
  gtk_file_dialog_set_title (dialog, _("Import a Plan"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, all);
  g_object_unref (filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (widget), NULL, on_import_file_chosen_cb,
                        g_object_ref (widget));
}

/* The sample's temporary copy goes when its import dialog does. */
static void
remove_sample_copy (gpointer data)
{
  g_autofree char *path = data;
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
import_sample_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GtkWidget *dialog;

  /* The importers read files: the sample is copied to a temporary one,
   * under the name the preview shows. */
  bytes = g_resources_lookup_data ("/io/github/convene/Convene/samples/action-plan-2021.txt",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    dir = g_dir_make_tmp ("convene-sample-XXXXXX", &error);
  if (dir != NULL)
    {
      path = g_build_filename (dir, "action-plan-2021.txt", NULL);
      if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        {
          g_rmdir (dir);
          g_clear_pointer (&path, g_free);
        }
    }
  if (path == NULL)
    {
      convene_window_show_error (self, _("Cannot Import the Sample Plan"), error);
      return;
    }
  file = g_file_new_for_path (path);
  dialog = convene_window_import_file (self, file);
  g_object_set_data_full (G_OBJECT (dialog), "sample-copy", g_steal_pointer (&path),
                          remove_sample_copy);
}

/* Export */

typedef char *(*ExportFunc) (ConveneStore *, gint64, GError **);

static const struct {
  const char *format;
  const char *label;
  const char *extension;
  const char *mime;
  ExportFunc  func;
} exporters[] = {
  { "json", N_("_JSON"), "json", "application/json", convene_json_export },
#ifdef HAVE_ICS_EXPORT
  { "ics", N_("_iCalendar"), "ics", "text/calendar", convene_ics_export },
#endif
#ifdef HAVE_CSV_EXPORT
  { "csv", N_("_CSV"), "csv", "text/csv", convene_csv_export_occurrences },
#endif
#ifdef HAVE_MARKDOWN_EXPORT
  { "md", N_("_Markdown"), "md", "text/markdown", convene_markdown_export },
#endif
};

static void
on_export_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ConveneWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    convene_window_show_error (self, _("Cannot Export"), error);
  else
    convene_window_toast (self, _("Plan exported"));
}

static void
on_export_file_chosen_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(ConveneWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GError) error = NULL;
  ExportFunc func = g_object_get_data (source, "export-func");
  char *text;

  if (file == NULL || convene_window_get_plan (self) == NULL)
    return;
  text = func (convene_window_get_store (self), convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (self))), &error);
  if (text == NULL)
    {
      convene_window_show_error (self, _("Cannot Export"), error);
      return;
    }
  g_file_replace_contents_bytes_async (file, g_bytes_new_take (text, strlen (text)), NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                       on_export_saved_cb, g_object_ref (self));
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autofree char *name = NULL;

  if (convene_window_get_plan (self) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    if (g_str_equal (exporters[i].format, format))
      {
        const char *title = convene_plan_get_title (convene_window_get_plan (self));

        dialog = gtk_file_dialog_new ();
        gtk_file_dialog_set_title (dialog, _("Export Plan"));
        name = g_strdup_printf ("%s.%s", title != NULL ? title : _("Plan"), exporters[i].extension);
        g_strdelimit (name, "/\\:", '-');
        gtk_file_dialog_set_initial_name (dialog, name);
        g_object_set_data (G_OBJECT (dialog), "export-func", exporters[i].func);
        gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_export_file_chosen_cb,
                              g_object_ref (self));
      }
}

/* One item per format an exporter exists for. */
void
_convene_window_fill_export_menu (GMenu *menu)
{
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.export::%s", exporters[i].format);

      g_menu_append (menu, _(exporters[i].label), action);
    }
}

void
_convene_window_class_add_transfer_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "win.import-sample", NULL, import_sample_cb);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_cb);
}
