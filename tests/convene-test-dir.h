/* convene-test-dir.h: a folder of its own for each test, made under the
 * system's temporary folder and removed with what the test left in it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty folder named after @name ("convene-NAME-XXXXXX"). */
char *convene_test_dir_new    (const char *name);
/* Removes the files in @dir (tests make no subfolders), then @dir. */
void  convene_test_dir_remove (const char *dir);

G_END_DECLS
