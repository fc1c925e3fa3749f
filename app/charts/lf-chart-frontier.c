/* lf-chart-frontier.c: the best value at each budget of a sweep, the
 * current budget marked, and where the set of entered markets changes */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-private.h"

/* The colours of the sweeps of an overlay, in the order given. */
static const LfPaletteSlot sweep_colors[LF_CHART_FRONTIERS_MAX] = {
  LF_PALETTE_BLUE, LF_PALETTE_ORANGE, LF_PALETTE_GREEN,
  LF_PALETTE_PURPLE, LF_PALETTE_VERMILLION, LF_PALETTE_SKY,
};

typedef struct
{
  double lo_b, hi_b, lo_v, hi_v;
} Bounds;

typedef struct
{
  LfChartFrame        *frame;
  const LfSweepResult *sweep;     /* the one being drawn */
  const char          *name;      /* its name in an overlay, else NULL */
  const char          *currency;
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

/* "Budget 4 000 000 USD → value 7.5197", the change on a line of its
 * own, the sweep's name first in an overlay. */
static char *
point_text (Frontier *f,
            guint     i)
{
  g_autofree char *budget = lf_chart_format_exact_money (f->sweep->budget[i], f->currency);
  g_autofree char *value = lf_chart_format_exact_number (f->sweep->value[i]);
  const char *change = f->sweep->change[i];
  GString *text = g_string_new (f->name);

  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* Translators: a tooltip on a point of the budget sweep chart */
  g_string_append_printf (text, _("Budget %s → value %s"), budget, value);
  if (change != NULL && *change != '\0')
    g_string_append_printf (text, "\n%s", change);

  return g_string_free (text, FALSE);
}

static void
record_points (Frontier *f)
{
  double radius = MIN (f->frame->em * 0.6, f->plot.width / f->sweep->n_points / 2);

  for (guint i = 0; i < f->sweep->n_points; i++)
    if (!isnan (f->sweep->value[i]))
      {
        g_autofree char *text = point_text (f, i);

        lf_chart_frame_hit_circle (f->frame, px (f, i), py (f, i), radius, text);
      }
}

static void
draw_line (Frontier      *f,
           const LfColor *color)
{
  cairo_t *cr = f->frame->cr;
  gboolean pen_down = FALSE;

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
  lf_color_set (cr, color, 1);
  cairo_set_line_width (cr, MAX (2, f->frame->em * 0.2));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  for (guint i = 0; i < f->sweep->n_points && f->plot.width / f->sweep->n_points > f->frame->em * 0.6; i++)
    if (!isnan (f->sweep->value[i]))
      {
        cairo_arc (cr, px (f, i), py (f, i), f->frame->em * 0.22, 0, 2 * G_PI);
        cairo_fill (cr);
      }
  if (f->frame->hits != NULL)
    record_points (f);
}

static gboolean
current_shown (Frontier *f)
{
  double b = f->sweep->current_budget;

  return !isnan (b) && b >= f->xs.lo && b <= f->xs.hi;
}

static void
draw_current (Frontier *f)
{
  LfChartFrame *frame = f->frame;
  cairo_t *cr = frame->cr;
  double x;

  if (!current_shown (f))
    return;

  x = round (lf_scale_map (&f->xs, f->sweep->current_budget, f->plot.x, f->plot.x + f->plot.width));
  lf_color_set (cr, &frame->theme->marker, 1);
  cairo_set_line_width (cr, MAX (1.5, frame->em * 0.15));
  cairo_set_dash (cr, (double[]) { frame->em * 0.35, frame->em * 0.25 }, 2, 0);
  cairo_move_to (cr, x, f->plot.y);
  cairo_line_to (cr, x, f->plot.y + f->plot.height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (frame->hits != NULL)
    {
      g_autofree char *amount = lf_chart_format_exact_money (f->sweep->current_budget, f->currency);
      g_autofree char *text = g_strdup_printf (_("Current budget %s"), amount);

      lf_chart_frame_hit_rect (frame, x, f->plot.y, 0, f->plot.height, text);
    }
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
            if (frame->hits != NULL)
              {
                g_autofree char *text = point_text (f, i);

                lf_chart_frame_hit_rect (frame, r->x, r->y, r->width, r->height, text);
              }
          }
      }
      dropped += !placed;
    }

  return dropped;
}

