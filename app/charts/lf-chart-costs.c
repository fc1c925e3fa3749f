/* lf-chart-costs.c: the four cost parts of each entered market, stacked,
 * under a strip that sets the total against the budget */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-private.h"

/* The order of LfCostPart; colours far apart for neighbours in a stack. */
static const LfPaletteSlot part_colors[LF_N_COST_PARTS] = {
  LF_PALETTE_BLUE, LF_PALETTE_ORANGE, LF_PALETTE_GREEN, LF_PALETTE_PURPLE,
};

static const char *part_names[LF_N_COST_PARTS] = {
  N_("Promotion"), N_("Technology transfer"), N_("Cultural integration"), N_("Legal compliance"),
};

typedef struct
{
  LfChartFrame    *frame;
  const LfProblem *problem;
  const LfPlan    *plan;
  const guint     *order;
  guint            n;
} Costs;

/* Records each part under @who, in @currency, for a recorder. */
static void
stack (LfChartFrame *frame,
       const double  parts[LF_N_COST_PARTS],
       double        x0,
       double        y,
       double        height,
       double        px_per_unit,
       const char   *who,
       const char   *currency)
{
  double x = x0;

  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    {
      double w = MAX (parts[k], 0) * px_per_unit;

      if (w <= 0)
        continue;
      lf_color_set (frame->cr, &frame->theme->palette[part_colors[k]], 1);
      cairo_rectangle (frame->cr, x, y, w, height);
      cairo_fill (frame->cr);
      if (frame->hits != NULL)
        {
          g_autofree char *amount = lf_chart_format_exact_money (parts[k], currency);
          g_autofree char *text = _lf_chart_hit_text (who, _(part_names[k]), amount);

          lf_chart_frame_hit_rect (frame, x, y, w, height, text);
        }
      x += w;
    }
}

/* Budget line across a bar, dashed, with its label above it. */
static void
budget_marker (LfChartFrame *frame,
               double        x,
               double        top,
               double        bottom,
               const char   *label,
               double        right_limit)
{
  cairo_t *cr = frame->cr;
  double w;

  lf_color_set (cr, &frame->theme->marker, 1);
  cairo_set_line_width (cr, MAX (1.5, frame->em * 0.15));
  cairo_set_dash (cr, (double[]) { frame->em * 0.35, frame->em * 0.25 }, 2, 0);
  cairo_move_to (cr, round (x), top);
  cairo_line_to (cr, round (x), bottom);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  lf_chart_text_size (frame, LF_TEXT_SMALL, label, &w, NULL);
  lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, label,
                      MIN (x - w / 2, right_limit - w), top - frame->em * 0.2, 0, 0, 1);
}

static double
strip_height (LfChartFrame *frame)
{
  return lf_chart_text_line_height (frame, LF_TEXT_SMALL) + frame->em * 3.1;
}

/* The strip on top: all markets' parts in one bar against the budget,
 * in line with the bars of the markets below it. */
static void
draw_total_strip (Costs  *c,
                  double  x0,
                  double  label_w)
{
  LfChartFrame *frame = c->frame;
  LfRect *area = &frame->area;
  const LfPlan *plan = c->plan;
  double budget = c->problem->objective == LF_OBJECTIVE_MAX_VALUE ? c->problem->budget : NAN;
  double top = area->y + lf_chart_text_line_height (frame, LF_TEXT_SMALL) + frame->em * 0.3;
  double height = frame->em * 1.6;
  double total_w, right, full;
  g_autofree char *total = lf_chart_format_money (plan->cost, plan->currency);
  g_autofree char *total_label = g_strdup_printf (_("Total %s"), total);

  lf_chart_text_draw (frame, LF_TEXT_BOLD, &frame->theme->text, _("All markets"),
                      x0 - frame->em * 0.6, top + height / 2, label_w, 1, 0.5);
  lf_chart_text_size (frame, LF_TEXT_BOLD, total_label, &total_w, NULL);
  right = area->x + area->width - total_w - frame->em * 0.8;
  full = MAX (plan->cost, isnan (budget) ? 0 : budget);
  stack (frame, plan->cost_parts, x0, top, height, full > 0 ? (right - x0) / full : 0,
         _("All markets"), plan->currency);
  lf_chart_text_draw (frame, LF_TEXT_BOLD, &frame->theme->text, total_label,
                      x0 + (full > 0 ? plan->cost / full : 0) * (right - x0) + frame->em * 0.5,
                      top + height / 2, 0, 0, 0.5);

  if (!isnan (budget) && full > 0)
    {
      g_autofree char *amount = lf_chart_format_money (budget, plan->currency);
      g_autofree char *label = g_strdup_printf (_("Budget %s"), amount);

      budget_marker (frame, x0 + budget / full * (right - x0), top - frame->em * 0.15,
                     top + height + frame->em * 0.15, label, area->x + area->width);
      if (frame->hits != NULL)
        {
          g_autofree char *exact = lf_chart_format_exact_money (budget, plan->currency);
          g_autofree char *text = g_strdup_printf (_("Budget %s"), exact);

          lf_chart_frame_hit_rect (frame, round (x0 + budget / full * (right - x0)), top - frame->em * 0.15,
                                   0, height + frame->em * 0.3, text);
        }
    }
}

