/* lf-chart-risk.c: each market placed by risk exposure against value,
 * its circle's area its cost, entered markets filled */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-private.h"

typedef struct
{
  double x, y, r;      /* risk, value, cost: data, then pixels */
  double risk, value;  /* data, for a tooltip */
  double cost;
  guint  market;
  gboolean entered;
} Bubble;

/* Entered markets where the plan puts them; the others where they would
 * be at full reach, which is what a board weighs when it asks "why not". */
static void
place (const LfProblem *problem,
       const LfPlan    *plan,
       guint            i,
       Bubble          *b)
{
  const LfProblemMarket *pm = &problem->markets[i];
  const double *v = pm->v.value;
  double parts[LF_N_COST_PARTS];

  b->market = i;
  b->entered = plan->markets[i].entered;
  if (b->entered)
    {
      b->x = plan->markets[i].risk;
      b->y = plan->markets[i].value;
      b->cost = plan->markets[i].cost;
      b->risk = b->x, b->value = b->y;
      return;
    }
  lf_market_costs (pm, 1, v[LF_PARAM_P_MAX], v[LF_PARAM_Q_MAX], parts);
  b->x = v[LF_PARAM_RISK] * v[LF_PARAM_P_MAX];
  b->y = v[LF_PARAM_ALPHA] * v[LF_PARAM_P_MAX] + v[LF_PARAM_BETA] * v[LF_PARAM_Q_MAX];
  b->cost = parts[0] + parts[1] + parts[2] + parts[3];
  b->risk = b->x, b->value = b->y;
}

static void
record_bubble (LfChartFrame    *frame,
               const LfProblem *problem,
               const Bubble    *b)
{
  g_autofree char *risk = lf_chart_format_exact_number (b->risk);
  g_autofree char *value = lf_chart_format_exact_number (b->value);
  g_autofree char *cost = lf_chart_format_exact_money (b->cost, problem->currency);
  g_autofree char *text = NULL;
  const char *name = problem->markets[b->market].name;

  if (b->entered)
    /* Translators: a chart's tooltip on a market's circle */
    text = g_strdup_printf (_("%s — risk exposure %s, value %s, cost %s"), name, risk, value, cost);
  else
    /* Translators: a chart's tooltip on a market not entered, placed
     * where it would be at full reach */
    text = g_strdup_printf (_("%s, not entered, at full reach — risk exposure %s, value %s, cost %s"),
                            name, risk, value, cost);
  lf_chart_frame_hit_circle (frame, b->x, b->y, b->r, text);
}

static int
by_cost_desc (gconstpointer a,
              gconstpointer b)
{
  const Bubble *ba = a, *bb = b;

  return ba->cost < bb->cost ? 1 : ba->cost > bb->cost ? -1 : (int) ba->market - (int) bb->market;
}

static void
draw_bubbles (LfChartFrame *frame,
              GArray       *bubbles)
{
  cairo_t *cr = frame->cr;
  const LfColor *filled = &frame->theme->palette[LF_PALETTE_BLUE];
  const LfColor *open = &frame->theme->palette[LF_PALETTE_VERMILLION];

  /* Large first, so small ones stay visible on top. */
  for (guint k = 0; k < bubbles->len; k++)
    {
      const Bubble *b = &g_array_index (bubbles, Bubble, k);

      cairo_arc (cr, b->x, b->y, b->r, 0, 2 * G_PI);
      if (b->entered)
        {
          lf_color_set (cr, filled, 0.55);
          cairo_fill_preserve (cr);
          lf_color_set (cr, filled, 1);
        }
      else
        {
          lf_color_set (cr, &frame->theme->background, 0.6);
          cairo_fill_preserve (cr);
          lf_color_set (cr, open, 1);
        }
      cairo_set_line_width (cr, MAX (1, frame->em * 0.12));
      cairo_stroke (cr);
    }
}

static gboolean
overlaps_except (const LfRect *rect,
                 const GArray *taken,
                 guint         skip)
{
  for (guint i = 0; i < taken->len; i++)
    {
      const LfRect *o = &g_array_index (taken, LfRect, i);

      if (i != skip &&
          rect->x < o->x + o->width && o->x < rect->x + rect->width &&
          rect->y < o->y + o->height && o->y < rect->y + rect->height)
        return TRUE;
    }

  return FALSE;
}

/* Right, left, above or below the circle, whichever is free first;
 * inside the plot, clear of other circles (not its own) and names. */
static gboolean
place_name (LfChartFrame *frame,
            const Bubble *b,
            guint         index,
            double        w,
            GArray       *taken,
            const LfRect *plot,
            LfRect       *out)
{
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL), gap = frame->em * 0.3;
  LfRect tries[] = {
    { b->x + b->r + gap, b->y - line / 2, w, line },
    { b->x - b->r - gap - w, b->y - line / 2, w, line },
    { b->x - w / 2, b->y - b->r - gap - line, w, line },
    { b->x - w / 2, b->y + b->r + gap, w, line },
  };

  for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
    {
      const LfRect *r = &tries[t];

      if (r->x >= plot->x && r->x + r->width <= frame->width - frame->pad / 2 &&
          r->y >= plot->y - line && r->y + r->height <= plot->y + plot->height &&
          !overlaps_except (r, taken, index))
        {
          *out = *r;
          return TRUE;
        }
    }

  return FALSE;
}

/* A name that fits nowhere free is left out rather than printed over
 * another; entered markets get first pick, then the costly ones. */
