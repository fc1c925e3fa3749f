/* test-store.c: every operation of the workspace store, its undo and redo,
 * with the live object and the file compared after each step */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-solver.h"
#include "lf-test-store.h"

typedef gboolean (*EditFunc) (LfStore *store, gint64 id, GError **error);

typedef struct
{
  const char *path;
  EditFunc    edit;
  const char *label;
} OpCase;

static gboolean
edit_param (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_market_param (s, id, 1, LF_PARAM_PROMOTE, 7100000.5, e);
}

static gboolean
edit_market_name (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_market_name (s, id, 2, "Deutschland", e);
}

static gboolean
edit_code (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_market_code (s, id, 0, "hk", e);
}

static gboolean
edit_lock (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_market_lock (s, id, 3, LF_LOCK_EXCLUDE, e);
}

static gboolean
edit_range (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_market_range (s, id, 3, LF_PARAM_RISK, 0.5, 1.75, e);
}

static gboolean
edit_range_change (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_market_range (s, id, 0, LF_PARAM_PROMOTE, 0.7, 1.5, e);
}

static gboolean
edit_range_clear (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_market_range (s, id, 0, LF_PARAM_LEGAL_FIXED, NAN, NAN, e);
}

static gboolean
edit_add_market (LfStore *s, gint64 id, GError **e)
{
  g_autoptr(LfMarket) market = lf_market_new ("France");

  lf_market_set_param (market, LF_PARAM_PROMOTE, 1234567, NULL);
  lf_market_set_range (market, LF_PARAM_ALPHA, 0.9, 1.1, NULL);

  return lf_store_add_market (s, id, 2, market, e);
}

static gboolean
edit_add_new_market (LfStore *s, gint64 id, GError **e)
{
  return lf_store_add_market (s, id, G_MAXUINT, NULL, e);
}

static gboolean
edit_duplicate_market (LfStore *s, gint64 id, GError **e)
{
  return lf_store_duplicate_market (s, id, 0, e);
}

static gboolean
edit_remove_market (LfStore *s, gint64 id, GError **e)
{
  return lf_store_remove_market (s, id, 0, e);
}

static gboolean
edit_move_down (LfStore *s, gint64 id, GError **e)
{
  return lf_store_move_market (s, id, 0, 5, e);
}

static gboolean
edit_move_up (LfStore *s, gint64 id, GError **e)
{
  return lf_store_move_market (s, id, 6, 1, e);
}

static gboolean
edit_objective (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_target_value (s, id, 3, e) &&
         lf_store_set_objective (s, id, LF_OBJECTIVE_MIN_COST, e);
}

static gboolean
edit_budget (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_budget (s, id, 7250000.25, e);
}

static gboolean
edit_budget_off (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_budget (s, id, NAN, e);
}

static gboolean
edit_target (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_target_value (s, id, 2.5, e);
}

static gboolean
edit_currency (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_currency (s, id, "eur", e);
}

static gboolean
edit_cap (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_cap (s, id, LF_CAP_HEADCOUNT, 120, e);
}

static gboolean
edit_cap_off (LfStore *s, gint64 id, GError **e)
{
  return lf_store_set_cap (s, id, LF_CAP_MARKETS, NAN, e);
}

static gboolean
edit_rename_scenario (LfStore *s, gint64 id, GError **e)
{
  return lf_store_rename_scenario (s, id, "Renamed", e);
}

static const OpCase op_cases[] = {
  { "/store/op/market-param", edit_param, "Promotion" },
  { "/store/op/market-name", edit_market_name, "rename market" },
  { "/store/op/market-code", edit_code, "code change" },
  { "/store/op/market-lock", edit_lock, "lock change" },
  { "/store/op/range-add", edit_range, "uncertainty change" },
  { "/store/op/range-change", edit_range_change, "uncertainty change" },
  { "/store/op/range-clear", edit_range_clear, "uncertainty change" },
  { "/store/op/add-market", edit_add_market, "add market" },
  { "/store/op/add-new-market", edit_add_new_market, "add market" },
  { "/store/op/duplicate-market", edit_duplicate_market, "duplicate market" },
  { "/store/op/remove-market", edit_remove_market, "remove market" },
  { "/store/op/move-market-down", edit_move_down, "reorder markets" },
  { "/store/op/move-market-up", edit_move_up, "reorder markets" },
  { "/store/op/objective", edit_objective, "objective change" },
  { "/store/op/budget", edit_budget, "budget change" },
  { "/store/op/budget-off", edit_budget_off, "budget change" },
  { "/store/op/target", edit_target, "target change" },
  { "/store/op/currency", edit_currency, "currency change" },
  { "/store/op/cap", edit_cap, "headcount cap change" },
  { "/store/op/cap-off", edit_cap_off, "market count cap change" },
  { "/store/op/rename-scenario", edit_rename_scenario, "rename scenario" },
};

