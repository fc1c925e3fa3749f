/* bench-solver.c: Landfall's solver against glpsol and CBC on the same files
 *
 * For each size, one random scenario (max_value, budget, risk and headcount
 * caps about binding, no locks) is solved by lf_solver_solve in process and
 * by glpsol and CBC as processes on the solver's own LP export, so all three
 * see the identical programme. Process times are shown whole and less a
 * measured start-up baseline; the ratios use the latter.
 *
 *   bench-solver [--sizes 10,50,200,1000,5000] [--seed N] [--time-limit S]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lf-solver.h"
#include "lf-test-model.h"

typedef struct
{
  double   ms;        /* whole process, or the in-process solve */
  double   objective;
  gboolean ok;        /* ran and proved optimality */
  char    *note;
  char    *binding;   /* landfall only: the caps its plan reaches */
} Timing;

static void
timing_clear (Timing *timing)
{
  g_clear_pointer (&timing->note, g_free);
  g_clear_pointer (&timing->binding, g_free);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Runs of each measurement: the median of several where a run is cheap. */
static guint
runs_for (guint n_markets)
{
  return n_markets <= 200 ? 7 : n_markets <= 1000 ? 3 : 1;
}

/* max_value on a quarter of the full-reach cost, risk and staff caps that
 * cut into the plan too, every market free. */
static LfProblem *
bench_problem (GRand *rand,
               guint  n_markets)
{
  LfProblem *problem = lf_test_random_problem (rand, n_markets, FALSE);
  LfTestReach reach;

  for (guint i = 0; i < n_markets; i++)
    problem->markets[i].v.lock = LF_LOCK_AUTO;
  lf_test_full_reach (problem, &reach);
  problem->objective = LF_OBJECTIVE_MAX_VALUE;
  problem->target_value = NAN;
  problem->budget = round (0.25 * reach.cost);
  problem->risk_cap = 0.35 * reach.risk;
  problem->headcount_cap = round (0.4 * reach.headcount);
  problem->max_markets = NAN;

  return problem;
}

/* Which of budget, risk and headcount the plan uses up, as "BRH". */
static char *
binding_rows (const LfProblem *problem,
              const LfPlan    *plan)
{
  GString *rows = g_string_new (NULL);

  if (plan->cost >= problem->budget * (1 - 1e-6))
    g_string_append_c (rows, 'B');
  if (plan->risk >= problem->risk_cap * (1 - 1e-6))
    g_string_append_c (rows, 'R');
  if (plan->headcount >= problem->headcount_cap * (1 - 1e-6))
    g_string_append_c (rows, 'H');
  if (rows->len == 0)
    g_string_append_c (rows, '-');

  return g_string_free (rows, FALSE);
}

static void
time_landfall (const LfProblem *problem,
               double           time_limit_s,
               Timing          *out)
{
  LfSolveOptions options = LF_SOLVE_OPTIONS_INIT;
  guint runs = runs_for (problem->n_markets);
  g_autofree double *ms = g_new (double, runs);

  options.time_limit_s = time_limit_s;
  out->ok = TRUE;
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LfPlan) plan = NULL;
      gint64 start = g_get_monotonic_time ();

      plan = lf_solver_solve (problem, &options, NULL, &error);
      ms[r] = ms_since (start);
      if (plan == NULL || plan->status != LF_PLAN_OPTIMAL)
        {
          out->ok = FALSE;
          g_clear_pointer (&out->note, g_free);
          out->note = g_strdup (plan == NULL ? error->message : lf_plan_status_to_string (plan->status));
        }
      if (plan != NULL && plan->has_solution)
        {
          out->objective = plan->value;
          g_free (out->binding);
          out->binding = binding_rows (problem, plan);
        }
    }
  out->ms = median (ms, runs);
}

typedef gboolean (*ExternalSolve) (const char     *lp_path,
                                   double          time_limit_s,
                                   LfTestSolution *out,
                                   GError        **error);

static gboolean
glpsol_solve (const char     *lp_path,
              double          time_limit_s,
              LfTestSolution *out,
              GError        **error)
{
  return lf_test_glpsol_file (lp_path, time_limit_s, TRUE, out, error);
}

static void
time_external (ExternalSolve  solve,
               const char    *lp_path,
               guint          runs,
               double         time_limit_s,
               Timing        *out)
{
  g_autofree double *ms = g_new (double, runs);

  out->ok = TRUE;
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      LfTestSolution solution = { 0 };
      gint64 start = g_get_monotonic_time ();
      gboolean ran = solve (lp_path, time_limit_s, &solution, &error);

      ms[r] = ms_since (start);
      if (!ran || solution.status != LF_TEST_OPTIMAL)
        {
          out->ok = FALSE;
          g_clear_pointer (&out->note, g_free);
          out->note = g_strdup (!ran ? error->message
                                : solution.status == LF_TEST_STOPPED ? "time limit" : "infeasible");
        }
      out->objective = solution.objective;
      lf_test_solution_clear (&solution);
    }
  out->ms = median (ms, runs);
}

/* What starting the process costs: `glpsol --version`, `cbc -quit`. */
static double
startup_ms (const char *program,
            const char *argument)
{
  const char *argv[] = { program, argument, NULL };
  double ms[7];

  /* Spawned as lf-test-model.c spawns the solvers, output captured too. */
  for (guint r = 0; r < G_N_ELEMENTS (ms); r++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      gint64 start = g_get_monotonic_time ();

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_LEAVE_DESCRIPTORS_OPEN,
                    NULL, NULL, &out, &err, NULL, NULL);
      ms[r] = ms_since (start);
    }

  return median (ms, G_N_ELEMENTS (ms));
}

static gboolean
agree (double a,
       double b)
{
  return fabs (a - b) <= 1e-6 * MAX (1.0, fabs (b));
}

