/* lf-plan-summary.c: what the plan view shows, decided without widgets */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-display.h"
#include "lf-plan-summary.h"

static const char *column_titles[LF_N_PLAN_COLS] = {
  N_("Market"),
  N_("Entered"),
  N_("Penetration"),
  N_("Satisfaction"),
  N_("Value"),
  N_("Promotion"),
  N_("Technology"),
  N_("Culture"),
  N_("Legal"),
  N_("Cost"),
};

const char *
lf_plan_column_title (LfPlanColumn column)
{
  g_return_val_if_fail (column < LF_N_PLAN_COLS, NULL);

  return _(column_titles[column]);
}

static char *
money (double        amount,
       const char   *currency,
       LfMoneyScale  scale)
{
  return lf_format_money (amount, currency, scale);
}

/* The table shows money in thousands at least, so ten columns fit; its
 * title names the unit, so the cells hold the number alone. */
static LfMoneyScale
table_scale (LfMoneyScale scale)
{
  return scale == LF_MONEY_MILLIONS ? LF_MONEY_MILLIONS : LF_MONEY_THOUSANDS;
}

static char *
money_cell (double       amount,
            LfMoneyScale scale)
{
  if (table_scale (scale) == LF_MONEY_MILLIONS)
    return lf_format_grouped (amount / 1e6, 2);

  return lf_format_grouped (amount / 1e3, 0);
}

static char *
table_title (const LfPlan *plan,
             LfMoneyScale  scale)
{
  if (plan->currency == NULL || plan->currency[0] == '\0')
    return g_strdup (_("Plan by market"));
  if (table_scale (scale) == LF_MONEY_MILLIONS)
    /* Translators: title of the plan table, e.g. "Plan by market (costs in millions of USD)" */
    return g_strdup_printf (_("Plan by market (costs in millions of %s)"), plan->currency);

  /* Translators: title of the plan table, e.g. "Plan by market (costs in thousands of USD)" */
  return g_strdup_printf (_("Plan by market (costs in thousands of %s)"), plan->currency);
}

static void
fix_clear (gpointer data)
{
  LfFix *fix = data;

  g_free (fix->market);
  g_free (fix->label);
}

static void
option_free (gpointer data)
{
  LfDiagnosisOption *option = data;

  g_ptr_array_unref (option->messages);
  g_array_unref (option->fixes);
  g_free (option->button_label);
  g_free (option);
}

void
lf_plan_summary_free (LfPlanSummary *self)
{
  if (self == NULL)
    return;

  g_free (self->status_title);
  g_free (self->status_detail);
  g_free (self->value_text);
  g_free (self->value_detail);
  g_free (self->cost_text);
  g_free (self->cost_detail);
  g_free (self->markets_text);
  g_free (self->markets_detail);
  g_free (self->risk_text);
  g_free (self->risk_detail);
  g_free (self->staff_text);
  g_free (self->staff_detail);
  g_free (self->shadow_text);
  g_free (self->table_title);
  for (guint i = 0; i < self->n_rows * LF_N_PLAN_COLS; i++)
    g_free (self->cells[i]);
  g_free (self->cells);
  g_free (self->entered);
  g_free (self->markets);
  for (guint i = 0; i < LF_N_PLAN_COLS; i++)
    g_free (self->totals[i]);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_free (self);
}

const char *
lf_plan_summary_cell (const LfPlanSummary *self,
                      guint                row,
                      LfPlanColumn         column)
{
  g_return_val_if_fail (row < self->n_rows && column < LF_N_PLAN_COLS, NULL);

  return self->cells[row * LF_N_PLAN_COLS + column];
}

/* A round amount of money near a tenth of the budget's size: the step in
 * "one more 100 000 USD buys +0.8 value". */
static double
round_step (double around)
{
  if (!(around > 0) || !isfinite (around))
    return 1;

  return pow (10, floor (log10 (around))) / 10;
}

