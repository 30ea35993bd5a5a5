/*
 * nnlab --batch train: train a network on MNIST (or Fashion-MNIST) and
 * log how it goes, as text for people or as CSV / JSON lines for plotting
 * elsewhere (the formats are documented in nnlab(1) and kept stable).
 *
 * The loop is the training session's (lesson/train.h), the same one the
 * TUI runs in slices: here it simply runs until the session is done or
 * diverged. Divergence prints the session's explanation and exits 1.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/emit.h"
#include "core/error.h"
#include "data/data_err.h"
#include "data/dataset.h"
#include "data/model.h"
#include "lesson/train.h"
#include "render/glyphs.h"
#include "render/grid.h"
#include "render/plot.h"

enum log_format { LOG_TEXT, LOG_CSV, LOG_JSONL };

struct train_opts {
    struct train_config cfg;
    const char *preset;
    const char *data_dir;
    int dataset;
    enum log_format log;
    long every;       /* log every Nth iteration; 0: epochs only */
    const char *save; /* --save FILE */
    int lr_given;
};

static void list_presets(FILE *f)
{
    size_t n;
    const struct train_preset *p = train_presets(&n);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "  %-13s %s\n", p[i].name, p[i].summary);
}

/* --hidden 50 or 128,64: at most TRAIN_MAX_HIDDEN sizes. The sizes are
 * checked against the limits later, with the rest of the configuration. */
static int parse_hidden(struct args *a, struct train_config *c)
{
    const char *v = args_value(a);
    if (!v)
        return -1;
    char buf[256];
    if (strlen(v) >= sizeof buf || !*v) {
        fprintf(a->err, "nnlab: --hidden: '%s' is not a list of sizes\n", v);
        return -1;
    }
    strcpy(buf, v);
    size_t n = 0;
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        long units;
        if (n == TRAIN_MAX_HIDDEN) {
            fprintf(a->err, "nnlab: --hidden: more than %d layers in '%s'\n",
                    TRAIN_MAX_HIDDEN, v);
            return -1;
        }
        if (parse_long(a->err, "--hidden", tok, 1, 1000000000000L, &units))
            return -1;
        c->hidden[n++] = (size_t)units;
    }
    if (n == 0) {
        fprintf(a->err, "nnlab: --hidden: '%s' is not a list of sizes\n", v);
        return -1;
    }
    c->n_hidden = n;
    return 0;
}

/* A name from a table: the index, or -1 after a message listing the
 * choices. */
static int parse_name(struct args *a, int (*parse)(const char *),
                      const char *choices)
{
    const char *v = args_value(a);
    if (!v)
        return -1;
    int k = parse(v);
    if (k < 0)
        fprintf(a->err, "nnlab: %s: '%s' is not %s\n", a->name, v, choices);
    return k;
}

static int act_parse(const char *name)
{
    struct nn_act act;
    return nn_act_parse(name, &act) == 0 ? (int)act.kind : -1;
}

