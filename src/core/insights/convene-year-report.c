/* convene-year-report.c: the end-of-year review the seeds' groups write,
 * from the plan's own data.
 *
 * The Markdown is the report; the PDF lays out the same lines with Pango
 * on cairo pages (headings, paragraphs, and tables in a fixed-width face
 * so that their columns line up), so the two never say different things.
 * Every message goes through convene_i18n_pgettext() with the report's
 * language, so a Spanish report can be written from an English desktop. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "insights/convene-insights.h"
#include "insights/convene-year-report.h"
#include "model/convene-action.h"
#include "model/convene-blog-post.h"
#include "model/convene-enum-labels.h"
#include "model/convene-enum-types.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"

#define TR(msgid) convene_i18n_pgettext (NULL, language, NULL, (msgid))

/* A table cell: no line breaks, and no bar that would end the cell. */
static void
append_cell (GString    *out,
             const char *text)
{
  g_string_append (out, " ");
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, " |");
}

static void
begin_table (GString    *out,
             const char *first,
             ...)
{
  va_list args;
  guint n = 0;

  g_string_append (out, "|");
  va_start (args, first);
  for (const char *h = first; h != NULL; h = va_arg (args, const char *), n++)
    append_cell (out, h);
  va_end (args);
  g_string_append (out, "\n|");
  for (guint i = 0; i < n; i++)
    g_string_append (out, "---|");
  g_string_append (out, "\n");
}

static char *
percent (int part,
         int whole)
{
  return whole > 0 ? g_strdup_printf ("%d%%", (int) (100.0 * part / whole + 0.5)) : g_strdup ("–");
}

static void
write_sessions (GString         *out,
                GPtrArray       *sessions,
                ConveneInsights *insights,
                ConveneStore    *store,
                const char      *language)
{
  int held = 0;

  g_string_append_printf (out, "## %s\n\n", TR (N_("Sessions")));
  begin_table (out, TR (N_("Month")), TR (N_("Topic")), TR (N_("Status")), TR (N_("Start (UTC)")),
               TR (N_("Attended")), NULL);
  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *s = g_ptr_array_index (sessions, i);
      g_autoptr(GArray) people = convene_store_get_attendance (store, convene_entity_get_id (CONVENE_ENTITY (s)), NULL);
      g_autofree char *start = NULL;
      g_autofree char *count = g_strdup_printf ("%u", people != NULL ? people->len : 0);

      if (convene_session_get_start (s) != NULL)
        start = g_date_time_format (convene_session_get_start (s), "%Y-%m-%d %H:%M");
      held += convene_session_get_status (s) == CONVENE_SESSION_STATUS_HELD ||
              (people != NULL && people->len > 0);
      g_string_append (out, "|");
      append_cell (out, convene_session_get_month (s) != NULL ? convene_session_get_month (s) : "TBC");
      append_cell (out, convene_session_get_topic (s));
      append_cell (out, convene_enum_labels_lookup (CONVENE_TYPE_SESSION_STATUS,
                                                    convene_session_get_status (s), language));
      append_cell (out, start);
      append_cell (out, count);
      g_string_append (out, "\n");
    }
  {
    g_autofree char *counted = g_strdup_printf (TR (N_("Sessions counted in the night-time ledger: %u.")),
                                                insights->starts->len);
    g_autofree char *line = g_strdup_printf (TR (N_("Sessions held or with attendance recorded: %d.")), held);

    g_string_append_printf (out, "\n%s %s\n\n", counted, line);
  }
}

/* Attendance by sector and by region, and the government share of each
 * session's attendees over the year. */
static void
write_participation (GString         *out,
                     ConveneInsights *insights,
                     const char      *language)
{
  g_string_append_printf (out, "## %s\n\n", TR (N_("Participation by sector")));
  begin_table (out, TR (N_("Sector")), TR (N_("Attendances")), TR (N_("Share")), NULL);
  for (int s = CONVENE_SECTOR_NATIONAL_GOVERNMENT; s <= CONVENE_SECTOR_OTHER; s++)
    {
      g_autofree char *n = g_strdup_printf ("%d", insights->by_sector[s]);
      g_autofree char *share = percent (insights->by_sector[s], insights->attendance_rows);

      g_string_append (out, "|");
      append_cell (out, convene_enum_labels_lookup (CONVENE_TYPE_SECTOR, s, language));
      append_cell (out, n);
      append_cell (out, share);
      g_string_append (out, "\n");
    }
  g_string_append_printf (out, "\n## %s\n\n", TR (N_("Participation and nights by region")));
  begin_table (out, TR (N_("Region")), TR (N_("Members")), TR (N_("Attendances")),
               TR (N_("Sessions in its night")), NULL);
  for (guint r = 0; r < insights->regions->len; r++)
    {
      ConveneInsightsRegion *region = g_ptr_array_index (insights->regions, r);
      g_autofree char *members = g_strdup_printf ("%d", region->members);
      g_autofree char *attended = g_strdup_printf ("%d", region->attended);
      g_autofree char *nights = g_strdup_printf ("%d", region->night_sessions);

      if (region->members == 0 && region->attended == 0)
        continue;
      g_string_append (out, "|");
      append_cell (out, *region->region != '\0' ? region->region : TR (N_("No region")));
      append_cell (out, members);
      append_cell (out, attended);
      append_cell (out, nights);
      g_string_append (out, "\n");
    }
  g_string_append (out, "\n");
}

