/* The text widgets (table, formula), the widget table, and whole steps
 * drawn into a grid, compared with layouts written out by hand. */
#include "check_helpers.h"
#include "lesson/lesson.h"
#include "lesson/step_draw.h"
#include "lesson/widget.h"
#include "lesson/widget_text.h"

#include <stdio.h>
#include <string.h>

/* The grid as text (rgrid_write into memory). Caller frees. */
static char *grid_text(const struct rgrid *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    rgrid_write(g, f);
    fclose(f);
    return buf;
}

static struct lesson *parse(const char *text)
{
    struct lesson_error e;
    struct lesson *l = lesson_parse(text, strlen(text), "w.lesson", &e);
    ck_assert_msg(l != NULL, "%s", e.text);
    return l;
}

/* Draw the first widget of the first step; returns its text. */
static char *draw_widget(const char *text, int ascii, int *rows)
{
    struct lesson *l = parse(text);
    const struct lesson_widget *w = &l->steps[0].widgets[0];
    const struct widget_kind *k = widget_find(w->kind);
    ck_assert_ptr_nonnull(k);
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 80, 20), 0);
    struct widget_ctx ctx = {rglyphs_get(ascii ? RGLYPH_ASCII : RGLYPH_UNICODE),
                             "en", NULL};
    char msg[200] = "";
    *rows = k->render(w, &ctx, &g, msg, sizeof msg);
    ck_assert_msg(*rows >= 0, "%s", msg);
    char *s = grid_text(&g);
    rgrid_fini(&g);
    lesson_free(l);
    return s;
}

START_TEST(test_widget_table_lookup)
{
    ck_assert_ptr_eq(widget_find("table"), &widget_table);
    ck_assert_ptr_eq(widget_find("formula"), &widget_formula);
    ck_assert_ptr_null(widget_find("tables"));
    ck_assert_ptr_null(widget_find(""));
    ck_assert_ptr_null(widget_find(NULL));
}
END_TEST

START_TEST(test_table_unicode)
{
    int rows;
    char *s = draw_widget("# T\n## S\n@table\n"
                          "x1 | x2 | AND\n"
                          "0 | 0 | 0\n"
                          "1 | 1 | 1\n"
                          "@end\n",
                          0, &rows);
    ck_assert_int_eq(rows, 4);
    /* Numbers right-aligned; the rule crosses the bars under them. */
    ck_assert_str_eq(s, "  x1 │ x2 │ AND\n"
                        " ────┼────┼────\n"
                        "   0 │  0 │   0\n"
                        "   1 │  1 │   1\n");
    free(s);
}
END_TEST

START_TEST(test_table_ascii_align_and_rule_row)
{
    int rows;
    char *s = draw_widget("# T\n## S\n@table align=lcr\n"
                          "| name | mid | n |\n"
                          "|------|:---:|--:|\n"
                          "| a | b | 10 |\n"
                          "| long name | c | 2 |\n"
                          "@end\n",
                          1, &rows);
    ck_assert_int_eq(rows, 4);
    ck_assert_str_eq(s, "  name      | mid |  n\n"
                        " -----------+-----+---\n"
                        "  a         |  b  | 10\n"
                        "  long name |  c  |  2\n");
    free(s);
}
END_TEST

START_TEST(test_table_korean_widths)
{
    int rows;
    /* Hangul takes two columns: "가중치" is 6 wide, "b" pads to match. */
    char *s = draw_widget("# T\n## S\n@table header=no\n"
                          "가중치 | 0.5\n"
                          "b | -0.7\n"
                          "@end\n",
                          1, &rows);
    ck_assert_int_eq(rows, 2);
    ck_assert_str_eq(s, "  가중치 |  0.5\n"
                        "  b      | -0.7\n");
    free(s);
}
END_TEST

