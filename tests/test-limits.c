/* test-limits.c: what hostile input may cost (issue 9)
 *
 * A file that came by e-mail may be built to exhaust the reader: a
 * scenario of 100 000 markets, a 100 MB table, a name of a million
 * characters, JSON nested a million deep. Each must be handled within
 * seconds and bounded memory, or refused with a message that names the
 * limit it broke, so that the user knows what to change.
 */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "lf-market-csv.h"
#include "lf-rules.h"

/* Processor time, not wall time, so that a loaded machine does not fail
 * the test; generous, so that a sanitized build passes. A reader that is
 * quadratic in its input takes minutes here, not seconds. */
#if defined(__SANITIZE_ADDRESS__)
#define LF_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LF_TEST_SANITIZED 1
#endif
#endif

#ifdef LF_TEST_SANITIZED
/* AddressSanitizer makes each allocation several times dearer. */
#define MAX_SECONDS 30.0
#else
#define MAX_SECONDS 10.0
#endif
/* Peak memory a single refusal may add, over what the input itself takes. */
#define MAX_EXTRA_MIB 768

#define MILLION 1000000

typedef struct
{
  double start_cpu;
  glong  start_rss_kib;
} Cost;

static double
cpu_seconds (void)
{
  struct timespec now;

  g_assert_cmpint (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now), ==, 0);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static glong
peak_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

static void
cost_start (Cost *cost)
{
  cost->start_rss_kib = peak_rss_kib ();
  cost->start_cpu = cpu_seconds ();
}

/* The peak resident size only grows, so what it grew by during the read is
 * an upper bound of what the read took beyond the memory already in use. */
static void
cost_check (const Cost *cost,
            const char *what)
{
  double seconds = cpu_seconds () - cost->start_cpu;
  glong extra_mib = (peak_rss_kib () - cost->start_rss_kib) / 1024;

  g_test_message ("%s: %.2f s of processor time, peak memory +%ld MiB", what, seconds, extra_mib);
  g_assert_cmpfloat (seconds, <, MAX_SECONDS);
  g_assert_cmpint (extra_mib, <, MAX_EXTRA_MIB);
}

/* The refusal carries a message with @limit in it, and the first problem of
 * the list is the same message. */
static void
assert_refused (GError     *error,
                GPtrArray  *problems,
                int         code,
                const char *limit)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, LF_FORMAT_ERROR, code);
  g_assert_nonnull (strstr (error->message, limit));
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, error->message);
}

static char *
limit_text (int limit)
{
  return g_strdup_printf ("%d", limit);
}

/* -------------------------------------------------------------- markets */

static const char json_head[] =
  "{\"format\": \"expansion-scenario\", \"version\": 1, \"name\": \"Many\", \"budget\": 1e9, \"markets\": [";

static const char full_market[] =
  "{\"name\": \"Market %u\", \"code\": \"%c%c\", \"alpha\": 2.5, \"beta\": 1.5, "
  "\"p_max\": 0.3, \"p_min\": 0.02, \"q_max\": 0.9, \"promote\": 4000000, "
  "\"gamma\": 500000, \"localise\": 300000, \"culture\": 900000, "
  "\"legal_fixed\": 200000, \"legal_p\": 400000, \"legal_q\": 50000, "
  "\"risk\": 0.9, \"headcount\": 60, \"headcount_fixed\": 4, \"lock\": \"auto\", "
  "\"uncertainty\": {\"promote\": [0.8, 1.3]}}";

static char *
json_with_markets (guint    n,
                   gboolean full,
                   gsize   *length)
{
  GString *json = g_string_sized_new (full ? n * 420 : n * 24);

  g_string_append (json, json_head);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      if (full)
        g_string_append_printf (json, full_market, i, 'A' + i % 26, 'A' + i / 26 % 26);
      else
        g_string_append_printf (json, "{\"name\": \"Market %u\"}", i);
    }
  g_string_append (json, "]}");

  *length = json->len;
  return g_string_free (json, FALSE);
}

/* 100 000 markets of a name each: the market limit, named. */
static void
test_json_markets_names (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = limit_text (LF_MAX_MARKETS);
  g_autofree char *json = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  gsize length;
  Cost cost;

  json = json_with_markets (100000, FALSE, &length);
  cost_start (&cost);
  scenario = lf_scenario_json_read_data (json, length, problems, &error);
  cost_check (&cost, "100 000 markets with a name");

  g_assert_null (scenario);
  assert_refused (error, problems, LF_FORMAT_ERROR_TOO_LARGE, limit);
  g_assert_nonnull (strstr (error->message, "$.markets"));
}

