/*
 * A multi-layer perceptron: dense layers one after another, each with its
 * own activation, with or without bias.
 *
 * Memory (the llm.c layout): all parameters live in ONE contiguous buffer
 * `params`, layer by layer, W (in x out, row-major) then b (out) when the
 * layer has a bias; the gradients live in `grads` with exactly the same
 * layout. Each layer's W, b, dW, db are views into them. So an optimizer is
 * one flat loop over params and grads, saving a model is one write, and the
 * numerical gradient walks one array.
 *
 *   params = [ W_0 | b_0 | W_1 | b_1 | ... ]      n_params elements
 *
 * The caches (z, y, dy, dz of each layer, batch rows) live in one
 * activation buffer, grown when a larger batch arrives.
 *
 * A training step:
 *   nn_mlp_zero_grad(m);
 *   nn_mlp_forward(m, x);                        // x (N, n_in)
 *   nn_loss_half_sse(&E, nn_mlp_dy(m), nn_mlp_output(m), t);
 *   nn_mlp_backward(m, 0);                       // grads += ∂E/∂params
 *   nn_optim_step(&opt, &m->params, &m->grads);
 * With softmax + cross-entropy, write (ŷ - t)/N into nn_mlp_dz(m) with
 * nn_loss_softmax_ce_grad and call nn_mlp_backward(m, 1).
 *
 * Ownership: nn_mlp_init() allocates, nn_mlp_fini() frees everything;
 * views returned by the accessors die with the model and change when the
 * batch size changes.
 */
#ifndef NN_MLP_H
#define NN_MLP_H

#include <stddef.h>

#include "core/activation.h"
#include "core/dense.h"
#include "core/mat.h"

/* Limits checked before any allocation (NN_ETOOBIG beyond them). */
#define NN_MLP_MAX_LAYERS 64
#define NN_MLP_MAX_WIDTH ((size_t)1 << 20)
#define NN_MLP_MAX_PARAMS ((size_t)1 << 28)
/* batch x (sum of layer widths) x 4 cached matrices */
#define NN_MLP_MAX_CACHE ((size_t)1 << 28)

/* One layer of a model to build. */
struct nn_layer_spec {
    size_t out;        /* number of units */
    struct nn_act act; /* activation of its units */
    int bias;          /* 1: with a bias per unit */
};

struct nn_mlp {
    enum nn_dtype dtype;
    size_t n_in; /* inputs of the first layer */
    size_t n_layers;
    struct nn_dense *layers; /* owned, n_layers */
    size_t n_params;
    struct nn_mat params; /* (1, n_params) owned, layout above */
    struct nn_mat grads;  /* (1, n_params) owned, same layout */
    size_t batch;         /* rows of the caches; 0 before a forward */
    size_t capacity;      /* rows the activation buffer holds */
    void *acts;           /* owned activation buffer */
};

/*
 * Build a model with n_in inputs and the given layers, parameters and
 * gradients zero. Returns 0, NN_EINVAL (no layers, a zero width),
 * NN_ETOOBIG (beyond the limits above) or NN_ENOMEM; on error m is left
 * empty (nn_mlp_fini is still safe).
 */
int nn_mlp_init(struct nn_mlp *m, enum nn_dtype dt, size_t n_in,
                size_t n_layers, const struct nn_layer_spec *spec);
void nn_mlp_fini(struct nn_mlp *m);

/* Outputs of the last layer. */
size_t nn_mlp_n_out(const struct nn_mlp *m);

/*
 * Forward pass of x (N, n_in), N >= 1. x is kept as a view by the first
 * layer's cache: keep it alive and unchanged until the backward pass.
 * Grows the activation buffer for a larger N (NN_ETOOBIG, NN_ENOMEM).
 */
int nn_mlp_forward(struct nn_mlp *m, const struct nn_mat *x);

/* The last layer's output y, its ∂L/∂y and ∂L/∂z buffers (N, n_out). */
const struct nn_mat *nn_mlp_output(const struct nn_mlp *m);
struct nn_mat *nn_mlp_dy(struct nn_mlp *m);
struct nn_mat *nn_mlp_dz(struct nn_mlp *m);

/*
 * Backward pass from the last layer's dy (from_z == 0) or dz (from_z != 0)
 * filled by the caller after nn_mlp_forward. Gradients accumulate into
 * grads; every layer's dy and dz cache is filled on the way.
 * NN_EINVAL before any forward pass.
 */
int nn_mlp_backward(struct nn_mlp *m, int from_z);

/* grads = 0 */
void nn_mlp_zero_grad(struct nn_mlp *m);

/* Spread every layer's matrix products over pool's threads (borrowed: it
 * must outlive its use by m), or run them on the caller's thread alone
 * with NULL, the default. The results are the same either way. */
void nn_mlp_set_pool(struct nn_mlp *m, struct nn_pool *pool);

#endif
