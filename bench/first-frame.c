/* first-frame.c: how long a program takes to show its first frame under X11.
 *
 * Starts a command (or waits for a window someone else starts), and reports
 * the time from just before fork() to the first moment its top-level window
 * is mapped and painted: the window whose title contains --title, with most
 * of a few sampled rows no longer black.  Run the X server with a black root
 * (Xvfb -br), so that a mapped but unpainted window reads as black.
 *
 *   first-frame [OPTION...] -- COMMAND [ARGUMENT...]
 *   first-frame --wait [OPTION...]
 *
 *   --title TEXT     part of the window's title (default "Convene")
 *   --timeout S      give up after S seconds (default 30)
 *   --hold MS        keep the window this long after its first frame (default 0)
 *   --then COMMAND   run COMMAND with /bin/sh while the window is up, with
 *                    WINDOW_ID set (a screenshot, say); its failure fails the run
 *   --wait           start nothing: wait for a window that appears
 *
 * Then it closes the window as a user would (WM_DELETE_WINDOW) and waits for
 * the command to exit, or, with --wait, for the window to go.  Prints
 * "first_frame_ms=N" and "exit_status=N"; exits 0 when a frame was seen and
 * the command (if any) exited 0.  Needs only libX11, so the same file builds
 * on the host and in build-aux/dev's tree.
 */
#define _GNU_SOURCE
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
sleep_ms (double ms)
{
  struct timespec ts = { (time_t) (ms / 1000), (long) ((ms - (time_t) (ms / 1000) * 1000) * 1e6) };

  nanosleep (&ts, NULL);
}

/* A window can go between two requests: that is not an error here. */
static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  (void) display;
  (void) event;
  return 0;
}

static int
title_matches (Display    *display,
               Window      window,
               const char *title)
{
  Atom net_wm_name = XInternAtom (display, "_NET_WM_NAME", False);
  Atom utf8 = XInternAtom (display, "UTF8_STRING", False);
  Atom type;
  int format, found = 0;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  char *name = NULL;

  if (XGetWindowProperty (display, window, net_wm_name, 0, 1024, False, utf8, &type, &format,
                          &n_items, &after, &data) == Success && data != NULL)
    {
      found = strstr ((char *) data, title) != NULL;
      XFree (data);
      if (found)
        return 1;
    }
  if (XFetchName (display, window, &name) && name != NULL)
    {
      found = strstr (name, title) != NULL;
      XFree (name);
    }
  return found;
}

/* A mapped top-level window with the title; there is no window manager, so
 * top-level windows are the root's own children. */
static Window
find_window (Display    *display,
             const char *title,
             int        *width,
             int        *height)
{
  Window root_return, parent, *children = NULL, found = None;
  unsigned int n = 0;

  if (!XQueryTree (display, DefaultRootWindow (display), &root_return, &parent, &children, &n))
    return None;
  for (unsigned int i = n; i-- > 0 && found == None;)
    {
      XWindowAttributes attributes;

      if (!XGetWindowAttributes (display, children[i], &attributes) ||
          attributes.map_state != IsViewable || attributes.width < 100 || attributes.height < 100)
        continue;
      if (title_matches (display, children[i], title))
        {
          found = children[i];
          *width = attributes.width;
          *height = attributes.height;
        }
    }
  if (children != NULL)
    XFree (children);
  return found;
}

/* Painted: more than half of eight sampled rows is not black. */
static int
is_painted (Display *display,
            Window   window,
            int      width,
            int      height)
{
  long lit = 0, total = 0;

  for (int r = 0; r < 8; r++)
    {
      int y = height * (2 * r + 1) / 16;
      XImage *image = XGetImage (display, window, 0, y, width, 1, AllPlanes, ZPixmap);

      if (image == NULL)
        return 0;
      for (int x = 0; x < width; x++)
        {
          total++;
          if ((XGetPixel (image, x, 0) & 0xffffff) != 0)
            lit++;
        }
      XDestroyImage (image);
    }
  return total > 0 && lit * 2 > total;
}

static void
close_window (Display *display,
              Window   window)
{
  XEvent event = { 0 };

  event.xclient.type = ClientMessage;
  event.xclient.window = window;
  event.xclient.message_type = XInternAtom (display, "WM_PROTOCOLS", False);
  event.xclient.format = 32;
  event.xclient.data.l[0] = XInternAtom (display, "WM_DELETE_WINDOW", False);
  event.xclient.data.l[1] = CurrentTime;
  XSendEvent (display, window, False, NoEventMask, &event);
  XFlush (display);
}

