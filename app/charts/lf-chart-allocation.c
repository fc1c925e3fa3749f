/* lf-chart-allocation.c: penetration and satisfaction reached per market,
 * each against the most that market can reach */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

typedef struct
{
  LfChartFrame    *frame;
  const LfProblem *problem;
  const LfPlan    *plan;
  const guint     *order;
  LfBand           band;
  LfScale          scale;
  LfRect           plot;
} Allocation;

static void
record_pair (Allocation *a,
             double      x0,
             double      x1,
             double      y,
             double      height,
             double      reached,
             double      reachable,
             const char *who,
             const char *what)
{
  g_autofree char *share = lf_chart_format_exact_percent (reached);
  g_autofree char *most = lf_chart_format_exact_percent (reachable);
  /* Translators: a share reached of the most it could reach, "37% of 50%" */
  g_autofree char *figure = g_strdup_printf (_("%s of %s"), share, most);
  g_autofree char *text = _lf_chart_hit_text (who, what, figure);

  lf_chart_frame_hit_rect (a->frame, x0, y, x1 - x0, height, text);
}

/* One bar over its track: the track is the reachable maximum. Returns
 * where the longer of the two ends. */
static double
draw_pair (Allocation    *a,
           double         y,
           double         height,
           double         reached,
           double         reachable,
           const LfColor *color,
           gboolean       labelled,
           const char    *who,
           const char    *what)
{
  LfChartFrame *frame = a->frame;
  cairo_t *cr = frame->cr;
  double x0 = a->plot.x;
  double radius = MIN (height * 0.3, frame->em * 0.2);
  double track_end = lf_scale_map (&a->scale, reachable, x0, a->plot.x + a->plot.width);
  double bar_end = lf_scale_map (&a->scale, reached, x0, a->plot.x + a->plot.width);

  lf_color_set (cr, &frame->theme->track, 1);
  lf_chart_rounded_rect (cr, x0, y, track_end - x0, height, radius);
  cairo_fill (cr);
  if (bar_end - x0 > 0.2)
    {
      lf_color_set (cr, color, 1);
      lf_chart_rounded_rect (cr, x0, y, bar_end - x0, height, radius);
      cairo_fill (cr);
    }
  if (a->frame->hits != NULL)
    record_pair (a, x0, MAX (track_end, bar_end), y, height, reached, reachable, who, what);

  if (labelled && height >= lf_chart_text_line_height (frame, LF_TEXT_SMALL) * 0.8)
    {
      g_autofree char *label = lf_chart_format_percent (reached);

      lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, label,
                          MAX (track_end, bar_end) + frame->em * 0.35, y + height / 2, 0, 0, 0.5);
    }

  return MAX (track_end, bar_end);
}

static void
draw_rows (Allocation *a)
{
  const LfChartTheme *theme = a->frame->theme;
  double gap = a->band.bar > 6 ? MAX (1, a->band.bar * 0.08) : 0;
  double half = (a->band.bar - gap) / 2;

  for (guint r = 0; r < a->band.n; r++)
    {
      guint i = a->order[r];
      const char *who = a->problem->markets[i].name;
      const double *v = a->problem->markets[i].v.value;
      double top = lf_band_center (&a->band, r) - a->band.bar / 2;
      gboolean entered = a->plan->markets[i].entered;
      double end;

      end = draw_pair (a, top, half, a->plan->markets[i].p, v[LF_PARAM_P_MAX],
                       &theme->palette[LF_PALETTE_BLUE], entered, who, _("Penetration"));
      end = MAX (end, draw_pair (a, top + half + gap, half, a->plan->markets[i].q, v[LF_PARAM_Q_MAX],
                                 &theme->palette[LF_PALETTE_ORANGE], entered, who, _("Satisfaction")));
      if (!entered && a->band.bar >= lf_chart_text_line_height (a->frame, LF_TEXT_SMALL) * 0.9)
        lf_chart_text_draw (a->frame, LF_TEXT_SMALL, &theme->text_muted, _("not entered"),
                            end + a->frame->em * 0.35, top + a->band.bar / 2, 0, 0, 0.5);
    }
}

