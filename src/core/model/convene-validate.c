/* convene-validate.c: one validator for the model's rules, driven by the
 * value kinds and flags of each type's field table. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "model/convene-validate.h"
#include "model/convene-session.h"
#include "model/convene-values.h"

static gboolean
refuse (char       **message,
        char        *text)
{
  if (message != NULL)
    *message = text;
  else
    g_free (text);
  return FALSE;
}

/* An RRULE names its frequency; libical reads the rest when the series is
 * expanded, so the rule is only checked for the part a person must write. */
static gboolean
recurrence_is_valid (const char *text)
{
  return strstr (text, "FREQ=") != NULL;
}

static gboolean
any_text (const char *text)
{
  return TRUE;
}

/* Each value kind: its check, and what a person reads when a value fails it
 * (%s is the value).  Indexed by ConveneValueKind. */
static const struct {
  gboolean   (*is_valid) (const char *text);
  const char  *refusal;
} kinds[] = {
  [CONVENE_VALUE_TEXT] = { any_text, NULL },
  [CONVENE_VALUE_MONTH] = { convene_month_is_valid,
                            N_("the month “%s” is not a month (YYYY-MM)") },
  [CONVENE_VALUE_DUE] = { convene_due_is_valid,
                          N_("the due date “%s” is not a year, month or day (YYYY, YYYY-MM or YYYY-MM-DD)") },
  [CONVENE_VALUE_DATE] = { convene_date_is_valid,
                           N_("the date “%s” is not a day (YYYY-MM-DD)") },
  [CONVENE_VALUE_ZONE] = { convene_timezone_is_valid,
                           N_("“%s” is not a time zone (an IANA name such as Europe/London, UTC, or an offset such as -06:00)") },
  [CONVENE_VALUE_URL] = { convene_url_is_valid,
                          N_("“%s” is not a web address") },
  [CONVENE_VALUE_RECURRENCE] = { recurrence_is_valid,
                                 N_("the repetition “%s” is not a rule such as FREQ=WEEKLY;INTERVAL=2") },
  [CONVENE_VALUE_EMAIL] = { convene_email_is_valid,
                            N_("“%s” is not an email address (such as ann@example.org)") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == CONVENE_VALUE_EMAIL + 1);

/**
 * convene_value_validate:
 * @kind: what @text is meant to be
 * @text: (nullable): the value; %NULL (unknown) is always valid
 * @message: (out) (optional) (transfer full): why it is not valid
 *
 * Returns: whether @text has the format of @kind
 */
gboolean
convene_value_validate (ConveneValueKind   kind,
                        const char        *text,
                        char             **message)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), FALSE);

  if (text == NULL || kinds[kind].is_valid (text))
    return TRUE;
  return refuse (message, g_strdup_printf (_(kinds[kind].refusal), text));
}

static gboolean
refuse_missing (const ConveneField  *field,
                char               **message)
{
  return refuse (message, g_strdup (field->missing != NULL ? _(field->missing)
                                                           : _("a required value is missing")));
}

/**
 * convene_field_validate:
 * @field: a field of a type's table
 * @text: (nullable): a text value for it; for a list, one item
 * @message: (out) (optional) (transfer full): why it is not valid
 *
 * Returns: whether @text may be stored in @field: present if the field is
 *   required, and of the field's value kind
 */
gboolean
convene_field_validate (const ConveneField  *field,
                        const char          *text,
                        char               **message)
{
  gboolean needed;

  g_return_val_if_fail (field != NULL, FALSE);

  needed = (field->flags & (CONVENE_FIELD_FLAG_REQUIRED | CONVENE_FIELD_FLAG_PARENT)) != 0;
  if (needed && (text == NULL || *text == '\0'))
    return refuse_missing (field, message);
  return convene_value_validate (field->value, text, message);
}

