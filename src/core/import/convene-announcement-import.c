/* convene-announcement-import.c: an email or web page announcing meetings.
 *
 * "Date: Tuesday 30 March 2021 / Time: 14:00 - 15:30 UTC / Languages:
 * English and Spanish", a Zoom invitation ("Topic: ... Time: Mar 30, 2021
 * 02:00 PM London"), or a sentence such as "we meet every other Monday at
 * 15:00 Bogotá time, starting on 8 January 2024".  Each becomes a session
 * with its start, length, zone, language and recurrence, in a plan named
 * after the announcement.  Used when a document has no goals, actions or
 * schedule of its own; the end of this file tells the dispatcher which
 * texts are likely announcements.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "import/convene-announcement-import.h"
#include "import/convene-document-import.h"
#include "import/convene-document-private.h"

typedef enum {
  LABEL_NONE,
  LABEL_SUBJECT,
  LABEL_TOPIC,
  LABEL_DATE,
  LABEL_TIME,
  LABEL_LANGUAGES,
  LABEL_WHERE,
  LABEL_LEAD,
  LABEL_SPEAKERS,
  LABEL_HEADER,     /* From:, To:, Sent: of an email */
  N_LABELS
} Label;

static const struct {
  Label       label;
  const char *names[12];
} label_names[] = {
  { LABEL_SUBJECT, { "subject", "asunto", "re", NULL } },
  { LABEL_TOPIC, { "topic", "tema", "title", "título", "titulo", "theme", "session", "sesión", NULL } },
  { LABEL_DATE, { "date", "dates", "fecha", "fechas", "when", "cuándo", "cuando", "day", "día", "dia", NULL } },
  { LABEL_TIME, { "time", "times", "hora", "horas", "horario", "hour", NULL } },
  { LABEL_LANGUAGES, { "language", "languages", "idioma", "idiomas", "interpretation",
                       "interpretación", NULL } },
  { LABEL_WHERE, { "where", "location", "join", "link", "zoom", "lugar", "enlace", "venue",
                   "meeting link", "dónde", "join zoom meeting", NULL } },
  { LABEL_LEAD, { "host", "chair", "moderator", "facilitator", "lead", "modera", "moderador",
                  "moderadora", "anfitrión", "hosted by", NULL } },
  { LABEL_SPEAKERS, { "speakers", "speaker", "panelists", "panellists", "panelistas", "ponentes",
                      "presenters", "invitados", NULL } },
  { LABEL_HEADER, { "from", "to", "cc", "bcc", "sent", "de", "para", "enviado", "reply-to", NULL } },
};

static const char * const recurrence_words[] = {
  "every", "each", "weekly", "biweekly", "fortnightly", "monthly", "cada", "todos los",
  "todas las", "semanal", "quincenal", "mensual", NULL,
};

typedef struct {
  ConveneDocument *doc;
  char            *values[N_LABELS];   /* the first value of each label */
  guint            lines[N_LABELS];    /* and its line */
  GPtrArray       *paragraphs;         /* char *: unlabelled text, wrapped lines joined */
  GArray          *paragraph_lines;    /* guint: the first line of each */
  GPtrArray       *headings;           /* ConveneLine, borrowed */
} Announcement;

