/* lf-test-examples.h: what the core tests share: the example scenarios of
 * shared/examples, built in C so that solver tests do not depend on the
 * JSON reader, and an over-large file for the readers' limit. */
#pragma once

#include <gio/gio.h>

#include "lf-problem.h"

LfProblem *lf_test_china_problem (void);

/* A sparse file of @name in @dir one byte over the 64 MiB the readers
 * take: refused before it is loaded. */
GFile     *lf_test_create_huge_file (const char *dir,
                                     const char *name);
