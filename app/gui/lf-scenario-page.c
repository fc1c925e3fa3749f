/* lf-scenario-page.c: one scenario: its settings, its markets, its plan */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-number-row.h"
#include "lf-scenario-page.h"
#include "lf-solver.h"

struct _LfScenarioPage
{
  GtkWidget            parent_instance;

  AdwFlap             *flap;
  GtkStack            *editor_stack;
  AdwPreferencesGroup *settings_group;
  AdwPreferencesGroup *limits_group;
  GtkListBox          *markets_list;
  LfMarketPane        *market_pane;
  AdwViewStack        *view_stack;
  LfPlanView          *plan_view;
  LfAnalysisView      *analysis_view;
  LfCompareView       *compare_view;

  AdwComboRow         *objective_row;
  LfNumberRow         *budget_row;
  LfNumberRow         *target_row;
  AdwEntryRow         *currency_row;
  LfNumberRow         *cap_rows[LF_N_CAPS];

  GSettings           *settings;
  LfSession           *session;
  LfScenario          *scenario;
  LfPlan              *plan;
  LfProblem           *problem;      /* what plan solved */
  GCancellable        *cancellable;
  guint                solve_source;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (LfScenarioPage, lf_scenario_page, GTK_TYPE_WIDGET)

static LfMoneyScale
money_scale (LfScenarioPage *self)
{
  return (LfMoneyScale) g_settings_get_enum (self->settings, "money-scale");
}

/* Solving */

static void
show_plan (LfScenarioPage *self,
           LfPlan         *plan,
           LfProblem      *problem);

static LfPlan *
error_plan (LfProblem  *problem,
            const char *message)
{
  LfPlan *plan = lf_plan_new (problem);

  plan->status = LF_PLAN_ERROR;
  g_free (plan->error_message);
  plan->error_message = g_strdup (message);

  return plan;
}

typedef struct
{
  LfScenarioPage *page;
  LfProblem      *problem;
  GCancellable   *cancellable;
} SolveData;

static void
solve_data_free (SolveData *data)
{
  g_object_unref (data->page);
  g_object_unref (data->cancellable);
  lf_problem_unref (data->problem);
  g_free (data);
}

static void
on_solved_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SolveData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LfPlan) plan = lf_solver_solve_finish (result, &error);

  /* A run finished just before a newer one replaced it: drop it. */
  if ((plan == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      || data->cancellable != data->page->cancellable)
    {
      solve_data_free (data);
      return;
    }
  if (plan == NULL)
    plan = error_plan (data->problem, error->message);
  if (plan->status != LF_PLAN_CANCELLED)
    {
      lf_plan_view_set_busy (data->page->plan_view, FALSE);
      show_plan (data->page, plan, data->problem);
    }
  solve_data_free (data);
}

/* On the spot, so the plan follows the typing without a spinner's flicker,
 * but never for longer than a frame: a small scenario can still be a hard
 * programme (many near-identical markets), and then the worker takes it
 * while the last plan stays on show. */
static gboolean
solve_within_frame (LfScenarioPage       *self,
                    LfProblem            *problem,
                    const LfSolveOptions *options)
{
  LfSolveOptions quick = *options;
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time (), solved;

  quick.time_limit_s = MIN (options->time_limit_s, LF_SYNC_SOLVE_SECONDS);
  plan = lf_solver_solve (problem, &quick, NULL, &error);
  if (plan == NULL)
    plan = error_plan (problem, error->message);
  solved = g_get_monotonic_time ();
  if (plan->status == LF_PLAN_TIME_LIMIT && quick.time_limit_s < options->time_limit_s)
    {
      g_debug ("Not solved within a frame (%.1f ms): on to the worker", (solved - start) / 1e3);
      return FALSE;
    }
  lf_plan_view_set_busy (self->plan_view, FALSE);
  show_plan (self, plan, problem);
  g_debug ("Solved in %.1f ms, shown in %.1f ms", (solved - start) / 1e3,
           (g_get_monotonic_time () - solved) / 1e3);

  return TRUE;
}

