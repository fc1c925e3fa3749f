/* lf-compare.c: scenarios, kept plans and markets side by side
 *
 * Every decision of the Compare page: which rows there are, the text of
 * each cell in the user's language and money scale, and which rows
 * differ. Numbers are compared as numbers (with room for the solver's
 * rounding), never as their texts.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lf-compare.h"
#include "lf-display.h"
#include "lf-rules.h"

#define NONE_TEXT "—"

typedef enum
{
  NUM_MONEY,
  NUM_DECIMAL,
  NUM_COUNT,
  NUM_PERCENT,
  NUM_EXACT,     /* a parameter: every digit that was typed */
} NumKind;

/* A figure of one side; NAN when that side has none. */
typedef double (*SideNumber) (const LfCompareSide *side,
                              gconstpointer        data);

static gboolean
same_number (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);

  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

static char *
format_number (double        value,
               NumKind       kind,
               const char   *currency,
               LfMoneyScale  scale,
               const char   *absent)
{
  if (isnan (value))
    return g_strdup (absent);
  switch (kind)
    {
    case NUM_MONEY:
      return lf_format_money (value, currency, scale);
    case NUM_COUNT:
      return lf_format_grouped (value, 0);
    case NUM_PERCENT:
      return lf_format_percent (value, 1);
    case NUM_EXACT:
      return lf_display_format_entry (LF_ENTRY_NUMBER, value, scale);
    case NUM_DECIMAL:
    default:
      return lf_format_decimal (value, 4);
    }
}

static void
compare_row_free (LfCompareRow *row)
{
  g_free (row->label);
  g_free (row->market);
  g_strfreev (row->values);
  g_free (row);
}

static LfCompareRow *
add_row (LfComparison     *self,
         LfCompareSection  section,
         const char       *label,
         const char       *market)
{
  LfCompareRow *row = g_new0 (LfCompareRow, 1);

  row->section = section;
  row->label = g_strdup (label);
  row->market = g_strdup (market);
  row->param = -1;
  row->values = g_new0 (char *, self->n_sides + 1);
  g_ptr_array_add (self->rows, row);

  return row;
}

static LfComparison *
comparison_new (guint n_sides)
{
  LfComparison *self = g_new0 (LfComparison, 1);

  self->n_sides = n_sides;
  self->names = g_new0 (char *, n_sides + 1);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) compare_row_free);

  return self;
}

void
lf_comparison_free (LfComparison *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->names);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

guint
lf_comparison_count (const LfComparison *self,
                     LfCompareSection    section)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->rows->len; i++)
    n += ((const LfCompareRow *) g_ptr_array_index (self->rows, i))->section == section;

  return n;
}

/* Whether @side's cell of @row reads otherwise than the reference's. */
gboolean
lf_compare_row_marked (const LfCompareRow *row,
                       guint               side)
{
  g_return_val_if_fail (row != NULL, FALSE);

  return side < LF_COMPARE_MAX_SIDES && (row->marks & (1u << side)) != 0;
}

const LfCompareRow *
lf_comparison_find (const LfComparison *self,
                    LfCompareSection    section,
                    const char         *market,
                    const char         *label)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const LfCompareRow *row = g_ptr_array_index (self->rows, i);

      if (row->section == section && g_strcmp0 (row->market, market) == 0 &&
          (label == NULL || g_strcmp0 (row->label, label) == 0))
        return row;
    }

  return NULL;
}

/* A row of one number per side; with @only_if_differs, left out when
 * every side agrees. @currencies: one per side. */
