/* lf-analysis-view.c: the What If page of a scenario
 *
 * Four sections on a stack: the budget frontier (swept again by itself a
 * moment after the scenario changes), entry thresholds, the tornado and
 * Monte Carlo (run on request). Every run goes through
 * lf_analysis_run_async(): the work is on a worker, progress comes back in
 * batches, and the sweep and Monte Carlo draw what has arrived so far.
 * A run is known by a token; a report of a run that was cancelled or
 * replaced finds its token gone and is dropped.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lf-analysis-stream.h"
#include "lf-analysis-task.h"
#include "lf-analysis-text.h"
#include "lf-analysis-view.h"
#include "lf-chart-view.h"
#include "lf-display.h"
#include "lf-number-row.h"

/* What the command line's charts use too (lf-cli-chart.c). */
#define DEFAULT_POINTS 41
#define DEFAULT_LOW 0.8
#define DEFAULT_HIGH 1.2
#define DEFAULT_SAMPLES 2000
#define DEFAULT_SEED 1
#define MAX_POINTS 1000
#define MAX_SAMPLES 1000000
#define MAX_SEED 9007199254740992.0     /* 2^53: every whole number exact */

/* The sweep waits this long after a change, so typing costs one run. */
#define SWEEP_DEBOUNCE_MS 250
/* A run shorter than this shows no progress bar at all, so a quick sweep
 * does not flicker. */
#define PROGRESS_DELAY_MS 200

typedef enum
{
  SEC_BUDGET,
  SEC_THRESHOLDS,
  SEC_TORNADO,
  SEC_MONTECARLO,
  N_SECTIONS
} SectionId;

static const char *const section_names[N_SECTIONS] = { "budget", "thresholds", "tornado", "montecarlo" };
/* What a progress bar says is running. */
static const char *const section_titles[N_SECTIONS] = {
  N_("Budget sweep"), N_("Thresholds"), N_("Tornado"), N_("Monte Carlo")
};
static const LfAnalysisKind section_kinds[N_SECTIONS] = {
  LF_ANALYSIS_SWEEP, LF_ANALYSIS_THRESHOLDS, LF_ANALYSIS_TORNADO, LF_ANALYSIS_MONTE_CARLO
};

typedef struct
{
  SectionId       id;
  guint           token;         /* bumped by every start and cancel */
  GCancellable   *cancellable;   /* non-NULL while running */
  gpointer        result;        /* the last finished result */
  LfProblem      *result_problem;/* ... and the problem it is of */
  guint64         result_generation;
  char           *error;         /* shown in place of the status */
  guint           progress_source;
  gboolean        progress_shown;
  guint           pulse_source;

  GtkWidget      *strip;
  GtkImage       *icon;
  GtkLabel       *status;
  GtkProgressBar *progress;
  GtkButton      *button;
  GtkListBox     *list;
  GtkWidget      *list_box;
} Section;

typedef struct
{
  GtkLabel *value;
  GtkLabel *caption;
} Figure;

enum {
  FIG_P5,
  FIG_P50,
  FIG_P95,
  FIG_MEAN,
  FIG_OVERRUN,
  N_FIGS
};

struct _LfAnalysisView
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkDropDown    *section_dropdown;
  GtkWidget      *group[N_SECTIONS];
  GtkBox         *status_slot[N_SECTIONS];
  LfChartView    *chart[N_SECTIONS];       /* none for the thresholds */
  GtkFlowBox     *montecarlo_figures;
  Figure          figures[N_FIGS];

  LfNumberRow    *from_row;
  LfNumberRow    *to_row;
  LfNumberRow    *points_row;
  LfNumberRow    *low_row;
  LfNumberRow    *high_row;
  LfNumberRow    *samples_row;
  LfNumberRow    *seed_row;
  AdwExpanderRow *sweep_expander;
  AdwExpanderRow *tornado_expander;
  AdwExpanderRow *montecarlo_expander;

  Section         sections[N_SECTIONS];
  LfProblem      *problem;
  LfPlan         *plan;
  guint64         generation;
  LfMoneyScale    scale;

  double          sweep_from;
  double          sweep_to;
  guint           sweep_points;
  gboolean        sweep_custom;    /* the user chose the range */
  guint           sweep_source;
  double          low;
  double          high;
  guint           samples;
  guint64         seed;

  /* What a run has streamed so far. */
  LfSweepResult      *partial_sweep;
  LfMonteCarloStream *mc_stream;
};

G_DEFINE_FINAL_TYPE (LfAnalysisView, lf_analysis_view, GTK_TYPE_WIDGET)

/* One run, shared by its progress reports and its end. */
typedef struct
{
  GWeakRef   view;
  SectionId  id;
  guint      token;
  guint64    generation;
  LfProblem *problem;
} Run;

