/* lf-store-edit.c: the public operations, each a change and its inverse
 *
 * Every operation reads the old value from the live scenario, builds the
 * change that sets the new one and the change that sets the old one back,
 * and hands both to the history (lf-store-history.c). Setting a value to
 * what it already is records nothing.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lf-store-private.h"

static JsonObject *
op_new (const char *kind,
        gint64      scenario_id)
{
  JsonObject *op = json_object_new ();

  json_object_set_string_member (op, "op", kind);
  json_object_set_int_member (op, "s", scenario_id);

  return op;
}

static JsonObject *
op_market (const char *kind,
           gint64      scenario_id,
           guint       position)
{
  JsonObject *op = op_new (kind, scenario_id);

  json_object_set_int_member (op, "i", position);

  return op;
}

/* Takes both changes. */
static gboolean
do_change (LfStore     *self,
           const char  *label,
           JsonObject  *redo,
           JsonObject  *undo,
           GError     **error)
{
  g_autoptr(JsonArray) redo_list = json_array_new ();
  g_autoptr(JsonArray) undo_list = json_array_new ();

  json_array_add_object_element (redo_list, redo);
  json_array_add_object_element (undo_list, undo);

  return _lf_store_history_do (self, label, redo_list, undo_list, error);
}

static LfScenario *
live (LfStore  *self,
      gint64    scenario_id,
      GError  **error)
{
  if (!_lf_store_check_writable (self, error))
    return NULL;

  return _lf_store_live_scenario (self, scenario_id, error);
}

static LfMarket *
live_market (LfStore  *self,
             gint64    scenario_id,
             guint     position,
             GError  **error)
{
  LfScenario *scenario = live (self, scenario_id, error);

  if (scenario == NULL)
    return NULL;
  if (position >= lf_scenario_get_n_markets (scenario))
    {
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND,
                   _("The scenario “%s” has no market %u"), lf_scenario_get_name (scenario), position + 1);
      return NULL;
    }

  return lf_scenario_get_market (scenario, position);
}

/* Scenario settings */

static gboolean
set_setting (LfStore     *self,
             gint64       scenario_id,
             const char  *label,
             const char  *field,
             JsonNode    *old_value,
             JsonNode    *new_value,
             GError     **error)
{
  JsonObject *redo, *undo;

  if (json_node_equal (old_value, new_value))
    {
      json_node_unref (old_value);
      json_node_unref (new_value);
      return TRUE;
    }

  redo = op_new ("sset", scenario_id);
  json_object_set_string_member (redo, "f", field);
  json_object_set_member (redo, "v", new_value);
  undo = op_new ("sset", scenario_id);
  json_object_set_string_member (undo, "f", field);
  json_object_set_member (undo, "v", old_value);

  return do_change (self, label, redo, undo, error);
}

static JsonNode *
string_node (const char *value)
{
  return json_node_init_string (json_node_alloc (), value);
}

gboolean
lf_store_rename_scenario (LfStore     *self,
                          gint64       scenario_id,
                          const char  *name,
                          GError     **error)
{
  LfScenario *scenario;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if ((scenario = live (self, scenario_id, error)) == NULL)
    return FALSE;

  return set_setting (self, scenario_id, N_("rename scenario"), "name",
                      string_node (lf_scenario_get_name (scenario)), string_node (name), error);
}

gboolean
lf_store_set_objective (LfStore      *self,
                        gint64        scenario_id,
                        LfObjective   objective,
                        GError      **error)
{
  LfScenario *scenario;
  const char *text = lf_objective_to_string (objective);

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if ((scenario = live (self, scenario_id, error)) == NULL)
    return FALSE;

  return set_setting (self, scenario_id, N_("objective change"), "objective",
                      string_node (lf_objective_to_string (lf_scenario_get_objective (scenario))),
                      string_node (text), error);
}

