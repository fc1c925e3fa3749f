/* test-window.c: the window, driven through its real widgets
 *
 * Runs under xvfb-run; without a display it prints a TAP skip.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lf-application.h"
#include "lf-board-pack.h"
#include "lf-number-row.h"
#include "lf-preferences.h"
#include "lf-solver.h"
#include "lf-test-examples.h"
#include "lf-test-gui.h"
#include "lf-window.h"

typedef struct
{
  char      *dir;
  char      *path;
  LfStore   *store;
  LfSession *session;
  LfWindow  *window;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @cond holds, at most two seconds. */
static gboolean
wait_for (Condition cond,
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static LfScenario *
current (Fixture *f)
{
  return lf_scenario_page_get_scenario (lf_window_get_page (f->window));
}

static const LfPlanSummary *
summary (Fixture *f)
{
  return lf_plan_view_get_summary (lf_scenario_page_get_plan_view (lf_window_get_page (f->window)));
}

/* The big number on the "Value" card. */
static const char *
headline_value (Fixture *f)
{
  GtkWidget *card = lf_test_find_named (GTK_WIDGET (f->window), "figure-value");
  GtkWidget *value;

  g_assert_nonnull (card);
  value = gtk_widget_get_next_sibling (gtk_widget_get_first_child (card));

  return gtk_label_get_text (GTK_LABEL (value));
}

static LfNumberRow *
number_row (Fixture    *f,
            const char *name)
{
  GtkWidget *row = lf_test_find_named (GTK_WIDGET (f->window), name);

  g_assert_true (LF_IS_NUMBER_ROW (row));

  return LF_NUMBER_ROW (row);
}

static void
type_into (LfNumberRow *row,
           const char  *text)
{
  GtkEditable *entry = lf_number_row_get_entry (row);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");  /* Enter */
  lf_test_spin ();
}

static void
open_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = lf_store_open (f->path, LF_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->session = lf_session_new (f->store);
  f->window = lf_window_new_with_session (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  lf_test_spin ();
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  lf_test_spin ();
  g_clear_object (&f->session);
  lf_store_close (f->store);
  g_clear_object (&f->store);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("landfall-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  open_window (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  close_window (f);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A new scenario with the seven markets of the example. */
static LfScenario *
new_china_scenario (Fixture *f)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfScenario) source = lf_problem_to_scenario (problem);
  LfScenario *scenario;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-scenario", NULL);
  lf_test_spin ();
  scenario = current (f);
  g_assert_nonnull (scenario);
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 0);
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 1e6);
  id = lf_session_get_id (f->session, scenario);
  for (guint i = 0; i < lf_scenario_get_n_markets (source); i++)
    g_assert_true (lf_store_add_market (f->store, id, i, lf_scenario_get_market (source, i), NULL));
  for (guint c = 0; c < LF_N_CAPS; c++)
    g_assert_true (lf_store_set_cap (f->store, id, c, lf_scenario_get_cap (source, c), NULL));
  lf_test_spin ();

  return scenario;
}

/* The solver's value for @scenario with @budget (NAN: its own). */
static char *
solver_value (LfScenario *scenario,
              double      budget)
{
  g_autoptr(LfProblem) problem = lf_problem_new_from_scenario (scenario);
  g_autoptr(LfPlan) plan = NULL;

  if (!isnan (budget))
    problem->budget = budget;
  plan = lf_solver_solve (problem, NULL, NULL, NULL);
  g_assert_nonnull (plan);
  g_assert_cmpint (plan->status, ==, LF_PLAN_OPTIMAL);

  return lf_format_decimal (plan->value, 4);
}

typedef struct
{
  Fixture    *f;
  const char *text;
} HeadlineIs;

static gboolean
headline_is (gpointer data)
{
  HeadlineIs *h = data;

  return g_strcmp0 (headline_value (h->f), h->text) == 0;
}

