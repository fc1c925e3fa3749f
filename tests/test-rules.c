/* test-rules.c: the validation table of model.md and the editable model */

#include <math.h>
#include <string.h>

#include "lf-enums.h"
#include "lf-scenario.h"

static void
test_rules_defaults (void)
{
  g_assert_cmpfloat (lf_param_default (LF_PARAM_ALPHA), ==, 1);
  g_assert_cmpfloat (lf_param_default (LF_PARAM_BETA), ==, 0);
  g_assert_cmpfloat (lf_param_default (LF_PARAM_P_MAX), ==, 1);
  g_assert_cmpfloat (lf_param_default (LF_PARAM_Q_MAX), ==, 1);
  g_assert_cmpfloat (lf_param_default (LF_PARAM_PROMOTE), ==, 0);
}

static void
test_rules_keys (void)
{
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      LfParam param;

      g_assert_true (lf_param_from_key (lf_param_info (i)->key, &param));
      g_assert_cmpint (param, ==, i);
    }
  g_assert_false (lf_param_from_key ("alpah", &(LfParam){0}));
}

static void
test_rules_ranges (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lf_rules_check_param (LF_PARAM_ALPHA, 0, NULL));
  g_assert_false (lf_rules_check_param (LF_PARAM_ALPHA, -1, &error));
  g_assert_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "alpha"));
  g_assert_false (lf_rules_check_param (LF_PARAM_PROMOTE, NAN, NULL));
  g_assert_false (lf_rules_check_param (LF_PARAM_PROMOTE, INFINITY, NULL));
  g_assert_false (lf_rules_check_param (LF_PARAM_P_MAX, 0, NULL));
  g_assert_true (lf_rules_check_param (LF_PARAM_P_MAX, 1, NULL));
  g_assert_false (lf_rules_check_param (LF_PARAM_P_MAX, 1.0000001, NULL));
  g_assert_true (lf_rules_check_param (LF_PARAM_Q_MAX, 0, NULL));
  g_assert_false (lf_rules_check_reach (0.5, 0.4, NULL));
  g_assert_true (lf_rules_check_reach (0.4, 0.4, NULL));
  g_assert_true (lf_rules_check_range (0.8, 1.4, NULL));
  g_assert_false (lf_rules_check_range (1.1, 1.4, NULL));
  g_assert_false (lf_rules_check_range (0.8, 0.9, NULL));
  g_assert_true (lf_rules_check_code ("", NULL));
  g_assert_true (lf_rules_check_code ("cn", NULL));
  g_assert_false (lf_rules_check_code ("CHN", NULL));
  g_assert_false (lf_rules_check_code ("C1", NULL));
  g_assert_true (lf_rules_check_currency ("EUR", NULL));
  g_assert_false (lf_rules_check_currency ("EURO", NULL));
  g_assert_false (lf_rules_check_max_markets (2.5, NULL));
  g_assert_false (lf_rules_check_max_markets (-1, NULL));
  g_assert_true (lf_rules_check_max_markets (0, NULL));
}

