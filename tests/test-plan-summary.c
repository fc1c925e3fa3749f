/* test-plan-summary.c: what the window shows, decided without widgets */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "lf-display.h"
#include "lf-plan-summary.h"
#include "lf-scenario-json.h"
#include "lf-solver.h"
#include "lf-test-examples.h"

static LfScenario *
read_example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_EXAMPLES_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LfScenario *scenario = lf_scenario_json_read_file (file, NULL, &error);

  g_assert_no_error (error);

  return scenario;
}

static LfPlan *
solve (LfProblem *problem)
{
  g_autoptr(GError) error = NULL;
  LfPlan *plan = lf_solver_solve (problem, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static void
test_headline (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfPlan) plan = solve (problem);
  g_autoptr(LfPlanSummary) summary = lf_plan_summary_new (plan, problem, LF_MONEY_UNITS);
  g_autofree char *cost = lf_format_money (plan->cost, "USD", LF_MONEY_UNITS);
  guint entered = 0;

  g_assert_cmpint (summary->status, ==, LF_PLAN_OPTIMAL);
  g_assert_true (summary->has_figures);
  g_assert_cmpstr (summary->value_text, ==, "7.520");
  g_assert_cmpstr (summary->cost_text, ==, cost);
  g_assert_cmpstr (summary->cost_detail, ==, "of 6 000 000 USD budget");
  g_assert_cmpfloat_with_epsilon (summary->cost_fraction, plan->cost / 6e6, 1e-12);
  g_assert_cmpstr (summary->risk_detail, ==, "cap 0.9");
  g_assert_cmpstr (summary->staff_detail, ==, "cap 90");
  g_assert_cmpuint (summary->n_rows, ==, 7);
  for (guint r = 0; r < summary->n_rows; r++)
    {
      guint i = summary->markets[r];
      const char *state = lf_plan_summary_cell (summary, r, LF_PLAN_COL_ENTERED);

      g_assert_cmpstr (lf_plan_summary_cell (summary, r, LF_PLAN_COL_MARKET), ==, plan->market_names[i]);
      g_assert_cmpstr (state, ==, plan->markets[i].entered ? "Enter" : "Stay out");
      g_assert_cmpint (summary->entered[r], ==, plan->markets[i].entered);
      if (!plan->markets[i].entered)
        g_assert_cmpstr (lf_plan_summary_cell (summary, r, LF_PLAN_COL_COST), ==, "—");
      /* Entered first, the most valuable on top; the rest in the
       * scenario's order. */
      if (r > 0 && summary->entered[r])
        g_assert_cmpfloat (plan->markets[summary->markets[r - 1]].value, >=, plan->markets[i].value);
      if (r > 0 && !summary->entered[r - 1])
        g_assert_true (!summary->entered[r] && summary->markets[r - 1] < i);
      entered += plan->markets[i].entered;
    }
  g_assert_cmpuint (entered, ==, plan->markets_entered);
  g_assert_cmpuint (summary->options->len, ==, 0);
  g_assert_cmpstr (summary->table_title, ==, "Plan by market (costs in thousands of USD)");
}

static void
test_shadow (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfPlan) plan = solve (problem);
  g_autofree char *text = lf_plan_shadow_text (plan, problem);
  g_autofree char *gain = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (plan->has_shadow_price);
  gain = lf_format_decimal (plan->shadow_price * 1e5, 2);
  expected = g_strdup_printf ("One more 100 000 USD buys +%s value", gain);
  if (fabs (plan->shadow_price * 1e5) >= 5e-4)
    g_assert_cmpstr (text, ==, expected);
  else
    g_assert_cmpstr (text, ==, "More budget buys no more value: another limit binds");
}

