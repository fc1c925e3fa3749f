/* lf-compare-view.c: the Compare page of a scenario
 *
 * Copies LfComparison rows (lf-compare.c decides every text) into two
 * grids. The other sides of the Scenarios section are kept in Side boxes:
 * each owns its snapshot, plan and budget sweep, and a GCancellable that
 * is cancelled when the side is dropped, so a late answer of the solver
 * finds its side cancelled and is thrown away.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lf-analysis-task.h"
#include "lf-chart-view.h"
#include "lf-compare-view.h"
#include "lf-compare.h"

/* The frontier: a sweep from no money to twice the budget, as the
 * command line draws it. */
#define FRONTIER_POINTS 41

/* Enough to read; a grid of thousands of rows would only slow the window. */
#define MAX_SECTION_ROWS 150
#define MAX_CHIPS 40

/* The page's layout, as in ui/lf-compare-view.ui. */
#define BODY_SPACING 18
#define PAGE_MARGINS 28
#define CHART_MIN_WIDTH 420

typedef enum
{
  SIDE_CURRENT,
  SIDE_SCENARIO,
  SIDE_KEPT_PLAN,
} SideKind;

typedef struct
{
  LfCompareView *view;         /* NULL once dropped */
  SideKind       kind;
  gint64         id;           /* scenario or kept plan */
  char          *name;
  LfProblem     *problem;
  LfPlan        *plan;
  LfSweepResult *sweep;
  gboolean       swept;        /* the sweep ran, or cannot */
  gboolean       busy;
  GCancellable  *cancellable;
} Side;

struct _LfCompareView
{
  GtkWidget        parent_instance;

  GtkToggleButton *markets_toggle;
  GtkToggleButton *scenarios_toggle;
  GtkStack        *stack;
  GtkSearchEntry  *market_search;
  GtkFlowBox      *market_chips;
  GtkWidget       *markets_body;
  GtkGrid         *markets_grid;
  LfChartView     *markets_chart;
  GtkButton       *keep_button;
  GtkListBox      *plans_list;
  GtkListBox      *others_list;
  GtkLabel        *scenarios_status;
  GtkSpinner      *spinner;
  GtkWidget       *scenarios_body;
  GtkGrid         *scenarios_grid;
  LfChartView     *frontiers_chart;

  LfSession       *session;
  LfScenario      *scenario;
  LfProblem       *problem;
  LfPlan          *plan;
  LfMoneyScale     scale;

  GPtrArray       *chosen_markets;  /* char *, market names in the order ticked */
  GPtrArray       *chips;           /* GtkCheckButton, one per market shown */
  guint            chips_signature; /* of the market names the chips were made for */
  gboolean         dirty;           /* changed while unmapped: the grids wait */
  gboolean         markets_touched; /* ticked by the user, not the default */
  Side            *current;
  GPtrArray       *others;          /* Side *, in the order ticked */
  GHashTable      *kept;            /* plan id -> Side *, restored kept plans */
  gulong           scenarios_handler;

  /* What the frontier chart borrows. */
  const LfSweepResult *frontier_sweeps[LF_COMPARE_MAX_SIDES];
  const char          *frontier_names[LF_COMPARE_MAX_SIDES];
};

G_DEFINE_FINAL_TYPE (LfCompareView, lf_compare_view, GTK_TYPE_WIDGET)

static void refresh_scenarios (LfCompareView *self);
static void side_start (Side *side);

/* Sides */

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->name, g_free);
  g_clear_pointer (&side->problem, lf_problem_unref);
  g_clear_pointer (&side->plan, lf_plan_unref);
  g_clear_pointer (&side->sweep, lf_sweep_result_free);
  g_clear_object (&side->cancellable);
}

static Side *
side_new (LfCompareView *view,
          SideKind       kind,
          gint64         id)
{
  Side *side = g_rc_box_new0 (Side);

  side->view = view;
  side->kind = kind;
  side->id = id;
  side->cancellable = g_cancellable_new ();

  return side;
}

static Side *
side_ref (Side *side)
{
  return g_rc_box_acquire (side);
}

static void
side_unref (Side *side)
{
  g_rc_box_release_full (side, (GDestroyNotify) side_clear);
}

/* The side is no longer shown: what runs for it stops. */
static void
side_drop (Side *side)
{
  side->view = NULL;
  g_cancellable_cancel (side->cancellable);
  side_unref (side);
}

/* Unticked: a kept plan stays restored (the list holds it) with what it
 * has solved, only its running work stops; any other side goes. */
static void
side_release (Side *side)
{
  if (side->kind != SIDE_KEPT_PLAN)
    {
      side_drop (side);
      return;
    }
  if (side->busy)
    {
      g_cancellable_cancel (side->cancellable);
      g_object_unref (side->cancellable);
      side->cancellable = g_cancellable_new ();
      side->busy = FALSE;
    }
  side_unref (side);
}

