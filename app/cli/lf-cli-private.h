/* lf-cli-private.h: what the sub-commands of landfall-cli share
 *
 * Exit codes, error printing, loading a scenario from a file or standard
 * input, and a small JSON writer whose numbers always use '.' (cli.md).
 */
#pragma once

#include <gio/gio.h>

#include "lf-plan.h"
#include "lf-scenario.h"

G_BEGIN_DECLS

/* cli.md, "Exit codes". */
typedef enum
{
  LF_CLI_EXIT_OK = 0,
  LF_CLI_EXIT_FAILED = 1,
  LF_CLI_EXIT_BAD_INPUT = 2,
} LfCliExit;

/* Largest input read; a scenario of LF_MAX_MARKETS markets is far smaller. */
#define LF_CLI_MAX_INPUT (64 * 1024 * 1024)

/* What a sub-command is: its name, a one-line summary for the listing,
 * and its entry point, which gets argv with argv[0] = the name. */
typedef struct
{
  const char *name;
  const char *summary;          /* N_() marked */
  int       (*run) (int argc, char **argv);
} LfCliCommand;

typedef enum
{
  LF_CLI_INPUT_JSON,
  LF_CLI_INPUT_CSV,
} LfCliInputKind;

/* A scenario as read from FILE, with what the sub-commands need to name it. */
typedef struct
{
  char           *display_name;  /* the file as the user named it */
  LfCliInputKind  kind;
  LfScenario     *scenario;
} LfCliInput;

void         _lf_cli_input_free       (LfCliInput     *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfCliInput, _lf_cli_input_free)

/* Messages on standard error: "PREFIX: message". */
void         _lf_cli_error            (const char     *prefix,
                                       const char     *format,
                                       ...) G_GNUC_PRINTF (2, 3);

/* Writes the output on standard output: @for_people converts it to the
 * locale's character set (JSON stays UTF-8). A failed write is exit 1. */
LfCliExit    _lf_cli_write_output     (const char     *text,
                                       gboolean        for_people);

/* A GOptionContext for one sub-command, translated, with --help. */
GOptionContext *_lf_cli_option_context_new (const char   *parameters,
                                            const char   *summary,
                                            GOptionEntry *entries);
/* Parses, and on a bad option prints the reason; FALSE then means exit 2. */
gboolean     _lf_cli_parse_options    (GOptionContext *context,
                                       int            *argc,
                                       char         ***argv);
/* Exactly one FILE after the options, else a message and FALSE. */
gboolean     _lf_cli_take_file        (int             argc,
                                       char          **argv,
                                       const char    **out_file);

/* Option values that must be finite numbers, parsed with '.' whatever the
 * locale; NULL @text means "not given" and leaves @out_value alone. */
gboolean     _lf_cli_parse_number     (const char     *option,
                                       const char     *text,
                                       double          minimum,
                                       gboolean        minimum_is_open,
                                       double         *out_value);

/* Reads FILE ("-" = standard input) whole, up to LF_CLI_MAX_INPUT bytes. */
GBytes      *_lf_cli_read_input       (const char     *file,
                                       GError        **error);
const char  *_lf_cli_display_name     (const char     *file);
LfCliInputKind _lf_cli_sniff_kind     (const char     *file,
                                       GBytes         *bytes);

/* Reads FILE as a scenario JSON or a market CSV. A market table becomes a
 * max_value scenario named after the file, whose budget is @budget (NAN
 * when not given); @budget also overrides a JSON's budget. Prints every
 * problem on standard error and returns NULL on failure (exit 2). */
LfCliInput  *_lf_cli_load             (const char     *file,
                                       double          budget);

/* The scenario of FILE as the solver takes it: _lf_cli_load(), then a
 * market table must have a budget and the programme must be whole.
 * Prints why and returns NULL otherwise (exit 2). */
LfProblem   *_lf_cli_load_problem     (const char     *file,
                                       double          budget,
                                       LfCliInput    **out_input);

/* Whole-number options (--steps, --samples, --seed, --threads, --width):
 * NULL @text means "not given" and leaves @out_value alone. */
gboolean     _lf_cli_parse_count      (const char     *option,
                                       const char     *text,
                                       guint64         minimum,
                                       guint64         maximum,
                                       guint64        *out_value);
