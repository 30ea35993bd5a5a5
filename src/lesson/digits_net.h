/*
 * A trained network for looking inside and for reading drawn digits.
 *
 * Either the network of a live training session (borrowed, once trained
 * or loaded: train_session_trained; the one the class watched), or one
 * trained here on MNIST with the first preset (784-50-10 sigmoid, Adam)
 * for a couple of epochs, a few seconds. The training is stepped like
 * any session (digits_net_work), so a screen can show its progress and
 * stay responsive; digits_net_train does it all at once for --batch.
 *
 * Ownership: the dataset is loaded here unless the borrowed session
 * brings its own; a borrowed session must outlive this object.
 */
#ifndef LESSON_DIGITS_NET_H
#define LESSON_DIGITS_NET_H

#include <stddef.h>

#include "core/mat.h"
#include "core/mlp.h"
#include "data/data_err.h"
#include "data/dataset.h"
#include "lesson/train.h"

struct digits_net_config {
    const char *preset; /* train preset name */
    long epochs;
    size_t train_size; /* 0: the whole training set */
    uint64_t seed;
};

/* The preset sigmoid-adam for 2 epochs on every image, seed 1. */
void digits_net_config_default(struct digits_net_config *c);

struct digits_net {
    struct train_session *live; /* borrowed, or NULL */
    struct dataset ds;          /* loaded here when not borrowed */
    int have_data;
    struct train_session own;
    int have_own;
    struct nn_mat x; /* (1, 784) in the network's dtype, for one image */
    char error[DATA_MSG_SIZE]; /* why there is no network */
};

/*
 * Set up: borrow `live` when train_session_trained, else load the
 * dataset (search as dataset_search_from_env with data_dir, may be NULL)
 * and start training a network of cfg (NULL: the default). Returns 0, or
 * an error code with the reason in n->error: DATA_ENODATA when MNIST is
 * missing (the message names the command that fetches it).
 */
int digits_net_open(struct digits_net *n, struct train_session *live,
                    const char *data_dir, const struct digits_net_config *cfg);
/* The same with a dataset already loaded (borrowed; it must outlive n). */
int digits_net_open_with(struct digits_net *n, const struct dataset *ds,
                         const struct digits_net_config *cfg);
/* Borrow `live` (it must outlive n) whatever its progress: the look
 * inside at the training screen shows the network as it learns. Returns
 * 0 or NN_ENOMEM. */
int digits_net_borrow(struct digits_net *n, struct train_session *live);
void digits_net_fini(struct digits_net *n);

/* Train for about `seconds` (at least one piece). Returns 1 when it
 * trained, 0 when the network is ready, negative on error. */
int digits_net_work(struct digits_net *n, double seconds);
/* Train to the end. Returns 0 or a negative error. */
int digits_net_train(struct digits_net *n);

/* 1 when the network can answer (borrowed, or trained to the end). */
int digits_net_ready(const struct digits_net *n);
/* Fraction of the training done, 0..1. */
double digits_net_progress(const struct digits_net *n);
/* The network, its dataset and its session (the live or own one). */
struct nn_mlp *digits_net_mlp(struct digits_net *n);
const struct dataset *digits_net_data(const struct digits_net *n);
const struct train_session *digits_net_session(const struct digits_net *n);

/* "784-50-10 sigmoid, adam, 2 epochs: test accuracy 0.9435" (en), or
 * "784-50-10 sigmoid, adam: learning its first epoch" for a borrowed
 * session before then, or the same in Korean, into buf. */
void digits_net_describe(const struct digits_net *n, const char *lang,
                         char *buf, size_t len);

#endif
