/* lf-chart-frontier.c: the best value at each budget of a sweep, the
 * current budget marked, and where the set of entered markets changes */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-private.h"

typedef struct
{
  LfChartFrame        *frame;
  const LfSweepResult *sweep;
  LfScale              xs;
  LfScale              ys;
  LfRect               plot;
} Frontier;

static double
px (Frontier *f,
    guint     i)
{
  return lf_scale_map (&f->xs, f->sweep->budget[i], f->plot.x, f->plot.x + f->plot.width);
}

static double
py (Frontier *f,
    guint     i)
{
  return lf_scale_map (&f->ys, f->sweep->value[i], f->plot.y + f->plot.height, f->plot.y);
}

static void
draw_line (Frontier *f)
{
  cairo_t *cr = f->frame->cr;
  const LfColor *blue = &f->frame->theme->palette[LF_PALETTE_BLUE];
  gboolean pen_down = FALSE;

  /* The area under the curve, lightly, so the shape reads at a glance. */
  for (guint i = 0; i < f->sweep->n_points; i++)
    {
      if (isnan (f->sweep->value[i]))
        {
          pen_down = FALSE;
          continue;
        }
      if (!pen_down)
        cairo_move_to (cr, px (f, i), py (f, i));
      else
        cairo_line_to (cr, px (f, i), py (f, i));
      pen_down = TRUE;
    }
  lf_color_set (cr, blue, 1);
  cairo_set_line_width (cr, MAX (2, f->frame->em * 0.2));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  for (guint i = 0; i < f->sweep->n_points && f->plot.width / f->sweep->n_points > f->frame->em * 0.6; i++)
    if (!isnan (f->sweep->value[i]))
      {
        cairo_arc (cr, px (f, i), py (f, i), f->frame->em * 0.22, 0, 2 * G_PI);
        cairo_fill (cr);
      }
}

static void
draw_current (Frontier *f)
{
  LfChartFrame *frame = f->frame;
  cairo_t *cr = frame->cr;
  double b = f->sweep->current_budget, x;

  if (isnan (b) || b < f->xs.lo || b > f->xs.hi)
    return;

  x = round (lf_scale_map (&f->xs, b, f->plot.x, f->plot.x + f->plot.width));
  lf_color_set (cr, &frame->theme->marker, 1);
  cairo_set_line_width (cr, MAX (1.5, frame->em * 0.15));
  cairo_set_dash (cr, (double[]) { frame->em * 0.35, frame->em * 0.25 }, 2, 0);
  cairo_move_to (cr, x, f->plot.y);
  cairo_line_to (cr, x, f->plot.y + f->plot.height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Each change gets a ring on the curve and its label, placed above-left
 * or below-right of the point, wherever it is free; a label with no free
 * place is dropped and counted. */
static guint
draw_changes (Frontier *f,
              GArray   *taken)
{
  LfChartFrame *frame = f->frame;
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL), gap = frame->em * 0.5;
  double max_w = MAX (frame->em * 6, f->plot.width * 0.3);
  guint dropped = 0;

  for (guint i = 0; i < f->sweep->n_points; i++)
    {
      const char *change = f->sweep->change[i];
      double x, y, w;
      gboolean placed = FALSE;

      if (change == NULL || *change == '\0' || isnan (f->sweep->value[i]))
        continue;
      x = px (f, i), y = py (f, i);
      lf_color_set (frame->cr, &frame->theme->palette[LF_PALETTE_VERMILLION], 1);
      cairo_set_line_width (frame->cr, MAX (1.5, frame->em * 0.15));
      cairo_arc (frame->cr, x, y, frame->em * 0.42, 0, 2 * G_PI);
      cairo_stroke (frame->cr);

      lf_chart_text_size (frame, LF_TEXT_SMALL, change, &w, NULL);
      w = MIN (w, max_w);
      {
        LfRect tries[] = {
          { x - w - gap, y - line - gap * 0.5, w, line },
          { x + gap, y + gap * 0.5, w, line },
          { x - w - gap, y + gap * 0.5, w, line },
          { x + gap, y - line - gap * 0.5, w, line },
          { x - w / 2, y - line - gap * 1.5, w, line },
          { x - w / 2, y + gap * 1.5, w, line },
        };

        for (guint t = 0; t < G_N_ELEMENTS (tries) && !placed; t++)
          {
            LfRect *r = &tries[t];

            if (r->x < f->plot.x || r->x + r->width > f->plot.x + f->plot.width ||
                r->y < f->plot.y || r->y + r->height > f->plot.y + f->plot.height ||
                lf_rect_overlaps_any (r, taken))
              continue;
            lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, change, r->x, r->y, max_w, 0, 0);
            g_array_append_val (taken, *r);
            placed = TRUE;
          }
      }
      dropped += !placed;
    }

  return dropped;
}

