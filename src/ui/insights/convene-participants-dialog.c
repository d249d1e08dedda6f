/* convene-participants-dialog.c: a participant report's preview.
 *
 * The report is read once without writing (core's attendance import in
 * its dry run) to fill the dialog; on Import it is read again, so that a
 * person added or renamed meanwhile is matched as the file is now, and
 * the matched people and the new ones ticked are written together in one
 * transaction (convene_attendance_write()).  The dialog is an
 * AdwAlertDialog whose extra child holds the session chooser and the two
 * lists; it keeps what it needs (the store, the bytes, the starts) so it
 * outlives the view that opened it without reaching back into it. */
#include "config.h"

#include "ui/insights/convene-participants-dialog.h"

#include <glib/gi18n.h>

#include "insights/convene-attendance-import.h"
#include "model/convene-person.h"
#include "model/convene-session.h"
#include "ui/convene-format.h"

/* One name the report matched to no one, and the widgets that say
 * whether and how to add it. */
typedef struct {
  char        *name;
  char        *email;
  GtkCheckButton *add;
  GtkMenuButton *sector;
  int          sector_value;  /* ConveneSector */
  GtkEntry    *region;
} Stranger;

typedef struct {
  ConveneStore *store;
  char         *name;
  GBytes       *contents;
  GArray       *starts;       /* ConveneInsightsStart */
  GtkMenuButton *session;
  guint         selected;     /* of starts */
  GPtrArray    *strangers;    /* Stranger */
} Preview;

static void
stranger_free (Stranger *s)
{
  g_free (s->name);
  g_free (s->email);
  g_free (s);
}

static void
preview_free (Preview *p)
{
  g_clear_object (&p->store);
  g_free (p->name);
  g_clear_pointer (&p->contents, g_bytes_unref);
  g_clear_pointer (&p->starts, g_array_unref);
  g_clear_pointer (&p->strangers, g_ptr_array_unref);
  g_free (p);
}

static Preview *
get_preview (AdwDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "convene-preview");
}

/* "2021-03-30 19:00 · Climate data" in the viewer's zone. */
static char *
start_label (ConveneStore               *store,
             const ConveneInsightsStart *start)
{
  g_autoptr(ConveneSession) session = convene_store_load (store, CONVENE_TYPE_SESSION, start->session, NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start->when);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *when = start->month_only ? g_date_time_format (local, "%Y-%m")
                                            : g_date_time_format (local, "%Y-%m-%d %H:%M");

  return g_strdup_printf ("%s · %s", when,
                          session != NULL ? convene_session_get_topic (session) : "");
}

static GtkWidget *
add_heading (GtkBox     *box,
             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (box, label);
  return label;
}

static GtkWidget *
new_list (GtkBox *box)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (box, list);
  return list;
}

/* The people the report matched, with their minutes in the call. */
static void
add_matched (GtkBox                  *box,
             ConveneStore            *store,
             ConveneAttendanceResult *result)
{
  g_autofree char *heading = g_strdup_printf (ngettext ("%u Person Matched", "%u People Matched",
                                                        result->people->len),
                                              result->people->len);
  GtkWidget *list;

  add_heading (box, heading);
  if (result->people->len == 0)
    return;
  list = new_list (box);
  for (guint i = 0; i < result->people->len; i++)
    {
      g_autoptr(ConvenePerson) person = convene_store_load (store, CONVENE_TYPE_PERSON,
                                                            g_array_index (result->people, gint64, i), NULL);
      int minutes = g_array_index (result->minutes, int, i);
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%d minute in the call", "%d minutes in the call",
                                                             minutes), minutes);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     person != NULL ? convene_person_get_name (person) : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (minutes > 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

static void
sector_changed_cb (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       data)
{
  Stranger *s = data;
  int sector = (int) g_variant_get_uint32 (value);

  if (sector > CONVENE_SECTOR_OTHER)
    return;
  g_simple_action_set_state (action, value);
  s->sector_value = sector;
  gtk_menu_button_set_label (s->sector, convene_enum_label (CONVENE_TYPE_SECTOR, sector));
}

/* A sector menu for one stranger, its action on @row: a menu like the
 * session chooser's, each sector named in full. */
static GtkMenuButton *
sector_chooser (GtkWidget *row,
                Stranger  *s)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("sector", G_VARIANT_TYPE_UINT32,
                                                                  g_variant_new_uint32 (CONVENE_SECTOR_OTHER));
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_menu_button_new ());

  g_signal_connect (action, "change-state", G_CALLBACK (sector_changed_cb), s);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (row, "row", G_ACTION_GROUP (group));
  for (int i = 0; i <= CONVENE_SECTOR_OTHER; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (convene_enum_label (CONVENE_TYPE_SECTOR, i), NULL);

      g_menu_item_set_action_and_target_value (item, "row.sector", g_variant_new_uint32 ((guint) i));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  s->sector_value = CONVENE_SECTOR_OTHER;
  gtk_menu_button_set_label (button, convene_enum_label (CONVENE_TYPE_SECTOR, CONVENE_SECTOR_OTHER));
  return button;
}

