/*
 * The MLP and its dense layers: the 2-2-2 backprop walkthrough with every
 * figure from the textbook, gradient checks against central differences,
 * the fused softmax + cross-entropy path, batch handling and size limits.
 */
#include "check_helpers.h"
#include "core/error.h"
#include "core/init.h"
#include "core/loss.h"
#include "core/mlp.h"
#include "core/numgrad.h"
#include "core/optim.h"
#include "core/rng.h"

#include <stdint.h>

/* The walkthrough figures are printed to 8 decimals. */
#define TOL8 1e-8

/* The seed's network: 2 inputs, 2 sigmoid hidden units, 2 sigmoid outputs,
 * no bias. W1..W4 feed the hidden layer, W5..W8 the outputs, with
 * z1 = W1 x1 + W2 x2, z2 = W3 x1 + W4 x2 (and likewise z3, z4), so in the
 * (in, out) layout W1 = W[0][0], W2 = W[1][0], W3 = W[0][1], W4 = W[1][1]. */
static void walkthrough_net(struct nn_mlp *m)
{
    struct nn_layer_spec spec[2] = {
        {2, nn_act_make(NN_ACT_SIGMOID), 0},
        {2, nn_act_make(NN_ACT_SIGMOID), 0},
    };
    ck_assert_int_eq(nn_mlp_init(m, NN_F64, 2, 2, spec), NN_OK);
    ck_assert_uint_eq(m->n_params, 8);
    const double w[8] = {0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6};
    for (int l = 0; l < 2; l++) {
        struct nn_mat *W = &m->layers[l].W;
        nn_mat_set(W, 0, 0, w[4 * l + 0]);
        nn_mat_set(W, 1, 0, w[4 * l + 1]);
        nn_mat_set(W, 0, 1, w[4 * l + 2]);
        nn_mat_set(W, 1, 1, w[4 * l + 3]);
    }
}

static double at(const struct nn_mat *m, size_t r, size_t c)
{
    return nn_mat_get(m, r, c);
}

