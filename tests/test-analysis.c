/* test-analysis.c: sweep, thresholds, tornado and Monte Carlo, each held
 * against direct solves or a distribution known in closed form. */

#include <math.h>

#include "lf-analysis-private.h"
#include "lf-analysis-task.h"
#include "lf-test-examples.h"

static double
solve_value (const LfProblem *problem)
{
  g_autoptr(LfPlan) plan = lf_solver_solve (problem, NULL, NULL, NULL);

  g_assert_nonnull (plan);
  if (plan->status != LF_PLAN_OPTIMAL)
    return NAN;

  return problem->objective == LF_OBJECTIVE_MAX_VALUE ? plan->value : plan->cost;
}

static void
test_sweep_monotone_and_exact (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfProblem) point = lf_problem_copy (problem);
  g_autoptr(LfSweepResult) sweep = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  sweep = lf_analysis_sweep (problem, 0, 12e6, 25, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sweep->n_points, ==, 25);
  g_assert_cmpfloat (sweep->budget[24], ==, 12e6);

  for (guint k = 0; k < sweep->n_points; k++)
    {
      double direct;

      point->budget = sweep->budget[k];
      direct = solve_value (point);
      g_assert_cmpint (isnan (direct), ==, isnan (sweep->value[k]));
      if (!isnan (direct))
        g_assert_cmpfloat_with_epsilon (sweep->value[k], direct, 1e-6 * MAX (1, direct));
      if (k > 0 && !isnan (sweep->value[k - 1]))
        g_assert_cmpfloat (sweep->value[k], >=, sweep->value[k - 1]);
      changes += sweep->change[k] != NULL;
    }
  /* Singapore is locked in at p = 0.05: infeasible below its cost. */
  g_assert_true (isnan (sweep->value[0]));
  g_assert_cmpuint (changes, >, 0);
}

static void
test_sweep_bad_range (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(GError) error = NULL;

  g_assert_null (lf_analysis_sweep (problem, 5, 1, 10, NULL, NULL, NULL, &error));
  g_assert_error (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_INVALID);
}

static gboolean
entered_with (const LfProblem *problem,
              guint            market,
              LfParam          param,
              double           factor)
{
  g_autoptr(LfProblem) scaled = lf_problem_copy (problem);
  g_autoptr(LfPlan) plan = NULL;

  scaled->markets[market].v.value[param] *= factor;
  plan = lf_solver_solve (scaled, NULL, NULL, NULL);

  return plan->status == LF_PLAN_OPTIMAL && plan->markets[market].entered;
}

/* Just short of the threshold the market keeps its side; just past it,
 * it has changed. */
static void
test_thresholds_either_side (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfThresholdResult) result = lf_analysis_thresholds (problem, NULL, NULL, NULL, NULL);
  guint checked = 0;

  g_assert_nonnull (result);
  for (guint i = 0; i < result->n_markets; i++)
    {
      const LfThreshold *t = &result->thresholds[i];
      LfParam params[2] = { LF_PARAM_ALPHA, LF_PARAM_PROMOTE };
      double factors[2] = { t->alpha_factor, t->promote_factor };

      for (guint k = 0; k < 2; k++)
        {
          double before, after;

          if (isnan (factors[k]))
            continue;
          /* Alpha grows toward entry, promotion cost shrinks toward it. */
          if ((params[k] == LF_PARAM_ALPHA) != t->entered)
            {
              before = factors[k] * 0.99;
              after = factors[k] * 1.01;
            }
          else
            {
              before = factors[k] * 1.01;
              after = factors[k] * 0.99;
            }
          g_assert_cmpint (entered_with (problem, i, params[k], before), ==, t->entered);
          g_assert_cmpint (entered_with (problem, i, params[k], after), !=, t->entered);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 2);
  /* Singapore is locked in: it never leaves. */
  g_assert_true (isnan (result->thresholds[6].alpha_factor));
}

typedef struct
{
  guint    calls;
  guint    last_done;
  guint    total;
  gboolean seen[16];
} MarketsDone;

/* The thresholds report without a lock of their own: a data race or an
 * out-of-order count would show here. */
static void
record_market_done (guint    done,
                    guint    total,
                    guint    index,
                    double   value,
                    gpointer user_data)
{
  MarketsDone *m = user_data;

  g_assert_cmpuint (done, ==, m->last_done + 1);
  g_assert_cmpuint (index, <, G_N_ELEMENTS (m->seen));
  g_assert_false (m->seen[index]);
  m->seen[index] = TRUE;
  m->last_done = done;
  m->total = total;
  m->calls++;
}

