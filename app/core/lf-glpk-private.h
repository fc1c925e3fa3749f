/* lf-glpk-private.h: GLPK that never aborts the process nor prints
 *
 * GLPK calls abort() after a fatal error unless its error hook jumps away;
 * its hooks are per thread (platform-notes.md). Every use of GLPK in
 * Landfall runs inside _lf_glpk_run(), which installs both hooks on the
 * calling thread and turns a fatal error into a GError.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*LfGlpkFunc) (gpointer   data,
                                GError   **error);

/* Runs @func with GLPK's hooks installed. When GLPK fails fatally, every
 * GLPK object of this thread is gone: @func must keep its glp_prob
 * pointers where the caller forgets them on failure. Nested calls run
 * under the outermost guard. */
gboolean _lf_glpk_run        (LfGlpkFunc   func,
                              gpointer     data,
                              GError     **error);

/* The solver log of the current run on this thread (GLPK's terminal
 * output, kept rather than printed), for error messages. */
const char *_lf_glpk_log     (void);

G_END_DECLS