/* The names matched to no one: each can be added, with a sector and a
 * region, or left out (the default: a guest is not always a member). */
static void
add_strangers (GtkBox                  *box,
               Preview                 *p,
               ConveneAttendanceResult *result)
{
  g_autofree char *heading = g_strdup_printf (ngettext ("%u Name Not Matched", "%u Names Not Matched",
                                                        result->unmatched->len),
                                              result->unmatched->len);
  GtkWidget *list;

  add_heading (box, heading);
  if (result->unmatched->len == 0)
    return;
  list = new_list (box);
  for (guint i = 0; i < result->unmatched->len; i++)
    {
      ConveneUnmatchedParticipant *u = g_ptr_array_index (result->unmatched, i);
      Stranger *s = g_new0 (Stranger, 1);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *label = u->email != NULL ? g_strdup_printf ("%s <%s>", u->name, u->email)
                                                : g_strdup (u->name);
      g_autofree char *add_label = g_strdup_printf (_("Add %s as a new person"), u->name);

      s->name = g_strdup (u->name);
      s->email = g_strdup (u->email);
      s->add = GTK_CHECK_BUTTON (gtk_check_button_new ());
      {
        /* a long name and address wraps rather than widening the dialog */
        GtkWidget *text = gtk_label_new (label);

        gtk_label_set_wrap (GTK_LABEL (text), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_xalign (GTK_LABEL (text), 0);
        gtk_check_button_set_child (s->add, text);
      }
      gtk_accessible_update_property (GTK_ACCESSIBLE (s->add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
      s->sector = sector_chooser (row, s);
      gtk_accessible_update_property (GTK_ACCESSIBLE (s->sector), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sector"), -1);
      s->region = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_placeholder_text (s->region, _("Region"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (s->region), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Region"), -1);
      gtk_widget_set_hexpand (GTK_WIDGET (s->region), TRUE);
      /* the sector and region only mean something for a person added */
      g_object_bind_property (s->add, "active", s->sector, "sensitive", G_BINDING_SYNC_CREATE);
      g_object_bind_property (s->add, "active", s->region, "sensitive", G_BINDING_SYNC_CREATE);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (s->add));
      gtk_box_append (GTK_BOX (line), GTK_WIDGET (s->sector));
      gtk_box_append (GTK_BOX (line), GTK_WIDGET (s->region));
      gtk_widget_set_margin_start (line, 28);
      gtk_box_append (GTK_BOX (row), line);
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (p->strangers, s);
    }
}

static void
select_start (Preview *p,
              guint    index)
{
  g_autofree char *label = start_label (p->store, &g_array_index (p->starts, ConveneInsightsStart, index));
  GtkWidget *text = gtk_menu_button_get_child (p->session);

  p->selected = index;
  gtk_label_set_text (GTK_LABEL (text), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (p->session), label);
}

static void
session_changed_cb (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       data)
{
  Preview *p = data;
  guint index = g_variant_get_uint32 (value);

  if (index >= p->starts->len)
    return;
  g_simple_action_set_state (action, value);
  select_start (p, index);
}

/* The session chooser: a menu of the sessions, one radio item each (a
 * menu, not a drop-down, so that a long topic is read whole). */
static GtkWidget *
session_chooser (AdwDialog *dialog,
                 Preview   *p,
                 guint      selected)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = NULL;
  GtkWidget *label = gtk_label_new (NULL);

  selected = MIN (selected, p->starts->len - 1);
  action = g_simple_action_new_stateful ("session", G_VARIANT_TYPE_UINT32, g_variant_new_uint32 (selected));
  g_signal_connect (action, "change-state", G_CALLBACK (session_changed_cb), p);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (dialog), "report", G_ACTION_GROUP (group));
  for (guint i = 0; i < p->starts->len; i++)
    {
      g_autofree char *text = start_label (p->store, &g_array_index (p->starts, ConveneInsightsStart, i));
      g_autoptr(GMenuItem) item = g_menu_item_new (text, NULL);

      g_menu_item_set_action_and_target_value (item, "report.session", g_variant_new_uint32 (i));
      g_menu_append_item (menu, item);
    }
  p->session = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_menu_button_set_child (p->session, label);
  gtk_menu_button_set_menu_model (p->session, G_MENU_MODEL (menu));
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->session), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The session the report is of"), -1);
  select_start (p, selected);
  return GTK_WIDGET (p->session);
}

gboolean
convene_participants_dialog_import (AdwDialog  *dialog,
                                    GError    **error)
{
  Preview *p = get_preview (dialog);
  g_autoptr(GArray) additions = g_array_new (FALSE, TRUE, sizeof (ConveneNewParticipant));
  g_autofree char *message = NULL;
  ConveneAttendanceResult result;
  const ConveneInsightsStart *start;
  g_autoptr(GDateTime) occurrence = NULL;
  gsize length;
  const char *data;
  gboolean ok;

  g_return_val_if_fail (p != NULL, FALSE);
  start = &g_array_index (p->starts, ConveneInsightsStart, p->selected);
  data = g_bytes_get_data (p->contents, &length);
  if (!convene_attendance_import (p->store, start->session, p->name, data, length, TRUE, &result, error))
    {
      convene_attendance_result_clear (&result);
      return FALSE;
    }
  for (guint i = 0; i < p->strangers->len; i++)
    {
      Stranger *s = g_ptr_array_index (p->strangers, i);
      const char *region = gtk_editable_get_text (GTK_EDITABLE (s->region));
      ConveneNewParticipant n = { s->name, s->email, s->sector_value,
                                  *region != '\0' ? region : NULL };

      if (gtk_check_button_get_active (s->add))
        g_array_append_val (additions, n);
    }
  if (start->in_series)
    occurrence = g_date_time_new_from_unix_utc (start->occurrence);
  ok = convene_attendance_write (p->store, start->session, occurrence, result.people,
                                 (ConveneNewParticipant *) (gpointer) additions->data, additions->len, error);
  if (ok)
    {
      guint attended = result.people->len + additions->len;

      if (additions->len > 0)
        message = g_strdup_printf (ngettext ("%u person attended, %u added", "%u people attended, %u added",
                                             attended), attended, additions->len);
      else
        message = g_strdup_printf (ngettext ("%u person attended", "%u people attended", attended), attended);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "win.toast", "s", message);
    }
  convene_attendance_result_clear (&result);
  return ok;
}

static void
response_cb (AdwAlertDialog *dialog,
             const char     *response,
             gpointer        data)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "import") &&
      !convene_participants_dialog_import (ADW_DIALOG (dialog), &error))
    gtk_widget_activate_action (GTK_WIDGET (dialog), "win.show-error", "(ss)",
                                _("The Attendance Was Not Recorded"), error->message);
}

