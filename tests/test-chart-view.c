/* test-chart-view.c: the chart widget's tooltips, hover outline and
 * frontier overlay, through its real snapshot
 *
 * Runs under xvfb-run; without a display it prints a TAP skip. Leaves
 * what it drew in the build directory (charts-out/chart-view-*.png).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lf-chart-view.h"
#include "lf-test-examples.h"
#include "lf-test-gui.h"

#define WIDTH 900
#define HEIGHT 500

/* The optimum of china-customer-service.json, as in test-charts.c. */
static const double china_y[] = { 0, 1, 1, 1, 0, 0, 1 };
static const double china_p[] = { 0, 0.02, 0.02, 0.3703833737, 0, 0, 0.5 };
static const double china_q[] = { 0, 0.9, 0.9, 0.95, 0, 0, 0.95 };

typedef struct
{
  GtkWindow   *window;
  LfChartView *view;
  LfProblem   *problem;
  LfPlan      *plan;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  f->problem = lf_test_china_problem ();
  f->plan = lf_plan_new (f->problem);
  lf_plan_set_solution (f->plan, f->problem, china_y, china_p, china_q);
  f->plan->status = LF_PLAN_OPTIMAL;

  f->window = GTK_WINDOW (gtk_window_new ());
  f->view = lf_chart_view_new ();
  gtk_window_set_default_size (f->window, WIDTH, HEIGHT);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  lf_chart_view_set_kind (f->view, LF_CHART_COSTS);
  lf_chart_view_set_plan (f->view, f->problem, f->plan);
  gtk_window_present (f->window);
  while (gtk_widget_get_width (GTK_WIDGET (f->view)) <= 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  lf_test_spin ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  lf_test_spin ();
  g_clear_pointer (&f->plan, lf_plan_unref);
  g_clear_pointer (&f->problem, lf_problem_unref);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* What the widget draws, through its own snapshot function. */
static GskRenderNode *
snapshot_view (LfChartView *view)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (view)->snapshot (GTK_WIDGET (view), snapshot);

  return gtk_snapshot_free_to_node (snapshot);
}

/* The chart's own node, to tell a chart drawn again from one reused. */
static GskRenderNode *
find_cairo_node (GskRenderNode *node)
{
  if (node == NULL)
    return NULL;
  if (gsk_render_node_get_node_type (node) == GSK_CAIRO_NODE)
    return node;
  if (gsk_render_node_get_node_type (node) != GSK_CONTAINER_NODE)
    return NULL;
  for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
    {
      GskRenderNode *found = find_cairo_node (gsk_container_node_get_child (node, i));

      if (found != NULL)
        return found;
    }

  return NULL;
}

static cairo_surface_t *
draw_node (LfChartView   *view,
           GskRenderNode *node)
{
  int width = gtk_widget_get_width (GTK_WIDGET (view)), height = gtk_widget_get_height (GTK_WIDGET (view));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
save_output (cairo_surface_t *surface,
             const char      *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "charts-out", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_mkdir_with_parents (dir, 0755);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)) == 0;
}

/* The middle of the mark that says @text exactly; FALSE if none does. */
static gboolean
find_mark (LfChartView *view,
           const char  *text,
           double      *x,
           double      *y,
           LfRect      *box)
{
  const LfChartHits *hits = lf_chart_view_get_hits (view);

  for (guint i = 0; i < lf_chart_hits_get_n (hits); i++)
    if (g_strcmp0 (lf_chart_hits_get_text (hits, i), text) == 0)
      {
        lf_chart_hits_get_rect (hits, i, box);
        *x = box->x + box->width / 2;
        *y = box->y + box->height / 2;
        return TRUE;
      }

  return FALSE;
}

static gboolean
any_mark_contains (LfChartView *view,
                   const char  *needle)
{
  const LfChartHits *hits = lf_chart_view_get_hits (view);

  for (guint i = 0; i < lf_chart_hits_get_n (hits); i++)
    if (strstr (lf_chart_hits_get_text (hits, i), needle) != NULL)
      return TRUE;

  return FALSE;
}

static char *
promotion_text (const Fixture *f,
                guint          market)
{
  g_autofree char *amount = lf_chart_format_exact_money (f->plan->markets[market].cost_parts[LF_COST_PROMOTION],
                                                         f->problem->currency);

  return g_strdup_printf ("%s — Promotion: %s", f->problem->markets[market].name, amount);
}

static gboolean
query_tooltip (LfChartView *view,
               double       x,
               double       y)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (view, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &shown);
  g_object_unref (tooltip);

  return shown;
}

static GtkEventController *
motion_controller (LfChartView *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  g_assert_not_reached ();
}

static void
test_tooltip (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *expected = promotion_text (f, 3);
  GskRenderNode *node = snapshot_view (f->view);
  double x, y;
  LfRect box;

  g_assert_true (find_mark (f->view, expected, &x, &y, &box));
  g_assert_cmpstr (lf_chart_hits_lookup (lf_chart_view_get_hits (f->view), x, y, NULL), ==, expected);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (f->view)));
  g_assert_true (query_tooltip (f->view, x, y));
  g_assert_false (query_tooltip (f->view, 2, 2));
  gsk_render_node_unref (node);
}

/* Hovering outlines the mark without drawing the chart again; leaving
 * takes the outline away; new data draws the chart anew. */
