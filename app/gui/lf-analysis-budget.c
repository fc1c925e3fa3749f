/* lf-analysis-budget.c: the budget frontier section of the What If page
 *
 * Swept again by itself a moment after the scenario changes, over the
 * budgets the user chose or, by default, from nothing to twice the
 * budget; the curve is drawn as its points arrive, and the budgets where
 * the best set of markets changes are listed under it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-analysis-text.h"
#include "lf-analysis-view-private.h"
#include "lf-board-pack.h"
#include "lf-display.h"

/* What the command line's charts use too (lf-cli-chart.c). */
#define DEFAULT_POINTS LF_BOARD_PACK_FRONTIER_POINTS
#define MAX_POINTS 1000

/* The sweep waits this long after a change, so typing costs one run. */
#define SWEEP_DEBOUNCE_MS 250

static void
show_list (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_BUDGET];
  const LfSweepResult *sweep = s->result;

  _lf_analysis_clear_list (s);
  for (guint k = 0; sweep != NULL && k < sweep->n_points; k++)
    {
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;
      g_autofree char *value = NULL;

      if (!lf_analysis_is_change_point (sweep, k))
        continue;
      title = lf_analysis_change_title (sweep, k, s->result_problem->currency, self->scale);
      text = lf_analysis_change_text (sweep, k);
      value = lf_analysis_value_text (NULL, sweep->value[k], self->scale);
      _lf_analysis_list_row (s, title, text, value);
    }
}

/* A quick sweep goes from the old curve to the new one at once; a slow
 * one draws its points as they come. */
static void
refresh_chart (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_BUDGET];

  lf_chart_view_set_analysis (self->chart[SEC_BUDGET],
                              self->partial_sweep && s->progress_shown ? self->partial_sweep : s->result,
                              NULL, NULL);
}

static void
begin (LfAnalysisView *self)
{
  g_clear_pointer (&self->partial_sweep, lf_sweep_result_free);
  self->partial_sweep = lf_sweep_partial_new (self->problem, self->sweep_from, self->sweep_to,
                                              self->sweep_points);
}

static void
stream (LfAnalysisView *self,
        guint           done,
        const guint    *indices,
        const double   *values,
        guint           n_new)
{
  if (self->partial_sweep == NULL)
    return;
  lf_sweep_partial_add (self->partial_sweep, indices, values, n_new);
  refresh_chart (self);
}

/* The chart lets go of the streamed points before they go. */
static void
end (LfAnalysisView *self)
{
  g_autoptr(LfSweepResult) sweep = g_steal_pointer (&self->partial_sweep);

  refresh_chart (self);
}

/* A sweep with no plan at any budget says so, and what to do. */
static char *
no_plan_note (LfAnalysisView *self,
              gconstpointer   result)
{
  const LfSweepResult *sweep = result;
  const char *currency = self->problem ? self->problem->currency : "";
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  for (guint k = 0; k < sweep->n_points; k++)
    if (!isnan (sweep->value[k]))
      return NULL;
  from = lf_format_money (sweep->budget[0], currency, self->scale);
  to = lf_format_money (sweep->budget[sweep->n_points - 1], currency, self->scale);

  /* Translators: the budgets of a sweep that found no plan at all */
  return g_strdup_printf (_("No budget from %s to %s gives a plan that meets every limit. Move a limit other than the budget, or sweep higher budgets."),
                          from, to);
}

/* The sweep needs budgets, not a plan. */
static const char *
blocker (LfAnalysisView *self)
{
  return isnan (self->sweep_from) || isnan (self->sweep_to)
         ? _("This scenario has no budget to sweep around. Enter the budgets to sweep above, or give the scenario a budget.")
         : NULL;
}

static gboolean
settings_valid (LfAnalysisView *self)
{
  return !lf_number_row_has_error (self->from_row) && !lf_number_row_has_error (self->to_row) &&
         !lf_number_row_has_error (self->points_row);
}

const LfAnalysisSection _lf_analysis_budget = {
  .name = "budget",
  .title = N_("Budget sweep"),
  .kind = LF_ANALYSIS_SWEEP,
  .show = show_list,
  .refresh_chart = refresh_chart,
  .begin = begin,
  .stream = stream,
  .end = end,
  .note = no_plan_note,
  .blocker = blocker,
  .settings_valid = settings_valid,
};

