/* lf-store-ops.c: one change, applied to the file or to the live objects
 *
 * A change is a small JSON object, the form in which the history keeps it:
 *
 *   sset   {s, f, v}      a scenario setting (name, currency, objective,
 *                         budget, target_value, risk_cap, headcount_cap,
 *                         max_markets); null switches a number off
 *   mset   {s, i, f, v}   a market field (name, code, lock, a parameter key,
 *                         or "range" with p = key and v = [lo, hi] or null)
 *   mins   {s, i, m}      insert market m at position i
 *   mdel   {s, i}         remove the market at i
 *   mmove  {s, i, to}     move the market at i to position to
 *   sins   {s, pos, sc}   insert scenario sc with id s at absolute pos
 *   spurge {s}            remove scenario s and everything in it
 *   shide  {s, v}         hide (delete, undoably) or show scenario s
 *   smove  {s, to}        move scenario s to absolute position to
 *
 * Field names are checked against the lists here before they reach SQL: the
 * history is read from a file, and a file can be anything.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lf-store-private.h"

static const char *scenario_text_fields[] = { "name", "currency", "objective" };
static const char *scenario_number_fields[] = { "budget", "target_value", "risk_cap",
                                                "headcount_cap", "max_markets" };

static gboolean
damaged (GError     **error,
         const char  *what)
{
  g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED,
               _("The workspace history is damaged: %s"), what);
  return FALSE;
}

static gboolean
in_list (const char   *field,
         const char  **list,
         guint         n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (field, list[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
run_update (LfStore     *self,
            const char  *sql,
            gint64       a,
            gint64       b,
            gint64       c,
            GError     **error)
{
  sqlite3_stmt *stmt = _lf_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, c);

  return _lf_store_step_done (self, stmt, error);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            JsonNode     *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
  else
    _lf_store_bind_number (stmt, index, _lf_store_node_number (node));
}

static gboolean
db_sset (LfStore     *self,
         JsonObject  *op,
         GError     **error)
{
  const char *field = json_object_get_string_member_with_default (op, "f", "");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (!in_list (field, scenario_text_fields, G_N_ELEMENTS (scenario_text_fields)) &&
      !in_list (field, scenario_number_fields, G_N_ELEMENTS (scenario_number_fields)))
    return damaged (error, field);

  sql = g_strdup_printf ("UPDATE scenario SET %s = ?2 WHERE id = ?1", field);
  if ((stmt = _lf_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, json_object_get_int_member (op, "s"));
  bind_value (stmt, 2, json_object_get_member (op, "v"));

  return _lf_store_step_done (self, stmt, error);
}

static gint64
market_row_id (LfStore  *self,
               gint64    scenario_id,
               gint64    position,
               GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 id = -1;

  stmt = _lf_store_prepare (self, "SELECT id FROM market WHERE scenario_id = ?1 AND position = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int64 (stmt, 2, position);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id < 0)
    damaged (error, "market position");

  return id;
}

static gboolean
db_set_range (LfStore     *self,
              gint64       market_id,
              JsonObject  *op,
              GError     **error)
{
  const char *key = json_object_get_string_member_with_default (op, "p", "");
  JsonNode *v = json_object_get_member (op, "v");
  sqlite3_stmt *stmt;
  LfParam param;

  if (!lf_param_from_key (key, &param))
    return damaged (error, key);
  stmt = _lf_store_prepare (self, "DELETE FROM market_range WHERE market_id = ?1 AND param = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, market_id);
  sqlite3_bind_text (stmt, 2, lf_param_info (param)->key, -1, SQLITE_STATIC);
  if (!_lf_store_step_done (self, stmt, error))
    return FALSE;
  if (v == NULL || !JSON_NODE_HOLDS_ARRAY (v))
    return TRUE;
  if (json_array_get_length (json_node_get_array (v)) != 2)
    return damaged (error, "range");

  stmt = _lf_store_prepare (self, "INSERT INTO market_range (market_id, param, lo, hi) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, market_id);
  sqlite3_bind_text (stmt, 2, lf_param_info (param)->key, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 3, json_array_get_double_element (json_node_get_array (v), 0));
  sqlite3_bind_double (stmt, 4, json_array_get_double_element (json_node_get_array (v), 1));

  return _lf_store_step_done (self, stmt, error);
}

static gboolean
db_mset (LfStore     *self,
         JsonObject  *op,
         GError     **error)
{
  static const char *market_fields[] = { "name", "code", "lock" };
  const char *field = json_object_get_string_member_with_default (op, "f", "");
  gint64 s = json_object_get_int_member (op, "s");
  gint64 i = json_object_get_int_member (op, "i");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  LfParam param;

  if (g_strcmp0 (field, "range") == 0)
    {
      gint64 market_id = market_row_id (self, s, i, error);

      return market_id >= 0 && db_set_range (self, market_id, op, error);
    }
  if (!in_list (field, market_fields, G_N_ELEMENTS (market_fields)) &&
      !lf_param_from_key (field, &param))
    return damaged (error, field);

  sql = g_strdup_printf ("UPDATE market SET %s = ?3 WHERE scenario_id = ?1 AND position = ?2", field);
  if ((stmt = _lf_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s);
  sqlite3_bind_int64 (stmt, 2, i);
  bind_value (stmt, 3, json_object_get_member (op, "v"));
  if (!_lf_store_step_done (self, stmt, error))
    return FALSE;

  return sqlite3_changes (self->db) == 1 || damaged (error, "market position");
}

static gboolean
db_mins (LfStore     *self,
         JsonObject  *op,
         GError     **error)
{
  gint64 s = json_object_get_int_member (op, "s");
  gint64 i = json_object_get_int_member (op, "i");
  g_autoptr(LfMarket) market = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (op, "m")))
    return damaged (error, "market");
  market = _lf_store_market_from_json (json_object_get_object_member (op, "m"), error);
  if (market == NULL)
    return FALSE;

  return run_update (self, "UPDATE market SET position = position + 1 "
                     "WHERE scenario_id = ?1 AND position >= ?2", s, i, 0, error) &&
         _lf_store_rows_insert_market (self, s, i, market, error);
}

static gboolean
db_mdel (LfStore     *self,
         JsonObject  *op,
         GError     **error)
{
  gint64 s = json_object_get_int_member (op, "s");
  gint64 i = json_object_get_int_member (op, "i");

  if (!run_update (self, "DELETE FROM market WHERE scenario_id = ?1 AND position = ?2", s, i, 0, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    return damaged (error, "market position");

  return run_update (self, "UPDATE market SET position = position - 1 "
                     "WHERE scenario_id = ?1 AND position > ?2", s, i, 0, error);
}

/* Moves one row of a dense order from @from to @to; @where narrows the
 * rows to one scenario's markets (?1) or takes all scenarios. */
