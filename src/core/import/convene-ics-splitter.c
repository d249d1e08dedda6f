/* convene-ics-splitter.c: an iCalendar file, one component at a time.
 *
 * Only the file's structure is checked here; what a component means is the
 * importer's business, through libical.  The text of a component is copied
 * raw (folds and all) into one reused buffer, so memory stays the size of the
 * largest component, whatever the size of the file.
 */
#include "config.h"

#include "convene-ics-splitter.h"
#include "convene-import.h"

#include <glib/gi18n.h>
#include <string.h>

/* Deeper than any calendar a program writes (VCALENDAR > VEVENT > VALARM):
 * a bound keeps hostile files from costing libical's recursion dearly. */
#define MAX_DEPTH 8

struct _ConveneIcsSplitter
{
  char       *file;
  const char *pos;
  const char *end;
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

void
convene_ics_splitter_free (ConveneIcsSplitter *self)
{
  if (self == NULL)
    return;
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

/* One content line with its folded continuations (lines that begin with a
 * space or a tab). */
static gboolean
read_logical_line (ConveneIcsSplitter *self,
                   LogicalLine        *ll)
{
  const char *p = self->pos;

  if (p >= self->end)
    return FALSE;

  ll->start = p;
  ll->line = self->next_line;
  do
    {
      const char *nl = memchr (p, '\n', self->end - p);

      p = nl != NULL ? nl + 1 : self->end;
      self->next_line++;
    }
  while (p < self->end && (*p == ' ' || *p == '\t'));

  ll->end = p;
  self->pos = p;
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

  while (read_logical_line (self, &ll))
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
