/* lf-compare-grid.c: an LfComparison drawn into a GtkGrid
 *
 * Copies the rows (lf-compare.c decides every text and which cells differ
 * from the reference) into labels, and lays a grid out beside or above
 * its chart.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-compare-grid.h"

/* Enough to read; a grid of thousands of rows would only slow the window. */
#define MAX_SECTION_ROWS 150

/* The page's layout, as in ui/lf-compare-view.ui. */
#define BODY_SPACING 18
#define PAGE_MARGINS 28
#define CHART_MIN_WIDTH 420

void
lf_compare_grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
grid_cell (GtkGrid    *grid,
           const char *text,
           int         column,
           int         row,
           gboolean    differs)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_add_css_class (label, "compare-cell");
  if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  if (differs)
    gtk_widget_add_css_class (label, "differs");
  gtk_grid_attach (grid, label, column, row, 1, 1);

  return label;
}

int
lf_compare_grid_heading (GtkGrid    *grid,
                         const char *text,
                         int         row,
                         guint       n_sides)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "compare-heading");
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, 0, row, n_sides + 1, 1);

  return row + 1;
}

int
lf_compare_grid_names (GtkGrid            *grid,
                       const LfComparison *cmp,
                       int                 row)
{
  GtkWidget *corner = grid_cell (grid, "", 0, row, FALSE);

  gtk_widget_add_css_class (corner, "compare-names");
  for (guint s = 0; s < cmp->n_sides; s++)
    {
      GtkWidget *name = grid_cell (grid, cmp->names[s], s + 1, row, FALSE);

      gtk_widget_add_css_class (name, "compare-names");
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
      /* No narrower than that either: a grid in a scrolled window is
       * measured at its least width, where a long name would wrap into
       * a tall column head and leave a gap under the grid. */
      gtk_label_set_width_chars (GTK_LABEL (name), MIN (g_utf8_strlen (cmp->names[s], -1), 16));
      gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_RIGHT);
    }

  return row + 1;
}

/* A dim line across the grid. */
static void
grid_note (GtkGrid    *grid,
           const char *text,
           int         row,
           guint       n_sides)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "compare-cell");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, n_sides + 1, 1);
}

static void
grid_row (GtkGrid            *grid,
          const LfCompareRow *r,
          int                 row,
          guint               n_sides)
{
  g_autofree char *title = NULL;
  GtkWidget *title_label;

  if (r->market != NULL && r->section != LF_COMPARE_MARKETS)
    /* Translators: a parameter of one market, e.g. "Japan · Legal set-up" */
    title = g_strdup_printf (_("%s · %s"), r->market, r->label);
  else
    title = g_strdup (r->label);
  title_label = grid_cell (grid, title, 0, row, FALSE);
  gtk_widget_add_css_class (title_label, "compare-title");
  /* "Payments … · Compliance per satisfaction" wraps rather than push the
   * last columns out of the page. */
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (title_label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 20);
  /* The title says a row has a difference; only the cells that differ
   * from the reference (the first side) are tinted. */
  if (r->marks != 0)
    gtk_widget_add_css_class (title_label, "row-differs");
  for (guint s = 0; s < n_sides; s++)
    grid_cell (grid, r->values[s], s + 1, row, lf_compare_row_marked (r, s));
}

/* The rows of @section, after @heading (when not NULL); @empty is shown
 * when there are none. Returns the next free row. */
int
lf_compare_grid_section (GtkGrid            *grid,
                         const LfComparison *cmp,
                         LfCompareSection    section,
                         int                 row,
                         const char         *heading,
                         const char         *empty)
{
  gboolean any = FALSE;
  guint shown = 0, hidden = 0;

  if (heading != NULL)
    row = lf_compare_grid_heading (grid, heading, row, cmp->n_sides);
  for (guint i = 0; i < cmp->rows->len; i++)
    {
      const LfCompareRow *r = g_ptr_array_index (cmp->rows, i);

      if (r->section != section)
        continue;
      any = TRUE;
      if (shown++ < MAX_SECTION_ROWS)
        grid_row (grid, r, row++, cmp->n_sides);
      else
        hidden++;
    }
  if (hidden > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more row not shown.", "%u more rows not shown.", hidden),
                                               hidden);

      grid_note (grid, more, row++, cmp->n_sides);
    }
  else if (!any && empty != NULL)
    grid_note (grid, empty, row++, cmp->n_sides);

  return row;
}

/* A grid and its chart side by side where both fit (libadwaita 1.2 has
 * no breakpoints); else the chart above the grid, since a grid of a few
 * dozen rows would push a chart under it out of sight. Decided when the
 * width changes and when the grid is made anew: GTK does not allocate
 * this widget again when only a grid inside it changes. */
void
lf_compare_grid_lay_out_body (GtkWidget *body,
                              GtkWidget *chart,
                              int        width)
{
  GtkWidget *table = gtk_widget_get_first_child (body);
  int natural = 0;
  gboolean wide;

  if (table == chart)
    table = gtk_widget_get_next_sibling (chart);
  gtk_widget_measure (table, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  wide = width >= natural + BODY_SPACING + CHART_MIN_WIDTH + PAGE_MARGINS;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (body), wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_reorder_child_after (GTK_BOX (body), chart, wide ? table : NULL);
}