static int log_parse(const char *name)
{
    static const char *const names[] = {"text", "csv", "jsonl"};
    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

static int get_long(struct args *a, long lo, long hi, long *out)
{
    const char *v = args_value(a);
    return v ? args_long(a, v, lo, hi, out) : -1;
}

static int get_double(struct args *a, double lo, double hi, double *out)
{
    const char *v = args_value(a);
    return v ? args_double(a, v, lo, hi, out) : -1;
}

/* One option into t. Returns 0, or -1 after a message. */
static int parse_option(struct args *a, struct train_opts *t)
{
    struct train_config *c = &t->cfg;
    long n;
    double d;
    int k;
    if (args_is(a, "--preset")) {
        if (!(t->preset = args_value(a)))
            return -1;
    } else if (args_is(a, "--hidden")) {
        return parse_hidden(a, c);
    } else if (args_is(a, "--act")) {
        if ((k = parse_name(a, act_parse,
                            "sigmoid, tanh, relu, leaky_relu or identity")) < 0)
            return -1;
        c->act = nn_act_make((enum nn_act_kind)k);
    } else if (args_is(a, "--opt")) {
        if ((k = parse_name(a, nn_optim_parse,
                            "sgd, momentum, adagrad, rmsprop or adam")) < 0)
            return -1;
        double lr = c->opt.lr;
        c->opt = nn_optim_defaults((enum nn_optim_kind)k);
        if (t->lr_given)
            c->opt.lr = lr;
    } else if (args_is(a, "--lr")) {
        /* Any number parses here, so that NaN, 0 and negative rates get
         * the configuration check's explanation. */
        const char *v = args_value(a);
        if (!v || args_number(a, v, &d) != 0)
            return -1;
        c->opt.lr = d;
        t->lr_given = 1;
    } else if (args_is(a, "--batch-size")) {
        if (get_long(a, 1, TRAIN_MAX_BATCH, &n))
            return -1;
        c->batch_size = (size_t)n;
    } else if (args_is(a, "--epochs")) {
        if (get_long(a, 1, TRAIN_MAX_EPOCHS, &n))
            return -1;
        c->epochs = n;
    } else if (args_is(a, "--train-size")) {
        if (get_long(a, 1, 100000000L, &n))
            return -1;
        c->train_size = (size_t)n;
    } else if (args_is(a, "--dtype")) {
        if ((k = parse_name(a, nn_dtype_parse, "f32 or f64")) < 0)
            return -1;
        c->dtype = (enum nn_dtype)k;
    } else if (args_is(a, "--seed")) {
        if (get_long(a, 0, 2147483647L, &n))
            return -1;
        c->seed = (uint64_t)n;
    } else if (args_is(a, "--init")) {
        if ((k = parse_name(a, nn_init_parse, "normal, xavier or he")) < 0)
            return -1;
        c->init = (enum nn_init_kind)k;
    } else if (args_is(a, "--init-std")) {
        if (get_double(a, 0, 100, &d))
            return -1;
        c->init_std = d;
        c->init = NN_INIT_NORMAL;
    } else if (args_is(a, "--threads")) {
        if (get_long(a, 1, NN_POOL_MAX_THREADS, &n))
            return -1;
        c->threads = (int)n;
    } else if (args_is(a, "--data")) {
        if (!(t->data_dir = args_value(a)))
            return -1;
    } else if (args_is(a, "--dataset")) {
        if ((t->dataset =
                 parse_name(a, dataset_kind_parse, "mnist or fashion")) < 0)
            return -1;
    } else if (args_is(a, "--log")) {
        if ((k = parse_name(a, log_parse, "text, csv or jsonl")) < 0)
            return -1;
        t->log = (enum log_format)k;
    } else if (args_is(a, "--every")) {
        if (get_long(a, 0, 100000000L, &t->every))
            return -1;
    } else if (args_is(a, "--save")) {
        if (!(t->save = args_value(a)))
            return -1;
    } else {
        return args_unknown(a, "train");
    }
    return 0;
}

static int default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > NN_POOL_MAX_THREADS ? NN_POOL_MAX_THREADS : (int)n;
}

/* Parse twice: once to find --preset (and every error), then again over
 * the preset's configuration, so that "--lr 0.01 --preset X" and
 * "--preset X --lr 0.01" mean the same. */
static int parse_all(const struct options *o, struct train_opts *t, FILE *err)
{
    for (int pass = 0; pass < 2; pass++) {
        const char *preset = t->preset;
        memset(t, 0, sizeof *t);
        train_config_default(&t->cfg);
        t->cfg.threads = default_threads();
        if (pass == 1) {
            const struct train_preset *p = train_preset_find(preset);
            t->cfg = p->cfg;
            t->cfg.threads = default_threads();
            t->preset = preset;
        }
        struct args a;
        args_init(&a, o->topic_argc, o->topic_argv, err);
        int k;
        while ((k = args_next(&a)) != 0) {
            if (k == 2) {
                fprintf(err, "nnlab: train: unexpected argument '%s'\n",
                        a.name);
                return -1;
            }
            if (parse_option(&a, t))
                return -1;
        }
        if (pass == 0 && !t->preset)
            return 0;
        if (pass == 0 && !train_preset_find(t->preset)) {
            fprintf(err,
                    "nnlab: --preset: unknown preset '%s'; the presets "
                    "are:\n",
                    t->preset);
            list_presets(err);
            return -1;
        }
    }
    return 0;
}

