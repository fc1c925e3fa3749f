/* lf-scenario-info.h: a scenario as the workspace list shows it
 *
 * Light: an id and a name, so a workspace of hundreds of scenarios opens
 * without loading any market.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LF_TYPE_SCENARIO_INFO (lf_scenario_info_get_type ())

G_DECLARE_FINAL_TYPE (LfScenarioInfo, lf_scenario_info, LF, SCENARIO_INFO, GObject)

LfScenarioInfo *lf_scenario_info_new      (gint64          id,
                                           const char     *name);
gint64          lf_scenario_info_get_id   (LfScenarioInfo *self);
const char     *lf_scenario_info_get_name (LfScenarioInfo *self);
void            lf_scenario_info_set_name (LfScenarioInfo *self,
                                           const char     *name);

G_END_DECLS
