/* test-analysis-view.c: the What If page, driven through its real widgets
 *
 * Each section runs on the example scenario through the widget's own
 * buttons, and what it shows must equal the engine's synchronous result
 * with the same arguments. Runs under xvfb-run; without a display it
 * prints a TAP skip. With LANDFALL_SCREENSHOT_DIR set it also saves every
 * section as PNG, light and dark, wide and narrow.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf-analysis-text.h"
#include "lf-analysis-view.h"
#include "lf-number-row.h"
#include "lf-resources.h"
#include "lf-scenario-json.h"
#include "lf-solver.h"
#include "lf-test-gui.h"

typedef struct
{
  LfProblem      *problem;
  LfPlan         *plan;
  GtkWindow      *window;
  LfAnalysisView *view;
} Fixture;

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = lf_test_find_named (GTK_WIDGET (f->view), name);

  g_assert_nonnull (widget);

  return widget;
}

typedef gboolean (*Condition) (Fixture *f);

/* Runs the main loop until @cond holds, at most a minute (sanitizers). */
static gboolean
wait_for (Fixture   *f,
          Condition  cond)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (!cond (f))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }

  return TRUE;
}

static gboolean
is_idle (Fixture *f)
{
  return !lf_analysis_view_is_busy (f->view);
}

static void
wait_idle (Fixture *f)
{
  g_assert_true (wait_for (f, is_idle));
  lf_test_spin ();
}

static LfProblem *
read_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_EXAMPLES_DIR"), "china-customer-service.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) scenario = lf_scenario_json_read_file (file, NULL, &error);

  g_assert_no_error (error);

  return lf_problem_new_from_scenario (scenario);
}

static LfPlan *
solve (LfProblem *problem)
{
  g_autoptr(GError) error = NULL;
  LfPlan *plan = lf_solver_solve (problem, NULL, NULL, &error);

  g_assert_no_error (error);

  return plan;
}

/* The example's markets over and over, each copy a little more valuable
 * than the last, with the budget and caps grown to match: enough
 * markets that the thresholds take a while and the lists must scroll. */
static LfProblem *
many_markets (const LfProblem *example,
              guint            n_markets)
{
  LfProblem *problem = lf_problem_new (n_markets);
  double grow = (double) n_markets / example->n_markets;

  memcpy (problem->currency, example->currency, sizeof problem->currency);
  problem->objective = example->objective;
  problem->budget = example->budget * grow;
  problem->risk_cap = example->risk_cap * grow;
  problem->headcount_cap = example->headcount_cap * grow;
  for (guint i = 0; i < n_markets; i++)
    {
      const LfProblemMarket *from = &example->markets[i % example->n_markets];
      LfProblemMarket *to = &problem->markets[i];

      g_free (to->name);
      to->name = g_strdup_printf ("%s %u", from->name, i / example->n_markets + 1);
      to->v = from->v;
      to->v.value[LF_PARAM_ALPHA] *= 1 + 0.02 * i;
    }

  return problem;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->problem = read_example ();
  f->plan = solve (f->problem);
  g_assert_cmpint (f->plan->status, ==, LF_PLAN_OPTIMAL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 900);
  f->view = lf_analysis_view_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  lf_test_spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  lf_test_spin ();
  g_clear_pointer (&f->plan, lf_plan_unref);
  g_clear_pointer (&f->problem, lf_problem_unref);
}

