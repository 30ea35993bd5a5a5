/*
 * Lesson 3 drawn into a cell grid: the shape of every X·W + B, the
 * parameter counts, the values of one sample's forward pass and the
 * mini-batch's softmax rows with their targets and losses.
 *
 * The widgets (forward_widgets.c) and `nnlab --batch forward` call the
 * same functions, so the TUI and the batch text show the same characters.
 * Every function draws at column x, row y of g (clipped at its edges) and
 * returns the number of rows used. The drawings are plain ASCII but for
 * their words, which are Korean when lang is "ko" (English otherwise), and
 * at most FORWARD_DRAW_WIDTH columns wide.
 */
#ifndef LESSON_FORWARD_DRAW_H
#define LESSON_FORWARD_DRAW_H

#include "lesson/forward.h"
#include "render/grid.h"

#define FORWARD_DRAW_WIDTH 78
/* Rows of a mini-batch table shown before "... more rows". */
#define FORWARD_DRAW_MAX_ROWS 8

/* "layer 1:  X(1x4) * W1(4x8) + B1(1x8) = Y1(1x8)   relu" for every
 * layer, with the shapes of pass 0 (one sample) or 1 (the mini-batch). */
int forward_draw_shapes(struct rgrid *g, int x, int y,
                        const struct forward_run *r, int pass,
                        const char *lang);

/* The parameters of each layer of a network of these sizes: n*j weights,
 * j biases, their sum, and the total. Returns the rows used, or a
 * negative enum nn_err from the core (nothing useful drawn). */
int forward_draw_params(struct rgrid *g, int x, int y, const size_t *sizes,
                        int n_layers, const char *lang);

/* The first sample's pass: X, every layer's output, the softmax sum, the
 * one-hot target, MSE and cross-entropy. */
int forward_draw_values(struct rgrid *g, int x, int y,
                        const struct forward_run *r, const char *lang);

/* The mini-batch: one row per sample with its softmax output, the row's
 * sum, the predicted and the target class and its loss; the means. */
int forward_draw_batch(struct rgrid *g, int x, int y,
                       const struct forward_run *r, const char *lang);

#endif