static void update_section (LfAnalysisView *self,
                            SectionId       id);
static void start_run      (LfAnalysisView *self,
                            SectionId       id);
static char *no_plan_note   (LfAnalysisView      *self,
                            const LfSweepResult *sweep);

/* Results */

static void
result_free (SectionId id,
             gpointer  result)
{
  if (result == NULL)
    return;

  switch (section_kinds[id])
    {
    case LF_ANALYSIS_SWEEP:
      lf_sweep_result_free (result);
      break;
    case LF_ANALYSIS_TORNADO:
      lf_tornado_result_free (result);
      break;
    case LF_ANALYSIS_MONTE_CARLO:
      lf_monte_carlo_result_free (result);
      break;
    case LF_ANALYSIS_THRESHOLDS:
    default:
      lf_threshold_result_free (result);
      break;
    }
}

static gboolean
is_current (LfAnalysisView *self,
            SectionId       id)
{
  Section *s = &self->sections[id];

  return s->result != NULL && s->result_generation == self->generation;
}

/* What the chart of a section draws: what streamed in while running,
 * else the last result. */
static void
refresh_chart (LfAnalysisView *self,
               SectionId       id)
{
  Section *s = &self->sections[id];

  switch (id)
    {
    case SEC_BUDGET:
      /* A quick sweep goes from the old curve to the new one at once. */
      lf_chart_view_set_analysis (self->chart[id],
                                  self->partial_sweep && s->progress_shown ? self->partial_sweep : s->result,
                                  NULL, NULL);
      break;
    case SEC_TORNADO:
      lf_chart_view_set_analysis (self->chart[id], NULL, NULL, s->result);
      break;
    case SEC_MONTECARLO:
      lf_chart_view_set_analysis (self->chart[id], NULL,
                                  self->mc_stream ? lf_monte_carlo_stream_result (self->mc_stream) : s->result,
                                  NULL);
      break;
    case SEC_THRESHOLDS:
    case N_SECTIONS:
    default:
      break;
    }
}

/* The streamed data goes; the chart lets go of it first. */
static void
clear_partial (LfAnalysisView *self,
               SectionId       id)
{
  g_autoptr(LfSweepResult) sweep = NULL;
  g_autoptr(LfMonteCarloStream) stream = NULL;

  if (id == SEC_BUDGET)
    sweep = g_steal_pointer (&self->partial_sweep);
  if (id == SEC_MONTECARLO)
    stream = g_steal_pointer (&self->mc_stream);
  refresh_chart (self, id);
}

/* Lists */

static void
clear_list (Section *s)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (s->list))) != NULL)
    gtk_list_box_remove (s->list, child);
  gtk_widget_set_visible (s->list_box, FALSE);
}

/* A row of a section's list; returns its suffix label, if any. */
static GtkWidget *
list_row (Section    *s,
          const char *title,
          const char *subtitle,
          const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (suffix != NULL)
    {
      label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (s->list, row);
  gtk_widget_set_visible (s->list_box, TRUE);

  return label;
}

static void
show_budget_list (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_BUDGET];
  const LfSweepResult *sweep = s->result;

  clear_list (s);
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
      list_row (s, title, text, value);
    }
}

static void
show_threshold_list (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_THRESHOLDS];
  const LfThresholdResult *t = s->result;

  clear_list (s);
  for (guint i = 0; t != NULL && i < t->n_markets; i++)
    {
      g_autofree char *text = lf_analysis_threshold_text (t, s->result_problem, i);
      const char *side = lf_analysis_threshold_side (t, s->result_problem, i);
      GtkWidget *suffix = list_row (s, t->market_names[i], text, side);

      gtk_widget_add_css_class (suffix, t->thresholds[i].entered ? "entered" : "dim-label");
    }
}

static void
show_tornado_list (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_TORNADO];
  const LfTornadoResult *t = s->result;

  clear_list (s);
  for (guint k = 0; t != NULL && k < t->n_items; k++)
    {
      const LfTornadoItem *item = &t->items[k];
      g_autofree char *detail = lf_analysis_tornado_detail (t, item, s->result_problem, self->scale);
      g_autofree char *swing = lf_analysis_value_text (s->result_problem, lf_analysis_tornado_swing (t, item),
                                                       self->scale);

      list_row (s, item->label, detail, swing);
    }
}

static void
show_frequency_list (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_MONTECARLO];
  const LfMonteCarloResult *mc = s->result;

  clear_list (s);
  for (guint i = 0; mc != NULL && self->mc_stream == NULL && mc->n_samples > 0 && i < mc->n_markets; i++)
    {
      g_autofree char *share = lf_format_percent (mc->entry_frequency[i], 1);
      GtkWidget *suffix = list_row (s, mc->market_names[i], NULL, share);
      GtkWidget *row = gtk_widget_get_ancestor (suffix, ADW_TYPE_ACTION_ROW);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), mc->entry_frequency[i]);
      gtk_widget_set_size_request (bar, 72, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      mc->market_names[i], -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
    }
}

