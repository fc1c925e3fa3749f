/* lf-scenario.c: a scenario, its settings and its markets (a GListModel)
 *
 * The scenario owns its markets and re-emits their changes as its own
 * "changed" signal, so a front end listens in one place and re-solves.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lf-enums.h"
#include "lf-scenario.h"

struct _LfScenario
{
  GObject      parent_instance;
  char        *name;
  char        *currency;
  LfObjective  objective;
  double       budget;          /* NAN: absent */
  double       target_value;    /* NAN: absent */
  double       caps[LF_N_CAPS]; /* NAN: switched off */
  GPtrArray   *markets;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LfScenario, lf_scenario, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_NAME,
  PROP_CURRENCY,
  PROP_OBJECTIVE,
  PROP_BUDGET,
  PROP_TARGET_VALUE,
  PROP_RISK_CAP,
  PROP_HEADCOUNT_CAP,
  PROP_MAX_MARKETS,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static const char *cap_keys[LF_N_CAPS] = { "risk_cap", "headcount_cap", "max_markets" };
static const guint cap_props[LF_N_CAPS] = { PROP_RISK_CAP, PROP_HEADCOUNT_CAP, PROP_MAX_MARKETS };

const char *
lf_cap_to_key (LfCap cap)
{
  g_return_val_if_fail (cap < LF_N_CAPS, NULL);

  return cap_keys[cap];
}

static void
emit_changed (LfScenario *self,
              guint       prop_id)
{
  if (prop_id != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GType
lf_scenario_get_item_type (GListModel *model)
{
  return LF_TYPE_MARKET;
}

static guint
lf_scenario_get_n_items (GListModel *model)
{
  return LF_SCENARIO (model)->markets->len;
}

static gpointer
lf_scenario_get_item (GListModel *model,
                      guint       position)
{
  LfScenario *self = LF_SCENARIO (model);

  if (position >= self->markets->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->markets, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lf_scenario_get_item_type;
  iface->get_n_items = lf_scenario_get_n_items;
  iface->get_item = lf_scenario_get_item;
}

static void
lf_scenario_dispose (GObject *object)
{
  LfScenario *self = (LfScenario *)object;

  for (guint i = 0; i < self->markets->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->markets, i), self);
  g_ptr_array_set_size (self->markets, 0);

  G_OBJECT_CLASS (lf_scenario_parent_class)->dispose (object);
}

static void
lf_scenario_finalize (GObject *object)
{
  LfScenario *self = (LfScenario *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->markets, g_ptr_array_unref);

  G_OBJECT_CLASS (lf_scenario_parent_class)->finalize (object);
}

static void
lf_scenario_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LfScenario *self = LF_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_OBJECTIVE:
      g_value_set_enum (value, self->objective);
      break;

    case PROP_BUDGET:
      g_value_set_double (value, self->budget);
      break;

    case PROP_TARGET_VALUE:
      g_value_set_double (value, self->target_value);
      break;

    case PROP_RISK_CAP:
      g_value_set_double (value, self->caps[LF_CAP_RISK]);
      break;

    case PROP_HEADCOUNT_CAP:
      g_value_set_double (value, self->caps[LF_CAP_HEADCOUNT]);
      break;

    case PROP_MAX_MARKETS:
      g_value_set_double (value, self->caps[LF_CAP_MARKETS]);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->markets->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_scenario_class_init (LfScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = lf_scenario_dispose;
  object_class->finalize = lf_scenario_finalize;
  object_class->get_property = lf_scenario_get_property;

  /* Read-only as properties: the setters validate and report errors. An
   * absent budget, target or cap reads as NAN. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, "USD", flags);
  properties[PROP_OBJECTIVE] =
    g_param_spec_enum ("objective", NULL, NULL, LF_TYPE_OBJECTIVE, LF_OBJECTIVE_MAX_VALUE, flags);
  properties[PROP_BUDGET] = g_param_spec_double ("budget", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_TARGET_VALUE] =
    g_param_spec_double ("target-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_RISK_CAP] = g_param_spec_double ("risk-cap", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_HEADCOUNT_CAP] =
    g_param_spec_double ("headcount-cap", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_MAX_MARKETS] =
    g_param_spec_double ("max-markets", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after any change to the scenario or one of its markets. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lf_scenario_init (LfScenario *self)
{
  self->currency = g_strdup ("USD");
  self->budget = NAN;
  self->target_value = NAN;
  for (guint i = 0; i < LF_N_CAPS; i++)
    self->caps[i] = NAN;
  self->markets = g_ptr_array_new_with_free_func (g_object_unref);
}

LfScenario *
lf_scenario_new (const char *name)
{
  LfScenario *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (LF_TYPE_SCENARIO, NULL);
  self->name = g_strdup (name);

  return self;
}

LfScenario *
lf_scenario_dup (LfScenario *self)
{
  g_autoptr(GPtrArray) markets = NULL;
  LfScenario *copy;

  g_return_val_if_fail (LF_IS_SCENARIO (self), NULL);

  copy = lf_scenario_new (self->name);
  g_free (copy->currency);
  copy->currency = g_strdup (self->currency);
  copy->objective = self->objective;
  copy->budget = self->budget;
  copy->target_value = self->target_value;
  memcpy (copy->caps, self->caps, sizeof copy->caps);

  /* In one step: one by one, each append searches the names before it. */
  markets = g_ptr_array_new_full (self->markets->len, g_object_unref);
  for (guint i = 0; i < self->markets->len; i++)
    g_ptr_array_add (markets, lf_market_dup (g_ptr_array_index (self->markets, i)));
  lf_scenario_append_markets (copy, markets, NULL);

  return copy;
}

const char *
lf_scenario_get_name (LfScenario *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), NULL);

  return self->name;
}

