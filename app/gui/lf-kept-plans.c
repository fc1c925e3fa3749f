/* lf-kept-plans.c: the kept plans of the Compare page
 *
 * "Keep Plan" stores the current plan in the workspace; the list shows
 * each kept plan of the scenario, to tick or delete. A kept plan is read
 * once and stays restored while the scenario is shown.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-compare-view-private.h"

Side *
lf_kept_plans_find (LfCompareView *self,
                    gint64         plan_id)
{
  return g_hash_table_lookup (self->kept, &plan_id);
}

/* The title of a kept plan: when it was kept, in the user's locale. */
static char *
kept_name (gint64 created)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (created / G_USEC_PER_SEC);

  return when != NULL ? g_date_time_format (when, "%x %X") : g_strdup ("—");
}

static char *
kept_subtitle (const Side *side)
{
  g_autoptr(LfComparison) cmp = NULL;
  LfCompareSide col = { side->name, side->problem, side->plan };
  LfCompareSide cols[2] = { col, col };
  const LfCompareRow *value, *status;

  /* The same texts as the grid shows. */
  cmp = lf_compare_scenarios (cols, 2, LF_MONEY_UNITS);
  value = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, _("Value"));
  status = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, _("Status"));
  /* Translators: a kept plan's value and status, e.g. "Value 7.520 · Best plan" */
  return g_strdup_printf (_("Value %s · %s"), value->values[0], status->values[0]);
}

/* Reads a kept plan once; later lists reuse it. */
static Side *
restore_kept (LfCompareView      *self,
              const LfStoredPlan *listed)
{
  g_autoptr(LfStoredPlan) stored = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  Side *side = lf_kept_plans_find (self, listed->id);

  if (side != NULL)
    return side;
  stored = lf_store_load_plan (lf_session_get_store (self->session), listed->id, &error);
  if (stored == NULL || !lf_stored_plan_restore (stored, &problem, &plan, &error))
    {
      g_warning ("Cannot read kept plan %" G_GINT64_FORMAT ": %s", listed->id, error->message);
      return NULL;
    }
  side = lf_compare_side_new (self, SIDE_KEPT_PLAN, listed->id);
  side->name = kept_name (listed->created);
  lf_compare_side_set_problem (side, problem, plan);
  g_hash_table_insert (self->kept, &side->id, side);

  return side;
}

static void
on_delete_clicked_cb (GtkButton     *button,
                      LfCompareView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");
  g_autoptr(GError) error = NULL;
  int index = lf_compare_view_find_other (self, SIDE_KEPT_PLAN, id);

  if (!lf_store_delete_plan (lf_session_get_store (self->session), id, &error))
    {
      gtk_label_set_text (self->scenarios_status, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->scenarios_status), TRUE);
      return;
    }
  if (index >= 0)
    lf_compare_view_remove_other (self, index);
  g_hash_table_remove (self->kept, &id);
  lf_kept_plans_rebuild (self);
}

static GtkWidget *
make_plan_row (LfCompareView *self,
               Side          *side)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = kept_subtitle (side);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), side->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  lf_compare_view_make_check (self, SIDE_KEPT_PLAN, side->id, ADW_ACTION_ROW (row));
  g_object_set_data_full (G_OBJECT (delete), "id", g_memdup2 (&side->id, sizeof side->id), g_free);
  gtk_widget_set_name (delete, "delete-kept-plan");
  gtk_widget_set_tooltip_text (delete, _("Delete Kept Plan"));
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  return row;
}

void
lf_kept_plans_rebuild (LfCompareView *self)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = lf_compare_view_scenario_id (self);

  lf_compare_list_clear (self->plans_list);
  if (id > 0)
    listed = lf_store_list_plans (lf_session_get_store (self->session), id, &error);
  if (error != NULL)
    g_warning ("Cannot list kept plans: %s", error->message);
  for (guint i = 0; listed != NULL && i < listed->len; i++)
    {
      Side *side = restore_kept (self, g_ptr_array_index (listed, i));

      if (side != NULL)
        gtk_list_box_append (self->plans_list, make_plan_row (self, side));
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->plans_list)) == NULL)
    lf_compare_list_add_placeholder (self->plans_list, _("No kept plans yet"));
}

void
lf_kept_plans_keep (LfCompareView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lf_compare_view_scenario_id (self);

  if (id <= 0 || self->problem == NULL || self->plan == NULL)
    return;
  if (lf_store_save_plan (lf_session_get_store (self->session), id, self->problem, self->plan, &error) <= 0)
    {
      gtk_label_set_text (self->scenarios_status, error != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->scenarios_status), TRUE);
      return;
    }
  lf_kept_plans_rebuild (self);
}
