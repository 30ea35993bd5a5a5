/*
 * The numerical gradient against backpropagation on a real network: the
 * same numbers, at very different cost (lesson 5).
 *
 * The network and its mini-batch are lesson 3's (forward.h: seeded
 * weights, inputs and one-hot targets), scored by the core's MSE. The
 * backprop gradient is the core's: one forward pass, nn_loss_mse's
 * ∂L/∂y, one nn_mlp_backward. The numerical gradient is the core's
 * nn_numgrad over the whole parameter buffer, two forward passes per
 * parameter; the callback counts them. nn_gradcheck gives the largest
 * relative difference. Nothing is computed here but the count.
 */
#ifndef LESSON_GRADCHECK_H
#define LESSON_GRADCHECK_H

#include <stddef.h>

#include "core/mat.h"
#include "lesson/forward.h"

/* Networks with more parameters are refused (NN_ETOOBIG): the numerical
 * gradient's 2·n forward passes would take too long for a lesson step. */
#define GRADCHECK_MAX_PARAMS 5000

struct gradcheck {
    struct forward_run run; /* the network, its inputs and targets */
    double loss;            /* MSE at the current weights */
    struct nn_mat backprop; /* (1, n_params) ∂L/∂params by backprop */
    struct nn_mat numeric;  /* (1, n_params) the same by central difference */
    long passes;            /* forward passes the numerical gradient took */
    double max_rel;         /* nn_gradcheck's largest relative difference */
    size_t worst;           /* ... and the parameter where it is */
};

/* Build and run both gradients for the network of c. Returns 0 or a
 * negative enum nn_err; on error g is empty and gradcheck_fini is safe. */
int gradcheck_run(struct gradcheck *g, const struct forward_config *c);
void gradcheck_fini(struct gradcheck *g);

/* The name of parameter i of the MLP's buffer, 1-based: "W2[3,1]" is row
 * 3, column 1 of layer 2's W (input 3 to unit 1); "b1[4]" unit 4's bias. */
void gradcheck_param_name(const struct gradcheck *g, size_t i, char *buf,
                          size_t n);

#endif
