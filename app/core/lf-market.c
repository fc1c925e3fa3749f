/* lf-market.c: one candidate market, as the user edits it
 *
 * Every setter validates with lf-rules and refuses a bad value with a
 * GError, leaving the market unchanged; it notifies only on a real change.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lf-enums.h"
#include "lf-market.h"

struct _LfMarket
{
  GObject         parent_instance;
  char           *name;
  char           *code;
  LfMarketValues  values;
};

G_DEFINE_FINAL_TYPE (LfMarket, lf_market, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CODE,
  PROP_LOCK,
  PROP_FIRST_PARAM,
  N_PROPS = PROP_FIRST_PARAM + LF_N_PARAMS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
lf_market_values_init_defaults (LfMarketValues *values)
{
  g_return_if_fail (values != NULL);

  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      values->value[i] = lf_param_default (i);
      values->lo[i] = 1;
      values->hi[i] = 1;
    }
  values->has_range = 0;
  values->lock = LF_LOCK_AUTO;
}

gboolean
lf_market_values_check (const LfMarketValues  *values,
                        GError               **error)
{
  g_return_val_if_fail (values != NULL, FALSE);

  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      if (!lf_rules_check_param (i, values->value[i], error))
        return FALSE;
      if ((values->has_range & (1u << i)) && !lf_rules_check_range (values->lo[i], values->hi[i], error))
        return FALSE;
    }
  if (values->lock > LF_LOCK_EXCLUDE)
    {
      g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID, _("lock must be auto, enter or exclude"));
      return FALSE;
    }

  return lf_rules_check_reach (values->value[LF_PARAM_P_MIN], values->value[LF_PARAM_P_MAX], error);
}

/* g_set_str() is GLib 2.76; Debian 12 has 2.74. */
static gboolean
replace_str (char       **str_pointer,
             const char  *new_str)
{
  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);

  return TRUE;
}

