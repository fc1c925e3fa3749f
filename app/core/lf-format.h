/* lf-format.h: numbers for people, in the user's locale
 *
 * For messages, the window, the charts and the command line's human output.
 * Never for files or --json: those use g_ascii_* and '.' always.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LF_MONEY_UNITS,
  LF_MONEY_THOUSANDS,
  LF_MONEY_MILLIONS,
  LF_MONEY_AUTO,        /* k or M where that is shorter, for charts */
} LfMoneyScale;

char *lf_format_grouped  (double        value,
                          int           decimals);
char *lf_format_money    (double        amount,
                          const char   *currency,
                          LfMoneyScale  scale);
char *lf_format_percent  (double        share,
                          int           decimals);
char *lf_format_decimal  (double        value,
                          int           significant);
char *lf_format_short    (double        value,
                          int           significant);

G_END_DECLS
