/* lf-compare-scenarios.c: the Scenarios section of the Compare page
 *
 * The current plan beside ticked kept plans and other scenarios: the
 * list of other scenarios to tick, the grid and the frontiers overlaid.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-compare-grid.h"
#include "lf-compare-view-private.h"

gint64
lf_compare_view_scenario_id (LfCompareView *self)
{
  if (self->session == NULL || self->scenario == NULL)
    return -1;

  return lf_session_get_id (self->session, self->scenario);
}

static gboolean
scenarios_shown (LfCompareView *self)
{
  return gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_toggle_button_get_active (self->scenarios_toggle);
}

static guint
collect_sides (LfCompareView *self,
               Side          *sides[LF_COMPARE_MAX_SIDES])
{
  guint n = 0;

  sides[n++] = self->current;
  for (guint i = 0; i < self->others->len && n < LF_COMPARE_MAX_SIDES; i++)
    sides[n++] = g_ptr_array_index (self->others, i);

  return n;
}

gboolean
lf_compare_view_any_busy (LfCompareView *self)
{
  Side *sides[LF_COMPARE_MAX_SIDES];
  guint n = collect_sides (self, sides);

  for (guint s = 0; s < n; s++)
    if (sides[s]->busy)
      return TRUE;

  return FALSE;
}

static gboolean
mixed_currencies (Side  **sides,
                  guint   n)
{
  for (guint s = 1; s < n; s++)
    if (sides[s]->problem != NULL && sides[0]->problem != NULL &&
        g_strcmp0 (sides[s]->problem->currency, sides[0]->problem->currency) != 0)
      return TRUE;

  return FALSE;
}

static void
refresh_frontiers (LfCompareView *self,
                   Side         **sides,
                   guint          n)
{
  guint shown = n >= LF_COMPARE_MIN_SIDES ? n : 0;

  for (guint s = 0; s < LF_COMPARE_MAX_SIDES; s++)
    {
      self->frontier_sweeps[s] = s < shown ? sides[s]->sweep : NULL;
      self->frontier_names[s] = s < shown ? sides[s]->name : NULL;
    }
  /* Sides in several currencies share no money unit: the axis says
   * "Budget" and no code (the note above the grid says why). */
  lf_chart_view_set_frontiers (self->frontiers_chart, self->frontier_sweeps, self->frontier_names, shown,
                               self->problem != NULL && !mixed_currencies (sides, n) ? self->problem->currency : NULL);
}

static void
refresh_scenarios_grid (LfCompareView *self,
                        Side         **sides,
                        guint          n)
{
  LfCompareSide cols[LF_COMPARE_MAX_SIDES];
  g_autoptr(LfComparison) cmp = NULL;
  int row = 0;

  lf_compare_grid_clear (self->scenarios_grid);
  for (guint s = 0; s < n; s++)
    cols[s] = (LfCompareSide) { sides[s]->name, sides[s]->problem, sides[s]->plan };
  cmp = lf_compare_scenarios (cols, n, self->scale);
  row = lf_compare_grid_names (self->scenarios_grid, cmp, row);
  row = lf_compare_grid_section (self->scenarios_grid, cmp, LF_COMPARE_HEADLINE, row, NULL, NULL);
  row = lf_compare_grid_section (self->scenarios_grid, cmp, LF_COMPARE_MARKETS, row, _("Markets that differ"),
                                 _("The same markets, entered alike"));
  /* Settings and market parameters under one heading. */
  row = lf_compare_grid_heading (self->scenarios_grid, _("Parameters that differ"), row, cmp->n_sides);
  row = lf_compare_grid_section (self->scenarios_grid, cmp, LF_COMPARE_SETTINGS, row, NULL, NULL);
  lf_compare_grid_section (self->scenarios_grid, cmp, LF_COMPARE_PARAMS, row, NULL,
                           lf_comparison_count (cmp, LF_COMPARE_SETTINGS) > 0 ? NULL
                                                                             : _("Every parameter is the same"));
  gtk_widget_set_visible (GTK_WIDGET (self->currency_note), cmp->mixed_currencies);
}

