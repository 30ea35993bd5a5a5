/*
 * A training session on MNIST (or Fashion-MNIST) as a UI-free model: the
 * configuration and its presets, the network, the optimizer, and the
 * numbers a learner watches while it learns.
 *
 * The work is cut into small pieces so that one function serves both
 * front ends: train_session_step() does the next piece and returns. The
 * TUI calls it a few times per frame and stays responsive; --batch calls
 * it in a loop. A piece is either one mini-batch (forward, loss, backward,
 * one optimizer update) or, after the last mini-batch of an epoch, one
 * chunk of the evaluation that measures train and test accuracy.
 *
 * A piece is kept near TRAIN_PIECE_FLOPS of arithmetic, so that the screen
 * answers keys quickly at any network size: the evaluation takes fewer
 * rows at a time for a large network, and a mini-batch too large for one
 * piece is trained in parts of rows. Each part adds its share to the
 * gradient, (ŷ - t) / n over its own rows scaled by its rows / n of the
 * whole mini-batch, so the sum is the mini-batch's gradient, and the one
 * update comes with the last part (in pieces of TRAIN_UPDATE_CHUNK
 * parameters of its own for a very large network). The parts are fixed by the
 * configuration, never by the clock, so a run is the same in the TUI and
 * in --batch. The study notes' networks fit in one piece; a piece has at
 * least TRAIN_PIECE_MIN_ROWS rows (or the whole mini-batch) unless that
 * would be more than TRAIN_PIECE_MAX_FLOPS.
 *
 * An epoch: the training images (the first train_size of them) are
 * shuffled with the session's seeded RNG, then cut into mini-batches of
 * batch_size in that order; the last, shorter batch is used too, so every
 * image is seen exactly once per epoch. Iterations count mini-batches
 * over the whole run.
 *
 * The network is n_hidden dense layers with the chosen activation, then a
 * softmax layer of 10 units; its loss is the cross-entropy of the softmax
 * output against the label, and the backward pass starts from the fused
 * gradient (ŷ - t) / N at the logits (see core/loss.h).
 *
 * Time: only the mini-batch pieces are timed (CLOCK_MONOTONIC), so
 * "seconds" and "samples/s" measure training alone, not data loading or
 * evaluation, and compare fairly with other tools' training loops.
 *
 * Divergence: a learning rate far too large makes each update overshoot,
 * the weights grow, and the numbers overflow into Inf and NaN; or the
 * network saturates and is confidently wrong. The session stops with
 * TRAIN_DIVERGED and a sentence explaining what happened when the loss or
 * a parameter is not finite, or when the moving average of the loss is
 * more than TRAIN_DIVERGED_RATIO times the loss of a uniform guess,
 * ln(10), after TRAIN_WARMUP iterations.
 *
 * A session can also start from a trained network (a saved model): its
 * shapes, activation and dtype make the configuration, its weights are
 * copied, and it is measured on the test set at once; training then goes
 * on from those weights.
 *
 * Ownership: train_session_init() borrows the dataset (it must outlive
 * the session) and allocates everything else; train_session_fini() frees
 * it.
 */
#ifndef LESSON_TRAIN_H
#define LESSON_TRAIN_H

#include <stddef.h>
#include <stdint.h>

#include "core/activation.h"
#include "core/gemm_pool.h"
#include "core/init.h"
#include "core/mlp.h"
#include "core/optim.h"
#include "core/rng.h"
#include "data/dataset.h"

/* Limits checked before anything is allocated. */
#define TRAIN_MAX_HIDDEN 8    /* hidden layers */
#define TRAIN_MAX_WIDTH 65536 /* units in a hidden layer */
#define TRAIN_MAX_BATCH 65536 /* mini-batch size */
#define TRAIN_MAX_EPOCHS 10000
#define TRAIN_MAX_LR 1e6
/* Rows the evaluation pushes through the network at once, at most. */
#define TRAIN_EVAL_CHUNK 1000
/* Floating-point operations of one piece, about: 10 ms on a core doing
 * 100 GFLOP/s. */
