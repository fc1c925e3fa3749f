/* fuzz-workspace.c: any bytes opened as a workspace file
 *
 * The bytes are written to a file and opened read-only as the window opens
 * a workspace that came by e-mail; when the store accepts it, every
 * scenario is listed and loaded and every kept plan read and restored,
 * which is all the reading a user can make it do. The store must refuse
 * or read each file without a crash, a leak or a hang, and a refusal must
 * carry a message.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "lf-fuzz.h"
#include "lf-store.h"

static char *fuzz_dir;
static char *fuzz_path;

static void
remove_files (void)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fuzz_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

static void
remove_dir (void)
{
  remove_files ();
  g_rmdir (fuzz_dir);
}

static const char *
workspace_path (void)
{
  if (fuzz_path == NULL)
    {
      g_autoptr(GError) error = NULL;

      fuzz_dir = g_dir_make_tmp ("landfall-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      fuzz_path = g_build_filename (fuzz_dir, "workspace.db", NULL);
      atexit (remove_dir);
    }

  return fuzz_path;
}

static void
read_plans (LfStore *store,
            gint64   scenario_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = lf_store_list_plans (store, scenario_id, &error);

  if (plans == NULL)
    {
      g_assert (error != NULL);
      return;
    }

  for (guint i = 0; i < plans->len; i++)
    {
      LfStoredPlan *listed = g_ptr_array_index (plans, i);
      g_autoptr(LfStoredPlan) plan = NULL;
      g_autoptr(LfProblem) problem = NULL;
      g_autoptr(LfPlan) result = NULL;
      g_autoptr(GError) plan_error = NULL;

      plan = lf_store_load_plan (store, listed->id, &plan_error);
      if (plan == NULL)
        {
          g_assert (plan_error != NULL);
          continue;
        }
      if (!lf_stored_plan_restore (plan, &problem, &result, &plan_error))
        g_assert (plan_error != NULL);
    }
}

static void
read_store (LfStore *store)
{
  GListModel *scenarios = lf_store_get_scenarios (store);
  guint n = g_list_model_get_n_items (scenarios);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (scenarios, i);
      gint64 id = lf_scenario_info_get_id (info);
      g_autoptr(GError) error = NULL;
      g_autoptr(LfScenario) scenario = lf_store_load_scenario (store, id, &error);
      g_autofree char *json = NULL;

      if (scenario == NULL)
        {
          g_assert (error != NULL && error->message[0] != '\0');
          continue;
        }
      json = lf_store_export_json (store, id, NULL, &error);
      g_assert (json != NULL || error != NULL);
      read_plans (store, id);
    }

  /* What undo and redo would offer is read from the file too. */
  (void) lf_store_get_undo_label (store);
  (void) lf_store_get_redo_label (store);
  (void) lf_store_get_history_length (store);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *path = workspace_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LfStore) store = NULL;

  lf_fuzz_init ();

  remove_files ();
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  store = lf_store_open (path, LF_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_assert (error != NULL && error->domain == LF_STORE_ERROR);
      g_assert (error->message[0] != '\0');
    }
  else
    {
      g_assert (lf_store_get_read_only (store));
      read_store (store);
      lf_store_close (store);
    }
  g_clear_object (&store);
  remove_files ();

  return 0;
}
