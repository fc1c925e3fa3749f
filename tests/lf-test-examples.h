/* lf-test-examples.h: the example scenarios of shared/examples, built in C
 * so that solver tests do not depend on the JSON reader. */
#pragma once

#include "lf-problem.h"

LfProblem *lf_test_china_problem (void);
