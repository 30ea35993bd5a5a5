/*
 * Lesson 1's last step: XOR learned by a small multi-layer network, trained
 * by backpropagation through the numeric core (the same MLP, loss and
 * optimizer code that trains MNIST).
 *
 *   x1, x2  ->  2 sigmoid hidden units  ->  1 sigmoid output y
 *   (each unit with a bias; 9 parameters in all)
 *
 * The loss over the four rows of the truth table is
 *     E = ½ Σ_r (t_r - y_r)²
 * and one training step runs all four rows forward, backpropagates E and
 * moves every parameter by -lr · ∂E/∂p (plain gradient descent on the full
 * batch). The weights start as Xavier-normal draws from the seeded RNG,
 * the biases at 0, so a seed fixes the whole run bit for bit.
 *
 * Unlike a single perceptron, the hidden layer can bend the decision region:
 * the trained network reads each output above 0.5 as 1. Not every start
 * gets there: from some seeds gradient descent settles in a local minimum
 * where one row stays wrong, which is why the lesson names its seed.
 */
#ifndef LESSON_GATES_MLP_H
#define LESSON_GATES_MLP_H

#include <stdint.h>

#include "core/mlp.h"
#include "core/optim.h"

struct gates_mlp {
    struct nn_mlp net;   /* 2-2-1, sigmoid units with biases, f64 */
    struct nn_optim opt; /* plain SGD with the learning rate */
    double x_data[8];    /* the four inputs, rows in table order */
    double t_data[4];    /* XOR of each row */
    struct nn_mat x, t;  /* views of x_data (4, 2) and t_data (4, 1) */
    long steps;          /* training steps taken */
};

/* Build the network with weights drawn from `seed` and SGD at rate lr.
 * Returns 0 or a negative enum nn_err; gates_mlp_fini is safe either way.
 * The struct holds views of its own arrays: do not copy it. */
int gates_mlp_init(struct gates_mlp *m, uint64_t seed, double lr);
void gates_mlp_fini(struct gates_mlp *m);

/* Take n training steps. Returns 0 or a negative enum nn_err. */
int gates_mlp_train(struct gates_mlp *m, long n);

/* The loss E and the outputs y[r] of the four rows with the current
 * weights. Returns 0 or a negative enum nn_err. */
int gates_mlp_eval(struct gates_mlp *m, double *loss, double y[4]);

/* The output at any point (x1, x2) of the plane, for drawing the learned
 * region. Returns 0 or a negative enum nn_err. */
int gates_mlp_output(struct gates_mlp *m, double x1, double x2, double *y);

/* Training steps at which the lesson shows the loss, after step k:
 * 1, 2, 5, 10, 20, 50, 100, ... */
long gates_mlp_next_checkpoint(long k);

#endif
