/* Lesson 6's widget kinds (see digits_widgets.h): the dataset, the cost
 * of numerical gradients, a look inside a trained network, and MNIST's
 * preprocessing of a drawn digit. */
#include "lesson/digits_widgets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/count_text.h"
#include "lesson/digits.h"
#include "lesson/digits_cache.h"
#include "lesson/digits_draw.h"
#include "lesson/digits_net.h"
#include "lesson/numgrad_cost.h"
#include "lesson/say.h"
#include "lesson/widget_args.h"

#define MAX_BATCHES 6

static int core_fail(int err, char *msg, size_t len)
{
    return widget_args_fail(msg, len, "%s", nn_strerror(err));
}

/* Seconds in the unit that reads best: "0.84 ms", "3.2 s", "2.1 hours". */
static void fmt_time(char *buf, size_t n, double s, int ko)
{
    if (s < 1e-3)
        snprintf(buf, n, "%.1f us", s * 1e6);
    else if (s < 1)
        snprintf(buf, n, "%.2f ms", s * 1e3);
    else if (s < 120)
        snprintf(buf, n, ko ? "%.1f초" : "%.1f s", s);
    else if (s < 7200)
        snprintf(buf, n, ko ? "%.0f분" : "%.0f minutes", s / 60);
    else if (s < 172800)
        snprintf(buf, n, ko ? "%.1f시간" : "%.1f hours", s / 3600);
    else
        snprintf(buf, n, ko ? "%.0f일" : "%.0f days", s / 86400);
}

/* The dataset is missing or unreadable: the message (it names the
 * command that fetches MNIST) in place of the figure. */
static int no_data(struct rgrid *g, const char *why)
{
    return rgrid_wrap(g, 0, 0, g->w, 8, why, RS_BAD);
}

/* The front end's cache, or `own` (set up here) for this drawing only:
 * give it back with cache_done. */
static struct digits_cache *cache_get(const struct widget_ctx *ctx,
                                      struct digits_cache *own)
{
    if (ctx->digits)
        return ctx->digits;
    digits_cache_init(own);
    return own;
}

static void cache_done(struct digits_cache *c, struct digits_cache *own)
{
    if (c == own)
        digits_cache_fini(own);
}

/* ---- @mnist-data ---- */

enum { DATA_FACTS = 1, DATA_CLASSES = 2, DATA_SAMPLES = 4, DATA_BATCHES = 8 };

struct data_args {
    unsigned show;
    long count;
    size_t batch[MAX_BATCHES];
    int n_batch;
};

static int data_read(const struct lesson_widget *w, struct data_args *d,
                     char *msg, size_t len)
{
    static const char *const parts[] = {"facts", "classes", "samples",
                                        "batches", NULL};
    *d = (struct data_args){DATA_FACTS, 8, {100}, 1};
    if (widget_args_show(w, parts, &d->show, msg, len) != 0 ||
        widget_args_long(w, "count", 1, 16, &d->count, msg, len) != 0)
        return -1;
    const char *v = lesson_widget_param(w, "batch");
    if (v) {
        d->n_batch = 0;
        for (const char *s = v; *s;) {
            char *end;
            long b = strtol(s, &end, 10);
            if (end == s || (*end && *end != ',') || b < 1 || b > 60000 ||
                d->n_batch == MAX_BATCHES)
                return widget_args_fail(msg, len,
                                        "batch: '%s' is not a list of up to "
                                        "%d sizes from 1 to 60000",
                                        v, MAX_BATCHES);
            d->batch[d->n_batch++] = (size_t)b;
            s = *end ? end + 1 : end;
        }
    }
    return 0;
}

static int data_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct data_args d;
    return data_read(w, &d, msg, len);
}