/* A new snapshot: what was solved or swept for the old one is dropped. */
static void
side_set_problem (Side      *side,
                  LfProblem *problem,
                  LfPlan    *plan)
{
  g_cancellable_cancel (side->cancellable);
  g_clear_object (&side->cancellable);
  side->cancellable = g_cancellable_new ();
  g_clear_pointer (&side->problem, lf_problem_unref);
  g_clear_pointer (&side->plan, lf_plan_unref);
  g_clear_pointer (&side->sweep, lf_sweep_result_free);
  side->problem = problem != NULL ? lf_problem_ref (problem) : NULL;
  side->plan = plan != NULL ? lf_plan_ref (plan) : NULL;
  side->swept = FALSE;
  side->busy = FALSE;
}

/* One solve or sweep of a side: its answer counts only if the side still
 * waits for it (not dropped, not given a new snapshot meanwhile). */
typedef struct
{
  Side         *side;
  GCancellable *cancellable;
} Job;

static Job *
job_new (Side *side)
{
  Job *job = g_new0 (Job, 1);

  job->side = side_ref (side);
  job->cancellable = g_object_ref (side->cancellable);

  return job;
}

static void
job_free (Job *job)
{
  side_unref (job->side);
  g_object_unref (job->cancellable);
  g_free (job);
}

static gboolean
job_wanted (const Job *job)
{
  return job->side->view != NULL && job->cancellable == job->side->cancellable &&
         !g_cancellable_is_cancelled (job->cancellable);
}

/* Twice the budget; without one (a min_cost scenario), twice what the
 * plan costs; NAN when neither says how far to go. */
static double
frontier_top (const Side *side)
{
  if (isfinite (side->problem->budget) && side->problem->budget > 0)
    return 2 * side->problem->budget;
  if (side->plan != NULL && side->plan->has_solution && side->plan->cost > 0)
    return 2 * side->plan->cost;

  return NAN;
}

static void
on_side_swept_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Job *job = user_data;
  Side *side = job->side;
  g_autoptr(GError) error = NULL;
  LfSweepResult *sweep = lf_analysis_run_finish (result, NULL, &error);

  if (job_wanted (job))
    {
      side->sweep = sweep;
      side->swept = TRUE;
      side->busy = FALSE;
      sweep = NULL;
      if (error != NULL)
        g_debug ("Sweep of %s failed: %s", side->name, error->message);
      refresh_scenarios (side->view);
    }
  g_clear_pointer (&sweep, lf_sweep_result_free);
  job_free (job);
}

static void
side_sweep (Side *side)
{
  LfAnalysisRequest request = { LF_ANALYSIS_SWEEP, 0, frontier_top (side), FRONTIER_POINTS };

  if (isnan (request.to))
    {
      side->swept = TRUE;
      return;
    }
  side->busy = TRUE;
  lf_analysis_run_async (side->problem, &request, side->cancellable, NULL, NULL, NULL,
                         on_side_swept_cb, job_new (side));
}

static void
on_side_solved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Job *job = user_data;
  Side *side = job->side;
  g_autoptr(GError) error = NULL;
  g_autoptr(LfPlan) plan = lf_solver_solve_finish (result, &error);

  if (job_wanted (job))
    {
      side->busy = FALSE;
      if (plan != NULL)
        side->plan = g_steal_pointer (&plan);
      else
        side->swept = TRUE;  /* nothing to sweep from a problem the solver refused */
      if (error != NULL)
        g_debug ("Solve of %s failed: %s", side->name, error->message);
      side_start (side);
      refresh_scenarios (side->view);
    }
  job_free (job);
}

/* Solves the side if it has no plan yet (the current one is solved by the
 * scenario page), then sweeps it. */
static void
side_start (Side *side)
{
  if (side->busy || side->problem == NULL)
    return;
  if (side->plan == NULL && side->kind != SIDE_CURRENT)
    {
      side->busy = TRUE;
      lf_solver_solve_async (side->problem, NULL, side->cancellable, on_side_solved_cb, job_new (side));
      return;
    }
  if (!side->swept && side->plan != NULL)
    side_sweep (side);
}

/* Grids */

static void
grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
grid_cell (GtkGrid    *grid,
           const char *text,
           int         column,
           int         row,
           gboolean    differs)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_add_css_class (label, "compare-cell");
  if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  if (differs)
    gtk_widget_add_css_class (label, "differs");
  gtk_grid_attach (grid, label, column, row, 1, 1);

  return label;
}

static int
grid_heading (GtkGrid    *grid,
              const char *text,
              int         row,
              guint       n_sides)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "compare-heading");
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, 0, row, n_sides + 1, 1);

  return row + 1;
}

static int
grid_names (GtkGrid            *grid,
            const LfComparison *cmp,
            int                 row)
{
  GtkWidget *corner = grid_cell (grid, "", 0, row, FALSE);

  gtk_widget_add_css_class (corner, "compare-names");
  for (guint s = 0; s < cmp->n_sides; s++)
    {
      GtkWidget *name = grid_cell (grid, cmp->names[s], s + 1, row, FALSE);

      gtk_widget_add_css_class (name, "compare-names");
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
      gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_RIGHT);
    }

  return row + 1;
}

