/* lf-chart-export.h: save the chart on show for a slide deck */
#pragma once

#include <gtk/gtk.h>

#include "lf-chart.h"

G_BEGIN_DECLS

typedef enum
{
  LF_SLIDE_16_9,
  LF_SLIDE_4_3,
} LfSlideShape;

void lf_chart_export_ask (GtkWidget    *parent,
                          LfChartKind   kind,
                          LfProblem    *problem,
                          LfPlan       *plan,
                          LfSlideShape  shape);

G_END_DECLS
