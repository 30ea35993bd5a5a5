/*
 * Loss functions: values worked out by hand, gradients against central
 * differences, cross-entropy at p = 0, the fused softmax + cross-entropy
 * gradient, errors.
 */
#include "check_helpers.h"
#include "core/error.h"
#include "core/loss.h"
#include "core/numgrad.h"

static const enum nn_dtype dtypes[] = {NN_F32, NN_F64};

static void set_all(struct nn_mat *m, const double *v)
{
    for (size_t i = 0; i < nn_mat_size(m); i++)
        nn_mat_set(m, i / m->cols, i % m->cols, v[i]);
}

/* y = [[0.7, 0.2, 0.1], [0.1, 0.5, 0.4]], t = one-hot of classes 0 and 2 */
static const double yv[6] = {0.7, 0.2, 0.1, 0.1, 0.5, 0.4};
static const double tv[6] = {1, 0, 0, 0, 0, 1};
static const size_t lab[2] = {0, 2};

START_TEST(test_values_by_hand)
{
    enum nn_dtype dt = dtypes[_i];
    double tol = dt == NN_F32 ? 1e-7 : 1e-15;
    struct nn_mat y, t, g;
    nn_mat_init(&y, dt, 2, 3);
    nn_mat_init(&t, dt, 2, 3);
    nn_mat_init(&g, dt, 2, 3);
    set_all(&y, yv);
    set_all(&t, tv);
    double l;
    /* ½ Σ d²: d = [-0.3, 0.2, 0.1, 0.1, 0.5, -0.6], Σ d² = 0.76 */
    ck_assert_int_eq(nn_loss_half_sse(&l, &g, &y, &t), NN_OK);
    ck_assert_near(l, 0.38, tol);
    ck_assert_near(nn_mat_get(&g, 0, 0), -0.3, tol);
    ck_assert_near(nn_mat_get(&g, 1, 2), -0.6, tol);
    /* mean over 6 elements: 0.76 / 6; gradient 2d / 6 */
    ck_assert_int_eq(nn_loss_mse(&l, &g, &y, &t), NN_OK);
    ck_assert_near(l, 0.76 / 6, tol);
    ck_assert_near(nn_mat_get(&g, 1, 1), 2 * 0.5 / 6, tol);
    /* -(ln 0.7 + ln 0.4) / 2 = (0.35667494 + 0.91629073) / 2 = 0.63648284
     * (δ = 1e-7 inside the logs) */
    ck_assert_int_eq(nn_loss_ce(&l, &g, &y, &t), NN_OK);
    ck_assert_near(l, -(log(0.7 + 1e-7) + log(0.4 + 1e-7)) / 2, tol);
    ck_assert_near(l, 0.63648284, 1e-6);
    ck_assert_near(nn_mat_get(&g, 0, 0), -1 / (2 * (0.7 + 1e-7)), tol * 4);
    ck_assert(nn_mat_get(&g, 0, 1) == 0.0);
    double l2;
    struct nn_mat g2;
    nn_mat_init(&g2, dt, 2, 3);
    ck_assert_int_eq(nn_loss_ce_labels(&l2, &g2, &y, lab), NN_OK);
    ck_assert(l2 == l);
    for (size_t i = 0; i < 6; i++)
        ck_assert(nn_mat_get(&g2, i / 3, i % 3) ==
                  nn_mat_get(&g, i / 3, i % 3));
    /* Fused softmax + CE: (y - t) / 2 */
    ck_assert_int_eq(nn_loss_softmax_ce_grad(&g, &y, &t), NN_OK);
    ck_assert_near(nn_mat_get(&g, 0, 0), -0.15, tol);
    ck_assert_near(nn_mat_get(&g, 1, 1), 0.25, tol);
    ck_assert_near(nn_mat_get(&g, 1, 2), -0.3, tol);
    ck_assert_int_eq(nn_loss_softmax_ce_grad_labels(&g2, &y, lab), NN_OK);
    for (size_t i = 0; i < 6; i++)
        ck_assert(nn_mat_get(&g2, i / 3, i % 3) ==
                  nn_mat_get(&g, i / 3, i % 3));
    /* Loss only, no gradient. */
    ck_assert_int_eq(nn_loss_half_sse(&l, NULL, &y, &t), NN_OK);
    ck_assert_near(l, 0.38, tol);
    nn_mat_fini(&y);
    nn_mat_fini(&t);
    nn_mat_fini(&g);
    nn_mat_fini(&g2);
}
END_TEST