#define TRAIN_PIECE_FLOPS 1e9
/* Rows a piece keeps even when that is more work, up to
 * TRAIN_PIECE_MAX_FLOPS: with fewer rows the matrix products run slowly
 * and the gradient is added up too often. On 784-4096-4096-10 (training
 * and evaluating), 8-row pieces took ten times as long as whole batches,
 * 16 rows 53 % longer than 128 and 32 rows 21 %. But 32 rows there are
 * 3.9 GFLOP, 72 ms a piece (nnlab-bench-pieces), too long for a key to
 * wait: the cap keeps such a network at 16 rows, about 40 ms. */
#define TRAIN_PIECE_MIN_ROWS 32
#define TRAIN_PIECE_MAX_FLOPS 2e9
/* Parameters one piece of an update moves: Adam on 784-4096-4096-10
 * (16.8 M parameters) took 110 ms in one go, about 7 ns a parameter. */
#define TRAIN_UPDATE_CHUNK ((size_t)1 << 21)
/* Weight of the newest loss in the moving average: about the last
 * 1 / TRAIN_AVG_WEIGHT iterations count. */
#define TRAIN_AVG_WEIGHT 0.02
/* Divergence by loss: moving average > ratio · ln(10) after the warm-up. */
#define TRAIN_DIVERGED_RATIO 2.0
#define TRAIN_WARMUP 50

struct train_config {
    size_t n_hidden;                 /* 1 .. TRAIN_MAX_HIDDEN */
    size_t hidden[TRAIN_MAX_HIDDEN]; /* units of each hidden layer */
    struct nn_act act;               /* activation of the hidden layers */
    struct nn_optim_config opt;      /* optimizer and learning rate */
    enum nn_init_kind init;          /* weight initialisation */
    double init_std;                 /* std of NN_INIT_NORMAL */
    size_t batch_size;               /* 1 .. TRAIN_MAX_BATCH */
    long epochs;                     /* 1 .. TRAIN_MAX_EPOCHS */
    size_t train_size;               /* images used, 0: the whole set */
    enum nn_dtype dtype;
    uint64_t seed; /* weights and shuffles */
    int threads;   /* threads for matrix products */
};

/* A named configuration reproducing one of the study notes' networks. */
struct train_preset {
    const char *name;
    const char *summary; /* one line, for lists */
    struct train_config cfg;
};

/* The presets, in display order; *n receives their number. Static. */
const struct train_preset *train_presets(size_t *n);
/* The preset called name, or NULL. */
const struct train_preset *train_preset_find(const char *name);
/* The default configuration: the first preset (784-50-10 sigmoid, Adam). */
void train_config_default(struct train_config *c);
/* The network as "784-50-10". */
void train_config_shape(const struct train_config *c, char *buf, size_t size);
/* The hidden layer sizes as "128,64", the form train_config_parse_hidden
 * reads. */
void train_config_hidden_text(const struct train_config *c, char *buf,
                              size_t size);
/*
 * Read hidden layer sizes, "50" or "128,64" (spaces allowed around the
 * commas), into c->hidden and c->n_hidden. Returns 0, or NN_EINVAL /
 * NN_ETOOBIG with a sentence quoting text in msg; c is then unchanged.
 */
int train_config_parse_hidden(struct train_config *c, const char *text,
                              char *msg, size_t size);
/* The preset c is, or NULL when it differs from every preset in a
 * setting other than the seed, the training-set size, the dtype and the
 * threads (which change the run, not the network or how it learns). */
const struct train_preset *train_preset_of(const struct train_config *c);

/*
 * Check a configuration before anything is allocated: sizes within the
 * limits above, a finite positive learning rate, a known activation
 * (softmax and step are not hidden activations: step has no gradient),
 * finite non-negative init std. Returns 0, or NN_EINVAL / NN_ETOOBIG with
 * a sentence naming the setting and its value in msg.
 */
