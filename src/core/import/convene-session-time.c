/* convene-session-time.c: a session's day and time, from what people wrote.
 *
 * Used for a schedule row's date cell and for an announcement's "Date:" and
 * "Time:" lines.  The time-expression parser does the reading; this file
 * puts its result into the session (start, zone, month, length, series)
 * and adds what only a plan knows to doubt: a weekday that does not match
 * the date, a date outside the plan's year.  It also notes every zone a
 * line names, from which the plan gets its own zone and its extra ones.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "import/convene-document-private.h"
#include "model/convene-values.h"
#include "time/convene-zone-names.h"

static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                 g_date_get_day (date), 12, 0, 0);

  /* Translators: a day in a warning, as g_date_time_format() writes it */
  return g_date_time_format (dt, C_("warning date", "%-d %B %Y"));
}

static char *
format_weekday (GDateWeekday weekday)
{
  /* 2024-01-01 was a Monday. */
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2024, 1, weekday, 12, 0, 0);

  return g_date_time_format (dt, "%A");
}

static gboolean
parser_mentions (ConveneTimeExpr *expr,
                 const char      *word)
{
  for (guint i = 0; expr->warnings != NULL && i < expr->warnings->len; i++)
    if (strstr (g_ptr_array_index (expr->warnings, i), word) != NULL)
      return TRUE;
  return FALSE;
}

/* "Tuesday 27th" in June 2021 is a Sunday: keep the date as written, which
 * is what the members saw, and say so. */
static void
check_weekday (ConveneDocument *doc,
               const char      *text,
               ConveneTimeExpr *expr,
               guint            line)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ,.;()/", -1);
  GDateWeekday written = G_DATE_BAD_WEEKDAY, actual;
  g_autofree char *day = NULL, *actual_name = NULL, *written_name = NULL;

  if (!expr->has_date || !expr->date_from_text || expr->rrule != NULL || !g_date_valid (&expr->date))
    return;
  for (guint i = 0; words[i] != NULL && written == G_DATE_BAD_WEEKDAY; i++)
    written = convene_time_words_weekday_from_name (words[i]);
  actual = g_date_get_weekday (&expr->date);
  if (written == G_DATE_BAD_WEEKDAY || written == actual)
    return;
  actual_name = format_weekday (actual);
  if (parser_mentions (expr, actual_name) ||
      parser_mentions (expr, convene_time_words_weekday_name (actual)))
    return;
  day = format_day (&expr->date);
  written_name = format_weekday (written);
  /* Translators: "27 June 2021 is a Sunday, not a Tuesday": the date, the
   * weekday it is, the weekday the document wrote. */
  convene_import_result_warn (doc->result, line, _("%s is a %s, not a %s"),
                              day, actual_name, written_name);
}

static void
add_zone (GPtrArray  *zones,
          const char *zone)
{
  if (zone != NULL && !g_ptr_array_find_with_equal_func (zones, zone, g_str_equal, NULL))
    g_ptr_array_add (zones, g_strdup (zone));
}

/* The zone @text names itself, or NULL: read twice with two defaults, a
 * zone the text names comes back both times. */
static char *
dup_named_zone (const char  *text,
                const GDate *reference)
{
  g_autoptr(ConveneTimeExpr) one = NULL;
  g_autoptr(ConveneTimeExpr) two = NULL;

  one = convene_time_expr_parse (text, reference, "UTC", CONVENE_TIME_EXPR_DEFAULT, NULL);
  if (one == NULL || !one->has_time || one->timezone == NULL)
    return NULL;
  two = convene_time_expr_parse (text, reference, "Asia/Tokyo", CONVENE_TIME_EXPR_DEFAULT, NULL);
  if (two == NULL || g_strcmp0 (one->timezone, two->timezone) != 0)
    return NULL;
  return g_strdup (one->timezone);
}

/* Every zone a line names, in order: "7pm London time (2pm ET)" names
 * London and New York.  The plan shows the others beside its own. */
static void
record_zones (ConveneDocument *doc,
              const char      *text,
              const GDate     *reference,
              ConveneTimeExpr *expr)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "()/;,", -1);

  g_ptr_array_add (doc->fixed_zones, g_strdup (expr->timezone));
  add_zone (doc->zones, expr->timezone);
  /* One part only: its zone is the one just added. */
  for (guint i = 0; parts[1] != NULL && parts[i] != NULL; i++)
    {
      g_autofree char *zone = NULL;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      zone = dup_named_zone (parts[i], reference);
      add_zone (doc->zones, zone);
    }
}

