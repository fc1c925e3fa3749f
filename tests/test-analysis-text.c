/* test-analysis-text.c: the words of the What If page, and the
 * percentiles its streamed Monte Carlo shares with the engine */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "lf-analysis-stream.h"
#include "lf-analysis-text.h"
#include "lf-percentile.h"
#include "lf-solver.h"
#include "lf-test-examples.h"

static void
test_percentile (void)
{
  const double one[] = { 4 };
  const double four[] = { 1, 2, 3, 10 };

  g_assert_true (isnan (lf_percentile (NULL, 0, 0.5)));
  g_assert_cmpfloat (lf_percentile (one, 1, 0.05), ==, 4);
  g_assert_cmpfloat (lf_percentile (one, 1, 0.95), ==, 4);
  /* Hyndman and Fan 7: h = (n - 1) p; P50 of 1 2 3 10 is 2.5, P95 is
   * 3 + 0.85 * 7. */
  g_assert_cmpfloat (lf_percentile (four, 4, 0.5), ==, 2.5);
  g_assert_cmpfloat_with_epsilon (lf_percentile (four, 4, 0.95), 3 + 0.85 * 7, 1e-12);
  g_assert_cmpfloat (lf_percentile (four, 4, 0), ==, 1);
  g_assert_cmpfloat (lf_percentile (four, 4, 1), ==, 10);
}

/* The engine's Monte Carlo percentiles are the helper's on its values. */
static void
test_percentile_matches_engine (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LfMonteCarloResult) mc = lf_analysis_monte_carlo (problem, 300, 7, 1, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mc->n_samples, >, 0);
  g_assert_cmpfloat (mc->p5, ==, lf_percentile (mc->values, mc->n_samples, 0.05));
  g_assert_cmpfloat (mc->p50, ==, lf_percentile (mc->values, mc->n_samples, 0.50));
  g_assert_cmpfloat (mc->p95, ==, lf_percentile (mc->values, mc->n_samples, 0.95));
}

static LfThresholdResult *
one_threshold (gboolean entered,
               double   alpha,
               double   promote)
{
  LfThresholdResult *self = g_new0 (LfThresholdResult, 1);

  self->n_markets = 1;
  self->market_names = g_new0 (char *, 2);
  self->market_names[0] = g_strdup ("India");
  self->thresholds = g_new0 (LfThreshold, 1);
  self->thresholds[0] = (LfThreshold) { entered, alpha, promote };

  return self;
}

static void
check_threshold (LfProblem  *problem,
                 gboolean    entered,
                 double      alpha,
                 double      promote,
                 const char *text,
                 const char *side)
{
  g_autoptr(LfThresholdResult) t = one_threshold (entered, alpha, promote);
  g_autofree char *got = lf_analysis_threshold_text (t, problem, 0);

  g_assert_cmpstr (got, ==, text);
  g_assert_cmpstr (lf_analysis_threshold_side (t, problem, 0), ==, side);
}

static void
test_thresholds (void)
{
  g_autoptr(LfProblem) problem = lf_problem_new (1);

  g_free (problem->markets[0].name);
  problem->markets[0].name = g_strdup ("India");
  problem->markets[0].v.lock = LF_LOCK_AUTO;
  check_threshold (problem, FALSE, 1.354, 0.62, "Enters when its value weight rises ×1.35 or its promotion cost falls to ×0.62",
                   "Not in the plan");
  check_threshold (problem, FALSE, 2.75, NAN, "Enters when its value weight rises ×2.75; never by its promotion cost alone",
                   "Not in the plan");
  check_threshold (problem, FALSE, NAN, 0.5, "Enters when its promotion cost falls to ×0.5; never by its value weight alone",
                   "Not in the plan");
  check_threshold (problem, FALSE, NAN, NAN, "Never enters, whatever its value weight or promotion cost", "Not in the plan");
  check_threshold (problem, TRUE, 0.55, 1.8, "Leaves when its value weight falls to ×0.55 or its promotion cost rises ×1.8",
                   "In the plan");
  check_threshold (problem, TRUE, NAN, 16, "Leaves when its promotion cost rises ×16; never by its value weight alone",
                   "In the plan");
  check_threshold (problem, TRUE, NAN, NAN, "Never leaves, whatever its value weight or promotion cost", "In the plan");
  problem->markets[0].v.lock = LF_LOCK_ENTER;
  check_threshold (problem, TRUE, NAN, NAN, "Locked in the plan; unlock it to see what would take it out", "Locked in");
  problem->markets[0].v.lock = LF_LOCK_EXCLUDE;
  check_threshold (problem, FALSE, NAN, NAN, "Locked out of the plan; unlock it to see what would bring it in",
                   "Locked out");
}

