/* test-store-history.c: undo and redo of any depth, kept in the file */

#include <math.h>

#include <sqlite3.h>

#include "lf-store-private.h"
#include "lf-test-store.h"

static double
budget_of (LfStore *store,
           gint64   id)
{
  g_autoptr(LfScenario) scenario = lf_store_load_scenario (store, id, NULL);

  return lf_scenario_get_budget (scenario);
}

/* A hundred edits, all undone, all redone, half undone across a restart. */
static void
test_history_depth (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(LfStore) store = NULL;
  gint64 id;

  store = lf_test_store_new (dir, &id);
  for (guint k = 1; k <= 100; k++)
    g_assert_true (lf_store_set_budget (store, id, k * 1000.0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lf_store_get_history_length (store), ==, 101);

  for (guint k = 100; k >= 1; k--)
    {
      g_assert_cmpfloat (budget_of (store, id), ==, k * 1000.0);
      g_assert_true (lf_store_undo (store, &error));
    }
  g_assert_cmpfloat (budget_of (store, id), ==, 6000000);
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "import scenario");
  for (guint k = 1; k <= 100; k++)
    {
      g_assert_true (lf_store_redo (store, &error));
      g_assert_cmpfloat (budget_of (store, id), ==, k * 1000.0);
    }
  g_assert_false (lf_store_can_redo (store));
  for (guint k = 0; k < 50; k++)
    g_assert_true (lf_store_undo (store, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (budget_of (store, id), ==, 50000);
  g_assert_true (lf_store_can_undo (store));
  g_assert_true (lf_store_can_redo (store));
  g_assert_cmpstr (lf_store_get_redo_label (store), ==, "budget change");
  g_assert_true (lf_store_redo (store, &error));
  g_assert_cmpfloat (budget_of (store, id), ==, 51000);
  lf_test_store_assert_in_step (store, id);

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

/* A new edit after undo drops what could have been redone, in the file
 * too. */
static void
test_history_branch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(LfStore) store = NULL;
  gint64 id;

  store = lf_test_store_new (dir, &id);
  g_assert_true (lf_store_set_budget (store, id, 1000, &error));
  g_assert_true (lf_store_remove_market (store, id, 0, &error));
  g_assert_true (lf_store_set_budget (store, id, 2000, &error));
  g_assert_true (lf_store_undo (store, &error));
  g_assert_true (lf_store_undo (store, &error));
  g_assert_cmpstr (lf_store_get_redo_label (store), ==, "remove market");
  g_assert_cmpuint (lf_store_get_history_length (store), ==, 4);

  g_assert_true (lf_store_set_market_param (store, id, 0, LF_PARAM_ALPHA, 2, &error));
  g_assert_false (lf_store_can_redo (store));
  g_assert_null (lf_store_get_redo_label (store));
  g_assert_cmpuint (lf_store_get_history_length (store), ==, 3);

  g_clear_object (&store);
  store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (lf_store_can_redo (store));
  g_assert_false (lf_store_redo (store, &error));
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOTHING);
  g_clear_error (&error);
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "Penetration weight");
  g_assert_true (lf_store_undo (store, &error));
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "budget change");
  g_assert_cmpfloat (budget_of (store, id), ==, 1000);
  {
    g_autoptr(LfScenario) scenario = lf_store_load_scenario (store, id, NULL);

    g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 7);
  }

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

