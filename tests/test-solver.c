/* test-solver.c: hand-worked cases for every row and objective, locks,
 * diagnoses, the shadow price, GLPK's error path, cancel and time limit. */

#include <glpk.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lf-glpk-private.h"
#include "lf-solver.h"
#include "lf-test-examples.h"

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6 * MAX (1, fabs ((double) (b))))

static LfPlan *
solve (const LfProblem *problem)
{
  g_autoptr(GError) error = NULL;
  LfPlan *plan = lf_solver_solve (problem, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

/* One market: alpha 2, beta 1, P 0.5, Q 0.8, promotion 1 000 000 a unit. */
static LfProblem *
one_market (double budget)
{
  LfProblem *problem = lf_problem_new (1);
  double *v = problem->markets[0].v.value;

  problem->budget = budget;
  v[LF_PARAM_ALPHA] = 2;
  v[LF_PARAM_BETA] = 1;
  v[LF_PARAM_P_MAX] = 0.5;
  v[LF_PARAM_Q_MAX] = 0.8;
  v[LF_PARAM_PROMOTE] = 1e6;

  return problem;
}

static void
test_budget_row (void)
{
  g_autoptr(LfProblem) problem = one_market (2e5);
  g_autoptr(LfPlan) plan = solve (problem);

  g_assert_cmpint (plan->status, ==, LF_PLAN_OPTIMAL);
  assert_near (plan->markets[0].p, 0.2);
  assert_near (plan->markets[0].q, 0.8);
  assert_near (plan->value, 1.2);
  assert_near (plan->cost, 2e5);
  assert_near (plan->cost_parts[LF_COST_PROMOTION], 2e5);
  g_assert_true (plan->has_shadow_price);
  assert_near (plan->shadow_price, 2e-6);
}

static void
test_technology_cost (void)
{
  g_autoptr(LfProblem) problem = one_market (1e6);
  g_autoptr(LfPlan) plan = NULL;
  double *v = problem->markets[0].v.value;

  /* gamma is paid in full at full reachable penetration: P = 0.5 costs
   * 4e5 of technology transfer, 5e5 of promotion, localisation 1e5 for
   * q = 0.8 at 125 000 a unit. */
  v[LF_PARAM_GAMMA] = 4e5;
  v[LF_PARAM_LOCALISE] = 125000;
  plan = solve (problem);
  assert_near (plan->markets[0].p, 0.5);
  assert_near (plan->markets[0].q, 0.8);
  assert_near (plan->cost_parts[LF_COST_TECHNOLOGY], 4e5 + 1e5);
  assert_near (plan->cost, 1e6);
}

static void
test_fixed_cost_blocks_entry (void)
{
  g_autoptr(LfProblem) problem = one_market (2e5);
  g_autoptr(LfPlan) plan = NULL;

  problem->markets[0].v.value[LF_PARAM_LEGAL_FIXED] = 3e5;
  plan = solve (problem);
  g_assert_cmpint (plan->status, ==, LF_PLAN_OPTIMAL);
  g_assert_false (plan->markets[0].entered);
  g_assert_cmpfloat (plan->markets[0].p, ==, 0);
  g_assert_cmpfloat (plan->markets[0].q, ==, 0);
  g_assert_cmpfloat (plan->value, ==, 0);
  g_assert_cmpuint (plan->markets_entered, ==, 0);
}

static void
test_minimum_penetration (void)
{
  g_autoptr(LfProblem) problem = one_market (2e5);
  g_autoptr(LfPlan) plan = NULL;

  /* 2e5 buys p = 0.2 only; a floor of 0.3 makes entry impossible. */
  problem->markets[0].v.value[LF_PARAM_P_MIN] = 0.3;
  problem->markets[0].v.value[LF_PARAM_BETA] = 0;
  plan = solve (problem);
  g_assert_false (plan->markets[0].entered);
  g_assert_cmpfloat (plan->value, ==, 0);
}

static void
test_min_cost (void)
{
  g_autoptr(LfProblem) problem = one_market (NAN);
  g_autoptr(LfPlan) plan = NULL;
  double *v = problem->markets[0].v.value;

  problem->objective = LF_OBJECTIVE_MIN_COST;
  problem->target_value = 0.3;
  v[LF_PARAM_ALPHA] = 1;
  v[LF_PARAM_BETA] = 0;
  v[LF_PARAM_LEGAL_FIXED] = 1e5;
  plan = solve (problem);
  g_assert_cmpint (plan->status, ==, LF_PLAN_OPTIMAL);
  assert_near (plan->markets[0].p, 0.3);
  assert_near (plan->cost, 4e5);
  assert_near (plan->cost_parts[LF_COST_LEGAL], 1e5);
  assert_near (plan->shadow_price, 1e6);
}

/* Two equal markets but for risk: the cap lets only the safe one in full. */
static LfProblem *
two_markets (void)
{
  LfProblem *problem = lf_problem_new (2);

  problem->budget = 1e9;
  for (guint i = 0; i < 2; i++)
    {
      double *v = problem->markets[i].v.value;

      v[LF_PARAM_ALPHA] = 1;
      v[LF_PARAM_P_MAX] = 0.5;
      v[LF_PARAM_Q_MAX] = 0;
      v[LF_PARAM_PROMOTE] = 1e6;
    }
  problem->markets[0].v.value[LF_PARAM_ALPHA] = 1.5;

  return problem;
}

static void
test_risk_row (void)
{
  g_autoptr(LfProblem) problem = two_markets ();
  g_autoptr(LfPlan) plan = NULL;

  problem->markets[0].v.value[LF_PARAM_RISK] = 4;
  problem->markets[1].v.value[LF_PARAM_RISK] = 1;
  problem->risk_cap = 1;
  /* Value per risk: 1.5/4 < 1/1: market 2 first (0.5, risk 0.5), then
   * market 1 takes the remaining risk 0.5 at p = 0.125. */
  plan = solve (problem);
  assert_near (plan->markets[1].p, 0.5);
  assert_near (plan->markets[0].p, 0.125);
  assert_near (plan->risk, 1);
  assert_near (plan->value, 0.5 + 1.5 * 0.125);
}

static void
test_headcount_row (void)
{
  g_autoptr(LfProblem) problem = two_markets ();
  g_autoptr(LfPlan) plan = NULL;

  /* Opening a market needs 6 people; the cap of 10 allows one market. */
  problem->markets[0].v.value[LF_PARAM_HEADCOUNT_FIXED] = 6;
  problem->markets[1].v.value[LF_PARAM_HEADCOUNT_FIXED] = 6;
  problem->markets[0].v.value[LF_PARAM_HEADCOUNT] = 4;
  problem->headcount_cap = 10;
  plan = solve (problem);
  g_assert_cmpuint (plan->markets_entered, ==, 1);
  g_assert_true (plan->markets[0].entered);
  assert_near (plan->markets[0].p, 0.5);
  assert_near (plan->headcount, 8);
}

static void
test_market_count_row (void)
{
  g_autoptr(LfProblem) problem = two_markets ();
  g_autoptr(LfPlan) plan = NULL;

  problem->max_markets = 1;
  plan = solve (problem);
  g_assert_cmpuint (plan->markets_entered, ==, 1);
  g_assert_true (plan->markets[0].entered);
  assert_near (plan->value, 0.75);
}

static void
test_locks (void)
{
  g_autoptr(LfProblem) problem = two_markets ();
  g_autoptr(LfPlan) excluded = NULL;
  g_autoptr(LfPlan) entered = NULL;

  problem->max_markets = 1;
  problem->markets[0].v.lock = LF_LOCK_EXCLUDE;
  excluded = solve (problem);
  g_assert_false (excluded->markets[0].entered);
  g_assert_true (excluded->markets[1].entered);

  /* An enter lock forces entry even at p = 0 (here: no budget at all). */
  problem->markets[0].v.lock = LF_LOCK_AUTO;
  problem->markets[1].v.lock = LF_LOCK_ENTER;
  problem->budget = 0;
  entered = solve (problem);
  g_assert_cmpint (entered->status, ==, LF_PLAN_OPTIMAL);
  g_assert_true (entered->markets[1].entered);
  g_assert_false (entered->markets[0].entered);
  g_assert_cmpfloat (entered->value, ==, 0);
}

static void
test_no_markets (void)
{
  g_autoptr(LfProblem) problem = lf_problem_new (0);
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(LfPlan) min_cost = NULL;

  problem->budget = 100;
  plan = solve (problem);
  g_assert_cmpint (plan->status, ==, LF_PLAN_OPTIMAL);
  g_assert_cmpfloat (plan->value, ==, 0);

  problem->objective = LF_OBJECTIVE_MIN_COST;
  problem->target_value = 1;
  min_cost = solve (problem);
  g_assert_cmpint (min_cost->status, ==, LF_PLAN_INFEASIBLE);
  g_assert_cmpuint (min_cost->n_diagnosis, ==, 1);
  g_assert_cmpint (min_cost->diagnosis[0].row, ==, LF_ROW_TARGET);
  assert_near (min_cost->diagnosis[0].by, 1);
}

static void
test_china_example (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfPlan) plan = solve (problem);
  double sum = 0;

  g_assert_cmpint (plan->status, ==, LF_PLAN_OPTIMAL);
  g_assert_cmpfloat_with_epsilon (plan->value, 7.51972841, 1e-7);
  g_assert_true (plan->markets[6].entered);
  g_assert_cmpfloat (plan->cost, <=, 6e6 * (1 + 1e-9));
  g_assert_cmpfloat (plan->risk, <=, 0.9 + 1e-9);
  g_assert_cmpfloat (plan->headcount, <=, 90 + 1e-9);
  g_assert_cmpuint (plan->markets_entered, <=, 4);
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    sum += plan->cost_parts[k];
  assert_near (sum, plan->cost);
}

/* The dual of the budget row equals the finite difference of F*. */
static void
test_shadow_price (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfProblem) richer = lf_problem_copy (problem);
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(LfPlan) richer_plan = NULL;
  double step = 1000;

  problem->headcount_cap = NAN;
  problem->risk_cap = NAN;
  richer->headcount_cap = NAN;
  richer->risk_cap = NAN;
  richer->budget += step;
  plan = solve (problem);
  richer_plan = solve (richer);
  g_assert_true (plan->has_shadow_price);
  g_assert_cmpfloat (plan->shadow_price, >, 0);
  g_assert_cmpfloat_with_epsilon (plan->shadow_price,
                                  (richer_plan->value - plan->value) / step,
                                  1e-3 * plan->shadow_price);
}

