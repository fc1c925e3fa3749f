/* lf-chart-data.h: the analysis results the charts draw
 *
 * LfSweepResult, LfMonteCarloResult and LfTornadoResult are the plain
 * structs of app/core's analyses (lf-analysis.h); the charts only read
 * them, so a window, the command line or a test may fill one by hand.
 */
#pragma once

#include "lf-analysis.h"
