/*
 * The network of the digit screens (the look inside, draw a digit) with
 * its background training: a network trained here (lesson/digits_net.h)
 * is stepped a slice at a time from the screen's tick, so the screen
 * shows its progress and answers keys meanwhile.
 */
#ifndef TUI_DIGITS_TASK_H
#define TUI_DIGITS_TASK_H

#include "lesson/digits_net.h"

struct digits_task {
    struct digits_net net;
    int ok; /* net is set up and has not failed (it may still train);
               else net.error says why */
};

/* Set up as digits_net_open(&t->net, live, NULL, NULL) does: borrow the
 * training screen's session `live` (may be NULL) when it is trained (an
 * epoch finished, or a loaded model), else load MNIST and start training
 * a network. */
void digits_task_open(struct digits_task *t, struct train_session *live);
/* Borrow `live` whatever its progress (it must outlive t). */
void digits_task_borrow(struct digits_task *t, struct train_session *live);
void digits_task_fini(struct digits_task *t);

/* The tick's work: train for one slice unless the network is ready or
 * has failed. Returns 0 when there was nothing to do, 1 when it trained,
 * 2 when this slice finished the training. */
int digits_task_tick(struct digits_task *t);
/* For the screen's timeout: 0 (tick again at once) while training, -1
 * (wait for a key) else. */
double digits_task_timeout(const struct digits_task *t);
/* 1 when the network can answer. */
int digits_task_ready(const struct digits_task *t);

#endif
