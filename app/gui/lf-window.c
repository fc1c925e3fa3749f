/* lf-window.c: the main window: scenario sidebar, scenario page, toasts
 *
 * Knows scenarios only through LfSession (the list and the history), so
 * the workspace store replaces the in-memory list behind it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>
#include <unistd.h>

#include "lf-board-pack-export.h"
#include "lf-market-csv.h"
#include "lf-scenario-info.h"
#include "lf-window.h"

struct _LfWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkListBox           *scenario_list;
  AdwViewSwitcherTitle *window_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *content_stack;
  GtkToggleButton      *edit_button;

  LfScenarioPage       *page;
  LfSession            *session;
  GtkFilterListModel   *filtered;
  GtkStringFilter      *filter;
  GSettings            *settings;

  gboolean              selecting;
};

G_DEFINE_FINAL_TYPE (LfWindow, lf_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (LfWindow   *self,
       const char *title,
       const char *button,
       const char *action)
{
  AdwToast *t = adw_toast_new (title);

  if (button != NULL)
    {
      adw_toast_set_button_label (t, button);
      adw_toast_set_action_name (t, action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static LfScenario *
current_scenario (LfWindow *self)
{
  return lf_scenario_page_get_scenario (self->page);
}

/* Sidebar */

static GtkWidget *
create_scenario_row (gpointer item,
                     gpointer user_data)
{
  LfScenarioInfo *info = item;
  GtkWidget *name = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_widget_set_margin_top (name, 6);
  gtk_widget_set_margin_bottom (name, 6);
  g_object_bind_property (info, "name", name, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (info, "name", name, "tooltip-text", G_BINDING_SYNC_CREATE);

  return name;
}

/* Plan, What If and Compare: in the header when there is room, else in a
 * bar at the bottom; neither without a scenario. */
static void
update_switcher (LfWindow *self)
{
  gboolean have = current_scenario (self) != NULL;

  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, have);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    have && adw_view_switcher_title_get_title_visible (self->window_title));
}

static void
update_title (LfWindow *self)
{
  LfScenario *scenario = current_scenario (self);
  g_autofree char *count = NULL;
  guint n;

  update_switcher (self);
  if (scenario == NULL)
    {
      adw_view_switcher_title_set_title (self->window_title, _("Landfall"));
      adw_view_switcher_title_set_subtitle (self->window_title, "");
      return;
    }
  n = lf_scenario_get_n_markets (scenario);
  count = g_strdup_printf (ngettext ("%u market", "%u markets", n), n);
  adw_view_switcher_title_set_title (self->window_title, lf_scenario_get_name (scenario));
  adw_view_switcher_title_set_subtitle (self->window_title, count);
}

