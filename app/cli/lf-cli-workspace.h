/* lf-cli-workspace.h: "landfall-cli workspace list|import|export|check" */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* argv[0] is "workspace"; returns an exit code of cli.md. */
int lf_cli_workspace (int    argc,
                      char **argv);

G_END_DECLS