/* Do, undo, redo, each time the object and the file agree; then again
 * after closing and opening the file. */
static void
test_store_op (gconstpointer data)
{
  const OpCase *op = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(LfStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *state = NULL;
  guint entries, n_new;
  gint64 id;

  store = lf_test_store_new (dir, &id);
  before = lf_test_store_live_json (store, id);
  entries = lf_store_get_history_length (store);

  g_assert_true (op->edit (store, id, &error));
  g_assert_no_error (error);
  after = lf_test_store_live_json (store, id);
  g_assert_cmpstr (before, !=, after);
  lf_test_store_assert_in_step (store, id);
  g_assert_cmpuint (lf_store_get_history_length (store), >, entries);
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, op->label);
  g_assert_false (lf_store_can_redo (store));

  /* Some cases are two edits (objective needs a target first). */
  n_new = lf_store_get_history_length (store) - entries;
  for (guint k = 0; k < n_new; k++)
    {
      g_assert_true (lf_store_undo (store, &error));
      g_assert_no_error (error);
      lf_test_store_assert_in_step (store, id);
    }
  state = lf_test_store_live_json (store, id);
  g_assert_cmpstr (state, ==, before);
  g_assert_true (lf_store_can_redo (store));
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "import scenario");
  g_clear_pointer (&state, g_free);

  for (guint k = 0; k < n_new; k++)
    g_assert_true (lf_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_false (lf_store_can_redo (store));
  /* The history is in the file. */
  g_clear_object (&store);
  store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  state = lf_test_store_live_json (store, id);
  g_assert_cmpstr (state, ==, after);
  g_clear_pointer (&state, g_free);
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, op->label);
  while (g_strcmp0 (lf_store_get_undo_label (store), "import scenario") != 0)
    g_assert_true (lf_store_undo (store, &error));
  state = lf_test_store_live_json (store, id);
  g_assert_cmpstr (state, ==, before);
  lf_test_store_assert_in_step (store, id);

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

static void
on_changed_cb (LfScenario *scenario,
               guint      *count)
{
  (*count)++;
}

/* A live object handed out follows every change, undo and redo. */
static void
test_store_live_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  guint changed = 0;
  gint64 id;

  store = lf_test_store_new (dir, &id);
  scenario = lf_store_load_scenario (store, id, &error);
  g_assert_no_error (error);
  g_signal_connect (scenario, "changed", G_CALLBACK (on_changed_cb), &changed);

  g_assert_true (lf_store_set_market_param (store, id, 0, LF_PARAM_ALPHA, 5, &error));
  g_assert_cmpfloat (lf_market_get_param (lf_scenario_get_market (scenario, 0), LF_PARAM_ALPHA), ==, 5);
  g_assert_cmpuint (changed, >=, 1);
  g_assert_true (lf_store_undo (store, &error));
  g_assert_cmpfloat (lf_market_get_param (lf_scenario_get_market (scenario, 0), LF_PARAM_ALPHA), ==, 4);
  g_assert_true (lf_store_remove_market (store, id, 0, &error));
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 6);
  g_assert_cmpstr (lf_market_get_name (lf_scenario_get_market (scenario, 0)), ==, "Japan");
  g_assert_true (lf_store_undo (store, &error));
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 7);
  g_assert_cmpstr (lf_market_get_name (lf_scenario_get_market (scenario, 0)), ==, "China");

  g_clear_object (&scenario);
  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

/* A change the rules refuse leaves the object, the file and the history
 * as they were. */