void
lf_compare_view_refresh_scenarios (LfCompareView *self)
{
  Side *sides[LF_COMPARE_MAX_SIDES];
  guint n = collect_sides (self, sides);
  gboolean ready = n >= LF_COMPARE_MIN_SIDES && self->current->problem != NULL;
  gboolean busy;

  if (scenarios_shown (self))
    for (guint s = 0; s < n && ready; s++)
      lf_compare_side_start (sides[s]);
  busy = lf_compare_view_any_busy (self);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_button),
                            lf_compare_view_scenario_id (self) > 0 && self->plan != NULL);
  gtk_widget_set_visible (self->scenarios_body, ready);
  gtk_label_set_text (self->scenarios_status,
                      !ready ? _("Tick a kept plan or another scenario to compare it with this one.") :
                      busy ? _("Solving and sweeping the budget…") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->scenarios_status), !ready || busy);
  refresh_frontiers (self, sides, ready ? n : 0);
  if (!ready)
    {
      lf_compare_grid_clear (self->scenarios_grid);
      gtk_widget_set_visible (GTK_WIDGET (self->currency_note), FALSE);
    }
  else if (!lf_compare_view_defer_unmapped (self))
    refresh_scenarios_grid (self, sides, n);
}

/* Other sides: ticked kept plans and scenarios */

int
lf_compare_view_find_other (LfCompareView *self,
                            SideKind       kind,
                            gint64         id)
{
  for (guint i = 0; i < self->others->len; i++)
    {
      Side *side = g_ptr_array_index (self->others, i);

      if (side->kind == kind && side->id == id)
        return i;
    }

  return -1;
}

static Side *
load_scenario_side (LfCompareView *self,
                    gint64         id,
                    Side          *side)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) scenario = lf_session_load (self->session, id, &error);
  g_autoptr(LfProblem) problem = NULL;

  if (scenario == NULL)
    {
      g_warning ("Cannot load scenario %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }
  problem = lf_problem_new_from_scenario (scenario);
  if (side == NULL)
    side = lf_compare_side_new (self, SIDE_SCENARIO, id);
  g_free (side->name);
  side->name = g_strdup (lf_scenario_get_name (scenario));
  if (side->problem == NULL || !lf_compare_problems_equal (side->problem, problem))
    lf_compare_side_set_problem (side, problem, NULL);

  return side;
}

static void update_check_sensitivity (LfCompareView *self,
                                      GtkListBox    *list);

/* Released only after the grid and chart stop borrowing from it. */
void
lf_compare_view_remove_other (LfCompareView *self,
                              guint          index)
{
  Side *side = g_ptr_array_steal_index (self->others, index);

  lf_compare_view_refresh_scenarios (self);
  lf_compare_side_release (side);
  /* Room again for a sixth side, whichever list this one came from. */
  update_check_sensitivity (self, self->plans_list);
  update_check_sensitivity (self, self->others_list);
}

/* Up to five beside the current plan. */
static void
update_check_sensitivity (LfCompareView *self,
                          GtkListBox    *list)
{
  gboolean room = self->others->len < LF_COMPARE_MAX_SIDES - 1;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL)
        gtk_widget_set_sensitive (check, room || gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }
}

static void
on_other_toggled_cb (GtkCheckButton *check,
                     LfCompareView  *self)
{
  SideKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "kind"));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "id");
  int index = lf_compare_view_find_other (self, kind, id);
  Side *side = NULL;

  if (!gtk_check_button_get_active (check))
    {
      if (index >= 0)
        lf_compare_view_remove_other (self, index);
    }
  else if (index < 0)
    {
      if (kind == SIDE_SCENARIO)
        side = load_scenario_side (self, id, NULL);
      else if (lf_kept_plans_find (self, id) != NULL)
        side = lf_compare_side_ref (lf_kept_plans_find (self, id));
      if (side != NULL)
        g_ptr_array_add (self->others, side);
      lf_compare_view_refresh_scenarios (self);
    }
  update_check_sensitivity (self, self->plans_list);
  update_check_sensitivity (self, self->others_list);
}

