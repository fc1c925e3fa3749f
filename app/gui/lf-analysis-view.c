/* lf-analysis-view.c: the What If page of a scenario
 *
 * Four sections on a stack: the budget frontier (swept again by itself a
 * moment after the scenario changes), entry thresholds, the tornado and
 * Monte Carlo (run on request). This file holds the page: the template,
 * the section switcher, the settings rows they share the shape of, and
 * the public API. How a section runs is in lf-analysis-run.c, what each
 * one shows in its own file (lf-analysis-view-private.h).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lf-analysis-view-private.h"
#include "lf-display.h"

G_DEFINE_FINAL_TYPE (LfAnalysisView, lf_analysis_view, GTK_TYPE_WIDGET)

static const LfAnalysisSection *const section_ops[N_SECTIONS] = {
  &_lf_analysis_budget, &_lf_analysis_thresholds, &_lf_analysis_tornado, &_lf_analysis_montecarlo
};

/* Settings rows */

LfNumberRow *
_lf_analysis_add_number_row (AdwExpanderRow *expander,
                             const char     *name,
                             const char     *title,
                             const char     *hint,
                             LfEntryKind     kind)
{
  LfNumberRow *row = lf_number_row_new (title, hint, kind);

  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));

  return row;
}

AdwExpanderRow *
_lf_analysis_add_expander (LfAnalysisView *self,
                           SectionId       id,
                           const char     *title)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group[id]), row);

  return ADW_EXPANDER_ROW (row);
}

gboolean
_lf_analysis_check_row (LfNumberRow *row,
                        gboolean     ok,
                        const char  *message)
{
  lf_number_row_set_error (row, ok ? NULL : message);

  return ok;
}

void
_lf_analysis_update_subtitles (LfAnalysisView *self)
{
  g_autofree char *range = _lf_analysis_budget_subtitle (self);
  g_autofree char *factors = _lf_analysis_tornado_subtitle (self);
  g_autofree char *samples = _lf_analysis_montecarlo_subtitle (self);

  adw_expander_row_set_subtitle (self->sweep_expander, range);
  adw_expander_row_set_subtitle (self->tornado_expander, factors);
  adw_expander_row_set_subtitle (self->montecarlo_expander, samples);
}

static void
build_settings (LfAnalysisView *self)
{
  _lf_analysis_budget_build_settings (self);
  _lf_analysis_tornado_build_settings (self);
  _lf_analysis_montecarlo_build_settings (self);
  /* The thresholds have no settings. */
  gtk_widget_set_visible (self->group[SEC_THRESHOLDS], FALSE);
}

static void
update_units (LfAnalysisView *self)
{
  g_autofree char *unit = lf_display_unit_label (LF_ENTRY_MONEY, self->problem ? self->problem->currency : "",
                                                 self->scale);

  lf_number_row_set_scale (self->from_row, self->scale);
  lf_number_row_set_scale (self->to_row, self->scale);
  lf_number_row_set_unit (self->from_row, unit);
  lf_number_row_set_unit (self->to_row, unit);
}

/* Switching sections */

static void
on_section_selected_cb (LfAnalysisView *self)
{
  guint selected = gtk_drop_down_get_selected (self->section_dropdown);

  if (selected < N_SECTIONS)
    gtk_stack_set_visible_child_name (self->stack, section_ops[selected]->name);
}

/* "What would it take for India to make the cut?" is asked first: on a
 * scenario small enough to answer it in a moment, the Thresholds section
 * answers it when shown, and again after each edit while shown. */
#define AUTO_THRESHOLDS_MAX_MARKETS 20

static void
find_thresholds_if_shown (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_THRESHOLDS];

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), section_ops[SEC_THRESHOLDS]->name) != 0 ||
      self->problem == NULL || self->problem->n_markets > AUTO_THRESHOLDS_MAX_MARKETS ||
      s->cancellable != NULL || s->error != NULL || _lf_analysis_is_current (self, SEC_THRESHOLDS))
    return;
  _lf_analysis_start_run (self, SEC_THRESHOLDS);  /* stays put when blocked */
}

