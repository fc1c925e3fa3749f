/* lf-export.c: charts as PNG, SVG and PDF, and the board pack */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-private.h"
#include "lf-export.h"

G_DEFINE_QUARK (lf-export-error-quark, lf_export_error)

static const char *format_names[] = { "png", "svg", "pdf" };

gboolean
lf_export_format_from_string (const char     *str,
                              LfExportFormat *out_format)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (str, format_names[i]) == 0)
      {
        if (out_format)
          *out_format = i;
        return TRUE;
      }

  return FALSE;
}

const char *
lf_export_format_to_string (LfExportFormat format)
{
  g_return_val_if_fail (format <= LF_EXPORT_PDF, NULL);

  return format_names[format];
}

/* Cairo writes through this into a GFileOutputStream from g_file_replace,
 * so the target is swapped in only when everything was written. */
typedef struct
{
  GOutputStream *stream;
  GFile         *file;
  gboolean       existed;   /* else a failure must not leave half a file */
  GError        *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
sink_open (Sink        *sink,
           const char  *path,
           GError     **error)
{
  *sink = (Sink) { 0 };
  sink->file = g_file_new_for_path (path);
  /* GIO writes a file that is not there yet in place, not beside it. */
  sink->existed = g_file_query_exists (sink->file, NULL);
  sink->stream = G_OUTPUT_STREAM (g_file_replace (sink->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                                  NULL, error));
  if (sink->stream == NULL)
    g_clear_object (&sink->file);

  return sink->stream != NULL;
}

/* Closes the stream when all went well; otherwise cancels it, which
 * leaves the old file in place. */
static gboolean
sink_close (Sink             *sink,
            cairo_status_t    status,
            GError          **error)
{
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  gboolean ok = sink->error == NULL && status == CAIRO_STATUS_SUCCESS;

  if (!ok)
    g_cancellable_cancel (cancel);
  if (ok && !g_output_stream_close (sink->stream, NULL, error))
    ok = FALSE;
  else if (!ok)
    {
      g_output_stream_close (sink->stream, cancel, NULL);
      if (!sink->existed)
        g_file_delete (sink->file, NULL, NULL);
      if (sink->error != NULL)
        g_propagate_error (error, g_steal_pointer (&sink->error));
      else
        g_set_error (error, LF_EXPORT_ERROR, LF_EXPORT_ERROR_FAILED,
                     _("Could not draw the chart: %s"), cairo_status_to_string (status));
    }
  g_clear_error (&sink->error);
  g_clear_object (&sink->stream);
  g_clear_object (&sink->file);

  return ok;
}

static gboolean
check_size (int      width,
            int      height,
            GError **error)
{
  if (width < 16 || height < 16 || width > 16384 || height > 16384)
    {
      g_set_error (error, LF_EXPORT_ERROR, LF_EXPORT_ERROR_INVALID,
                   _("A chart must be between 16 and 16384 units wide and high, not %d × %d"), width, height);
      return FALSE;
    }

  return TRUE;
}

/* Pixels per layout unit: a 1920 × 1080 picture is laid out as 960 × 540
 * drawn twice as large, so text keeps its size relative to the chart. */
static double
auto_scale (int width,
            int height)
{
  return MAX (1.0, floor (MIN (width / 960.0, height / 540.0) * 4) / 4);
}

static gboolean
export_png (LfChartKind         kind,
            const LfChartInput *input,
            const char         *path,
            int                 width,
            int                 height,
            double              scale,
            const LfChartTheme *theme,
            GError            **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  Sink sink;

  cairo_scale (cr, scale, scale);
  lf_chart_draw (kind, cr, width / scale, height / scale, theme, input);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (!sink_open (&sink, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, sink_write, &sink);
  cairo_surface_destroy (surface);

  return sink_close (&sink, status, error);
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  const char      *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format_iso8601 (now);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Landfall");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

static gboolean
export_vector (LfChartKind         kind,
               const LfChartInput *input,
               LfExportFormat      format,
               const char         *path,
               int                 width,
               int                 height,
               const LfChartTheme *theme,
               GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink;

  if (!sink_open (&sink, path, error))
    return FALSE;

  if (format == LF_EXPORT_PDF)
    {
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, width, height);
      set_pdf_metadata (surface, lf_chart_kind_title (kind));
    }
  else
    {
      surface = cairo_svg_surface_create_for_stream (sink_write, &sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  cr = cairo_create (surface);
  lf_chart_draw (kind, cr, width, height, theme, input);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return sink_close (&sink, status, error);
}

/* width, height: pixels for PNG, points for SVG and PDF; 0 for the
 * default. scale: pixels per layout unit for PNG, 0 to choose. */
gboolean
lf_export_chart_full (LfChartKind         kind,
                      const LfChartInput *input,
                      LfExportFormat      format,
                      const char         *path,
                      int                 width,
                      int                 height,
                      double              scale,
                      LfChartThemeKind    theme,
                      GError            **error)
{
  g_return_val_if_fail (kind < LF_N_CHART_KINDS, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width <= 0)
    width = format == LF_EXPORT_PNG ? LF_EXPORT_PNG_WIDTH : (int) LF_EXPORT_PAGE_WIDTH;
  if (height <= 0)
    height = format == LF_EXPORT_PNG ? LF_EXPORT_PNG_HEIGHT : (int) LF_EXPORT_PAGE_HEIGHT;
  if (!check_size (width, height, error))
    return FALSE;

  switch (format)
    {
    case LF_EXPORT_PNG:
      if (!(scale > 0))
        scale = auto_scale (width, height);
      return export_png (kind, input, path, width, height, CLAMP (scale, 0.25, 8),
                         lf_chart_theme_get (theme), error);
    case LF_EXPORT_SVG:
    case LF_EXPORT_PDF:
      return export_vector (kind, input, format, path, width, height, lf_chart_theme_get (theme), error);
    default:
      g_set_error (error, LF_EXPORT_ERROR, LF_EXPORT_ERROR_INVALID, _("Unknown export format"));
      return FALSE;
    }
}

gboolean
lf_export_chart (LfChartKind         kind,
                 const LfChartInput *input,
                 LfExportFormat      format,
                 const char         *path,
                 int                 width,
                 int                 height,
                 GError            **error)
{
  return lf_export_chart_full (kind, input, format, path, width, height, 0, LF_CHART_THEME_PRINT, error);
}

/* One sentence under each chart of the board pack: what it shows. */
char *
lf_export_caption (LfChartKind         kind,
                   const LfChartInput *input)
{
  const LfPlan *plan = input->plan;

  switch (kind)
    {
    case LF_CHART_ALLOCATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Penetration and satisfaction each market reaches under the plan, against the most it can reach; %u of %u market is entered.",
                                           "Penetration and satisfaction each market reaches under the plan, against the most it can reach; %u of %u markets are entered.",
                                           plan ? plan->n_markets : 0),
                              plan ? plan->markets_entered : 0, plan ? plan->n_markets : 0);
    case LF_CHART_COSTS:
      {
        g_autofree char *cost = lf_chart_format_money (plan ? plan->cost : 0, plan ? plan->currency : "");
        return g_strdup_printf (_("What the plan spends in each entered market, split into promotion, technology transfer, cultural integration and legal compliance, %s in all."), cost);
      }
    case LF_CHART_FRONTIER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The best value each budget can buy, from a sweep of %u budget, with the current budget marked and the points where the markets entered change.",
                                           "The best value each budget can buy, from a sweep of %u budgets, with the current budget marked and the points where the markets entered change.",
                                           input->sweep ? input->sweep->n_points : 0),
                              input->sweep ? input->sweep->n_points : 0);
    case LF_CHART_COMPARE:
      return g_strdup (_("The leading markets side by side on value, cost, reach, risk and staff, and on the costs that drive them."));
    case LF_CHART_RISK:
      return g_strdup (_("Each market by the risk it brings against the value it adds, circle area by cost, entered markets filled."));
    case LF_CHART_MONTECARLO:
      {
        const LfMonteCarloResult *mc = input->montecarlo;
        g_autofree char *p5 = lf_chart_format_number (mc ? mc->p5 : NAN);
        g_autofree char *p95 = lf_chart_format_number (mc ? mc->p95 : NAN);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "How the best value spreads over %u draw of the uncertain parameters: in nine of ten it lies between %s and %s.",
                                             "How the best value spreads over %u draws of the uncertain parameters: in nine of ten it lies between %s and %s.",
                                             mc ? mc->n_samples : 0),
                                mc ? mc->n_samples : 0, p5, p95);
      }
    case LF_CHART_TORNADO:
      {
        const LfTornadoResult *t = input->tornado;
        g_autofree char *lo = lf_chart_format_number (t ? t->low_multiplier : 0.8);
        g_autofree char *hi = lf_chart_format_number (t ? t->high_multiplier : 1.2);
        return g_strdup_printf (_("How far the best value moves when each parameter alone is scaled by %s or %s, the largest effect first."), lo, hi);
      }
    case LF_N_CHART_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The board pack: a title page, then one chart a page with its caption. */

