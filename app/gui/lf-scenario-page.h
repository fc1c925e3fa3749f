/* lf-scenario-page.h: one scenario: its settings, its markets, its plan
 *
 * Re-solves on every "changed" of the scenario: on the spot when the
 * problem is small, else on a worker with the previous run cancelled.
 */
#pragma once

#include <adwaita.h>

#include "lf-analysis-view.h"
#include "lf-compare-view.h"
#include "lf-market-pane.h"
#include "lf-plan-view.h"

G_BEGIN_DECLS

/* Problems up to this many markets solve on the main thread, if they can
 * within this many seconds (about a frame); else on a worker. */
#define LF_SYNC_SOLVE_MAX_MARKETS 60
#define LF_SYNC_SOLVE_SECONDS     0.012

#define LF_TYPE_SCENARIO_PAGE (lf_scenario_page_get_type ())
G_DECLARE_FINAL_TYPE (LfScenarioPage, lf_scenario_page, LF, SCENARIO_PAGE, GtkWidget)

LfScenarioPage *lf_scenario_page_new           (GSettings      *settings,
                                                LfSession      *session);
void            lf_scenario_page_set_scenario  (LfScenarioPage *self,
                                                LfScenario     *scenario);
LfScenario     *lf_scenario_page_get_scenario  (LfScenarioPage *self);
void            lf_scenario_page_show_market   (LfScenarioPage *self,
                                                guint           position);
void            lf_scenario_page_show_overview (LfScenarioPage *self);
LfPlanView     *lf_scenario_page_get_plan_view (LfScenarioPage *self);
AdwViewStack   *lf_scenario_page_get_view_stack (LfScenarioPage *self);
LfAnalysisView *lf_scenario_page_get_analysis_view (LfScenarioPage *self);
LfCompareView  *lf_scenario_page_get_compare_view (LfScenarioPage *self);
LfPlan         *lf_scenario_page_get_plan      (LfScenarioPage *self,
                                                LfProblem     **out_problem);
LfMarketPane   *lf_scenario_page_get_market_pane (LfScenarioPage *self);
AdwFlap        *lf_scenario_page_get_flap      (LfScenarioPage *self);
void            lf_scenario_page_solve_now     (LfScenarioPage *self);

G_END_DECLS
