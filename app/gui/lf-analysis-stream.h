/* lf-analysis-stream.h: what the What If page draws while a run streams
 *
 * GTK-free. A sweep's points and Monte Carlo's samples arrive in batches
 * from lf_analysis_run_async(); these gather them into results of the
 * engine's own types, with the engine's arithmetic, so a chart draws the
 * partial result as it would draw the finished one.
 */
#pragma once

#include "lf-analysis.h"

G_BEGIN_DECLS

/* The budgets as lf_analysis_sweep() spreads them, every value NAN until
 * it arrives; no market data (change points come with the result). Free
 * with lf_sweep_result_free(). */
LfSweepResult *lf_sweep_partial_new   (const LfProblem *problem,
                                       double           from,
                                       double           to,
                                       guint            n_points);
void           lf_sweep_partial_add   (LfSweepResult   *self,
                                       const guint     *indices,
                                       const double    *values,
                                       guint            n_new);

typedef struct _LfMonteCarloStream LfMonteCarloStream;

/* @nominal_value: the objective of the stated plan, NAN without one. */
LfMonteCarloStream       *lf_monte_carlo_stream_new    (guint64             seed,
                                                        double              nominal_value);
/* @n_drawn: samples drawn so far, feasible or not, these included. */
void                      lf_monte_carlo_stream_add    (LfMonteCarloStream *self,
                                                        const double       *values,
                                                        guint               n_new,
                                                        guint               n_drawn);
/* Sorted values, P5, P50, P95, mean and counts so far; no entry
 * frequencies and no overrun (NAN) until the run ends. Owned by the
 * stream, valid until the next add. */
const LfMonteCarloResult *lf_monte_carlo_stream_result (LfMonteCarloStream *self);
void                      lf_monte_carlo_stream_free   (LfMonteCarloStream *self);

/* Whether two problems give the same analyses, names included. */
gboolean                  lf_analysis_same_problem     (const LfProblem    *a,
                                                        const LfProblem    *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfMonteCarloStream, lf_monte_carlo_stream_free)

G_END_DECLS
