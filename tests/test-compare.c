/* test-compare.c: the Compare page's decisions, without widgets
 *
 * Every expectation is worked out from the inputs and the solver's plans,
 * so the test holds whatever the examples say.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "lf-compare.h"
#include "lf-display.h"
#include "lf-scenario-json.h"
#include "lf-solver.h"

static LfProblem *
read_example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_EXAMPLES_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) scenario = lf_scenario_json_read_file (file, NULL, &error);

  g_assert_no_error (error);

  return lf_problem_new_from_scenario (scenario);
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

static int
find_market (const LfProblem *problem,
             const char      *name)
{
  for (guint i = 0; i < problem->n_markets; i++)
    if (g_strcmp0 (problem->markets[i].name, name) == 0)
      return i;

  return -1;
}

/* The headline rows show each plan's own figures, and differ exactly
 * where the figures do. */
static void
check_headline (const LfComparison  *cmp,
                const LfCompareSide *sides,
                guint                n_sides)
{
  const LfCompareRow *value = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Value");
  const LfCompareRow *cost = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Cost");
  const LfCompareRow *budget = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Budget");
  const LfCompareRow *entered = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Markets entered");
  gboolean values_differ = FALSE, budgets_differ = FALSE;

  g_assert_nonnull (value);
  g_assert_nonnull (cost);
  g_assert_nonnull (budget);
  g_assert_nonnull (entered);
  g_assert_nonnull (lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Status"));
  g_assert_nonnull (lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Legal"));
  for (guint s = 0; s < n_sides; s++)
    {
      g_autofree char *v = lf_format_decimal (sides[s].plan->value, 4);
      g_autofree char *c = lf_format_money (sides[s].plan->cost, sides[s].problem->currency, LF_MONEY_THOUSANDS);
      g_autofree char *n = g_strdup_printf ("%u", sides[s].plan->markets_entered);

      g_assert_cmpstr (value->values[s], ==, v);
      g_assert_cmpstr (cost->values[s], ==, c);
      g_assert_cmpstr (entered->values[s], ==, n);
      g_assert_cmpstr (cmp->names[s], ==, sides[s].name);
      values_differ |= fabs (sides[s].plan->value - sides[0].plan->value) > 1e-6;
      budgets_differ |= sides[s].problem->budget != sides[0].problem->budget;
    }
  g_assert_cmpint (value->differs, ==, values_differ);
  g_assert_cmpint (budget->differs, ==, budgets_differ);
  g_assert_cmpuint (cmp->n_sides, ==, n_sides);
  g_assert_null (cmp->names[n_sides]);
}

/* A market is listed when it is in some sides only or entered in some
 * and not others; matched by name here (the copies keep the codes). */
static void
check_markets (const LfComparison  *cmp,
               const LfCompareSide *sides,
               guint                n_sides)
{
  guint expected = 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < n_sides; s++)
    for (guint i = 0; i < sides[s].problem->n_markets; i++)
      {
        const char *name = sides[s].problem->markets[i].name;
        gboolean absent = FALSE, in = FALSE, out = FALSE;
        const LfCompareRow *row = lf_comparison_find (cmp, LF_COMPARE_MARKETS, name, NULL);

        if (!g_hash_table_add (seen, (gpointer) name))
          continue;
        for (guint t = 0; t < n_sides; t++)
          {
            int k = find_market (sides[t].problem, name);

            absent |= k < 0;
            in |= k >= 0 && sides[t].plan->markets[k].entered;
            out |= k >= 0 && !sides[t].plan->markets[k].entered;
          }
        g_assert_cmpint (row != NULL, ==, absent || (in && out));
        if (row == NULL)
          continue;
        expected++;
        g_assert_true (row->differs);
        for (guint t = 0; t < n_sides; t++)
          {
            int k = find_market (sides[t].problem, name);

            g_assert_cmpstr (row->values[t], ==, k < 0 ? "Not in the scenario" :
                             sides[t].plan->markets[k].entered ? "Enter" : "Stay out");
          }
      }
  g_assert_cmpuint (lf_comparison_count (cmp, LF_COMPARE_MARKETS), ==, expected);
}

/* One row per market and parameter that differs, none for the rest. */
static void
check_params (const LfComparison  *cmp,
              const LfCompareSide *sides,
              guint                n_sides)
{
  guint expected = 0;

  for (guint i = 0; i < sides[0].problem->n_markets; i++)
    {
      const char *name = sides[0].problem->markets[i].name;

      for (guint p = 0; p < LF_N_PARAMS; p++)
        {
          const char *label = lf_param_info (p)->label;
          const LfCompareRow *row = lf_comparison_find (cmp, LF_COMPARE_PARAMS, name, label);
          gboolean differs = FALSE;

          for (guint t = 1; t < n_sides; t++)
            {
              int k = find_market (sides[t].problem, name);

              differs |= k >= 0 && lf_problem_param (sides[t].problem, k, p) != lf_problem_param (sides[0].problem, i, p);
            }
          g_assert_cmpint (row != NULL, ==, differs);
          expected += differs;
          if (row != NULL)
            g_assert_cmpint (row->param, ==, p);
        }
    }
  g_assert_cmpuint (lf_comparison_count (cmp, LF_COMPARE_PARAMS), ==, expected);
}

static void
check_all (const LfCompareSide *sides,
           guint                n_sides)
{
  g_autoptr(LfComparison) cmp = lf_compare_scenarios (sides, n_sides, LF_MONEY_THOUSANDS);

  check_headline (cmp, sides, n_sides);
  check_markets (cmp, sides, n_sides);
  check_params (cmp, sides, n_sides);
}

/* The example against a copy with a smaller budget, a dearer Japan, no
 * Germany and a new market. */
static LfProblem *
edited_copy (const LfProblem *problem)
{
  g_autoptr(LfScenario) scenario = lf_problem_to_scenario (problem);
  g_autoptr(LfMarket) extra = lf_market_new ("Mexico");
  int japan = lf_scenario_find_market (scenario, "Japan");
  LfProblem *copy;

  lf_scenario_remove_market (scenario, lf_scenario_find_market (scenario, "Germany"));
  g_assert_true (lf_scenario_append_market (scenario, extra, NULL));
  copy = lf_problem_new_from_scenario (scenario);
  copy->budget = problem->budget / 2;
  copy->markets[japan].v.value[LF_PARAM_LEGAL_FIXED] *= 3;
  copy->markets[japan].v.value[LF_PARAM_ALPHA] += 0.1;

  return copy;
}

static void
test_scenarios (void)
{
  g_autoptr(LfProblem) a = read_example ("china-customer-service.json");
  g_autoptr(LfProblem) b = edited_copy (a);
  g_autoptr(LfPlan) plan_a = solve (a);
  g_autoptr(LfPlan) plan_b = solve (b);
  LfCompareSide sides[] = { { "A", a, plan_a }, { "B", b, plan_b } };
  g_autoptr(LfComparison) cmp = lf_compare_scenarios (sides, 2, LF_MONEY_UNITS);
  const LfCompareRow *row;

  check_all (sides, 2);
  /* Germany and Mexico are each in one side only. */
  row = lf_comparison_find (cmp, LF_COMPARE_MARKETS, "Germany", NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->values[1], ==, "Not in the scenario");
  row = lf_comparison_find (cmp, LF_COMPARE_MARKETS, "Mexico", NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->values[0], ==, "Not in the scenario");
  /* The parameters changed, in the user's money scale. */
  g_assert_cmpuint (lf_comparison_count (cmp, LF_COMPARE_PARAMS), ==, 2);
  row = lf_comparison_find (cmp, LF_COMPARE_PARAMS, "Japan", lf_param_info (LF_PARAM_LEGAL_FIXED)->label);
  g_assert_nonnull (row);
  for (guint s = 0; s < 2; s++)
    {
      int k = find_market (sides[s].problem, "Japan");
      g_autofree char *text = lf_format_money (lf_problem_param (sides[s].problem, k, LF_PARAM_LEGAL_FIXED),
                                               "USD", LF_MONEY_UNITS);

      g_assert_cmpstr (row->values[s], ==, text);
    }
  /* Same settings but the budget, which is a headline row. */
  g_assert_cmpuint (lf_comparison_count (cmp, LF_COMPARE_SETTINGS), ==, 0);
}

/* Three sides: the example, itself, and the cheapest plan of min-cost. */
static void
test_objectives (void)
{
  g_autoptr(LfProblem) a = read_example ("china-customer-service.json");
  g_autoptr(LfProblem) b = lf_problem_copy (a);
  g_autoptr(LfProblem) c = read_example ("min-cost.json");
  g_autoptr(LfPlan) plan_a = solve (a);
  g_autoptr(LfPlan) plan_b = solve (b);
  g_autoptr(LfPlan) plan_c = solve (c);
  LfCompareSide sides[] = { { "A", a, plan_a }, { "B", b, plan_b }, { "C", c, plan_c } };
  g_autoptr(LfComparison) same = lf_compare_scenarios (sides, 2, LF_MONEY_UNITS);
  g_autoptr(LfComparison) cmp = lf_compare_scenarios (sides, 3, LF_MONEY_UNITS);
  const LfCompareRow *row;

  check_all (sides, 3);
  /* Nothing differs between a problem and its copy. */
  for (guint i = 0; i < same->rows->len; i++)
    g_assert_false (((LfCompareRow *) g_ptr_array_index (same->rows, i))->differs);
  g_assert_cmpuint (lf_comparison_count (same, LF_COMPARE_MARKETS), ==, 0);
  g_assert_cmpuint (lf_comparison_count (same, LF_COMPARE_PARAMS), ==, 0);
  g_assert_cmpuint (lf_comparison_count (same, LF_COMPARE_SETTINGS), ==, 0);

  row = lf_comparison_find (cmp, LF_COMPARE_SETTINGS, NULL, "Objective");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->values[0], ==, "Maximise value");
  g_assert_cmpstr (row->values[2], ==, "Minimise cost");
  row = lf_comparison_find (cmp, LF_COMPARE_SETTINGS, NULL, "Target value");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->values[0], ==, "—");
  g_assert_null (lf_comparison_find (cmp, LF_COMPARE_SETTINGS, NULL, "Risk cap"));
  g_assert_cmpint (isnan (c->budget), ==, TRUE);
  g_assert_cmpstr (lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Budget")->values[2], ==, "—");
  g_assert_false (cmp->mixed_currencies);
}