static gboolean
same_double (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static void
click (Fixture    *f,
       const char *name)
{
  GtkWidget *button = named (f, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static const char *
button_label (Fixture    *f,
              const char *name)
{
  return gtk_button_get_label (GTK_BUTTON (named (f, name)));
}

/* The title and subtitle of each row of a section's list. */
static GPtrArray *
list_rows (Fixture    *f,
           const char *name)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (named (f, name)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_ptr_array_add (rows, row);

  return rows;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
row_subtitle (gpointer row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
check_sweep (const LfSweepResult *shown,
             const LfSweepResult *expected)
{
  g_assert_cmpuint (shown->n_points, ==, expected->n_points);
  for (guint k = 0; k < expected->n_points; k++)
    {
      g_assert_cmpfloat (shown->budget[k], ==, expected->budget[k]);
      g_assert_true (same_double (shown->value[k], expected->value[k]));
      g_assert_cmpstr (shown->change[k], ==, expected->change[k]);
    }
}

static void
check_budget_list (Fixture             *f,
                   const LfSweepResult *sweep)
{
  g_autoptr(GPtrArray) rows = list_rows (f, "budget-list");
  guint r = 0;

  for (guint k = 0; k < sweep->n_points; k++)
    {
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;

      if (!lf_analysis_is_change_point (sweep, k))
        continue;
      g_assert_cmpuint (r, <, rows->len);
      title = lf_analysis_change_title (sweep, k, "USD", LF_MONEY_UNITS);
      text = lf_analysis_change_text (sweep, k);
      g_assert_cmpstr (row_title (rows->pdata[r]), ==, title);
      g_assert_cmpstr (row_subtitle (rows->pdata[r]), ==, text);
      r++;
    }
  g_assert_cmpuint (r, ==, rows->len);
  g_assert_cmpuint (r, >, 3);
}

/* The frontier runs by itself, 0 to twice the budget at 41 points, and
 * again a moment after the problem changes. */
static void
test_sweep (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSweepResult) expected = NULL;
  g_autoptr(LfSweepResult) expected2 = NULL;
  g_autoptr(LfProblem) richer = lf_problem_copy (f->problem);
  g_autoptr(LfPlan) richer_plan = NULL;
  const LfSweepResult *sweep = NULL;

  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  g_assert_true (lf_analysis_view_is_busy (f->view));
  g_assert_false (lf_analysis_view_get_current (f->view, &sweep, NULL, NULL));
  wait_idle (f);
  g_assert_true (lf_analysis_view_get_current (f->view, &sweep, NULL, NULL));
  expected = lf_analysis_sweep (f->problem, 0, 2 * f->problem->budget, 41, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  check_sweep (sweep, expected);
  check_budget_list (f, sweep);
  /* An idle sweep shows no status strip. */
  g_assert_false (gtk_widget_is_visible (named (f, "budget-button")));

  /* The same numbers in a new snapshot: nothing to do. */
  {
    g_autoptr(LfProblem) copy = lf_problem_copy (f->problem);

    lf_analysis_view_set_problem (f->view, copy, f->plan);
    g_assert_false (lf_analysis_view_is_busy (f->view));
  }

  richer->budget *= 1.5;
  richer_plan = solve (richer);
  lf_analysis_view_set_problem (f->view, richer, richer_plan);
  g_assert_false (lf_analysis_view_get_current (f->view, &sweep, NULL, NULL));
  wait_idle (f);
  g_assert_true (lf_analysis_view_get_current (f->view, &sweep, NULL, NULL));
  expected2 = lf_analysis_sweep (richer, 0, 2 * richer->budget, 41, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  check_sweep (sweep, expected2);
  check_budget_list (f, sweep);
}

/* A range typed in the money scale of the preferences. */
static void
test_sweep_range (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSweepResult) expected = NULL;
  const LfSweepResult *sweep = NULL;
  GtkEditable *to, *points;

  lf_analysis_view_set_money_scale (f->view, LF_MONEY_MILLIONS);
  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  wait_idle (f);
  to = lf_number_row_get_entry (LF_NUMBER_ROW (named (f, "sweep-to")));
  points = lf_number_row_get_entry (LF_NUMBER_ROW (named (f, "sweep-points")));
  g_assert_cmpstr (gtk_editable_get_text (to), ==, "12");
  gtk_editable_set_text (to, "9");
  gtk_editable_set_text (points, "10");
  g_assert_true (lf_analysis_view_is_busy (f->view));
  wait_idle (f);
  expected = lf_analysis_sweep (f->problem, 0, 9e6, 10, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lf_analysis_view_get_current (f->view, &sweep, NULL, NULL));
  check_sweep (sweep, expected);

  /* A range the other way round is refused on its row, and nothing runs. */
  gtk_editable_set_text (to, "0");
  g_assert_true (lf_number_row_has_error (LF_NUMBER_ROW (named (f, "sweep-to"))));
  g_assert_false (lf_analysis_view_is_busy (f->view));
  g_assert_true (gtk_widget_is_visible (named (f, "budget-button")));
  g_assert_false (gtk_widget_is_sensitive (named (f, "budget-button")));
}

static void
test_thresholds (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfThresholdResult) expected = lf_analysis_thresholds (f->problem, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  wait_idle (f);
  g_assert_cmpstr (button_label (f, "thresholds-button"), ==, "Run");
  click (f, "thresholds-button");
  g_assert_true (lf_analysis_view_is_busy (f->view));
  g_assert_cmpstr (button_label (f, "thresholds-button"), ==, "Cancel");
  wait_idle (f);
  g_assert_cmpstr (button_label (f, "thresholds-button"), ==, "Run Again");

  rows = list_rows (f, "thresholds-list");
  g_assert_cmpuint (rows->len, ==, expected->n_markets);
  for (guint i = 0; i < expected->n_markets; i++)
    {
      g_autofree char *text = lf_analysis_threshold_text (expected, f->problem, i);

      g_assert_cmpstr (row_title (rows->pdata[i]), ==, expected->market_names[i]);
      g_assert_cmpstr (row_subtitle (rows->pdata[i]), ==, text);
    }
  /* India is out and would come in with a larger value weight. */
  g_assert_true (g_str_has_prefix (row_subtitle (rows->pdata[5]), "Enters when its value weight rises ×"));
}

/* Shown, the Thresholds section of a small scenario finds them by itself,
 * and again after an edit, without a click. */
static void
test_thresholds_auto (Fixture       *f,
                      gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->view), LF_TYPE_ANALYSIS_VIEW, "stack"));
  g_autoptr(LfProblem) edited = lf_problem_copy (f->problem);
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(LfThresholdResult) expected = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  wait_idle (f);
  g_assert_cmpstr (button_label (f, "thresholds-button"), ==, "Run");
  gtk_stack_set_visible_child_name (stack, "thresholds");
  wait_idle (f);
  g_assert_cmpstr (button_label (f, "thresholds-button"), ==, "Run Again");
  rows = list_rows (f, "thresholds-list");
  g_assert_cmpuint (rows->len, ==, f->problem->n_markets);

  /* Its rows are those of the edited scenario, found anew. */
  edited->budget *= 1.5;
  plan = solve (edited);
  expected = lf_analysis_thresholds (edited, NULL, NULL, NULL, NULL);
  lf_analysis_view_set_problem (f->view, edited, plan);
  wait_idle (f);
  g_assert_cmpstr (button_label (f, "thresholds-button"), ==, "Run Again");
  g_ptr_array_unref (rows);
  rows = list_rows (f, "thresholds-list");
  g_assert_cmpuint (rows->len, ==, expected->n_markets);
  for (guint i = 0; i < expected->n_markets; i++)
    {
      g_autofree char *text = lf_analysis_threshold_text (expected, edited, i);

      g_assert_cmpstr (row_subtitle (rows->pdata[i]), ==, text);
    }
}

static void
test_tornado (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfTornadoResult) expected = lf_analysis_tornado (f->problem, 0.8, 1.2, 0, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  const LfTornadoResult *tornado = NULL;
  GtkWidget *more;

  g_assert_no_error (error);
  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  wait_idle (f);
  click (f, "tornado-button");
  wait_idle (f);
  g_assert_true (lf_analysis_view_get_current (f->view, NULL, &tornado, NULL));
  g_assert_nonnull (tornado);
  g_assert_cmpfloat (tornado->base_value, ==, expected->base_value);
  g_assert_cmpuint (tornado->n_items, ==, expected->n_items);
  rows = list_rows (f, "tornado-list");
  /* The largest swings, as many as are worth reading, then how many are left. */
  g_assert_cmpuint (expected->n_items, >, 40);
  g_assert_cmpuint (rows->len, ==, 40);
  more = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (named (f, "tornado-more")));
  g_assert_cmpuint (strtoul (gtk_label_get_text (GTK_LABEL (more)), NULL, 10), ==, expected->n_items - 40);
  for (guint k = 0; k < expected->n_items; k++)
    {
      g_autofree char *detail = lf_analysis_tornado_detail (expected, &expected->items[k], f->problem,
                                                            LF_MONEY_UNITS);

      g_assert_cmpstr (tornado->items[k].label, ==, expected->items[k].label);
      g_assert_true (same_double (tornado->items[k].low_value, expected->items[k].low_value));
      g_assert_true (same_double (tornado->items[k].high_value, expected->items[k].high_value));
      if (k >= rows->len)
        continue;
      g_assert_cmpstr (row_title (rows->pdata[k]), ==, expected->items[k].label);
      g_assert_cmpstr (row_subtitle (rows->pdata[k]), ==, detail);
    }
}

/* Other multipliers, typed in; one out of range stops the run. */
static void
test_tornado_multipliers (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfTornadoResult) expected = lf_analysis_tornado (f->problem, 0.5, 1.5, 0, NULL, NULL, NULL, &error);
  const LfTornadoResult *tornado = NULL;
  GtkEditable *low, *high;

  g_assert_no_error (error);
  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  wait_idle (f);
  low = lf_number_row_get_entry (LF_NUMBER_ROW (named (f, "tornado-low")));
  high = lf_number_row_get_entry (LF_NUMBER_ROW (named (f, "tornado-high")));
  g_assert_cmpstr (gtk_editable_get_text (low), ==, "0.8");
  gtk_editable_set_text (low, "1.5");
  g_assert_true (lf_number_row_has_error (LF_NUMBER_ROW (named (f, "tornado-low"))));
  g_assert_false (gtk_widget_is_sensitive (named (f, "tornado-button")));
  gtk_editable_set_text (low, "0.5");
  gtk_editable_set_text (high, "1.5");
  click (f, "tornado-button");
  wait_idle (f);
  g_assert_true (lf_analysis_view_get_current (f->view, NULL, &tornado, NULL));
  g_assert_cmpfloat (tornado->low_multiplier, ==, 0.5);
  g_assert_cmpfloat (tornado->high_multiplier, ==, 1.5);
  g_assert_cmpuint (tornado->n_items, ==, expected->n_items);
  for (guint k = 0; k < expected->n_items; k++)
    {
      g_assert_true (same_double (tornado->items[k].low_value, expected->items[k].low_value));
      g_assert_true (same_double (tornado->items[k].high_value, expected->items[k].high_value));
    }
}

