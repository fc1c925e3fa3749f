/* test-store-files.c: files the store refuses, untouched; read-only
 * files; migration from every earlier version
 *
 * Run as "test-store-files --make-fixture PATH" to write the v1 fixture
 * (tests/data/workspace-v1.db) again; only ever needed for a new schema.
 */

#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lf-solver.h"
#include "lf-store-private.h"
#include "lf-test-store.h"

static void
write_file (const char *path,
            const char *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Opening @path is refused with @code, and the file is byte for byte as it
 * was, with no journal left beside it. */
static void
assert_refused (const char *path,
                int         code,
                const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = lf_test_store_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(LfStore) store = NULL;

  store = lf_store_open (path, LF_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, LF_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_false (lf_store_check_file (path, &error));
  g_assert_error (error, LF_STORE_ERROR, code);

  after = lf_test_store_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_files_not_database (void)
{
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  static const char text[] = "These are my notes, not a database.\n";

  write_file (path, text, sizeof text - 1);
  assert_refused (path, LF_STORE_ERROR_NOT_WORKSPACE, "not an SQLite database");
  lf_test_store_remove_dir (dir);
}

static void
test_files_random_bytes (void)
{
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "noise.db", NULL);
  g_autofree char *noise = g_malloc (16384);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 16384; i++)
    noise[i] = g_rand_int (rand) & 0xff;
  write_file (path, noise, 16384);
  assert_refused (path, LF_STORE_ERROR_NOT_WORKSPACE, NULL);
  lf_test_store_remove_dir (dir);
}

static void
test_files_other_application (void)
{
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);

  raw_exec (path, "PRAGMA application_id = 42; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused (path, LF_STORE_ERROR_NOT_WORKSPACE, "another program");
  raw_exec (plain, "CREATE TABLE scenario (x); INSERT INTO scenario VALUES (1);");
  assert_refused (plain, LF_STORE_ERROR_NOT_WORKSPACE, "another program");
  lf_test_store_remove_dir (dir);
}

static void
test_files_newer (void)
{
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = lf_test_store_new (dir, NULL);
  g_autofree char *path = g_strdup (lf_store_get_path (store));

  g_clear_object (&store);
  raw_exec (path, "PRAGMA user_version = 99");
  assert_refused (path, LF_STORE_ERROR_NEWER, "version 99");
  lf_test_store_remove_dir (dir);
}

/* Pages of the market table overwritten in the middle of the file: the
 * header is fine, quick_check is not. */
static void
test_files_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = lf_test_store_new (dir, NULL);
  g_autofree char *path = g_strdup (lf_store_get_path (store));
  g_autofree char *data = NULL;
  gsize length;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *json = lf_store_export_json (store, 1, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (lf_store_import_json (store, json, strlen (json), NULL, &error), >, 0);
    }
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  for (gsize at = 6 * 4096; at < 12 * 4096; at += 4096)
    memset (data + at + 8, 0x5a, 200);
  write_file (path, data, length);

  assert_refused (path, LF_STORE_ERROR_DAMAGED, "damaged");
  lf_test_store_remove_dir (dir);
}

/* A first run that died before its first transaction leaves an empty
 * file: created again, not refused. */
static void
test_files_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(LfStore) store = NULL;

  write_file (path, "", 0);
  g_assert_false (lf_store_check_file (path, &error));
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_WORKSPACE);
  g_clear_error (&error);
  store = lf_store_open (path, LF_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (lf_store_check_file (path, NULL));
  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

static void
test_files_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "absent.db", NULL);
  g_autoptr(LfStore) store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  lf_test_store_remove_dir (dir);
}

/* Opens @path, which cannot be written: read-only, says so, refuses edits
 * with a reason, and leaves the bytes alone. Returns a failure count. */