int train_config_check(const struct train_config *c, char *msg, size_t size);
/* The settings train_config_check_at can blame. */
enum train_setting {
    TRAIN_SET_HIDDEN, /* layer count or sizes, or parameters in all */
    TRAIN_SET_ACT,
    TRAIN_SET_OPT,
    TRAIN_SET_LR,
    TRAIN_SET_BATCH, /* also: too many activations to keep for a batch */
    TRAIN_SET_EPOCHS,
    TRAIN_SET_INIT_STD,
    TRAIN_SET_THREADS,
};
/* train_config_check, also saying in *at (may be NULL) which setting is
 * at fault, so a form can show the message next to it. */
int train_config_check_at(const struct train_config *c, enum train_setting *at,
                          char *msg, size_t size);

enum train_phase {
    TRAIN_TRAINING, /* mini-batches of the current epoch */
    TRAIN_EVAL,     /* measuring accuracy at the end of an epoch */
    TRAIN_DONE,     /* every epoch done */
    TRAIN_DIVERGED, /* stopped: see why */
};

/* What the last train_session_step() did. */
enum train_event {
    TRAIN_EV_PART,     /* trained part of a mini-batch, not yet updated */
    TRAIN_EV_BATCH,    /* trained one mini-batch */
    TRAIN_EV_EVAL,     /* evaluated one chunk; the epoch is not closed */
    TRAIN_EV_EPOCH,    /* closed an epoch: history has a new entry */
    TRAIN_EV_DONE,     /* nothing left to do (phase DONE or DIVERGED) */
    TRAIN_EV_DIVERGED, /* this mini-batch diverged; see why */
};

/* One finished epoch. */
struct train_epoch {
    long epoch;           /* 1-based */
    long iterations;      /* iterations so far, this epoch's included */
    double loss;          /* mean mini-batch loss over the epoch */
    double train_acc;     /* accuracy on the training images used */
    double test_acc;      /* accuracy on the test set */
    double test_loss;     /* mean cross-entropy on the test set */
    double seconds;       /* training time of this epoch */
    double samples_per_s; /* images trained per second in this epoch */
};

struct train_session {
    struct train_config cfg;
    const struct dataset *ds; /* borrowed */
    size_t n_train;           /* training images used */
    size_t iters_per_epoch;   /* ceil(n_train / batch_size) */
    size_t part_rows;         /* rows of a training piece, <= batch_size */
    size_t eval_chunk_rows;   /* rows of an evaluation piece */
    struct nn_mlp mlp;
    struct nn_optim opt;
    struct nn_rng rng;
    struct nn_pool *pool; /* owned; NULL for one thread */
    size_t *order;        /* n_train: this epoch's shuffled image order */
    size_t *labels;       /* max(batch, chunk) labels of the current rows */
    struct nn_mat x;      /* (max(batch, chunk), 784) input rows */

    enum train_phase phase;
    long epoch;           /* epochs finished */
    long iter;            /* mini-batches trained over the run */
    size_t pos;           /* next image of the epoch (training), or next row
                             of the evaluation (train set, then test set) */
    size_t batch_rows;    /* rows of the mini-batch being trained */
    size_t batch_done;    /* of those, rows trained (0 between batches) */
    double batch_loss;    /* its loss so far: Σ part loss · rows / batch */
    size_t update_pos;    /* its update: parameters done so far */
    double loss;          /* last mini-batch's loss */
    double loss_avg;      /* its exponential moving average */
    double loss_sum;      /* sum of this epoch's mini-batch losses */
    double seconds;       /* training time over the run */
    double epoch_seconds; /* training time of the current epoch */
    size_t correct[2];    /* evaluation: right answers (train, test) */
    double eval_loss;     /* evaluation: summed test cross-entropy */

    /* Per iteration, from the first: loss and its moving average. */
    double *iter_loss;
    double *iter_avg;
    size_t n_iter_cap;
    /* Per epoch, from the first. */
    struct train_epoch *history;
    /* Confusion matrix of the last evaluation: confusion[true][pred]. */
    size_t confusion[DATASET_CLASSES][DATASET_CLASSES];
    char why[512]; /* the explanation when phase is TRAIN_DIVERGED */
    /* Started from a trained network: its test accuracy and mean test
     * cross-entropy as loaded, before any training here. */
    int from_model;
    double model_test_acc;
    double model_test_loss;
};