static GtkProgressBar *
section_progress (Fixture    *f,
                  const char *section)
{
  g_autofree char *button = g_strdup_printf ("%s-button", section);

  return GTK_PROGRESS_BAR (gtk_widget_get_prev_sibling (named (f, button)));
}

/* The thresholds report market by market: caught half way. */
static gboolean
thresholds_part_done (Fixture *f)
{
  double fraction = gtk_progress_bar_get_fraction (section_progress (f, "thresholds"));

  return g_strcmp0 (button_label (f, "thresholds-button"), "Cancel") != 0 || (fraction > 0 && fraction < 1);
}

static void
test_thresholds_progress (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LfProblem) big = many_markets (f->problem, 60);
  g_autoptr(LfPlan) plan = solve (big);
  g_autoptr(GPtrArray) rows = NULL;
  GtkProgressBar *bar = section_progress (f, "thresholds");
  const char *text;
  guint done = 0, total = 0;

  g_assert_cmpint (plan->status, ==, LF_PLAN_OPTIMAL);
  lf_analysis_view_set_problem (f->view, big, plan);
  click (f, "thresholds-button");
  g_assert_cmpstr (gtk_progress_bar_get_text (bar), ==, "Finding the thresholds…");
  g_assert_true (wait_for (f, thresholds_part_done));
  g_assert_cmpstr (button_label (f, "thresholds-button"), ==, "Cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  text = gtk_progress_bar_get_text (bar);
  g_assert_cmpint (sscanf (text, "Thresholds: %u of %u", &done, &total), ==, 2);
  g_assert_cmpuint (total, ==, 60);
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (done, <, total);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (bar), (double) done / total, 1e-9);
  /* The rest would take long under the sanitizers: Cancel ends it. */
  click (f, "thresholds-button");
  g_assert_cmpstr (button_label (f, "thresholds-button"), ==, "Run");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  rows = list_rows (f, "thresholds-list");
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
check_montecarlo (const LfMonteCarloResult *shown,
                  const LfMonteCarloResult *expected)
{
  g_assert_cmpuint (shown->n_samples, ==, expected->n_samples);
  g_assert_cmpuint (shown->n_drawn, ==, expected->n_drawn);
  for (guint k = 0; k < expected->n_samples; k++)
    g_assert_cmpfloat (shown->values[k], ==, expected->values[k]);
  g_assert_cmpfloat (shown->p5, ==, expected->p5);
  g_assert_cmpfloat (shown->p50, ==, expected->p50);
  g_assert_cmpfloat (shown->p95, ==, expected->p95);
  g_assert_cmpfloat (shown->mean, ==, expected->mean);
  g_assert_true (same_double (shown->overrun_probability, expected->overrun_probability));
  for (guint i = 0; i < expected->n_markets; i++)
    g_assert_cmpfloat (shown->entry_frequency[i], ==, expected->entry_frequency[i]);
}

