/* lf-cli-analysis.c: sweep, tornado, montecarlo and thresholds (cli.md)
 *
 * Each sub-command runs one analysis of app/core and prints it as a table
 * for people or, with --json, as one document whose numbers and keys never
 * depend on the locale. Nothing here depends on the thread count, so the
 * same arguments give the same bytes on any machine.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "lf-analysis.h"
#include "lf-cli-private.h"
#include "lf-threshold-text.h"
#include "lf-format.h"

/* What the analysis sub-commands, chart and report share */

gboolean
_lf_cli_parse_count (const char *option,
                     const char *text,
                     guint64     minimum,
                     guint64     maximum,
                     guint64    *out_value)
{
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  guint64 value;

  if (text == NULL)
    return TRUE;
  if (g_ascii_string_to_unsigned (text, 10, minimum, maximum, &value, NULL))
    {
      *out_value = value;
      return TRUE;
    }

  lo = g_strdup_printf ("%" G_GUINT64_FORMAT, minimum);
  hi = g_strdup_printf ("%" G_GUINT64_FORMAT, maximum);
  /* Translators: e.g. "--steps: “0” is not a whole number from 1 to 100000" */
  _lf_cli_error (g_get_prgname (), _("%s: “%s” is not a whole number from %s to %s"), option, text, lo, hi);

  return FALSE;
}

gboolean
_lf_cli_require (const char *option,
                 const char *text)
{
  if (text != NULL)
    return TRUE;

  /* Translators: %s is an option, e.g. "--samples N" */
  _lf_cli_error (g_get_prgname (), _("%s is required"), option);

  return FALSE;
}

int
_lf_cli_analysis_failed (const LfCliInput *input,
                         const GError     *error)
{
  if (g_error_matches (error, LF_ANALYSIS_ERROR, LF_ANALYSIS_ERROR_INVALID) ||
      g_error_matches (error, LF_SOLVER_ERROR, LF_SOLVER_ERROR_INVALID))
    {
      _lf_cli_error (input->display_name, "%s", error->message);
      return LF_CLI_EXIT_BAD_INPUT;
    }

  _lf_cli_error (input->display_name, _("the analysis failed: %s"), error->message);

  return LF_CLI_EXIT_FAILED;
}

/* Progress on standard error, a line rewritten in place, only when that is
 * a terminal: a script reading the output never sees it. */

#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 10)

struct _LfCliProgress
{
  GMutex      lock;
  const char *what;
  gint64      last_shown;
  gboolean    shown;
};

LfCliProgress *
_lf_cli_progress_new (void)
{
  LfCliProgress *self;

  if (!isatty (STDERR_FILENO))
    return NULL;

  self = g_new0 (LfCliProgress, 1);
  g_mutex_init (&self->lock);

  return self;
}

void
_lf_cli_progress_free (LfCliProgress *self)
{
  if (self == NULL)
    return;

  if (self->shown)
    g_printerr ("\r\033[K");
  g_mutex_clear (&self->lock);
  g_free (self);
}

void
_lf_cli_progress_begin (LfCliProgress *self,
                        const char    *what)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->what = what;
  self->last_shown = 0;
  g_mutex_unlock (&self->lock);
}

/* An LfProgressFunc: called from any thread of the analysis. */
void
_lf_cli_progress_cb (guint    done,
                     guint    total,
                     guint    index,
                     double   value,
                     gpointer user_data)
{
  LfCliProgress *self = user_data;
  gint64 now;

  if (self == NULL)
    return;

  now = g_get_monotonic_time ();
  g_mutex_lock (&self->lock);
  if (done == total || now - self->last_shown >= PROGRESS_INTERVAL_US)
    {
      g_printerr ("\r\033[K");
      /* Translators: progress of a long analysis, e.g. "Monte Carlo: 1200 of 2000" */
      g_printerr (_("%s: %u of %u"), self->what, done, total);
      self->last_shown = now;
      self->shown = TRUE;
    }
  g_mutex_unlock (&self->lock);
}

/* Tables for people */

/* Rows of @n_cols cells (NULL-terminated string arrays); the columns whose
 * bit is set in @right are aligned right; a rule under the first row when
 * @header. No line ends in spaces. */
