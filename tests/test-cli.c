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

/* In a sanitized build, the caches fontconfig and Pango keep for the life
 * of a process that draws a chart are not leaks of ours: the suppressions
 * ./run-tests gives, also when meson test runs alone. */
static void
suppress_foreign_leaks (GSubprocessLauncher *launcher)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *options = NULL;

  if (srcdir == NULL || g_getenv ("LSAN_OPTIONS") != NULL)
    return;

  options = g_strdup_printf ("suppressions=%s/lsan.supp:print_suppressions=0", srcdir);
  g_subprocess_launcher_setenv (launcher, "LSAN_OPTIONS", options, FALSE);
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
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  Run *run = g_new0 (Run, 1);

  if (stdout_path == NULL)
    flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;
  launcher = g_subprocess_launcher_new (flags);
  suppress_foreign_leaks (launcher);
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
  communicate (process, input ? input : nothing, &c);

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
  const char *commands[] = {
    "solve", "validate", "export-model", "sweep", "tornado", "montecarlo", "thresholds", "chart", "report",
  };
  g_autoptr(Run) top = run_cli ("--help", NULL);
  g_autoptr(Run) version = run_cli ("--version", NULL);

  g_assert_cmpint (top->exit_status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("landfall-cli %s", commands[i]);
      g_autoptr(Run) run = run_cli (commands[i], "--help", NULL);

      const char *after_usage;

      g_assert_nonnull (strstr (top->out, commands[i]));
      g_assert_cmpint (run->exit_status, ==, 0);
      g_assert_nonnull (strstr (run->out, usage));
      /* a summary between the usage line and the options */
      after_usage = strstr (run->out, "FILE\n\n");
      g_assert_nonnull (after_usage);
      g_assert_false (g_str_has_prefix (after_usage + strlen ("FILE\n\n"), "Help Options"));
    }

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

/* The analyses: sweep, tornado, montecarlo, thresholds */

static double
number_or_nan (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NAN;
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));

  return json_node_get_double (node);
}

/* The value `solve --budget B --json` finds, B as the sweep printed it. */
static double
solve_value_at (const char *file,
                double      budget)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(Run) run = NULL;

  g_ascii_dtostr (text, sizeof text, budget);
  run = run_cli ("solve", file, "--budget", text, "--json", NULL);

  return number_or_nan (parse_plan (run, parser), "value");
}

