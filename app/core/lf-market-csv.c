/* lf-market-csv.c: the market table CSV of formats.md (RFC 4180)
 *
 * The reader splits records itself (quoted fields may hold commas, quotes
 * and line breaks), maps the header to market keys, and checks every field
 * with lf-rules, the one table every reader asks. Rows are counted as a
 * spreadsheet shows them: the header is row 1, an empty line is a row that
 * is skipped, a quoted line break does not start a new row.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lf-ascii.h"
#include "lf-market-csv.h"
#include "lf-scenario-json-private.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_CODE,
  COLUMN_LOCK,
  COLUMN_PARAM,
  COLUMN_LO,
  COLUMN_HI,
  COLUMN_UNKNOWN,
} ColumnKind;

typedef struct
{
  ColumnKind kind;
  LfParam    param;
  char      *title;
} Column;

typedef enum
{
  RECORD_READ,
  RECORD_EMPTY,
  RECORD_END,
  RECORD_NOT_TEXT,              /* read, but a field is not UTF-8 */
  RECORD_BROKEN,
} RecordStatus;

typedef struct
{
  const char *pos;
  const char *end;
  guint       row;              /* of the record last read, 1-based */
  GArray     *columns;          /* Column, from the header; empty before */
  LfReport   *report;
  GHashTable *names;            /* casefolded name -> row */
  GPtrArray  *markets;
} CsvReader;

/* ----------------------------------------------------------------- places */

static char *
column_label (CsvReader *r,
              guint      index)
{
  if (index < r->columns->len && g_array_index (r->columns, Column, index).title[0] != '\0')
    return g_strdup (g_array_index (r->columns, Column, index).title);

  return g_strdup_printf ("%u", index + 1);
}

static char *
cell_place (CsvReader *r,
            guint      index)
{
  g_autofree char *label = column_label (r, index);

  return g_strdup_printf (_("row %u, column %s"), r->row, label);
}

static void
report_cell (CsvReader     *r,
             guint          index,
             LfFormatError  code,
             const char    *what)
{
  g_autofree char *place = cell_place (r, index);

  _lf_report_add (r->report, code, place, "%s", what);
}

static void
report_cell_error (CsvReader    *r,
                   guint         index,
                   const GError *error)
{
  report_cell (r, index, LF_FORMAT_ERROR_INVALID, error->message);
}

/* --------------------------------------------------------------- records */

static gboolean
at_line_end (CsvReader *r)
{
  return r->pos >= r->end || *r->pos == '\r' || *r->pos == '\n';
}

/* CR, LF or CRLF. */
static void
skip_line_end (CsvReader *r)
{
  if (r->pos < r->end && *r->pos == '\r')
    r->pos++;
  if (r->pos < r->end && *r->pos == '\n')
    r->pos++;
}

static gboolean
read_quoted (CsvReader *r,
             GString   *field,
             guint      index)
{
  r->pos++;
  for (;;)
    {
      if (r->pos >= r->end)
        {
          report_cell (r, index, LF_FORMAT_ERROR_INVALID,
                       _("a quoted field is never closed (is the file cut short?)"));
          return FALSE;
        }
      if (*r->pos == '"')
        {
          if (r->pos + 1 < r->end && r->pos[1] == '"')
            {
              g_string_append_c (field, '"');
              r->pos += 2;
              continue;
            }
          r->pos++;
          break;
        }
      g_string_append_c (field, *r->pos++);
    }

  if (!at_line_end (r) && *r->pos != ',')
    {
      report_cell (r, index, LF_FORMAT_ERROR_INVALID,
                   _("text after the closing quote; write a quote inside a quoted field as \"\""));
      return FALSE;
    }

  return TRUE;
}

/* RFC 4180 has no quotes in an unquoted field: a spreadsheet would have
 * quoted it, so the table was written by hand or cut. */
static gboolean
read_unquoted (CsvReader *r,
               GString   *field,
               guint      index)
{
  while (!at_line_end (r) && *r->pos != ',')
    {
      if (*r->pos == '"')
        {
          report_cell (r, index, LF_FORMAT_ERROR_INVALID,
                       _("a quote inside a field that does not start with one; quote the whole field"));
          return FALSE;
        }
      g_string_append_c (field, *r->pos++);
    }

  return TRUE;
}