static void
render_rows (GString   *out,
             GPtrArray *rows,
             guint      n_cols,
             guint32    right,
             gboolean   header)
{
  g_autofree gsize *widths = g_new0 (gsize, n_cols);
  gsize total = 0;

  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < n_cols; c++)
      widths[c] = MAX (widths[c], _lf_cli_text_width (((char **) g_ptr_array_index (rows, r))[c]));
  for (guint c = 0; c < n_cols; c++)
    total += widths[c] + (c > 0 ? 2 : 0);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_cols; c++)
        {
          gboolean align_right = (right & (1u << c)) != 0;

          if (c > 0)
            g_string_append (out, "  ");
          _lf_cli_append_padded (out, row[c], widths[c], align_right);
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
      if (header && r == 0)
        {
          for (gsize i = 0; i < total; i++)
            g_string_append_c (out, '-');
          g_string_append_c (out, '\n');
        }
    }
}

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* A headline line: @value is taken. */
static void
add_line (GPtrArray  *lines,
          const char *label,
          char       *value)
{
  char **row = g_new0 (char *, 3);

  row[0] = g_strdup (label);
  row[1] = value;
  g_ptr_array_add (lines, row);
}

static void
render_headline (GString   *out,
                 GPtrArray *lines)
{
  render_rows (out, lines, 2, 0, FALSE);
}

/* The objective of a plan for people: a value, or a cost in min_cost. */
static char *
objective_text (const LfProblem *problem,
                double           value)
{
  if (isnan (value))
    return g_strdup (_("infeasible"));
  if (problem->objective == LF_OBJECTIVE_MIN_COST)
    return lf_format_money (value, problem->currency, LF_MONEY_UNITS);

  return lf_format_short (value, 6);
}

/* Writes and frees @text: JSON as it is, a table in the locale's charset. */
static int
write_result (char     *text,
              gboolean  as_json)
{
  int status = _lf_cli_write_output (text, !as_json);

  g_free (text);

  return status;
}

/* The threads of --threads: 0 (every core) when not given. */
#define MAX_THREADS 1024

static gboolean
parse_threads (const char *text,
               guint      *out_threads)
{
  guint64 threads = 0;

  if (!_lf_cli_parse_count ("--threads", text, 1, MAX_THREADS, &threads))
    return FALSE;
  *out_threads = (guint) threads;

  return TRUE;
}

/* sweep */

static guint
count_entered (const LfSweepResult *sweep,
               guint                k)
{
  const guint8 *entered = sweep->entered + (gsize) k * sweep->n_markets;
  guint n = 0;

  for (guint i = 0; i < sweep->n_markets; i++)
    n += entered[i] != 0;

  return n;
}

static char **
sweep_header (const LfProblem *problem)
{
  char **row = g_new0 (char *, 5);

  /* Translators: the budget column, %s is the currency, e.g. "Budget (USD)" */
  row[0] = g_strdup_printf (_("Budget (%s)"), problem->currency);
  row[1] = g_strdup (_("Value"));
  row[2] = g_strdup (_("Markets"));
  row[3] = g_strdup (_("Change"));

  return row;
}

static char **
sweep_row (const LfSweepResult *sweep,
           guint                k)
{
  char **row = g_new0 (char *, 5);
  gboolean feasible = !isnan (sweep->value[k]);

  row[0] = lf_format_grouped (sweep->budget[k], 0);
  row[1] = feasible ? lf_format_short (sweep->value[k], 6) : g_strdup (_("infeasible"));
  row[2] = feasible ? g_strdup_printf ("%u", count_entered (sweep, k)) : g_strdup ("–");
  row[3] = g_strdup (sweep->change[k] != NULL ? sweep->change[k] : "");

  return row;
}

