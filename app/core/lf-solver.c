/* lf-solver.c: solve the programme of model.md exactly, with GLPK
 *
 * The MIP gives the entry decisions; the LP with every y fixed at its
 * optimal value then gives clean p and q and the shadow price of the
 * budget (or target) row, as model.md defines it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-glpk-private.h"
#include "lf-solver-private.h"

G_DEFINE_QUARK (lf-solver-error-quark, lf_solver_error)

typedef struct
{
  const LfProblem      *problem;
  const LfSolveOptions *options;
  LfMipRun              run;
  LfPlan               *plan;
  /* GLPK-owned: forgotten, not freed, when GLPK fails (lf-glpk.c). */
  glp_prob             *lp;
  LfModelLayout         layout;
  double               *y;
  double               *p;
  double               *q;
  double               *start;
} Solve;

/* Branch-and-cut callback: stop on cancel, and keep the best bound so a
 * time-limited plan can say how far from optimal it may be. */
static void
on_branch_event (glp_tree *tree,
                 void     *info)
{
  LfMipRun *run = info;
  int node;

  if (g_cancellable_is_cancelled (run->cancellable))
    {
      glp_ios_terminate (tree);
      return;
    }

  if (glp_ios_reason (tree) == GLP_IHEUR && run->start != NULL && !run->start_offered)
    {
      run->start_offered = TRUE;
      glp_ios_heur_sol (tree, run->start);
    }

  if (glp_ios_reason (tree) == GLP_ISELECT || glp_ios_reason (tree) == GLP_IBINGO)
    {
      node = glp_ios_best_node (tree);
      if (node != 0)
        run->best_bound = glp_ios_node_bound (tree, node);
    }
}

static int
remaining_ms (LfMipRun *run)
{
  double left;

  if (run->time_limit_s <= 0)
    return G_MAXINT;

  left = run->time_limit_s * 1e3 - (g_get_monotonic_time () - run->started_us) / 1e3;

  return (int) CLAMP (left, 1, G_MAXINT);
}

/* Dantzig pricing: from the greedy start the pivots are many and cheap,
 * and the steepest-edge bookkeeping costs more than it saves (measured:
 * 5000 markets 0.74 s against 0.94 s). */
static int
simplex (glp_prob *lp,
         int       time_limit_ms)
{
  glp_smcp parm;

  glp_init_smcp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  parm.pricing = GLP_PT_STD;
  parm.tm_lim = time_limit_ms;

  return glp_simplex (lp, &parm);
}

/* The basis left by branch-and-cut stays dual feasible when the y are
 * fixed: the dual simplex reaches the fixed LP in a few pivots. */
static int
dual_simplex (glp_prob *lp)
{
  glp_smcp parm;

  glp_init_smcp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.meth = GLP_DUALP;

  return glp_simplex (lp, &parm);
}

/* The root LP first, scaled and from an advanced basis (as glpsol does),
 * then branch-and-cut from its optimal basis. */
static int
solve_root_lp (glp_prob *lp,
               gboolean  have_basis,
               LfMipRun *run)
{
  int code;

  glp_scale_prob (lp, GLP_SF_AUTO);
  if (!have_basis)
    glp_adv_basis (lp, 0);
  code = simplex (lp, remaining_ms (run));
  if (code != 0 && code != GLP_ETMLIM && have_basis)
    {
      /* The start basis is only a head start: fall back to GLPK's own. */
      glp_adv_basis (lp, 0);
      code = simplex (lp, remaining_ms (run));
    }
  if (code != 0)
    return code;
  if (glp_get_status (lp) == GLP_NOFEAS)
    return GLP_ENOPFS;

  /* The root LP bounds the optimum until branch-and-cut knows better. */
  run->best_bound = glp_get_obj_val (lp);

  return 0;
}

#define LF_MIR_CUTS_MIN_MARKETS 20

