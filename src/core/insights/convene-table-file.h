/* convene-table-file.h: the rows of a CSV or TSV file (a roster, a meeting
 * tool's participant report), with the line each row starts on, and the
 * folding that matches people's names however a file writes them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONVENE_INSIGHTS_ERROR (convene_insights_error_quark ())

typedef enum {
  CONVENE_INSIGHTS_ERROR_INVALID,   /* the file is not what it should be */
} ConveneInsightsError;

typedef struct {
  guint  line;     /* 1-based, where the row starts */
  GStrv  cells;    /* trimmed */
} ConveneTableRow;

GQuark     convene_insights_error_quark (void);
GPtrArray *convene_table_file_read      (const char  *name,
                                         const char  *contents,
                                         gsize        length,
                                         GError     **error);
GPtrArray *convene_table_file_read_vcards (const char  *name,
                                           const char  *contents,
                                           gsize        length,
                                           GError     **error);
int        convene_table_file_column    (const ConveneTableRow *header,
                                         const char * const    *names);
char      *convene_table_file_name_key  (const char  *name);

G_END_DECLS