static LfProblem *
infeasible_problem (void)
{
  LfProblem *problem = lf_test_china_problem ();

  /* shared/examples/infeasible.json: China and Japan forced in at full
   * penetration on a 3 000 000 budget. */
  problem->budget = 3e6;
  problem->markets[0].v.lock = LF_LOCK_ENTER;
  problem->markets[0].v.value[LF_PARAM_P_MIN] = 0.25;
  problem->markets[1].v.lock = LF_LOCK_ENTER;
  problem->markets[1].v.value[LF_PARAM_P_MIN] = 0.3;

  return problem;
}

static void
test_diagnosis_budget_or_locks (void)
{
  g_autoptr(LfProblem) problem = infeasible_problem ();
  g_autoptr(LfPlan) plan = solve (problem);
  gboolean china = FALSE, japan = FALSE;

  g_assert_cmpint (plan->status, ==, LF_PLAN_INFEASIBLE);
  g_assert_false (plan->has_solution);
  g_assert_cmpuint (plan->n_diagnosis, ==, 3);

  /* Option 1: the budget alone, by 5 945 000 to 8 945 000. */
  g_assert_cmpuint (plan->diagnosis[0].option, ==, 1);
  g_assert_cmpint (plan->diagnosis[0].row, ==, LF_ROW_BUDGET);
  g_assert_cmpfloat (plan->diagnosis[0].by, ==, 5945000);
  g_assert_cmpfloat (plan->diagnosis[0].to, ==, 8945000);
  g_assert_nonnull (strstr (plan->diagnosis[0].message, "5 945 000 USD"));

  /* Option 2: both locks together; neither alone is enough. */
  for (guint k = 1; k < 3; k++)
    {
      g_assert_cmpuint (plan->diagnosis[k].option, ==, 2);
      g_assert_cmpint (plan->diagnosis[k].row, ==, LF_ROW_LOCK);
      china |= plan->diagnosis[k].market == 0;
      japan |= plan->diagnosis[k].market == 1;
    }
  g_assert_true (china && japan);
}

