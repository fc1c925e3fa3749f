/* lf-analysis-task.c: the analyses off the main thread, for the window */

#include "config.h"

#include "lf-analysis-task.h"

/* At most this often is progress handed to the main context. */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 30)

/* Shared by the worker (producer) and the main context (consumer); freed
 * when both are done with it. */
typedef struct
{
  gatomicrefcount        ref_count;
  GMutex                 lock;
  GArray                *indices;
  GArray                *values;
  guint                  done;
  guint                  total;
  gint64                 last_flush_us;
  gboolean               flush_pending;
  GMainContext          *context;
  LfAnalysisProgressFunc func;
  gpointer               func_data;
  GDestroyNotify         func_data_free;
} Progress;

typedef struct
{
  LfProblem         *problem;
  LfAnalysisRequest  request;
  Progress          *progress;
} Job;

static Progress *
progress_ref (Progress *self)
{
  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

static void
progress_unref (Progress *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->func_data_free != NULL)
    self->func_data_free (self->func_data);
  g_array_unref (self->indices);
  g_array_unref (self->values);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* Main context: hand over what arrived since the last flush. */
static gboolean
flush_progress (gpointer data)
{
  Progress *self = data;
  g_autoptr(GArray) indices = NULL;
  g_autoptr(GArray) values = NULL;
  guint done, total;

  g_mutex_lock (&self->lock);
  indices = g_steal_pointer (&self->indices);
  values = g_steal_pointer (&self->values);
  self->indices = g_array_new (FALSE, FALSE, sizeof (guint));
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  done = self->done;
  total = self->total;
  self->flush_pending = FALSE;
  g_mutex_unlock (&self->lock);

  if (self->func != NULL && indices->len > 0)
    self->func (done, total, (const guint *) (gpointer) indices->data,
                (const double *) (gpointer) values->data, indices->len, self->func_data);

  return G_SOURCE_REMOVE;
}

static void
schedule_flush (Progress *self)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, flush_progress, progress_ref (self), (GDestroyNotify) progress_unref);
  g_source_set_static_name (source, "[landfall] analysis progress");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* Any worker thread: record, and flush when due or at the end. */
static void
on_progress (guint    done,
             guint    total,
             guint    index,
             double   value,
             gpointer user_data)
{
  Progress *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean flush;

  g_mutex_lock (&self->lock);
  g_array_append_val (self->indices, index);
  g_array_append_val (self->values, value);
  self->done = MAX (self->done, done);
  self->total = total;
  /* The end is the furthest count, not this call's: threads finish out
   * of order, and the last to report may carry a smaller count. */
  flush = !self->flush_pending && (self->done == total || now - self->last_flush_us >= PROGRESS_INTERVAL_US);
  if (flush)
    {
      self->flush_pending = TRUE;
      self->last_flush_us = now;
    }
  g_mutex_unlock (&self->lock);

  if (flush)
    schedule_flush (self);
}

static void
job_free (Job *job)
{
  lf_problem_unref (job->problem);
  progress_unref (job->progress);
  g_free (job);
}

static gpointer
run (Job           *job,
     GCancellable  *cancellable,
     GError       **error)
{
  const LfAnalysisRequest *r = &job->request;

  switch (r->kind)
    {
    case LF_ANALYSIS_SWEEP:
      return lf_analysis_sweep (job->problem, r->from, r->to, r->n_points, cancellable,
                                on_progress, job->progress, error);
    case LF_ANALYSIS_TORNADO:
      return lf_analysis_tornado (job->problem, r->low, r->high, r->n_threads, cancellable,
                                  on_progress, job->progress, error);
    case LF_ANALYSIS_MONTE_CARLO:
      return lf_analysis_monte_carlo (job->problem, r->n_samples, r->seed, r->n_threads, cancellable,
                                      on_progress, job->progress, error);
    case LF_ANALYSIS_THRESHOLDS:
    default:
      return lf_analysis_thresholds (job->problem, cancellable, on_progress, job->progress, error);
    }
}

static GDestroyNotify
result_free_func (LfAnalysisKind kind)
{
  switch (kind)
    {
    case LF_ANALYSIS_SWEEP:
      return (GDestroyNotify) lf_sweep_result_free;
    case LF_ANALYSIS_TORNADO:
      return (GDestroyNotify) lf_tornado_result_free;
    case LF_ANALYSIS_MONTE_CARLO:
      return (GDestroyNotify) lf_monte_carlo_result_free;
    case LF_ANALYSIS_THRESHOLDS:
    default:
      return (GDestroyNotify) lf_threshold_result_free;
    }
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result = run (job, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, result_free_func (job->request.kind));
}

void
lf_analysis_run_async (LfProblem               *problem,
                       const LfAnalysisRequest *request,
                       GCancellable            *cancellable,
                       LfAnalysisProgressFunc   progress,
                       gpointer                 progress_data,
                       GDestroyNotify           progress_data_free,
                       GAsyncReadyCallback      callback,
                       gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (problem != NULL);
  g_return_if_fail (request != NULL);

  job = g_new0 (Job, 1);
  job->problem = lf_problem_ref (problem);
  job->request = *request;
  job->progress = g_new0 (Progress, 1);
  g_atomic_ref_count_init (&job->progress->ref_count);
  g_mutex_init (&job->progress->lock);
  job->progress->indices = g_array_new (FALSE, FALSE, sizeof (guint));
  job->progress->values = g_array_new (FALSE, FALSE, sizeof (double));
  job->progress->context = g_main_context_ref_thread_default ();
  job->progress->func = progress;
  job->progress->func_data = progress_data;
  job->progress->func_data_free = progress_data_free;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lf_analysis_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_in_thread);
}

gpointer
lf_analysis_run_finish (GAsyncResult  *result,
                        LfAnalysisKind *kind,
                        GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (kind != NULL)
    *kind = job->request.kind;

  return g_task_propagate_pointer (G_TASK (result), error);
}