/* Each counted start's attendees, an occurrence of a series by its own. */
static void
write_government_share (GString         *out,
                        ConveneInsights *insights,
                        const char      *language)
{
  g_string_append_printf (out, "## %s\n\n", TR (N_("Government participation over the year")));
  begin_table (out, TR (N_("Date (UTC)")), TR (N_("Attended")), TR (N_("Government")), TR (N_("Share")), NULL);
  for (guint s = 0; s < insights->starts->len; s++)
    {
      ConveneInsightsStart *start = &g_array_index (insights->starts, ConveneInsightsStart, s);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (start->when);
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
      g_autofree char *n = g_strdup_printf ("%d", insights->attended[s]);
      g_autofree char *gov = g_strdup_printf ("%d", insights->government[s]);
      g_autofree char *share = percent (insights->government[s], insights->attended[s]);

      g_string_append (out, "|");
      append_cell (out, date);
      append_cell (out, n);
      append_cell (out, gov);
      append_cell (out, share);
      g_string_append (out, "\n");
    }
  g_string_append (out, "\n");
}

static void
write_ledger (GString         *out,
              ConveneInsights *insights,
              const char      *language)
{
  g_string_append_printf (out, "## %s\n\n", TR (N_("The night-time ledger")));
  begin_table (out, TR (N_("Member")), TR (N_("Region")), TR (N_("Zone")), TR (N_("Night")),
               TR (N_("Outside working hours")), NULL);
  for (guint m = 0; m < insights->members->len; m++)
    {
      ConveneInsightsMember *member = g_ptr_array_index (insights->members, m);
      g_autofree char *night = NULL, *outside = NULL;

      if (member->tz == NULL)
        continue;
      night = g_strdup_printf ("%d", member->night);
      outside = g_strdup_printf ("%d", member->outside_hours);
      g_string_append (out, "|");
      append_cell (out, member->name);
      append_cell (out, member->region);
      append_cell (out, member->timezone);
      append_cell (out, night);
      append_cell (out, outside);
      g_string_append (out, "\n");
    }
  g_string_append (out, "\n");
}

static void
write_outputs (GString    *out,
               GPtrArray  *sessions,
               GPtrArray  *actions,
               const char *language)
{
  gboolean any = FALSE;

  g_string_append_printf (out, "## %s\n\n", TR (N_("Recordings and blog posts")));
  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *s = g_ptr_array_index (sessions, i);
      ConveneBlogPost *blog = convene_session_get_blog (s);

      if (convene_session_get_recording_url (s) != NULL)
        g_string_append_printf (out, "- %s: %s %s\n", convene_session_get_topic (s),
                                TR (N_("recording")), convene_session_get_recording_url (s)), any = TRUE;
      if (blog != NULL)
        g_string_append_printf (out, "- %s: %s %s (%s)\n", convene_session_get_topic (s), TR (N_("blog post")),
                                blog->url != NULL ? blog->url : (blog->author != NULL ? blog->author : ""),
                                convene_enum_labels_lookup (CONVENE_TYPE_BLOG_STATE, blog->state, language)),
          any = TRUE;
    }
  if (!any)
    g_string_append_printf (out, "%s\n", TR (N_("No recordings or blog posts were recorded.")));
  g_string_append_printf (out, "\n## %s\n\n", TR (N_("Actions")));
  begin_table (out, TR (N_("Action")), TR (N_("Status")), TR (N_("Due")), NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      ConveneAction *a = g_ptr_array_index (actions, i);

      g_string_append (out, "|");
      append_cell (out, convene_action_get_title (a));
      append_cell (out, convene_enum_labels_lookup (CONVENE_TYPE_ACTION_STATUS, convene_action_get_status (a), language));
      append_cell (out, convene_action_get_due (a));
      g_string_append (out, "\n");
    }
}

/**
 * convene_year_report_markdown:
 * @language: (nullable): "en", "es"; %NULL for the user's own
 *
 * Returns: (transfer full): the year report of @plan, or %NULL
 */