/* 100 000 markets with every key (41 MB, under the size limit): refused
 * by a limit, named, before the whole tree costs its full size. */
static void
test_json_markets_full (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  gsize length;
  Cost cost;

  json = json_with_markets (100000, TRUE, &length);
  g_assert_cmpuint (length, >, 32 * 1024 * 1024);
  cost_start (&cost);
  scenario = lf_scenario_json_read_data (json, length, problems, &error);
  cost_check (&cost, "100 000 markets with every key");

  g_assert_null (scenario);
  g_assert_error (error, LF_FORMAT_ERROR, LF_FORMAT_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (strstr (error->message, "limit") != NULL ||
                 strstr (error->message, "more than") != NULL);
}

/* The largest scenario allowed is read, whole, within seconds. */
static void
test_json_markets_at_limit (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *written = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  gsize length;
  gsize written_length;
  Cost cost;

  json = json_with_markets (LF_MAX_MARKETS, TRUE, &length);
  cost_start (&cost);
  scenario = lf_scenario_json_read_data (json, length, problems, &error);
  g_assert_no_error (error);
  written = lf_scenario_json_write_data (scenario, &written_length);
  cost_check (&cost, "20 000 markets read and written");

  g_assert_cmpuint (lf_scenario_get_n_markets (scenario), ==, LF_MAX_MARKETS);
  g_assert_cmpuint (written_length, >, 0);
}

/* One market more is refused. */
static void
test_json_markets_over_limit (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = limit_text (LF_MAX_MARKETS);
  g_autofree char *json = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  gsize length;

  json = json_with_markets (LF_MAX_MARKETS + 1, FALSE, &length);
  scenario = lf_scenario_json_read_data (json, length, problems, &error);
  g_assert_null (scenario);
  assert_refused (error, problems, LF_FORMAT_ERROR_TOO_LARGE, limit);
}

/* ------------------------------------------------------------------ CSV */

static const char csv_header[] =
  "name,code,alpha,beta,p_max,p_min,q_max,promote,gamma,localise,culture,"
  "legal_fixed,legal_p,legal_q,risk,headcount,headcount_fixed,lock,promote_lo,promote_hi\r\n";

static char *
csv_with_rows (gsize  min_bytes,
               guint  max_rows,
               gsize *length)
{
  GString *csv = g_string_sized_new (min_bytes + 256);

  g_string_append (csv, csv_header);
  for (guint i = 0; csv->len < min_bytes || i < max_rows; i++)
    {
      if (max_rows > 0 && i == max_rows)
        break;
      g_string_append_printf (csv, "\"Market %u, inc.\",%c%c,2.5,1.5,0.3,0.02,0.9,4000000,500000,"
                              "300000,900000,200000,400000,50000,0.9,60,4,auto,0.8,1.3\r\n", i,
                              'A' + i % 26, 'A' + i / 26 % 26);
    }

  *length = csv->len;
  return g_string_free (csv, FALSE);
}

/* 100 MB of CSV: the size limit, named, without reading a row. */
static void
test_csv_100mb (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) markets = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *limit = g_format_size_full (64 * 1024 * 1024, G_FORMAT_SIZE_IEC_UNITS);
  gsize length;
  Cost cost;

  csv = csv_with_rows (100 * 1000 * 1000, 0, &length);
  cost_start (&cost);
  markets = lf_market_csv_read_data (csv, length, problems, &error);
  cost_check (&cost, "100 MB CSV in memory");

  g_assert_null (markets);
  assert_refused (error, problems, LF_FORMAT_ERROR_TOO_LARGE, limit);
}

/* The same as a file: refused from its size, before it is loaded. */
static void
test_csv_100mb_file (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) markets = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *limit = g_format_size_full (64 * 1024 * 1024, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *path = NULL;
  int fd;
  Cost cost;

  fd = g_file_open_tmp ("landfall-limits-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (fd, csv_header, strlen (csv_header)), ==, (gssize) strlen (csv_header));
  /* A sparse file: 100 MB that cost no disk. */
  g_assert_cmpint (ftruncate (fd, 100 * 1000 * 1000), ==, 0);
  close (fd);

  file = g_file_new_for_path (path);
  cost_start (&cost);
  markets = lf_market_csv_read_file (file, problems, &error);
  cost_check (&cost, "100 MB CSV file");
  g_unlink (path);

  g_assert_null (markets);
  g_assert_error (error, LF_FORMAT_ERROR, LF_FORMAT_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, limit));
}