/* An option that must be given: a message and FALSE when @text is NULL. */
gboolean     _lf_cli_require          (const char     *option,
                                       const char     *text);

/* Monte Carlo's limits: the core's sample limit, and seeds that any JSON
 * reader reads back exactly (2^53 - 1). */
#define LF_CLI_MAX_SAMPLES 10000000
#define LF_CLI_MAX_SEED G_GUINT64_CONSTANT (9007199254740991)

/* --samples and --seed; @out_samples holds the default on entry. */
gboolean     _lf_cli_parse_samples    (const char     *samples_text,
                                       const char     *seed_text,
                                       guint          *out_samples,
                                       guint64        *out_seed);

/* An analysis that returned NULL: a message, and exit 2 for what the
 * input or the arguments got wrong, else 1. */
int          _lf_cli_analysis_failed  (const LfCliInput *input,
                                       const GError   *error);

/* A progress line on standard error while a long analysis runs, only when
 * standard error is a terminal (NULL otherwise; every call takes NULL). */
typedef struct _LfCliProgress LfCliProgress;

LfCliProgress *_lf_cli_progress_new   (void);
void         _lf_cli_progress_free    (LfCliProgress  *self);
void         _lf_cli_progress_begin   (LfCliProgress  *self,
                                       const char     *what);
/* An LfProgressFunc, with the LfCliProgress as its user data. */
void         _lf_cli_progress_cb      (guint           done,
                                       guint           total,
                                       guint           index,
                                       double          value,
                                       gpointer        user_data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfCliProgress, _lf_cli_progress_free)

/* A JSON document on a GString, pretty-printed, numbers in the shortest
 * form that reads back to the same double, non-finite numbers as null. */
typedef struct _LfCliJson LfCliJson;

LfCliJson   *_lf_cli_json_new         (void);
void         _lf_cli_json_free        (LfCliJson      *self);
char        *_lf_cli_json_finish      (LfCliJson      *self);
void         _lf_cli_json_begin_object (LfCliJson     *self);
void         _lf_cli_json_end_object  (LfCliJson      *self);
void         _lf_cli_json_begin_array (LfCliJson      *self);
void         _lf_cli_json_end_array   (LfCliJson      *self);
void         _lf_cli_json_key         (LfCliJson      *self,
                                       const char     *key);
void         _lf_cli_json_number      (LfCliJson      *self,
                                       double          value);
void         _lf_cli_json_int         (LfCliJson      *self,
                                       gint64          value);
void         _lf_cli_json_string      (LfCliJson      *self,
                                       const char     *value);
void         _lf_cli_json_boolean     (LfCliJson      *self,
                                       gboolean        value);
void         _lf_cli_json_null        (LfCliJson      *self);
void         _lf_cli_format_json_number (GString      *out,
                                       double          value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfCliJson, _lf_cli_json_free)

/* Terminal columns a string takes: wide (CJK) characters count two. */
gsize        _lf_cli_text_width       (const char     *text);
/* Appends @text padded with spaces to @width columns. */
void         _lf_cli_append_padded    (GString        *out,
                                       const char     *text,
                                       gsize           width,
                                       gboolean        align_right);

/* A plan as cli.md prints it: the --json document, or the headline, the
 * table of markets and the diagnosis for people. */
char        *_lf_cli_plan_to_json     (const LfPlan    *plan);
char        *_lf_cli_plan_to_text     (const LfPlan    *plan,
                                       const LfProblem *problem);

/* The sub-commands of this file set. */
int          _lf_cli_solve            (int             argc,
                                       char          **argv);
int          _lf_cli_validate         (int             argc,
                                       char          **argv);
int          _lf_cli_export_model     (int             argc,
                                       char          **argv);
int          _lf_cli_sweep            (int             argc,
                                       char          **argv);
int          _lf_cli_tornado          (int             argc,
                                       char          **argv);
int          _lf_cli_montecarlo       (int             argc,
                                       char          **argv);
int          _lf_cli_thresholds       (int             argc,
                                       char          **argv);
int          _lf_cli_chart            (int             argc,
                                       char          **argv);
int          _lf_cli_report           (int             argc,
                                       char          **argv);

G_END_DECLS