char *
lf_plan_shadow_text (const LfPlan    *plan,
                     const LfProblem *problem)
{
  g_autofree char *step_text = NULL;
  g_autofree char *gain_text = NULL;
  double step;

  if (!plan->has_shadow_price || !plan->has_solution)
    return NULL;

  if (plan->objective == LF_OBJECTIVE_MAX_VALUE)
    {
      step = round_step (problem->budget);
      if (fabs (plan->shadow_price * step) < 5e-4)
        return g_strdup (_("More budget buys no more value: another limit binds"));
      step_text = lf_format_money (step, plan->currency, LF_MONEY_UNITS);
      gain_text = lf_format_decimal (plan->shadow_price * step, 2);
      /* Translators: the budget's shadow price, e.g. "One more 100 000 USD buys +0.8 value" */
      return g_strdup_printf (_("One more %s buys +%s value"), step_text, gain_text);
    }

  step = round_step (problem->target_value);
  step_text = lf_format_decimal (step, 2);
  gain_text = lf_format_money (fabs (plan->shadow_price) * step, plan->currency, LF_MONEY_UNITS);
  /* Translators: the target's shadow price, e.g. "One more 0.1 value costs +45 000 USD" */
  return g_strdup_printf (_("One more %s value costs +%s"), step_text, gain_text);
}

static void
set_status (LfPlanSummary *self,
            const LfPlan  *plan)
{
  switch (plan->status)
    {
    case LF_PLAN_OPTIMAL:
      self->status_title = g_strdup (_("Best plan"));
      self->status_detail = g_strdup_printf (_("Exact optimum, solved in %.0f ms"), ceil (plan->solve_ms));
      break;
    case LF_PLAN_TIME_LIMIT:
      self->status_title = g_strdup (_("Best plan found in the time limit"));
      if (plan->has_solution && isfinite (plan->bound))
        {
          g_autofree char *bound = lf_format_decimal (plan->bound, 4);

          self->status_detail = g_strdup_printf (_("No plan can do better than %s"), bound);
        }
      break;
    case LF_PLAN_INFEASIBLE:
      self->status_title = g_strdup (_("No plan fits these limits"));
      self->status_detail = g_strdup (_("Any one of the changes below makes a plan possible."));
      break;
    case LF_PLAN_CANCELLED:
      self->status_title = g_strdup (_("Solve cancelled"));
      break;
    case LF_PLAN_ERROR:
    default:
      self->status_title = g_strdup (_("The solver failed"));
      self->status_detail = g_strdup (plan->error_message);
      break;
    }
}

static char *
of_cap (double      cap,
        const char *cap_text)
{
  if (isnan (cap))
    return g_strdup (_("No cap"));
  /* Translators: under a total, e.g. "cap 0.9" */
  return g_strdup_printf (_("cap %s"), cap_text);
}

static void
set_headline (LfPlanSummary   *self,
              const LfPlan    *plan,
              const LfProblem *problem,
              LfMoneyScale     scale)
{
  g_autofree char *risk_cap = lf_display_format_entry (LF_ENTRY_NUMBER, problem->risk_cap, LF_MONEY_UNITS);
  g_autofree char *staff_cap = lf_display_format_entry (LF_ENTRY_NUMBER, problem->headcount_cap, LF_MONEY_UNITS);

  self->value_text = lf_format_decimal (plan->value, 4);
  self->cost_text = money (plan->cost, plan->currency, scale);
  self->cost_fraction = NAN;
  if (plan->objective == LF_OBJECTIVE_MAX_VALUE)
    {
      g_autofree char *budget = money (problem->budget, plan->currency, scale);

      self->value_detail = g_strdup (_("Weighted penetration and satisfaction"));
      /* Translators: under the cost, e.g. "of 6 000 000 USD budget" */
      self->cost_detail = g_strdup_printf (_("of %s budget"), budget);
      if (problem->budget > 0)
        self->cost_fraction = CLAMP (plan->cost / problem->budget, 0, 1);
    }
  else
    {
      g_autofree char *target = lf_format_decimal (problem->target_value, 4);

      self->value_detail = g_strdup_printf (_("target %s"), target);
      self->cost_detail = g_strdup (_("Cheapest plan that reaches the target"));
    }
  self->markets_text = g_strdup_printf ("%u", plan->markets_entered);
  if (isnan (problem->max_markets))
    self->markets_detail = g_strdup_printf (_("of %u candidates"), problem->n_markets);
  else
    self->markets_detail = g_strdup_printf (_("of %u candidates, limit %.0f"), problem->n_markets, problem->max_markets);
  self->risk_text = lf_format_decimal (plan->risk, 3);
  self->risk_detail = of_cap (problem->risk_cap, risk_cap);
  self->staff_text = lf_format_decimal (plan->headcount, 3);
  self->staff_detail = of_cap (problem->headcount_cap, staff_cap);
  self->shadow_text = lf_plan_shadow_text (plan, problem);
}