/* Valid UTF-8 without NUL bytes: what lf-rules and GTK take for text.
 * The separators are ASCII, so splitting came first. */
static gboolean
check_field_text (CsvReader *r,
                  GString   *field,
                  guint      index)
{
  if (g_utf8_validate (field->str, field->len, NULL))
    return TRUE;

  if (memchr (field->str, '\0', field->len) != NULL)
    report_cell (r, index, LF_FORMAT_ERROR_INVALID, _("the text contains a NUL byte"));
  else
    report_cell (r, index, LF_FORMAT_ERROR_INVALID, _("the text is not UTF-8"));

  return FALSE;
}

/* One record into @fields. A broken quote is fatal: where the next record
 * starts is unknown. */
static RecordStatus
read_record (CsvReader *r,
             GPtrArray *fields)
{
  gboolean text = TRUE;

  g_ptr_array_set_size (fields, 0);
  if (r->pos >= r->end)
    return RECORD_END;

  r->row++;
  if (at_line_end (r))
    {
      skip_line_end (r);
      return RECORD_EMPTY;
    }

  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);
      gboolean read = (r->pos < r->end && *r->pos == '"')
                      ? read_quoted (r, field, fields->len)
                      : read_unquoted (r, field, fields->len);

      if (!read)
        return RECORD_BROKEN;
      text = check_field_text (r, field, fields->len) && text;
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      if (at_line_end (r))
        break;
      r->pos++;
    }
  skip_line_end (r);

  return text ? RECORD_READ : RECORD_NOT_TEXT;
}

/* ----------------------------------------------------------------- header */

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_clear_pointer (&column->title, g_free);
}

/* name, code, lock, a parameter key, or KEY_lo / KEY_hi. */
static gboolean
column_from_title (const char *title,
                   Column     *column)
{
  g_autofree char *key = NULL;

  column->title = g_strdup (title);
  column->kind = COLUMN_UNKNOWN;
  if (strcmp (title, "name") == 0 || strcmp (title, "code") == 0 || strcmp (title, "lock") == 0)
    {
      column->kind = title[0] == 'n' ? COLUMN_NAME : title[0] == 'c' ? COLUMN_CODE : COLUMN_LOCK;
      return TRUE;
    }
  if (lf_param_from_key (title, &column->param))
    {
      column->kind = COLUMN_PARAM;
      return TRUE;
    }
  if (!g_str_has_suffix (title, "_lo") && !g_str_has_suffix (title, "_hi"))
    return FALSE;

  key = g_strndup (title, strlen (title) - 3);
  if (!lf_param_from_key (key, &column->param))
    return FALSE;
  column->kind = g_str_has_suffix (title, "_lo") ? COLUMN_LO : COLUMN_HI;

  return TRUE;
}

static int
find_column (CsvReader  *r,
             ColumnKind  kind,
             LfParam     param)
{
  for (guint i = 0; i < r->columns->len; i++)
    {
      Column *column = &g_array_index (r->columns, Column, i);

      if (column->kind == kind && (kind < COLUMN_PARAM || column->param == param))
        return (int) i;
    }

  return -1;
}

static void
read_header_cell (CsvReader  *r,
                  const char *title)
{
  guint index = r->columns->len;
  Column column = { 0 };
  gboolean known = column_from_title (title, &column);
  g_autofree char *what = NULL;

  if (title[0] == '\0')
    what = g_strdup (_("a column without a name"));
  else if (!known)
    what = g_strdup_printf (_("unknown column “%s”"), title);
  else if (find_column (r, column.kind, column.param) >= 0)
    what = g_strdup_printf (_("the column “%s” is given twice"), title);

  if (what != NULL)
    column.kind = COLUMN_UNKNOWN;
  g_array_append_val (r->columns, column);
  if (what != NULL)
    report_cell (r, index, LF_FORMAT_ERROR_INVALID, what);
}

