/* test-i18n.c: Convene in Spanish without the window: the catalogue read for
 * a named language, language and place names, the invitations, and
 * convene-cli's help, lists, warnings and invitations as a Spanish-speaking
 * member sees them (LANGUAGE=es LANG=es_ES.UTF-8). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "export/convene-announce.h"
#include "model/convene-enum-labels.h"
#include "i18n/convene-i18n.h"
#include "import/convene-import.h"
#include "i18n/convene-language-names.h"
#include "time/convene-place-names.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "store/convene-store.h"

/* Whether es_ES.UTF-8 could be set: the tests of the user's own language
 * need it; those of a named language must pass without it. */
static gboolean have_spanish_locale;

typedef struct {
  char         *dir;
  char         *db;
  ConveneStore *store;
} Fixture;

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in:\n%s", part, text);
}

static void
import_into (ConveneStore *store,
             const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_import_file (path, &error);

  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *every = g_test_build_filename (G_TEST_DIST, "fixtures", "every-state.json", NULL);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("convene-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (f->db, &error);
  g_assert_no_error (error);
  import_into (f->store, every);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  g_free (f->db);
  g_free (f->dir);
}

/* ---- the catalogue of a named language ------------------------------------ */

static void
test_catalogue_named (void)
{
  /* Whatever $LANGUAGE says (the test sets "es"), a named language wins. */
  g_assert_cmpstr (convene_i18n_pgettext (NULL, "es", NULL, "Commands:"), ==, "Comandos:");
  g_assert_cmpstr (convene_i18n_pgettext (NULL, "en", NULL, "Commands:"), ==, "Commands:");
  g_assert_cmpstr (convene_i18n_pgettext (NULL, "es", "city", "London"), ==, "Londres");
  g_assert_cmpstr (convene_i18n_pgettext (NULL, "en", "city", "London"), ==, "London");
  /* A regional variant falls back to its language. */
  g_assert_cmpstr (convene_i18n_pgettext (NULL, "es-MX", "city", "Mexico City"), ==, "Ciudad de México");
  g_assert_cmpstr (convene_i18n_pgettext (NULL, "es_AR.UTF-8", NULL, "Options:"), ==, "Opciones:");
  /* No catalogue, or no such message: the English of the sources. */
  g_assert_cmpstr (convene_i18n_pgettext (NULL, "xx", NULL, "Commands:"), ==, "Commands:");
  g_assert_cmpstr (convene_i18n_pgettext (NULL, "es", NULL, "Not a message of Convene"), ==,
                   "Not a message of Convene");

  g_assert_cmpstr (convene_i18n_npgettext (NULL, "es", NULL, "%u session", "%u sessions", 1), ==, "%u sesión");
  g_assert_cmpstr (convene_i18n_npgettext (NULL, "es", NULL, "%u session", "%u sessions", 0), ==, "%u sesiones");
  g_assert_cmpstr (convene_i18n_npgettext (NULL, "es", NULL, "%u session", "%u sessions", 13), ==, "%u sesiones");
  g_assert_cmpstr (convene_i18n_npgettext (NULL, "en", NULL, "%u session", "%u sessions", 13), ==, "%u sessions");
  g_assert_cmpstr (convene_i18n_npgettext (NULL, "en", NULL, "%u session", "%u sessions", 1), ==, "%u session");

  g_assert_true (convene_i18n_is_available ("es"));
  g_assert_true (convene_i18n_is_available ("es-419"));
  g_assert_true (convene_i18n_is_available ("en"));
  g_assert_true (convene_i18n_is_available ("en_GB.UTF-8"));
  g_assert_false (convene_i18n_is_available ("xx"));
  g_assert_false (convene_i18n_is_available (""));
  g_assert_false (convene_i18n_is_available ("-es"));
  g_assert_false (convene_i18n_is_available (NULL));
}

static void
test_catalogue_normalize (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "es", "es" }, { "ES", "es" }, { "es-mx", "es_MX" }, { "es_MX.UTF-8", "es_MX" },
    { "pt_BR@latin", "pt_BR" }, { "es-419", "es_419" }, { "C", "C" },
    { "", NULL }, { "e", NULL }, { "es-", NULL }, { "es-MX-x", NULL }, { "../es", NULL },
    { "es/../../x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = convene_i18n_normalize (cases[i].in);

      g_assert_cmpstr (normal, ==, cases[i].out);
    }
}

