/* lf-market-csv.h: the market table CSV of formats.md (RFC 4180) */
#pragma once

#include <gio/gio.h>

#include "lf-scenario-json.h"

G_BEGIN_DECLS

/* Reads a market table into a new array of LfMarket (free with
 * g_ptr_array_unref). Nothing is returned unless the whole file is valid.
 * Problems read "row N, column NAME: WHAT" (header = row 1); @error holds
 * the first, @problems (optional, g_free elements) all of them. */
GPtrArray *lf_market_csv_read_data  (const char   *data,
                                     gsize         length,
                                     GPtrArray    *problems,
                                     GError      **error);
GPtrArray *lf_market_csv_read_file  (GFile        *file,
                                     GPtrArray    *problems,
                                     GError      **error);

/* Writes the scenario's markets: every column, uncertainty as KEY_lo and
 * KEY_hi (empty where absent), CRLF line ends, no byte-order mark. */
char      *lf_market_csv_write_data (LfScenario   *scenario,
                                     gsize        *length);
gboolean   lf_market_csv_write_file (LfScenario   *scenario,
                                     GFile        *file,
                                     GError      **error);

G_END_DECLS