static void
test_store_refused_edits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint entries;
  gint64 id;

  store = lf_test_store_new (dir, &id);
  before = lf_test_store_live_json (store, id);
  entries = lf_store_get_history_length (store);

  g_assert_false (lf_store_set_market_param (store, id, 0, LF_PARAM_ALPHA, -1, &error));
  g_assert_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lf_store_set_market_param (store, id, 0, LF_PARAM_P_MIN, 0.5, &error));
  g_assert_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lf_store_set_market_param (store, id, 0, LF_PARAM_PROMOTE, NAN, &error));
  g_clear_error (&error);
  g_assert_false (lf_store_set_market_name (store, id, 0, "Japan", &error));
  g_assert_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lf_store_set_market_range (store, id, 0, LF_PARAM_ALPHA, 1.1, 1.2, &error));
  g_clear_error (&error);
  g_assert_false (lf_store_set_currency (store, id, "EURO", &error));
  g_clear_error (&error);
  g_assert_false (lf_store_set_budget (store, id, -5, &error));
  g_clear_error (&error);
  g_assert_false (lf_store_set_market_param (store, id, 99, LF_PARAM_ALPHA, 1, &error));
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lf_store_set_budget (store, 4242, 1, &error));
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lf_store_move_market (store, id, 0, 7, &error));
  g_clear_error (&error);

  /* Setting what is already there records nothing. */
  g_assert_true (lf_store_set_market_param (store, id, 0, LF_PARAM_ALPHA, 4, &error));
  g_assert_true (lf_store_set_budget (store, id, 6000000, &error));

  after = lf_test_store_live_json (store, id);
  g_assert_cmpstr (before, ==, after);
  lf_test_store_assert_in_step (store, id);
  g_assert_cmpuint (lf_store_get_history_length (store), ==, entries);

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

static guint
n_listed (LfStore *store)
{
  return g_list_model_get_n_items (lf_store_get_scenarios (store));
}

static char *
listed_names (LfStore *store)
{
  GListModel *list = lf_store_get_scenarios (store);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (list, i);

      g_string_append_printf (s, "%s%s", i ? "|" : "", lf_scenario_info_get_name (info));
    }

  return g_string_free (s, FALSE);
}

static void
assert_names (LfStore    *store,
              const char *expected)
{
  g_autofree char *names = listed_names (store);
  g_autofree char *path = g_strdup (lf_store_get_path (store));
  g_autoptr(LfStore) other = NULL;
  g_autofree char *file_names = NULL;

  g_assert_cmpstr (names, ==, expected);
  other = lf_store_open (path, LF_STORE_OPEN_READ_ONLY, NULL);
  file_names = listed_names (other);
  g_assert_cmpstr (file_names, ==, expected);
}

/* Create, duplicate, rename, delete, reorder: the list, the file and
 * undo/redo of each. */
static void
test_store_scenarios (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = NULL;
  g_autoptr(LfScenario) copy = NULL;
  gint64 id, a, b, c;

  store = lf_test_store_new (dir, &id);
  a = lf_store_create_scenario (store, "A", &error);
  g_assert_no_error (error);
  b = lf_store_create_scenario (store, "B", &error);
  g_assert_cmpint (a, !=, b);
  assert_names (store, "Customer-service AI: first markets abroad|A|B");
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "new scenario");

  c = lf_store_duplicate_scenario (store, id, &error);
  g_assert_no_error (error);
  assert_names (store, "Customer-service AI: first markets abroad|Customer-service AI: first markets abroad (copy)|A|B");
  copy = lf_store_load_scenario (store, c, &error);
  g_assert_cmpuint (lf_scenario_get_n_markets (copy), ==, 7);
  g_assert_true (lf_store_undo (store, &error));
  assert_names (store, "Customer-service AI: first markets abroad|A|B");
  g_assert_true (lf_store_redo (store, &error));
  assert_names (store, "Customer-service AI: first markets abroad|Customer-service AI: first markets abroad (copy)|A|B");

  g_assert_true (lf_store_rename_scenario (store, a, "Alpha", &error));
  assert_names (store, "Customer-service AI: first markets abroad|Customer-service AI: first markets abroad (copy)|Alpha|B");
  g_assert_cmpint (lf_store_find_scenario (store, "Alpha"), ==, a);

  g_assert_true (lf_store_delete_scenario (store, c, &error));
  assert_names (store, "Customer-service AI: first markets abroad|Alpha|B");
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "delete scenario");

  g_assert_true (lf_store_move_scenario (store, b, 0, &error));
  assert_names (store, "B|Customer-service AI: first markets abroad|Alpha");
  g_assert_true (lf_store_move_scenario (store, b, 2, &error));
  assert_names (store, "Customer-service AI: first markets abroad|Alpha|B");
  g_assert_true (lf_store_undo (store, &error));
  assert_names (store, "B|Customer-service AI: first markets abroad|Alpha");
  g_assert_true (lf_store_undo (store, &error));
  assert_names (store, "Customer-service AI: first markets abroad|Alpha|B");

  /* The deleted scenario comes back where it was, markets and all. */
  g_assert_true (lf_store_undo (store, &error));
  assert_names (store, "Customer-service AI: first markets abroad|Customer-service AI: first markets abroad (copy)|Alpha|B");
  g_assert_cmpuint (lf_scenario_get_n_markets (copy), ==, 7);
  g_assert_true (lf_store_undo (store, &error));
  g_assert_true (lf_store_undo (store, &error));
  g_assert_true (lf_store_undo (store, &error));
  g_assert_true (lf_store_undo (store, &error));
  assert_names (store, "Customer-service AI: first markets abroad");
  g_assert_cmpuint (n_listed (store), ==, 1);
  while (lf_store_can_redo (store))
    g_assert_true (lf_store_redo (store, &error));
  g_assert_no_error (error);
  assert_names (store, "Customer-service AI: first markets abroad|Alpha|B");

  g_clear_object (&copy);
  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