static int data_render(const struct lesson_widget *w,
                       const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                       size_t len)
{
    struct data_args d;
    if (data_read(w, &d, msg, len) != 0)
        return -1;
    int ko = say_is_ko(ctx->lang);
    struct digits_cache own, *cache = cache_get(ctx, &own);
    char why[DATA_MSG_SIZE], line[256], a[32], b[32];
    const struct dataset *ds = digits_cache_data(cache, NULL, why, sizeof why);
    if (!ds) {
        cache_done(cache, &own);
        return no_data(g, why);
    }
    const struct idx_images *tr = &ds->train_images, *te = &ds->test_images;
    int row = 0;
    if (d.show & DATA_FACTS) {
        count_text_format(a, sizeof a, tr->count);
        count_text_format(b, sizeof b, te->count);
        snprintf(line, sizeof line,
                 ko ? "훈련 이미지 %s장, 테스트 이미지 %s장"
                    : "training images: %s   test images: %s",
                 a, b);
        rgrid_print(g, 0, row++, line, RS_NORMAL);
        /* Pixel range and ink, counted over every training image. */
        size_t n = tr->count * idx_images_pixels(tr), ink = 0;
        unsigned lo = 255, hi = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned v = tr->pixels[i];
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            ink += v > 0;
        }
        snprintf(line, sizeof line,
                 ko ? "이미지 %zu x %zu = 픽셀 %zu개, 값 %u..%u"
                    : "each image %zu x %zu = %zu pixels, values %u..%u",
                 tr->rows, tr->cols, idx_images_pixels(tr), lo, hi);
        rgrid_print(g, 0, row++, line, RS_NORMAL);
        snprintf(line, sizeof line,
                 ko ? "잉크가 있는 픽셀: 평균 %.1f%% (나머지는 0인 배경)"
                    : "pixels with ink: %.1f%% on average (the rest is 0, "
                      "background)",
                 100.0 * (double)ink / (double)(n ? n : 1));
        rgrid_print(g, 0, row++, line, RS_NORMAL);
    }
    if (d.show & DATA_CLASSES) {
        size_t ctr[DATASET_CLASSES] = {0}, cte[DATASET_CLASSES] = {0};
        for (size_t i = 0; i < ds->train_labels.count; i++)
            ctr[ds->train_labels.labels[i]]++;
        for (size_t i = 0; i < ds->test_labels.count; i++)
            cte[ds->test_labels.labels[i]]++;
        row += row > 0;
        int k = snprintf(line, sizeof line, "%-7s", WORD(ko, "digit", "숫자"));
        for (int c = 0; c < DATASET_CLASSES; c++)
            k += snprintf(line + k, sizeof line - (size_t)k, "%6d", c);
        rgrid_print(g, 0, row++, line, RS_BOLD);
        for (int split = 0; split < 2; split++) {
            const size_t *cnt = split ? cte : ctr;
            k = snprintf(line, sizeof line, "%-7s",
                         split ? WORD(ko, "test", "테스트")
                               : WORD(ko, "train", "훈련"));
            for (int c = 0; c < DATASET_CLASSES; c++)
                k +=
                    snprintf(line + k, sizeof line - (size_t)k, "%6zu", cnt[c]);
            rgrid_print(g, 0, row++, line, RS_NORMAL);
        }
    }
    if (d.show & DATA_SAMPLES) {
        row += row > 0;
        int per = g->w / 16 > 0 ? g->w / 16 : 1;
        for (long i = 0; i < d.count && (size_t)i < te->count; i++) {
            int x = 16 * (int)(i % per);
            int y = row + (DIGITS_SMALL_H + 1) * (int)(i / per);
            digits_draw_small_bytes(g, x, y,
                                    te->pixels + (size_t)i * DIGITS_PIXELS,
                                    ctx->glyphs, RS_NORMAL);
            snprintf(line, sizeof line, ko ? "정답 %u" : "label %u",
                     ds->test_labels.labels[i]);
            rgrid_print(g, x, y + DIGITS_SMALL_H, line, RS_DIM);
        }
        row += (DIGITS_SMALL_H + 1) * (int)((d.count + per - 1) / per);
    }
    if (d.show & DATA_BATCHES) {
        row += row > 0;
        count_text_format(a, sizeof a, tr->count);
        for (int i = 0; i < d.n_batch; i++) {
            size_t it = (tr->count + d.batch[i] - 1) / d.batch[i];
            count_text_format(b, sizeof b, it);
            snprintf(line, sizeof line,
                     ko ? "배치 %zu: 에포크 하나 = %s / %zu = 이터레이션 %s번"
                        : "batch size %zu: one epoch = %s / %zu = %s "
                          "iterations",
                     d.batch[i], a, d.batch[i], b);
            if (tr->count % d.batch[i])
                snprintf(line + strlen(line), sizeof line - strlen(line),
                         ko ? " (마지막은 작은 배치)"
                            : " (the last one smaller)");
            rgrid_print(g, 0, row++, line, RS_NORMAL);
        }
    }
    cache_done(cache, &own);
    return row;
}

