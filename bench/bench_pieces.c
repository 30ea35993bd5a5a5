/*
 * nnlab-bench-pieces: how long one piece of training work takes, for
 * networks from the study notes' size up to very large ones.
 *
 * The training screen runs the session in pieces from its tick: pieces
 * until 30 ms have passed, then it draws and reads keys. So the longest
 * piece plus those 30 ms bounds how late a key is answered. This program
 * builds each network on random images (no dataset needed), runs pieces
 * (mini-batch parts and evaluation chunks, as train_session_step gives
 * them) for a few seconds, and prints the first piece (it also touches
 * the network's fresh memory for the first time), then the median and the
 * longest of the others, in milliseconds, with the rows a piece takes. The set
 * is small (2,048 training and 512 test images) so that the end of the first
 * epoch, and its evaluation, falls within those seconds.
 *
 * Usage: nnlab-bench-pieces [--threads N] [--seconds S]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lesson/train.h"

#define N_TRAIN 2048
#define N_TEST 512
#define MAX_PIECES 100000

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int fill(struct idx_images *img, struct idx_labels *lab, size_t n,
                struct nn_rng *r)
{
    img->count = lab->count = n;
    img->rows = img->cols = DATASET_SIDE;
    img->pixels = malloc(n * DATASET_SIDE * DATASET_SIDE);
    lab->labels = malloc(n);
    if (!img->pixels || !lab->labels)
        return -1;
    for (size_t i = 0; i < n * DATASET_SIDE * DATASET_SIDE; i++)
        img->pixels[i] = (unsigned char)nn_rng_below(r, 256);
    for (size_t i = 0; i < n; i++)
        lab->labels[i] = (unsigned char)nn_rng_below(r, DATASET_CLASSES);
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

struct net {
    const char *hidden; /* sizes, for the title */
    size_t n_hidden, sizes[2], batch;
};

int main(int argc, char **argv)
{
    int threads = 1;
    double seconds = 3;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            threads = atoi(argv[++i]);
        else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = atof(argv[++i]);
        else {
            fprintf(stderr, "usage: %s [--threads N] [--seconds S]\n", argv[0]);
            return 2;
        }
    }
    if (threads < 1 || threads > NN_POOL_MAX_THREADS || !(seconds > 0)) {
        fprintf(stderr, "%s: bad --threads or --seconds\n", argv[0]);
        return 2;
    }
    struct dataset ds;
    memset(&ds, 0, sizeof ds);
    struct nn_rng r;
    nn_rng_seed(&r, 1);
    if (fill(&ds.train_images, &ds.train_labels, N_TRAIN, &r) ||
        fill(&ds.test_images, &ds.test_labels, N_TEST, &r)) {
        fprintf(stderr, "%s: out of memory\n", argv[0]);
        return 1;
    }
    static const struct net nets[] = {
        {"50", 1, {50}, 32},
        {"512", 1, {512}, 128},
        {"4096", 1, {4096}, 128},
        {"4096", 1, {4096}, 1024},
        {"4096,4096", 2, {4096, 4096}, 128},
        {"4096,4096", 2, {4096, 4096}, 1024},
    };
    double *ms = malloc(MAX_PIECES * sizeof *ms);
    if (!ms)
        return 1;
    printf("one piece of training work, ms (%d thread%s, %.1f s a network)\n",
           threads, threads == 1 ? "" : "s", seconds);
    printf("%-22s %6s %10s %10s %8s %8s %8s\n", "network", "batch", "part rows",
           "eval rows", "first", "median", "longest");
    for (size_t k = 0; k < sizeof nets / sizeof nets[0]; k++) {
        struct train_config c;
        train_config_default(&c);
        c.n_hidden = nets[k].n_hidden;
        memcpy(c.hidden, nets[k].sizes, sizeof nets[k].sizes);
        c.act = nn_act_make(NN_ACT_RELU);
        c.batch_size = nets[k].batch;
        c.epochs = 1000;
        c.threads = threads;
        struct train_session s;
        char msg[512];
        if (train_session_init(&s, &c, &ds, msg, sizeof msg) != 0) {
            printf("784-%s-10: %s\n", nets[k].hidden, msg);
            continue;
        }
        size_t n = 0;
        double end = now_seconds() + seconds;
        while (n < MAX_PIECES && now_seconds() < end) {
            enum train_event ev;
            double t0 = now_seconds();
            if (train_session_step(&s, &ev) != 0)
                break;
            ms[n++] = 1e3 * (now_seconds() - t0);
            if (ev == TRAIN_EV_DONE || ev == TRAIN_EV_DIVERGED)
                break;
        }
        double first = n ? ms[0] : 0;
        size_t m = n ? n - 1 : 0; /* the others, sorted */
        qsort(ms + 1, m, sizeof *ms, cmp_double);
        char name[64];
        snprintf(name, sizeof name, "784-%s-10", nets[k].hidden);
        printf("%-22s %6zu %10zu %10zu %8.1f %8.1f %8.1f\n", name, c.batch_size,
               s.part_rows, s.eval_chunk_rows, first, m ? ms[1 + m / 2] : 0,
               m ? ms[m] : 0);
        fflush(stdout);
        train_session_fini(&s);
    }
    free(ms);
    dataset_fini(&ds);
    return 0;
}
