/* lf-analysis-run.c: how every section of the What If page runs
 *
 * Every run goes through lf_analysis_run_async(): the work is on a
 * worker, progress comes back in batches to the section's progress bar
 * and, for the sweep and Monte Carlo, to what the chart draws so far.
 * A run is known by a token; a report of a run that was cancelled or
 * replaced finds its token gone and is dropped. The status strip under a
 * section's settings says why it cannot run, that it is out of date, or
 * how far it got, with one button: Run, Cancel or Run Again.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-analysis-task.h"
#include "lf-analysis-text.h"
#include "lf-analysis-view-private.h"

/* A run shorter than this shows no progress bar at all, so a quick sweep
 * does not flicker. */
#define PROGRESS_DELAY_MS 200

/* One run, shared by its progress reports and its end. */
typedef struct
{
  GWeakRef   view;
  const LfAnalysisSection *ops;
  SectionId  id;
  guint      token;
  guint64    generation;
  LfProblem *problem;
} Run;

/* Results */

static void
result_free (const LfAnalysisSection *ops,
             gpointer                 result)
{
  if (result == NULL)
    return;

  switch (ops->kind)
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

gboolean
_lf_analysis_is_current (LfAnalysisView *self,
                         SectionId       id)
{
  Section *s = &self->sections[id];

  return s->result != NULL && s->result_generation == self->generation;
}

static void
refresh_chart (LfAnalysisView *self,
               Section        *s)
{
  if (s->ops->refresh_chart != NULL)
    s->ops->refresh_chart (self);
}

void
_lf_analysis_show_result (LfAnalysisView *self,
                          SectionId       id)
{
  Section *s = &self->sections[id];

  refresh_chart (self, s);
  s->ops->show (self);
}

/* Lists */

void
_lf_analysis_clear_list (Section *s)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (s->list))) != NULL)
    gtk_list_box_remove (s->list, child);
  gtk_widget_set_visible (s->list_box, FALSE);
}

GtkWidget *
_lf_analysis_list_row (Section    *s,
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
  g_atomic_rc_box_release_full (data, (GDestroyNotify) run_free);
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
set_progress (Section *s,
              guint    done,
              guint    total)
{
  g_autofree char *text = lf_analysis_progress_text (_(s->ops->title), done, total);

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
  set_progress (s, done, total);
  if (s->ops->stream != NULL)
    s->ops->stream (self, done, indices, values, n_new);
}

static void
stop_timers (Section *s)
{
  g_clear_handle_id (&s->progress_source, g_source_remove);
  s->progress_shown = FALSE;
}

/* The streamed data goes; the chart lets go of it first. */
static void
end_streaming (LfAnalysisView *self,
               Section        *s)
{
  if (s->ops->end != NULL)
    s->ops->end (self);
}

static void
keep_result (LfAnalysisView *self,
             Section        *s,
             Run            *run,
             gpointer        value)
{
  gpointer old = g_steal_pointer (&s->result);

  s->result = value;
  s->result_generation = run->generation;
  g_clear_pointer (&s->result_problem, lf_problem_unref);
  s->result_problem = lf_problem_ref (run->problem);
  refresh_chart (self, s);  /* the chart lets go of the old result */
  result_free (s->ops, old);
  g_clear_pointer (&s->error, g_free);
  if (s->ops->note != NULL)
    s->error = s->ops->note (self, value);
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
      result_free (run->ops, value);
      run_release (run);
      return;
    }
  s = &self->sections[run->id];
  g_clear_object (&s->cancellable);
  stop_timers (s);
  end_streaming (self, s);
  if (value != NULL)
    keep_result (self, s, run, value);
  else if (!g_error_matches (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_CANCELLED) &&
           !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_free (s->error);
      /* Translators: %s says why, e.g. "The solver failed" */
      s->error = g_strdup_printf (_("The analysis failed: %s"), error->message);
    }
  _lf_analysis_show_result (self, run->id);
  _lf_analysis_update_section (self, run->id);
  run_release (run);
}

static gboolean
show_progress_cb (gpointer data)
{
  Section *s = data;

  s->progress_source = 0;
  s->progress_shown = TRUE;
  refresh_chart (s->view, s);
  _lf_analysis_update_section (s->view, s->id);

  return G_SOURCE_REMOVE;
}

/* Stops the section's run, if any; what it streamed goes, the last
 * finished result stays. */