static void print_config(FILE *out, const struct train_opts *t,
                         const struct train_session *s)
{
    const struct train_config *c = &s->cfg;
    char shape[160];
    train_config_shape(c, shape, sizeof shape);
    if (t->log == LOG_TEXT) {
        fprintf(out, "network   %s, %s hidden, softmax output%s%s\n", shape,
                nn_act_name(c->act.kind), t->preset ? ", preset " : "",
                t->preset ? t->preset : "");
        fprintf(out, "data      %s: %zu training images, %zu test images\n",
                dataset_kind_title(s->ds->kind), s->n_train,
                s->ds->test_images.count);
        fprintf(out,
                "training  %s, learning rate %g, batch size %zu, %ld "
                "epochs of %zu iterations\n",
                nn_optim_name(c->opt.kind), c->opt.lr, c->batch_size, c->epochs,
                s->iters_per_epoch);
        fprintf(out, "numbers   %s, seed %llu, %s init",
                nn_dtype_name(c->dtype), (unsigned long long)c->seed,
                nn_init_name(c->init));
        if (c->init == NN_INIT_NORMAL)
            fprintf(out, " (std %g)", c->init_std);
        fprintf(out, ", %d thread%s\n\n", c->threads,
                c->threads == 1 ? "" : "s");
        fprintf(out, "epoch  iterations     loss  train acc  test acc  "
                     "test loss   seconds  samples/s\n");
    } else if (t->log == LOG_CSV) {
        fprintf(out, "kind,epoch,iteration,loss,loss_avg,train_acc,test_acc,"
                     "test_loss,seconds,samples_per_s\n");
    } else {
        fprintf(out,
                "{\"type\":\"config\",\"network\":\"%s\",\"activation\":"
                "\"%s\",\"optimizer\":\"%s\",\"lr\":%.17g,\"batch_size\":%zu,"
                "\"epochs\":%ld,\"train_size\":%zu,\"test_size\":%zu,"
                "\"dataset\":\"%s\",\"dtype\":\"%s\",\"seed\":%llu,"
                "\"init\":\"%s\",\"init_std\":%.17g,\"threads\":%d,"
                "\"iterations_per_epoch\":%zu}\n",
                shape, nn_act_name(c->act.kind), nn_optim_name(c->opt.kind),
                c->opt.lr, c->batch_size, c->epochs, s->n_train,
                s->ds->test_images.count, dataset_kind_name(s->ds->kind),
                nn_dtype_name(c->dtype), (unsigned long long)c->seed,
                nn_init_name(c->init), c->init_std, c->threads,
                s->iters_per_epoch);
    }
}

static void print_iter(FILE *out, enum log_format log,
                       const struct train_session *s)
{
    long epoch = s->epoch + 1;
    if (log == LOG_TEXT)
        fprintf(out, "  epoch %ld iteration %ld  loss %.4f  average %.4f\n",
                epoch, s->iter, s->loss, s->loss_avg);
    else if (log == LOG_CSV)
        fprintf(out, "iter,%ld,%ld,%.9g,%.9g,,,,,\n", epoch, s->iter, s->loss,
                s->loss_avg);
    else
        fprintf(out,
                "{\"type\":\"iter\",\"epoch\":%ld,\"iteration\":%ld,"
                "\"loss\":%.9g,\"loss_avg\":%.9g}\n",
                epoch, s->iter, s->loss, s->loss_avg);
}