/* ---- @numgrad-cost ---- */

static int cost_read(const struct lesson_widget *w,
                     struct numgrad_cost_config *c, char *msg, size_t len)
{
    numgrad_cost_config_default(c);
    long hidden = (long)c->hidden, batch = (long)c->batch,
         weights = (long)c->n_weights, seed = (long)c->seed;
    if (widget_args_long(w, "hidden", 1, NUMGRAD_COST_MAX_HIDDEN, &hidden, msg,
                         len) != 0 ||
        widget_args_long(w, "batch", 1, NUMGRAD_COST_MAX_BATCH, &batch, msg,
                         len) != 0 ||
        widget_args_long(w, "weights", 1, NUMGRAD_COST_MAX_WEIGHTS, &weights,
                         msg, len) != 0 ||
        widget_args_long(w, "seed", 0, 2147483647L, &seed, msg, len) != 0)
        return -1;
    c->hidden = (size_t)hidden;
    c->batch = (size_t)batch;
    c->n_weights = (size_t)weights;
    c->seed = (uint64_t)seed;
    return 0;
}

static int cost_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct numgrad_cost_config c;
    return cost_read(w, &c, msg, len);
}

/* The study notes' from-scratch run: 10,000 mini-batch updates. */
#define NOTES_ITERATIONS 10000

static int cost_render(const struct lesson_widget *w,
                       const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                       size_t len)
{
    struct numgrad_cost_config cfg;
    if (cost_read(w, &cfg, msg, len) != 0)
        return -1;
    int ko = say_is_ko(ctx->lang);
    struct digits_cache own, *cache = cache_get(ctx, &own);
    char why[DATA_MSG_SIZE];
    struct numgrad_cost c;
    int err = numgrad_cost_run(&c, &cfg,
                               digits_cache_data(cache, NULL, why, sizeof why));
    cache_done(cache, &own);
    if (err)
        return core_fail(err, msg, len);
    char line[256], a[40], b[40], t1[40], t2[40];
    int row = 0;
    count_text_format(a, sizeof a, c.mlp.n_params);
    snprintf(line, sizeof line,
             ko ? "784-%zu-10 시그모이드, f64, 매개변수 %s개; 미니배치 %zu개 "
                  "(%s)의 교차 엔트로피 = %.6f"
                : "784-%zu-10 sigmoid, f64, %s parameters; cross-entropy "
                  "of %zu %s = %.6f",
             cfg.hidden, a, cfg.batch,
             c.real_data ? WORD(ko, "MNIST images", "MNIST 이미지")
                         : WORD(ko, "random images", "무작위 이미지"),
             c.loss);
    row += rgrid_wrap(g, 0, row, g->w, 3, line, RS_NORMAL);
    row++;
    snprintf(line, sizeof line, "%-11s | %-15s | %-15s | %s",
             WORD(ko, "weight", "가중치"), WORD(ko, "backprop", "역전파"),
             WORD(ko, "numerical", "수치 미분"),
             WORD(ko, "rel. diff.", "상대 차이"));
    rgrid_print(g, 0, row++, line, RS_BOLD);
    for (size_t k = 0; k < cfg.n_weights; k++) {
        char name[32];
        numgrad_cost_name(&c, k, name, sizeof name);
        double d = fabs(c.numeric[k] - c.backprop[k]) /
                   fmax(fmax(fabs(c.numeric[k]), fabs(c.backprop[k])), 1e-300);
        snprintf(line, sizeof line, "%-11s | %15.8e | %15.8e | %.1e", name,
                 c.backprop[k], c.numeric[k], d);
        rgrid_print(g, 0, row++, line, RS_NORMAL);
    }
    row++;
    fmt_time(t1, sizeof t1, c.t_backprop, ko);
    snprintf(line, sizeof line,
             ko ? "역전파: 순전파 1번 + 역전파 1번 = %s, 기울기 %s개 전부 "
                  "(%d번 잰 평균)"
                : "backprop: 1 forward + 1 backward pass = %s for all %s "
                  "gradients (mean of %d runs)",
             t1, a, c.backprop_runs);
    row += rgrid_wrap(g, 0, row, g->w, 2, line, RS_GOOD);
    fmt_time(t1, sizeof t1, c.t_numeric, ko);
    fmt_time(t2, sizeof t2, c.t_numeric / (double)cfg.n_weights, ko);
    snprintf(line, sizeof line,
             ko ? "수치 미분: 순전파 %ld번 = %s, 가중치 %zu개 (하나에 %s)"
                : "numerical: %ld forward passes = %s for %zu weights (%s "
                  "each)",
             c.passes, t1, cfg.n_weights, t2);
    row += rgrid_wrap(g, 0, row, g->w, 2, line, RS_NORMAL);
    count_text_format(b, sizeof b, 2 * c.mlp.n_params);
    fmt_time(t1, sizeof t1, c.t_numeric_all, ko);
    snprintf(line, sizeof line,
             ko ? "수치 미분으로 %s개 전부: 순전파 %s번, 약 %s, 역전파의 약 "
                  "%.0f배"
                : "numerical, all %s: %s forward passes, about %s, %.0f "
                  "times backprop",
             a, b, t1, c.t_numeric_all / c.t_backprop);
    row += rgrid_wrap(g, 0, row, g->w, 2, line, RS_BAD);
    count_text_format(a, sizeof a, NOTES_ITERATIONS);
    fmt_time(t1, sizeof t1, c.t_numeric_all * NOTES_ITERATIONS, ko);
    fmt_time(t2, sizeof t2, c.t_backprop * NOTES_ITERATIONS, ko);
    snprintf(line, sizeof line,
             ko ? "노트의 %s번 반복: 수치 미분으로 약 %s, 역전파로 약 %s"
                : "the notes' %s iterations: about %s by numerical "
                  "gradients, %s by backprop",
             a, t1, t2);
    row += rgrid_wrap(g, 0, row, g->w, 2, line, RS_BOLD);
    numgrad_cost_fini(&c);
    return row;
}