/* A dim line across the grid. */
static void
grid_note (GtkGrid    *grid,
           const char *text,
           int         row,
           guint       n_sides)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "compare-cell");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, n_sides + 1, 1);
}

static void
grid_row (GtkGrid            *grid,
          const LfCompareRow *r,
          int                 row,
          guint               n_sides)
{
  g_autofree char *title = NULL;

  if (r->market != NULL && r->section != LF_COMPARE_MARKETS)
    /* Translators: a parameter of one market, e.g. "Japan · Legal set-up" */
    title = g_strdup_printf (_("%s · %s"), r->market, r->label);
  else
    title = g_strdup (r->label);
  gtk_widget_add_css_class (grid_cell (grid, title, 0, row, r->differs), "compare-title");
  for (guint s = 0; s < n_sides; s++)
    grid_cell (grid, r->values[s], s + 1, row, r->differs);
}

/* The rows of @section, after @heading (when not NULL); @empty is shown
 * when there are none. Returns the next free row. */
static int
grid_section (GtkGrid            *grid,
              const LfComparison *cmp,
              LfCompareSection    section,
              int                 row,
              const char         *heading,
              const char         *empty)
{
  gboolean any = FALSE;
  guint shown = 0, hidden = 0;

  if (heading != NULL)
    row = grid_heading (grid, heading, row, cmp->n_sides);
  for (guint i = 0; i < cmp->rows->len; i++)
    {
      const LfCompareRow *r = g_ptr_array_index (cmp->rows, i);

      if (r->section != section)
        continue;
      any = TRUE;
      if (shown++ < MAX_SECTION_ROWS)
        grid_row (grid, r, row++, cmp->n_sides);
      else
        hidden++;
    }
  if (hidden > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more row not shown.", "%u more rows not shown.", hidden),
                                               hidden);

      grid_note (grid, more, row++, cmp->n_sides);
    }
  else if (!any && empty != NULL)
    grid_note (grid, empty, row++, cmp->n_sides);

  return row;
}

/* A grid and its chart side by side where both fit, else the chart under
 * the grid (libadwaita 1.2 has no breakpoints). Decided when the width
 * changes and when the grid is made anew: GTK does not allocate this
 * widget again when only a grid inside it changes. */
static void
lay_out_body (GtkWidget *body,
              int        width)
{
  int natural = 0;
  gboolean wide;

  gtk_widget_measure (gtk_widget_get_first_child (body), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  wide = width >= natural + BODY_SPACING + CHART_MIN_WIDTH + PAGE_MARGINS;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (body), wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
}

/* Markets */

static gboolean
market_chosen (LfCompareView *self,
               const char    *name)
{
  for (guint i = 0; i < self->chosen_markets->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->chosen_markets, i), name) == 0)
      return TRUE;

  return FALSE;
}

/* The chosen markets' indices in the current problem, in ticking order. */
static guint
chosen_indices (LfCompareView *self,
                guint          out[LF_COMPARE_MAX_SIDES])
{
  guint n = 0;

  for (guint k = 0; k < self->chosen_markets->len && n < LF_COMPARE_MAX_SIDES; k++)
    for (guint i = 0; i < self->problem->n_markets; i++)
      if (g_strcmp0 (self->problem->markets[i].name, g_ptr_array_index (self->chosen_markets, k)) == 0)
        {
          out[n++] = i;
          break;
        }

  return n;
}

/* Six ticked: the others wait until one is unticked. */
static void
update_chip_sensitivity (LfCompareView *self)
{
  gboolean full = self->chosen_markets->len >= LF_COMPARE_MAX_SIDES;

  for (guint i = 0; i < self->chips->len; i++)
    {
      GtkCheckButton *chip = g_ptr_array_index (self->chips, i);

      gtk_widget_set_sensitive (GTK_WIDGET (chip), !full || gtk_check_button_get_active (chip));
    }
}

static void
refresh_markets_grid (LfCompareView *self)
{
  guint markets[LF_COMPARE_MAX_SIDES];
  guint n = self->problem != NULL ? chosen_indices (self, markets) : 0;
  g_autoptr(LfComparison) cmp = NULL;
  int row = 0;

  grid_clear (self->markets_grid);
  gtk_widget_set_visible (self->markets_body, n >= LF_COMPARE_MIN_SIDES);
  lf_chart_view_set_plan (self->markets_chart, self->problem, self->plan);
  lf_chart_view_set_compare_markets (self->markets_chart, markets, n);
  if (n < LF_COMPARE_MIN_SIDES)
    return;
  cmp = lf_compare_markets (self->problem, self->plan, markets, n, self->scale);
  row = grid_names (self->markets_grid, cmp, row);
  row = grid_section (self->markets_grid, cmp, LF_COMPARE_PARAMS, row, _("Parameters"), NULL);
  grid_section (self->markets_grid, cmp, LF_COMPARE_RESULTS, row, _("In the plan"), NULL);
  lay_out_body (self->markets_body, gtk_widget_get_width (GTK_WIDGET (self)));
}

