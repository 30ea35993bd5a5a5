/*
 * Activation functions: values against libm and the textbook formulas at
 * many points (large inputs included), derivatives against central
 * differences, the matrix backward pass of every kind (softmax's Jacobian
 * included) by gradient check, softmax stability, names.
 */
#include "check_helpers.h"
#include "core/activation.h"
#include "core/error.h"
#include "core/numgrad.h"

static const enum nn_dtype dtypes[] = {NN_F32, NN_F64};

/* The reference value of f, written from the definitions with libm. */
static double ref_f(enum nn_act_kind k, double a, double x)
{
    switch (k) {
    case NN_ACT_IDENTITY:
        return x;
    case NN_ACT_STEP:
        return x > 0 ? 1 : 0;
    case NN_ACT_SIGMOID:
        return 1 / (1 + exp(-x));
    case NN_ACT_TANH:
        return tanh(x);
    case NN_ACT_RELU:
        return fmax(0, x);
    case NN_ACT_LEAKY_RELU:
        return x > 0 ? x : a * x;
    default:
        return NAN;
    }
}

/* The reference derivative from the textbook formulas. */
static double ref_df(enum nn_act_kind k, double a, double x)
{
    double s = 1 / (1 + exp(-x));
    switch (k) {
    case NN_ACT_IDENTITY:
        return 1;
    case NN_ACT_STEP:
        return 0;
    case NN_ACT_SIGMOID:
        return s * (1 - s);
    case NN_ACT_TANH:
        return 1 - tanh(x) * tanh(x);
    case NN_ACT_RELU:
        return x > 0 ? 1 : 0;
    case NN_ACT_LEAKY_RELU:
        return x > 0 ? 1 : a;
    default:
        return NAN;
    }
}

/* Points from -1000 to 1000: a dense grid near 0 and large magnitudes. */
static size_t points(double *x)
{
    size_t n = 0;
    for (int i = -400; i <= 400; i++)
        x[n++] = i * 0.0253;
    static const double big[] = {-1000, -745, -710, -100, -40, -20,
                                 20,    40,   100,  710,  745, 1000};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++)
        x[n++] = big[i];
    return n;
}

#define NPTS 813

START_TEST(test_values_vs_libm)
{
    enum nn_dtype dt = dtypes[_i];
    double xs[NPTS];
    size_t n = points(xs);
    ck_assert_uint_eq(n, NPTS);
    struct nn_mat z, y;
    nn_mat_init(&z, dt, 1, n);
    nn_mat_init(&y, dt, 1, n);
    for (size_t i = 0; i < n; i++)
        nn_mat_set(&z, 0, i, xs[i]);
    /* f32 agrees with the double reference to float precision. */
    double rel = dt == NN_F32 ? 2e-6 : 1e-14;
    for (int k = 0; k < NN_ACT_SOFTMAX; k++) {
        struct nn_act a = nn_act_make((enum nn_act_kind)k);
        a.slope = 0.07;
        ck_assert_int_eq(nn_act_forward(&a, &y, &z), NN_OK);
        for (size_t i = 0; i < n; i++) {
            double x = nn_mat_get(&z, 0, i); /* the value really stored */
            double want = ref_f(a.kind, a.slope, x);
            double got = nn_mat_get(&y, 0, i);
            ck_assert(isfinite(got));
            double tiny = dt == NN_F32 ? 1e-30 : 1e-300;
            if (fabs(want) < tiny)
                /* e.g. σ(-710): the textbook form 1/(1 + e^710) gives 0,
                 * the stable form the subnormal 4.5e-309; both ~ 0 */
                ck_assert_near(got, want, tiny);
            else
                ck_assert_rel(got, want, rel);
            if (dt == NN_F64) {
                ck_assert_rel(nn_act_f(&a, x) + 2, want + 2, 1e-15);
                ck_assert_rel(nn_act_df(&a, x) + 2,
                              ref_df(a.kind, a.slope, x) + 2, 1e-14);
            }
        }
    }
    nn_mat_fini(&z);
    nn_mat_fini(&y);
}
END_TEST

