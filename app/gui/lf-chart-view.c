/* lf-chart-view.c: a chart of app/charts, drawn in a widget
 *
 * The charts library draws on any cairo_t; this widget only hands it the
 * snapshot's cairo context, the size, and the light or dark theme that
 * matches the window. A new plan queues a draw and nothing else.
 *
 * The chart is drawn once into a render node, with a recorder attached
 * that keeps where each mark is and its exact figures. The node is kept
 * until the data, the size or the theme change: hovering a mark shows
 * its figures in a tooltip and outlines it, and neither draws the chart
 * again.
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
  const LfSweepResult **sweeps;          /* borrowed, see the header */
  char               **names;            /* n_sweeps, copied */
  guint                n_sweeps;
  char                *currency;

  LfChartHits   *hits;
  GskRenderNode *chart;                  /* the chart last drawn, or NULL */
  int            chart_width;
  int            chart_height;
  gboolean       hovering;
  double         hover_x;
  double         hover_y;
  int            highlighted;            /* a mark of hits, or -1 */
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

/* The chart, its marks recorded afresh, into a node of its own. */
static GskRenderNode *
draw_chart (LfChartView *self,
            int          width,
            int          height)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const LfChartTheme *theme = lf_chart_theme_get (dark ? LF_CHART_THEME_DARK : LF_CHART_THEME_LIGHT);
  LfChartInput input = {
    self->problem, self->plan, self->sweep, self->montecarlo, self->tornado,
    self->compare_markets, self->n_compare_markets
  };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Charts size their text to the canvas, as a slide would; on screen it
   * must not fall below what the rest of the window reads at. */
  double scale = chart_text_scale (width, height, theme);

  lf_chart_hits_clear (self->hits);
  lf_chart_hits_attach (self->hits, cr);
  cairo_scale (cr, scale, scale);
  if (self->n_sweeps > 0)
    lf_chart_frontiers (cr, width / scale, height / scale, theme, self->sweeps,
                        (const char *const *) self->names, self->n_sweeps, self->currency);
  else
    lf_chart_draw (self->kind, cr, width / scale, height / scale, theme, &input);
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (snapshot);
}

static void
update_highlight (LfChartView *self)
{
  int found = self->hovering && self->chart ? lf_chart_hits_find (self->hits, self->hover_x, self->hover_y) : -1;

  if (found == self->highlighted)
    return;
  self->highlighted = found;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A rounded outline @gap pixels out from @box, @width wide. */
static void
append_outline (GtkSnapshot   *snapshot,
                const LfRect  *box,
                gboolean       round,
                double         gap,
                float          width,
                const GdkRGBA *color)
{
  /* A hairline or a thin bar gets a few pixels' room, so the outline
   * shows beside it rather than over it. */
  double grow_x = gap + MAX (0, 3 - box->width / 2), grow_y = gap + MAX (0, 3 - box->height / 2);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (box->x - grow_x, box->y - grow_y,
                                               box->width + 2 * grow_x, box->height + 2 * grow_y);
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &bounds,
                                   round ? MIN (bounds.size.width, bounds.size.height) / 2 : gap + 1);
  gtk_snapshot_append_border (snapshot, &outline, (float[]) { width, width, width, width },
                              (GdkRGBA[]) { *color, *color, *color, *color });
}

/* The hovered mark in the accent colour, parted from it by a thin ring
 * of the chart's background so it shows on a bar of the same hue. */
static void
snapshot_highlight (LfChartView *self,
                    GtkSnapshot *snapshot)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const LfColor *bg = &lf_chart_theme_get (dark ? LF_CHART_THEME_DARK : LF_CHART_THEME_LIGHT)->background;
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1 };
  GdkRGBA gap = { bg->red, bg->green, bg->blue, 1 };
  LfRect box;
  gboolean round = lf_chart_hits_get_rect (self->hits, self->highlighted, &box);

  gtk_style_context_lookup_color (style, "accent_color", &accent);
  append_outline (snapshot, &box, round, 1, 1, &gap);
  append_outline (snapshot, &box, round, 3, 2, &accent);
}

static void
lf_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LfChartView *self = LF_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;
  if (self->chart == NULL || width != self->chart_width || height != self->chart_height)
    {
      g_clear_pointer (&self->chart, gsk_render_node_unref);
      self->chart = draw_chart (self, width, height);
      self->chart_width = width;
      self->chart_height = height;
      self->highlighted = self->hovering ? lf_chart_hits_find (self->hits, self->hover_x, self->hover_y) : -1;
    }
  if (self->chart != NULL)
    gtk_snapshot_append_node (snapshot, self->chart);
  if (self->highlighted >= 0)
    snapshot_highlight (self, snapshot);
}

