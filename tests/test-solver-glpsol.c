/* test-solver-glpsol.c: the solver against glpsol on many random scenarios
 *
 * For every scenario the programme of model.md is written out a second time
 * (lf-test-model.c, no code shared with the solver) and solved by glpsol.
 * The solver must agree on feasibility and on the optimum, and its plan must
 * satisfy every row of model.md and add up, checked here from the formulas.
 * A disagreement is reported with the smallest failing scenario written out
 * as an LP file.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lf-scenario-json.h"
#include "lf-solver.h"
#include "lf-test-examples.h"
#include "lf-test-model.h"

#define SEED 20261129
#define N_SCENARIOS 250
#define N_SCENARIOS_QUICK 80
#define MAX_MARKETS 25

/* Rows are checked to 1e-6 of their size; the plan's own sums, which are
 * the same numbers added up in another order, to 1e-9. */
#define ROW_TOL 1e-6
#define SUM_TOL 1e-9
/* glpsol's own plans are only as good as GLPK's tolerances (integrality
 * 1e-5: q_i = 8e-6 with y_i reported as 0 happens), so they are judged
 * loosely, for gross errors such as a row left out. */
#define GLPSOL_TOL 1e-4
#define INT_TOL 1e-5

static gboolean
near (double a,
      double b,
      double rel,
      double scale)
{
  return fabs (a - b) <= rel * MAX (1.0, fabs (scale));
}

static gboolean
have_glpsol (void)
{
  g_autofree char *path = g_find_program_in_path ("glpsol");

  if (path == NULL)
    {
      g_test_skip ("glpsol is not installed (Debian package glpk-utils)");
      return FALSE;
    }

  return TRUE;
}

/* ---- the plan against model.md ------------------------------------------ */

typedef struct
{
  double value, cost, risk, headcount;
  double parts[LF_N_COST_PARTS];
} MarketSums;

/* model.md, "Cost, the four parts", from y, p, q. */
static void
market_sums (const LfProblemMarket *market,
             double                 y,
             double                 p,
             double                 q,
             MarketSums            *out)
{
  const double *v = market->v.value;

  out->value = v[LF_PARAM_ALPHA] * p + v[LF_PARAM_BETA] * q;
  out->parts[LF_COST_PROMOTION] = v[LF_PARAM_PROMOTE] * p;
  out->parts[LF_COST_TECHNOLOGY] = v[LF_PARAM_GAMMA] * p / v[LF_PARAM_P_MAX] + v[LF_PARAM_LOCALISE] * q;
  out->parts[LF_COST_CULTURE] = v[LF_PARAM_CULTURE] * p;
  out->parts[LF_COST_LEGAL] = v[LF_PARAM_LEGAL_FIXED] * y + v[LF_PARAM_LEGAL_P] * p + v[LF_PARAM_LEGAL_Q] * q;
  out->cost = 0;
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    out->cost += out->parts[k];
  out->risk = v[LF_PARAM_RISK] * p;
  out->headcount = v[LF_PARAM_HEADCOUNT] * p + v[LF_PARAM_HEADCOUNT_FIXED] * y;
}

static void
check_market_accounting (const LfProblem *problem,
                         const LfPlan    *plan,
                         guint            i,
                         GString         *why)
{
  const LfPlanMarket *m = &plan->markets[i];
  MarketSums s;

  market_sums (&problem->markets[i], m->entered ? 1 : 0, m->p, m->q, &s);
  if (!m->entered && (m->p != 0 || m->q != 0))
    g_string_append_printf (why, "market %u not entered but p = %g, q = %g; ", i + 1, m->p, m->q);
  if (!near (m->value, s.value, SUM_TOL, s.value))
    g_string_append_printf (why, "market %u value %.17g, formula %.17g; ", i + 1, m->value, s.value);
  if (!near (m->cost, s.cost, SUM_TOL, s.cost))
    g_string_append_printf (why, "market %u cost %.17g, formula %.17g; ", i + 1, m->cost, s.cost);
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    if (!near (m->cost_parts[k], s.parts[k], SUM_TOL, s.cost))
      g_string_append_printf (why, "market %u %s cost %.17g, formula %.17g; ", i + 1,
                              lf_cost_part_to_key (k), m->cost_parts[k], s.parts[k]);
  if (!near (m->risk, s.risk, SUM_TOL, s.risk) || !near (m->headcount, s.headcount, SUM_TOL, s.headcount))
    g_string_append_printf (why, "market %u risk/headcount %g/%g, formula %g/%g; ", i + 1,
                            m->risk, m->headcount, s.risk, s.headcount);
}