static char *
sweep_range_text (const LfSweepResult *sweep,
                  const LfProblem     *problem)
{
  g_autofree char *from = lf_format_money (sweep->budget[0], problem->currency, LF_MONEY_UNITS);
  g_autofree char *to = lf_format_money (sweep->budget[sweep->n_points - 1], problem->currency, LF_MONEY_UNITS);

  /* Translators: the budgets of a sweep, e.g. "0 USD to 12 000 000 USD, 13 points" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s, %u point", "%s to %s, %u points",
                                       sweep->n_points),
                          from, to, sweep->n_points);
}

static char *
sweep_to_text (const LfSweepResult *sweep,
               const LfProblem     *problem)
{
  g_autoptr(GPtrArray) lines = rows_new ();
  g_autoptr(GPtrArray) rows = rows_new ();
  GString *out = g_string_new (NULL);

  add_line (lines, _("Scenario"), g_strdup (problem->name));
  add_line (lines, _("Budgets"), sweep_range_text (sweep, problem));
  if (!isnan (sweep->current_budget))
    add_line (lines, _("Current budget"), lf_format_money (sweep->current_budget, problem->currency, LF_MONEY_UNITS));
  render_headline (out, lines);

  g_ptr_array_add (rows, sweep_header (problem));
  for (guint k = 0; k < sweep->n_points; k++)
    g_ptr_array_add (rows, sweep_row (sweep, k));
  g_string_append_c (out, '\n');
  render_rows (out, rows, 4, 0x7, TRUE);

  return g_string_free (out, FALSE);
}

static void
json_sweep_point (LfCliJson           *json,
                  const LfSweepResult *sweep,
                  guint                k)
{
  const guint8 *entered = sweep->entered + (gsize) k * sweep->n_markets;

  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "budget");
  _lf_cli_json_number (json, sweep->budget[k]);
  _lf_cli_json_key (json, "value");
  _lf_cli_json_number (json, sweep->value[k]);
  _lf_cli_json_key (json, "entered");
  _lf_cli_json_begin_array (json);
  for (guint i = 0; i < sweep->n_markets && !isnan (sweep->value[k]); i++)
    {
      if (entered[i])
        _lf_cli_json_string (json, sweep->market_names[i]);
    }
  _lf_cli_json_end_array (json);
  _lf_cli_json_key (json, "change");
  _lf_cli_json_string (json, sweep->change[k]);
  _lf_cli_json_end_object (json);
}

static char *
sweep_to_json (const LfSweepResult *sweep,
               const LfProblem     *problem)
{
  g_autoptr(LfCliJson) json = _lf_cli_json_new ();

  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "scenario");
  _lf_cli_json_string (json, problem->name);
  _lf_cli_json_key (json, "currency");
  _lf_cli_json_string (json, problem->currency);
  _lf_cli_json_key (json, "current_budget");
  _lf_cli_json_number (json, sweep->current_budget);
  _lf_cli_json_key (json, "points");
  _lf_cli_json_begin_array (json);
  for (guint k = 0; k < sweep->n_points; k++)
    json_sweep_point (json, sweep, k);
  _lf_cli_json_end_array (json);
  _lf_cli_json_end_object (json);

  return _lf_cli_json_finish (g_steal_pointer (&json));
}

/* A sweep sets the budget itself, so a market table or a scenario without
 * a budget is swept all the same; the scenario's own budget, when it has
 * one, is marked. */
static LfProblem *
load_sweep_problem (const char  *file,
                    double       to,
                    LfCliInput **out_input)
{
  g_autoptr(LfCliInput) input = _lf_cli_load (file, NAN);
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  double budget;

  if (input == NULL)
    return NULL;

  problem = lf_problem_new_from_scenario (input->scenario);
  budget = problem->budget;
  if (isnan (budget))
    problem->budget = to;
  if (!lf_problem_check (problem, &error))
    {
      _lf_cli_error (input->display_name, "%s", error->message);
      return NULL;
    }
  problem->budget = budget;
  *out_input = g_steal_pointer (&input);

  return g_steal_pointer (&problem);
}

static int
sweep_file (const char *file,
            double      from,
            double      to,
            guint       steps,
            gboolean    as_json)
{
  g_autoptr(LfCliProgress) progress = _lf_cli_progress_new ();
  g_autoptr(LfCliInput) input = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfSweepResult) sweep = NULL;
  g_autoptr(GError) error = NULL;

  problem = load_sweep_problem (file, to, &input);
  if (problem == NULL)
    return LF_CLI_EXIT_BAD_INPUT;

  _lf_cli_progress_begin (progress, _("Budget sweep"));
  sweep = lf_analysis_sweep (problem, from, to, steps, NULL, _lf_cli_progress_cb, progress, &error);
  g_clear_pointer (&progress, _lf_cli_progress_free);
  if (sweep == NULL)
    return _lf_cli_analysis_failed (input, error);

  return write_result (as_json ? sweep_to_json (sweep, problem) : sweep_to_text (sweep, problem), as_json);
}

#define MAX_STEPS 100000

static gboolean
check_sweep_range (double from,
                   double to)
{
  if (to > from)
    return TRUE;

  _lf_cli_error (g_get_prgname (), _("--to must be greater than --from"));

  return FALSE;
}

