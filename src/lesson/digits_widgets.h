/*
 * Lesson 6's widget kinds, for the widget table (widgets.c). Every figure
 * is computed on this machine: from its dataset, from networks trained
 * here, from timings measured when the step is drawn. The dataset and the
 * trained networks are kept in the front end's cache (widget_ctx.digits,
 * lesson/digits_cache.h), so a network is trained once per configuration
 * however many widgets and drawings show it. When MNIST is
 * not installed, the widgets that need it say so and name the command
 * that fetches it, instead of failing (the lesson still reads).
 *
 *   @mnist-data show=facts,classes,samples,batches batch=32,100,128 count=8
 *       the dataset's sizes, pixel range and ink, the images per class,
 *       the first `count` test images with their labels (1..16), and the
 *       iterations per epoch for each batch size in `batch`.
 *   @numgrad-cost hidden=50 batch=100 weights=6 seed=1
 *       numerical gradient (central difference) against backprop on a
 *       784-hidden-10 sigmoid network in f64 on MNIST's first `batch`
 *       training images (seeded random pixels without MNIST): `weights`
 *       gradients side by side, each method timed, and the numerical
 *       cost extrapolated to every parameter and to the study notes'
 *       10,000 training iterations.
 *   @mnist-inside preset=sigmoid-adam epochs=2 train-size=20000 seed=1
 *                 show=epochs,digits,confusion,weights units=1,2 count=8
 *                 view=answers
 *       trains a network of that preset (on the first train-size images),
 *       then shows its epochs (loss, train and test accuracy), the first
 *       `count` test digits with its answers, the confusion matrix of the
 *       test set and the first layer's weights into hidden `units` as
 *       28 x 28 maps. On screen, w opens the look inside (`view` picks
 *       its first page).
 *   @mnist-draw show=steps
 *       a 7 drawn small in a corner of the canvas, and what MNIST's
 *       preprocessing makes of it: bounding box, scale into 20 x 20,
 *       centre of mass moved to (14, 14). On screen, w opens the canvas
 *       to draw a digit of one's own.
 */
#ifndef LESSON_DIGITS_WIDGETS_H
#define LESSON_DIGITS_WIDGETS_H

#include "lesson/widget.h"

extern const struct widget_kind widget_mnist_data;
extern const struct widget_kind widget_numgrad_cost;
extern const struct widget_kind widget_mnist_inside;
extern const struct widget_kind widget_mnist_draw;

#endif
