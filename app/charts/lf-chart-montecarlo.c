/* lf-chart-montecarlo.c: how the optimal value spreads over the samples
 * (P5, P50, P95 marked), and how often each market was entered */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-private.h"

typedef struct
{
  LfChartFrame             *frame;
  const LfMonteCarloResult *mc;
} MonteCarlo;

static guint *
histogram (const LfMonteCarloResult *mc,
           const LfScale            *bins,
           guint                    *n_bins,
           guint                    *largest)
{
  guint n = MAX (1, (guint) round ((bins->hi - bins->lo) / bins->step));
  guint *counts = g_new0 (guint, n);

  *largest = 0;
  for (guint s = 0; s < mc->n_samples; s++)
    {
      double v = mc->values[s];
      guint b;

      if (!isfinite (v))
        continue;
      b = (guint) CLAMP (floor ((v - bins->lo) / bins->step), 0, n - 1);
      counts[b]++;
      *largest = MAX (*largest, counts[b]);
    }
  *n_bins = n;

  return counts;
}

static void
percentile_line (LfChartFrame  *frame,
                 const LfScale *xs,
                 const LfRect  *plot,
                 double         value,
                 const char    *name,
                 guint          level,
                 gboolean       solid)
{
  cairo_t *cr = frame->cr;
  double x = round (lf_scale_map (xs, value, plot->x, plot->x + plot->width));
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);
  g_autofree char *number = lf_chart_format_number (value);
  g_autofree char *label = g_strdup_printf ("%s %s", name, number);
  double w;

  if (isnan (value))
    return;
  lf_color_set (cr, &frame->theme->marker, 1);
  cairo_set_line_width (cr, MAX (1.5, frame->em * 0.15));
  if (!solid)
    cairo_set_dash (cr, (double[]) { frame->em * 0.35, frame->em * 0.25 }, 2, 0);
  cairo_move_to (cr, x, plot->y + level * line);
  cairo_line_to (cr, x, plot->y + plot->height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  lf_chart_text_size (frame, LF_TEXT_SMALL, label, &w, NULL);
  lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, label,
                      CLAMP (x - w / 2, plot->x, plot->x + plot->width - w), plot->y + level * line, 0, 0, 1);
  if (frame->hits != NULL)
    {
      g_autofree char *exact = lf_chart_format_exact_number (value);
      g_autofree char *text = g_strdup_printf ("%s %s", name, exact);

      lf_chart_frame_hit_rect (frame, x, plot->y + level * line, 0, plot->height - level * line, text);
    }
}

/* The three labels on rows of their own when they would touch. */
static void
percentiles (MonteCarlo    *m,
             const LfScale *xs,
             const LfRect  *plot)
{
  LfChartFrame *frame = m->frame;
  double x5 = lf_scale_map (xs, m->mc->p5, plot->x, plot->x + plot->width);
  double x50 = lf_scale_map (xs, m->mc->p50, plot->x, plot->x + plot->width);
  double x95 = lf_scale_map (xs, m->mc->p95, plot->x, plot->x + plot->width);
  double need = frame->em * 6.5;
  guint l5 = 0, l50 = x50 - x5 < need ? 1 : 0, l95 = 0;

  if (x95 - x50 < need)
    l95 = l50 == 1 ? (x95 - x5 < need ? 2 : 0) : 1;
  percentile_line (frame, xs, plot, m->mc->p5, _("P5"), l5, FALSE);
  percentile_line (frame, xs, plot, m->mc->p50, _("P50"), l50, TRUE);
  percentile_line (frame, xs, plot, m->mc->p95, _("P95"), l95, FALSE);
}

