/* lf-scenario-json.c: the scenario JSON of formats.md
 *
 * json-glib 1.6's JsonParser overflows the stack on deeply nested input,
 * wraps integers beyond 64 bits (-99999999999999999999999 reads as 1),
 * keeps the last of two equal keys and accepts comments, hex numbers,
 * single quotes and text after the document. A scenario file is a contract
 * (a typo must not become a default), so a strict RFC 8259 parser here
 * builds the json-glib tree, with limits on depth and size, and the tree is
 * then checked against lf-rules, the one table every reader asks.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "lf-ascii.h"
#include "lf-scenario-json-private.h"

G_DEFINE_QUARK (lf-format-error-quark, lf_format_error)

/* The deepest real scenario nests 4 levels ($.markets[i].uncertainty.KEY). */
#define MAX_DEPTH 64

/* About 70 values make a market with every uncertainty range given. */
#define MAX_VALUES (100 * LF_MAX_MARKETS + 1000)

/* ---------------------------------------------------------------- report */

void
_lf_report_init (LfReport *report)
{
  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->first_code = LF_FORMAT_ERROR_INVALID;
  report->full = FALSE;
}

void
_lf_report_clear (LfReport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
}

void
_lf_report_add (LfReport      *report,
                LfFormatError  code,
                const char    *place,
                const char    *format,
                ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (report->full)
    return;

  if (report->problems->len == 0)
    report->first_code = code;

  if (report->problems->len == LF_FORMAT_MAX_PROBLEMS)
    {
      g_ptr_array_add (report->problems,
                       g_strdup_printf (_("%s: more than %d problems, the rest are not listed"),
                                        place, LF_FORMAT_MAX_PROBLEMS));
      report->full = TRUE;
      return;
    }

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (report->problems, g_strdup_printf ("%s: %s", place, what));
}

void
_lf_report_add_error (LfReport     *report,
                      const char   *place,
                      const GError *error)
{
  _lf_report_add (report, LF_FORMAT_ERROR_INVALID, place, "%s", error->message);
}

gboolean
_lf_report_check_size (LfReport *report,
                       gsize     length)
{
  g_autofree char *limit = NULL;

  if (length <= LF_FORMAT_MAX_BYTES)
    return TRUE;

  limit = g_format_size_full (LF_FORMAT_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);
  _lf_report_add (report, LF_FORMAT_ERROR_TOO_LARGE, _("the input"),
                  _("%llu bytes, more than the limit of %s"), (unsigned long long) length, limit);

  return FALSE;
}

/* TRUE when nothing was reported; else @error gets the first problem and
 * @problems (when given) every one. */
gboolean
_lf_report_finish (LfReport   *report,
                   GPtrArray  *problems,
                   GError    **error)
{
  if (report->problems->len == 0)
    return TRUE;

  g_set_error_literal (error, LF_FORMAT_ERROR, report->first_code,
                       g_ptr_array_index (report->problems, 0));
  if (problems != NULL)
    {
      for (guint i = 0; i < report->problems->len; i++)
        g_ptr_array_add (problems, g_strdup (g_ptr_array_index (report->problems, i)));
    }

  return FALSE;
}

/* ------------------------------------------------------- shared helpers */

/* Refuses an oversized file before loading it into memory. */
gboolean
_lf_format_load_file (GFile   *file,
                      char   **contents,
                      gsize   *length,
                      GError **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_get_size (info) > LF_FORMAT_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size_full (LF_FORMAT_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, LF_FORMAT_ERROR, LF_FORMAT_ERROR_TOO_LARGE,
                   _("the file is %lld bytes, more than the limit of %s"),
                   (long long) g_file_info_get_size (info), limit);
      return FALSE;
    }

  return g_file_load_contents (file, NULL, contents, length, NULL, error);
}

/* ---------------------------------------------------------------- parser */

typedef struct
{
  const char *start;
  const char *pos;
  const char *end;
  guint       depth;
  guint       n_values;
  GString    *path;             /* of the value being parsed, for duplicates */
  LfReport   *report;
} Parser;

static char *
parser_place (Parser *p)
{
  const char *line_start = p->start;
  guint line = 1;

  for (const char *c = p->start; c < p->pos; c++)
    {
      if (*c == '\n')
        {
          line++;
          line_start = c + 1;
        }
    }

  return g_strdup_printf (_("line %u, column %ld"), line,
                          g_utf8_strlen (line_start, p->pos - line_start) + 1);
}

/* A syntax problem: the rest of the input cannot be read. Returns NULL. */
static gpointer
parser_fail (Parser        *p,
             LfFormatError  code,
             const char    *what)
{
  g_autofree char *place = parser_place (p);

  _lf_report_add (p->report, code, place, "%s", what);

  return NULL;
}

