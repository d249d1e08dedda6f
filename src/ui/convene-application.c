/* convene-application.c: Convene's AdwApplication.
 *
 * It owns the database (the user's own, or the one --database names), the
 * settings, and the application-wide actions: about, quit.  Everything a
 * coordinator does with a plan lives in the window.
 */
#include "config.h"

#include "ui/convene-application.h"

#include <glib/gi18n.h>

#include "i18n/convene-language-names.h"
#include "ui/convene-window.h"

struct _ConveneApplication
{
  AdwApplication parent_instance;

  char         *database;
  ConveneStore *store;
  GError       *store_error;
  GSettings    *settings;
};

G_DEFINE_FINAL_TYPE (ConveneApplication, convene_application, ADW_TYPE_APPLICATION)

static int
convene_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  ConveneApplication *self = CONVENE_APPLICATION (app);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("convene %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    convene_application_set_database (self, database);

  return G_APPLICATION_CLASS (convene_application_parent_class)->handle_local_options (app, options);
}

#define WATCH_OTHERS_MS 1000

static void
open_store (ConveneApplication *self)
{
  g_autofree char *default_path = NULL;
  const char *path = self->database;

  if (self->store != NULL || self->store_error != NULL)
    return;
  if (path == NULL)
    path = default_path = convene_store_dup_default_path ();
  self->store = convene_store_new (path, &self->store_error);
  if (self->store == NULL)
    g_printerr ("%s\n", self->store_error->message);
  else
    /* convene-cli or a second window may write the file too: look for their
     * commits once a second, so the live lists follow them. */
    convene_store_watch_others (self->store, WATCH_OTHERS_MS);
}

GtkWindow *
convene_application_open_window (ConveneApplication *self)
{
  GtkWindow *window;

  g_return_val_if_fail (CONVENE_IS_APPLICATION (self), NULL);

  open_store (self);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (convene_window_new (self, self->store, self->store_error));
  gtk_window_present (window);
  return window;
}

static void
convene_application_activate (GApplication *app)
{
  convene_application_open_window (CONVENE_APPLICATION (app));
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  ConveneApplication *self = user_data;
  AdwDialog *dialog;
  const char *developers[] = { _("The Convene contributors"), NULL };

  dialog = adw_about_dialog_new ();
  g_object_set (dialog,
                "application-name", _("Convene"),
                "application-icon", APPLICATION_ID,
                "version", PACKAGE_VERSION,
                "comments", _("Plan a working group's year of meetings across time zones"),
                "developer-name", _("The Convene contributors"),
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                /* Translators: replace with your names, one per line */
                "translator-credits", _("translator-credits"),
                NULL);
  adw_dialog_present (dialog, GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing the windows first lets each one save its size and its edits. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "about", about_cb },
  { "quit", quit_cb },
};

static void
convene_application_startup (GApplication *app)
{
  ConveneApplication *self = CONVENE_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (convene_application_parent_class)->startup (app);
  convene_language_names_preload ();

  /* Run from the build directory the schema may not be installed: then the
   * window simply does not remember its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import",
                                         (const char *[]) { "<Control>i", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-session",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-plan",
                                         (const char *[]) { "<Control><Shift>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export::json",
                                         (const char *[]) { "<Control>e", NULL });
  for (guint i = 0; i < 6; i++)
    {
      static const char *sections[] = { "schedule", "calendar", "goals", "people", "resources",
                                        "insights" };
      g_autofree char *action = g_strdup_printf ("win.section::%s", sections[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), action,
                                             (const char *[]) { accel, NULL });
    }
}

static void
convene_application_shutdown (GApplication *app)
{
  ConveneApplication *self = CONVENE_APPLICATION (app);

  G_APPLICATION_CLASS (convene_application_parent_class)->shutdown (app);
  g_clear_object (&self->store);
}

static void
convene_application_finalize (GObject *object)
{
  ConveneApplication *self = CONVENE_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);
  g_free (self->database);

  G_OBJECT_CLASS (convene_application_parent_class)->finalize (object);
}

static void
convene_application_class_init (ConveneApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = convene_application_finalize;
  app_class->handle_local_options = convene_application_handle_local_options;
  app_class->startup = convene_application_startup;
  app_class->activate = convene_application_activate;
  app_class->shutdown = convene_application_shutdown;
}

static void
convene_application_init (ConveneApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database in FILE instead of your own"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan a working group's year of meetings."));
}

/**
 * convene_application_new:
 * @flags: %G_APPLICATION_DEFAULT_FLAGS, or %G_APPLICATION_NON_UNIQUE for tests
 *   that run side by side
 */
ConveneApplication *
convene_application_new (GApplicationFlags flags)
{
  return g_object_new (CONVENE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/convene/Convene",
                       NULL);
}

/* Which database to open; only before the window is shown. */
void
convene_application_set_database (ConveneApplication *self,
                                  const char         *path)
{
  g_return_if_fail (CONVENE_IS_APPLICATION (self));
  g_return_if_fail (self->store == NULL);

  g_free (self->database);
  self->database = g_strdup (path);
}

const char *
convene_application_get_database (ConveneApplication *self)
{
  g_return_val_if_fail (CONVENE_IS_APPLICATION (self), NULL);
  return self->store != NULL ? convene_store_get_path (self->store) : self->database;
}

ConveneStore *
convene_application_get_store (ConveneApplication *self)
{
  g_return_val_if_fail (CONVENE_IS_APPLICATION (self), NULL);
  open_store (self);
  return self->store;
}

/* Returns: (transfer none) (nullable): the settings, or %NULL without a schema */
GSettings *
convene_application_get_settings (ConveneApplication *self)
{
  g_return_val_if_fail (CONVENE_IS_APPLICATION (self), NULL);
  return self->settings;
}
