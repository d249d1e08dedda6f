/* convene-enum-labels.c: labels for the model's enumerations, for the CLI's
 * tables and anything else without GTK.  The contexts and words are the
 * window's (src/ui/convene-format.c), so that one translation serves both. */
#include "config.h"

#include "model/convene-enum-labels.h"

#include <glib/gi18n.h>

#include "model/convene-enum-types.h"
#include "i18n/convene-i18n.h"

typedef struct {
  GType     (*get_type) (void);
  const char *context;
  const char *labels[8];  /* in the enumeration's order */
} Labels;

static const Labels tables[] = {
  { convene_session_status_get_type, "session status",
    { NC_("session status", "Scheduled"), NC_("session status", "Tentative"),
      NC_("session status", "No meeting"), NC_("session status", "Cancelled"),
      NC_("session status", "Held") } },
  { convene_session_format_get_type, "session format",
    { NC_("session format", "Meeting"), NC_("session format", "Panel"),
      NC_("session format", "Discussion"), NC_("session format", "Meetup"),
      NC_("session format", "Roundtable"), NC_("session format", "Fair"),
      NC_("session format", "Workshop"), NC_("session format", "Survey") } },
  { convene_plan_status_get_type, "plan status",
    { NC_("plan status", "Draft"), NC_("plan status", "Approved") } },
  { convene_action_status_get_type, "action status",
    { NC_("action status", "Planned"), NC_("action status", "In progress"),
      NC_("action status", "Done"), NC_("action status", "Dropped") } },
  { convene_sector_get_type, "sector",
    { NC_("sector", "National government"), NC_("sector", "Local government"),
      NC_("sector", "Civil society"), NC_("sector", "Academia"),
      NC_("sector", "Private sector"), NC_("sector", "Multilateral"), NC_("sector", "Other") } },
  { convene_resource_kind_get_type, "resource kind",
    { NC_("resource kind", "Event"), NC_("resource kind", "Best practice"),
      NC_("resource kind", "Resource"), NC_("resource kind", "Recording"),
      NC_("resource kind", "Blog post"), NC_("resource kind", "Survey") } },
  { convene_blog_state_get_type, "blog state",
    { NC_("blog state", "Planned"), NC_("blog state", "Draft"), NC_("blog state", "Published") } },
};

/**
 * convene_enum_labels_lookup:
 * @enum_type: one of the model's enumerations
 * @value: one of its values
 * @language: (nullable): the language to write in; %NULL for the user's own
 *
 * Returns: (transfer none): "No meeting" ("Sin reunión" in Spanish); the
 *   value's nick for an enumeration without labels; "" for no value
 */
const char *
convene_enum_labels_lookup (GType       enum_type,
                            int         value,
                            const char *language)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (tables[t].get_type () == enum_type)
      {
        if (value < 0 || value >= (int) G_N_ELEMENTS (tables[t].labels) || tables[t].labels[value] == NULL)
          return "";
        return convene_i18n_pgettext (NULL, language, tables[t].context, tables[t].labels[value]);
      }

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), "");
  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);
  return enum_value != NULL ? enum_value->value_nick : "";
}
