/* lf-plan-view.c: the plan of the current scenario
 *
 * Copies an LfPlanSummary (lf-plan-summary.c decides every text) into the
 * headline cards, the diagnosis panel with its fix buttons, the allocation
 * chart and the plan table.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-export.h"
#include "lf-chart-view.h"
#include "lf-plan-view.h"

typedef struct
{
  GtkLabel *value;
  GtkLabel *detail;
} Figure;

enum {
  FIG_VALUE,
  FIG_COST,
  FIG_MARKETS,
  FIG_RISK,
  FIG_STAFF,
  N_FIGS
};

struct _LfPlanView
{
  GtkWidget      parent_instance;

  GtkImage      *status_icon;
  GtkLabel      *status_title;
  GtkLabel      *status_detail;
  GtkSpinner    *spinner;
  GtkWidget     *figures_box;
  GtkFlowBox    *large_figures;
  GtkFlowBox    *small_figures;
  GtkWidget     *shadow_box;
  GtkLabel      *shadow_label;
  GtkBox        *diagnosis_box;
  GtkWidget     *diagnosis_note;
  GtkWidget     *chart_box;
  LfChartView   *chart_view;
  GtkToggleButton *allocation_toggle;
  GtkToggleButton *costs_toggle;
  GtkToggleButton *risk_toggle;
  GtkWidget     *table_box;
  GtkLabel      *table_title;
  GtkGrid       *table_grid;
  GPtrArray     *table_cells;     /* GtkLabel, (table_rows + 1) * LF_N_PLAN_COLS */
  guint          table_rows;

  Figure         figures[N_FIGS];
  GtkLevelBar   *cost_bar;

  LfPlan        *plan;
  LfProblem     *problem;
  GWeakRef       scenario;
  LfSession     *session;
  LfMoneyScale   scale;
  LfPlanSummary *summary;
};

G_DEFINE_FINAL_TYPE (LfPlanView, lf_plan_view, GTK_TYPE_WIDGET)

static GtkWidget *
make_figure (Figure     *figure,
             const char *caption,
             const char *name,
             gboolean    large)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure");
  gtk_widget_set_name (box, name);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (caption_label, "caption-heading");
  gtk_widget_add_css_class (caption_label, "dim-label");
  figure->value = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (figure->value, 0);
  gtk_label_set_selectable (figure->value, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (figure->value), large ? "title-1" : "title-3");
  gtk_widget_add_css_class (GTK_WIDGET (figure->value), "numeric");
  figure->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (figure->detail, 0);
  gtk_label_set_wrap (figure->detail, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (figure->detail), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (figure->detail), "dim-label");
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (figure->value));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (figure->detail));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (figure->value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption_label, NULL, -1);

  return box;
}

/* Cards flow onto more lines in a narrow window; they are read, not
 * chosen, so their flow box children take no focus. */
static void
add_figure (GtkFlowBox *box,
            GtkWidget  *card)
{
  gtk_flow_box_append (box, card);
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
}

