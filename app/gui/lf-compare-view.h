/* lf-compare-view.h: the Compare page of a scenario
 *
 * Markets of the current plan side by side, and the current plan beside
 * kept plans of its scenario or other scenarios of the workspace (solved
 * and swept off the main thread), with their frontiers overlaid.
 */
#pragma once

#include <gtk/gtk.h>

#include "lf-session.h"

G_BEGIN_DECLS

#define LF_TYPE_COMPARE_VIEW (lf_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (LfCompareView, lf_compare_view, LF, COMPARE_VIEW, GtkWidget)

LfCompareView *lf_compare_view_new             (void);
void           lf_compare_view_set_session     (LfCompareView *self,
                                                LfSession     *session);
void           lf_compare_view_set_scenario    (LfCompareView *self,
                                                LfScenario    *scenario);
/* After each solve of the scenario; either may be NULL until then. */
void           lf_compare_view_set_plan        (LfCompareView *self,
                                                LfProblem     *problem,
                                                LfPlan        *plan);
void           lf_compare_view_set_money_scale (LfCompareView *self,
                                                LfMoneyScale   scale);
/* Whether a plan or scenario is still being solved or swept. */
gboolean       lf_compare_view_get_busy        (LfCompareView *self);

G_END_DECLS