static void
on_chip_toggled_cb (GtkCheckButton *chip,
                    LfCompareView  *self)
{
  const char *name = g_object_get_data (G_OBJECT (chip), "market");

  self->markets_touched = TRUE;
  if (gtk_check_button_get_active (chip) && !market_chosen (self, name))
    g_ptr_array_add (self->chosen_markets, g_strdup (name));
  else if (!gtk_check_button_get_active (chip))
    for (guint i = 0; i < self->chosen_markets->len; i++)
      if (g_strcmp0 (g_ptr_array_index (self->chosen_markets, i), name) == 0)
        g_ptr_array_remove_index (self->chosen_markets, i--);
  update_chip_sensitivity (self);
  refresh_markets_grid (self);
}

/* The leading entered markets, as the compare chart picks them. */
static void
choose_default_markets (LfCompareView *self)
{
  guint markets[LF_CHART_COMPARE_MAX];
  guint n = lf_chart_default_compare (self->problem, self->plan, markets);

  for (guint k = 0; k < n && k < LF_COMPARE_MAX_SIDES; k++)
    g_ptr_array_add (self->chosen_markets, g_strdup (self->problem->markets[markets[k]].name));
}

/* Markets ticked before keep their tick (by name) across solves; ones
 * gone are forgotten. */
static void
prune_chosen (LfCompareView *self)
{
  for (guint k = 0; k < self->chosen_markets->len; k++)
    {
      const char *name = g_ptr_array_index (self->chosen_markets, k);
      gboolean found = FALSE;

      for (guint i = 0; i < self->problem->n_markets && !found; i++)
        found = g_strcmp0 (self->problem->markets[i].name, name) == 0;
      if (!found)
        g_ptr_array_remove_index (self->chosen_markets, k--);
    }
  if (self->chosen_markets->len == 0)
    choose_default_markets (self);
}

static void
add_chip (LfCompareView *self,
          const char    *name)
{
  GtkWidget *chip = gtk_check_button_new_with_label (name);

  g_object_set_data_full (G_OBJECT (chip), "market", g_strdup (name), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (chip), market_chosen (self, name));
  g_signal_connect_object (chip, "toggled", G_CALLBACK (on_chip_toggled_cb), self, 0);
  gtk_flow_box_append (self->market_chips, chip);
  gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
  g_ptr_array_add (self->chips, chip);
}

static gboolean
name_matches (const char *name,
              const char *folded_filter)
{
  g_autofree char *folded = NULL;

  if (*folded_filter == '\0')
    return TRUE;
  folded = g_utf8_casefold (name, -1);

  return strstr (folded, folded_filter) != NULL;
}

/* A chip per market, the ticked ones always; a long list shows only the
 * first MAX_CHIPS that match the search. */
static void
rebuild_chips (LfCompareView *self)
{
  g_autofree char *filter = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->market_search)), -1);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->market_chips))) != NULL)
    gtk_flow_box_remove (self->market_chips, child);
  g_ptr_array_set_size (self->chips, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->market_search),
                          self->problem != NULL && self->problem->n_markets > MAX_CHIPS);
  if (self->problem == NULL)
    return;
  prune_chosen (self);
  for (guint i = 0; i < self->problem->n_markets; i++)
    {
      const char *name = self->problem->markets[i].name;

      if (market_chosen (self, name))
        add_chip (self, name);
      else if (shown < MAX_CHIPS && name_matches (name, filter))
        {
          add_chip (self, name);
          shown++;
        }
    }
  update_chip_sensitivity (self);
}

/* The market names, in order, as one number: the chips are made anew
 * only when they change. */
static guint
names_signature (const LfProblem *problem)
{
  guint h = problem != NULL ? problem->n_markets + 1 : 0;

  for (guint i = 0; problem != NULL && i < problem->n_markets; i++)
    h = h * 31 + g_str_hash (problem->markets[i].name);

  return h;
}

static void
on_search_changed_cb (LfCompareView *self)
{
  rebuild_chips (self);
}

/* Grids are made when they can be seen, not after every solve of a
 * scenario whose page shows something else. */
static gboolean
defer_unmapped (LfCompareView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  self->dirty = TRUE;

  return TRUE;
}

static void
refresh_markets (LfCompareView *self)
{
  guint signature = names_signature (self->problem);

  if (defer_unmapped (self))
    return;
  /* Without a plan there is no default yet: it comes with the first. */
  if (signature != self->chips_signature || self->chips->len == 0 ||
      (!self->markets_touched && self->chosen_markets->len == 0))
    {
      self->chips_signature = signature;
      rebuild_chips (self);
    }
  refresh_markets_grid (self);
}

/* Scenarios */

static gint64
scenario_id (LfCompareView *self)
{
  if (self->session == NULL || self->scenario == NULL)
    return -1;

  return lf_session_get_id (self->session, self->scenario);
}

static gboolean
scenarios_shown (LfCompareView *self)
{
  return gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_toggle_button_get_active (self->scenarios_toggle);
}

