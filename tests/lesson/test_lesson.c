/* The lesson-file parser: structure, prose, directives, every error with
 * its file and line, and survival of damaged input. */
#include "check_helpers.h"
#include "lesson/lesson.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static struct lesson *parse(const char *text, struct lesson_error *e)
{
    return lesson_parse(text, strlen(text), "t.lesson", e);
}

START_TEST(test_structure)
{
    struct lesson_error e;
    struct lesson *l = parse("; a comment\n"
                             "# The title \n"
                             "\n"
                             "## First step\n"
                             "One line\n"
                             "and the next.\n"
                             "\n"
                             "Second paragraph.\n"
                             "- item a\n"
                             "- item b\n"
                             "##\n"
                             "\\@ not a directive\n"
                             "\\# not a heading\n",
                             &e);
    ck_assert_msg(l != NULL, "%s", e.text);
    ck_assert_str_eq(l->title, "The title");
    ck_assert_str_eq(l->id, "t");
    ck_assert_uint_eq(l->n_steps, 2);
    ck_assert_str_eq(l->steps[0].title, "First step");
    ck_assert_str_eq(l->steps[0].prose, "One line and the next.\n\n"
                                        "Second paragraph.\n- item a\n"
                                        "- item b");
    ck_assert_uint_eq(l->steps[0].n_widgets, 0);
    ck_assert_ptr_null(l->steps[1].title);
    ck_assert_str_eq(l->steps[1].prose, "@ not a directive # not a heading");
    lesson_free(l);
}
END_TEST

START_TEST(test_crlf_and_bom)
{
    struct lesson_error e;
    struct lesson *l = parse("\xEF\xBB\xBF# T\r\n## S\r\nText\r\nmore\r\n", &e);
    ck_assert_msg(l != NULL, "%s", e.text);
    ck_assert_str_eq(l->title, "T");
    ck_assert_str_eq(l->steps[0].prose, "Text more");
    lesson_free(l);
}
END_TEST

START_TEST(test_korean_prose)
{
    struct lesson_error e;
    struct lesson *l =
        parse("# 퍼셉트론\n## 첫 단계\n가중치는\n중요도입니다.\n", &e);
    ck_assert_msg(l != NULL, "%s", e.text);
    ck_assert_str_eq(l->title, "퍼셉트론");
    ck_assert_str_eq(l->steps[0].prose, "가중치는 중요도입니다.");
    lesson_free(l);
}
END_TEST

START_TEST(test_directives_and_after)
{
    struct lesson_error e;
    struct lesson *l = parse("# T\n"
                             "## S\n"
                             "Before.\n"
                             "@table header=no align=\"lr\"\n"
                             "a | 1\n"
                             "\n"
                             "b | 2\n"
                             "@end\n"
                             "Between.\n"
                             "@formula\n"
                             "  x = 1\n"
                             "@end\n",
                             &e);
    ck_assert_msg(l != NULL, "%s", e.text);
    const struct lesson_step *st = &l->steps[0];
    ck_assert_str_eq(st->prose, "Before.");
    ck_assert_uint_eq(st->n_widgets, 2);
    const struct lesson_widget *t = &st->widgets[0];
    ck_assert_str_eq(t->kind, "table");
    ck_assert_int_eq(t->line, 4);
    ck_assert_str_eq(lesson_widget_param(t, "header"), "no");
    ck_assert_str_eq(lesson_widget_param(t, "align"), "lr");
    ck_assert_str_eq(lesson_widget_param(t, "body"), "a | 1\n\nb | 2");
    ck_assert_ptr_null(lesson_widget_param(t, "colour"));
    ck_assert_str_eq(t->after, "Between.");
    const struct lesson_widget *f = &st->widgets[1];
    ck_assert_str_eq(f->kind, "formula");
    ck_assert_int_eq(f->line, 10);
    /* Leading blanks of a block line are kept: they align formulas. */
    ck_assert_str_eq(lesson_widget_param(f, "body"), "  x = 1");
    ck_assert_str_eq(f->after, "");
    lesson_free(l);
}
END_TEST

START_TEST(test_quoted_escapes)
{
    struct lesson_error e;
    /* A table with align given as a quoted value holding an escaped
     * backslash is refused by the kind's check, whose message quotes the
     * value exactly as unescaped. */
    struct lesson *l = parse("# T\n## S\n@table align=\"l\\\\\"\n"
                             "a | b\n@end\n",
                             &e);
    ck_assert_ptr_null(l);
    ck_assert_msg(strstr(e.text, "t.lesson:3: ") == e.text, "%s", e.text);
    ck_assert_msg(strstr(e.text, "'l\\'") != NULL, "%s", e.text);
}
END_TEST