static void
test_budget_changes_value (Fixture       *f,
                           gconstpointer  data)
{
  LfScenario *scenario = new_china_scenario (f);
  g_autofree char *at_1m = solver_value (scenario, NAN);
  g_autofree char *at_4m = solver_value (scenario, 4e6);
  LfNumberRow *budget = number_row (f, "budget");

  gint64 start;

  g_assert_true (wait_for (headline_is, &(HeadlineIs) { f, at_1m }));
  start = g_get_monotonic_time ();
  type_into (budget, "4 000 000");
  g_assert_true (wait_for (headline_is, &(HeadlineIs) { f, at_4m }));
  g_test_message ("budget typed to headline shown: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (at_4m, !=, at_1m);
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 4e6);
  g_assert_false (lf_number_row_has_error (budget));
  type_into (budget, "6000000");
  g_assert_true (wait_for (headline_is, &(HeadlineIs) { f, "7.520" }));
}

static void
test_bad_value_refused (Fixture       *f,
                        gconstpointer  data)
{
  LfScenario *scenario = new_china_scenario (f);
  LfMarket *china = lf_scenario_get_market (scenario, 0);
  LfNumberRow *promote, *p_max;

  lf_scenario_page_show_market (lf_window_get_page (f->window), 0);
  lf_test_spin ();
  promote = number_row (f, "param-promote");
  g_assert_cmpstr (gtk_editable_get_text (lf_number_row_get_entry (promote)), ==, "9 000 000");

  type_into (promote, "-5");
  g_assert_true (lf_number_row_has_error (promote));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (promote), "error"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (promote)), "promote must be 0 or more"));
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_PROMOTE), ==, 9e6);

  type_into (promote, "abc");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (promote)), ==, "“abc” is not a number");
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_PROMOTE), ==, 9e6);

  p_max = number_row (f, "param-p_max");
  g_assert_cmpstr (gtk_editable_get_text (lf_number_row_get_entry (p_max)), ==, "25");
  type_into (p_max, "150");
  g_assert_true (lf_number_row_has_error (p_max));
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_P_MAX), ==, 0.25);
  type_into (p_max, "2");   /* below p_min = 3 % */
  g_assert_true (lf_number_row_has_error (p_max));
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_P_MAX), ==, 0.25);

  type_into (promote, "8 500 000");
  g_assert_false (lf_number_row_has_error (promote));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (promote), "error"));
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_PROMOTE), ==, 8.5e6);
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  LfScenario *scenario = new_china_scenario (f);
  LfNumberRow *budget = number_row (f, "budget");
  guint steps = lf_store_get_history_length (f->store);

  /* Keystroke by keystroke: the plan follows each, the store gets one step. */
  gtk_editable_set_text (lf_number_row_get_entry (budget), "2");
  lf_test_spin ();
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 2);
  gtk_editable_set_text (lf_number_row_get_entry (budget), "2 5");
  gtk_editable_set_text (lf_number_row_get_entry (budget), "2 500 00");
  type_into (budget, "2 500 000");
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 2.5e6);
  g_assert_cmpuint (lf_store_get_history_length (f->store), ==, steps + 1);
  g_assert_cmpstr (lf_store_get_undo_label (f->store), ==, "budget change");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  lf_test_spin ();
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 1e6);
  g_assert_cmpstr (gtk_editable_get_text (lf_number_row_get_entry (budget)), ==, "1 000 000");
  g_assert_cmpstr (lf_store_get_redo_label (f->store), ==, "budget change");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  lf_test_spin ();
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 2.5e6);
  g_assert_cmpstr (gtk_editable_get_text (lf_number_row_get_entry (budget)), ==, "2 500 000");

  /* Undo while still typing undoes the edit being typed. */
  gtk_editable_set_text (lf_number_row_get_entry (budget), "3");
  /* A few turns of the loop, not until it is idle: with the What If
   * page sweeping the new budget, idle could come after the pause that
   * commits the typing. */
  for (guint k = 0; k < 5; k++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 3);
  g_assert_true (lf_session_has_pending (f->session));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  lf_test_spin ();
  g_assert_false (lf_session_has_pending (f->session));
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 2.5e6);
  g_assert_cmpstr (gtk_editable_get_text (lf_number_row_get_entry (budget)), ==, "2 500 000");
}

static gboolean
is_infeasible (gpointer data)
{
  const LfPlanSummary *s = summary (data);

  return s != NULL && s->status == LF_PLAN_INFEASIBLE;
}

