/*
 * Lesson 1's topic model: truth tables of the seed weights, gate names,
 * the grid search for XOR, the two-layer XOR network and the perceptron
 * learning rule. Expected values are worked out by hand in the comments.
 */
#include "check_helpers.h"
#include "lesson/gates.h"

/* Check a perceptron's table against hand-computed sums and outputs, rows
 * in the order (0,0) (0,1) (1,0) (1,1). */
static void check_table(double w1, double w2, double b, int ge,
                        const double sum[4], const int y[4])
{
    struct gates_perceptron p = {w1, w2, b, ge};
    struct gates_table t;
    gates_table_compute(&t, &p);
    unsigned pattern = 0;
    for (int r = 0; r < 4; r++) {
        ck_assert_near(t.sum[r], sum[r], 1e-12);
        ck_assert_int_eq(t.y[r], y[r]);
        pattern |= (unsigned)y[r] << r;
    }
    ck_assert_uint_eq(t.pattern, pattern);
}

START_TEST(test_seed_and)
{
    /* 0.5·x1 + 0.5·x2 - 0.7: -0.7, -0.2, -0.2, 0.3; only the last > 0. */
    check_table(0.5, 0.5, -0.7, 0, (double[]){-0.7, -0.2, -0.2, 0.3},
                (int[]){0, 0, 0, 1});
    struct gates_perceptron p;
    ck_assert_int_eq(gates_seed_weights(GATES_AND, &p), 0);
    ck_assert_near(p.w1, 0.5, 0);
    ck_assert_near(p.w2, 0.5, 0);
    ck_assert_near(p.b, -0.7, 0);
    ck_assert_int_eq(p.ge, 0);
}
END_TEST

START_TEST(test_seed_nand)
{
    /* The AND weights negated: 0.7, 0.2, 0.2, -0.3. */
    check_table(-0.5, -0.5, 0.7, 0, (double[]){0.7, 0.2, 0.2, -0.3},
                (int[]){1, 1, 1, 0});
    struct gates_perceptron p;
    ck_assert_int_eq(gates_seed_weights(GATES_NAND, &p), 0);
    ck_assert_near(p.w1, -0.5, 0);
    ck_assert_near(p.b, 0.7, 0);
}
END_TEST

START_TEST(test_seed_or)
{
    /* -0.5, 0.6 - 0.5 = 0.1, 0.1, 1.2 - 0.5 = 0.7. */
    check_table(0.6, 0.6, -0.5, 0, (double[]){-0.5, 0.1, 0.1, 0.7},
                (int[]){0, 1, 1, 1});
    struct gates_perceptron p;
    ck_assert_int_eq(gates_seed_weights(GATES_OR, &p), 0);
    ck_assert_near(p.w2, 0.6, 0);
    ck_assert_near(p.b, -0.5, 0);
    ck_assert_int_eq(gates_seed_weights(GATES_XOR, &p), -1);
}
END_TEST

START_TEST(test_step_rule_on_the_line)
{
    /* 1, 1, -1: sums -1, 0, 0, 1. "> 0" gives AND, ">= 0" gives OR. */
    check_table(1, 1, -1, 0, (double[]){-1, 0, 0, 1}, (int[]){0, 0, 0, 1});
    check_table(1, 1, -1, 1, (double[]){-1, 0, 0, 1}, (int[]){0, 1, 1, 1});
    /* The notes' other AND set: -0.8, -0.3, -0.3, 0.2. */
    check_table(0.5, 0.5, -0.8, 0, (double[]){-0.8, -0.3, -0.3, 0.2},
                (int[]){0, 0, 0, 1});
    /* 0.1 + 0.2 - 0.3 is 5.6e-17 in binary, but 0 on paper: the rule
     * decides, not the rounding. */
    struct gates_perceptron p = {0.1, 0.2, -0.3, 0};
    ck_assert_int_eq(gates_output(&p, 1, 1), 0);
    p.ge = 1;
    ck_assert_int_eq(gates_output(&p, 1, 1), 1);
}
END_TEST

