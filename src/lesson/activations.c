/* Lesson 2's topic model (see activations.h): inputs chosen here, every
 * value computed by the core. */
#include "lesson/activations.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/mat.h"
#include "core/mlp.h"
#include "core/rng.h"

static const struct act_info infos[NN_ACT_COUNT] = {
    [NN_ACT_IDENTITY] = {"f(x) = x", "all real numbers", "f'(x) = 1"},
    [NN_ACT_STEP] = {"f(x) = 1 if x > 0, 0 if x <= 0", "{0, 1}",
                     "f'(x) = 0 (no slope at the jump)"},
    [NN_ACT_SIGMOID] = {"f(x) = 1 / (1 + e^-x)", "(0, 1)",
                        "f'(x) = f(x) * (1 - f(x)), at most 0.25"},
    [NN_ACT_TANH] = {"f(x) = (e^x - e^-x) / (e^x + e^-x)", "(-1, 1)",
                     "f'(x) = 1 - f(x)^2, at most 1"},
    [NN_ACT_RELU] = {"f(x) = max(0, x)", "[0, infinity)",
                     "f'(x) = 1 if x > 0, 0 if x <= 0"},
    [NN_ACT_LEAKY_RELU] = {"f(x) = x if x > 0, a*x if x <= 0",
                           "all real numbers (0 < a < 1)",
                           "f'(x) = 1 if x > 0, a if x <= 0"},
    [NN_ACT_SOFTMAX] = {"p_i = e^(x_i) / (e^(x_1) + ... + e^(x_n))",
                        "each p_i in (0, 1), sum 1",
                        "dp_i/dx_i = p_i * (1 - p_i)"},
};

static const struct act_info infos_ko[NN_ACT_COUNT] = {
    [NN_ACT_IDENTITY] = {"f(x) = x", "모든 실수", "f'(x) = 1"},
    [NN_ACT_STEP] = {"f(x) = 1 (x > 0), 0 (x <= 0)", "{0, 1}",
                     "f'(x) = 0 (뛰는 점에서는 기울기가 없다)"},
    [NN_ACT_SIGMOID] = {"f(x) = 1 / (1 + e^-x)", "(0, 1)",
                        "f'(x) = f(x) * (1 - f(x)), 최댓값 0.25"},
    [NN_ACT_TANH] = {"f(x) = (e^x - e^-x) / (e^x + e^-x)", "(-1, 1)",
                     "f'(x) = 1 - f(x)^2, 최댓값 1"},
    [NN_ACT_RELU] = {"f(x) = max(0, x)", "[0, 무한대)",
                     "f'(x) = 1 (x > 0), 0 (x <= 0)"},
    [NN_ACT_LEAKY_RELU] = {"f(x) = x (x > 0), a*x (x <= 0)",
                           "모든 실수 (0 < a < 1)",
                           "f'(x) = 1 (x > 0), a (x <= 0)"},
    [NN_ACT_SOFTMAX] = {"p_i = e^(x_i) / (e^(x_1) + ... + e^(x_n))",
                        "각 p_i는 (0, 1) 안, 합은 1",
                        "dp_i/dx_i = p_i * (1 - p_i)"},
};

const struct act_info *act_info_get(enum nn_act_kind kind, const char *lang)
{
    if ((unsigned)kind >= NN_ACT_COUNT)
        kind = NN_ACT_IDENTITY;
    return lang && strcmp(lang, "ko") == 0 ? &infos_ko[kind] : &infos[kind];
}

int act_saturation_edge(const struct nn_act *a, double *edge)
{
    if (a->kind != NN_ACT_SIGMOID && a->kind != NN_ACT_TANH)
        return 0;
    /* f' falls from its peak at 0 towards 0 on both sides, so between 0
     * and a point far out there is exactly one x with f'(x) = target. */
    double target = ACT_SATURATION_SHARE * nn_act_df(a, 0.0);
    double lo = 0.0, hi = 40.0;
    for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
        double mid = 0.5 * (lo + hi);
        if (nn_act_df(a, mid) > target)
            lo = mid;
        else
            hi = mid;
    }
    *edge = 0.5 * (lo + hi);
    return 1;
}

int act_softmax(const double *z, int n, double *p)
{
    if (n < 1 || n > ACT_SOFTMAX_MAX)
        return NN_EINVAL;
    /* Views of the caller's arrays as 1 x n matrices; the core reads z
     * and writes p. */
    struct nn_mat zm = nn_mat_wrap(NN_F64, 1, (size_t)n, (void *)z);
    struct nn_mat pm = nn_mat_wrap(NN_F64, 1, (size_t)n, p);
    struct nn_act sm = nn_act_make(NN_ACT_SOFTMAX);
    return nn_act_forward(&sm, &pm, &zm);
}