/* @what, or that the input ended when that is why. */
static gpointer
parser_fail_here (Parser     *p,
                  const char *what)
{
  if (p->pos >= p->end)
    return parser_fail (p, LF_FORMAT_ERROR_INVALID,
                        _("the input ends too early (is the file cut short?)"));

  return parser_fail (p, LF_FORMAT_ERROR_INVALID, what);
}

/* The same for the parts that answer TRUE or FALSE. */
static gboolean
parser_refuse (Parser        *p,
               LfFormatError  code,
               const char    *what)
{
  parser_fail (p, code, what);

  return FALSE;
}

static gboolean
parser_refuse_here (Parser     *p,
                    const char *what)
{
  parser_fail_here (p, what);

  return FALSE;
}

static void
skip_space (Parser *p)
{
  while (p->pos < p->end &&
         (*p->pos == ' ' || *p->pos == '\t' || *p->pos == '\n' || *p->pos == '\r'))
    p->pos++;
}

static gboolean
accept (Parser *p,
        char    c)
{
  skip_space (p);
  if (p->pos < p->end && *p->pos == c)
    {
      p->pos++;
      return TRUE;
    }

  return FALSE;
}

static gboolean
is_key_char (char     c,
             gboolean first)
{
  return g_ascii_isalpha (c) || c == '_' || (!first && g_ascii_isdigit (c));
}

/* ".key", or ["key"] when the key is not a plain name. */
static void
append_key (GString    *path,
            const char *key)
{
  gboolean plain = key[0] != '\0';

  for (const char *c = key; *c && plain; c++)
    plain = is_key_char (*c, c == key);

  if (plain)
    {
      g_string_append_printf (path, ".%s", key);
      return;
    }

  g_string_append (path, "[\"");
  for (const char *c = key; *c; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_c (path, '\\');
      g_string_append_c (path, *c);
    }
  g_string_append (path, "\"]");
}

static JsonNode *parse_value (Parser *p);

static int
hex_digit (char c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;

  return -1;
}

/* The four hex digits after "\u"; -1 when they are not. */
static int
parse_hex4 (Parser *p)
{
  int code = 0;

  if (p->end - p->pos < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_digit (p->pos[i]);

      if (digit < 0)
        return -1;
      code = code * 16 + digit;
    }
  p->pos += 4;

  return code;
}

/* After "\u": one character, two escapes for one outside the BMP. */
static gboolean
parse_unicode_escape (Parser  *p,
                      GString *out)
{
  int code = parse_hex4 (p);

  if (code < 0)
    return parser_refuse_here (p, _("\\u must be followed by four hex digits"));

  if (code >= 0xD800 && code <= 0xDBFF)
    {
      int low;

      if (p->end - p->pos < 2 || p->pos[0] != '\\' || p->pos[1] != 'u')
        return parser_refuse_here (p, _("a lone UTF-16 surrogate is not a character"));
      p->pos += 2;
      low = parse_hex4 (p);
      if (low < 0xDC00 || low > 0xDFFF)
        return parser_refuse_here (p, _("a lone UTF-16 surrogate is not a character"));
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
  else if (code >= 0xDC00 && code <= 0xDFFF)
    return parser_refuse_here (p, _("a lone UTF-16 surrogate is not a character"));
  else if (code == 0)
    return parser_refuse_here (p, _("text must not contain the character U+0000"));

  g_string_append_unichar (out, code);

  return TRUE;
}

static gboolean
parse_escape (Parser  *p,
              GString *out)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const char *found;

  if (p->pos >= p->end)
    return parser_refuse_here (p, _("the text is never closed"));

  if (*p->pos == 'u')
    {
      p->pos++;
      return parse_unicode_escape (p, out);
    }

  found = strchr (from, *p->pos);
  if (found == NULL || *p->pos == '\0')
    return parser_refuse (p, LF_FORMAT_ERROR_INVALID, _("unknown escape after a backslash"));

  g_string_append_c (out, to[found - from]);
  p->pos++;

  return TRUE;
}

