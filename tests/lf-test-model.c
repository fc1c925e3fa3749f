/* lf-test-model.c: random scenarios, and the programme of model.md written
 * out again by hand for glpsol and CBC to solve
 *
 * Deliberately written from spec/model.md alone, without looking at the
 * solver's model code: two transcriptions that agree are evidence, one
 * transcription checked against itself is not.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lf-test-model.h"

G_DEFINE_QUARK (lf-test-model-error-quark, lf_test_model_error)

/* Lines of an LP file stay well under the 255 characters CPLEX LP allows. */
#define LP_LINE_WRAP 72

/* ---- random scenarios ---------------------------------------------------- */

/* Log-uniform money in [lo, hi], zero with probability p_zero, in whole
 * units as model.md counts money. */
static double
random_money (GRand  *rand,
              double  lo,
              double  hi,
              double  p_zero)
{
  if (g_rand_double (rand) < p_zero)
    return 0;

  return round (exp (g_rand_double_range (rand, log (lo), log (hi))));
}

static double
random_or_zero (GRand  *rand,
                double  lo,
                double  hi,
                double  p_zero)
{
  if (g_rand_double (rand) < p_zero)
    return 0;

  return g_rand_double_range (rand, lo, hi);
}

static void
random_reach (GRand  *rand,
              double *v)
{
  double u;

  v[LF_PARAM_P_MAX] = g_rand_double (rand) < 0.1 ? 1.0 : g_rand_double_range (rand, 0.05, 1.0);

  u = g_rand_double (rand);
  if (u < 0.4)
    v[LF_PARAM_P_MIN] = 0;
  else if (u < 0.45)
    v[LF_PARAM_P_MIN] = v[LF_PARAM_P_MAX];
  else
    v[LF_PARAM_P_MIN] = g_rand_double_range (rand, 0, 0.5) * v[LF_PARAM_P_MAX];

  u = g_rand_double (rand);
  if (u < 0.1)
    v[LF_PARAM_Q_MAX] = 0;
  else if (u < 0.2)
    v[LF_PARAM_Q_MAX] = 1;
  else
    v[LF_PARAM_Q_MAX] = g_rand_double (rand);
}

static void
random_market (GRand           *rand,
               LfProblemMarket *market)
{
  double *v = market->v.value;
  double u;

  v[LF_PARAM_ALPHA] = random_or_zero (rand, 0.1, 5, 0.1);
  v[LF_PARAM_BETA] = random_or_zero (rand, 0.1, 3, 0.3);
  random_reach (rand, v);
  v[LF_PARAM_PROMOTE] = random_money (rand, 1e5, 1e7, 0.05);
  v[LF_PARAM_GAMMA] = random_money (rand, 1e4, 2e6, 0.3);
  v[LF_PARAM_LOCALISE] = random_money (rand, 1e4, 1e6, 0.3);
  v[LF_PARAM_CULTURE] = random_money (rand, 1e4, 3e6, 0.3);
  v[LF_PARAM_LEGAL_FIXED] = random_money (rand, 1e4, 1e6, 0.2);
  v[LF_PARAM_LEGAL_P] = random_money (rand, 1e4, 2e6, 0.3);
  v[LF_PARAM_LEGAL_Q] = random_money (rand, 1e4, 2e5, 0.3);
  v[LF_PARAM_RISK] = random_or_zero (rand, 0.05, 3, 0.2);
  v[LF_PARAM_HEADCOUNT] = random_or_zero (rand, 5, 200, 0.2);
  v[LF_PARAM_HEADCOUNT_FIXED] = g_rand_double (rand) < 0.3 ? 0 : g_rand_int_range (rand, 1, 11);

  u = g_rand_double (rand);
  market->v.lock = u < 0.08 ? LF_LOCK_ENTER : u < 0.16 ? LF_LOCK_EXCLUDE : LF_LOCK_AUTO;
}

/* A share of the full-reach total: mostly binding, sometimes slack (over
 * 1), sometimes so tight that locks or floors cannot be met. */