/* 100 000 rows (under the size limit): the market limit, named, with the
 * row where it was crossed. */
static void
test_csv_rows (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) markets = NULL;
  g_autofree char *limit = limit_text (LF_MAX_MARKETS);
  g_autofree char *row = g_strdup_printf ("row %d", LF_MAX_MARKETS + 2);
  g_autofree char *csv = NULL;
  gsize length;
  Cost cost;

  csv = csv_with_rows (0, 100000, &length);
  cost_start (&cost);
  markets = lf_market_csv_read_data (csv, length, problems, &error);
  cost_check (&cost, "100 000 CSV rows");

  g_assert_null (markets);
  assert_refused (error, problems, LF_FORMAT_ERROR_TOO_LARGE, limit);
  g_assert_nonnull (strstr (error->message, row));
}

/* The largest table allowed is read within seconds. */
static void
test_csv_rows_at_limit (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) markets = NULL;
  g_autofree char *csv = NULL;
  gsize length;
  Cost cost;

  csv = csv_with_rows (0, LF_MAX_MARKETS, &length);
  cost_start (&cost);
  markets = lf_market_csv_read_data (csv, length, problems, &error);
  cost_check (&cost, "20 000 CSV rows");

  g_assert_no_error (error);
  g_assert_cmpuint (markets->len, ==, LF_MAX_MARKETS);
}

/* ---------------------------------------------------------------- names */

static char *
long_name (void)
{
  /* Two bytes a character, so that a limit counted in bytes shows. */
  GString *name = g_string_sized_new (2 * MILLION);

  for (guint i = 0; i < MILLION; i++)
    g_string_append (name, "é");

  return g_string_free (name, FALSE);
}

static void
check_long_name_json (const char *before,
                      const char *after,
                      const char *place)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  g_autofree char *limit = limit_text (LF_MAX_NAME_CHARS);
  g_autofree char *name = long_name ();
  g_autofree char *json = NULL;
  Cost cost;

  json = g_strconcat (before, name, after, NULL);
  cost_start (&cost);
  scenario = lf_scenario_json_read_data (json, strlen (json), problems, &error);
  cost_check (&cost, place);

  g_assert_null (scenario);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, LF_FORMAT_ERROR, LF_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, place));
  g_assert_nonnull (strstr (error->message, limit));
  /* The message names the limit; it does not repeat the megabyte. */
  g_assert_cmpuint (strlen (error->message), <, 1000);
}

static void
test_name_json_scenario (void)
{
  check_long_name_json ("{\"format\": \"expansion-scenario\", \"version\": 1, \"budget\": 1, \"name\": \"",
                        "\", \"markets\": []}",
                        "$.name");
}

static void
test_name_json_market (void)
{
  check_long_name_json ("{\"format\": \"expansion-scenario\", \"version\": 1, \"budget\": 1, \"name\": \"N\", "
                        "\"markets\": [{\"name\": \"", "\"}]}",
                        "$.markets[0].name");
}

static void
test_name_csv (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) markets = NULL;
  g_autofree char *limit = limit_text (LF_MAX_NAME_CHARS);
  g_autofree char *name = long_name ();
  g_autofree char *csv = g_strdup_printf ("name,code\r\n\"%s\",XX\r\n", name);
  Cost cost;

  cost_start (&cost);
  markets = lf_market_csv_read_data (csv, strlen (csv), problems, &error);
  cost_check (&cost, "CSV name");

  g_assert_null (markets);
  assert_refused (error, problems, LF_FORMAT_ERROR_INVALID, limit);
  g_assert_nonnull (strstr (error->message, "row 2"));
  g_assert_cmpuint (strlen (error->message), <, 1000);
}