static gboolean
same_names (JsonArray *a,
            JsonArray *b)
{
  if (json_array_get_length (a) != json_array_get_length (b))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      if (g_strcmp0 (json_array_get_string_element (a, i), json_array_get_string_element (b, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Budgets rise evenly, the value never falls, a change is named exactly
 * where the entered markets change, and two points agree with solve. */
static void
test_sweep_frontier (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autoptr(Run) run = run_cli ("sweep", file, "--from", "0", "--to", "1.2e7", "--steps", "25", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_plan (run, parser);
  JsonArray *points = json_object_get_array_member (root, "points");
  double last = -INFINITY;
  guint checked = 0;

  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpfloat (member_number (root, "current_budget"), ==, 6e6);
  g_assert_cmpuint (json_array_get_length (points), ==, 25);
  for (guint k = 0; k < 25; k++)
    {
      JsonObject *point = json_array_get_object_element (points, k);
      double budget = member_number (point, "budget");
      double value = number_or_nan (point, "value");
      JsonArray *entered = json_object_get_array_member (point, "entered");

      g_assert_cmpfloat_with_epsilon (budget, 5e5 * k, 1e-6);
      if (isnan (value))
        {
          /* Singapore is locked in: nothing is possible without money */
          g_assert_cmpuint (k, ==, 0);
          g_assert_cmpuint (json_array_get_length (entered), ==, 0);
          continue;
        }
      g_assert_cmpfloat (value, >=, last - 1e-9);
      last = value;
      if (k > 1)
        {
          JsonObject *before = json_array_get_object_element (points, k - 1);
          gboolean changed = !same_names (entered, json_object_get_array_member (before, "entered"));

          g_assert_cmpint (changed, ==, !json_object_get_null_member (point, "change"));
        }
      if (k == 9 || k == 17)
        {
          g_assert_cmpfloat_with_epsilon (solve_value_at (file, budget), value, 1e-7);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 2);
  /* at the scenario's own budget, the scenario's own answer */
  g_assert_cmpfloat_with_epsilon (number_or_nan (json_array_get_object_element (points, 12), "value"),
                                  7.51972841, 1e-6);
}

static void
test_sweep_human (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *csv = example ("customer-service-markets.csv");
  g_autoptr(Run) run = run_cli ("sweep", file, "--from", "1e6", "--to", "3e6", "--steps", "5", NULL);
  g_autoptr(Run) table = run_cli ("sweep", csv, "--from", "0", "--to", "1e7", "--steps", "3", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_cmpint (run->exit_status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, "Budget (USD)"));
  g_assert_nonnull (strstr (run->out, "3 000 000"));
  g_assert_nonnull (strstr (run->out, "+"));
  g_assert_null (strstr (run->out, " \n"));

  /* a market table has no budget of its own: the sweep needs none */
  root = parse_plan (table, parser);
  g_assert_true (json_object_get_null_member (root, "current_budget"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "points")), ==, 3);
}

static JsonObject *
find_bar (JsonArray  *bars,
          const char *market,
          const char *parameter)
{
  for (guint k = 0; k < json_array_get_length (bars); k++)
    {
      JsonObject *bar = json_array_get_object_element (bars, k);
      JsonNode *node = json_object_get_member (bar, "market");
      const char *name = JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);

      if (g_strcmp0 (name, market) == 0 &&
          g_strcmp0 (json_object_get_string_member (bar, "parameter"), parameter) == 0)
        return bar;
    }

  return NULL;
}

/* The budget bar is the scenario solved at 0.8 and 1.2 of its budget;
 * bars come largest swing first. */
static void
test_tornado_budget_bar (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autoptr(Run) run = run_cli ("tornado", file, "--json", NULL);
  g_autoptr(Run) two = run_cli ("tornado", file, "--json", "--threads", "2", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_plan (run, parser);
  JsonArray *bars = json_object_get_array_member (root, "bars");
  JsonObject *budget = find_bar (bars, NULL, "budget");
  double previous = INFINITY;

  g_assert_cmpfloat_with_epsilon (member_number (root, "base_value"), 7.51972841, 1e-6);
  g_assert_cmpfloat (member_number (root, "low_multiplier"), ==, 0.8);
  g_assert_cmpfloat (member_number (root, "high_multiplier"), ==, 1.2);
  g_assert_nonnull (budget);
  g_assert_cmpfloat_with_epsilon (member_number (budget, "low_value"), solve_value_at (file, 4.8e6), 1e-7);
  g_assert_cmpfloat_with_epsilon (member_number (budget, "high_value"), solve_value_at (file, 7.2e6), 1e-7);
  g_assert_nonnull (find_bar (bars, "China", "promote"));

  for (guint k = 0; k < json_array_get_length (bars); k++)
    {
      double swing = member_number (json_array_get_object_element (bars, k), "swing");

      g_assert_cmpfloat (swing, <=, previous);
      previous = swing;
    }
  g_assert_cmpstr (run->out, ==, two->out);
}

static void
test_tornado_multipliers (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autoptr(Run) run = run_cli ("tornado", file, "--low", "0.5", "--high", "1.5", "--json", NULL);
  g_autoptr(Run) human = run_cli ("tornado", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_plan (run, parser);
  JsonObject *budget = find_bar (json_object_get_array_member (root, "bars"), NULL, "budget");

  g_assert_cmpfloat (member_number (root, "low_multiplier"), ==, 0.5);
  g_assert_cmpfloat_with_epsilon (member_number (budget, "low_value"), solve_value_at (file, 3e6), 1e-7);

  g_assert_cmpint (human->exit_status, ==, 0);
  g_assert_nonnull (strstr (human->out, "7.51973"));
  g_assert_nonnull (strstr (human->out, "Budget"));
  g_assert_nonnull (strstr (human->out, "×0.8"));
}

static Run *
run_montecarlo (const char *file,
                const char *seed,
                const char *threads,
                const char * const *env)
{
  const char *argv[] = { "montecarlo", file, "--samples", "300", "--seed", seed, "--threads", threads,
                         "--json", NULL };

  return run_full (argv, NULL, env, NULL);
}

/* Same seed, same bytes: any thread count, any run, any locale. */
static void
test_montecarlo_reproducible (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autoptr(Run) one = run_montecarlo (file, "11", "1", NULL);
  g_autoptr(Run) two = run_montecarlo (file, "11", "2", NULL);
  g_autoptr(Run) again = run_montecarlo (file, "11", "2", NULL);
  g_autoptr(Run) other = run_montecarlo (file, "12", "2", NULL);
  const char *german[] = { "LC_ALL=de_DE.UTF-8", "LANG=de_DE.UTF-8", NULL };

  g_assert_cmpint (one->exit_status, ==, 0);
  g_assert_cmpint (two->exit_status, ==, 0);
  g_assert_cmpstr (one->err, ==, "");
  g_assert_cmpstr (one->out, ==, two->out);
  g_assert_cmpstr (two->out, ==, again->out);
  g_assert_cmpstr (one->out, !=, other->out);

  if (have_locale ("de_DE.UTF-8"))
    {
      g_autoptr(Run) localised = run_montecarlo (file, "11", "2", german);

      g_assert_cmpstr (localised->out, ==, one->out);
    }
}

static void
test_montecarlo_summary (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autoptr(Run) run = run_montecarlo (file, "5", "2", NULL);
  g_autoptr(Run) human = run_cli ("montecarlo", file, "--samples", "100", "--seed", "5", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_plan (run, parser);
  JsonObject *frequency = json_object_get_object_member (root, "entry_frequency");
  double p5 = member_number (root, "p5"), p50 = member_number (root, "p50"), p95 = member_number (root, "p95");
  double overrun = member_number (root, "overrun_probability");
  GList *names = json_object_get_members (frequency);

  g_assert_cmpint (json_object_get_int_member (root, "samples"), ==, 300);
  g_assert_cmpint (json_object_get_int_member (root, "seed"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (root, "infeasible_samples"), >=, 0);
  g_assert_cmpfloat (p5, <=, p50);
  g_assert_cmpfloat (p50, <=, p95);
  g_assert_cmpfloat (member_number (root, "mean"), >=, p5);
  g_assert_cmpfloat (member_number (root, "mean"), <=, p95);
  g_assert_cmpfloat_with_epsilon (member_number (root, "nominal_value"), 7.51972841, 1e-6);
  g_assert_cmpfloat (overrun, >=, 0);
  g_assert_cmpfloat (overrun, <=, 1);

  g_assert_cmpuint (g_list_length (names), ==, 7);
  for (GList *l = names; l; l = l->next)
    {
      double f = member_number (frequency, l->data);

      g_assert_cmpfloat (f, >=, 0);
      g_assert_cmpfloat (f, <=, 1);
    }
  g_list_free (names);
  /* locked in: entered in every draw */
  g_assert_cmpfloat (member_number (frequency, "Singapore"), ==, 1);

  g_assert_cmpint (human->exit_status, ==, 0);
  g_assert_cmpstr (human->err, ==, "");
  g_assert_nonnull (strstr (human->out, "P95"));
  g_assert_nonnull (strstr (human->out, "Singapore"));
  g_assert_nonnull (strstr (human->out, "100.0%"));
}

/* The example with market @index's @key multiplied by @factor, as a file. */
static char *
scaled_example (const char *dir,
                guint       index,
                const char *key,
                double      factor)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonObject *market;

  json_parser_load_from_file (parser, file, &error);
  g_assert_no_error (error);
  market = json_array_get_object_element (json_object_get_array_member (
             json_node_get_object (json_parser_get_root (parser)), "markets"), index);
  json_object_set_double_member (market, key, json_object_get_double_member (market, key) * factor);
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, NULL);

  return write_temp (dir, "scaled.json", data, -1);
}

static gboolean
entered_in_plan (const char *file,
                 const char *name)
{
  g_autoptr(Run) run = run_cli ("solve", file, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *markets = json_object_get_array_member (parse_plan (run, parser), "markets");

  for (guint i = 0; i < json_array_get_length (markets); i++)
    {
      JsonObject *m = json_array_get_object_element (markets, i);

      if (g_strcmp0 (json_object_get_string_member (m, "name"), name) == 0)
        return json_object_get_boolean_member (m, "entered");
    }
  g_assert_not_reached ();
}

/* China is out; a little past its threshold it is in, a little short of
 * it still out. */
static void
test_thresholds_flip (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  g_autoptr(Run) run = run_cli ("thresholds", file, "--json", NULL);
  g_autoptr(Run) human = run_cli ("thresholds", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_plan (run, parser);
  JsonObject *china = json_array_get_object_element (json_object_get_array_member (root, "markets"), 0);
  double factor = number_or_nan (china, "alpha_factor");
  g_autofree char *above = NULL;
  g_autofree char *below = NULL;

  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "optimal");
  g_assert_cmpstr (json_object_get_string_member (china, "name"), ==, "China");
  g_assert_false (json_object_get_boolean_member (china, "entered"));
  g_assert_cmpfloat (factor, >, 1);

  above = scaled_example (dir, 0, "alpha", factor * 1.01);
  g_assert_true (entered_in_plan (above, "China"));
  g_remove (above);
  below = scaled_example (dir, 0, "alpha", factor * 0.99);
  g_assert_false (entered_in_plan (below, "China"));
  g_remove (below);
  g_rmdir (dir);

  g_assert_cmpint (human->exit_status, ==, 0);
  g_assert_nonnull (strstr (human->out, "China: Enters when its value weight rises ×"));
  g_assert_nonnull (strstr (human->out, "Singapore: Locked in the plan"));
}

/* Charts and the board pack */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

static void
assert_png (const char *path,
            guint32     width,
            guint32     height)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  guint32 size[2];

  g_assert_cmpuint (length, >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  memcpy (&size[0], data + 16, 4);
  memcpy (&size[1], data + 20, 4);
  g_assert_cmpuint (GUINT32_FROM_BE (size[0]), ==, width);
  g_assert_cmpuint (GUINT32_FROM_BE (size[1]), ==, height);
}

static Run *
run_chart (const char *file,
           const char *kind,
           const char *out,
           const char *extra1,
           const char *extra2)
{
  const char *argv[] = { "chart", file, "--kind", kind, "--out", out, "--samples", "200", extra1, extra2, NULL };
  Run *run = run_full (argv, NULL, NULL, NULL);

  g_test_message ("chart %s: exit %d, %s", kind, run->exit_status, run->err);
  g_assert_cmpint (run->exit_status, ==, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpstr (run->err, ==, "");

  return run;
}

static void
test_chart_png (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);

  run_free (run_chart (file, "allocation", path, "--format", "png"));
  assert_png (path, 1920, 1080);

  /* every kind, with what it needs run first */
  for (guint k = 0; k < 7; k++)
    {
      const char *kinds[] = { "allocation", "costs", "frontier", "compare", "risk", "montecarlo", "tornado" };

      run_free (run_chart (file, kinds[k], path, "--width", "480"));
      assert_png (path, 480, 270);
    }
  run_free (run_chart (file, "risk", path, "--height", "300"));
  assert_png (path, 533, 300);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_chart_svg (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "frontier.out", NULL);
  GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  run_free (run_chart (file, "frontier", path, "--format", "svg"));
  bytes = read_bytes (path);
  data = g_bytes_get_data (bytes, &length);
  g_assert_true (g_markup_parse_context_parse (context, data, length, &error) &&
                 g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (data, length, "<svg"));
  g_assert_nonnull (g_strstr_len (data, length, "viewBox=\"0 0 720 405\""));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_chart_pdf (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "montecarlo.pdf", NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  run_free (run_chart (file, "montecarlo", path, "--seed", "3"));
  bytes = read_bytes (path);
  data = g_bytes_get_data (bytes, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  g_assert_nonnull (g_strstr_len (data + length - 8, 8, "%%EOF"));
  g_remove (path);
  g_rmdir (dir);
}

/* Page objects: "/Type /Page", not the "/Type /Pages" of the page tree.
 * A PDF holds NUL bytes, so no str* search. */
static guint
count_pages (GBytes *bytes)
{
  static const char mark[] = "/Type /Page";
  gsize length, n_mark = strlen (mark);
  const char *data = g_bytes_get_data (bytes, &length);
  guint n = 0;

  for (gsize i = 0; i + n_mark <= length; i++)
    {
      if (memcmp (data + i, mark, n_mark) == 0 && (i + n_mark == length || data[i + n_mark] != 's'))
        n++;
    }

  return n;
}

static void
assert_pdf_pages (const char *path,
                  guint       expected)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  g_assert_cmpuint (count_pages (bytes), ==, expected);
  if (pdfinfo != NULL)
    {
      g_autofree char *out = NULL;
      g_autofree char *pages = g_strdup_printf ("Pages:           %u\n", expected);
      const char *argv[] = { pdfinfo, path, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, NULL, NULL));
      g_assert_nonnull (strstr (out, pages));
    }
}

/* The title page and seven charts; without an uncertain parameter there
 * is no Monte Carlo page. */
static void
test_report_pages (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  g_autofree char *json = small_scenario (", \"currency\": \"EUR\"", "");
  g_autofree char *certain = write_temp (dir, "certain.json", json, -1);
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autoptr(Run) run = run_cli ("report", file, "--out", path, "--samples", "200", "--seed", "9", NULL);
  g_autoptr(Run) small = NULL;

  g_assert_cmpint (run->exit_status, ==, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpstr (run->err, ==, "");
  assert_pdf_pages (path, 8);

  small = run_cli ("report", certain, "--out", path, NULL);
  g_assert_cmpint (small->exit_status, ==, 0);
  assert_pdf_pages (path, 7);

  g_remove (path);
  g_remove (certain);
  g_rmdir (dir);
}

/* No plan, no report, and the file that was there stays. */
static void
test_report_no_plan (void)
{
  g_autofree char *file = example ("infeasible.json");
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  g_autofree char *path = write_temp (dir, "board.pdf", "old", -1);
  g_autoptr(Run) run = run_cli ("report", file, "--out", path, NULL);
  g_autofree char *kept = NULL;

  g_assert_cmpint (run->exit_status, ==, 1);
  g_assert_nonnull (strstr (run->err, "infeasible.json"));
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old");
  g_remove (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *argv[12];
  const char *expect;   /* a part of standard error */
} BadAnalysis;

static void
test_analysis_bad_arguments (void)
{
  g_autofree char *f = example ("china-customer-service.json");
  const BadAnalysis cases[] = {
    { { "sweep", f, "--from", "0", "--to", "1e6", "--steps", "0" }, "--steps" },
    { { "sweep", f, "--from", "2e6", "--to", "1e6", "--steps", "3" }, "--to" },
    { { "sweep", f, "--from", "1e6", "--to", "1e6", "--steps", "3" }, "--to" },
    { { "sweep", f, "--from", "-1", "--to", "1e6", "--steps", "3" }, "--from" },
    { { "sweep", f, "--from", "0", "--to", "1e6", "--steps", "2.5" }, "--steps" },
    { { "sweep", f, "--to", "1e6", "--steps", "3" }, "--from" },
    { { "sweep", f, "--from", "0", "--to", "1e6" }, "--steps" },
    { { "tornado", f, "--low", "1.5" }, "--low" },
    { { "tornado", f, "--low", "-0.1" }, "--low" },
    { { "tornado", f, "--high", "0.9" }, "--high" },
    { { "tornado", f, "--high", "1e9" }, "--high" },
    { { "tornado", f, "--threads", "0" }, "--threads" },
    { { "montecarlo", f, "--samples", "0", "--seed", "1" }, "--samples" },
    { { "montecarlo", f, "--samples", "10", "--seed", "-3" }, "--seed" },
    { { "montecarlo", f, "--samples", "10", "--seed", "x" }, "--seed" },
    { { "montecarlo", f, "--seed", "1" }, "--samples" },
    { { "montecarlo", f, "--samples", "10" }, "--seed" },
    { { "montecarlo", f, "--samples", "10", "--seed", "1", "--threads", "-2" }, "--threads" },
    { { "thresholds", f, "--budget", "abc" }, "--budget" },
    { { "thresholds" }, "FILE" },
    { { "chart", f, "--kind", "pie", "--out", "x.png" }, "pie" },
    { { "chart", f, "--kind", "risk", "--format", "gif", "--out", "x.gif" }, "gif" },
    { { "chart", f, "--kind", "risk", "--out", "x.png", "--width", "0" }, "--width" },
    { { "chart", f, "--kind", "risk", "--out", "x.png", "--width", "100000" }, "--width" },
    { { "chart", f, "--kind", "risk", "--out", "x.png", "--height", "8" }, "--height" },
    { { "chart", f, "--kind", "risk", "--out", "chart" }, "--format" },
    { { "chart", f, "--kind", "risk" }, "--out" },
    { { "chart", f, "--out", "x.png" }, "--kind" },
    { { "chart", f, "--kind", "montecarlo", "--out", "x.png", "--samples", "0" }, "--samples" },
    { { "report", f }, "--out" },
    { { "report", f, "--out", "x.pdf", "--samples", "0" }, "--samples" },
    { { "report", f, "--out", "x.pdf", "--frobnicate" }, "frobnicate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_full (cases[i].argv, NULL, NULL, NULL);

      g_test_message ("case %u (%s): exit %d, %s", i, cases[i].argv[0], run->exit_status, run->err);
      g_assert_cmpint (run->exit_status, ==, 2);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_nonnull (strstr (run->err, cases[i].expect));
      /* nothing was written for arguments that were refused */
      g_assert_false (g_file_test ("x.png", G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test ("x.pdf", G_FILE_TEST_EXISTS));
    }
}

static void
test_analysis_unwritable_out (void)
{
  g_autofree char *file = example ("china-customer-service.json");
  g_autofree char *dir = g_dir_make_tmp ("landfall-cli-XXXXXX", NULL);
  const char *missing = "/nonexistent-landfall-dir/chart.png";
  g_autoptr(Run) chart = run_cli ("chart", file, "--kind", "costs", "--out", missing, NULL);
  g_autoptr(Run) report = run_cli ("report", file, "--out", "/nonexistent-landfall-dir/board.pdf", NULL);
  g_autoptr(Run) folder = run_cli ("chart", file, "--kind", "costs", "--format", "png", "--out", dir, NULL);

  g_assert_cmpint (chart->exit_status, ==, 1);
  g_assert_nonnull (strstr (chart->err, missing));
  g_assert_cmpint (report->exit_status, ==, 1);
  g_assert_nonnull (strstr (report->err, "board.pdf"));
  g_assert_cmpint (folder->exit_status, ==, 1);
  g_assert_nonnull (strstr (folder->err, dir));
  g_rmdir (dir);
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
  g_test_add_func ("/cli/sweep/frontier", test_sweep_frontier);
  g_test_add_func ("/cli/sweep/human", test_sweep_human);
  g_test_add_func ("/cli/tornado/budget-bar", test_tornado_budget_bar);
  g_test_add_func ("/cli/tornado/multipliers", test_tornado_multipliers);
  g_test_add_func ("/cli/montecarlo/reproducible", test_montecarlo_reproducible);
  g_test_add_func ("/cli/montecarlo/summary", test_montecarlo_summary);
  g_test_add_func ("/cli/thresholds/flip", test_thresholds_flip);
  g_test_add_func ("/cli/chart/png", test_chart_png);
  g_test_add_func ("/cli/chart/svg", test_chart_svg);
  g_test_add_func ("/cli/chart/pdf", test_chart_pdf);
  g_test_add_func ("/cli/report/pages", test_report_pages);
  g_test_add_func ("/cli/report/no-plan", test_report_no_plan);
  g_test_add_func ("/cli/analysis/bad-arguments", test_analysis_bad_arguments);
  g_test_add_func ("/cli/analysis/unwritable-out", test_analysis_unwritable_out);

  return g_test_run ();
}