/* Monte Carlo figures: P5, P50, P95, mean, overrun */

static GtkWidget *
make_figure (Figure     *figure,
             const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure");
  gtk_widget_set_name (box, name);
  figure->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (figure->caption, 0);
  gtk_widget_add_css_class (GTK_WIDGET (figure->caption), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (figure->caption), "dim-label");
  figure->value = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (figure->value, 0);
  gtk_label_set_selectable (figure->value, TRUE);
  gtk_label_set_ellipsize (figure->value, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (figure->value), "title-3");
  gtk_widget_add_css_class (GTK_WIDGET (figure->value), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (figure->caption));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (figure->value));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (figure->value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  figure->caption, NULL, -1);

  return box;
}

static void
build_figures (LfAnalysisView *self)
{
  static const char *const names[N_FIGS] = { "figure-p5", "figure-p50", "figure-p95", "figure-mean",
                                             "figure-overrun" };

  for (guint k = 0; k < N_FIGS; k++)
    {
      gtk_flow_box_append (self->montecarlo_figures, make_figure (&self->figures[k], names[k]));
      gtk_widget_set_focusable (gtk_widget_get_last_child (GTK_WIDGET (self->montecarlo_figures)), FALSE);
    }
  gtk_label_set_text (self->figures[FIG_P5].caption, _("P5"));
  gtk_label_set_text (self->figures[FIG_P50].caption, _("P50"));
  gtk_label_set_text (self->figures[FIG_P95].caption, _("P95"));
  gtk_label_set_text (self->figures[FIG_OVERRUN].caption, _("Budget overrun"));
}

static void
set_figure (Figure *figure,
            char   *text)
{
  gtk_label_set_text (figure->value, text);
  g_free (text);
}

static char *
overrun_text (const LfMonteCarloResult *mc,
              gboolean                  finished)
{
  if (!finished)
    return g_strdup ("…");
  if (isnan (mc->overrun_probability))
    return g_strdup ("–");

  return lf_format_percent (mc->overrun_probability, 1);
}

static void
show_figures (LfAnalysisView *self)
{
  const LfMonteCarloResult *mc = self->mc_stream ? lf_monte_carlo_stream_result (self->mc_stream)
                                                 : self->sections[SEC_MONTECARLO].result;
  gboolean cost = self->problem != NULL && self->problem->objective == LF_OBJECTIVE_MIN_COST;

  gtk_widget_set_visible (GTK_WIDGET (self->montecarlo_figures), mc != NULL && mc->n_samples > 0);
  if (mc == NULL || mc->n_samples == 0)
    return;
  gtk_label_set_text (self->figures[FIG_MEAN].caption, cost ? _("Mean cost") : _("Mean value"));
  set_figure (&self->figures[FIG_P5], lf_analysis_value_text (self->problem, mc->p5, self->scale));
  set_figure (&self->figures[FIG_P50], lf_analysis_value_text (self->problem, mc->p50, self->scale));
  set_figure (&self->figures[FIG_P95], lf_analysis_value_text (self->problem, mc->p95, self->scale));
  set_figure (&self->figures[FIG_MEAN], lf_analysis_value_text (self->problem, mc->mean, self->scale));
  set_figure (&self->figures[FIG_OVERRUN], overrun_text (mc, self->mc_stream == NULL));
}

static void
show_result (LfAnalysisView *self,
             SectionId       id)
{
  refresh_chart (self, id);
  switch (id)
    {
    case SEC_BUDGET:
      show_budget_list (self);
      break;
    case SEC_THRESHOLDS:
      show_threshold_list (self);
      break;
    case SEC_TORNADO:
      show_tornado_list (self);
      break;
    case SEC_MONTECARLO:
      show_figures (self);
      show_frequency_list (self);
      break;
    case N_SECTIONS:
    default:
      break;
    }
}

/* Streaming */

static void
begin_streaming (LfAnalysisView *self,
                 SectionId       id)
{
  if (id == SEC_BUDGET)
    {
      g_clear_pointer (&self->partial_sweep, lf_sweep_result_free);
      self->partial_sweep = lf_sweep_partial_new (self->problem, self->sweep_from, self->sweep_to,
                                                  self->sweep_points);
    }
  if (id == SEC_MONTECARLO)
    {
      double nominal = NAN;

      if (self->plan != NULL && self->plan->has_solution)
        nominal = self->plan->objective == LF_OBJECTIVE_MAX_VALUE ? self->plan->value : self->plan->cost;
      g_clear_pointer (&self->mc_stream, lf_monte_carlo_stream_free);
      self->mc_stream = lf_monte_carlo_stream_new (self->seed, nominal);
      show_frequency_list (self);  /* the frequencies come at the end */
    }
  refresh_chart (self, id);
}

