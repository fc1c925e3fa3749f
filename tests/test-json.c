/* test-json.c: the scenario JSON of formats.md, read, written, refused */

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lf-scenario-json.h"
#include "lf-test-examples.h"

static char *
example_path (const char *name)
{
  const char *dir = g_getenv ("LANDFALL_EXAMPLES_DIR");

  g_assert_nonnull (dir);

  return g_build_filename (dir, name, NULL);
}

static LfScenario *
read_example (const char *name)
{
  g_autofree char *path = example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  LfScenario *scenario = lf_scenario_json_read_file (file, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  g_assert_cmpuint (problems->len, ==, 0);

  return scenario;
}

static LfMarket *
market_named (LfScenario *scenario,
              const char *name)
{
  int index = lf_scenario_find_market (scenario, name);

  g_assert_cmpint (index, >=, 0);

  return lf_scenario_get_market (scenario, index);
}

/* A scenario with three markets; @top_extra goes at the top, @market_extra
 * into the third market. Each is "" or starts with a comma. */
static char *
small_scenario (const char *top_extra,
                const char *market_extra)
{
  return g_strdup_printf ("{\"format\": \"expansion-scenario\", \"version\": 1, \"name\": \"Small\","
                          " \"budget\": 1000000%s, \"markets\": [{\"name\": \"China\"},"
                          " {\"name\": \"Japan\", \"alpha\": 2}, {\"name\": \"Chile\", \"promote\": 5%s}]}",
                          top_extra, market_extra);
}

static LfScenario *
read_text (const char *text,
           GPtrArray  *problems,
           GError    **error)
{
  return lf_scenario_json_read_data (text, strlen (text), problems, error);
}

static void
test_json_example_china (void)
{
  g_autoptr(LfScenario) scenario = read_example ("china-customer-service.json");
  LfMarket *china, *singapore;
  double lo, hi;

  g_assert_cmpstr (lf_scenario_get_name (scenario), ==, "Customer-service AI: first markets abroad");
  g_assert_cmpstr (lf_scenario_get_currency (scenario), ==, "USD");
  g_assert_cmpint (lf_scenario_get_objective (scenario), ==, LF_OBJECTIVE_MAX_VALUE);
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 6000000);
  g_assert_false (lf_scenario_has_target_value (scenario));
  g_assert_cmpfloat (lf_scenario_get_cap (scenario, LF_CAP_RISK), ==, 0.9);
  g_assert_cmpfloat (lf_scenario_get_cap (scenario, LF_CAP_HEADCOUNT), ==, 90);
  g_assert_cmpfloat (lf_scenario_get_cap (scenario, LF_CAP_MARKETS), ==, 4);
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 7);

  china = lf_scenario_get_market (scenario, 0);
  g_assert_cmpstr (lf_market_get_name (china), ==, "China");
  g_assert_cmpstr (lf_market_get_code (china), ==, "CN");
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_PROMOTE), ==, 9000000);
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_ALPHA), ==, 4.0);
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_P_MAX), ==, 0.25);
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_HEADCOUNT_FIXED), ==, 8);
  g_assert_cmpint (lf_market_get_lock (china), ==, LF_LOCK_AUTO);
  g_assert_true (lf_market_get_range (china, LF_PARAM_LEGAL_FIXED, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 0.9);
  g_assert_cmpfloat (hi, ==, 2.2);
  g_assert_false (lf_market_get_range (china, LF_PARAM_CULTURE, NULL, NULL));

  singapore = market_named (scenario, "Singapore");
  g_assert_cmpint (lf_market_get_lock (singapore), ==, LF_LOCK_ENTER);
  g_assert_cmpfloat (lf_market_get_param (singapore, LF_PARAM_PROMOTE), ==, 900000);
}

static void
test_json_example_min_cost (void)
{
  g_autoptr(LfScenario) scenario = read_example ("min-cost.json");

  g_assert_cmpint (lf_scenario_get_objective (scenario), ==, LF_OBJECTIVE_MIN_COST);
  g_assert_cmpfloat (lf_scenario_get_target_value (scenario), ==, 3.0);
  g_assert_false (lf_scenario_has_budget (scenario));
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 7);
}

