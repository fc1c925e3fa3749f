/* test-charts.c: every chart kind drawn from fixed data, compared with
 * reference images; SVG, PDF and PNG exports; Chinese text; 1 to 200
 * markets; empty states; labels on axes; the exact figures a chart
 * records under its marks; several sweeps on one frontier.
 *
 * LANDFALL_UPDATE_REFERENCES=1 rewrites the references in
 * tests/data/charts; every run leaves what it drew in the build
 * directory (charts-out/) for a look. */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>

#include "lf-chart.h"
#include "lf-chart-hits.h"
#include "lf-export.h"
#include "lf-test-examples.h"

/* For builds with -Db_sanitize=address: cairo 1.16 leaks two buffers
 * while it subsets the CJK font into a PDF, inside cairo_surface_finish;
 * anything we fail to free is allocated elsewhere and still reported. */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:cairo_surface_finish\n";
}

/* Cairo has no frame pointers: only the slow unwinder reaches the
 * cairo_surface_finish frame the suppression names. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

#define WIDTH 800
#define HEIGHT 450

/* The optimum of china-customer-service.json (F* = 7.51972841), written
 * out so these tests do not depend on the solver. */
static const double china_y[] = { 0, 1, 1, 1, 0, 0, 1 };
static const double china_p[] = { 0, 0.02, 0.02, 0.3703833737, 0, 0, 0.5 };
static const double china_q[] = { 0, 0.9, 0.9, 0.95, 0, 0, 0.95 };

static const char *chinese_names[] = { "中国", "日本", "德国", "英国", "巴西", "印度", "新加坡" };

typedef struct
{
  LfProblem          *problem;
  LfPlan             *plan;
  LfSweepResult      *sweep;
  LfMonteCarloResult *montecarlo;
  LfTornadoResult    *tornado;
  LfChartInput        input;
} Fixture;

/* The analyses of app/core fill these; here they are filled by hand, in
 * the same allocations, so the core's free functions release them. */
static LfSweepResult *
sweep_new (guint n_points)
{
  LfSweepResult *sweep = g_new0 (LfSweepResult, 1);

  sweep->n_points = n_points;
  sweep->budget = g_new0 (double, n_points);
  sweep->value = g_new0 (double, n_points);
  sweep->change = g_new0 (char *, n_points + 1);
  sweep->current_budget = NAN;

  return sweep;
}

/* Not lf_sweep_result_free: that one stops at the first point with no
 * change (g_strfreev on an array with holes). */
static void
sweep_free (LfSweepResult *sweep)
{
  for (guint i = 0; i < sweep->n_points; i++)
    g_free (sweep->change[i]);
  g_free (sweep->change);
  g_free (sweep->budget);
  g_free (sweep->value);
  g_strfreev (sweep->market_names);
  g_free (sweep->entered);
  g_free (sweep);
}

static LfMonteCarloResult *
monte_carlo_new (guint n_samples,
                 guint n_markets)
{
  LfMonteCarloResult *mc = g_new0 (LfMonteCarloResult, 1);

  mc->n_samples = mc->n_drawn = n_samples;
  mc->values = g_new0 (double, n_samples);
  mc->n_markets = n_markets;
  mc->market_names = g_new0 (char *, n_markets + 1);
  mc->entry_frequency = g_new0 (double, n_markets);

  return mc;
}

static LfTornadoResult *
tornado_new (guint n_items)
{
  LfTornadoResult *t = g_new0 (LfTornadoResult, 1);

  t->low_multiplier = 0.8;
  t->high_multiplier = 1.2;
  t->n_items = n_items;
  t->items = g_new0 (LfTornadoItem, n_items);

  return t;
}

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->problem, lf_problem_unref);
  g_clear_pointer (&f->plan, lf_plan_unref);
  g_clear_pointer (&f->sweep, sweep_free);
  g_clear_pointer (&f->montecarlo, lf_monte_carlo_result_free);
  g_clear_pointer (&f->tornado, lf_tornado_result_free);
}

/* A budget sweep of the China example, 1M to 10M: value rises steeply,
 * then flattens, with the entered set changing at a few budgets. */