static void
build_figures (LfPlanView *self)
{
  GtkWidget *cost = make_figure (&self->figures[FIG_COST], _("Cost"), "figure-cost", TRUE);

  self->cost_bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
  gtk_level_bar_remove_offset_value (self->cost_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->cost_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->cost_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cost_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Share of the budget spent"), -1);
  gtk_box_insert_child_after (GTK_BOX (cost), GTK_WIDGET (self->cost_bar),
                              GTK_WIDGET (self->figures[FIG_COST].value));
  add_figure (self->large_figures, make_figure (&self->figures[FIG_VALUE], _("Value"), "figure-value", TRUE));
  add_figure (self->large_figures, cost);
  add_figure (self->small_figures,
              make_figure (&self->figures[FIG_MARKETS], _("Markets entered"), "figure-markets", FALSE));
  add_figure (self->small_figures, make_figure (&self->figures[FIG_RISK], _("Risk"), "figure-risk", FALSE));
  add_figure (self->small_figures, make_figure (&self->figures[FIG_STAFF], _("Staff"), "figure-staff", FALSE));
}

static void
set_figure (Figure     *figure,
            const char *value,
            const char *detail)
{
  gtk_label_set_text (figure->value, value ? value : "");
  gtk_label_set_text (figure->detail, detail ? detail : "");
}

static void
show_figures (LfPlanView          *self,
              const LfPlanSummary *s)
{
  gtk_widget_set_visible (self->figures_box, s->has_figures);
  if (!s->has_figures)
    return;
  set_figure (&self->figures[FIG_VALUE], s->value_text, s->value_detail);
  set_figure (&self->figures[FIG_COST], s->cost_text, s->cost_detail);
  set_figure (&self->figures[FIG_MARKETS], s->markets_text, s->markets_detail);
  set_figure (&self->figures[FIG_RISK], s->risk_text, s->risk_detail);
  set_figure (&self->figures[FIG_STAFF], s->staff_text, s->staff_detail);
  gtk_widget_set_visible (GTK_WIDGET (self->cost_bar), !isnan (s->cost_fraction));
  if (!isnan (s->cost_fraction))
    gtk_level_bar_set_value (self->cost_bar, s->cost_fraction);
  gtk_widget_set_visible (self->shadow_box, s->shadow_text != NULL);
  gtk_label_set_text (self->shadow_label, s->shadow_text ? s->shadow_text : "");
}

static void
on_fix_clicked_cb (GtkButton  *button,
                   LfPlanView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lf-option"));
  g_autoptr(LfScenario) scenario = g_weak_ref_get (&self->scenario);
  g_autoptr(GError) error = NULL;

  if (scenario == NULL || self->session == NULL || self->summary == NULL || index >= self->summary->options->len)
    return;
  if (!lf_session_apply_option (self->session, scenario, g_ptr_array_index (self->summary->options, index), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static GtkWidget *
make_option_group (LfPlanView              *self,
                   const LfDiagnosisOption *option,
                   guint                    index,
                   guint                    n_options)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;

  if (n_options > 1)
    {
      /* Translators: one alternative repair of an infeasible plan */
      title = g_strdup_printf (_("Option %u"), index + 1);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
    }
  for (guint i = 0; i < option->messages->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (option->messages, i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (i == 0 && option->button_label != NULL)
        {
          GtkWidget *button = gtk_button_new_with_label (option->button_label);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_widget_set_name (button, "fix-button");
          g_object_set_data (G_OBJECT (button), "lf-option", GUINT_TO_POINTER (index));
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_fix_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else
        gtk_grid_remove (GTK_GRID (box), child);
    }
}

static void
show_diagnosis (LfPlanView          *self,
                const LfPlanSummary *s)
{
  clear_box (GTK_WIDGET (self->diagnosis_box));
  gtk_widget_set_visible (GTK_WIDGET (self->diagnosis_box), s->options->len > 0);
  gtk_widget_set_visible (self->diagnosis_note, s->options->len > 0);
  for (guint i = 0; i < s->options->len; i++)
    gtk_box_append (self->diagnosis_box,
                    make_option_group (self, g_ptr_array_index (s->options, i), i, s->options->len));
}

static GtkWidget *
cell_label (const char   *text,
            LfPlanColumn  column,
            gboolean      header)
{
  GtkWidget *label = gtk_label_new (text);
  gboolean number = column >= LF_PLAN_COL_PENETRATION;

  if (column == LF_PLAN_COL_ENTERED)
    gtk_widget_set_tooltip_text (label, lf_plan_column_title (column));

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_widget_set_hexpand (label, column == LF_PLAN_COL_MARKET);
  if (header)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
    }
  else if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (column == LF_PLAN_COL_MARKET)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }

  return label;
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* One row of labels, from cells; the "entered" column shows a check
 * mark, its words stay for screen readers. */
static void
fill_row (LfPlanView        *self,
          guint              row,
          const char *const *cells,
          gboolean           entered,
          gboolean           total)
{
  for (guint c = 0; c < LF_N_PLAN_COLS; c++)
    {
      GtkWidget *label = g_ptr_array_index (self->table_cells, row * LF_N_PLAN_COLS + c);
      const char *text = cells[c] ? cells[c] : "";

      if (c == LF_PLAN_COL_ENTERED && !total)
        {
          gtk_label_set_text (GTK_LABEL (label), entered ? "✓" : "");
          gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
          set_class (label, "entered", entered);
        }
      else
        gtk_label_set_text (GTK_LABEL (label), text);
      set_class (label, "heading", total);
      set_class (label, "dim-label", !total && !entered && c != LF_PLAN_COL_MARKET);
    }
}

/* The grid is built again only when the number of markets changes; an
 * edit only changes texts, so a keystroke costs no new widgets. */
static void
build_table (LfPlanView *self,
             guint       n_rows)
{
  int y = 0;

  clear_box (GTK_WIDGET (self->table_grid));
  g_ptr_array_set_size (self->table_cells, 0);
  for (guint c = 0; c < LF_N_PLAN_COLS; c++)
    {
      GtkWidget *header = cell_label (c == LF_PLAN_COL_ENTERED ? "" : lf_plan_column_title (c), c, TRUE);

      if (c == LF_PLAN_COL_ENTERED)
        gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        lf_plan_column_title (c), -1);
      gtk_grid_attach (self->table_grid, header, c, y, 1, 1);
    }
  y++;
  gtk_grid_attach (self->table_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, y++, LF_N_PLAN_COLS, 1);
  for (guint i = 0; i <= n_rows; i++, y++)
    {
      if (i == n_rows)
        gtk_grid_attach (self->table_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, y++,
                         LF_N_PLAN_COLS, 1);
      for (guint c = 0; c < LF_N_PLAN_COLS; c++)
        {
          GtkWidget *label = cell_label ("", c, FALSE);

          g_ptr_array_add (self->table_cells, label);
          gtk_grid_attach (self->table_grid, label, c, y, 1, 1);
        }
    }
  self->table_rows = n_rows;
}

static void
show_table (LfPlanView          *self,
            const LfPlanSummary *s)
{
  gtk_label_set_text (self->table_title, s->table_title);
  if (self->table_cells->len == 0 || self->table_rows != s->n_rows)
    build_table (self, s->n_rows);
  for (guint i = 0; i < s->n_rows; i++)
    fill_row (self, i, (const char * const *) &s->cells[i * LF_N_PLAN_COLS], s->entered[i], FALSE);
  fill_row (self, s->n_rows, (const char * const *) s->totals, TRUE, TRUE);
}

static void
render (LfPlanView *self)
{
  g_autoptr(LfScenario) scenario = g_weak_ref_get (&self->scenario);

  g_clear_pointer (&self->summary, lf_plan_summary_free);
  if (self->plan == NULL)
    return;
  self->summary = lf_plan_summary_new (self->plan, self->problem, self->scale);
  gtk_label_set_text (self->status_title, self->summary->status_title);
  gtk_label_set_text (self->status_detail, self->summary->status_detail ? self->summary->status_detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_detail), self->summary->status_detail != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon),
                          self->summary->status == LF_PLAN_INFEASIBLE || self->summary->status == LF_PLAN_ERROR);
  show_figures (self, self->summary);
  show_diagnosis (self, self->summary);
  gtk_widget_set_visible (self->chart_box, self->plan->has_solution);
  gtk_widget_set_visible (self->table_box, self->plan->has_solution);
  lf_chart_view_set_plan (self->chart_view, self->problem, self->plan);
  show_table (self, self->summary);
}

static void
on_chart_toggled_cb (LfPlanView *self)
{
  LfChartKind kind = LF_CHART_ALLOCATION;

  if (gtk_toggle_button_get_active (self->costs_toggle))
    kind = LF_CHART_COSTS;
  else if (gtk_toggle_button_get_active (self->risk_toggle))
    kind = LF_CHART_RISK;
  lf_chart_view_set_kind (self->chart_view, kind);
}

/* plan.export-chart("16:9" or "4:3"): the chart on show, for a deck. */
static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LfPlanView *self = LF_PLAN_VIEW (widget);
  LfSlideShape shape = g_str_equal (g_variant_get_string (param, NULL), "4:3") ? LF_SLIDE_4_3 : LF_SLIDE_16_9;

  if (self->plan == NULL || !self->plan->has_solution)
    return;
  lf_chart_export_ask (widget, lf_chart_view_get_kind (self->chart_view), self->problem, self->plan, shape);
}