static void
current_label (Frontier *f,
               GArray   *taken,
               const char *currency)
{
  LfChartFrame *frame = f->frame;
  double b = f->sweep->current_budget, x, w;
  g_autofree char *amount = NULL;
  g_autofree char *label = NULL;
  LfRect r;

  if (isnan (b) || b < f->xs.lo || b > f->xs.hi)
    return;
  amount = lf_chart_format_money (b, currency);
  label = g_strdup_printf (_("Current budget %s"), amount);
  x = lf_scale_map (&f->xs, b, f->plot.x, f->plot.x + f->plot.width);
  lf_chart_text_size (frame, LF_TEXT_SMALL, label, &w, NULL);
  r = (LfRect) { x + frame->em * 0.4, f->plot.y + frame->em * 0.2, w, lf_chart_text_line_height (frame, LF_TEXT_SMALL) };
  if (r.x + w > f->plot.x + f->plot.width)
    r.x = x - frame->em * 0.4 - w;
  lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, label, r.x, r.y, 0, 0, 0);
  g_array_append_val (taken, r);
}

static void
layout (Frontier   *f,
        const char *currency)
{
  LfChartFrame *frame = f->frame;
  LfRect *area = &frame->area;
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);
  double lo_b = INFINITY, hi_b = -INFINITY, hi_v = 0, lo_v = 0;
  g_autofree char *x_title = *currency ? g_strdup_printf (_("Budget (%s)"), currency) : g_strdup (_("Budget"));

  for (guint i = 0; i < f->sweep->n_points; i++)
    {
      lo_b = MIN (lo_b, f->sweep->budget[i]);
      hi_b = MAX (hi_b, f->sweep->budget[i]);
      if (!isnan (f->sweep->value[i]))
        hi_v = MAX (hi_v, f->sweep->value[i]), lo_v = MIN (lo_v, f->sweep->value[i]);
    }
  if (!isnan (f->sweep->current_budget))
    lo_b = MIN (lo_b, f->sweep->current_budget), hi_b = MAX (hi_b, f->sweep->current_budget);

  f->plot.y = area->y + line + frame->em * 0.6;
  f->plot.height = area->height - (f->plot.y - area->y) - lf_chart_x_axis_height (frame, TRUE);
  lf_scale_init (&f->ys, lo_v, hi_v * 1.05, lf_chart_max_ticks (frame, f->plot.height, frame->em * 3), LF_AXIS_NUMBER);
  f->plot.x = area->x + lf_chart_y_axis_width (frame, &f->ys) + frame->em * 0.3;
  f->plot.width = area->x + area->width - f->plot.x - frame->em;
  lf_scale_init (&f->xs, lo_b, hi_b, lf_chart_max_ticks (frame, f->plot.width, frame->em * 5), LF_AXIS_MONEY);

  lf_chart_x_axis (frame, &f->xs, &f->plot, x_title);
  lf_chart_y_axis (frame, &f->ys, &f->plot, _("Best value"));
}

void
lf_chart_frontier (cairo_t             *cr,
                   double               width,
                   double               height,
                   const LfChartTheme  *theme,
                   const LfSweepResult *sweep,
                   const char          *currency)
{
  LfChartFrame frame;
  Frontier f = { &frame, sweep };
  const char *title = lf_chart_kind_title (LF_CHART_FRONTIER);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (LfRect));
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  guint dropped;

  lf_chart_frame_begin (&frame, cr, width, height, theme);
  if (sweep == NULL || sweep->n_points < 2)
    {
      lf_chart_frame_empty (&frame, title,
                            _("Run a budget sweep to see how the best value grows with the budget, and where the markets entered change."));
      lf_chart_frame_end (&frame);
      return;
    }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Best value at each of %u budget; rings mark where the markets entered change",
                                           "Best value at each of %u budgets; rings mark where the markets entered change",
                                           sweep->n_points), sweep->n_points);
  lf_chart_frame_title (&frame, title, subtitle);
  lf_chart_frame_legend (&frame, (LfLegendItem[]) {
                           { _("Best value"), frame.theme->palette[LF_PALETTE_BLUE], LF_LEGEND_DOT },
                           { _("Markets entered change"), frame.theme->palette[LF_PALETTE_VERMILLION], LF_LEGEND_RING },
                           { _("Current budget"), frame.theme->marker, LF_LEGEND_LINE },
                         }, 3);
  /* Room for a note under the axis, should a label find no place. */
  frame.area.height -= lf_chart_text_line_height (&frame, LF_TEXT_SMALL) + frame.em * 0.5;
  layout (&f, currency ? currency : "");
  draw_current (&f);
  draw_line (&f);
  current_label (&f, taken, currency ? currency : "");
  dropped = draw_changes (&f, taken);
  if (dropped > 0)
    {
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u more change is marked but not labelled, for lack of room.",
                                           "%u more changes are marked but not labelled, for lack of room.",
                                           dropped), dropped);
      lf_chart_text_draw (&frame, LF_TEXT_SMALL, &frame.theme->text_muted, note, frame.pad,
                          frame.height - frame.pad, frame.width - 2 * frame.pad, 0, 1);
    }
  lf_chart_frame_end (&frame);
}