void
lf_scenario_page_solve_now (LfScenarioPage *self)
{
  LfSolveOptions options = LF_SOLVE_OPTIONS_INIT;
  g_autoptr(LfProblem) problem = NULL;
  SolveData *data;

  g_clear_handle_id (&self->solve_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->scenario == NULL)
    return;
  problem = lf_problem_new_from_scenario (self->scenario);
  options.time_limit_s = g_settings_get_double (self->settings, "time-limit");
  if (problem->n_markets <= LF_SYNC_SOLVE_MAX_MARKETS && solve_within_frame (self, problem, &options))
    return;
  self->cancellable = g_cancellable_new ();
  data = g_new0 (SolveData, 1);
  data->page = g_object_ref (self);
  data->problem = lf_problem_ref (problem);
  data->cancellable = g_object_ref (self->cancellable);
  lf_plan_view_set_busy (self->plan_view, TRUE);
  lf_solver_solve_async (problem, &options, self->cancellable, on_solved_cb, data);
}

static gboolean
solve_idle_cb (gpointer user_data)
{
  LfScenarioPage *self = user_data;

  self->solve_source = 0;
  lf_scenario_page_solve_now (self);

  return G_SOURCE_REMOVE;
}

/* Several "changed" in one turn of the main loop make one solve, which
 * runs before the next frame is drawn. */
static void
queue_solve (LfScenarioPage *self)
{
  if (self->solve_source == 0)
    self->solve_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, solve_idle_cb, self, NULL);
}

/* The market list */

static void
update_market_row (LfScenarioPage *self,
                   guint           position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->markets_list, position);
  GtkLabel *status;
  gboolean entered;
  g_autofree char *share = NULL;
  g_autofree char *text = NULL;

  if (row == NULL)
    return;
  status = g_object_get_data (G_OBJECT (row), "lf-status");
  if (self->plan == NULL || !self->plan->has_solution || position >= self->plan->n_markets)
    {
      gtk_label_set_text (status, "");
      return;
    }
  entered = self->plan->markets[position].entered;
  share = lf_format_percent (self->plan->markets[position].p, 1);
  /* Translators: a market's place in the plan, e.g. "Enter · 25%" */
  text = entered ? g_strdup_printf (_("Enter · %s"), share) : g_strdup (_("Stay out"));
  gtk_label_set_text (status, text);
  if (entered)
    gtk_widget_add_css_class (GTK_WIDGET (status), "entered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (status), "entered");
}

static void
show_plan (LfScenarioPage *self,
           LfPlan         *plan,
           LfProblem      *problem)
{
  guint n;

  g_clear_pointer (&self->plan, lf_plan_unref);
  g_clear_pointer (&self->problem, lf_problem_unref);
  self->plan = lf_plan_ref (plan);
  self->problem = lf_problem_ref (problem);
  lf_plan_view_set_plan (self->plan_view, plan, problem, self->scenario);
  lf_analysis_view_set_problem (self->analysis_view, problem, plan);
  lf_compare_view_set_plan (self->compare_view, problem, plan);
  n = self->scenario ? lf_scenario_get_n_markets (self->scenario) : 0;
  for (guint i = 0; i < n; i++)
    update_market_row (self, i);
}

static void
update_market_subtitle (AdwActionRow *row,
                        LfMarket     *market)
{
  const char *code = lf_market_get_code (market);
  const char *lock = NULL;
  g_autofree char *text = NULL;

  if (lf_market_get_lock (market) == LF_LOCK_ENTER)
    lock = _("always entered");
  else if (lf_market_get_lock (market) == LF_LOCK_EXCLUDE)
    lock = _("never entered");
  if (code[0] != '\0' && lock != NULL)
    text = g_strdup_printf ("%s · %s", code, lock);
  else
    text = g_strdup (code[0] != '\0' ? code : (lock ? lock : ""));
  adw_action_row_set_subtitle (row, text);
}

