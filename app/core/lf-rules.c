/* lf-rules.c: the validation rules of model.md, one table for every reader */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lf-rules.h"

G_DEFINE_QUARK (lf-rules-error-quark, lf_rules_error)

#define OPEN INFINITY

/* The table of model.md: key, default and valid range of every parameter. */
static const LfParamInfo param_table[LF_N_PARAMS] = {
  { LF_PARAM_ALPHA, "alpha", "alpha", N_("Penetration weight"),
    N_("Value of one whole unit of penetration"), LF_UNIT_WEIGHT, LF_GROUP_OBJECTIVE, 1, OPEN, FALSE },
  { LF_PARAM_BETA, "beta", "beta", N_("Satisfaction weight"),
    N_("Value of one whole unit of satisfaction"), LF_UNIT_WEIGHT, LF_GROUP_OBJECTIVE, 0, OPEN, FALSE },
  { LF_PARAM_P_MAX, "p_max", "p-max", N_("Reachable penetration"),
    N_("Highest share of the market that can be won"), LF_UNIT_SHARE, LF_GROUP_REACH, 1, 1, TRUE },
  { LF_PARAM_P_MIN, "p_min", "p-min", N_("Minimum penetration"),
    N_("Lowest share worth entering for"), LF_UNIT_SHARE, LF_GROUP_REACH, 0, 1, FALSE },
  { LF_PARAM_Q_MAX, "q_max", "q-max", N_("Reachable satisfaction"),
    N_("Highest user satisfaction that can be reached"), LF_UNIT_SHARE, LF_GROUP_REACH, 1, 1, FALSE },
  { LF_PARAM_PROMOTE, "promote", "promote", N_("Promotion"),
    N_("Cost of one whole unit of penetration"), LF_UNIT_MONEY, LF_GROUP_PROMOTION, 0, OPEN, FALSE },
  { LF_PARAM_GAMMA, "gamma", "gamma", N_("Technology transfer"),
    N_("Cost at full reachable penetration"), LF_UNIT_MONEY, LF_GROUP_TECHNOLOGY, 0, OPEN, FALSE },
  { LF_PARAM_LOCALISE, "localise", "localise", N_("Localisation"),
    N_("Cost of one whole unit of satisfaction"), LF_UNIT_MONEY, LF_GROUP_TECHNOLOGY, 0, OPEN, FALSE },
  { LF_PARAM_CULTURE, "culture", "culture", N_("Cultural integration"),
    N_("Team cost of one whole unit of penetration"), LF_UNIT_MONEY, LF_GROUP_CULTURE, 0, OPEN, FALSE },
  { LF_PARAM_LEGAL_FIXED, "legal_fixed", "legal-fixed", N_("Legal set-up"),
    N_("One-off compliance cost, paid on entry"), LF_UNIT_MONEY, LF_GROUP_LEGAL, 0, OPEN, FALSE },
  { LF_PARAM_LEGAL_P, "legal_p", "legal-p", N_("Compliance per penetration"),
    N_("Compliance cost of one whole unit of penetration (data volume)"), LF_UNIT_MONEY, LF_GROUP_LEGAL, 0, OPEN, FALSE },
  { LF_PARAM_LEGAL_Q, "legal_q", "legal-q", N_("Compliance per satisfaction"),
    N_("Compliance cost of one whole unit of satisfaction (data depth)"), LF_UNIT_MONEY, LF_GROUP_LEGAL, 0, OPEN, FALSE },
  { LF_PARAM_RISK, "risk", "risk", N_("Risk exposure"),
    N_("Risk per whole unit of penetration"), LF_UNIT_RISK, LF_GROUP_RISK_STAFF, 0, OPEN, FALSE },
  { LF_PARAM_HEADCOUNT, "headcount", "headcount", N_("Staff per penetration"),
    N_("People needed per whole unit of penetration"), LF_UNIT_STAFF, LF_GROUP_RISK_STAFF, 0, OPEN, FALSE },
  { LF_PARAM_HEADCOUNT_FIXED, "headcount_fixed", "headcount-fixed", N_("Staff to open"),
    N_("People needed to open the market at all"), LF_UNIT_STAFF, LF_GROUP_RISK_STAFF, 0, OPEN, FALSE },
};

static const char *lock_names[] = { "auto", "enter", "exclude" };
static const char *objective_names[] = { "max_value", "min_cost" };

const LfParamInfo *
lf_param_info (LfParam param)
{
  g_return_val_if_fail (param < LF_N_PARAMS, NULL);

  return &param_table[param];
}

gboolean
lf_param_from_key (const char *key,
                   LfParam    *out_param)
{
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      if (g_strcmp0 (key, param_table[i].key) == 0)
        {
          *out_param = param_table[i].param;
          return TRUE;
        }
    }

  return FALSE;
}

double
lf_param_default (LfParam param)
{
  g_return_val_if_fail (param < LF_N_PARAMS, 0);

  return param_table[param].default_value;
}

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LF_RULES_ERROR, LF_RULES_ERROR_INVALID, format, args));
  va_end (args);

  return FALSE;
}

