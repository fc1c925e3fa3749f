/* lf-store-schema.c: the workspace schema, its checks and its migrations
 *
 * A file is trusted only after it was opened read-only and passed three
 * checks: it is SQLite with our application_id, its user_version is one we
 * know, and quick_check says "ok". Only then is it opened for writing and,
 * if older, migrated in one transaction: all steps or none.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-store-private.h"

/* Version 1. Never edit this text: a new version is a new step below. */
static const char schema_v1[] =
  "CREATE TABLE scenario ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL,"
  "  currency TEXT NOT NULL,"
  "  objective TEXT NOT NULL,"
  "  budget REAL, target_value REAL,"
  "  risk_cap REAL, headcount_cap REAL, max_markets REAL);"
  "CREATE INDEX scenario_by_position ON scenario (position);"
  "CREATE TABLE market ("
  "  id INTEGER PRIMARY KEY,"
  "  scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL, code TEXT NOT NULL, lock TEXT NOT NULL,"
  "  alpha REAL NOT NULL, beta REAL NOT NULL,"
  "  p_max REAL NOT NULL, p_min REAL NOT NULL, q_max REAL NOT NULL,"
  "  promote REAL NOT NULL, gamma REAL NOT NULL, localise REAL NOT NULL,"
  "  culture REAL NOT NULL, legal_fixed REAL NOT NULL,"
  "  legal_p REAL NOT NULL, legal_q REAL NOT NULL,"
  "  risk REAL NOT NULL, headcount REAL NOT NULL,"
  "  headcount_fixed REAL NOT NULL);"
  "CREATE INDEX market_by_scenario ON market (scenario_id, position);"
  "CREATE TABLE market_range ("
  "  market_id INTEGER NOT NULL REFERENCES market (id) ON DELETE CASCADE,"
  "  param TEXT NOT NULL, lo REAL NOT NULL, hi REAL NOT NULL,"
  "  PRIMARY KEY (market_id, param)) WITHOUT ROWID;"
  "CREATE TABLE plan ("
  "  id INTEGER PRIMARY KEY,"
  "  scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,"
  "  created INTEGER NOT NULL, status TEXT NOT NULL, solve_ms REAL NOT NULL,"
  "  inputs TEXT NOT NULL, plan TEXT NOT NULL);"
  "CREATE INDEX plan_by_scenario ON plan (scenario_id, created);"
  "CREATE TABLE history ("
  "  seq INTEGER PRIMARY KEY,"
  "  label TEXT NOT NULL, redo TEXT NOT NULL, undo TEXT NOT NULL);"
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
  "INSERT INTO meta (key, value) VALUES ('history_pos', 0);";

/* Step i takes a file from version i to version i + 1. To add version 2:
 * append { 2, "ALTER TABLE ..." }, raise LF_STORE_SCHEMA_VERSION, and put
 * a v1 file made by this build in tests/data (it is already there). */
static const LfStoreMigration migrations[] = {
  { 1, schema_v1 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LF_STORE_SCHEMA_VERSION);

gboolean
_lf_store_schema_configure (sqlite3   *db,
                            gboolean   writable,
                            GError   **error)
{
  sqlite3_busy_timeout (db, 2000);
  if (!_lf_store_exec (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (!writable)
    return TRUE;

  return _lf_store_exec (db, "PRAGMA journal_mode = DELETE", error) &&
         _lf_store_exec (db, "PRAGMA synchronous = FULL", error);
}

static gboolean
pragma_int (sqlite3     *db,
            const char  *sql,
            int         *out_value,
            int         *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  *out_rc = rc;

  return rc == SQLITE_OK;
}

static gboolean
check_identity (sqlite3     *db,
                const char  *path,
                int         *out_version,
                GError     **error)
{
  int app_id = 0;
  int rc;

  if (!pragma_int (db, "PRAGMA application_id", &app_id, &rc) ||
      !pragma_int (db, "PRAGMA user_version", out_version, &rc))
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_WORKSPACE,
                     _("“%s” is not a Landfall workspace: it is not an SQLite database"), path);
      else if (rc == SQLITE_READONLY_ROLLBACK)
        g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY,
                     _("The workspace “%s” was not closed properly: its last change must be rolled back, "
                       "which needs write access"), path);
      else if ((rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED,
                     _("The workspace “%s” is damaged: its header cannot be read"), path);
      else
        _lf_store_sql_error (error, db, rc, path);
      return FALSE;
    }

  if ((guint32) app_id != LF_STORE_APPLICATION_ID)
    {
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_WORKSPACE,
                   _("“%s” is not a Landfall workspace: it is a database of another program (application id 0x%08x)"),
                   path, (guint32) app_id);
      return FALSE;
    }

  if (*out_version > LF_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NEWER,
                   _("The workspace “%s” was written by a newer Landfall (workspace version %d; this version reads up to %d)"),
                   path, *out_version, LF_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (*out_version < 1)
    {
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED,
                   _("The workspace “%s” is damaged: it has no version"), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_pages (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (g_strcmp0 (first, "ok") == 0)
    return TRUE;
  if (first != NULL)
    g_strdelimit (first, "\n", ' ');

  g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED,
               _("The workspace “%s” is damaged: the integrity check failed (%s)"),
               path, first ? first : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
_lf_store_schema_check (sqlite3     *db,
                        const char  *path,
                        int         *out_version,
                        GError     **error)
{
  int version = 0;

  if (!check_identity (db, path, &version, error) ||
      !check_pages (db, path, error))
    return FALSE;

  if (out_version != NULL)
    *out_version = version;

  return TRUE;
}

static gboolean
current_version (sqlite3  *db,
                 int      *out_version,
                 GError  **error)
{
  int rc;

  if (pragma_int (db, "PRAGMA user_version", out_version, &rc))
    return TRUE;

  return _lf_store_sql_error (error, db, rc, "user_version");
}

static gboolean
run_steps (sqlite3                 *db,
           const LfStoreMigration  *steps,
           guint                    n_steps,
           int                      from,
           int                      target,
           GError                 **error)
{
  g_autofree char *pragma = NULL;

  for (int v = from; v < target; v++)
    {
      g_assert ((guint) v < n_steps && steps[v].to_version == v + 1);
      if (!_lf_store_exec (db, steps[v].sql, error))
        return FALSE;
    }

  if (from == 0 && !_lf_store_exec (db, "PRAGMA application_id = 1279678291", error))
    return FALSE;
  pragma = g_strdup_printf ("PRAGMA user_version = %d", target);

  return _lf_store_exec (db, pragma, error);
}

/* Takes the file from its version to @target through @steps, all in one
 * transaction; on failure nothing has changed. */
gboolean
_lf_store_schema_upgrade (sqlite3                 *db,
                          const LfStoreMigration  *steps,
                          guint                    n_steps,
                          int                      target,
                          GError                 **error)
{
  int from = 0;

  g_return_val_if_fail (target >= 1 && (guint) target <= n_steps, FALSE);

  if (!_lf_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!current_version (db, &from, error))
    goto failed;
  if (from >= target)
    return _lf_store_exec (db, "COMMIT", error);
  if (!run_steps (db, steps, n_steps, from, target, error) ||
      !_lf_store_exec (db, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  if (!sqlite3_get_autocommit (db))
    _lf_store_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

gboolean
_lf_store_schema_migrate (sqlite3  *db,
                          GError  **error)
{
  G_STATIC_ASSERT (LF_STORE_APPLICATION_ID == 1279678291);

  return _lf_store_schema_upgrade (db, migrations, G_N_ELEMENTS (migrations),
                                   LF_STORE_SCHEMA_VERSION, error);
}
