/* lf-market.h: one candidate market, as the user edits it */
#pragma once

#include <glib-object.h>

#include "lf-rules.h"

G_BEGIN_DECLS

/* The plain values of a market: what the problem snapshot, the readers and
 * the store copy around. Uncertainty multipliers are 1 where absent. */
typedef struct
{
  double  value[LF_N_PARAMS];
  double  lo[LF_N_PARAMS];
  double  hi[LF_N_PARAMS];
  guint32 has_range;             /* bit (1 << param) set: range given */
  LfLock  lock;
} LfMarketValues;

void     lf_market_values_init_defaults (LfMarketValues       *values);
gboolean lf_market_values_check         (const LfMarketValues *values,
                                         GError              **error);

#define LF_TYPE_MARKET (lf_market_get_type ())

G_DECLARE_FINAL_TYPE (LfMarket, lf_market, LF, MARKET, GObject)

LfMarket   *lf_market_new               (const char            *name);
LfMarket   *lf_market_new_with_values   (const char            *name,
                                         const char            *code,
                                         const LfMarketValues  *values);
LfMarket   *lf_market_dup               (LfMarket              *self);

const char *lf_market_get_name          (LfMarket              *self);
gboolean    lf_market_set_name          (LfMarket              *self,
                                         const char            *name,
                                         GError               **error);
const char *lf_market_get_code          (LfMarket              *self);
gboolean    lf_market_set_code          (LfMarket              *self,
                                         const char            *code,
                                         GError               **error);
LfLock      lf_market_get_lock          (LfMarket              *self);
void        lf_market_set_lock          (LfMarket              *self,
                                         LfLock                 lock);
double      lf_market_get_param         (LfMarket              *self,
                                         LfParam                param);
gboolean    lf_market_set_param         (LfMarket              *self,
                                         LfParam                param,
                                         double                 value,
                                         GError               **error);
gboolean    lf_market_get_range         (LfMarket              *self,
                                         LfParam                param,
                                         double                *lo,
                                         double                *hi);
gboolean    lf_market_set_range         (LfMarket              *self,
                                         LfParam                param,
                                         double                 lo,
                                         double                 hi,
                                         GError               **error);
void        lf_market_clear_range       (LfMarket              *self,
                                         LfParam                param);
const LfMarketValues *
            lf_market_get_values        (LfMarket              *self);
gboolean    lf_market_set_values        (LfMarket              *self,
                                         const LfMarketValues  *values,
                                         GError               **error);

G_END_DECLS
