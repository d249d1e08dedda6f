/* convene-editor-dialog.c: add or edit one object of the model.
 *
 * The dialog works on a copy; each row writes its property into the copy as
 * the user types and the whole copy is checked at once (each row by the
 * model's one validator, then the copy as the store will check it), so that
 * a wrong value is marked on its row, in the store's words, before Save is
 * pressed.  The rows come from a small table per type, written below.
 */
#include "config.h"

#include "ui/editors/convene-editor-dialog.h"

#include <glib/gi18n.h>

#include "ui/convene-format.h"
#include "model/convene-validate.h"
#include "ui/editors/convene-zone-chooser.h"

typedef enum {
  FIELD_TEXT,
  FIELD_INT,
  FIELD_ENUM,
  FIELD_LIST,     /* a string list written "a, b, c" */
  FIELD_REF,      /* the id of another object, chosen by name */
  FIELD_ZONE,
  FIELD_ZONES,
} FieldKind;

typedef struct {
  const char *property;
  const char *title;
  FieldKind   kind;
  int         min;
  int         max;
} EditorField;

struct _ConveneEditorDialog
{
  AdwDialog parent_instance;

  GtkWidget            *save_button;
  AdwBanner            *error_banner;
  AdwPreferencesGroup  *group;

  ConveneStore         *store;
  ConveneEntity        *entity;   /* the copy being edited */
  gboolean              is_new;
  GHashTable           *rows;     /* property → row */
  GHashTable           *ref_ids;  /* property → GArray of gint64, beside the combo's items */
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (ConveneEditorDialog, convene_editor_dialog, ADW_TYPE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Checking */

static char *
row_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Returns: (transfer full) (nullable): why the row's value is wrong, in the
 * words of the model's one validator, which the store also uses */
static char *
check_row (ConveneEditorDialog *self,
           const char          *property,
           GtkWidget           *row)
{
  const ConveneField *field =
    convene_entity_class_find_field (CONVENE_ENTITY_GET_CLASS (self->entity), property);
  g_autofree char *text = NULL;
  char *message = NULL;

  if (!ADW_IS_ENTRY_ROW (row) || field == NULL)
    return NULL;
  text = row_text (row);

  if (field->kind == CONVENE_FIELD_STRV)
    {
      g_auto(GStrv) items = convene_split_list (text);

      for (guint i = 0; items[i] != NULL; i++)
        if (!convene_field_validate (field, items[i], &message))
          return message;
      return NULL;
    }
  if (!convene_field_validate (field, *text != '\0' ? text : NULL, &message))
    return message;
  return NULL;
}

static gboolean
check_all (ConveneEditorDialog *self)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *first_error = NULL;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *error = check_row (self, key, value);

      if (error != NULL)
        {
          gtk_widget_add_css_class (value, "error");
          gtk_widget_set_tooltip_text (value, error);
          if (first_error == NULL)
            first_error = g_steal_pointer (&error);
        }
      else
        {
          gtk_widget_remove_css_class (value, "error");
          gtk_widget_set_tooltip_text (value, NULL);
        }
    }

  if (first_error == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!convene_store_validate (self->store, self->entity, &error))
        first_error = g_strdup (error->message);
    }

  adw_banner_set_title (self->error_banner, first_error != NULL ? first_error : "");
  adw_banner_set_revealed (self->error_banner, first_error != NULL);
  gtk_widget_set_sensitive (self->save_button, first_error == NULL);
  return first_error == NULL;
}

/* Rows → copy */