/* Each bad input, the line the message must name, and words it holds. */
static const struct {
    const char *text;
    int line;
    const char *words;
} bad[] = {
    {"", 1, "empty lesson file"},
    {" \n\t\r\n\n", 1, "empty lesson file"},
    {"Prose first.\n# T\n## S\nx\n", 1, "missing title"},
    {"; only a comment\n\n## S\nx\n", 3, "missing title"},
    {"# T\n", 1, "no steps"},
    {"# T\n## S\n@chart fn=sigmoid\n", 3, "unknown directive '@chart'"},
    {"# T\n## S\n@ table\n", 3, "must be followed by its name"},
    {"# T\n## S\n@Table\n", 3, "must be followed by its name"},
    {"# T\n## S\n@table colour=red\na\n@end\n", 3,
     "unknown parameter 'colour'"},
    {"# T\n## S\n@table body=x\na\n@end\n", 3, "lines below"},
    {"# T\n## S\n@table header\na\n@end\n", 3, "needs a value"},
    {"# T\n## S\n@table header=\na\n@end\n", 3, "needs a value"},
    {"# T\n## S\n@table =yes\na\n@end\n", 3, "expected a parameter"},
    {"# T\n## S\n@table header=\"yes\na\n@end\n", 3, "no closing"},
    {"# T\n## S\n@table header=\"yes\"no\na\n@end\n", 3, "expected a space"},
    {"# T\n## S\n@table header=y\"es\na\n@end\n", 3, "quote the whole"},
    {"# T\n## S\n@table header=yes header=no\na\n@end\n", 3, "given twice"},
    {"# T\n## S\n@table header=maybe\na\n@end\n", 3, "yes or no"},
    {"# T\n## S\n@table align=lx\na | b\n@end\n", 3, "found 'x'"},
    {"# T\n## S\n@table align=l\na | b\n@end\n", 3, "one letter"},
    {"# T\n## S\n@table\na | b\nc\n@end\n", 3, "row 2 has 1 cells"},
    {"# T\n## S\n@table\n\n@end\n", 3, "at least one row"},
    {"# T\n## S\n@formula\n   \n@end\n", 3, "at least one line"},
    {"# T\n## S\nx\n@formula\nz\n", 4, "not closed by @end"},
    {"# T\n## S\nx\n@end\n", 4, "@end without a block"},
    {"# T\n## S\n@formula\n\tz\n@end\n", 4, "tab inside"},
    {"# T\n## A\n\n## B\nx\n", 2, "step 1 has no content"},
    {"# T\n## A\nx\n## B\n", 4, "step 2 has no content"},
    {"# T\n# U\n## S\nx\n", 2, "second lesson title"},
    {"#\n## S\nx\n", 1, "title is empty"},
    {"# T\n### S\nx\n", 2, "not a heading"},
    {"# T\n##S\nx\n", 2, "needs a space"},
    {"# T\nx\n", 2, "text before the first step"},
    {"# T\n@formula\nx\n@end\n", 2, "before the first step"},
    {"# T\n## S\nbad \xC3 byte\n", 3, "invalid UTF-8"},
    {"# T\n## S\nlone \x80 continuation\n", 3, "invalid UTF-8"},
    {"# T\n## S\noverlong \xC0\xAF slash\n", 3, "invalid UTF-8"},
    {"# T\n## S\noverlong \xE0\x80\xAF slash\n", 3, "invalid UTF-8"},
    {"# T\n## S\nsurrogate \xED\xA0\x80 half\n", 3, "invalid UTF-8"},
    {"# T\n## S\nbeyond \xF4\x90\x80\x80 max\n", 3, "invalid UTF-8"},
    {"# T\n## S\ncut \xE4\xB8", 3, "invalid UTF-8"},
    {"# T\n## S\nescape \x1B[2J\n", 3, "U+001B"},
    {"# T\n## S\nC1 \xC2\x85 next line\n", 3, "U+0085"},
    {"# T\n## S\ndelete \x7F\n", 3, "U+007F"},
    {"# T\n## S\nbare \r return\n", 3, "U+000D"},
};

START_TEST(test_errors_name_file_and_line)
{
    struct lesson_error e;
    char want[64];
    snprintf(want, sizeof want, "t.lesson:%d: ", bad[_i].line);
    struct lesson *l = parse(bad[_i].text, &e);
    ck_assert_msg(l == NULL, "case %d parsed", _i);
    ck_assert_msg(strncmp(e.text, want, strlen(want)) == 0,
                  "case %d: '%s' does not start with '%s'", _i, e.text, want);
    ck_assert_msg(strstr(e.text, bad[_i].words) != NULL,
                  "case %d: '%s' lacks '%s'", _i, e.text, bad[_i].words);
}
END_TEST

START_TEST(test_nul_byte)
{
    static const char text[] = "# T\n## S\nab\0cd\n";
    struct lesson_error e;
    struct lesson *l = lesson_parse(text, sizeof text - 1, "n.lesson", &e);
    ck_assert_ptr_null(l);
    ck_assert_msg(strstr(e.text, "n.lesson:3: NUL byte at byte 3") == e.text,
                  "%s", e.text);
}
END_TEST

