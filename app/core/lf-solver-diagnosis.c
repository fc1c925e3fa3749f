/* lf-solver-diagnosis.c: why no plan fits, in business terms (model.md)
 *
 * An elastic programme puts a slack on every relaxable row (budget or
 * target, risk, headcount, market count, each enter lock) and minimises
 * their total, each scaled by its row's right-hand side. The rows that
 * move are then reduced to an irreducible set with a deletion filter, and
 * the search repeats without them for alternatives: "the budget must grow
 * by 5 945 000 USD, or lift the locks on China and Japan".
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-format.h"
#include "lf-solver-private.h"

/* At most this many alternative repairs are offered. */
#define MAX_OPTIONS 3
#define SLACK_EPS 1e-7

/* A set of relaxable rows: side rows by bit, enter locks per market. */
typedef struct
{
  guint     rows;
  gboolean *locks;
} RowSet;

typedef struct
{
  const LfProblem *problem;
  LfPlan          *plan;
  LfMipRun        *run;
  guint            n_markets;
} Diagnosis;

static gboolean
row_set_is_empty (const Diagnosis *d,
                  const RowSet    *set)
{
  if (set->rows != 0)
    return FALSE;
  for (guint i = 0; i < d->n_markets; i++)
    {
      if (set->locks[i])
        return FALSE;
    }

  return TRUE;
}

/* Slack of each row after an elastic solve; NULL when it is infeasible
 * even then (the allowed rows cannot repair it). */
typedef struct
{
  double  rows[LF_ROW_LOCK];
  double *locks;
} Slacks;

static gboolean
solve_elastic (Diagnosis    *d,
               const RowSet *allowed,
               Slacks       *out)
{
  LfModelSpec spec = { TRUE, allowed->rows, allowed->locks };
  LfModelLayout layout;
  glp_prob *lp = _lf_model_build (d->problem, &spec, &layout);
  int code = _lf_model_intopt (lp, d->run, FALSE);
  gboolean feasible = code == 0 && glp_mip_status (lp) == GLP_OPT;

  if (feasible)
    {
      for (guint k = 0; k < LF_ROW_LOCK; k++)
        out->rows[k] = layout.slack_col[k] ? glp_mip_col_val (lp, layout.slack_col[k]) : 0;
      for (guint i = 0; i < d->n_markets; i++)
        out->locks[i] = layout.lock_slack_col[i] ? glp_mip_col_val (lp, layout.lock_slack_col[i]) : 0;
    }

  glp_delete_prob (lp);
  _lf_model_layout_clear (&layout);

  return feasible;
}

static void
rows_that_moved (const Diagnosis *d,
                 const Slacks    *slacks,
                 RowSet          *set)
{
  set->rows = 0;
  for (guint k = 0; k < LF_ROW_LOCK; k++)
    {
      if (slacks->rows[k] > SLACK_EPS * MAX (1, fabs (_lf_model_row_rhs (d->problem, k))))
        set->rows |= 1u << k;
    }
  for (guint i = 0; i < d->n_markets; i++)
    set->locks[i] = slacks->locks[i] > 0.5;
}

/* Deletion filter: drop each row whose relaxation is not needed while the
 * others stay relaxable; what remains is irreducible. */
static void
reduce (Diagnosis *d,
        RowSet    *set,
        Slacks    *slacks)
{
  for (guint k = 0; k < LF_ROW_LOCK; k++)
    {
      if (!(set->rows & (1u << k)))
        continue;
      set->rows &= ~(1u << k);
      if (row_set_is_empty (d, set) || !solve_elastic (d, set, slacks))
        set->rows |= 1u << k;
    }

  for (guint i = 0; i < d->n_markets; i++)
    {
      if (!set->locks[i])
        continue;
      set->locks[i] = FALSE;
      if (row_set_is_empty (d, set) || !solve_elastic (d, set, slacks))
        set->locks[i] = TRUE;
    }

  /* The amounts of the final, irreducible set. */
  solve_elastic (d, set, slacks);
}

/* Money moves are shown in whole units of currency, rounded up so the
 * suggested value really is enough; counts in whole markets. */
static double
round_move (LfRowKind row,
            double    by)
{
  switch (row)
    {
    case LF_ROW_BUDGET:
      return ceil (by - 1e-6);
    case LF_ROW_MARKETS:
      return ceil (by - 1e-6);
    case LF_ROW_TARGET:
    case LF_ROW_RISK:
    case LF_ROW_HEADCOUNT:
      return by <= 0 ? 0 : ceil (by * 1e6 - 1e-3) / 1e6;
    case LF_ROW_LOCK:
    default:
      return 1;
    }
}

