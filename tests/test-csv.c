/* test-csv.c: the market table CSV of formats.md, read, written, refused */

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lf-market-csv.h"
#include "lf-test-examples.h"

static char *
example_path (const char *name)
{
  const char *dir = g_getenv ("LANDFALL_EXAMPLES_DIR");

  g_assert_nonnull (dir);

  return g_build_filename (dir, name, NULL);
}

static GPtrArray *
read_text (const char *text,
           GPtrArray  *problems,
           GError    **error)
{
  return lf_market_csv_read_data (text, strlen (text), problems, error);
}

static GPtrArray *
read_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *markets = read_text (text, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (markets);

  return markets;
}

static LfScenario *
scenario_of (GPtrArray *markets)
{
  g_autoptr(LfScenario) scenario = lf_scenario_new ("Table");

  for (guint i = 0; i < markets->len; i++)
    g_assert_true (lf_scenario_append_market (scenario, g_ptr_array_index (markets, i), NULL));

  return g_steal_pointer (&scenario);
}

static GPtrArray *
read_example_table (void)
{
  g_autofree char *path = example_path ("customer-service-markets.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GPtrArray *markets = lf_market_csv_read_file (file, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (markets);
  g_assert_cmpuint (problems->len, ==, 0);

  return markets;
}

static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
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
assert_same_markets (GPtrArray  *markets,
                     LfScenario *scenario)
{
  g_assert_cmpuint (markets->len, ==, lf_scenario_get_n_markets (scenario));
  for (guint i = 0; i < markets->len; i++)
    assert_same_market (g_ptr_array_index (markets, i), lf_scenario_get_market (scenario, i));
}

static void
test_csv_example (void)
{
  g_autoptr(GPtrArray) markets = read_example_table ();
  LfMarket *china, *japan, *singapore;
  double lo, hi;

  g_assert_cmpuint (markets->len, ==, 7);
  china = g_ptr_array_index (markets, 0);
  g_assert_cmpstr (lf_market_get_name (china), ==, "China");
  g_assert_cmpstr (lf_market_get_code (china), ==, "CN");
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_PROMOTE), ==, 9000000);
  g_assert_cmpfloat (lf_market_get_param (china, LF_PARAM_RISK), ==, 2.2);
  g_assert_true (lf_market_get_range (china, LF_PARAM_ALPHA, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 0.7);
  g_assert_cmpfloat (hi, ==, 1.2);
  g_assert_false (lf_market_get_range (china, LF_PARAM_CULTURE, NULL, NULL));

  japan = g_ptr_array_index (markets, 1);
  g_assert_true (lf_market_get_range (japan, LF_PARAM_CULTURE, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 0.8);
  g_assert_cmpfloat (hi, ==, 1.5);

  singapore = g_ptr_array_index (markets, 6);
  g_assert_cmpstr (lf_market_get_name (singapore), ==, "Singapore");
  g_assert_cmpint (lf_market_get_lock (singapore), ==, LF_LOCK_ENTER);
}

/* The table holds the markets of the JSON example, value for value. */
static void
test_csv_example_matches_json (void)
{
  g_autofree char *path = example_path ("china-customer-service.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) markets = read_example_table ();
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  scenario = lf_scenario_json_read_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_same_markets (markets, scenario);
}

static void
assert_round_trip (LfScenario *scenario)
{
  g_autoptr(GPtrArray) markets = NULL;
  g_autoptr(LfScenario) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length;

  text = lf_market_csv_write_data (scenario, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  markets = read_ok (text);
  assert_same_markets (markets, scenario);

  again = scenario_of (markets);
  text_again = lf_market_csv_write_data (again, NULL);
  g_assert_cmpstr (text, ==, text_again);
}

static LfScenario *
awkward_scenario (void)
{
  static const char *names[] = {
    "Plain", "Comma, Inc.", "Say \"hi\"", "Two\nlines", "CR\r\nLF", " spaced ", "市场 ünïcödé", "\"",
  };
  static const double awkward[] = {
    0.1, 1.0 / 3, 1e-300, 4.9406564584124654e-324, 1.7976931348623157e308, 123456789012345678.0,
    0.30000000000000004, 5000000,
  };
  g_autoptr(LfScenario) scenario = lf_scenario_new ("Awkward");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LfMarket) market = lf_market_new (names[i]);

      g_assert_true (lf_market_set_param (market, LF_PARAM_GAMMA, awkward[i], NULL));
      g_assert_true (lf_market_set_param (market, LF_PARAM_Q_MAX, 1.0 / (i + 2), NULL));
      if (i % 2)
        g_assert_true (lf_market_set_range (market, LF_PARAM_HEADCOUNT_FIXED, 1.0 / (i + 2), 1 + 1.0 / (i + 7), NULL));
      lf_market_set_lock (market, i % 3);
      g_assert_true (lf_scenario_append_market (scenario, market, NULL));
    }

  return g_steal_pointer (&scenario);
}

static void
test_csv_round_trip (void)
{
  g_autofree char *path = example_path ("china-customer-service.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LfScenario) example = lf_scenario_json_read_file (file, NULL, NULL);
  g_autoptr(LfScenario) awkward = awkward_scenario ();
  g_autoptr(LfScenario) empty = lf_scenario_new ("Empty");

  g_assert_nonnull (example);
  assert_round_trip (example);
  assert_round_trip (awkward);
  assert_round_trip (empty);
}

static void
test_csv_write_format (void)
{
  g_autoptr(LfScenario) scenario = awkward_scenario ();
  g_autofree char *text = lf_market_csv_write_data (scenario, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==,
                   "name,code,alpha,beta,p_max,p_min,q_max,promote,gamma,localise,culture,legal_fixed,"
                   "legal_p,legal_q,risk,headcount,headcount_fixed,lock,alpha_lo,alpha_hi,beta_lo,beta_hi,"
                   "p_max_lo,p_max_hi,p_min_lo,p_min_hi,q_max_lo,q_max_hi,promote_lo,promote_hi,gamma_lo,"
                   "gamma_hi,localise_lo,localise_hi,culture_lo,culture_hi,legal_fixed_lo,legal_fixed_hi,"
                   "legal_p_lo,legal_p_hi,legal_q_lo,legal_q_hi,risk_lo,risk_hi,headcount_lo,headcount_hi,"
                   "headcount_fixed_lo,headcount_fixed_hi");
  g_assert_cmpstr (lines[1], ==, "Plain,,1,0,1,0,0.5,0,0.1,0,0,0,0,0,0,0,0,auto,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,");
  g_assert_true (g_str_has_prefix (lines[2], "\"Comma, Inc.\",,1,0,1,0,0.3333333333333333,0,0.3333333333333333,"));
  g_assert_true (g_str_has_suffix (lines[2], ",enter,,,,,,,,,,,,,,,,,,,,,,,,,,,,,0.3333333333333333,1.125"));
  g_assert_true (g_str_has_prefix (lines[3], "\"Say \"\"hi\"\"\","));
  g_assert_true (g_str_has_prefix (lines[4], "\"Two\nlines\","));
  g_assert_true (g_str_has_prefix (lines[5], "\"CR"));
  g_assert_true (g_str_has_prefix (lines[6], "LF\","));
  g_assert_true (g_str_has_prefix (lines[7], " spaced ,"));
  g_assert_true (g_str_has_prefix (lines[9], "\"\"\"\","));
  g_assert_true (strstr (lines[9], ",5000000,") != NULL);
  g_assert_cmpstr (lines[10], ==, "");
  g_assert_null (lines[11]);
}

/* Spreadsheets and editors write these; all are the same table. */
static void
test_csv_read_dialects (void)
{
  static const char *tables[] = {
    "name,alpha,promote_lo,promote_hi\nA,2,0.5,1.5\n\"B, b\",3,,\n",
    "name,alpha,promote_lo,promote_hi\r\nA,2,0.5,1.5\r\n\"B, b\",3,,\r\n",
    "name,alpha,promote_lo,promote_hi\rA,2,0.5,1.5\r\"B, b\",3,,",
    "\xEF\xBB\xBFname,alpha,promote_lo,promote_hi\nA,2,0.5,1.5\n\"B, b\",3,,",
    "\n\nname,alpha,promote_lo,promote_hi\n\nA,2,0.5,1.5\r\n\r\n\"B, b\",3,\"\",\n\n",
    "promote_hi,\"alpha\",name,promote_lo\n1.5, 2 ,\"A\",.5\n,3e0,\"B, b\",\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GPtrArray) markets = read_ok (tables[i]);
      LfMarket *a, *b;
      double lo, hi;

      g_test_message ("table %u", i);
      g_assert_cmpuint (markets->len, ==, 2);
      a = g_ptr_array_index (markets, 0);
      b = g_ptr_array_index (markets, 1);
      g_assert_cmpstr (lf_market_get_name (a), ==, "A");
      g_assert_cmpstr (lf_market_get_name (b), ==, "B, b");
      g_assert_cmpfloat (lf_market_get_param (a, LF_PARAM_ALPHA), ==, 2);
      g_assert_cmpfloat (lf_market_get_param (b, LF_PARAM_ALPHA), ==, 3);
      g_assert_cmpfloat (lf_market_get_param (b, LF_PARAM_P_MAX), ==, 1);
      g_assert_true (lf_market_get_range (a, LF_PARAM_PROMOTE, &lo, &hi));
      g_assert_cmpfloat (lo, ==, 0.5);
      g_assert_cmpfloat (hi, ==, 1.5);
      g_assert_false (lf_market_get_range (b, LF_PARAM_PROMOTE, NULL, NULL));
    }
}

static void
test_csv_read_defaults (void)
{
  g_autoptr(GPtrArray) markets = read_ok ("name\n\"Quoted\nnewline \"\"name\"\"\"\nPlain");
  g_autoptr(GPtrArray) none = read_ok ("name,alpha\r\n");
  g_autoptr(LfMarket) fresh = lf_market_new ("Plain");

  g_assert_cmpuint (markets->len, ==, 2);
  g_assert_cmpstr (lf_market_get_name (g_ptr_array_index (markets, 0)), ==, "Quoted\nnewline \"name\"");
  assert_same_market (g_ptr_array_index (markets, 1), fresh);
  g_assert_cmpuint (none->len, ==, 0);
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
garbage (gsize length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  char *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = (char) g_rand_int_range (rand, 0, 256);

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
  static const char nul[] = "name\nA\0B\n";
  BadInput c;

#define ADD(w, d, k, m) (c = (BadInput) { w, g_strdup (d), -1, LF_FORMAT_ERROR_##k, m }, g_array_append_val (cases, c))
  ADD ("empty", "", INVALID, "row 1: the table is empty");
  ADD ("blank lines", "\n\r\n\n", INVALID, "row 1: the table is empty");
  ADD ("no name column", "alpha,beta\n1,2\n", INVALID, "row 1: the header has no “name” column");
  ADD ("unknown column", "name,colour\nChina,red\n", INVALID, "row 1, column colour: unknown column “colour”");
  ADD ("unknown range", "name,colour_lo,colour_hi\nChina,1,1\n", INVALID, "row 1, column colour_lo: unknown column “colour_lo”");
  ADD ("uncertainty column", "name,uncertainty\n", INVALID, "row 1, column uncertainty: unknown column");
  ADD ("duplicate column", "name,alpha,alpha\nChina,1,2\n", INVALID, "row 1, column alpha: the column “alpha” is given twice");
  ADD ("untitled column", "name,,alpha\n", INVALID, "row 1, column 2: a column without a name");
  ADD ("half pair", "name,promote_lo\nChina,0.9\n", INVALID,
       "row 1, column promote_lo: the column promote_hi is missing; the low and high multipliers come together");
  ADD ("not a number", "name,alpha\nChina,abc\n", INVALID,
       "row 2, column alpha: “abc” is not a number (write it with a “.” for the decimal mark)");
  ADD ("decimal comma", "name,alpha\nChina,\"1,5\"\n", INVALID, "row 2, column alpha: “1,5” is not a number");
  ADD ("trailing text", "name,alpha\nChina,1.5x\n", INVALID, "row 2, column alpha: “1.5x” is not a number");
  ADD ("two numbers", "name,alpha\nChina,1 2\n", INVALID, "row 2, column alpha: “1 2” is not a number");
  ADD ("hex", "name,alpha\nChina,0x10\n", INVALID, "row 2, column alpha: “0x10” is not a number");
  ADD ("nan", "name,alpha\nChina,nan\n", INVALID, "row 2, column alpha: “nan” is not a number");
  ADD ("inf", "name,alpha\nChina,inf\n", INVALID, "row 2, column alpha: “inf” is not a number");
  ADD ("huge", "name,alpha\nChina,1e999\n", INVALID, "row 2, column alpha: alpha must be a finite number");
  ADD ("out of range", "name,p_max\nChina,2\n", INVALID, "row 2, column p_max: p_max must be at most 1, not 2");
  ADD ("negative", "name,code,alpha\nA,,1\nB,,-1\n", INVALID, "row 3, column alpha: alpha must be 0 or more, not -1");
  ADD ("reach", "name,p_min,p_max\nA,0.5,0.4\n", INVALID, "row 2, column p_min: p_min (0.5) must not exceed p_max (0.4)");
  ADD ("duplicate name", "name\nChina\nchina\n", INVALID,
       "row 3, column name: the name “china” is already taken by row 2 (names ignore case)");
  ADD ("rows count empty lines", "name\n\nChina\r\n\r\nCHINA\n", INVALID,
       "row 5, column name: the name “CHINA” is already taken by row 3");
  ADD ("rows ignore quoted breaks", "name,alpha\n\"A\nB\",1\nC,x\n", INVALID, "row 3, column alpha: “x” is not a number");
  ADD ("short row", "name,alpha,beta\nChina,1\n", INVALID, "row 2, column beta: the row has 2 fields, the header 3");
  ADD ("long row", "name,alpha\nChina,1,2\n", INVALID, "row 2, column 3: the row has 3 fields, the header 2");
  ADD ("open quote", "name,alpha\n\"China,1\n", INVALID, "row 2, column name: a quoted field is never closed");
  ADD ("text after quote", "name,alpha\n\"Ch\"ina,1\n", INVALID, "row 2, column name: text after the closing quote");
  ADD ("quote inside", "name,alpha\nCh\"ina,1\n", INVALID, "row 2, column name: a quote inside a field");
  ADD ("latin-1", "name,alpha\nMal\xE9,1\n", INVALID, "row 2, column name: the text is not UTF-8");
  ADD ("latin-1 header", "n\xE4me\n", INVALID, "row 1, column 1: the text is not UTF-8");
  ADD ("half range", "name,promote_lo,promote_hi\nA,0.9,\n", INVALID,
       "row 2, column promote_hi: give both the low and the high multiplier, or leave both empty");
  ADD ("low too high", "name,promote_lo,promote_hi\nA,1.2,1.5\n", INVALID,
       "row 2, column promote_lo: the low multiplier must be between 0 and 1, not 1.2");
  ADD ("high too low", "name,promote_hi,promote_lo\nA,0.95,0.9\n", INVALID,
       "row 2, column promote_hi: the high multiplier must be 1 or more, not 0.95");
  ADD ("range not a number", "name,promote_lo,promote_hi\nA,low,1.5\n", INVALID, "row 2, column promote_lo: “low” is not a number");
  ADD ("lock", "name,lock\nA,maybe\n", INVALID, "row 2, column lock: lock must be auto, enter or exclude, not “maybe”");
  ADD ("code", "name,code\nA,CHN\n", INVALID, "row 2, column code: code must be empty or two letters");
  ADD ("blank name", "name,alpha\n,1\n", INVALID, "row 2, column name: name must not be blank");
#undef ADD
  c = (BadInput) { "NUL byte", g_memdup2 (nul, sizeof nul - 1), sizeof nul - 1, LF_FORMAT_ERROR_INVALID,
                   "row 2, column name: the text contains a NUL byte" };
  g_array_append_val (cases, c);
  c = (BadInput) { "garbage", garbage (4096), 4096, LF_FORMAT_ERROR_INVALID, "row " };
  g_array_append_val (cases, c);
  c = (BadInput) { "too many", many_markets (LF_MAX_MARKETS + 1), -1, LF_FORMAT_ERROR_TOO_LARGE,
                   "row 20002, column name: more than 20000 markets" };
  g_array_append_val (cases, c);

  return cases;
}

static void
test_csv_bad_input (void)
{
  g_autoptr(GArray) cases = bad_inputs ();

  for (guint i = 0; i < cases->len; i++)
    {
      BadInput *c = &g_array_index (cases, BadInput, i);
      gsize length = c->length < 0 ? strlen (c->data) : (gsize) c->length;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) markets = NULL;
      g_autoptr(GError) error = NULL;

      markets = lf_market_csv_read_data (c->data, length, problems, &error);
      g_test_message ("%s: %s", c->what, error ? error->message : "(accepted)");
      g_assert_null (markets);
      g_assert_error (error, LF_FORMAT_ERROR, c->code);
      g_assert_cmpuint (problems->len, >=, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, error->message);
      g_assert_true (g_str_has_prefix (error->message, c->message));
      g_assert_null (lf_market_csv_read_data (c->data, length, NULL, NULL));
      g_free (c->data);
    }
}

static void
test_csv_every_problem (void)
{
  const char *text = "name,alpha,p_max,lock,risk_lo,risk_hi\r\n"
                     "A,-1,2,auto,,\r\n"
                     "B,1,0.5,auto,,\r\n"
                     "b,x,1,never,2,\r\n"
                     "C,1\r\n";
  static const char *expected[] = {
    "row 2, column alpha: alpha must be 0 or more, not -1",
    "row 2, column p_max: p_max must be at most 1, not 2",
    "row 4, column alpha: “x” is not a number (write it with a “.” for the decimal mark)",
    "row 4, column lock: lock must be auto, enter or exclude, not “never”",
    "row 4, column risk_hi: give both the low and the high multiplier, or leave both empty",
    "row 4, column name: the name “b” is already taken by row 3 (names ignore case)",
    "row 5, column p_max: the row has 2 fields, the header 6",
  };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_null (read_text (text, problems, &error));
  g_assert_cmpstr (error->message, ==, expected[0]);
  for (guint i = 0; i < MIN (problems->len, G_N_ELEMENTS (expected)); i++)
    g_assert_cmpstr (g_ptr_array_index (problems, i), ==, expected[i]);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
}

static void
test_csv_problem_limit (void)
{
  g_autofree char *table = many_markets (300);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  char *one;

  /* Every alpha of 1 becomes a bad number. */
  while ((one = strstr (table, ",1\n")) != NULL)
    one[1] = 'x';

  g_assert_null (read_text (table, problems, NULL));
  g_assert_cmpuint (problems->len, ==, 101);
  g_assert_cmpstr (g_ptr_array_index (problems, 100), ==,
                   "row 102, column alpha: more than 100 problems, the rest are not listed");
}

static void
test_csv_too_large (void)
{
  gsize length = 64 * 1024 * 1024 + 1;
  g_autofree char *data = g_malloc0 (length);
  g_autoptr(GError) error = NULL;

  g_assert_null (lf_market_csv_read_data (data, length, NULL, &error));
  g_assert_error (error, LF_FORMAT_ERROR, LF_FORMAT_ERROR_TOO_LARGE);
}

static void
test_csv_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "markets.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LfScenario) scenario = awkward_scenario ();
  g_autoptr(GPtrArray) markets = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "name\nOld\n", -1, NULL));
  g_assert_true (lf_market_csv_write_file (scenario, file, &error));
  g_assert_no_error (error);
  markets = lf_market_csv_read_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_same_markets (markets, scenario);
  g_assert_cmpint (g_remove (path), ==, 0);

  g_clear_pointer (&markets, g_ptr_array_unref);
  markets = lf_market_csv_read_file (file, NULL, &error);
  g_assert_null (markets);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_csv_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(LfScenario) scenario = awkward_scenario ();
  g_autoptr(GPtrArray) markets = NULL;
  g_autofree char *text = lf_market_csv_write_data (scenario, NULL);
  g_autofree char *german_text = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  german_text = lf_market_csv_write_data (scenario, NULL);
  markets = lf_market_csv_read_data (german_text, strlen (german_text), NULL, NULL);
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (german_text, ==, text);
  g_assert_nonnull (markets);
  assert_same_markets (markets, scenario);
}

