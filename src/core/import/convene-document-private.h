/* convene-document-private.h: the parts of the document importer.
 *
 * convene-document-lines.c splits a document into classified lines, and
 * convene-document-words.c knows its vocabulary (formats, languages,
 * leads; months and weekdays are time/convene-time-words.h); convene-schedule-table.c turns schedule tables into
 * sessions, and convene-session-time.c reads their days and times;
 * convene-announcement-import.c reads an email announcing meetings;
 * convene-document-import.c drives them and builds the plan, its goals and
 * its actions.
 */
#pragma once

#include "import/convene-importer.h"
#include "time/convene-time-expr.h"
#include "time/convene-time-words.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_LINE_BLANK,
  CONVENE_LINE_HEADING,
  CONVENE_LINE_NUMBERED,
  CONVENE_LINE_BULLET,
  CONVENE_LINE_PIPE_ROW,
  CONVENE_LINE_PIPE_RULE,
  CONVENE_LINE_TAB_ROW,
  CONVENE_LINE_TEXT,
} ConveneLineKind;

typedef struct {
  ConveneLineKind  kind;
  guint            number;  /* 1-based, in the file */
  int              level;   /* of a heading: 1-6 for '#'s, 7 bold, 8 a bare line */
  char            *raw;     /* as written, without the end of line */
  guint            body;    /* where the content starts in raw, after a list marker */
  char            *text;    /* list marker, '#'s and markup taken away */
} ConveneLine;

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
  char                *last_zone;     /* of the previous dated row: the default for the next */
  GPtrArray           *zones;         /* char *: every zone the sessions name, in order */
  GPtrArray           *fixed_zones;   /* char *: the zone each dated session was fixed in */
} ConveneDocument;

/* convene-document-lines.c */
GPtrArray            *_convene_lines_split            (const char          *contents);
char                 *_convene_text_strip_markup      (const char          *text);
char                 *_convene_text_squeeze           (const char          *text);
const char           *_convene_text_find_word         (const char          *lower,
                                                       const char          *from,
                                                       const char          *word);
gboolean              _convene_text_has_word          (const char          *lower,
                                                       const char          *word);
gboolean              _convene_text_has_any_word      (const char          *text,
                                                       const char * const  *words);
char                **_convene_table_split_row        (const ConveneLine   *line);

/* convene-document-words.c */
gboolean              _convene_lines_look_spanish     (GPtrArray           *lines);
ConveneSessionFormat  _convene_format_from_text       (const char          *text,
                                                       ConveneSessionFormat fallback);
const char           *_convene_language_from_text     (const char          *text);
guint                 _convene_languages_count        (const char          *text);
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
gboolean              _convene_text_names_meeting     (ConveneDocument     *doc,
                                                       const char          *text,
                                                       const GDate         *reference);
gboolean              _convene_split_topic_and_time   (ConveneDocument     *doc,
                                                       const char          *text,
                                                       const GDate         *reference,
                                                       char               **topic,
                                                       char               **when);

/* convene-announcement-import.c */
gboolean              _convene_announcement_read      (ConveneDocument     *doc);

/* convene-document-import.c */
void                  _convene_document_warn_expr     (ConveneDocument     *doc,
                                                       guint                line,
                                                       ConveneTimeExpr     *expr);

G_END_DECLS