/* Cells are marked against the first side, the reference: a side alike
 * to it is never marked, a row where all agree has no mark, and the
 * reference itself has none. */
static void
test_marks (void)
{
  g_autoptr(LfProblem) a = read_example ("china-customer-service.json");
  g_autoptr(LfProblem) b = lf_problem_copy (a);
  g_autoptr(LfProblem) c = read_example ("min-cost.json");
  g_autoptr(LfPlan) plan_a = solve (a);
  g_autoptr(LfPlan) plan_b = solve (b);
  g_autoptr(LfPlan) plan_c = solve (c);
  LfCompareSide sides[] = { { "A", a, plan_a }, { "C", c, plan_c }, { "B", b, plan_b } };
  g_autoptr(LfComparison) cmp = lf_compare_scenarios (sides, 3, LF_MONEY_UNITS);
  guint all_agree = 0, marked = 0;

  for (guint i = 0; i < cmp->rows->len; i++)
    {
      const LfCompareRow *row = g_ptr_array_index (cmp->rows, i);

      g_assert_false (lf_compare_row_marked (row, 0));
      g_assert_false (lf_compare_row_marked (row, 2));
      g_assert_cmpint (lf_compare_row_marked (row, 1), ==, g_strcmp0 (row->values[1], row->values[0]) != 0);
      all_agree += row->marks == 0;
      marked += row->marks != 0;
    }
  g_assert_cmpuint (marked, >, 0);
  g_assert_cmpuint (all_agree, >, 0);
  /* Status: both plans are best plans. */
  g_assert_cmpuint (lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Status")->marks, ==, 0);
  g_assert_cmpuint (lf_comparison_find (cmp, LF_COMPARE_SETTINGS, NULL, "Objective")->marks, ==, 1u << 1);
}

/* Money in two currencies is said to be, and not converted. */
static void
test_currencies (void)
{
  g_autoptr(LfProblem) a = read_example ("china-customer-service.json");
  g_autoptr(LfProblem) b = lf_problem_copy (a);
  g_autoptr(LfPlan) plan_a = solve (a);
  g_autoptr(LfPlan) plan_b = NULL;
  g_autoptr(LfComparison) cmp = NULL;
  const LfCompareRow *budget;

  g_strlcpy (b->currency, "EUR", sizeof b->currency);
  plan_b = solve (b);
  {
    LfCompareSide sides[] = { { "A", a, plan_a }, { "B", b, plan_b } };

    cmp = lf_compare_scenarios (sides, 2, LF_MONEY_UNITS);
  }
  g_assert_true (cmp->mixed_currencies);
  budget = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Budget");
  g_assert_true (g_str_has_suffix (budget->values[1], " EUR"));
  g_assert_true (lf_compare_row_marked (budget, 1));
}

/* Markets match by code before name: a renamed market with its code is
 * the same market, a renamed one without a code is another. */
static void
test_match_by_code (void)
{
  g_autoptr(LfProblem) a = read_example ("china-customer-service.json");
  g_autoptr(LfProblem) b = lf_problem_copy (a);
  g_autoptr(LfPlan) plan_a = solve (a);
  g_autoptr(LfPlan) plan_b = NULL;
  int japan = find_market (a, "Japan");
  int india = find_market (a, "India");
  LfCompareSide sides[2];
  g_autoptr(LfComparison) cmp = NULL;
  const LfCompareRow *row;

  g_free (b->markets[japan].name);
  b->markets[japan].name = g_strdup ("Nippon");
  g_free (b->markets[india].name);
  b->markets[india].name = g_strdup ("Bharat");
  g_clear_pointer (&b->markets[india].code, g_free);
  b->markets[india].code = g_strdup ("");
  plan_b = solve (b);
  sides[0] = (LfCompareSide) { "A", a, plan_a };
  sides[1] = (LfCompareSide) { "B", b, plan_b };
  cmp = lf_compare_scenarios (sides, 2, LF_MONEY_UNITS);

  g_assert_null (lf_comparison_find (cmp, LF_COMPARE_MARKETS, "Japan", NULL));
  g_assert_null (lf_comparison_find (cmp, LF_COMPARE_MARKETS, "Nippon", NULL));
  row = lf_comparison_find (cmp, LF_COMPARE_MARKETS, "India", NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->values[1], ==, "Not in the scenario");
  g_assert_nonnull (lf_comparison_find (cmp, LF_COMPARE_MARKETS, "Bharat", NULL));
  g_assert_cmpuint (lf_comparison_count (cmp, LF_COMPARE_MARKETS), ==, 2);
}

/* A market without a code matched by name to one with a code: a third
 * side that renamed it but kept the code is the same market still. */
static void
test_match_code_learnt (void)
{
  g_autoptr(LfProblem) a = read_example ("china-customer-service.json");
  g_autoptr(LfProblem) b = lf_problem_copy (a);
  g_autoptr(LfProblem) c = lf_problem_copy (a);
  g_autoptr(LfPlan) plan_a = NULL;
  g_autoptr(LfPlan) plan_b = solve (b);
  g_autoptr(LfPlan) plan_c = NULL;
  int japan = find_market (a, "Japan");
  LfCompareSide sides[3];
  g_autoptr(LfComparison) cmp = NULL;

  g_clear_pointer (&a->markets[japan].code, g_free);
  a->markets[japan].code = g_strdup ("");
  plan_a = solve (a);
  g_free (c->markets[japan].name);
  c->markets[japan].name = g_strdup ("Nippon");
  plan_c = solve (c);
  sides[0] = (LfCompareSide) { "A", a, plan_a };
  sides[1] = (LfCompareSide) { "B", b, plan_b };
  sides[2] = (LfCompareSide) { "C", c, plan_c };
  cmp = lf_compare_scenarios (sides, 3, LF_MONEY_UNITS);

  /* Japan is in all three: not a market that differs. */
  g_assert_null (lf_comparison_find (cmp, LF_COMPARE_MARKETS, "Japan", NULL));
  g_assert_null (lf_comparison_find (cmp, LF_COMPARE_MARKETS, "Nippon", NULL));
}

/* Before a side is solved its figures read "—" and do not differ. */
static void
test_unsolved (void)
{
  g_autoptr(LfProblem) a = read_example ("china-customer-service.json");
  g_autoptr(LfProblem) b = lf_problem_copy (a);
  LfCompareSide sides[] = { { "A", a, NULL }, { "B", b, NULL } };
  g_autoptr(LfComparison) cmp = lf_compare_scenarios (sides, 2, LF_MONEY_UNITS);
  const LfCompareRow *value = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, "Value");

  g_assert_cmpstr (value->values[0], ==, "—");
  g_assert_false (value->differs);
  g_assert_cmpuint (lf_comparison_count (cmp, LF_COMPARE_MARKETS), ==, 0);
}

