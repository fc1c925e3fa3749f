/* lf-ascii.c: text for files, never for people */

#include "config.h"

#include <math.h>

#include "lf-ascii.h"

/* The shortest of 15, 16 and 17 significant digits that reads back to the
 * same double; 17 always does. %.15g keeps whole numbers below 1e15 free
 * of an exponent (5000000 stays 5000000) and drops trailing zeros, so a
 * shorter form, where there is one, is what it prints. */
char *
lf_ascii_format_double (double value)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (isfinite (value), g_strdup ("0"));

  if (value == 0)
    value = 0;  /* no "-0" */

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

/* JSON has no infinity nor NaN: those are null. */
void
lf_ascii_append_double (GString *out,
                        double   value)
{
  g_autofree char *text = NULL;

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  text = lf_ascii_format_double (value);
  g_string_append (out, text);
}

void
lf_ascii_append_json_string (GString    *out,
                             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *c = valid; *c != '\0'; c++)
    {
      switch (*c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *c);
          else
            g_string_append_c (out, *c);
        }
    }
  g_string_append_c (out, '"');
}