int
_lf_cli_sweep (int    argc,
               char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *steps_text = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The smallest budget B0"), N_("B0") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The largest budget B1"), N_("B1") },
    { "steps", 0, 0, G_OPTION_ARG_STRING, &steps_text,
      N_("Solve at K budgets evenly spread from B0 to B1"), N_("K") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print one JSON document instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  double from = 0, to = 0;
  guint64 steps = 0;
  const char *file;

  context = _lf_cli_option_context_new (_("FILE"),
                                        _("Solve a scenario at every budget of a range and print the "
                                          "best value at each, with the markets that come in or go out "
                                          "(the efficient frontier)."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) ||
      !_lf_cli_take_file (argc, argv, &file) ||
      !_lf_cli_require ("--from B0", from_text) ||
      !_lf_cli_require ("--to B1", to_text) ||
      !_lf_cli_require ("--steps K", steps_text) ||
      !_lf_cli_parse_number ("--from", from_text, 0, FALSE, &from) ||
      !_lf_cli_parse_number ("--to", to_text, 0, FALSE, &to) ||
      !_lf_cli_parse_count ("--steps", steps_text, 1, MAX_STEPS, &steps) ||
      !check_sweep_range (from, to))
    return LF_CLI_EXIT_BAD_INPUT;

  return sweep_file (file, from, to, (guint) steps, as_json);
}

/* tornado */

/* How far a bar reaches: an infeasible end counts as no move, as the
 * tornado's own order does. */
static double
tornado_swing (const LfTornadoItem *item,
               double               base)
{
  double low = isnan (item->low_value) ? base : item->low_value;
  double high = isnan (item->high_value) ? base : item->high_value;

  return fabs (high - low);
}

static char **
tornado_header (const LfTornadoResult *tornado)
{
  g_autofree char *low = lf_analysis_multiplier_text (tornado->low_multiplier);
  g_autofree char *high = lf_analysis_multiplier_text (tornado->high_multiplier);
  char **row = g_new0 (char *, 5);

  row[0] = g_strdup (_("Parameter"));
  /* Translators: a column of the tornado: the objective with every other
   * parameter as it is and this one scaled, e.g. "At ×0.8" */
  row[1] = g_strdup_printf (_("At %s"), low);
  row[2] = g_strdup_printf (_("At %s"), high);
  row[3] = g_strdup (_("Swing"));

  return row;
}

static char **
tornado_row (const LfTornadoResult *tornado,
             const LfTornadoItem   *item,
             const LfProblem       *problem)
{
  char **row = g_new0 (char *, 5);
  double swing = tornado_swing (item, tornado->base_value);

  row[0] = g_strdup (item->label);
  row[1] = objective_text (problem, item->low_value);
  row[2] = objective_text (problem, item->high_value);
  row[3] = isnan (swing) ? g_strdup ("–") : objective_text (problem, swing);

  return row;
}

static char *
tornado_to_text (const LfTornadoResult *tornado,
                 const LfProblem       *problem)
{
  g_autoptr(GPtrArray) lines = rows_new ();
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autofree char *low = lf_analysis_multiplier_text (tornado->low_multiplier);
  g_autofree char *high = lf_analysis_multiplier_text (tornado->high_multiplier);
  GString *out = g_string_new (NULL);

  add_line (lines, _("Scenario"), g_strdup (problem->name));
  add_line (lines, problem->objective == LF_OBJECTIVE_MIN_COST ? _("Base cost") : _("Base value"),
            objective_text (problem, tornado->base_value));
  add_line (lines, _("Parameters"),
            /* Translators: e.g. "31, each scaled alone by ×0.8 and ×1.2" */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u, scaled alone by %s and %s",
                                          "%u, each scaled alone by %s and %s", tornado->n_items),
                             tornado->n_items, low, high));
  render_headline (out, lines);

  g_ptr_array_add (rows, tornado_header (tornado));
  for (guint k = 0; k < tornado->n_items; k++)
    g_ptr_array_add (rows, tornado_row (tornado, &tornado->items[k], problem));
  g_string_append_c (out, '\n');
  render_rows (out, rows, 4, 0xe, TRUE);

  return g_string_free (out, FALSE);
}

/* The parameter of a bar by its file key: "promote", or the row it moves
 * for a scenario-wide bar: "budget", "target", "risk", "headcount". */
static const char *
tornado_parameter_key (const LfTornadoItem *item)
{
  if (item->market >= 0)
    return lf_param_info ((LfParam) item->param)->key;

  return lf_row_kind_to_string ((LfRowKind) (-1 - item->param));
}

static void
json_tornado_bar (LfCliJson             *json,
                  const LfTornadoResult *tornado,
                  const LfTornadoItem   *item,
                  const LfProblem       *problem)
{
  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "market");
  _lf_cli_json_string (json, item->market >= 0 ? problem->markets[item->market].name : NULL);
  _lf_cli_json_key (json, "parameter");
  _lf_cli_json_string (json, tornado_parameter_key (item));
  _lf_cli_json_key (json, "low_value");
  _lf_cli_json_number (json, item->low_value);
  _lf_cli_json_key (json, "high_value");
  _lf_cli_json_number (json, item->high_value);
  _lf_cli_json_key (json, "swing");
  _lf_cli_json_number (json, tornado_swing (item, tornado->base_value));
  _lf_cli_json_end_object (json);
}