static void
test_highlight (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *expected = promotion_text (f, 3);
  GtkEventController *motion = motion_controller (f->view);
  GskRenderNode *plain, *hovered, *left, *renewed;
  cairo_surface_t *plain_px, *hovered_px, *left_px;
  double x, y;
  LfRect box;
  guint changed = 0;

  plain = snapshot_view (f->view);
  plain_px = draw_node (f->view, plain);
  g_assert_true (find_mark (f->view, expected, &x, &y, &box));

  g_signal_emit_by_name (motion, "motion", x, y);
  hovered = snapshot_view (f->view);
  hovered_px = draw_node (f->view, hovered);
  g_assert_true (find_cairo_node (hovered) == find_cairo_node (plain));
  save_output (hovered_px, "chart-view-hover");
  /* The outline: pixels around the mark change, and only there. */
  for (int py = 0; py < cairo_image_surface_get_height (plain_px); py++)
    for (int px = 0; px < cairo_image_surface_get_width (plain_px); px++)
      {
        int stride = cairo_image_surface_get_stride (plain_px);
        guint32 a = *(guint32 *) (cairo_image_surface_get_data (plain_px) + py * stride + px * 4);
        guint32 b = *(guint32 *) (cairo_image_surface_get_data (hovered_px) + py * stride + px * 4);

        if (a == b)
          continue;
        changed++;
        g_assert_cmpfloat (px, >=, box.x - 8);
        g_assert_cmpfloat (px, <=, box.x + box.width + 8);
        g_assert_cmpfloat (py, >=, box.y - 8);
        g_assert_cmpfloat (py, <=, box.y + box.height + 8);
      }
  g_assert_cmpuint (changed, >, 2 * (box.width + box.height));

  g_signal_emit_by_name (motion, "leave");
  left = snapshot_view (f->view);
  left_px = draw_node (f->view, left);
  g_assert_true (find_cairo_node (left) == find_cairo_node (plain));
  g_assert_true (same_pixels (left_px, plain_px));

  lf_chart_view_set_plan (f->view, f->problem, f->plan);
  renewed = snapshot_view (f->view);
  g_assert_true (find_cairo_node (renewed) != find_cairo_node (plain));

  gsk_render_node_unref (plain);
  gsk_render_node_unref (hovered);
  gsk_render_node_unref (left);
  gsk_render_node_unref (renewed);
  cairo_surface_destroy (plain_px);
  cairo_surface_destroy (hovered_px);
  cairo_surface_destroy (left_px);
}

static LfSweepResult *
make_sweep (double budget_scale,
            double value_scale,
            double current)
{
  LfSweepResult *sweep = g_new0 (LfSweepResult, 1);

  sweep->n_points = 12;
  sweep->budget = g_new (double, sweep->n_points);
  sweep->value = g_new (double, sweep->n_points);
  sweep->change = g_new0 (char *, sweep->n_points + 1);
  for (guint i = 0; i < sweep->n_points; i++)
    {
      sweep->budget[i] = (1e6 + i * 7.5e5) * budget_scale;
      sweep->value[i] = value_scale * (9.6 * (1 - exp (-sweep->budget[i] / 3.2e6)) - 1.2);
    }
  sweep->current_budget = current;

  return sweep;
}

static void
test_frontiers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LfSweepResult) first = make_sweep (1, 1, 6e6);
  g_autoptr(LfSweepResult) second = make_sweep (0.8, 0.85, 4e6);
  const LfSweepResult *sweeps[] = { first, NULL, second };
  char *names[] = { g_strdup ("Plan as stated"), NULL, g_strdup ("Lean launch") };
  g_autofree char *budget = lf_chart_format_exact_money (second->budget[3], "USD");
  g_autofree char *value = lf_chart_format_exact_number (second->value[3]);
  g_autofree char *expected = g_strdup_printf ("Lean launch\nBudget %s → value %s", budget, value);
  g_autofree char *promotion = promotion_text (f, 3);
  GskRenderNode *node;
  cairo_surface_t *surface;
  double x, y;
  LfRect box;

  lf_chart_view_set_frontiers (f->view, sweeps, (const char *const *) names, 3, "USD");
  /* The names are the view's own copies. */
  g_free (names[0]);
  g_free (names[2]);
  node = snapshot_view (f->view);
  g_assert_true (find_mark (f->view, expected, &x, &y, &box));
  g_assert_true (any_mark_contains (f->view, "Plan as stated\nCurrent budget"));
  g_assert_false (any_mark_contains (f->view, promotion));
  g_assert_true (query_tooltip (f->view, x, y));
  g_signal_emit_by_name (motion_controller (f->view), "motion", x, y);
  gsk_render_node_unref (node);
  node = snapshot_view (f->view);
  surface = draw_node (f->view, node);
  save_output (surface, "chart-view-frontiers");
  cairo_surface_destroy (surface);
  gsk_render_node_unref (node);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  lf_test_spin ();
  node = snapshot_view (f->view);
  surface = draw_node (f->view, node);
  save_output (surface, "chart-view-frontiers-dark");
  cairo_surface_destroy (surface);
  gsk_render_node_unref (node);

  /* No sweeps: the kind again. */
  lf_chart_view_set_frontiers (f->view, NULL, NULL, 0, NULL);
  node = snapshot_view (f->view);
  g_assert_false (any_mark_contains (f->view, "Lean launch"));
  g_assert_true (any_mark_contains (f->view, promotion));
  gsk_render_node_unref (node);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/chart-view/tooltip", Fixture, NULL, fixture_setup, test_tooltip, fixture_teardown);
  g_test_add ("/chart-view/highlight", Fixture, NULL, fixture_setup, test_highlight, fixture_teardown);
  g_test_add ("/chart-view/frontiers", Fixture, NULL, fixture_setup, test_frontiers, fixture_teardown);

  return g_test_run ();
}
