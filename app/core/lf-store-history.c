/* lf-store-history.c: doing, undoing and redoing a change
 *
 * The history is a table of entries (seq, label, redo, undo), each a list
 * of changes (lf-store-ops.c) and their inverses, and a position: the seq
 * of the last entry done. Entries after it can be redone; a new change
 * drops them. Everything is in the file, so the history survives a
 * restart, and every step moves the position in the same transaction as
 * the change itself.
 *
 * The live objects change first, since they check the rules; the file
 * follows in one transaction; if the file refuses (disk full, read-only),
 * the objects are put back. Either both changed or neither did.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-store-private.h"

static gint64
neighbour (LfStore     *self,
           const char  *sql,
           gint64       seq,
           char       **out_label,
           GError     **error)
{
  sqlite3_stmt *stmt = _lf_store_prepare (self, sql, error);
  gint64 found = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = sqlite3_column_int64 (stmt, 0);
      if (out_label != NULL)
        *out_label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lf_store_sql_error (error, self->db, rc, "history"), -1;

  return found;
}

static gboolean
read_position (LfStore  *self,
               gint64   *out_pos,
               GError  **error)
{
  sqlite3_stmt *stmt = _lf_store_prepare (self, "SELECT value FROM meta WHERE key = 'history_pos'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *out_pos = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_pos = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE || _lf_store_sql_error (error, self->db, rc, "history");
}

/* Reads the position and what lies on each side of it. */
gboolean
_lf_store_history_load (LfStore  *self,
                        GError  **error)
{
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  gint64 pos, prev, next;

  gint64 found = 0;

  if (!read_position (self, &pos, error))
    return FALSE;
  /* Stop at the first failure: a damaged file (a history table without
   * its columns) fails every query, and an error is set only once. */
  if (pos > 0)
    found = neighbour (self, "SELECT seq, label FROM history WHERE seq = ?1", pos, &undo_label, error);
  if (found < 0)
    return FALSE;
  if (found != pos)
    pos = 0;
  /* A seek backwards on the rowid, not max() over a count(*): that read
   * the whole history on every edit. */
  prev = neighbour (self, "SELECT seq, '' FROM history WHERE seq < ?1 ORDER BY seq DESC LIMIT 1", pos, NULL, error);
  if (prev < 0)
    return FALSE;
  next = neighbour (self, "SELECT seq, label FROM history WHERE seq > ?1 ORDER BY seq LIMIT 1", pos, &redo_label, error);
  if (next < 0)
    return FALSE;

  self->history_pos = pos;
  self->history_prev = prev;
  self->history_next = next;
  g_free (self->undo_label);
  self->undo_label = g_steal_pointer (&undo_label);
  g_free (self->redo_label);
  self->redo_label = g_steal_pointer (&redo_label);

  return TRUE;
}

/* The changes of an entry in the order they are applied, with their
 * inverses beside them: forwards for redo, backwards for undo. */
typedef struct
{
  GPtrArray *ops;      /* JsonObject, borrowed from the arrays */
  GPtrArray *inverse;
} Steps;

static gboolean
steps_init (Steps      *steps,
            JsonArray  *ops,
            JsonArray  *inverse,
            gboolean    backwards,
            GError    **error)
{
  guint n = json_array_get_length (ops);

  steps->ops = g_ptr_array_sized_new (n);
  steps->inverse = g_ptr_array_sized_new (n);
  if (json_array_get_length (inverse) != n)
    goto damaged;
  for (guint k = 0; k < n; k++)
    {
      guint i = backwards ? n - 1 - k : k;
      JsonNode *a = json_array_get_element (ops, i);
      JsonNode *b = json_array_get_element (inverse, i);

      if (!JSON_NODE_HOLDS_OBJECT (a) || !JSON_NODE_HOLDS_OBJECT (b))
        goto damaged;
      g_ptr_array_add (steps->ops, json_node_get_object (a));
      g_ptr_array_add (steps->inverse, json_node_get_object (b));
    }

  return TRUE;

damaged:
  g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED,
               _("The workspace history is damaged: %s"), "entry");
  return FALSE;
}

static void
steps_clear (Steps *steps)
{
  g_clear_pointer (&steps->ops, g_ptr_array_unref);
  g_clear_pointer (&steps->inverse, g_ptr_array_unref);
}

