/* The network diagram: a golden drawing at a fixed width worked out by
 * hand from the layout rules (box widths, equal gaps, one crossing-edge
 * character a row at column a + round(r·(gap − 1)/8)), styles of a
 * highlighted node and edge, braille crossings, notes, cut labels and a
 * width that is too small. */
#include "check_helpers.h"
#include "render/netdiagram.h"
#include "render_helpers.h"

static const char *const node_names[RNET_NODES] = {"x1", "x2", "h1",
                                                   "h2", "o1", "o2"};
static const char *const edge_names[RNET_EDGES] = {"W1", "W2", "W3", "W4",
                                                   "W5", "W6", "W7", "W8"};

static void names(struct rnet *n)
{
    rnet_init(n);
    for (int i = 0; i < RNET_NODES; i++)
        n->node[i].label = node_names[i];
    for (int i = 0; i < RNET_EDGES; i++)
        n->edge[i].label = edge_names[i];
    n->side[0] = "t1";
    n->side[1] = "t2";
}

/*
 * Width 40: boxes "[x1]", "[h1]", "[o1]" are 4 columns, the side texts 2
 * plus 2 spaces, so 16 columns of boxes and two gaps of (40 − 16)/2 = 12.
 * Layers start at columns 0, 16, 32; the targets at 32 + 4 + 2 = 38. The
 * crossing edges of the first gap start at a = 4 and run over rows 2..10:
 * r = 0..8 gives columns 4, 5, 7, 8, 10, 11, 12, 14, 15 (rounding
 * r·11/8 half away from zero), the same columns for the second gap
 * shifted by 16; they cross at r = 4 (row 6, column 10). W1 is centred
 * in the gap: 4 + (12 − 2)/2 = 9. Crossing labels start at a + 2 = 6.
 */
static const char *const golden_40 =
    "         W1              W5\n"
    "[x1]------------[h1]------------[o1]  t1\n"
    "    \\ W3       /    \\ W7       /\n"
    "     \\        /      \\        /\n"
    "       \\    /          \\    /\n"
    "        \\  /            \\  /\n"
    "          X               X\n"
    "        /  \\            /  \\\n"
    "       /    \\          /    \\\n"
    "     /        \\      /        \\\n"
    "    / W2       \\    / W6       \\\n"
    "[x2]------------[h2]------------[o2]  t2\n"
    "         W4              W8\n";

START_TEST(test_golden_ascii)
{
    struct rnet n;
    names(&n);
    ck_assert_int_eq(rnet_height(&n), 13);
    ck_assert_int_eq(rnet_min_width(&n), 16 + 2 * 6);
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 40, 13), 0);
    struct rnet_frame f;
    ck_assert_int_eq(rnet_draw(&g, 0, 0, 40, &n, rglyphs_get(RGLYPH_ASCII), &f),
                     13);
    char *text = grid_text(&g);
    ck_assert_str_eq(text, golden_40);
    free(text);
    /* The frame: h2 at (16, 11), W3's label at (6, 2), W8's at (25, 12). */
    ck_assert_int_eq(f.node_x[3], 16);
    ck_assert_int_eq(f.node_y[3], 11);
    ck_assert_int_eq(f.node_w[3], 4);
    ck_assert_int_eq(f.edge_x[2], 6);
    ck_assert_int_eq(f.edge_y[2], 2);
    ck_assert_int_eq(f.edge_x[7], 25);
    ck_assert_int_eq(f.edge_y[7], 12);
    rgrid_fini(&g);
}
END_TEST

/* A highlighted edge and node keep their characters and take the style;
 * where the highlighted edge crosses another, the crossing is its. */
START_TEST(test_highlight)
{
    struct rnet n;
    names(&n);
    n.edge[1].style = RS_HIGHLIGHT; /* W2: x2 up to h1 */
    n.node[4].style = RS_ACCENT;    /* o1 */
    struct rgrid g;
    rgrid_init(&g, 40, 13);
    rnet_draw(&g, 0, 0, 40, &n, rglyphs_get(RGLYPH_ASCII), NULL);
    /* W2's line: row 10 column 4 ... row 2 column 15, crossing at (10, 6). */
    ck_assert_uint_eq(rgrid_at(&g, 4, 10)->ch, '/');
    ck_assert_int_eq(rgrid_at(&g, 4, 10)->style, RS_HIGHLIGHT);
    ck_assert_int_eq(rgrid_at(&g, 15, 2)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 10, 6)->ch, 'X');
    ck_assert_int_eq(rgrid_at(&g, 10, 6)->style, RS_HIGHLIGHT);
    ck_assert_int_eq(rgrid_at(&g, 6, 10)->style, RS_HIGHLIGHT); /* "W2" */
    /* W3 (the other crossing line) stays plain. */
    ck_assert_int_eq(rgrid_at(&g, 4, 2)->style, RS_NORMAL);
    ck_assert_int_eq(rgrid_at(&g, 6, 2)->style, RS_NORMAL);
    /* o1's box, brackets included. */
    for (int c = 32; c < 36; c++)
        ck_assert_int_eq(rgrid_at(&g, c, 1)->style, RS_ACCENT);
    ck_assert_int_eq(rgrid_at(&g, 16, 1)->style, RS_NORMAL);
    rgrid_fini(&g);
}
END_TEST

