/* test-store-crash.c: what survives a killed process and a full disk
 *
 * Crash: a child makes a stream of edits and reports each one done on a
 * pipe; it is killed with SIGKILL at a random moment. Every time, the
 * file must pass integrity_check and hold every edit reported (and at
 * most the one in flight).
 *
 * Disk full: a SQLite VFS shim, the default VFS for this process, fails
 * writes with SQLITE_FULL once a byte budget is spent. An edit that hits it
 * must fail with a clear error and leave the live scenario, the file and
 * the history as they were before it.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lf-store-private.h"
#include "lf-test-store.h"

/* The fault VFS */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
} FaultFile;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static gint64 fault_budget = -1;   /* bytes that may still be written; -1: no limit */

static int
fault_write (sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
  FaultFile *f = (FaultFile *) file;

  if (fault_budget >= 0)
    {
      if (fault_budget < amount)
        {
          fault_budget = 0;
          return SQLITE_FULL;
        }
      fault_budget -= amount;
    }

  return f->real->pMethods->xWrite (f->real, data, amount, offset);
}

static int
fault_close (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xClose (f->real);
}

static int
fault_read (sqlite3_file *file, void *data, int amount, sqlite3_int64 offset)
{
  return ((FaultFile *) file)->real->pMethods->xRead (((FaultFile *) file)->real, data, amount, offset);
}

static int
fault_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return ((FaultFile *) file)->real->pMethods->xTruncate (((FaultFile *) file)->real, size);
}

static int
fault_sync (sqlite3_file *file, int flags)
{
  return ((FaultFile *) file)->real->pMethods->xSync (((FaultFile *) file)->real, flags);
}

static int
fault_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return ((FaultFile *) file)->real->pMethods->xFileSize (((FaultFile *) file)->real, size);
}

static int
fault_lock (sqlite3_file *file, int level)
{
  return ((FaultFile *) file)->real->pMethods->xLock (((FaultFile *) file)->real, level);
}

static int
fault_unlock (sqlite3_file *file, int level)
{
  return ((FaultFile *) file)->real->pMethods->xUnlock (((FaultFile *) file)->real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file, int *out)
{
  return ((FaultFile *) file)->real->pMethods->xCheckReservedLock (((FaultFile *) file)->real, out);
}

static int
fault_file_control (sqlite3_file *file, int op, void *arg)
{
  return ((FaultFile *) file)->real->pMethods->xFileControl (((FaultFile *) file)->real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return ((FaultFile *) file)->real->pMethods->xSectorSize (((FaultFile *) file)->real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return ((FaultFile *) file)->real->pMethods->xDeviceCharacteristics (((FaultFile *) file)->real);
}

static const sqlite3_io_methods fault_methods = {
  1,
  fault_close, fault_read, fault_write, fault_truncate, fault_sync, fault_file_size,
  fault_lock, fault_unlock, fault_check_reserved_lock, fault_file_control,
  fault_sector_size, fault_device_characteristics,
  NULL, NULL, NULL, NULL, NULL, NULL,
};

static int
fault_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  f->base.pMethods = f->real->pMethods != NULL ? &fault_methods : NULL;

  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static int
fault_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
fault_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError ? real_vfs->xGetLastError (real_vfs, n, out) : 0;
}

static void
install_fault_vfs (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);

  fault_vfs.iVersion = 1;
  fault_vfs.szOsFile = sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.mxPathname = real_vfs->mxPathname;
  fault_vfs.zName = "landfall-fault";
  fault_vfs.xOpen = fault_open;
  fault_vfs.xDelete = fault_delete;
  fault_vfs.xAccess = fault_access;
  fault_vfs.xFullPathname = fault_full_pathname;
  fault_vfs.xDlOpen = NULL;
  fault_vfs.xRandomness = fault_randomness;
  fault_vfs.xSleep = fault_sleep;
  fault_vfs.xCurrentTime = fault_current_time;
  fault_vfs.xGetLastError = fault_get_last_error;
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

/* Disk full */

static double
budget_of (LfStore *store,
           gint64   id)
{
  g_autoptr(LfScenario) scenario = lf_store_load_scenario (store, id, NULL);

  return lf_scenario_get_budget (scenario);
}

static int
file_int (const char *path,
          const char *sql,
          char      **out_text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      value = sqlite3_column_int (stmt, 0);
      if (out_text != NULL)
        *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
assert_sound (const char *path)
{
  g_autofree char *verdict = NULL;

  file_int (path, "PRAGMA integrity_check", &verdict);
  g_assert_cmpstr (verdict, ==, "ok");
}

/* Edits under budgets from nothing to enough: each either fails with
 * DISK_FULL and changes nothing, or succeeds; the file always agrees with
 * the live scenario and the history counts exactly the edits that
 * succeeded. */
static void
test_crash_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = NULL;
  g_autofree char *path = NULL;
  guint done = 0, failed = 0, entries;
  double last = 0;
  gint64 id;

  store = lf_test_store_new (dir, &id);
  path = g_strdup (lf_store_get_path (store));
  for (guint k = 1; k <= 20; k++)
    g_assert_true (lf_store_set_budget (store, id, k, &error));
  entries = lf_store_get_history_length (store);
  last = 20;

  for (gint64 allowance = 0; allowance < 40000; allowance += 1024)
    {
      double value = 1000 + allowance;
      gboolean ok;

      fault_budget = allowance;
      ok = (allowance / 1024) % 2 ? lf_store_set_budget (store, id, value, &error)
                                  : lf_store_set_market_param (store, id, 0, LF_PARAM_PROMOTE, value, &error);
      fault_budget = -1;
      if (ok)
        {
          done++;
        }
      else
        {
          g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DISK_FULL);
          g_assert_nonnull (strstr (error->message, "disk is full"));
          g_clear_error (&error);
          failed++;
        }
      if (ok && (allowance / 1024) % 2)
        last = value;
      g_assert_cmpfloat (budget_of (store, id), ==, last);
      lf_test_store_assert_in_step (store, id);
      g_assert_cmpuint (lf_store_get_history_length (store), ==, entries + done);
    }
  g_assert_cmpuint (failed, >, 0);
  g_assert_cmpuint (done, >, 0);
  g_test_message ("disk full: %u edits refused, %u done", failed, done);

  /* Undo under a full disk is refused too, and changes nothing. */
  fault_budget = 0;
  g_assert_false (lf_store_undo (store, &error));
  g_assert_error (error, LF_STORE_ERROR, LF_STORE_ERROR_DISK_FULL);
  g_clear_error (&error);
  fault_budget = -1;
  g_assert_cmpfloat (budget_of (store, id), ==, last);

  g_clear_object (&store);
  assert_sound (path);
  store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (budget_of (store, id), ==, last);
  g_assert_cmpuint (lf_store_get_history_length (store), ==, entries + done);
  for (guint k = 0; k < done; k++)
    g_assert_true (lf_store_undo (store, &error));
  g_assert_cmpfloat (budget_of (store, id), ==, 20);

  g_clear_object (&store);
  lf_test_store_remove_dir (dir);
}

/* Crash */

/* Edit number k sets one of three things to a value made of k. */
static gboolean
crash_edit (LfStore  *store,
            gint64    id,
            gint64    k,
            GError  **error)
{
  switch (k % 3)
    {
    case 0:
      return lf_store_set_budget (store, id, (double) k, error);
    case 1:
      return lf_store_set_market_param (store, id, 0, LF_PARAM_PROMOTE, (double) k, error);
    default:
      return lf_store_set_market_param (store, id, 2, LF_PARAM_HEADCOUNT, (double) k, error);
    }
}

G_GNUC_NORETURN static void
crash_child (const char *path,
             gint64      id,
             int         fd)
{
  g_autoptr(LfStore) store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, NULL);
  gint64 k;

  if (store == NULL)
    _exit (3);
  /* The history counts the edits so far; the import is entry 1. */
  for (k = lf_store_get_history_length (store) + 1;; k++)
    {
      if (!crash_edit (store, id, k, NULL))
        _exit (4);
      if (write (fd, &k, sizeof k) != sizeof k)
        _exit (5);
    }
}

