/* lf-thresholds.c: what it would take for a market to change side
 *
 * "What would it take for India to make the cut?" For each market, the
 * multiplier on its value weight (alpha) and on its promotion cost at
 * which it enters the optimal plan (or leaves it), found by re-solving:
 * a bracket by doubling, then bisection. Entry is monotone in both (a
 * larger alpha or a cheaper promotion never pushes a market out), which
 * is what makes the bisection sound. NAN where no multiplier will do.
 */

#include "config.h"

#include <math.h>

#include "lf-analysis-private.h"

/* Relative precision of a threshold, and how far a bracket may grow. */
#define PRECISION 1e-4
#define MAX_FACTOR 1024.0

typedef struct
{
  const LfProblem   *problem;
  const LfPlan      *nominal;
  LfThresholdResult *result;
  GCancellable      *cancellable;
  /* The workers finish markets in any order; reports go out one at a
   * time, counted here, so done only ever grows. */
  GMutex             progress_lock;
  guint              done;
  LfProgressFunc     progress;
  gpointer           progress_data;
} Thresholds;

void
lf_threshold_result_free (LfThresholdResult *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->market_names);
  g_free (self->thresholds);
  g_free (self);
}

/* Whether market @i is in the optimal plan with @param multiplied. */
static gboolean
entered_at (Thresholds *t,
            guint       i,
            LfParam     param,
            double      factor)
{
  g_autoptr(LfProblem) scaled = lf_problem_copy (t->problem);
  g_autoptr(LfPlan) plan = NULL;

  scaled->markets[i].v.value[param] *= factor;
  plan = _lf_analysis_solve (scaled, NULL, t->cancellable);

  return plan != NULL && plan->status == LF_PLAN_OPTIMAL && plan->markets[i].entered;
}

/* The factor between @inside (same side as nominal) and @outside (other
 * side) where the market flips, to PRECISION. */
static double
bisect (Thresholds *t,
        guint       i,
        LfParam     param,
        double      inside,
        double      outside,
        gboolean    nominal_entered)
{
  while (fabs (outside - inside) > PRECISION * MAX (fabs (outside), 1e-3) &&
         !g_cancellable_is_cancelled (t->cancellable))
    {
      double middle = (inside + outside) / 2;

      if (entered_at (t, i, param, middle) == nominal_entered)
        inside = middle;
      else
        outside = middle;
    }

  return outside;
}

/* Toward more attractive (alpha up, promotion down) when out, less when
 * in: the side to search on. */
static double
find_threshold (Thresholds *t,
                guint       i,
                LfParam     param,
                gboolean    entered)
{
  gboolean grow = (param == LF_PARAM_ALPHA) != entered;
  double factor = 1, outside;

  if (lf_problem_param (t->problem, i, param) == 0)
    return NAN;

  if (grow)
    {
      for (outside = 2; outside <= MAX_FACTOR; outside *= 2)
        {
          if (entered_at (t, i, param, outside) != entered)
            return bisect (t, i, param, outside / 2, outside, entered);
        }
      return NAN;
    }

  if (entered_at (t, i, param, 0) == entered)
    return NAN;

  return bisect (t, i, param, factor, 0, entered);
}

static double
threshold_task (guint    index,
                gpointer user_data)
{
  Thresholds *t = user_data;
  LfThreshold *out = &t->result->thresholds[index];
  LfLock lock = t->problem->markets[index].v.lock;

  out->entered = t->nominal->markets[index].entered;
  out->alpha_factor = NAN;
  out->promote_factor = NAN;
  if (lock != LF_LOCK_AUTO)
    return NAN;  /* a locked market never changes side */

  out->alpha_factor = find_threshold (t, index, LF_PARAM_ALPHA, out->entered);
  out->promote_factor = find_threshold (t, index, LF_PARAM_PROMOTE, out->entered);

  return out->alpha_factor;
}

/* After each market's bracket and bisection: @index is the market,
 * @value its alpha threshold. */
static void
on_market_done (guint    done,
                guint    total,
                guint    index,
                double   value,
                gpointer user_data)
{
  Thresholds *t = user_data;

  g_mutex_lock (&t->progress_lock);
  t->done++;
  t->progress (t->done, total, index, value, t->progress_data);
  g_mutex_unlock (&t->progress_lock);
}

LfThresholdResult *
lf_analysis_thresholds (const LfProblem  *problem,
                        GCancellable     *cancellable,
                        LfProgressFunc    progress,
                        gpointer          user_data,
                        GError          **error)
{
  g_autoptr(LfPlan) nominal = NULL;
  LfThresholdResult *self;
  Thresholds t = { 0 };

  g_return_val_if_fail (problem != NULL, NULL);

  nominal = lf_solver_solve (problem, NULL, cancellable, error);
  if (nominal == NULL)
    return NULL;

  self = g_new0 (LfThresholdResult, 1);
  self->n_markets = problem->n_markets;
  self->market_names = g_new0 (char *, problem->n_markets + 1);
  self->thresholds = g_new0 (LfThreshold, problem->n_markets + 1);
  for (guint i = 0; i < problem->n_markets; i++)
    {
      self->market_names[i] = g_strdup (problem->markets[i].name);
      self->thresholds[i].alpha_factor = NAN;
      self->thresholds[i].promote_factor = NAN;
    }

  if (!nominal->has_solution)
    return self;  /* nothing to move from: every threshold stays NAN */

  t.problem = problem;
  t.nominal = nominal;
  t.result = self;
  t.cancellable = cancellable;
  t.progress = progress;
  t.progress_data = user_data;
  g_mutex_init (&t.progress_lock);
  _lf_parallel_for (problem->n_markets, 0, threshold_task, &t, cancellable,
                    progress != NULL ? on_market_done : NULL, &t);
  g_mutex_clear (&t.progress_lock);
  if (!_lf_analysis_check_cancel (cancellable, error))
    {
      lf_threshold_result_free (self);
      return NULL;
    }

  return self;
}
