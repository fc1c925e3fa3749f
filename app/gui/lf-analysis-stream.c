/* lf-analysis-stream.c: what the What If page draws while a run streams */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-analysis-stream.h"
#include "lf-percentile.h"

struct _LfMonteCarloStream
{
  GArray             *values;   /* feasible values, sorted */
  double              sum;
  LfMonteCarloResult  result;   /* values point into the array */
};

LfSweepResult *
lf_sweep_partial_new (const LfProblem *problem,
                      double           from,
                      double           to,
                      guint            n_points)
{
  LfSweepResult *self = g_new0 (LfSweepResult, 1);

  self->n_points = n_points;
  self->budget = g_new0 (double, n_points);
  self->value = g_new0 (double, n_points);
  self->change = g_new0 (char *, n_points + 1);
  self->current_budget = problem->budget;
  self->market_names = g_new0 (char *, 1);
  self->entered = g_new0 (guint8, 1);
  for (guint k = 0; k < n_points; k++)
    {
      self->budget[k] = n_points == 1 ? from : from + (to - from) * k / (n_points - 1);
      self->value[k] = NAN;
    }

  return self;
}

void
lf_sweep_partial_add (LfSweepResult *self,
                      const guint   *indices,
                      const double  *values,
                      guint          n_new)
{
  for (guint k = 0; k < n_new; k++)
    if (indices[k] < self->n_points)
      self->value[indices[k]] = values[k];
}

LfMonteCarloStream *
lf_monte_carlo_stream_new (guint64 seed,
                           double  nominal_value)
{
  LfMonteCarloStream *self = g_new0 (LfMonteCarloStream, 1);

  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->result.seed = seed;
  self->result.nominal_value = nominal_value;
  self->result.overrun_probability = NAN;
  self->result.p5 = self->result.p50 = self->result.p95 = self->result.mean = NAN;

  return self;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* The batch, sorted, merged into the sorted values: linear in what is
 * there, so a long run stays cheap on the main thread. */
static GArray *
merge_sorted (GArray *sorted,
              GArray *batch)
{
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (double), sorted->len + batch->len);
  const double *a = (const double *) (gpointer) sorted->data;
  const double *b = (const double *) (gpointer) batch->data;
  guint i = 0, j = 0;

  g_array_sort (batch, compare_doubles);
  while (i < sorted->len || j < batch->len)
    {
      if (j >= batch->len || (i < sorted->len && a[i] <= b[j]))
        g_array_append_val (merged, a[i++]);
      else
        g_array_append_val (merged, b[j++]);
    }

  return merged;
}

void
lf_monte_carlo_stream_add (LfMonteCarloStream *self,
                           const double       *values,
                           guint               n_new,
                           guint               n_drawn)
{
  g_autoptr(GArray) batch = g_array_sized_new (FALSE, FALSE, sizeof (double), n_new);
  LfMonteCarloResult *r = &self->result;
  GArray *merged;

  for (guint k = 0; k < n_new; k++)
    if (!isnan (values[k]))
      {
        g_array_append_val (batch, values[k]);
        self->sum += values[k];
      }
  merged = merge_sorted (self->values, batch);
  g_array_unref (self->values);
  self->values = merged;

  r->values = (double *) (gpointer) merged->data;
  r->n_samples = merged->len;
  r->n_drawn = MAX (n_drawn, merged->len);
  r->n_infeasible = r->n_drawn - merged->len;
  r->p5 = lf_percentile (r->values, merged->len, 0.05);
  r->p50 = lf_percentile (r->values, merged->len, 0.50);
  r->p95 = lf_percentile (r->values, merged->len, 0.95);
  r->mean = merged->len > 0 ? self->sum / merged->len : NAN;
}

const LfMonteCarloResult *
lf_monte_carlo_stream_result (LfMonteCarloStream *self)
{
  return &self->result;
}

void
lf_monte_carlo_stream_free (LfMonteCarloStream *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->values);
  g_free (self);
}

static gboolean
same_double (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static gboolean
same_values (const LfMarketValues *a,
             const LfMarketValues *b)
{
  if (a->has_range != b->has_range || a->lock != b->lock)
    return FALSE;
  for (guint p = 0; p < LF_N_PARAMS; p++)
    if (!same_double (a->value[p], b->value[p]) || !same_double (a->lo[p], b->lo[p]) ||
        !same_double (a->hi[p], b->hi[p]))
      return FALSE;

  return TRUE;
}

gboolean
lf_analysis_same_problem (const LfProblem *a,
                          const LfProblem *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->objective != b->objective || a->n_markets != b->n_markets ||
      strcmp (a->currency, b->currency) != 0 || !same_double (a->budget, b->budget) ||
      !same_double (a->target_value, b->target_value) || !same_double (a->risk_cap, b->risk_cap) ||
      !same_double (a->headcount_cap, b->headcount_cap) || !same_double (a->max_markets, b->max_markets))
    return FALSE;
  for (guint i = 0; i < a->n_markets; i++)
    if (g_strcmp0 (a->markets[i].name, b->markets[i].name) != 0 ||
        !same_values (&a->markets[i].v, &b->markets[i].v))
      return FALSE;

  return TRUE;
}
