/* A drawn digit prepared like MNIST, and a network's answers on the test
 * digits (see digits.h). */
#include "lesson/digits.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/train.h"

#define N DIGITS_SIDE

static double clamp01(double v)
{
    return v > 0 ? (v < 1 ? v : 1) : 0; /* NaN fails v > 0: 0 */
}

int digits_centre_of_mass(const double *img, int n_rows, int n_cols, double *cx,
                          double *cy)
{
    double sum = 0, sx = 0, sy = 0;
    for (int y = 0; y < n_rows; y++)
        for (int x = 0; x < n_cols; x++) {
            double v = img[y * n_cols + x];
            sum += v;
            sx += v * x;
            sy += v * y;
        }
    if (!(sum > 0))
        return DIGITS_EMPTY;
    *cx = sx / sum;
    *cy = sy / sum;
    return 0;
}

/* Length of the overlap of [a0, a1) and [b0, b1). */
static double overlap(double a0, double a1, double b0, double b1)
{
    double lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

int digits_preprocess(const double *canvas, double *out,
                      struct digits_prep *info)
{
    struct digits_prep p = {.x0 = N, .y0 = N, .x1 = -1, .y1 = -1};
    memset(out, 0, DIGITS_PIXELS * sizeof *out);
    /* 1. The bounding box of the ink. */
    for (int y = 0; y < N; y++)
        for (int x = 0; x < N; x++)
            if (clamp01(canvas[y * N + x]) > 0) {
                p.x0 = x < p.x0 ? x : p.x0;
                p.x1 = x > p.x1 ? x : p.x1;
                p.y0 = y < p.y0 ? y : p.y0;
                p.y1 = y > p.y1 ? y : p.y1;
            }
    if (p.x1 < 0) {
        if (info)
            *info = (struct digits_prep){0};
        return DIGITS_EMPTY;
    }
    /* 2. Scale the box so its longer side is 20 pixels. Scaled pixel (u,
     * v) covers the canvas square [x0 + u/s, x0 + (u+1)/s) x [y0 + v/s,
     * y0 + (v+1)/s); its value is the canvas's mean ink over that square
     * (the canvas is constant on each of its own pixels), so the sum of
     * ink times area is kept. */
    int bw = p.x1 - p.x0 + 1, bh = p.y1 - p.y0 + 1;
    p.scale = (double)DIGITS_BOX / (bw > bh ? bw : bh);
    p.w = (int)ceil(bw * p.scale - 1e-9);
    p.h = (int)ceil(bh * p.scale - 1e-9);
    double scaled[DIGITS_BOX * DIGITS_BOX];
    double inv = 1 / p.scale;
    for (int v = 0; v < p.h; v++) {
        double sy0 = p.y0 + v * inv, sy1 = sy0 + inv;
        for (int u = 0; u < p.w; u++) {
            double sx0 = p.x0 + u * inv, sx1 = sx0 + inv, acc = 0;
            for (int y = (int)floor(sy0); y < sy1 && y <= p.y1; y++) {
                double fy = overlap(sy0, sy1, y, y + 1);
                for (int x = (int)floor(sx0); x < sx1 && x <= p.x1; x++)
                    acc += fy * overlap(sx0, sx1, x, x + 1) *
                           clamp01(canvas[y * N + x]);
            }
            scaled[v * DIGITS_BOX + u] = clamp01(acc * p.scale * p.scale);
        }
    }
    /* 3. Shift by whole pixels so the centre of mass lands at (14, 14):
     * top-left corner at round(14 - c). Ink shifted past the edge of the
     * field is lost (a digit whose mass sits far from its box's middle;
     * MNIST has the same limit). */
    double sum = 0, sx = 0, sy = 0;
    for (int v = 0; v < p.h; v++)
        for (int u = 0; u < p.w; u++) {
            double val = scaled[v * DIGITS_BOX + u];
            sum += val;
            sx += val * u;
            sy += val * v;
        }
    p.cx = sum > 0 ? sx / sum : (p.w - 1) / 2.0;
    p.cy = sum > 0 ? sy / sum : (p.h - 1) / 2.0;
    p.dx = (int)lround(DIGITS_CENTRE - p.cx);
    p.dy = (int)lround(DIGITS_CENTRE - p.cy);
    for (int v = 0; v < p.h; v++)
        for (int u = 0; u < p.w; u++) {
            int x = u + p.dx, y = v + p.dy;
            if (x >= 0 && x < N && y >= 0 && y < N)
                out[y * N + x] = scaled[v * DIGITS_BOX + u];
        }
    if (digits_centre_of_mass(out, N, N, &p.out_cx, &p.out_cy) != 0)
        p.out_cx = p.out_cy = DIGITS_CENTRE;
    if (info)
        *info = p;
    return 0;
}

void digits_to_bytes(const double *img, unsigned char *bytes)
{
    for (int i = 0; i < DIGITS_PIXELS; i++)
        bytes[i] = (unsigned char)lround(clamp01(img[i]) * 255);
}

int digits_read(struct nn_mlp *m, struct nn_mat *x, const double *canvas,
                int *digit, double *probs, double *out,
                struct digits_prep *info)
{
    double img[DIGITS_PIXELS];
    unsigned char bytes[DIGITS_PIXELS];
    int rc = digits_preprocess(canvas, img, info);
    if (out)
        memcpy(out, img, sizeof img);
    if (rc != 0)
        return rc;
    digits_to_bytes(img, bytes);
    /* The same input conversion as training: byte / 255. */
    int best = train_mlp_predict(m, x, bytes, probs);
    if (best < 0)
        return best;
    *digit = best;
    return 0;
}

void digits_confusion(size_t confusion[DATASET_CLASSES][DATASET_CLASSES],
                      const unsigned char *labels, const unsigned char *pred,
                      size_t n)
{
    memset(confusion, 0, sizeof(size_t) * DATASET_CLASSES * DATASET_CLASSES);
    for (size_t k = 0; k < n; k++)
        if (labels[k] < DATASET_CLASSES && pred[k] < DATASET_CLASSES)
            confusion[labels[k]][pred[k]]++;
}

void digits_eval_fini(struct digits_eval *e)
{
    free(e->pred);
    free(e->probs);
    free(e->wrong);
    nn_mat_fini(&e->x);
    memset(e, 0, sizeof *e);
}

int digits_eval_begin(struct digits_eval *e, const struct nn_mlp *m,
                      const struct idx_images *img,
                      const struct idx_labels *lab, size_t n)
{
    memset(e, 0, sizeof *e);
    if (m->n_in != DIGITS_PIXELS || nn_mlp_n_out(m) != DATASET_CLASSES ||
        idx_images_pixels(img) != DIGITS_PIXELS)
        return NN_ESHAPE;
    if (n == 0 || n > img->count)
        n = img->count;
    if (n > lab->count)
        n = lab->count;
    int err = nn_mat_init(
        &e->x, m->dtype,
        n < DIGITS_EVAL_CHUNK ? (n ? n : 1) : DIGITS_EVAL_CHUNK, DIGITS_PIXELS);
    e->n = n;
    e->pred = malloc(n ? n : 1);
    e->probs = malloc((n ? n : 1) * DATASET_CLASSES * sizeof *e->probs);
    e->wrong = malloc((n ? n : 1) * sizeof *e->wrong);
    if (!err && (!e->pred || !e->probs || !e->wrong))
        err = NN_ENOMEM;
    if (err)
        digits_eval_fini(e);
    return err;
}

int digits_eval_step(struct digits_eval *e, struct nn_mlp *m,
                     const struct idx_images *img, const struct idx_labels *lab)
{
    size_t idx[DIGITS_EVAL_CHUNK];
    size_t first = e->done;
    size_t rows =
        e->n - first < DIGITS_EVAL_CHUNK ? e->n - first : DIGITS_EVAL_CHUNK;
    struct nn_mat xv = nn_mat_rows_view(&e->x, 0, rows);
    int err = rows ? idx_images_rows(&xv, img, first) : NN_OK;
    if (!err && rows)
        err = nn_mlp_forward(m, &xv);
    if (err) {
        digits_eval_fini(e);
        return err;
    }
    if (rows) {
        const struct nn_mat *y = nn_mlp_output(m);
        nn_mat_argmax_rows(idx, y);
        for (size_t r = 0; r < rows; r++) {
            size_t k = first + r;
            e->pred[k] = (unsigned char)idx[r];
            for (size_t c = 0; c < DATASET_CLASSES; c++)
                e->probs[k * DATASET_CLASSES + c] = (float)nn_mat_get(y, r, c);
            if (idx[r] != lab->labels[k])
                e->wrong[e->n_wrong++] = k;
        }
    }
    e->done = first + rows;
    if (e->done < e->n)
        return 1;
    nn_mat_fini(&e->x);
    digits_confusion(e->confusion, lab->labels, e->pred, e->n);
    return NN_OK;
}

int digits_eval_run(struct digits_eval *e, struct nn_mlp *m,
                    const struct idx_images *img, const struct idx_labels *lab,
                    size_t n)
{
    int rc = digits_eval_begin(e, m, img, lab, n);
    if (rc)
        return rc;
    while ((rc = digits_eval_step(e, m, img, lab)) > 0)
        ;
    return rc;
}

int digits_weight_map(const struct nn_mlp *m, size_t unit, double *map,
                      double *absmax)
{
    if (m->n_in != DIGITS_PIXELS || m->n_layers < 1)
        return NN_ESHAPE;
    const struct nn_dense *d = &m->layers[0];
    if (unit >= d->out)
        return NN_EINVAL;
    /* W1 is the first block of the parameter buffer, 784 x H row-major:
     * the weight from pixel i into unit j is element i * H + j. */
    double big = 0;
    for (size_t i = 0; i < DIGITS_PIXELS; i++) {
        map[i] = nn_mat_get(&m->params, 0, i * d->out + unit);
        if (fabs(map[i]) > big)
            big = fabs(map[i]);
    }
    *absmax = big;
    return NN_OK;
}
