/* lf-analysis.h: what-if analyses over the programme (model.md)
 *
 * Budget sweep, entry thresholds, tornado and Monte Carlo. Each runs
 * synchronously on the calling thread (call it from a worker: a GTask in
 * the window), can be cancelled from any thread, and reports progress
 * through a callback that may be called from any of its threads.
 * Results are plain data, read by the charts, the window and the CLI.
 */
#pragma once

#include "lf-solver.h"

G_BEGIN_DECLS

#define LF_ANALYSIS_ERROR (lf_analysis_error_quark ())

typedef enum
{
  LF_ANALYSIS_ERROR_INVALID,    /* bad arguments: an empty range, no samples */
  LF_ANALYSIS_ERROR_CANCELLED,
} LfAnalysisError;

/* Called with the work done so far and the whole, from any thread, after
 * each point or sample: @index is the one just finished and @value its
 * objective (NAN when infeasible), so a chart can stream results. */
typedef void (*LfProgressFunc) (guint    done,
                                guint    total,
                                guint    index,
                                double   value,
                                gpointer user_data);

/* A budget sweep: value at n_points budgets, in increasing budget order. */
typedef struct
{
  guint      n_points;
  double    *budget;          /* n_points */
  double    *value;           /* n_points; NAN where that budget is infeasible */
  char     **change;          /* n_points (+ NULL end); what changed in the set
                               * of entered markets against the previous point,
                               * e.g. "+Japan −India", or NULL */
  double     current_budget;  /* the scenario's budget; NAN: not marked */
  guint      n_markets;
  char     **market_names;    /* n_markets + NULL end */
  guint8    *entered;         /* n_points x n_markets, row by point */
} LfSweepResult;

/* Monte Carlo: the optimal value of every feasible sample, percentiles,
 * entry frequencies, and how the nominal plan fares under the draws. */
typedef struct
{
  guint      n_samples;       /* feasible samples, the length of values */
  double    *values;          /* sorted ascending */
  double     p5;
  double     p50;
  double     p95;
  double     mean;
  double     nominal_value;   /* F* of the stated values; NAN: infeasible */
  double     overrun_probability; /* the nominal plan costs more than B */
  guint      n_drawn;         /* samples drawn, feasible or not */
  guint      n_infeasible;
  guint64    seed;
  guint      n_markets;
  char     **market_names;    /* n_markets + NULL end */
  double    *entry_frequency; /* n_markets, fractions 0..1 of feasible samples */
} LfMonteCarloResult;

/* One-at-a-time sensitivity: F* when one parameter is scaled low or high. */
typedef struct
{
  char   *label;              /* in the user's language: "China: promotion" */
  int     market;             /* -1 for a scenario-wide parameter */
  int     param;              /* LfParam, or -1 - LfRowKind for budget/caps */
  double  low_value;          /* F* at the low multiplier; NAN: infeasible */
  double  high_value;
} LfTornadoItem;

typedef struct
{
  double         base_value;
  double         low_multiplier;
  double         high_multiplier;
  guint          n_items;
  LfTornadoItem *items;       /* sorted by swing, largest first */
} LfTornadoResult;

/* How far a market's value weight (alpha) or promotion cost must be
 * multiplied before the market changes side; NAN: never. */
typedef struct
{
  gboolean entered;           /* in the nominal plan */
  double   alpha_factor;      /* multiplier on alpha at which it flips */
  double   promote_factor;    /* multiplier on promote at which it flips */
} LfThreshold;

typedef struct
{
  guint        n_markets;
  char       **market_names;
  LfThreshold *thresholds;
} LfThresholdResult;

LfSweepResult      *lf_analysis_sweep       (const LfProblem  *problem,
                                             double            from,
                                             double            to,
                                             guint             n_points,
                                             GCancellable     *cancellable,
                                             LfProgressFunc    progress,
                                             gpointer          user_data,
                                             GError          **error);
LfTornadoResult    *lf_analysis_tornado     (const LfProblem  *problem,
                                             double            low,
                                             double            high,
                                             guint             n_threads,
                                             GCancellable     *cancellable,
                                             LfProgressFunc    progress,
                                             gpointer          user_data,
                                             GError          **error);
LfMonteCarloResult *lf_analysis_monte_carlo (const LfProblem  *problem,
                                             guint             n_samples,
                                             guint64           seed,
                                             guint             n_threads,
                                             GCancellable     *cancellable,
                                             LfProgressFunc    progress,
                                             gpointer          user_data,
                                             GError          **error);
/* @progress: once per market, when both its thresholds are found. */
LfThresholdResult  *lf_analysis_thresholds  (const LfProblem  *problem,
                                             GCancellable     *cancellable,
                                             LfProgressFunc    progress,
                                             gpointer          user_data,
                                             GError          **error);

/* The markets, most often entered first, ties in the scenario's order:
 * the order in which the chart and the window list them. n_markets + 1. */
guint *lf_monte_carlo_result_order (const LfMonteCarloResult *self);

void lf_sweep_result_free       (LfSweepResult      *self);
void lf_monte_carlo_result_free (LfMonteCarloResult *self);
void lf_tornado_result_free     (LfTornadoResult    *self);
void lf_threshold_result_free   (LfThresholdResult  *self);

GQuark lf_analysis_error_quark  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfSweepResult, lf_sweep_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfMonteCarloResult, lf_monte_carlo_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfTornadoResult, lf_tornado_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfThresholdResult, lf_threshold_result_free)

G_END_DECLS