/* A probability of exactly 0 on the true class: large but finite. */
START_TEST(test_ce_at_zero)
{
    enum nn_dtype dt = dtypes[_i];
    struct nn_mat y, g;
    nn_mat_init(&y, dt, 1, 2);
    nn_mat_init(&g, dt, 1, 2);
    set_all(&y, (double[]){0.0, 1.0});
    size_t label = 0;
    double l;
    ck_assert_int_eq(nn_loss_ce_labels(&l, &g, &y, &label), NN_OK);
    ck_assert(isfinite(l));
    ck_assert_rel(l, -log(1e-7), 1e-6); /* 16.118 */
    ck_assert(nn_mat_all_finite(&g));
    nn_mat_fini(&y);
    nn_mat_fini(&g);
}
END_TEST

struct loss_ctx {
    int which;
    struct nn_mat *y, *t;
};

static int loss_of(void *p, double *v)
{
    struct loss_ctx *c = p;
    switch (c->which) {
    case 0:
        return nn_loss_half_sse(v, NULL, c->y, c->t);
    case 1:
        return nn_loss_mse(v, NULL, c->y, c->t);
    case 2:
        return nn_loss_ce(v, NULL, c->y, c->t);
    default:
        return nn_loss_ce_labels(v, NULL, c->y, lab);
    }
}

static int grad_of(int which, struct nn_mat *g, struct nn_mat *y,
                   struct nn_mat *t)
{
    double v;
    switch (which) {
    case 0:
        return nn_loss_half_sse(&v, g, y, t);
    case 1:
        return nn_loss_mse(&v, g, y, t);
    case 2:
        return nn_loss_ce(&v, g, y, t);
    default:
        return nn_loss_ce_labels(&v, g, y, lab);
    }
}

START_TEST(test_gradcheck)
{
    struct nn_mat y, t, g, num;
    nn_mat_init(&y, NN_F64, 2, 3);
    nn_mat_init(&t, NN_F64, 2, 3);
    nn_mat_init(&g, NN_F64, 2, 3);
    nn_mat_init(&num, NN_F64, 2, 3);
    set_all(&y, yv);
    set_all(&t, tv);
    for (int which = 0; which < 4; which++) {
        struct loss_ctx c = {which, &y, &t};
        ck_assert_int_eq(grad_of(which, &g, &y, &t), NN_OK);
        ck_assert_int_eq(nn_numgrad(&num, &y, loss_of, &c, NN_NUMGRAD_STEP),
                         NN_OK);
        double rel;
        ck_assert_int_eq(nn_gradcheck(&rel, NULL, &g, &num), NN_OK);
        ck_assert_msg(rel < 1e-6, "loss %d: relative error %g", which, rel);
    }
    nn_mat_fini(&y);
    nn_mat_fini(&t);
    nn_mat_fini(&g);
    nn_mat_fini(&num);
}
END_TEST

START_TEST(test_errors)
{
    struct nn_mat y, t, f;
    nn_mat_init(&y, NN_F64, 2, 3);
    nn_mat_init(&t, NN_F64, 3, 2);
    nn_mat_init(&f, NN_F32, 2, 3);
    double l = 42;
    ck_assert_int_eq(nn_loss_half_sse(&l, NULL, &y, &t), NN_ESHAPE);
    ck_assert_int_eq(nn_loss_mse(&l, NULL, &y, &f), NN_EDTYPE);
    ck_assert_int_eq(nn_loss_ce(&l, &t, &y, &y), NN_ESHAPE);
    size_t bad[2] = {0, 3};
    ck_assert_int_eq(nn_loss_ce_labels(&l, NULL, &y, bad), NN_EINVAL);
    ck_assert_int_eq(nn_loss_softmax_ce_grad_labels(&y, &y, bad), NN_EINVAL);
    ck_assert(l == 42); /* untouched on error */
    nn_mat_fini(&y);
    nn_mat_fini(&t);
    nn_mat_fini(&f);
}
END_TEST

static Suite *loss_suite(void)
{
    Suite *s = suite_create("loss");
    TCase *tc = tcase_create("loss");
    tcase_add_loop_test(tc, test_values_by_hand, 0, 2);
    tcase_add_loop_test(tc, test_ce_at_zero, 0, 2);
    tcase_add_test(tc, test_gradcheck);
    tcase_add_test(tc, test_errors);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(loss_suite)