static double
random_share (GRand *rand)
{
  double u = g_rand_double (rand);

  if (u < 0.1)
    return g_rand_double_range (rand, 1.0, 2.0);
  if (u < 0.2)
    return exp (g_rand_double_range (rand, log (1e-3), log (5e-2)));

  return exp (g_rand_double_range (rand, log (2e-2), log (0.95)));
}

static void
random_caps (GRand             *rand,
             LfProblem         *problem,
             const LfTestReach *reach)
{
  if (g_rand_double (rand) < 0.7)
    problem->risk_cap = reach->risk * g_rand_double_range (rand, 0.05, 1.1);
  if (g_rand_double (rand) < 0.7)
    problem->headcount_cap = round (reach->headcount * g_rand_double_range (rand, 0.05, 1.1));
  if (g_rand_double (rand) < 0.5)
    problem->max_markets = g_rand_int_range (rand, 0, problem->n_markets + 1);
}

/**
 * lf_test_random_problem:
 *
 * A plausible scenario (the magnitudes of tests/data/examples) drawn from
 * @rand. Objectives, budgets, targets and caps are spread so that some
 * draws are slack, most are binding and a few are infeasible.
 */
LfProblem *
lf_test_random_problem (GRand    *rand,
                        guint     n_markets,
                        gboolean  with_caps)
{
  LfProblem *problem = lf_problem_new (n_markets);
  LfTestReach reach;

  for (guint i = 0; i < n_markets; i++)
    random_market (rand, &problem->markets[i]);
  lf_test_full_reach (problem, &reach);

  if (g_rand_double (rand) < 0.3)
    {
      problem->objective = LF_OBJECTIVE_MIN_COST;
      /* Over 1 of the full-reach value cannot be met at all. */
      problem->target_value = reach.value * g_rand_double_range (rand, 0.02, 1.2);
    }
  else
    {
      problem->objective = LF_OBJECTIVE_MAX_VALUE;
      problem->budget = round (reach.cost * random_share (rand));
    }

  if (with_caps)
    random_caps (rand, problem, &reach);

  return problem;
}

void
lf_test_full_reach (const LfProblem *problem,
                    LfTestReach     *out)
{
  memset (out, 0, sizeof *out);

  for (guint i = 0; i < problem->n_markets; i++)
    {
      const double *v = problem->markets[i].v.value;
      double P = v[LF_PARAM_P_MAX];
      double Q = v[LF_PARAM_Q_MAX];

      if (problem->markets[i].v.lock == LF_LOCK_EXCLUDE)
        continue;

      out->value += v[LF_PARAM_ALPHA] * P + v[LF_PARAM_BETA] * Q;
      out->cost += v[LF_PARAM_PROMOTE] * P + v[LF_PARAM_GAMMA] + v[LF_PARAM_LOCALISE] * Q
                   + v[LF_PARAM_CULTURE] * P + v[LF_PARAM_LEGAL_FIXED]
                   + v[LF_PARAM_LEGAL_P] * P + v[LF_PARAM_LEGAL_Q] * Q;
      out->risk += v[LF_PARAM_RISK] * P;
      out->headcount += v[LF_PARAM_HEADCOUNT] * P + v[LF_PARAM_HEADCOUNT_FIXED];
      out->markets++;
    }
}

/* ---- the CPLEX LP transcription of model.md ------------------------------ */

/* Columns are created in this order (every variable appears in the
 * objective, with a coefficient of 0 where it has none), so that glpsol's
 * solution file can be read back by position. */