static void
check_market_row (const LfComparison *cmp,
                  const LfProblem    *problem,
                  const guint        *markets,
                  guint               n,
                  LfParam             p)
{
  const LfCompareRow *row = lf_comparison_find (cmp, LF_COMPARE_PARAMS, NULL, lf_param_info (p)->label);
  gboolean differs = FALSE;

  g_assert_nonnull (row);
  for (guint s = 0; s < n; s++)
    {
      double v = lf_problem_param (problem, markets[s], p);
      g_autofree char *text = NULL;

      differs |= v != lf_problem_param (problem, markets[0], p);
      /* Money as the editor shows it, every digit, in the page's scale. */
      if (lf_param_info (p)->unit == LF_UNIT_MONEY)
        {
          g_autofree char *number = lf_display_format_entry (LF_ENTRY_MONEY, v, LF_MONEY_MILLIONS);
          g_autofree char *unit = lf_display_unit_label (LF_ENTRY_MONEY, problem->currency, LF_MONEY_MILLIONS);

          text = g_strdup_printf ("%s %s", number, unit);
          g_assert_cmpstr (row->values[s], ==, text);
        }
    }
  g_assert_cmpint (row->differs, ==, differs);
}

static void
test_markets (void)
{
  g_autoptr(LfProblem) problem = read_example ("china-customer-service.json");
  g_autoptr(LfPlan) plan = solve (problem);
  const guint markets[] = { 0, 1, 2, problem->n_markets - 1 };
  g_autoptr(LfComparison) cmp = lf_compare_markets (problem, plan, markets, G_N_ELEMENTS (markets),
                                                    LF_MONEY_MILLIONS);
  const LfCompareRow *entered = lf_comparison_find (cmp, LF_COMPARE_RESULTS, NULL, "Entered");
  const LfCompareRow *cost = lf_comparison_find (cmp, LF_COMPARE_RESULTS, NULL, "Cost");
  gboolean some_in = FALSE, some_out = FALSE;

  g_assert_cmpuint (cmp->n_sides, ==, G_N_ELEMENTS (markets));
  g_assert_cmpuint (lf_comparison_count (cmp, LF_COMPARE_PARAMS), ==, LF_N_PARAMS + 1);
  for (guint p = 0; p < LF_N_PARAMS; p++)
    check_market_row (cmp, problem, markets, G_N_ELEMENTS (markets), p);
  for (guint s = 0; s < G_N_ELEMENTS (markets); s++)
    {
      const LfPlanMarket *m = &plan->markets[markets[s]];
      g_autofree char *c = lf_format_money (m->cost, "USD", LF_MONEY_MILLIONS);

      g_assert_cmpstr (cmp->names[s], ==, problem->markets[markets[s]].name);
      g_assert_cmpstr (entered->values[s], ==, m->entered ? "Enter" : "Stay out");
      g_assert_cmpstr (cost->values[s], ==, c);
      some_in |= m->entered;
      some_out |= !m->entered;
    }
  g_assert_cmpint (entered->differs, ==, some_in && some_out);
}

static void
test_problems_equal (void)
{
  g_autoptr(LfProblem) a = read_example ("china-customer-service.json");
  g_autoptr(LfProblem) b = lf_problem_copy (a);

  g_assert_true (lf_compare_problems_equal (a, b));
  b->markets[3].v.value[LF_PARAM_BETA] += 0.01;
  g_assert_false (lf_compare_problems_equal (a, b));
  b->markets[3].v.value[LF_PARAM_BETA] = a->markets[3].v.value[LF_PARAM_BETA];
  b->risk_cap = NAN;
  g_assert_false (lf_compare_problems_equal (a, b));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/scenarios", test_scenarios);
  g_test_add_func ("/compare/objectives", test_objectives);
  g_test_add_func ("/compare/marks", test_marks);
  g_test_add_func ("/compare/currencies", test_currencies);
  g_test_add_func ("/compare/match-by-code", test_match_by_code);
  g_test_add_func ("/compare/match-code-learnt", test_match_code_learnt);
  g_test_add_func ("/compare/unsolved", test_unsolved);
  g_test_add_func ("/compare/markets", test_markets);
  g_test_add_func ("/compare/problems-equal", test_problems_equal);

  return g_test_run ();
}
