/* lf-store-io.c: import, export, the examples and the default workspace
 *
 * The example scenarios are compiled into the core (landfall-core.gresource)
 * so that the window and the command line seed the same workspace without
 * GTK and without files installed beside the program.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-market-csv.h"
#include "lf-scenario-json.h"
#include "lf-store-private.h"

/* Made by gnome.compile_resources (c_name lf_core). Calling it also keeps
 * the resource in the program when the core is linked statically. */
GResource *lf_core_get_resource (void);

#define EXAMPLES_PATH "/io/github/landfall/Landfall/scenarios/"

char *
lf_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "workspace.db", NULL);
}

LfStore *
lf_store_open_default (GError **error)
{
  g_autofree char *path = lf_store_get_default_path ();
  g_autoptr(LfStore) store = lf_store_open (path, LF_STORE_OPEN_CREATE, error);

  if (store == NULL)
    return NULL;
  /* A workspace that was never used: new, or left empty by a first run
   * that did not finish seeding. */
  if (!lf_store_get_read_only (store) &&
      g_list_model_get_n_items (lf_store_get_scenarios (store)) == 0 &&
      lf_store_get_history_length (store) == 0 &&
      !lf_store_seed_examples (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
seed_one (LfStore     *self,
          GResource   *resource,
          const char  *name,
          GError     **error)
{
  g_autofree char *path = g_strconcat (EXAMPLES_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (resource, path, 0, error);
  g_autoptr(LfScenario) scenario = NULL;
  gsize length;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  scenario = lf_scenario_json_read_data (data, length, NULL, error);
  if (scenario == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  return _lf_store_insert_scenario (self, scenario, -1, NULL, FALSE, error) != 0;
}

/* In file-name order, outside the history: the examples are where the
 * user starts, not a change to undo. */
gboolean
lf_store_seed_examples (LfStore  *self,
                        GError  **error)
{
  GResource *resource = lf_core_get_resource ();
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  names = g_resource_enumerate_children (resource, EXAMPLES_PATH, 0, error);
  if (names == NULL)
    return FALSE;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json") && !seed_one (self, resource, names[i], error))
      return FALSE;

  return TRUE;
}

gint64
lf_store_import_json (LfStore     *self,
                      const char  *data,
                      gsize        length,
                      GPtrArray   *problems,
                      GError     **error)
{
  g_autoptr(LfScenario) scenario = NULL;

  g_return_val_if_fail (LF_IS_STORE (self), 0);

  if (!_lf_store_check_writable (self, error))
    return 0;
  scenario = lf_scenario_json_read_data (data, length, problems, error);
  if (scenario == NULL)
    return 0;

  return _lf_store_insert_scenario (self, scenario, -1, N_("import scenario"), TRUE, error);
}

gint64
lf_store_import_csv (LfStore     *self,
                     const char  *name,
                     const char  *data,
                     gsize        length,
                     GPtrArray   *problems,
                     GError     **error)
{
  g_autoptr(GPtrArray) markets = NULL;
  g_autoptr(LfScenario) scenario = NULL;

  g_return_val_if_fail (LF_IS_STORE (self), 0);

  if (!_lf_store_check_writable (self, error) || !lf_rules_check_scenario_name (name, error))
    return 0;
  markets = lf_market_csv_read_data (data, length, problems, error);
  if (markets == NULL)
    return 0;

  scenario = lf_scenario_new (name);
  for (guint i = 0; i < markets->len; i++)
    if (!lf_scenario_append_market (scenario, g_ptr_array_index (markets, i), error))
      return 0;

  return _lf_store_insert_scenario (self, scenario, -1, N_("import markets"), TRUE, error);
}

char *
lf_store_export_json (LfStore  *self,
                      gint64    scenario_id,
                      gsize    *length,
                      GError  **error)
{
  LfScenario *scenario;

  g_return_val_if_fail (LF_IS_STORE (self), NULL);

  scenario = _lf_store_live_scenario (self, scenario_id, error);
  if (scenario == NULL)
    return NULL;

  return lf_scenario_json_write_data (scenario, length);
}
