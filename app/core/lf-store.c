/* lf-store.c: the workspace object: opening, closing, Save As, the list
 *
 * A file is opened read-only first and checked (lf-store-schema.c); a file
 * that fails is refused without a byte written. Only a sound one is opened
 * for writing, and only when both it and its folder (for the rollback
 * journal) can be written; otherwise it stays read-only and says so.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lf-store-private.h"

G_DEFINE_QUARK (lf-store-error-quark, lf_store_error)

G_DEFINE_FINAL_TYPE (LfStore, lf_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
close_db (LfStore *self)
{
  _lf_store_clear_statements (self);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
}

static void
lf_store_finalize (GObject *object)
{
  LfStore *self = LF_STORE (object);

  close_db (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_object (&self->scenarios);
  g_free (self->path);
  g_free (self->undo_label);
  g_free (self->redo_label);

  G_OBJECT_CLASS (lf_store_parent_class)->finalize (object);
}

static void
lf_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LfStore *self = LF_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, lf_store_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, lf_store_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, lf_store_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, lf_store_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_store_class_init (LfStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lf_store_finalize;
  object_class->get_property = lf_store_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lf_store_init (LfStore *self)
{
  self->scenarios = g_list_store_new (LF_TYPE_SCENARIO_INFO);
  self->loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

void
_lf_store_history_notify (LfStore *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, LF_STORE_ERROR, (rc & 0xff) == SQLITE_READONLY ? LF_STORE_ERROR_READ_ONLY
                                                                           : LF_STORE_ERROR_IO,
                   _("The workspace “%s” cannot be opened: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);

  return db;
}

/* A crash in the middle of a transaction leaves a hot journal, which only
 * a connection that can write may roll back: let SQLite do it, as it
 * would on any open, before the read-only checks. Only done for a file
 * whose header already says it is ours. */
static void
recover_hot_journal (const char *path)
{
  sqlite3 *db = open_connection (path, SQLITE_OPEN_READWRITE, NULL);

  if (db != NULL)
    sqlite3_exec (db, "PRAGMA user_version", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
}

static gboolean
has_our_header (const char *path)
{
  guint8 header[100];
  guint32 id;
  FILE *file = g_fopen (path, "rb");
  gsize n = 0;

  if (file != NULL)
    {
      n = fread (header, 1, sizeof header, file);
      fclose (file);
    }
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return FALSE;
  memcpy (&id, header + 68, 4);

  return GUINT32_FROM_BE (id) == LF_STORE_APPLICATION_ID;
}

static gboolean
check_file (const char  *path,
            int         *out_version,
            GError     **error)
{
  sqlite3 *db;
  gboolean ok;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND,
                   _("There is no workspace file “%s”"), path);
      return FALSE;
    }
  if ((db = open_connection (path, SQLITE_OPEN_READONLY, error)) == NULL)
    return FALSE;
  ok = _lf_store_exec (db, "PRAGMA query_only = ON", error) &&
       _lf_store_schema_check (db, path, out_version, &local_error);
  sqlite3_close_v2 (db);

  if (!ok && local_error != NULL && local_error->code == LF_STORE_ERROR_READ_ONLY &&
      g_access (path, W_OK) == 0 && has_our_header (path))
    {
      g_clear_error (&local_error);
      recover_hot_journal (path);
      return check_file (path, out_version, error);
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}

gboolean
lf_store_check_file (const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return check_file (path, NULL, error);
}

static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

static gboolean
attach (LfStore     *self,
        const char  *path,
        sqlite3     *db,
        gboolean     read_only,
        GError     **error)
{
  self->db = db;
  g_free (self->path);
  self->path = g_strdup (path);
  self->read_only = read_only;

  if (!_lf_store_schema_configure (db, !read_only, error) ||
      (!read_only && !_lf_store_schema_migrate (db, error)) ||
      !_lf_store_history_load (self, error) ||
      !_lf_store_refresh_list (self, error))
    {
      close_db (self);
      return FALSE;
    }

  return TRUE;
}

static sqlite3 *
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY,
                   _("The folder “%s” cannot be created: %s"), dir, g_strerror (saved));
      return NULL;
    }

  return open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
}

