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

void digits_draw_weights(struct rgrid *g, int x, int y, const double *map,
                         double absmax, const struct rglyphs *gs)
{
    /* A map of zeros still needs a range: any symmetric one puts 0 in
     * the middle. */
    double m = absmax > 0 ? absmax : 1.0;
    struct rheat h = {map, DIGITS_SIDE, DIGITS_SIDE, -m, m, 0};
    rheat_draw(g, x, y, &h, gs);
}
