/* lf-solver-start.c: a head start for branch-and-cut
 *
 * The programme is a knapsack with side rows. A greedy plan (markets in
 * order of value per share of the scarce resources) is a good integer
 * solution, handed to GLPK as the first incumbent so that reduced-cost
 * fixing prunes the tree from the root, and a basis at that plan lets the
 * simplex start a few pivots from the root optimum instead of at zero.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-solver-private.h"

/* Resources a market uses at a decision: budget, risk, staff, count. */
enum { RES_BUDGET, RES_RISK, RES_STAFF, RES_COUNT, N_RES };

typedef struct
{
  const LfProblem *problem;
  double           cap[N_RES];     /* INFINITY where uncapped */
  double           weight[N_RES];  /* price of a whole cap in the score */
  double           used[N_RES];
  double           value;
} Greedy;

static void
usage (const LfProblemMarket *m,
       double                 y,
       double                 p,
       double                 q,
       double                 out[N_RES])
{
  out[RES_BUDGET] = m->v.value[LF_PARAM_LEGAL_FIXED] * y + _lf_model_cost_of_p (m) * p +
                    _lf_model_cost_of_q (m) * q;
  out[RES_RISK] = m->v.value[LF_PARAM_RISK] * p;
  out[RES_STAFF] = m->v.value[LF_PARAM_HEADCOUNT] * p + m->v.value[LF_PARAM_HEADCOUNT_FIXED] * y;
  out[RES_COUNT] = y;
}

static gboolean
fits (const Greedy *g,
      const double  use[N_RES])
{
  for (guint r = 0; r < N_RES; r++)
    {
      if (g->used[r] + use[r] > g->cap[r] * (1 - 1e-9) + 1e-9 && use[r] > 0)
        return FALSE;
    }

  return TRUE;
}

static void
take (Greedy       *g,
      const double  use[N_RES])
{
  for (guint r = 0; r < N_RES; r++)
    g->used[r] += use[r];
}

static void
init_caps (Greedy          *g,
           const LfProblem *problem)
{
  memset (g, 0, sizeof *g);
  g->problem = problem;
  g->cap[RES_BUDGET] = problem->objective == LF_OBJECTIVE_MAX_VALUE ? problem->budget : INFINITY;
  g->cap[RES_RISK] = isnan (problem->risk_cap) ? INFINITY : problem->risk_cap;
  g->cap[RES_STAFF] = isnan (problem->headcount_cap) ? INFINITY : problem->headcount_cap;
  g->cap[RES_COUNT] = isnan (problem->max_markets) ? INFINITY : problem->max_markets;
  for (guint r = 0; r < N_RES; r++)
    g->weight[r] = isfinite (g->cap[r]) ? 1 / MAX (g->cap[r], 1e-12) : 0;
}

/* The greedy works in steps: entering a market (at one of its vertices),
 * then raising p from its minimum to its maximum, or q from 0 to its
 * maximum. Every plan it builds is a vertex: p in {0, m, P}, q in {0, Q}. */
typedef enum
{
  STEP_ENTER,
  STEP_RAISE_P,
  STEP_RAISE_Q,
} StepKind;

typedef struct
{
  guint    market;
  StepKind kind;
  double   dp;
  double   dq;
  double   value;
  double   use[N_RES];
  double   score;
} Step;

static int
by_score_desc (gconstpointer a,
               gconstpointer b)
{
  const Step *sa = a, *sb = b;

  return (sa->score < sb->score) - (sa->score > sb->score);
}

/* Value per share of what is scarce: each resource weighed by how much of
 * its cap the step takes (min_cost: value per unit of cost). */
static double
score (const Greedy *g,
       double        value,
       const double  use[N_RES])
{
  double weight = 0;

  if (g->problem->objective == LF_OBJECTIVE_MIN_COST)
    weight = use[RES_BUDGET];
  else
    {
      for (guint r = 0; r < N_RES; r++)
        weight += g->weight[r] * use[r];
    }

  return value / MAX (weight, 1e-300);
}

