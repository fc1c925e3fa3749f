/* lf-problem.h: the immutable snapshot of a scenario that the solver eats
 *
 * Plain arrays, no GObjects: safe to hand to a worker thread. Build one
 * (from a scenario, or by copying and changing another before sharing it),
 * then treat it as read-only; it is reference counted.
 */
#pragma once

#include "lf-scenario.h"

G_BEGIN_DECLS

typedef struct
{
  char           *name;
  char           *code;
  LfMarketValues  v;
} LfProblemMarket;

typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  char            *name;
  char             currency[4];
  LfObjective      objective;
  double           budget;       /* NAN: absent */
  double           target_value; /* NAN: absent */
  double           risk_cap;     /* NAN: no cap */
  double           headcount_cap;/* NAN: no cap */
  double           max_markets;  /* NAN: no cap; else a whole number */
  guint            n_markets;
  LfProblemMarket *markets;
} LfProblem;

#define LF_TYPE_PROBLEM (lf_problem_get_type ())

GType      lf_problem_get_type          (void) G_GNUC_CONST;
LfProblem *lf_problem_new               (guint          n_markets);
LfProblem *lf_problem_new_from_scenario (LfScenario    *scenario);
LfProblem *lf_problem_copy              (const LfProblem *self);
LfProblem *lf_problem_ref               (LfProblem     *self);
void       lf_problem_unref             (LfProblem     *self);
gboolean   lf_problem_check             (const LfProblem *self,
                                         GError       **error);
LfScenario *lf_problem_to_scenario      (const LfProblem *self);

static inline double
lf_problem_param (const LfProblem *self,
                  guint            market,
                  LfParam          param)
{
  return self->markets[market].v.value[param];
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfProblem, lf_problem_unref)

G_END_DECLS
