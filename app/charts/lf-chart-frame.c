/* lf-chart-frame.c: what every chart shares */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-frame.h"
#include "lf-chart-hits.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Cantarell is GNOME's face; Noto Sans CJK SC covers Chinese (and is what
 * fontconfig picks for it on Debian); fontconfig falls back per glyph. */
#define FONT_FAMILY "Cantarell, Noto Sans, Noto Sans CJK SC, DejaVu Sans, sans-serif"

#define OKABE_ITO { RGB (0x0072b2), RGB (0xe69f00), RGB (0x009e73), RGB (0xcc79a7), \
                    RGB (0xd55e00), RGB (0x56b4e9), RGB (0xf0e442), RGB (0x999999) }

static const LfChartTheme themes[] = {
  [LF_CHART_THEME_LIGHT] = {
    RGB (0xffffff), RGB (0x241f31), RGB (0x5e5c64), RGB (0xe6e5e2), RGB (0x9a9996),
    RGB (0xe9e8e5), RGB (0x3d3846), OKABE_ITO, FONT_FAMILY, 12,
  },
  /* On a dark page the darkest hues lose contrast: lighter ones of the
   * same family keep the palette's distinctions. */
  [LF_CHART_THEME_DARK] = {
    RGB (0x1e1e1e), RGB (0xffffff), RGB (0xc0bfbc), RGB (0x3a3a3e), RGB (0x77767b),
    RGB (0x35353a), RGB (0xf6f5f4),
    { RGB (0x3d9be0), RGB (0xe69f00), RGB (0x1fb88f), RGB (0xd98cb5),
      RGB (0xe8743b), RGB (0x8ccff5), RGB (0xf0e442), RGB (0x9a9996) },
    FONT_FAMILY, 12,
  },
  [LF_CHART_THEME_PRINT] = {
    RGB (0xffffff), RGB (0x111111), RGB (0x4a4a4a), RGB (0xe2e2e2), RGB (0x7a7a7a),
    RGB (0xebebeb), RGB (0x111111), OKABE_ITO, FONT_FAMILY, 12,
  },
};

static const struct
{
  double      scale;
  PangoWeight weight;
} text_styles[LF_N_TEXT_STYLES] = {
  [LF_TEXT_BODY] = { 1.0, PANGO_WEIGHT_NORMAL },
  [LF_TEXT_SMALL] = { 0.86, PANGO_WEIGHT_NORMAL },
  [LF_TEXT_BOLD] = { 1.0, PANGO_WEIGHT_BOLD },
  [LF_TEXT_TITLE] = { 1.5, PANGO_WEIGHT_BOLD },
  [LF_TEXT_SUBTITLE] = { 1.0, PANGO_WEIGHT_NORMAL },
};

static gint unknown_glyphs;

const LfChartTheme *
lf_chart_theme_get (LfChartThemeKind kind)
{
  g_return_val_if_fail (kind <= LF_CHART_THEME_PRINT, &themes[LF_CHART_THEME_LIGHT]);

  return &themes[kind];
}

