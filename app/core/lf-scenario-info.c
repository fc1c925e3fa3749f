/* lf-scenario-info.c: a scenario as the workspace list shows it */

#include "config.h"

#include "lf-scenario-info.h"

struct _LfScenarioInfo
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
};

G_DEFINE_FINAL_TYPE (LfScenarioInfo, lf_scenario_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lf_scenario_info_finalize (GObject *object)
{
  LfScenarioInfo *self = LF_SCENARIO_INFO (object);

  g_free (self->name);

  G_OBJECT_CLASS (lf_scenario_info_parent_class)->finalize (object);
}

static void
lf_scenario_info_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LfScenarioInfo *self = LF_SCENARIO_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_scenario_info_class_init (LfScenarioInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lf_scenario_info_finalize;
  object_class->get_property = lf_scenario_info_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lf_scenario_info_init (LfScenarioInfo *self)
{
}

LfScenarioInfo *
lf_scenario_info_new (gint64      id,
                      const char *name)
{
  LfScenarioInfo *self = g_object_new (LF_TYPE_SCENARIO_INFO, NULL);

  self->id = id;
  self->name = g_strdup (name);

  return self;
}

gint64
lf_scenario_info_get_id (LfScenarioInfo *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO_INFO (self), 0);

  return self->id;
}

const char *
lf_scenario_info_get_name (LfScenarioInfo *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO_INFO (self), NULL);

  return self->name;
}

void
lf_scenario_info_set_name (LfScenarioInfo *self,
                           const char     *name)
{
  g_return_if_fail (LF_IS_SCENARIO_INFO (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