START_TEST(test_other_weights_compute_their_gate)
{
    for (int g = 0; g < GATES_N_GATES; g++) {
        struct gates_perceptron set[8];
        int n = gates_other_weights(g, set, 8);
        if (g == GATES_XOR || g == GATES_XNOR)
            ck_assert_int_eq(n, 0);
        else
            ck_assert_int_ge(n, 1);
        for (int i = 0; i < n; i++) {
            struct gates_table t;
            gates_table_compute(&t, &set[i]);
            ck_assert_uint_eq(t.pattern, gates_gate_pattern(g));
        }
    }
}
END_TEST

START_TEST(test_gate_names)
{
    /* Patterns: bit r is the output for row r = 2·x1 + x2. */
    ck_assert_uint_eq(gates_gate_pattern(GATES_AND), 0x8);  /* 0001 */
    ck_assert_uint_eq(gates_gate_pattern(GATES_OR), 0xE);   /* 0111 */
    ck_assert_uint_eq(gates_gate_pattern(GATES_NAND), 0x7); /* 1110 */
    ck_assert_uint_eq(gates_gate_pattern(GATES_NOR), 0x1);  /* 1000 */
    ck_assert_uint_eq(gates_gate_pattern(GATES_XOR), 0x6);  /* 0110 */
    ck_assert_uint_eq(gates_gate_pattern(GATES_XNOR), 0x9); /* 1001 */
    for (int g = 0; g < GATES_N_GATES; g++) {
        unsigned pat = gates_gate_pattern(g);
        ck_assert_int_eq(gates_gate_of_pattern(pat), g);
        ck_assert_str_eq(gates_function_name(pat), gates_gate_name(g));
        ck_assert_int_eq(gates_gate_parse(gates_gate_name(g)), g);
    }
    ck_assert_int_eq(gates_gate_parse("nand"), GATES_NAND);
    ck_assert_int_eq(gates_gate_parse("xand"), -1);
    /* Only (1,0) fires: row 2, pattern 0100. */
    ck_assert_str_eq(gates_function_name(0x4), "x1 AND NOT x2");
    ck_assert_int_eq(gates_gate_of_pattern(0x4), -1);
    /* Rows (1,0) and (1,1): the output copies x1. */
    ck_assert_str_eq(gates_function_name(0xC), "x1");
    ck_assert_str_eq(gates_function_name(0x0), "always 0");
    ck_assert_str_eq(gates_function_name(0xF), "always 1");
}
END_TEST

START_TEST(test_search_small_grid_by_hand)
{
    /* Weights in {-0.1, 0, 0.1}, in tenths a, b, c in {-1, 0, 1}: 27 sets.
     * AND (> 0) needs c <= 0, a + c <= 0, b + c <= 0 and a + b + c > 0:
     * c = 0 forces a, b <= 0 and a + b > 0, impossible; c = -1 allows
     * a + b > 1 only for a = b = 1. One set, (0.1, 0.1, -0.1).
     * OR needs c <= 0, a + c > 0, b + c > 0: only c = 0, a = b = 1.
     * Always 0: c = 0 with a, b <= 0 (4 sets), c = -1 with a + b <= 1
     * (9 - 1 = 8 sets): 12. */
    struct gates_search s;
    gates_search_run(&s, 1, 0);
    ck_assert_int_eq(s.tried, 27);
    ck_assert_int_eq(s.count[gates_gate_pattern(GATES_AND)], 1);
    ck_assert_near(s.first[0x8].w1, 0.1, 1e-15);
    ck_assert_near(s.first[0x8].w2, 0.1, 1e-15);
    ck_assert_near(s.first[0x8].b, -0.1, 1e-15);
    ck_assert_int_eq(s.count[gates_gate_pattern(GATES_OR)], 1);
    ck_assert_int_eq(s.count[0x0], 12);
    ck_assert_int_eq(s.count[gates_gate_pattern(GATES_XOR)], 0);
}
END_TEST

