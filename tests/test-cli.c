/* test-cli.c: landfall-cli as a user and a script meet it (cli.md)
 *
 * Runs the built binary ($LANDFALL_CLI) and checks exit codes, standard
 * output and standard error. A run that dies by a signal or takes longer
 * than RUN_TIMEOUT_S fails the test.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#define RUN_TIMEOUT_S 20

typedef struct
{
  int    exit_status;
  char  *out;
  char  *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static const char *
cli_path (void)
{
  const char *path = g_getenv ("LANDFALL_CLI");

  g_assert_nonnull (path);

  return path;
}

static char *
example (const char *name)
{
  const char *dir = g_getenv ("LANDFALL_EXAMPLES_DIR");

  g_assert_nonnull (dir);

  return g_build_filename (dir, name, NULL);
}

typedef struct
{
  gboolean  done;
  GBytes   *out;
  GBytes   *err;
} Communication;

static void
on_communicated_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Communication *c = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &c->out, &c->err, &error);
  g_assert_no_error (error);
  c->done = TRUE;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &length) : NULL;

  return g_strndup (data ? data : "", length);
}

/* Waits for the process or the deadline; a hang is a failure, not a stall
 * of the whole suite. */
static void
communicate (GSubprocess   *process,
             GBytes        *input,
             Communication *c)
{
  gint64 deadline = g_get_monotonic_time () + RUN_TIMEOUT_S * G_USEC_PER_SEC;

  g_subprocess_communicate_async (process, input, NULL, on_communicated_cb, c);
  while (!c->done && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  if (!c->done)
    {
      g_subprocess_force_exit (process);
      while (!c->done)
        g_main_context_iteration (NULL, TRUE);
      g_error ("landfall-cli took longer than %d s", RUN_TIMEOUT_S);
    }
}

/* Runs landfall-cli with @argv (NULL-terminated), @input on standard input,
 * @env pairs "NAME=VALUE" added to the environment, @stdout_path (or NULL
 * for a pipe) as standard output. */
static Run *
run_full (const char * const *argv,
          GBytes             *input,
          const char * const *env,
          const char         *stdout_path)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Communication c = { FALSE, NULL, NULL };
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  Run *run = g_new0 (Run, 1);

  if (stdout_path == NULL)
    flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;
  launcher = g_subprocess_launcher_new (flags);
  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  for (guint i = 0; env && env[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  g_ptr_array_add (args, (gpointer) cli_path ());
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  communicate (process, input ? input : g_bytes_new_static ("", 0), &c);

  if (g_subprocess_get_if_signaled (process))
    g_error ("landfall-cli %s died by signal %d; stderr: %s", argv[0],
             g_subprocess_get_term_sig (process), bytes_to_string (c.err));
  g_assert_true (g_subprocess_get_if_exited (process));

  run->exit_status = g_subprocess_get_exit_status (process);
  run->out = bytes_to_string (c.out);
  run->err = bytes_to_string (c.err);
  g_clear_pointer (&c.out, g_bytes_unref);
  g_clear_pointer (&c.err, g_bytes_unref);

  return run;
}

static Run *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return run_full ((const char * const *) argv->pdata, NULL, NULL, NULL);
}

static JsonObject *
parse_plan (const Run  *run,
            JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (run->exit_status != 0)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->exit_status, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_node_get_object (root);
}

static double
member_number (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));

  return json_node_get_double (node);
}

/* Every total is the sum of the figures shown beside it. */
static void
assert_plan_sums (JsonObject *plan)
{
  JsonArray *markets = json_object_get_array_member (plan, "markets");
  JsonObject *parts = json_object_get_object_member (plan, "cost_parts");
  double value = 0, cost = 0, parts_sum = 0;
  gint64 entered = 0;

  for (guint i = 0; i < json_array_get_length (markets); i++)
    {
      JsonObject *m = json_array_get_object_element (markets, i);

      g_assert_nonnull (json_object_get_string_member (m, "name"));
      value += member_number (m, "value");
      cost += member_number (m, "cost");
      entered += json_object_get_boolean_member (m, "entered");
    }
  parts_sum = member_number (parts, "promotion") + member_number (parts, "technology") +
              member_number (parts, "culture") + member_number (parts, "legal");

  g_assert_cmpfloat_with_epsilon (value, member_number (plan, "value"), 1e-6);
  g_assert_cmpfloat_with_epsilon (cost, member_number (plan, "cost"), 1e-3);
  g_assert_cmpfloat_with_epsilon (parts_sum, member_number (plan, "cost"), 1e-3);
  g_assert_cmpint (entered, ==, json_object_get_int_member (plan, "markets_entered"));
  g_assert_true (json_object_has_member (plan, "solve_ms"));
  g_assert_true (json_object_has_member (plan, "diagnosis"));
}