static void
announcement_clear (Announcement *ann)
{
  for (guint i = 0; i < N_LABELS; i++)
    g_free (ann->values[i]);
  g_clear_pointer (&ann->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&ann->paragraph_lines, g_array_unref);
  g_clear_pointer (&ann->headings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Announcement, announcement_clear)

/* "Date: Tuesday 30 March 2021" → LABEL_DATE and "Tuesday 30 March 2021". */
static Label
split_label (const char  *text,
             char       **value)
{
  const char *colon = strchr (text, ':');
  g_autofree char *name = NULL;

  if (colon == NULL || colon == text || colon - text > 24 || g_str_has_prefix (colon, "://"))
    return LABEL_NONE;
  name = g_utf8_strdown (text, colon - text);
  g_strstrip (name);
  for (guint i = 0; i < G_N_ELEMENTS (label_names); i++)
    for (guint k = 0; label_names[i].names[k] != NULL; k++)
      if (g_str_equal (name, label_names[i].names[k]))
        {
          *value = g_strstrip (g_strdup (colon + 1));
          return label_names[i].label;
        }
  return LABEL_NONE;
}

/* An email starts with its headers (From:, Subject:...), and a saved one is
 * called *.eml: likely an announcement.  Any other text may be one too.
 * Announcements are read by the document reader, which only looks for
 * meetings when the text holds no plan: a plan forwarded by email is still
 * read as the plan. */
static ConveneImporterMatch
sniff_announcement (const char *file,
                    const char *head,
                    gsize       length)
{
  static const char * const names[] = { ".eml", NULL };
  ConveneImporterMatch match = convene_importer_match_text (file, head, length, names);
  g_autofree char *first = NULL;
  g_autofree char *value = NULL;
  const char *start;
  gsize rest, n = 0;
  Label label;

  if (match != CONVENE_IMPORTER_POSSIBLE)
    return match;
  /* @head has no NUL at its end. */
  start = convene_importer_skip_blank (head, length, &rest);
  while (n < rest && start[n] != '\r' && start[n] != '\n')
    n++;
  first = g_strndup (start, n);
  if (!g_utf8_validate (first, -1, NULL))
    return match;
  label = split_label (first, &value);
  return label == LABEL_HEADER || label == LABEL_SUBJECT ? CONVENE_IMPORTER_LIKELY : match;
}

static void
end_paragraph (Announcement *ann,
               GString      *paragraph,
               guint         line)
{
  if (paragraph->len == 0)
    return;
  g_ptr_array_add (ann->paragraphs, g_strdup (paragraph->str));
  g_array_append_val (ann->paragraph_lines, line);
  g_string_truncate (paragraph, 0);
}

/* Sorts the lines into labelled values and paragraphs of plain text. */
static void
collect (Announcement *ann)
{
  GPtrArray *lines = ann->doc->lines;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  gboolean in_headers = FALSE;
  guint first = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      ConveneLine *line = g_ptr_array_index (lines, i);
      g_autofree char *value = NULL;
      Label label;

      if (line->kind == CONVENE_LINE_BLANK || line->kind == CONVENE_LINE_HEADING)
        {
          in_headers = FALSE;
          end_paragraph (ann, paragraph, first);
          if (line->kind == CONVENE_LINE_HEADING)
            g_ptr_array_add (ann->headings, line);
          continue;
        }
      if ((label = split_label (line->text, &value)) != LABEL_NONE)
        {
          end_paragraph (ann, paragraph, first);
          /* An email's own Date: is when it was sent, not the meeting. */
          if (label == LABEL_HEADER)
            in_headers = TRUE;
          if (in_headers && label != LABEL_SUBJECT)
            continue;
          if (ann->values[label] == NULL && *value != '\0')
            {
              ann->values[label] = g_steal_pointer (&value);
              ann->lines[label] = line->number;
            }
          continue;
        }
      if (paragraph->len == 0)
        first = line->number;
      else if (line->kind == CONVENE_LINE_BULLET || line->kind == CONVENE_LINE_NUMBERED)
        {
          end_paragraph (ann, paragraph, first);
          first = line->number;
        }
      g_string_append_printf (paragraph, "%s%s", paragraph->len > 0 ? " " : "", line->text);
    }
  end_paragraph (ann, paragraph, first);
}

/* "Re: [iwg] IWG call: Data for climate action — Tuesday 30 March" →
 * "IWG call: Data for climate action". */
