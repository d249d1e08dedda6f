/* convene-entity-row.c: a row for one stored object, with its actions.
 *
 * Activating the row or its edit button runs @edit_action with the object's
 * id; the delete button runs the window's win.delete-entity, which offers
 * Undo.  Rows are made by gtk_list_box_bind_model() and live as long as the
 * item they show, so they need no signal handlers of their own.
 * A resource's subtitle is written here too, for the two lists that show
 * resources (the Resources view and the session page).
 */
#include "config.h"

#include "ui/convene-entity-row.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/convene-format.h"
#include "model/convene-person.h"
#include "model/convene-session.h"

GtkWidget *
convene_entity_row_new (ConveneEntity *entity,
                        const char    *title,
                        const char    *subtitle,
                        const char    *edit_action)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gint64 id = convene_entity_get_id (entity);
  const char *table = convene_entity_class_get_table (CONVENE_ENTITY_GET_CLASS (entity));
  g_autofree char *escaped_title = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *first_paragraph = NULL;
  g_autofree char *escaped_subtitle = NULL;
  const char *end;

  /* A row shows the beginning of a long text; the editor shows all of it. */
  subtitle = subtitle != NULL ? subtitle : "";
  end = strchr (subtitle, '\n');
  first_paragraph = end != NULL ? g_strndup (subtitle, end - subtitle) : g_strdup (subtitle);
  escaped_subtitle = g_markup_escape_text (first_paragraph, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), edit_action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), edit_action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", id);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Delete"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.delete-entity");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(sx)", table, id);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* A small coloured label before the row's buttons. */
void
convene_entity_row_add_badge (GtkWidget  *row,
                              const char *text,
                              const char *css_class)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "badge");
  if (css_class != NULL)
    gtk_widget_add_css_class (badge, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  /* Before the edit and delete buttons. */
  gtk_widget_insert_after (badge, gtk_widget_get_parent (badge), NULL);
}

GtkWidget *
convene_list_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

void
convene_subtitle_append (GString    *text,
                         const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

/* "Best practice · 2021-03-01 · shared by Flor · for “Climate Justice Data”" */
char *
convene_resource_describe (ConveneStore    *store,
                           ConveneResource *resource,
                           gboolean         with_session)
{
  GString *text = g_string_new (NULL);

  convene_subtitle_append (text, convene_enum_label (CONVENE_TYPE_RESOURCE_KIND,
                                         convene_resource_get_kind (resource)));
  convene_subtitle_append (text, convene_resource_get_date (resource));
  if (convene_resource_get_shared_by (resource) != 0)
    {
      g_autoptr(ConvenePerson) person = convene_store_load (store, CONVENE_TYPE_PERSON,
                                                            convene_resource_get_shared_by (resource),
                                                            NULL);
      if (person != NULL)
        {
          /* Translators: who shared a resource */
          g_autofree char *by = g_strdup_printf (_("shared by %s"), convene_person_get_name (person));
          convene_subtitle_append (text, by);
        }
    }
  if (with_session && convene_resource_get_session (resource) != 0)
    {
      g_autoptr(ConveneSession) session = convene_store_load (store, CONVENE_TYPE_SESSION,
                                                              convene_resource_get_session (resource),
                                                              NULL);
      if (session != NULL)
        {
          /* Translators: the session a resource was shared for */
          g_autofree char *for_session = g_strdup_printf (_("for “%s”"),
                                                          convene_session_get_topic (session));
          convene_subtitle_append (text, for_session);
        }
    }
  convene_subtitle_append (text, convene_resource_get_url (resource));
  return g_string_free (text, FALSE);
}