int act_softmax_line(double from, double to, int n, double *x, double *p,
                     double *dp)
{
    if (n < 1 || n > ACT_SOFTMAX_MAX || !isfinite(from) || !isfinite(to))
        return NN_EINVAL;
    for (int k = 0; k < n; k++)
        x[k] = from + k * (to - from) / n;
    int err = act_softmax(x, n, p);
    if (err || !dp)
        return err;
    /* The diagonal of the Jacobian through the core's backward pass: with
     * dy = e_i, dz = e_iᵀ (diag(p) - p pᵀ), whose entry i is p_i (1 - p_i).
     * One pass per logit keeps the memory at a few rows of n. */
    struct nn_mat z = {0}, y = {0}, dy = {0}, dz = {0};
    size_t N = (size_t)n;
    int rc = nn_mat_init(&z, NN_F64, 1, N);
    if (!rc)
        rc = nn_mat_init(&y, NN_F64, 1, N);
    if (!rc)
        rc = nn_mat_init(&dy, NN_F64, 1, N);
    if (!rc)
        rc = nn_mat_init(&dz, NN_F64, 1, N);
    struct nn_act sm = nn_act_make(NN_ACT_SOFTMAX);
    for (size_t j = 0; !rc && j < N; j++)
        nn_mat_set(&z, 0, j, x[j]);
    if (!rc)
        rc = nn_act_forward(&sm, &y, &z);
    for (size_t i = 0; !rc && i < N; i++) {
        nn_mat_set(&dy, 0, i, 1.0);
        rc = nn_act_backward(&sm, &dz, &z, &y, &dy);
        dp[i] = nn_mat_get(&dz, 0, i);
        nn_mat_set(&dy, 0, i, 0.0);
    }
    nn_mat_fini(&z);
    nn_mat_fini(&y);
    nn_mat_fini(&dy);
    nn_mat_fini(&dz);
    return rc;
}

void act_vanish_init(struct act_vanish *v)
{
    *v = (struct act_vanish){
        .layers = 10,
        .width = 16,
        .init = NN_INIT_XAVIER,
        .std = 0.1,
        .seed = 1,
    };
}

static double frobenius(const struct nn_mat *m)
{
    double s = 0;
    for (size_t r = 0; r < m->rows; r++)
        for (size_t c = 0; c < m->cols; c++) {
            double v = nn_mat_get(m, r, c);
            s += v * v;
        }
    return sqrt(s);
}

int act_vanish_run(struct act_vanish *v, const struct nn_act *a)
{
    if (v->layers < 1 || v->layers > ACT_VANISH_MAX_LAYERS || v->width < 1 ||
        v->width > ACT_VANISH_MAX_WIDTH || !nn_act_is_elementwise(a->kind))
        return NN_EINVAL;
    struct nn_layer_spec spec[ACT_VANISH_MAX_LAYERS];
    for (int l = 0; l < v->layers; l++)
        spec[l] = (struct nn_layer_spec){(size_t)v->width, *a, 0};
    struct nn_mlp m;
    struct nn_mat x = {0};
    int rc = nn_mlp_init(&m, NN_F64, (size_t)v->width, (size_t)v->layers, spec);
    if (rc)
        return rc;
    struct nn_rng rng;
    nn_rng_seed(&rng, v->seed);
    rc = nn_mlp_init_params(&m, v->init, v->std, &rng);
    if (!rc)
        rc = nn_mat_init(&x, NN_F64, 1, (size_t)v->width);
    if (!rc) {
        for (int j = 0; j < v->width; j++)
            nn_mat_set(&x, 0, (size_t)j, nn_rng_normal(&rng));
        rc = nn_mlp_forward(&m, &x);
    }
    if (!rc) {
        /* L = Σ_j y_j: every output's gradient is 1. */
        nn_mat_fill(nn_mlp_dy(&m), 1.0);
        nn_mlp_zero_grad(&m);
        rc = nn_mlp_backward(&m, 0);
    }
    for (int l = 0; !rc && l < v->layers; l++)
        v->grad[l] = frobenius(&m.layers[l].dW);
    nn_mat_fini(&x);
    nn_mlp_fini(&m);
    return rc;
}

/* N(0, 1) rounded to one decimal and kept within [-2, 2]. */
static double tenth(struct nn_rng *rng)
{
    double v = round(nn_rng_normal(rng) * 10) / 10;
    return fmax(-2.0, fmin(2.0, v));
}

