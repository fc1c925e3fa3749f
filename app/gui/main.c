/* main.c: landfall, the window */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lf-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LfApplication) app = NULL;
  /* An uninstalled build can point at its own compiled catalogues. */
  const char *localedir = g_getenv ("LANDFALL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lf_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