/* Runs */

static void
run_free (Run *run)
{
  g_weak_ref_clear (&run->view);
  lf_problem_unref (run->problem);
}

static void
run_release (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) run_free);
}

/* The view of a run still wanted, or NULL. */
static LfAnalysisView *
run_view (Run *run)
{
  LfAnalysisView *self = g_weak_ref_get (&run->view);

  if (self != NULL && self->sections[run->id].token == run->token && self->sections[run->id].cancellable)
    return self;
  g_clear_object (&self);

  return NULL;
}

static void
set_progress_text (Section        *s,
                   guint           done,
                   guint           total)
{
  g_autofree char *text = lf_analysis_progress_text (_(section_titles[s->id]), done, total);

  gtk_progress_bar_set_text (s->progress, text);
  gtk_progress_bar_set_fraction (s->progress, total > 0 ? (double) done / total : 0);
}

static void
on_progress (guint         done,
             guint         total,
             const guint  *indices,
             const double *values,
             guint         n_new,
             gpointer      user_data)
{
  g_autoptr(LfAnalysisView) self = run_view (user_data);
  Run *run = user_data;
  Section *s;

  if (self == NULL)
    return;
  s = &self->sections[run->id];
  set_progress_text (s, done, total);
  if (run->id == SEC_BUDGET && self->partial_sweep != NULL)
    {
      lf_sweep_partial_add (self->partial_sweep, indices, values, n_new);
      refresh_chart (self, SEC_BUDGET);
    }
  if (run->id == SEC_MONTECARLO && self->mc_stream != NULL)
    {
      lf_monte_carlo_stream_add (self->mc_stream, values, n_new, done);
      refresh_chart (self, SEC_MONTECARLO);
      show_figures (self);
    }
}

static void
stop_timers (Section *s)
{
  g_clear_handle_id (&s->progress_source, g_source_remove);
  g_clear_handle_id (&s->pulse_source, g_source_remove);
  s->progress_shown = FALSE;
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(LfAnalysisView) self = run_view (run);
  g_autoptr(GError) error = NULL;
  LfAnalysisKind kind;
  gpointer value = lf_analysis_run_finish (result, &kind, &error);
  Section *s;

  if (self == NULL)
    {
      result_free (run->id, value);
      run_release (run);
      return;
    }
  s = &self->sections[run->id];
  g_clear_object (&s->cancellable);
  stop_timers (s);
  clear_partial (self, run->id);
  if (value != NULL)
    {
      gpointer old = g_steal_pointer (&s->result);

      s->result = value;
      s->result_generation = run->generation;
      g_clear_pointer (&s->result_problem, lf_problem_unref);
      s->result_problem = lf_problem_ref (run->problem);
      refresh_chart (self, run->id);  /* the chart lets go of the old result */
      result_free (run->id, old);
      if (run->id == SEC_BUDGET)
        s->error = no_plan_note (self, value);
    }
  else if (!g_error_matches (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_CANCELLED) &&
           !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_free (s->error);
      /* Translators: %s says why, e.g. "The solver failed" */
      s->error = g_strdup_printf (_("The analysis failed: %s"), error->message);
    }
  show_result (self, run->id);
  update_section (self, run->id);
  run_release (run);
}

/* A sweep with no plan at any budget says so, and what to do. */
static char *
no_plan_note (LfAnalysisView      *self,
              const LfSweepResult *sweep)
{
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

static gboolean
show_progress_cb (gpointer data)
{
  Section *s = data;

  LfAnalysisView *self = g_object_get_data (G_OBJECT (s->strip), "lf-view");

  s->progress_source = 0;
  s->progress_shown = TRUE;
  refresh_chart (self, s->id);
  update_section (self, s->id);

  return G_SOURCE_REMOVE;
}

static gboolean
pulse_cb (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));

  return G_SOURCE_CONTINUE;
}

/* Stops the section's run, if any; what it streamed goes, the last
 * finished result stays. */
static void
cancel_run (LfAnalysisView *self,
            SectionId       id)
{
  Section *s = &self->sections[id];

  s->token++;
  if (s->cancellable == NULL)
    return;
  g_cancellable_cancel (s->cancellable);
  g_clear_object (&s->cancellable);
  stop_timers (s);
  clear_partial (self, id);
  show_result (self, id);
  update_section (self, id);
}

/* Settings, reasons not to run */