START_TEST(test_walkthrough)
{
    struct nn_mlp m;
    walkthrough_net(&m);
    double xv[2] = {0.1, 0.2}, tv[2] = {0.4, 0.6};
    struct nn_mat x = nn_mat_wrap(NN_F64, 1, 2, xv);
    struct nn_mat t = nn_mat_wrap(NN_F64, 1, 2, tv);
    const struct nn_dense *h = &m.layers[0], *o = &m.layers[1];

    /* Forward pass. */
    ck_assert_int_eq(nn_mlp_forward(&m, &x), NN_OK);
    ck_assert_near(at(&h->z, 0, 0), 0.08, TOL8);
    ck_assert_near(at(&h->z, 0, 1), 0.11, TOL8);
    ck_assert_near(at(&h->y, 0, 0), 0.51998934, TOL8);
    ck_assert_near(at(&h->y, 0, 1), 0.52747230, TOL8);
    ck_assert_near(at(&o->z, 0, 0), 0.44498412, TOL8);
    ck_assert_near(at(&o->z, 0, 1), 0.68047592, TOL8);
    ck_assert_near(at(&o->y, 0, 0), 0.60944600, TOL8);
    ck_assert_near(at(&o->y, 0, 1), 0.66384491, TOL8);
    ck_assert_ptr_eq(nn_mlp_output(&m), &o->y);

    /* Error, and the gradient that starts backprop: ∂E/∂o = o - t. */
    double e;
    nn_mlp_zero_grad(&m);
    ck_assert_int_eq(nn_loss_half_sse(&e, nn_mlp_dy(&m), &o->y, &t), NN_OK);
    ck_assert_near(e, 0.02397190, TOL8);
    ck_assert_near(at(&o->dy, 0, 0), 0.20944600, TOL8);
    ck_assert_int_eq(nn_mlp_backward(&m, 0), NN_OK);

    /* Stage 1: ∂o1/∂z3 = o1 (1 - o1), so dz3 = 0.20944600 × 0.23802157. */
    ck_assert_near(at(&o->dz, 0, 0) / at(&o->dy, 0, 0), 0.23802157, TOL8);
    ck_assert_near(at(&o->dW, 0, 0), 0.02592286, TOL8); /* ∂E/∂W5 */
    /* Stage 2: ∂E/∂h1 = 0.02243370 + 0.00997311, ∂h1/∂z1 = 0.24960043. */
    ck_assert_near(at(&o->dz, 0, 0) * at(&o->W, 0, 0), 0.02243370, TOL8);
    ck_assert_near(at(&o->dz, 0, 1) * at(&o->W, 0, 1), 0.00997311, TOL8);
    ck_assert_near(at(&h->dy, 0, 0), 0.03240681, TOL8);
    ck_assert_near(at(&h->dz, 0, 0) / at(&h->dy, 0, 0), 0.24960043, TOL8);
    ck_assert_near(at(&h->dW, 0, 0), 0.00080888, TOL8); /* ∂E/∂W1 */

    /* One step of gradient descent with learning rate 0.5. */
    struct nn_optim_config cfg = nn_optim_defaults(NN_OPT_SGD);
    cfg.lr = 0.5;
    struct nn_optim opt;
    ck_assert_int_eq(nn_optim_init(&opt, &cfg, NN_F64, m.n_params), NN_OK);
    ck_assert_int_eq(nn_optim_step(&opt, &m.params, &m.grads), NN_OK);
    ck_assert_near(at(&o->W, 0, 0), 0.43703857, TOL8); /* W5 */
    ck_assert_near(at(&o->W, 1, 0), 0.38685205, TOL8); /* W6 */
    ck_assert_near(at(&o->W, 0, 1), 0.69629578, TOL8); /* W7 */
    ck_assert_near(at(&o->W, 1, 1), 0.59624247, TOL8); /* W8 */
    ck_assert_near(at(&h->W, 0, 0), 0.29959556, TOL8); /* W1 */
    ck_assert_near(at(&h->W, 1, 0), 0.24919112, TOL8); /* W2 */
    ck_assert_near(at(&h->W, 0, 1), 0.39964496, TOL8); /* W3 */
    ck_assert_near(at(&h->W, 1, 1), 0.34928991, TOL8); /* W4 */

    /* The forward pass again: the error went down. */
    ck_assert_int_eq(nn_mlp_forward(&m, &x), NN_OK);
    ck_assert_near(at(&h->z, 0, 0), 0.07979778, TOL8);
    ck_assert_near(at(&h->z, 0, 1), 0.10982248, TOL8);
    ck_assert_near(at(&h->y, 0, 0), 0.51993887, TOL8);
    ck_assert_near(at(&h->y, 0, 1), 0.52742806, TOL8);
    ck_assert_near(at(&o->z, 0, 0), 0.43126996, TOL8);
    ck_assert_near(at(&o->z, 0, 1), 0.67650625, TOL8);
    ck_assert_near(at(&o->y, 0, 0), 0.60617688, TOL8);
    ck_assert_near(at(&o->y, 0, 1), 0.66295848, TOL8);
    ck_assert_int_eq(nn_loss_half_sse(&e, NULL, &o->y, &t), NN_OK);
    ck_assert_near(e, 0.02323634, TOL8);
    nn_optim_fini(&opt);
    nn_mlp_fini(&m);
}
END_TEST

/* Parameter layout: W (in x out) then b per layer, contiguous. */
START_TEST(test_layout)
{
    struct nn_layer_spec spec[2] = {
        {3, nn_act_make(NN_ACT_RELU), 1},
        {2, nn_act_make(NN_ACT_IDENTITY), 0},
    };
    struct nn_mlp m;
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, 4, 2, spec), NN_OK);
    ck_assert_uint_eq(m.n_params, 4 * 3 + 3 + 3 * 2);
    float *p = m.params.data;
    ck_assert_ptr_eq(m.layers[0].W.data, p);
    ck_assert_ptr_eq(m.layers[0].b.data, p + 12);
    ck_assert_ptr_eq(m.layers[1].W.data, p + 15);
    ck_assert_ptr_eq(m.layers[1].dW.data, (float *)m.grads.data + 15);
    ck_assert_uint_eq(m.layers[1].b.cols, 0);
    ck_assert_uint_eq(nn_mlp_n_out(&m), 2);
    nn_mlp_fini(&m);
}
END_TEST

