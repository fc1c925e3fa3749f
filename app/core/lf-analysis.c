/* lf-analysis.c: what the analyses share: a parallel loop over items,
 * quiet solves, parameter scaling and a deterministic random source */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-analysis-private.h"

G_DEFINE_QUARK (lf-analysis-error-quark, lf_analysis_error)

typedef struct
{
  guint           n;
  gint            next;          /* atomic: the next item to take */
  gint            done;          /* atomic */
  LfParallelFunc  func;
  gpointer        user_data;
  GCancellable   *cancellable;
  LfProgressFunc  progress;
  gpointer        progress_data;
} Parallel;

static gpointer
parallel_worker (gpointer data)
{
  Parallel *par = data;

  for (;;)
    {
      guint index = (guint) g_atomic_int_add (&par->next, 1);
      guint done;
      double value;

      if (index >= par->n || g_cancellable_is_cancelled (par->cancellable))
        break;
      value = par->func (index, par->user_data);
      done = (guint) g_atomic_int_add (&par->done, 1) + 1;
      if (par->progress != NULL)
        par->progress (done, par->n, index, value, par->progress_data);
    }

  return NULL;
}

void
_lf_parallel_for (guint           n,
                  guint           n_threads,
                  LfParallelFunc  func,
                  gpointer        user_data,
                  GCancellable   *cancellable,
                  LfProgressFunc  progress,
                  gpointer        progress_data)
{
  Parallel par = { n, 0, 0, func, user_data, cancellable, progress, progress_data };
  /* scan-build 14 reports a leak here: it does not model g_autofree's
   * cleanup attribute (a five-line g_autofree function shows it too). */
  g_autofree GThread **threads = NULL;

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, MAX (n, 1));

  /* The calling thread works too: one thread means no thread at all. */
  threads = g_new0 (GThread *, n_threads);
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("landfall-analysis", parallel_worker, &par);
  parallel_worker (&par);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
}

LfPlan *
_lf_analysis_solve (const LfProblem *problem,
                    const LfPlan    *hint,
                    GCancellable    *cancellable)
{
  LfSolveOptions options = LF_SOLVE_OPTIONS_INIT;

  options.skip_shadow_price = TRUE;
  options.skip_diagnosis = TRUE;
  options.hint = hint;

  return lf_solver_solve (problem, &options, cancellable, NULL);
}

double
_lf_plan_objective (const LfPlan *plan)
{
  if (plan == NULL || plan->status != LF_PLAN_OPTIMAL)
    return NAN;

  return plan->objective == LF_OBJECTIVE_MAX_VALUE ? plan->value : plan->cost;
}

gboolean
_lf_analysis_check_cancel (GCancellable  *cancellable,
                           GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return TRUE;

  g_set_error (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_CANCELLED, _("The analysis was cancelled"));

  return FALSE;
}

void
_lf_problem_scale_param (LfProblem *problem,
                         guint      market,
                         LfParam    param,
                         double     factor)
{
  double *v = problem->markets[market].v.value;
  const LfParamInfo *info = lf_param_info (param);

  v[param] = MIN (v[param] * factor, info->upper);
  if (param == LF_PARAM_P_MAX)
    v[LF_PARAM_P_MAX] = MAX (v[LF_PARAM_P_MAX], 1e-9);
  /* The scaled parameter wins and the other one gives way: a higher
   * minimum lifts the maximum (up to 1), a lower maximum lowers the
   * minimum. */
  if (v[LF_PARAM_P_MIN] > v[LF_PARAM_P_MAX])
    {
      if (param == LF_PARAM_P_MIN)
        {
          v[LF_PARAM_P_MAX] = MIN (v[LF_PARAM_P_MIN], 1);
          v[LF_PARAM_P_MIN] = v[LF_PARAM_P_MAX];
        }
      else
        v[LF_PARAM_P_MIN] = v[LF_PARAM_P_MAX];
    }
}

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);

  return z ^ (z >> 31);
}

/* One independent stream per (seed, stream): a sample's draws depend on
 * its index only, never on which thread drew it. */
void
_lf_random_init (LfRandom *rng,
                 guint64   seed,
                 guint64   stream)
{
  guint64 state = seed ^ (stream * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));

  for (guint k = 0; k < 4; k++)
    rng->s[k] = splitmix64 (&state);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/* Uniform in [0, 1), 53 bits. */
double
_lf_random_double (LfRandom *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return (result >> 11) * 0x1.0p-53;
}

/* Inverse of the triangular distribution's CDF. */
double
_lf_random_triangular (LfRandom *rng,
                       double    lo,
                       double    mode,
                       double    hi)
{
  double u = _lf_random_double (rng);
  double width = hi - lo;

  if (width <= 0)
    return mode;
  if (u < (mode - lo) / width)
    return lo + sqrt (u * width * (mode - lo));

  return hi - sqrt ((1 - u) * width * (hi - mode));
}
