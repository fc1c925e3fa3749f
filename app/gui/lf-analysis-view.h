/* lf-analysis-view.h: the What If page of a scenario: budget frontier,
 * entry thresholds, tornado and Monte Carlo, run off the main thread */
#pragma once

#include <adwaita.h>

#include "lf-analysis.h"
#include "lf-format.h"

G_BEGIN_DECLS

#define LF_TYPE_ANALYSIS_VIEW (lf_analysis_view_get_type ())
G_DECLARE_FINAL_TYPE (LfAnalysisView, lf_analysis_view, LF, ANALYSIS_VIEW, GtkWidget)

LfAnalysisView *lf_analysis_view_new             (void);
/* After every solve of the scenario; a problem that differs from the last
 * one marks the results out of date and sweeps the budgets again. */
void            lf_analysis_view_set_problem     (LfAnalysisView             *self,
                                                  LfProblem                  *problem,
                                                  LfPlan                     *plan);
void            lf_analysis_view_set_money_scale (LfAnalysisView             *self,
                                                  LfMoneyScale                scale);
/* The finished results of the current problem, NULL where not run or out
 * of date; owned by the view until its next change. TRUE if any. */
gboolean        lf_analysis_view_get_current     (LfAnalysisView             *self,
                                                  const LfSweepResult       **sweep,
                                                  const LfTornadoResult     **tornado,
                                                  const LfMonteCarloResult  **montecarlo);
/* Whether an analysis is running now (for tests and the window's close). */
gboolean        lf_analysis_view_is_busy         (LfAnalysisView             *self);

G_END_DECLS
