/* lf-ascii.h: text for files, never for people
 *
 * Numbers with '.' whatever the locale, in the shortest form that reads
 * back to the same double, and JSON strings: what the scenario JSON, the
 * market CSV and the command line's --json all write.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lf_ascii_format_double      (double       value);
void  lf_ascii_append_double      (GString     *out,
                                   double       value);
void  lf_ascii_append_json_string (GString     *out,
                                   const char  *text);

G_END_DECLS
