/* lf-analysis-text.c: the words of the What If page */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lf-analysis-text.h"

char *
lf_analysis_value_text (const LfProblem *problem,
                        double           value,
                        LfMoneyScale     scale)
{
  if (isnan (value))
    /* Translators: the best value where no plan meets every limit */
    return g_strdup (_("No plan"));
  if (problem != NULL && problem->objective == LF_OBJECTIVE_MIN_COST)
    return lf_format_money (value, problem->currency, scale);

  return lf_format_decimal (value, 4);
}

const char *
lf_analysis_threshold_side (const LfThresholdResult *result,
                            const LfProblem         *problem,
                            guint                    i)
{
  g_return_val_if_fail (i < result->n_markets && i < problem->n_markets, NULL);

  if (problem->markets[i].v.lock == LF_LOCK_ENTER)
    /* Translators: a market the user locked into the plan */
    return _("Locked in");
  if (problem->markets[i].v.lock == LF_LOCK_EXCLUDE)
    return _("Locked out");

  return result->thresholds[i].entered ? _("In the plan") : _("Not in the plan");
}

gboolean
lf_analysis_is_change_point (const LfSweepResult *sweep,
                             guint                k)
{
  g_return_val_if_fail (k < sweep->n_points, FALSE);

  if (isnan (sweep->value[k]) || k == 0)
    return FALSE;
  if (isnan (sweep->value[k - 1]))
    return TRUE;

  return sweep->change[k] != NULL;
}

char *
lf_analysis_change_title (const LfSweepResult *sweep,
                          guint                k,
                          const char          *currency,
                          LfMoneyScale         scale)
{
  g_autofree char *money = lf_format_money (sweep->budget[k], currency, scale);

  /* Translators: a budget of the sweep where the markets change, e.g. "At 3.2M USD" */
  return g_strdup_printf (_("At %s"), money);
}

/* "+ Japan, + Germany, − India": one entry a market, so a name with a
 * space in it reads as one name. */
static void
append_moves (GString      *text,
              const guint8 *before,
              const guint8 *after,
              guint         n,
              char * const *names)
{
  /* The first plan has nothing to leave. */
  for (int sign = 1; sign >= (before != NULL ? 0 : 1); sign--)
    {
      for (guint i = 0; i < n; i++)
        {
          if ((before != NULL && before[i] == after[i]) || after[i] != sign)
            continue;
          if (text->len > 0)
            /* Translators: between the markets of a list */
            g_string_append (text, _(", "));
          g_string_append (text, sign ? "+ " : "− ");
          g_string_append (text, names[i]);
        }
    }
}

char *
lf_analysis_change_text (const LfSweepResult *sweep,
                         guint                k)
{
  const guint8 *after = sweep->entered + (gsize) k * sweep->n_markets;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (lf_analysis_is_change_point (sweep, k), NULL);

  if (isnan (sweep->value[k - 1]))
    {
      g_autofree char *names = NULL;

      append_moves (text, NULL, after, sweep->n_markets, sweep->market_names);
      names = g_string_free (text, FALSE);
      /* Translators: the smallest budget of the sweep with a plan, and its markets */
      return g_strdup_printf (_("First plan: %s"), names);
    }
  append_moves (text, after - sweep->n_markets, after, sweep->n_markets, sweep->market_names);

  return g_string_free (text, FALSE);
}

double
lf_analysis_tornado_swing (const LfTornadoResult *tornado,
                           const LfTornadoItem   *item)
{
  double low = isnan (item->low_value) ? tornado->base_value : item->low_value;
  double high = isnan (item->high_value) ? tornado->base_value : item->high_value;

  return fabs (high - low);
}

char *
lf_analysis_tornado_detail (const LfTornadoResult *tornado,
                            const LfTornadoItem   *item,
                            const LfProblem       *problem,
                            LfMoneyScale           scale)
{
  g_autofree char *low = lf_analysis_multiplier_text (tornado->low_multiplier);
  g_autofree char *high = lf_analysis_multiplier_text (tornado->high_multiplier);
  g_autofree char *low_value = lf_analysis_value_text (problem, item->low_value, scale);
  g_autofree char *high_value = lf_analysis_value_text (problem, item->high_value, scale);

  /* Translators: the best value with one parameter scaled low, then high,
   * e.g. "At ×0.8: 7.134 · at ×1.2: 7.85" */
  return g_strdup_printf (_("At %s: %s · at %s: %s"), low, low_value, high, high_value);
}

char *
lf_analysis_progress_text (const char *what,
                           guint       done,
                           guint       total)
{
  /* Translators: progress of a long analysis, e.g. "Monte Carlo: 1200 of 2000" */
  return g_strdup_printf (_("%s: %u of %u"), what, done, total);
}
