/* lf-compare-view.c: the Compare page of a scenario
 *
 * The widget, its API and what ties its sections together: the Markets
 * section (lf-compare-markets.c), the Scenarios section
 * (lf-compare-scenarios.c, lf-compare-side.c) and the kept plans
 * (lf-kept-plans.c), all drawn by lf-compare-grid.c.
 */

#include "config.h"

#include "lf-compare-grid.h"
#include "lf-compare-view-private.h"

G_DEFINE_FINAL_TYPE (LfCompareView, lf_compare_view, GTK_TYPE_WIDGET)

/* Grids are made when they can be seen, not after every solve of a
 * scenario whose page shows something else. */
gboolean
lf_compare_view_defer_unmapped (LfCompareView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  self->dirty = TRUE;

  return TRUE;
}

static void
on_section_toggled_cb (LfCompareView *self)
{
  gboolean scenarios = gtk_toggle_button_get_active (self->scenarios_toggle);

  gtk_stack_set_visible_child_name (self->stack, scenarios ? "scenarios" : "markets");
  if (scenarios)
    {
      lf_compare_view_reload_others (self);
      lf_compare_view_refresh_scenarios (self);
    }
}

static void
lf_compare_view_map (GtkWidget *widget)
{
  LfCompareView *self = LF_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (lf_compare_view_parent_class)->map (widget);
  if (self->dirty)
    lf_compare_view_refresh_markets (self);
  if (self->dirty || gtk_toggle_button_get_active (self->scenarios_toggle))
    {
      lf_compare_view_reload_others (self);
      lf_compare_view_refresh_scenarios (self);
    }
  self->dirty = FALSE;
}

static void
lf_compare_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
lf_compare_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LfCompareView *self = LF_COMPARE_VIEW (widget);

  lf_compare_grid_lay_out_body (self->markets_body, GTK_WIDGET (self->markets_chart), width);
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
lf_compare_view_dispose (GObject *object)
{
  LfCompareView *self = LF_COMPARE_VIEW (object);
  GtkWidget *child;

  /* The charts borrow from the sides: empty them first. */
  if (self->frontiers_chart != NULL)
    lf_chart_view_set_frontiers (self->frontiers_chart, NULL, NULL, 0, NULL);
  if (self->others != NULL)
    g_ptr_array_set_size (self->others, 0);
  g_clear_pointer (&self->current, lf_compare_side_drop);
  g_clear_pointer (&self->kept, g_hash_table_unref);
  if (self->session != NULL)
    g_clear_signal_handler (&self->scenarios_handler, lf_session_get_scenarios (self->session));
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_COMPARE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_pointer (&self->plan, lf_plan_unref);

  G_OBJECT_CLASS (lf_compare_view_parent_class)->dispose (object);
}

static void
lf_compare_view_finalize (GObject *object)
{
  LfCompareView *self = LF_COMPARE_VIEW (object);

  g_clear_pointer (&self->others, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_markets, g_ptr_array_unref);
  g_clear_pointer (&self->chips, g_ptr_array_unref);

  G_OBJECT_CLASS (lf_compare_view_parent_class)->finalize (object);
}

static void
lf_compare_view_class_init (LfCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_compare_view_dispose;
  object_class->finalize = lf_compare_view_finalize;
  widget_class->map = lf_compare_view_map;
  widget_class->measure = lf_compare_view_measure;
  widget_class->size_allocate = lf_compare_view_size_allocate;

  g_type_ensure (LF_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/landfall/Landfall/lf-compare-view.ui");
  gtk_widget_class_set_css_name (widget_class, "compareview");
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, markets_toggle);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, scenarios_toggle);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, market_search);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, market_chips);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, markets_body);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, markets_grid);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, markets_chart);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, keep_button);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, plans_list);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, others_list);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, scenarios_status);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, currency_note);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, scenarios_body);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, scenarios_grid);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, frontiers_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_section_toggled_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_keep_clicked_cb", G_CALLBACK (lf_kept_plans_keep));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_changed_cb",
                                                G_CALLBACK (lf_compare_markets_search_changed));
}

