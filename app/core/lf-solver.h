/* lf-solver.h: the programme of model.md in GLPK, solved exactly
 *
 * Thread-safe: each call builds, solves and frees its own GLPK problem on
 * the calling thread (GLPK keeps its environment per thread).
 */
#pragma once

#include <gio/gio.h>

#include "lf-plan.h"

G_BEGIN_DECLS

#define LF_SOLVER_ERROR (lf_solver_error_quark ())

typedef enum
{
  LF_SOLVER_ERROR_INVALID,   /* the problem breaks a rule of model.md */
  LF_SOLVER_ERROR_FAILED,    /* GLPK failed */
  LF_SOLVER_ERROR_WRITE,     /* cannot write the model file */
} LfSolverError;

typedef struct
{
  double        time_limit_s;      /* <= 0: none */
  double        mip_gap;           /* relative; 0 is exact (the default) */
  gboolean      skip_shadow_price; /* analyses re-solving many times skip it */
  gboolean      skip_diagnosis;    /* ... and the infeasibility diagnosis */
  const LfPlan *hint;              /* a plan of the same markets, offered as
                                    * the first incumbent when it is feasible
                                    * (a neighbouring sweep point, the plan
                                    * before the user's last keystroke) */
} LfSolveOptions;

#define LF_SOLVE_OPTIONS_INIT { 0, 0, FALSE, FALSE, NULL }

LfPlan  *lf_solver_solve      (const LfProblem       *problem,
                               const LfSolveOptions  *options,
                               GCancellable          *cancellable,
                               GError               **error);
void     lf_solver_solve_async  (LfProblem           *problem,
                                 const LfSolveOptions *options,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
LfPlan  *lf_solver_solve_finish (GAsyncResult        *result,
                                 GError             **error);
gboolean lf_solver_write_lp   (const LfProblem       *problem,
                               const char            *path,
                               GError               **error);
gboolean lf_solver_write_mps  (const LfProblem       *problem,
                               const char            *path,
                               GError               **error);

GQuark   lf_solver_error_quark (void);

G_END_DECLS
