/* lf-compare-view-private.h: what the files of the Compare page share
 *
 * lf-compare-view.c is the widget and its API; lf-compare-side.c solves
 * and sweeps one column of the Scenarios section off the main thread;
 * lf-compare-markets.c is the Markets section, lf-compare-scenarios.c the
 * Scenarios section and its list of other scenarios, lf-kept-plans.c the
 * list of kept plans; lf-compare-grid.c draws the grids of both.
 */
#pragma once

#include <adwaita.h>

#include "lf-analysis-task.h"
#include "lf-chart-view.h"
#include "lf-compare-view.h"
#include "lf-compare.h"

G_BEGIN_DECLS

typedef enum
{
  SIDE_CURRENT,
  SIDE_SCENARIO,
  SIDE_KEPT_PLAN,
} SideKind;

/* A column of the Scenarios section: it owns its snapshot, plan and
 * budget sweep, and a GCancellable that is cancelled when the side is
 * dropped, so a late answer of the solver finds its side cancelled and is
 * thrown away. */
typedef struct
{
  LfCompareView *view;         /* NULL once dropped */
  SideKind       kind;
  gint64         id;           /* scenario or kept plan */
  char          *name;
  LfProblem     *problem;
  LfPlan        *plan;
  LfSweepResult *sweep;
  gboolean       swept;        /* the sweep ran, or cannot */
  gboolean       busy;
  gboolean       refused;      /* the solver refused the problem: no retry */
  GCancellable  *cancellable;
} Side;

struct _LfCompareView
{
  GtkWidget        parent_instance;

  GtkToggleButton *markets_toggle;
  GtkToggleButton *scenarios_toggle;
  GtkStack        *stack;
  GtkSearchEntry  *market_search;
  GtkFlowBox      *market_chips;
  GtkWidget       *markets_body;
  GtkGrid         *markets_grid;
  LfChartView     *markets_chart;
  GtkButton       *keep_button;
  GtkListBox      *plans_list;
  GtkListBox      *others_list;
  GtkLabel        *scenarios_status;
  GtkLabel        *currency_note;
  GtkSpinner      *spinner;
  GtkWidget       *scenarios_body;
  GtkGrid         *scenarios_grid;
  LfChartView     *frontiers_chart;

  LfSession       *session;
  LfScenario      *scenario;
  LfProblem       *problem;
  LfPlan          *plan;
  LfMoneyScale     scale;

  GPtrArray       *chosen_markets;  /* char *, market names in the order ticked */
  GPtrArray       *chips;           /* GtkCheckButton, one per market shown */
  guint            chips_signature; /* of the market names the chips were made for */
  gboolean         dirty;           /* changed while unmapped: the grids wait */
  gboolean         markets_touched; /* ticked by the user, not the default */
  Side            *current;
  GPtrArray       *others;          /* Side *, in the order ticked */
  GHashTable      *kept;            /* plan id -> Side *, restored kept plans */
  gulong           scenarios_handler;

  /* What the frontier chart borrows. */
  const LfSweepResult *frontier_sweeps[LF_COMPARE_MAX_SIDES];
  const char          *frontier_names[LF_COMPARE_MAX_SIDES];
};

/* lf-compare-view.c */
gboolean lf_compare_view_defer_unmapped      (LfCompareView *self);

/* lf-compare-side.c */
Side    *lf_compare_side_new                 (LfCompareView *view,
                                              SideKind       kind,
                                              gint64         id);
Side    *lf_compare_side_ref                 (Side          *side);
void     lf_compare_side_unref               (Side          *side);
void     lf_compare_side_drop                (Side          *side);
void     lf_compare_side_release             (Side          *side);
void     lf_compare_side_set_problem         (Side          *side,
                                              LfProblem     *problem,
                                              LfPlan        *plan);
void     lf_compare_side_start               (Side          *side);

/* lf-compare-markets.c */
void     lf_compare_view_refresh_markets     (LfCompareView *self);
void     lf_compare_markets_search_changed   (LfCompareView *self);

/* lf-compare-scenarios.c */
gint64   lf_compare_view_scenario_id         (LfCompareView *self);
void     lf_compare_view_refresh_scenarios   (LfCompareView *self);
gboolean lf_compare_view_any_busy            (LfCompareView *self);
int      lf_compare_view_find_other          (LfCompareView *self,
                                              SideKind       kind,
                                              gint64         id);
void     lf_compare_view_remove_other        (LfCompareView *self,
                                              guint          index);
GtkWidget *lf_compare_view_make_check        (LfCompareView *self,
                                              SideKind       kind,
                                              gint64         id,
                                              AdwActionRow  *row);
void     lf_compare_list_clear               (GtkListBox    *list);
void     lf_compare_list_add_placeholder     (GtkListBox    *list,
                                              const char    *text);
void     lf_compare_view_rebuild_others      (LfCompareView *self);
void     lf_compare_view_clear_others        (LfCompareView *self);
void     lf_compare_view_reload_others       (LfCompareView *self);
void     lf_compare_view_on_scenarios_changed (GListModel   *model,
                                              guint          position,
                                              guint          removed,
                                              guint          added,
                                              LfCompareView *self);

/* lf-kept-plans.c */
Side    *lf_kept_plans_find                  (LfCompareView *self,
                                              gint64         plan_id);
void     lf_kept_plans_rebuild               (LfCompareView *self);
void     lf_kept_plans_keep                  (LfCompareView *self);

G_END_DECLS