START_TEST(test_search_finds_no_xor)
{
    /* 21 values per weight, -1.0 .. 1.0: 21³ = 9261 candidates. Every
     * function but XOR and XNOR is linearly separable and must be found. */
    for (int ge = 0; ge <= 1; ge++) {
        struct gates_search s;
        gates_search_run(&s, 10, ge);
        ck_assert_int_eq(s.tried, 9261);
        long total = 0;
        for (unsigned pat = 0; pat < 16; pat++) {
            total += s.count[pat];
            if (pat == 0x6 || pat == 0x9) {
                ck_assert_int_eq(s.count[pat], 0);
                continue;
            }
            ck_assert_int_gt(s.count[pat], 0);
            struct gates_table t;
            gates_table_compute(&t, &s.first[pat]);
            ck_assert_uint_eq(t.pattern, pat);
        }
        ck_assert_int_eq(total, 9261);
    }
    /* Negating all weights flips every sum's sign, so a set gives pattern
     * P under "> 0" exactly when its negation gives NOT P under ">= 0". */
    struct gates_search gt, ge;
    gates_search_run(&gt, 10, 0);
    gates_search_run(&ge, 10, 1);
    for (unsigned pat = 0; pat < 16; pat++)
        ck_assert_int_eq(gt.count[pat], ge.count[15 - pat]);
}
END_TEST

START_TEST(test_xor_network)
{
    /* h1 = NAND: sums 0.7, 0.2, 0.2, -0.3 -> 1 1 1 0
     * h2 = OR:   sums -0.5, 0.1, 0.1, 0.7 -> 0 1 1 1
     * y = AND(h1, h2): (1,0) -> -0.2, (1,1) -> 0.3, 0.3, (0,1) -> -0.2 */
    static const double s_nand[4] = {0.7, 0.2, 0.2, -0.3};
    static const double s_or[4] = {-0.5, 0.1, 0.1, 0.7};
    static const double s_and[4] = {-0.2, 0.3, 0.3, -0.2};
    static const int h1[4] = {1, 1, 1, 0}, h2[4] = {0, 1, 1, 1};
    static const int y[4] = {0, 1, 1, 0};
    for (int ge = 0; ge <= 1; ge++) {
        struct gates_xor_row rows[4];
        gates_xor_net(rows, ge);
        for (int r = 0; r < 4; r++) {
            ck_assert_int_eq(rows[r].x1, r >> 1);
            ck_assert_int_eq(rows[r].x2, r & 1);
            ck_assert_near(rows[r].s_nand, s_nand[r], 1e-12);
            ck_assert_near(rows[r].s_or, s_or[r], 1e-12);
            ck_assert_near(rows[r].s_and, s_and[r], 1e-12);
            ck_assert_int_eq(rows[r].h1, h1[r]);
            ck_assert_int_eq(rows[r].h2, h2[r]);
            ck_assert_int_eq(rows[r].y, y[r]);
        }
    }
}
END_TEST

/* Run a learner to its end; returns the status. */
static enum gates_learn_status learn_run(struct gates_learn *L, unsigned tgt,
                                         double w1, double w2, double b,
                                         double eta, int max_epochs)
{
    struct gates_perceptron start = {w1, w2, b, 0};
    gates_learn_init(L, tgt, &start, eta, max_epochs);
    enum gates_learn_status st;
    long guard = 0;
    while ((st = gates_learn_step(L, NULL)) == GATES_LEARN_RUNNING)
        ck_assert_int_lt(++guard, 4L * GATES_LEARN_MAX_EPOCHS + 4);
    return st;
}

