/* lf-compare-grid.h: an LfComparison drawn into a GtkGrid
 *
 * One column of row titles, then one per side; the first side is the
 * reference, and a cell that reads otherwise than the reference's cell
 * of its row carries the "differs" style class.
 */
#pragma once

#include <gtk/gtk.h>

#include "lf-compare.h"

G_BEGIN_DECLS

void lf_compare_grid_clear        (GtkGrid            *grid);
int  lf_compare_grid_names        (GtkGrid            *grid,
                                   const LfComparison *cmp,
                                   int                 row);
int  lf_compare_grid_heading      (GtkGrid            *grid,
                                   const char         *text,
                                   int                 row,
                                   guint               n_sides);
int  lf_compare_grid_section      (GtkGrid            *grid,
                                   const LfComparison *cmp,
                                   LfCompareSection    section,
                                   int                 row,
                                   const char         *heading,
                                   const char         *empty);
void lf_compare_grid_lay_out_body (GtkWidget          *body,
                                   GtkWidget          *chart,
                                   int                 width);

G_END_DECLS