static void
emit_changed (LfMarket   *self,
              GParamSpec *pspec)
{
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
lf_market_finalize (GObject *object)
{
  LfMarket *self = (LfMarket *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (lf_market_parent_class)->finalize (object);
}

static void
lf_market_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LfMarket *self = LF_MARKET (object);

  if (prop_id >= PROP_FIRST_PARAM && prop_id < N_PROPS)
    {
      g_value_set_double (value, self->values.value[prop_id - PROP_FIRST_PARAM]);
      return;
    }

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_LOCK:
      g_value_set_enum (value, self->values.lock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* g_object_set() cannot return an error: a bad value there is a programmer
 * error. Front ends call the setters, which report the reason. */
static void
warn_if_refused (gboolean  applied,
                 GError   *error)
{
  if (!applied)
    g_warning ("Refused property value: %s", error->message);
  g_clear_error (&error);
}

static void
lf_market_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LfMarket *self = LF_MARKET (object);
  GError *error = NULL;

  if (prop_id >= PROP_FIRST_PARAM && prop_id < N_PROPS)
    {
      warn_if_refused (lf_market_set_param (self, prop_id - PROP_FIRST_PARAM,
                                            g_value_get_double (value), &error), error);
      return;
    }

  switch (prop_id)
    {
    case PROP_NAME:
      warn_if_refused (lf_market_set_name (self, g_value_get_string (value), &error), error);
      break;

    case PROP_CODE:
      warn_if_refused (lf_market_set_code (self, g_value_get_string (value), &error), error);
      break;

    case PROP_LOCK:
      lf_market_set_lock (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_market_class_init (LfMarketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lf_market_finalize;
  object_class->get_property = lf_market_get_property;
  object_class->set_property = lf_market_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOCK] =
    g_param_spec_enum ("lock", NULL, NULL, LF_TYPE_LOCK, LF_LOCK_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      const LfParamInfo *info = lf_param_info (i);

      properties[PROP_FIRST_PARAM + i] =
        g_param_spec_double (info->property, NULL, NULL, 0, G_MAXDOUBLE, info->default_value,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after any change, uncertainty ranges included. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lf_market_init (LfMarket *self)
{
  self->code = g_strdup ("");
  lf_market_values_init_defaults (&self->values);
}

LfMarket *
lf_market_new (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return lf_market_new_with_values (name, "", NULL);
}

/* The caller has checked name, code and values (the readers do). */
LfMarket *
lf_market_new_with_values (const char           *name,
                           const char           *code,
                           const LfMarketValues *values)
{
  LfMarket *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (LF_TYPE_MARKET, NULL);
  self->name = g_strdup (name);
  g_free (self->code);
  self->code = g_ascii_strup (code ? code : "", -1);
  if (values != NULL)
    self->values = *values;

  return self;
}

LfMarket *
lf_market_dup (LfMarket *self)
{
  g_return_val_if_fail (LF_IS_MARKET (self), NULL);

  return lf_market_new_with_values (self->name, self->code, &self->values);
}

const char *
lf_market_get_name (LfMarket *self)
{
  g_return_val_if_fail (LF_IS_MARKET (self), NULL);

  return self->name;
}

gboolean
lf_market_set_name (LfMarket    *self,
                    const char  *name,
                    GError     **error)
{
  g_return_val_if_fail (LF_IS_MARKET (self), FALSE);

  if (!lf_rules_check_market_name (name, error))
    return FALSE;

  if (replace_str (&self->name, name))
    emit_changed (self, properties[PROP_NAME]);

  return TRUE;
}

const char *
lf_market_get_code (LfMarket *self)
{
  g_return_val_if_fail (LF_IS_MARKET (self), NULL);

  return self->code;
}

gboolean
lf_market_set_code (LfMarket    *self,
                    const char  *code,
                    GError     **error)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (LF_IS_MARKET (self), FALSE);

  if (!lf_rules_check_code (code, error))
    return FALSE;

  upper = g_ascii_strup (code ? code : "", -1);
  if (replace_str (&self->code, upper))
    emit_changed (self, properties[PROP_CODE]);

  return TRUE;
}

LfLock
lf_market_get_lock (LfMarket *self)
{
  g_return_val_if_fail (LF_IS_MARKET (self), LF_LOCK_AUTO);

  return self->values.lock;
}

void
lf_market_set_lock (LfMarket *self,
                    LfLock    lock)
{
  g_return_if_fail (LF_IS_MARKET (self));
  g_return_if_fail (lock <= LF_LOCK_EXCLUDE);

  if (self->values.lock == lock)
    return;

  self->values.lock = lock;
  emit_changed (self, properties[PROP_LOCK]);
}

double
lf_market_get_param (LfMarket *self,
                     LfParam   param)
{
  g_return_val_if_fail (LF_IS_MARKET (self), 0);
  g_return_val_if_fail (param < LF_N_PARAMS, 0);

  return self->values.value[param];
}

gboolean
lf_market_set_param (LfMarket  *self,
                     LfParam    param,
                     double     value,
                     GError   **error)
{
  LfMarketValues values;

  g_return_val_if_fail (LF_IS_MARKET (self), FALSE);
  g_return_val_if_fail (param < LF_N_PARAMS, FALSE);

  if (!lf_rules_check_param (param, value, error))
    return FALSE;

  values = self->values;
  values.value[param] = value;
  if (!lf_rules_check_reach (values.value[LF_PARAM_P_MIN], values.value[LF_PARAM_P_MAX], error))
    return FALSE;

  if (self->values.value[param] == value)
    return TRUE;

  self->values.value[param] = value;
  emit_changed (self, properties[PROP_FIRST_PARAM + param]);

  return TRUE;
}

gboolean
lf_market_get_range (LfMarket *self,
                     LfParam   param,
                     double   *lo,
                     double   *hi)
{
  g_return_val_if_fail (LF_IS_MARKET (self), FALSE);
  g_return_val_if_fail (param < LF_N_PARAMS, FALSE);

  if (lo != NULL)
    *lo = self->values.lo[param];
  if (hi != NULL)
    *hi = self->values.hi[param];

  return (self->values.has_range & (1u << param)) != 0;
}

gboolean
lf_market_set_range (LfMarket  *self,
                     LfParam    param,
                     double     lo,
                     double     hi,
                     GError   **error)
{
  g_return_val_if_fail (LF_IS_MARKET (self), FALSE);
  g_return_val_if_fail (param < LF_N_PARAMS, FALSE);

  if (!lf_rules_check_range (lo, hi, error))
    return FALSE;

  if ((self->values.has_range & (1u << param)) &&
      self->values.lo[param] == lo && self->values.hi[param] == hi)
    return TRUE;

  self->values.has_range |= 1u << param;
  self->values.lo[param] = lo;
  self->values.hi[param] = hi;
  emit_changed (self, NULL);

  return TRUE;
}

void
lf_market_clear_range (LfMarket *self,
                       LfParam   param)
{
  g_return_if_fail (LF_IS_MARKET (self));
  g_return_if_fail (param < LF_N_PARAMS);

  if (!(self->values.has_range & (1u << param)))
    return;

  self->values.has_range &= ~(1u << param);
  self->values.lo[param] = 1;
  self->values.hi[param] = 1;
  emit_changed (self, NULL);
}

const LfMarketValues *
lf_market_get_values (LfMarket *self)
{
  g_return_val_if_fail (LF_IS_MARKET (self), NULL);

  return &self->values;
}

/* Replaces every value at once (undo, import); one notification each. */
gboolean
lf_market_set_values (LfMarket              *self,
                      const LfMarketValues  *values,
                      GError               **error)
{
  LfMarketValues old;

  g_return_val_if_fail (LF_IS_MARKET (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (!lf_market_values_check (values, error))
    return FALSE;

  old = self->values;
  self->values = *values;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      if (old.value[i] != values->value[i])
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_PARAM + i]);
    }
  if (old.lock != values->lock)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK]);
  g_object_thaw_notify (G_OBJECT (self));

  if (memcmp (&old, values, sizeof old) != 0)
    g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}