static void
apply_row (ConveneEditorDialog *self,
           const char          *property,
           GtkWidget           *row,
           FieldKind            kind)
{
  GObject *entity = G_OBJECT (self->entity);

  switch (kind)
    {
    case FIELD_TEXT:
    case FIELD_ZONE:
      {
        g_autofree char *text = row_text (row);

        g_object_set (entity, property, *text != '\0' ? text : NULL, NULL);
        break;
      }
    case FIELD_LIST:
    case FIELD_ZONES:
      {
        g_autofree char *text = row_text (row);
        g_auto(GStrv) items = convene_split_list (text);

        g_object_set (entity, property, items, NULL);
        break;
      }
    case FIELD_INT:
      g_object_set (entity, property, (int) adw_spin_row_get_value (ADW_SPIN_ROW (row)), NULL);
      break;
    case FIELD_ENUM:
      {
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), property);
        g_autoptr(GEnumClass) klass = g_type_class_ref (pspec->value_type);
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

        if (selected < klass->n_values)
          g_object_set (entity, property, klass->values[selected].value, NULL);
        break;
      }
    case FIELD_REF:
      {
        GArray *ids = g_hash_table_lookup (self->ref_ids, property);
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
        gint64 id = ids != NULL && selected < ids->len ? g_array_index (ids, gint64, selected) : 0;

        g_object_set (entity, property, id, NULL);
        break;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
on_row_changed_cb (GtkWidget           *row,
                   GParamSpec          *pspec,
                   ConveneEditorDialog *self)
{
  if (self->loading)
    return;
  apply_row (self, g_object_get_data (G_OBJECT (row), "property"), row,
             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind")));
  check_all (self);
}

static void
on_text_changed_cb (GtkEditable         *row,
                    ConveneEditorDialog *self)
{
  on_row_changed_cb (GTK_WIDGET (row), NULL, self);
}

/* Building the rows */

static void
on_zone_chosen_cb (ConveneZoneChooser *chooser,
                   const char         *zone,
                   GtkWidget          *row)
{
  if (g_object_get_data (G_OBJECT (row), "kind") == GINT_TO_POINTER (FIELD_ZONES))
    {
      g_autofree char *text = row_text (row);
      g_autofree char *joined = *text != '\0' ? g_strdup_printf ("%s, %s", text, zone)
                                              : g_strdup (zone);

      gtk_editable_set_text (GTK_EDITABLE (row), joined);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (row), zone);
}

static void
on_choose_zone_clicked_cb (GtkButton *button,
                           GtkWidget *row)
{
  AdwDialog *chooser = convene_zone_chooser_new ();

  g_signal_connect_object (chooser, "zone-chosen", G_CALLBACK (on_zone_chosen_cb), row, 0);
  adw_dialog_present (chooser, row);
}

static GtkWidget *
text_row (ConveneEditorDialog *self,
          const EditorField   *field)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = NULL;

  if (field->kind == FIELD_LIST || field->kind == FIELD_ZONES)
    {
      g_auto(GStrv) items = NULL;

      g_object_get (self->entity, field->property, &items, NULL);
      text = convene_join_strv ((const char * const *) items);
    }
  else
    g_object_get (self->entity, field->property, &text, NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect (row, "changed", G_CALLBACK (on_text_changed_cb), self);

  if (field->kind == FIELD_ZONE || field->kind == FIELD_ZONES)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("find-location-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Choose a Time Zone"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_choose_zone_clicked_cb), row);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
    }
  return row;
}

static GtkWidget *
int_row (ConveneEditorDialog *self,
         const EditorField   *field)
{
  GtkWidget *row = adw_spin_row_new_with_range (field->min, field->max, 1);
  int value = 0;

  g_object_get (self->entity, field->property, &value, NULL);
  adw_spin_row_set_value (ADW_SPIN_ROW (row), value);
  g_signal_connect (row, "notify::value", G_CALLBACK (on_row_changed_cb), self);
  return row;
}

static GtkWidget *
enum_row (ConveneEditorDialog *self,
          const EditorField   *field)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->entity),
                                                    field->property);
  g_autoptr(GListModel) labels = convene_enum_label_model (pspec->value_type);
  g_autoptr(GEnumClass) klass = g_type_class_ref (pspec->value_type);
  GtkWidget *row = adw_combo_row_new ();
  int value = 0;

  g_object_get (self->entity, field->property, &value, NULL);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), labels);
  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == value)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_row_changed_cb), self);
  return row;
}