void
_lf_analysis_cancel_run (LfAnalysisView *self,
                         SectionId       id)
{
  Section *s = &self->sections[id];

  s->token++;
  if (s->cancellable == NULL)
    return;
  g_cancellable_cancel (s->cancellable);
  g_clear_object (&s->cancellable);
  stop_timers (s);
  end_streaming (self, s);
  _lf_analysis_show_result (self, id);
  _lf_analysis_update_section (self, id);
}

/* Reasons not to run */

static gboolean
has_uncertainty (const LfProblem *problem)
{
  for (guint i = 0; i < problem->n_markets; i++)
    if (problem->markets[i].v.has_range != 0)
      return TRUE;

  return FALSE;
}

/* Why the section cannot run now, with what to do; NULL if it can. */
static const char *
blocker (LfAnalysisView *self,
         SectionId       id)
{
  const LfAnalysisSection *ops = self->sections[id].ops;

  if (self->problem == NULL || self->problem->n_markets == 0)
    return _("Add a market to the scenario to run this analysis.");
  if (ops->settings_valid != NULL && !ops->settings_valid (self))
    return _("Correct the settings above to run this analysis.");
  if (ops->blocker != NULL)
    return ops->blocker (self);
  /* A plan stopped by the time limit still has one to move from; an
   * error or a cancelled solve has nothing yet. */
  if (self->plan != NULL && self->plan->status == LF_PLAN_INFEASIBLE)
    return _("No plan meets every limit of this scenario, so there is nothing to test. Change a limit on the plan until a plan appears, then run this again.");
  if (self->plan == NULL || !self->plan->has_solution)
    return _("Solve the scenario to run this analysis.");
  if (ops->kind == LF_ANALYSIS_MONTE_CARLO && !has_uncertainty (self->problem))
    return _("No market parameter has an uncertainty range, so every sample would be the same. Give some parameters a range in the market editor, then run this again.");

  return NULL;
}

void
_lf_analysis_start_run (LfAnalysisView *self,
                        SectionId       id)
{
  Section *s = &self->sections[id];
  LfAnalysisRequest request = { s->ops->kind, self->sweep_from, self->sweep_to, self->sweep_points,
                                self->low, self->high, self->samples, self->seed, 0 };
  Run *run;

  _lf_analysis_cancel_run (self, id);
  g_clear_pointer (&s->error, g_free);
  if (blocker (self, id) != NULL)
    {
      _lf_analysis_update_section (self, id);
      return;
    }

  run = g_atomic_rc_box_new0 (Run);
  g_weak_ref_init (&run->view, self);
  run->ops = s->ops;
  run->id = id;
  run->token = ++s->token;
  run->generation = self->generation;
  run->problem = lf_problem_ref (self->problem);
  s->cancellable = g_cancellable_new ();
  if (s->ops->begin != NULL)
    s->ops->begin (self);
  refresh_chart (self, s);
  s->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, s);
  gtk_progress_bar_set_fraction (s->progress, 0);
  /* The thresholds report only as each market is done: words until then. */
  gtk_progress_bar_set_text (s->progress, id == SEC_THRESHOLDS ? _("Finding the thresholds…") : NULL);
  lf_analysis_run_async (self->problem, &request, s->cancellable,
                         on_progress, g_atomic_rc_box_acquire (run), run_release, on_run_done, run);
  _lf_analysis_update_section (self, id);
}

/* The status strip */

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

/* Results of an earlier scenario stay in view, faded. */
static void
show_staleness (LfAnalysisView *self,
                Section        *s,
                gboolean        stale)
{
  double opacity;

  /* The frontier is about to be swept again: no fading for a blink. */
  if (s->id == SEC_BUDGET && (s->cancellable != NULL || self->sweep_source != 0))
    stale = FALSE;
  opacity = stale ? 0.55 : 1;

  gtk_widget_set_opacity (s->list_box, opacity);
  if (self->chart[s->id] != NULL)
    gtk_widget_set_opacity (GTK_WIDGET (self->chart[s->id]), opacity);
  if (s->ops->result_widget != NULL)
    gtk_widget_set_opacity (s->ops->result_widget (self), opacity);
}

/* The sweep runs by itself: its strip shows only when there is
 * something to say, or a run has taken long enough to show progress. */
static void
show_strip (Section  *s,
            gboolean  visible)
{
  gtk_widget_set_visible (s->strip, visible);
  gtk_widget_set_visible (gtk_widget_get_parent (s->strip), visible);
}

