/* convene-attendance-group.c: the session page's attendance.
 *
 * Every member of the group, with a check box; checking one writes it to
 * the store at once.  The group's description counts who came.  Opened
 * on one meeting of a series, it records who came to that meeting.
 */
#include "config.h"

#include "ui/session/convene-attendance-group.h"

#include <glib/gi18n.h>

#include "ui/convene-format.h"
#include "model/convene-person.h"

struct _ConveneAttendanceGroup
{
  AdwPreferencesGroup parent_instance;

  GtkListBox   *people_list;

  ConveneStore *store;
  gint64        session_id;
  GDateTime    *occurrence;  /* one meeting of a series, or NULL */
  GListModel   *people;
  GHashTable   *present;   /* person ids */
};

G_DEFINE_FINAL_TYPE (ConveneAttendanceGroup, convene_attendance_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (ConveneAttendanceGroup *self)
{
  guint total = self->people != NULL ? g_list_model_get_n_items (self->people) : 0;
  guint present = g_hash_table_size (self->present);
  g_autofree char *text = NULL;

  if (total == 0)
    text = g_strdup (_("Add people in the People section to record who attended"));
  else
    /* Translators: "3 of 12 people attended" */
    text = g_strdup_printf (ngettext ("%u of %u person attended", "%u of %u people attended", total),
                            present, total);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), text);
}

static void
on_toggled_cb (GtkCheckButton         *check,
               ConveneAttendanceGroup *self)
{
  gint64 person = *(gint64 *) g_object_get_data (G_OBJECT (check), "person");
  gboolean attended = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (!convene_store_set_occurrence_attended (self->store, self->session_id, self->occurrence,
                                              person, attended, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  if (attended)
    g_hash_table_add (self->present, g_memdup2 (&person, sizeof person));
  else
    g_hash_table_remove (self->present, &person);
  update_count (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  ConveneAttendanceGroup *self = user_data;
  ConvenePerson *person = item;
  gint64 id = convene_entity_get_id (CONVENE_ENTITY (person));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = g_markup_escape_text (convene_person_get_name (person), -1);
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, convene_enum_label (CONVENE_TYPE_SECTOR, convene_person_get_sector (person)));
  if (convene_person_get_region (person) != NULL)
    g_string_append_printf (text, " · %s", convene_person_get_region (person));
  subtitle = g_markup_escape_text (text->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->present, &id));
  g_object_set_data_full (G_OBJECT (check), "person", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_toggled_cb), self, 0);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  convene_person_get_name (person), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
read_present (ConveneAttendanceGroup *self)
{
  g_autoptr(GArray) present = convene_store_get_occurrence_attendance (self->store, self->session_id,
                                                                      self->occurrence, NULL);

  g_hash_table_remove_all (self->present);
  for (guint i = 0; present != NULL && i < present->len; i++)
    g_hash_table_add (self->present, g_memdup2 (&g_array_index (present, gint64, i), sizeof (gint64)));
}

/**
 * convene_attendance_group_set_occurrence:
 * @occurrence: (nullable): one meeting of the series, by its start as the
 *   rule gives it; %NULL for the session itself
 *
 * Shows and records who came to that meeting.
 */
void
convene_attendance_group_set_occurrence (ConveneAttendanceGroup *self,
                                         GDateTime              *occurrence)
{
  g_return_if_fail (CONVENE_IS_ATTENDANCE_GROUP (self));

  if (occurrence == self->occurrence ||
      (occurrence != NULL && self->occurrence != NULL && g_date_time_equal (occurrence, self->occurrence)))
    return;
  g_clear_pointer (&self->occurrence, g_date_time_unref);
  self->occurrence = occurrence != NULL ? g_date_time_ref (occurrence) : NULL;
  if (self->store == NULL)
    return;
  read_present (self);
  /* The rows read their check boxes from what is present. */
  if (self->people != NULL)
    gtk_list_box_bind_model (self->people_list, self->people, create_row_cb, self, NULL);
  update_count (self);
}

/**
 * convene_attendance_group_load:
 * @store: the store
 * @session_id: the session whose attendance to show and record
 */
void
convene_attendance_group_load (ConveneAttendanceGroup *self,
                               ConveneStore           *store,
                               gint64                  session_id)
{
  g_return_if_fail (CONVENE_IS_ATTENDANCE_GROUP (self));
  g_return_if_fail (CONVENE_IS_STORE (store));

  g_set_object (&self->store, store);
  self->session_id = session_id;
  read_present (self);

  if (self->people != NULL)
    g_signal_handlers_disconnect_by_data (self->people, self);
  g_clear_object (&self->people);
  self->people = convene_store_list (store, CONVENE_TYPE_PERSON, NULL, 0);
  gtk_list_box_bind_model (self->people_list, self->people, create_row_cb, self, NULL);
  g_signal_connect_object (self->people, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  update_count (self);
}

guint
convene_attendance_group_get_n_present (ConveneAttendanceGroup *self)
{
  g_return_val_if_fail (CONVENE_IS_ATTENDANCE_GROUP (self), 0);
  return g_hash_table_size (self->present);
}

static void
convene_attendance_group_dispose (GObject *object)
{
  ConveneAttendanceGroup *self = CONVENE_ATTENDANCE_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_ATTENDANCE_GROUP);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (convene_attendance_group_parent_class)->dispose (object);
}

static void
convene_attendance_group_finalize (GObject *object)
{
  ConveneAttendanceGroup *self = CONVENE_ATTENDANCE_GROUP (object);

  g_hash_table_unref (self->present);
  g_clear_pointer (&self->occurrence, g_date_time_unref);

  G_OBJECT_CLASS (convene_attendance_group_parent_class)->finalize (object);
}

static void
convene_attendance_group_class_init (ConveneAttendanceGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_attendance_group_dispose;
  object_class->finalize = convene_attendance_group_finalize;

  /**
   * ConveneAttendanceGroup::failed:
   * @message: why the change could not be written
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/session/convene-attendance-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneAttendanceGroup, people_list);
}

static void
convene_attendance_group_init (ConveneAttendanceGroup *self)
{
  self->present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
