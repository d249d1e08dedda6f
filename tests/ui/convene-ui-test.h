/* convene-ui-test.h: starting Convene on a temporary database in a test,
 * waiting for it, importing the seed plan and taking screenshots. */
#pragma once

#include "ui/convene-application.h"
#include "import/convene-import.h"
#include "ui/convene-window.h"

G_BEGIN_DECLS

/* The zone the tests pretend the user lives in, and the day they pretend it is. */
#define CONVENE_UI_TEST_TZ  "America/Mexico_City"
#define CONVENE_UI_TEST_NOW "2021-02-10T12:00:00Z"

/* How long a test waits for something that must happen before it fails.
 * The wait ends as soon as it happens, so this costs nothing when all is
 * well; it is long because under the sanitizers on a busy machine one frame
 * of an animation (a dialog closing, a list reloading) can take seconds. */
#define CONVENE_UI_TEST_PATIENCE 60000

void                convene_ui_test_init       (int           *argc,
                                                char        ***argv);
char               *convene_ui_test_temp_db    (void);
ConveneApplication *convene_ui_test_app_new    (const char    *database);
ConveneWindow      *convene_ui_test_window     (ConveneApplication *app);
void                convene_ui_test_finish     (ConveneApplication *app);
void                convene_ui_test_wait       (guint          ms);
gboolean            convene_ui_test_wait_for   (gboolean     (*done) (gpointer data),
                                                gpointer       data,
                                                guint          timeout_ms);
gint64              convene_ui_test_import_seed (ConveneWindow *window);
gboolean            convene_ui_test_import_file (ConveneWindow *window,
                                                 const char    *path);
void                convene_ui_test_resize     (GtkWindow     *window,
                                                int            width,
                                                int            height);
char               *convene_ui_test_screenshot (GtkWidget     *window,
                                                const char    *name);
GtkWidget          *convene_ui_test_find       (GtkWidget     *root,
                                                GType          type,
                                                gboolean     (*match) (GtkWidget *widget,
                                                                       gpointer   data),
                                                gpointer       data);

G_END_DECLS