static void
test_json_example_infeasible (void)
{
  g_autoptr(LfScenario) scenario = read_example ("infeasible.json");
  LfMarket *japan = market_named (scenario, "japan");

  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, 3000000);
  g_assert_cmpfloat (lf_market_get_param (japan, LF_PARAM_P_MIN), ==, 0.3);
  g_assert_cmpint (lf_market_get_lock (japan), ==, LF_LOCK_ENTER);
}

static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof a) == 0 || (isnan (a) && isnan (b));
}

static void
assert_same_market (LfMarket *a,
                    LfMarket *b)
{
  const LfMarketValues *va = lf_market_get_values (a);
  const LfMarketValues *vb = lf_market_get_values (b);

  g_assert_cmpstr (lf_market_get_name (a), ==, lf_market_get_name (b));
  g_assert_cmpstr (lf_market_get_code (a), ==, lf_market_get_code (b));
  g_assert_cmpint (va->lock, ==, vb->lock);
  g_assert_cmphex (va->has_range, ==, vb->has_range);
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      g_assert_true (same_double (va->value[i], vb->value[i]));
      g_assert_true (same_double (va->lo[i], vb->lo[i]));
      g_assert_true (same_double (va->hi[i], vb->hi[i]));
    }
}

static void
assert_same_scenario (LfScenario *a,
                      LfScenario *b)
{
  g_assert_cmpstr (lf_scenario_get_name (a), ==, lf_scenario_get_name (b));
  g_assert_cmpstr (lf_scenario_get_currency (a), ==, lf_scenario_get_currency (b));
  g_assert_cmpint (lf_scenario_get_objective (a), ==, lf_scenario_get_objective (b));
  g_assert_true (same_double (lf_scenario_get_budget (a), lf_scenario_get_budget (b)));
  g_assert_true (same_double (lf_scenario_get_target_value (a), lf_scenario_get_target_value (b)));
  for (guint i = 0; i < LF_N_CAPS; i++)
    g_assert_true (same_double (lf_scenario_get_cap (a, i), lf_scenario_get_cap (b, i)));
  g_assert_cmpuint (lf_scenario_get_n_markets (a), ==, lf_scenario_get_n_markets (b));
  for (guint i = 0; i < lf_scenario_get_n_markets (a); i++)
    assert_same_market (lf_scenario_get_market (a, i), lf_scenario_get_market (b, i));
}

