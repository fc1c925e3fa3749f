/* lf-analysis-montecarlo.c: the Monte Carlo section of the What If page
 *
 * Draws the parameters that have a range and re-solves for each draw;
 * the histogram and the figures (P5, P50, P95, mean, overrun) follow the
 * samples as they stream in, and how often each market is entered comes
 * at the end.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-analysis-text.h"
#include "lf-analysis-view-private.h"
#include "lf-format.h"

/* What the command line's charts use too (lf-cli-chart.c). */
#define DEFAULT_SAMPLES 2000
#define DEFAULT_SEED 1
#define MAX_SAMPLES 1000000
#define MAX_SEED 9007199254740992.0     /* 2^53: every whole number exact */

static const LfMonteCarloResult *
shown_result (LfAnalysisView *self)
{
  return self->mc_stream ? lf_monte_carlo_stream_result (self->mc_stream)
                         : self->sections[SEC_MONTECARLO].result;
}

static GtkWidget *
frequency_bar (const char *name,
               double      frequency)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), frequency);
  gtk_widget_set_size_request (bar, 72, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return bar;
}

/* The frequencies come with the finished result only. */
static void
show_frequency_list (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_MONTECARLO];
  const LfMonteCarloResult *mc = s->result;
  g_autofree guint *order = NULL;

  _lf_analysis_clear_list (s);
  if (mc == NULL || self->mc_stream != NULL || mc->n_samples == 0)
    return;
  /* Most often entered first, as the chart lists them. */
  order = lf_monte_carlo_result_order (mc);
  for (guint r = 0; r < mc->n_markets; r++)
    {
      guint i = order[r];
      g_autofree char *share = lf_format_percent (mc->entry_frequency[i], 1);
      GtkWidget *suffix = _lf_analysis_list_row (s, mc->market_names[i], NULL, share);
      GtkWidget *row = gtk_widget_get_ancestor (suffix, ADW_TYPE_ACTION_ROW);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), frequency_bar (mc->market_names[i], mc->entry_frequency[i]));
    }
}

/* Figures */

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

void
_lf_analysis_montecarlo_build_figures (LfAnalysisView *self)
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
  const LfMonteCarloResult *mc = shown_result (self);
  /* A finished result keeps the currency and objective it was run with,
   * also once an edit has made it out of date. */
  const LfProblem *problem = self->mc_stream != NULL ? self->problem
                                                     : self->sections[SEC_MONTECARLO].result_problem;
  gboolean cost;

  gtk_widget_set_visible (GTK_WIDGET (self->montecarlo_figures), mc != NULL && mc->n_samples > 0);
  if (mc == NULL || mc->n_samples == 0 || problem == NULL)
    return;
  cost = problem->objective == LF_OBJECTIVE_MIN_COST;
  gtk_label_set_text (self->figures[FIG_MEAN].caption, cost ? _("Mean cost") : _("Mean value"));
  set_figure (&self->figures[FIG_P5], lf_analysis_value_text (problem, mc->p5, self->scale));
  set_figure (&self->figures[FIG_P50], lf_analysis_value_text (problem, mc->p50, self->scale));
  set_figure (&self->figures[FIG_P95], lf_analysis_value_text (problem, mc->p95, self->scale));
  set_figure (&self->figures[FIG_MEAN], lf_analysis_value_text (problem, mc->mean, self->scale));
  set_figure (&self->figures[FIG_OVERRUN], overrun_text (mc, self->mc_stream == NULL));
}

static void
show (LfAnalysisView *self)
{
  show_figures (self);
  show_frequency_list (self);
}

/* No chart before the first samples: its empty state asks for ranges,
 * which the scenario may well have (the strip above says why a run is
 * not possible when it has none). */
static void
refresh_chart (LfAnalysisView *self)
{
  const LfMonteCarloResult *result = shown_result (self);

  lf_chart_view_set_analysis (self->chart[SEC_MONTECARLO], NULL, result, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chart[SEC_MONTECARLO]), result != NULL);
}