/* The example's sweep: Singapore is locked in, so no budget of 0 has a
 * plan; the first plan and each change of the markets are named, one
 * entry a market, "United Kingdom" whole. */
static void
test_change_points (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSweepResult) sweep = lf_analysis_sweep (problem, 0, 12e6, 41, NULL, NULL, NULL, &error);
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  guint n_changes = 0, n_engine = 0, first_k = 0;

  g_assert_no_error (error);
  g_assert_false (lf_analysis_is_change_point (sweep, 0));
  for (guint k = 0; k < sweep->n_points; k++)
    {
      if (lf_analysis_is_change_point (sweep, k))
        {
          g_autofree char *text = lf_analysis_change_text (sweep, k);

          g_assert_nonnull (text);
          if (first_k == 0)
            first_k = k;
          n_changes++;
        }
      n_engine += sweep->change[k] != NULL;
    }
  /* Every change the engine names, plus the first plan. */
  g_assert_cmpuint (n_changes, ==, n_engine + 1);
  g_assert_true (isnan (sweep->value[first_k - 1]));
  first = lf_analysis_change_text (sweep, first_k);
  g_assert_true (g_str_has_prefix (first, "First plan: + "));
  g_assert_null (strstr (first, "−"));
  g_assert_nonnull (strstr (first, "Singapore"));
  title = lf_analysis_change_title (sweep, first_k, "USD", LF_MONEY_MILLIONS);
  g_assert_cmpstr (title, ==, "At 0.30M USD");

  for (guint k = first_k + 1; k < sweep->n_points; k++)
    {
      g_autofree char *text = NULL;

      if (sweep->change[k] == NULL || strstr (sweep->change[k], "United Kingdom") == NULL)
        continue;
      text = lf_analysis_change_text (sweep, k);
      g_assert_nonnull (strstr (text, "+ United Kingdom"));
    }
}

static void
test_values (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autofree char *none = lf_analysis_value_text (problem, NAN, LF_MONEY_UNITS);
  g_autofree char *value = lf_analysis_value_text (problem, 7.519734, LF_MONEY_UNITS);
  g_autofree char *cost = NULL;
  g_autofree char *times = lf_analysis_multiplier_text (0.8);
  g_autofree char *progress = lf_analysis_progress_text ("Monte Carlo", 1200, 2000);
  LfTornadoItem item = { (char *) "Budget", -1, 0, 7.1, NAN };
  LfTornadoResult tornado = { 7.5, 0.8, 1.2, 1, &item };
  g_autofree char *detail = NULL;

  g_assert_cmpstr (none, ==, "No plan");
  g_assert_cmpstr (value, ==, "7.520");
  g_assert_cmpstr (times, ==, "×0.8");
  g_assert_cmpstr (progress, ==, "Monte Carlo: 1200 of 2000");
  problem->objective = LF_OBJECTIVE_MIN_COST;
  cost = lf_analysis_value_text (problem, 2.5e6, LF_MONEY_MILLIONS);
  g_assert_cmpstr (cost, ==, "2.50M USD");
  /* An infeasible end counts as no move. */
  g_assert_cmpfloat_with_epsilon (lf_analysis_tornado_swing (&tornado, &item), 0.4, 1e-12);
  problem->objective = LF_OBJECTIVE_MAX_VALUE;
  detail = lf_analysis_tornado_detail (&tornado, &item, problem, LF_MONEY_UNITS);
  g_assert_cmpstr (detail, ==, "At ×0.8: 7.100 · at ×1.2: No plan");
}