/* The suggested budget really makes the plan feasible. */
static void
test_diagnosis_fix_works (void)
{
  g_autoptr(LfProblem) problem = infeasible_problem ();
  g_autoptr(LfPlan) plan = solve (problem);
  g_autoptr(LfPlan) fixed = NULL;

  problem->budget = plan->diagnosis[0].to;
  fixed = solve (problem);
  g_assert_cmpint (fixed->status, ==, LF_PLAN_OPTIMAL);
}

static void
test_diagnosis_irreducible (void)
{
  g_autoptr(LfProblem) problem = two_markets ();
  g_autoptr(LfPlan) plan = NULL;

  /* Both markets locked in, each needing 6 people; cap 4 and at most one
   * market: the headcount must rise by 8 and the market limit by 1, or
   * both locks go. The budget is not part of the conflict. */
  for (guint i = 0; i < 2; i++)
    {
      problem->markets[i].v.lock = LF_LOCK_ENTER;
      problem->markets[i].v.value[LF_PARAM_HEADCOUNT_FIXED] = 6;
    }
  problem->headcount_cap = 4;
  problem->max_markets = 1;
  plan = solve (problem);
  g_assert_cmpint (plan->status, ==, LF_PLAN_INFEASIBLE);
  g_assert_cmpuint (plan->n_diagnosis, >=, 2);
  for (guint k = 0; k < plan->n_diagnosis; k++)
    g_assert_cmpint (plan->diagnosis[k].row, !=, LF_ROW_BUDGET);
}

