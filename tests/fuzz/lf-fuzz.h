/* lf-fuzz.h: what every fuzz target and the replay driver share */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

G_BEGIN_DECLS

/* The libFuzzer entry point; fuzz-replay.c calls it for each corpus file. */
int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);

/* A g_warning or g_critical inside a reader is a bug the fuzzer must
 * report. GLib's own fatal path ends in G_BREAKPOINT, a SIGTRAP that
 * libFuzzer does not catch (the process dies with no crash file), so abort
 * here instead: SIGABRT is caught, and the input is saved. */
static inline GLogWriterOutput
lf_fuzz_log_writer (GLogLevelFlags   log_level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  if (!(log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    return g_log_writer_default (log_level, fields, n_fields, user_data);

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  abort ();
}

static inline void
lf_fuzz_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_log_set_writer_func (lf_fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&once, 1);
    }
}

G_END_DECLS
