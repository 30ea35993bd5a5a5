/*
 * The `?` help overlay, generated from the key table: one line per action
 * with every key bound to it in the current mode.
 */
#ifndef TUI_HELP_H
#define TUI_HELP_H

#include "render/grid.h"

struct app;

/* Draw the help box centred over whatever g holds. */
void help_draw(const struct app *a, struct rgrid *g);

#endif