/* The user's own language goes through gettext, as the rest of the CLI. */
static void
test_catalogue_user (void)
{
  if (!have_spanish_locale)
    {
      g_test_skip ("the es_ES.UTF-8 locale is not installed");
      return;
    }
  g_assert_cmpstr (convene_i18n_pgettext (NULL, NULL, NULL, "Commands:"), ==, "Comandos:");
  g_assert_cmpstr (convene_i18n_pgettext (NULL, NULL, "city", "New York"), ==, "Nueva York");
  g_assert_cmpstr (convene_i18n_npgettext (NULL, NULL, NULL, "%u session", "%u sessions", 2), ==, "%u sesiones");
  g_assert_cmpstr (_("YOUR TIME"), ==, "HORA LOCAL");
}

/* ---- language and place names ---------------------------------------------- */

static gboolean
have_iso_codes (void)
{
  const char * const *dirs = g_get_system_data_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "iso-codes", "json", "iso_639-3.json", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static void
assert_language (const char *code,
                 const char *language,
                 const char *expected)
{
  g_autofree char *name = convene_language_names_lookup (code, language);

  g_assert_cmpstr (name, ==, expected);
}

static void
test_language_names (void)
{
  if (!have_iso_codes ())
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }
  assert_language ("es", "en", "Spanish");
  assert_language ("en", "en", "English");
  assert_language ("sw", "en", "Swahili");       /* not "Swahili (macrolanguage)" */
  assert_language ("el", "en", "Modern Greek");  /* not "Modern Greek (1453-)" */
  assert_language ("spa", "en", "Spanish");
  assert_language ("fre", "en", "French");       /* ISO 639-2's other code */
  assert_language ("pt-BR", "en", "Portuguese (Brazil)");
  assert_language ("ES", "en", "Spanish");
  assert_language ("xx", "en", "xx");
  assert_language ("", "en", NULL);
  assert_language (NULL, "en", NULL);

  /* The Spanish names come from iso-codes' own translations. */
  assert_language ("es", "es", "Español");
  assert_language ("en", "es", "Inglés");
  assert_language ("fr", "es", "Francés");
  assert_language ("pt", "es", "Portugués");
  assert_language ("pt-BR", "es", "Portugués (Brasil)");

  if (have_spanish_locale)
    assert_language ("en", NULL, "Inglés");
}

static void
assert_place (const char *zone,
              const char *language,
              const char *expected)
{
  g_autofree char *name = convene_place_names_lookup (zone, language);

  g_assert_cmpstr (name, ==, expected);
}

static void
test_place_names (void)
{
  assert_place ("Europe/London", "es", "Londres");
  assert_place ("America/Mexico_City", "es", "Ciudad de México");
  assert_place ("America/New_York", "es", "Nueva York");
  assert_place ("Africa/Nairobi", "es", "Nairobi");
  assert_place ("America/Sao_Paulo", "es", "São Paulo");
  assert_place ("America/Bogota", "es", "Bogotá");
  assert_place ("Asia/Tokyo", "es", "Tokio");
  assert_place ("America/Argentina/Buenos_Aires", "es", "Buenos Aires");
  assert_place ("Asia/Calcutta", "es", "Calcuta");

  assert_place ("Europe/London", "en", "London");
  assert_place ("America/Sao_Paulo", "en", "São Paulo");
  assert_place ("America/Mexico_City", "en", "Mexico City");
  assert_place ("Europe/Kiev", "en", "Kyiv");
  /* A city without a spelling of its own: the IANA name with spaces. */
  assert_place ("America/Port-au-Prince", "es", "Port-au-Prince");
  assert_place ("America/Indiana/Indianapolis", "es", "Indianapolis");
  assert_place ("America/North_Dakota/New_Salem", "es", "New Salem");

  assert_place ("UTC", "es", "UTC");
  assert_place ("Etc/UTC", "en", "UTC");
  assert_place ("-06:00", "es", "UTC−6");
  assert_place ("+05:30", "en", "UTC+5:30");
  assert_place ("+00:00", "en", "UTC");
  assert_place ("Etc/GMT+6", "en", "UTC−6");
  assert_place ("Etc/GMT-14", "en", "UTC+14");
  assert_place ("", "en", NULL);
  assert_place (NULL, "en", NULL);

  if (have_spanish_locale)
    assert_place ("America/Mexico_City", NULL, "Ciudad de México");
}