static void
on_section_shown_cb (LfAnalysisView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint k = 0; k < N_SECTIONS && name != NULL; k++)
    if (strcmp (name, section_ops[k]->name) == 0 && gtk_drop_down_get_selected (self->section_dropdown) != k)
      gtk_drop_down_set_selected (self->section_dropdown, k);
  find_thresholds_if_shown (self);
}

/* GObject */

static void
lf_analysis_view_dispose (GObject *object)
{
  LfAnalysisView *self = LF_ANALYSIS_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->sweep_source, g_source_remove);
  for (guint k = 0; k < N_SECTIONS; k++)
    _lf_analysis_section_clear (&self->sections[k]);
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_ANALYSIS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* The charts are gone: nothing borrows the results any more. */
  for (guint k = 0; k < N_SECTIONS; k++)
    _lf_analysis_section_drop_result (&self->sections[k]);
  g_clear_pointer (&self->partial_sweep, lf_sweep_result_free);
  g_clear_pointer (&self->mc_stream, lf_monte_carlo_stream_free);
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_pointer (&self->plan, lf_plan_unref);

  G_OBJECT_CLASS (lf_analysis_view_parent_class)->dispose (object);
}

static void
lf_analysis_view_class_init (LfAnalysisViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_analysis_view_dispose;

  g_type_ensure (LF_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lf-analysis-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LfAnalysisView, stack);
  gtk_widget_class_bind_template_child (widget_class, LfAnalysisView, section_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LfAnalysisView, montecarlo_figures);
  gtk_widget_class_bind_template_child_full (widget_class, "budget_group", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, group[SEC_BUDGET]));
  gtk_widget_class_bind_template_child_full (widget_class, "thresholds_group", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, group[SEC_THRESHOLDS]));
  gtk_widget_class_bind_template_child_full (widget_class, "tornado_group", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, group[SEC_TORNADO]));
  gtk_widget_class_bind_template_child_full (widget_class, "montecarlo_group", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, group[SEC_MONTECARLO]));
  gtk_widget_class_bind_template_child_full (widget_class, "budget_status", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, status_slot[SEC_BUDGET]));
  gtk_widget_class_bind_template_child_full (widget_class, "thresholds_status", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, status_slot[SEC_THRESHOLDS]));
  gtk_widget_class_bind_template_child_full (widget_class, "tornado_status", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, status_slot[SEC_TORNADO]));
  gtk_widget_class_bind_template_child_full (widget_class, "montecarlo_status", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, status_slot[SEC_MONTECARLO]));
  gtk_widget_class_bind_template_child_full (widget_class, "budget_chart", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, chart[SEC_BUDGET]));
  gtk_widget_class_bind_template_child_full (widget_class, "tornado_chart", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, chart[SEC_TORNADO]));
  gtk_widget_class_bind_template_child_full (widget_class, "montecarlo_chart", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, chart[SEC_MONTECARLO]));
  gtk_widget_class_bind_template_child_full (widget_class, "changes_list", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, sections[SEC_BUDGET].list));
  gtk_widget_class_bind_template_child_full (widget_class, "thresholds_list", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, sections[SEC_THRESHOLDS].list));
  gtk_widget_class_bind_template_child_full (widget_class, "swings_list", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, sections[SEC_TORNADO].list));
  gtk_widget_class_bind_template_child_full (widget_class, "frequencies_list", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, sections[SEC_MONTECARLO].list));
  gtk_widget_class_bind_template_child_full (widget_class, "changes_box", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, sections[SEC_BUDGET].list_box));
  gtk_widget_class_bind_template_child_full (widget_class, "thresholds_box", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, sections[SEC_THRESHOLDS].list_box));
  gtk_widget_class_bind_template_child_full (widget_class, "swings_box", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, sections[SEC_TORNADO].list_box));
  gtk_widget_class_bind_template_child_full (widget_class, "frequencies_box", FALSE,
                                             G_STRUCT_OFFSET (LfAnalysisView, sections[SEC_MONTECARLO].list_box));
  gtk_widget_class_bind_template_callback (widget_class, on_section_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_shown_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "analysisview");
}