/* ---- @mnist-inside ---- */

enum {
    IN_EPOCHS = 1,
    IN_DIGITS = 2,
    IN_CONFUSION = 4,
    IN_WEIGHTS = 8,
};

struct inside_args {
    struct digits_net_config net;
    unsigned show;
    long count;
    size_t units[4];
    int n_units;
};

static int inside_read(const struct lesson_widget *w, struct inside_args *d,
                       char *msg, size_t len)
{
    static const char *const parts[] = {"epochs", "digits", "confusion",
                                        "weights", NULL};
    memset(d, 0, sizeof *d);
    d->net = (struct digits_net_config){"sigmoid-adam", 2, 20000, 1};
    d->show = IN_EPOCHS | IN_CONFUSION;
    d->count = 8;
    d->units[0] = 1;
    d->units[1] = 2;
    d->n_units = 2;
    const char *v = lesson_widget_param(w, "preset");
    if (v) {
        if (!train_preset_find(v))
            return widget_args_fail(msg, len,
                                    "preset: '%s' is not sigmoid-adam, "
                                    "relu-rmsprop or sigmoid-sgd",
                                    v);
        d->net.preset = v;
    }
    long epochs = d->net.epochs, size = (long)d->net.train_size,
         seed = (long)d->net.seed;
    if (widget_args_show(w, parts, &d->show, msg, len) != 0 ||
        widget_args_long(w, "epochs", 1, 3, &epochs, msg, len) != 0 ||
        widget_args_long(w, "train-size", 100, 60000, &size, msg, len) != 0 ||
        widget_args_long(w, "seed", 0, 2147483647L, &seed, msg, len) != 0 ||
        widget_args_long(w, "count", 1, 16, &d->count, msg, len) != 0)
        return -1;
    d->net.epochs = epochs;
    d->net.train_size = (size_t)size;
    d->net.seed = (uint64_t)seed;
    v = lesson_widget_param(w, "units");
    if (v) {
        d->n_units = 0;
        for (const char *s = v; *s;) {
            char *end;
            long u = strtol(s, &end, 10);
            if (end == s || (*end && *end != ',') || u < 1 || u > 4096 ||
                d->n_units == 4)
                return widget_args_fail(msg, len,
                                        "units: '%s' is not a list of up to "
                                        "4 hidden units (1-based)",
                                        v);
            d->units[d->n_units++] = (size_t)u;
            s = *end ? end + 1 : end;
        }
    }
    v = lesson_widget_param(w, "view");
    if (v && strcmp(v, "answers") && strcmp(v, "mistakes") &&
        strcmp(v, "confusion") && strcmp(v, "weights"))
        return widget_args_fail(msg, len,
                                "view: '%s' is not answers, mistakes, "
                                "confusion or weights",
                                v);
    return 0;
}