guint
lf_test_lp_column (guint market,
                   char  variable)
{
  switch (variable)
    {
    case 'y':
      return 3 * market;
    case 'p':
      return 3 * market + 1;
    case 'q':
      return 3 * market + 2;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  GString *out;
  gsize    line_start;
  gboolean empty;
} LpRow;

static void
lp_number (GString *out,
           double   x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", x));
}

static void
lp_row_begin (LpRow      *row,
              GString    *out,
              const char *name)
{
  row->out = out;
  row->line_start = out->len;
  row->empty = TRUE;
  g_string_append_printf (out, " %s:", name);
}

/* One term "+ c x_i"; zero coefficients are left out unless @keep. */
static void
lp_term (LpRow    *row,
         double    coef,
         char      variable,
         guint     market,
         gboolean  keep)
{
  if (coef == 0 && !keep)
    return;

  if (row->out->len - row->line_start > LP_LINE_WRAP)
    {
      g_string_append (row->out, "\n   ");
      row->line_start = row->out->len - 3;
    }
  g_string_append (row->out, coef < 0 ? " - " : (row->empty ? " " : " + "));
  lp_number (row->out, fabs (coef));
  g_string_append_printf (row->out, " %c_%u", variable, market + 1);
  row->empty = FALSE;
}

/* Ends a row with "sense rhs" on the right, as the format wants constants.
 * A row whose every coefficient is 0 still needs one term to parse. */
static void
lp_row_end (LpRow      *row,
            const char *sense,
            double      rhs)
{
  if (row->empty)
    lp_term (row, 0, 'y', 0, TRUE);
  g_string_append_printf (row->out, " %s ", sense);
  lp_number (row->out, rhs);
  g_string_append_c (row->out, '\n');
}

/* model.md, "Cost, the four parts", gathered per variable:
 * C_i = (c^pr + γ/P + c^cu + l^p) p_i + (c^lo + l^q) q_i + f y_i. */
static double
cost_of_p (const double *v)
{
  return v[LF_PARAM_PROMOTE] + v[LF_PARAM_GAMMA] / v[LF_PARAM_P_MAX]
         + v[LF_PARAM_CULTURE] + v[LF_PARAM_LEGAL_P];
}

static double
cost_of_q (const double *v)
{
  return v[LF_PARAM_LOCALISE] + v[LF_PARAM_LEGAL_Q];
}

static void
lp_cost_terms (LpRow           *row,
               const LfProblem *problem,
               gboolean         keep)
{
  for (guint i = 0; i < problem->n_markets; i++)
    {
      const double *v = problem->markets[i].v.value;

      lp_term (row, v[LF_PARAM_LEGAL_FIXED], 'y', i, keep);
      lp_term (row, cost_of_p (v), 'p', i, keep);
      lp_term (row, cost_of_q (v), 'q', i, keep);
    }
}

static void
lp_value_terms (LpRow           *row,
                const LfProblem *problem,
                gboolean         keep)
{
  for (guint i = 0; i < problem->n_markets; i++)
    {
      const double *v = problem->markets[i].v.value;

      lp_term (row, 0, 'y', i, keep);
      lp_term (row, v[LF_PARAM_ALPHA], 'p', i, keep);
      lp_term (row, v[LF_PARAM_BETA], 'q', i, keep);
    }
}

static void
lp_objective (GString         *out,
              const LfProblem *problem)
{
  LpRow row;

  if (problem->objective == LF_OBJECTIVE_MIN_COST)
    {
      g_string_append (out, "Minimize\n");
      lp_row_begin (&row, out, "cost");
      lp_cost_terms (&row, problem, TRUE);
    }
  else
    {
      g_string_append (out, "Maximize\n");
      lp_row_begin (&row, out, "value");
      lp_value_terms (&row, problem, TRUE);
    }
  g_string_append_c (out, '\n');
}

/* m_i y_i <= p_i <= P_i y_i and 0 <= q_i <= Q_i y_i, as three rows. */
static void
lp_market_rows (GString         *out,
                const LfProblem *problem,
                guint            i)
{
  const double *v = problem->markets[i].v.value;
  g_autofree char *name = NULL;
  LpRow row;

  name = g_strdup_printf ("pmin_%u", i + 1);
  lp_row_begin (&row, out, name);
  lp_term (&row, 1, 'p', i, FALSE);
  lp_term (&row, -v[LF_PARAM_P_MIN], 'y', i, FALSE);
  lp_row_end (&row, ">=", 0);

  g_free (name);
  name = g_strdup_printf ("pmax_%u", i + 1);
  lp_row_begin (&row, out, name);
  lp_term (&row, 1, 'p', i, FALSE);
  lp_term (&row, -v[LF_PARAM_P_MAX], 'y', i, FALSE);
  lp_row_end (&row, "<=", 0);

  g_free (name);
  name = g_strdup_printf ("qmax_%u", i + 1);
  lp_row_begin (&row, out, name);
  lp_term (&row, 1, 'q', i, FALSE);
  lp_term (&row, -v[LF_PARAM_Q_MAX], 'y', i, FALSE);
  lp_row_end (&row, "<=", 0);
}

static void
lp_lock_rows (GString         *out,
              const LfProblem *problem)
{
  for (guint i = 0; i < problem->n_markets; i++)
    {
      LfLock lock = problem->markets[i].v.lock;

      if (lock == LF_LOCK_AUTO)
        continue;
      g_string_append_printf (out, " lock_%u: y_%u = %d\n", i + 1, i + 1,
                              lock == LF_LOCK_ENTER ? 1 : 0);
    }
}

static void
lp_cap_rows (GString         *out,
             const LfProblem *problem)
{
  LpRow row;

  if (!isnan (problem->risk_cap))
    {
      lp_row_begin (&row, out, "risk");
      for (guint i = 0; i < problem->n_markets; i++)
        lp_term (&row, problem->markets[i].v.value[LF_PARAM_RISK], 'p', i, FALSE);
      lp_row_end (&row, "<=", problem->risk_cap);
    }
  if (!isnan (problem->headcount_cap))
    {
      lp_row_begin (&row, out, "headcount");
      for (guint i = 0; i < problem->n_markets; i++)
        {
          lp_term (&row, problem->markets[i].v.value[LF_PARAM_HEADCOUNT_FIXED], 'y', i, FALSE);
          lp_term (&row, problem->markets[i].v.value[LF_PARAM_HEADCOUNT], 'p', i, FALSE);
        }
      lp_row_end (&row, "<=", problem->headcount_cap);
    }
  if (!isnan (problem->max_markets))
    {
      lp_row_begin (&row, out, "markets");
      for (guint i = 0; i < problem->n_markets; i++)
        lp_term (&row, 1, 'y', i, FALSE);
      lp_row_end (&row, "<=", problem->max_markets);
    }
}

/* max_value bounds the cost by B; min_cost bounds the value below by T. */
static void
lp_objective_row (GString         *out,
                  const LfProblem *problem)
{
  LpRow row;

  if (problem->objective == LF_OBJECTIVE_MIN_COST)
    {
      if (isnan (problem->target_value))
        return;
      lp_row_begin (&row, out, "target");
      lp_value_terms (&row, problem, FALSE);
      lp_row_end (&row, ">=", problem->target_value);
    }
  else
    {
      if (isnan (problem->budget))
        return;
      lp_row_begin (&row, out, "budget");
      lp_cost_terms (&row, problem, FALSE);
      lp_row_end (&row, "<=", problem->budget);
    }
}

static void
lp_bounds_and_binaries (GString         *out,
                        const LfProblem *problem)
{
  gsize line_start;

  g_string_append (out, "Bounds\n");
  for (guint i = 0; i < problem->n_markets; i++)
    g_string_append_printf (out, " 0 <= p_%u <= 1\n 0 <= q_%u <= 1\n", i + 1, i + 1);

  g_string_append (out, "Binary\n");
  line_start = out->len;
  for (guint i = 0; i < problem->n_markets; i++)
    {
      if (out->len - line_start > LP_LINE_WRAP)
        {
          g_string_append_c (out, '\n');
          line_start = out->len;
        }
      g_string_append_printf (out, " y_%u", i + 1);
    }
  g_string_append (out, "\nEnd\n");
}

/**
 * lf_test_write_cplex_lp:
 *
 * The programme of model.md for @problem in CPLEX LP format, as glpsol
 * (--lp) and CBC read it: binaries y_i, shares p_i and q_i (1-based names),
 * every row the page lists, locks as rows y_i = 1 or y_i = 0.
 */
char *
lf_test_write_cplex_lp (const LfProblem *problem)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (problem->n_markets > 0, NULL);

  g_string_append_printf (out, "\\* model.md, %u markets, written by lf-test-model.c *\\\n",
                          problem->n_markets);
  lp_objective (out, problem);
  g_string_append (out, "Subject To\n");
  lp_objective_row (out, problem);
  for (guint i = 0; i < problem->n_markets; i++)
    lp_market_rows (out, problem, i);
  lp_cap_rows (out, problem);
  lp_lock_rows (out, problem);
  lp_bounds_and_binaries (out, problem);

  return g_string_free (out, FALSE);
}

