/* convene-cli.h: what the commands of convene-cli share. */
#pragma once

#include <glib.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

/* Exit codes: what scripts can rely on. */
enum {
  CONVENE_CLI_OK = 0,
  CONVENE_CLI_BAD_INPUT = 1,
  CONVENE_CLI_USAGE = 2,
  CONVENE_CLI_CONFLICTS = 3,   /* a sync left conflicts waiting for a choice */
};

typedef struct {
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} ConveneCliCommand;

/* The --database given before or after the command, or the default. */
const char   *convene_cli_get_database_path (void);
gboolean      convene_cli_is_database_file  (const char     *path);
void          convene_cli_write             (const char     *text,
                                             gsize           length);
ConveneStore *convene_cli_open_store        (void);
int           convene_cli_parse             (GOptionContext *context,
                                             int            *argc,
                                             char         ***argv);
gboolean      convene_cli_parse_id          (const char     *text,
                                             gint64         *id);
gboolean      convene_cli_find_plan         (const char     *command,
                                             ConveneStore   *store,
                                             const char     *text,
                                             gint64         *plan);

/* The one table printer of every listing: cells in one buffer, written in
 * large blocks; columns two spaces apart, padded by characters. */
typedef struct _ConveneCliTable ConveneCliTable;

ConveneCliTable *convene_cli_table_new     (guint            n_columns);
void             convene_cli_table_free    (ConveneCliTable *self);
void             convene_cli_table_add     (ConveneCliTable *self,
                                            const char      *text,
                                            gssize           length);
void             convene_cli_table_add_int (ConveneCliTable *self,
                                            gint64           value);
char            *convene_cli_table_reserve (ConveneCliTable *self,
                                            gsize            max_length);
void             convene_cli_table_commit  (ConveneCliTable *self,
                                            gsize            length);
void             convene_cli_table_print   (ConveneCliTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneCliTable, convene_cli_table_free)


int convene_cli_list   (int argc, char **argv);
int convene_cli_export (int argc, char **argv);
int convene_cli_import (int argc, char **argv);
int convene_cli_check  (int argc, char **argv);
int convene_cli_when   (int argc, char **argv);
int convene_cli_announce (int argc, char **argv);
int convene_cli_subscribe (int argc, char **argv);
int convene_cli_subscriptions (int argc, char **argv);
int convene_cli_link (int argc, char **argv);
int convene_cli_insights (int argc, char **argv);
int convene_cli_planner  (int argc, char **argv);
int convene_cli_rotate   (int argc, char **argv);
int convene_cli_people   (int argc, char **argv);
int convene_cli_attendance (int argc, char **argv);
int convene_cli_report   (int argc, char **argv);
int convene_cli_account  (int argc, char **argv);
int convene_cli_sync     (int argc, char **argv);
int convene_cli_conflicts (int argc, char **argv);
int convene_cli_resolve  (int argc, char **argv);

G_END_DECLS
