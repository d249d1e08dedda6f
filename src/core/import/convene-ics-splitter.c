/* convene-ics-splitter.c: an iCalendar file, one component at a time.
 *
 * Only the file's structure is checked here; what a component means is the
 * importer's business, through libical.  The text of a component is copied
 * raw (folds and all) into one reused buffer, so memory stays the size of the
 * largest component, whatever the size of the file.
 */
#include "config.h"

#include "import/convene-ics-splitter.h"
#include "import/convene-import-result.h"

#include <glib/gi18n.h>
#include <string.h>

/* Deeper than any calendar a program writes (VCALENDAR > VEVENT > VALARM):
 * a bound keeps hostile files from costing libical's recursion dearly. */
#define MAX_DEPTH 8

/* What is read from a stream at a time; a longer line grows the buffer. */
#define CHUNK_SIZE (64 * 1024)

/* The longest line or component taken from a stream: far above what any
 * calendar holds (a long description is a few KiB), and a bound on the
 * memory an endless line (/dev/zero behind a BEGIN:VCALENDAR) can take. */
#define MAX_PIECE_SIZE (64 * 1024 * 1024)

struct _ConveneIcsSplitter
{
  char         *file;
  const char   *pos;
  const char   *end;
  GInputStream *stream;       /* NULL when the whole text was given */
  GByteArray   *buffer;       /* what was read from the stream and not yet used */
  gboolean      at_eof;
  gboolean      failed;       /* a read error, or a line that is not UTF-8 */
  guint       next_line;      /* number of the physical line at pos */
  gboolean    in_calendar;
  gboolean    seen_calendar;
  GPtrArray  *stack;          /* names of the open components, outermost first */
  guint       block_line;
  GString    *block;
  GString    *unfolded;
  GString    *name;
};

typedef struct {
  const char *start;
  const char *end;            /* after the last line terminator */
  guint       line;
} LogicalLine;

ConveneIcsSplitter *
convene_ics_splitter_new (const char *file,
                          const char *contents,
                          gsize       length)
{
  ConveneIcsSplitter *self = g_new0 (ConveneIcsSplitter, 1);

  self->file = g_strdup (file);
  self->pos = contents;
  self->end = contents + length;
  self->next_line = 1;
  self->stack = g_ptr_array_new_with_free_func (g_free);
  self->block = g_string_sized_new (1024);
  self->unfolded = g_string_sized_new (128);
  self->name = g_string_sized_new (16);

  /* A UTF-8 byte order mark, as some exporters write. */
  if (length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    self->pos += 3;

  return self;
}

/**
 * convene_ics_splitter_new_for_stream:
 * @stream: the file, read a chunk at a time as the components are taken
 *
 * Memory stays the size of one chunk and the largest component, whatever
 * the size of the file.  Each line is checked to be UTF-8 as it is read.
 */
ConveneIcsSplitter *
convene_ics_splitter_new_for_stream (const char   *file,
                                     GInputStream *stream)
{
  ConveneIcsSplitter *self = convene_ics_splitter_new (file, "", 0);

  self->stream = g_object_ref (stream);
  self->buffer = g_byte_array_sized_new (CHUNK_SIZE);
  self->pos = self->end = (const char *) self->buffer->data;
  return self;
}

void
convene_ics_splitter_free (ConveneIcsSplitter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  if (self->buffer != NULL)
    g_byte_array_unref (self->buffer);
  g_free (self->file);
  g_ptr_array_unref (self->stack);
  g_string_free (self->block, TRUE);
  g_string_free (self->unfolded, TRUE);
  g_string_free (self->name, TRUE);
  g_free (self);
}

static gboolean
syntax_error (ConveneIcsSplitter  *self,
              GError             **error,
              guint                line,
              const char          *message)
{
  g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
               "%s:%u: %s", self->file, line, message);
  return FALSE;
}

typedef enum {
  MORE_READ,
  MORE_AT_END,
  MORE_FAILED,
} More;

/* Reads the next chunk of the stream behind what is left unread, keeping
 * the text from @keep on (which moves with it). */