static char *
tornado_to_json (const LfTornadoResult *tornado,
                 const LfProblem       *problem)
{
  g_autoptr(LfCliJson) json = _lf_cli_json_new ();

  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "scenario");
  _lf_cli_json_string (json, problem->name);
  _lf_cli_json_key (json, "objective");
  _lf_cli_json_string (json, lf_objective_to_string (problem->objective));
  _lf_cli_json_key (json, "base_value");
  _lf_cli_json_number (json, tornado->base_value);
  _lf_cli_json_key (json, "low_multiplier");
  _lf_cli_json_number (json, tornado->low_multiplier);
  _lf_cli_json_key (json, "high_multiplier");
  _lf_cli_json_number (json, tornado->high_multiplier);
  _lf_cli_json_key (json, "bars");
  _lf_cli_json_begin_array (json);
  for (guint k = 0; k < tornado->n_items; k++)
    json_tornado_bar (json, tornado, &tornado->items[k], problem);
  _lf_cli_json_end_array (json);
  _lf_cli_json_end_object (json);

  return _lf_cli_json_finish (g_steal_pointer (&json));
}

static int
tornado_file (const char *file,
              double      budget,
              double      low,
              double      high,
              guint       threads,
              gboolean    as_json)
{
  g_autoptr(LfCliProgress) progress = _lf_cli_progress_new ();
  g_autoptr(LfCliInput) input = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfTornadoResult) tornado = NULL;
  g_autoptr(GError) error = NULL;

  problem = _lf_cli_load_problem (file, budget, &input);
  if (problem == NULL)
    return LF_CLI_EXIT_BAD_INPUT;

  _lf_cli_progress_begin (progress, _("Tornado"));
  tornado = lf_analysis_tornado (problem, low, high, threads, NULL, _lf_cli_progress_cb, progress, &error);
  g_clear_pointer (&progress, _lf_cli_progress_free);
  if (tornado == NULL)
    return _lf_cli_analysis_failed (input, error);

  return write_result (as_json ? tornado_to_json (tornado, problem) : tornado_to_text (tornado, problem), as_json);
}

/* Beyond this a scaled budget or cost means nothing any more. */
#define MAX_HIGH_MULTIPLIER 100.0

static gboolean
check_multipliers (const char *low_text,
                   double      low,
                   const char *high_text,
                   double      high)
{
  if (low > 1)
    {
      _lf_cli_error (g_get_prgname (), _("%s: must be at most %s, not %s"), "--low", "1", low_text);
      return FALSE;
    }
  if (high > MAX_HIGH_MULTIPLIER)
    {
      _lf_cli_error (g_get_prgname (), _("%s: must be at most %s, not %s"), "--high", "100", high_text);
      return FALSE;
    }

  return TRUE;
}

int
_lf_cli_tornado (int    argc,
                 char **argv)
{
  g_autofree char *budget_text = NULL;
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;
  g_autofree char *threads_text = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "low", 0, 0, G_OPTION_ARG_STRING, &low_text,
      N_("Scale each parameter down by L, from 0 to 1 (default 0.8)"), N_("L") },
    { "high", 0, 0, G_OPTION_ARG_STRING, &high_text,
      N_("Scale each parameter up by H, 1 or more (default 1.2)"), N_("H") },
    { "threads", 0, 0, G_OPTION_ARG_STRING, &threads_text,
      N_("Solve on T threads (default: one per core)"), N_("T") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget_text,
      N_("Budget B: required for a market table, overrides a scenario’s"), N_("B") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print one JSON document instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  double budget = NAN, low = 0.8, high = 1.2;
  guint threads = 0;
  const char *file;

  context = _lf_cli_option_context_new (_("FILE"),
                                        _("Scale each parameter of a scenario, one at a time, down and up, "
                                          "re-solve, and print how far the best value moves, the largest "
                                          "swing first."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) ||
      !_lf_cli_take_file (argc, argv, &file) ||
      !_lf_cli_parse_number ("--low", low_text, 0, FALSE, &low) ||
      !_lf_cli_parse_number ("--high", high_text, 1, FALSE, &high) ||
      !check_multipliers (low_text, low, high_text, high) ||
      !parse_threads (threads_text, &threads) ||
      !_lf_cli_parse_number ("--budget", budget_text, 0, FALSE, &budget))
    return LF_CLI_EXIT_BAD_INPUT;

  return tornado_file (file, budget, low, high, threads, as_json);
}