gboolean
lf_store_set_currency (LfStore     *self,
                       gint64       scenario_id,
                       const char  *currency,
                       GError     **error)
{
  LfScenario *scenario;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if ((scenario = live (self, scenario_id, error)) == NULL)
    return FALSE;
  if (!lf_rules_check_currency (currency, error))
    return FALSE;
  upper = g_ascii_strup (currency, -1);

  return set_setting (self, scenario_id, N_("currency change"), "currency",
                      string_node (lf_scenario_get_currency (scenario)), string_node (upper), error);
}

gboolean
lf_store_set_budget (LfStore  *self,
                     gint64    scenario_id,
                     double    budget,
                     GError  **error)
{
  LfScenario *scenario;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if ((scenario = live (self, scenario_id, error)) == NULL)
    return FALSE;

  return set_setting (self, scenario_id, N_("budget change"), "budget",
                      _lf_store_number_node (lf_scenario_get_budget (scenario)),
                      _lf_store_number_node (budget), error);
}

gboolean
lf_store_set_target_value (LfStore  *self,
                           gint64    scenario_id,
                           double    target,
                           GError  **error)
{
  LfScenario *scenario;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if ((scenario = live (self, scenario_id, error)) == NULL)
    return FALSE;

  return set_setting (self, scenario_id, N_("target change"), "target_value",
                      _lf_store_number_node (lf_scenario_get_target_value (scenario)),
                      _lf_store_number_node (target), error);
}

gboolean
lf_store_set_cap (LfStore  *self,
                  gint64    scenario_id,
                  LfCap     cap,
                  double    value,
                  GError  **error)
{
  static const char *labels[LF_N_CAPS] = {
    N_("risk cap change"), N_("headcount cap change"), N_("market count cap change"),
  };
  LfScenario *scenario;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);
  g_return_val_if_fail (cap < LF_N_CAPS, FALSE);

  if ((scenario = live (self, scenario_id, error)) == NULL)
    return FALSE;

  return set_setting (self, scenario_id, labels[cap], lf_cap_to_key (cap),
                      _lf_store_number_node (lf_scenario_get_cap (scenario, cap)),
                      _lf_store_number_node (value), error);
}

/* Market fields */

static gboolean
set_market_field (LfStore     *self,
                  gint64       scenario_id,
                  guint        position,
                  const char  *label,
                  const char  *field,
                  JsonNode    *old_value,
                  JsonNode    *new_value,
                  GError     **error)
{
  JsonObject *redo, *undo;

  if (json_node_equal (old_value, new_value))
    {
      json_node_unref (old_value);
      json_node_unref (new_value);
      return TRUE;
    }

  redo = op_market ("mset", scenario_id, position);
  json_object_set_string_member (redo, "f", field);
  json_object_set_member (redo, "v", new_value);
  undo = op_market ("mset", scenario_id, position);
  json_object_set_string_member (undo, "f", field);
  json_object_set_member (undo, "v", old_value);

  return do_change (self, label, redo, undo, error);
}

gboolean
lf_store_set_market_param (LfStore  *self,
                           gint64    scenario_id,
                           guint     position,
                           LfParam   param,
                           double    value,
                           GError  **error)
{
  LfMarket *market;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);
  g_return_val_if_fail (param < LF_N_PARAMS, FALSE);

  if ((market = live_market (self, scenario_id, position, error)) == NULL)
    return FALSE;
  /* NAN is not a value here, and JSON could not keep it. */
  if (!lf_rules_check_param (param, value, error))
    return FALSE;

  /* The parameter's own name, so the toast says "Undo: Promotion". */
  return set_market_field (self, scenario_id, position, lf_param_info (param)->label,
                           lf_param_info (param)->key,
                           json_node_init_double (json_node_alloc (), lf_market_get_param (market, param)),
                           json_node_init_double (json_node_alloc (), value), error);
}

gboolean
lf_store_set_market_name (LfStore     *self,
                          gint64       scenario_id,
                          guint        position,
                          const char  *name,
                          GError     **error)
{
  LfMarket *market;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if ((market = live_market (self, scenario_id, position, error)) == NULL)
    return FALSE;
  if (!lf_rules_check_market_name (name, error))
    return FALSE;

  return set_market_field (self, scenario_id, position, N_("rename market"), "name",
                           string_node (lf_market_get_name (market)), string_node (name), error);
}