static guint
collect_sides (LfCompareView *self,
               Side          *sides[LF_COMPARE_MAX_SIDES])
{
  guint n = 0;

  sides[n++] = self->current;
  for (guint i = 0; i < self->others->len && n < LF_COMPARE_MAX_SIDES; i++)
    sides[n++] = g_ptr_array_index (self->others, i);

  return n;
}

static gboolean
any_busy (LfCompareView *self)
{
  Side *sides[LF_COMPARE_MAX_SIDES];
  guint n = collect_sides (self, sides);

  for (guint s = 0; s < n; s++)
    if (sides[s]->busy)
      return TRUE;

  return FALSE;
}

static void
refresh_frontiers (LfCompareView *self,
                   Side         **sides,
                   guint          n)
{
  guint shown = n >= LF_COMPARE_MIN_SIDES ? n : 0;

  for (guint s = 0; s < LF_COMPARE_MAX_SIDES; s++)
    {
      self->frontier_sweeps[s] = s < shown ? sides[s]->sweep : NULL;
      self->frontier_names[s] = s < shown ? sides[s]->name : NULL;
    }
  lf_chart_view_set_frontiers (self->frontiers_chart, self->frontier_sweeps, self->frontier_names, shown,
                               self->problem != NULL ? self->problem->currency : NULL);
}

static void
refresh_scenarios_grid (LfCompareView *self,
                        Side         **sides,
                        guint          n)
{
  LfCompareSide cols[LF_COMPARE_MAX_SIDES];
  g_autoptr(LfComparison) cmp = NULL;
  int row = 0;

  grid_clear (self->scenarios_grid);
  for (guint s = 0; s < n; s++)
    cols[s] = (LfCompareSide) { sides[s]->name, sides[s]->problem, sides[s]->plan };
  cmp = lf_compare_scenarios (cols, n, self->scale);
  row = grid_names (self->scenarios_grid, cmp, row);
  row = grid_section (self->scenarios_grid, cmp, LF_COMPARE_HEADLINE, row, NULL, NULL);
  row = grid_section (self->scenarios_grid, cmp, LF_COMPARE_MARKETS, row, _("Markets that differ"),
                      _("The same markets, entered alike"));
  /* Settings and market parameters under one heading. */
  row = grid_heading (self->scenarios_grid, _("Parameters that differ"), row, cmp->n_sides);
  row = grid_section (self->scenarios_grid, cmp, LF_COMPARE_SETTINGS, row, NULL, NULL);
  grid_section (self->scenarios_grid, cmp, LF_COMPARE_PARAMS, row, NULL,
                lf_comparison_count (cmp, LF_COMPARE_SETTINGS) > 0 ? NULL : _("Every parameter is the same"));
  lay_out_body (self->scenarios_body, gtk_widget_get_width (GTK_WIDGET (self)));
}

static void
refresh_scenarios (LfCompareView *self)
{
  Side *sides[LF_COMPARE_MAX_SIDES];
  guint n = collect_sides (self, sides);
  gboolean ready = n >= LF_COMPARE_MIN_SIDES && self->current->problem != NULL;
  gboolean busy;

  if (scenarios_shown (self))
    for (guint s = 0; s < n && ready; s++)
      side_start (sides[s]);
  busy = any_busy (self);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_button), scenario_id (self) > 0 && self->plan != NULL);
  gtk_widget_set_visible (self->scenarios_body, ready);
  gtk_label_set_text (self->scenarios_status,
                      !ready ? _("Tick a kept plan or another scenario to compare it with this one.") :
                      busy ? _("Solving and sweeping the budget…") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->scenarios_status), !ready || busy);
  refresh_frontiers (self, sides, ready ? n : 0);
  if (!ready)
    grid_clear (self->scenarios_grid);
  else if (!defer_unmapped (self))
    refresh_scenarios_grid (self, sides, n);
}

/* Other sides: ticked kept plans and scenarios */

static int
find_other (LfCompareView *self,
            SideKind       kind,
            gint64         id)
{
  for (guint i = 0; i < self->others->len; i++)
    {
      Side *side = g_ptr_array_index (self->others, i);

      if (side->kind == kind && side->id == id)
        return i;
    }

  return -1;
}

static Side *
load_scenario_side (LfCompareView *self,
                    gint64         id,
                    Side          *side)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) scenario = lf_session_load (self->session, id, &error);
  g_autoptr(LfProblem) problem = NULL;

  if (scenario == NULL)
    {
      g_warning ("Cannot load scenario %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }
  problem = lf_problem_new_from_scenario (scenario);
  if (side == NULL)
    side = side_new (self, SIDE_SCENARIO, id);
  g_free (side->name);
  side->name = g_strdup (lf_scenario_get_name (scenario));
  if (side->problem == NULL || !lf_compare_problems_equal (side->problem, problem))
    side_set_problem (side, problem, NULL);

  return side;
}

static Side *
kept_side (LfCompareView *self,
           gint64         plan_id)
{
  return g_hash_table_lookup (self->kept, &plan_id);
}

/* Released only after the grid and chart stop borrowing from it. */
static void
remove_other (LfCompareView *self,
              guint          index)
{
  Side *side = g_ptr_array_steal_index (self->others, index);

  refresh_scenarios (self);
  side_release (side);
}

/* Up to five beside the current plan. */
static void
update_check_sensitivity (LfCompareView *self,
                          GtkListBox    *list)
{
  gboolean room = self->others->len < LF_COMPARE_MAX_SIDES - 1;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL)
        gtk_widget_set_sensitive (check, room || gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }
}

