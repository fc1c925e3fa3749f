/* lf-number-row.c: a row that edits one number, with its unit and reason */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-number-row.h"

struct _LfNumberRow
{
  AdwActionRow  parent_instance;
  GtkEntry     *entry;
  GtkLabel     *unit;
  GtkSwitch    *toggle;
  char         *hint;
  LfEntryKind   kind;
  LfMoneyScale  scale;
  double        value;
  guint         updating : 1;
  guint         has_error : 1;
};

G_DEFINE_FINAL_TYPE (LfNumberRow, lf_number_row, ADW_TYPE_ACTION_ROW)

enum {
  EDITED,
  COMMIT,
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_entry_changed_cb (LfNumberRow *self)
{
  g_autoptr(GError) error = NULL;
  double value;

  if (self->updating)
    return;
  if (!lf_display_parse_entry (self->kind, gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                               self->scale, &value, &error))
    {
      lf_number_row_set_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[EDITED], 0, value);
}

/* Enter, or leaving the field, ends an edit. */
static void
on_entry_done_cb (LfNumberRow *self)
{
  g_signal_emit (self, signals[COMMIT], 0);
}

static void
on_switch_active_cb (LfNumberRow *self)
{
  gboolean active = gtk_switch_get_active (self->toggle);

  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), active);
  if (!self->updating)
    g_signal_emit (self, signals[TOGGLED], 0, active);
}

static void
lf_number_row_finalize (GObject *object)
{
  LfNumberRow *self = LF_NUMBER_ROW (object);

  g_free (self->hint);

  G_OBJECT_CLASS (lf_number_row_parent_class)->finalize (object);
}

static void
lf_number_row_class_init (LfNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lf_number_row_finalize;

  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TOGGLED] =
    g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
lf_number_row_init (LfNumberRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *focus;

  self->value = NAN;
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 14);
  gtk_editable_set_alignment (GTK_EDITABLE (self->entry), 1.0);
  gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_NUMBER);
  /* Ctrl+Z is the window's undo, one named step per edit, not the
   * field's own undo of single characters. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  self->unit = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->unit, 5);
  gtk_label_set_xalign (self->unit, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->unit), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->unit), "unit");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->unit));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  /* Three: a German hint beside the entry needs them (two ellipsized). */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_done_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_done_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
}

LfNumberRow *
lf_number_row_new (const char  *title,
                   const char  *hint,
                   LfEntryKind  kind)
{
  LfNumberRow *self = g_object_new (LF_TYPE_NUMBER_ROW, "title", title, "subtitle", hint, NULL);

  self->hint = g_strdup (hint);
  self->kind = kind;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint ? hint : "",
                                  -1);

  return self;
}

/* Leaves the text alone when it already says this value, so the caret
 * does not jump while the user types "1 2" on the way to "1 250 000". */
void
lf_number_row_set_value (LfNumberRow *self,
                         double       value)
{
  g_autofree char *text = NULL;
  double shown;

  g_return_if_fail (LF_IS_NUMBER_ROW (self));

  /* A refused text stays on screen until the model itself moves. */
  if (self->has_error && (value == self->value || (isnan (value) && isnan (self->value))))
    return;
  self->value = value;
  if (lf_display_parse_entry (self->kind, gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                              self->scale, &shown, NULL)
      && (shown == value || fabs (shown - value) <= 1e-9 * fabs (value))
      && !self->has_error)
    return;
  text = lf_display_format_entry (self->kind, value, self->scale);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->updating = FALSE;
  lf_number_row_set_error (self, NULL);
}

void
lf_number_row_set_unit (LfNumberRow *self,
                        const char  *unit)
{
  g_return_if_fail (LF_IS_NUMBER_ROW (self));

  gtk_label_set_text (self->unit, unit ? unit : "");
}

/* A new scale rewrites the text of the same value. */
void
lf_number_row_set_scale (LfNumberRow  *self,
                         LfMoneyScale  scale)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LF_IS_NUMBER_ROW (self));

  if (self->scale == scale)
    return;
  self->scale = scale;
  if (isnan (self->value) || self->has_error)
    return;
  text = lf_display_format_entry (self->kind, self->value, scale);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->updating = FALSE;
}

void
lf_number_row_set_error (LfNumberRow *self,
                         const char  *message)
{
  g_return_if_fail (LF_IS_NUMBER_ROW (self));

  self->has_error = message != NULL;
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->hint ? self->hint : "");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

gboolean
lf_number_row_has_error (LfNumberRow *self)
{
  g_return_val_if_fail (LF_IS_NUMBER_ROW (self), FALSE);

  return self->has_error;
}

void
lf_number_row_set_switchable (LfNumberRow *self,
                              gboolean     switchable)
{
  g_return_if_fail (LF_IS_NUMBER_ROW (self));

  if (!switchable || self->toggle != NULL)
    return;
  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  g_signal_connect_object (self->toggle, "notify::active", G_CALLBACK (on_switch_active_cb), self,
                           G_CONNECT_SWAPPED);
}

void
lf_number_row_set_active (LfNumberRow *self,
                          gboolean     active)
{
  g_return_if_fail (LF_IS_NUMBER_ROW (self));
  g_return_if_fail (self->toggle != NULL);

  self->updating = TRUE;
  gtk_switch_set_active (self->toggle, active);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), active);
  self->updating = FALSE;
}

gboolean
lf_number_row_get_active (LfNumberRow *self)
{
  g_return_val_if_fail (LF_IS_NUMBER_ROW (self), FALSE);

  return self->toggle == NULL || gtk_switch_get_active (self->toggle);
}

GtkEditable *
lf_number_row_get_entry (LfNumberRow *self)
{
  g_return_val_if_fail (LF_IS_NUMBER_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}

