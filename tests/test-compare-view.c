/* test-compare-view.c: the Compare page, driven through its real widgets
 *
 * Runs under xvfb-run; without a display it prints a TAP skip. With
 * LANDFALL_SCREENSHOT_DIR set it also writes the page, light and dark, as
 * PNG files to look at.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "lf-chart.h"
#include "lf-compare-view.h"
#include "lf-resources.h"
#include "lf-solver.h"
#include "lf-test-gui.h"

typedef struct
{
  char          *dir;
  LfStore       *store;
  LfSession     *session;
  gint64         id;
  LfScenario    *scenario;
  GtkWindow     *window;
  LfCompareView *view;
} Fixture;

static gint64
import_example (LfStore    *store,
                const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_EXAMPLES_DIR"), name, NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  gint64 id;

  g_assert_true (g_file_get_contents (path, &json, &length, NULL));
  id = lf_store_import_json (store, json, length, NULL, &error);
  g_assert_no_error (error);

  return id;
}

/* Solves the scenario as it is now and hands the plan to the page, as
 * the scenario page does after each solve. */
static void
resolve (Fixture *f)
{
  g_autoptr(LfProblem) problem = lf_problem_new_from_scenario (f->scenario);
  g_autoptr(LfPlan) plan = lf_solver_solve (problem, NULL, NULL, NULL);

  g_assert_nonnull (plan);
  lf_compare_view_set_plan (f->view, problem, plan);
  lf_test_spin ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("landfall-test-compare-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = lf_store_open (path, LF_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->id = import_example (f->store, "china-customer-service.json");
  f->session = lf_session_new (f->store);
  f->scenario = lf_session_load (f->session, f->id, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 900);
  f->view = lf_compare_view_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  lf_compare_view_set_session (f->view, f->session);
  lf_compare_view_set_scenario (f->view, f->scenario);
  resolve (f);
  gtk_window_present (f->window);
  lf_test_spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (f->window);
  lf_test_spin ();
  g_clear_object (&f->scenario);
  g_clear_object (&f->session);
  lf_store_close (f->store);
  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The first widget of @type whose label (or title) is @text. */
static GtkWidget *
find_labelled (GtkWidget  *root,
               GType       type,
               const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = GTK_IS_CHECK_BUTTON (root) ? gtk_check_button_get_label (GTK_CHECK_BUTTON (root)) :
                          GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root)) :
                          ADW_IS_PREFERENCES_ROW (root) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)) :
                          NULL;

      if (g_strcmp0 (label, text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkGrid *
grid (Fixture    *f,
      const char *name)
{
  GtkWidget *widget = lf_test_find_named (GTK_WIDGET (f->view), name);

  g_assert_true (GTK_IS_GRID (widget));

  return GTK_GRID (widget);
}

static const char *
cell (GtkGrid *g,
      int      column,
      int      row)
{
  GtkWidget *child = gtk_grid_get_child_at (g, column, row);

  return child != NULL && GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : NULL;
}

/* The grid row whose title is @title, or -1. */
static int
grid_row (GtkGrid    *g,
          const char *title)
{
  for (int row = 0; row < 400; row++)
    if (g_strcmp0 (cell (g, 0, row), title) == 0)
      return row;

  return -1;
}

/* Which sides' cells of @row are tinted, as bits (bit s for side s, in
 * column s + 1). Neither the titles nor the reference, the first side,
 * ever are: the tint points at cells that differ from the reference. */
static guint
row_marks (GtkGrid *g,
           int      row,
           guint    n_sides)
{
  guint marks = 0;

  g_assert_false (gtk_widget_has_css_class (gtk_grid_get_child_at (g, 0, row), "differs"));
  for (guint s = 0; s < n_sides; s++)
    if (gtk_widget_has_css_class (gtk_grid_get_child_at (g, s + 1, row), "differs"))
      marks |= 1u << s;
  g_assert_cmpuint (marks & 1u, ==, 0);

  return marks;
}

/* Whether the whole of the chart is in the page's first screen. */
static gboolean
chart_in_sight (Fixture    *f,
                const char *id)
{
  GtkWidget *chart = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->view), LF_TYPE_COMPARE_VIEW, id));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (chart, GTK_WIDGET (f->view), &bounds));

  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (f->view)) &&
         bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (f->view));
}