/* Writes, reads back, and checks that writing again gives the same text. */
static void
assert_round_trip (LfScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length;

  text = lf_scenario_json_write_data (scenario, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  again = lf_scenario_json_read_data (text, length, NULL, &error);
  g_assert_no_error (error);
  assert_same_scenario (scenario, again);

  text_again = lf_scenario_json_write_data (again, NULL);
  g_assert_cmpstr (text, ==, text_again);
}

static void
test_json_round_trip_examples (void)
{
  const char *dir = g_getenv ("LANDFALL_EXAMPLES_DIR");
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autoptr(LfScenario) scenario = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_test_message ("%s", name);
      scenario = read_example (name);
      assert_round_trip (scenario);
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
}

/* Numbers that %g or %.15g would change; the writer must not. */
static LfScenario *
awkward_scenario (void)
{
  static const double awkward[] = {
    0.1, 1.0 / 3, 2.0 / 3, 1e-300, 4.9406564584124654e-324, 1.7976931348623157e308,
    123456789012345678.0, 9007199254740993.0, 0.30000000000000004, 5e-5, 1e15, 1e16, 0.0,
  };
  g_autoptr(LfScenario) scenario = lf_scenario_new ("Awkward “numbers”, \"quoted\"\\ and\ttabs");

  g_assert_true (lf_scenario_set_budget (scenario, 5000000, NULL));
  g_assert_true (lf_scenario_set_cap (scenario, LF_CAP_RISK, 0.1 + 0.2, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autofree char *name = g_strdup_printf ("Market %u, ünïcödé 市场", i);
      g_autoptr(LfMarket) market = lf_market_new (name);

      g_assert_true (lf_market_set_param (market, LF_PARAM_PROMOTE, awkward[i], NULL));
      g_assert_true (lf_market_set_param (market, LF_PARAM_P_MAX, 1.0 / (i + 3), NULL));
      g_assert_true (lf_market_set_range (market, LF_PARAM_ALPHA, 1.0 / (i + 2), 1 + 1.0 / (i + 7), NULL));
      g_assert_true (lf_scenario_append_market (scenario, market, NULL));
    }

  return g_steal_pointer (&scenario);
}

static void
test_json_round_trip_numbers (void)
{
  g_autoptr(LfScenario) scenario = awkward_scenario ();
  g_autofree char *text = lf_scenario_json_write_data (scenario, NULL);

  assert_round_trip (scenario);
  /* Whole numbers stay whole, short decimals stay short. */
  g_assert_nonnull (strstr (text, "\"budget\": 5000000,"));
  g_assert_nonnull (strstr (text, "\"promote\": 0.1,"));
  g_assert_nonnull (strstr (text, "\"promote\": 1e+15,"));
  g_assert_nonnull (strstr (text, "\"promote\": 1.2345678901234568e+17,"));
  g_assert_nonnull (strstr (text, "\"risk_cap\": 0.30000000000000004,"));
  g_assert_nonnull (strstr (text, "\"alpha\": 1,"));
  g_assert_nonnull (strstr (text, "\"promote\": 0.3333333333333333,"));
}

static void
test_json_write_keys (void)
{
  static const char *order[] = {
    "{\n  \"format\": \"expansion-scenario\",\n  \"version\": 1,\n  \"name\": \"Keys\",",
    "\"currency\": \"EUR\"", "\"objective\": \"min_cost\"", "\"budget\": null", "\"target_value\": 2.5",
    "\"risk_cap\": null", "\"headcount_cap\": 80", "\"max_markets\": null", "\"markets\": [",
    "\"name\": \"Peru\"", "\"code\": \"PE\"", "\"alpha\": 1", "\"beta\": 0", "\"p_max\": 1",
    "\"p_min\": 0", "\"q_max\": 1", "\"promote\": 0", "\"gamma\": 0", "\"localise\": 0",
    "\"culture\": 0", "\"legal_fixed\": 0", "\"legal_p\": 0", "\"legal_q\": 0", "\"risk\": 0",
    "\"headcount\": 0", "\"headcount_fixed\": 0", "\"lock\": \"exclude\"", "\"uncertainty\": {}",
  };
  g_autoptr(LfScenario) scenario = lf_scenario_new ("Keys");
  g_autoptr(LfMarket) market = lf_market_new ("Peru");
  g_autofree char *text = NULL;
  const char *at;

  g_assert_true (lf_scenario_set_currency (scenario, "eur", NULL));
  lf_scenario_set_objective (scenario, LF_OBJECTIVE_MIN_COST);
  g_assert_true (lf_scenario_set_target_value (scenario, 2.5, NULL));
  g_assert_true (lf_scenario_set_cap (scenario, LF_CAP_HEADCOUNT, 80, NULL));
  g_assert_true (lf_market_set_code (market, "pe", NULL));
  lf_market_set_lock (market, LF_LOCK_EXCLUDE);
  g_assert_true (lf_scenario_append_market (scenario, market, NULL));

  text = lf_scenario_json_write_data (scenario, NULL);
  at = text;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *found = strstr (at, order[i]);

      g_test_message ("looking for %s", order[i]);
      g_assert_nonnull (found);
      at = found + strlen (order[i]);
    }
  g_assert_true (g_str_has_suffix (text, "}\n  ]\n}\n"));
  assert_round_trip (scenario);
}

static void
test_json_write_empty (void)
{
  g_autoptr(LfScenario) scenario = lf_scenario_new ("Nothing yet");
  g_autofree char *text = NULL;

  g_assert_true (lf_scenario_set_budget (scenario, 0, NULL));
  text = lf_scenario_json_write_data (scenario, NULL);
  g_assert_nonnull (strstr (text, "\"markets\": []\n}\n"));
  assert_round_trip (scenario);
}

static void
test_json_write_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(LfScenario) german = NULL;
  g_autofree char *text = NULL;
  g_autofree char *german_text = NULL;

  scenario = awkward_scenario ();
  text = lf_scenario_json_write_data (scenario, NULL);
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  german_text = lf_scenario_json_write_data (scenario, NULL);
  german = lf_scenario_json_read_data (german_text, strlen (german_text), NULL, NULL);
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (german_text, ==, text);
  g_assert_nonnull (german);
  assert_same_scenario (scenario, german);
}