static LfSweepResult *
make_sweep (double current)
{
  static const char *changes[] = {
    [0] = "+Singapore", [3] = "+United Kingdom", [7] = "+Japan", [9] = "+Germany",
    [12] = "+China −Germany", [15] = "+Germany",
  };
  LfSweepResult *sweep = sweep_new (19);

  for (guint i = 0; i < sweep->n_points; i++)
    {
      double b = 1e6 + i * 5e5;

      sweep->budget[i] = b;
      sweep->value[i] = 9.6 * (1 - exp (-b / 3.2e6)) - 1.2;
      if (i < G_N_ELEMENTS (changes) && changes[i] != NULL)
        sweep->change[i] = g_strdup (changes[i]);
    }
  sweep->current_budget = current;

  return sweep;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Samples from a fixed generator: the same picture on every machine. */
static LfMonteCarloResult *
make_montecarlo (const LfProblem *problem)
{
  LfMonteCarloResult *mc = monte_carlo_new (1000, problem->n_markets);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree double *sorted = NULL;

  for (guint s = 0; s < mc->n_samples; s++)
    mc->values[s] = 7.2 + 0.45 * (g_rand_double (rand) + g_rand_double (rand) + g_rand_double (rand) - 1.5);
  sorted = g_memdup2 (mc->values, sizeof (double) * mc->n_samples);
  qsort (sorted, mc->n_samples, sizeof (double), compare_doubles);
  mc->p5 = sorted[mc->n_samples * 5 / 100];
  mc->p50 = sorted[mc->n_samples / 2];
  mc->p95 = sorted[mc->n_samples * 95 / 100];
  mc->nominal_value = 7.52;
  mc->overrun_probability = 0.18;
  for (guint i = 0; i < problem->n_markets; i++)
    {
      mc->market_names[i] = g_strdup (problem->markets[i].name);
      mc->entry_frequency[i] = fmod (0.13 + i * 0.37, 1.0);
    }

  return mc;
}

static LfTornadoResult *
make_tornado (const LfProblem *problem,
              guint            n_items)
{
  static const LfParam params[] = { LF_PARAM_ALPHA, LF_PARAM_BETA, LF_PARAM_PROMOTE, LF_PARAM_LEGAL_FIXED };
  LfTornadoResult *t = tornado_new (n_items);

  t->base_value = 7.52;
  for (guint k = 0; k < n_items; k++)
    {
      guint market = k % problem->n_markets;
      LfParam param = params[(k / problem->n_markets) % G_N_ELEMENTS (params)];
      double effect = 0.9 / (1 + k * 0.7);

      t->items[k].label = g_strdup_printf ("%s: %s", problem->markets[market].name,
                                           lf_param_info (param)->key);
      /* Weights raise the value with their multiplier, costs lower it. */
      t->items[k].low_value = t->base_value + (param <= LF_PARAM_BETA ? -effect : effect * 0.6);
      t->items[k].high_value = t->base_value + (param <= LF_PARAM_BETA ? effect * 0.8 : -effect);
    }

  return t;
}

static void
fixture_china (Fixture  *f,
               gboolean  chinese)
{
  f->problem = lf_test_china_problem ();
  if (chinese)
    {
      g_free (f->problem->name);
      f->problem->name = g_strdup ("客服人工智能：首批海外市场");
      for (guint i = 0; i < f->problem->n_markets; i++)
        {
          g_free (f->problem->markets[i].name);
          f->problem->markets[i].name = g_strdup (chinese_names[i]);
        }
    }
  f->plan = lf_plan_new (f->problem);
  lf_plan_set_solution (f->plan, f->problem, china_y, china_p, china_q);
  f->plan->status = LF_PLAN_OPTIMAL;
  f->sweep = make_sweep (f->problem->budget);
  f->montecarlo = make_montecarlo (f->problem);
  f->tornado = make_tornado (f->problem, 15);
  /* Singapore is locked in: a dearer set-up there can break the budget. */
  g_free (f->tornado->items[14].label);
  f->tornado->items[14].label = g_strdup_printf ("%s: legal_fixed", f->problem->markets[6].name);
  f->tornado->items[14].low_value = f->tornado->base_value + 0.05;
  f->tornado->items[14].high_value = NAN;
  f->input = (LfChartInput) { f->problem, f->plan, f->sweep, f->montecarlo, f->tornado, NULL, 0 };
}

/* n markets of varied size and cost from a fixed generator; roughly
 * three in five entered. */
static void
fixture_many (Fixture *f,
              guint    n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree double *y = g_new0 (double, n);
  g_autofree double *p = g_new0 (double, n);
  g_autofree double *q = g_new0 (double, n);

  f->problem = lf_problem_new (n);
  g_free (f->problem->name);
  f->problem->name = g_strdup ("Two hundred markets");
  f->problem->budget = 40e6;
  for (guint i = 0; i < n; i++)
    {
      double *v = f->problem->markets[i].v.value;

      g_free (f->problem->markets[i].name);
      f->problem->markets[i].name = g_strdup_printf ("Region %03u", i + 1);
      v[LF_PARAM_ALPHA] = g_rand_double_range (rand, 0.5, 4);
      v[LF_PARAM_BETA] = g_rand_double_range (rand, 0, 2);
      v[LF_PARAM_P_MAX] = g_rand_double_range (rand, 0.1, 0.6);
      v[LF_PARAM_Q_MAX] = g_rand_double_range (rand, 0.5, 1);
      v[LF_PARAM_PROMOTE] = g_rand_double_range (rand, 2e5, 4e6);
      v[LF_PARAM_GAMMA] = g_rand_double_range (rand, 0, 8e5);
      v[LF_PARAM_LOCALISE] = g_rand_double_range (rand, 0, 5e5);
      v[LF_PARAM_CULTURE] = g_rand_double_range (rand, 0, 1e6);
      v[LF_PARAM_LEGAL_FIXED] = g_rand_double_range (rand, 0, 3e5);
      v[LF_PARAM_RISK] = g_rand_double_range (rand, 0.1, 2.5);
      y[i] = g_rand_double (rand) < 0.6 || n < 3;
      p[i] = v[LF_PARAM_P_MAX] * g_rand_double_range (rand, 0.2, 1);
      q[i] = v[LF_PARAM_Q_MAX] * g_rand_double_range (rand, 0.3, 1);
    }
  f->plan = lf_plan_new (f->problem);
  lf_plan_set_solution (f->plan, f->problem, y, p, q);
  f->plan->status = LF_PLAN_OPTIMAL;
  f->sweep = make_sweep (NAN);
  f->sweep->value[0] = NAN;   /* the smallest budget buys no feasible plan */
  f->montecarlo = make_montecarlo (f->problem);
  f->tornado = make_tornado (f->problem, MIN (n * 4, 120));
  f->input = (LfChartInput) { f->problem, f->plan, f->sweep, f->montecarlo, f->tornado, NULL, 0 };
}

static cairo_surface_t *
render (LfChartKind         kind,
        const LfChartInput *input,
        LfChartThemeKind    theme)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  lf_chart_draw (kind, cr, WIDTH, HEIGHT, lf_chart_theme_get (theme), input);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
save_output (cairo_surface_t *surface,
             const char      *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "charts-out", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_mkdir_with_parents (dir, 0755);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

#define BLOCK 8

/* The surface as grey levels 0..255, averaged over BLOCK x BLOCK squares:
 * glyphs drawn a pixel off or with other hinting hardly change a square's
 * mean, a bar that moved or changed colour changes whole squares. */
static double *
block_means (cairo_surface_t *surface,
             int             *bw,
             int             *bh)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  double *means;

  *bw = (w + BLOCK - 1) / BLOCK;
  *bh = (h + BLOCK - 1) / BLOCK;
  means = g_new0 (double, (gsize) *bw * *bh);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4);
        double grey = (((px >> 16) & 0xff) * 30 + ((px >> 8) & 0xff) * 59 + (px & 0xff) * 11) / 100.0;

        means[(y / BLOCK) * *bw + x / BLOCK] += grey / (BLOCK * BLOCK);
      }

  return means;
}

