/* lf-analysis-view-private.h: what the files of the What If page share
 *
 * The page (lf-analysis-view.c) holds four sections. What every section
 * does the same way, running, Cancel, progress, Run Again and fading out
 * of date results, is in lf-analysis-run.c; what one section does on its
 * own, its settings, its lists and what it streams, is in its own file
 * (lf-analysis-budget.c, -thresholds.c, -tornado.c, -montecarlo.c),
 * reached through the table of its LfAnalysisSection.
 */
#pragma once

#include "lf-analysis-stream.h"
#include "lf-analysis-task.h"
#include "lf-analysis-view.h"
#include "lf-chart-view.h"
#include "lf-number-row.h"

G_BEGIN_DECLS

typedef enum
{
  SEC_BUDGET,
  SEC_THRESHOLDS,
  SEC_TORNADO,
  SEC_MONTECARLO,
  N_SECTIONS
} SectionId;

/* What one section does its own way; a NULL function does nothing. */
typedef struct
{
  const char     *name;          /* the stack page, and widget names */
  const char     *title;         /* N_(): what a progress bar says is running */
  LfAnalysisKind  kind;
  /* Lists and figures from the section's result. */
  void          (*show)           (LfAnalysisView *self);
  /* What the chart draws: what streamed in while running, else the result. */
  void          (*refresh_chart)  (LfAnalysisView *self);
  /* A run starts: get ready for what it streams. */
  void          (*begin)          (LfAnalysisView *self);
  void          (*stream)         (LfAnalysisView *self,
                                   guint           done,
                                   const guint    *indices,
                                   const double   *values,
                                   guint           n_new);
  /* A run ended: drop what it streamed. */
  void          (*end)            (LfAnalysisView *self);
  /* A finished result: a note shown in place of the status, or NULL. */
  char         *(*note)           (LfAnalysisView *self,
                                   gconstpointer   result);
  /* Why the section cannot run, in place of the reasons of a section that
   * needs a plan; NULL if it can. */
  const char   *(*blocker)        (LfAnalysisView *self);
  /* Whether its settings rows hold valid numbers. */
  gboolean      (*settings_valid) (LfAnalysisView *self);
  /* What it does, shown before it first runs. */
  const char   *(*idle_text)      (void);
  /* Into the chart's fading with the lists, besides the chart. */
  GtkWidget    *(*result_widget)  (LfAnalysisView *self);
} LfAnalysisSection;

extern const LfAnalysisSection _lf_analysis_budget;
extern const LfAnalysisSection _lf_analysis_thresholds;
extern const LfAnalysisSection _lf_analysis_tornado;
extern const LfAnalysisSection _lf_analysis_montecarlo;

typedef struct
{
  GtkLabel *value;
  GtkLabel *caption;
} Figure;

enum {
  FIG_P5,
  FIG_P50,
  FIG_P95,
  FIG_MEAN,
  FIG_OVERRUN,
  N_FIGS
};

/* A section's state and its status strip (lf-analysis-run.c). */
typedef struct
{
  const LfAnalysisSection *ops;
  LfAnalysisView *view;          /* not a reference: the view owns this */
  SectionId       id;
  guint           token;         /* bumped by every start and cancel */
  GCancellable   *cancellable;   /* non-NULL while running */
  gpointer        result;        /* the last finished result */
  LfProblem      *result_problem;/* ... and the problem it is of */
  guint64         result_generation;
  char           *error;         /* shown in place of the status */
  guint           progress_source;
  gboolean        progress_shown;

  GtkWidget      *strip;
  GtkImage       *icon;
  GtkLabel       *status;
  GtkProgressBar *progress;
  GtkButton      *button;
  GtkListBox     *list;
  GtkWidget      *list_box;
} Section;