static gboolean
has_uncertainty (const LfProblem *problem)
{
  for (guint i = 0; i < problem->n_markets; i++)
    if (problem->markets[i].v.has_range != 0)
      return TRUE;

  return FALSE;
}

static gboolean
settings_valid (LfAnalysisView *self,
                SectionId       id)
{
  switch (id)
    {
    case SEC_BUDGET:
      return !lf_number_row_has_error (self->from_row) && !lf_number_row_has_error (self->to_row) &&
             !lf_number_row_has_error (self->points_row);
    case SEC_TORNADO:
      return !lf_number_row_has_error (self->low_row) && !lf_number_row_has_error (self->high_row);
    case SEC_MONTECARLO:
      return !lf_number_row_has_error (self->samples_row) && !lf_number_row_has_error (self->seed_row);
    case SEC_THRESHOLDS:
    case N_SECTIONS:
    default:
      return TRUE;
    }
}

/* Why the section cannot run now, with what to do; NULL if it can. */
static const char *
blocker (LfAnalysisView *self,
         SectionId       id)
{
  if (self->problem == NULL || self->problem->n_markets == 0)
    return _("Add a market to the scenario to run this analysis.");
  if (!settings_valid (self, id))
    return _("Correct the settings above to run this analysis.");
  if (id == SEC_BUDGET)
    return isnan (self->sweep_from) || isnan (self->sweep_to)
           ? _("This scenario has no budget to sweep around. Enter the budgets to sweep above, or give the scenario a budget.")
           : NULL;
  if (self->plan == NULL)
    return _("Solve the scenario to run this analysis.");
  if (self->plan->status != LF_PLAN_OPTIMAL)
    return _("No plan meets every limit of this scenario, so there is nothing to test. Change a limit on the plan until a plan appears, then run this again.");
  if (id == SEC_MONTECARLO && !has_uncertainty (self->problem))
    return _("No market parameter has an uncertainty range, so every sample would be the same. Give some parameters a range in the market editor, then run this again.");

  return NULL;
}

static void
start_run (LfAnalysisView *self,
           SectionId       id)
{
  Section *s = &self->sections[id];
  LfAnalysisRequest request = { section_kinds[id], self->sweep_from, self->sweep_to, self->sweep_points,
                                self->low, self->high, self->samples, self->seed, 0 };
  Run *run;

  cancel_run (self, id);
  g_clear_pointer (&s->error, g_free);
  if (blocker (self, id) != NULL)
    {
      update_section (self, id);
      return;
    }

  run = g_rc_box_new0 (Run);
  g_weak_ref_init (&run->view, self);
  run->id = id;
  run->token = ++s->token;
  run->generation = self->generation;
  run->problem = lf_problem_ref (self->problem);
  s->cancellable = g_cancellable_new ();
  begin_streaming (self, id);
  s->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, s);
  gtk_progress_bar_set_fraction (s->progress, 0);
  gtk_progress_bar_set_text (s->progress, id == SEC_THRESHOLDS ? _("Finding the thresholds…") : NULL);
  if (id == SEC_THRESHOLDS)
    s->pulse_source = g_timeout_add (100, pulse_cb, s->progress);
  lf_analysis_run_async (self->problem, &request, s->cancellable,
                         on_progress, g_rc_box_acquire (run), run_release, on_run_done, run);
  update_section (self, id);
}

/* The status strip of a section */

static void
set_status (Section    *s,
            const char *icon,
            const char *text,
            const char *button,
            gboolean    sensitive)
{
  gtk_widget_set_visible (GTK_WIDGET (s->icon), icon != NULL);
  if (icon != NULL)
    gtk_image_set_from_icon_name (s->icon, icon);
  gtk_label_set_text (s->status, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (s->status), text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (s->progress), FALSE);
  gtk_button_set_label (s->button, button);
  gtk_widget_set_sensitive (GTK_WIDGET (s->button), sensitive);
}

static const char *
idle_text (LfAnalysisView *self,
           SectionId       id)
{
  switch (id)
    {
    case SEC_THRESHOLDS:
      return _("Re-solves the plan for each market, moving one number at a time.");
    case SEC_TORNADO:
      return _("Re-solves the plan with each parameter scaled down and up, one at a time.");
    case SEC_MONTECARLO:
      return _("Draws the parameters that have an uncertainty range and re-solves the plan for each draw.");
    case SEC_BUDGET:
    case N_SECTIONS:
    default:
      return NULL;
    }
}

