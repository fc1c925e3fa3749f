/* lf-export.h: charts as PNG, SVG and PDF, and the board pack
 *
 * Exports use the print theme (white page, dark text). Files are replaced
 * atomically: a failed export leaves what was there before.
 */
#pragma once

#include "lf-chart.h"

G_BEGIN_DECLS

#define LF_EXPORT_ERROR (lf_export_error_quark ())

typedef enum
{
  LF_EXPORT_ERROR_INVALID,   /* a size or format that cannot be drawn */
  LF_EXPORT_ERROR_NO_PLAN,   /* the board pack needs a solved plan */
  LF_EXPORT_ERROR_FAILED,    /* cairo or the file system failed */
} LfExportError;

typedef enum
{
  LF_EXPORT_PNG,
  LF_EXPORT_SVG,
  LF_EXPORT_PDF,
} LfExportFormat;

/* PNG in pixels; SVG and PDF in points: 254 x 142.875 mm, a 16:9 slide. */
#define LF_EXPORT_PNG_WIDTH   1920
#define LF_EXPORT_PNG_HEIGHT  1080
#define LF_EXPORT_PAGE_WIDTH  720.0
#define LF_EXPORT_PAGE_HEIGHT 405.0

gboolean    lf_export_chart            (LfChartKind         kind,
                                        const LfChartInput *input,
                                        LfExportFormat      format,
                                        const char         *path,
                                        int                 width,
                                        int                 height,
                                        GError            **error);
gboolean    lf_export_chart_full       (LfChartKind         kind,
                                        const LfChartInput *input,
                                        LfExportFormat      format,
                                        const char         *path,
                                        int                 width,
                                        int                 height,
                                        double              scale,
                                        LfChartThemeKind    theme,
                                        GError            **error);
gboolean    lf_export_board_pack       (const LfChartInput *input,
                                        const char         *path,
                                        GError            **error);
char       *lf_export_caption          (LfChartKind         kind,
                                        const LfChartInput *input);

gboolean    lf_export_format_from_string (const char       *str,
                                        LfExportFormat     *out_format);
const char *lf_export_format_to_string (LfExportFormat      format);

GQuark      lf_export_error_quark      (void);

G_END_DECLS