static gboolean
provoke_glpk_failure (gpointer   data,
                      GError   **error)
{
  glp_prob *lp = glp_create_prob ();

  /* Column 7 of a problem with no columns: a fatal GLPK error. */
  glp_set_col_bnds (lp, 7, GLP_FX, 0, 0);
  g_assert_not_reached ();

  return TRUE;
}

static void
test_glpk_error_hook (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfPlan) plan = NULL;

  g_assert_false (_lf_glpk_run (provoke_glpk_failure, NULL, &error));
  g_assert_error (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "out of range"));

  /* GLPK works again on this thread afterwards. */
  plan = solve (problem);
  g_assert_cmpfloat_with_epsilon (plan->value, 7.51972841, 1e-7);
}

static void
test_invalid_problem (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(GError) error = NULL;

  problem->markets[2].v.value[LF_PARAM_PROMOTE] = -1;
  g_assert_null (lf_solver_solve (problem, NULL, NULL, &error));
  g_assert_error (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Germany"));
  g_clear_error (&error);

  problem->markets[2].v.value[LF_PARAM_PROMOTE] = 1;
  problem->budget = NAN;
  g_assert_null (lf_solver_solve (problem, NULL, NULL, &error));
  g_assert_error (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_INVALID);
}

/* A knapsack with many near-equal items and side rows: branch-and-cut
 * takes a long while on it. */
static LfProblem *
hard_problem (guint n)
{
  LfProblem *problem = lf_problem_new (n);
  GRand *rand = g_rand_new_with_seed (7);

  problem->budget = 0;
  problem->max_markets = n / 3;
  problem->headcount_cap = n;
  for (guint i = 0; i < n; i++)
    {
      double *v = problem->markets[i].v.value;

      v[LF_PARAM_ALPHA] = g_rand_double_range (rand, 1, 1.1);
      v[LF_PARAM_P_MAX] = 1;
      v[LF_PARAM_P_MIN] = g_rand_double_range (rand, 0.5, 0.9);
      v[LF_PARAM_Q_MAX] = 0;
      v[LF_PARAM_PROMOTE] = g_rand_double_range (rand, 9e5, 1.1e6);
      v[LF_PARAM_LEGAL_FIXED] = g_rand_double_range (rand, 1e5, 2e5);
      v[LF_PARAM_HEADCOUNT_FIXED] = g_rand_double_range (rand, 2, 4);
      problem->budget += v[LF_PARAM_PROMOTE] * 0.37;
    }
  g_rand_free (rand);

  return problem;
}

/* Not a test: how long the hard problem takes unbounded, to keep the two
 * tests below honest (LANDFALL_HARD_PROBE=1 test-solver -p /solver/probe). */
static void
probe_hard_problem (void)
{
  g_autoptr(LfProblem) problem = hard_problem (3000);
  g_autoptr(LfPlan) plan = NULL;
  LfSolveOptions options = LF_SOLVE_OPTIONS_INIT;

  options.time_limit_s = 20;
  plan = lf_solver_solve (problem, &options, NULL, NULL);
  g_test_message ("status %s after %.0f ms", lf_plan_status_to_string (plan->status), plan->solve_ms);
}

static void
test_time_limit (void)
{
  g_autoptr(LfProblem) problem = hard_problem (3000);
  LfSolveOptions options = LF_SOLVE_OPTIONS_INIT;
  g_autoptr(LfPlan) plan = NULL;
  gint64 start = g_get_monotonic_time ();

  options.time_limit_s = 0.3;
  plan = lf_solver_solve (problem, &options, NULL, NULL);
  g_assert_nonnull (plan);
  /* Generous: the point is that it stops, not how fast. */
  g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, 10);
  /* hard_problem() takes branch-and-cut far longer than the limit; the
   * greedy start is a plan from the first moment, with the root bound. */
  g_assert_cmpint (plan->status, ==, LF_PLAN_TIME_LIMIT);
  g_assert_true (plan->has_solution);
  g_assert_false (isnan (plan->bound));
  g_assert_cmpfloat (plan->value, <=, plan->bound + 1e-6 * fabs (plan->bound));
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);

  return G_SOURCE_REMOVE;
}

