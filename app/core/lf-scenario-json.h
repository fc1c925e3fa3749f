/* lf-scenario-json.h: the scenario JSON of formats.md */
#pragma once

#include <gio/gio.h>

#include "lf-scenario.h"

G_BEGIN_DECLS

#define LF_FORMAT_ERROR (lf_format_error_quark ())

typedef enum
{
  LF_FORMAT_ERROR_INVALID,      /* the file breaks formats.md or model.md */
  LF_FORMAT_ERROR_VERSION,      /* written by a newer Landfall */
  LF_FORMAT_ERROR_TOO_LARGE,    /* over a limit on what input may cost */
} LfFormatError;

#define LF_SCENARIO_FORMAT "expansion-scenario"
#define LF_SCENARIO_FORMAT_VERSION 1

/* Reads one scenario. On failure returns NULL and sets @error to the first
 * problem, "PLACE: WHAT" with PLACE a JSON path such as
 * "$.markets[2].alpha"; when @problems is not NULL every problem found is
 * appended to it as such a string (element free function: g_free). */
LfScenario *lf_scenario_json_read_data  (const char   *data,
                                         gsize         length,
                                         GPtrArray    *problems,
                                         GError      **error);
LfScenario *lf_scenario_json_read_file  (GFile        *file,
                                         GPtrArray    *problems,
                                         GError      **error);

/* Writes every key, defaults included, numbers in the shortest form that
 * reads back to the same double, whatever the locale. */
char       *lf_scenario_json_write_data (LfScenario   *scenario,
                                         gsize        *length);
gboolean    lf_scenario_json_write_file (LfScenario   *scenario,
                                         GFile        *file,
                                         GError      **error);

GQuark      lf_format_error_quark       (void);

G_END_DECLS