gboolean
lf_store_set_market_code (LfStore     *self,
                          gint64       scenario_id,
                          guint        position,
                          const char  *code,
                          GError     **error)
{
  LfMarket *market;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if ((market = live_market (self, scenario_id, position, error)) == NULL)
    return FALSE;
  if (!lf_rules_check_code (code, error))
    return FALSE;
  upper = g_ascii_strup (code ? code : "", -1);

  return set_market_field (self, scenario_id, position, N_("code change"), "code",
                           string_node (lf_market_get_code (market)), string_node (upper), error);
}

gboolean
lf_store_set_market_lock (LfStore  *self,
                          gint64    scenario_id,
                          guint     position,
                          LfLock    lock,
                          GError  **error)
{
  LfMarket *market;
  const char *text = lf_lock_to_string (lock);

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if ((market = live_market (self, scenario_id, position, error)) == NULL)
    return FALSE;

  return set_market_field (self, scenario_id, position, N_("lock change"), "lock",
                           string_node (lf_lock_to_string (lf_market_get_lock (market))),
                           string_node (text), error);
}

static JsonNode *
range_node (gboolean has,
            double   lo,
            double   hi)
{
  JsonArray *range;
  JsonNode *node;

  if (!has)
    return json_node_init_null (json_node_alloc ());
  range = json_array_sized_new (2);
  json_array_add_double_element (range, lo);
  json_array_add_double_element (range, hi);

  node = json_node_init_array (json_node_alloc (), range);
  json_array_unref (range);

  return node;
}

/* Like set_market_field, with the parameter's key beside the range. */
static gboolean
set_market_range_field (LfStore   *self,
                        gint64     scenario_id,
                        guint      position,
                        LfParam    param,
                        JsonNode  *old_value,
                        JsonNode  *new_value,
                        GError   **error)
{
  JsonObject *redo, *undo;

  if (json_node_equal (old_value, new_value))
    {
      json_node_unref (old_value);
      json_node_unref (new_value);
      return TRUE;
    }

  redo = op_market ("mset", scenario_id, position);
  json_object_set_string_member (redo, "f", "range");
  json_object_set_string_member (redo, "p", lf_param_info (param)->key);
  json_object_set_member (redo, "v", new_value);
  undo = op_market ("mset", scenario_id, position);
  json_object_set_string_member (undo, "f", "range");
  json_object_set_string_member (undo, "p", lf_param_info (param)->key);
  json_object_set_member (undo, "v", old_value);

  return do_change (self, N_("uncertainty change"), redo, undo, error);
}

gboolean
lf_store_set_market_range (LfStore  *self,
                           gint64    scenario_id,
                           guint     position,
                           LfParam   param,
                           double    lo,
                           double    hi,
                           GError  **error)
{
  LfMarket *market;
  double old_lo, old_hi;
  gboolean had, has = !isnan (lo) || !isnan (hi);
  JsonNode *old_node, *new_node;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);
  g_return_val_if_fail (param < LF_N_PARAMS, FALSE);

  if ((market = live_market (self, scenario_id, position, error)) == NULL)
    return FALSE;
  if (has && !lf_rules_check_range (lo, hi, error))
    return FALSE;

  had = lf_market_get_range (market, param, &old_lo, &old_hi);
  old_node = range_node (had, old_lo, old_hi);
  new_node = range_node (has, lo, hi);

  return set_market_range_field (self, scenario_id, position, param, old_node, new_node, error);
}

/* Markets */

/* "Base", or "Base 2", "Base 3", ... whichever is free. */
static char *
free_market_name (LfScenario *scenario,
                  const char *base)
{
  char *name = g_strdup (base);

  for (guint k = 2; lf_scenario_find_market (scenario, name) >= 0; k++)
    {
      g_free (name);
      name = g_strdup_printf ("%s %u", base, k);
    }

  return name;
}