static void
test_json_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scenario.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LfScenario) scenario = read_example ("china-customer-service.json");
  g_autoptr(LfScenario) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old and longer than nothing", -1, NULL));
  g_assert_true (lf_scenario_json_write_file (scenario, file, &error));
  g_assert_no_error (error);
  again = lf_scenario_json_read_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_same_scenario (scenario, again);
  g_assert_cmpint (g_remove (path), ==, 0);

  /* An absent file is an I/O error, not a format problem. */
  g_clear_object (&again);
  again = lf_scenario_json_read_file (file, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_json_lenient_where_rfc_allows (void)
{
  g_autofree char *bom = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(LfScenario) with_bom = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "\r\n\t {\"format\":\"expansion-scenario\",\"version\":1.0,\"name\":\"A\\u00e9\\ud83d\\ude00\","
    "\"objective\":\"min_cost\",\"target_value\":1E+2,\"budget\":null,\"max_markets\":3,"
    "\"markets\":[{\"name\":\"Big\",\"promote\":99999999999999999999999,\"alpha\":-0,"
    "\"code\":\"\",\"uncertainty\":{}}]} \n";

  scenario = read_text (text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lf_scenario_get_name (scenario), ==, "Aé😀");
  g_assert_cmpfloat (lf_scenario_get_target_value (scenario), ==, 100);
  g_assert_false (lf_scenario_has_budget (scenario));
  g_assert_false (lf_scenario_has_cap (scenario, LF_CAP_RISK));
  /* Beyond 64 bits, read as the nearest double, not wrapped around. */
  g_assert_cmpfloat (lf_market_get_param (lf_scenario_get_market (scenario, 0), LF_PARAM_PROMOTE), ==, 1e23);

  bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
  with_bom = read_text (bom, NULL, &error);
  g_assert_no_error (error);
  assert_same_scenario (scenario, with_bom);
}

typedef struct
{
  const char    *what;
  char          *data;
  gssize         length;          /* -1: strlen */
  LfFormatError  code;
  const char    *message;       /* a part of the first problem */
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
nested (guint depth)
{
  g_autofree char *open = repeat ("[", depth);
  g_autofree char *close = repeat ("]", depth);
  g_autofree char *extra = g_strdup_printf (", \"deep\": %s%s", open, close);

  return small_scenario (extra, "");
}

/* A valid scenario with @tail after it. */
static char *
followed_by (const char *tail)
{
  g_autofree char *scenario = small_scenario ("", "");

  return g_strconcat (scenario, tail, NULL);
}

static char *
too_many_markets (void)
{
  GString *out = g_string_new ("{\"format\": \"expansion-scenario\", \"version\": 1, \"name\": \"x\","
                               " \"budget\": 1, \"markets\": [");

  for (guint i = 0; i <= LF_MAX_MARKETS; i++)
    g_string_append_printf (out, "%s{\"name\": \"M%u\"}", i ? "," : "", i);
  g_string_append (out, "]}");

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
  g_autofree char *path = example_path ("china-customer-service.json");
  char *data = NULL;
  gsize full;

  g_assert_true (g_file_get_contents (path, &data, &full, NULL));
  *length = full / 2;

  return data;
}

static GArray *
bad_inputs (void)
{
  GArray *cases = g_array_new (FALSE, TRUE, sizeof (BadInput));
  static const char nul[] = "{\"format\": \"expansion-scenario\"\0, \"version\": 1}";
  const char *header = "{\"format\": \"expansion-scenario\", \"version\": 1, ";
  BadInput c;
  gssize truncated_length;
  char *truncated = truncated_example (&truncated_length);

#define ADD(w, d, l, k, m) (c = (BadInput) { w, d, l, LF_FORMAT_ERROR_##k, m }, g_array_append_val (cases, c))
  ADD ("empty", g_strdup (""), 0, INVALID, "empty");
  ADD ("blank", g_strdup (" \n\t\r\n"), -1, INVALID, "empty");
  ADD ("truncated", truncated, truncated_length, INVALID, "cut short");
  ADD ("garbage", garbage (4096), 4096, INVALID, ", column ");
  ADD ("nul byte", g_memdup2 (nul, sizeof nul - 1), sizeof nul - 1, INVALID, "line 1, column 32: the input contains a NUL byte");
  ADD ("latin-1", g_strdup ("{\"name\": \"Mal\xE9\"}"), -1, INVALID, "line 1, column 14: the input is not UTF-8");
  ADD ("array", g_strdup ("[1, 2, 3]"), -1, INVALID, "$: expected a JSON object, not an array");
  ADD ("number", g_strdup ("42"), -1, INVALID, "$: expected a JSON object, not a number");
  ADD ("no format", g_strdup ("{\"version\": 1}"), -1, INVALID, "$: the key “format” is missing");
  ADD ("other format", g_strdup ("{\"format\": \"x\", \"version\": 1}"), -1, INVALID, "$.format: expected “expansion-scenario”, not “x”");
  ADD ("no version", g_strdup ("{\"format\": \"expansion-scenario\"}"), -1, INVALID, "$: the key “version” is missing");
  ADD ("version text", g_strdup ("{\"format\": \"expansion-scenario\", \"version\": \"1\"}"), -1, INVALID,
       "$.version: expected a number, not text");
  ADD ("version 0.5", g_strdup ("{\"format\": \"expansion-scenario\", \"version\": 0.5}"), -1, INVALID, "$.version: version must be a whole number");
  ADD ("newer", g_strdup ("{\"format\": \"expansion-scenario\", \"version\": 2, \"colour\": 1}"), -1, VERSION,
       "$.version: the file is version 2, from a newer Landfall; this one reads version 1");
  ADD ("trailing text", followed_by (" x"), -1, INVALID, "unexpected text after the end of the JSON document");
  ADD ("two documents", followed_by ("{}"), -1, INVALID, "unexpected text after");
  ADD ("comment", small_scenario (" /* c */", ""), -1, INVALID, "expected");
  ADD ("trailing comma", small_scenario (",", ""), -1, INVALID, "expected a key in double quotes");
  ADD ("single quotes", small_scenario (", 'risk_cap': 1", ""), -1, INVALID, "expected a key in double quotes");
  ADD ("hex", small_scenario (", \"risk_cap\": 0x10", ""), -1, INVALID, "expected “,” or “}”");
  ADD ("plus", small_scenario (", \"risk_cap\": +1", ""), -1, INVALID, "expected a value");
  ADD ("leading zero", small_scenario (", \"risk_cap\": 01", ""), -1, INVALID, "expected “,” or “}”");
  ADD ("bare dot", small_scenario (", \"risk_cap\": 1.", ""), -1, INVALID, "not written as JSON writes numbers");
  ADD ("NaN", small_scenario (", \"risk_cap\": NaN", ""), -1, INVALID, "expected a value");
  ADD ("Infinity", small_scenario (", \"risk_cap\": Infinity", ""), -1, INVALID, "expected a value");
  ADD ("huge", small_scenario (", \"headcount_cap\": 1e999", ""), -1, INVALID, "$.headcount_cap: the number is too large");
  ADD ("huge negative", small_scenario ("", ", \"gamma\": -1e400"), -1, INVALID, "$.markets[2].gamma: the number is too large");
  ADD ("wrapped int", small_scenario ("", ", \"alpha\": -99999999999999999999999"), -1, INVALID,
       "$.markets[2].alpha: alpha must be 0 or more, not -1e+23");
  ADD ("negative", small_scenario ("", ", \"alpha\": -1"), -1, INVALID, "$.markets[2].alpha: alpha must be 0 or more, not -1");
  ADD ("p_max 2", small_scenario ("", ", \"p_max\": 2"), -1, INVALID, "$.markets[2].p_max: p_max must be at most 1, not 2");
  ADD ("reach", small_scenario ("", ", \"p_max\": 0.2, \"p_min\": 0.3"), -1, INVALID, "$.markets[2].p_min: p_min (0.3) must not exceed p_max (0.2)");
  ADD ("text number", small_scenario ("", ", \"beta\": \"2\""), -1, INVALID, "$.markets[2].beta: expected a number, not text");
  ADD ("bool number", small_scenario ("", ", \"beta\": true"), -1, INVALID, "$.markets[2].beta: expected a number, not true or false");
  ADD ("null param", small_scenario ("", ", \"beta\": null"), -1, INVALID, "$.markets[2].beta: expected a number, not null");
  ADD ("cap text", small_scenario (", \"risk_cap\": \"high\"", ""), -1, INVALID, "$.risk_cap: expected a number or null, not text");
  ADD ("cap negative", small_scenario (", \"risk_cap\": -1", ""), -1, INVALID, "$.risk_cap: risk_cap must be 0 or more, not -1");
  ADD ("max_markets 2.5", small_scenario (", \"max_markets\": 2.5", ""), -1, INVALID, "$.max_markets: max_markets must be a whole number");
  ADD ("objective", small_scenario (", \"objective\": \"max\"", ""), -1, INVALID, "$.objective: objective must be max_value or min_cost, not “max”");
  ADD ("currency", small_scenario (", \"currency\": \"EURO\"", ""), -1, INVALID, "$.currency: currency must be three letters");
  ADD ("blank name", g_strconcat (header, "\"name\": \" \", \"budget\": 1, \"markets\": []}", NULL), -1, INVALID,
       "$.name: name must not be blank");
  ADD ("unknown key", small_scenario (", \"colour\": \"red\"", ""), -1, INVALID, "$.colour: unknown key “colour”");
  ADD ("odd unknown key", small_scenario (", \"a.b\\\"c\": 1", ""), -1, INVALID, "$[\"a.b\\\"c\"]: unknown key “a.b\"c”");
  ADD ("unknown market key", small_scenario ("", ", \"alpah\": 1"), -1, INVALID, "$.markets[2].alpah: unknown key “alpah”");
  ADD ("duplicate key", small_scenario ("", ", \"promote\": 6"), -1, INVALID, "$.markets[2].promote: the key “promote” is given twice");
  ADD ("lock", small_scenario ("", ", \"lock\": \"maybe\""), -1, INVALID, "$.markets[2].lock: lock must be auto, enter or exclude, not “maybe”");
  ADD ("code", small_scenario ("", ", \"code\": \"CHL\""), -1, INVALID, "$.markets[2].code: code must be empty or two letters");
  ADD ("uncertainty key", small_scenario ("", ", \"uncertainty\": {\"colour\": [0.9, 1.1]}"), -1, INVALID,
       "$.markets[2].uncertainty.colour: unknown key “colour”: not a market parameter");
  ADD ("uncertainty shape", small_scenario ("", ", \"uncertainty\": {\"promote\": [0.9]}"), -1, INVALID,
       "$.markets[2].uncertainty.promote: expected [low, high]");
  ADD ("uncertainty text", small_scenario ("", ", \"uncertainty\": {\"promote\": [0.9, \"1.1\"]}"), -1, INVALID,
       "$.markets[2].uncertainty.promote: expected a number, not text");
  ADD ("uncertainty range", small_scenario ("", ", \"uncertainty\": {\"promote\": [1.2, 1.4]}"), -1, INVALID,
       "$.markets[2].uncertainty.promote: the low multiplier must be between 0 and 1, not 1.2");
  ADD ("uncertainty array", small_scenario ("", ", \"uncertainty\": [0.9, 1.1]"), -1, INVALID,
       "$.markets[2].uncertainty: expected an object, not an array");
  ADD ("blank market name", g_strconcat (header, "\"name\": \"x\", \"budget\": 1, \"markets\": [{\"name\": \"\"}]}", NULL),
       -1, INVALID, "$.markets[0].name: name must not be blank");
  ADD ("markets object", g_strconcat (header, "\"name\": \"x\", \"budget\": 1, \"markets\": {}}", NULL), -1, INVALID,
       "$.markets: expected an array, not an object");
  ADD ("market number", g_strconcat (header, "\"name\": \"x\", \"budget\": 1, \"markets\": [1]}", NULL), -1, INVALID,
       "$.markets[0]: expected an object, not a number");
  ADD ("market without name", g_strconcat (header, "\"name\": \"x\", \"budget\": 1, \"markets\": [{}]}", NULL), -1, INVALID,
       "$.markets[0]: the key “name” is missing");
  ADD ("no markets", g_strconcat (header, "\"name\": \"x\", \"budget\": 1}", NULL), -1, INVALID, "$: the key “markets” is missing");
  ADD ("no name", g_strconcat (header, "\"budget\": 1, \"markets\": []}", NULL), -1, INVALID, "$: the key “name” is missing");
  ADD ("no budget", g_strconcat (header, "\"name\": \"x\", \"markets\": []}", NULL), -1, INVALID,
       "$.budget: a budget is required when the objective is max_value");
  ADD ("null budget", g_strconcat (header, "\"name\": \"x\", \"budget\": null, \"markets\": []}", NULL), -1, INVALID,
       "$.budget: a budget is required");
  ADD ("no target", g_strconcat (header, "\"name\": \"x\", \"objective\": \"min_cost\", \"budget\": 5, \"markets\": []}", NULL),
       -1, INVALID, "$.target_value: a target_value is required when the objective is min_cost");
  ADD ("NUL escape", small_scenario ("", ", \"code\": \"C\\u0000L\""), -1, INVALID, "U+0000");
  ADD ("lone surrogate", small_scenario ("", ", \"code\": \"\\ud800\""), -1, INVALID, "lone UTF-16 surrogate");
  ADD ("bad escape", small_scenario ("", ", \"code\": \"\\x41\""), -1, INVALID, "unknown escape");
  ADD ("raw tab", small_scenario ("", ", \"code\": \"a\tb\""), -1, INVALID, "control character");
  ADD ("open string", g_strdup ("{\"format\": \"expans"), -1, INVALID, "line 1, column 19: the input ends too early");
  ADD ("deep arrays", repeat ("[", 100000), -1, TOO_LARGE, "line 1, column 65: nested deeper than 64 levels");
  ADD ("deep objects", repeat ("{\"a\":", 100000), -1, TOO_LARGE, "nested deeper than 64 levels");
  ADD ("64 levels", nested (63), -1, INVALID, "$.deep: unknown key");
  ADD ("65 levels", nested (64), -1, TOO_LARGE, "nested deeper than 64 levels");
  ADD ("too many markets", too_many_markets (), -1, TOO_LARGE, "$.markets: 20001 markets, more than the limit of 20000");
#undef ADD

  return cases;
}

static void
test_json_bad_input (void)
{
  g_autoptr(GArray) cases = bad_inputs ();

  for (guint i = 0; i < cases->len; i++)
    {
      BadInput *c = &g_array_index (cases, BadInput, i);
      gsize length = c->length < 0 ? strlen (c->data) : (gsize) c->length;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(LfScenario) scenario = NULL;

      scenario = lf_scenario_json_read_data (c->data, length, problems, &error);
      g_test_message ("%s: %s", c->what, error ? error->message : "(accepted)");
      g_assert_null (scenario);
      g_assert_error (error, LF_FORMAT_ERROR, c->code);
      g_assert_cmpuint (problems->len, >=, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, error->message);
      g_assert_nonnull (strstr (error->message, c->message));

      /* Without a problems array the first problem is the same. */
      g_clear_error (&error);
      g_assert_null (lf_scenario_json_read_data (c->data, length, NULL, &error));
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, error->message);
      g_assert_null (lf_scenario_json_read_data (c->data, length, NULL, NULL));
      g_free (c->data);
    }
}

static void
test_json_too_large (void)
{
  gsize length = 64 * 1024 * 1024 + 1;
  g_autofree char *data = g_malloc0 (length);
  g_autoptr(GError) error = NULL;

  g_assert_null (lf_scenario_json_read_data (data, length, NULL, &error));
  g_assert_error (error, LF_FORMAT_ERROR, LF_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64"));
}

static void
test_json_every_problem (void)
{
  g_autofree char *text = small_scenario (", \"risk_cap\": -1, \"colour\": 1",
                                          ", \"p_max\": 2, \"beta\": -3, \"uncertainty\": {\"risk\": [2, 3]}");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  static const char *expected[] = {
    "$.risk_cap: risk_cap must be 0 or more, not -1",
    "$.colour: unknown key “colour”",
    "$.markets[2].p_max: p_max must be at most 1, not 2",
    "$.markets[2].beta: beta must be 0 or more, not -3",
    "$.markets[2].uncertainty.risk: the low multiplier must be between 0 and 1, not 2",
  };

  g_ptr_array_add (problems, g_strdup ("kept"));
  g_assert_null (read_text (text, problems, &error));
  g_assert_cmpstr (error->message, ==, expected[0]);
  g_assert_cmpuint (problems->len, ==, 1 + G_N_ELEMENTS (expected));
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "kept");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (problems, i + 1), ==, expected[i]);
}