static LfCompareRow *
add_number_row (LfComparison      *self,
                LfCompareSection   section,
                const char        *label,
                const double      *values,
                NumKind            kind,
                const char *const *currencies,
                LfMoneyScale       scale,
                const char        *absent,
                gboolean           only_if_differs)
{
  gboolean differs = FALSE;
  LfCompareRow *row;

  for (guint s = 1; s < self->n_sides; s++)
    differs |= !same_number (values[s], values[0]);
  if (only_if_differs && !differs)
    return NULL;
  row = add_row (self, section, label, NULL);
  row->differs = differs;
  for (guint s = 0; s < self->n_sides; s++)
    row->values[s] = format_number (values[s], kind, currencies[s], scale, absent);

  return row;
}

/* A row of texts (owned by the row afterwards); they differ when the
 * texts do, since each stands for one state. */
static LfCompareRow *
add_text_row (LfComparison     *self,
              LfCompareSection  section,
              const char       *label,
              char            **texts,
              gboolean          only_if_differs)
{
  gboolean differs = FALSE;
  LfCompareRow *row;

  for (guint s = 1; s < self->n_sides; s++)
    differs |= g_strcmp0 (texts[s], texts[0]) != 0;
  if (only_if_differs && !differs)
    {
      for (guint s = 0; s < self->n_sides; s++)
        g_free (texts[s]);
      return NULL;
    }
  row = add_row (self, section, label, NULL);
  row->differs = differs;
  memcpy (row->values, texts, self->n_sides * sizeof (char *));

  return row;
}

static const LfPlan *
solved (const LfPlan *plan)
{
  return plan != NULL && plan->has_solution ? plan : NULL;
}

static const char *
status_text (const LfPlan *plan)
{
  if (plan == NULL)
    return NONE_TEXT;
  switch (plan->status)
    {
    case LF_PLAN_OPTIMAL:
      return _("Best plan");
    case LF_PLAN_TIME_LIMIT:
      return _("Best plan found in the time limit");
    case LF_PLAN_INFEASIBLE:
      return _("No plan fits these limits");
    case LF_PLAN_CANCELLED:
      return _("Solve cancelled");
    case LF_PLAN_ERROR:
    default:
      return _("The solver failed");
    }
}

static const char *
lock_text (LfLock lock)
{
  switch (lock)
    {
    case LF_LOCK_ENTER:
      return _("Always enter");
    case LF_LOCK_EXCLUDE:
      return _("Never enter");
    case LF_LOCK_AUTO:
    default:
      return _("Solver decides");
    }
}

static char *
format_param (LfParam       param,
              double        value,
              const char   *currency,
              LfMoneyScale  scale)
{
  g_autofree char *number = NULL;
  g_autofree char *unit = NULL;

  switch (lf_param_info (param)->unit)
    {
    case LF_UNIT_MONEY:
      /* Every digit the user typed, as the editor shows it: a parameter
       * listed as differing must not read the same on both sides. */
      number = lf_display_format_entry (LF_ENTRY_MONEY, value, scale);
      unit = lf_display_unit_label (LF_ENTRY_MONEY, currency, scale);
      return g_strdup_printf ("%s %s", number, unit);
    case LF_UNIT_SHARE:
      number = lf_display_format_entry (LF_ENTRY_SHARE, value, scale);
      /* Translators: a percentage; some languages put a space before the sign */
      return g_strdup_printf (_("%s%%"), number);
    case LF_UNIT_WEIGHT:
    case LF_UNIT_RISK:
    case LF_UNIT_STAFF:
    default:
      return lf_display_format_entry (LF_ENTRY_NUMBER, value, scale);
    }
}

/* Scenarios */

typedef struct
{
  LfComparison        *cmp;
  const LfCompareSide *sides;
  LfMoneyScale         scale;
  const char          *currencies[LF_COMPARE_MAX_SIDES];
} Builder;

/* What a side's plan (or problem) holds at @offset, as a double; NAN
 * without a solution. */
static void
plan_numbers (const Builder *b,
              gsize          offset,
              double        *out)
{
  for (guint s = 0; s < b->cmp->n_sides; s++)
    {
      const LfPlan *plan = solved (b->sides[s].plan);

      out[s] = plan != NULL ? G_STRUCT_MEMBER (double, plan, offset) : NAN;
    }
}