typedef struct
{
  cairo_t            *cr;
  const LfChartTheme *theme;
  const LfChartInput *input;
  guint               page;
  guint               n_pages;
} Pack;

static void
pack_footer (Pack       *pack,
             LfChartFrame *frame,
             const char *caption)
{
  g_autofree char *number = g_strdup_printf (_("%u of %u"), pack->page, pack->n_pages);
  double y = LF_EXPORT_PAGE_HEIGHT - frame->pad * 0.9;
  double number_w = lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text_muted, number,
                                        LF_EXPORT_PAGE_WIDTH - frame->pad, y, 0, 1, 1);
  double width = LF_EXPORT_PAGE_WIDTH - 2 * frame->pad - number_w - frame->em * 2;

  lf_color_set (pack->cr, &frame->theme->grid, 1);
  cairo_set_line_width (pack->cr, 0.75);
  cairo_move_to (pack->cr, frame->pad, y - frame->em * 1.7);
  cairo_line_to (pack->cr, LF_EXPORT_PAGE_WIDTH - frame->pad, y - frame->em * 1.7);
  cairo_stroke (pack->cr);
  lf_chart_text_draw (frame, LF_TEXT_BODY, &frame->theme->text, caption, frame->pad, y, width, 0, 1);
}

#define CAPTION_HEIGHT 34.0

