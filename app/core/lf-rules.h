/* lf-rules.h: the validation rules of model.md, one table for every reader
 *
 * The editor panes, the JSON and CSV readers, the workspace store and the
 * command line all ask this table, so a value that one of them accepts is
 * accepted by all of them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LF_RULES_ERROR (lf_rules_error_quark ())

typedef enum
{
  LF_RULES_ERROR_INVALID,
} LfRulesError;

/* The numeric parameters of a market, in the order of model.md. */
typedef enum
{
  LF_PARAM_ALPHA,
  LF_PARAM_BETA,
  LF_PARAM_P_MAX,
  LF_PARAM_P_MIN,
  LF_PARAM_Q_MAX,
  LF_PARAM_PROMOTE,
  LF_PARAM_GAMMA,
  LF_PARAM_LOCALISE,
  LF_PARAM_CULTURE,
  LF_PARAM_LEGAL_FIXED,
  LF_PARAM_LEGAL_P,
  LF_PARAM_LEGAL_Q,
  LF_PARAM_RISK,
  LF_PARAM_HEADCOUNT,
  LF_PARAM_HEADCOUNT_FIXED,
  LF_N_PARAMS
} LfParam;

/* What a number means, so front ends can show it (money in the currency,
 * shares as percentages) and group the editor rows. */
typedef enum
{
  LF_UNIT_WEIGHT,
  LF_UNIT_SHARE,
  LF_UNIT_MONEY,
  LF_UNIT_RISK,
  LF_UNIT_STAFF,
} LfUnit;

typedef enum
{
  LF_GROUP_OBJECTIVE,
  LF_GROUP_REACH,
  LF_GROUP_PROMOTION,
  LF_GROUP_TECHNOLOGY,
  LF_GROUP_CULTURE,
  LF_GROUP_LEGAL,
  LF_GROUP_RISK_STAFF,
} LfParamGroup;

typedef enum
{
  LF_LOCK_AUTO,
  LF_LOCK_ENTER,
  LF_LOCK_EXCLUDE,
} LfLock;

typedef enum
{
  LF_OBJECTIVE_MAX_VALUE,
  LF_OBJECTIVE_MIN_COST,
} LfObjective;

typedef struct
{
  LfParam      param;
  const char  *key;            /* JSON key and CSV column */
  const char  *property;       /* GObject property name */
  const char  *label;          /* N_() marked, translate on use */
  const char  *hint;           /* N_() marked: unit and meaning */
  LfUnit       unit;
  LfParamGroup group;
  double       default_value;
  double       upper;          /* largest valid value, INFINITY when open */
  guint        lower_is_open : 1; /* the value must be > 0, not >= 0 */
} LfParamInfo;

/* Upper limit on markets in one scenario: large enough for any real plan,
 * small enough that a hostile file cannot make the solver take hours. */
#define LF_MAX_MARKETS 20000
#define LF_MAX_NAME_CHARS 200

const LfParamInfo *lf_param_info            (LfParam        param);
gboolean           lf_param_from_key        (const char    *key,
                                             LfParam       *out_param);
double             lf_param_default         (LfParam        param);

gboolean           lf_rules_check_param     (LfParam        param,
                                             double         value,
                                             GError       **error);
gboolean           lf_rules_check_reach     (double         p_min,
                                             double         p_max,
                                             GError       **error);
gboolean           lf_rules_check_market_name (const char  *name,
                                             GError       **error);
gboolean           lf_rules_check_code      (const char    *code,
                                             GError       **error);
gboolean           lf_rules_check_range     (double         lo,
                                             double         hi,
                                             GError       **error);
gboolean           lf_rules_check_scenario_name (const char *name,
                                             GError       **error);
gboolean           lf_rules_check_currency  (const char    *currency,
                                             GError       **error);
gboolean           lf_rules_check_money     (const char    *what,
                                             double         value,
                                             GError       **error);
gboolean           lf_rules_check_max_markets (double       value,
                                             GError       **error);

const char        *lf_lock_to_string        (LfLock         lock);
gboolean           lf_lock_from_string      (const char    *str,
                                             LfLock        *out_lock);
const char        *lf_objective_to_string   (LfObjective    objective);
gboolean           lf_objective_from_string (const char    *str,
                                             LfObjective   *out_objective);

GQuark             lf_rules_error_quark     (void);

G_END_DECLS