/* The model refuses it too, whoever calls it. */
static void
test_name_model (void)
{
  g_autoptr(LfScenario) scenario = lf_scenario_new ("Names");
  g_autoptr(LfMarket) market = lf_market_new ("M");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = long_name ();

  g_assert_false (lf_scenario_set_name (scenario, name, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (lf_scenario_get_name (scenario), ==, "Names");
  g_clear_error (&error);
  g_assert_false (lf_market_set_name (market, name, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (lf_market_get_name (market), ==, "M");
}

/* -------------------------------------------------------------- nesting */

static void
check_nesting (const char *prefix,
               const char *open,
               const char *close,
               const char *suffix)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  g_autofree char *limit = limit_text (64);
  GString *json = g_string_new (prefix);
  g_autofree char *data = NULL;
  gsize length;
  Cost cost;

  for (guint i = 0; i < MILLION; i++)
    g_string_append (json, open);
  for (guint i = 0; i < MILLION; i++)
    g_string_append (json, close);
  g_string_append (json, suffix);
  length = json->len;
  data = g_string_free (json, FALSE);

  cost_start (&cost);
  scenario = lf_scenario_json_read_data (data, length, problems, &error);
  cost_check (&cost, open);

  g_assert_null (scenario);
  assert_refused (error, problems, LF_FORMAT_ERROR_TOO_LARGE, limit);
  g_assert_cmpuint (strlen (error->message), <, 1000);
}

static void
test_nesting_arrays (void)
{
  check_nesting ("", "[", "]", "");
}

static void
test_nesting_objects (void)
{
  check_nesting ("", "{\"a\":", "}", "");
}

static void
test_nesting_in_markets (void)
{
  check_nesting ("{\"format\": \"expansion-scenario\", \"version\": 1, \"name\": \"N\", \"markets\": ",
                 "[", "]", "}");
}

/* Unclosed: the end of input comes a million levels down. */
static void
test_nesting_unclosed (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  g_autofree char *data = g_malloc (MILLION);
  Cost cost;

  memset (data, '[', MILLION);
  cost_start (&cost);
  scenario = lf_scenario_json_read_data (data, MILLION, problems, &error);
  cost_check (&cost, "unclosed");

  g_assert_null (scenario);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
}

/* ------------------------------------------------------------- nothing */

/* The least input there is: NULL and length 0 (an empty file read by a
 * caller that never allocated) is refused as empty, with no undefined
 * pointer arithmetic (UBSan found NULL + 0 in the CSV reader). */
static void
test_empty (void)
{
  for (guint i = 0; i < 2; i++)
    {
      const char *data = i == 0 ? NULL : "";
      g_autoptr(GPtrArray) json_problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) csv_problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) json_error = NULL;
      g_autoptr(GError) csv_error = NULL;
      g_autoptr(LfScenario) scenario = lf_scenario_json_read_data (data, 0, json_problems, &json_error);
      g_autoptr(GPtrArray) markets = lf_market_csv_read_data (data, 0, csv_problems, &csv_error);

      g_assert_null (scenario);
      assert_refused (json_error, json_problems, LF_FORMAT_ERROR_INVALID, "empty");
      g_assert_null (markets);
      g_assert_nonnull (csv_error);
      g_test_message ("%s", csv_error->message);
      g_assert_cmpuint (csv_problems->len, >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/json/markets-100k-names", test_json_markets_names);
  g_test_add_func ("/limits/json/markets-100k-full", test_json_markets_full);
  g_test_add_func ("/limits/json/markets-at-limit", test_json_markets_at_limit);
  g_test_add_func ("/limits/json/markets-over-limit", test_json_markets_over_limit);
  g_test_add_func ("/limits/csv/100mb", test_csv_100mb);
  g_test_add_func ("/limits/csv/100mb-file", test_csv_100mb_file);
  g_test_add_func ("/limits/csv/rows-100k", test_csv_rows);
  g_test_add_func ("/limits/csv/rows-at-limit", test_csv_rows_at_limit);
  g_test_add_func ("/limits/name/json-scenario", test_name_json_scenario);
  g_test_add_func ("/limits/name/json-market", test_name_json_market);
  g_test_add_func ("/limits/name/csv", test_name_csv);
  g_test_add_func ("/limits/name/model", test_name_model);
  g_test_add_func ("/limits/nesting/arrays", test_nesting_arrays);
  g_test_add_func ("/limits/nesting/objects", test_nesting_objects);
  g_test_add_func ("/limits/nesting/in-markets", test_nesting_in_markets);
  g_test_add_func ("/limits/nesting/unclosed", test_nesting_unclosed);
  g_test_add_func ("/limits/empty", test_empty);

  return g_test_run ();
}
