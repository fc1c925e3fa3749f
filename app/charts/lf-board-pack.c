/* lf-board-pack.c: the analyses a board pack has pages for */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-board-pack.h"

/* Up to two significant digits: an axis and an entry end on 210 000, not
 * on 205 714.2857. */
static double
round_up (double value)
{
  double unit = pow (10, floor (log10 (value)) - 1);

  return ceil (value / unit * (1 - 1e-12)) * unit;
}

/* Twice the budget; without one (a min_cost scenario), twice what the
 * plan costs; rounded up; NAN when neither says how far to go. */
double
lf_board_pack_frontier_top (const LfProblem *problem,
                            const LfPlan    *plan)
{
  g_return_val_if_fail (problem != NULL, NAN);

  if (isfinite (problem->budget) && problem->budget > 0)
    return round_up (2 * problem->budget);
  if (plan != NULL && plan->has_solution && plan->cost > 0)
    return round_up (2 * plan->cost);

  return NAN;
}

/* Without a range on some parameter every draw is the same scenario, and
 * a Monte Carlo page would show one bar. */
gboolean
lf_board_pack_has_uncertainty (const LfProblem *problem)
{
  g_return_val_if_fail (problem != NULL, FALSE);

  for (guint i = 0; i < problem->n_markets; i++)
    {
      if (problem->markets[i].v.has_range != 0)
        return TRUE;
    }

  return FALSE;
}

static void
begin_stage (LfBoardPackStageFunc stage_func,
             LfBoardPackStage     stage,
             gpointer             user_data)
{
  if (stage_func != NULL)
    stage_func (stage, user_data);
}

gboolean
lf_board_pack_run_analyses (const LfProblem      *problem,
                            const LfPlan         *plan,
                            guint                 samples,
                            guint64               seed,
                            GCancellable         *cancellable,
                            LfBoardPackStageFunc  stage,
                            LfProgressFunc        progress,
                            gpointer              user_data,
                            LfBoardPackAnalyses  *out,
                            GError              **error)
{
  double top = lf_board_pack_frontier_top (problem, plan);

  g_return_val_if_fail (problem != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = (LfBoardPackAnalyses) { NULL, NULL, NULL };

  /* Nothing to sweep over: the frontier page says so in its empty state. */
  if (!isnan (top))
    {
      begin_stage (stage, LF_BOARD_PACK_STAGE_SWEEP, user_data);
      out->sweep = lf_analysis_sweep (problem, 0, top, LF_BOARD_PACK_FRONTIER_POINTS,
                                      cancellable, progress, user_data, error);
      if (out->sweep == NULL)
        return FALSE;
    }

  begin_stage (stage, LF_BOARD_PACK_STAGE_TORNADO, user_data);
  out->tornado = lf_analysis_tornado (problem, LF_BOARD_PACK_TORNADO_LOW, LF_BOARD_PACK_TORNADO_HIGH, 0,
                                      cancellable, progress, user_data, error);
  if (out->tornado == NULL)
    {
      lf_board_pack_analyses_clear (out);
      return FALSE;
    }

  if (lf_board_pack_has_uncertainty (problem))
    {
      begin_stage (stage, LF_BOARD_PACK_STAGE_MONTE_CARLO, user_data);
      out->montecarlo = lf_analysis_monte_carlo (problem, samples, seed, 0,
                                                 cancellable, progress, user_data, error);
      if (out->montecarlo == NULL)
        {
          lf_board_pack_analyses_clear (out);
          return FALSE;
        }
    }

  return TRUE;
}

void
lf_board_pack_analyses_clear (LfBoardPackAnalyses *analyses)
{
  g_return_if_fail (analyses != NULL);

  g_clear_pointer (&analyses->sweep, lf_sweep_result_free);
  g_clear_pointer (&analyses->tornado, lf_tornado_result_free);
  g_clear_pointer (&analyses->montecarlo, lf_monte_carlo_result_free);
}

const char *
lf_board_pack_stage_title (LfBoardPackStage stage)
{
  switch (stage)
    {
    case LF_BOARD_PACK_STAGE_SWEEP:
      return _("Budget sweep");
    case LF_BOARD_PACK_STAGE_TORNADO:
      return _("Tornado");
    case LF_BOARD_PACK_STAGE_MONTE_CARLO:
      return _("Monte Carlo");
    default:
      g_return_val_if_reached (NULL);
    }
}
