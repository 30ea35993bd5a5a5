/*
 * The backprop topic model: checking a learner's hand calculation (match
 * to the typed precision, and which factor or term explains a wrong
 * result), the parameters and focus of lines, the E curve, ASCII text,
 * and refused configurations. Values of every line are checked against an
 * independent computation in tests/cli/test_backprop.c.
 */
#include "check_helpers.h"
#include "core/error.h"
#include "lesson/backprop.h"

#include <string.h>

static struct backprop_walk walk;

static void seed_walk(void)
{
    struct backprop_config c;
    backprop_config_default(&c);
    ck_assert_int_eq(backprop_walk_run(&walk, &c), NN_OK);
}

static void done(void)
{
    backprop_walk_fini(&walk);
}

/* The index of the first line called `name` in section s. */
static size_t line(enum backprop_section s, const char *name)
{
    for (size_t i = 0; i < walk.n_lines; i++)
        if (walk.lines[i].section == s && strcmp(walk.lines[i].name, name) == 0)
            return i;
    ck_abort_msg("no line %s", name);
    return 0;
}

static struct backprop_verdict check(size_t i, const char *typed)
{
    struct backprop_verdict v;
    ck_assert_int_eq(backprop_check(&walk, i, typed, &v), NN_OK);
    return v;
}

START_TEST(test_check_matches)
{
    size_t w5 = line(BACKPROP_STAGE1, "∂E/∂W5");
    ck_assert(check(w5, "0.02592286").match);
    ck_assert(check(w5, " 0.0259 ").match); /* 4 decimals: enough */
    ck_assert(check(w5, "0.02592").match);
    ck_assert(check(w5, "2.592286e-2").match);
    struct backprop_verdict v = check(w5, "0.026"); /* right, but coarse */
    ck_assert(!v.match && v.too_coarse);
    ck_assert_int_eq(v.decimals, 3);
    ck_assert(check(line(BACKPROP_FORWARD, "z1"), "0.08").match); /* exact */
    v = check(line(BACKPROP_FORWARD, "h1"), "0.52");
    ck_assert(!v.match && v.too_coarse);
    v = check(w5, "0.02592287"); /* one in the last digit */
    ck_assert(!v.match && !v.too_coarse);
    ck_assert_int_eq(backprop_check(&walk, w5, "abc", &v), NN_EINVAL);
    ck_assert_int_eq(backprop_check(&walk, w5, "", &v), NN_EINVAL);
    ck_assert_int_eq(backprop_check(&walk, walk.n_lines, "1", &v), NN_EINVAL);
}
END_TEST

START_TEST(test_check_which_factor)
{
    size_t w5 = line(BACKPROP_STAGE1, "∂E/∂W5");
    ck_assert_int_eq(walk.lines[w5].op, BACKPROP_OP_PRODUCT);
    ck_assert_int_eq(walk.lines[w5].n_operands, 3);
    ck_assert_str_eq(walk.lines[w5].operand_names[2], "∂z3/∂W5");
    /* h2 in place of h1: 0.20944600 × 0.23802157 × 0.52747230 */
    struct backprop_verdict v = check(w5, "0.02629590");
    ck_assert(!v.match);
    ck_assert_int_eq(v.operand, 2);
    ck_assert_str_eq(v.used, "h2");
    ck_assert_near(v.implied, 0.52747230, 1e-6);
    /* the sigmoid's derivative left out: 0.20944600 × 0.51998934 */
    v = check(w5, "0.10890969");
    ck_assert_int_eq(v.operand, 1);
    ck_assert_str_eq(v.used, "1");
    /* a sign slip in ∂E/∂o1 = o1 - target1 */
    v = check(w5, "-0.02592286");
    ck_assert_int_eq(v.operand, 0);
    ck_assert_str_eq(v.used, "-∂E/∂o1");
    /* ∂E/∂h1 with the path through o2 forgotten */
    size_t dh1 = line(BACKPROP_STAGE2, "∂E/∂h1");
    ck_assert_int_eq(walk.lines[dh1].op, BACKPROP_OP_SUM);
    v = check(dh1, "0.02243370");
    ck_assert_int_eq(v.operand, 1);
    ck_assert_str_eq(v.used, "0");
    /* ∂o1/∂z3 = o1 (1 - o1) written as 1 - o1 alone */
    v = check(line(BACKPROP_STAGE1, "∂o1/∂z3"), "0.39055400");
    ck_assert_int_eq(v.operand, 0);
    ck_assert_str_eq(v.used, "1");
    /* z1 with W3 (0.4) in place of W1 (0.3): 0.4×0.1 + 0.25×0.2 */
    v = check(line(BACKPROP_FORWARD, "z1"), "0.09");
    ck_assert_int_eq(v.operand, 0); /* the term W1·x1 */
    ck_assert_int_eq(v.factor, 0);  /* its W1 */
    ck_assert_str_eq(v.used, "W3");
    ck_assert_near(v.implied, 0.4, 1e-9);
    /* W5⁺ with + instead of −: 0.45 + 0.5 × 0.02592286 */
    v = check(line(BACKPROP_STAGE1, "W5⁺"), "0.46296143");
    ck_assert_int_eq(v.operand, 1);
    ck_assert(v.used[0] == '-');
    /* nothing explains 0.5 */
    v = check(w5, "0.5");
    ck_assert(!v.match);
    ck_assert_int_eq(v.operand, -1);
    ck_assert_str_eq(v.used, "");
}
END_TEST