static gboolean
db_move (LfStore     *self,
         const char  *table,
         gboolean     markets,
         gint64       s,
         gint64       from,
         gint64       to,
         GError     **error)
{
  const char *scope = markets ? "scenario_id = ?1" : "?1 = ?1";
  g_autofree char *park = g_strdup_printf ("UPDATE %s SET position = -1 WHERE %s AND position = ?2", table, scope);
  g_autofree char *down = g_strdup_printf ("UPDATE %s SET position = position - 1 "
                                           "WHERE %s AND position > ?2 AND position <= ?3", table, scope);
  g_autofree char *up = g_strdup_printf ("UPDATE %s SET position = position + 1 "
                                         "WHERE %s AND position >= ?3 AND position < ?2", table, scope);
  g_autofree char *place = g_strdup_printf ("UPDATE %s SET position = ?2 WHERE %s AND position = -1", table, scope);

  if (from == to)
    return TRUE;
  if (!run_update (self, park, s, from, 0, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    return damaged (error, "position");

  return run_update (self, from < to ? down : up, s, from, to, error) &&
         run_update (self, place, s, to, 0, error);
}

static gboolean
db_sins (LfStore     *self,
         JsonObject  *op,
         GError     **error)
{
  g_autoptr(LfScenario) scenario = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (op, "sc")))
    return damaged (error, "scenario");
  scenario = _lf_store_scenario_from_json (json_object_get_object_member (op, "sc"), error);
  if (scenario == NULL)
    return FALSE;

  return _lf_store_rows_insert_scenario (self, json_object_get_int_member (op, "s"),
                                         json_object_get_int_member (op, "pos"), scenario, error);
}