/* Loss of an MLP on fixed data, for the numerical gradient. */
struct fixture {
    struct nn_mlp *m;
    struct nn_mat *x, *t;
    size_t *labels;
    int loss; /* 0 half_sse, 1 mse, 2 ce one-hot, 3 ce labels, 4 exact */
};

/* Cross-entropy without the δ inside the logarithm, written out here: the
 * loss whose exact gradient the fused softmax + cross-entropy path gives. */
static double exact_ce(const struct nn_mat *y, const struct nn_mat *t)
{
    double sum = 0;
    for (size_t i = 0; i < y->rows; i++)
        for (size_t j = 0; j < y->cols; j++)
            sum -= nn_mat_get(t, i, j) * log(nn_mat_get(y, i, j));
    return sum / (double)y->rows;
}

static int fixture_loss(void *ctx, double *value)
{
    struct fixture *f = ctx;
    int err = nn_mlp_forward(f->m, f->x);
    if (err)
        return err;
    const struct nn_mat *y = nn_mlp_output(f->m);
    switch (f->loss) {
    case 0:
        return nn_loss_half_sse(value, NULL, y, f->t);
    case 1:
        return nn_loss_mse(value, NULL, y, f->t);
    case 2:
        return nn_loss_ce(value, NULL, y, f->t);
    case 3:
        return nn_loss_ce_labels(value, NULL, y, f->labels);
    default:
        *value = exact_ce(y, f->t);
        return NN_OK;
    }
}

/* Backprop gradient of the fixture, accumulated from zero. */
static void fixture_backprop(struct fixture *f, int fused)
{
    double v;
    nn_mlp_zero_grad(f->m);
    ck_assert_int_eq(nn_mlp_forward(f->m, f->x), NN_OK);
    const struct nn_mat *y = nn_mlp_output(f->m);
    int err;
    if (fused == 1)
        err = nn_loss_softmax_ce_grad(nn_mlp_dz(f->m), y, f->t);
    else if (fused)
        err = nn_loss_softmax_ce_grad_labels(nn_mlp_dz(f->m), y, f->labels);
    else if (f->loss == 0)
        err = nn_loss_half_sse(&v, nn_mlp_dy(f->m), y, f->t);
    else if (f->loss == 1)
        err = nn_loss_mse(&v, nn_mlp_dy(f->m), y, f->t);
    else if (f->loss == 2)
        err = nn_loss_ce(&v, nn_mlp_dy(f->m), y, f->t);
    else
        err = nn_loss_ce_labels(&v, nn_mlp_dy(f->m), y, f->labels);
    ck_assert_int_eq(err, NN_OK);
    ck_assert_int_eq(nn_mlp_backward(f->m, fused != 0), NN_OK);
}

static double fixture_check(struct fixture *f, int fused)
{
    struct nn_mat num;
    fixture_backprop(f, fused);
    ck_assert_int_eq(nn_mat_init(&num, NN_F64, 1, f->m->n_params), NN_OK);
    ck_assert_int_eq(
        nn_numgrad(&num, &f->m->params, fixture_loss, f, NN_NUMGRAD_STEP),
        NN_OK);
    double rel;
    ck_assert_int_eq(nn_gradcheck(&rel, NULL, &f->m->grads, &num), NN_OK);
    /* The gradient must not be trivially zero for the check to mean
     * anything. */
    ck_assert(nn_mat_max_abs(&num) > 1e-3);
    nn_mat_fini(&num);
    return rel;
}

/* A 3-layer f64 MLP with biases, a batch of 4, random weights. */
static void make_net(struct nn_mlp *m, enum nn_act_kind hidden,
                     enum nn_act_kind out, int bias)
{
    struct nn_layer_spec spec[3] = {
        {5, nn_act_make(hidden), bias},
        {4, nn_act_make(hidden), bias},
        {3, nn_act_make(out), bias},
    };
    ck_assert_int_eq(nn_mlp_init(m, NN_F64, 3, 3, spec), NN_OK);
    struct nn_rng rng;
    nn_rng_seed(&rng, 7);
    ck_assert_int_eq(nn_mlp_init_params(m, NN_INIT_NORMAL, 0.5, &rng), NN_OK);
    /* Non-zero biases, so their gradients are exercised away from 0. */
    for (size_t l = 0; bias && l < 3; l++)
        for (size_t j = 0; j < m->layers[l].out; j++)
            nn_mat_set(&m->layers[l].b, 0, j, 0.1 * (double)j - 0.15);
}