static char *
clean_subject (const char *subject)
{
  static const char * const prefixes[] = {
    "re:", "fwd:", "fw:", "rv:", "reenviar:", "invitation:", "invitación:", "updated invitation:",
  };
  g_autofree char *text = convene_text_strip_markup (subject);
  const char *p = text;
  gboolean again = TRUE;
  const char *cut;

  while (again)
    {
      again = FALSE;
      while (*p == ' ')
        p++;
      for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
        if (g_ascii_strncasecmp (p, prefixes[i], strlen (prefixes[i])) == 0)
          {
            p += strlen (prefixes[i]);
            again = TRUE;
          }
      if (*p == '[' && strchr (p, ']') != NULL)
        {
          p = strchr (p, ']') + 1;
          again = TRUE;
        }
    }
  /* A date at the end is the announcement's, the session has its own. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const dashes[] = { " — ", " – ", " - " };

      if ((cut = g_strrstr (p, dashes[i])) != NULL)
        {
          g_auto(GStrv) words = g_strsplit_set (cut + strlen (dashes[i]), " ,.", -1);

          for (guint w = 0; words[w] != NULL; w++)
            if (convene_time_words_month_from_name (words[w]) != 0 ||
                convene_time_words_weekday_from_name (words[w]) != G_DATE_BAD_WEEKDAY)
              return g_strndup (p, cut - p);
        }
    }
  return g_strdup (p);
}

/* The heading nearest above @line, for a web page listing its meetings
 * under headings. */
static const char *
heading_above (Announcement *ann,
               guint         line)
{
  const char *found = NULL;

  for (guint i = 0; i < ann->headings->len; i++)
    {
      ConveneLine *heading = g_ptr_array_index (ann->headings, i);

      if (heading->number < line)
        found = heading->text;
    }
  return found;
}

static char *
dup_topic (Announcement *ann,
           guint         line)
{
  const char *heading = heading_above (ann, line);

  if (ann->values[LABEL_TOPIC] != NULL)
    return convene_text_strip_markup (ann->values[LABEL_TOPIC]);
  if (ann->values[LABEL_SUBJECT] != NULL)
    return clean_subject (ann->values[LABEL_SUBJECT]);
  if (heading != NULL)
    return g_strdup (heading);
  return g_strdup (_("Meeting"));
}

/* A name as people write it beside a label: "María Fernández (Fundación
 * Datos Abiertos)" is María Fernández. */
static char *
clean_name (const char *text)
{
  g_autofree char *plain = convene_text_strip_markup (text);
  char *paren = strchr (plain, '(');
  char *comma = strchr (plain, ',');

  if (paren != NULL)
    *paren = '\0';
  if (comma != NULL)
    *comma = '\0';
  return g_strdup (g_strstrip (plain));
}

static void
set_people (Announcement   *ann,
            ConveneSession *session)
{
  ConveneImportResult *result = ann->doc->result;

  if (ann->values[LABEL_LEAD] != NULL)
    {
      g_autofree char *lead = clean_name (ann->values[LABEL_LEAD]);

      if (*lead != '\0')
        {
          convene_session_set_lead (session, lead);
          convene_import_result_ensure_person (result, lead);
        }
    }
  if (ann->values[LABEL_SPEAKERS] != NULL)
    {
      g_autofree char *plain = convene_text_strip_markup (ann->values[LABEL_SPEAKERS]);
      g_autoptr(GRegex) separators = g_regex_new ("\\s*(?:;|,|\\band\\b|\\by\\b)\\s*(?![^()]*\\))",
                                                  G_REGEX_DEFAULT, 0, NULL);
      g_auto(GStrv) parts = g_regex_split (separators, plain, 0);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) speakers = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *name = clean_name (parts[i]);

          if (*name == '\0')
            continue;
          convene_import_result_ensure_person (result, name);
          g_strv_builder_add (names, name);
        }
      speakers = g_strv_builder_end (names);
      convene_session_set_speakers (session, (const char * const *) speakers);
    }
}

static char *
find_url (Announcement *ann)
{
  static const char * const schemes[] = { "https://", "http://" };

  if (ann->values[LABEL_WHERE] != NULL)
    return convene_text_strip_markup (ann->values[LABEL_WHERE]);
  for (guint i = 0; i < ann->paragraphs->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (schemes); k++)
      {
        const char *at = strstr (g_ptr_array_index (ann->paragraphs, i), schemes[k]);

        if (at != NULL)
          {
            char *url = g_strndup (at, strcspn (at, " )>\"'"));
            gsize n = strlen (url);

            /* The full stop of the sentence is not part of the link. */
            while (n > 0 && strchr (".,;:", url[n - 1]) != NULL)
              url[--n] = '\0';
            return url;
          }
      }
  return NULL;
}