static void
test_json_duplicate_names (void)
{
  g_autofree char *text = small_scenario ("", ", \"uncertainty\": {}}, {\"name\": \"CHINA\"}, {\"name\": \"japan\"");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_null (read_text (text, problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "$.markets[3].name: the name “CHINA” is already taken by $.markets[0] (names ignore case)");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==,
                   "$.markets[4].name: the name “japan” is already taken by $.markets[1] (names ignore case)");
}

static void
test_json_problem_limit (void)
{
  GString *text = g_string_new ("{\"format\": \"expansion-scenario\", \"version\": 1, \"name\": \"x\","
                                " \"budget\": 1, \"markets\": [");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "%s{\"name\": \"M%u\", \"alpha\": -1}", i ? "," : "", i);
  g_string_append (text, "]}");
  data = g_string_free (text, FALSE);

  g_assert_null (read_text (data, problems, NULL));
  g_assert_cmpuint (problems->len, ==, 101);
  g_assert_cmpstr (g_ptr_array_index (problems, 100), ==,
                   "$.markets[100].alpha: more than 100 problems, the rest are not listed");
}

static void
test_json_file_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-huge-XXXXXX", NULL);
  g_autoptr(GFile) file = lf_test_create_huge_file (dir, "huge.json");
  g_autoptr(GError) error = NULL;

  g_assert_null (lf_scenario_json_read_file (file, NULL, &error));
  g_assert_error (error, LF_FORMAT_ERROR, LF_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "67108865 bytes"));
  g_assert_nonnull (strstr (error->message, "MiB"));
  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

