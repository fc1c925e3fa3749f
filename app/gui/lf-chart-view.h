/* lf-chart-view.h: a chart of app/charts, drawn in a widget */
#pragma once

#include <gtk/gtk.h>

#include "lf-chart.h"
#include "lf-chart-hits.h"

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
/* Borrowed: each result must stay alive until it is replaced here (or
 * the view is disposed); the owner calls this again after every change. */
void         lf_chart_view_set_analysis (LfChartView              *self,
                                     const LfSweepResult      *sweep,
                                     const LfMonteCarloResult *montecarlo,
                                     const LfTornadoResult    *tornado);
/* Draws lf_chart_frontiers() instead of the kind while @n_sweeps > 0;
 * borrowed as with lf_chart_view_set_analysis(). */
void         lf_chart_view_set_frontiers (LfChartView          *self,
                                     const LfSweepResult *const *sweeps,
                                     const char *const    *names,
                                     guint                 n_sweeps,
                                     const char           *currency);
/* 0 markets: the chart picks the leading entered ones. */
void         lf_chart_view_set_compare_markets (LfChartView *self,
                                     const guint *markets,
                                     guint        n_markets);
/* The marks of the chart last drawn, in widget coordinates: what the
 * tooltips read. */
const LfChartHits *lf_chart_view_get_hits (LfChartView *self);

G_END_DECLS
