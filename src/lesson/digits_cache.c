/* The MNIST widgets' cache of data and trained networks (see
 * digits_cache.h). */
#include "lesson/digits_cache.h"

#include <stdio.h>
#include <string.h>

#include "core/error.h"

void digits_cache_init(struct digits_cache *c)
{
    memset(c, 0, sizeof *c);
}

static void net_fini(struct digits_cache_net *n)
{
    digits_eval_fini(&n->eval);
    digits_net_fini(&n->net);
    n->used = 0;
}

void digits_cache_fini(struct digits_cache *c)
{
    for (size_t i = 0; i < DIGITS_CACHE_NETS; i++)
        net_fini(&c->nets[i]);
    if (c->have_ds)
        dataset_fini(&c->ds);
    memset(c, 0, sizeof *c);
}

const struct dataset *digits_cache_data(struct digits_cache *c, int *err,
                                        char *why, size_t len)
{
    int rc = 0;
    if (!c->have_ds) {
        struct dataset_search s;
        dataset_search_from_env(&s, DATASET_MNIST, NULL);
        rc = dataset_load(&c->ds, &s, why, len);
        c->have_ds = rc == 0;
    }
    if (err)
        *err = rc;
    return c->have_ds ? &c->ds : NULL;
}

static int same(const struct digits_cache_net *n,
                const struct digits_net_config *cfg)
{
    return n->used && strcmp(n->preset, cfg->preset) == 0 &&
           n->epochs == cfg->epochs && n->train_size == cfg->train_size &&
           n->seed == cfg->seed;
}

/* Train a network of cfg on ds into n (empty on entry), and read the test
 * set with it. */
static int train(struct digits_cache_net *n, const struct dataset *ds,
                 const struct digits_net_config *cfg, char *why, size_t len)
{
    int err = digits_net_open_with(&n->net, ds, cfg);
    if (!err)
        err = digits_net_train(&n->net);
    if (!err)
        err = digits_eval_run(&n->eval, digits_net_mlp(&n->net),
                              &ds->test_images, &ds->test_labels, 0);
    if (err) {
        snprintf(why, len, "%s",
                 n->net.error[0] ? n->net.error : nn_strerror(err));
        net_fini(n);
        return err;
    }
    snprintf(n->preset, sizeof n->preset, "%s", cfg->preset);
    n->epochs = cfg->epochs;
    n->train_size = cfg->train_size;
    n->seed = cfg->seed;
    n->used = 1;
    return 0;
}

int digits_cache_net(struct digits_cache *c,
                     const struct digits_net_config *cfg,
                     struct digits_cache_net **out, char *why, size_t len)
{
    struct digits_cache_net *n = NULL;
    for (size_t i = 0; i < DIGITS_CACHE_NETS; i++) {
        if (same(&c->nets[i], cfg)) {
            *out = &c->nets[i];
            return 0;
        }
        if (!n && !c->nets[i].used)
            n = &c->nets[i];
    }
    if (strlen(cfg->preset) >= sizeof c->nets[0].preset) {
        snprintf(why, len, "no network preset '%s'", cfg->preset);
        return NN_EINVAL;
    }
    int err;
    const struct dataset *ds = digits_cache_data(c, &err, why, len);
    if (!ds)
        return err;
    if (!n) {
        /* Every entry holds a network: the oldest goes. */
        n = &c->nets[c->next];
        c->next = (c->next + 1) % DIGITS_CACHE_NETS;
        net_fini(n);
    }
    err = train(n, ds, cfg, why, len);
    if (!err)
        *out = n;
    return err;
}