static void
draw_markets (Costs *c)
{
  LfChartFrame *frame = c->frame;
  LfRect *area = &frame->area;
  g_autofree const char **names = g_new0 (const char *, c->n + 1);
  double axis_h = lf_chart_x_axis_height (frame, TRUE), top = strip_height (frame);
  double value_w, label_w, all_w, largest = 0;
  g_autofree char *title = g_strdup_printf (_("Cost per market (%s)"), c->plan->currency);
  LfBand band;
  LfScale scale;
  LfRect plot;

  for (guint r = 0; r < c->n; r++)
    {
      names[r] = c->problem->markets[c->order[r]].name;
      largest = MAX (largest, c->plan->markets[c->order[r]].cost);
    }

  lf_band_init (&band, c->n, area->y + top, area->height - top - axis_h,
                lf_chart_text_line_height (frame, LF_TEXT_SMALL), 0.66);
  band.bar = MIN (band.bar, frame->em * 2);
  label_w = _lf_chart_label_column (frame, &band, names, area->width * 0.28);
  lf_chart_text_size (frame, LF_TEXT_BOLD, _("All markets"), &all_w, NULL);
  label_w = MAX (label_w, MIN (all_w, area->width * 0.28));
  lf_chart_text_size (frame, LF_TEXT_SMALL, "999.99M", &value_w, NULL);
  plot = (LfRect) { area->x + label_w + frame->em * 0.6, area->y + top, 0, area->height - top - axis_h };
  plot.width = area->x + area->width - plot.x - value_w - frame->em * 0.5;

  draw_total_strip (c, plot.x, label_w);
  lf_scale_init (&scale, 0, largest, lf_chart_max_ticks (frame, plot.width, frame->em * 5), LF_AXIS_MONEY);
  lf_chart_x_axis (frame, &scale, &plot, title);

  for (guint r = 0; r < c->n; r++)
    {
      const LfPlanMarket *m = &c->plan->markets[c->order[r]];
      double y = lf_band_center (&band, r);

      stack (frame, m->cost_parts, plot.x, y - band.bar / 2, band.bar, plot.width / (scale.hi - scale.lo),
             names[r], c->plan->currency);
      if (band.bar >= lf_chart_text_line_height (frame, LF_TEXT_SMALL) * 0.8)
        {
          g_autofree char *label = lf_chart_format_money (m->cost, NULL);

          lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, g_strstrip (label),
                              lf_scale_map (&scale, m->cost, plot.x, plot.x + plot.width) + frame->em * 0.35,
                              y, 0, 0, 0.5);
        }
    }
  _lf_chart_row_labels (frame, &band, names, NULL, plot.x, label_w);
}

static char *
subtitle_for (const LfProblem *problem,
              const LfPlan    *plan)
{
  g_autofree char *cost = lf_chart_format_money (plan->cost, plan->currency);
  g_autofree char *budget = NULL;
  g_autofree char *used = NULL;

  if (problem->objective != LF_OBJECTIVE_MAX_VALUE || isnan (problem->budget) || problem->budget <= 0)
    return g_strdup_printf (_("Total cost %s, split into promotion, technology transfer, cultural integration and legal compliance"), cost);

  budget = lf_chart_format_money (problem->budget, plan->currency);
  used = lf_chart_format_percent (plan->cost / problem->budget);
  /* Translators: "Total cost 5.95M USD of a 6.00M USD budget (99% used)" */
  return g_strdup_printf (_("Total cost %s of a %s budget (%s used)"), cost, budget, used);
}

void
lf_chart_costs (cairo_t            *cr,
                double              width,
                double              height,
                const LfChartTheme *theme,
                const LfProblem    *problem,
                const LfPlan       *plan)
{
  LfChartFrame frame;
  Costs c = { &frame, problem, plan };
  g_autofree guint *order = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;

  lf_chart_frame_begin (&frame, cr, width, height, theme);
  if (_lf_chart_plan_missing (&frame, lf_chart_kind_title (LF_CHART_COSTS), problem, plan))
    goto out;
  if (plan->markets_entered == 0)
    {
      lf_chart_frame_empty (&frame, lf_chart_kind_title (LF_CHART_COSTS),
                            _("The plan enters no market, so it costs nothing. Raise the budget or lock a market in to see its costs."));
      goto out;
    }

  order = _lf_chart_market_order (problem, plan, TRUE, &c.n);
  c.order = order;
  subtitle = subtitle_for (problem, plan);
  lf_chart_frame_title (&frame, lf_chart_kind_title (LF_CHART_COSTS), subtitle);
  lf_chart_frame_legend (&frame, (LfLegendItem[]) {
                           { _(part_names[0]), frame.theme->palette[part_colors[0]], LF_LEGEND_BOX },
                           { _(part_names[1]), frame.theme->palette[part_colors[1]], LF_LEGEND_BOX },
                           { _(part_names[2]), frame.theme->palette[part_colors[2]], LF_LEGEND_BOX },
                           { _(part_names[3]), frame.theme->palette[part_colors[3]], LF_LEGEND_BOX },
                         }, LF_N_COST_PARTS);
  if (plan->n_markets > c.n)
    {
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u market not entered costs nothing and is left out.",
                                           "%u markets not entered cost nothing and are left out.",
                                           plan->n_markets - c.n),
                              plan->n_markets - c.n);
      lf_chart_frame_footnote (&frame, note);
    }
  draw_markets (&c);

out:
  lf_chart_frame_end (&frame);
}