/* The choices of a reference row: "None" and then @items by @label_property. */
static GtkWidget *
ref_row (ConveneEditorDialog *self,
         const EditorField   *field,
         GPtrArray           *items,
         const char          *label_property)
{
  GtkStringList *labels = gtk_string_list_new ((const char *[]) { _("None"), NULL });
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *row = adw_combo_row_new ();
  gint64 zero = 0, value = 0;

  g_object_get (self->entity, field->property, &value, NULL);
  g_array_append_val (ids, zero);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ConveneEntity *item = g_ptr_array_index (items, i);
      g_autofree char *label = NULL;
      gint64 id = convene_entity_get_id (item);

      g_object_get (item, label_property, &label, NULL);
      gtk_string_list_append (labels, label != NULL ? label : "");
      g_array_append_val (ids, id);
      if (id == value)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == value)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_hash_table_insert (self->ref_ids, (gpointer) field->property, ids);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_row_changed_cb), self);
  return row;
}

typedef struct {
  const char *property;
  GPtrArray  *items;
  const char *label_property;
} RefChoices;

static void
build (ConveneEditorDialog *self,
       const char          *title,
       const EditorField   *fields,
       guint                n_fields,
       const RefChoices    *refs,
       guint                n_refs)
{
  self->loading = TRUE;
  adw_dialog_set_title (ADW_DIALOG (self), title);
  gtk_button_set_label (GTK_BUTTON (self->save_button), self->is_new ? _("_Add") : _("_Save"));

  for (guint i = 0; i < n_fields; i++)
    {
      const EditorField *field = &fields[i];
      GtkWidget *row = NULL;

      switch (field->kind)
        {
        case FIELD_TEXT:
        case FIELD_LIST:
        case FIELD_ZONE:
        case FIELD_ZONES:
          row = text_row (self, field);
          break;
        case FIELD_INT:
          row = int_row (self, field);
          break;
        case FIELD_ENUM:
          row = enum_row (self, field);
          break;
        case FIELD_REF:
          for (guint r = 0; r < n_refs; r++)
            if (g_str_equal (refs[r].property, field->property))
              row = ref_row (self, field, refs[r].items, refs[r].label_property);
          break;
        default:
          g_assert_not_reached ();
        }
      if (row == NULL)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "property", (gpointer) field->property);
      g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (field->kind));
      g_hash_table_insert (self->rows, (gpointer) field->property, row);
      adw_preferences_group_add (self->group, row);
    }
  self->loading = FALSE;
  check_all (self);
}

/* Saving */

/**
 * convene_editor_dialog_save:
 *
 * Adds or updates the object, and closes the dialog if that worked.
 *
 * Returns: whether it was saved
 */
gboolean
convene_editor_dialog_save (ConveneEditorDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (CONVENE_IS_EDITOR_DIALOG (self), FALSE);

  if (!check_all (self))
    return FALSE;
  ok = self->is_new ? convene_store_add (self->store, self->entity, &error)
                    : convene_store_update (self->store, self->entity, &error);
  if (!ok)
    {
      adw_banner_set_title (self->error_banner, error->message);
      adw_banner_set_revealed (self->error_banner, TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, self->entity);
  adw_dialog_close (ADW_DIALOG (self));
  return TRUE;
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  convene_editor_dialog_save (CONVENE_EDITOR_DIALOG (widget));
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
convene_editor_dialog_dispose (GObject *object)
{
  ConveneEditorDialog *self = CONVENE_EDITOR_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_EDITOR_DIALOG);
  g_clear_object (&self->entity);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->ref_ids, g_hash_table_unref);

  G_OBJECT_CLASS (convene_editor_dialog_parent_class)->dispose (object);
}