gboolean
lf_scenario_set_name (LfScenario  *self,
                      const char  *name,
                      GError     **error)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);

  if (!lf_rules_check_scenario_name (name, error))
    return FALSE;
  if (g_strcmp0 (self->name, name) == 0)
    return TRUE;

  g_free (self->name);
  self->name = g_strdup (name);
  emit_changed (self, PROP_NAME);

  return TRUE;
}

const char *
lf_scenario_get_currency (LfScenario *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), NULL);

  return self->currency;
}

gboolean
lf_scenario_set_currency (LfScenario  *self,
                          const char  *currency,
                          GError     **error)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);

  if (!lf_rules_check_currency (currency, error))
    return FALSE;

  upper = g_ascii_strup (currency, -1);
  if (g_strcmp0 (self->currency, upper) == 0)
    return TRUE;

  g_free (self->currency);
  self->currency = g_steal_pointer (&upper);
  emit_changed (self, PROP_CURRENCY);

  return TRUE;
}

LfObjective
lf_scenario_get_objective (LfScenario *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), LF_OBJECTIVE_MAX_VALUE);

  return self->objective;
}

void
lf_scenario_set_objective (LfScenario  *self,
                           LfObjective  objective)
{
  g_return_if_fail (LF_IS_SCENARIO (self));
  g_return_if_fail (objective <= LF_OBJECTIVE_MIN_COST);

  if (self->objective == objective)
    return;

  self->objective = objective;
  emit_changed (self, PROP_OBJECTIVE);
}

/* Both NAN counts as equal: an absent value set absent is no change. */
static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static void
store_double (LfScenario *self,
              double     *slot,
              double      value,
              guint       prop_id)
{
  if (same_double (*slot, value))
    return;

  *slot = value;
  emit_changed (self, prop_id);
}

gboolean
lf_scenario_has_budget (LfScenario *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);

  return !isnan (self->budget);
}

double
lf_scenario_get_budget (LfScenario *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), NAN);

  return self->budget;
}

gboolean
lf_scenario_set_budget (LfScenario  *self,
                        double       budget,
                        GError     **error)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);

  if (!lf_rules_check_money ("budget", budget, error))
    return FALSE;

  store_double (self, &self->budget, budget, PROP_BUDGET);

  return TRUE;
}