static gboolean
db_spurge (LfStore     *self,
           JsonObject  *op,
           GError     **error)
{
  gint64 s = json_object_get_int_member (op, "s");
  gint64 position = _lf_store_rows_scenario_position (self, s, error);

  return position >= 0 &&
         run_update (self, "DELETE FROM scenario WHERE id = ?1", s, 0, 0, error) &&
         run_update (self, "UPDATE scenario SET position = position - 1 WHERE position > ?1",
                     position, 0, 0, error);
}

static gboolean
db_smove (LfStore     *self,
          JsonObject  *op,
          GError     **error)
{
  gint64 s = json_object_get_int_member (op, "s");
  gint64 from = _lf_store_rows_scenario_position (self, s, error);

  return from >= 0 &&
         db_move (self, "scenario", FALSE, 0, from, json_object_get_int_member (op, "to"), error);
}

gboolean
_lf_store_op_apply_db (LfStore     *self,
                       JsonObject  *op,
                       GError     **error)
{
  const char *kind = json_object_get_string_member_with_default (op, "op", "");

  if (!json_object_has_member (op, "s"))
    return damaged (error, kind);
  if (g_str_equal (kind, "sset"))
    return db_sset (self, op, error);
  if (g_str_equal (kind, "mset"))
    return db_mset (self, op, error);
  if (g_str_equal (kind, "mins"))
    return db_mins (self, op, error);
  if (g_str_equal (kind, "mdel"))
    return db_mdel (self, op, error);
  if (g_str_equal (kind, "mmove"))
    return db_move (self, "market", TRUE, json_object_get_int_member (op, "s"),
                    json_object_get_int_member (op, "i"), json_object_get_int_member (op, "to"), error);
  if (g_str_equal (kind, "sins"))
    return db_sins (self, op, error);
  if (g_str_equal (kind, "spurge"))
    return db_spurge (self, op, error);
  if (g_str_equal (kind, "shide"))
    return run_update (self, "UPDATE scenario SET deleted = ?2 WHERE id = ?1",
                       json_object_get_int_member (op, "s"),
                       json_object_get_boolean_member_with_default (op, "v", FALSE), 0, error);
  if (g_str_equal (kind, "smove"))
    return db_smove (self, op, error);

  return damaged (error, kind);
}

/* The live objects. */

static gboolean
mem_set_number (LfScenario  *scenario,
                const char  *field,
                double       v,
                GError     **error)
{
  if (g_str_equal (field, "budget"))
    return isnan (v) ? (lf_scenario_clear_budget (scenario), TRUE)
                     : lf_scenario_set_budget (scenario, v, error);
  if (g_str_equal (field, "target_value"))
    return isnan (v) ? (lf_scenario_clear_target_value (scenario), TRUE)
                     : lf_scenario_set_target_value (scenario, v, error);

  for (guint c = 0; c < LF_N_CAPS; c++)
    if (g_str_equal (field, lf_cap_to_key (c)))
      return isnan (v) ? (lf_scenario_clear_cap (scenario, c), TRUE)
                       : lf_scenario_set_cap (scenario, c, v, error);

  return damaged (error, field);
}

static gboolean
mem_sset (LfScenario  *scenario,
          JsonObject  *op,
          GError     **error)
{
  const char *field = json_object_get_string_member_with_default (op, "f", "");
  JsonNode *v = json_object_get_member (op, "v");
  const char *text = (v != NULL && JSON_NODE_HOLDS_VALUE (v) &&
                      json_node_get_value_type (v) == G_TYPE_STRING) ? json_node_get_string (v) : NULL;
  LfObjective objective;

  if (g_str_equal (field, "name"))
    return lf_scenario_set_name (scenario, text, error);
  if (g_str_equal (field, "currency"))
    return lf_scenario_set_currency (scenario, text, error);
  if (g_str_equal (field, "objective"))
    {
      if (!lf_objective_from_string (text, &objective))
        return damaged (error, "objective");
      lf_scenario_set_objective (scenario, objective);
      return TRUE;
    }

  return mem_set_number (scenario, field, _lf_store_node_number (v), error);
}

static gboolean
mem_set_range (LfMarket    *market,
               JsonObject  *op,
               GError     **error)
{
  JsonNode *v = json_object_get_member (op, "v");
  LfParam param;
  JsonArray *range;

  if (!lf_param_from_key (json_object_get_string_member_with_default (op, "p", ""), &param))
    return damaged (error, "range");
  if (v == NULL || !JSON_NODE_HOLDS_ARRAY (v))
    {
      lf_market_clear_range (market, param);
      return TRUE;
    }
  range = json_node_get_array (v);
  if (json_array_get_length (range) != 2)
    return damaged (error, "range");

  return lf_market_set_range (market, param, json_array_get_double_element (range, 0),
                              json_array_get_double_element (range, 1), error);
}