/* The plan's totals are the sums of its markets, and cost the sum of parts. */
static void
check_totals (const LfProblem *problem,
              const LfPlan    *plan,
              GString         *why)
{
  MarketSums t = { 0 };
  double parts_sum = 0;
  guint entered = 0;

  for (guint i = 0; i < problem->n_markets; i++)
    {
      const LfPlanMarket *m = &plan->markets[i];

      t.value += m->value;
      t.cost += m->cost;
      t.risk += m->risk;
      t.headcount += m->headcount;
      for (guint k = 0; k < LF_N_COST_PARTS; k++)
        t.parts[k] += m->cost_parts[k];
      entered += m->entered ? 1 : 0;
    }
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    {
      parts_sum += plan->cost_parts[k];
      if (!near (plan->cost_parts[k], t.parts[k], SUM_TOL, t.cost))
        g_string_append_printf (why, "total %s cost %.17g, sum of markets %.17g; ",
                                lf_cost_part_to_key (k), plan->cost_parts[k], t.parts[k]);
    }
  if (!near (plan->value, t.value, SUM_TOL, t.value))
    g_string_append_printf (why, "total value %.17g, sum of markets %.17g; ", plan->value, t.value);
  if (!near (plan->cost, t.cost, SUM_TOL, t.cost) || !near (plan->cost, parts_sum, SUM_TOL, t.cost))
    g_string_append_printf (why, "total cost %.17g, sum of markets %.17g, of parts %.17g; ",
                            plan->cost, t.cost, parts_sum);
  if (!near (plan->risk, t.risk, SUM_TOL, t.risk) || !near (plan->headcount, t.headcount, SUM_TOL, t.headcount))
    g_string_append_printf (why, "total risk/headcount %g/%g, sums %g/%g; ",
                            plan->risk, plan->headcount, t.risk, t.headcount);
  if (plan->markets_entered != entered)
    g_string_append_printf (why, "markets_entered %u, counted %u; ", plan->markets_entered, entered);
}

/* A point of the programme: y, p, q per market, from a plan or from an
 * external solver's columns, so that one checker judges both. */
typedef struct
{
  guint   n;
  double  tol;      /* how far a row may be broken, relative */
  double *y;
  double *p;
  double *q;
} Point;

