/*
 * The curses side of the TUI: start the screen only on the interactive
 * path, feed keys, mouse clicks and the clock to the app model, copy its
 * grid to the screen at a capped frame rate, and always give the terminal
 * back as it was (on q, on SIGINT/SIGTERM/SIGHUP, on a fatal error).
 */
#include "tui/tui.h"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

#include "lesson/catalog.h"
#include "tui/app.h"
#include "tui/blit.h"
#include "tui/theme.h"

/* At most this many frames per second: key repeat and animations are
 * coalesced instead of flooding a slow terminal (or a classroom
 * projector over ssh). */
#define MAX_FPS 30
/* Even with nothing to do, look at the signal flag this often. */
#define IDLE_POLL_MS 250

/* The signal that asked us to stop; set by the handler, read by the
 * loop. The only thing an async-signal-safe handler may do. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

/* Our own handlers, installed before newterm() so that ncurses (which
 * only takes over signals left at their defaults) leaves them to us: its
 * handler would exit without letting nnlab restore and clean up. No
 * SA_RESTART, so a blocking read returns and the loop sees the flag. */
static void signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

/* Curses needs a real terminal on both ends and a TERM it can drive. */
static int terminal_usable(FILE *err)
{
    const char *term = getenv("TERM");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(err, "nnlab: not a terminal; use --batch for plain text\n");
        return 0;
    }
    if (!term || !*term || strcmp(term, "dumb") == 0) {
        fprintf(err,
                "nnlab: TERM is %s; the screen needs a real terminal "
                "(use --batch for plain text)\n",
                term && *term ? term : "not set");
        return 0;
    }
    return 1;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Open the lesson named on the command line (or the --lesson file).
 * Returns 0, or the exit status after a message: 1 when the file did not
 * load, 2 (usage) when there is no such lesson. */
static int open_requested(struct app *a, const struct options *o)
{
    if (o->load_file || o->save_file) {
        /* --load opens the training screen with that network, and so
         * does --save alone; a bad file stops here, before the terminal
         * is taken. */
        char msg[1024];
        int open = !o->topic && !a->lesson_file;
        if (train_view_start_options(a, o->load_file, o->save_file, open, msg,
                                     sizeof msg) != 0) {
            fprintf(stderr, "nnlab: %s\n", msg);
            return 1;
        }
        if (o->load_file || open)
            return 0;
    }
    if (a->lesson_file) {
        const struct app_lesson *f = &a->lessons[a->n_lessons - 1];
        if (!f->lesson) {
            fprintf(stderr, "nnlab: %s\n", f->error);
            return 1;
        }
        if (!o->topic) {
            app_open_lesson(a, a->n_lessons - 1);
            return 0;
        }
    }
    if (!o->topic)
        return 0;
    for (int i = 0; i < a->n_lessons; i++) {
        if (strcmp(a->lessons[i].id, o->topic) == 0) {
            app_open_lesson(a, i);
            return 0;
        }
    }
    fprintf(stderr,
            "nnlab: '%s' is not a lesson (gates, activations, "
            "forward, backprop, descent, mnist)\n",
            o->topic);
    return 2;
}

struct screen {
    SCREEN *scr;
    struct rgrid grid;      /* the size of the terminal */
    struct theme themes[2]; /* everyday, and demo (high contrast) */
    struct blit_palette palette;
    int color_level;  /* 256, 8 or 0 */
    int palette_demo; /* which theme the palette holds */
    int utf8;
    int mouse_drag; /* button-event tracking (1002) is on */
};

static int themes_load(struct screen *s)
{
    static const char *const names[2] = {"default", "contrast"};
    char err[512];
    for (int i = 0; i < 2; i++) {
        if (theme_load(&s->themes[i], names[i], err, sizeof err) != 0) {
            fprintf(stderr, "nnlab: %s\n", err);
            return -1;
        }
    }
    return 0;
}

