/* lf-test-model.h: random scenarios, and the programme of model.md written
 * out again by hand for glpsol and CBC to solve
 *
 * The LP writer here is a second transcription of spec/model.md that shares
 * no code with the solver, so that glpsol on its file checks the solver
 * rather than the solver's own reading of the page.
 */
#pragma once

#include "lf-problem.h"

G_BEGIN_DECLS

#define LF_TEST_MODEL_ERROR (lf_test_model_error_quark ())

typedef enum
{
  LF_TEST_MODEL_ERROR_FAILED,  /* the external solver failed or said nothing */
  LF_TEST_MODEL_ERROR_PARSE,   /* its output was not what we expected */
} LfTestModelError;

typedef enum
{
  LF_TEST_OPTIMAL,
  LF_TEST_INFEASIBLE,
  LF_TEST_STOPPED,             /* time limit or another stop, no proof */
} LfTestStatus;

/* What an external solver answered. values holds glpsol's column values in
 * the writer's column order (y_1 p_1 q_1 y_2 ...); CBC fills no values. */
typedef struct
{
  LfTestStatus status;
  double       objective;
  GArray      *values;         /* of double, may be empty */
} LfTestSolution;

/* The totals of a plan that enters every market it may (all but the
 * excluded ones) at full reach p = P, q = Q. */
typedef struct
{
  double cost;
  double value;
  double risk;
  double headcount;
  guint  markets;
} LfTestReach;

LfProblem *lf_test_random_problem   (GRand            *rand,
                                     guint             n_markets,
                                     gboolean          with_caps);
void       lf_test_full_reach       (const LfProblem  *problem,
                                     LfTestReach      *out);

char      *lf_test_write_cplex_lp   (const LfProblem  *problem);
guint      lf_test_lp_column        (guint             market,
                                     char              variable);

gboolean   lf_test_glpsol           (const char       *lp_text,
                                     double           *out_objective,
                                     gboolean         *out_feasible,
                                     GError          **error);
gboolean   lf_test_glpsol_text      (const char       *lp_text,
                                     gboolean          mip_presolve,
                                     LfTestSolution   *out,
                                     GError          **error);
gboolean   lf_test_glpsol_file      (const char       *lp_path,
                                     double            time_limit_s,
                                     gboolean          mip_presolve,
                                     LfTestSolution   *out,
                                     GError          **error);
gboolean   lf_test_cbc_file         (const char       *lp_path,
                                     double            time_limit_s,
                                     LfTestSolution   *out,
                                     GError          **error);
void       lf_test_solution_clear   (LfTestSolution   *solution);

GQuark     lf_test_model_error_quark (void);

G_END_DECLS
