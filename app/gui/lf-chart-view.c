/* lf-chart-view.c: a chart of app/charts, drawn in a widget
 *
 * The charts library draws on any cairo_t; this widget only hands it the
 * snapshot's cairo context, the size, and the light or dark theme that
 * matches the window. A new plan queues a draw and nothing else.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "lf-chart-view.h"

struct _LfChartView
{
  GtkWidget    parent_instance;
  LfChartKind  kind;
  LfProblem   *problem;
  LfPlan      *plan;
  const LfSweepResult      *sweep;       /* borrowed, see the header */
  const LfMonteCarloResult *montecarlo;
  const LfTornadoResult    *tornado;
  guint        compare_markets[LF_CHART_COMPARE_MAX];
  guint        n_compare_markets;
};

G_DEFINE_FINAL_TYPE (LfChartView, lf_chart_view, GTK_TYPE_WIDGET)

/* The smallest body text a chart may have in the window, in pixels. */
#define MIN_SCREEN_EM 12.5

/* How much to enlarge a chart drawn at @width x @height so its body text
 * is at least MIN_SCREEN_EM; lf-chart-frame.c scales it by the canvas
 * size relative to 900 x 500, between 0.8 and 1.3. */
static double
chart_text_scale (int                 width,
                  int                 height,
                  const LfChartTheme *theme)
{
  double em = theme->font_size * CLAMP (MIN (width / 900.0, height / 500.0), 0.8, 1.3);

  return em >= MIN_SCREEN_EM ? 1 : MIN_SCREEN_EM / (theme->font_size * 0.8);
}

static void
lf_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LfChartView *self = LF_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const LfChartTheme *theme = lf_chart_theme_get (dark ? LF_CHART_THEME_DARK : LF_CHART_THEME_LIGHT);
  LfChartInput input = {
    self->problem, self->plan, self->sweep, self->montecarlo, self->tornado,
    self->compare_markets, self->n_compare_markets
  };
  cairo_t *cr;

  double scale;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Charts size their text to the canvas, as a slide would; on screen it
   * must not fall below what the rest of the window reads at. */
  scale = chart_text_scale (width, height, theme);
  cairo_scale (cr, scale, scale);
  lf_chart_draw (self->kind, cr, width / scale, height / scale, theme, &input);
  cairo_destroy (cr);
}

static void
on_dark_changed_cb (LfChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lf_chart_view_dispose (GObject *object)
{
  LfChartView *self = LF_CHART_VIEW (object);

  g_clear_pointer (&self->plan, lf_plan_unref);
  g_clear_pointer (&self->problem, lf_problem_unref);

  G_OBJECT_CLASS (lf_chart_view_parent_class)->dispose (object);
}

static void
lf_chart_view_class_init (LfChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_chart_view_dispose;
  widget_class->snapshot = lf_chart_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lf_chart_view_init (LfChartView *self)
{
  self->kind = LF_CHART_ALLOCATION;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

LfChartView *
lf_chart_view_new (void)
{
  return g_object_new (LF_TYPE_CHART_VIEW, NULL);
}

static void
update_label (LfChartView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lf_chart_kind_title (self->kind), -1);
}

void
lf_chart_view_set_kind (LfChartView *self,
                        LfChartKind  kind)
{
  g_return_if_fail (LF_IS_CHART_VIEW (self));

  self->kind = kind;
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LfChartKind
lf_chart_view_get_kind (LfChartView *self)
{
  g_return_val_if_fail (LF_IS_CHART_VIEW (self), LF_CHART_ALLOCATION);

  return self->kind;
}

void
lf_chart_view_set_plan (LfChartView *self,
                        LfProblem   *problem,
                        LfPlan      *plan)
{
  g_return_if_fail (LF_IS_CHART_VIEW (self));

  g_clear_pointer (&self->plan, lf_plan_unref);
  g_clear_pointer (&self->problem, lf_problem_unref);
  self->plan = plan ? lf_plan_ref (plan) : NULL;
  self->problem = problem ? lf_problem_ref (problem) : NULL;
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lf_chart_view_set_analysis (LfChartView              *self,
                            const LfSweepResult      *sweep,
                            const LfMonteCarloResult *montecarlo,
                            const LfTornadoResult    *tornado)
{
  g_return_if_fail (LF_IS_CHART_VIEW (self));

  self->sweep = sweep;
  self->montecarlo = montecarlo;
  self->tornado = tornado;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lf_chart_view_set_compare_markets (LfChartView *self,
                                   const guint *markets,
                                   guint        n_markets)
{
  g_return_if_fail (LF_IS_CHART_VIEW (self));
  g_return_if_fail (n_markets <= LF_CHART_COMPARE_MAX);

  if (n_markets > 0)
    memcpy (self->compare_markets, markets, n_markets * sizeof *markets);
  self->n_compare_markets = n_markets;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