static void
test_solve_max_value (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autoptr(Run) run = run_cli ("solve", file, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *plan = parse_plan (run, parser);

  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "optimal");
  g_assert_cmpstr (json_object_get_string_member (plan, "objective"), ==, "max_value");
  g_assert_cmpfloat_with_epsilon (member_number (plan, "value"), 7.51972841, 1e-6);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (plan, "markets")), ==, 7);
  g_assert_true (json_object_has_member (plan, "budget_shadow_price"));
  g_assert_false (json_object_has_member (plan, "bound"));
  g_assert_cmpstr (run->err, ==, "");
  assert_plan_sums (plan);
}

static void
test_solve_min_cost (void)
{
  g_autofree char *file = example ("min-cost.json");
  g_autoptr(Run) run = run_cli ("solve", file, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *plan = parse_plan (run, parser);

  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "optimal");
  g_assert_cmpstr (json_object_get_string_member (plan, "objective"), ==, "min_cost");
  g_assert_cmpfloat_with_epsilon (member_number (plan, "cost"), 945055.5556, 1e-3);
  g_assert_cmpfloat (member_number (plan, "value"), >=, 3.0 - 1e-9);
  g_assert_true (json_object_has_member (plan, "target_shadow_price"));
  g_assert_false (json_object_has_member (plan, "budget_shadow_price"));
  assert_plan_sums (plan);
}

static void
test_solve_infeasible (void)
{
  g_autofree char *file = example ("infeasible.json");
  g_autoptr(Run) run = run_cli ("solve", file, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *plan = parse_plan (run, parser);
  JsonArray *diagnosis;
  gboolean budget_found = FALSE;

  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "infeasible");
  g_assert_true (json_object_get_null_member (plan, "value"));
  diagnosis = json_object_get_array_member (plan, "diagnosis");
  g_assert_cmpuint (json_array_get_length (diagnosis), >, 0);
  for (guint i = 0; i < json_array_get_length (diagnosis); i++)
    {
      JsonObject *item = json_array_get_object_element (diagnosis, i);

      g_assert_nonnull (json_object_get_string_member (item, "message"));
      g_assert_true (json_object_has_member (item, "option"));
      g_assert_true (json_object_has_member (item, "to"));
      if (g_strcmp0 (json_object_get_string_member (item, "row"), "budget") == 0)
        {
          g_assert_cmpfloat_with_epsilon (member_number (item, "by"), 5945000, 1);
          g_assert_cmpfloat_with_epsilon (member_number (item, "to"), 8945000, 1);
          budget_found = TRUE;
        }
    }
  g_assert_true (budget_found);
}

static void
test_solve_csv (void)
{
  g_autofree char *file = example ("customer-service-markets.csv");
  g_autoptr(Run) run = run_cli ("solve", file, "--budget", "6000000", "--json", NULL);
  g_autoptr(Run) missing = run_cli ("solve", file, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *plan = parse_plan (run, parser);

  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "optimal");
  g_assert_cmpfloat (member_number (plan, "cost"), <=, 6000000 * (1 + 1e-9));
  g_assert_cmpfloat (member_number (plan, "value"), >, 0);
  assert_plan_sums (plan);

  g_assert_cmpint (missing->exit_status, ==, 2);
  g_assert_cmpstr (missing->out, ==, "");
  g_assert_nonnull (strstr (missing->err, "customer-service-markets.csv"));
  g_assert_nonnull (strstr (missing->err, "--budget"));
}