static void
record_bin (MonteCarlo    *m,
            const LfScale *bins,
            guint          b,
            guint          count,
            const LfRect  *r)
{
  g_autofree char *from = lf_chart_format_exact_number (bins->lo + b * bins->step);
  g_autofree char *to = lf_chart_format_exact_number (bins->lo + (b + 1) * bins->step);
  g_autofree char *share = lf_chart_format_exact_percent ((double) count / m->mc->n_samples);
  g_autofree char *text = NULL;

  /* Translators: a histogram bar's tooltip: "Best value 7.1 to 7.2:
   * 130 samples (13%)" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Best value %s to %s: %u sample (%s)",
                                       "Best value %s to %s: %u samples (%s)",
                                       count), from, to, count, share);
  lf_chart_frame_hit_rect (m->frame, r->x, r->y, r->width, r->height, text);
}

static void
draw_histogram (MonteCarlo   *m,
                const LfRect *box)
{
  LfChartFrame *frame = m->frame;
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);
  double lo = INFINITY, hi = -INFINITY;
  g_autofree guint *counts = NULL;
  guint n_bins, largest;
  LfScale bins, xs, ys;
  LfRect plot;

  for (guint s = 0; s < m->mc->n_samples; s++)
    if (isfinite (m->mc->values[s]))
      lo = MIN (lo, m->mc->values[s]), hi = MAX (hi, m->mc->values[s]);
  lf_scale_init (&bins, lo, hi, CLAMP (m->mc->n_samples / 8, 5, 30), LF_AXIS_NUMBER);
  counts = histogram (m->mc, &bins, &n_bins, &largest);

  plot.y = box->y + line * 3.4;
  plot.height = box->height - (plot.y - box->y) - lf_chart_x_axis_height (frame, TRUE);
  lf_scale_init (&ys, 0, (double) largest / m->mc->n_samples, lf_chart_max_ticks (frame, plot.height, frame->em * 3), LF_AXIS_PERCENT);
  plot.x = box->x + lf_chart_y_axis_width (frame, &ys) + frame->em * 0.3;
  plot.width = box->x + box->width - plot.x;
  xs = bins;
  lf_scale_init (&xs, bins.lo, bins.hi, lf_chart_max_ticks (frame, plot.width, frame->em * 4.5), LF_AXIS_NUMBER);
  xs.lo = MIN (xs.lo, bins.lo);
  xs.hi = MAX (xs.hi, bins.hi);

  lf_chart_x_axis (frame, &xs, &plot, _("Best value in the sample"));
  lf_chart_y_axis (frame, &ys, &plot, _("Share of samples"));
  lf_color_set (frame->cr, &frame->theme->palette[LF_PALETTE_SKY], 1);
  for (guint b = 0; b < n_bins; b++)
    {
      double x0 = lf_scale_map (&xs, bins.lo + b * bins.step, plot.x, plot.x + plot.width);
      double x1 = lf_scale_map (&xs, bins.lo + (b + 1) * bins.step, plot.x, plot.x + plot.width);
      double y = lf_scale_map (&ys, (double) counts[b] / m->mc->n_samples, plot.y + plot.height, plot.y);
      LfRect r = { x0 + 0.5, y, MAX (x1 - x0 - 1, 0.5), plot.y + plot.height - y };

      cairo_rectangle (frame->cr, r.x, r.y, r.width, r.height);
      if (frame->hits != NULL && counts[b] > 0)
        record_bin (m, &bins, b, counts[b], &r);
    }
  cairo_fill (frame->cr);
  percentiles (m, &xs, &plot);
}

static void
draw_frequencies (MonteCarlo   *m,
                  const LfRect *box)
{
  LfChartFrame *frame = m->frame;
  const LfMonteCarloResult *mc = m->mc;
  g_autofree guint *order = lf_monte_carlo_result_order (mc);
  g_autofree const char **names = g_new0 (const char *, mc->n_markets + 1);
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL), label_w, value_w;
  double top = box->y + line * 1.4, axis_h = lf_chart_x_axis_height (frame, FALSE);
  LfBand band;
  LfScale xs;
  LfRect plot;

  for (guint r = 0; r < mc->n_markets; r++)
    names[r] = mc->market_names[order[r]];

  lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text_muted, _("How often each market is entered"),
                      box->x, box->y, box->width, 0, 0);
  lf_band_init (&band, mc->n_markets, top, box->y + box->height - top - axis_h, line, 0.66);
  band.bar = MIN (band.bar, frame->em * 2);
  label_w = _lf_chart_label_column (frame, &band, names, box->width * 0.38);
  lf_chart_text_size (frame, LF_TEXT_SMALL, "100%", &value_w, NULL);
  plot = (LfRect) { box->x + label_w + frame->em * 0.6, top, 0, band.row * band.n };
  plot.width = box->x + box->width - plot.x - value_w - frame->em * 0.4;
  lf_scale_init (&xs, 0, 1, lf_chart_max_ticks (frame, plot.width, frame->em * 4), LF_AXIS_PERCENT);
  lf_chart_x_axis (frame, &xs, &plot, NULL);

  for (guint r = 0; r < band.n && mc->n_markets > 0; r++)
    {
      double f = mc->entry_frequency[order[r]];
      double y = lf_band_center (&band, r) - band.bar / 2;
      double x1 = lf_scale_map (&xs, f, plot.x, plot.x + plot.width);

      lf_color_set (frame->cr, &frame->theme->palette[LF_PALETTE_BLUE], 1);
      cairo_rectangle (frame->cr, plot.x, y, x1 - plot.x, band.bar);
      cairo_fill (frame->cr);
      if (frame->hits != NULL)
        {
          g_autofree char *share = lf_chart_format_exact_percent (f);
          /* Translators: a chart's tooltip: "China — entered in 37% of the samples" */
          g_autofree char *text = g_strdup_printf (_("%s — entered in %s of the samples"), names[r], share);

          lf_chart_frame_hit_rect (frame, plot.x, y, x1 - plot.x, band.bar, text);
        }
      if (band.bar >= line * 0.8)
        {
          g_autofree char *label = lf_chart_format_percent (f);

          lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, label,
                              x1 + frame->em * 0.3, y + band.bar / 2, 0, 0, 0.5);
        }
    }
  _lf_chart_row_labels (frame, &band, names, NULL, plot.x, label_w);
}

