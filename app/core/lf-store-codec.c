/* lf-store-codec.c: markets and scenarios as the history keeps them
 *
 * A removed market or scenario lives on in the history as JSON, so that
 * undo can put it back as it was. This is the store's own compact form,
 * not the exchange format of formats.md: it must never change meaning
 * behind an old history, and it is read back with the same checks as any
 * other input, since the file may have been edited by hand.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lf-store-private.h"

JsonNode *
_lf_store_number_node (double value)
{
  JsonNode *node = json_node_alloc ();

  if (isnan (value))
    return json_node_init_null (node);

  return json_node_init_double (node, value);
}

double
_lf_store_node_number (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;

  return json_node_get_double (node);
}

static gboolean
bad_history (GError     **error,
             const char  *what)
{
  g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED,
               _("The workspace history is damaged: %s"), what);
  return FALSE;
}

JsonObject *
_lf_store_market_to_json (LfMarket *market)
{
  const LfMarketValues *v = lf_market_get_values (market);
  JsonObject *object = json_object_new ();
  JsonArray *values = json_array_sized_new (LF_N_PARAMS);
  JsonObject *ranges = json_object_new ();

  json_object_set_string_member (object, "name", lf_market_get_name (market));
  json_object_set_string_member (object, "code", lf_market_get_code (market));
  json_object_set_string_member (object, "lock", lf_lock_to_string (v->lock));
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      json_array_add_double_element (values, v->value[i]);
      if (v->has_range & (1u << i))
        {
          JsonArray *range = json_array_sized_new (2);

          json_array_add_double_element (range, v->lo[i]);
          json_array_add_double_element (range, v->hi[i]);
          json_object_set_array_member (ranges, lf_param_info (i)->key, range);
        }
    }
  json_object_set_array_member (object, "v", values);
  json_object_set_object_member (object, "r", ranges);

  return object;
}

static gboolean
read_ranges (JsonObject      *ranges,
             LfMarketValues  *v,
             GError         **error)
{
  g_autoptr(GList) keys = json_object_get_members (ranges);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (ranges, l->data);
      JsonArray *range;
      LfParam param;

      if (!lf_param_from_key (l->data, &param) || !JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (range = json_node_get_array (node)) != 2)
        return bad_history (error, "range");
      v->has_range |= 1u << param;
      v->lo[param] = json_array_get_double_element (range, 0);
      v->hi[param] = json_array_get_double_element (range, 1);
    }

  return TRUE;
}

LfMarket *
_lf_store_market_from_json (JsonObject  *object,
                            GError     **error)
{
  const char *name = json_object_get_string_member_with_default (object, "name", NULL);
  const char *code = json_object_get_string_member_with_default (object, "code", "");
  const char *lock = json_object_get_string_member_with_default (object, "lock", "");
  JsonArray *values;
  JsonObject *ranges;
  LfMarketValues v;

  lf_market_values_init_defaults (&v);
  if (!json_object_has_member (object, "v") || !json_object_has_member (object, "r") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "v")) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "r")))
    return bad_history (error, "market"), NULL;
  values = json_object_get_array_member (object, "v");
  ranges = json_object_get_object_member (object, "r");
  if (json_array_get_length (values) != LF_N_PARAMS || !lf_lock_from_string (lock, &v.lock))
    return bad_history (error, "market"), NULL;
  for (guint i = 0; i < LF_N_PARAMS; i++)
    v.value[i] = json_array_get_double_element (values, i);
  if (!read_ranges (ranges, &v, error))
    return NULL;

  if (!lf_rules_check_market_name (name, error) ||
      !lf_rules_check_code (code, error) ||
      !lf_market_values_check (&v, error))
    return NULL;

  return lf_market_new_with_values (name, code, &v);
}

JsonObject *
_lf_store_scenario_to_json (LfScenario *scenario)
{
  JsonObject *object = json_object_new ();
  JsonArray *markets = json_array_new ();
  guint n = lf_scenario_get_n_markets (scenario);

  json_object_set_string_member (object, "name", lf_scenario_get_name (scenario));
  json_object_set_string_member (object, "currency", lf_scenario_get_currency (scenario));
  json_object_set_string_member (object, "objective",
                                 lf_objective_to_string (lf_scenario_get_objective (scenario)));
  json_object_set_member (object, "budget", _lf_store_number_node (lf_scenario_get_budget (scenario)));
  json_object_set_member (object, "target_value",
                          _lf_store_number_node (lf_scenario_get_target_value (scenario)));
  for (guint c = 0; c < LF_N_CAPS; c++)
    json_object_set_member (object, lf_cap_to_key (c),
                            _lf_store_number_node (lf_scenario_get_cap (scenario, c)));
  for (guint i = 0; i < n; i++)
    {
      LfMarket *market = lf_scenario_get_market (scenario, i);

      json_array_add_object_element (markets, _lf_store_market_to_json (market));
    }
  json_object_set_array_member (object, "markets", markets);

  return object;
}

static gboolean
read_settings (JsonObject  *object,
               LfScenario  *scenario,
               GError     **error)
{
  const char *currency = json_object_get_string_member_with_default (object, "currency", NULL);
  const char *objective = json_object_get_string_member_with_default (object, "objective", "");
  double budget = _lf_store_node_number (json_object_get_member (object, "budget"));
  double target = _lf_store_node_number (json_object_get_member (object, "target_value"));
  LfObjective o;

  if (!lf_objective_from_string (objective, &o))
    return bad_history (error, "objective");
  lf_scenario_set_objective (scenario, o);
  if (!lf_scenario_set_currency (scenario, currency, error))
    return FALSE;
  if (!isnan (budget) && !lf_scenario_set_budget (scenario, budget, error))
    return FALSE;
  if (!isnan (target) && !lf_scenario_set_target_value (scenario, target, error))
    return FALSE;
  for (guint c = 0; c < LF_N_CAPS; c++)
    {
      double cap = _lf_store_node_number (json_object_get_member (object, lf_cap_to_key (c)));

      if (!isnan (cap) && !lf_scenario_set_cap (scenario, c, cap, error))
        return FALSE;
    }

  return TRUE;
}

LfScenario *
_lf_store_scenario_from_json (JsonObject  *object,
                              GError     **error)
{
  const char *name = json_object_get_string_member_with_default (object, "name", NULL);
  g_autoptr(LfScenario) scenario = NULL;
  JsonArray *markets;

  if (!lf_rules_check_scenario_name (name, error))
    return NULL;
  scenario = lf_scenario_new (name);
  if (!read_settings (object, scenario, error))
    return NULL;
  if (!json_object_has_member (object, "markets") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "markets")))
    return bad_history (error, "markets"), NULL;

  markets = json_object_get_array_member (object, "markets");
  for (guint i = 0; i < json_array_get_length (markets); i++)
    {
      JsonNode *node = json_array_get_element (markets, i);
      g_autoptr(LfMarket) market = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad_history (error, "market"), NULL;
      market = _lf_store_market_from_json (json_node_get_object (node), error);
      if (market == NULL || !lf_scenario_append_market (scenario, market, error))
        return NULL;
    }

  return g_steal_pointer (&scenario);
}
