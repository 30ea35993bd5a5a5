/* Optimizers: state, defaults and dtype dispatch of optim_kernels.inc. */
#include "core/optim.h"

#include <math.h>
#include <string.h>

#include "core/error.h"
#include "core/gemm_impl.h"
#include "core/gemm_pool.h"

/* Parameters below which one thread updates them all: waking the others
 * costs about as much as updating this many. */
#define OPTIM_POOL_MIN 65536

#define T float
#define SFX f32
#define SQRT sqrtf
#include "core/optim_kernels.inc"
#undef T
#undef SFX
#undef SQRT
#define T double
#define SFX f64
#define SQRT sqrt
#include "core/optim_kernels.inc"
#undef T
#undef SFX
#undef SQRT

static const char *const names[NN_OPT_COUNT] = {
    [NN_OPT_SGD] = "sgd",         [NN_OPT_MOMENTUM] = "momentum",
    [NN_OPT_ADAGRAD] = "adagrad", [NN_OPT_RMSPROP] = "rmsprop",
    [NN_OPT_ADAM] = "adam",
};

const char *nn_optim_name(enum nn_optim_kind kind)
{
    if ((unsigned)kind >= NN_OPT_COUNT)
        return "?";
    return names[kind];
}

int nn_optim_parse(const char *name)
{
    for (int k = 0; k < NN_OPT_COUNT; k++)
        if (strcmp(name, names[k]) == 0)
            return k;
    return -1;
}

struct nn_optim_config nn_optim_defaults(enum nn_optim_kind kind)
{
    struct nn_optim_config c = {kind, 0.01, 0.9, 0.9, 1e-7};
    switch (kind) {
    case NN_OPT_SGD:
    case NN_OPT_MOMENTUM:
    case NN_OPT_ADAGRAD:
        break;
    case NN_OPT_RMSPROP:
        c.lr = 0.001;
        break;
    case NN_OPT_ADAM:
        c.lr = 0.001;
        c.beta2 = 0.999;
        break;
    }
    return c;
}

static int valid(const struct nn_optim_config *c)
{
    if ((unsigned)c->kind >= NN_OPT_COUNT)
        return 0;
    if (!(c->lr >= 0) || !isfinite(c->lr) || !(c->eps >= 0) ||
        !isfinite(c->eps))
        return 0;
    return c->beta1 >= 0 && c->beta1 < 1 && c->beta2 >= 0 && c->beta2 < 1;
}

int nn_optim_init(struct nn_optim *o, const struct nn_optim_config *cfg,
                  enum nn_dtype dt, size_t n)
{
    memset(o, 0, sizeof *o);
    if (!valid(cfg))
        return NN_EINVAL;
    o->cfg = *cfg;
    o->n = n;
    size_t n1 = cfg->kind == NN_OPT_SGD ? 0 : n;
    size_t n2 = cfg->kind == NN_OPT_ADAM ? n : 0;
    int err = nn_mat_init(&o->s1, dt, n1 ? 1 : 0, n1);
    if (!err)
        err = nn_mat_init(&o->s2, dt, n2 ? 1 : 0, n2);
    if (err) {
        nn_optim_fini(o);
        return err;
    }
    /* Keep the dtype on the empty states too: step() checks against it. */
    o->s1.dtype = o->s2.dtype = dt;
    return NN_OK;
}

void nn_optim_fini(struct nn_optim *o)
{
    nn_mat_fini(&o->s1);
    nn_mat_fini(&o->s2);
    o->n = 0;
    o->t = 0;
}

void nn_optim_reset(struct nn_optim *o)
{
    nn_mat_fill(&o->s1, 0.0);
    nn_mat_fill(&o->s2, 0.0);
    o->t = 0;
}

/* One update of the elements [first, first + n): every element's update
 * depends on that element alone, so any split gives the same numbers. */
/* base + off, or NULL for a state the optimizer does not have */
static char *at(void *base, size_t off)
{
    return base ? (char *)base + off : NULL;
}

struct optim_job {
    const struct nn_optim_config *c;
    int f32;
    char *p, *s1, *s2;
    const char *g;
    size_t n, elem;
    double c1, c2;
    int parts;
};

