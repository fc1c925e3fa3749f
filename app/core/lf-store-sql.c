/* lf-store-sql.c: statements, transactions, and SQLite errors as GErrors */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lf-store-private.h"

/* Says which of our error codes a SQLite result is, so that the user reads
 * "the disk is full" rather than a SQLite number. Returns FALSE. */
gboolean
_lf_store_sql_error (GError     **error,
                     sqlite3     *db,
                     int          rc,
                     const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DISK_FULL,
                   _("The disk is full: the last change could not be written (%s)"), what);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_READ_ONLY,
                   _("The workspace cannot be written (%s): %s"), what, detail);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED,
                   _("The workspace is damaged (%s): %s"), what, detail);
      break;

    default:
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_IO,
                   _("The workspace could not be read or written (%s): %s"), what, detail);
      break;
    }

  return FALSE;
}

gboolean
_lf_store_exec (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  return _lf_store_sql_error (error, db, rc, sql);
}

/* A cached statement, reset and ready to bind. The store owns it. */
sqlite3_stmt *
_lf_store_prepare (LfStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _lf_store_sql_error (error, self->db, rc, sql);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
_lf_store_step_done (LfStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  return _lf_store_sql_error (error, self->db, rc, sqlite3_sql (stmt));
}

gboolean
_lf_store_begin (LfStore  *self,
                 GError  **error)
{
  return _lf_store_exec (self->db, "BEGIN IMMEDIATE", error);
}

gboolean
_lf_store_commit (LfStore  *self,
                  GError  **error)
{
  if (_lf_store_exec (self->db, "COMMIT", error))
    return TRUE;

  _lf_store_rollback (self);
  return FALSE;
}

/* After a failed statement SQLite may already have rolled back. */
void
_lf_store_rollback (LfStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* NAN (absent) is NULL in the file. */
void
_lf_store_bind_number (sqlite3_stmt *stmt,
                       int           index,
                       double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

double
_lf_store_column_number (sqlite3_stmt *stmt,
                         int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;

  return sqlite3_column_double (stmt, column);
}

void
_lf_store_clear_statements (LfStore *self)
{
  g_hash_table_remove_all (self->statements);
}
