/* The cell grid: display widths, UTF-8, wide characters, wrapping, output.
 * Expected widths and line breaks are counted by hand (Hangul syllable and
 * CJK ideograph = 2 cells, ASCII = 1, combining mark = 0). */
#include "check_helpers.h"
#include "render_helpers.h"

START_TEST(test_width_ascii_hangul_mixed)
{
    ck_assert_int_eq(utf8_width(""), 0);
    ck_assert_int_eq(utf8_width("hello"), 5);
    ck_assert_int_eq(utf8_width("안녕하세요"), 10); /* 5 syllables */
    ck_assert_int_eq(utf8_width("a한b"), 4);
    ck_assert_int_eq(utf8_width("loss 손실 0.25"), 5 + 4 + 5);
    ck_assert_int_eq(utf8_width("中文"), 4);
    ck_assert_int_eq(utf8_width("Ａ１"), 4);      /* fullwidth forms */
    ck_assert_int_eq(utf8_width("e\xcc\x81"), 1); /* e + U+0301 */
}
END_TEST

START_TEST(test_width_code_points)
{
    ck_assert_int_eq(ucs_width(0xAC00), 2); /* 가, first syllable */
    ck_assert_int_eq(ucs_width(0xD7A3), 2); /* 힣, last syllable */
    ck_assert_int_eq(ucs_width(0xD7A4), 1); /* just past the block */
    ck_assert_int_eq(ucs_width(0x1100), 2); /* initial jamo */
    ck_assert_int_eq(ucs_width(0x115F), 2);
    ck_assert_int_eq(ucs_width(0x1161), 0);  /* medial vowel: joins */
    ck_assert_int_eq(ucs_width(0x3131), 2);  /* compatibility jamo ㄱ */
    ck_assert_int_eq(ucs_width(0x4E00), 2);  /* CJK ideograph */
    ck_assert_int_eq(ucs_width(0x20000), 2); /* plane 2 ideograph */
    ck_assert_int_eq(ucs_width(0xFF01), 2);  /* fullwidth ! */
    ck_assert_int_eq(ucs_width(0x3000), 2);  /* ideographic space */
    ck_assert_int_eq(ucs_width(0x0301), 0);  /* combining acute */
    ck_assert_int_eq(ucs_width(0x200B), 0);  /* zero width space */
    ck_assert_int_eq(ucs_width(0x00AD), 1);  /* soft hyphen shows */
    ck_assert_int_eq(ucs_width(0x2800), 1);  /* braille: neutral */
    ck_assert_int_eq(ucs_width(0x2500), 1);  /* box: ambiguous, 1 here */
    ck_assert_int_eq(ucs_width(0x00E9), 1);
    ck_assert_int_eq(ucs_width('\n'), 0);
    ck_assert_int_eq(ucs_width(0x7F), 0);
}
END_TEST

START_TEST(test_utf8_decode_valid)
{
    uint32_t ch;
    ck_assert_int_eq(utf8_decode("A", &ch), 1);
    ck_assert_uint_eq(ch, 'A');
    ck_assert_int_eq(utf8_decode("\xc3\xa9", &ch), 2); /* é */
    ck_assert_uint_eq(ch, 0xE9);
    /* 한 = U+D55C: ED = 1110 1101, 95 = 10 010101, 9C = 10 011100,
     * so 1101 010101 011100 = 0xD55C. */
    ck_assert_int_eq(utf8_decode("\xed\x95\x9c", &ch), 3);
    ck_assert_uint_eq(ch, 0xD55C);
    ck_assert_int_eq(utf8_decode("\xf0\x9f\x98\x80", &ch), 4);
    ck_assert_uint_eq(ch, 0x1F600);
    ck_assert_int_eq(utf8_decode("", &ch), 0);
}
END_TEST

