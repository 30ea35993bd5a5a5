/* Digits and weight maps drawn as heat maps (see digits_draw.h). */
#include "lesson/digits_draw.h"

#include "render/heatmap.h"

void digits_draw_image(struct rgrid *g, int x, int y, const double *img,
                       const struct rglyphs *gs)
{
    struct rheat h = {img, DIGITS_SIDE, DIGITS_SIDE, 0.0, 1.0, 1};
    rheat_draw(g, x, y, &h, gs);
}

void digits_draw_bytes(struct rgrid *g, int x, int y, const unsigned char *px,
                       const struct rglyphs *gs)
{
    double img[DIGITS_PIXELS];
    for (int i = 0; i < DIGITS_PIXELS; i++)
        img[i] = px[i] / 255.0;
    digits_draw_image(g, x, y, img, gs);
}

/* Braille at full resolution: dot (column c, row r) of a cell is pixel
 * (2 cx + c, 4 cy + r), lit at 0.5 or more. */
static void draw_small_braille(struct rgrid *g, int x, int y, const double *img,
                               int style)
{
    /* Braille dot bits of (row, column) within a cell: dots 1-3 and 7
     * down the left, 4-6 and 8 down the right. */
    static const unsigned bit[4][2] = {
        {0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    for (int cy = 0; cy < DIGITS_SMALL_H; cy++)
        for (int cx = 0; cx < DIGITS_SMALL_W; cx++) {
            unsigned bits = 0;
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 2; c++)
                    if (img[(cy * 4 + r) * DIGITS_SIDE + cx * 2 + c] >= 0.5)
                        bits |= bit[r][c];
            rgrid_put(g, x + cx, y + cy, bits ? 0x2800u + bits : ' ', style);
        }
}

void digits_draw_small(struct rgrid *g, int x, int y, const double *img,
                       const struct rglyphs *gs, int style)
{
    if (gs->kind == RGLYPH_NARROW) {
        draw_small_braille(g, x, y, img, style);
        return;
    }
    /* Shrink 2:1 both ways: 14 x 14 pixels, each twice the mean ink of
     * its 2 x 2 block, at most 1. A stroke is 2 or 3 pixels wide, so most
     * blocks it crosses are only half covered; without the gain the
     * shrunk digit would come out as a faint grey. */
    enum { HALF = DIGITS_SIDE / 2 };
    double small[HALF * HALF];
    for (int r = 0; r < HALF; r++)
        for (int c = 0; c < HALF; c++) {
            const double *p = img + 2 * r * DIGITS_SIDE + 2 * c;
            double v = (p[0] + p[1] + p[DIGITS_SIDE] + p[DIGITS_SIDE + 1]) / 2;
            small[r * HALF + c] = v < 1 ? v : 1;
        }
    struct rheat h = {small, HALF, HALF, 0.0, 1.0, 1};
    rheat_draw(g, x, y, &h, gs);
    rgrid_set_style(g, x, y, DIGITS_SMALL_W, DIGITS_SMALL_H, style);
}

void digits_draw_small_bytes(struct rgrid *g, int x, int y,
                             const unsigned char *px, const struct rglyphs *gs,
                             int style)
{
    double img[DIGITS_PIXELS];
    for (int i = 0; i < DIGITS_PIXELS; i++)
        img[i] = px[i] / 255.0;
    digits_draw_small(g, x, y, img, gs, style);
}

void digits_draw_weights(struct rgrid *g, int x, int y, const double *map,
                         double absmax, const struct rglyphs *gs)
{
    /* A map of zeros still needs a range: any symmetric one puts 0 in
     * the middle. */
    double m = absmax > 0 ? absmax : 1.0;
    struct rheat h = {map, DIGITS_SIDE, DIGITS_SIDE, -m, m, 1};
    rheat_draw(g, x, y, &h, gs);
}