/* Import of JSON and CSV, export, and the examples compiled in. */
static void
test_store_import_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *csv_path = g_build_filename (g_getenv ("LANDFALL_EXAMPLES_DIR"), "customer-service-markets.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *original = NULL;
  g_autoptr(LfStore) store = NULL;
  g_autoptr(LfScenario) a = NULL;
  g_autoptr(LfScenario) b = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gsize length;
  gint64 id, again, from_csv;

  store = lf_test_store_new (dir, &id);
  exported = lf_store_export_json (store, id, &length, &error);
  g_assert_no_error (error);
  again = lf_store_import_json (store, exported, length, NULL, &error);
  g_assert_no_error (error);
  a = lf_store_load_scenario (store, id, NULL);
  b = lf_store_load_scenario (store, again, NULL);
  original = lf_scenario_json_write_data (b, NULL);
  g_assert_cmpstr (original, ==, exported);
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "import scenario");

  g_assert_true (g_file_get_contents (csv_path, &csv, &length, NULL));
  from_csv = lf_store_import_csv (store, "Markets from a table", csv, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (from_csv, >, 0);
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "import markets");

  g_assert_cmpint (lf_store_import_json (store, "{\"format\": 1}", 13, problems, &error), ==, 0);
  g_assert_error (error, LF_FORMAT_ERROR, LF_FORMAT_ERROR_INVALID);
  g_assert_cmpuint (problems->len, >=, 1);
  g_clear_error (&error);

  g_assert_true (lf_store_seed_examples (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_listed (store), ==, 6);
  for (guint i = 3; i < 6; i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (lf_store_get_scenarios (store), i);
      g_autoptr(LfScenario) example = lf_store_load_scenario (store, lf_scenario_info_get_id (info), &error);
      guint n;

      g_assert_no_error (error);
      n = lf_scenario_get_n_markets (example);
      g_assert_cmpuint (n, >=, 6);
      g_assert_cmpuint (n, <=, 9);
    }

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

/* The default workspace is created once, with the examples. */
static void
test_store_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(LfStore) store = NULL;

  /* main() pointed XDG_DATA_HOME at a fresh folder before GLib read it. */
  path = lf_store_get_default_path ();
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "/" APP_ID "/workspace.db"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = lf_store_open_default (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_listed (store), ==, 3);
  g_assert_false (lf_store_can_undo (store));
  g_assert_true (lf_store_delete_scenario (store, lf_store_find_scenario (store, "Payments and credit-scoring AI: SE Asia, Latin America, EU"), &error));
  g_clear_object (&store);

  /* Seeded once: what the user did with the examples stays. */
  store = lf_store_open_default (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_listed (store), ==, 2);
  g_clear_object (&store);

  folder = g_path_get_dirname (path);
  lf_test_store_remove_dir (folder);
}