/* With braille the crossing edges are dots (U+2800..U+28FF), never the
 * ASCII slashes; the boxes, straight edges and labels stay in place. */
START_TEST(test_braille_crossing)
{
    struct rnet n;
    names(&n);
    struct rgrid g;
    rgrid_init(&g, 40, 13);
    const struct rglyphs *gs = rglyphs_get(RGLYPH_UNICODE);
    ck_assert_int_eq(rnet_draw(&g, 0, 0, 40, &n, gs, NULL), 13);
    int braille = 0;
    for (int y = 2; y <= 10; y++)
        for (int x = 0; x < 40; x++) {
            uint32_t ch = rgrid_at(&g, x, y)->ch;
            ck_assert(ch != '\\' && ch != '/' && ch != 'X');
            braille += ch >= 0x2800 && ch <= 0x28FF;
        }
    ck_assert_int_ge(braille, 4 * 9); /* two gaps, two lines, nine rows */
    char row[256];
    ck_assert_str_eq(grid_row(&g, 1, row, sizeof row),
                     "[x1]────────────[h1]────────────[o1]  t1");
    ck_assert(strstr(grid_row(&g, 2, row, sizeof row), "W3 ") != NULL);
    rgrid_fini(&g);
}
END_TEST

/* Notes stack outwards from their box and add rows, reaching past a
 * narrow box up to the next straight edge's label; labels longer than
 * their gap allows are cut; too narrow a width draws nothing. */
START_TEST(test_notes_cut_and_narrow)
{
    struct rnet n;
    names(&n);
    n.node[2].note[0] = "z1";
    n.node[2].note[1] = "b1 0.35"; /* wider than its box */
    n.node[5].note[0] = "z4";
    ck_assert_int_eq(rnet_height(&n), 2 + 11 + 1);
    n.edge[2].label = "W3 0.123456789"; /* room for 12 − 4 = 8 columns */
    struct rgrid g;
    rgrid_init(&g, 40, 14);
    ck_assert_int_eq(
        rnet_draw(&g, 0, 0, 40, &n, rglyphs_get(RGLYPH_ASCII), NULL), 14);
    char row[256];
    ck_assert_str_eq(grid_row(&g, 0, row, sizeof row),
                     "                b1 0.35");
    ck_assert_str_eq(grid_row(&g, 1, row, sizeof row),
                     "         W1     z1       W5");
    ck_assert_str_eq(grid_row(&g, 2, row, sizeof row),
                     "[x1]------------[h1]------------[o1]  t1");
    ck_assert_str_eq(grid_row(&g, 3, row, sizeof row),
                     "    \\ W3 0.123 /    \\ W7       /");
    ck_assert_str_eq(grid_row(&g, 13, row, sizeof row),
                     "         W4              W8     z4");

    rgrid_clear(&g);
    names(&n);
    ck_assert_int_eq(
        rnet_draw(&g, 0, 0, 27, &n, rglyphs_get(RGLYPH_ASCII), NULL), -1);
    char *text = grid_text(&g);
    ck_assert_str_eq(text, "");
    free(text);
    /* At the minimum width the gaps are six columns. */
    ck_assert_int_eq(
        rnet_draw(&g, 0, 0, 28, &n, rglyphs_get(RGLYPH_ASCII), NULL), 13);
    ck_assert_str_eq(grid_row(&g, 1, row, sizeof row),
                     "[x1]------[h1]------[o1]  t1");
    rgrid_fini(&g);
}
END_TEST

static Suite *netdiagram_suite(void)
{
    Suite *s = suite_create("render-netdiagram");
    TCase *tc = tcase_create("netdiagram");
    tcase_add_test(tc, test_golden_ascii);
    tcase_add_test(tc, test_highlight);
    tcase_add_test(tc, test_braille_crossing);
    tcase_add_test(tc, test_notes_cut_and_narrow);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(netdiagram_suite)