void
lf_color_set (cairo_t       *cr,
              const LfColor *color,
              double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Glyph shapes from the outlines, metrics unhinted: the same layout on
 * screen, in PNG and in PDF, and reference images that survive a change
 * of hinting. */
static PangoLayout *
create_layout (cairo_t            *cr,
               const LfChartTheme *theme,
               double              size,
               PangoWeight         weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (theme->font_family);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

void
lf_chart_frame_begin (LfChartFrame       *frame,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      const LfChartTheme *theme)
{
  g_return_if_fail (frame != NULL);
  g_return_if_fail (cr != NULL);

  *frame = (LfChartFrame) { 0 };
  frame->cr = cr;
  frame->hits = lf_chart_hits_from_cairo (cr);
  frame->theme = theme ? theme : lf_chart_theme_get (LF_CHART_THEME_LIGHT);
  frame->width = MAX (width, 1);
  frame->height = MAX (height, 1);
  frame->em = frame->theme->font_size * CLAMP (MIN (frame->width / 900, frame->height / 500), 0.8, 1.3);
  frame->pad = round (frame->em * 1.3);
  frame->area = (LfRect) { frame->pad, frame->pad,
                           MAX (1, frame->width - 2 * frame->pad), MAX (1, frame->height - 2 * frame->pad) };

  cairo_save (cr);
  lf_color_set (cr, &frame->theme->background, 1);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
lf_chart_frame_hit_rect (LfChartFrame *frame,
                         double        x,
                         double        y,
                         double        width,
                         double        height,
                         const char   *text)
{
  if (frame->hits != NULL)
    lf_chart_hits_add_rect (frame->hits, frame->cr, x, y, width, height, text);
}

void
lf_chart_frame_hit_circle (LfChartFrame *frame,
                           double        cx,
                           double        cy,
                           double        radius,
                           const char   *text)
{
  if (frame->hits != NULL)
    lf_chart_hits_add_circle (frame->hits, frame->cr, cx, cy, radius, text);
}

void
lf_chart_frame_end (LfChartFrame *frame)
{
  for (guint i = 0; i < LF_N_TEXT_STYLES; i++)
    g_clear_object (&frame->layouts[i]);
}

static PangoLayout *
frame_layout (LfChartFrame *frame,
              LfTextStyle   style)
{
  if (frame->layouts[style] == NULL)
    frame->layouts[style] = create_layout (frame->cr, frame->theme,
                                           frame->em * text_styles[style].scale,
                                           text_styles[style].weight);

  return frame->layouts[style];
}

static PangoLayout *
prepare_text (LfChartFrame *frame,
              LfTextStyle   style,
              const char   *text,
              double        max_width)
{
  PangoLayout *layout = frame_layout (frame, style);

  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);

  return layout;
}

void
lf_chart_text_size (LfChartFrame *frame,
                    LfTextStyle   style,
                    const char   *text,
                    double       *width,
                    double       *height)
{
  PangoLayout *layout = prepare_text (frame, style, text, -1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

double
lf_chart_text_line_height (LfChartFrame *frame,
                           LfTextStyle   style)
{
  double height;

  lf_chart_text_size (frame, style, "Ag", NULL, &height);

  return height;
}

/* Every layout a chart shows passes here, so that missing glyphs are
 * counted wherever they turn up. */
void
lf_chart_show_layout (LfChartFrame *frame,
                      PangoLayout  *layout)
{
  /* A tofu box in a board deck is a bug: the tests count them. */
  int unknown = pango_layout_get_unknown_glyphs_count (layout);

  if (unknown > 0)
    g_atomic_int_add (&unknown_glyphs, unknown);
  pango_cairo_show_layout (frame->cr, layout);
  /* Leave no current point, or the next arc would start with a line
   * from here. */
  cairo_new_path (frame->cr);
}

/* Draws one line of text with (x, y) at its (xalign, yalign) point,
 * ellipsized to max_width when that is positive; returns its width. */
double
lf_chart_text_draw (LfChartFrame  *frame,
                    LfTextStyle    style,
                    const LfColor *color,
                    const char    *text,
                    double         x,
                    double         y,
                    double         max_width,
                    double         xalign,
                    double         yalign)
{
  PangoLayout *layout;
  PangoRectangle logical;
  double w, h;

  if (text == NULL || *text == '\0')
    return 0;

  layout = prepare_text (frame, style, text, max_width);
  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;

  cairo_save (frame->cr);
  lf_color_set (frame->cr, color ? color : &frame->theme->text, 1);
  cairo_move_to (frame->cr, x - xalign * w - (double) logical.x / PANGO_SCALE, y - yalign * h);
  lf_chart_show_layout (frame, layout);
  cairo_restore (frame->cr);

  return w;
}

guint
lf_chart_unknown_glyphs (void)
{
  return (guint) g_atomic_int_get (&unknown_glyphs);
}

void
lf_chart_frame_title (LfChartFrame *frame,
                      const char   *title,
                      const char   *subtitle)
{
  const LfChartTheme *theme = frame->theme;
  LfRect *area = &frame->area;
  double line;

  line = lf_chart_text_line_height (frame, LF_TEXT_TITLE);
  lf_chart_text_draw (frame, LF_TEXT_TITLE, &theme->text, title, area->x, area->y, area->width, 0, 0);
  area->y += line;
  area->height -= line;

  if (subtitle != NULL && *subtitle != '\0')
    {
      line = lf_chart_text_line_height (frame, LF_TEXT_SUBTITLE);
      lf_chart_text_draw (frame, LF_TEXT_SUBTITLE, &theme->text_muted, subtitle,
                          area->x, area->y, area->width, 0, 0);
      area->y += line;
      area->height -= line;
    }

  area->y += frame->em * 0.8;
  area->height -= frame->em * 0.8;
}

static void
legend_swatch (LfChartFrame       *frame,
               const LfLegendItem *item,
               double              x,
               double              cy)
{
  cairo_t *cr = frame->cr;
  double s = frame->em * 0.8;

  lf_color_set (cr, &item->color, 1);
  switch (item->shape)
    {
    case LF_LEGEND_LINE:
      cairo_set_line_width (cr, MAX (1.5, frame->em * 0.16));
      cairo_set_dash (cr, (double[]) { s * 0.35, s * 0.25 }, 2, 0);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + s * 1.4, cy);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case LF_LEGEND_DOT:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + s / 2, cy, s / 2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case LF_LEGEND_RING:
      cairo_set_line_width (cr, MAX (1, frame->em * 0.12));
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + s / 2, cy, s / 2 - 0.5, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case LF_LEGEND_BOX:
    default:
      lf_chart_rounded_rect (cr, x, cy - s / 2, s, s, s * 0.2);
      cairo_fill (cr);
      break;
    }
}

/* One or more lines of swatches under the title, wrapped to the width. */
void
lf_chart_frame_legend (LfChartFrame       *frame,
                       const LfLegendItem *items,
                       guint               n_items)
{
  LfRect *area = &frame->area;
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);
  double x = area->x, y = area->y;
  double gap = frame->em * 1.4;

  for (guint i = 0; i < n_items; i++)
    {
      double swatch = items[i].shape == LF_LEGEND_LINE ? frame->em * 1.12 : frame->em * 0.8;
      double text_w;

      lf_chart_text_size (frame, LF_TEXT_SMALL, items[i].label, &text_w, NULL);
      text_w = MIN (text_w, area->width * 0.45);
      if (x > area->x && x + swatch + frame->em * 0.4 + text_w > area->x + area->width)
        {
          x = area->x;
          y += line * 1.2;
        }
      legend_swatch (frame, &items[i], x, y + line / 2);
      x += swatch + frame->em * 0.4;
      x += lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text, items[i].label,
                               x, y, area->width * 0.45, 0, 0) + gap;
    }

  y += line + frame->em * 0.7;
  area->height -= y - area->y;
  area->y = y;
}

void
lf_chart_frame_footnote (LfChartFrame *frame,
                         const char   *text)
{
  LfRect *area = &frame->area;
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);

  if (text == NULL || *text == '\0')
    return;

  lf_chart_text_draw (frame, LF_TEXT_SMALL, &frame->theme->text_muted, text,
                      area->x, area->y + area->height - line, area->width, 0, 0);
  area->height -= line + frame->em * 0.5;
}