/* Whatever the chart shows has changed: draw it again, marks and all. */
static void
invalidate (LfChartView *self)
{
  g_clear_pointer (&self->chart, gsk_render_node_unref);
  self->highlighted = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed_cb (LfChartView *self)
{
  invalidate (self);
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              LfChartView              *self)
{
  self->hovering = TRUE;
  self->hover_x = x;
  self->hover_y = y;
  update_highlight (self);
}

static void
on_leave_cb (GtkEventControllerMotion *motion,
             LfChartView              *self)
{
  self->hovering = FALSE;
  update_highlight (self);
}

/* The mark's exact figures; the tip follows the mark, not the pointer,
 * so it moves on as the pointer leaves the mark. */
static gboolean
on_query_tooltip_cb (GtkWidget   *widget,
                     int          x,
                     int          y,
                     gboolean     keyboard_mode,
                     GtkTooltip  *tooltip,
                     LfChartView *self)
{
  const char *text;
  LfRect box;

  if (keyboard_mode || self->chart == NULL)
    return FALSE;
  text = lf_chart_hits_lookup (self->hits, x, y, &box);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) floor (box.x), (int) floor (box.y),
                              MAX (1, (int) ceil (box.x + box.width) - (int) floor (box.x)),
                              MAX (1, (int) ceil (box.y + box.height) - (int) floor (box.y)) });

  return TRUE;
}

static void
lf_chart_view_dispose (GObject *object)
{
  LfChartView *self = LF_CHART_VIEW (object);

  g_clear_pointer (&self->plan, lf_plan_unref);
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_pointer (&self->chart, gsk_render_node_unref);

  G_OBJECT_CLASS (lf_chart_view_parent_class)->dispose (object);
}

static void
clear_frontiers (LfChartView *self)
{
  for (guint i = 0; i < self->n_sweeps; i++)
    g_free (self->names[i]);
  g_clear_pointer (&self->names, g_free);
  g_clear_pointer (&self->sweeps, g_free);
  g_clear_pointer (&self->currency, g_free);
  self->n_sweeps = 0;
}

static void
lf_chart_view_finalize (GObject *object)
{
  LfChartView *self = LF_CHART_VIEW (object);

  clear_frontiers (self);
  lf_chart_hits_free (self->hits);

  G_OBJECT_CLASS (lf_chart_view_parent_class)->finalize (object);
}

static void
lf_chart_view_class_init (LfChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_chart_view_dispose;
  object_class->finalize = lf_chart_view_finalize;
  widget_class->snapshot = lf_chart_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lf_chart_view_init (LfChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->kind = LF_CHART_ALLOCATION;
  self->hits = lf_chart_hits_new ();
  self->highlighted = -1;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
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
  LfChartKind shown = self->n_sweeps > 0 ? LF_CHART_FRONTIER : self->kind;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lf_chart_kind_title (shown), -1);
}

void
lf_chart_view_set_kind (LfChartView *self,
                        LfChartKind  kind)
{
  g_return_if_fail (LF_IS_CHART_VIEW (self));

  self->kind = kind;
  update_label (self);
  invalidate (self);
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
  invalidate (self);
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
  invalidate (self);
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
  invalidate (self);
}

void
lf_chart_view_set_frontiers (LfChartView                *self,
                             const LfSweepResult *const *sweeps,
                             const char *const          *names,
                             guint                       n_sweeps,
                             const char                 *currency)
{
  g_return_if_fail (LF_IS_CHART_VIEW (self));
  g_return_if_fail (n_sweeps == 0 || sweeps != NULL);

  clear_frontiers (self);
  if (n_sweeps > 0)
    {
      self->sweeps = g_memdup2 (sweeps, n_sweeps * sizeof *sweeps);
      self->names = g_new0 (char *, n_sweeps + 1);
      for (guint i = 0; i < n_sweeps; i++)
        self->names[i] = g_strdup (names ? names[i] : NULL);
      self->currency = g_strdup (currency);
      self->n_sweeps = n_sweeps;
    }
  update_label (self);
  invalidate (self);
}

const LfChartHits *
lf_chart_view_get_hits (LfChartView *self)
{
  g_return_val_if_fail (LF_IS_CHART_VIEW (self), NULL);

  return self->hits;
}
