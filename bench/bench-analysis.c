/* bench-analysis.c: the analyses' speed, run by hand (not a test)
 *
 *   build/bench/bench-analysis [--samples 10000] [--points 200]
 *
 * Monte Carlo of the 7-market example on 1 thread and on every core (target:
 * 1.7x faster on 2 cores, under 2 s), and a budget sweep of a 50-market
 * scenario (target: 200 points under 0.5 s).
 */

#include <math.h>
#include <stdio.h>

#include "lf-analysis.h"
#include "lf-test-examples.h"

static LfProblem *
fifty_markets (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  LfProblem *problem = lf_problem_new (50);
  double full = 0;

  for (guint i = 0; i < problem->n_markets; i++)
    {
      double *v = problem->markets[i].v.value;

      v[LF_PARAM_ALPHA] = g_rand_double_range (rand, 0.5, 4);
      v[LF_PARAM_BETA] = g_rand_double_range (rand, 0, 2);
      v[LF_PARAM_P_MAX] = g_rand_double_range (rand, 0.1, 0.5);
      v[LF_PARAM_P_MIN] = g_rand_double_range (rand, 0, 0.05);
      v[LF_PARAM_Q_MAX] = g_rand_double_range (rand, 0.5, 0.95);
      v[LF_PARAM_PROMOTE] = g_rand_double_range (rand, 1e6, 1e7);
      v[LF_PARAM_GAMMA] = g_rand_double_range (rand, 1e5, 1.5e6);
      v[LF_PARAM_LOCALISE] = g_rand_double_range (rand, 5e4, 1e6);
      v[LF_PARAM_CULTURE] = g_rand_double_range (rand, 1e5, 3e6);
      v[LF_PARAM_LEGAL_FIXED] = g_rand_double_range (rand, 1e5, 7e5);
      v[LF_PARAM_LEGAL_P] = g_rand_double_range (rand, 1e5, 2e6);
      v[LF_PARAM_RISK] = g_rand_double_range (rand, 0.2, 2.5);
      v[LF_PARAM_HEADCOUNT] = g_rand_double_range (rand, 20, 160);
      v[LF_PARAM_HEADCOUNT_FIXED] = g_rand_double_range (rand, 2, 8);
      full += v[LF_PARAM_PROMOTE] * v[LF_PARAM_P_MAX] + v[LF_PARAM_LEGAL_FIXED];
    }
  problem->budget = 0.3 * full;
  problem->risk_cap = 8;
  problem->headcount_cap = 900;

  return problem;
}

static void
add_ranges (LfProblem *problem)
{
  for (guint i = 0; i < problem->n_markets; i++)
    {
      LfMarketValues *v = &problem->markets[i].v;

      v->has_range |= (1u << LF_PARAM_PROMOTE) | (1u << LF_PARAM_ALPHA);
      v->lo[LF_PARAM_PROMOTE] = 0.8;
      v->hi[LF_PARAM_PROMOTE] = 1.5;
      v->lo[LF_PARAM_ALPHA] = 0.7;
      v->hi[LF_PARAM_ALPHA] = 1.2;
    }
}

static double
time_monte_carlo (const LfProblem *problem,
                  guint            samples,
                  guint            threads,
                  double          *p50)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(LfMonteCarloResult) result = lf_analysis_monte_carlo (problem, samples, 42, threads,
                                                                  NULL, NULL, NULL, NULL);

  *p50 = result->p50;

  return (g_get_monotonic_time () - start) / 1e3;
}

int
main (int   argc,
      char *argv[])
{
  int samples = 10000, points = 200;
  GOptionEntry entries[] = {
    { "samples", 0, 0, G_OPTION_ARG_INT, &samples, "Monte Carlo samples", "N" },
    { "points", 0, 0, G_OPTION_ARG_INT, &points, "Sweep points", "K" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the analyses");
  g_autoptr(LfProblem) example = lf_test_china_problem ();
  g_autoptr(LfProblem) fifty = fifty_markets ();
  g_autoptr(LfSweepResult) sweep = NULL;
  double one, all, p50_one, p50_all;
  guint cores = g_get_num_processors ();
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL) || samples < 1 || points < 2)
    return 2;

  add_ranges (example);
  one = time_monte_carlo (example, samples, 1, &p50_one);
  all = time_monte_carlo (example, samples, cores, &p50_all);
  printf ("Monte Carlo, 7 markets, %d samples: 1 thread %.0f ms, %u threads %.0f ms, speed-up %.2fx%s\n",
          samples, one, cores, all, one / all, p50_one == p50_all ? "" : "  (P50 DIFFERS!)");

  start = g_get_monotonic_time ();
  sweep = lf_analysis_sweep (fifty, 0, 2 * fifty->budget, points, NULL, NULL, NULL, NULL);
  printf ("Budget sweep, 50 markets, %d points: %.0f ms (%.2f ms a point)\n", points,
          (g_get_monotonic_time () - start) / 1e3, (g_get_monotonic_time () - start) / 1e3 / points);

  return 0;
}