static const char *
figure_text (Fixture    *f,
             const char *name)
{
  GtkWidget *card = named (f, name);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (card)));
}

static void
run_montecarlo (Fixture *f)
{
  click (f, "montecarlo-button");
  wait_idle (f);
}

/* A progress report has streamed some samples, not all. */
static gboolean
has_streamed (Fixture *f)
{
  GtkWidget *figures = gtk_widget_get_parent (gtk_widget_get_parent (named (f, "figure-p50")));
  GtkWidget *bar = gtk_widget_get_prev_sibling (named (f, "montecarlo-button"));
  double fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));

  return gtk_widget_get_visible (figures) && fraction > 0;
}

/* The entry frequency of the market named @name; fails if there is none. */
static double
frequency_of (const LfMonteCarloResult *mc,
              const char               *name)
{
  for (guint i = 0; i < mc->n_markets; i++)
    {
      if (g_strcmp0 (mc->market_names[i], name) == 0)
        return mc->entry_frequency[i];
    }
  g_assert_not_reached ();
}

static void
test_montecarlo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfMonteCarloResult) expected = lf_analysis_monte_carlo (f->problem, 2000, 1, 0, NULL, NULL, NULL, &error);
  const LfMonteCarloResult *mc = NULL;
  const LfMonteCarloResult *before = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *p50 = NULL;
  g_autofree char *overrun = NULL;
  GtkEditable *samples;
  GtkWidget *bar;

  g_assert_no_error (error);
  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  wait_idle (f);
  run_montecarlo (f);
  g_assert_true (lf_analysis_view_get_current (f->view, NULL, NULL, &mc));
  check_montecarlo (mc, expected);
  p50 = lf_analysis_value_text (f->problem, expected->p50, LF_MONEY_UNITS);
  g_assert_cmpstr (figure_text (f, "figure-p50"), ==, p50);
  overrun = lf_format_percent (expected->overrun_probability, 1);
  g_assert_cmpstr (figure_text (f, "figure-overrun"), ==, overrun);
  rows = list_rows (f, "montecarlo-list");
  g_assert_cmpuint (rows->len, ==, expected->n_markets);
  /* Every market once, the most often entered first, as in the chart. */
  for (guint r = 0; r < rows->len; r++)
    {
      double previous = r > 0 ? frequency_of (expected, row_title (rows->pdata[r - 1])) : 1;

      g_assert_cmpfloat (frequency_of (expected, row_title (rows->pdata[r])), <=, previous);
    }

  /* A long run, cancelled once samples have streamed in: the view is idle
   * at once and keeps the last finished result. */
  before = mc;
  samples = lf_number_row_get_entry (LF_NUMBER_ROW (named (f, "montecarlo-samples")));
  gtk_editable_set_text (samples, "400000");
  click (f, "montecarlo-button");
  g_assert_cmpstr (button_label (f, "montecarlo-button"), ==, "Cancel");
  g_assert_true (wait_for (f, has_streamed));
  g_ptr_array_unref (rows);
  rows = list_rows (f, "montecarlo-list");
  g_assert_cmpuint (rows->len, ==, 0);  /* the frequencies come at the end */
  bar = gtk_widget_get_prev_sibling (named (f, "montecarlo-button"));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), <, 1);
  g_assert_true (g_str_has_prefix (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), "Monte Carlo: "));
  g_assert_true (g_str_has_suffix (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), " of 400000"));
  click (f, "montecarlo-button");
  g_assert_false (lf_analysis_view_is_busy (f->view));
  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_cmpstr (button_label (f, "montecarlo-button"), ==, "Run Again");
  g_assert_true (lf_analysis_view_get_current (f->view, NULL, NULL, &mc));
  g_assert_true (mc == before);
  g_ptr_array_unref (rows);
  rows = list_rows (f, "montecarlo-list");
  g_assert_cmpuint (rows->len, ==, expected->n_markets);
  g_assert_cmpstr (figure_text (f, "figure-p50"), ==, p50);
  /* The worker's late end changes nothing. */
  g_usleep (300000);
  lf_test_spin ();
  g_assert_true (lf_analysis_view_get_current (f->view, NULL, NULL, &mc));
  g_assert_true (mc == before);
  g_assert_cmpstr (figure_text (f, "figure-p50"), ==, p50);
}

