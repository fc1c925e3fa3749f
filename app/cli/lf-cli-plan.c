/* lf-cli-plan.c: a plan as cli.md prints it: --json, or a table for people */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lf-cli-private.h"
#include "lf-format.h"

/* --json: the document of cli.md */

static void
json_cost_parts (LfCliJson    *json,
                 const double *parts)
{
  _lf_cli_json_begin_object (json);
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    {
      _lf_cli_json_key (json, lf_cost_part_to_key (k));
      _lf_cli_json_number (json, parts ? parts[k] : NAN);
    }
  _lf_cli_json_end_object (json);
}

/* Without a plan every figure is null, so the document keeps its shape. */
static void
json_market (LfCliJson    *json,
             const LfPlan *plan,
             guint         i)
{
  const LfPlanMarket *m = &plan->markets[i];
  gboolean has = plan->has_solution;

  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "name");
  _lf_cli_json_string (json, plan->market_names[i]);
  _lf_cli_json_key (json, "entered");
  if (has)
    _lf_cli_json_boolean (json, m->entered);
  else
    _lf_cli_json_null (json);
  _lf_cli_json_key (json, "p");
  _lf_cli_json_number (json, has ? m->p : NAN);
  _lf_cli_json_key (json, "q");
  _lf_cli_json_number (json, has ? m->q : NAN);
  _lf_cli_json_key (json, "value");
  _lf_cli_json_number (json, has ? m->value : NAN);
  _lf_cli_json_key (json, "cost");
  _lf_cli_json_number (json, has ? m->cost : NAN);
  _lf_cli_json_key (json, "cost_parts");
  json_cost_parts (json, has ? m->cost_parts : NULL);
  _lf_cli_json_end_object (json);
}

static const char *
market_name (const LfPlan *plan,
             int           market)
{
  if (market < 0 || (guint) market >= plan->n_markets)
    return NULL;

  return plan->market_names[market];
}

static void
json_diagnosis (LfCliJson    *json,
                const LfPlan *plan)
{
  _lf_cli_json_begin_array (json);
  for (guint i = 0; i < plan->n_diagnosis; i++)
    {
      const LfDiagnosisItem *item = &plan->diagnosis[i];

      _lf_cli_json_begin_object (json);
      _lf_cli_json_key (json, "option");
      _lf_cli_json_int (json, item->option);
      _lf_cli_json_key (json, "row");
      _lf_cli_json_string (json, lf_row_kind_to_string (item->row));
      _lf_cli_json_key (json, "market");
      _lf_cli_json_string (json, market_name (plan, item->market));
      _lf_cli_json_key (json, "by");
      _lf_cli_json_number (json, item->by);
      _lf_cli_json_key (json, "to");
      _lf_cli_json_number (json, item->to);
      _lf_cli_json_key (json, "message");
      _lf_cli_json_string (json, item->message);
      _lf_cli_json_end_object (json);
    }
  _lf_cli_json_end_array (json);
}

static void
json_totals (LfCliJson    *json,
             const LfPlan *plan)
{
  gboolean has = plan->has_solution;

  _lf_cli_json_key (json, "value");
  _lf_cli_json_number (json, has ? plan->value : NAN);
  _lf_cli_json_key (json, "cost");
  _lf_cli_json_number (json, has ? plan->cost : NAN);
  _lf_cli_json_key (json, "cost_parts");
  json_cost_parts (json, has ? plan->cost_parts : NULL);
  _lf_cli_json_key (json, "risk");
  _lf_cli_json_number (json, has ? plan->risk : NAN);
  _lf_cli_json_key (json, "headcount");
  _lf_cli_json_number (json, has ? plan->headcount : NAN);
  _lf_cli_json_key (json, "markets_entered");
  if (has)
    _lf_cli_json_int (json, plan->markets_entered);
  else
    _lf_cli_json_null (json);
}

