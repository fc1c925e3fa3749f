/* lf-threshold-text.c: what it would take for a market to change sides,
 * in words
 *
 * One wording for the window's Thresholds section and `landfall-cli
 * thresholds`, so both front ends say the same thing the same way.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-format.h"
#include "lf-threshold-text.h"

char *
lf_analysis_multiplier_text (double factor)
{
  g_autofree char *number = lf_format_short (factor, 3);

  /* Translators: a multiplier, e.g. "×0.8" */
  return g_strdup_printf (_("×%s"), number);
}

static char *
entering_text (const LfThreshold *t)
{
  g_autofree char *alpha = lf_analysis_multiplier_text (t->alpha_factor);
  g_autofree char *promote = lf_analysis_multiplier_text (t->promote_factor);

  if (!isnan (t->alpha_factor) && !isnan (t->promote_factor))
    /* Translators: what it takes for a market to enter the plan, e.g. "×1.37" and "×0.62" */
    return g_strdup_printf (_("Enters when its value weight rises %s or its promotion cost falls to %s"),
                            alpha, promote);
  if (!isnan (t->alpha_factor))
    return g_strdup_printf (_("Enters when its value weight rises %s; never by its promotion cost alone"), alpha);
  if (!isnan (t->promote_factor))
    return g_strdup_printf (_("Enters when its promotion cost falls to %s; never by its value weight alone"),
                            promote);

  return g_strdup (_("Never enters, whatever its value weight or promotion cost"));
}

static char *
leaving_text (const LfThreshold *t)
{
  g_autofree char *alpha = lf_analysis_multiplier_text (t->alpha_factor);
  g_autofree char *promote = lf_analysis_multiplier_text (t->promote_factor);

  if (!isnan (t->alpha_factor) && !isnan (t->promote_factor))
    /* Translators: what makes a market leave the plan, e.g. "×0.55" and "×1.8" */
    return g_strdup_printf (_("Leaves when its value weight falls to %s or its promotion cost rises %s"),
                            alpha, promote);
  if (!isnan (t->alpha_factor))
    return g_strdup_printf (_("Leaves when its value weight falls to %s; never by its promotion cost alone"), alpha);
  if (!isnan (t->promote_factor))
    return g_strdup_printf (_("Leaves when its promotion cost rises %s; never by its value weight alone"),
                            promote);

  return g_strdup (_("Never leaves, whatever its value weight or promotion cost"));
}

char *
lf_analysis_threshold_text (const LfThresholdResult *result,
                            const LfProblem         *problem,
                            guint                    i)
{
  g_return_val_if_fail (i < result->n_markets && i < problem->n_markets, NULL);

  switch (problem->markets[i].v.lock)
    {
    case LF_LOCK_ENTER:
      return g_strdup (_("Locked in the plan; unlock it to see what would take it out"));
    case LF_LOCK_EXCLUDE:
      return g_strdup (_("Locked out of the plan; unlock it to see what would bring it in"));
    case LF_LOCK_AUTO:
    default:
      break;
    }

  return result->thresholds[i].entered ? leaving_text (&result->thresholds[i])
                                       : entering_text (&result->thresholds[i]);
}
