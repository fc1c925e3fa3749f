/* lf-percentile.h: percentiles of a sorted sample
 *
 * Shared by Monte Carlo and by the window, which summarises the samples
 * streamed so far with the same arithmetic as the finished result.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double lf_percentile (const double *sorted,
                      guint         n,
                      double        fraction);

G_END_DECLS