static void
point_clear (Point *point)
{
  g_clear_pointer (&point->y, g_free);
  g_clear_pointer (&point->p, g_free);
  g_clear_pointer (&point->q, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Point, point_clear)

static void
point_init (Point  *point,
            guint   n,
            double  tol)
{
  point->n = n;
  point->tol = tol;
  point->y = g_new0 (double, n);
  point->p = g_new0 (double, n);
  point->q = g_new0 (double, n);
}

static void
point_from_plan (Point        *point,
                 const LfPlan *plan)
{
  point_init (point, plan->n_markets, ROW_TOL);
  for (guint i = 0; i < plan->n_markets; i++)
    {
      point->y[i] = plan->markets[i].entered ? 1 : 0;
      point->p[i] = plan->markets[i].p;
      point->q[i] = plan->markets[i].q;
    }
}

/* glpsol's columns, in the order lf_test_lp_column() gives. */
static void
point_from_solution (Point                *point,
                     guint                 n,
                     const LfTestSolution *solution)
{
  const double *x = (const double *) solution->values->data;

  g_assert_cmpuint (solution->values->len, ==, 3 * n);
  point_init (point, n, GLPSOL_TOL);
  for (guint i = 0; i < n; i++)
    {
      point->y[i] = x[lf_test_lp_column (i, 'y')];
      point->p[i] = x[lf_test_lp_column (i, 'p')];
      point->q[i] = x[lf_test_lp_column (i, 'q')];
    }
}

/* m y <= p <= P y, 0 <= q <= Q y, the lock, for one market. */
static void
check_market_rows (const LfProblem *problem,
                   const Point     *x,
                   guint            i,
                   GString         *why)
{
  const double *v = problem->markets[i].v.value;
  LfLock lock = problem->markets[i].v.lock;
  double y = x->y[i], p = x->p[i], q = x->q[i], tol = x->tol;

  if (p < v[LF_PARAM_P_MIN] * y - tol || p > v[LF_PARAM_P_MAX] * y + tol || p < -tol)
    g_string_append_printf (why, "market %u: p = %.17g outside [%.17g, %.17g] y (y = %g); ", i + 1,
                            p, v[LF_PARAM_P_MIN], v[LF_PARAM_P_MAX], y);
  if (q < -tol || q > v[LF_PARAM_Q_MAX] * y + tol)
    g_string_append_printf (why, "market %u: q = %.17g outside [0, %.17g] y (y = %g); ", i + 1,
                            q, v[LF_PARAM_Q_MAX], y);
  if ((lock == LF_LOCK_ENTER && fabs (y - 1) > INT_TOL) || (lock == LF_LOCK_EXCLUDE && fabs (y) > INT_TOL))
    g_string_append_printf (why, "market %u breaks its lock %s; ", i + 1, lf_lock_to_string (lock));
}

static void
check_cap (const char *row,
           double      lhs,
           double      scale,
           double      cap,
           double      tol,
           GString    *why)
{
  if (!isnan (cap) && lhs > cap + tol * MAX (1.0, MAX (fabs (cap), scale)))
    g_string_append_printf (why, "%s row broken: %.17g > %.17g; ", row, lhs, cap);
}

/* Every row of model.md at the point @x, sums recomputed here. */
static void
check_rows (const LfProblem *problem,
            const Point     *x,
            GString         *why)
{
  MarketSums t = { 0 };
  double entered = 0;

  for (guint i = 0; i < problem->n_markets; i++)
    {
      MarketSums s;

      check_market_rows (problem, x, i, why);
      market_sums (&problem->markets[i], x->y[i], x->p[i], x->q[i], &s);
      t.value += s.value;
      t.cost += s.cost;
      t.risk += s.risk;
      t.headcount += s.headcount;
      entered += x->y[i];
    }

  if (problem->objective == LF_OBJECTIVE_MAX_VALUE)
    check_cap ("budget", t.cost, t.cost, problem->budget, x->tol, why);
  else if (t.value < problem->target_value - x->tol * MAX (1.0, problem->target_value))
    g_string_append_printf (why, "target row broken: %.17g < %.17g; ", t.value, problem->target_value);
  check_cap ("risk", t.risk, t.risk, problem->risk_cap, x->tol, why);
  check_cap ("headcount", t.headcount, t.headcount, problem->headcount_cap, x->tol, why);
  if (!isnan (problem->max_markets) && entered > problem->max_markets + INT_TOL * problem->n_markets)
    g_string_append_printf (why, "markets row broken: %g > %g; ", entered, problem->max_markets);
}

/* ---- the solver against glpsol ------------------------------------------- */

static double
plan_objective (const LfProblem *problem,
                const LfPlan    *plan)
{
  return problem->objective == LF_OBJECTIVE_MIN_COST ? plan->cost : plan->value;
}

/* How often glpsol returned a plan that breaks model.md. */
static guint glpsol_faults;

/* glpsol's answer, checked. glpsol runs without its MIP presolver
 * (--nointopt): with it, GLPK 5.0 was seen to return a plan that breaks a
 * row (p_i = 0 with y_i = 1 and m_i = 0.00088; p_i = 1 over P_i = 0.99978:
 * implied bounds within 1e-3 of a column bound are dropped) and an
 * "optimal" objective 0.5 % below the true one. The plan it returns must
 * itself satisfy every row, to GLPK's tolerances. */
static gboolean
reference_solve (const LfProblem *problem,
                 const char      *lp,
                 LfTestSolution  *out,
                 GError         **error)
{
  g_autoptr(GString) broken = g_string_new (NULL);
  g_auto(Point) x = { 0 };

  if (!lf_test_glpsol_text (lp, FALSE, out, error))
    return FALSE;
  if (out->status == LF_TEST_INFEASIBLE)
    return TRUE;
  if (out->status == LF_TEST_OPTIMAL)
    {
      point_from_solution (&x, problem->n_markets, out);
      check_rows (problem, &x, broken);
      if (broken->len == 0)
        return TRUE;
      glpsol_faults++;
    }
  g_set_error (error, LF_TEST_MODEL_ERROR, LF_TEST_MODEL_ERROR_FAILED,
               "glpsol gave no trustworthy answer: %s",
               out->status == LF_TEST_OPTIMAL ? broken->str : "no proof of optimality");
  lf_test_solution_clear (out);

  return FALSE;
}

/* The reference optimum of @problem: @feasible FALSE when glpsol proves
 * it infeasible. */
static gboolean
reference_objective (const LfProblem *problem,
                     double          *objective,
                     gboolean        *feasible,
                     GString         *why)
{
  g_autofree char *lp = lf_test_write_cplex_lp (problem);
  g_autoptr(GError) error = NULL;
  LfTestSolution reference = { 0 };

  if (!reference_solve (problem, lp, &reference, &error))
    {
      g_string_append_printf (why, "glpsol: %s; ", error->message);
      return FALSE;
    }
  *feasible = reference.status == LF_TEST_OPTIMAL;
  *objective = reference.objective;
  lf_test_solution_clear (&reference);

  return TRUE;
}

/* model.md: the shadow price is the dual of the budget (target) row with
 * every y_i fixed at its optimum. That LP's optimum is concave in B (convex
 * in T), so whatever step d, the dual lies between the difference quotients
 * on either side:  (F(B+d) - F(B))/d <= dual <= (F(B) - F(B-d))/d, and the
 * other way round for C(T). */
static void
check_shadow_price (const LfProblem *problem,
                    const LfPlan    *plan,
                    GString         *why)
{
  g_autoptr(LfProblem) fixed = lf_problem_copy (problem);
  gboolean min_cost = problem->objective == LF_OBJECTIVE_MIN_COST;
  double *rhs = min_cost ? &fixed->target_value : &fixed->budget;
  double base = *rhs, d = 1e-3 * MAX (1.0, base);
  double at[3];
  gboolean feasible[3];
  double below, above, tol;

  for (guint i = 0; i < problem->n_markets; i++)
    fixed->markets[i].v.lock = plan->markets[i].entered ? LF_LOCK_ENTER : LF_LOCK_EXCLUDE;
  for (int k = 0; k < 3; k++)
    {
      *rhs = base + (k - 1) * d;
      feasible[k] = FALSE;
      if (*rhs >= 0 && !reference_objective (fixed, &at[k], &feasible[k], why))
        return;
    }
  if (!feasible[1])
    {
      g_string_append (why, "the plan's entry set is infeasible with y fixed; ");
      return;
    }
  below = feasible[0] ? (at[1] - at[0]) / d : (min_cost ? -INFINITY : INFINITY);
  above = feasible[2] ? (at[2] - at[1]) / d : (min_cost ? INFINITY : -INFINITY);
  tol = 1e-6 * MAX (fabs (plan->shadow_price), 1e-3) + 1e-7 * MAX (1.0, fabs (at[1])) / d;
  if ((!min_cost && (plan->shadow_price < above - tol || plan->shadow_price > below + tol))
      || (min_cost && (plan->shadow_price < below - tol || plan->shadow_price > above + tol)))
    g_string_append_printf (why, "shadow price %.10g outside the difference quotients [%.10g, %.10g]; ",
                            plan->shadow_price, min_cost ? below : above, min_cost ? above : below);
}

static void
check_optimal_plan (const LfProblem *problem,
                    const LfPlan    *plan,
                    double           glpsol_objective,
                    GString         *why)
{
  g_auto(Point) x = { 0 };
  double mine = plan_objective (problem, plan);

  if (!plan->has_solution)
    {
      g_string_append (why, "optimal without a solution; ");
      return;
    }
  if (fabs (mine - glpsol_objective) > 1e-6 * fabs (glpsol_objective) + 1e-6)
    g_string_append_printf (why, "optimum %.17g, glpsol %.17g (%s); ", mine, glpsol_objective,
                            lf_objective_to_string (problem->objective));
  point_from_plan (&x, plan);
  check_rows (problem, &x, why);
  check_totals (problem, plan, why);
  for (guint i = 0; i < problem->n_markets; i++)
    check_market_accounting (problem, plan, i, why);
  if (!plan->has_shadow_price)
    g_string_append (why, "optimal without a shadow price; ");
  else
    check_shadow_price (problem, plan, why);
}

/* A copy of @problem with the moves of diagnosis option @option applied,
 * nudged by 1e-7 (inside glpsol's tolerance) so that a move to exactly the
 * edge is not lost to rounding. */
static LfProblem *
apply_diagnosis (const LfProblem *problem,
                 const LfPlan    *plan,
                 guint            option)
{
  LfProblem *moved = lf_problem_copy (problem);

  for (guint k = 0; k < plan->n_diagnosis; k++)
    {
      const LfDiagnosisItem *item = &plan->diagnosis[k];
      double up = item->to + 1e-7 * MAX (1.0, fabs (item->to));

      if (item->option != option)
        continue;
      switch (item->row)
        {
        case LF_ROW_BUDGET: moved->budget = up; break;
        case LF_ROW_TARGET: moved->target_value = item->to - 1e-7 * MAX (1.0, fabs (item->to)); break;
        case LF_ROW_RISK: moved->risk_cap = up; break;
        case LF_ROW_HEADCOUNT: moved->headcount_cap = up; break;
        case LF_ROW_MARKETS: moved->max_markets = ceil (item->to - 1e-9); break;
        case LF_ROW_LOCK: moved->markets[item->market].v.lock = LF_LOCK_AUTO; break;
        default: g_assert_not_reached ();
        }
    }

  return moved;
}

/* Every option of the diagnosis must make the programme feasible, as
 * glpsol sees it. */
static void
check_diagnosis (const LfProblem *problem,
                 const LfPlan    *plan,
                 GString         *why)
{
  if (plan->n_diagnosis == 0)
    {
      g_string_append (why, "infeasible without a diagnosis; ");
      return;
    }

  for (guint first = 0; first < plan->n_diagnosis; first++)
    {
      guint option = plan->diagnosis[first].option;
      g_autoptr(LfProblem) moved = NULL;
      g_autofree char *lp = NULL;
      g_autoptr(GError) error = NULL;
      LfTestSolution reference = { 0 };

      /* Each option once, at its first item. */
      if (first > 0 && plan->diagnosis[first - 1].option == option)
        continue;
      moved = apply_diagnosis (problem, plan, option);
      lp = lf_test_write_cplex_lp (moved);
      if (!reference_solve (moved, lp, &reference, &error))
        g_string_append_printf (why, "glpsol on diagnosis option %u: %s; ", option, error->message);
      else if (reference.status != LF_TEST_OPTIMAL)
        {
          g_string_append_printf (why, "diagnosis option %u leaves the programme infeasible:", option);
          for (guint k = 0; k < plan->n_diagnosis; k++)
            g_string_append_printf (why, " [%u %s market %d by %.17g to %.17g \"%s\"]",
                                    plan->diagnosis[k].option,
                                    lf_row_kind_to_string (plan->diagnosis[k].row),
                                    plan->diagnosis[k].market, plan->diagnosis[k].by,
                                    plan->diagnosis[k].to, plan->diagnosis[k].message);
          g_string_append (why, "; ");
        }
      lf_test_solution_clear (&reference);
    }
}

/* A third opinion for the report when the solver and glpsol disagree. */
static char *
cbc_opinion (const char *lp)
{
  g_autofree char *cbc = g_find_program_in_path ("cbc");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LfTestSolution solution = { 0 };
  char *opinion;

  if (cbc == NULL || (dir = g_dir_make_tmp ("landfall-cbc-XXXXXX", NULL)) == NULL)
    return g_strdup ("cbc not available");
  path = g_build_filename (dir, "model.lp", NULL);
  if (g_file_set_contents (path, lp, -1, &error) && lf_test_cbc_file (path, 0, &solution, &error))
    opinion = g_strdup_printf ("cbc says %s %.10g",
                               solution.status == LF_TEST_OPTIMAL ? "optimal"
                               : solution.status == LF_TEST_INFEASIBLE ? "infeasible" : "stopped",
                               solution.objective);
  else
    opinion = g_strdup_printf ("cbc failed: %s", error->message);
  lf_test_solution_clear (&solution);
  g_unlink (path);
  g_rmdir (dir);

  return opinion;
}

static void
compare_with_reference (const LfProblem      *problem,
                        const LfPlan         *plan,
                        const LfTestSolution *reference,
                        GString              *why)
{
  gboolean feasible = reference->status == LF_TEST_OPTIMAL;

  if (feasible && plan->status != LF_PLAN_OPTIMAL)
    g_string_append_printf (why, "status %s, glpsol optimal %.17g; ",
                            lf_plan_status_to_string (plan->status), reference->objective);
  else if (!feasible && plan->status != LF_PLAN_INFEASIBLE)
    g_string_append_printf (why, "status %s (objective %.17g), glpsol infeasible; ",
                            lf_plan_status_to_string (plan->status), plan_objective (problem, plan));
  else if (feasible)
    check_optimal_plan (problem, plan, reference->objective, why);
  else
    check_diagnosis (problem, plan, why);
}

/* Returns NULL when the solver and glpsol agree and the plan checks out,
 * else what is wrong. */
static char *
check_scenario (const LfProblem *problem,
                gboolean        *out_feasible)
{
  g_autoptr(GString) why = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autofree char *lp = lf_test_write_cplex_lp (problem);
  g_autofree char *opinion = NULL;
  LfTestSolution reference = { 0 };

  *out_feasible = FALSE;
  if (!lf_problem_check (problem, &error))
    return g_strdup_printf ("the generator made an invalid problem: %s", error->message);
  if (!reference_solve (problem, lp, &reference, &error))
    return g_strdup_printf ("glpsol: %s", error->message);
  *out_feasible = reference.status == LF_TEST_OPTIMAL;

  plan = lf_solver_solve (problem, NULL, NULL, &error);
  if (plan == NULL)
    g_string_append_printf (why, "lf_solver_solve failed: %s; ", error->message);
  else
    compare_with_reference (problem, plan, &reference, why);
  lf_test_solution_clear (&reference);

  if (why->len == 0)
    return NULL;
  opinion = cbc_opinion (lp);
  g_string_append (why, opinion);

  return g_string_free (g_steal_pointer (&why), FALSE);
}

static guint
n_scenarios (void)
{
  return g_getenv ("LANDFALL_QUICK") != NULL ? N_SCENARIOS_QUICK : N_SCENARIOS;
}

/* Writes both programmes of the failing scenario where a person can find
 * them: ours (the reference) and the solver's own export. */
static void
report_failure (const LfProblem *problem,
                guint            scenario,
                const char      *why)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *ours = g_build_filename (dir ? dir : ".", "solver-glpsol-failure.lp", NULL);
  g_autofree char *theirs = g_build_filename (dir ? dir : ".", "solver-glpsol-failure-solver.lp", NULL);
  g_autofree char *lp = lf_test_write_cplex_lp (problem);

  g_file_set_contents (ours, lp, -1, NULL);
  lf_solver_write_lp (problem, theirs, NULL);
  g_test_message ("smallest failing scenario: #%u, %u markets: %s", scenario,
                  problem->n_markets, why);
  g_test_message ("its programme (model.md, written by the test): %s", ours);
  g_test_message ("the solver's own export: %s", theirs);
}