int
_lf_model_intopt (glp_prob *lp,
                  LfMipRun *run,
                  gboolean  have_basis)
{
  glp_iocp parm;
  int code;

  if (g_cancellable_is_cancelled (run->cancellable))
    return GLP_ESTOP;
  code = solve_root_lp (lp, have_basis, run);
  if (code != 0)
    return code;

  glp_init_iocp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  parm.mip_gap = run->mip_gap;
  parm.tm_lim = remaining_ms (run);
  parm.cb_func = on_branch_event;
  parm.cb_info = run;
  parm.br_tech = GLP_BR_DTH;
  parm.bt_tech = GLP_BT_BLB;
  /* Mixed-integer rounding cuts tame the hard cases, many near-alike
   * markets (60 of eight near-copies each: 650 -> 150 ms), at a small
   * cost on easy ones; below a few dozen columns they only cost (Monte
   * Carlo of 7 markets: 1.6x slower). Measured with bench/. */
  if (glp_get_num_int (lp) >= LF_MIR_CUTS_MIN_MARKETS)
    parm.mir_cuts = GLP_ON;

  return glp_intopt (lp, &parm);
}

static void
read_mip_solution (Solve *s)
{
  for (guint i = 0; i < s->problem->n_markets; i++)
    {
      s->y[i] = glp_mip_col_val (s->lp, LF_COL_Y (i)) > 0.5 ? 1 : 0;
      s->p[i] = glp_mip_col_val (s->lp, LF_COL_P (i));
      s->q[i] = glp_mip_col_val (s->lp, LF_COL_Q (i));
    }
}

/* The LP with every y fixed: its solution is the plan's p and q, its
 * dual on the budget (target) row the shadow price. */
static void
solve_fixed_lp (Solve *s)
{
  for (guint i = 0; i < s->problem->n_markets; i++)
    {
      glp_set_col_kind (s->lp, LF_COL_Y (i), GLP_CV);
      glp_set_col_bnds (s->lp, LF_COL_Y (i), GLP_FX, s->y[i], s->y[i]);
    }

  if (dual_simplex (s->lp) != 0 || glp_get_status (s->lp) != GLP_OPT)
    return;

  for (guint i = 0; i < s->problem->n_markets; i++)
    {
      s->p[i] = s->y[i] * CLAMP (glp_get_col_prim (s->lp, LF_COL_P (i)), 0, 1);
      s->q[i] = s->y[i] * CLAMP (glp_get_col_prim (s->lp, LF_COL_Q (i)), 0, 1);
    }

  if (!s->options->skip_shadow_price)
    {
      s->plan->shadow_price = glp_get_row_dual (s->lp, s->layout.objective_row);
      s->plan->has_shadow_price = TRUE;
    }
}

static void
set_status_from_glpk (Solve *s,
                      int    code)
{
  int mip_status = glp_mip_status (s->lp);

  if (code == GLP_ENOPFS || mip_status == GLP_NOFEAS)
    s->plan->status = LF_PLAN_INFEASIBLE;
  else if (code == 0 && mip_status == GLP_OPT)
    s->plan->status = LF_PLAN_OPTIMAL;
  else if (code == GLP_ESTOP)
    s->plan->status = LF_PLAN_CANCELLED;
  else if (code == GLP_ETMLIM)
    s->plan->status = LF_PLAN_TIME_LIMIT;
  else
    {
      s->plan->status = LF_PLAN_ERROR;
      s->plan->error_message = g_strdup_printf (_("The solver stopped with GLPK code %d"), code);
    }
}

/* The caller's hint replaces the greedy incumbent when it is feasible
 * here and better. */
