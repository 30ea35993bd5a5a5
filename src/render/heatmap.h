/*
 * Heat maps: a matrix of values as an image, for MNIST digits (28 x 28
 * pixels in 28 x 14 cells) and first-layer weights.
 *
 * Every cell shows two image rows, because a terminal cell is about twice
 * as tall as it is wide: the image keeps its proportions and a digit fits
 * in 14 rows. How a pair of pixels becomes a character depends on the
 * glyph set:
 *   - half blocks (rheat.halfblock, unicode set): the upper half block
 *     U+2580, the lower half U+2584, the full block U+2588, a blank, and
 *     the shades U+2591-U+2593 (a quarter, a half, three quarters of ink
 *     over the whole cell). Each glyph covers the top and bottom pixel
 *     with some ink (0, 1/4, 1/2, 3/4 or 1); the cell takes the glyph
 *     nearest to its two pixels (least sum of squared differences, the
 *     first of the list above on a tie). A stroke's solid parts come out
 *     as crisp half blocks and its grey edges as shades. True grey half
 *     blocks would need a foreground colour for the top pixel and a
 *     background colour for the bottom one: a grid cell carries a
 *     semantic style, not colours, and plain text and monochrome
 *     terminals have none, so the greys are in the glyphs;
 *   - braille (unicode and narrow sets): each pixel is a 2 x 2 block of
 *     dots, 0 to 4 of them lit, so 5 grey levels per pixel and both
 *     pixels of a cell kept (no ambiguous-width block elements);
 *   - ASCII: the two pixels are averaged onto the 10-level ramp
 *     " .:-=+*#%@" (dark to bright), so half the vertical resolution.
 * Values map linearly from lo (dark) to hi (bright); for signed weights
 * pass lo = -m, hi = m so zero sits in the middle of the ramp.
 */
#ifndef RENDER_HEATMAP_H
#define RENDER_HEATMAP_H

#include "render/glyphs.h"
#include "render/grid.h"

struct rheat {
    const double *v; /* rows x cols values, row-major; not owned */
    int rows, cols;
    double lo, hi; /* value range; NAN: the data's min and max */
    /* Unicode glyph set only: half blocks and shades (above) instead of
     * braille; the other sets keep their ramps. */
    int halfblock;
};

/* Levels of the ramps: grey levels per pixel in braille, characters of
 * the ASCII ramp. */
#define RHEAT_BRAILLE_LEVELS 5
#define RHEAT_ASCII_RAMP " .:-=+*#%@"

/* Size in cells: cols wide, (rows + 1) / 2 tall. */
int rheat_width(const struct rheat *h);
int rheat_height(const struct rheat *h);

/* The grey level (0 .. levels - 1) of value v: bins of equal width over
 * [lo, hi], values outside clamped, NaN dark. */
int rheat_level(double v, double lo, double hi, int levels);

/* Draw with the top-left cell at (x, y), clipped by the grid, in style
 * RS_NORMAL. Non-finite values are dark; an empty braille cell is drawn
 * as a blank. */
void rheat_draw(struct rgrid *g, int x, int y, const struct rheat *h,
                const struct rglyphs *gs);

#endif
