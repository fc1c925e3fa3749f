/* lf-analysis-text.h: the words of the What If page
 *
 * GTK-free, so the sentences of the thresholds, the change points of the
 * frontier and the tornado's figures are tested without a display.
 */
#pragma once

#include "lf-analysis.h"
#include "lf-format.h"
#include "lf-threshold-text.h"

G_BEGIN_DECLS

/* The objective for people: a value, or a cost in @scale for min_cost;
 * "No plan" for NAN. */
char       *lf_analysis_value_text       (const LfProblem         *problem,
                                          double                   value,
                                          LfMoneyScale             scale);
/* "In the plan", "Not in the plan", "Locked in", "Locked out". */
const char *lf_analysis_threshold_side   (const LfThresholdResult *result,
                                          const LfProblem         *problem,
                                          guint                    i);

/* Whether point @k of a sweep changes the markets entered, or is the first
 * budget with a plan after budgets without one. */
gboolean    lf_analysis_is_change_point  (const LfSweepResult     *sweep,
                                          guint                    k);
/* "At 3.2M USD" */
char       *lf_analysis_change_title     (const LfSweepResult     *sweep,
                                          guint                    k,
                                          const char              *currency,
                                          LfMoneyScale             scale);
/* "+ Japan, − India"; "First plan: Singapore, Japan" */
char       *lf_analysis_change_text      (const LfSweepResult     *sweep,
                                          guint                    k);

/* The distance between a bar's ends, an infeasible end counting as the
 * base, as the tornado sorts. */
double      lf_analysis_tornado_swing    (const LfTornadoResult   *tornado,
                                          const LfTornadoItem     *item);
/* "At ×0.8: 7.134 · at ×1.2: 7.85" */
char       *lf_analysis_tornado_detail   (const LfTornadoResult   *tornado,
                                          const LfTornadoItem     *item,
                                          const LfProblem         *problem,
                                          LfMoneyScale             scale);

/* "Monte Carlo: 1200 of 2000" */
char       *lf_analysis_progress_text    (const char              *what,
                                          guint                    done,
                                          guint                    total);

G_END_DECLS