/*
 * Check cfg, build the network (weights drawn from cfg.seed), the
 * optimizer and the buffers. Returns 0, or an error code with a sentence
 * in msg (a bad configuration, NN_ENOMEM); s is then empty.
 */
int train_session_init(struct train_session *s, const struct train_config *c,
                       const struct dataset *ds, char *msg, size_t size);
void train_session_fini(struct train_session *s);

/*
 * The configuration trained network m implies: its hidden layer sizes,
 * their activation and m's dtype; every other setting (optimizer and
 * learning rate, batch size, epochs, init, seed, ...) from base. Returns
 * 0, or NN_ESHAPE / NN_EINVAL with a sentence in msg when m is not a
 * digit classifier this session can train: 784 inputs, 1 to
 * TRAIN_MAX_HIDDEN hidden layers sharing one activation, 10 softmax
 * outputs, a bias in every layer, within train_config_check's limits.
 */
int train_config_from_mlp(struct train_config *c,
                          const struct train_config *base,
                          const struct nn_mlp *m, char *msg, size_t size);

/*
 * Start a session from trained network m (borrowed: its parameters are
 * copied): configuration as train_config_from_mlp, a fresh optimizer
 * state, and m measured on the test set at once (model_test_acc,
 * model_test_loss, the confusion matrix). Training then continues from
 * m's weights for cfg.epochs epochs. Returns 0, or an error code with a
 * sentence in msg; s is then empty.
 */
int train_session_init_from_mlp(struct train_session *s,
                                const struct train_config *base,
                                const struct nn_mlp *m,
                                const struct dataset *ds, char *msg,
                                size_t size);

/*
 * Read the model file at path (data/model.h) and start a session from it
 * as above. A model trained on another dataset than ds is refused.
 * Returns 0, or an error code with "PATH: what is wrong" in msg; s is
 * then empty.
 */
int train_session_load(struct train_session *s, const struct train_config *base,
                       const char *path, const struct dataset *ds, char *msg,
                       size_t size);

/* Write the session's network to path, atomically (model_save). Returns
 * 0, or DATA_EIO with "PATH: why" in msg. */
int train_session_save(const struct train_session *s, const char *path,
                       char *msg, size_t size);

/* 1 when the network has learnt: it finished an epoch here, or came from
 * a trained model. */
int train_session_trained(const struct train_session *s);
/* The network's accuracy on the test set as last measured (the last
 * epoch's, else the loaded model's; 0 before either). */
double train_session_test_acc(const struct train_session *s);

/*
 * Do the next piece of work (see the top of this file) and say what it
 * was in *ev. Returns 0, or a negative error code from the core (it
 * cannot fail on a session that was set up right, short of memory).
 * Divergence is not an error: *ev is TRAIN_EV_DIVERGED and the phase
 * TRAIN_DIVERGED.
 */
int train_session_step(struct train_session *s, enum train_event *ev);

/* Change the learning rate from the next update on (NN_EINVAL unless
 * finite and in (0, TRAIN_MAX_LR]). An update made in pieces (more than
 * TRAIN_UPDATE_CHUNK parameters) takes the new rate from its next piece. */
int train_session_set_lr(struct train_session *s, double lr);

/* Total iterations of the run, and images trained so far. */
long train_session_total_iters(const struct train_session *s);
/* Samples per second over the run so far (0 before the first batch). */
double train_session_rate(const struct train_session *s);

/*
 * Class probabilities of one 28 x 28 image (bytes 0..255) in probs[10];
 * returns the predicted class, or a negative error code. Uses the
 * network's caches: call between steps, not during one.
 */
int train_session_predict(struct train_session *s, const unsigned char *pixels,
                          double *probs);

/*
 * The same for any trained MLP with 784 inputs and 10 outputs (a loaded
 * model): x is a caller-owned (1, 784) matrix of the model's dtype.
 */
int train_mlp_predict(struct nn_mlp *m, struct nn_mat *x,
                      const unsigned char *pixels, double *probs);

#endif
