/* lf-cli-json.c: --json output and column widths for the human tables
 *
 * JsonGenerator prints doubles with "%.17g" (0.1 becomes
 * 0.10000000000000001) and writes "inf"/"nan", which no JSON reader takes;
 * cli.md asks for '.' decimals and numbers that read back exactly, so the
 * few documents of the command line are written here.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-ascii.h"
#include "lf-cli-private.h"

struct _LfCliJson
{
  GString  *out;
  GArray   *empty;      /* per open container: nothing written in it yet */
  gboolean  after_key;
};

LfCliJson *
_lf_cli_json_new (void)
{
  LfCliJson *self = g_new0 (LfCliJson, 1);

  self->out = g_string_new (NULL);
  self->empty = g_array_new (FALSE, FALSE, sizeof (gboolean));

  return self;
}

void
_lf_cli_json_free (LfCliJson *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_array_unref (self->empty);
  g_free (self);
}

/* The document, with a final newline; frees @self. */
char *
_lf_cli_json_finish (LfCliJson *self)
{
  char *text;

  g_assert (self->empty->len == 0);

  g_string_append_c (self->out, '\n');
  text = g_string_free (g_steal_pointer (&self->out), FALSE);
  g_array_unref (self->empty);
  g_free (self);

  return text;
}

static void
new_line (LfCliJson *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->empty->len; i++)
    g_string_append (self->out, "  ");
}

/* Before a value or a key: the comma and the indentation it needs. */
static void
separate (LfCliJson *self)
{
  gboolean *empty;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->empty->len == 0)
    return;

  empty = &g_array_index (self->empty, gboolean, self->empty->len - 1);
  if (!*empty)
    g_string_append_c (self->out, ',');
  *empty = FALSE;
  new_line (self);
}

static void
open_container (LfCliJson *self,
                char       mark)
{
  gboolean empty = TRUE;

  separate (self);
  g_string_append_c (self->out, mark);
  g_array_append_val (self->empty, empty);
}

static void
close_container (LfCliJson *self,
                 char       mark)
{
  gboolean empty;

  g_assert (self->empty->len > 0);

  empty = g_array_index (self->empty, gboolean, self->empty->len - 1);
  g_array_set_size (self->empty, self->empty->len - 1);
  if (!empty)
    new_line (self);
  g_string_append_c (self->out, mark);
}

void
_lf_cli_json_begin_object (LfCliJson *self)
{
  open_container (self, '{');
}

void
_lf_cli_json_end_object (LfCliJson *self)
{
  close_container (self, '}');
}

void
_lf_cli_json_begin_array (LfCliJson *self)
{
  open_container (self, '[');
}

void
_lf_cli_json_end_array (LfCliJson *self)
{
  close_container (self, ']');
}


void
_lf_cli_json_key (LfCliJson  *self,
                  const char *key)
{
  separate (self);
  lf_ascii_append_json_string (self->out, key);
  g_string_append (self->out, ": ");
  self->after_key = TRUE;
}

/* The shortest form that reads back to the same double; null for what
 * JSON cannot say. */
void
_lf_cli_format_json_number (GString *out,
                            double   value)
{
  lf_ascii_append_double (out, value);
}

void
_lf_cli_json_number (LfCliJson *self,
                     double     value)
{
  separate (self);
  _lf_cli_format_json_number (self->out, value);
}

void
_lf_cli_json_int (LfCliJson *self,
                  gint64     value)
{
  separate (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
_lf_cli_json_string (LfCliJson  *self,
                     const char *value)
{
  separate (self);
  if (value == NULL)
    g_string_append (self->out, "null");
  else
    lf_ascii_append_json_string (self->out, value);
}

void
_lf_cli_json_boolean (LfCliJson *self,
                      gboolean   value)
{
  separate (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
_lf_cli_json_null (LfCliJson *self)
{
  separate (self);
  g_string_append (self->out, "null");
}

gsize
_lf_cli_text_width (const char *text)
{
  gsize width = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_iszerowidth (u))
        continue;
      width += g_unichar_iswide (u) ? 2 : 1;
    }

  return width;
}

void
_lf_cli_append_padded (GString    *out,
                       const char *text,
                       gsize       width,
                       gboolean    align_right)
{
  gsize used = _lf_cli_text_width (text);
  gsize pad = used < width ? width - used : 0;

  if (!align_right)
    g_string_append (out, text);
  for (gsize i = 0; i < pad; i++)
    g_string_append_c (out, ' ');
  if (align_right)
    g_string_append (out, text);
}
