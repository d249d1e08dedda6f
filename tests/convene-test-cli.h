/* convene-test-cli.h: convene-cli run as a script runs it, for the tests
 * that check what its user sees: its output, its messages, its exit status. */
#pragma once

#include <glib.h>
#include <stdarg.h>

G_BEGIN_DECLS

/* Runs $CONVENE_CLI --database @db @argv..., in English, with @env's
 * "NAME=VALUE" entries (NULL-terminated, or NULL) over the test's own
 * environment.  Asserts that it started and exited; returns its status. */
int convene_test_cli_run   (const char         *db,
                            const char * const *env,
                            char              **out,
                            char              **err,
                            const char * const *argv);
/* The same, with the arguments from @first to a NULL in @args. */
int convene_test_cli_run_va (const char         *db,
                             const char * const *env,
                             char              **out,
                             char              **err,
                             const char         *first,
                             va_list             args);

G_END_DECLS
