/*
 * Lesson 1's topic model: truth tables of the seed weights, gate names,
 * the grid search for XOR, the two-layer XOR network and the perceptron
 * learning rule, the XOR MLP against a forward pass and a numerical
 * gradient written out here, and the widget kinds through the lesson
 * parser. Expected values are worked out by hand in the comments.
 */
#include "check_helpers.h"

#include <stdio.h>
#include <string.h>

#include "lesson/gates.h"
#include "lesson/gates_draw.h"
#include "lesson/gates_mlp.h"
#include "lesson/gates_widgets.h"
#include "lesson/lesson.h"
#include "lesson/widget.h"
#include "render/grid.h"

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

START_TEST(test_random_start)
{
    /* Whole tenths in [-1, 1]; the same seed gives the same start, and
     * among a few seeds the starts differ. */
    struct gates_perceptron a = {0, 0, 0, 1}, b = {0, 0, 0, 0};
    struct nn_rng r1, r2;
    nn_rng_seed(&r1, 7);
    nn_rng_seed(&r2, 7);
    gates_random_start(&a, &r1);
    gates_random_start(&b, &r2);
    ck_assert(a.w1 == b.w1 && a.w2 == b.w2 && a.b == b.b);
    ck_assert_int_eq(a.ge, 1); /* the rule is kept */
    int differ = 0;
    for (uint64_t seed = 1; seed <= 8; seed++) {
        nn_rng_seed(&r1, seed);
        gates_random_start(&b, &r1);
        const double w[3] = {b.w1, b.w2, b.b};
        for (int i = 0; i < 3; i++) {
            ck_assert(w[i] >= -1.0 && w[i] <= 1.0);
            ck_assert_near(w[i] * 10, nearbyint(w[i] * 10), 1e-12);
        }
        differ += b.w1 != a.w1 || b.w2 != a.w2 || b.b != a.b;
    }
    ck_assert_int_ge(differ, 6);
}
END_TEST

