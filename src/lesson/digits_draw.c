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

void digits_draw_small(struct rgrid *g, int x, int y, const double *img,
                       const struct rglyphs *gs, int style)
{
    /* Braille dot bits of (column, row) within a cell: dots 1-3 and 7
     * down the left, 4-6 and 8 down the right. */
    static const unsigned bit[4][2] = {
        {0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    static const char ramp[] = " .:-=+*#";
    for (int cy = 0; cy < DIGITS_SMALL_H; cy++)
        for (int cx = 0; cx < DIGITS_SMALL_W; cx++) {
            unsigned bits = 0;
            double sum = 0;
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 2; c++) {
                    double v = img[(cy * 4 + r) * DIGITS_SIDE + cx * 2 + c];
                    v = v > 0 ? (v < 1 ? v : 1) : 0;
                    sum += v;
                    bits |= v >= 0.5 ? bit[r][c] : 0;
                }
            uint32_t ch;
            if (gs->braille) {
                ch = bits ? 0x2800u + bits : ' ';
            } else {
                int k = (int)(sum / 8 * 8);
                ch = (uint32_t)ramp[k > 7 ? 7 : k];
            }
            rgrid_put(g, x + cx, y + cy, ch, style);
        }
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
    struct rheat h = {map, DIGITS_SIDE, DIGITS_SIDE, -m, m, 0};
    rheat_draw(g, x, y, &h, gs);
}
