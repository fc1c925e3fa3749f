/* lf-scenario.h: a scenario, its settings and its markets (a GListModel) */
#pragma once

#include <gio/gio.h>

#include "lf-market.h"

G_BEGIN_DECLS

#define LF_TYPE_SCENARIO (lf_scenario_get_type ())

G_DECLARE_FINAL_TYPE (LfScenario, lf_scenario, LF, SCENARIO, GObject)

/* A cap that may be switched off: risk, headcount, market count. */
typedef enum
{
  LF_CAP_RISK,
  LF_CAP_HEADCOUNT,
  LF_CAP_MARKETS,
  LF_N_CAPS
} LfCap;

LfScenario  *lf_scenario_new               (const char   *name);
LfScenario  *lf_scenario_dup               (LfScenario   *self);

const char  *lf_scenario_get_name          (LfScenario   *self);
gboolean     lf_scenario_set_name          (LfScenario   *self,
                                            const char   *name,
                                            GError      **error);
const char  *lf_scenario_get_currency      (LfScenario   *self);
gboolean     lf_scenario_set_currency      (LfScenario   *self,
                                            const char   *currency,
                                            GError      **error);
LfObjective  lf_scenario_get_objective     (LfScenario   *self);
void         lf_scenario_set_objective     (LfScenario   *self,
                                            LfObjective   objective);

/* Budget and target value may be absent (NAN) for the objective that does
 * not use them; the problem snapshot asks for the one its objective needs. */
gboolean     lf_scenario_has_budget        (LfScenario   *self);
double       lf_scenario_get_budget        (LfScenario   *self);
gboolean     lf_scenario_set_budget        (LfScenario   *self,
                                            double        budget,
                                            GError      **error);
void         lf_scenario_clear_budget      (LfScenario   *self);
gboolean     lf_scenario_has_target_value  (LfScenario   *self);
double       lf_scenario_get_target_value  (LfScenario   *self);
gboolean     lf_scenario_set_target_value  (LfScenario   *self,
                                            double        target,
                                            GError      **error);
void         lf_scenario_clear_target_value (LfScenario  *self);

gboolean     lf_scenario_has_cap           (LfScenario   *self,
                                            LfCap         cap);
double       lf_scenario_get_cap           (LfScenario   *self,
                                            LfCap         cap);
gboolean     lf_scenario_set_cap           (LfScenario   *self,
                                            LfCap         cap,
                                            double        value,
                                            GError      **error);
void         lf_scenario_clear_cap         (LfScenario   *self,
                                            LfCap         cap);

guint        lf_scenario_get_n_markets     (LfScenario   *self);
LfMarket    *lf_scenario_get_market        (LfScenario   *self,
                                            guint         position);
int          lf_scenario_find_market       (LfScenario   *self,
                                            const char   *name);
gboolean     lf_scenario_insert_market     (LfScenario   *self,
                                            guint         position,
                                            LfMarket     *market,
                                            GError      **error);
gboolean     lf_scenario_append_market     (LfScenario   *self,
                                            LfMarket     *market,
                                            GError      **error);
gboolean     lf_scenario_append_markets    (LfScenario   *self,
                                            GPtrArray    *markets,
                                            GError      **error);
gboolean     lf_scenario_rename_market     (LfScenario   *self,
                                            guint         position,
                                            const char   *name,
                                            GError      **error);
void         lf_scenario_remove_market     (LfScenario   *self,
                                            guint         position);
void         lf_scenario_move_market       (LfScenario   *self,
                                            guint         from,
                                            guint         to);

const char  *lf_cap_to_key                 (LfCap         cap);

G_END_DECLS
