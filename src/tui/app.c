/*
 * The curses application: start the screen only on the interactive path,
 * run the key loop, and always give the terminal back as it was.
 */
#include "tui/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

/* Curses needs a real terminal on both ends and a TERM it can drive. */
static int terminal_usable(FILE *err)
{
    const char *term = getenv("TERM");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(err, "nnlab: not a terminal; use --batch for plain text\n");
        return 0;
    }
    if (!term || !*term || strcmp(term, "dumb") == 0) {
        fprintf(err, "nnlab: TERM is %s; the screen needs a real terminal "
                     "(use --batch for plain text)\n",
                term && *term ? term : "not set");
        return 0;
    }
    return 1;
}

static void draw(void)
{
    erase();
    mvprintw(1, 2, "nnlab %s", NNLAB_VERSION);
    mvprintw(3, 2, "See how a neural network learns.");
    mvprintw(LINES - 1, 0, "q quit");
    wnoutrefresh(stdscr);
    doupdate();
}

int tui_run(const struct options *o)
{
    (void)o;
    if (!terminal_usable(stderr))
        return 1;
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        fprintf(stderr, "nnlab: cannot start the screen for TERM=%s\n",
                getenv("TERM"));
        return 1;
    }
    set_escdelay(25);
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    draw();
    for (;;) {
        int ch = getch();
        if (ch == 'q' || ch == 'Q')
            break;
        draw();
    }
    endwin();
    delscreen(scr);
    return 0;
}
