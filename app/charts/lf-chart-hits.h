/* lf-chart-hits.h: where a chart drew its marks, and what each one says
 *
 * A caller that wants to know what lies under a point (the window, for
 * its tooltips) attaches a recorder to the cairo_t before it draws; each
 * chart then records its bars, points and lines with a short text that
 * gives the exact figures. Without a recorder the charts format nothing
 * and record nothing. Shapes are kept in device coordinates, so a caller
 * that scaled its context looks up with the pointer's own coordinates.
 */
#pragma once

#include <cairo.h>

#include "lf-chart-frame.h"

G_BEGIN_DECLS

typedef struct _LfChartHits LfChartHits;

LfChartHits *lf_chart_hits_new          (void);
void         lf_chart_hits_free         (LfChartHits       *hits);
void         lf_chart_hits_attach       (LfChartHits       *hits,
                                         cairo_t           *cr);
LfChartHits *lf_chart_hits_from_cairo   (cairo_t           *cr);
void         lf_chart_hits_clear        (LfChartHits       *hits);

/* Recording, in the user coordinates of @cr; @text is copied. */
void         lf_chart_hits_add_rect     (LfChartHits       *hits,
                                         cairo_t           *cr,
                                         double             x,
                                         double             y,
                                         double             width,
                                         double             height,
                                         const char        *text);
void         lf_chart_hits_add_circle   (LfChartHits       *hits,
                                         cairo_t           *cr,
                                         double             cx,
                                         double             cy,
                                         double             radius,
                                         const char        *text);

/* The mark under (@x, @y) in device coordinates, the smallest where
 * marks overlap; thin marks and small points answer a few pixels away.
 * -1 where there is none. */
int          lf_chart_hits_find         (const LfChartHits *hits,
                                         double             x,
                                         double             y);
guint        lf_chart_hits_get_n        (const LfChartHits *hits);
const char  *lf_chart_hits_get_text     (const LfChartHits *hits,
                                         guint              index);
/* The mark's bounding box in device coordinates; TRUE for a circle. */
gboolean     lf_chart_hits_get_rect     (const LfChartHits *hits,
                                         guint              index,
                                         LfRect            *out_rect);
/* lf_chart_hits_find() and the text and box of what it found, or NULL. */
const char  *lf_chart_hits_lookup       (const LfChartHits *hits,
                                         double             x,
                                         double             y,
                                         LfRect            *out_rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfChartHits, lf_chart_hits_free)

G_END_DECLS