static int
market_index (LfProblem  *problem,
              const char *name)
{
  for (guint i = 0; i < problem->n_markets; i++)
    if (g_strcmp0 (problem->markets[i].name, name) == 0)
      return i;

  return -1;
}

static void
set_check (Fixture    *f,
           GType       type,
           const char *label,
           gboolean    active)
{
  GtkWidget *widget = find_labelled (GTK_WIDGET (f->view), type, label);
  GtkWidget *check;

  g_assert_nonnull (widget);
  check = GTK_IS_CHECK_BUTTON (widget) ? widget : g_object_get_data (G_OBJECT (widget), "check");
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_true (gtk_widget_get_sensitive (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  lf_test_spin ();
}

static void
screenshot (Fixture    *f,
            const char *name)
{
  const char *dir = g_getenv ("LANDFALL_SCREENSHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (f->view);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  for (int i = 0; i < 20; i++)
    {
      lf_test_spin ();
      g_usleep (10000);
    }
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
show_scenarios (Fixture *f,
                gboolean scenarios)
{
  GtkWidget *toggle = find_labelled (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON, scenarios ? "Scenarios" : "Markets");

  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  lf_test_spin ();
}

/* Waits (at most a minute) for every side to be solved and swept. */
static void
wait_idle (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  lf_test_spin ();
  while (lf_compare_view_get_busy (f->view))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  lf_test_spin ();
}

/* Tick three markets: the grid shows their parameters and plan figures,
 * and marks exactly the rows where they differ. */
static void
test_markets (Fixture       *f,
              gconstpointer  data)
{
  const char *names[] = { "Germany", "Brazil", "India" };
  g_autoptr(LfProblem) problem = lf_problem_new_from_scenario (f->scenario);
  g_autoptr(LfPlan) plan = lf_solver_solve (problem, NULL, NULL, NULL);
  GtkGrid *g = grid (f, "markets-grid");
  GtkWidget *chip;
  guint all_agree = 0;
  int row;

  show_scenarios (f, FALSE);
  /* Untick the defaults, tick three. */
  for (guint i = 0; i < problem->n_markets; i++)
    {
      chip = find_labelled (GTK_WIDGET (f->view), GTK_TYPE_CHECK_BUTTON, problem->markets[i].name);
      g_assert_nonnull (chip);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (chip), FALSE);
    }
  lf_test_spin ();
  g_assert_null (cell (g, 1, 0));
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    set_check (f, GTK_TYPE_CHECK_BUTTON, names[k], TRUE);

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    g_assert_cmpstr (cell (g, k + 1, 0), ==, names[k]);
  g_assert_null (gtk_grid_get_child_at (g, G_N_ELEMENTS (names) + 1, 0));
  for (guint p = 0; p < LF_N_PARAMS; p++)
    {
      const LfParamInfo *info = lf_param_info (p);
      guint expected = 0;

      row = grid_row (g, info->label);
      g_assert_cmpint (row, >, 0);
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          int i = market_index (problem, names[k]);

          if (lf_problem_param (problem, i, p) != lf_problem_param (problem, market_index (problem, names[0]), p))
            expected |= 1u << k;
          if (info->unit == LF_UNIT_MONEY)
            {
              g_autofree char *text = lf_format_money (lf_problem_param (problem, i, p), "USD", LF_MONEY_UNITS);

              g_assert_cmpstr (cell (g, k + 1, row), ==, text);
            }
        }
      g_assert_cmpuint (row_marks (g, row, G_N_ELEMENTS (names)), ==, expected);
    }
  for (row = 1; gtk_grid_get_child_at (g, 0, row) != NULL; row++)
    if (gtk_widget_has_css_class (gtk_grid_get_child_at (g, 0, row), "compare-title"))
      {
        guint marks = row_marks (g, row, G_N_ELEMENTS (names));

        all_agree += marks == 0;
      }
  /* Some rows agree and show no tint at all. */
  g_assert_cmpuint (all_agree, >, 0);
  row = grid_row (g, "Cost");
  g_assert_cmpint (row, >, 0);
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autofree char *text = lf_format_money (plan->markets[market_index (problem, names[k])].cost, "USD",
                                               LF_MONEY_UNITS);

      g_assert_cmpstr (cell (g, k + 1, row), ==, text);
    }

  /* The money scale of the window applies. */
  lf_compare_view_set_money_scale (f->view, LF_MONEY_THOUSANDS);
  lf_test_spin ();
  {
    g_autofree char *text = lf_format_money (plan->markets[market_index (problem, names[0])].cost, "USD",
                                             LF_MONEY_THOUSANDS);

    g_assert_cmpstr (cell (g, 1, grid_row (g, "Cost")), ==, text);
  }
  screenshot (f, "compare-markets-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (f, "compare-markets-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (chart_in_sight (f, "markets_chart"));

  /* As narrow as beside the editor in a 1400 px window: the chart goes
   * above the long grid, still in sight. */
  gtk_window_set_default_size (f->window, 780, 900);
  for (int i = 0; i < 300 && gtk_widget_get_width (GTK_WIDGET (f->view)) > 780; i++)
    {
      lf_test_spin ();
      g_usleep (10000);
    }
  lf_test_spin ();
  screenshot (f, "compare-markets-narrow.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), <=, 780);
  g_assert_true (chart_in_sight (f, "markets_chart"));
}

/* Until the user ticks some, the markets are the leading entered ones
 * of the plan, which may come after the snapshot. */
static void
test_default_markets (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LfProblem) problem = lf_problem_new_from_scenario (f->scenario);
  g_autoptr(LfPlan) plan = lf_solver_solve (problem, NULL, NULL, NULL);
  guint expected[LF_CHART_COMPARE_MAX];
  guint n = lf_chart_default_compare (problem, plan, expected);
  GtkGrid *g = grid (f, "markets-grid");

  lf_compare_view_set_scenario (f->view, NULL);
  lf_compare_view_set_scenario (f->view, f->scenario);
  lf_compare_view_set_plan (f->view, problem, NULL);
  lf_test_spin ();
  g_assert_null (cell (g, 1, 0));
  lf_compare_view_set_plan (f->view, problem, plan);
  lf_test_spin ();
  g_assert_cmpuint (n, >=, 2);
  for (guint k = 0; k < n; k++)
    g_assert_cmpstr (cell (g, k + 1, 0), ==, problem->markets[expected[k]].name);
  g_assert_null (cell (g, n + 1, 0));
}

static guint
count_plans (Fixture *f)
{
  g_autoptr(GPtrArray) plans = lf_store_list_plans (f->store, f->id, NULL);

  g_assert_nonnull (plans);

  return plans->len;
}

/* Keep the plan, change the budget, compare the kept plan with the new
 * one; then delete it. */
static void
test_kept_plan (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *keep;
  GtkGrid *g = grid (f, "scenarios-grid");
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *old_budget = lf_format_money (lf_scenario_get_budget (f->scenario), "USD", LF_MONEY_UNITS);
  g_autofree char *new_budget = lf_format_money (4e6, "USD", LF_MONEY_UNITS);
  GtkWidget *row;
  int budget_row;

  show_scenarios (f, TRUE);
  keep = find_labelled (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Keep Plan");
  g_assert_nonnull (keep);
  g_assert_true (gtk_widget_get_sensitive (keep));
  g_assert_cmpuint (count_plans (f), ==, 0);
  g_signal_emit_by_name (keep, "clicked");
  lf_test_spin ();
  g_assert_cmpuint (count_plans (f), ==, 1);
  plans = lf_store_list_plans (f->store, f->id, NULL);
  when = g_date_time_new_from_unix_local (((LfStoredPlan *) g_ptr_array_index (plans, 0))->created / G_USEC_PER_SEC);
  title = g_date_time_format (when, "%x %X");
  row = find_labelled (GTK_WIDGET (f->view), ADW_TYPE_ACTION_ROW, title);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Value "));

  g_assert_true (lf_session_set_budget (f->session, f->scenario, 4e6, NULL));
  resolve (f);
  /* Ticked, unticked while it is swept, ticked again: it still ends. */
  set_check (f, ADW_TYPE_ACTION_ROW, title, TRUE);
  set_check (f, ADW_TYPE_ACTION_ROW, title, FALSE);
  g_assert_null (cell (g, 2, 0));
  set_check (f, ADW_TYPE_ACTION_ROW, title, TRUE);
  wait_idle (f);

  g_assert_cmpstr (cell (g, 1, 0), ==, lf_scenario_get_name (f->scenario));
  g_assert_cmpstr (cell (g, 2, 0), ==, title);
  budget_row = grid_row (g, "Budget");
  g_assert_cmpint (budget_row, >, 0);
  g_assert_cmpstr (cell (g, 1, budget_row), ==, new_budget);
  g_assert_cmpstr (cell (g, 2, budget_row), ==, old_budget);
  g_assert_cmpuint (row_marks (g, budget_row, 2), ==, 1u << 1);
  g_assert_cmpuint (row_marks (g, grid_row (g, "Status"), 2), ==, 0);
  g_assert_false (gtk_widget_get_visible (lf_test_find_named (GTK_WIDGET (f->view), "currency-note")));
  screenshot (f, "compare-plans-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (f, "compare-plans-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* In euros now: the plan kept in dollars cannot be compared figure for
   * figure, and the page says so. */
  g_assert_true (lf_session_set_currency (f->session, f->scenario, "EUR", NULL));
  resolve (f);
  wait_idle (f);
  g_assert_true (g_str_has_suffix (cell (g, 1, budget_row), " EUR"));
  g_assert_true (g_str_has_suffix (cell (g, 2, budget_row), " USD"));
  g_assert_true (gtk_widget_get_visible (lf_test_find_named (GTK_WIDGET (f->view), "currency-note")));
  screenshot (f, "compare-currencies.png");
  g_assert_true (lf_session_set_currency (f->session, f->scenario, "USD", NULL));
  resolve (f);
  wait_idle (f);
  g_assert_false (gtk_widget_get_visible (lf_test_find_named (GTK_WIDGET (f->view), "currency-note")));

  /* Deleting it takes it off the list, the store and the grid. */
  row = find_labelled (GTK_WIDGET (f->view), ADW_TYPE_ACTION_ROW, title);
  g_assert_nonnull (lf_test_find_named (row, "delete-kept-plan"));
  g_signal_emit_by_name (lf_test_find_named (row, "delete-kept-plan"), "clicked");
  lf_test_spin ();
  g_assert_cmpuint (count_plans (f), ==, 0);
  g_assert_null (find_labelled (GTK_WIDGET (f->view), ADW_TYPE_ACTION_ROW, title));
  g_assert_null (cell (g, 2, 0));
}

/* Another scenario of the workspace, solved and swept off the main
 * thread: the objective differs, and so does each headline. */
static void
test_two_scenarios (Fixture       *f,
                    gconstpointer  data)
{
  gint64 other = import_example (f->store, "min-cost.json");
  g_autoptr(LfScenario) scenario = lf_store_load_scenario (f->store, other, NULL);
  g_autoptr(LfProblem) problem = lf_problem_new_from_scenario (scenario);
  g_autoptr(LfPlan) plan = lf_solver_solve (problem, NULL, NULL, NULL);
  g_autofree char *value = lf_format_decimal (plan->value, 4);
  GtkGrid *g = grid (f, "scenarios-grid");
  int row;

  /* The session lists scenarios it was told about: reopen it. */
  g_clear_object (&f->scenario);
  g_clear_object (&f->session);
  f->session = lf_session_new (f->store);
  f->scenario = lf_session_load (f->session, f->id, NULL);
  lf_compare_view_set_session (f->view, f->session);
  lf_compare_view_set_scenario (f->view, f->scenario);
  resolve (f);
  show_scenarios (f, TRUE);
  g_assert_null (find_labelled (GTK_WIDGET (f->view), ADW_TYPE_ACTION_ROW, lf_scenario_get_name (f->scenario)));
  set_check (f, ADW_TYPE_ACTION_ROW, lf_scenario_get_name (scenario), TRUE);
  wait_idle (f);

  g_assert_cmpstr (cell (g, 2, 0), ==, lf_scenario_get_name (scenario));
  row = grid_row (g, "Value");
  g_assert_cmpstr (cell (g, 2, row), ==, value);
  row = grid_row (g, "Objective");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (cell (g, 1, row), ==, "Maximise value");
  g_assert_cmpstr (cell (g, 2, row), ==, "Minimise cost");
  g_assert_cmpuint (row_marks (g, row, 2), ==, 1u << 1);
  screenshot (f, "compare-scenarios-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (f, "compare-scenarios-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* A rename shows in its column and in the list at once. */
  g_assert_true (lf_store_rename_scenario (f->store, other, "Cheapest entry", NULL));
  wait_idle (f);
  g_assert_cmpstr (cell (g, 2, 0), ==, "Cheapest entry");
  g_assert_nonnull (find_labelled (GTK_WIDGET (f->view), ADW_TYPE_ACTION_ROW, "Cheapest entry"));

  set_check (f, ADW_TYPE_ACTION_ROW, "Cheapest entry", FALSE);
  g_assert_null (cell (g, 2, 0));
}

/* A scenario the solver refuses (a new one: no budget to maximise value
 * within) is solved once, not again and again: the page comes to rest. */
static void
test_refused_scenario (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LfScenario) empty = lf_scenario_new ("Nothing to maximise within");
  gint64 other = lf_store_add_scenario (f->store, empty, NULL);

  g_assert_cmpint (other, >, 0);
  g_clear_object (&f->scenario);
  g_clear_object (&f->session);
  f->session = lf_session_new (f->store);
  f->scenario = lf_session_load (f->session, f->id, NULL);
  lf_compare_view_set_session (f->view, f->session);
  lf_compare_view_set_scenario (f->view, f->scenario);
  resolve (f);
  show_scenarios (f, TRUE);
  set_check (f, ADW_TYPE_ACTION_ROW, "Nothing to maximise within", TRUE);
  wait_idle (f);
  g_assert_false (lf_compare_view_get_busy (f->view));
}

static guint
count_chips (GtkWidget *root)
{
  guint n = GTK_IS_CHECK_BUTTON (root) && gtk_check_button_get_label (GTK_CHECK_BUTTON (root)) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_chips (child);

  return n;
}

/* A long market list shows a search and a few chips, not hundreds. */
static void
test_many_markets (Fixture       *f,
                   gconstpointer  data)
{
  guint before = lf_scenario_get_n_markets (f->scenario);
  GtkWidget *search;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Region %02u", i);
      g_autoptr(LfMarket) market = lf_market_new (name);

      g_assert_true (lf_store_add_market (f->store, f->id, before + i, market, NULL));
    }
  lf_test_spin ();
  g_assert_cmpuint (lf_scenario_get_n_markets (f->scenario), ==, before + 60);
  resolve (f);
  show_scenarios (f, FALSE);
  search = lf_test_find_named (GTK_WIDGET (f->view), "market-search");
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_get_visible (search));
  g_assert_cmpuint (count_chips (GTK_WIDGET (f->view)), <=, 40 + 6);
  g_assert_null (find_labelled (GTK_WIDGET (f->view), GTK_TYPE_CHECK_BUTTON, "Region 59"));
  gtk_editable_set_text (GTK_EDITABLE (search), "region 59");
  g_signal_emit_by_name (search, "search-changed");
  lf_test_spin ();
  set_check (f, GTK_TYPE_CHECK_BUTTON, "Region 59", TRUE);
  g_assert_cmpstr (cell (grid (f, "markets-grid"), 0, 0), ==, "");
  {
    GtkGrid *g = grid (f, "markets-grid");
    gboolean found = FALSE;

    for (int c = 1; c <= 6 && !found; c++)
      found = g_strcmp0 (cell (g, c, 0), "Region 59") == 0;
    g_assert_true (found);
  }
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
  g_assert_nonnull (lf_get_resource ());  /* links the resources in, as the application does */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    /* An application loads it by itself; a bare window does not. */
    gtk_css_provider_load_from_resource (css, "/io/github/landfall/Landfall/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/compare-view/markets", Fixture, NULL, fixture_setup, test_markets, fixture_teardown);
  g_test_add ("/compare-view/default-markets", Fixture, NULL, fixture_setup, test_default_markets, fixture_teardown);
  g_test_add ("/compare-view/kept-plan", Fixture, NULL, fixture_setup, test_kept_plan, fixture_teardown);
  g_test_add ("/compare-view/many-markets", Fixture, NULL, fixture_setup, test_many_markets, fixture_teardown);
  g_test_add ("/compare-view/refused-scenario", Fixture, NULL, fixture_setup, test_refused_scenario, fixture_teardown);
  g_test_add ("/compare-view/two-scenarios", Fixture, NULL, fixture_setup, test_two_scenarios, fixture_teardown);

  return g_test_run ();
}
