/*
 * nnlab --batch data [--data DIR] [--dataset mnist|fashion]
 *
 * Finds and loads a dataset the way the MNIST lesson does, then says where
 * it came from and what it holds: the sizes, the number of images of each
 * class in both splits, and the mean training pixel. A teacher runs it
 * before class to see that the data is there; when it is not, the message
 * names the places looked at and the command that installs it.
 */
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "data/data_err.h"
#include "data/dataset.h"

static void count_classes(size_t *n, const struct idx_labels *lab)
{
    memset(n, 0, DATASET_CLASSES * sizeof *n);
    for (size_t i = 0; i < lab->count; i++)
        n[lab->labels[i]]++;
}

static void print_dataset(FILE *out, const struct dataset *ds)
{
    const struct idx_images *tr = &ds->train_images, *te = &ds->test_images;
    fprintf(out, "dataset   %s\n", dataset_kind_title(ds->kind));
    fprintf(out, "found in  %s (%s)\n", ds->dir, ds->source);
    fprintf(out, "train     %zu images of %zu x %zu pixels\n", tr->count,
            tr->rows, tr->cols);
    fprintf(out, "test      %zu images of %zu x %zu pixels\n", te->count,
            te->rows, te->cols);

    size_t ntrain[DATASET_CLASSES], ntest[DATASET_CLASSES];
    count_classes(ntrain, &ds->train_labels);
    count_classes(ntest, &ds->test_labels);
    fprintf(out, "\nclass          train   test\n");
    for (unsigned c = 0; c < DATASET_CLASSES; c++) {
        if (ds->kind == DATASET_FASHION)
            fprintf(out, "%u %-11s", c, dataset_class_name(ds->kind, c));
        else
            fprintf(out, "%-13u", c);
        fprintf(out, " %6zu %6zu\n", ntrain[c], ntest[c]);
    }

    /* The mean pixel scaled to [0, 1], as the network sees it. */
    unsigned long long sum = 0;
    size_t n = tr->count * idx_images_pixels(tr);
    for (size_t i = 0; i < n; i++)
        sum += tr->pixels[i];
    fprintf(out, "\nmean training pixel %.4f (0 = background, 1 = ink)\n",
            (double)sum / 255.0 / (double)n);
}

int cmd_data(const struct options *o, FILE *out, FILE *err)
{
    const char *dir = NULL;
    int kind = DATASET_MNIST;
    struct args a;
    args_init(&a, o->topic_argc, o->topic_argv, err);
    int k;
    while ((k = args_next(&a)) != 0) {
        if (k == 2) {
            fprintf(err, "nnlab: data: unexpected argument '%s'\n", a.name);
            return 2;
        }
        if (args_is(&a, "--data")) {
            if (!(dir = args_value(&a)))
                return 2;
        } else if (args_is(&a, "--dataset")) {
            const char *v = args_value(&a);
            if (!v)
                return 2;
            if ((kind = dataset_kind_parse(v)) < 0) {
                fprintf(err,
                        "nnlab: --dataset: '%s' is not mnist or "
                        "fashion\n",
                        v);
                return 2;
            }
        } else {
            args_unknown(&a, "data");
            return 2;
        }
    }

    struct dataset_search s;
    dataset_search_from_env(&s, (enum dataset_kind)kind, dir);
    struct dataset ds;
    char msg[DATA_MSG_SIZE];
    if (dataset_load(&ds, &s, msg, sizeof msg) != 0) {
        fprintf(err, "nnlab: %s\n", msg);
        return 1;
    }
    print_dataset(out, &ds);
    dataset_fini(&ds);
    return 0;
}
