/* lf-session.h: the window's way to the workspace
 *
 * Wraps the workspace store (lf-store.h) for the widgets: the scenario
 * list, the live scenarios, and every edit as one store operation (so it
 * is written, and undoable, before the call returns). The widgets name a
 * scenario by its live object; the session knows its id.
 */
#pragma once

#include <gio/gio.h>

#include "lf-plan-summary.h"
#include "lf-store.h"

G_BEGIN_DECLS

#define LF_TYPE_SESSION (lf_session_get_type ())
G_DECLARE_FINAL_TYPE (LfSession, lf_session, LF, SESSION, GObject)

LfSession   *lf_session_new               (LfStore      *store);
LfStore     *lf_session_get_store         (LfSession    *self);
GListModel  *lf_session_get_scenarios     (LfSession    *self);
LfScenario  *lf_session_load              (LfSession    *self,
                                           gint64        id,
                                           GError      **error);
gint64       lf_session_get_id            (LfSession    *self,
                                           LfScenario   *scenario);
int          lf_session_find_position     (LfSession    *self,
                                           gint64        id);
char        *lf_session_unique_name       (LfSession    *self,
                                           const char   *base);

/* Typed values: applied to the live object now, written to the store as
 * one step when the typing pauses or lf_session_commit() is called. */
gboolean     lf_session_preview_market_param (LfSession *self,
                                           LfScenario   *scenario,
                                           guint         position,
                                           LfParam       param,
                                           double        value,
                                           GError      **error);
gboolean     lf_session_preview_budget    (LfSession    *self,
                                           LfScenario   *scenario,
                                           double        budget,
                                           GError      **error);
gboolean     lf_session_preview_target_value (LfSession *self,
                                           LfScenario   *scenario,
                                           double        target,
                                           GError      **error);
gboolean     lf_session_preview_cap       (LfSession    *self,
                                           LfScenario   *scenario,
                                           LfCap         cap,
                                           double        value,
                                           GError      **error);
gboolean     lf_session_commit            (LfSession    *self,
                                           GError      **error);
gboolean     lf_session_has_pending       (LfSession    *self);

/* Scenario settings; NAN switches a budget, target or cap off. */
gboolean     lf_session_set_objective     (LfSession    *self,
                                           LfScenario   *scenario,
                                           LfObjective   objective,
                                           GError      **error);
gboolean     lf_session_set_currency      (LfSession    *self,
                                           LfScenario   *scenario,
                                           const char   *currency,
                                           GError      **error);
gboolean     lf_session_set_budget        (LfSession    *self,
                                           LfScenario   *scenario,
                                           double        budget,
                                           GError      **error);
gboolean     lf_session_set_target_value  (LfSession    *self,
                                           LfScenario   *scenario,
                                           double        target,
                                           GError      **error);
gboolean     lf_session_set_cap           (LfSession    *self,
                                           LfScenario   *scenario,
                                           LfCap         cap,
                                           double        value,
                                           GError      **error);

/* Markets, by position in their scenario. */
gboolean     lf_session_add_market        (LfSession    *self,
                                           LfScenario   *scenario,
                                           guint         position,
                                           GError      **error);
gboolean     lf_session_duplicate_market  (LfSession    *self,
                                           LfScenario   *scenario,
                                           guint         position,
                                           GError      **error);
gboolean     lf_session_remove_market     (LfSession    *self,
                                           LfScenario   *scenario,
                                           guint         position,
                                           GError      **error);
gboolean     lf_session_move_market       (LfSession    *self,
                                           LfScenario   *scenario,
                                           guint         from,
                                           guint         to,
                                           GError      **error);
gboolean     lf_session_set_market_param  (LfSession    *self,
                                           LfScenario   *scenario,
                                           guint         position,
                                           LfParam       param,
                                           double        value,
                                           GError      **error);
gboolean     lf_session_set_market_name   (LfSession    *self,
                                           LfScenario   *scenario,
                                           guint         position,
                                           const char   *name,
                                           GError      **error);
gboolean     lf_session_set_market_code   (LfSession    *self,
                                           LfScenario   *scenario,
                                           guint         position,
                                           const char   *code,
                                           GError      **error);
gboolean     lf_session_set_market_lock   (LfSession    *self,
                                           LfScenario   *scenario,
                                           guint         position,
                                           LfLock        lock,
                                           GError      **error);
gboolean     lf_session_set_market_range  (LfSession    *self,
                                           LfScenario   *scenario,
                                           guint         position,
                                           LfParam       param,
                                           double        lo,
                                           double        hi,
                                           GError      **error);

/* The one-click repairs of an infeasible plan. */
gboolean     lf_session_apply_fix         (LfSession    *self,
                                           LfScenario   *scenario,
                                           const LfFix  *fix,
                                           GError      **error);
gboolean     lf_session_apply_option      (LfSession    *self,
                                           LfScenario   *scenario,
                                           const LfDiagnosisOption *option,
                                           GError      **error);

G_END_DECLS