static void
test_solve_stdin (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *csv_file = example ("customer-service-markets.csv");
  g_autofree char *data = NULL, *csv = NULL;
  g_autoptr(GBytes) input = NULL, csv_input = NULL;
  g_autoptr(Run) run = NULL, csv_run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) csv_parser = json_parser_new ();
  const char *argv[] = { "solve", "-", "--json", NULL };
  const char *csv_argv[] = { "solve", "--budget=6000000", "--json", "-", NULL };
  gsize length;

  g_assert_true (g_file_get_contents (file, &data, &length, NULL));
  input = g_bytes_new (data, length);
  run = run_full (argv, input, NULL, NULL);
  g_assert_cmpfloat_with_epsilon (member_number (parse_plan (run, parser), "value"), 7.51972841, 1e-6);

  /* No name to go by: the content says it is a table. */
  g_assert_true (g_file_get_contents (csv_file, &csv, &length, NULL));
  csv_input = g_bytes_new (csv, length);
  csv_run = run_full (csv_argv, csv_input, NULL, NULL);
  g_assert_cmpstr (json_object_get_string_member (parse_plan (csv_run, csv_parser), "status"), ==, "optimal");
}

/* --budget replaces the file's: less money, no more value. */
static void
test_solve_budget_override (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autoptr(Run) run = run_cli ("solve", file, "--budget", "1.5e6", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *plan = parse_plan (run, parser);

  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "optimal");
  g_assert_cmpfloat (member_number (plan, "cost"), <=, 1.5e6 * (1 + 1e-9));
  g_assert_cmpfloat (member_number (plan, "value"), <, 7.51972841);
}

static void
test_solve_time_limit (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autoptr(Run) run = run_cli ("solve", file, "--time-limit", "30", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *plan = parse_plan (run, parser);

  /* A small programme finishes well inside the limit. */
  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "optimal");
  g_assert_cmpfloat_with_epsilon (member_number (plan, "value"), 7.51972841, 1e-6);
}

static void
test_solve_human (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *bad = example ("infeasible.json");
  g_autoptr(Run) run = run_cli ("solve", file, NULL);
  g_autoptr(Run) infeasible = run_cli ("solve", bad, NULL);

  g_assert_cmpint (run->exit_status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, "optimal"));
  g_assert_nonnull (strstr (run->out, "7.51973"));
  g_assert_nonnull (strstr (run->out, "Singapore"));
  g_assert_nonnull (strstr (run->out, "USD"));
  g_assert_nonnull (strstr (run->out, "of budget buys"));

  g_assert_cmpint (infeasible->exit_status, ==, 0);
  g_assert_nonnull (strstr (infeasible->out, "infeasible"));
  g_assert_nonnull (strstr (infeasible->out, "5 945 000"));
  g_assert_nonnull (strstr (infeasible->out, "China"));
}

static gboolean
have_locale (const char *name)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean found = setlocale (LC_ALL, name) != NULL;

  setlocale (LC_ALL, saved);

  return found;
}

/* cli.md: '.' decimals whatever the locale. */
static void
test_solve_json_locale (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  const char *argv[] = { "solve", file, "--json", NULL };
  const char *env[] = { "LC_ALL=de_DE.UTF-8", "LANG=de_DE.UTF-8", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(Run) run = NULL;

  if (!have_locale ("de_DE.UTF-8"))
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }

  run = run_full (argv, NULL, env, NULL);
  g_assert_nonnull (strstr (run->out, "7.5197284"));
  g_assert_null (strstr (run->out, "7,5197"));
  g_assert_cmpfloat_with_epsilon (member_number (parse_plan (run, parser), "value"), 7.51972841, 1e-6);
}

static void
test_validate (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *csv = example ("customer-service-markets.csv");
  g_autoptr(Run) run = run_cli ("validate", file, NULL);
  g_autoptr(Run) csv_run = run_cli ("validate", csv, NULL);
  g_autofree char *expected = g_strdup_printf ("%s: valid, 7 markets\n", file);

  g_assert_cmpint (run->exit_status, ==, 0);
  g_assert_cmpstr (run->out, ==, expected);
  g_assert_cmpint (csv_run->exit_status, ==, 0);
  g_assert_nonnull (strstr (csv_run->out, "valid"));
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return path;
}

