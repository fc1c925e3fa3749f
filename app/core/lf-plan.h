/* lf-plan.h: what a solve returns (model.md, "What a solve reports")
 *
 * Plain data, computed on any thread, read by the window, the charts and
 * the command line.
 */
#pragma once

#include "lf-problem.h"

G_BEGIN_DECLS

typedef enum
{
  LF_PLAN_OPTIMAL,
  LF_PLAN_INFEASIBLE,
  LF_PLAN_TIME_LIMIT,
  LF_PLAN_CANCELLED,
  LF_PLAN_ERROR,
} LfPlanStatus;

/* The four cost parts of model.md. */
typedef enum
{
  LF_COST_PROMOTION,
  LF_COST_TECHNOLOGY,
  LF_COST_CULTURE,
  LF_COST_LEGAL,
  LF_N_COST_PARTS
} LfCostPart;

/* A row of the programme that the infeasibility diagnosis may move. */
typedef enum
{
  LF_ROW_BUDGET,
  LF_ROW_TARGET,
  LF_ROW_RISK,
  LF_ROW_HEADCOUNT,
  LF_ROW_MARKETS,
  LF_ROW_LOCK,
} LfRowKind;

typedef struct
{
  gboolean entered;
  double   p;
  double   q;
  double   value;
  double   cost;
  double   cost_parts[LF_N_COST_PARTS];
  double   risk;
  double   headcount;
} LfPlanMarket;

/* One move of one row. Moves with the same option number together make the
 * programme feasible; options are alternatives ("or"). */
typedef struct
{
  guint     option;
  LfRowKind row;
  int       market;      /* for LF_ROW_LOCK, else -1 */
  double    by;          /* how far the row must move (1 for a lock) */
  double    to;          /* the right-hand side it must reach */
  char     *message;     /* in the user's language */
} LfDiagnosisItem;

typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  LfPlanStatus     status;
  LfObjective      objective;
  char            *currency;
  char            *error_message;    /* LF_PLAN_ERROR */
  gboolean         has_solution;     /* the fields below hold a plan */
  double           value;
  double           cost;
  double           cost_parts[LF_N_COST_PARTS];
  double           risk;
  double           headcount;
  guint            markets_entered;
  double           bound;            /* best bound, for LF_PLAN_TIME_LIMIT */
  double           shadow_price;     /* budget (max_value) or target (min_cost) */
  gboolean         has_shadow_price;
  double           solve_ms;
  guint            n_markets;
  LfPlanMarket    *markets;
  char           **market_names;
  guint            n_diagnosis;
  LfDiagnosisItem *diagnosis;
} LfPlan;

#define LF_TYPE_PLAN (lf_plan_get_type ())

GType       lf_plan_get_type          (void) G_GNUC_CONST;
LfPlan     *lf_plan_new               (const LfProblem *problem);
LfPlan     *lf_plan_ref               (LfPlan          *self);
void        lf_plan_unref             (LfPlan          *self);
void        lf_plan_set_solution      (LfPlan          *self,
                                       const LfProblem *problem,
                                       const double    *y,
                                       const double    *p,
                                       const double    *q);
void        lf_plan_add_diagnosis     (LfPlan          *self,
                                       guint            option,
                                       LfRowKind        row,
                                       int              market,
                                       double           by,
                                       double           to,
                                       const char      *message);
const char *lf_plan_status_to_string  (LfPlanStatus     status);
const char *lf_row_kind_to_string     (LfRowKind        row);
const char *lf_cost_part_to_key       (LfCostPart       part);

void        lf_market_costs           (const LfProblemMarket *market,
                                       double           y,
                                       double           p,
                                       double           q,
                                       double           parts[LF_N_COST_PARTS]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfPlan, lf_plan_unref)

G_END_DECLS