char *
_lf_cli_plan_to_json (const LfPlan *plan)
{
  g_autoptr(LfCliJson) json = _lf_cli_json_new ();
  gboolean max_value = plan->objective == LF_OBJECTIVE_MAX_VALUE;

  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "status");
  _lf_cli_json_string (json, lf_plan_status_to_string (plan->status));
  _lf_cli_json_key (json, "objective");
  _lf_cli_json_string (json, lf_objective_to_string (plan->objective));
  json_totals (json, plan);
  _lf_cli_json_key (json, max_value ? "budget_shadow_price" : "target_shadow_price");
  _lf_cli_json_number (json, plan->has_shadow_price ? plan->shadow_price : NAN);
  if (plan->status == LF_PLAN_TIME_LIMIT)
    {
      _lf_cli_json_key (json, "bound");
      _lf_cli_json_number (json, plan->bound);
    }
  if (plan->status == LF_PLAN_ERROR)
    {
      _lf_cli_json_key (json, "error");
      _lf_cli_json_string (json, plan->error_message ? plan->error_message : "");
    }
  _lf_cli_json_key (json, "markets");
  _lf_cli_json_begin_array (json);
  for (guint i = 0; i < plan->n_markets; i++)
    json_market (json, plan, i);
  _lf_cli_json_end_array (json);
  _lf_cli_json_key (json, "diagnosis");
  json_diagnosis (json, plan);
  _lf_cli_json_key (json, "solve_ms");
  _lf_cli_json_number (json, plan->solve_ms);
  _lf_cli_json_end_object (json);

  return _lf_cli_json_finish (g_steal_pointer (&json));
}

/* The human plan: a headline of labelled rows */

typedef struct
{
  GPtrArray *labels;
  GPtrArray *values;
} Headline;

static void
headline_add (Headline   *headline,
              const char *label,
              char       *value)
{
  g_ptr_array_add (headline->labels, g_strdup (label));
  g_ptr_array_add (headline->values, value);
}

static void
headline_render (Headline *headline,
                 GString  *out)
{
  gsize width = 0;

  for (guint i = 0; i < headline->labels->len; i++)
    width = MAX (width, _lf_cli_text_width (g_ptr_array_index (headline->labels, i)));

  for (guint i = 0; i < headline->labels->len; i++)
    {
      _lf_cli_append_padded (out, g_ptr_array_index (headline->labels, i), width + 2, FALSE);
      g_string_append (out, g_ptr_array_index (headline->values, i));
      g_string_append_c (out, '\n');
    }
}

static char *
status_text (const LfPlan *plan)
{
  switch (plan->status)
    {
    case LF_PLAN_OPTIMAL:
      return g_strdup (_("optimal"));
    case LF_PLAN_INFEASIBLE:
      return g_strdup (_("infeasible: no plan meets every limit"));
    case LF_PLAN_TIME_LIMIT:
      return g_strdup (plan->has_solution
                       ? _("stopped at the time limit: the best plan found so far")
                       : _("stopped at the time limit before any plan was found"));
    case LF_PLAN_CANCELLED:
      return g_strdup (_("cancelled"));
    case LF_PLAN_ERROR:
    default:
      return g_strdup_printf (_("the solver failed: %s"),
                              plan->error_message ? plan->error_message : "");
    }
}

static char *
money (const LfPlan *plan,
       double        amount)
{
  return lf_format_money (amount, plan->currency, LF_MONEY_UNITS);
}

static char *
against_cap (const char *amount,
             double      cap)
{
  g_autofree char *limit = NULL;

  if (isnan (cap))
    /* Translators: a total with no cap on it, e.g. "0.41 (no cap)" */
    return g_strdup_printf (_("%s (no cap)"), amount);

  limit = lf_format_short (cap, 6);
  /* Translators: a total against its cap, e.g. "0.41 of a cap of 0.60" */
  return g_strdup_printf (_("%s of a cap of %s"), amount, limit);
}

