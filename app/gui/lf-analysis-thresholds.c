/* lf-analysis-thresholds.c: the entry thresholds section of the What If
 * page: for each market, how far one of its numbers must move before it
 * changes side, as a list with the side it is on now. No settings, no
 * chart. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-analysis-text.h"
#include "lf-analysis-view-private.h"

static void
show_list (LfAnalysisView *self)
{
  Section *s = &self->sections[SEC_THRESHOLDS];
  const LfThresholdResult *t = s->result;

  _lf_analysis_clear_list (s);
  for (guint i = 0; t != NULL && i < t->n_markets; i++)
    {
      g_autofree char *text = lf_analysis_threshold_text (t, s->result_problem, i);
      const char *side = lf_analysis_threshold_side (t, s->result_problem, i);
      GtkWidget *suffix = _lf_analysis_list_row (s, t->market_names[i], text, side);

      gtk_widget_add_css_class (suffix, t->thresholds[i].entered ? "entered" : "dim-label");
    }
}

static const char *
idle_text (void)
{
  return _("Re-solves the plan for each market, moving one number at a time.");
}

const LfAnalysisSection _lf_analysis_thresholds = {
  .name = "thresholds",
  .title = N_("Thresholds"),
  .kind = LF_ANALYSIS_THRESHOLDS,
  .show = show_list,
  .idle_text = idle_text,
};
