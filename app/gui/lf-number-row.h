/* lf-number-row.h: a row that edits one number, with its unit and reason
 *
 * Shows the value as lf-display.h says (money in the scale, shares as
 * percentages), emits "edited" with the parsed value while the user types,
 * and marks itself with the reason when the owner refuses the value.
 * A switchable row (a cap) carries a switch that turns the value off.
 */
#pragma once

#include <adwaita.h>

#include "lf-display.h"

G_BEGIN_DECLS

#define LF_TYPE_NUMBER_ROW (lf_number_row_get_type ())
G_DECLARE_FINAL_TYPE (LfNumberRow, lf_number_row, LF, NUMBER_ROW, AdwActionRow)

LfNumberRow *lf_number_row_new          (const char   *title,
                                         const char   *hint,
                                         LfEntryKind   kind);
void         lf_number_row_set_value    (LfNumberRow  *self,
                                         double        value);
void         lf_number_row_set_unit     (LfNumberRow  *self,
                                         const char   *unit);
void         lf_number_row_set_scale    (LfNumberRow  *self,
                                         LfMoneyScale  scale);
void         lf_number_row_set_error    (LfNumberRow  *self,
                                         const char   *message);
gboolean     lf_number_row_has_error    (LfNumberRow  *self);
void         lf_number_row_set_switchable (LfNumberRow *self,
                                         gboolean      switchable);
void         lf_number_row_set_active   (LfNumberRow  *self,
                                         gboolean      active);
gboolean     lf_number_row_get_active   (LfNumberRow  *self);
GtkEditable *lf_number_row_get_entry    (LfNumberRow  *self);

G_END_DECLS
