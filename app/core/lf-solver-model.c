/* lf-solver-model.c: the programme of model.md as a GLPK problem
 *
 * Only called inside _lf_glpk_run(). Rows that cannot bind are left out
 * (p >= m y with m = 0; q <= Q y with Q = 0 becomes a fixed column) and
 * every column gets its tightest bounds: the same programme, smaller.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-solver-private.h"

/* Cost of one unit of penetration: promotion, technology transfer at
 * gamma/P per unit, cultural integration and compliance. */
double
_lf_model_cost_of_p (const LfProblemMarket *market)
{
  const double *v = market->v.value;

  return v[LF_PARAM_PROMOTE] + v[LF_PARAM_GAMMA] / v[LF_PARAM_P_MAX] +
         v[LF_PARAM_CULTURE] + v[LF_PARAM_LEGAL_P];
}

double
_lf_model_cost_of_q (const LfProblemMarket *market)
{
  const double *v = market->v.value;

  return v[LF_PARAM_LOCALISE] + v[LF_PARAM_LEGAL_Q];
}

double
_lf_model_row_rhs (const LfProblem *problem,
                   LfRowKind        row)
{
  switch (row)
    {
    case LF_ROW_BUDGET:
      return problem->budget;
    case LF_ROW_TARGET:
      return problem->target_value;
    case LF_ROW_RISK:
      return problem->risk_cap;
    case LF_ROW_HEADCOUNT:
      return problem->headcount_cap;
    case LF_ROW_MARKETS:
      return problem->max_markets;
    case LF_ROW_LOCK:
      return 1;
    default:
      g_assert_not_reached ();
    }
}

static void
name_col (glp_prob   *lp,
          int         col,
          char        letter,
          guint       market)
{
  char name[32];

  g_snprintf (name, sizeof name, "%c_%u", letter, market + 1);
  glp_set_col_name (lp, col, name);
}

static void
add_market_columns (glp_prob          *lp,
                    const LfProblem   *problem,
                    const LfModelSpec *spec)
{
  if (problem->n_markets > 0)
    glp_add_cols (lp, 3 * problem->n_markets);

  for (guint i = 0; i < problem->n_markets; i++)
    {
      const LfProblemMarket *m = &problem->markets[i];
      LfLock lock = m->v.lock;
      gboolean lock_relaxed = spec->elastic && lock == LF_LOCK_ENTER;

      name_col (lp, LF_COL_Y (i), 'y', i);
      name_col (lp, LF_COL_P (i), 'p', i);
      name_col (lp, LF_COL_Q (i), 'q', i);
      glp_set_col_kind (lp, LF_COL_Y (i), GLP_BV);

      if (lock == LF_LOCK_EXCLUDE)
        {
          glp_set_col_bnds (lp, LF_COL_Y (i), GLP_FX, 0, 0);
          glp_set_col_bnds (lp, LF_COL_P (i), GLP_FX, 0, 0);
          glp_set_col_bnds (lp, LF_COL_Q (i), GLP_FX, 0, 0);
          continue;
        }

      if (lock == LF_LOCK_ENTER && !lock_relaxed)
        glp_set_col_bnds (lp, LF_COL_Y (i), GLP_FX, 1, 1);
      glp_set_col_bnds (lp, LF_COL_P (i), GLP_DB, 0, m->v.value[LF_PARAM_P_MAX]);
      if (m->v.value[LF_PARAM_Q_MAX] > 0)
        glp_set_col_bnds (lp, LF_COL_Q (i), GLP_DB, 0, m->v.value[LF_PARAM_Q_MAX]);
      else
        glp_set_col_bnds (lp, LF_COL_Q (i), GLP_FX, 0, 0);
    }
}

static int
add_row (glp_prob   *lp,
         const char *name,
         int         type,
         double      lb,
         double      ub)
{
  int row = glp_add_rows (lp, 1);

  glp_set_row_name (lp, row, name);
  glp_set_row_bnds (lp, row, type, lb, ub);

  return row;
}

static int
add_link_row (glp_prob   *lp,
              const char *prefix,
              guint       market,
              int         type,
              int         col,
              double      coef_y)
{
  char name[32];
  int ind[3] = { 0, col, LF_COL_Y (market) };
  double val[3] = { 0, 1, -coef_y };
  int row;

  g_snprintf (name, sizeof name, "%s_%u", prefix, market + 1);
  row = add_row (lp, name, type, 0, 0);
  glp_set_mat_row (lp, row, 2, ind, val);

  return row;
}