static gboolean
is_optimal (gpointer data)
{
  const LfPlanSummary *s = summary (data);

  return s != NULL && s->status == LF_PLAN_OPTIMAL;
}

static GtkWidget *
find_fix_button (GtkWidget  *root,
                 const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_name (root), "fix-button") == 0
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_fix_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_infeasible_fix (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_EXAMPLES_DIR"), "infeasible.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  LfScenario *scenario;
  GtkWidget *button;
  gsize length;
  gint64 id;

  g_assert_true (g_file_get_contents (path, &json, &length, &error));
  id = lf_store_import_json (f->store, json, length, NULL, &error);
  g_assert_no_error (error);
  lf_window_select_scenario_id (f->window, id);
  lf_test_spin ();
  scenario = current (f);
  g_assert_cmpint (lf_session_get_id (f->session, scenario), ==, id);
  g_assert_true (wait_for (is_infeasible, f));
  g_assert_false (gtk_widget_get_visible (lf_test_find_named (GTK_WIDGET (f->window), "figure-value")) &&
                  gtk_widget_is_drawable (lf_test_find_named (GTK_WIDGET (f->window), "figure-value")));

  button = find_fix_button (GTK_WIDGET (f->window), "Raise budget to 8 945 000 USD");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_for (is_optimal, f));
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 8945000);
  g_assert_null (find_fix_button (GTK_WIDGET (f->window), "Raise budget to 8 945 000 USD"));

  /* Back to infeasible by undo, then the lock fix. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (wait_for (is_infeasible, f));
  button = find_fix_button (GTK_WIDGET (f->window), "Unlock China and Japan");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_for (is_optimal, f));
  g_assert_cmpint (lf_market_get_lock (lf_scenario_get_market (scenario, 0)), ==, LF_LOCK_AUTO);
  g_assert_cmpint (lf_market_get_lock (lf_scenario_get_market (scenario, 1)), ==, LF_LOCK_AUTO);
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *all = lf_session_get_scenarios (f->session);
  g_autofree char *name = NULL;

  name = g_strdup (lf_scenario_get_name (new_china_scenario (f)));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-scenario", NULL);
  lf_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
  g_assert_null (current (f));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  lf_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  g_assert_nonnull (current (f));
  g_assert_cmpstr (lf_scenario_get_name (current (f)), ==, name);
  g_assert_cmpuint (lf_scenario_get_n_markets (current (f)), ==, 7);
}

/* Every edit is in the file: close, open again, find them. */
static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  LfScenario *scenario = new_china_scenario (f);
  gint64 id = lf_session_get_id (f->session, scenario);
  LfScenario *again;

  type_into (number_row (f, "budget"), "4 250 000");
  lf_scenario_page_show_market (lf_window_get_page (f->window), 1);
  lf_test_spin ();
  type_into (number_row (f, "param-culture"), "1 750 000");
  g_assert_cmpfloat (lf_market_get_param (lf_scenario_get_market (scenario, 1), LF_PARAM_CULTURE), ==, 1.75e6);
  close_window (f);

  open_window (f);
  lf_test_spin ();
  again = current (f);
  g_assert_nonnull (again);
  g_assert_cmpint (lf_session_get_id (f->session, again), ==, id);
  g_assert_cmpfloat (lf_scenario_get_budget (again), ==, 4.25e6);
  g_assert_cmpfloat (lf_market_get_param (lf_scenario_get_market (again, 1), LF_PARAM_CULTURE), ==, 1.75e6);
  g_assert_cmpstr (gtk_editable_get_text (lf_number_row_get_entry (number_row (f, "budget"))), ==, "4 250 000");
}