/* After a change the results of the old problem are out of date: not
 * current, marked, with Run Again. */
static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LfProblem) changed = lf_problem_copy (f->problem);
  g_autoptr(LfPlan) changed_plan = NULL;
  const LfTornadoResult *tornado = NULL;
  const LfMonteCarloResult *mc = NULL;
  GtkWidget *status;

  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  wait_idle (f);
  click (f, "tornado-button");
  wait_idle (f);
  run_montecarlo (f);
  g_assert_true (lf_analysis_view_get_current (f->view, NULL, &tornado, &mc));
  g_assert_nonnull (tornado);
  g_assert_nonnull (mc);

  changed->markets[1].v.value[LF_PARAM_ALPHA] *= 1.1;
  changed_plan = solve (changed);
  lf_analysis_view_set_problem (f->view, changed, changed_plan);
  lf_analysis_view_get_current (f->view, NULL, &tornado, &mc);
  g_assert_null (tornado);
  g_assert_null (mc);
  g_assert_cmpstr (button_label (f, "tornado-button"), ==, "Run Again");
  status = gtk_widget_get_prev_sibling (gtk_widget_get_prev_sibling (named (f, "tornado-button")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "The scenario changed since this ran.");
  click (f, "tornado-button");
  wait_idle (f);
  g_assert_true (lf_analysis_view_get_current (f->view, NULL, &tornado, &mc));
  g_assert_nonnull (tornado);
  g_assert_null (mc);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), !=, "The scenario changed since this ran.");
}