static void
check_year (ConveneDocument *doc,
            ConveneTimeExpr *expr,
            guint            line)
{
  g_autofree char *day = NULL;

  if (doc->year == 0 || !expr->has_date || !expr->date_from_text ||
      g_date_get_year (&expr->date) == doc->year)
    return;
  day = format_day (&expr->date);
  convene_import_result_warn (doc->result, line, _("%s is outside the plan’s year, %d."), day, doc->year);
}

static void
set_instant (ConveneSession  *session,
             ConveneTimeExpr *expr)
{
  g_autoptr(GTimeZone) tz = convene_timezone_new (expr->timezone);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *month = NULL;
  int minutes = 60;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (expr->start, tz);
  month = g_strdup_printf ("%04d-%02d", g_date_time_get_year (local), g_date_time_get_month (local));

  if (expr->end != NULL && g_date_time_compare (expr->end, expr->start) > 0)
    minutes = (int) (g_date_time_difference (expr->end, expr->start) / G_TIME_SPAN_MINUTE);
  convene_session_set_start (session, expr->start);
  convene_session_set_timezone (session, expr->timezone);
  convene_session_set_duration_minutes (session, minutes);
  convene_session_set_recurrence (session, expr->rrule);
  convene_session_set_month (session, month);
  if (convene_session_get_status (session) == CONVENE_SESSION_STATUS_TENTATIVE)
    convene_session_set_status (session, CONVENE_SESSION_STATUS_SCHEDULED);
}

/* "..., RRULE:FREQ=WEEKLY;BYDAY=MO": a series the Markdown export could not
 * put in words.  Returns @text without it. */
static char *
take_rrule (const char  *text,
            char       **rrule)
{
  const char *at = strstr (text, "RRULE:");
  g_autofree char *head = NULL;
  gsize n;

  *rrule = NULL;
  if (at == NULL)
    return g_strdup (text);
  n = strcspn (at + strlen ("RRULE:"), " <\t");
  *rrule = g_strndup (at + strlen ("RRULE:"), n);
  head = g_strndup (text, at - text);
  g_strchomp (head);
  if (g_str_has_suffix (head, ","))
    head[strlen (head) - 1] = '\0';
  return g_strconcat (head, at + strlen ("RRULE:") + n, NULL);
}

static gboolean is_named_zone (const char *zone);

/* Puts what @expr read into @session, with what only a plan knows to
 * doubt, and notes the zones the line names. */
static void
apply_expr (ConveneDocument *doc,
            ConveneSession  *session,
            const char      *text,
            const GDate     *reference,
            guint            line,
            ConveneTimeExpr *expr,
            const char      *rrule)
{
  _convene_document_warn_expr (doc, line, expr);
  set_instant (session, expr);
  if (rrule != NULL)
    convene_session_set_recurrence (session, rrule);
  check_weekday (doc, text, expr, line);
  check_year (doc, expr, line);
  if (expr->zone_from_text)
    record_zones (doc, text, reference, expr);
}

typedef struct {
  ConveneSession *session;
  char           *text;   /* as written, for the weekday check */
  char           *plain;  /* without its RRULE: what is parsed */
  char           *rrule;
  GDate           reference;
  guint           line;
} PendingTime;

static void
pending_time_free (gpointer data)
{
  PendingTime *pending = data;

  g_object_unref (pending->session);
  g_free (pending->text);
  g_free (pending->plain);
  g_free (pending->rrule);
  g_free (pending);
}

/* A time that names no zone is read in the plan's zone, which is known
 * only once every line has been read: until then the session holds the
 * time read as UTC, and the line waits in doc->pending_times. */
static void
defer_time (ConveneDocument *doc,
            ConveneSession  *session,
            const char      *text,
            const char      *plain,
            const char      *rrule,
            const GDate     *reference,
            guint            line)
{
  PendingTime *pending = g_new0 (PendingTime, 1);

  pending->session = g_object_ref (session);
  pending->text = g_strdup (text);
  pending->plain = g_strdup (plain);
  pending->rrule = g_strdup (rrule);
  g_date_clear (&pending->reference, 1);
  if (reference != NULL)
    pending->reference = *reference;
  pending->line = line;
  if (doc->pending_times == NULL)
    doc->pending_times = g_ptr_array_new_with_free_func (pending_time_free);
  g_ptr_array_add (doc->pending_times, pending);
}