static void
test_markets (Fixture       *f,
              gconstpointer  data)
{
  LfScenario *scenario = new_china_scenario (f);
  LfScenarioPage *page = lf_window_get_page (f->window);

  gtk_widget_activate_action (GTK_WIDGET (page), "page.add-market", NULL);
  lf_test_spin ();
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 8);
  g_assert_cmpstr (lf_market_get_name (lf_market_pane_get_market (lf_scenario_page_get_market_pane (page))), ==,
                   "New market");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.duplicate-market", NULL);
  lf_test_spin ();
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 9);
  g_assert_cmpstr (lf_market_get_name (lf_scenario_get_market (scenario, 8)), ==, "New market (copy)");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.move-market-up", NULL);
  lf_test_spin ();
  g_assert_cmpstr (lf_market_get_name (lf_scenario_get_market (scenario, 7)), ==, "New market (copy)");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.remove-market", NULL);
  lf_test_spin ();
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 8);
  g_assert_cmpstr (lf_market_get_name (lf_scenario_get_market (scenario, 7)), ==, "New market");
}

typedef struct
{
  Fixture *f;
  guint    n_rows;
} RowsAre;

static gboolean
optimal_with_rows (gpointer data)
{
  RowsAre *r = data;
  const LfPlanSummary *s = summary (r->f);

  return s != NULL && s->status == LF_PLAN_OPTIMAL && s->n_rows == r->n_rows;
}

/* Past LF_SYNC_SOLVE_MAX_MARKETS the solve runs on a worker; its plan
 * still arrives, and an edit meanwhile cancels the run it replaces. */
static void
test_large_async (Fixture       *f,
                  gconstpointer  data)
{
  LfScenario *scenario = new_china_scenario (f);
  gint64 id = lf_session_get_id (f->session, scenario);
  guint n = LF_SYNC_SOLVE_MAX_MARKETS + 10;

  for (guint i = lf_scenario_get_n_markets (scenario); i < n; i++)
    {
      g_autoptr(LfMarket) copy = lf_market_dup (lf_scenario_get_market (scenario, i % 6));
      g_autofree char *name = g_strdup_printf ("Region %u", i);

      lf_market_set_name (copy, name, NULL);
      lf_market_set_lock (copy, LF_LOCK_AUTO);
      g_assert_true (lf_store_add_market (f->store, id, i, copy, NULL));
    }
  lf_test_spin ();
  type_into (number_row (f, "budget"), "3 000 000");
  type_into (number_row (f, "budget"), "5 000 000");
  g_assert_true (wait_for (optimal_with_rows, &(RowsAre) { f, n }));
  g_assert_cmpfloat (lf_plan_view_get_summary (lf_scenario_page_get_plan_view (lf_window_get_page (f->window)))
                       ->cost_fraction * 5e6, <=, 5e6 + 1e-3);
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 5e6);
}