static void
problem_numbers (const Builder *b,
                 gsize          offset,
                 double        *out)
{
  for (guint s = 0; s < b->cmp->n_sides; s++)
    out[s] = G_STRUCT_MEMBER (double, b->sides[s].problem, offset);
}

static void
add_plan_row (Builder    *b,
              const char *label,
              gsize       offset,
              NumKind     kind)
{
  double values[LF_COMPARE_MAX_SIDES];

  plan_numbers (b, offset, values);
  add_number_row (b->cmp, LF_COMPARE_HEADLINE, label, values, kind, b->currencies, b->scale, NONE_TEXT, FALSE);
}

static void
add_headline (Builder *b)
{
  const char *part_labels[LF_N_COST_PARTS] = { _("Promotion"), _("Technology"), _("Culture"), _("Legal") };
  char *texts[LF_COMPARE_MAX_SIDES];
  double values[LF_COMPARE_MAX_SIDES];

  for (guint s = 0; s < b->cmp->n_sides; s++)
    texts[s] = g_strdup (status_text (b->sides[s].plan));
  add_text_row (b->cmp, LF_COMPARE_HEADLINE, _("Status"), texts, FALSE);
  add_plan_row (b, _("Value"), G_STRUCT_OFFSET (LfPlan, value), NUM_DECIMAL);
  add_plan_row (b, _("Cost"), G_STRUCT_OFFSET (LfPlan, cost), NUM_MONEY);
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    add_plan_row (b, part_labels[k], G_STRUCT_OFFSET (LfPlan, cost_parts) + k * sizeof (double), NUM_MONEY);
  problem_numbers (b, G_STRUCT_OFFSET (LfProblem, budget), values);
  add_number_row (b->cmp, LF_COMPARE_HEADLINE, _("Budget"), values, NUM_MONEY, b->currencies, b->scale, NONE_TEXT, FALSE);
  for (guint s = 0; s < b->cmp->n_sides; s++)
    {
      const LfPlan *plan = solved (b->sides[s].plan);

      values[s] = plan != NULL ? plan->markets_entered : NAN;
    }
  add_number_row (b->cmp, LF_COMPARE_HEADLINE, _("Markets entered"), values, NUM_COUNT, b->currencies, b->scale,
                  NONE_TEXT, FALSE);
  add_plan_row (b, _("Risk"), G_STRUCT_OFFSET (LfPlan, risk), NUM_DECIMAL);
  add_plan_row (b, _("Headcount"), G_STRUCT_OFFSET (LfPlan, headcount), NUM_DECIMAL);
}

static void
add_setting_row (Builder    *b,
                 const char *label,
                 gsize       offset,
                 NumKind     kind,
                 const char *absent)
{
  double values[LF_COMPARE_MAX_SIDES];

  problem_numbers (b, offset, values);
  add_number_row (b->cmp, LF_COMPARE_SETTINGS, label, values, kind, b->currencies, b->scale, absent, TRUE);
}

static void
add_settings (Builder *b)
{
  const char *objectives[] = { _("Maximise value"), _("Minimise cost") };
  char *texts[LF_COMPARE_MAX_SIDES];

  for (guint s = 0; s < b->cmp->n_sides; s++)
    texts[s] = g_strdup (objectives[b->sides[s].problem->objective == LF_OBJECTIVE_MIN_COST]);
  add_text_row (b->cmp, LF_COMPARE_SETTINGS, _("Objective"), texts, TRUE);
  for (guint s = 0; s < b->cmp->n_sides; s++)
    texts[s] = g_strdup (b->sides[s].problem->currency);
  add_text_row (b->cmp, LF_COMPARE_SETTINGS, _("Currency (ISO 4217)"), texts, TRUE);
  add_setting_row (b, _("Target value"), G_STRUCT_OFFSET (LfProblem, target_value), NUM_DECIMAL, NONE_TEXT);
  add_setting_row (b, _("Risk cap"), G_STRUCT_OFFSET (LfProblem, risk_cap), NUM_EXACT, _("No cap"));
  add_setting_row (b, _("Headcount cap"), G_STRUCT_OFFSET (LfProblem, headcount_cap), NUM_EXACT, _("No cap"));
  add_setting_row (b, _("Market limit"), G_STRUCT_OFFSET (LfProblem, max_markets), NUM_COUNT, _("No cap"));
}