void
lf_scenario_clear_budget (LfScenario *self)
{
  g_return_if_fail (LF_IS_SCENARIO (self));

  store_double (self, &self->budget, NAN, PROP_BUDGET);
}

gboolean
lf_scenario_has_target_value (LfScenario *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);

  return !isnan (self->target_value);
}

double
lf_scenario_get_target_value (LfScenario *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), NAN);

  return self->target_value;
}

gboolean
lf_scenario_set_target_value (LfScenario  *self,
                              double       target,
                              GError     **error)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);

  if (!lf_rules_check_money ("target_value", target, error))
    return FALSE;

  store_double (self, &self->target_value, target, PROP_TARGET_VALUE);

  return TRUE;
}

void
lf_scenario_clear_target_value (LfScenario *self)
{
  g_return_if_fail (LF_IS_SCENARIO (self));

  store_double (self, &self->target_value, NAN, PROP_TARGET_VALUE);
}

gboolean
lf_scenario_has_cap (LfScenario *self,
                     LfCap       cap)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (cap < LF_N_CAPS, FALSE);

  return !isnan (self->caps[cap]);
}

double
lf_scenario_get_cap (LfScenario *self,
                     LfCap       cap)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), NAN);
  g_return_val_if_fail (cap < LF_N_CAPS, NAN);

  return self->caps[cap];
}

gboolean
lf_scenario_set_cap (LfScenario  *self,
                     LfCap        cap,
                     double       value,
                     GError     **error)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (cap < LF_N_CAPS, FALSE);

  if (cap == LF_CAP_MARKETS && !lf_rules_check_max_markets (value, error))
    return FALSE;
  if (cap != LF_CAP_MARKETS && !lf_rules_check_money (cap_keys[cap], value, error))
    return FALSE;

  store_double (self, &self->caps[cap], value, cap_props[cap]);

  return TRUE;
}

void
lf_scenario_clear_cap (LfScenario *self,
                       LfCap       cap)
{
  g_return_if_fail (LF_IS_SCENARIO (self));
  g_return_if_fail (cap < LF_N_CAPS);

  store_double (self, &self->caps[cap], NAN, cap_props[cap]);
}

guint
lf_scenario_get_n_markets (LfScenario *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), 0);

  return self->markets->len;
}

/* Borrowed: valid while the market stays in the scenario. */
LfMarket *
lf_scenario_get_market (LfScenario *self,
                        guint       position)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (position < self->markets->len, NULL);

  return g_ptr_array_index (self->markets, position);
}

/* Names are unique without regard to case (model.md); -1 when absent. */
int
lf_scenario_find_market (LfScenario *self,
                         const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (LF_IS_SCENARIO (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < self->markets->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (lf_market_get_name (g_ptr_array_index (self->markets, i)), -1);

      if (strcmp (other, folded) == 0)
        return (int) i;
    }

  return -1;
}

static void
on_market_changed_cb (LfScenario *self,
                      LfMarket   *market)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A plain connection: the scenario holds a reference to each market and
 * disconnects it on removal and in dispose. g_signal_connect_object would
 * also watch the closure on the scenario, and GLib grows that list one
 * element at a time: reading 20 000 markets cost 17 s and 2 GB in a
 * sanitized build (found by test-limits). */
static void
connect_market (LfScenario *self,
                LfMarket   *market)
{
  g_signal_connect_swapped (market, "changed", G_CALLBACK (on_market_changed_cb), self);
}

static void
items_changed (LfScenario *self,
               guint       position,
               guint       removed,
               guint       added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
lf_scenario_insert_market (LfScenario  *self,
                           guint        position,
                           LfMarket    *market,
                           GError     **error)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (LF_IS_MARKET (market), FALSE);
  g_return_val_if_fail (position <= self->markets->len, FALSE);

  if (lf_scenario_find_market (self, lf_market_get_name (market)) >= 0)
    {
      g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID,
                   _("a market named “%s” is already in the scenario"), lf_market_get_name (market));
      return FALSE;
    }
  if (self->markets->len >= LF_MAX_MARKETS)
    {
      g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID,
                   _("a scenario holds at most %d markets"), LF_MAX_MARKETS);
      return FALSE;
    }

  g_ptr_array_insert (self->markets, position, g_object_ref (market));
  connect_market (self, market);
  items_changed (self, position, 0, 1);

  return TRUE;
}

