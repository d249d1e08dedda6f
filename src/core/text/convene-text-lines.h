/* convene-text-lines.h: a document's lines, classified, and their words
 * without Markdown or HTML.  Plans arrive as Markdown, as text pasted from a
 * word processor or as a web page saved as text; the importers read these
 * lines, and the Markdown export checks its own text with them. */
#pragma once

#include <glib.h>

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

/* The lines of @contents (ConveneLine, freed with the array). */
GPtrArray  *convene_text_lines_split   (const char         *contents);

/* @text without Markdown emphasis, HTML tags and entities. */
char       *convene_text_strip_markup  (const char         *text);
/* @text with every run of white space one space, trimmed. */
char       *convene_text_squeeze       (const char         *text);

/* @word in @lower (lower case) at a word boundary, from @from on; a word
 * ending in '*' matches as a prefix. */
const char *convene_text_find_word     (const char         *lower,
                                        const char         *from,
                                        const char         *word);
gboolean    convene_text_has_word      (const char         *lower,
                                        const char         *word);
gboolean    convene_text_has_any_word  (const char         *text,
                                        const char * const *words);

/* The cells of a table row ("| a | b |" or tab-separated). */
char      **convene_text_split_row     (const ConveneLine  *line);

G_END_DECLS