static int
window_exists (Display *display,
               Window   window)
{
  XWindowAttributes attributes;

  return XGetWindowAttributes (display, window, &attributes) && attributes.map_state == IsViewable;
}

/* Waits up to ms for the child; returns its wait status, or -1. */
static int
wait_child (pid_t  child,
            double ms)
{
  double until = now_ms () + ms;
  int status;

  while (now_ms () < until)
    {
      pid_t done = waitpid (child, &status, WNOHANG);

      if (done == child)
        return status;
      if (done < 0 && errno != EINTR)
        return -1;
      sleep_ms (5);
    }
  return -1;
}

int
main (int   argc,
      char *argv[])
{
  const char *title = "Convene", *then = NULL;
  double timeout_s = 30, hold_ms = 0, started, frame_at = -1;
  int wait_only = 0, width = 0, height = 0, i, ok = 1;
  Window window = None;
  pid_t child = -1;
  Display *display;

  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        {
          i++;
          break;
        }
      else if (strcmp (argv[i], "--title") == 0 && i + 1 < argc)
        title = argv[++i];
      else if (strcmp (argv[i], "--timeout") == 0 && i + 1 < argc)
        timeout_s = atof (argv[++i]);
      else if (strcmp (argv[i], "--hold") == 0 && i + 1 < argc)
        hold_ms = atof (argv[++i]);
      else if (strcmp (argv[i], "--then") == 0 && i + 1 < argc)
        then = argv[++i];
      else if (strcmp (argv[i], "--wait") == 0)
        wait_only = 1;
      else
        {
          fprintf (stderr, "usage: first-frame [--title T] [--timeout S] [--hold MS] [--then CMD] "
                           "(--wait | -- COMMAND...)\n");
          return 2;
        }
    }
  if (!wait_only && i >= argc)
    {
      fprintf (stderr, "first-frame: no command to run (or --wait)\n");
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "first-frame: cannot open the display %s\n", getenv ("DISPLAY") ? getenv ("DISPLAY") : "(unset)");
      return 2;
    }
  XSetErrorHandler (ignore_x_error);

  started = now_ms ();
  if (!wait_only)
    {
      child = fork ();
      if (child == 0)
        {
          setpgid (0, 0);
          execvp (argv[i], argv + i);
          fprintf (stderr, "first-frame: cannot run %s: %s\n", argv[i], strerror (errno));
          _exit (127);
        }
      setpgid (child, child);
    }

  while (now_ms () - started < timeout_s * 1000)
    {
      int status;

      if (window == None)
        window = find_window (display, title, &width, &height);
      if (window != None && is_painted (display, window, width, height))
        {
          frame_at = now_ms ();
          break;
        }
      if (window != None && !window_exists (display, window))
        window = None;
      if (child > 0 && waitpid (child, &status, WNOHANG) == child)
        {
          fprintf (stderr, "first-frame: %s exited before its first frame (status %d)\n",
                   argv[i], WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status));
          printf ("exit_status=%d\n", WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status));
          return 1;
        }
      sleep_ms (2);
    }

  if (frame_at < 0)
    {
      fprintf (stderr, "first-frame: no painted window titled \"%s\" within %.0f s\n", title, timeout_s);
      ok = 0;
    }
  else
    {
      printf ("first_frame_ms=%.1f\n", frame_at - started);
      fflush (stdout);
      if (hold_ms > 0)
        sleep_ms (hold_ms);
      if (then != NULL)
        {
          char id[32];
          int rc;

          snprintf (id, sizeof id, "0x%lx", (unsigned long) window);
          setenv ("WINDOW_ID", id, 1);
          rc = system (then);
          if (rc != 0)
            {
              fprintf (stderr, "first-frame: \"%s\" failed (%d)\n", then, rc);
              ok = 0;
            }
        }
      close_window (display, window);
    }

  if (child > 0)
    {
      int status = wait_child (child, 15000);

      if (status == -1)
        {
          fprintf (stderr, "first-frame: the command did not exit after its window was closed\n");
          kill (-child, SIGTERM);
          status = wait_child (child, 5000);
          if (status == -1)
            {
              kill (-child, SIGKILL);
              status = wait_child (child, 5000);
            }
          ok = 0;
        }
      if (status != -1)
        {
          int code = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);

          printf ("exit_status=%d\n", code);
          if (code != 0)
            ok = 0;
        }
    }
  else if (window != None)
    {
      double until = now_ms () + 15000;

      while (window_exists (display, window) && now_ms () < until)
        sleep_ms (10);
      if (window_exists (display, window))
        {
          fprintf (stderr, "first-frame: the window did not close\n");
          ok = 0;
        }
    }

  XCloseDisplay (display);
  return ok ? 0 : 1;
}
