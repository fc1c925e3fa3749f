/* lf-store-rows.c: scenario and market rows, read into objects and written
 * from them
 *
 * Positions are kept dense: the markets of a scenario are 0..n-1, and so
 * are all scenarios of the file, deleted ones (kept for undo) included.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lf-store-private.h"

/* "alpha, beta, ..." in LfParam order, the market table's columns. */
static const char *
param_columns (void)
{
  static char *columns;

  if (g_once_init_enter (&columns))
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < LF_N_PARAMS; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", lf_param_info (i)->key);
      g_once_init_leave (&columns, g_string_free (s, FALSE));
    }

  return columns;
}

static gboolean
not_found (GError **error,
           gint64   scenario_id)
{
  g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND,
               _("There is no scenario %lld in the workspace"), (long long) scenario_id);
  return FALSE;
}

static gboolean
read_settings (LfStore     *self,
               gint64       scenario_id,
               LfScenario **out_scenario,
               GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(LfScenario) scenario = NULL;
  LfObjective objective = LF_OBJECTIVE_MAX_VALUE;
  int rc;

  stmt = _lf_store_prepare (self, "SELECT name, currency, objective, budget, target_value, "
                            "risk_cap, headcount_cap, max_markets FROM scenario WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return rc == SQLITE_DONE ? not_found (error, scenario_id)
                               : _lf_store_sql_error (error, self->db, rc, "scenario");
    }

  scenario = lf_scenario_new ((const char *) sqlite3_column_text (stmt, 0));
  lf_scenario_set_currency (scenario, (const char *) sqlite3_column_text (stmt, 1), NULL);
  lf_objective_from_string ((const char *) sqlite3_column_text (stmt, 2), &objective);
  lf_scenario_set_objective (scenario, objective);
  if (!isnan (_lf_store_column_number (stmt, 3)))
    lf_scenario_set_budget (scenario, _lf_store_column_number (stmt, 3), NULL);
  if (!isnan (_lf_store_column_number (stmt, 4)))
    lf_scenario_set_target_value (scenario, _lf_store_column_number (stmt, 4), NULL);
  for (guint c = 0; c < LF_N_CAPS; c++)
    if (!isnan (_lf_store_column_number (stmt, 5 + c)))
      lf_scenario_set_cap (scenario, c, _lf_store_column_number (stmt, 5 + c), NULL);
  sqlite3_reset (stmt);

  *out_scenario = g_steal_pointer (&scenario);
  return TRUE;
}

static gboolean
read_ranges (LfStore  *self,
             gint64    scenario_id,
             GArray   *market_ids,
             GArray   *values,
             GError  **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  for (guint i = 0; i < market_ids->len; i++)
    g_hash_table_insert (index, &g_array_index (market_ids, gint64, i), GUINT_TO_POINTER (i + 1));

  stmt = _lf_store_prepare (self, "SELECT r.market_id, r.param, r.lo, r.hi FROM market_range r "
                            "JOIN market m ON m.id = r.market_id WHERE m.scenario_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      LfParam param;

      if (at == 0 || !lf_param_from_key ((const char *) sqlite3_column_text (stmt, 1), &param))
        continue;
      g_array_index (values, LfMarketValues, at - 1).has_range |= 1u << param;
      g_array_index (values, LfMarketValues, at - 1).lo[param] = sqlite3_column_double (stmt, 2);
      g_array_index (values, LfMarketValues, at - 1).hi[param] = sqlite3_column_double (stmt, 3);
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || _lf_store_sql_error (error, self->db, rc, "market_range");
}

static const char *
markets_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, g_strdup_printf ("SELECT id, name, code, lock, %s FROM market "
                                                      "WHERE scenario_id = ?1 ORDER BY position",
                                                      param_columns ()));
  return sql;
}

static gboolean
read_markets (LfStore     *self,
              gint64       scenario_id,
              GPtrArray  **out_names,
              GArray     **out_values,
              GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (LfMarketValues));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _lf_store_prepare (self, markets_sql (), error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LfMarketValues v;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      lf_market_values_init_defaults (&v);
      lf_lock_from_string ((const char *) sqlite3_column_text (stmt, 3), &v.lock);
      for (guint i = 0; i < LF_N_PARAMS; i++)
        v.value[i] = sqlite3_column_double (stmt, 4 + i);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_array_append_val (values, v);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _lf_store_sql_error (error, self->db, rc, "market");
  if (!read_ranges (self, scenario_id, ids, values, error))
    return FALSE;

  *out_names = g_steal_pointer (&names);
  *out_values = g_steal_pointer (&values);
  return TRUE;
}

/* A fresh object from the file. Values were checked when written; a file
 * edited by hand that breaks a rule is reported, not loaded. */