/* The preferences write the settings the window follows. */
static GtkSpinner *
find_spinner (GtkWidget *root)
{
  if (GTK_IS_SPINNER (root))
    return GTK_SPINNER (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinner *found = find_spinner (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
spinner_stopped (gpointer data)
{
  return !gtk_spinner_get_spinning (data);
}

/* A small scenario that is still a hard programme (eight near-copies of
 * each market, a budget that lets half of them in, no market limit) is not
 * solved on the main thread past a frame: the worker takes it, behind the
 * spinner, and its exact plan still arrives. */
static void
test_hard_small_async (Fixture       *f,
                       gconstpointer  data)
{
  LfScenario *scenario = new_china_scenario (f);
  gint64 id = lf_session_get_id (f->session, scenario);
  guint n = LF_SYNC_SOLVE_MAX_MARKETS;
  LfProblem *problem = NULL;
  GtkSpinner *spinner;
  LfPlan *plan;

  for (guint i = lf_scenario_get_n_markets (scenario); i < n; i++)
    {
      g_autoptr(LfMarket) copy = lf_market_dup (lf_scenario_get_market (scenario, i % 7));
      g_autofree char *name = g_strdup_printf ("Region %u", i);

      lf_market_set_name (copy, name, NULL);
      lf_market_set_lock (copy, LF_LOCK_AUTO);
      g_assert_true (lf_store_add_market (f->store, id, i, copy, NULL));
    }
  for (guint i = 0; i < 7; i++)
    g_assert_true (lf_store_set_market_lock (f->store, id, i, LF_LOCK_AUTO, NULL));
  g_assert_true (lf_store_set_cap (f->store, id, LF_CAP_MARKETS, NAN, NULL));
  g_assert_true (lf_store_set_budget (f->store, id, 12e6, NULL));
  lf_test_spin ();

  lf_scenario_page_solve_now (lf_window_get_page (f->window));
  spinner = find_spinner (GTK_WIDGET (lf_scenario_page_get_plan_view (lf_window_get_page (f->window))));
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (spinner));
  /* Earlier edits' runs may show their plans meanwhile: wait for the
   * last one, then check it is the plan of this scenario as it is now. */
  for (guint k = 0; k < 30 && gtk_spinner_get_spinning (spinner); k++)
    wait_for (spinner_stopped, spinner);
  g_assert_false (gtk_spinner_get_spinning (spinner));
  plan = lf_scenario_page_get_plan (lf_window_get_page (f->window), &problem);
  g_assert_nonnull (plan);
  g_assert_cmpint (plan->status, ==, LF_PLAN_OPTIMAL);
  g_assert_cmpuint (problem->n_markets, ==, n);
  g_assert_cmpfloat (problem->budget, ==, 12e6);
  g_assert_true (isnan (problem->max_markets));
  g_assert_true (optimal_with_rows (&(RowsAre) { f, n }));
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.landfall.Landfall");
  LfPreferences *prefs;
  GtkWidget *label;

  new_china_scenario (f);
  prefs = lf_preferences_new (settings);
  gtk_window_present (GTK_WINDOW (prefs));
  lf_test_spin ();
  g_settings_set_enum (settings, "money-scale", LF_MONEY_MILLIONS);
  lf_test_spin ();
  label = lf_test_find_named (GTK_WIDGET (f->window), "figure-cost");
  label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (label));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (label)), "M USD"));
  g_assert_cmpstr (gtk_editable_get_text (lf_number_row_get_entry (number_row (f, "budget"))), ==, "1");
  g_settings_reset (settings, "money-scale");
  lf_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (lf_number_row_get_entry (number_row (f, "budget"))), ==, "1 000 000");
  gtk_window_destroy (GTK_WINDOW (prefs));
  lf_test_spin ();
}

/* The shortcuts window (Ctrl+?) builds from its resource. */
static void
test_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* The window in Chinese: the catalogue of the build (LANDFALL_LOCALEDIR)
 * through LANGUAGE, as the language preference sets it. */
static gboolean
has_sweep (gpointer data)
{
  Fixture *f = data;
  const LfSweepResult *sweep = NULL;
  const LfTornadoResult *tornado = NULL;
  const LfMonteCarloResult *montecarlo = NULL;

  lf_analysis_view_get_current (lf_scenario_page_get_analysis_view (lf_window_get_page (f->window)),
                                &sweep, &tornado, &montecarlo);

  return sweep != NULL;
}

/* Plan, What If and Compare are pages of the scenario; the What If page
 * follows the plan of the scenario shown, and sweeps its budget. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  LfScenarioPage *page = lf_window_get_page (f->window);
  AdwViewStack *stack = lf_scenario_page_get_view_stack (page);
  const LfSweepResult *sweep = NULL;
  const LfTornadoResult *tornado = NULL;
  const LfMonteCarloResult *montecarlo = NULL;
  LfProblem *problem = NULL;
  LfPlan *plan;

  new_china_scenario (f);
  g_assert_true (wait_for (is_optimal, f));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "plan");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "what-if");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "what-if");
  g_assert_true (wait_for (has_sweep, f) || wait_for (has_sweep, f));
  lf_analysis_view_get_current (lf_scenario_page_get_analysis_view (page), &sweep, &tornado, &montecarlo);
  plan = lf_scenario_page_get_plan (page, &problem);
  /* Its sweep runs up to twice the budget of the scenario on show. */
  g_assert_cmpfloat_with_epsilon (sweep->budget[sweep->n_points - 1], 2 * problem->budget, 1e-6);
  g_assert_cmpfloat (sweep->current_budget, ==, problem->budget);
  g_assert_true (plan->has_solution);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "compare");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "no-such-page");
  lf_test_spin ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "compare");
}

/* The file is there and the progress dialog gone: GIO writes a new file
 * in place, so its being there says nothing of its being whole. */
