/* lf-cli-util.c: options, messages and input that every sub-command shares */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lf-cli-private.h"
#include "lf-format.h"
#include "lf-market-csv.h"
#include "lf-scenario-json.h"

void
_lf_cli_error (const char *prefix,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* g_printerr converts to the locale's character set. */
  g_printerr ("%s: %s\n", prefix, message);
}

LfCliExit
_lf_cli_write_output (const char *text,
                      gboolean    for_people)
{
  g_autofree char *converted = NULL;
  const char *charset;
  gsize length = strlen (text);

  if (for_people && !g_get_charset (&charset))
    {
      converted = g_convert_with_fallback (text, -1, charset, "UTF-8", "?", NULL, &length, NULL);
      if (converted != NULL)
        text = converted;
      else
        length = strlen (text);
    }

  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      _lf_cli_error (g_get_prgname (), _("cannot write the output: %s"), g_strerror (errno));
      return LF_CLI_EXIT_FAILED;
    }

  return LF_CLI_EXIT_OK;
}

GOptionContext *
_lf_cli_option_context_new (const char   *parameters,
                            const char   *summary,
                            GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
_lf_cli_parse_options (GOptionContext   *context,
                       int              *argc,
                       char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  _lf_cli_error (g_get_prgname (), "%s", error->message);
  /* Translators: %s is a command line such as "landfall-cli solve" */
  g_printerr (_("Run “%s --help” to see its options.\n"), g_get_prgname ());

  return FALSE;
}

gboolean
_lf_cli_take_file (int           argc,
                   char        **argv,
                   const char  **out_file)
{
  if (argc == 2)
    {
      *out_file = argv[1];
      return TRUE;
    }

  if (argc < 2)
    _lf_cli_error (g_get_prgname (), _("a FILE is required (“-” for standard input)"));
  else
    _lf_cli_error (g_get_prgname (), _("one FILE only, not %d"), argc - 1);

  return FALSE;
}

gboolean
_lf_cli_parse_number (const char *option,
                      const char *text,
                      double      minimum,
                      gboolean    minimum_is_open,
                      double     *out_value)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return TRUE;

  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || errno == ERANGE || !isfinite (value))
    {
      _lf_cli_error (g_get_prgname (), _("%s: “%s” is not a finite number"), option, text);
      return FALSE;
    }
  if (value < minimum || (minimum_is_open && value == minimum))
    {
      g_autofree char *limit = g_strdup_printf ("%g", minimum);

      if (minimum_is_open)
        _lf_cli_error (g_get_prgname (), _("%s: must be greater than %s, not %s"), option, limit, text);
      else
        _lf_cli_error (g_get_prgname (), _("%s: must be at least %s, not %s"), option, limit, text);
      return FALSE;
    }

  *out_value = value;

  return TRUE;
}

const char *
_lf_cli_display_name (const char *file)
{
  return g_strcmp0 (file, "-") == 0 ? _("standard input") : file;
}

static gboolean
read_all (int          fd,
          GByteArray  *buffer,
          GError     **error)
{
  guint8 chunk[65536];

  for (;;)
    {
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("cannot read: %s"), g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        return TRUE;
      if (buffer->len + (gsize) n > LF_CLI_MAX_INPUT)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("larger than %d MiB, more than any scenario needs"),
                       LF_CLI_MAX_INPUT / (1024 * 1024));
          return FALSE;
        }
      g_byte_array_append (buffer, chunk, n);
    }
}

static int
open_input (const char  *file,
            GError     **error)
{
  struct stat st;
  int fd;

  if (g_strcmp0 (file, "-") == 0)
    return STDIN_FILENO;

  fd = g_open (file, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("cannot open: %s"), g_strerror (saved));
      return -1;
    }
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("is a folder, not a scenario file"));
      close (fd);
      return -1;
    }

  return fd;
}