static void
test_thresholds_progress (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfThresholdResult) result = NULL;
  MarketsDone m = { 0 };

  g_assert_cmpuint (problem->n_markets, <=, G_N_ELEMENTS (m.seen));
  result = lf_analysis_thresholds (problem, NULL, record_market_done, &m, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (m.calls, ==, problem->n_markets);
  g_assert_cmpuint (m.total, ==, problem->n_markets);
  g_assert_cmpuint (m.last_done, ==, m.total);
  for (guint i = 0; i < problem->n_markets; i++)
    g_assert_true (m.seen[i]);
}

static void
test_tornado_matches_direct_solves (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfTornadoResult) tornado = NULL;
  g_autoptr(GError) error = NULL;

  tornado = lf_analysis_tornado (problem, 0.8, 1.2, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (tornado->base_value, 7.51972841, 1e-7);
  g_assert_cmpuint (tornado->n_items, >, 20);

  for (guint k = 0; k < tornado->n_items; k++)
    {
      const LfTornadoItem *item = &tornado->items[k];
      g_autoptr(LfProblem) low = lf_problem_copy (problem);
      g_autoptr(LfProblem) high = lf_problem_copy (problem);

      if (k > 0)
        {
          double prev = fabs (tornado->items[k - 1].high_value - tornado->items[k - 1].low_value);
          double here = fabs (item->high_value - item->low_value);

          if (!isnan (prev) && !isnan (here))
            g_assert_cmpfloat (here, <=, prev + 1e-12);
        }
      if (item->market < 0 || item->param == LF_PARAM_P_MAX || item->param == LF_PARAM_P_MIN ||
          item->param == LF_PARAM_Q_MAX)
        continue;  /* clamped parameters are covered by the scaling helper */
      low->markets[item->market].v.value[item->param] *= 0.8;
      high->markets[item->market].v.value[item->param] *= 1.2;
      g_assert_cmpfloat_with_epsilon (item->low_value, solve_value (low), 1e-6);
      g_assert_cmpfloat_with_epsilon (item->high_value, solve_value (high), 1e-6);
    }
}