START_TEST(test_utf8_decode_invalid)
{
    uint32_t ch;
    ck_assert_int_eq(utf8_decode("\xff", &ch), 1);
    ck_assert_uint_eq(ch, 0xFFFD);
    ck_assert_int_eq(utf8_decode("\x80x", &ch), 1); /* stray continuation */
    ck_assert_uint_eq(ch, 0xFFFD);
    /* Truncated 3-byte sequence: one U+FFFD for both bytes, 'A' kept. */
    ck_assert_int_eq(utf8_decode("\342\202A", &ch), 2);
    ck_assert_uint_eq(ch, 0xFFFD);
    ck_assert_int_eq(utf8_decode("\xc0\xaf", &ch), 1); /* overlong '/' */
    ck_assert_uint_eq(ch, 0xFFFD);
    ck_assert_int_eq(utf8_decode("\xe0\x80\x80", &ch), 1); /* overlong */
    ck_assert_uint_eq(ch, 0xFFFD);
    ck_assert_int_eq(utf8_decode("\xed\xa0\x80", &ch), 1); /* surrogate */
    ck_assert_uint_eq(ch, 0xFFFD);
    ck_assert_int_eq(utf8_decode("\xf4\x90\x80\x80", &ch), 1); /* >10FFFF */
    ck_assert_uint_eq(ch, 0xFFFD);
    /* Invalid bytes show as U+FFFD, one cell each. */
    ck_assert_int_eq(utf8_width("a\377\376b"), 4);
}
END_TEST

START_TEST(test_utf8_encode_round_trip)
{
    const uint32_t cps[] = {0x24, 0xA2, 0x20AC, 0xD55C, 0x10348, 0x10FFFF};
    const int lens[] = {1, 2, 3, 3, 4, 4};
    for (int i = 0; i < 6; i++) {
        char buf[5] = {0};
        uint32_t back;
        ck_assert_int_eq(utf8_encode(cps[i], buf), lens[i]);
        ck_assert_int_eq(utf8_decode(buf, &back), lens[i]);
        ck_assert_uint_eq(back, cps[i]);
    }
    char buf[4];
    ck_assert_int_eq(utf8_encode(0xD800, buf), 3); /* surrogate → FFFD */
    ck_assert_int_eq(memcmp(buf, "\xef\xbf\xbd", 3), 0);
}
END_TEST

START_TEST(test_put_wide_cells)
{
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 6, 2), 0);
    ck_assert_int_eq(rgrid_put(&g, 0, 0, 0xD55C, RS_BOLD), 2);
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, 0xD55C);
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->width, 2);
    ck_assert_uint_eq(rgrid_at(&g, 1, 0)->ch, 0);
    ck_assert_uint_eq(rgrid_at(&g, 1, 0)->width, 0);
    ck_assert_uint_eq(rgrid_at(&g, 1, 0)->style, RS_BOLD);
    /* Overwriting the right half blanks the left half. */
    rgrid_put(&g, 1, 0, 'x', RS_NORMAL);
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, ' ');
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->width, 1);
    ck_assert_uint_eq(rgrid_at(&g, 1, 0)->ch, 'x');
    /* A wide character straddling another one blanks its other half. */
    rgrid_put(&g, 2, 1, 0xAC00, RS_NORMAL); /* cells 2,3 */
    rgrid_put(&g, 3, 1, 0xAC01, RS_NORMAL); /* cells 3,4: 2 is orphaned */
    ck_assert_uint_eq(rgrid_at(&g, 2, 1)->ch, ' ');
    ck_assert_uint_eq(rgrid_at(&g, 3, 1)->ch, 0xAC01);
    ck_assert_uint_eq(rgrid_at(&g, 4, 1)->width, 0);
    /* Does not fit in the last column: not drawn, width still reported. */
    ck_assert_int_eq(rgrid_put(&g, 5, 0, 0xAC00, RS_NORMAL), 2);
    ck_assert_uint_eq(rgrid_at(&g, 5, 0)->ch, ' ');
    /* Combining marks are dropped. */
    ck_assert_int_eq(rgrid_put(&g, 5, 0, 0x0301, RS_NORMAL), 0);
    ck_assert_uint_eq(rgrid_at(&g, 5, 0)->ch, ' ');
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_print_clipped)
{
    struct rgrid g;
    char row[64];
    rgrid_init(&g, 5, 3);
    /* 안녕 fill cells 0-3; 하 would need cells 4-5 and is dropped. */
    ck_assert_int_eq(rgrid_print(&g, 0, 0, "안녕하세요", RS_NORMAL), 10);
    ck_assert_str_eq(grid_row(&g, 0, row, sizeof row), "안녕");
    ck_assert_uint_eq(rgrid_at(&g, 4, 0)->ch, ' ');
    rgrid_print(&g, -1, 1, "abcdefg", RS_NORMAL);
    ck_assert_str_eq(grid_row(&g, 1, row, sizeof row), "bcdef");
    rgrid_print(&g, 0, 2, "a\377b", RS_NORMAL);
    ck_assert_str_eq(grid_row(&g, 2, row, sizeof row), "a\357\277\275b");
    rgrid_print(&g, 0, 3, "off the grid", RS_NORMAL);
    rgrid_print(&g, 0, -1, "off the grid", RS_NORMAL);
    rgrid_fini(&g);
}
END_TEST

