/* Activation functions: names, scalar forms, and dtype dispatch of the
 * matrix kernels in act_kernels.inc. */
#include "core/activation.h"

#include <math.h>
#include <string.h>

#include "core/error.h"

#define T float
#define SFX f32
#define EXP expf
#define TANH tanhf
#include "core/act_kernels.inc"
#undef T
#undef SFX
#undef EXP
#undef TANH
#define T double
#define SFX f64
#define EXP exp
#define TANH tanh
#include "core/act_kernels.inc"
#undef T
#undef SFX
#undef EXP
#undef TANH

static const char *const names[NN_ACT_COUNT] = {
    [NN_ACT_IDENTITY] = "identity", [NN_ACT_STEP] = "step",
    [NN_ACT_SIGMOID] = "sigmoid",   [NN_ACT_TANH] = "tanh",
    [NN_ACT_RELU] = "relu",         [NN_ACT_LEAKY_RELU] = "leaky_relu",
    [NN_ACT_SOFTMAX] = "softmax",
};

struct nn_act nn_act_make(enum nn_act_kind kind)
{
    struct nn_act a = {kind, NN_LEAKY_SLOPE};
    return a;
}

const char *nn_act_name(enum nn_act_kind kind)
{
    if ((unsigned)kind >= NN_ACT_COUNT)
        return "?";
    return names[kind];
}

int nn_act_parse(const char *name, struct nn_act *out)
{
    for (int k = 0; k < NN_ACT_COUNT; k++)
        if (strcmp(name, names[k]) == 0) {
            *out = nn_act_make((enum nn_act_kind)k);
            return NN_OK;
        }
    return NN_EINVAL;
}

int nn_act_is_elementwise(enum nn_act_kind kind)
{
    return kind != NN_ACT_SOFTMAX;
}

double nn_act_f(const struct nn_act *a, double x)
{
    double y = 0;
    if (a->kind == NN_ACT_SOFTMAX)
        return NAN;
    act_fwd_f64(a->kind, a->slope, &y, &x, 1);
    return y;
}

double nn_act_df(const struct nn_act *a, double x)
{
    double y = 0, dz = 0, one = 1.0;
    if (a->kind == NN_ACT_SOFTMAX)
        return NAN;
    act_fwd_f64(a->kind, a->slope, &y, &x, 1);
    act_bwd_f64(a->kind, a->slope, &dz, &x, &y, &one, 1);
    return dz;
}

static int check(const struct nn_mat *a, const struct nn_mat *b)
{
    if (a->dtype != b->dtype)
        return NN_EDTYPE;
    if (a->rows != b->rows || a->cols != b->cols)
        return NN_ESHAPE;
    return NN_OK;
}

int nn_act_forward(const struct nn_act *a, struct nn_mat *y,
                   const struct nn_mat *z)
{
    int err = check(y, z);
    if (err)
        return err;
    if ((unsigned)a->kind >= NN_ACT_COUNT)
        return NN_EINVAL;
    size_t n = nn_mat_size(z);
    if (a->kind == NN_ACT_SOFTMAX) {
        if (z->dtype == NN_F32)
            softmax_fwd_f32(y->data, z->data, z->rows, z->cols);
        else
            softmax_fwd_f64(y->data, z->data, z->rows, z->cols);
    } else if (z->dtype == NN_F32) {
        act_fwd_f32(a->kind, (float)a->slope, y->data, z->data, n);
    } else {
        act_fwd_f64(a->kind, a->slope, y->data, z->data, n);
    }
    return NN_OK;
}

int nn_act_backward(const struct nn_act *a, struct nn_mat *dz,
                    const struct nn_mat *z, const struct nn_mat *y,
                    const struct nn_mat *dy)
{
    int err = check(dz, z);
    if (!err)
        err = check(dz, y);
    if (!err)
        err = check(dz, dy);
    if (err)
        return err;
    if ((unsigned)a->kind >= NN_ACT_COUNT)
        return NN_EINVAL;
    size_t n = nn_mat_size(z);
    if (a->kind == NN_ACT_SOFTMAX) {
        if (z->dtype == NN_F32)
            softmax_bwd_f32(dz->data, y->data, dy->data, z->rows, z->cols);
        else
            softmax_bwd_f64(dz->data, y->data, dy->data, z->rows, z->cols);
    } else if (z->dtype == NN_F32) {
        act_bwd_f32(a->kind, (float)a->slope, dz->data, z->data, y->data,
                    dy->data, n);
    } else {
        act_bwd_f64(a->kind, a->slope, dz->data, z->data, y->data, dy->data, n);
    }
    return NN_OK;
}
