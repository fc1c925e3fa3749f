/* lf-chart-tornado.c: how far the best value moves when one parameter
 * is scaled low or high, the largest swing on top */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-private.h"

/* An end that makes the programme infeasible is the largest swing of all. */
static double
swing (const LfTornadoItem *item)
{
  if (isnan (item->low_value) || isnan (item->high_value))
    return INFINITY;

  return fabs (item->high_value - item->low_value);
}

static int
by_swing (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  const LfTornadoItem *items = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double si = swing (&items[i]), sj = swing (&items[j]);

  if (si != sj)
    return si > sj ? -1 : 1;
  return i < j ? -1 : i > j;
}

typedef struct
{
  LfChartFrame          *frame;
  const LfTornadoResult *t;
  LfScale                xs;
  LfRect                 plot;
  LfBand                 band;
} Tornado;

static double
tx (Tornado *t,
    double   value)
{
  return lf_scale_map (&t->xs, value, t->plot.x, t->plot.x + t->plot.width);
}

static void
record_bar (Tornado      *t,
            const char   *label,
            double        multiplier,
            double        value,
            const LfRect *r)
{
  double delta = value - t->t->base_value;
  g_autofree char *times = lf_chart_format_number (multiplier);
  g_autofree char *number = lf_chart_format_exact_number (value);
  g_autofree char *change = lf_chart_format_exact_number (fabs (delta));
  g_autofree char *text = NULL;

  /* Translators: a tornado chart's tooltip: "China: alpha at × 0.8:
   * best value 6.8197 (−0.70003)" */
  text = g_strdup_printf (_("%s at × %s: best value %s (%s%s)"), label, times, number,
                          delta >= 0 ? "+" : "−", change);
  lf_chart_frame_hit_rect (t->frame, r->x, r->y, r->width, r->height, text);
}

/* The bar from the base to one end, and the change at its tip. */
static void
bar (Tornado             *t,
     const LfTornadoItem *item,
     gboolean             high,
     double               y,
     const LfColor       *color)
{
  LfChartFrame *frame = t->frame;
  double value = high ? item->high_value : item->low_value;
  double x0 = tx (t, t->t->base_value), x1 = tx (t, value);
  double delta = value - t->t->base_value;
  LfRect r = { MIN (x0, x1), y - t->band.bar / 2, MAX (fabs (x1 - x0), 1), t->band.bar };
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;

  lf_color_set (frame->cr, color, 1);
  cairo_rectangle (frame->cr, r.x, r.y, r.width, r.height);
  cairo_fill (frame->cr);
  if (frame->hits != NULL)
    record_bar (t, item->label, high ? t->t->high_multiplier : t->t->low_multiplier, value, &r);

  if (t->band.bar < lf_chart_text_line_height (frame, LF_TEXT_SMALL) * 0.8 || fabs (delta) < 1e-12)
    return;
  number = lf_chart_format_number (fabs (delta));
  label = g_strdup_printf ("%s%s", delta > 0 ? "+" : "−", number);
  lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, label,
                      x1 + (x1 >= x0 ? 1 : -1) * frame->em * 0.3, y, 0, x1 >= x0 ? 0 : 1, 0.5);
}

/* No bar where a multiplier makes the plan infeasible: a note instead,
 * on the side the other bar leaves free. */
static void
infeasible_note (Tornado *t,
                 double   other,
                 double   multiplier,
                 double   y)
{
  LfChartFrame *frame = t->frame;
  double x0 = tx (t, t->t->base_value);
  gboolean left = !isnan (other) && other > t->t->base_value;
  g_autofree char *number = lf_chart_format_number (multiplier);
  g_autofree char *note = g_strdup_printf (_("infeasible at × %s"), number);

  lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text_muted, note,
                      x0 + (left ? -1 : 1) * frame->em * 0.4, y, 0, left ? 1 : 0, 0.5);
}

static void
draw_rows (Tornado     *t,
           const guint *order)
{
  const LfChartTheme *theme = t->frame->theme;

  for (guint r = 0; r < t->band.n; r++)
    {
      const LfTornadoItem *item = &t->t->items[order[r]];
      double y = lf_band_center (&t->band, r);
      double lo = fabs (item->low_value - t->t->base_value), hi = fabs (item->high_value - t->t->base_value);

      if (isnan (item->low_value) || isnan (item->high_value))
        {
          if (!isnan (item->low_value))
            bar (t, item, FALSE, y, &theme->palette[LF_PALETTE_BLUE]);
          if (!isnan (item->high_value))
            bar (t, item, TRUE, y, &theme->palette[LF_PALETTE_ORANGE]);
          if (isnan (item->low_value))
            infeasible_note (t, item->high_value, t->t->low_multiplier, y);
          if (isnan (item->high_value))
            infeasible_note (t, item->low_value, t->t->high_multiplier, y);
          continue;
        }
      /* The farther end first, so a nearer one on the same side shows. */
      if (lo >= hi)
        {
          bar (t, item, FALSE, y, &theme->palette[LF_PALETTE_BLUE]);
          bar (t, item, TRUE, y, &theme->palette[LF_PALETTE_ORANGE]);
        }
      else
        {
          bar (t, item, TRUE, y, &theme->palette[LF_PALETTE_ORANGE]);
          bar (t, item, FALSE, y, &theme->palette[LF_PALETTE_BLUE]);
        }
    }
}