/* At the opening quote. The input is valid UTF-8, checked before. */
static char *
parse_string (Parser *p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  p->pos++;
  while (p->pos < p->end && *p->pos != '"')
    {
      if ((guchar) *p->pos < 0x20)
        return parser_fail (p, LF_FORMAT_ERROR_INVALID,
                            _("a control character inside text must be written as an escape"));
      if (*p->pos == '\\')
        {
          p->pos++;
          if (!parse_escape (p, out))
            return NULL;
          continue;
        }
      g_string_append_c (out, *p->pos++);
    }

  if (p->pos >= p->end)
    return parser_fail_here (p, _("the text is never closed"));
  p->pos++;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
skip_digits (Parser *p)
{
  const char *first = p->pos;

  while (p->pos < p->end && g_ascii_isdigit (*p->pos))
    p->pos++;

  return p->pos > first;
}

/* RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
scan_number (Parser *p)
{
  if (p->pos < p->end && *p->pos == '-')
    p->pos++;
  if (p->pos < p->end && *p->pos == '0')
    p->pos++;
  else if (!skip_digits (p))
    return FALSE;

  if (p->pos < p->end && *p->pos == '.')
    {
      p->pos++;
      if (!skip_digits (p))
        return FALSE;
    }

  if (p->pos < p->end && (*p->pos == 'e' || *p->pos == 'E'))
    {
      p->pos++;
      if (p->pos < p->end && (*p->pos == '+' || *p->pos == '-'))
        p->pos++;
      if (!skip_digits (p))
        return FALSE;
    }

  return TRUE;
}

/* Every number becomes a double, read exactly by g_ascii_strtod; one beyond
 * the range of a double becomes an infinity that the checks refuse. */
static JsonNode *
parse_number (Parser *p)
{
  const char *first = p->pos;
  g_autofree char *text = NULL;

  if (!scan_number (p))
    return parser_fail_here (p, _("a number is not written as JSON writes numbers"));

  text = g_strndup (first, p->pos - first);

  return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
}

static JsonNode *
parse_word (Parser     *p,
            const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (p->end - p->pos) < len || memcmp (p->pos, word, len) != 0)
    return parser_fail_here (p, _("expected a value: an object, array, text, number, true, false or null"));
  p->pos += len;

  if (word[0] == 'n')
    return json_node_init_null (json_node_alloc ());

  return json_node_init_boolean (json_node_alloc (), word[0] == 't');
}

static gboolean
enter (Parser *p)
{
  g_autofree char *what = NULL;

  if (p->depth >= MAX_DEPTH)
    {
      what = g_strdup_printf (_("nested deeper than %d levels"), MAX_DEPTH);
      return parser_refuse (p, LF_FORMAT_ERROR_TOO_LARGE, what);
    }
  p->depth++;
  p->pos++;

  return TRUE;
}

/* Two equal keys: the first stays, the second is a problem (not fatal). */
static void
add_member (Parser     *p,
            JsonObject *object,
            const char *key,
            JsonNode   *node)
{
  if (json_object_has_member (object, key))
    {
      _lf_report_add (p->report, LF_FORMAT_ERROR_INVALID, p->path->str,
                      _("the key “%s” is given twice"), key);
      json_node_unref (node);
      return;
    }

  json_object_set_member (object, key, node);
}

static gboolean
parse_member (Parser     *p,
              JsonObject *object)
{
  g_autofree char *key = NULL;
  JsonNode *value;
  gsize path_len = p->path->len;

  skip_space (p);
  if (p->pos >= p->end || *p->pos != '"')
    return parser_refuse_here (p, _("expected a key in double quotes"));
  key = parse_string (p);
  if (key == NULL)
    return FALSE;
  if (!accept (p, ':'))
    return parser_refuse_here (p, _("expected “:” after a key"));

  append_key (p->path, key);
  value = parse_value (p);
  if (value != NULL)
    add_member (p, object, key, value);
  g_string_truncate (p->path, path_len);

  return value != NULL;
}

static JsonNode *
parse_object (Parser *p)
{
  g_autoptr(JsonObject) object = NULL;

  if (!enter (p))
    return NULL;

  object = json_object_new ();
  if (!accept (p, '}'))
    {
      do
        {
          if (!parse_member (p, object))
            return NULL;
        }
      while (accept (p, ','));

      if (!accept (p, '}'))
        return parser_fail_here (p, _("expected “,” or “}”"));
    }
  p->depth--;

  return json_node_init_object (json_node_alloc (), object);
}

/* No array of a scenario is longer than its list of markets. Elements
 * past that are parsed (the message gives their number) but not kept, nor
 * counted against MAX_VALUES: 100 000 markets would otherwise cost their
 * whole tree, a gigabyte under AddressSanitizer (found by test-limits),
 * only to be refused by read_markets. */
static gboolean
parse_element (Parser    *p,
               JsonArray *array,
               guint      index)
{
  gsize path_len = p->path->len;
  guint n_values = p->n_values;
  JsonNode *value;

  g_string_append_printf (p->path, "[%u]", index);
  value = parse_value (p);
  g_string_truncate (p->path, path_len);
  if (value == NULL)
    return FALSE;

  if (index < LF_MAX_MARKETS)
    json_array_add_element (array, value);
  else
    {
      json_node_unref (value);
      p->n_values = n_values;
    }

  return TRUE;
}

static gboolean
check_array_length (Parser *p,
                    guint   length)
{
  if (length <= LF_MAX_MARKETS)
    return TRUE;

  if (strcmp (p->path->str, "$.markets") == 0)
    _lf_report_add (p->report, LF_FORMAT_ERROR_TOO_LARGE, p->path->str,
                    _("%u markets, more than the limit of %d"), length, LF_MAX_MARKETS);
  else
    _lf_report_add (p->report, LF_FORMAT_ERROR_TOO_LARGE, p->path->str,
                    _("%u elements, more than the limit of %d"), length, LF_MAX_MARKETS);

  return FALSE;
}

