/* lf-board-pack.h: the analyses a board pack has pages for
 *
 * One definition for both front ends, so `landfall-cli report` and the
 * window's "Export Board Pack" put the same figures in front of a board:
 * the frontier from no money to twice the budget, the tornado at ±20 %,
 * and Monte Carlo when some parameter is uncertain.
 */
#pragma once

#include "lf-analysis.h"
#include "lf-chart.h"

G_BEGIN_DECLS

#define LF_BOARD_PACK_FRONTIER_POINTS 41
#define LF_BOARD_PACK_SAMPLES         2000
#define LF_BOARD_PACK_SEED            1
#define LF_BOARD_PACK_TORNADO_LOW     0.8
#define LF_BOARD_PACK_TORNADO_HIGH    1.2

typedef enum
{
  LF_BOARD_PACK_STAGE_SWEEP,
  LF_BOARD_PACK_STAGE_TORNADO,
  LF_BOARD_PACK_STAGE_MONTE_CARLO,
} LfBoardPackStage;

/* Called on the calling thread before each analysis starts. */
typedef void (*LfBoardPackStageFunc) (LfBoardPackStage stage,
                                      gpointer         user_data);

typedef struct
{
  LfSweepResult      *sweep;       /* NULL: nothing to sweep over */
  LfTornadoResult    *tornado;
  LfMonteCarloResult *montecarlo;  /* NULL: nothing is uncertain */
} LfBoardPackAnalyses;

double      lf_board_pack_frontier_top     (const LfProblem      *problem,
                                            const LfPlan         *plan);
gboolean    lf_board_pack_has_uncertainty  (const LfProblem      *problem);
gboolean    lf_board_pack_run_analyses     (const LfProblem      *problem,
                                            const LfPlan         *plan,
                                            guint                 samples,
                                            guint64               seed,
                                            GCancellable         *cancellable,
                                            LfBoardPackStageFunc  stage,
                                            LfProgressFunc        progress,
                                            gpointer              user_data,
                                            LfBoardPackAnalyses  *out,
                                            GError              **error);
void        lf_board_pack_analyses_clear   (LfBoardPackAnalyses  *analyses);
const char *lf_board_pack_stage_title      (LfBoardPackStage      stage);

G_END_DECLS
