/* lf-display.c: how the window shows and reads back one number */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lf-display.h"

G_DEFINE_QUARK (lf-display-error-quark, lf_display_error)

LfEntryKind
lf_display_kind_for_unit (LfUnit unit)
{
  switch (unit)
    {
    case LF_UNIT_SHARE:
      return LF_ENTRY_SHARE;
    case LF_UNIT_MONEY:
      return LF_ENTRY_MONEY;
    case LF_UNIT_WEIGHT:
    case LF_UNIT_RISK:
    case LF_UNIT_STAFF:
    default:
      return LF_ENTRY_NUMBER;
    }
}

double
lf_display_scale_divisor (LfMoneyScale scale)
{
  switch (scale)
    {
    case LF_MONEY_THOUSANDS:
      return 1e3;
    case LF_MONEY_MILLIONS:
      return 1e6;
    case LF_MONEY_UNITS:
    case LF_MONEY_AUTO:
    default:
      return 1;
    }
}

/* The decimals a number needs to read back as itself (ten significant
 * digits hide the noise of 0.35 * 100). */
static int
needed_decimals (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *point;
  int decimals;

  g_ascii_formatd (buf, sizeof buf, "%.10g", value);
  if (strchr (buf, 'e') != NULL)
    return fabs (value) < 1 ? 10 : 0;
  point = strchr (buf, '.');
  if (point == NULL)
    return 0;
  decimals = (int) strlen (point + 1);

  return MIN (decimals, 10);
}

static double
round_significant (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.10g", value);

  return g_ascii_strtod (buf, NULL);
}

char *
lf_display_format_entry (LfEntryKind  kind,
                         double       value,
                         LfMoneyScale scale)
{
  double shown = value;

  if (!isfinite (value))
    return g_strdup ("");
  if (kind == LF_ENTRY_SHARE)
    shown = value * 100;
  else if (kind == LF_ENTRY_MONEY)
    shown = value / lf_display_scale_divisor (scale);
  shown = round_significant (shown);

  return lf_format_grouped (shown, needed_decimals (shown));
}

char *
lf_display_unit_label (LfEntryKind  kind,
                       const char  *currency,
                       LfMoneyScale scale)
{
  switch (kind)
    {
    case LF_ENTRY_SHARE:
      return g_strdup ("%");
    case LF_ENTRY_MONEY:
      if (scale == LF_MONEY_THOUSANDS)
        /* Translators: unit of a money field in thousands, e.g. "k USD" */
        return g_strdup_printf (_("k %s"), currency);
      if (scale == LF_MONEY_MILLIONS)
        /* Translators: unit of a money field in millions, e.g. "M USD" */
        return g_strdup_printf (_("M %s"), currency);
      return g_strdup (currency);
    case LF_ENTRY_NUMBER:
    case LF_ENTRY_COUNT:
    default:
      return g_strdup ("");
    }
}

static gboolean
is_group_mark (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\'' || c == 0x2019;
}

/* The text as "C" syntax: grouping dropped, the locale's decimal mark
 * turned into '.', a typographic minus into '-'. */
static char *
normalise_number (const char *text,
                  LfEntryKind kind)
{
  struct lconv *lc = localeconv ();
  const char *decimal = (lc->decimal_point && *lc->decimal_point) ? lc->decimal_point : ".";
  const char *thousands = lc->thousands_sep ? lc->thousands_sep : "";
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GString *out = g_string_new (NULL);
  gsize dlen = strlen (decimal), tlen = strlen (thousands);

  if (kind == LF_ENTRY_SHARE && g_str_has_suffix (stripped, "%"))
    stripped[strlen (stripped) - 1] = '\0';
  for (const char *p = stripped; *p; )
    {
      gunichar c = g_utf8_get_char (p);

      if (strncmp (p, decimal, dlen) == 0)
        {
          g_string_append_c (out, '.');
          p += dlen;
          continue;
        }
      if (tlen > 0 && strcmp (thousands, decimal) != 0 && strncmp (p, thousands, tlen) == 0)
        p += tlen;
      else if (c == 0x2212)
        {
          g_string_append_c (out, '-');
          p = g_utf8_next_char (p);
        }
      else if (is_group_mark (c))
        p = g_utf8_next_char (p);
      else
        {
          g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
        }
    }

  return g_string_free (out, FALSE);
}

gboolean
lf_display_parse_entry (LfEntryKind    kind,
                        const char    *text,
                        LfMoneyScale   scale,
                        double        *out_value,
                        GError       **error)
{
  g_autofree char *plain = normalise_number (text ? text : "", kind);
  char *end = NULL;
  double value;

  if (plain[0] == '\0')
    {
      g_set_error_literal (error, LF_DISPLAY_ERROR, LF_DISPLAY_ERROR_PARSE, _("Enter a number"));
      return FALSE;
    }
  value = g_ascii_strtod (plain, &end);
  if (end == plain || *end != '\0' || !isfinite (value) || strchr (plain, 'x') || strchr (plain, 'X'))
    {
      g_set_error (error, LF_DISPLAY_ERROR, LF_DISPLAY_ERROR_PARSE, _("“%s” is not a number"), text);
      return FALSE;
    }
  if (kind == LF_ENTRY_COUNT && value != floor (value))
    {
      g_set_error (error, LF_DISPLAY_ERROR, LF_DISPLAY_ERROR_PARSE, _("“%s” is not a whole number"), text);
      return FALSE;
    }
  if (kind == LF_ENTRY_SHARE)
    value /= 100;
  else if (kind == LF_ENTRY_MONEY)
    value *= lf_display_scale_divisor (scale);
  *out_value = value;

  return TRUE;
}