/* montecarlo */

static char *
samples_text (const LfMonteCarloResult *mc)
{
  g_autofree char *drawn = lf_format_grouped (mc->n_drawn, 0);
  g_autofree char *infeasible = lf_format_grouped (mc->n_infeasible, 0);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, mc->seed);

  /* Translators: e.g. "2 000 drawn with seed 42, 3 of them infeasible" */
  return g_strdup_printf (_("%s drawn with seed %s, %s of them infeasible"), drawn, seed, infeasible);
}

static char *
percentiles_text (const LfMonteCarloResult *mc,
                  const LfProblem          *problem)
{
  g_autofree char *p5 = objective_text (problem, mc->p5);
  g_autofree char *p50 = objective_text (problem, mc->p50);
  g_autofree char *p95 = objective_text (problem, mc->p95);

  if (mc->n_samples == 0)
    return g_strdup (_("no draw has a plan that meets every limit"));

  return g_strdup_printf ("%s · %s · %s", p5, p50, p95);
}

static char *
overrun_text (const LfMonteCarloResult *mc,
              const LfProblem          *problem)
{
  g_autofree char *share = NULL;

  if (isnan (problem->budget))
    return g_strdup (_("no budget to overrun"));
  if (isnan (mc->overrun_probability))
    return g_strdup (_("no plan of the stated values to cost"));

  share = lf_format_percent (mc->overrun_probability, 1);
  /* Translators: e.g. "12.5% of the draws make the nominal plan cost more than the budget" */
  return g_strdup_printf (_("%s of the draws make the nominal plan cost more than the budget"), share);
}

static void
montecarlo_headline (GString                  *out,
                     const LfMonteCarloResult *mc,
                     const LfProblem          *problem)
{
  g_autoptr(GPtrArray) lines = rows_new ();
  gboolean cost = problem->objective == LF_OBJECTIVE_MIN_COST;

  add_line (lines, _("Scenario"), g_strdup (problem->name));
  add_line (lines, _("Samples"), samples_text (mc));
  add_line (lines, cost ? _("Cost P5 · P50 · P95") : _("Value P5 · P50 · P95"), percentiles_text (mc, problem));
  add_line (lines, cost ? _("Mean cost") : _("Mean value"),
            mc->n_samples > 0 ? objective_text (problem, mc->mean) : g_strdup ("–"));
  add_line (lines, cost ? _("Nominal cost") : _("Nominal value"), objective_text (problem, mc->nominal_value));
  add_line (lines, _("Budget overrun"), overrun_text (mc, problem));
  render_headline (out, lines);
}

static char *
montecarlo_to_text (const LfMonteCarloResult *mc,
                    const LfProblem          *problem)
{
  g_autoptr(GPtrArray) rows = rows_new ();
  GString *out = g_string_new (NULL);
  char **header = g_new0 (char *, 3);

  montecarlo_headline (out, mc, problem);

  header[0] = g_strdup (_("Market"));
  /* Translators: a column: the share of feasible draws whose best plan enters the market */
  header[1] = g_strdup (_("Entered in"));
  g_ptr_array_add (rows, header);
  for (guint i = 0; i < mc->n_markets; i++)
    {
      char **row = g_new0 (char *, 3);

      row[0] = g_strdup (mc->market_names[i]);
      row[1] = mc->n_samples > 0 ? lf_format_percent (mc->entry_frequency[i], 1) : g_strdup ("–");
      g_ptr_array_add (rows, row);
    }
  g_string_append_c (out, '\n');
  render_rows (out, rows, 2, 0x2, TRUE);

  return g_string_free (out, FALSE);
}

static void
json_montecarlo_figures (LfCliJson                *json,
                         const LfMonteCarloResult *mc)
{
  gboolean any = mc->n_samples > 0;

  _lf_cli_json_key (json, "p5");
  _lf_cli_json_number (json, any ? mc->p5 : NAN);
  _lf_cli_json_key (json, "p50");
  _lf_cli_json_number (json, any ? mc->p50 : NAN);
  _lf_cli_json_key (json, "p95");
  _lf_cli_json_number (json, any ? mc->p95 : NAN);
  _lf_cli_json_key (json, "mean");
  _lf_cli_json_number (json, any ? mc->mean : NAN);
  _lf_cli_json_key (json, "nominal_value");
  _lf_cli_json_number (json, mc->nominal_value);
  _lf_cli_json_key (json, "overrun_probability");
  _lf_cli_json_number (json, mc->overrun_probability);
}