/* Wrap text at width w into a tall grid; check the lines one by one. */
static void check_wrap(const char *text, int w, const char *const *want, int n)
{
    struct rgrid g;
    char row[256];
    rgrid_init(&g, w + 3, n + 3);
    /* Fill with a marker so the test sees anything drawn outside the box. */
    for (int y = 0; y < g.h; y++)
        for (int x = 0; x < g.w; x++)
            rgrid_put(&g, x, y, '.', RS_NORMAL);
    struct rgrid box;
    rgrid_init(&box, w, n + 2);
    ck_assert_int_eq(rgrid_wrap(&box, 0, 0, w, n + 2, text, RS_NORMAL), n);
    ck_assert_int_eq(rgrid_wrap(NULL, 0, 0, w, 0, text, RS_NORMAL), n);
    for (int i = 0; i < n; i++)
        ck_assert_str_eq(grid_row(&box, i, row, sizeof row), want[i]);
    for (int i = n; i < n + 2; i++)
        ck_assert_str_eq(grid_row(&box, i, row, sizeof row), "");
    /* The same text drawn at an offset inside the dotted grid stays within
     * its box: cells right of column 1 + w keep their dots. */
    rgrid_wrap(&g, 1, 1, w, n, text, RS_NORMAL);
    for (int y = 0; y < g.h; y++) {
        ck_assert_uint_eq(rgrid_at(&g, 0, y)->ch, '.');
        ck_assert_uint_eq(rgrid_at(&g, g.w - 1, y)->ch, '.');
    }
    rgrid_fini(&box);
    rgrid_fini(&g);
}

START_TEST(test_wrap_english)
{
    /* "the quick" = 9, + " brown" = 15 > 10; "brown fox" = 9;
     * "jumps over" = 10 fits exactly. */
    const char *want[] = {"the quick", "brown fox", "jumps over"};
    check_wrap("the quick brown fox jumps over", 10, want, 3);
}
END_TEST

START_TEST(test_wrap_korean)
{
    /* Widths: 신경망은 8, 입력에 6, 가중치를 8, 곱해 4, 더한다 6.
     * Line 1: 8 + 1 + 6 = 15 <= 16, adding 가중치를 gives 24.
     * Line 2: 8 + 1 + 4 = 13, adding 더한다 gives 20. */
    const char *want[] = {"신경망은 입력에", "가중치를 곱해", "더한다"};
    check_wrap("신경망은 입력에 가중치를 곱해 더한다", 16, want, 3);
    /* At width 15 line 1 still fits exactly (15). */
    check_wrap("신경망은 입력에 가중치를 곱해 더한다", 15, want, 3);
    /* At width 14 it does not: 신경망은 alone, then 입력에 가중치를 = 15
     * > 14, so 입력에, then 가중치를 곱해 = 13, then 더한다. */
    const char *want14[] = {"신경망은", "입력에", "가중치를 곱해", "더한다"};
    check_wrap("신경망은 입력에 가중치를 곱해 더한다", 14, want14, 4);
}
END_TEST