static const double xdata[12] = {0.5,  -1.2, 0.3, 1.0,  0.2,  -0.7,
                                 -0.4, 0.9,  1.5, 0.05, -0.3, 0.8};
static const double tdata[12] = {0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0};
static size_t labels[4] = {1, 0, 2, 1};

/* Every hidden activation that has a gradient, through a 3-layer MLP with
 * each loss. */
static const enum nn_act_kind hidden_kinds[] = {
    NN_ACT_SIGMOID,    NN_ACT_TANH,     NN_ACT_RELU,
    NN_ACT_LEAKY_RELU, NN_ACT_IDENTITY,
};

START_TEST(test_gradcheck_mlp)
{
    enum nn_act_kind hk = hidden_kinds[_i];
    struct nn_mat x = nn_mat_wrap(NN_F64, 4, 3, (void *)xdata);
    struct nn_mat t = nn_mat_wrap(NN_F64, 4, 3, (void *)tdata);
    for (int loss = 0; loss < 4; loss++) {
        struct nn_mlp m;
        /* Cross-entropy needs probabilities: a softmax output layer. */
        enum nn_act_kind ok = loss >= 2 ? NN_ACT_SOFTMAX : NN_ACT_SIGMOID;
        make_net(&m, hk, ok, 1);
        struct fixture f = {&m, &x, &t, labels, loss};
        double rel = fixture_check(&f, 0);
        ck_assert_msg(rel < 1e-6, "%s, loss %d: relative error %g",
                      nn_act_name(hk), loss, rel);
        if (loss >= 2) {
            /* Fused (ŷ - t)/N, one-hot (1) or labels (2), against the
             * exact cross-entropy; labels match the one-hot rows of t. */
            f.loss = 4;
            rel = fixture_check(&f, loss - 1);
            ck_assert_msg(rel < 1e-6, "%s, fused loss %d: relative error %g",
                          nn_act_name(hk), loss, rel);
        }
        nn_mlp_fini(&m);
    }
}
END_TEST

/* Identity and tanh outputs with MSE, and a network without bias. */
START_TEST(test_gradcheck_outputs)
{
    static const enum nn_act_kind outs[] = {NN_ACT_IDENTITY, NN_ACT_TANH,
                                            NN_ACT_RELU, NN_ACT_LEAKY_RELU};
    struct nn_mat x = nn_mat_wrap(NN_F64, 4, 3, (void *)xdata);
    struct nn_mat t = nn_mat_wrap(NN_F64, 4, 3, (void *)tdata);
    for (size_t k = 0; k < sizeof outs / sizeof outs[0]; k++) {
        struct nn_mlp m;
        make_net(&m, NN_ACT_TANH, outs[k], k % 2);
        struct fixture f = {&m, &x, &t, labels, 1};
        double rel = fixture_check(&f, 0);
        ck_assert_msg(rel < 1e-6, "%s output: relative error %g",
                      nn_act_name(outs[k]), rel);
        nn_mlp_fini(&m);
    }
}
END_TEST

/* Two backward passes add up; zero_grad clears. */
START_TEST(test_grads_accumulate)
{
    struct nn_mlp m;
    make_net(&m, NN_ACT_SIGMOID, NN_ACT_SIGMOID, 1);
    struct nn_mat x = nn_mat_wrap(NN_F64, 4, 3, (void *)xdata);
    struct nn_mat t = nn_mat_wrap(NN_F64, 4, 3, (void *)tdata);
    struct fixture f = {&m, &x, &t, labels, 0};
    fixture_backprop(&f, 0);
    struct nn_mat once;
    nn_mat_init(&once, NN_F64, 1, m.n_params);
    nn_mat_copy(&once, &m.grads);
    ck_assert_int_eq(nn_mlp_backward(&m, 0), NN_OK);
    for (size_t i = 0; i < m.n_params; i++)
        ck_assert_near(nn_mat_get(&m.grads, 0, i), 2 * nn_mat_get(&once, 0, i),
                       1e-15);
    nn_mlp_zero_grad(&m);
    ck_assert(nn_mat_max_abs(&m.grads) == 0.0);
    nn_mat_fini(&once);
    nn_mlp_fini(&m);
}
END_TEST