static void
revert_memory (LfStore *self,
               Steps   *steps,
               guint    done)
{
  for (guint k = done; k-- > 0;)
    {
      g_autoptr(GError) error = NULL;

      if (!_lf_store_op_apply_memory (self, g_ptr_array_index (steps->inverse, k), &error))
        g_warning ("Could not put back a change: %s", error->message);
    }
}

static gboolean
apply_memory (LfStore  *self,
              Steps    *steps,
              GError  **error)
{
  for (guint k = 0; k < steps->ops->len; k++)
    {
      if (!_lf_store_op_apply_memory (self, g_ptr_array_index (steps->ops, k), error))
        {
          revert_memory (self, steps, k);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_db (LfStore  *self,
          Steps    *steps,
          GError  **error)
{
  for (guint k = 0; k < steps->ops->len; k++)
    if (!_lf_store_op_apply_db (self, g_ptr_array_index (steps->ops, k), error))
      return FALSE;

  return TRUE;
}

static gboolean
set_position (LfStore  *self,
              gint64    pos,
              GError  **error)
{
  sqlite3_stmt *stmt = _lf_store_prepare (self, "UPDATE meta SET value = ?1 WHERE key = 'history_pos'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pos);

  return _lf_store_step_done (self, stmt, error);
}

static char *
array_to_string (JsonArray *array)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  return json_to_string (node, FALSE);
}

static gboolean
append_entry (LfStore     *self,
              const char  *label,
              JsonArray   *redo,
              JsonArray   *undo,
              GError     **error)
{
  g_autofree char *redo_text = array_to_string (redo);
  g_autofree char *undo_text = array_to_string (undo);
  sqlite3_stmt *stmt;

  stmt = _lf_store_prepare (self, "DELETE FROM history WHERE seq > ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->history_pos);
  if (!_lf_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _lf_store_prepare (self, "INSERT INTO history (label, redo, undo) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, redo_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, undo_text, -1, SQLITE_STATIC);
  if (!_lf_store_step_done (self, stmt, error))
    return FALSE;

  return set_position (self, sqlite3_last_insert_rowid (self->db), error);
}

static gboolean
touches_list (Steps *steps)
{
  for (guint k = 0; k < steps->ops->len; k++)
    {
      JsonObject *op = g_ptr_array_index (steps->ops, k);
      const char *kind = json_object_get_string_member_with_default (op, "op", "");

      if (kind[0] == 's' && !(g_str_equal (kind, "sset") &&
                              !g_str_equal (json_object_get_string_member_with_default (op, "f", ""), "name")))
        return TRUE;
    }

  return FALSE;
}

/* After a commit: forget purged scenarios, follow the list, tell. */
static void
after_commit (LfStore *self,
              Steps   *steps)
{
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < steps->ops->len; k++)
    {
      JsonObject *op = g_ptr_array_index (steps->ops, k);

      if (g_str_equal (json_object_get_string_member_with_default (op, "op", ""), "spurge"))
        _lf_store_forget_scenario (self, json_object_get_int_member (op, "s"));
    }
  if (touches_list (steps) && !_lf_store_refresh_list (self, &error))
    g_warning ("Could not read the scenario list: %s", error->message);
  if (!_lf_store_history_load (self, &error))
    g_warning ("Could not read the history: %s", error->message);
  _lf_store_history_notify (self);
}

/* Runs @steps on the objects and then in the file, with @write_history
 * (append an entry, or move the position) in the same transaction. */
typedef gboolean (*HistoryWrite) (LfStore *self, gpointer data, GError **error);

static gboolean
run_steps (LfStore       *self,
           Steps         *steps,
           HistoryWrite   write_history,
           gpointer       data,
           GError       **error)
{
  if (!_lf_store_check_writable (self, error) || !apply_memory (self, steps, error))
    return FALSE;

  if (!_lf_store_begin (self, error))
    goto failed;
  if (!apply_db (self, steps, error) || !write_history (self, data, error))
    {
      _lf_store_rollback (self);
      goto failed;
    }
  if (!_lf_store_commit (self, error))
    goto failed;

  after_commit (self, steps);
  return TRUE;

failed:
  revert_memory (self, steps, steps->ops->len);
  /* What the file holds may differ from what we believed (a rollback
   * after a partial write): read the position again. */
  _lf_store_history_load (self, NULL);
  return FALSE;
}

typedef struct
{
  const char *label;
  JsonArray  *redo;
  JsonArray  *undo;
} NewEntry;

static gboolean
write_new_entry (LfStore   *self,
                 gpointer   data,
                 GError   **error)
{
  NewEntry *entry = data;

  return append_entry (self, entry->label, entry->redo, entry->undo, error);
}

gboolean
_lf_store_history_do (LfStore     *self,
                      const char  *label,
                      JsonArray   *redo,
                      JsonArray   *undo,
                      GError     **error)
{
  NewEntry entry = { label, redo, undo };
  Steps steps = { 0 };
  gboolean ok;

  ok = steps_init (&steps, redo, undo, FALSE, error) &&
       run_steps (self, &steps, write_new_entry, &entry, error);
  steps_clear (&steps);

  return ok;
}

static gboolean
write_position (LfStore   *self,
                gpointer   data,
                GError   **error)
{
  return set_position (self, *(gint64 *) data, error);
}

static gboolean
read_entry (LfStore     *self,
            gint64       seq,
            JsonArray  **out_redo,
            JsonArray  **out_undo,
            GError     **error)
{
  sqlite3_stmt *stmt = _lf_store_prepare (self, "SELECT redo, undo FROM history WHERE seq = ?1", error);
  g_autoptr(JsonNode) redo = NULL;
  g_autoptr(JsonNode) undo = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      redo = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);
      undo = json_from_string ((const char *) sqlite3_column_text (stmt, 1), NULL);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lf_store_sql_error (error, self->db, rc, "history");
  if (redo == NULL || undo == NULL || !JSON_NODE_HOLDS_ARRAY (redo) || !JSON_NODE_HOLDS_ARRAY (undo))
    {
      g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DAMAGED,
                   _("The workspace history is damaged: %s"), "entry");
      return FALSE;
    }

  *out_redo = json_array_ref (json_node_get_array (redo));
  *out_undo = json_array_ref (json_node_get_array (undo));
  return TRUE;
}

static gboolean
step (LfStore   *self,
      gboolean   backwards,
      GError   **error)
{
  gint64 seq = backwards ? self->history_pos : self->history_next;
  gint64 target = backwards ? self->history_prev : self->history_next;
  g_autoptr(JsonArray) redo = NULL;
  g_autoptr(JsonArray) undo = NULL;
  Steps steps = { 0 };
  gboolean ok;

  if (seq == 0)
    {
      g_set_error_literal (error, LF_STORE_ERROR, LF_STORE_ERROR_NOTHING,
                           backwards ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }
  if (!read_entry (self, seq, &redo, &undo, error))
    return FALSE;

  ok = (backwards ? steps_init (&steps, undo, redo, TRUE, error)
                  : steps_init (&steps, redo, undo, FALSE, error)) &&
       run_steps (self, &steps, write_position, &target, error);
  steps_clear (&steps);

  return ok;
}

gboolean
lf_store_undo (LfStore  *self,
               GError  **error)
{
  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  return step (self, TRUE, error);
}

gboolean
lf_store_redo (LfStore  *self,
               GError  **error)
{
  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  return step (self, FALSE, error);
}

gboolean
lf_store_can_undo (LfStore *self)
{
  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  return self->db != NULL && self->history_pos != 0;
}

gboolean
lf_store_can_redo (LfStore *self)
{
  g_return_val_if_fail (LF_IS_STORE (self), FALSE);

  return self->db != NULL && self->history_next != 0;
}

/* Labels are kept untranslated in the file and translated on display, so
 * a workspace reads in the language of whoever opens it. */
const char *
lf_store_get_undo_label (LfStore *self)
{
  g_return_val_if_fail (LF_IS_STORE (self), NULL);

  return lf_store_can_undo (self) && self->undo_label ? _(self->undo_label) : NULL;
}

const char *
lf_store_get_redo_label (LfStore *self)
{
  g_return_val_if_fail (LF_IS_STORE (self), NULL);

  return lf_store_can_redo (self) && self->redo_label ? _(self->redo_label) : NULL;
}

guint
lf_store_get_history_length (LfStore *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (LF_IS_STORE (self), 0);

  if (self->db == NULL || (stmt = _lf_store_prepare (self, "SELECT count(*) FROM history", NULL)) == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}