/* An empty file is what a first run that died before its first
 * transaction leaves: nothing in it to keep, so it is created again. */
static gboolean
is_absent_or_empty (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return errno == ENOENT;

  return S_ISREG (st.st_mode) && st.st_size == 0;
}

static gboolean
open_into (LfStore           *self,
           const char        *path,
           LfStoreOpenFlags   flags,
           GError           **error)
{
  gboolean read_only;
  sqlite3 *db;
  int version = 0;

  if ((flags & LF_STORE_OPEN_CREATE) && is_absent_or_empty (path))
    {
      if ((db = create_file (path, error)) == NULL)
        return FALSE;
      return attach (self, path, db, FALSE, error);
    }

  if (!check_file (path, &version, error))
    return FALSE;

  read_only = (flags & LF_STORE_OPEN_READ_ONLY) || !can_write (path);
  if (read_only && version < LF_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY,
                   _("The workspace “%s” is from an older version and read-only: it cannot be brought up to date"),
                   path);
      return FALSE;
    }
  db = open_connection (path, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, error);

  return db != NULL && attach (self, path, db, read_only, error);
}

LfStore *
lf_store_open (const char        *path,
               LfStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(LfStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LF_TYPE_STORE, NULL);
  if (!open_into (self, path, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
lf_store_close (LfStore *self)
{
  g_return_if_fail (LF_IS_STORE (self));

  close_db (self);
  g_hash_table_remove_all (self->loaded);
  g_list_store_remove_all (self->scenarios);
  self->history_pos = self->history_prev = self->history_next = 0;
  _lf_store_history_notify (self);
}

const char *
lf_store_get_path (LfStore *self)
{
  g_return_val_if_fail (LF_IS_STORE (self), NULL);

  return self->path;
}

gboolean
lf_store_get_read_only (LfStore *self)
{
  g_return_val_if_fail (LF_IS_STORE (self), TRUE);

  return self->read_only;
}

gboolean
_lf_store_check_writable (LfStore  *self,
                          GError  **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, LF_STORE_ERROR, LF_STORE_ERROR_IO, _("The workspace is closed"));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY,
                   _("The workspace “%s” is read-only: changes cannot be kept"), self->path);
      return FALSE;
    }

  return TRUE;
}

/* Save As */

static gboolean
backup_into (LfStore     *self,
             const char  *temp_path,
             GError     **error)
{
  sqlite3 *target = open_connection (temp_path, SQLITE_OPEN_READWRITE, error);
  sqlite3_backup *backup;
  int rc;

  if (target == NULL)
    return FALSE;
  backup = sqlite3_backup_init (target, "main", self->db, "main");
  if (backup == NULL)
    {
      _lf_store_sql_error (error, target, sqlite3_errcode (target), temp_path);
      sqlite3_close_v2 (target);
      return FALSE;
    }
  sqlite3_backup_step (backup, -1);
  rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_OK)
    _lf_store_sql_error (error, target, rc, temp_path);
  sqlite3_close_v2 (target);

  return rc == SQLITE_OK;
}

static int
temp_in_folder (const char  *path,
                char       **out_temp,
                GError     **error)
{
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  mode_t mask = umask (0);
  int fd;

  umask (mask);
  /* mkstemp makes 0600 files: a workspace is an ordinary document. */
  fd = g_mkstemp_full (temp, O_RDWR, 0666 & ~mask);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: %s"), path, g_strerror (saved));
      return -1;
    }
  fchmod (fd, 0666 & ~mask);
  *out_temp = g_steal_pointer (&temp);

  return fd;
}

/* The rename is only durable once the folder is. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
write_copy (LfStore     *self,
            const char  *path,
            GError     **error)
{
  g_autofree char *temp = NULL;
  int fd = temp_in_folder (path, &temp, error);

  if (fd < 0)
    return FALSE;
  close (fd);

  if (!backup_into (self, temp, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: %s"), path, g_strerror (saved));
      return FALSE;
    }
  sync_folder (path);

  return TRUE;
}

gboolean
lf_store_save_as (LfStore     *self,
                  const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (LF_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->db == NULL)
    return _lf_store_check_writable (self, error);
  if (!write_copy (self, path, error))
    return FALSE;

  /* The live scenarios stay: the copy holds exactly what they show. */
  close_db (self);
  if (!open_into (self, path, LF_STORE_OPEN_DEFAULT, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  _lf_store_history_notify (self);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/* The scenario list */

static GHashTable *
index_list (LfStore *self)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->scenarios));

  for (guint i = 0; i < n; i++)
    {
      LfScenarioInfo *info = g_list_model_get_item (G_LIST_MODEL (self->scenarios), i);

      g_hash_table_insert (index, g_memdup2 (&(gint64) { lf_scenario_info_get_id (info) }, sizeof (gint64)), info);
    }

  return index;
}