static char *
montecarlo_to_json (const LfMonteCarloResult *mc,
                    const LfProblem          *problem)
{
  g_autoptr(LfCliJson) json = _lf_cli_json_new ();

  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "scenario");
  _lf_cli_json_string (json, problem->name);
  _lf_cli_json_key (json, "objective");
  _lf_cli_json_string (json, lf_objective_to_string (problem->objective));
  _lf_cli_json_key (json, "seed");
  _lf_cli_json_int (json, (gint64) mc->seed);
  _lf_cli_json_key (json, "samples");
  _lf_cli_json_int (json, mc->n_drawn);
  _lf_cli_json_key (json, "infeasible_samples");
  _lf_cli_json_int (json, mc->n_infeasible);
  json_montecarlo_figures (json, mc);
  _lf_cli_json_key (json, "entry_frequency");
  _lf_cli_json_begin_object (json);
  for (guint i = 0; i < mc->n_markets; i++)
    {
      _lf_cli_json_key (json, mc->market_names[i]);
      _lf_cli_json_number (json, mc->n_samples > 0 ? mc->entry_frequency[i] : NAN);
    }
  _lf_cli_json_end_object (json);
  _lf_cli_json_end_object (json);

  return _lf_cli_json_finish (g_steal_pointer (&json));
}

static int
montecarlo_file (const char *file,
                 double      budget,
                 guint       samples,
                 guint64     seed,
                 guint       threads,
                 gboolean    as_json)
{
  g_autoptr(LfCliProgress) progress = _lf_cli_progress_new ();
  g_autoptr(LfCliInput) input = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfMonteCarloResult) mc = NULL;
  g_autoptr(GError) error = NULL;

  problem = _lf_cli_load_problem (file, budget, &input);
  if (problem == NULL)
    return LF_CLI_EXIT_BAD_INPUT;

  _lf_cli_progress_begin (progress, _("Monte Carlo"));
  mc = lf_analysis_monte_carlo (problem, samples, seed, threads, NULL, _lf_cli_progress_cb, progress, &error);
  g_clear_pointer (&progress, _lf_cli_progress_free);
  if (mc == NULL)
    return _lf_cli_analysis_failed (input, error);

  return write_result (as_json ? montecarlo_to_json (mc, problem) : montecarlo_to_text (mc, problem), as_json);
}

gboolean
_lf_cli_parse_samples (const char *samples_text,
                       const char *seed_text,
                       guint      *out_samples,
                       guint64    *out_seed)
{
  guint64 samples = *out_samples;

  if (!_lf_cli_parse_count ("--samples", samples_text, 1, LF_CLI_MAX_SAMPLES, &samples) ||
      !_lf_cli_parse_count ("--seed", seed_text, 0, LF_CLI_MAX_SEED, out_seed))
    return FALSE;
  *out_samples = (guint) samples;

  return TRUE;
}