static void print_epoch(FILE *out, enum log_format log,
                        const struct train_session *s)
{
    const struct train_epoch *e = &s->history[s->epoch - 1];
    double avg = s->iter_avg[e->iterations - 1];
    if (log == LOG_TEXT)
        fprintf(out, "%5ld  %10ld  %7.4f  %9.4f  %8.4f  %9.4f  %8.3f  %9.0f\n",
                e->epoch, e->iterations, e->loss, e->train_acc, e->test_acc,
                e->test_loss, e->seconds, e->samples_per_s);
    else if (log == LOG_CSV)
        fprintf(out, "epoch,%ld,%ld,%.9g,%.9g,%.6f,%.6f,%.9g,%.6f,%.1f\n",
                e->epoch, e->iterations, e->loss, avg, e->train_acc,
                e->test_acc, e->test_loss, e->seconds, e->samples_per_s);
    else
        fprintf(out,
                "{\"type\":\"epoch\",\"epoch\":%ld,\"iteration\":%ld,"
                "\"loss\":%.9g,\"loss_avg\":%.9g,\"train_acc\":%.6f,"
                "\"test_acc\":%.6f,\"test_loss\":%.9g,\"seconds\":%.6f,"
                "\"samples_per_s\":%.1f}\n",
                e->epoch, e->iterations, e->loss, avg, e->train_acc,
                e->test_acc, e->test_loss, e->seconds, e->samples_per_s);
}

/* The loss of every iteration and its moving average, as an ASCII plot. */
static void print_curve(FILE *out, const struct train_session *s)
{
    size_t n = (size_t)s->iter;
    double *x = malloc(n * sizeof *x);
    struct rgrid g;
    if (!x || rgrid_init(&g, 78, 18) != 0) {
        free(x);
        return;
    }
    for (size_t i = 0; i < n; i++)
        x[i] = (double)(i + 1);
    struct rseries series[2] = {
        {.label = "loss per iteration", .x = x, .y = s->iter_loss, .n = (int)n},
        {.label = "moving average", .x = x, .y = s->iter_avg, .n = (int)n},
    };
    struct rplot p;
    rplot_init(&p);
    p.series = series;
    p.nseries = 2;
    p.ymin = 0;
    fprintf(out, "\nloss by iteration\n");
    if (rplot_draw(&g, 0, 0, g.w, g.h, &p, rglyphs_get(RGLYPH_ASCII), NULL) ==
        0)
        rgrid_write(&g, out);
    rgrid_fini(&g);
    free(x);
}

/* The last test evaluation: rows are the true class, columns the
 * predicted one, so the diagonal holds the right answers. */
static void print_confusion(FILE *out, const struct train_session *s)
{
    fprintf(out, "\nconfusion matrix of the test set (rows: label, "
                 "columns: prediction)\n      ");
    for (int p = 0; p < DATASET_CLASSES; p++)
        fprintf(out, "%6d", p);
    fputc('\n', out);
    for (int t = 0; t < DATASET_CLASSES; t++) {
        fprintf(out, "%6d", t);
        for (int p = 0; p < DATASET_CLASSES; p++)
            fprintf(out, "%6zu", s->confusion[t][p]);
        fputc('\n', out);
    }
}

static void print_summary(FILE *out, enum log_format log,
                          const struct train_session *s)
{
    const struct train_epoch *e = &s->history[s->epoch - 1];
    double per_epoch = s->seconds / (double)s->epoch;
    double rate = train_session_rate(s);
    if (log == LOG_TEXT) {
        fprintf(out,
                "\ntest accuracy %.4f after %ld epochs (%ld iterations); "
                "training took %.2f s, %.3f s an epoch, %.0f samples/s\n",
                e->test_acc, e->epoch, s->iter, s->seconds, per_epoch, rate);
        print_confusion(out, s);
        print_curve(out, s);
    } else if (log == LOG_JSONL) {
        fprintf(out,
                "{\"type\":\"summary\",\"epochs\":%ld,\"iterations\":%ld,"
                "\"test_acc\":%.6f,\"train_acc\":%.6f,\"seconds\":%.6f,"
                "\"seconds_per_epoch\":%.6f,\"samples_per_s\":%.1f}\n",
                e->epoch, s->iter, e->test_acc, e->train_acc, s->seconds,
                per_epoch, rate);
    }
}