static void
update_actions (LfWindow *self)
{
  LfStore *store = lf_session_get_store (self->session);
  gboolean have = current_scenario (self) != NULL;
  gboolean writable = !lf_store_get_read_only (store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 lf_store_can_undo (store) || lf_session_has_pending (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", lf_store_can_redo (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-scenario", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-scenario", have && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-scenario", have && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-scenario", have && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-board-pack", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-board-pack-to", have);
}

static void
show_scenario (LfWindow   *self,
               LfScenario *scenario)
{
  LfScenario *old = current_scenario (self);

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, update_title, self);
  lf_scenario_page_set_scenario (self->page, scenario);
  gtk_stack_set_visible_child_name (self->content_stack, scenario ? "page" : "empty");
  if (scenario != NULL)
    g_signal_connect_object (scenario, "changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
  update_actions (self);
}

static void
show_id (LfWindow *self,
         gint64    id)
{
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  if (id == lf_session_get_id (self->session, current_scenario (self)) && current_scenario (self) != NULL)
    return;
  lf_session_commit (self->session, NULL);
  scenario = lf_session_load (self->session, id, &error);
  if (scenario == NULL)
    toast (self, error->message, NULL, NULL);
  show_scenario (self, scenario);
}

static void
on_scenario_selected_cb (LfWindow      *self,
                         GtkListBoxRow *row)
{
  g_autoptr(LfScenarioInfo) info = NULL;

  if (row == NULL)
    return;
  info = g_list_model_get_item (G_LIST_MODEL (self->filtered), gtk_list_box_row_get_index (row));
  show_id (self, lf_scenario_info_get_id (info));
  if (!self->selecting)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
lf_window_select_scenario_id (LfWindow *self,
                              gint64    id)
{
  guint n;

  g_return_if_fail (LF_IS_WINDOW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (lf_scenario_info_get_id (info) == id)
        {
          self->selecting = TRUE;
          gtk_list_box_select_row (self->scenario_list, gtk_list_box_get_row_at_index (self->scenario_list, i));
          self->selecting = FALSE;
          break;
        }
    }
  /* Hidden by the search: show it anyway. */
  show_id (self, id);
}

/* The scenario shown went away (deleted, or undone): show the first. */
static void
on_scenarios_changed_cb (LfWindow *self)
{
  GListModel *all = lf_session_get_scenarios (self->session);
  gint64 id = lf_session_get_id (self->session, current_scenario (self));
  g_autoptr(LfScenarioInfo) first = NULL;

  if (id != 0 && lf_session_find_position (self->session, id) >= 0)
    {
      lf_window_select_scenario_id (self, id);
      return;
    }
  if (g_list_model_get_n_items (all) == 0)
    {
      show_scenario (self, NULL);
      return;
    }
  first = g_list_model_get_item (all, 0);
  lf_window_select_scenario_id (self, lf_scenario_info_get_id (first));
}

static void
on_search_changed_cb (LfWindow *self)
{
  gint64 id = lf_session_get_id (self->session, current_scenario (self));

  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (id != 0)
    lf_window_select_scenario_id (self, id);
}

/* Scenario actions */

static void
added (LfWindow *self,
       gint64    id,
       GError   *error)
{
  if (id == 0)
    {
      toast (self, error->message, NULL, NULL);
      return;
    }
  lf_window_select_scenario_id (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
new_scenario_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autofree char *name = lf_session_unique_name (self->session, _("New scenario"));
  g_autoptr(LfScenario) scenario = lf_scenario_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  lf_session_commit (self->session, NULL);
  /* A budget to start from, so the first market gets a plan at once. */
  lf_scenario_set_budget (scenario, 1e6, NULL);
  id = lf_store_add_scenario (lf_session_get_store (self->session), scenario, &error);
  added (self, id, error);
}

static void
duplicate_scenario_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  LfWindow *self = LF_WINDOW (widget);
  gint64 id = lf_session_get_id (self->session, current_scenario (self));
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return;
  lf_session_commit (self->session, NULL);
  id = lf_store_duplicate_scenario (lf_session_get_store (self->session), id, &error);
  added (self, id, error);
}

static void
delete_scenario_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LfWindow *self = LF_WINDOW (widget);
  LfScenario *scenario = current_scenario (self);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (scenario == NULL)
    return;
  title = g_strdup_printf (_("“%s” deleted"), lf_scenario_get_name (scenario));
  lf_session_commit (self->session, NULL);
  if (!lf_store_delete_scenario (lf_session_get_store (self->session), lf_session_get_id (self->session, scenario),
                                 &error))
    toast (self, error->message, NULL, NULL);
  else
    toast (self, title, _("_Undo"), "win.undo");
}

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       LfWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "lf-entry");
  LfScenario *scenario = current_scenario (self);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || scenario == NULL)
    return;
  lf_session_commit (self->session, NULL);
  if (!lf_store_rename_scenario (lf_session_get_store (self->session), lf_session_get_id (self->session, scenario),
                                 gtk_editable_get_text (entry), &error))
    toast (self, error->message, NULL, NULL);
}

