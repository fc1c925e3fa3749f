/* fuzz-replay.c: feeds files to a fuzz target without libFuzzer
 *
 * Usage: fuzz-replay-NAME PATH...; each PATH is a file or a directory
 * whose files (not its subdirectories) are fed in name order. This is how
 * the corpora and the regression inputs run as ordinary tests, with any
 * compiler and under the sanitizers of the build. A missing directory is an
 * error: a corpus that silently vanished would make the test pass empty.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf-fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *copy = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }

  /* An exact-size copy, so that a reader looking past the end (or relying
   * on the NUL g_file_get_contents adds) is caught by the sanitizers; never
   * NULL, as libFuzzer never passes NULL. */
  copy = g_malloc (MAX (length, 1));
  memcpy (copy, contents, length);
  fprintf (stderr, "%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput (copy, length);
  return TRUE;
}

static gboolean
replay_dir (const char *path,
            guint      *n_files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        continue;
      if (!replay_file (file))
        return FALSE;
      (*n_files)++;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      gboolean ok;

      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        ok = replay_dir (argv[i], &n_files);
      else
        {
          ok = replay_file (argv[i]);
          n_files++;
        }
      if (!ok)
        return EXIT_FAILURE;
    }

  printf ("%u inputs replayed without a fault\n", n_files);
  return EXIT_SUCCESS;
}