static void
on_other_toggled_cb (GtkCheckButton *check,
                     LfCompareView  *self)
{
  SideKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "kind"));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "id");
  int index = find_other (self, kind, id);
  Side *side = NULL;

  if (!gtk_check_button_get_active (check))
    {
      if (index >= 0)
        remove_other (self, index);
    }
  else if (index < 0)
    {
      if (kind == SIDE_SCENARIO)
        side = load_scenario_side (self, id, NULL);
      else if (kept_side (self, id) != NULL)
        side = side_ref (kept_side (self, id));
      if (side != NULL)
        g_ptr_array_add (self->others, side);
      refresh_scenarios (self);
    }
  update_check_sensitivity (self, self->plans_list);
  update_check_sensitivity (self, self->others_list);
}

static GtkWidget *
make_check (LfCompareView *self,
            SideKind       kind,
            gint64         id,
            AdwActionRow  *row)
{
  GtkWidget *check = gtk_check_button_new ();

  g_object_set_data (G_OBJECT (check), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (check), "id", g_memdup2 (&id, sizeof id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), find_other (self, kind, id) >= 0);
  gtk_widget_set_sensitive (check, find_other (self, kind, id) >= 0 || self->others->len < LF_COMPARE_MAX_SIDES - 1);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_other_toggled_cb), self, 0);
  adw_action_row_add_prefix (row, check);
  adw_action_row_set_activatable_widget (row, check);
  g_object_set_data (G_OBJECT (row), "check", check);

  return check;
}

static void
list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
rebuild_others (LfCompareView *self)
{
  GListModel *model;
  gint64 current = scenario_id (self);

  list_clear (self->others_list);
  if (self->session == NULL)
    return;
  model = lf_session_get_scenarios (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (model, i);
      GtkWidget *row;

      if (lf_scenario_info_get_id (info) == current)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lf_scenario_info_get_name (info));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      make_check (self, SIDE_SCENARIO, lf_scenario_info_get_id (info), ADW_ACTION_ROW (row));
      gtk_list_box_append (self->others_list, row);
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->others_list)) == NULL)
    add_placeholder (self->others_list, _("No other scenarios"));
}

/* The title of a kept plan: when it was kept, in the user's locale. */
static char *
kept_name (gint64 created)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (created / G_USEC_PER_SEC);

  return when != NULL ? g_date_time_format (when, "%x %X") : g_strdup ("—");
}

static char *
kept_subtitle (const Side *side)
{
  g_autoptr(LfComparison) cmp = NULL;
  LfCompareSide col = { side->name, side->problem, side->plan };
  LfCompareSide cols[2] = { col, col };
  const LfCompareRow *value, *status;

  /* The same texts as the grid shows. */
  cmp = lf_compare_scenarios (cols, 2, LF_MONEY_UNITS);
  value = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, _("Value"));
  status = lf_comparison_find (cmp, LF_COMPARE_HEADLINE, NULL, _("Status"));
  /* Translators: a kept plan's value and status, e.g. "Value 7.520 · Best plan" */
  return g_strdup_printf (_("Value %s · %s"), value->values[0], status->values[0]);
}

/* Reads a kept plan once; later lists reuse it. */
static Side *
restore_kept (LfCompareView      *self,
              const LfStoredPlan *listed)
{
  g_autoptr(LfStoredPlan) stored = NULL;
  g_autoptr(LfProblem) problem = NULL;
  g_autoptr(LfPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  Side *side = kept_side (self, listed->id);

  if (side != NULL)
    return side;
  stored = lf_store_load_plan (lf_session_get_store (self->session), listed->id, &error);
  if (stored == NULL || !lf_stored_plan_restore (stored, &problem, &plan, &error))
    {
      g_warning ("Cannot read kept plan %" G_GINT64_FORMAT ": %s", listed->id, error->message);
      return NULL;
    }
  side = side_new (self, SIDE_KEPT_PLAN, listed->id);
  side->name = kept_name (listed->created);
  side_set_problem (side, problem, plan);
  g_hash_table_insert (self->kept, &side->id, side);

  return side;
}

static void rebuild_plans (LfCompareView *self);

static void
on_delete_clicked_cb (GtkButton     *button,
                      LfCompareView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");
  g_autoptr(GError) error = NULL;
  int index = find_other (self, SIDE_KEPT_PLAN, id);

  if (!lf_store_delete_plan (lf_session_get_store (self->session), id, &error))
    {
      gtk_label_set_text (self->scenarios_status, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->scenarios_status), TRUE);
      return;
    }
  if (index >= 0)
    remove_other (self, index);
  g_hash_table_remove (self->kept, &id);
  rebuild_plans (self);
}

