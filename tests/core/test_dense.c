/*
 * One dense layer on its own, its views set up by hand: forward and
 * backward against products worked out on paper, with bias, with ReLU.
 */
#include "check_helpers.h"
#include "core/dense.h"
#include "core/error.h"

/* x (2, 3), W (3, 2), b (1, 2):
 *   x = [[1, 2, 3], [-1, 0, 2]]   W = [[0.5, -1], [0.25, 0], [-0.5, 1]]
 *   b = [0.6, -0.2]
 *   z = x·W + b = [[0.5 + 0.5 - 1.5 + 0.6, -1 + 0 + 3 - 0.2],
 *                  [-0.5 + 0 - 1 + 0.6,    1 + 0 + 2 - 0.2]]
 *     = [[0.1, 1.8], [-0.9, 2.8]];  y = relu(z) = [[0.1, 1.8], [0, 2.8]] */
START_TEST(test_forward_backward)
{
    double xv[6] = {1, 2, 3, -1, 0, 2};
    double pv[8] = {0.5, -1, 0.25, 0, -0.5, 1, 0.6, -0.2}; /* W then b */
    double gv[8] = {0};
    double cache[4][4] = {{0}};
    struct nn_dense l = {0};
    l.in = 3;
    l.out = 2;
    l.act = nn_act_make(NN_ACT_RELU);
    l.has_bias = 1;
    l.W = nn_mat_wrap(NN_F64, 3, 2, pv);
    l.b = nn_mat_wrap(NN_F64, 1, 2, pv + 6);
    l.dW = nn_mat_wrap(NN_F64, 3, 2, gv);
    l.db = nn_mat_wrap(NN_F64, 1, 2, gv + 6);
    l.z = nn_mat_wrap(NN_F64, 2, 2, cache[0]);
    l.y = nn_mat_wrap(NN_F64, 2, 2, cache[1]);
    l.dy = nn_mat_wrap(NN_F64, 2, 2, cache[2]);
    l.dz = nn_mat_wrap(NN_F64, 2, 2, cache[3]);
    struct nn_mat x = nn_mat_wrap(NN_F64, 2, 3, xv);
    ck_assert_int_eq(nn_dense_forward(&l, &x), NN_OK);
    ck_assert_ptr_eq(l.x.data, xv);
    const double z[4] = {0.1, 1.8, -0.9, 2.8}, y[4] = {0.1, 1.8, 0, 2.8};
    for (int i = 0; i < 4; i++) {
        ck_assert_near(cache[0][i], z[i], 1e-15);
        ck_assert_near(cache[1][i], y[i], 1e-15);
    }
    /* dy = [[1, 2], [3, 4]]; relu passes it where z > 0:
     * dz = [[1, 2], [0, 4]]
     * dW = xᵀ·dz = [[1, 2 - 4], [2, 4], [3, 6 + 8]] = [[1, -2], [2, 4],
     *      [3, 14]];  db = [1, 6]
     * dx = dz·Wᵀ = [[0.5 - 2, 0.25, -0.5 + 2], [-4, 0, 4]] */
    const double dy[4] = {1, 2, 3, 4};
    for (int i = 0; i < 4; i++)
        cache[2][i] = dy[i];
    double dxv[6];
    struct nn_mat dx = nn_mat_wrap(NN_F64, 2, 3, dxv);
    ck_assert_int_eq(nn_dense_backward(&l, &dx, 0), NN_OK);
    const double dW[8] = {1, -2, 2, 4, 3, 14, 1, 6};
    for (int i = 0; i < 8; i++)
        ck_assert_near(gv[i], dW[i], 1e-15);
    const double dxw[6] = {-1.5, 0.25, 1.5, -4, 0, 4};
    for (int i = 0; i < 6; i++)
        ck_assert_near(dxv[i], dxw[i], 1e-15);
    /* Accumulates; dx is overwritten; the fused path skips the
     * activation: dz as given. */
    for (int i = 0; i < 4; i++)
        cache[3][i] = 1;
    ck_assert_int_eq(nn_dense_backward(&l, NULL, 1), NN_OK);
    ck_assert_near(gv[0], 1 + (1 - 1), 1e-15); /* + x[0][0] + x[1][0] */
    ck_assert_near(gv[5], 14 + (3 + 2), 1e-15);
    ck_assert_near(gv[7], 6 + 2, 1e-15);
    /* Shape and dtype checks. */
    struct nn_mat bad = nn_mat_wrap(NN_F64, 2, 2, xv);
    ck_assert_int_eq(nn_dense_forward(&l, &bad), NN_ESHAPE);
    float fx[6];
    struct nn_mat xf = nn_mat_wrap(NN_F32, 2, 3, fx);
    ck_assert_int_eq(nn_dense_forward(&l, &xf), NN_EDTYPE);
}
END_TEST

static Suite *dense_suite(void)
{
    Suite *s = suite_create("dense");
    TCase *tc = tcase_create("dense");
    tcase_add_test(tc, test_forward_backward);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(dense_suite)