/* What the chart would show and what to do to get it, centred. */
void
lf_chart_frame_empty (LfChartFrame *frame,
                      const char   *title,
                      const char   *message)
{
  PangoLayout *layout;
  PangoRectangle logical;
  double wrap = MIN (frame->area.width, MAX (frame->em * 24, frame->width * 0.6));
  double cx = frame->area.x + frame->area.width / 2;
  double cy;

  lf_chart_frame_title (frame, title, NULL);
  cy = frame->area.y + frame->area.height / 2;

  layout = frame_layout (frame, LF_TEXT_BODY);
  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_text (layout, message, -1);
  pango_layout_set_width (layout, (int) (wrap * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_extents (layout, NULL, &logical);

  cairo_save (frame->cr);
  lf_color_set (frame->cr, &frame->theme->text_muted, 1);
  cairo_move_to (frame->cr, cx - wrap / 2, cy - (double) logical.height / PANGO_SCALE / 2);
  lf_chart_show_layout (frame, layout);
  cairo_restore (frame->cr);

  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
}

/* The smallest 1, 2 or 5 times a power of ten that is at least raw. */
static double
nice_step (double raw)
{
  double power = pow (10, floor (log10 (raw)));
  double mantissa = raw / power;

  if (mantissa <= 1 + 1e-9)
    return power;
  if (mantissa <= 2 + 1e-9)
    return 2 * power;
  if (mantissa <= 5 + 1e-9)
    return 5 * power;
  return 10 * power;
}

void
lf_scale_init (LfScale    *scale,
               double      lo,
               double      hi,
               guint       max_ticks,
               LfAxisUnit  unit)
{
  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < 1e-12 * MAX (1, fabs (hi)))
    {
      double half = fabs (hi) > 0 ? fabs (hi) * 0.5 : 0.5;
      lo = lo >= 0 && lo - half < 0 ? 0 : lo - half;
      hi = hi + half;
    }

  scale->step = nice_step ((hi - lo) / MAX (1, max_ticks));
  scale->lo = floor (lo / scale->step + 1e-9) * scale->step;
  scale->hi = ceil (hi / scale->step - 1e-9) * scale->step;
  lf_axis_format_init (&scale->format, unit, scale->step, MAX (fabs (scale->lo), fabs (scale->hi)));
}

double
lf_scale_map (const LfScale *scale,
              double         value,
              double         from,
              double         to)
{
  return from + (value - scale->lo) / (scale->hi - scale->lo) * (to - from);
}

guint
lf_chart_max_ticks (LfChartFrame *frame,
                    double        length,
                    double        min_gap)
{
  return (guint) CLAMP (length / MAX (min_gap, 1), 1, 10);
}

static void
hairline (cairo_t       *cr,
          const LfColor *color,
          double         x0,
          double         y0,
          double         x1,
          double         y1)
{
  lf_color_set (cr, color, 1);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* Pixel-snapped so hairlines stay crisp on image surfaces. */
static double
snap (double v)
{
  return floor (v) + 0.5;
}

double
lf_chart_x_axis_height (LfChartFrame *frame,
                        gboolean      with_title)
{
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);

  return frame->em * 0.4 + line + (with_title ? line + frame->em * 0.3 : 0);
}

/* Vertical grid lines at the ticks, their labels under the plot (every
 * other one when they would touch), and the axis title under those. */
void
lf_chart_x_axis (LfChartFrame  *frame,
                 const LfScale *scale,
                 const LfRect  *plot,
                 const char    *title)
{
  const LfChartTheme *theme = frame->theme;
  guint n = (guint) round ((scale->hi - scale->lo) / scale->step) + 1;
  double px_step = plot->width / MAX (1, n - 1);
  double widest = 0, line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);
  guint every;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = lf_axis_format_label (&scale->format, scale->lo + i * scale->step);
      double w;

      lf_chart_text_size (frame, LF_TEXT_SMALL, label, &w, NULL);
      widest = MAX (widest, w);
    }
  every = (guint) ceil ((widest + frame->em) / MAX (px_step, 1));
  every = MAX (every, 1);

  for (guint i = 0; i < n; i++)
    {
      double v = scale->lo + i * scale->step;
      double x = snap (lf_scale_map (scale, v, plot->x, plot->x + plot->width));
      g_autofree char *label = NULL;

      hairline (frame->cr, fabs (v) < scale->step * 1e-6 ? &theme->axis : &theme->grid,
                x, plot->y, x, plot->y + plot->height);
      if (i % every != 0)
        continue;
      label = lf_axis_format_label (&scale->format, v);
      lf_chart_text_draw (frame, LF_TEXT_SMALL, &theme->text_muted, label,
                          CLAMP (x, plot->x + widest / 2 - frame->em, frame->width - widest / 2 - 2),
                          plot->y + plot->height + frame->em * 0.4, 0, 0.5, 0);
    }

  if (title != NULL)
    lf_chart_text_draw (frame, LF_TEXT_SMALL, &theme->text_muted, title,
                        plot->x + plot->width / 2, plot->y + plot->height + frame->em * 0.7 + line,
                        plot->width, 0.5, 0);
}

