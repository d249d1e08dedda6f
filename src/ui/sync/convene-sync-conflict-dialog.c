/* convene-sync-conflict-dialog.c: a conflict's two versions side by side.
 *
 * Each field iCalendar carries is a row: its name, this computer's value,
 * the server's; the rows that differ are marked, so the choice is made on
 * what changed.  A side deleted says so.  The choice is core's
 * convene_sync_resolve(), as `convene-cli resolve` makes it; the next sync
 * tells the server.  Nothing is written until a button is pressed.
 */
#include "config.h"

#include "ui/sync/convene-sync-conflict-dialog.h"

#include <glib/gi18n.h>

#include "store/convene-sync-rows.h"
#include "sync/convene-sync.h"

struct _ConveneSyncConflictDialog
{
  AdwDialog     parent_instance;

  GtkGrid      *grid;
  GtkLabel     *error_label;
  GtkWidget    *keep_mine_button;
  GtkWidget    *keep_theirs_button;
  GtkWidget    *keep_both_button;

  ConveneStore *store;
  gint64        conflict_id;
};

G_DEFINE_FINAL_TYPE (ConveneSyncConflictDialog, convene_sync_conflict_dialog, ADW_TYPE_DIALOG)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
cell (const char *text,
      gboolean    dim,
      gboolean    changed)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  if (changed)
    gtk_widget_add_css_class (label, "conflict-changed");
  return label;
}

static const char *
field_value (GPtrArray *fields,
             guint      i)
{
  return fields != NULL && i < fields->len ? ((ConveneSyncField *) g_ptr_array_index (fields, i))->value
                                           : NULL;
}

/* One row a field; a side deleted or unreadable is one row that says so. */
static void
fill_grid (ConveneSyncConflictDialog *self,
           ConveneSyncConflict       *conflict)
{
  g_autoptr(GPtrArray) mine = convene_sync_item_fields (conflict->local);
  g_autoptr(GPtrArray) theirs = convene_sync_item_fields (conflict->remote);
  GPtrArray *names = mine != NULL ? mine : theirs;
  int row = 1;

  if (mine == NULL || theirs == NULL)
    {
      gtk_grid_attach (self->grid, cell (_("Event"), TRUE, FALSE), 0, row, 1, 1);
      gtk_grid_attach (self->grid, cell (mine != NULL ? _("Kept") : _("Deleted"), FALSE, mine == NULL),
                       1, row, 1, 1);
      gtk_grid_attach (self->grid, cell (theirs != NULL ? _("Kept") : _("Deleted"), FALSE, theirs == NULL),
                       2, row, 1, 1);
      row++;
    }
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const char *a = field_value (mine, i);
      const char *b = field_value (theirs, i);
      gboolean differ = mine != NULL && theirs != NULL && g_strcmp0 (a, b) != 0;

      /* A field neither side has is no part of the choice. */
      if (a == NULL && b == NULL)
        continue;
      gtk_grid_attach (self->grid, cell (((ConveneSyncField *) g_ptr_array_index (names, i))->label, TRUE, FALSE),
                       0, row, 1, 1);
      gtk_grid_attach (self->grid, cell (mine == NULL ? "" : a != NULL ? a : "—", FALSE, differ), 1, row, 1, 1);
      gtk_grid_attach (self->grid, cell (theirs == NULL ? "" : b != NULL ? b : "—", FALSE, differ), 2, row, 1, 1);
      row++;
    }
}

static void
keep_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConveneSyncConflictDialog *self = CONVENE_SYNC_CONFLICT_DIALOG (widget);
  const char *which = g_variant_get_string (parameter, NULL);
  ConveneSyncKeep keep = g_str_equal (which, "local") ? CONVENE_SYNC_KEEP_LOCAL
                       : g_str_equal (which, "remote") ? CONVENE_SYNC_KEEP_REMOTE
                       : CONVENE_SYNC_KEEP_BOTH;
  g_autoptr(GError) error = NULL;
  const char *message;

  if (!convene_sync_resolve (self->store, self->conflict_id, keep, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  message = keep == CONVENE_SYNC_KEEP_LOCAL ? _("This computer’s version is kept; the next sync sends it")
          : keep == CONVENE_SYNC_KEEP_REMOTE ? _("The server’s version is kept")
          : _("Both versions are kept; the next sync sends this computer’s as a new event");
  gtk_widget_activate_action (widget, "win.toast", "s", message);
  g_signal_emit (self, signals[RESOLVED], 0);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
convene_sync_conflict_dialog_dispose (GObject *object)
{
  ConveneSyncConflictDialog *self = CONVENE_SYNC_CONFLICT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_SYNC_CONFLICT_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (convene_sync_conflict_dialog_parent_class)->dispose (object);
}

static void
convene_sync_conflict_dialog_class_init (ConveneSyncConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_sync_conflict_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/sync/convene-sync-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncConflictDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncConflictDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncConflictDialog, keep_mine_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncConflictDialog, keep_theirs_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneSyncConflictDialog, keep_both_button);
  gtk_widget_class_install_action (widget_class, "conflict.keep", "s", keep_cb);

  /* The choice is made and stored. */
  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
convene_sync_conflict_dialog_init (ConveneSyncConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwDialog *
convene_sync_conflict_dialog_new (ConveneStore *store,
                                  gint64        conflict_id)
{
  ConveneSyncConflictDialog *self;
  g_autoptr(ConveneSyncConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  self = g_object_new (CONVENE_TYPE_SYNC_CONFLICT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->conflict_id = conflict_id;
  conflict = convene_store_get_sync_conflict (store, conflict_id, &error);
  if (conflict == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.keep", FALSE);
    }
  else
    fill_grid (self, conflict);
  return ADW_DIALOG (self);
}
