/* lf-application.h: the application: actions, settings, style */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LF_TYPE_APPLICATION (lf_application_get_type ())
G_DECLARE_FINAL_TYPE (LfApplication, lf_application, LF, APPLICATION, AdwApplication)

LfApplication *lf_application_new          (void);
GSettings     *lf_application_get_settings (LfApplication *self);

G_END_DECLS
