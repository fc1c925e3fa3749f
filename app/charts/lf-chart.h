/* lf-chart.h: the chart kinds of the board deck
 *
 * Each chart takes a cairo_t, a size, a theme and its data, and nothing
 * else, so the window, the exports and the tests draw the same pixels.
 * A chart with nothing to show draws an empty state that says what to do.
 * A caller that wants each mark's exact figures attaches a recorder to
 * the cairo_t first (lf-chart-hits.h); the signatures stay the same.
 */
#pragma once

#include <cairo.h>

#include "lf-chart-data.h"
#include "lf-chart-frame.h"
#include "lf-plan.h"

G_BEGIN_DECLS

typedef enum
{
  LF_CHART_ALLOCATION,
  LF_CHART_COSTS,
  LF_CHART_FRONTIER,
  LF_CHART_COMPARE,
  LF_CHART_RISK,
  LF_CHART_MONTECARLO,
  LF_CHART_TORNADO,
  LF_N_CHART_KINDS
} LfChartKind;

#define LF_CHART_COMPARE_MAX 6

/* Everything any chart may draw from; only problem and plan are needed
 * for allocation, costs, compare and risk. Borrowed, never freed here. */
typedef struct
{
  const LfProblem          *problem;
  const LfPlan             *plan;
  const LfSweepResult      *sweep;
  const LfMonteCarloResult *montecarlo;
  const LfTornadoResult    *tornado;
  const guint              *compare_markets;  /* indices into problem->markets */
  guint                     n_compare_markets;/* 0: the leading entered markets */
} LfChartInput;

void        lf_chart_allocation      (cairo_t                  *cr,
                                      double                    width,
                                      double                    height,
                                      const LfChartTheme       *theme,
                                      const LfProblem          *problem,
                                      const LfPlan             *plan);
void        lf_chart_costs           (cairo_t                  *cr,
                                      double                    width,
                                      double                    height,
                                      const LfChartTheme       *theme,
                                      const LfProblem          *problem,
                                      const LfPlan             *plan);
void        lf_chart_risk            (cairo_t                  *cr,
                                      double                    width,
                                      double                    height,
                                      const LfChartTheme       *theme,
                                      const LfProblem          *problem,
                                      const LfPlan             *plan);
void        lf_chart_compare         (cairo_t                  *cr,
                                      double                    width,
                                      double                    height,
                                      const LfChartTheme       *theme,
                                      const LfProblem          *problem,
                                      const LfPlan             *plan,
                                      const guint              *markets,
                                      guint                     n_markets);
void        lf_chart_frontier        (cairo_t                  *cr,
                                      double                    width,
                                      double                    height,
                                      const LfChartTheme       *theme,
                                      const LfSweepResult      *sweep,
                                      const char               *currency);
/* Several budget sweeps on one pair of axes, one colour and legend entry
 * each (@names[i] labels @sweeps[i]): scenarios or kept plans compared.
 * Up to LF_CHART_FRONTIERS_MAX; a NULL sweep is left out. */
#define LF_CHART_FRONTIERS_MAX 6
void        lf_chart_frontiers       (cairo_t                  *cr,
                                      double                    width,
                                      double                    height,
                                      const LfChartTheme       *theme,
                                      const LfSweepResult *const *sweeps,
                                      const char *const        *names,
                                      guint                     n_sweeps,
                                      const char               *currency);
void        lf_chart_montecarlo      (cairo_t                  *cr,
                                      double                    width,
                                      double                    height,
                                      const LfChartTheme       *theme,
                                      const LfMonteCarloResult *result);
void        lf_chart_tornado         (cairo_t                  *cr,
                                      double                    width,
                                      double                    height,
                                      const LfChartTheme       *theme,
                                      const LfTornadoResult    *result);

void        lf_chart_draw            (LfChartKind               kind,
                                      cairo_t                  *cr,
                                      double                    width,
                                      double                    height,
                                      const LfChartTheme       *theme,
                                      const LfChartInput       *input);
const char *lf_chart_kind_to_string  (LfChartKind               kind);
gboolean    lf_chart_kind_from_string (const char              *str,
                                      LfChartKind              *out_kind);
const char *lf_chart_kind_title      (LfChartKind               kind);
guint       lf_chart_default_compare (const LfProblem          *problem,
                                      const LfPlan             *plan,
                                      guint                     out[LF_CHART_COMPARE_MAX]);

G_END_DECLS