static void
offer_hint (Solve *s)
{
  const LfPlan *hint = s->options->hint;
  guint n = s->problem->n_markets;
  /* scan-build 14 reports a leak here: it does not model g_autofree's
   * cleanup attribute (a five-line g_autofree function shows it too). */
  g_autofree double *y = NULL, *p = NULL, *q = NULL;
  double hint_objective, greedy_objective;

  if (hint == NULL || !hint->has_solution || hint->n_markets != n)
    return;

  y = g_new (double, n + 1);
  p = g_new (double, n + 1);
  q = g_new (double, n + 1);
  for (guint i = 0; i < n; i++)
    {
      y[i] = hint->markets[i].entered ? 1 : 0;
      p[i] = hint->markets[i].p;
      q[i] = hint->markets[i].q;
    }

  if (!_lf_point_is_feasible (s->problem, y, p, q, &hint_objective) ||
      !_lf_point_is_feasible (s->problem, s->y, s->p, s->q, &greedy_objective))
    return;
  if (s->problem->objective == LF_OBJECTIVE_MAX_VALUE ? hint_objective <= greedy_objective
                                                      : hint_objective >= greedy_objective)
    return;

  for (guint i = 0; i < n; i++)
    {
      s->start[LF_COL_Y (i)] = y[i];
      s->start[LF_COL_P (i)] = p[i];
      s->start[LF_COL_Q (i)] = q[i];
    }
}

/* The greedy plan as first incumbent and as the simplex's start. */
static gboolean
offer_greedy_start (Solve *s)
{
  guint n = s->problem->n_markets;

  if (!_lf_greedy_plan (s->problem, s->y, s->p, s->q))
    return FALSE;

  _lf_model_set_start_basis (s->lp, s->problem, &s->layout, s->y, s->p, s->q);
  for (guint i = 0; i < n; i++)
    {
      s->start[LF_COL_Y (i)] = s->y[i];
      s->start[LF_COL_P (i)] = s->p[i];
      s->start[LF_COL_Q (i)] = s->q[i];
    }
  s->run.start = s->start;
  offer_hint (s);

  return TRUE;
}

/* Stopped before branch-and-cut had a plan: the start plan offered to it
 * is feasible, and the best there is so far. */
static void
keep_start_plan (Solve *s)
{
  if (s->run.start == NULL)
    return;

  for (guint i = 0; i < s->problem->n_markets; i++)
    {
      s->y[i] = s->run.start[LF_COL_Y (i)];
      s->p[i] = s->run.start[LF_COL_P (i)];
      s->q[i] = s->run.start[LF_COL_Q (i)];
    }
  lf_plan_set_solution (s->plan, s->problem, s->y, s->p, s->q);
  s->plan->bound = s->run.best_bound;
}

static gboolean
solve_in_glpk (gpointer   data,
               GError   **error)
{
  Solve *s = data;
  int code;
  gboolean has_incumbent;

  s->lp = _lf_model_build (s->problem, NULL, &s->layout);
  code = _lf_model_intopt (s->lp, &s->run, offer_greedy_start (s));
  set_status_from_glpk (s, code);

  has_incumbent = (s->plan->status == LF_PLAN_OPTIMAL ||
                   s->plan->status == LF_PLAN_TIME_LIMIT ||
                   s->plan->status == LF_PLAN_CANCELLED) &&
                  (glp_mip_status (s->lp) == GLP_OPT || glp_mip_status (s->lp) == GLP_FEAS);

  if (has_incumbent)
    {
      read_mip_solution (s);
      solve_fixed_lp (s);
      lf_plan_set_solution (s->plan, s->problem, s->y, s->p, s->q);
      s->plan->bound = s->run.best_bound;
    }
  else if (s->plan->status == LF_PLAN_TIME_LIMIT || s->plan->status == LF_PLAN_CANCELLED)
    keep_start_plan (s);

  glp_delete_prob (s->lp);
  s->lp = NULL;
  _lf_model_layout_clear (&s->layout);

  if (s->plan->status == LF_PLAN_INFEASIBLE && !s->options->skip_diagnosis)
    return _lf_solver_diagnose (s->problem, s->plan, &s->run, error);

  return TRUE;
}

/**
 * lf_solver_solve:
 * @problem: a problem that passes lf_problem_check()
 * @options: (nullable): time limit, gap, what to skip
 * @cancellable: (nullable): cancels from any thread
 *
 * Returns: (transfer full): the plan, whatever its status; %NULL with
 *   @error set only when the problem is invalid or GLPK failed.
 */