static void
test_rules_names (void)
{
  g_autofree char *long_name = g_strnfill (LF_MAX_NAME_CHARS + 1, 'x');

  g_assert_true (lf_rules_check_market_name ("中国", NULL));
  g_assert_false (lf_rules_check_market_name ("", NULL));
  g_assert_false (lf_rules_check_market_name ("  \t", NULL));
  g_assert_false (lf_rules_check_market_name (long_name, NULL));
  g_assert_false (lf_rules_check_market_name ("\xff\xfe", NULL));
  long_name[LF_MAX_NAME_CHARS] = '\0';
  g_assert_true (lf_rules_check_market_name (long_name, NULL));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_market_setters (void)
{
  g_autoptr(LfMarket) market = lf_market_new ("China");
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect (market, "notify::promote", G_CALLBACK (count_notify), &notified);
  g_assert_true (lf_market_set_param (market, LF_PARAM_PROMOTE, 9e6, NULL));
  g_assert_true (lf_market_set_param (market, LF_PARAM_PROMOTE, 9e6, NULL));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (lf_market_set_param (market, LF_PARAM_PROMOTE, -5, &error));
  g_assert_cmpfloat (lf_market_get_param (market, LF_PARAM_PROMOTE), ==, 9e6);
  g_clear_error (&error);

  g_assert_true (lf_market_set_param (market, LF_PARAM_P_MAX, 0.25, NULL));
  g_assert_false (lf_market_set_param (market, LF_PARAM_P_MIN, 0.3, &error));
  g_assert_cmpfloat (lf_market_get_param (market, LF_PARAM_P_MIN), ==, 0);
  g_assert_true (lf_market_set_code (market, "cn", NULL));
  g_assert_cmpstr (lf_market_get_code (market), ==, "CN");
  g_assert_true (lf_market_set_range (market, LF_PARAM_PROMOTE, 0.8, 1.4, NULL));
  g_assert_true (lf_market_get_range (market, LF_PARAM_PROMOTE, NULL, NULL));
  g_assert_false (lf_market_get_range (market, LF_PARAM_ALPHA, NULL, NULL));
}

static void
test_scenario_markets (void)
{
  g_autoptr(LfScenario) scenario = lf_scenario_new ("Test");
  g_autoptr(LfMarket) china = lf_market_new ("China");
  g_autoptr(LfMarket) dup = lf_market_new ("CHINA");
  g_autoptr(LfMarket) japan = lf_market_new ("Japan");
  g_autoptr(GError) error = NULL;

  g_assert_true (lf_scenario_append_market (scenario, china, NULL));
  g_assert_false (lf_scenario_append_market (scenario, dup, &error));
  g_assert_nonnull (error);
  g_assert_true (lf_scenario_append_market (scenario, japan, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scenario)), ==, 2);
  g_assert_cmpint (lf_scenario_find_market (scenario, "japan"), ==, 1);
  lf_scenario_move_market (scenario, 1, 0);
  g_assert_true (lf_scenario_get_market (scenario, 0) == japan);
  g_assert_false (lf_scenario_rename_market (scenario, 0, "china", NULL));
  g_assert_true (lf_scenario_rename_market (scenario, 0, "JAPAN", NULL));
  lf_scenario_remove_market (scenario, 0);
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 1);

  g_assert_false (lf_scenario_has_budget (scenario));
  g_assert_true (lf_scenario_set_budget (scenario, 5e6, NULL));
  g_assert_false (lf_scenario_set_budget (scenario, -1, NULL));
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 5e6);
  g_assert_false (lf_scenario_set_cap (scenario, LF_CAP_MARKETS, 1.5, NULL));
  g_assert_true (lf_scenario_set_cap (scenario, LF_CAP_MARKETS, 3, NULL));
}

static void
on_changed (LfScenario *scenario,
            guint      *count)
{
  (*count)++;
}

static void
test_scenario_changed (void)
{
  LfScenario *scenario = lf_scenario_new ("Test");
  g_autoptr(LfMarket) china = lf_market_new ("China");
  guint changes = 0;

  lf_scenario_append_market (scenario, china, NULL);
  g_signal_connect (scenario, "changed", G_CALLBACK (on_changed), &changes);
  lf_market_set_param (china, LF_PARAM_ALPHA, 3, NULL);
  g_assert_cmpuint (changes, ==, 1);
  lf_scenario_set_objective (scenario, LF_OBJECTIVE_MIN_COST);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_finalize_object (scenario);
  lf_market_set_param (china, LF_PARAM_ALPHA, 4, NULL);
  g_assert_cmpuint (changes, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/defaults", test_rules_defaults);
  g_test_add_func ("/rules/keys", test_rules_keys);
  g_test_add_func ("/rules/ranges", test_rules_ranges);
  g_test_add_func ("/rules/names", test_rules_names);
  g_test_add_func ("/market/setters", test_market_setters);
  g_test_add_func ("/scenario/markets", test_scenario_markets);
  g_test_add_func ("/scenario/changed", test_scenario_changed);

  return g_test_run ();
}