static void
lf_compare_view_init (LfCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scale = LF_MONEY_UNITS;
  self->chosen_markets = g_ptr_array_new_with_free_func (g_free);
  self->chips = g_ptr_array_new ();
  self->others = g_ptr_array_new_with_free_func ((GDestroyNotify) lf_compare_side_release);
  self->kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) lf_compare_side_drop);
  self->current = lf_compare_side_new (self, SIDE_CURRENT, 0);
  lf_chart_view_set_kind (self->markets_chart, LF_CHART_COMPARE);
  lf_chart_view_set_kind (self->frontiers_chart, LF_CHART_FRONTIER);
  lf_kept_plans_rebuild (self);
  lf_compare_view_refresh_scenarios (self);
}

LfCompareView *
lf_compare_view_new (void)
{
  return g_object_new (LF_TYPE_COMPARE_VIEW, NULL);
}

void
lf_compare_view_set_session (LfCompareView *self,
                             LfSession     *session)
{
  g_return_if_fail (LF_IS_COMPARE_VIEW (self));
  g_return_if_fail (session == NULL || LF_IS_SESSION (session));

  if (self->session == session)
    return;
  lf_compare_view_clear_others (self);
  if (self->session != NULL)
    g_clear_signal_handler (&self->scenarios_handler, lf_session_get_scenarios (self->session));
  g_set_object (&self->session, session);
  if (session != NULL)
    self->scenarios_handler = g_signal_connect_object (lf_session_get_scenarios (session), "items-changed",
                                                       G_CALLBACK (lf_compare_view_on_scenarios_changed), self, 0);
  lf_compare_view_rebuild_others (self);
  lf_kept_plans_rebuild (self);
  lf_compare_view_refresh_scenarios (self);
}

/* A new current side for a new plan; its sweep is kept when the plan is
 * the same. The old side goes only after the chart stops borrowing it. */
static void
replace_current (LfCompareView *self)
{
  Side *old = self->current;

  self->current = lf_compare_side_new (self, SIDE_CURRENT, 0);
  self->current->name = g_strdup (self->scenario != NULL ? lf_scenario_get_name (self->scenario) :
                                  self->problem != NULL ? self->problem->name : "");
  lf_compare_side_set_problem (self->current, self->problem, self->plan);
  if (old->swept && old->plan == self->plan && old->problem != NULL && self->problem != NULL &&
      lf_compare_problems_equal (old->problem, self->problem))
    {
      self->current->sweep = g_steal_pointer (&old->sweep);
      self->current->swept = TRUE;
    }
  lf_compare_view_refresh_scenarios (self);
  lf_compare_side_drop (old);
}

void
lf_compare_view_set_scenario (LfCompareView *self,
                              LfScenario    *scenario)
{
  g_return_if_fail (LF_IS_COMPARE_VIEW (self));
  g_return_if_fail (scenario == NULL || LF_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;
  lf_compare_view_clear_others (self);
  g_set_object (&self->scenario, scenario);
  /* Its plan comes with the next lf_compare_view_set_plan(). */
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_pointer (&self->plan, lf_plan_unref);
  g_ptr_array_set_size (self->chosen_markets, 0);
  self->markets_touched = FALSE;
  self->chips_signature = 0;
  lf_compare_view_rebuild_others (self);
  lf_kept_plans_rebuild (self);
  lf_compare_view_refresh_markets (self);
  replace_current (self);
}

void
lf_compare_view_set_plan (LfCompareView *self,
                          LfProblem     *problem,
                          LfPlan        *plan)
{
  g_return_if_fail (LF_IS_COMPARE_VIEW (self));

  if (problem != NULL)
    lf_problem_ref (problem);
  if (plan != NULL)
    lf_plan_ref (plan);
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_pointer (&self->plan, lf_plan_unref);
  self->problem = problem;
  self->plan = plan;
  lf_compare_view_refresh_markets (self);
  replace_current (self);
}

void
lf_compare_view_set_money_scale (LfCompareView *self,
                                 LfMoneyScale   scale)
{
  g_return_if_fail (LF_IS_COMPARE_VIEW (self));

  if (self->scale == scale)
    return;
  self->scale = scale;
  lf_compare_view_refresh_markets (self);
  lf_compare_view_refresh_scenarios (self);
}

gboolean
lf_compare_view_get_busy (LfCompareView *self)
{
  g_return_val_if_fail (LF_IS_COMPARE_VIEW (self), FALSE);

  return lf_compare_view_any_busy (self);
}