/* What cannot run says why, in place, and its button is off. */
static void
test_blocked (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LfProblem) tight = lf_problem_copy (f->problem);
  g_autoptr(LfProblem) no_budget = lf_problem_copy (f->problem);
  g_autoptr(LfPlan) tight_plan = NULL;
  GtkWidget *status;

  tight->headcount_cap = 1;
  tight_plan = solve (tight);
  g_assert_cmpint (tight_plan->status, ==, LF_PLAN_INFEASIBLE);
  lf_analysis_view_set_problem (f->view, tight, tight_plan);
  for (guint k = 0; k < 3; k++)
    {
      const char *name = (const char *[]) { "thresholds-button", "tornado-button", "montecarlo-button" }[k];

      g_assert_false (gtk_widget_is_sensitive (named (f, name)));
      status = gtk_widget_get_prev_sibling (gtk_widget_get_prev_sibling (named (f, name)));
      g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (status)), "No plan meets every limit"));
    }
  /* The sweep still runs, and says no budget of its range has a plan. */
  wait_idle (f);
  status = gtk_widget_get_prev_sibling (gtk_widget_get_prev_sibling (named (f, "budget-button")));
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (status)), "No budget from 0 USD to "));

  /* No budget and no plan: nothing to sweep around. */
  no_budget->objective = LF_OBJECTIVE_MIN_COST;
  no_budget->budget = NAN;
  no_budget->target_value = 5;
  lf_analysis_view_set_problem (f->view, no_budget, NULL);
  wait_idle (f);
  g_assert_false (gtk_widget_is_sensitive (named (f, "budget-button")));
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (status)), "no budget to sweep around") != NULL);
}

