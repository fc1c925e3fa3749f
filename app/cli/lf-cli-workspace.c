/* lf-cli-workspace.c: the workspace sub-commands of cli.md
 *
 *   workspace list   --db PATH [--json]
 *   workspace import --db PATH FILE...
 *   workspace export --db PATH --scenario NAME [--out FILE]
 *   workspace check  --db PATH
 *
 * Only import writes, and only once every FILE has been read without a
 * problem: a bad file imports nothing.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lf-cli-private.h"
#include "lf-cli-workspace.h"
#include "lf-scenario-json.h"
#include "lf-store.h"

/* A refused or missing file is bad input (2); a failed write is 1. */
static int
store_error (const GError *error)
{
  _lf_cli_error (g_get_prgname (), "%s", error->message);

  if (g_error_matches (error, LF_STORE_ERROR, LF_STORE_ERROR_DISK_FULL) ||
      g_error_matches (error, LF_STORE_ERROR, LF_STORE_ERROR_IO))
    return LF_CLI_EXIT_FAILED;

  return LF_CLI_EXIT_BAD_INPUT;
}

static gboolean
require_db (const char *db)
{
  if (db != NULL && *db != '\0')
    return TRUE;

  _lf_cli_error (g_get_prgname (), _("--db PATH is required: the workspace file"));
  return FALSE;
}

static gboolean
no_files (int    argc,
          char **argv)
{
  if (argc <= 1)
    return TRUE;

  _lf_cli_error (g_get_prgname (), _("unexpected argument “%s”"), argv[1]);
  return FALSE;
}

/* list */

static void
list_json (LfCliJson   *json,
           gint64       id,
           LfScenario  *scenario)
{
  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "id");
  _lf_cli_json_int (json, id);
  _lf_cli_json_key (json, "name");
  _lf_cli_json_string (json, lf_scenario_get_name (scenario));
  _lf_cli_json_key (json, "markets");
  _lf_cli_json_int (json, lf_scenario_get_n_markets (scenario));
  _lf_cli_json_key (json, "objective");
  _lf_cli_json_string (json, lf_objective_to_string (lf_scenario_get_objective (scenario)));
  _lf_cli_json_key (json, "currency");
  _lf_cli_json_string (json, lf_scenario_get_currency (scenario));
  _lf_cli_json_key (json, "budget");
  _lf_cli_json_number (json, lf_scenario_get_budget (scenario));
  _lf_cli_json_end_object (json);
}

static void
list_row (GString     *out,
          gint64       id,
          LfScenario  *scenario)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *n_text = g_strdup_printf ("%u", lf_scenario_get_n_markets (scenario));

  _lf_cli_append_padded (out, id_text, 6, TRUE);
  g_string_append (out, "  ");
  _lf_cli_append_padded (out, n_text, 7, TRUE);
  g_string_append_printf (out, "  %s\n", lf_scenario_get_name (scenario));
}

static int
list_scenarios (LfStore  *store,
                gboolean  as_json)
{
  GListModel *list = lf_store_get_scenarios (store);
  g_autoptr(LfCliJson) json = _lf_cli_json_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *text = NULL;

  _lf_cli_json_begin_object (json);
  _lf_cli_json_key (json, "scenarios");
  _lf_cli_json_begin_array (json);
  /* Translators: the heading of "workspace list"; keep the column widths */
  g_string_append_printf (out, "%s\n", _("    ID  MARKETS  NAME"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (list, i);
      g_autoptr(GError) error = NULL;
      gint64 id = lf_scenario_info_get_id (info);
      g_autoptr(LfScenario) scenario = lf_store_load_scenario (store, id, &error);

      if (scenario == NULL)
        return store_error (error);
      list_json (json, id, scenario);
      list_row (out, id, scenario);
    }
  _lf_cli_json_end_array (json);
  _lf_cli_json_end_object (json);

  if (as_json)
    {
      text = _lf_cli_json_finish (g_steal_pointer (&json));
      return _lf_cli_write_output (text, FALSE);
    }

  return _lf_cli_write_output (out->str, TRUE);
}

static int
workspace_list (int    argc,
                char **argv)
{
  g_autofree char *db = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace file"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print one JSON document instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LfStore) store = NULL;
  g_autoptr(GError) error = NULL;

  context = _lf_cli_option_context_new (NULL, _("List the scenarios of a workspace file, in order."), entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) || !require_db (db) || !no_files (argc, argv))
    return LF_CLI_EXIT_BAD_INPUT;

  store = lf_store_open (db, LF_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return store_error (error);

  return list_scenarios (store, as_json);
}

/* import */

static GPtrArray *
load_all (int    argc,
          char **argv)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) _lf_cli_input_free);
  gboolean ok = TRUE;

  for (int i = 1; i < argc; i++)
    {
      LfCliInput *input = _lf_cli_load (argv[i], NAN);

      if (input == NULL)
        ok = FALSE;
      else
        g_ptr_array_add (inputs, input);
    }

  return ok ? g_steal_pointer (&inputs) : NULL;
}

static int
import_inputs (LfStore   *store,
               GPtrArray *inputs)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < inputs->len; i++)
    {
      LfCliInput *input = g_ptr_array_index (inputs, i);
      g_autoptr(GError) error = NULL;
      gint64 id = lf_store_add_scenario (store, input->scenario, &error);

      if (id == 0)
        return store_error (error);
      /* Translators: one line per imported file: FILE, scenario name, id */
      g_string_append_printf (out, _("%s: imported as “%s” (id %lld)\n"),
                              input->display_name, lf_scenario_get_name (input->scenario), (long long) id);
    }

  return _lf_cli_write_output (out->str, TRUE);
}

