/* lf-analysis-private.h: what the analyses share */
#pragma once

#include "lf-analysis.h"

G_BEGIN_DECLS

/* Work on item @index of a parallel loop; runs on any thread. Returns
 * the item's objective for the progress report. */
typedef double (*LfParallelFunc) (guint    index,
                                  gpointer user_data);

/* Runs @func for 0..n-1 on @n_threads threads (0: one per core), each
 * item exactly once, results kept by index so the outcome never depends
 * on the thread count. Stops early when @cancellable is cancelled. */
void     _lf_parallel_for        (guint            n,
                                  guint            n_threads,
                                  LfParallelFunc   func,
                                  gpointer         user_data,
                                  GCancellable    *cancellable,
                                  LfProgressFunc   progress,
                                  gpointer         progress_data);

/* A solve for an analysis: no shadow price, no diagnosis. NULL when the
 * solver failed; a plan with status infeasible otherwise. */
LfPlan  *_lf_analysis_solve      (const LfProblem *problem,
                                  const LfPlan    *hint,
                                  GCancellable    *cancellable);

/* The objective of an optimal plan; NAN for any other status. */
double   _lf_plan_objective      (const LfPlan    *plan);

gboolean _lf_analysis_check_cancel (GCancellable  *cancellable,
                                    GError       **error);

/* A problem with one parameter scaled, kept valid (shares stay within
 * 0..1 and p_min <= p_max). */
void     _lf_problem_scale_param (LfProblem       *problem,
                                  guint            market,
                                  LfParam          param,
                                  double           factor);

/* Deterministic random numbers: xoshiro256** seeded through splitmix64,
 * the same on every machine. */
typedef struct
{
  guint64 s[4];
} LfRandom;

void     _lf_random_init         (LfRandom        *rng,
                                  guint64          seed,
                                  guint64          stream);
double   _lf_random_double       (LfRandom        *rng);
double   _lf_random_triangular   (LfRandom        *rng,
                                  double           lo,
                                  double           mode,
                                  double           hi);

G_END_DECLS