char *
convene_year_report_markdown (ConveneStore  *store,
                              gint64         plan,
                              const char    *language,
                              GError       **error)
{
  g_autoptr(ConvenePlan) p = convene_store_load (store, CONVENE_TYPE_PLAN, plan, error);
  g_autoptr(ConveneInsights) insights = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GString) out = NULL;

  if (p == NULL)
    return NULL;
  insights = convene_insights_compute (store, plan, NULL, error);
  if (insights == NULL)
    return NULL;
  sessions = convene_store_query (store, CONVENE_TYPE_SESSION, "plan", plan, error);
  if (sessions == NULL)
    return NULL;
  actions = convene_store_query (store, CONVENE_TYPE_ACTION, "plan", plan, error);
  if (actions == NULL)
    return NULL;
  out = g_string_new (NULL);
  g_string_append_printf (out, "# %s: %s\n\n", convene_plan_get_title (p), TR (N_("the year in review")));
  if (convene_plan_get_group (p) != NULL)
    g_string_append_printf (out, "%s\n\n", convene_plan_get_group (p));
  write_sessions (out, sessions, insights, store, language);
  write_participation (out, insights, language);
  write_government_share (out, insights, language);
  write_ledger (out, insights, language);
  write_outputs (out, sessions, actions, language);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One line of the Markdown on the page; returns the height it took. */
static double
draw_line (cairo_t    *cr,
           const char *line,
           double      y,
           double      width,
           gboolean    measure_only)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = NULL;
  const char *text = line;
  int w, h;

  if (g_str_has_prefix (line, "# "))
    font = pango_font_description_from_string ("Sans Bold 17"), text = line + 2;
  else if (g_str_has_prefix (line, "## "))
    font = pango_font_description_from_string ("Sans Bold 12.5"), text = line + 3;
  else if (g_str_has_prefix (line, "|"))
    font = pango_font_description_from_string ("Monospace 6.5");
  else
    font = pango_font_description_from_string ("Sans 9.5");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  if (!measure_only)
    {
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
    }
  return (double) h / PANGO_SCALE + (g_str_has_prefix (line, "#") ? 6 : 1.5);
}

/* A table's rows padded to the width of each column, so that a
 * fixed-width face lines them up; the separator row is left out. */
static GPtrArray *
pad_tables (char **lines)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL;)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (glong));

      if (lines[i][0] != '|')
        {
          g_ptr_array_add (out, g_strdup (lines[i++]));
          continue;
        }
      for (; lines[i] != NULL && lines[i][0] == '|'; i++)
        {
          g_auto(GStrv) cells = g_strsplit (lines[i] + 1, " |", -1);

          if (g_str_has_prefix (lines[i], "|---"))
            continue;
          for (guint c = 0; cells[c] != NULL; c++)
            {
              glong len = g_utf8_strlen (g_strstrip (cells[c]), -1);

              if (widths->len <= c)
                g_array_set_size (widths, c + 1);
              g_array_index (widths, glong, c) = MAX (g_array_index (widths, glong, c), MIN (len, 34));
            }
          g_ptr_array_add (rows, g_steal_pointer (&cells));
        }
      for (guint r = 0; r < rows->len; r++)
        {
          GStrv cells = g_ptr_array_index (rows, r);
          GString *row = g_string_new ("|");

          for (guint c = 0; cells[c] != NULL && c < widths->len; c++)
            {
              glong len = g_utf8_strlen (cells[c], -1);

              if (*cells[c] == '\0' && cells[c + 1] == NULL)
                break;
              if (len > 34)
                g_string_append_len (row, cells[c], g_utf8_offset_to_pointer (cells[c], 33) - cells[c]),
                  g_string_append (row, "…"), len = 34;
              else
                g_string_append (row, cells[c]);
              for (; len < g_array_index (widths, glong, c); len++)
                g_string_append_c (row, ' ');
              g_string_append (row, " |");
            }
          g_ptr_array_add (out, g_string_free (row, FALSE));
        }
    }
  return out;
}

/**
 * convene_year_report_pdf:
 * @path: where to write the PDF
 *
 * Writes the report of convene_year_report_markdown() as an A4 PDF.
 */
gboolean
convene_year_report_pdf (ConveneStore  *store,
                         gint64         plan,
                         const char    *language,
                         const char    *path,
                         GError       **error)
{
  const double page_w = 595.0, page_h = 842.0, margin = 48.0;
  g_autofree char *markdown = convene_year_report_markdown (store, plan, language, error);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) padded = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double y = 0;

  if (markdown == NULL)
    return FALSE;
  lines = g_strsplit (markdown, "\n", -1);
  padded = pad_tables (lines);
  surface = cairo_pdf_surface_create (path, page_w, page_h);
  cr = cairo_create (surface);
  cairo_translate (cr, margin, margin);
  for (guint i = 0; i < padded->len; i++)
    {
      const char *line = g_ptr_array_index (padded, i);
      double h;

      if (*line == '\0')
        {
          y += 5;
          continue;
        }
      h = draw_line (cr, line, y, page_w - 2 * margin, TRUE);
      /* a heading does not end a page */
      if (y + h > page_h - 2 * margin || (line[0] == '#' && y + h + 40 > page_h - 2 * margin && y > 0))
        {
          cairo_show_page (cr);
          y = 0;
        }
      y += draw_line (cr, line, y, page_w - 2 * margin, FALSE);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” could not be written: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