START_TEST(test_model)
{
    ck_assert_int_eq(backprop_param_count(&walk), 8);
    ck_assert_str_eq(backprop_param_name(4), "W5");
    ck_assert_str_eq(backprop_param_name(12), "?");
    /* After the update: the seed's W5⁺ and W1⁺. */
    ck_assert_near(backprop_param_value(&walk, 4), 0.43703857, 5e-9);
    ck_assert_near(backprop_param_value(&walk, 0), 0.29959556, 5e-9);
    ck_assert_near(walk.grad[4], 0.02592286, 5e-9);
    ck_assert_near(walk.error[0], 0.02397190, 5e-9);
    ck_assert_near(walk.error[1], 0.02323634, 5e-9);
    /* Focus: an update of W5 is about edge 4; h1 about node 2. */
    size_t i = line(BACKPROP_STAGE1, "W5⁺");
    ck_assert_int_eq(walk.lines[i].focus, BACKPROP_FOCUS_EDGE);
    ck_assert_int_eq(walk.lines[i].index, 4);
    i = line(BACKPROP_FORWARD, "h1");
    ck_assert_int_eq(walk.lines[i].focus, BACKPROP_FOCUS_NODE);
    ck_assert_int_eq(walk.lines[i].index, 2);
    /* Sections come in order, each present. */
    for (size_t k = 1; k < walk.n_lines; k++)
        ck_assert(walk.lines[k].section >= walk.lines[k - 1].section);
    ck_assert_str_eq(backprop_section_key(BACKPROP_STAGE2), "stage2");
    ck_assert_str_eq(backprop_section_title(BACKPROP_ERROR), "Error");
    /* The matrix view: dW[2] = [[∂W5, ∂W7], [∂W6, ∂W8]]. */
    const struct backprop_matrix *m = NULL;
    for (size_t k = 0; k < walk.n_mats; k++)
        if (strcmp(walk.mats[k].name, "dW[2]") == 0)
            m = &walk.mats[k];
    ck_assert_ptr_nonnull(m);
    ck_assert_uint_eq(m->rows, 2);
    ck_assert(m->v[0] == walk.grad[4] && m->v[1] == walk.grad[6] &&
              m->v[2] == walk.grad[5] && m->v[3] == walk.grad[7]);
}
END_TEST

/* Many updates: E falls every step for the seed's network (small α). */
START_TEST(test_curve_and_ascii)
{
    struct backprop_config c;
    backprop_config_default(&c);
    c.iterations = 200;
    c.ascii = 1;
    c.bias = BACKPROP_BIAS_PER_UNIT;
    c.b[0] = 0.1;
    struct backprop_walk w;
    ck_assert_int_eq(backprop_walk_run(&w, &c), NN_OK);
    for (long k = 1; k <= 200; k++)
        ck_assert(w.error[k] < w.error[k - 1]);
    ck_assert_int_eq(backprop_param_count(&w), 12);
    for (size_t i = 0; i < w.n_lines; i++) {
        const struct backprop_line *l = &w.lines[i];
        const char *parts[3] = {l->name, l->formula, l->numbers};
        for (int p = 0; p < 3; p++)
            for (const char *s = parts[p]; *s; s++)
                ck_assert_msg((unsigned char)*s < 0x80, "line %zu: %s", i,
                              parts[p]);
    }
    /* At most 20 curve points plus the last, then the 12 parameters. */
    size_t training = 0;
    for (size_t i = 0; i < w.n_lines; i++)
        training += w.lines[i].section == BACKPROP_TRAINING;
    ck_assert_uint_le(training, 21 + 12);
    backprop_walk_fini(&w);
}
END_TEST

START_TEST(test_refused)
{
    struct backprop_config c;
    struct backprop_walk w;
    backprop_config_default(&c);
    c.lr = -0.5;
    ck_assert_int_eq(backprop_walk_run(&w, &c), NN_EINVAL);
    ck_assert_ptr_null(w.lines);
    backprop_config_default(&c);
    c.w[3] = NAN;
    ck_assert_int_eq(backprop_walk_run(&w, &c), NN_EINVAL);
    backprop_config_default(&c);
    c.iterations = 0;
    ck_assert_int_eq(backprop_walk_run(&w, &c), NN_EINVAL);
    c.iterations = BACKPROP_MAX_ITERATIONS + 1;
    ck_assert_int_eq(backprop_walk_run(&w, &c), NN_EINVAL);
    backprop_walk_fini(&w); /* safe after a refusal */
}
END_TEST

static Suite *backprop_suite(void)
{
    Suite *s = suite_create("lesson-backprop");
    TCase *tc = tcase_create("backprop");
    tcase_add_checked_fixture(tc, seed_walk, done);
    tcase_add_test(tc, test_check_matches);
    tcase_add_test(tc, test_check_which_factor);
    tcase_add_test(tc, test_model);
    suite_add_tcase(s, tc);
    TCase *tc2 = tcase_create("configs");
    tcase_add_test(tc2, test_curve_and_ascii);
    tcase_add_test(tc2, test_refused);
    suite_add_tcase(s, tc2);
    return s;
}

CHECK_MAIN(backprop_suite)