static void
convene_editor_dialog_class_init (ConveneEditorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_editor_dialog_dispose;

  /**
   * ConveneEditorDialog::saved:
   * @entity: the object as stored, with its id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, CONVENE_TYPE_ENTITY);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/editors/convene-editor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneEditorDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneEditorDialog, error_banner);
  gtk_widget_class_bind_template_child (widget_class, ConveneEditorDialog, group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
convene_editor_dialog_init (ConveneEditorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->ref_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_array_unref);
}

static ConveneEditorDialog *
editor_new (ConveneStore  *store,
            ConveneEntity *entity,
            gboolean       is_new)
{
  ConveneEditorDialog *self = g_object_new (CONVENE_TYPE_EDITOR_DIALOG, NULL);

  self->store = g_object_ref (store);
  self->entity = is_new ? g_object_ref (entity) : convene_entity_copy (entity);
  self->is_new = is_new;
  return self;
}

/* One table of rows per type. */

static const EditorField plan_fields[] = {
  { "title", N_("_Title"), FIELD_TEXT },
  { "group", N_("_Group"), FIELD_TEXT },
  { "year", N_("_Year"), FIELD_INT, 1900, 2200 },
  { "summary", N_("S_ummary"), FIELD_TEXT },
  { "status", N_("_Status"), FIELD_ENUM },
  { "timezone", N_("_Home time zone"), FIELD_ZONE },
  { "extra-timezones", N_("_Other time zones shown"), FIELD_ZONES },
};

AdwDialog *
convene_editor_dialog_new_for_plan (ConveneStore *store,
                                    ConvenePlan  *plan)
{
  ConveneEditorDialog *self;

  g_return_val_if_fail (CONVENE_IS_PLAN (plan), NULL);

  self = editor_new (store, CONVENE_ENTITY (plan), FALSE);
  build (self, _("Plan Details"), plan_fields, G_N_ELEMENTS (plan_fields), NULL, 0);
  return ADW_DIALOG (self);
}

static const EditorField goal_fields[] = {
  { "position", N_("_Number"), FIELD_INT, 1, 999 },
  { "title", N_("_Title"), FIELD_TEXT },
  { "description", N_("_Description"), FIELD_TEXT },
};

/**
 * convene_editor_dialog_new_for_goal:
 * @goal: (nullable): the goal to edit, or %NULL to add one to @plan
 */
AdwDialog *
convene_editor_dialog_new_for_goal (ConveneStore *store,
                                    ConvenePlan  *plan,
                                    ConveneGoal  *goal)
{
  ConveneEditorDialog *self;

  if (goal == NULL)
    {
      g_autoptr(ConveneGoal) fresh = convene_goal_new ();
      g_autoptr(GPtrArray) goals = NULL;
      gint64 plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));
      int last = 0;

      goals = convene_store_query (store, CONVENE_TYPE_GOAL, "plan", plan_id, NULL);
      for (guint i = 0; goals != NULL && i < goals->len; i++)
        last = MAX (last, convene_goal_get_position (g_ptr_array_index (goals, i)));
      convene_goal_set_plan (fresh, plan_id);
      convene_goal_set_position (fresh, last + 1);
      self = editor_new (store, CONVENE_ENTITY (fresh), TRUE);
      build (self, _("New Goal"), goal_fields, G_N_ELEMENTS (goal_fields), NULL, 0);
    }
  else
    {
      self = editor_new (store, CONVENE_ENTITY (goal), FALSE);
      build (self, _("Edit Goal"), goal_fields, G_N_ELEMENTS (goal_fields), NULL, 0);
    }
  return ADW_DIALOG (self);
}

static const EditorField action_fields[] = {
  { "title", N_("_Title"), FIELD_TEXT },
  { "goal", N_("_Goal"), FIELD_REF },
  { "owners", N_("_Owners (comma-separated)"), FIELD_LIST },
  { "due", N_("_Due (2021, 2021-06 or 2021-06-30)"), FIELD_TEXT },
  { "status", N_("_Status"), FIELD_ENUM },
};

/**
 * convene_editor_dialog_new_for_action:
 * @action: (nullable): the action to edit, or %NULL to add one to @plan
 */
AdwDialog *
convene_editor_dialog_new_for_action (ConveneStore  *store,
                                      ConvenePlan   *plan,
                                      ConveneAction *action)
{
  ConveneEditorDialog *self;
  gint64 plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));
  g_autoptr(GPtrArray) goals = convene_store_query (store, CONVENE_TYPE_GOAL, "plan", plan_id, NULL);
  RefChoices refs[] = { { "goal", goals, "title" } };

  if (action == NULL)
    {
      g_autoptr(ConveneAction) fresh = convene_action_new ();

      convene_action_set_plan (fresh, plan_id);
      self = editor_new (store, CONVENE_ENTITY (fresh), TRUE);
      build (self, _("New Action"), action_fields, G_N_ELEMENTS (action_fields), refs, 1);
    }
  else
    {
      self = editor_new (store, CONVENE_ENTITY (action), FALSE);
      build (self, _("Edit Action"), action_fields, G_N_ELEMENTS (action_fields), refs, 1);
    }
  return ADW_DIALOG (self);
}

