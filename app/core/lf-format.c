/* lf-format.c: numbers for people, in the user's locale */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lf-format.h"

/* The locale's digit grouping; where it has none (the C locale) a space,
 * which reads well in every language ("1 250 000"). */
static void
locale_marks (const char **thousands,
              const char **decimal)
{
  struct lconv *lc = localeconv ();

  *thousands = (lc->thousands_sep && lc->thousands_sep[0]) ? lc->thousands_sep : " ";
  *decimal = (lc->decimal_point && lc->decimal_point[0]) ? lc->decimal_point : ".";
}

/* Groups the integer part in threes: glibc's "%'" flag follows the locale's
 * grouping rules, but those say "none" in C and some others. */
char *
lf_format_grouped (double value,
                   int    decimals)
{
  g_autofree char *plain = NULL;
  const char *thousands, *decimal;
  const char *digits, *point;
  GString *out;
  gsize int_len;

  if (!isfinite (value))
    return g_strdup (isnan (value) ? "–" : (value > 0 ? "∞" : "−∞"));

  decimals = CLAMP (decimals, 0, 12);
  plain = g_strdup_printf ("%.*f", decimals, fabs (value));
  if (strtod (plain, NULL) == 0)
    value = 0;  /* no "-0" */
  locale_marks (&thousands, &decimal);

  out = g_string_new (value < 0 ? "−" : "");
  digits = plain;
  point = strpbrk (plain, ".,");
  int_len = point ? (gsize) (point - plain) : strlen (plain);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, thousands);
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append (out, decimal);
      g_string_append (out, point + 1);
    }

  return g_string_free (out, FALSE);
}

char *
lf_format_money (double        amount,
                 const char   *currency,
                 LfMoneyScale  scale)
{
  g_autofree char *number = NULL;
  double magnitude = fabs (amount);

  if (scale == LF_MONEY_AUTO)
    scale = magnitude >= 1e6 ? LF_MONEY_MILLIONS : magnitude >= 1e4 ? LF_MONEY_THOUSANDS : LF_MONEY_UNITS;

  switch (scale)
    {
    case LF_MONEY_THOUSANDS:
      number = lf_format_grouped (amount / 1e3, magnitude < 1e5 ? 1 : 0);
      /* Translators: money in thousands: "%s" is the number, e.g. "450k USD" */
      return g_strdup_printf (_("%sk %s"), number, currency ? currency : "");

    case LF_MONEY_MILLIONS:
      number = lf_format_grouped (amount / 1e6, magnitude < 1e8 ? 2 : 1);
      /* Translators: money in millions: "%s" is the number, e.g. "5.95M USD" */
      return g_strdup_printf (_("%sM %s"), number, currency ? currency : "");

    case LF_MONEY_UNITS:
    case LF_MONEY_AUTO:
    default:
      number = lf_format_grouped (amount, magnitude != floor (magnitude) && magnitude < 100 ? 2 : 0);
      return g_strdup_printf ("%s %s", number, currency ? currency : "");
    }
}

char *
lf_format_percent (double share,
                   int    decimals)
{
  g_autofree char *number = lf_format_grouped (share * 100, decimals);

  /* Translators: a percentage; some languages put a space before the sign */
  return g_strdup_printf (_("%s%%"), number);
}

/* A plain quantity (value, risk, staff) with a few significant digits. */
char *
lf_format_decimal (double value,
                   int    significant)
{
  double magnitude = fabs (value);
  int decimals = 0;

  if (magnitude > 0 && magnitude < 1e15)
    decimals = MAX (0, significant - 1 - (int) floor (log10 (magnitude)));

  return lf_format_grouped (value, MIN (decimals, 8));
}

/* As lf_format_decimal, without trailing zeros: "1.5", "×0.8", "16". */
char *
lf_format_short (double value,
                 int    significant)
{
  char *text = lf_format_decimal (value, significant);
  const char *mark = localeconv ()->decimal_point;
  char *point;
  gsize end;

  if (mark == NULL || mark[0] == '\0')
    mark = ".";
  point = g_strrstr (text, mark);
  if (point == NULL)
    return text;

  end = strlen (text);
  while (end > (gsize) (point - text) + strlen (mark) && text[end - 1] == '0')
    end--;
  if (end == (gsize) (point - text) + strlen (mark))
    end = point - text;
  text[end] = '\0';

  return text;
}