gboolean
lf_scenario_append_market (LfScenario  *self,
                           LfMarket    *market,
                           GError     **error)
{
  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);

  return lf_scenario_insert_market (self, self->markets->len, market, error);
}

static gboolean
add_folded_name (GHashTable  *names,
                 LfMarket    *market,
                 GError     **error)
{
  if (g_hash_table_add (names, g_utf8_casefold (lf_market_get_name (market), -1)))
    return TRUE;

  g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID,
               _("a market named “%s” is already in the scenario"), lf_market_get_name (market));

  return FALSE;
}

/* Appends @markets (an array of LfMarket) in one step, as the readers do:
 * one table of names instead of a search per market, which would make a
 * file of 20 000 markets take minutes. Nothing is added on error. */
gboolean
lf_scenario_append_markets (LfScenario  *self,
                            GPtrArray   *markets,
                            GError     **error)
{
  g_autoptr(GHashTable) names = NULL;
  guint position;

  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (markets != NULL, FALSE);

  if (self->markets->len + markets->len > LF_MAX_MARKETS)
    {
      g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID,
                   _("a scenario holds at most %d markets"), LF_MAX_MARKETS);
      return FALSE;
    }

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->markets->len; i++)
    add_folded_name (names, g_ptr_array_index (self->markets, i), NULL);
  for (guint i = 0; i < markets->len; i++)
    {
      g_return_val_if_fail (LF_IS_MARKET (g_ptr_array_index (markets, i)), FALSE);
      if (!add_folded_name (names, g_ptr_array_index (markets, i), error))
        return FALSE;
    }

  position = self->markets->len;
  for (guint i = 0; i < markets->len; i++)
    {
      LfMarket *market = g_ptr_array_index (markets, i);

      g_ptr_array_add (self->markets, g_object_ref (market));
      connect_market (self, market);
    }
  if (markets->len > 0)
    items_changed (self, position, 0, markets->len);

  return TRUE;
}

gboolean
lf_scenario_rename_market (LfScenario  *self,
                           guint        position,
                           const char  *name,
                           GError     **error)
{
  LfMarket *market;
  int other;

  g_return_val_if_fail (LF_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (position < self->markets->len, FALSE);

  market = g_ptr_array_index (self->markets, position);
  if (!lf_rules_check_market_name (name, error))
    return FALSE;

  other = lf_scenario_find_market (self, name);
  if (other >= 0 && (guint) other != position)
    {
      g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID,
                   _("a market named “%s” is already in the scenario"), name);
      return FALSE;
    }

  return lf_market_set_name (market, name, error);
}

void
lf_scenario_remove_market (LfScenario *self,
                           guint       position)
{
  LfMarket *market;

  g_return_if_fail (LF_IS_SCENARIO (self));
  g_return_if_fail (position < self->markets->len);

  market = g_ptr_array_index (self->markets, position);
  g_signal_handlers_disconnect_by_data (market, self);
  g_ptr_array_remove_index (self->markets, position);
  items_changed (self, position, 1, 0);
}

void
lf_scenario_move_market (LfScenario *self,
                         guint       from,
                         guint       to)
{
  gpointer market;

  g_return_if_fail (LF_IS_SCENARIO (self));
  g_return_if_fail (from < self->markets->len);
  g_return_if_fail (to < self->markets->len);

  if (from == to)
    return;

  market = g_ptr_array_steal_index (self->markets, from);
  g_ptr_array_insert (self->markets, to, market);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
                              MAX (from, to) - MIN (from, to) + 1);
  g_signal_emit (self, signals[CHANGED], 0);
}
