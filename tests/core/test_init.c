/*
 * Weight initialisation: the spread of each kind, biases at zero, and
 * reproducibility: the same seed gives bit-identical weights after
 * training steps, a different seed different ones.
 */
#include "check_helpers.h"
#include "core/error.h"
#include "core/init.h"
#include "core/loss.h"
#include "core/optim.h"

#include <string.h>

/* Sample standard deviation and mean of a matrix. */
static void moments(const struct nn_mat *m, double *mean, double *sd)
{
    double s1 = 0, s2 = 0, n = (double)nn_mat_size(m);
    for (size_t i = 0; i < m->rows; i++)
        for (size_t j = 0; j < m->cols; j++) {
            double v = nn_mat_get(m, i, j);
            s1 += v;
            s2 += v * v;
        }
    *mean = s1 / n;
    *sd = sqrt(s2 / n - *mean * *mean);
}

START_TEST(test_spreads)
{
    struct nn_rng rng;
    nn_rng_seed(&rng, 5);
    struct nn_mat W;
    nn_mat_init(&W, NN_F32, 784, 50); /* the seeds' first layer */
    double mean, sd;
    ck_assert_int_eq(nn_init_weights(&W, NN_INIT_NORMAL, 0.01, &rng), NN_OK);
    moments(&W, &mean, &sd);
    ck_assert_near(sd, 0.01, 0.0003); /* 39200 draws: se ≈ 0.4 % */
    ck_assert_near(mean, 0.0, 0.0003);
    ck_assert_int_eq(nn_init_weights(&W, NN_INIT_XAVIER, 0, &rng), NN_OK);
    moments(&W, &mean, &sd);
    ck_assert_near(sd, sqrt(2.0 / (784 + 50)), 0.002);
    ck_assert_int_eq(nn_init_weights(&W, NN_INIT_HE, 0, &rng), NN_OK);
    moments(&W, &mean, &sd);
    ck_assert_near(sd, sqrt(2.0 / 784), 0.002);
    ck_assert_int_eq(nn_init_weights(&W, NN_INIT_NORMAL, -1, &rng), NN_EINVAL);
    ck_assert_int_eq(nn_init_weights(&W, NN_INIT_NORMAL, NAN, &rng), NN_EINVAL);
    nn_mat_fini(&W);
    ck_assert_str_eq(nn_init_name(NN_INIT_HE), "he");
    ck_assert_int_eq(nn_init_parse("xavier"), NN_INIT_XAVIER);
    ck_assert_int_eq(nn_init_parse("glorot?"), -1);
}
END_TEST

/* Build a 4-6-3 model from a seed and train it 5 Adam steps on fixed data
 * with softmax + cross-entropy. */
static void trained(struct nn_mlp *m, enum nn_dtype dt, uint64_t seed)
{
    struct nn_layer_spec spec[2] = {
        {6, nn_act_make(NN_ACT_RELU), 1},
        {3, nn_act_make(NN_ACT_SOFTMAX), 1},
    };
    ck_assert_int_eq(nn_mlp_init(m, dt, 4, 2, spec), NN_OK);
    struct nn_rng rng;
    nn_rng_seed(&rng, seed);
    ck_assert_int_eq(nn_mlp_init_params(m, NN_INIT_HE, 0, &rng), NN_OK);
    for (size_t j = 0; j < 6; j++)
        ck_assert(nn_mat_get(&m->layers[0].b, 0, j) == 0.0);
    struct nn_mat x;
    nn_mat_init(&x, dt, 5, 4);
    for (size_t i = 0; i < 20; i++)
        nn_mat_set(&x, i / 4, i % 4, nn_rng_normal(&rng));
    size_t labels[5] = {0, 2, 1, 1, 0};
    struct nn_optim_config c = nn_optim_defaults(NN_OPT_ADAM);
    c.lr = 0.01;
    struct nn_optim o;
    ck_assert_int_eq(nn_optim_init(&o, &c, dt, m->n_params), NN_OK);
    for (int s = 0; s < 5; s++) {
        nn_mlp_zero_grad(m);
        ck_assert_int_eq(nn_mlp_forward(m, &x), NN_OK);
        ck_assert_int_eq(nn_loss_softmax_ce_grad_labels(
                             nn_mlp_dz(m), nn_mlp_output(m), labels),
                         NN_OK);
        ck_assert_int_eq(nn_mlp_backward(m, 1), NN_OK);
        ck_assert_int_eq(nn_optim_step(&o, &m->params, &m->grads), NN_OK);
    }
    nn_optim_fini(&o);
    nn_mat_fini(&x);
}

START_TEST(test_same_seed_same_weights)
{
    enum nn_dtype dt = _i ? NN_F64 : NN_F32;
    struct nn_mlp a, b, c;
    trained(&a, dt, 2024);
    trained(&b, dt, 2024);
    trained(&c, dt, 2025);
    size_t bytes = a.n_params * nn_dtype_size(dt);
    ck_assert(memcmp(a.params.data, b.params.data, bytes) == 0);
    size_t differ = 0;
    for (size_t i = 0; i < a.n_params; i++)
        differ += nn_mat_get(&a.params, 0, i) != nn_mat_get(&c.params, 0, i);
    ck_assert_uint_gt(differ, a.n_params * 9 / 10);
    nn_mlp_fini(&a);
    nn_mlp_fini(&b);
    nn_mlp_fini(&c);
}
END_TEST

/* f32 weights are the f64 weights of the same seed, rounded. */
START_TEST(test_f32_is_rounded_f64)
{
    struct nn_rng r1, r2;
    nn_rng_seed(&r1, 9);
    nn_rng_seed(&r2, 9);
    struct nn_mat a, b;
    nn_mat_init(&a, NN_F32, 7, 5);
    nn_mat_init(&b, NN_F64, 7, 5);
    nn_init_weights(&a, NN_INIT_NORMAL, 0.1, &r1);
    nn_init_weights(&b, NN_INIT_NORMAL, 0.1, &r2);
    for (size_t i = 0; i < 35; i++)
        ck_assert(((float *)a.data)[i] == (float)((double *)b.data)[i]);
    nn_mat_fini(&a);
    nn_mat_fini(&b);
}
END_TEST

static Suite *init_suite(void)
{
    Suite *s = suite_create("init");
    TCase *tc = tcase_create("init");
    tcase_add_test(tc, test_spreads);
    tcase_add_loop_test(tc, test_same_seed_same_weights, 0, 2);
    tcase_add_test(tc, test_f32_is_rounded_f64);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(init_suite)
