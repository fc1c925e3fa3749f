/* lf-display.h: how the window shows and reads back one number
 *
 * GTK-free, so the rules of the editor rows (money in the currency and the
 * chosen scale, shares as percentages, the locale's marks) are tested
 * without a display.
 */
#pragma once

#include "lf-format.h"
#include "lf-rules.h"

G_BEGIN_DECLS

#define LF_DISPLAY_ERROR (lf_display_error_quark ())

typedef enum
{
  LF_DISPLAY_ERROR_PARSE,
} LfDisplayError;

/* How a value is entered: as its unit says, plus a plain count. */
typedef enum
{
  LF_ENTRY_NUMBER,   /* weights, risk, staff, caps: a plain decimal */
  LF_ENTRY_SHARE,    /* 0..1 in the model, percent on screen */
  LF_ENTRY_MONEY,    /* whole units in the model, scaled on screen */
  LF_ENTRY_COUNT,    /* a whole number */
} LfEntryKind;

LfEntryKind lf_display_kind_for_unit   (LfUnit         unit);
char       *lf_display_format_entry    (LfEntryKind    kind,
                                        double         value,
                                        LfMoneyScale   scale);
char       *lf_display_unit_label      (LfEntryKind    kind,
                                        const char    *currency,
                                        LfMoneyScale   scale);
gboolean    lf_display_parse_entry     (LfEntryKind    kind,
                                        const char    *text,
                                        LfMoneyScale   scale,
                                        double        *out_value,
                                        GError       **error);
double      lf_display_scale_divisor   (LfMoneyScale   scale);
GQuark      lf_display_error_quark     (void);

G_END_DECLS
