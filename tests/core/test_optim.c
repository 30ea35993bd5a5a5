/*
 * Optimizers: one or two steps of each, against updates worked out by
 * hand from p = (1, -2) and g = (0.5, -0.25); defaults; changing the
 * learning rate mid-run; errors.
 */
#include "check_helpers.h"
#include "core/error.h"
#include "core/optim.h"

static const enum nn_dtype dtypes[] = {NN_F32, NN_F64};

struct run {
    struct nn_optim o;
    struct nn_mat p, g;
};

static void start(struct run *r, enum nn_dtype dt, enum nn_optim_kind kind,
                  double lr, double eps)
{
    struct nn_optim_config c = nn_optim_defaults(kind);
    c.lr = lr;
    c.eps = eps;
    ck_assert_int_eq(nn_optim_init(&r->o, &c, dt, 2), NN_OK);
    nn_mat_init(&r->p, dt, 1, 2);
    nn_mat_init(&r->g, dt, 1, 2);
    nn_mat_set(&r->p, 0, 0, 1.0);
    nn_mat_set(&r->p, 0, 1, -2.0);
    nn_mat_set(&r->g, 0, 0, 0.5);
    nn_mat_set(&r->g, 0, 1, -0.25);
}

static void step(struct run *r)
{
    ck_assert_int_eq(nn_optim_step(&r->o, &r->p, &r->g), NN_OK);
}

static void stop(struct run *r)
{
    nn_optim_fini(&r->o);
    nn_mat_fini(&r->p);
    nn_mat_fini(&r->g);
}

#define P(r, i) nn_mat_get(&(r).p, 0, (i))
#define TOL(dt) ((dt) == NN_F32 ? 1e-6 : 1e-14)

START_TEST(test_sgd)
{
    enum nn_dtype dt = dtypes[_i];
    struct run r;
    start(&r, dt, NN_OPT_SGD, 0.1, 0);
    step(&r); /* p - 0.1 g = (1 - 0.05, -2 + 0.025) */
    ck_assert_near(P(r, 0), 0.95, TOL(dt));
    ck_assert_near(P(r, 1), -1.975, TOL(dt));
    r.o.cfg.lr = 0.2; /* a new learning rate takes effect at once */
    step(&r);         /* 0.95 - 0.1, -1.975 + 0.05 */
    ck_assert_near(P(r, 0), 0.85, TOL(dt));
    ck_assert_near(P(r, 1), -1.925, TOL(dt));
    stop(&r);
}
END_TEST

START_TEST(test_momentum)
{
    enum nn_dtype dt = dtypes[_i];
    struct run r;
    start(&r, dt, NN_OPT_MOMENTUM, 0.1, 0);
    ck_assert(r.o.cfg.beta1 == 0.9);
    step(&r); /* v = -0.1 g = (-0.05, 0.025); p + v */
    ck_assert_near(P(r, 0), 0.95, TOL(dt));
    ck_assert_near(P(r, 1), -1.975, TOL(dt));
    step(&r); /* v = 0.9 v - 0.1 g = (-0.095, 0.0475) */
    ck_assert_near(P(r, 0), 0.855, TOL(dt));
    ck_assert_near(P(r, 1), -1.9275, TOL(dt));
    stop(&r);
}
END_TEST

START_TEST(test_adagrad)
{
    enum nn_dtype dt = dtypes[_i];
    struct run r;
    start(&r, dt, NN_OPT_ADAGRAD, 0.1, 0);
    step(&r); /* h = g², so g / √h = ±1: p ∓ 0.1 */
    ck_assert_near(P(r, 0), 0.9, TOL(dt));
    ck_assert_near(P(r, 1), -1.9, TOL(dt));
    step(&r); /* h = 2g²: step 0.1 / √2 = 0.07071068 */
    ck_assert_near(P(r, 0), 0.82928932, 1e-6);
    ck_assert_near(P(r, 1), -1.82928932, 1e-6);
    stop(&r);
}
END_TEST

START_TEST(test_rmsprop)
{
    enum nn_dtype dt = dtypes[_i];
    struct run r;
    start(&r, dt, NN_OPT_RMSPROP, 0.01, 0);
    ck_assert(r.o.cfg.beta2 == 0.9);
    step(&r); /* h = 0.1 g², g / √h = ±√10: p ∓ 0.01 √10 = ∓ 0.03162278 */
    ck_assert_near(P(r, 0), 0.96837722, 1e-7);
    ck_assert_near(P(r, 1), -1.96837722, 1e-7);
    step(&r); /* h = 0.9·0.1 g² + 0.1 g² = 0.19 g²: step 0.01/√0.19 */
    ck_assert_near(P(r, 0), 0.96837722 - 0.02294157, 1e-7);
    stop(&r);
}
END_TEST

