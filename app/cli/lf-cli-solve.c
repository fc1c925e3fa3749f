/* lf-cli-solve.c: solve, validate and export-model (cli.md) */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lf-cli-private.h"
#include "lf-solver.h"

/* Loading for the sub-commands that need a whole programme */

/* The scenario of FILE as the solver takes it, or NULL after a message. */
LfProblem *
_lf_cli_load_problem (const char  *file,
                      double       budget,
                      LfCliInput **out_input)
{
  g_autoptr(LfCliInput) input = _lf_cli_load (file, budget);
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(GError) error = NULL;

  if (input == NULL)
    return NULL;

  if (input->kind == LF_CLI_INPUT_CSV && !lf_scenario_has_budget (input->scenario))
    {
      _lf_cli_error (input->display_name, _("a market table holds no budget: give one with --budget B"));
      return NULL;
    }

  problem = lf_problem_new_from_scenario (input->scenario);
  if (!lf_problem_check (problem, &error))
    {
      _lf_cli_error (input->display_name, "%s", error->message);
      return NULL;
    }

  *out_input = g_steal_pointer (&input);

  return g_steal_pointer (&problem);
}

/* solve */

static int
report_solver_error (const LfCliInput *input,
                     const GError     *error)
{
  if (g_error_matches (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_INVALID))
    {
      _lf_cli_error (input->display_name, "%s", error->message);
      return LF_CLI_EXIT_BAD_INPUT;
    }

  _lf_cli_error (input->display_name, _("the solver failed: %s"), error->message);

  return LF_CLI_EXIT_FAILED;
}

static int
print_plan (const LfPlan     *plan,
            const LfProblem  *problem,
            const LfCliInput *input,
            gboolean          as_json)
{
  g_autofree char *text = as_json ? _lf_cli_plan_to_json (plan) : _lf_cli_plan_to_text (plan, problem);
  int status = _lf_cli_write_output (text, !as_json);

  if (plan->status == LF_PLAN_ERROR)
    {
      _lf_cli_error (input->display_name, _("the solver failed: %s"),
                     plan->error_message ? plan->error_message : "");
      return LF_CLI_EXIT_FAILED;
    }

  return status;
}

static int
solve_file (const char *file,
            double      budget,
            double      time_limit,
            gboolean    as_json)
{
  LfSolveOptions options = LF_SOLVE_OPTIONS_INIT;
  g_autoptr(LfCliInput) input = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  problem = _lf_cli_load_problem (file, budget, &input);
  if (problem == NULL)
    return LF_CLI_EXIT_BAD_INPUT;

  options.time_limit_s = time_limit;
  plan = lf_solver_solve (problem, &options, NULL, &error);
  if (plan == NULL)
    return report_solver_error (input, error);

  return print_plan (plan, problem, input, as_json);
}

/* A day: longer is a mistake, and GLPK counts its limit in int milliseconds. */
#define MAX_TIME_LIMIT_S 86400.0

int
_lf_cli_solve (int    argc,
               char **argv)
{
  g_autofree char *budget_text = NULL;
  g_autofree char *time_limit_text = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget_text,
      N_("Budget B: required for a market table, overrides a scenario’s"), N_("B") },
    { "time-limit", 0, 0, G_OPTION_ARG_STRING, &time_limit_text,
      N_("Stop after S seconds with the best plan found so far"), N_("S") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print one JSON document instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  double budget = NAN, time_limit = 0;
  const char *file;

  context = _lf_cli_option_context_new (_("FILE"),
                                        _("Solve one scenario (a scenario JSON, or a market table CSV "
                                          "with --budget; “-” reads standard input) and print the plan."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) ||
      !_lf_cli_take_file (argc, argv, &file) ||
      !_lf_cli_parse_number ("--budget", budget_text, 0, FALSE, &budget) ||
      !_lf_cli_parse_number ("--time-limit", time_limit_text, 0, TRUE, &time_limit))
    return LF_CLI_EXIT_BAD_INPUT;
  if (time_limit > MAX_TIME_LIMIT_S)
    {
      _lf_cli_error (g_get_prgname (), _("--time-limit: at most %.0f seconds, not %s"),
                     MAX_TIME_LIMIT_S, time_limit_text);
      return LF_CLI_EXIT_BAD_INPUT;
    }

  return solve_file (file, budget, time_limit, as_json);
}