/* The gradient of a batch is the sum of the per-sample gradients (half
 * SSE sums over the batch), and a smaller batch after a larger one reuses
 * the buffer correctly. */
START_TEST(test_batch_is_sum_of_samples)
{
    struct nn_mlp m;
    make_net(&m, NN_ACT_TANH, NN_ACT_SIGMOID, 1);
    struct nn_mat x = nn_mat_wrap(NN_F64, 4, 3, (void *)xdata);
    struct nn_mat t = nn_mat_wrap(NN_F64, 4, 3, (void *)tdata);
    struct fixture f = {&m, &x, &t, labels, 0};
    fixture_backprop(&f, 0);
    struct nn_mat whole, sum;
    nn_mat_init(&whole, NN_F64, 1, m.n_params);
    nn_mat_init(&sum, NN_F64, 1, m.n_params);
    nn_mat_copy(&whole, &m.grads);
    for (size_t i = 0; i < 4; i++) {
        struct nn_mat xi = nn_mat_rows_view(&x, i, 1);
        struct nn_mat ti = nn_mat_rows_view(&t, i, 1);
        struct fixture fi = {&m, &xi, &ti, labels, 0};
        fixture_backprop(&fi, 0);
        ck_assert_uint_eq(m.batch, 1);
        ck_assert_uint_eq(m.capacity, 4);
        nn_mat_axpy(&sum, 1.0, &m.grads);
    }
    for (size_t i = 0; i < m.n_params; i++)
        ck_assert_near(nn_mat_get(&sum, 0, i), nn_mat_get(&whole, 0, i), 1e-14);
    nn_mat_fini(&whole);
    nn_mat_fini(&sum);
    nn_mlp_fini(&m);
}
END_TEST

/* f32 model: same maths, single precision (loose tolerance). */
START_TEST(test_f32_walkthrough_forward)
{
    struct nn_layer_spec spec[2] = {
        {2, nn_act_make(NN_ACT_SIGMOID), 0},
        {2, nn_act_make(NN_ACT_SIGMOID), 0},
    };
    struct nn_mlp m;
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, 2, 2, spec), NN_OK);
    const float w[8] = {0.3f, 0.4f, 0.25f, 0.35f, 0.45f, 0.7f, 0.4f, 0.6f};
    for (int i = 0; i < 8; i++)
        ((float *)m.params.data)[i] = w[i]; /* row-major W per layer */
    float xv[2] = {0.1f, 0.2f};
    struct nn_mat x = nn_mat_wrap(NN_F32, 1, 2, xv);
    struct nn_mat x64 = nn_mat_wrap(NN_F64, 1, 2, (double[]){0.1, 0.2});
    ck_assert_int_eq(nn_mlp_forward(&m, &x64), NN_EDTYPE);
    ck_assert_int_eq(nn_mlp_forward(&m, &x), NN_OK);
    ck_assert_near(nn_mat_get(nn_mlp_output(&m), 0, 0), 0.60944600, 1e-6);
    ck_assert_near(nn_mat_get(nn_mlp_output(&m), 0, 1), 0.66384491, 1e-6);
    nn_mlp_fini(&m);
}
END_TEST

/* The f32 path (MNIST's default) gives the f64 gradients to float
 * precision, through every kernel: sigmoid, tanh, softmax, both losses. */
