/*
 * Colour themes: how each semantic style of the cell grid (RS_*) looks on
 * a 256-colour, an 8-colour and a monochrome terminal. Themes are files
 * in assets/themes/ (format in assets/themes/README); the default theme,
 * and a high-contrast one for projectors used by --demo.
 */
#ifndef TUI_THEME_H
#define TUI_THEME_H

#include <stdio.h>

#include "cli/options.h"
#include "render/grid.h"

/* Attribute bits of a theme (mapped to curses attributes when applied). */
enum theme_attr {
    TA_BOLD = 1,
    TA_DIM = 2,
    TA_REVERSE = 4,
    TA_UNDERLINE = 8,
};

/* One style: colours are terminal colour numbers, -1 for the terminal's
 * default (for bg: the normal style's background). */
struct theme_style {
    short fg256, bg256, fg8, bg8;
    unsigned attrs; /* with colour */
    unsigned mono;  /* without colour */
};

struct theme {
    struct theme_style s[RS_COUNT];
};

/* Parse a theme file. Every style must be given once. Returns 0, or -1
 * with "name:line: message" in err. */
int theme_parse(struct theme *t, FILE *f, const char *name, char *err,
                size_t err_len);
/* Load assets/themes/<name>.theme. Returns 0 or -1 with a message. */
int theme_load(struct theme *t, const char *name, char *err, size_t err_len);

/* How many colours to use: 256, 8 or 0 (monochrome). --color=never and a
 * non-empty NO_COLOR (under --color=auto) mean 0; a terminal without
 * colour means 0 whatever the option says. */
int theme_color_level(enum color_mode mode, const char *no_color,
                      int has_colors, int n_colors);

#endif
