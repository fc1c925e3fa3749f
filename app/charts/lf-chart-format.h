/* lf-chart-format.h: labels for chart axes and values, in the user's locale
 *
 * Tick labels on one axis share their shortening (k or M) and their
 * decimals, so "0.5M 1M 1.5M" never reads as "500k 1M 1.5M". For the
 * window and the exports only; files never see these strings.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LF_AXIS_NUMBER,
  LF_AXIS_MONEY,
  LF_AXIS_PERCENT,   /* values are shares 0..1, shown as percentages */
} LfAxisUnit;

typedef struct
{
  LfAxisUnit unit;
  double     divisor;   /* 1, 1e3 or 1e6 */
  int        decimals;
} LfAxisFormat;

void  lf_axis_format_init        (LfAxisFormat       *format,
                                  LfAxisUnit          unit,
                                  double              step,
                                  double              largest);
char *lf_axis_format_label       (const LfAxisFormat *format,
                                  double              value);

char *lf_chart_format_money      (double              amount,
                                  const char         *currency);
char *lf_chart_format_percent    (double              share);
char *lf_chart_format_number     (double              value);

/* The figures a tooltip gives: whole currency units, five significant
 * digits, percentages to a hundredth; trailing zeros dropped. */
char *lf_chart_format_exact_money   (double              amount,
                                     const char         *currency);
char *lf_chart_format_exact_number  (double              value);
char *lf_chart_format_exact_percent (double              share);

G_END_DECLS