START_TEST(test_wrap_long_words_and_breaks)
{
    const char *a[] = {"abcd", "efgh", "ij"};
    check_wrap("abcdefghij", 4, a, 3);
    /* 가나다라 is 8 cells; at width 5 two syllables (4 cells) fit. */
    const char *b[] = {"가나", "다라"};
    check_wrap("가나다라", 5, b, 2);
    /* "x" then 가나다 (6 > 3) starts a new line and is broken. */
    const char *c[] = {"x", "가", "나", "다"};
    check_wrap("x 가나다", 3, c, 4);
    /* Newlines: an empty line in the middle, a final newline adds none. */
    const char *d[] = {"a", "", "b"};
    check_wrap("a\n\nb\n", 5, d, 3);
    /* Indent kept at a paragraph start, blanks at a break dropped. */
    const char *e[] = {"  ab  cd", "ef"};
    check_wrap("  ab  cd    ef", 8, e, 2);
    /* A word following a long broken word continues on its last line. */
    const char *f[] = {"abcde", "fg hi"};
    check_wrap("abcdefg hi", 5, f, 2);
}
END_TEST

START_TEST(test_wrap_clipped_lines_counted)
{
    struct rgrid g;
    char row[64];
    rgrid_init(&g, 10, 5);
    ck_assert_int_eq(rgrid_wrap(&g, 0, 0, 3, 2, "aa bb cc dd", RS_NORMAL), 4);
    ck_assert_str_eq(grid_row(&g, 0, row, sizeof row), "aa");
    ck_assert_str_eq(grid_row(&g, 1, row, sizeof row), "bb");
    ck_assert_str_eq(grid_row(&g, 2, row, sizeof row), "");
    ck_assert_int_eq(rgrid_wrap(&g, 0, 0, 0, 2, "aa", RS_NORMAL), 0);
    ck_assert_int_eq(rgrid_wrap(&g, 0, 0, 3, 2, "", RS_NORMAL), 0);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_write_trims)
{
    struct rgrid g;
    rgrid_init(&g, 8, 4);
    rgrid_print(&g, 0, 0, "ab", RS_NORMAL);
    rgrid_print(&g, 2, 2, "한x", RS_NORMAL);
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "ab\n\n  한x\n");
    free(s);
    rgrid_clear(&g);
    s = grid_text(&g);
    ck_assert_str_eq(s, "");
    free(s);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_set_style_clipped)
{
    struct rgrid g;
    rgrid_init(&g, 3, 2);
    rgrid_set_style(&g, -5, 1, 100, 100, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->style, RS_NORMAL);
    ck_assert_uint_eq(rgrid_at(&g, 0, 1)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 2, 1)->style, RS_HIGHLIGHT);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_empty_grid_and_edges)
{
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 0, 0), 0);
    ck_assert_ptr_null(rgrid_at(&g, 0, 0));
    rgrid_put(&g, 0, 0, 'a', RS_NORMAL);
    rgrid_print(&g, 0, 0, "abc", RS_NORMAL);
    rgrid_wrap(&g, 0, 0, 5, 5, "abc def", RS_NORMAL);
    rgrid_set_style(&g, 0, 0, 5, 5, RS_BOLD);
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "");
    free(s);
    rgrid_fini(&g);

    ck_assert_int_eq(rgrid_init(&g, 1, 1), 0);
    ck_assert_ptr_null(rgrid_at(&g, 1, 0));
    ck_assert_ptr_null(rgrid_at(&g, -1, 0));
    rgrid_put(&g, 0, 0, 0xAC00, RS_NORMAL); /* wide: cannot fit */
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, ' ');
    rgrid_wrap(&g, 0, 0, 1, 1, "가나 abc", RS_NORMAL);
    rgrid_put(&g, 0, 0, 'z', RS_NORMAL);
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, 'z');
    rgrid_fini(&g);
    ck_assert_int_eq(rgrid_init(&g, -3, 4), 0);
    ck_assert_int_eq(g.w, 0);
    rgrid_fini(&g);
}
END_TEST

