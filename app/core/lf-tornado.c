/* lf-tornado.c: one-at-a-time sensitivity (model.md)
 *
 * Every parameter that is not zero, of every market that may be entered,
 * and the scenario's budget (or target) and caps, scaled to its low and
 * high multiplier one at a time and re-solved. Bars sorted by swing.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-analysis-private.h"

/* The scenario-wide rows a tornado moves, by LfRowKind. */
static const LfRowKind scenario_rows[] = { LF_ROW_BUDGET, LF_ROW_TARGET, LF_ROW_RISK, LF_ROW_HEADCOUNT };

typedef struct
{
  const LfProblem *problem;
  const LfPlan    *base_plan;
  double           factors[2];
  LfTornadoItem   *items;
  GCancellable    *cancellable;
} Tornado;

void
lf_tornado_result_free (LfTornadoResult *self)
{
  if (self == NULL)
    return;

  for (guint k = 0; k < self->n_items; k++)
    g_free (self->items[k].label);
  g_free (self->items);
  g_free (self);
}

static double *
scenario_value (LfProblem *problem,
                LfRowKind  row)
{
  switch (row)
    {
    case LF_ROW_BUDGET:
      return problem->objective == LF_OBJECTIVE_MAX_VALUE ? &problem->budget : NULL;
    case LF_ROW_TARGET:
      return problem->objective == LF_OBJECTIVE_MIN_COST ? &problem->target_value : NULL;
    case LF_ROW_RISK:
      return isnan (problem->risk_cap) ? NULL : &problem->risk_cap;
    case LF_ROW_HEADCOUNT:
      return isnan (problem->headcount_cap) ? NULL : &problem->headcount_cap;
    case LF_ROW_MARKETS:
    case LF_ROW_LOCK:
    default:
      return NULL;
    }
}

static const char *
scenario_label (LfRowKind row)
{
  switch (row)
    {
    case LF_ROW_BUDGET:
      return _("Budget");
    case LF_ROW_TARGET:
      return _("Target value");
    case LF_ROW_RISK:
      return _("Risk cap");
    case LF_ROW_HEADCOUNT:
      return _("Headcount cap");
    case LF_ROW_MARKETS:
    case LF_ROW_LOCK:
    default:
      return "";
    }
}

static GArray *
choose_items (const LfProblem *problem)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (LfTornadoItem));
  g_autoptr(LfProblem) probe = lf_problem_copy (problem);

  for (guint k = 0; k < G_N_ELEMENTS (scenario_rows); k++)
    {
      LfTornadoItem item = { NULL, -1, -1 - (int) scenario_rows[k], NAN, NAN };

      if (scenario_value (probe, scenario_rows[k]) == NULL)
        continue;
      item.label = g_strdup (scenario_label (scenario_rows[k]));
      g_array_append_val (items, item);
      /* The array owns item.label now, freed with the items: cppcheck
       * does not follow the copy that g_array_append_val makes. */
      /* cppcheck-suppress memleak */
    }

  for (guint i = 0; i < problem->n_markets; i++)
    {
      if (problem->markets[i].v.lock == LF_LOCK_EXCLUDE)
        continue;
      for (guint param = 0; param < LF_N_PARAMS; param++)
        {
          LfTornadoItem item = { NULL, (int) i, (int) param, NAN, NAN };

          if (lf_problem_param (problem, i, param) == 0)
            continue;
          /* Translators: a tornado bar: market, then parameter */
          item.label = g_strdup_printf (_("%s: %s"), problem->markets[i].name,
                                        _(lf_param_info (param)->label));
          g_array_append_val (items, item);
          /* As above: the array owns the label. */
          /* cppcheck-suppress memleak */
        }
    }

  return items;
}

static double
solve_scaled (Tornado             *t,
              const LfTornadoItem *item,
              double               factor)
{
  g_autoptr(LfProblem) scaled = lf_problem_copy (t->problem);
  g_autoptr(LfPlan) plan = NULL;

  if (item->market >= 0)
    _lf_problem_scale_param (scaled, item->market, item->param, factor);
  else
    *scenario_value (scaled, (LfRowKind) (-1 - item->param)) *= factor;

  plan = _lf_analysis_solve (scaled, t->base_plan, t->cancellable);

  return _lf_plan_objective (plan);
}

/* Item k/2, low (even k) or high (odd k). */
static double
tornado_task (guint    index,
              gpointer user_data)
{
  Tornado *t = user_data;
  LfTornadoItem *item = &t->items[index / 2];
  double value = solve_scaled (t, item, t->factors[index % 2]);

  if (index % 2 == 0)
    item->low_value = value;
  else
    item->high_value = value;

  return value;
}

static double
swing (const LfTornadoItem *item,
       double               base)
{
  double low = isnan (item->low_value) ? base : item->low_value;
  double high = isnan (item->high_value) ? base : item->high_value;

  return fabs (high - low);
}

static int
by_swing_desc (gconstpointer a,
               gconstpointer b,
               gpointer      base)
{
  double sa = swing (a, *(double *) base), sb = swing (b, *(double *) base);

  return (sa < sb) - (sa > sb);
}

LfTornadoResult *
lf_analysis_tornado (const LfProblem  *problem,
                     double            low,
                     double            high,
                     guint             n_threads,
                     GCancellable     *cancellable,
                     LfProgressFunc    progress,
                     gpointer          user_data,
                     GError          **error)
{
  g_autoptr(LfPlan) base = NULL;
  LfTornadoResult *self;
  GArray *items;
  Tornado t;

  g_return_val_if_fail (problem != NULL, NULL);

  if (!isfinite (low) || !isfinite (high) || low < 0 || low > 1 || high < 1)
    {
      g_set_error (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_INVALID,
                   _("The multipliers must satisfy 0 ≤ low ≤ 1 ≤ high"));
      return NULL;
    }

  base = lf_solver_solve (problem, NULL, cancellable, error);
  if (base == NULL)
    return NULL;

  items = choose_items (problem);
  self = g_new0 (LfTornadoResult, 1);
  self->base_value = _lf_plan_objective (base);
  self->low_multiplier = low;
  self->high_multiplier = high;
  self->n_items = items->len;
  /* Through gpointer: g_array_free returns gchar *, which clang's
   * -Wcast-align takes for byte-aligned; the block is malloc-aligned. */
  self->items = (gpointer) g_array_free (items, FALSE);

  t = (Tornado) { problem, base, { low, high }, self->items, cancellable };
  _lf_parallel_for (2 * self->n_items, n_threads, tornado_task, &t, cancellable, progress, user_data);
  if (!_lf_analysis_check_cancel (cancellable, error))
    {
      lf_tornado_result_free (self);
      return NULL;
    }

  g_qsort_with_data (self->items, self->n_items, sizeof *self->items, by_swing_desc, &self->base_value);

  return self;
}
