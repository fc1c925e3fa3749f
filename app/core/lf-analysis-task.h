/* lf-analysis-task.h: the analyses off the main thread, for the window
 *
 * One call starts an analysis on a worker; progress and partial results
 * come back on the caller's main context, in batches at most ~30 times a
 * second, so a chart can grow as samples arrive without flooding the
 * main loop; cancel through the GCancellable.
 */
#pragma once

#include "lf-analysis.h"

G_BEGIN_DECLS

typedef enum
{
  LF_ANALYSIS_SWEEP,
  LF_ANALYSIS_TORNADO,
  LF_ANALYSIS_MONTE_CARLO,
  LF_ANALYSIS_THRESHOLDS,
} LfAnalysisKind;

typedef struct
{
  LfAnalysisKind kind;
  double         from;          /* sweep */
  double         to;
  guint          n_points;
  double         low;           /* tornado */
  double         high;
  guint          n_samples;     /* Monte Carlo */
  guint64        seed;
  guint          n_threads;     /* tornado, Monte Carlo; 0: every core */
} LfAnalysisRequest;

/* On the main context: @n_new results finished since the last call,
 * item @indices[k] with objective @values[k] (NAN: infeasible). */
typedef void (*LfAnalysisProgressFunc) (guint         done,
                                        guint         total,
                                        const guint  *indices,
                                        const double *values,
                                        guint         n_new,
                                        gpointer      user_data);

/* @progress_data_free may be called on any thread (the worker can hold
 * the last reference to the task): make the data's release thread-safe. */
void     lf_analysis_run_async  (LfProblem               *problem,
                                 const LfAnalysisRequest *request,
                                 GCancellable            *cancellable,
                                 LfAnalysisProgressFunc   progress,
                                 gpointer                 progress_data,
                                 GDestroyNotify           progress_data_free,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data);

/* Returns the result of the request's kind: LfSweepResult,
 * LfTornadoResult, LfMonteCarloResult or LfThresholdResult; free it with
 * its own free function. */
gpointer lf_analysis_run_finish (GAsyncResult            *result,
                                 LfAnalysisKind          *kind,
                                 GError                 **error);

G_END_DECLS
