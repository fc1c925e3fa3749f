/* lf-scenario-json-private.h: what the JSON and CSV readers share
 *
 * Both report problems the same way ("PLACE: WHAT", every one collected,
 * the first in the GError) and refuse input over the same size.
 */
#pragma once

#include "lf-scenario-json.h"

G_BEGIN_DECLS

/* Larger than any real scenario, small enough to parse in a second. */
#define LF_FORMAT_MAX_BYTES (64 * 1024 * 1024)

/* A broken file (binary garbage, a whole table in the wrong format) would
 * otherwise produce a problem for every field. */
#define LF_FORMAT_MAX_PROBLEMS 100

typedef struct
{
  GPtrArray     *problems;      /* "PLACE: WHAT", g_free */
  LfFormatError  first_code;
  gboolean       full;          /* stop reading: enough has been said */
} LfReport;

void      _lf_report_init        (LfReport       *report);
void      _lf_report_clear       (LfReport       *report);
void      _lf_report_add         (LfReport       *report,
                                  LfFormatError   code,
                                  const char     *place,
                                  const char     *format,
                                  ...) G_GNUC_PRINTF (4, 5);
void      _lf_report_add_error   (LfReport       *report,
                                  const char     *place,
                                  const GError   *error);
gboolean  _lf_report_check_size  (LfReport       *report,
                                  gsize           length);
gboolean  _lf_report_finish      (LfReport       *report,
                                  GPtrArray      *problems,
                                  GError        **error);

gboolean  _lf_format_load_file   (GFile          *file,
                                  char          **contents,
                                  gsize          *length,
                                  GError        **error);

G_END_DECLS