static void
test_tornado_budget_bar (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfProblem) richer = lf_problem_copy (problem);
  g_autoptr(LfTornadoResult) tornado = lf_analysis_tornado (problem, 0.8, 1.2, 1, NULL, NULL, NULL, NULL);
  gboolean found = FALSE;

  richer->budget *= 1.2;
  for (guint k = 0; k < tornado->n_items; k++)
    {
      if (tornado->items[k].market == -1 && tornado->items[k].param == -1 - LF_ROW_BUDGET)
        {
          g_assert_cmpfloat_with_epsilon (tornado->items[k].high_value, solve_value (richer), 1e-6);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static LfMonteCarloResult *
monte_carlo (const LfProblem *problem,
             guint            samples,
             guint64          seed,
             guint            threads)
{
  g_autoptr(GError) error = NULL;
  LfMonteCarloResult *result = lf_analysis_monte_carlo (problem, samples, seed, threads, NULL, NULL, NULL, &error);

  g_assert_no_error (error);

  return result;
}

static LfProblem *
china_with_ranges (void)
{
  LfProblem *problem = lf_test_china_problem ();

  /* The uncertainty of china-customer-service.json, China and Japan. */
  problem->markets[0].v.has_range = (1u << LF_PARAM_PROMOTE) | (1u << LF_PARAM_LEGAL_FIXED) | (1u << LF_PARAM_ALPHA);
  problem->markets[0].v.lo[LF_PARAM_PROMOTE] = 0.8;
  problem->markets[0].v.hi[LF_PARAM_PROMOTE] = 1.5;
  problem->markets[0].v.lo[LF_PARAM_LEGAL_FIXED] = 0.9;
  problem->markets[0].v.hi[LF_PARAM_LEGAL_FIXED] = 2.2;
  problem->markets[0].v.lo[LF_PARAM_ALPHA] = 0.7;
  problem->markets[0].v.hi[LF_PARAM_ALPHA] = 1.2;
  problem->markets[1].v.has_range = 1u << LF_PARAM_PROMOTE;
  problem->markets[1].v.lo[LF_PARAM_PROMOTE] = 0.85;
  problem->markets[1].v.hi[LF_PARAM_PROMOTE] = 1.3;

  return problem;
}

static void
test_monte_carlo_reproducible (void)
{
  g_autoptr(LfProblem) problem = china_with_ranges ();
  g_autoptr(LfMonteCarloResult) one = monte_carlo (problem, 400, 17, 1);
  g_autoptr(LfMonteCarloResult) two = monte_carlo (problem, 400, 17, 2);
  g_autoptr(LfMonteCarloResult) again = monte_carlo (problem, 400, 17, 2);
  g_autoptr(LfMonteCarloResult) other_seed = monte_carlo (problem, 400, 18, 2);

  g_assert_cmpuint (one->n_samples, ==, two->n_samples);
  g_assert_cmpmem (one->values, one->n_samples * sizeof (double), two->values, two->n_samples * sizeof (double));
  g_assert_cmpmem (two->values, two->n_samples * sizeof (double), again->values, again->n_samples * sizeof (double));
  g_assert_cmpmem (one->entry_frequency, 7 * sizeof (double), two->entry_frequency, 7 * sizeof (double));
  g_assert_cmpfloat (one->overrun_probability, ==, two->overrun_probability);
  g_assert_cmpfloat (one->p50, !=, other_seed->p50);
  g_assert_cmpfloat (one->p5, <=, one->p50);
  g_assert_cmpfloat (one->p50, <=, one->p95);
  /* Singapore is locked in: entered in every sample. */
  g_assert_cmpfloat (one->entry_frequency[6], ==, 1);
}

/* One market, always entered at full penetration, alpha uncertain on a
 * triangular (0.5, 1, 2): F* = alpha P x, with x's quantiles known. */
static double
triangular_quantile (double u,
                     double a,
                     double c,
                     double b)
{
  if (u < (c - a) / (b - a))
    return a + sqrt (u * (b - a) * (c - a));

  return b - sqrt ((1 - u) * (b - a) * (b - c));
}

static void
test_monte_carlo_converges (void)
{
  g_autoptr(LfProblem) problem = lf_problem_new (1);
  g_autoptr(LfMonteCarloResult) result = NULL;
  LfMarketValues *v = &problem->markets[0].v;
  double scale;

  problem->budget = 1e6;
  v->value[LF_PARAM_ALPHA] = 3;
  v->value[LF_PARAM_P_MAX] = 0.5;
  v->value[LF_PARAM_Q_MAX] = 0;
  v->value[LF_PARAM_PROMOTE] = 1e5;
  v->has_range = 1u << LF_PARAM_ALPHA;
  v->lo[LF_PARAM_ALPHA] = 0.5;
  v->hi[LF_PARAM_ALPHA] = 2;
  scale = 3 * 0.5;

  result = monte_carlo (problem, 20000, 5, 2);
  g_assert_cmpuint (result->n_samples, ==, 20000);
  g_assert_cmpfloat_with_epsilon (result->p5, scale * triangular_quantile (0.05, 0.5, 1, 2), 0.01 * scale);
  g_assert_cmpfloat_with_epsilon (result->p50, scale * triangular_quantile (0.50, 0.5, 1, 2), 0.01 * scale);
  g_assert_cmpfloat_with_epsilon (result->p95, scale * triangular_quantile (0.95, 0.5, 1, 2), 0.01 * scale);
  g_assert_cmpfloat_with_epsilon (result->mean, scale * (0.5 + 1 + 2) / 3, 0.01 * scale);
  g_assert_cmpfloat (result->overrun_probability, ==, 0);
}

/* The nominal plan spends 1/1.2 of the budget on promotion; promotion
 * drawn on (0.8, 1, 1.5) overruns when the multiplier passes 1.2:
 * probability (1.5 - 1.2)^2 / ((1.5 - 0.8)(1.5 - 1)). */
static void
test_monte_carlo_overrun (void)
{
  g_autoptr(LfProblem) problem = lf_problem_new (1);
  g_autoptr(LfMonteCarloResult) result = NULL;
  LfMarketValues *v = &problem->markets[0].v;

  v->value[LF_PARAM_ALPHA] = 1;
  v->value[LF_PARAM_P_MAX] = 0.5;
  v->value[LF_PARAM_Q_MAX] = 0;
  v->value[LF_PARAM_PROMOTE] = 1e6;
  problem->budget = 0.5 * 1e6 * 1.2;
  v->has_range = 1u << LF_PARAM_PROMOTE;
  v->lo[LF_PARAM_PROMOTE] = 0.8;
  v->hi[LF_PARAM_PROMOTE] = 1.5;

  result = monte_carlo (problem, 20000, 11, 2);
  g_assert_cmpfloat_with_epsilon (result->overrun_probability, 0.09 / 0.35, 0.01);
}

static void
count_progress (guint    done,
                guint    total,
                guint    index,
                double   value,
                gpointer user_data)
{
  g_atomic_int_inc ((gint *) user_data);
}

static void
test_monte_carlo_cancel_and_progress (void)
{
  g_autoptr(LfProblem) problem = china_with_ranges ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LfMonteCarloResult) done = NULL;
  gint calls = 0;

  done = lf_analysis_monte_carlo (problem, 50, 1, 2, NULL, count_progress, &calls, NULL);
  g_assert_cmpint (calls, ==, 50);

  g_cancellable_cancel (cancellable);
  g_assert_null (lf_analysis_monte_carlo (problem, 100000, 1, 2, cancellable, NULL, NULL, &error));
  g_assert_nonnull (error);
}

typedef struct
{
  guint            received;
  GThread         *main_thread;
  gpointer         result;
  LfAnalysisKind   kind;
} AsyncRun;

static void
on_batch (guint         done,
          guint         total,
          const guint  *indices,
          const double *values,
          guint         n_new,
          gpointer      user_data)
{
  AsyncRun *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_cmpuint (done, <=, total);
  for (guint k = 0; k < n_new; k++)
    g_assert_cmpuint (indices[k], <, total);
  run->received += n_new;
}

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncRun *run = user_data;
  g_autoptr(GError) error = NULL;

  run->result = lf_analysis_run_finish (result, &run->kind, &error);
  g_assert_no_error (error);
}