static int inside_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct inside_args d;
    return inside_read(w, &d, msg, len);
}

static int draw_epochs(struct rgrid *g, int row, const struct train_session *s,
                       int ko)
{
    char line[160], shape[64], a[32];
    train_config_shape(&s->cfg, shape, sizeof shape);
    count_text_format(a, sizeof a, s->n_train);
    snprintf(line, sizeof line,
             ko ? "%s %s, %s lr %g, 배치 %zu, 훈련 이미지 %s장, seed %llu"
                : "%s %s, %s lr %g, batch %zu, %s training images, seed %llu",
             shape, nn_act_name(s->cfg.act.kind),
             nn_optim_name(s->cfg.opt.kind), s->cfg.opt.lr, s->cfg.batch_size,
             a, (unsigned long long)s->cfg.seed);
    rgrid_print(g, 0, row++, line, RS_NORMAL);
    snprintf(line, sizeof line, "%-6s %10s %8s %10s %9s",
             WORD(ko, "epoch", "에포크"), WORD(ko, "iterations", "이터레이션"),
             WORD(ko, "loss", "손실"), WORD(ko, "train acc", "훈련 정확도"),
             WORD(ko, "test acc", "테스트"));
    rgrid_print(g, 0, row++, line, RS_BOLD);
    for (long e = 0; e < s->epoch; e++) {
        const struct train_epoch *h = &s->history[e];
        snprintf(line, sizeof line, "%-6ld %10ld %8.4f %10.4f %9.4f", h->epoch,
                 h->iterations, h->loss, h->train_acc, h->test_acc);
        rgrid_print(g, 0, row++, line, RS_NORMAL);
    }
    return row;
}

static int draw_confusion(struct rgrid *g, int row, const struct digits_eval *e,
                          int ko)
{
    char line[160];
    rgrid_print(g, 0, row++,
                WORD(ko, "rows: true digit, columns: the network's answer",
                     "행: 정답, 열: 신경망의 답"),
                RS_DIM);
    int k = snprintf(line, sizeof line, "   ");
    for (int p = 0; p < DATASET_CLASSES; p++)
        k += snprintf(line + k, sizeof line - (size_t)k, "%6d", p);
    rgrid_print(g, 0, row++, line, RS_BOLD);
    size_t worst = 0, wt = 0, wp = 0;
    for (int t = 0; t < DATASET_CLASSES; t++) {
        snprintf(line, sizeof line, "%2d", t);
        rgrid_print(g, 0, row, line, RS_BOLD);
        for (int p = 0; p < DATASET_CLASSES; p++) {
            size_t v = e->confusion[t][p];
            snprintf(line, sizeof line, "%6zu", v);
            rgrid_print(g, 3 + 6 * p, row, line,
                        t == p ? RS_GOOD
                        : v    ? RS_NORMAL
                               : RS_DIM);
            if (t != p && v > worst) {
                worst = v;
                wt = (size_t)t;
                wp = (size_t)p;
            }
        }
        row++;
    }
    size_t right = e->n - e->n_wrong;
    snprintf(line, sizeof line,
             ko ? "대각선 합 %zu / %zu = %.4f; 가장 잦은 실수: %zu을(를) "
                  "%zu(으)로, %zu번"
                : "diagonal: %zu of %zu = %.4f; most frequent mistake: %zu "
                  "read as %zu, %zu times",
             right, e->n, (double)right / (double)(e->n ? e->n : 1), wt, wp,
             worst);
    row += rgrid_wrap(g, 0, row, g->w, 2, line, RS_NORMAL);
    return row;
}

