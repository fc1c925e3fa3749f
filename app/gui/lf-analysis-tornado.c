/* lf-analysis-tornado.c: the tornado section of the What If page: each
 * parameter scaled alone down and up by the multipliers set here, drawn
 * as bars and listed largest swing first. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-analysis-text.h"
#include "lf-analysis-view-private.h"

/* What the command line's charts use too (lf-cli-chart.c). */
#define DEFAULT_LOW 0.8
#define DEFAULT_HIGH 1.2

/* A scenario of sixty markets has near a thousand bars: the list keeps
 * to the largest swings, as the chart does, and says how many it left. */
#define MAX_ROWS 40

static void
add_more_row (Section *s,
              guint    n_more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u smaller swing not shown.",
                                                        "%u smaller swings not shown.", n_more), n_more);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, "tornado-more");
  gtk_list_box_append (s->list, row);
}

static void
show_list (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_TORNADO];
  const LfTornadoResult *t = s->result;
  guint n_rows = t != NULL ? MIN (t->n_items, MAX_ROWS) : 0;

  _lf_analysis_clear_list (s);
  for (guint k = 0; k < n_rows; k++)
    {
      const LfTornadoItem *item = &t->items[k];
      g_autofree char *detail = lf_analysis_tornado_detail (t, item, s->result_problem, self->scale);
      g_autofree char *swing = lf_analysis_value_text (s->result_problem, lf_analysis_tornado_swing (t, item),
                                                       self->scale);

      _lf_analysis_list_row (s, item->label, detail, swing);
    }
  if (t != NULL && t->n_items > n_rows)
    add_more_row (s, t->n_items - n_rows);
}

static void
refresh_chart (LfAnalysisView *self)
{
  lf_chart_view_set_analysis (self->chart[SEC_TORNADO], NULL, NULL, self->sections[SEC_TORNADO].result);
}

static gboolean
settings_valid (LfAnalysisView *self)
{
  return !lf_number_row_has_error (self->low_row) && !lf_number_row_has_error (self->high_row);
}

static const char *
idle_text (void)
{
  return _("Re-solves the plan with each parameter scaled down and up, one at a time.");
}

const LfAnalysisSection _lf_analysis_tornado = {
  .name = "tornado",
  .title = N_("Tornado"),
  .kind = LF_ANALYSIS_TORNADO,
  .show = show_list,
  .refresh_chart = refresh_chart,
  .settings_valid = settings_valid,
  .idle_text = idle_text,
};

/* Settings */

char *
_lf_analysis_tornado_subtitle (LfAnalysisView *self)
{
  g_autofree char *low = lf_analysis_multiplier_text (self->low);
  g_autofree char *high = lf_analysis_multiplier_text (self->high);

  /* Translators: the tornado's multipliers, e.g. "×0.8 and ×1.2" */
  return g_strdup_printf (_("%s and %s"), low, high);
}

static void
on_factor_edited_cb (LfNumberRow    *row,
                     double          value,
                     LfAnalysisView *self)
{
  if (row == self->low_row && _lf_analysis_check_row (row, value >= 0 && value <= 1, _("Between 0 and 1")))
    self->low = value;
  if (row == self->high_row && _lf_analysis_check_row (row, value >= 1 && value <= 100, _("Between 1 and 100")))
    self->high = value;
  _lf_analysis_update_subtitles (self);
  _lf_analysis_update_section (self, SEC_TORNADO);
}

void
_lf_analysis_tornado_build_settings (LfAnalysisView *self)
{
  self->low = DEFAULT_LOW;
  self->high = DEFAULT_HIGH;
  self->tornado_expander = _lf_analysis_add_expander (self, SEC_TORNADO, _("Multipliers"));
  self->low_row = _lf_analysis_add_number_row (self->tornado_expander, "tornado-low", _("Low multiplier"), NULL,
                                               LF_ENTRY_NUMBER);
  self->high_row = _lf_analysis_add_number_row (self->tornado_expander, "tornado-high", _("High multiplier"), NULL,
                                                LF_ENTRY_NUMBER);
  g_signal_connect_object (self->low_row, "edited", G_CALLBACK (on_factor_edited_cb), self, 0);
  g_signal_connect_object (self->high_row, "edited", G_CALLBACK (on_factor_edited_cb), self, 0);
  lf_number_row_set_value (self->low_row, self->low);
  lf_number_row_set_value (self->high_row, self->high);
}
