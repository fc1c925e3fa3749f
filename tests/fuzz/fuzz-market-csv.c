/* fuzz-market-csv.c: any bytes into the market CSV reader
 *
 * As for the JSON reader: no crash, leak or hang, a reason for every
 * refusal, and a table it accepts survives CSV -> scenario -> CSV ->
 * scenario unchanged (compared through the scenario JSON writer, which
 * writes every value).
 */

#include "config.h"

#include <string.h>

#include "lf-fuzz.h"
#include "lf-market-csv.h"

/* The markets as a scenario, and that scenario as JSON. */
static LfScenario *
scenario_from (GPtrArray *markets,
               char     **json,
               gsize     *json_length)
{
  g_autoptr(LfScenario) scenario = lf_scenario_new ("Fuzz");
  g_autoptr(GError) error = NULL;

  /* The reader has checked names, values and the count: a scenario takes
   * whatever it accepted. */
  if (!lf_scenario_append_markets (scenario, markets, &error))
    g_error ("the CSV reader accepted markets a scenario refuses: %s", error->message);
  *json = lf_scenario_json_write_data (scenario, json_length);
  return g_steal_pointer (&scenario);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) markets = NULL;
  g_autoptr(GPtrArray) markets_again = NULL;
  g_autoptr(LfScenario) first = NULL;
  g_autoptr(LfScenario) second = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gsize csv_length = 0;
  gsize json_length = 0;
  gsize json_again_length = 0;

  lf_fuzz_init ();

  markets = lf_market_csv_read_data ((const char *) data, size, problems, &error);
  if (markets == NULL)
    {
      g_assert (error != NULL && error->domain == LF_FORMAT_ERROR);
      g_assert (problems->len > 0);
      g_assert (strcmp (error->message, g_ptr_array_index (problems, 0)) == 0);
      return 0;
    }
  g_assert (error == NULL);

  first = scenario_from (markets, &json, &json_length);
  csv = lf_market_csv_write_data (first, &csv_length);
  g_assert (csv != NULL && strlen (csv) == csv_length);

  markets_again = lf_market_csv_read_data (csv, csv_length, NULL, &error);
  if (markets_again == NULL)
    g_error ("a written table does not read back: %s\n%s", error->message, csv);

  second = scenario_from (markets_again, &json_again, &json_again_length);
  if (json_length != json_again_length || memcmp (json, json_again, json_length) != 0)
    g_error ("markets change in a CSV round trip:\n%s\n----\n%s", json, json_again);

  return 0;
}