static int draw_digits(struct rgrid *g, int row, const struct digits_eval *e,
                       const struct dataset *ds, long count,
                       const struct rglyphs *gs, int ko)
{
    char line[48];
    int per = g->w / 16 > 0 ? g->w / 16 : 1;
    for (long i = 0; i < count && (size_t)i < e->n; i++) {
        int x = 16 * (int)(i % per);
        int y = row + (DIGITS_SMALL_H + 1) * (int)(i / per);
        digits_draw_small_bytes(
            g, x, y, ds->test_images.pixels + (size_t)i * DIGITS_PIXELS, gs,
            RS_NORMAL);
        unsigned truth = ds->test_labels.labels[i], pred = e->pred[i];
        if (truth == pred)
            snprintf(line, sizeof line, "%u  %.3f", pred,
                     (double)e->probs[(size_t)i * DATASET_CLASSES + pred]);
        else
            snprintf(line, sizeof line, ko ? "%u? 정답 %u" : "%u? was %u", pred,
                     truth);
        rgrid_print(g, x, y + DIGITS_SMALL_H, line,
                    truth == pred ? RS_GOOD : RS_BAD);
    }
    return row + (DIGITS_SMALL_H + 1) * (int)((count + per - 1) / per);
}

static int draw_weight_maps(struct rgrid *g, int row, struct nn_mlp *m,
                            const struct inside_args *d,
                            const struct rglyphs *gs, int ko)
{
    char line[64];
    double map[DIGITS_PIXELS], big;
    int per = (g->w + 2) / 30 > 0 ? (g->w + 2) / 30 : 1;
    int shown = 0;
    for (int i = 0; i < d->n_units; i++) {
        if (digits_weight_map(m, d->units[i] - 1, map, &big) != 0)
            continue; /* a unit the network does not have */
        int x = 30 * (shown % per);
        int y = row + (DIGITS_DRAW_H + 1) * (shown / per);
        snprintf(line, sizeof line,
                 ko ? "은닉 뉴런 %zu, |w| <= %.3f"
                    : "hidden unit %zu, "
                      "|w| <= %.3f",
                 d->units[i], big);
        rgrid_print(g, x, y, line, RS_BOLD);
        digits_draw_weights(g, x, y + 1, map, big, gs);
        shown++;
    }
    return row + (DIGITS_DRAW_H + 1) * ((shown + per - 1) / per);
}

static int inside_render(const struct lesson_widget *w,
                         const struct widget_ctx *ctx, struct rgrid *g,
                         char *msg, size_t len)
{
    struct inside_args d;
    if (inside_read(w, &d, msg, len) != 0)
        return -1;
    int ko = say_is_ko(ctx->lang);
    struct digits_cache own, *cache = cache_get(ctx, &own);
    struct digits_cache_net *n;
    char why[DATA_MSG_SIZE];
    int err = digits_cache_net(cache, &d.net, &n, why, sizeof why);
    if (err == DATA_ENODATA || err == DATA_EIO || err == DATA_EFORMAT) {
        cache_done(cache, &own);
        return no_data(g, why);
    }
    if (err) {
        cache_done(cache, &own);
        return core_fail(err, msg, len);
    }
    int row = 0;
    if (d.show & IN_EPOCHS)
        row = draw_epochs(g, row, digits_net_session(&n->net), ko) + 1;
    if (d.show & IN_DIGITS)
        row = draw_digits(g, row, &n->eval, digits_net_data(&n->net), d.count,
                          ctx->glyphs, ko) +
              1;
    if (d.show & IN_CONFUSION)
        row = draw_confusion(g, row, &n->eval, ko) + 1;
    if (d.show & IN_WEIGHTS)
        row = draw_weight_maps(g, row, digits_net_mlp(&n->net), &d, ctx->glyphs,
                               ko) +
              1;
    cache_done(cache, &own);
    return row > 0 ? row - 1 : 0;
}

/* ---- @mnist-draw ---- */

/* A 7 as a learner might draw it, small, in the top-left corner: a bar
 * and a slanted stroke down, two pixels thick. */