static int
check_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = lf_test_store_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(LfStore) store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  int failures = 0;

  if (store == NULL)
    return 100;
  failures += !lf_store_get_read_only (store);
  failures += g_list_model_get_n_items (lf_store_get_scenarios (store)) != 1;
  failures += lf_store_set_budget (store, 1, 5, &error);
  failures += !g_error_matches (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY);
  failures += error == NULL || strstr (error->message, "read-only") == NULL;
  g_clear_error (&error);
  failures += lf_store_undo (store, &error);
  g_clear_error (&error);
  g_clear_object (&store);

  after = lf_test_store_checksum (path);
  failures += g_strcmp0 (before, after) != 0;

  return failures;
}

static void
test_files_read_only (void)
{
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = lf_test_store_new (dir, NULL);
  g_autofree char *path = g_strdup (lf_store_get_path (store));
  int status = 0;
  pid_t pid;

  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  if (geteuid () != 0)
    {
      g_assert_cmpint (check_read_only (path), ==, 0);
      lf_test_store_remove_dir (dir);
      return;
    }

  /* Root writes anything: check as an ordinary user. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (99);
      _exit (MIN (check_read_only (path), 98));
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  lf_test_store_remove_dir (dir);
}

/* The store's own read-only flag, for files that must not change. */
static void
test_files_read_only_flag (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = lf_test_store_new (dir, NULL);
  g_autofree char *path = g_strdup (lf_store_get_path (store));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean read_only = FALSE;

  g_clear_object (&store);
  before = lf_test_store_checksum (path);
  store = lf_store_open (path, LF_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_object_get (store, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_false (lf_store_create_scenario (store, "X", &error));
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);
  after = lf_test_store_checksum (path);
  g_assert_cmpstr (before, ==, after);
  lf_test_store_remove_dir (dir);
}

/* What the v1 fixture holds: the China example, three edits of which the
 * last was undone, and a kept plan. */
static void
make_fixture (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfStore) store = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autofree char *json = NULL;
  gsize length;
  gint64 id;

  g_unlink (path);
  store = lf_store_open (path, LF_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  json = lf_test_store_example_json (&length);
  id = lf_store_import_json (store, json, length, NULL, &error);
  g_assert_true (lf_store_set_budget (store, id, 5500000, &error));
  g_assert_true (lf_store_set_market_range (store, id, 1, LF_PARAM_RISK, 0.8, 1.3, &error));
  g_assert_true (lf_store_remove_market (store, id, 6, &error));
  g_assert_true (lf_store_undo (store, &error));
  g_assert_no_error (error);
  scenario = lf_store_load_scenario (store, id, &error);
  problem = lf_problem_new_from_scenario (scenario);
  plan = lf_solver_solve (problem, NULL, NULL, &error);
  g_assert_no_error (error);
  lf_store_save_plan (store, id, problem, plan, &error);
  g_assert_no_error (error);
}

static void
test_files_fixture_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_build_filename (g_getenv ("LANDFALL_TEST_DATA"), "workspace-v1.db", NULL);
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *data = NULL;
  g_autoptr(LfStore) store = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(LfStoredPlan) plan = NULL;
  double lo, hi;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &data, &length, NULL));
  write_file (path, data, length);

  store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (lf_store_get_read_only (store));
  g_assert_cmpuint (g_list_model_get_n_items (lf_store_get_scenarios (store)), ==, 1);
  scenario = lf_store_load_scenario (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lf_scenario_get_name (scenario), ==, "Customer-service AI: first markets abroad");
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 5500000);
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 7);
  g_assert_true (lf_market_get_range (lf_scenario_get_market (scenario, 1), LF_PARAM_RISK, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 0.8);
  g_assert_cmpfloat (hi, ==, 1.3);
  g_assert_cmpstr (lf_store_get_undo_label (store), ==, "uncertainty change");
  g_assert_cmpstr (lf_store_get_redo_label (store), ==, "remove market");
  plan = lf_store_load_last_plan (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->status, ==, LF_PLAN_OPTIMAL);

  g_assert_true (lf_store_redo (store, &error));
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 6);
  g_assert_true (lf_store_undo (store, &error));
  g_assert_true (lf_store_undo (store, &error));
  g_assert_true (lf_store_undo (store, &error));
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 6000000);
  g_assert_true (lf_store_undo (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (lf_store_get_scenarios (store)), ==, 0);
  g_assert_no_error (error);

  g_clear_object (&scenario);
  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

static int
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* The machinery a v2 will use: steps from any version, in one transaction,
 * a failing step leaving the file as it was. */
static void
test_files_migration_steps (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = lf_test_store_new (dir, NULL);
  g_autofree char *path = g_strdup (lf_store_get_path (store));
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LfStoreMigration steps[2];
  sqlite3 *db = NULL;

  g_clear_object (&store);
  /* Version 1 as this build writes it, and a made-up version 2. */
  sqlite3_open (fresh, &db);
  steps[0] = (LfStoreMigration) { 1, "CREATE TABLE probe (x);" };
  steps[1] = (LfStoreMigration) { 2, "ALTER TABLE probe ADD COLUMN y; INSERT INTO probe VALUES (1, 2);" };
  g_assert_true (_lf_store_schema_upgrade (db, steps, 2, 2, &error));
  g_assert_no_error (error);
  sqlite3_close (db);
  g_assert_cmpint (raw_int (fresh, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (raw_int (fresh, "PRAGMA application_id"), ==, LF_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (fresh, "SELECT y FROM probe"), ==, 2);

  /* A v1 workspace through a step that fails half-way: nothing changes. */
  before = lf_test_store_checksum (path);
  sqlite3_open (path, &db);
  steps[1] = (LfStoreMigration) { 2, "ALTER TABLE scenario ADD COLUMN note TEXT; SELECT * FROM no_such_table;" };
  g_assert_false (_lf_store_schema_upgrade (db, steps, 2, 2, &error));
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_IO);
  g_clear_error (&error);
  sqlite3_close (db);
  after = lf_test_store_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 1);

  /* The same with a good step: the v1 data survives into v2. */
  sqlite3_open (path, &db);
  steps[1] = (LfStoreMigration) { 2, "ALTER TABLE scenario ADD COLUMN note TEXT; UPDATE scenario SET note = 'x';" };
  g_assert_true (_lf_store_schema_upgrade (db, steps, 2, 2, &error));
  sqlite3_close (db);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM market"), ==, 7);

  lf_test_store_remove_dir (dir);
}

static int
store_int (LfStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_type (stmt, 0) == SQLITE_TEXT
            ? g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "delete")
            : sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
test_files_pragmas (void)
{
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = lf_test_store_new (dir, NULL);
  g_autofree char *path = g_strdup (lf_store_get_path (store));

  g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, LF_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, LF_STORE_SCHEMA_VERSION);
  g_assert_cmpint (store_int (store, "PRAGMA journal_mode"), ==, 1);
  g_assert_cmpint (store_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (store_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_true (lf_store_check_file (path, NULL));
  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--make-fixture"))
    {
      make_fixture (argv[2]);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-files/not-database", test_files_not_database);
  g_test_add_func ("/store-files/random-bytes", test_files_random_bytes);
  g_test_add_func ("/store-files/other-application", test_files_other_application);
  g_test_add_func ("/store-files/newer", test_files_newer);
  g_test_add_func ("/store-files/damaged", test_files_damaged);
  g_test_add_func ("/store-files/missing", test_files_missing);
  g_test_add_func ("/store-files/empty", test_files_empty);
  g_test_add_func ("/store-files/read-only", test_files_read_only);
  g_test_add_func ("/store-files/read-only-flag", test_files_read_only_flag);
  g_test_add_func ("/store-files/fixture-v1", test_files_fixture_v1);
  g_test_add_func ("/store-files/migration-steps", test_files_migration_steps);
  g_test_add_func ("/store-files/pragmas", test_files_pragmas);

  return g_test_run ();
}