struct _LfAnalysisView
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkDropDown    *section_dropdown;
  GtkWidget      *group[N_SECTIONS];
  GtkBox         *status_slot[N_SECTIONS];
  LfChartView    *chart[N_SECTIONS];       /* none for the thresholds */
  GtkFlowBox     *montecarlo_figures;
  Figure          figures[N_FIGS];

  LfNumberRow    *from_row;
  LfNumberRow    *to_row;
  LfNumberRow    *points_row;
  LfNumberRow    *low_row;
  LfNumberRow    *high_row;
  LfNumberRow    *samples_row;
  LfNumberRow    *seed_row;
  AdwExpanderRow *sweep_expander;
  AdwExpanderRow *tornado_expander;
  AdwExpanderRow *montecarlo_expander;

  Section         sections[N_SECTIONS];
  LfProblem      *problem;
  LfPlan         *plan;
  guint64         generation;
  LfMoneyScale    scale;

  double          sweep_from;
  double          sweep_to;
  guint           sweep_points;
  gboolean        sweep_custom;    /* the user chose the range */
  guint           sweep_source;
  double          low;
  double          high;
  guint           samples;
  guint64         seed;

  /* What a run has streamed so far. */
  LfSweepResult      *partial_sweep;
  LfMonteCarloStream *mc_stream;
};

/* lf-analysis-run.c: the run machinery and the status strip */
void      _lf_analysis_section_init    (LfAnalysisView *self,
                                        SectionId       id,
                                        const LfAnalysisSection *ops);
void      _lf_analysis_section_clear   (Section        *s);
void      _lf_analysis_section_drop_result (Section    *s);
gboolean  _lf_analysis_is_current      (LfAnalysisView *self,
                                        SectionId       id);
void      _lf_analysis_start_run       (LfAnalysisView *self,
                                        SectionId       id);
void      _lf_analysis_cancel_run      (LfAnalysisView *self,
                                        SectionId       id);
void      _lf_analysis_update_section  (LfAnalysisView *self,
                                        SectionId       id);
/* Lists, figures and chart of a section from its result. */
void      _lf_analysis_show_result     (LfAnalysisView *self,
                                        SectionId       id);

/* Lists: a section's boxed list, emptied and filled again. */
void       _lf_analysis_clear_list     (Section        *s);
/* A row of the list; returns its suffix label, if any. */
GtkWidget *_lf_analysis_list_row       (Section        *s,
                                        const char     *title,
                                        const char     *subtitle,
                                        const char     *suffix);

/* Settings rows (lf-analysis-view.c) */
AdwExpanderRow *_lf_analysis_add_expander   (LfAnalysisView *self,
                                             SectionId       id,
                                             const char     *title);
LfNumberRow    *_lf_analysis_add_number_row (AdwExpanderRow *expander,
                                             const char     *name,
                                             const char     *title,
                                             const char     *hint,
                                             LfEntryKind     kind);
/* Sets @row's error to @message unless @ok; returns @ok. */
gboolean        _lf_analysis_check_row      (LfNumberRow    *row,
                                             gboolean        ok,
                                             const char     *message);
/* The subtitles of every expander, after a change of settings or scale. */
void            _lf_analysis_update_subtitles (LfAnalysisView *self);

/* Each section's settings, built once at init; the subtitle of its
 * expander. */
void   _lf_analysis_budget_build_settings     (LfAnalysisView *self);
char  *_lf_analysis_budget_subtitle           (LfAnalysisView *self);
/* The scenario changed: the budgets to sweep by default, and a sweep soon. */
void   _lf_analysis_budget_default_range      (LfAnalysisView *self);
void   _lf_analysis_budget_schedule           (LfAnalysisView *self);
void   _lf_analysis_tornado_build_settings    (LfAnalysisView *self);
char  *_lf_analysis_tornado_subtitle          (LfAnalysisView *self);
void   _lf_analysis_montecarlo_build_settings (LfAnalysisView *self);
char  *_lf_analysis_montecarlo_subtitle       (LfAnalysisView *self);
void   _lf_analysis_montecarlo_build_figures  (LfAnalysisView *self);

G_END_DECLS
