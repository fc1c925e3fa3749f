/* bench-store.c: a workspace of 500 scenarios of 50 markets
 *
 * Times opening it (checks, list) and one edit (a market parameter, with
 * its history entry, one synchronous transaction). Targets: open under
 * 200 ms, an edit under 2 ms median.
 *
 *   bench-store [--scenarios N] [--markets M] [--edits E] [--dir DIR]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "lf-store.h"

static int n_scenarios = 500;
static int n_markets = 50;
static int n_edits = 300;
static char *dir;

static LfScenario *
make_scenario (guint index)
{
  g_autofree char *name = g_strdup_printf ("Scenario %u", index + 1);
  LfScenario *scenario = lf_scenario_new (name);
  g_autoptr(GRand) rand = g_rand_new_with_seed (index);

  lf_scenario_set_budget (scenario, 5e6 + index, NULL);
  for (int i = 0; i < n_markets; i++)
    {
      g_autofree char *market_name = g_strdup_printf ("Market %d", i + 1);
      g_autoptr(LfMarket) market = lf_market_new (market_name);

      lf_market_set_param (market, LF_PARAM_ALPHA, g_rand_double_range (rand, 0.5, 4), NULL);
      lf_market_set_param (market, LF_PARAM_PROMOTE, g_rand_double_range (rand, 1e5, 9e6), NULL);
      lf_market_set_param (market, LF_PARAM_RISK, g_rand_double_range (rand, 0, 2), NULL);
      lf_market_set_range (market, LF_PARAM_PROMOTE, 0.8, 1.4, NULL);
      lf_scenario_append_market (scenario, market, NULL);
    }

  return scenario;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

static double
create (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfStore) store = lf_store_open (path, LF_STORE_OPEN_CREATE, &error);
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  for (int i = 0; i < n_scenarios; i++)
    {
      g_autoptr(LfScenario) scenario = make_scenario (i);

      if (lf_store_add_scenario (store, scenario, &error) == 0)
        g_error ("%s", error->message);
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_open (const char *path,
           guint      *out_listed)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(LfStore) store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_assert_no_error (error);
  *out_listed = g_list_model_get_n_items (lf_store_get_scenarios (store));

  return ms;
}

static void
time_edits (const char *path,
            GArray     *edits,
            double     *out_load_ms,
            double     *out_undo_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfStore) store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(GArray) undos = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 id = n_scenarios / 2, start;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  scenario = lf_store_load_scenario (store, id, &error);
  *out_load_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);

  for (int k = 0; k < n_edits; k++)
    {
      double ms;

      start = g_get_monotonic_time ();
      if (!lf_store_set_market_param (store, id, k % n_markets, LF_PARAM_PROMOTE, 1e6 + k, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (edits, ms);
    }
  for (int k = 0; k < 50; k++)
    {
      double ms;

      start = g_get_monotonic_time ();
      if (!lf_store_undo (store, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (undos, ms);
    }
  *out_undo_ms = median (undos);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "scenarios", 0, 0, G_OPTION_ARG_INT, &n_scenarios, "Scenarios", "N" },
    { "markets", 0, 0, G_OPTION_ARG_INT, &n_markets, "Markets per scenario", "M" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &n_edits, "Edits to time", "E" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Folder for the workspace (default: a new temporary one)", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = NULL;
  double create_ms, load_ms, undo_ms, open_ms, open_median, edit_median;
  guint listed = 0;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (dir == NULL)
    dir = g_dir_make_tmp ("bench-store-XXXXXX", NULL);
  path = g_build_filename (dir, "bench.db", NULL);
  g_unlink (path);

  create_ms = create (path);
  g_stat (path, &st);
  /* The megabytes just written are still going to the disk; an edit timed
   * now would wait behind them in its fsync. */
  sync ();
  for (int i = 0; i < 7; i++)
    {
      open_ms = time_open (path, &listed);
      g_array_append_val (opens, open_ms);
    }
  time_edits (path, edits, &load_ms, &undo_ms);

  g_print ("workspace: %d scenarios x %d markets, %.1f MB, built in %.0f ms\n",
           n_scenarios, n_markets, st.st_size / 1e6, create_ms);
  /* median() sorts: take it before reading the best and the worst (the
   * order in which arguments are evaluated is not defined). */
  open_median = median (opens);
  edit_median = median (edits);
  g_print ("open (check + quick_check + list of %u): median %.1f ms, best %.1f ms (target < 200 ms)\n",
           listed, open_median, g_array_index (opens, double, 0));
  g_print ("load one scenario of %d markets: %.2f ms\n", n_markets, load_ms);
  g_print ("edit (market parameter + history, one synchronous transaction): median %.3f ms, "
           "max %.3f ms over %d (target < 2 ms)\n",
           edit_median, g_array_index (edits, double, edits->len - 1), n_edits);
  g_print ("undo: median %.3f ms\n", undo_ms);

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