gboolean
lf_rules_check_param (LfParam   param,
                      double    value,
                      GError  **error)
{
  const LfParamInfo *info = lf_param_info (param);

  if (!isfinite (value))
    return set_invalid (error, _("%s must be a finite number"), info->key);
  if (info->lower_is_open && value <= 0)
    return set_invalid (error, _("%s must be greater than 0, not %g"), info->key, value);
  if (value < 0)
    return set_invalid (error, _("%s must be 0 or more, not %g"), info->key, value);
  if (value > info->upper)
    return set_invalid (error, _("%s must be at most %g, not %g"), info->key, info->upper, value);

  return TRUE;
}

gboolean
lf_rules_check_reach (double    p_min,
                      double    p_max,
                      GError  **error)
{
  if (p_min > p_max)
    return set_invalid (error, _("p_min (%g) must not exceed p_max (%g)"), p_min, p_max);

  return TRUE;
}

static gboolean
is_blank (const char *str)
{
  for (const char *p = str; *p; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* At most @max characters. Not g_utf8_strlen (name, max + 1): its limit
 * is in bytes, so a name of two-byte characters of any length passed
 * (found by test-limits with a million "é"). */
static gboolean
is_at_most_chars (const char *str,
                  guint       max)
{
  guint n = 0;

  for (const char *p = str; *p; p = g_utf8_next_char (p))
    {
      if (++n > max)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_name (const char  *what,
            const char  *name,
            GError     **error)
{
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return set_invalid (error, _("%s must be UTF-8 text"), what);
  if (is_blank (name))
    return set_invalid (error, _("%s must not be blank"), what);
  if (!is_at_most_chars (name, LF_MAX_NAME_CHARS))
    return set_invalid (error, _("%s must be at most %d characters long"), what, LF_MAX_NAME_CHARS);

  return TRUE;
}

gboolean
lf_rules_check_market_name (const char  *name,
                            GError     **error)
{
  return check_name ("name", name, error);
}

gboolean
lf_rules_check_scenario_name (const char  *name,
                              GError     **error)
{
  return check_name ("name", name, error);
}

static gboolean
is_ascii_letters (const char *str,
                  gsize       len)
{
  if (strlen (str) != len)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalpha (str[i]))
        return FALSE;
    }

  return TRUE;
}

gboolean
lf_rules_check_code (const char  *code,
                     GError     **error)
{
  if (code == NULL || code[0] == '\0')
    return TRUE;
  if (!is_ascii_letters (code, 2))
    return set_invalid (error, _("code must be empty or two letters (ISO 3166-1), not “%s”"), code);

  return TRUE;
}

gboolean
lf_rules_check_currency (const char  *currency,
                         GError     **error)
{
  if (currency == NULL || !is_ascii_letters (currency, 3))
    return set_invalid (error, _("currency must be three letters (ISO 4217), not “%s”"),
                        currency ? currency : "");

  return TRUE;
}

gboolean
lf_rules_check_range (double    lo,
                      double    hi,
                      GError  **error)
{
  if (!isfinite (lo) || !isfinite (hi))
    return set_invalid (error, _("an uncertainty range must be two finite numbers"));
  if (lo < 0 || lo > 1)
    return set_invalid (error, _("the low multiplier must be between 0 and 1, not %g"), lo);
  if (hi < 1)
    return set_invalid (error, _("the high multiplier must be 1 or more, not %g"), hi);

  return TRUE;
}

gboolean
lf_rules_check_money (const char  *what,
                      double       value,
                      GError     **error)
{
  if (!isfinite (value))
    return set_invalid (error, _("%s must be a finite number"), what);
  if (value < 0)
    return set_invalid (error, _("%s must be 0 or more, not %g"), what, value);

  return TRUE;
}

gboolean
lf_rules_check_max_markets (double    value,
                            GError  **error)
{
  if (!isfinite (value) || value < 0 || value != floor (value) || value > G_MAXINT)
    return set_invalid (error, _("max_markets must be a whole number 0 or more, not %g"), value);

  return TRUE;
}

const char *
lf_lock_to_string (LfLock lock)
{
  g_return_val_if_fail (lock <= LF_LOCK_EXCLUDE, "auto");

  return lock_names[lock];
}

gboolean
lf_lock_from_string (const char *str,
                     LfLock     *out_lock)
{
  for (guint i = 0; i < G_N_ELEMENTS (lock_names); i++)
    {
      if (g_strcmp0 (str, lock_names[i]) == 0)
        {
          *out_lock = (LfLock) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lf_objective_to_string (LfObjective objective)
{
  g_return_val_if_fail (objective <= LF_OBJECTIVE_MIN_COST, "max_value");

  return objective_names[objective];
}

gboolean
lf_objective_from_string (const char  *str,
                          LfObjective *out_objective)
{
  for (guint i = 0; i < G_N_ELEMENTS (objective_names); i++)
    {
      if (g_strcmp0 (str, objective_names[i]) == 0)
        {
          *out_objective = (LfObjective) i;
          return TRUE;
        }
    }

  return FALSE;
}
