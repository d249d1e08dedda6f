/* fuzz-replay.c: runs a fuzz target over the files of its corpus, without
 * libFuzzer.  Compilers other than clang build the targets with this main,
 * so every build checks the seed corpus, and a crash found by the fuzzer
 * can be replayed under a debugger: fuzz-time-expr-replay FILE-OR-FOLDER... */
#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
/* Optional, as with libFuzzer. */
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv) __attribute__ ((weak));

static int
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  int failed = 0, count = 0;

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          failed += replay_file (argv[i]);
          count++;
          continue;
        }
      dir = g_dir_open (argv[i], 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);

          failed += replay_file (path);
          count++;
        }
    }

  g_print ("%d inputs replayed\n", count);
  return failed == 0 && count > 0 ? 0 : 1;
}
