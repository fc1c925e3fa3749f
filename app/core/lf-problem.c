/* lf-problem.c: the immutable snapshot of a scenario that the solver eats */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lf-problem.h"

G_DEFINE_BOXED_TYPE (LfProblem, lf_problem, lf_problem_ref, lf_problem_unref)

/* A problem of n markets with default values; the caller fills it in. */
LfProblem *
lf_problem_new (guint n_markets)
{
  LfProblem *self = g_new0 (LfProblem, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup ("");
  memcpy (self->currency, "USD", 4);
  self->objective = LF_OBJECTIVE_MAX_VALUE;
  self->budget = NAN;
  self->target_value = NAN;
  self->risk_cap = NAN;
  self->headcount_cap = NAN;
  self->max_markets = NAN;
  self->n_markets = n_markets;
  self->markets = g_new0 (LfProblemMarket, n_markets);
  for (guint i = 0; i < n_markets; i++)
    {
      self->markets[i].name = g_strdup_printf ("Market %u", i + 1);
      self->markets[i].code = g_strdup ("");
      lf_market_values_init_defaults (&self->markets[i].v);
    }

  return self;
}

LfProblem *
lf_problem_new_from_scenario (LfScenario *scenario)
{
  LfProblem *self;

  g_return_val_if_fail (LF_IS_SCENARIO (scenario), NULL);

  self = lf_problem_new (lf_scenario_get_n_markets (scenario));
  g_free (self->name);
  self->name = g_strdup (lf_scenario_get_name (scenario));
  g_strlcpy (self->currency, lf_scenario_get_currency (scenario), sizeof self->currency);
  self->objective = lf_scenario_get_objective (scenario);
  self->budget = lf_scenario_get_budget (scenario);
  self->target_value = lf_scenario_get_target_value (scenario);
  self->risk_cap = lf_scenario_get_cap (scenario, LF_CAP_RISK);
  self->headcount_cap = lf_scenario_get_cap (scenario, LF_CAP_HEADCOUNT);
  self->max_markets = lf_scenario_get_cap (scenario, LF_CAP_MARKETS);

  for (guint i = 0; i < self->n_markets; i++)
    {
      LfMarket *market = lf_scenario_get_market (scenario, i);
      LfProblemMarket *pm = &self->markets[i];

      g_free (pm->name);
      g_free (pm->code);
      pm->name = g_strdup (lf_market_get_name (market));
      pm->code = g_strdup (lf_market_get_code (market));
      pm->v = *lf_market_get_values (market);
    }

  return self;
}

LfProblem *
lf_problem_copy (const LfProblem *self)
{
  LfProblem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (LfProblem, 1);
  *copy = *self;
  g_atomic_ref_count_init (&copy->ref_count);
  copy->name = g_strdup (self->name);
  copy->markets = g_new0 (LfProblemMarket, self->n_markets);
  for (guint i = 0; i < self->n_markets; i++)
    {
      copy->markets[i] = self->markets[i];
      copy->markets[i].name = g_strdup (self->markets[i].name);
      copy->markets[i].code = g_strdup (self->markets[i].code);
    }

  return copy;
}

LfProblem *
lf_problem_ref (LfProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lf_problem_unref (LfProblem *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_markets; i++)
    {
      g_free (self->markets[i].name);
      g_free (self->markets[i].code);
    }
  g_free (self->markets);
  g_free (self->name);
  g_free (self);
}

static gboolean
check_optional (const char  *key,
                double       value,
                GError     **error)
{
  return isnan (value) || lf_rules_check_money (key, value, error);
}

static gboolean
check_settings (const LfProblem  *self,
                GError          **error)
{
  if (self->objective == LF_OBJECTIVE_MAX_VALUE && isnan (self->budget))
    {
      g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID,
                   _("the budget is required when the objective is max_value"));
      return FALSE;
    }
  if (self->objective == LF_OBJECTIVE_MIN_COST && isnan (self->target_value))
    {
      g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID,
                   _("target_value is required when the objective is min_cost"));
      return FALSE;
    }

  return check_optional ("budget", self->budget, error) &&
         check_optional ("target_value", self->target_value, error) &&
         check_optional ("risk_cap", self->risk_cap, error) &&
         check_optional ("headcount_cap", self->headcount_cap, error) &&
         (isnan (self->max_markets) || lf_rules_check_max_markets (self->max_markets, error));
}

/* Everything the solver relies on; the solver refuses a problem that fails. */
gboolean
lf_problem_check (const LfProblem  *self,
                  GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!check_settings (self, error))
    return FALSE;
  if (self->n_markets > LF_MAX_MARKETS)
    {
      g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID,
                   _("a scenario holds at most %d markets, not %u"), LF_MAX_MARKETS, self->n_markets);
      return FALSE;
    }

  for (guint i = 0; i < self->n_markets; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!lf_market_values_check (&self->markets[i].v, &local_error))
        {
          g_set_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID,
                       "%s: %s", self->markets[i].name, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

LfScenario *
lf_problem_to_scenario (const LfProblem *self)
{
  g_autoptr(GPtrArray) markets = NULL;
  LfScenario *scenario;

  g_return_val_if_fail (self != NULL, NULL);

  scenario = lf_scenario_new (self->name);
  lf_scenario_set_currency (scenario, self->currency, NULL);
  lf_scenario_set_objective (scenario, self->objective);
  if (!isnan (self->budget))
    lf_scenario_set_budget (scenario, self->budget, NULL);
  if (!isnan (self->target_value))
    lf_scenario_set_target_value (scenario, self->target_value, NULL);
  if (!isnan (self->risk_cap))
    lf_scenario_set_cap (scenario, LF_CAP_RISK, self->risk_cap, NULL);
  if (!isnan (self->headcount_cap))
    lf_scenario_set_cap (scenario, LF_CAP_HEADCOUNT, self->headcount_cap, NULL);
  if (!isnan (self->max_markets))
    lf_scenario_set_cap (scenario, LF_CAP_MARKETS, self->max_markets, NULL);

  /* In one step: one by one, each append searches the names before it,
   * quadratic in the number of markets. */
  markets = g_ptr_array_new_full (self->n_markets, g_object_unref);
  for (guint i = 0; i < self->n_markets; i++)
    g_ptr_array_add (markets, lf_market_new_with_values (self->markets[i].name,
                                                         self->markets[i].code,
                                                         &self->markets[i].v));
  lf_scenario_append_markets (scenario, markets, NULL);

  return scenario;
}