static const EditorField person_fields[] = {
  { "name", N_("_Name"), FIELD_TEXT },
  /* beside the name: the other thing an import knows a person by */
  { "email", N_("_Email"), FIELD_TEXT },
  { "organisation", N_("_Organisation"), FIELD_TEXT },
  { "sector", N_("_Sector"), FIELD_ENUM },
  { "country", N_("_Country"), FIELD_TEXT },
  { "region", N_("_Region"), FIELD_TEXT },
  { "timezone", N_("_Time zone"), FIELD_ZONE },
  { "languages", N_("_Languages (en, es, …)"), FIELD_LIST },
  { "role", N_("Ro_le"), FIELD_TEXT },
};

/**
 * convene_editor_dialog_new_for_person:
 * @person: (nullable): the person to edit, or %NULL to add one
 */
AdwDialog *
convene_editor_dialog_new_for_person (ConveneStore  *store,
                                      ConvenePerson *person)
{
  ConveneEditorDialog *self;

  if (person == NULL)
    {
      g_autoptr(ConvenePerson) fresh = convene_person_new ();

      convene_person_set_role (fresh, "member");
      self = editor_new (store, CONVENE_ENTITY (fresh), TRUE);
      build (self, _("New Person"), person_fields, G_N_ELEMENTS (person_fields), NULL, 0);
    }
  else
    {
      self = editor_new (store, CONVENE_ENTITY (person), FALSE);
      build (self, _("Edit Person"), person_fields, G_N_ELEMENTS (person_fields), NULL, 0);
    }
  return ADW_DIALOG (self);
}

static const EditorField resource_fields[] = {
  { "title", N_("_Title"), FIELD_TEXT },
  { "kind", N_("_Kind"), FIELD_ENUM },
  { "url", N_("_Address"), FIELD_TEXT },
  { "date", N_("_Date (2021-06-30)"), FIELD_TEXT },
  { "shared-by", N_("_Shared by"), FIELD_REF },
  { "session", N_("For _session"), FIELD_REF },
};

/**
 * convene_editor_dialog_new_for_resource:
 * @session_id: for a new resource, the session it belongs to, or 0
 * @resource: (nullable): the resource to edit, or %NULL to add one
 */
AdwDialog *
convene_editor_dialog_new_for_resource (ConveneStore    *store,
                                        ConvenePlan     *plan,
                                        gint64           session_id,
                                        ConveneResource *resource)
{
  ConveneEditorDialog *self;
  gint64 plan_id = convene_entity_get_id (CONVENE_ENTITY (plan));
  g_autoptr(GPtrArray) people = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, NULL);
  g_autoptr(GPtrArray) sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan",
                                                       plan_id, NULL);
  RefChoices refs[] = { { "shared-by", people, "name" }, { "session", sessions, "topic" } };

  if (resource == NULL)
    {
      g_autoptr(ConveneResource) fresh = convene_resource_new ();

      convene_resource_set_plan (fresh, plan_id);
      convene_resource_set_session (fresh, session_id);
      convene_resource_set_kind (fresh, CONVENE_RESOURCE_KIND_RESOURCE);
      self = editor_new (store, CONVENE_ENTITY (fresh), TRUE);
      build (self, _("New Resource"), resource_fields, G_N_ELEMENTS (resource_fields), refs, 2);
    }
  else
    {
      self = editor_new (store, CONVENE_ENTITY (resource), FALSE);
      build (self, _("Edit Resource"), resource_fields, G_N_ELEMENTS (resource_fields), refs, 2);
    }
  return ADW_DIALOG (self);
}

/* Returns: (transfer none): the copy being edited */
ConveneEntity *
convene_editor_dialog_get_entity (ConveneEditorDialog *self)
{
  g_return_val_if_fail (CONVENE_IS_EDITOR_DIALOG (self), NULL);
  return self->entity;
}

/* Returns: (transfer none) (nullable): the row editing @property */
GtkWidget *
convene_editor_dialog_get_row (ConveneEditorDialog *self,
                               const char          *property)
{
  g_return_val_if_fail (CONVENE_IS_EDITOR_DIALOG (self), NULL);
  return g_hash_table_lookup (self->rows, property);
}