/* Results of an earlier scenario stay in view, faded. */
static void
show_staleness (LfAnalysisView *self,
                SectionId       id,
                gboolean        stale)
{
  double opacity;

  /* The frontier is about to be swept again: no fading for a blink. */
  if (id == SEC_BUDGET && (self->sections[id].cancellable != NULL || self->sweep_source != 0))
    stale = FALSE;
  opacity = stale ? 0.55 : 1;

  gtk_widget_set_opacity (self->sections[id].list_box, opacity);
  if (self->chart[id] != NULL)
    gtk_widget_set_opacity (GTK_WIDGET (self->chart[id]), opacity);
  if (id == SEC_MONTECARLO)
    gtk_widget_set_opacity (GTK_WIDGET (self->montecarlo_figures), opacity);
}

static void
update_section (LfAnalysisView *self,
                SectionId       id)
{
  Section *s = &self->sections[id];
  const char *reason = blocker (self, id);
  gboolean stale = s->result != NULL && !is_current (self, id);

  gtk_widget_remove_css_class (GTK_WIDGET (s->button), "suggested-action");
  if (s->cancellable != NULL)
    {
      set_status (s, NULL, NULL, _("Cancel"), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (s->progress), TRUE);
      gtk_widget_set_visible (s->strip, id != SEC_BUDGET || s->progress_shown);
      gtk_widget_set_visible (gtk_widget_get_parent (s->strip), gtk_widget_get_visible (s->strip));
      return;
    }
  gtk_widget_set_visible (s->strip, id != SEC_BUDGET || reason != NULL || s->error != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (s->strip), gtk_widget_get_visible (s->strip));
  if (reason != NULL)
    set_status (s, "dialog-warning-symbolic", reason, _("Run"), FALSE);
  else if (s->error != NULL)
    set_status (s, "dialog-warning-symbolic", s->error, _("Run Again"), TRUE);
  else if (stale)
    set_status (s, "dialog-information-symbolic", _("The scenario changed since this ran."), _("Run Again"), TRUE);
  else
    set_status (s, NULL, idle_text (self, id), s->result ? _("Run Again") : _("Run"), TRUE);
  if (reason == NULL && (stale || s->result == NULL || (s->error != NULL && id != SEC_BUDGET)))
    gtk_widget_add_css_class (GTK_WIDGET (s->button), "suggested-action");
  show_staleness (self, id, stale);
}

static void
on_strip_button_cb (GtkButton *button,
                    gpointer   data)
{
  LfAnalysisView *self = g_object_get_data (G_OBJECT (button), "lf-view");
  SectionId id = GPOINTER_TO_UINT (data);

  if (self->sections[id].cancellable != NULL)
    cancel_run (self, id);
  else
    start_run (self, id);
}

/* "tornado-button": what the tests find a widget by. */
static void
name_widget (GtkWidget  *widget,
             SectionId   id,
             const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", section_names[id], what);

  gtk_widget_set_name (widget, name);
}

static void
build_strip (LfAnalysisView *self,
             SectionId       id)
{
  Section *s = &self->sections[id];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  s->id = id;
  s->strip = box;
  g_object_set_data (G_OBJECT (box), "lf-view", self);
  /* The words say it all; the icon is decoration. */
  s->icon = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                          "valign", GTK_ALIGN_CENTER, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (s->icon), "dim-label");
  s->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (s->status, TRUE);
  gtk_label_set_xalign (s->status, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (s->status), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (s->status), "dim-label");
  s->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (s->progress, TRUE);
  gtk_progress_bar_set_ellipsize (s->progress, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (s->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (s->progress), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (s->progress), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
  s->button = GTK_BUTTON (gtk_button_new_with_label (_("Run")));
  gtk_widget_set_valign (GTK_WIDGET (s->button), GTK_ALIGN_CENTER);
  name_widget (GTK_WIDGET (s->button), id, "button");
  name_widget (GTK_WIDGET (s->list), id, "list");
  g_object_set_data (G_OBJECT (s->button), "lf-view", self);
  g_signal_connect (s->button, "clicked", G_CALLBACK (on_strip_button_cb), GUINT_TO_POINTER (id));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (s->icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (s->status));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (s->progress));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (s->button));
  gtk_box_append (self->status_slot[id], box);
}

/* The settings rows */

static char *
range_subtitle (LfAnalysisView *self)
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

static void
update_subtitles (LfAnalysisView *self)
{
  g_autofree char *range = range_subtitle (self);
  g_autofree char *low = lf_analysis_multiplier_text (self->low);
  g_autofree char *high = lf_analysis_multiplier_text (self->high);
  g_autofree char *factors = NULL;
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, self->seed);
  g_autofree char *samples = NULL;

  /* Translators: the tornado's multipliers, e.g. "×0.8 and ×1.2" */
  factors = g_strdup_printf (_("%s and %s"), low, high);
  /* Translators: e.g. "2000 samples, seed 1" */
  samples = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sample, seed %s", "%u samples, seed %s",
                                          self->samples), self->samples, seed);
  adw_expander_row_set_subtitle (self->sweep_expander, range);
  adw_expander_row_set_subtitle (self->tornado_expander, factors);
  adw_expander_row_set_subtitle (self->montecarlo_expander, samples);
}

