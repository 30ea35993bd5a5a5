/*
 * A pixel canvas over a box of cells: the layer plots draw their lines on.
 *
 * In braille mode every cell is 2 x 4 pixels, one dot each; a cell shows
 * U+2800 plus its dot bits, so a 60 x 15 cell plot has 120 x 60 pixels.
 * In ASCII mode every cell is one pixel, drawn with the pen's glyph.
 *
 * Braille dot numbering and bits (Unicode's order, kept from the 6-dot
 * cell with dots 7 and 8 added below):
 *
 *     1 4        0x01 0x08
 *     2 5   ->   0x02 0x10
 *     3 6        0x04 0x20
 *     7 8        0x40 0x80
 *
 * Pixel (0, 0) is the top-left dot of the top-left cell; y grows down.
 */
#ifndef RENDER_CANVAS_H
#define RENDER_CANVAS_H

#include <stdint.h>

#include "render/grid.h"

struct rcanvas_cell {
    uint32_t glyph; /* ASCII mode: the character; 0 when empty */
    uint8_t bits;   /* braille mode: dot bits; 0 when empty */
    uint8_t style;  /* enum rstyle of the strongest pen that drew here */
    uint8_t prio;   /* that pen's priority */
};

struct rcanvas {
    int w, h;   /* size in cells */
    int sx, sy; /* pixels per cell: 2 x 4 (braille) or 1 x 1 (ASCII) */
    struct rcanvas_cell *cells;
};

/*
 * A pen: how a line is drawn. A pixel the line passes is lit when bit
 * (phase % period) of mask is set, and the phase advances by one per
 * pixel, so a mask of 0x0F with period 6 draws dashes of 4 pixels with
 * gaps of 2 that run on from one segment into the next.
 * A cell belongs to the pen of the highest priority that lit a pixel in
 * it: its dots replace those of weaker pens, weaker pens add nothing
 * later, and pens of equal priority add their dots up (the later one
 * gives the style). So a curve crossing a zero line or a cursor keeps
 * its exact shape and style, and two curves in one cell both show.
 */
struct rpen {
    int style;          /* enum rstyle */
    int prio;           /* 0 for background marks, higher for data */
    uint32_t glyph;     /* ASCII mode character */
    uint32_t mask;      /* dash pattern, bit i = pixel i of the period */
    int period;         /* 1 to 32 */
    long phase;         /* pixels stepped so far */
    int last_x, last_y; /* last pixel stepped, so joints count once */
};

/* A solid pen. */
void rpen_init(struct rpen *p, int style, int prio, uint32_t glyph);

/* A canvas of w x h cells, braille (2 x 4 pixels a cell) or ASCII (one).
 * Returns 0 or -1 on allocation failure. Sizes <= 0 give an empty canvas
 * on which drawing does nothing. */
int rcanvas_init(struct rcanvas *c, int w, int h, int braille);
void rcanvas_fini(struct rcanvas *c);
/* Size in pixels. */
int rcanvas_width(const struct rcanvas *c);
int rcanvas_height(const struct rcanvas *c);

/* Light pixel (px, py) with the pen, ignoring its dash pattern. Pixels
 * outside the canvas are ignored. */
void rcanvas_dot(struct rcanvas *c, int px, int py, const struct rpen *p);
/* Draw a line between pixel positions (fractions allowed, rounded to the
 * nearest pixel), clipped to the canvas first, so far-off end points
 * (even 1e300) are safe. Non-finite coordinates draw nothing. */
void rcanvas_line(struct rcanvas *c, double x0, double y0, double x1, double y1,
                  struct rpen *p);
/* Copy the lit cells into g with the top-left cell at (x, y); unlit cells
 * leave g unchanged. Clipped by the grid. */
void rcanvas_blit(const struct rcanvas *c, struct rgrid *g, int x, int y);

#endif