START_TEST(test_learn_and_by_hand)
{
    /* From (0, 0, 0), η = 0.1, rows in table order; (w1, w2, b) after
     * each mistake:
     *   epoch 1: (1,1) s=0 y=0 t=1  -> (0.1, 0.1, 0.1)
     *   epoch 2: (0,0) s=0.1 y=1    -> (0.1, 0.1, 0)
     *            (0,1) s=0.1 y=1    -> (0.1, 0, -0.1)
     *            (1,0) s=0 ok; (1,1) s=0 y=0 -> (0.2, 0.1, 0)
     *   epoch 3: (0,1) s=0.1        -> (0.2, 0, -0.1)
     *            (1,0) s=0.1        -> (0.1, 0, -0.2)
     *            (1,1) s=-0.1       -> (0.2, 0.1, -0.1)
     *   epoch 4: (1,0) s=0.1        -> (0.1, 0.1, -0.2)
     *            (1,1) s=0          -> (0.2, 0.2, -0.1)
     *   epoch 5: (0,1) s=0.1        -> (0.2, 0.1, -0.2)
     *   epoch 6: sums -0.2, -0.1, 0, 0.1: no mistake. 10 updates. */
    struct gates_learn L;
    struct gates_perceptron start = {0, 0, 0, 0};
    gates_learn_init(&L, gates_gate_pattern(GATES_AND), &start, 0.1, 100);
    struct gates_learn_event ev;
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(gates_learn_step(&L, &ev), GATES_LEARN_RUNNING);
    /* The fourth event is the first update. */
    ck_assert_int_eq(ev.epoch, 1);
    ck_assert_int_eq(ev.row, 3);
    ck_assert_near(ev.sum, 0, 0);
    ck_assert_int_eq(ev.y, 0);
    ck_assert_int_eq(ev.t, 1);
    ck_assert_near(ev.after.w1, 0.1, 1e-12);
    ck_assert_near(ev.after.b, 0.1, 1e-12);
    gates_learn_step(&L, &ev); /* epoch 2, (0,0) */
    ck_assert_int_eq(ev.epoch, 2);
    ck_assert_near(ev.sum, 0.1, 1e-12);
    ck_assert_near(ev.after.b, 0, 1e-12);

    ck_assert_int_eq(learn_run(&L, 0x8, 0, 0, 0, 0.1, 100),
                     GATES_LEARN_CONVERGED);
    ck_assert_int_eq(L.epoch, 6);
    ck_assert_int_eq(L.updates, 10);
    ck_assert_near(L.p.w1, 0.2, 1e-12);
    ck_assert_near(L.p.w2, 0.1, 1e-12);
    ck_assert_near(L.p.b, -0.2, 1e-12);
}
END_TEST

START_TEST(test_learn_or_nand_by_hand)
{
    /* OR from 0: epoch 1 (0,1) -> (0, 0.1, 0.1); epoch 2 (0,0) ->
     * (0, 0.1, 0), (1,0) s=0 -> (0.1, 0.1, 0.1); epoch 3 (0,0) ->
     * (0.1, 0.1, 0); epoch 4 clean. 4 updates. */
    struct gates_learn L;
    ck_assert_int_eq(learn_run(&L, 0xE, 0, 0, 0, 0.1, 100),
                     GATES_LEARN_CONVERGED);
    ck_assert_int_eq(L.epoch, 4);
    ck_assert_int_eq(L.updates, 4);
    ck_assert_near(L.p.w1, 0.1, 1e-12);
    ck_assert_near(L.p.w2, 0.1, 1e-12);
    ck_assert_near(L.p.b, 0, 1e-12);
    /* NAND from 0: mistakes per epoch 2, 3, 3, 2, 1, then epoch 6 clean
     * with (-0.2, -0.1, 0.3): sums 0.3, 0.2, 0.1, 0. */
    ck_assert_int_eq(learn_run(&L, 0x7, 0, 0, 0, 0.1, 100),
                     GATES_LEARN_CONVERGED);
    ck_assert_int_eq(L.epoch, 6);
    ck_assert_int_eq(L.updates, 11);
    ck_assert_near(L.p.w1, -0.2, 1e-12);
    ck_assert_near(L.p.w2, -0.1, 1e-12);
    ck_assert_near(L.p.b, 0.3, 1e-12);
}
END_TEST