static GtkWidget *
create_market_row (gpointer item,
                   gpointer user_data)
{
  LfMarket *market = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (NULL);

  g_object_bind_property (market, "name", row, "title", G_BINDING_SYNC_CREATE);
  gtk_widget_add_css_class (status, "market-status");
  gtk_widget_add_css_class (status, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "lf-status", status);
  update_market_subtitle (ADW_ACTION_ROW (row), market);
  g_signal_connect_object (market, "changed", G_CALLBACK (update_market_subtitle), row, G_CONNECT_SWAPPED);

  return row;
}

static void
on_market_activated_cb (LfScenarioPage *self,
                        GtkListBoxRow  *row)
{
  lf_scenario_page_show_market (self, gtk_list_box_row_get_index (row));
}

/* The settings rows */

static void
set_cap_row (LfScenarioPage *self,
             LfCap           cap)
{
  LfNumberRow *row = self->cap_rows[cap];

  lf_number_row_set_active (row, lf_scenario_has_cap (self->scenario, cap));
  if (lf_scenario_has_cap (self->scenario, cap))
    lf_number_row_set_value (row, lf_scenario_get_cap (self->scenario, cap));
}

static void
refresh_settings (LfScenarioPage *self)
{
  LfObjective objective;
  g_autofree char *unit = NULL;

  if (self->scenario == NULL)
    return;
  objective = lf_scenario_get_objective (self->scenario);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->objective_row, objective);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)),
                 lf_scenario_get_currency (self->scenario)) != 0
      && !gtk_widget_has_css_class (GTK_WIDGET (self->currency_row), "error"))
    gtk_editable_set_text (GTK_EDITABLE (self->currency_row), lf_scenario_get_currency (self->scenario));
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->budget_row), objective == LF_OBJECTIVE_MAX_VALUE);
  gtk_widget_set_visible (GTK_WIDGET (self->target_row), objective == LF_OBJECTIVE_MIN_COST);
  unit = lf_display_unit_label (LF_ENTRY_MONEY, lf_scenario_get_currency (self->scenario), money_scale (self));
  lf_number_row_set_unit (self->budget_row, unit);
  lf_number_row_set_scale (self->budget_row, money_scale (self));
  if (lf_scenario_has_budget (self->scenario))
    lf_number_row_set_value (self->budget_row, lf_scenario_get_budget (self->scenario));
  if (lf_scenario_has_target_value (self->scenario))
    lf_number_row_set_value (self->target_row, lf_scenario_get_target_value (self->scenario));
  for (guint c = 0; c < LF_N_CAPS; c++)
    set_cap_row (self, c);
}

static void
on_budget_edited_cb (LfScenarioPage *self,
                     double          value,
                     LfNumberRow    *row)
{
  g_autoptr(GError) error = NULL;

  if (self->scenario == NULL)
    return;
  lf_session_preview_budget (self->session, self->scenario, value, &error);
  lf_number_row_set_error (row, error ? error->message : NULL);
}

static void
on_target_edited_cb (LfScenarioPage *self,
                     double          value,
                     LfNumberRow    *row)
{
  g_autoptr(GError) error = NULL;

  if (self->scenario == NULL)
    return;
  lf_session_preview_target_value (self->session, self->scenario, value, &error);
  lf_number_row_set_error (row, error ? error->message : NULL);
}

static LfCap
row_cap (LfNumberRow *row)
{
  return (LfCap) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lf-cap"));
}

static void
on_cap_edited_cb (LfScenarioPage *self,
                  double          value,
                  LfNumberRow    *row)
{
  g_autoptr(GError) error = NULL;

  if (self->scenario == NULL || !lf_number_row_get_active (row))
    return;
  lf_session_preview_cap (self->session, self->scenario, row_cap (row), value, &error);
  lf_number_row_set_error (row, error ? error->message : NULL);
}

/* A cap switched on without a number starts where the plan is now, so
 * switching it on changes nothing until the user tightens it. */