static double
largest_reach (const LfProblem *problem)
{
  double top = 0;

  for (guint i = 0; i < problem->n_markets; i++)
    top = MAX (top, MAX (problem->markets[i].v.value[LF_PARAM_P_MAX], problem->markets[i].v.value[LF_PARAM_Q_MAX]));

  return top;
}

static void
layout_and_draw (Allocation *a)
{
  LfChartFrame *frame = a->frame;
  LfRect *area = &frame->area;
  g_autofree const char **names = g_new0 (const char *, a->plan->n_markets + 1);
  g_autofree gboolean *muted = g_new0 (gboolean, a->plan->n_markets + 1);
  double label_w, value_w, axis_h = lf_chart_x_axis_height (frame, TRUE);

  for (guint r = 0; r < a->plan->n_markets; r++)
    {
      names[r] = a->problem->markets[a->order[r]].name;
      muted[r] = !a->plan->markets[a->order[r]].entered;
    }

  lf_band_init (&a->band, a->plan->n_markets, area->y, area->height - axis_h,
                lf_chart_text_line_height (frame, LF_TEXT_SMALL), 0.72);
  a->band.bar = MIN (a->band.bar, frame->em * 3);
  label_w = _lf_chart_label_column (frame, &a->band, names, area->width * 0.28);
  lf_chart_text_size (frame, LF_TEXT_SMALL, "100%", &value_w, NULL);
  a->plot = (LfRect) { area->x + label_w + frame->em * 0.6, area->y,
                       0, area->height - axis_h };
  a->plot.width = area->x + area->width - a->plot.x - value_w - frame->em * 0.5;

  lf_scale_init (&a->scale, 0, largest_reach (a->problem),
                 lf_chart_max_ticks (frame, a->plot.width, frame->em * 5), LF_AXIS_PERCENT);
  lf_chart_x_axis (frame, &a->scale, &a->plot, _("Share of the market reached"));
  draw_rows (a);
  _lf_chart_row_labels (frame, &a->band, names, muted, a->plot.x, label_w);
}

void
lf_chart_allocation (cairo_t            *cr,
                     double              width,
                     double              height,
                     const LfChartTheme *theme,
                     const LfProblem    *problem,
                     const LfPlan       *plan)
{
  LfChartFrame frame;
  Allocation a = { &frame, problem, plan };
  g_autofree guint *order = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  lf_chart_frame_begin (&frame, cr, width, height, theme);
  if (_lf_chart_plan_missing (&frame, lf_chart_kind_title (LF_CHART_ALLOCATION), problem, plan))
    {
      lf_chart_frame_end (&frame);
      return;
    }

  order = _lf_chart_market_order (problem, plan, FALSE, &n);
  a.order = order;
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u market entered; the pale track is the most each can reach",
                                           "%u of %u markets entered; the pale track is the most each can reach",
                                           plan->n_markets),
                              plan->markets_entered, plan->n_markets);
  lf_chart_frame_title (&frame, lf_chart_kind_title (LF_CHART_ALLOCATION), subtitle);
  lf_chart_frame_legend (&frame, (LfLegendItem[]) {
                           { _("Penetration"), frame.theme->palette[LF_PALETTE_BLUE], LF_LEGEND_BOX },
                           { _("Satisfaction"), frame.theme->palette[LF_PALETTE_ORANGE], LF_LEGEND_BOX },
                           { _("Most it can reach"), frame.theme->track, LF_LEGEND_BOX },
                         }, 3);
  if (plan->markets_entered < plan->n_markets)
    lf_chart_frame_footnote (&frame, _("Markets named in grey are not entered."));
  layout_and_draw (&a);
  lf_chart_frame_end (&frame);
}