/* Settings */

char *
_lf_analysis_budget_subtitle (LfAnalysisView *self)
{
  const char *currency = self->problem ? self->problem->currency : "";
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (isnan (self->sweep_from) || isnan (self->sweep_to))
    return g_strdup (_("No budget to sweep around"));
  from = lf_format_money (self->sweep_from, currency, self->scale);
  to = lf_format_money (self->sweep_to, currency, self->scale);
  /* Translators: the budgets of a sweep, e.g. "0 USD to 12 000 000 USD, 13 points" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s, %u point", "%s to %s, %u points",
                                       self->sweep_points), from, to, self->sweep_points);
}

/* The budgets a sweep covers by itself: those of the board pack and
 * `landfall-cli report`, from nothing to twice the budget, or twice what
 * the plan costs when there is no budget. */
void
_lf_analysis_budget_default_range (LfAnalysisView *self)
{
  double top = self->problem != NULL ? lf_board_pack_frontier_top (self->problem, self->plan) : NAN;

  self->sweep_from = isnan (top) ? NAN : 0;
  self->sweep_to = top;
  lf_number_row_set_value (self->from_row, self->sweep_from);
  lf_number_row_set_value (self->to_row, self->sweep_to);
}

static void
schedule_sweep_cb (gpointer data)
{
  LfAnalysisView *self = data;

  self->sweep_source = 0;
  _lf_analysis_start_run (self, SEC_BUDGET);
}

void
_lf_analysis_budget_schedule (LfAnalysisView *self)
{
  _lf_analysis_cancel_run (self, SEC_BUDGET);
  g_clear_handle_id (&self->sweep_source, g_source_remove);
  self->sweep_source = g_timeout_add_once (SWEEP_DEBOUNCE_MS, schedule_sweep_cb, self);
}

static void
on_range_edited_cb (LfNumberRow    *row,
                    double          value,
                    LfAnalysisView *self)
{
  double from = row == self->from_row ? value : self->sweep_from;
  double to = row == self->to_row ? value : self->sweep_to;
  double points = row == self->points_row ? value : self->sweep_points;

  if (!_lf_analysis_check_row (row, row != self->from_row || from >= 0, _("The first budget cannot be negative")) ||
      !_lf_analysis_check_row (row, row != self->to_row || to > from, _("The last budget must be more than the first")) ||
      !_lf_analysis_check_row (row, row != self->points_row || (points >= 2 && points <= MAX_POINTS),
                               _("Between 2 and 1000 budgets")))
    {
      _lf_analysis_update_section (self, SEC_BUDGET);
      return;
    }
  self->sweep_from = from;
  self->sweep_to = to;
  self->sweep_points = (guint) points;
  self->sweep_custom = self->sweep_custom || row != self->points_row;
  lf_number_row_set_error (self->from_row, NULL);
  lf_number_row_set_error (self->to_row, to > from ? NULL : _("The last budget must be more than the first"));
  _lf_analysis_update_subtitles (self);
  _lf_analysis_budget_schedule (self);
}

void
_lf_analysis_budget_build_settings (LfAnalysisView *self)
{
  self->sweep_from = NAN;
  self->sweep_to = NAN;
  self->sweep_points = DEFAULT_POINTS;
  self->sweep_expander = _lf_analysis_add_expander (self, SEC_BUDGET, _("Budgets"));
  self->from_row = _lf_analysis_add_number_row (self->sweep_expander, "sweep-from", _("From"), NULL,
                                                LF_ENTRY_MONEY);
  self->to_row = _lf_analysis_add_number_row (self->sweep_expander, "sweep-to", _("To"), NULL, LF_ENTRY_MONEY);
  self->points_row = _lf_analysis_add_number_row (self->sweep_expander, "sweep-points", _("Points"), NULL,
                                                  LF_ENTRY_COUNT);
  g_signal_connect_object (self->from_row, "edited", G_CALLBACK (on_range_edited_cb), self, 0);
  g_signal_connect_object (self->to_row, "edited", G_CALLBACK (on_range_edited_cb), self, 0);
  g_signal_connect_object (self->points_row, "edited", G_CALLBACK (on_range_edited_cb), self, 0);
  lf_number_row_set_value (self->points_row, self->sweep_points);
}
