/* lf-store-private.h: what the files of the workspace store share
 *
 * lf-store.c          the object: open, close, Save As, the scenario list
 * lf-store-schema.c   schema, checks before trusting a file, migrations
 * lf-store-sql.c      statements, transactions, SQLite errors as GErrors
 * lf-store-codec.c    markets and scenarios as the JSON the history keeps
 * lf-store-rows.c     reading and writing scenario and market rows
 * lf-store-ops.c      one change, applied to the file or to the live objects
 * lf-store-history.c  doing, undoing and redoing a change
 * lf-store-edit.c     the public operations, each a change and its inverse
 * lf-store-plans.c    kept plans
 * lf-store-io.c       import, export, examples, the default workspace
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "lf-store.h"

G_BEGIN_DECLS

struct _LfStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  gboolean     read_only;

  GListStore  *scenarios;     /* LfScenarioInfo, visible ones in order */
  GHashTable  *loaded;        /* gint64 id -> LfScenario, kept in step */
  GHashTable  *statements;    /* SQL text -> sqlite3_stmt */

  gint64       history_pos;   /* seq of the last entry done, 0 for none */
  gint64       history_prev;  /* seq of the entry before it, 0 for none */
  gint64       history_next;  /* seq of the first entry to redo, 0 for none */
  char        *undo_label;    /* untranslated, as kept in the file */
  char        *redo_label;
};

/* lf-store-schema.c */
typedef struct
{
  int         to_version;
  const char *sql;            /* run as one script inside the transaction */
} LfStoreMigration;

gboolean      _lf_store_schema_configure (sqlite3            *db,
                                          gboolean            writable,
                                          GError            **error);
gboolean      _lf_store_schema_check     (sqlite3            *db,
                                          const char         *path,
                                          int                *out_version,
                                          GError            **error);
gboolean      _lf_store_schema_upgrade   (sqlite3            *db,
                                          const LfStoreMigration *steps,
                                          guint               n_steps,
                                          int                 target,
                                          GError            **error);
gboolean      _lf_store_schema_migrate   (sqlite3            *db,
                                          GError            **error);

/* lf-store-sql.c */
gboolean      _lf_store_sql_error        (GError            **error,
                                          sqlite3            *db,
                                          int                 rc,
                                          const char         *what);
gboolean      _lf_store_exec             (sqlite3            *db,
                                          const char         *sql,
                                          GError            **error);
sqlite3_stmt *_lf_store_prepare          (LfStore            *self,
                                          const char         *sql,
                                          GError            **error);
gboolean      _lf_store_step_done        (LfStore            *self,
                                          sqlite3_stmt       *stmt,
                                          GError            **error);
gboolean      _lf_store_begin            (LfStore            *self,
                                          GError            **error);
gboolean      _lf_store_commit           (LfStore            *self,
                                          GError            **error);
void          _lf_store_rollback         (LfStore            *self);
void          _lf_store_bind_number      (sqlite3_stmt       *stmt,
                                          int                 index,
                                          double              value);
double        _lf_store_column_number    (sqlite3_stmt       *stmt,
                                          int                 column);
void          _lf_store_clear_statements (LfStore            *self);

/* lf-store-codec.c */
JsonNode     *_lf_store_number_node      (double              value);
double        _lf_store_node_number      (JsonNode           *node);
JsonObject   *_lf_store_market_to_json   (LfMarket           *market);
LfMarket     *_lf_store_market_from_json (JsonObject         *object,
                                          GError            **error);
JsonObject   *_lf_store_scenario_to_json (LfScenario         *scenario);
LfScenario   *_lf_store_scenario_from_json (JsonObject       *object,
                                          GError            **error);

/* lf-store-rows.c */
LfScenario   *_lf_store_rows_read_scenario (LfStore          *self,
                                          gint64              scenario_id,
                                          GError            **error);
gboolean      _lf_store_rows_insert_scenario (LfStore        *self,
                                          gint64              scenario_id,
                                          gint64              position,
                                          LfScenario         *scenario,
                                          GError            **error);
gboolean      _lf_store_rows_insert_market (LfStore          *self,
                                          gint64              scenario_id,
                                          guint               position,
                                          LfMarket           *market,
                                          GError            **error);
gint64        _lf_store_rows_next_scenario_id (LfStore       *self,
                                          GError            **error);
gint64        _lf_store_rows_scenario_position (LfStore      *self,
                                          gint64              scenario_id,
                                          GError            **error);
gint64        _lf_store_rows_count_scenarios (LfStore        *self,
                                          GError            **error);

/* lf-store-ops.c: @op is one change, as kept in the history. */
gboolean      _lf_store_op_apply_db      (LfStore            *self,
                                          JsonObject         *op,
                                          GError            **error);
gboolean      _lf_store_op_apply_memory  (LfStore            *self,
                                          JsonObject         *op,
                                          GError            **error);

/* lf-store-history.c */
gboolean      _lf_store_history_load     (LfStore            *self,
                                          GError            **error);
/* Does a change: @redo[i] is a step, @undo[i] its inverse. The live objects
 * change first (which checks the rules), then the file, in one
 * transaction; on failure both are as they were. */
gboolean      _lf_store_history_do       (LfStore            *self,
                                          const char         *label,
                                          JsonArray          *redo,
                                          JsonArray          *undo,
                                          GError            **error);
void          _lf_store_history_notify   (LfStore            *self);

/* lf-store.c */
gboolean      _lf_store_check_writable   (LfStore            *self,
                                          GError            **error);
LfScenario   *_lf_store_live_scenario    (LfStore            *self,
                                          gint64              scenario_id,
                                          GError            **error);
gboolean      _lf_store_refresh_list     (LfStore            *self,
                                          GError            **error);
void          _lf_store_forget_scenario  (LfStore            *self,
                                          gint64              scenario_id);

/* lf-store-edit.c */
gint64        _lf_store_insert_scenario  (LfStore            *self,
                                          LfScenario         *scenario,
                                          gint64              position,
                                          const char         *label,
                                          gboolean            with_history,
                                          GError            **error);

G_END_DECLS
