/* lf-test-store.h: what the workspace store tests share
 *
 * A fresh folder per test, a workspace holding the China example, the
 * scenario as JSON (to compare a state with another), and the same
 * scenario as a second, read-only connection reads it from the file, so a
 * test sees that the file and the live object agree.
 */
#pragma once

#include <glib/gstdio.h>

#include "lf-scenario-json.h"
#include "lf-store.h"

static inline char *
lf_test_store_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("landfall-store-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static inline char *
lf_test_store_example_json (gsize *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_EXAMPLES_DIR"),
                                            "china-customer-service.json", NULL);
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);

  return data;
}

/* A new workspace in @dir holding the China example; returns its id. */
static inline LfStore *
lf_test_store_new (const char *dir,
                   gint64     *out_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *json = NULL;
  LfStore *store;
  gsize length;
  gint64 id;

  store = lf_store_open (path, LF_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  json = lf_test_store_example_json (&length);
  id = lf_store_import_json (store, json, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (out_id != NULL)
    *out_id = id;

  return store;
}

static inline char *
lf_test_store_live_json (LfStore *store,
                         gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) scenario = lf_store_load_scenario (store, id, &error);

  g_assert_no_error (error);

  return lf_scenario_json_write_data (scenario, NULL);
}

/* The scenario as a separate connection reads it from the file. */
static inline char *
lf_test_store_file_json (const char *path,
                         gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfStore) other = lf_store_open (path, LF_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_true (lf_store_get_read_only (other));

  return lf_test_store_live_json (other, id);
}

static inline void
lf_test_store_assert_in_step (LfStore *store,
                              gint64   id)
{
  g_autofree char *live = lf_test_store_live_json (store, id);
  g_autofree char *file = lf_test_store_file_json (lf_store_get_path (store), id);

  g_assert_cmpstr (live, ==, file);
}

static inline char *
lf_test_store_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static inline void
lf_test_store_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0600);
      g_unlink (path);
    }
  g_chmod (dir, 0700);
  g_rmdir (dir);
}
