/* lf-plan.c: what a solve returns, and the cost arithmetic of model.md */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-plan.h"

G_DEFINE_BOXED_TYPE (LfPlan, lf_plan, lf_plan_ref, lf_plan_unref)

static const char *status_names[] = { "optimal", "infeasible", "time_limit", "cancelled", "error" };
static const char *row_names[] = { "budget", "target_value", "risk_cap", "headcount_cap", "max_markets", "lock" };
static const char *cost_part_keys[] = { "promotion", "technology", "culture", "legal" };

LfPlan *
lf_plan_new (const LfProblem *problem)
{
  LfPlan *self;

  g_return_val_if_fail (problem != NULL, NULL);

  self = g_new0 (LfPlan, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->status = LF_PLAN_ERROR;
  self->objective = problem->objective;
  self->currency = g_strdup (problem->currency);
  self->bound = NAN;
  self->shadow_price = NAN;
  self->n_markets = problem->n_markets;
  self->markets = g_new0 (LfPlanMarket, problem->n_markets);
  self->market_names = g_new0 (char *, problem->n_markets + 1);
  for (guint i = 0; i < problem->n_markets; i++)
    self->market_names[i] = g_strdup (problem->markets[i].name);

  return self;
}

LfPlan *
lf_plan_ref (LfPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lf_plan_unref (LfPlan *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_diagnosis; i++)
    g_free (self->diagnosis[i].message);
  g_free (self->diagnosis);
  g_strfreev (self->market_names);
  g_free (self->markets);
  g_free (self->currency);
  g_free (self->error_message);
  g_free (self);
}

/* The four cost parts of one market at a decision (y, p, q), model.md. */
void
lf_market_costs (const LfProblemMarket *market,
                 double                 y,
                 double                 p,
                 double                 q,
                 double                 parts[LF_N_COST_PARTS])
{
  const double *v = market->v.value;

  parts[LF_COST_PROMOTION] = v[LF_PARAM_PROMOTE] * p;
  parts[LF_COST_TECHNOLOGY] = v[LF_PARAM_GAMMA] * p / v[LF_PARAM_P_MAX] + v[LF_PARAM_LOCALISE] * q;
  parts[LF_COST_CULTURE] = v[LF_PARAM_CULTURE] * p;
  parts[LF_COST_LEGAL] = v[LF_PARAM_LEGAL_FIXED] * y + v[LF_PARAM_LEGAL_P] * p + v[LF_PARAM_LEGAL_Q] * q;
}

static void
fill_market (LfPlanMarket          *out,
             const LfProblemMarket *market,
             double                 y,
             double                 p,
             double                 q)
{
  const double *v = market->v.value;

  out->entered = y > 0.5;
  out->p = p;
  out->q = q;
  out->value = v[LF_PARAM_ALPHA] * p + v[LF_PARAM_BETA] * q;
  lf_market_costs (market, y, p, q, out->cost_parts);
  out->cost = 0;
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    out->cost += out->cost_parts[k];
  out->risk = v[LF_PARAM_RISK] * p;
  out->headcount = v[LF_PARAM_HEADCOUNT] * p + v[LF_PARAM_HEADCOUNT_FIXED] * y;
}

/* Fills the plan from a decision and sums the totals, so that every total
 * is the sum of the figures shown beside it. y is rounded to 0 or 1 and
 * p, q of a market not entered are 0. */
void
lf_plan_set_solution (LfPlan          *self,
                      const LfProblem *problem,
                      const double    *y,
                      const double    *p,
                      const double    *q)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (problem->n_markets == self->n_markets);

  self->has_solution = TRUE;
  self->value = self->cost = self->risk = self->headcount = 0;
  memset (self->cost_parts, 0, sizeof self->cost_parts);
  self->markets_entered = 0;

  for (guint i = 0; i < self->n_markets; i++)
    {
      LfPlanMarket *m = &self->markets[i];
      double yi = y[i] > 0.5 ? 1 : 0;

      fill_market (m, &problem->markets[i], yi, yi * p[i], yi * q[i]);
      self->value += m->value;
      self->cost += m->cost;
      self->risk += m->risk;
      self->headcount += m->headcount;
      for (guint k = 0; k < LF_N_COST_PARTS; k++)
        self->cost_parts[k] += m->cost_parts[k];
      self->markets_entered += m->entered;
    }
}

void
lf_plan_add_diagnosis (LfPlan     *self,
                       guint       option,
                       LfRowKind   row,
                       int         market,
                       double      by,
                       double      to,
                       const char *message)
{
  LfDiagnosisItem *item;

  g_return_if_fail (self != NULL);

  self->diagnosis = g_renew (LfDiagnosisItem, self->diagnosis, self->n_diagnosis + 1);
  item = &self->diagnosis[self->n_diagnosis++];
  item->option = option;
  item->row = row;
  item->market = market;
  item->by = by;
  item->to = to;
  item->message = g_strdup (message);
}

const char *
lf_plan_status_to_string (LfPlanStatus status)
{
  g_return_val_if_fail (status <= LF_PLAN_ERROR, "error");

  return status_names[status];
}

const char *
lf_row_kind_to_string (LfRowKind row)
{
  g_return_val_if_fail (row <= LF_ROW_LOCK, "");

  return row_names[row];
}

const char *
lf_cost_part_to_key (LfCostPart part)
{
  g_return_val_if_fail (part < LF_N_COST_PARTS, "");

  return cost_part_keys[part];
}