static More
read_more (ConveneIcsSplitter  *self,
           const char         **keep,
           GError             **error)
{
  gsize left = self->end - *keep;
  g_autoptr(GError) local_error = NULL;
  gsize chunk;
  gssize n;

  if (self->stream == NULL || self->at_eof)
    return MORE_AT_END;
  if (left > MAX_PIECE_SIZE)
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
                   /* Translators: a file name and a line number, then a size in MiB */
                   _("%s:%u: this line is longer than %d MiB; no calendar holds lines that long"),
                   self->file, self->next_line, MAX_PIECE_SIZE >> 20);
      return MORE_FAILED;
    }

  /* What was used is dropped; the line being read moves to the front.  A
   * long line reads as much again as it holds, so that it is moved a
   * logarithmic number of times, not once a chunk. */
  memmove (self->buffer->data, *keep, left);
  chunk = MAX (CHUNK_SIZE, left);
  g_byte_array_set_size (self->buffer, left + chunk);
  n = g_input_stream_read (self->stream, self->buffer->data + left, chunk, NULL, &local_error);
  g_byte_array_set_size (self->buffer, left + MAX (n, 0));
  *keep = self->pos = (const char *) self->buffer->data;
  self->end = *keep + self->buffer->len;
  if (n < 0)
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_READ,
                   _("%s: could not be read: %s"), self->file, local_error->message);
      return MORE_FAILED;
    }
  if (n == 0)
    {
      self->at_eof = TRUE;
      return MORE_AT_END;
    }
  return MORE_READ;
}

/* One content line with its folded continuations (lines that begin with a
 * space or a tab).  Returns FALSE at the end of the file, or with @error set
 * (and self->failed) when the file cannot be read or a line is not UTF-8. */
static gboolean
read_logical_line (ConveneIcsSplitter  *self,
                   LogicalLine         *ll,
                   GError             **error)
{
  const char *start = self->pos;
  guint line = self->next_line;
  gsize done = 0;
  gsize scanned = 0;  /* looked at for a '\n' already: a long line is scanned once */
  More more;

  while (self->pos >= self->end)
    if ((more = read_more (self, &start, error)) != MORE_READ)
      {
        self->failed = more == MORE_FAILED;
        return FALSE;
      }
  if (self->stream != NULL && self->next_line == 1 && self->end - start >= 3 &&
      memcmp (start, "\xEF\xBB\xBF", 3) == 0)
    start += 3;

  for (;;)
    {
      const char *p = start + MAX (done, scanned);
      const char *nl = memchr (p, '\n', self->end - p);

      if (nl == NULL)
        {
          /* The line goes on in the next chunk, or ends the file. */
          scanned = self->end - start;
          more = read_more (self, &start, error);
          if (more == MORE_READ)
            continue;
          if (more == MORE_FAILED)
            {
              self->failed = TRUE;
              return FALSE;
            }
          done = self->end - start;
        }
      else
        done = nl + 1 - start;
      self->next_line++;

      /* A line that begins with a space or a tab continues this one. */
      if (start + done >= self->end)
        {
          more = read_more (self, &start, error);
          if (more == MORE_FAILED)
            {
              self->failed = TRUE;
              return FALSE;
            }
        }
      if (start + done >= self->end || (start[done] != ' ' && start[done] != '\t'))
        break;
    }

  ll->start = start;
  ll->end = start + done;
  ll->line = line;
  self->pos = ll->end;
  if (self->stream != NULL && !g_utf8_validate_len (ll->start, done, NULL))
    {
      const char *nul = memchr (ll->start, '\0', done);
      guint nul_line = ll->line;
      g_autofree char *message = NULL;

      self->failed = TRUE;
      if (nul == NULL)
        return syntax_error (self, error, ll->line, _("This line is not UTF-8 text."));
      /* A folded line spans lines: name the one the byte is on. */
      for (const char *q = ll->start; (q = memchr (q, '\n', nul - q)) != NULL; q++)
        nul_line++;
      message = g_strdup_printf (_("The file contains a NUL byte at line %u: it is not a text file."), nul_line);
      return syntax_error (self, error, nul_line, message);
    }
  return TRUE;
}

