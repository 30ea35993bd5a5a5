/*
 * Optimizers: how parameters move given their gradients.
 *
 * One interface for all five. The optimizer owns its state (one or two
 * arrays the size of the parameters) and updates a flat parameter array
 * from the matching gradient array, e.g. an MLP's params and grads. With
 * g the gradient, p a parameter, lr the learning rate, t the step number
 * (1 on the first step), all operations element-wise:
 *
 *   sgd       p -= lr·g
 *   momentum  v = μ·v - lr·g;  p += v                   (v starts at 0)
 *   adagrad   h += g²;  p -= lr·g / (√h + ε)            (h starts at 0)
 *   rmsprop   h = ρ·h + (1 - ρ)·g²;  p -= lr·g / (√h + ε)
 *   adam      m = β1·m + (1 - β1)·g;  v = β2·v + (1 - β2)·g²
 *             p -= lr·m̂ / (√v̂ + ε),  m̂ = m / (1 - β1^t), v̂ = v / (1 - β2^t)
 *
 * Defaults (nn_optim_defaults) are Keras's: lr 0.01 for sgd, momentum and
 * adagrad, 0.001 for rmsprop and adam; μ = 0.9; ρ = 0.9; β1 = 0.9,
 * β2 = 0.999; ε = 1e-7 everywhere. The learning rate may be changed
 * between steps by assigning o->cfg.lr.
 */
#ifndef NN_OPTIM_H
#define NN_OPTIM_H

#include <stddef.h>

#include "core/mat.h"

enum nn_optim_kind {
    NN_OPT_SGD,
    NN_OPT_MOMENTUM,
    NN_OPT_ADAGRAD,
    NN_OPT_RMSPROP,
    NN_OPT_ADAM,
};

#define NN_OPT_COUNT 5

struct nn_optim_config {
    enum nn_optim_kind kind;
    double lr;    /* learning rate */
    double beta1; /* momentum μ; Adam's β1 */
    double beta2; /* RMSprop's ρ; Adam's β2 */
    double eps;   /* ε added to the root in the denominator */
};

struct nn_optim {
    struct nn_optim_config cfg;
    long t;           /* steps taken so far */
    size_t n;         /* number of parameters */
    struct nn_mat s1; /* (1, n): v (momentum), h (adagrad, rmsprop), m */
    struct nn_mat s2; /* (1, n): Adam's v; 0 x 0 for the others */
};

/* "sgd", "momentum", "adagrad", "rmsprop", "adam"; parse returns the kind
 * or -1. */
const char *nn_optim_name(enum nn_optim_kind kind);
int nn_optim_parse(const char *name);
struct nn_optim_config nn_optim_defaults(enum nn_optim_kind kind);

/* State for n parameters of dtype dt, zeroed. NN_EINVAL for an unknown
 * kind or a hyperparameter out of range (lr, eps < 0, β outside [0, 1)). */
int nn_optim_init(struct nn_optim *o, const struct nn_optim_config *cfg,
                  enum nn_dtype dt, size_t n);
void nn_optim_fini(struct nn_optim *o);
/* Forget the history (state to 0, t to 0). */
void nn_optim_reset(struct nn_optim *o);

/* One update of params from grads (both n elements of the optimizer's
 * dtype, any shape). NN_ESHAPE / NN_EDTYPE on mismatch. */
int nn_optim_step(struct nn_optim *o, struct nn_mat *params,
                  const struct nn_mat *grads);
/* The same with the elements shared out over a pool's threads (NULL: one
 * thread); each element is updated on its own, so the numbers do not
 * depend on the number of threads. */
struct nn_pool;
int nn_optim_step_pool(struct nn_pool *pool, struct nn_optim *o,
                       struct nn_mat *params, const struct nn_mat *grads);
/*
 * The same step in pieces, for a caller that must not stop for long:
 * nn_optim_begin() checks the shapes and counts the step (Adam's bias
 * correction depends on it), then nn_optim_update() calls over ranges
 * [first, first + n) that cover every element once. Together they equal
 * nn_optim_step_pool(). NN_EINVAL for a range outside the n elements or
 * an update before any begin.
 */
int nn_optim_begin(struct nn_optim *o, const struct nn_mat *params,
                   const struct nn_mat *grads);
int nn_optim_update(struct nn_pool *pool, struct nn_optim *o,
                    struct nn_mat *params, const struct nn_mat *grads,
                    size_t first, size_t n);

#endif
