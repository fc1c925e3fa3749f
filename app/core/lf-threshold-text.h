/* lf-threshold-text.h: what it would take for a market to change sides,
 * in words (the window and the command line) */
#pragma once

#include "lf-analysis.h"

G_BEGIN_DECLS

/* "×0.8" */
char *lf_analysis_multiplier_text (double                   factor);
/* "Enters when its value weight rises ×1.35; never by its promotion
 * cost alone", for market @i of a threshold result. */
char *lf_analysis_threshold_text  (const LfThresholdResult *result,
                                   const LfProblem         *problem,
                                   guint                    i);

G_END_DECLS