/* m y <= p <= P y and q <= Q y, for every market that may be entered. */
static void
add_link_rows (glp_prob        *lp,
               const LfProblem *problem,
               LfModelLayout   *layout)
{
  layout->pmin_row = g_new0 (int, problem->n_markets + 1);
  layout->pmax_row = g_new0 (int, problem->n_markets + 1);
  layout->qmax_row = g_new0 (int, problem->n_markets + 1);

  for (guint i = 0; i < problem->n_markets; i++)
    {
      const double *v = problem->markets[i].v.value;

      if (problem->markets[i].v.lock == LF_LOCK_EXCLUDE)
        continue;
      if (v[LF_PARAM_P_MIN] > 0)
        layout->pmin_row[i] = add_link_row (lp, "pmin", i, GLP_LO, LF_COL_P (i), v[LF_PARAM_P_MIN]);
      layout->pmax_row[i] = add_link_row (lp, "pmax", i, GLP_UP, LF_COL_P (i), v[LF_PARAM_P_MAX]);
      if (v[LF_PARAM_Q_MAX] > 0)
        layout->qmax_row[i] = add_link_row (lp, "qmax", i, GLP_UP, LF_COL_Q (i), v[LF_PARAM_Q_MAX]);
    }
}

/* A row over the markets: sum of cy y + cp p + cq q. Zero entries are
 * left out; GLPK refuses duplicate or zero-only rows only for indices. */
typedef double (*Coef) (const LfProblemMarket *market, char which);

static void
set_market_row (glp_prob        *lp,
                int              row,
                const LfProblem *problem,
                Coef             coef)
{
  /* scan-build 14 reports a leak here: it does not model g_autofree's
   * cleanup attribute (a five-line g_autofree function shows it too). */
  g_autofree int *ind = g_new (int, 3 * problem->n_markets + 2);
  g_autofree double *val = g_new (double, 3 * problem->n_markets + 2);
  int n = 0;

  for (guint i = 0; i < problem->n_markets; i++)
    {
      static const char which[] = { 'y', 'p', 'q' };

      for (guint k = 0; k < 3; k++)
        {
          double c = coef (&problem->markets[i], which[k]);

          if (c != 0)
            {
              n++;
              ind[n] = 3 * (int) i + 1 + (int) k;
              val[n] = c;
            }
        }
    }

  glp_set_mat_row (lp, row, n, ind, val);
}

static double
cost_coef (const LfProblemMarket *m,
           char                   which)
{
  if (which == 'y')
    return m->v.value[LF_PARAM_LEGAL_FIXED];
  if (which == 'p')
    return _lf_model_cost_of_p (m);
  return _lf_model_cost_of_q (m);
}

static double
value_coef (const LfProblemMarket *m,
            char                   which)
{
  if (which == 'p')
    return m->v.value[LF_PARAM_ALPHA];
  if (which == 'q')
    return m->v.value[LF_PARAM_BETA];
  return 0;
}

static double
risk_coef (const LfProblemMarket *m,
           char                   which)
{
  return which == 'p' ? m->v.value[LF_PARAM_RISK] : 0;
}

static double
headcount_coef (const LfProblemMarket *m,
                char                   which)
{
  if (which == 'p')
    return m->v.value[LF_PARAM_HEADCOUNT];
  if (which == 'y')
    return m->v.value[LF_PARAM_HEADCOUNT_FIXED];
  return 0;
}

static double
count_coef (const LfProblemMarket *m,
            char                   which)
{
  return which == 'y' ? 1 : 0;
}

static void
set_objective (glp_prob        *lp,
               const LfProblem *problem,
               Coef             coef,
               int              direction)
{
  glp_set_obj_dir (lp, direction);

  for (guint i = 0; i < problem->n_markets; i++)
    {
      glp_set_obj_coef (lp, LF_COL_Y (i), coef (&problem->markets[i], 'y'));
      glp_set_obj_coef (lp, LF_COL_P (i), coef (&problem->markets[i], 'p'));
      glp_set_obj_coef (lp, LF_COL_Q (i), coef (&problem->markets[i], 'q'));
    }
}

static void
add_side_rows (glp_prob        *lp,
               const LfProblem *problem,
               LfModelLayout   *layout)
{
  if (problem->objective == LF_OBJECTIVE_MAX_VALUE)
    {
      layout->objective_row = add_row (lp, "budget", GLP_UP, 0, problem->budget);
      set_market_row (lp, layout->objective_row, problem, cost_coef);
    }
  else
    {
      layout->objective_row = add_row (lp, "target", GLP_LO, problem->target_value, 0);
      set_market_row (lp, layout->objective_row, problem, value_coef);
    }

  if (!isnan (problem->risk_cap))
    {
      layout->risk_row = add_row (lp, "risk", GLP_UP, 0, problem->risk_cap);
      set_market_row (lp, layout->risk_row, problem, risk_coef);
    }
  if (!isnan (problem->headcount_cap))
    {
      layout->headcount_row = add_row (lp, "headcount", GLP_UP, 0, problem->headcount_cap);
      set_market_row (lp, layout->headcount_row, problem, headcount_coef);
    }
  if (!isnan (problem->max_markets))
    {
      layout->markets_row = add_row (lp, "markets", GLP_UP, 0, problem->max_markets);
      set_market_row (lp, layout->markets_row, problem, count_coef);
    }
}

static double
slack_scale (double rhs)
{
  return (isnan (rhs) || rhs == 0) ? 1 : fabs (rhs);
}

