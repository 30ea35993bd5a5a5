/*
 * A cell grid: the drawing surface of every widget in nnlab.
 *
 * Widgets (plots, tables, digit images, network diagrams, wrapped prose)
 * draw into a grid of terminal cells without knowing about any terminal.
 * The TUI copies a grid to the screen, mapping each semantic style to
 * colours and attributes; --batch prints it as plain text. Nothing here
 * includes curses or depends on the process locale.
 *
 * Wide characters (Hangul, CJK) take two cells: the first cell holds the
 * character with width 2, the second is a continuation cell (ch == 0).
 */
#ifndef RENDER_GRID_H
#define RENDER_GRID_H

#include <stdint.h>
#include <stdio.h>

/* Semantic styles; the front end decides what each looks like. With colour
 * off, series must still differ by glyph, never by style alone. */
enum rstyle {
    RS_NORMAL = 0,
    RS_BOLD,
    RS_DIM,
    RS_TITLE,
    RS_ACCENT,    /* keys, links, the current item */
    RS_HIGHLIGHT, /* the thing a step is about (reverse video when mono) */
    RS_GOOD,      /* correct, converged, matches */
    RS_BAD,       /* wrong, diverged, mistakes */
    RS_AXIS,
    RS_SERIES1,   /* plot series 1..6 */
    RS_SERIES2,
    RS_SERIES3,
    RS_SERIES4,
    RS_SERIES5,
    RS_SERIES6,
    RS_COUNT
};

struct rcell {
    uint32_t ch;   /* Unicode scalar value; 0 in the right half of a wide
                      character; ' ' when empty */
    uint8_t width; /* 1 or 2 for the first cell, 0 for a continuation */
    uint8_t style; /* enum rstyle */
};

struct rgrid {
    int w, h;
    struct rcell *cells; /* h rows of w cells */
};

/* Allocate a w x h grid of blanks. Returns 0 or -1 on allocation failure. */
int rgrid_init(struct rgrid *g, int w, int h);
void rgrid_fini(struct rgrid *g);
/* Reset every cell to a blank in RS_NORMAL. */
void rgrid_clear(struct rgrid *g);
/* The cell at (x, y), or NULL when outside. */
struct rcell *rgrid_at(struct rgrid *g, int x, int y);
/* Give every cell of the box (x, y, w, h) the style, keeping characters
 * (a highlighted table row, a cursor column). Clipped at the edges. */
void rgrid_set_style(struct rgrid *g, int x, int y, int w, int h, int style);

/* Put one character; wide characters take two cells. Clipped at the edges
 * (a wide character that does not fit is not drawn). Overwriting half of a
 * wide character blanks its other half. Zero-width characters (combining
 * marks, controls) are dropped: a cell holds one code point. Returns
 * columns advanced (the character's width, even when clipped). */
int rgrid_put(struct rgrid *g, int x, int y, uint32_t ch, int style);
/* Put a UTF-8 string on one row, clipped; invalid bytes show as U+FFFD.
 * Returns columns used. */
int rgrid_print(struct rgrid *g, int x, int y, const char *utf8, int style);
/* The same within max_w columns: characters that would end beyond x +
 * max_w are not drawn. Returns columns used (at most max_w). */
int rgrid_print_n(struct rgrid *g, int x, int y, int max_w, const char *utf8,
                  int style);
/* Word-wrap UTF-8 prose into the box (x, y, width, max_lines), breaking on
 * spaces by display width; '\n' starts a new line. Spaces at a break are
 * dropped, spaces inside a line and at the start of a paragraph are kept.
 * A word longer than the width is broken between characters. Returns lines
 * used (the number needed, even when more than max_lines were clipped).
 * With g == NULL nothing is drawn: this measures the height of the text. */
int rgrid_wrap(struct rgrid *g, int x, int y, int width, int max_lines,
               const char *utf8, int style);

/* Write the grid as UTF-8 text, one line per row, trailing blanks removed,
 * trailing empty rows removed. */
void rgrid_write(const struct rgrid *g, FILE *out);

/* Display width of a code point (0, 1 or 2), independent of the locale:
 * East Asian Wide and Fullwidth characters take 2. */
int ucs_width(uint32_t ch);
/* Encode a code point as UTF-8 into out (surrogates and values beyond
 * U+10FFFF become U+FFFD). Returns the bytes written, 1 to 4. */
int utf8_encode(uint32_t ch, char out[4]);
/* Decode one UTF-8 sequence at s; stores the code point (U+FFFD when
 * invalid) and returns the bytes consumed (>= 1 unless *s == '\0'). */
int utf8_decode(const char *s, uint32_t *ch);
/* Display width of a UTF-8 string. */
int utf8_width(const char *s);

#endif