/* The page closed in the middle of a run: the run is cancelled, its late
 * reports find no view and are dropped, and nothing leaks. */
static void
test_destroy_running (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  gint64 end;

  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  wait_idle (f);
  gtk_editable_set_text (lf_number_row_get_entry (LF_NUMBER_ROW (named (f, "montecarlo-samples"))), "400000");
  click (f, "montecarlo-button");
  g_assert_true (wait_for (f, has_streamed));
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (f->window);
  f->window = NULL;
  lf_test_spin ();
  g_assert_null (view);
  /* Let the worker see the cancel and report back. */
  end = g_get_monotonic_time () + G_TIME_SPAN_SECOND / 2;
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Screenshots */

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* X resizes the window when it gets round to it: wait for that (a
 * screen smaller than @width caps it, hence the time limit). */
static void
resize (Fixture *f,
        int      width,
        int      height)
{
  gint64 end = g_get_monotonic_time () + G_TIME_SPAN_SECOND;

  gtk_window_set_default_size (f->window, width, height);
  while (gtk_widget_get_width (GTK_WIDGET (f->window)) != width && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  lf_test_spin ();
}

static void
shoot (Fixture    *f,
       const char *dir,
       const char *tag)
{
  static const char *const pages[] = { "budget", "thresholds", "tornado", "montecarlo" };
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (named (f, "budget-button"), GTK_TYPE_STACK));

  gtk_stack_set_transition_type (stack, GTK_STACK_TRANSITION_TYPE_NONE);

  for (guint k = 0; k < G_N_ELEMENTS (pages); k++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.png", pages[k], tag);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      gtk_stack_set_visible_child_name (stack, pages[k]);
      lf_test_spin ();
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      lf_test_spin ();
      save_png (GTK_WIDGET (f->window), path);
    }
}

static void
shoot_one (Fixture    *f,
           const char *dir,
           const char *page,
           const char *file)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (named (f, "budget-button"), GTK_TYPE_STACK));
  g_autofree char *path = g_build_filename (dir, file, NULL);

  gtk_stack_set_visible_child_name (stack, page);
  lf_test_spin ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_png (GTK_WIDGET (f->window), path);
}

/* Out of date, then blocked by an infeasible scenario. */
static void
shoot_states (Fixture    *f,
              const char *dir)
{
  g_autoptr(LfProblem) changed = lf_problem_copy (f->problem);
  g_autoptr(LfPlan) changed_plan = NULL;
  g_autoptr(LfProblem) tight = NULL;
  g_autoptr(LfPlan) tight_plan = NULL;

  changed->markets[1].v.value[LF_PARAM_ALPHA] *= 1.1;
  changed_plan = solve (changed);
  lf_analysis_view_set_problem (f->view, changed, changed_plan);
  wait_idle (f);
  shoot_one (f, dir, "tornado", "tornado-stale.png");
  tight = lf_problem_copy (changed);
  tight->headcount_cap = 1;
  tight_plan = solve (tight);
  lf_analysis_view_set_problem (f->view, tight, tight_plan);
  wait_idle (f);
  shoot_one (f, dir, "montecarlo", "montecarlo-blocked.png");
  shoot_one (f, dir, "budget", "budget-blocked.png");
}

/* Sixty markets: the thresholds and the tornado must scroll and stay
 * readable. Monte Carlo would take minutes at this size. */
