/*
 * Numerical gradient: the lesson's f(x0, x1) = x0² + x1² at (3, 4) has
 * gradient (6, 8); parameters are restored; f32; the gradient check's
 * relative error, its floor and NaN.
 */
#include "check_helpers.h"
#include "core/error.h"
#include "core/numgrad.h"

struct count {
    struct nn_mat *p;
    int calls;
};

/* f(x0, x1) = x0² + x1² */
static int bowl(void *ctx, double *v)
{
    struct count *c = ctx;
    double x0 = nn_mat_get(c->p, 0, 0), x1 = nn_mat_get(c->p, 0, 1);
    c->calls++;
    *v = x0 * x0 + x1 * x1;
    return NN_OK;
}

static int failing(void *ctx, double *v)
{
    (void)ctx;
    *v = 0;
    return NN_ENONFINITE;
}

START_TEST(test_bowl)
{
    double pv[2] = {3.0, 4.0}, gv[2];
    struct nn_mat p = nn_mat_wrap(NN_F64, 1, 2, pv);
    struct nn_mat g = nn_mat_wrap(NN_F64, 1, 2, gv);
    struct count c = {&p, 0};
    ck_assert_int_eq(nn_numgrad(&g, &p, bowl, &c, NN_NUMGRAD_STEP), NN_OK);
    /* For a quadratic the central difference is exact up to rounding. */
    ck_assert_near(gv[0], 6.0, 1e-9);
    ck_assert_near(gv[1], 8.0, 1e-9);
    ck_assert_int_eq(c.calls, 4); /* two evaluations per parameter */
    ck_assert(pv[0] == 3.0 && pv[1] == 4.0);
    ck_assert_int_eq(nn_numgrad(&g, &p, failing, &c, 1e-4), NN_ENONFINITE);
    ck_assert(pv[0] == 3.0); /* restored on error too */
    ck_assert_int_eq(nn_numgrad(&g, &p, bowl, &c, 0.0), NN_EINVAL);
}
END_TEST

START_TEST(test_bowl_f32)
{
    float pv[2] = {3.0f, 4.0f}, gv[2];
    struct nn_mat p = nn_mat_wrap(NN_F32, 1, 2, pv);
    struct nn_mat g = nn_mat_wrap(NN_F32, 1, 2, gv);
    struct count c = {&p, 0};
    ck_assert_int_eq(nn_numgrad(&g, &p, bowl, &c, 1e-2), NN_OK);
    ck_assert_near(gv[0], 6.0, 1e-4);
    ck_assert_near(gv[1], 8.0, 1e-4);
    ck_assert(pv[0] == 3.0f && pv[1] == 4.0f);
    struct nn_mat g64 = nn_mat_wrap(NN_F64, 1, 2, (double[2]){0});
    ck_assert_int_eq(nn_numgrad(&g64, &p, bowl, &c, 1e-2), NN_EDTYPE);
}
END_TEST

START_TEST(test_gradcheck_measure)
{
    double a[4] = {1.0, -2.0, 1e-9, 0.5};
    double n[4] = {1.0, -2.002, 2e-9, 0.5};
    struct nn_mat A = nn_mat_wrap(NN_F64, 1, 4, a);
    struct nn_mat N = nn_mat_wrap(NN_F64, 1, 4, n);
    double rel;
    size_t worst;
    ck_assert_int_eq(nn_gradcheck(&rel, &worst, &A, &N), NN_OK);
    /* |−2 − (−2.002)| / 2.002; the 1e-9 pair is below the floor 1e-5, so
     * counts as 1e-9 / 1e-5 = 1e-4, smaller */
    ck_assert_near(rel, 0.002 / 2.002, 1e-15);
    ck_assert_uint_eq(worst, 1);
    n[3] = NAN;
    ck_assert_int_eq(nn_gradcheck(&rel, &worst, &A, &N), NN_OK);
    ck_assert(isnan(rel));
    ck_assert_uint_eq(worst, 3);
    struct nn_mat short_ = nn_mat_wrap(NN_F64, 1, 3, n);
    ck_assert_int_eq(nn_gradcheck(&rel, NULL, &A, &short_), NN_ESHAPE);
}
END_TEST

static Suite *numgrad_suite(void)
{
    Suite *s = suite_create("numgrad");
    TCase *tc = tcase_create("numgrad");
    tcase_add_test(tc, test_bowl);
    tcase_add_test(tc, test_bowl_f32);
    tcase_add_test(tc, test_gradcheck_measure);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(numgrad_suite)