/* A slack column in @row: coefficient -1 in a <= row, +1 in a >= row,
 * costing 1/rhs per unit so that moves are compared relative to size. */
static int
add_slack (glp_prob   *lp,
           int         row,
           const char *name,
           double      sign,
           double      scale,
           gboolean    allowed)
{
  int col = glp_add_cols (lp, 1);
  int len = glp_get_mat_row (lp, row, NULL, NULL);
  /* scan-build 14 reports a leak here: it does not model g_autofree's
   * cleanup attribute (a five-line g_autofree function shows it too). */
  g_autofree int *ind = g_new (int, len + 2);
  g_autofree double *val = g_new (double, len + 2);

  glp_set_col_name (lp, col, name);
  if (allowed)
    glp_set_col_bnds (lp, col, GLP_LO, 0, 0);
  else
    glp_set_col_bnds (lp, col, GLP_FX, 0, 0);
  glp_set_obj_coef (lp, col, 1 / scale);

  glp_get_mat_row (lp, row, ind, val);
  ind[len + 1] = col;
  val[len + 1] = sign;
  glp_set_mat_row (lp, row, len + 1, ind, val);

  return col;
}

static void
add_elastic_rows (glp_prob          *lp,
                  const LfProblem   *problem,
                  const LfModelSpec *spec,
                  LfModelLayout     *layout)
{
  const struct { LfRowKind kind; int row; double sign; const char *name; } rows[] = {
    { LF_ROW_BUDGET, problem->objective == LF_OBJECTIVE_MAX_VALUE ? layout->objective_row : 0, -1, "s_budget" },
    { LF_ROW_TARGET, problem->objective == LF_OBJECTIVE_MIN_COST ? layout->objective_row : 0, +1, "s_target" },
    { LF_ROW_RISK, layout->risk_row, -1, "s_risk" },
    { LF_ROW_HEADCOUNT, layout->headcount_row, -1, "s_headcount" },
    { LF_ROW_MARKETS, layout->markets_row, -1, "s_markets" },
  };

  glp_set_obj_dir (lp, GLP_MIN);
  for (int j = 1; j <= glp_get_num_cols (lp); j++)
    glp_set_obj_coef (lp, j, 0);

  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    {
      if (rows[k].row == 0)
        continue;
      layout->slack_col[rows[k].kind] =
        add_slack (lp, rows[k].row, rows[k].name, rows[k].sign,
                   slack_scale (_lf_model_row_rhs (problem, rows[k].kind)),
                   (spec->relax & (1u << rows[k].kind)) != 0);
    }

  /* An enter lock is the row y + u >= 1: u = 1 lifts it. */
  layout->lock_slack_col = g_new0 (int, problem->n_markets);
  for (guint i = 0; i < problem->n_markets; i++)
    {
      char name[32];
      int row;

      if (problem->markets[i].v.lock != LF_LOCK_ENTER)
        continue;

      g_snprintf (name, sizeof name, "lock_%u", i + 1);
      row = add_row (lp, name, GLP_LO, 1, 0);
      glp_set_mat_row (lp, row, 1, (int[]) { 0, LF_COL_Y (i) }, (double[]) { 0, 1 });
      g_snprintf (name, sizeof name, "u_%u", i + 1);
      layout->lock_slack_col[i] = add_slack (lp, row, name, +1, 1,
                                             spec->relax_locks != NULL && spec->relax_locks[i]);
      glp_set_col_bnds (lp, layout->lock_slack_col[i],
                        spec->relax_locks != NULL && spec->relax_locks[i] ? GLP_DB : GLP_FX, 0,
                        spec->relax_locks != NULL && spec->relax_locks[i] ? 1 : 0);
    }
}

glp_prob *
_lf_model_build (const LfProblem   *problem,
                 const LfModelSpec *spec,
                 LfModelLayout     *layout)
{
  static const LfModelSpec plain = { FALSE, 0, NULL };
  glp_prob *lp = glp_create_prob ();

  if (spec == NULL)
    spec = &plain;
  memset (layout, 0, sizeof *layout);

  glp_set_prob_name (lp, "landfall");
  glp_set_obj_name (lp, problem->objective == LF_OBJECTIVE_MAX_VALUE ? "value" : "cost");
  add_market_columns (lp, problem, spec);
  add_side_rows (lp, problem, layout);
  add_link_rows (lp, problem, layout);

  if (problem->objective == LF_OBJECTIVE_MAX_VALUE)
    set_objective (lp, problem, value_coef, GLP_MAX);
  else
    set_objective (lp, problem, cost_coef, GLP_MIN);

  if (spec->elastic)
    add_elastic_rows (lp, problem, spec, layout);

  return lp;
}

void
_lf_model_layout_clear (LfModelLayout *layout)
{
  g_clear_pointer (&layout->lock_slack_col, g_free);
  g_clear_pointer (&layout->pmin_row, g_free);
  g_clear_pointer (&layout->pmax_row, g_free);
  g_clear_pointer (&layout->qmax_row, g_free);
}
