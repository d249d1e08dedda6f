/* convene-cli.h: what the commands of convene-cli share. */
#pragma once

#include <glib.h>

#include "convene-store.h"

G_BEGIN_DECLS

/* Exit codes: what scripts can rely on. */
enum {
  CONVENE_CLI_OK = 0,
  CONVENE_CLI_BAD_INPUT = 1,
  CONVENE_CLI_USAGE = 2,
};

typedef struct {
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} ConveneCliCommand;

/* The --database given before or after the command, or the default. */
const char   *convene_cli_get_database_path (void);
ConveneStore *convene_cli_open_store        (void);
int           convene_cli_parse             (GOptionContext *context,
                                             int            *argc,
                                             char         ***argv);
void          convene_cli_print_table       (GPtrArray      *rows,
                                             guint           n_columns);
char         *convene_cli_format_local      (GDateTime      *instant,
                                             const char     *zone);
gboolean      convene_cli_parse_id          (const char     *text,
                                             gint64         *id);

int convene_cli_list   (int argc, char **argv);
int convene_cli_export (int argc, char **argv);
int convene_cli_import (int argc, char **argv);
int convene_cli_check  (int argc, char **argv);
int convene_cli_when   (int argc, char **argv);
int convene_cli_announce (int argc, char **argv);

G_END_DECLS