/* One market across the sides: its index in each, -1 where absent. */
typedef struct
{
  const char *name;
  const char *code;
  int         index[LF_COMPARE_MAX_SIDES];
} Match;

static gboolean
has_code (const char *code)
{
  return code != NULL && *code != '\0';
}

/* The match @m belongs to: by code when both have one, else by name. */
static int
find_match (GArray                *matches,
            GHashTable            *by_code,
            GHashTable            *by_name,
            const LfProblemMarket *m,
            guint                  side)
{
  int k = -1;

  if (has_code (m->code))
    k = GPOINTER_TO_INT (g_hash_table_lookup (by_code, m->code)) - 1;
  if (k < 0)
    {
      k = GPOINTER_TO_INT (g_hash_table_lookup (by_name, m->name)) - 1;
      if (k >= 0 && has_code (m->code) && has_code (g_array_index (matches, Match, k).code))
        k = -1;
    }
  if (k >= 0 && g_array_index (matches, Match, k).index[side] >= 0)
    k = -1;  /* a second market of the same name on one side */

  return k;
}

static GArray *
match_markets (const LfCompareSide *sides,
               guint                n_sides)
{
  GArray *matches = g_array_new (FALSE, TRUE, sizeof (Match));
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < n_sides; s++)
    for (guint i = 0; i < sides[s].problem->n_markets; i++)
      {
        const LfProblemMarket *m = &sides[s].problem->markets[i];
        int k = find_match (matches, by_code, by_name, m, s);

        if (k < 0)
          {
            Match fresh = { m->name, m->code, { -1, -1, -1, -1, -1, -1 } };

            k = matches->len;
            g_array_append_val (matches, fresh);
            if (has_code (m->code) && !g_hash_table_contains (by_code, m->code))
              g_hash_table_insert (by_code, (gpointer) m->code, GINT_TO_POINTER (k + 1));
            if (!g_hash_table_contains (by_name, m->name))
              g_hash_table_insert (by_name, (gpointer) m->name, GINT_TO_POINTER (k + 1));
          }
        else if (has_code (m->code) && !has_code (g_array_index (matches, Match, k).code))
          {
            /* Joined by name a match that had no code: its code is this
             * one's now, so a later side finds it by code too. */
            g_array_index (matches, Match, k).code = m->code;
            if (!g_hash_table_contains (by_code, m->code))
              g_hash_table_insert (by_code, (gpointer) m->code, GINT_TO_POINTER (k + 1));
          }
        g_array_index (matches, Match, k).index[s] = i;
      }

  return matches;
}

/* Absent, not solved, stays out, enters. */
enum { STATE_ABSENT, STATE_UNKNOWN, STATE_OUT, STATE_IN };

static int
market_state (const LfCompareSide *side,
              int                  index)
{
  const LfPlan *plan = solved (side->plan);

  if (index < 0)
    return STATE_ABSENT;
  if (plan == NULL || (guint) index >= plan->n_markets)
    return STATE_UNKNOWN;

  return plan->markets[index].entered ? STATE_IN : STATE_OUT;
}