START_TEST(test_line_length_limit)
{
    /* 4096 bytes are accepted, 4097 refused. */
    size_t head = strlen("# T\n## S\n");
    char *text = malloc(head + 4097 + 2);
    for (int extra = 0; extra <= 1; extra++) {
        memcpy(text, "# T\n## S\n", head);
        memset(text + head, 'a', 4096 + (size_t)extra);
        strcpy(text + head + 4096 + extra, "\n");
        struct lesson_error e;
        struct lesson *l = parse(text, &e);
        if (extra == 0) {
            ck_assert_msg(l != NULL, "%s", e.text);
            ck_assert_uint_eq(strlen(l->steps[0].prose), 4096);
            lesson_free(l);
        } else {
            ck_assert_ptr_null(l);
            ck_assert_msg(strstr(e.text, "t.lesson:3: line is 4097 bytes") ==
                              e.text,
                          "%s", e.text);
        }
    }
    free(text);
}
END_TEST

/* A valid lesson that uses every construct, for the damage tests. */
static const char sample[] = "; sample\n"
                             "# Gates\n"
                             "## AND\n"
                             "With w1 = 0.5 and b = -0.7:\n"
                             "- one\n"
                             "@table header=yes align=\"llr\"\n"
                             "x1 | x2 | y\n"
                             "0 | 1 | 0\n"
                             "@end\n"
                             "After the table, 한국어 글.\n"
                             "## \n"
                             "@formula\n"
                             "z = 0.3*0.1\n"
                             "@end\n";

/* A failed parse must leave a message naming the file and a line. */
static void assert_clean_result(struct lesson *l, const struct lesson_error *e)
{
    if (l) {
        ck_assert_ptr_nonnull(l->title);
        ck_assert_uint_ge(l->n_steps, 1);
        for (size_t s = 0; s < l->n_steps; s++) {
            ck_assert_ptr_nonnull(l->steps[s].prose);
            for (size_t w = 0; w < l->steps[s].n_widgets; w++)
                ck_assert_ptr_nonnull(l->steps[s].widgets[w].after);
        }
        lesson_free(l);
    } else {
        ck_assert_msg(strncmp(e->text, "d.lesson:", 9) == 0, "%s", e->text);
    }
}

START_TEST(test_every_truncation)
{
    struct lesson_error e;
    struct lesson *full =
        lesson_parse(sample, sizeof sample - 1, "d.lesson", &e);
    ck_assert_msg(full != NULL, "%s", e.text);
    lesson_free(full);
    for (size_t n = 0; n < sizeof sample - 1; n++) {
        char *copy = malloc(n + 1); /* exact size: overreads would show */
        memcpy(copy, sample, n);
        struct lesson *l = lesson_parse(copy, n, "d.lesson", &e);
        assert_clean_result(l, &e);
        free(copy);
    }
}
END_TEST

START_TEST(test_random_damage)
{
    /* Flip, insert and overwrite bytes with a fixed generator (64-bit
     * LCG, Knuth's MMIX constants), so a failure is reproducible. */
    uint64_t state = 42;
    size_t len = sizeof sample - 1;
    char *buf = malloc(len + 8);
    for (int round = 0; round < 5000; round++) {
        memcpy(buf, sample, len);
        size_t n = len;
        int edits = 1 + round % 4;
        for (int k = 0; k < edits; k++) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t pos = (size_t)(state >> 33) % n;
            unsigned char byte = (unsigned char)(state >> 17);
            static const char special[] = "\n@#|\"=\\;\t\r\x80\xC3\xE4";
            if ((state >> 9) % 2)
                byte = (unsigned char)
                    special[(state >> 11) % (sizeof special - 1)];
            buf[pos] = (char)byte;
        }
        struct lesson_error e;
        struct lesson *l = lesson_parse(buf, n, "d.lesson", &e);
        assert_clean_result(l, &e);
    }
    free(buf);
}
END_TEST

START_TEST(test_load_file)
{
    char dir[] = "/tmp/nnlab-lesson-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/my-gates.lesson", dir);
    FILE *f = fopen(path, "w");
    fputs("# Mine\n## S\nHello.\n", f);
    fclose(f);
    struct lesson_error e;
    struct lesson *l = lesson_load(path, &e);
    ck_assert_msg(l != NULL, "%s", e.text);
    ck_assert_str_eq(l->id, "my-gates");
    ck_assert_str_eq(l->path, path);
    lesson_free(l);
    unlink(path);
    l = lesson_load(path, &e);
    ck_assert_ptr_null(l);
    ck_assert_msg(strstr(e.text, path) == e.text &&
                      strstr(e.text, "No such file") != NULL,
                  "%s", e.text);
    rmdir(dir);
}
END_TEST

static Suite *lesson_suite(void)
{
    Suite *s = suite_create("lesson");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, test_structure);
    tcase_add_test(tc, test_crlf_and_bom);
    tcase_add_test(tc, test_korean_prose);
    tcase_add_test(tc, test_directives_and_after);
    tcase_add_test(tc, test_quoted_escapes);
    tcase_add_test(tc, test_load_file);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors_name_file_and_line, 0,
                        (int)(sizeof bad / sizeof bad[0]));
    tcase_add_test(tc, test_nul_byte);
    tcase_add_test(tc, test_line_length_limit);
    suite_add_tcase(s, tc);
    tc = tcase_create("damage");
    tcase_add_test(tc, test_every_truncation);
    tcase_add_test(tc, test_random_damage);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(lesson_suite)