START_TEST(test_nudge)
{
    /* Three steps up from 0 land on the double nearest 0.3 (plain sums give
     * 0.30000000000000004); the seed's -0.7 steps to -0.6 and -0.8. */
    double w = 0;
    for (int i = 0; i < 3; i++)
        w = gates_nudge(w, 1);
    ck_assert(w == 0.3);
    ck_assert(gates_nudge(-0.7, 1) == -0.6);
    ck_assert(gates_nudge(-0.7, -1) == -0.8);
    ck_assert(gates_nudge(0.25, 2) == 0.45);
    ck_assert(gates_nudge(99.95, 1) == 100);
    ck_assert(gates_nudge(-99.95, -1) == -100);
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

static double sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

/* The 2-2-1 network written out: h_j = σ(x1·W0[0][j] + x2·W0[1][j] +
 * b0[j]), y = σ(h_0·W1[0] + h_1·W1[1] + b1), from the model's parameters
 * read one by one. Returns E = ½ Σ (t - y)² and fills y[4]. */
static double hand_forward(const struct gates_mlp *m, double y[4])
{
    const struct nn_dense *l0 = &m->net.layers[0], *l1 = &m->net.layers[1];
    double loss = 0;
    for (int r = 0; r < 4; r++) {
        double x[2] = {r >> 1, r & 1}, h[2];
        for (int j = 0; j < 2; j++)
            h[j] = sigmoid(x[0] * nn_mat_get(&l0->W, 0, j) +
                           x[1] * nn_mat_get(&l0->W, 1, j) +
                           nn_mat_get(&l0->b, 0, j));
        y[r] =
            sigmoid(h[0] * nn_mat_get(&l1->W, 0, 0) +
                    h[1] * nn_mat_get(&l1->W, 1, 0) + nn_mat_get(&l1->b, 0, 0));
        double t = (r == 1 || r == 2); /* XOR */
        loss += 0.5 * (t - y[r]) * (t - y[r]);
    }
    return loss;
}

START_TEST(test_mlp_forward_by_hand)
{
    struct gates_mlp m;
    ck_assert_int_eq(gates_mlp_init(&m, 3, 1.0), 0);
    ck_assert_uint_eq(m.net.n_params, 9); /* 2·2 + 2 + 2·1 + 1 */
    double loss, y[4], hy[4];
    ck_assert_int_eq(gates_mlp_eval(&m, &loss, y), 0);
    double hloss = hand_forward(&m, hy);
    ck_assert_near(loss, hloss, 1e-14);
    for (int r = 0; r < 4; r++)
        ck_assert_near(y[r], hy[r], 1e-14);
    /* Any point of the plane goes through the same network. */
    double out;
    ck_assert_int_eq(gates_mlp_output(&m, 1, 0, &out), 0);
    ck_assert_near(out, hy[2], 1e-14);
    gates_mlp_fini(&m);
}
END_TEST

START_TEST(test_mlp_step_is_gradient_descent)
{
    /* One step must move every parameter p by -lr·∂E/∂p, with ∂E/∂p taken
     * here by central differences on hand_forward (h = 1e-6). */
    const double lr = 0.5, h = 1e-6;
    struct gates_mlp m;
    ck_assert_int_eq(gates_mlp_init(&m, 5, lr), 0);
    double before[9], grad[9], y[4];
    for (size_t i = 0; i < 9; i++) {
        before[i] = nn_mat_get(&m.net.params, 0, i);
        nn_mat_set(&m.net.params, 0, i, before[i] + h);
        double up = hand_forward(&m, y);
        nn_mat_set(&m.net.params, 0, i, before[i] - h);
        double down = hand_forward(&m, y);
        nn_mat_set(&m.net.params, 0, i, before[i]);
        grad[i] = (up - down) / (2 * h);
    }
    ck_assert_int_eq(gates_mlp_train(&m, 1), 0);
    ck_assert_int_eq(m.steps, 1);
    for (size_t i = 0; i < 9; i++)
        ck_assert_near(nn_mat_get(&m.net.params, 0, i),
                       before[i] - lr * grad[i], 1e-8);
    gates_mlp_fini(&m);
}
END_TEST

START_TEST(test_mlp_learns_xor)
{
    /* Seed 1, lr 1.0: after 5000 full-batch steps every output is within
     * 0.1 of its target 0 1 1 0, and the loss went down in each of the
     * ten blocks of 500 steps. */
    struct gates_mlp m;
    ck_assert_int_eq(gates_mlp_init(&m, 1, 1.0), 0);
    double loss, prev, y[4];
    ck_assert_int_eq(gates_mlp_eval(&m, &prev, y), 0);
    for (int block = 0; block < 10; block++) {
        ck_assert_int_eq(gates_mlp_train(&m, 500), 0);
        ck_assert_int_eq(gates_mlp_eval(&m, &loss, y), 0);
        ck_assert_msg(loss < prev, "loss rose from %g to %g by step %ld", prev,
                      loss, m.steps);
        prev = loss;
    }
    static const double t[4] = {0, 1, 1, 0};
    for (int r = 0; r < 4; r++)
        ck_assert_near(y[r], t[r], 0.1);
    ck_assert(loss < 0.01);
    /* The same seed trains to the same weights, bit for bit. */
    struct gates_mlp m2;
    ck_assert_int_eq(gates_mlp_init(&m2, 1, 1.0), 0);
    ck_assert_int_eq(gates_mlp_train(&m2, 5000), 0);
    for (size_t i = 0; i < m.net.n_params; i++)
        ck_assert(nn_mat_get(&m.net.params, 0, i) ==
                  nn_mat_get(&m2.net.params, 0, i));
    gates_mlp_fini(&m);
    gates_mlp_fini(&m2);
}
END_TEST

/* Parse a one-step lesson placing `directive`, render its widget in
 * language lang into a grid and return the grid as text in buf. Returns
 * the render result. */
static int render_lang(const char *directive, const char *lang, char *buf,
                       size_t n)
{
    char text[512];
    snprintf(text, sizeof text, "# T\n\n## S\nProse.\n\n%s\n", directive);
    struct lesson_error err;
    struct lesson *l = lesson_parse(text, strlen(text), "t", &err);
    ck_assert_msg(l != NULL, "%s: %s", directive, err.text);
    const struct lesson_widget *w = &l->steps[0].widgets[0];
    const struct widget_kind *k = widget_find(w->kind);
    ck_assert_ptr_nonnull(k);
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 80, 120), 0);
    struct widget_ctx ctx = {rglyphs_get(RGLYPH_ASCII), lang, NULL};
    char msg[256];
    int rows = k->render(w, &ctx, &g, msg, sizeof msg);
    FILE *f = fmemopen(buf, n, "w");
    ck_assert_ptr_nonnull(f);
    rgrid_write(&g, f);
    fclose(f);
    rgrid_fini(&g);
    lesson_free(l);
    return rows;
}