double
lf_chart_y_axis_width (LfChartFrame  *frame,
                       const LfScale *scale)
{
  double widest = 0;

  for (double v = scale->lo; v <= scale->hi + scale->step * 0.5; v += scale->step)
    {
      g_autofree char *label = lf_axis_format_label (&scale->format, v);
      double w;

      lf_chart_text_size (frame, LF_TEXT_SMALL, label, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest + frame->em * 0.5;
}

/* Horizontal grid lines and labels left of the plot; the title sits
 * above the labels, level, so nobody reads sideways. */
void
lf_chart_y_axis (LfChartFrame  *frame,
                 const LfScale *scale,
                 const LfRect  *plot,
                 const char    *title)
{
  const LfChartTheme *theme = frame->theme;
  guint n = (guint) round ((scale->hi - scale->lo) / scale->step) + 1;
  double line = lf_chart_text_line_height (frame, LF_TEXT_SMALL);
  double px_step = plot->height / MAX (1, n - 1);
  guint every = MAX (1, (guint) ceil (line * 1.2 / MAX (px_step, 1)));

  for (guint i = 0; i < n; i++)
    {
      double v = scale->lo + i * scale->step;
      double y = snap (lf_scale_map (scale, v, plot->y + plot->height, plot->y));
      g_autofree char *label = NULL;

      hairline (frame->cr, fabs (v) < scale->step * 1e-6 ? &theme->axis : &theme->grid,
                plot->x, y, plot->x + plot->width, y);
      if (i % every != 0)
        continue;
      label = lf_axis_format_label (&scale->format, v);
      lf_chart_text_draw (frame, LF_TEXT_SMALL, &theme->text_muted, label,
                          plot->x - frame->em * 0.5, y, 0, 1, 0.5);
    }

  if (title != NULL)
    lf_chart_text_draw (frame, LF_TEXT_SMALL, &theme->text_muted, title,
                        MAX (frame->pad, plot->x - lf_chart_y_axis_width (frame, scale)),
                        plot->y - line - frame->em * 0.6, plot->width, 0, 0);
}

void
lf_band_init (LfBand *band,
              guint   n,
              double  start,
              double  length,
              double  label_height,
              double  fill)
{
  band->n = MAX (n, 1);
  band->start = start;
  band->row = length / band->n;
  band->bar = MAX (MIN (band->row * fill, band->row), MIN (band->row, 0.75));
  band->label_step = MAX (1, (guint) ceil (label_height * 1.05 / MAX (band->row, 0.01)));
}

double
lf_band_center (const LfBand *band,
                guint         index)
{
  return band->start + band->row * (index + 0.5);
}

gboolean
lf_band_shows_label (const LfBand *band,
                     guint         index)
{
  return index % band->label_step == 0;
}

void
lf_chart_rounded_rect (cairo_t *cr,
                       double   x,
                       double   y,
                       double   width,
                       double   height,
                       double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius < 0.5)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

gboolean
lf_rect_overlaps_any (const LfRect *rect,
                      const GArray *taken)
{
  for (guint i = 0; i < taken->len; i++)
    {
      const LfRect *o = &g_array_index (taken, LfRect, i);

      if (rect->x < o->x + o->width && o->x < rect->x + rect->width &&
          rect->y < o->y + o->height && o->y < rect->y + rect->height)
        return TRUE;
    }

  return FALSE;
}