static double
default_cap (LfScenarioPage *self,
             LfCap           cap)
{
  gboolean have = self->plan != NULL && self->plan->has_solution;

  switch (cap)
    {
    case LF_CAP_RISK:
      return have ? ceil (self->plan->risk * 100) / 100 : 1;
    case LF_CAP_HEADCOUNT:
      return have ? ceil (self->plan->headcount) : 100;
    case LF_CAP_MARKETS:
    case LF_N_CAPS:
    default:
      return lf_scenario_get_n_markets (self->scenario);
    }
}

static void
on_cap_toggled_cb (LfScenarioPage *self,
                   gboolean        active,
                   LfNumberRow    *row)
{
  LfCap cap = row_cap (row);
  GtkEditable *entry = lf_number_row_get_entry (row);
  LfEntryKind kind = cap == LF_CAP_MARKETS ? LF_ENTRY_COUNT : LF_ENTRY_NUMBER;
  double value;

  if (self->scenario == NULL)
    return;
  if (!active)
    {
      lf_number_row_set_error (row, NULL);
      lf_session_set_cap (self->session, self->scenario, cap, NAN, NULL);
      return;
    }
  if (!lf_display_parse_entry (kind, gtk_editable_get_text (entry), LF_MONEY_UNITS, &value, NULL)
      || !lf_session_set_cap (self->session, self->scenario, cap, value, NULL))
    lf_session_set_cap (self->session, self->scenario, cap, default_cap (self, cap), NULL);
}

static void
on_objective_selected_cb (LfScenarioPage *self)
{
  LfObjective objective = (LfObjective) adw_combo_row_get_selected (self->objective_row);
  gboolean have = self->plan != NULL && self->plan->has_solution;

  if (self->updating || self->scenario == NULL || objective > LF_OBJECTIVE_MIN_COST)
    return;
  /* The objective that was off has no number yet: start from the plan. */
  if (objective == lf_scenario_get_objective (self->scenario))
    return;
  if (objective == LF_OBJECTIVE_MIN_COST && !lf_scenario_has_target_value (self->scenario))
    lf_session_set_target_value (self->session, self->scenario,
                                 have ? floor (self->plan->value * 10) / 10 : 1, NULL);
  if (objective == LF_OBJECTIVE_MAX_VALUE && !lf_scenario_has_budget (self->scenario))
    lf_session_set_budget (self->session, self->scenario, have ? ceil (self->plan->cost / 1000) * 1000 : 1e6, NULL);
  lf_session_set_objective (self->session, self->scenario, objective, NULL);
}

static void
on_currency_changed_cb (LfScenarioPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  if (self->updating || self->scenario == NULL)
    return;
  code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);
  if (g_strcmp0 (g_strstrip (code), lf_scenario_get_currency (self->scenario)) == 0)
    return;
  if (!lf_session_set_currency (self->session, self->scenario, code, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->currency_row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->currency_row), "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), _("Currency (ISO 4217)"));
}

static void
on_commit_cb (LfScenarioPage *self)
{
  if (self->session != NULL)
    lf_session_commit (self->session, NULL);
}

