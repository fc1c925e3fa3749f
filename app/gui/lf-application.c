/* lf-application.c: the application: actions, settings, style */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-application.h"
#include "lf-preferences.h"
#include "lf-resources.h"
#include "lf-window.h"

struct _LfApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (LfApplication, lf_application, ADW_TYPE_APPLICATION)

static void
apply_style (LfApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint style = (guint) g_settings_get_enum (self->settings, "style");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (style, G_N_ELEMENTS (schemes) - 1)]);
}

static void
on_style_changed_cb (LfApplication *self)
{
  apply_style (self);
}

static void
lf_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (lf_window_new (LF_APPLICATION (app)));
  gtk_window_present (window);
}

/* landfall FILE...: each scenario JSON or market CSV into the workspace. */
static void
lf_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  lf_application_activate (app);
  lf_window_open_files (LF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))), files, n_files);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Landfall developers", NULL };
  static const char *credits[] = {
    "GLPK, the GNU Linear Programming Kit https://www.gnu.org/software/glpk/",
    "GTK and libadwaita https://gtk.org",
    "SQLite https://sqlite.org",
    "json-glib https://gitlab.gnome.org/GNOME/json-glib",
    NULL,
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Landfall"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan which foreign markets to enter and how hard to push in each"),
                        "developer-name", _("The Landfall developers"),
                        "developers", developers,
                        "copyright", "© 2026 The Landfall developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line, for the about window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Built on"), credits);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  LfApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  LfPreferences *prefs = lf_preferences_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), window);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.new-scenario", { "<Control>n", NULL } },
    { "win.duplicate-scenario", { "<Control>d", NULL } },
    { "win.rename-scenario", { "F2", NULL } },
    { "win.delete-scenario", { "<Control>Delete", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-page::plan", { "<Alt>1", NULL } },
    { "win.show-page::what-if", { "<Alt>2", NULL } },
    { "win.show-page::compare", { "<Alt>3", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
lf_application_startup (GApplication *app)
{
  LfApplication *self = LF_APPLICATION (app);

  G_APPLICATION_CLASS (lf_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  set_accels (GTK_APPLICATION (app));
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (on_style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  apply_style (self);
}

static void
lf_application_finalize (GObject *object)
{
  LfApplication *self = LF_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lf_application_parent_class)->finalize (object);
}

static void
lf_application_class_init (LfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lf_application_finalize;
  app_class->activate = lf_application_activate;
  app_class->startup = lf_application_startup;
  app_class->open = lf_application_open;

  /* Keeps the resources (and their constructor) linked from the library. */
  g_assert (lf_get_resource () != NULL);
}

static void
lf_application_init (LfApplication *self)
{
  /* The schema id is fixed; the .Devel app id shares it. */
  self->settings = g_settings_new ("io.github.landfall.Landfall");
}

LfApplication *
lf_application_new (void)
{
  return g_object_new (LF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
lf_application_get_settings (LfApplication *self)
{
  g_return_val_if_fail (LF_IS_APPLICATION (self), NULL);

  return self->settings;
}