static JsonNode *
parse_array (Parser *p)
{
  g_autoptr(JsonArray) array = NULL;
  guint length = 0;

  if (!enter (p))
    return NULL;

  array = json_array_new ();
  if (!accept (p, ']'))
    {
      do
        {
          if (!parse_element (p, array, length++))
            return NULL;
        }
      while (accept (p, ','));

      if (!accept (p, ']'))
        return parser_fail_here (p, _("expected “,” or “]”"));
    }
  if (!check_array_length (p, length))
    return NULL;
  p->depth--;

  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
parse_value (Parser *p)
{
  g_autofree char *text = NULL;
  g_autofree char *what = NULL;

  skip_space (p);
  if (p->pos >= p->end)
    return parser_fail_here (p, _("expected a value"));
  if (++p->n_values > MAX_VALUES)
    {
      what = g_strdup_printf (_("more than %d values, far more than any scenario holds"), MAX_VALUES);
      return parser_fail (p, LF_FORMAT_ERROR_TOO_LARGE, what);
    }

  switch (*p->pos)
    {
    case '{':
      return parse_object (p);
    case '[':
      return parse_array (p);
    case '"':
      text = parse_string (p);
      return text ? json_node_init_string (json_node_alloc (), text) : NULL;
    case 't':
      return parse_word (p, "true");
    case 'f':
      return parse_word (p, "false");
    case 'n':
      return parse_word (p, "null");
    default:
      if (*p->pos == '-' || g_ascii_isdigit (*p->pos))
        return parse_number (p);
      return parser_fail_here (p, _("expected a value: an object, array, text, number, true, false or null"));
    }
}

/* UTF-8 without NUL bytes, checked once so that the parser can step
 * through strings byte by byte. */
static gboolean
check_text (Parser *p)
{
  const char *bad;

  if (g_utf8_validate (p->start, p->end - p->start, &bad))
    return TRUE;

  p->pos = bad;
  if (*bad == '\0')
    return parser_refuse (p, LF_FORMAT_ERROR_INVALID,
                          _("the input contains a NUL byte: it is not a text file"));

  return parser_refuse (p, LF_FORMAT_ERROR_INVALID, _("the input is not UTF-8 text"));
}

static JsonNode *
parse_document (const char *data,
                gsize       length,
                LfReport   *report)
{
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(JsonNode) root = NULL;
  /* data + length is one past the end, which C allows; cppcheck thinks
   * the BOM test below says the buffer may be shorter than that. */
  /* cppcheck-suppress pointerOutOfBoundsCond */
  Parser p = { data, data, data + length, 0, 0, path, report };

  if (!_lf_report_check_size (report, length))
    return NULL;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p.start = p.pos = data + 3;
  if (!check_text (&p))
    return NULL;

  skip_space (&p);
  if (p.pos >= p.end)
    return parser_fail (&p, LF_FORMAT_ERROR_INVALID, _("the input is empty, expected a JSON object"));

  root = parse_value (&p);
  if (root == NULL)
    return NULL;

  skip_space (&p);
  if (p.pos < p.end)
    return parser_fail (&p, LF_FORMAT_ERROR_INVALID, _("unexpected text after the end of the JSON document"));

  return g_steal_pointer (&root);
}

/* ---------------------------------------------------------------- checks */

/* What a node is, for "expected a number, not text". */
static const char *
node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
get_number (LfReport   *report,
            const char *place,
            JsonNode   *node,
            double     *out)
{
  if (!is_number (node))
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, place, _("expected a number, not %s"),
                      node_kind (node));
      return FALSE;
    }

  *out = json_node_get_double (node);
  if (!isfinite (*out))
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, place,
                      _("the number is too large to be represented"));
      return FALSE;
    }

  return TRUE;
}

/* null (or absent) is NAN. */
static gboolean
get_optional_number (LfReport   *report,
                     const char *place,
                     JsonNode   *node,
                     double     *out)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = NAN;
      return TRUE;
    }
  if (!is_number (node))
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, place, _("expected a number or null, not %s"),
                      node_kind (node));
      return FALSE;
    }

  return get_number (report, place, node, out);
}

static const char *
get_string (LfReport   *report,
            const char *place,
            JsonNode   *node)
{
  if (!is_string (node))
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, place, _("expected text, not %s"),
                      node_kind (node));
      return NULL;
    }

  return json_node_get_string (node);
}

static char *
member_place (const char *parent,
              const char *key)
{
  g_autoptr(GString) place = g_string_new (parent);

  append_key (place, key);

  return g_string_free (g_steal_pointer (&place), FALSE);
}

static void
report_unknown_key (LfReport   *report,
                    const char *parent,
                    const char *key)
{
  g_autofree char *place = member_place (parent, key);

  _lf_report_add (report, LF_FORMAT_ERROR_INVALID, place, _("unknown key “%s”"), key);
}