static void
lf_plan_view_dispose (GObject *object)
{
  LfPlanView *self = LF_PLAN_VIEW (object);
  GtkWidget *child;

  g_clear_pointer (&self->summary, lf_plan_summary_free);
  g_clear_pointer (&self->plan, lf_plan_unref);
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_weak_ref_set (&self->scenario, NULL);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_PLAN_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lf_plan_view_parent_class)->dispose (object);
}

static void
lf_plan_view_finalize (GObject *object)
{
  g_weak_ref_clear (&LF_PLAN_VIEW (object)->scenario);
  g_ptr_array_unref (LF_PLAN_VIEW (object)->table_cells);

  G_OBJECT_CLASS (lf_plan_view_parent_class)->finalize (object);
}

static void
lf_plan_view_class_init (LfPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_plan_view_dispose;
  object_class->finalize = lf_plan_view_finalize;

  g_type_ensure (LF_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lf-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, status_title);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, status_detail);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, large_figures);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, small_figures);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, shadow_box);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, shadow_label);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, diagnosis_box);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, diagnosis_note);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, chart_box);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, allocation_toggle);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, costs_toggle);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, risk_toggle);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_toggled_cb);
  gtk_widget_class_install_action (widget_class, "plan.export-chart", "s", export_chart_action);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, table_box);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, table_title);
  gtk_widget_class_bind_template_child (widget_class, LfPlanView, table_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planview");
}

