/* lf-store-plans.c: solved plans kept beside their scenario
 *
 * A kept plan is a snapshot: what was solved (scenario JSON) and what came
 * out (the plan as JSON), so a scenario shows its last plan at once and two
 * plans can be compared after the scenario has moved on. Plans are results,
 * not edits: keeping or deleting one is not a step of undo.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lf-scenario-json.h"
#include "lf-store-private.h"

void
lf_stored_plan_free (LfStoredPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->inputs_json);
  g_free (plan->plan_json);
  g_free (plan);
}

static void
add_number (JsonBuilder *b,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (b, key);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_parts (JsonBuilder  *b,
           const double  parts[LF_N_COST_PARTS])
{
  json_builder_set_member_name (b, "cost_parts");
  json_builder_begin_object (b);
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    add_number (b, lf_cost_part_to_key (k), parts[k]);
  json_builder_end_object (b);
}

static void
add_markets (JsonBuilder  *b,
             const LfPlan *plan)
{
  json_builder_set_member_name (b, "markets");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->n_markets; i++)
    {
      const LfPlanMarket *m = &plan->markets[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, plan->market_names[i]);
      json_builder_set_member_name (b, "entered");
      json_builder_add_boolean_value (b, m->entered);
      add_number (b, "p", m->p);
      add_number (b, "q", m->q);
      add_number (b, "value", m->value);
      add_number (b, "cost", m->cost);
      add_parts (b, m->cost_parts);
      add_number (b, "risk", m->risk);
      add_number (b, "headcount", m->headcount);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_diagnosis (JsonBuilder  *b,
               const LfPlan *plan)
{
  json_builder_set_member_name (b, "diagnosis");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->n_diagnosis; i++)
    {
      const LfDiagnosisItem *d = &plan->diagnosis[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "option");
      json_builder_add_int_value (b, d->option);
      json_builder_set_member_name (b, "row");
      json_builder_add_string_value (b, lf_row_kind_to_string (d->row));
      json_builder_set_member_name (b, "market");
      json_builder_add_int_value (b, d->market);
      add_number (b, "by", d->by);
      add_number (b, "to", d->to);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, d->message ? d->message : "");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static char *
plan_to_json (const LfPlan *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, lf_plan_status_to_string (plan->status));
  json_builder_set_member_name (b, "objective");
  json_builder_add_string_value (b, lf_objective_to_string (plan->objective));
  json_builder_set_member_name (b, "error_message");
  json_builder_add_string_value (b, plan->error_message);
  json_builder_set_member_name (b, "has_solution");
  json_builder_add_boolean_value (b, plan->has_solution);
  add_number (b, "value", plan->value);
  add_number (b, "cost", plan->cost);
  add_parts (b, plan->cost_parts);
  add_number (b, "risk", plan->risk);
  add_number (b, "headcount", plan->headcount);
  json_builder_set_member_name (b, "markets_entered");
  json_builder_add_int_value (b, plan->markets_entered);
  add_number (b, "bound", plan->bound);
  add_number (b, "shadow_price", plan->has_shadow_price ? plan->shadow_price : NAN);
  add_number (b, "solve_ms", plan->solve_ms);
  add_markets (b, plan);
  add_diagnosis (b, plan);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

gint64
lf_store_save_plan (LfStore          *self,
                    gint64            scenario_id,
                    const LfProblem  *problem,
                    const LfPlan     *plan,
                    GError          **error)
{
  g_autoptr(LfScenario) inputs = NULL;
  g_autofree char *inputs_json = NULL;
  g_autofree char *plan_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LF_IS_STORE (self), 0);
  g_return_val_if_fail (problem != NULL && plan != NULL, 0);

  if (!_lf_store_check_writable (self, error))
    return 0;
  inputs = lf_problem_to_scenario (problem);
  inputs_json = lf_scenario_json_write_data (inputs, NULL);
  plan_json = plan_to_json (plan);

  stmt = _lf_store_prepare (self, "INSERT INTO plan (scenario_id, created, status, solve_ms, inputs, plan) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  sqlite3_bind_text (stmt, 3, lf_plan_status_to_string (plan->status), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 4, plan->solve_ms);
  sqlite3_bind_text (stmt, 5, inputs_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, plan_json, -1, SQLITE_STATIC);
  if (!_lf_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

static LfPlanStatus
status_from_string (const char *text)
{
  for (LfPlanStatus s = LF_PLAN_OPTIMAL; s <= LF_PLAN_ERROR; s++)
    if (g_strcmp0 (lf_plan_status_to_string (s), text) == 0)
      return s;

  return LF_PLAN_ERROR;
}

static LfStoredPlan *
read_row (sqlite3_stmt *stmt,
          gboolean      with_json)
{
  LfStoredPlan *plan = g_new0 (LfStoredPlan, 1);

  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->scenario_id = sqlite3_column_int64 (stmt, 1);
  plan->created = sqlite3_column_int64 (stmt, 2);
  plan->status = status_from_string ((const char *) sqlite3_column_text (stmt, 3));
  plan->solve_ms = sqlite3_column_double (stmt, 4);
  if (with_json)
    {
      plan->inputs_json = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      plan->plan_json = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
    }

  return plan;
}

GPtrArray *
lf_store_list_plans (LfStore  *self,
                     gint64    scenario_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) lf_stored_plan_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LF_IS_STORE (self), NULL);

  if (self->db == NULL)
    return _lf_store_check_writable (self, error), NULL;
  stmt = _lf_store_prepare (self, "SELECT id, scenario_id, created, status, solve_ms FROM plan "
                            "WHERE scenario_id = ?1 ORDER BY created DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (plans, read_row (stmt, FALSE));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _lf_store_sql_error (error, self->db, rc, "plan"), NULL;

  return g_steal_pointer (&plans);
}

static LfStoredPlan *
load_one (LfStore     *self,
          const char  *sql,
          gint64       arg,
          GError     **error)
{
  sqlite3_stmt *stmt;
  LfStoredPlan *plan = NULL;
  int rc;

  if (self->db == NULL)
    return _lf_store_check_writable (self, error), NULL;
  if ((stmt = _lf_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    plan = read_row (stmt, TRUE);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lf_store_sql_error (error, self->db, rc, "plan"), NULL;
  if (plan == NULL)
    g_set_error_literal (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND, _("There is no such kept plan"));

  return plan;
}

LfStoredPlan *
lf_store_load_plan (LfStore  *self,
                    gint64    plan_id,
                    GError  **error)
{
  g_return_val_if_fail (LF_IS_STORE (self), NULL);

  return load_one (self, "SELECT id, scenario_id, created, status, solve_ms, inputs, plan "
                   "FROM plan WHERE id = ?1", plan_id, error);
}

LfStoredPlan *
lf_store_load_last_plan (LfStore  *self,
                         gint64    scenario_id,
                         GError  **error)
{
  g_return_val_if_fail (LF_IS_STORE (self), NULL);

  return load_one (self, "SELECT id, scenario_id, created, status, solve_ms, inputs, plan "
                   "FROM plan WHERE scenario_id = ?1 ORDER BY created DESC, id DESC LIMIT 1",
                   scenario_id, error);
}

gboolean
lf_store_delete_plan (LfStore  *self,
                      gint64    plan_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  if (!_lf_store_check_writable (self, error) ||
      (stmt = _lf_store_prepare (self, "DELETE FROM plan WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  return _lf_store_step_done (self, stmt, error);
}

/* Rebuilding a plan from its JSON */