/* ---- running glpsol and CBC ---------------------------------------------- */

void
lf_test_solution_clear (LfTestSolution *solution)
{
  g_clear_pointer (&solution->values, g_array_unref);
}

static gboolean
parse_double (const char *str,
              double     *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (str, &end);

  return end != str;
}

/* Runs an external solver. Every path in @argv is absolute, so no working
 * directory is needed; without one, and leaving descriptors alone (GLib's
 * own are close-on-exec), GLib can use posix_spawn instead of fork, which
 * under AddressSanitizer costs tens of milliseconds a call. glpsol exits 0
 * on an infeasible model too; a non-zero exit is a failure. */
static gboolean
run_solver (char   **argv,
            char   **out_log,
            GError **error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_LEAVE_DESCRIPTORS_OPEN, NULL, NULL,
                     &out, &err, &wait_status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (wait_status, NULL))
    {
      g_set_error (error, LF_TEST_MODEL_ERROR, LF_TEST_MODEL_ERROR_FAILED,
                   "%s failed: %s%s", argv[0], out, err);
      return FALSE;
    }
  if (out_log != NULL)
    *out_log = g_steal_pointer (&out);

  return TRUE;
}

/* glpsol's plain solution file (-w): "s mip ROWS COLS STATUS OBJ", then
 * "j COL VALUE" lines in column order. */