int
_lf_cli_montecarlo (int    argc,
                    char **argv)
{
  g_autofree char *budget_text = NULL;
  g_autofree char *samples_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *threads_text = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "samples", 0, 0, G_OPTION_ARG_STRING, &samples_text,
      N_("Draw N samples of the uncertain parameters"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed S of the random draws: the same seed gives the same answer"), N_("S") },
    { "threads", 0, 0, G_OPTION_ARG_STRING, &threads_text,
      N_("Solve on T threads (default: one per core); the answer does not change"), N_("T") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget_text,
      N_("Budget B: required for a market table, overrides a scenario’s"), N_("B") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print one JSON document instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  double budget = NAN;
  guint samples = 0, threads = 0;
  guint64 seed = 0;
  const char *file;

  context = _lf_cli_option_context_new (_("FILE"),
                                        _("Draw the parameters that have an uncertainty range, re-solve "
                                          "each draw, and print the spread of the best value, how often "
                                          "each market is entered and how often the plan of the stated "
                                          "values would overrun the budget."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) ||
      !_lf_cli_take_file (argc, argv, &file) ||
      !_lf_cli_require ("--samples N", samples_text) ||
      !_lf_cli_require ("--seed S", seed_text) ||
      !_lf_cli_parse_samples (samples_text, seed_text, &samples, &seed) ||
      !parse_threads (threads_text, &threads) ||
      !_lf_cli_parse_number ("--budget", budget_text, 0, FALSE, &budget))
    return LF_CLI_EXIT_BAD_INPUT;

  return montecarlo_file (file, budget, samples, seed, threads, as_json);
}

/* thresholds */

/* "India: Enters when its value weight rises ×1.37; …", in the words of
 * the window's Thresholds section. */
static char *
threshold_text (const LfThresholdResult *result,
                const LfProblem         *problem,
                guint                    i)
{
  g_autofree char *text = lf_analysis_threshold_text (result, problem, i);

  /* Translators: a market, then what would make it change sides */
  return g_strdup_printf (_("%s: %s"), result->market_names[i], text);
}

static char *
thresholds_to_text (const LfThresholdResult *result,
                    const LfProblem         *problem,
                    const LfPlan            *plan)
{
  GString *out = g_string_new (NULL);

  if (!plan->has_solution)
    {
      g_string_append_printf (out, "%s\n", _("No plan meets every limit, so no market has a side to change; "
                                             "“landfall-cli solve” says what to relax."));
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < result->n_markets; i++)
    {
      g_autofree char *line = threshold_text (result, problem, i);

      g_string_append_printf (out, "%s\n", line);
    }

  return g_string_free (out, FALSE);
}

static void
json_threshold (LfCliJson               *json,
                const LfThresholdResult *result,
                const LfProblem         *problem,
                guint                    i)
{
  const LfThreshold *t = &result->thresholds[i];

  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "name");
  _lf_cli_json_string (json, result->market_names[i]);
  _lf_cli_json_key (json, "entered");
  _lf_cli_json_boolean (json, t->entered);
  _lf_cli_json_key (json, "lock");
  _lf_cli_json_string (json, lf_lock_to_string (problem->markets[i].v.lock));
  _lf_cli_json_key (json, "alpha_factor");
  _lf_cli_json_number (json, t->alpha_factor);
  _lf_cli_json_key (json, "promote_factor");
  _lf_cli_json_number (json, t->promote_factor);
  _lf_cli_json_end_object (json);
}

static char *
thresholds_to_json (const LfThresholdResult *result,
                    const LfProblem         *problem,
                    const LfPlan            *plan)
{
  g_autoptr(LfCliJson) json = _lf_cli_json_new ();

  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "scenario");
  _lf_cli_json_string (json, problem->name);
  _lf_cli_json_key (json, "status");
  _lf_cli_json_string (json, lf_plan_status_to_string (plan->status));
  _lf_cli_json_key (json, "markets");
  _lf_cli_json_begin_array (json);
  for (guint i = 0; i < result->n_markets && plan->has_solution; i++)
    json_threshold (json, result, problem, i);
  _lf_cli_json_end_array (json);
  _lf_cli_json_end_object (json);

  return _lf_cli_json_finish (g_steal_pointer (&json));
}

static int
thresholds_file (const char *file,
                 double      budget,
                 gboolean    as_json)
{
  LfSolveOptions options = LF_SOLVE_OPTIONS_INIT;
  g_autoptr(LfCliInput) input = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(LfThresholdResult) result = NULL;
  g_autoptr(GError) error = NULL;

  problem = _lf_cli_load_problem (file, budget, &input);
  if (problem == NULL)
    return LF_CLI_EXIT_BAD_INPUT;

  /* Whether there is a plan to move from, said plainly when there is not. */
  options.skip_shadow_price = TRUE;
  options.skip_diagnosis = TRUE;
  plan = lf_solver_solve (problem, &options, NULL, &error);
  if (plan != NULL)
    result = lf_analysis_thresholds (problem, NULL, NULL, NULL, &error);
  if (result == NULL)
    return _lf_cli_analysis_failed (input, error);

  return write_result (as_json ? thresholds_to_json (result, problem, plan)
                               : thresholds_to_text (result, problem, plan), as_json);
}

int
_lf_cli_thresholds (int    argc,
                    char **argv)
{
  g_autofree char *budget_text = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget_text,
      N_("Budget B: required for a market table, overrides a scenario’s"), N_("B") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print one JSON document instead of sentences"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  double budget = NAN;
  const char *file;

  context = _lf_cli_option_context_new (_("FILE"),
                                        _("What would it take for a market to make the cut: for each "
                                          "market, how far its value weight or its promotion cost must "
                                          "move before it enters the best plan (or leaves it)."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) ||
      !_lf_cli_take_file (argc, argv, &file) ||
      !_lf_cli_parse_number ("--budget", budget_text, 0, FALSE, &budget))
    return LF_CLI_EXIT_BAD_INPUT;

  return thresholds_file (file, budget, as_json);
}
