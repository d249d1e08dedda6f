/* convene-link-check-dialog.c: one AdwAlertDialog that says "checking"
 * while the request runs (its Cancel ends it), then what the check found.
 * When the page has a title other than the resource's, "Use This Title"
 * saves it as the resource's title. */
#include "config.h"

#include "ui/resources/convene-link-check-dialog.h"

#include <glib/gi18n.h>

#include "sync/convene-link-check.h"

typedef struct {
  AdwAlertDialog  *dialog;
  ConveneStore    *store;
  ConveneResource *resource;
  GCancellable    *cancellable;
  char            *title;      /* the page's, once found */
} Check;

static void
check_free (Check *check)
{
  g_cancellable_cancel (check->cancellable);
  g_clear_object (&check->cancellable);
  g_clear_object (&check->store);
  g_clear_object (&check->resource);
  g_free (check->title);
  g_free (check);
}

static void
response_cb (AdwAlertDialog *dialog,
             const char     *response,
             Check          *check)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *parent;

  if (!g_str_equal (response, "use-title") || check->title == NULL)
    return;
  parent = gtk_widget_get_parent (GTK_WIDGET (dialog));
  convene_resource_set_title (check->resource, check->title);
  if (!convene_store_update (check->store, CONVENE_ENTITY (check->resource), &error))
    gtk_widget_activate_action (GTK_WIDGET (dialog), "win.show-error", "(ss)",
                                _("The title could not be saved"), error->message);
  else if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "win.toast", "s", _("Title updated"));
}

/* The report in lines: the status, where it led, the page's title. */
static char *
describe (const ConveneLinkReport *report)
{
  g_autofree char *status = convene_link_report_dup_status (report);
  GString *body = g_string_new (NULL);

  /* Translators: the HTTP status a link answered with, as in "200 OK" */
  g_string_append_printf (body, _("Status: %s"), status);
  if (report->n_redirects > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("Leads to %s (%u redirect)", "Leads to %s (%u redirects)",
                                              report->n_redirects),
                              report->final_url, report->n_redirects);
    }
  if (report->title != NULL)
    {
      g_string_append_c (body, '\n');
      /* Translators: the title of the page a link leads to */
      g_string_append_printf (body, _("Page title: “%s”"), report->title);
    }
  return g_string_free (body, FALSE);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Check *check = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = convene_link_check_finish (result, &error);
  g_autofree char *body = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  adw_alert_dialog_set_extra_child (check->dialog, NULL);
  adw_alert_dialog_set_response_label (check->dialog, "close", _("_Close"));
  if (report == NULL)
    {
      adw_alert_dialog_set_heading (check->dialog, _("The Link Cannot Be Reached"));
      adw_alert_dialog_set_body (check->dialog, error->message);
      return;
    }
  body = describe (report);
  adw_alert_dialog_set_heading (check->dialog, convene_link_report_is_ok (report)
                                               ? _("The Link Works") : _("The Link Is Broken"));
  adw_alert_dialog_set_body (check->dialog, body);
  if (report->title != NULL &&
      g_strcmp0 (report->title, convene_resource_get_title (check->resource)) != 0)
    {
      check->title = g_strdup (report->title);
      adw_alert_dialog_add_response (check->dialog, "use-title", _("_Use This Title"));
      adw_alert_dialog_set_response_appearance (check->dialog, "use-title", ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (check->dialog, "use-title");
    }
}

void
convene_link_check_dialog_present (GtkWidget       *parent,
                                   ConveneStore    *store,
                                   ConveneResource *resource)
{
  Check *check = g_new0 (Check, 1);
  GtkWidget *spinner = gtk_spinner_new ();
  const char *url = convene_resource_get_url (resource);

  check->store = g_object_ref (store);
  check->resource = g_object_ref (resource);
  check->cancellable = g_cancellable_new ();
  check->dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Checking the Link…"), url));
  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_alert_dialog_set_extra_child (check->dialog, spinner);
  adw_alert_dialog_add_response (check->dialog, "close", _("_Cancel"));
  adw_alert_dialog_set_close_response (check->dialog, "close");
  g_signal_connect (check->dialog, "response", G_CALLBACK (response_cb), check);
  /* Closing the dialog (or the window under it) ends the request. */
  g_object_set_data_full (G_OBJECT (check->dialog), "convene-link-check", check, (GDestroyNotify) check_free);

  convene_link_check_async (url, check->cancellable, checked_cb, check);
  adw_dialog_present (ADW_DIALOG (check->dialog), parent);
}
