/* lf-chart-frame.h: what every chart shares
 *
 * Theme (palette, fonts), text through Pango, title and legend, axes with
 * round ticks, rows of categories that thin their labels, and the empty
 * state. A chart begins a frame on its cairo_t, takes what it needs, and
 * ends it; nothing here keeps state between two draws.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "lf-chart-format.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} LfColor;

typedef enum
{
  LF_CHART_THEME_LIGHT,
  LF_CHART_THEME_DARK,
  LF_CHART_THEME_PRINT,   /* white page, dark text: exports */
} LfChartThemeKind;

/* The Okabe-Ito palette, which readers with any common colour-vision
 * deficiency can tell apart; slots named after their role in the charts. */
typedef enum
{
  LF_PALETTE_BLUE,
  LF_PALETTE_ORANGE,
  LF_PALETTE_GREEN,
  LF_PALETTE_PURPLE,
  LF_PALETTE_VERMILLION,
  LF_PALETTE_SKY,
  LF_PALETTE_YELLOW,
  LF_PALETTE_GREY,
  LF_N_PALETTE
} LfPaletteSlot;

typedef struct
{
  LfColor     background;
  LfColor     text;
  LfColor     text_muted;
  LfColor     grid;
  LfColor     axis;
  LfColor     track;        /* behind a bar: the most it could reach */
  LfColor     marker;       /* budget line, percentiles, current point */
  LfColor     palette[LF_N_PALETTE];
  const char *font_family;
  double      font_size;    /* body text in user units at 900x500 */
} LfChartTheme;

typedef struct
{
  double x, y, width, height;
} LfRect;

typedef enum
{
  LF_TEXT_BODY,
  LF_TEXT_SMALL,
  LF_TEXT_BOLD,
  LF_TEXT_TITLE,
  LF_TEXT_SUBTITLE,
  LF_N_TEXT_STYLES
} LfTextStyle;

/* lf-chart-hits.h: a recorder a caller may attach to the cairo_t. */
typedef struct _LfChartHits LfChartHits;

typedef struct
{
  cairo_t            *cr;
  LfChartHits        *hits;       /* NULL: record nothing */
  const LfChartTheme *theme;
  double              width;
  double              height;
  double              em;         /* body font size on this canvas */
  double              pad;        /* outer margin */
  LfRect              area;       /* left for the plot */
  PangoLayout        *layouts[LF_N_TEXT_STYLES];
} LfChartFrame;

typedef enum
{
  LF_LEGEND_BOX,
  LF_LEGEND_LINE,
  LF_LEGEND_DOT,
  LF_LEGEND_RING,
} LfLegendShape;

typedef struct
{
  const char    *label;
  LfColor        color;
  LfLegendShape  shape;
} LfLegendItem;

/* Round ticks: lo and hi are multiples of step, a 1-2-5 step. */
typedef struct
{
  double       lo;
  double       hi;
  double       step;
  LfAxisFormat format;
} LfScale;

/* n categories in rows (or columns) of a band; labels on every
 * label_step-th row when rows are thinner than a line of text. */
typedef struct
{
  guint  n;
  double start;
  double row;
  double bar;
  guint  label_step;
} LfBand;

const LfChartTheme *lf_chart_theme_get       (LfChartThemeKind    kind);
void     lf_color_set                         (cairo_t            *cr,
                                               const LfColor      *color,
                                               double              alpha);

void     lf_chart_frame_begin                 (LfChartFrame       *frame,
                                               cairo_t            *cr,
                                               double              width,
                                               double              height,
                                               const LfChartTheme *theme);
void     lf_chart_frame_end                   (LfChartFrame       *frame);
void     lf_chart_frame_title                 (LfChartFrame       *frame,
                                               const char         *title,
                                               const char         *subtitle);
void     lf_chart_frame_legend                (LfChartFrame       *frame,
                                               const LfLegendItem *items,
                                               guint               n_items);
void     lf_chart_frame_footnote              (LfChartFrame       *frame,
                                               const char         *text);
void     lf_chart_frame_empty                 (LfChartFrame       *frame,
                                               const char         *title,
                                               const char         *message);
/* A mark and its exact figures, for a caller that attached a recorder;
 * charts test frame->hits before they format the text. */
void     lf_chart_frame_hit_rect              (LfChartFrame       *frame,
                                               double              x,
                                               double              y,
                                               double              width,
                                               double              height,
                                               const char         *text);
void     lf_chart_frame_hit_circle            (LfChartFrame       *frame,
                                               double              cx,
                                               double              cy,
                                               double              radius,
                                               const char         *text);

void     lf_chart_text_size                   (LfChartFrame       *frame,
                                               LfTextStyle         style,
                                               const char         *text,
                                               double             *width,
                                               double             *height);
double   lf_chart_text_line_height            (LfChartFrame       *frame,
                                               LfTextStyle         style);
void     lf_chart_show_layout                 (LfChartFrame       *frame,
                                               PangoLayout        *layout);
double   lf_chart_text_draw                   (LfChartFrame       *frame,
                                               LfTextStyle         style,
                                               const LfColor      *color,
                                               const char         *text,
                                               double              x,
                                               double              y,
                                               double              max_width,
                                               double              xalign,
                                               double              yalign);
void     lf_scale_init                        (LfScale            *scale,
                                               double              lo,
                                               double              hi,
                                               guint               max_ticks,
                                               LfAxisUnit          unit);
double   lf_scale_map                         (const LfScale      *scale,
                                               double              value,
                                               double              from,
                                               double              to);
guint    lf_chart_max_ticks                   (LfChartFrame       *frame,
                                               double              length,
                                               double              min_gap);
void     lf_chart_x_axis                      (LfChartFrame       *frame,
                                               const LfScale      *scale,
                                               const LfRect       *plot,
                                               const char         *title);
void     lf_chart_y_axis                      (LfChartFrame       *frame,
                                               const LfScale      *scale,
                                               const LfRect       *plot,
                                               const char         *title);
double   lf_chart_y_axis_width                (LfChartFrame       *frame,
                                               const LfScale      *scale);
double   lf_chart_x_axis_height               (LfChartFrame       *frame,
                                               gboolean            with_title);

void     lf_band_init                         (LfBand             *band,
                                               guint               n,
                                               double              start,
                                               double              length,
                                               double              label_height,
                                               double              fill);
double   lf_band_center                       (const LfBand       *band,
                                               guint               index);
gboolean lf_band_shows_label                  (const LfBand       *band,
                                               guint               index);

void     lf_chart_rounded_rect                (cairo_t            *cr,
                                               double              x,
                                               double              y,
                                               double              width,
                                               double              height,
                                               double              radius);

gboolean lf_rect_overlaps_any                 (const LfRect       *rect,
                                               const GArray       *taken);

guint    lf_chart_unknown_glyphs              (void);

G_END_DECLS
