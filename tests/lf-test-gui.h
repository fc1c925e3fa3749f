/* lf-test-gui.h: what every test of real widgets needs
 *
 * Header-only, like lf-test-store.h: each GUI test is one program.
 */
#pragma once

#include <gtk/gtk.h>

/* Runs the main loop until nothing is pending. */
static G_GNUC_UNUSED void
lf_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The first widget below @root (itself included) whose name is @name. */
static G_GNUC_UNUSED GtkWidget *
lf_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lf_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}