static void
add_market_row (Builder     *b,
                const Match *u)
{
  int states[LF_COMPARE_MAX_SIDES];
  gboolean absent = FALSE, present = FALSE, in = FALSE, out = FALSE;
  LfCompareRow *row;

  for (guint s = 0; s < b->cmp->n_sides; s++)
    {
      states[s] = market_state (&b->sides[s], u->index[s]);
      absent |= states[s] == STATE_ABSENT;
      present |= states[s] != STATE_ABSENT;
      in |= states[s] == STATE_IN;
      out |= states[s] == STATE_OUT;
    }
  if (!(absent && present) && !(in && out))
    return;
  row = add_row (b->cmp, LF_COMPARE_MARKETS, u->name, u->name);
  row->differs = TRUE;
  for (guint s = 0; s < b->cmp->n_sides; s++)
    row->values[s] = g_strdup (states[s] == STATE_ABSENT ? _("Not in the scenario") :
                               states[s] == STATE_IN ? _("Enter") :
                               states[s] == STATE_OUT ? _("Stay out") : NONE_TEXT);
}

static const LfProblemMarket *
side_market (const Builder *b,
             const Match   *u,
             guint          s)
{
  return u->index[s] >= 0 ? &b->sides[s].problem->markets[u->index[s]] : NULL;
}

static void
add_param_row (Builder     *b,
               const Match *u,
               LfParam      param)
{
  const LfProblemMarket *first = NULL;
  gboolean differs = FALSE;
  LfCompareRow *row;

  for (guint s = 0; s < b->cmp->n_sides; s++)
    {
      const LfProblemMarket *m = side_market (b, u, s);

      if (m != NULL && first == NULL)
        first = m;
      else if (m != NULL)
        differs |= !same_number (m->v.value[param], first->v.value[param]);
    }
  if (!differs)
    return;
  row = add_row (b->cmp, LF_COMPARE_PARAMS, _(lf_param_info (param)->label), u->name);
  row->param = param;
  row->differs = TRUE;
  for (guint s = 0; s < b->cmp->n_sides; s++)
    {
      const LfProblemMarket *m = side_market (b, u, s);

      row->values[s] = m != NULL ? format_param (param, m->v.value[param], b->currencies[s], b->scale)
                                 : g_strdup (NONE_TEXT);
    }
}

static void
add_lock_row (Builder     *b,
              const Match *u)
{
  const LfProblemMarket *first = NULL;
  gboolean differs = FALSE;
  LfCompareRow *row;

  for (guint s = 0; s < b->cmp->n_sides; s++)
    {
      const LfProblemMarket *m = side_market (b, u, s);

      if (m != NULL && first == NULL)
        first = m;
      else if (m != NULL)
        differs |= m->v.lock != first->v.lock;
    }
  if (!differs)
    return;
  row = add_row (b->cmp, LF_COMPARE_PARAMS, _("Entry"), u->name);
  row->differs = TRUE;
  for (guint s = 0; s < b->cmp->n_sides; s++)
    {
      const LfProblemMarket *m = side_market (b, u, s);

      row->values[s] = g_strdup (m != NULL ? lock_text (m->v.lock) : NONE_TEXT);
    }
}

static void
add_markets (Builder *b)
{
  g_autoptr(GArray) matches = match_markets (b->sides, b->cmp->n_sides);

  for (guint k = 0; k < matches->len; k++)
    add_market_row (b, &g_array_index (matches, Match, k));
  for (guint k = 0; k < matches->len; k++)
    {
      const Match *u = &g_array_index (matches, Match, k);

      add_lock_row (b, u);
      for (guint p = 0; p < LF_N_PARAMS; p++)
        add_param_row (b, u, p);
    }
}

/* A cell is marked when its text is not the reference's (side 0): the
 * page points at what changed, not at every row where any side moved.
 * The texts are compared, not the numbers, so a difference too small to
 * be shown is not pointed at. */
static void
mark_cells (LfComparison *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LfCompareRow *row = g_ptr_array_index (self->rows, i);

      row->marks = 0;
      for (guint s = 1; s < self->n_sides; s++)
        if (g_strcmp0 (row->values[s], row->values[0]) != 0)
          row->marks |= 1u << s;
    }
}

