/*
 * Copying a cell grid to a curses window: each semantic style becomes the
 * colour pair and attributes of the theme, at the colour level the
 * terminal (and --color, NO_COLOR) allows.
 */
#ifndef TUI_BLIT_H
#define TUI_BLIT_H

#include <curses.h>

#include "render/grid.h"
#include "tui/theme.h"

struct blit_palette {
    attr_t attr[RS_COUNT];
    short pair[RS_COUNT];
};

/* Set up colour pairs for theme t at level 256, 8 or 0 (monochrome: the
 * theme's mono attributes only). Call after the screen has started (and
 * start_color() when level > 0); may be called again to switch themes. */
void blit_palette_init(struct blit_palette *p, const struct theme *t,
                       int level);

/* Draw g at the top-left of win (same size), cell by cell. Without a
 * UTF-8 locale, characters beyond ASCII show as '?'. */
void blit_grid(WINDOW *win, const struct rgrid *g, const struct blit_palette *p,
               int utf8);

#endif