/* Entered markets first, the most valuable on top; the others after them
 * in the scenario's order: the table is read for what the plan does. */
static int
by_entered_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const LfPlan *plan = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  gboolean in_i = plan->has_solution && plan->markets[i].entered;
  gboolean in_j = plan->has_solution && plan->markets[j].entered;

  if (in_i != in_j)
    return in_i ? -1 : 1;
  if (in_i && plan->markets[i].value != plan->markets[j].value)
    return plan->markets[i].value > plan->markets[j].value ? -1 : 1;
  return i < j ? -1 : i > j;
}

static void
set_cells (LfPlanSummary *self,
           const LfPlan  *plan,
           LfMoneyScale   scale)
{
  g_autofree guint *order = g_new (guint, plan->n_markets + 1);

  static const LfPlanColumn part_cols[LF_N_COST_PARTS] = {
    LF_PLAN_COL_PROMOTION, LF_PLAN_COL_TECHNOLOGY, LF_PLAN_COL_CULTURE, LF_PLAN_COL_LEGAL,
  };

  self->n_rows = plan->n_markets;
  self->cells = g_new0 (char *, (gsize) self->n_rows * LF_N_PLAN_COLS);
  self->entered = g_new0 (gboolean, self->n_rows);
  self->markets = g_new0 (guint, self->n_rows + 1);
  for (guint i = 0; i < plan->n_markets; i++)
    order[i] = i;
  g_qsort_with_data (order, plan->n_markets, sizeof *order, by_entered_value, (gpointer) plan);
  for (guint r = 0; r < plan->n_markets; r++)
    {
      guint i = order[r];
      const LfPlanMarket *m = &plan->markets[i];
      char **row = &self->cells[r * LF_N_PLAN_COLS];

      self->markets[r] = i;
      self->entered[r] = plan->has_solution && m->entered;
      row[LF_PLAN_COL_MARKET] = g_strdup (plan->market_names[i]);
      row[LF_PLAN_COL_ENTERED] = g_strdup (self->entered[r] ? _("Enter") : _("Stay out"));
      for (guint c = LF_PLAN_COL_PENETRATION; c < LF_N_PLAN_COLS && !self->entered[r]; c++)
        row[c] = g_strdup ("—");
      if (!self->entered[r])
        continue;
      row[LF_PLAN_COL_PENETRATION] = lf_format_percent (m->p, 1);
      row[LF_PLAN_COL_SATISFACTION] = lf_format_percent (m->q, 1);
      row[LF_PLAN_COL_VALUE] = lf_format_decimal (m->value, 3);
      for (guint k = 0; k < LF_N_COST_PARTS; k++)
        row[part_cols[k]] = money_cell (m->cost_parts[k], scale);
      row[LF_PLAN_COL_COST] = money_cell (m->cost, scale);
    }

  self->totals[LF_PLAN_COL_MARKET] = g_strdup (_("Total"));
  if (!plan->has_solution)
    return;
  self->totals[LF_PLAN_COL_ENTERED] = g_strdup_printf ("%u", plan->markets_entered);
  self->totals[LF_PLAN_COL_VALUE] = lf_format_decimal (plan->value, 4);
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    self->totals[part_cols[k]] = money_cell (plan->cost_parts[k], scale);
  self->totals[LF_PLAN_COL_COST] = money_cell (plan->cost, scale);
}

