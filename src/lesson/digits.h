/*
 * Digits: a drawn digit made to look like an MNIST digit, and what a
 * trained network does with the test digits (the "look inside").
 *
 * MNIST's digits were not simply scanned: each one was scaled, keeping
 * its aspect ratio, so that its bounding box fits a 20 x 20 box, then
 * put into a 28 x 28 field so that its centre of mass sits at the centre
 * of the field. A network trained on them expects exactly that, so a
 * digit drawn in a corner of the canvas, or small, is read badly until
 * it goes through the same steps:
 *
 *   1. bounding box: the rows and columns that hold any ink;
 *   2. scale by s = 20 / max(box width, box height): the box's longer
 *      side becomes 20 pixels. Each new pixel is the mean ink of the
 *      part of the box it covers (area sampling), so a stroke keeps its
 *      weight at any scale and its edges come out grey, as in MNIST;
 *   3. centre of mass (cx, cy) = Σ (x, y) · ink / Σ ink, in pixel
 *      indices; shift the scaled digit by whole pixels so that it lands
 *      at (14, 14), i.e. within half a pixel of it.
 *
 * The look inside: run a network over test images, keep every answer and
 * its probabilities, the mistakes, the confusion matrix (row = true
 * label, column = prediction), and the first layer's weights into one
 * hidden unit as a 28 x 28 map.
 *
 * Everything here is UI-free; images are row-major, 28 x 28.
 */
#ifndef LESSON_DIGITS_H
#define LESSON_DIGITS_H

#include <stddef.h>

#include "core/mlp.h"
#include "data/dataset.h"

#define DIGITS_SIDE DATASET_SIDE /* 28 */
#define DIGITS_PIXELS (DIGITS_SIDE * DIGITS_SIDE)
#define DIGITS_BOX 20    /* the longer side of the box after scaling */
#define DIGITS_CENTRE 14 /* where the centre of mass goes, x and y */
#define DIGITS_EMPTY 1   /* returned for a canvas without ink */

/* What preprocessing did, for showing it. */
struct digits_prep {
    int x0, y0, x1, y1;    /* bounding box on the canvas (inclusive) */
    double scale;          /* s = 20 / max(x1 - x0 + 1, y1 - y0 + 1) */
    int w, h;              /* size of the scaled digit, the longer one 20 */
    double cx, cy;         /* centre of mass of the scaled digit, in its box */
    int dx, dy;            /* where its top-left corner went in the field */
    double out_cx, out_cy; /* centre of mass of the result */
};

/*
 * Preprocess a canvas of ink values (0 = background, 1 = full ink; NaN
 * and values outside [0, 1] are clamped) into out, the MNIST-like image
 * (values in [0, 1]), and say what was done in *info (may be NULL).
 * Returns 0, or DIGITS_EMPTY when the canvas has no ink (out is then all
 * zeros).
 */
int digits_preprocess(const double *canvas, double *out,
                      struct digits_prep *info);

/* An image of values in [0, 1] as bytes 0..255 (rounded), the form the
 * dataset and the network's input conversion use. */
void digits_to_bytes(const double *img, unsigned char *bytes);

/* Centre of mass of an image of n_rows x n_cols ink values, in pixel
 * indices; returns 0, or DIGITS_EMPTY without ink. */
int digits_centre_of_mass(const double *img, int n_rows, int n_cols, double *cx,
                          double *cy);

/*
 * Preprocess the canvas and classify it with m (784 inputs, 10 softmax
 * outputs); x is a caller-owned (1, 784) matrix of m's dtype. *digit gets
 * the predicted digit, probs[10] the probabilities, out (may be NULL) the
 * preprocessed image, info (may be NULL) what preprocessing did. Returns
 * 0, DIGITS_EMPTY for a canvas without ink (digit and probs untouched),
 * or a negative enum nn_err.
 */
int digits_read(struct nn_mlp *m, struct nn_mat *x, const double *canvas,
                int *digit, double *probs, double *out,
                struct digits_prep *info);

/* confusion[t][p] = number of k < n with labels[k] == t, pred[k] == p
 * (labels and predictions 0..9; others are not counted). */
void digits_confusion(size_t confusion[DATASET_CLASSES][DATASET_CLASSES],
                      const unsigned char *labels, const unsigned char *pred,
                      size_t n);

/* A network's answers on the first n test images. Owned arrays; free
 * with digits_eval_fini(). */
struct digits_eval {
    size_t n;
    unsigned char *pred; /* n predictions */
    float *probs;        /* n x 10 probabilities */
    size_t *wrong;       /* indices of the mistakes, in order */
    size_t n_wrong;
    size_t confusion[DATASET_CLASSES][DATASET_CLASSES];
    size_t done;     /* images read so far; complete when done == n */
    struct nn_mat x; /* the input chunk while reading */
};

/* Images read per chunk: the unit of work of digits_eval_step. */
#define DIGITS_EVAL_CHUNK 1000

/*
 * Run m (784 inputs, 10 outputs) over images 0 .. n-1 of img (n is cut to
 * the set's size; 0 means all), in chunks of DIGITS_EVAL_CHUNK rows.
 * Returns 0, or NN_ESHAPE / NN_ENOMEM / another core error (e is then
 * empty).
 */
int digits_eval_run(struct digits_eval *e, struct nn_mlp *m,
                    const struct idx_images *img, const struct idx_labels *lab,
                    size_t n);
/* The same in steps, for a screen that must stay responsive on a big
 * network: begin checks the shapes and allocates (nothing read yet; 0 or
 * an error, e then empty); each step reads the next chunk and returns 1
 * while images remain, 0 once complete (the confusion matrix is then
 * filled), or an error (e then empty). m must not change in between. */
int digits_eval_begin(struct digits_eval *e, const struct nn_mlp *m,
                      const struct idx_images *img,
                      const struct idx_labels *lab, size_t n);
int digits_eval_step(struct digits_eval *e, struct nn_mlp *m,
                     const struct idx_images *img,
                     const struct idx_labels *lab);
void digits_eval_fini(struct digits_eval *e);

/*
 * The weights from the 784 pixels into hidden unit `unit` of the first
 * layer (column `unit` of W1, which is 784 x H), as a 28 x 28 map; *absmax
 * receives the largest |weight| of the map (draw it from -absmax, dark,
 * to +absmax, bright, so 0 is mid-grey). Returns 0, or NN_ESHAPE when m
 * does not take 784 inputs, NN_EINVAL when unit >= H.
 */
int digits_weight_map(const struct nn_mlp *m, size_t unit, double *map,
                      double *absmax);

#endif
