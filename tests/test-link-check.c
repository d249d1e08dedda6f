/* test-link-check.c: checking a resource's link against a libsoup server
 * on 127.0.0.1: its status, its redirects (followed, counted, a loop named),
 * its page's title (from the head of the page only, in its own charset,
 * character references decoded), the failures, and `convene-cli link check`. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "convene-test-server.h"
#include "sync/convene-link-check.h"
#include "sync/convene-http.h"

typedef struct {
  ConveneTestServer *server;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->server = convene_test_server_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_test_server_free (f->server);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static ConveneLinkReport *
check (Fixture       *f,
       const char    *path,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autofree char *url = convene_test_server_url (f->server, path);
  g_autoptr(GAsyncResult) result = NULL;

  convene_link_check_async (url, cancellable, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return convene_link_check_finish (result, error);
}

static void
test_title (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = check (f, "/page.html", NULL, &error);
  g_autofree char *status = NULL;

  g_assert_no_error (error);
  g_assert_true (convene_link_report_is_ok (report));
  status = convene_link_report_dup_status (report);
  g_assert_cmpstr (status, ==, "200 OK");
  g_assert_cmpuint (report->n_redirects, ==, 0);
  /* Spread over lines, in upper case, with references: one clean line. */
  g_assert_cmpstr (report->title, ==, "Open Data & Cities \u2014 Caf\u00e9 Guide");
}

