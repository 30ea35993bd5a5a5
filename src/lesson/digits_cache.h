/*
 * What the MNIST lesson's widgets compute slowly, kept between drawings:
 * the dataset (loaded once) and the networks trained on it with their
 * answers on the test set, keyed on the training configuration. A lesson
 * then trains a network once however many widgets show it and however
 * often a step is drawn again (a new width, a language switch).
 *
 * The front end owns one cache (per process: the TUI's app, one --batch
 * lesson run) and hands it to the widgets in their context
 * (widget_ctx.digits); a widget given none uses a cache of its own for
 * the one drawing.
 */
#ifndef LESSON_DIGITS_CACHE_H
#define LESSON_DIGITS_CACHE_H

#include <stddef.h>

#include "data/dataset.h"
#include "lesson/digits.h"
#include "lesson/digits_net.h"

/* Networks kept; a further configuration replaces the oldest. */
#define DIGITS_CACHE_NETS 4

/* A trained network and its answers on the whole test set. */
struct digits_cache_net {
    int used;        /* holds a trained network */
    char preset[32]; /* the configuration it was trained with */
    long epochs;
    size_t train_size;
    uint64_t seed;
    struct digits_net net;   /* trained; the dataset is the cache's */
    struct digits_eval eval; /* its answers on the test set */
};

struct digits_cache {
    struct dataset ds;
    int have_ds;
    struct digits_cache_net nets[DIGITS_CACHE_NETS];
    size_t next; /* the entry a new network replaces when all are used */
};

void digits_cache_init(struct digits_cache *c);
void digits_cache_fini(struct digits_cache *c);

/* MNIST, loaded on first use (searched as dataset_search_from_env with no
 * --data). Returns the dataset (owned by c), or NULL with the reason
 * (which names the command that fetches MNIST) in why; *err (may be NULL)
 * receives the loader's error code. A failure is not kept: the next call
 * tries again. */
const struct dataset *digits_cache_data(struct digits_cache *c, int *err,
                                        char *why, size_t len);

/* The network trained with cfg and its answers: kept from an earlier
 * call, or trained now to the end (seconds) and kept. Returns 0 with *out
 * valid until the next call or digits_cache_fini; or a data error
 * (DATA_ENODATA...) with the reason in why, or a core error. */
int digits_cache_net(struct digits_cache *c,
                     const struct digits_net_config *cfg,
                     struct digits_cache_net **out, char *why, size_t len);

#endif
