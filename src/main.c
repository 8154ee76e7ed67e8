/* main.c — one binary: the command line when a command is named, else the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include <glib/gi18n.h>

#include "cocrea-application.h"
#include "cocrea-cli.h"

/* The folder holding this executable, so an uninstalled build finds its
 * translations, settings schema and guide without any environment set up. */
static char *
executable_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  return exe != NULL ? g_path_get_dirname (exe) : NULL;
}

static void
setup_uninstalled (void)
{
  g_autofree char *dir = executable_dir ();
  g_autofree char *mo = NULL;
  g_autofree char *schemas = NULL;

  if (dir == NULL)
    return;

  mo = g_build_filename (dir, "..", "po", "es", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (g_getenv ("COCREA_LOCALEDIR") == NULL && g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_autofree char *po = g_build_filename (dir, "..", "po", NULL);
      g_autofree char *canonical = g_canonicalize_filename (po, NULL);
      g_setenv ("COCREA_LOCALEDIR", canonical, TRUE);
    }

  /* The guide in the first of the user's languages that the build has
   * (help/es, then help/C): F1 shows it without an install. */
  for (const char * const *lang = g_get_language_names (); *lang != NULL; lang++)
    {
      g_autofree char *page = g_build_filename (dir, "..", "help", *lang, "index.page", NULL);

      if (g_getenv ("COCREA_HELP_DIR") == NULL && g_file_test (page, G_FILE_TEST_EXISTS))
        {
          g_autofree char *help = g_build_filename (dir, "..", "help", *lang, NULL);
          g_autofree char *canonical = g_canonicalize_filename (help, NULL);
          g_setenv ("COCREA_HELP_DIR", canonical, TRUE);
        }
    }

  schemas = g_build_filename (dir, "..", "data", "gschemas.compiled", NULL);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL && g_file_test (schemas, G_FILE_TEST_EXISTS))
    {
      g_autofree char *data = g_build_filename (dir, "..", "data", NULL);
      g_autofree char *canonical = g_canonicalize_filename (data, NULL);
      g_setenv ("GSETTINGS_SCHEMA_DIR", canonical, TRUE);
    }
}

/*
 * plenary_request:
 * Whether the arguments are `FILE --plenary` (in either order): the
 * projector view. Sets *path to the file, or to NULL when there is not
 * exactly one.
 */
static gboolean
plenary_request (int argc, char *argv[], const char **path)
{
  gboolean plenary = FALSE;
  guint files = 0;

  *path = NULL;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--plenary"))
        plenary = TRUE;
      else if (argv[i][0] != '-' && files++ == 0)
        *path = argv[i];
    }
  if (files != 1)
    *path = NULL;
  return plenary;
}

/* TRUE when the environment variable @name is set to something. */
static gboolean
names_a_display (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0';
}

int
main (int argc, char *argv[])
{
  g_autoptr (CocreaApplication) app = NULL;
  const char *plenary_path = NULL;
  const char *localedir;

  setup_uninstalled ();

  setlocale (LC_ALL, "");
  localedir = g_getenv ("COCREA_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (plenary_request (argc, argv, &plenary_path))
    {
      if (plenary_path == NULL)
        {
          g_printerr ("cocrea: %s\n", _("--plenary shows one process: cocrea FILE --plenary"));
          return 2;
        }
      app = cocrea_application_new ();
      return cocrea_application_run_plenary (app, argv[0], plenary_path);
    }

  if (cocrea_cli_handles (argc, argv))
    return cocrea_cli_run (argc, argv);

  /* The window needs a display. Without one (a remote shell, a script) say
   * so in the user's language, instead of GTK's English "cannot open
   * display" (issue 10, class 9). Only the environment is read: opening
   * the display here, before the application registers, would race a
   * display server that is still starting (the accessibility test's). */
  if (!names_a_display ("DISPLAY") && !names_a_display ("WAYLAND_DISPLAY"))
    {
      g_printerr ("%s\n", _("cocrea: the window cannot open: there is no display here. A command "
                            "works without one, for example “cocrea info FILE”; try “cocrea "
                            "--help”."));
      return 1;
    }

  app = cocrea_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
