/* The clock of tests/app/xdotool_section_timing.sh: runs the click it is
 * given (an xdotool command), then reads a region of the screen through
 * XGetImage as fast as it can, and prints in milliseconds from just before
 * the click: when the region first changed, and when it last changed before
 * staying still for QUIET_MS (the page drawn in full), and how long the
 * xdotool command ran. The click reached the X server somewhere within
 * that run: the time from the click to the last change lies between
 * "last change" less "xdotool ran", and "last change" (a read every 3 ms or
 * so: to that resolution).
 *
 *   xdotool_section_timing X Y WIDTH HEIGHT QUIET_MS 'xdotool click 1'
 *
 * With the command "xtest" (built with -DHAVE_XTEST -lXtst) it clicks
 * itself, through the XTEST extension, at the pointer: the click has
 * reached the server when XSync returns, so the figures are from the click.
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#ifdef HAVE_XTEST
#include <X11/extensions/XTest.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static uint64_t region_hash(Display* display, int x, int y, int width, int height) {
  XImage* image = XGetImage(display, DefaultRootWindow(display), x, y, (unsigned)width, (unsigned)height,
                            AllPlanes, ZPixmap);
  if (!image) return 0;
  uint64_t hash = 1469598103934665603ULL; /* FNV-1a */
  const size_t bytes = (size_t)image->bytes_per_line * (size_t)image->height;
  for (size_t i = 0; i < bytes; ++i) hash = (hash ^ (unsigned char)image->data[i]) * 1099511628211ULL;
  XDestroyImage(image);
  return hash;
}

int main(int argc, char** argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: %s X Y WIDTH HEIGHT QUIET_MS 'click command'\n", argv[0]);
    return 2;
  }
  const int x = atoi(argv[1]), y = atoi(argv[2]), width = atoi(argv[3]), height = atoi(argv[4]);
  const double quiet = atof(argv[5]);
  Display* display = XOpenDisplay(NULL);
  if (!display) {
    fprintf(stderr, "no display\n");
    return 2;
  }
  uint64_t last = region_hash(display, x, y, width, height);
  const double start = now_ms();
#ifdef HAVE_XTEST
  if (strcmp(argv[6], "xtest") == 0) {
    XTestFakeButtonEvent(display, 1, True, CurrentTime);
    XTestFakeButtonEvent(display, 1, False, CurrentTime);
    /* Then the pointer leaves the window: left on the tree, it brings back
     * the tooltip of a long section title 80 to 130 ms after the click,
     * over the question area, and that was timed as the page changing. */
    XTestFakeMotionEvent(display, -1, DisplayWidth(display, DefaultScreen(display)) - 1,
                         DisplayHeight(display, DefaultScreen(display)) - 1, CurrentTime);
    XSync(display, False);
  } else
#endif
      if (system(argv[6]) != 0) {
    fprintf(stderr, "the click failed: %s\n", argv[6]);
    return 2;
  }
  /* xdotool itself takes 100 ms and more on a busy machine: the click
   * reached the server somewhere between `start` and `clicked`. */
  const double clicked = now_ms() - start;
  double first = -1, changed = -1;
  int reads = 0;
  for (;;) {
    const uint64_t hash = region_hash(display, x, y, width, height);
    const double t = now_ms() - start;
    ++reads;
    if (hash != last) {
      last = hash;
      if (first < 0) first = t;
      changed = t;
    }
    if (changed >= 0 && t - changed > quiet) break;
    if (t > 10000) break;
    /* A pause between reads: each one costs the X server (and so the
     * program measured, on a busy machine) the copy of the region. */
    usleep(3000);
  }
  if (first < 0) {
    printf("no change within 10 s\n");
    return 1;
  }
  printf("xdotool ran %.1f ms, first change %.1f ms, last change %.1f ms (%d reads, one every %.1f ms)\n",
         clicked, first, changed, reads, (changed + quiet) / reads);
  XCloseDisplay(display);
  return 0;
}
