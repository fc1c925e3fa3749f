/* lf-chart-view.h: a chart of app/charts, drawn in a widget */
#pragma once

#include <gtk/gtk.h>

#include "lf-chart.h"

G_BEGIN_DECLS

#define LF_TYPE_CHART_VIEW (lf_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LfChartView, lf_chart_view, LF, CHART_VIEW, GtkWidget)

LfChartView *lf_chart_view_new      (void);
void         lf_chart_view_set_kind (LfChartView *self,
                                     LfChartKind  kind);
LfChartKind  lf_chart_view_get_kind (LfChartView *self);
void         lf_chart_view_set_plan (LfChartView *self,
                                     LfProblem   *problem,
                                     LfPlan      *plan);

G_END_DECLS