static const char *
verdict (const Timing *landfall,
         const Timing *glpsol,
         const Timing *cbc)
{
  if (!landfall->ok || !glpsol->ok || !cbc->ok)
    return "incomplete";
  if (!agree (landfall->objective, glpsol->objective) || !agree (landfall->objective, cbc->objective))
    return "DISAGREE";

  return "agree";
}

static void
print_header (double glpsol_start,
              double cbc_start)
{
  g_autofree char *load = NULL;

  /* Two cores shared with a build double every number: say so. */
  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    {
      g_auto(GStrv) fields = g_strsplit (load, " ", 4);

      if (g_strv_length (fields) >= 3)
        g_print ("load average: %s %s %s\n", fields[0], fields[1], fields[2]);
    }
  g_print ("process start-up: glpsol --version %.1f ms, cbc -quit %.1f ms "
           "(subtracted in 'net'; ratios use net)\n\n", glpsol_start, cbc_start);
  g_print ("%7s %12s %18s %18s %9s %9s %14s %5s  %s\n", "markets", "landfall ms",
           "glpsol ms (net)", "cbc ms (net)", "lf/glpsol", "lf/cbc", "optimum F*", "binds", "optima");
}

/* A net time under a millisecond is start-up noise: no ratio. */
static char *
ratio (double ms,
       double net_ms)
{
  if (net_ms < 1.0)
    return g_strdup ("-");

  return g_strdup_printf ("%.3g", ms / net_ms);
}

static void
print_row (guint         n_markets,
           const Timing *landfall,
           const Timing *glpsol,
           const Timing *cbc,
           double        glpsol_start,
           double        cbc_start)
{
  double glpsol_net = glpsol->ms - glpsol_start;
  double cbc_net = cbc->ms - cbc_start;
  g_autofree char *g = g_strdup_printf ("%.1f (%.1f)", glpsol->ms, glpsol_net);
  g_autofree char *c = g_strdup_printf ("%.1f (%.1f)", cbc->ms, cbc_net);
  g_autofree char *rg = ratio (landfall->ms, glpsol_net);
  g_autofree char *rc = ratio (landfall->ms, cbc_net);

  g_print ("%7u %12.2f %18s %18s %9s %9s %14.8g %5s  %s\n", n_markets, landfall->ms, g, c,
           rg, rc, landfall->objective, landfall->binding ? landfall->binding : "?",
           verdict (landfall, glpsol, cbc));
  if (!agree (landfall->objective, glpsol->objective) || !agree (landfall->objective, cbc->objective))
    g_print ("        optima: landfall %.10g, glpsol %.10g, cbc %.10g\n",
             landfall->objective, glpsol->objective, cbc->objective);
  if (landfall->note || glpsol->note || cbc->note)
    g_print ("        notes: landfall %s, glpsol %s, cbc %s\n", landfall->note ? landfall->note : "-",
             glpsol->note ? glpsol->note : "-", cbc->note ? cbc->note : "-");
}

/* One size: the same scenario to all three solvers. Each size has its own
 * seed, so --sizes 1000 alone gives the 1000 of the full table. */
static gboolean
bench_size (guint32 seed,
            guint   n_markets,
            double  time_limit_s,
            double  glpsol_start,
            double  cbc_start)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + n_markets);
  g_autoptr(LfProblem) problem = bench_problem (rand, n_markets);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("landfall-bench-XXXXXX", &error);
  g_autofree char *lp_path = NULL;
  Timing landfall = { 0 }, glpsol = { 0 }, cbc = { 0 };
  guint runs = runs_for (n_markets);
  gboolean agreed;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  lp_path = g_build_filename (dir, "model.lp", NULL);
  if (!lf_solver_write_lp (problem, lp_path, &error))
    {
      g_printerr ("lf_solver_write_lp: %s\n", error->message);
      return FALSE;
    }

  time_landfall (problem, time_limit_s, &landfall);
  time_external (glpsol_solve, lp_path, MIN (runs, 3), time_limit_s, &glpsol);
  time_external (lf_test_cbc_file, lp_path, MIN (runs, 3), time_limit_s, &cbc);
  print_row (n_markets, &landfall, &glpsol, &cbc, glpsol_start, cbc_start);
  agreed = g_str_equal (verdict (&landfall, &glpsol, &cbc), "agree");

  timing_clear (&landfall);
  timing_clear (&glpsol);
  timing_clear (&cbc);
  g_unlink (lp_path);
  g_rmdir (dir);

  return agreed;
}

static gboolean
parse_sizes (const char  *text,
             GArray      *sizes,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint k = 0; parts[k] != NULL; k++)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[k]), 10, 1, LF_MAX_MARKETS, &n, error))
        return FALSE;
      g_array_append_val (sizes, n);
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes_text = NULL;
  gint64 seed = 20261129;
  double time_limit_s = 0;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Market counts, comma separated", "N,N,..." },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random scenarios", "N" },
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &time_limit_s, "Time limit per solve, seconds (0: none)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the solver against glpsol and CBC");
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GError) error = NULL;
  double glpsol_start, cbc_start;
  gboolean all_agree = TRUE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || !parse_sizes (sizes_text ? sizes_text : "10,50,200,1000,5000", sizes, &error))
    {
      g_printerr ("bench-solver: %s\n", error->message);
      return 2;
    }

  glpsol_start = startup_ms ("glpsol", "--version");
  cbc_start = startup_ms ("cbc", "-quit");
  print_header (glpsol_start, cbc_start);
  for (guint k = 0; k < sizes->len; k++)
    all_agree &= bench_size ((guint32) seed, (guint) g_array_index (sizes, guint64, k), time_limit_s,
                             glpsol_start, cbc_start);

  return all_agree ? 0 : 1;
}
