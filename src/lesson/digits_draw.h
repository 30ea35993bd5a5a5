/*
 * Digits drawn into a cell grid: an image (a test digit, the canvas, the
 * preprocessed digit) and a first-layer weight map, for the look-inside
 * and drawing screens and the lesson widgets. Heat maps of render/, 28
 * pixels wide and 14 rows tall.
 */
#ifndef LESSON_DIGITS_DRAW_H
#define LESSON_DIGITS_DRAW_H

#include "lesson/digits.h"
#include "render/glyphs.h"
#include "render/grid.h"

#define DIGITS_DRAW_W DIGITS_SIDE       /* 28 cells */
#define DIGITS_DRAW_H (DIGITS_SIDE / 2) /* 14 rows */

/* A 28 x 28 image of values in [0, 1] at (x, y), one pixel per half
 * cell: half blocks and shades with the Unicode set, braille greys with
 * the narrow one, the ASCII ramp otherwise (render/heatmap.h). */
void digits_draw_image(struct rgrid *g, int x, int y, const double *img,
                       const struct rglyphs *gs);
/* The same for an image of bytes 0..255 (a dataset image). */
void digits_draw_bytes(struct rgrid *g, int x, int y, const unsigned char *px,
                       const struct rglyphs *gs);
/* A 28 x 28 image in 14 x 7 cells, for grids of many digits, in `style`.
 * Unicode and ASCII: the image shrunk to 14 x 14 (each pixel twice the
 * mean of a 2 x 2 block, at most 1, so that thin strokes stay solid) and
 * drawn as digits_draw_image does, so the proportions stay. Narrow set:
 * braille, 2 x 4 pixels a cell at full resolution, a dot lit where the
 * pixel is at least 0.5. */
#define DIGITS_SMALL_W (DIGITS_SIDE / 2) /* 14 */
#define DIGITS_SMALL_H (DIGITS_SIDE / 4) /* 7 */
void digits_draw_small(struct rgrid *g, int x, int y, const double *img,
                       const struct rglyphs *gs, int style);
void digits_draw_small_bytes(struct rgrid *g, int x, int y,
                             const unsigned char *px, const struct rglyphs *gs,
                             int style);
/* A weight map from -absmax (dark) through 0 (mid-grey) to +absmax
 * (bright), as digits_draw_image draws an image: with the Unicode set a
 * weight of 0 is the medium shade, so the map reads as a grey field with
 * light and dark patches. */
void digits_draw_weights(struct rgrid *g, int x, int y, const double *map,
                         double absmax, const struct rglyphs *gs);

#endif