static void
test_random_scenarios (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(LfProblem) smallest = NULL;
  g_autofree char *smallest_why = NULL;
  guint smallest_index = 0, n_failed = 0, n_infeasible = 0, n_min_cost = 0;
  guint n = n_scenarios ();

  if (!have_glpsol ())
    return;

  for (guint k = 0; k < n; k++)
    {
      guint n_markets = g_rand_int_range (rand, 1, MAX_MARKETS + 1);
      gboolean with_caps = g_rand_boolean (rand);
      g_autoptr(LfProblem) problem = lf_test_random_problem (rand, n_markets, with_caps);
      gboolean feasible;
      g_autofree char *why = check_scenario (problem, &feasible);

      n_min_cost += problem->objective == LF_OBJECTIVE_MIN_COST;
      if (why == NULL)
        {
          n_infeasible += !feasible;
          continue;
        }
      n_failed++;
      g_test_message ("scenario #%u (%u markets): %s", k, n_markets, why);
      if (smallest == NULL || n_markets < smallest->n_markets)
        {
          g_clear_pointer (&smallest, lf_problem_unref);
          smallest = lf_problem_ref (problem);
          g_free (smallest_why);
          smallest_why = g_steal_pointer (&why);
          smallest_index = k;
        }
    }

  g_test_message ("%u scenarios (%u min_cost, %u infeasible), %u disagree; "
                  "glpsol's own plan broke model.md %u times",
                  n, n_min_cost, n_infeasible, n_failed, glpsol_faults);
  if (smallest != NULL)
    {
      report_failure (smallest, smallest_index, smallest_why);
      g_test_fail ();
      return;
    }
  /* The generator must reach both answers, or the test proves little. */
  g_assert_cmpuint (n_infeasible, >=, n / 20);
  g_assert_cmpuint (n_infeasible, <=, n / 2);
  g_assert_cmpuint (n_min_cost, >=, n / 10);
}

