/* lf-market-pane.c: the editor of one market, every parameter of model.md
 *
 * One row per parameter, grouped as model.md groups them (lf_param_info),
 * built from the rules table so a new parameter needs no new widget code.
 * A value is applied as it is typed; a refused one stays on its row, marked
 * with the reason, and the market keeps its old value.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-market-pane.h"
#include "lf-number-row.h"
#include "lf-session.h"

#define N_GROUPS (LF_GROUP_RISK_STAFF + 1)

typedef struct
{
  AdwActionRow *row;
  GtkEditable  *lo;
  GtkEditable  *hi;
} RangeRow;

struct _LfMarketPane
{
  GtkWidget     parent_instance;

  GtkLabel     *title_label;
  GtkBox       *content;
  AdwEntryRow  *name_row;
  AdwEntryRow  *code_row;
  AdwComboRow  *lock_row;

  LfNumberRow  *rows[LF_N_PARAMS];
  RangeRow      ranges[LF_N_PARAMS];

  LfSession    *session;
  LfScenario   *scenario;
  LfMarket     *market;
  LfMoneyScale  scale;
  gboolean      updating;
};

G_DEFINE_FINAL_TYPE (LfMarketPane, lf_market_pane, GTK_TYPE_WIDGET)

static const char *group_titles[N_GROUPS] = {
  N_("Objective weights"),
  N_("Reach"),
  N_("Promotion cost"),
  N_("Technology transfer cost"),
  N_("Cultural integration cost"),
  N_("Legal compliance cost"),
  N_("Risk and staff"),
};

static char *
unit_text (LfMarketPane *self,
           LfUnit        unit)
{
  const char *currency = self->scenario ? lf_scenario_get_currency (self->scenario) : "";

  switch (unit)
    {
    case LF_UNIT_WEIGHT:
      /* Translators: unit of an objective weight */
      return g_strdup (C_("unit", "value"));
    case LF_UNIT_RISK:
      /* Translators: unit of risk exposure */
      return g_strdup (C_("unit", "risk"));
    case LF_UNIT_STAFF:
      /* Translators: unit of headcount */
      return g_strdup (C_("unit", "people"));
    case LF_UNIT_SHARE:
    case LF_UNIT_MONEY:
    default:
      return lf_display_unit_label (lf_display_kind_for_unit (unit), currency, self->scale);
    }
}

static void
refresh_units (LfMarketPane *self)
{
  for (guint k = 0; k < LF_N_PARAMS; k++)
    {
      g_autofree char *unit = unit_text (self, lf_param_info (k)->unit);

      lf_number_row_set_unit (self->rows[k], unit);
      lf_number_row_set_scale (self->rows[k], self->scale);
    }
}

static void
set_editable_text (LfMarketPane *self,
                   GtkEditable  *editable,
                   const char   *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (editable, text);
  self->updating = FALSE;
}

static void
refresh_range (LfMarketPane *self,
               LfParam       param)
{
  RangeRow *r = &self->ranges[param];
  g_autofree char *lo_text = NULL;
  g_autofree char *hi_text = NULL;
  double lo, hi;

  if (gtk_widget_has_css_class (GTK_WIDGET (r->row), "error"))
    return;
  if (lf_market_get_range (self->market, param, &lo, &hi))
    {
      lo_text = lf_display_format_entry (LF_ENTRY_NUMBER, lo, LF_MONEY_UNITS);
      hi_text = lf_display_format_entry (LF_ENTRY_NUMBER, hi, LF_MONEY_UNITS);
    }
  set_editable_text (self, r->lo, lo_text ? lo_text : "");
  set_editable_text (self, r->hi, hi_text ? hi_text : "");
}

static void
refresh (LfMarketPane *self)
{
  if (self->market == NULL)
    return;

  gtk_label_set_text (self->title_label, lf_market_get_name (self->market));
  set_editable_text (self, GTK_EDITABLE (self->name_row), lf_market_get_name (self->market));
  set_editable_text (self, GTK_EDITABLE (self->code_row), lf_market_get_code (self->market));
  self->updating = TRUE;
  adw_combo_row_set_selected (self->lock_row, lf_market_get_lock (self->market));
  self->updating = FALSE;
  for (guint k = 0; k < LF_N_PARAMS; k++)
    {
      lf_number_row_set_value (self->rows[k], lf_market_get_param (self->market, k));
      refresh_range (self, k);
    }
}

/* Where the market is now: a move or a removal elsewhere shifts it. */
static int
position (LfMarketPane *self)
{
  if (self->market == NULL || self->scenario == NULL)
    return -1;

  return lf_scenario_find_market (self->scenario, lf_market_get_name (self->market));
}