static int
workspace_import (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace file, created if absent"), N_("PATH") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(LfStore) store = NULL;
  g_autoptr(GError) error = NULL;

  context = _lf_cli_option_context_new (_("FILE…"),
                                        _("Add scenario files (JSON, or a market table CSV) to a workspace, "
                                          "creating it if absent. Nothing is added unless every file is valid."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) || !require_db (db))
    return LF_CLI_EXIT_BAD_INPUT;
  if (argc < 2)
    {
      _lf_cli_error (g_get_prgname (), _("give at least one FILE to import"));
      return LF_CLI_EXIT_BAD_INPUT;
    }

  inputs = load_all (argc, argv);
  if (inputs == NULL)
    return LF_CLI_EXIT_BAD_INPUT;
  store = lf_store_open (db, LF_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return store_error (error);
  if (lf_store_get_read_only (store))
    {
      _lf_cli_error (g_get_prgname (), _("the workspace “%s” is read-only: nothing was imported"), db);
      return LF_CLI_EXIT_BAD_INPUT;
    }

  return import_inputs (store, inputs);
}

/* export */

/* By name; failing that, a number is taken as an id. */
static gint64
find_scenario (LfStore    *store,
               const char *name)
{
  GListModel *list = lf_store_get_scenarios (store);
  gint64 id = lf_store_find_scenario (store, name);
  guint64 number;

  if (id != 0 || !g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT64, &number, NULL))
    return id;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (list, i);

      if ((guint64) lf_scenario_info_get_id (info) == number)
        return (gint64) number;
    }

  return 0;
}

static int
write_export (const char *json,
              gsize       length,
              const char *out)
{
  g_autoptr(GError) error = NULL;

  if (out == NULL || g_str_equal (out, "-"))
    return _lf_cli_write_output (json, FALSE);

  if (!g_file_set_contents (out, json, length, &error))
    {
      _lf_cli_error (out, "%s", error->message);
      return LF_CLI_EXIT_FAILED;
    }

  return LF_CLI_EXIT_OK;
}

static int
workspace_export (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *name = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace file"), N_("PATH") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &name, N_("The scenario’s name (or id)"), N_("NAME") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE instead of standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length = 0;
  gint64 id;

  context = _lf_cli_option_context_new (NULL, _("Write one scenario of a workspace as a scenario JSON."), entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) || !require_db (db) || !no_files (argc, argv))
    return LF_CLI_EXIT_BAD_INPUT;
  if (name == NULL)
    {
      _lf_cli_error (g_get_prgname (), _("--scenario NAME is required"));
      return LF_CLI_EXIT_BAD_INPUT;
    }

  store = lf_store_open (db, LF_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return store_error (error);
  if ((id = find_scenario (store, name)) == 0)
    {
      _lf_cli_error (db, _("there is no scenario named “%s” in this workspace"), name);
      return LF_CLI_EXIT_BAD_INPUT;
    }
  json = lf_store_export_json (store, id, &length, &error);
  if (json == NULL)
    return store_error (error);

  return write_export (json, length, out);
}

/* check */

static int
workspace_check (int    argc,
                 char **argv)
{
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace file"), N_("PATH") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n;

  context = _lf_cli_option_context_new (NULL,
                                        _("Check a workspace file without changing it: exit 0 when it is "
                                          "sound, 2 with the reason when it would be refused."),
                                        entries);
  if (!_lf_cli_parse_options (context, &argc, &argv) || !require_db (db) || !no_files (argc, argv))
    return LF_CLI_EXIT_BAD_INPUT;

  if (!lf_store_check_file (db, &error))
    {
      _lf_cli_error (g_get_prgname (), "%s", error->message);
      return LF_CLI_EXIT_BAD_INPUT;
    }
  store = lf_store_open (db, LF_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return store_error (error);

  n = g_list_model_get_n_items (lf_store_get_scenarios (store));
  /* Translators: the verdict of "workspace check" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: sound workspace, %u scenario\n",
                                       "%s: sound workspace, %u scenarios\n", n), db, n);

  return _lf_cli_write_output (text, TRUE);
}

/* dispatch */

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Action;

static const Action actions[] = {
  { "list", N_("List the scenarios of a workspace"), workspace_list },
  { "import", N_("Add scenario files to a workspace"), workspace_import },
  { "export", N_("Write one scenario as JSON"), workspace_export },
  { "check", N_("Check that a workspace file is sound"), workspace_check },
};

static char *
usage_text (void)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n  landfall-cli workspace %s\n\n%s\n", _("Usage:"),
                          _("ACTION --db PATH [OPTION…]"), _("Actions:"));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_string_append (out, "  ");
      _lf_cli_append_padded (out, actions[i].name, 9, FALSE);
      g_string_append_printf (out, "%s\n", _(actions[i].summary));
    }
  /* Translators: keep "landfall-cli workspace ACTION --help" as it is */
  g_string_append_printf (out, "\n%s\n", _("Run “landfall-cli workspace ACTION --help” for its options."));

  return g_string_free (out, FALSE);
}

int
lf_cli_workspace (int    argc,
                  char **argv)
{
  g_autofree char *usage = NULL;

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      usage = usage_text ();
      return _lf_cli_write_output (usage, TRUE);
    }

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (actions); i++)
    {
      if (g_str_equal (argv[1], actions[i].name))
        {
          g_autofree char *prgname = g_strconcat ("landfall-cli workspace ", actions[i].name, NULL);

          g_set_prgname (prgname);
          return actions[i].run (argc - 1, argv + 1);
        }
    }

  if (argc >= 2)
    {
      g_autofree char *shown = g_strescape (argv[1], NULL);

      _lf_cli_error ("landfall-cli workspace", _("unknown action “%s”"), shown);
    }
  usage = usage_text ();
  g_printerr ("%s", usage);

  return LF_CLI_EXIT_BAD_INPUT;
}