static void
fill_step (const Greedy *g,
           Step         *step,
           guint         market,
           StepKind      kind,
           double        dy,
           double        dp,
           double        dq)
{
  const LfProblemMarket *m = &g->problem->markets[market];

  step->market = market;
  step->kind = kind;
  step->dp = dp;
  step->dq = dq;
  step->value = m->v.value[LF_PARAM_ALPHA] * dp + m->v.value[LF_PARAM_BETA] * dq;
  usage (m, dy, dp, dq, step->use);
  step->score = score (g, step->value, step->use);
}

/* The best way into market i, and the raises that may follow it. */
static guint
market_steps (const Greedy *g,
              guint         i,
              Step         *out)
{
  const double *v = g->problem->markets[i].v.value;
  double m = v[LF_PARAM_P_MIN], P = v[LF_PARAM_P_MAX], Q = v[LF_PARAM_Q_MAX];
  const double entries[3][2] = { { m, Q }, { P, 0 }, { P, Q } };
  Step best = { 0 };
  guint n = 0;

  best.score = -INFINITY;
  for (guint k = 0; k < 3; k++)
    {
      Step candidate;

      fill_step (g, &candidate, i, STEP_ENTER, 1, entries[k][0], entries[k][1]);
      if (candidate.value > 0 && candidate.score > best.score)
        best = candidate;
    }
  if (!isfinite (best.score))
    return 0;

  out[n++] = best;
  if (best.dp < P && P > m)
    fill_step (g, &out[n++], i, STEP_RAISE_P, 0, P - m, 0);
  if (best.dq < Q)
    fill_step (g, &out[n++], i, STEP_RAISE_Q, 0, 0, Q);

  return n;
}

static gboolean
target_reached (const Greedy *g)
{
  return g->problem->objective == LF_OBJECTIVE_MIN_COST &&
         g->value >= g->problem->target_value * (1 + 1e-9) + 1e-9;
}

/* Locked markets enter first, at their least: p = m, q = 0. */
static gboolean
enter_locked (Greedy *g,
              double *y,
              double *p,
              double *q)
{
  for (guint i = 0; i < g->problem->n_markets; i++)
    {
      const LfProblemMarket *m = &g->problem->markets[i];
      double use[N_RES];

      if (m->v.lock != LF_LOCK_ENTER)
        continue;
      y[i] = 1;
      p[i] = m->v.value[LF_PARAM_P_MIN];
      usage (m, 1, p[i], 0, use);
      if (!fits (g, use))
        return FALSE;
      take (g, use);
      g->value += m->v.value[LF_PARAM_ALPHA] * p[i];
    }

  return TRUE;
}

static guint
collect_steps (const Greedy *g,
               const double *y,
               Step         *steps)
{
  guint n = 0;

  for (guint i = 0; i < g->problem->n_markets; i++)
    {
      const double *v = g->problem->markets[i].v.value;
      LfLock lock = g->problem->markets[i].v.lock;

      if (lock == LF_LOCK_AUTO)
        n += market_steps (g, i, steps + n);
      else if (lock == LF_LOCK_ENTER && y[i] > 0.5)
        {
          if (v[LF_PARAM_P_MAX] > v[LF_PARAM_P_MIN])
            fill_step (g, &steps[n++], i, STEP_RAISE_P, 0, v[LF_PARAM_P_MAX] - v[LF_PARAM_P_MIN], 0);
          if (v[LF_PARAM_Q_MAX] > 0)
            fill_step (g, &steps[n++], i, STEP_RAISE_Q, 0, 0, v[LF_PARAM_Q_MAX]);
        }
    }

  return n;
}

static gboolean
apply_step (Greedy     *g,
            const Step *step,
            double     *y,
            double     *p,
            double     *q)
{
  guint i = step->market;

  if ((step->kind == STEP_ENTER) == (y[i] > 0.5))
    return FALSE;  /* entered already, or a raise before its entry */
  if ((step->kind == STEP_RAISE_P && p[i] > g->problem->markets[i].v.value[LF_PARAM_P_MIN]) ||
      (step->kind == STEP_RAISE_Q && q[i] > 0))
    return FALSE;
  if (!fits (g, step->use))
    return FALSE;

  take (g, step->use);
  g->value += step->value;
  if (step->kind == STEP_ENTER)
    {
      y[i] = 1;
      p[i] = step->dp;
      q[i] = step->dq;
    }
  else
    {
      p[i] += step->dp;
      q[i] += step->dq;
    }

  return TRUE;
}

