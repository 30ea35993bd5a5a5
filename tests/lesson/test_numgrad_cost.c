/*
 * Numerical gradient against backprop on the MNIST-sized network: the
 * two agree in f64 on every chosen weight, the numerical side took
 * exactly two forward passes per weight, the extrapolation is the
 * measured time per weight times the parameter count, and the chosen
 * weights are named by the buffer's layout. A weight of the output
 * bias is also checked against (ŷ - t) summed by hand.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check_helpers.h"
#include "core/error.h"
#include "lesson/numgrad_cost.h"

START_TEST(test_agree_and_count)
{
    struct numgrad_cost_config cfg;
    numgrad_cost_config_default(&cfg);
    cfg.batch = 20;
    cfg.n_weights = 8;
    struct numgrad_cost c;
    ck_assert_int_eq(numgrad_cost_run(&c, &cfg, NULL), 0);
    ck_assert_int_eq(c.real_data, 0);
    ck_assert_uint_eq(c.mlp.n_params, 784 * 50 + 50 + 50 * 10 + 10);
    ck_assert_int_eq(c.passes, 16);
    for (size_t k = 0; k < cfg.n_weights; k++) {
        ck_assert(c.backprop[k] != 0);
        ck_assert_rel(c.numeric[k], c.backprop[k], 1e-4);
    }
    ck_assert(c.max_rel < 1e-4);
    ck_assert(c.t_backprop > 0 && c.t_numeric > 0);
    ck_assert_int_ge(c.backprop_runs, 3);
    ck_assert_rel(c.t_numeric_all, c.t_numeric / 8 * 39760, 1e-12);
    /* Output bias j: dL/db_j = (1/N) sum_r (y[r][j] - [label_r == j]),
     * from the network's last forward pass of the unchanged weights. */
    for (size_t k = 0; k < cfg.n_weights; k++) {
        char name[32];
        numgrad_cost_name(&c, k, name, sizeof name);
        size_t first_b2 = c.mlp.n_params - 10;
        if (c.index[k] < first_b2)
            continue;
        ck_assert_int_eq(name[0], 'b');
        ck_assert_int_eq(name[1], '2');
        size_t j = c.index[k] - first_b2;
        ck_assert_int_eq(nn_mlp_forward(&c.mlp, &c.x), 0);
        const struct nn_mat *y = nn_mlp_output(&c.mlp);
        double s = 0;
        for (size_t r = 0; r < cfg.batch; r++)
            s += nn_mat_get(y, r, j) - (c.labels[r] == j);
        ck_assert_rel(c.backprop[k], s / (double)cfg.batch, 1e-9);
    }
    numgrad_cost_fini(&c);
}
END_TEST

START_TEST(test_names)
{
    struct numgrad_cost_config cfg;
    numgrad_cost_config_default(&cfg);
    cfg.batch = 2;
    cfg.n_weights = 4;
    struct numgrad_cost c;
    ck_assert_int_eq(numgrad_cost_run(&c, &cfg, NULL), 0);
    char name[32];
    /* One weight of each block, in the order W1, b1, W2, b2. */
    size_t H = 50, i = c.index[0];
    numgrad_cost_name(&c, 0, name, sizeof name);
    char want[32];
    snprintf(want, sizeof want, "W1[%zu,%zu]", i / H + 1, i % H + 1);
    ck_assert_str_eq(name, want);
    numgrad_cost_name(&c, 1, name, sizeof name);
    ck_assert_int_eq(strncmp(name, "b1[", 3), 0);
    numgrad_cost_name(&c, 2, name, sizeof name);
    ck_assert_int_eq(strncmp(name, "W2[", 3), 0);
    numgrad_cost_name(&c, 3, name, sizeof name);
    ck_assert_int_eq(strncmp(name, "b2[", 3), 0);
    numgrad_cost_fini(&c);
}
END_TEST

START_TEST(test_bad_config)
{
    struct numgrad_cost_config cfg;
    numgrad_cost_config_default(&cfg);
    cfg.n_weights = 0;
    struct numgrad_cost c;
    ck_assert_int_eq(numgrad_cost_run(&c, &cfg, NULL), NN_EINVAL);
    numgrad_cost_fini(&c);
    cfg.n_weights = 3;
    cfg.hidden = 0;
    ck_assert_int_eq(numgrad_cost_run(&c, &cfg, NULL), NN_EINVAL);
}
END_TEST

static Suite *numgrad_cost_suite(void)
{
    Suite *s = suite_create("numgrad_cost");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_agree_and_count);
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_bad_config);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(numgrad_cost_suite)