static int render_widget(const char *directive, char *buf, size_t n)
{
    return render_lang(directive, "en", buf, n);
}

/* The parser's message for a directive that must be refused. */
static void refused(const char *directive, const char *needle)
{
    char text[512];
    snprintf(text, sizeof text, "# T\n\n## S\nProse.\n\n%s\n", directive);
    struct lesson_error err;
    struct lesson *l = lesson_parse(text, strlen(text), "t", &err);
    ck_assert_msg(l == NULL, "%s was accepted", directive);
    ck_assert_msg(strstr(err.text, needle), "%s: message '%s' lacks '%s'",
                  directive, err.text, needle);
}

START_TEST(test_widget_gate)
{
    static char buf[16384];
    ck_assert_int_gt(
        render_widget("@gate gate=and show=unit,table", buf, sizeof buf), 0);
    /* The seed's AND: the last row 0.5 + 0.5 - 0.7 = 0.3 fires. */
    ck_assert_ptr_nonnull(strstr(buf, "0.5*1 + 0.5*1 - 0.7 =  0.3 | 1"));
    ck_assert_ptr_nonnull(strstr(buf, "verdict: this is AND"));
    ck_assert_ptr_null(strstr(buf, "+-----")); /* no square asked for */
    /* 1, 1, -1 under ">= 0": the sums of 0 fire, so it is OR. */
    render_widget("@gate w1=1 w2=1 b=-1 rule=ge", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "verdict: this is OR"));
    ck_assert_ptr_nonnull(strstr(buf, "  x2 +---"));
    /* Given weights replace the seed's one by one: AND with b = -0.2 has
     * sums -0.2, 0.3, 0.3, 0.8, which is OR, wrong at (0,1) and (1,0). */
    render_widget("@gate gate=and b=-0.2 show=table", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "verdict: this is OR"));
    ck_assert_ptr_nonnull(
        strstr(buf, "target AND: 2 of 4 rows right, wrong at (0,1) (1,0)"));
    /* Side by side: AND with w1 = 0.3 has sums -0.7, -0.2, -0.4, 0.1. */
    render_widget("@gate gate=and w1=0.3 show=side", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "  1  0 | -0.4 | 0 |   0"));
    ck_assert_ptr_nonnull(strstr(buf, "  1  1 |  0.1 | 1 |   1 "));
    ck_assert_ptr_nonnull(strstr(buf, "AND: all 4 rows right"));
    /* The same widget in Korean: the numbers and the table are the same,
     * the words are Korean. */
    render_lang("@gate gate=and show=table", "ko", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "0.5*1 + 0.5*1 - 0.7 =  0.3 | 1"));
    ck_assert_ptr_nonnull(strstr(buf, "판정: AND 게이트입니다"));
    ck_assert_ptr_nonnull(strstr(buf, "목표 AND: 네 줄 모두 맞습니다"));
    refused("@gate gate=xand", "'xand'");
    refused("@gate w1=abc", "w1");
    refused("@gate rule=gte", "rule");
    refused("@gate show=table,plot", "'plot'");
    refused("@gate eta=0.1", "eta");
}
END_TEST

