/* lf-compare-markets.c: the Markets section of the Compare page
 *
 * A chip per market to tick two to six of them (by name, so a tick
 * outlives a solve), their grid and the compare chart.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lf-compare-grid.h"
#include "lf-compare-view-private.h"

/* A long list of markets shows this many chips, and a search. */
#define MAX_CHIPS 40

static gboolean
market_chosen (LfCompareView *self,
               const char    *name)
{
  for (guint i = 0; i < self->chosen_markets->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->chosen_markets, i), name) == 0)
      return TRUE;

  return FALSE;
}

/* The chosen markets' indices in the current problem, in ticking order. */
static guint
chosen_indices (LfCompareView *self,
                guint          out[LF_COMPARE_MAX_SIDES])
{
  guint n = 0;

  for (guint k = 0; k < self->chosen_markets->len && n < LF_COMPARE_MAX_SIDES; k++)
    for (guint i = 0; i < self->problem->n_markets; i++)
      if (g_strcmp0 (self->problem->markets[i].name, g_ptr_array_index (self->chosen_markets, k)) == 0)
        {
          out[n++] = i;
          break;
        }

  return n;
}

/* Six ticked: the others wait until one is unticked. */
static void
update_chip_sensitivity (LfCompareView *self)
{
  gboolean full = self->chosen_markets->len >= LF_COMPARE_MAX_SIDES;

  for (guint i = 0; i < self->chips->len; i++)
    {
      GtkCheckButton *chip = g_ptr_array_index (self->chips, i);

      gtk_widget_set_sensitive (GTK_WIDGET (chip), !full || gtk_check_button_get_active (chip));
    }
}

static void
refresh_markets_grid (LfCompareView *self)
{
  guint markets[LF_COMPARE_MAX_SIDES];
  guint n = self->problem != NULL ? chosen_indices (self, markets) : 0;
  g_autoptr(LfComparison) cmp = NULL;
  int row = 0;

  lf_compare_grid_clear (self->markets_grid);
  gtk_widget_set_visible (self->markets_body, n >= LF_COMPARE_MIN_SIDES);
  lf_chart_view_set_plan (self->markets_chart, self->problem, self->plan);
  lf_chart_view_set_compare_markets (self->markets_chart, markets, n);
  if (n < LF_COMPARE_MIN_SIDES)
    return;
  cmp = lf_compare_markets (self->problem, self->plan, markets, n, self->scale);
  row = lf_compare_grid_names (self->markets_grid, cmp, row);
  row = lf_compare_grid_section (self->markets_grid, cmp, LF_COMPARE_PARAMS, row, _("Parameters"), NULL);
  lf_compare_grid_section (self->markets_grid, cmp, LF_COMPARE_RESULTS, row, _("In the plan"), NULL);
  lf_compare_grid_lay_out_body (self->markets_body, GTK_WIDGET (self->markets_chart),
                                gtk_widget_get_width (GTK_WIDGET (self)));
}

static void
on_chip_toggled_cb (GtkCheckButton *chip,
                    LfCompareView  *self)
{
  const char *name = g_object_get_data (G_OBJECT (chip), "market");

  self->markets_touched = TRUE;
  if (gtk_check_button_get_active (chip) && !market_chosen (self, name))
    g_ptr_array_add (self->chosen_markets, g_strdup (name));
  else if (!gtk_check_button_get_active (chip))
    for (guint i = 0; i < self->chosen_markets->len; i++)
      if (g_strcmp0 (g_ptr_array_index (self->chosen_markets, i), name) == 0)
        g_ptr_array_remove_index (self->chosen_markets, i--);
  update_chip_sensitivity (self);
  refresh_markets_grid (self);
}

/* The leading entered markets, as the compare chart picks them. */
static void
choose_default_markets (LfCompareView *self)
{
  guint markets[LF_CHART_COMPARE_MAX];
  guint n = lf_chart_default_compare (self->problem, self->plan, markets);

  for (guint k = 0; k < n && k < LF_COMPARE_MAX_SIDES; k++)
    g_ptr_array_add (self->chosen_markets, g_strdup (self->problem->markets[markets[k]].name));
}

/* Markets ticked before keep their tick (by name) across solves; ones
 * gone are forgotten. */
static void
prune_chosen (LfCompareView *self)
{
  for (guint k = 0; k < self->chosen_markets->len; k++)
    {
      const char *name = g_ptr_array_index (self->chosen_markets, k);
      gboolean found = FALSE;

      for (guint i = 0; i < self->problem->n_markets && !found; i++)
        found = g_strcmp0 (self->problem->markets[i].name, name) == 0;
      if (!found)
        g_ptr_array_remove_index (self->chosen_markets, k--);
    }
  /* Not after the user has unticked them all on purpose. */
  if (self->chosen_markets->len == 0 && !self->markets_touched)
    choose_default_markets (self);
}

static void
add_chip (LfCompareView *self,
          const char    *name)
{
  GtkWidget *chip = gtk_check_button_new_with_label (name);

  g_object_set_data_full (G_OBJECT (chip), "market", g_strdup (name), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (chip), market_chosen (self, name));
  g_signal_connect_object (chip, "toggled", G_CALLBACK (on_chip_toggled_cb), self, 0);
  gtk_flow_box_append (self->market_chips, chip);
  gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
  g_ptr_array_add (self->chips, chip);
}

static gboolean
name_matches (const char *name,
              const char *folded_filter)
{
  g_autofree char *folded = NULL;

  if (*folded_filter == '\0')
    return TRUE;
  folded = g_utf8_casefold (name, -1);

  return strstr (folded, folded_filter) != NULL;
}

/* A chip per market, the ticked ones always; a long list shows only the
 * first MAX_CHIPS that match the search. */
static void
rebuild_chips (LfCompareView *self)
{
  g_autofree char *filter = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->market_search)), -1);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->market_chips))) != NULL)
    gtk_flow_box_remove (self->market_chips, child);
  g_ptr_array_set_size (self->chips, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->market_search),
                          self->problem != NULL && self->problem->n_markets > MAX_CHIPS);
  if (self->problem == NULL)
    return;
  prune_chosen (self);
  for (guint i = 0; i < self->problem->n_markets; i++)
    {
      const char *name = self->problem->markets[i].name;

      if (market_chosen (self, name))
        add_chip (self, name);
      else if (shown < MAX_CHIPS && name_matches (name, filter))
        {
          add_chip (self, name);
          shown++;
        }
    }
  update_chip_sensitivity (self);
}

/* The market names, in order, as one number: the chips are made anew
 * only when they change. */
static guint
names_signature (const LfProblem *problem)
{
  guint h = problem != NULL ? problem->n_markets + 1 : 0;

  for (guint i = 0; problem != NULL && i < problem->n_markets; i++)
    h = h * 31 + g_str_hash (problem->markets[i].name);

  return h;
}

void
lf_compare_markets_search_changed (LfCompareView *self)
{
  rebuild_chips (self);
}

void
lf_compare_view_refresh_markets (LfCompareView *self)
{
  guint signature = names_signature (self->problem);

  if (lf_compare_view_defer_unmapped (self))
    return;
  /* Without a plan there is no default yet: it comes with the first. */
  if (signature != self->chips_signature || self->chips->len == 0 ||
      (!self->markets_touched && self->chosen_markets->len == 0))
    {
      self->chips_signature = signature;
      rebuild_chips (self);
    }
  refresh_markets_grid (self);
}