static void
test_csv_file_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-huge-XXXXXX", NULL);
  g_autoptr(GFile) file = lf_test_create_huge_file (dir, "huge.csv");
  g_autoptr(GError) error = NULL;

  g_assert_null (lf_market_csv_read_file (file, NULL, &error));
  g_assert_error (error, LF_FORMAT_ERROR, LF_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "67108865 bytes"));
  g_assert_nonnull (strstr (error->message, "MiB"));
  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/example", test_csv_example);
  g_test_add_func ("/csv/example/matches-json", test_csv_example_matches_json);
  g_test_add_func ("/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/csv/write/format", test_csv_write_format);
  g_test_add_func ("/csv/write/locale", test_csv_locale);
  g_test_add_func ("/csv/read/dialects", test_csv_read_dialects);
  g_test_add_func ("/csv/read/defaults", test_csv_read_defaults);
  g_test_add_func ("/csv/read/bad-input", test_csv_bad_input);
  g_test_add_func ("/csv/read/every-problem", test_csv_every_problem);
  g_test_add_func ("/csv/read/problem-limit", test_csv_problem_limit);
  g_test_add_func ("/csv/read/too-large", test_csv_too_large);
  g_test_add_func ("/csv/file", test_csv_file);

  g_test_add_func ("/csv/file/too-large", test_csv_file_too_large);

  return g_test_run ();
}
