/*
 * The terminal front end. The only part of nnlab that includes curses.
 */
#ifndef TUI_TUI_H
#define TUI_TUI_H

#include "cli/options.h"

/* Run the interactive program until the user quits. Returns the process
 * exit status. The terminal is restored before returning. */
int tui_run(const struct options *o);

#endif