/* A control string for the terminal, sent at once. ncurses keeps its own
 * output buffer, written out at each doupdate(); putp() goes to stdio's
 * stdout buffer instead, which nothing would flush before nnlab exits
 * (after endwin). Called only where ncurses has nothing pending: at start
 * (before the first frame), after a key was read, and before endwin. */
static void screen_put(const char *seq)
{
    putp(seq);
    fflush(stdout);
}

/* Make the terminal's scrolling region the whole screen again. ncurses
 * sets it (csr) to the height it reads when it starts, and not again
 * after a resize. When that height was not the terminal's (a window
 * resized just as nnlab started: the emulator already has its new size,
 * the pty still reports the old one until SIGWINCH), the region stays
 * at the old height: everything below it stops scrolling, lines are
 * drawn on top of each other, and after nnlab exits the shell's line
 * feeds at the bottom do nothing (its next prompt overwrites the output).
 * Called at each resize. csr moves the cursor on most terminals, so the
 * next frame is a full repaint from a known position. */
static void screen_region_reset(void)
{
    char *csr = tigetstr("csr");
    if (!csr || csr == (char *)-1)
        return; /* no scrolling region to fix */
    screen_put(tiparm(csr, 0, LINES - 1));
    clearok(curscr, TRUE);
}

static int screen_start(struct screen *s, enum color_mode color, int demo)
{
    s->scr = newterm(NULL, stdout, stdin);
    if (!s->scr)
        return -1;
    /* Esc closes overlays at once instead of after a second. A slow link
     * (or a loaded machine) can split a key's escape sequence; ESCDELAY
     * in the environment, in milliseconds, waits longer, as in ncurses. */
    const char *delay = getenv("ESCDELAY");
    int ms = delay ? atoi(delay) : 0;
    set_escdelay(ms > 0 && ms <= 10000 ? ms : 25);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED |
                  BUTTON5_PRESSED | REPORT_MOUSE_POSITION,
              NULL);
    mouseinterval(0);
    /* Button-event tracking: motion is reported only while a button is
     * held, which is a drag (drawing a digit), never a mere hover. Only
     * where ncurses reads mouse reports at all: a terminal without them
     * (vt100) would see the reports as keys. */
    s->mouse_drag = has_mouse();
    if (s->mouse_drag)
        screen_put("\033[?1002h");
    /* COLORS is only known after start_color(), which must not run when
     * colour is off: ask terminfo instead. */
    int n_colors = tigetnum("colors");
    s->color_level = theme_color_level(color, getenv("NO_COLOR"), has_colors(),
                                       n_colors > 0 ? n_colors : 0);
    if (s->color_level > 0) {
        start_color();
        /* Keep the terminal's own background where the theme says "-". */
        use_default_colors();
    }
    s->palette_demo = demo;
    blit_palette_init(&s->palette, &s->themes[demo], s->color_level);
    return 0;
}

static void screen_stop(struct screen *s)
{
    /* Turn off the mouse reporting we turned on; endwin alone may leave
     * the terminal sending mouse sequences to the shell. */
    if (s->mouse_drag)
        screen_put("\033[?1002l");
    mousemask(0, NULL);
    endwin();
    delscreen(s->scr);
    if (s->grid.cells)
        rgrid_fini(&s->grid);
}

/* Draw one frame: erase, copy the grid, one doupdate (no flicker). */
static int screen_draw(struct screen *s, struct app *a)
{
    int w = COLS, h = LINES;
    if (w <= 0 || h <= 0)
        return 0; /* nothing to draw on */
    if (!s->grid.cells || s->grid.w != w || s->grid.h != h) {
        if (s->grid.cells)
            rgrid_fini(&s->grid);
        s->grid.cells = NULL;
        if (rgrid_init(&s->grid, w, h) != 0)
            return -1;
    }
    if (a->demo != s->palette_demo) {
        s->palette_demo = a->demo;
        blit_palette_init(&s->palette, &s->themes[a->demo], s->color_level);
    }
    app_draw(a, &s->grid);
    blit_grid(stdscr, &s->grid, &s->palette, s->utf8);
    wnoutrefresh(stdscr);
    doupdate();
    return 0;
}