START_TEST(test_table_checks)
{
    static const char *const cases[][2] = {
        {"@table\na | b\nc | d | e\n@end\n", "row 2 has 3 cells"},
        {"@table align=lrx\na | b | c\n@end\n", "found 'x'"},
        {"@table\n"
         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | "
         "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n@end\n",
         "84 columns wide; the limit is 76"},
        {"@table\na|b|c|d|e|f|g|h|i|j|k\n@end\n", "more than 10 cells"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[600];
        snprintf(text, sizeof text, "# T\n## S\n%s", cases[i][0]);
        struct lesson_error e;
        struct lesson *l = lesson_parse(text, strlen(text), "w.lesson", &e);
        ck_assert_ptr_null(l);
        ck_assert_msg(strstr(e.text, "w.lesson:3: @table: ") == e.text &&
                          strstr(e.text, cases[i][1]) != NULL,
                      "case %zu: %s", i, e.text);
    }
}
END_TEST

START_TEST(test_formula)
{
    int rows;
    char *s = draw_widget("# T\n## S\n@formula\n"
                          "z1 = 0.3*0.1 + 0.25*0.2\n"
                          "   = 0.08\n"
                          "\n"
                          "@end\n",
                          0, &rows);
    /* Indented by four; the trailing blank line takes no row. */
    ck_assert_int_eq(rows, 2);
    ck_assert_str_eq(s, "    z1 = 0.3*0.1 + 0.25*0.2\n"
                        "       = 0.08\n");
    free(s);
}
END_TEST

START_TEST(test_formula_too_wide)
{
    char text[200];
    snprintf(text, sizeof text, "# T\n## S\n@formula\nok\n%073d\n@end\n", 0);
    struct lesson_error e;
    struct lesson *l = lesson_parse(text, strlen(text), "w.lesson", &e);
    ck_assert_ptr_null(l);
    ck_assert_msg(strstr(e.text, "w.lesson:3: @formula: line 2 ") == e.text &&
                      strstr(e.text, "77 columns") != NULL,
                  "%s", e.text);
}
END_TEST

START_TEST(test_step_layout)
{
    /* Prose wraps at the width; one blank row before and after each
     * widget; the widget's `after` text follows it. */
    struct lesson *l = parse("# T\n## S\n"
                             "one two three four\n"
                             "@formula\nx = 1\n@end\n"
                             "after it\n");
    struct widget_ctx ctx = {rglyphs_get(RGLYPH_UNICODE), "en", NULL};
    char msg[100];
    int h =
        lesson_step_draw(&l->steps[0], &ctx, NULL, 0, 0, 14, msg, sizeof msg);
    ck_assert_int_eq(h, 6);
    struct rgrid g;
    rgrid_init(&g, 16, 7);
    ck_assert_int_eq(
        lesson_step_draw(&l->steps[0], &ctx, &g, 2, 1, 14, msg, sizeof msg), 6);
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "\n"
                        "  one two three\n"
                        "  four\n"
                        "\n"
                        "      x = 1\n"
                        "\n"
                        "  after it\n");
    free(s);
    rgrid_fini(&g);
    lesson_free(l);
}
END_TEST

START_TEST(test_step_widget_only)
{
    struct lesson *l = parse("# T\n## S\n@table\na | b\n@end\n");
    struct widget_ctx ctx = {rglyphs_get(RGLYPH_ASCII), "en", NULL};
    char msg[100];
    ck_assert_int_eq(
        lesson_step_draw(&l->steps[0], &ctx, NULL, 0, 0, 80, msg, sizeof msg),
        1);
    lesson_free(l);
}
END_TEST

static Suite *widget_text_suite(void)
{
    Suite *s = suite_create("widget_text");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, test_widget_table_lookup);
    tcase_add_test(tc, test_table_unicode);
    tcase_add_test(tc, test_table_ascii_align_and_rule_row);
    tcase_add_test(tc, test_table_korean_widths);
    tcase_add_test(tc, test_table_checks);
    suite_add_tcase(s, tc);
    tc = tcase_create("formula");
    tcase_add_test(tc, test_formula);
    tcase_add_test(tc, test_formula_too_wide);
    suite_add_tcase(s, tc);
    tc = tcase_create("step");
    tcase_add_test(tc, test_step_layout);
    tcase_add_test(tc, test_step_widget_only);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(widget_text_suite)