static LfNumberRow *
add_number_row (LfScenarioPage      *self,
                AdwPreferencesGroup *group,
                const char          *name,
                const char          *title,
                const char          *hint,
                LfEntryKind          kind,
                GCallback            edited)
{
  LfNumberRow *row = lf_number_row_new (title, hint, kind);

  gtk_widget_set_name (GTK_WIDGET (row), name);
  g_signal_connect_object (row, "edited", edited, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "commit", G_CALLBACK (on_commit_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, GTK_WIDGET (row));

  return row;
}

static void
build_settings (LfScenarioPage *self)
{
  static const char *cap_names[LF_N_CAPS] = { "cap-risk", "cap-headcount", "cap-markets" };
  const char *cap_titles[LF_N_CAPS] = { _("Risk cap"), _("Headcount cap"), _("Market limit") };
  const char *cap_hints[LF_N_CAPS] = {
    _("Most total risk exposure"),
    _("Most people in all markets"),
    _("Most markets entered"),
  };
  const char *cap_units[LF_N_CAPS] = { C_("unit", "risk"), C_("unit", "people"), C_("unit", "markets") };
  const char *objectives[] = { _("Maximise value"), _("Minimise cost"), NULL };

  self->objective_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->objective_row), _("Objective"));
  adw_combo_row_set_model (self->objective_row, G_LIST_MODEL (gtk_string_list_new (objectives)));
  gtk_widget_set_name (GTK_WIDGET (self->objective_row), "objective");
  g_signal_connect_object (self->objective_row, "notify::selected", G_CALLBACK (on_objective_selected_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->settings_group, GTK_WIDGET (self->objective_row));
  self->budget_row = add_number_row (self, self->settings_group, "budget", _("Budget"),
                                     _("Most the plan may cost"), LF_ENTRY_MONEY,
                                     G_CALLBACK (on_budget_edited_cb));
  self->target_row = add_number_row (self, self->settings_group, "target-value", _("Target value"),
                                     _("Least value the plan must reach"), LF_ENTRY_NUMBER,
                                     G_CALLBACK (on_target_edited_cb));
  lf_number_row_set_unit (self->target_row, C_("unit", "value"));
  self->currency_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), _("Currency (ISO 4217)"));
  gtk_widget_set_name (GTK_WIDGET (self->currency_row), "currency");
  g_signal_connect_object (self->currency_row, "changed", G_CALLBACK (on_currency_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->settings_group, GTK_WIDGET (self->currency_row));
  for (guint c = 0; c < LF_N_CAPS; c++)
    {
      self->cap_rows[c] = add_number_row (self, self->limits_group, cap_names[c], cap_titles[c], cap_hints[c],
                                          c == LF_CAP_MARKETS ? LF_ENTRY_COUNT : LF_ENTRY_NUMBER,
                                          G_CALLBACK (on_cap_edited_cb));
      g_object_set_data (G_OBJECT (self->cap_rows[c]), "lf-cap", GUINT_TO_POINTER (c));
      lf_number_row_set_unit (self->cap_rows[c], cap_units[c]);
      lf_number_row_set_switchable (self->cap_rows[c], TRUE);
      g_signal_connect_object (self->cap_rows[c], "toggled", G_CALLBACK (on_cap_toggled_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

/* Market actions */

static int
current_position (LfScenarioPage *self)
{
  LfMarket *market = lf_market_pane_get_market (self->market_pane);

  if (self->scenario == NULL || market == NULL)
    return -1;

  return lf_scenario_find_market (self->scenario, lf_market_get_name (market));
}

static void
report (LfScenarioPage *self,
        GError         *error)
{
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static void
add_market_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LfScenarioPage *self = LF_SCENARIO_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->scenario == NULL)
    return;
  n = lf_scenario_get_n_markets (self->scenario);
  if (lf_session_add_market (self->session, self->scenario, n, &error))
    lf_scenario_page_show_market (self, n);
  report (self, error);
}

static void
duplicate_market_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  LfScenarioPage *self = LF_SCENARIO_PAGE (widget);
  int position = current_position (self);
  g_autoptr(GError) error = NULL;

  if (position < 0)
    return;
  if (lf_session_duplicate_market (self->session, self->scenario, position, &error))
    lf_scenario_page_show_market (self, position + 1);
  report (self, error);
}

static void
remove_market_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LfScenarioPage *self = LF_SCENARIO_PAGE (widget);
  int position = current_position (self);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (position < 0)
    return;
  message = g_strdup_printf (_("“%s” removed"), lf_market_get_name (lf_scenario_get_market (self->scenario, position)));
  lf_scenario_page_show_overview (self);
  if (lf_session_remove_market (self->session, self->scenario, position, &error))
    gtk_widget_activate_action (widget, "win.show-undo-toast", "s", message);
  report (self, error);
}

static void
move_market_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LfScenarioPage *self = LF_SCENARIO_PAGE (widget);
  int position = current_position (self);
  int to = position + (g_str_has_suffix (action_name, "up") ? -1 : 1);
  g_autoptr(GError) error = NULL;

  if (position < 0 || to < 0 || to >= (int) lf_scenario_get_n_markets (self->scenario))
    return;
  lf_session_move_market (self->session, self->scenario, position, to, &error);
  report (self, error);
}

