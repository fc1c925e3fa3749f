/* lf-cli-chart.c: chart and report (cli.md)
 *
 * Solves the scenario, runs what the chart needs (a sweep for the
 * frontier, Monte Carlo, the tornado), and writes it through app/charts'
 * exports, which replace the file only once it is whole.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "lf-analysis.h"
#include "lf-board-pack.h"
#include "lf-cli-private.h"
#include "lf-export.h"

/* What the analyses behind a chart run with: as in the board pack. */
#define DEFAULT_SAMPLES LF_BOARD_PACK_SAMPLES
#define DEFAULT_SEED LF_BOARD_PACK_SEED

#define MIN_SIZE 16
#define MAX_SIZE 16384

/* The plan and the analyses the charts draw from. */
typedef struct
{
  LfCliInput         *input;
  LfProblem          *problem;
  LfPlan             *plan;
  LfSweepResult      *sweep;
  LfTornadoResult    *tornado;
  LfMonteCarloResult *montecarlo;
  guint               compare[LF_CHART_COMPARE_MAX];
  guint               n_compare;
} Charts;

static void
charts_clear (Charts *self)
{
  g_clear_pointer (&self->input, _lf_cli_input_free);
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_pointer (&self->plan, lf_plan_unref);
  g_clear_pointer (&self->sweep, lf_sweep_result_free);
  g_clear_pointer (&self->tornado, lf_tornado_result_free);
  g_clear_pointer (&self->montecarlo, lf_monte_carlo_result_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Charts, charts_clear)

static int
charts_load (Charts     *self,
             const char *file,
             double      budget)
{
  g_autoptr(GError) error = NULL;

  self->problem = _lf_cli_load_problem (file, budget, &self->input);
  if (self->problem == NULL)
    return LF_CLI_EXIT_BAD_INPUT;

  self->plan = lf_solver_solve (self->problem, NULL, NULL, &error);
  if (self->plan == NULL)
    return _lf_cli_analysis_failed (self->input, error);
  if (self->plan->status == LF_PLAN_ERROR)
    {
      _lf_cli_error (self->input->display_name, _("the solver failed: %s"),
                     self->plan->error_message ? self->plan->error_message : "");
      return LF_CLI_EXIT_FAILED;
    }
  self->n_compare = lf_chart_default_compare (self->problem, self->plan, self->compare);

  return LF_CLI_EXIT_OK;
}

static int
charts_sweep (Charts *self)
{
  g_autoptr(LfCliProgress) progress = _lf_cli_progress_new ();
  g_autoptr(GError) error = NULL;
  double top = lf_board_pack_frontier_top (self->problem, self->plan);

  /* Nothing to sweep over: the frontier says so in its empty state. */
  if (isnan (top))
    return LF_CLI_EXIT_OK;

  _lf_cli_progress_begin (progress, _("Budget sweep"));
  self->sweep = lf_analysis_sweep (self->problem, 0, top, LF_BOARD_PACK_FRONTIER_POINTS, NULL,
                                   _lf_cli_progress_cb, progress, &error);
  g_clear_pointer (&progress, _lf_cli_progress_free);
  if (self->sweep == NULL)
    return _lf_cli_analysis_failed (self->input, error);

  return LF_CLI_EXIT_OK;
}

static int
charts_tornado (Charts *self)
{
  g_autoptr(LfCliProgress) progress = _lf_cli_progress_new ();
  g_autoptr(GError) error = NULL;

  _lf_cli_progress_begin (progress, _("Tornado"));
  self->tornado = lf_analysis_tornado (self->problem, LF_BOARD_PACK_TORNADO_LOW, LF_BOARD_PACK_TORNADO_HIGH, 0, NULL,
                                       _lf_cli_progress_cb, progress, &error);
  g_clear_pointer (&progress, _lf_cli_progress_free);
  if (self->tornado == NULL)
    return _lf_cli_analysis_failed (self->input, error);

  return LF_CLI_EXIT_OK;
}

static int
charts_montecarlo (Charts  *self,
                   guint    samples,
                   guint64  seed)
{
  g_autoptr(LfCliProgress) progress = _lf_cli_progress_new ();
  g_autoptr(GError) error = NULL;

  _lf_cli_progress_begin (progress, _("Monte Carlo"));
  self->montecarlo = lf_analysis_monte_carlo (self->problem, samples, seed, 0, NULL,
                                              _lf_cli_progress_cb, progress, &error);
  g_clear_pointer (&progress, _lf_cli_progress_free);
  if (self->montecarlo == NULL)
    return _lf_cli_analysis_failed (self->input, error);

  return LF_CLI_EXIT_OK;
}

static LfChartInput
charts_input (const Charts *self)
{
  return (LfChartInput) {
    self->problem, self->plan, self->sweep, self->montecarlo, self->tornado,
    self->compare, self->n_compare,
  };
}

/* Before the analyses run: a folder that is not there is known now, not
 * after a minute of Monte Carlo. Writing is exit 1 (cli.md). */
static gboolean
check_out (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir_display = g_filename_display_name (dir);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    _lf_cli_error (display, _("cannot write: it is a folder"));
  else if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    _lf_cli_error (display, _("cannot write: there is no folder %s"), dir_display);
  else if (g_access (dir, W_OK) != 0)
    _lf_cli_error (display, _("cannot write: %s"), g_strerror (errno));
  else
    return TRUE;

  return FALSE;
}

static int
export_failed (const char   *path,
               const GError *error)
{
  g_autofree char *display = g_filename_display_name (path);

  _lf_cli_error (display, "%s", error->message);

  return g_error_matches (error, LF_EXPORT_ERROR, LF_EXPORT_ERROR_INVALID)
         ? LF_CLI_EXIT_BAD_INPUT : LF_CLI_EXIT_FAILED;
}

/* chart */

typedef struct
{
  LfChartKind     kind;
  LfExportFormat  format;
  const char     *out;
  int             width;     /* 0: the default */
  int             height;
  guint           samples;
  guint64         seed;
} ChartRequest;

static int
chart_analysis (Charts             *charts,
                const ChartRequest *request)
{
  switch (request->kind)
    {
    case LF_CHART_FRONTIER:
      return charts_sweep (charts);
    case LF_CHART_MONTECARLO:
      return charts_montecarlo (charts, request->samples, request->seed);
    case LF_CHART_TORNADO:
      return charts_tornado (charts);
    case LF_CHART_ALLOCATION:
    case LF_CHART_COSTS:
    case LF_CHART_COMPARE:
    case LF_CHART_RISK:
    case LF_N_CHART_KINDS:
    default:
      return LF_CLI_EXIT_OK;
    }
}

static int
chart_file (const char         *file,
            double              budget,
            const ChartRequest *request)
{
  g_auto(Charts) charts = { 0 };
  g_autoptr(GError) error = NULL;
  LfChartInput input;
  int status;

  status = charts_load (&charts, file, budget);
  if (status == LF_CLI_EXIT_OK && !check_out (request->out))
    status = LF_CLI_EXIT_FAILED;
  if (status == LF_CLI_EXIT_OK)
    status = chart_analysis (&charts, request);
  if (status != LF_CLI_EXIT_OK)
    return status;

  input = charts_input (&charts);
  if (!lf_export_chart (request->kind, &input, request->format, request->out,
                        request->width, request->height, &error))
    return export_failed (request->out, error);

  return LF_CLI_EXIT_OK;
}

static gboolean
parse_kind (const char  *text,
            LfChartKind *out_kind)
{
  g_autoptr(GString) kinds = g_string_new (NULL);

  if (lf_chart_kind_from_string (text, out_kind))
    return TRUE;

  for (guint k = 0; k < LF_N_CHART_KINDS; k++)
    g_string_append_printf (kinds, "%s%s", k > 0 ? ", " : "", lf_chart_kind_to_string (k));
  /* Translators: e.g. "--kind: “pie” is not a chart kind; one of allocation, costs, ..." */
  _lf_cli_error (g_get_prgname (), _("%s: “%s” is not a chart kind; one of %s"), "--kind", text, kinds->str);

  return FALSE;
}

/* --format, or else what the name of --out ends with. */
static gboolean
parse_format (const char     *text,
              const char     *out,
              LfExportFormat *out_format)
{
  const char *dot = strrchr (out, '.');

  if (text == NULL && dot != NULL && lf_export_format_from_string (dot + 1, out_format))
    return TRUE;
  if (text == NULL)
    {
      _lf_cli_error (g_get_prgname (), _("give --format png, svg or pdf"));
      return FALSE;
    }
  if (lf_export_format_from_string (text, out_format))
    return TRUE;

  _lf_cli_error (g_get_prgname (), _("%s: “%s” is not one of %s"), "--format", text, "png, svg, pdf");

  return FALSE;
}

/* Pixels for PNG, points for SVG and PDF; a side not given follows the
 * other at 16:9, both not given are the export's defaults. */
static gboolean
parse_size (const char *width_text,
            const char *height_text,
            int        *out_width,
            int        *out_height)
{
  guint64 width = 0, height = 0;

  if (!_lf_cli_parse_count ("--width", width_text, MIN_SIZE, MAX_SIZE, &width) ||
      !_lf_cli_parse_count ("--height", height_text, MIN_SIZE, MAX_SIZE, &height))
    return FALSE;

  if (width > 0 && height == 0)
    height = CLAMP (width * 9 / 16, MIN_SIZE, MAX_SIZE);
  else if (height > 0 && width == 0)
    width = CLAMP (height * 16 / 9, MIN_SIZE, MAX_SIZE);
  *out_width = (int) width;
  *out_height = (int) height;

  return TRUE;
}

int
_lf_cli_chart (int    argc,
               char **argv)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *width_text = NULL;
  g_autofree char *height_text = NULL;
  g_autofree char *samples_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *budget_text = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("The chart: allocation, costs, frontier, compare, risk, montecarlo or tornado"), N_("KIND") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("png, svg or pdf (default: what the name of PATH ends with)"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the chart to PATH"), N_("PATH") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_text,
      N_("Width in pixels (PNG, default 1920) or points (SVG, PDF, default 720)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_text,
      N_("Height in pixels (PNG, default 1080) or points (SVG, PDF, default 405)"), N_("H") },
    { "samples", 0, 0, G_OPTION_ARG_STRING, &samples_text,
      N_("Monte Carlo: draw N samples (default 2000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Monte Carlo: seed S of the draws (default 1)"), N_("S") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget_text,
      N_("Budget B: required for a market table, overrides a scenario’s"), N_("B") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  ChartRequest request = { 0 };
  double budget = NAN;
  const char *file;

  context = _lf_cli_option_context_new (_("FILE"),
                                        _("Solve a scenario and draw one chart of it as PNG, SVG or PDF. "
                                          "The frontier runs a budget sweep up to twice the budget, "
                                          "montecarlo a Monte Carlo run and tornado the tornado first."),
                                        entries);
  request.samples = DEFAULT_SAMPLES;
  request.seed = DEFAULT_SEED;
  if (!_lf_cli_parse_options (context, &argc, &argv) ||
      !_lf_cli_take_file (argc, argv, &file) ||
      !_lf_cli_require ("--kind KIND", kind_text) ||
      !_lf_cli_require ("--out PATH", out) ||
      !parse_kind (kind_text, &request.kind) ||
      !parse_format (format_text, out, &request.format) ||
      !parse_size (width_text, height_text, &request.width, &request.height) ||
      !_lf_cli_parse_samples (samples_text, seed_text, &request.samples, &request.seed) ||
      !_lf_cli_parse_number ("--budget", budget_text, 0, FALSE, &budget))
    return LF_CLI_EXIT_BAD_INPUT;
  request.out = out;

  return chart_file (file, budget, &request);
}

/* report */

static void
report_stage_cb (LfBoardPackStage stage,
                 gpointer         user_data)
{
  _lf_cli_progress_begin (user_data, lf_board_pack_stage_title (stage));
}

/* Every analysis the board pack has a page for. */
static int
report_analyses (Charts  *charts,
                 guint    samples,
                 guint64  seed)
{
  g_autoptr(LfCliProgress) progress = _lf_cli_progress_new ();
  g_autoptr(GError) error = NULL;
  LfBoardPackAnalyses analyses;

  if (!lf_board_pack_run_analyses (charts->problem, charts->plan, samples, seed, NULL,
                                   report_stage_cb, _lf_cli_progress_cb, progress,
                                   &analyses, &error))
    return _lf_cli_analysis_failed (charts->input, error);
  charts->sweep = analyses.sweep;
  charts->tornado = analyses.tornado;
  charts->montecarlo = analyses.montecarlo;

  return LF_CLI_EXIT_OK;
}

static gboolean
check_plan (const Charts *charts)
{
  if (charts->plan->has_solution)
    return TRUE;

  _lf_cli_error (charts->input->display_name,
                 _("no plan meets every limit, so there is nothing to report; "
                   "“landfall-cli solve” says what to relax"));

  return FALSE;
}

static int
report_file (const char *file,
             double      budget,
             const char *out,
             guint       samples,
             guint64     seed)
{
  g_auto(Charts) charts = { 0 };
  g_autoptr(GError) error = NULL;
  LfChartInput input;
  int status;

  status = charts_load (&charts, file, budget);
  if (status == LF_CLI_EXIT_OK && (!check_plan (&charts) || !check_out (out)))
    status = LF_CLI_EXIT_FAILED;
  if (status == LF_CLI_EXIT_OK)
    status = report_analyses (&charts, samples, seed);
  if (status != LF_CLI_EXIT_OK)
    return status;

  input = charts_input (&charts);
  if (!lf_export_board_pack (&input, out, &error))
    return export_failed (out, error);

  return LF_CLI_EXIT_OK;
}

int
_lf_cli_report (int    argc,
                char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *samples_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *budget_text = NULL;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the board pack to PATH (a PDF)"), N_("PATH") },
    { "samples", 0, 0, G_OPTION_ARG_STRING, &samples_text,
      N_("Monte Carlo: draw N samples (default 2000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Monte Carlo: seed S of the draws (default 1)"), N_("S") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget_text,
      N_("Budget B: required for a market table, overrides a scenario’s"), N_("B") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  guint samples = DEFAULT_SAMPLES;
  guint64 seed = DEFAULT_SEED;
  double budget = NAN;
  const char *file;

  context = _lf_cli_option_context_new (_("FILE"),
                                        _("Write the board pack of a scenario: one PDF with a title page of "
                                          "the headline figures, then every chart, with a budget sweep, "
                                          "the tornado and, when some parameter is uncertain, Monte Carlo."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) ||
      !_lf_cli_take_file (argc, argv, &file) ||
      !_lf_cli_require ("--out PATH", out) ||
      !_lf_cli_parse_samples (samples_text, seed_text, &samples, &seed) ||
      !_lf_cli_parse_number ("--budget", budget_text, 0, FALSE, &budget))
    return LF_CLI_EXIT_BAD_INPUT;

  return report_file (file, budget, out, samples, seed);
}