static void
base_line (Tornado *t)
{
  LfChartFrame *frame = t->frame;
  double x = round (tx (t, t->t->base_value));
  g_autofree char *number = lf_chart_format_number (t->t->base_value);
  g_autofree char *label = g_strdup_printf (_("Base %s"), number);

  lf_color_set (frame->cr, &frame->theme->marker, 1);
  cairo_set_line_width (frame->cr, MAX (1.5, frame->em * 0.12));
  cairo_move_to (frame->cr, x, t->plot.y - frame->em * 0.2);
  cairo_line_to (frame->cr, x, t->plot.y + t->plot.height);
  cairo_stroke (frame->cr);
  lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, label, x, t->plot.y - frame->em * 0.3, 0, 0.5, 1);
  if (frame->hits != NULL)
    {
      g_autofree char *exact = lf_chart_format_exact_number (t->t->base_value);
      g_autofree char *text = g_strdup_printf (_("Base %s"), exact);

      lf_chart_frame_hit_rect (frame, x, t->plot.y - frame->em * 0.2, 0, t->plot.height + frame->em * 0.2, text);
    }
}

/* Only as many rows as carry a readable name: the rest are the smallest
 * swings, counted in a note. */
static guint
rows_that_fit (LfChartFrame *frame,
               guint         n,
               double        height)
{
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);

  return MIN (n, MAX (1, (guint) floor (height / (line * 1.15))));
}

static void
layout_and_draw (Tornado     *t,
                 const guint *order,
                 guint        shown)
{
  LfChartFrame *frame = t->frame;
  LfRect *area = &frame->area;
  g_autofree const char **names = g_new0 (const char *, shown + 1);
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL), label_w, value_w;
  double lo = t->t->base_value, hi = t->t->base_value, axis_h = lf_chart_x_axis_height (frame, TRUE);
  double top = area->y + line + frame->em * 0.4;

  for (guint r = 0; r < shown; r++)
    {
      const LfTornadoItem *item = &t->t->items[order[r]];

      names[r] = item->label;
      /* fmin and fmax pass over an infeasible (NAN) end. */
      lo = fmin (lo, fmin (item->low_value, item->high_value));
      hi = fmax (hi, fmax (item->low_value, item->high_value));
    }
  lf_band_init (&t->band, shown, top, area->y + area->height - axis_h - top, line, 0.62);
  t->band.bar = MIN (t->band.bar, frame->em * 2);
  label_w = _lf_chart_label_column (frame, &t->band, names, area->width * 0.32);
  lf_chart_text_size (frame, LF_TEXT_SMALL, "+9.99", &value_w, NULL);
  t->plot = (LfRect) { area->x + label_w + frame->em * 0.6 + value_w, top, 0, t->band.row * t->band.n };
  t->plot.width = area->x + area->width - t->plot.x - value_w - frame->em * 0.6;
  lf_scale_init (&t->xs, lo, hi, lf_chart_max_ticks (frame, t->plot.width, frame->em * 4.5), LF_AXIS_NUMBER);

  lf_chart_x_axis (frame, &t->xs, &t->plot, _("Best value"));
  draw_rows (t, order);
  base_line (t);
  _lf_chart_row_labels (frame, &t->band, names, NULL, area->x + label_w + frame->em * 0.6, label_w);
}

void
lf_chart_tornado (cairo_t               *cr,
                  double                 width,
                  double                 height,
                  const LfChartTheme    *theme,
                  const LfTornadoResult *result)
{
  LfChartFrame frame;
  Tornado t = { &frame, result };
  const char *title = lf_chart_kind_title (LF_CHART_TORNADO);
  g_autofree guint *order = NULL;
  g_autofree char *low = NULL, *high = NULL, *low_label = NULL, *high_label = NULL;
  guint shown;

  lf_chart_frame_begin (&frame, cr, width, height, theme);
  if (result == NULL || result->n_items == 0 || isnan (result->base_value))
    {
      lf_chart_frame_empty (&frame, title,
                            _("Run a sensitivity analysis to see which parameters move the best value most."));
      lf_chart_frame_end (&frame);
      return;
    }

  order = g_new (guint, result->n_items);
  for (guint i = 0; i < result->n_items; i++)
    order[i] = i;
  g_qsort_with_data (order, result->n_items, sizeof *order, by_swing, result->items);

  low = lf_chart_format_number (result->low_multiplier);
  high = lf_chart_format_number (result->high_multiplier);
  low_label = g_strdup_printf (_("Parameter × %s"), low);
  high_label = g_strdup_printf (_("Parameter × %s"), high);
  lf_chart_frame_title (&frame, title, _("Change in the best value when one parameter moves and the rest stay put; largest swing on top"));
  lf_chart_frame_legend (&frame, (LfLegendItem[]) {
                           { low_label, frame.theme->palette[LF_PALETTE_BLUE], LF_LEGEND_BOX },
                           { high_label, frame.theme->palette[LF_PALETTE_ORANGE], LF_LEGEND_BOX },
                         }, 2);
  shown = rows_that_fit (&frame, result->n_items, frame.area.height - lf_chart_x_axis_height (&frame, TRUE) * 2);
  if (shown < result->n_items)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u smaller swing not shown.",
                                                            "%u smaller swings not shown.",
                                                            result->n_items - shown),
                                               result->n_items - shown);

      lf_chart_frame_footnote (&frame, note);
    }
  layout_and_draw (&t, order, shown);
  lf_chart_frame_end (&frame);
}