static void
report_missing_key (LfReport   *report,
                    const char *parent,
                    const char *key)
{
  _lf_report_add (report, LF_FORMAT_ERROR_INVALID, parent, _("the key “%s” is missing"), key);
}

/* Nothing after "format" and "version" is read when they are wrong: a
 * newer file may have keys this version does not know. */
static gboolean
check_header (JsonNode *root,
              LfReport *report)
{
  JsonObject *object;
  JsonNode *node;
  const char *format;
  double version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, "$", _("expected a JSON object, not %s"),
                      node_kind (root));
      return FALSE;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node == NULL)
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, "$",
                      _("the key “format” is missing: this is not a %s file"), LF_SCENARIO_FORMAT);
      return FALSE;
    }
  format = get_string (report, "$.format", node);
  if (format == NULL)
    return FALSE;
  if (g_strcmp0 (format, LF_SCENARIO_FORMAT) != 0)
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, "$.format", _("expected “%s”, not “%s”"),
                      LF_SCENARIO_FORMAT, format);
      return FALSE;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL)
    {
      report_missing_key (report, "$", "version");
      return FALSE;
    }
  if (!get_number (report, "$.version", node, &version))
    return FALSE;
  if (version < 1 || version != floor (version))
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, "$.version",
                      _("version must be a whole number 1 or more, not %g"), version);
      return FALSE;
    }
  if (version > LF_SCENARIO_FORMAT_VERSION)
    {
      _lf_report_add (report, LF_FORMAT_ERROR_VERSION, "$.version",
                      _("the file is version %g, from a newer Landfall; this one reads version %d"),
                      version, LF_SCENARIO_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------- markets */

typedef struct
{
  LfReport       *report;
  const char     *place;        /* "$.markets[i]" */
  char           *name;
  char           *code;
  LfMarketValues  values;
  guint32         valid_params; /* bit (1 << param): given and valid, or default */
} MarketReader;

static void
read_range (MarketReader *m,
            const char   *parent,
            const char   *key,
            JsonNode     *node)
{
  g_autofree char *place = member_place (parent, key);
  g_autoptr(GError) error = NULL;
  JsonArray *pair;
  double lo, hi;
  LfParam param;

  if (!lf_param_from_key (key, &param))
    {
      _lf_report_add (m->report, LF_FORMAT_ERROR_INVALID, place,
                      _("unknown key “%s”: not a market parameter"), key);
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 2)
    {
      _lf_report_add (m->report, LF_FORMAT_ERROR_INVALID, place,
                      _("expected [low, high], an array of two numbers"));
      return;
    }

  pair = json_node_get_array (node);
  if (!get_number (m->report, place, json_array_get_element (pair, 0), &lo) ||
      !get_number (m->report, place, json_array_get_element (pair, 1), &hi))
    return;
  if (!lf_rules_check_range (lo, hi, &error))
    {
      _lf_report_add_error (m->report, place, error);
      return;
    }

  m->values.has_range |= 1u << param;
  m->values.lo[param] = lo;
  m->values.hi[param] = hi;
}

static void
read_uncertainty (MarketReader *m,
                  const char   *place,
                  JsonNode     *node)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _lf_report_add (m->report, LF_FORMAT_ERROR_INVALID, place, _("expected an object, not %s"),
                      node_kind (node));
      return;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member) && !m->report->full)
    read_range (m, place, key, member);
}

static void
read_param (MarketReader *m,
            const char   *place,
            LfParam       param,
            JsonNode     *node)
{
  g_autoptr(GError) error = NULL;
  double value;

  m->valid_params &= ~(1u << param);
  if (!get_number (m->report, place, node, &value))
    return;
  if (!lf_rules_check_param (param, value, &error))
    {
      _lf_report_add_error (m->report, place, error);
      return;
    }

  m->values.value[param] = value;
  m->valid_params |= 1u << param;
}

static void
read_text (MarketReader *m,
           const char   *place,
           const char   *key,
           JsonNode     *node)
{
  g_autoptr(GError) error = NULL;
  const char *text = get_string (m->report, place, node);
  gboolean is_name = strcmp (key, "name") == 0;

  if (text == NULL)
    return;
  if (is_name ? !lf_rules_check_market_name (text, &error) : !lf_rules_check_code (text, &error))
    {
      _lf_report_add_error (m->report, place, error);
      return;
    }

  g_free (is_name ? m->name : m->code);
  if (is_name)
    m->name = g_strdup (text);
  else
    m->code = g_strdup (text);
}

static void
read_lock (MarketReader *m,
           const char   *place,
           JsonNode     *node)
{
  const char *text = get_string (m->report, place, node);

  if (text != NULL && !lf_lock_from_string (text, &m->values.lock))
    _lf_report_add (m->report, LF_FORMAT_ERROR_INVALID, place,
                    _("lock must be auto, enter or exclude, not “%s”"), text);
}