/* A scenario with one market, @market_extra inside the market object and
 * @top_extra at the top; each is "" or starts with a comma. */
static char *
small_scenario (const char *top_extra,
                const char *market_extra)
{
  return g_strdup_printf ("{\"format\": \"expansion-scenario\", \"version\": 1, \"name\": \"Small\","
                          " \"budget\": 1000000%s, \"markets\": [{\"name\": \"China\", \"alpha\": 2,"
                          " \"promote\": 500000%s}]}", top_extra, market_extra);
}

static void
test_validate_every_problem (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  g_autofree char *json = small_scenario (", \"risk_cap\": -1", ", \"p_max\": 2, \"beta\": -3");
  g_autofree char *path = write_temp (dir, "three.json", json, -1);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_cmpint (run->exit_status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  lines = g_strsplit (run->err, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_assert_true (g_str_has_prefix (lines[i], path));
      n++;
    }
  /* every one, not the first only */
  g_assert_cmpuint (n, >=, 3);
  g_assert_nonnull (strstr (run->err, "$.markets[0].p_max"));
  g_assert_nonnull (strstr (run->err, "$.markets[0].beta"));
  g_assert_nonnull (strstr (run->err, "$.risk_cap"));
  g_remove (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *name;        /* file name in the temporary folder */
  char       *data;        /* NULL: do not create the file */
  gssize      length;
  const char *place;       /* a part of the message, or NULL */
} BadInput;

static char *
repeat (const char *unit,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, unit);

  return g_string_free (out, FALSE);
}

static char *
garbage (gsize length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  char *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = (char) g_rand_int_range (rand, 0, 256);

  return data;
}

static char *
truncated_example (gssize *length)
{
  g_autofree char *file = example ("china-customer-service.json");
  char *data = NULL;
  gsize full;

  g_assert_true (g_file_get_contents (file, &data, &full, NULL));
  *length = full / 2;

  return data;
}

static char *
many_markets (guint n)
{
  GString *out = g_string_new ("name,alpha\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "M%u,1\n", i);

  return g_string_free (out, FALSE);
}

static GArray *
bad_inputs (void)
{
  GArray *cases = g_array_new (FALSE, TRUE, sizeof (BadInput));
  static const char nul[] = "{\"format\": \"expansion-scenario\"\0, \"version\": 1}";
  gssize truncated_length;
  char *truncated = truncated_example (&truncated_length);
  BadInput c;

#define ADD(n, d, l, p) (c = (BadInput) { n, d, l, p }, g_array_append_val (cases, c))
  ADD ("wrong-type.json", small_scenario (", \"risk_cap\": \"high\"", ""), -1, "$.risk_cap");
  ADD ("out-of-range.json", small_scenario ("", ", \"p_max\": 2"), -1, "$.markets[0].p_max");
  ADD ("unknown-key.json", small_scenario ("", ", \"colour\": \"red\""), -1, "colour");
  ADD ("huge-number.json", small_scenario (", \"headcount_cap\": 1e999", ""), -1, "$.headcount_cap");
  ADD ("no-budget.json", g_strdup ("{\"format\": \"expansion-scenario\", \"version\": 1, \"name\": \"x\","
                                   " \"markets\": [{\"name\": \"A\"}]}"), -1, "budget");
  ADD ("newer.json", g_strdup ("{\"format\": \"expansion-scenario\", \"version\": 99, \"name\": \"x\","
                               " \"budget\": 1, \"markets\": []}"), -1, "99");
  ADD ("array.json", g_strdup ("[1, 2, 3]"), -1, "$");
  ADD ("nested.json", repeat ("[", 100000), -1, "line 1, column");
  ADD ("nested-objects.json", repeat ("{\"a\":", 100000), -1, "line 1, column");
  ADD ("nul.json", g_memdup2 (nul, sizeof nul - 1), sizeof nul - 1, "line 1, column");
  ADD ("truncated.json", truncated, truncated_length, "line ");
  ADD ("empty.json", g_strdup (""), 0, "line 1, column 1");
  ADD ("empty", g_strdup (""), 0, "row 1");
  ADD ("garbage.bin", garbage (4096), 4096, "row 1");
  ADD ("bad-number.csv", g_strdup ("name,alpha\nChina,abc\n"), -1, "row 2");
  ADD ("unknown-column.csv", g_strdup ("name,colour\nChina,red\n"), -1, "colour");
  ADD ("duplicate.csv", g_strdup ("name\nChina\nchina\n"), -1, "row 3");
  ADD ("open-quote.csv", g_strdup ("name,alpha\n\"China,1\n"), -1, "row 2");
  ADD ("too-many.csv", many_markets (20001), -1, "row 20002");
  ADD ("missing.json", NULL, 0, "cannot open");
#undef ADD

  return cases;
}

static void
check_bad_run (const Run  *run,
               const char *command,
               const char *name,
               const char *place)
{
  g_test_message ("%s %s: exit %d, %s", command, name, run->exit_status, run->err);
  g_assert_cmpint (run->exit_status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, name));
  if (place != NULL)
    g_assert_nonnull (strstr (run->err, place));
}

static void
test_malformed_inputs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  g_autoptr(GArray) cases = bad_inputs ();
  g_autoptr(Run) folder = run_cli ("solve", dir, NULL);

  check_bad_run (folder, "solve", dir, NULL);

  for (guint i = 0; i < cases->len; i++)
    {
      BadInput *c = &g_array_index (cases, BadInput, i);
      g_autofree char *path = g_build_filename (dir, c->name, NULL);
      g_autoptr(Run) solve = NULL;
      g_autoptr(Run) validate = NULL;
      g_autoptr(Run) export = NULL;
      g_autofree char *lp = g_build_filename (dir, "out.lp", NULL);

      if (c->data != NULL)
        g_free (write_temp (dir, c->name, c->data, c->length));
      solve = run_cli ("solve", path, "--json", NULL);
      check_bad_run (solve, "solve", c->name, c->place);
      validate = run_cli ("validate", path, NULL);
      check_bad_run (validate, "validate", c->name, c->place);
      export = run_cli ("export-model", path, "--lp", lp, "--budget", "1000", NULL);
      /* the override makes a missing budget good */
      if (g_strcmp0 (c->name, "no-budget.json") != 0)
        check_bad_run (export, "export-model", c->name, c->place);
      g_remove (path);
      g_remove (lp);
      g_free (c->data);
    }
  g_rmdir (dir);
}