/* The bulk append the reader uses: one table of names, one signal, nothing
 * added on a clash. */
static void
test_json_append_markets (void)
{
  g_autoptr(LfScenario) scenario = lf_scenario_new ("Bulk");
  g_autoptr(GPtrArray) markets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) clash = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_signal_connect (scenario, "items-changed", G_CALLBACK (on_items_changed_cb), log);
  g_ptr_array_add (markets, lf_market_new ("Peru"));
  g_ptr_array_add (markets, lf_market_new ("Chile"));
  g_assert_true (lf_scenario_append_markets (scenario, markets, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 2);
  g_assert_cmpstr (log->str, ==, "0-0+2;");

  g_ptr_array_add (clash, lf_market_new ("Bolivia"));
  g_ptr_array_add (clash, lf_market_new ("PERU"));
  g_assert_false (lf_scenario_append_markets (scenario, clash, &error));
  g_assert_error (error, LF_RULES_ERROR, LF_RULES_ERROR_INVALID);
  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, 2);
  g_assert_cmpstr (log->str, ==, "0-0+2;");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/example/china", test_json_example_china);
  g_test_add_func ("/json/example/min-cost", test_json_example_min_cost);
  g_test_add_func ("/json/example/infeasible", test_json_example_infeasible);
  g_test_add_func ("/json/round-trip/examples", test_json_round_trip_examples);
  g_test_add_func ("/json/round-trip/numbers", test_json_round_trip_numbers);
  g_test_add_func ("/json/write/keys", test_json_write_keys);
  g_test_add_func ("/json/write/empty", test_json_write_empty);
  g_test_add_func ("/json/write/locale", test_json_write_locale);
  g_test_add_func ("/json/file", test_json_file);
  g_test_add_func ("/json/read/lenient", test_json_lenient_where_rfc_allows);
  g_test_add_func ("/json/read/bad-input", test_json_bad_input);
  g_test_add_func ("/json/read/too-large", test_json_too_large);
  g_test_add_func ("/json/read/every-problem", test_json_every_problem);
  g_test_add_func ("/json/read/duplicate-names", test_json_duplicate_names);
  g_test_add_func ("/json/read/problem-limit", test_json_problem_limit);

  g_test_add_func ("/json/file/too-large", test_json_file_too_large);

  g_test_add_func ("/json/scenario/append-markets", test_json_append_markets);

  return g_test_run ();
}