START_TEST(test_widget_xor_and_learning)
{
    static char buf[16384];
    render_widget("@xor-search show=counts", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "9261 weight sets tried"));
    ck_assert_ptr_nonnull(strstr(buf, "  XOR        0 sets"));
    render_widget("@xor-search range=0.1 show=counts", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "27 weight sets tried"));
    refused("@xor-search range=0.15", "range");
    render_widget("@xor-net", buf, sizeof buf);
    /* Row (1,1): NAND -0.3 -> 0, OR 0.7 -> 1, AND(0, 1) = -0.2 -> 0. */
    ck_assert_ptr_nonnull(
        strstr(buf, "  1  1 |   -0.3   0 |  0.7   1 |  0  1 |  -0.2  0 |  0"));
    /* The hand trace of test_learn_and_by_hand, cut after the first
     * update (sample 4). */
    render_widget("@perceptron-learn gate=and steps=4", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "    1   1  1      0.0  0  1   +1"
                                      "       0.1       0.1       0.1"));
    ck_assert_ptr_nonnull(strstr(buf, "4 samples shown"));
    render_widget("@perceptron-learn gate=xor", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "cycling: epoch 4 starts with the "
                                      "weights epoch 3 started with"));
    refused("@perceptron-learn eta=0.1", "gate");
    refused("@perceptron-learn gate=or eta=0", "eta");
    render_widget("@xor-mlp steps=5000", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "this is XOR"));
    refused("@xor-mlp steps=1000000", "steps");
}
END_TEST

/* The closest a searched weight set comes to a target: on a search that
 * found only "always 0", XOR's rows (0,0) and (1,1) are right, 2 of 4. */
START_TEST(test_search_closest)
{
    struct gates_search s;
    memset(&s, 0, sizeof s);
    s.count[0x0] = 1;
    unsigned pat = 99;
    ck_assert_int_eq(gates_search_closest(&s, 0x6, &pat), 2);
    ck_assert_uint_eq(pat, 0x0);
    ck_assert_int_eq(gates_search_closest(&s, 0x0, NULL), 4);
    /* With OR found as well, XOR gets 3 (OR differs only at (1,1)). */
    s.count[0xE] = 5;
    ck_assert_int_eq(gates_search_closest(&s, 0x6, &pat), 3);
    ck_assert_uint_eq(pat, 0xE);
    /* The full grid: AND is found, XOR at best 3. */
    gates_search_run(&s, 10, 0);
    ck_assert_int_eq(gates_search_closest(&s, 0x8, &pat), 4);
    ck_assert_uint_eq(pat, 0x8);
    ck_assert_int_eq(gates_search_closest(&s, 0x6, NULL), 3);
}
END_TEST

START_TEST(test_mlp_checkpoints)
{
    static const long from[] = {0,  1,  2,  4,   5,    9,   10,
                                20, 50, 99, 100, 4999, 5000};
    static const long to[] = {1,  2,   5,   5,   10,   10,   20,
                              50, 100, 100, 200, 5000, 10000};
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++)
        ck_assert_int_eq(gates_mlp_next_checkpoint(from[i]), to[i]);
}
END_TEST

/* The parsed first widget of a one-step lesson (caller frees l). */
static const struct lesson_widget *parse_widget(const char *directive,
                                                struct lesson **l)
{
    char text[512];
    snprintf(text, sizeof text, "# T\n\n## S\nProse.\n\n%s\n", directive);
    struct lesson_error err;
    *l = lesson_parse(text, strlen(text), "t", &err);
    ck_assert_msg(*l != NULL, "%s: %s", directive, err.text);
    return &(*l)->steps[0].widgets[0];
}