static LfNumberRow *
add_number_row (AdwExpanderRow *expander,
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

static AdwExpanderRow *
add_expander (LfAnalysisView *self,
              SectionId       id,
              const char     *title)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group[id]), row);

  return ADW_EXPANDER_ROW (row);
}

/* The budgets a sweep covers by itself: from nothing to twice the budget,
 * or twice what the plan costs when there is no budget (lf-cli-chart.c). */
static void
default_range (LfAnalysisView *self)
{
  double top = NAN;

  if (self->problem != NULL && isfinite (self->problem->budget) && self->problem->budget > 0)
    top = 2 * self->problem->budget;
  else if (self->plan != NULL && self->plan->has_solution && self->plan->cost > 0)
    top = 2 * self->plan->cost;
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
  start_run (self, SEC_BUDGET);
}

static void
schedule_sweep (LfAnalysisView *self)
{
  cancel_run (self, SEC_BUDGET);
  g_clear_handle_id (&self->sweep_source, g_source_remove);
  self->sweep_source = g_timeout_add_once (SWEEP_DEBOUNCE_MS, schedule_sweep_cb, self);
}

static gboolean
check_row (LfNumberRow *row,
           gboolean     ok,
           const char  *message)
{
  lf_number_row_set_error (row, ok ? NULL : message);

  return ok;
}

static void
on_range_edited_cb (LfNumberRow    *row,
                    double          value,
                    LfAnalysisView *self)
{
  double from = row == self->from_row ? value : self->sweep_from;
  double to = row == self->to_row ? value : self->sweep_to;
  double points = row == self->points_row ? value : self->sweep_points;

  if (!check_row (row, row != self->from_row || from >= 0, _("The first budget cannot be negative")) ||
      !check_row (row, row != self->to_row || to > from, _("The last budget must be more than the first")) ||
      !check_row (row, row != self->points_row || (points >= 2 && points <= MAX_POINTS),
                  _("Between 2 and 1000 budgets")))
    {
      update_section (self, SEC_BUDGET);
      return;
    }
  self->sweep_from = from;
  self->sweep_to = to;
  self->sweep_points = (guint) points;
  self->sweep_custom = self->sweep_custom || row != self->points_row;
  lf_number_row_set_error (self->from_row, NULL);
  lf_number_row_set_error (self->to_row, to > from ? NULL : _("The last budget must be more than the first"));
  update_subtitles (self);
  schedule_sweep (self);
}

static void
on_factor_edited_cb (LfNumberRow    *row,
                     double          value,
                     LfAnalysisView *self)
{
  if (row == self->low_row && check_row (row, value >= 0 && value <= 1, _("Between 0 and 1")))
    self->low = value;
  if (row == self->high_row && check_row (row, value >= 1 && value <= 100, _("Between 1 and 100")))
    self->high = value;
  update_subtitles (self);
  update_section (self, SEC_TORNADO);
}

static void
on_samples_edited_cb (LfNumberRow    *row,
                      double          value,
                      LfAnalysisView *self)
{
  if (row == self->samples_row && check_row (row, value >= 1 && value <= MAX_SAMPLES,
                                             _("Between 1 and 1 000 000 samples")))
    self->samples = (guint) value;
  if (row == self->seed_row && check_row (row, value >= 0 && value <= MAX_SEED, _("A whole number from 0")))
    self->seed = (guint64) value;
  update_subtitles (self);
  update_section (self, SEC_MONTECARLO);
}