static void
test_enum_labels (void)
{
  g_assert_cmpstr (convene_enum_labels_lookup (CONVENE_TYPE_SESSION_STATUS, CONVENE_SESSION_STATUS_NO_MEETING, "es"),
                   ==, "Sin reunión");
  g_assert_cmpstr (convene_enum_labels_lookup (CONVENE_TYPE_SESSION_STATUS, CONVENE_SESSION_STATUS_NO_MEETING, "en"),
                   ==, "No meeting");
  g_assert_cmpstr (convene_enum_labels_lookup (CONVENE_TYPE_SECTOR, CONVENE_SECTOR_CIVIL_SOCIETY, "es"),
                   ==, "Sociedad civil");
  g_assert_cmpstr (convene_enum_labels_lookup (CONVENE_TYPE_ACTION_STATUS, CONVENE_ACTION_STATUS_IN_PROGRESS, "es"),
                   ==, "En curso");
  g_assert_cmpstr (convene_enum_labels_lookup (CONVENE_TYPE_PLAN_STATUS, CONVENE_PLAN_STATUS_APPROVED, "es"),
                   ==, "Aprobado");
  g_assert_cmpstr (convene_enum_labels_lookup (CONVENE_TYPE_SESSION_STATUS, 99, "es"), ==, "");
  g_assert_cmpstr (convene_enum_labels_lookup (CONVENE_TYPE_SESSION_STATUS, -1, "es"), ==, "");
  /* An enumeration people never read: its nick. */
  g_assert_cmpstr (convene_enum_labels_lookup (CONVENE_TYPE_SESSION_TIMING, CONVENE_SESSION_TIMING_MONTH, "es"),
                   ==, "month");
  if (have_spanish_locale)
    g_assert_cmpstr (convene_enum_labels_lookup (CONVENE_TYPE_SESSION_FORMAT, CONVENE_SESSION_FORMAT_WORKSHOP, NULL),
                     ==, "Taller");
}

/* ---- invitations ------------------------------------------------------------ */

static char *
announce (Fixture    *f,
          gint64      session_id,
          const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSession) session = convene_store_load (f->store, CONVENE_TYPE_SESSION, session_id, &error);
  char *text;

  g_assert_no_error (error);
  text = convene_announcement_text (f->store, session, language, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* Plan 1 of every-state.json: the February session is fixed at 19:00 in
 * London (2021-02-23T19:00:00Z, winter time), with New York and Nairobi
 * as the plan's extra zones. */
static void
test_announce_february_es (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *text = announce (f, 2, "es");

  assert_contains (text, "Asunto: Implementation Working Group: Present the Policy+ Initiative — "
                         "martes, 23 de febrero\n");
  assert_contains (text, "\nCuándo: martes, 23 de febrero · 19:00 Londres · 14:00 Nueva York · "
                         "22:00 Nairobi\n");
  assert_contains (text, "\nDuración: 1 h\n");
  assert_contains (text, "\nA cargo de: Paul\n");
  assert_contains (text, "\nPonentes: Ana, Kenji\n");
  assert_contains (text, "\nIdioma: Inglés\n");
  assert_contains (text, "\nEnlace para unirse: https://meet.example.org/iwg\n");
  assert_contains (text, "\nWith those leading projects aligned with it.\n");
  assert_contains (text, "Implementation Working Group · Action Plan 2021\n");
  for (guint i = 0; i < 4; i++)
    assert_lacks (text, (const char *[]) { "Tuesday", "London", "Led by", "When:" }[i]);
}

static void
test_announce_february_en (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *text = announce (f, 2, "en");

  assert_contains (text, "Subject: Implementation Working Group: Present the Policy+ Initiative — "
                         "Tuesday, 23 February\n");
  assert_contains (text, "\nWhen: Tuesday, 23 February · 19:00 London · 14:00 New York · 22:00 Nairobi\n");
  assert_contains (text, "\nDuration: 1 h\n");
  assert_contains (text, "\nLed by: Paul\n");
  assert_contains (text, "\nSpeakers: Ana, Kenji\n");
  assert_contains (text, "\nJoin: https://meet.example.org/iwg\n");
  /* An English session needs no word about its language in English. */
  assert_lacks (text, "Language:");
}

/* The same instant after the clocks changed: London on summer time, New
 * York already on it, Nairobi never; the organiser fixed it at -06:00. */
static void
test_announce_offset_and_dst (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *es = announce (f, 3, "es");
  g_autofree char *en = announce (f, 3, "en");

  assert_contains (es, "\nCuándo: martes, 30 de marzo · 08:00 UTC−6 · 15:00 Londres · 10:00 Nueva York · "
                       "17:00 Nairobi\n");
  assert_contains (es, "\nDuración: 1 h 30 min\n");
  assert_lacks (es, "Idioma:");  /* a Spanish session, announced in Spanish */
  assert_contains (en, "\nLanguage: Spanish\n");
}

/* A zone where the session falls on the next day says which day. */
static void
test_announce_other_day (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConvenePlan) plan = convene_store_load (f->store, CONVENE_TYPE_PLAN, 1, &error);
  const char *zones[] = { "America/New_York", "Africa/Nairobi", "Asia/Tokyo", "America/Los_Angeles", NULL };
  g_autofree char *es = NULL;
  g_autofree char *en = NULL;

  g_assert_no_error (error);
  convene_plan_set_extra_timezones (plan, zones);
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (plan), &error));
  g_assert_no_error (error);

  es = announce (f, 2, "es");
  en = announce (f, 2, "en");
  assert_contains (es, "· 22:00 Nairobi · 04:00 Tokio (miércoles) · 11:00 Los Ángeles\n");
  assert_contains (en, "· 22:00 Nairobi · 04:00 Tokyo (Wednesday) · 11:00 Los Angeles\n");
}

