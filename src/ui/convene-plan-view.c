/* convene-plan-view.c: what the plan's sections have in common.
 *
 * The window gives each section the store and binds the selected plan to
 * it; a section only says how to reload itself when either of them changes.
 */
#include "config.h"

#include "ui/convene-plan-view.h"

typedef struct
{
  ConveneStore *store;
  ConvenePlan  *plan;
} ConvenePlanViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ConvenePlanView, convene_plan_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload (ConvenePlanView *self)
{
  ConvenePlanViewClass *klass = CONVENE_PLAN_VIEW_GET_CLASS (self);

  if (klass->reload != NULL)
    klass->reload (self);
}

static void
set_store (ConvenePlanView *self,
           ConveneStore    *store)
{
  ConvenePlanViewPrivate *priv = convene_plan_view_get_instance_private (self);

  if (!g_set_object (&priv->store, store))
    return;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
set_plan (ConvenePlanView *self,
          ConvenePlan     *plan)
{
  ConvenePlanViewPrivate *priv = convene_plan_view_get_instance_private (self);

  if (!g_set_object (&priv->plan, plan))
    return;
  CONVENE_PLAN_VIEW_GET_CLASS (self)->plan_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
convene_plan_view_dispose (GObject *object)
{
  ConvenePlanView *self = CONVENE_PLAN_VIEW (object);
  ConvenePlanViewPrivate *priv = convene_plan_view_get_instance_private (self);

  g_clear_object (&priv->plan);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (convene_plan_view_parent_class)->dispose (object);
}

static void
convene_plan_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ConvenePlanView *self = CONVENE_PLAN_VIEW (object);
  ConvenePlanViewPrivate *priv = convene_plan_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_PLAN:
      g_value_set_object (value, priv->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_plan_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ConvenePlanView *self = CONVENE_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_PLAN:
      set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_plan_view_class_init (ConvenePlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->plan_changed = reload;

  object_class->dispose = convene_plan_view_dispose;
  object_class->get_property = convene_plan_view_get_property;
  object_class->set_property = convene_plan_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONVENE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CONVENE_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_plan_view_init (ConvenePlanView *self)
{
}

/**
 * convene_plan_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store the section reads
 */
ConveneStore *
convene_plan_view_get_store (ConvenePlanView *self)
{
  ConvenePlanViewPrivate *priv;

  g_return_val_if_fail (CONVENE_IS_PLAN_VIEW (self), NULL);
  priv = convene_plan_view_get_instance_private (self);
  return priv->store;
}

/**
 * convene_plan_view_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the section shows
 */
ConvenePlan *
convene_plan_view_get_plan (ConvenePlanView *self)
{
  ConvenePlanViewPrivate *priv;

  g_return_val_if_fail (CONVENE_IS_PLAN_VIEW (self), NULL);
  priv = convene_plan_view_get_instance_private (self);
  return priv->plan;
}
