/* convene-import.h: what an importer would create, and writing it.
 *
 * Every importer (JSON, action-plan documents, iCalendar...) fills a
 * ConveneImportResult without touching the database: that is the preview the
 * CLI's --dry-run prints and the UI's import dialog shows.  Objects in it
 * carry provisional ids, 1, 2, 3... per type, and refer to each other by those
 * ids (an action's goal, a session's plan, a resource's shared-by, an
 * attendance's person).  convene_import_result_write() then writes it in one
 * transaction, all or nothing.
 */
#pragma once

#include "store/convene-store.h"
#include "model/convene-plan.h"
#include "model/convene-goal.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "model/convene-person.h"
#include "model/convene-attendance.h"
#include "model/convene-resource.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_ON_EXISTING_FAIL,     /* a plan with the same title and group: refuse */
  CONVENE_ON_EXISTING_REPLACE,  /* delete the old plan, then write */
  CONVENE_ON_EXISTING_NEW,      /* keep both */
} ConveneOnExisting;

typedef struct {
  char  *file;     /* as given by the user */
  guint  line;     /* 1-based; 0 when the warning is about the whole file */
  char  *message;  /* a sentence a coordinator understands */
} ConveneImportWarning;

typedef struct _ConveneImportWriter ConveneImportWriter;

typedef struct {
  char      *file;
  GPtrArray *plans;       /* ConvenePlan */
  GPtrArray *goals;       /* ConveneGoal */
  GPtrArray *actions;     /* ConveneAction */
  GPtrArray *sessions;    /* ConveneSession */
  GPtrArray *people;      /* ConvenePerson */
  GPtrArray *attendance;  /* ConveneAttendance */
  GPtrArray *resources;   /* ConveneResource */
  GPtrArray *warnings;    /* ConveneImportWarning */
  gboolean   keep_ids;    /* a JSON export: keep its ids when the database is empty */
  guint      n_let_go;    /* sessions written while importing and no longer held here */
  GHashTable *let_go;     /* plan's provisional id → how many of those are its own */
  ConveneImportWriter *writer;  /* set while importing straight into a store */
} ConveneImportResult;

ConveneImportResult *convene_import_result_new       (const char          *file);
void                 convene_import_result_free      (ConveneImportResult *result);

/* Gives @entity the next provisional id of its type and appends it. */
void                 convene_import_result_take      (ConveneImportResult *result,
                                                      gpointer             entity);
void                 convene_import_result_warn      (ConveneImportResult *result,
                                                      guint                line,
                                                      const char          *format,
                                                      ...) G_GNUC_PRINTF (3, 4);
/* The person of that name in the result, added if missing (a lead, a speaker). */
ConvenePerson       *convene_import_result_ensure_person (ConveneImportResult *result,
                                                          const char          *name);
char                *convene_import_result_describe  (ConveneImportResult *result);

gboolean             convene_import_result_write     (ConveneImportResult *result,
                                                      ConveneStore        *store,
                                                      ConveneOnExisting    on_existing,
                                                      GError             **error);

/* Writing while importing, for files too large to hold: begin_write opens
 * the transaction; importers call flush between the parts they read, which
 * writes what was taken so far and lets go of most sessions (the first few
 * stay for the description); end_write writes the rest, deals with a plan
 * already in the database, and commits.  cancel_write rolls everything
 * back: a file is still imported whole or not at all. */
gboolean             convene_import_result_begin_write  (ConveneImportResult *result,
                                                         ConveneStore        *store,
                                                         ConveneOnExisting    on_existing,
                                                         GError             **error);
gboolean             convene_import_result_flush        (ConveneImportResult *result,
                                                         GError             **error);
gboolean             convene_import_result_end_write    (ConveneImportResult *result,
                                                         GError             **error);
void                 convene_import_result_cancel_write (ConveneImportResult *result);

/* How many objects of @type the import made, held or already let go. */
guint                convene_import_result_count     (ConveneImportResult *result,
                                                      GType                type);

/* Reads any supported file: JSON export, plan document, iCalendar. */
ConveneImportResult *convene_import_file             (const char          *path,
                                                      GError             **error);

/* Reads @path and writes what it holds into @store as it goes, in one
 * transaction: memory stays small whatever the size of an iCalendar file.
 * Returns: (transfer full): what was imported (warnings, the first sessions,
 *   the counts), or %NULL with @error set and nothing written */
ConveneImportResult *convene_import_file_into        (const char          *path,
                                                      ConveneStore        *store,
                                                      ConveneOnExisting    on_existing,
                                                      GError             **error);

#define CONVENE_IMPORT_ERROR (convene_import_error_quark ())

typedef enum {
  CONVENE_IMPORT_ERROR_READ,     /* the file cannot be read */
  CONVENE_IMPORT_ERROR_SYNTAX,   /* not valid JSON / iCalendar / text */
  CONVENE_IMPORT_ERROR_INVALID,  /* a wrong type, an unknown value, a dangling reference */
  CONVENE_IMPORT_ERROR_EMPTY,    /* nothing in it that Convene understands */
  CONVENE_IMPORT_ERROR_EXISTS,   /* the plan is already in the database */
} ConveneImportError;

GQuark               convene_import_error_quark      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneImportResult, convene_import_result_free)

G_END_DECLS