static void
test_announce_unfixed (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *month = announce (f, 4, "es");
  g_autofree char *tbc = announce (f, 5, "es");
  g_autofree char *no_meeting = announce (f, 1, "es");
  g_autofree char *series = announce (f, 6, "es");
  g_autofree char *series_en = announce (f, 6, "en");

  assert_contains (month, "\nLa fecha todavía no es definitiva.\nCuándo: septiembre de 2021 (fecha por confirmar)\n");
  assert_contains (month, "Asunto: Implementation Working Group: Standards: data infrastructures — "
                          "septiembre de 2021 (fecha por confirmar)\n");
  assert_lacks (month, "Duración");
  assert_contains (tbc, "\nCuándo: por confirmar\n");
  assert_contains (no_meeting, "\nEste mes no hay reunión.\nCuándo: enero de 2021 (fecha por confirmar)\n");
  assert_contains (series, "\nCuándo: lunes, 1 de febrero · 10:00 Nueva York · 15:00 Londres · 18:00 Nairobi\n");
  assert_contains (series, "\nSe repite: cada semana\nDuración: 30 min\n");
  assert_contains (series_en, "\nRepeats: Every week\nDuration: 30 min\n");
}

static void
test_announce_languages (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSession) session = convene_store_load (f->store, CONVENE_TYPE_SESSION, 2, &error);
  g_autofree char *text = NULL;
  g_autofree char *mexican = announce (f, 2, "es-MX");

  g_assert_no_error (error);
  text = convene_announcement_text (f->store, session, "xx", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_null (text);

  assert_contains (mexican, "Cuándo: martes, 23 de febrero · 19:00 Londres");

  /* No language named: the user's, here Spanish. */
  if (have_spanish_locale)
    {
      g_autofree char *mine = announce (f, 2, NULL);

      assert_contains (mine, "Cuándo: martes, 23 de febrero · 19:00 Londres");
    }
}

/* Seed 000, the Implementation Working Group's 2021 plan, read from the
 * document itself (skipped while plan documents cannot be imported). */
