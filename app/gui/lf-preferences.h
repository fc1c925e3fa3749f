/* lf-preferences.h: the preferences window */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LF_TYPE_PREFERENCES (lf_preferences_get_type ())
G_DECLARE_FINAL_TYPE (LfPreferences, lf_preferences, LF, PREFERENCES, AdwPreferencesWindow)

LfPreferences *lf_preferences_new (GSettings *settings);

G_END_DECLS