static void
pack_chart_page (Pack        *pack,
                 LfChartKind  kind)
{
  g_autofree char *caption = lf_export_caption (kind, pack->input);
  LfChartFrame frame;

  pack->page++;
  cairo_save (pack->cr);
  cairo_rectangle (pack->cr, 0, 0, LF_EXPORT_PAGE_WIDTH, LF_EXPORT_PAGE_HEIGHT - CAPTION_HEIGHT);
  cairo_clip (pack->cr);
  lf_chart_draw (kind, pack->cr, LF_EXPORT_PAGE_WIDTH, LF_EXPORT_PAGE_HEIGHT - CAPTION_HEIGHT,
                 pack->theme, pack->input);
  cairo_restore (pack->cr);

  /* The caption's frame paints its background on the strip only. */
  cairo_save (pack->cr);
  cairo_rectangle (pack->cr, 0, LF_EXPORT_PAGE_HEIGHT - CAPTION_HEIGHT, LF_EXPORT_PAGE_WIDTH, CAPTION_HEIGHT);
  cairo_clip (pack->cr);
  lf_chart_frame_begin (&frame, pack->cr, LF_EXPORT_PAGE_WIDTH, LF_EXPORT_PAGE_HEIGHT, pack->theme);
  pack_footer (pack, &frame, caption);
  lf_chart_frame_end (&frame);
  cairo_restore (pack->cr);
  cairo_show_page (pack->cr);
}

static void
headline (LfChartFrame *frame,
          double        x,
          double        y,
          double        width,
          const char   *label,
          const char   *figure,
          const char   *detail)
{
  const LfChartTheme *theme = frame->theme;

  lf_color_set (frame->cr, &theme->palette[LF_PALETTE_BLUE], 1);
  cairo_rectangle (frame->cr, x, y, 3, frame->em * 5.6);
  cairo_fill (frame->cr);
  x += frame->em;
  width -= frame->em;
  lf_chart_text_draw (frame, LF_TEXT_BODY, &theme->text_muted, label, x, y, width, 0, 0);
  lf_chart_text_draw (frame, LF_TEXT_TITLE, &theme->text, figure, x, y + frame->em * 1.6, width, 0, 0);
  lf_chart_text_draw (frame, LF_TEXT_SMALL, &theme->text_muted, detail, x, y + frame->em * 4.2, width, 0, 0);
}

static void
pack_headlines (Pack         *pack,
                LfChartFrame *frame,
                double        y)
{
  const LfPlan *plan = pack->input->plan;
  const LfProblem *problem = pack->input->problem;
  double column = (LF_EXPORT_PAGE_WIDTH - 2 * frame->pad) / 3;
  g_autofree char *value = lf_chart_format_number (plan->value);
  g_autofree char *cost = lf_chart_format_money (plan->cost, plan->currency);
  g_autofree char *entered = g_strdup_printf (_("%u of %u"), plan->markets_entered, plan->n_markets);
  g_autofree char *budget_detail = NULL;
  g_autofree char *value_detail = NULL;

  if (!isnan (problem->budget) && problem->budget > 0)
    {
      g_autofree char *budget = lf_chart_format_money (problem->budget, plan->currency);
      g_autofree char *used = lf_chart_format_percent (plan->cost / problem->budget);

      budget_detail = g_strdup_printf (_("%s of a %s budget"), used, budget);
    }
  if (problem->objective == LF_OBJECTIVE_MIN_COST && !isnan (problem->target_value))
    {
      g_autofree char *target = lf_chart_format_number (problem->target_value);

      value_detail = g_strdup_printf (_("target %s"), target);
    }
  else
    value_detail = g_strdup (_("weighted penetration and satisfaction"));

  headline (frame, frame->pad, y, column, _("Value"), value, value_detail);
  headline (frame, frame->pad + column, y, column, _("Cost"), cost, budget_detail);
  headline (frame, frame->pad + 2 * column, y, column, _("Markets entered"), entered,
            plan->status == LF_PLAN_OPTIMAL ? _("the best plan under every limit") : _("best plan found in the time allowed"));
}

