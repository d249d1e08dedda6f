/* convene-document-private.h: the parts of the document importer.
 *
 * The text room splits a document into classified lines and knows the
 * words of formats and languages (text/), the time room its months and
 * weekdays (time/convene-time-words.h); convene-document-words.c knows how
 * people name leads and groups; convene-schedule-table.c turns schedule tables into
 * sessions, and convene-session-time.c reads their days and times;
 * convene-announcement-import.c reads an email announcing meetings;
 * convene-document-dues.c reads deliverables and the days they are due;
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
  int time;   /* a time column beside the date column, or -1 */
} ConveneColumns;

/* A row the Markdown export writes under a series' row: one meeting of
 * that series as its exceptions leave it, read once the series' time is
 * known (convene-schedule-series.c). */
typedef struct {
  ConveneSession       *series;      /* the session of the row above, or NULL */
  guint                 line;
  char                 *row;         /* as written, for a warning */
  char                 *topic;
  char                 *lead;        /* or NULL */
  ConveneSessionStatus  status;
  char                 *when;        /* the date cell, its marker and lead taken out */
  char                 *moved_from;  /* the rule's day and time it was moved from, or NULL */
  gboolean              added;       /* a meeting the rule does not give */
  gboolean              taken_out;   /* a meeting of the rule that was taken out */
  GDate                 reference;   /* the first day of its month row */
} ConveneSeriesMeeting;

typedef struct {
  ConveneImportResult *result;
  GPtrArray           *lines;         /* ConveneLine */
  ConvenePlan         *plan;          /* owned by result */
  gint64               plan_id;
  int                  year;
  gboolean             year_guessed;  /* the text names none: this year */
  gboolean             spanish;       /* mostly Spanish: day-first dates, sessions in Spanish */
  gboolean             asia;          /* names Asia or China: "CST" is China Standard Time */
  ConveneColumns       columns;       /* of the last table: a headerless one continues it */
  gboolean             have_columns;
  GPtrArray           *zones;         /* char *: every zone the sessions name, in order */
  GPtrArray           *fixed_zones;   /* char *: the zone each dated session was fixed in */
  GPtrArray           *pending_times; /* times naming no zone, read once the plan's zone is known */
  const char          *default_zone;  /* theirs when the text names no zone or place (--zone), or NULL */
  GHashTable          *used_lines;    /* line numbers some reader took a time from */
  char                *section_title; /* of the heading the walk is under, or NULL */
  char                *pending_day;   /* a day without its time, waiting for the next line */
  guint                pending_day_line;
  ConveneSession      *open_series;   /* a series with no first day yet, borrowed */
  char                *open_series_when;
  guint                dated_sessions; /* made by convene-document-dates.c */
  char                *due_context;   /* "1. **May:**": the due of the items indented below it */
  guint                due_indent;
  ConveneSession      *last_row_session; /* made by the table's last row, borrowed, or NULL */
  GPtrArray           *series_meetings;  /* ConveneSeriesMeeting */
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

/* convene-schedule-series.c */
void                  _convene_series_meeting_free    (gpointer             data);
void                  _convene_schedule_series_settle (ConveneDocument     *doc);

/* convene-session-time.c */
gboolean              _convene_session_set_time       (ConveneDocument     *doc,
                                                       ConveneSession      *session,
                                                       const char          *text,
                                                       const GDate         *reference,
                                                       guint                line);
void                  _convene_plan_set_zones         (ConveneDocument     *doc);
ConveneTimeExprFlags  _convene_document_time_flags    (ConveneDocument     *doc);
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
gboolean              _convene_document_line_used     (ConveneDocument     *doc,
                                                       guint                line);
void                  _convene_document_dates_section (ConveneDocument     *doc,
                                                       const char          *title);
gboolean              _convene_document_dates_read    (ConveneDocument     *doc,
                                                       const ConveneLine   *line,
                                                       gboolean             in_schedule);
void                  _convene_document_dates_read_undated (ConveneDocument *doc);
gboolean              _convene_document_is_undated_item (ConveneDocument   *doc,
                                                         const ConveneLine *line);
void                  _convene_document_dates_warn_unused (ConveneDocument *doc);
gboolean              _convene_document_dates_or_announcement (ConveneDocument *doc,
                                                           guint            first_warning);

/* convene-document-dues.c */
gboolean              _convene_document_due_read      (ConveneDocument     *doc,
                                                       const char          *text,
                                                       char               **due);
gboolean              _convene_document_is_deadline   (const char          *text);
gboolean              _convene_document_split_label   (const ConveneLine   *line,
                                                       char               **label,
                                                       char               **rest);
gboolean              _convene_document_dues_item     (ConveneDocument     *doc,
                                                       const ConveneLine   *line,
                                                       char               **title,
                                                       char               **due);
guint                 _convene_document_dues_read_table (ConveneDocument   *doc,
                                                         guint              index);

/* convene-announcement-import.c */
gboolean              _convene_announcement_read      (ConveneDocument     *doc);

/* convene-document-import.c */
void                  _convene_document_warn_expr     (ConveneDocument     *doc,
                                                       guint                line,
                                                       ConveneTimeExpr     *expr);

G_END_DECLS