static GtkWidget *
make_plan_row (LfCompareView *self,
               Side          *side)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = kept_subtitle (side);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), side->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  make_check (self, SIDE_KEPT_PLAN, side->id, ADW_ACTION_ROW (row));
  g_object_set_data_full (G_OBJECT (delete), "id", g_memdup2 (&side->id, sizeof side->id), g_free);
  gtk_widget_set_name (delete, "delete-kept-plan");
  gtk_widget_set_tooltip_text (delete, _("Delete Kept Plan"));
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  return row;
}

static void
rebuild_plans (LfCompareView *self)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = scenario_id (self);

  list_clear (self->plans_list);
  if (id > 0)
    listed = lf_store_list_plans (lf_session_get_store (self->session), id, &error);
  if (error != NULL)
    g_warning ("Cannot list kept plans: %s", error->message);
  for (guint i = 0; listed != NULL && i < listed->len; i++)
    {
      Side *side = restore_kept (self, g_ptr_array_index (listed, i));

      if (side != NULL)
        gtk_list_box_append (self->plans_list, make_plan_row (self, side));
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->plans_list)) == NULL)
    add_placeholder (self->plans_list, _("No kept plans yet"));
}

static void
on_keep_clicked_cb (LfCompareView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = scenario_id (self);

  if (id <= 0 || self->problem == NULL || self->plan == NULL)
    return;
  if (lf_store_save_plan (lf_session_get_store (self->session), id, self->problem, self->plan, &error) <= 0)
    {
      gtk_label_set_text (self->scenarios_status, error != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->scenarios_status), TRUE);
      return;
    }
  rebuild_plans (self);
}

/* Drops every other side, for a new scenario or workspace. */
static void
clear_others (LfCompareView *self)
{
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func ((GDestroyNotify) side_release);

  while (self->others->len > 0)
    g_ptr_array_add (old, g_ptr_array_steal_index (self->others, self->others->len - 1));
  refresh_scenarios (self);
  g_hash_table_remove_all (self->kept);
}

/* Other scenarios may have been edited in their own tabs meanwhile. */
static void
reload_other_scenarios (LfCompareView *self)
{
  for (guint i = 0; i < self->others->len; i++)
    {
      Side *side = g_ptr_array_index (self->others, i);

      if (side->kind == SIDE_SCENARIO && load_scenario_side (self, side->id, side) == NULL)
        remove_other (self, i--);
    }
}

static void
on_scenarios_changed_cb (GListModel    *model,
                         guint          position,
                         guint          removed,
                         guint          added,
                         LfCompareView *self)
{
  /* A scenario deleted: its side goes. */
  for (guint i = 0; i < self->others->len; i++)
    {
      Side *side = g_ptr_array_index (self->others, i);

      if (side->kind == SIDE_SCENARIO && lf_session_find_position (self->session, side->id) < 0)
        remove_other (self, i--);
    }
  rebuild_others (self);
  refresh_scenarios (self);
}

static void
on_section_toggled_cb (LfCompareView *self)
{
  gboolean scenarios = gtk_toggle_button_get_active (self->scenarios_toggle);

  gtk_stack_set_visible_child_name (self->stack, scenarios ? "scenarios" : "markets");
  if (scenarios)
    {
      reload_other_scenarios (self);
      refresh_scenarios (self);
    }
}

static void
lf_compare_view_map (GtkWidget *widget)
{
  LfCompareView *self = LF_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (lf_compare_view_parent_class)->map (widget);
  if (self->dirty)
    refresh_markets (self);
  if (self->dirty || gtk_toggle_button_get_active (self->scenarios_toggle))
    {
      reload_other_scenarios (self);
      refresh_scenarios (self);
    }
  self->dirty = FALSE;
}

static void
lf_compare_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
lf_compare_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LfCompareView *self = LF_COMPARE_VIEW (widget);

  lay_out_body (self->markets_body, width);
  lay_out_body (self->scenarios_body, width);
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
lf_compare_view_dispose (GObject *object)
{
  LfCompareView *self = LF_COMPARE_VIEW (object);
  GtkWidget *child;

  /* The charts borrow from the sides: empty them first. */
  if (self->frontiers_chart != NULL)
    lf_chart_view_set_frontiers (self->frontiers_chart, NULL, NULL, 0, NULL);
  if (self->others != NULL)
    g_ptr_array_set_size (self->others, 0);
  g_clear_pointer (&self->current, side_drop);
  g_clear_pointer (&self->kept, g_hash_table_unref);
  if (self->session != NULL)
    g_clear_signal_handler (&self->scenarios_handler, lf_session_get_scenarios (self->session));
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_COMPARE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_pointer (&self->plan, lf_plan_unref);

  G_OBJECT_CLASS (lf_compare_view_parent_class)->dispose (object);
}

static void
lf_compare_view_finalize (GObject *object)
{
  LfCompareView *self = LF_COMPARE_VIEW (object);

  g_clear_pointer (&self->others, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_markets, g_ptr_array_unref);
  g_clear_pointer (&self->chips, g_ptr_array_unref);

  G_OBJECT_CLASS (lf_compare_view_parent_class)->finalize (object);
}