/* ---- the examples with known answers ------------------------------------- */

static void
check_known (const LfProblem *problem,
             gboolean         expect_feasible,
             double           expect_objective)
{
  g_autofree char *lp = lf_test_write_cplex_lp (problem);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autofree char *why = NULL;
  double objective = 0;
  gboolean feasible = FALSE;

  g_assert_true (lf_test_glpsol (lp, &objective, &feasible, &error));
  g_assert_no_error (error);
  g_assert_cmpint (feasible, ==, expect_feasible);
  if (feasible)
    g_assert_cmpfloat_with_epsilon (objective, expect_objective, 1e-6 * fabs (expect_objective) + 1e-6);

  why = check_scenario (problem, &feasible);
  if (why != NULL)
    g_test_message ("%s", why);
  g_assert_null (why);

  plan = lf_solver_solve (problem, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->status, ==, expect_feasible ? LF_PLAN_OPTIMAL : LF_PLAN_INFEASIBLE);
  if (expect_feasible)
    g_assert_cmpfloat_with_epsilon (plan_objective (problem, plan), expect_objective,
                                    1e-6 * fabs (expect_objective) + 1e-6);
}

static LfProblem *
read_example (const char *name)
{
  const char *dir = g_getenv ("LANDFALL_EXAMPLES_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  scenario = lf_scenario_json_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scenario);

  return lf_problem_new_from_scenario (scenario);
}

/* The same seven markets built in C, independent of the JSON reader. */
static void
test_china_built (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();

  if (have_glpsol ())
    check_known (problem, TRUE, 7.51972841);
}

static void
test_china_file (void)
{
  g_autoptr(LfProblem) problem = NULL;

  if (!have_glpsol ())
    return;
  problem = read_example ("china-customer-service.json");
  g_assert_cmpint (problem->objective, ==, LF_OBJECTIVE_MAX_VALUE);
  check_known (problem, TRUE, 7.51972841);
}

static void
test_min_cost_file (void)
{
  g_autoptr(LfProblem) problem = NULL;

  if (!have_glpsol ())
    return;
  problem = read_example ("min-cost.json");
  g_assert_cmpint (problem->objective, ==, LF_OBJECTIVE_MIN_COST);
  check_known (problem, TRUE, 945055.5556);
}

static gboolean
diagnosis_has (const LfPlan *plan,
               LfRowKind     row,
               const char   *market_name,
               double        to)
{
  for (guint k = 0; k < plan->n_diagnosis; k++)
    {
      const LfDiagnosisItem *item = &plan->diagnosis[k];

      if (item->row != row)
        continue;
      if (market_name != NULL && item->market >= 0
          && g_strcmp0 (plan->market_names[item->market], market_name) == 0)
        return TRUE;
      if (market_name == NULL && fabs (item->to - to) <= 1e-6 * fabs (to) + 1e-6)
        return TRUE;
    }

  return FALSE;
}

/* Infeasible; README: the budget must reach 8 945 000, or the locks on
 * China and Japan be lifted. */
static void
test_infeasible_file (void)
{
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_glpsol ())
    return;
  problem = read_example ("infeasible.json");
  check_known (problem, FALSE, 0);

  plan = lf_solver_solve (problem, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (diagnosis_has (plan, LF_ROW_BUDGET, NULL, 8945000));
  g_assert_true (diagnosis_has (plan, LF_ROW_LOCK, "China", 0));
  g_assert_true (diagnosis_has (plan, LF_ROW_LOCK, "Japan", 0));
}

/* The writer's own shape: every line short enough for the LP format, and
 * glpsol reads back as many rows as model.md has. */
static void
test_lp_shape (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 1);
  g_autoptr(LfProblem) problem = lf_test_random_problem (rand, 400, TRUE);
  g_autofree char *lp = lf_test_write_cplex_lp (problem);
  g_auto(GStrv) lines = g_strsplit (lp, "\n", -1);

  for (guint k = 0; lines[k] != NULL; k++)
    g_assert_cmpuint (strlen (lines[k]), <, 255);
  g_assert_nonnull (strstr (lp, "pmin_400:"));
  g_assert_nonnull (strstr (lp, "qmax_400:"));
  g_assert_nonnull (strstr (lp, "End\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/solver/glpsol/lp-shape", test_lp_shape);
  g_test_add_func ("/solver/glpsol/china-built", test_china_built);
  g_test_add_func ("/solver/glpsol/china-file", test_china_file);
  g_test_add_func ("/solver/glpsol/min-cost-file", test_min_cost_file);
  g_test_add_func ("/solver/glpsol/infeasible-file", test_infeasible_file);
  g_test_add_func ("/solver/glpsol/random", test_random_scenarios);

  return g_test_run ();
}