START_TEST(test_f32_matches_f64)
{
    struct nn_mlp m64, m32;
    make_net(&m64, NN_ACT_TANH, NN_ACT_SOFTMAX, 1);
    struct nn_layer_spec spec[3] = {
        {5, nn_act_make(NN_ACT_TANH), 1},
        {4, nn_act_make(NN_ACT_TANH), 1},
        {3, nn_act_make(NN_ACT_SOFTMAX), 1},
    };
    ck_assert_int_eq(nn_mlp_init(&m32, NN_F32, 3, 3, spec), NN_OK);
    ck_assert_int_eq(nn_mat_convert(&m32.params, &m64.params), NN_OK);
    /* round the f64 model to the f32 weights, so both start equal */
    ck_assert_int_eq(nn_mat_convert(&m64.params, &m32.params), NN_OK);
    struct nn_mat x64 = nn_mat_wrap(NN_F64, 4, 3, (void *)xdata);
    struct nn_mat t64 = nn_mat_wrap(NN_F64, 4, 3, (void *)tdata);
    struct nn_mat x32, t32;
    nn_mat_init(&x32, NN_F32, 4, 3);
    nn_mat_init(&t32, NN_F32, 4, 3);
    nn_mat_convert(&x32, &x64);
    nn_mat_convert(&t32, &t64);
    for (int loss = 2; loss <= 3; loss++) {
        struct fixture f64 = {&m64, &x64, &t64, labels, loss};
        struct fixture f32 = {&m32, &x32, &t32, labels, loss};
        fixture_backprop(&f64, 0);
        fixture_backprop(&f32, 0);
        double scale = nn_mat_max_abs(&m64.grads);
        ck_assert(scale > 1e-2);
        for (size_t i = 0; i < m64.n_params; i++)
            ck_assert_near(nn_mat_get(&m32.grads, 0, i),
                           nn_mat_get(&m64.grads, 0, i), 1e-5 * scale);
        double l64, l32;
        ck_assert_int_eq(fixture_loss(&f64, &l64), NN_OK);
        ck_assert_int_eq(fixture_loss(&f32, &l32), NN_OK);
        ck_assert_rel(l32, l64, 1e-5);
    }
    nn_mat_fini(&x32);
    nn_mat_fini(&t32);
    nn_mlp_fini(&m64);
    nn_mlp_fini(&m32);
}
END_TEST

START_TEST(test_errors_and_limits)
{
    struct nn_mlp m;
    struct nn_layer_spec big[2] = {
        {NN_MLP_MAX_WIDTH, nn_act_make(NN_ACT_RELU), 1},
        {NN_MLP_MAX_WIDTH, nn_act_make(NN_ACT_RELU), 1},
    };
    /* 2^20 x 2^20 weights: refused before allocating a byte. */
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, 10, 2, big), NN_ETOOBIG);
    ck_assert_ptr_null(m.layers);
    big[0].out = SIZE_MAX;
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, 10, 1, big), NN_ETOOBIG);
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, SIZE_MAX, 1, big), NN_ETOOBIG);
    big[0].out = 0;
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, 10, 1, big), NN_EINVAL);
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, 10, 0, big), NN_EINVAL);
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, 10, 1000, big), NN_ETOOBIG);
    nn_mlp_fini(&m); /* safe on an empty model */

    struct nn_layer_spec small[1] = {{3, nn_act_make(NN_ACT_RELU), 1}};
    ck_assert_int_eq(nn_mlp_init(&m, NN_F64, 2, 1, small), NN_OK);
    ck_assert_int_eq(nn_mlp_backward(&m, 0), NN_EINVAL); /* no forward */
    double xv[3] = {0};
    struct nn_mat x = nn_mat_wrap(NN_F64, 1, 3, xv);
    ck_assert_int_eq(nn_mlp_forward(&m, &x), NN_ESHAPE);
    /* A batch whose cache would exceed the limit. */
    struct nn_mat huge = nn_mat_wrap(NN_F64, SIZE_MAX / 4, 2, xv);
    ck_assert_int_eq(nn_mlp_forward(&m, &huge), NN_ETOOBIG);
    nn_mlp_fini(&m);
}
END_TEST

static Suite *mlp_suite(void)
{
    Suite *s = suite_create("mlp");
    TCase *tc = tcase_create("mlp");
    tcase_add_test(tc, test_walkthrough);
    tcase_add_test(tc, test_layout);
    tcase_add_loop_test(tc, test_gradcheck_mlp, 0,
                        sizeof hidden_kinds / sizeof hidden_kinds[0]);
    tcase_add_test(tc, test_gradcheck_outputs);
    tcase_add_test(tc, test_grads_accumulate);
    tcase_add_test(tc, test_batch_is_sum_of_samples);
    tcase_add_test(tc, test_f32_walkthrough_forward);
    tcase_add_test(tc, test_f32_matches_f64);
    tcase_add_test(tc, test_errors_and_limits);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(mlp_suite)