static void
on_param_edited_cb (LfNumberRow *row,
                    double       value,
                    LfMarketPane *self)
{
  LfParam param = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lf-param"));
  g_autoptr(GError) error = NULL;

  if (position (self) < 0)
    return;
  if (!lf_session_preview_market_param (self->session, self->scenario, position (self), param, value, &error))
    lf_number_row_set_error (row, error->message);
  else
    lf_number_row_set_error (row, NULL);
}

static void
mark_range (RangeRow   *r,
            const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (r->row), "error");
      adw_action_row_set_subtitle (r->row, message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (r->row), "error");
      adw_action_row_set_subtitle (r->row, _("Low and high multipliers of the stated value"));
    }
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static void
on_range_changed_cb (GtkEditable  *editable,
                     LfMarketPane *self)
{
  LfParam param = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "lf-param"));
  RangeRow *r = &self->ranges[param];
  const char *lo_text = gtk_editable_get_text (r->lo);
  const char *hi_text = gtk_editable_get_text (r->hi);
  g_autoptr(GError) error = NULL;
  double lo, hi;

  if (self->updating || position (self) < 0)
    return;
  if (is_blank (lo_text) && is_blank (hi_text))
    {
      lo = hi = NAN;
      if (lf_market_get_range (self->market, param, NULL, NULL)
          && !lf_session_set_market_range (self->session, self->scenario, position (self), param, lo, hi, &error))
        {
          mark_range (r, error->message);
          return;
        }
      mark_range (r, NULL);
      return;
    }
  if (!lf_display_parse_entry (LF_ENTRY_NUMBER, lo_text, LF_MONEY_UNITS, &lo, &error)
      || !lf_display_parse_entry (LF_ENTRY_NUMBER, hi_text, LF_MONEY_UNITS, &hi, &error)
      || !lf_session_set_market_range (self->session, self->scenario, position (self), param, lo, hi, &error))
    {
      mark_range (r, error->message);
      return;
    }
  mark_range (r, NULL);
}

static GtkEditable *
range_entry (LfMarketPane *self,
             LfParam       param,
             const char   *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (entry), "lf-param", GUINT_TO_POINTER (param));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_range_changed_cb), self, 0);

  return GTK_EDITABLE (entry);
}

static GtkWidget *
build_range_row (LfMarketPane *self,
                 LfParam       param)
{
  const LfParamInfo *info = lf_param_info (param);
  RangeRow *r = &self->ranges[param];
  g_autofree char *lo_name = g_strdup_printf (_("%s: low multiplier"), _(info->label));
  g_autofree char *hi_name = g_strdup_printf (_("%s: high multiplier"), _(info->label));
  g_autofree char *name = g_strdup_printf ("range-%s", info->key);
  GtkWidget *dash = gtk_label_new ("–");
  GtkWidget *times = gtk_label_new ("×");

  r->row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (r->row), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), _(info->label));
  r->lo = range_entry (self, param, lo_name);
  r->hi = range_entry (self, param, hi_name);
  gtk_widget_add_css_class (times, "dim-label");
  adw_action_row_add_suffix (r->row, GTK_WIDGET (r->lo));
  adw_action_row_add_suffix (r->row, dash);
  adw_action_row_add_suffix (r->row, GTK_WIDGET (r->hi));
  adw_action_row_add_suffix (r->row, times);
  mark_range (r, NULL);

  return GTK_WIDGET (r->row);
}

static void
on_commit_cb (LfMarketPane *self)
{
  if (self->session != NULL)
    lf_session_commit (self->session, NULL);
}

static GtkWidget *
build_param_row (LfMarketPane *self,
                 LfParam       param)
{
  const LfParamInfo *info = lf_param_info (param);
  LfNumberRow *row = lf_number_row_new (_(info->label), _(info->hint), lf_display_kind_for_unit (info->unit));
  g_autofree char *name = g_strdup_printf ("param-%s", info->key);

  gtk_widget_set_name (GTK_WIDGET (row), name);
  g_object_set_data (G_OBJECT (row), "lf-param", GUINT_TO_POINTER (param));
  g_signal_connect_object (row, "edited", G_CALLBACK (on_param_edited_cb), self, 0);
  g_signal_connect_object (row, "commit", G_CALLBACK (on_commit_cb), self, G_CONNECT_SWAPPED);
  self->rows[param] = row;

  return GTK_WIDGET (row);
}