/* c = a·b for f64 arrays a (m x k) and b (k x n), through the core. */
static int mul(double *c, const double *a, const double *b, size_t m, size_t k,
               size_t n)
{
    struct nn_mat A = nn_mat_wrap(NN_F64, m, k, (void *)a);
    struct nn_mat B = nn_mat_wrap(NN_F64, k, n, (void *)b);
    struct nn_mat C = nn_mat_wrap(NN_F64, m, n, c);
    return nn_mat_gemm(&C, &A, 0, &B, 0, 1.0, 0.0);
}

/* y = relu(y) in place, through the core. */
static int relu(double *y, size_t n)
{
    struct nn_mat Y = nn_mat_wrap(NN_F64, 1, n, y);
    struct nn_act r = nn_act_make(NN_ACT_RELU);
    return nn_act_forward(&r, &Y, &Y);
}

int act_collapse_run(struct act_collapse *c, uint64_t seed, const double *x)
{
    enum { I = ACT_COLLAPSE_IN, H = ACT_COLLAPSE_HID, O = ACT_COLLAPSE_OUT };
    struct nn_rng rng;
    nn_rng_seed(&rng, seed);
    for (int i = 0; i < I; i++)
        for (int j = 0; j < H; j++)
            c->W1[i][j] = tenth(&rng);
    for (int i = 0; i < H; i++)
        for (int j = 0; j < H; j++)
            c->W2[i][j] = tenth(&rng);
    for (int i = 0; i < H; i++)
        for (int j = 0; j < O; j++)
            c->W3[i][j] = tenth(&rng);
    for (int i = 0; i < I; i++)
        c->x[i] = x ? x[i] : tenth(&rng);
    double W12[I][H], r1[H], r2[H];
    /* Three layers, one after the other ... */
    int rc = mul(c->h1, c->x, &c->W1[0][0], 1, I, H);
    if (!rc)
        rc = mul(c->h2, c->h1, &c->W2[0][0], 1, H, H);
    if (!rc)
        rc = mul(c->y, c->h2, &c->W3[0][0], 1, H, O);
    /* ... equal one layer with K = (W1·W2)·W3 ... */
    if (!rc)
        rc = mul(&W12[0][0], &c->W1[0][0], &c->W2[0][0], I, H, H);
    if (!rc)
        rc = mul(&c->K[0][0], &W12[0][0], &c->W3[0][0], I, H, O);
    if (!rc)
        rc = mul(c->yk, c->x, &c->K[0][0], 1, I, O);
    /* ... unless something bends in between. */
    if (!rc)
        rc = mul(r1, c->x, &c->W1[0][0], 1, I, H);
    if (!rc)
        rc = relu(r1, H);
    if (!rc)
        rc = mul(r2, r1, &c->W2[0][0], 1, H, H);
    if (!rc)
        rc = relu(r2, H);
    if (!rc)
        rc = mul(c->y_relu, r2, &c->W3[0][0], 1, H, O);
    return rc;
}

void act_explorer_init(struct act_explorer *e)
{
    *e = (struct act_explorer){
        .act = {NN_ACT_SIGMOID, 0.1},
        .from = -6,
        .to = 6,
        .cursor = 0,
        .deriv = 1,
        .logits = {2.0, 1.0, 0.1},
        .n_logits = 3,
        .sel = 0,
    };
}

void act_explorer_next_fn(struct act_explorer *e, int dir)
{
    int k =
        ((int)e->act.kind + (dir < 0 ? NN_ACT_COUNT - 1 : 1)) % NN_ACT_COUNT;
    e->act.kind = (enum nn_act_kind)k; /* the slope stays as set */
}

void act_explorer_move(struct act_explorer *e, double dx)
{
    e->cursor = fmax(e->from, fmin(e->to, e->cursor + dx));
    /* Steps of a tenth land on round numbers, not 0.30000000000000004. */
    e->cursor = round(e->cursor * 1e9) / 1e9;
}

void act_explorer_slope(struct act_explorer *e, int dir)
{
    double s = round(e->act.slope * 100) + (dir < 0 ? -1 : 1);
    e->act.slope = fmax(0.0, fmin(100.0, s)) / 100;
}

void act_explorer_select(struct act_explorer *e, int dir)
{
    e->sel = (e->sel + (dir < 0 ? e->n_logits - 1 : 1)) % e->n_logits;
}

void act_explorer_logit_add(struct act_explorer *e, double dv)
{
    double v = e->logits[e->sel] + dv;
    v = round(fmax(-10.0, fmin(10.0, v)) * 1e9) / 1e9;
    e->logits[e->sel] = v;
}