GtkWidget *
lf_compare_view_make_check (LfCompareView *self,
                            SideKind       kind,
                            gint64         id,
                            AdwActionRow  *row)
{
  GtkWidget *check = gtk_check_button_new ();

  g_object_set_data (G_OBJECT (check), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (check), "id", g_memdup2 (&id, sizeof id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), lf_compare_view_find_other (self, kind, id) >= 0);
  gtk_widget_set_sensitive (check, lf_compare_view_find_other (self, kind, id) >= 0 ||
                                   self->others->len < LF_COMPARE_MAX_SIDES - 1);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_other_toggled_cb), self, 0);
  adw_action_row_add_prefix (row, check);
  adw_action_row_set_activatable_widget (row, check);
  g_object_set_data (G_OBJECT (row), "check", check);

  return check;
}

void
lf_compare_list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
lf_compare_list_add_placeholder (GtkListBox *list,
                                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
on_info_renamed_cb (LfScenarioInfo *info,
                    GParamSpec     *pspec,
                    GtkWidget      *row)
{
  GtkWidget *view = gtk_widget_get_ancestor (row, LF_TYPE_COMPARE_VIEW);

  if (view == NULL)
    return;
  lf_compare_view_reload_others (LF_COMPARE_VIEW (view));
  lf_compare_view_refresh_scenarios (LF_COMPARE_VIEW (view));
}

void
lf_compare_view_rebuild_others (LfCompareView *self)
{
  GListModel *model;
  gint64 current = lf_compare_view_scenario_id (self);

  lf_compare_list_clear (self->others_list);
  if (self->session == NULL)
    return;
  model = lf_session_get_scenarios (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (model, i);
      GtkWidget *row;

      if (lf_scenario_info_get_id (info) == current)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* A rename changes the info, not the list: follow it here and in
       * the columns of the ticked sides. */
      g_object_bind_property (info, "name", row, "title", G_BINDING_SYNC_CREATE);
      g_signal_connect_object (info, "notify::name", G_CALLBACK (on_info_renamed_cb), row, 0);
      lf_compare_view_make_check (self, SIDE_SCENARIO, lf_scenario_info_get_id (info), ADW_ACTION_ROW (row));
      gtk_list_box_append (self->others_list, row);
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->others_list)) == NULL)
    lf_compare_list_add_placeholder (self->others_list, _("No other scenarios"));
}

/* Drops every other side, for a new scenario or workspace. */
void
lf_compare_view_clear_others (LfCompareView *self)
{
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func ((GDestroyNotify) lf_compare_side_release);

  while (self->others->len > 0)
    g_ptr_array_add (old, g_ptr_array_steal_index (self->others, self->others->len - 1));
  lf_compare_view_refresh_scenarios (self);
  g_hash_table_remove_all (self->kept);
}

/* Other scenarios may have been edited in their own tabs meanwhile. */
void
lf_compare_view_reload_others (LfCompareView *self)
{
  for (guint i = 0; i < self->others->len; i++)
    {
      Side *side = g_ptr_array_index (self->others, i);

      if (side->kind == SIDE_SCENARIO && load_scenario_side (self, side->id, side) == NULL)
        lf_compare_view_remove_other (self, i--);
    }
}

void
lf_compare_view_on_scenarios_changed (GListModel    *model,
                                      guint          position,
                                      guint          removed,
                                      guint          added,
                                      LfCompareView *self)
{
  /* A scenario deleted: its side goes. */
  for (guint i = 0; i < self->others->len; i++)
    {
      Side *side = g_ptr_array_index (self->others, i);

      if (side->kind == SIDE_SCENARIO && lf_session_find_position (self->session, side->id) < 0)
        lf_compare_view_remove_other (self, i--);
    }
  lf_compare_view_rebuild_others (self);
  lf_compare_view_refresh_scenarios (self);
}