/* Batches arrive on the main thread and, together, name every sample. */
static void
test_async_monte_carlo (void)
{
  g_autoptr(LfProblem) problem = china_with_ranges ();
  LfAnalysisRequest request = { .kind = LF_ANALYSIS_MONTE_CARLO, .n_samples = 300, .seed = 3, .n_threads = 2 };
  AsyncRun run = { 0, g_thread_self (), NULL, 0 };

  lf_analysis_run_async (problem, &request, NULL, on_batch, &run, NULL, on_finished, &run);
  while (run.result == NULL || run.received < 300)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (run.kind, ==, LF_ANALYSIS_MONTE_CARLO);
  g_assert_cmpuint (run.received, ==, 300);
  g_assert_cmpuint (((LfMonteCarloResult *) run.result)->n_drawn, ==, 300);
  lf_monte_carlo_result_free (run.result);
}

/* A scaled reach stays valid, and the scaled value is the one kept. */
static void
test_scale_reach (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  const double *china = problem->markets[0].v.value;

  _lf_problem_scale_param (problem, 0, LF_PARAM_P_MAX, 0.1);   /* 0.025 < p_min 0.03 */
  g_assert_cmpfloat_with_epsilon (china[LF_PARAM_P_MAX], 0.025, 1e-12);
  g_assert_cmpfloat (china[LF_PARAM_P_MIN], ==, china[LF_PARAM_P_MAX]);

  _lf_problem_scale_param (problem, 1, LF_PARAM_P_MIN, 20);    /* 0.4 > p_max 0.3 */
  g_assert_cmpfloat_with_epsilon (problem->markets[1].v.value[LF_PARAM_P_MIN], 0.4, 1e-12);
  g_assert_cmpfloat (problem->markets[1].v.value[LF_PARAM_P_MAX], ==, problem->markets[1].v.value[LF_PARAM_P_MIN]);

  _lf_problem_scale_param (problem, 2, LF_PARAM_P_MAX, 10);    /* shares stop at 1 */
  g_assert_cmpfloat (problem->markets[2].v.value[LF_PARAM_P_MAX], ==, 1);
  g_assert_true (lf_problem_check (problem, NULL));
}

/* A scenario with no plan has nothing to move from: every threshold is
 * "never" (NAN), not a factor of 0. */
static void
test_thresholds_no_plan (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfThresholdResult) result = NULL;
  g_autoptr(GError) error = NULL;

  problem->budget = 1000;  /* less than Singapore, locked in, costs */
  result = lf_analysis_thresholds (problem, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_markets, ==, problem->n_markets);
  for (guint i = 0; i < result->n_markets; i++)
    {
      g_assert_true (isnan (result->thresholds[i].alpha_factor));
      g_assert_true (isnan (result->thresholds[i].promote_factor));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/sweep/monotone-and-exact", test_sweep_monotone_and_exact);
  g_test_add_func ("/analysis/sweep/bad-range", test_sweep_bad_range);
  g_test_add_func ("/analysis/scale-reach", test_scale_reach);
  g_test_add_func ("/analysis/thresholds/either-side", test_thresholds_either_side);
  g_test_add_func ("/analysis/thresholds/progress", test_thresholds_progress);
  g_test_add_func ("/analysis/thresholds/no-plan", test_thresholds_no_plan);
  g_test_add_func ("/analysis/tornado/direct-solves", test_tornado_matches_direct_solves);
  g_test_add_func ("/analysis/tornado/budget", test_tornado_budget_bar);
  g_test_add_func ("/analysis/montecarlo/reproducible", test_monte_carlo_reproducible);
  g_test_add_func ("/analysis/montecarlo/converges", test_monte_carlo_converges);
  g_test_add_func ("/analysis/montecarlo/overrun", test_monte_carlo_overrun);
  g_test_add_func ("/analysis/montecarlo/cancel-and-progress", test_monte_carlo_cancel_and_progress);
  g_test_add_func ("/analysis/montecarlo/async", test_async_monte_carlo);

  return g_test_run ();
}
