/* lf-test-examples.c: the seven markets of china-customer-service.json */

#include <math.h>
#include <string.h>

#include "lf-test-examples.h"

typedef struct
{
  const char *name;
  const char *code;
  double      v[LF_N_PARAMS];
  LfLock      lock;
} Row;

/* alpha beta p_max p_min q_max promote gamma localise culture legal_fixed
 * legal_p legal_q risk headcount headcount_fixed */
static const Row china_rows[] = {
  { "China", "CN", { 4.0, 1.5, 0.25, 0.03, 0.85, 9000000, 1200000, 900000, 2400000, 650000, 1800000, 150000, 2.2, 160, 8 }, LF_LOCK_AUTO },
  { "Japan", "JP", { 2.6, 2.0, 0.3, 0.02, 0.9, 6500000, 700000, 800000, 1900000, 250000, 400000, 60000, 0.7, 90, 5 }, LF_LOCK_AUTO },
  { "Germany", "DE", { 2.2, 1.8, 0.35, 0.02, 0.9, 5200000, 500000, 500000, 900000, 380000, 700000, 120000, 0.9, 70, 4 }, LF_LOCK_AUTO },
  { "United Kingdom", "GB", { 1.9, 1.6, 0.4, 0.02, 0.95, 4300000, 300000, 100000, 400000, 220000, 450000, 80000, 0.6, 55, 3 }, LF_LOCK_AUTO },
  { "Brazil", "BR", { 2.4, 1.2, 0.3, 0.03, 0.85, 3800000, 600000, 450000, 1100000, 200000, 500000, 50000, 1.3, 80, 5 }, LF_LOCK_AUTO },
  { "India", "IN", { 3.1, 1.0, 0.2, 0.03, 0.8, 5600000, 900000, 700000, 1500000, 300000, 600000, 90000, 1.5, 140, 6 }, LF_LOCK_AUTO },
  { "Singapore", "SG", { 0.9, 1.4, 0.5, 0.05, 0.95, 900000, 200000, 80000, 250000, 120000, 150000, 30000, 0.3, 25, 2 }, LF_LOCK_ENTER },
};

LfProblem *
lf_test_china_problem (void)
{
  LfProblem *problem = lf_problem_new (G_N_ELEMENTS (china_rows));

  g_free (problem->name);
  problem->name = g_strdup ("Customer-service AI: first markets abroad");
  problem->budget = 6000000;
  problem->risk_cap = 0.9;
  problem->headcount_cap = 90;
  problem->max_markets = 4;

  for (guint i = 0; i < G_N_ELEMENTS (china_rows); i++)
    {
      LfProblemMarket *m = &problem->markets[i];

      g_free (m->name);
      g_free (m->code);
      m->name = g_strdup (china_rows[i].name);
      m->code = g_strdup (china_rows[i].code);
      memcpy (m->v.value, china_rows[i].v, sizeof m->v.value);
      m->v.lock = china_rows[i].lock;
    }

  return problem;
}

GFile *
lf_test_create_huge_file (const char *dir,
                          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_seekable_truncate (G_SEEKABLE (out), 64 * 1024 * 1024 + 1, NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}