static char *
cost_text (const LfPlan    *plan,
           const LfProblem *problem)
{
  g_autofree char *cost = money (plan, plan->cost);
  g_autofree char *budget = NULL;

  if (plan->objective != LF_OBJECTIVE_MAX_VALUE || isnan (problem->budget))
    return g_steal_pointer (&cost);

  budget = money (plan, problem->budget);
  /* Translators: cost against budget, e.g. "5 945 000 USD of a 6 000 000 USD budget" */
  return g_strdup_printf (_("%s of a %s budget"), cost, budget);
}

static char *
cost_parts_text (const LfPlan *plan)
{
  const char *names[LF_N_COST_PARTS] = {
    _("promotion"), _("technology"), _("culture"), _("legal"),
  };
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    {
      g_autofree char *amount = money (plan, plan->cost_parts[k]);

      if (k > 0)
        g_string_append (out, " · ");
      /* Translators: one cost part, e.g. "legal 450 000 USD" */
      g_string_append_printf (out, _("%s %s"), names[k], amount);
    }

  return g_string_free (out, FALSE);
}

static char *
value_text (const LfPlan    *plan,
            const LfProblem *problem)
{
  g_autofree char *value = lf_format_short (plan->value, 6);
  g_autofree char *target = NULL;

  if (plan->objective != LF_OBJECTIVE_MIN_COST || isnan (problem->target_value))
    return g_steal_pointer (&value);

  target = lf_format_short (problem->target_value, 6);
  /* Translators: value against the value floor, e.g. "3.0 (target 3.0)" */
  return g_strdup_printf (_("%s (target %s)"), value, target);
}

static char *
markets_text (const LfPlan    *plan,
              const LfProblem *problem)
{
  /* Translators: markets entered of candidates, e.g. "3 of 7" */
  g_autofree char *entered = g_strdup_printf (_("%u of %u"), plan->markets_entered, plan->n_markets);

  if (isnan (problem->max_markets))
    return g_steal_pointer (&entered);

  /* Translators: markets entered of candidates, and the cap, e.g. "3 of 7 (at most 4)" */
  return g_strdup_printf (_("%s (at most %.0f)"), entered, problem->max_markets);
}

/* A round step for the margin: a tenth of the budget's (or target's) order
 * of magnitude, so that 6 000 000 reads "one more 100 000". */
static double
margin_step (double amount)
{
  if (!isfinite (amount) || amount <= 0)
    return 1;

  return pow (10, floor (log10 (amount)) - 1);
}

static char *
signed_text (char *number,
             double value)
{
  char *text = value >= 0 ? g_strconcat ("+", number, NULL) : g_strdup (number);

  g_free (number);

  return text;
}

static char *
shadow_price_text (const LfPlan    *plan,
                   const LfProblem *problem)
{
  double step;

  if (plan->objective == LF_OBJECTIVE_MAX_VALUE)
    {
      g_autofree char *amount = NULL;
      g_autofree char *gain = NULL;

      step = margin_step (problem->budget);
      amount = money (plan, step);
      gain = signed_text (lf_format_short (plan->shadow_price * step, 3), plan->shadow_price);
      /* Translators: the budget's shadow price in words,
       * e.g. "one more 100 000 USD of budget buys +0.84 value" */
      return g_strdup_printf (_("one more %s of budget buys %s value"), amount, gain);
    }
  else
    {
      g_autofree char *amount = NULL;
      g_autofree char *cost = NULL;

      step = margin_step (problem->target_value);
      amount = lf_format_short (step, 1);
      cost = signed_text (money (plan, plan->shadow_price * step), plan->shadow_price);
      /* Translators: the target's shadow price in words,
       * e.g. "one more 0.1 of value costs +31 000 USD" */
      return g_strdup_printf (_("one more %s of value costs %s"), amount, cost);
    }
}

