/*
 * Weight initialisation: random starting weights drawn from a seeded RNG.
 *
 * Weights start random so that the units of a layer differ (equal weights
 * would get equal gradients and stay equal forever); biases start at 0.
 * Every kind draws W from a normal distribution N(0, std²):
 *   normal   std as given (the seeds use 0.01 and 0.1)
 *   xavier   std = sqrt(2 / (in + out))   Glorot & Bengio, 2010; suits
 *            sigmoid and tanh
 *   he       std = sqrt(2 / in)           He et al., 2015; suits ReLU
 * Numbers are drawn in row-major order of each W, layer after layer, so a
 * seed fixes every weight, bit for bit, in f64 and (rounded) in f32.
 */
#ifndef NN_INIT_H
#define NN_INIT_H

#include "core/mat.h"
#include "core/mlp.h"
#include "core/rng.h"

enum nn_init_kind {
    NN_INIT_NORMAL,
    NN_INIT_XAVIER,
    NN_INIT_HE,
};

/* "normal", "xavier", "he"; parse returns the kind or -1. */
const char *nn_init_name(enum nn_init_kind kind);
int nn_init_parse(const char *name);

/* The standard deviation a kind uses for a layer (std is the caller's value,
 * used by NN_INIT_NORMAL only). */
double nn_init_std(enum nn_init_kind kind, double std, size_t in, size_t out);

/* W (in, out) = std' · N(0, 1) draws, std' = nn_init_std(kind, std, in,
 * out). NN_EINVAL for std' not finite or negative. */
int nn_init_weights(struct nn_mat *W, enum nn_init_kind kind, double std,
                    struct nn_rng *rng);

/* Every layer's W as above and every b = 0. */
int nn_mlp_init_params(struct nn_mlp *m, enum nn_init_kind kind, double std,
                       struct nn_rng *rng);

#endif