static void
show_markets_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  lf_scenario_page_show_overview (LF_SCENARIO_PAGE (widget));
}

static void
update_actions (LfScenarioPage *self)
{
  int position = current_position (self);
  int n = self->scenario ? (int) lf_scenario_get_n_markets (self->scenario) : 0;
  gboolean on_market = position >= 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->editor_stack), "market") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.duplicate-market", on_market);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.remove-market", on_market);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-market-up", on_market && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-market-down", on_market && position + 1 < n);
}

/* The scenario */

static void
on_scenario_changed_cb (LfScenarioPage *self)
{
  refresh_settings (self);
  update_actions (self);
  queue_solve (self);
}

/* The market shown in the pane may have gone (removed, or undone). */
static void
on_items_changed_cb (LfScenarioPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->editor_stack), "market") == 0
      && current_position (self) < 0)
    lf_scenario_page_show_overview (self);
}

static void
on_money_scale_changed_cb (LfScenarioPage *self)
{
  lf_market_pane_set_money_scale (self->market_pane, money_scale (self));
  lf_plan_view_set_money_scale (self->plan_view, money_scale (self));
  lf_analysis_view_set_money_scale (self->analysis_view, money_scale (self));
  lf_compare_view_set_money_scale (self->compare_view, money_scale (self));
  refresh_settings (self);
}

static void
lf_scenario_page_dispose (GObject *object)
{
  LfScenarioPage *self = LF_SCENARIO_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->solve_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->plan, lf_plan_unref);
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_object (&self->scenario);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_SCENARIO_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lf_scenario_page_parent_class)->dispose (object);
}

