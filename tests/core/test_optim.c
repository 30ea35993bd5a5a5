/*
 * Optimizers: one or two steps of each, against updates worked out by
 * hand from p = (1, -2) and g = (0.5, -0.25); defaults; changing the
 * learning rate mid-run; errors; and each one training XOR.
 */
#include "check_helpers.h"
#include "core/error.h"
#include "core/gemm_pool.h"
#include "core/init.h"
#include "core/loss.h"
#include "core/mlp.h"
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
    static const char *const names[] = {"sgd", "momentum", "adagrad", "rmsprop",
                                        "adam"};
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

/* Each optimizer trains a 2-4-1 sigmoid network on XOR (which no single
 * layer can learn) from the same seeded start, full batch. */
static const struct {
    enum nn_optim_kind kind;
    double lr;
    int steps;
} xor_runs[] = {
    {NN_OPT_SGD, 2.0, 6000},     {NN_OPT_MOMENTUM, 0.5, 2000},
    {NN_OPT_ADAGRAD, 0.2, 2000}, {NN_OPT_RMSPROP, 0.02, 2000},
    {NN_OPT_ADAM, 0.01, 2000},
};

START_TEST(test_learns_xor)
{
    struct nn_layer_spec spec[2] = {
        {4, nn_act_make(NN_ACT_SIGMOID), 1},
        {1, nn_act_make(NN_ACT_SIGMOID), 1},
    };
    struct nn_mlp m;
    ck_assert_int_eq(nn_mlp_init(&m, NN_F64, 2, 2, spec), NN_OK);
    struct nn_rng rng;
    nn_rng_seed(&rng, 1);
    ck_assert_int_eq(nn_mlp_init_params(&m, NN_INIT_NORMAL, 1.0, &rng), NN_OK);
    double xv[8] = {0, 0, 0, 1, 1, 0, 1, 1}, tv[4] = {0, 1, 1, 0};
    struct nn_mat x = nn_mat_wrap(NN_F64, 4, 2, xv);
    struct nn_mat t = nn_mat_wrap(NN_F64, 4, 1, tv);
    struct nn_optim_config c = nn_optim_defaults(xor_runs[_i].kind);
    c.lr = xor_runs[_i].lr;
    struct nn_optim o;
    ck_assert_int_eq(nn_optim_init(&o, &c, NN_F64, m.n_params), NN_OK);
    double e = 0, e0 = -1;
    for (int s = 0; s < xor_runs[_i].steps; s++) {
        nn_mlp_zero_grad(&m);
        ck_assert_int_eq(nn_mlp_forward(&m, &x), NN_OK);
        ck_assert_int_eq(
            nn_loss_half_sse(&e, nn_mlp_dy(&m), nn_mlp_output(&m), &t), NN_OK);
        if (e0 < 0)
            e0 = e;
        ck_assert_int_eq(nn_mlp_backward(&m, 0), NN_OK);
        ck_assert_int_eq(nn_optim_step(&o, &m.params, &m.grads), NN_OK);
    }
    ck_assert_int_eq(nn_mlp_forward(&m, &x), NN_OK);
    ck_assert_int_eq(nn_loss_half_sse(&e, NULL, nn_mlp_output(&m), &t), NN_OK);
    ck_assert_msg(e < 0.01, "%s: E from %g to %g", nn_optim_name(c.kind), e0,
                  e);
    for (size_t i = 0; i < 4; i++)
        ck_assert_near(nn_mat_get(nn_mlp_output(&m), i, 0), tv[i], 0.15);
    nn_optim_fini(&o);
    nn_mlp_fini(&m);
}
END_TEST

/* Updates shared out over three threads, and a step made in ranges, give
 * the very bits of one thread in one go, for every optimizer and both
 * dtypes, on a size that splits unevenly (_i: kind * 2 + dtype). */
START_TEST(test_threads_same_bits)
{
    enum nn_optim_kind kind = (enum nn_optim_kind)(_i / 2);
    enum nn_dtype dt = _i % 2 ? NN_F64 : NN_F32;
    size_t n = 3 * 65536 + 37;
    struct nn_pool *pool;
    ck_assert_int_eq(nn_pool_create(&pool, 3), NN_OK);
    struct nn_mat p[2], g;
    struct nn_optim o[2];
    struct nn_rng r;
    nn_rng_seed(&r, 7);
    struct nn_optim_config c = nn_optim_defaults(kind);
    ck_assert_int_eq(nn_mat_init(&g, dt, 1, n), NN_OK);
    for (int k = 0; k < 2; k++) {
        ck_assert_int_eq(nn_mat_init(&p[k], dt, 1, n), NN_OK);
        ck_assert_int_eq(nn_optim_init(&o[k], &c, dt, n), NN_OK);
    }
    double last = 0;
    for (size_t i = 0; i < n; i++) {
        last = nn_rng_normal(&r);
        nn_mat_set(&p[0], 0, i, last);
        nn_mat_set(&p[1], 0, i, last);
    }
    /* an update before any begin, and ranges outside, are refused */
    ck_assert_int_eq(nn_optim_update(pool, &o[1], &p[1], &g, 0, n), NN_EINVAL);
    for (int step = 0; step < 3; step++) {
        for (size_t i = 0; i < n; i++)
            nn_mat_set(&g, 0, i, nn_rng_normal(&r));
        ck_assert_int_eq(nn_optim_step(&o[0], &p[0], &g), NN_OK);
        if (step == 1) {
            /* the same step begun once and made in three uneven ranges */
            size_t cut[4] = {0, 1000, 70000 + 3, n};
            ck_assert_int_eq(nn_optim_begin(&o[1], &p[1], &g), NN_OK);
            for (int k = 0; k < 3; k++)
                ck_assert_int_eq(nn_optim_update(pool, &o[1], &p[1], &g, cut[k],
                                                 cut[k + 1] - cut[k]),
                                 NN_OK);
            ck_assert_int_eq(nn_optim_update(pool, &o[1], &p[1], &g, n, 1),
                             NN_EINVAL);
        } else {
            ck_assert_int_eq(nn_optim_step_pool(pool, &o[1], &p[1], &g), NN_OK);
        }
    }
    size_t bytes = n * nn_dtype_size(dt);
    ck_assert(memcmp(p[0].data, p[1].data, bytes) == 0);
    if (nn_mat_size(&o[0].s1) == n)
        ck_assert(memcmp(o[0].s1.data, o[1].s1.data, bytes) == 0);
    if (nn_mat_size(&o[0].s2) == n)
        ck_assert(memcmp(o[0].s2.data, o[1].s2.data, bytes) == 0);
    ck_assert(nn_mat_get(&p[1], 0, n - 1) != last); /* they moved */
    for (int k = 0; k < 2; k++) {
        nn_mat_fini(&p[k]);
        nn_optim_fini(&o[k]);
    }
    nn_mat_fini(&g);
    nn_pool_free(pool);
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
    tcase_add_loop_test(tc, test_threads_same_bits, 0, 2 * NN_OPT_COUNT);
    tcase_add_loop_test(tc, test_learns_xor, 0,
                        sizeof xor_runs / sizeof xor_runs[0]);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(optim_suite)
