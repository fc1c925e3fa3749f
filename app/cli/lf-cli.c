/* lf-cli.c: landfall-cli, the command line of cli.md: dispatch */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

#include "lf-cli-private.h"
#ifdef LF_CLI_HAVE_WORKSPACE
#include "lf-cli-workspace.h"
#endif

/* Only what is built is listed. */
static const LfCliCommand commands[] = {
  { "solve", N_("Solve one scenario and print the plan"), _lf_cli_solve },
  { "validate", N_("Check a scenario file and print every problem found"), _lf_cli_validate },
  { "sweep", N_("Solve at every budget of a range: the efficient frontier"), _lf_cli_sweep },
  { "tornado", N_("Scale each parameter alone down and up: what moves the value most"), _lf_cli_tornado },
  { "montecarlo", N_("Draw the uncertain parameters: the spread of the value, the risk of overrun"), _lf_cli_montecarlo },
  { "thresholds", N_("What it would take for each market to enter the plan or leave it"), _lf_cli_thresholds },
  { "chart", N_("Render one chart as PNG, SVG or PDF"), _lf_cli_chart },
  { "report", N_("Write the board pack: one PDF with every chart"), _lf_cli_report },
  { "export-model", N_("Write the programme as GLPK writes it (LP or MPS)"), _lf_cli_export_model },
#ifdef LF_CLI_HAVE_WORKSPACE
  { "workspace", N_("List, import, export and check workspace files"), lf_cli_workspace },
#endif
};

static char *
usage_text (void)
{
  GString *out = g_string_new (NULL);
  gsize width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));

  g_string_append_printf (out, "%s\n  landfall-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…] FILE"),
                          _("Plan which markets to enter, from the command line."));
  g_string_append_printf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_string_append (out, "  ");
      _lf_cli_append_padded (out, commands[i].name, width + 2, FALSE);
      g_string_append_printf (out, "%s\n", _(commands[i].summary));
    }
  g_string_append_printf (out, "\n%s\n  -h, --help     %s\n  --version      %s\n\n", _("Options:"),
                          _("Show this help"), _("Show the version"));
  /* Translators: keep "landfall-cli COMMAND --help" as it is */
  g_string_append_printf (out, "%s\n", _("Run “landfall-cli COMMAND --help” for the options of a command."));

  return g_string_free (out, FALSE);
}

static const LfCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

static int
run_command (const LfCliCommand  *command,
             int                  argc,
             char               **argv)
{
  g_autofree char *prgname = g_strconcat ("landfall-cli ", command->name, NULL);

  /* GOption names the program in "Usage:" and in its errors. */
  g_set_prgname (prgname);

  return command->run (argc, argv);
}

static int
dispatch (int    argc,
          char **argv)
{
  const LfCliCommand *command;
  g_autofree char *usage = NULL;

  if (argc < 2)
    {
      usage = usage_text ();
      g_printerr ("%s", usage);
      return LF_CLI_EXIT_BAD_INPUT;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      usage = usage_text ();
      return _lf_cli_write_output (usage, TRUE);
    }
  if (strcmp (argv[1], "--version") == 0)
    return _lf_cli_write_output ("landfall-cli " PACKAGE_VERSION "\n", TRUE);

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *shown = g_strescape (argv[1], NULL);

      _lf_cli_error ("landfall-cli", _("unknown command “%s”; “landfall-cli --help” lists them"), shown);
      return LF_CLI_EXIT_BAD_INPUT;
    }

  return run_command (command, argc - 1, argv + 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* LANDFALL_LOCALEDIR: catalogues of an uninstalled build (the tests). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LANDFALL_LOCALEDIR") ? g_getenv ("LANDFALL_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A closed pipe is a failed write (exit 1), not a death by signal. */
  signal (SIGPIPE, SIG_IGN);

  return dispatch (argc, argv);
}