/* KEY_lo without KEY_hi (or the other way) cannot give a range. */
static void
check_header_pairs (CsvReader *r)
{
  for (guint i = 0; i < r->columns->len; i++)
    {
      Column *column = &g_array_index (r->columns, Column, i);
      ColumnKind other = column->kind == COLUMN_LO ? COLUMN_HI : COLUMN_LO;
      g_autofree char *what = NULL;

      if (column->kind != COLUMN_LO && column->kind != COLUMN_HI)
        continue;
      if (find_column (r, other, column->param) >= 0)
        continue;

      what = g_strdup_printf (_("the column %s_%s is missing; the low and high multipliers come together"),
                              lf_param_info (column->param)->key, other == COLUMN_LO ? "lo" : "hi");
      report_cell (r, i, LF_FORMAT_ERROR_INVALID, what);
    }
}

static gboolean
read_header (CsvReader *r,
             GPtrArray *fields)
{
  guint before = r->report->problems->len;

  for (guint i = 0; i < fields->len; i++)
    read_header_cell (r, g_ptr_array_index (fields, i));
  check_header_pairs (r);
  if (find_column (r, COLUMN_NAME, 0) < 0)
    {
      g_autofree char *place = g_strdup_printf (_("row %u"), r->row);

      _lf_report_add (r->report, LF_FORMAT_ERROR_INVALID, place,
                      _("the header has no “name” column"));
    }

  return r->report->problems->len == before;
}

/* ------------------------------------------------------------------- rows */

/* The whole field, '.' as the decimal mark whatever the locale; blanks
 * around it are forgiven, "1,5", "0x10", "inf" and "nan" are not. */
static gboolean
parse_number (const char *text,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (copy[0] == '\0' || strspn (copy, "0123456789.eE+-") != strlen (copy))
    return FALSE;

  *out = g_ascii_strtod (copy, &end);

  return end != copy && *end == '\0';
}

static gboolean
read_number_cell (CsvReader  *r,
                  guint       index,
                  const char *text,
                  double     *out)
{
  g_autofree char *what = NULL;

  if (parse_number (text, out))
    return TRUE;

  what = g_strdup_printf (_("“%s” is not a number (write it with a “.” for the decimal mark)"), text);
  report_cell (r, index, LF_FORMAT_ERROR_INVALID, what);

  return FALSE;
}

typedef struct
{
  const char     *name;
  const char     *code;
  LfMarketValues  values;
  const char     *lo[LF_N_PARAMS];   /* the cells of KEY_lo / KEY_hi */
  const char     *hi[LF_N_PARAMS];
  guint           lo_index[LF_N_PARAMS];
  guint           hi_index[LF_N_PARAMS];
} Row;

static void
read_param_cell (CsvReader  *r,
                 Row        *row,
                 guint       index,
                 LfParam     param,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  double value;

  if (text[0] == '\0')
    return;
  if (!read_number_cell (r, index, text, &value))
    return;
  if (!lf_rules_check_param (param, value, &error))
    {
      report_cell_error (r, index, error);
      return;
    }

  row->values.value[param] = value;
}

static void
read_text_cell (CsvReader  *r,
                Row        *row,
                guint       index,
                ColumnKind  kind,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;

  if (kind == COLUMN_NAME && !lf_rules_check_market_name (text, &error))
    report_cell_error (r, index, error);
  else if (kind == COLUMN_CODE && !lf_rules_check_code (text, &error))
    report_cell_error (r, index, error);
  else if (kind == COLUMN_LOCK && text[0] != '\0' && !lf_lock_from_string (text, &row->values.lock))
    {
      what = g_strdup_printf (_("lock must be auto, enter or exclude, not “%s”"), text);
      report_cell (r, index, LF_FORMAT_ERROR_INVALID, what);
    }

  if (kind == COLUMN_NAME)
    row->name = text;
  else if (kind == COLUMN_CODE)
    row->code = text;
}

static void
read_cell (CsvReader  *r,
           Row        *row,
           guint       index,
           const char *text)
{
  Column *column = &g_array_index (r->columns, Column, index);

  switch (column->kind)
    {
    case COLUMN_PARAM:
      read_param_cell (r, row, index, column->param, text);
      break;
    case COLUMN_LO:
      row->lo[column->param] = text;
      row->lo_index[column->param] = index;
      break;
    case COLUMN_HI:
      row->hi[column->param] = text;
      row->hi_index[column->param] = index;
      break;
    case COLUMN_NAME:
    case COLUMN_CODE:
    case COLUMN_LOCK:
    case COLUMN_UNKNOWN:
    default:
      read_text_cell (r, row, index, column->kind, text);
      break;
    }
}

