/* lf-window.h: the main window: scenario sidebar, scenario page, toasts */
#pragma once

#include <adwaita.h>

#include "lf-application.h"
#include "lf-scenario-page.h"
#include "lf-session.h"

G_BEGIN_DECLS

#define LF_TYPE_WINDOW (lf_window_get_type ())
G_DECLARE_FINAL_TYPE (LfWindow, lf_window, LF, WINDOW, AdwApplicationWindow)

LfWindow       *lf_window_new              (LfApplication *app);
LfWindow       *lf_window_new_with_session (LfApplication *app,
                                            LfSession     *session);
LfSession      *lf_window_get_session      (LfWindow      *self);
LfScenarioPage *lf_window_get_page         (LfWindow      *self);
void            lf_window_open_files       (LfWindow      *self,
                                            GFile        **files,
                                            int            n_files);
void            lf_window_select_scenario_id (LfWindow      *self,
                                            gint64         id);

G_END_DECLS
