/* Glyph sets: each set keeps its promise about which characters it uses
 * (the narrow set: ASCII or braille only; the ASCII set: printable ASCII),
 * and every glyph is one cell wide. */
#include "check_helpers.h"
#include "render/glyphs.h"
#include "render/grid.h"

/* All glyphs of a set, in one array. */
static int set_glyphs(const struct rglyphs *gs, uint32_t *out)
{
    int n = 0;
    uint32_t box[] = {gs->h,      gs->v,     gs->tl,    gs->tr,
                      gs->bl,     gs->br,    gs->tdown, gs->tup,
                      gs->tright, gs->tleft, gs->cross};
    for (size_t i = 0; i < sizeof box / sizeof box[0]; i++)
        out[n++] = box[i];
    for (int k = 0; k <= gs->bar_steps; k++)
        out[n++] = gs->bar[k];
    return n;
}

START_TEST(test_ascii_set_is_ascii)
{
    const struct rglyphs *gs = rglyphs_get(RGLYPH_ASCII);
    uint32_t g[32];
    int n = set_glyphs(gs, g);
    ck_assert_int_eq(gs->braille, 0);
    for (int i = 0; i < n; i++)
        ck_assert(g[i] >= 0x20 && g[i] < 0x7F);
    /* An unknown kind falls back to ASCII, the safe choice. */
    ck_assert_ptr_eq(rglyphs_get((enum rglyph_kind)42), gs);
}
END_TEST

START_TEST(test_narrow_set_avoids_ambiguous)
{
    const struct rglyphs *gs = rglyphs_get(RGLYPH_NARROW);
    uint32_t g[32];
    int n = set_glyphs(gs, g);
    ck_assert_int_eq(gs->braille, 1);
    for (int i = 0; i < n; i++)
        ck_assert_msg(
            (g[i] >= 0x20 && g[i] < 0x7F) || (g[i] >= 0x2800 && g[i] <= 0x28FF),
            "glyph U+%04X is neither ASCII nor braille", (unsigned)g[i]);
}
END_TEST

START_TEST(test_sets_one_cell_and_bars_ordered)
{
    for (int k = RGLYPH_UNICODE; k <= RGLYPH_ASCII; k++) {
        const struct rglyphs *gs = rglyphs_get((enum rglyph_kind)k);
        uint32_t g[32];
        int n = set_glyphs(gs, g);
        ck_assert_int_eq((int)gs->kind, k);
        for (int i = 0; i < n; i++)
            ck_assert_int_eq(ucs_width(g[i]), 1);
        ck_assert_int_ge(gs->bar_steps, 1);
        ck_assert_int_le(gs->bar_steps, 8);
        ck_assert_uint_eq(gs->bar[0], ' ');
    }
    /* Unicode bars in eighths: U+258F is 1/8, U+2588 the full block. */
    const struct rglyphs *u = rglyphs_get(RGLYPH_UNICODE);
    ck_assert_int_eq(u->bar_steps, 8);
    ck_assert_uint_eq(u->bar[1], 0x258F);
    ck_assert_uint_eq(u->bar[4], 0x258C); /* left half block */
    ck_assert_uint_eq(u->bar[8], 0x2588);
}
END_TEST

static Suite *glyphs_suite(void)
{
    Suite *s = suite_create("render-glyphs");
    TCase *tc = tcase_create("glyphs");
    tcase_add_test(tc, test_ascii_set_is_ascii);
    tcase_add_test(tc, test_narrow_set_avoids_ambiguous);
    tcase_add_test(tc, test_sets_one_cell_and_bars_ordered);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(glyphs_suite)