static gboolean
insert_market (LfStore     *self,
               gint64       scenario_id,
               guint        position,
               LfMarket    *market,
               const char  *label,
               GError     **error)
{
  JsonObject *redo = op_market ("mins", scenario_id, position);

  json_object_set_object_member (redo, "m", _lf_store_market_to_json (market));

  return do_change (self, label, redo, op_market ("mdel", scenario_id, position), error);
}

gboolean
lf_store_add_market (LfStore   *self,
                     gint64     scenario_id,
                     guint      position,
                     LfMarket  *market,
                     GError   **error)
{
  LfScenario *scenario;
  g_autoptr(LfMarket) fresh = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);
  g_return_val_if_fail (market == NULL || LF_IS_MARKET (market), FALSE);

  if ((scenario = live (self, scenario_id, error)) == NULL)
    return FALSE;
  position = MIN (position, lf_scenario_get_n_markets (scenario));
  if (market == NULL)
    {
      name = free_market_name (scenario, _("New market"));
      market = fresh = lf_market_new (name);
    }

  return insert_market (self, scenario_id, position, market, N_("add market"), error);
}

gboolean
lf_store_duplicate_market (LfStore  *self,
                           gint64    scenario_id,
                           guint     position,
                           GError  **error)
{
  LfMarket *market;
  g_autoptr(LfMarket) copy = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if ((market = live_market (self, scenario_id, position, error)) == NULL)
    return FALSE;
  /* TRANSLATORS: the name of a copy of the market named %s */
  base = g_strdup_printf (_("%s (copy)"), lf_market_get_name (market));
  name = free_market_name (_lf_store_live_scenario (self, scenario_id, NULL), base);
  copy = lf_market_new_with_values (name, lf_market_get_code (market), lf_market_get_values (market));

  return insert_market (self, scenario_id, position + 1, copy, N_("duplicate market"), error);
}

gboolean
lf_store_remove_market (LfStore  *self,
                        gint64    scenario_id,
                        guint     position,
                        GError  **error)
{
  LfMarket *market;
  JsonObject *undo;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if ((market = live_market (self, scenario_id, position, error)) == NULL)
    return FALSE;
  undo = op_market ("mins", scenario_id, position);
  json_object_set_object_member (undo, "m", _lf_store_market_to_json (market));

  return do_change (self, N_("remove market"), op_market ("mdel", scenario_id, position), undo, error);
}

gboolean
lf_store_move_market (LfStore  *self,
                      gint64    scenario_id,
                      guint     from,
                      guint     to,
                      GError  **error)
{
  JsonObject *redo, *undo;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if (live_market (self, scenario_id, from, error) == NULL ||
      live_market (self, scenario_id, to, error) == NULL)
    return FALSE;
  if (from == to)
    return TRUE;

  redo = op_market ("mmove", scenario_id, from);
  json_object_set_int_member (redo, "to", to);
  undo = op_market ("mmove", scenario_id, to);
  json_object_set_int_member (undo, "to", from);

  return do_change (self, N_("reorder markets"), redo, undo, error);
}

/* Scenarios */

static gboolean
insert_without_history (LfStore     *self,
                        gint64       scenario_id,
                        gint64       position,
                        LfScenario  *scenario,
                        GError     **error)
{
  if (!_lf_store_begin (self, error))
    return FALSE;
  if (!_lf_store_rows_insert_scenario (self, scenario_id, position, scenario, error))
    {
      _lf_store_rollback (self);
      return FALSE;
    }

  return _lf_store_commit (self, error) && _lf_store_refresh_list (self, error);
}

