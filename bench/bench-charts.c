/* bench-charts.c: how long a 200-market costs chart takes to draw
 *
 * Run by hand: build-x/bench/bench-charts [RUNS]. The target is under
 * 8 ms, so that a chart redraws inside one frame. Prints the median and
 * the 90th percentile of RUNS draws (after a few to warm the font caches)
 * at two canvas sizes, without and with a hit recorder attached (as the
 * window draws it, for its tooltips).
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "lf-chart.h"
#include "lf-chart-hits.h"

#define N_MARKETS 200

static LfProblem *
make_problem (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  LfProblem *problem = lf_problem_new (N_MARKETS);

  problem->budget = 60e6;
  for (guint i = 0; i < N_MARKETS; i++)
    {
      double *v = problem->markets[i].v.value;

      g_free (problem->markets[i].name);
      problem->markets[i].name = g_strdup_printf ("Region %03u", i + 1);
      v[LF_PARAM_ALPHA] = g_rand_double_range (rand, 0.5, 4);
      v[LF_PARAM_P_MAX] = g_rand_double_range (rand, 0.1, 0.6);
      v[LF_PARAM_Q_MAX] = g_rand_double_range (rand, 0.5, 1);
      v[LF_PARAM_PROMOTE] = g_rand_double_range (rand, 2e5, 4e6);
      v[LF_PARAM_GAMMA] = g_rand_double_range (rand, 0, 8e5);
      v[LF_PARAM_LOCALISE] = g_rand_double_range (rand, 0, 5e5);
      v[LF_PARAM_CULTURE] = g_rand_double_range (rand, 0, 1e6);
      v[LF_PARAM_LEGAL_FIXED] = g_rand_double_range (rand, 0, 3e5);
    }

  return problem;
}

/* Every market entered: the most bars a costs chart can have. */
static LfPlan *
make_plan (const LfProblem *problem)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  double y[N_MARKETS], p[N_MARKETS], q[N_MARKETS];
  LfPlan *plan = lf_plan_new (problem);

  for (guint i = 0; i < N_MARKETS; i++)
    {
      y[i] = 1;
      p[i] = problem->markets[i].v.value[LF_PARAM_P_MAX] * g_rand_double_range (rand, 0.2, 1);
      q[i] = problem->markets[i].v.value[LF_PARAM_Q_MAX] * g_rand_double_range (rand, 0.3, 1);
    }
  lf_plan_set_solution (plan, problem, y, p, q);
  plan->status = LF_PLAN_OPTIMAL;

  return plan;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench (const LfProblem *problem,
       const LfPlan    *plan,
       int              width,
       int              height,
       guint            runs,
       LfChartHits     *hits)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  const LfChartTheme *theme = lf_chart_theme_get (LF_CHART_THEME_LIGHT);
  g_autofree double *ms = g_new (double, runs);

  for (guint r = 0; r < runs + 5; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      if (hits != NULL)
        {
          lf_chart_hits_clear (hits);
          lf_chart_hits_attach (hits, cr);
        }
      lf_chart_costs (cr, width, height, theme, problem, plan);
      cairo_surface_flush (surface);
      if (r >= 5)
        ms[r - 5] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  qsort (ms, runs, sizeof *ms, compare_doubles);
  printf ("costs chart, %d markets, %dx%d%s: median %.2f ms, p90 %.2f ms, min %.2f ms (%u runs)\n",
          N_MARKETS, width, height, hits ? ", recording hits" : "",
          ms[runs / 2], ms[runs * 9 / 10], ms[0], runs);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) MAX (atoi (argv[1]), 1) : 200;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(LfChartHits) hits = lf_chart_hits_new ();

  setlocale (LC_ALL, "");
  problem = make_problem ();
  plan = make_plan (problem);
  bench (problem, plan, 900, 500, runs, NULL);
  bench (problem, plan, 1920, 1080, runs, NULL);
  bench (problem, plan, 900, 500, runs, hits);
  bench (problem, plan, 1920, 1080, runs, hits);

  return 0;
}