/* Where the interactive screen starts for each gates widget. */
START_TEST(test_widget_start)
{
    struct lesson *l;
    struct gates_widget_start st;
    char msg[128];
    ck_assert_int_eq(gates_widget_start(parse_widget("@gate gate=nand", &l),
                                        &st, msg, sizeof msg),
                     0);
    ck_assert_near(st.p.w1, -0.5, 0);
    ck_assert_near(st.p.w2, -0.5, 0);
    ck_assert_near(st.p.b, 0.7, 0);
    ck_assert_int_eq(st.target, GATES_NAND);
    ck_assert_int_eq(st.mlp, 0);
    lesson_free(l);
    /* The learner's start is the given weights or 0, not the seed's. */
    ck_assert_int_eq(
        gates_widget_start(
            parse_widget("@perceptron-learn gate=or w2=0.3 eta=0.5", &l), &st,
            msg, sizeof msg),
        0);
    ck_assert_near(st.eta, 0.5, 0);
    ck_assert_near(st.p.w1, 0, 0);
    ck_assert_near(st.p.w2, 0.3, 0);
    ck_assert_near(st.p.b, 0, 0);
    ck_assert_int_eq(st.target, GATES_OR);
    lesson_free(l);
    ck_assert_int_eq(gates_widget_start(parse_widget("@xor-search rule=ge", &l),
                                        &st, msg, sizeof msg),
                     0);
    ck_assert_int_eq(st.target, GATES_XOR);
    ck_assert_int_eq(st.p.ge, 1);
    lesson_free(l);
    ck_assert_int_eq(
        gates_widget_start(parse_widget("@xor-mlp seed=7 lr=0.5", &l), &st, msg,
                           sizeof msg),
        0);
    ck_assert_int_eq(st.mlp, 1);
    ck_assert_int_eq(st.seed, 7);
    ck_assert_near(st.lr, 0.5, 0);
    lesson_free(l);
    ck_assert_int_eq(gates_widget_start(parse_widget("@formula\nx\n@end", &l),
                                        &st, msg, sizeof msg),
                     -1);
    ck_assert_ptr_nonnull(strstr(msg, "'formula' is not a gates widget"));
    lesson_free(l);
}
END_TEST

/* show=others: each known set with the gate its own table computes. */
START_TEST(test_widget_others)
{
    static char buf[16384];
    render_widget("@gate show=others", buf, sizeof buf);
    /* -1 - 1 + 1.5 = -0.5 at (1,1), 0.5 elsewhere: NAND. */
    ck_assert_ptr_nonnull(
        strstr(buf, "NAND  w1 = -1.0, w2 = -1.0, b =  1.5  ->  NAND"));
    ck_assert_ptr_nonnull(
        strstr(buf, "AND   w1 =  1.0, w2 =  1.0, b = -1.0  ->  AND"));
    /* Under s >= 0 the sums of 0 at (0,1) and (1,0) fire: OR. */
    render_widget("@gate show=others rule=ge", buf, sizeof buf);
    ck_assert_ptr_nonnull(
        strstr(buf, "AND   w1 =  1.0, w2 =  1.0, b = -1.0  ->  OR"));
}
END_TEST

/* Korean verdicts name "always 0/1" in Korean: with w = (0, 0, -1)
 * every sum is -1, nothing fires. */
START_TEST(test_korean_always)
{
    static char buf[16384];
    render_lang("@gate w1=0 w2=0 b=-1 show=side", "ko", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "출력은 항상 0"));
    render_lang("@gate w1=0 w2=0 b=-1 show=side", "en", buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "is always 0"));
}
END_TEST

/* Nothing drawn at or right of column w (the square's side). */
static void check_narrow(const struct rgrid *g, int w)
{
    for (int y = 0; y < g->h; y++)
        for (int x = w; x < g->w; x++)
            ck_assert_msg(g->cells[y * g->w + x].ch == ' ',
                          "row %d is wider than %d columns", y, w);
}

/* The text of grid g in buf. */
static void grid_text(struct rgrid *g, char *buf, size_t n)
{
    FILE *f = fmemopen(buf, n, "w");
    ck_assert_ptr_nonnull(f);
    rgrid_write(g, f);
    fclose(f);
}

/* One learning update written out: AND from 0, 0, 0; the fourth sample
 * (1,1) has s = 0, y = 0, t = 1, so every weight gains 0.1 * its input. */