LfPlan *
lf_solver_solve (const LfProblem       *problem,
                 const LfSolveOptions  *options,
                 GCancellable          *cancellable,
                 GError               **error)
{
  static const LfSolveOptions defaults = LF_SOLVE_OPTIONS_INIT;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LfPlan) plan = NULL;
  Solve s = { 0 };
  gboolean ok;

  g_return_val_if_fail (problem != NULL, NULL);

  if (!lf_problem_check (problem, &local_error))
    {
      g_set_error_literal (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_INVALID, local_error->message);
      return NULL;
    }

  plan = lf_plan_new (problem);
  s.problem = problem;
  s.options = options ? options : &defaults;
  s.plan = plan;
  s.run.cancellable = cancellable;
  s.run.time_limit_s = s.options->time_limit_s;
  s.run.mip_gap = s.options->mip_gap;
  s.run.started_us = g_get_monotonic_time ();
  s.run.best_bound = NAN;
  s.y = g_new0 (double, problem->n_markets + 1);
  s.p = g_new0 (double, problem->n_markets + 1);
  s.q = g_new0 (double, problem->n_markets + 1);
  s.start = g_new0 (double, 3 * problem->n_markets + 1);

  ok = _lf_glpk_run (solve_in_glpk, &s, error);

  g_free (s.y);
  g_free (s.p);
  g_free (s.q);
  g_free (s.start);
  if (!ok)
    {
      _lf_model_layout_clear (&s.layout);
      return NULL;
    }

  plan->solve_ms = (g_get_monotonic_time () - s.run.started_us) / 1e3;

  return g_steal_pointer (&plan);
}

typedef struct
{
  LfProblem      *problem;
  LfSolveOptions  options;
} SolveTaskData;

static void
solve_task_data_free (SolveTaskData *data)
{
  lf_problem_unref (data->problem);
  g_free (data);
}

static void
solve_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SolveTaskData *data = task_data;
  GError *error = NULL;
  LfPlan *plan = lf_solver_solve (data->problem, &data->options, cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) lf_plan_unref);
}

void
lf_solver_solve_async (LfProblem            *problem,
                       const LfSolveOptions *options,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  static const LfSolveOptions defaults = LF_SOLVE_OPTIONS_INIT;
  g_autoptr(GTask) task = NULL;
  SolveTaskData *data;

  g_return_if_fail (problem != NULL);

  data = g_new0 (SolveTaskData, 1);
  data->problem = lf_problem_ref (problem);
  data->options = options ? *options : defaults;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lf_solver_solve_async);
  g_task_set_task_data (task, data, (GDestroyNotify) solve_task_data_free);
  g_task_run_in_thread (task, solve_in_thread);
}

LfPlan *
lf_solver_solve_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  const LfProblem *problem;
  const char      *path;
  gboolean         mps;
} WriteModel;

static gboolean
write_in_glpk (gpointer   data,
               GError   **error)
{
  WriteModel *w = data;
  LfModelLayout layout;
  glp_prob *lp = _lf_model_build (w->problem, NULL, &layout);
  int code;

  code = w->mps ? glp_write_mps (lp, GLP_MPS_FILE, NULL, w->path) : glp_write_lp (lp, NULL, w->path);
  glp_delete_prob (lp);
  _lf_model_layout_clear (&layout);

  if (code != 0)
    {
      g_set_error (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_WRITE,
                   _("Cannot write the model to “%s”"), w->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_model (const LfProblem  *problem,
             const char       *path,
             gboolean          mps,
             GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  WriteModel w = { problem, path, mps };

  if (!lf_problem_check (problem, &local_error))
    {
      g_set_error_literal (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  return _lf_glpk_run (write_in_glpk, &w, error);
}

/* The programme as CPLEX LP, exactly as the solver builds it. */
gboolean
lf_solver_write_lp (const LfProblem  *problem,
                    const char       *path,
                    GError          **error)
{
  g_return_val_if_fail (problem != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_model (problem, path, FALSE, error);
}

/* Free MPS keeps no objective sense: a max_value model must be read as a
 * maximisation (glpsol --max, cbc -max). */
gboolean
lf_solver_write_mps (const LfProblem  *problem,
                     const char       *path,
                     GError          **error)
{
  g_return_val_if_fail (problem != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_model (problem, path, TRUE, error);
}