static gboolean
line_is_blank (const LogicalLine *ll)
{
  for (const char *p = ll->start; p < ll->end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* A content line starts with a name of letters, digits and '-', then its
 * parameters after ';', then ':' and the value. */
static gboolean
line_is_content (const LogicalLine *ll)
{
  const char *p = ll->start;

  while (p < ll->end && (g_ascii_isalnum (*p) || *p == '-'))
    p++;
  if (p == ll->start || p >= ll->end)
    return FALSE;
  if (*p == ':')
    return TRUE;
  if (*p == ';')
    return memchr (p, ':', ll->end - p) != NULL;
  /* The name itself was folded: rare, and libical copes. */
  return *p == '\r' || *p == '\n';
}

static void
unfold (const LogicalLine *ll,
        GString           *out)
{
  const char *p = ll->start;

  g_string_truncate (out, 0);
  while (p < ll->end)
    {
      const char *nl = memchr (p, '\n', ll->end - p);
      const char *stop = nl != NULL ? nl : ll->end;

      if (p != ll->start)
        p++;  /* the space or tab that marks a fold */
      if (stop > p && stop[-1] == '\r')
        g_string_append_len (out, p, stop - p - 1);
      else if (stop > p)
        g_string_append_len (out, p, stop - p);
      p = nl != NULL ? nl + 1 : ll->end;
    }
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
}

/* If @ll is "BEGIN:X" or "END:X" (as @keyword says), puts X in upper case in
 * self->name. */
static gboolean
line_is_keyword (ConveneIcsSplitter *self,
                 const LogicalLine  *ll,
                 const char         *keyword)
{
  gsize klen = strlen (keyword);

  if ((gsize) (ll->end - ll->start) <= klen ||
      g_ascii_strncasecmp (ll->start, keyword, klen) != 0)
    return FALSE;
  unfold (ll, self->unfolded);
  g_string_assign (self->name, self->unfolded->str + klen);
  for (gsize i = 0; i < self->name->len; i++)
    self->name->str[i] = g_ascii_toupper (self->name->str[i]);
  return self->name->len > 0;
}

static void
set_property_piece (ConveneIcsSplitter *self,
                    const LogicalLine  *ll,
                    ConveneIcsPiece    *piece)
{
  gsize n = 0;

  unfold (ll, self->unfolded);
  while (n < self->unfolded->len && self->unfolded->str[n] != ';' && self->unfolded->str[n] != ':')
    n++;
  g_string_truncate (self->name, 0);
  for (gsize i = 0; i < n; i++)
    g_string_append_c (self->name, g_ascii_toupper (self->unfolded->str[i]));

  piece->kind = CONVENE_ICS_PIECE_PROPERTY;
  piece->name = self->name->str;
  piece->text = self->unfolded->str;
  piece->length = self->unfolded->len;
  piece->line = ll->line;
}

/* A line outside any VCALENDAR, or directly inside it.  Returns TRUE with
 * @piece set when the line is a piece of its own; sets @error when it is
 * wrong. */
static gboolean
take_top_line (ConveneIcsSplitter  *self,
               const LogicalLine   *ll,
               ConveneIcsPiece     *piece,
               gboolean            *is_piece,
               GError             **error)
{
  g_autofree char *message = NULL;

  *is_piece = FALSE;
  if (!self->in_calendar)
    {
      if (line_is_keyword (self, ll, "BEGIN:") && g_str_equal (self->name->str, "VCALENDAR"))
        {
          self->in_calendar = self->seen_calendar = TRUE;
          return TRUE;
        }
      if (!self->seen_calendar)
        return syntax_error (self, error, ll->line,
                             _("This is not an iCalendar file: it does not begin with "
                               "BEGIN:VCALENDAR."));
      return syntax_error (self, error, ll->line, _("There is text after END:VCALENDAR."));
    }

  if (line_is_keyword (self, ll, "END:"))
    {
      if (g_str_equal (self->name->str, "VCALENDAR"))
        {
          self->in_calendar = FALSE;
          return TRUE;
        }
      message = g_strdup_printf (_("END:%s has no BEGIN:%s before it."),
                                 self->name->str, self->name->str);
      return syntax_error (self, error, ll->line, message);
    }
  if (line_is_keyword (self, ll, "BEGIN:"))
    {
      g_ptr_array_add (self->stack, g_strdup (self->name->str));
      self->block_line = ll->line;
      g_string_truncate (self->block, 0);
      g_string_append_len (self->block, ll->start, ll->end - ll->start);
      return TRUE;
    }

  set_property_piece (self, ll, piece);
  *is_piece = TRUE;
  return TRUE;
}

/* A line inside a component: copied to the block as it is. */
static gboolean
take_block_line (ConveneIcsSplitter  *self,
                 const LogicalLine   *ll,
                 gboolean            *done,
                 GError             **error)
{
  g_autofree char *message = NULL;

  *done = FALSE;
  if (self->block->len > MAX_PIECE_SIZE)
    {
      message = g_strdup_printf (_("The %s that begins on line %u is larger than %d MiB; "
                                   "no calendar holds one that large."),
                                 (const char *) g_ptr_array_index (self->stack, 0), self->block_line,
                                 MAX_PIECE_SIZE >> 20);
      return syntax_error (self, error, ll->line, message);
    }
  g_string_append_len (self->block, ll->start, ll->end - ll->start);
  if (self->block->str[self->block->len - 1] != '\n')
    g_string_append (self->block, "\r\n");

  if (line_is_keyword (self, ll, "BEGIN:"))
    {
      if (self->stack->len >= MAX_DEPTH)
        return syntax_error (self, error, ll->line, _("Components are nested too deeply."));
      g_ptr_array_add (self->stack, g_strdup (self->name->str));
    }
  else if (line_is_keyword (self, ll, "END:"))
    {
      const char *open = g_ptr_array_index (self->stack, self->stack->len - 1);

      if (!g_str_equal (open, self->name->str))
        {
          message = g_strdup_printf (_("END:%s where END:%s was expected."),
                                     self->name->str, open);
          return syntax_error (self, error, ll->line, message);
        }
      *done = self->stack->len == 1;
      if (!*done)
        g_ptr_array_remove_index (self->stack, self->stack->len - 1);
    }
  return TRUE;
}

static gboolean
end_of_file (ConveneIcsSplitter  *self,
             GError             **error)
{
  g_autofree char *message = NULL;

  if (self->stack->len > 0)
    {
      message = g_strdup_printf (_("The file ends inside the %s that begins on line %u: "
                                   "it may have been cut short."),
                                 (const char *) g_ptr_array_index (self->stack, 0),
                                 self->block_line);
      return syntax_error (self, error, self->next_line - 1, message);
    }
  if (self->in_calendar)
    return syntax_error (self, error, self->next_line - 1,
                         _("The calendar has no END:VCALENDAR: the file may have been cut short."));
  if (!self->seen_calendar)
    return syntax_error (self, error, 1, _("This is not an iCalendar file: it is empty."));
  return FALSE;
}

gboolean
convene_ics_splitter_next (ConveneIcsSplitter  *self,
                           ConveneIcsPiece     *piece,
                           GError             **error)
{
  LogicalLine ll;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (piece != NULL, FALSE);

  while (read_logical_line (self, &ll, error))
    {
      gboolean is_piece = FALSE;

      if (line_is_blank (&ll))
        {
          /* Kept inside a block so that its line numbers stay right. */
          for (const char *p = ll.start; p < ll.end && self->stack->len > 0; p++)
            if (*p == '\n')
              g_string_append_c (self->block, '\n');
          continue;
        }
      if (memchr (ll.start, '\0', ll.end - ll.start) != NULL)
        return syntax_error (self, error, ll.line, _("The line holds binary data."));
      if (!line_is_content (&ll) && !self->seen_calendar)
        return syntax_error (self, error, ll.line,
                             _("This is not an iCalendar file: it does not begin with "
                               "BEGIN:VCALENDAR."));
      if (!line_is_content (&ll))
        return syntax_error (self, error, ll.line, _("This line is not an iCalendar property."));

      if (self->stack->len == 0)
        {
          if (!take_top_line (self, &ll, piece, &is_piece, error))
            return FALSE;
          if (is_piece)
            return TRUE;
          continue;
        }

      if (!take_block_line (self, &ll, &is_piece, error))
        return FALSE;
      if (is_piece)
        {
          g_string_assign (self->name, g_ptr_array_index (self->stack, 0));
          g_ptr_array_set_size (self->stack, 0);
          piece->kind = CONVENE_ICS_PIECE_COMPONENT;
          piece->name = self->name->str;
          piece->text = self->block->str;
          piece->length = self->block->len;
          piece->line = self->block_line;
          return TRUE;
        }
    }

  if (self->failed)
    return FALSE;
  return end_of_file (self, error);
}

guint
convene_ics_block_find_line (const char *block,
                             guint       first_line,
                             const char *name)
{
  gsize len = strlen (name);
  guint line = first_line;

  g_return_val_if_fail (block != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  for (const char *p = block; *p != '\0'; line++)
    {
      const char *nl = strchr (p, '\n');

      if (g_ascii_strncasecmp (p, name, len) == 0 && (p[len] == ':' || p[len] == ';'))
        return line;
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return 0;
}