static double
member_number (JsonObject *o,
               const char *key)
{
  return _lf_store_node_number (json_object_get_member (o, key));
}

static void
read_parts (JsonObject *o,
            double      parts[LF_N_COST_PARTS])
{
  JsonObject *p = json_object_get_member (o, "cost_parts") &&
                  JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "cost_parts"))
                  ? json_object_get_object_member (o, "cost_parts") : NULL;

  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    parts[k] = p ? member_number (p, lf_cost_part_to_key (k)) : NAN;
}

static LfRowKind
row_from_string (const char *text)
{
  for (LfRowKind r = LF_ROW_BUDGET; r <= LF_ROW_LOCK; r++)
    if (g_strcmp0 (lf_row_kind_to_string (r), text) == 0)
      return r;

  return LF_ROW_BUDGET;
}

static gboolean
read_plan_markets (JsonObject  *o,
                   LfPlan      *plan,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (o, "markets");
  JsonArray *markets = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (markets == NULL || json_array_get_length (markets) != plan->n_markets)
    {
      g_set_error_literal (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED,
                           _("A kept plan does not match its inputs"));
      return FALSE;
    }
  for (guint i = 0; i < plan->n_markets; i++)
    {
      JsonObject *m = json_array_get_object_element (markets, i);
      LfPlanMarket *pm = &plan->markets[i];

      pm->entered = json_object_get_boolean_member_with_default (m, "entered", FALSE);
      pm->p = member_number (m, "p");
      pm->q = member_number (m, "q");
      pm->value = member_number (m, "value");
      pm->cost = member_number (m, "cost");
      read_parts (m, pm->cost_parts);
      pm->risk = member_number (m, "risk");
      pm->headcount = member_number (m, "headcount");
    }

  return TRUE;
}