/* Streaming */

static void
begin (LfAnalysisView *self)
{
  double nominal = NAN;

  if (self->plan != NULL && self->plan->has_solution)
    nominal = self->plan->objective == LF_OBJECTIVE_MAX_VALUE ? self->plan->value : self->plan->cost;
  g_clear_pointer (&self->mc_stream, lf_monte_carlo_stream_free);
  self->mc_stream = lf_monte_carlo_stream_new (self->seed, nominal);
  show_frequency_list (self);  /* the frequencies come at the end */
}

static void
stream (LfAnalysisView *self,
        guint           done,
        const guint    *indices,
        const double   *values,
        guint           n_new)
{
  if (self->mc_stream == NULL)
    return;
  lf_monte_carlo_stream_add (self->mc_stream, values, n_new, done);
  refresh_chart (self);
  show_figures (self);
}

/* The chart lets go of the streamed samples before they go. */
static void
end (LfAnalysisView *self)
{
  g_autoptr(LfMonteCarloStream) stream = g_steal_pointer (&self->mc_stream);

  refresh_chart (self);
}

static gboolean
settings_valid (LfAnalysisView *self)
{
  return !lf_number_row_has_error (self->samples_row) && !lf_number_row_has_error (self->seed_row);
}

static const char *
idle_text (void)
{
  return _("Draws the parameters that have an uncertainty range and re-solves the plan for each draw.");
}

static GtkWidget *
result_widget (LfAnalysisView *self)
{
  return GTK_WIDGET (self->montecarlo_figures);
}

const LfAnalysisSection _lf_analysis_montecarlo = {
  .name = "montecarlo",
  .title = N_("Monte Carlo"),
  .kind = LF_ANALYSIS_MONTE_CARLO,
  .show = show,
  .refresh_chart = refresh_chart,
  .begin = begin,
  .stream = stream,
  .end = end,
  .settings_valid = settings_valid,
  .idle_text = idle_text,
  .result_widget = result_widget,
};

/* Settings */

char *
_lf_analysis_montecarlo_subtitle (LfAnalysisView *self)
{
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, self->seed);

  /* Translators: e.g. "2000 samples, seed 1" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sample, seed %s", "%u samples, seed %s",
                                       self->samples), self->samples, seed);
}

static void
on_samples_edited_cb (LfNumberRow    *row,
                      double          value,
                      LfAnalysisView *self)
{
  if (row == self->samples_row && _lf_analysis_check_row (row, value >= 1 && value <= MAX_SAMPLES,
                                                          _("Between 1 and 1 000 000 samples")))
    self->samples = (guint) value;
  if (row == self->seed_row && _lf_analysis_check_row (row, value >= 0 && value <= MAX_SEED,
                                                       _("A whole number from 0")))
    self->seed = (guint64) value;
  _lf_analysis_update_subtitles (self);
  _lf_analysis_update_section (self, SEC_MONTECARLO);
}

void
_lf_analysis_montecarlo_build_settings (LfAnalysisView *self)
{
  self->samples = DEFAULT_SAMPLES;
  self->seed = DEFAULT_SEED;
  self->montecarlo_expander = _lf_analysis_add_expander (self, SEC_MONTECARLO, _("Samples"));
  self->samples_row = _lf_analysis_add_number_row (self->montecarlo_expander, "montecarlo-samples", _("Samples"),
                                                   NULL, LF_ENTRY_COUNT);
  self->seed_row = _lf_analysis_add_number_row (self->montecarlo_expander, "montecarlo-seed", _("Seed"),
                                                _("The same seed draws the same samples"), LF_ENTRY_COUNT);
  g_signal_connect_object (self->samples_row, "edited", G_CALLBACK (on_samples_edited_cb), self, 0);
  g_signal_connect_object (self->seed_row, "edited", G_CALLBACK (on_samples_edited_cb), self, 0);
  lf_number_row_set_value (self->samples_row, self->samples);
  lf_number_row_set_value (self->seed_row, (double) self->seed);
}