static void handle_mouse(struct app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    if (ev.bstate & BUTTON1_PRESSED)
        app_click(a, ev.x, ev.y);
    else if (ev.bstate & REPORT_MOUSE_POSITION)
        app_drag(a, ev.x, ev.y);
    else if (ev.bstate & BUTTON4_PRESSED)
        app_action(a, ACT_UP, 0);
    else if (ev.bstate & BUTTON5_PRESSED)
        app_action(a, ACT_DOWN, 0);
}

/* The loop: wait for a key, the demo timer or the next allowed frame. */
static int run_loop(struct screen *s, struct app *a, char *fatal,
                    size_t fatal_len)
{
    const double frame = 1.0 / MAX_FPS;
    double last_frame = -1;
    int dirty = 1;
    while (!a->quit && !stop_signal) {
        double now = now_seconds();
        if (app_tick(a, now))
            dirty = 1;
        double wait = app_timeout(a);
        if (dirty) {
            double since = now - last_frame;
            if (last_frame < 0 || since >= frame) {
                if (screen_draw(s, a) != 0) {
                    snprintf(fatal, fatal_len, "out of memory");
                    return -1;
                }
                last_frame = now;
                dirty = 0;
            } else if (wait < 0 || frame - since < wait) {
                wait = frame - since;
            }
        }
        int ms = wait < 0 ? IDLE_POLL_MS : (int)(wait * 1000.0) + 1;
        wtimeout(stdscr, ms < IDLE_POLL_MS ? ms : IDLE_POLL_MS);
        int ch = wgetch(stdscr);
        if (ch == ERR)
            continue;
        a->now = now_seconds();
        dirty = 1;
        if (ch == KEY_RESIZE) {
            screen_region_reset();
            continue; /* next frame is drawn at the new size */
        }
        if (ch == KEY_MOUSE) {
            handle_mouse(a);
            continue;
        }
        if (app_key(a, ch))
            continue; /* the screen's input line took it */
        int arg;
        enum tui_action act = keys_lookup(ch, app_key_mode(a), &arg);
        if (act == ACT_REDRAW)
            clearok(curscr, TRUE);
        app_action(a, act, arg);
    }
    return 0;
}

int tui_run(const struct options *o)
{
    if (!terminal_usable(stderr))
        return 1;
    struct screen s;
    memset(&s, 0, sizeof s);
    /* Non-UTF-8 locales get ASCII glyphs (and '?' for other text). */
    s.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    if (themes_load(&s) != 0)
        return 1;
    struct app a;
    enum tui_lang lang = text_lang_from_code(catalog_lang(o->lang));
    if (app_init(&a, o, lang, s.utf8) != 0) {
        fprintf(stderr, "nnlab: out of memory\n");
        return 1;
    }
    app_load_lessons(&a);
    int status = open_requested(&a, o);
    if (status != 0) {
        app_fini(&a);
        return status;
    }

    signals_install();
    if (screen_start(&s, o->color, o->demo ? 1 : 0) != 0) {
        fprintf(stderr, "nnlab: cannot start the screen for TERM=%s\n",
                getenv("TERM"));
        app_fini(&a);
        return 1;
    }
    char fatal[256] = "";
    status = run_loop(&s, &a, fatal, sizeof fatal) == 0 ? 0 : 1;
    screen_stop(&s);
    app_fini(&a);
    /* Messages only once the terminal is back to normal. */
    if (fatal[0])
        fprintf(stderr, "nnlab: %s\n", fatal);
    if (stop_signal) {
        /* Die of the signal, as the parent shell expects. */
        int sig = stop_signal;
        signal(sig, SIG_DFL);
        raise(sig);
    }
    return status;
}