/**
 * lf_compare_scenarios:
 * @sides: (array length=n_sides): the columns, 2 to %LF_COMPARE_MAX_SIDES
 * @scale: how money is shown
 *
 * The headline figures of every side; the markets, settings and market
 * parameters only where the sides differ.
 */
LfComparison *
lf_compare_scenarios (const LfCompareSide *sides,
                      guint                n_sides,
                      LfMoneyScale         scale)
{
  Builder b = { NULL, sides, scale, { NULL } };

  g_return_val_if_fail (sides != NULL, NULL);
  g_return_val_if_fail (n_sides >= LF_COMPARE_MIN_SIDES && n_sides <= LF_COMPARE_MAX_SIDES, NULL);

  b.cmp = comparison_new (n_sides);
  for (guint s = 0; s < n_sides; s++)
    {
      g_return_val_if_fail (sides[s].problem != NULL, b.cmp);
      b.cmp->names[s] = g_strdup (sides[s].name);
      b.currencies[s] = sides[s].problem->currency;
    }
  add_headline (&b);
  add_markets (&b);
  add_settings (&b);
  mark_cells (b.cmp);
  for (guint s = 1; s < n_sides; s++)
    b.cmp->mixed_currencies |= g_strcmp0 (b.currencies[s], b.currencies[0]) != 0;

  return b.cmp;
}

/* Markets of one plan */

static void
add_market_params (LfComparison    *self,
                   const LfProblem *problem,
                   const guint     *markets,
                   LfMoneyScale     scale)
{
  char *texts[LF_COMPARE_MAX_SIDES];

  for (guint p = 0; p < LF_N_PARAMS; p++)
    {
      double values[LF_COMPARE_MAX_SIDES];
      gboolean differs = FALSE;
      LfCompareRow *row;

      for (guint s = 0; s < self->n_sides; s++)
        {
          values[s] = lf_problem_param (problem, markets[s], p);
          differs |= !same_number (values[s], values[0]);
        }
      row = add_row (self, LF_COMPARE_PARAMS, _(lf_param_info (p)->label), NULL);
      row->param = p;
      row->differs = differs;
      for (guint s = 0; s < self->n_sides; s++)
        row->values[s] = format_param (p, values[s], problem->currency, scale);
    }
  for (guint s = 0; s < self->n_sides; s++)
    texts[s] = g_strdup (lock_text (problem->markets[markets[s]].v.lock));
  add_text_row (self, LF_COMPARE_PARAMS, _("Entry"), texts, FALSE);
}

/* The figures of a market in the plan, at @offset of LfPlanMarket. */
static void
add_market_result (LfComparison      *self,
                   const LfPlan      *plan,
                   const guint       *markets,
                   const char        *label,
                   gsize              offset,
                   NumKind            kind,
                   const char *const *currencies,
                   LfMoneyScale       scale)
{
  double values[LF_COMPARE_MAX_SIDES];

  for (guint s = 0; s < self->n_sides; s++)
    values[s] = plan != NULL ? G_STRUCT_MEMBER (double, &plan->markets[markets[s]], offset) : NAN;
  add_number_row (self, LF_COMPARE_RESULTS, label, values, kind, currencies, scale, NONE_TEXT, FALSE);
}