/* Landmarks: σ(0) = 1/2, σ'(0) = 1/4, tanh'(0) = 1, saturation. */
START_TEST(test_landmarks)
{
    struct nn_act sig = nn_act_make(NN_ACT_SIGMOID);
    struct nn_act th = nn_act_make(NN_ACT_TANH);
    struct nn_act step = nn_act_make(NN_ACT_STEP);
    struct nn_act lk = nn_act_make(NN_ACT_LEAKY_RELU);
    ck_assert(nn_act_f(&sig, 0) == 0.5);
    ck_assert(nn_act_df(&sig, 0) == 0.25);
    ck_assert(nn_act_df(&th, 0) == 1.0);
    ck_assert(nn_act_f(&sig, 1000) == 1.0);
    ck_assert(nn_act_f(&sig, -1000) == 0.0);
    ck_assert(nn_act_df(&sig, 1000) == 0.0); /* saturated: no gradient */
    ck_assert(nn_act_f(&step, 0) == 0.0);    /* 1 only for x > 0 */
    ck_assert(nn_act_f(&step, 1e-300) == 1.0);
    ck_assert(lk.slope == 0.01);
    ck_assert(nn_act_f(&lk, -2) == -0.02);
    struct nn_act sm = nn_act_make(NN_ACT_SOFTMAX);
    ck_assert(isnan(nn_act_f(&sm, 1)));
    ck_assert(isnan(nn_act_df(&sm, 1)));
}
END_TEST

/* Scalar derivatives against central differences, away from kinks. */
START_TEST(test_df_central_difference)
{
    static const double xs[] = {-3.7, -1.1, -0.3, 0.2, 0.9, 2.5};
    for (int k = 0; k < NN_ACT_SOFTMAX; k++) {
        struct nn_act a = nn_act_make((enum nn_act_kind)k);
        for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
            double h = 1e-4, x = xs[i];
            double num = (nn_act_f(&a, x + h) - nn_act_f(&a, x - h)) / (2 * h);
            ck_assert_near(nn_act_df(&a, x), num, 1e-8);
        }
    }
}
END_TEST

/* Gradient check of the matrix backward pass: L = Σ w ⊙ f(z) for fixed
 * weights w, so ∂L/∂z is backward(dy = w). */
struct act_ctx {
    struct nn_act act;
    struct nn_mat *z, *y, *w;
};

static int act_loss(void *p, double *value)
{
    struct act_ctx *c = p;
    int err = nn_act_forward(&c->act, c->y, c->z);
    double s = 0;
    for (size_t i = 0; i < c->z->rows; i++)
        for (size_t j = 0; j < c->z->cols; j++)
            s += nn_mat_get(c->w, i, j) * nn_mat_get(c->y, i, j);
    *value = s;
    return err;
}

START_TEST(test_backward_gradcheck)
{
    /* No logit within h of a kink at 0. */
    static const double zv[12] = {0.7,  -1.3, 2.1,  -0.4, 0.05,  1.6,
                                  -2.2, 0.35, -0.8, 1.1,  -0.15, 0.6};
    static const double wv[12] = {0.3,  -1.0, 0.8, 0.5,  -0.2, 1.4,
                                  -0.6, 0.9,  0.1, -1.1, 0.7,  0.25};
    struct nn_mat z, y, w, dz, num;
    nn_mat_init(&z, NN_F64, 3, 4);
    nn_mat_init(&y, NN_F64, 3, 4);
    nn_mat_init(&dz, NN_F64, 3, 4);
    nn_mat_init(&num, NN_F64, 3, 4);
    w = nn_mat_wrap(NN_F64, 3, 4, (void *)wv);
    for (size_t i = 0; i < 12; i++)
        ((double *)z.data)[i] = zv[i];
    for (int k = 0; k < NN_ACT_COUNT; k++) {
        struct nn_act a = nn_act_make((enum nn_act_kind)k);
        a.slope = 0.2;
        struct act_ctx c = {a, &z, &y, &w};
        ck_assert_int_eq(nn_act_forward(&a, &y, &z), NN_OK);
        ck_assert_int_eq(nn_act_backward(&a, &dz, &z, &y, &w), NN_OK);
        ck_assert_int_eq(nn_numgrad(&num, &z, act_loss, &c, NN_NUMGRAD_STEP),
                         NN_OK);
        double rel;
        ck_assert_int_eq(nn_gradcheck(&rel, NULL, &dz, &num), NN_OK);
        ck_assert_msg(rel < 1e-6, "%s: relative error %g", nn_act_name(a.kind),
                      rel);
        /* In place (dz = dy) gives the same; numgrad left y at its last
         * nudged evaluation, so refresh it first. */
        ck_assert_int_eq(nn_act_forward(&a, &y, &z), NN_OK);
        struct nn_mat g;
        nn_mat_init(&g, NN_F64, 3, 4);
        nn_mat_copy(&g, &w);
        ck_assert_int_eq(nn_act_backward(&a, &g, &z, &y, &g), NN_OK);
        for (size_t i = 0; i < 12; i++)
            ck_assert(((double *)g.data)[i] == ((double *)dz.data)[i]);
        nn_mat_fini(&g);
    }
    nn_mat_fini(&z);
    nn_mat_fini(&y);
    nn_mat_fini(&dz);
    nn_mat_fini(&num);
}
END_TEST

