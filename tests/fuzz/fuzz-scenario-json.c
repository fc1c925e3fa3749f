/* fuzz-scenario-json.c: any bytes into the scenario JSON reader
 *
 * The reader must refuse or accept every input without a crash, a leak or
 * a hang, and say why when it refuses. What it accepts must survive a round
 * trip: written and read again it is the same scenario, which the writer
 * shows by writing the same bytes (it writes every key, numbers in their
 * shortest round-trip form).
 */

#include "config.h"

#include <string.h>

#include "lf-fuzz.h"
#include "lf-scenario-json.h"

static char *
write_checked (LfScenario *scenario,
               gsize      *length)
{
  char *data = lf_scenario_json_write_data (scenario, length);

  g_assert (data != NULL);
  g_assert (strlen (data) == *length);
  return data;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) first = NULL;
  g_autoptr(LfScenario) second = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gsize written_length = 0;
  gsize rewritten_length = 0;

  lf_fuzz_init ();

  first = lf_scenario_json_read_data ((const char *) data, size, problems, &error);
  if (first == NULL)
    {
      /* A refusal names its first problem, and the list holds it. */
      g_assert (error != NULL && error->domain == LF_FORMAT_ERROR);
      g_assert (problems->len > 0);
      g_assert (strcmp (error->message, g_ptr_array_index (problems, 0)) == 0);
      return 0;
    }
  g_assert (error == NULL);

  written = write_checked (first, &written_length);
  second = lf_scenario_json_read_data (written, written_length, NULL, &error);
  if (second == NULL)
    g_error ("a written scenario does not read back: %s\n%s", error->message, written);

  g_assert (lf_scenario_get_n_markets (first) == lf_scenario_get_n_markets (second));
  g_assert (strcmp (lf_scenario_get_name (first), lf_scenario_get_name (second)) == 0);

  rewritten = write_checked (second, &rewritten_length);
  if (written_length != rewritten_length || memcmp (written, rewritten, written_length) != 0)
    g_error ("a scenario changes in a round trip:\n%s\n----\n%s", written, rewritten);

  return 0;
}