static void
test_announce_seed (void)
{
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-000-iwg-2021.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("convene-i18n-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "convene.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneImportResult) result = convene_import_file (seed, &error);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(ConvenePlan) plan = NULL;
  g_autofree char *text = NULL;
  ConveneSession *february = NULL;

  if (result == NULL)
    {
      g_assert_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX);
      g_test_skip ("plan documents cannot be imported yet");
      g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
      return;
    }
  store = convene_store_new (db, &error);
  g_assert_no_error (error);
  g_assert_true (convene_import_result_write (result, store, CONVENE_ON_EXISTING_FAIL, &error));
  g_assert_no_error (error);

  sessions = convene_store_query (store, CONVENE_TYPE_SESSION, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      ConveneSession *session = g_ptr_array_index (sessions, i);

      if (convene_session_get_start (session) != NULL &&
          g_date_time_get_month (convene_session_get_start (session)) == 2)
        february = session;
    }
  g_assert_nonnull (february);

  text = convene_announcement_text (store, february, "es", &error);
  g_assert_no_error (error);
  plan = convene_store_load (store, CONVENE_TYPE_PLAN, convene_session_get_plan (february), &error);
  g_assert_no_error (error);
  if (g_strv_contains (convene_plan_get_extra_timezones (plan), "Africa/Nairobi"))
    assert_contains (text, "\nCuándo: martes, 23 de febrero · 19:00 Londres · 14:00 Nueva York · 22:00 Nairobi\n");
  else
    assert_contains (text, "\nCuándo: martes, 23 de febrero · 19:00 Londres · 14:00 Nueva York");
  assert_contains (text, "\nA cargo de: Paul\n");

  g_clear_object (&store);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
}

/* ---- convene-cli in Spanish ------------------------------------------------- */

static int
run_cli (const char  *db,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("CONVENE_CLI"));
  if (db != NULL)
    {
      g_ptr_array_add (args, "--database");
      g_ptr_array_add (args, (gpointer) db);
    }
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANGUAGE", "es", TRUE);
  env = g_environ_setenv (env, "LANG", "es_ES.UTF-8", TRUE);
  env = g_environ_setenv (env, "TZ", "America/Mexico_City", TRUE);
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static gboolean
cli_ready (void)
{
  if (g_getenv ("CONVENE_CLI") == NULL)
    {
      g_test_skip ("CONVENE_CLI is not set");
      return FALSE;
    }
  if (!have_spanish_locale)
    {
      g_test_skip ("the es_ES.UTF-8 locale is not installed");
      return FALSE;
    }
  return TRUE;
}

static void
test_cli_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *usage_err = NULL;
  g_autofree char *announce_help = NULL;

  if (!cli_ready ())
    return;
  g_assert_cmpint (run_cli (NULL, &out, NULL, "--help", NULL), ==, 0);
  assert_contains (out, "Uso: convene-cli [--database RUTA] COMANDO [OPCIÓN…]\n");
  assert_contains (out, "\nComandos:\n");
  assert_contains (out, "  import   Importar documentos de planes, archivos iCalendar o exportaciones JSON\n");
  assert_contains (out, "  announce Mostrar la invitación a una sesión, en inglés o en español\n");
  assert_contains (out, "\nOpciones:\n");
  assert_contains (out, "«convene-cli COMANDO --help» describe un comando.");
  for (guint i = 0; i < 4; i++)
    assert_lacks (out, (const char *[]) { "Usage", "Commands", "Options", "Import plan" }[i]);

  g_assert_cmpint (run_cli (NULL, NULL, &usage_err, "nonsense", NULL), ==, 2);
  assert_contains (usage_err, "convene-cli: «nonsense» no es un comando\n");

  g_assert_cmpint (run_cli (NULL, &announce_help, NULL, "announce", "--help", NULL), ==, 0);
  assert_contains (announce_help, "Muestra la invitación a una sesión");
  assert_contains (announce_help, "--lang=IDIOMA");
  assert_contains (announce_help, "El idioma de la invitación: en o es");
}