static void
show_running (Section *s)
{
  set_status (s, NULL, NULL, _("Cancel"), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (s->progress), TRUE);
  show_strip (s, s->id != SEC_BUDGET || s->progress_shown);
}

void
_lf_analysis_update_section (LfAnalysisView *self,
                             SectionId       id)
{
  Section *s = &self->sections[id];
  const char *reason = blocker (self, id);
  gboolean stale = s->result != NULL && !_lf_analysis_is_current (self, id);

  gtk_widget_remove_css_class (GTK_WIDGET (s->button), "suggested-action");
  if (s->cancellable != NULL)
    {
      show_running (s);
      return;
    }
  show_strip (s, id != SEC_BUDGET || reason != NULL || s->error != NULL);
  if (reason != NULL)
    set_status (s, "dialog-warning-symbolic", reason, _("Run"), FALSE);
  else if (s->error != NULL)
    set_status (s, "dialog-warning-symbolic", s->error, _("Run Again"), TRUE);
  else if (stale)
    set_status (s, "dialog-information-symbolic", _("The scenario changed since this ran."), _("Run Again"), TRUE);
  else
    set_status (s, NULL, s->ops->idle_text ? s->ops->idle_text () : NULL, s->result ? _("Run Again") : _("Run"),
                TRUE);
  if (reason == NULL && (stale || s->result == NULL || (s->error != NULL && id != SEC_BUDGET)))
    gtk_widget_add_css_class (GTK_WIDGET (s->button), "suggested-action");
  show_staleness (self, s, stale);
}

static void
on_strip_button_cb (GtkButton *button,
                    Section   *s)
{
  if (s->cancellable != NULL)
    _lf_analysis_cancel_run (s->view, s->id);
  else
    _lf_analysis_start_run (s->view, s->id);
}

/* "tornado-button": what the tests find a widget by. */
static void
name_widget (GtkWidget  *widget,
             Section    *s,
             const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", s->ops->name, what);

  gtk_widget_set_name (widget, name);
}

static GtkWidget *
build_status_label (Section *s)
{
  s->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (s->status, TRUE);
  gtk_label_set_wrap_mode (s->status, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (s->status, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (s->status), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (s->status), "dim-label");

  return GTK_WIDGET (s->status);
}

static GtkWidget *
build_progress_bar (Section *s)
{
  s->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (s->progress, TRUE);
  gtk_progress_bar_set_ellipsize (s->progress, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (s->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (s->progress), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (s->progress), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);

  return GTK_WIDGET (s->progress);
}

static void
build_strip (LfAnalysisView *self,
             Section        *s)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  s->strip = box;
  /* The words say it all; the icon is decoration. */
  s->icon = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                          "valign", GTK_ALIGN_CENTER, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (s->icon), "dim-label");
  s->button = GTK_BUTTON (gtk_button_new_with_label (_("Run")));
  gtk_widget_set_valign (GTK_WIDGET (s->button), GTK_ALIGN_CENTER);
  name_widget (GTK_WIDGET (s->button), s, "button");
  name_widget (GTK_WIDGET (s->list), s, "list");
  g_signal_connect (s->button, "clicked", G_CALLBACK (on_strip_button_cb), s);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (s->icon));
  gtk_box_append (GTK_BOX (box), build_status_label (s));
  gtk_box_append (GTK_BOX (box), build_progress_bar (s));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (s->button));
  gtk_box_append (self->status_slot[s->id], box);
}

void
_lf_analysis_section_init (LfAnalysisView          *self,
                           SectionId                id,
                           const LfAnalysisSection *ops)
{
  Section *s = &self->sections[id];

  s->ops = ops;
  s->view = self;
  s->id = id;
  build_strip (self, s);
}

/* From the view's dispose: the run stops, its reports find no token.
 * The widgets go with the template. */
void
_lf_analysis_section_clear (Section *s)
{
  s->token++;
  if (s->cancellable != NULL)
    g_cancellable_cancel (s->cancellable);
  g_clear_object (&s->cancellable);
  stop_timers (s);
}

/* After the charts are gone: nothing borrows the result any more. */
void
_lf_analysis_section_drop_result (Section *s)
{
  result_free (s->ops, g_steal_pointer (&s->result));
  g_clear_pointer (&s->result_problem, lf_problem_unref);
  g_clear_pointer (&s->error, g_free);
}
