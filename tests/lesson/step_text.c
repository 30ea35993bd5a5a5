/*
 * Shared scaffolding of the topic-model tests that draw a lesson step
 * (see step_text.h).
 */
#include "step_text.h"

#include <stdio.h>
#include <string.h>

#include "check_helpers.h"
#include "lesson/step_draw.h"

char *step_text_draw(const char *line, const char *lang,
                     struct lesson_error *err)
{
    char text[256];
    int n = snprintf(text, sizeof text, "# T\n## S\n%s\n", line);
    ck_assert(n > 0 && (size_t)n < sizeof text);
    struct lesson *l = lesson_parse(text, strlen(text), "t.lesson", err);
    if (!l)
        return NULL;
    struct widget_ctx ctx = {.glyphs = rglyphs_get(RGLYPH_ASCII), .lang = lang};
    char msg[256];
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 80, 200), 0);
    ck_assert_int_ge(
        lesson_step_draw(&l->steps[0], &ctx, &g, 0, 0, 80, msg, sizeof msg), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    rgrid_write(&g, f);
    fclose(f);
    rgrid_fini(&g);
    lesson_free(l);
    return buf;
}
