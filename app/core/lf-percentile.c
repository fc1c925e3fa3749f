/* lf-percentile.c: percentiles of a sorted sample */

#include "config.h"

#include <math.h>

#include "lf-percentile.h"

/**
 * lf_percentile:
 * @sorted: @n values in ascending order
 * @fraction: 0..1, e.g. 0.05 for P5
 *
 * Linear interpolation between order statistics (Hyndman and Fan's
 * definition 7, the default of R and NumPy). NAN when @n is 0.
 */
double
lf_percentile (const double *sorted,
               guint         n,
               double        fraction)
{
  double h, lower;
  guint k;

  if (n == 0)
    return NAN;

  h = (n - 1) * CLAMP (fraction, 0, 1);
  lower = floor (h);
  k = (guint) lower;

  return sorted[k] + (h - lower) * (sorted[MIN (k + 1, n - 1)] - sorted[k]);
}