/* Every continuation cell follows a width-2 cell and vice versa. */
static void check_wide_invariant(struct rgrid *g)
{
    for (int y = 0; y < g->h; y++) {
        for (int x = 0; x < g->w; x++) {
            const struct rcell *c = rgrid_at(g, x, y);
            if (c->width == 2) {
                ck_assert_int_lt(x + 1, g->w);
                ck_assert_uint_eq(rgrid_at(g, x + 1, y)->width, 0);
            }
            if (c->width == 0) {
                ck_assert_int_gt(x, 0);
                ck_assert_uint_eq(rgrid_at(g, x - 1, y)->width, 2);
            }
        }
    }
}

START_TEST(test_random_bytes_stay_in_box)
{
    /* Random byte strings, biased towards spaces, newlines, Hangul and
     * broken sequences, wrapped and printed at random places: nothing is
     * written outside the box, wide characters stay whole, and measuring
     * agrees with drawing. A fixed LCG keeps the test repeatable. */
    static const char *const pieces[] = {" ",    "  ",
                                         "\n",   "가",
                                         "나다", "abc",
                                         "x",    "\xed\x95",
                                         "\xff", "\xcc\x81",
                                         "中",   "\t",
                                         "word", "\xf0\x9f\x98\x80",
                                         "é"};
    const int npieces = sizeof pieces / sizeof pieces[0];
    unsigned long seed = 12345;
    for (int round = 0; round < 300; round++) {
        char text[400] = "";
        size_t len = 0;
        for (int i = 0; i < 40; i++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            const char *p = pieces[(seed >> 33) % (unsigned long)npieces];
            if (len + strlen(p) + 1 > sizeof text)
                break;
            memcpy(text + len, p, strlen(p) + 1);
            len += strlen(p);
        }
        int width = (int)((seed >> 20) % 12);
        int lines = (int)((seed >> 40) % 6);
        struct rgrid g;
        rgrid_init(&g, 16, 10);
        for (int y = 0; y < g.h; y++)
            for (int x = 0; x < g.w; x++)
                rgrid_put(&g, x, y, '#', RS_NORMAL);
        for (int y = 1; y < 1 + lines; y++)
            for (int x = 1; x < 1 + width; x++)
                rgrid_put(&g, x, y, ' ', RS_NORMAL);
        int drawn = rgrid_wrap(&g, 1, 1, width, lines, text, RS_NORMAL);
        ck_assert_int_eq(drawn, rgrid_wrap(NULL, 0, 0, width, lines, text, 0));
        for (int y = 0; y < g.h; y++)
            for (int x = 0; x < g.w; x++)
                if (y < 1 || y >= 1 + lines || x < 1 || x >= 1 + width)
                    ck_assert_uint_eq(rgrid_at(&g, x, y)->ch, '#');
        check_wide_invariant(&g);
        rgrid_print(&g, (int)(seed % 20) - 4, (int)(seed % 11) - 1, text,
                    RS_BOLD);
        check_wide_invariant(&g);
        rgrid_fini(&g);
    }
}
END_TEST

static Suite *grid_suite(void)
{
    Suite *s = suite_create("render-grid");
    TCase *tc = tcase_create("grid");
    tcase_add_test(tc, test_width_ascii_hangul_mixed);
    tcase_add_test(tc, test_width_code_points);
    tcase_add_test(tc, test_utf8_decode_valid);
    tcase_add_test(tc, test_utf8_decode_invalid);
    tcase_add_test(tc, test_utf8_encode_round_trip);
    tcase_add_test(tc, test_put_wide_cells);
    tcase_add_test(tc, test_print_clipped);
    tcase_add_test(tc, test_wrap_english);
    tcase_add_test(tc, test_wrap_korean);
    tcase_add_test(tc, test_wrap_long_words_and_breaks);
    tcase_add_test(tc, test_wrap_clipped_lines_counted);
    tcase_add_test(tc, test_write_trims);
    tcase_add_test(tc, test_set_style_clipped);
    tcase_add_test(tc, test_empty_grid_and_edges);
    tcase_add_test(tc, test_random_bytes_stay_in_box);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(grid_suite)
