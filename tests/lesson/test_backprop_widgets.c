/*
 * The backprop widgets, through the lesson parser: each stage of
 * @walkthrough shows exactly the model's lines (joined back into one
 * line, they equal name = formula = numbers = value), with the seed's
 * figures (from the textbook walkthrough, typed here from the notes); the
 * network diagram carries the seed's values and highlights its focus; the
 * matrix view shows the gradient matrices; bad parameters are refused
 * with a message naming them.
 */
#include "check_helpers.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "lesson/backprop_widgets.h"
#include "lesson/lesson.h"
#include "render/grid.h"

static struct lesson *parse_ok(const char *directive)
{
    char text[1024];
    snprintf(text, sizeof text, "# T\n\n## S\nProse.\n\n%s\n", directive);
    struct lesson_error err;
    struct lesson *l = lesson_parse(text, strlen(text), "t.lesson", &err);
    ck_assert_msg(l != NULL, "%s: %s", directive, err.text);
    return l;
}

/* The parse error for a directive ("" if it parsed). */
static const char *parse_error(const char *directive, struct lesson_error *err)
{
    char text[1024];
    snprintf(text, sizeof text, "# T\n\n## S\nProse.\n\n%s\n", directive);
    struct lesson *l = lesson_parse(text, strlen(text), "t.lesson", err);
    if (l) {
        lesson_free(l);
        err->text[0] = '\0';
    }
    return err->text;
}

/* Render the step's only widget into g (width w, 120 rows). */
static int render(const char *directive, int ascii, const char *lang, int w,
                  struct rgrid *g)
{
    struct lesson *l = parse_ok(directive);
    const struct lesson_widget *wd = &l->steps[0].widgets[0];
    const struct widget_kind *k = widget_find(wd->kind);
    ck_assert_ptr_nonnull(k);
    ck_assert_int_eq(rgrid_init(g, w, 120), 0);
    struct widget_ctx ctx = {rglyphs_get(ascii ? RGLYPH_ASCII : RGLYPH_UNICODE),
                             lang, NULL};
    char msg[256] = "";
    int rows = k->render(wd, &ctx, g, msg, sizeof msg);
    ck_assert_msg(rows > 0, "%s: %s", directive, msg);
    lesson_free(l);
    return rows;
}

/* The grid as text with every run of blanks (and line break) made one
 * space: a line broken over rows reads as the same words. */
static char *squeezed(const struct rgrid *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    rgrid_write(g, f);
    fclose(f);
    char *o = buf;
    int space = 1;
    for (char *p = buf; *p; p++) {
        if (isspace((unsigned char)*p)) {
            if (!space)
                *o++ = ' ';
            space = 1;
        } else {
            *o++ = *p;
            space = 0;
        }
    }
    while (o > buf && o[-1] == ' ')
        o--;
    *o = '\0';
    return buf;
}

/* The model's lines of sections [s0, s1], each "name = formula = numbers
 * = value", blanks squeezed the same way, joined by spaces. */
static void model_text(char *out, size_t len, int ascii, int numeric,
                       enum backprop_section s0, enum backprop_section s1)
{
    struct backprop_config c;
    backprop_config_default(&c);
    c.ascii = ascii;
    c.numeric = numeric;
    if (s0 == BACKPROP_TRAINING)
        c.iterations = 30;
    struct backprop_walk w;
    ck_assert_int_eq(backprop_walk_run(&w, &c), 0);
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < w.n_lines; i++) {
        const struct backprop_line *l = &w.lines[i];
        if (l->section < s0 || l->section > s1)
            continue;
        char v[48];
        snprintf(v, sizeof v, "%.8f", l->value);
        n += (size_t)snprintf(out + n, len - n, "%s%s", n ? " " : "", l->name);
        if (l->formula[0])
            n += (size_t)snprintf(out + n, len - n, " = %s", l->formula);
        if (l->numbers[0])
            n += (size_t)snprintf(out + n, len - n, " = %s", l->numbers);
        n += (size_t)snprintf(out + n, len - n, " = %s", v);
        if (l->note[0])
            n += (size_t)snprintf(out + n, len - n, " (%s)", l->note);
    }
    backprop_walk_fini(&w);
    /* The model's own text has single blanks already, except where a
     * formula keeps two; squeeze them too. */
    char *o = out;
    for (char *p = out; *p; p++)
        if (!(*p == ' ' && o > out && o[-1] == ' '))
            *o++ = *p;
    *o = '\0';
}