static void optim_range(const struct optim_job *j, size_t first, size_t n)
{
    const struct nn_optim_config *c = j->c;
    size_t off = first * j->elem;
    void *p = at(j->p, off), *s1 = at(j->s1, off), *s2 = at(j->s2, off);
    const void *g = j->g + off; /* the gradient is always there */
    int f32 = j->f32;
    switch (c->kind) {
    case NN_OPT_SGD:
        if (f32)
            sgd_f32(p, g, n, (float)c->lr);
        else
            sgd_f64(p, g, n, c->lr);
        break;
    case NN_OPT_MOMENTUM:
        if (f32)
            momentum_f32(p, g, s1, n, (float)c->lr, (float)c->beta1);
        else
            momentum_f64(p, g, s1, n, c->lr, c->beta1);
        break;
    case NN_OPT_ADAGRAD:
        if (f32)
            adagrad_f32(p, g, s1, n, (float)c->lr, (float)c->eps);
        else
            adagrad_f64(p, g, s1, n, c->lr, c->eps);
        break;
    case NN_OPT_RMSPROP:
        if (f32)
            rmsprop_f32(p, g, s1, n, (float)c->lr, (float)c->beta2,
                        (float)c->eps);
        else
            rmsprop_f64(p, g, s1, n, c->lr, c->beta2, c->eps);
        break;
    case NN_OPT_ADAM:
        if (f32)
            adam_f32(p, g, s1, s2, n, (float)c->lr, (float)c->beta1,
                     (float)c->beta2, (float)c->eps, (float)j->c1,
                     (float)j->c2);
        else
            adam_f64(p, g, s1, s2, n, c->lr, c->beta1, c->beta2, c->eps, j->c1,
                     j->c2);
        break;
    }
}

/* Part `part` of `parts`: a run of whole 64-byte lines. */
static void optim_part(void *arg, int part)
{
    const struct optim_job *j = arg;
    size_t line = 64 / j->elem;
    size_t lines = (j->n + line - 1) / line;
    size_t a = lines * (size_t)part / (size_t)j->parts * line;
    size_t b = lines * (size_t)(part + 1) / (size_t)j->parts * line;
    if (b > j->n)
        b = j->n;
    if (a < b)
        optim_range(j, a, b - a);
}

static int check_step(const struct nn_optim *o, const struct nn_mat *params,
                      const struct nn_mat *grads)
{
    if (params->dtype != o->s1.dtype || grads->dtype != o->s1.dtype)
        return NN_EDTYPE;
    if (nn_mat_size(params) != o->n || nn_mat_size(grads) != o->n)
        return NN_ESHAPE;
    return valid(&o->cfg) ? NN_OK : NN_EINVAL;
}

int nn_optim_begin(struct nn_optim *o, const struct nn_mat *params,
                   const struct nn_mat *grads)
{
    int err = check_step(o, params, grads);
    if (!err)
        o->t++;
    return err;
}

int nn_optim_update(struct nn_pool *pool, struct nn_optim *o,
                    struct nn_mat *params, const struct nn_mat *grads,
                    size_t first, size_t n)
{
    int err = check_step(o, params, grads);
    if (err)
        return err;
    if (o->t < 1 || first > o->n || n > o->n - first)
        return NN_EINVAL;
    const struct nn_optim_config *c = &o->cfg;
    size_t elem = nn_dtype_size(params->dtype), off = first * elem;
    struct optim_job j = {
        .c = c,
        .f32 = params->dtype == NN_F32,
        .p = at(params->data, off),
        .s1 = at(o->s1.data, off),
        .s2 = at(o->s2.data, off),
        .g = (const char *)grads->data + off,
        .n = n,
        .elem = elem,
        .c1 = 1.0 / (1.0 - pow(c->beta1, (double)o->t)),
        .c2 = 1.0 / (1.0 - pow(c->beta2, (double)o->t)),
        .parts = nn_pool_threads(pool),
    };
    if (j.parts > 1 && j.n >= OPTIM_POOL_MIN)
        gemm_pool_run(pool, optim_part, &j);
    else
        optim_range(&j, 0, j.n);
    return NN_OK;
}

int nn_optim_step_pool(struct nn_pool *pool, struct nn_optim *o,
                       struct nn_mat *params, const struct nn_mat *grads)
{
    int err = nn_optim_begin(o, params, grads);
    return err ? err : nn_optim_update(pool, o, params, grads, 0, o->n);
}

int nn_optim_step(struct nn_optim *o, struct nn_mat *params,
                  const struct nn_mat *grads)
{
    return nn_optim_step_pool(NULL, o, params, grads);
}