static void
lf_analysis_view_init (LfAnalysisView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lf_chart_view_set_kind (self->chart[SEC_BUDGET], LF_CHART_FRONTIER);
  lf_chart_view_set_kind (self->chart[SEC_TORNADO], LF_CHART_TORNADO);
  lf_chart_view_set_kind (self->chart[SEC_MONTECARLO], LF_CHART_MONTECARLO);
  _lf_analysis_montecarlo_build_figures (self);
  build_settings (self);
  for (guint k = 0; k < N_SECTIONS; k++)
    _lf_analysis_section_init (self, k, section_ops[k]);
  update_units (self);
  _lf_analysis_update_subtitles (self);
  for (guint k = 0; k < N_SECTIONS; k++)
    _lf_analysis_update_section (self, k);
}

LfAnalysisView *
lf_analysis_view_new (void)
{
  return g_object_new (LF_TYPE_ANALYSIS_VIEW, NULL);
}

void
lf_analysis_view_set_problem (LfAnalysisView *self,
                              LfProblem      *problem,
                              LfPlan         *plan)
{
  gboolean same;

  g_return_if_fail (LF_IS_ANALYSIS_VIEW (self));

  same = lf_analysis_same_problem (self->problem, problem);
  if (problem != self->problem)
    {
      g_clear_pointer (&self->problem, lf_problem_unref);
      self->problem = problem ? lf_problem_ref (problem) : NULL;
    }
  if (plan != self->plan)
    {
      g_clear_pointer (&self->plan, lf_plan_unref);
      self->plan = plan ? lf_plan_ref (plan) : NULL;
    }
  for (guint k = 0; k < N_SECTIONS; k++)
    if (self->chart[k] != NULL)
      lf_chart_view_set_plan (self->chart[k], self->problem, self->plan);
  update_units (self);
  /* The same problem may come back with its plan, which gives a range to
   * a scenario without a budget. */
  /* A run of other inputs would finish out of date: stop it now, so it
   * does not hold both cores for nothing. The sweep restarts below. */
  for (guint k = 0; k < N_SECTIONS && !same; k++)
    _lf_analysis_cancel_run (self, k);
  if (!same || (!self->sweep_custom && isnan (self->sweep_to)))
    {
      self->generation += !same;
      if (!self->sweep_custom)
        _lf_analysis_budget_default_range (self);
      _lf_analysis_update_subtitles (self);
      if (!same || !isnan (self->sweep_to))
        _lf_analysis_budget_schedule (self);
    }
  for (guint k = 0; k < N_SECTIONS; k++)
    _lf_analysis_update_section (self, k);
  find_thresholds_if_shown (self);
}

void
lf_analysis_view_set_money_scale (LfAnalysisView *self,
                                  LfMoneyScale    scale)
{
  g_return_if_fail (LF_IS_ANALYSIS_VIEW (self));

  if (self->scale == scale)
    return;
  self->scale = scale;
  update_units (self);
  _lf_analysis_update_subtitles (self);
  for (guint k = 0; k < N_SECTIONS; k++)
    _lf_analysis_show_result (self, k);
}

gboolean
lf_analysis_view_get_current (LfAnalysisView            *self,
                              const LfSweepResult      **sweep,
                              const LfTornadoResult    **tornado,
                              const LfMonteCarloResult **montecarlo)
{
  const LfSweepResult *s;
  const LfTornadoResult *t;
  const LfMonteCarloResult *m;

  g_return_val_if_fail (LF_IS_ANALYSIS_VIEW (self), FALSE);

  s = _lf_analysis_is_current (self, SEC_BUDGET) ? self->sections[SEC_BUDGET].result : NULL;
  t = _lf_analysis_is_current (self, SEC_TORNADO) ? self->sections[SEC_TORNADO].result : NULL;
  m = _lf_analysis_is_current (self, SEC_MONTECARLO) ? self->sections[SEC_MONTECARLO].result : NULL;
  if (sweep != NULL)
    *sweep = s;
  if (tornado != NULL)
    *tornado = t;
  if (montecarlo != NULL)
    *montecarlo = m;

  return s != NULL || t != NULL || m != NULL;
}

gboolean
lf_analysis_view_is_busy (LfAnalysisView *self)
{
  g_return_val_if_fail (LF_IS_ANALYSIS_VIEW (self), FALSE);

  for (guint k = 0; k < N_SECTIONS; k++)
    if (self->sections[k].cancellable != NULL)
      return TRUE;

  return self->sweep_source != 0;
}
