/* lf-board-pack-export.h: "Export Board Pack…" in the window
 *
 * Asks where to save, then runs the board pack's analyses on a worker
 * (lf-board-pack.h, the same as `landfall-cli report`) behind a progress
 * dialog with Cancel, writes the PDF, and says how it went in a toast.
 */
#pragma once

#include <adwaita.h>

#include "lf-plan.h"

G_BEGIN_DECLS

void lf_board_pack_export_run (GtkWindow       *parent,
                               AdwToastOverlay *toasts,
                               LfProblem       *problem,
                               LfPlan          *plan,
                               const char      *scenario_name);
/* Without asking where: the window's tests, and any caller that knows. */
void lf_board_pack_export_to_file (GtkWindow       *parent,
                                   AdwToastOverlay *toasts,
                                   LfProblem       *problem,
                                   LfPlan          *plan,
                                   GFile           *file);

G_END_DECLS
