/* lf-preferences.c: the preferences window */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-preferences.h"

struct _LfPreferences
{
  AdwPreferencesWindow  parent_instance;
  GSettings            *settings;
  AdwComboRow          *money_row;
  AdwComboRow          *style_row;
  AdwComboRow          *language_row;
  GtkSpinButton        *time_limit_spin;
};

G_DEFINE_FINAL_TYPE (LfPreferences, lf_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      if (g_strcmp0 (nicks[i], nick) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  const char *const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[selected]);
}

static void
bind_combo (LfPreferences      *self,
            const char         *key,
            AdwComboRow        *row,
            const char * const *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                enum_to_selected, selected_to_enum, (gpointer) nicks, NULL);
}

static void
lf_preferences_constructed (GObject *object)
{
  static const char *const money_nicks[] = { "units", "thousands", "millions", NULL };
  static const char *const style_nicks[] = { "follow", "light", "dark", NULL };
  /* In the order of the language row; "" follows the system. */
  static const char *const languages[] = { "", "en", "zh_CN", "ja", "de", "fr", "pt_BR", NULL };
  LfPreferences *self = LF_PREFERENCES (object);

  G_OBJECT_CLASS (lf_preferences_parent_class)->constructed (object);

  bind_combo (self, "money-scale", self->money_row, money_nicks);
  bind_combo (self, "style", self->style_row, style_nicks);
  bind_combo (self, "language", self->language_row, languages);
  g_settings_bind (self->settings, "time-limit", self->time_limit_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
lf_preferences_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LfPreferences *self = LF_PREFERENCES (object);

  if (prop_id == 1)
    self->settings = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lf_preferences_dispose (GObject *object)
{
  LfPreferences *self = LF_PREFERENCES (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lf_preferences_parent_class)->dispose (object);
}

static void
lf_preferences_class_init (LfPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lf_preferences_constructed;
  object_class->set_property = lf_preferences_set_property;
  object_class->dispose = lf_preferences_dispose;

  g_object_class_install_property (object_class, 1,
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lf-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, LfPreferences, money_row);
  gtk_widget_class_bind_template_child (widget_class, LfPreferences, style_row);
  gtk_widget_class_bind_template_child (widget_class, LfPreferences, language_row);
  gtk_widget_class_bind_template_child (widget_class, LfPreferences, time_limit_spin);
}

static void
lf_preferences_init (LfPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LfPreferences *
lf_preferences_new (GSettings *settings)
{
  return g_object_new (LF_TYPE_PREFERENCES, "settings", settings, NULL);
}