static void
lf_scenario_page_class_init (LfScenarioPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_scenario_page_dispose;

  g_type_ensure (LF_TYPE_MARKET_PANE);
  g_type_ensure (LF_TYPE_PLAN_VIEW);
  g_type_ensure (LF_TYPE_ANALYSIS_VIEW);
  g_type_ensure (LF_TYPE_COMPARE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lf-scenario-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, flap);
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, settings_group);
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, limits_group);
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, markets_list);
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, market_pane);
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, plan_view);
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, analysis_view);
  gtk_widget_class_bind_template_child (widget_class, LfScenarioPage, compare_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariopage");

  gtk_widget_class_install_action (widget_class, "page.add-market", NULL, add_market_action);
  gtk_widget_class_install_action (widget_class, "page.duplicate-market", NULL, duplicate_market_action);
  gtk_widget_class_install_action (widget_class, "page.remove-market", NULL, remove_market_action);
  gtk_widget_class_install_action (widget_class, "page.move-market-up", NULL, move_market_action);
  gtk_widget_class_install_action (widget_class, "page.move-market-down", NULL, move_market_action);
  gtk_widget_class_install_action (widget_class, "page.show-markets", NULL, show_markets_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.add-market", NULL);
}

static void
lf_scenario_page_init (LfScenarioPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_settings (self);
  placeholder = gtk_label_new (_("No markets yet: add the first one"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->markets_list, placeholder);
  g_signal_connect_object (self->markets_list, "row-activated", G_CALLBACK (on_market_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

LfScenarioPage *
lf_scenario_page_new (GSettings *settings,
                      LfSession *session)
{
  LfScenarioPage *self = g_object_new (LF_TYPE_SCENARIO_PAGE, NULL);

  self->settings = g_object_ref (settings);
  self->session = g_object_ref (session);
  lf_plan_view_set_session (self->plan_view, session);
  lf_compare_view_set_session (self->compare_view, session);
  g_signal_connect_object (settings, "changed::money-scale", G_CALLBACK (on_money_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::time-limit", G_CALLBACK (queue_solve), self, G_CONNECT_SWAPPED);
  lf_plan_view_set_money_scale (self->plan_view, money_scale (self));
  lf_analysis_view_set_money_scale (self->analysis_view, money_scale (self));
  lf_compare_view_set_money_scale (self->compare_view, money_scale (self));

  return self;
}

static void
clear_marks (LfScenarioPage *self)
{
  lf_number_row_set_error (self->budget_row, NULL);
  lf_number_row_set_error (self->target_row, NULL);
  for (guint c = 0; c < LF_N_CAPS; c++)
    lf_number_row_set_error (self->cap_rows[c], NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->currency_row), "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), _("Currency (ISO 4217)"));
}

void
lf_scenario_page_set_scenario (LfScenarioPage *self,
                               LfScenario     *scenario)
{
  g_return_if_fail (LF_IS_SCENARIO_PAGE (self));

  if (self->scenario == scenario)
    return;
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_set_object (&self->scenario, scenario);
  g_clear_pointer (&self->plan, lf_plan_unref);
  g_clear_pointer (&self->problem, lf_problem_unref);
  /* Nothing of the last scenario goes on: not its solve (its plan would
   * land on this one), not its analyses. */
  g_clear_handle_id (&self->solve_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  lf_plan_view_set_busy (self->plan_view, FALSE);
  lf_analysis_view_set_problem (self->analysis_view, NULL, NULL);
  lf_compare_view_set_scenario (self->compare_view, scenario);
  lf_scenario_page_show_overview (self);
  gtk_list_box_bind_model (self->markets_list, G_LIST_MODEL (scenario), create_market_row, self, NULL);
  if (scenario == NULL)
    return;
  g_signal_connect_object (scenario, "changed", G_CALLBACK (on_scenario_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scenario, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  clear_marks (self);
  refresh_settings (self);
  lf_scenario_page_solve_now (self);
}

LfScenario *
lf_scenario_page_get_scenario (LfScenarioPage *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO_PAGE (self), NULL);

  return self->scenario;
}

void
lf_scenario_page_show_market (LfScenarioPage *self,
                              guint           position)
{
  g_return_if_fail (LF_IS_SCENARIO_PAGE (self));

  if (self->scenario == NULL || position >= lf_scenario_get_n_markets (self->scenario))
    return;
  lf_market_pane_set_market (self->market_pane, self->session, self->scenario,
                             lf_scenario_get_market (self->scenario, position));
  gtk_stack_set_visible_child_name (self->editor_stack, "market");
  update_actions (self);
}

void
lf_scenario_page_show_overview (LfScenarioPage *self)
{
  g_return_if_fail (LF_IS_SCENARIO_PAGE (self));

  gtk_stack_set_visible_child_name (self->editor_stack, "overview");
  lf_market_pane_set_market (self->market_pane, NULL, NULL, NULL);
  update_actions (self);
}

AdwViewStack *
lf_scenario_page_get_view_stack (LfScenarioPage *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO_PAGE (self), NULL);

  return self->view_stack;
}

LfAnalysisView *
lf_scenario_page_get_analysis_view (LfScenarioPage *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO_PAGE (self), NULL);

  return self->analysis_view;
}

LfCompareView *
lf_scenario_page_get_compare_view (LfScenarioPage *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO_PAGE (self), NULL);

  return self->compare_view;
}

/* The plan on show and the problem it solved; NULL before the first solve. */
LfPlan *
lf_scenario_page_get_plan (LfScenarioPage  *self,
                           LfProblem      **out_problem)
{
  g_return_val_if_fail (LF_IS_SCENARIO_PAGE (self), NULL);

  if (out_problem != NULL)
    *out_problem = self->problem;

  return self->plan;
}

LfPlanView *
lf_scenario_page_get_plan_view (LfScenarioPage *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO_PAGE (self), NULL);

  return self->plan_view;
}

LfMarketPane *
lf_scenario_page_get_market_pane (LfScenarioPage *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO_PAGE (self), NULL);

  return self->market_pane;
}

/* Folded (a narrow window), the editor slides over the plan. */
AdwFlap *
lf_scenario_page_get_flap (LfScenarioPage *self)
{
  g_return_val_if_fail (LF_IS_SCENARIO_PAGE (self), NULL);

  return self->flap;
}