static const LfDiagnosisOption *
find_option_with (const LfPlanSummary *summary,
                  LfRowKind            row)
{
  for (guint i = 0; i < summary->options->len; i++)
    {
      const LfDiagnosisOption *option = g_ptr_array_index (summary->options, i);

      for (guint k = 0; k < option->fixes->len; k++)
        {
          if (g_array_index (option->fixes, LfFix, k).row == row)
            return option;
        }
    }

  return NULL;
}

static void
test_infeasible_budget_fix (void)
{
  g_autoptr(LfScenario) scenario = read_example ("infeasible.json");
  g_autoptr(LfProblem) problem = lf_problem_new_from_scenario (scenario);
  g_autoptr(LfPlan) plan = solve (problem);
  g_autoptr(LfPlanSummary) summary = lf_plan_summary_new (plan, problem, LF_MONEY_UNITS);
  g_autoptr(LfProblem) fixed = NULL;
  g_autoptr(LfPlan) after = NULL;
  g_autoptr(GError) error = NULL;
  const LfDiagnosisOption *option;

  g_assert_cmpint (summary->status, ==, LF_PLAN_INFEASIBLE);
  g_assert_false (summary->has_figures);
  g_assert_cmpstr (summary->status_title, ==, "No plan fits these limits");
  option = find_option_with (summary, LF_ROW_BUDGET);
  g_assert_nonnull (option);
  g_assert_cmpuint (option->fixes->len, ==, 1);
  g_assert_cmpstr (option->button_label, ==, "Raise budget to 8 945 000 USD");
  g_assert_cmpuint (option->messages->len, ==, 1);

  g_assert_cmpfloat (g_array_index (option->fixes, LfFix, 0).value, ==, 8945000);
  g_assert_true (lf_scenario_set_budget (scenario, g_array_index (option->fixes, LfFix, 0).value, &error));
  g_assert_no_error (error);
  fixed = lf_problem_new_from_scenario (scenario);
  after = solve (fixed);
  g_assert_cmpint (after->status, ==, LF_PLAN_OPTIMAL);
}

static void
test_infeasible_lock_fix (void)
{
  g_autoptr(LfScenario) scenario = read_example ("infeasible.json");
  g_autoptr(LfProblem) problem = lf_problem_new_from_scenario (scenario);
  g_autoptr(LfPlan) plan = solve (problem);
  g_autoptr(LfPlanSummary) summary = lf_plan_summary_new (plan, problem, LF_MONEY_UNITS);
  g_autoptr(LfProblem) fixed = NULL;
  g_autoptr(LfPlan) after = NULL;
  const LfDiagnosisOption *option = find_option_with (summary, LF_ROW_LOCK);
  gboolean china = FALSE;

  g_assert_nonnull (option);
  for (guint k = 0; k < option->fixes->len; k++)
    {
      const LfFix *fix = &g_array_index (option->fixes, LfFix, k);

      g_assert_cmpint (fix->row, ==, LF_ROW_LOCK);
      if (g_strcmp0 (fix->market, "China") == 0)
        {
          china = TRUE;
          g_assert_cmpstr (fix->label, ==, "Unlock China");
        }
    }
  g_assert_true (china);
  /* examples/README.md: the locks on China and Japan both go. */
  g_assert_cmpuint (option->fixes->len, ==, 2);
  g_assert_cmpstr (option->button_label, ==, "Unlock China and Japan");
  for (guint k = 0; k < option->fixes->len; k++)
    {
      const LfFix *fix = &g_array_index (option->fixes, LfFix, k);

      lf_market_set_lock (lf_scenario_get_market (scenario, lf_scenario_find_market (scenario, fix->market)),
                          LF_LOCK_AUTO);
    }
  fixed = lf_problem_new_from_scenario (scenario);
  after = solve (fixed);
  g_assert_cmpint (after->status, ==, LF_PLAN_OPTIMAL);
}