static gboolean
parse_glpsol_solution (const char      *text,
                       LfTestSolution  *out,
                       GError         **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean seen_status = FALSE;

  out->values = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint k = 0; lines[k] != NULL; k++)
    {
      unsigned rows, cols, col;
      char status;
      char number[64];
      double x;

      if (sscanf (lines[k], "s mip %u %u %c %63s", &rows, &cols, &status, number) == 4)
        {
          seen_status = parse_double (number, &out->objective);
          out->status = status == 'o' ? LF_TEST_OPTIMAL
                        : status == 'n' ? LF_TEST_INFEASIBLE : LF_TEST_STOPPED;
        }
      else if (sscanf (lines[k], "j %u %63s", &col, number) == 2 && col >= 1
               && parse_double (number, &x))
        {
          if (out->values->len < col)
            g_array_set_size (out->values, col);
          g_array_index (out->values, double, col - 1) = x;
        }
    }
  if (!seen_status)
    g_set_error (error, LF_TEST_MODEL_ERROR, LF_TEST_MODEL_ERROR_PARSE,
                 "no MIP status line in glpsol's solution file");

  return seen_status;
}

static char *
make_temp_dir (GError **error)
{
  return g_dir_make_tmp ("landfall-check-XXXXXX", error);
}

static void
remove_temp_dir (const char *dir,
                 const char *const *names)
{
  for (guint k = 0; names[k] != NULL; k++)
    {
      g_autofree char *path = g_build_filename (dir, names[k], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static char **
glpsol_argv (const char *lp_path,
             const char *solution_path,
             double      time_limit_s,
             gboolean    mip_presolve)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, g_strdup ("glpsol"));
  g_ptr_array_add (argv, g_strdup ("--lp"));
  g_ptr_array_add (argv, g_canonicalize_filename (lp_path, NULL));
  g_ptr_array_add (argv, g_strdup ("--mipgap"));
  g_ptr_array_add (argv, g_strdup ("0"));
  if (!mip_presolve)
    {
      g_ptr_array_add (argv, g_strdup ("--nointopt"));
      g_ptr_array_add (argv, g_strdup ("--nopresol"));
    }
  if (time_limit_s > 0)
    {
      g_ptr_array_add (argv, g_strdup ("--tmlim"));
      g_ptr_array_add (argv, g_strdup_printf ("%d", (int) ceil (time_limit_s)));
    }
  g_ptr_array_add (argv, g_strdup ("-w"));
  g_ptr_array_add (argv, g_strdup (solution_path));
  g_ptr_array_add (argv, NULL);

  return (char **) g_ptr_array_free (argv, FALSE);
}

/**
 * lf_test_glpsol_file:
 * @time_limit_s: <= 0 for none
 * @mip_presolve: glpsol's default; FALSE passes --nointopt --nopresol
 *
 * Solves the LP file at @lp_path with glpsol, relative MIP gap 0.
 *
 * GLPK 5.0's MIP presolver has been seen to return a plan that breaks a row
 * (an implied bound within 1e-3 of a column bound is dropped: p_min 0.00088
 * ignored) and an "optimal" objective 0.5 % short of the true one, so a
 * reference answer is asked for without it.
 */
gboolean
lf_test_glpsol_file (const char      *lp_path,
                     double           time_limit_s,
                     gboolean         mip_presolve,
                     LfTestSolution  *out,
                     GError         **error)
{
  static const char *const names[] = { "solution.txt", NULL };
  g_autofree char *dir = NULL;
  g_autofree char *solution_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *log = NULL;
  g_auto(GStrv) argv = NULL;
  gboolean ok;

  memset (out, 0, sizeof *out);
  dir = make_temp_dir (error);
  if (dir == NULL)
    return FALSE;
  solution_path = g_build_filename (dir, "solution.txt", NULL);
  argv = glpsol_argv (lp_path, solution_path, time_limit_s, mip_presolve);

  ok = run_solver (argv, &log, error)
       && g_file_get_contents (solution_path, &text, NULL, error)
       && parse_glpsol_solution (text, out, error);
  remove_temp_dir (dir, names);
  if (!ok)
    lf_test_solution_clear (out);
  /* Without the MIP presolver an infeasible LP relaxation stops glpsol
   * before the MIP: the solution file says "undefined", the log why. */
  else if (out->status == LF_TEST_STOPPED && strstr (log, "HAS NO PRIMAL FEASIBLE SOLUTION") != NULL)
    out->status = LF_TEST_INFEASIBLE;

  return ok;
}

/**
 * lf_test_glpsol_text:
 *
 * Solves the CPLEX LP text @lp_text with glpsol; @out gets the status, the
 * objective and the column values.
 */
gboolean
lf_test_glpsol_text (const char      *lp_text,
                     gboolean         mip_presolve,
                     LfTestSolution  *out,
                     GError         **error)
{
  static const char *const names[] = { "model.lp", NULL };
  g_autofree char *dir = NULL;
  g_autofree char *lp_path = NULL;
  gboolean ok;

  memset (out, 0, sizeof *out);
  dir = make_temp_dir (error);
  if (dir == NULL)
    return FALSE;
  lp_path = g_build_filename (dir, "model.lp", NULL);
  ok = g_file_set_contents (lp_path, lp_text, -1, error)
       && lf_test_glpsol_file (lp_path, 0, mip_presolve, out, error);
  remove_temp_dir (dir, names);

  return ok;
}

/**
 * lf_test_glpsol:
 *
 * Solves the CPLEX LP text @lp_text with glpsol, gap 0, without the MIP
 * presolver (see lf_test_glpsol_file() for why). Returns
 * FALSE with @error when glpsol cannot run or stops without proving
 * optimality or infeasibility.
 */
gboolean
lf_test_glpsol (const char  *lp_text,
                double      *out_objective,
                gboolean    *out_feasible,
                GError     **error)
{
  LfTestSolution solution = { 0 };
  gboolean ok;

  ok = lf_test_glpsol_text (lp_text, FALSE, &solution, error);
  if (ok && solution.status == LF_TEST_STOPPED)
    {
      g_set_error (error, LF_TEST_MODEL_ERROR, LF_TEST_MODEL_ERROR_FAILED,
                   "glpsol stopped without an optimal or infeasible answer");
      ok = FALSE;
    }
  if (ok)
    {
      *out_feasible = solution.status == LF_TEST_OPTIMAL;
      *out_objective = solution.objective;
    }
  lf_test_solution_clear (&solution);

  return ok;
}

/* CBC's solution file (-solu) starts "Optimal - objective value X",
 * "Infeasible - objective value X", "Stopped on time - ..." etc. */
static gboolean
parse_cbc_solution (const char      *text,
                    LfTestSolution  *out,
                    GError         **error)
{
  const char *mark = strstr (text, "objective value");
  const char *eol = strchr (text, '\n');

  if (mark == NULL || (eol != NULL && mark > eol) || !parse_double (mark + strlen ("objective value"), &out->objective))
    {
      g_set_error (error, LF_TEST_MODEL_ERROR, LF_TEST_MODEL_ERROR_PARSE,
                   "no objective in CBC's solution file");
      return FALSE;
    }
  if (g_str_has_prefix (text, "Optimal"))
    out->status = LF_TEST_OPTIMAL;
  else if (g_str_has_prefix (text, "Infeasible") || g_str_has_prefix (text, "Integer infeasible"))
    out->status = LF_TEST_INFEASIBLE;
  else
    out->status = LF_TEST_STOPPED;

  return TRUE;
}

static char **
cbc_argv (const char *lp_path,
          const char *solution_path,
          double      time_limit_s)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, g_strdup ("cbc"));
  g_ptr_array_add (argv, g_canonicalize_filename (lp_path, NULL));
  g_ptr_array_add (argv, g_strdup ("-ratioGap"));
  g_ptr_array_add (argv, g_strdup ("0"));
  g_ptr_array_add (argv, g_strdup ("-allowableGap"));
  g_ptr_array_add (argv, g_strdup ("0"));
  if (time_limit_s > 0)
    {
      g_ptr_array_add (argv, g_strdup ("-sec"));
      g_ptr_array_add (argv, g_strdup_printf ("%g", time_limit_s));
    }
  g_ptr_array_add (argv, g_strdup ("-solve"));
  g_ptr_array_add (argv, g_strdup ("-solu"));
  g_ptr_array_add (argv, g_strdup (solution_path));
  g_ptr_array_add (argv, g_strdup ("-quit"));
  g_ptr_array_add (argv, NULL);

  return (char **) g_ptr_array_free (argv, FALSE);
}

/**
 * lf_test_cbc_file:
 *
 * Solves the LP file at @lp_path with CBC (ratioGap 0, allowableGap 0).
 * CBC 2.10 keeps the sense of an LP file's Maximize section and prints the
 * objective in that sense.
 */
gboolean
lf_test_cbc_file (const char      *lp_path,
                  double           time_limit_s,
                  LfTestSolution  *out,
                  GError         **error)
{
  static const char *const names[] = { "solution.txt", NULL };
  g_autofree char *dir = NULL;
  g_autofree char *solution_path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) argv = NULL;
  gboolean ok;

  memset (out, 0, sizeof *out);
  dir = make_temp_dir (error);
  if (dir == NULL)
    return FALSE;
  solution_path = g_build_filename (dir, "solution.txt", NULL);
  argv = cbc_argv (lp_path, solution_path, time_limit_s);

  ok = run_solver (argv, NULL, error)
       && g_file_get_contents (solution_path, &text, NULL, error)
       && parse_cbc_solution (text, out, error);
  if (ok)
    out->values = g_array_new (FALSE, TRUE, sizeof (double));
  remove_temp_dir (dir, names);

  return ok;
}