static void
read_market_member (MarketReader *m,
                    const char   *key,
                    JsonNode     *node)
{
  g_autofree char *place = member_place (m->place, key);
  LfParam param;

  if (strcmp (key, "name") == 0 || strcmp (key, "code") == 0)
    read_text (m, place, key, node);
  else if (lf_param_from_key (key, &param))
    read_param (m, place, param, node);
  else if (strcmp (key, "lock") == 0)
    read_lock (m, place, node);
  else if (strcmp (key, "uncertainty") == 0)
    read_uncertainty (m, place, node);
  else
    report_unknown_key (m->report, m->place, key);
}

static void
check_reach (MarketReader *m)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  guint32 both = (1u << LF_PARAM_P_MIN) | (1u << LF_PARAM_P_MAX);

  if ((m->valid_params & both) != both)
    return;
  if (lf_rules_check_reach (m->values.value[LF_PARAM_P_MIN], m->values.value[LF_PARAM_P_MAX], &error))
    return;

  place = member_place (m->place, "p_min");
  _lf_report_add_error (m->report, place, error);
}

/* A new market, or NULL when it has problems (all of them reported). */
static LfMarket *
read_market (LfReport   *report,
             const char *place,
             JsonNode   *node)
{
  MarketReader m = { report, place, NULL, NULL, { { 0 } }, ~0u };
  g_autoptr(LfMarket) market = NULL;
  guint before = report->problems->len;
  JsonObjectIter iter;
  JsonObject *object;
  JsonNode *member;
  const char *key;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, place, _("expected an object, not %s"),
                      node_kind (node));
      return NULL;
    }

  object = json_node_get_object (node);
  lf_market_values_init_defaults (&m.values);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member) && !report->full)
    read_market_member (&m, key, member);

  if (!json_object_has_member (object, "name"))
    report_missing_key (report, place, "name");
  check_reach (&m);

  if (report->problems->len == before && m.name != NULL)
    market = lf_market_new_with_values (m.name, m.code, &m.values);
  g_free (m.name);
  g_free (m.code);

  return g_steal_pointer (&market);
}

static void
check_unique_name (LfReport   *report,
                   GHashTable *seen,
                   const char *place,
                   const char *name,
                   guint       index)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *name_place = NULL;
  gpointer first;

  if (!g_hash_table_lookup_extended (seen, folded, NULL, &first))
    {
      g_hash_table_insert (seen, g_steal_pointer (&folded), GUINT_TO_POINTER (index));
      return;
    }

  name_place = member_place (place, "name");
  _lf_report_add (report, LF_FORMAT_ERROR_INVALID, name_place,
                  _("the name “%s” is already taken by $.markets[%u] (names ignore case)"),
                  name, GPOINTER_TO_UINT (first));
}

static void
read_markets (LfReport   *report,
              JsonNode   *node,
              GPtrArray  *markets)
{
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _lf_report_add (report, LF_FORMAT_ERROR_INVALID, "$.markets", _("expected an array, not %s"),
                      node_kind (node));
      return;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > LF_MAX_MARKETS)
    {
      _lf_report_add (report, LF_FORMAT_ERROR_TOO_LARGE, "$.markets",
                      _("%u markets, more than the limit of %d"), json_array_get_length (array),
                      LF_MAX_MARKETS);
      return;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (array) && !report->full; i++)
    {
      g_autofree char *place = g_strdup_printf ("$.markets[%u]", i);
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(LfMarket) market = read_market (report, place, element);
      JsonNode *name = JSON_NODE_HOLDS_OBJECT (element)
                       ? json_object_get_member (json_node_get_object (element), "name") : NULL;

      if (name != NULL && is_string (name))
        check_unique_name (report, seen, place, json_node_get_string (name), i);
      if (market != NULL)
        g_ptr_array_add (markets, g_steal_pointer (&market));
    }
}

/* --------------------------------------------------------------- scenario */

typedef struct
{
  LfReport    *report;
  char        *name;
  char        *currency;
  LfObjective  objective;
  gboolean     objective_valid;
  double       budget;
  double       target_value;
  double       caps[LF_N_CAPS];
  GPtrArray   *markets;
} ScenarioReader;

static void
scenario_reader_clear (ScenarioReader *s)
{
  g_clear_pointer (&s->name, g_free);
  g_clear_pointer (&s->currency, g_free);
  g_clear_pointer (&s->markets, g_ptr_array_unref);
}

