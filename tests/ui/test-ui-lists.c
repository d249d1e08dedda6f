/* test-ui-lists.c: goals, people, resources and plans: add, edit, delete, Undo. */
#include "config.h"

#include "convene-ui-test.h"

#include <glib/gstdio.h>

#include "ui/editors/convene-editor-dialog.h"
#include "ui/import/convene-import-dialog.h"
#include "ui/schedule/convene-schedule-view.h"

typedef struct {
  char               *database;
  ConveneApplication *app;
  ConveneWindow      *window;
  ConveneStore       *store;
  gint64              plan_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->database = convene_ui_test_temp_db ();
  f->app = convene_ui_test_app_new (f->database);
  f->window = convene_ui_test_window (f->app);
  f->plan_id = convene_ui_test_import_seed (f->window);
  f->store = convene_window_get_store (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_ui_test_finish (f->app);
  g_unlink (f->database);
  g_free (f->database);
}

static guint
count (Fixture    *f,
       GType       type,
       const char *column)
{
  g_autoptr(GPtrArray) found = convene_store_query (f->store, type, column, f->plan_id, NULL);

  g_assert_nonnull (found);
  return found->len;
}

/* Opens the editor that @action opens, for the object @id (0 for a new one). */
static ConveneEditorDialog *
open_editor_for (Fixture    *f,
                 GtkWidget  *view,
                 const char *action,
                 gint64      id)
{
  ConveneEditorDialog *dialog;

  if (id != 0)
    gtk_widget_activate_action (view, action, "x", id);
  else
    gtk_widget_activate_action (view, action, NULL);
  convene_ui_test_wait (50);
  dialog = CONVENE_EDITOR_DIALOG (convene_ui_test_find (GTK_WIDGET (f->window),
                                                        CONVENE_TYPE_EDITOR_DIALOG, NULL, NULL));
  g_assert_nonnull (dialog);
  return dialog;
}

static ConveneEditorDialog *
open_editor (Fixture    *f,
             GtkWidget  *view,
             const char *action)
{
  return open_editor_for (f, view, action, 0);
}

static void
type_into (ConveneEditorDialog *dialog,
           const char          *property,
           const char          *text)
{
  GtkWidget *row = convene_editor_dialog_get_row (dialog, property);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
delete_and_undo (Fixture       *f,
                 ConveneEntity *entity,
                 GType          type,
                 const char    *column,
                 guint          before)
{
  const char *table = convene_entity_class_get_table (CONVENE_ENTITY_GET_CLASS (entity));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-entity", "(sx)", table,
                              convene_entity_get_id (entity));
  convene_ui_test_wait (50);
  g_assert_cmpuint (count (f, type, column), ==, before - 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  convene_ui_test_wait (50);
  g_assert_cmpuint (count (f, type, column), ==, before);
}

static void
test_goals (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *view = convene_window_get_view (f->window, "goals");
  guint goals = count (f, CONVENE_TYPE_GOAL, "plan");
  ConveneEditorDialog *dialog;
  g_autoptr(ConveneEntity) added = NULL;

  convene_window_show_section (f->window, "goals");
  dialog = open_editor (f, view, "goals.add-goal");
  /* A goal needs a title: Save waits for one. */
  g_assert_false (convene_editor_dialog_save (dialog));
  type_into (dialog, "title", "Reaching more local governments");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "goals-editor"));
  added = g_object_ref (convene_editor_dialog_get_entity (dialog));
  g_assert_true (convene_editor_dialog_save (dialog));
  convene_ui_test_wait (50);
  g_assert_cmpuint (count (f, CONVENE_TYPE_GOAL, "plan"), ==, goals + 1);
  g_assert_cmpint (convene_goal_get_position (CONVENE_GOAL (added)), ==, goals + 1);

  delete_and_undo (f, added, CONVENE_TYPE_GOAL, "plan", goals + 1);

  /* Editing opens the goal as it is and changes it in place. */
  dialog = open_editor_for (f, view, "goals.edit-goal", convene_entity_get_id (added));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (convene_editor_dialog_get_row (dialog, "title"))),
                   ==, "Reaching more local governments");
  type_into (dialog, "title", "Reaching more city governments");
  g_assert_true (convene_editor_dialog_save (dialog));
  convene_ui_test_wait (50);
  g_assert_cmpuint (count (f, CONVENE_TYPE_GOAL, "plan"), ==, goals + 1);
  {
    g_autoptr(ConveneGoal) edited = convene_store_load (f->store, CONVENE_TYPE_GOAL,
                                                        convene_entity_get_id (added), NULL);

    g_assert_cmpstr (convene_goal_get_title (edited), ==, "Reaching more city governments");
  }

  /* An action with a due date in a format Convene cannot read is refused. */
  dialog = open_editor (f, view, "goals.add-action");
  type_into (dialog, "title", "Write the end-of-year review");
  type_into (dialog, "due", "December");
  g_assert_true (gtk_widget_has_css_class (convene_editor_dialog_get_row (dialog, "due"), "error"));
  g_assert_false (convene_editor_dialog_save (dialog));
  type_into (dialog, "due", "2021-12");
  g_assert_true (convene_editor_dialog_save (dialog));
  convene_ui_test_wait (50);
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *view = convene_window_get_view (f->window, "people");
  g_autoptr(GPtrArray) before = convene_store_query (f->store, CONVENE_TYPE_PERSON, NULL, 0, NULL);
  g_autoptr(GPtrArray) sessions = convene_store_query (f->store, CONVENE_TYPE_SESSION, "plan",
                                                       f->plan_id, NULL);
  ConveneEditorDialog *dialog;
  g_autoptr(ConveneEntity) added = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GArray) attendance = NULL;
  gint64 session = convene_entity_get_id (g_ptr_array_index (sessions, 1));

  convene_window_show_section (f->window, "people");
  dialog = open_editor (f, view, "people.add");
  type_into (dialog, "name", "Ana");
  type_into (dialog, "timezone", "Mars/Olympus");
  g_assert_true (gtk_widget_has_css_class (convene_editor_dialog_get_row (dialog, "timezone"), "error"));
  g_assert_false (convene_editor_dialog_save (dialog));
  type_into (dialog, "timezone", "America/Bogota");
  type_into (dialog, "languages", "es, en");
  /* the email an import finds her by: checked as it is typed */
  type_into (dialog, "email", "ana at example.org");
  g_assert_true (gtk_widget_has_css_class (convene_editor_dialog_get_row (dialog, "email"), "error"));
  g_assert_false (convene_editor_dialog_save (dialog));
  type_into (dialog, "email", "ana@example.org");
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "people-editor-email"));
  added = g_object_ref (convene_editor_dialog_get_entity (dialog));
  g_assert_true (convene_editor_dialog_save (dialog));
  {
    g_autoptr(ConvenePerson) saved = convene_store_load (f->store, CONVENE_TYPE_PERSON,
                                                         convene_entity_get_id (added), NULL);

    g_assert_cmpstr (convene_person_get_email (saved), ==, "ana@example.org");
  }
  convene_ui_test_wait (50);
  after = convene_store_query (f->store, CONVENE_TYPE_PERSON, NULL, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "people-added"));

  /* Deleting a person takes their attendance; Undo brings both back. */
  g_assert_true (convene_store_set_attended (f->store, session, convene_entity_get_id (added), TRUE, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-entity", "(sx)", "people",
                              convene_entity_get_id (added));
  convene_ui_test_wait (50);
  attendance = convene_store_get_attendance (f->store, session, NULL);
  g_assert_cmpuint (attendance->len, ==, 0);
  g_clear_pointer (&attendance, g_array_unref);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  convene_ui_test_wait (50);
  attendance = convene_store_get_attendance (f->store, session, NULL);
  g_assert_cmpuint (attendance->len, ==, 1);
}