static gpointer
cancel_thread (gpointer data)
{
  g_usleep (100000);
  cancel_later (data);

  return NULL;
}

/* A limit shorter than the root LP still returns the start plan. */
static void
test_time_limit_in_root_lp (void)
{
  g_autoptr(LfProblem) problem = hard_problem (6000);
  LfSolveOptions options = LF_SOLVE_OPTIONS_INIT;
  g_autoptr(LfPlan) plan = NULL;

  options.time_limit_s = 0.001;
  plan = lf_solver_solve (problem, &options, NULL, NULL);
  g_assert_cmpint (plan->status, ==, LF_PLAN_TIME_LIMIT);
  g_assert_true (plan->has_solution);
  g_assert_cmpfloat (plan->cost, <=, problem->budget * (1 + 1e-9));
}

static void
test_cancel_from_thread (void)
{
  g_autoptr(LfProblem) problem = hard_problem (3000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LfPlan) plan = NULL;
  GThread *thread = g_thread_new ("cancel", cancel_thread, cancellable);
  gint64 start = g_get_monotonic_time ();

  plan = lf_solver_solve (problem, NULL, cancellable, NULL);
  g_thread_join (thread);
  g_assert_nonnull (plan);
  g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, 10);
  g_assert_cmpint (plan->status, ==, LF_PLAN_CANCELLED);
}

static void
on_solved (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LfPlan **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = lf_solver_solve_finish (result, &error);
  g_assert_no_error (error);
}

