/*
 * The numerical gradient against backprop on lesson 3's network: both
 * gradients agree to the central difference's accuracy, the numerical one
 * takes exactly two forward passes per parameter, parameters are named
 * by the layout of the core's buffer (W then b, layer by layer), and big
 * networks are refused. The gradient of one output bias is also worked
 * out here from the network's cached outputs.
 */
#include <math.h>
#include <string.h>

#include "check_helpers.h"
#include "lesson/gradcheck.h"

static void run(struct gradcheck *g, const char *layers, size_t batch,
                uint64_t seed, enum nn_act_kind act)
{
    struct forward_config c;
    const char *why;
    forward_config_default(&c);
    ck_assert_int_eq(forward_config_set_layers(&c, layers, &why), 0);
    c.batch = batch;
    c.seed = seed;
    c.act = nn_act_make(act);
    ck_assert_int_eq(gradcheck_run(g, &c), 0);
}

START_TEST(test_agree)
{
    static const char *const nets[] = {"4,8,8,3", "2,3,2", "5,4,4"};
    static const enum nn_act_kind acts[] = {NN_ACT_RELU, NN_ACT_SIGMOID,
                                            NN_ACT_TANH};
    for (int k = 0; k < 3; k++) {
        struct gradcheck g;
        run(&g, nets[k], 3 + (size_t)k, 7 + (uint64_t)k, acts[k]);
        size_t n = g.run.mlp.n_params;
        ck_assert_int_eq(g.passes, 2 * (long)n);
        ck_assert(g.max_rel < 1e-6);
        for (size_t i = 0; i < n; i++)
            ck_assert_near(nn_mat_get(&g.backprop, 0, i),
                           nn_mat_get(&g.numeric, 0, i), 1e-8);
        gradcheck_fini(&g);
    }
}
END_TEST

START_TEST(test_output_bias_by_hand)
{
    /* L = 1/(N*K) sum (y - t)^2 with y = softmax(z): for output unit j,
     * dL/db_j = sum over rows of sum_k 2 (y_k - t_k)/(N*K) * y_k (d_kj -
     * y_j), the softmax Jacobian written out. */
    struct gradcheck g;
    run(&g, "3,4,3", 5, 2, NN_ACT_SIGMOID);
    size_t N = 5, K = 3;
    const struct nn_mat *y = &g.run.out, *t = &g.run.t;
    /* Biases of the output layer sit at the very end of the buffer. */
    size_t first = g.run.mlp.n_params - K;
    for (size_t j = 0; j < K; j++) {
        double sum = 0;
        for (size_t r = 0; r < N; r++)
            for (size_t k = 0; k < K; k++) {
                double yk = nn_mat_get(y, r, k), yj = nn_mat_get(y, r, j);
                double dy = 2 * (yk - nn_mat_get(t, r, k)) / (double)(N * K);
                sum += dy * yk * ((k == j) - yj);
            }
        ck_assert_near(nn_mat_get(&g.backprop, 0, first + j), sum, 1e-14);
    }
    gradcheck_fini(&g);
}
END_TEST

START_TEST(test_names)
{
    struct gradcheck g;
    run(&g, "4,8,8,3", 2, 1, NN_ACT_RELU);
    char name[32];
    /* W1 4x8 = 32, b1 8, W2 8x8 = 64, b2 8, W3 8x3 = 24, b3 3: 139. */
    static const struct {
        size_t i;
        const char *name;
    } want[] = {{0, "W1[1,1]"},   {1, "W1[1,2]"}, {8, "W1[2,1]"},
                {31, "W1[4,8]"},  {32, "b1[1]"},  {39, "b1[8]"},
                {40, "W2[1,1]"},  {104, "b2[1]"}, {112, "W3[1,1]"},
                {135, "W3[8,3]"}, {136, "b3[1]"}, {138, "b3[3]"}};
    ck_assert_uint_eq(g.run.mlp.n_params, 139);
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        gradcheck_param_name(&g, want[k].i, name, sizeof name);
        ck_assert_str_eq(name, want[k].name);
    }
    gradcheck_fini(&g);
}
END_TEST

START_TEST(test_too_big)
{
    struct forward_config c;
    const char *why;
    forward_config_default(&c);
    ck_assert_int_eq(forward_config_set_layers(&c, "784,50,10", &why), 0);
    struct gradcheck g;
    ck_assert_int_lt(gradcheck_run(&g, &c), 0);
    gradcheck_fini(&g);
}
END_TEST

static Suite *gradcheck_suite(void)
{
    Suite *s = suite_create("gradcheck");
    TCase *tc = tcase_create("gradcheck");
    tcase_add_test(tc, test_agree);
    tcase_add_test(tc, test_output_bias_by_hand);
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_too_big);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(gradcheck_suite)
