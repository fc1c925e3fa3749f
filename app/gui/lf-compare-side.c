/* lf-compare-side.c: one column of the Scenarios section
 *
 * Solves the side's snapshot when it has no plan, then sweeps its budget
 * for the frontier, both off the main thread; an answer that comes after
 * the side was dropped or given a new snapshot is thrown away.
 */

#include "config.h"

#include <math.h>

#include "lf-board-pack.h"
#include "lf-compare-view-private.h"

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->name, g_free);
  g_clear_pointer (&side->problem, lf_problem_unref);
  g_clear_pointer (&side->plan, lf_plan_unref);
  g_clear_pointer (&side->sweep, lf_sweep_result_free);
  g_clear_object (&side->cancellable);
}

Side *
lf_compare_side_new (LfCompareView *view,
                     SideKind       kind,
                     gint64         id)
{
  Side *side = g_rc_box_new0 (Side);

  side->view = view;
  side->kind = kind;
  side->id = id;
  side->cancellable = g_cancellable_new ();

  return side;
}

Side *
lf_compare_side_ref (Side *side)
{
  return g_rc_box_acquire (side);
}

void
lf_compare_side_unref (Side *side)
{
  g_rc_box_release_full (side, (GDestroyNotify) side_clear);
}

/* The side is no longer shown: what runs for it stops. */
void
lf_compare_side_drop (Side *side)
{
  side->view = NULL;
  g_cancellable_cancel (side->cancellable);
  lf_compare_side_unref (side);
}

/* Unticked: a kept plan stays restored (the list holds it) with what it
 * has solved, only its running work stops; any other side goes. */
void
lf_compare_side_release (Side *side)
{
  if (side->kind != SIDE_KEPT_PLAN)
    {
      lf_compare_side_drop (side);
      return;
    }
  if (side->busy)
    {
      g_cancellable_cancel (side->cancellable);
      g_object_unref (side->cancellable);
      side->cancellable = g_cancellable_new ();
      side->busy = FALSE;
    }
  lf_compare_side_unref (side);
}

/* A new snapshot: what was solved or swept for the old one is dropped. */
void
lf_compare_side_set_problem (Side      *side,
                             LfProblem *problem,
                             LfPlan    *plan)
{
  g_cancellable_cancel (side->cancellable);
  g_clear_object (&side->cancellable);
  side->cancellable = g_cancellable_new ();
  g_clear_pointer (&side->problem, lf_problem_unref);
  g_clear_pointer (&side->plan, lf_plan_unref);
  g_clear_pointer (&side->sweep, lf_sweep_result_free);
  side->problem = problem != NULL ? lf_problem_ref (problem) : NULL;
  side->plan = plan != NULL ? lf_plan_ref (plan) : NULL;
  side->swept = FALSE;
  side->busy = FALSE;
  side->refused = FALSE;
}

/* One solve or sweep of a side: its answer counts only if the side still
 * waits for it (not dropped, not given a new snapshot meanwhile). */
typedef struct
{
  Side         *side;
  GCancellable *cancellable;
} Job;

static Job *
job_new (Side *side)
{
  Job *job = g_new0 (Job, 1);

  job->side = lf_compare_side_ref (side);
  job->cancellable = g_object_ref (side->cancellable);

  return job;
}

static void
job_free (Job *job)
{
  lf_compare_side_unref (job->side);
  g_object_unref (job->cancellable);
  g_free (job);
}

static gboolean
job_wanted (const Job *job)
{
  return job->side->view != NULL && job->cancellable == job->side->cancellable &&
         !g_cancellable_is_cancelled (job->cancellable);
}

static void
on_side_swept_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Job *job = user_data;
  Side *side = job->side;
  g_autoptr(GError) error = NULL;
  LfSweepResult *sweep = lf_analysis_run_finish (result, NULL, &error);

  if (job_wanted (job))
    {
      side->sweep = sweep;
      side->swept = TRUE;
      side->busy = FALSE;
      sweep = NULL;
      if (error != NULL)
        g_debug ("Sweep of %s failed: %s", side->name, error->message);
      lf_compare_view_refresh_scenarios (side->view);
    }
  g_clear_pointer (&sweep, lf_sweep_result_free);
  job_free (job);
}

static void
side_sweep (Side *side)
{
  LfAnalysisRequest request = { LF_ANALYSIS_SWEEP, 0, lf_board_pack_frontier_top (side->problem, side->plan),
                                  LF_BOARD_PACK_FRONTIER_POINTS };

  if (isnan (request.to))
    {
      side->swept = TRUE;
      return;
    }
  side->busy = TRUE;
  lf_analysis_run_async (side->problem, &request, side->cancellable, NULL, NULL, NULL,
                         on_side_swept_cb, job_new (side));
}

static void
on_side_solved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Job *job = user_data;
  Side *side = job->side;
  g_autoptr(GError) error = NULL;
  g_autoptr(LfPlan) plan = lf_solver_solve_finish (result, &error);

  if (job_wanted (job))
    {
      side->busy = FALSE;
      if (plan != NULL)
        side->plan = g_steal_pointer (&plan);
      else
        side->swept = side->refused = TRUE;  /* nothing to sweep, nor to solve again */
      if (error != NULL)
        g_debug ("Solve of %s failed: %s", side->name, error->message);
      lf_compare_side_start (side);
      lf_compare_view_refresh_scenarios (side->view);
    }
  job_free (job);
}

/* Solves the side if it has no plan yet (the current one is solved by the
 * scenario page), then sweeps it. */
void
lf_compare_side_start (Side *side)
{
  if (side->busy || side->problem == NULL || side->refused)
    return;
  if (side->plan == NULL && side->kind != SIDE_CURRENT)
    {
      side->busy = TRUE;
      lf_solver_solve_async (side->problem, NULL, side->cancellable, on_side_solved_cb, job_new (side));
      return;
    }
  if (!side->swept && side->plan != NULL)
    side_sweep (side);
}
