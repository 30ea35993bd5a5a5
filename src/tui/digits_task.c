/* Background training of the digit screens' network (see digits_task.h). */
#include "tui/digits_task.h"

#include <stdio.h>

#include "core/error.h"

/* Training time per tick: short enough to answer keys within 100 ms. */
#define SLICE_SECONDS 0.03

void digits_task_open(struct digits_task *t, struct train_session *live)
{
    t->ok = digits_net_open(&t->net, live, NULL, NULL) == 0;
}

void digits_task_borrow(struct digits_task *t, struct train_session *live)
{
    t->ok = digits_net_borrow(&t->net, live) == 0;
}

void digits_task_fini(struct digits_task *t)
{
    digits_net_fini(&t->net);
    t->ok = 0;
}

int digits_task_ready(const struct digits_task *t)
{
    return t->ok && digits_net_ready(&t->net);
}

int digits_task_tick(struct digits_task *t)
{
    if (!t->ok || digits_net_ready(&t->net))
        return 0;
    int rc = digits_net_work(&t->net, SLICE_SECONDS);
    if (rc < 0) {
        snprintf(t->net.error, sizeof t->net.error,
                 "cannot train the network: %s", nn_strerror(rc));
        t->ok = 0;
        return 1;
    }
    return digits_net_ready(&t->net) ? 2 : 1;
}

double digits_task_timeout(const struct digits_task *t)
{
    return t->ok && !digits_net_ready(&t->net) ? 0 : -1;
}