static void
shoot_many_markets (Fixture    *f,
                    const char *dir)
{
  g_autoptr(LfProblem) big = many_markets (f->problem, 60);
  g_autoptr(LfPlan) plan = solve (big);
  static const char *const pages[] = { "budget", "thresholds", "tornado" };

  lf_analysis_view_set_problem (f->view, big, plan);
  wait_idle (f);
  click (f, "thresholds-button");
  g_assert_true (wait_for (f, thresholds_part_done));
  shoot_one (f, dir, "thresholds", "thresholds-60-running.png");
  wait_idle (f);
  click (f, "tornado-button");
  wait_idle (f);
  for (guint k = 0; k < G_N_ELEMENTS (pages); k++)
    {
      g_autofree char *wide = g_strdup_printf ("%s-60-wide.png", pages[k]);
      g_autofree char *narrow = g_strdup_printf ("%s-60-narrow.png", pages[k]);

      resize (f, 1400, 900);
      shoot_one (f, dir, pages[k], wide);
      resize (f, 360, 720);
      shoot_one (f, dir, pages[k], narrow);
    }
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("LANDFALL_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dir == NULL)
    {
      g_test_skip ("set LANDFALL_SCREENSHOT_DIR to save screenshots");
      return;
    }
  resize (f, 1400, 900);
  lf_analysis_view_set_money_scale (f->view, LF_MONEY_MILLIONS);
  lf_analysis_view_set_problem (f->view, f->problem, f->plan);
  wait_idle (f);
  click (f, "thresholds-button");
  wait_idle (f);
  click (f, "tornado-button");
  wait_idle (f);
  run_montecarlo (f);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  shoot (f, dir, "light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot (f, dir, "dark");
  resize (f, 360, 720);
  shoot (f, dir, "narrow");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (named (f, "sweep-from"),
                                                                            ADW_TYPE_EXPANDER_ROW)), TRUE);
  shoot_one (f, dir, "budget", "budget-settings-narrow.png");

  /* Monte Carlo while its samples stream in. */
  resize (f, 1400, 900);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_editable_set_text (lf_number_row_get_entry (LF_NUMBER_ROW (named (f, "montecarlo-samples"))), "400000");
  click (f, "montecarlo-button");
  g_assert_true (wait_for (f, has_streamed));
  {
    g_autofree char *path = g_build_filename (dir, "montecarlo-running.png", NULL);

    gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
    save_png (GTK_WIDGET (f->window), path);
  }
  click (f, "montecarlo-button");
  shoot_states (f, dir);
  shoot_many_markets (f, dir);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();
  g_assert_nonnull (lf_get_resource ());
  /* The application's own style sheet, as AdwApplication loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/analysis-view/sweep", Fixture, NULL, fixture_setup, test_sweep, fixture_teardown);
  g_test_add ("/analysis-view/sweep-range", Fixture, NULL, fixture_setup, test_sweep_range, fixture_teardown);
  g_test_add ("/analysis-view/thresholds", Fixture, NULL, fixture_setup, test_thresholds, fixture_teardown);
  g_test_add ("/analysis-view/thresholds-auto", Fixture, NULL, fixture_setup, test_thresholds_auto, fixture_teardown);
  g_test_add ("/analysis-view/thresholds-progress", Fixture, NULL, fixture_setup, test_thresholds_progress,
              fixture_teardown);
  g_test_add ("/analysis-view/tornado", Fixture, NULL, fixture_setup, test_tornado, fixture_teardown);
  g_test_add ("/analysis-view/tornado-multipliers", Fixture, NULL, fixture_setup, test_tornado_multipliers,
              fixture_teardown);
  g_test_add ("/analysis-view/montecarlo", Fixture, NULL, fixture_setup, test_montecarlo, fixture_teardown);
  g_test_add ("/analysis-view/stale", Fixture, NULL, fixture_setup, test_stale, fixture_teardown);
  g_test_add ("/analysis-view/blocked", Fixture, NULL, fixture_setup, test_blocked, fixture_teardown);
  g_test_add ("/analysis-view/destroy-running", Fixture, NULL, fixture_setup, test_destroy_running, fixture_teardown);
  g_test_add ("/analysis-view/screenshots", Fixture, NULL, fixture_setup, test_screenshots, fixture_teardown);

  return g_test_run ();
}
