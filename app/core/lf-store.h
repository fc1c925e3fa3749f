/* lf-store.h: the workspace, one SQLite file holding every scenario
 *
 * The store hands out live LfScenario objects and keeps them in step with
 * the file: every edit goes through one of the operations below, which
 * checks it against the rules, changes the object, and writes the change
 * with its inverse (for undo) in one transaction before it returns. There
 * is no Save: what an operation returned TRUE for survives a crash.
 *
 * Scenarios are named by a stable id; markets by their position in their
 * scenario (the position the LfScenario list model shows).
 */
#pragma once

#include <gio/gio.h>

#include "lf-plan.h"
#include "lf-scenario-info.h"
#include "lf-scenario.h"

G_BEGIN_DECLS

#define LF_STORE_ERROR (lf_store_error_quark ())

typedef enum
{
  LF_STORE_ERROR_NOT_WORKSPACE, /* not SQLite, or another program's database */
  LF_STORE_ERROR_DAMAGED,       /* quick_check failed */
  LF_STORE_ERROR_NEWER,         /* written by a newer Landfall */
  LF_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  LF_STORE_ERROR_DISK_FULL,
  LF_STORE_ERROR_IO,            /* any other failure of the database */
  LF_STORE_ERROR_NOT_FOUND,     /* no such scenario, market or plan */
  LF_STORE_ERROR_NOTHING,       /* nothing to undo or redo */
} LfStoreError;

/* The schema this build writes; older files are migrated on open. */
#define LF_STORE_SCHEMA_VERSION 1
/* PRAGMA application_id: "LFWS". */
#define LF_STORE_APPLICATION_ID 0x4c465753

typedef enum
{
  LF_STORE_OPEN_DEFAULT   = 0,
  LF_STORE_OPEN_CREATE    = 1 << 0, /* create an empty workspace if absent */
  LF_STORE_OPEN_READ_ONLY = 1 << 1, /* never write, even if we could */
} LfStoreOpenFlags;

#define LF_TYPE_STORE (lf_store_get_type ())

G_DECLARE_FINAL_TYPE (LfStore, lf_store, LF, STORE, GObject)

/* Opening. A file that would be refused is only ever opened read-only. */
LfStore     *lf_store_open               (const char        *path,
                                          LfStoreOpenFlags   flags,
                                          GError           **error);
/* g_get_user_data_dir()/APP_ID/workspace.db, created on first run and
 * seeded with the example scenarios. */
LfStore     *lf_store_open_default       (GError           **error);
char        *lf_store_get_default_path   (void);
/* Checks @path as lf_store_open would, without writing anything. */
gboolean     lf_store_check_file         (const char        *path,
                                          GError           **error);
void         lf_store_close              (LfStore           *self);

const char  *lf_store_get_path           (LfStore           *self);
gboolean     lf_store_get_read_only      (LfStore           *self);

/* Writes a copy of the workspace (history included) to @path, replacing
 * any file there only once the copy is complete; the store then works on
 * the copy. */
gboolean     lf_store_save_as            (LfStore           *self,
                                          const char        *path,
                                          GError           **error);

/* Adds the example scenarios shipped with the program (no history). */
gboolean     lf_store_seed_examples      (LfStore           *self,
                                          GError           **error);

/* Scenarios: a GListModel of LfScenarioInfo, in the user's order. */
GListModel  *lf_store_get_scenarios      (LfStore           *self);
/* The live scenario, kept in step with the file (a new reference). */
LfScenario  *lf_store_load_scenario      (LfStore           *self,
                                          gint64             scenario_id,
                                          GError           **error);
gint64       lf_store_find_scenario      (LfStore           *self,
                                          const char        *name);

/* Scenario operations; each is one step of undo. The new id is returned,
 * or 0 with @error set. */
gint64       lf_store_create_scenario    (LfStore           *self,
                                          const char        *name,
                                          GError           **error);
gint64       lf_store_add_scenario       (LfStore           *self,
                                          LfScenario        *scenario,
                                          GError           **error);
gint64       lf_store_duplicate_scenario (LfStore           *self,
                                          gint64             scenario_id,
                                          GError           **error);
gboolean     lf_store_rename_scenario    (LfStore           *self,
                                          gint64             scenario_id,
                                          const char        *name,
                                          GError           **error);
gboolean     lf_store_delete_scenario    (LfStore           *self,
                                          gint64             scenario_id,
                                          GError           **error);
gboolean     lf_store_move_scenario      (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              to_position,
                                          GError           **error);

/* Scenario settings. NAN switches a budget, target or cap off. */
gboolean     lf_store_set_objective      (LfStore           *self,
                                          gint64             scenario_id,
                                          LfObjective        objective,
                                          GError           **error);