static void
test_charset (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = check (f, "/latin1.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (report->title, ==, "Caf\u00e9 Ma\u00f1ana");
}

/* Only the head of a 50 MB page is read: enough for its title. */
static void
test_huge_page (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = check (f, "/huge-page.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (convene_link_report_is_ok (report));
  g_assert_cmpstr (report->title, ==, "A very long page");
}

static void
test_redirects (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = check (f, "/to/to/page.html", NULL, &error);
  g_autofree char *final = convene_test_server_url (f->server, "/page.html");

  g_assert_no_error (error);
  g_assert_cmpuint (report->n_redirects, ==, 2);
  g_assert_cmpstr (report->final_url, ==, final);
  g_assert_nonnull (report->title);
}

static void
test_redirect_loop (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = check (f, "/loop/a", NULL, &error);

  g_assert_null (report);
  g_assert_error (error, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_REDIRECT_LOOP);
  g_assert_nonnull (strstr (error->message, "/loop/a"));
}

static void
test_too_many_redirects (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = NULL;

  for (guint i = 0; i <= CONVENE_HTTP_MAX_REDIRECTS; i++)
    g_string_append (path, "/to");
  g_string_append (path, "/page.html");
  report = check (f, path->str, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TOO_MANY_REDIRECTS);

  /* One fewer is followed to its end. */
  g_clear_error (&error);
  g_string_erase (path, 0, strlen ("/to"));
  report = check (f, path->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_redirects, ==, CONVENE_HTTP_MAX_REDIRECTS);
}

/* An error status is an answer about the link, not a failure to check it. */
static void
test_error_status (Fixture       *f,
                   gconstpointer  data)
{
  const struct { const char *path; const char *status; } cases[] = {
    { "/status/404", "404 Not Found" },
    { "/status/500", "500 Internal Server Error" },
    { "/to/status/404", "404 Not Found" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConveneLinkReport) report = check (f, cases[i].path, NULL, &error);
      g_autofree char *status = NULL;

      g_assert_no_error (error);
      g_assert_false (convene_link_report_is_ok (report));
      status = convene_link_report_dup_status (report);
      g_assert_cmpstr (status, ==, cases[i].status);
      g_assert_null (report->title);
    }
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = check (f, "/slow", NULL, &error);

  g_assert_null (report);
  g_assert_error (error, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

static gboolean
cancel_when_seen_cb (gpointer user_data)
{
  Fixture *f = g_object_get_data (user_data, "fixture");

  if (f->server->slow_seen == 0)
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = NULL;

  g_object_set_data (G_OBJECT (cancellable), "fixture", f);
  g_idle_add (cancel_when_seen_cb, cancellable);
  report = check (f, "/slow", cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = NULL;

  /* Port 1 on the loopback: nothing listens there. */
  convene_link_check_async ("http://127.0.0.1:1/", NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = convene_link_check_finish (result, &error);
  g_assert_null (report);
  g_assert_error (error, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "refused"));
}

/* A self-signed certificate, made with openssl for the test; NULL (and
 * the test skipped) without openssl. */
static GTlsCertificate *
make_certificate (const char *dir)
{
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  const char *argv[] = { openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                         "-subj", "/CN=convene.test", "-keyout", key, "-out", cert, NULL };
  int status = -1;
  GTlsCertificate *certificate;

  if (openssl == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  g_remove (cert);
  g_remove (key);
  return certificate;
}

/* A certificate this computer does not trust: said plainly, and why. */
static void
test_untrusted_certificate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("convene-tls-XXXXXX", NULL);
  g_autoptr(GTlsCertificate) certificate = make_certificate (dir);
  g_autoptr(ConveneTestServer) server = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneLinkReport) report = NULL;

  g_rmdir (dir);
  if (certificate == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to serve");
      return;
    }
  server = convene_test_server_new_tls (certificate);
  url = convene_test_server_url (server, "/page.html");
  g_assert_true (g_str_has_prefix (url, "https://"));
  convene_link_check_async (url, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = convene_link_check_finish (result, &error);
  g_assert_null (report);
  g_assert_error (error, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TLS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "cannot be trusted"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

static void
test_find_title (void)
{
  const struct { const char *html; const char *title; } cases[] = {
    { "<html><head></head></html>", NULL },
    { "<titles>no</titles>", NULL },
    { "<title lang=\"es\">Plan de acci&oacute;n &amp; m&#225;s</title>", "Plan de acci\u00f3n & m\u00e1s" },
    /* the named references of every HTML page, not only the XML five */
    { "<title>Datos abiertos &ndash; Espa&ntilde;a &mdash; M&eacute;xico&hellip; &laquo;Gu&iacute;a&raquo;</title>",
      "Datos abiertos \u2013 Espa\u00f1a \u2014 M\u00e9xico\u2026 \u00abGu\u00eda\u00bb" },
    { "<title>Caf&eacute;&nbsp;&amp;&nbsp;Co</title>", "Caf\u00e9\u00a0&\u00a0Co" },
    { "<title>A &lt; B &gt; C &quot;D&quot; &apos;E&apos;</title>", "A < B > C \"D\" 'E'" },
    /* an unknown name is left as written */
    { "<title>Fish &chips; &amp; peas</title>", "Fish &chips; & peas" },
    { "<title>   </title>", NULL },
    { "<title>Unclosed", NULL },
    { "<head><meta charset=\"windows-1252\"><title>\x93Quoted\x94</title>", "\u201cQuoted\u201d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = convene_link_find_title (cases[i].html, strlen (cases[i].html), NULL);

      g_assert_cmpstr (title, ==, cases[i].title);
    }

  /* A reference to no character gives no character of its own (the HTML
   * parser drops it or writes U+FFFD, by version), and the rest is kept. */
  {
    const char *bad = "<title>Bad &#xD800; &#99999999; kept</title>";
    g_autofree char *title = convene_link_find_title (bad, strlen (bad), NULL);

    g_assert_nonnull (title);
    g_assert_true (g_utf8_validate (title, -1, NULL));
    g_assert_true (g_str_has_prefix (title, "Bad "));
    g_assert_true (g_str_has_suffix (title, " kept"));
    g_assert_null (strstr (title, "D800"));
  }
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *page = convene_test_server_url (f->server, "/to/page.html");
  g_autofree char *final = convene_test_server_url (f->server, "/page.html");
  g_autofree char *missing = convene_test_server_url (f->server, "/status/404");
  g_autofree char *loop = convene_test_server_url (f->server, "/loop/a");
  g_autofree char *slow = convene_test_server_url (f->server, "/slow");
  g_autofree char *db = g_build_filename (g_get_tmp_dir (), "convene-link-check-unused.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *leads = NULL;

  g_assert_cmpint (convene_test_run_cli (db, &out, &err, "link", "check", page, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Status: 200 OK"));
  leads = g_strdup_printf ("Leads to: %s (1 redirect)", final);
  g_assert_nonnull (strstr (out, leads));
  g_assert_nonnull (strstr (out, "Title: Open Data & Cities \u2014 Caf\u00e9 Guide"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (convene_test_run_cli (db, &out, &err, "link", "check", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Status: 404 Not Found"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (convene_test_run_cli (db, &out, &err, "link", "check", loop, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "loop"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (convene_test_run_cli (db, &out, &err, "link", "check", slow, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "did not answer"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (convene_test_run_cli (db, &out, &err, "link", "check", "mailto:a@example.org", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a web address"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (convene_test_run_cli (db, &out, &err, "link", NULL), ==, 2);
  /* Checking a link writes no database. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("CONVENE_HTTP_TIMEOUT", "1", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/link-check/title", test_title);
  ADD ("/link-check/charset", test_charset);
  ADD ("/link-check/huge-page", test_huge_page);
  ADD ("/link-check/redirects", test_redirects);
  ADD ("/link-check/redirect-loop", test_redirect_loop);
  ADD ("/link-check/too-many-redirects", test_too_many_redirects);
  ADD ("/link-check/error-status", test_error_status);
  ADD ("/link-check/timeout", test_timeout);
  ADD ("/link-check/cancelled", test_cancelled);
  ADD ("/link-check/unreachable", test_unreachable);
  ADD ("/link-check/cli", test_cli);
#undef ADD
  g_test_add_func ("/link-check/find-title", test_find_title);
  g_test_add_func ("/link-check/untrusted-certificate", test_untrusted_certificate);
  return g_test_run ();
}