static gboolean
mem_mset (LfScenario  *scenario,
          JsonObject  *op,
          GError     **error)
{
  const char *field = json_object_get_string_member_with_default (op, "f", "");
  gint64 i = json_object_get_int_member (op, "i");
  JsonNode *v = json_object_get_member (op, "v");
  const char *text = (v != NULL && JSON_NODE_HOLDS_VALUE (v) &&
                      json_node_get_value_type (v) == G_TYPE_STRING) ? json_node_get_string (v) : NULL;
  LfMarket *market;
  LfParam param;
  LfLock lock;

  if (i < 0 || i >= lf_scenario_get_n_markets (scenario))
    return damaged (error, "market position");
  market = lf_scenario_get_market (scenario, i);

  if (g_str_equal (field, "name"))
    return lf_scenario_rename_market (scenario, i, text, error);
  if (g_str_equal (field, "code"))
    return lf_market_set_code (market, text, error);
  if (g_str_equal (field, "lock"))
    {
      if (!lf_lock_from_string (text, &lock))
        return damaged (error, "lock");
      lf_market_set_lock (market, lock);
      return TRUE;
    }
  if (g_str_equal (field, "range"))
    return mem_set_range (market, op, error);
  if (lf_param_from_key (field, &param))
    return lf_market_set_param (market, param, _lf_store_node_number (v), error);

  return damaged (error, field);
}

static gboolean
mem_mins (LfScenario  *scenario,
          JsonObject  *op,
          GError     **error)
{
  gint64 i = json_object_get_int_member (op, "i");
  g_autoptr(LfMarket) market = NULL;

  if (i < 0 || i > lf_scenario_get_n_markets (scenario) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (op, "m")))
    return damaged (error, "market position");
  market = _lf_store_market_from_json (json_object_get_object_member (op, "m"), error);

  return market != NULL && lf_scenario_insert_market (scenario, i, market, error);
}

static gboolean
mem_market_op (LfScenario  *scenario,
               const char  *kind,
               JsonObject  *op,
               GError     **error)
{
  gint64 n = lf_scenario_get_n_markets (scenario);
  gint64 i = json_object_get_int_member_with_default (op, "i", -1);
  gint64 to = json_object_get_int_member_with_default (op, "to", -1);

  if (g_str_equal (kind, "mset"))
    return mem_mset (scenario, op, error);
  if (g_str_equal (kind, "mins"))
    return mem_mins (scenario, op, error);
  if (i < 0 || i >= n)
    return damaged (error, "market position");
  if (g_str_equal (kind, "mdel"))
    {
      lf_scenario_remove_market (scenario, i);
      return TRUE;
    }
  if (to < 0 || to >= n)
    return damaged (error, "market position");
  lf_scenario_move_market (scenario, i, to);

  return TRUE;
}

/* Scenario-level changes (sins, spurge, shide, smove) touch no live
 * scenario: the list follows the file once the transaction is done. An
 * inserted scenario is still read here, so that a bad one is refused
 * before anything is written. */
gboolean
_lf_store_op_apply_memory (LfStore     *self,
                           JsonObject  *op,
                           GError     **error)
{
  const char *kind = json_object_get_string_member_with_default (op, "op", "");
  LfScenario *scenario;

  if (g_str_equal (kind, "sins"))
    {
      g_autoptr(LfScenario) check = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (op, "sc")))
        return damaged (error, "scenario");
      check = _lf_store_scenario_from_json (json_object_get_object_member (op, "sc"), error);
      return check != NULL;
    }
  if (g_str_equal (kind, "spurge") || g_str_equal (kind, "shide") || g_str_equal (kind, "smove"))
    return TRUE;

  scenario = g_hash_table_lookup (self->loaded, &(gint64) { json_object_get_int_member (op, "s") });
  if (scenario == NULL)
    return TRUE;
  if (g_str_equal (kind, "sset"))
    return mem_sset (scenario, op, error);

  return mem_market_op (scenario, kind, op, error);
}