/**
 * convene_entity_validate_field:
 * @type: an entity type
 * @name: the property name of one of its fields ("recording-url")
 * @text: (nullable): a text value for it; for a list, one item
 * @message: (out) (optional) (transfer full): why it is not valid
 *
 * What a form calls as the user types into the row of one field.
 *
 * Returns: whether @text may be stored in that field
 */
gboolean
convene_entity_validate_field (GType         type,
                               const char   *name,
                               const char   *text,
                               char        **message)
{
  g_autoptr(GTypeClass) klass = NULL;
  const ConveneField *field;

  g_return_val_if_fail (g_type_is_a (type, CONVENE_TYPE_ENTITY), FALSE);

  klass = g_type_class_ref (type);
  field = convene_entity_class_find_field (CONVENE_ENTITY_CLASS (klass), name);
  g_return_val_if_fail (field != NULL, FALSE);
  return convene_field_validate (field, text, message);
}

static gboolean
validate_value (ConveneEntity       *entity,
                const ConveneField  *field,
                char               **message)
{
  gpointer ptr = CONVENE_FIELD_PTR (entity, field);
  gboolean needed = (field->flags & (CONVENE_FIELD_FLAG_REQUIRED | CONVENE_FIELD_FLAG_PARENT)) != 0;

  switch (field->kind)
    {
    case CONVENE_FIELD_STRING:
      return convene_field_validate (field, *(char **) ptr, message);
    case CONVENE_FIELD_STRV:
      for (char **item = *(char ***) ptr; item != NULL && *item != NULL; item++)
        if (!convene_value_validate (field->value, *item, message))
          return FALSE;
      return TRUE;
    case CONVENE_FIELD_REF:
      if (needed && *(gint64 *) ptr == 0)
        return refuse_missing (field, message);
      return TRUE;
    default:
      return TRUE;
    }
}

/* Rules that bind two fields of a session together. */
static gboolean
validate_session (ConveneSession  *session,
                  char           **message)
{
  if (convene_session_get_start (session) != NULL && convene_session_get_timezone (session) == NULL)
    return refuse (message, g_strdup (_("a session with a start time needs the time zone it was fixed in")));
  if (convene_session_get_duration_minutes (session) < 0)
    return refuse (message, g_strdup (_("the length may not be negative")));
  return TRUE;
}

/**
 * convene_entity_validate:
 * @entity: an object about to be stored
 * @message: (out) (optional) (transfer full): what is wrong, for the first
 *   value that breaks a rule
 *
 * Checks every field of @entity in table order: required values, and
 * months, dues, dates, zones, addresses and repetitions in their formats.
 *
 * Returns: whether @entity keeps the model's rules
 */
gboolean
convene_entity_validate (ConveneEntity  *entity,
                         char          **message)
{
  guint n_fields;
  const ConveneField *fields;

  g_return_val_if_fail (CONVENE_IS_ENTITY (entity), FALSE);

  fields = convene_entity_class_get_fields (CONVENE_ENTITY_GET_CLASS (entity), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (!validate_value (entity, &fields[i], message))
      return FALSE;
  if (CONVENE_IS_SESSION (entity))
    return validate_session (CONVENE_SESSION (entity), message);
  return TRUE;
}

/**
 * convene_entity_get_label:
 *
 * Returns: what a message calls @entity: its title, topic or name (its
 *   first required text), or its type's name when that is unknown
 */
const char *
convene_entity_get_label (ConveneEntity *entity)
{
  guint n_fields;
  const ConveneField *fields;

  g_return_val_if_fail (CONVENE_IS_ENTITY (entity), NULL);

  fields = convene_entity_class_get_fields (CONVENE_ENTITY_GET_CLASS (entity), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].kind == CONVENE_FIELD_STRING && (fields[i].flags & CONVENE_FIELD_FLAG_REQUIRED) != 0 &&
        *(char **) CONVENE_FIELD_PTR (entity, &fields[i]) != NULL)
      return *(char **) CONVENE_FIELD_PTR (entity, &fields[i]);
  return G_OBJECT_TYPE_NAME (entity) + strlen ("Convene");
}
