/* lf-chart.c: the chart kinds by name, and what they share */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lf-chart-private.h"

static const char *kind_names[] = {
  "allocation", "costs", "frontier", "compare", "risk", "montecarlo", "tornado",
};

static const char *kind_titles[] = {
  N_("Reach per market"),
  N_("Cost per market"),
  N_("Value against budget"),
  N_("Markets side by side"),
  N_("Risk against value"),
  N_("Uncertainty of the value"),
  N_("What moves the value most"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == LF_N_CHART_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_titles) == LF_N_CHART_KINDS);

const char *
lf_chart_kind_to_string (LfChartKind kind)
{
  g_return_val_if_fail (kind < LF_N_CHART_KINDS, NULL);

  return kind_names[kind];
}

gboolean
lf_chart_kind_from_string (const char  *str,
                           LfChartKind *out_kind)
{
  for (guint i = 0; str != NULL && i < LF_N_CHART_KINDS; i++)
    if (g_ascii_strcasecmp (str, kind_names[i]) == 0)
      {
        if (out_kind)
          *out_kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
lf_chart_kind_title (LfChartKind kind)
{
  g_return_val_if_fail (kind < LF_N_CHART_KINDS, NULL);

  return _(kind_titles[kind]);
}

void
lf_chart_draw (LfChartKind         kind,
               cairo_t            *cr,
               double              width,
               double              height,
               const LfChartTheme *theme,
               const LfChartInput *input)
{
  const LfProblem *problem = input->problem;
  const LfPlan *plan = input->plan;
  const char *currency = problem ? problem->currency : plan ? plan->currency : "";

  g_return_if_fail (kind < LF_N_CHART_KINDS);

  switch (kind)
    {
    case LF_CHART_ALLOCATION:
      lf_chart_allocation (cr, width, height, theme, problem, plan);
      break;
    case LF_CHART_COSTS:
      lf_chart_costs (cr, width, height, theme, problem, plan);
      break;
    case LF_CHART_FRONTIER:
      lf_chart_frontier (cr, width, height, theme, input->sweep, currency);
      break;
    case LF_CHART_COMPARE:
      lf_chart_compare (cr, width, height, theme, problem, plan,
                        input->compare_markets, input->n_compare_markets);
      break;
    case LF_CHART_RISK:
      lf_chart_risk (cr, width, height, theme, problem, plan);
      break;
    case LF_CHART_MONTECARLO:
      lf_chart_montecarlo (cr, width, height, theme, input->montecarlo);
      break;
    case LF_CHART_TORNADO:
      lf_chart_tornado (cr, width, height, theme, input->tornado);
      break;
    case LF_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
missing_plan_message (const LfProblem *problem,
                      const LfPlan    *plan)
{
  if (problem == NULL || problem->n_markets == 0)
    return _("Add a market to the scenario to see this chart.");
  if (plan == NULL)
    return _("Solve the scenario to see this chart.");

  switch (plan->status)
    {
    case LF_PLAN_INFEASIBLE:
      return _("No plan meets every limit of this scenario. Move a limit named in the diagnosis, then solve again.");
    case LF_PLAN_TIME_LIMIT:
      return _("The solver ran out of time before it found a plan. Allow more time, then solve again.");
    case LF_PLAN_CANCELLED:
    case LF_PLAN_ERROR:
    case LF_PLAN_OPTIMAL:
    default:
      return _("The last solve did not finish. Solve the scenario again to see this chart.");
    }
}

/* Draws the empty state when there is no plan to chart; TRUE if it did. */
gboolean
_lf_chart_plan_missing (LfChartFrame    *frame,
                        const char      *title,
                        const LfProblem *problem,
                        const LfPlan    *plan)
{
  if (problem != NULL && problem->n_markets > 0 && plan != NULL && plan->has_solution &&
      plan->n_markets == problem->n_markets)
    return FALSE;

  lf_chart_frame_empty (frame, title, missing_plan_message (problem, plan));

  return TRUE;
}

typedef struct
{
  const LfProblem *problem;
  const LfPlan    *plan;
} OrderData;

/* Entered markets first, larger value first, then by the scenario's order. */
static int
compare_markets (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const OrderData *data = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const LfPlanMarket *mi = &data->plan->markets[i], *mj = &data->plan->markets[j];

  if (mi->entered != mj->entered)
    return mi->entered ? -1 : 1;
  if (mi->value != mj->value)
    return mi->value > mj->value ? -1 : 1;

  return i < j ? -1 : i > j;
}

guint *
_lf_chart_market_order (const LfProblem *problem,
                        const LfPlan    *plan,
                        gboolean         entered_only,
                        guint           *n_out)
{
  OrderData data = { problem, plan };
  guint *order = g_new (guint, MAX (plan->n_markets, 1));
  guint n = 0;

  for (guint i = 0; i < plan->n_markets; i++)
    if (!entered_only || plan->markets[i].entered)
      order[n++] = i;
  g_qsort_with_data (order, n, sizeof *order, compare_markets, &data);
  *n_out = n;

  return order;
}

/* The width the shown row labels need, at most max_width. */
double
_lf_chart_label_column (LfChartFrame  *frame,
                        const LfBand  *band,
                        const char   **names,
                        double         max_width)
{
  double widest = 0;

  for (guint i = 0; i < band->n; i++)
    {
      double w;

      if (!lf_band_shows_label (band, i))
        continue;
      lf_chart_text_size (frame, LF_TEXT_SMALL, names[i], &w, NULL);
      widest = MAX (widest, w);
      if (widest >= max_width)
        return max_width;
    }

  return widest;
}

/* Right-aligned names left of the rows; a thinned label gets a short
 * tick so the eye finds its row among the unlabelled ones. */
void
_lf_chart_row_labels (LfChartFrame    *frame,
                      const LfBand    *band,
                      const char     **names,
                      const gboolean  *muted,
                      double           right,
                      double           max_width)
{
  const LfChartTheme *theme = frame->theme;

  for (guint i = 0; i < band->n; i++)
    {
      double y = lf_band_center (band, i);

      if (!lf_band_shows_label (band, i))
        continue;
      lf_chart_text_draw (frame, LF_TEXT_SMALL, muted && muted[i] ? &theme->text_muted : &theme->text,
                          names[i], right - frame->em * 0.6, y, max_width, 1, 0.5);
      if (band->label_step > 1)
        {
          lf_color_set (frame->cr, &theme->axis, 1);
          cairo_set_line_width (frame->cr, 1);
          cairo_move_to (frame->cr, right - frame->em * 0.4, y);
          cairo_line_to (frame->cr, right, y);
          cairo_stroke (frame->cr);
        }
    }
}

/* What a tooltip says of a mark: "China — Promotion: 1 250 000 USD". */
char *
_lf_chart_hit_text (const char *who,
                    const char *what,
                    const char *figure)
{
  /* Translators: a chart's tooltip: who (a market), what (a figure's
   * name) and the figure, e.g. "China — Promotion: 1 250 000 USD" */
  return g_strdup_printf (_("%s — %s: %s"), who, what, figure);
}

/* The compare chart's choice when the user has made none: the entered
 * markets of largest value, or the first markets of an empty plan. */
guint
lf_chart_default_compare (const LfProblem *problem,
                          const LfPlan    *plan,
                          guint            out[LF_CHART_COMPARE_MAX])
{
  g_autofree guint *order = NULL;
  guint n;

  if (problem == NULL || plan == NULL || !plan->has_solution || plan->n_markets != problem->n_markets)
    return 0;

  order = _lf_chart_market_order (problem, plan, FALSE, &n);
  n = MIN (n, MAX (plan->markets_entered, MIN (n, 2)));
  n = MIN (n, 4);
  memcpy (out, order, n * sizeof *out);

  return n;
}