static gboolean
greedy_round (Greedy          *g,
              const LfProblem *problem,
              double          *y,
              double          *p,
              double          *q,
              Step            *steps)
{
  guint n;

  memset (g->used, 0, sizeof g->used);
  g->value = 0;
  memset (y, 0, sizeof (double) * problem->n_markets);
  memset (p, 0, sizeof (double) * problem->n_markets);
  memset (q, 0, sizeof (double) * problem->n_markets);
  if (!enter_locked (g, y, p, q))
    return FALSE;

  n = collect_steps (g, y, steps);
  qsort (steps, n, sizeof *steps, by_score_desc);

  /* Twice: a raise met before its market's entry gets a second chance. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint k = 0; k < n && !target_reached (g); k++)
        apply_step (g, &steps[k], y, p, q);
    }

  return problem->objective == LF_OBJECTIVE_MAX_VALUE || target_reached (g);
}

/* Only the resources a plan runs out of are scarce: price those alone in
 * the next round (a cap far from binding has a shadow price of 0). */
static gboolean
reprice (Greedy *g)
{
  gboolean changed = FALSE;

  for (guint r = 0; r < N_RES; r++)
    {
      gboolean binding = isfinite (g->cap[r]) && g->used[r] >= 0.97 * g->cap[r];
      double weight = binding ? 1 / MAX (g->cap[r], 1e-12) : 0;

      changed |= weight != g->weight[r];
      g->weight[r] = weight;
    }

  return changed;
}

/**
 * _lf_greedy_plan:
 *
 * Fills @y, @p, @q with a feasible integer plan at a vertex (p in
 * {0, m, P}, q in {0, Q}) that _lf_model_set_start_basis() turns into a
 * basis. Returns %FALSE when the greedy finds no feasible plan.
 */
gboolean
_lf_greedy_plan (const LfProblem *problem,
                 double          *y,
                 double          *p,
                 double          *q)
{
  guint n = problem->n_markets;
  /* scan-build 14 reports a leak here: it does not model g_autofree's
   * cleanup attribute (a five-line g_autofree function shows it too). */
  g_autofree Step *steps = g_new0 (Step, 3 * n + 1);
  g_autofree double *best = g_new0 (double, 3 * n + 1);
  double best_value = -INFINITY;
  Greedy g;

  init_caps (&g, problem);
  for (guint round = 0; round < 3; round++)
    {
      if (greedy_round (&g, problem, y, p, q, steps) && g.value > best_value)
        {
          best_value = g.value;
          memcpy (best, y, n * sizeof (double));
          memcpy (best + n, p, n * sizeof (double));
          memcpy (best + 2 * n, q, n * sizeof (double));
        }
      if (problem->objective == LF_OBJECTIVE_MIN_COST || !reprice (&g))
        break;
    }

  if (!isfinite (best_value))
    return FALSE;

  memcpy (y, best, n * sizeof (double));
  memcpy (p, best + n, n * sizeof (double));
  memcpy (q, best + 2 * n, n * sizeof (double));

  return TRUE;
}

static gboolean
market_point_is_valid (const LfProblemMarket *m,
                       double                 y,
                       double                 p,
                       double                 q)
{
  const double *v = m->v.value;
  double tol = 1e-9;

  if ((y != 0 && y != 1) || (m->v.lock == LF_LOCK_ENTER && y != 1) ||
      (m->v.lock == LF_LOCK_EXCLUDE && y != 0))
    return FALSE;

  return p >= v[LF_PARAM_P_MIN] * y - tol && p <= v[LF_PARAM_P_MAX] * y + tol &&
         q >= -tol && q <= v[LF_PARAM_Q_MAX] * y + tol;
}

/* Whether a plan meets every row of the programme, and its objective. */
gboolean
_lf_point_is_feasible (const LfProblem *problem,
                       const double    *y,
                       const double    *p,
                       const double    *q,
                       double          *out_value)
{
  Greedy g;

  init_caps (&g, problem);
  for (guint i = 0; i < problem->n_markets; i++)
    {
      const LfProblemMarket *m = &problem->markets[i];
      double use[N_RES];

      if (!market_point_is_valid (m, y[i], p[i], q[i]))
        return FALSE;
      usage (m, y[i], p[i], q[i], use);
      take (&g, use);
      g.value += m->v.value[LF_PARAM_ALPHA] * p[i] + m->v.value[LF_PARAM_BETA] * q[i];
    }

  for (guint r = 0; r < N_RES; r++)
    {
      if (g.used[r] > g.cap[r] * (1 + 1e-9) + 1e-9)
        return FALSE;
    }
  if (problem->objective == LF_OBJECTIVE_MIN_COST && g.value < problem->target_value * (1 - 1e-9) - 1e-9)
    return FALSE;

  *out_value = problem->objective == LF_OBJECTIVE_MAX_VALUE ? g.value : g.used[RES_BUDGET];

  return TRUE;
}

static void
set_row_stat (glp_prob *lp,
              int       row,
              int       stat)
{
  if (row > 0)
    glp_set_row_stat (lp, row, stat);
}

static void
start_market (glp_prob              *lp,
              guint                  i,
              const LfProblemMarket *m,
              const LfModelLayout   *layout,
              double                 y,
              double                 p,
              double                 q)
{
  double P = m->v.value[LF_PARAM_P_MAX];
  double Q = m->v.value[LF_PARAM_Q_MAX];

  if (m->v.lock == LF_LOCK_EXCLUDE)
    return;  /* fixed columns, no rows */

  glp_set_col_stat (lp, LF_COL_Y (i), m->v.lock == LF_LOCK_ENTER ? GLP_NS : (y > 0.5 ? GLP_NU : GLP_NL));

  /* p: at its maximum (p = P y, also for y = 0), at its minimum, or at 0. */
  if (y < 0.5 || p >= P * (1 - 1e-12))
    {
      glp_set_col_stat (lp, LF_COL_P (i), GLP_BS);
      set_row_stat (lp, layout->pmax_row[i], GLP_NU);
      set_row_stat (lp, layout->pmin_row[i], GLP_BS);
    }
  else if (layout->pmin_row[i] > 0)
    {
      glp_set_col_stat (lp, LF_COL_P (i), GLP_BS);
      set_row_stat (lp, layout->pmin_row[i], GLP_NL);
      set_row_stat (lp, layout->pmax_row[i], GLP_BS);
    }
  else
    {
      glp_set_col_stat (lp, LF_COL_P (i), GLP_NL);
      set_row_stat (lp, layout->pmax_row[i], GLP_BS);
    }

  if (Q <= 0)
    glp_set_col_stat (lp, LF_COL_Q (i), GLP_NS);
  else if (y < 0.5 || q >= Q * (1 - 1e-12))
    {
      glp_set_col_stat (lp, LF_COL_Q (i), GLP_BS);
      set_row_stat (lp, layout->qmax_row[i], GLP_NU);
    }
  else
    {
      glp_set_col_stat (lp, LF_COL_Q (i), GLP_NL);
      set_row_stat (lp, layout->qmax_row[i], GLP_BS);
    }
}

/**
 * _lf_model_set_start_basis:
 *
 * A basis of the model at the vertex @y, @p, @q of _lf_greedy_plan():
 * block-triangular, so never singular; primal feasible because the plan
 * is. Every side row is basic.
 */
void
_lf_model_set_start_basis (glp_prob            *lp,
                           const LfProblem     *problem,
                           const LfModelLayout *layout,
                           const double        *y,
                           const double        *p,
                           const double        *q)
{
  int n_rows = glp_get_num_rows (lp);

  for (int r = 1; r <= n_rows; r++)
    glp_set_row_stat (lp, r, GLP_BS);

  for (guint i = 0; i < problem->n_markets; i++)
    start_market (lp, i, &problem->markets[i], layout, y[i], p[i], q[i]);
}