static void
read_scenario_text (ScenarioReader *s,
                    const char     *key,
                    const char     *place,
                    JsonNode       *node)
{
  g_autoptr(GError) error = NULL;
  const char *text = get_string (s->report, place, node);

  if (text == NULL)
    {
      s->objective_valid = s->objective_valid && strcmp (key, "objective") != 0;
      return;
    }

  if (strcmp (key, "name") == 0)
    {
      if (lf_rules_check_scenario_name (text, &error))
        s->name = g_strdup (text);
    }
  else if (strcmp (key, "currency") == 0)
    {
      if (lf_rules_check_currency (text, &error))
        s->currency = g_strdup (text);
    }
  else if (!lf_objective_from_string (text, &s->objective))
    {
      _lf_report_add (s->report, LF_FORMAT_ERROR_INVALID, place,
                      _("objective must be max_value or min_cost, not “%s”"), text);
      s->objective_valid = FALSE;
    }

  if (error != NULL)
    _lf_report_add_error (s->report, place, error);
}

/* Budget, target value and caps: null or a number within the rules. */
static void
read_scenario_number (ScenarioReader *s,
                      const char     *key,
                      const char     *place,
                      JsonNode       *node,
                      double         *slot)
{
  g_autoptr(GError) error = NULL;
  double value;
  gboolean valid;

  if (!get_optional_number (s->report, place, node, &value))
    return;

  if (isnan (value))
    valid = TRUE;
  else if (strcmp (key, "max_markets") == 0)
    valid = lf_rules_check_max_markets (value, &error);
  else
    valid = lf_rules_check_money (key, value, &error);

  if (valid)
    *slot = value;
  else
    _lf_report_add_error (s->report, place, error);
}

static double *
scenario_number_slot (ScenarioReader *s,
                      const char     *key)
{
  if (strcmp (key, "budget") == 0)
    return &s->budget;
  if (strcmp (key, "target_value") == 0)
    return &s->target_value;
  for (guint i = 0; i < LF_N_CAPS; i++)
    {
      if (strcmp (key, lf_cap_to_key (i)) == 0)
        return &s->caps[i];
    }

  return NULL;
}

static void
read_scenario_member (ScenarioReader *s,
                      const char     *key,
                      JsonNode       *node)
{
  g_autofree char *place = member_place ("$", key);
  double *slot = scenario_number_slot (s, key);

  if (strcmp (key, "format") == 0 || strcmp (key, "version") == 0)
    return;
  if (strcmp (key, "name") == 0 || strcmp (key, "currency") == 0 || strcmp (key, "objective") == 0)
    read_scenario_text (s, key, place, node);
  else if (slot != NULL)
    read_scenario_number (s, key, place, node, slot);
  else if (strcmp (key, "markets") == 0)
    read_markets (s->report, node, s->markets);
  else
    report_unknown_key (s->report, "$", key);
}

/* Given and not null; a given value with problems is reported already. */
static gboolean
is_given (JsonObject *object,
          const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

/* The objective needs its own bound: budget for max_value, target for
 * min_cost; the other may be null or absent. */
static void
check_required (ScenarioReader *s,
                JsonObject     *object)
{
  if (!json_object_has_member (object, "name"))
    report_missing_key (s->report, "$", "name");
  if (!json_object_has_member (object, "markets"))
    report_missing_key (s->report, "$", "markets");
  if (!s->objective_valid)
    return;

  if (s->objective == LF_OBJECTIVE_MAX_VALUE && !is_given (object, "budget"))
    _lf_report_add (s->report, LF_FORMAT_ERROR_INVALID, "$.budget",
                    _("a budget is required when the objective is max_value"));
  if (s->objective == LF_OBJECTIVE_MIN_COST && !is_given (object, "target_value"))
    _lf_report_add (s->report, LF_FORMAT_ERROR_INVALID, "$.target_value",
                    _("a target_value is required when the objective is min_cost"));
}

/* Every value was checked against the rules, so the setters accept them. */
static LfScenario *
build_scenario (ScenarioReader *s)
{
  g_autoptr(LfScenario) scenario = lf_scenario_new (s->name);

  if (s->currency != NULL)
    lf_scenario_set_currency (scenario, s->currency, NULL);
  lf_scenario_set_objective (scenario, s->objective);
  if (!isnan (s->budget))
    lf_scenario_set_budget (scenario, s->budget, NULL);
  if (!isnan (s->target_value))
    lf_scenario_set_target_value (scenario, s->target_value, NULL);
  for (guint i = 0; i < LF_N_CAPS; i++)
    {
      if (!isnan (s->caps[i]))
        lf_scenario_set_cap (scenario, i, s->caps[i], NULL);
    }
  if (!lf_scenario_append_markets (scenario, s->markets, NULL))
    g_assert_not_reached ();

  return g_steal_pointer (&scenario);
}

static LfScenario *
read_scenario (JsonObject *object,
               LfReport   *report)
{
  ScenarioReader s = { report, NULL, NULL, LF_OBJECTIVE_MAX_VALUE, TRUE, NAN, NAN,
                       { NAN, NAN, NAN }, g_ptr_array_new_with_free_func (g_object_unref) };
  LfScenario *scenario = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &node) && !report->full)
    read_scenario_member (&s, key, node);
  check_required (&s, object);

  if (report->problems->len == 0)
    scenario = build_scenario (&s);
  scenario_reader_clear (&s);

  return scenario;
}

