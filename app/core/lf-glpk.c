/* lf-glpk.c: GLPK that never aborts the process nor prints */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glpk.h>
#include <setjmp.h>

#include "lf-glpk-private.h"
#include "lf-solver.h"

/* Bounds the kept log: a long branch-and-cut log is of no use here. */
#define MAX_LOG 16384

typedef struct
{
  jmp_buf  jump;
  GString *log;
  guint    depth;
} Guard;

/* Runs when a thread that used GLPK exits: GLPK keeps its environment in
 * thread-local storage and would leak it with the thread. */
static void
guard_free (gpointer data)
{
  Guard *guard = data;

  glp_free_env ();
  g_string_free (guard->log, TRUE);
  g_free (guard);
}

static GPrivate guard_key = G_PRIVATE_INIT (guard_free);

G_GNUC_NO_INLINE static Guard *
get_guard (void)
{
  Guard *guard = g_private_get (&guard_key);

  if (guard == NULL)
    {
      guard = g_new0 (Guard, 1);
      guard->log = g_string_new (NULL);
      g_private_set (&guard_key, guard);
    }

  return guard;
}

/* Returning non-zero tells GLPK the text was handled: nothing reaches the
 * terminal. */
static int
on_glpk_output (void       *info,
                const char *text)
{
  Guard *guard = info;

  if (guard->log->len < MAX_LOG)
    g_string_append (guard->log, text);

  return 1;
}

/* Called by GLPK after a fatal error, before it would abort(). Must not
 * return: frees this thread's GLPK environment and jumps back into
 * _lf_glpk_run(). */
G_GNUC_NORETURN static void
on_glpk_error (void *info)
{
  Guard *guard = info;

  glp_free_env ();
  longjmp (guard->jump, 1);
}

/* GLPK prints its reason, then "Error detected in file ... at line ...":
 * the reason is the line before that one. */
static char *
last_log_line (const GString *log)
{
  g_auto(GStrv) lines = g_strsplit (log->str, "\n", -1);

  for (int i = (int) g_strv_length (lines) - 1; i >= 0; i--)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "Error detected in file"))
        return g_strdup (lines[i]);
    }

  return g_strdup (_("unknown error"));
}

static void
set_failure (const GString  *log,
             GError        **error)
{
  g_autofree char *reason = last_log_line (log);

  g_set_error (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_FAILED,
               _("The solver failed: %s"), reason);
}

static void
install_hooks (Guard *guard)
{
  glp_term_hook (on_glpk_output, guard);
  glp_error_hook (on_glpk_error, guard);
}

gboolean
_lf_glpk_run (LfGlpkFunc   func,
              gpointer     data,
              GError     **error)
{
  /* volatile: both live across setjmp()/longjmp(). */
  Guard *volatile guard = get_guard ();
  volatile gboolean ok = FALSE;

  if (guard->depth > 0)
    return func (data, error);

  g_string_truncate (guard->log, 0);
  install_hooks (guard);
  guard->depth = 1;

  if (setjmp (guard->jump) == 0)
    {
      ok = func (data, error);
    }
  else
    {
      set_failure (guard->log, error);
      ok = FALSE;
    }

  guard->depth = 0;
  /* The environment may be new after a failure: the hooks go with it. */
  glp_term_hook (on_glpk_output, guard);
  glp_error_hook (NULL, NULL);

  return ok;
}

const char *
_lf_glpk_log (void)
{
  return get_guard ()->log->str;
}