static void
test_resources (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *view = convene_window_get_view (f->window, "resources");
  guint resources = count (f, CONVENE_TYPE_RESOURCE, "plan");
  ConveneEditorDialog *dialog;
  g_autoptr(ConveneEntity) added = NULL;

  convene_window_show_section (f->window, "resources");
  dialog = open_editor (f, view, "resources.add");
  type_into (dialog, "title", "Open Data Charter principles");
  type_into (dialog, "url", "opendatacharter");
  g_assert_true (gtk_widget_has_css_class (convene_editor_dialog_get_row (dialog, "url"), "error"));
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "resources-editor-invalid"));
  g_assert_false (convene_editor_dialog_save (dialog));
  type_into (dialog, "url", "https://opendatacharter.net/principles/");
  type_into (dialog, "date", "2021-03-01");
  added = g_object_ref (convene_editor_dialog_get_entity (dialog));
  g_assert_true (convene_editor_dialog_save (dialog));
  convene_ui_test_wait (50);
  g_assert_cmpuint (count (f, CONVENE_TYPE_RESOURCE, "plan"), ==, resources + 1);

  delete_and_undo (f, added, CONVENE_TYPE_RESOURCE, "plan", resources + 1);
}

static void
test_plan_new_and_rename (Fixture       *f,
                          gconstpointer  data)
{
  AdwAlertDialog *dialog;
  g_autoptr(ConvenePlan) renamed = NULL;
  gint64 new_plan;

  /* New plan: a title is all it needs. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  convene_ui_test_wait (50);
  dialog = ADW_ALERT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window)));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog)), "Action Plan 2022");
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "save"));
  g_free (convene_ui_test_screenshot (GTK_WIDGET (f->window), "plan-new"));
  g_signal_emit_by_name (dialog, "response", "save");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  convene_ui_test_wait (50);
  new_plan = convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (f->window)));
  g_assert_cmpint (new_plan, !=, f->plan_id);
  g_assert_cmpstr (convene_plan_get_title (convene_window_get_plan (f->window)), ==, "Action Plan 2022");

  /* Rename it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rename-plan", NULL);
  convene_ui_test_wait (50);
  dialog = ADW_ALERT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window)));
  gtk_editable_set_text (GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog)), "Plan 2022 (draft)");
  g_signal_emit_by_name (dialog, "response", "save");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  convene_ui_test_wait (50);
  renamed = convene_store_load (f->store, CONVENE_TYPE_PLAN, new_plan, NULL);
  g_assert_cmpstr (convene_plan_get_title (renamed), ==, "Plan 2022 (draft)");
}

static void
test_plan_delete_and_undo (Fixture       *f,
                           gconstpointer  data)
{
  GtkStack *main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                   CONVENE_TYPE_WINDOW, "main_stack"));
  ConveneScheduleView *schedule = CONVENE_SCHEDULE_VIEW (convene_window_get_view (f->window, "schedule"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-plan", NULL);
  convene_ui_test_wait (50);
  g_assert_null (convene_window_get_plan (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "welcome");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  convene_ui_test_wait (50);
  g_assert_nonnull (convene_window_get_plan (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "main");
  g_assert_cmpuint (g_list_model_get_n_items (convene_schedule_view_get_model (schedule)), ==, 13);
}

static gboolean
has_plan (gpointer data)
{
  return convene_window_get_plan (data) != NULL;
}

/* A new database offers the sample plan, through the same preview. */
static void
test_import_sample (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  AdwDialog *dialog;

  g_assert_null (convene_window_get_plan (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-sample", NULL);
  convene_ui_test_wait (100);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (CONVENE_IS_IMPORT_DIALOG (dialog));
  /* Nothing is written before Import. */
  g_assert_true (convene_store_is_empty (convene_window_get_store (window)));
  for (guint i = 0; i < 100 && g_strcmp0 (convene_import_dialog_get_state (CONVENE_IMPORT_DIALOG (dialog)),
                                           "loading") == 0; i++)
    convene_ui_test_wait (50);
  g_assert_cmpstr (convene_import_dialog_get_state (CONVENE_IMPORT_DIALOG (dialog)), ==, "preview");
  g_assert_cmpuint (convene_import_dialog_get_n_warnings (CONVENE_IMPORT_DIALOG (dialog)), >=, 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  g_assert_true (convene_ui_test_wait_for (has_plan, window, CONVENE_UI_TEST_PATIENCE));
  g_assert_cmpstr (convene_plan_get_title (convene_window_get_plan (window)), ==, "Action Plan 2021");
  convene_ui_test_finish (app);
  g_unlink (database);
}

/* The window comes back on the plan and section it was closed on. */
static void
test_window_remembers (void)
{
  g_autofree char *database = convene_ui_test_temp_db ();
  ConveneApplication *app = convene_ui_test_app_new (database);
  ConveneWindow *window = convene_ui_test_window (app);
  g_autoptr(ConvenePlan) next_year = convene_plan_new ();
  gint64 seed_plan = convene_ui_test_import_seed (window);

  convene_plan_set_title (next_year, "Action Plan 2022");
  convene_plan_set_year (next_year, 2022);
  convene_plan_set_timezone (next_year, "Europe/London");
  g_assert_true (convene_store_add (convene_window_get_store (window), CONVENE_ENTITY (next_year), NULL));
  convene_ui_test_wait (50);
  /* A plan added elsewhere does not take the selection away. */
  g_assert_cmpint (convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (window))), ==, seed_plan);

  /* The newest plan comes first in the list; the one chosen last is the older. */
  convene_window_select_plan (window, convene_entity_get_id (CONVENE_ENTITY (next_year)));
  convene_window_select_plan (window, seed_plan);
  convene_window_show_section (window, "calendar");
  convene_ui_test_finish (app);

  app = convene_ui_test_app_new (database);
  window = convene_ui_test_window (app);
  g_assert_cmpint (convene_entity_get_id (CONVENE_ENTITY (convene_window_get_plan (window))), ==,
                   seed_plan);
  g_assert_cmpstr (convene_window_get_section (window), ==, "calendar");
  convene_window_show_section (window, "schedule");
  convene_ui_test_finish (app);
  g_unlink (database);
}

int
main (int   argc,
      char *argv[])
{
  convene_ui_test_init (&argc, &argv);

  g_test_add ("/ui/lists/goals", Fixture, NULL, fixture_set_up, test_goals, fixture_tear_down);
  g_test_add ("/ui/lists/people", Fixture, NULL, fixture_set_up, test_people, fixture_tear_down);
  g_test_add ("/ui/lists/resources", Fixture, NULL, fixture_set_up, test_resources, fixture_tear_down);
  g_test_add ("/ui/lists/plan-new-and-rename", Fixture, NULL,
              fixture_set_up, test_plan_new_and_rename, fixture_tear_down);
  g_test_add ("/ui/lists/plan-delete-and-undo", Fixture, NULL,
              fixture_set_up, test_plan_delete_and_undo, fixture_tear_down);
  g_test_add_func ("/ui/window/import-sample", test_import_sample);
  g_test_add_func ("/ui/window/remembers-plan-and-section", test_window_remembers);
  return g_test_run ();
}