static void
rename_scenario_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LfWindow *self = LF_WINDOW (widget);
  LfScenario *scenario = current_scenario (self);
  GtkWidget *dialog, *entry;

  if (scenario == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Scenario"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), lf_scenario_get_name (scenario));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scenario name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  g_object_set_data (G_OBJECT (dialog), "lf-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_step (LfWindow *self,
              gboolean  undo)
{
  LfStore *store = lf_session_get_store (self->session);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  /* An edit still being typed is the newest step: undo undoes it. */
  lf_session_commit (self->session, NULL);
  label = g_strdup (undo ? lf_store_get_undo_label (store) : lf_store_get_redo_label (store));

  if (!(undo ? lf_store_undo (store, &error) : lf_store_redo (store, &error)))
    {
      toast (self, error->message, NULL, NULL);
      return;
    }
  /* Translators: a toast after undo, e.g. "Undo: budget change" */
  title = g_strdup_printf (undo ? _("Undo: %s") : _("Redo: %s"), label ? label : "");
  toast (self, title, NULL, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  history_step (LF_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  history_step (LF_WINDOW (widget), FALSE);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  toast (LF_WINDOW (widget), g_variant_get_string (param, NULL), NULL, NULL);
}

static void
show_undo_toast_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  toast (LF_WINDOW (widget), g_variant_get_string (param, NULL), _("_Undo"), "win.undo");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LfWindow *self = LF_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_scenarios_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  adw_leaflet_navigate (LF_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Files */

/* A scenario JSON, or a market CSV named after its file, into the
 * workspace; the new scenario's id, 0 with @error set. */
static gint64
import_file (LfWindow  *self,
             GFile     *file,
             GError   **error)
{
  LfStore *store = lf_session_get_store (self->session);
  g_autofree char *data = NULL;
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *name = NULL;
  gsize length;

  lf_session_commit (self->session, NULL);
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return 0;
  if (!g_str_has_suffix (base, ".csv"))
    return lf_store_import_json (store, data, length, NULL, error);
  base[strlen (base) - 4] = '\0';
  name = lf_session_unique_name (self->session, base);

  return lf_store_import_csv (store, name, data, length, NULL, error);
}

void
lf_window_open_files (LfWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_return_if_fail (LF_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;

      added (self, import_file (self, files[i], &error), error);
    }
}

static void
on_import_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       LfWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      lf_window_open_files (self, &file, 1);
    }
  g_object_unref (dialog);
}

static void
add_filters (GtkFileChooser *chooser,
             gboolean        with_csv)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("Scenario files (JSON)"));
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_chooser_add_filter (chooser, json);
  if (!with_csv)
    return;
  gtk_file_filter_set_name (csv, _("Market tables (CSV)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (chooser, csv);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Scenario or Market Table"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A name ending in .csv exports the market table; any other, the whole
 * scenario as JSON. */
static char *
export_data (LfWindow  *self,
             GFile     *file,
             gint64     id,
             gsize     *length,
             GError   **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (basename ? basename : "", -1);

  if (g_str_has_suffix (lower, ".csv"))
    return lf_market_csv_write_data (current_scenario (self), length);

  return lf_store_export_json (lf_session_get_store (self->session), id, length, error);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       LfWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gint64 id = lf_session_get_id (self->session, current_scenario (self));
  gsize length = 0;

  if (response == GTK_RESPONSE_ACCEPT && id != 0)
    {
      lf_session_commit (self->session, NULL);
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      data = export_data (self, file, id, &length, &error);
      if (data == NULL
          || !g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        toast (self, error->message, NULL, NULL);
      else
        toast (self, _("Scenario exported"), NULL, NULL);
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LfWindow *self = LF_WINDOW (widget);
  LfScenario *scenario = current_scenario (self);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (scenario == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Scenario"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.json", lf_scenario_get_name (scenario));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  add_filters (GTK_FILE_CHOOSER (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LfWindow *self = LF_WINDOW (widget);
  AdwViewStack *stack = lf_scenario_page_get_view_stack (self->page);
  const char *name = g_variant_get_string (param, NULL);

  if (current_scenario (self) == NULL || adw_view_stack_get_child_by_name (stack, name) == NULL)
    return;
  adw_view_stack_set_visible_child_name (stack, name);
  /* Folded, the page is behind the sidebar: bring it forward. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
export_board_pack_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  LfWindow *self = LF_WINDOW (widget);
  LfScenario *scenario = current_scenario (self);
  LfProblem *problem = NULL;
  LfPlan *plan = lf_scenario_page_get_plan (self->page, &problem);

  /* The pack shows what the window shows: the plan of the edits so far. */
  if (scenario == NULL || plan == NULL || problem == NULL)
    return;
  if (param == NULL)
    {
      lf_board_pack_export_run (GTK_WINDOW (self), self->toast_overlay, problem, plan,
                                lf_scenario_get_name (scenario));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

      lf_board_pack_export_to_file (GTK_WINDOW (self), self->toast_overlay, problem, plan, file);
    }
}

/* Object */

/* Launch to first frame, for G_MESSAGES_DEBUG=all: the start time
 * is the process's, taken from /proc where there is one. */
static void
on_first_paint_cb (GdkFrameClock *clock,
                   LfWindow      *self)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;

  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return;
  fields = g_strsplit (strrchr (stat, ')') + 2, " ", -1);
  if (g_strv_length (fields) > 19)
    {
      double started = g_ascii_strtod (fields[19], NULL) / sysconf (_SC_CLK_TCK);
      double now = 0;
      g_autofree char *uptime = NULL;

      if (g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
        now = g_ascii_strtod (uptime, NULL);
      g_debug ("First frame %.0f ms after the process started", (now - started) * 1000);
    }
}

static void
on_realize_cb (LfWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_paint_cb), self, 0);
}

static void
lf_window_constructed (GObject *object)
{
  LfWindow *self = LF_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GListModel *all;

  G_OBJECT_CLASS (lf_window_parent_class)->constructed (object);

  /* The page icons, whatever the application id (the .Devel one too). */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                                    "/io/github/landfall/Landfall/icons");

  self->settings = g_object_ref (LF_IS_APPLICATION (app) ? lf_application_get_settings (LF_APPLICATION (app))
                                                         : g_settings_new ("io.github.landfall.Landfall"));
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (self->session == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LfStore) store = lf_store_open_default (&error);

      if (store == NULL)
        {
          g_autofree char *path = lf_store_get_default_path ();

          /* Still a window: an empty workspace for this run only. */
          g_message ("Cannot open the workspace %s: %s", path, error->message);
          g_clear_error (&error);
          store = lf_store_open (":memory:", LF_STORE_OPEN_CREATE, &error);
          g_assert (store != NULL);
        }
      self->session = lf_session_new (store);
    }
  self->page = lf_scenario_page_new (self->settings, self->session);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->page), "page");
  g_object_bind_property (lf_scenario_page_get_flap (self->page), "folded", self->edit_button, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (lf_scenario_page_get_flap (self->page), "reveal-flap", self->edit_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  adw_view_switcher_title_set_stack (self->window_title, lf_scenario_page_get_view_stack (self->page));
  adw_view_switcher_bar_set_stack (self->switcher_bar, lf_scenario_page_get_view_stack (self->page));
  g_signal_connect_object (self->window_title, "notify::title-visible", G_CALLBACK (update_switcher), self,
                           G_CONNECT_SWAPPED);

  all = lf_session_get_scenarios (self->session);
  self->filter = gtk_string_filter_new (gtk_property_expression_new (LF_TYPE_SCENARIO_INFO, NULL, "name"));
  self->filtered = gtk_filter_list_model_new (g_object_ref (all), g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_box_bind_model (self->scenario_list, G_LIST_MODEL (self->filtered), create_scenario_row, self, NULL);
  g_signal_connect_object (all, "items-changed", G_CALLBACK (on_scenarios_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (lf_session_get_store (self->session), "notify::can-undo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (lf_session_get_store (self->session), "notify::can-redo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "pending-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  on_scenarios_changed_cb (self);
}

static void
lf_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LfWindow *self = LF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_window_dispose (GObject *object)
{
  LfWindow *self = LF_WINDOW (object);

  /* The last typed edit goes to the store while the widgets still live. */
  if (self->session != NULL)
    {
      lf_session_commit (self->session, NULL);
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (lf_session_get_store (self->session), self);
      g_signal_handlers_disconnect_by_data (lf_session_get_scenarios (self->session), self);
    }
  if (self->page != NULL && current_scenario (self) != NULL)
    g_signal_handlers_disconnect_by_data (current_scenario (self), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_WINDOW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lf_window_parent_class)->dispose (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-scenario", NULL, new_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-scenario", NULL, duplicate_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.rename-scenario", NULL, rename_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.delete-scenario", NULL, delete_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-scenarios", NULL, show_scenarios_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-undo-toast", "s", show_undo_toast_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-board-pack", NULL, export_board_pack_action);
  gtk_widget_class_install_action (widget_class, "win.export-board-pack-to", "s", export_board_pack_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
}

static void
lf_window_class_init (LfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lf_window_constructed;
  object_class->set_property = lf_window_set_property;
  object_class->dispose = lf_window_dispose;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LF_TYPE_SESSION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LF_TYPE_SCENARIO_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, edit_button);
  install_actions (widget_class);
}

static void
lf_window_init (LfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->scenario_list));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scenario_list, "row-selected", G_CALLBACK (on_scenario_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize_cb), NULL);
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

LfWindow *
lf_window_new (LfApplication *app)
{
  return g_object_new (LF_TYPE_WINDOW, "application", app, NULL);
}

LfWindow *
lf_window_new_with_session (LfApplication *app,
                            LfSession     *session)
{
  return g_object_new (LF_TYPE_WINDOW, "application", app, "session", session, NULL);
}

LfSession *
lf_window_get_session (LfWindow *self)
{
  g_return_val_if_fail (LF_IS_WINDOW (self), NULL);

  return self->session;
}

LfScenarioPage *
lf_window_get_page (LfWindow *self)
{
  g_return_val_if_fail (LF_IS_WINDOW (self), NULL);

  return self->page;
}