/* Reads a date and time such as "Tuesday 23rd at 7pm London time (2pm ET)"
 * into @session.  FALSE, with a warning when the text looked like a time,
 * when it gives no day and time; the session then keeps only its month. */
gboolean
_convene_session_set_time (ConveneDocument *doc,
                            ConveneSession  *session,
                            const char      *text,
                            const GDate     *reference,
                            guint            line)
{
  g_autoptr(ConveneTimeExpr) expr = NULL;
  g_autoptr(GError) error = NULL;
  ConveneTimeExprFlags flags = _convene_document_time_flags (doc);
  const char *month = convene_session_get_month (session);

  g_autofree char *rrule = NULL;
  g_autofree char *plain = take_rrule (text, &rrule);

  _convene_document_note_line (doc, line);
  expr = convene_time_expr_parse (plain, reference, "UTC", flags, &error);
  if (expr == NULL)
    {
      if (strpbrk (text, "0123456789") != NULL)
        convene_import_result_warn (doc->result, line, _("Convene could not read the time in “%s”: %s"),
                                    text, error->message);
      return FALSE;
    }
  if (!expr->has_time || expr->start == NULL)
    {
      _convene_document_warn_expr (doc, line, expr);
      if (expr->date_from_text)
        convene_import_result_warn (doc->result, line,
                                    _("“%s” gives no time of day; the session is kept as tentative."), text);
      return FALSE;
    }
  if (!expr->date_from_text && expr->rrule == NULL && rrule == NULL)
    {
      _convene_document_warn_expr (doc, line, expr);
      if (month != NULL)
        convene_import_result_warn (doc->result, line,
                                    _("“%s” gives no day; the session is kept as tentative in %s."),
                                    text, month);
      else
        convene_import_result_warn (doc->result, line,
                                    _("“%s” gives no day; the session is kept as to be confirmed."), text);
      return FALSE;
    }
  if (!expr->zone_from_text)
    {
      set_instant (session, expr);
      if (rrule != NULL)
        convene_session_set_recurrence (session, rrule);
      defer_time (doc, session, text, plain, rrule, reference, line);
      return TRUE;
    }
  apply_expr (doc, session, text, reference, line, expr, rrule);
  return TRUE;
}

/* Whether @zone's city, as the tz database names it ("Europe/Brussels",
 * "America/Argentina/Buenos_Aires"), is @folded. */
static gboolean
is_city_of (const char *zone,
            const char *folded)
{
  const char *city = strrchr (zone, '/');
  g_autofree char *name = NULL;

  if (city == NULL)
    return FALSE;
  name = convene_zone_names_fold (city + 1, -1);
  return g_strcmp0 (name, folded) == 0;
}

/* "12, Belliard street, 1040 Brussels", "Ciudad de Buenos Aires": the
 * first city of the tz database a line with no time names, in one to
 * three capitalised words (or a known place of two or three), for a plan
 * whose times name no zone at all. */
static char *
find_named_city (ConveneDocument *doc)
{
  for (guint i = 0; i < doc->lines->len; i++)
    {
      ConveneLine *line = g_ptr_array_index (doc->lines, i);
      g_auto(GStrv) words = NULL;
      gboolean first = TRUE;
      guint kept;

      /* Headings and the first word of a line are capitalised anyway
       * ("Reunión 22" is no Indian/Reunion). */
      if (line->kind == CONVENE_LINE_BLANK || line->kind == CONVENE_LINE_HEADING || strlen (line->text) > 300)
        continue;
      words = g_strsplit_set (line->text, " ,.;:()", -1);
      /* "México, DF": the comma between a place's words leaves an empty
       * one, which would end the run. */
      kept = 0;
      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          words[kept++] = words[w];
        else
          g_free (words[w]);
      words[kept] = NULL;
      for (guint w = 0; words[w] != NULL; w++)
        {
          if (!g_unichar_isalnum (g_utf8_get_char (words[w])))
            continue;
          if (first)
            {
              first = FALSE;
              continue;
            }
          g_autoptr(GString) run = g_string_new (NULL);

          for (guint n = 0; n < 3 && words[w + n] != NULL && g_unichar_isupper (g_utf8_get_char (words[w + n]));
               n++)
            {
              g_autofree char *folded = NULL;
              const char *zone;

              g_string_append_printf (run, "%s%s", n > 0 ? " " : "", words[w + n]);
              folded = convene_zone_names_fold (run->str, -1);
              zone = convene_zone_names_find_place (folded);
              /* One word must be the city itself ("Reunión" is no
               * Indian/Reunion); a place of several words ("México DF",
               * "Costa Rica") is seldom anything else. */
              if (zone != NULL && (is_city_of (zone, folded) || n > 0))
                return g_strdup (zone);
            }
        }
    }
  return NULL;
}

