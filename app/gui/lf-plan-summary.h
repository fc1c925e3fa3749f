/* lf-plan-summary.h: what the plan view shows, decided without widgets
 *
 * The headline texts, the plan table's cells, and the infeasibility
 * diagnosis grouped by option with the one-click fix each offers. The plan
 * view only copies these into labels and buttons, so the decisions are
 * tested without a display (tests/test-plan-summary.c).
 */
#pragma once

#include "lf-format.h"
#include "lf-plan.h"
#include "lf-scenario.h"

G_BEGIN_DECLS

/* The columns of the plan table, in order. */
typedef enum
{
  LF_PLAN_COL_MARKET,
  LF_PLAN_COL_ENTERED,
  LF_PLAN_COL_PENETRATION,
  LF_PLAN_COL_SATISFACTION,
  LF_PLAN_COL_VALUE,
  LF_PLAN_COL_PROMOTION,
  LF_PLAN_COL_TECHNOLOGY,
  LF_PLAN_COL_CULTURE,
  LF_PLAN_COL_LEGAL,
  LF_PLAN_COL_COST,
  LF_N_PLAN_COLS
} LfPlanColumn;

/* One change that repairs a row of an infeasible programme. */
typedef struct
{
  LfRowKind  row;
  char      *market;   /* LF_ROW_LOCK: the market's name */
  double     value;    /* the new budget, target or cap */
  char      *label;    /* "Raise budget to 8 945 000 USD" */
} LfFix;

/* One alternative of the diagnosis: its moves, each with its fix. */
typedef struct
{
  guint      option;
  GPtrArray *messages; /* char *, from the solver */
  GArray    *fixes;    /* LfFix */
  char      *button_label;
} LfDiagnosisOption;

typedef struct
{
  LfPlanStatus  status;
  char         *status_title;
  char         *status_detail;    /* may be NULL */
  gboolean      has_figures;
  char         *value_text;
  char         *value_detail;
  char         *cost_text;
  char         *cost_detail;
  double        cost_fraction;    /* cost / budget, NAN without a budget */
  char         *markets_text;
  char         *markets_detail;
  char         *risk_text;
  char         *risk_detail;
  char         *staff_text;
  char         *staff_detail;
  char         *shadow_text;      /* NULL when there is none */
  guint         n_rows;
  char         *table_title;      /* names the money unit of the cells */
  char        **cells;            /* n_rows * LF_N_PLAN_COLS */
  gboolean     *entered;          /* n_rows */
  guint        *markets;          /* n_rows: the market each row shows;
                                   * entered ones first, most valuable on top */
  char         *totals[LF_N_PLAN_COLS];
  GPtrArray    *options;          /* LfDiagnosisOption * */
} LfPlanSummary;

LfPlanSummary *lf_plan_summary_new         (const LfPlan    *plan,
                                            const LfProblem *problem,
                                            LfMoneyScale     scale);
void           lf_plan_summary_free        (LfPlanSummary   *self);
const char    *lf_plan_summary_cell        (const LfPlanSummary *self,
                                            guint            row,
                                            LfPlanColumn     column);
const char    *lf_plan_column_title        (LfPlanColumn     column);
char          *lf_plan_shadow_text         (const LfPlan    *plan,
                                            const LfProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfPlanSummary, lf_plan_summary_free)

G_END_DECLS