/* A previous plan offered as the first incumbent changes nothing but
 * speed: the same optimum, feasible hint or not. */
static void
test_hint (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfPlan) first = solve (problem);
  g_autoptr(LfPlan) again = NULL;
  g_autoptr(LfPlan) poorer = NULL;
  LfSolveOptions options = LF_SOLVE_OPTIONS_INIT;

  options.hint = first;
  again = lf_solver_solve (problem, &options, NULL, NULL);
  g_assert_cmpfloat_with_epsilon (again->value, first->value, 1e-9);

  /* At a smaller budget the hint is infeasible and must be ignored. */
  problem->budget = 3e6;
  poorer = lf_solver_solve (problem, &options, NULL, NULL);
  g_assert_cmpint (poorer->status, ==, LF_PLAN_OPTIMAL);
  g_assert_cmpfloat (poorer->cost, <=, 3e6 * (1 + 1e-9));
  g_assert_cmpfloat (poorer->value, <, first->value);
}

static void
test_async (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfPlan) plan = NULL;

  lf_solver_solve_async (problem, NULL, NULL, on_solved, &plan);
  while (plan == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat_with_epsilon (plan->value, 7.51972841, 1e-7);
}

static void
test_write_models (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autofree char *dir = g_dir_make_tmp ("landfall-XXXXXX", NULL);
  g_autofree char *lp = g_build_filename (dir, "model.lp", NULL);
  g_autofree char *mps = g_build_filename (dir, "model.mps", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lf_solver_write_lp (problem, lp, &error));
  g_assert_true (lf_solver_write_mps (problem, mps, &error));
  g_assert_true (g_file_get_contents (lp, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Maximize"));
  g_assert_nonnull (strstr (text, "budget"));
  g_assert_false (lf_solver_write_lp (problem, "/nonexistent/dir/model.lp", &error));
  g_assert_error (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_WRITE);
  g_unlink (lp);
  g_unlink (mps);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/solver/max-value/budget-row", test_budget_row);
  g_test_add_func ("/solver/max-value/technology-cost", test_technology_cost);
  g_test_add_func ("/solver/max-value/fixed-cost", test_fixed_cost_blocks_entry);
  g_test_add_func ("/solver/max-value/minimum-penetration", test_minimum_penetration);
  g_test_add_func ("/solver/max-value/risk-row", test_risk_row);
  g_test_add_func ("/solver/max-value/headcount-row", test_headcount_row);
  g_test_add_func ("/solver/max-value/market-count-row", test_market_count_row);
  g_test_add_func ("/solver/max-value/locks", test_locks);
  g_test_add_func ("/solver/max-value/china-example", test_china_example);
  g_test_add_func ("/solver/max-value/shadow-price", test_shadow_price);
  g_test_add_func ("/solver/min-cost/target-row", test_min_cost);
  g_test_add_func ("/solver/no-markets", test_no_markets);
  g_test_add_func ("/solver/infeasible/budget-or-locks", test_diagnosis_budget_or_locks);
  g_test_add_func ("/solver/infeasible/fix-works", test_diagnosis_fix_works);
  g_test_add_func ("/solver/infeasible/irreducible", test_diagnosis_irreducible);
  g_test_add_func ("/solver/glpk/error-hook", test_glpk_error_hook);
  g_test_add_func ("/solver/invalid-problem", test_invalid_problem);
  g_test_add_func ("/solver/time-limit", test_time_limit);
  g_test_add_func ("/solver/time-limit-in-root-lp", test_time_limit_in_root_lp);
  g_test_add_func ("/solver/cancel-from-thread", test_cancel_from_thread);
  g_test_add_func ("/solver/async", test_async);
  g_test_add_func ("/solver/hint", test_hint);
  if (g_getenv ("LANDFALL_HARD_PROBE"))
    g_test_add_func ("/solver/probe", probe_hard_problem);
  g_test_add_func ("/solver/write-models", test_write_models);

  return g_test_run ();
}