/* "All times are in Buenos Aires time", "Horario: hora de Madrid": a line
 * that names a zone and no time, for a plan whose times name none. */
static char *
find_stated_zone (ConveneDocument *doc)
{
  for (guint i = 0; i < doc->lines->len; i++)
    {
      ConveneLine *line = g_ptr_array_index (doc->lines, i);
      g_autoptr(ConveneTimeExpr) expr = NULL;

      if (line->kind == CONVENE_LINE_BLANK || strlen (line->text) > 200)
        continue;
      expr = convene_time_expr_parse (line->text, NULL, NULL, CONVENE_TIME_EXPR_DEFAULT, NULL);
      if (expr != NULL && expr->zone_from_text && !expr->has_time && is_named_zone (expr->timezone))
        return g_strdup (expr->timezone);
    }
  return find_named_city (doc);
}

/* Every time that named no zone, read again in the plan's zone, with the
 * parser's warning saying which zone that was.  The plan's zone is the one
 * its other times name, else the one its text states or the city it names,
 * else the zone the person importing gave (what a coordinator knows of a
 * notice that never says where it is), else none: UTC.  A text's own word
 * comes first, so that --zone is a default and never overrides what is
 * written.  Their warnings join the others in line order. */
void
_convene_session_times_settle (ConveneDocument *doc)
{
  ConveneTimeExprFlags flags = _convene_document_time_flags (doc);
  const char *zone;

  if (doc->pending_times == NULL)
    return;
  if (convene_plan_get_timezone (doc->plan) == NULL)
    {
      g_autofree char *stated = find_stated_zone (doc);

      convene_plan_set_timezone (doc->plan, stated != NULL ? stated : doc->default_zone);
      doc->result->uses_default_zone = stated == NULL;
    }
  zone = convene_plan_get_timezone (doc->plan);
  for (guint i = 0; i < doc->pending_times->len; i++)
    {
      PendingTime *pending = g_ptr_array_index (doc->pending_times, i);
      g_autoptr(ConveneTimeExpr) expr = NULL;
      const GDate *reference = g_date_valid (&pending->reference) ? &pending->reference : NULL;

      /* A session the announcement reader dropped again. */
      if (!g_ptr_array_find (doc->result->sessions, pending->session, NULL))
        continue;
      expr = convene_time_expr_parse (pending->plain, reference, zone, flags, NULL);
      if (expr == NULL || expr->start == NULL)
        continue;
      apply_expr (doc, pending->session, pending->text, reference, pending->line, expr, pending->rrule);
    }
  g_clear_pointer (&doc->pending_times, g_ptr_array_unref);
  convene_import_result_sort_warnings (doc->result);
}

/* How this document's times are read: day first in Spanish, "CST" as
 * China's in a text that speaks of Asia. */
ConveneTimeExprFlags
_convene_document_time_flags (ConveneDocument *doc)
{
  return (doc->spanish ? CONVENE_TIME_EXPR_DAY_FIRST : CONVENE_TIME_EXPR_DEFAULT) |
         (doc->asia ? CONVENE_TIME_EXPR_ASIA : CONVENE_TIME_EXPR_DEFAULT);
}

static gboolean
is_named_zone (const char *zone)
{
  return zone != NULL && (g_ascii_isalpha (zone[0]));
}

/* The plan's own zone is the one most sessions were fixed in ("7pm London
 * time"); the other zones the schedule names become its extra zones, shown
 * beside every time.  Fixed offsets ("8am GMT-6") are kept on their
 * sessions but are not worth a column of their own. */