/* The fix for one diagnosis item; FALSE when the row has none. */
static gboolean
make_fix (const LfPlan          *plan,
          const LfDiagnosisItem *item,
          LfFix                 *fix)
{
  g_autofree char *text = NULL;

  fix->row = item->row;
  switch (item->row)
    {
    case LF_ROW_BUDGET:
      fix->value = ceil (item->to - 1e-6);
      text = lf_format_money (fix->value, plan->currency, LF_MONEY_UNITS);
      fix->label = g_strdup_printf (_("Raise budget to %s"), text);
      return TRUE;
    case LF_ROW_TARGET:
      fix->value = MAX (0, floor (item->to * 1000 + 1e-6) / 1000);
      text = lf_format_decimal (fix->value, 4);
      fix->label = g_strdup_printf (_("Lower target value to %s"), text);
      return TRUE;
    case LF_ROW_RISK:
      fix->value = ceil (item->to * 1000 - 1e-6) / 1000;
      text = lf_format_decimal (fix->value, 4);
      fix->label = g_strdup_printf (_("Raise risk cap to %s"), text);
      return TRUE;
    case LF_ROW_HEADCOUNT:
      fix->value = ceil (item->to - 1e-6);
      text = lf_format_decimal (fix->value, 6);
      fix->label = g_strdup_printf (_("Raise headcount cap to %s"), text);
      return TRUE;
    case LF_ROW_MARKETS:
      fix->value = ceil (item->to - 1e-6);
      fix->label = g_strdup_printf (ngettext ("Allow %.0f market", "Allow %.0f markets", (gulong) fix->value),
                                    fix->value);
      return TRUE;
    case LF_ROW_LOCK:
      if (item->market < 0 || (guint) item->market >= plan->n_markets)
        return FALSE;
      fix->market = g_strdup (plan->market_names[item->market]);
      fix->label = g_strdup_printf (_("Unlock %s"), fix->market);
      return TRUE;
    default:
      return FALSE;
    }
}

static LfDiagnosisOption *
find_option (GPtrArray *options,
             guint      number)
{
  LfDiagnosisOption *option;

  for (guint i = 0; i < options->len; i++)
    {
      option = g_ptr_array_index (options, i);
      if (option->option == number)
        return option;
    }
  option = g_new0 (LfDiagnosisOption, 1);
  option->option = number;
  option->messages = g_ptr_array_new_with_free_func (g_free);
  option->fixes = g_array_new (FALSE, TRUE, sizeof (LfFix));
  g_array_set_clear_func (option->fixes, fix_clear);
  g_ptr_array_add (options, option);

  return option;
}

static gboolean
only_locks (const LfDiagnosisOption *option)
{
  for (guint k = 0; k < option->fixes->len; k++)
    {
      if (g_array_index (option->fixes, LfFix, k).row != LF_ROW_LOCK)
        return FALSE;
    }

  return TRUE;
}

static void
set_options (LfPlanSummary *self,
             const LfPlan  *plan)
{
  self->options = g_ptr_array_new_with_free_func (option_free);
  for (guint i = 0; i < plan->n_diagnosis; i++)
    {
      const LfDiagnosisItem *item = &plan->diagnosis[i];
      LfDiagnosisOption *option = find_option (self->options, item->option);
      LfFix fix = { 0 };

      g_ptr_array_add (option->messages, g_strdup (item->message));
      if (make_fix (plan, item, &fix))
        g_array_append_val (option->fixes, fix);
    }
  for (guint i = 0; i < self->options->len; i++)
    {
      LfDiagnosisOption *option = g_ptr_array_index (self->options, i);

      if (option->fixes->len == 1)
        option->button_label = g_strdup (g_array_index (option->fixes, LfFix, 0).label);
      else if (option->fixes->len == 2 && only_locks (option))
        /* Translators: one button that lifts two locks, e.g. "Unlock China and Japan" */
        option->button_label = g_strdup_printf (_("Unlock %s and %s"),
                                                g_array_index (option->fixes, LfFix, 0).market,
                                                g_array_index (option->fixes, LfFix, 1).market);
      else if (option->fixes->len > 1)
        option->button_label = g_strdup_printf (ngettext ("Apply %u change", "Apply %u changes",
                                                          option->fixes->len),
                                                option->fixes->len);
    }
}

LfPlanSummary *
lf_plan_summary_new (const LfPlan    *plan,
                     const LfProblem *problem,
                     LfMoneyScale     scale)
{
  LfPlanSummary *self;

  g_return_val_if_fail (plan != NULL && problem != NULL, NULL);

  self = g_new0 (LfPlanSummary, 1);
  self->status = plan->status;
  self->cost_fraction = NAN;
  set_status (self, plan);
  self->has_figures = plan->has_solution;
  if (plan->has_solution)
    set_headline (self, plan, problem, scale);
  set_cells (self, plan, scale);
  self->table_title = table_title (plan, scale);
  set_options (self, plan);

  return self;
}
