/*
 * Helpers shared by the render suites: a grid as one string, and a grid
 * row as a string, so tests compare what --batch would print.
 */
#ifndef TESTS_RENDER_HELPERS_H
#define TESTS_RENDER_HELPERS_H

#include "render/grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text rgrid_write produces. Caller frees. */
static inline char *grid_text(const struct rgrid *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    rgrid_write(g, f);
    fclose(f);
    return buf;
}

/* Row y of the grid as UTF-8, trailing blanks removed, into out. */
static inline const char *grid_row(const struct rgrid *g, int y, char *out,
                                   size_t out_len)
{
    size_t n = 0;
    int end = g->w;
    const struct rcell *row = &g->cells[(size_t)y * (size_t)g->w];
    while (end > 0 && row[end - 1].ch == ' ')
        end--;
    for (int c = 0; c < end && n + 5 < out_len; c++)
        if (row[c].width != 0)
            n += (size_t)utf8_encode(row[c].ch, out + n);
    out[n] = '\0';
    return out;
}

#endif
