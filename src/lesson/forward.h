/*
 * Lesson 3, the topic model: the forward pass written with matrices.
 *
 * A dense layer with n inputs and j units computes, for m samples at once,
 *     Y (m x j) = f( X (m x n) · W (n x j) + B (1 x j) )
 * where B is one row added to every row of X·W, and f (the activation)
 * works on each element (softmax on each row) and keeps the shape. The
 * output of a layer is the input of the next, so the layer widths alone
 * fix every shape: 4-8-8-3 gives W1 4x8, W2 8x8, W3 8x3.
 *
 * The model builds that network in the numeric core (an f64 MLP: hidden
 * layers with the chosen activation, a softmax output layer, a bias per
 * unit), draws its weights and a mini-batch of inputs and class labels
 * from one seeded RNG, and runs the core's forward pass twice: on the
 * first sample alone (m = 1) and on the whole mini-batch. Every shape
 * shown is read from the matrices the core really used (each layer's x,
 * W, b and y caches), every value from its outputs: the softmax rows and
 * their sums (nn_mat_sum_cols), the one-hot targets, and MSE and
 * cross-entropy from the core's loss functions. Nothing is recomputed
 * here.
 */
#ifndef LESSON_FORWARD_H
#define LESSON_FORWARD_H

#include <stddef.h>
#include <stdint.h>

#include "core/activation.h"
#include "core/mlp.h"

/* Limits of what the lesson builds (a classroom network, not MNIST
 * training): weight layers, width of a layer, mini-batch rows. */
#define FORWARD_MAX_LAYERS 8
#define FORWARD_MAX_WIDTH 4096
#define FORWARD_MAX_BATCH 1024

struct forward_config {
    /* sizes[0] inputs, sizes[1..n_layers] the widths of the layers; the
     * last layer is the softmax output (at least 2 units). */
    size_t sizes[FORWARD_MAX_LAYERS + 1];
    int n_layers;
    size_t batch;      /* m of the mini-batch, 1..FORWARD_MAX_BATCH */
    struct nn_act act; /* activation of the hidden layers (element-wise) */
    uint64_t seed;     /* weights, inputs and labels */
};

/* Seed 003's network: 4-8-8-3, ReLU hidden layers, softmax output; a
 * mini-batch of 4; seed 1. */
void forward_config_default(struct forward_config *c);

/* Set the sizes from a list such as "4,8,8,3": 2 to FORWARD_MAX_LAYERS + 1
 * whole numbers in 1..FORWARD_MAX_WIDTH, the last at least 2. Returns 0,
 * or -1 with *why set to a static phrase that follows the quoted list in
 * a message ("must be whole numbers ..."); c is then unchanged. */
int forward_config_set_layers(struct forward_config *c, const char *list,
                              const char **why);

/* The shape of one matrix as the core holds it. */
struct forward_shape {
    size_t rows, cols;
};

/* One layer, as read from the core's dense layer. [0]: the pass with one
 * sample, [1]: the pass with the mini-batch. */
struct forward_layer {
    size_t in, out;
    struct nn_act act;
    struct forward_shape x[2], w, b, y[2];
    size_t n_weights; /* elements of W */
    size_t n_biases;  /* elements of b */
};

struct forward_run {
    struct forward_config cfg;
    struct nn_mlp mlp; /* the network, f64 */
    struct forward_layer layers[FORWARD_MAX_LAYERS];
    struct nn_mat x; /* (batch, n_in) the inputs, uniform in [0, 1) */
    struct nn_mat t; /* (batch, n_out) one-hot targets */
    size_t *label;   /* batch class labels, owned */
    /* The pass with the first sample alone: every layer's output (1, j). */
    struct nn_mat y1[FORWARD_MAX_LAYERS];
    /* The pass with the mini-batch. */
    struct nn_mat out;     /* (batch, n_out) softmax rows */
    struct nn_mat row_sum; /* (batch, 1) each row's sum */
    size_t *predicted;     /* batch argmax of each row, owned */
    double *mse_row;       /* batch: MSE of each sample alone, owned */
    double *ce_row;        /* batch: cross-entropy of each sample, owned */
    double mse, ce;        /* the means over the mini-batch */
};

/*
 * Build, initialise (He for ReLU-like hidden layers, Xavier otherwise;
 * biases 0) and run the network for c. Draws from one RNG seeded with
 * c->seed, in this order: the weights, the inputs row by row, the labels.
 * Returns 0 or a negative enum nn_err (NN_EINVAL for a configuration out
 * of range, NN_ENOMEM); on error r is empty and forward_run_fini is safe.
 */
int forward_run_init(struct forward_run *r, const struct forward_config *c);
void forward_run_fini(struct forward_run *r);

/* Parameters per layer: each layer's W and b sizes as the core lays them
 * out for a network of these sizes (no weights drawn, nothing run), and
 * the total (the core's n_params). weights and biases have n_layers
 * entries. Returns 0 or a negative enum nn_err. */
int forward_count_params(const size_t *sizes, int n_layers, size_t *weights,
                         size_t *biases, size_t *total);

#endif
