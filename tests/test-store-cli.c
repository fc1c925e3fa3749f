/* test-store-cli.c: "landfall-cli workspace" as a user runs it (cli.md)
 *
 * Exit codes (0 done, 1 failed, 2 bad input with a message naming the
 * file), --json of list, --help of each action, and that a refused file is
 * left byte for byte as it was.
 */

#include <string.h>
#include <sys/wait.h>

#include <json-glib/json-glib.h>

#include "lf-test-store.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs landfall-cli with the NULL-terminated arguments. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status = 0;

  run_clear (run);
  g_ptr_array_add (args, (gpointer) g_getenv ("LANDFALL_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 100;
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("LANDFALL_EXAMPLES_DIR"), name, NULL);
}

static void
test_cli_import_list_export (void)
{
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *db = g_build_filename (dir, "w.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *china = example ("china-customer-service.json");
  g_autofree char *csv = example ("customer-service-markets.csv");
  g_autofree char *min_cost = example ("min-cost.json");
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(GFile) china_file = g_file_new_for_path (china);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(LfScenario) original = NULL;
  g_autoptr(LfScenario) exported = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  JsonArray *scenarios;
  Run run = { 0 };

  run_cli (&run, "workspace", "import", "--db", db, china, csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "imported"));

  run_cli (&run, "workspace", "list", "--db", db, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = json_from_string (run.out, NULL);
  g_assert_nonnull (root);
  scenarios = json_object_get_array_member (json_node_get_object (root), "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 0), "name"), ==,
                   "Customer-service AI: first markets abroad");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (scenarios, 0), "markets"), ==, 7);

  run_cli (&run, "workspace", "list", "--db", db, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "customer-service-markets.csv"));

  run_cli (&run, "workspace", "export", "--db", db, "--scenario",
           "Customer-service AI: first markets abroad", "--out", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  exported = lf_scenario_json_read_file (out_file, NULL, NULL);
  original = lf_scenario_json_read_file (china_file, NULL, NULL);
  g_assert_nonnull (exported);
  a = lf_scenario_json_write_data (original, NULL);
  b = lf_scenario_json_write_data (exported, NULL);
  g_assert_cmpstr (a, ==, b);

  run_cli (&run, "workspace", "export", "--db", db, "--scenario", "2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"format\": \"expansion-scenario\""));

  run_cli (&run, "workspace", "export", "--db", db, "--scenario", "No such plan", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "No such plan"));

  /* A bad file among good ones imports nothing. */
  run_cli (&run, "workspace", "import", "--db", db, min_cost, "/nonexistent/x.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "/nonexistent/x.json"));
  run_cli (&run, "workspace", "check", "--db", db, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 scenarios"));

  run_clear (&run);
  lf_test_store_remove_dir (dir);
}

static void
test_cli_refused (void)
{
  g_autofree char *dir = lf_test_store_dir ();
  g_autofree char *bad = g_build_filename (dir, "bad.db", NULL);
  g_autofree char *china = example ("china-customer-service.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run run = { 0 };

  g_assert_true (g_file_set_contents (bad, "not a workspace at all\n", -1, NULL));
  before = lf_test_store_checksum (bad);

  run_cli (&run, "workspace", "check", "--db", bad, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, bad));
  g_assert_nonnull (strstr (run.err, "not a Landfall workspace"));
  run_cli (&run, "workspace", "import", "--db", bad, china, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, "workspace", "list", "--db", bad, NULL);
  g_assert_cmpint (run.status, ==, 2);
  after = lf_test_store_checksum (bad);
  g_assert_cmpstr (before, ==, after);

  run_cli (&run, "workspace", "list", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--db"));
  run_cli (&run, "workspace", "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, "workspace", "check", "--db", bad, "extra", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
  lf_test_store_remove_dir (dir);
}

static void
test_cli_help (void)
{
  static const char *actions[] = { "list", "import", "export", "check" };
  Run run = { 0 };

  run_cli (&run, "workspace", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_assert_nonnull (strstr (run.out, actions[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      run_cli (&run, "workspace", actions[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "--db"));
    }

  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-cli/import-list-export", test_cli_import_list_export);
  g_test_add_func ("/store-cli/refused", test_cli_refused);
  g_test_add_func ("/store-cli/help", test_cli_help);

  return g_test_run ();
}
