/* convene-ics-splitter.h: an iCalendar file, one component at a time.
 *
 * libical's own line parser builds the whole calendar before it returns,
 * which holds every event of a 100,000-event file in memory at once.  The
 * splitter walks the text instead and hands out each top-level component
 * (VEVENT, VTODO, VTIMEZONE...) as its own small block for
 * icalparser_parse_string(), and each property of the VCALENDAR itself as one
 * unfolded line.  It also owns the file's structure: BEGIN and END must pair
 * up, every line must be a content line, and the calendar must end.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CONVENE_ICS_PIECE_PROPERTY,   /* a property of the VCALENDAR, such as X-WR-CALNAME */
  CONVENE_ICS_PIECE_COMPONENT,  /* a whole top-level component, BEGIN to END */
} ConveneIcsPieceKind;

typedef struct {
  ConveneIcsPieceKind  kind;
  const char          *name;   /* "VEVENT", or the property's name, upper case */
  const char          *text;   /* NUL-terminated; valid until the next call */
  gsize                length;
  guint                line;   /* where it starts in the file, 1-based */
} ConveneIcsPiece;

typedef struct _ConveneIcsSplitter ConveneIcsSplitter;

ConveneIcsSplitter *convene_ics_splitter_new  (const char         *file,
                                               const char         *contents,
                                               gsize               length);
ConveneIcsSplitter *convene_ics_splitter_new_for_stream (const char   *file,
                                                         GInputStream *stream);
void                convene_ics_splitter_free (ConveneIcsSplitter *self);

/* Returns FALSE at the end of the file, or with @error set
 * (CONVENE_IMPORT_ERROR_SYNTAX, naming the file and the line). */
gboolean            convene_ics_splitter_next (ConveneIcsSplitter *self,
                                               ConveneIcsPiece    *piece,
                                               GError            **error);

/* The line of @block's first property called @name, counting from
 * @first_line, or 0 if it has none: warnings point at the property. */
guint               convene_ics_block_find_line (const char *block,
                                                 guint       first_line,
                                                 const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneIcsSplitter, convene_ics_splitter_free)

G_END_DECLS