/* Long because it lays the dialog out from top to bottom: the counts, the
 * session, the people matched, the names not matched. */
AdwDialog *
convene_participants_dialog_new (ConveneStore *store,
                                 GArray       *starts,
                                 guint         selected,
                                 const char   *name,
                                 GBytes       *contents,
                                 GError      **error)
{
  ConveneAttendanceResult result;
  g_autoptr(GString) body = g_string_new (NULL);
  AdwDialog *dialog;
  GtkWidget *box, *scroller;
  Preview *p;
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (starts != NULL && starts->len > 0, NULL);

  if (!convene_attendance_import (store, g_array_index (starts, ConveneInsightsStart, MIN (selected, starts->len - 1)).session,
                                  name, data, length, TRUE, &result, error))
    {
      convene_attendance_result_clear (&result);
      return NULL;
    }
  p = g_new0 (Preview, 1);
  p->store = g_object_ref (store);
  p->name = g_strdup (name);
  p->contents = g_bytes_ref (contents);
  p->starts = g_array_ref (starts);
  p->strangers = g_ptr_array_new_with_free_func ((GDestroyNotify) stranger_free);

  g_string_append_printf (body, ngettext ("%u participant row read.", "%u participant rows read.", result.rows),
                          result.rows);
  for (guint i = 0; i < result.warnings->len; i++)
    g_string_append_printf (body, "\n• %s", (char *) g_ptr_array_index (result.warnings, i));
  dialog = adw_alert_dialog_new (_("Record the Attendance?"), body->str);
  g_object_set_data_full (G_OBJECT (dialog), "convene-preview", p, (GDestroyNotify) preview_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  add_heading (GTK_BOX (box), _("Session"));
  gtk_box_append (GTK_BOX (box), session_chooser (dialog, p, selected));
  /* the names that ask for a decision first */
  add_strangers (GTK_BOX (box), p, &result);
  add_matched (GTK_BOX (box), store, &result);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), scroller);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Record"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "import");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  convene_attendance_result_clear (&result);
  return dialog;
}

guint
convene_participants_dialog_get_n_sessions (AdwDialog *dialog)
{
  Preview *p = get_preview (dialog);

  g_return_val_if_fail (p != NULL, 0);
  return p->starts->len;
}

void
convene_participants_dialog_select_session (AdwDialog *dialog,
                                            guint      index)
{
  g_return_if_fail (get_preview (dialog) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "report.session", "u", index);
}

guint
convene_participants_dialog_get_n_unmatched (AdwDialog *dialog)
{
  Preview *p = get_preview (dialog);

  g_return_val_if_fail (p != NULL, 0);
  return p->strangers->len;
}

void
convene_participants_dialog_set_addition (AdwDialog  *dialog,
                                          guint       index,
                                          gboolean    add,
                                          int         sector,
                                          const char *region)
{
  Preview *p = get_preview (dialog);
  Stranger *s;

  g_return_if_fail (p != NULL && index < p->strangers->len);
  s = g_ptr_array_index (p->strangers, index);
  gtk_check_button_set_active (s->add, add);
  gtk_widget_activate_action (GTK_WIDGET (s->sector), "row.sector", "u", (guint) sector);
  gtk_editable_set_text (GTK_EDITABLE (s->region), region != NULL ? region : "");
}