typedef struct
{
  const char *argv[6];
  const char *expect;   /* a part of standard error */
} BadArguments;

static void
test_bad_arguments (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  const BadArguments cases[] = {
    { { "solve", file, "--budget", "abc" }, "--budget" },
    { { "solve", file, "--budget", "-5" }, "--budget" },
    { { "solve", file, "--budget", "1e999" }, "--budget" },
    { { "solve", file, "--budget", "nan" }, "--budget" },
    { { "solve", file, "--time-limit", "-1" }, "--time-limit" },
    { { "solve", file, "--time-limit", "0" }, "--time-limit" },
    { { "solve", file, "--time-limit", "1e300" }, "--time-limit" },
    { { "solve", file, "--time-limit", "abc" }, "--time-limit" },
    { { "solve", file, "--frobnicate" }, "frobnicate" },
    { { "solve", file, file }, "FILE" },
    { { "solve" }, "FILE" },
    { { "solve", file, "--budget" }, "--budget" },
    { { "frobnicate", file }, "frobnicate" },
    { { "--frobnicate" }, "frobnicate" },
    { { "validate", file, "--json" }, "json" },
    { { "export-model", file }, "--lp" },
    { { NULL }, "Usage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_full (cases[i].argv, NULL, NULL, NULL);

      g_test_message ("case %u: exit %d, %s", i, run->exit_status, run->err);
      g_assert_cmpint (run->exit_status, ==, 2);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_nonnull (strstr (run->err, cases[i].expect));
    }
}

static void
test_help (void)
{
  const char *commands[] = { "solve", "validate", "export-model" };
  g_autoptr(Run) top = run_cli ("--help", NULL);
  g_autoptr(Run) version = run_cli ("--version", NULL);

  g_assert_cmpint (top->exit_status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("landfall-cli %s", commands[i]);
      g_autoptr(Run) run = run_cli (commands[i], "--help", NULL);

      g_assert_nonnull (strstr (top->out, commands[i]));
      g_assert_cmpint (run->exit_status, ==, 0);
      g_assert_nonnull (strstr (run->out, usage));
    }
  /* Only what is built is listed. */
  g_assert_null (strstr (top->out, "montecarlo"));
  g_assert_null (strstr (top->out, "tornado"));

  g_assert_cmpint (version->exit_status, ==, 0);
  g_assert_true (g_str_has_prefix (version->out, "landfall-cli "));
}

/* glpsol's optimum of a model file, from its solution report. */
static double
glpsol_objective (const char *format_option,
                  const char *model,
                  const char *extra)
{
  g_autofree char *dir = g_path_get_dirname (model);
  g_autofree char *report = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "glpsol", format_option, model, "-o", report, extra, NULL };
  const char *objective;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (report, &text, NULL, NULL));
  g_remove (report);
  objective = strstr (text, "Objective:");
  g_assert_nonnull (objective);
  objective = strchr (objective, '=');
  g_assert_nonnull (objective);

  return g_ascii_strtod (objective + 1, NULL);
}