static gint64
read_reports (int fd)
{
  gint64 last = 0, k;
  gssize n;

  while ((n = read (fd, &k, sizeof k)) == sizeof k)
    last = k;

  return last;
}

/* The newest k <= @n with k % 3 == @rest, or @fallback. */
static double
expected (gint64 n,
          int    rest,
          double fallback)
{
  for (gint64 k = n; k >= 2; k--)
    if (k % 3 == rest)
      return (double) k;

  return fallback;
}

/* @known: edits reported, or found in the file after the last kill;
 * returns the edits in the file now. */
static gint64
check_after_crash (const char *path,
                   gint64      id,
                   gint64      known)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfStore) store = lf_store_open (path, LF_STORE_OPEN_DEFAULT, &error);
  g_autoptr(LfScenario) scenario = NULL;
  gint64 n;

  g_assert_no_error (error);
  n = lf_store_get_history_length (store);
  g_assert_cmpint (n, >=, known);
  g_assert_cmpint (n, <=, known + 1);
  scenario = lf_store_load_scenario (store, id, &error);
  g_assert_cmpfloat (lf_scenario_get_budget (scenario), ==, expected (n, 0, 6000000));
  g_assert_cmpfloat (lf_market_get_param (lf_scenario_get_market (scenario, 0), LF_PARAM_PROMOTE), ==,
                     expected (n, 1, 9000000));
  g_assert_cmpfloat (lf_market_get_param (lf_scenario_get_market (scenario, 2), LF_PARAM_HEADCOUNT), ==,
                     expected (n, 2, 70));
  g_clear_object (&scenario);
  g_clear_object (&store);
  assert_sound (path);

  return n;
}

static void
test_crash_kill (void)
{
  g_autofree char *dir = lf_test_store_dir ();
  g_autoptr(LfStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  g_autofree char *path = NULL;
  gint64 id, known = 1, total_edits = 0;
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  guint rounds = 0, hot = 0;
  g_autofree char *journal = NULL;

  store = lf_test_store_new (dir, &id);
  path = g_strdup (lf_store_get_path (store));
  journal = g_strconcat (path, "-journal", NULL);
  g_clear_object (&store);

  while (rounds < 30 || (rounds < 60 && g_get_monotonic_time () < deadline - 5 * G_USEC_PER_SEC))
    {
      int fds[2];
      int status;
      pid_t pid;
      gint64 last;

      if (g_get_monotonic_time () > deadline)
        break;
      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          crash_child (path, id, fds[1]);
        }
      close (fds[1]);
      g_usleep (g_rand_int_range (rand, 5000, 150000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      last = read_reports (fds[0]);
      close (fds[0]);
      hot += g_file_test (journal, G_FILE_TEST_EXISTS);
      if (last > known)
        {
          total_edits += last - known;
          known = last;
        }
      known = check_after_crash (path, id, known);
      rounds++;
    }

  g_test_message ("%u kills (%u in a transaction, journal left), %" G_GINT64_FORMAT " edits reported",
                  rounds, hot, total_edits);
  g_assert_cmpuint (rounds, >=, 30);
  g_assert_cmpint (total_edits, >, 0);
  lf_test_store_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  install_fault_vfs ();

  g_test_add_func ("/store-crash/disk-full", test_crash_disk_full);
  g_test_add_func ("/store-crash/kill", test_crash_kill);

  return g_test_run ();
}