/* The window binds its undo button to these properties. */
static void
test_history_properties (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(LfStore) store = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *label = NULL;
  gboolean can_undo = TRUE, can_redo = TRUE;
  gint64 id;

  store = lf_store_open (path, LF_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_object_get (store, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_false (can_undo);
  g_assert_false (can_redo);
  g_assert_false (lf_store_undo (store, &error));
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOTHING);
  g_clear_error (&error);

  g_signal_connect (store, "notify::can-undo", G_CALLBACK (on_notify_cb), log);
  g_signal_connect (store, "notify::undo-label", G_CALLBACK (on_notify_cb), log);
  g_signal_connect (store, "notify::can-redo", G_CALLBACK (on_notify_cb), log);
  id = lf_store_create_scenario (store, "Plan B", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (strstr (log->str, "can-undo;"));
  g_assert_nonnull (strstr (log->str, "undo-label;"));
  g_object_get (store, "can-undo", &can_undo, "undo-label", &label, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (label, ==, "new scenario");

  g_string_truncate (log, 0);
  g_assert_true (lf_store_undo (store, &error));
  g_assert_nonnull (strstr (log->str, "can-redo;"));
  g_assert_cmpuint (g_list_model_get_n_items (lf_store_get_scenarios (store)), ==, 0);
  g_assert_false (lf_store_load_scenario (store, id, &error));
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lf_store_redo (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (lf_store_get_scenarios (store)), ==, 1);
  g_assert_true (lf_store_set_budget (store, id, 10, &error));
  g_assert_cmpfloat (budget_of (store, id), ==, 10);

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

/* An edit on one scenario, undone while another is shown: both scenarios
 * stay right, loaded or not. */
static void
test_history_unloaded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(LfStore) store = NULL;
  gint64 id, other;

  store = lf_test_store_new (dir, &id);
  other = lf_store_duplicate_scenario (store, id, &error);
  g_assert_true (lf_store_set_market_name (store, other, 0, "Hong Kong", &error));
  g_assert_true (lf_store_remove_market (store, id, 6, &error));
  g_clear_object (&store);

  /* Nothing loaded: undo works on the file alone. */
  store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  g_assert_true (lf_store_undo (store, &error));
  g_assert_true (lf_store_undo (store, &error));
  g_assert_no_error (error);
  lf_test_store_assert_in_step (store, id);
  lf_test_store_assert_in_step (store, other);
  {
    g_autoptr(LfScenario) a = lf_store_load_scenario (store, id, NULL);
    g_autoptr(LfScenario) b = lf_store_load_scenario (store, other, NULL);

    g_assert_cmpuint (lf_scenario_get_n_markets (a), ==, 7);
    g_assert_cmpstr (lf_market_get_name (lf_scenario_get_market (b, 0)), ==, "China");
  }

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

/* The virtual-machine steps of every statement the store has prepared,
 * since the last call: a measure of work that does not depend on the
 * machine's speed. */
static guint64
vm_steps_since_last (LfStore *store)
{
  guint64 steps = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (store->db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (store->db, stmt))
    steps += sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, TRUE);

  return steps;
}

static guint64
vm_steps_of_one_edit (LfStore *store,
                      gint64   id,
                      double   budget)
{
  g_autoptr(GError) error = NULL;

  vm_steps_since_last (store);
  g_assert_true (lf_store_set_budget (store, id, budget, &error));
  g_assert_no_error (error);

  return vm_steps_since_last (store);
}

/* An edit costs the same with a long history as with a short one: a query
 * that read the whole history table once made every edit of a big
 * workspace twice as slow as it should be. */
static void
test_history_edit_cost_flat (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = NULL;
  guint64 short_history, long_history;
  gint64 id;

  store = lf_test_store_new (dir, &id);
  for (guint k = 1; k <= 10; k++)
    g_assert_true (lf_store_set_budget (store, id, k * 1000.0, &error));
  short_history = vm_steps_of_one_edit (store, id, 11000);

  /* Only the speed of filling depends on this; the edits are the same. */
  g_assert_true (_lf_store_exec (store->db, "PRAGMA synchronous = OFF", &error));
  for (guint k = 1; k <= 3000; k++)
    g_assert_true (lf_store_set_budget (store, id, 20000 + k, &error));
  g_assert_true (_lf_store_exec (store->db, "PRAGMA synchronous = FULL", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lf_store_get_history_length (store), >, 3000);
  long_history = vm_steps_of_one_edit (store, id, 12000);

  g_assert_cmpuint (short_history, >, 0);
  g_assert_cmpuint (long_history, <=, short_history + short_history / 10);

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-history/depth", test_history_depth);
  g_test_add_func ("/store-history/branch", test_history_branch);
  g_test_add_func ("/store-history/properties", test_history_properties);
  g_test_add_func ("/store-history/unloaded", test_history_unloaded);
  g_test_add_func ("/store-history/edit-cost-flat", test_history_edit_cost_flat);

  return g_test_run ();
}
