/*
 * nnlab --batch predict --load FILE [--image N] [--data DIR]
 *                       [--dataset mnist|fashion]
 *
 * Loads a model saved by `train --save`, takes test image N (default 0)
 * of the dataset the model was trained on, draws it, and prints the
 * network's probability for every class with a bar, the prediction and
 * the true label.
 *
 * The digit is drawn with half blocks: each character cell shows two
 * pixel rows, the upper one as '▀', the lower as '▄', both as '█', so the
 * 28 x 28 image fits 28 x 14 cells with square pixels. With --ascii each
 * pixel becomes two characters from a ramp of ink densities instead.
 */
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/error.h"
#include "data/data_err.h"
#include "data/dataset.h"
#include "data/model.h"
#include "lesson/train.h"
#include "render/glyphs.h"
#include "render/grid.h"

#define BAR_WIDTH 40

/* A pixel counts as ink from half intensity on. */
static int ink(const unsigned char *img, int r, int c)
{
    return img[r * DATASET_SIDE + c] >= 128;
}

static void draw_digit(FILE *out, const unsigned char *img, int ascii)
{
    if (ascii) {
        static const char ramp[] = " .:-=+*#%@";
        for (int r = 0; r < DATASET_SIDE; r++) {
            for (int c = 0; c < DATASET_SIDE; c++) {
                char ch = ramp[img[r * DATASET_SIDE + c] * 9 / 255];
                fputc(ch, out);
                fputc(ch, out);
            }
            fputc('\n', out);
        }
        return;
    }
    static const char *const half[4] = {" ", "\u2580", "\u2584", "\u2588"};
    for (int r = 0; r < DATASET_SIDE; r += 2) {
        for (int c = 0; c < DATASET_SIDE; c++)
            fputs(half[ink(img, r, c) | ink(img, r + 1, c) << 1], out);
        fputc('\n', out);
    }
}

/* A bar of v in [0, 1] over BAR_WIDTH cells, in eighths where the glyph
 * set has them. */
static void draw_bar(FILE *out, double v, const struct rglyphs *gs)
{
    int steps = gs->bar_steps;
    long units = (long)(v * BAR_WIDTH * steps + 0.5);
    char buf[8];
    for (int cell = 0; cell < BAR_WIDTH && units > 0; cell++) {
        long k = units > steps ? steps : units;
        units -= k;
        buf[utf8_encode(gs->bar[k], buf)] = '\0';
        fputs(buf, out);
    }
}

static int parse(const struct options *o, const char **load, long *image,
                 const char **dir, int *kind, FILE *err)
{
    struct args a;
    args_init(&a, o->topic_argc, o->topic_argv, err);
    int k;
    while ((k = args_next(&a)) != 0) {
        if (k == 2) {
            fprintf(err, "nnlab: predict: unexpected argument '%s'\n", a.name);
            return -1;
        }
        const char *v;
        if (args_is(&a, "--load")) {
            if (!(*load = args_value(&a)))
                return -1;
        } else if (args_is(&a, "--image")) {
            if (!(v = args_value(&a)) || args_long(&a, v, 0, 100000000L, image))
                return -1;
        } else if (args_is(&a, "--data")) {
            if (!(*dir = args_value(&a)))
                return -1;
        } else if (args_is(&a, "--dataset")) {
            if (!(v = args_value(&a)))
                return -1;
            if ((*kind = dataset_kind_parse(v)) < 0) {
                fprintf(err,
                        "nnlab: --dataset: '%s' is not mnist or "
                        "fashion\n",
                        v);
                return -1;
            }
        } else {
            return args_unknown(&a, "predict");
        }
    }
    if (!*load) {
        fprintf(err, "nnlab: predict: --load FILE is needed (a model saved "
                     "by 'nnlab --batch train --save FILE')\n");
        return -1;
    }
    return 0;
}

static void report(FILE *out, const struct dataset *ds, long image,
                   const double *probs, int best, int ascii)
{
    const unsigned char *img =
        ds->test_images.pixels +
        (size_t)image * idx_images_pixels(&ds->test_images);
    unsigned truth = ds->test_labels.labels[image];
    fprintf(out, "%s test image %ld\n\n", dataset_kind_title(ds->kind), image);
    draw_digit(out, img, ascii);
    fputc('\n', out);
    const struct rglyphs *gs =
        rglyphs_get(ascii ? RGLYPH_ASCII : RGLYPH_UNICODE);
    for (unsigned c = 0; c < DATASET_CLASSES; c++) {
        fprintf(out, "%-11s %6.4f %c ", dataset_class_name(ds->kind, c),
                probs[c], (int)c == best ? '*' : ' ');
        draw_bar(out, probs[c], gs);
        fputc('\n', out);
    }
    fprintf(out, "\nprediction %s (%.4f), label %s: %s\n",
            dataset_class_name(ds->kind, (unsigned)best), probs[best],
            dataset_class_name(ds->kind, truth),
            (unsigned)best == truth ? "right" : "wrong");
}

int cmd_predict(const struct options *o, FILE *out, FILE *err)
{
    const char *load = NULL, *dir = NULL;
    long image = 0;
    int kind = -1;
    if (parse(o, &load, &image, &dir, &kind, err))
        return 2;

    char msg[DATA_MSG_SIZE];
    struct nn_mlp m;
    enum dataset_kind trained_on;
    if (model_load(load, &m, &trained_on, msg, sizeof msg)) {
        fprintf(err, "nnlab: --load: %s\n", msg);
        return 1;
    }
    int status = 1;
    struct dataset ds;
    int loaded = 0;
    struct nn_mat x = {0};
    if (m.n_in != DATASET_SIDE * DATASET_SIDE ||
        nn_mlp_n_out(&m) != DATASET_CLASSES) {
        fprintf(err,
                "nnlab: --load: %s: the network has %zu inputs and %zu "
                "outputs; predicting digits needs 784 and 10\n",
                load, m.n_in, nn_mlp_n_out(&m));
        goto done;
    }
    struct dataset_search s;
    dataset_search_from_env(
        &s, kind >= 0 ? (enum dataset_kind)kind : trained_on, dir);
    if (dataset_load(&ds, &s, msg, sizeof msg) != 0) {
        fprintf(err, "nnlab: %s\n", msg);
        goto done;
    }
    loaded = 1;
    if ((size_t)image >= ds.test_images.count) {
        fprintf(err,
                "nnlab: --image: %ld, but the test set has images 0 to "
                "%zu\n",
                image, ds.test_images.count - 1);
        status = 2;
        goto done;
    }
    double probs[DATASET_CLASSES];
    int best = nn_mat_init(&x, m.dtype, 1, m.n_in);
    if (!best)
        best = train_mlp_predict(&m, &x,
                                 ds.test_images.pixels +
                                     (size_t)image *
                                         idx_images_pixels(&ds.test_images),
                                 probs);
    if (best < 0) {
        fprintf(err, "nnlab: predict: %s\n", nn_strerror(best));
        goto done;
    }
    report(out, &ds, image, probs, best, o->ascii);
    status = 0;
done:
    nn_mat_fini(&x);
    if (loaded)
        dataset_fini(&ds);
    nn_mlp_fini(&m);
    return status;
}