START_TEST(test_adam)
{
    enum nn_dtype dt = dtypes[_i];
    struct run r;
    start(&r, dt, NN_OPT_ADAM, 0.001, 0);
    /* After bias correction m̂ = g and v̂ = g² on the first step, so every
     * parameter moves by exactly lr against the sign of its gradient; the
     * same again on the second step with the same gradient. */
    step(&r);
    ck_assert_near(P(r, 0), 0.999, TOL(dt));
    ck_assert_near(P(r, 1), -1.999, TOL(dt));
    step(&r);
    ck_assert_near(P(r, 0), 0.998, TOL(dt));
    ck_assert_near(P(r, 1), -1.998, TOL(dt));
    /* Then a zero gradient for the first parameter, worked out:
     * m2 = 0.05·0.9 + 0.05 = 0.095, v2 = 0.00025·0.999 + 0.00025
     * = 0.00049975;
     * m3 = 0.9·0.095 = 0.0855, v3 = 0.999·v2 = 0.00049925025;
     * m̂ = 0.0855/0.271 = 0.31549815, v̂ = v3/0.002997001 = 0.16658328;
     * step = 0.001·0.31549815/0.40814612 = 0.00077300 */
    nn_mat_set(&r.g, 0, 0, 0.0);
    step(&r);
    ck_assert_near(P(r, 0), 0.998 - 0.00077300, 1e-6);
    ck_assert_int_eq(r.o.t, 3);
    nn_optim_reset(&r.o);
    ck_assert_int_eq(r.o.t, 0);
    stop(&r);
}
END_TEST

START_TEST(test_defaults_and_names)
{
    struct nn_optim_config c = nn_optim_defaults(NN_OPT_ADAM);
    ck_assert(c.lr == 0.001 && c.beta1 == 0.9 && c.beta2 == 0.999 &&
              c.eps == 1e-7);
    c = nn_optim_defaults(NN_OPT_RMSPROP);
    ck_assert(c.lr == 0.001 && c.beta2 == 0.9 && c.eps == 1e-7);
    c = nn_optim_defaults(NN_OPT_MOMENTUM);
    ck_assert(c.lr == 0.01 && c.beta1 == 0.9);
    static const char *const names[] = {"sgd", "momentum", "adagrad",
                                        "rmsprop", "adam"};
    for (int k = 0; k < NN_OPT_COUNT; k++) {
        ck_assert_int_eq(nn_optim_parse(names[k]), k);
        ck_assert_str_eq(nn_optim_name((enum nn_optim_kind)k), names[k]);
    }
    ck_assert_int_eq(nn_optim_parse("Adam"), -1);
    /* ε matters: with the default ε the Adam step is a hair under lr. */
    struct run r;
    start(&r, NN_F64, NN_OPT_ADAM, 0.001, 1e-7);
    step(&r);
    ck_assert_near(P(r, 0), 1 - 0.001 * 0.5 / (0.5 + 1e-7), 1e-15);
    stop(&r);
}
END_TEST

START_TEST(test_errors)
{
    struct nn_optim o;
    struct nn_optim_config c = nn_optim_defaults(NN_OPT_ADAM);
    c.beta1 = 1.0;
    ck_assert_int_eq(nn_optim_init(&o, &c, NN_F64, 3), NN_EINVAL);
    c = nn_optim_defaults(NN_OPT_SGD);
    c.lr = -1;
    ck_assert_int_eq(nn_optim_init(&o, &c, NN_F64, 3), NN_EINVAL);
    c.lr = NAN;
    ck_assert_int_eq(nn_optim_init(&o, &c, NN_F64, 3), NN_EINVAL);
    c = nn_optim_defaults(NN_OPT_MOMENTUM);
    ck_assert_int_eq(nn_optim_init(&o, &c, NN_F64, 3), NN_OK);
    struct nn_mat p, g;
    nn_mat_init(&p, NN_F64, 1, 2);
    nn_mat_init(&g, NN_F32, 1, 3);
    ck_assert_int_eq(nn_optim_step(&o, &p, &p), NN_ESHAPE);
    ck_assert_int_eq(nn_optim_step(&o, &g, &g), NN_EDTYPE);
    nn_mat_fini(&p);
    nn_mat_fini(&g);
    nn_optim_fini(&o);
}
END_TEST

static Suite *optim_suite(void)
{
    Suite *s = suite_create("optim");
    TCase *tc = tcase_create("optim");
    tcase_add_loop_test(tc, test_sgd, 0, 2);
    tcase_add_loop_test(tc, test_momentum, 0, 2);
    tcase_add_loop_test(tc, test_adagrad, 0, 2);
    tcase_add_loop_test(tc, test_rmsprop, 0, 2);
    tcase_add_loop_test(tc, test_adam, 0, 2);
    tcase_add_test(tc, test_defaults_and_names);
    tcase_add_test(tc, test_errors);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(optim_suite)