static void seven(double *canvas)
{
    memset(canvas, 0, DIGITS_PIXELS * sizeof *canvas);
    for (int x = 2; x <= 10; x++)
        canvas[2 * DIGITS_SIDE + x] = canvas[3 * DIGITS_SIDE + x] = 1;
    for (int y = 4; y <= 13; y++) {
        int x = 10 - (y - 4) * 5 / 9;
        canvas[y * DIGITS_SIDE + x] = canvas[y * DIGITS_SIDE + x - 1] = 1;
    }
}

static int draw_check(const struct lesson_widget *w, char *msg, size_t len)
{
    static const char *const parts[] = {"steps", NULL};
    unsigned show = 1;
    return widget_args_show(w, parts, &show, msg, len);
}

static int draw_render(const struct lesson_widget *w,
                       const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                       size_t len)
{
    if (draw_check(w, msg, len) != 0)
        return -1;
    int ko = say_is_ko(ctx->lang);
    double canvas[DIGITS_PIXELS], out[DIGITS_PIXELS], cx, cy;
    seven(canvas);
    struct digits_prep p;
    digits_preprocess(canvas, out, &p);
    digits_centre_of_mass(canvas, DIGITS_SIDE, DIGITS_SIDE, &cx, &cy);
    rgrid_print(g, 0, 0, WORD(ko, "drawn", "그린 숫자"), RS_BOLD);
    rgrid_print(g, 32, 0, WORD(ko, "made like MNIST", "MNIST처럼 만든 숫자"),
                RS_BOLD);
    digits_draw_image(g, 0, 1, canvas, ctx->glyphs);
    digits_draw_image(g, 32, 1, out, ctx->glyphs);
    /* The field's edges, so the position shows. */
    for (int y = 1; y <= DIGITS_DRAW_H; y++) {
        rgrid_put(g, 28, y, '|', RS_DIM);
        rgrid_put(g, 60, y, '|', RS_DIM);
    }
    int row = DIGITS_DRAW_H + 2;
    char line[160];
    snprintf(line, sizeof line,
             ko ? "1. 경계 상자: 열 %d..%d, 행 %d..%d (%d x %d)"
                : "1. bounding box: columns %d..%d, rows %d..%d (%d x %d)",
             p.x0, p.x1, p.y0, p.y1, p.x1 - p.x0 + 1, p.y1 - p.y0 + 1);
    rgrid_print(g, 0, row++, line, RS_NORMAL);
    snprintf(line, sizeof line,
             ko ? "2. 배율 20 / %d = %.3f: %d x %d 상자 안으로"
                : "2. scale 20 / %d = %.3f: into a %d x %d box",
             (p.x1 - p.x0 > p.y1 - p.y0 ? p.x1 - p.x0 : p.y1 - p.y0) + 1,
             p.scale, p.w, p.h);
    rgrid_print(g, 0, row++, line, RS_NORMAL);
    snprintf(line, sizeof line,
             ko ? "3. 무게중심 (%.2f, %.2f) -> (%.2f, %.2f), 목표 (14, 14)"
                : "3. centre of mass (%.2f, %.2f) -> (%.2f, %.2f), aim (14, "
                  "14)",
             cx, cy, p.out_cx, p.out_cy);
    rgrid_print(g, 0, row++, line, RS_NORMAL);
    return row;
}

static const char *const data_params[] = {"show", "batch", "count", NULL};
static const char *const cost_params[] = {"hidden", "batch", "weights", "seed",
                                          NULL};
static const char *const inside_params[] = {"preset", "epochs", "train-size",
                                            "seed",   "show",   "units",
                                            "count",  "view",   NULL};
static const char *const draw_params[] = {"show", NULL};

const struct widget_kind widget_mnist_data = {"mnist-data", data_params,
                                              data_check, data_render};
const struct widget_kind widget_numgrad_cost = {"numgrad-cost", cost_params,
                                                cost_check, cost_render};
const struct widget_kind widget_mnist_inside = {"mnist-inside", inside_params,
                                                inside_check, inside_render};
const struct widget_kind widget_mnist_draw = {"mnist-draw", draw_params,
                                              draw_check, draw_render};