static void
add_market_results (LfComparison    *self,
                    const LfProblem *problem,
                    const LfPlan    *plan,
                    const guint     *markets,
                    LfMoneyScale     scale)
{
  const char *part_labels[LF_N_COST_PARTS] = { _("Promotion"), _("Technology"), _("Culture"), _("Legal") };
  const char *currencies[LF_COMPARE_MAX_SIDES];
  char *texts[LF_COMPARE_MAX_SIDES];

  for (guint s = 0; s < self->n_sides; s++)
    {
      currencies[s] = problem->currency;
      texts[s] = g_strdup (plan == NULL ? NONE_TEXT : plan->markets[markets[s]].entered ? _("Enter") : _("Stay out"));
    }
  add_text_row (self, LF_COMPARE_RESULTS, _("Entered"), texts, FALSE);
  add_market_result (self, plan, markets, _("Penetration"), G_STRUCT_OFFSET (LfPlanMarket, p), NUM_PERCENT,
                     currencies, scale);
  add_market_result (self, plan, markets, _("Satisfaction"), G_STRUCT_OFFSET (LfPlanMarket, q), NUM_PERCENT,
                     currencies, scale);
  add_market_result (self, plan, markets, _("Value"), G_STRUCT_OFFSET (LfPlanMarket, value), NUM_DECIMAL,
                     currencies, scale);
  for (guint k = 0; k < LF_N_COST_PARTS; k++)
    add_market_result (self, plan, markets, part_labels[k],
                       G_STRUCT_OFFSET (LfPlanMarket, cost_parts) + k * sizeof (double), NUM_MONEY, currencies, scale);
  add_market_result (self, plan, markets, _("Cost"), G_STRUCT_OFFSET (LfPlanMarket, cost), NUM_MONEY,
                     currencies, scale);
  add_market_result (self, plan, markets, _("Risk"), G_STRUCT_OFFSET (LfPlanMarket, risk), NUM_DECIMAL,
                     currencies, scale);
  add_market_result (self, plan, markets, _("Headcount"), G_STRUCT_OFFSET (LfPlanMarket, headcount), NUM_DECIMAL,
                     currencies, scale);
}

/**
 * lf_compare_markets:
 * @problem: the scenario's snapshot
 * @plan: (nullable): its plan; without a solution the results read "—"
 * @markets: (array length=n_markets): indices into @problem's markets
 *
 * Every parameter and result of 2 to %LF_COMPARE_MAX_SIDES markets.
 */
LfComparison *
lf_compare_markets (const LfProblem *problem,
                    const LfPlan    *plan,
                    const guint     *markets,
                    guint            n_markets,
                    LfMoneyScale     scale)
{
  LfComparison *self;

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (n_markets >= LF_COMPARE_MIN_SIDES && n_markets <= LF_COMPARE_MAX_SIDES, NULL);
  for (guint s = 0; s < n_markets; s++)
    g_return_val_if_fail (markets[s] < problem->n_markets, NULL);

  plan = solved (plan);
  if (plan != NULL && plan->n_markets != problem->n_markets)
    plan = NULL;
  self = comparison_new (n_markets);
  for (guint s = 0; s < n_markets; s++)
    self->names[s] = g_strdup (problem->markets[markets[s]].name);
  add_market_params (self, problem, markets, scale);
  add_market_results (self, problem, plan, markets, scale);
  mark_cells (self);

  return self;
}

static gboolean
same_or_both_nan (double a,
                  double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
markets_equal (const LfProblemMarket *a,
               const LfProblemMarket *b)
{
  return g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->code, b->code) == 0 &&
         memcmp (&a->v, &b->v, sizeof a->v) == 0;
}

gboolean
lf_compare_problems_equal (const LfProblem *a,
                           const LfProblem *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a == b)
    return TRUE;
  if (g_strcmp0 (a->name, b->name) != 0 || strcmp (a->currency, b->currency) != 0 ||
      a->objective != b->objective || a->n_markets != b->n_markets ||
      !same_or_both_nan (a->budget, b->budget) || !same_or_both_nan (a->target_value, b->target_value) ||
      !same_or_both_nan (a->risk_cap, b->risk_cap) || !same_or_both_nan (a->headcount_cap, b->headcount_cap) ||
      !same_or_both_nan (a->max_markets, b->max_markets))
    return FALSE;
  for (guint i = 0; i < a->n_markets; i++)
    if (!markets_equal (&a->markets[i], &b->markets[i]))
      return FALSE;

  return TRUE;
}