/* Samples streamed in shuffled batches sum up as the engine's result. */
static void
test_stream_montecarlo (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LfMonteCarloResult) mc = lf_analysis_monte_carlo (problem, 500, 3, 0, NULL, NULL, NULL, &error);
  g_autoptr(LfMonteCarloStream) stream = lf_monte_carlo_stream_new (3, mc->nominal_value);
  g_autofree double *shuffled = g_new (double, mc->n_samples + 1);
  const LfMonteCarloResult *r = lf_monte_carlo_stream_result (stream);
  const double nan_sample = NAN;
  guint n = mc->n_samples;

  g_assert_no_error (error);
  g_assert_true (isnan (r->p50));
  g_assert_cmpuint (r->n_samples, ==, 0);
  /* A stride coprime with n visits every value once, out of order. */
  for (guint k = 0; k < n; k++)
    shuffled[k] = mc->values[(k * 7919u) % n];
  g_assert_cmpuint (n % 7919u, !=, 0);
  for (guint k = 0; k < n; k += 37)
    lf_monte_carlo_stream_add (stream, shuffled + k, MIN (37, n - k), MIN (k + 37, n));
  lf_monte_carlo_stream_add (stream, &nan_sample, 1, n + 1);

  r = lf_monte_carlo_stream_result (stream);
  g_assert_cmpuint (r->n_samples, ==, n);
  g_assert_cmpuint (r->n_drawn, ==, n + 1);
  g_assert_cmpuint (r->n_infeasible, ==, 1);
  for (guint k = 0; k < n; k++)
    g_assert_cmpfloat (r->values[k], ==, mc->values[k]);
  g_assert_cmpfloat (r->p5, ==, mc->p5);
  g_assert_cmpfloat (r->p50, ==, mc->p50);
  g_assert_cmpfloat (r->p95, ==, mc->p95);
  g_assert_cmpfloat_with_epsilon (r->mean, mc->mean, 1e-12 * fabs (mc->mean));
  g_assert_true (isnan (r->overrun_probability));
  g_assert_cmpuint (r->n_markets, ==, 0);
}

static void
test_stream_sweep (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSweepResult) sweep = lf_analysis_sweep (problem, 1e5, 7e6, 23, NULL, NULL, NULL, &error);
  g_autoptr(LfSweepResult) partial = lf_sweep_partial_new (problem, 1e5, 7e6, 23);
  const guint indices[] = { 4, 0, 99 };
  const double values[] = { 2.5, 1.5, 3 };

  g_assert_no_error (error);
  g_assert_cmpuint (partial->n_points, ==, sweep->n_points);
  g_assert_cmpfloat (partial->current_budget, ==, sweep->current_budget);
  for (guint k = 0; k < sweep->n_points; k++)
    {
      g_assert_cmpfloat (partial->budget[k], ==, sweep->budget[k]);
      g_assert_true (isnan (partial->value[k]));
    }
  lf_sweep_partial_add (partial, indices, values, 3);  /* 99: out of range, ignored */
  g_assert_cmpfloat (partial->value[0], ==, 1.5);
  g_assert_cmpfloat (partial->value[4], ==, 2.5);
  g_assert_true (isnan (partial->value[1]));
}

static void
test_same_problem (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfProblem) copy = lf_problem_copy (problem);

  g_assert_true (lf_analysis_same_problem (problem, copy));
  g_assert_true (lf_analysis_same_problem (NULL, NULL));
  g_assert_false (lf_analysis_same_problem (problem, NULL));
  copy->markets[2].v.value[LF_PARAM_ALPHA] *= 1.01;
  g_assert_false (lf_analysis_same_problem (problem, copy));
  copy->markets[2].v.value[LF_PARAM_ALPHA] = problem->markets[2].v.value[LF_PARAM_ALPHA];
  g_assert_true (lf_analysis_same_problem (problem, copy));
  copy->risk_cap = problem->risk_cap + 1;
  g_assert_false (lf_analysis_same_problem (problem, copy));
  copy->risk_cap = problem->risk_cap;
  g_free (copy->markets[0].name);
  copy->markets[0].name = g_strdup ("Cathay");
  g_assert_false (lf_analysis_same_problem (problem, copy));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis-text/percentile", test_percentile);
  g_test_add_func ("/analysis-text/percentile-engine", test_percentile_matches_engine);
  g_test_add_func ("/analysis-text/thresholds", test_thresholds);
  g_test_add_func ("/analysis-text/change-points", test_change_points);
  g_test_add_func ("/analysis-text/values", test_values);
  g_test_add_func ("/analysis-stream/montecarlo", test_stream_montecarlo);
  g_test_add_func ("/analysis-stream/sweep", test_stream_sweep);
  g_test_add_func ("/analysis-stream/same-problem", test_same_problem);

  return g_test_run ();
}