static void
headline_plan (Headline        *headline,
               const LfPlan    *plan,
               const LfProblem *problem)
{
  g_autofree char *risk = lf_format_short (plan->risk, 3);
  g_autofree char *staff = lf_format_short (plan->headcount, 3);

  headline_add (headline, _("Value"), value_text (plan, problem));
  if (plan->status == LF_PLAN_TIME_LIMIT)
    headline_add (headline, _("Bound"), lf_format_short (plan->bound, 6));
  headline_add (headline, _("Cost"), cost_text (plan, problem));
  headline_add (headline, _("Cost parts"), cost_parts_text (plan));
  headline_add (headline, _("Markets entered"), markets_text (plan, problem));
  headline_add (headline, _("Risk"), against_cap (risk, problem->risk_cap));
  headline_add (headline, _("Headcount"), against_cap (staff, problem->headcount_cap));
  if (plan->has_shadow_price && isfinite (plan->shadow_price))
    headline_add (headline, _("At the margin"), shadow_price_text (plan, problem));
}

static void
render_headline (GString         *out,
                 const LfPlan    *plan,
                 const LfProblem *problem)
{
  Headline headline = {
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free),
  };
  g_autofree char *ms = lf_format_grouped (plan->solve_ms, 1);

  headline_add (&headline, _("Scenario"), g_strdup (problem->name));
  headline_add (&headline, _("Status"), status_text (plan));
  if (plan->has_solution)
    headline_plan (&headline, plan, problem);
  headline_add (&headline, _("Solve time"),
                /* Translators: a duration in milliseconds */
                g_strdup_printf (_("%s ms"), ms));
  headline_render (&headline, out);

  g_ptr_array_unref (headline.labels);
  g_ptr_array_unref (headline.values);
}

/* The human plan: the table of markets */

enum { COL_NAME, COL_ENTERED, COL_P, COL_Q, COL_VALUE, COL_COST, COL_PARTS, N_COLS = COL_PARTS + LF_N_COST_PARTS };

static char **
table_header (const LfPlan *plan)
{
  char **row = g_new0 (char *, N_COLS + 1);

  row[COL_NAME] = g_strdup (_("Market"));
  row[COL_ENTERED] = g_strdup (_("Entered"));
  row[COL_P] = g_strdup (_("Penetration"));
  row[COL_Q] = g_strdup (_("Satisfaction"));
  row[COL_VALUE] = g_strdup (_("Value"));
  /* Translators: the cost column, %s is the currency, e.g. "Cost (USD)" */
  row[COL_COST] = g_strdup_printf (_("Cost (%s)"), plan->currency);
  row[COL_PARTS + LF_COST_PROMOTION] = g_strdup (_("Promotion"));
  row[COL_PARTS + LF_COST_TECHNOLOGY] = g_strdup (_("Technology"));
  row[COL_PARTS + LF_COST_CULTURE] = g_strdup (_("Culture"));
  row[COL_PARTS + LF_COST_LEGAL] = g_strdup (_("Legal"));

  return row;
}

static char **
table_row (const LfPlan *plan,
           guint         i)
{
  const LfPlanMarket *m = &plan->markets[i];
  char **row = g_new0 (char *, N_COLS + 1);

  row[COL_NAME] = g_strdup (plan->market_names[i]);
  row[COL_ENTERED] = g_strdup (m->entered ? _("yes") : _("no"));
  if (!m->entered)
    {
      for (guint c = COL_P; c < N_COLS; c++)
        row[c] = g_strdup ("–");
      return row;
    }

  row[COL_P] = lf_format_percent (m->p, 1);
  row[COL_Q] = lf_format_percent (m->q, 1);
  row[COL_VALUE] = lf_format_grouped (m->value, 3);
  row[COL_COST] = lf_format_grouped (m->cost, 0);
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    row[COL_PARTS + k] = lf_format_grouped (m->cost_parts[k], 0);

  return row;
}

static void
render_rows (GString   *out,
             GPtrArray *rows)
{
  gsize widths[N_COLS] = { 0 };
  gsize total = 0;

  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < N_COLS; c++)
      widths[c] = MAX (widths[c], _lf_cli_text_width (((char **) g_ptr_array_index (rows, r))[c]));
  for (guint c = 0; c < N_COLS; c++)
    total += widths[c] + (c > 0 ? 2 : 0);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < N_COLS; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          _lf_cli_append_padded (out, row[c], widths[c], c >= COL_P);
        }
      g_string_append_c (out, '\n');
      if (r == 0)
        {
          for (gsize i = 0; i < total; i++)
            g_string_append_c (out, '-');
          g_string_append_c (out, '\n');
        }
    }
}