LfScenario *
lf_scenario_json_read_data (const char  *data,
                            gsize        length,
                            GPtrArray   *problems,
                            GError     **error)
{
  LfReport report;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(LfScenario) scenario = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _lf_report_init (&report);
  root = parse_document (data ? data : "", length, &report);
  if (root != NULL && check_header (root, &report))
    scenario = read_scenario (json_node_get_object (root), &report);
  if (!_lf_report_finish (&report, problems, error))
    g_clear_object (&scenario);
  _lf_report_clear (&report);

  return g_steal_pointer (&scenario);
}

LfScenario *
lf_scenario_json_read_file (GFile      *file,
                            GPtrArray  *problems,
                            GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lf_format_load_file (file, &contents, &length, error))
    return NULL;

  return lf_scenario_json_read_data (contents, length, problems, error);
}

/* ---------------------------------------------------------------- writer */


/* "KEY": first, with the indent and the comma of the line before. */
static void
append_key_line (GString    *out,
                 guint       indent,
                 gboolean   *first,
                 const char *key)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  for (guint i = 0; i < indent; i++)
    g_string_append (out, "  ");
  lf_ascii_append_json_string (out, key);
  g_string_append (out, ": ");
}

static void
append_uncertainty (GString              *out,
                    const LfMarketValues *values)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      if (!(values->has_range & (1u << i)))
        continue;
      append_key_line (out, 4, &first, lf_param_info (i)->key);
      g_string_append_c (out, '[');
      lf_ascii_append_double (out, values->lo[i]);
      g_string_append (out, ", ");
      lf_ascii_append_double (out, values->hi[i]);
      g_string_append_c (out, ']');
    }
  g_string_append (out, first ? "}" : "\n      }");
}

static void
append_market (GString  *out,
               LfMarket *market)
{
  const LfMarketValues *values = lf_market_get_values (market);
  gboolean first = TRUE;

  g_string_append (out, "    {");
  append_key_line (out, 3, &first, "name");
  lf_ascii_append_json_string (out, lf_market_get_name (market));
  append_key_line (out, 3, &first, "code");
  lf_ascii_append_json_string (out, lf_market_get_code (market));
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      append_key_line (out, 3, &first, lf_param_info (i)->key);
      lf_ascii_append_double (out, values->value[i]);
    }
  append_key_line (out, 3, &first, "lock");
  lf_ascii_append_json_string (out, lf_lock_to_string (values->lock));
  append_key_line (out, 3, &first, "uncertainty");
  append_uncertainty (out, values);
  g_string_append (out, "\n    }");
}

static void
append_markets (GString    *out,
                LfScenario *scenario)
{
  guint n = lf_scenario_get_n_markets (scenario);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      append_market (out, lf_scenario_get_market (scenario, i));
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  g_string_append (out, "  ]");
}

char *
lf_scenario_json_write_data (LfScenario *scenario,
                             gsize      *length)
{
  GString *out;
  gboolean first = TRUE;

  g_return_val_if_fail (LF_IS_SCENARIO (scenario), NULL);

  out = g_string_new ("{");
  append_key_line (out, 1, &first, "format");
  lf_ascii_append_json_string (out, LF_SCENARIO_FORMAT);
  append_key_line (out, 1, &first, "version");
  g_string_append_printf (out, "%d", LF_SCENARIO_FORMAT_VERSION);
  append_key_line (out, 1, &first, "name");
  lf_ascii_append_json_string (out, lf_scenario_get_name (scenario));
  append_key_line (out, 1, &first, "currency");
  lf_ascii_append_json_string (out, lf_scenario_get_currency (scenario));
  append_key_line (out, 1, &first, "objective");
  lf_ascii_append_json_string (out, lf_objective_to_string (lf_scenario_get_objective (scenario)));
  append_key_line (out, 1, &first, "budget");
  lf_ascii_append_double (out, lf_scenario_get_budget (scenario));
  append_key_line (out, 1, &first, "target_value");
  lf_ascii_append_double (out, lf_scenario_get_target_value (scenario));
  for (guint i = 0; i < LF_N_CAPS; i++)
    {
      append_key_line (out, 1, &first, lf_cap_to_key (i));
      lf_ascii_append_double (out, lf_scenario_get_cap (scenario, i));
    }
  append_key_line (out, 1, &first, "markets");
  append_markets (out, scenario);
  g_string_append (out, "\n}\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

gboolean
lf_scenario_json_write_file (LfScenario  *scenario,
                             GFile       *file,
                             GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (LF_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = lf_scenario_json_write_data (scenario, &length);

  /* Written to a temporary file and renamed over the old one: a crash
   * leaves the old file or the new, never half of one. */
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}