static void
lf_compare_view_class_init (LfCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lf_compare_view_dispose;
  object_class->finalize = lf_compare_view_finalize;
  widget_class->map = lf_compare_view_map;
  widget_class->measure = lf_compare_view_measure;
  widget_class->size_allocate = lf_compare_view_size_allocate;

  g_type_ensure (LF_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/landfall/Landfall/lf-compare-view.ui");
  gtk_widget_class_set_css_name (widget_class, "compareview");
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, markets_toggle);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, scenarios_toggle);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, market_search);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, market_chips);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, markets_body);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, markets_grid);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, markets_chart);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, keep_button);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, plans_list);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, others_list);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, scenarios_status);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, scenarios_body);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, scenarios_grid);
  gtk_widget_class_bind_template_child (widget_class, LfCompareView, frontiers_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_section_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
}

static void
lf_compare_view_init (LfCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scale = LF_MONEY_UNITS;
  self->chosen_markets = g_ptr_array_new_with_free_func (g_free);
  self->chips = g_ptr_array_new ();
  self->others = g_ptr_array_new_with_free_func ((GDestroyNotify) side_release);
  self->kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) side_drop);
  self->current = side_new (self, SIDE_CURRENT, 0);
  lf_chart_view_set_kind (self->markets_chart, LF_CHART_COMPARE);
  lf_chart_view_set_kind (self->frontiers_chart, LF_CHART_FRONTIER);
  rebuild_plans (self);
  refresh_scenarios (self);
}

LfCompareView *
lf_compare_view_new (void)
{
  return g_object_new (LF_TYPE_COMPARE_VIEW, NULL);
}

void
lf_compare_view_set_session (LfCompareView *self,
                             LfSession     *session)
{
  g_return_if_fail (LF_IS_COMPARE_VIEW (self));
  g_return_if_fail (session == NULL || LF_IS_SESSION (session));

  if (self->session == session)
    return;
  clear_others (self);
  if (self->session != NULL)
    g_clear_signal_handler (&self->scenarios_handler, lf_session_get_scenarios (self->session));
  g_set_object (&self->session, session);
  if (session != NULL)
    self->scenarios_handler = g_signal_connect_object (lf_session_get_scenarios (session), "items-changed",
                                                       G_CALLBACK (on_scenarios_changed_cb), self, 0);
  rebuild_others (self);
  rebuild_plans (self);
  refresh_scenarios (self);
}

/* A new current side for a new plan; its sweep is kept when the plan is
 * the same. The old side goes only after the chart stops borrowing it. */
static void
replace_current (LfCompareView *self)
{
  Side *old = self->current;

  self->current = side_new (self, SIDE_CURRENT, 0);
  self->current->name = g_strdup (self->scenario != NULL ? lf_scenario_get_name (self->scenario) :
                                  self->problem != NULL ? self->problem->name : "");
  side_set_problem (self->current, self->problem, self->plan);
  if (old->swept && old->plan == self->plan && old->problem != NULL && self->problem != NULL &&
      lf_compare_problems_equal (old->problem, self->problem))
    {
      self->current->sweep = g_steal_pointer (&old->sweep);
      self->current->swept = TRUE;
    }
  refresh_scenarios (self);
  side_drop (old);
}

void
lf_compare_view_set_scenario (LfCompareView *self,
                              LfScenario    *scenario)
{
  g_return_if_fail (LF_IS_COMPARE_VIEW (self));
  g_return_if_fail (scenario == NULL || LF_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;
  clear_others (self);
  g_set_object (&self->scenario, scenario);
  /* Its plan comes with the next lf_compare_view_set_plan(). */
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_pointer (&self->plan, lf_plan_unref);
  g_ptr_array_set_size (self->chosen_markets, 0);
  self->markets_touched = FALSE;
  self->chips_signature = 0;
  rebuild_others (self);
  rebuild_plans (self);
  refresh_markets (self);
  replace_current (self);
}

void
lf_compare_view_set_plan (LfCompareView *self,
                          LfProblem     *problem,
                          LfPlan        *plan)
{
  g_return_if_fail (LF_IS_COMPARE_VIEW (self));

  if (problem != NULL)
    lf_problem_ref (problem);
  if (plan != NULL)
    lf_plan_ref (plan);
  g_clear_pointer (&self->problem, lf_problem_unref);
  g_clear_pointer (&self->plan, lf_plan_unref);
  self->problem = problem;
  self->plan = plan;
  refresh_markets (self);
  replace_current (self);
}

void
lf_compare_view_set_money_scale (LfCompareView *self,
                                 LfMoneyScale   scale)
{
  g_return_if_fail (LF_IS_COMPARE_VIEW (self));

  if (self->scale == scale)
    return;
  self->scale = scale;
  refresh_markets (self);
  refresh_scenarios (self);
}

gboolean
lf_compare_view_get_busy (LfCompareView *self)
{
  g_return_val_if_fail (LF_IS_COMPARE_VIEW (self), FALSE);

  return any_busy (self);
}
