/* convene-document-private.h: the parts of the document importer.
 *
 * The text room splits a document into classified lines and knows the
 * words of formats and languages (text/), the time room its months and
 * weekdays (time/convene-time-words.h); convene-document-words.c knows how
 * people name leads and groups; convene-schedule-table.c turns schedule tables into
 * sessions, and convene-session-time.c reads their days and times;
 * convene-announcement-import.c reads an email announcing meetings;
 * convene-document-import.c drives them and builds the plan, its goals and
 * its actions.
 */
#pragma once

#include "import/convene-importer.h"
#include "text/convene-text-lines.h"
#include "text/convene-text-words.h"
#include "time/convene-time-expr.h"
#include "time/convene-time-words.h"

G_BEGIN_DECLS

typedef struct {
  int topic;  /* column index, or -1 */
  int month;
  int date;
  int lead;
} ConveneColumns;

typedef struct {
  ConveneImportResult *result;
  GPtrArray           *lines;         /* ConveneLine */
  ConvenePlan         *plan;          /* owned by result */
  gint64               plan_id;
  int                  year;
  gboolean             year_guessed;  /* the text names none: this year */
  gboolean             spanish;       /* mostly Spanish: day-first dates, sessions in Spanish */
  ConveneColumns       columns;       /* of the last table: a headerless one continues it */
  gboolean             have_columns;
  GPtrArray           *zones;         /* char *: every zone the sessions name, in order */
  GPtrArray           *fixed_zones;   /* char *: the zone each dated session was fixed in */
  GPtrArray           *pending_times; /* times naming no zone, read once the plan's zone is known */
  GHashTable          *used_lines;    /* line numbers some reader took a time from */
  char                *section_title; /* of the heading the walk is under, or NULL */
  char                *pending_day;   /* a day without its time, waiting for the next line */
  guint                pending_day_line;
  ConveneSession      *open_series;   /* a series with no first day yet, borrowed */
  char                *open_series_when;
  guint                dated_sessions; /* made by convene-document-dates.c */
} ConveneDocument;

/* convene-document-words.c */
char                 *_convene_text_find_group        (const char          *text);
char                 *_convene_lead_take_from_text    (char                *text);

/* convene-schedule-table.c */
guint                 _convene_schedule_read_table    (ConveneDocument     *doc,
                                                       guint                index,
                                                       gboolean             in_schedule);
ConveneSession       *_convene_schedule_add_session   (ConveneDocument     *doc,
                                                       const char          *topic);
void                  _convene_schedule_read_item     (ConveneDocument     *doc,
                                                       const ConveneLine   *line);

/* convene-session-time.c */
gboolean              _convene_session_set_time       (ConveneDocument     *doc,
                                                       ConveneSession      *session,
                                                       const char          *text,
                                                       const GDate         *reference,
                                                       guint                line);
void                  _convene_plan_set_zones         (ConveneDocument     *doc);
void                  _convene_session_times_settle   (ConveneDocument     *doc);
gboolean              _convene_text_names_meeting     (ConveneDocument     *doc,
                                                       const char          *text,
                                                       const GDate         *reference);
gboolean              _convene_split_topic_and_time   (ConveneDocument     *doc,
                                                       const char          *text,
                                                       const GDate         *reference,
                                                       char               **topic,
                                                       char               **when);

/* convene-document-dates.c */
void                  _convene_document_note_line     (ConveneDocument     *doc,
                                                       guint                line);
void                  _convene_document_dates_section (ConveneDocument     *doc,
                                                       const char          *title);
gboolean              _convene_document_dates_read    (ConveneDocument     *doc,
                                                       const ConveneLine   *line,
                                                       gboolean             in_schedule);
void                  _convene_document_dates_warn_unused (ConveneDocument *doc);
gboolean              _convene_document_dates_or_announcement (ConveneDocument *doc,
                                                           guint            first_warning);

/* convene-announcement-import.c */
gboolean              _convene_announcement_read      (ConveneDocument     *doc);

/* convene-document-import.c */
void                  _convene_document_warn_expr     (ConveneDocument     *doc,
                                                       guint                line,
                                                       ConveneTimeExpr     *expr);

G_END_DECLS
