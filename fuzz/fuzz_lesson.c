/*
 * Fuzz target: lesson files. The input is the text of a lesson file; when
 * the parser accepts it, every step is also measured and drawn the way the
 * screen and --batch draw it, since widget parameters that pass their
 * check() reach the renderers: once per glyph set, each at one width (a
 * page, 12 and 40 columns), to keep each input quick (some widgets train
 * a network as they draw).
 */
#include <stdlib.h>

#include "fuzz/fuzz.h"
#include "lesson/lesson.h"
#include "lesson/step_draw.h"
#include "lesson/widget.h"
#include "render/glyphs.h"
#include "render/grid.h"

static void draw_step(const struct lesson_step *st,
                      const struct widget_ctx *ctx, int width)
{
    char msg[400];
    int h = lesson_step_draw(st, ctx, NULL, 0, 0, width, msg, sizeof msg);
    if (h <= 0)
        return;
    struct rgrid g;
    if (rgrid_init(&g, width, h) != 0)
        return;
    lesson_step_draw(st, ctx, &g, 0, 0, width, msg, sizeof msg);
    rgrid_fini(&g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lesson_error err;
    struct lesson *l =
        lesson_parse((const char *)data, size, "fuzz.lesson", &err);
    if (!l)
        return 0;
    /* Every glyph set, in both languages. */
    const struct widget_ctx ctxs[] = {
        {rglyphs_get(RGLYPH_UNICODE), "en", NULL},
        {rglyphs_get(RGLYPH_ASCII), "ko", NULL},
        {rglyphs_get(RGLYPH_NARROW), "ko", NULL},
    };
    static const int widths[] = {80, 12, 40};
    for (size_t s = 0; s < l->n_steps; s++)
        for (size_t c = 0; c < sizeof ctxs / sizeof ctxs[0]; c++)
            draw_step(&l->steps[s], &ctxs[c], widths[c]);
    lesson_free(l);
    return 0;
}