START_TEST(test_softmax_stable)
{
    enum nn_dtype dt = dtypes[_i];
    struct nn_mat z, y;
    nn_mat_init(&z, dt, 2, 3);
    nn_mat_init(&y, dt, 2, 3);
    const double v[6] = {1000, 1001, 1002, -1000, 0, 1000};
    for (size_t i = 0; i < 6; i++)
        nn_mat_set(&z, i / 3, i % 3, v[i]);
    struct nn_act sm = nn_act_make(NN_ACT_SOFTMAX);
    ck_assert_int_eq(nn_act_forward(&sm, &y, &z), NN_OK);
    ck_assert(nn_mat_all_finite(&y));
    /* [1, e, e²] / (1 + e + e²): shifting the logits changes nothing */
    double e = exp(1.0), d = 1 + e + e * e;
    double tol = dt == NN_F32 ? 1e-7 : 1e-15;
    ck_assert_near(nn_mat_get(&y, 0, 0), 1 / d, tol);
    ck_assert_near(nn_mat_get(&y, 0, 1), e / d, tol);
    ck_assert_near(nn_mat_get(&y, 0, 2), e * e / d, tol);
    ck_assert_near(nn_mat_get(&y, 0, 0) + nn_mat_get(&y, 0, 1) +
                       nn_mat_get(&y, 0, 2),
                   1.0, tol * 4);
    /* e^-2000 and e^-1000 underflow to 0; the largest takes everything */
    ck_assert(nn_mat_get(&y, 1, 0) == 0.0);
    ck_assert(nn_mat_get(&y, 1, 2) == 1.0);
    /* In place. */
    ck_assert_int_eq(nn_act_forward(&sm, &z, &z), NN_OK);
    ck_assert_near(nn_mat_get(&z, 0, 2), e * e / d, tol);
    nn_mat_fini(&z);
    nn_mat_fini(&y);
}
END_TEST

START_TEST(test_names_and_errors)
{
    static const char *const names[] = {
        "identity", "step", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"};
    for (int k = 0; k < NN_ACT_COUNT; k++) {
        struct nn_act a;
        ck_assert_int_eq(nn_act_parse(names[k], &a), NN_OK);
        ck_assert_int_eq(a.kind, k);
        ck_assert_str_eq(nn_act_name(a.kind), names[k]);
        ck_assert_int_eq(nn_act_is_elementwise(a.kind), k != NN_ACT_SOFTMAX);
    }
    struct nn_act a = nn_act_make(NN_ACT_RELU);
    ck_assert_int_eq(nn_act_parse("Relu", &a), NN_EINVAL);
    ck_assert_int_eq(nn_act_parse("", &a), NN_EINVAL);
    ck_assert_int_eq(a.kind, NN_ACT_RELU);
    ck_assert_str_eq(nn_act_name((enum nn_act_kind)99), "?");
    struct nn_mat m1, m2;
    nn_mat_init(&m1, NN_F64, 2, 3);
    nn_mat_init(&m2, NN_F32, 2, 3);
    ck_assert_int_eq(nn_act_forward(&a, &m1, &m2), NN_EDTYPE);
    nn_mat_fini(&m2);
    nn_mat_init(&m2, NN_F64, 3, 2);
    ck_assert_int_eq(nn_act_forward(&a, &m1, &m2), NN_ESHAPE);
    ck_assert_int_eq(nn_act_backward(&a, &m1, &m1, &m1, &m2), NN_ESHAPE);
    nn_mat_fini(&m1);
    nn_mat_fini(&m2);
}
END_TEST

static Suite *activation_suite(void)
{
    Suite *s = suite_create("activation");
    TCase *tc = tcase_create("activation");
    tcase_add_loop_test(tc, test_values_vs_libm, 0, 2);
    tcase_add_test(tc, test_landmarks);
    tcase_add_test(tc, test_df_central_difference);
    tcase_add_test(tc, test_backward_gradcheck);
    tcase_add_loop_test(tc, test_softmax_stable, 0, 2);
    tcase_add_test(tc, test_names_and_errors);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(activation_suite)