static void
test_export_model (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  g_autofree char *lp = g_build_filename (dir, "model.lp", NULL);
  g_autofree char *mps = g_build_filename (dir, "model.mps", NULL);
  g_autoptr(Run) run = run_cli ("export-model", file, "--lp", lp, "--mps", mps, NULL);
  g_autoptr(Run) unwritable = run_cli ("export-model", file, "--lp", "/nonexistent-landfall-dir/model.lp", NULL);
  g_autofree char *glpsol = g_find_program_in_path ("glpsol");

  g_assert_cmpint (run->exit_status, ==, 0);
  g_assert_true (g_file_test (lp, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (mps, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (unwritable->exit_status, ==, 1);
  g_assert_nonnull (strstr (unwritable->err, "/nonexistent-landfall-dir/model.lp"));

  if (glpsol != NULL)
    {
      /* Free MPS carries no objective sense. */
      g_assert_cmpfloat_with_epsilon (glpsol_objective ("--lp", lp, NULL), 7.51972841, 1e-6);
      g_assert_cmpfloat_with_epsilon (glpsol_objective ("--freemps", mps, "--max"), 7.51972841, 1e-6);
    }
  else
    g_test_message ("glpsol is not installed: the files are not read back");

  g_remove (lp);
  g_remove (mps);
  g_rmdir (dir);
}

/* A full disk is the work failing, exit 1, not a crash. */
static void
test_unwritable_output (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  const char *argv[] = { "solve", file, "--json", NULL };
  g_autoptr(Run) run = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  run = run_full (argv, NULL, NULL, "/dev/full");
  g_assert_cmpint (run->exit_status, ==, 1);
  g_assert_nonnull (strstr (run->err, "output"));
}

int
main (int    argc,
      char **argv)
{
  /* Messages of the program show in the log as they are. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/solve/max-value", test_solve_max_value);
  g_test_add_func ("/cli/solve/min-cost", test_solve_min_cost);
  g_test_add_func ("/cli/solve/infeasible", test_solve_infeasible);
  g_test_add_func ("/cli/solve/csv", test_solve_csv);
  g_test_add_func ("/cli/solve/stdin", test_solve_stdin);
  g_test_add_func ("/cli/solve/budget-override", test_solve_budget_override);
  g_test_add_func ("/cli/solve/time-limit", test_solve_time_limit);
  g_test_add_func ("/cli/solve/human", test_solve_human);
  g_test_add_func ("/cli/solve/json-locale", test_solve_json_locale);
  g_test_add_func ("/cli/solve/unwritable-output", test_unwritable_output);
  g_test_add_func ("/cli/validate/valid", test_validate);
  g_test_add_func ("/cli/validate/every-problem", test_validate_every_problem);
  g_test_add_func ("/cli/input/malformed", test_malformed_inputs);
  g_test_add_func ("/cli/arguments/bad", test_bad_arguments);
  g_test_add_func ("/cli/arguments/help", test_help);
  g_test_add_func ("/cli/export-model", test_export_model);

  return g_test_run ();
}
