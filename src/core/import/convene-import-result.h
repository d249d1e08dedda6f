/* convene-import-result.h: what an importer would create.
 *
 * Every importer (JSON, action-plan documents, announcements, iCalendar)
 * fills a ConveneImportResult without touching the database: that is the
 * preview the CLI's --dry-run prints and the UI's import dialog shows.
 * Objects in it carry provisional ids, 1, 2, 3... per type, and refer to each
 * other by those ids (an action's goal, a session's plan, a resource's
 * shared-by, an attendance's person).  convene-import-writer.h writes it.
 */
#pragma once

#include "model/convene-plan.h"
#include "model/convene-goal.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "model/convene-person.h"
#include "model/convene-attendance.h"
#include "model/convene-resource.h"
#include "model/convene-session-exception.h"

G_BEGIN_DECLS

typedef struct {
  char  *file;     /* as given by the user */
  guint  line;     /* 1-based; 0 when the warning is about the whole file */
  char  *message;  /* a sentence a coordinator understands */
} ConveneImportWarning;

/* Set while the result is written as it is read: see convene-import-writer.h. */
typedef struct _ConveneImportWriter ConveneImportWriter;

typedef struct _ConveneImportResult ConveneImportResult;

struct _ConveneImportResult {
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
  GHashTable *people_by_name;  /* name → person, for ensure_person; people never change name */
  guint       people_indexed;  /* how much of @people is in it */
  ConveneImportWriter *writer;  /* set while importing straight into a store */
  /* Set by the writer with @writer: freeing the result rolls the write
   * back, and the result needs nothing else of the writer. */
  void (*cancel_write) (ConveneImportResult *result);
  GPtrArray *exceptions;  /* ConveneSessionException: one occurrence of a series */
  /* Some times named no zone in a text that names no place: they were read
   * in ConveneImportOptions.default_zone (UTC without one), which the
   * person importing may want to choose. */
  gboolean   uses_default_zone;
};

ConveneImportResult *convene_import_result_new       (const char          *file);
/* Frees @result; a write still open is rolled back. */
void                 convene_import_result_free      (ConveneImportResult *result);

/* Gives @entity the next provisional id of its type and appends it. */
void                 convene_import_result_take      (ConveneImportResult *result,
                                                      gpointer             entity);
void                 convene_import_result_warn      (ConveneImportResult *result,
                                                      guint                line,
                                                      const char          *format,
                                                      ...) G_GNUC_PRINTF (3, 4);
/* Puts the warnings in the order of their lines, keeping the order of
 * those on one line (for warnings given after the reading of the file). */
void                 convene_import_result_sort_warnings (ConveneImportResult *result);
/* The person of that name in the result, added if missing (a lead, a speaker). */
ConvenePerson       *convene_import_result_ensure_person (ConveneImportResult *result,
                                                          const char          *name);
char                *convene_import_result_describe  (ConveneImportResult *result);

/* How many objects of @type the import made, held or already let go. */
guint                convene_import_result_count     (ConveneImportResult *result,
                                                      GType                type);

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