static void
render_table (GString      *out,
              const LfPlan *plan)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_ptr_array_add (rows, table_header (plan));
  for (guint i = 0; i < plan->n_markets; i++)
    g_ptr_array_add (rows, table_row (plan, i));

  g_string_append_c (out, '\n');
  render_rows (out, rows);
}

/* The human plan: the diagnosis of an infeasible programme */

/* "China", "China and Japan", "China, Japan and Brazil". */
static char *
join_names (GPtrArray *names)
{
  char *text = g_strdup (g_ptr_array_index (names, 0));

  for (guint i = 1; i < names->len; i++)
    {
      char *next;

      if (i + 1 < names->len)
        /* Translators: a list of names, all but the last pair */
        next = g_strdup_printf (_("%s, %s"), text, (const char *) g_ptr_array_index (names, i));
      else
        /* Translators: the last two names of a list */
        next = g_strdup_printf (_("%s and %s"), text, (const char *) g_ptr_array_index (names, i));
      g_free (text);
      text = next;
    }

  return text;
}

/* One option of the diagnosis in words; the locks it lifts read as one. */
static char *
describe_option (const LfPlan *plan,
                 guint         option)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) locks = g_ptr_array_new ();
  const char *lock_message = NULL;

  for (guint i = 0; i < plan->n_diagnosis; i++)
    {
      const LfDiagnosisItem *item = &plan->diagnosis[i];
      const char *name = market_name (plan, item->market);

      if (item->option != option)
        continue;
      if (item->row == LF_ROW_LOCK && name != NULL)
        {
          g_ptr_array_add (locks, (gpointer) name);
          lock_message = item->message;
        }
      else
        g_ptr_array_add (parts, g_strdup (item->message ? item->message : ""));
    }

  if (locks->len == 1 && lock_message != NULL)
    g_ptr_array_add (parts, g_strdup (lock_message));
  else if (locks->len > 1)
    {
      g_autofree char *names = join_names (locks);

      /* Translators: %s is a list of markets, e.g. "China and Japan" */
      g_ptr_array_add (parts, g_strdup_printf (_("Lift the locks on %s"), names));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv ("; ", (char **) parts->pdata);
}

static void
render_diagnosis (GString      *out,
                  const LfPlan *plan)
{
  g_autoptr(GArray) options = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < plan->n_diagnosis; i++)
    {
      guint option = plan->diagnosis[i].option;
      gboolean seen = FALSE;

      for (guint j = 0; j < options->len && !seen; j++)
        seen = g_array_index (options, guint, j) == option;
      if (!seen)
        g_array_append_val (options, option);
    }

  g_string_append_c (out, '\n');
  if (options->len == 0)
    g_string_append_printf (out, "%s\n", _("No diagnosis is available."));

  for (guint j = 0; j < options->len; j++)
    {
      g_autofree char *text = describe_option (plan, g_array_index (options, guint, j));

      if (options->len == 1)
        g_string_append_printf (out, _("To make a plan possible: %s"), text);
      else if (j == 0)
        /* Translators: the first of several ways out of an infeasible programme */
        g_string_append_printf (out, _("Either: %s"), text);
      else
        /* Translators: another way out of an infeasible programme */
        g_string_append_printf (out, _("Or: %s"), text);
      g_string_append_c (out, '\n');
    }
}

char *
_lf_cli_plan_to_text (const LfPlan    *plan,
                      const LfProblem *problem)
{
  GString *out = g_string_new (NULL);

  render_headline (out, plan, problem);
  if (plan->has_solution)
    render_table (out, plan);
  if (plan->status == LF_PLAN_INFEASIBLE)
    render_diagnosis (out, plan);

  return g_string_free (out, FALSE);
}
