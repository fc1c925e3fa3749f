/* lf-chart-compare.c: two to six markets side by side, one small panel
 * per figure, each on its own scale */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-private.h"

typedef enum
{
  METRIC_VALUE,
  METRIC_COST,
  METRIC_PENETRATION,
  METRIC_SATISFACTION,
  METRIC_RISK,
  METRIC_STAFF,
  METRIC_PROMOTE,
  METRIC_LEGAL_FIXED,
  N_METRICS
} Metric;

static const struct
{
  const char *title;
  LfAxisUnit  unit;
} metrics[N_METRICS] = {
  { N_("Value in the plan"), LF_AXIS_NUMBER },
  { N_("Cost in the plan"), LF_AXIS_MONEY },
  { N_("Penetration (of most reachable)"), LF_AXIS_PERCENT },
  { N_("Satisfaction (of most reachable)"), LF_AXIS_PERCENT },
  { N_("Risk exposure"), LF_AXIS_NUMBER },
  { N_("Staff"), LF_AXIS_NUMBER },
  { N_("Promotion cost per unit of penetration"), LF_AXIS_MONEY },
  { N_("Legal set-up cost"), LF_AXIS_MONEY },
};

static const LfPaletteSlot market_colors[LF_CHART_COMPARE_MAX] = {
  LF_PALETTE_BLUE, LF_PALETTE_ORANGE, LF_PALETTE_GREEN,
  LF_PALETTE_PURPLE, LF_PALETTE_VERMILLION, LF_PALETTE_SKY,
};

