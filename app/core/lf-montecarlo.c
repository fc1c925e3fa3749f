/* lf-montecarlo.c: the plan under uncertainty (model.md)
 *
 * Each sample draws every parameter that has an uncertainty range from a
 * triangular distribution with mode 1, re-optimises, and costs the
 * nominal plan unchanged under the same draw. Sample k's draws come from
 * its own random stream, so the result is the same for any thread count.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-analysis-private.h"
#include "lf-percentile.h"

#define LF_MAX_SAMPLES 10000000

typedef struct
{
  const LfProblem *problem;
  const LfPlan    *nominal;
  guint64          seed;
  GCancellable    *cancellable;
  /* Per sample, written by whichever thread solved it. */
  double          *values;
  guint8          *overrun;
  /* Per market, samples whose plan enters it: whole counts, so the sum is
   * the same in any order and on any number of threads, without a
   * samples x markets table (a million samples of 1000 markets: 1 GB). */
  int             *entered;
} MonteCarlo;

void
lf_monte_carlo_result_free (LfMonteCarloResult *self)
{
  if (self == NULL)
    return;

  g_free (self->values);
  g_strfreev (self->market_names);
  g_free (self->entry_frequency);
  g_free (self);
}

static void
draw (LfProblem *sample,
      guint64    seed,
      guint      index)
{
  LfRandom rng;

  _lf_random_init (&rng, seed, index);
  for (guint i = 0; i < sample->n_markets; i++)
    {
      const LfMarketValues *v = &sample->markets[i].v;

      for (guint param = 0; param < LF_N_PARAMS; param++)
        {
          if (v->has_range & (1u << param))
            _lf_problem_scale_param (sample, i, param,
                                     _lf_random_triangular (&rng, v->lo[param], 1, v->hi[param]));
        }
    }
}

/* What the nominal plan, unchanged, costs under the drawn parameters. */
static double
nominal_cost (const LfProblem *sample,
              const LfPlan    *nominal)
{
  double total = 0;

  for (guint i = 0; i < sample->n_markets; i++)
    {
      const LfPlanMarket *m = &nominal->markets[i];
      double parts[LF_N_COST_PARTS];

      if (!m->entered)
        continue;
      lf_market_costs (&sample->markets[i], 1, m->p, m->q, parts);
      for (guint k = 0; k < LF_N_COST_PARTS; k++)
        total += parts[k];
    }

  return total;
}

static double
sample_task (guint    index,
             gpointer user_data)
{
  MonteCarlo *mc = user_data;
  g_autoptr(LfProblem) sample = lf_problem_copy (mc->problem);
  g_autoptr(LfPlan) plan = NULL;
  guint n = mc->problem->n_markets;

  draw (sample, mc->seed, index);
  plan = _lf_analysis_solve (sample, mc->nominal, mc->cancellable);
  mc->values[index] = _lf_plan_objective (plan);
  for (guint i = 0; plan != NULL && plan->status == LF_PLAN_OPTIMAL && i < n; i++)
    {
      if (plan->markets[i].entered)
        g_atomic_int_inc (&mc->entered[i]);
    }
  if (mc->nominal->has_solution && !isnan (mc->problem->budget))
    mc->overrun[index] = nominal_cost (sample, mc->nominal) > mc->problem->budget * (1 + 1e-9);

  return mc->values[index];
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static LfMonteCarloResult *
summarise (const MonteCarlo *mc,
           guint             n_samples)
{
  LfMonteCarloResult *self = g_new0 (LfMonteCarloResult, 1);
  guint n = mc->problem->n_markets;
  guint overruns = 0;
  double sum = 0;

  self->n_drawn = n_samples;
  self->seed = mc->seed;
  self->values = g_new0 (double, n_samples + 1);
  self->n_markets = n;
  self->market_names = g_new0 (char *, n + 1);
  self->entry_frequency = g_new0 (double, n + 1);
  for (guint i = 0; i < n; i++)
    self->market_names[i] = g_strdup (mc->problem->markets[i].name);

  for (guint k = 0; k < n_samples; k++)
    {
      overruns += mc->overrun[k];
      if (isnan (mc->values[k]))
        {
          self->n_infeasible++;
          continue;
        }
      self->values[self->n_samples++] = mc->values[k];
      sum += mc->values[k];
    }

  qsort (self->values, self->n_samples, sizeof (double), compare_doubles);
  self->p5 = lf_percentile (self->values, self->n_samples, 0.05);
  self->p50 = lf_percentile (self->values, self->n_samples, 0.50);
  self->p95 = lf_percentile (self->values, self->n_samples, 0.95);
  self->mean = self->n_samples ? sum / self->n_samples : NAN;
  self->nominal_value = _lf_plan_objective (mc->nominal);
  self->overrun_probability = mc->nominal->has_solution && !isnan (mc->problem->budget)
                              ? (double) overruns / n_samples : NAN;
  for (guint i = 0; i < n; i++)
    self->entry_frequency[i] = self->n_samples ? (double) g_atomic_int_get (&mc->entered[i]) / self->n_samples : 0;

  return self;
}

LfMonteCarloResult *
lf_analysis_monte_carlo (const LfProblem  *problem,
                         guint             n_samples,
                         guint64           seed,
                         guint             n_threads,
                         GCancellable     *cancellable,
                         LfProgressFunc    progress,
                         gpointer          user_data,
                         GError          **error)
{
  g_autoptr(LfPlan) nominal = NULL;
  LfMonteCarloResult *self;
  MonteCarlo mc;

  g_return_val_if_fail (problem != NULL, NULL);

  if (n_samples == 0 || n_samples > LF_MAX_SAMPLES)
    {
      g_set_error (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_INVALID,
                   _("The number of samples must be between 1 and %d"), LF_MAX_SAMPLES);
      return NULL;
    }

  nominal = lf_solver_solve (problem, NULL, cancellable, error);
  if (nominal == NULL)
    return NULL;

  mc = (MonteCarlo) { problem, nominal, seed, cancellable,
                      g_new0 (double, n_samples), g_new0 (guint8, n_samples),
                      g_new0 (int, problem->n_markets + 1) };
  _lf_parallel_for (n_samples, n_threads, sample_task, &mc, cancellable, progress, user_data);

  self = _lf_analysis_check_cancel (cancellable, error) ? summarise (&mc, n_samples) : NULL;
  g_free (mc.values);
  g_free (mc.entered);
  g_free (mc.overrun);

  return self;
}

static int
by_frequency (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const double *f = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (f[i] != f[j])
    return f[i] > f[j] ? -1 : 1;
  return i < j ? -1 : i > j;
}

guint *
lf_monte_carlo_result_order (const LfMonteCarloResult *self)
{
  guint *order;

  g_return_val_if_fail (self != NULL, NULL);

  order = g_new (guint, self->n_markets + 1);
  for (guint i = 0; i < self->n_markets; i++)
    order[i] = i;
  g_qsort_with_data (order, self->n_markets, sizeof *order, by_frequency, self->entry_frequency);

  return order;
}