START_TEST(test_learn_xor_cycles_by_hand)
{
    /* XOR from 0, η = 0.1:
     *   epoch 1: (0,1) -> (0, 0.1, 0.1); (1,1) s=0.2 -> (-0.1, 0, 0)
     *   epoch 2: (0,1) -> (-0.1, 0.1, 0.1); (1,0) s=0 -> (0, 0.1, 0.2);
     *            (1,1) s=0.3 -> (-0.1, 0, 0.1)
     *   epoch 3 starts at (-0.1, 0, 0.1): (0,0) s=0.1 -> (-0.1, 0, 0),
     *            then the same three updates as epoch 2
     *   epoch 4 starts at (-0.1, 0, 0.1) again: a cycle of one epoch. */
    struct gates_learn L;
    ck_assert_int_eq(learn_run(&L, 0x6, 0, 0, 0, 0.1, 100),
                     GATES_LEARN_CYCLING);
    ck_assert_int_eq(L.cycle_start, 3);
    ck_assert_int_eq(L.epoch, 4);
    ck_assert_int_eq(L.updates, 2 + 3 + 4);
    ck_assert_near(L.p.w1, -0.1, 1e-12);
    ck_assert_near(L.p.w2, 0, 1e-12);
    ck_assert_near(L.p.b, 0.1, 1e-12);
    /* With an epoch limit of 2 the run stops at the limit instead. */
    ck_assert_int_eq(learn_run(&L, 0x6, 0, 0, 0, 0.1, 2),
                     GATES_LEARN_EPOCH_LIMIT);
    ck_assert_int_eq(L.epoch, 2);
}
END_TEST

START_TEST(test_learn_bound_over_many_starts)
{
    /* From every start on a grid -1.0 .. 1.0 in steps of 0.5 (125 starts),
     * η = 0.1: AND, OR and NAND converge within 40 epochs (the longest
     * run is printed on failure), and the result computes the gate. XOR
     * never converges: every run is stopped as cycling, well before the
     * epoch limit. */
    static const unsigned learnable[] = {0x8, 0xE, 0x7};
    for (int i = -2; i <= 2; i++)
        for (int j = -2; j <= 2; j++)
            for (int k = -2; k <= 2; k++) {
                double w1 = i * 0.5, w2 = j * 0.5, b = k * 0.5;
                struct gates_learn L;
                for (int g = 0; g < 3; g++) {
                    ck_assert_int_eq(
                        learn_run(&L, learnable[g], w1, w2, b, 0.1, 1000),
                        GATES_LEARN_CONVERGED);
                    ck_assert_int_le(L.epoch, 40);
                    struct gates_table t;
                    gates_table_compute(&t, &L.p);
                    ck_assert_uint_eq(t.pattern, learnable[g]);
                }
                ck_assert_int_eq(learn_run(&L, 0x6, w1, w2, b, 0.1, 1000),
                                 GATES_LEARN_CYCLING);
                ck_assert_int_le(L.epoch, 100);
            }
}
END_TEST

START_TEST(test_decimals)
{
    ck_assert_int_eq(gates_decimals((double[]){0.5, -0.7, 1}, 3), 1);
    ck_assert_int_eq(gates_decimals((double[]){1, -2}, 2), 0);
    ck_assert_int_eq(gates_decimals((double[]){0.125, 0.3}, 2), 3);
    /* 0.1 + 0.2 prints exactly as 0.3 with one decimal. */
    ck_assert_int_eq(gates_decimals((double[]){0.1 + 0.2}, 1), 1);
    ck_assert_int_eq(gates_decimals((double[]){1.0 / 3}, 1), 6);
}
END_TEST

static Suite *gates_suite(void)
{
    Suite *s = suite_create("gates");
    TCase *tc = tcase_create("tables");
    tcase_add_test(tc, test_seed_and);
    tcase_add_test(tc, test_seed_nand);
    tcase_add_test(tc, test_seed_or);
    tcase_add_test(tc, test_step_rule_on_the_line);
    tcase_add_test(tc, test_other_weights_compute_their_gate);
    tcase_add_test(tc, test_gate_names);
    tcase_add_test(tc, test_decimals);
    suite_add_tcase(s, tc);
    tc = tcase_create("xor");
    tcase_add_test(tc, test_search_small_grid_by_hand);
    tcase_add_test(tc, test_search_finds_no_xor);
    tcase_add_test(tc, test_xor_network);
    suite_add_tcase(s, tc);
    tc = tcase_create("learning");
    tcase_add_test(tc, test_learn_and_by_hand);
    tcase_add_test(tc, test_learn_or_nand_by_hand);
    tcase_add_test(tc, test_learn_xor_cycles_by_hand);
    tcase_add_test(tc, test_learn_bound_over_many_starts);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(gates_suite)