START_TEST(test_draw_learn_event)
{
    static char buf[4096];
    static struct gates_learn L;
    struct gates_learn_event ev;
    struct gates_perceptron zero = {0, 0, 0, 0};
    gates_learn_init(&L, 0x8, &zero, 0.1, 100);
    for (int i = 0; i < 4; i++)
        gates_learn_step(&L, &ev);
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 60, 10), 0);
    int rows = gates_draw_learn_event(&g, 0, 0, &L, &ev, "en");
    grid_text(&g, buf, sizeof buf);
    check_narrow(&g, 37);
    ck_assert_int_eq(rows, 6);
    ck_assert_ptr_nonnull(strstr(buf, "epoch 1, input (1,1): s = 0.0"));
    ck_assert_ptr_nonnull(strstr(buf, "y = 0, t = 1, so t - y = 1"));
    ck_assert_ptr_nonnull(strstr(buf, "w1 <- 0.0 + 0.1*(1)*1 = 0.1"));
    ck_assert_ptr_nonnull(strstr(buf, "w2 <- 0.0 + 0.1*(1)*1 = 0.1"));
    ck_assert_ptr_nonnull(strstr(buf, "b  <- 0.0 + 0.1*(1)   = 0.1"));
    ck_assert_ptr_nonnull(strstr(buf, "1 updates so far"));
    rgrid_clear(&g);
    gates_draw_learn_event(&g, 0, 0, &L, &ev, "ko");
    grid_text(&g, buf, sizeof buf);
    check_narrow(&g, 37);
    ck_assert_ptr_nonnull(strstr(buf, "w1 <- 0.0 + 0.1*(1)*1 = 0.1"));
    /* The run's end in both languages fits too: XOR cycles. */
    gates_learn_init(&L, 0x6, &zero, 0.1, GATES_LEARN_MAX_EPOCHS);
    while (gates_learn_step(&L, &ev) == GATES_LEARN_RUNNING)
        ;
    ck_assert_int_eq(L.status, GATES_LEARN_CYCLING);
    for (int k = 0; k < 2; k++) {
        rgrid_clear(&g);
        gates_draw_learn_event(&g, 0, 0, &L, &ev, k ? "ko" : "en");
        check_narrow(&g, 37);
    }
    rgrid_fini(&g);
}
END_TEST

/* The search's answer for AND counts the sets meeting AND's four
 * inequalities, counted here directly in tenths. */
START_TEST(test_draw_search_try)
{
    long and_sets = 0;
    for (int a = -10; a <= 10; a++)
        for (int b = -10; b <= 10; b++)
            for (int c = -10; c <= 10; c++)
                and_sets += c <= 0 && b + c <= 0 && a + c <= 0 && a + b + c > 0;
    struct gates_search s;
    gates_search_run(&s, 10, 0);
    static char buf[4096];
    char want[64];
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 60, 6), 0);
    gates_draw_search_try(&g, 0, 0, &s, GATES_AND, "en");
    grid_text(&g, buf, sizeof buf);
    check_narrow(&g, 37);
    snprintf(want, sizeof want, "%ld compute AND; the first is placed",
             and_sets);
    ck_assert_ptr_nonnull(strstr(buf, want));
    ck_assert_ptr_nonnull(strstr(buf, "9261 weight sets tried"));
    rgrid_clear(&g);
    gates_draw_search_try(&g, 0, 0, &s, GATES_XOR, "en");
    grid_text(&g, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "none computes XOR."));
    ck_assert_ptr_nonnull(strstr(buf, "The best get 3 of 4 rows right."));
    for (int t = 0; t < 2; t++) {
        rgrid_clear(&g);
        gates_draw_search_try(&g, 0, 0, &s, t ? GATES_XOR : GATES_AND, "ko");
        check_narrow(&g, 37);
    }
    rgrid_fini(&g);
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
    tcase_add_test(tc, test_nudge);
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
    tcase_add_test(tc, test_random_start);
    suite_add_tcase(s, tc);
    tc = tcase_create("mlp");
    tcase_add_test(tc, test_mlp_forward_by_hand);
    tcase_add_test(tc, test_mlp_step_is_gradient_descent);
    tcase_add_test(tc, test_mlp_learns_xor);
    suite_add_tcase(s, tc);
    tc = tcase_create("widgets");
    tcase_add_test(tc, test_widget_gate);
    tcase_add_test(tc, test_widget_xor_and_learning);
    tcase_add_test(tc, test_widget_others);
    tcase_add_test(tc, test_korean_always);
    suite_add_tcase(s, tc);
    tc = tcase_create("screen");
    tcase_add_test(tc, test_search_closest);
    tcase_add_test(tc, test_mlp_checkpoints);
    tcase_add_test(tc, test_widget_start);
    tcase_add_test(tc, test_draw_learn_event);
    tcase_add_test(tc, test_draw_search_try);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(gates_suite)
