/* lf-chart-format.c: labels for chart axes and values, in the user's locale */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-format.h"
#include "lf-format.h"

/* Decimals that show a step of this size exactly: 0.25 needs 2, 5 none. */
static int
decimals_for_step (double step)
{
  int decimals = 0;

  if (!(step > 0) || !isfinite (step))
    return 0;

  while (decimals < 6 && fabs (step - round (step)) > step * 1e-6)
    {
      step *= 10;
      decimals++;
    }

  return decimals;
}

void
lf_axis_format_init (LfAxisFormat *format,
                     LfAxisUnit    unit,
                     double        step,
                     double        largest)
{
  g_return_if_fail (format != NULL);

  format->unit = unit;
  format->divisor = 1;
  largest = fabs (largest);

  if (unit == LF_AXIS_MONEY && largest >= 1e6)
    format->divisor = 1e6;
  else if (unit == LF_AXIS_MONEY && largest >= 1e4)
    format->divisor = 1e3;
  else if (unit == LF_AXIS_PERCENT)
    format->divisor = 0.01;

  format->decimals = decimals_for_step (step / format->divisor);
}

char *
lf_axis_format_label (const LfAxisFormat *format,
                      double              value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (format != NULL, NULL);

  if (fabs (value) < 1e-12 * MAX (1.0, format->divisor))
    return g_strdup ("0");
  number = lf_format_grouped (value / format->divisor, format->decimals);

  if (format->unit == LF_AXIS_PERCENT)
    /* Translators: a percentage on a chart axis */
    return g_strdup_printf (_("%s%%"), number);
  if (format->divisor == 1e6)
    /* Translators: an amount in millions on a chart axis, e.g. "1.5M" */
    return g_strdup_printf (_("%sM"), number);
  if (format->divisor == 1e3)
    /* Translators: an amount in thousands on a chart axis, e.g. "250k" */
    return g_strdup_printf (_("%sk"), number);

  return g_steal_pointer (&number);
}

/* A money figure beside a bar or in a caption: "5.95M USD". */
char *
lf_chart_format_money (double      amount,
                       const char *currency)
{
  return lf_format_money (amount, currency, LF_MONEY_AUTO);
}

/* A share as a percentage, with a decimal only where it tells something. */
char *
lf_chart_format_percent (double share)
{
  double percent = fabs (share * 100);

  return lf_format_percent (share, percent > 0 && percent < 10 && fabs (percent - round (percent)) > 0.05 ? 1 : 0);
}

/* Decimals for @significant digits of @value, less the trailing zeros. */
static int
significant_decimals (double value,
                      int    significant,
                      int    most)
{
  double magnitude = fabs (value);
  int decimals = 0;

  if (magnitude > 0 && isfinite (magnitude) && magnitude < 1e15)
    decimals = CLAMP (significant - 1 - (int) floor (log10 (magnitude)), 0, most);
  while (decimals > 0)
    {
      double full = round (value * pow (10, decimals)) / pow (10, decimals);
      double shorter = round (value * pow (10, decimals - 1)) / pow (10, decimals - 1);

      if (fabs (shorter - full) > 1e-9 * MAX (1, magnitude))
        break;
      decimals--;
    }

  return decimals;
}

/* A plain quantity (value, risk, staff): three significant digits, and
 * no trailing zeros ("0.9", not "0.900"). */
char *
lf_chart_format_number (double value)
{
  return lf_format_grouped (value, significant_decimals (value, 3, 8));
}

/* "1 250 000 USD": a tooltip tells what the bar only shows. */
char *
lf_chart_format_exact_money (double      amount,
                             const char *currency)
{
  return lf_format_money (amount, currency, LF_MONEY_UNITS);
}

char *
lf_chart_format_exact_number (double value)
{
  return lf_format_grouped (value, significant_decimals (value, 5, 8));
}

char *
lf_chart_format_exact_percent (double share)
{
  return lf_format_percent (share, significant_decimals (share * 100, 4, 2));
}