gboolean     lf_store_set_currency       (LfStore           *self,
                                          gint64             scenario_id,
                                          const char        *currency,
                                          GError           **error);
gboolean     lf_store_set_budget         (LfStore           *self,
                                          gint64             scenario_id,
                                          double             budget,
                                          GError           **error);
gboolean     lf_store_set_target_value   (LfStore           *self,
                                          gint64             scenario_id,
                                          double             target,
                                          GError           **error);
gboolean     lf_store_set_cap            (LfStore           *self,
                                          gint64             scenario_id,
                                          LfCap              cap,
                                          double             value,
                                          GError           **error);

/* Market operations. @market may be NULL for a new market with defaults
 * and a free name; it is copied. */
gboolean     lf_store_add_market         (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              position,
                                          LfMarket          *market,
                                          GError           **error);
gboolean     lf_store_duplicate_market   (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              position,
                                          GError           **error);
gboolean     lf_store_remove_market      (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              position,
                                          GError           **error);
gboolean     lf_store_move_market        (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              from,
                                          guint              to,
                                          GError           **error);
gboolean     lf_store_set_market_param   (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              position,
                                          LfParam            param,
                                          double             value,
                                          GError           **error);
gboolean     lf_store_set_market_name    (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              position,
                                          const char        *name,
                                          GError           **error);
gboolean     lf_store_set_market_code    (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              position,
                                          const char        *code,
                                          GError           **error);
gboolean     lf_store_set_market_lock    (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              position,
                                          LfLock             lock,
                                          GError           **error);
/* NAN for @lo and @hi removes the range. */
gboolean     lf_store_set_market_range   (LfStore           *self,
                                          gint64             scenario_id,
                                          guint              position,
                                          LfParam            param,
                                          double             lo,
                                          double             hi,
                                          GError           **error);

/* History: any depth, kept in the file. A new edit after an undo drops
 * what could have been redone. Labels are translated. */
gboolean     lf_store_can_undo           (LfStore           *self);
gboolean     lf_store_can_redo           (LfStore           *self);
const char  *lf_store_get_undo_label     (LfStore           *self);
const char  *lf_store_get_redo_label     (LfStore           *self);
gboolean     lf_store_undo               (LfStore           *self,
                                          GError           **error);
gboolean     lf_store_redo               (LfStore           *self,
                                          GError           **error);
guint        lf_store_get_history_length (LfStore           *self);

/* Import and export. Problems are as the readers report them. */
gint64       lf_store_import_json        (LfStore           *self,
                                          const char        *data,
                                          gsize              length,
                                          GPtrArray         *problems,
                                          GError           **error);
gint64       lf_store_import_csv         (LfStore           *self,
                                          const char        *name,
                                          const char        *data,
                                          gsize              length,
                                          GPtrArray         *problems,
                                          GError           **error);
char        *lf_store_export_json        (LfStore           *self,
                                          gint64             scenario_id,
                                          gsize             *length,
                                          GError           **error);

/* Solved plans kept as snapshots: the inputs as scenario JSON, the plan as
 * JSON, its status and solve time. */
typedef struct
{
  gint64        id;
  gint64        scenario_id;
  gint64        created;       /* Unix time, microseconds */
  LfPlanStatus  status;
  double        solve_ms;
  char         *inputs_json;   /* scenario JSON of what was solved */
  char         *plan_json;
} LfStoredPlan;

void          lf_stored_plan_free        (LfStoredPlan      *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfStoredPlan, lf_stored_plan_free)

gint64        lf_store_save_plan         (LfStore           *self,
                                          gint64             scenario_id,
                                          const LfProblem   *problem,
                                          const LfPlan      *plan,
                                          GError           **error);
/* The kept plans of a scenario, newest first (LfStoredPlan elements
 * without their JSON, which lf_store_load_plan reads). */
GPtrArray    *lf_store_list_plans        (LfStore           *self,
                                          gint64             scenario_id,
                                          GError           **error);
LfStoredPlan *lf_store_load_plan         (LfStore           *self,
                                          gint64             plan_id,
                                          GError           **error);
LfStoredPlan *lf_store_load_last_plan    (LfStore           *self,
                                          gint64             scenario_id,
                                          GError           **error);
gboolean      lf_store_delete_plan       (LfStore           *self,
                                          gint64             plan_id,
                                          GError           **error);
/* The plan as it was: its problem snapshot and result, rebuilt. */
gboolean      lf_stored_plan_restore     (const LfStoredPlan *plan,
                                          LfProblem        **out_problem,
                                          LfPlan           **out_plan,
                                          GError           **error);

GQuark       lf_store_error_quark        (void);

G_END_DECLS