static gboolean
export_done (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        return FALSE;
    }

  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The board pack from the window: the analyses run on a worker behind a
 * progress dialog, and the PDF has a page for each chart the CLI puts in. */
static void
test_board_pack (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *contents = NULL;
  LfProblem *problem = NULL;
  guint pages = 0;
  gsize length;

  new_china_scenario (f);
  g_assert_true (wait_for (is_optimal, f));
  g_assert_nonnull (lf_scenario_page_get_plan (lf_window_get_page (f->window), &problem));
  g_assert_nonnull (problem);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-board-pack-to", "s", path);
  for (guint k = 0; k < 20 && !export_done (path); k++)
    wait_for (export_done, path);
  g_assert_true (export_done (path));
  lf_test_spin ();

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Compressed streams hold NUL bytes: search the whole length. */
  for (gsize at = 0; at + 12 <= length; at++)
    pages += memcmp (contents + at, "/Type /Page", 11) == 0 && contents[at + 11] != 's';
  /* Title, allocation, costs, frontier, compare, risk, tornado, and Monte
   * Carlo when a parameter has a range. */
  g_assert_cmpuint (pages, ==, 7 + (lf_board_pack_has_uncertainty (problem) ? 1 : 0));
}

static void
fixture_setup_chinese (Fixture       *f,
                       gconstpointer  data)
{
  const char *localedir = g_getenv ("LANDFALL_LOCALEDIR");
  g_autofree char *mo = g_build_filename (localedir ? localedir : "", "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (localedir == NULL || !g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no zh_CN catalogue in the build");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  fixture_setup (f, data);
}

static void
fixture_teardown_chinese (Fixture       *f,
                          gconstpointer  data)
{
  if (f->window != NULL)
    fixture_teardown (f, data);
  g_setenv ("LANGUAGE", "C", TRUE);
}

static gboolean
has_wide_char (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (g_unichar_iswide (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *card, *title;

  if (f->window == NULL)
    return;  /* skipped */

  new_china_scenario (f);
  g_assert_true (wait_for (is_optimal, f));
  card = lf_test_find_named (GTK_WIDGET (f->window), "figure-value");
  g_assert_nonnull (card);
  title = gtk_widget_get_first_child (card);
  g_assert_true (GTK_IS_LABEL (title));
  /* "Value" in Chinese, not in English. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), !=, "Value");
  g_assert_true (has_wide_char (gtk_label_get_text (GTK_LABEL (title))));
  g_assert_true (has_wide_char (gtk_window_get_title (GTK_WINDOW (f->window))) ||
                 has_wide_char (summary (f)->status_title));
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
  g_type_ensure (LF_TYPE_APPLICATION);

  g_test_add ("/window/budget-changes-value", Fixture, NULL, fixture_setup, test_budget_changes_value, fixture_teardown);
  g_test_add ("/window/bad-value-refused", Fixture, NULL, fixture_setup, test_bad_value_refused, fixture_teardown);
  g_test_add ("/window/undo-redo", Fixture, NULL, fixture_setup, test_undo_redo, fixture_teardown);
  g_test_add ("/window/infeasible-fix", Fixture, NULL, fixture_setup, test_infeasible_fix, fixture_teardown);
  g_test_add ("/window/delete-undo", Fixture, NULL, fixture_setup, test_delete_undo, fixture_teardown);
  g_test_add ("/window/reopen", Fixture, NULL, fixture_setup, test_reopen, fixture_teardown);
  g_test_add ("/window/large-async", Fixture, NULL, fixture_setup, test_large_async, fixture_teardown);
  g_test_add ("/window/hard-small-async", Fixture, NULL, fixture_setup, test_hard_small_async, fixture_teardown);
  g_test_add ("/window/preferences", Fixture, NULL, fixture_setup, test_preferences, fixture_teardown);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add ("/window/markets", Fixture, NULL, fixture_setup, test_markets, fixture_teardown);
  g_test_add ("/window/pages", Fixture, NULL, fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/window/board-pack", Fixture, NULL, fixture_setup, test_board_pack, fixture_teardown);
  g_test_add ("/window/chinese", Fixture, NULL, fixture_setup_chinese, test_chinese, fixture_teardown_chinese);

  return g_test_run ();
}
