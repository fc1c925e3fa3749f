/* lf-market-pane.h: the editor of one market, every parameter of model.md */
#pragma once

#include <adwaita.h>

#include "lf-format.h"
#include "lf-scenario.h"
#include "lf-session.h"

G_BEGIN_DECLS

#define LF_TYPE_MARKET_PANE (lf_market_pane_get_type ())
G_DECLARE_FINAL_TYPE (LfMarketPane, lf_market_pane, LF, MARKET_PANE, GtkWidget)

LfMarketPane *lf_market_pane_new             (void);
void          lf_market_pane_set_market      (LfMarketPane *self,
                                              LfSession    *session,
                                              LfScenario   *scenario,
                                              LfMarket     *market);
LfMarket     *lf_market_pane_get_market      (LfMarketPane *self);
void          lf_market_pane_set_money_scale (LfMarketPane *self,
                                              LfMoneyScale  scale);

G_END_DECLS