#define ck_assert_has(text, needle)                                            \
    ck_assert_msg(strstr((text), (needle)) != NULL, "lacks \"%s\":\n%s",       \
                  (needle), (text))

/* Every stage, at 80 columns and at 50 (where long lines break), in
 * Unicode and ASCII: the widget's words are the model's lines. */
START_TEST(test_stages_are_model_lines)
{
    static const struct {
        const char *stage;
        enum backprop_section s0, s1;
    } stages[] = {
        {"forward", BACKPROP_FORWARD, BACKPROP_FORWARD},
        {"error", BACKPROP_ERROR, BACKPROP_ERROR},
        {"output", BACKPROP_STAGE1, BACKPROP_STAGE1},
        {"hidden", BACKPROP_STAGE2, BACKPROP_STAGE2},
        {"numeric", BACKPROP_NUMERIC, BACKPROP_NUMERIC},
        {"after", BACKPROP_FORWARD2, BACKPROP_ERROR2},
        {"training iterations=30", BACKPROP_TRAINING, BACKPROP_TRAINING},
    };
    static char want[16384];
    for (size_t s = 0; s < sizeof stages / sizeof stages[0]; s++)
        for (int ascii = 0; ascii <= 1; ascii++)
            for (int width = 50; width <= 80; width += 30) {
                char d[64];
                snprintf(d, sizeof d, "@walkthrough stage=%s", stages[s].stage);
                struct rgrid g;
                render(d, ascii, "en", width, &g);
                char *got = squeezed(&g);
                model_text(want, sizeof want, ascii,
                           stages[s].s0 == BACKPROP_NUMERIC, stages[s].s0,
                           stages[s].s1);
                ck_assert_msg(strcmp(got, want) == 0,
                              "%s (ascii %d, width %d):\n%s\nmodel:\n%s",
                              stages[s].stage, ascii, width, got, want);
                free(got);
                rgrid_fini(&g);
            }
}
END_TEST

