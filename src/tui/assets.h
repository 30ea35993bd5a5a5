/*
 * Static files of the screen (title banner, colour themes) from assets/:
 * in the source tree when nnlab runs from its build directory, else where
 * `meson install` put them.
 */
#ifndef TUI_ASSETS_H
#define TUI_ASSETS_H

#include <stdio.h>

/* Open assets/<name> for reading, or NULL when it is in neither place. */
FILE *assets_open(const char *name);

/* Read assets/<name> as lines (newlines removed) into a heap array of
 * heap strings; free with assets_free_lines(). Returns 0, or -1 when the
 * file is missing or memory runs out (*lines NULL, *n 0). */
int assets_read_lines(const char *name, char ***lines, int *n);
void assets_free_lines(char **lines, int n);

#endif
