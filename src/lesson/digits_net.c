/* A trained network for the digit screens and widgets (see
 * digits_net.h). */
#include "lesson/digits_net.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/error.h"

#define N_IN (DATASET_SIDE * DATASET_SIDE)

void digits_net_config_default(struct digits_net_config *c)
{
    *c = (struct digits_net_config){"sigmoid-adam", 2, 0, 1};
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int start(struct digits_net *n, const struct dataset *ds,
                 const struct digits_net_config *cfg)
{
    struct digits_net_config def;
    if (!cfg) {
        digits_net_config_default(&def);
        cfg = &def;
    }
    const struct train_preset *p = train_preset_find(cfg->preset);
    if (!p) {
        snprintf(n->error, sizeof n->error, "no network preset '%s'",
                 cfg->preset);
        return NN_EINVAL;
    }
    struct train_config c = p->cfg;
    c.epochs = cfg->epochs;
    c.train_size = cfg->train_size;
    c.seed = cfg->seed;
    int err = train_session_init(&n->own, &c, ds, n->error, sizeof n->error);
    if (err)
        return err;
    n->have_own = 1;
    return nn_mat_init(&n->x, c.dtype, 1, N_IN);
}

int digits_net_open(struct digits_net *n, struct train_session *live,
                    const char *data_dir, const struct digits_net_config *cfg)
{
    memset(n, 0, sizeof *n);
    if (live && train_session_trained(live))
        return digits_net_borrow(n, live);
    struct dataset_search s;
    dataset_search_from_env(&s, DATASET_MNIST, data_dir);
    int err = dataset_load(&n->ds, &s, n->error, sizeof n->error);
    if (err)
        return err;
    n->have_data = 1;
    return start(n, &n->ds, cfg);
}

int digits_net_borrow(struct digits_net *n, struct train_session *live)
{
    memset(n, 0, sizeof *n);
    n->live = live;
    return nn_mat_init(&n->x, live->cfg.dtype, 1, N_IN);
}

int digits_net_open_with(struct digits_net *n, const struct dataset *ds,
                         const struct digits_net_config *cfg)
{
    memset(n, 0, sizeof *n);
    return start(n, ds, cfg);
}

void digits_net_fini(struct digits_net *n)
{
    if (n->have_own)
        train_session_fini(&n->own);
    if (n->have_data)
        dataset_fini(&n->ds);
    nn_mat_fini(&n->x);
    memset(n, 0, sizeof *n);
}

int digits_net_ready(const struct digits_net *n)
{
    if (n->live)
        return 1;
    return n->have_own && (n->own.phase == TRAIN_DONE);
}

int digits_net_work(struct digits_net *n, double seconds)
{
    if (!n->have_own || digits_net_ready(n) || n->own.phase == TRAIN_DIVERGED)
        return 0;
    double t0 = now_seconds();
    enum train_event ev;
    do {
        int err = train_session_step(&n->own, &ev);
        if (err)
            return err;
    } while (ev != TRAIN_EV_DONE && ev != TRAIN_EV_DIVERGED &&
             n->own.phase != TRAIN_DONE && now_seconds() - t0 < seconds);
    return 1;
}

int digits_net_train(struct digits_net *n)
{
    int rc;
    while ((rc = digits_net_work(n, 1.0)) > 0)
        ;
    if (rc == 0 && n->have_own && n->own.phase == TRAIN_DIVERGED) {
        snprintf(n->error, sizeof n->error, "%s", n->own.why);
        return NN_ENONFINITE;
    }
    return rc;
}

double digits_net_progress(const struct digits_net *n)
{
    if (n->live)
        return 1;
    if (!n->have_own)
        return 0;
    long total = train_session_total_iters(&n->own);
    return total > 0 ? (double)n->own.iter / (double)total : 0;
}

const struct train_session *digits_net_session(const struct digits_net *n)
{
    return n->live ? n->live : n->have_own ? &n->own : NULL;
}

struct nn_mlp *digits_net_mlp(struct digits_net *n)
{
    return n->live ? &n->live->mlp : n->have_own ? &n->own.mlp : NULL;
}

const struct dataset *digits_net_data(const struct digits_net *n)
{
    const struct train_session *s = digits_net_session(n);
    return s ? s->ds : NULL;
}

void digits_net_describe(const struct digits_net *n, const char *lang,
                         char *buf, size_t len)
{
    const struct train_session *s = digits_net_session(n);
    int ko = lang && strcmp(lang, "ko") == 0;
    if (!s) {
        snprintf(buf, len, "%s", n->error);
        return;
    }
    char shape[128];
    train_config_shape(&s->cfg, shape, sizeof shape);
    if (!train_session_trained(s)) {
        /* A borrowed session before its first epoch ends. */
        snprintf(buf, len,
                 ko ? "%s %s, %s: 첫 에포크 학습 중"
                    : "%s %s, %s: learning its first epoch",
                 shape, nn_act_name(s->cfg.act.kind),
                 nn_optim_name(s->cfg.opt.kind));
        return;
    }
    double acc = train_session_test_acc(s);
    if (s->epoch == 0) {
        /* a loaded network, not trained here */
        snprintf(buf, len,
                 ko ? "%s %s, 불러온 신경망: 테스트 정확도 %.4f"
                    : "%s %s, loaded network: test accuracy %.4f",
                 shape, nn_act_name(s->cfg.act.kind), acc);
        return;
    }
    if (ko)
        snprintf(buf, len, "%s %s, %s, %ld 에포크 학습: 테스트 정확도 %.4f",
                 shape, nn_act_name(s->cfg.act.kind),
                 nn_optim_name(s->cfg.opt.kind), s->epoch, acc);
    else
        snprintf(buf, len, "%s %s, %s, %ld epoch%s: test accuracy %.4f", shape,
                 nn_act_name(s->cfg.act.kind), nn_optim_name(s->cfg.opt.kind),
                 s->epoch, s->epoch == 1 ? "" : "s", acc);
}
