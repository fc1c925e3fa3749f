/* lf-solver-private.h: the programme of model.md as GLPK columns and rows,
 * shared by the solver, the diagnosis and the model export. */
#pragma once

#include <glpk.h>

#include "lf-solver.h"

G_BEGIN_DECLS

/* Columns of market i (0-based) in a model: y, p, q. GLPK counts from 1. */
#define LF_COL_Y(i) (3 * (int) (i) + 1)
#define LF_COL_P(i) (3 * (int) (i) + 2)
#define LF_COL_Q(i) (3 * (int) (i) + 3)

/* The relaxable rows of the elastic programme (model.md, diagnosis). */
typedef enum
{
  LF_RELAX_BUDGET    = 1 << LF_ROW_BUDGET,
  LF_RELAX_TARGET    = 1 << LF_ROW_TARGET,
  LF_RELAX_RISK      = 1 << LF_ROW_RISK,
  LF_RELAX_HEADCOUNT = 1 << LF_ROW_HEADCOUNT,
  LF_RELAX_MARKETS   = 1 << LF_ROW_MARKETS,
} LfRelaxRows;

/* Where a model's rows and slack columns are; 0 where absent. */
typedef struct
{
  int objective_row;        /* budget (max_value) or target (min_cost) */
  int risk_row;
  int headcount_row;
  int markets_row;
  int slack_col[LF_ROW_LOCK];   /* elastic: one per relaxable row kind */
  int *lock_slack_col;      /* elastic: per market, 0 unless enter-locked */
  int *pmin_row;            /* per market: p >= m y, 0 when m = 0 */
  int *pmax_row;            /* per market: p <= P y */
  int *qmax_row;            /* per market: q <= Q y, 0 when Q = 0 */
} LfModelLayout;

/* What to build: the programme itself, or its elastic form in which
 * every row of @relax (and the enter lock of every market with
 * @relax_locks[i]) may move at a cost, scaled by its right-hand side. */
typedef struct
{
  gboolean        elastic;
  guint           relax;
  const gboolean *relax_locks;
} LfModelSpec;

glp_prob *_lf_model_build           (const LfProblem   *problem,
                                     const LfModelSpec *spec,
                                     LfModelLayout     *layout);
void      _lf_model_layout_clear    (LfModelLayout     *layout);
double    _lf_model_cost_of_p       (const LfProblemMarket *market);
double    _lf_model_cost_of_q       (const LfProblemMarket *market);
double    _lf_model_row_rhs         (const LfProblem   *problem,
                                     LfRowKind          row);

/* Branch-and-cut with GLPK's hooks in place; returns the GLPK code. */
typedef struct
{
  GCancellable *cancellable;
  double        time_limit_s;   /* <= 0: none */
  double        mip_gap;
  gint64        started_us;
  double        best_bound;
  const double *start;          /* incumbent to offer, column values 1..n */
  gboolean      start_offered;
} LfMipRun;

int       _lf_model_intopt          (glp_prob          *lp,
                                     LfMipRun          *run,
                                     gboolean           have_basis);

gboolean  _lf_greedy_plan           (const LfProblem   *problem,
                                     double            *y,
                                     double            *p,
                                     double            *q);
gboolean  _lf_point_is_feasible     (const LfProblem   *problem,
                                     const double      *y,
                                     const double      *p,
                                     const double      *q,
                                     double            *out_value);
void      _lf_model_set_start_basis (glp_prob          *lp,
                                     const LfProblem   *problem,
                                     const LfModelLayout *layout,
                                     const double      *y,
                                     const double      *p,
                                     const double      *q);

gboolean  _lf_solver_diagnose       (const LfProblem   *problem,
                                     LfPlan            *plan,
                                     LfMipRun          *run,
                                     GError           **error);

G_END_DECLS