/* Both cells empty: no range. One empty: a problem at that one. The low
 * multiplier is checked alone first (with 1 as its partner), so the
 * problem lands in the column that holds the wrong number. */
static void
read_range (CsvReader *r,
            Row       *row,
            LfParam    param)
{
  g_autoptr(GError) error = NULL;
  const char *lo_text = row->lo[param];
  const char *hi_text = row->hi[param];
  double lo, hi;
  gboolean lo_read, hi_read;

  if (lo_text == NULL || hi_text == NULL || (lo_text[0] == '\0' && hi_text[0] == '\0'))
    return;
  if (lo_text[0] == '\0' || hi_text[0] == '\0')
    {
      report_cell (r, lo_text[0] == '\0' ? row->lo_index[param] : row->hi_index[param],
                   LF_FORMAT_ERROR_INVALID,
                   _("give both the low and the high multiplier, or leave both empty"));
      return;
    }

  lo_read = read_number_cell (r, row->lo_index[param], lo_text, &lo);
  hi_read = read_number_cell (r, row->hi_index[param], hi_text, &hi);
  if (!lo_read || !hi_read)
    return;
  if (!lf_rules_check_range (lo, 1, &error))
    report_cell_error (r, row->lo_index[param], error);
  else if (!lf_rules_check_range (lo, hi, &error))
    report_cell_error (r, row->hi_index[param], error);
  else
    {
      row->values.has_range |= 1u << param;
      row->values.lo[param] = lo;
      row->values.hi[param] = hi;
    }
}

static void
check_unique_name (CsvReader  *r,
                   const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *what = NULL;
  gpointer first;

  if (!g_hash_table_lookup_extended (r->names, folded, NULL, &first))
    {
      g_hash_table_insert (r->names, g_steal_pointer (&folded), GUINT_TO_POINTER (r->row));
      return;
    }

  what = g_strdup_printf (_("the name “%s” is already taken by row %u (names ignore case)"),
                          name, GPOINTER_TO_UINT (first));
  report_cell (r, find_column (r, COLUMN_NAME, 0), LF_FORMAT_ERROR_INVALID, what);
}

static gboolean
check_row_length (CsvReader *r,
                  GPtrArray *fields)
{
  g_autofree char *what = NULL;

  if (fields->len == r->columns->len)
    return TRUE;

  what = g_strdup_printf (ngettext ("the row has %u field, the header %u",
                                    "the row has %u fields, the header %u", fields->len),
                          fields->len, r->columns->len);
  report_cell (r, MIN (fields->len, r->columns->len), LF_FORMAT_ERROR_INVALID, what);

  return FALSE;
}

static void
read_row (CsvReader *r,
          GPtrArray *fields)
{
  guint before = r->report->problems->len;
  g_autoptr(GError) error = NULL;
  Row row = { 0 };

  if (!check_row_length (r, fields))
    return;

  lf_market_values_init_defaults (&row.values);
  for (guint i = 0; i < fields->len; i++)
    read_cell (r, &row, i, g_ptr_array_index (fields, i));
  for (guint p = 0; p < LF_N_PARAMS; p++)
    read_range (r, &row, p);
  if (r->report->problems->len == before &&
      !lf_rules_check_reach (row.values.value[LF_PARAM_P_MIN], row.values.value[LF_PARAM_P_MAX], &error))
    report_cell_error (r, MAX (find_column (r, COLUMN_PARAM, LF_PARAM_P_MIN), 0), error);
  if (row.name != NULL && lf_rules_check_market_name (row.name, NULL))
    check_unique_name (r, row.name);

  if (r->report->problems->len == before)
    g_ptr_array_add (r->markets, lf_market_new_with_values (row.name, row.code, &row.values));
}

/* ------------------------------------------------------------------ reader */