/* The figure and, for shares, the most reachable (a track); else NAN. */
static double
metric_value (Metric           metric,
              const LfProblem *problem,
              const LfPlan    *plan,
              guint            i,
              double          *reachable)
{
  const LfPlanMarket *m = &plan->markets[i];
  const double *v = problem->markets[i].v.value;

  *reachable = NAN;
  switch (metric)
    {
    case METRIC_VALUE: return m->value;
    case METRIC_COST: return m->cost;
    case METRIC_PENETRATION: *reachable = v[LF_PARAM_P_MAX]; return m->p;
    case METRIC_SATISFACTION: *reachable = v[LF_PARAM_Q_MAX]; return m->q;
    case METRIC_RISK: return m->risk;
    case METRIC_STAFF: return m->headcount;
    case METRIC_PROMOTE: return v[LF_PARAM_PROMOTE];
    case METRIC_LEGAL_FIXED: return v[LF_PARAM_LEGAL_FIXED];
    case N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

static char *
metric_label (Metric       metric,
              double       value,
              const char  *currency)
{
  switch (metrics[metric].unit)
    {
    case LF_AXIS_MONEY: return lf_chart_format_money (value, currency);
    case LF_AXIS_PERCENT: return lf_chart_format_percent (value);
    case LF_AXIS_NUMBER:
    default: return lf_chart_format_number (value);
    }
}

static char *
metric_exact (Metric      metric,
              double      value,
              const char *currency)
{
  switch (metrics[metric].unit)
    {
    case LF_AXIS_MONEY: return lf_chart_format_exact_money (value, currency);
    case LF_AXIS_PERCENT: return lf_chart_format_exact_percent (value);
    case LF_AXIS_NUMBER:
    default: return lf_chart_format_exact_number (value);
    }
}

typedef struct
{
  LfChartFrame    *frame;
  const LfProblem *problem;
  const LfPlan    *plan;
  const guint     *markets;
  guint            n;
} Compare;

static void
record_cell (Compare *c,
             Metric   metric,
             guint    k,
             double   value,
             double   reachable,
             double   x,
             double   y,
             double   width,
             double   height)
{
  g_autofree char *figure = metric_exact (metric, value, c->plan->currency);
  g_autofree char *text = NULL;

  if (!isnan (reachable))
    {
      g_autofree char *share = g_steal_pointer (&figure);
      g_autofree char *most = metric_exact (metric, reachable, c->plan->currency);

      figure = g_strdup_printf (_("%s of %s"), share, most);
    }
  text = _lf_chart_hit_text (c->problem->markets[c->markets[k]].name, _(metrics[metric].title), figure);
  lf_chart_frame_hit_rect (c->frame, x, y, width, height, text);
}

static void
draw_panel (Compare      *c,
            Metric        metric,
            const LfRect *box)
{
  LfChartFrame *frame = c->frame;
  const LfChartTheme *theme = frame->theme;
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);
  double value_w, largest = 0, bars_top = box->y + line * 1.3;
  LfBand band;

  lf_chart_text_draw (frame, LF_TEXT_SMALL, &theme->text_muted, _(metrics[metric].title),
                      box->x, box->y, box->width, 0, 0);
  for (guint k = 0; k < c->n; k++)
    {
      double reach, v = metric_value (metric, c->problem, c->plan, c->markets[k], &reach);

      largest = MAX (largest, isnan (reach) ? v : MAX (v, reach));
    }
  /* Room for the widest figure as it reads in this language ("2.58百万
   * USD" is wider than "2.58M USD"), up to a little under half the panel. */
  value_w = 0;
  for (guint k = 0; k < c->n; k++)
    {
      double reach, w, v = metric_value (metric, c->problem, c->plan, c->markets[k], &reach);
      g_autofree char *label = metric_label (metric, v, c->plan->currency);

      lf_chart_text_size (frame, LF_TEXT_SMALL, label, &w, NULL);
      value_w = MAX (value_w, w + frame->em * 0.2);
    }
  value_w = MIN (value_w, box->width * 0.45);
  lf_band_init (&band, c->n, bars_top, box->y + box->height - bars_top, 0, 0.72);
  band.bar = MIN (band.bar, frame->em * 1.8);

  for (guint k = 0; k < c->n; k++)
    {
      double reach, v = metric_value (metric, c->problem, c->plan, c->markets[k], &reach);
      double span = box->width - value_w - frame->em * 0.4;
      double y = lf_band_center (&band, k) - band.bar / 2;
      g_autofree char *label = metric_label (metric, v, c->plan->currency);

      if (!isnan (reach) && largest > 0)
        {
          lf_color_set (frame->cr, &theme->track, 1);
          lf_chart_rounded_rect (frame->cr, box->x, y, span * reach / largest, band.bar, frame->em * 0.15);
          cairo_fill (frame->cr);
        }
      if (largest > 0 && v > 0)
        {
          lf_color_set (frame->cr, &theme->palette[market_colors[k]], 1);
          lf_chart_rounded_rect (frame->cr, box->x, y, MAX (1, span * v / largest), band.bar, frame->em * 0.15);
          cairo_fill (frame->cr);
        }
      if (frame->hits != NULL)
        record_cell (c, metric, k, v, reach, box->x, y,
                     MAX (1, largest > 0 ? span * MAX (v, isnan (reach) ? v : reach) / largest : 0), band.bar);
      if (band.bar >= line * 0.75)
        lf_chart_text_draw (frame, LF_TEXT_SMALL, &theme->text, label,
                            box->x + (largest > 0 ? span * MAX (v, isnan (reach) ? v : reach) / largest : 0) + frame->em * 0.3,
                            y + band.bar / 2, value_w, 0, 0.5);
    }
}

/* Four panels a row on a wide canvas, two on a narrow one. */
static void
draw_panels (Compare *c)
{
  LfRect *area = &c->frame->area;
  guint columns = area->width / MAX (area->height, 1) > 1.2 ? 4 : 2;
  guint rows = (N_METRICS + columns - 1) / columns;
  double gap_x = c->frame->em * 2, gap_y = c->frame->em * 1.2;
  double w = (area->width - gap_x * (columns - 1)) / columns;
  double h = (area->height - gap_y * (rows - 1)) / rows;

  for (guint m = 0; m < N_METRICS; m++)
    {
      LfRect box = { area->x + (m % columns) * (w + gap_x), area->y + (m / columns) * (h + gap_y), w, h };

      draw_panel (c, m, &box);
    }
}

void
lf_chart_compare (cairo_t            *cr,
                  double              width,
                  double              height,
                  const LfChartTheme *theme,
                  const LfProblem    *problem,
                  const LfPlan       *plan,
                  const guint        *markets,
                  guint               n_markets)
{
  LfChartFrame frame;
  LfLegendItem legend[LF_CHART_COMPARE_MAX];
  guint chosen[LF_CHART_COMPARE_MAX];
  Compare c = { &frame, problem, plan, chosen, 0 };
  const char *title = lf_chart_kind_title (LF_CHART_COMPARE);

  lf_chart_frame_begin (&frame, cr, width, height, theme);
  if (_lf_chart_plan_missing (&frame, title, problem, plan))
    goto out;

  for (guint k = 0; markets != NULL && k < n_markets && c.n < LF_CHART_COMPARE_MAX; k++)
    if (markets[k] < problem->n_markets)
      chosen[c.n++] = markets[k];
  if (markets == NULL || n_markets == 0)
    c.n = lf_chart_default_compare (problem, plan, chosen);
  if (c.n < 2)
    {
      lf_chart_frame_empty (&frame, title, _("Choose two to six markets to compare them side by side."));
      goto out;
    }

  for (guint k = 0; k < c.n; k++)
    legend[k] = (LfLegendItem) { problem->markets[chosen[k]].name, frame.theme->palette[market_colors[k]], LF_LEGEND_BOX };
  lf_chart_frame_title (&frame, title, _("Each figure on its own scale; the pale track is the most a market can reach"));
  lf_chart_frame_legend (&frame, legend, c.n);
  draw_panels (&c);

out:
  lf_chart_frame_end (&frame);
}
