/* main.c: landfall, the window */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lf-application.h"

/* The language chosen in the preferences, through LANGUAGE, which
 * gettext reads before the locale's own language. Read before anything
 * is translated; a missing schema (an uninstalled build without
 * GSETTINGS_SCHEMA_DIR) leaves the system's choice. */
static void
apply_language_preference (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.landfall.Landfall", TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new ("io.github.landfall.Landfall");
  language = g_settings_get_string (settings, "language");
  if (language[0] != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LfApplication) app = NULL;
  /* An uninstalled build can point at its own compiled catalogues. */
  const char *localedir = g_getenv ("LANDFALL_LOCALEDIR");

  setlocale (LC_ALL, "");
  apply_language_preference ();
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lf_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
