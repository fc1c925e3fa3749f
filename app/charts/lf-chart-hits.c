/* lf-chart-hits.c: where a chart drew its marks, and what each one says */

#include "config.h"

#include <math.h>

#include "lf-chart-hits.h"

/* A mark thinner than twice this, in device pixels, answers this far
 * from its middle: a hairline or a small dot is hard to hit exactly. */
#define SLACK 4.0

typedef struct
{
  LfRect   box;        /* device coordinates */
  gboolean round;      /* a circle inscribed in box */
  gsize    text;       /* offset into the pool */
} Mark;

struct _LfChartHits
{
  GArray  *marks;
  GString *pool;       /* every text, NUL-separated: one allocation */
};

static const cairo_user_data_key_t hits_key;

LfChartHits *
lf_chart_hits_new (void)
{
  LfChartHits *hits = g_new0 (LfChartHits, 1);

  hits->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  hits->pool = g_string_new (NULL);

  return hits;
}

void
lf_chart_hits_free (LfChartHits *hits)
{
  if (hits == NULL)
    return;
  g_array_unref (hits->marks);
  g_string_free (hits->pool, TRUE);
  g_free (hits);
}

/* The recorder stays the caller's: the cairo_t only borrows it. */
void
lf_chart_hits_attach (LfChartHits *hits,
                      cairo_t     *cr)
{
  g_return_if_fail (cr != NULL);

  cairo_set_user_data (cr, &hits_key, hits, NULL);
}

LfChartHits *
lf_chart_hits_from_cairo (cairo_t *cr)
{
  return cr ? cairo_get_user_data (cr, &hits_key) : NULL;
}

void
lf_chart_hits_clear (LfChartHits *hits)
{
  g_return_if_fail (hits != NULL);

  g_array_set_size (hits->marks, 0);
  g_string_truncate (hits->pool, 0);
}

static void
add (LfChartHits  *hits,
     const LfRect *box,
     gboolean      round,
     const char   *text)
{
  Mark mark = { *box, round, hits->pool->len };

  g_string_append (hits->pool, text ? text : "");
  g_string_append_c (hits->pool, '\0');
  g_array_append_val (hits->marks, mark);
}

/* The box around the rectangle's corners once in device space, which
 * holds under any transformation the charts meet (scale, translate). */
void
lf_chart_hits_add_rect (LfChartHits *hits,
                        cairo_t     *cr,
                        double       x,
                        double       y,
                        double       width,
                        double       height,
                        const char  *text)
{
  double xs[4] = { x, x + width, x, x + width }, ys[4] = { y, y, y + height, y + height };
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  LfRect box;

  g_return_if_fail (hits != NULL && cr != NULL);

  for (guint i = 0; i < 4; i++)
    {
      cairo_user_to_device (cr, &xs[i], &ys[i]);
      x0 = MIN (x0, xs[i]), x1 = MAX (x1, xs[i]);
      y0 = MIN (y0, ys[i]), y1 = MAX (y1, ys[i]);
    }
  box = (LfRect) { x0, y0, x1 - x0, y1 - y0 };
  add (hits, &box, FALSE, text);
}

void
lf_chart_hits_add_circle (LfChartHits *hits,
                          cairo_t     *cr,
                          double       cx,
                          double       cy,
                          double       radius,
                          const char  *text)
{
  double rx = radius, ry = 0;
  LfRect box;

  g_return_if_fail (hits != NULL && cr != NULL);

  cairo_user_to_device (cr, &cx, &cy);
  cairo_user_to_device_distance (cr, &rx, &ry);
  radius = hypot (rx, ry);
  box = (LfRect) { cx - radius, cy - radius, 2 * radius, 2 * radius };
  add (hits, &box, TRUE, text);
}

/* How far (@x, @y) lies outside the mark as it answers: 0 inside. */
static double
distance_to (const Mark *mark,
             double      x,
             double      y)
{
  const LfRect *b = &mark->box;
  double cx = b->x + b->width / 2, cy = b->y + b->height / 2;

  if (mark->round)
    return MAX (0, hypot (x - cx, y - cy) - MAX (b->width / 2, SLACK * 1.5));

  return hypot (MAX (0, fabs (x - cx) - MAX (b->width / 2, SLACK)),
                MAX (0, fabs (y - cy) - MAX (b->height / 2, SLACK)));
}

int
lf_chart_hits_find (const LfChartHits *hits,
                    double             x,
                    double             y)
{
  int best = -1;
  double best_area = INFINITY, best_centre = INFINITY;

  g_return_val_if_fail (hits != NULL, -1);

  for (guint i = 0; i < hits->marks->len; i++)
    {
      const Mark *mark = &g_array_index (hits->marks, Mark, i);
      double area, centre;

      if (distance_to (mark, x, y) > 0)
        continue;
      /* A segment within its bar, a small circle on a large one: the
       * smaller mark is the one the pointer was aimed at. */
      area = mark->box.width * mark->box.height * (mark->round ? G_PI / 4 : 1);
      centre = hypot (x - (mark->box.x + mark->box.width / 2), y - (mark->box.y + mark->box.height / 2));
      if (area < best_area - 1e-9 || (fabs (area - best_area) <= 1e-9 && centre < best_centre))
        {
          best = (int) i;
          best_area = area;
          best_centre = centre;
        }
    }

  return best;
}

guint
lf_chart_hits_get_n (const LfChartHits *hits)
{
  g_return_val_if_fail (hits != NULL, 0);

  return hits->marks->len;
}

const char *
lf_chart_hits_get_text (const LfChartHits *hits,
                        guint              index)
{
  g_return_val_if_fail (hits != NULL && index < hits->marks->len, NULL);

  return hits->pool->str + g_array_index (hits->marks, Mark, index).text;
}

gboolean
lf_chart_hits_get_rect (const LfChartHits *hits,
                        guint              index,
                        LfRect            *out_rect)
{
  const Mark *mark;

  g_return_val_if_fail (hits != NULL && index < hits->marks->len, FALSE);

  mark = &g_array_index (hits->marks, Mark, index);
  if (out_rect)
    *out_rect = mark->box;

  return mark->round;
}

const char *
lf_chart_hits_lookup (const LfChartHits *hits,
                      double             x,
                      double             y,
                      LfRect            *out_rect)
{
  int found = lf_chart_hits_find (hits, x, y);

  if (found < 0)
    return NULL;
  lf_chart_hits_get_rect (hits, found, out_rect);

  return lf_chart_hits_get_text (hits, found);
}