/* "Languages: English, with interpretation into Spanish", or a sentence
 * such as "Calls are held in Spanish": the first language named is the
 * session's; the whole sentence goes to its notes when it names more. */
static void
set_language (Announcement   *ann,
              ConveneSession *session,
              const char     *own_text,
              const GDate    *reference)
{
  const char *text = ann->values[LABEL_LANGUAGES];
  const char *code;

  /* A meeting in a list says its own language: "Gender data (en español)". */
  if ((code = convene_text_find_language (own_text)) != NULL)
    {
      convene_session_set_language (session, code);
      return;
    }
  for (guint i = 0; text == NULL && i < ann->paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (ann->paragraphs, i);

      if (convene_text_find_language (paragraph) != NULL &&
          !_convene_text_names_meeting (ann->doc, paragraph, reference))
        text = paragraph;
    }
  if (text == NULL || (code = convene_text_find_language (text)) == NULL)
    return;
  convene_session_set_language (session, code);
  if (ann->values[LABEL_LANGUAGES] != NULL && convene_text_count_languages (text) > 1)
    {
      g_autofree char *plain = convene_text_strip_markup (text);
      g_autofree char *notes = g_strdup_printf (_("Languages: %s"), plain);

      convene_session_set_notes (session, notes);
    }
}

/* "We meet every other Monday" may stand apart from the date of the first
 * meeting. */
static void
set_recurrence (Announcement    *ann,
                ConveneSession  *session,
                const GDate     *reference)
{
  if (convene_session_get_recurrence (session) != NULL)
    return;
  for (guint i = 0; i < ann->paragraphs->len; i++)
    {
      const char *text = g_ptr_array_index (ann->paragraphs, i);
      g_autoptr(ConveneTimeExpr) expr = NULL;

      if (!convene_text_has_any_word (text, recurrence_words))
        continue;
      expr = convene_time_expr_parse (text, reference, convene_session_get_timezone (session),
                                      CONVENE_TIME_EXPR_DEFAULT, NULL);
      if (expr != NULL && expr->rrule != NULL)
        {
          convene_session_set_recurrence (session, expr->rrule);
          return;
        }
    }
}

/* The first paragraph that says what the meeting is about: not a greeting
 * ("Dear members,"), not the date. */
static const char *
find_description (Announcement *ann,
                  const char   *when)
{
  for (guint i = 0; i < ann->paragraphs->len; i++)
    {
      const char *text = g_ptr_array_index (ann->paragraphs, i);
      gsize n = strlen (text);
      guint words = 1;

      for (const char *p = text; *p != '\0'; p++)
        words += *p == ' ';
      if (words >= 8 && n > 0 && text[n - 1] != ',' && text[n - 1] != ':' &&
          g_strcmp0 (text, when) != 0)
        return text;
    }
  return NULL;
}