static void
build_settings (LfAnalysisView *self)
{
  self->sweep_expander = add_expander (self, SEC_BUDGET, _("Budgets"));
  self->from_row = add_number_row (self->sweep_expander, "sweep-from", _("From"), NULL, LF_ENTRY_MONEY);
  self->to_row = add_number_row (self->sweep_expander, "sweep-to", _("To"), NULL, LF_ENTRY_MONEY);
  self->points_row = add_number_row (self->sweep_expander, "sweep-points", _("Points"), NULL, LF_ENTRY_COUNT);
  self->tornado_expander = add_expander (self, SEC_TORNADO, _("Multipliers"));
  self->low_row = add_number_row (self->tornado_expander, "tornado-low", _("Low multiplier"), NULL,
                                  LF_ENTRY_NUMBER);
  self->high_row = add_number_row (self->tornado_expander, "tornado-high", _("High multiplier"), NULL,
                                   LF_ENTRY_NUMBER);
  self->montecarlo_expander = add_expander (self, SEC_MONTECARLO, _("Samples"));
  self->samples_row = add_number_row (self->montecarlo_expander, "montecarlo-samples", _("Samples"),
                                      NULL, LF_ENTRY_COUNT);
  self->seed_row = add_number_row (self->montecarlo_expander, "montecarlo-seed", _("Seed"),
                                   _("The same seed draws the same samples"), LF_ENTRY_COUNT);
  gtk_widget_set_visible (self->group[SEC_THRESHOLDS], FALSE);

  g_signal_connect_object (self->from_row, "edited", G_CALLBACK (on_range_edited_cb), self, 0);
  g_signal_connect_object (self->to_row, "edited", G_CALLBACK (on_range_edited_cb), self, 0);
  g_signal_connect_object (self->points_row, "edited", G_CALLBACK (on_range_edited_cb), self, 0);
  g_signal_connect_object (self->low_row, "edited", G_CALLBACK (on_factor_edited_cb), self, 0);
  g_signal_connect_object (self->high_row, "edited", G_CALLBACK (on_factor_edited_cb), self, 0);
  g_signal_connect_object (self->samples_row, "edited", G_CALLBACK (on_samples_edited_cb), self, 0);
  g_signal_connect_object (self->seed_row, "edited", G_CALLBACK (on_samples_edited_cb), self, 0);

  lf_number_row_set_value (self->points_row, self->sweep_points);
  lf_number_row_set_value (self->low_row, self->low);
  lf_number_row_set_value (self->high_row, self->high);
  lf_number_row_set_value (self->samples_row, self->samples);
  lf_number_row_set_value (self->seed_row, (double) self->seed);
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
    gtk_stack_set_visible_child_name (self->stack, section_names[selected]);
}

static void
on_section_shown_cb (LfAnalysisView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint k = 0; k < N_SECTIONS && name != NULL; k++)
    if (strcmp (name, section_names[k]) == 0 && gtk_drop_down_get_selected (self->section_dropdown) != k)
      gtk_drop_down_set_selected (self->section_dropdown, k);
}

/* GObject */

static void
lf_analysis_view_dispose (GObject *object)
{
  LfAnalysisView *self = LF_ANALYSIS_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->sweep_source, g_source_remove);
  for (guint k = 0; k < N_SECTIONS; k++)
    {
      Section *s = &self->sections[k];

      s->token++;
      if (s->cancellable != NULL)
        g_cancellable_cancel (s->cancellable);
      g_clear_object (&s->cancellable);
      stop_timers (s);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_ANALYSIS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* The charts are gone: nothing borrows the results any more. */
  for (guint k = 0; k < N_SECTIONS; k++)
    {
      result_free (k, g_steal_pointer (&self->sections[k].result));
      g_clear_pointer (&self->sections[k].result_problem, lf_problem_unref);
      g_clear_pointer (&self->sections[k].error, g_free);
    }
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
  self->sweep_from = NAN;
  self->sweep_to = NAN;
  self->sweep_points = DEFAULT_POINTS;
  self->low = DEFAULT_LOW;
  self->high = DEFAULT_HIGH;
  self->samples = DEFAULT_SAMPLES;
  self->seed = DEFAULT_SEED;

  gtk_widget_init_template (GTK_WIDGET (self));
  lf_chart_view_set_kind (self->chart[SEC_BUDGET], LF_CHART_FRONTIER);
  lf_chart_view_set_kind (self->chart[SEC_TORNADO], LF_CHART_TORNADO);
  lf_chart_view_set_kind (self->chart[SEC_MONTECARLO], LF_CHART_MONTECARLO);
  build_figures (self);
  build_settings (self);
  for (guint k = 0; k < N_SECTIONS; k++)
    build_strip (self, k);
  update_units (self);
  update_subtitles (self);
  for (guint k = 0; k < N_SECTIONS; k++)
    update_section (self, k);
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
  if (!same || (!self->sweep_custom && isnan (self->sweep_to)))
    {
      self->generation += !same;
      if (!self->sweep_custom)
        default_range (self);
      update_subtitles (self);
      if (!same || !isnan (self->sweep_to))
        schedule_sweep (self);
    }
  for (guint k = 0; k < N_SECTIONS; k++)
    update_section (self, k);
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
  update_subtitles (self);
  for (guint k = 0; k < N_SECTIONS; k++)
    show_result (self, k);
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

  s = is_current (self, SEC_BUDGET) ? self->sections[SEC_BUDGET].result : NULL;
  t = is_current (self, SEC_TORNADO) ? self->sections[SEC_TORNADO].result : NULL;
  m = is_current (self, SEC_MONTECARLO) ? self->sections[SEC_MONTECARLO].result : NULL;
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