/* The visible scenarios in order, reusing the items already listed. */
static gboolean
read_list (LfStore    *self,
           GPtrArray  *items,
           GError    **error)
{
  g_autoptr(GHashTable) index = index_list (self);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _lf_store_prepare (self, "SELECT id, name FROM scenario WHERE deleted = 0 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      LfScenarioInfo *info = g_hash_table_lookup (index, &id);

      info = info != NULL ? g_object_ref (info) : lf_scenario_info_new (id, name);
      lf_scenario_info_set_name (info, name);
      g_ptr_array_add (items, info);
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || _lf_store_sql_error (error, self->db, rc, "scenario");
}

static gboolean
same_item (LfStore   *self,
           guint      position,
           GPtrArray *items,
           guint      index)
{
  g_autoptr(LfScenarioInfo) item = g_list_model_get_item (G_LIST_MODEL (self->scenarios), position);

  return item == g_ptr_array_index (items, index);
}

/* Follows the file with one items-changed over the span that differs, so a
 * view keeps its selection and scroll position. */
gboolean
_lf_store_refresh_list (LfStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n, head = 0, tail = 0;

  if (!read_list (self, items, error))
    return FALSE;

  old_n = g_list_model_get_n_items (G_LIST_MODEL (self->scenarios));
  while (head < old_n && head < items->len && same_item (self, head, items, head))
    head++;
  while (tail < old_n - head && tail < items->len - head &&
         same_item (self, old_n - 1 - tail, items, items->len - 1 - tail))
    tail++;
  if (head == old_n && head == items->len)
    return TRUE;

  /* pdata is NULL for an empty array, and NULL + 0 is undefined. */
  g_list_store_splice (self->scenarios, head, old_n - head - tail,
                       items->len > head ? items->pdata + head : NULL, items->len - head - tail);

  return TRUE;
}

GListModel *
lf_store_get_scenarios (LfStore *self)
{
  g_return_val_if_fail (LF_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->scenarios);
}

gint64
lf_store_find_scenario (LfStore    *self,
                        const char *name)
{
  guint n;

  g_return_val_if_fail (LF_IS_STORE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->scenarios));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (G_LIST_MODEL (self->scenarios), i);

      if (g_strcmp0 (lf_scenario_info_get_name (info), name) == 0)
        return lf_scenario_info_get_id (info);
    }

  return 0;
}

/* Loaded once, then kept in step by every change. */
LfScenario *
_lf_store_live_scenario (LfStore  *self,
                         gint64    scenario_id,
                         GError  **error)
{
  LfScenario *scenario = g_hash_table_lookup (self->loaded, &scenario_id);

  if (scenario != NULL)
    return scenario;
  if (self->db == NULL)
    return _lf_store_check_writable (self, error), NULL;

  scenario = _lf_store_rows_read_scenario (self, scenario_id, error);
  if (scenario == NULL)
    return NULL;
  g_hash_table_insert (self->loaded, g_memdup2 (&scenario_id, sizeof scenario_id), scenario);

  return scenario;
}

LfScenario *
lf_store_load_scenario (LfStore  *self,
                        gint64    scenario_id,
                        GError  **error)
{
  LfScenario *scenario;

  g_return_val_if_fail (LF_IS_STORE (self), NULL);

  scenario = _lf_store_live_scenario (self, scenario_id, error);

  return scenario ? g_object_ref (scenario) : NULL;
}

void
_lf_store_forget_scenario (LfStore *self,
                           gint64   scenario_id)
{
  g_hash_table_remove (self->loaded, &scenario_id);
}