LfScenario *
_lf_store_rows_read_scenario (LfStore  *self,
                              gint64    scenario_id,
                              GError  **error)
{
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) values = NULL;

  if (!read_settings (self, scenario_id, &scenario, error) ||
      !read_markets (self, scenario_id, &names, &values, error))
    return NULL;

  for (guint i = 0; i < values->len; i++)
    {
      const char *name = g_ptr_array_index (names, 2 * i);
      const char *code = g_ptr_array_index (names, 2 * i + 1);
      const LfMarketValues *v = &g_array_index (values, LfMarketValues, i);
      g_autoptr(LfMarket) market = NULL;

      if (!lf_rules_check_market_name (name, error) || !lf_rules_check_code (code, error) ||
          !lf_market_values_check (v, error))
        return NULL;
      market = lf_market_new_with_values (name, code, v);
      if (!lf_scenario_append_market (scenario, market, error))
        return NULL;
    }

  return g_steal_pointer (&scenario);
}

static const char *
insert_market_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new (NULL);

      g_string_append_printf (s, "INSERT INTO market (scenario_id, position, name, code, lock, %s) "
                              "VALUES (?1, ?2, ?3, ?4, ?5", param_columns ());
      for (guint i = 0; i < LF_N_PARAMS; i++)
        g_string_append_printf (s, ", ?%u", 6 + i);
      g_string_append (s, ")");
      g_once_init_leave (&sql, g_string_free (s, FALSE));
    }

  return sql;
}

static gboolean
insert_ranges (LfStore               *self,
               gint64                 market_id,
               const LfMarketValues  *v,
               GError               **error)
{
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      sqlite3_stmt *stmt;

      if (!(v->has_range & (1u << i)))
        continue;
      stmt = _lf_store_prepare (self, "INSERT INTO market_range (market_id, param, lo, hi) "
                                "VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, market_id);
      sqlite3_bind_text (stmt, 2, lf_param_info (i)->key, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, v->lo[i]);
      sqlite3_bind_double (stmt, 4, v->hi[i]);
      if (!_lf_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Appends at @position; the caller has made room (ops) or appends. */
gboolean
_lf_store_rows_insert_market (LfStore   *self,
                              gint64     scenario_id,
                              guint      position,
                              LfMarket  *market,
                              GError   **error)
{
  const LfMarketValues *v = lf_market_get_values (market);
  sqlite3_stmt *stmt = _lf_store_prepare (self, insert_market_sql (), error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, lf_market_get_name (market), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, lf_market_get_code (market), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, lf_lock_to_string (v->lock), -1, SQLITE_STATIC);
  for (guint i = 0; i < LF_N_PARAMS; i++)
    sqlite3_bind_double (stmt, 6 + i, v->value[i]);
  if (!_lf_store_step_done (self, stmt, error))
    return FALSE;

  return insert_ranges (self, sqlite3_last_insert_rowid (self->db), v, error);
}

/* Writes the scenario under @scenario_id at absolute @position, after
 * shifting the scenarios from there on. */
gboolean
_lf_store_rows_insert_scenario (LfStore     *self,
                                gint64       scenario_id,
                                gint64       position,
                                LfScenario  *scenario,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  guint n = lf_scenario_get_n_markets (scenario);

  stmt = _lf_store_prepare (self, "UPDATE scenario SET position = position + 1 WHERE position >= ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, position);
  if (!_lf_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _lf_store_prepare (self, "INSERT INTO scenario (id, position, name, currency, objective, "
                            "budget, target_value, risk_cap, headcount_cap, max_markets) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, lf_scenario_get_name (scenario), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, lf_scenario_get_currency (scenario), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, lf_objective_to_string (lf_scenario_get_objective (scenario)), -1, SQLITE_STATIC);
  _lf_store_bind_number (stmt, 6, lf_scenario_get_budget (scenario));
  _lf_store_bind_number (stmt, 7, lf_scenario_get_target_value (scenario));
  for (guint c = 0; c < LF_N_CAPS; c++)
    _lf_store_bind_number (stmt, 8 + c, lf_scenario_get_cap (scenario, c));
  if (!_lf_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!_lf_store_rows_insert_market (self, scenario_id, i, lf_scenario_get_market (scenario, i), error))
      return FALSE;

  return TRUE;
}

static gint64
query_int (LfStore     *self,
           const char  *sql,
           gint64       arg,
           gint64       fallback,
           GError     **error)
{
  sqlite3_stmt *stmt = _lf_store_prepare (self, sql, error);
  gint64 value = fallback;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lf_store_sql_error (error, self->db, rc, sql), -1;

  return value;
}

/* An id freed by undoing a creation may come back: the creation is then in
 * the redo branch, which the edit that takes the id drops. */
gint64
_lf_store_rows_next_scenario_id (LfStore  *self,
                                 GError  **error)
{
  gint64 last = query_int (self, "SELECT max(id) FROM scenario WHERE ?1 = ?1", 0, 0, error);

  return last < 0 ? -1 : last + 1;
}

gint64
_lf_store_rows_scenario_position (LfStore  *self,
                                  gint64    scenario_id,
                                  GError  **error)
{
  gint64 position = query_int (self, "SELECT position FROM scenario WHERE id = ?1", scenario_id, -2, error);

  if (position == -2)
    return not_found (error, scenario_id), -1;

  return position;
}

gint64
_lf_store_rows_count_scenarios (LfStore  *self,
                                GError  **error)
{
  return query_int (self, "SELECT count(*) FROM scenario WHERE ?1 = ?1", 0, 0, error);
}