void
_convene_plan_set_zones (ConveneDocument *doc)
{
  g_autoptr(GStrvBuilder) extra = g_strv_builder_new ();
  g_auto(GStrv) extra_zones = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *home = NULL;
  guint best = 0;

  /* Counted once each: a schedule of many rows was quadratic here. */
  for (guint i = 0; i < doc->fixed_zones->len; i++)
    {
      const char *zone = g_ptr_array_index (doc->fixed_zones, i);

      if (zone != NULL)
        g_hash_table_insert (counts, (gpointer) zone,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, zone)) + 1));
    }
  /* On a tie, the zone named first. */
  for (guint i = 0; i < doc->fixed_zones->len; i++)
    {
      const char *zone = g_ptr_array_index (doc->fixed_zones, i);
      guint count;

      if (!is_named_zone (zone))
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, zone));
      if (count > best)
        {
          best = count;
          home = zone;
        }
    }
  if (home == NULL || convene_plan_get_timezone (doc->plan) != NULL)
    return;

  convene_plan_set_timezone (doc->plan, home);
  for (guint i = 0; i < doc->zones->len; i++)
    {
      const char *zone = g_ptr_array_index (doc->zones, i);

      if (is_named_zone (zone) && !g_str_equal (zone, home))
        g_strv_builder_add (extra, zone);
    }
  extra_zones = g_strv_builder_end (extra);
  convene_plan_set_extra_timezones (doc->plan, (const char * const *) extra_zones);
}

/* Whether @text names a day (or a series) and a time of day. */
gboolean
_convene_text_names_meeting (ConveneDocument *doc,
                             const char      *text,
                             const GDate     *reference)
{
  g_autoptr(ConveneTimeExpr) expr = NULL;

  expr = convene_time_expr_parse (text, reference, NULL, _convene_document_time_flags (doc),
                                  NULL);
  return expr != NULL && expr->has_time && expr->start != NULL &&
         (expr->date_from_text || expr->rrule != NULL);
}

static gboolean
mentions_time (ConveneDocument *doc,
               const char      *text,
               const GDate     *reference)
{
  g_autoptr(ConveneTimeExpr) expr = convene_time_expr_parse (text, reference, NULL, CONVENE_TIME_EXPR_DEFAULT, NULL);

  return expr != NULL && (expr->has_time || expr->date_from_text);
}

static gboolean
try_split (ConveneDocument  *doc,
           const char       *a,
           const char       *b,
           const GDate      *reference,
           char            **topic,
           char            **when)
{
  g_autofree char *left = g_strstrip (g_strdup (a));
  g_autofree char *right = g_strstrip (g_strdup (b));

  if (*left == '\0' || *right == '\0')
    return FALSE;
  /* The topic names no time at all: "(17:00 Santiago, 20:00 UTC)" is more
   * of the time, not a topic. */
  if (_convene_text_names_meeting (doc, right, reference) && !mentions_time (doc, left, reference))
    {
      *topic = g_steal_pointer (&left);
      *when = g_steal_pointer (&right);
      return TRUE;
    }
  if (_convene_text_names_meeting (doc, left, reference) && !mentions_time (doc, right, reference))
    {
      *topic = g_steal_pointer (&right);
      *when = g_steal_pointer (&left);
      return TRUE;
    }
  return FALSE;
}

/* "Data for climate — Tuesday 9 March, 14:00 UTC", "Tuesday 9 March,
 * 14:00 UTC: Data for climate", "Data for climate (Tuesday 9 March at
 * 2pm UTC)": the topic and the time, when one side names a meeting's day
 * and time and the other does not. */
gboolean
_convene_split_topic_and_time (ConveneDocument  *doc,
                               const char       *text,
                               const GDate      *reference,
                               char            **topic,
                               char            **when)
{
  static const char * const separators[] = { " — ", " – ", " - ", ": ", " | " };
  const char *open = strrchr (text, '(');
  const char *close = open != NULL ? strchr (open, ')') : NULL;

  *topic = *when = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *at = strstr (text, separators[i]);
      g_autofree char *head = NULL;

      if (at == NULL)
        continue;
      head = g_strndup (text, at - text);
      if (try_split (doc, head, at + strlen (separators[i]), reference, topic, when))
        return TRUE;
    }
  if (open != NULL && close != NULL)
    {
      g_autofree char *inner = g_strndup (open + 1, close - open - 1);
      g_autofree char *outer = g_strdup_printf ("%.*s%s", (int) (open - text), text, close + 1);

      return try_split (doc, outer, inner, reference, topic, when);
    }
  return FALSE;
}