/* The name may be long: two lines at most, then an ellipsis. Returns
 * the height it took. */
static double
scenario_name (LfChartFrame *frame,
               const char   *name,
               double        y)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (frame->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (frame->theme->font_family);
  PangoRectangle logical;

  pango_font_description_set_absolute_size (desc, frame->em * 2.4 * PANGO_SCALE);
  pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, name, -1);
  pango_layout_set_width (layout, (int) ((frame->width - 2 * frame->pad) * PANGO_SCALE));
  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  lf_color_set (frame->cr, &frame->theme->text, 1);
  cairo_move_to (frame->cr, frame->pad, y);
  lf_chart_show_layout (frame, layout);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  return logical.height;
}

static void
pack_title_page (Pack *pack)
{
  const LfProblem *problem = pack->input->problem;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the date on the board pack's title page, as
   * g_date_time_format() takes it, e.g. "%Y年%-m月%-d日".
   * xgettext:no-c-format */
  g_autofree char *date = g_date_time_format (now, C_("board pack date", "%-d %B %Y"));
  g_autofree char *subtitle = g_strdup_printf (_("Market expansion plan · %s"), date);
  LfChartFrame frame;
  double y;

  pack->page++;
  lf_chart_frame_begin (&frame, pack->cr, LF_EXPORT_PAGE_WIDTH, LF_EXPORT_PAGE_HEIGHT, pack->theme);
  y = LF_EXPORT_PAGE_HEIGHT * 0.22;
  lf_color_set (pack->cr, &frame.theme->palette[LF_PALETTE_BLUE], 1);
  cairo_rectangle (pack->cr, frame.pad, y - frame.em * 1.4, frame.em * 3, 3);
  cairo_fill (pack->cr);
  y += scenario_name (&frame, problem->name, y);
  lf_chart_text_draw (&frame, LF_TEXT_SUBTITLE, &frame.theme->text_muted, subtitle,
                      frame.pad, y + frame.em * 0.5, LF_EXPORT_PAGE_WIDTH - 2 * frame.pad, 0, 0);
  pack_headlines (pack, &frame, LF_EXPORT_PAGE_HEIGHT * 0.6);
  lf_chart_frame_end (&frame);
  cairo_show_page (pack->cr);
}

static guint
pack_kinds (const LfChartInput *input,
            LfChartKind         kinds[LF_N_CHART_KINDS])
{
  guint n = 0;

  kinds[n++] = LF_CHART_ALLOCATION;
  kinds[n++] = LF_CHART_COSTS;
  if (input->sweep != NULL && input->sweep->n_points >= 2)
    kinds[n++] = LF_CHART_FRONTIER;
  kinds[n++] = LF_CHART_COMPARE;
  kinds[n++] = LF_CHART_RISK;
  if (input->montecarlo != NULL && input->montecarlo->n_samples > 0)
    kinds[n++] = LF_CHART_MONTECARLO;
  if (input->tornado != NULL && input->tornado->n_items > 0)
    kinds[n++] = LF_CHART_TORNADO;

  return n;
}

/* One PDF for the board: a title page with the headline figures, then
 * allocation, costs, frontier, compare, risk and, when they were run,
 * Monte Carlo and tornado. The frontier page needs input->sweep. */
gboolean
lf_export_board_pack (const LfChartInput  *input,
                      const char          *path,
                      GError             **error)
{
  LfChartKind kinds[LF_N_CHART_KINDS];
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autofree char *title = NULL;
  Pack pack = { 0 };
  guint n;
  Sink sink;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (input->problem == NULL || input->plan == NULL || !input->plan->has_solution ||
      input->plan->n_markets != input->problem->n_markets)
    {
      g_set_error (error, LF_EXPORT_ERROR, LF_EXPORT_ERROR_NO_PLAN,
                   _("There is no plan to report: solve the scenario first, and make it feasible"));
      return FALSE;
    }
  if (!sink_open (&sink, path, error))
    return FALSE;

  n = pack_kinds (input, kinds);
  surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, LF_EXPORT_PAGE_WIDTH, LF_EXPORT_PAGE_HEIGHT);
  title = g_strdup_printf (_("%s: board pack"), input->problem->name);
  set_pdf_metadata (surface, title);
  pack = (Pack) { cairo_create (surface), lf_chart_theme_get (LF_CHART_THEME_PRINT), input, 0, n + 1 };
  pack_title_page (&pack);
  for (guint k = 0; k < n; k++)
    pack_chart_page (&pack, kinds[k]);

  status = cairo_status (pack.cr);
  cairo_destroy (pack.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return sink_close (&sink, status, error);
}