static void
build_groups (LfMarketPane *self)
{
  AdwPreferencesGroup *groups[N_GROUPS];
  AdwPreferencesGroup *uncertainty;
  AdwExpanderRow *expander;

  for (guint g = 0; g < N_GROUPS; g++)
    {
      groups[g] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (groups[g], _(group_titles[g]));
      gtk_box_append (self->content, GTK_WIDGET (groups[g]));
    }
  for (guint k = 0; k < LF_N_PARAMS; k++)
    adw_preferences_group_add (groups[lf_param_info (k)->group], build_param_row (self, k));

  uncertainty = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (uncertainty, _("Uncertainty"));
  adw_preferences_group_set_description (uncertainty,
    _("Ranges for the Monte Carlo analysis: a parameter varies between its low and high multiple. Leave both empty for none."));
  expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Ranges"));
  adw_expander_row_set_subtitle (expander, _("Multipliers of the stated values, such as 0.8 – 1.5"));
  for (guint k = 0; k < LF_N_PARAMS; k++)
    adw_expander_row_add_row (expander, build_range_row (self, k));
  adw_preferences_group_add (uncertainty, GTK_WIDGET (expander));
  gtk_box_append (self->content, GTK_WIDGET (uncertainty));
}

static void
mark_entry_row (AdwEntryRow *row,
                const char  *title,
                GError      *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
}

static void
on_name_apply_cb (LfMarketPane *self)
{
  g_autoptr(GError) error = NULL;

  if (position (self) < 0)
    return;
  lf_session_set_market_name (self->session, self->scenario, position (self),
                              gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error);
  mark_entry_row (self->name_row, _("Name"), error);
}

static void
on_code_changed_cb (LfMarketPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  if (self->updating || position (self) < 0)
    return;
  code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->code_row)), -1);
  if (g_strcmp0 (g_strstrip (code), lf_market_get_code (self->market)) == 0)
    return;
  lf_session_set_market_code (self->session, self->scenario, position (self), code, &error);
  mark_entry_row (self->code_row, _("Region code (ISO 3166, two letters)"), error);
}

static void
on_lock_selected_cb (LfMarketPane *self)
{
  guint selected = adw_combo_row_get_selected (self->lock_row);

  g_autoptr(GError) error = NULL;

  if (self->updating || position (self) < 0 || selected > LF_LOCK_EXCLUDE
      || selected == (guint) lf_market_get_lock (self->market))
    return;
  if (!lf_session_set_market_lock (self->session, self->scenario, position (self), (LfLock) selected, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static void
on_currency_changed_cb (LfMarketPane *self)
{
  refresh_units (self);
}

static void
lf_market_pane_dispose (GObject *object)
{
  LfMarketPane *self = LF_MARKET_PANE (object);
  GtkWidget *child;

  g_clear_object (&self->market);
  g_clear_object (&self->scenario);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_MARKET_PANE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lf_market_pane_parent_class)->dispose (object);
}

static void
lf_market_pane_class_init (LfMarketPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_market_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lf-market-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, LfMarketPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, LfMarketPane, content);
  gtk_widget_class_bind_template_child (widget_class, LfMarketPane, name_row);
  gtk_widget_class_bind_template_child (widget_class, LfMarketPane, code_row);
  gtk_widget_class_bind_template_child (widget_class, LfMarketPane, lock_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lf_market_pane_init (LfMarketPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_groups (self);
  g_signal_connect_object (self->name_row, "apply", G_CALLBACK (on_name_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->code_row, "changed", G_CALLBACK (on_code_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lock_row, "notify::selected", G_CALLBACK (on_lock_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

LfMarketPane *
lf_market_pane_new (void)
{
  return g_object_new (LF_TYPE_MARKET_PANE, NULL);
}

static void
clear_marks (LfMarketPane *self)
{
  mark_entry_row (self->name_row, _("Name"), NULL);
  mark_entry_row (self->code_row, _("Region code (ISO 3166, two letters)"), NULL);
  for (guint k = 0; k < LF_N_PARAMS; k++)
    {
      lf_number_row_set_error (self->rows[k], NULL);
      mark_range (&self->ranges[k], NULL);
    }
}

void
lf_market_pane_set_market (LfMarketPane *self,
                           LfSession    *session,
                           LfScenario   *scenario,
                           LfMarket     *market)
{
  g_return_if_fail (LF_IS_MARKET_PANE (self));

  g_set_object (&self->session, session);
  if (self->market != NULL)
    g_signal_handlers_disconnect_by_data (self->market, self);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_set_object (&self->scenario, scenario);
  g_set_object (&self->market, market);
  if (market == NULL)
    return;
  g_signal_connect_object (market, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scenario, "notify::currency", G_CALLBACK (on_currency_changed_cb), self,
                           G_CONNECT_SWAPPED);
  clear_marks (self);
  refresh_units (self);
  refresh (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->content), GTK_TYPE_SCROLLED_WINDOW))), 0);
}

LfMarket *
lf_market_pane_get_market (LfMarketPane *self)
{
  g_return_val_if_fail (LF_IS_MARKET_PANE (self), NULL);

  return self->market;
}

void
lf_market_pane_set_money_scale (LfMarketPane *self,
                                LfMoneyScale  scale)
{
  g_return_if_fail (LF_IS_MARKET_PANE (self));

  self->scale = scale;
  refresh_units (self);
}