/* Kept plans: the last one shows at once, two can be compared. */
static void
test_store_plans (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(LfPlan) second = NULL;
  g_autoptr(LfProblem) restored_problem = NULL;
  g_autoptr(LfPlan) restored = NULL;
  g_autoptr(LfStoredPlan) last = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id, first_id, second_id;

  store = lf_test_store_new (dir, &id);
  scenario = lf_store_load_scenario (store, id, &error);
  problem = lf_problem_new_from_scenario (scenario);
  plan = lf_solver_solve (problem, NULL, NULL, &error);
  g_assert_no_error (error);
  first_id = lf_store_save_plan (store, id, problem, plan, &error);
  g_assert_no_error (error);

  g_assert_true (lf_store_set_budget (store, id, 3000000, &error));
  g_clear_pointer (&problem, lf_problem_unref);
  problem = lf_problem_new_from_scenario (scenario);
  second = lf_solver_solve (problem, NULL, NULL, &error);
  second_id = lf_store_save_plan (store, id, problem, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second_id, >, first_id);

  list = lf_store_list_plans (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((LfStoredPlan *) list->pdata[0])->id, ==, second_id);

  last = lf_store_load_last_plan (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last->id, ==, second_id);
  g_assert_cmpint (last->status, ==, second->status);
  g_assert_true (lf_stored_plan_restore (last, &restored_problem, &restored, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (restored_problem->budget, ==, 3000000);
  g_assert_cmpfloat (restored->value, ==, second->value);
  g_assert_cmpfloat (restored->cost, ==, second->cost);
  g_assert_cmpuint (restored->n_markets, ==, second->n_markets);
  for (guint i = 0; i < second->n_markets; i++)
    {
      g_assert_cmpint (restored->markets[i].entered, ==, second->markets[i].entered);
      g_assert_cmpfloat (restored->markets[i].p, ==, second->markets[i].p);
      g_assert_cmpstr (restored->market_names[i], ==, second->market_names[i]);
    }

  /* A plan is not an edit. */
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "budget change");
  g_assert_true (lf_store_delete_plan (store, second_id, &error));
  g_clear_pointer (&last, lf_stored_plan_free);
  last = lf_store_load_last_plan (store, id, &error);
  g_assert_cmpint (last->id, ==, first_id);

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

/* Save As: a complete copy, not private to the user, that becomes the
 * open workspace, history included. */
static void
test_store_save_as (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *target = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *original = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autoptr(LfStore) store = NULL;
  GStatBuf st;
  mode_t mask = umask (022);
  gint64 id;

  store = lf_test_store_new (dir, &id);
  g_assert_true (lf_store_set_budget (store, id, 5000000, &error));
  g_assert_true (g_file_set_contents (target, "old", 3, NULL));

  g_assert_true (lf_store_save_as (store, target, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lf_store_get_path (store), ==, target);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  sum = lf_test_store_checksum (original);
  g_assert_true (lf_store_set_budget (store, id, 4000000, &error));
  sum_after = lf_test_store_checksum (original);
  g_assert_cmpstr (sum, ==, sum_after);
  lf_test_store_assert_in_step (store, id);
  g_assert_true (lf_store_undo (store, &error));
  g_assert_true (lf_store_undo (store, &error));
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "import scenario");

  /* A folder that does not exist: refused, nothing left behind. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "missing", "x.db", NULL);

    g_assert_false (lf_store_save_as (store, nowhere, &error));
    g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY);
    g_assert_cmpstr (lf_store_get_path (store), ==, target);
  }

  umask (mask);
  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = lf_test_store_dir ();
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (op_cases); i++)
    g_test_add_data_func (op_cases[i].path, &op_cases[i], test_store_op);
  g_test_add_func ("/store/live-object", test_store_live_object);
  g_test_add_func ("/store/refused-edits", test_store_refused_edits);
  g_test_add_func ("/store/scenarios", test_store_scenarios);
  g_test_add_func ("/store/import-export", test_store_import_export);
  g_test_add_func ("/store/default", test_store_default);
  g_test_add_func ("/store/plans", test_store_plans);
  g_test_add_func ("/store/save-as", test_store_save_as);

  status = g_test_run ();
  lf_test_store_remove_dir (data_home);

  return status;
}
