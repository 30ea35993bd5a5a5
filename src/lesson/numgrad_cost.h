/*
 * Numerical gradient against backprop on the MNIST-sized network: the
 * same numbers, and what each costs (lesson 6).
 *
 * The network is 784-H-10 (sigmoid hidden layer, softmax output, the
 * study notes' 784-50-10 by default) in f64, weights drawn like the
 * from-scratch notes (0.01 · N(0, 1), seeded), scored by the
 * cross-entropy of a mini-batch: MNIST's first training images when a
 * dataset is given, else seeded random pixels (the cost is the same).
 *
 * Backprop: one forward pass, the fused gradient (ŷ - t) / N at the
 * logits, one backward pass: all the gradients at once. Numerical: the
 * core's central difference (h = 1e-4) on a handful of chosen weights,
 * two forward passes each. Both are timed (CLOCK_MONOTONIC), and the
 * numerical cost is extrapolated to every parameter: what one
 * mini-batch update would take by numerical gradients, which is how the
 * notes' TwoLayerNet trained, and why nobody trains that way.
 */
#ifndef LESSON_NUMGRAD_COST_H
#define LESSON_NUMGRAD_COST_H

#include <stddef.h>
#include <stdint.h>

#include "core/mlp.h"
#include "data/dataset.h"

#define NUMGRAD_COST_MAX_WEIGHTS 12
#define NUMGRAD_COST_MAX_HIDDEN 1024
#define NUMGRAD_COST_MAX_BATCH 1000

struct numgrad_cost_config {
    size_t hidden;    /* hidden units, 1 .. NUMGRAD_COST_MAX_HIDDEN */
    size_t batch;     /* mini-batch rows, 1 .. NUMGRAD_COST_MAX_BATCH */
    size_t n_weights; /* weights compared, 1 .. NUMGRAD_COST_MAX_WEIGHTS */
    uint64_t seed;
};

/* 784-50-10, batch 100, 6 weights, seed 1. */
void numgrad_cost_config_default(struct numgrad_cost_config *c);

struct numgrad_cost {
    struct numgrad_cost_config cfg;
    int real_data;     /* 1: MNIST images; 0: random pixels */
    struct nn_mlp mlp; /* f64 */
    struct nn_mat x;   /* (batch, 784) inputs */
    size_t *labels;    /* batch labels */
    double loss;       /* cross-entropy at the weights */
    size_t index[NUMGRAD_COST_MAX_WEIGHTS];    /* parameter positions */
    double backprop[NUMGRAD_COST_MAX_WEIGHTS]; /* their ∂L/∂p by backprop */
    double numeric[NUMGRAD_COST_MAX_WEIGHTS];  /* ... by central difference */
    long passes;          /* forward passes the numerical gradients took */
    double max_rel;       /* largest relative difference (core's gradcheck) */
    double t_backprop;    /* seconds: one forward + backward, all gradients */
    int backprop_runs;    /* runs t_backprop is the mean of */
    double t_numeric;     /* seconds: the numerical gradients of n_weights */
    double t_numeric_all; /* extrapolated to every parameter */
};

/*
 * Build the network and batch, compute both gradients, time them. ds may
 * be NULL (random pixels). Returns 0, or NN_EINVAL for a configuration
 * out of range, NN_ENOMEM; on error c is empty (fini is safe).
 */
int numgrad_cost_run(struct numgrad_cost *c,
                     const struct numgrad_cost_config *cfg,
                     const struct dataset *ds);
void numgrad_cost_fini(struct numgrad_cost *c);

/* The name of weight k (0 .. n_weights-1): "W1[407,1]" is the weight from
 * input 407 (1-based) into hidden unit 1; "b2[6]" output 6's bias. */
void numgrad_cost_name(const struct numgrad_cost *c, size_t k, char *buf,
                       size_t n);

#endif