static gboolean
session_exists (ConveneDocument *doc,
                ConveneSession  *session)
{
  for (guint i = 0; i < doc->result->sessions->len; i++)
    {
      ConveneSession *other = g_ptr_array_index (doc->result->sessions, i);

      if (other != session && convene_session_get_start (other) != NULL &&
          g_date_time_equal (convene_session_get_start (other), convene_session_get_start (session)))
        return TRUE;
    }
  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 1;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* A session for the date and time in @when, if it names both. */
static gboolean
add_session (Announcement *ann,
             const char   *when,
             const char   *own_topic,
             guint         line,
             const GDate  *reference)
{
  ConveneDocument *doc = ann->doc;
  g_autofree char *topic = own_topic != NULL ? g_strdup (own_topic) : dup_topic (ann, line);
  g_autofree char *url = find_url (ann);
  g_autofree char *subject = NULL;
  g_autofree char *own = NULL;
  ConveneSession *session = _convene_schedule_add_session (doc, topic);

  if (!_convene_session_set_time (doc, session, when, reference, line) || session_exists (doc, session))
    {
      g_ptr_array_remove (doc->result->sessions, session);
      return FALSE;
    }
  convene_session_set_description (session, find_description (ann, when));
  convene_session_set_location (session, url);
  subject = g_strjoin (" ", topic, ann->values[LABEL_SUBJECT], NULL);
  convene_session_set_format (session, convene_text_find_format (subject, CONVENE_SESSION_FORMAT_MEETING));
  own = g_strjoin (" ", own_topic != NULL ? own_topic : "", when, NULL);
  set_language (ann, session, own, reference);
  set_recurrence (ann, session, reference);
  set_people (ann, session);
  return TRUE;
}

/* The plan an announcement's sessions belong to: named after the
 * announcement, in the year of its first session. */
static void
name_plan (Announcement *ann)
{
  ConveneDocument *doc = ann->doc;
  ConvenePlan *plan = doc->plan;

  if (convene_plan_get_title (plan) == NULL && ann->values[LABEL_SUBJECT] != NULL)
    {
      g_autofree char *subject = clean_subject (ann->values[LABEL_SUBJECT]);

      convene_plan_set_title (plan, subject);
    }
  if (convene_plan_get_title (plan) == NULL)
    convene_plan_set_title (plan, convene_session_get_topic (g_ptr_array_index (doc->result->sessions, 0)));

  for (guint i = 0; convene_plan_get_group (plan) == NULL && i < doc->lines->len; i++)
    {
      g_autofree char *group = _convene_text_find_group (((ConveneLine *) g_ptr_array_index (doc->lines, i))->text);

      convene_plan_set_group (plan, group);
    }
  if (doc->year_guessed)
    {
      g_autofree char *month = g_strdup (convene_session_get_month (g_ptr_array_index (doc->result->sessions, 0)));

      if (month != NULL)
        {
          doc->year = atoi (month);
          doc->year_guessed = FALSE;
        }
    }
}

/* Reads @doc as an announcement.  TRUE when it names at least one meeting. */
gboolean
_convene_announcement_read (ConveneDocument *doc)
{
  g_auto(Announcement) ann = { 0 };
  g_autofree char *topic = NULL, *when = NULL;
  GDate reference;
  guint line;

  ann.doc = doc;
  ann.paragraphs = g_ptr_array_new_with_free_func (g_free);
  ann.paragraph_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  ann.headings = g_ptr_array_new ();
  collect (&ann);

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_JANUARY, doc->year);

  if (ann.values[LABEL_DATE] != NULL || ann.values[LABEL_TIME] != NULL)
    {
      const char *date = ann.values[LABEL_DATE], *time = ann.values[LABEL_TIME];
      g_autofree char *labelled = date != NULL && time != NULL ? g_strdup_printf ("%s, %s", date, time)
                                                               : g_strdup (date != NULL ? date : time);

      line = date != NULL ? ann.lines[LABEL_DATE] : ann.lines[LABEL_TIME];
      add_session (&ann, labelled, NULL, line, &reference);
    }
  /* A page may announce several meetings, or repeat the one above. */
  for (guint i = 0; i < ann.paragraphs->len; i++)
    {
      const char *text = g_ptr_array_index (ann.paragraphs, i);

      line = g_array_index (ann.paragraph_lines, guint, i);
      if (!_convene_text_names_meeting (doc, text, &reference))
        continue;
      /* "- 9 March, 14:00 UTC: Data for climate" in a list of meetings. */
      if (count_words (text) <= 25 && _convene_split_topic_and_time (doc, text, &reference, &topic, &when))
        add_session (&ann, when, topic, line, &reference);
      else
        add_session (&ann, text, NULL, line, &reference);
      g_clear_pointer (&topic, g_free);
      g_clear_pointer (&when, g_free);
    }
  if (doc->result->sessions->len == 0)
    return FALSE;
  name_plan (&ann);
  return TRUE;
}

const ConveneImporter convene_announcement_importer = {
  .name = "announcement", .sniff = sniff_announcement, .read = convene_document_import_full,
};