static void
test_money_scale_cells (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfPlan) plan = solve (problem);
  g_autoptr(LfPlanSummary) summary = lf_plan_summary_new (plan, problem, LF_MONEY_MILLIONS);
  g_autofree char *total = lf_format_grouped (plan->cost / 1e6, 2);

  g_assert_true (g_str_has_suffix (summary->cost_text, "M USD"));
  g_assert_cmpstr (summary->table_title, ==, "Plan by market (costs in millions of USD)");
  g_assert_cmpstr (summary->totals[LF_PLAN_COL_COST], ==, total);
}

static void
assert_parse (LfEntryKind  kind,
              const char  *text,
              LfMoneyScale scale,
              double       expected)
{
  g_autoptr(GError) error = NULL;
  double value = -1;

  g_assert_true (lf_display_parse_entry (kind, text, scale, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-9 * MAX (1, fabs (expected)));
}

static void
assert_refused (LfEntryKind  kind,
                const char  *text)
{
  g_autoptr(GError) error = NULL;
  double value = 42;

  g_assert_false (lf_display_parse_entry (kind, text, LF_MONEY_UNITS, &value, &error));
  g_assert_error (error, LF_DISPLAY_ERROR, LF_DISPLAY_ERROR_PARSE);
  g_assert_cmpfloat (value, ==, 42);
}

static void
test_display (void)
{
  g_autofree char *money = lf_display_format_entry (LF_ENTRY_MONEY, 9000000, LF_MONEY_UNITS);
  g_autofree char *thousands = lf_display_format_entry (LF_ENTRY_MONEY, 9500000, LF_MONEY_THOUSANDS);
  g_autofree char *share = lf_display_format_entry (LF_ENTRY_SHARE, 0.35, LF_MONEY_UNITS);
  g_autofree char *weight = lf_display_format_entry (LF_ENTRY_NUMBER, 2.2, LF_MONEY_UNITS);
  g_autofree char *unit = lf_display_unit_label (LF_ENTRY_MONEY, "EUR", LF_MONEY_MILLIONS);

  g_assert_cmpstr (money, ==, "9 000 000");
  g_assert_cmpstr (thousands, ==, "9 500");
  g_assert_cmpstr (share, ==, "35");
  g_assert_cmpstr (weight, ==, "2.2");
  g_assert_cmpstr (unit, ==, "M EUR");

  assert_parse (LF_ENTRY_MONEY, "9 000 000", LF_MONEY_UNITS, 9e6);
  assert_parse (LF_ENTRY_MONEY, " 6.5 ", LF_MONEY_MILLIONS, 6.5e6);
  assert_parse (LF_ENTRY_MONEY, "450", LF_MONEY_THOUSANDS, 4.5e5);
  assert_parse (LF_ENTRY_SHARE, "25", LF_MONEY_UNITS, 0.25);
  assert_parse (LF_ENTRY_SHARE, "12.5%", LF_MONEY_UNITS, 0.125);
  assert_parse (LF_ENTRY_NUMBER, "−3", LF_MONEY_UNITS, -3);
  assert_parse (LF_ENTRY_COUNT, "4", LF_MONEY_UNITS, 4);
  assert_refused (LF_ENTRY_NUMBER, "");
  assert_refused (LF_ENTRY_NUMBER, "abc");
  assert_refused (LF_ENTRY_NUMBER, "1e999");
  assert_refused (LF_ENTRY_NUMBER, "nan");
  assert_refused (LF_ENTRY_NUMBER, "0x10");
  assert_refused (LF_ENTRY_COUNT, "2.5");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-summary/headline", test_headline);
  g_test_add_func ("/plan-summary/shadow", test_shadow);
  g_test_add_func ("/plan-summary/infeasible/budget-fix", test_infeasible_budget_fix);
  g_test_add_func ("/plan-summary/infeasible/lock-fix", test_infeasible_lock_fix);
  g_test_add_func ("/plan-summary/money-scale", test_money_scale_cells);
  g_test_add_func ("/display/format-parse", test_display);

  return g_test_run ();
}
