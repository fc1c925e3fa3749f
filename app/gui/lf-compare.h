/* lf-compare.h: what the Compare page shows, decided without widgets
 *
 * Two uses. Scenarios (or kept plans) side by side: the headline figures
 * of each, the markets entered in some and not others or present in some
 * only, and every setting or market parameter that differs. Markets of one
 * plan side by side: every parameter and result of each. Each row carries
 * its texts, one per side, whether the sides differ, and which sides read
 * otherwise than the first, the reference, so the page only copies them
 * into a grid (tests/test-compare.c checks the decisions).
 */
#pragma once

#include "lf-format.h"
#include "lf-plan.h"

G_BEGIN_DECLS

#define LF_COMPARE_MIN_SIDES 2
#define LF_COMPARE_MAX_SIDES 6

/* One column: a scenario, a kept plan or the current plan. @plan may be
 * NULL while it is being solved; its figures then read "—". */
typedef struct
{
  const char      *name;
  const LfProblem *problem;
  const LfPlan    *plan;
} LfCompareSide;

typedef enum
{
  LF_COMPARE_HEADLINE,   /* status, value, cost and its parts, budget, markets entered */
  LF_COMPARE_MARKETS,    /* a market entered in some sides only, or present in some only */
  LF_COMPARE_SETTINGS,   /* objective, target, caps, currency: only where they differ */
  LF_COMPARE_PARAMS,     /* a market's parameter (every one for markets side by side) */
  LF_COMPARE_RESULTS,    /* a market's figures in the plan (markets side by side) */
  LF_N_COMPARE_SECTIONS
} LfCompareSection;

typedef struct
{
  LfCompareSection  section;
  char             *label;    /* in the user's language */
  char             *market;   /* the market a scenario row is about, else NULL */
  int               param;    /* the LfParam of a parameter row, else -1 */
  char            **values;   /* one text per side, NULL-terminated */
  gboolean          differs;  /* not every side alike */
  guint             marks;    /* bit s: side s reads otherwise than side 0, the reference */
} LfCompareRow;

typedef struct
{
  guint      n_sides;
  char     **names;           /* the column titles, NULL-terminated */
  GPtrArray *rows;            /* LfCompareRow, in section order */
  gboolean   mixed_currencies; /* money of the sides is in more than one currency */
} LfComparison;

LfComparison       *lf_compare_scenarios  (const LfCompareSide *sides,
                                           guint                n_sides,
                                           LfMoneyScale         scale);
LfComparison       *lf_compare_markets    (const LfProblem     *problem,
                                           const LfPlan        *plan,
                                           const guint         *markets,
                                           guint                n_markets,
                                           LfMoneyScale         scale);
void                lf_comparison_free    (LfComparison        *self);
gboolean            lf_compare_row_marked (const LfCompareRow  *row,
                                           guint                side);
guint               lf_comparison_count   (const LfComparison  *self,
                                           LfCompareSection     section);
const LfCompareRow *lf_comparison_find    (const LfComparison  *self,
                                           LfCompareSection     section,
                                           const char          *market,
                                           const char          *label);

/* Whether two snapshots would solve alike: same settings and markets. */
gboolean            lf_compare_problems_equal (const LfProblem *a,
                                           const LfProblem *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfComparison, lf_comparison_free)

G_END_DECLS
