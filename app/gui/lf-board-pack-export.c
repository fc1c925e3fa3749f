/* lf-board-pack-export.c: "Export Board Pack…" in the window
 *
 * The worker only counts its progress in atomics; the main loop reads
 * them on a timer, so no callback crosses threads and a fast Monte Carlo
 * cannot flood the main context.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-board-pack-export.h"
#include "lf-board-pack.h"
#include "lf-export.h"

#define PROGRESS_INTERVAL_MS 100

typedef struct
{
  LfProblem        *problem;
  LfPlan           *plan;
  char             *path;
  GFile            *file;
  GCancellable     *cancellable;
  AdwToastOverlay  *toasts;      /* weak */
  AdwMessageDialog *dialog;
  GtkProgressBar   *bar;
  guint             timer;
  int               stage;       /* atomics, written by the worker */
  int               done;
  int               total;
} Job;

/* The widgets, on the main thread, when the work is over. */
static void
job_finish_ui (Job *job)
{
  g_clear_handle_id (&job->timer, g_source_remove);
  g_clear_weak_pointer (&job->toasts);
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  g_clear_object (&job->dialog);
}

/* Wherever the task ends up finalized: nothing here is a widget. */
static void
job_free (Job *job)
{
  g_assert (job->dialog == NULL);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->file);
  g_free (job->path);
  lf_plan_unref (job->plan);
  lf_problem_unref (job->problem);
  g_free (job);
}

/* On the worker */

static void
on_stage_cb (LfBoardPackStage stage,
             gpointer         user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->done, 0);
  g_atomic_int_set (&job->total, 0);
  g_atomic_int_set (&job->stage, stage);
}

static void
on_progress_cb (guint    done,
                guint    total,
                guint    index,
                double   value,
                gpointer user_data)
{
  Job *job = user_data;

  int seen = g_atomic_int_get (&job->done);

  /* Threads of Monte Carlo finish out of order: keep the furthest. */
  while ((int) done > seen && !g_atomic_int_compare_and_exchange (&job->done, seen, (int) done))
    seen = g_atomic_int_get (&job->done);
  g_atomic_int_set (&job->total, (int) total);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  LfBoardPackAnalyses analyses;
  guint compare[LF_CHART_COMPARE_MAX];
  GError *error = NULL;
  LfChartInput input;
  gboolean ok;

  if (!lf_board_pack_run_analyses (job->problem, job->plan, LF_BOARD_PACK_SAMPLES, LF_BOARD_PACK_SEED,
                                   cancellable, on_stage_cb, on_progress_cb, job, &analyses, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Past this point the file is written whatever happens: Cancel must
   * not report as cancelled a pack that is on the disk. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      lf_board_pack_analyses_clear (&analyses);
      g_task_return_error (task, error);
      return;
    }
  input = (LfChartInput) {
    job->problem, job->plan, analyses.sweep, analyses.montecarlo, analyses.tornado,
    compare, lf_chart_default_compare (job->problem, job->plan, compare),
  };
  ok = lf_export_board_pack (&input, job->path, &error);
  lf_board_pack_analyses_clear (&analyses);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* On the main thread */

static gboolean
update_progress_cb (gpointer user_data)
{
  Job *job = user_data;
  int total = g_atomic_int_get (&job->total);
  int done = g_atomic_int_get (&job->done);
  LfBoardPackStage stage = g_atomic_int_get (&job->stage);
  g_autofree char *text = NULL;

  if (total > 0)
    {
      /* Translators: progress of the board pack, e.g. "Monte Carlo: 1200 of 2000" */
      text = g_strdup_printf (_("%s: %d of %d"), lf_board_pack_stage_title (stage), done, total);
      gtk_progress_bar_set_fraction (job->bar, (double) done / total);
      gtk_progress_bar_set_text (job->bar, text);
    }

  return G_SOURCE_CONTINUE;
}

static void
on_open_clicked_cb (AdwToast *toast,
                    GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
report (Job          *job,
        const GError *error)
{
  AdwToast *toast;

  if (job->toasts == NULL || g_error_matches (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_CANCELLED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not export the board pack: %s"), error->message);

      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
    }
  else
    {
      toast = adw_toast_new (_("Board pack exported"));
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb),
                             g_object_ref (job->file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
    }
  adw_toast_overlay_add_toast (job->toasts, toast);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  report (job, error);
  job_finish_ui (job);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
show_progress (Job       *job,
               GtkWindow *parent)
{
  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (job->bar, TRUE);
  gtk_progress_bar_set_text (job->bar, " ");
  job->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Preparing the Board Pack"),
                                                            _("The budget frontier, the tornado and, where a "
                                                              "parameter is uncertain, Monte Carlo are run "
                                                              "before the pages are drawn.")));
  g_object_ref_sink (job->dialog);
  adw_message_dialog_set_extra_child (job->dialog, GTK_WIDGET (job->bar));
  adw_message_dialog_add_response (job->dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (job->dialog, "cancel");
  g_signal_connect_object (job->dialog, "response", G_CALLBACK (on_dialog_response_cb), job->cancellable, 0);
  gtk_window_present (GTK_WINDOW (job->dialog));
  job->timer = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress_cb, job);
}

static void
start (Job       *job,
       GtkWindow *parent)
{
  g_autoptr(GTask) task = g_task_new (NULL, job->cancellable, on_exported_cb, NULL);

  show_progress (job, parent);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

static void
on_file_chosen_cb (GtkNativeDialog *dialog,
                   int              response,
                   Job             *job)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (job->file != NULL && (job->path = g_file_get_path (job->file)) != NULL)
    start (job, parent);
  else
    {
      job_finish_ui (job);
      job_free (job);
    }
  g_object_unref (dialog);
}

static Job *
job_new (AdwToastOverlay *toasts,
         LfProblem       *problem,
         LfPlan          *plan)
{
  Job *job = g_new0 (Job, 1);

  job->problem = lf_problem_ref (problem);
  job->plan = lf_plan_ref (plan);
  job->cancellable = g_cancellable_new ();
  g_set_weak_pointer (&job->toasts, toasts);

  return job;
}

static gboolean
check_plan (AdwToastOverlay *toasts,
            LfPlan          *plan)
{
  if (plan->has_solution)
    return TRUE;

  adw_toast_overlay_add_toast (toasts, adw_toast_new (_("No plan meets every limit, so there is "
                                                        "nothing to put in a board pack")));
  return FALSE;
}

void
lf_board_pack_export_run (GtkWindow       *parent,
                          AdwToastOverlay *toasts,
                          LfProblem       *problem,
                          LfPlan          *plan,
                          const char      *scenario_name)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (problem != NULL && plan != NULL);

  if (!check_plan (toasts, plan))
    return;

  dialog = gtk_file_chooser_native_new (_("Export Board Pack"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  /* Translators: the file name of a board pack, "%s" is the scenario's name */
  name = g_strdup_printf (_("%s — Board Pack.pdf"), scenario_name);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen_cb), job_new (toasts, problem, plan));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
lf_board_pack_export_to_file (GtkWindow       *parent,
                              AdwToastOverlay *toasts,
                              LfProblem       *problem,
                              LfPlan          *plan,
                              GFile           *file)
{
  Job *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (problem != NULL && plan != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (!check_plan (toasts, plan))
    return;
  job = job_new (toasts, problem, plan);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  if (job->path != NULL)
    start (job, parent);
  else
    {
      adw_toast_overlay_add_toast (toasts, adw_toast_new (_("A board pack can only be saved to a local file")));
      job_finish_ui (job);
      job_free (job);
    }
}