static char *
describe_move (const Diagnosis *d,
               LfRowKind        row,
               double           by,
               double           to)
{
  g_autofree char *by_text = NULL;
  g_autofree char *to_text = NULL;

  switch (row)
    {
    case LF_ROW_BUDGET:
      by_text = lf_format_money (by, d->problem->currency, LF_MONEY_UNITS);
      to_text = lf_format_money (to, d->problem->currency, LF_MONEY_UNITS);
      return g_strdup_printf (_("The budget must grow by %s, to %s"), by_text, to_text);

    case LF_ROW_TARGET:
      by_text = lf_format_decimal (by, 6);
      to_text = lf_format_decimal (to, 6);
      return g_strdup_printf (_("The target value must fall by %s, to %s"), by_text, to_text);

    case LF_ROW_RISK:
      by_text = lf_format_decimal (by, 6);
      to_text = lf_format_decimal (to, 6);
      return g_strdup_printf (_("The risk cap must rise by %s, to %s"), by_text, to_text);

    case LF_ROW_HEADCOUNT:
      by_text = lf_format_decimal (by, 6);
      to_text = lf_format_decimal (to, 6);
      return g_strdup_printf (_("The headcount cap must rise by %s, to %s"), by_text, to_text);

    case LF_ROW_MARKETS:
      return g_strdup_printf (ngettext ("The market limit must rise by %d, to %d",
                                        "The market limit must rise by %d, to %d", (int) by),
                              (int) by, (int) to);

    case LF_ROW_LOCK:
    default:
      g_assert_not_reached ();
    }
}

static void
report_option (Diagnosis    *d,
               guint         option,
               const RowSet *set,
               const Slacks *slacks)
{
  for (guint k = 0; k < LF_ROW_LOCK; k++)
    {
      double rhs, by;
      g_autofree char *message = NULL;

      if (!(set->rows & (1u << k)))
        continue;

      rhs = _lf_model_row_rhs (d->problem, k);
      by = round_move (k, slacks->rows[k]);
      /* The target moves down; every other row up. */
      message = describe_move (d, k, by, k == LF_ROW_TARGET ? rhs - by : rhs + by);
      lf_plan_add_diagnosis (d->plan, option, k, -1, by, k == LF_ROW_TARGET ? rhs - by : rhs + by, message);
    }

  for (guint i = 0; i < d->n_markets; i++)
    {
      g_autofree char *message = NULL;

      if (!set->locks[i])
        continue;

      message = g_strdup_printf (_("Lift the lock on %s"), d->problem->markets[i].name);
      lf_plan_add_diagnosis (d->plan, option, LF_ROW_LOCK, (int) i, 1, 0, message);
    }
}

static void
remove_rows (Diagnosis    *d,
             RowSet       *allowed,
             const RowSet *used)
{
  allowed->rows &= ~used->rows;
  for (guint i = 0; i < d->n_markets; i++)
    allowed->locks[i] = allowed->locks[i] && !used->locks[i];
}

static void
initial_rows (Diagnosis *d,
              RowSet    *allowed)
{
  allowed->rows = (d->problem->objective == LF_OBJECTIVE_MAX_VALUE ? 1u << LF_ROW_BUDGET : 1u << LF_ROW_TARGET) |
                  (isnan (d->problem->risk_cap) ? 0 : 1u << LF_ROW_RISK) |
                  (isnan (d->problem->headcount_cap) ? 0 : 1u << LF_ROW_HEADCOUNT) |
                  (isnan (d->problem->max_markets) ? 0 : 1u << LF_ROW_MARKETS);
  for (guint i = 0; i < d->n_markets; i++)
    allowed->locks[i] = d->problem->markets[i].v.lock == LF_LOCK_ENTER;
}

gboolean
_lf_solver_diagnose (const LfProblem  *problem,
                     LfPlan           *plan,
                     LfMipRun         *run,
                     GError          **error)
{
  Diagnosis d = { problem, plan, run, problem->n_markets };
  /* scan-build 14 reports a leak here: it does not model g_autofree's
   * cleanup attribute (a five-line g_autofree function shows it too). */
  g_autofree gboolean *allowed_locks = g_new0 (gboolean, problem->n_markets + 1);
  g_autofree gboolean *used_locks = g_new0 (gboolean, problem->n_markets + 1);
  g_autofree double *slack_locks = g_new0 (double, problem->n_markets + 1);
  RowSet allowed = { 0, allowed_locks };
  RowSet used = { 0, used_locks };
  Slacks slacks = { { 0 }, slack_locks };

  initial_rows (&d, &allowed);

  for (guint option = 1; option <= MAX_OPTIONS; option++)
    {
      if (row_set_is_empty (&d, &allowed) || g_cancellable_is_cancelled (run->cancellable))
        break;
      if (!solve_elastic (&d, &allowed, &slacks))
        break;

      rows_that_moved (&d, &slacks, &used);
      if (row_set_is_empty (&d, &used))
        break;
      reduce (&d, &used, &slacks);
      report_option (&d, option, &used, &slacks);
      remove_rows (&d, &allowed, &used);
    }

  return TRUE;
}