/* Inserts a copy of @scenario at absolute @position (-1: at the end). */
gint64
_lf_store_insert_scenario (LfStore     *self,
                           LfScenario  *scenario,
                           gint64       position,
                           const char  *label,
                           gboolean     with_history,
                           GError     **error)
{
  gint64 id, count;
  JsonObject *redo;

  if (!_lf_store_check_writable (self, error))
    return 0;
  if ((id = _lf_store_rows_next_scenario_id (self, error)) < 0 ||
      (count = _lf_store_rows_count_scenarios (self, error)) < 0)
    return 0;
  if (position < 0 || position > count)
    position = count;

  if (!with_history)
    return insert_without_history (self, id, position, scenario, error) ? id : 0;

  redo = op_new ("sins", id);
  json_object_set_int_member (redo, "pos", position);
  json_object_set_object_member (redo, "sc", _lf_store_scenario_to_json (scenario));

  return do_change (self, label, redo, op_new ("spurge", id), error) ? id : 0;
}

gint64
lf_store_create_scenario (LfStore     *self,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(LfScenario) scenario = NULL;

  g_return_val_if_fail (LF_IS_STORE (self), 0);

  if (!lf_rules_check_scenario_name (name, error))
    return 0;
  scenario = lf_scenario_new (name);

  return _lf_store_insert_scenario (self, scenario, -1, N_("new scenario"), TRUE, error);
}

gint64
lf_store_add_scenario (LfStore     *self,
                       LfScenario  *scenario,
                       GError     **error)
{
  g_return_val_if_fail (LF_IS_STORE (self), 0);
  g_return_val_if_fail (LF_IS_SCENARIO (scenario), 0);

  return _lf_store_insert_scenario (self, scenario, -1, N_("add scenario"), TRUE, error);
}

gint64
lf_store_duplicate_scenario (LfStore  *self,
                             gint64    scenario_id,
                             GError  **error)
{
  LfScenario *scenario;
  g_autoptr(LfScenario) copy = NULL;
  g_autofree char *name = NULL;
  gint64 position;

  g_return_val_if_fail (LF_IS_STORE (self), 0);

  if ((scenario = live (self, scenario_id, error)) == NULL ||
      (position = _lf_store_rows_scenario_position (self, scenario_id, error)) < 0)
    return 0;
  copy = lf_scenario_dup (scenario);
  /* TRANSLATORS: the name of a copy of the scenario named %s */
  name = g_strdup_printf (_("%s (copy)"), lf_scenario_get_name (scenario));
  if (!lf_scenario_set_name (copy, name, NULL))
    lf_scenario_set_name (copy, lf_scenario_get_name (scenario), NULL);

  return _lf_store_insert_scenario (self, copy, position + 1, N_("duplicate scenario"), TRUE, error);
}

gboolean
lf_store_delete_scenario (LfStore  *self,
                          gint64    scenario_id,
                          GError  **error)
{
  JsonObject *redo, *undo;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if (live (self, scenario_id, error) == NULL)
    return FALSE;

  redo = op_new ("shide", scenario_id);
  json_object_set_boolean_member (redo, "v", TRUE);
  undo = op_new ("shide", scenario_id);
  json_object_set_boolean_member (undo, "v", FALSE);

  return do_change (self, N_("delete scenario"), redo, undo, error);
}

/* @to_position counts visible scenarios; the change counts all of them. */
gboolean
lf_store_move_scenario (LfStore  *self,
                        gint64    scenario_id,
                        guint     to_position,
                        GError  **error)
{
  GListModel *list = G_LIST_MODEL (self->scenarios);
  g_autoptr(LfScenarioInfo) there = NULL;
  gint64 from, to;
  JsonObject *redo, *undo;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if (!_lf_store_check_writable (self, error) ||
      (from = _lf_store_rows_scenario_position (self, scenario_id, error)) < 0)
    return FALSE;
  if ((there = g_list_model_get_item (list, to_position)) == NULL)
    {
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND,
                   _("There is no place %u in the scenario list"), to_position + 1);
      return FALSE;
    }
  if ((to = _lf_store_rows_scenario_position (self, lf_scenario_info_get_id (there), error)) < 0)
    return FALSE;
  if (from == to)
    return TRUE;

  redo = op_new ("smove", scenario_id);
  json_object_set_int_member (redo, "to", to);
  undo = op_new ("smove", scenario_id);
  json_object_set_int_member (undo, "to", from);

  return do_change (self, N_("reorder scenarios"), redo, undo, error);
}