GBytes *
_lf_cli_read_input (const char  *file,
                    GError     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gboolean ok;
  int fd;

  fd = open_input (file, error);
  if (fd < 0)
    return NULL;

  ok = read_all (fd, buffer, error);
  if (fd != STDIN_FILENO)
    close (fd);
  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* By the name where it says, else by the first character that is not a
 * byte-order mark or white space: a JSON document opens with '{'. */
LfCliInputKind
_lf_cli_sniff_kind (const char *file,
                    GBytes     *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize i = 0;

  if (g_str_has_suffix (file, ".csv") || g_str_has_suffix (file, ".CSV"))
    return LF_CLI_INPUT_CSV;
  if (g_str_has_suffix (file, ".json") || g_str_has_suffix (file, ".JSON"))
    return LF_CLI_INPUT_JSON;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return (i < length && (data[i] == '{' || data[i] == '[')) ? LF_CLI_INPUT_JSON : LF_CLI_INPUT_CSV;
}

void
_lf_cli_input_free (LfCliInput *input)
{
  if (input == NULL)
    return;

  g_free (input->display_name);
  g_clear_object (&input->scenario);
  g_free (input);
}

/* Every problem the reader found, else its error: one line each. */
static void
print_problems (const char *display_name,
                GPtrArray  *problems,
                GError     *error)
{
  if (problems->len == 0)
    {
      _lf_cli_error (display_name, "%s", error ? error->message : _("cannot be read"));
      return;
    }

  for (guint i = 0; i < problems->len; i++)
    _lf_cli_error (display_name, "%s", (const char *) g_ptr_array_index (problems, i));
}

/* The scenario name of a market table: the file's name, within the rules. */
static char *
table_scenario_name (const char *file)
{
  g_autofree char *base = NULL;
  const char *end;

  if (g_strcmp0 (file, "-") == 0)
    return g_strdup (_("Market table"));

  base = g_filename_display_basename (file);
  if (g_utf8_strlen (base, -1) > LF_MAX_NAME_CHARS)
    {
      end = g_utf8_offset_to_pointer (base, LF_MAX_NAME_CHARS);
      return g_strndup (base, end - base);
    }
  if (!lf_rules_check_scenario_name (base, NULL))
    return g_strdup (_("Market table"));

  return g_steal_pointer (&base);
}

static LfScenario *
scenario_from_table (const char *file,
                     GPtrArray  *markets,
                     GError    **error)
{
  g_autofree char *name = table_scenario_name (file);
  g_autoptr(LfScenario) scenario = lf_scenario_new (name);

  lf_scenario_set_objective (scenario, LF_OBJECTIVE_MAX_VALUE);
  for (guint i = 0; i < markets->len; i++)
    {
      if (!lf_scenario_append_market (scenario, g_ptr_array_index (markets, i), error))
        {
          g_prefix_error (error, _("row %u: "), i + 2);
          return NULL;
        }
    }

  return g_steal_pointer (&scenario);
}

static LfScenario *
read_scenario (const char     *file,
               LfCliInputKind  kind,
               GBytes         *bytes,
               GPtrArray      *problems,
               GError        **error)
{
  g_autoptr(GPtrArray) markets = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (kind == LF_CLI_INPUT_JSON)
    return lf_scenario_json_read_data (data, length, problems, error);

  markets = lf_market_csv_read_data (data, length, problems, error);
  if (markets == NULL)
    return NULL;

  return scenario_from_table (file, markets, error);
}

static gboolean
apply_budget (LfCliInput *input,
              double      budget)
{
  g_autoptr(GError) error = NULL;

  if (isnan (budget))
    return TRUE;
  if (lf_scenario_set_budget (input->scenario, budget, &error))
    return TRUE;

  _lf_cli_error (g_get_prgname (), "--budget: %s", error->message);

  return FALSE;
}

LfCliInput *
_lf_cli_load (const char *file,
              double      budget)
{
  g_autoptr(LfCliInput) input = g_new0 (LfCliInput, 1);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  input->display_name = g_strdup (_lf_cli_display_name (file));
  bytes = _lf_cli_read_input (file, &error);
  if (bytes == NULL)
    {
      _lf_cli_error (input->display_name, "%s", error->message);
      return NULL;
    }

  input->kind = _lf_cli_sniff_kind (file, bytes);
  input->scenario = read_scenario (file, input->kind, bytes, problems, &error);
  if (input->scenario == NULL)
    {
      print_problems (input->display_name, problems, error);
      return NULL;
    }

  if (!apply_budget (input, budget))
    return NULL;

  return g_steal_pointer (&input);
}