static void
draw_names (LfChartFrame    *frame,
            const LfProblem *problem,
            GArray          *bubbles,
            const LfRect    *plot)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (LfRect));
  double max_w = frame->em * 11;

  for (guint k = 0; k < bubbles->len; k++)
    {
      const Bubble *b = &g_array_index (bubbles, Bubble, k);
      LfRect r = { b->x - b->r, b->y - b->r, 2 * b->r, 2 * b->r };

      g_array_append_val (taken, r);
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < bubbles->len; k++)
      {
        const Bubble *b = &g_array_index (bubbles, Bubble, k);
        const char *name = problem->markets[b->market].name;
        LfRect r;
        double w;

        if (b->entered != (pass == 0))
          continue;
        lf_chart_text_size (frame, LF_TEXT_SMALL, name, &w, NULL);
        if (!place_name (frame, b, k, MIN (w, max_w), taken, plot, &r))
          continue;
        lf_chart_text_draw (frame, LF_TEXT_SMALL, b->entered ? &frame->theme->text : &frame->theme->text_muted,
                            name, r.x, r.y, max_w, 0, 0);
        g_array_append_val (taken, r);
      }
}

static void
layout_and_draw (LfChartFrame    *frame,
                 const LfProblem *problem,
                 GArray          *bubbles)
{
  LfRect *area = &frame->area;
  LfScale xs, ys;
  LfRect plot;
  double max_x = 0, max_y = 0, max_cost = 0, r_max, axis_h = lf_chart_x_axis_height (frame, TRUE);
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);

  for (guint k = 0; k < bubbles->len; k++)
    {
      const Bubble *b = &g_array_index (bubbles, Bubble, k);

      max_x = MAX (max_x, b->x);
      max_y = MAX (max_y, b->y);
      max_cost = MAX (max_cost, b->cost);
    }

  plot.y = area->y + line + frame->em * 0.6;
  plot.height = area->height - (plot.y - area->y) - axis_h;
  lf_scale_init (&ys, 0, max_y * 1.08, lf_chart_max_ticks (frame, plot.height, frame->em * 3), LF_AXIS_NUMBER);
  plot.x = area->x + lf_chart_y_axis_width (frame, &ys) + frame->em * 0.3;
  plot.width = area->x + area->width - plot.x - frame->em * 0.5;
  lf_scale_init (&xs, 0, max_x * 1.08, lf_chart_max_ticks (frame, plot.width, frame->em * 5), LF_AXIS_NUMBER);

  lf_chart_x_axis (frame, &xs, &plot, _("Risk exposure"));
  lf_chart_y_axis (frame, &ys, &plot, _("Value"));

  /* Circles shrink as markets multiply, so 200 stay apart. */
  r_max = CLAMP (MIN (plot.width, plot.height) * 0.45 / sqrt (MAX (bubbles->len, 1)),
                 frame->em * 0.35, MIN (plot.width, plot.height) * 0.09);
  for (guint k = 0; k < bubbles->len; k++)
    {
      Bubble *b = &g_array_index (bubbles, Bubble, k);

      b->x = lf_scale_map (&xs, b->x, plot.x, plot.x + plot.width);
      b->y = lf_scale_map (&ys, b->y, plot.y + plot.height, plot.y);
      b->r = MAX (frame->em * 0.25, max_cost > 0 ? r_max * sqrt (b->cost / max_cost) : frame->em * 0.3);
    }

  cairo_save (frame->cr);
  cairo_rectangle (frame->cr, plot.x, plot.y - line, plot.width + frame->em * 0.5, plot.height + line);
  cairo_clip (frame->cr);
  draw_bubbles (frame, bubbles);
  cairo_restore (frame->cr);
  for (guint k = 0; frame->hits != NULL && k < bubbles->len; k++)
    record_bubble (frame, problem, &g_array_index (bubbles, Bubble, k));
  draw_names (frame, problem, bubbles, &plot);
}

static char *
subtitle_for (const LfProblem *problem,
              const LfPlan    *plan)
{
  g_autofree char *risk = lf_chart_format_number (plan->risk);
  g_autofree char *cap = NULL;

  if (isnan (problem->risk_cap))
    return g_strdup_printf (_("Total risk exposure of the plan %s; circle area shows cost"), risk);

  cap = lf_chart_format_number (problem->risk_cap);
  return g_strdup_printf (_("Total risk exposure of the plan %s of a %s cap; circle area shows cost"), risk, cap);
}

void
lf_chart_risk (cairo_t            *cr,
               double              width,
               double              height,
               const LfChartTheme *theme,
               const LfProblem    *problem,
               const LfPlan       *plan)
{
  LfChartFrame frame;
  g_autoptr(GArray) bubbles = NULL;
  g_autofree char *subtitle = NULL;

  lf_chart_frame_begin (&frame, cr, width, height, theme);
  if (_lf_chart_plan_missing (&frame, lf_chart_kind_title (LF_CHART_RISK), problem, plan))
    {
      lf_chart_frame_end (&frame);
      return;
    }

  bubbles = g_array_sized_new (FALSE, FALSE, sizeof (Bubble), plan->n_markets);
  g_array_set_size (bubbles, plan->n_markets);
  for (guint i = 0; i < plan->n_markets; i++)
    place (problem, plan, i, &g_array_index (bubbles, Bubble, i));
  g_array_sort (bubbles, by_cost_desc);

  subtitle = subtitle_for (problem, plan);
  lf_chart_frame_title (&frame, lf_chart_kind_title (LF_CHART_RISK), subtitle);
  lf_chart_frame_legend (&frame, (LfLegendItem[]) {
                           { _("Entered, at its planned reach"), frame.theme->palette[LF_PALETTE_BLUE], LF_LEGEND_DOT },
                           { _("Not entered, at full reach"), frame.theme->palette[LF_PALETTE_VERMILLION], LF_LEGEND_RING },
                         }, 2);
  layout_and_draw (&frame, problem, bubbles);
  lf_chart_frame_end (&frame);
}