static gboolean
read_table (CsvReader *r)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  gboolean have_header = FALSE;
  guint n_rows = 0;
  RecordStatus status;

  while ((status = read_record (r, fields)) != RECORD_END && !r->report->full)
    {
      if (status == RECORD_BROKEN)
        return FALSE;
      if (status == RECORD_EMPTY)
        continue;
      if (!have_header)
        {
          have_header = TRUE;
          if (status == RECORD_NOT_TEXT || !read_header (r, fields))
            return FALSE;
          continue;
        }
      if (++n_rows > LF_MAX_MARKETS)
        {
          g_autofree char *what = g_strdup_printf (_("more than %d markets, the limit"), LF_MAX_MARKETS);

          report_cell (r, 0, LF_FORMAT_ERROR_TOO_LARGE, what);
          return FALSE;
        }
      if (status == RECORD_READ)
        read_row (r, fields);
    }

  if (!have_header)
    _lf_report_add (r->report, LF_FORMAT_ERROR_INVALID, _("row 1"),
                    _("the table is empty; the first row must name the columns"));

  return TRUE;
}

GPtrArray *
lf_market_csv_read_data (const char  *data,
                         gsize        length,
                         GPtrArray   *problems,
                         GError     **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) markets = g_ptr_array_new_with_free_func (g_object_unref);
  LfReport report;
  /* NULL with length 0 is an empty table; NULL + 0 is undefined in C
   * (UBSan, found by the fuzz-market-csv replay of an empty file). */
  const char *text = data != NULL ? data : "";
  CsvReader r = { text, text + length, 0, columns, &report, names, markets };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (columns, column_clear);
  _lf_report_init (&report);
  if (_lf_report_check_size (&report, length))
    {
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        r.pos += 3;
      read_table (&r);
    }
  if (!_lf_report_finish (&report, problems, error))
    g_clear_pointer (&markets, g_ptr_array_unref);
  _lf_report_clear (&report);

  return g_steal_pointer (&markets);
}

GPtrArray *
lf_market_csv_read_file (GFile      *file,
                         GPtrArray  *problems,
                         GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lf_format_load_file (file, &contents, &length, error))
    return NULL;

  return lf_market_csv_read_data (contents, length, problems, error);
}

/* ------------------------------------------------------------------ writer */

static void
append_field (GString    *out,
              const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *c = text; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               double   value)
{
  g_autofree char *text = lf_ascii_format_double (value);

  g_string_append (out, text);
}

static void
append_header (GString *out)
{
  g_string_append (out, "name,code");
  for (guint i = 0; i < LF_N_PARAMS; i++)
    g_string_append_printf (out, ",%s", lf_param_info (i)->key);
  g_string_append (out, ",lock");
  for (guint i = 0; i < LF_N_PARAMS; i++)
    g_string_append_printf (out, ",%s_lo,%s_hi", lf_param_info (i)->key, lf_param_info (i)->key);
  g_string_append (out, "\r\n");
}

static void
append_row (GString  *out,
            LfMarket *market)
{
  const LfMarketValues *values = lf_market_get_values (market);

  append_field (out, lf_market_get_name (market));
  g_string_append_c (out, ',');
  append_field (out, lf_market_get_code (market));
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      g_string_append_c (out, ',');
      append_number (out, values->value[i]);
    }
  g_string_append_printf (out, ",%s", lf_lock_to_string (values->lock));
  for (guint i = 0; i < LF_N_PARAMS; i++)
    {
      g_string_append_c (out, ',');
      if (values->has_range & (1u << i))
        append_number (out, values->lo[i]);
      g_string_append_c (out, ',');
      if (values->has_range & (1u << i))
        append_number (out, values->hi[i]);
    }
  g_string_append (out, "\r\n");
}

char *
lf_market_csv_write_data (LfScenario *scenario,
                          gsize      *length)
{
  GString *out;

  g_return_val_if_fail (LF_IS_SCENARIO (scenario), NULL);

  out = g_string_new (NULL);
  append_header (out);
  for (guint i = 0; i < lf_scenario_get_n_markets (scenario); i++)
    append_row (out, lf_scenario_get_market (scenario, i));

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

gboolean
lf_market_csv_write_file (LfScenario  *scenario,
                          GFile       *file,
                          GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (LF_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = lf_market_csv_write_data (scenario, &length);

  /* A temporary file renamed over the old one: never half a table. */
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}