static void print_diverged(FILE *out, FILE *err, enum log_format log,
                           const struct train_session *s)
{
    fprintf(err, "nnlab: %s\n", s->why);
    if (log == LOG_JSONL) {
        fprintf(out,
                "{\"type\":\"diverged\",\"epoch\":%ld,\"iteration\":%ld,"
                "\"message\":",
                s->epoch + 1, s->iter);
        emit_json_string(out, s->why);
        fputs("}\n", out);
    } else if (log == LOG_CSV) {
        fprintf(out, "diverged,%ld,%ld,,,,,,,\n", s->epoch + 1, s->iter);
    }
}

static int run(struct train_session *s, const struct train_opts *t, FILE *out,
               FILE *err)
{
    print_config(out, t, s);
    enum train_event ev;
    do {
        int e = train_session_step(s, &ev);
        if (e) {
            fprintf(err, "nnlab: train: %s\n", nn_strerror(e));
            return 1;
        }
        if (ev == TRAIN_EV_BATCH && t->every > 0 && s->iter % t->every == 0)
            print_iter(out, t->log, s);
        else if (ev == TRAIN_EV_EPOCH)
            print_epoch(out, t->log, s);
    } while (ev != TRAIN_EV_DONE && ev != TRAIN_EV_DIVERGED);
    if (ev == TRAIN_EV_DIVERGED) {
        print_diverged(out, err, t->log, s);
        return 1;
    }
    print_summary(out, t->log, s);
    fflush(out);
    if (t->save) {
        char msg[DATA_MSG_SIZE];
        if (model_save(t->save, &s->mlp, s->ds->kind, msg, sizeof msg)) {
            fprintf(err, "nnlab: --save: %s\n", msg);
            return 1;
        }
        if (t->log == LOG_TEXT)
            fprintf(out, "\nmodel saved to %s\n", t->save);
    }
    return 0;
}

int cmd_train(const struct options *o, FILE *out, FILE *err)
{
    struct train_opts t;
    t.preset = NULL;
    if (parse_all(o, &t, err))
        return 2;
    char msg[DATA_MSG_SIZE];
    /* Refuse a bad configuration before the dataset is even read. */
    if (train_config_check(&t.cfg, msg, sizeof msg)) {
        fprintf(err, "nnlab: train: %s\n", msg);
        return 2;
    }
    /* A run can take minutes: find out now if its model cannot be saved. */
    if (t.save && model_save_check(t.save, msg, sizeof msg)) {
        fprintf(err, "nnlab: --save: %s\n", msg);
        return 1;
    }
    struct dataset_search search;
    dataset_search_from_env(&search, (enum dataset_kind)t.dataset, t.data_dir);
    struct dataset ds;
    if (dataset_load(&ds, &search, msg, sizeof msg) != 0) {
        fprintf(err, "nnlab: %s\n", msg);
        return 1;
    }
    if (t.cfg.train_size > ds.train_images.count) {
        fprintf(err,
                "nnlab: --train-size: %zu, but the training set has "
                "%zu images\n",
                t.cfg.train_size, ds.train_images.count);
        dataset_fini(&ds);
        return 2;
    }
    struct train_session s;
    int status;
    if (train_session_init(&s, &t.cfg, &ds, msg, sizeof msg) != 0) {
        fprintf(err, "nnlab: train: %s\n", msg);
        status = 1;
    } else {
        status = run(&s, &t, out, err);
        train_session_fini(&s);
    }
    dataset_fini(&ds);
    return status;
}