static void
lf_plan_view_init (LfPlanView *self)
{
  g_weak_ref_init (&self->scenario, NULL);
  self->table_cells = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  build_figures (self);
  gtk_widget_set_visible (self->figures_box, FALSE);
  gtk_widget_set_visible (self->chart_box, FALSE);
}

LfPlanView *
lf_plan_view_new (void)
{
  return g_object_new (LF_TYPE_PLAN_VIEW, NULL);
}

void
lf_plan_view_set_plan (LfPlanView *self,
                       LfPlan     *plan,
                       LfProblem  *problem,
                       LfScenario *scenario)
{
  g_return_if_fail (LF_IS_PLAN_VIEW (self));

  g_clear_pointer (&self->plan, lf_plan_unref);
  g_clear_pointer (&self->problem, lf_problem_unref);
  self->plan = plan ? lf_plan_ref (plan) : NULL;
  self->problem = problem ? lf_problem_ref (problem) : NULL;
  g_weak_ref_set (&self->scenario, scenario);
  render (self);
}

void
lf_plan_view_set_session (LfPlanView *self,
                          LfSession  *session)
{
  g_return_if_fail (LF_IS_PLAN_VIEW (self));

  g_set_object (&self->session, session);
}

void
lf_plan_view_set_busy (LfPlanView *self,
                       gboolean    busy)
{
  g_return_if_fail (LF_IS_PLAN_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

void
lf_plan_view_set_money_scale (LfPlanView   *self,
                              LfMoneyScale  scale)
{
  g_return_if_fail (LF_IS_PLAN_VIEW (self));

  if (self->scale == scale)
    return;
  self->scale = scale;
  render (self);
}

const LfPlanSummary *
lf_plan_view_get_summary (LfPlanView *self)
{
  g_return_val_if_fail (LF_IS_PLAN_VIEW (self), NULL);

  return self->summary;
}