/* How many squares differ by more than an eighth of the grey range; a
 * reference image of another size differs everywhere. */
static guint
image_difference (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  g_autofree double *ma = NULL;
  g_autofree double *mb = NULL;
  int bw, bh;
  guint differ = 0;

  if (cairo_image_surface_get_width (a) != cairo_image_surface_get_width (b) ||
      cairo_image_surface_get_height (a) != cairo_image_surface_get_height (b))
    return G_MAXUINT;
  ma = block_means (a, &bw, &bh);
  mb = block_means (b, &bw, &bh);
  for (gsize i = 0; i < (gsize) bw * bh; i++)
    differ += fabs (ma[i] - mb[i]) > 32;

  return differ;
}

/* Squares allowed to differ: other hinting or anti-aliasing changes
 * none (tried), while moving one bar by 7% of the axis changes 14. */
#define TOLERANCE 4

static char *
reference_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);

  return g_test_build_filename (G_TEST_DIST, "data", "charts", file, NULL);
}

static void
check_reference (cairo_surface_t *surface,
                 const char      *name)
{
  g_autofree char *path = reference_path (name);
  cairo_surface_t *reference;
  guint difference;

  save_output (surface, name);
  if (g_strcmp0 (g_getenv ("LANDFALL_UPDATE_REFERENCES"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("rewrote %s", path);
      return;
    }

  reference = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (reference) != CAIRO_STATUS_SUCCESS)
    g_error ("no reference image %s: run the tests once with LANDFALL_UPDATE_REFERENCES=1", path);
  difference = image_difference (surface, reference);
  cairo_surface_destroy (reference);
  if (difference > TOLERANCE)
    g_error ("%s differs from its reference in %u squares of %d pixels (allowed %d); see charts-out/%s.png",
             name, difference, BLOCK * BLOCK, TOLERANCE, name);
}

static void
test_reference (gconstpointer data)
{
  LfChartKind kind = GPOINTER_TO_UINT (data);
  Fixture f = { 0 };
  cairo_surface_t *surface;

  fixture_china (&f, FALSE);
  surface = render (kind, &f.input, LF_CHART_THEME_PRINT);
  check_reference (surface, lf_chart_kind_to_string (kind));
  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

static void
test_reference_dark (void)
{
  Fixture f = { 0 };
  cairo_surface_t *surface;

  fixture_china (&f, FALSE);
  surface = render (LF_CHART_COSTS, &f.input, LF_CHART_THEME_DARK);
  check_reference (surface, "costs-dark");
  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

/* The comparison must not be so lax that a changed chart passes: one
 * market's penetration moved must fail against the reference. */
static void
test_reference_catches_change (void)
{
  Fixture f = { 0 };
  double p[G_N_ELEMENTS (china_p)];
  cairo_surface_t *surface, *reference;
  g_autofree char *path = reference_path ("allocation");

  if (g_strcmp0 (g_getenv ("LANDFALL_UPDATE_REFERENCES"), "1") == 0)
    {
      g_test_skip ("updating references");
      return;
    }
  memcpy (p, china_p, sizeof p);
  p[3] = 0.3;   /* United Kingdom: 37% -> 30% */
  fixture_china (&f, FALSE);
  lf_plan_set_solution (f.plan, f.problem, china_y, p, china_q);
  surface = render (LF_CHART_ALLOCATION, &f.input, LF_CHART_THEME_PRINT);
  reference = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (reference), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("a moved bar: %u squares differ", image_difference (surface, reference));
  g_assert_cmpuint (image_difference (surface, reference), >, TOLERANCE);
  g_assert_cmpuint (image_difference (reference, reference), ==, 0);
  cairo_surface_destroy (reference);
  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

/* Share of pixels not the background colour: a chart that drew nothing
 * (or only its title) is caught. */
static double
ink (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 background = *(const guint32 *) data;
  guint inked = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      inked += *(const guint32 *) (data + y * stride + x * 4) != background;

  return (double) inked / ((double) w * h);
}

static void
test_market_counts (void)
{
  static const guint counts[] = { 1, 7, 200 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    for (LfChartKind kind = 0; kind < LF_N_CHART_KINDS; kind++)
      {
        Fixture f = { 0 };
        cairo_surface_t *surface;
        g_autofree char *name = g_strdup_printf ("%s-%u", lf_chart_kind_to_string (kind), counts[c]);
        guint unknown = lf_chart_unknown_glyphs ();

        fixture_many (&f, counts[c]);
        surface = render (kind, &f.input, LF_CHART_THEME_LIGHT);
        save_output (surface, name);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        /* One market has nothing to compare with: an empty state, which
         * still says something. */
        g_assert_cmpfloat (ink (surface), >, kind == LF_CHART_COMPARE && counts[c] == 1 ? 0.003 : 0.03);
        g_assert_cmpuint (lf_chart_unknown_glyphs (), ==, unknown);
        cairo_surface_destroy (surface);
        fixture_clear (&f);
      }
}

/* Chinese names and title render with a real glyph for every character. */
static void
test_chinese (void)
{
  Fixture f = { 0 };

  fixture_china (&f, TRUE);
  for (LfChartKind kind = 0; kind < LF_N_CHART_KINDS; kind++)
    {
      guint before = lf_chart_unknown_glyphs ();
      g_autofree char *name = g_strdup_printf ("%s-zh", lf_chart_kind_to_string (kind));
      cairo_surface_t *surface = render (kind, &f.input, LF_CHART_THEME_PRINT);

      save_output (surface, name);
      g_assert_cmpuint (lf_chart_unknown_glyphs (), ==, before);
      cairo_surface_destroy (surface);
    }
  fixture_clear (&f);
}

/* The counter itself must see a missing glyph, or the test above
 * proves nothing: a private-use code point has no glyph in any font. */
static void
test_unknown_glyphs_counted (void)
{
  Fixture f = { 0 };
  guint before = lf_chart_unknown_glyphs ();
  cairo_surface_t *surface;

  fixture_china (&f, FALSE);
  g_free (f.problem->markets[1].name);
  f.problem->markets[1].name = g_strdup ("\xf3\xb0\x80\x81");   /* U+F0001 */
  surface = render (LF_CHART_ALLOCATION, &f.input, LF_CHART_THEME_PRINT);
  g_assert_cmpuint (lf_chart_unknown_glyphs (), >, before);
  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

static void
test_empty_states (void)
{
  g_autoptr(LfProblem) problem = lf_test_china_problem ();
  g_autoptr(LfPlan) infeasible = lf_plan_new (problem);
  LfChartInput no_plan = { problem, NULL, NULL, NULL, NULL, NULL, 0 };
  LfChartInput no_solution = { problem, infeasible, NULL, NULL, NULL, NULL, 0 };

  infeasible->status = LF_PLAN_INFEASIBLE;
  for (LfChartKind kind = 0; kind < LF_N_CHART_KINDS; kind++)
    {
      cairo_surface_t *a = render (kind, &no_plan, LF_CHART_THEME_LIGHT);
      cairo_surface_t *b = render (kind, &no_solution, LF_CHART_THEME_DARK);
      g_autofree char *name = g_strdup_printf ("%s-empty", lf_chart_kind_to_string (kind));

      save_output (b, name);
      /* A title and a sentence: some ink, but far less than a chart. */
      g_assert_cmpfloat (ink (a), >, 0.003);
      g_assert_cmpfloat (ink (a), <, 0.06);
      g_assert_cmpfloat (ink (b), >, 0.003);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* Several sweeps on one pair of axes: a cheaper and a dearer variant of
 * the example's sweep, and a gap (NULL) the chart must pass over. */
typedef struct
{
  LfSweepResult       *sweeps[4];
  const LfSweepResult *shown[4];
  const char          *names[4];
} Frontiers;

static void
frontiers_init (Frontiers *fr)
{
  static const char *names[] = { "Plan as stated", "Lean launch", NULL, "Wider reach" };

  fr->sweeps[0] = make_sweep (6e6);
  fr->sweeps[1] = make_sweep (3.5e6);
  fr->sweeps[3] = make_sweep (8.25e6);
  for (guint i = 0; i < fr->sweeps[1]->n_points; i++)
    {
      fr->sweeps[1]->budget[i] *= 0.8;
      fr->sweeps[1]->value[i] *= 0.85;
      fr->sweeps[3]->budget[i] *= 1.2;
      fr->sweeps[3]->value[i] += 0.9;
    }
  fr->sweeps[3]->value[0] = NAN;
  for (guint s = 0; s < 4; s++)
    {
      fr->shown[s] = fr->sweeps[s];
      fr->names[s] = names[s];
    }
}

static void
frontiers_clear (Frontiers *fr)
{
  for (guint s = 0; s < 4; s++)
    g_clear_pointer (&fr->sweeps[s], sweep_free);
}

static cairo_surface_t *
render_frontiers (const Frontiers  *fr,
                  guint             n,
                  LfChartThemeKind  theme,
                  LfChartHits      *hits)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  if (hits != NULL)
    lf_chart_hits_attach (hits, cr);
  lf_chart_frontiers (cr, WIDTH, HEIGHT, lf_chart_theme_get (theme), fr->shown, fr->names, n, "USD");
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
test_reference_frontiers (void)
{
  Frontiers fr = { 0 };
  cairo_surface_t *surface;

  frontiers_init (&fr);
  surface = render_frontiers (&fr, 4, LF_CHART_THEME_PRINT, NULL);
  check_reference (surface, "frontiers");
  cairo_surface_destroy (surface);
  surface = render_frontiers (&fr, 4, LF_CHART_THEME_LIGHT, NULL);
  save_output (surface, "frontiers-light");
  cairo_surface_destroy (surface);
  surface = render_frontiers (&fr, 4, LF_CHART_THEME_DARK, NULL);
  save_output (surface, "frontiers-dark");
  cairo_surface_destroy (surface);
  frontiers_clear (&fr);
}

/* None with a point: the empty state; one alone: a chart. */
static void
test_frontiers_empty (void)
{
  Frontiers fr = { 0 };
  cairo_surface_t *surface;
  double empty;

  frontiers_init (&fr);
  fr.shown[0] = fr.shown[1] = fr.shown[3] = NULL;
  surface = render_frontiers (&fr, 4, LF_CHART_THEME_LIGHT, NULL);
  empty = ink (surface);
  g_assert_cmpfloat (empty, >, 0.003);
  g_assert_cmpfloat (empty, <, 0.06);
  cairo_surface_destroy (surface);

  for (guint i = 0; i < fr.sweeps[1]->n_points; i++)
    fr.sweeps[1]->value[i] = NAN;
  fr.shown[1] = fr.sweeps[1];
  surface = render_frontiers (&fr, 2, LF_CHART_THEME_LIGHT, NULL);
  g_assert_cmpfloat (ink (surface), ==, empty);
  cairo_surface_destroy (surface);

  fr.shown[0] = fr.sweeps[0];
  surface = render_frontiers (&fr, 1, LF_CHART_THEME_LIGHT, NULL);
  g_assert_cmpfloat (ink (surface), >, empty * 2);
  cairo_surface_destroy (surface);
  frontiers_clear (&fr);
}

static cairo_surface_t *
render_scaled (LfChartKind         kind,
               const LfChartInput *input,
               double              scale,
               LfChartHits        *hits)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale, HEIGHT * scale);
  cairo_t *cr = cairo_create (surface);

  if (hits != NULL)
    lf_chart_hits_attach (hits, cr);
  cairo_scale (cr, scale, scale);
  lf_chart_draw (kind, cr, WIDTH, HEIGHT, lf_chart_theme_get (LF_CHART_THEME_PRINT), input);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          double           x,
          double           y,
          const LfColor   *color)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 px = *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);

  return fabs (((px >> 16) & 0xff) - color->red * 255) < 3 &&
         fabs (((px >> 8) & 0xff) - color->green * 255) < 3 &&
         fabs ((px & 0xff) - color->blue * 255) < 3;
}

/* The mark that says @expected: it exists, the pointer at its middle
 * finds it, and (where @color is given) the chart painted it there. */
static void
assert_mark (LfChartHits     *hits,
             cairo_surface_t *surface,
             const char      *expected,
             const LfColor   *color)
{
  int found = -1;
  LfRect rect, back;
  const char *text;
  double cx, cy, probe;
  gboolean round;

  for (guint i = 0; i < lf_chart_hits_get_n (hits) && found < 0; i++)
    if (g_strcmp0 (lf_chart_hits_get_text (hits, i), expected) == 0)
      found = i;
  if (found < 0)
    {
      for (guint i = 0; i < lf_chart_hits_get_n (hits); i++)
        g_test_message ("recorded: %s", lf_chart_hits_get_text (hits, i));
      g_error ("no mark says \"%s\"", expected);
    }
  round = lf_chart_hits_get_rect (hits, found, &rect);
  cx = rect.x + rect.width / 2;
  cy = rect.y + rect.height / 2;
  /* Inside a bar's rounded end, or a dot's middle. */
  probe = round ? cx : MIN (rect.x + 3, cx);
  text = lf_chart_hits_lookup (hits, cx, cy, &back);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpfloat (back.x, ==, rect.x);
  g_assert_cmpfloat (back.width, ==, rect.width);
  if (color != NULL && !pixel_is (surface, probe, cy, color))
    g_error ("\"%s\" is not painted in its colour at %g,%g", expected, probe, cy);
}

static char *
hit_text (const char *who,
          const char *what,
          const char *figure)
{
  return g_strdup_printf ("%s — %s: %s", who, what, figure);
}

/* For each kind, one mark's text built here from the plan or result,
 * with the public exact formats, never written out. */
static char *
expected_mark (LfChartKind       kind,
               const Fixture    *f,
               const LfColor  **color)
{
  const LfChartTheme *print = lf_chart_theme_get (LF_CHART_THEME_PRINT);
  const LfProblem *problem = f->problem;
  const LfPlanMarket *uk = &f->plan->markets[3];
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  *color = &print->palette[LF_PALETTE_BLUE];
  switch (kind)
    {
    case LF_CHART_ALLOCATION:
      a = lf_chart_format_exact_percent (uk->p);
      b = lf_chart_format_exact_percent (problem->markets[3].v.value[LF_PARAM_P_MAX]);
      c = g_strdup_printf ("%s of %s", a, b);
      return hit_text (problem->markets[3].name, "Penetration", c);
    case LF_CHART_COSTS:
      a = lf_chart_format_exact_money (uk->cost_parts[LF_COST_PROMOTION], problem->currency);
      return hit_text (problem->markets[3].name, "Promotion", a);
    case LF_CHART_COMPARE:
      {
        guint chosen[LF_CHART_COMPARE_MAX];

        g_assert_cmpuint (lf_chart_default_compare (problem, f->plan, chosen), >=, 2);
        a = lf_chart_format_exact_money (f->plan->markets[chosen[0]].cost, problem->currency);
        return hit_text (problem->markets[chosen[0]].name, "Cost in the plan", a);
      }
    case LF_CHART_RISK:
      a = lf_chart_format_exact_number (f->plan->markets[6].risk);
      b = lf_chart_format_exact_number (f->plan->markets[6].value);
      c = lf_chart_format_exact_money (f->plan->markets[6].cost, problem->currency);
      *color = NULL;   /* translucent, under a name perhaps */
      return g_strdup_printf ("%s — risk exposure %s, value %s, cost %s", problem->markets[6].name, a, b, c);
    case LF_CHART_FRONTIER:
      a = lf_chart_format_exact_money (f->sweep->budget[5], problem->currency);
      b = lf_chart_format_exact_number (f->sweep->value[5]);
      *color = NULL;   /* a dot smaller than the mark */
      return g_strdup_printf ("Budget %s → value %s", a, b);
    case LF_CHART_MONTECARLO:
      a = lf_chart_format_exact_percent (f->montecarlo->entry_frequency[0]);
      return g_strdup_printf ("%s — entered in %s of the samples", f->montecarlo->market_names[0], a);
    case LF_CHART_TORNADO:
      {
        const LfTornadoItem *item = &f->tornado->items[0];

        a = lf_chart_format_number (f->tornado->low_multiplier);
        b = lf_chart_format_exact_number (item->low_value);
        c = lf_chart_format_exact_number (fabs (item->low_value - f->tornado->base_value));
        d = g_strdup_printf ("%s at × %s: best value %s (%s%s)", item->label, a, b,
                             item->low_value >= f->tornado->base_value ? "+" : "−", c);
        return g_steal_pointer (&d);
      }
    case LF_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
test_hits (gconstpointer data)
{
  LfChartKind kind = GPOINTER_TO_UINT (data);
  g_autoptr(LfChartHits) hits = lf_chart_hits_new ();
  const LfColor *color;
  g_autofree char *expected = NULL;
  cairo_surface_t *plain, *recorded, *scaled;
  Fixture f = { 0 };

  fixture_china (&f, FALSE);
  expected = expected_mark (kind, &f, &color);

  /* Recording changes not one pixel. */
  plain = render_scaled (kind, &f.input, 1, NULL);
  recorded = render_scaled (kind, &f.input, 1, hits);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (plain), cairo_image_surface_get_data (recorded),
                           (gsize) cairo_image_surface_get_stride (plain) * HEIGHT), ==, 0);
  g_assert_cmpuint (lf_chart_hits_get_n (hits), >, 3);
  assert_mark (hits, recorded, expected, color);

  /* Outside the plot, in the margin: nothing. */
  g_assert_null (lf_chart_hits_lookup (hits, 2, 2, NULL));
  g_assert_null (lf_chart_hits_lookup (hits, WIDTH - 2, HEIGHT - 2, NULL));
  g_assert_cmpint (lf_chart_hits_find (hits, -50, -50), ==, -1);

  /* On a scaled context (the window enlarges its charts) the marks are
   * where the pixels are; a cleared recorder holds nothing. */
  lf_chart_hits_clear (hits);
  g_assert_cmpuint (lf_chart_hits_get_n (hits), ==, 0);
  scaled = render_scaled (kind, &f.input, 1.5, hits);
  assert_mark (hits, scaled, expected, color);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (recorded);
  cairo_surface_destroy (scaled);
  fixture_clear (&f);
}

/* Where marks overlap the smaller answers; a hairline answers a few
 * pixels away and no farther. */
static void
test_hits_lookup (void)
{
  g_autoptr(LfChartHits) hits = lf_chart_hits_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t *cr = cairo_create (surface);
  LfRect rect;

  g_assert_null (lf_chart_hits_from_cairo (cr));
  lf_chart_hits_attach (hits, cr);
  g_assert_true (lf_chart_hits_from_cairo (cr) == hits);
  cairo_translate (cr, 10, 0);
  lf_chart_hits_add_rect (hits, cr, 0, 0, 60, 20, "bar");
  lf_chart_hits_add_rect (hits, cr, 5, 5, 10, 10, "segment");
  lf_chart_hits_add_rect (hits, cr, 40, 30, 0, 50, "line");
  lf_chart_hits_add_circle (hits, cr, 80, 80, 1, "dot");

  g_assert_cmpstr (lf_chart_hits_lookup (hits, 20, 10, &rect), ==, "segment");
  g_assert_cmpfloat (rect.x, ==, 15);
  g_assert_cmpstr (lf_chart_hits_lookup (hits, 50, 10, NULL), ==, "bar");
  g_assert_cmpstr (lf_chart_hits_lookup (hits, 53, 60, &rect), ==, "line");
  g_assert_cmpfloat (rect.width, ==, 0);
  g_assert_null (lf_chart_hits_lookup (hits, 56, 60, NULL));
  g_assert_cmpstr (lf_chart_hits_lookup (hits, 94, 84, NULL), ==, "dot");
  g_assert_true (lf_chart_hits_get_rect (hits, 3, &rect));
  g_assert_cmpfloat (rect.width, ==, 2);
  g_assert_null (lf_chart_hits_lookup (hits, 99, 99, NULL));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Each sweep's point says its name and exact figures, the current
 * budget ringed on its own curve; the same pixels with a recorder. */
static void
test_hits_frontiers (void)
{
  g_autoptr(LfChartHits) hits = lf_chart_hits_new ();
  Frontiers fr = { 0 };
  cairo_surface_t *plain, *recorded;
  g_autofree char *budget = NULL, *value = NULL, *expected = NULL, *current = NULL;
  const LfColor *orange = &lf_chart_theme_get (LF_CHART_THEME_PRINT)->palette[LF_PALETTE_ORANGE];
  guint points = 0;

  frontiers_init (&fr);
  plain = render_frontiers (&fr, 4, LF_CHART_THEME_PRINT, NULL);
  recorded = render_frontiers (&fr, 4, LF_CHART_THEME_PRINT, hits);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (plain), cairo_image_surface_get_data (recorded),
                           (gsize) cairo_image_surface_get_stride (plain) * HEIGHT), ==, 0);

  budget = lf_chart_format_exact_money (fr.sweeps[1]->budget[4], "USD");
  value = lf_chart_format_exact_number (fr.sweeps[1]->value[4]);
  expected = g_strdup_printf ("Lean launch\nBudget %s → value %s", budget, value);
  assert_mark (hits, recorded, expected, orange);
  g_free (budget);
  budget = lf_chart_format_exact_money (fr.sweeps[3]->current_budget, "USD");
  current = g_strdup_printf ("Wider reach\nCurrent budget %s", budget);
  assert_mark (hits, recorded, current, NULL);

  /* Every feasible point of the three sweeps, and three current budgets. */
  for (guint i = 0; i < lf_chart_hits_get_n (hits); i++)
    points += strstr (lf_chart_hits_get_text (hits, i), "→ value") != NULL;
  g_assert_cmpuint (points, ==, 19 * 3 - 1);
  g_assert_cmpuint (lf_chart_hits_get_n (hits), ==, points + 3);
  g_assert_null (lf_chart_hits_lookup (hits, 2, 2, NULL));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (recorded);
  frontiers_clear (&fr);
}

static void
markup_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  guint *elements = user_data;

  (*elements)++;
}

static void
test_svg (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-charts-XXXXXX", NULL);
  Fixture f = { 0 };

  fixture_china (&f, TRUE);
  for (LfChartKind kind = 0; kind < LF_N_CHART_KINDS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.svg", dir, lf_chart_kind_to_string (kind));
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      GMarkupParser parser = { markup_start, NULL, NULL, NULL, NULL };
      GMarkupParseContext *context;
      guint elements = 0;
      gsize length;

      g_assert_true (lf_export_chart (kind, &f.input, LF_EXPORT_SVG, path, 0, 0, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      context = g_markup_parse_context_new (&parser, 0, &elements, NULL);
      g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
      g_assert_true (g_markup_parse_context_end_parse (context, &error));
      g_assert_no_error (error);
      g_markup_parse_context_free (context);
      g_assert_cmpuint (elements, >, 20);
      g_assert_nonnull (strstr (contents, "width=\"720pt\""));
      g_remove (path);
    }
  g_rmdir (dir);
  fixture_clear (&f);
}

/* Pages and their size from pdfinfo where it is installed, else from the
 * file's own /Type /Page objects and MediaBox. */
static void
pdf_pages (const char *path,
           guint      *pages,
           double     *width,
           double     *height)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  const char *at;

  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, path, NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      at = strstr (out, "Pages:");
      g_assert_nonnull (at);
      *pages = (guint) g_ascii_strtoull (at + 6 + strspn (at + 6, " "), NULL, 10);
      at = strstr (out, "Page size:");
      g_assert_nonnull (at);
      g_assert_cmpint (sscanf (at, "Page size: %lf x %lf", width, height), ==, 2);
      return;
    }

  g_assert_true (g_file_get_contents (path, &out, NULL, NULL));
  *pages = 0;
  for (at = strstr (out, "/Type /Page"); at; at = strstr (at + 1, "/Type /Page"))
    *pages += at[11] != 's';
  at = strstr (out, "/MediaBox [");
  g_assert_nonnull (at);
  g_assert_cmpint (sscanf (at, "/MediaBox [ 0 0 %lf %lf", width, height), ==, 2);
}

static void
test_pdf_chart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "costs.pdf", NULL);
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  double width, height;
  guint pages;

  fixture_china (&f, FALSE);
  g_assert_true (lf_export_chart (LF_CHART_COSTS, &f.input, LF_EXPORT_PDF, path, 0, 0, &error));
  g_assert_no_error (error);
  pdf_pages (path, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 1);
  g_assert_cmpfloat_with_epsilon (width, 720, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 405, 0.01);

  g_assert_true (lf_export_chart (LF_CHART_RISK, &f.input, LF_EXPORT_PDF, path, 800, 600, &error));
  pdf_pages (path, &pages, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 800, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 600, 0.01);
  g_remove (path);
  g_rmdir (dir);
  fixture_clear (&f);
}