static void
test_cli_list (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *plans = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *people = NULL;
  g_autofree char *actions = NULL;

  if (!cli_ready ())
    return;
  g_clear_object (&f->store);  /* the CLI opens the file itself */

  g_assert_cmpint (run_cli (f->db, &plans, NULL, "list", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (plans, "ID  AÑO   ESTADO    GRUPO"));
  assert_contains (plans, "TÍTULO\n");

  g_assert_cmpint (run_cli (f->db, &sessions, NULL, "list", "sessions", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (sessions, "ID  PLAN  CUÁNDO (ZONA DE ORIGEN)"));
  assert_contains (sessions, "HORA LOCAL");
  assert_contains (sessions, "IDIOMA");
  assert_contains (sessions, "RESPONSABLE");
  assert_contains (sessions, "TEMA\n");
  assert_contains (sessions, "Por confirmar");
  assert_lacks (sessions, "TBC");
  assert_lacks (sessions, "YOUR TIME");

  g_assert_cmpint (run_cli (f->db, &actions, NULL, "list", "actions", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (actions, "ID  PLAN  PLAZO"));
  g_assert_cmpint (run_cli (f->db, &people, NULL, "list", "people", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (people, "ID  NOMBRE"));
  assert_contains (people, "ORGANIZACIÓN");
  assert_contains (people, "ZONA HORARIA");
}

static void
test_cli_import_warnings (void)
{
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "fixtures", "ics-outlook-zones.ics", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!cli_ready ())
    return;
  dir = g_dir_make_tmp ("convene-i18n-XXXXXX", NULL);
  db = g_build_filename (dir, "convene.db", NULL);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_cmpint (run_cli (db, &out, &err, "import", "--dry-run", ics, NULL), ==, 0);
  assert_contains (err, ": aviso: La zona horaria «(UTC+03:00) Nairobi» se lee como Africa/Nairobi: "
                        "conviene comprobar que sea correcto.\n");
  assert_contains (err, ": aviso: Este evento no tiene inicio (DTSTART): su fecha queda por confirmar.\n");
  assert_lacks (err, "warning");
  assert_contains (out, " crearía:\nPlan «");
  assert_contains (out, " sesiones\n");
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
}

static void
test_cli_announce (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *es = NULL;
  g_autofree char *en = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;

  if (!cli_ready ())
    return;
  g_clear_object (&f->store);

  g_assert_cmpint (run_cli (f->db, &es, NULL, "announce", "--session", "2", "--lang", "es", NULL), ==, 0);
  assert_contains (es, "Cuándo: martes, 23 de febrero · 19:00 Londres · 14:00 Nueva York · 22:00 Nairobi\n");
  g_assert_cmpint (run_cli (f->db, &en, NULL, "announce", "--session=2", "--lang=en", NULL), ==, 0);
  assert_contains (en, "When: Tuesday, 23 February · 19:00 London · 14:00 New York · 22:00 Nairobi\n");
  /* Without --lang, the language the CLI runs in. */
  g_assert_cmpint (run_cli (f->db, &mine, NULL, "announce", "-s", "2", NULL), ==, 0);
  g_assert_cmpstr (mine, ==, es);

  g_assert_cmpint (run_cli (f->db, NULL, &err, "announce", "--session", "2", "--lang", "fr", NULL), ==, 2);
  assert_contains (err, "Convene no puede escribir en «fr»");
  g_assert_cmpint (run_cli (f->db, NULL, &err2, "announce", NULL), ==, 2);
  assert_contains (err2, "falta indicar la sesión con --session ID");
  g_assert_cmpint (run_cli (f->db, NULL, &err3, "announce", "--session", "99", NULL), ==, 1);
  assert_contains (err3, "convene-cli announce: ");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *locale_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* The build's catalogues, and a Spanish-speaking member's environment. */
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
  g_setenv ("LANGUAGE", "es", TRUE);
  g_unsetenv ("LC_ALL");
  have_spanish_locale = setlocale (LC_ALL, "es_ES.UTF-8") != NULL;
  convene_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/i18n/catalogue/named-language", test_catalogue_named);
  g_test_add_func ("/i18n/catalogue/normalize", test_catalogue_normalize);
  g_test_add_func ("/i18n/catalogue/user-language", test_catalogue_user);
  g_test_add_func ("/i18n/names/languages", test_language_names);
  g_test_add_func ("/i18n/names/places", test_place_names);
  g_test_add_func ("/i18n/names/enumerations", test_enum_labels);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/i18n/announce/february-es", test_announce_february_es);
  ADD ("/i18n/announce/february-en", test_announce_february_en);
  ADD ("/i18n/announce/offset-and-summer-time", test_announce_offset_and_dst);
  ADD ("/i18n/announce/other-day", test_announce_other_day);
  ADD ("/i18n/announce/unfixed", test_announce_unfixed);
  ADD ("/i18n/announce/languages", test_announce_languages);
  g_test_add_func ("/i18n/announce/seed-000", test_announce_seed);
  g_test_add_func ("/i18n/cli/help", test_cli_help);
  ADD ("/i18n/cli/list", test_cli_list);
  g_test_add_func ("/i18n/cli/import-warnings", test_cli_import_warnings);
  ADD ("/i18n/cli/announce", test_cli_announce);
#undef ADD

  return g_test_run ();
}