/* The seed's figures, where the lesson shows them. */
START_TEST(test_seed_figures)
{
    static const struct {
        const char *directive;
        const char *figures[6];
    } cases[] = {
        {"@walkthrough stage=forward",
         {"0.3×0.1 + 0.25×0.2 = 0.08000000", "= 0.51998934", "= 0.52747230",
          "= 0.44498412", "= 0.60944600", "= 0.66384491"}},
        {"@walkthrough stage=error",
         {"= 0.02193381", "= 0.00203809", "E_total", "= 0.02397190"}},
        {"@walkthrough stage=output",
         {"0.20944600 × 0.23802157 × 0.51998934", "= 0.02592286",
          "0.45 − 0.5×0.02592286 = 0.43703857", "= 0.38685205", "= 0.69629578",
          "= 0.59624247"}},
        {"@walkthrough stage=hidden",
         {"0.02243370 + 0.00997311 = 0.03240681", "= 0.29959556",
          "= 0.24919112", "= 0.39964496", "= 0.34928991"}},
        {"@walkthrough stage=after",
         {"= 0.07979778", "= 0.60617688", "= 0.66295848",
          "0.02125445 + 0.00198189 = 0.02323634"}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rgrid g;
        render(cases[i].directive, 0, "en", 80, &g);
        char *got = squeezed(&g);
        for (int k = 0; k < 6 && cases[i].figures[k]; k++)
            ck_assert_has(got, cases[i].figures[k]);
        free(got);
        rgrid_fini(&g);
    }
}
END_TEST

/* from/upto reveal a derivation piece by piece: line 4 of stage 1 is
 * ∂E/∂W5, and upto=3 stops before it. */
START_TEST(test_from_upto)
{
    struct rgrid g;
    render("@walkthrough stage=output from=4 upto=4", 1, "en", 80, &g);
    char *got = squeezed(&g);
    ck_assert_str_eq(got, "dE/dW5 = dE/do1 * do1/dz3 * dz3/dW5 = "
                          "0.20944600 * 0.23802157 * 0.51998934 = 0.02592286");
    free(got);
    rgrid_fini(&g);
    render("@walkthrough stage=output upto=3", 1, "en", 80, &g);
    got = squeezed(&g);
    ck_assert_has(got, "dz3/dW5 = h1 = 0.51998934");
    ck_assert(strstr(got, "dE/dW5") == NULL);
    free(got);
    rgrid_fini(&g);
}
END_TEST

/* The gradient table: the core's gradients and the updated weights, with
 * headings in the lesson's language. */
START_TEST(test_table_view)
{
    struct rgrid g;
    int rows = render("@walkthrough stage=output view=table", 0, "en", 80, &g);
    ck_assert_int_eq(rows, 5);
    char *got = squeezed(&g);
    ck_assert_str_eq(got, "Parameter ∂E/∂p Updated "
                          "W5 0.02592286 0.43703857 W6 0.02629590 0.38685205 "
                          "W7 0.00740844 0.69629578 W8 0.00751506 0.59624247");
    free(got);
    rgrid_fini(&g);
    render("@walkthrough stage=hidden view=table bias=shared b=0.35,0.6", 1,
           "ko", 80, &g);
    got = squeezed(&g);
    ck_assert_has(got, "파라미터 dE/dp 고친 값 W1 ");
    ck_assert_has(got, " b1 "); /* the hidden layer's shared bias */
    free(got);
    rgrid_fini(&g);
}
END_TEST

/* The network: the seed's values on nodes and edges, the targets, z as
 * notes; the focus highlighted; values=after shows updated weights. */
START_TEST(test_network)
{
    struct rgrid g;
    int rows = render("@network focus=W5", 0, "en", 80, &g);
    ck_assert_int_eq(rows, 13);
    char *got = squeezed(&g);
    const char *want[] = {
        "[x1 0.1]",        "[x2 0.2]",        "[h1 0.51998934]",
        "[h2 0.52747230]", "[o1 0.60944600]", "[o2 0.66384491]",
        "t1 0.4",          "t2 0.6",          "z1 0.08000000",
        "z4 0.68047592",   "W1 0.3",          "W2 0.25",
        "W3 0.4",          "W4 0.35",         "W5 0.45",
        "W6 0.4",          "W7 0.7",          "W8 0.6"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_has(got, want[i]);
    free(got);
    /* "W5 0.45" is highlighted, "W1 0.3" is not. */
    int hl = 0, plain_w1 = 0;
    for (int y = 0; y < rows; y++)
        for (int x = 0; x + 1 < g.w; x++) {
            struct rcell *c = rgrid_at(&g, x, y), *n = rgrid_at(&g, x + 1, y);
            if (c->ch == 'W' && n->ch == '5')
                hl = c->style == RS_HIGHLIGHT;
            if (c->ch == 'W' && n->ch == '1')
                plain_w1 = c->style == RS_NORMAL;
        }
    ck_assert(hl && plain_w1);
    rgrid_fini(&g);

    render("@network values=after focus=h2 bias=unit b=0.1,0.2,0.3,0.4", 1,
           "en", 76, &g);
    got = squeezed(&g);
    ck_assert_has(got, "b4 ");
    free(got);
    rgrid_fini(&g);
    render("@network values=after", 1, "en", 76, &g);
    got = squeezed(&g);
    ck_assert_has(got, "W5 0.437039");
    ck_assert_has(got, "W1 0.299596");
    ck_assert_has(got, "[o1 0.60617688]");
    free(got);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_matrixview)
{
    struct rgrid g;
    render("@matrixview show=backward", 1, "en", 80, &g);
    char *got = squeezed(&g);
    ck_assert_has(got, "dW[2] (2x2) = h^T*dz[2] = [0.02592286 0.00740844] "
                       "[0.02629590 0.00751506]");
    ck_assert_has(got, "dh (1x2) = dz[2]*W[2]^T = [0.03240681 0.02848945]");
    ck_assert_has(got, "dW[1] (2x2) = x^T*dz[1] = [0.00080888 0.00071009] "
                       "[0.00161775 0.00142017]");
    ck_assert(strstr(got, "sigmoid") == NULL); /* no forward part */
    free(got);
    rgrid_fini(&g);
}
END_TEST

/* Broken lines never pass the width. */
START_TEST(test_line_fits_width)
{
    struct backprop_config c;
    backprop_config_default(&c);
    c.numeric = 1;
    struct backprop_walk w;
    ck_assert_int_eq(backprop_walk_run(&w, &c), 0);
    for (int width = 30; width <= 80; width += 10)
        for (size_t i = 0; i < w.n_lines; i++) {
            struct rgrid g;
            rgrid_init(&g, width + 10, 20);
            int rows = backprop_line_draw(&g, 0, 0, width, &w.lines[i], 0);
            ck_assert_int_eq(
                rows, backprop_line_draw(NULL, 0, 0, width, &w.lines[i], 0));
            for (int y = 0; y < 20; y++)
                for (int x = width; x < width + 10; x++)
                    ck_assert_uint_eq(rgrid_at(&g, x, y)->ch, ' ');
            rgrid_fini(&g);
        }
    backprop_walk_fini(&w);
}
END_TEST

START_TEST(test_bad_parameters)
{
    static const struct {
        const char *directive, *message;
    } cases[] = {
        {"@walkthrough", "stage= is missing"},
        {"@walkthrough stage=sideways", "stage: 'sideways' is not one of"},
        {"@walkthrough stage=output upto=99", "stage output has lines 1 to"},
        {"@walkthrough stage=forward view=table", "view=table is for"},
        {"@walkthrough stage=training", "iterations=2 or more"},
        {"@network focus=b1", "focus: 'b1' is not"},
        {"@network w=1,2,3", "w: '1,2,3' is not a list of 8 numbers"},
        {"@network x=1e7,0", "x: 1e+07 is out of range"},
        {"@network b=0.1,0.2", "b: biases need bias=shared"},
        {"@network bias=shared b=0.1,0.2,0.3", "not a list of 2 numbers"},
        {"@matrixview lr=-1", "lr: '-1' is not a number in [0, 1000]"},
        {"@matrixview show=sideways", "show: 'sideways'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct lesson_error err;
        const char *e = parse_error(cases[i].directive, &err);
        ck_assert_msg(strstr(e, cases[i].message) != NULL,
                      "%s: got \"%s\", want \"%s\"", cases[i].directive, e,
                      cases[i].message);
        ck_assert_msg(strstr(e, "t.lesson:6") != NULL, "%s", e);
    }
}
END_TEST

static Suite *backprop_widgets_suite(void)
{
    Suite *s = suite_create("lesson-backprop-widgets");
    TCase *tc = tcase_create("widgets");
    tcase_add_test(tc, test_stages_are_model_lines);
    tcase_add_test(tc, test_seed_figures);
    tcase_add_test(tc, test_from_upto);
    tcase_add_test(tc, test_table_view);
    tcase_add_test(tc, test_network);
    tcase_add_test(tc, test_matrixview);
    tcase_add_test(tc, test_line_fits_width);
    tcase_add_test(tc, test_bad_parameters);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(backprop_widgets_suite)