static void
current_label (Frontier *f,
               GArray   *taken)
{
  LfChartFrame *frame = f->frame;
  double b = f->sweep->current_budget, x, w;
  g_autofree char *amount = NULL;
  g_autofree char *label = NULL;
  LfRect r;

  if (!current_shown (f))
    return;
  amount = lf_chart_format_money (b, f->currency);
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
bounds_add (Bounds              *bounds,
            const LfSweepResult *sweep)
{
  for (guint i = 0; i < sweep->n_points; i++)
    {
      bounds->lo_b = MIN (bounds->lo_b, sweep->budget[i]);
      bounds->hi_b = MAX (bounds->hi_b, sweep->budget[i]);
      if (!isnan (sweep->value[i]))
        bounds->hi_v = MAX (bounds->hi_v, sweep->value[i]), bounds->lo_v = MIN (bounds->lo_v, sweep->value[i]);
    }
  if (!isnan (sweep->current_budget))
    bounds->lo_b = MIN (bounds->lo_b, sweep->current_budget), bounds->hi_b = MAX (bounds->hi_b, sweep->current_budget);
}

/* Axes that hold every sweep of @bounds. */
static void
layout (Frontier     *f,
        const Bounds *bounds)
{
  LfChartFrame *frame = f->frame;
  LfRect *area = &frame->area;
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);
  g_autofree char *x_title = *f->currency ? g_strdup_printf (_("Budget (%s)"), f->currency) : g_strdup (_("Budget"));

  f->plot.y = area->y + line + frame->em * 0.6;
  f->plot.height = area->height - (f->plot.y - area->y) - lf_chart_x_axis_height (frame, TRUE);
  lf_scale_init (&f->ys, bounds->lo_v, bounds->hi_v * 1.05,
                 lf_chart_max_ticks (frame, f->plot.height, frame->em * 3), LF_AXIS_NUMBER);
  f->plot.x = area->x + lf_chart_y_axis_width (frame, &f->ys) + frame->em * 0.3;
  f->plot.width = area->x + area->width - f->plot.x - frame->em;
  lf_scale_init (&f->xs, bounds->lo_b, bounds->hi_b,
                 lf_chart_max_ticks (frame, f->plot.width, frame->em * 5), LF_AXIS_MONEY);

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
  Frontier f = { &frame, sweep, NULL, currency ? currency : "" };
  Bounds bounds = { INFINITY, -INFINITY, 0, 0 };
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
  bounds_add (&bounds, sweep);
  layout (&f, &bounds);
  draw_current (&f);
  draw_line (&f, &frame.theme->palette[LF_PALETTE_BLUE]);
  current_label (&f, taken);
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

/* The value at the current budget, read off the curve between the two
 * points around it; NAN where either is infeasible or it lies outside. */
static double
value_at_current (const LfSweepResult *sweep)
{
  double b = sweep->current_budget;

  for (guint i = 0; i < sweep->n_points; i++)
    {
      double b0 = sweep->budget[i], b1;

      if (b == b0)
        return sweep->value[i];
      if (i + 1 == sweep->n_points)
        break;
      b1 = sweep->budget[i + 1];
      if (b > b0 && b < b1)
        return sweep->value[i] + (sweep->value[i + 1] - sweep->value[i]) * (b - b0) / (b1 - b0);
    }

  return NAN;
}

/* In an overlay a dashed line per sweep would be a thicket: each sweep's
 * current budget is a ringed dot on its own curve instead. */
static void
current_point (Frontier      *f,
               const LfColor *color)
{
  LfChartFrame *frame = f->frame;
  cairo_t *cr = frame->cr;
  double v = value_at_current (f->sweep), x, y, r = frame->em * 0.45;

  if (!current_shown (f) || isnan (v))
    return;
  x = lf_scale_map (&f->xs, f->sweep->current_budget, f->plot.x, f->plot.x + f->plot.width);
  y = lf_scale_map (&f->ys, v, f->plot.y + f->plot.height, f->plot.y);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  lf_color_set (cr, color, 1);
  cairo_fill_preserve (cr);
  lf_color_set (cr, &frame->theme->marker, 1);
  cairo_set_line_width (cr, MAX (1.5, frame->em * 0.18));
  cairo_stroke (cr);
  if (frame->hits != NULL)
    {
      g_autofree char *amount = lf_chart_format_exact_money (f->sweep->current_budget, f->currency);
      g_autofree char *current = g_strdup_printf (_("Current budget %s"), amount);
      g_autofree char *text = *f->name ? g_strdup_printf ("%s\n%s", f->name, current) : g_strdup (current);

      lf_chart_frame_hit_circle (frame, x, y, r, text);
    }
}

static gboolean
has_point (const LfSweepResult *sweep)
{
  for (guint i = 0; sweep != NULL && i < sweep->n_points; i++)
    if (!isnan (sweep->value[i]))
      return TRUE;

  return FALSE;
}

void
lf_chart_frontiers (cairo_t                    *cr,
                    double                      width,
                    double                      height,
                    const LfChartTheme         *theme,
                    const LfSweepResult *const *sweeps,
                    const char *const          *names,
                    guint                       n_sweeps,
                    const char                 *currency)
{
  LfChartFrame frame;
  Frontier f = { &frame, NULL, NULL, currency ? currency : "" };
  Bounds bounds = { INFINITY, -INFINITY, 0, 0 };
  LfLegendItem legend[LF_CHART_FRONTIERS_MAX + 1];
  const char *title = lf_chart_kind_title (LF_CHART_FRONTIER);
  g_autofree char *subtitle = NULL;
  guint n_legend = 0, n_shown = 0;

  n_sweeps = sweeps != NULL ? MIN (n_sweeps, LF_CHART_FRONTIERS_MAX) : 0;
  lf_chart_frame_begin (&frame, cr, width, height, theme);
  for (guint s = 0; s < n_sweeps; s++)
    if (has_point (sweeps[s]))
      {
        bounds_add (&bounds, sweeps[s]);
        /* Colours follow the position given, so a sweep keeps its own
         * while another one is missing. */
        legend[n_legend++] = (LfLegendItem) { names && names[s] ? names[s] : "",
                                              frame.theme->palette[sweep_colors[s]], LF_LEGEND_DOT };
        n_shown++;
      }
  if (n_shown == 0)
    {
      lf_chart_frame_empty (&frame, title,
                            _("Run a budget sweep to see how the best value grows with the budget, and where the markets entered change."));
      lf_chart_frame_end (&frame);
      return;
    }

  legend[n_legend++] = (LfLegendItem) { _("Current budget"), frame.theme->marker, LF_LEGEND_RING };
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Best value at each budget of %u sweep on one scale; a ringed dot marks its current budget",
                                           "Best value at each budget of %u sweeps on one scale; a ringed dot marks each one's current budget",
                                           n_shown), n_shown);
  lf_chart_frame_title (&frame, title, subtitle);
  lf_chart_frame_legend (&frame, legend, n_legend);
  layout (&f, &bounds);
  for (guint s = 0; s < n_sweeps; s++)
    if (has_point (sweeps[s]))
      {
        f.sweep = sweeps[s];
        f.name = names && names[s] ? names[s] : "";
        draw_line (&f, &frame.theme->palette[sweep_colors[s]]);
      }
  for (guint s = 0; s < n_sweeps; s++)
    if (has_point (sweeps[s]))
      {
        f.sweep = sweeps[s];
        f.name = names && names[s] ? names[s] : "";
        current_point (&f, &frame.theme->palette[sweep_colors[s]]);
      }
  lf_chart_frame_end (&frame);
}