/* PDF holds binary streams: a search that stops at a NUL would miss. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static void
test_board_pack (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *kept_dir = g_test_build_filename (G_TEST_BUILT, "charts-out", NULL);
  g_autofree char *kept = g_build_filename (kept_dir, "board-pack.pdf", NULL);
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Fixture f = { 0 };
  double width, height;
  guint pages;

  fixture_china (&f, FALSE);
  g_assert_true (lf_export_board_pack (&f.input, path, &error));
  g_assert_no_error (error);
  pdf_pages (path, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 1 + LF_N_CHART_KINDS);
  g_assert_cmpfloat_with_epsilon (width, 720, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 405, 0.01);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_mkdir_with_parents (kept_dir, 0755);
  g_assert_true (g_file_set_contents (kept, contents, length, NULL));
  g_assert_true (contains_bytes (contents, length, "/Creator (Landfall)"));

  /* In Chinese, every character has its glyph, title page included. */
  {
    Fixture zh = { 0 };
    guint unknown = lf_chart_unknown_glyphs ();
    g_autofree char *kept_zh = g_build_filename (kept_dir, "board-pack-zh.pdf", NULL);

    fixture_china (&zh, TRUE);
    g_assert_true (lf_export_board_pack (&zh.input, kept_zh, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (lf_chart_unknown_glyphs (), ==, unknown);
    pdf_pages (kept_zh, &pages, &width, &height);
    g_assert_cmpuint (pages, ==, 1 + LF_N_CHART_KINDS);
    fixture_clear (&zh);
  }

  /* Without the analyses: title, allocation, costs, compare, risk. */
  f.input.sweep = NULL;
  f.input.montecarlo = NULL;
  f.input.tornado = NULL;
  g_assert_true (lf_export_board_pack (&f.input, path, &error));
  pdf_pages (path, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 5);

  /* No plan, no pack; the file already there is left alone. */
  f.input.plan = NULL;
  g_assert_false (lf_export_board_pack (&f.input, path, &error));
  g_assert_error (error, LF_EXPORT_ERROR, LF_EXPORT_ERROR_NO_PLAN);
  pdf_pages (path, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 5);

  g_remove (path);
  g_rmdir (dir);
  fixture_clear (&f);
}

static void
test_png_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("landfall-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "frontier.png", NULL);
  g_autofree char *kept = g_test_build_filename (G_TEST_BUILT, "charts-out", "frontier-1920.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  Fixture f = { 0 };

  fixture_china (&f, FALSE);
  g_assert_true (lf_export_chart (LF_CHART_FRONTIER, &f.input, LF_EXPORT_PNG, kept, 0, 0, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (kept);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
  cairo_surface_destroy (surface);

  g_assert_true (lf_export_chart_full (LF_CHART_TORNADO, &f.input, LF_EXPORT_PNG, path, 1024, 768, 1.5,
                                       LF_CHART_THEME_DARK, &error));
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1024);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 768);
  cairo_surface_destroy (surface);

  g_assert_false (lf_export_chart (LF_CHART_COSTS, &f.input, LF_EXPORT_PNG, missing, 0, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (lf_export_chart (LF_CHART_COSTS, &f.input, LF_EXPORT_PNG, path, 4, 100000, &error));
  g_assert_error (error, LF_EXPORT_ERROR, LF_EXPORT_ERROR_INVALID);

  g_remove (path);
  g_rmdir (dir);
  fixture_clear (&f);
}

static void
assert_label (LfAxisUnit  unit,
              double      step,
              double      largest,
              double      value,
              const char *expected)
{
  LfAxisFormat format;
  g_autofree char *label = NULL;

  lf_axis_format_init (&format, unit, step, largest);
  label = lf_axis_format_label (&format, value);
  g_assert_cmpstr (label, ==, expected);
}

static void
assert_number (double      value,
               const char *expected)
{
  g_autofree char *text = lf_chart_format_number (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_axis_labels (void)
{
  LfScale scale;

  /* One shortening and one count of decimals per axis. */
  assert_label (LF_AXIS_MONEY, 5e5, 6e6, 1.5e6, "1.5M");
  assert_label (LF_AXIS_MONEY, 5e5, 6e6, 2e6, "2.0M");
  assert_label (LF_AXIS_MONEY, 1e6, 6e6, 2e6, "2M");
  assert_label (LF_AXIS_MONEY, 5e4, 4e5, 25e4, "250k");
  assert_label (LF_AXIS_MONEY, 2e3, 8e3, 4000, "4 000");
  assert_label (LF_AXIS_PERCENT, 0.2, 1, 0.4, "40%");
  assert_label (LF_AXIS_PERCENT, 0.025, 0.1, 0.075, "7.5%");
  assert_label (LF_AXIS_NUMBER, 0.5, 8, 7.5, "7.5");
  assert_label (LF_AXIS_NUMBER, 0.5, 8, -0.0, "0");

  /* Figures beside bars: three significant digits, no trailing zeros. */
  assert_number (0.9, "0.9");
  assert_number (0.0957, "0.0957");
  assert_number (7.51972841, "7.52");
  assert_number (-0.12345, "−0.123");
  assert_number (1234.6, "1 235");

  /* Round 1-2-5 steps that cover the data. */
  lf_scale_init (&scale, 0, 6.2e6, 6, LF_AXIS_MONEY);
  g_assert_cmpfloat (scale.step, ==, 2e6);
  g_assert_cmpfloat (scale.hi, ==, 8e6);
  lf_scale_init (&scale, 0.3, 7.52, 8, LF_AXIS_NUMBER);
  g_assert_cmpfloat (scale.step, ==, 1);
  g_assert_cmpfloat (scale.lo, ==, 0);
  g_assert_cmpfloat (scale.hi, ==, 8);
  lf_scale_init (&scale, 0, 0.95, 5, LF_AXIS_PERCENT);
  g_assert_cmpfloat_with_epsilon (scale.step, 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (scale.hi, 1.0, 1e-12);
  /* A flat series still gets an axis. */
  lf_scale_init (&scale, 5, 5, 5, LF_AXIS_NUMBER);
  g_assert_cmpfloat (scale.lo, <, 5);
  g_assert_cmpfloat (scale.hi, >, 5);
}

/* Labels follow the user's locale: German writes 1,5M and 4.000. */
static void
test_axis_labels_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  assert_label (LF_AXIS_MONEY, 5e5, 6e6, 1.5e6, "1,5M");
  assert_label (LF_AXIS_MONEY, 2e3, 8e3, 4000, "4.000");
  assert_number (7.51972841, "7,52");
  setlocale (LC_NUMERIC, saved);
}

static void
test_kind_names (void)
{
  for (LfChartKind kind = 0; kind < LF_N_CHART_KINDS; kind++)
    {
      LfChartKind back;

      g_assert_true (lf_chart_kind_from_string (lf_chart_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }
  g_assert_false (lf_chart_kind_from_string ("pie", NULL));
}

/* A write that fails half-way (the file-size limit stands in for a full
 * disk): the file that was there is kept whole, and a new one is not left
 * half-written. In a child, since the limit is the process's. */
static void
export_with_size_limit (const char *path)
{
  struct rlimit limit = { 4096, 4096 };
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };

  signal (SIGXFSZ, SIG_IGN);
  fixture_china (&f, FALSE);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (lf_export_chart (LF_CHART_COSTS, &f.input, LF_EXPORT_PDF, path, 0, 0, &error));
  g_assert_nonnull (error);
  fixture_clear (&f);
}

static void
test_export_fails_cleanly (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      export_with_size_limit (g_getenv ("LF_TEST_EXPORT_PATH"));
      return;
    }

  dir = g_dir_make_tmp ("landfall-charts-XXXXXX", NULL);
  kept = g_build_filename (dir, "kept.pdf", NULL);
  fresh = g_build_filename (dir, "fresh.pdf", NULL);
  g_assert_true (g_file_set_contents (kept, "the old slide", -1, NULL));

  g_setenv ("LF_TEST_EXPORT_PATH", kept, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old slide");

  g_setenv ("LF_TEST_EXPORT_PATH", fresh, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  g_unsetenv ("LF_TEST_EXPORT_PATH");
  g_unlink (kept);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (LfChartKind kind = 0; kind < LF_N_CHART_KINDS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("/charts/reference/%s", lf_chart_kind_to_string (kind));

      g_test_add_data_func (path, GUINT_TO_POINTER (kind), test_reference);
    }
  g_test_add_func ("/charts/reference/costs-dark", test_reference_dark);
  g_test_add_func ("/charts/reference/frontiers", test_reference_frontiers);
  g_test_add_func ("/charts/frontiers/empty", test_frontiers_empty);
  for (LfChartKind kind = 0; kind < LF_N_CHART_KINDS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("/charts/hits/%s", lf_chart_kind_to_string (kind));

      g_test_add_data_func (path, GUINT_TO_POINTER (kind), test_hits);
    }
  g_test_add_func ("/charts/hits/lookup", test_hits_lookup);
  g_test_add_func ("/charts/hits/frontiers", test_hits_frontiers);
  g_test_add_func ("/charts/reference/catches-a-change", test_reference_catches_change);
  g_test_add_func ("/charts/markets/1-7-200", test_market_counts);
  g_test_add_func ("/charts/text/chinese", test_chinese);
  g_test_add_func ("/charts/text/unknown-glyphs-counted", test_unknown_glyphs_counted);
  g_test_add_func ("/charts/empty-states", test_empty_states);
  g_test_add_func ("/charts/export/svg", test_svg);
  g_test_add_func ("/charts/export/pdf", test_pdf_chart);
  g_test_add_func ("/charts/export/png", test_png_export);
  g_test_add_func ("/charts/export/board-pack", test_board_pack);
  g_test_add_func ("/charts/export/fails-cleanly", test_export_fails_cleanly);
  g_test_add_func ("/charts/format/axis-labels", test_axis_labels);
  g_test_add_func ("/charts/format/axis-labels-locale", test_axis_labels_locale);
  g_test_add_func ("/charts/kind-names", test_kind_names);

  status = g_test_run ();
  /* Drop Pango's font caches, so a leak checker sees only our leaks. */
  pango_cairo_font_map_set_default (NULL);
  FcFini ();

  return status;
}