static void
read_plan_diagnosis (JsonObject *o,
                     LfPlan     *plan)
{
  JsonNode *node = json_object_get_member (o, "diagnosis");
  JsonArray *items = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *d = json_array_get_object_element (items, i);

      lf_plan_add_diagnosis (plan, json_object_get_int_member_with_default (d, "option", 0),
                             row_from_string (json_object_get_string_member_with_default (d, "row", "")),
                             json_object_get_int_member_with_default (d, "market", -1),
                             member_number (d, "by"), member_number (d, "to"),
                             json_object_get_string_member_with_default (d, "message", ""));
    }
}

static LfPlan *
plan_from_json (const char       *text,
                const LfProblem  *problem,
                GError          **error)
{
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_autoptr(LfPlan) plan = lf_plan_new (problem);
  JsonObject *o;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED, _("A kept plan is damaged"));
      return NULL;
    }
  o = json_node_get_object (root);
  plan->status = status_from_string (json_object_get_string_member_with_default (o, "status", ""));
  plan->error_message = g_strdup (json_object_get_string_member_with_default (o, "error_message", NULL));
  plan->has_solution = json_object_get_boolean_member_with_default (o, "has_solution", FALSE);
  plan->value = member_number (o, "value");
  plan->cost = member_number (o, "cost");
  read_parts (o, plan->cost_parts);
  plan->risk = member_number (o, "risk");
  plan->headcount = member_number (o, "headcount");
  plan->markets_entered = json_object_get_int_member_with_default (o, "markets_entered", 0);
  plan->bound = member_number (o, "bound");
  plan->shadow_price = member_number (o, "shadow_price");
  plan->has_shadow_price = !isnan (plan->shadow_price);
  plan->solve_ms = member_number (o, "solve_ms");
  if (!read_plan_markets (o, plan, error))
    return NULL;
  read_plan_diagnosis (o, plan);

  return g_steal_pointer (&plan);
}

gboolean
lf_stored_plan_restore (const LfStoredPlan  *stored,
                        LfProblem          **out_problem,
                        LfPlan             **out_plan,
                        GError             **error)
{
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfPlan) plan = NULL;

  g_return_val_if_fail (stored != NULL && stored->inputs_json != NULL, FALSE);

  scenario = lf_scenario_json_read_data (stored->inputs_json, strlen (stored->inputs_json), NULL, error);
  if (scenario == NULL)
    return FALSE;
  problem = lf_problem_new_from_scenario (scenario);
  plan = plan_from_json (stored->plan_json, problem, error);
  if (plan == NULL)
    return FALSE;

  if (out_problem != NULL)
    *out_problem = g_steal_pointer (&problem);
  if (out_plan != NULL)
    *out_plan = g_steal_pointer (&plan);

  return TRUE;
}