static char *
subtitle_for (const LfMonteCarloResult *mc)
{
  g_autofree char *p5 = lf_chart_format_number (mc->p5);
  g_autofree char *p95 = lf_chart_format_number (mc->p95);
  g_autofree char *overrun = NULL;

  if (isnan (mc->overrun_probability))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u sample; in nine of ten the best value lies between %s and %s",
                                         "%u samples; in nine of ten the best value lies between %s and %s",
                                         mc->n_samples), mc->n_samples, p5, p95);

  overrun = lf_chart_format_percent (mc->overrun_probability);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u sample; in nine of ten the best value lies between %s and %s; the stated plan overruns the budget in %s",
                                       "%u samples; in nine of ten the best value lies between %s and %s; the stated plan overruns the budget in %s",
                                       mc->n_samples), mc->n_samples, p5, p95, overrun);
}

void
lf_chart_montecarlo (cairo_t                  *cr,
                     double                    width,
                     double                    height,
                     const LfChartTheme       *theme,
                     const LfMonteCarloResult *result)
{
  LfChartFrame frame;
  MonteCarlo m = { &frame, result };
  const char *title = lf_chart_kind_title (LF_CHART_MONTECARLO);
  g_autofree char *subtitle = NULL;
  LfRect left, right;
  double gap;

  lf_chart_frame_begin (&frame, cr, width, height, theme);
  if (result == NULL || result->n_samples == 0)
    {
      lf_chart_frame_empty (&frame, title,
                            _("Give some market parameters an uncertainty range, then run a Monte Carlo analysis to see how far the best value may move."));
      lf_chart_frame_end (&frame);
      return;
    }

  subtitle = subtitle_for (result);
  lf_chart_frame_title (&frame, title, subtitle);
  gap = frame.em * 2.5;
  left = frame.area;
  left.width = result->n_markets > 0 ? (frame.area.width - gap) * 0.58 : frame.area.width;
  right = (LfRect) { left.x + left.width + gap, frame.area.y, frame.area.width - left.width - gap, frame.area.height };
  draw_histogram (&m, &left);
  if (result->n_markets > 0)
    draw_frequencies (&m, &right);
  lf_chart_frame_end (&frame);
}
