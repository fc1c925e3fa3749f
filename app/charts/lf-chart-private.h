/* lf-chart-private.h: helpers the chart kinds share */
#pragma once

#include "lf-chart.h"

G_BEGIN_DECLS

gboolean  _lf_chart_plan_missing   (LfChartFrame    *frame,
                                    const char      *title,
                                    const LfProblem *problem,
                                    const LfPlan    *plan);
guint    *_lf_chart_market_order   (const LfProblem *problem,
                                    const LfPlan    *plan,
                                    gboolean         entered_only,
                                    guint           *n_out);
double    _lf_chart_label_column   (LfChartFrame    *frame,
                                    const LfBand    *band,
                                    const char     **names,
                                    double           max_width);
void      _lf_chart_row_labels     (LfChartFrame    *frame,
                                    const LfBand    *band,
                                    const char     **names,
                                    const gboolean  *muted,
                                    double           right,
                                    double           max_width);
char     *_lf_chart_hit_text       (const char      *who,
                                    const char      *what,
                                    const char      *figure);

G_END_DECLS
