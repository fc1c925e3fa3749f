/* lf-sweep.c: the budget sweep, the efficient frontier of model.md
 *
 * Points are solved from the smallest budget up, each offered the plan of
 * the point before as its first incumbent: that plan is feasible at a
 * larger budget, so each solve starts from a good plan and the value can
 * never fall as the budget grows.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-analysis-private.h"

void
lf_sweep_result_free (LfSweepResult *self)
{
  if (self == NULL)
    return;

  g_free (self->budget);
  g_free (self->value);
  /* Not g_strfreev(): change has NULL gaps where nothing changed. */
  for (guint k = 0; k < self->n_points; k++)
    g_free (self->change[k]);
  g_free (self->change);
  g_strfreev (self->market_names);
  g_free (self->entered);
  g_free (self);
}

static LfSweepResult *
sweep_result_new (const LfProblem *problem,
                  guint            n_points)
{
  LfSweepResult *self = g_new0 (LfSweepResult, 1);

  self->n_points = n_points;
  self->budget = g_new0 (double, n_points);
  self->value = g_new0 (double, n_points);
  self->change = g_new0 (char *, n_points + 1);
  self->current_budget = problem->budget;
  self->n_markets = problem->n_markets;
  self->market_names = g_new0 (char *, problem->n_markets + 1);
  self->entered = g_new0 (guint8, (gsize) n_points * MAX (problem->n_markets, 1));
  for (guint i = 0; i < problem->n_markets; i++)
    self->market_names[i] = g_strdup (problem->markets[i].name);

  return self;
}

/* "+Japan −India": markets that came in, then those that went out. */
static char *
describe_change (const LfSweepResult *self,
                 const guint8        *before,
                 const guint8        *after)
{
  GString *text = g_string_new (NULL);

  for (int sign = 1; sign >= 0; sign--)
    {
      for (guint i = 0; i < self->n_markets; i++)
        {
          if (before[i] == after[i] || after[i] != sign)
            continue;
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, sign ? "+" : "−");
          g_string_append (text, self->market_names[i]);
        }
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

static void
record_point (LfSweepResult *self,
              guint          k,
              const LfPlan  *plan)
{
  guint8 *entered = self->entered + (gsize) k * self->n_markets;

  self->value[k] = _lf_plan_objective (plan);
  for (guint i = 0; i < self->n_markets && plan->has_solution; i++)
    entered[i] = plan->markets[i].entered;
  if (k > 0 && !isnan (self->value[k]) && !isnan (self->value[k - 1]))
    self->change[k] = describe_change (self, entered - self->n_markets, entered);
}

static gboolean
check_range (double    from,
             double    to,
             guint     n_points,
             GError  **error)
{
  if (!isfinite (from) || !isfinite (to) || from < 0 || to < from || n_points == 0 ||
      n_points > 100000 || (n_points > 1 && to == from))
    {
      g_set_error (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_INVALID,
                   _("A sweep needs 0 ≤ from < to and between 1 and 100 000 steps"));
      return FALSE;
    }

  return TRUE;
}

/**
 * lf_analysis_sweep:
 * @problem: a valid problem; a min_cost problem is swept as max_value
 *
 * F* at @n_points budgets evenly spread over [@from, @to].
 */
LfSweepResult *
lf_analysis_sweep (const LfProblem  *problem,
                   double            from,
                   double            to,
                   guint             n_points,
                   GCancellable     *cancellable,
                   LfProgressFunc    progress,
                   gpointer          user_data,
                   GError          **error)
{
  g_autoptr(LfProblem) point = NULL;
  g_autoptr(LfPlan) previous = NULL;
  LfSweepResult *self;

  g_return_val_if_fail (problem != NULL, NULL);

  if (!check_range (from, to, n_points, error))
    return NULL;

  point = lf_problem_copy (problem);
  point->objective = LF_OBJECTIVE_MAX_VALUE;
  self = sweep_result_new (problem, n_points);

  for (guint k = 0; k < n_points; k++)
    {
      LfPlan *plan;

      point->budget = n_points == 1 ? from : from + (to - from) * k / (n_points - 1);
      self->budget[k] = point->budget;
      plan = _lf_analysis_solve (point, previous, cancellable);
      if (plan == NULL || !_lf_analysis_check_cancel (cancellable, error))
        {
          g_clear_pointer (&plan, lf_plan_unref);
          if (error != NULL && *error == NULL)
            g_set_error (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_INVALID, _("The solver failed"));
          lf_sweep_result_free (self);
          return NULL;
        }
      record_point (self, k, plan);
      g_clear_pointer (&previous, lf_plan_unref);
      previous = plan;
      if (progress != NULL)
        progress (k + 1, n_points, k, self->value[k], user_data);
    }

  return self;
}