/* validate */

/* What the reader leaves to the solver's own check (a max_value scenario
 * without a budget), said the same way. */
static gboolean
validate_problem (const LfCliInput *input)
{
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(GError) error = NULL;

  if (input->kind == LF_CLI_INPUT_CSV)
    return TRUE;

  problem = lf_problem_new_from_scenario (input->scenario);
  if (lf_problem_check (problem, &error))
    return TRUE;

  _lf_cli_error (input->display_name, "$: %s", error->message);

  return FALSE;
}

int
_lf_cli_validate (int    argc,
                  char **argv)
{
  GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LfCliInput) input = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *text = NULL;
  const char *file;
  guint n;

  context = _lf_cli_option_context_new (_("FILE"),
                                        _("Check a scenario JSON or a market table CSV and print every "
                                          "problem found, one a line: “FILE: PLACE: WHAT”."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) || !_lf_cli_take_file (argc, argv, &file))
    return LF_CLI_EXIT_BAD_INPUT;

  input = _lf_cli_load (file, NAN);
  if (input == NULL || !validate_problem (input))
    return LF_CLI_EXIT_BAD_INPUT;

  n = lf_scenario_get_n_markets (input->scenario);
  /* Translators: the verdict of validate, e.g. "plan.json: valid, 7 markets" */
  verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: valid, %u market", "%s: valid, %u markets", n),
                          input->display_name, n);
  text = g_strconcat (verdict, "\n", NULL);

  return _lf_cli_write_output (text, TRUE);
}

/* export-model */

static int
write_model (const LfProblem *problem,
             const char      *path,
             gboolean         mps)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  if (mps ? lf_solver_write_mps (problem, path, &error) : lf_solver_write_lp (problem, path, &error))
    return LF_CLI_EXIT_OK;

  display = g_filename_display_name (path);
  _lf_cli_error (display, "%s", error->message);

  return g_error_matches (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_INVALID)
         ? LF_CLI_EXIT_BAD_INPUT : LF_CLI_EXIT_FAILED;
}

static int
export_file (const char *file,
             double      budget,
             const char *lp_path,
             const char *mps_path)
{
  g_autoptr(LfCliInput) input = NULL;
  g_autoptr(LfProblem) problem = NULL;
  int status = LF_CLI_EXIT_OK;

  problem = _lf_cli_load_problem (file, budget, &input);
  if (problem == NULL)
    return LF_CLI_EXIT_BAD_INPUT;

  if (lp_path != NULL)
    status = write_model (problem, lp_path, FALSE);
  if (mps_path != NULL && status == LF_CLI_EXIT_OK)
    status = write_model (problem, mps_path, TRUE);

  return status;
}

int
_lf_cli_export_model (int    argc,
                      char **argv)
{
  g_autofree char *budget_text = NULL;
  g_autofree char *lp_path = NULL;
  g_autofree char *mps_path = NULL;
  GOptionEntry entries[] = {
    { "lp", 0, 0, G_OPTION_ARG_FILENAME, &lp_path,
      N_("Write the programme in CPLEX LP format to PATH"), N_("PATH") },
    { "mps", 0, 0, G_OPTION_ARG_FILENAME, &mps_path,
      N_("Write the programme in free MPS format to PATH"), N_("PATH") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget_text,
      N_("Budget B: required for a market table, overrides a scenario’s"), N_("B") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  double budget = NAN;
  const char *file;

  context = _lf_cli_option_context_new (_("FILE"),
                                        _("Write the programme of a scenario as GLPK writes it: "
                                          "CPLEX LP (--lp) or free MPS (--mps)."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) ||
      !_lf_cli_take_file (argc, argv, &file) ||
      !_lf_cli_parse_number ("--budget", budget_text, 0, FALSE, &budget))
    return LF_CLI_EXIT_BAD_INPUT;
  if (lp_path == NULL && mps_path == NULL)
    {
      _lf_cli_error (g_get_prgname (), _("give --lp PATH or --mps PATH"));
      return LF_CLI_EXIT_BAD_INPUT;
    }

  return export_file (file, budget, lp_path, mps_path);
}
