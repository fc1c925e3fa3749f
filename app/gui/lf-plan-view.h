/* lf-plan-view.h: the plan of the current scenario: headline, diagnosis,
 * allocation chart and table */
#pragma once

#include <adwaita.h>

#include "lf-plan-summary.h"
#include "lf-session.h"

G_BEGIN_DECLS

#define LF_TYPE_PLAN_VIEW (lf_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (LfPlanView, lf_plan_view, LF, PLAN_VIEW, GtkWidget)

LfPlanView *lf_plan_view_new             (void);
void        lf_plan_view_set_plan        (LfPlanView   *self,
                                          LfPlan       *plan,
                                          LfProblem    *problem,
                                          LfScenario   *scenario);
void        lf_plan_view_set_session     (LfPlanView   *self,
                                          LfSession    *session);
void        lf_plan_view_set_busy        (LfPlanView   *self,
                                          gboolean      busy);
void        lf_plan_view_set_money_scale (LfPlanView   *self,
                                          LfMoneyScale  scale);
const LfPlanSummary *
            lf_plan_view_get_summary     (LfPlanView   *self);

G_END_DECLS
