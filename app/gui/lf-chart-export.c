/* lf-chart-export.c: save the chart on show for a slide deck
 *
 * The file's name says the format (.png, .svg or .pdf; PNG when it says
 * none), the menu the slide's shape: 1920 x 1080 pixels or a 254 mm wide
 * page for 16:9, 1440 x 1080 or 190.5 mm for 4:3. Exports use the print
 * look whatever the window's style.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-export.h"
#include "lf-export.h"

typedef struct
{
  GtkWidget    *parent;
  LfChartKind   kind;
  LfProblem    *problem;
  LfPlan       *plan;
  LfSlideShape  shape;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->parent);
  lf_problem_unref (export->problem);
  lf_plan_unref (export->plan);
  g_free (export);
}

static void
say (GtkWidget  *parent,
     const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static LfExportFormat
format_of (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".svg"))
    return LF_EXPORT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return LF_EXPORT_PDF;

  return LF_EXPORT_PNG;
}

static gboolean
write_chart (Export      *export,
             const char  *path,
             GError     **error)
{
  LfExportFormat format = format_of (path);
  gboolean wide = export->shape == LF_SLIDE_16_9;
  LfChartInput input = { export->problem, export->plan, NULL, NULL, NULL, NULL, 0 };
  int width, height;

  if (format == LF_EXPORT_PNG)
    {
      width = wide ? LF_EXPORT_PNG_WIDTH : 1440;
      height = LF_EXPORT_PNG_HEIGHT;
    }
  else
    {
      width = wide ? (int) LF_EXPORT_PAGE_WIDTH : 540;
      height = (int) LF_EXPORT_PAGE_HEIGHT;
    }

  return lf_export_chart (export->kind, &input, format, path, width, height, error);
}

static void
on_response_cb (GtkNativeDialog *dialog,
                int              response,
                Export          *export)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path == NULL || !write_chart (export, path, &error))
        say (export->parent, error ? error->message : _("Only local files can be written"));
      else
        say (export->parent, _("Chart exported"));
    }

  export_free (export);
  g_object_unref (dialog);
}

void
lf_chart_export_ask (GtkWidget    *parent,
                     LfChartKind   kind,
                     LfProblem    *problem,
                     LfPlan       *plan,
                     LfSlideShape  shape)
{
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (parent);
  g_autofree char *name = NULL;
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  if (problem == NULL || plan == NULL)
    return;

  export = g_new0 (Export, 1);
  export->parent = g_object_ref (parent);
  export->kind = kind;
  export->problem = lf_problem_ref (problem);
  export->plan = lf_plan_ref (plan);
  export->shape = shape;

  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s-%s.png", problem->name, lf_chart_kind_to_string (kind));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
